# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Accounting Firm: Client Portal",
    "summary": "My accounting: the firm's clients download, upload, ask and follow their "
    "work on the portal",
    "version": "18.0.1.0.0",
    "category": "Services/Accounting Firm",
    "website": "https://github.com/acct-firm-suite/acct-firm-suite",
    "author": "Accounting Firm Suite contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["portal", "acct_firm_crm"],
    "external_dependencies": {
        "python": ["acct_firm_core"],
    },
    "data": [
        "views/acct_client_portal_templates.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
