# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging

from psycopg2.errors import SerializationFailure

from odoo import api, fields, models
from odoo.tools import SQL

from acct_firm_core import client_profile

_logger = logging.getLogger(__name__)


class AcctAuthorisationNotice(models.Model):
    """The client's e-mail before a power of attorney ends, once sent: the key that makes
    the daily job send it once, however often or concurrently it runs."""

    _name = "acct.authorisation.notice"
    _description = "Client e-mail before an authorisation ends"
    _order = "id desc"

    power_attorney_id = fields.Many2one(
        "acct.power.attorney", required=True, ondelete="cascade", index=True, readonly=True
    )
    # A renewed authorisation moves its end: the client is told again before the new one.
    effective_end = fields.Date(required=True, readonly=True)
    recipient_count = fields.Integer(string="Contacts e-mailed", readonly=True, aggregator=None)

    _sql_constraints = [
        (
            "notice_once",
            "UNIQUE(power_attorney_id, effective_end)",
            "The client was already told that this authorisation ends.",
        ),
    ]

    @api.model
    def _cron_send_notices(self):
        """Daily: e-mail the client's contacts 14 days before an authorisation ends.

        Safe to run twice at once: each notice is recorded under a unique key (insert or
        skip) before its e-mails are queued, in the same transaction.
        """
        today = fields.Date.context_today(self)
        horizon = today + datetime.timedelta(days=client_profile.AUTHORISATION_NOTICE_DAYS)
        authorisations = (
            self.env["acct.power.attorney"]
            .sudo()
            .search(
                [
                    ("state", "in", ("active", "expiring")),
                    ("effective_end", ">=", today),
                    ("effective_end", "<=", horizon),
                ]
            )
        )
        sent = 0
        for authorisation in authorisations:
            if not client_profile.authorisation_notice_due(
                authorisation.effective_end, today, authorisation.state
            ):
                continue
            try:
                with self.env.cr.savepoint():
                    sent += self._send_notice(authorisation)
            except SerializationFailure:
                # An overlapping run recorded this notice first; it sends the e-mails.
                _logger.info("Authorisation %s: notice sent by another run.", authorisation.id)
        self.env["ir.cron"]._notify_progress(done=sent, remaining=0)
        return sent

    @api.model
    def _send_notice(self, authorisation):
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO acct_authorisation_notice
                    (power_attorney_id, effective_end, recipient_count, create_uid,
                     create_date, write_uid, write_date)
                VALUES (%s, %s, 0, %s, now() at time zone 'UTC', %s, now() at time zone 'UTC')
                ON CONFLICT (power_attorney_id, effective_end) DO NOTHING
                RETURNING id
                """,
                authorisation.id,
                authorisation.effective_end,
                self.env.uid,
                self.env.uid,
            )
        )
        row = self.env.cr.fetchone()
        if not row:
            return 0
        client = authorisation.principal_id
        users = client._acct_portal_recipients("acct_notify_authorisation_end", feature="deadlines")
        client._acct_send_portal_mail(
            "acct_client_portal.mail_template_authorisation_end", authorisation, users
        )
        self.browse(row[0]).sudo().recipient_count = len(users)
        return 1
