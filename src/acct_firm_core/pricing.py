"""Fee maths of engagements: the fee of one billing period.

An engagement (a contract with a client) has one fee model:

* ``'fixed'``: a fixed amount per period.
* ``'per_document'``: a price per processed document, flat (``unit_price``) or by quantity
  tiers, either ``'graduated'`` (each document is priced by the tier it falls in, like tax
  brackets) or ``'volume'`` (every document is priced at the tier the total falls in), with an
  optional minimum and cap on the period fee.
* ``'hybrid'``: a fixed amount that includes a number of documents, plus a per-document price
  (flat or tiers) for the documents above the included quantity (the overage).

Conventions, chosen once and used everywhere in this module:

Tier bounds
    A tier is ``(from_qty, to_qty, unit_price)``; bounds are points on the quantity axis, like
    tax brackets. The tier covers the documents numbered ``from_qty + 1`` to ``to_qty``:
    ``(0, 100, p)`` covers documents 1..100 and ``(100, 250, q)`` documents 101..250. So the
    next tier starts exactly where the previous one ends, the first tier starts at 0 and
    ``to_qty=None`` means "and above" (only allowed, and required, on the last tier, so that
    every quantity has a price and the monthly billing run can never meet an unpriced quantity).
    In volume mode a total of exactly 100 falls in the ``(0, 100)`` tier and 101 in the next.
    Tiers must be given in ascending order; they are never re-sorted, so a mistake in the
    order shows as a clear gap/overlap error instead of being silently "fixed".

Proration
    A partial first or last period is billed with ``factor = days covered / days in period``
    (see :func:`proration_factor`). The factor scales the fixed amount, the minimum, the cap
    and the included quantity of a hybrid model. Tier bounds and unit prices are *not* scaled:
    a document costs the same whatever day it arrives, and the firm does not want the volume
    discount to shift in short periods. The prorated included quantity is rounded *down* to a
    whole number of documents: documents are whole, and rounding down never gives away a
    document the client has not paid a full share of (50 included, 15 of 30 days -> 25;
    16 of 31 days -> 25.8 -> 25).

Money
    ``decimal.Decimal`` throughout; every line amount is rounded ROUND_HALF_UP to the currency's
    decimals and the total is the sum of the rounded lines, so the usage statement printed on
    the invoice always adds up. Floats are converted through their shortest ``repr`` so that
    ``2.675`` means 2.675 (and rounds to 2.68), not the binary 2.67499999...

Errors
    Bad input raises :class:`PricingError` (a ``ValueError``) with a machine ``code`` and
    ``params``; its message is written once, in ``MESSAGES``, and the Odoo layer translates it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

from .messages import CodedError

MODELS = ("fixed", "per_document", "hybrid")
TIER_MODES = ("graduated", "volume")

# Label codes of FeeLine: the Odoo layer maps them to translated labels on the usage statement.
LINE_FIXED = "fixed_fee"  # the fixed amount of 'fixed' and 'hybrid' (quantity = proration factor)
LINE_INCLUDED = "included_documents"  # hybrid: documents covered by the fixed amount (amount 0)
LINE_DOCUMENTS = "documents"  # per_document: documents priced by a tier or the flat price
LINE_OVERAGE = "overage_documents"  # hybrid: documents above the included quantity
LINE_MINIMUM = "minimum_topup"  # brings the period fee up to the minimum
LINE_CAP = "cap_reduction"  # brings the period fee down to the cap (negative amount)

# A private context so that results never depend on a caller's global decimal settings.
_CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)

# The one wording of each error, in English with ``%(name)s`` placeholders that ``params``
# fill. The addon translates these very strings at the edge (``env._(MESSAGES[code],
# **params)``); scripts/i18n_bg.py puts them in the addon's .pot and bg.po. Extra params are
# ignored; every placeholder is a param of each ``raise`` of its code.
MESSAGES = {
    "no_tiers": "Add at least one price tier.",
    "invalid_tier": "Tier %(position)s is incomplete.",
    "invalid_number": "%(field)s is not a number (%(value)s).",
    "negative_price": "Prices cannot be negative.",
    "negative_quantity": "Quantities cannot be negative.",
    "negative_amount": "Amounts cannot be negative.",
    "tier_not_from_zero": "The first tier must start at 0, not %(from_qty)s.",
    "tier_bounds_not_increasing": (
        "Tier %(position)s must end above where it starts (from %(from_qty)s to %(to_qty)s)."
    ),
    "open_tier_not_last": (
        "Only the last tier may be open-ended (up to 0); tier %(position)s is not last."
    ),
    "tier_gap": (
        "Tier %(position)s leaves documents %(prev_to)s to %(from_qty)s without a price: it "
        "must start where the previous tier ends (%(prev_to)s)."
    ),
    "tier_overlap": (
        "Tier %(position)s starts at %(from_qty)s, inside the previous tier that ends at "
        "%(prev_to)s."
    ),
    "last_tier_closed": (
        "The last tier must be open-ended (up to 0) so that every quantity has a price."
    ),
    "unknown_model": "Unknown fee model.",
    "unknown_tier_mode": "Unknown tier mode.",
    "missing_fixed_amount": "Set the fixed fee of a period.",
    "missing_price": "Set the price per document or the price tiers.",
    "price_and_tiers": "Give either a price per document or tiers, not both.",
    "min_above_cap": "The minimum fee %(minimum)s is above the fee cap %(cap)s.",
    "invalid_factor": "The proration factor is out of range.",
    "invalid_decimals": "The currency's decimals are invalid.",
    "invalid_period": "The period ends before it starts.",
}


class PricingError(CodedError):
    """Bad pricing input: ``code`` says what is wrong, ``params`` carries the values.

    The message is ``MESSAGES[code]`` filled with ``params``, in English; the Odoo layer
    translates the same template and fills in the same ``params``.
    """

    messages = MESSAGES


@dataclass(frozen=True)
class Tier:
    """One validated price tier: documents ``from_qty + 1`` .. ``to_qty`` (None = no end)."""

    from_qty: Decimal
    to_qty: Decimal | None
    unit_price: Decimal


@dataclass(frozen=True)
class FeeLine:
    """One line of the usage statement.

    ``label_code`` is one of the ``LINE_*`` constants; ``tier_index`` is the 0-based index of
    the tier that priced the line, or None when no tier is involved (fixed fee, included
    documents, a flat unit price, minimum or cap). ``amount`` is already rounded.
    """

    label_code: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    tier_index: int | None = None


@dataclass(frozen=True)
class FeeBreakdown:
    """The fee of one period and why: ``total`` is always the sum of ``lines``' amounts.

    ``subtotal`` is the fee before the minimum or cap; ``minimum`` and ``cap`` are the prorated
    and rounded bounds (None when not set); ``included_quantity`` is the prorated allowance of a
    hybrid model (0 otherwise).
    """

    model: str
    total: Decimal
    lines: tuple[FeeLine, ...]
    factor: Decimal
    quantity: Decimal
    included_quantity: Decimal
    subtotal: Decimal
    minimum: Decimal | None
    cap: Decimal | None
    minimum_applied: bool
    cap_applied: bool


def _to_decimal(value, field: str, **params) -> Decimal:
    """Convert a number to Decimal; floats go through ``repr`` to keep their decimal meaning."""
    if isinstance(value, bool):  # bool is an int in Python, but never a price or a count
        raise PricingError("invalid_number", field=field, value=value, **params)
    if isinstance(value, float):
        value = repr(value)
    try:
        result = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise PricingError("invalid_number", field=field, value=value, **params)
    if not result.is_finite():
        raise PricingError("invalid_number", field=field, value=value, **params)
    return result


def _non_negative(value, field: str, code: str, **params) -> Decimal:
    """Convert and refuse negatives with the given error ``code``."""
    result = _to_decimal(value, field, **params)
    if result < 0:
        raise PricingError(code, field=field, value=result, **params)
    return result


def validate_tiers(tiers) -> tuple[Tier, ...]:
    """Check a list of ``(from_qty, to_qty_or_None, unit_price)`` and return them as Tiers.

    Raises PricingError with one of: ``no_tiers``, ``invalid_tier``, ``invalid_number``,
    ``negative_quantity``, ``negative_price``, ``tier_bounds_not_increasing``,
    ``open_tier_not_last``, ``tier_not_from_zero``, ``tier_gap``, ``tier_overlap``,
    ``last_tier_closed``. Tier params carry ``index`` (0-based) and ``position`` (1-based).
    Checks run tier by tier in order, so the first wrong tier is the one reported.
    """
    if not tiers:
        raise PricingError("no_tiers")
    result = []
    for index, tier in enumerate(tiers):
        where = {"index": index, "position": index + 1}
        if isinstance(tier, (str, bytes)) or not hasattr(tier, "__len__") or len(tier) != 3:
            raise PricingError("invalid_tier", **where)
        raw_from, raw_to, raw_price = tier
        from_qty = _non_negative(raw_from, "from_qty", "negative_quantity", **where)
        to_qty = None
        if raw_to is not None:
            to_qty = _non_negative(raw_to, "to_qty", "negative_quantity", **where)
        unit_price = _non_negative(raw_price, "unit_price", "negative_price", **where)
        if to_qty is not None and to_qty <= from_qty:
            raise PricingError(
                "tier_bounds_not_increasing", from_qty=from_qty, to_qty=to_qty, **where
            )
        if index == 0:
            if from_qty != 0:
                raise PricingError("tier_not_from_zero", from_qty=from_qty, **where)
        else:
            prev = result[-1]
            # An open previous tier already covers everything: whatever follows is misplaced.
            if prev.to_qty is None:
                raise PricingError("open_tier_not_last", index=index - 1, position=index)
            if from_qty > prev.to_qty:
                raise PricingError("tier_gap", from_qty=from_qty, prev_to=prev.to_qty, **where)
            if from_qty < prev.to_qty:
                raise PricingError("tier_overlap", from_qty=from_qty, prev_to=prev.to_qty, **where)
        result.append(Tier(from_qty, to_qty, unit_price))
    if result[-1].to_qty is not None:
        last = len(result) - 1
        raise PricingError(
            "last_tier_closed", to_qty=result[-1].to_qty, index=last, position=last + 1
        )
    return tuple(result)


def proration_factor(
    period_start: datetime.date,
    period_end: datetime.date,
    service_start: datetime.date | None = None,
    service_end: datetime.date | None = None,
) -> Decimal:
    """Share of the billing period the service covers: days covered / days in period.

    All dates are inclusive; a missing service start or end means the service runs from
    before / until after the period. Service starting on the 16th of a 30-day month gives
    15/30 = 0.5. No overlap gives 0. The result is an exact Decimal (28 digits), not rounded:
    only money is rounded, once, on each line.
    """
    if period_end < period_start:
        raise PricingError("invalid_period", field="period", start=period_start, end=period_end)
    if service_start is not None and service_end is not None and service_end < service_start:
        raise PricingError("invalid_period", field="service", start=service_start, end=service_end)
    first = period_start if service_start is None else max(period_start, service_start)
    last = period_end if service_end is None else min(period_end, service_end)
    covered = max((last - first).days + 1, 0)
    days = (period_end - period_start).days + 1
    with localcontext(_CONTEXT):
        return Decimal(covered) / Decimal(days)


def _tier_index(quantity: Decimal, tiers: tuple[Tier, ...]) -> int:
    """Index of the tier a total falls in (volume mode); 0 documents fall in the first tier."""
    for index, tier in enumerate(tiers):
        if tier.to_qty is None or quantity <= tier.to_qty:
            return index
    raise AssertionError("validated tiers always end with an open tier")


def _priced_lines(quantity, tiers, mode, label, money) -> list[FeeLine]:
    """Lines pricing ``quantity`` documents by ``tiers`` in ``mode``; empty for 0 documents."""
    if quantity <= 0:
        return []
    if mode == "volume":
        index = _tier_index(quantity, tiers)
        price = tiers[index].unit_price
        return [FeeLine(label, quantity, price, money(quantity * price), index)]
    lines = []
    for index, tier in enumerate(tiers):
        top = quantity if tier.to_qty is None else min(quantity, tier.to_qty)
        in_tier = top - tier.from_qty
        if in_tier <= 0:
            break
        lines.append(
            FeeLine(label, in_tier, tier.unit_price, money(in_tier * tier.unit_price), index)
        )
    return lines


def period_fee(
    model: str,
    *,
    quantity=0,
    fixed_amount=None,
    unit_price=None,
    tiers=None,
    tier_mode: str = "graduated",
    included_quantity=0,
    minimum=None,
    cap=None,
    factor=1,
    decimals: int = 2,
) -> FeeBreakdown:
    """Fee of one billing period of an engagement, with the lines that explain it.

    :param model: ``'fixed'``, ``'per_document'`` or ``'hybrid'``.
    :param quantity: documents processed in the period (from handover protocols or postings).
    :param fixed_amount: amount per full period (fixed and hybrid).
    :param unit_price: flat price per document (per_document, hybrid overage); a flat price
        behaves like a single open tier but prints without a tier index.
    :param tiers: ``(from_qty, to_qty_or_None, unit_price)`` list, see :func:`validate_tiers`;
        give either ``unit_price`` or ``tiers``. In hybrid, tiers count overage documents
        (the first tier starts at the first document above the included quantity).
    :param tier_mode: ``'graduated'`` or ``'volume'``.
    :param included_quantity: documents included in the hybrid fixed amount (per full period).
    :param minimum: lower bound of the period fee (per full period), optional.
    :param cap: upper bound of the period fee (per full period), optional.
    :param factor: proration factor in [0, 1], see :func:`proration_factor`.
    :param decimals: decimals of the currency (2 for BGN and EUR).

    Arguments a model does not use are ignored, so the Odoo layer can pass every field of the
    engagement whatever its model. The minimum and cap bound the sum of the lines, whatever
    the model, and show as an extra ``minimum_topup`` / ``cap_reduction`` line.
    A per_document period always has at least one ``documents`` line (with quantity 0 when
    nothing was processed) so that the statement shows the count; a hybrid period has overage
    lines only when there is overage.
    """
    if model not in MODELS:
        raise PricingError("unknown_model", value=model, expected=", ".join(MODELS))
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise PricingError("invalid_decimals", value=decimals)
    with localcontext(_CONTEXT):
        exponent = Decimal(1).scaleb(-decimals)

        def money(amount: Decimal) -> Decimal:
            return amount.quantize(exponent, rounding=ROUND_HALF_UP)

        quantity = _non_negative(quantity, "quantity", "negative_quantity")
        factor = _to_decimal(factor, "factor")
        if not 0 <= factor <= 1:
            raise PricingError("invalid_factor", value=factor)

        # Minimum and cap: validated on full-period values, then prorated and rounded.
        if minimum is not None:
            minimum = _non_negative(minimum, "minimum", "negative_amount")
        if cap is not None:
            cap = _non_negative(cap, "cap", "negative_amount")
        if minimum is not None and cap is not None and minimum > cap:
            raise PricingError("min_above_cap", minimum=minimum, cap=cap)
        minimum = None if minimum is None else money(minimum * factor)
        cap = None if cap is None else money(cap * factor)

        lines: list[FeeLine] = []
        included = Decimal(0)
        if model in ("fixed", "hybrid"):
            if fixed_amount is None:
                raise PricingError("missing_fixed_amount", model=model)
            fixed = _non_negative(fixed_amount, "fixed_amount", "negative_amount")
            lines.append(FeeLine(LINE_FIXED, factor, fixed, money(fixed * factor)))
        if model in ("per_document", "hybrid"):
            if tier_mode not in TIER_MODES:
                raise PricingError(
                    "unknown_tier_mode", value=tier_mode, expected=", ".join(TIER_MODES)
                )
            if unit_price is not None and tiers:
                raise PricingError("price_and_tiers")
            if unit_price is not None:
                price = _non_negative(unit_price, "unit_price", "negative_price")
                price_tiers = None
            elif tiers:
                price_tiers = validate_tiers(tiers)
            else:
                raise PricingError("missing_price", model=model)

            billable = quantity
            label = LINE_DOCUMENTS
            if model == "hybrid":
                allowance = _non_negative(
                    included_quantity, "included_quantity", "negative_quantity"
                )
                # Whole documents, rounded down: see "Proration" in the module docstring.
                included = (allowance * factor).to_integral_value(rounding=ROUND_FLOOR)
                used = min(quantity, included)
                lines.append(FeeLine(LINE_INCLUDED, used, Decimal(0), money(Decimal(0))))
                billable = quantity - used
                label = LINE_OVERAGE

            if price_tiers is None:
                if billable > 0 or model == "per_document":
                    lines.append(FeeLine(label, billable, price, money(billable * price)))
            else:
                priced = _priced_lines(billable, price_tiers, tier_mode, label, money)
                if not priced and model == "per_document":
                    # 0 documents: still print the count, at the first tier's price.
                    first = price_tiers[0].unit_price
                    priced = [FeeLine(label, billable, first, money(Decimal(0)), 0)]
                lines.extend(priced)

        subtotal = sum((line.amount for line in lines), money(Decimal(0)))
        minimum_applied = minimum is not None and subtotal < minimum
        cap_applied = cap is not None and subtotal > cap
        if minimum_applied:
            top_up = minimum - subtotal
            lines.append(FeeLine(LINE_MINIMUM, Decimal(1), top_up, top_up))
        elif cap_applied:
            reduction = cap - subtotal
            lines.append(FeeLine(LINE_CAP, Decimal(1), reduction, reduction))
        total = sum((line.amount for line in lines), money(Decimal(0)))

    return FeeBreakdown(
        model=model,
        total=total,
        lines=tuple(lines),
        factor=factor,
        quantity=quantity,
        included_quantity=included,
        subtotal=subtotal,
        minimum=minimum,
        cap=cap,
        minimum_applied=minimum_applied,
        cap_applied=cap_applied,
    )


def received_quantities(protocol_counts: dict, upload_counts: dict) -> dict:
    """Documents received per ``(client, kind, period)`` from both sources, counted once.

    A period and kind that a confirmed handover protocol counts keeps the protocol's count:
    the protocol is the count both sides signed for everything that arrived, uploads
    included. A client's portal uploads count only where no protocol covers the period.
    """
    merged = dict(upload_counts)
    merged.update(protocol_counts)
    return merged
