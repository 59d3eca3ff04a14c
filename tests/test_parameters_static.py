"""A rule's parameter lives in one place: the methodology record.

The models read each parameter from a field of ``hr.bagalau.methodology``
declared with ``bagalau_parameter`` and give it to the engine as an
argument. Only the install-time loader of the typical presets
(hr_bagalau_methodology_preset.py) reads engine/presets.py, and no model
keeps a term, a count or a bound of its own as a module constant: an
agency's copy of a methodology would not reach it (issue: "the absence
deferral is passed as 5 whatever the methodology says").
"""

import ast
import re
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
MODEL_FILES = sorted(PROJECT_DIR.glob("hr_bagalau*/models/*.py")) + sorted(PROJECT_DIR.glob("hr_bagalau*/wizards/*.py"))
PRESET_LOADER = PROJECT_DIR / "hr_bagalau" / "models" / "hr_bagalau_methodology_preset.py"
# Files that read engine/presets.py for something else than a parameter → what.
PRESET_NAME_READERS = {
    PROJECT_DIR / "hr_bagalau" / "models" / "hr_bagalau_engine_messages.py": "a preset's name in an engine error",
}
# Module constants whose name says they are a term, a count or a bound of a rule.
_PARAMETER_NAME = re.compile(r"(WORKING_DAYS|_DAYS|_YEARS|_MONTHS|_LIMIT|_THRESHOLD|MIN_|MAX_|_QUORUM|_WITNESSES)")
# Constants that are no rule of a methodology → why.
NOT_RULES = {
    "CHAR_MAX_LENGTH": "the longest one-line text any field accepts, against pasted garbage",
    "TEXT_MAX_LENGTH": "the longest text any field accepts, against pasted garbage",
}
_IDS = {"ids": lambda path: str(path.relative_to(PROJECT_DIR))}


def _imports_presets(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.endswith("engine.presets") or (module.endswith("engine") and any(
                    alias.name in ("presets", "PRESETS", "preset") for alias in node.names)):
                return True
        if isinstance(node, ast.Import) and any(alias.name.endswith("presets") for alias in node.names):
            return True
    return False


def _parameter_constants(tree):
    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, (int, float)) and not isinstance(node.value.value, bool):
            names += [target.id for target in node.targets
                      if isinstance(target, ast.Name) and _PARAMETER_NAME.search(target.id)]
    return names


@pytest.mark.parametrize("path", MODEL_FILES, **_IDS)
def test_no_model_reads_the_engine_presets(path):
    if path == PRESET_LOADER:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if path in PRESET_NAME_READERS:
        assert "_bagalau_engine_preset" not in path.read_text(encoding="utf-8")
        return
    assert not _imports_presets(tree), f"{path.name} imports engine.presets: read the methodology's field"
    assert "_bagalau_engine_preset" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", MODEL_FILES, **_IDS)
def test_no_model_keeps_a_parameter_of_its_own(path):
    constants = [name for name in _parameter_constants(ast.parse(path.read_text(encoding="utf-8")))
                 if name not in NOT_RULES]
    assert not constants, f"{path.name} keeps {constants}: make it a field of the methodology"


def test_the_scans_find_what_they_look_for():
    assert _imports_presets(ast.parse("from ..engine import presets"))
    assert _imports_presets(ast.parse("from ..engine.presets import preset"))
    assert not _imports_presets(ast.parse("from ..engine.bands import band_2023"))
    assert _parameter_constants(ast.parse("APPEAL_WORKING_DAYS = 10\nX = 'a'\nLAUNCH_BATCH_SIZE = 200")) == [
        "APPEAL_WORKING_DAYS"]
    assert _parameter_constants(ast.parse("DELEGATION_STAFF_LIMIT = 50")) == ["DELEGATION_STAFF_LIMIT"]


def test_the_loader_is_the_one_reader():
    assert _imports_presets(ast.parse(PRESET_LOADER.read_text(encoding="utf-8")))


def _parameter_fields():
    tree = ast.parse((PROJECT_DIR / "hr_bagalau" / "models" / "hr_bagalau_methodology.py").read_text(encoding="utf-8"))
    return [node.targets[0].id for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
            and any(keyword.arg == "bagalau_parameter" for keyword in node.value.keywords)]


def test_readme_lists_every_setting():
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    fields = _parameter_fields()
    assert len(fields) >= 35
    missing = [name for name in fields if f"`{name}`" not in readme]
    assert not missing, f"README's 'Configuring a methodology' does not list {missing}"
