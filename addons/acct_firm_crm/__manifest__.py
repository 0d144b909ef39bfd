# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Accounting Firm: Back Office",
    "summary": "Client tax profiles, statutory deadlines, time, registers and billing "
    "of an accounting firm",
    "version": "18.0.1.0.0",
    "category": "Services/Accounting Firm",
    "website": "https://github.com/acct-firm-suite/acct-firm-suite",
    "author": "Accounting Firm Suite contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "depends": ["mail", "project", "hr_timesheet", "account"],
    "external_dependencies": {
        "python": ["acct_firm_core", "holidays", "python-dateutil"],
    },
    "data": [
        "security/acct_firm_crm_security.xml",
        "security/ir.model.access.csv",
        "views/res_partner_views.xml",
        "views/acct_firm_crm_menus.xml",
        "data/acct_engagement_cron.xml",
        "report/acct_engagement_usage_report.xml",
        "report/account_invoice_report.xml",
        "views/acct_engagement_views.xml",
        "views/res_partner_billing_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/acct_engagement_demo.xml",
    ],
}
