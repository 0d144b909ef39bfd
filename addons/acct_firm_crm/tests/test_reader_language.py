# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the jobs write is in the language of who reads it, not of who runs the job."""

import datetime

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .billing_common import AcctBillingCommon
from .test_statutory import StatutoryCommon

D = datetime.date.fromisoformat


class ReaderLanguageCommon(StatutoryCommon, AcctBillingCommon):
    """A Bulgarian firm, its jobs run by an English-speaking superuser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("bg_BG")
        cls.env["ir.module.module"]._load_module_terms(["acct_firm_crm"], ["bg_BG"])
        cls.env.user.lang = "en_US"
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.env.company.partner_id.lang = "bg_BG"
        cls.client.lang = "bg_BG"

    def _bg(self, record, field="name"):
        return record.with_context(lang="bg_BG")[field]

    def _en(self, record, field="name"):
        return record.with_context(lang="en_US")[field]


@tagged("post_install", "-at_install")
class TestTasksInTheFirmLanguage(ReaderLanguageCommon):
    def test_job_names_tasks_in_bulgarian(self):
        client = self.clients["company"]
        tasks = self._run_job(D("2026-02-06"), client)
        self.assertTrue(tasks)
        vat = tasks.filtered(
            lambda t: (
                t.acct_obligation_type_id.code == "BG_VAT_RETURN"
                and t.acct_period_code == "2026-01"
            )
        )
        kind = vat.acct_obligation_type_id
        self.assertNotEqual(self._bg(kind), self._en(kind), "the catalogue is translated")
        self.assertEqual(vat.name, f"{self._bg(kind)} 2026-01")
        for task in tasks:
            self.assertEqual(
                task.name, f"{self._bg(task.acct_obligation_type_id)} {task.acct_period_code}"
            )
        # The checklist is the firm's too.
        for item in kind.checklist_item_ids:
            self.assertIn(self._bg(item), vat.description)

    def test_reminders_and_escalations_in_bulgarian(self):
        client = self.clients["company"]
        self._run_job(D("2026-02-06"), client)
        vat = self._tasks(client, "BG_VAT_RETURN").filtered(
            lambda t: t.acct_period_code == "2026-01"
        )
        with freeze_time("2026-02-13"):
            self.env["project.task"]._cron_acct_reminders()
        self.assertEqual(vat.activity_ids.summary, "Срок 16.02.2026")
        with freeze_time("2026-02-17"):
            self.env["project.task"]._cron_acct_reminders()
        escalation = vat.activity_ids.filtered(lambda a: a.user_id == self.reviewer)
        self.assertEqual(escalation.summary, "Просрочено от 16.02.2026")

    def test_an_english_firm_keeps_english_names(self):
        self.env.company.partner_id.lang = "en_US"
        client = self.clients["company"]
        tasks = self._run_job(D("2026-02-06"), client)
        vat = tasks.filtered(lambda t: t.acct_obligation_type_id.code == "BG_VAT_RETURN")[:1]
        self.assertTrue(vat.name.startswith(self._en(vat.acct_obligation_type_id)))

    def test_migration_renames_english_tasks(self):
        self.env.company.partner_id.lang = "en_US"
        client = self.clients["company"]
        tasks = self._run_job(D("2026-02-06"), client)
        renamed_by_hand = tasks[0]
        renamed_by_hand.name = "Special"
        self.env.company.partner_id.lang = "bg_BG"
        # (other English tasks of the database, the demo's, are renamed too)
        renamed = self.env["acct.client.obligation"]._rename_english_tasks() & tasks
        self.assertEqual(renamed, tasks - renamed_by_hand)
        for task in renamed:
            kind = task.acct_obligation_type_id
            self.assertEqual(task.name, f"{self._bg(kind)} {task.acct_period_code}")
            for item in kind.checklist_item_ids:
                self.assertIn(self._bg(item), task.description)
        self.assertEqual(renamed_by_hand.name, "Special")
        self.assertFalse(self.env["acct.client.obligation"]._rename_english_tasks(), "once only")


@tagged("post_install", "-at_install")
class TestInvoicesInTheClientLanguage(ReaderLanguageCommon):
    def _bill(self, **values):
        return self.env["acct.engagement"]._run_billing(
            engagements=self._engagement(name="Зора", **values), today=D("2026-02-05")
        )

    def test_bulgarian_client_gets_bulgarian_labels(self):
        period = self._bill()
        self.assertEqual(
            period.invoice_id.invoice_line_ids.mapped("name"),
            ["Зора 2026-01: Фиксирано възнаграждение"],
        )
        self.assertEqual(period.fee_lines[0]["label"], "Фиксирано възнаграждение")
        period._attach_usage_statements()
        self.assertIn("Фиксирано възнаграждение", period.statement_attachment_id.raw.decode())

    def test_pricing_error_in_the_users_language(self):
        # The core writes the message once, in English; a Bulgarian user reads it in Bulgarian
        # and an English one in English, with the same numbers.
        tiers = {"fee_model": "per_document", "tiers": [(0, 100, 2), (120, None, 1)]}
        for lang, expected in (
            ("bg_BG", "Степен 2 оставя документите от 100 до 120 без цена"),
            ("en_US", "Tier 2 leaves documents 100 to 120 without a price"),
        ):
            engagement = self._engagement(name="Зора", activate=False, **tiers)
            with self.subTest(lang), self.assertRaises(ValidationError) as caught:
                engagement.with_context(lang=lang).action_activate()
            self.assertIn(expected, str(caught.exception))

    def test_english_client_of_the_bulgarian_firm_gets_english_labels(self):
        self.client.lang = "en_US"
        period = self._bill(tiers=[(0, 10, 2.0), (10, 0, 1.0)], fee_model="per_document")
        self.assertTrue(period.invoice_id.invoice_line_ids)
        for line in period.invoice_id.invoice_line_ids:
            self.assertTrue(line.name.startswith("Зора 2026-01: Documents processed"), line.name)

    def test_migration_translates_english_labels(self):
        self.client.lang = "en_US"
        period = self._bill()
        self.env["account.move.line"].flush_model()
        self.client.lang = "bg_BG"
        rewritten = self.env["acct.engagement.period"]._translate_english_labels()
        self.assertGreaterEqual(rewritten, 1)
        self.assertEqual(
            period.invoice_id.invoice_line_ids.mapped("name"),
            ["Зора 2026-01: Фиксирано възнаграждение"],
        )
        self.assertEqual(period.fee_lines[0]["label"], "Фиксирано възнаграждение")
        self.assertEqual(self.env["acct.engagement.period"]._translate_english_labels(), 0)


@tagged("post_install", "-at_install")
class TestRegisterChatterInTheFirmLanguage(ReaderLanguageCommon):
    def test_lending_a_folder_is_logged_in_the_firms_language(self):
        location = self.env["acct.archive.location"].create({"name": "Рафт 1", "kind": "shelf"})
        folder = self.env["acct.archive.folder"].create(
            {
                "client_id": self.client.id,
                "year_from": 2024,
                "year_to": 2024,
                "location_id": location.id,
            }
        )
        borrower = self.env["res.partner"].create({"name": "Георги Димитров"})
        # lent by an English-speaking user: the chatter is the Bulgarian firm's
        folder.with_context(lang="en_US")._lend(borrower, "2026-12-20")
        self.assertIn("Заета на Георги Димитров до 20.12.2026.", folder.message_ids[0].body)
