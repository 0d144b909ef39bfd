# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The statement of work agrees with the back office's own figures for the same period, and
is read with a number of queries that does not grow with the period."""

import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .billing_common import AcctBillingCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestWorkStatement(AcctBillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.Statement = env["acct.work.statement"]
        cls.employee_record = env["hr.employee"].create(
            {"name": cls.accountant.name, "user_id": cls.accountant.id}
        )
        projects = env["project.project"]._acct_client_projects(cls.client)
        cls.project = env["project.project"].browse(projects[cls.client.id])
        cls.bookkeeping = env.ref("acct_firm_crm.work_type_bookkeeping")
        cls.vat = env.ref("acct_firm_crm.work_type_vat_return")
        cls.task = env["project.task"].create({"name": "Books", "project_id": cls.project.id})
        # Another client's time must never count.
        cls.other_client = env["res.partner"].create(
            {
                "name": "Other Client AD",
                "is_company": True,
                "acct_is_firm_client": True,
                "acct_client_code": "T0002",
            }
        )
        other_project = env["project.project"].browse(
            env["project.project"]._acct_client_projects(cls.other_client)[cls.other_client.id]
        )
        cls.other_task = env["project.task"].create(
            {"name": "Books", "project_id": other_project.id}
        )
        lines = []
        for month in range(1, 13):
            for task, work_type, hours in (
                (cls.task, cls.bookkeeping, 2.5),
                (cls.task, cls.vat, 0.75),
                (cls.task, False, 0.25),
                (cls.other_task, cls.bookkeeping, 9.0),
            ):
                lines.append(
                    {
                        "date": D(2026, month, 10),
                        "task_id": task.id,
                        "project_id": task.project_id.id,
                        "employee_id": cls.employee_record.id,
                        "acct_work_type_id": work_type and work_type.id,
                        "name": "work",
                        "unit_amount": hours,
                    }
                )
        env["account.analytic.line"].create(lines)
        cls.cat_invoices = env.ref("acct_firm_crm.document_category_issued_invoices")
        cls.cat_bank = env.ref("acct_firm_crm.document_category_bank_statements")
        for direction, rows in (
            (
                "received",
                [(cls.cat_invoices, 1, 12), (cls.cat_invoices, 2, 8), (cls.cat_bank, 2, 3)],
            ),
            ("returned", [(cls.cat_invoices, 1, 5)]),
        ):
            protocol = env["acct.handover.protocol"].create(
                {
                    "client_id": cls.client.id,
                    "direction": direction,
                    "date": D(2026, 3, 2),
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": category.id,
                                "period_year": 2026,
                                "period_month": str(month),
                                "count": count,
                            }
                        )
                        for category, month, count in rows
                    ],
                }
            )
            protocol.action_confirm()
        # A draft protocol counts for nothing.
        env["acct.handover.protocol"].create(
            {
                "client_id": cls.client.id,
                "line_ids": [
                    Command.create(
                        {"category_id": cls.cat_bank.id, "period_year": 2026, "period_month": "1"}
                    )
                ],
            }
        )
        vat_type = env["acct.obligation.type"].search([], limit=1)
        cls.filing = env["project.task"].create(
            {
                "name": "VAT return 01/2026",
                "project_id": cls.project.id,
                "acct_client_id": cls.client.id,
                "acct_obligation_type_id": vat_type.id,
                "acct_period_code": "2026-01",
                "acct_legal_date": D(2026, 2, 14),
                "acct_effective_date": D(2026, 2, 16),
                "acct_filing_reference": "22000012345678",
            }
        )
        cls.filing.state = "1_done"
        cls.filing.acct_date_done = D(2026, 2, 12)
        engagement = cls._engagement()
        env["acct.engagement"]._run_billing(engagements=engagement, today=D(2026, 3, 10))
        cls.billed = engagement.period_ids.invoice_id
        cls.billed.action_post()

    def _statement(self, kind, value=None, **dates):
        return self.Statement._acct_statement(
            self.client, self.Statement._acct_period(kind, value, **dates)
        )

    def test_figures_agree_with_the_back_office(self):
        period = self.Statement._acct_period("quarter", "2026-Q1")
        statement = self.Statement._acct_statement(self.client, period)
        # Time: the timesheet report grouped by work type, on the client's projects.
        report = self.env["account.analytic.line"]._read_group(
            [
                ("project_id", "=", self.project.id),
                ("date", ">=", period.date_from),
                ("date", "<=", period.date_to),
            ],
            ["acct_work_type_id"],
            ["unit_amount:sum"],
        )
        expected = {(wt.name if wt else None): hours for wt, hours in report}
        self.assertEqual(dict(statement["hours"]["rows"]), expected)
        self.assertEqual(
            dict(statement["hours"]["rows"]),
            {self.bookkeeping.name: 7.5, self.vat.name: 2.25, None: 0.75},
        )
        self.assertEqual(statement["hours"]["total"], 10.5)
        # Documents: what billing counts per kind for the same months.
        billing = self.env["acct.handover.protocol"]._confirmed_counts(
            [self.client.id], period.date_from, period.date_to
        )
        received = {row[0]: row[2] for row in statement["documents"]["rows"] if row[2]}
        self.assertEqual(received, {code: n for (_c, code), n in billing.items()})
        self.assertEqual(received, {"issued_invoices": 20, "bank_statements": 3})
        self.assertEqual(statement["documents"]["returned"], 5)
        # Filings done in the period, with the reference.
        self.assertEqual(len(statement["filings"]), 1)
        filing = statement["filings"][0]
        self.assertEqual(
            (filing["period_code"], filing["date_done"], filing["reference"]),
            ("2026-01", D(2026, 2, 12), "22000012345678"),
        )
        self.assertEqual(filing["effective_date"], D(2026, 2, 16))
        # Invoices: the posted invoices of the client dated in the period.
        posted = self.env["account.move"].search(
            [
                ("partner_id", "=", self.client.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("invoice_date", ">=", period.date_from),
                ("invoice_date", "<=", period.date_to),
            ]
        )
        self.assertTrue(posted)
        rows = statement["invoices"]["rows"]
        self.assertEqual({row["invoice"] for row in rows}, set(posted))
        self.assertAlmostEqual(statement["invoices"]["total"], sum(posted.mapped("amount_total")))
        usage = [period.name for row in rows for period in row["usage_statements"]]
        self.assertTrue(usage)

    def test_other_periods(self):
        self.assertEqual(self._statement("month", "2026-02")["hours"]["total"], 3.5)
        self.assertEqual(self._statement("year", "2026")["hours"]["total"], 42.0)
        ranged = self._statement("range", date_from="2026-02-01", date_to="2026-02-28")
        self.assertEqual(ranged["documents"]["received"], 11)
        self.assertFalse(self._statement("month", "2026-04")["filings"])
        with self.assertRaises(UserError):
            self._statement("range", date_from="2026-03-01", date_to="2026-01-01")
        with self.assertRaises(UserError):
            self._statement("month", "2026-13")

    def test_queries_do_not_grow_with_the_period(self):
        counts = []
        # The first statement fills the caches (access rules, groups, translations).
        self._statement("month", "2026-01")
        for value in ("2026-Q1", "2026"):
            period = self.Statement._acct_period("quarter" if "Q" in value else "year", value)
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            self.Statement._acct_statement(self.client, period)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])

    def test_date_done_follows_the_state(self):
        task = self.env["project.task"].create({"name": "T", "project_id": self.project.id})
        self.assertFalse(task.acct_date_done)
        task.state = "1_done"
        self.assertTrue(task.acct_date_done)
        task.state = "01_in_progress"
        self.assertFalse(task.acct_date_done)

    def test_tasks_done_before_the_field_get_a_date(self):
        task = self.env["project.task"].create(
            {
                "name": "Old filing",
                "project_id": self.project.id,
                "acct_effective_date": D(2025, 5, 14),
            }
        )
        task.state = "1_done"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE project_task SET acct_date_done = NULL, date_end = NULL,"
            " date_last_stage_update = '2026-01-20 10:00' WHERE id = %s",
            [task.id],
        )
        self.env["project.task"]._acct_fill_date_done()
        # Filed by its due date, not on the day the task last moved.
        self.assertEqual(task.acct_date_done, D(2025, 5, 14))
        self.assertEqual(self.filing.acct_date_done, D(2026, 2, 12))

    def test_access_of_the_firm_people(self):
        period = self.Statement._acct_period("year", "2026")
        own = new_test_user(
            self.env, login="acct_own_only", groups="acct_firm_crm.group_acct_firm_user"
        )
        with self.assertRaises(AccessError):
            self.Statement.with_user(own)._acct_statement(self.client, period)
        with self.assertRaises(AccessError):
            self.env["acct.work.statement.wizard"].with_user(own).create(
                {"client_id": self.client.id}
            )
        self.client.acct_accountant_id = own
        statement = self.Statement.with_user(own)._acct_statement(self.client, period)
        self.assertEqual(statement["hours"]["total"], 42.0)
        with self.assertRaises(AccessError):
            self.Statement.with_user(self.employee)._acct_statement(self.client, period)

    def test_pdf_in_the_clients_language(self):
        self.env["res.lang"]._activate_lang("bg_BG")
        self.env["ir.module.module"].search([("name", "=", "acct_firm_crm")])._update_translations(
            ["bg_BG"]
        )
        self.client.lang = "bg_BG"
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "acct_firm_crm.action_report_work_statement",
            self.client.ids,
            data={"period": "2026-Q1"},
        )
        html = html.decode()
        self.assertIn("Отчет за извършената работа", html)
        self.assertIn("1 тримесечие 2026", html)
        self.assertIn("Осчетоводяване на документи", html)
        self.assertIn("22000012345678", html)

    def test_wizard_prints_and_sends(self):
        wizard = (
            self.env["acct.work.statement.wizard"]
            .with_user(self.accountant)
            .create(
                {
                    "client_id": self.client.id,
                    "period_kind": "quarter",
                    "year": 2026,
                    "quarter": "1",
                }
            )
        )
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "acct_firm_crm.report_work_statement")
        self.assertEqual(action["data"], {"period": "2026-Q1"})
        wizard.period_kind = "range"
        with self.assertRaises(UserError):
            wizard.action_print()
        wizard.period_kind = "quarter"
        action = wizard.action_send()
        context = action["context"]
        attachment = self.env["ir.attachment"].browse(context["default_attachment_ids"])
        # Tests render reports as HTML: the figures are in the attached file.
        self.assertIn(b"22000012345678", attachment.raw)
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.accountant)
            .with_context(**context)
            .create({})
        )
        self.assertEqual(composer.attachment_ids, attachment)
        self.assertIn("Statement of work", composer.subject)
        composer._action_send_mail()
        message = self.client.message_ids[:1]
        self.assertEqual(message.attachment_ids.name, attachment.name)
