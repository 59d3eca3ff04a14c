"""Helpers of the engine tests: load the engine by path, read the seeds.

hr_bagalau/__init__.py imports Odoo, so the engine package is loaded by path
under the module name ``bagalau_engine`` without running it. Importing this
module loads it: every test file starts with ``import engine_support``, then
``from bagalau_engine import ...``. (No conftest.py here: a second module
named ``conftest`` would shadow tests/conftest.py, which tests/test_odoo.py
imports by name.)
"""

import importlib.util
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
ENGINE_DIR = PROJECT_DIR / "hr_bagalau" / "engine"
#: The seeds, when the shared folder lies beside the checkout (as in CI).
SEEDS_DIR = PROJECT_DIR.parent / "shared" / "seeds"


def load_engine():
    """Import hr_bagalau/engine as ``bagalau_engine`` (once) and return it."""
    if "bagalau_engine" in sys.modules:
        return sys.modules["bagalau_engine"]
    spec = importlib.util.spec_from_file_location(
        "bagalau_engine",
        ENGINE_DIR / "__init__.py",
        submodule_search_locations=[str(ENGINE_DIR)],
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["bagalau_engine"] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules["bagalau_engine"]
        raise
    return module


def seed_text(number):
    """The text of seed ``number`` (e.g. '004'), or None when the seeds are not there."""
    matches = sorted(SEEDS_DIR.glob(f"{number}_*.txt")) if SEEDS_DIR.is_dir() else []
    return matches[0].read_text(encoding="utf-8") if matches else None


load_engine()
