# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from acct_firm_core import deadlines

from .common import AcctFirmCommon

# (code, client key, period code, legal date, effective date): every recurring obligation of
# the catalogue at least once over 2025-2027, with the dates of TEST_VECTORS among them.
SPOT_CHECKS = [
    ("BG_VAT_RETURN", "company", "2026-01", "2026-02-14", "2026-02-16"),
    ("BG_VAT_RETURN", "company", "2026-02", "2026-03-14", "2026-03-16"),
    ("BG_VAT_RETURN", "company", "2026-05", "2026-06-14", "2026-06-15"),
    ("BG_VIES", "company", "2026-10", "2026-11-14", "2026-11-16"),
    ("BG_INTRASTAT", "company", "2025-05", "2025-06-14", "2025-06-16"),
    ("BG_SSC_D1_D6", "company", "2026-03", "2026-04-25", "2026-04-27"),
    ("BG_PIT_PAYROLL", "company", "2026-04", "2026-05-25", "2026-05-26"),
    ("BG_SELFINS_D1", "person", "2025-12", "2026-01-25", "2026-01-26"),
    ("BG_CIT_ADV_M", "company", "2026-08", "2026-08-15", "2026-08-17"),
    ("BG_CIT_ADV_M", "company", "2026-02", "2026-04-15", "2026-04-15"),
    ("BG_CIT_ADV_M", "company", "2025-12", "2025-12-01", "2025-12-01"),
    ("BG_CIT_ADV_Q", "quarterly", "2025-Q3", "2025-12-01", "2025-12-01"),
    ("BG_CIT_ADV_Q", "quarterly", "2027-Q2", "2027-07-15", "2027-07-15"),
    ("BG_CIT_ADV_DECL", "company", "2027", "2027-04-15", "2027-04-15"),
    ("BG_CIT_ADV_CHANGE", "company", "2025", "2025-11-15", "2025-11-17"),
    ("BG_CIT_ADV_CHANGE", "company", "2026", "2026-11-15", "2026-11-16"),
    ("BG_WHT_Q", "company", "2025-Q4", "2026-01-31", "2026-02-02"),
    ("BG_PIT_ADV_Q", "person", "2026-Q3", "2026-10-31", "2026-11-02"),
    ("BG_PIT_RECON", "company", "2026", "2027-01-31", "2027-02-01"),
    ("BG_SELFINS_TYPE", "person", "2027", "2027-01-31", "2027-02-01"),
    ("BG_PIT_ART73", "company", "2025", "2026-02-28", "2026-03-02"),
    ("BG_PIT_ANNUAL", "person", "2026", "2027-04-30", "2027-05-05"),
    ("BG_PIT_ANNUAL_ET", "sole_trader", "2025", "2026-06-30", "2026-06-30"),
    ("BG_CIT_ANNUAL", "company", "2026", "2027-06-30", "2027-06-30"),
    ("BG_NSI_GOD", "company", "2025", "2026-06-30", "2026-06-30"),
    ("BG_GFO_PUBLISH", "company", "2025", "2026-09-30", "2026-09-30"),
    ("BG_NO_ACTIVITY", "inactive", "2026", "2027-06-30", "2027-06-30"),
    ("BG_LOCAL_PROPERTY", "company", "2026/1", "2026-06-30", "2026-06-30"),
    ("BG_LOCAL_PROPERTY", "company", "2026/2", "2026-10-31", "2026-11-02"),
    ("BG_LOCAL_VEHICLE", "company", "2025/2", "2025-10-31", "2025-10-31"),
    ("BG_GFO_PUBLISH", "company", "2026", "2027-09-30", "2027-09-30"),
]

D = date.fromisoformat


class StatutoryCommon(AcctFirmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer = cls.manager
        cls.payroll = cls.env["res.users"].create(
            {
                "name": "Payroll Accountant",
                "login": "acct_payroll",
                "groups_id": [(6, 0, [cls.env.ref("acct_firm_crm.group_acct_firm_user").id])],
            }
        )
        people = {
            "acct_accountant_id": cls.accountant.id,
            "acct_reviewer_id": cls.reviewer.id,
            "acct_payroll_accountant_id": cls.payroll.id,
        }
        partner = cls.env["res.partner"]
        cls.clients = {
            "company": partner.create(
                {
                    **people,
                    "name": "Всичко ООД",
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": "S0001",
                    "acct_legal_form": "ood",
                    "acct_vat_registered": True,
                    "acct_intra_eu_supplies": True,
                    "acct_intrastat_arrivals": True,
                    "acct_employer": True,
                    "acct_civil_contract_payer": True,
                    "acct_pays_dividends": True,
                    "acct_cit_payer": True,
                    "acct_cit_advance_regime": "monthly",
                    "acct_commercial_register": True,
                    "acct_owns_real_estate": True,
                    "acct_owns_vehicles": True,
                }
            ),
            "quarterly": partner.create(
                {
                    **people,
                    "name": "Тримесечие ЕООД",
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": "S0002",
                    "acct_cit_payer": True,
                    "acct_cit_advance_regime": "quarterly",
                }
            ),
            "person": partner.create(
                {
                    **people,
                    "name": "Мария Петрова",
                    "acct_is_firm_client": True,
                    "acct_client_code": "S0003",
                    "acct_self_insured": True,
                    "acct_individual": True,
                    "acct_individual_rental": True,
                }
            ),
            "sole_trader": partner.create(
                {
                    **people,
                    "name": "ЕТ Петър Петров",
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": "S0004",
                    "acct_sole_trader": True,
                    "acct_self_insured": True,
                }
            ),
            "inactive": partner.create(
                {
                    **people,
                    "name": "Заспало ЕООД",
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": "S0005",
                    "acct_inactive": True,
                    "acct_commercial_register": True,
                }
            ),
        }
        cls.all_clients = partner.union(*cls.clients.values())
        cls.all_clients.acct_obligation_ids.date_start = D("2024-01-01")
        cls.obligation_type = {
            kind.code: kind for kind in cls.env["acct.obligation.type"].search([])
        }

    def _tasks(self, client, code=None):
        domain = [("acct_client_id", "=", client.id)]
        if code:
            domain.append(("acct_obligation_type_id.code", "=", code))
        return self.env["project.task"].with_context(active_test=False).search(domain)

    def _run_job(self, today, clients=None):
        obligations = (clients or self.all_clients).acct_obligation_ids
        return obligations._generate_tasks(today=today)


@tagged("post_install", "-at_install")
class TestTaxProfile(StatutoryCommon):
    def test_legal_form_prefills_flags(self):
        with Form(self.env["res.partner"].with_context(default_is_company=True)) as form:
            form.name = "Нова ЕООД"
            form.acct_is_firm_client = True
            form.acct_client_code = "N0001"
            form.acct_vat_registered = True
            form.acct_legal_form = "eood"
            self.assertTrue(form.acct_cit_payer)
            self.assertTrue(form.acct_commercial_register)
            self.assertFalse(form.acct_vat_registered, "the legal form resets the flags")
            form.acct_legal_form = "et"
            self.assertTrue(form.acct_sole_trader)
            self.assertTrue(form.acct_self_insured)
            self.assertFalse(form.acct_cit_payer)
            self.assertEqual(form.acct_cit_advance_regime, "none")

    def test_obligations_derived_from_flags(self):
        codes = set(
            self.clients["company"]
            .acct_obligation_ids.filtered("applies")
            .obligation_type_id.mapped("code")
        )
        self.assertIn("BG_VAT_RETURN", codes)
        self.assertIn("BG_VIES", codes)
        self.assertIn("BG_CIT_ADV_M", codes)
        self.assertNotIn("BG_CIT_ADV_Q", codes, "monthly regime, not quarterly")
        self.assertNotIn("BG_NO_ACTIVITY", codes)
        self.assertIn("EV_EMPL_CONTRACT", codes)
        person = set(self.clients["person"].acct_obligation_ids.obligation_type_id.mapped("code"))
        self.assertIn("BG_PIT_ANNUAL", person)
        trader = set(
            self.clients["sole_trader"].acct_obligation_ids.obligation_type_id.mapped("code")
        )
        self.assertIn("BG_PIT_ANNUAL_ET", trader)
        self.assertNotIn("BG_PIT_ANNUAL", trader, "a sole trader files the ЕТ return")
        inactive = set(
            self.clients["inactive"].acct_obligation_ids.obligation_type_id.mapped("code")
        )
        self.assertIn("BG_NO_ACTIVITY", inactive)
        self.assertNotIn("BG_GFO_PUBLISH", inactive)

    def test_contact_without_firm_flag_has_no_obligations(self):
        partner = self.env["res.partner"].create({"name": "Just a supplier", "acct_employer": True})
        self.assertFalse(partner.acct_obligation_ids)


@tagged("post_install", "-at_install")
class TestCatalogue(StatutoryCommon):
    def test_all_bulgarian_rows(self):
        from acct_firm_core.catalogs import BG_DUE_RULES

        self.assertEqual(set(self.obligation_type), set(BG_DUE_RULES))
        for code, spec in BG_DUE_RULES.items():
            kind = self.obligation_type[code]
            self.assertEqual(kind.due_rule, spec["rule"], code)
            self.assertEqual(kind.periodicity, spec["periodicity"], code)
            self.assertEqual(kind.is_window, spec["window"], code)
            self.assertEqual(
                kind.instalment_rules.split() if kind.instalment_rules else [],
                list(spec.get("instalments", ())),
                code,
            )

    def test_bad_rule_is_refused(self):
        kind = self.obligation_type["BG_VAT_RETURN"]
        with self.assertRaisesRegex(ValidationError, "is not valid"):
            kind.due_rule = "M+1:32"
        with self.assertRaisesRegex(ValidationError, "is not valid"):
            kind.due_rule = "ev+3d"  # an event rule on a monthly obligation
        with self.assertRaisesRegex(ValidationError, "not a profile flag"):
            kind.applicability = "acct_vat_registered, acct_is_firm_client"

    def test_the_records_move_every_deadline_as_the_core_does(self):
        # The dates NAP publishes are checked once, in tests/core/test_deadlines.py; here the
        # generated non-working days must move every legal date of two years the same way.
        calendar = self.env["acct.nonworking.day"]._working_calendar()
        bulgaria = self.env.ref("base.bg")
        day = D("2026-01-01")
        while day <= D("2027-12-31"):
            expected = deadlines.effective_date(day, "BG")
            self.assertEqual(calendar.effective(day, bulgaria), expected, day)
            day += timedelta(days=1)

    def test_nonworking_days_generated(self):
        days = self.env["acct.nonworking.day"].search([("date", ">=", "2027-01-01")])
        self.env["acct.nonworking.day"].action_generate(years=(2027,))
        self.assertEqual(
            self.env["acct.nonworking.day"].search_count([("date", ">=", "2027-01-01")]),
            len(days),
            "a regeneration adds nothing twice",
        )
        self.env["acct.nonworking.day"].action_generate(years=(2027,))
        kinds = dict(
            self.env["acct.nonworking.day"]
            .search([("date", ">=", "2027-04-30"), ("date", "<=", "2027-05-04")])
            .mapped(lambda d: (d.date, d.kind))
        )
        self.assertEqual(kinds[D("2027-04-30")], "easter")
        self.assertEqual(kinds[D("2027-05-04")], "observed")


@tagged("post_install", "-at_install")
class TestStatutoryJob(StatutoryCommon):
    def test_spot_checks_of_every_obligation(self):
        checked = set()

        # In date order, as the days pass: each run creates what is due by then.
        def creation_day(spot):
            return D(spot[4]) - timedelta(days=self.obligation_type[spot[0]].lead_days)

        last_run = {}
        for spot in sorted(SPOT_CHECKS, key=creation_day):
            code, key, period, legal, effective = spot
            client = self.clients[key]
            obligation = client.acct_obligation_ids.filtered(
                lambda o, code=code: o.obligation_type_id.code == code
            )
            self.assertTrue(obligation.applies, f"{code} applies to {client.name}")
            self.assertEqual(obligation.lead_days, self.obligation_type[code].lead_days)
            day = creation_day(spot)
            if last_run.get(key, date.min) < day:
                # Not one day early (unless another spot already ran the job on that day).
                self._run_job(day - timedelta(days=1), client)
                self.assertFalse(
                    self._tasks(client, code).filtered(lambda t, p=period: t.acct_period_code == p),
                    f"{code} {period} is not created before its lead time",
                )
            self._run_job(day, client)
            last_run[key] = day
            task = self._tasks(client, code).filtered(lambda t, p=period: t.acct_period_code == p)
            self.assertEqual(len(task), 1, f"{code} {period}")
            self.assertEqual(task.acct_legal_date, D(legal), f"{code} {period}")
            self.assertEqual(task.acct_effective_date, D(effective), f"{code} {period}")
            self.assertEqual(task.date_deadline.date(), D(effective))
            self.assertEqual(task.project_id.acct_client_id, client)
            checked.add(code)
        # The opt-in rebate reminders are checked in test_catalogue_sources.
        recurring = {
            c
            for c, k in self.obligation_type.items()
            if k.periodicity != "event" and "acct_rebate_reminders" not in (k.applicability or "")
        }
        self.assertEqual(checked, recurring, "every recurring obligation is spot-checked")

    def test_assignee_by_role_and_checklist(self):
        client = self.clients["company"]
        self._run_job(D("2026-04-20"), client)
        vat = self._tasks(client, "BG_VAT_RETURN").filtered(
            lambda t: t.acct_period_code == "2026-03"
        )
        self.assertEqual(vat.user_ids, self.accountant)
        self.assertIn("o_checklist", vat.description)
        self.assertIn("VAT return submitted", vat.description)
        payroll = self._tasks(client, "BG_SSC_D1_D6").filtered(
            lambda t: t.acct_period_code == "2026-03"
        )
        self.assertEqual(payroll.user_ids, self.payroll)
        override = client.acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == "BG_PIT_PAYROLL"
        )
        override.user_id = self.manager
        self._run_job(D("2026-05-20"), client)
        pit = self._tasks(client, "BG_PIT_PAYROLL").filtered(
            lambda t: t.acct_period_code == "2026-04"
        )
        self.assertEqual(pit.user_ids, self.manager)

    def test_rerun_creates_nothing(self):
        first = self._run_job(D("2026-07-01"))
        self.assertTrue(first)
        self.assertFalse(self._run_job(D("2026-07-01")))
        projects = self.env["project.project"].search(
            [("acct_client_id", "in", self.all_clients.ids)]
        )
        self.assertEqual(len(projects), len(self.all_clients), "one project per client")

    def test_start_end_and_switch_off(self):
        client = self.clients["company"]
        vat = client.acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == "BG_VAT_RETURN"
        )
        vat.write({"date_start": D("2026-03-01"), "date_end": D("2026-04-30")})
        vies = client.acct_obligation_ids.filtered(lambda o: o.obligation_type_id.code == "BG_VIES")
        vies.active = False
        self._run_job(D("2026-08-01"), client)
        self.assertEqual(
            sorted(self._tasks(client, "BG_VAT_RETURN").mapped("acct_period_code")),
            ["2026-02", "2026-03", "2026-04"],
        )
        self.assertFalse(self._tasks(client, "BG_VIES"))
        self.assertTrue(self._tasks(client, "BG_INTRASTAT"))

    def test_cron_batches_and_a_killed_run(self):
        # Only our clients: the demo clients' obligations start later.
        self.env["acct.client.obligation"].search(
            [("client_id", "not in", self.all_clients.ids)]
        ).active = False
        with freeze_time("2026-03-10"):
            expected = len(self.all_clients.acct_obligation_ids._pending_deadlines(D("2026-03-10")))
            self.assertGreater(expected, 6)
            done, remaining = self.env["acct.client.obligation"]._cron_generate_tasks(batch_size=3)
            self.assertEqual((done, remaining), (3, expected - 3))
            # A run killed midway: its batch is rolled back.
            with self.assertRaises(ZeroDivisionError), self.env.cr.savepoint():
                self.env["acct.client.obligation"]._cron_generate_tasks(batch_size=3)
                raise ZeroDivisionError
            while remaining:
                done, remaining = self.env["acct.client.obligation"]._cron_generate_tasks(
                    batch_size=5
                )
        tasks = self.env["project.task"].search([("acct_client_id", "in", self.all_clients.ids)])
        self.assertEqual(len(tasks), expected)

    def test_run_now_buttons(self):
        client = self.clients["quarterly"]
        with freeze_time("2026-07-05"):
            action = client.with_user(self.accountant).action_acct_generate_tasks()
        self.assertEqual(action["params"]["type"], "success")
        self.assertTrue(self._tasks(client, "BG_CIT_ADV_Q"))
        kind = self.obligation_type["BG_VAT_RETURN"]
        with freeze_time("2026-07-05"):
            kind.with_user(self.manager).action_generate_tasks()
        self.assertTrue(self._tasks(self.clients["company"], "BG_VAT_RETURN"))
        with self.assertRaises(AccessError):
            kind.with_user(self.accountant).action_generate_tasks()

    def test_event_wizard(self):
        client = self.clients["company"]
        obligation = client.acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == "EV_EMPL_CONTRACT"
        )
        action = client.with_user(self.accountant).action_acct_record_event()
        wizard = (
            self.env["acct.event.obligation.wizard"]
            .with_user(self.accountant)
            .with_context(**action["context"])
            .create(
                {
                    "client_obligation_id": obligation.id,
                    "event_date": D("2026-12-22"),
                    "subject": "Иван Иванов",
                }
            )
        )
        result = wizard.action_create_task()
        task = self.env["project.task"].browse(result["res_id"])
        self.assertEqual(task.acct_legal_date, D("2026-12-25"))
        self.assertEqual(task.acct_effective_date, D("2026-12-29"))
        self.assertEqual(task.user_ids, self.payroll)
        with (
            self.assertRaisesRegex(UserError, "already has a task"),
            mute_logger("odoo.sql_db", "odoo.addons.acct_firm_crm.models.acct_client_obligation"),
        ):
            wizard.action_create_task()
        vehicle = client.acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == "EV_VEHICLE_DECL"
        )
        wizard = self.env["acct.event.obligation.wizard"].create(
            {"client_id": client.id, "client_obligation_id": vehicle.id, "event_date": "2026-02-28"}
        )
        task = self.env["project.task"].browse(wizard.action_create_task()["res_id"])
        self.assertEqual(task.acct_legal_date, D("2026-04-28"))
        self.assertEqual(task.acct_effective_date, D("2026-04-28"))
        # The other event obligations, on the clients they apply to.
        for key, code, event, legal, effective in (
            ("company", "EV_NOI_SICK", "2026-04-20", "2026-05-10", "2026-05-11"),
            ("person", "EV_SELFINS_START", "2027-04-23", "2027-04-30", "2027-05-05"),
        ):
            client = self.clients[key]
            obligation = client.acct_obligation_ids.filtered(
                lambda o, code=code: o.obligation_type_id.code == code
            )
            wizard = self.env["acct.event.obligation.wizard"].create(
                {"client_id": client.id, "client_obligation_id": obligation.id, "event_date": event}
            )
            task = self.env["project.task"].browse(wizard.action_create_task()["res_id"])
            self.assertEqual(task.acct_legal_date, D(legal), code)
            self.assertEqual(task.acct_effective_date, D(effective), code)


@tagged("post_install", "-at_install")
class TestProfileAndHolidayChanges(StatutoryCommon):
    def test_profile_change_adds_and_stops_obligations(self):
        client = self.clients["quarterly"]
        client.acct_obligation_ids.date_start = D("2026-01-01")
        self._run_job(D("2026-07-05"), client)
        advance = self._tasks(client, "BG_CIT_ADV_Q")
        self.assertEqual(sorted(advance.mapped("acct_period_code")), ["2026-Q1", "2026-Q2"])
        advance.state = "1_done"
        self.assertFalse(self._tasks(client, "BG_VAT_RETURN"))
        with freeze_time("2026-10-10"):
            client.write({"acct_vat_registered": True, "acct_cit_advance_regime": "monthly"})
        vat = client.acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == "BG_VAT_RETURN"
        )
        self.assertTrue(vat.applies)
        self.assertEqual(vat.date_start, D("2026-10-10"), "new obligations start today")
        quarterly = client.acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == "BG_CIT_ADV_Q"
        )
        self.assertFalse(quarterly.applies, "a profile change stops the obligation")
        self.assertEqual(set(advance.mapped("state")), {"1_done"}, "never touches done tasks")
        self._run_job(D("2026-10-10"), client)
        self.assertEqual(self._tasks(client, "BG_CIT_ADV_Q"), advance, "no new quarterly task")
        self.assertIn("2026-09", self._tasks(client, "BG_VAT_RETURN").mapped("acct_period_code"))
        self.assertTrue(self._tasks(client, "BG_CIT_ADV_M"))

    def test_holiday_edit_moves_open_tasks_only(self):
        client = self.clients["company"]
        self._run_job(D("2026-04-20"), client)
        tasks = self._tasks(client).filtered(lambda t: t.acct_legal_date == D("2026-04-27"))
        self.assertFalse(tasks)
        ssc = self._tasks(client, "BG_SSC_D1_D6").filtered(
            lambda t: t.acct_period_code == "2026-03"
        )
        pit = self._tasks(client, "BG_PIT_PAYROLL").filtered(
            lambda t: t.acct_period_code == "2026-03"
        )
        self.assertEqual(ssc.acct_effective_date, D("2026-04-27"))
        pit.state = "1_done"
        day_off = self.env["acct.nonworking.day"].create(
            {
                "country_id": self.env.ref("base.bg").id,
                "date": "2026-04-27",
                "kind": "one_off",
                "name": "Government day off",
                "legal_reference": "РМС (test)",
            }
        )
        self.assertEqual(ssc.acct_effective_date, D("2026-04-28"))
        self.assertEqual(ssc.date_deadline.date(), D("2026-04-28"))
        self.assertEqual(pit.acct_effective_date, D("2026-04-27"), "done tasks keep their date")
        day_off.unlink()
        self.assertEqual(ssc.acct_effective_date, D("2026-04-27"))
        # A working Saturday: the legal date itself becomes a working day.
        self.env["acct.nonworking.day"].create(
            {"date": "2026-04-25", "kind": "working_saturday", "name": "Working Saturday"}
        )
        self.assertEqual(ssc.acct_effective_date, D("2026-04-25"))

    def test_duplicate_day_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.env["acct.nonworking.day"].create(
                {"date": "2026-12-25", "kind": "one_off", "name": "Again"}
            )


@tagged("post_install", "-at_install")
class TestReminders(StatutoryCommon):
    def test_reminder_then_escalation_once(self):
        client = self.clients["company"]
        self._run_job(D("2026-02-06"), client)
        vat = self._tasks(client, "BG_VAT_RETURN").filtered(
            lambda t: t.acct_period_code == "2026-01"
        )
        self.assertEqual(vat.acct_effective_date, D("2026-02-16"))
        self.env.company.acct_reminder_days = 3
        todo = self.env.ref("mail.mail_activity_data_todo")
        with freeze_time("2026-02-12"):
            self.env["project.task"]._cron_acct_reminders()
        self.assertFalse(vat.activity_ids, "too early")
        with freeze_time("2026-02-13"):
            self.env["project.task"]._cron_acct_reminders()
            self.env["project.task"]._cron_acct_reminders()
        self.assertEqual(vat.activity_ids.user_id, self.accountant)
        self.assertEqual(vat.activity_ids.activity_type_id, todo)
        self.assertEqual(len(vat.activity_ids), 1, "reminded once")
        with freeze_time("2026-02-17"):
            self.env["project.task"]._cron_acct_reminders()
            self.env["project.task"]._cron_acct_reminders()
        escalation = vat.activity_ids.filtered(lambda a: a.user_id == self.reviewer)
        self.assertEqual(len(escalation), 1, "escalated once to the reviewer")
        self.assertTrue(vat.acct_escalated)


@tagged("post_install", "-at_install")
class TestStatutoryAccess(StatutoryCommon):
    def test_accountant(self):
        client = self.clients["quarterly"].with_user(self.accountant)
        client.acct_employer = True
        self.assertIn(
            "BG_SSC_D1_D6",
            client.acct_obligation_ids.filtered("applies").obligation_type_id.mapped("code"),
            "the accountant edits the profile and the obligations follow",
        )
        kind = self.obligation_type["BG_VAT_RETURN"].with_user(self.accountant)
        self.assertTrue(kind.name)
        with self.assertRaises(AccessError):
            kind.lead_days = 5
        with self.assertRaises(AccessError):
            self.env["acct.nonworking.day"].with_user(self.accountant).create(
                {"date": "2026-06-01", "name": "No"}
            )
        obligation = self.clients["company"].acct_obligation_ids[:1].with_user(self.accountant)
        obligation.lead_days = 7
        self._run_job(D("2026-02-06"), self.clients["company"])
        task = self._tasks(self.clients["company"])[:1].with_user(self.accountant)
        task.name = "Checked"
        self.assertTrue(
            self.env["project.task"]
            .with_user(self.accountant)
            .search_count([("acct_client_id", "=", self.clients["company"].id)])
        )

    def test_deadlines_menu(self):
        menu = self.env.ref("acct_firm_crm.menu_acct_deadlines")
        types = self.env.ref("acct_firm_crm.menu_acct_obligation_types")
        for user, sees_config in ((self.accountant, False), (self.manager, True)):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(menu.id, visible, user.login)
            self.assertEqual(types.id in visible, sees_config, user.login)
        visible = self.env["ir.ui.menu"].with_user(self.employee)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)

    def test_manager(self):
        """The manager tunes the engine and the next tasks follow: a longer lead time and a
        government day off on the day a deadline had moved to."""
        client = self.clients["company"]
        kind = self.obligation_type["BG_VAT_RETURN"].with_user(self.manager)
        kind.lead_days = 12
        self.env["acct.nonworking.day"].with_user(self.manager).create(
            {"date": "2026-06-15", "name": "Government day off"}
        )

        def may_vat_return():
            return self._tasks(client, "BG_VAT_RETURN").filtered(
                lambda task: task.acct_period_code == "2026-05"
            )

        # May's VAT return is due on Sunday 14 June 2026; Monday 15 June is now a day off,
        # so it is due on the 16th, and its task comes 12 days before: on 4 June, not the 3rd.
        self._run_job(D("2026-06-03"), client)
        self.assertFalse(may_vat_return())
        self._run_job(D("2026-06-04"), client)
        task = may_vat_return()
        self.assertEqual(len(task), 1)
        self.assertEqual(task.acct_legal_date, D("2026-06-14"))
        self.assertEqual(task.acct_effective_date, D("2026-06-16"))
        self.assertEqual(task.date_deadline.date(), D("2026-06-16"))

    def test_portal_and_employee_see_nothing(self):
        self._run_job(D("2026-02-06"), self.clients["company"])
        for user in (self.portal_user, self.employee):
            for model in ("acct.obligation.type", "acct.client.obligation", "acct.nonworking.day"):
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    self.env[model].with_user(user).search([])
        project = self._tasks(self.clients["company"]).project_id
        self.assertEqual(len(project), 1)
        portal_tasks = (
            self.env["project.task"]
            .with_user(self.portal_user)
            .search([("project_id", "=", project.id)])
        )
        self.assertFalse(portal_tasks)
        # Without the client portal the field is refused to portal users; with it, the
        # field is searchable (the client's own deadlines page) but finds no task of a
        # client the user does not belong to. Either way nothing is found.
        try:
            found = (
                self.env["project.task"]
                .with_user(self.portal_user)
                .search([("acct_client_id", "=", self.clients["company"].id)])
            )
        except AccessError:
            found = self.env["project.task"]
        self.assertFalse(found, "a portal user finds no statutory task of another client")
