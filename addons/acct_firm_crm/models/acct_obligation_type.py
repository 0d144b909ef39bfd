# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from acct_firm_core import calendar, periods

from .acct_power_attorney import AUTHORITIES
from .res_partner import ACCT_PROFILE_FLAGS


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
    legal_reference = fields.Char()
    note = fields.Text()
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
                    calendar.validate_rule(rule, kind.periodicity)
                except ValueError as exc:
                    raise ValidationError(
                        self.env._(
                            "The due rule of %(type)s is not valid: %(error)s",
                            type=kind.display_name,
                            error=str(exc),
                        )
                    ) from exc

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
                (f"{code}/{number}", calendar.legal_due_date(rule, period_start))
                for number, rule in enumerate(instalments, start=1)
            ]
        legal = calendar.legal_due_date(self.due_rule, period_start)
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
