from . import (
    acct_complaint,
    acct_segment_metric,
    acct_segment_migration,
    acct_segment_model_fit,
    acct_segment_rule,
    acct_segment_snapshot,
    acct_segment_snapshot_demo,
    acct_segment_tier,
    res_partner,
)
