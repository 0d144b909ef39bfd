from . import (
    test_res_partner,
    test_statutory,
    test_statutory_concurrency,
    test_time_reporting,
)
