"""Which document categories a client's portal contact may download or upload.

The firm sets, per client and per document category, one of four choices (``none``,
``download``, ``upload``, ``both``); a category without a choice for the client takes its own
default. A contact of the client (a person working for the client company) may be given a
narrower choice of its own; it never gets more than the client. Categories marked restricted
(payroll, personal data) are closed to contacts unless the firm grants them by name. A portal
user who *is* the client partner (a sole trader, an individual) has the client's rights.
"""

from __future__ import annotations

DOWNLOAD = "download"
UPLOAD = "upload"
CHOICES = ("none", "download", "upload", "both")
RIGHTS = {
    "none": frozenset(),
    "download": frozenset({DOWNLOAD}),
    "upload": frozenset({UPLOAD}),
    "both": frozenset({DOWNLOAD, UPLOAD}),
}


def effective_rights(
    category_default: str,
    *,
    restricted: bool = False,
    client_choice: str | None = None,
    contact_choice: str | None = None,
    is_contact: bool = True,
) -> frozenset:
    """The rights (``{'download', 'upload'}`` or a part of it) of one user on one category."""
    client = RIGHTS[client_choice or category_default]
    if not is_contact:
        return client
    if contact_choice is None:
        return frozenset() if restricted else client
    return client & RIGHTS[contact_choice]
