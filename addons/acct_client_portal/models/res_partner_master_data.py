# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    """The client's master data the client keeps current on the portal (through change
    requests the firm approves), its contacts' portal flags on the firm's side, and the
    portal e-mails to its contacts."""

    # Its own file, beside res_partner.py: the client's master data and portal e-mails are
    # one concern, kept apart from the portal's access fields.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    acct_employee_count = fields.Integer(
        string="Number of employees",
        tracking=True,
        aggregator=None,
        help="Employees under a labour contract, as the client last reported them.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_vat_registration_date = fields.Date(
        string="VAT registration date",
        tracking=True,
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_activity_code = fields.Char(
        string="Main activity (КИД-2008)",
        tracking=True,
        help='The code of the main economic activity in the КИД-2008 classification, e.g. "62.01".',
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_correspondence_address = fields.Text(
        string="Correspondence address",
        help="Where the client wants its letters, when not at the registered address.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    # The client's people with their portal flags, edited in the client's "Portal" tab.
    acct_portal_contact_ids = fields.One2many(
        "res.partner",
        "parent_id",
        string="Contacts on the portal",
        domain=[("type", "=", "contact")],
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_change_ids = fields.One2many(
        "acct.profile.change",
        "client_id",
        string="Master data changes",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_change_count = fields.Integer(
        string="Changes proposed",
        compute="_compute_acct_profile_change_count",
        groups="acct_firm_crm.group_acct_firm_user",
    )

    def _compute_acct_profile_change_count(self):
        self._acct_set_counts("acct_profile_change_count", "acct.profile.change")

    def action_acct_open_profile_changes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_client_portal.action_acct_profile_change"
        )
        action["domain"] = [("client_id", "=", self.id)]
        action["context"] = {"search_default_pending": 0}
        return action

    # ------------------------------------------------------------------ portal e-mails

    def _acct_portal_recipients(self, switch, feature=None, upload_category=None):
        """The client's active portal users who want the e-mail of ``switch`` (a contact's
        ``acct_notify_*`` field), may use ``feature`` and may upload to ``upload_category``
        when given."""
        self.ensure_one()
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("partner_id.commercial_partner_id", "=", self.id),
                    ("share", "=", True),
                    ("active", "=", True),
                ]
            )
        )
        wanted = self.env["res.users"]
        for user in users:
            if not user.partner_id[switch] or not user.partner_id.email:
                continue
            if feature and not user._acct_portal_may(feature):
                continue
            if upload_category and upload_category.id not in user._acct_portal_category_ids(
                "upload"
            ):
                continue
            wanted |= user
        return wanted

    @api.model
    def _acct_send_portal_mail(self, template_xmlid, record, users):
        """Send ``template_xmlid`` about ``record`` to each of ``users``, in the language of
        each contact (the template's ``lang`` reads ``ctx['acct_recipient_lang']``)."""
        template = self.env.ref(template_xmlid).sudo()
        for user in users:
            partner = user.partner_id
            template.with_context(
                acct_recipient_lang=partner._acct_reader_lang(),
                acct_recipient_name=partner.name,
            ).send_mail(
                record.id,
                email_values={"recipient_ids": [fields.Command.set(partner.ids)]},
                email_layout_xmlid="mail.mail_notification_light",
            )
        if users:
            _logger.info(
                "Portal e-mail %s about %s,%s to %s contact(s)",
                template_xmlid,
                record._name,
                record.id,
                len(users),
            )
