# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from odoo.addons.project.models.project_task import CLOSED_STATES

from acct_firm_core import client_profile

# What a portal user reads of a statutory task (its deadlines page): the obligation, the
# period, the dates and the state, never the firm's notes, time or chatter. A record rule
# lets the client's portal users read their statutory tasks; these are the only fields
# JSON-RPC gives them, and a search on any other field leaves statutory tasks out.
STATUTORY_PORTAL_FIELDS = frozenset(
    {
        "id",
        "display_name",
        "name",
        "acct_client_id",
        "acct_obligation_type_id",
        "acct_period_code",
        "acct_legal_date",
        "acct_effective_date",
        "acct_portal_category_id",
        "acct_portal_status",
        "state",
        "date_deadline",
        "company_id",
        "create_date",
        "write_date",
    }
)


class ProjectTask(models.Model):
    # Its own file, beside project_task.py: what the portal shows of statutory tasks.
    _inherit = "project.task"  # pylint: disable=consider-merging-classes-inherited

    acct_portal_category_id = fields.Many2one(
        "acct.document.category",
        string="Document asked from the client",
        index="btree_not_null",
        tracking=True,
        help="The firm waits for a document of this category from the client: the client's "
        "deadlines page links to the upload form with it, and the client gets an e-mail.",
    )
    acct_portal_status = fields.Selection(
        [
            (client_profile.PLANNED, "Planned"),
            (client_profile.IN_PROGRESS, "In progress"),
            (client_profile.DONE, "Done"),
            (client_profile.LATE, "Late"),
            (client_profile.CANCELLED, "Cancelled"),
        ],
        string="Status for the client",
        compute="_compute_acct_portal_status",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        # Project gives portal users a fixed list of task fields; the statutory ones join it
        # (the record rule and _read_format below keep them to the client's own tasks).
        return super().SELF_READABLE_FIELDS | STATUTORY_PORTAL_FIELDS

    @api.depends("state", "acct_effective_date")
    @api.depends_context("tz")
    def _compute_acct_portal_status(self):
        today = fields.Date.context_today(self)
        # Started: time logged (hours are the firm's, read only to say "in progress").
        hours = dict(
            self.env["account.analytic.line"]
            .sudo()
            ._read_group([("task_id", "in", self.ids)], ["task_id"], ["unit_amount:sum"])
        )
        for task in self:
            started = bool(hours.get(task)) or task.state not in ("01_in_progress", *CLOSED_STATES)
            task.acct_portal_status = client_profile.deadline_status(
                task.state, task.acct_effective_date, today, started
            )

    def _acct_is_portal_reader(self):
        return not self.env.su and self.env.user._is_portal()

    def _read_format(self, fnames, load="_classic_read"):
        if self._acct_is_portal_reader():
            hidden = set(fnames) - STATUTORY_PORTAL_FIELDS
            if hidden and any(self.sudo().mapped("acct_obligation_type_id")):
                raise AccessError(
                    self.env._(
                        "Of a statutory task, the portal shows only its obligation, period, "
                        "dates and state."
                    )
                )
        return super()._read_format(fnames, load=load)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if self._acct_is_portal_reader():
            names = {
                leaf[0].split(".")[0]
                for leaf in expression.normalize_domain(domain)
                if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str)
            }
            # Statutory tasks are listed by the deadlines page only (Odoo's own task pages
            # would show their description and time), and a search on a firm's field (the
            # description, the notes...) never finds one: it would tell what it holds.
            if not self.env.context.get("acct_portal_statutory") or (
                names - STATUTORY_PORTAL_FIELDS
            ):
                domain = expression.AND([domain, [("acct_obligation_type_id", "=", False)]])
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    # ------------------------------------------------------------------ the client's e-mail

    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        tasks.filtered("acct_portal_category_id")._acct_notify_document_needed()
        return tasks

    def write(self, vals):
        before = {}
        if vals.get("acct_portal_category_id"):
            before = {task.id: task.acct_portal_category_id for task in self}
        result = super().write(vals)
        if vals.get("acct_portal_category_id"):
            self.filtered(
                lambda task: before.get(task.id) != task.acct_portal_category_id
            )._acct_notify_document_needed()
        return result

    def _acct_notify_document_needed(self):
        """Tell the client's contacts who may upload the category (and want the e-mail)
        that the firm waits for a document for an open statutory task."""
        for task in self.sudo():
            if task.state in CLOSED_STATES or not task.acct_client_id.acct_is_firm_client:
                continue
            users = task.acct_client_id._acct_portal_recipients(
                "acct_notify_document_needed",
                feature="deadlines",
                upload_category=task.acct_portal_category_id,
            )
            task.acct_client_id._acct_send_portal_mail(
                "acct_client_portal.mail_template_task_document_needed", task, users
            )

    # ------------------------------------------------------------------ the deadlines page

    def _acct_portal_deadline_rows(self, upload_category_ids):
        """The rows of the client's deadlines page for these tasks (found as the portal
        user): only the statutory fields, read once for all of them."""
        statuses = dict(self._fields["acct_portal_status"]._description_selection(self.env))
        rows = []
        for task in self:
            category = task.acct_portal_category_id
            open_task = task.state not in CLOSED_STATES
            upload_url = False
            if open_task and category and category.id in upload_category_ids:
                period = task.acct_period_code or ""
                year = period[:4] if period[:4].isdigit() else ""
                month = period[5:7] if len(period) == 7 and period[5:7].isdigit() else ""
                upload_url = f"/my/accounting/upload?category={category.id}"
                if year:
                    upload_url += f"&year={year}"
                if month:
                    upload_url += f"&month={int(month)}"
            rows.append(
                {
                    "task": task,
                    "obligation": task.acct_obligation_type_id.sudo().name,
                    "period": task.acct_period_code,
                    "legal_date": task.acct_legal_date,
                    "effective_date": task.acct_effective_date,
                    "status": task.acct_portal_status,
                    "status_label": statuses.get(task.acct_portal_status),
                    "category": category.name if open_task and category else False,
                    "upload_url": upload_url,
                }
            )
        return rows
