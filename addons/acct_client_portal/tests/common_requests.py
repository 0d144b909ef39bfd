# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import new_test_user

from .common import AcctPortalCommon, pdf


class AcctRequestCommon(AcctPortalCommon):
    """The clients of :class:`AcctPortalCommon` with request kinds and the people the
    request tests need: X's owner (marked owner), X's bookkeeper (a contact with the right
    to ask), X's clerk (a contact without it), a second contact of X who may ask, and an
    ordinary accountant of client Y only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Kind = env["acct.request.kind"]
        cls.kind_certificate = Kind.create(
            {
                "name": "Certificate of no liabilities",
                "request_type": "document",
                "assignee_role": "accountant",
                "target_days": 3,
                "description": "KIND-DESCRIPTION-CERTIFICATE",
            }
        )
        cls.kind_payslip = Kind.create(
            {
                "name": "Payroll slip",
                "request_type": "document",
                "assignee_role": "payroll",
                "target_days": 2,
                "document_category_id": cls.cat_payroll.id,
            }
        )
        cls.kind_archived = Kind.create(
            {"name": "KIND-ARCHIVED", "target_days": 1, "active": False}
        )
        cls.owner_x.partner_id.acct_portal_owner = True
        cls.owner_x.partner_id.email = "owner.x@example.com"
        cls.bookkeeper_x.partner_id.email = "bookkeeper.x@example.com"
        cls.clerk_x = cls._portal_user("clerk_x", "Clerk X", cls.client_x)
        cls.clerk_x.partner_id.acct_portal_requests = False
        cls.colleague_x = cls._portal_user("colleague_x", "Colleague X", cls.client_x)
        cls.accountant_y = new_test_user(
            env,
            login="acct_portal_accountant_y",
            password="acct_portal_accountant_y_pw",
            name="Accountant Y",
            groups="acct_firm_crm.group_acct_firm_user,project.group_project_user",
        )
        cls.client_y.acct_accountant_id = cls.accountant_y
        cls.Task = env["project.task"]

    @classmethod
    def _request(cls, user, subject, kind=None, description="", files=()):
        """A request made as the portal ``user`` by the portal's own method (no HTTP)."""
        client = user.partner_id.commercial_partner_id
        task = (
            cls.env["project.task"]
            .with_user(user)
            ._acct_request_create_task(
                client, kind or cls.kind_certificate, subject, description, list(files)
            )
        )
        return task.sudo().with_env(cls.env)

    @classmethod
    def _reply(cls, task, body, files=(), note=False):
        """The firm's reply (public, or an internal note) with ``files`` as (name, bytes)."""
        return (
            task.with_user(task.user_ids[:1] or cls.accountant)
            .sudo(False)
            .message_post(
                body=body,
                message_type="comment",
                subtype_xmlid="mail.mt_note" if note else "mail.mt_comment",
                attachments=list(files),
            )
        )

    def form_token(self, url="/my/accounting/requests/new"):
        page = self.url_open(url)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        return match.group(1)

    def post_request(self, kind, subject, description="", files=(), csrf=True):
        data = {"kind": str(kind.id if hasattr(kind, "id") else kind), "subject": subject}
        data["description"] = description
        if csrf:
            data["csrf_token"] = self.form_token()
        upload = [("attachments", (name, content, "application/pdf")) for name, content in files]
        return self.url_open(
            "/my/accounting/requests/new",
            data=data,
            files=upload or None,
            allow_redirects=False,
        )

    @staticmethod
    def marked_pdf(marker):
        return pdf(marker)
