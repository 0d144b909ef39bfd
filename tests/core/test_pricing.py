"""Tests of the fee maths: every model, tier boundaries, proration, rounding and validation."""

import datetime
import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from acct_firm_core import pricing
from acct_firm_core.pricing import (
    LINE_CAP,
    LINE_DOCUMENTS,
    LINE_FIXED,
    LINE_INCLUDED,
    LINE_MINIMUM,
    LINE_OVERAGE,
    FeeLine,
    PricingError,
    Tier,
    period_fee,
    proration_factor,
    validate_tiers,
)

# Documents 1..100 at 1.00, 101..250 at 0.80, 251 and above at 0.50.
TIERS = [(0, 100, "1.00"), (100, 250, "0.80"), (250, None, "0.50")]


def amounts(breakdown):
    return [line.amount for line in breakdown.lines]


# ---------------------------------------------------------------------------------------------
# fixed
# ---------------------------------------------------------------------------------------------


def test_fixed_full_period():
    fee = period_fee("fixed", fixed_amount="250.00")
    assert fee.total == D("250.00")
    assert fee.lines == (FeeLine(LINE_FIXED, D(1), D("250.00"), D("250.00")),)
    assert fee.factor == 1
    assert not fee.minimum_applied and not fee.cap_applied


def test_fixed_ignores_unused_arguments():
    # The Odoo layer passes every engagement field; only the model's own ones count.
    fee = period_fee("fixed", fixed_amount=100, quantity=500, tiers=TIERS, unit_price=3)
    assert fee.total == D("100.00")


# ---------------------------------------------------------------------------------------------
# per_document: graduated vs volume on the same tiers, hand-computed
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "graduated", "volume"),
    [
        (0, "0.00", "0.00"),
        (1, "1.00", "1.00"),
        (100, "100.00", "100.00"),  # exactly on the first bound: still tier 0
        (101, "100.80", "80.80"),  # first document of the next tier
        (250, "220.00", "200.00"),  # 100*1.00 + 150*0.80 | 250*0.80
        (251, "220.50", "125.50"),  # + 1*0.50            | 251*0.50
        (300, "245.00", "150.00"),  # 100 + 120 + 50*0.50 | 300*0.50
    ],
)
def test_graduated_and_volume(quantity, graduated, volume):
    assert period_fee("per_document", quantity=quantity, tiers=TIERS).total == D(graduated)
    fee = period_fee("per_document", quantity=quantity, tiers=TIERS, tier_mode="volume")
    assert fee.total == D(volume)


def test_graduated_lines_one_per_tier_touched():
    fee = period_fee("per_document", quantity=300, tiers=TIERS)
    assert fee.lines == (
        FeeLine(LINE_DOCUMENTS, D(100), D("1.00"), D("100.00"), 0),
        FeeLine(LINE_DOCUMENTS, D(150), D("0.80"), D("120.00"), 1),
        FeeLine(LINE_DOCUMENTS, D(50), D("0.50"), D("25.00"), 2),
    )


def test_graduated_on_bound_has_no_empty_next_line():
    fee = period_fee("per_document", quantity=100, tiers=TIERS)
    assert [line.tier_index for line in fee.lines] == [0]
    fee = period_fee("per_document", quantity=101, tiers=TIERS)
    assert [(line.quantity, line.tier_index) for line in fee.lines] == [(100, 0), (1, 1)]


def test_volume_single_line_with_tier_of_total():
    fee = period_fee("per_document", quantity=251, tiers=TIERS, tier_mode="volume")
    assert fee.lines == (FeeLine(LINE_DOCUMENTS, D(251), D("0.50"), D("125.50"), 2),)


@pytest.mark.parametrize("mode", ["graduated", "volume"])
def test_zero_documents_still_prints_the_count(mode):
    fee = period_fee("per_document", quantity=0, tiers=TIERS, tier_mode=mode)
    assert fee.total == 0
    assert fee.lines == (FeeLine(LINE_DOCUMENTS, D(0), D("1.00"), D("0.00"), 0),)


def test_flat_unit_price():
    fee = period_fee("per_document", quantity=42, unit_price="1.25")
    assert fee.lines == (FeeLine(LINE_DOCUMENTS, D(42), D("1.25"), D("52.50"), None),)
    assert period_fee("per_document", quantity=0, unit_price="1.25").total == 0


# ---------------------------------------------------------------------------------------------
# minimum and cap
# ---------------------------------------------------------------------------------------------


def test_minimum_applies_below():
    fee = period_fee("per_document", quantity=50, tiers=TIERS, minimum=150, cap=200)
    assert fee.subtotal == D("50.00")
    assert fee.total == D("150.00")
    assert fee.minimum_applied and not fee.cap_applied
    assert fee.lines[-1] == FeeLine(LINE_MINIMUM, D(1), D("100.00"), D("100.00"))


def test_minimum_exactly_reached_is_not_applied():
    fee = period_fee("per_document", quantity=150, unit_price=1, minimum=150)
    assert fee.total == D("150.00") and not fee.minimum_applied
    assert [line.label_code for line in fee.lines] == [LINE_DOCUMENTS]


def test_cap_applies_above():
    fee = period_fee("per_document", quantity=300, tiers=TIERS, minimum=150, cap=200)
    assert fee.subtotal == D("245.00")
    assert fee.total == D("200.00")
    assert fee.cap_applied and not fee.minimum_applied
    assert fee.lines[-1] == FeeLine(LINE_CAP, D(1), D("-45.00"), D("-45.00"))


def test_between_minimum_and_cap():
    fee = period_fee("per_document", quantity=180, tiers=TIERS, minimum=150, cap=200)
    assert fee.total == D("164.00")  # 100 + 80*0.80
    assert not fee.minimum_applied and not fee.cap_applied


def test_minimum_applies_on_zero_documents():
    fee = period_fee("per_document", quantity=0, tiers=TIERS, minimum="75")
    assert fee.total == D("75.00") and fee.minimum_applied


def test_cap_bounds_hybrid_total():
    fee = period_fee(
        "hybrid", fixed_amount=300, included_quantity=100, unit_price=2, quantity=200, cap=400
    )
    assert fee.subtotal == D("500.00") and fee.total == D("400.00") and fee.cap_applied


# ---------------------------------------------------------------------------------------------
# hybrid
# ---------------------------------------------------------------------------------------------


def hybrid(quantity, **kwargs):
    kwargs.setdefault("unit_price", "1.50")
    return period_fee(
        "hybrid", fixed_amount=300, included_quantity=100, quantity=quantity, **kwargs
    )


def test_hybrid_without_overage():
    fee = hybrid(80)
    assert fee.total == D("300.00")
    assert fee.included_quantity == 100
    assert fee.lines == (
        FeeLine(LINE_FIXED, D(1), D(300), D("300.00")),
        FeeLine(LINE_INCLUDED, D(80), D(0), D("0.00")),
    )


def test_hybrid_exactly_included_has_no_overage_line():
    fee = hybrid(100)
    assert fee.total == D("300.00")
    assert [line.label_code for line in fee.lines] == [LINE_FIXED, LINE_INCLUDED]


def test_hybrid_with_overage():
    fee = hybrid(120)
    assert fee.total == D("330.00")
    assert fee.lines[-1] == FeeLine(LINE_OVERAGE, D(20), D("1.50"), D("30.00"), None)


def test_hybrid_overage_by_tiers():
    # Tiers count overage documents: 80 over -> 50 at 2.00 + 30 at 1.00 (graduated).
    tiers = [(0, 50, "2.00"), (50, None, "1.00")]
    graduated = hybrid(180, unit_price=None, tiers=tiers)
    assert graduated.total == D("430.00")
    assert [(line.label_code, line.quantity, line.tier_index) for line in graduated.lines[2:]] == [
        (LINE_OVERAGE, 50, 0),
        (LINE_OVERAGE, 30, 1),
    ]
    volume = hybrid(180, unit_price=None, tiers=tiers, tier_mode="volume")
    assert volume.total == D("380.00")  # 80 * 1.00


def test_hybrid_zero_documents():
    fee = hybrid(0)
    assert fee.total == D("300.00")
    assert fee.lines[1] == FeeLine(LINE_INCLUDED, D(0), D(0), D("0.00"))


# ---------------------------------------------------------------------------------------------
# proration
# ---------------------------------------------------------------------------------------------

SEP_1, SEP_30 = datetime.date(2025, 9, 1), datetime.date(2025, 9, 30)
OCT_1, OCT_31 = datetime.date(2025, 10, 1), datetime.date(2025, 10, 31)


def test_proration_factor_full_and_partial():
    assert proration_factor(SEP_1, SEP_30) == 1
    assert proration_factor(SEP_1, SEP_30, service_start=SEP_1) == 1
    # Start on the 16th of a 30-day month: 16..30 = 15 days.
    assert proration_factor(SEP_1, SEP_30, service_start=datetime.date(2025, 9, 16)) == D("0.5")
    # End on the 10th of a 31-day month.
    factor = proration_factor(OCT_1, OCT_31, service_end=datetime.date(2025, 10, 10))
    assert factor == D(10) / D(31)
    # Start and end inside the period: 5..20 = 16 days.
    inside = proration_factor(SEP_1, SEP_30, datetime.date(2025, 9, 5), datetime.date(2025, 9, 20))
    assert inside == D(16) / D(30)
    # Leap February: one day out of 29.
    feb = proration_factor(
        datetime.date(2024, 2, 1), datetime.date(2024, 2, 29), datetime.date(2024, 2, 29)
    )
    assert feb == D(1) / D(29)


def test_proration_factor_no_overlap_is_zero():
    assert proration_factor(SEP_1, SEP_30, service_start=OCT_1) == 0
    assert proration_factor(OCT_1, OCT_31, service_end=SEP_30) == 0


def test_prorated_first_month_fixed():
    factor = proration_factor(SEP_1, SEP_30, service_start=datetime.date(2025, 9, 16))
    fee = period_fee("fixed", fixed_amount=300, factor=factor)
    assert fee.total == D("150.00")
    assert fee.lines[0] == FeeLine(LINE_FIXED, D("0.5"), D(300), D("150.00"))


def test_prorated_last_month_fixed():
    factor = proration_factor(OCT_1, OCT_31, service_end=datetime.date(2025, 10, 10))
    assert period_fee("fixed", fixed_amount=310, factor=factor).total == D("100.00")
    # 250 * 10/31 = 80.645... -> 80.65
    assert period_fee("fixed", fixed_amount=250, factor=factor).total == D("80.65")


def test_prorated_hybrid_included_rounds_down():
    # First month from the 16th: 300 -> 150, 50 included -> 25; 40 documents -> 15 over.
    fee = period_fee(
        "hybrid",
        fixed_amount=300,
        included_quantity=50,
        unit_price="1.50",
        quantity=40,
        factor="0.5",
    )
    assert fee.included_quantity == 25
    assert fee.total == D("172.50")  # 150 + 15 * 1.50
    # Last month to the 10th of October: 50 * 10/31 = 16.13 -> 16 whole documents.
    factor = proration_factor(OCT_1, OCT_31, service_end=datetime.date(2025, 10, 10))
    fee = period_fee(
        "hybrid", fixed_amount=310, included_quantity=50, unit_price=1, quantity=20, factor=factor
    )
    assert fee.included_quantity == 16
    assert fee.total == D("104.00")  # 100 + 4 * 1
    # Even 0.99 of a document is not included.
    fee = period_fee(
        "hybrid", fixed_amount=0, included_quantity=1, unit_price=1, quantity=1, factor="0.99"
    )
    assert fee.included_quantity == 0 and fee.total == D("1.00")


def test_prorated_minimum_and_cap():
    fee = period_fee("per_document", quantity=10, unit_price=1, minimum=100, factor="0.5")
    assert fee.minimum == D("50.00") and fee.total == D("50.00") and fee.minimum_applied
    fee = period_fee("per_document", quantity=300, unit_price=1, cap=200, factor="0.5")
    assert fee.cap == D("100.00") and fee.total == D("100.00") and fee.cap_applied


def test_tier_bounds_are_not_prorated():
    # Half a month, 150 documents: the volume discount stays at its full-period bounds.
    fee = period_fee("per_document", quantity=150, tiers=TIERS, factor="0.5")
    assert fee.total == D("140.00")  # 100 * 1.00 + 50 * 0.80


def test_zero_factor():
    assert period_fee("fixed", fixed_amount=300, factor=0).total == 0


# ---------------------------------------------------------------------------------------------
# money and rounding
# ---------------------------------------------------------------------------------------------


def test_rounding_half_up_of_half_a_cent():
    # Banker's rounding would give 0.00 and 0.12; the firm rounds half up.
    assert period_fee("per_document", quantity=1, unit_price="0.005").total == D("0.01")
    assert period_fee("fixed", fixed_amount="0.125").total == D("0.13")
    assert period_fee("fixed", fixed_amount="0.124").total == D("0.12")


def test_float_inputs_keep_their_decimal_meaning():
    # float 2.675 is 2.67499999... in binary; read as written it rounds half up to 2.68.
    assert period_fee("fixed", fixed_amount=2.675).total == D("2.68")
    assert period_fee("per_document", quantity=1, unit_price=0.005).total == D("0.01")


def test_currency_decimals():
    assert period_fee("fixed", fixed_amount="2.5", decimals=0).total == D("3")
    assert period_fee("fixed", fixed_amount="1.0005", decimals=3).total == D("1.001")
    assert str(period_fee("fixed", fixed_amount=7).total) == "7.00"


def test_each_line_is_rounded_and_total_is_their_sum():
    # 3 documents at 0.335 = 1.005 -> 1.01 on one line; graduated lines round separately.
    tiers = [(0, 1, "0.335"), (1, None, "0.335")]
    fee = period_fee("per_document", quantity=3, tiers=tiers)
    assert amounts(fee) == [D("0.34"), D("0.67")]  # 0.335 -> 0.34, 0.670 -> 0.67
    assert fee.total == D("1.01")
    for quantity in range(0, 400, 7):
        for mode in ("graduated", "volume"):
            fee = period_fee(
                "per_document", quantity=quantity, tiers=TIERS, tier_mode=mode, minimum=30, cap=180
            )
            assert fee.total == sum(amounts(fee))


def test_breakdown_is_frozen():
    fee = period_fee("fixed", fixed_amount=1)
    with pytest.raises(AttributeError):
        fee.total = D(0)


# ---------------------------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------------------------


def test_validate_tiers_returns_decimals():
    assert validate_tiers(TIERS) == (
        Tier(D(0), D(100), D("1.00")),
        Tier(D(100), D(250), D("0.80")),
        Tier(D(250), None, D("0.50")),
    )
    assert validate_tiers([(0, None, 0)]) == (Tier(D(0), None, D(0)),)


@pytest.mark.parametrize(
    ("tiers", "code", "params"),
    [
        ([], "no_tiers", {}),
        (None, "no_tiers", {}),
        ([(0, 100)], "invalid_tier", {"index": 0, "position": 1}),
        (["abc"], "invalid_tier", {"index": 0}),
        ([(0, None, "abc")], "invalid_number", {"field": "unit_price"}),
        ([(0, None, float("nan"))], "invalid_number", {"field": "unit_price"}),
        ([(0, None, True)], "invalid_number", {"field": "unit_price"}),
        ([(0, 100, "1"), (100, None, "-0.5")], "negative_price", {"index": 1, "position": 2}),
        ([(-5, None, 1)], "negative_quantity", {"field": "from_qty"}),
        ([(0, -5, 1)], "negative_quantity", {"field": "to_qty"}),
        ([(1, None, 1)], "tier_not_from_zero", {"from_qty": D(1)}),
        ([(0, 0, 1), (0, None, 1)], "tier_bounds_not_increasing", {"index": 0}),
        ([(0, 100, 1), (100, 50, 1)], "tier_bounds_not_increasing", {"index": 1}),
        ([(0, None, 1), (100, None, 1)], "open_tier_not_last", {"index": 0, "position": 1}),
        # (101, ...) is the "documents numbered from 1" habit: quantity 100..101 has no price.
        ([(0, 100, 1), (101, None, 1)], "tier_gap", {"prev_to": D(100), "from_qty": D(101)}),
        ([(0, 100, 1), (50, None, 1)], "tier_overlap", {"prev_to": D(100), "position": 2}),
        ([(0, 100, 1)], "last_tier_closed", {"to_qty": D(100), "index": 0}),
        # Out of order is never re-sorted: reported where it goes wrong.
        ([(100, None, 1), (0, 100, 1)], "tier_not_from_zero", {"from_qty": D(100)}),
    ],
)
def test_validate_tiers_errors(tiers, code, params):
    with pytest.raises(PricingError) as info:
        validate_tiers(tiers)
    assert info.value.code == code
    assert params.items() <= info.value.params.items()
    assert str(info.value)  # an English message for logs and tests


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"model": "monthly"}, "unknown_model"),
        ({"model": "fixed"}, "missing_fixed_amount"),
        ({"model": "hybrid", "unit_price": 1}, "missing_fixed_amount"),
        ({"model": "per_document"}, "missing_price"),
        ({"model": "per_document", "tiers": []}, "missing_price"),
        ({"model": "per_document", "unit_price": 1, "tiers": TIERS}, "price_and_tiers"),
        ({"model": "per_document", "tiers": TIERS, "tier_mode": "flat"}, "unknown_tier_mode"),
        ({"model": "per_document", "tiers": [(0, 10, 1)]}, "last_tier_closed"),
        ({"model": "per_document", "unit_price": -1}, "negative_price"),
        ({"model": "per_document", "unit_price": 1, "quantity": -1}, "negative_quantity"),
        ({"model": "per_document", "unit_price": 1, "quantity": "x"}, "invalid_number"),
        ({"model": "fixed", "fixed_amount": -1}, "negative_amount"),
        ({"model": "fixed", "fixed_amount": 1, "minimum": -1}, "negative_amount"),
        ({"model": "fixed", "fixed_amount": 1, "cap": -1}, "negative_amount"),
        ({"model": "fixed", "fixed_amount": 1, "minimum": 200, "cap": 100}, "min_above_cap"),
        ({"model": "fixed", "fixed_amount": 1, "factor": "1.5"}, "invalid_factor"),
        ({"model": "fixed", "fixed_amount": 1, "factor": -0.1}, "invalid_factor"),
        ({"model": "fixed", "fixed_amount": 1, "decimals": -1}, "invalid_decimals"),
        ({"model": "fixed", "fixed_amount": 1, "decimals": 2.0}, "invalid_decimals"),
        (
            {"model": "hybrid", "fixed_amount": 1, "unit_price": 1, "included_quantity": -1},
            "negative_quantity",
        ),
    ],
)
def test_period_fee_errors(kwargs, code):
    model = kwargs.pop("model")
    with pytest.raises(PricingError) as info:
        period_fee(model, **kwargs)
    assert info.value.code == code
    assert isinstance(info.value, ValueError)


def test_error_params_and_message():
    with pytest.raises(PricingError) as info:
        period_fee("fixed", fixed_amount=1, minimum="200", cap="100")
    assert info.value.params == {"minimum": D(200), "cap": D(100)}
    assert str(info.value) == "The minimum fee 200 is above the fee cap 100."


def test_minimum_equal_to_cap_is_allowed():
    assert period_fee("per_document", unit_price=1, quantity=5, minimum=50, cap=50).total == 50


def test_proration_factor_invalid_dates():
    with pytest.raises(PricingError) as info:
        proration_factor(SEP_30, SEP_1)
    assert info.value.code == "invalid_period" and info.value.params["field"] == "period"
    with pytest.raises(PricingError) as info:
        proration_factor(SEP_1, SEP_30, datetime.date(2025, 9, 20), datetime.date(2025, 9, 10))
    assert info.value.code == "invalid_period" and info.value.params["field"] == "service"


def test_received_quantities_count_a_period_once_and_the_protocol_wins():
    from acct_firm_core.pricing import received_quantities

    protocols = {(1, "issued_invoices", "2026-10-01"): 40}
    uploads = {
        (1, "issued_invoices", "2026-10-01"): 12,
        (1, "issued_invoices", "2026-11-01"): 7,
    }
    assert received_quantities(protocols, uploads) == {
        (1, "issued_invoices", "2026-10-01"): 40,
        (1, "issued_invoices", "2026-11-01"): 7,
    }


def test_every_error_code_has_its_one_message():
    """Each code the module raises has its wording in MESSAGES, the one the addon translates."""
    source = Path(pricing.__file__).read_text(encoding="utf-8")
    raised = set(re.findall(r'PricingError\(\s*"(\w+)"', source))
    raised |= set(re.findall(r'_non_negative\([^)]*"(negative_\w+)"', source))
    assert raised and raised <= set(pricing.MESSAGES)
    assert str(pricing.PricingError("tier_gap", position=2, prev_to=100, from_qty=120)) == (
        "Tier 2 leaves documents 100 to 120 without a price: it must start where the previous "
        "tier ends (100)."
    )
