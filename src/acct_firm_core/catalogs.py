"""Reference catalogues the Odoo data files are written from.

``BG_DUE_RULES`` maps each obligation code of the catalogue (the table in
addons/acct_firm_crm/readme/CONFIGURE.md, with the article and source of each) to:

* ``rule``        - the due rule, in the notation of :mod:`acct_firm_core.deadlines`;
* ``periodicity`` - 'month', 'quarter', 'year' or 'event' (see :mod:`acct_firm_core.periods`);
* ``window``      - True when ``rule`` is a filing window ``win[..]`` (the task can be done
  only from the window's opening date; the due date is its closing date);
* ``instalments`` - only for obligations paid in several parts: every rule string, in date
  order. ``rule`` is then the *first* instalment, so a single-date consumer still gets the
  earliest deadline; the Odoo layer creates one deadline per instalment.

The Odoo data author copies rule strings from here; ``tests/core/test_deadlines.py`` checks
every one of them against hand-computed dates for 2025, 2026 and 2027. Each comment names the
article that states the deadline; the Odoo record carries the same article in
``legal_reference`` and the page that states it in ``source_url``.
The two 5% rebates are not deadlines of an obligation but optional reminders
(``BG_PIT_REBATE``, ``BG_LOCAL_REBATE``): a client gets them only when the firm ticks
"Rebate reminders" on its profile. Amended returns are only noted in comments.
"""

BG_DUE_RULES = {
    # ЗДДС чл. 125, ал. 1 и 5: return with the ledgers of чл. 124 by the 14th of the next
    # month, also for a nil month; чл. 89, ал. 1: the tax is paid in the same term.
    "BG_VAT_RETURN": {"rule": "M+1:14", "periodicity": "month", "window": False},
    # ЗДДС чл. 125, ал. 2 и 5: the VIES return goes with the VAT return of the month.
    "BG_VIES": {"rule": "M+1:14", "periodicity": "month", "window": False},
    # ЗСВОТС чл. 11, ал. 1: by the 14th of the month after the reference month (the 2012 Act
    # moved it from the 10th).
    "BG_INTRASTAT": {"rule": "M+1:14", "periodicity": "month", "window": False},
    # КСО чл. 7(1), Наредба Н-13: by the 25th of the month after the month the work was done.
    "BG_SSC_D1_D6": {"rule": "M+1:25", "periodicity": "month", "window": False},
    "BG_PIT_PAYROLL": {"rule": "M+1:25", "periodicity": "month", "window": False},
    "BG_SELFINS_D1": {"rule": "M+1:25", "periodicity": "month", "window": False},
    # ЗКПО гл. 14: Jan-Mar advances all by 15 April, Apr-Nov by the 15th of the same month,
    # December by 1 December (NAP announced it for 2023, 2024 and 2025; sources older than
    # 2023 say 15 December).
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
    # ЗДДФЛ чл. 55, ал. 1: the person who pays the advance himself declares it with the
    # form of чл. 55 by the end of the month after the quarter; none for Q4 (NAP).
    "BG_PIT_ADV_Q": {"rule": "Q1-3:Q+1:EOM|Q4:none", "periodicity": "quarter", "window": False},
    # ЗДДФЛ чл. 49, ал. 1, 5 and 6: the employer computes the annual tax by 31 January of the
    # next year and withholds or refunds the difference (the official form of the чл. 45
    # certificate: given when the чл. 49, ал. 5 and 6 step is not done by 31 January).
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
    # ЗДДФЛ чл. 53, ал. 1, т. 2: traders, sole traders included, file 1 March - 30 June.
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
    # ЗМДТ чл. 28, ал. 1: two equal instalments, 30 June and 31 October of the tax year.
    # The 5% rebate of чл. 28, ал. 2 for the whole year paid by 30 April: BG_LOCAL_REBATE.
    "BG_LOCAL_PROPERTY": {
        "rule": "Y:06-30",
        "periodicity": "year",
        "window": False,
        "instalments": ("Y:06-30", "Y:10-31"),
    },
    # ЗМДТ чл. 60, ал. 1: the same two instalments, and 5% off when the whole year is paid
    # by 30 April (BG_LOCAL_REBATE).
    "BG_LOCAL_VEHICLE": {
        "rule": "Y:06-30",
        "periodicity": "year",
        "window": False,
        "instalments": ("Y:06-30", "Y:10-31"),
    },
    # КТ чл. 62, ал. 5: 3 days after signing or amending the contract, 7 days after its
    # termination: two events, two codes.
    "EV_EMPL_CONTRACT": {"rule": "ev+3d", "periodicity": "event", "window": False},
    "EV_EMPL_TERMINATION": {"rule": "ev+7d", "periodicity": "event", "window": False},
    "EV_SELFINS_START": {"rule": "ev+7d", "periodicity": "event", "window": False},
    # ЗМДТ чл. 54: two months from the acquisition, month-counted (ЗЗД чл. 72 clamp). Since
    # 2015 the tax of a vehicle registered with the МВР is set from the register, so the
    # declaration is needed only in the cases the note of the record lists.
    "EV_VEHICLE_DECL": {"rule": "ev+2m", "periodicity": "event", "window": False},
    # Наредба за паричните обезщетения и помощи от ДОО, чл. 8, ал. 1 (since 2016): the
    # employer sends the certificate of Приложение № 9 by the 10th of the month after the
    # month in which the sick-leave certificate reached it. The event is that receipt; an
    # anchor rule works on an event date like on a period start. The "2 working days after
    # pay" rule of older sources is the text in force before 2016.
    "EV_NOI_SICK": {"rule": "M+1:10", "periodicity": "event", "window": False},
    # Optional reminders (off unless the client's "Rebate reminders" is ticked).
    # ЗДДФЛ чл. 53, ал. 3: 5% off the tax due with the annual return filed electronically
    # and paid by 31 March (NAP, tax campaign 2026).
    "BG_PIT_REBATE": {"rule": "Y+1:03-31", "periodicity": "year", "window": False},
    # ЗМДТ чл. 28, ал. 2 and чл. 60, ал. 1: 5% off the real-estate and the vehicle tax of
    # the whole year paid by 30 April of that year.
    "BG_LOCAL_REBATE": {"rule": "Y:04-30", "periodicity": "year", "window": False},
}
