# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from acct_firm_core.statement import PERIOD_KINDS, default_period, recent_years

from .portal import AccountingPortal

REPORT = "acct_firm_crm.action_report_work_statement"


class WorkStatementPortal(AccountingPortal):
    """The statement of work on the portal: ``/my/accounting/work`` and its PDF.

    The client is always the portal user's own company: no route takes a client id. A user
    the client or the contact is not allowed the statement (``_acct_portal_may('work')``)
    gets a 403 page. Only after that check are the firm's records read, as superuser, by
    ``acct.work.statement``.
    """

    def _acct_work_client(self):
        client = self._acct_firm_client()
        if client and request.env.user._acct_portal_may("work"):
            return client
        return None

    def _acct_work_kinds(self):
        """The document kind codes whose counts this user reads: all for the client's owner,
        for another contact those of the categories it may download (payroll stays with
        the contacts named for it)."""
        user = request.env.user
        if user._acct_portal_is_owner():
            return None
        categories = (
            request.env["acct.document.category"]
            .sudo()
            .browse(user._acct_portal_category_ids("download"))
        )
        return categories.mapped("code")

    def _acct_work_period(self, params):
        """The period of the request's parameters (the picker's fields, or ``period`` as a
        code); the previous month when none is given. Raises UserError when unreadable."""
        Statement = request.env["acct.work.statement"]
        if params.get("period"):
            return Statement._acct_period_from_code(params["period"])
        kind = params.get("kind")
        if not kind:
            return default_period(fields.Date.context_today(request.env.user))
        if kind not in PERIOD_KINDS:
            return Statement._acct_period(kind)
        year = str(params.get("year") or "")
        values = {
            "month": f"{year}-{str(params.get('month') or '').zfill(2)}",
            "quarter": f"{year}-Q{params.get('quarter') or ''}",
            "year": year,
        }
        return Statement._acct_period(
            kind,
            values.get(kind),
            date_from=params.get("date_from"),
            date_to=params.get("date_to"),
        )

    @http.route("/my/accounting/work", type="http", auth="user", website=True)
    def portal_my_work(self, **params):
        client = self._acct_work_client()
        if not client:
            return self._acct_feature_refused("work")
        today = fields.Date.context_today(request.env.user)
        error = None
        try:
            period = self._acct_work_period(params)
        except UserError as exc:
            error, period = exc.args[0], default_period(today)
        statement = (
            request.env["acct.work.statement"]
            .sudo()
            ._acct_statement(client, period, self._acct_work_kinds())
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_work",
                "st": statement,
                "st_links": True,
                "period": period,
                "error": error,
                "years": recent_years(today),
                "months": range(1, 13),
            }
        )
        return request.render(
            "acct_client_portal.portal_my_work", values, status=400 if error else 200
        )

    @http.route("/my/accounting/work/pdf", type="http", auth="user", website=True)
    def portal_my_work_pdf(self, **params):
        client = self._acct_work_client()
        Log = request.env["acct.portal.log"]
        if not client:
            Log._log(
                "statement",
                "refused",
                file_name=str(params.get("period") or "")[:64],
                reason=request.env._("The statement of work is not open to this user."),
            )
            return self._acct_feature_refused("work")
        try:
            period = self._acct_work_period(params)
        except UserError:
            raise request.not_found() from None
        client_sudo = client.sudo()
        report = request.env["ir.actions.report"].sudo()
        data = {"period": period.code, "kinds": self._acct_work_kinds()}
        pdf, _type = report._render_qweb_pdf(REPORT, client.ids, data=data)
        filename = f"{client_sudo.acct_client_code or client.id}-{period.code}.pdf"
        Log._log("statement", client_id=client.id, file_name=filename, year=period.year)
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", http.content_disposition(filename)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
