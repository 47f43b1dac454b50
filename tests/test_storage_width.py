"""What a string's storage tells about its characters holds for every string, and is told for real
text in every script, and the sieve reads Latin-1 text as it reads any other."""

from pathlib import Path
from unittest import mock

from corpora import multilingual_texts
from hypothesis import example, given
from hypothesis import strategies as st

from presswash.sieve import AsciiSieve
from presswash.storage_width import within_bmp, within_latin1

MULTILINGUAL = Path(__file__).resolve().parent.parent / "data" / "multilingual"
SIEVE = AsciiSieve("&\\r\\x00-\\x08")


@given(st.text())
@example("\U00010000")
@example("a" * 100 + "\U0010ffff")
@example("\ud83d\ude00")
@example("é" * 100 + "\u0100")
def test_a_text_is_within_its_bound_only_if_it_holds_no_character_beyond(text):
    if within_bmp(text):
        assert all(ord(character) < 0x10000 for character in text)
    if within_latin1(text):
        assert all(ord(character) < 0x100 for character in text)


def test_real_text_in_every_script_is_known_to_be_within_its_bounds():
    # Where this failed, the text would be read right but as slowly as before. Each string is as
    # read from a file: one that some C function has asked for its UTF-8 keeps that too, and its
    # size then proves less.
    articles = [path.read_text(encoding="utf-8") for path in sorted(MULTILINGUAL.glob("*.txt"))]
    assert len(articles) >= 20
    for text in articles + [text.encode().decode() for text in multilingual_texts()]:
        assert within_bmp(text) == all(ord(character) < 0x10000 for character in text)
        assert within_latin1(text) == all(ord(character) < 0x100 for character in text)
    assert not within_bmp(articles[0] + " 🙂")
    assert within_latin1("Größe und Qualität, São Paulo") and not within_latin1("„Größe“")


@given(st.text(alphabet=st.sampled_from("ab ,.&\r\x00\x7fé©Ã\xa0\x85ÿ"), max_size=400))
@example("Ã©" * 100)  # a line of mojibake, kept whole
@example("Ã©" * 40 + "a" * 300)  # dense at its head only: kept whole, as its UTF-8 would say
@example("é" * 3 + "a" * 8)  # three bytes more in eleven: sieved
def test_latin1_text_is_sieved_as_its_utf8_would_be(text):
    with mock.patch("presswash.sieve.within_latin1", return_value=False):
        expected = SIEVE.sieve_unless_dense(text), SIEVE(text)
    assert (SIEVE.sieve_unless_dense(text), SIEVE(text)) == expected
