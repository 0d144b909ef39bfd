# The snapshot table must exist before the migration view (a SQL view over it) is created:
# Odoo creates tables and views in import order.
from . import acct_segment_snapshot  # isort: skip
from . import acct_segment_snapshot_labels  # isort: skip
from . import (
    acct_complaint,
    acct_segment_backtest,
    acct_segment_backtest_line,
    acct_segment_metric,
    acct_segment_migration,
    acct_segment_model_fit,
    acct_segment_month,
    acct_segment_rule,
    acct_segment_tier,
    res_config_settings,
    res_partner,
)
