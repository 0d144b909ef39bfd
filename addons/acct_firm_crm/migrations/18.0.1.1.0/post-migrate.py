# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Texts that earlier versions wrote in the language of the job (English) are rewritten in
the language of who reads them: statutory task names in the firm's language, the fee labels
of the usage statements and engagement invoices in the client's language."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    tasks = env["acct.client.obligation"]._rename_english_tasks()
    lines = env["acct.engagement.period"]._translate_english_labels()
    _logger.info(
        "Reader's language: %s task names and %s invoice labels rewritten", len(tasks), lines
    )
