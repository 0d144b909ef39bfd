# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's own words that its 18.0 Bulgarian leaves in English or gets wrong come in Bulgarian
from i18n_extra/bg.po (scripts/odoo_terms_bg.py): in the web client, the chatter, the views,
the settings and Odoo's Python messages."""

import json

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.translate import code_translations, get_translation


def words_read(body, modules=None):
    """{English: translation} of a /web/webclient/translations answer's ``body``: of the
    ``modules`` listed, else of all, as the web client folds them."""
    return {
        message["id"]: message["string"]
        for module, catalogue in body["modules"].items()
        if modules is None or module in modules
        for message in catalogue["messages"]
    }


# A sample of the web client's and the chatter's words, as a Bulgarian user reads them.
WEB_CLIENT_TERMS = {
    "Log note": "Запишете бележка",
    "The conversation is empty.": "Разговорът е празен.",
    "Log an internal note…": "Запишете вътрешна бележка…",
    "Send a message to followers…": "Изпратете съобщение до последователите…",
    "Schedule an activity": "Планирайте дейност",
    "Mark Done": "Маркирайте като извършено",
    "Add to Favorites": "Добавете към любими",
    "Unsaved changes": "Незапазени промени",
    "Today at %(time)s": "Днес в %(time)s",
    "In %s days": "След %s дни",  # the days left of a request
}
# Odoo's Bulgarian that is there but wrong: an English copy, a transliteration.
WRONG_IN_ODOO = {
    "Load more": ("Load more", "Заредете още"),
    "Search": ("Tyrsene", "Търсене"),
}


@tagged("post_install", "-at_install")
class TestOdooTermsBulgarian(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("bg_BG")
        cls.env["ir.module.module"]._load_module_terms(["project", "acct_firm_crm"], ["bg_BG"])
        cls.accountant = new_test_user(
            cls.env,
            login="acct_bg_reader",
            groups="project.group_project_user",
            lang="bg_BG",
        )
        project = cls.env["project.project"].create({"name": "Счетоводство"})
        cls.task = cls.env["project.task"].create(
            {"name": "ДДС декларация", "project_id": project.id}
        )

    def test_web_client_translations(self):
        self.authenticate("acct_bg_reader", "acct_bg_reader")
        response = self.url_open("/web/webclient/translations/1?lang=bg_BG")
        body = response.json()
        terms = words_read(body)
        for english, bulgarian in WEB_CLIENT_TERMS.items():
            self.assertEqual(terms.get(english), bulgarian, english)
        # the Bulgarian formats travel with them
        self.assertEqual(body["lang_parameters"]["time_format"], "%H:%M:%S")
        self.assertEqual(body["lang_parameters"]["short_time_format"], "%H:%M")
        self.assertEqual(body["lang_parameters"]["thousands_sep"], "\N{NO-BREAK SPACE}")

    def test_our_word_wins_over_odoos_wrong_one_whatever_the_order(self):
        """mail and web give "Load more" and "Search" in their catalogues, non-empty but
        not Bulgarian: whichever module the web client reads last, it reads ours."""
        for english, (odoos, _ours) in WRONG_IN_ODOO.items():
            words = code_translations.get_web_translations("web", "bg_BG")["messages"]
            self.assertIn({"id": english, "string": odoos}, words, english)
        self.authenticate("acct_bg_reader", "acct_bg_reader")
        for order in (["mail", "web", "acct_firm_crm"], ["acct_firm_crm", "web", "mail"]):
            response = self.url_open(
                f"/web/webclient/translations/1?lang=bg_BG&mods={','.join(order)}"
            )
            for english, (_odoos, ours) in WRONG_IN_ODOO.items():
                for module in ("mail", "web"):
                    words = words_read(response.json(), [module])
                    self.assertEqual(words[english], ours, (module, english))
        # The portal reads the translations of its own modules only (web, portal...).
        self.authenticate(None, None)
        response = self.url_open("/web/webclient/translations/1?lang=bg_BG&mods=web,portal_rating")
        words = words_read(response.json())
        self.assertEqual(words["Search"], "Търсене")
        # portal_rating's summary, whose catalogue lacks the term
        self.assertEqual(words["comments"], "коментари")

    def test_odoos_python_messages(self):
        """A ``_()`` of Odoo's project code, untranslated in its catalogue, reads ours."""
        self.assertEqual(get_translation("project", "bg_BG", "Set Status", ()), "Задайте състояние")

    def test_a_wrong_record_translation_is_corrected_at_upgrade(self):
        """Odoo's "Tyrsene" in the portal search bar and its empty words in the project
        settings: loading the module's terms (its install, upgrade, or the activation of
        Bulgarian) writes ours over them."""
        searchbar = self.env.ref("portal.portal_searchbar")
        searchbar.update_field_translations("arch_db", {"bg_BG": {"Search": "Tyrsene"}})
        self.assertIn('placeholder="Tyrsene"', searchbar.with_context(lang="bg_BG").arch_db)
        self.env["ir.module.module"]._load_module_terms(["acct_firm_crm"], ["bg_BG"])
        self.assertIn('placeholder="Търсене"', searchbar.with_context(lang="bg_BG").arch_db)
        settings = self.env.ref("project.res_config_settings_view_form")
        self.assertIn("Управление на времето", settings.with_context(lang="bg_BG").arch_db)
        todo = self.env.ref("mail.mail_activity_data_todo").with_context(lang="bg_BG")
        self.assertEqual(todo.name, "За изпълнение")
        # Odoo's own Bulgarian of the activity states, applied once project.task has them
        states = dict(
            self.env["project.task"]
            .with_context(lang="bg_BG")
            .fields_get(["activity_state"])["activity_state"]["selection"]
        )
        self.assertEqual(states["overdue"], "Просрочен")

    def test_view_terms_of_odoo_modules(self):
        """A view's label of another module (project's task form and search) is given from
        our catalogue without touching the terms Odoo already translates."""
        bulgarian = self.env(context={"lang": "bg_BG"})
        form = bulgarian.ref("project.view_task_form2").arch_db
        self.assertIn("Блокирана от", form)  # "Blocked By", untranslated in Odoo 18.0
        self.assertIn("Подзадачи", form)  # "Sub-tasks": Odoo's own, kept
        search = bulgarian.ref("project.view_task_search_form").arch_db
        self.assertIn("Лични задачи", search)  # "Private Tasks"

    def test_chatter_in_bulgarian(self):
        """The task's chatter, opened by a Bulgarian accountant in the browser."""
        code = """
            const until = Date.now() + 30000;
            const find = (selector) => document.querySelector(selector);
            const wait = () => new Promise((resolve) => setTimeout(resolve, 200));
            (async () => {
                while (!find(".o-mail-Chatter-logNote") && Date.now() < until) await wait();
                const note = find(".o-mail-Chatter-logNote");
                if (!note) return console.error("no chatter");
                const expected = %s;
                if (note.textContent.trim() !== expected["Log note"]) {
                    return console.error("log note reads " + note.textContent.trim());
                }
                const composer = "textarea.o-mail-Composer-input[placeholder]";
                // the button answers once the thread is loaded: click until the composer opens
                while (!find(composer) && Date.now() < until) {
                    find(".o-mail-Chatter-logNote").click();
                    await wait();
                }
                const input = find(composer);
                const placeholder = input && input.getAttribute("placeholder");
                if (placeholder !== expected["Log an internal note…"]) {
                    return console.error("composer reads " + placeholder);
                }
                console.log("test successful");
            })();
        """ % json.dumps(WEB_CLIENT_TERMS, ensure_ascii=False)
        self.browser_js(
            f"/odoo/action-project.action_view_all_task/{self.task.id}",
            code,
            login="acct_bg_reader",
            timeout=120,
        )
