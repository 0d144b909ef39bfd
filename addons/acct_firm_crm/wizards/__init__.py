from . import (
    acct_archive_folder_lend_wizard,
    acct_event_obligation_wizard,
    acct_handover_cancel_wizard,
    acct_power_attorney_revoke_wizard,
    acct_work_statement_wizard,
)
