# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import api, fields, models

from acct_firm_core import deadlines


class WorkingCalendar:
    """The non-working days of the database, loaded once per country for a whole run.

    The stored days are passed to the core as extras, so a one-off day added by the firm
    shifts deadlines, and a 'working Saturday' record makes its date a working day. A
    holiday of the ``holidays`` package stays a holiday even when its row is deleted: to
    work on it, record the date as a working day.
    """

    def __init__(self, env):
        self.env = env
        self._by_country = {}

    def _days(self, country):
        if country.id not in self._by_country:
            rows = (
                self.env["acct.nonworking.day"]
                .sudo()
                .search_fetch([("country_id", "=", country.id)], ["date", "kind"])
            )
            off = frozenset(r.date for r in rows if r.kind != "working_saturday")
            working = frozenset(r.date for r in rows if r.kind == "working_saturday")
            self._by_country[country.id] = (off, working)
        return self._by_country[country.id]

    def effective(self, legal_date, country):
        off, working = self._days(country)
        return deadlines.effective_date(legal_date, country.code, off, working)

    def add_working_days(self, start, days, country):
        """The date ``days`` working days after ``start`` (a client request's deadline)."""
        off, working = self._days(country)
        return deadlines.add_working_days(start, days, country.code, off, working)


class AcctNonworkingDay(models.Model):
    _name = "acct.nonworking.day"
    _description = "Non-working day"
    _order = "date desc"

    country_id = fields.Many2one(
        "res.country",
        required=True,
        default=lambda self: self.env.ref("base.bg", raise_if_not_found=False),
    )
    date = fields.Date(required=True, index=True)
    kind = fields.Selection(
        [
            ("official", "Official holiday"),
            ("easter", "Easter holiday"),
            ("observed", "Observed (holiday on a weekend)"),
            ("one_off", "One-off day off"),
            ("working_saturday", "Working Saturday (extra working day)"),
        ],
        required=True,
        default="one_off",
        help="A working day makes its date a working day even on a weekend or a holiday.",
    )
    name = fields.Char(required=True)
    legal_reference = fields.Char(help="E.g. the Council of Ministers' resolution.")

    _sql_constraints = [
        (
            "date_country_unique",
            "UNIQUE(country_id, date)",
            "This date is already recorded for this country.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        days = super().create(vals_list)
        days._recompute_open_tasks()
        return days

    def write(self, vals):
        before = self._affected()
        res = super().write(vals)
        if {"date", "kind", "country_id"} & set(vals):
            self._recompute_open_tasks(before)
        return res

    def unlink(self):
        before = self._affected()
        res = super().unlink()
        self.env["project.task"]._acct_recompute_effective_dates(before)
        return res

    def _affected(self):
        return [(day.country_id, day.date) for day in self]

    def _recompute_open_tasks(self, extra=()):
        if self.env.context.get("acct_skip_recompute"):
            return
        self.env["project.task"]._acct_recompute_effective_dates([*self._affected(), *extra])

    @api.model
    def action_generate(self, years=None, countries=None):
        """Create the missing official days of this year and the next (cron and button).

        Existing dates are kept as they are, so the firm's edits survive a regeneration.
        """
        today = fields.Date.context_today(self)
        years = years or (today.year, today.year + 1)
        countries = (
            countries
            or self.env["acct.obligation.type"].search([("country_id", "!=", False)]).country_id
        )
        existing = {
            (day.country_id.id, day.date)
            for day in self.search_fetch([("country_id", "in", countries.ids)], ["date"])
        }
        vals_list = []
        for country in countries:
            for year in years:
                try:
                    days = deadlines.nonworking_days(country.code, year)
                except ValueError:
                    continue  # no holiday rules for this country: entered by hand
                vals_list += [
                    {"country_id": country.id, "date": day, "kind": kind, "name": name}
                    for day, kind, name in days
                    if (country.id, day) not in existing
                ]
        created = self.with_context(acct_skip_recompute=True).create(vals_list)
        created._recompute_open_tasks()
        return created

    @api.model
    def _cron_generate(self):
        self.action_generate()

    @api.model
    def _working_calendar(self):
        return WorkingCalendar(self.env)


def shift_window(dates):
    """The legal dates whose effective date may change when ``dates`` change: a shift
    never crosses more than a few weeks of holidays, so three weeks back is safe."""
    return min(dates) - datetime.timedelta(days=21), max(dates)
