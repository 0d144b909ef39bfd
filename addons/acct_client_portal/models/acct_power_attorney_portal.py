# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from acct_firm_core import client_profile


class AcctPowerAttorney(models.Model):
    _inherit = "acct.power.attorney"

    def _acct_portal_rows(self, today):
        """The rows of the client's authorisations page: authority, scope, validity, state,
        days left and whether the client is warned (60 days before the end)."""
        authorities = dict(self._fields["authority"]._description_selection(self.env))
        scopes = dict(self._fields["scope"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        rows = []
        for authorisation in self:
            authority = authorities.get(authorisation.authority)
            if authorisation.authority == "other" and authorisation.authority_other:
                authority = authorisation.authority_other
            left = client_profile.days_left(authorisation.effective_end, today)
            valid = authorisation.state in ("active", "expiring")
            rows.append(
                {
                    "authorisation": authorisation,
                    "name": authorisation.name,
                    "authority": authority,
                    "scope": scopes.get(authorisation.scope),
                    "services": authorisation.eservice_codes,
                    "valid_from": authorisation.valid_from,
                    "valid_to": authorisation.effective_end,
                    "state": authorisation.state,
                    "state_label": states.get(authorisation.state),
                    "days_left": left if valid else None,
                    "warning": client_profile.authorisation_warning(
                        authorisation.effective_end, today, authorisation.state
                    ),
                }
            )
        return rows
