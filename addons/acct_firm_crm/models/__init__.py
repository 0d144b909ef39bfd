from . import (
    account_analytic_line,
    acct_timesheet_preset,
    acct_timesheet_timer,
    acct_work_type,
    project_task_time,
    res_config_settings_time,
    res_partner,
)
