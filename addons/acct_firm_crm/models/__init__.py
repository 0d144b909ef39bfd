from . import (
    acct_client_obligation,
    acct_nonworking_day,
    acct_obligation_checklist_item,
    acct_obligation_type,
    project_project,
    project_task,
    res_company,
    res_config_settings,
    res_partner,
)
