# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Accounting Firm: Client Portal",
    "summary": "My accounting: the firm's clients download, upload, ask and follow their "
    "work on the portal",
    "version": "18.0.1.1.0",
    "category": "Services/Accounting Firm",
    "website": "https://github.com/acct-firm-suite/acct-firm-suite",
    "author": "Accounting Firm Suite contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    # Two-factor login for portal users: an authenticator app (auth_totp_portal), or a code
    # by e-mail when the firm requires it for all users (auth_totp_mail_enforce; off until set).
    "depends": [
        "portal",
        "portal_rating",  # its rating summary, kept off the request page (mail_message.py)
        "acct_firm_crm",
        "auth_totp_portal",
        "auth_totp_mail_enforce",
    ],
    "external_dependencies": {
        "python": ["acct_firm_core"],
    },
    "data": [
        "security/ir.model.access.csv",
        "security/acct_client_portal_security.xml",
        "security/acct_request_security.xml",
        "data/acct_client_portal_data.xml",
        "data/acct_portal_log_cron.xml",
        "data/acct_request_data.xml",
        "security/acct_client_data_security.xml",
        "data/acct_client_data_data.xml",
        "data/acct_client_data_cron.xml",
        "views/acct_client_portal_templates.xml",
        "views/acct_client_document_views.xml",
        "views/acct_portal_log_views.xml",
        "views/acct_upload_request_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/acct_request_templates.xml",
        "views/acct_request_kind_views.xml",
        "views/project_task_request_views.xml",
        "views/acct_client_data_templates.xml",
        "views/acct_profile_change_views.xml",
        "views/acct_work_statement_templates.xml",
    ],
    "demo": [
        "demo/acct_client_portal_demo.xml",
        "demo/acct_request_demo.xml",
        "demo/acct_client_data_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "acct_client_portal/static/src/js/upload_dropzone.js",
        ],
        "web.assets_tests": [
            "acct_client_portal/static/tests/tours/*.js",
        ],
    },
}
