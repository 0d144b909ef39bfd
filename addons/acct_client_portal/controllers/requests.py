# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.portal.controllers.portal import pager as portal_pager

from acct_firm_core.uploads import DEFAULT_KINDS, UploadRefused, check_file

from .portal import AccountingPortal

REQUESTS_PER_PAGE = 20
MB = 1024 * 1024


class AccountingRequestsPortal(AccountingPortal):
    """The client's requests on "My accounting": list, new request, one request.

    Every route first checks that the user may use requests (``_acct_portal_may``); the
    tasks are then read as the portal user, so the record rules decide which requests exist
    for it. The checked task is rendered with elevated rights (portal users may read only a
    few task fields), as Odoo's own /my/tasks page does after its check.
    """

    # ------------------------------------------------------------------ counters

    def _acct_home_counts(self):
        counts = super()._acct_home_counts()
        may = request.env.user._acct_portal_may("requests")
        Task = request.env["project.task"]
        counts["acct_may_request"] = may
        counts["acct_open_request_count"] = (
            Task.search_count(
                [("acct_request_kind_id", "!=", False), *Task._acct_request_status_domain("open")]
            )
            if may
            else 0
        )
        return counts

    # ------------------------------------------------------------------ helpers

    def _acct_requests_client(self):
        """The user's client, and the 403 page of the other "My accounting" pages when the
        firm has not opened the requests to this contact (None when it has)."""
        client = self._acct_client_or_404()
        if not request.env.user._acct_portal_may("requests"):
            return client, self._acct_feature_refused("requests")
        return client, None

    def _acct_checked_request(self, task_id):
        """The request ``task_id`` (sudo) if the portal user may see it, else None."""
        task = request.env["project.task"].browse(task_id).exists()
        if not task:
            return None
        try:
            task.check_access("read")
        except (AccessError, MissingError):
            return None
        return task.sudo() if task.sudo().acct_request_kind_id else None

    def _acct_request_refused(self):
        values = self._prepare_portal_layout_values()
        values["page_name"] = "acct_requests"
        return request.render("acct_client_portal.portal_request_refused", values, status=404)

    def _acct_request_files(self, task):
        """The files of the request's public messages, read as the portal user: the
        messages' search leaves out internal notes for a portal user."""
        messages = request.env["mail.message"].search(
            [
                ("model", "=", "project.task"),
                ("res_id", "=", task.id),
                ("message_type", "=", "comment"),
                ("attachment_ids", "!=", False),
            ]
        )
        return messages.sudo().attachment_ids

    # ------------------------------------------------------------------ list

    def _acct_request_filters(self):
        env = request.env
        Task = env["project.task"]
        labels = {
            "all": env._("All"),
            "open": env._("In progress"),
            "done": env._("Done"),
            "cancelled": env._("Cancelled"),
        }
        return {
            key: {"label": label, "domain": Task._acct_request_status_domain(key)}
            for key, label in labels.items()
        }

    @http.route(
        ["/my/accounting/requests", "/my/accounting/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_requests(self, page=1, filterby="all", **kw):
        client, refused = self._acct_requests_client()
        if refused:
            return refused
        filters = self._acct_request_filters()
        if filterby not in filters:
            filterby = "all"
        Task = request.env["project.task"]
        domain = [("acct_request_kind_id", "!=", False), *filters[filterby]["domain"]]
        total = Task.search_count(domain)
        pager = portal_pager(
            url="/my/accounting/requests",
            url_args={"filterby": filterby},
            total=total,
            page=page,
            step=REQUESTS_PER_PAGE,
        )
        tasks = Task.search(
            domain,
            order="create_date desc, id desc",
            limit=REQUESTS_PER_PAGE,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_requests",
                "requests": tasks.sudo(),
                "pager": pager,
                "searchbar_filters": filters,
                "filterby": filterby,
                "default_url": "/my/accounting/requests",
                "created": kw.get("created"),
                "is_owner": request.env.user._acct_portal_is_owner(),
            }
        )
        return request.render("acct_client_portal.portal_my_requests", values)

    # ------------------------------------------------------------------ new

    @http.route(
        "/my/accounting/requests/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_request_new(self, **post):
        client, refused = self._acct_requests_client()
        if refused:
            return refused
        errors = []
        if request.httprequest.method == "POST":
            result = request.env["project.task"]._acct_portal_request_create(
                client, post, request.httprequest.files.getlist("attachments")
            )
            if result["task"]:
                return request.redirect(f"/my/accounting/requests/{result['task'].id}?created=1")
            errors = result["errors"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "client": client,
                "page_name": "acct_request_new",
                "kinds": request.env["acct.request.kind"].search([]),
                "errors": errors,
                "form": {
                    "kind": post.get("kind") or request.params.get("kind") or "",
                    "subject": post.get("subject", ""),
                    "description": post.get("description", ""),
                },
            }
        )
        return request.render(
            "acct_client_portal.portal_request_new", values, status=400 if errors else 200
        )

    # ------------------------------------------------------------------ one request

    @http.route("/my/accounting/requests/<int:task_id>", type="http", auth="user", website=True)
    def portal_request(self, task_id, **kw):
        client, refused = self._acct_requests_client()
        if refused:
            return refused
        task = self._acct_checked_request(task_id)
        if not task:
            return self._acct_request_refused()
        values = self._prepare_portal_layout_values()
        ratings = task.rating_ids.filtered("consumed").sorted("write_date", reverse=True)
        values.update(
            {
                "client": client,
                "page_name": "acct_request",
                "request_task": task,
                "object": task,
                "files": self._acct_request_files(task),
                "documents": request.env["acct.client.document"].search(
                    [("acct_request_task_id", "=", task.id)]
                ),
                "rating": ratings[:1],
                "created": kw.get("created"),
                "rated": kw.get("rated"),
            }
        )
        return request.render("acct_client_portal.portal_request", values)

    @http.route(
        "/my/accounting/requests/<int:task_id>/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_request_file(self, task_id, attachment_id, **kw):
        client, refused = self._acct_requests_client()
        if refused:
            return refused
        task = self._acct_checked_request(task_id)
        Log = request.env["acct.portal.log"]
        attachment = task and self._acct_request_files(task).filtered(
            lambda a: a.id == attachment_id
        )
        if not attachment:
            Log._log(
                "request_download",
                "refused",
                client_id=client.id,
                file_name=str(attachment_id),
                reason=request.env._("No such file, or not yours to see."),
            )
            return self._acct_request_refused()
        Log._log(
            "request_download", client_id=client.id, task_id=task.id, file_name=attachment.name
        )
        stream = request.env["ir.binary"]._get_stream_from(attachment, "raw")
        return stream.get_response(as_attachment=True)

    @http.route(
        "/my/accounting/requests/<int:task_id>/rate",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_request_rate(self, task_id, rate=None, feedback=None, **kw):
        _client, refused = self._acct_requests_client()
        if refused:
            return refused
        task = self._acct_checked_request(task_id)
        if not task:
            return self._acct_request_refused()
        if task.acct_request_status != "done" or str(rate) not in ("1", "2", "3", "4", "5"):
            return request.redirect(f"/my/accounting/requests/{task.id}")
        task.with_env(request.env)._acct_portal_rate(int(rate), (feedback or "")[:2000])
        return request.redirect(f"/my/accounting/requests/{task.id}?rated=1")


class AccountingRequestAttachments(AttachmentController):
    """Files a client adds in a request's conversation pass the documents page's checks."""

    @http.route()
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        env = request.env
        if thread_model == "project.task" and not env.user._is_internal():
            # Only on a request the user may see; any other thread is refused by Odoo.
            task = env["project.task"]._get_thread_with_access(int(thread_id), "read").sudo()
            if task.acct_request_kind_id:
                data = ufile.read()
                try:
                    check_file(ufile.filename, data, allowed_kinds=DEFAULT_KINDS, max_bytes=20 * MB)
                except UploadRefused as refused:
                    message = env["acct.client.document"]._acct_upload_message(refused)
                    env["acct.portal.log"]._log(
                        "request_upload",
                        "refused",
                        client_id=task.project_id.acct_client_id.id,
                        task_id=task.id,
                        file_name=(ufile.filename or "")[:120],
                        reason=message,
                    )
                    return request.make_json_response({"error": message}, status=400)
                ufile.seek(0)
        return super().mail_attachment_upload(ufile, thread_id, thread_model, is_pending, **kwargs)
