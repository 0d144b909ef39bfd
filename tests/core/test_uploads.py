import io
import zipfile

import pytest

from acct_firm_core.uploads import (
    DEFAULT_KINDS,
    UploadRefused,
    check_batch_size,
    check_file,
    has_double_extension,
    sanitize_filename,
    sniff_kind,
)

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20
MB = 1024 * 1024


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in members:
            archive.writestr(name, "x")
    return buffer.getvalue()


def test_kinds_come_from_the_content():
    assert sniff_kind(PDF) == "pdf"
    assert sniff_kind(PNG) == "png"
    assert sniff_kind(JPEG) == "jpeg"
    assert sniff_kind(_zip(["[Content_Types].xml", "xl/workbook.xml"])) == "xlsx"
    assert sniff_kind(_zip(["[Content_Types].xml", "word/document.xml"])) == "docx"
    assert sniff_kind(_zip(["a.txt"])) == "zip"
    assert sniff_kind(b'\xef\xbb\xbf<?xml version="1.0"?><Invoice/>') == "xml"
    assert sniff_kind("Дата;Сума\n01.01.2026;10,00\n".encode("cp1251")) == "csv"


def test_markup_a_browser_would_run_is_no_kind():
    assert sniff_kind(b"<html><script>alert(1)</script></html>") is None
    assert sniff_kind(b'<?xml version="1.0"?><svg xmlns="x"/>') is None
    assert sniff_kind(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "f">]><x/>') is None
    assert sniff_kind(b"MZ\x90\x00\x03\x00\x00\x00") is None
    assert sniff_kind(b"PK\x03\x04broken") is None


def test_names_are_cleaned():
    assert sanitize_filename("../../etc/passwd") == "passwd"
    assert sanitize_filename("C:\\Users\\x\\фактура 1.pdf") == "фактура 1.pdf"
    assert sanitize_filename("...hidden.pdf") == "hidden.pdf"
    assert sanitize_filename("a\x00b\x1fc.pdf") == "abc.pdf"
    long = sanitize_filename("x" * 300 + ".pdf")
    assert len(long) == 120 and long.endswith(".pdf")
    assert sanitize_filename("/// ...") == ""


def test_double_extensions():
    assert has_double_extension("invoice.pdf.exe")
    assert has_double_extension("scan.exe.pdf")
    assert not has_double_extension("report.2025.pdf")
    assert not has_double_extension("Д-р Иванов. Фактура.pdf")


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("a.pdf", b"", "empty"),
        ("a.pdf", b"%PDF-" + b"x" * (2 * MB), "too_large"),
        ("invoice.pdf.exe", PDF, "double_extension"),
        ("invoice.pdf", b"MZ\x90\x00 this is a program", "unknown_type"),
        ("invoice.pdf", b"<html><body>hi</body></html>", "unknown_type"),
        ("invoice.png", PDF, "extension_mismatch"),
        ("archive.zip", _zip(["a.txt"]), "type_not_allowed"),
        ("invoice", PDF, "no_extension"),
        ("../..", PDF, "bad_name"),
    ],
)
def test_bad_files_are_refused_with_their_reason(name, data, code):
    with pytest.raises(UploadRefused) as refused:
        check_file(name, data, allowed_kinds=DEFAULT_KINDS, max_bytes=1 * MB)
    assert refused.value.code == code
    assert str(refused.value)


def test_good_files_pass_with_a_clean_name():
    checked = check_file("../Фактура 12.PDF", PDF, max_bytes=MB)
    assert (checked.name, checked.kind, checked.mimetype) == (
        "Фактура 12.PDF",
        "pdf",
        "application/pdf",
    )
    assert check_file("photo.jpeg", JPEG, max_bytes=MB).kind == "jpeg"
    zipped = check_file("a.zip", _zip(["a.txt"]), allowed_kinds=("zip",), max_bytes=MB)
    assert zipped.kind == "zip"


def test_batch_total():
    check_batch_size([MB, MB], 2 * MB)
    with pytest.raises(UploadRefused) as refused:
        check_batch_size([MB, MB, 1], 2 * MB)
    assert refused.value.code == "batch_too_large"
