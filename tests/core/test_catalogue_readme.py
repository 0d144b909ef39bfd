"""The catalogue table of the readme, the Odoo data and BG_DUE_RULES say the same thing, so a
reviewer can check the catalogue from the readme without opening Odoo."""

import xml.etree.ElementTree as ET
from pathlib import Path

from acct_firm_core.catalogs import BG_DUE_RULES

ADDON = Path(__file__).resolve().parents[2] / "addons" / "acct_firm_crm"
DATA = ADDON / "data" / "acct_obligation_type_data.xml"
README = ADDON / "readme" / "CONFIGURE.md"


def catalogue_records():
    """``{code: {field: text}}`` of the obligation types in the data file."""
    records = {}
    for record in ET.parse(DATA).getroot().iter("record"):
        if record.get("model") != "acct.obligation.type":
            continue
        fields = {field.get("name"): (field.text or "").strip() for field in record.iter("field")}
        records[fields["code"]] = fields
    return records


def readme_rows():
    """``{code: [cells]}`` of the readme's list-table (one ``* -`` row, ``-`` cells)."""
    rows, current = {}, None
    for line in README.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("* - "):
            current = [stripped[4:]]
            rows[current[0].strip("`")] = current
        elif current is not None and stripped.startswith("- ") and line.startswith("     "):
            current.append(stripped[2:])
        elif not stripped.startswith("- "):
            current = None
    return rows


def test_data_follows_the_core_catalogue():
    records = catalogue_records()
    assert set(records) == set(BG_DUE_RULES)
    for code, spec in BG_DUE_RULES.items():
        assert records[code]["due_rule"] == spec["rule"], code
        assert records[code]["periodicity"] == spec["periodicity"], code


def test_every_record_cites_article_and_source():
    for code, fields in catalogue_records().items():
        assert "чл." in fields.get("legal_reference", ""), code
        assert fields.get("source_url", "").startswith(("https://", "http://")), code
        assert fields.get("note"), code


def test_readme_table_lists_rule_article_and_source_of_every_obligation():
    rows = readme_rows()
    assert set(rows) - {"Code"} == set(BG_DUE_RULES)
    for code, fields in catalogue_records().items():
        _code, name, rule, article, source = rows[code]
        assert name == fields["name"], code
        rules = fields.get("instalment_rules") or fields["due_rule"]
        for part in rules.split():
            assert f"``{part}``" in rule, code
        assert article == fields["legal_reference"], code
        assert source == fields["source_url"], code
