"""The Odoo side says every engine error in the user's words: a sentence for
every code of ``MESSAGES``, with the same parameters, and words for every
field name, role, shift and problem the engine puts into its parameters
(hr_bagalau/models/hr_bagalau_engine_messages.py, read without Odoo)."""

import ast
import re

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import MESSAGES
from bagalau_engine.differentiation import PARAMETERS
from bagalau_engine.kpi_2018 import GRADES_2018
from bagalau_engine.survey_360 import ROLES
from bagalau_engine.workdays import SHIFTS
from engine_support import ENGINE_DIR, PROJECT_DIR

MESSAGES_FILE = PROJECT_DIR / "hr_bagalau" / "models" / "hr_bagalau_engine_messages.py"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _lazy_dict(name):
    """``{key: source text}`` of the module-level dict ``name`` of ``_lt(...)`` calls."""
    tree = ast.parse(MESSAGES_FILE.read_text("utf-8"))
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == name:
            result = {}
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                assert isinstance(value, ast.Call) and value.func.id == "_lt", f"{name}[{key.value!r}] is not _lt()"
                [text] = value.args
                result[ast.literal_eval(key)] = ast.literal_eval(text)
            return result
    raise AssertionError(f"{name} is not defined in {MESSAGES_FILE.name}")


SENTENCES = _lazy_dict("ENGINE_MESSAGES")
WORDS = _lazy_dict("ENGINE_WORDS")
PROBLEMS = _lazy_dict("ENGINE_PROBLEMS")


def test_every_engine_code_has_a_sentence_and_no_sentence_is_stale():
    assert set(MESSAGES) - set(SENTENCES) == set(), "engine codes without a translatable sentence"
    assert set(SENTENCES) - set(MESSAGES) == set(), "sentences of codes the engine does not have"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_a_sentence_has_the_parameters_of_its_code(code):
    assert set(PLACEHOLDER.findall(SENTENCES[code])) == set(PLACEHOLDER.findall(MESSAGES[code]))
    assert SENTENCES[code].rstrip().endswith("."), "a whole sentence"


def _engine_sources():
    return {path.name: path.read_text("utf-8") for path in ENGINE_DIR.glob("*.py")}


def test_every_field_name_the_engine_reports_has_words():
    """``to_decimal(x, "percent_from")`` reports ``percent_from`` in ``field``."""
    names = set()
    for text in _engine_sources().values():
        names |= set(re.findall(r'\bto_(?:decimal|fraction|count|date)\([^()]*?,\s*"([^"]+)"\)', text))
        names |= set(re.findall(r'\bfield(?:_from|_to)?="([^"]+)"', text))
        names |= set(re.findall(r'\b_optional_date\([^()]*?,\s*"([^"]+)"\)', text))
    # Defaults of the checkers, and names passed as variables.
    names |= {"value", "date", *PARAMETERS, *GRADES_2018[:3]}
    assert len(names) > 30, "the pattern still finds the engine's field names"
    assert names - set(WORDS) == set()


def test_roles_and_shifts_have_words():
    assert set(ROLES) | set(SHIFTS) <= set(WORDS)


def test_every_problem_the_engine_describes_has_words():
    problems = set()
    for text in _engine_sources().values():
        problems |= set(re.findall(r'\bproblem="([^"]+)"', text))
    assert len(problems) > 10
    assert problems - set(PROBLEMS) == set()
    # The one problem with numbers (kpi_2018.py) is read by a pattern.
    assert 'problem=f"\'excellent\' needs {counts[0]} achieved KPIs of {kpi_count}"' in _engine_sources()[
        "kpi_2018.py"]
