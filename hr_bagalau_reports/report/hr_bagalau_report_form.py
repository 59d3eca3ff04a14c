"""What every printed form of the methodology needs: the language the user
chose, the reader's right to the record, the persons' surnames with initials,
dates and numbers in the chosen language, and whether the document is final
(a draft prints with a watermark)."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

# The forms exist in the two languages of the methodology (seeds 001-004).
FORM_LANGS = {"kk_KZ": "kz", "ru_RU": "ru"}


def surname_initials(name):
    """"Серікбаев Нұрлан Болатұлы" → "Серікбаев Н.Б.": the seeds' "тегі,
    аты-жөнінің бірінші әріптері" / "фамилия, инициалы"."""
    parts = (name or "").split()
    if not parts:
        return ""
    return " ".join([parts[0], "".join(f"{part[0]}." for part in parts[1:])]).strip()


def number_words(value, lang, decimals=0):
    """``value`` in words in Kazakh or Russian (num2words ≥ 0.5.14 knows
    Kazakh as ``kz``). A score keeps its two decimals: "4,25" is read
    "төрт бүтін жүзден жиырма бес" / "четыре целых двадцать пять сотых"."""
    code = FORM_LANGS[lang]
    if not decimals:
        return num2words(int(value), lang=code)
    quantum = Decimal(1).scaleb(-decimals)
    exact = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP).normalize()
    whole = int(exact)
    if exact == whole:
        return num2words(whole, lang=code)
    if code == "ru":
        return num2words(exact, lang=code)
    # num2words reads 4.25 "төрт бүтін жиырма бес" in Kazakh, without the
    # denominator: the fraction is worded here.
    digits = str(exact).split(".")[1]
    denominator = {1: "оннан", 2: "жүзден", 3: "мыңнан"}[len(digits)]
    return f"{num2words(whole, lang=code)} бүтін {denominator} {num2words(int(digits), lang=code)}"


class HrBagalauReportForm(models.AbstractModel):
    """Base of the report models of the printed forms (``report.<name>``)."""

    _name = "hr.bagalau.report.form"
    _description = "Printed Evaluation Form"

    # The model of the printed records, set by each form.
    _bagalau_model = None

    @api.model
    def _bagalau_lang(self, data):
        """The language chosen in the print wizard, else the user's own when
        it is one of the forms' languages, else Russian; it must be active."""
        lang = (data or {}).get("bagalau_lang") or self.env.lang
        if lang not in FORM_LANGS:
            lang = "ru_RU"
        self._bagalau_check_lang(lang)
        return lang

    @api.model
    def _bagalau_check_lang(self, lang):
        """A form prints in an active language only (Kazakh is not active
        until an administrator activates it)."""
        if not self.env["res.lang"]._lang_get(lang):
            language = _("Kazakh") if lang == "kk_KZ" else _("Russian")
            raise UserError(_(
                "The form cannot be printed in %(language)s: the language is not active. "
                "An administrator activates it in Settings › General Settings › Languages (%(code)s).",
                language=language, code=lang))

    @api.model
    def _bagalau_is_final(self, record):
        """Whether ``record`` is final: a draft prints with a watermark. A plan
        or a sheet says it itself (its workflow's final states); the other
        documents override this."""
        final_states = getattr(record, "_bagalau_final_states", None)
        if final_states is None:
            raise NotImplementedError
        return record.state in final_states

    @api.model
    def _bagalau_check_printable(self, records):
        """Raise a UserError when a document cannot be printed yet."""

    @api.model
    def _get_report_values(self, docids, data=None):
        lang = self._bagalau_lang(data)
        # The print wizard passes the ids in the data (the web client then
        # sends no ids of its own).
        docids = docids or (data or {}).get("bagalau_doc_ids") or []
        docs = self.env[self._bagalau_model].browse(docids)
        # The reader prints what he may read, nothing else; the form then
        # shows the persons named on it, whom he may not read himself.
        docs.check_access("read")
        docs = docs.sudo().with_context(lang=lang)
        self._bagalau_check_printable(docs)
        env = docs.env

        def date(value):
            if isinstance(value, datetime.datetime):
                value = fields.Datetime.context_timestamp(docs, value).date()
            return format_date(env, value, lang_code=lang) if value else ""

        def period(year, quarter=False):
            if quarter:
                return env._("Quarter %(quarter)s of %(year)s", quarter=quarter, year=year)
            return env._("Year %(year)s", year=year)

        def counted(value):
            return f"{value} ({number_words(value, lang)})"

        def present_of(present, total):
            return env._("%(present)s of %(total)s", present=counted(present), total=counted(total))

        # The campaign archive prints an employee's extract of a protocol:
        # only his rows (it narrows what is printed, never widens it).
        extract = [int(employee_id) for employee_id in (data or {}).get("bagalau_extract_employee_ids") or []]
        return {
            "extract_employee_ids": extract,
            "doc_ids": docids,
            "doc_model": self._bagalau_model,
            "docs": docs,
            "bagalau_lang": lang,
            "is_final": {doc.id: self._bagalau_is_final(doc) for doc in docs},
            "short_name": lambda employee: surname_initials(employee.name if employee else ""),
            "fmt_date": date,
            "fmt_number": lambda value, digits=2: f"{value:.{digits}f}".replace(".", ","),
            "words": lambda value, decimals=0: number_words(value, lang, decimals),
            "period": period,
            "counted": counted,
            "present_of": present_of,
            "field_label": lambda record, field: record._fields[field]._description_string(env),
            "label": lambda record, field: dict(
                record._fields[field]._description_selection(env)).get(record[field], "") if record[field] else "",
        }
