from . import (
    acct_archive_folder,
    acct_archive_location,
    acct_client_document,
    acct_document_category,
    acct_handover_protocol,
    acct_handover_protocol_line,
    acct_power_attorney,
    acct_power_attorney_alert,
    res_partner,
)
