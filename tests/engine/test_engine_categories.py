"""Position category codes as the register writes them (seed 001 Appendix 4,
seed 002 §26, seed 003 Appendix 4): one Latin form, however a code is typed."""

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine.categories import category_group, normalise_category_code, transliterate_category_text
from bagalau_engine.errors import EngineError


@pytest.mark.parametrize(("typed", "code"), [
    ("E-R-2", "E-R-2"),
    ("Е-Р-2", "E-R-2"),        # Cyrillic Е and Р, as seed 003 Appendix 4 writes them
    (" е-г-1 ", "E-G-1"),      # lower-case Cyrillic, spaces around
    ("E–4", "E-4"),            # en dash
    ("E-1４", "E-14"),          # fullwidth digit
    ("Е-٤", "E-4"),            # Arabic-Indic digit four
    ("Е-۴", "E-4"),            # extended Arabic-Indic (Persian) four
    ("ＥＲ", None),             # fullwidth letters without a number: not a code
    ("Д-О-1", "D-O-1"),
    ("B-5", "B-5"),
])
def test_codes_are_stored_in_the_registers_latin_form(typed, code):
    if code is None:
        with pytest.raises(EngineError):
            normalise_category_code(typed)
    else:
        assert normalise_category_code(typed) == code


@pytest.mark.parametrize("junk", ["", "   ", None, 4, "X-1", "E-0", "E-R", "E-R-2-1", "Е-Ж-2"])
def test_what_is_not_a_code_is_refused(junk):
    with pytest.raises(EngineError) as raised:
        normalise_category_code(junk)
    assert raised.value.code == "category_code_invalid"


def test_a_part_of_a_code_is_transliterated_for_searching():
    assert transliterate_category_text("е-р") == "E-R"
    assert transliterate_category_text("Е-４") == "E-4"


def test_the_group_of_a_code_typed_in_cyrillic():
    assert category_group("Е-Р-4") == "E-R"
    assert category_group("E-4") == "E"
