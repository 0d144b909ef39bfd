from . import acct_segment_metric
