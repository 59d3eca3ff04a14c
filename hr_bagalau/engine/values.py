"""Exact numbers for the engine: inputs to Decimal / Fraction / int.

Scores and percents are :class:`decimal.Decimal`; ratios are
:class:`fractions.Fraction`; no float ever takes part in a computation.

Accepted inputs: ``int``, ``Decimal``, ``Fraction`` (for ratios), ``str``
(spaces trimmed; a decimal comma as printed in the seeds, ``"4,75"``, is read
as ``4.75``) and ``float``, which is converted through ``str(float)`` so that
``4.75`` becomes ``Decimal("4.75")`` and not its binary approximation.
``bool``, ``None``, NaN and infinities raise ``EngineError('not_a_number')``.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from .errors import EngineError

#: Scores are written with two decimals in seed 004 (§8 "3,99", Appendix 3 "4,75-4,99").
SCORE_DECIMALS = 2
#: Rounding of computed averages (see bands.py and kpi_2023.py for the decision).
SCORE_ROUNDING = ROUND_HALF_UP


def _shown(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def to_decimal(value, field="value"):
    """Return ``value`` as a finite Decimal, or raise EngineError('not_a_number')."""
    if isinstance(value, bool) or value is None:
        raise EngineError("not_a_number", field=field, value=_shown(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = _parse(str(value), field, value)
    elif isinstance(value, Fraction):
        if value.denominator == 1:
            result = Decimal(value.numerator)
        else:
            result = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        result = _parse(text, field, value)
    else:
        raise EngineError("not_a_number", field=field, value=_shown(value))
    if not result.is_finite():
        raise EngineError("not_a_number", field=field, value=_shown(value))
    return result


def _parse(text, field, original):
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        raise EngineError("not_a_number", field=field, value=_shown(original)) from None


def to_fraction(value, field="value"):
    """Return ``value`` as an exact Fraction (Fractions pass through unchanged)."""
    if isinstance(value, Fraction):
        return value
    return Fraction(to_decimal(value, field))


def to_count(value, field="count"):
    """Return ``value`` as an int >= 0 (integral Decimals and strings are accepted)."""
    if isinstance(value, bool) or value is None:
        raise EngineError("not_an_integer", field=field, value=_shown(value))
    if isinstance(value, int):
        number = value
    else:
        try:
            decimal = to_decimal(value, field)
        except EngineError:
            raise EngineError("not_an_integer", field=field, value=_shown(value)) from None
        if decimal != decimal.to_integral_value():
            raise EngineError("not_an_integer", field=field, value=_shown(value))
        number = int(decimal)
    if number < 0:
        raise EngineError("count_negative", field=field, value=number)
    return number


def check_precision(score, decimals=SCORE_DECIMALS):
    """Raise EngineError('score_precision') when ``score`` has more than ``decimals`` places.

    Seed 004 writes every score with at most two decimals (§8 "3,99",
    Appendix 3 "4,75-4,99"): a score typed by an evaluator must fit that grid.
    """
    exponent = score.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > decimals:
        raise EngineError("score_precision", score=str(score), decimals=decimals)
    return score


def quantize(value, decimals=SCORE_DECIMALS, rounding=SCORE_ROUNDING):
    """Round a Decimal or an exact Fraction to ``decimals`` places with ``rounding``.

    A Fraction is rounded once, exactly: it is scaled to ``whole + remainder``
    and the remainder (exactly 0, below, at or above one half) decides the last
    digit under the requested rounding mode. No intermediate division rounds.
    """
    if isinstance(value, Decimal):
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)
    scaled = Fraction(value) * (10**decimals)
    whole = scaled.numerator // scaled.denominator  # floor
    remainder = scaled - whole  # 0 <= remainder < 1
    result = Decimal(whole)
    if remainder:
        if remainder < Fraction(1, 2):
            probe = result + Decimal("0.25")
        elif remainder == Fraction(1, 2):
            probe = result + Decimal("0.5")
        else:
            probe = result + Decimal("0.75")
        result = probe.quantize(Decimal(1), rounding=rounding)
    return result.scaleb(-decimals)


def average(values, decimals=SCORE_DECIMALS, rounding=SCORE_ROUNDING):
    """Exact mean of Decimals (sum / count), rounded once to ``decimals`` places."""
    values = list(values)
    total = sum((Fraction(v) for v in values), Fraction(0))
    return quantize(total / len(values), decimals, rounding)
