# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Accounting Firm: Client Segments",
    "summary": "Client profiles, value tiers, loyalty, Pareto, RFM, churn and lifetime value "
    "on the firm's accounting data",
    "version": "18.0.1.2.0",
    "category": "Services/Accounting Firm",
    "website": "https://github.com/acct-firm-suite/acct-firm-suite",
    "author": "Accounting Firm Suite contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["account", "acct_firm_crm", "project", "hr_timesheet", "rating"],
    "external_dependencies": {
        "python": ["acct_firm_core", "numpy", "scipy"],
    },
    "data": [
        "security/ir.model.access.csv",
        "security/acct_segments_client_rules.xml",
        "data/acct_segment_metric_data.xml",
        "views/acct_segment_metric_views.xml",
        "data/acct_segment_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/acct_segment_rule_views.xml",
        "views/acct_segment_tier_views.xml",
        "views/acct_segment_model_fit_views.xml",
        "views/acct_segment_backtest_views.xml",
        "views/res_config_settings_views.xml",
        "views/acct_segment_month_views.xml",
        "views/acct_segment_snapshot_views.xml",
        "views/acct_segment_migration_views.xml",
        "views/acct_complaint_views.xml",
        "views/res_partner_views.xml",
        "wizards/acct_segment_compute_wizard_views.xml",
        "views/acct_segments_menus.xml",
    ],
    "demo": [
        "demo/acct_segments_demo.xml",
    ],
}
