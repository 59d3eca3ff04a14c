"""Position categories of the register of civil-service positions.

The seeds write category codes with Latin letters (``E-R-2``) or with their
Cyrillic look-alikes (``Е-Р-2``, ``Е-Г-2``: seed 001 Appendix 4, seed 003
Appendix 4, seed 002 §26). A code is stored once, in Latin letters.
"""

import re
import unicodedata

from .errors import EngineError

# The register's groups of corps B categories (DESIGN.md, "Employee profile").
GROUPS = ("A", "B", "C", "C-O", "C-R", "D", "D-O", "E", "E-R", "E-G")

# Cyrillic letters typed for the register's Latin ones. Р and Г stand for the
# district (R, аудан/район) and city (G) sub-groups, not for P and Gamma:
# seed 003 Appendix 4 writes «Е-Р-4» where seed 001 writes «E-R-4».
CYRILLIC_TO_LATIN = str.maketrans({
    "А": "A", "В": "B", "С": "C", "Д": "D", "Е": "E", "О": "O", "Р": "R", "Г": "G",
    "а": "A", "в": "B", "с": "C", "д": "D", "е": "E", "о": "O", "р": "R", "г": "G",
})

_CODE = re.compile(r"^(?P<group>[A-E](?:-[ORG])?)-(?P<number>[1-9]\d?)$")

# Every code the seeds use: 001/003 (E, E-R, E-G), 002 (B-1, B-2, B-4, B-5),
# 004 (D-3, D-O-1, E-1, E-2: §22 heads evaluated by KPI).
SEED_CODES = (
    "B-1", "B-2", "B-4", "B-5",
    "D-3", "D-O-1",
    "E-1", "E-2", "E-3", "E-4", "E-5",
    "E-R-1", "E-R-2", "E-R-3", "E-R-4", "E-R-5",
    "E-G-1", "E-G-2", "E-G-3", "E-G-4",
)


def _ascii_digit(char):
    """A decimal digit of any script (fullwidth ４, Arabic-Indic ٤, …) as 0-9."""
    digit = unicodedata.decimal(char, None)
    return str(digit) if digit is not None else char


def transliterate_category_text(text):
    """``text`` typed as the register writes codes, without checking it is
    one: a part of a code a user searches for (``"е-р"`` → ``"E-R"``).

    Compatibility forms are folded (NFKC: fullwidth letters and digits),
    digits of any script become 0-9, spaces are dropped, dashes of any kind
    become '-', Cyrillic look-alikes become Latin, letters are upper-cased.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_ascii_digit(char) for char in text)
    text = re.sub(r"\s+", "", text).translate(CYRILLIC_TO_LATIN).upper()
    return re.sub(r"[‐‑‒–—−_]", "-", text)


def normalise_category_code(code):
    """Return ``code`` in the register's Latin form, or raise EngineError.

    ``" е-р-2 "`` → ``"E-R-2"``, ``"E-1４"`` → ``"E-14"``, ``"Е-٤"`` → ``"E-4"``
    (see :func:`transliterate_category_text`).
    """
    if not isinstance(code, str) or not code.strip():
        raise EngineError("category_code_invalid", value=code)
    text = transliterate_category_text(code)
    match = _CODE.match(text)
    if not match or match["group"] not in GROUPS:
        raise EngineError("category_code_invalid", value=code)
    return text


def category_group(code):
    """The register group of a category code: ``"E-R-2"`` → ``"E-R"``."""
    return _CODE.match(normalise_category_code(code))["group"]
