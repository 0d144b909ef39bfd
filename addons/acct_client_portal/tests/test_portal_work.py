# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The statement of work on the portal, and every way to reach another client's.

Each client has a filing done in 2026 with a reference that marks it: a body that holds the
other client's marker is a leak."""

import datetime
import json

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .common import AcctPortalCommon

D = datetime.date
PAGE = "/my/accounting/work"
PDF_ROUTE = "/my/accounting/work/pdf"


@tagged("post_install", "-at_install")
class TestPortalWork(AcctPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        obligation = env["acct.obligation.type"].search([], limit=1)
        projects = env["project.project"]._acct_client_projects(cls.client_x | cls.client_y)
        cls.kind = env["acct.request.kind"].search([], limit=1) or env["acct.request.kind"].create(
            {"name": "Certificate"}
        )
        for client, marker in ((cls.client_x, "X-FILING-REF"), (cls.client_y, "Y-FILING-REF")):
            task = env["project.task"].create(
                {
                    "name": f"VAT {marker}",
                    "project_id": projects[client.id],
                    "acct_client_id": client.id,
                    "acct_obligation_type_id": obligation.id,
                    "acct_period_code": "2026-01",
                    "acct_legal_date": D(2026, 2, 14),
                    "acct_effective_date": D(2026, 2, 16),
                    "acct_filing_reference": marker,
                }
            )
            task.write({"state": "1_done", "acct_date_done": D(2026, 2, 10)})
            request_task = env["project.task"].create(
                {
                    "name": f"Certificate {marker}-REQ",
                    "project_id": projects[client.id],
                    "acct_request_kind_id": cls.kind.id,
                }
            )
            request_task.write({"state": "1_done", "acct_date_done": D(2026, 2, 11)})
            protocol = env["acct.handover.protocol"].create(
                {
                    "client_id": client.id,
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": cls.cat_invoices.id,
                                "period_year": 2026,
                                "period_month": "1",
                                "count": 7 if client == cls.client_x else 99,
                            }
                        ),
                        Command.create(
                            {
                                "category_id": cls.cat_payroll.id,
                                "period_year": 2026,
                                "period_month": "1",
                                "count": 13,
                            }
                        ),
                    ],
                }
            )
            protocol.action_confirm()
        # The bookkeeper of X may upload, but not read the statement of work.
        cls.bookkeeper_x.partner_id.acct_portal_work = False

    def assertRefused(self, response, *markers):
        self.assertIn(response.status_code, (403, 404))
        for marker in markers:
            self.assertNotIn(marker.encode(), response.content)

    def test_owner_reads_the_statement_of_a_period(self):
        self.login(self.owner_x)
        page = self.url_open(f"{PAGE}?kind=quarter&year=2026&quarter=1")
        self.assertEqual(page.status_code, 200)
        self.assertIn("X-FILING-REF", page.text)
        self.assertIn("X-FILING-REF-REQ", page.text)
        self.assertNotIn("Y-FILING-REF", page.text)
        self.assertIn(f"{PDF_ROUTE}?period=2026-Q1", page.text)
        # The month before, the year, and from-to: the filing is in each that covers it.
        self.assertIn("X-FILING-REF", self.url_open(f"{PAGE}?kind=month&year=2026&month=2").text)
        self.assertNotIn("X-FILING-REF", self.url_open(f"{PAGE}?kind=month&year=2026&month=3").text)
        self.assertIn("X-FILING-REF", self.url_open(f"{PAGE}?kind=year&year=2026").text)
        ranged = self.url_open(f"{PAGE}?kind=range&date_from=2026-02-01&date_to=2026-02-10")
        self.assertIn("X-FILING-REF", ranged.text)
        # The card on "My accounting" leads here.
        self.assertIn('href="/my/accounting/work"', self.url_open("/my/accounting").text)

    def test_a_bad_period_is_told_and_the_default_shown(self):
        self.login(self.owner_x)
        for query in (
            "kind=month&year=2026&month=13",
            "kind=range&date_from=2026-03-01&date_to=2026-01-01",
            "kind=week",
            "period=2026-Q9",
            "kind=year&year=1'%20OR%201=1",
        ):
            with self.subTest(query=query):
                page = self.url_open(f"{PAGE}?{query}")
                self.assertEqual(page.status_code, 400)
                self.assertIn("alert-danger", page.text)
        self.assertEqual(self.url_open(f"{PDF_ROUTE}?period=2026-13").status_code, 404)

    def test_pdf_download_is_logged(self):
        self.login(self.owner_x)
        response = self.url_open(f"{PDF_ROUTE}?period=2026-Q1")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        # Tests render reports as HTML: the body carries the figures.
        self.assertIn(b"X-FILING-REF", response.content)
        self.assertNotIn(b"Y-FILING-REF", response.content)
        log = self.env["acct.portal.log"].search(
            [("user_id", "=", self.owner_x.id), ("event", "=", "statement")]
        )
        self.assertEqual(log.result, "done")
        self.assertEqual(log.client_id, self.client_x)
        self.assertEqual(log.file_name, "X0001-2026-Q1.pdf")

    def test_another_clients_user_cannot_reach_x(self):
        self.login(self.user_y)
        x = self.client_x.id
        for url in (
            f"{PAGE}?kind=year&year=2026&client_id={x}&partner_id={x}",
            f"{PAGE}?period=2026&client={x}",
            f"{PDF_ROUTE}?period=2026&client_id={x}&partner_id={x}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertNotIn(b"X-FILING-REF", response.content)
                self.assertIn(b"Y-FILING-REF", response.content)
        # The firm's report route renders nothing for a portal user.
        options = json.dumps({"period": "2026"})
        for converter in ("html", "pdf"):
            response = self.url_open(
                f"/report/{converter}/acct_firm_crm.report_work_statement/{x}?options={options}"
            )
            self.assertNotEqual(response.status_code, 200)
            self.assertNotIn(b"X-FILING-REF", response.content)
        # Nor JSON-RPC: neither the wizard, nor the service, nor the report action.
        for model, method, args in (
            ("acct.work.statement.wizard", "create", [{"client_id": x}]),
            ("acct.work.statement", "_acct_statement", [x, "2026"]),
            ("ir.actions.report", "_render_qweb_pdf", ["acct_firm_crm.report_work_statement", [x]]),
            ("project.task", "search_read", [[("acct_filing_reference", "!=", False)], ["name"]]),
        ):
            with self.subTest(model=model, method=method):
                try:
                    result = self.call_kw(model, method, args)
                except JsonRpcException:
                    continue
                self.assertNotIn("X-FILING-REF", json.dumps(result))

    def test_a_contact_without_the_right_is_refused(self):
        self.login(self.bookkeeper_x)
        self.assertRefused(self.url_open(f"{PAGE}?kind=year&year=2026"), "X-FILING-REF")
        self.assertRefused(self.url_open(f"{PDF_ROUTE}?period=2026"), "X-FILING-REF")
        self.assertNotIn('href="/my/accounting/work"', self.url_open("/my/accounting").text)
        refusal = self.env["acct.portal.log"].search(
            [("user_id", "=", self.bookkeeper_x.id), ("event", "=", "statement")]
        )
        self.assertEqual(refusal.result, "refused")

    def test_a_client_without_the_statement_is_refused(self):
        self.client_x.acct_portal_work = False
        self.login(self.owner_x)
        self.assertRefused(self.url_open(f"{PAGE}?kind=year&year=2026"), "X-FILING-REF")
        self.assertRefused(self.url_open(f"{PDF_ROUTE}?period=2026"), "X-FILING-REF")

    def test_an_accountant_of_another_client_is_refused(self):
        # The accountant is responsible for X only: Y's statement stays closed to them.
        self.authenticate(self.accountant.login, self.accountant.login)
        y = self.client_y.id
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "acct.work.statement.wizard",
                "create",
                [{"client_id": y, "period_kind": "year", "year": 2026}],
            )
        options = json.dumps({"period": "2026"})
        response = self.url_open(
            f"/report/html/acct_firm_crm.report_work_statement/{y}?options={options}"
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"Y-FILING-REF", response.content)
        # Their own client's statement opens, by the same routes.
        wizard_id = self.call_kw(
            "acct.work.statement.wizard",
            "create",
            [{"client_id": self.client_x.id, "period_kind": "year", "year": 2026}],
        )
        action = self.call_kw("acct.work.statement.wizard", "action_print", [[wizard_id]])
        self.assertEqual(action["data"], {"period": "2026"})
        response = self.url_open(
            f"/report/html/acct_firm_crm.report_work_statement/{self.client_x.id}?options={options}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"X-FILING-REF", response.content)
        self.assertIn(b"7", response.content)

    def test_a_contact_reads_only_the_kinds_it_may_see(self):
        # The owner was granted payroll by name; the bookkeeper may download nothing.
        self.bookkeeper_x.partner_id.acct_portal_work = True
        payroll = b'<td class="text-end">13</td>'
        self.login(self.owner_x)
        page = self.url_open(f"{PAGE}?kind=year&year=2026")
        self.assertIn(payroll, page.content)
        self.assertIn(self.cat_payroll.name.encode(), page.content)
        self.login(self.bookkeeper_x)
        for url in (f"{PAGE}?kind=year&year=2026", f"{PDF_ROUTE}?period=2026"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(b"X-FILING-REF", response.content)
                self.assertNotIn(payroll, response.content)
                self.assertNotIn(self.cat_payroll.name.encode(), response.content)
