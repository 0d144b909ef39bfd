from . import acct_event_obligation_wizard
