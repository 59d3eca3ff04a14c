"""Seed 004 Appendix 3 (percent -> allowed score), Appendix 2 and §24, §28."""

from decimal import Decimal
from fractions import Fraction

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import (
    APPENDIX_3_TABLE,
    EngineError,
    allowed_score_range,
    check_kpi_score,
    kpi_plan_required,
    kpi_sheet_score,
    percent_achieved,
    validate_table,
)
from engine_support import seed_text

# Seed 004 Appendix 3, copied as printed (decimal commas, the "44,49" misprint).
SEED_ROWS = [
    ("100 және одан жоғары", "5"),
    ("95-99,99", "4,75-4,99"),
    ("90-94,99", "4,5-4,74"),
    ("85-89,99", "4,25-4,49"),
    ("80-84,99", "4-4,24"),
    ("75-79,99", "3,75-3,99"),
    ("70-74,99", "3,5-3,74"),
    ("65-69,99", "3,25-3,49"),
    ("60-64,99", "3-3,24"),
    ("55-59,99", "2,75-2,99"),
    ("50-54,99", "2,5-2,74"),
    ("45-49,99", "2,25-2,49"),
    ("40-44,49", "2-2,24"),
    ("35-39,99", "1,75-1,99"),
    ("30-34,99", "1,5-1,74"),
    ("25-29,99", "1,25-1,49"),
    ("20-24,99", "1-1,24"),
    ("15-19,99", "0,75-0,99"),
    ("10-14,99", "0,5-0,74"),
    ("5-9,99", "0,25-0,49"),
    ("0-4,99", "0-0,24"),
]


def _d(text):
    return Decimal(text.replace(",", "."))


def _pair(text):
    low, _, high = text.partition("-")
    return _d(low), _d(high or low)


def _parsed_rows():
    rows = []
    for percents, scores in SEED_ROWS:
        if percents.startswith("100 "):
            percent_from, percent_to = Decimal(100), None
        else:
            percent_from, percent_to = _pair(percents)
        rows.append((percent_from, percent_to, *_pair(scores)))
    return rows


ROWS = _parsed_rows()


def test_the_table_is_transcribed_whole_and_as_printed():
    assert [tuple(row) for row in APPENDIX_3_TABLE] == ROWS


def test_the_seed_prints_these_rows():
    text = seed_text("004")
    if text is None:
        pytest.skip("seed 004 is not beside the checkout")
    for percents, scores in SEED_ROWS:
        assert f"{percents}\t{scores}" in text


@pytest.mark.parametrize(("percent_from", "percent_to", "low", "high"), ROWS)
def test_both_ends_of_every_row(percent_from, percent_to, low, high):
    assert allowed_score_range(percent_from) == (low, high)
    if percent_to is not None:
        assert allowed_score_range(percent_to) == (low, high)


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        # the gaps between a row's printed end and the next row's start
        ("99.995", ("4.75", "4.99")),
        ("99.9999", ("4.75", "4.99")),
        ("94.995", ("4.5", "4.74")),
        ("4.999", ("0", "0.24")),
        ("9.991", ("0.25", "0.49")),
        # the misprinted "40-44,49": 44.50 .. 44.99 belongs to the 40 % row
        ("44.5", ("2", "2.24")),
        ("44.99", ("2", "2.24")),
        ("44.999", ("2", "2.24")),
        ("45", ("2.25", "2.49")),
        # "100 және одан жоғары"
        ("100.01", ("5", "5")),
        ("250", ("5", "5")),
        # exact ratios and other accepted spellings
        (Fraction(190, 2), ("4.75", "4.99")),
        (Fraction(284999, 3000), ("4.5", "4.74")),  # 94.9997 %
        ("94,99", ("4.5", "4.74")),
        (94.99, ("4.5", "4.74")),
        (95, ("4.75", "4.99")),
        (Decimal("0"), ("0", "0.24")),
    ],
)
def test_every_percent_falls_in_exactly_one_row(percent, expected):
    assert allowed_score_range(percent) == tuple(Decimal(x) for x in expected)


@pytest.mark.parametrize("percent", ["-0.01", -1, Fraction(-1, 1000)])
def test_a_negative_percent_is_refused(percent):
    with pytest.raises(EngineError) as error:
        allowed_score_range(percent)
    assert error.value.code == "percent_negative"


@pytest.mark.parametrize("junk", [None, "", "abc", "5 %", [], True, "NaN", float("inf")])
def test_junk_is_not_a_percent(junk):
    with pytest.raises(EngineError) as error:
        allowed_score_range(junk)
    assert error.value.code == "not_a_number"


@pytest.mark.parametrize(("percent_from", "percent_to", "low", "high"), ROWS)
def test_a_score_is_accepted_inside_its_row_only(percent_from, percent_to, low, high):
    percent = percent_from if percent_to is None else percent_to
    assert check_kpi_score(low, percent) == low
    assert check_kpi_score(high, percent) == high
    for outside in (low - Decimal("0.01"), high + Decimal("0.01")):
        if outside < 0:
            continue
        with pytest.raises(EngineError) as error:
            check_kpi_score(outside, percent)
        assert error.value.code == "score_out_of_range"
        assert (error.value.params["low"], error.value.params["high"]) == (str(low), str(high))


def test_a_score_has_two_decimals_at_most():
    with pytest.raises(EngineError) as error:
        check_kpi_score("4.755", 96)
    assert error.value.code == "score_precision"
    assert check_kpi_score("4,80", 96) == Decimal("4.80")


@pytest.mark.parametrize(
    ("planned", "actual", "expected"),
    [
        (200, 190, "95.00"),
        (100, 100, "100.00"),
        (10, 12, "120.00"),
        (3, 2, "66.66"),  # 66.666.. is cut, not rounded up
        (7, "6.6497", "94.99"),  # 94.9957 %: still the 90 % row
        ("12,5", 0, "0.00"),
    ],
)
def test_percent_achieved_is_actual_over_planned(planned, actual, expected):
    assert percent_achieved(planned, actual) == Decimal(expected)


def test_percent_achieved_stays_in_the_row_of_the_exact_ratio():
    percent = percent_achieved(7, "6.6497")
    assert allowed_score_range(percent) == allowed_score_range(Fraction(66497, 70000) * 100)


@pytest.mark.parametrize(
    ("planned", "actual", "code"),
    [
        (0, 5, "planned_not_positive"),
        (-3, 5, "planned_not_positive"),
        (5, -1, "actual_negative"),
        (None, 5, "not_a_number"),
        (5, "x", "not_a_number"),
    ],
)
def test_percent_achieved_refuses(planned, actual, code):
    with pytest.raises(EngineError) as error:
        percent_achieved(planned, actual)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        (["5", "4.75", "4.5"], "4.75"),  # 14.25 / 3
        ([5, 5, 5, 5, 5], "5.00"),
        ([0, 0, 0], "0.00"),
        (["4", "4", "3.99"], "4.00"),  # 3.99666.. rounds half up to 4.00
        (["2.99", "2.99", "2.98", "2.98"], "2.99"),  # 2.985 exactly: half up, not to even
        (["3.5", "3.25", "3.74", "4"], "3.62"),  # 14.49 / 4 = 3.6225
    ],
)
def test_sheet_score_is_the_sum_over_the_number_of_kpis(scores, expected):
    # seed 004 Appendix 2: "НМИ санына бөлінген НМИ бойынша бағалау сомасы"
    assert kpi_sheet_score(scores) == Decimal(expected)


@pytest.mark.parametrize(
    ("scores", "code"),
    [
        ([5, 5], "kpi_count_out_of_range"),  # seed 004 §24: 3 to 5 KPIs
        ([5] * 6, "kpi_count_out_of_range"),
        ([], "kpi_count_out_of_range"),
        ([5, 5, "5.01"], "score_out_of_range"),  # §28: 0 to 5
        ([5, 5, "-0.01"], "score_out_of_range"),
        ([5, 5, "4.999"], "score_precision"),
        ([5, 5, None], "not_a_number"),
    ],
)
def test_sheet_score_refuses(scores, code):
    with pytest.raises(EngineError) as error:
        kpi_sheet_score(scores)
    assert error.value.code == code


def test_kpi_plan_needs_three_months_left():
    # seed 004 §23: no KPIs when less than three months remain in the period
    assert kpi_plan_required("2026-10-01", "2026-12-31") is True
    assert kpi_plan_required("2026-10-02", "2026-12-31") is False


def test_an_edited_table_is_checked():
    broken = list(APPENDIX_3_TABLE)
    broken[3], broken[4] = broken[4], broken[3]
    with pytest.raises(EngineError) as error:
        validate_table(broken)
    assert error.value.code == "table_invalid"
    with pytest.raises(EngineError) as error:
        validate_table(APPENDIX_3_TABLE[:-1])  # no row starts at 0
    assert error.value.code == "table_invalid"
    coarse = [(50, None, 5, 5), ("0", "49.99", 0, "4.99")]
    assert allowed_score_range("49.999", table=coarse) == (0, Decimal("4.99"))
