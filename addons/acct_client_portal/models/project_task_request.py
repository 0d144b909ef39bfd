# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime

from odoo import api, fields, models
from odoo.tools import plaintext2html

from odoo.addons.project.models.project_task import CLOSED_STATES

from acct_firm_core.uploads import DEFAULT_KINDS, UploadRefused, check_batch_size, check_file

MB = 1024 * 1024
SUBJECT_MAX = 200
DESCRIPTION_MAX = 10000
MAX_REQUEST_FILES = 5
# The portal's status of a request, from the task's state.
REQUEST_STATUSES = ("open", "done", "cancelled")
ROLE_FIELDS = {
    "accountant": "acct_accountant_id",
    "reviewer": "acct_reviewer_id",
    "payroll": "acct_payroll_accountant_id",
}


# Kept apart from models/project_task.py (the request fields that the portal's other pages
# share), so that the parts of the portal built side by side each own their file.
class ProjectTask(models.Model):
    """A client's request on the portal: a task of the client's statutory project.

    The portal user never writes a task: :meth:`_acct_portal_request_create` checks the
    form as the user and then writes an allow-list of values with elevated rights. What the
    portal shows of a request (its public messages, status and rating) is read through the
    record rules of ``security/acct_request_security.xml``.
    """

    _inherit = "project.task"  # pylint: disable=consider-merging-classes-inherited

    acct_request_status = fields.Selection(
        [("open", "In progress"), ("done", "Done"), ("cancelled", "Cancelled")],
        string="Request status",
        compute="_compute_acct_request_status",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        # Portal users read and search their requests by these (the record rules decide
        # which requests); the firm's own fields of a task stay out of their reach.
        return super().SELF_READABLE_FIELDS | {
            "acct_request_kind_id",
            "acct_requested_by_id",
            "acct_request_status",
        }

    @api.depends("state", "acct_request_kind_id")
    def _compute_acct_request_status(self):
        for task in self:
            if not task.acct_request_kind_id:
                task.acct_request_status = False
            elif task.state == "1_done":
                task.acct_request_status = "done"
            elif task.state == "1_canceled":
                task.acct_request_status = "cancelled"
            else:
                task.acct_request_status = "open"

    def _compute_access_url(self):
        result = super()._compute_access_url()
        # The client follows its requests on "My accounting", never on Odoo's /my/tasks
        # (which would show the project's other tasks and the time spent).
        for task in self.filtered("acct_request_kind_id"):
            task.access_url = f"/my/accounting/requests/{task.id}"
        return result

    @api.model
    def _acct_request_status_domain(self, status):
        """The domain of the portal's status filter ('open', 'done', 'cancelled')."""
        closed = list(CLOSED_STATES)
        return {
            "open": [("state", "not in", closed)],
            "done": [("state", "=", "1_done")],
            "cancelled": [("state", "=", "1_canceled")],
        }.get(status, [])

    # ------------------------------------------------------------------ access

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # A client's request is confidential: no token or signed link opens its chatter
        # (chatter fetch, message post, attachment upload) for a user the record rules
        # refuse, not even a leaked one (security.md item 4).
        task = self.browse(thread_id).sudo().exists()
        if task.acct_request_kind_id and not self.env.user._is_internal():
            kwargs = {k: v for k, v in kwargs.items() if k not in ("token", "hash", "pid")}
        return super()._get_thread_with_access(thread_id, mode, **kwargs)

    # ------------------------------------------------------------------ creation

    @api.model
    def _acct_portal_request_create(self, client, form, files):
        """Checks the portal's request form and creates the task, or returns the errors.

        Runs as the portal user, who must have been allowed requests by the caller;
        ``form`` holds ``kind``, ``subject`` and ``description``, ``files`` the uploaded
        files (werkzeug storages). Nothing is written when anything is refused but the
        refusals in the portal log. Returns ``{"task", "errors"}``.
        """
        env = self.env
        errors = []
        kind = env["acct.request.kind"].search(
            [("id", "=", int(form.get("kind") or 0) if str(form.get("kind")).isdigit() else 0)]
        )
        if not kind:
            errors.append(env._("Choose what you ask for."))
        subject = (form.get("subject") or "").strip()
        if not subject:
            errors.append(env._("Write a short subject."))
        elif len(subject) > SUBJECT_MAX:
            errors.append(env._("The subject is longer than %(max)s characters.", max=SUBJECT_MAX))
        description = (form.get("description") or "").strip()
        if len(description) > DESCRIPTION_MAX:
            errors.append(
                env._("The description is longer than %(max)s characters.", max=DESCRIPTION_MAX)
            )
        checked, file_errors = self._acct_request_check_files(files)
        errors += file_errors
        Log = env["acct.portal.log"]
        if errors:
            for message in file_errors:
                Log._log("request_upload", "refused", client_id=client.id, reason=message)
            return {"task": self.browse(), "errors": errors}
        task = self._acct_request_create_task(client, kind, subject, description, checked)
        for attachment in task.sudo().message_ids.attachment_ids:
            Log._log(
                "request_upload", client_id=client.id, task_id=task.id, file_name=attachment.name
            )
        return {"task": task, "errors": []}

    @api.model
    def _acct_request_check_files(self, files):
        """``([(name, bytes)], [error])``: the documents page's checks, file by file and
        for the whole batch."""
        Document = self.env["acct.client.document"]
        company = self.env.company
        checked, errors = [], []
        storages = [storage for storage in files if storage and storage.filename]
        if len(storages) > MAX_REQUEST_FILES:
            return [], [
                self.env._("Attach at most %(max)s files to a request.", max=MAX_REQUEST_FILES)
            ]
        for storage in storages:
            data = storage.read()
            try:
                clean = check_file(
                    storage.filename, data, allowed_kinds=DEFAULT_KINDS, max_bytes=20 * MB
                )
            except UploadRefused as refused:
                errors.append(Document._acct_upload_message(refused))
                continue
            checked.append((clean.name, data))
        try:
            check_batch_size(
                [len(data) for _name, data in checked],
                (company.acct_portal_batch_limit_mb or 50) * MB,
            )
        except UploadRefused as refused:
            errors.append(Document._acct_upload_message(refused))
        return checked, errors

    @api.model
    def _acct_request_create_task(self, client, kind, subject, description, files):
        """The task of a checked request, with the client's message and files on it, the
        requester following it and an activity for the assignee."""
        requester = self.env.user.partner_id
        client_sudo = client.sudo()
        project_id = (
            self.env["project.project"].sudo()._acct_client_projects(client_sudo)[client.id]
        )
        project = self.env["project.project"].sudo().browse(project_id)
        assignee = client_sudo[ROLE_FIELDS[kind.assignee_role]] or client_sudo.acct_accountant_id
        today = fields.Date.context_today(self)
        country = project.company_id.country_id or self.env.ref("base.bg")
        due = (
            self.env["acct.nonworking.day"]
            ._working_calendar()
            .add_working_days(today, kind.target_days, country)
        )
        firm_lang = assignee.lang or project.company_id._acct_lang()
        task = (
            self.sudo()
            .with_context(mail_create_nolog=True, lang=firm_lang)
            .create(
                {
                    "name": subject,
                    "project_id": project.id,
                    "company_id": project.company_id.id,
                    "acct_request_kind_id": kind.id,
                    "acct_requested_by_id": requester.id,
                    "partner_id": requester.id,
                    "user_ids": [fields.Command.set(assignee.ids)],
                    # Noon UTC: the same calendar day in every time zone of the firm.
                    "date_deadline": datetime.datetime.combine(due, datetime.time(12)),
                    "description": plaintext2html(description) if description else False,
                }
            )
        )
        task.message_subscribe(partner_ids=requester.ids)
        # The client's own words and files open the conversation: a public message by the
        # requester.
        task.message_post(
            body=plaintext2html(description or subject),
            author_id=requester.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=list(files),
        )
        if assignee:
            task.activity_schedule(
                "acct_client_portal.mail_activity_client_request",
                date_deadline=due,
                user_id=assignee.id,
                summary=task.env._(
                    "%(client)s asks: %(kind)s", client=client_sudo.name, kind=kind.name
                ),
            )
        return task.with_env(self.env)

    # ------------------------------------------------------------------ the firm's side

    def write(self, vals):
        closing = self.browse()
        if vals.get("state") == "1_done" and not self.env.context.get("acct_request_no_done_mail"):
            closing = self.filtered(lambda t: t.acct_request_kind_id and t.state != "1_done")
        result = super().write(vals)
        closing._acct_notify_request_done()
        return result

    def _acct_notify_request_done(self):
        """The requester's e-mail (in the requester's language) when the firm is done,
        unless the contact switched it off on the portal. Posted on the task, so the
        portal's conversation shows it too."""
        template = self.env.ref("acct_client_portal.mail_template_request_done")
        for task in self.sudo():
            requester = task.acct_requested_by_id
            if not requester.acct_notify_request_done or not requester.email:
                continue
            task.message_post_with_source(
                template,
                email_layout_xmlid="mail.mail_notification_light",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _message_post_after_hook(self, message, msg_vals):
        result = super()._message_post_after_hook(message, msg_vals)
        if (
            self.acct_request_kind_id
            and message.attachment_ids
            and message.message_type == "comment"
            and not message.is_internal
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id.user_ids.filtered(lambda u: not u.share)
        ):
            self._acct_file_reply_documents(message)
        return result

    def _acct_file_reply_documents(self, message):
        """The files of the firm's public reply, in the client's documents (origin firm):
        the documents page lists them with everything else the firm sent."""
        self.ensure_one()
        task = self.sudo()
        client = task.project_id.acct_client_id
        if not client:
            return
        category = task.acct_request_kind_id.document_category_id or self.env.ref(
            "acct_firm_crm.document_category_other"
        )
        today = fields.Date.context_today(self)
        self.env["acct.client.document"].sudo().create(
            [
                {
                    "name": attachment.name,
                    "file": base64.b64encode(attachment.raw or b""),
                    "file_name": attachment.name,
                    "client_id": client.id,
                    "category_id": category.id,
                    "year": today.year,
                    "month": str(today.month),
                    "origin": "firm",
                    "visible_to_client": True,
                    "acct_request_task_id": task.id,
                    "description": task.name,
                }
                for attachment in message.sudo().attachment_ids
            ]
        )

    # ------------------------------------------------------------------ rating

    def _acct_portal_rate(self, rate, feedback):
        """The requester's or owner's rating of a done request (Odoo's rating mixin).

        The caller has checked that the portal user may see the request; the rating is
        written with elevated rights, like Odoo's own /rate route does."""
        self.ensure_one()
        task = self.sudo()
        partner = self.env.user.partner_id
        token = task._rating_get_access_token(partner)
        state = task.state
        rating = task.rating_apply(rate, token=token, feedback=feedback or False)
        if task.state != state:
            # A stage with automatic validation would reopen the task: a request stays done
            # (and the requester is not told twice that it is done).
            task.with_context(acct_request_no_done_mail=True).state = state
        return rating
