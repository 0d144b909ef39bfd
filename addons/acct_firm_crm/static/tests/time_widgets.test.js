// The two time widgets of acct_firm_crm as an accountant sees them: the timer on a task
// ("Running since 09:15", ticking every second) and "My week", Odoo's calendar of time
// reports with each day's total in its header and each report's hours in front of its title.
// Run by tests/test_js_widgets.py (Odoo's hoot suite, filtered to this addon).
import { defineMailModels } from "@mail/../tests/mail_test_helpers";
import { after, beforeEach, describe, expect, test } from "@odoo/hoot";
import { queryAllTexts, queryFirst } from "@odoo/hoot-dom";
import { advanceTime, animationFrame, mockDate } from "@odoo/hoot-mock";
import {
    defineModels,
    fields,
    models,
    mountView,
    patchTranslations,
    preloadBundle,
} from "@web/../tests/web_test_helpers";
import { dailyTotals, formatHours } from "@acct_firm_crm/time/daily_totals";
import { formatElapsed } from "@acct_firm_crm/time/timer_elapsed_field";

class ProjectTask extends models.Model {
    _name = "project.task";

    name = fields.Char();
    acct_timer_start = fields.Datetime({ string: "Timer started" });

    _records = [
        { id: 1, name: "ДДС декларация 11/2026", acct_timer_start: "2026-11-23 09:15:30" },
        { id: 2, name: "Ведомост за заплати", acct_timer_start: false },
    ];
}

class AccountAnalyticLine extends models.Model {
    _name = "account.analytic.line";

    name = fields.Char();
    date = fields.Date();
    unit_amount = fields.Float({ string: "Time" });

    _records = [
        { id: 1, name: "Осчетоводяване", date: "2026-11-23", unit_amount: 1.5 },
        { id: 2, name: "ДДС декларация", date: "2026-11-23", unit_amount: 2 },
        { id: 3, name: "Подаване в НАП", date: "2026-11-25", unit_amount: 0.25 },
    ];
}

defineModels([ProjectTask, AccountAnalyticLine]);
defineMailModels();

const TIMER_FORM = `
    <form>
        <field name="name" />
        <field name="acct_timer_start" widget="acct_timer_elapsed" readonly="1" />
    </form>`;

describe("timer", () => {
    beforeEach(() => mockDate("2026-11-23T10:00:00", 0));

    test("elapsed time reads as hours, minutes and seconds", () => {
        expect(formatElapsed(0)).toBe("0:00:00");
        expect(formatElapsed(59.9)).toBe("0:00:59");
        expect(formatElapsed(3 * 3600 + 5 * 60 + 7)).toBe("3:05:07");
        // A clock a little ahead of the server never shows a negative time.
        expect(formatElapsed(-4)).toBe("0:00:00");
    });

    test("a running timer shows since when and ticks every second", async () => {
        await mountView({ resModel: "project.task", resId: 1, type: "form", arch: TIMER_FORM });
        expect(".o_acct_timer_elapsed").toHaveCount(1);
        expect(".o_acct_timer_elapsed").toHaveText(/^Running since\s*09:15/);
        // 44 min 30 s since the start, give or take the seconds the mount itself takes (a
        // few on a loaded machine: the mocked clock runs on while the view loads).
        const shown = () => {
            const [hh, mm, ss] = queryFirst(".o_acct_timer_elapsed .badge")
                .textContent.split(":")
                .map(Number);
            return hh * 3600 + mm * 60 + ss;
        };
        const atMount = shown();
        expect(atMount - (44 * 60 + 30)).toBeWithin(0, 10);
        await advanceTime(1000);
        expect(shown()).toBe(atMount + 1);
        await advanceTime(60 * 1000);
        expect(shown()).toBe(atMount + 61);
    });

    test("a task without a running timer shows nothing", async () => {
        await mountView({ resModel: "project.task", resId: 2, type: "form", arch: TIMER_FORM });
        expect(".o_acct_timer_elapsed").toHaveCount(0);
    });
});

describe("my week", () => {
    preloadBundle("web.fullcalendar_lib");
    beforeEach(() => mockDate("2026-11-24T08:00:00", 0));

    async function mountMyWeek() {
        await mountView({
            resModel: "account.analytic.line",
            type: "calendar",
            arch: `
                <calendar js_class="acct_time_calendar" date_start="date" mode="week"
                          scales="day,week,month" hide_time="1">
                    <field name="name" />
                    <field name="unit_amount" widget="float_time" />
                </calendar>`,
        });
        await animationFrame();
    }

    test("hours read as Odoo's float_time widget shows them", () => {
        expect(formatHours(3.5)).toBe("3:30");
        expect(formatHours(0.25)).toBe("0:15");
        expect(formatHours(undefined)).toBe("0:00");
        const { DateTime } = luxon;
        const record = (date, unit_amount) => ({
            start: DateTime.fromISO(date),
            rawRecord: { unit_amount },
        });
        expect(
            dailyTotals([
                record("2026-11-23", 1.5),
                record("2026-11-23", 2),
                record("2026-11-25", 0),
            ])
        ).toEqual({ "2026-11-23": 3.5, "2026-11-25": 0 });
    });

    test("each day's header shows its total and each report its hours", async () => {
        await mountMyWeek();
        const totals = Object.fromEntries(
            [...document.querySelectorAll(".o_acct_day_total")].map((el) => [
                el.dataset.date,
                el.textContent,
            ])
        );
        expect(Object.keys(totals)).toHaveLength(7);
        expect(totals["2026-11-23"]).toBe("3:30");
        expect(totals["2026-11-24"]).toBe("0:00");
        expect(totals["2026-11-25"]).toBe("0:15");
        expect(queryAllTexts(".o_event .o_event_title .fw-bold").sort()).toEqual([
            "0:15",
            "1:30",
            "2:00",
        ]);
        expect(queryFirst(".o_event .o_event_title")).toHaveText(/^\d:\d\d\s*\S/);
    });

    test("the week's number reads in the user's language", async () => {
        const { Settings } = luxon;
        const locale = Settings.defaultLocale;
        Settings.defaultLocale = "bg-BG";
        after(() => (Settings.defaultLocale = locale));
        patchTranslations({ Week: "Седмица" });
        await mountMyWeek();
        expect(".fc-timegrid-axis-cushion:eq(0)").toHaveText("Седмица 48");
    });
});
