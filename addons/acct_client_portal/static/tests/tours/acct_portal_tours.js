/** @odoo-module **/
// Browser tours of the client's "My accounting" (run by tests/test_portal_tours.py).
import { registry } from "@web/core/registry";

function assertPageLacks(text) {
    if (document.body.textContent.includes(text)) {
        throw new Error(`The page shows ${text}, which this contact may not see.`);
    }
}

registry.category("web_tour.tours").add("acct_portal_drop_two_invoices", {
    url: "/my/accounting/documents",
    steps: () => [
        {
            content: "The drop zone is shown once the page's script runs",
            trigger: ".o_acct_upload_form .o_acct_dropzone:not(.d-none)",
            run() {
                const transfer = new DataTransfer();
                for (const name of ["tour-invoice-1.pdf", "tour-invoice-2.pdf"]) {
                    transfer.items.add(
                        new File([`%PDF-1.4\n% ${name}\n%%EOF\n`], name, {
                            type: "application/pdf",
                        })
                    );
                }
                const zone = document.querySelector(".o_acct_upload_form .o_acct_dropzone");
                zone.dispatchEvent(
                    new DragEvent("drop", {
                        dataTransfer: transfer,
                        bubbles: true,
                        cancelable: true,
                    })
                );
            },
        },
        {
            content: "Each dropped file got its own row; send them",
            trigger:
                ".o_acct_upload_form .o_acct_upload_row:not(.o_acct_upload_row_template):eq(1)",
            run() {
                document.querySelector(".o_acct_upload_form .o_acct_upload_submit").click();
            },
        },
        {
            content: "The firm received both",
            trigger: ".alert-success:contains(2 document(s) received)",
        },
        {
            content: "Both invoices are listed as received",
            trigger: ".o_acct_document:contains(tour-invoice-2.pdf):contains(Received)",
        },
        {
            trigger: ".o_acct_document:contains(tour-invoice-1.pdf)",
        },
    ],
});

registry.category("web_tour.tours").add("acct_portal_download_last_year_balance", {
    url: "/my/accounting/documents",
    steps: () => [
        {
            content: "Choose last year",
            trigger: "select[name=year]",
            run: `select ${new Date().getFullYear() - 1}`,
        },
        {
            trigger: ".o_acct_document_filters button[type=submit]",
            run: "click",
        },
        {
            content: "Last year's balance sheet is listed",
            trigger: `.o_acct_year:contains(${new Date().getFullYear() - 1})`,
        },
        {
            content: "Download it",
            trigger: ".o_acct_document:contains(TOUR-BALANCE) a.o_acct_download",
            async run() {
                const row = [...document.querySelectorAll(".o_acct_document")].find((tr) =>
                    tr.textContent.includes("TOUR-BALANCE")
                );
                const link = row.querySelector("a.o_acct_download");
                const response = await fetch(link.href);
                const body = await response.text();
                if (response.status !== 200 || !body.includes("TOUR-BALANCE")) {
                    throw new Error(`The download failed: ${response.status}`);
                }
                document.body.classList.add("o_acct_tour_downloaded");
            },
        },
        {
            trigger: "body.o_acct_tour_downloaded",
        },
    ],
});

registry.category("web_tour.tours").add("acct_portal_no_payroll_for_the_bookkeeper", {
    url: "/my/accounting/documents",
    steps: () => [
        {
            content: "The bookkeeper's own upload is listed",
            trigger: ".o_portal_acct_documents",
            run() {
                assertPageLacks("TOUR-PAYROLL");
                assertPageLacks("TOUR-BALANCE");
            },
        },
        {
            // The rows' selects stay hidden until a file is dropped or chosen: the visible
            // drop zone says the form is there, and its (hidden) options are read.
            content: "Payroll is not offered for uploads either",
            trigger: ".o_acct_upload_form .o_acct_dropzone:not(.d-none)",
            run() {
                const options = [...document.querySelectorAll(".o_acct_upload_form option")];
                if (!options.length) {
                    throw new Error("The upload form offers no category at all.");
                }
                if (options.some((option) => option.textContent.includes("Payroll"))) {
                    throw new Error("Payroll is offered to the bookkeeper.");
                }
            },
        },
    ],
});
