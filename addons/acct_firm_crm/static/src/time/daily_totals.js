/** @odoo-module **/
// Sum of the hours logged per day, for the header of the "My week" calendar.

/**
 * @param {Iterable<{start: luxon.DateTime, rawRecord: Object}>} records calendar records
 * @returns {Object<string, number>} hours per ISO date ("2026-11-23": 3.5)
 */
export function dailyTotals(records) {
    const totals = {};
    for (const record of records) {
        const day = record.start.toISODate();
        totals[day] = (totals[day] || 0) + (record.rawRecord.unit_amount || 0);
    }
    return totals;
}

/** 3.5 -> "3:30", as Odoo's float_time widget shows hours. */
export function formatHours(hours) {
    const minutes = Math.round((hours || 0) * 60);
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}
