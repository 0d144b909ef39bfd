# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @api.model
    def get_translations_for_webclient(self, modules, lang):
        """Odoo's JavaScript terms with our catalogue's words (i18n_extra, see
        ``ir.module.module``): in the back office and on the portal alike.

        The web client folds every module's terms into one dictionary, the last module
        read winning (web/static/src/core/l10n/localization_service.js): our word
        replaces the term in the catalogue of each module that has it, and is added to
        the modules whose catalogue leaves it empty, so that no order decides."""
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        ours = self.env["ir.module.module"]._acct_odoo_code_terms(
            lang or self.env.context.get("lang") or "en_US", "javascript"
        )
        if not ours:
            return translations, lang_params
        every_word = {term: word for words in ours.values() for term, word in words.items()}
        result = {}
        for module, catalogue in translations.items():
            words = {message["id"]: message["string"] for message in catalogue["messages"]}
            words.update({term: every_word[term] for term in words.keys() & every_word.keys()})
            words.update(ours.get(module, {}))
            result[module] = {
                "messages": [{"id": term, "string": word} for term, word in words.items()]
            }
        return result, lang_params
