# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import file_path
from odoo.tools.translate import PoFileReader, get_po_paths

from acct_firm_core import deadlines, periods

from .acct_power_attorney import AUTHORITIES
from .res_partner import ACCT_PROFILE_FLAGS

_logger = logging.getLogger(__name__)

CATALOGUE_FILE = "acct_firm_crm/data/acct_obligation_type_data.xml"
# What the law says, as opposed to what the firm tunes (lead time, role, checklist): a
# version that corrects the catalogue rewrites these on the records it shipped.
STATUTORY_FIELDS = ("due_rule", "instalment_rules", "legal_reference", "source_url", "note")


class AcctObligationType(models.Model):
    """One statutory obligation of the catalogue: what is filed or paid, and by when.

    Whether it applies to a client is declared, not programmed: ``applicability`` lists
    profile flags (see :meth:`_applies_to`) and ``cit_regime`` adds the CIT advance regime.
    """

    _name = "acct.obligation.type"
    _description = "Statutory obligation type"
    _order = "sequence, code"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Stable technical code, e.g. BG_VAT_RETURN.")
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    country_id = fields.Many2one(
        "res.country",
        required=True,
        default=lambda self: self.env.ref("base.bg", raise_if_not_found=False),
        help="Its non-working days shift the deadlines.",
    )
    periodicity = fields.Selection(
        [("month", "Monthly"), ("quarter", "Quarterly"), ("year", "Yearly"), ("event", "Event")],
        required=True,
        default="month",
    )
    due_rule = fields.Char(
        required=True,
        help="When it is due, counted from the period start (or the event date): "
        "M+1:14 = the 14th of the next month, Q+1:EOM = the end of the month after the "
        "quarter, Y+1:06-30 = 30 June of the next year, win[Y+1:03-01..Y+1:06-30] = a filing "
        "window, ev+3d = three days after the event.",
    )
    instalment_rules = fields.Char(
        help="For obligations paid in several instalments: one due rule per instalment, "
        "separated by spaces. Each instalment gets its own task, with the period code "
        "followed by /1, /2 ...",
    )
    is_window = fields.Boolean(
        "Filing window",
        compute="_compute_is_window",
        store=True,
        help="The due rule is a window: the filing can be made only from its opening date.",
    )
    applicability = fields.Char(
        help="Profile flags that make the obligation apply. Comma = and, | = or, ! = not: "
        "'acct_vat_registered, acct_intra_eu_supplies' or "
        "'acct_employer | acct_civil_contract_payer' or "
        "'acct_individual | acct_self_insured, !acct_sole_trader'. Empty: never derived.",
    )
    cit_regime = fields.Selection(
        [
            ("any", "Any"),
            ("advances", "Quarterly or monthly advances"),
            ("quarterly", "Quarterly advances"),
            ("monthly", "Monthly advances"),
        ],
        string="CIT advance regime",
        default="any",
        required=True,
    )
    lead_days = fields.Integer(
        "Lead time (days)",
        default=10,
        help="The task is created this many days before the effective due date.",
    )
    default_role = fields.Selection(
        [
            ("accountant", "Responsible accountant"),
            ("reviewer", "Reviewer"),
            ("payroll", "Payroll accountant"),
        ],
        required=True,
        default="accountant",
    )
    authority = fields.Selection(
        AUTHORITIES,
        default="nap",
        help="Where the obligation is filed: its tasks are flagged for a client that has no "
        "active power of attorney before this authority.",
    )
    legal_reference = fields.Char(
        help="The article and paragraph that state the deadline, e.g. ЗДДС чл. 125, ал. 5."
    )
    source_url = fields.Char(
        "Official source",
        help="Address of the official page or of the law text that states the deadline, so "
        "a reviewer can check the rule.",
    )
    note = fields.Text(translate=True)
    checklist_item_ids = fields.One2many(
        "acct.obligation.checklist.item", "obligation_type_id", string="Checklist"
    )

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "Another obligation type already has this code."),
        ("lead_days_positive", "CHECK(lead_days >= 0)", "The lead time cannot be negative."),
    ]

    @api.depends("due_rule")
    def _compute_is_window(self):
        for kind in self:
            kind.is_window = (kind.due_rule or "").strip().startswith("win")

    @api.constrains("due_rule", "instalment_rules", "periodicity")
    def _check_due_rule(self):
        for kind in self:
            for rule in [kind.due_rule, *kind._instalment_rule_list()]:
                try:
                    deadlines.validate_rule(rule, kind.periodicity)
                except ValueError as exc:
                    raise ValidationError(
                        self.env._(
                            "The due rule of %(type)s is not valid: %(error)s",
                            type=kind.display_name,
                            error=str(exc),
                        )
                    ) from exc

    @api.constrains("source_url")
    def _check_source_url(self):
        for kind in self:
            url = (kind.source_url or "").strip()
            if url and (not url.startswith(("https://", "http://")) or " " in url):
                raise ValidationError(
                    self.env._(
                        "The official source of %(type)s must be a web address starting with "
                        "https:// or http://, got %(url)s.",
                        type=kind.display_name,
                        url=url,
                    )
                )

    @api.constrains("applicability")
    def _check_applicability(self):
        for kind in self:
            for _negated, flag in kind._applicability_terms(flatten=True):
                if flag not in ACCT_PROFILE_FLAGS:
                    raise ValidationError(
                        self.env._(
                            "The applicability of %(type)s names %(flag)s, which is not a "
                            "profile flag. Use: %(flags)s.",
                            type=kind.display_name,
                            flag=flag,
                            flags=", ".join(ACCT_PROFILE_FLAGS),
                        )
                    )

    def _compute_display_name(self):
        for kind in self:
            kind.display_name = f"[{kind.code}] {kind.name}" if kind.code else kind.name

    # ----------------------------------------------------------------------------------
    # Applicability
    # ----------------------------------------------------------------------------------

    def _applicability_terms(self, flatten=False):
        """Parse ``applicability``: a list of clauses (all must hold), each a list of
        ``(negated, flag)`` alternatives (one must hold). ``flatten`` returns the terms."""
        self.ensure_one()
        clauses = []
        for clause in (self.applicability or "").split(","):
            terms = []
            for term in clause.split("|"):
                term = term.strip()
                if term:
                    terms.append((term.startswith("!"), term.lstrip("!").strip()))
            if terms:
                clauses.append(terms)
        if flatten:
            return [term for clause in clauses for term in clause]
        return clauses

    def _applies_to(self, partner):
        """True if the client's profile calls for this obligation."""
        self.ensure_one()
        clauses = self._applicability_terms()
        if not clauses:
            return False
        for clause in clauses:
            if not any(bool(partner[flag]) != negated for negated, flag in clause):
                return False
        regime = partner.acct_cit_advance_regime or "none"
        if self.cit_regime == "advances":
            return regime in ("quarterly", "monthly")
        if self.cit_regime in ("quarterly", "monthly"):
            return regime == self.cit_regime
        return True

    # ----------------------------------------------------------------------------------
    # Deadlines
    # ----------------------------------------------------------------------------------

    def _instalment_rule_list(self):
        self.ensure_one()
        return (self.instalment_rules or "").split()

    def _deadlines(self, period_start):
        """``[(period_code, legal_date)]`` of the period starting on ``period_start``.

        One entry, or one per instalment ('2026/1', '2026/2'); none when the rule says
        the period has no due date (e.g. no Q4 CIT advance).
        """
        self.ensure_one()
        code = periods.period_code(self.periodicity, period_start)
        instalments = self._instalment_rule_list()
        if instalments:
            return [
                (f"{code}/{number}", deadlines.legal_due_date(rule, period_start))
                for number, rule in enumerate(instalments, start=1)
            ]
        legal = deadlines.legal_due_date(self.due_rule, period_start)
        return [(code, legal)] if legal else []

    def _candidate_deadlines(self, today, working_calendar):
        """Every deadline of the periods from two years before ``today`` to a year after:
        ``[(period_code, period_start, legal_date, effective_date)]``.

        Two years back reach every rule of the catalogue (the latest is Y+1:09-30), a year
        ahead the periods due at or before their start (the December CIT advance is due on
        1 December). The job then keeps those whose creation date has come and that have
        no task yet.
        """
        self.ensure_one()
        if self.periodicity == "event":
            return []
        first = periods.period_start(self.periodicity, today.replace(year=today.year - 2, day=1))
        result = []
        last = today + datetime.timedelta(days=366)
        for start in periods.iter_periods(self.periodicity, first, last):
            for code, legal in self._deadlines(start):
                effective = working_calendar.effective(legal, self.country_id)
                result.append((code, start, legal, effective))
        return result

    def _legal_date_of(self, period_code):
        """The legal date the current rule gives the task of ``period_code`` ('2026-03',
        '2026/2' for an instalment, '2026-03-05' for an event); None when it has none."""
        self.ensure_one()
        code, _sep, number = period_code.partition("/")
        _periodicity, start = periods.parse_period_code(code)
        rule = self.due_rule
        if number:
            rules = self._instalment_rule_list()
            index = int(number) - 1
            rule = rules[index] if 0 <= index < len(rules) else None
        return deadlines.legal_due_date(rule, start) if rule else None

    def _recompute_open_task_dates(self, today=None):
        """Give the open tasks of these types that are not due yet the dates of the current
        due rule, after the rule changed. Done and cancelled tasks, and tasks whose legal
        date has passed, keep the date they were worked against. Returns the tasks moved."""
        today = today or fields.Date.context_today(self)
        tasks = self.env["project.task"].search(
            [
                *self.env["project.task"]._acct_open_domain(),
                ("acct_obligation_type_id", "in", self.ids),
                ("acct_legal_date", ">=", today),
            ]
        )
        working_calendar = self.env["acct.nonworking.day"]._working_calendar()
        moved = self.env["project.task"]
        for task in tasks:
            kind = task.acct_obligation_type_id
            try:
                legal = kind._legal_date_of(task.acct_period_code or "")
            except ValueError:
                continue  # a hand-made code: nothing to recompute from
            if not legal or legal == task.acct_legal_date:
                continue
            effective = working_calendar.effective(legal, kind.country_id)
            task.write(
                {
                    "acct_legal_date": legal,
                    "acct_effective_date": effective,
                    "date_deadline": deadline_datetime(effective),
                    "acct_reminder_sent": False,
                }
            )
            moved |= task
        return moved

    @api.model
    def _catalogue_statutory_values(self, path=None):
        """``{xmlid: {field: value}}`` of the statutory fields of the shipped catalogue."""
        tree = etree.parse(path or file_path(CATALOGUE_FILE))
        rows = {}
        for record in tree.iter("record"):
            if record.get("model") != self._name:
                continue
            values = dict.fromkeys(STATUTORY_FIELDS, False)
            for field in record.iter("field"):
                if field.get("name") in values:
                    values[field.get("name")] = (field.text or "").strip() or False
            rows[record.get("id")] = values
        return rows

    @api.model
    def _refresh_catalogue(self, path=None, today=None):
        """Bring the shipped records (noupdate) in line with the catalogue file: rewrite the
        statutory fields, then move the open, not yet due tasks of the types whose rule
        changed. Lead times, roles and checklists stay as the firm set them.
        Returns ``(types whose rule changed, tasks moved)``."""
        changed = self.browse()
        for xmlid, values in self._catalogue_statutory_values(path).items():
            kind = self.env.ref(f"acct_firm_crm.{xmlid}", raise_if_not_found=False)
            if not kind:
                continue
            old_rules = (kind.due_rule, kind.instalment_rules or False)
            kind.with_context(lang="en_US").write(values)
            if old_rules != (kind.due_rule, kind.instalment_rules or False):
                changed |= kind
        self._refresh_catalogue_notes_translations()
        moved = changed._recompute_open_task_dates(today)
        _logger.info(
            "Statutory catalogue refreshed: %s rule(s) changed (%s), %s open task(s) moved.",
            len(changed),
            ", ".join(changed.mapped("code")) or "none",
            len(moved),
        )
        return changed, moved

    @api.model
    def _refresh_catalogue_notes_translations(self):
        """Rewrite the note of the shipped records in every installed language from the
        addon's translation files. Writing the English note leaves the other languages as
        they were, and an upgrade loads translations without overwriting existing ones, so
        without this a Bulgarian firm would keep reading the note of the old version.
        A translation made for another English text (an outdated file) is not applied.
        Returns the records whose note was rewritten in some language."""
        module = CATALOGUE_FILE.split("/", 1)[0]
        rewritten = self.browse()
        for lang, _name in self.env["res.lang"].get_installed():
            if lang == "en_US":
                continue
            for path in get_po_paths(module, lang, env=self.env):
                for row in PoFileReader(path):
                    if row["type"] != "model" or row["name"] != f"{self._name},note":
                        continue
                    kind = self.env.ref(f"{module}.{row['imd_name']}", raise_if_not_found=False)
                    if not kind or not row["value"]:
                        continue
                    if kind.with_context(lang="en_US").note != row["src"]:
                        continue
                    if kind.with_context(lang=lang).note != row["value"]:
                        kind.with_context(lang=lang).note = row["value"]
                        rewritten |= kind
        return rewritten

    # ----------------------------------------------------------------------------------
    # Actions
    # ----------------------------------------------------------------------------------

    def action_generate_tasks(self):
        """'Run now' for this obligation type, for every client it applies to."""
        self.check_access("write")
        obligations = self.env["acct.client.obligation"].search(
            [("obligation_type_id", "in", self.ids)]
        )
        created = obligations._generate_tasks()
        return self.env["acct.client.obligation"]._notify_created(created)


def deadline_datetime(day):
    """The task deadline (a datetime in Odoo 18) of an effective due date: the end of the
    Bulgarian working day, so the date shows the same in every European time zone."""
    return datetime.datetime.combine(day, datetime.time(15, 0))
