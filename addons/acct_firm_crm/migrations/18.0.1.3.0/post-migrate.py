# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0: the statutory catalogue's sources are the authority's own pages or the law
text, and its notes reach the firm in its own language.

No due rule changes in this version. Rewritten on the shipped, noupdate records: the source
addresses (news and commentary sites replaced by NAP's service pages, a ministry's or a
municipality's page, or the law text on lex.bg), the notes of the CIT advances (1 December,
as NAP announced for 2023, 2024 and 2025) and two article references (Intrastat: ЗСВОТС
чл. 11, ал. 1; the employer's reconciliation: ЗДДФЛ чл. 49, ал. 1, 5 and 6).

The notes are rewritten in every installed language too: until this version an upgrade
changed only the English note, so a Bulgarian firm kept reading the note of the version it
was installed with. Tasks move only if a rule changed, which here it does not; done tasks
are never touched.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    env["acct.obligation.type"]._refresh_catalogue()  # logs what changed and moved
