"""Competency assessment of the 2018 generation (Appendix 3 sheet, Appendix 4 indicators).

Seed 003 §26: at most ten behavioural indicators per competency. Seed 003
§27 (seed 001 §27 kk): a competency "соответствует ожиданиям" / "күтілген
нәтижеге сәйкес" when 3/4 or more of its indicators were shown during the
period, otherwise "не соответствует ожиданиям" / "күтілген нәтижеге сәйкес
емес", and the sheet lists the indicators that were not shown (Appendix 3).
"""

from fractions import Fraction
from typing import NamedTuple

from .errors import EngineError
from .values import to_count

#: Seed 003 §27 "3/4 и более".
COMPETENCY_THRESHOLD = Fraction(3, 4)
#: Seed 003 §26 "не более десяти".
MAX_INDICATORS = 10
#: Results of one competency (seed 003 §27, Appendix 3).
COMPETENCY_RESULTS = ("meets", "does_not_meet")


def _threshold(threshold):
    try:
        value = Fraction(str(threshold) if isinstance(threshold, float) else threshold)
    except (TypeError, ValueError, ZeroDivisionError):
        value = None
    if isinstance(threshold, bool) or value is None or not 0 < value <= 1:
        raise EngineError("threshold_invalid", threshold=repr(threshold))
    return value


def competency_meets(
    shown_count, indicator_count, threshold=COMPETENCY_THRESHOLD, max_indicators=MAX_INDICATORS
):
    """True when ``shown_count`` of ``indicator_count`` indicators is at least ``threshold``.

    Exact rational comparison (seed 003 §27 "3/4 и более"): 3 of 4 and 4 of 5
    meet, 2 of 3 (= 0.667) and 7 of 10 do not. ``indicator_count`` must be
    1 .. ``max_indicators`` (seed 003 §26); ``threshold`` a Fraction (or an
    int / str such as "3/4") above 0 and at most 1.
    """
    threshold = _threshold(threshold)
    maximum = to_count(max_indicators, "max_indicators")
    total = to_count(indicator_count, "indicator_count")
    shown = to_count(shown_count, "shown_count")
    if not 1 <= total <= maximum:
        raise EngineError("indicator_count_out_of_range", count=total, maximum=maximum)
    if shown > total:
        raise EngineError("shown_count_out_of_range", shown=shown, total=total)
    # seed 003 §27: shown / total >= 3/4, compared exactly
    return Fraction(shown, total) >= threshold


def indicators_not_shown(indicators):
    """Names of the indicators marked not shown, in the given order (seed 003 Appendix 3).

    ``indicators`` maps an indicator's name to True (shown) or False.
    """
    return [name for name, shown in dict(indicators).items() if not shown]


class CompetencyResult(NamedTuple):
    """One row of the competency sheet (seed 003 Appendix 3)."""

    result: str  # 'meets' or 'does_not_meet'
    shown: int
    total: int
    not_shown: tuple  # names, listed on the sheet only for 'does_not_meet'


def assess_competency(indicators, threshold=COMPETENCY_THRESHOLD, max_indicators=MAX_INDICATORS):
    """Assess one competency from ``{indicator name: shown?}`` (seed 003 §26-27, Appendix 3)."""
    indicators = dict(indicators)
    missing = indicators_not_shown(indicators)
    total = len(indicators)
    shown = total - len(missing)
    meets = competency_meets(shown, total, threshold=threshold, max_indicators=max_indicators)
    return CompetencyResult(
        result="meets" if meets else "does_not_meet",
        shown=shown,
        total=total,
        not_shown=() if meets else tuple(missing),
    )
