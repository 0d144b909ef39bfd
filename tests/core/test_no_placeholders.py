"""No placeholder reaches a user: the words VERIFY, TODO and FIXME are refused in every file
of the suite that users read - data, demo data, views, wizards' views, reports, security
names, translations and the readme (source of README.rst and README.rst itself).

A research note that still has an open question belongs in the issue tracker, not in a
deadline note an accountant trusts.
"""

import re
from pathlib import Path

import pytest

ADDONS = Path(__file__).resolve().parents[2] / "addons"
PLACEHOLDER = re.compile(r"\b(VERIFY|TODO|FIXME)\b")
# What users read: records (data, demo, security), screens (views, wizards, report
# templates, static QWeb templates), translations, and the addon's description.
PATTERNS = (
    "data/**/*.xml",
    "data/**/*.csv",
    "demo/**/*.xml",
    "security/**/*.xml",
    "security/**/*.csv",
    "views/**/*.xml",
    "wizards/**/*.xml",
    "report/**/*.xml",
    "static/src/**/*.xml",
    "i18n/*.po",
    "i18n/*.pot",
    "readme/*.md",
    "README.rst",
)


def user_facing_files():
    files = set()
    for addon in sorted(p for p in ADDONS.iterdir() if (p / "__manifest__.py").is_file()):
        for pattern in PATTERNS:
            files.update(addon.glob(pattern))
    return sorted(files)


def placeholders(text):
    """``[(line number, line)]`` of the lines that carry a placeholder word."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if PLACEHOLDER.search(line)
    ]


def test_the_scan_finds_the_addons_files():
    files = user_facing_files()
    names = {path.relative_to(ADDONS).as_posix() for path in files}
    # A moved folder must not make the scan silently pass.
    assert "acct_firm_crm/data/acct_obligation_type_data.xml" in names
    assert "acct_firm_crm/i18n/bg.po" in names
    assert "acct_firm_crm/readme/CONFIGURE.md" in names
    assert any(name.startswith("acct_firm_crm/views/") for name in names)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("<field name='note'>VERIFY the article.</field>", True),
        ('msgstr "TODO"', True),
        ("# FIXME: later", True),
        ("3 days after signing (VERIFY)", True),
        ("Verify the totals before filing.", False),  # ordinary English, not a marker
        ("VERIFYING", False),
        ("a_todo_list", False),
    ],
)
def test_placeholder_pattern(text, found):
    assert bool(placeholders(text)) is found


def test_no_placeholder_in_user_facing_files():
    problems = [
        f"{path.relative_to(ADDONS)}:{number}: {line}"
        for path in user_facing_files()
        for number, line in placeholders(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "Placeholders users would read:\n" + "\n".join(problems)
