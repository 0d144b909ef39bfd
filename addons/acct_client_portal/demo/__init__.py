from . import acct_client_portal_demo
