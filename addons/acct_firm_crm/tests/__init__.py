from . import (
    test_acct_engagement_billing,
    test_acct_engagement_concurrency,
    test_acct_engagement_portal,
    test_res_partner,
    test_res_partner_figures,
)
