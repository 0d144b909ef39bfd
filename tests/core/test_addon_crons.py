"""Every scheduled action of the addons is declared under ``noupdate``: the firm may change a
schedule or pause a job, and an upgrade of the addon must not undo it."""

import xml.etree.ElementTree as ET
from pathlib import Path

ADDONS = Path(__file__).resolve().parents[2] / "addons"


def cron_records():
    """``(file, xml id, noupdate)`` of each ``ir.cron`` record in the addons' XML files."""
    for path in sorted(ADDONS.glob("*/**/*.xml")):
        root = ET.parse(path).getroot()
        if root.tag != "odoo":
            continue
        blocks = [root, *root.iter("data")]
        for block in blocks:
            noupdate = block.get("noupdate", root.get("noupdate", "0")) in ("1", "True", "true")
            for record in block.findall("record"):
                if record.get("model") == "ir.cron":
                    yield path.relative_to(ADDONS), record.get("id"), noupdate


def test_the_addons_declare_their_crons():
    assert len(list(cron_records())) >= 7


def test_every_cron_is_noupdate():
    updatable = [f"{path}: {xmlid}" for path, xmlid, noupdate in cron_records() if not noupdate]
    assert not updatable, updatable
