from . import (
    account_move,
    acct_engagement,
    acct_engagement_period,
    acct_engagement_tier,
    res_config_settings,
    res_partner,
)
