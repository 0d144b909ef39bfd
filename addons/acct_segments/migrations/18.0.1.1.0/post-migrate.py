# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the value tier names stored on the snapshots in the firm's language.

Earlier versions stored each snapshot's tier name in the language of whoever computed the
month (English for the monthly job): rewrite them in the firm's, so that a client's months read
alike and the segment movements do not count a translation as a move.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    count = env["acct.segment.tier"]._rename_stored_tiers()
    _logger.info(
        "Client segments: %s snapshot tier name(s) rewritten in the firm's language", count
    )
