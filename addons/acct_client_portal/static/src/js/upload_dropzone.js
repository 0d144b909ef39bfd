/** @odoo-module **/
// Drag and drop on the portal's upload forms: each dropped file fills an empty row of the
// form (or a new row cloned from the template row), where the client picks its category and
// period. The form stays a plain multipart POST that works without this script.
import publicWidget from "@web/legacy/js/public/public_widget";

const MAX_ROWS = 20;

publicWidget.registry.AcctUploadDropzone = publicWidget.Widget.extend({
    selector: ".o_acct_upload_form",
    events: {
        "dragover .o_acct_dropzone": "_onDragOver",
        "dragleave .o_acct_dropzone": "_onDragLeave",
        "drop .o_acct_dropzone": "_onDrop",
    },

    start() {
        this.el.querySelector(".o_acct_dropzone")?.classList.remove("d-none");
        return this._super(...arguments);
    },

    _onDragOver(ev) {
        ev.preventDefault();
        ev.currentTarget.classList.add("border-primary", "bg-light");
    },

    _onDragLeave(ev) {
        ev.currentTarget.classList.remove("border-primary", "bg-light");
    },

    _onDrop(ev) {
        ev.preventDefault();
        ev.currentTarget.classList.remove("border-primary", "bg-light");
        const files = ev.originalEvent
            ? ev.originalEvent.dataTransfer.files
            : ev.dataTransfer.files;
        for (const file of files) {
            this.addFile(file);
        }
        this.el.querySelector(".o_acct_upload_submit_area")?.classList.remove("d-none");
    },

    /** Puts ``file`` into the first row without a file, adding a row when all are taken. */
    addFile(file) {
        const rows = [
            ...this.el.querySelectorAll(".o_acct_upload_row:not(.o_acct_upload_row_template)"),
        ];
        let row = rows.find((r) => !r.querySelector("input[type=file]").files.length);
        if (!row) {
            const model = this.el.querySelector(".o_acct_upload_row_template") || rows.at(-1);
            if (!model || rows.length >= MAX_ROWS) {
                return;
            }
            row = model.cloneNode(true);
            row.classList.remove("d-none", "o_acct_upload_row_template");
            const index = this._nextIndex();
            for (const input of row.querySelectorAll("input, select")) {
                input.disabled = false;
                input.name = input.name.replace(/_\d+$/, `_${index}`);
                input.id = input.id.replace(/_\d+$/, `_${index}`);
                if (input.type === "file") {
                    input.value = "";
                }
            }
            for (const label of row.querySelectorAll("label[for]")) {
                label.htmlFor = label.htmlFor.replace(/_\d+$/, `_${index}`);
            }
            this.el.querySelector(".o_acct_upload_rows").appendChild(row);
        }
        const transfer = new DataTransfer();
        transfer.items.add(file);
        row.querySelector("input[type=file]").files = transfer.files;
    },

    _nextIndex() {
        const used = [
            ...this.el.querySelectorAll(
                ".o_acct_upload_row:not(.o_acct_upload_row_template) input[type=file]"
            ),
        ].map((input) => parseInt(input.name.split("_").at(-1), 10));
        return used.length ? Math.max(...used) + 1 : 0;
    },
});

export default publicWidget.registry.AcctUploadDropzone;
