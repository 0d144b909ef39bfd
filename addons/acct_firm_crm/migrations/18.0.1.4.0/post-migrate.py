# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.4.0: the accountants who had the firm's "User" group before the split keep reaching
every client ("User: all clients").

Before the split, "User" had no record rule: its accountants worked on every client. Left in
the group that kept its external id ("User: own clients"), they would lose, on the morning after
the upgrade, every client where they are not yet recorded as the accountant, reviewer or payroll
accountant or a follower: the statutory tasks of a colleague's clients they cover, the
documents they file for the whole office. A missed deadline costs the firm more than an access
it already gave; and which accountant sees which clients is the firm's choice, per user, not the
upgrade's. So they keep the access they had; the firm narrows it (Settings > Users) once the
clients' accountants are filled in. The users moved are logged by name.
"""

import json
import logging

from odoo import SUPERUSER_ID, Command, api

_logger = logging.getLogger(__name__)

PARAMETER = "acct_firm_crm.pre_split_user_ids"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    stored = env["ir.config_parameter"].search([("key", "=", PARAMETER)])
    if not stored:
        return
    users = env["res.users"].browse(json.loads(stored.value)).exists()
    stored.unlink()
    all_clients = env.ref("acct_firm_crm.group_acct_firm_all_clients")
    users = users.filtered(lambda user: all_clients not in user.groups_id)
    all_clients.write({"users": [Command.link(user.id) for user in users]})
    _logger.info(
        'Accounting firm: %s user(s) of the former "User" group keep every client '
        '("User: all clients"): %s. Narrow them to their own clients in Settings > Users.',
        len(users),
        ", ".join(users.mapped("name")) or "none",
    )
