from . import test_res_partner, test_time_reporting
