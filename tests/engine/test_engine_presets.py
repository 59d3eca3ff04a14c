"""The typical methodologies as data: seed 003 (2018) and seed 004 (2023)."""

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import (
    APPENDIX_3_TABLE,
    BANDS_2023,
    GRADES_2018,
    PRESETS,
    THRESHOLDS_2018,
    EngineError,
    preset,
)
from engine_support import seed_text

# Parameters the Odoo methodology record stores as integers.
RECORD_INTEGERS = (
    "kpi_count_min",
    "kpi_count_max",
    "min_tenure_months",
    "kpi_plan_due_working_days",
    "resubmission_working_days",
    "acknowledgement_working_days",
    "appeal_working_days",
    "commission_min_members",
    "commission_notice_working_days",
    "differentiation_min_score",
    "differentiation_max_score",
    "quarter_deadline_day",
    "calibration_apply_working_days",
    "retention_years",
)
BLOCKS = (
    "kpi_plan",
    "kpi_sheet",
    "competency",
    "differentiation",
    "survey_360",
    "commission",
    "calibration",
)


def test_all_presets_have_the_same_keys():
    assert set(PRESETS) == {"typical_2018", "typical_2023", "typical_2025", "seed_002", "seed_000"}
    for data in PRESETS.values():
        assert data.keys() == PRESETS["typical_2018"].keys()
    for data in PRESETS.values():
        assert tuple(data["blocks"]) == BLOCKS
        assert all(isinstance(on, bool) for on in data["blocks"].values())
        assert set(data["name"]) == {"en", "ru", "kk"}


@pytest.mark.parametrize("key", RECORD_INTEGERS)
def test_record_parameters_are_integers(key):
    for data in PRESETS.values():
        assert type(data[key]) is int


def test_inapplicable_parameters_are_named_and_belong_to_switched_off_steps():
    for data in PRESETS.values():
        assert set(data["inapplicable"]) <= set(RECORD_INTEGERS)
    assert not PRESETS["typical_2018"]["blocks"]["differentiation"]
    assert not PRESETS["typical_2018"]["blocks"]["calibration"]
    assert not PRESETS["typical_2023"]["blocks"]["commission"]
    assert not PRESETS["typical_2025"]["blocks"]["calibration"]


def test_typical_2025_is_quarterly_differentiation_for_all():
    """The 2025 text: only the quarter's evaluation by the evaluating person, for
    every servant, by the 20th; the year averaged by 30 January; three years kept."""
    data = preset("typical_2025")
    assert [block for block, on in data["blocks"].items() if on] == ["differentiation"]
    assert data["period"] == "quarter"
    assert data["differentiation_applies_to"] == "all"
    assert data["quarter_deadline_day"] == 20
    assert data["year_result_day"] == 30
    assert data["retention_years"] == 3
    assert data["deferred_blocks_when_absent"] == []
    # The 2023 form of the sheet is the starting point: its four parameters, 0..5.
    assert data["generation"] == "2023"
    assert (data["differentiation_min_score"], data["differentiation_max_score"]) == (0, 5)
    assert data["name"]["kk"] == "Тоқсан сайынғы бағалау (2025)"


def test_typical_2018_follows_seed_003():
    data = PRESETS["typical_2018"]
    assert (data["generation"], data["period"]) == ("2018", "year")
    assert (data["kpi_count_min"], data["kpi_count_max"]) == (5, 5)  # §14
    assert data["kpi_applies_to"] == "all"
    assert data["min_tenure_months"] == 3  # §4
    assert data["kpi_plan_due_working_days"] == 10  # §9
    assert data["resubmission_working_days"] == 2  # §12, §23
    assert data["acknowledgement_working_days"] == 2  # §40
    assert data["appeal_working_days"] == 10  # §42
    assert data["commission_min_members"] == 5  # §5
    assert data["commission_notice_working_days"] == 7  # §29
    assert data["commission_quorum"] == [2, 3]  # §30
    assert data["competency_threshold"] == [3, 4]  # §27
    assert data["competency_max_indicators"] == 10  # §26
    assert data["retention_years"] == 3  # §8
    assert data["kpi_grade_thresholds"] == THRESHOLDS_2018
    assert [k for k, on in data["blocks"].items() if on] == [
        "kpi_plan",
        "kpi_sheet",
        "competency",
        "commission",
    ]


def test_agency_presets_are_typical_2018_under_their_own_name():
    # seed 002 and seed 000 change the HR service's name and Appendix 4, not a term
    for key, words in (("seed_002", "Supreme Judicial Council"), ("seed_000", "Zhanaozen")):
        data = preset(key)
        assert words in data["name"]["en"]
        assert set(data["name"]) == {"en", "ru", "kk"}
        assert data["name"] != PRESETS["typical_2018"]["name"]
        assert {**data, "name": None} == {**PRESETS["typical_2018"], "name": None}
    assert PRESETS["seed_002"]["commission_submission_working_days"] == 2  # seed 002 §28


def test_typical_2023_follows_seed_004():
    data = PRESETS["typical_2023"]
    assert (data["generation"], data["period"]) == ("2023", "quarter")  # §5
    assert (data["kpi_count_min"], data["kpi_count_max"]) == (3, 5)  # §24
    assert data["kpi_applies_to"] == "heads"  # §22
    assert data["min_tenure_months"] == 1  # §6
    assert data["quarter_deadline_day"] == 10  # §5
    assert (data["notify_heads_day"], data["notify_staff_day"]) == (5, 10)  # §27, §31
    assert (data["differentiation_min_score"], data["differentiation_max_score"]) == (0, 5)
    assert data["calibration_apply_working_days"] == 5  # §13
    assert data["calibration_decision_working_days"] == 3  # §39
    assert data["calibration_session_working_days"] == 10  # §40
    assert (data["survey_360_respondents_min"], data["survey_360_respondents_max"]) == (3, 7)
    assert data["acknowledgement_working_days"] == 2  # §12
    assert data["retention_years"] == 3  # §15
    assert data["kpi_table"] == APPENDIX_3_TABLE
    assert [(b["key"], b["low"], b["high"]) for b in data["bands"]] == list(BANDS_2023)
    assert [k for k, on in data["blocks"].items() if on] == [
        "kpi_plan",
        "kpi_sheet",
        "differentiation",
        "survey_360",
        "calibration",
    ]


# Wording of the seeds: (seed, key, language, text).
SEED_WORDS = [
    ("003", "excellent", "ru", "превосходно"),
    ("003", "effective", "ru", "эффективно"),
    ("003", "satisfactory", "ru", "удовлетворительно"),
    ("003", "unsatisfactory", "ru", "неудовлетворительно"),
    ("001", "excellent", "kk", "өте жақсы"),
    ("001", "effective", "kk", "тиімді"),
    ("001", "satisfactory", "kk", "қанағаттанарлық"),
    ("001", "unsatisfactory", "kk", "қанағаттанарлықсыз"),
]
BAND_WORDS = [
    ("effective", "Функционалдық міндеттерін тиімді атқарады"),
    ("proper", "Функционалдық міндеттерін тиісті түрде атқарады"),
    ("satisfactory", "Функционалдық міндеттерін қанағаттанарлық түрде атқарады"),
    ("unsatisfactory", "Функционалдық міндеттерін қанағаттанарлықсыз түрде атқарады"),
]
COMPETENCY_WORDS = [
    ("003", "meets", "ru", "соответствует ожиданиям"),
    ("003", "does_not_meet", "ru", "не соответствует ожиданиям"),
    ("001", "meets", "kk", "күтілген нәтижеге сәйкес"),
    ("001", "does_not_meet", "kk", "күтілген нәтижеге сәйкес емес"),
]


@pytest.mark.parametrize(("seed", "key", "language", "text"), SEED_WORDS)
def test_2018_grade_labels(seed, key, language, text):
    assert tuple(PRESETS["typical_2018"]["grades"]) == GRADES_2018
    assert PRESETS["typical_2018"]["grades"][key][language] == text


@pytest.mark.parametrize(("seed", "key", "language", "text"), COMPETENCY_WORDS)
def test_2018_competency_labels(seed, key, language, text):
    assert PRESETS["typical_2018"]["competency_results"][key][language] == text


@pytest.mark.parametrize(("key", "text"), BAND_WORDS)
def test_2023_band_labels(key, text):
    labels = {b["key"]: b["label"] for b in PRESETS["typical_2023"]["bands"]}
    assert labels[key]["kk"] == text
    assert labels[key]["ru"] and labels[key]["en"]


def test_the_labels_are_the_seeds_words():
    texts = {number: seed_text(number) for number in ("001", "003", "004")}
    if None in texts.values():
        pytest.skip("the seeds are not beside the checkout")
    for seed, _key, _language, text in SEED_WORDS + COMPETENCY_WORDS:
        assert f'"{text}"' in texts[seed]
    for _key, text in BAND_WORDS:
        assert f'"{text}' in texts["004"]


def test_preset_returns_a_deep_copy():
    data = preset("typical_2023")
    data["blocks"]["survey_360"] = False
    data["bands"][0]["label"]["kk"] = "changed"
    assert PRESETS["typical_2023"]["blocks"]["survey_360"] is True
    assert PRESETS["typical_2023"]["bands"][0]["label"]["kk"] != "changed"
    assert preset("typical_2018") == PRESETS["typical_2018"]


def test_an_unknown_preset():
    with pytest.raises(EngineError) as error:
        preset("typical_2030")
    assert error.value.code == "preset_unknown"
