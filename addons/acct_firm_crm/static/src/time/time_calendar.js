/** @odoo-module **/
// "My week": Odoo's calendar on time reports, with the total of each day in its header.
// Only the renderer changes; model, controller and quick create are Odoo's own.
import { onMounted, onPatched } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { renderToString } from "@web/core/utils/render";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";
import { CalendarRenderer } from "@web/views/calendar/calendar_renderer";
import { calendarView } from "@web/views/calendar/calendar_view";
import { dailyTotals, formatHours } from "./daily_totals";

const { DateTime } = luxon;

/**
 * FullCalendar writes the week's number after the "Week" of its locale: its Bulgarian one
 * has no such word (English "Week" it is), and FullCalendar 6.1 reads no weekTextLong
 * option. Its locale of the user's language ("+още 2", "Цял ден") with Odoo's own "Week"
 * added, under the lower-case code FullCalendar looks up.
 */
function weekLocale(language) {
    const code = (language || "en").toLowerCase();
    const known = window.FullCalendar?.globalLocales || [];
    const locale =
        known.find((l) => l.code === code) || known.find((l) => l.code === code.split("-")[0]);
    return { ...locale, code, weekTextLong: _t("Week") };
}

export class AcctTimeCalendarCommonRenderer extends CalendarCommonRenderer {
    static headerTemplate = "acct_firm_crm.TimeCalendarHeader";
    static eventTemplate = "acct_firm_crm.TimeCalendarEvent";

    setup() {
        super.setup();
        // FullCalendar renders the headers once; events are refetched on every patch, so
        // refresh the totals in place after a report is added, moved or deleted.
        onMounted(() => this.refreshDailyTotals());
        onPatched(() => this.refreshDailyTotals());
    }

    get options() {
        const options = super.options;
        return {
            ...options,
            // Read when FullCalendar is built, once its library and locales are loaded.
            get locales() {
                return [weekLocale(options.locale)];
            },
        };
    }

    get dailyTotals() {
        return dailyTotals(Object.values(this.props.model.records));
    }

    headerTemplateProps(date) {
        const props = super.headerTemplateProps(date);
        const isoDate = DateTime.fromJSDate(date).toISODate();
        return {
            ...props,
            isoDate,
            total: formatHours(this.dailyTotals[isoDate]),
        };
    }

    onEventContent({ event }) {
        // Odoo's own event content, with the hours of the report in front of its title.
        const record = this.props.model.records[event.id];
        if (!record) {
            return true;
        }
        const html = renderToString(this.constructor.eventTemplate, {
            ...record,
            hours: formatHours(record.rawRecord.unit_amount),
        });
        const { children } = new DOMParser().parseFromString(html, "text/html").body;
        return { domNodes: children };
    }

    refreshDailyTotals() {
        const totals = this.dailyTotals;
        for (const el of this.fc.el?.querySelectorAll(".o_acct_day_total") || []) {
            el.textContent = formatHours(totals[el.dataset.date]);
        }
    }
}

export class AcctTimeCalendarRenderer extends CalendarRenderer {
    static components = {
        ...CalendarRenderer.components,
        day: AcctTimeCalendarCommonRenderer,
        week: AcctTimeCalendarCommonRenderer,
    };
}

export const acctTimeCalendarView = {
    ...calendarView,
    Renderer: AcctTimeCalendarRenderer,
};

registry.category("views").add("acct_time_calendar", acctTimeCalendarView);
