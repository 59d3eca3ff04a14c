"""Write hr_bagalau/i18n_core/kk/<addon>.po from the glossary.

Usage: python scripts/core_kk_po.py [ODOO_SRC]   (default: $ODOO_SRC or /opt/odoo/18.0)

scripts/core_kk_glossary.tsv (one term a line, line breaks written \\n) gives the Kazakh of English sources of Odoo's
core addons; every entry of an addon's pot whose source is in the glossary
(or its ru.po, sometimes newer) goes into that addon's file with the pot's occurrences and comments, so that
Odoo reads it as its own.  Edit the glossary, run the script, commit both.
"""

import os
import sys
from pathlib import Path

import polib

PROJECT_DIR = Path(__file__).resolve().parent.parent
GLOSSARY = PROJECT_DIR / "scripts" / "core_kk_glossary.tsv"
TARGET = PROJECT_DIR / "hr_bagalau" / "i18n_core" / "kk"
# The core addons a Bagalau user sees.
ADDONS = ("base", "web", "mail", "hr", "hr_skills", "resource", "survey", "portal", "bus")


def read_glossary():
    glossary = {}
    for number, line in enumerate(GLOSSARY.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        source, sep, kazakh = line.partition("\t")
        if not sep or not kazakh.strip():
            sys.exit(f"{GLOSSARY.name}:{number}: expected 'English<TAB>Kazakh'")
        # A line break of a term is written \n.
        glossary[source.replace("\\n", "\n")] = kazakh.replace("\\n", "\n")
    return glossary


def pot_path(odoo_src, addon):
    base = odoo_src / "odoo" / "addons" / addon if addon == "base" else odoo_src / "addons" / addon
    return base / "i18n" / f"{addon}.pot"


def main():
    odoo_src = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ODOO_SRC", "/opt/odoo/18.0"))
    glossary = read_glossary()
    used = set()
    TARGET.mkdir(parents=True, exist_ok=True)
    for addon in ADDONS:
        pot = polib.pofile(str(pot_path(odoo_src, addon)))
        # Odoo's ru.po is sometimes newer than its pot: take the terms of both.
        russian = pot_path(odoo_src, addon).with_name("ru.po")
        if russian.exists():
            known = {entry.msgid: entry for entry in pot}
            for entry in polib.pofile(str(russian)):
                if entry.msgid not in known:
                    pot.append(entry)
                else:
                    missing = [o for o in entry.occurrences if o not in known[entry.msgid].occurrences]
                    known[entry.msgid].occurrences.extend(missing)
        po = polib.POFile(wrapwidth=78)
        po.metadata = {
            "Project-Id-Version": "Bagalau: Kazakh for Odoo 18.0",
            "Language": "kk",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
        for entry in pot:
            if entry.msgid in glossary and not entry.msgid_plural:
                po.append(polib.POEntry(msgid=entry.msgid, msgstr=glossary[entry.msgid],
                                        occurrences=entry.occurrences, comment=entry.comment,
                                        flags=entry.flags))
                used.add(entry.msgid)
        path = TARGET / f"{addon}.po"
        if len(po):
            po.save(str(path))
        elif path.exists():
            path.unlink()
        print(f"{addon}: {len(po)} terms")  # noqa: T201
    for source in sorted(set(glossary) - used):
        print(f"not in any pot: {source!r}")  # noqa: T201


if __name__ == "__main__":
    main()
