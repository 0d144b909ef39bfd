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
        "security/acct_firm_crm_registers_security.xml",
        "data/acct_document_category_data.xml",
        "data/acct_firm_crm_registers_data.xml",
        "report/acct_handover_protocol_report.xml",
        "report/acct_archive_folder_label_report.xml",
        "wizards/acct_handover_cancel_wizard_views.xml",
        "wizards/acct_power_attorney_revoke_wizard_views.xml",
        "views/acct_document_category_views.xml",
        "views/acct_client_document_views.xml",
        "views/acct_handover_protocol_views.xml",
        "views/acct_power_attorney_views.xml",
        "views/acct_archive_location_views.xml",
        "views/acct_archive_folder_views.xml",
        "views/acct_registers_menus.xml",
        "views/res_partner_registers_views.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/acct_registers_demo.xml",
    ],
}
