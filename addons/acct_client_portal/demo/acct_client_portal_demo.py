# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo hooks of the portal, called from the demo XML files only (never by the product): the
demo clients' requests, profile changes and awaited documents, made through the same methods
as on the portal and in the back office."""

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from odoo.addons.project.models.project_task import CLOSED_STATES

DEMO_LANG = "bg_BG"


class AcctClientPortalDemo(models.AbstractModel):
    _name = "acct.client.portal.demo"
    _description = "Demo client portal (demo data hooks)"

    @api.model
    def _propose_as(self, client_id, user_id, post):
        """The profile change ``post`` proposed by the portal user ``user_id`` for
        ``client_id``, as the portal's form sends it; raises on errors instead of returning
        them. Returns the change's id."""
        Change = self.env["acct.profile.change"]
        client = self.env["res.partner"].browse(client_id)
        change, errors = Change._acct_propose(client, self.env["res.users"].browse(user_id), post)
        if errors:
            raise UserError("\n".join(errors))
        return change.id

    @api.model
    def _plan_and_ask(self, client_id, days_ahead, obligation_xmlid, category_xmlid):
        """Create now the client's statutory tasks that would exist in ``days_ahead`` days,
        and name ``category_xmlid`` on its next open task of the obligation: the firm
        waits for that document. Returns that task's id."""
        today = fields.Date.context_today(self)
        obligations = self.env["acct.client.obligation"].search([("client_id", "=", client_id)])
        obligations._generate_tasks(today=today + datetime.timedelta(days=days_ahead))
        task = self.env["project.task"].search(
            [
                ("acct_client_id", "=", client_id),
                ("acct_obligation_type_id", "=", self.env.ref(obligation_xmlid).id),
                ("state", "not in", list(CLOSED_STATES)),
                ("acct_effective_date", ">=", today),
            ],
            order="acct_effective_date",
            limit=1,
        )
        task.acct_portal_category_id = self.env.ref(category_xmlid)
        return task.id

    @api.model
    def _requests(self):
        """Зора ЕООД's and Балкан Трейд's requests in each state, made and answered through
        the same methods as on the portal and in the back office."""
        if self.env["res.lang"].search_count([("code", "=", DEMO_LANG)]):
            # The module's own translations come after its demo data: the e-mails and
            # activities of the demo need their Bulgarian now (as in acct_firm_crm's demo).
            self.env["ir.module.module"]._load_module_terms(["acct_client_portal"], [DEMO_LANG])
        ref = self.env.ref
        owner = ref("acct_client_portal.demo_user_zora_owner")
        bookkeeper = ref("acct_client_portal.demo_user_zora_bookkeeper")
        balkan = ref("acct_client_portal.demo_user_balkan_manager")
        done = self._request(
            owner,
            ref("acct_client_portal.demo_request_kind_no_liabilities"),
            "Удостоверение за липса на задължения за банката",
            "Банката (ДСК) иска удостоверение за липса на задължения за кредитната линия.",
        )
        firm_user = done.user_ids[:1] or ref("base.user_admin")
        done.with_user(firm_user).message_post(
            body=plaintext2html("Здравейте, прилагаме удостоверението, издадено от НАП днес."),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("udostoverenie-nap.pdf", b"%PDF-1.4\n% demo\n%%EOF\n")],
        )
        done.with_user(firm_user).state = "1_done"
        done.with_user(owner)._acct_portal_rate(5, "Бързо и точно, благодарим!")
        consultation = self._request(
            owner,
            ref("acct_client_portal.demo_request_kind_consultation"),
            "Регистрация по ДДС при внос на стоки",
            "Ще внасяме стоки от Турция за около 30 000 лв. Трябва ли да се регистрираме по ДДС?",
        )
        consultation.with_user(consultation.user_ids[:1] or firm_user).message_post(
            body=plaintext2html(
                "Да, при облагаем внос регистрацията е задължителна. Предлагаме среща в "
                "четвъртък в 10:00."
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self._request(
            bookkeeper,
            ref("acct_client_portal.demo_request_kind_payslip"),
            "Фиш за заплата на Иван Георгиев за миналия месец",
            "Служителят го иска за банката.",
        )
        copy = self._request(
            balkan,
            ref("acct_client_portal.demo_request_kind_return_copy"),
            "Копие от годишната декларация по чл. 92 ЗКПО",
            "",
        )
        copy.with_user(copy.user_ids[:1] or firm_user).state = "1_canceled"

    @api.model
    def _request(self, user, kind, subject, description):
        """The request ``user`` makes on the portal, as the task the portal creates."""
        user = user.with_user(user)
        client = user.partner_id.commercial_partner_id
        return (
            self.env["project.task"]
            .with_user(user)
            .with_context(lang=user.lang)
            ._acct_request_create_task(client, kind, subject, description, [])
            .sudo()
        )
