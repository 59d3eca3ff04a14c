"""Build the Odoo data of the competency catalogue from its JSON.

    .venv/bin/python scripts/build_competency_data.py            # write into the addon
    .venv/bin/python scripts/build_competency_data.py --check    # exit 1 when out of date
    .venv/bin/python scripts/build_competency_data.py --output-dir DIR

Reads ``hr_bagalau/data/competency_catalogue.json`` (the seeds' Appendix 3 and
4, see scripts/competency_catalogue.md) and writes:

- ``hr_bagalau/data/hr_bagalau_competency_data.xml``: the 11 competencies
  (seed 003 Appendix 3), the methodology presets of seeds 002 and 000, and
  the levels of position, their categories and their behavioural indicators
  (seed 003 §26, Appendix 4) of the presets typical_2018, seed_002 and
  seed_000. English is the records' value;
- the Kazakh and Russian of those records into ``hr_bagalau/i18n/kk.po`` and
  ``ru.po``, as Odoo's model-term entries. Entries of other records are left
  as they are; records with the same English share one entry, as Odoo's own
  export makes them (the first record's text, in catalogue order, is the
  entry's translation).

Where a text is not the seed's own at its place, the JSON's "editorial"
section gives it (scripts/competency_catalogue.md, "Kazakh and Russian of the
Odoo records"):

- typical_2018: seed 001 (kk, amended 2022) states the opposite of seed 003
  (ru) in three cells; the catalogue keeps a ru-only and a kk-only entry
  there. They make one indicator, as the seeds count it (seed 003 §26): the
  ru-only entry, with the kk of seed 002 at the same place;
- seed_002 and seed_000 have no Russian: an indicator takes the ru of the
  typical_2018 indicator at the same competency, level, kind and position
  when its kk is the same as seed 001's there, and the ru of any record with
  the same English; every other one has a Russian translation, "translated,
  not from a seed".

Needs polib (in the project's venv).
"""

import argparse
import bisect
import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import polib

PROJECT_DIR = Path(__file__).resolve().parent.parent
ADDON_DIR = PROJECT_DIR / "hr_bagalau"
CATALOGUE = ADDON_DIR / "data" / "competency_catalogue.json"
XML_NAME = "hr_bagalau_competency_data.xml"
XML_PATH = ADDON_DIR / "data" / XML_NAME
PO_DIR = ADDON_DIR / "i18n"
LANGS = ("kk", "ru")
MODULE = "hr_bagalau"
KINDS = ("effective", "ineffective")
UNIT_HEAD = {None: "any", True: "yes", False: "no"}
#: The methodology records of the agency variants: preset key → (xml id, generation, period).
SEED_METHODOLOGIES = {
    "seed_002": ("methodology_seed_002", "2018", "year"),
    "seed_000": ("methodology_seed_000", "2018", "year"),
}
#: The preset whose methodology record hr_bagalau_methodology_data.xml makes.
TYPICAL = "typical_2018"
TYPICAL_METHODOLOGY = "methodology_typical_2018"
#: The occurrences of the records this script makes: only these entries of
#: the po files are its own.
OWN_OCCURRENCE = re.compile(
    r"^model:hr\.bagalau\.(?:competency,name:hr_bagalau\.competency_"
    r"|competency\.level,name:hr_bagalau\.level_"
    r"|competency\.indicator,name:hr_bagalau\.indicator_"
    r"|methodology,name:hr_bagalau\.methodology_seed_)"
)


class CatalogueError(Exception):
    """The JSON cannot be turned into records."""


def load_presets():
    """The engine's presets (hr_bagalau/engine/presets.py), without Odoo."""
    engine_dir = ADDON_DIR / "engine"
    name = "_bagalau_engine_for_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, engine_dir / "__init__.py", submodule_search_locations=[str(engine_dir)]
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name].PRESETS


class Record:
    """One record of the data file, with the kk and ru of its ``name``."""

    def __init__(self, xml_id, model, fields, name=None, comment=None):
        self.xml_id = xml_id
        self.model = model
        self.fields = fields  # [(field, kind, value)], kind: text, ref, eval
        self.name = name  # {"en", "kk", "ru"} or None
        self.comment = comment

    def occurrence(self):
        return f"model:{self.model},name:{MODULE}.{self.xml_id}"


def _category_xml_id(code):
    return "position_category_" + code.lower().replace("-", "_")


def _indicators(catalogue, preset_key, level, competency, kind):
    """The indicators of one cell: [(n, entry, kk)], ``kk`` the Kazakh of the record.

    A typical_2018 cell may hold a ru-only entry followed by a kk-only entry
    (seed 001 states the opposite there): one indicator, the ru-only entry,
    its kk from the editorial section.
    """
    entries = level["indicators"][competency][kind]
    unpaired = catalogue["editorial"]["unpaired_kk"]
    records = []
    skip_next = False
    for index, entry in enumerate(entries):
        if skip_next:
            skip_next = False
            if entry["ru"] is not None or entry["kk"] is None:
                raise CatalogueError(f"{preset_key}/{level['key']}/{competency}/{kind}: a ru-only entry must be "
                                     "followed by its kk-only counterpart")
            continue
        number = len(records) + 1
        xml_id = f"indicator_{preset_key}_{level['key']}_{competency}_{kind}_{number}"
        kk = entry["kk"]
        if preset_key == TYPICAL and kk is None:
            fix = unpaired.get(xml_id)
            if not fix or fix["ru"] != entry["ru"] or fix["en"] != entry["en"]:
                raise CatalogueError(f"{xml_id}: a ru-only entry needs its kk in editorial.unpaired_kk")
            kk = fix["kk"]
            skip_next = index + 1 < len(entries) and entries[index + 1]["ru"] is None
        elif preset_key == TYPICAL and entry["ru"] is None:
            raise CatalogueError(f"{xml_id}: a kk-only entry that follows no ru-only entry")
        records.append((number, xml_id, entry, kk))
    return records


class _Builder:
    """Turns the catalogue into records, checking the editorial texts on the way."""

    def __init__(self, catalogue, presets):
        self.catalogue = catalogue
        self.presets = presets
        self.editorial = catalogue["editorial"]
        self.translated = self.editorial["ru_translated"]
        self.used = set()  # editorial texts used
        self.ru_by_en = {}  # one po entry per English text
        self.typical_by_place = {}  # (level, competency, kind, number) → typical_2018 entry
        self.records = []
        self.keys = [competency["key"] for competency in catalogue["competencies"]]

    def build(self):
        for competency in self.catalogue["competencies"]:
            self.records.append(Record(
                f"competency_{competency['key']}", "hr.bagalau.competency",
                [("name", "text", competency["name"]["en"]), ("key", "text", competency["key"]),
                 ("sequence", "text", str(competency["sequence"])),
                 ("public_service", "eval", str(bool(competency["public_service"])))],
                name=competency["name"],
            ))
        for preset_key, (xml_id, generation, period) in SEED_METHODOLOGIES.items():
            name = self.presets[preset_key]["name"]
            self.records.append(Record(
                xml_id, "hr.bagalau.methodology",
                [("name", "text", name["en"]), ("preset_key", "text", preset_key),
                 ("generation", "text", generation), ("period", "text", period)],
                name=name,
            ))
        self.records.append(Record(None, "function", [("_apply_presets", "function", "hr.bagalau.methodology")]))
        for preset_key, preset in self.catalogue["presets"].items():
            for sequence, level in enumerate(preset["levels"], start=1):
                self._level(preset_key, preset, sequence, level)
        unused = (set(self.translated) | set(self.editorial["unpaired_kk"])) - self.used
        if unused:
            raise CatalogueError(f"editorial texts that no record uses: {sorted(unused)}")
        return self.records

    def _level(self, preset_key, preset, sequence, level):
        methodology = TYPICAL_METHODOLOGY if preset_key == TYPICAL else SEED_METHODOLOGIES[preset_key][0]
        seeds = ", ".join(f"seed {seed}" for seed in preset["seeds"])
        level_id = f"level_{preset_key}_{level['key']}"
        self.records.append(Record(
            level_id, "hr.bagalau.competency.level",
            [("methodology_id", "ref", methodology), ("name", "text", level["name"]["en"]),
             ("key", "text", level["key"]), ("sequence", "text", str(sequence))],
            name=level["name"],
            comment=f"{preset_key}: {level['name']['en']} ({seeds} Appendix 4)",
        ))
        for category in level["categories"]:
            code, head = category["code"], UNIT_HEAD[category["unit_head"]]
            self.records.append(Record(
                f"level_category_{preset_key}_{level['key']}_{code.lower().replace('-', '_')}_{head}",
                "hr.bagalau.competency.level.category",
                [("level_id", "ref", level_id), ("category_id", "ref", _category_xml_id(code)),
                 ("unit_head", "text", head)],
            ))
        if list(level["indicators"]) != self.keys:
            raise CatalogueError(f"{level_id}: the indicators must follow the 11 competencies")
        for competency in self.keys:
            for kind in KINDS:
                for number, xml_id, entry, kk in _indicators(self.catalogue, preset_key, level, competency, kind):
                    place = (level["key"], competency, kind, number)
                    if xml_id in self.editorial["unpaired_kk"]:
                        self.used.add(xml_id)
                    if preset_key == TYPICAL:
                        ru = entry["ru"]
                        self.typical_by_place[place] = entry
                    else:
                        ru = self._variant_ru(preset_key, place, xml_id, entry)
                    self.ru_by_en.setdefault(entry["en"], ru)
                    self.records.append(Record(
                        xml_id, "hr.bagalau.competency.indicator",
                        [("level_id", "ref", level_id), ("competency_id", "ref", f"competency_{competency}"),
                         ("kind", "text", kind), ("sequence", "text", str(number)),
                         ("name", "text", entry["en"])],
                        name={"en": entry["en"], "kk": kk, "ru": ru},
                    ))

    def _variant_ru(self, preset_key, place, xml_id, entry):
        """The ru of an indicator of seed 002 / seed 000 (no Russian in those seeds)."""
        own = self.translated.get(xml_id)
        if own:
            self.used.add(xml_id)
        if entry["en"] in self.ru_by_en:
            # One po entry per English text: the first record's ru is this one's.
            if own:
                raise CatalogueError(f"{xml_id}: shares its English with an earlier record, whose ru it takes; "
                                     "remove its translation")
            return self.ru_by_en[entry["en"]]
        level_key, competency, kind, number = place
        typical_level = self.editorial["typical_level"][preset_key][level_key]
        typical = self.typical_by_place.get((typical_level, competency, kind, number))
        if typical and typical["kk"] is not None and typical["kk"] == entry["kk"]:
            if own:
                raise CatalogueError(f"{xml_id}: its kk is seed 001's at the same place; it takes seed 003's ru")
            return typical["ru"]
        if not own:
            raise CatalogueError(f"{xml_id}: no Russian; add it to editorial.ru_translated")
        if own["kk"] != entry["kk"] or own["en"] != entry["en"]:
            raise CatalogueError(f"{xml_id}: the translation was made for another text; check it again")
        return own["ru"]


def build_records(catalogue, presets):
    """Every record of the data file, in file order."""
    return _Builder(catalogue, presets).build()


def render_xml(records):
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<odoo>",
        "    <!-- Generated by scripts/build_competency_data.py from data/competency_catalogue.json:",
        "         change the JSON and run the script, never this file. English is the value of the",
        "         records; their Kazakh and Russian are in i18n/kk.po and i18n/ru.po. -->",
        "",
        "    <!-- The 11 competencies of the evaluation sheet, in its order (seed 003 Appendix 3);",
        "         public_service: not evaluated without public services (Appendix 3 footnote). -->",
    ]
    previous = None
    for record in records:
        if record.model == "function":
            (method, _kind, model), = record.fields
            lines += ["    <!-- The seed presets take the parameters of engine/presets.py. -->",
                      f'    <function model="{model}" name="{method}"/>']
            previous = record.model
            continue
        if record.model == "hr.bagalau.methodology" and previous != record.model:
            lines += ["", "    <!-- Methodologies of agencies with their own Appendix 4 (seeds 002 and 000). -->"]
        if record.model == "hr.bagalau.competency.level":
            lines += ["", "    <!-- Level of position, " + escape(record.comment) + "; indicators at most ten per",
                      "         competency and kind (seed 003 §26). -->"]
        lines.append(f"    <record id={quoteattr(record.xml_id)} model={quoteattr(record.model)}>")
        for field, kind, value in record.fields:
            if kind == "ref":
                lines.append(f'        <field name="{field}" ref={quoteattr(value)}/>')
            elif kind == "eval":
                lines.append(f'        <field name="{field}" eval={quoteattr(value)}/>')
            else:
                lines.append(f'        <field name="{field}">{escape(value)}</field>')
        lines.append("    </record>")
        previous = record.model
    lines += ["</odoo>", ""]
    return "\n".join(lines)


def po_terms(records, lang):
    """English → (translation, sorted occurrences) of the records' names; and the
    English whose records disagree on the translation (the first one is kept)."""
    terms = {}
    disagreements = []
    for record in records:
        if not record.name:
            continue
        text = record.name[lang]
        if not text:
            raise CatalogueError(f"{record.xml_id}: no {lang} text")
        msgid = record.name["en"]
        if msgid in terms:
            if terms[msgid][0] != text:
                disagreements.append((msgid, record.xml_id))
            terms[msgid][1].add(record.occurrence())
        else:
            terms[msgid] = (text, {record.occurrence()})
    return {msgid: (text, sorted(occurrences)) for msgid, (text, occurrences) in terms.items()}, disagreements


def merge_po(po, terms):
    """Put ``terms`` into ``po`` as this script's entries; others stay as they are.

    Returns the English whose entry belongs to others too and keeps another
    translation.
    """
    kept_theirs = []
    for entry in list(po):
        own = [occurrence for occurrence in entry.occurrences if OWN_OCCURRENCE.match(occurrence[0])]
        if not own:
            continue
        entry.occurrences = [occurrence for occurrence in entry.occurrences if occurrence not in own]
        if not entry.occurrences:
            po.remove(entry)
    for msgid, (text, names) in sorted(terms.items()):
        occurrences = [(name, "") for name in names]
        entry = po.find(msgid)
        if entry is not None and not entry.obsolete:
            entry.occurrences = sorted(set(entry.occurrences) | set(occurrences))
            if not entry.msgstr:
                entry.msgstr = text
            elif entry.msgstr != text:
                kept_theirs.append(msgid)
            continue
        entry = polib.POEntry(msgid=msgid, msgstr=text, occurrences=occurrences, comment=f"module: {MODULE}")
        position = bisect.bisect_right([existing.msgid for existing in po], msgid)
        po.insert(position, entry)
    return kept_theirs


def build(output_dir=None, po_dir=PO_DIR, catalogue_path=CATALOGUE):
    """Write the data file and the po files; return {path: text} of what was written
    and the notes on shared entries."""
    catalogue = json.loads(Path(catalogue_path).read_text(encoding="utf-8"))
    records = build_records(catalogue, load_presets())
    outputs = {}
    xml_path = Path(output_dir) / XML_NAME if output_dir else XML_PATH
    outputs[xml_path] = render_xml(records)
    notes = []
    for lang in LANGS:
        terms, disagreements = po_terms(records, lang)
        notes += [f"{lang}: “{msgid}” shared: {xml_id} takes the text of the first record with this English"
                  for msgid, xml_id in disagreements]
        # Read the shared file right before writing it: others add their entries too.
        po = polib.pofile(str(Path(po_dir) / f"{lang}.po"), wrapwidth=78)
        kept = merge_po(po, terms)
        notes += [f"{lang}: “{msgid}” has another translation already, kept" for msgid in kept]
        outputs[(Path(output_dir) if output_dir else Path(po_dir)) / f"{lang}.po"] = str(po) + "\n"
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return outputs, notes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", help="write the data file and kk.po, ru.po there, not into the addon")
    parser.add_argument("--check", action="store_true", help="exit 1 when the addon's files are out of date")
    parser.add_argument("--verbose", action="store_true", help="list the po entries that records share")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            build(output_dir=tmp)
            stale = [path for path in (XML_PATH, PO_DIR / "kk.po", PO_DIR / "ru.po")
                     if not path.exists()
                     or (Path(tmp) / path.name).read_text(encoding="utf-8") != path.read_text(encoding="utf-8")]
        if stale:
            sys.stderr.write("out of date: " + ", ".join(str(path.relative_to(PROJECT_DIR)) for path in stale) + "\n")
            return 1
        return 0
    outputs, notes = build(output_dir=args.output_dir)
    for path in outputs:
        sys.stdout.write(f"{path}\n")
    sys.stdout.write(f"{len(notes)} po entries shared by records whose texts differ\n")
    if args.verbose:
        for note in notes:
            sys.stdout.write(note + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
