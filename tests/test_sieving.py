"""The compiled sieve and kinds of characters give what the sieve and the kinds give without them."""

import re
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import presswash
from presswash import sieve
from presswash.sieve import NON_ASCII, PROBED_FROM, AsciiSieve, kinds_by_first_byte
from presswash.steps import misread_screen

needs_the_helper = pytest.mark.skipif(
    not sieve.COMPILED, reason="the compiled helper is not built (no C compiler at install)"
)
SIEVES = [NON_ASCII, *(presswash.Cleaner(preset).sieve for preset in presswash.PRESETS)]
TABLES = [misread_screen._KINDS, misread_screen._NON_ASCII_KINDS, bytes(range(256))]
# Text of every storage width: ASCII, Latin-1, the BMP with lone surrogates, and beyond.
any_text = st.one_of(
    st.text(st.characters(max_codepoint=0x7F)),
    st.text(st.characters(max_codepoint=0xFF)),
    st.text(st.characters(max_codepoint=0xFFFF)),
    st.text(),
)


def _without_the_helper(sieving: AsciiSieve, text: str) -> tuple[str, str]:
    with mock.patch.object(sieve, "COMPILED", False):
        return sieving(text), sieving.sieve_unless_dense(text)


@needs_the_helper
@given(any_text, st.sets(st.characters(max_codepoint=0x7F)))
@example("Fish & chips, £5 \ud800 “cheap” \x1b[0m 🙂", {"&", "\x1b"})
@example("Это правда & ложь, " * (PROBED_FROM // 10), set())
def test_the_compiled_sieve_keeps_what_the_sieve_keeps(text, kept):
    kept_body = "".join(map(re.escape, sorted(kept)))
    for sieving in (*SIEVES, AsciiSieve(kept_body)):
        assert (sieving(text), sieving.sieve_unless_dense(text)) == _without_the_helper(sieving, text)


@needs_the_helper
@given(any_text)
@example("aé€\ud800🙂")
def test_the_compiled_kinds_are_the_kinds_of_the_first_bytes(text):
    for table in TABLES:
        with mock.patch.object(sieve, "COMPILED", False):
            expected = kinds_by_first_byte(text, table)
        assert kinds_by_first_byte(text, table) == expected


@needs_the_helper
def test_the_helper_refuses_what_it_cannot_read():
    from presswash import _sieving

    with pytest.raises(TypeError, match="kept \\(bytes of length 128\\)"):
        _sieving.sieve("text", bytes(127))
    with pytest.raises(TypeError, match="table \\(bytes of length 256\\)"):
        _sieving.kinds(b"text", bytes(256))
