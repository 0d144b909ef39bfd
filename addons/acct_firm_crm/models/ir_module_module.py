# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from pathlib import Path

import polib

from odoo import api, models, tools
from odoo.tools.misc import ReadonlyDict
from odoo.tools.translate import (
    JAVASCRIPT_TRANSLATION_COMMENT,
    PYTHON_TRANSLATION_COMMENT,
    TranslationImporter,
    code_translations,
    get_po_paths,
)

# The module whose i18n_extra/<lang>.po holds the Bulgarian of Odoo's own terms
# (scripts/odoo_terms_bg.py writes it).
ODOO_TERMS_MODULE = "acct_firm_crm"
# A code reference and the module whose code it is: JavaScript and its templates under
# static/, Python in .py files.
CODE_REFERENCES = {
    "javascript": (JAVASCRIPT_TRANSLATION_COMMENT, re.compile(r"code:addons/(\w+)/static/")),
    "python": (PYTHON_TRANSLATION_COMMENT, re.compile(r"code:addons/(\w+)/.*\.py$")),
}


def odoo_terms_paths(lang):
    """The catalogues of Odoo's terms for ``lang``: ``i18n_extra/<base>.po`` and
    ``i18n_extra/<lang>.po`` of ODOO_TERMS_MODULE, in Odoo's order (the base first)."""
    for path in get_po_paths(ODOO_TERMS_MODULE, lang):
        if Path(path).parent.name == "i18n_extra":
            yield path


class IrModuleModule(models.Model):
    """Odoo's own terms, in the words of our catalogue, whatever Odoo's catalogue says.

    Odoo loads a module's ``i18n_extra/<lang>.po`` with its ``i18n/`` (get_po_paths), but
    it never lets one module's catalogue correct another's: a view's or a record's
    translation already in the database is kept (TranslationImporter.save without
    ``overwrite``), a JavaScript term given by two modules is the one of whichever the web
    client reads last, and a Python ``_()`` is looked up in its own module's catalogue
    only. Our catalogue lists the terms Odoo's Bulgarian leaves empty or gets wrong; each
    is applied as the last word: the records' terms whenever Odoo loads terms (install,
    upgrade, activation of a language), the Python terms in the code catalogues of their
    modules when the registry is ready and whenever Odoo loads terms, the JavaScript terms
    in the web client's dictionary (``ir.http``).
    """

    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        self._acct_apply_odoo_terms(langs)
        self._acct_give_python_terms(langs)
        return result

    def _register_hook(self):
        super()._register_hook()
        self._acct_give_python_terms([code for code, _name in self.env["res.lang"].get_installed()])

    @api.model
    def _acct_apply_odoo_terms(self, langs):
        """Write our translations of Odoo's view, field and record terms over the ones
        the records have (``force_overwrite``: Odoo's wrong non-empty ones too)."""
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for lang in langs:
            for path in odoo_terms_paths(lang):
                importer.load_file(path, lang)
                loaded = True
        if loaded:
            importer.save(force_overwrite=True)

    @api.model
    def _acct_give_python_terms(self, langs):
        """Complete the code catalogue of each Odoo module (odoo.tools.translate's
        ``code_translations``, which ``_()`` reads) with our words for its Python terms.

        That catalogue is the server process's, read once from the module's files and
        shared by the databases the process serves: a database without this module gets
        the same words for those terms, Bulgarian that Odoo's catalogue lacks."""
        for lang in langs:
            for module, words in self._acct_odoo_code_terms(lang, "python").items():
                catalogue = code_translations.get_python_translations(module, lang)
                if any(catalogue.get(term) != word for term, word in words.items()):
                    code_translations.python_translations[(module, lang)] = ReadonlyDict(
                        {**catalogue, **words}
                    )

    @api.model
    @tools.ormcache("lang", "kind")
    def _acct_odoo_code_terms(self, lang, kind):
        """Our translations of Odoo's code terms in ``lang``:
        ``{module: {English: translation}}`` where ``kind`` is "javascript" (the web
        client's ``_t``) or "python" (``_()``), module the Odoo module whose code has it."""
        comment, reference_pattern = CODE_REFERENCES[kind]
        terms = {}
        for path in odoo_terms_paths(lang):
            for entry in polib.pofile(path):
                if entry.obsolete or not entry.msgstr or comment not in (entry.comment or ""):
                    continue
                for reference, _line in entry.occurrences:
                    match = reference_pattern.match(reference)
                    if match:
                        terms.setdefault(match.group(1), {})[entry.msgid] = entry.msgstr
        return terms
