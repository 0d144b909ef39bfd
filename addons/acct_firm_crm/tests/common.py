# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class AcctFirmCommon(BaseCommon):
    """One user per role, and one firm client, shared by the addon's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The firm writes its texts in its own language (the demo firm's may be Bulgarian):
        # these tests read them in English.
        cls.env.company.partner_id.lang = "en_US"
        cls.accountant = new_test_user(
            cls.env,
            login="acct_accountant",
            name="Accountant",
            groups="acct_firm_crm.group_acct_firm_all_clients",
        )
        cls.manager = new_test_user(
            cls.env,
            login="acct_manager",
            name="Office Manager",
            groups="acct_firm_crm.group_acct_firm_manager",
        )
        cls.employee = new_test_user(
            cls.env, login="acct_employee", name="Other Employee", groups="base.group_user"
        )
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Test Client OOD",
                "lang": "en_US",
                "is_company": True,
                "acct_is_firm_client": True,
                "acct_client_code": "T0001",
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="acct_portal",
            name="Client Owner",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create(
                {
                    "name": "Client Owner",
                    "parent_id": cls.client.id,
                    "email": "owner@client.example.com",
                }
            )
            .id,
        )

    @classmethod
    def _own_clients_accountant(cls, login, client_code, role="acct_accountant_id"):
        """An accountant of the "own clients" level and the firm client ``client_code`` that
        names them in ``role`` (accountant or reviewer). Returns ``(user, client)``."""
        user = new_test_user(
            cls.env,
            login=login,
            name="Own Clients Accountant",
            groups="acct_firm_crm.group_acct_firm_user",
        )
        client = cls.env["res.partner"].create(
            {
                "name": "Mine EOOD",
                "is_company": True,
                "acct_is_firm_client": True,
                "acct_client_code": client_code,
                role: user.id,
            }
        )
        return user, client
