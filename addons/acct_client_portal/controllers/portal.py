# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import tempfile
import zipfile

from werkzeug.wsgi import wrap_file

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.osv.expression import AND

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from acct_firm_core.uploads import PREVIEW_KINDS, sniff_kind

DOCUMENTS_PER_PAGE = 40
UPLOAD_ROWS = 3
ZIP_IN_MEMORY = 16 * 1024 * 1024
# Odoo's own task pages (/my/tasks) show a task's description, time and the project's other
# tasks: a statutory task belongs to the deadlines page, a client's request to the requests
# page, and neither is listed or opened there.
FIRM_TASKS_EXCLUDED = [
    ("acct_obligation_type_id", "=", False),
    ("acct_request_kind_id", "=", False),
]


class AccountingPortal(CustomerPortal):
    """The client's "My accounting" area on Odoo's portal.

    Every page works as the portal user: the record rules (fed by ``acct.portal.access``)
    decide what is listed or served. Elevated rights are used only after that check, to
    stream a file or to write an upload the user may make.
    """

    def _acct_firm_client(self):
        """The firm client the current portal user belongs to, or an empty recordset.

        Portal contacts work for a client company: the firm's profile lives on their
        commercial partner, never on the contact itself.
        """
        client = request.env.user.partner_id.commercial_partner_id
        return client if client.acct_is_firm_client else client.browse()

    def _prepare_portal_layout_values(self):
        # Layout values, not home counters: /my/counters returns every key of the counter
        # values as JSON, and the portal's script expects a counter element for each.
        values = super()._prepare_portal_layout_values()
        values["acct_firm_client"] = self._acct_firm_client()
        return values

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if self._acct_firm_client():
            response.qcontext.update(self._acct_home_counts())
        return response

    def _acct_home_counts(self):
        user = request.env.user
        seen = user.sudo().acct_documents_seen_at
        new_domain = [("origin", "=", "firm")]
        if seen:
            new_domain.append(("create_date", ">", seen))
        return {
            "acct_new_document_count": request.env["acct.client.document"].search_count(new_domain),
            "acct_upload_request_count": request.env["acct.upload.request"].search_count(
                [("state", "=", "open")]
            ),
        }

    def _acct_feature_refused(self, feature):
        """The 403 page of a "My accounting" page the firm has not opened to this user
        (``res.users._acct_portal_may``)."""
        values = self._prepare_portal_layout_values()
        values.update({"page_name": f"acct_{feature}", "feature": feature})
        return request.render("acct_client_portal.portal_acct_feature_refused", values, status=403)

    # ------------------------------------------------------------------ Odoo's task pages

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "task_count" in counters and values.get("task_count"):
            values["task_count"] = request.env["project.task"].search_count(
                [("project_id", "!=", False), *FIRM_TASKS_EXCLUDED]
            )
        return values

    def _prepare_tasks_values(
        self,
        page,
        date_begin,
        date_end,
        sortby,
        search,
        search_in,
        groupby,
        url="/my/tasks",
        domain=None,
        su=False,
        project=False,
    ):
        if not request.env.user._is_internal():
            domain = AND([domain or [], FIRM_TASKS_EXCLUDED])
        return super()._prepare_tasks_values(
            page, date_begin, date_end, sortby, search, search_in, groupby, url, domain, su, project
        )

    def _document_check_access(self, model_name, document_id, access_token=None):
        if model_name == "project.task" and not request.env.user._is_internal():
            task = request.env["project.task"].sudo().browse(document_id).exists()
            if task.acct_obligation_type_id:
                raise AccessError(request.env._("Statutory tasks are shown on the deadlines page."))
            if task.acct_request_kind_id:
                raise AccessError(request.env._("Follow your request in My accounting."))
        return super()._document_check_access(model_name, document_id, access_token)

    def _acct_client_or_404(self):
        client = self._acct_firm_client()
        if not client:
            raise request.not_found()
        return client

    # ------------------------------------------------------------------ my accounting

    @http.route("/my/accounting", type="http", auth="user", website=True)
    def portal_my_accounting(self, **kw):
        client = self._acct_client_or_404()
        Access = request.env["acct.portal.access"]
        rights = Access._rights_by_category(request.env.user.sudo().partner_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_accounting",
                "rights": sorted(rights.items(), key=lambda item: item[0].sequence),
            }
        )
        values.update(self._acct_home_counts())
        return request.render("acct_client_portal.portal_my_accounting", values)

    # ------------------------------------------------------------------ documents

    def _acct_document_domain(self, year=None, category=None, origin=None, search=None):
        domain = []
        if year:
            domain.append(("year", "=", int(year)))
        if category:
            domain.append(("category_id", "=", int(category)))
        if origin in ("firm", "client"):
            domain.append(("origin", "=", origin))
        if search:
            domain += ["|", ("name", "ilike", search), ("file_name", "ilike", search)]
        return domain

    @http.route(
        ["/my/accounting/documents", "/my/accounting/documents/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_documents(self, page=1, year=None, category=None, origin=None, search=None, **kw):
        client = self._acct_client_or_404()
        for value in (year, category):
            if value and not str(value).isdigit():
                raise request.not_found()
        Document = request.env["acct.client.document"]
        domain = self._acct_document_domain(year, category, origin, search)
        total = Document.search_count(domain)
        url_args = {
            key: value
            for key, value in (
                ("year", year),
                ("category", category),
                ("origin", origin),
                ("search", search),
            )
            if value
        }
        pager = portal_pager(
            url="/my/accounting/documents",
            url_args=url_args,
            total=total,
            page=page,
            step=DOCUMENTS_PER_PAGE,
        )
        documents = Document.search(
            domain,
            order="year desc, month desc, id desc",
            limit=DOCUMENTS_PER_PAGE,
            offset=pager["offset"],
        )
        year_counts = Document._read_group(
            self._acct_document_domain(None, category, origin, search),
            ["year"],
            ["__count"],
            order="year desc",
        )
        user = request.env.user
        upload_categories = request.env["acct.document.category"].browse(
            user._acct_portal_category_ids("upload")
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_documents",
                "documents": documents,
                "groups": self._acct_group_by_year_and_category(documents),
                "year_counts": year_counts,
                "categories": request.env["acct.document.category"].search([]),
                "upload_categories": upload_categories,
                "pager": pager,
                "filters": {
                    "year": year and int(year),
                    "category": category and int(category),
                    "origin": origin,
                    "search": search or "",
                },
                "total": total,
                "years": _upload_years(),
                "uploaded": kw.get("uploaded"),
                "preview_kinds": PREVIEW_KINDS,
            }
        )
        # New documents are counted from the last visit of this page.
        user.sudo().acct_documents_seen_at = fields.Datetime.now()
        return request.render("acct_client_portal.portal_my_documents", values)

    @staticmethod
    def _acct_group_by_year_and_category(documents):
        """``[(year, [(category, [documents])])]`` in the order of ``documents``."""
        groups = []
        for document in documents:
            if not groups or groups[-1][0] != document.year:
                groups.append((document.year, []))
            categories = groups[-1][1]
            if not categories or categories[-1][0] != document.category_id:
                categories.append((document.category_id, []))
            categories[-1][1].append(document)
        return groups

    def _acct_checked_document(self, document_id, event):
        """The document ``document_id`` if the portal user may read it (record rules and
        policy), else None and a refusal in the log. Nothing is elevated before this.

        The caller answers with :meth:`_acct_refused`, a 404 *response*: a raised 404 would
        roll the transaction back, and the refusal's log row with it."""
        client = self._acct_client_or_404()
        document = request.env["acct.client.document"].browse(document_id)
        Log = request.env["acct.portal.log"]
        try:
            document.check_access("read")
            readable = bool(document.exists())
        except (AccessError, MissingError):
            readable = False
        if not readable:
            Log._log(
                event,
                "refused",
                client_id=client.id,
                file_name=str(document_id),
                reason=request.env._("No such document, or not yours to see."),
            )
            return None
        return document

    def _acct_refused(self):
        values = self._prepare_portal_layout_values()
        values["page_name"] = "acct_documents"
        return request.render("acct_client_portal.portal_document_refused", values, status=404)

    def _acct_stream(self, document, as_attachment):
        document_sudo = document.sudo()
        stream = request.env["ir.binary"]._get_stream_from(
            document_sudo, "file", filename=document_sudo.file_name or document_sudo.name
        )
        return stream.get_response(as_attachment=as_attachment)

    @http.route(
        "/my/accounting/documents/<int:document_id>/download",
        type="http",
        auth="user",
        website=True,
    )
    def portal_document_download(self, document_id, **kw):
        document = self._acct_checked_document(document_id, "download")
        if not document:
            return self._acct_refused()
        request.env["acct.portal.log"]._log("download", **document._acct_log_values())
        return self._acct_stream(document, as_attachment=True)

    @http.route(
        "/my/accounting/documents/<int:document_id>/preview",
        type="http",
        auth="user",
        website=True,
    )
    def portal_document_preview(self, document_id, **kw):
        document = self._acct_checked_document(document_id, "preview")
        if not document:
            return self._acct_refused()
        # Inline only for what a browser shows without running it, judged by the bytes.
        content = document.sudo().with_context(bin_size=False).file
        kind = sniff_kind(_b64decode(content)) if content else None
        Log = request.env["acct.portal.log"]
        log_values = document._acct_log_values()
        if kind not in PREVIEW_KINDS:
            Log._log(
                "preview",
                "refused",
                reason=request.env._("This kind of file has no preview; download it."),
                **log_values,
            )
            return self._acct_refused()
        Log._log("preview", **log_values)
        return self._acct_stream(document, as_attachment=False)

    @http.route(
        "/my/accounting/documents/year/<int:year>.zip", type="http", auth="user", website=True
    )
    def portal_documents_zip(self, year, **kw):
        client = self._acct_client_or_404()
        documents = request.env["acct.client.document"].search([("year", "=", year)])
        if not documents:
            raise request.not_found()
        # The files are read one at a time and the archive spills to disk when large, so a
        # year of scans does not sit in memory.
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "acct.client.document"),
                    ("res_id", "in", documents.ids),
                    ("res_field", "=", "file"),
                ]
            )
        )
        attachment_of = {attachment.res_id: attachment for attachment in attachments}
        spool = tempfile.SpooledTemporaryFile(max_size=ZIP_IN_MEMORY)
        used = set()
        with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
            for document in documents:
                attachment = attachment_of.get(document.id)
                if attachment:
                    name = f"{document.category_id.name}/{document.file_name or document.name}"
                    archive.writestr(
                        _unique_name(name, used), attachment.with_prefetch([attachment.id]).raw
                    )
        spool.seek(0)
        request.env["acct.portal.log"]._log(
            "download_zip",
            client_id=client.id,
            file_name=f"{client.acct_client_code or client.id}-{year}.zip",
            year=year,
            document_count=len(documents),
        )
        filename = f"{client.acct_client_code or 'documents'}-{year}.zip"
        return request.make_response(
            wrap_file(request.httprequest.environ, spool),
            headers=[
                ("Content-Type", "application/zip"),
                ("Content-Disposition", http.content_disposition(filename)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )

    # ------------------------------------------------------------------ uploads

    @http.route(
        "/my/accounting/upload", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_upload(self, **post):
        client = self._acct_client_or_404()
        errors, rows = [], []
        if request.httprequest.method == "POST":
            result = request.env["acct.client.document"]._acct_portal_upload(
                client, request.httprequest.files, post
            )
            if result["documents"]:
                return request.redirect(
                    f"/my/accounting/documents?uploaded={len(result['documents'])}"
                )
            errors, rows = result["errors"], result["rows"]
        user = request.env.user
        requests_open = request.env["acct.upload.request"].search([("state", "=", "open")])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_upload",
                "upload_categories": request.env["acct.document.category"].browse(
                    user._acct_portal_category_ids("upload")
                ),
                "upload_requests": requests_open,
                "errors": errors,
                "rows": rows or [{} for _i in range(UPLOAD_ROWS)],
                "years": _upload_years(),
                "preset": {
                    "category": post.get("category"),
                    "year": post.get("year"),
                    "month": post.get("month"),
                },
                "note": post.get("note", ""),
            }
        )
        return request.render(
            "acct_client_portal.portal_my_upload", values, status=400 if errors else 200
        )

    # ------------------------------------------------------------------ audit log

    @http.route(
        ["/my/accounting/log", "/my/accounting/log/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_log(self, page=1, **kw):
        client = self._acct_client_or_404()
        Log = request.env["acct.portal.log"]
        total = Log.search_count([])
        pager = portal_pager(url="/my/accounting/log", total=total, page=page, step=50)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_log",
                "rows": Log.search([], limit=50, offset=pager["offset"]),
                "pager": pager,
            }
        )
        return request.render("acct_client_portal.portal_my_log", values)


def _upload_years():
    """The years a client may upload for: this one and five before it."""
    this_year = fields.Date.context_today(request.env.user).year
    return list(range(this_year, this_year - 6, -1))


def _b64decode(value):
    return base64.b64decode(value) if value else b""


def _unique_name(name, used):
    """``name``, or ``name (2)`` etc. when the archive already holds it."""
    stem, dot, ext = name.rpartition(".")
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{stem} ({number}).{ext}" if dot else f"{name} ({number})"
    used.add(candidate)
    return candidate
