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
        "security/acct_statutory_security.xml",
        "data/acct_obligation_type_data.xml",
        "data/acct_statutory_cron.xml",
        "views/acct_obligation_type_views.xml",
        "views/acct_nonworking_day_views.xml",
        "views/acct_client_obligation_views.xml",
        "views/project_task_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/acct_event_obligation_wizard_views.xml",
        "views/acct_statutory_menus.xml",
        "security/acct_time_security.xml",
        "data/acct_work_type_data.xml",
        "data/acct_timesheet_preset_data.xml",
        "views/acct_work_type_views.xml",
        "views/acct_timesheet_preset_views.xml",
        "views/account_analytic_line_views.xml",
        "views/acct_timesheet_timer_views.xml",
        "views/project_task_time_views.xml",
        "views/res_config_settings_time_views.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/acct_time_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "acct_firm_crm/static/src/time/**/*",
        ],
    },
}
