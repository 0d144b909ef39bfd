# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools

# Registered first, so that its table exists when this view is created on a fresh install
# (models are initialised in the order their classes are defined).
from . import acct_segment_snapshot  # noqa: F401

FAMILIES = [
    ("abc", "Pareto class"),
    ("loyalty", "Loyalty"),
    ("tier", "Value tier"),
    ("rfm_r", "RFM recency score"),
]


class AcctSegmentMigration(models.Model):
    """Clients moving between segments from one month's snapshot to the next month's.

    One row per client, segment family and pair of consecutive months where both snapshots
    exist; a pivot of from-segment by to-segment is the migration matrix.
    """

    _name = "acct.segment.migration"
    _description = "Client segment migration"
    _auto = False
    _order = "month desc"

    month = fields.Date(string="To month", readonly=True)
    client_id = fields.Many2one("res.partner", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    family = fields.Selection(FAMILIES, readonly=True)
    from_segment = fields.Char(readonly=True)
    to_segment = fields.Char(readonly=True)
    moved = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT row_number() OVER () AS id, s.month, s.client_id, s.company_id, s.family,
                       s.from_segment, s.to_segment, s.from_segment <> s.to_segment AS moved
                  FROM (
                    SELECT cur.month, cur.client_id, cur.company_id, f.family, f.from_segment,
                           f.to_segment
                      FROM acct_segment_snapshot cur
                      JOIN acct_segment_snapshot prev
                        ON prev.client_id = cur.client_id
                       AND prev.month = (cur.month - interval '1 month')::date
                       AND prev.company_id = cur.company_id
                CROSS JOIN LATERAL (VALUES
                        ('abc', prev.abc_class, cur.abc_class),
                        ('loyalty', prev.loyalty_level, cur.loyalty_level),
                        ('tier', prev.value_tier, cur.value_tier),
                        ('rfm_r', prev.rfm_recency::varchar, cur.rfm_recency::varchar)
                    ) AS f(family, from_segment, to_segment)
                  ) s
            )
            """  # noqa: S608 - the table name is the model's own
        )
