# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every view of the suite: each field a user sees has a label, each word is in bg.po."""

from pathlib import Path

import polib
from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged

SUITE = ("acct_firm_crm", "acct_client_portal", "acct_segments")
# Elements whose fields are columns, cards or criteria: their header or the card names them.
EMBEDDED = {"list", "tree", "kanban", "calendar", "graph", "pivot", "search", "templates"}
# Widgets that are their own label (a status bar, a star, a picture, a drag handle).
SELF_LABELLED_WIDGETS = {
    "statusbar",
    "statusbar_duration",
    "priority",
    "boolean_favorite",
    "image",
    "handle",
    "acct_timer_elapsed",
}
TRUE = ("1", "True", "true")


def unlabelled_fields(arch, names=None):
    """The names of the visible fields of the form ``arch`` that nothing labels: neither
    a ``<group>`` they sit directly in, nor a ``<label for>``, nor the page they fill alone,
    nor the title, header, button or widget they are part of. ``names`` limits the check to
    the fields an extension view added."""
    labels = {node.get("for") for node in arch.iter("label")}
    missing = []
    for node in arch.iter("field"):
        name = node.get("name")
        if names is not None and name not in names:
            continue
        ancestors = list(node.iterancestors())
        parent = node.getparent()
        if (
            node.get("invisible") in TRUE
            or any(a.tag in EMBEDDED for a in ancestors)
            or name in labels
            or node.get("widget") in SELF_LABELLED_WIDGETS
            or (parent.tag == "group" and node.get("nolabel") not in TRUE)
            or (parent.tag == "page" and len(parent.findall("field")) == 1)
            or any(a.tag in ("header", "button") for a in ancestors)
            or any("oe_title" in (a.get("class") or "") for a in ancestors)
            or any(a.get("name") == "button_box" for a in ancestors)
            # a setting labels its field; a separator the field right under it
            or any(a.tag == "setting" for a in ancestors)
            or _previous_tag(node) == "separator"
            # the second field of a labelled row ("Years: 2020 - 2024")
            or any(f.get("name") in labels for f in parent.findall("field"))
        ):
            continue
        missing.append(name)
    return missing


def _previous_tag(node):
    previous = node.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return None if previous is None else previous.tag


def translated_msgids(module):
    """``{(msgid, reference)}`` of the translated entries of the module's bg.po. Odoo applies
    an entry only to the records its references name: a msgid translated for another view or
    field does not translate this one."""
    path = Path(get_module_path(module)) / "i18n" / "bg.po"
    if not path.exists():
        return set()
    return {
        (entry.msgid, reference)
        for entry in polib.pofile(str(path))
        if entry.msgstr.strip()
        for reference, _line in entry.occurrences
    }


@tagged("post_install", "-at_install")
class TestSuiteViews(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        data = cls.env["ir.model.data"].search(
            [("model", "=", "ir.ui.view"), ("module", "in", SUITE)]
        )
        cls.views = [(row.module, cls.env["ir.ui.view"].browse(row.res_id)) for row in data]
        cls.msgids = {module: translated_msgids(module) for module in SUITE}

    def test_every_field_has_a_label(self):
        problems = []
        for _module, view in self.views:
            if view.type != "form":
                continue
            own = etree.fromstring(view.arch_db)
            if view.inherit_id and view.mode == "extension":
                names = {node.get("name") for node in own.iter("field") if not node.get("position")}
                root = view
                while root.inherit_id and root.mode == "extension":
                    root = root.inherit_id
                missing = unlabelled_fields(root._get_combined_arch(), names)
            else:
                missing = unlabelled_fields(view._get_combined_arch())
            problems += [f"{view.xml_id}: {name}" for name in missing]
        self.assertFalse(problems, "Fields without a label:\n" + "\n".join(problems))

    def test_every_word_of_the_views_is_in_bg_po(self):
        terms_of = self.env["ir.ui.view"]._fields["arch_db"].get_trans_terms
        problems = []
        for module, view in self.views:
            for term in terms_of(view.with_context(lang="en_US").arch_db):
                # Punctuation between fields ("-", "(") is not a word to translate.
                reference = f"model_terms:ir.ui.view,arch_db:{view.xml_id}"
                if (
                    any(char.isalpha() for char in term)
                    and (term, reference) not in self.msgids[module]
                ):
                    problems.append(f"{view.xml_id}: {term!r}")
        self.assertFalse(problems, "Missing from bg.po:\n" + "\n".join(sorted(set(problems))))

    def test_every_field_label_of_the_suite_is_in_bg_po(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.model.fields"), ("module", "in", SUITE)]
        )
        fields = self.env["ir.model.fields"].browse(data.mapped("res_id"))
        problems = []
        for field in fields:
            modules = [m.strip() for m in field.modules.split(",")]
            owner = [m for m in modules if m in SUITE]
            # The suite's own fields, not the core fields it only extends.
            if not owner or (owner != modules and not field.name.startswith("acct_")):
                continue
            label = field.with_context(lang="en_US").field_description
            if not any(
                (label, f"model:ir.model.fields,field_description:{xmlid}") in self.msgids[module]
                for module in owner
                for xmlid in field._get_external_ids().get(field.id, [])
            ):
                problems.append(f"{field.model}.{field.name}: {label!r}")
        self.assertFalse(problems, "Field labels missing from bg.po:\n" + "\n".join(problems))
