# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from psycopg2 import IntegrityError

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class ProjectProject(models.Model):
    _inherit = "project.project"

    acct_client_id = fields.Many2one(
        "res.partner",
        string="Firm client",
        index="btree_not_null",
        copy=False,
        help="The client whose statutory tasks this project holds (one project per client).",
    )

    _sql_constraints = [
        (
            "acct_client_unique",
            "UNIQUE(acct_client_id)",
            "This client already has its statutory project.",
        ),
    ]

    @api.model
    def _acct_client_projects(self, clients):
        """``{client id: project id}`` of the clients' statutory projects, created when
        missing. A client whose project another run is creating right now is left out:
        the next run gives it its tasks."""
        projects = self.with_context(active_test=False).search_fetch(
            [("acct_client_id", "in", clients.ids)], ["acct_client_id"]
        )
        result = {project.acct_client_id.id: project.id for project in projects}
        missing = clients.filtered(lambda c: c.id not in result)
        # The project is the container the engine needs, not a user's decision: created as
        # superuser because it also creates an analytic account, which accountants may not
        # do. The callers have checked their own access.
        projects = self.sudo().with_context(mail_create_nolog=True, tracking_disable=True)
        try:
            with self.env.cr.savepoint():
                created = projects.create([client._acct_project_values() for client in missing])
            result.update(zip(missing.ids, created.ids, strict=True))
            return result
        except IntegrityError:
            _logger.info("Client projects: another run created some of them, going one by one")
        for client in missing:
            try:
                with self.env.cr.savepoint():
                    project = projects.create(client._acct_project_values())
            except IntegrityError:
                continue
            result[client.id] = project.id
        return result
