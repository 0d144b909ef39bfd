# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models

from acct_firm_core import uploads
from acct_firm_core.periods import month_start
from acct_firm_core.uploads import DEFAULT_KINDS, UploadRefused, check_batch_size, check_file

MB = 1024 * 1024
# The upload form numbers its rows file_0, category_0, year_0, month_0, ...; drag and drop
# adds rows up to this many.
MAX_UPLOAD_ROWS = 20


class AcctClientDocument(models.Model):
    _inherit = "acct.client.document"

    review_state = fields.Selection(
        [("received", "Received"), ("reviewed", "Reviewed")],
        string="Status",
        tracking=True,
        help="Documents the client uploads arrive as Received until an accountant reviews them.",
    )
    uploaded_by_id = fields.Many2one(
        "res.users", string="Uploaded by", readonly=True, index="btree_not_null"
    )
    period_start = fields.Date(
        compute="_compute_period_start",
        store=True,
        index=True,
        help="First day of the period the document belongs to: billing counts uploads by it.",
    )
    billable_upload = fields.Boolean(
        related="category_id.portal_billable", string="Counts for billing"
    )
    acct_request_task_id = fields.Many2one(
        "project.task",
        string="Sent for the request",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The client's request whose reply carried this file.",
    )

    @api.depends("year", "month")
    def _compute_period_start(self):
        for document in self:
            document.period_start = month_start(document.year, document.month)

    def action_mark_reviewed(self):
        self.write({"review_state": "reviewed"})

    @api.model
    def _create_client_uploads(self, client, files, note=None):
        """Files checked by the portal, stored as client-origin documents of ``client``.

        ``files`` holds dicts with ``name``, ``data`` (bytes), ``category`` (a record),
        ``year`` and ``month``. Runs with elevated rights after the caller has checked the
        user's upload rights: it writes only the fields listed here. One message on the
        client tells the responsible accountant, with one open review activity.
        """
        user = self.env.user
        documents = self.sudo().create(
            [
                {
                    "name": entry["name"],
                    "file": base64.b64encode(entry["data"]),
                    "file_name": entry["name"],
                    "client_id": client.id,
                    "category_id": entry["category"].id,
                    "year": entry["year"],
                    "month": entry["month"] or False,
                    "origin": "client",
                    "visible_to_client": True,
                    "review_state": "received",
                    "uploaded_by_id": user.id,
                    "description": note or False,
                }
                for entry in files
            ]
        )
        self.env["acct.upload.request"].sudo().search(
            [("client_id", "=", client.id), ("state", "=", "open")]
        )._fulfil_with(documents)
        accountant = client.sudo().acct_accountant_id
        # Written for the firm: in the accountant's language (else the firm's), not in the
        # language of the client who uploads.
        firm_lang = accountant.lang or self.env.company.sudo().partner_id.lang or self.env.lang
        client = client.sudo().with_context(lang=firm_lang)
        items = Markup("").join(
            Markup("<li>%s (%s, %s)</li>")
            % (
                doc.file_name,
                doc.with_context(lang=firm_lang).category_id.name,
                doc._period_label(),
            )
            for doc in documents
        )
        client.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                client.env._(
                    "%(user)s uploaded %(count)s document(s) on the portal.",
                    user=user.name,
                    count=len(documents),
                ),
                items,
            ),
            subtype_xmlid="mail.mt_note",
            partner_ids=accountant.partner_id.ids,
        )
        activity_type = self.env.ref("acct_client_portal.mail_activity_review_uploads")
        if accountant and not client.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ):
            client.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=accountant.id,
                note=client.env._("Documents uploaded by the client on the portal."),
            )
        return documents

    @api.model
    def _acct_portal_upload(self, client, files, form):
        """Checks the rows of the portal's upload form and stores them, all or none.

        ``files`` and ``form`` are the request's multipart parts. A batch with one refused
        file is refused whole: nothing is written but the refusals in the portal log.
        Returns ``{"documents", "errors", "rows"}``; ``errors`` holds one message per file.
        """
        user = self.env.user
        company = self.env.company
        Log = self.env["acct.portal.log"]
        upload_ids = set(user._acct_portal_category_ids("upload"))
        categories = self.env["acct.document.category"].sudo().browse(upload_ids)
        allowed_kinds = DEFAULT_KINDS + (("zip",) if company.acct_portal_allow_zip else ())
        this_year = fields.Date.context_today(self).year
        rows, entries, errors = [], [], []
        for index in range(MAX_UPLOAD_ROWS):
            storage = files.get(f"file_{index}")
            row = {
                "category": form.get(f"category_{index}") or "",
                "year": form.get(f"year_{index}") or "",
                "month": form.get(f"month_{index}") or "",
            }
            if storage is None and not row["category"]:
                continue
            rows.append(row)
            if storage is None or not storage.filename:
                continue
            data = storage.read()
            try:
                category = self._acct_upload_category(row["category"], categories)
                year, month = self._acct_upload_period(row["year"], row["month"], this_year)
                checked = check_file(
                    storage.filename,
                    data,
                    allowed_kinds=allowed_kinds,
                    max_bytes=(category.portal_max_size_mb or 20) * MB,
                )
            except UploadRefused as refused:
                errors.append(
                    {
                        "name": storage.filename[:120],
                        "message": self._acct_upload_message(refused),
                        "category_id": row["category"],
                    }
                )
                continue
            entries.append(
                {
                    "name": checked.name,
                    "data": data,
                    "category": category,
                    "year": year,
                    "month": month,
                }
            )
        batch_errors = []
        if not entries and not errors:
            batch_errors.append(self.env._("Choose at least one file to upload."))
        try:
            check_batch_size(
                [len(entry["data"]) for entry in entries],
                (company.acct_portal_batch_limit_mb or 50) * MB,
            )
        except UploadRefused as refused:
            batch_errors.append(self._acct_upload_message(refused))
        hour_ago = fields.Datetime.now() - relativedelta(hours=1)
        recent = Log.sudo().search_count(
            [
                ("user_id", "=", user.id),
                ("event", "=", "upload"),
                ("result", "=", "done"),
                ("create_date", ">=", hour_ago),
            ]
        )
        limit = company.acct_portal_uploads_per_hour
        if entries and limit and recent + len(entries) > limit:
            batch_errors.append(
                self.env._(
                    "You have uploaded %(count)s files in the last hour; the limit is %(limit)s. "
                    "Please try again later.",
                    count=recent,
                    limit=limit,
                )
            )
        errors += [{"name": "", "message": message} for message in batch_errors]
        if errors:
            for error in errors:
                category = str(error.get("category_id") or "")
                Log._log(
                    "upload",
                    "refused",
                    client_id=client.id,
                    file_name=error["name"] or False,
                    category_id=int(category) if int(category or 0) in upload_ids else False,
                    reason=error["message"],
                )
            return {"documents": self.browse(), "errors": errors, "rows": rows}
        documents = self._create_client_uploads(client, entries, note=form.get("note"))
        for document in documents:
            Log._log(
                "upload",
                client_id=client.id,
                document_id=document.id,
                category_id=document.category_id.id,
                file_name=document.file_name,
                year=document.year,
            )
        return {"documents": documents, "errors": [], "rows": rows}

    def _acct_upload_category(self, value, categories):
        category = categories.filtered(lambda c: str(c.id) == str(value))
        if not category:
            raise UploadRefused("category_not_allowed")
        return category

    def _acct_upload_period(self, year, month, this_year):
        if not str(year).isdigit() or not 1900 <= int(year) <= this_year + 1:
            raise UploadRefused("bad_period")
        if month and (not str(month).isdigit() or not 1 <= int(month) <= 12):
            raise UploadRefused("bad_period")
        return int(year), str(int(month)) if month else False

    def _acct_upload_message(self, refused):
        """The message of a refusal, written once in the core (``uploads.MESSAGES``, English),
        translated here and filled with its params."""
        return self.env._(uploads.MESSAGES[refused.code], **refused.params)

    def _acct_log_values(self):
        """What the portal log records of a download or preview of this document."""
        self.ensure_one()
        return {
            "client_id": self.client_id.id,
            "document_id": self.id,
            "category_id": self.category_id.id,
            "file_name": self.file_name or self.name,
            "year": self.year,
        }

    def _period_label(self):
        self.ensure_one()
        return f"{int(self.month):02d}.{self.year}" if self.month else str(self.year)
