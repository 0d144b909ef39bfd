"""Checks of a file a client uploads, before anything of it is stored.

The file's kind is read from its bytes (magic numbers, the members of a ZIP), never from the
name or the browser's Content-Type. A file is accepted only when its kind is on the firm's
allow-list, its extension names that same kind, its name carries no second extension
(``invoice.pdf.exe``) and it is neither empty nor over the size limit. Names are cleaned of
path separators, control characters and leading dots, and shortened.

Every refusal is an :class:`UploadRefused` with a ``code`` and its ``params``; the message is
English and the Odoo layer translates it by ``code``.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from .messages import CodedError

# The kinds a firm may accept, with the extensions that may name them and the type served.
KIND_EXTENSIONS = {
    "pdf": ("pdf",),
    "png": ("png",),
    "jpeg": ("jpg", "jpeg"),
    "xml": ("xml",),
    "csv": ("csv",),
    "xlsx": ("xlsx",),
    "docx": ("docx",),
    "zip": ("zip",),
}
KIND_MIMETYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "xml": "application/xml",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
}
# Accepted unless the firm narrows it; ZIP only when the firm allows it.
DEFAULT_KINDS = ("pdf", "png", "jpeg", "xml", "csv", "xlsx", "docx")
# Kinds a browser may show inline (a preview) without running anything.
PREVIEW_KINDS = ("pdf", "png", "jpeg")

MAX_NAME_LENGTH = 120

# An inner segment of a name that is one of these makes it a double extension.
_KNOWN_EXTENSIONS = frozenset(ext for exts in KIND_EXTENSIONS.values() for ext in exts) | frozenset(
    "exe com bat cmd scr msi js jse vbs vbe wsf ps1 sh jar apk dll html htm svg php "
    "doc xls ppt pptx odt ods rtf txt gif bmp tif tiff rar 7z gz tar".split()
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOSTILE_MARKUP = re.compile(rb"<\s*(!doctype|html|script|svg|body|iframe)\b", re.IGNORECASE)

# The reason of each refusal, in English, written once: the addon translates these very
# strings at the edge (``env._(MESSAGES[code], **params)``; scripts/i18n_bg.py puts them in
# its .pot and bg.po), as for ``pricing.MESSAGES``.
MESSAGES = {
    "empty": "%(name)s: the file is empty.",
    "bad_name": "The file name %(name)s has no usable characters.",
    "no_extension": "%(name)s: the name has no extension (for example .pdf).",
    "double_extension": "%(name)s: a name with two extensions is not accepted.",
    "too_large": "%(name)s: %(size_mb)s MB is over the limit of %(limit_mb)s MB for this kind "
    "of document.",
    "batch_too_large": "Together the files are %(size_mb)s MB, over the limit of %(limit_mb)s MB "
    "for one upload.",
    "unknown_type": "%(name)s: the content is not a file type we accept (%(allowed)s).",
    "type_not_allowed": "%(name)s: %(kind)s files are not accepted here (%(allowed)s).",
    "extension_mismatch": "%(name)s: the content is a %(kind)s file, but the name ends in "
    ".%(ext)s.",
    "category_not_allowed": "Choose a category you may upload to.",
    "bad_period": "Choose a valid year and month.",
}


class UploadRefused(CodedError):
    """One file (or the whole batch) refused: ``code`` says why, ``params`` the values."""

    messages = MESSAGES


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed every check: the clean name, its kind and the type to serve."""

    name: str
    kind: str
    mimetype: str
    size: int


def sanitize_filename(name: str, max_length: int = MAX_NAME_LENGTH) -> str:
    """The name without folders, control characters, leading dots or spaces, at most
    ``max_length`` characters (the extension kept). Empty when nothing usable is left."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = _CONTROL.sub("", name)
    name = re.sub(r"\s+", " ", name).strip().lstrip(". ").rstrip(". ")
    if len(name) > max_length:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: max_length - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            name = name[:max_length].rstrip(". ")
    return name


def extension(name: str) -> str:
    """The lower-case extension of a (clean) name, '' when it has none."""
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def has_double_extension(name: str) -> bool:
    """True for names such as ``invoice.pdf.exe`` or ``scan.exe.pdf``: a known extension
    stands before the last one. ``report.2025.pdf`` is fine."""
    segments = name.lower().split(".")[1:-1]
    return any(segment.strip() in _KNOWN_EXTENSIONS for segment in segments)


def sniff_kind(data: bytes) -> str | None:
    """The kind of ``data`` by its content, or None when it is none of ``KIND_EXTENSIONS``."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    head = data[:4096]
    if b"\x00" in head:
        return None
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        # XML only with its declaration and no markup a browser would run as a page.
        if text.startswith(b"<?xml") and not _HOSTILE_MARKUP.search(data):
            return "xml"
        return None
    return "csv" if _looks_like_csv(head) else None


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "[Content_Types].xml" in names:
        if any(name.startswith("word/") for name in names):
            return "docx"
        if any(name.startswith("xl/") for name in names):
            return "xlsx"
        return None
    return "zip"


def _looks_like_csv(head: bytes) -> bool:
    """Text (UTF-8 or Windows-1251, as Bulgarian spreadsheets save it) whose first line
    holds a separator."""
    for encoding in ("utf-8", "cp1251"):
        try:
            text = head.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    if any(ch < " " and ch not in "\t\r\n" for ch in text):
        return False
    first_line = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    return any(sep in first_line for sep in ",;\t")


def check_file(
    name: str, data: bytes, *, allowed_kinds=DEFAULT_KINDS, max_bytes: int
) -> CheckedFile:
    """Checks one file; returns it cleaned, or raises :class:`UploadRefused`."""
    clean = sanitize_filename(name)
    shown = clean or (name or "")[:MAX_NAME_LENGTH]
    if not clean:
        raise UploadRefused("bad_name", name=shown)
    if not data:
        raise UploadRefused("empty", name=clean)
    if len(data) > max_bytes:
        raise UploadRefused(
            "too_large", name=clean, size_mb=_mb(len(data), up=True), limit_mb=_mb(max_bytes)
        )
    ext = extension(clean)
    if not ext:
        raise UploadRefused("no_extension", name=clean)
    if has_double_extension(clean):
        raise UploadRefused("double_extension", name=clean)
    allowed = ", ".join(sorted({e for k in allowed_kinds for e in KIND_EXTENSIONS[k][:1]}))
    kind = sniff_kind(data)
    if kind is None:
        raise UploadRefused("unknown_type", name=clean, allowed=allowed)
    if kind not in allowed_kinds:
        raise UploadRefused("type_not_allowed", name=clean, kind=kind.upper(), allowed=allowed)
    if ext not in KIND_EXTENSIONS[kind]:
        raise UploadRefused("extension_mismatch", name=clean, kind=kind.upper(), ext=ext)
    return CheckedFile(name=clean, kind=kind, mimetype=KIND_MIMETYPES[kind], size=len(data))


def check_batch_size(sizes, max_total_bytes: int) -> None:
    """Refuses a batch whose files together exceed ``max_total_bytes``."""
    total = sum(sizes)
    if total > max_total_bytes:
        raise UploadRefused(
            "batch_too_large", size_mb=_mb(total, up=True), limit_mb=_mb(max_total_bytes)
        )


def _mb(size: int, up: bool = False) -> str:
    """Megabytes with at most two decimals; ``up`` rounds up, so that a size just over a
    limit never reads as the limit itself."""
    hundredths = size * 100 / (1024 * 1024)
    value = (math.ceil(hundredths) if up else round(hundredths)) / 100
    return f"{value:.2f}".rstrip("0").rstrip(".")
