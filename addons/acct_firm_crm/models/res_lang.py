# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Odoo 18 ships bg_BG (base/data/res.lang.csv) with times written "15,00,00" and no digit
# grouping. Bulgarian usage (and CLDR's "bg" locale) writes 15:00:00 and 1 234 567,50: a
# non-breaking space groups the thousands, so a number never breaks across two lines, and
# the web client's number parser accepts any space typed in its place.
BULGARIAN_FORMATS = {
    # field: (the value Odoo ships, the Bulgarian one)
    "time_format": ("%H,%M,%S", "%H:%M:%S"),
    "short_time_format": ("%H,%M", "%H:%M"),
    "thousands_sep": ("", "\N{NO-BREAK SPACE}"),
}


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _acct_fix_bulgarian_formats(self):
        """Give the Bulgarian language the formats Bulgarians read, field by field, only
        where it still has Odoo's shipped value: a format the firm set by hand stays.
        Called at each install and upgrade of the module (data file) and when Bulgarian
        is activated (``write``)."""
        bulgarian = self.with_context(active_test=False).search([("code", "=", "bg_BG")])
        for lang in bulgarian:
            fixes = {
                field: ours
                for field, (shipped, ours) in BULGARIAN_FORMATS.items()
                if (lang[field] or "") == shipped
            }
            if fixes:
                super(ResLang, lang).write(fixes)
        return True

    @api.model_create_multi
    def create(self, vals_list):
        langs = super().create(vals_list)
        if "bg_BG" in langs.mapped("code"):
            self._acct_fix_bulgarian_formats()
        return langs

    def write(self, vals):
        result = super().write(vals)
        # _activate_lang() and the language wizard activate a language by writing `active`
        if vals.get("active") and "bg_BG" in self.mapped("code"):
            self._acct_fix_bulgarian_formats()
        return result
