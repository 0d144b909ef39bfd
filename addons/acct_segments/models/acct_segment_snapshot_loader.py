# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The snapshot's loader: a month's rows replaced by one CSV COPY."""

import csv
import io
import json

import psycopg2

from odoo import models
from odoo.tools import SQL


class AcctSegmentSnapshotLoader(models.AbstractModel):
    # The snapshot's loader, in a model of its own that acct.segment.snapshot inherits
    # (``_inherit``), the form Odoo gives a part of a model kept apart (mail.thread): the
    # methods stay the snapshot's own (``self._fields``, ``self.env.company``, overridable by
    # name), with no ``env`` passed around as plain functions would need, and one model per
    # file (several ``_inherit`` of the same model are what pylint-odoo asks to merge).
    _name = "acct.segment.snapshot.loader"
    _description = "Client segment snapshot: month loader"

    def _replace_month(self, month, columns, **same_for_all):
        """Delete the month's rows of the computing company (``env.company``) and load the
        new ones with one COPY: ``columns`` holds one list of values per column, a value per
        client; ``same_for_all`` the columns whose value is the same on every row (the month
        and the company are). Returns the number of rows.

        The snapshot is a computed report that nothing else references and that has no
        business logic on create: writing 10,000 rows through the ORM took most of the
        recompute, so they are streamed to the table as CSV, as the ORM itself does for
        external ids (``BaseModel.__ensure_xml_id``); the ORM cache is invalidated."""
        self.flush_model()
        cr = self.env.cr
        company = self.env.company.id
        cr.execute(
            SQL(
                "DELETE FROM %s WHERE month = %s AND company_id = %s",
                SQL.identifier(self._table),
                month,
                company,
            )
        )
        self.invalidate_model()
        count = len(columns["client_id"])
        if not count:
            return 0
        same_for_all["month"] = month
        same_for_all["company_id"] = company
        texts = [self._csv_texts(name, values) for name, values in columns.items()]
        texts += [self._csv_texts(name, [value]) * count for name, value in same_for_all.items()]
        data = io.StringIO()
        csv.writer(data).writerows(zip(*texts, strict=True))
        data.seek(0)
        copy = SQL(
            "COPY %s (%s) FROM STDIN WITH (FORMAT csv)",
            SQL.identifier(self._table),
            SQL(", ").join(SQL.identifier(name) for name in [*columns, *same_for_all]),
        )
        # COPY does not work with an asynchronous wait callback (gevent): Odoo's own COPY
        # switches it off around the call too.
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            cr.copy_expert(copy.code, data)
        finally:
            psycopg2.extensions.set_wait_callback(callback)
        return count

    def _csv_texts(self, column, values):
        """A column's values as COPY's CSV reads them, stored as the ORM would store them:
        floats rounded to the field's digits, amounts to the company currency's. None stays
        None: the CSV writer writes an empty unquoted field, which COPY reads as NULL (the
        rows hold no empty strings)."""
        field = self._fields[column]
        if field.type == "boolean":
            return ["t" if value else "f" for value in values]
        if field.type == "json":
            return [None if value is None else _JSON.encode(value) for value in values]
        if field.type == "monetary":
            digits = self.env.company.currency_id.decimal_places
        elif field.type == "float" and field.get_digits(self.env):
            digits = field.get_digits(self.env)[1]
        else:
            return values
        return [None if value is None else f"{value:.{digits}f}" for value in values]


# One encoder for all the rows (json.dumps with options builds one per call).
_JSON = json.JSONEncoder(separators=(",", ":"))
