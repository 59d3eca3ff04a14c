"""The competency catalogue (hr_bagalau/data/competency_catalogue.json) against the seeds.

No Odoo: stdlib json only. The expected counts below were taken by reading the
seeds' Appendix 4 tables cell by cell (seed 003 and seed 001 for Typical 2018,
seed 002 and seed 000 for their own presets; how the tables were reassembled
is in scripts/competency_catalogue.md). Removing or adding one indicator in the
JSON breaks test_indicator_counts_match_the_seeds.
"""

import json
import re
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
CATALOGUE_PATH = PROJECT_DIR / "hr_bagalau" / "data" / "competency_catalogue.json"

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
LATIN = re.compile(r"[A-Za-z]")
CODE = re.compile(r"^[A-Z]-(?:[A-Z]-)?\d$")
KINDS = ("effective", "ineffective")
MAX_INDICATORS = 10  # seed 003 §26, seed 001 §26

# Appendix 3 (the evaluation sheet) order, seed 003 / seed 001.
COMPETENCY_KEYS = (
    "activity_management", "cooperation", "decision_making", "promptness", "self_development",
    "service_consumer_orientation", "informing_service_consumers", "integrity", "responsibility",
    "initiative", "stress_resistance",
)
# Appendix 3 footnote (seed 003, seed 001): not evaluated when no public services are rendered.
PUBLIC_SERVICE = {
    "service_consumer_orientation": ("Қызметті тұтынушыға бағдарлану", "Ориентация на потребителя услуг"),
    "informing_service_consumers": ("Қызметті тұтынушыларды хабарландыру", "Информирование потребителей услуг"),
}

# Per competency: (effective kk, effective ru, ineffective kk, ineffective ru), in COMPETENCY_KEYS order.
# kk = seed 001 / 002 / 000, ru = seed 003; 0 where the seed has no text in that language.
EXPECTED_COUNTS = {
    "typical_2018": {
        #                 mgmt          coop          decision      prompt        self-dev
        #                 orientation   informing     integrity     respons.      initiative    stress
        "top_managers": ((3, 3, 3, 3), (3, 3, 3, 3), (5, 5, 5, 5), (4, 4, 4, 4), (4, 4, 4, 4),
                         (4, 4, 4, 4), (2, 2, 2, 2), (6, 6, 6, 6), (1, 1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 1)),
        "unit_heads": ((4, 4, 4, 4), (4, 4, 4, 4), (5, 5, 5, 5), (3, 3, 3, 3), (3, 3, 3, 3),
                       (3, 3, 3, 3), (3, 3, 3, 3), (6, 6, 5, 5), (1, 1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 1)),
        "staff": ((4, 4, 4, 4), (3, 3, 3, 3), (3, 3, 3, 3), (4, 4, 4, 4), (3, 3, 3, 3),
                  (3, 3, 3, 3), (3, 3, 3, 3), (3, 3, 3, 3), (1, 1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 1)),
    },
    "seed_002": {
        "heads": ((3, 0, 3, 0), (3, 0, 3, 0), (5, 0, 5, 0), (4, 0, 4, 0), (4, 0, 4, 0),
                  (4, 0, 4, 0), (2, 0, 2, 0), (6, 0, 6, 0), (1, 0, 1, 0), (1, 0, 1, 0), (1, 0, 1, 0)),
        "staff": ((4, 0, 4, 0), (3, 0, 3, 0), (3, 0, 3, 0), (4, 0, 4, 0), (3, 0, 3, 0),
                  (3, 0, 3, 0), (3, 0, 3, 0), (3, 0, 3, 0), (1, 0, 1, 0), (1, 0, 1, 0), (1, 0, 1, 0)),
    },
    "seed_000": {
        "unit_heads": ((4, 0, 4, 0), (4, 0, 4, 0), (5, 0, 5, 0), (3, 0, 3, 0), (3, 0, 3, 0),
                       (3, 0, 3, 0), (3, 0, 3, 0), (6, 0, 5, 0), (1, 0, 1, 0), (1, 0, 1, 0), (1, 0, 1, 0)),
        "staff": ((4, 0, 4, 0), (3, 0, 3, 0), (3, 0, 3, 0), (4, 0, 4, 0), (3, 0, 3, 0),
                  (3, 0, 3, 0), (3, 0, 3, 0), (3, 0, 3, 0), (1, 0, 1, 0), (1, 0, 1, 0), (1, 0, 1, 0)),
    },
}
# Typical 2018 cells where seed 001 (kk, amended 2022) states the opposite of seed 003 (ru) at the
# same position: both are kept, unpaired (a ru-only entry followed by a kk-only entry).
EXPECTED_UNPAIRED = {
    ("top_managers", "self_development", "effective"): 1,
    ("top_managers", "integrity", "ineffective"): 1,
    ("staff", "integrity", "effective"): 1,
}
# Level -> categories as the seeds' "category" column gives them (None: head of a unit or not).
EXPECTED_CATEGORIES = {
    "typical_2018": {
        "top_managers": [("E-1", None), ("E-R-1", None)],
        "unit_heads": [("E-2", None), ("E-3", True), ("E-R-2", None), ("E-R-3", None), ("E-G-1", None),
                       ("E-G-2", True)],
        "staff": [("E-3", False), ("E-4", None), ("E-5", None), ("E-R-4", None), ("E-R-5", None),
                  ("E-G-2", False), ("E-G-3", None), ("E-G-4", None)],
    },
    "seed_002": {"heads": [("B-1", None), ("B-2", True)], "staff": [("B-4", None), ("B-5", None)]},
    "seed_000": {"unit_heads": [("E-2", None)], "staff": [("E-4", None)]},
}


@pytest.fixture(scope="module")
def catalogue():
    return json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))


def lists(catalogue):
    """Every indicator list: (preset, level, competency, kind, entries)."""
    for preset_key, preset in catalogue["presets"].items():
        for level in preset["levels"]:
            for competency, kinds in level["indicators"].items():
                for kind in KINDS:
                    yield preset_key, level["key"], competency, kind, kinds[kind]


def test_eleven_competencies_in_sheet_order(catalogue):
    competencies = catalogue["competencies"]
    assert tuple(c["key"] for c in competencies) == COMPETENCY_KEYS
    assert [c["sequence"] for c in competencies] == list(range(1, 12))
    for competency in competencies:
        for lang in ("kk", "ru", "en"):
            assert competency["name"][lang].strip()


def test_exactly_two_public_service_competencies(catalogue):
    flagged = {c["key"]: (c["name"]["kk"], c["name"]["ru"]) for c in catalogue["competencies"] if c["public_service"]}
    assert flagged == PUBLIC_SERVICE


def test_presets_and_levels(catalogue):
    assert set(catalogue["presets"]) == set(EXPECTED_COUNTS)
    for preset_key, preset in catalogue["presets"].items():
        assert [level["key"] for level in preset["levels"]] == list(EXPECTED_COUNTS[preset_key])
        for level in preset["levels"]:
            assert tuple(level["indicators"]) == COMPETENCY_KEYS
            for lang in ("kk", "ru", "en"):
                assert level["name"][lang].strip()


def test_indicator_counts_match_the_seeds(catalogue):
    for preset_key, preset in catalogue["presets"].items():
        for level in preset["levels"]:
            expected = EXPECTED_COUNTS[preset_key][level["key"]]
            for competency, counts in zip(COMPETENCY_KEYS, expected, strict=True):
                kinds = level["indicators"][competency]
                got = tuple(sum(1 for entry in kinds[kind] if entry[lang] is not None)
                            for kind in KINDS for lang in ("kk", "ru"))
                assert got == counts, (preset_key, level["key"], competency)


def test_unpaired_entries_are_the_known_ones(catalogue):
    unpaired = {}
    for preset_key, level, competency, kind, entries in lists(catalogue):
        if preset_key != "typical_2018":
            continue
        kk_only = sum(1 for e in entries if e["ru"] is None)
        ru_only = sum(1 for e in entries if e["kk"] is None)
        assert kk_only == ru_only, (level, competency, kind)
        if kk_only:
            unpaired[level, competency, kind] = kk_only
    assert unpaired == EXPECTED_UNPAIRED


def test_kk_only_presets_have_no_russian(catalogue):
    for preset_key, _level, _competency, _kind, entries in lists(catalogue):
        if preset_key != "typical_2018":
            assert all(entry["ru"] is None and entry["kk"] for entry in entries)


def test_at_most_ten_indicators_per_competency(catalogue):
    for key, *_rest, entries in lists(catalogue):
        for lang in ("kk", "ru"):
            assert sum(1 for entry in entries if entry[lang] is not None) <= MAX_INDICATORS, key


def test_no_empty_text_and_every_indicator_translated(catalogue):
    for where in lists(catalogue):
        entries = where[-1]
        assert entries, where[:4]
        for entry in entries:
            assert set(entry) == {"kk", "ru", "en"}, where[:4]
            assert entry["kk"] is not None or entry["ru"] is not None, where[:4]
            for lang in ("kk", "ru", "en"):
                text = entry[lang]
                assert text is None or (text == text.strip() and text and "  " not in text), (where[:4], lang)
            assert entry["en"], where[:4]


def test_kk_lists_are_kazakh_and_ru_lists_are_not(catalogue):
    for where in lists(catalogue):
        kk = "".join(entry["kk"] for entry in where[-1] if entry["kk"])
        ru = "".join(entry["ru"] for entry in where[-1] if entry["ru"])
        assert KAZAKH_LETTERS & set(kk), where[:4]
        assert not KAZAKH_LETTERS & set(ru), where[:4]
        # the seeds mix Latin letters into Cyrillic words; none may remain
        assert not LATIN.search(kk + ru), where[:4]


def test_category_codes_are_latin_and_on_one_level(catalogue):
    for preset_key, preset in catalogue["presets"].items():
        got = {level["key"]: [(c["code"], c["unit_head"]) for c in level["categories"]] for level in preset["levels"]}
        assert got == EXPECTED_CATEGORIES[preset_key]
        seen = {}
        for level in preset["levels"]:
            for category in level["categories"]:
                code, unit_head = category["code"], category["unit_head"]
                assert code.isascii() and CODE.match(code), code
                assert unit_head in (None, True, False)
                seen.setdefault(code, []).append(unit_head)
        for code, heads in seen.items():
            # a code sits on one level, unless the seed splits it by head of a unit / not (E-3, E-G-2)
            assert len(heads) == 1 or (None not in heads and len(set(heads)) == len(heads)), (preset_key, code)
