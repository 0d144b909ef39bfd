/** @odoo-module **/
// Shows since when the user's timer runs on a task and how long that is, ticking every
// second. The state is the server's start time: a reload shows the same running timer.
import { Component, onWillUnmount, useState } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

const { DateTime } = luxon;

export function formatElapsed(seconds) {
    const s = Math.max(Math.floor(seconds), 0);
    const hh = Math.floor(s / 3600);
    const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
    const ss = String(s % 60).padStart(2, "0");
    return `${hh}:${mm}:${ss}`;
}

export class AcctTimerElapsedField extends Component {
    static template = "acct_firm_crm.TimerElapsedField";
    static props = { ...standardFieldProps };

    setup() {
        this.state = useState({ now: DateTime.now() });
        const interval = browser.setInterval(() => {
            this.state.now = DateTime.now();
        }, 1000);
        onWillUnmount(() => browser.clearInterval(interval));
    }

    get start() {
        return this.props.record.data[this.props.name];
    }

    get since() {
        return this.start ? this.start.toFormat("HH:mm") : "";
    }

    get elapsed() {
        return this.start ? formatElapsed(this.state.now.diff(this.start, "seconds").seconds) : "";
    }
}

registry.category("fields").add("acct_timer_elapsed", {
    component: AcctTimerElapsedField,
    supportedTypes: ["datetime"],
});
