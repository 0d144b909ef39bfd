/** @odoo-module **/
// Browser tours of the client's requests (run by tests/test_portal_request_tours.py).
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { inputFiles } from "@web/../tests/utils";

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

// The accountant's side, in the back office: the request is a task under Clients >
// Client requests; a public reply ("Send message", not "Log note") with the file goes to
// the client, then the task is marked done.
registry.category("web_tour.tours").add("acct_request_accountant_replies_with_file", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("acct_firm_crm.menu_acct_firm_root", "Open the firm's app"),
        {
            content: "Open the Clients menu",
            trigger: 'button[data-menu-xmlid="acct_firm_crm.menu_acct_firm_clients_root"]',
            run: "click",
        },
        {
            content: "Open the client requests",
            trigger:
                '.dropdown-item[data-menu-xmlid="acct_client_portal.menu_acct_client_requests"]',
            run: "click",
        },
        {
            content: "Open the client's request",
            trigger: ".o_list_view .o_data_row:contains(TOUR-CERTIFICATE) td[name=name]",
            run: "click",
        },
        {
            content: "Answer the client publicly",
            trigger: ".o_form_view .o-mail-Chatter button.o-mail-Chatter-sendMessage",
            run: "click",
        },
        {
            trigger: ".o-mail-Composer-input",
            run: "edit Here is your certificate.",
        },
        {
            content: "Attach the certificate",
            trigger: ".o-mail-Composer button[aria-label='Attach files']",
            async run() {
                const pdf = "%PDF-1.4\n%TOUR-CERTIFICATE\n%%EOF\n";
                const files = [
                    new File([pdf], "tour-certificate.pdf", { type: "application/pdf" }),
                ];
                await inputFiles(".o-mail-Composer-coreMain .o_input_file", files);
            },
        },
        {
            trigger: ".o-mail-AttachmentCard:not(.o-isUploading):contains(tour-certificate.pdf)",
        },
        {
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The reply with its file is in the conversation",
            trigger:
                ".o-mail-Message:contains(Here is your certificate):has(.o-mail-AttachmentCard:contains(tour-certificate.pdf))",
        },
        {
            content: "Close the task",
            trigger: ".o_form_view .o_task_state_widget button.dropdown-toggle",
            run: "click",
        },
        {
            trigger: ".state_selection_field_menu .dropdown-item:contains(Done)",
            run: "click",
        },
        {
            content: "The task shows as done",
            trigger: ".o_form_view .o_task_state_widget .o_status_label:contains(Done)",
        },
        {
            content: "The state is saved at once: nothing left to save",
            trigger: ".o_form_view:not(:has(.o_form_status_indicator_buttons:not(.invisible)))",
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
