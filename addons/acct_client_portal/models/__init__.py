from . import (
    acct_client_document,
    acct_document_category,
    acct_handover_protocol,
    acct_portal_access,
    acct_portal_log,
    acct_upload_request,
    ir_binary,
    res_company,
    res_config_settings,
    res_partner,
    res_users,
)
