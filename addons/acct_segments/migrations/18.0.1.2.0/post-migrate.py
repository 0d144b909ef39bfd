# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: a month of client segments is computed per company.

The unique keys become (month, company) on the computed months, (kind, month, company) on
the fits and (model, month, company) on the backtests; Odoo replaces the constraints from
the models. The fits and backtests had no company: the update filled the new column with the
main company; here each takes the company of its month's computation, as the snapshots and
the computed month already carry it (before this version a month was computed once for the
database, so there is at most one computed month per month).
"""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    for table in ("acct_segment_model_fit", "acct_segment_backtest"):
        cr.execute(
            f"""
            UPDATE {table} t
               SET company_id = m.company_id
              FROM acct_segment_month m
             WHERE m.month = t.month
               AND t.company_id IS DISTINCT FROM m.company_id
            """  # noqa: S608 - the table names are the module's own
        )
        _logger.info(
            "Client segments: %s %s row(s) given their month's company", cr.rowcount, table
        )
    cr.execute(
        """
        UPDATE acct_segment_backtest_line l
           SET company_id = b.company_id
          FROM acct_segment_backtest b
         WHERE b.id = l.backtest_id
           AND l.company_id IS DISTINCT FROM b.company_id
        """
    )
