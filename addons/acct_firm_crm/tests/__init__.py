from . import (
    test_archive_folder,
    test_client_deletion,
    test_client_document,
    test_handover_protocol,
    test_power_attorney,
    test_power_attorney_concurrency,
    test_res_partner,
)
