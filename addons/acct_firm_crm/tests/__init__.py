from . import (
    test_archive_folder,
    test_client_deletion,
    test_client_document,
    test_handover_protocol,
    test_power_attorney,
    test_res_partner,
    test_statutory,
    test_statutory_concurrency,
    test_time_reporting,
)
