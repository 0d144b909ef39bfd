# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo firm shows the firm's own data only: Odoo's demo projects ("Office Design") and
employees ("Abigail Peterson") are archived and their time is gone from the time reports
(demo/acct_firm_demo.py, ``_hide_odoo_demo``)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoFirm(TransactionCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref("acct_firm_crm.demo_client_zora", raise_if_not_found=False):
            self.skipTest("the demo data are not installed")
        self.people = self.env.ref("base.user_admin") | self.env.ref("base.user_demo")

    def test_the_firms_people_only(self):
        employees = self.env["hr.employee"].search([])
        self.assertEqual(employees.user_id, self.people)
        self.assertEqual(set(employees.mapped("name")), {"Георги Петров", "Мария Стоянова"})
        abigail = self.env.ref("hr.employee_hne", raise_if_not_found=False)
        if abigail:
            self.assertFalse(abigail.active)

    def test_the_time_reports_show_the_firms_time_on_its_projects(self):
        lines = self.env["account.analytic.line"].search([("project_id", "!=", False)])
        self.assertTrue(lines)
        self.assertFalse(lines.employee_id.user_id - self.people, "the firm's people only")
        self.assertFalse(lines.filtered(lambda line: not line.unit_amount), "no empty example")
        # each line described by its work type, in the firm's language
        firm = lines.with_context(lang=self.env.company._acct_lang())
        self.assertFalse(
            firm.filtered(lambda line: line.name != line.acct_work_type_id.name).mapped("name")
        )
        self.assertTrue(all(lines.project_id.mapped("active")))
        office_design = self.env.ref("project.project_project_1", raise_if_not_found=False)
        if office_design:
            self.assertFalse(office_design.active)
            tasks = self.env["project.task"].search([("project_id", "=", office_design.id)])
            self.assertFalse(tasks, "its tasks are archived with it")
