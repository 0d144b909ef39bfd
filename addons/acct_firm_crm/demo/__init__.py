from . import acct_firm_demo
