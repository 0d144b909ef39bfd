"""Keep each addon's i18n/bg.po in step with its .pot, and check that it is complete.

    python3 scripts/i18n_bg.py --check addons/*   # fail on a missing or empty translation
    python3 scripts/i18n_bg.py --merge addons/*   # add new msgids of the .pot to bg.po (empty)

The .pot itself comes from Odoo: ``python3 -m odoo ... --i18n-export=addons/X/i18n/X.pot
--modules=X -d DB --stop-after-init`` on a database where the addon is installed.

Some messages are written once, in the core, and translated by the addon at the edge
(``env._(pricing.MESSAGES[code], **params)``). Odoo's export cannot see them (they are not
literals of the addon), so ``--merge`` adds them to the addon's .pot as Python terms of the
file that translates them, and ``--check`` wants their Bulgarian like any other term.
"""

import importlib
import sys
from pathlib import Path

import polib

HEADER = {
    "Project-Id-Version": "Odoo Server 18.0",
    "Language": "bg",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


# {addon: [(core module, its message catalogue, the addon file that translates it)]}
CORE_MESSAGES = {
    "acct_client_portal": [
        (
            "acct_firm_core.uploads",
            "MESSAGES",
            "addons/acct_client_portal/models/acct_client_document.py",
        ),
    ],
    "acct_firm_crm": [
        ("acct_firm_core.pricing", "MESSAGES", "addons/acct_firm_crm/models/acct_engagement.py"),
    ],
    "acct_segments": [
        (
            "acct_firm_core.predictive",
            "MESSAGES",
            "addons/acct_segments/models/acct_segment_snapshot.py",
        ),
    ],
}


def core_terms(addon: Path) -> list[polib.POEntry]:
    """The core's messages the addon translates, as the entries Odoo's export would write."""
    entries = []
    for module_name, catalogue, code_file in CORE_MESSAGES.get(addon.name, ()):
        messages = getattr(importlib.import_module(module_name), catalogue)
        for msgid in dict.fromkeys(messages.values()):
            entries.append(
                polib.POEntry(
                    msgid=msgid,
                    msgstr="",
                    comment=f"module: {addon.name}\nodoo-python",
                    occurrences=[(f"code:{code_file}", "0")],
                )
            )
    return entries


def load_pot(addon: Path) -> polib.POFile:
    """The addon's .pot with the core's messages it translates."""
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    for entry in core_terms(addon):
        if pot.find(entry.msgid) is None:
            pot.append(entry)
    return pot


def merge(addon: Path) -> None:
    pot = load_pot(addon)
    pot.save(str(addon / "i18n" / f"{addon.name}.pot"))
    po_path = addon / "i18n" / "bg.po"
    po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    po.metadata = HEADER
    po.merge(pot)
    for entry in po.obsolete_entries():
        po.remove(entry)
    po.save(str(po_path))


def missing(addon: Path) -> list[str]:
    pot = load_pot(addon)
    po_path = addon / "i18n" / "bg.po"
    if not po_path.exists():
        return [f"{po_path} does not exist"]
    translated = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if e.msgstr and not e.obsolete
    }
    return [
        f"{po_path}: no Bulgarian for {e.msgid!r}"
        for e in pot
        if (e.msgctxt, e.msgid) not in translated
    ]


def main(argv):
    addons = [Path(a) for a in argv if not a.startswith("--") and (Path(a) / "i18n").is_dir()]
    if "--merge" in argv:
        for addon in addons:
            merge(addon)
        return 0
    problems = [problem for addon in addons for problem in missing(addon)]
    print("\n".join(problems) or "bg.po complete for " + ", ".join(a.name for a in addons))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
