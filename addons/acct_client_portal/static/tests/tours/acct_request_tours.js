/** @odoo-module **/
// Browser tours of the client's requests (run by tests/test_portal_request_tours.py).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("acct_request_ask_certificate", {
    url: "/my/accounting/requests",
    steps: () => [
        {
            content: "Ask the firm for something new",
            trigger: "a.o_acct_request_new",
            run: "click",
        },
        {
            content: "Choose the certificate, whose description tells what to write",
            trigger:
                ".o_acct_request_kind:contains(Certificate of no liabilities) input[name=kind]",
            run: "click",
        },
        {
            trigger: "input[name=subject]",
            run: "edit TOUR-CERTIFICATE for the bank",
        },
        {
            trigger: "textarea[name=description]",
            run: "edit The bank needs it by Friday.",
        },
        {
            trigger: "button.o_acct_request_submit",
            run: "click",
        },
        {
            content: "The request is sent and in progress",
            trigger:
                ".o_portal_acct_request:contains(Your request was sent):contains(TOUR-CERTIFICATE) .o_acct_request_status:contains(In progress)",
        },
    ],
});

registry.category("web_tour.tours").add("acct_request_see_file_and_rate", {
    url: "/my/accounting/requests",
    steps: () => [
        {
            content: "The request is listed as done",
            trigger: ".o_acct_request_row:contains(TOUR-CERTIFICATE):contains(Done) a",
            run: "click",
        },
        {
            content: "The firm's file is on the request",
            trigger: ".o_acct_request_file:contains(tour-certificate.pdf)",
        },
        {
            content: "The firm's reply shows in the conversation",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Here is your certificate)",
        },
        {
            content: "The file is also among the documents",
            trigger: ".o_acct_request_files a.o_acct_request_documents_link",
            run: "click",
        },
        {
            trigger: ".o_acct_document:contains(tour-certificate.pdf)",
        },
        {
            content: "Back to the request to rate the work",
            trigger: "body",
            run() {
                window.location.href = "/my/accounting/requests?filterby=done";
            },
        },
        {
            trigger: ".o_acct_request_row:contains(TOUR-CERTIFICATE) a",
            run: "click",
        },
        {
            content: "Five stars",
            trigger: ".o_acct_rate_form label[for=acct_rate_5]",
            run: "click",
        },
        {
            trigger: ".o_acct_rate_form textarea[name=feedback]",
            run: "edit Quick and clear, thank you.",
        },
        {
            trigger: "button.o_acct_rate_submit",
            run: "click",
        },
        {
            content: "The rating is kept",
            trigger: ".o_acct_request_rating:contains(5 / 5)",
        },
    ],
});
