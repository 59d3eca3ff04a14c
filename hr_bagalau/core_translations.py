"""Kazakh for the parts of Odoo a Bagalau user sees.

Odoo 18 ships no Kazakh for ``base``, ``web``, ``mail``, ``hr`` or ``survey``,
so a Kazakh user would read English in the chatter, the Discuss home, the
dialogs and the survey pages.  The addon ships Kazakh for those addons in
``i18n_core/kk/<addon>.po`` and, where a term has no Kazakh yet, shows the
Russian one of the addon's own ``i18n/ru.po`` instead of the English source:
a Kazakh civil servant reads Russian, not English.  Odoo's tree is never
edited; Odoo keeps two kinds of terms, so there are two entry points:

* Terms of records (field labels, selection values, views, menus, mail
  templates) are stored in the database when a module or a language is
  loaded: ``ir.module.module._load_module_terms`` (models/ir_module_module.py)
  calls :func:`load_kazakh_terms` after Odoo's own loading.

* Terms of the code (Python ``_()``, JavaScript ``_t``) are read from po files
  at run time by ``odoo.tools.translate.CodeTranslations`` and cached per
  (addon, language) for the life of the process.  Its single reader,
  ``CodeTranslations._get_code_translations``, is wrapped once when the addon
  is imported (manifest ``post_load``): for Kazakh it layers the Russian
  stand-in, then the shipped Kazakh of any addon for the same English source
  (the web client merges every addon's terms into one dictionary, so "Cancel"
  must be Kazakh in all of them or a Russian one might win), then the addon's
  own Kazakh (``<addon>/i18n/kk.po``), then the shipped file of that addon.
  Wrapping the reader rather than ``ir.http.get_translations_for_webclient``
  covers both the web client and the server's ``_()`` (error messages, mail
  bodies) with one change.  The wrapper is process-wide like the cache it
  feeds; it only ever changes ``kk_KZ``, the language this addon creates.
"""

import functools
from pathlib import Path

from odoo.tools import translate
from odoo.tools.translate import CodeTranslations, TranslationFileReader, TranslationImporter, get_po_paths

KAZAKH = "kk_KZ"
FALLBACK = "ru_RU"
SHIPPED_DIR = Path(__file__).resolve().parent / "i18n_core" / "kk"
# Our own addons carry complete kk.po files of their own.
OWN_ADDONS = frozenset({"hr_bagalau", "hr_bagalau_360", "hr_bagalau_reports"})


def shipped_addons():
    """The core addons this addon ships Kazakh for."""
    return sorted(path.stem for path in SHIPPED_DIR.glob("*.po"))


def shipped_path(addon):
    path = SHIPPED_DIR / f"{addon}.po"
    return str(path) if path.is_file() else None


def read_rows(path):
    """The rows of a po file as Odoo reads them (one per occurrence; Odoo's
    own ru.po comes merged with its pot, so with every term of the addon)."""
    with open(path, "rb") as fileobj:
        return tuple(TranslationFileReader(fileobj, fileformat="po"))


@functools.cache
def shipped_rows(addon):
    return read_rows(shipped_path(addon)) if shipped_path(addon) else ()


@functools.cache
def shipped_kazakh():
    """{English source: Kazakh} of the code terms of every shipped file (the
    terms of records, view fragments among them, stay with their records)."""
    return {row["src"]: row["value"] for addon in shipped_addons()
            for row in shipped_rows(addon) if row["type"] == "code" and row.get("value")}


def _code_rows(rows, filter_func):
    """Code rows of the kind ``filter_func`` asks for (Python or JavaScript),
    whether translated or not."""
    for row in rows:
        if row["type"] == "code" and row.get("src") and filter_func({**row, "value": row.get("value") or "-"}):
            yield row


_odoo_get_code_translations = CodeTranslations._get_code_translations


def _get_code_translations(module_name, lang, filter_func):
    translations = _odoo_get_code_translations(module_name, lang, filter_func)
    if lang != KAZAKH:
        return translations
    kazakh = shipped_kazakh()
    merged = {}
    for path in get_po_paths(module_name, FALLBACK):
        for row in _code_rows(read_rows(path), filter_func):
            value = kazakh.get(row["src"]) or row.get("value")
            if value:
                merged[row["src"]] = value
    merged.update(translations)
    merged.update({row["src"]: row["value"] for row in _code_rows(shipped_rows(module_name), filter_func)
                   if row.get("value")})
    return merged


_get_code_translations.bagalau = True


def patch_code_translations():
    """Manifest ``post_load``: Kazakh code terms of the core addons."""
    if getattr(CodeTranslations._get_code_translations, "bagalau", False):
        return
    CodeTranslations._get_code_translations = staticmethod(_get_code_translations)
    # Anything read in Kazakh before the wrapper is read again.
    cache = translate.code_translations
    for terms in (cache.python_translations, cache.web_translations):
        for key in [key for key in terms if key[1] == KAZAKH]:
            del terms[key]


def load_kazakh_terms(env, addons):
    """Store the Kazakh record terms of ``addons`` (field labels, views,
    menus…) for the Kazakh language, which must be active.

    Russian first, only where Kazakh has nothing yet (Odoo's own ``kk.po``,
    loaded just before, or a translation someone typed); then the shipped
    Kazakh, which replaces a Russian stand-in left by an earlier load (records
    marked noupdate keep theirs, as with Odoo's own files).
    """
    fallback = TranslationImporter(env.cr, verbose=False)
    shipped = TranslationImporter(env.cr, verbose=False)
    for addon in addons:
        if addon in OWN_ADDONS:
            continue
        for path in get_po_paths(addon, FALLBACK):
            fallback.load_file(path, KAZAKH)
        if shipped_path(addon):
            shipped.load_file(shipped_path(addon), KAZAKH)
    fallback.save(overwrite=False)
    shipped.save(overwrite=True)


def fill_inherited_selections(env, lang):
    """Selection values of fields a model inherits from a mixin (the
    activities' state: Overdue, Today, Planned) are records of the mixin's
    addon made for each model, which no po file names: give them the
    translation of the same label of the same field on another model."""
    env.flush_all()
    env.cr.execute(
        """
        UPDATE ir_model_fields_selection AS selection
           SET name = selection.name || jsonb_build_object(%(lang)s, translated.label)
          FROM (SELECT DISTINCT ON (mine.id) mine.id, other.name ->> %(lang)s AS label
                  FROM ir_model_fields_selection AS mine
                  JOIN ir_model_fields AS field ON field.id = mine.field_id
                  JOIN ir_model_fields AS other_field ON other_field.name = field.name AND other_field.id != field.id
                  JOIN ir_model_fields_selection AS other ON other.field_id = other_field.id
                       AND other.value = mine.value AND other.name ->> 'en_US' = mine.name ->> 'en_US'
                 WHERE NOT mine.name ? %(lang)s AND other.name ? %(lang)s
                 ORDER BY mine.id, other.id) AS translated
         WHERE translated.id = selection.id
        """,
        {"lang": lang},
    )
    if env.cr.rowcount:
        env.invalidate_all()
        env.registry.clear_cache()


def coverage(addon):
    """(terms, in Kazakh, in Russian) of a core addon, counted by English source
    over its pot: in Kazakh = shipped or Odoo's own kk.po; in Russian = the
    rest that the Russian stand-in covers."""
    russian_rows = [row for path in get_po_paths(addon, FALLBACK) for row in read_rows(path)]
    sources = {row["src"] for row in russian_rows}
    kazakh_rows = [*shipped_rows(addon), *(row for path in get_po_paths(addon, KAZAKH) for row in read_rows(path))]
    kazakh = {row["src"] for row in kazakh_rows if row.get("value")}
    russian = {row["src"] for row in russian_rows if row.get("value")}
    return len(sources), len(sources & kazakh), len((sources & russian) - kazakh)
