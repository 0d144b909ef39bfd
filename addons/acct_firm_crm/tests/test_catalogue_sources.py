# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The catalogue cites its law, the rebate reminders are opt-in, and a corrected rule moves
only the tasks that are still to be worked."""

import re
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .test_statutory import StatutoryCommon

D = date.fromisoformat
PLACEHOLDER = re.compile(r"\b(VERIFY|TODO|FIXME)\b")


@tagged("post_install", "-at_install")
class TestCatalogueSources(StatutoryCommon):
    def test_every_obligation_names_its_article_and_source(self):
        from acct_firm_core.catalogs import BG_DUE_RULES

        for code in BG_DUE_RULES:
            kind = self.obligation_type[code]
            self.assertIn("чл.", kind.legal_reference, code)
            self.assertTrue(kind.source_url.startswith(("https://", "http://")), code)
            self.assertTrue(kind.note, code)
            self.assertFalse(PLACEHOLDER.search(kind.note), code)

    def test_open_questions_closed_in_the_records(self):
        kinds = self.obligation_type
        self.assertEqual(
            kinds["BG_VAT_RETURN"].legal_reference, "ЗДДС чл. 125, ал. 1 и ал. 5; чл. 89, ал. 1"
        )
        self.assertEqual(kinds["BG_VIES"].legal_reference, "ЗДДС чл. 125, ал. 2 и ал. 5")
        self.assertEqual(kinds["BG_LOCAL_PROPERTY"].instalment_rules, "Y:06-30 Y:10-31")
        self.assertIn("чл. 28, ал. 1", kinds["BG_LOCAL_PROPERTY"].legal_reference)
        self.assertIn("ЮЛНЦ", kinds["BG_CIT_ANNUAL"].note)
        # The notice after a termination is its own obligation, 7 days after the event.
        self.assertEqual(kinds["EV_EMPL_TERMINATION"].due_rule, "ev+7d")
        self.assertEqual(kinds["EV_EMPL_CONTRACT"].due_rule, "ev+3d")

    def test_source_must_be_a_web_address(self):
        kind = self.obligation_type["BG_VAT_RETURN"]
        for bad in ("nra.bg", "see the law", "https://nra.bg/a page"):
            with self.assertRaises(ValidationError, msg=bad):
                kind.source_url = bad
                kind.flush_recordset()
        kind.source_url = "https://nra.bg/"
        self.assertEqual(kind.source_url, "https://nra.bg/")

    def test_source_shown_on_the_form(self):
        with Form(self.obligation_type["BG_VIES"]) as form:
            self.assertEqual(form.source_url, "https://lex.bg/laws/ldoc/2135533201")

    def test_termination_notice_from_the_event_wizard(self):
        client = self.clients["company"]
        obligation = client.acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == "EV_EMPL_TERMINATION"
        )
        self.assertTrue(obligation.applies, "an employer gets the termination notice")
        wizard = self.env["acct.event.obligation.wizard"].create(
            {
                "client_id": client.id,
                "client_obligation_id": obligation.id,
                "event_date": "2026-04-03",
            }
        )
        wizard.action_create_task()
        task = self._tasks(client, "EV_EMPL_TERMINATION")
        self.assertEqual(task.acct_legal_date, D("2026-04-10"))
        # Good Friday to Easter Monday 2026 are non-working days.
        self.assertEqual(task.acct_effective_date, D("2026-04-14"))


@tagged("post_install", "-at_install")
class TestRebateReminders(StatutoryCommon):
    def _obligation(self, client, code):
        return client.with_context(active_test=False).acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code == code
        )

    def test_off_by_default(self):
        for client in self.all_clients:
            self.assertFalse(client.acct_rebate_reminders, client.name)
            for code in ("BG_PIT_REBATE", "BG_LOCAL_REBATE"):
                self.assertFalse(self._obligation(client, code).filtered("applies"), code)

    def test_ticked_then_unticked(self):
        person, company = self.clients["person"], self.clients["company"]
        (person | company).acct_rebate_reminders = True
        self.assertTrue(self._obligation(person, "BG_PIT_REBATE").applies)
        self.assertTrue(self._obligation(company, "BG_LOCAL_REBATE").applies)
        # The company is no individual, the person owns nothing: no reminder for them.
        self.assertFalse(self._obligation(company, "BG_PIT_REBATE").filtered("applies"))
        self.assertFalse(self._obligation(person, "BG_LOCAL_REBATE").filtered("applies"))
        # A sole trader files in the ЕТ window, where no rebate is given.
        trader = self.clients["sole_trader"]
        trader.acct_rebate_reminders = True
        self.assertFalse(self._obligation(trader, "BG_PIT_REBATE").filtered("applies"))
        person.acct_rebate_reminders = False
        self.assertFalse(self._obligation(person, "BG_PIT_REBATE").applies)

    def test_legal_form_keeps_the_choice(self):
        with Form(self.clients["person"]) as form:
            form.acct_rebate_reminders = True
            form.acct_legal_form = "individual"
            self.assertTrue(form.acct_rebate_reminders)

    def test_reminder_tasks(self):
        person, company = self.clients["person"], self.clients["company"]
        (person | company).acct_rebate_reminders = True
        reminders = (person | company).acct_obligation_ids.filtered(
            lambda o: o.obligation_type_id.code in ("BG_PIT_REBATE", "BG_LOCAL_REBATE")
        )
        reminders.date_start = D("2026-01-01")
        # 20 days ahead: not on 10 March, on 11 March for the 31 March rebate.
        self._run_job(D("2026-03-10"), person)
        self.assertFalse(self._tasks(person, "BG_PIT_REBATE"))
        self._run_job(D("2026-03-11"), person)
        task = self._tasks(person, "BG_PIT_REBATE")
        self.assertEqual(task.acct_period_code, "2025")
        self.assertEqual(task.acct_legal_date, D("2026-03-31"))
        self.assertEqual(task.acct_effective_date, D("2026-03-31"))
        self._run_job(D("2026-04-10"), company)
        task = self._tasks(company, "BG_LOCAL_REBATE")
        self.assertEqual(task.acct_period_code, "2026")
        self.assertEqual(task.acct_legal_date, D("2026-04-30"))
        self.assertEqual(task.user_ids, self.accountant)


@tagged("post_install", "-at_install")
class TestCatalogueRefresh(StatutoryCommon):
    def test_corrected_rule_moves_only_open_tasks_not_due_yet(self):
        client = self.clients["company"]
        vat = self.obligation_type["BG_VAT_RETURN"]
        # A database that still has a wrong rule, an edited article and the firm's lead time.
        vat.write({"due_rule": "M+1:20", "legal_reference": "ЗДДС", "source_url": False})
        vat.lead_days = 12
        self._run_job(D("2026-04-15"), client)
        tasks = {t.acct_period_code: t for t in self._tasks(client, "BG_VAT_RETURN")}
        past, open_, done = tasks["2026-01"], tasks["2026-02"], tasks["2026-03"]
        self.assertEqual(open_.acct_legal_date, D("2026-03-20"))
        done.state = "1_done"

        changed, moved = self.env["acct.obligation.type"]._refresh_catalogue(today=D("2026-03-10"))

        self.assertEqual(changed, vat)
        self.assertEqual(moved, open_)
        self.assertEqual(vat.due_rule, "M+1:14")
        self.assertEqual(vat.legal_reference, "ЗДДС чл. 125, ал. 1 и ал. 5; чл. 89, ал. 1")
        self.assertTrue(vat.source_url)
        self.assertEqual(vat.lead_days, 12, "the firm's lead time stays")
        # 14 March 2026 is a Saturday.
        self.assertEqual(open_.acct_legal_date, D("2026-03-14"))
        self.assertEqual(open_.acct_effective_date, D("2026-03-16"))
        self.assertEqual(open_.date_deadline.date(), D("2026-03-16"))
        self.assertEqual(done.acct_legal_date, D("2026-04-20"), "a done task keeps its date")
        self.assertEqual(past.acct_legal_date, D("2026-02-20"), "a past deadline stays")

    def test_unchanged_catalogue_moves_nothing(self):
        self._run_job(D("2026-04-15"))
        before = {t.id: t.acct_effective_date for t in self.env["project.task"].search([])}
        changed, moved = self.env["acct.obligation.type"]._refresh_catalogue(today=D("2026-01-01"))
        self.assertFalse(changed)
        self.assertFalse(moved)
        after = {t.id: t.acct_effective_date for t in self.env["project.task"].search([])}
        self.assertEqual(before, after)

    def test_instalment_and_event_codes(self):
        property_tax = self.obligation_type["BG_LOCAL_PROPERTY"]
        self.assertEqual(property_tax._legal_date_of("2026/2"), D("2026-10-31"))
        self.assertIsNone(property_tax._legal_date_of("2026/3"))
        notice = self.obligation_type["EV_EMPL_TERMINATION"]
        self.assertEqual(notice._legal_date_of("2026-04-03"), D("2026-04-10"))
