# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect
import logging

from markupsafe import Markup, escape
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.tools import html2plaintext

from .acct_obligation_type import deadline_datetime
from .res_partner import ACCT_PROFILE_FLAGS

_logger = logging.getLogger(__name__)

# Context of the tasks the job creates: no "task created" message, no assignment e-mail per
# task (the assignee gets an activity before the deadline instead).
TASK_CREATE_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_auto_subscribe_no_notify": True,
}


class AcctClientObligation(models.Model):
    """An obligation of one client: derived from the profile, overridable by the firm."""

    _name = "acct.client.obligation"
    _description = "Client obligation"
    _order = "client_id, obligation_type_id"
    _rec_name = "obligation_type_id"

    client_id = fields.Many2one(
        "res.partner",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("acct_is_firm_client", "=", True)],
    )
    obligation_type_id = fields.Many2one(
        "acct.obligation.type", required=True, ondelete="cascade", index=True
    )
    active = fields.Boolean(
        default=True, help="Switch off to stop the tasks of this obligation for this client."
    )
    applies = fields.Boolean(
        compute="_compute_applies",
        store=True,
        help="The client's profile calls for this obligation. When a flag is removed it "
        "stops applying: no new tasks, the existing ones stay.",
    )
    periodicity = fields.Selection(related="obligation_type_id.periodicity")
    user_id = fields.Many2one(
        "res.users",
        string="Assignee",
        help="Takes the tasks instead of the person the obligation's role points to.",
    )
    lead_days = fields.Integer(
        "Lead time (days)",
        compute="_compute_lead_days",
        store=True,
        readonly=False,
        help="The task is created this many days before the effective due date.",
    )
    date_start = fields.Date(
        "From",
        default=fields.Date.context_today,
        required=True,
        help="Deadlines before this date get no task.",
    )
    date_end = fields.Date("Until", help="Periods starting after this date get no task.")
    task_ids = fields.One2many("project.task", "acct_client_obligation_id", string="Tasks")

    _sql_constraints = [
        (
            "client_type_unique",
            "UNIQUE(client_id, obligation_type_id)",
            "The client already has this obligation.",
        ),
    ]

    @api.depends(
        "obligation_type_id.applicability",
        "obligation_type_id.cit_regime",
        "client_id.acct_is_firm_client",
        "client_id.acct_cit_advance_regime",
        *(f"client_id.{flag}" for flag in ACCT_PROFILE_FLAGS),
    )
    def _compute_applies(self):
        for obligation in self:
            obligation.applies = bool(
                obligation.client_id.acct_is_firm_client
                and obligation.obligation_type_id._applies_to(obligation.client_id)
            )

    @api.depends("obligation_type_id.lead_days")
    def _compute_lead_days(self):
        for obligation in self:
            obligation.lead_days = obligation.obligation_type_id.lead_days

    # ----------------------------------------------------------------------------------
    # Derivation from the profile
    # ----------------------------------------------------------------------------------

    @api.model
    def _sync_for_clients(self, clients):
        """Create the obligations that the clients' profiles call for and that they do
        not have yet (archived ones included: an override stays overridden)."""
        types = self.env["acct.obligation.type"].search([("applicability", "!=", False)])
        existing = {
            (o.client_id.id, o.obligation_type_id.id)
            for o in self.with_context(active_test=False).search_fetch(
                [("client_id", "in", clients.ids)], ["client_id", "obligation_type_id"]
            )
        }
        today = fields.Date.context_today(self)
        vals_list = [
            {
                "client_id": client.id,
                "obligation_type_id": kind.id,
                "date_start": max(client.acct_client_since or today, today),
            }
            for client in clients
            for kind in types
            if (client.id, kind.id) not in existing and kind._applies_to(client)
        ]
        return self.create(vals_list)

    # ----------------------------------------------------------------------------------
    # The scheduled job
    # ----------------------------------------------------------------------------------

    @api.model
    def _cron_generate_tasks(self, batch_size=500, today=None):
        """Create the tasks that are due to exist, ``batch_size`` at a time.

        Each call creates one batch and reports progress; the cron runner commits and calls
        again while work remains, so a killed run loses at most one uncommitted batch and the
        next run starts from what is in the database.
        """
        obligations = self.search(self._job_domain())
        pending = obligations._pending_deadlines(today or fields.Date.context_today(self))
        batch = pending[:batch_size]
        self._create_tasks(batch)
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=len(pending) - len(batch))
        return len(batch), len(pending) - len(batch)

    @api.model
    def _job_domain(self):
        return [
            ("active", "=", True),
            ("applies", "=", True),
            ("periodicity", "!=", "event"),
            ("client_id.active", "=", True),
            ("obligation_type_id.active", "=", True),
        ]

    def _generate_tasks(self, today=None):
        """'Run now': create every due task of these obligations at once."""
        obligations = self.filtered_domain(self._job_domain())
        pending = obligations._pending_deadlines(today or fields.Date.context_today(self))
        return self._create_tasks(pending)

    def _pending_deadlines(self, today):
        """The deadlines of these obligations whose task should exist today and does not.

        A constant number of queries: one for the calendars, one for the existing tasks.
        Returns a list of ``(obligation, period_code, legal_date, effective_date)``.
        """
        if not self:
            return []
        working_calendar = self.env["acct.nonworking.day"]._working_calendar()
        candidates = {
            kind: kind._candidate_deadlines(today, working_calendar)
            for kind in self.obligation_type_id
        }
        codes = list({row[0] for rows in candidates.values() for row in rows})
        existing = set()
        if codes:
            self.env["project.task"].flush_model(
                ["acct_client_id", "acct_obligation_type_id", "acct_period_code"]
            )
            # Archived and done tasks count too: a period is worked once, whatever happened.
            self.env.cr.execute(
                """
                SELECT acct_client_id, acct_obligation_type_id, acct_period_code
                  FROM project_task
                 WHERE acct_obligation_type_id = ANY(%s)
                   AND acct_client_id = ANY(%s)
                   AND acct_period_code = ANY(%s)
                """,
                [self.obligation_type_id.ids, self.client_id.ids, codes],
            )
            existing = set(self.env.cr.fetchall())
        # The rows whose creation date has come, per (type, lead time), in legal-date
        # order: each obligation then only looks at those from its start date on.
        due_rows = {}
        pending = []
        for obligation in self:
            kind = obligation.obligation_type_id
            lead = obligation.lead_days
            rows = due_rows.get((kind, lead))
            if rows is None:
                rows = due_rows[kind, lead] = sorted(
                    (row for row in candidates[kind] if (row[3] - today).days <= lead),
                    key=lambda row: row[2],
                )
            client_id = obligation.client_id.id
            date_end = obligation.date_end
            first = bisect.bisect_left(rows, obligation.date_start, key=lambda row: row[2])
            for code, start, legal, effective in rows[first:]:
                if date_end and start > date_end:
                    continue
                if (client_id, kind.id, code) not in existing:
                    pending.append((obligation, code, legal, effective))
        return pending

    @api.model
    def _create_tasks(self, pending):
        """Create one task per pending deadline, skipping those another run created.

        The whole batch is tried in one savepoint; if a concurrent run inserted one of the
        keys meanwhile, the unique constraint refuses it and the batch is redone one task
        per savepoint, skipping the duplicates.
        """
        tasks = self.env["project.task"]
        if not pending:
            return tasks
        projects = self.env["project.project"]._acct_client_projects(
            self.env["res.partner"].union(*(row[0].client_id for row in pending))
        )
        # Names and checklists are written in the firm's language, not the job's.
        langs = {row[0].client_id.id: row[0].client_id._acct_firm_lang() for row in pending}
        kinds = self._types_of(pending)
        checklists = {
            (kind.id, lang): self._checklist_html(kind.with_context(lang=lang))
            for kind in kinds
            for lang in set(langs.values())
        }
        vals_list = [
            self._task_values(obligation, code, legal, effective, projects, checklists)
            for obligation, code, legal, effective in pending
            if obligation.client_id.id in projects
        ]
        task_model = tasks.with_context(**TASK_CREATE_CONTEXT)
        try:
            with self.env.cr.savepoint():
                return task_model.create(vals_list)
        except IntegrityError:
            _logger.info("Statutory tasks: another run created some of them, going one by one")
        for vals in vals_list:
            try:
                with self.env.cr.savepoint():
                    tasks |= task_model.create(vals)
            except IntegrityError:
                continue
        return tasks

    def _assignee(self):
        self.ensure_one()
        client = self.client_id
        role = self.obligation_type_id.default_role
        by_role = {
            "accountant": client.acct_accountant_id,
            "reviewer": client.acct_reviewer_id or client.acct_accountant_id,
            "payroll": client.acct_payroll_accountant_id or client.acct_accountant_id,
        }
        return self.user_id or by_role[role]

    @api.model
    def _types_of(self, pending):
        return self.env["acct.obligation.type"].union(
            *{row[0].obligation_type_id for row in pending}
        )

    @api.model
    def _task_values(self, obligation, code, legal, effective, projects, checklists):
        client = obligation.client_id
        lang = client._acct_firm_lang()
        kind = obligation.obligation_type_id.with_context(lang=lang)
        assignee = obligation._assignee()
        return {
            "name": self._task_name(kind, code),
            "project_id": projects[client.id],
            "partner_id": client.id,
            "acct_client_id": client.id,
            "acct_obligation_type_id": kind.id,
            "acct_client_obligation_id": obligation.id,
            "acct_period_code": code,
            "acct_legal_date": legal,
            "acct_effective_date": effective,
            "date_deadline": deadline_datetime(effective),
            "user_ids": [fields.Command.set(assignee.ids)],
            "description": checklists[kind.id, lang],
        }

    @api.model
    def _task_name(self, kind, code):
        """The name of the task of ``kind`` for period ``code``, in the language of ``kind``'s
        context: the firm's language when the task is created (the task name is plain text,
        written once, like a name typed by the accountant)."""
        return f"{kind.name} {code}"

    @api.model
    def _checklist_html(self, kind):
        if not kind.checklist_item_ids:
            return False
        items = Markup("").join(
            Markup("<li>%s</li>") % escape(item.name) for item in kind.checklist_item_ids
        )
        return Markup('<ul class="o_checklist">%s</ul>') % items

    @api.model
    def _rename_english_tasks(self):
        """Migration 18.0.1.1.0: rename the statutory tasks that earlier versions named in
        English (the job's language) in the firm's language. A name that is not the English
        one (renamed by hand, or already right) is left alone. Returns the tasks renamed."""
        tasks = (
            self.env["project.task"]
            .with_context(active_test=False)
            .search([("acct_obligation_type_id", "!=", False), ("acct_client_id", "!=", False)])
        )
        renamed = self.env["project.task"]
        for task in tasks:
            lang = task.acct_client_id._acct_firm_lang()
            if lang == "en_US":
                continue
            kind = task.acct_obligation_type_id
            english = self._task_name(kind.with_context(lang="en_US"), task.acct_period_code)
            if task.name != english:
                continue
            name = self._task_name(kind.with_context(lang=lang), task.acct_period_code)
            if name == english:
                continue
            values = {"name": name}
            # The checklist too, while nobody has ticked or edited it.
            description = task.description or ""
            checklist = self._checklist_html(kind.with_context(lang="en_US"))
            if (
                checklist
                and "o_checked" not in description
                and html2plaintext(description) == html2plaintext(checklist)
            ):
                values["description"] = self._checklist_html(kind.with_context(lang=lang))
            task.with_context(tracking_disable=True).write(values)
            renamed |= task
        return renamed

    @api.model
    def _notify_created(self, tasks):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if tasks else "info",
                "message": self.env._("%(count)s statutory task(s) created.", count=len(tasks)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
