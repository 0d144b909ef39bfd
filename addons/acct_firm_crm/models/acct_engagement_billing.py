# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The billing run of engagements: the quantities of a period, the due periods, and one
invoice per engagement and period, exactly once (``acct.engagement.period``)."""

import calendar
import datetime
import logging
from collections import defaultdict

import psycopg2
from psycopg2.extras import Json

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, mute_logger

from acct_firm_core import periods as core_periods
from acct_firm_core import pricing

from .acct_state_machine_mixin import action_writes

_logger = logging.getLogger(__name__)

# Periodicity of an engagement -> periodicity of acct_firm_core.periods.
CORE_PERIODICITY = {"monthly": "month", "quarterly": "quarter", "annual": "year"}
BILLING_BATCH_SIZE = 200


class AcctEngagement(models.Model):
    _inherit = "acct.engagement"

    # -------------------------------------------------------------- quantities

    def _billable_quantities_by_engagement(self, date_from, date_to):
        """``{engagement id: {kind: quantity}}`` for the whole recordset, one query per source.

        ``protocols`` counts the documents received on confirmed handover protocols
        (``acct.handover.protocol._confirmed_counts``); ``client_books`` counts the posted
        journal entries of the company whose partner is the client, where its books live in
        this database.
        """
        result = {engagement.id: {} for engagement in self}
        by_source = defaultdict(lambda: self.browse())
        for engagement in self:
            by_source[engagement.quantity_source] |= engagement
        if by_source["protocols"]:
            engagements = by_source["protocols"]
            # Narrow sudo: the count covers every protocol, whoever runs the billing.
            counts = (
                self.env["acct.handover.protocol"]
                .sudo()
                ._confirmed_counts(engagements.client_id.ids, date_from, date_to)
            )
            per_client = defaultdict(dict)
            for (client_id, kind), count in counts.items():
                per_client[client_id][kind] = count
            for engagement in engagements:
                result[engagement.id] = dict(per_client.get(engagement.client_id.id, {}))
        if by_source["client_books"]:
            engagements = by_source["client_books"]
            # Narrow sudo: the firm's users see none of the client companies' entries.
            companies = (
                self.env["res.company"]
                .sudo()
                .search([("partner_id", "in", engagements.client_id.ids)])
            )
            partner_of_company = {company.id: company.partner_id.id for company in companies}
            groups = (
                self.env["account.move"]
                .sudo()
                ._read_group(
                    [
                        ("company_id", "in", companies.ids),
                        ("state", "=", "posted"),
                        ("date", ">=", date_from),
                        ("date", "<=", date_to),
                    ],
                    ["company_id"],
                    ["__count"],
                )
            )
            per_client = {partner_of_company[company.id]: count for company, count in groups}
            for engagement in engagements:
                count = per_client.get(engagement.client_id.id, 0)
                result[engagement.id] = {"documents": count} if count else {}
        return result

    # ----------------------------------------------------------------- periods

    def _period_bounds(self, start):
        """(start, end, due date) of the billing period that starts on ``start``."""
        self.ensure_one()
        periodicity = CORE_PERIODICITY[self.periodicity]
        end = core_periods.period_end(periodicity, start)
        following = end + datetime.timedelta(days=1)
        last_day = calendar.monthrange(following.year, following.month)[1]
        due = following.replace(day=min(self.invoicing_day, last_day))
        return start, end, due

    def _due_periods(self, today, invoice_now=False):
        """``[(engagement, start, end, due)]`` of every unbilled period due on ``today``.

        A period is due on its invoicing day in the month after its end; ``invoice_now``
        takes every period that has ended, whatever the invoicing day. One query reads the
        periods already billed for the whole recordset.
        """
        billed = set(
            self.env["acct.engagement.period"]
            .sudo()
            ._read_group([("engagement_id", "in", self.ids)], ["engagement_id", "period_start:day"])
        )
        billed = {(engagement.id, start) for engagement, start in billed}
        due_periods = []
        for engagement in self:
            periodicity = CORE_PERIODICITY[engagement.periodicity]
            start = core_periods.period_start(periodicity, engagement.date_start)
            while not engagement.date_end or start <= engagement.date_end:
                start, end, due = engagement._period_bounds(start)
                if (end >= today) if invoice_now else (due > today):
                    break
                if (engagement.id, start) not in billed:
                    due_periods.append((engagement, start, end, due))
                start = core_periods.next_period(periodicity, start)
        return due_periods

    # ----------------------------------------------------------------- billing

    @api.model
    def _cron_billing_run(self, batch_size=BILLING_BATCH_SIZE):
        """Scheduled billing: one batch per call; the scheduler calls again while work
        remains and commits between calls. Engagements with a bad configuration are skipped
        (and logged) so that they never block the others."""
        engagements = self.search([("state", "=", "active")])
        valid = engagements.filtered(lambda e: not e._billing_configuration_error())
        for engagement in engagements - valid:
            _logger.warning(
                "Billing run: %s skipped: %s",
                engagement.display_name,
                engagement._billing_configuration_error(),
            )
        due = valid._due_periods(fields.Date.context_today(self))
        billed = self._bill_periods(due[:batch_size])
        self.env["ir.cron"]._notify_progress(
            done=len(billed), remaining=max(len(due) - batch_size, 0)
        )
        return billed

    @api.model
    def _run_billing(self, engagements=None, today=None, invoice_now=False, batch_size=None):
        """Bill every due period of ``engagements`` (default: all active ones), in batches.

        The configurations are checked first: a bad one refuses the whole run before anything
        is written. Returns the ``acct.engagement.period`` records created by this run.
        """
        if engagements is None:
            engagements = self.search([("state", "=", "active")])
        today = today or fields.Date.context_today(self)
        due = engagements._due_periods(today, invoice_now=invoice_now)
        self.browse({engagement.id for engagement, *_ in due})._check_billing_configuration()
        batch_size = batch_size or BILLING_BATCH_SIZE
        periods = self.env["acct.engagement.period"]
        for index in range(0, len(due), batch_size):
            periods |= self._bill_periods(due[index : index + batch_size], today=today)
        return periods

    @api.model
    def _bill_periods(self, due, today=None):
        """Invoice a batch of ``(engagement, start, end, due date)``.

        Each period is priced and claimed in its own savepoint (a period billed meanwhile by
        another run is skipped); the batch's invoices are then created in one go, or one by
        one in savepoints when the batch fails, a period whose invoice cannot be created
        being released for the next run. Finally the invoices are posted (if so set) and the
        usage statements attached.
        """
        today = today or fields.Date.context_today(self)
        periods = self.env["acct.engagement.period"]
        if not due:
            return periods
        by_dates = defaultdict(lambda: self.browse())
        for engagement, start, end, _due in due:
            by_dates[(start, end)] |= engagement
        quantities = {}
        for (start, end), engagements in by_dates.items():
            for engagement_id, kinds in engagements._billable_quantities_by_engagement(
                start, end
            ).items():
                quantities[(engagement_id, start)] = kinds
        claimed = []
        for engagement, start, end, due_date in due:
            try:
                with self.env.cr.savepoint():
                    values, fee_lines = engagement._price_period(
                        start, end, quantities[(engagement.id, start)]
                    )
                    period = engagement._claim_period(values)
            except (psycopg2.errors.SerializationFailure, psycopg2.errors.UniqueViolation):
                # Another run billed this period in a concurrent transaction.
                self.env.invalidate_all()
                continue
            if period:
                invoice_values = engagement._prepare_invoice_values(
                    values["name"], min(due_date, today), fee_lines
                )
                claimed.append((period, invoice_values))
        invoices = self._create_period_invoices(claimed)
        for period, invoice in invoices:
            with action_writes(period):
                period.invoice_id = invoice
            periods |= period
        if periods and self._billing_posts_invoices():
            periods.invoice_id.action_post()
        if periods:
            # The statements are rendered by their own job, outside the billing transaction.
            self.env.ref("acct_firm_crm.ir_cron_attach_usage_statements").sudo()._trigger()
        return periods

    @api.model
    def _create_period_invoices(self, claimed):
        """``[(period, invoice)]`` for ``[(period, invoice values)]``: all at once, else one
        by one; the claim of a period whose invoice fails is removed, so that it is retried."""
        # No "invoice created" log message nor creator follower on each invoice: the origin
        # and the billed period say where it comes from, and thousands of messages cost time.
        moves = self.env["account.move"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True
        )
        try:
            with self.env.cr.savepoint():
                invoices = moves.create([values for _period, values in claimed])
            return list(zip([period for period, _values in claimed], invoices, strict=True))
        except Exception:  # pylint: disable=broad-except
            self.env.invalidate_all()
        result = []
        for period, values in claimed:
            try:
                with self.env.cr.savepoint():
                    result.append((period, moves.create(values)))
            except Exception as error:  # pylint: disable=broad-except
                self.env.invalidate_all()
                _logger.warning(
                    "Billing run: no invoice for %s %s: %s",
                    period.engagement_id.display_name,
                    period.name,
                    error,
                )
                with action_writes(period):
                    period.sudo().unlink()
        return result

    @api.model
    def _billing_posts_invoices(self):
        return self.env["ir.config_parameter"].sudo().get_param(
            "acct_firm_crm.billing_post_invoices"
        ) in ("1", "True")

    def _price_period(self, start, end, kinds):
        """Values of the billed period from ``start`` to ``end`` with ``kinds`` documents, and
        its fee lines: (values, fee lines)."""
        self.ensure_one()
        if self.prorate:
            factor = pricing.proration_factor(start, end, self.date_start, self.date_end or None)
        else:
            factor = 1
        quantity = sum(kinds.values())
        try:
            breakdown = pricing.period_fee(
                self.fee_model, quantity=quantity, factor=factor, **self._fee_arguments()
            )
        except pricing.PricingError as error:
            raise UserError(
                self.env._(
                    "%(name)s: %(reason)s",
                    name=self.name,
                    reason=self._pricing_error_message(error),
                )
            ) from error
        covered_from = max(start, self.date_start)
        covered_to = min(end, self.date_end) if self.date_end else end
        # The labels go to the client's invoice and statement: in the client's language.
        reader = self.with_context(lang=self.client_id._acct_reader_lang())
        fee_lines = [
            {
                "code": line.label_code,
                "label": reader._fee_line_label(line),
                "tier": None if line.tier_index is None else line.tier_index + 1,
                "quantity": float(line.quantity),
                "unit_price": float(line.unit_price),
                "amount": float(line.amount),
            }
            for line in breakdown.lines
        ]
        values = {
            "engagement_id": self.id,
            "client_id": self.client_id.id,
            "company_id": self.company_id.id,
            "name": core_periods.period_code(CORE_PERIODICITY[self.periodicity], start),
            "period_start": start,
            "period_end": end,
            "fee_model": self.fee_model,
            "quantity": int(quantity),
            "quantity_by_kind": Json(kinds),
            "proration_factor": float(factor),
            "days_covered": (covered_to - covered_from).days + 1,
            "days_in_period": (end - start).days + 1,
            "fee_lines": Json(fee_lines),
            "amount_total": float(breakdown.total),
            "minimum_applied": breakdown.minimum_applied,
            "cap_applied": breakdown.cap_applied,
        }
        return values, fee_lines

    def _claim_period(self, values):
        """Insert the billed period, or return None when it exists: the unique key makes the
        claim atomic, so that two runs can never both invoice a period."""
        self.ensure_one()
        columns = list(values)
        query = SQL(
            """
            INSERT INTO acct_engagement_period (%s, create_uid, create_date, write_uid, write_date)
            VALUES (%s, %s, now() at time zone 'UTC', %s, now() at time zone 'UTC')
            ON CONFLICT (engagement_id, period_start) DO NOTHING
            RETURNING id
            """,
            SQL(", ").join(SQL.identifier(column) for column in columns),
            SQL(", ").join(values[column] for column in columns),
            self.env.uid,
            self.env.uid,
        )
        with mute_logger("odoo.sql_db"):
            self.env.cr.execute(query)
            row = self.env.cr.fetchone()
        # The row bypassed the ORM: the engagement's cached periods are stale.
        self.invalidate_recordset(["period_ids", "period_count"])
        return self.env["acct.engagement.period"].browse(row[0]) if row else None

    def _fee_line_label(self, line):
        """Translated label of a usage-statement line of ``pricing.period_fee``."""
        tier = self.tier_ids[line.tier_index] if line.tier_index is not None else None
        labels = {
            pricing.LINE_FIXED: self.env._("Fixed fee"),
            pricing.LINE_INCLUDED: self.env._("Documents included in the fixed fee"),
            pricing.LINE_DOCUMENTS: self.env._("Documents processed"),
            pricing.LINE_OVERAGE: self.env._("Documents above the included quantity"),
            pricing.LINE_MINIMUM: self.env._("Minimum fee top-up"),
            pricing.LINE_CAP: self.env._("Fee cap reduction"),
        }
        label = labels.get(line.label_code, line.label_code)
        if tier:
            upper = tier.to_qty or self.env._("and above")
            label = self.env._(
                "%(label)s, tier %(position)s (%(start)s-%(end)s)",
                label=label,
                position=line.tier_index + 1,
                start=tier.from_qty + 1,
                end=upper,
            )
        if line.label_code == pricing.LINE_FIXED and line.quantity != 1:
            factor = "%.4f" % line.quantity
            label = self.env._("%(label)s, prorated x %(factor)s", label=label, factor=factor)
        return label

    def _prepare_invoice_values(self, period_name, invoice_date, fee_lines):
        """Values of the customer invoice of a period: one line per statement line.

        Document lines carry the count and the unit price; fixed, minimum and cap lines are a
        single amount, so that Odoo's quantity rounding never changes a prorated amount.
        """
        self.ensure_one()
        lines = []
        for line in fee_lines:
            if line["code"] in (
                pricing.LINE_DOCUMENTS,
                pricing.LINE_OVERAGE,
                pricing.LINE_INCLUDED,
            ):
                quantity, price = line["quantity"], line["unit_price"]
            else:
                quantity, price = 1, line["amount"]
            lines.append(
                fields.Command.create(
                    {
                        "product_id": self.product_id.id,
                        "name": f"{self.name} {period_name}: {line['label']}",
                        "quantity": quantity,
                        "price_unit": price,
                        "tax_ids": [fields.Command.set(self.tax_ids.ids)],
                    }
                )
            )
        return {
            "move_type": "out_invoice",
            "partner_id": self.client_id.id,
            "company_id": self.company_id.id,
            "invoice_date": invoice_date,
            "invoice_origin": f"{self.name} {period_name}",
            "invoice_line_ids": lines,
        }
