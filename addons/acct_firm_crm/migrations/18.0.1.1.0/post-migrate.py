# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the statutory catalogue checked against the law in force in 2026, and the
texts earlier versions wrote in English rewritten in the language of who reads them.

The obligation types are shipped with noupdate (the firm tunes lead times and checklists),
so an upgrade does not rewrite them by itself: rewrite their statutory fields (due rule,
instalments, article, official source, note) from the catalogue file, and move the open,
not yet due tasks of any type whose rule changed. Done and cancelled tasks are not touched.
The new types (notice of a termination, the two rebate reminders) are created by the data
load like on a new install; the existing firm clients then get the client obligations their
profile calls for (an employer the notice after a termination; the rebate reminders only
once the firm ticks them).

Statutory task names are then rewritten in the firm's language, and the fee labels of the
usage statements and engagement invoices in the client's language.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    env["acct.obligation.type"]._refresh_catalogue()  # logs what changed and moved
    clients = env["res.partner"].search([("acct_is_firm_client", "=", True)])
    created = clients._acct_sync_obligations()
    _logger.info("%s client obligation(s) added for %s firm client(s).", len(created), len(clients))

    env = api.Environment(cr, SUPERUSER_ID, {})
    tasks = env["acct.client.obligation"]._rename_english_tasks()
    lines = env["acct.engagement.period"]._translate_english_labels()
    _logger.info(
        "Reader's language: %s task names and %s invoice labels rewritten", len(tasks), lines
    )
