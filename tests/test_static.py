"""Static checks of the addons, without Odoo: manifests, data files, ACLs."""

import ast
import csv
import re
from pathlib import Path

import pytest
from lxml import etree

PROJECT_DIR = Path(__file__).resolve().parent.parent
ADDONS = ("hr_bagalau", "hr_bagalau_360", "hr_bagalau_reports")
MANIFEST_FILE_KEYS = ("data", "demo")
ODOO_MODELS_USED = {
    # Models of Odoo's own addons that our ACL rows may name.
    "model_survey_survey", "model_hr_employee",
}


def manifest(addon):
    return ast.literal_eval((PROJECT_DIR / addon / "__manifest__.py").read_text(encoding="utf-8"))


def models_defined(addon):
    """The ``model_<name>`` ids of the models an addon's Python defines."""
    names = set()
    for path in (PROJECT_DIR / addon).rglob("*.py"):
        for match in re.finditer(r"^\s*_name\s*=\s*[\"']([\w.]+)[\"']", path.read_text(encoding="utf-8"), re.M):
            names.add("model_" + match.group(1).replace(".", "_"))
    return names


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_is_complete_and_lists_existing_files(addon):
    data = manifest(addon)
    assert data["version"] == "18.0.1.0.0"
    assert data["license"] == "LGPL-3"
    assert data["installable"] is True
    for key in MANIFEST_FILE_KEYS:
        for name in data.get(key, []):
            assert (PROJECT_DIR / addon / name).is_file(), f"{addon}: {key} lists {name}, which does not exist"
    assert (PROJECT_DIR / addon / "static" / "description" / "icon.png").is_file()


def test_dependencies_follow_the_architecture():
    assert "hr" in manifest("hr_bagalau")["depends"]
    assert set(manifest("hr_bagalau_360")["depends"]) >= {"hr_bagalau", "survey"}
    assert set(manifest("hr_bagalau_reports")["depends"]) >= {"hr_bagalau", "hr_bagalau_360"}


def test_python_dependencies_are_declared_and_installed_by_readme():
    declared = set()
    for addon in ADDONS:
        declared |= set(manifest(addon).get("external_dependencies", {}).get("python", []))
    assert declared >= {"xlsxwriter", "num2words", "holidays"}
    requirements = (PROJECT_DIR / "requirements.txt").read_text(encoding="utf-8").lower()
    for package in declared:
        assert package in requirements, f"{package} is not in requirements.txt"


@pytest.mark.parametrize("path", sorted(p.relative_to(PROJECT_DIR) for addon in ADDONS
                                        for p in (PROJECT_DIR / addon).rglob("*.xml")), ids=str)
def test_every_xml_file_parses(path):
    etree.parse(str(PROJECT_DIR / path))


@pytest.mark.parametrize("addon", [addon for addon in ADDONS
                                   if (PROJECT_DIR / addon / "security" / "ir.model.access.csv").exists()])
def test_every_acl_row_names_a_known_model(addon):
    acl = PROJECT_DIR / addon / "security" / "ir.model.access.csv"
    known = set(ODOO_MODELS_USED)
    for name in (addon, *manifest(addon)["depends"]):
        if (PROJECT_DIR / name).is_dir():
            known |= models_defined(name)
    with acl.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        model = row["model_id:id"].split(".")[-1]
        assert model in known, f"{acl}: {row['id']} names {model}, which no addon defines"


def test_engine_does_not_import_odoo():
    for path in (PROJECT_DIR / "hr_bagalau" / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(name.split(".")[0] == "odoo" for name in names), f"{path} imports odoo"


@pytest.mark.parametrize("path", sorted(p.relative_to(PROJECT_DIR) for addon in ADDONS
                                        for p in (PROJECT_DIR / addon).rglob("*.py")), ids=str)
def test_odoo_can_extract_the_terms_to_translate(path):
    # Odoo reads _() calls with babel's Python extractor (odoo/tools/translate.py);
    # an f-string or expression it cannot evaluate there loses the file's terms.
    extract = pytest.importorskip("babel.messages.extract")
    with (PROJECT_DIR / path).open("rb") as source:
        list(extract.extract("python", source, keywords={"_": None, "_lt": None}))
