"""Reference catalogues the Odoo data files are written from.

``BG_DUE_RULES`` maps each obligation code of bg-statutory.md §1.2 to:

* ``rule``        - the due rule, in the notation of :mod:`acct_firm_core.calendar`;
* ``periodicity`` - 'month', 'quarter', 'year' or 'event' (see :mod:`acct_firm_core.periods`);
* ``window``      - True when ``rule`` is a filing window ``win[..]`` (the task can be done
  only from the window's opening date; the due date is its closing date);
* ``instalments`` - only for obligations paid in several parts: every rule string, in date
  order. ``rule`` is then the *first* instalment, so a single-date consumer still gets the
  earliest deadline; the Odoo layer creates one deadline per instalment.

The Odoo data author copies rule strings from here; ``tests/core/test_calendar.py`` checks
every one of them against hand-computed dates for 2025, 2026 and 2027. Rows marked VERIFY in
the reference use the best-known current rule and keep the VERIFY note in a comment.
Secondary dates (5% rebates, amended returns) are not deadlines of the obligation itself and
are only noted in comments.
"""

BG_DUE_RULES = {
    # ЗДДС: return and payment by the 14th of the next month, also for a nil month.
    "BG_VAT_RETURN": {"rule": "M+1:14", "periodicity": "month", "window": False},
    "BG_VIES": {"rule": "M+1:14", "periodicity": "month", "window": False},
    "BG_INTRASTAT": {"rule": "M+1:14", "periodicity": "month", "window": False},
    # КСО чл. 7(1), Наредба Н-13: by the 25th of the month after the month the work was done.
    "BG_SSC_D1_D6": {"rule": "M+1:25", "periodicity": "month", "window": False},
    "BG_PIT_PAYROLL": {"rule": "M+1:25", "periodicity": "month", "window": False},
    "BG_SELFINS_D1": {"rule": "M+1:25", "periodicity": "month", "window": False},
    # ЗКПО гл. 14: Jan-Mar advances all by 15 April, Apr-Nov by the 15th of the same month,
    # December by 1 December (NAP practice 2023 and 2025; older sources say 15 Dec).
    "BG_CIT_ADV_M": {
        "rule": "M1-3:Y:04-15|M4-11:M:15|M12:Y:12-01",
        "periodicity": "month",
        "window": False,
    },
    # Q4 is settled with the annual return, so it has no advance: 'none' (legal date None).
    "BG_CIT_ADV_Q": {
        "rule": "Q1:Y:04-15|Q2:Y:07-15|Q3:Y:12-01|Q4:none",
        "periodicity": "quarter",
        "window": False,
    },
    # Period = the year the advances are for; the declaration is filed in that year.
    "BG_CIT_ADV_DECL": {"rule": "win[Y:03-01..Y:04-15]", "periodicity": "year", "window": True},
    # ЗКПО чл. 88, optional change of the advances, in the year they are for.
    "BG_CIT_ADV_CHANGE": {"rule": "Y:11-15", "periodicity": "year", "window": False},
    # 31 Jan, 30 Apr, 31 Jul, 31 Oct: Q4 is due in January of the next year.
    "BG_WHT_Q": {"rule": "Q+1:EOM", "periodicity": "quarter", "window": False},
    # ЗДДФЛ (VERIFY чл. 67-68): Q1-Q3 only; Q4 is settled with the annual return.
    "BG_PIT_ADV_Q": {"rule": "Q1-3:Q+1:EOM|Q4:none", "periodicity": "quarter", "window": False},
    # ЗДДФЛ чл. 49 (VERIFY): employer's reconciliation by 31 January of the next year.
    "BG_PIT_RECON": {"rule": "Y+1:01-31", "periodicity": "year", "window": False},
    # Period = the year the insurance type applies to; declared in January of that year.
    "BG_SELFINS_TYPE": {"rule": "win[Y:01-01..Y:01-31]", "periodicity": "year", "window": True},
    # ЗДДФЛ чл. 73 says "28 February" literally, also in leap years, so 02-28 not EOM.
    "BG_PIT_ART73": {"rule": "Y+1:02-28", "periodicity": "year", "window": False},
    # 5% rebate if filed electronically and paid by Y+1:03-31 (not a deadline).
    "BG_PIT_ANNUAL": {
        "rule": "win[Y+1:01-10..Y+1:04-30]",
        "periodicity": "year",
        "window": True,
    },
    # ЗДДФЛ (VERIFY чл. 53): sole traders file with the companies, 1 March - 30 June.
    "BG_PIT_ANNUAL_ET": {
        "rule": "win[Y+1:03-01..Y+1:06-30]",
        "periodicity": "year",
        "window": True,
    },
    # Payment by the same 30 June; one amended return allowed by Y+1:09-30 (not a deadline).
    "BG_CIT_ANNUAL": {
        "rule": "win[Y+1:03-01..Y+1:06-30]",
        "periodicity": "year",
        "window": True,
    },
    # Consolidated report by Y+1:09-30 (a separate obligation if the firm ever needs it).
    "BG_NSI_GOD": {
        "rule": "win[Y+1:03-01..Y+1:06-30]",
        "periodicity": "year",
        "window": True,
    },
    # ЗСч чл. 38(1) as amended by ДВ 104/2020.
    "BG_GFO_PUBLISH": {"rule": "Y+1:09-30", "periodicity": "year", "window": False},
    "BG_NO_ACTIVITY": {"rule": "Y+1:06-30", "periodicity": "year", "window": False},
    # ЗМДТ (VERIFY чл. 28): two instalments, 30 June and 31 October of the tax year. The 5%
    # rebate for paying the whole year by Y:04-30 is an option, not a deadline.
    "BG_LOCAL_PROPERTY": {
        "rule": "Y:06-30",
        "periodicity": "year",
        "window": False,
        "instalments": ("Y:06-30", "Y:10-31"),
    },
    "BG_LOCAL_VEHICLE": {
        "rule": "Y:06-30",
        "periodicity": "year",
        "window": False,
        "instalments": ("Y:06-30", "Y:10-31"),
    },
    # КТ чл. 62(5): 3 days after signing or amending the contract. The notice after a
    # termination is due in 7 days (VERIFY): a different event, so if it is tracked it needs
    # its own code with 'ev+7d'.
    "EV_EMPL_CONTRACT": {"rule": "ev+3d", "periodicity": "event", "window": False},
    "EV_SELFINS_START": {"rule": "ev+7d", "periodicity": "event", "window": False},
    # ЗМДТ: two months from the acquisition, month-counted (ЗЗД чл. 72 clamp).
    "EV_VEHICLE_DECL": {"rule": "ev+2m", "periodicity": "event", "window": False},
    # VERIFY. Best-known current rule (Наредба за паричните обезщетения и помощи от ДОО,
    # чл. 8, since 2016): the employer sends the sick-leave data (Приложение 9) by the 10th
    # of the month after the month in which it received the sick-leave certificate. The
    # event is that receipt; an anchor rule works on an event date like on a period start.
    # The older "2 working days after pay" rule cannot be expressed without payroll data.
    "EV_NOI_SICK": {"rule": "M+1:10", "periodicity": "event", "window": False},
}
