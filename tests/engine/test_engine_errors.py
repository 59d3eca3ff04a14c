"""Every error code is documented; the engine is plain Python (no Odoo)."""

import ast
import re
import sys

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import MESSAGES, EngineError
from engine_support import ENGINE_DIR

SOURCES = sorted(ENGINE_DIR.glob("*.py"))


def _raised_codes():
    codes = {}
    for path in SOURCES:
        for match in re.finditer(r'EngineError\(\s*"([a-z_0-9]+)"', path.read_text("utf-8")):
            codes.setdefault(match.group(1), path.name)
    return codes


def test_every_raised_code_is_documented():
    undocumented = {code: where for code, where in _raised_codes().items() if code not in MESSAGES}
    assert undocumented == {}


def test_every_documented_code_is_raised():
    assert set(MESSAGES) - set(_raised_codes()) == set()


def test_an_engine_error_is_a_value_error_with_code_and_params():
    error = EngineError("score_out_of_range", score="5.5", low="0", high="5")
    assert isinstance(error, ValueError)
    assert error.code == "score_out_of_range"
    assert error.params == {"score": "5.5", "low": "0", "high": "5"}
    assert str(error) == "Score 5.5 is outside the allowed range 0 to 5."
    with pytest.raises(KeyError):
        EngineError("no_such_code")


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_templates_use_named_params_only(code):
    template = MESSAGES[code]
    names = re.findall(r"%\((\w+)\)s", template)
    assert template.count("%") == len(names)
    assert str(EngineError(code, **dict.fromkeys(names, "x")))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_the_engine_imports_only_stdlib_and_holidays(path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: the engine itself
                continue
            modules = [node.module]
        else:
            continue
        for module in modules:
            top = module.split(".")[0]
            assert top != "odoo"
            assert top in sys.stdlib_module_names or top == "holidays", module
