# The snapshot's source queries and loader are abstract models it inherits: loaded before it.
from . import acct_segment_snapshot_loader  # isort: skip
from . import acct_segment_snapshot_queries  # isort: skip

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
