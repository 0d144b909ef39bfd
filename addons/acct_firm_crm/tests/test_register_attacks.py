# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The registers' locks, tried from the attacker's side: real JSON-RPC calls of an ordinary
"Accounting firm / User" (or manager) account, each refused with the row unchanged."""

import base64
import datetime

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .billing_common import AcctBillingCommon

# The key the protocols' write guard once trusted: any caller can send it.
FORGED_CONTEXT = {"acct_protocol_state_change": True}
USER_ERROR = "odoo.exceptions.UserError"
VALIDATION_ERROR = "odoo.exceptions.ValidationError"
ACCESS_ERROR = "odoo.exceptions.AccessError"


class AttackCommon(AcctBillingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoices = cls.env.ref("acct_firm_crm.document_category_issued_invoices")
        cls.payroll = cls.env.ref("acct_firm_crm.document_category_payroll")
        cls.outsider = cls.env["res.partner"].create(
            {"name": "Not A Client AD", "is_company": True}
        )

    def _rpc(self, user, model, method, *args, context=None, **kwargs):
        """``model.method(*args, **kwargs)`` over ``/web/dataset/call_kw`` as ``user``."""
        if getattr(self, "_rpc_uid", None) != user.id:
            self.authenticate(user.login, user.login)
            self._rpc_uid = user.id
        if context:
            kwargs["context"] = context
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _row(self, records):
        """Every stored column of ``records``, fresh from the database."""
        self.env.invalidate_all()
        names = [
            name
            for name, field in records._fields.items()
            if field.store and field.type not in ("one2many", "many2many", "binary")
        ]
        return records.sudo().read(names)

    def _refused(self, user, records, method, *args, error=USER_ERROR, context=None, **kwargs):
        """Call ``method`` on ``records`` as ``user``: assert the error and the rows unchanged."""
        before = self._row(records)
        with self.assertRaises(JsonRpcException) as caught:
            self._rpc(user, records._name, method, records.ids, *args, context=context, **kwargs)
        self.assertEqual(str(caught.exception), error, f"{method}{args} on {records}")
        self.assertEqual(self._row(records), before, f"{method}{args} changed {records}")

    def _refused_create(self, user, model, values, error=USER_ERROR):
        Model = self.env[model].sudo().with_context(active_test=False)
        count = Model.search_count([])
        with self.assertRaises(JsonRpcException) as caught:
            self._rpc(user, model, "create", values)
        self.assertEqual(str(caught.exception), error, f"create {model} {values}")
        self.assertEqual(Model.search_count([]), count)


@tagged("post_install", "-at_install")
class TestProtocolAttacks(AttackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Protocol = cls.env["acct.handover.protocol"].with_user(cls.accountant)
        line = {"category_id": cls.invoices.id, "period_year": 2026, "period_month": "1"}
        cls.confirmed = Protocol.create(
            {"client_id": cls.client.id, "line_ids": [(0, 0, dict(line, count=62))]}
        )
        cls.confirmed.action_confirm()
        cls.draft = Protocol.create(
            {"client_id": cls.client.id, "line_ids": [(0, 0, dict(line, count=5))]}
        )

    def test_confirmed_protocol_cannot_be_reopened_changed_or_deleted(self):
        user, protocol, line = self.accountant, self.confirmed, self.confirmed.line_ids
        for context in (None, FORGED_CONTEXT):
            self._refused(user, protocol, "write", {"state": "draft"}, context=context)
            self._refused(user, protocol, "write", {"state": "cancelled"}, context=context)
            self._refused(user, protocol, "write", {"cancel_reason": "x"}, context=context)
            self._refused(user, protocol, "write", {"date": "2026-02-01"}, context=context)
            self._refused(
                user,
                protocol,
                "write",
                {"line_ids": [(1, line.id, {"count": 1998})]},
                context=context,
            )
            self._refused(user, line, "write", {"count": 1998}, context=context)
            self._refused(user, protocol, "unlink", context=context)
            self._refused(user, line, "unlink", context=context)
            self._refused_create(
                user,
                "acct.handover.protocol.line",
                {
                    "protocol_id": protocol.id,
                    "category_id": self.invoices.id,
                    "period_year": 2026,
                    "period_month": "1",
                    "count": 1936,
                },
            )
            # Nor confirmed again: it is not a draft.
            self._refused(user, protocol, "action_confirm", context=context)
        # Nor even by the managers.
        self._refused(self.manager, protocol, "write", {"state": "draft"}, context=FORGED_CONTEXT)
        self._refused(self.manager, protocol, "unlink", context=FORGED_CONTEXT)
        self.assertEqual(self.confirmed.document_count, 62)

    def test_draft_protocol_state_only_through_its_actions(self):
        user = self.accountant
        for values in ({"state": "confirmed"}, {"state": "cancelled", "cancel_reason": "x"}):
            self._refused(user, self.draft, "write", values, context=FORGED_CONTEXT)
        self._refused_create(
            user,
            "acct.handover.protocol",
            {"client_id": self.client.id, "state": "confirmed"},
        )
        # A draft line cannot be moved into the confirmed protocol.
        self._refused(user, self.draft.line_ids, "write", {"protocol_id": self.confirmed.id})
        # Private methods are not reachable over RPC.
        self._refused(user, self.draft, "_cancel", "x", error=ACCESS_ERROR)
        self._refused(
            user, self.draft, "_acct_transition", "confirm", "confirmed", error=ACCESS_ERROR
        )

    def test_cancelling_needs_a_reason_and_keeps_the_record_with_who_and_why(self):
        user = self.accountant
        wizard_id = self._rpc(
            user,
            "acct.handover.cancel.wizard",
            "create",
            {"protocol_id": self.confirmed.id, "reason": "   "},
        )
        wizard = self.env["acct.handover.cancel.wizard"].browse(wizard_id)
        before = self._row(self.confirmed)
        with self.assertRaises(JsonRpcException) as caught:
            self._rpc(user, wizard._name, "action_cancel", wizard.ids)
        self.assertEqual(str(caught.exception), USER_ERROR)
        self.assertEqual(self._row(self.confirmed), before)
        wizard.reason = "Signed by the wrong representative"
        self._rpc(user, wizard._name, "action_cancel", wizard.ids)
        self.env.invalidate_all()
        self.assertEqual(self.confirmed.state, "cancelled")
        self.assertEqual(self.confirmed.cancel_reason, "Signed by the wrong representative")
        log = self.confirmed.message_ids.filtered(lambda m: "Reason" in (m.body or ""))
        self.assertIn("Signed by the wrong representative", log[:1].body)
        self.assertIn(user.name, log[:1].body)
        # Cancelled is final.
        self._refused(user, self.confirmed, "write", {"state": "confirmed"}, context=FORGED_CONTEXT)
        self._refused(user, self.confirmed, "action_open_cancel_wizard")

    def test_billing_after_refused_tampering_bills_the_original_count(self):
        line = self.confirmed.line_ids
        for values in ({"count": 1998}, {"period_month": "2"}):
            self._refused(self.accountant, line, "write", values, context=FORGED_CONTEXT)
        self._refused(
            self.accountant, self.confirmed, "write", {"state": "draft"}, context=FORGED_CONTEXT
        )
        engagement = self._engagement(
            fee_model="per_document", fixed_amount=0, unit_price=1.0, date_end="2026-01-31"
        )
        period = self.env["acct.engagement"]._run_billing(
            engagements=engagement, today=datetime.date(2026, 2, 10)
        )
        self.assertEqual(period.quantity, 62)
        self.assertEqual(period.amount_total, 62.0)


@tagged("post_install", "-at_install")
class TestFolderAuthorisationTimerAttacks(AttackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = (
            cls.env["acct.archive.folder"]
            .with_user(cls.accountant)
            .create(
                {
                    "client_id": cls.client.id,
                    "year_from": 2025,
                    "year_to": 2025,
                    "category_ids": [(6, 0, cls.payroll.ids)],
                }
            )
        )
        POA = cls.env["acct.power.attorney"].with_user(cls.accountant)
        values = {
            "principal_id": cls.client.id,
            "valid_from": "2025-01-01",
            "scope": "full",
        }
        cls.revoked = POA.create(values)
        cls.revoked.action_activate()
        cls.revoked._revoke(datetime.date(2026, 3, 1), "The client filed it himself")
        cls.active = POA.create(values)
        cls.active.action_activate()

    def test_folder_kept_until_2075_cannot_be_destroyed_or_lent_by_write(self):
        user, folder = self.accountant, self.folder
        self.assertEqual(folder.retention_end, datetime.date(2075, 12, 31))
        for context in (None, FORGED_CONTEXT):
            self._refused(user, folder, "write", {"state": "destroyed"}, context=context)
            self._refused(
                user, folder, "write", {"state": "destroyed", "destroyed_on": "2026-01-01"}
            )
            self._refused(user, folder, "write", {"state": "lent"}, context=context)
            self._refused(user, folder, "write", {"lent_to_id": self.manager.partner_id.id})
            self._refused(user, folder, "write", {"state": "returned"}, context=context)
        self._refused(user, folder, "action_destroy")
        self._refused(self.manager, folder, "action_destroy")
        self._refused(self.manager, folder, "write", {"state": "destroyed"})
        self._refused(user, folder, "unlink")
        self._refused(user, folder, "action_back_in_archive")
        self._refused_create(
            user, "acct.archive.folder", {"client_id": self.client.id, "state": "destroyed"}
        )

    def test_lending_needs_a_borrower_and_a_due_date(self):
        user, folder = self.accountant, self.folder
        Wizard = "acct.archive.folder.lend.wizard"
        before = self._row(folder)
        for values in ({}, {"lent_to_id": self.manager.partner_id.id}, {"due_back": "2026-05-01"}):
            with self.assertRaises(JsonRpcException), mute_logger("odoo.sql_db"):
                wizard_id = self._rpc(user, Wizard, "create", {"folder_id": folder.id, **values})
                self._rpc(user, Wizard, "action_lend", [wizard_id])
        self.assertEqual(self._row(folder), before)
        wizard_id = self._rpc(
            user,
            Wizard,
            "create",
            {
                "folder_id": folder.id,
                "lent_to_id": self.manager.partner_id.id,
                "due_back": "2026-05-01",
            },
        )
        self._rpc(user, Wizard, "action_lend", [wizard_id])
        self.env.invalidate_all()
        self.assertEqual(folder.state, "lent")
        self.assertEqual(folder.lent_to_id, self.manager.partner_id)
        # Lent: the borrower cannot be erased nor the folder marked back by a write.
        self._refused(user, folder, "write", {"lent_to_id": False})
        self._refused(user, folder, "write", {"state": "archived"}, context=FORGED_CONTEXT)
        self._rpc(user, folder._name, "action_back_in_archive", folder.ids)
        self.env.invalidate_all()
        self.assertEqual(folder.state, "archived")
        self.assertFalse(folder.lent_to_id)

    def test_revoked_authorisation_cannot_be_reactivated_nor_its_revocation_erased(self):
        user, poa = self.accountant, self.revoked
        for context in (None, FORGED_CONTEXT):
            self._refused(user, poa, "write", {"state": "active"}, context=context)
            self._refused(
                user,
                poa,
                "write",
                {"state": "active", "revocation_date": False, "revocation_reason": False},
                context=context,
            )
            self._refused(user, poa, "write", {"revocation_date": False}, context=context)
            self._refused(user, poa, "write", {"revocation_reason": ""}, context=context)
        self._refused(user, poa, "action_activate")
        self._refused(user, poa, "unlink")
        self._refused(self.manager, poa, "write", {"state": "active"})

    def test_revocation_needs_a_date_and_a_reason(self):
        user, poa = self.accountant, self.active
        self._refused(user, poa, "write", {"state": "revoked"})
        self._refused(user, poa, "write", {"state": "revoked", "revocation_date": "2026-03-01"})
        self._refused(user, poa, "write", {"revocation_date": "2026-03-01"})
        self._refused_create(
            user,
            "acct.power.attorney",
            {"principal_id": self.client.id, "state": "active", "valid_from": "2025-01-01"},
        )
        Wizard = "acct.power.attorney.revoke.wizard"
        before = self._row(poa)
        for values in ({"reason": "  "}, {"reason": "x", "revocation_date": False}):
            with self.assertRaises(JsonRpcException), mute_logger("odoo.sql_db"):
                wizard_id = self._rpc(
                    user, Wizard, "create", {"power_attorney_id": poa.id, **values}
                )
                self._rpc(user, Wizard, "action_revoke", [wizard_id])
        self.assertEqual(self._row(poa), before)
        wizard_id = self._rpc(
            user,
            Wizard,
            "create",
            {
                "power_attorney_id": poa.id,
                "reason": "Contract ended",
                "revocation_date": "2026-03-01",
            },
        )
        self._rpc(user, Wizard, "action_revoke", [wizard_id])
        self.env.invalidate_all()
        self.assertEqual(poa.state, "revoked")
        log = poa.message_ids.filtered(lambda m: "Contract ended" in (m.body or ""))
        self.assertIn(user.name, log[:1].body)

    def test_a_running_timer_cannot_be_handed_to_another_user(self):
        self.env["hr.employee"].create({"name": "Accountant", "user_id": self.accountant.id})
        project = self.env["project.project"].create(
            {"name": "Bookkeeping", "allow_timesheets": True}
        )
        task = self.env["project.task"].create({"name": "VAT", "project_id": project.id})
        timer = self.env["acct.timesheet.timer"].with_user(self.accountant)._start(task)
        self._refused(self.accountant, timer, "write", {"user_id": self.manager.id})
        self._refused(self.manager, timer, "write", {"user_id": self.manager.id})


@tagged("post_install", "-at_install")
class TestEngagementAttacks(AttackCommon):
    def test_engagement_state_and_billed_periods_only_through_the_actions(self):
        engagement = self._engagement(date_end="2026-01-31")
        period = self.env["acct.engagement"]._run_billing(
            engagements=engagement, today=datetime.date(2026, 2, 10)
        )
        self.assertEqual(period.amount_total, 100.0)
        manager = self.manager
        self._refused(manager, engagement, "write", {"state": "draft"}, context=FORGED_CONTEXT)
        self._refused_create(
            manager,
            "acct.engagement",
            {
                "name": "Forged",
                "client_id": self.client.id,
                "product_id": self.product.id,
                "fixed_amount": 1,
                "state": "active",
            },
        )
        for values in ({"amount_total": 1.0}, {"quantity": 0}, {"invoice_id": False}):
            self._refused(manager, period, "write", values)
        self._refused(manager, period, "unlink", error=ACCESS_ERROR)
        self._refused_create(
            manager,
            "acct.engagement.period",
            {
                "engagement_id": engagement.id,
                "name": "2026-02",
                "period_start": "2026-02-01",
                "period_end": "2026-02-28",
            },
        )
        # An ended engagement is not suspended, nor ended again.
        engagement.action_end()
        self._refused(manager, engagement, "action_suspend")
        self._refused(manager, engagement, "action_end")


@tagged("post_install", "-at_install")
class TestFirmClientsOnly(AttackCommon):
    def test_registers_only_for_firm_clients(self):
        user, outsider = self.accountant, self.outsider.id
        document = {
            "name": "Payroll",
            "client_id": outsider,
            "category_id": self.payroll.id,
            "file": base64.b64encode(b"%PDF-1.4").decode(),
            "visible_to_client": True,
        }
        self._refused_create(user, "acct.client.document", document, VALIDATION_ERROR)
        self._refused_create(
            user, "acct.handover.protocol", {"client_id": outsider}, VALIDATION_ERROR
        )
        self._refused_create(
            user, "acct.power.attorney", {"principal_id": outsider}, VALIDATION_ERROR
        )
        self._refused_create(user, "acct.archive.folder", {"client_id": outsider}, VALIDATION_ERROR)
        self._refused_create(
            self.manager,
            "acct.engagement",
            {"name": "E", "client_id": outsider, "product_id": self.product.id},
            VALIDATION_ERROR,
        )
        # Nor moved there later.
        record = self.env["acct.client.document"].create(dict(document, client_id=self.client.id))
        self._refused(user, record, "write", {"client_id": outsider}, error=VALIDATION_ERROR)


@tagged("post_install", "-at_install")
class TestOwnClients(AttackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own, cls.mine = cls._own_clients_accountant("acct_own_clients", "OWN1")
        cls.engagement = cls._engagement(date_end="2026-01-31")
        cls.period = cls.env["acct.engagement"]._run_billing(
            engagements=cls.engagement, today=datetime.date(2026, 2, 10)
        )
        cls.others = cls._registers(cls.client) + [cls.engagement, cls.period]
        cls.mine_registers = cls._registers(cls.mine)

    @classmethod
    def _registers(cls, client):
        env = cls.env
        document = env["acct.client.document"].create(
            {
                "name": "Payroll 01/2026",
                "client_id": client.id,
                "category_id": cls.payroll.id,
                "file": base64.b64encode(b"%PDF-1.4 payroll"),
                "file_name": "payroll.pdf",
            }
        )
        protocol = env["acct.handover.protocol"].create(
            {
                "client_id": client.id,
                "line_ids": [(0, 0, {"category_id": cls.payroll.id, "period_year": 2026})],
            }
        )
        folder = env["acct.archive.folder"].create({"client_id": client.id})
        poa = env["acct.power.attorney"].create({"principal_id": client.id})
        obligations = env["acct.client.obligation"].search([("client_id", "=", client.id)])
        return [document, protocol, protocol.line_ids, folder, poa, obligations[:1]]

    def test_own_clients_accountant_reaches_only_own_clients(self):
        user = self.own
        for records in self.others:
            if not records:
                continue
            model = records._name
            domain = [("id", "in", records.ids)]
            self.assertEqual(self._rpc(user, model, "search", domain), [], model)
            self.assertEqual(self._rpc(user, model, "search_count", domain), 0, model)
            groups = self._rpc(user, model, "read_group", domain, ["create_uid"], ["create_uid"])
            self.assertEqual(groups, [], model)
            self._refused(user, records, "read", ["display_name"], error=ACCESS_ERROR)
            self._refused(user, records, "write", {"display_name": "x"}, error=ACCESS_ERROR)
            self._refused(user, records, "unlink", error=ACCESS_ERROR)
        for records in self.mine_registers:
            if not records:
                continue
            self.assertEqual(
                self._rpc(user, records._name, "search", [("id", "in", records.ids)]),
                records.ids,
                records._name,
            )
        # The file of another client's document is not served; one's own client's is.
        document, own_document = self.others[0], self.mine_registers[0]
        self._rpc(user, "res.partner", "search", [("id", "=", self.mine.id)])
        response = self.url_open(f"/web/content/acct.client.document/{document.id}/file")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"payroll", response.content)
        response = self.url_open(f"/web/content/acct.client.document/{own_document.id}/file")
        self.assertEqual(response.status_code, 200)

    def test_the_people_in_charge_are_chosen_by_the_firm_only(self):
        for name in ("acct_accountant_id", "acct_reviewer_id", "acct_payroll_accountant_id"):
            self._refused(self.own, self.client, "write", {name: self.own.id}, error=ACCESS_ERROR)
        self.assertEqual(
            self._rpc(
                self.own, "acct.client.document", "search", [("client_id", "=", self.client.id)]
            ),
            [],
        )
        # An "all clients" accountant assigns them.
        self._rpc(
            self.accountant,
            "res.partner",
            "write",
            self.client.ids,
            {"acct_reviewer_id": self.own.id},
        )
        self.env.invalidate_all()
        self.assertEqual(self.client.acct_reviewer_id, self.own)

    def test_following_a_client_is_granted_by_the_firm_only(self):
        user = self.own
        before = self.client.message_partner_ids
        self._rpc(user, "res.partner", "message_subscribe", [self.client.id], [user.partner_id.id])
        self.env.invalidate_all()
        self.assertEqual(self.client.message_partner_ids, before)
        self.assertEqual(
            self._rpc(user, "acct.client.document", "search", [("client_id", "=", self.client.id)]),
            [],
        )
        # Made a follower by a manager, the accountant reaches the client.
        self.client.with_user(self.manager).message_subscribe(user.partner_id.ids)
        self.assertEqual(
            self._rpc(user, "acct.client.document", "search", [("client_id", "=", self.client.id)]),
            self.others[0].ids,
        )

    def test_statutory_tasks_of_other_clients_are_hidden(self):
        project = self.env["project.project"].create({"name": "Statutory deadlines"})
        Task = self.env["project.task"]
        theirs = Task.create(
            {"name": "VAT return", "project_id": project.id, "acct_client_id": self.client.id}
        )
        mine = Task.create(
            {"name": "VAT return", "project_id": project.id, "acct_client_id": self.mine.id}
        )
        office = Task.create({"name": "Office move", "project_id": project.id})
        domain = [("project_id", "=", project.id)]
        self.assertEqual(
            sorted(self._rpc(self.own, "project.task", "search", domain)),
            sorted((mine | office).ids),
        )
        self._refused(self.own, theirs, "read", ["name"], error=ACCESS_ERROR)
        self._refused(self.own, theirs, "write", {"name": "x"}, error=ACCESS_ERROR)
        self.assertEqual(
            sorted(self._rpc(self.accountant, "project.task", "search", domain)),
            sorted((theirs | mine | office).ids),
        )
        # An employee outside the firm's groups sees no statutory task.
        try:
            seen = self._rpc(self.employee, "project.task", "search", domain)
        except JsonRpcException as error:
            self.assertEqual(str(error), ACCESS_ERROR)
        else:
            self.assertFalse(set(seen) & set((theirs | mine).ids))

    def test_all_clients_accountant_reaches_every_client(self):
        for records in self.others[:6] + self.mine_registers:
            if not records:
                continue
            self.assertEqual(
                self._rpc(self.accountant, records._name, "search", [("id", "in", records.ids)]),
                records.ids,
            )

    def test_plain_employee_reaches_no_register(self):
        for records in self.others + self.mine_registers:
            if not records:
                continue
            self._refused(self.employee, records, "read", ["display_name"], error=ACCESS_ERROR)
            with self.assertRaises(JsonRpcException):
                self._rpc(self.employee, records._name, "search", [])


@tagged("post_install", "-at_install")
class TestCompanies(AttackCommon):
    def test_registers_of_another_company_are_out_of_reach(self):
        other = self.env["res.company"].create({"name": "Second Office OOD"})
        values = {
            "name": "Payroll 01/2026",
            "client_id": self.client.id,
            "category_id": self.payroll.id,
            "file": base64.b64encode(b"%PDF-1.4").decode(),
        }
        document = self.env["acct.client.document"].create(dict(values, company_id=other.id))
        folder = self.env["acct.archive.folder"].create(
            {"client_id": self.client.id, "company_id": other.id}
        )
        for records in (document, folder):
            domain = [("id", "=", records.id)]
            self.assertEqual(self._rpc(self.accountant, records._name, "search", domain), [])
            self._refused(self.accountant, records, "read", ["display_name"], error=ACCESS_ERROR)
        self._refused_create(
            self.accountant,
            "acct.client.document",
            dict(values, company_id=other.id),
            ACCESS_ERROR,
        )
