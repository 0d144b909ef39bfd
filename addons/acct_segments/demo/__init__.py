from . import acct_segments_demo
