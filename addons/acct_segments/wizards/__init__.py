from . import acct_segment_compute_wizard
