# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AcctArchiveLocation(models.Model):
    """A place in the physical archive: room, cabinet, shelf or box, nested by parent."""

    _name = "acct.archive.location"
    _description = "Archive location"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name"

    name = fields.Char(required=True)
    kind = fields.Selection(
        [("room", "Room"), ("cabinet", "Cabinet"), ("shelf", "Shelf"), ("box", "Box")],
        required=True,
        default="shelf",
    )
    parent_id = fields.Many2one(
        "acct.archive.location", string="Inside", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("acct.archive.location", "parent_id", string="Contains")
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    folder_ids = fields.One2many("acct.archive.folder", "location_id", string="Folders")
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for location in self:
            if location.parent_id:
                location.complete_name = f"{location.parent_id.complete_name} / {location.name}"
            else:
                location.complete_name = location.name

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An archive location cannot contain itself."))
