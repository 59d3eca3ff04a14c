"""The 360 questionnaires (hr_bagalau_360/data/questionnaire_360.py) against seed 004.

Appendix 5 (heads: 12 competencies) and Appendix 6 (corps B staff: 8), §35's
list of competencies, and every question of the appendices: the counts below
are the seed's, and where the seed's text is at hand every word of the
appendices' question column must be one of the data's (and the other way
round), so that a question dropped from, or added to, the data fails here.
"""

import difflib
import re
import runpy
from collections import Counter
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA = runpy.run_path(str(PROJECT_DIR / "hr_bagalau_360" / "data" / "questionnaire_360.py"))
SEEDS = [Path("/work/shared/seeds"), PROJECT_DIR / "seeds"]

# Seed 004 Appendix 5 (heads) and 6 (staff): questions per competency, in the appendices' order.
EXPECTED = {
    "head": [
        ("management", 3), ("communication", 2), ("ethics", 3), ("change", 3), ("results", 3), ("decisions", 3),
        ("team", 3), ("leadership", 3), ("cooperation", 3), ("promptness", 3), ("self_development", 3),
        ("initiative", 3),
    ],
    "staff": [
        ("communication", 3), ("ethics", 3), ("change", 3), ("results", 3), ("decisions", 3), ("cooperation", 3),
        ("promptness", 3), ("self_development", 3),
    ],
}
# The five answers of Appendices 5-6, in order.
ANSWERS_KK = ["Құзырет көрінбейді", "Құзырет сирек көрінеді", "Құзырет жағдайлардың жартысында көрінеді",
              "Құзырет көп жағдайда көрінеді", "Құзырет әрқашан көрінеді"]
# Latin letters of the scan inside Kazakh words, and the seed's «ү» for «ұ».
HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
                            "k": "к", "m": "м", "t": "т", "ү": "ұ", "ى": "ы"})

# Words the scan broke beyond single letters.
SCAN_ERRORS = {"ікітимал": "ықтимал", "іштимал": "ықтимал"}


def structure(data):
    return {audience: [(c["key"], len(c["questions"])) for c in spec["competencies"]]
            for audience, spec in data["AUDIENCES"].items()}


def test_competencies_and_questions_per_appendix():
    assert structure(DATA) == EXPECTED
    assert [sum(n for _k, n in EXPECTED[a]) for a in ("head", "staff")] == [35, 24]
    assert [a[1]["kk"] for a in DATA["ANSWERS"]] == ANSWERS_KK


def test_every_text_in_three_languages_and_no_latin_in_kazakh():
    for spec in DATA["AUDIENCES"].values():
        for competency in spec["competencies"]:
            for text in [competency["name"], *competency["questions"]]:
                assert {"en", "kk", "ru"} <= set(text) and all(text[lang].strip() for lang in ("en", "kk", "ru"))
                assert not re.search(r"[A-Za-z\u0600-\u06ff]", text["kk"] + text["ru"]), text


def seed_text():
    for folder in SEEDS:
        found = sorted(folder.glob("004*.txt")) if folder.is_dir() else []
        if found:
            return found[0].read_text(encoding="utf-8")
    return None


def words(text):
    text = re.sub(r"<[^>]+>", " ", text).lower().translate(HOMOGLYPHS)
    return [SCAN_ERRORS.get(word, word) for word in re.findall(r"[^\W\d_]+", text)]


def appendix_columns(seed, appendix):
    """The appendix's question column as words (competency headings and the
    «... бойынша орташа баға» lines left out) and its number of competencies."""
    start = re.search(rf"^\s*{appendix}-қосымша\s*$", seed, re.M).start()
    start = seed.index("Жауаптар\n", start) + len("Жауаптар\n")
    end = seed.index("Жауаптар бағанында жауаптың ұсынылған нұсқаларының бірі", start)
    body = "\n".join(line for line in seed[start:end].splitlines() if "орташа" not in line)
    headings = re.findall(r"(?:^|\t)\s*\d{1,2}\s*\t([^\t\n]+?)\t", body, re.M)
    body = re.sub(r"(?:^|\t)\s*\d{1,2}\s*\t[^\t\n]+?\t", "\t", body, flags=re.M)
    return words(body), headings


def unmatched(seed_words, data_words):
    """Words of each side left without a close partner on the other side."""
    pool = Counter(data_words)
    left = []
    for word in seed_words:
        if pool[word]:
            pool[word] -= 1
            continue
        close = difflib.get_close_matches(word, [w for w, n in pool.items() if n], n=1, cutoff=0.7)
        if close:
            pool[close[0]] -= 1
        else:
            left.append(word)
    return left, sorted(pool.elements())


def compare(data, seed):
    problems = []
    for audience, spec in data["AUDIENCES"].items():
        seed_words, headings = appendix_columns(seed, spec["appendix"])
        if len(headings) != len(spec["competencies"]):
            problems.append((audience, "competencies", len(headings), len(spec["competencies"])))
        data_words = [w for c in spec["competencies"] for q in c["questions"] for w in words(q["kk"])]
        seed_left, data_left = unmatched(seed_words, data_words)
        if seed_left or data_left:
            problems.append((audience, "words", seed_left, data_left))
    return problems


@pytest.fixture(scope="module")
def seed():
    text = seed_text()
    if text is None:
        pytest.skip("seed 004 is not at hand")
    return text


def test_section_35_lists_the_data_competencies(seed):
    section = seed[seed.index("35. 360 әдісімен"):seed.index("36. Саулнамаға")]
    heads, staff = section.split('"Б" корпусының қызметшілері үшін:')
    heads = [line.strip(" ;") for line in heads.splitlines()[3:] if line.strip(" ;")]
    staff = [line.strip(" ;.") for line in staff.splitlines() if line.strip(" ;.")]
    assert len(heads) == 12 and len(staff) == 8

    def same(seed_name, name):
        return difflib.SequenceMatcher(None, words(seed_name), words(name)).ratio() > 0.6 or \
            difflib.SequenceMatcher(None, seed_name.lower(), name.lower()).ratio() > 0.85

    for audience, listed in (("head", heads), ("staff", staff)):
        names = [c["name"]["kk"] for c in DATA["AUDIENCES"][audience]["competencies"]]
        assert all(same(a, b) for a, b in zip(listed, names, strict=True)), (listed, names)


def test_questions_are_the_seeds(seed):
    assert compare(DATA, seed) == []


def test_a_missing_question_is_caught(seed):
    for audience in ("head", "staff"):
        for index in (0, 5, -1):
            data = {"AUDIENCES": {audience: dict(DATA["AUDIENCES"][audience])}}
            competencies = [dict(c) for c in data["AUDIENCES"][audience]["competencies"]]
            competencies[index]["questions"] = competencies[index]["questions"][:-1]
            data["AUDIENCES"][audience]["competencies"] = competencies
            assert compare(data, seed), (audience, index)


def test_the_addon_data_is_generated_from_this_source(tmp_path):
    """hr_bagalau_360's XML and its kk/ru entries are what scripts/build_survey_360_data.py makes."""
    build = runpy.run_path(str(PROJECT_DIR / "scripts" / "build_survey_360_data.py"))
    outputs = build["build"](output_dir=tmp_path)
    addon = PROJECT_DIR / "hr_bagalau_360"
    for name, path in (("survey_360_data.xml", addon / "data" / "survey_360_data.xml"),
                       ("kk.po", addon / "i18n" / "kk.po"), ("ru.po", addon / "i18n" / "ru.po")):
        assert (tmp_path / name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{path.relative_to(PROJECT_DIR)} is out of date: run .venv/bin/python scripts/build_survey_360_data.py")
    assert len(outputs) == 3
    xml = (tmp_path / "survey_360_data.xml").read_text(encoding="utf-8")
    assert xml.count('model="survey.question"') == 20
    assert xml.count('name="matrix_question_id"') == 35 + 24
    assert xml.count('name="answer_score"') == 5 * 20
