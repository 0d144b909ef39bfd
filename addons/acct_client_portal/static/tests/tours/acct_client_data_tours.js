/** @odoo-module **/
// Browser tours of the client's master data (run by tests/test_portal_profile_tour.py).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("acct_portal_profile_three_employees", {
    url: "/my/accounting/profile",
    steps: () => [
        {
            content: "The firm has no employee on record",
            trigger: "input[name=employee_count]",
            run: "edit 3",
        },
        {
            content: "Send the change to the firm",
            trigger: ".o_acct_profile_submit",
            run: "click",
        },
        {
            content: "The change went to the accountant",
            trigger: ".o_acct_profile_sent",
        },
        {
            content: "It waits for the firm, 0 → 3",
            trigger: ".o_acct_profile_change_pending:contains(0):contains(3)",
        },
    ],
});

registry.category("web_tour.tours").add("acct_backoffice_approve_profile_change", {
    url: "/odoo/action-acct_client_portal.action_acct_profile_change",
    steps: () => [
        {
            content: "Open the client's pending change",
            trigger: ".o_data_row td:contains(Алфа ООД)",
            run: "click",
        },
        {
            content: "The difference reads old → new",
            trigger: ".o_field_one2many .o_data_row:contains(3)",
        },
        {
            content: "Approve and apply",
            trigger: "button[name=action_approve]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The change is approved",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Approved)",
        },
    ],
});
