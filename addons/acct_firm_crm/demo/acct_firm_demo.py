# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo hooks of the demo firm, called from the demo XML files only (never by the product).

The firm is "Витоша Консулт ООД", an accounting firm in Sofia. Where its database was created
for Bulgaria with the Bulgarian chart of accounts (scripts/create_demo_db.py), it keeps its
books in euros, Bulgaria's currency since 1 January 2026; amounts of earlier years are the
lev amounts converted at the fixed rate of 1.95583 BGN per EUR. Elsewhere (the test runs,
on Odoo's generic chart) it only gets its name, address and clients.

The firm shows its own data only: Odoo's demo projects and employees are archived
(``_hide_odoo_demo``). Its history (statutory tasks, time, billed engagements, filing
references) is generated here, seeded, so that every demo database tells the same story.
"""

import random
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import escape

from odoo import api, fields, models
from odoo.tools import SQL, config

from ..models.res_partner import LEGAL_FORM_DEFAULTS

BGN_PER_EUR = 1.95583
LEV_PEGGED_TO_EURO = date(1999, 7, 5)
DEMO_LANG = "bg_BG"
CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}

# The firm's other clients, one or more of every legal form: (xmlid, code, name, legal form,
# city, zip, street, ЕИК or "" (people have none), extra flags, accountant, client since
# (years ago), CIT advances). The flags of the legal form (LEGAL_FORM_DEFAULTS) come first.
# fmt: off
MORE_CLIENTS = (
    ("demo_client_dental", "C0010", "Дентал Плюс ЕООД", "eood", "София", "1164",
     "ул. „Бигла“ 14", "208763074", {"acct_vat_registered", "acct_employer"}, "demo", 5, "none"),
    ("demo_client_morski_briz", "C0011", "Морски бриз ООД", "ood", "Бургас", "8000",
     "ул. „Александровска“ 42", "150298696",
     {"acct_vat_registered", "acct_employer", "acct_civil_contract_payer",
      "acct_owns_real_estate"}, "admin", 7, "quarterly"),
    ("demo_client_petkov_et", "C0012", "ЕТ „Петков – Хлебопекарна“", "et", "Габрово", "5300",
     "ул. „Радецки“ 9", "119139495", {"acct_vat_registered", "acct_employer"}, "demo", 9,
     "none"),
    ("demo_client_dunavsko_zarno", "C0013", "Дунавско зърно АД", "ad", "Русе", "7000",
     "бул. „Липник“ 117", "128219499",
     {"acct_vat_registered", "acct_employer", "acct_intra_eu_supplies",
      "acct_intrastat_dispatches", "acct_pays_dividends", "acct_owns_vehicles"},
     "admin", 10, "monthly"),
    ("demo_client_kodeks", "C0014", "Кодекс Софтуер ЕООД", "eood", "Пловдив", "4000",
     "бул. „Марица“ 154", "192689776",
     {"acct_vat_registered", "acct_intra_eu_supplies", "acct_employer",
      "acct_nonresident_payments", "acct_pays_dividends"}, "demo", 3, "quarterly"),
    ("demo_client_svetlina", "C0015", "Народно читалище „Светлина 1907“", "ngo", "Казанлък",
     "6100", "ул. „Искра“ 2", "177338211", {"acct_civil_contract_payer", "acct_employer"},
     "demo", 6, "none"),
    ("demo_client_sk_teteven", "C0016", "Сдружение „Спортен клуб Тетевен“", "ngo", "Тетевен",
     "5700", "ул. „Иван Вазов“ 3", "209900177", {"acct_civil_contract_payer"}, "demo", 2,
     "none"),
    ("demo_client_koleva", "C0017", "арх. Десислава Колева", "self_insured", "София", "1404",
     "ж.к. „Стрелбище“, бл. 12", "", {"acct_vat_registered"}, "demo", 4, "none"),
    ("demo_client_atanasov", "C0018", "Петър Атанасов (преводач)", "self_insured", "Варна",
     "9000", "ул. „Драгоман“ 21", "", set(), "demo", 3, "none"),
    ("demo_client_marinova", "C0019", "Иванка Маринова", "individual", "Пловдив", "4002",
     "ул. „Капитан Райчо“ 56", "", {"acct_individual_rental", "acct_owns_real_estate"},
     "demo", 5, "none"),
    ("demo_client_transexpress", "C0020", "Трансекспрес ООД", "ood", "Плевен", "5800",
     "ул. „Васил Левски“ 130", "112210858",
     {"acct_vat_registered", "acct_employer", "acct_owns_vehicles", "acct_intra_eu_supplies",
      "acct_civil_contract_payer"}, "admin", 8, "quarterly"),
    ("demo_client_pamporovo", "C0021", "Хотел Пампорово ООД", "ood", "Смолян", "4700",
     "бул. „България“ 8", "115103203",
     {"acct_vat_registered", "acct_employer", "acct_owns_real_estate", "acct_pays_dividends"},
     "admin", 6, "quarterly"),
    ("demo_client_stoyanov_et", "C0022", "ЕТ „Стоянов – Автосервиз“", "et", "Стара Загора",
     "6000", "ул. „Гладстон“ 77", "174915661",
     {"acct_vat_registered", "acct_employer", "acct_owns_vehicles"}, "demo", 11, "none"),
    ("demo_client_zdrave", "C0023", "Аптека Здраве ЕООД", "eood", "Шумен", "9700",
     "бул. „Славянски“ 19", "106892525", {"acct_vat_registered", "acct_employer"}, "demo",
     4, "none"),
    ("demo_client_rodolubie", "C0024", "Фондация „Родолюбие“", "ngo", "София", "1000",
     "ул. „Шипка“ 6", "168081629", set(), "admin", 3, "none"),
)
# fmt: on


class AcctFirmDemo(models.AbstractModel):
    _name = "acct.firm.demo"
    _description = "Demo firm (demo data hooks)"

    @api.model
    def _setup_firm(self, registry_number):
        """The firm's VAT number, currency, languages and people; called once, early."""
        env = self.env(context={**self.env.context, **CONTEXT})
        company = env.ref("base.main_company")
        company.partner_id.vat = f"BG{registry_number}"
        if company.chart_template == "bg" and not company.root_id._existing_accounting():
            self._use_euro(company)
        # Odoo's own demo company of l10n_bg ("BG Company") is no firm of ours.
        bg_company = env.ref("base.demo_company_bg", raise_if_not_found=False)
        if bg_company and bg_company != company:
            users = (
                env["res.users"]
                .with_context(active_test=False)
                .search(
                    [("company_ids", "in", bg_company.ids), ("company_id", "!=", bg_company.id)]
                )
            )
            users.write({"company_ids": [fields.Command.unlink(bg_company.id)]})
            bg_company.active = False
        # The people of the firm.
        people = (("base.user_admin", "Георги Петров"), ("base.user_demo", "Мария Стоянова"))
        firm_users = env["res.users"]
        for xmlid, name in people:
            user = env.ref(xmlid, raise_if_not_found=False)
            if user:
                user.partner_id.name = name
                user.employee_ids.name = name
                firm_users |= user
        self._hide_odoo_demo(firm_users)
        # Bulgarian for every user, and for the users and contacts created later (the portal
        # users of the clients): the firm's default language.
        if env["res.lang"].search_count([("code", "=", DEMO_LANG)]):
            env["ir.default"].set("res.partner", "lang", DEMO_LANG)
            everyone = env["res.users"].with_context(active_test=False)
            everyone.search([("login", "!=", False)]).lang = DEMO_LANG

    @api.model
    def _hide_odoo_demo(self, firm_users):
        """Odoo's own demo projects ("Office Design"...) and employees ("Abigail Peterson"...)
        are no part of the firm: the projects are archived with their tasks, the employees
        other than the firm's people (``firm_users``) are archived, and the time both logged
        is removed, so that the firm's time reports show the firm's time. Only the records of
        Odoo's demo data (an xmlid of a module that is not ours) are touched; the company's
        internal project stays, without their time and without hr_timesheet's example."""
        env = self.env(context={**self.env.context, **CONTEXT, "active_test": False})
        odoo_demo = env["ir.model.data"].search(
            [("model", "in", ("project.project", "hr.employee")), ("module", "not like", "acct_")]
        )
        ids = {"project.project": [], "hr.employee": []}
        for data in odoo_demo:
            ids[data.model].append(data.res_id)
        companies = env["res.company"].search([("internal_project_id", "!=", False)])
        internal = companies.internal_project_id
        projects = env["project.project"].browse(ids["project.project"]).exists() - internal
        employees = (
            env["hr.employee"]
            .browse(ids["hr.employee"])
            .exists()
            .filtered(lambda employee: employee.user_id not in firm_users)
        )
        # hr_timesheet's installation logs 0 hours of "Analysis" on the internal project's
        # tasks, an example for the administrator: no time of the firm either.
        env["account.analytic.line"].search(
            [
                "|",
                "|",
                ("project_id", "in", projects.ids),
                ("employee_id", "in", employees.ids),
                "&",
                ("project_id", "in", internal.ids),
                ("unit_amount", "=", 0),
            ]
        ).unlink()
        projects.active = False
        employees.active = False

    @api.model
    def _use_euro(self, company):
        """The euro as the company's currency; the lev at its fixed rate, for older documents."""
        euro, lev = self.env.ref("base.EUR"), self.env.ref("base.BGN")
        (euro | lev).active = True
        company.currency_id = euro
        self.env["res.currency.rate"].create(
            {
                "currency_id": lev.id,
                "company_id": company.id,
                "name": LEV_PEGGED_TO_EURO,
                "rate": BGN_PER_EUR,
            }
        )

    @api.model
    def _create_more_clients(self):
        """The firm's other clients (MORE_CLIENTS), as demo records with their xmlids."""
        env = self.env(context={**self.env.context, **CONTEXT})
        today = fields.Date.context_today(self)
        users = {"demo": env.ref("base.user_demo"), "admin": env.ref("base.user_admin")}
        country = env.ref("base.bg")
        data = []
        for row in MORE_CLIENTS:
            (xmlid, code, name, form, city, zip_code, street, eik, flags, who, years, cit) = row
            values = {
                "name": name,
                "is_company": form not in ("individual", "self_insured"),
                "acct_is_firm_client": True,
                "acct_client_code": code,
                "street": street,
                "city": city,
                "zip": zip_code,
                "country_id": country.id,
                "email": f"office.{code.lower()}@example.com",
                "acct_legal_form": form,
                "acct_cit_advance_regime": cit,
                "acct_accountant_id": users[who].id,
                "acct_reviewer_id": users["admin"].id,
                "acct_client_since": (today - relativedelta(years=years)).replace(day=1),
                **dict.fromkeys(LEGAL_FORM_DEFAULTS[form] | flags, True),
            }
            if eik:
                values["company_registry"] = eik
                if "acct_vat_registered" in flags:
                    values["vat"] = f"BG{eik}"
            data.append({"xml_id": f"acct_firm_crm.{xmlid}", "values": values, "noupdate": True})
        return env["res.partner"]._load_records(data)

    @api.model
    def _analyze(self, tables):
        """ANALYZE ``tables`` after a demo hook filled them. The demo is created in the
        module install's one transaction, which autovacuum does not see: PostgreSQL would plan
        the next queries for the tables as they were before (nearly empty), with nested loops
        over thousands of rows (a step of a second took a minute). Inside the transaction,
        ANALYZE sees its rows."""
        self.env.flush_all()
        for table in tables:
            self.env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))

    @api.model
    def _speak_bulgarian(self):
        """When Bulgarian is installed (``--load-language=bg_BG``), the demo firm and its
        clients speak it, so that the job writes their texts in Bulgarian."""
        if not self.env["res.lang"].search_count([("code", "=", DEMO_LANG)]):
            return False
        clients = self.env["res.partner"].search(
            [("acct_is_firm_client", "=", True), ("acct_client_code", "=like", "C0%")]
        )
        (self.env.company.partner_id | clients).lang = DEMO_LANG
        # The module's own translations are loaded only after its demo data: the catalogue's
        # Bulgarian names are needed now, by the job that the demo runs next.
        self.env["ir.module.module"]._load_module_terms(["acct_firm_crm"], [DEMO_LANG])
        return True

    @api.model
    def _generate_tasks(self, years=3):
        """``years`` of tasks for the demo clients, created by the job as it ran over those
        years, worked up to two weeks ago: those are done, each on a day of the week before
        its deadline (a test run, which needs none of them, gets one year)."""
        if config["test_enable"]:
            years = 1
        today = fields.Date.context_today(self)
        clients = self.env["res.partner"].search(
            [("acct_is_firm_client", "=", True), ("acct_client_code", "=like", "C0%")]
        )
        obligations = clients.acct_obligation_ids
        obligations.date_start = today - relativedelta(years=years)
        # The job looks two years back from the day it runs: a run a year ago and one today
        # reach three years.
        tasks = self.env["project.task"]
        for back in range(max(years - 2, 0), -1, -1):
            tasks |= obligations._generate_tasks(today - relativedelta(years=back))
        done = tasks.filtered(lambda task: (today - task.acct_effective_date).days > 14)
        # Without a "state changed" message on each (thousands of them, seconds each hundred).
        done.with_context(tracking_disable=True).state = "1_done"
        self._set_done_dates(done)
        self._analyze(("project_task", "project_task_user_rel", "mail_followers"))
        return tasks

    @api.model
    def _set_done_dates(self, tasks):
        """The day each done demo task was closed, zero to six days before its deadline
        (seeded: every demo database tells the same story). In SQL, as Odoo's project
        statistics derived from it (time to close, counted from the creation date) mean
        nothing for tasks created today with a past deadline, and the ORM would compute
        them task by task."""
        if not tasks:
            return
        rows = []
        for task in tasks:
            key = (task.acct_client_id.id, task.acct_obligation_type_id.id, task.acct_period_code)
            rng = random.Random("-".join(map(str, key)))
            day = task.acct_effective_date - timedelta(days=rng.randint(0, 6))
            hour = time(rng.randint(8, 16), rng.randint(0, 59))
            rows.append((task.id, datetime.combine(day, hour)))
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE project_task task
                   SET date_end = done.day, date_last_stage_update = done.day
                  FROM (VALUES %s) AS done(id, day)
                 WHERE task.id = done.id
                """,
                SQL(", ").join(SQL("(%s, %s::timestamp)", *row) for row in rows),
            )
        )
        tasks.invalidate_recordset(["date_end", "date_last_stage_update"])

    @api.model
    def _generate_time(self, activities, user_id, days=3 * 365):
        """``days`` back from yesterday, two to four time reports per working day (three
        years, as the invoices and tasks; a test run, which needs none, gets one).

        ``activities`` lists ``(task_id, work_type_id, (minutes, ...))``; the choice is seeded,
        so every demo database tells the same story.
        """
        if config["test_enable"]:
            days = min(days, 365)
        Line = self.env["account.analytic.line"]
        user = self.env["res.users"].browse(user_id)
        employee = user.employee_ids[:1]
        if not employee:
            return Line
        rng = random.Random(2026)
        today = fields.Date.context_today(self)
        # The description of a line is its work type's name, in the firm's language (the
        # demo runs without one: the name would be read in English).
        work_types = (
            self.env["acct.work.type"]
            .with_context(lang=self.env.company._acct_lang())
            .browse({work_type for _t, work_type, _m in activities})
        )
        names = {work_type.id: work_type.name for work_type in work_types}
        tasks = self.env["project.task"].browse({task for task, _w, _m in activities})
        projects = {task.id: task.project_id.id for task in tasks}
        vals_list = []
        for offset in range(days, 0, -1):
            day = today - timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            for task_id, work_type_id, minutes in rng.sample(activities, rng.randint(2, 4)):
                vals_list.append(
                    {
                        "date": day,
                        "task_id": task_id,
                        "project_id": projects[task_id],
                        "employee_id": employee.id,
                        "acct_work_type_id": work_type_id,
                        "name": names[work_type_id],
                        "unit_amount": rng.choice(minutes) / 60.0,
                    }
                )
        lines = Line.create(vals_list)
        self._analyze(("account_analytic_line",))
        return lines

    @api.model
    def _bill_history(self, engagement_ids):
        """Activate the demo engagements and bill (and post) their past months."""
        Engagement = self.env["acct.engagement"]
        engagements = Engagement.browse(engagement_ids)
        engagements.action_activate()
        periods = Engagement._run_billing(engagements=engagements)
        periods.invoice_id.filtered(lambda move: move.state == "draft").action_post()

    @api.model
    def _filing_references(self):
        """The NRA's entry numbers of the demo's done filings (those without)."""
        rng = random.Random(2026)
        tasks = self.env["project.task"].search(
            [
                ("acct_obligation_type_id", "!=", False),
                ("state", "=", "1_done"),
                ("acct_filing_reference", "=", False),
            ],
            order="id",
        )
        for task in tasks:
            task.acct_filing_reference = f"{rng.randrange(22000000000000, 22999999999999)}"

    @api.model
    def _load_bulgarian_terms(self, module):
        """Load ``module``'s Bulgarian terms now, when Bulgarian is installed: Odoo loads them
        only after the module's demo data, so what the demo sends or logs before would read
        in English (the portal's e-mails to the demo's contacts). Returns whether it did."""
        if not self.env["res.lang"].search_count([("code", "=", DEMO_LANG)]):
            return False
        self.env["ir.module.module"]._load_module_terms([module], [DEMO_LANG])
        return True

    @api.model
    def _creation_messages_in_bulgarian(self, module):
        """The chatter's "<record> created" of the demo's records, in Bulgarian, when it is
        installed; called at the end of each addon's demo, with that addon's name.

        Odoo loads XML data without a language in the context (``odoo/tools/convert.py``
        sets ``lang=None``): a record created then logs the words of its creation message in
        the superuser's language, Bulgarian, and the name of its model in English
        ("Engagement създадено"), whatever the translations loaded; and the addon's own
        Bulgarian terms (its models' names) are loaded only after its demo data. Loaded now,
        each model's creation message is written again as it reads in Bulgarian."""
        if not self._load_bulgarian_terms(module):
            return
        self.env.flush_all()
        Message = self.env["mail.message"]
        logged = Message._read_group(
            [("message_type", "=", "notification"), ("model", "!=", False)],
            ["model"],
            ["res_id:max"],
        )
        for model, res_id in logged:
            if model not in self.env or not hasattr(self.env[model], "_creation_message"):
                continue
            record = self.env[model].browse(res_id).exists()
            if not record:
                continue
            as_loaded = escape(record.with_context(lang=None)._creation_message())
            in_bulgarian = escape(record.with_context(lang=DEMO_LANG)._creation_message())
            if as_loaded == in_bulgarian:
                continue
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE mail_message
                       SET body = REPLACE(body, %(old)s, %(new)s)
                     WHERE model = %(model)s
                       AND message_type = 'notification'
                       AND body LIKE %(pattern)s
                    """,
                    old=f"<p>{as_loaded}</p>",
                    new=f"<p>{in_bulgarian}</p>",
                    model=model,
                    pattern=f"%<p>{as_loaded}</p>%",
                )
            )
        Message.invalidate_model(["body"])
