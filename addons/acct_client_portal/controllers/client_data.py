# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import fields, http
from odoo.http import request

from acct_firm_core import client_profile

from ..models.acct_profile_change import BOOLEAN_KEYS
from .portal import AccountingPortal

NOTIFY_SWITCHES = (
    "acct_notify_request_done",
    "acct_notify_document_needed",
    "acct_notify_authorisation_end",
)


class ClientDataPortal(AccountingPortal):
    """Deadlines, authorisations and the client's own master data on "My accounting".

    Each page first checks the contact's right (``res.users._acct_portal_may``); the lists
    are searched as the portal user, so that the record rules decide what is shown.
    """

    def _acct_home_counts(self):
        counts = super()._acct_home_counts()
        user = request.env.user
        today = fields.Date.context_today(user)
        Task = request.env["project.task"].with_context(acct_portal_statutory=True)
        open_statutory = [
            ("acct_obligation_type_id", "!=", False),
            ("state", "not in", ["1_done", "1_canceled"]),
        ]
        deadlines_soon = tasks_waiting = expiring = 0
        if user._acct_portal_may("deadlines"):
            soon = today + datetime.timedelta(days=client_profile.DEADLINES_SOON_DAYS)
            deadlines_soon = Task.search_count(
                [
                    *open_statutory,
                    ("acct_effective_date", ">=", today),
                    ("acct_effective_date", "<=", soon),
                ]
            )
            tasks_waiting = Task.search_count(
                [
                    *open_statutory,
                    (
                        "acct_portal_category_id",
                        "in",
                        user._acct_portal_category_ids("upload"),
                    ),
                ]
            )
            warn_until = today + datetime.timedelta(days=client_profile.AUTHORISATION_WARNING_DAYS)
            expiring = request.env["acct.power.attorney"].search_count(
                [
                    ("state", "in", ("active", "expiring")),
                    ("effective_end", ">=", today),
                    ("effective_end", "<=", warn_until),
                ]
            )
        counts.update(
            {
                "acct_deadlines_soon_count": deadlines_soon,
                "acct_documents_waiting_count": counts.get("acct_upload_request_count", 0)
                + tasks_waiting,
                "acct_authorisations_expiring_count": expiring,
                "acct_may_deadlines": user._acct_portal_may("deadlines"),
                "acct_may_profile": user._acct_portal_may("profile"),
            }
        )
        return counts

    # ------------------------------------------------------------------ deadlines

    @http.route("/my/accounting/deadlines", type="http", auth="user", website=True)
    def portal_my_deadlines(self, **kw):
        client = self._acct_client_or_404()
        user = request.env.user
        if not user._acct_portal_may("deadlines"):
            return self._acct_feature_refused("deadlines")
        today = fields.Date.context_today(user)
        first, last = client_profile.deadlines_window(today)
        tasks = (
            request.env["project.task"]
            .with_context(acct_portal_statutory=True)
            .search(
                [
                    ("acct_obligation_type_id", "!=", False),
                    ("acct_effective_date", ">=", first),
                    ("acct_effective_date", "<=", last),
                    ("state", "!=", "1_canceled"),
                ],
                order="acct_effective_date, id",
            )
        )
        rows = tasks._acct_portal_deadline_rows(user._acct_portal_category_ids("upload"))
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_deadlines",
                "coming": [row for row in rows if row["effective_date"] >= today],
                "past": [row for row in reversed(rows) if row["effective_date"] < today],
                "today": today,
            }
        )
        return request.render("acct_client_portal.portal_my_deadlines", values)

    # ------------------------------------------------------------------ authorisations

    @http.route("/my/accounting/authorisations", type="http", auth="user", website=True)
    def portal_my_authorisations(self, **kw):
        client = self._acct_client_or_404()
        user = request.env.user
        if not user._acct_portal_may("deadlines"):
            return self._acct_feature_refused("authorisations")
        authorisations = request.env["acct.power.attorney"].search(
            [("state", "!=", "draft")], order="effective_end desc, id desc"
        )
        today = fields.Date.context_today(user)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_authorisations",
                "rows": authorisations._acct_portal_rows(today),
            }
        )
        return request.render("acct_client_portal.portal_my_authorisations", values)

    # ------------------------------------------------------------------ master data

    @http.route(
        "/my/accounting/profile", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_my_profile(self, **post):
        client = self._acct_client_or_404()
        user = request.env.user
        if not user._acct_portal_may("profile"):
            return self._acct_feature_refused("profile")
        Change = request.env["acct.profile.change"]
        errors = []
        if request.httprequest.method == "POST":
            change, errors = Change._acct_propose(client, user, post)
            if change:
                return request.redirect("/my/accounting/profile?sent=1")
        current = Change._acct_current_values(client)
        form = dict(current)
        if errors:
            # The client's own entries come back with the errors, to correct and send again.
            form.update({key: post.get(key, "") for key in current})
            for key in BOOLEAN_KEYS:
                form[key] = bool(post.get(key))
        client_sudo = client.sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_profile",
                "form": form,
                "post": post if errors else {},
                "errors": errors,
                "sent": post.get("sent") and not errors,
                "contacts": Change._acct_client_contacts(client),
                "banks": client_sudo.bank_ids,
                "changes": Change.search([], limit=30),
                "event_types": request.env["acct.profile.change.line"]
                ._fields["event_type"]
                ._description_selection(request.env),
            }
        )
        return request.render(
            "acct_client_portal.portal_my_profile", values, status=400 if errors else 200
        )

    # ------------------------------------------------------------------ e-mail choices

    @http.route(
        "/my/accounting/notifications",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_notifications(self, **post):
        client = self._acct_client_or_404()
        partner = request.env.user.partner_id
        saved = False
        if request.httprequest.method == "POST":
            # The contact's own three switches, nothing else of the partner.
            partner.sudo().write({name: bool(post.get(name)) for name in NOTIFY_SWITCHES})
            saved = True
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_notifications",
                "switches": {name: partner.sudo()[name] for name in NOTIFY_SWITCHES},
                "saved": saved,
            }
        )
        return request.render("acct_client_portal.portal_my_notifications", values)
