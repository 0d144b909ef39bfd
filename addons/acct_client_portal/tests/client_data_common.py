# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import fields
from odoo.tests import new_test_user

from .common import AcctPortalCommon


class AcctClientDataCommon(AcctPortalCommon):
    """The documents' two clients, with statutory tasks, powers of attorney and the firm's
    accountants: X's own accountant and one of another client.

    Every secret of the firm carries a marker (X-TASK-NOTE, Y-TASK-NOTE ...) so that a body
    or an RPC answer can be searched for a leak.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.today = fields.Date.context_today(env.user)
        cls.other_accountant = new_test_user(
            env,
            login="acct_other_accountant",
            password="acct_other_accountant_pw",
            name="Other accountant",
            groups="acct_firm_crm.group_acct_firm_user",
        )
        cls.accountant.password = "acct_portal_accountant_pw"
        cls.client_y.acct_accountant_id = cls.other_accountant
        # The bookkeeper of X may not see deadlines nor change the master data.
        cls.bookkeeper_x.partner_id.write(
            {"acct_portal_deadlines": False, "acct_portal_profile": False}
        )
        cls.vat = env.ref("acct_firm_crm.obligation_bg_vat_return")
        cls.cit = env.ref("acct_firm_crm.obligation_bg_cit_annual")
        projects = env["project.project"]._acct_client_projects(cls.client_x | cls.client_y)
        days = datetime.timedelta
        cls.x_task_soon = cls._task(
            cls.client_x, projects, cls.vat, "2099-01", cls.today + days(5), "X-TASK-NOTE"
        )
        cls.x_task_soon.acct_portal_category_id = cls.cat_invoices
        cls.x_task_late = cls._task(
            cls.client_x, projects, cls.vat, "2098-12", cls.today - days(3), "X-LATE-NOTE"
        )
        cls.x_task_done = cls._task(
            cls.client_x, projects, cls.cit, "2097", cls.today - days(60), "X-DONE-NOTE"
        )
        cls.x_task_done.state = "1_done"
        cls.y_task = cls._task(
            cls.client_y, projects, cls.vat, "2099-01", cls.today + days(7), "Y-TASK-NOTE"
        )
        cls.x_authorisation = cls._authorisation(cls.client_x, cls.today + days(20))
        cls.x_authorisation_long = cls._authorisation(cls.client_x, cls.today + days(400))
        cls.y_authorisation = cls._authorisation(cls.client_y, cls.today + days(10))

    @classmethod
    def _task(cls, client, projects, kind, period, effective, note):
        return cls.env["project.task"].create(
            {
                "name": f"{kind.name} {period}",
                "project_id": projects[client.id],
                "acct_client_id": client.id,
                "acct_obligation_type_id": kind.id,
                "acct_period_code": period,
                "acct_legal_date": effective,
                "acct_effective_date": effective,
                "description": f"<p>{note}</p>",
            }
        )

    @classmethod
    def _authorisation(cls, client, end):
        authorisation = cls.env["acct.power.attorney"].create(
            {
                "principal_id": client.id,
                "authority": "nap",
                "scope": "full",
                "valid_from": cls.today - datetime.timedelta(days=300),
                "valid_to": end,
            }
        )
        authorisation.action_activate()
        return authorisation

    def propose(self, **values):
        """POSTs the master data form with the client's current values changed by
        ``values``; returns the response."""
        Change = self.env["acct.profile.change"]
        current = Change._acct_current_values(self.client_x)
        data = {
            key: ("1" if value is True else "" if value is False else str(value))
            for key, value in current.items()
        }
        data.update({key: str(value) for key, value in values.items()})
        data["csrf_token"] = self.page_csrf("/my/accounting/profile")
        return self.url_open("/my/accounting/profile", data=data, allow_redirects=False)

    def page_csrf(self, url):
        page = self.url_open(url)
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]
