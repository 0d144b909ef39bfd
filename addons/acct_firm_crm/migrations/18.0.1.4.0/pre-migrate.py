# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.4.0, before the data load: remember who had the firm's "User" group before it was
split into "User: own clients" and "User: all clients".

The split keeps the old group's external id for "own clients", so after the load nothing tells
an accountant who was given "User" (which reached every client: no record rule narrowed it)
from one the firm later chose to keep to their own clients. The database is pre-split when the
"all clients" group does not exist yet: its members are kept here for post-migrate.py.
"""

import json

PARAMETER = "acct_firm_crm.pre_split_user_ids"


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT name, res_id FROM ir_model_data
         WHERE module = 'acct_firm_crm'
           AND name IN ('group_acct_firm_user', 'group_acct_firm_all_clients')
        """
    )
    groups = dict(cr.fetchall())
    if "group_acct_firm_all_clients" in groups or "group_acct_firm_user" not in groups:
        return
    cr.execute(
        "SELECT uid FROM res_groups_users_rel WHERE gid = %s ORDER BY uid",
        [groups["group_acct_firm_user"]],
    )
    user_ids = [uid for (uid,) in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO ir_config_parameter (key, value, create_date, write_date)
        VALUES (%s, %s, now() at time zone 'UTC', now() at time zone 'UTC')
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
        """,
        [PARAMETER, json.dumps(user_ids)],
    )
