# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestTimeReporting(AcctFirmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_accountant = new_test_user(
            cls.env,
            login="acct_accountant_2",
            name="Second Accountant",
            groups="acct_firm_crm.group_acct_firm_user",
        )
        cls.accountant_without_employee = new_test_user(
            cls.env,
            login="acct_no_employee",
            name="Newcomer",
            groups="acct_firm_crm.group_acct_firm_user",
        )
        for user in (cls.accountant, cls.other_accountant, cls.manager):
            cls.env["hr.employee"].create({"name": user.name, "user_id": user.id})
        cls.project = cls.env["project.project"].create(
            {
                "name": "Test Client OOD – bookkeeping",
                "partner_id": cls.client.id,
                "allow_timesheets": True,
            }
        )
        cls.task = cls.env["project.task"].create(
            {
                "name": "VAT return 11/2026",
                "project_id": cls.project.id,
                "user_ids": [cls.accountant.id],
            }
        )
        cls.other_task = cls.env["project.task"].create(
            {
                "name": "Payroll 11/2026",
                "project_id": cls.project.id,
                "user_ids": [cls.accountant.id],
            }
        )
        cls.vat_preset = cls.env.ref("acct_firm_crm.preset_vat_return")
        cls.vat_work_type = cls.env.ref("acct_firm_crm.work_type_vat_return")
        cls.Timer = cls.env["acct.timesheet.timer"]
        cls.Line = cls.env["account.analytic.line"]

    def _lines(self, task=None):
        return self.Line.search([("task_id", "=", (task or self.task).id)])

    def _set_rounding(self, minutes):
        settings = self.env["res.config.settings"].create({"acct_timer_rounding_minutes": minutes})
        settings.execute()

    # Work types and presets -------------------------------------------------------------

    def test_work_types_and_presets_are_shipped(self):
        self.assertEqual(self.vat_preset.work_type_id, self.vat_work_type)
        self.assertEqual(self.vat_preset.minutes, 60)
        self.assertFalse(self.env.ref("acct_firm_crm.work_type_internal").billable)
        self.assertIn(self.vat_preset, self.task.with_user(self.accountant).acct_preset_ids)

    def test_preset_logs_exactly_one_line(self):
        preset = self.vat_preset.with_user(self.accountant).with_context(acct_task_id=self.task.id)
        action = preset.action_log_on_task()
        self.assertEqual(action["params"]["message"], "1:00 logged on VAT return 11/2026.")
        line = self._lines()
        self.assertEqual(len(line), 1)
        self.assertEqual(line.unit_amount, 1.0)
        self.assertEqual(line.acct_work_type_id, self.vat_work_type)
        self.assertTrue(line.acct_billable)
        self.assertEqual(line.user_id, self.accountant)
        self.assertEqual(line.employee_id.user_id, self.accountant)
        self.assertEqual(line.project_id, self.project)
        self.assertEqual(line.date, fields.Date.context_today(line))
        self.assertEqual(line.name, "VAT return")

    def test_preset_needs_a_saved_task(self):
        with self.assertRaises(UserError):
            self.vat_preset.with_user(self.accountant).action_log_on_task()

    def test_user_without_employee_gets_a_clear_error(self):
        preset = self.vat_preset.with_user(self.accountant_without_employee).with_context(
            acct_task_id=self.task.id
        )
        with self.assertRaisesRegex(UserError, "Newcomer has no employee"):
            preset.action_log_on_task()
        with self.assertRaisesRegex(UserError, "no employee"):
            self.task.with_user(self.accountant_without_employee).action_acct_timer_start()
        self.assertFalse(self._lines())
        self.assertFalse(self.Timer.search([("user_id", "=", self.accountant_without_employee.id)]))

    def test_work_type_proposes_its_minutes(self):
        line = self.Line.with_user(self.accountant).new({"task_id": self.task.id})
        line.acct_work_type_id = self.env.ref("acct_firm_crm.work_type_payroll")
        line._onchange_acct_work_type_id()
        self.assertEqual(line.unit_amount, 1.0)
        self.assertEqual(line.name, "Payroll")

    # Timer ----------------------------------------------------------------------------

    def test_timer_start_stop_logs_rounded_time(self):
        task = self.task.with_user(self.accountant)
        task.action_acct_timer_start()
        timer = task.acct_timer_id
        self.assertTrue(timer.running)
        self.assertEqual(timer.user_id, self.accountant)
        timer.date_start = fields.Datetime.now() - timedelta(minutes=20)
        task.invalidate_recordset()
        task.action_acct_timer_stop()
        self.assertFalse(timer.running)
        line = self._lines()
        self.assertEqual(len(line), 1)
        self.assertEqual(line.unit_amount, 0.5)  # 20 minutes rounded up to 15 → 30
        self.assertEqual(line.user_id, self.accountant)
        self.assertEqual(timer.timesheet_id, line)
        task.invalidate_recordset()
        self.assertFalse(task.acct_timer_id)

    def test_rounding_setting(self):
        self._set_rounding(10)
        timer = self.Timer.with_user(self.accountant)._start(self.task.with_user(self.accountant))
        start = timer.date_start
        self.assertEqual(timer._stop(now=start + timedelta(minutes=21)).unit_amount, 0.5)
        self._set_rounding(1)  # to the minute
        timer = self.Timer.with_user(self.accountant)._start(self.task.with_user(self.accountant))
        line = timer._stop(now=timer.date_start + timedelta(minutes=21))
        self.assertAlmostEqual(line.unit_amount * 60, 21)
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("acct_firm_crm.timer_rounding_minutes"), "1"
        )
        with self.assertRaises(ValidationError):
            self._set_rounding(0)

    def test_starting_elsewhere_stops_and_logs_the_running_timer(self):
        first = self.Timer.with_user(self.accountant)._start(self.task.with_user(self.accountant))
        first.date_start = fields.Datetime.now() - timedelta(minutes=40)
        second = self.Timer.with_user(self.accountant)._start(
            self.other_task.with_user(self.accountant)
        )
        self.assertFalse(first.running)
        self.assertTrue(second.running)
        self.assertEqual(self._lines().unit_amount, 0.75)
        self.assertEqual(
            self.Timer.search_count([("user_id", "=", self.accountant.id), ("running", "=", True)]),
            1,
        )
        # From the task form, the user is told what the previous timer logged.
        action = self.task.with_user(self.accountant).action_acct_timer_start()
        self.assertIn("0:15 logged on", action["params"]["message"])
        self.assertEqual(self.task.with_user(self.accountant).acct_timer_id.task_id, self.task)
        second = self.task.with_user(self.accountant).acct_timer_id
        # Starting again on the same task keeps the running timer.
        self.assertEqual(self.Timer.with_user(self.accountant)._start(self.task), second)

    def test_database_refuses_a_second_running_timer(self):
        self.Timer.create({"user_id": self.accountant.id, "task_id": self.task.id})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.Timer.create({"user_id": self.accountant.id, "task_id": self.other_task.id})
        # Another user may run a timer at the same time.
        self.Timer.create({"user_id": self.other_accountant.id, "task_id": self.task.id})

    def test_running_timer_survives_a_reload(self):
        self.task.with_user(self.accountant).action_acct_timer_start()
        self.env.invalidate_all()
        self.env.cr.execute(
            "SELECT task_id, date_start FROM acct_timesheet_timer "
            "WHERE user_id = %s AND date_stop IS NULL",
            [self.accountant.id],
        )
        task_id, date_start = self.env.cr.fetchone()
        self.assertEqual(task_id, self.task.id)
        data = self.task.with_user(self.accountant).read(["acct_timer_id", "acct_timer_start"])[0]
        self.assertTrue(data["acct_timer_id"])
        self.assertEqual(data["acct_timer_start"], date_start)
        # Another user sees no timer of theirs on the same task.
        self.assertFalse(self.task.with_user(self.other_accountant).acct_timer_id)

    def test_private_task_refuses_a_timer(self):
        private = self.env["project.task"].create(
            {"name": "Note to self", "user_ids": [self.accountant.id]}
        )
        with self.assertRaisesRegex(UserError, "private task"):
            self.Timer.with_user(self.accountant)._start(private.with_user(self.accountant))

    def test_stop_without_running_timer(self):
        with self.assertRaisesRegex(UserError, "no timer running"):
            self.task.with_user(self.accountant).action_acct_timer_stop()

    def test_stopping_twice_is_refused(self):
        timer = self.Timer.with_user(self.accountant)._start(self.task.with_user(self.accountant))
        timer._stop()
        with self.assertRaises(UserError):
            timer._stop()
        self.assertEqual(len(self._lines()), 1)

    # Access ---------------------------------------------------------------------------

    def test_accountant_sees_and_edits_own_time_only(self):
        own = self.vat_preset.with_user(self.accountant).with_context(acct_task_id=self.task.id)
        own.action_log_on_task()
        self.vat_preset.with_user(self.other_accountant).with_context(
            acct_task_id=self.task.id
        ).action_log_on_task()
        visible = self.Line.with_user(self.accountant).search([("task_id", "=", self.task.id)])
        self.assertEqual(visible.user_id, self.accountant)
        visible.write({"unit_amount": 1.5})
        self.assertEqual(visible.unit_amount, 1.5)
        self.assertEqual(
            len(self.Line.with_user(self.manager).search([("task_id", "=", self.task.id)])), 2
        )
        self.Timer.with_user(self.other_accountant)._start(
            self.task.with_user(self.other_accountant)
        )
        self.assertFalse(self.Timer.with_user(self.accountant).search([]))
        self.assertTrue(self.Timer.with_user(self.manager).search([]))

    def test_accountant_cannot_change_the_catalogue(self):
        with self.assertRaises(AccessError):
            self.vat_work_type.with_user(self.accountant).write({"default_minutes": 5})
        with self.assertRaises(AccessError):
            self.vat_preset.with_user(self.accountant).write({"minutes": 5})
        self.vat_preset.with_user(self.manager).write({"minutes": 45})

    def test_portal_user_sees_none_of_it(self):
        self.vat_preset.with_user(self.accountant).with_context(
            acct_task_id=self.task.id
        ).action_log_on_task()
        self.Timer.with_user(self.accountant)._start(self.task.with_user(self.accountant))
        for model in (
            "account.analytic.line",
            "acct.timesheet.timer",
            "acct.work.type",
            "acct.timesheet.preset",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.portal_user).search([])

    # Views ----------------------------------------------------------------------------

    def test_views_load(self):
        views = self.Line.with_user(self.accountant).get_views(
            [
                (
                    self.env.ref("acct_firm_crm.account_analytic_line_view_calendar_acct_firm").id,
                    "calendar",
                )
            ]
        )
        arch = views["views"]["calendar"]["arch"]
        action = self.env.ref("acct_firm_crm.action_acct_time_my_week")
        search = self.Line.with_user(self.accountant).get_views(
            [(action.search_view_id.id, "search")], {"action_id": action.id}
        )
        self.assertIn('name="mine"', search["views"]["search"]["arch"])
        self.assertIn('name="groupby_acct_work_type"', search["views"]["search"]["arch"])
        self.assertIn('js_class="acct_time_calendar"', arch)
        self.assertIn("quick_create_view_id", arch)
        form = self.env["project.task"].with_user(self.accountant).get_views([(False, "form")])
        arch = form["views"]["form"]["arch"]
        self.assertIn("action_acct_timer_start", arch)
        self.assertIn("action_log_on_task", str(form["models"]) + arch)
        form = self.env["project.task"].with_user(self.employee).get_views([(False, "form")])
        self.assertNotIn("action_acct_timer_start", form["views"]["form"]["arch"])

    def test_calendar_quick_form_adds_a_report_on_the_clicked_day(self):
        day = fields.Date.to_date("2026-11-24")
        quick_form = Form(
            self.Line.with_user(self.accountant).with_context(default_date=day),
            view="acct_firm_crm.account_analytic_line_view_form_quick_acct_firm",
        )
        quick_form.task_id = self.task
        quick_form.acct_work_type_id = self.env.ref("acct_firm_crm.work_type_payroll")
        self.assertEqual(quick_form.unit_amount, 1.0)  # the work type's default minutes
        quick_form.unit_amount = 1.25
        line = quick_form.save()
        self.assertEqual(line.date, day)
        self.assertEqual(line.user_id, self.accountant)
        self.assertEqual(line.project_id, self.project)
        self.assertEqual(line.name, "Payroll")

    def test_demo_accountant_has_a_year_of_time(self):
        task = self.env.ref("acct_firm_crm.demo_task_zora_books", raise_if_not_found=False)
        if not task:
            self.skipTest("demo data not installed")
        demo_user = self.env.ref("base.user_demo")
        groups = self.Line._read_group(
            [("user_id", "=", demo_user.id), ("acct_work_type_id", "!=", False)],
            aggregates=["date:min", "date:max", "__count"],
        )
        first, last, count = groups[0]
        self.assertGreater((last - first).days, 300)
        self.assertGreater(count, 500)
