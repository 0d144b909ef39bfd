from . import res_partner
from . import acct_engagement
from . import acct_engagement_tier
from . import acct_engagement_period
from . import res_config_settings
from . import res_partner_billing
