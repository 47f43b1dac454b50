"""``presswash.fix_text`` must give ``ftfy.fix_text``'s output on every input, byte for byte."""

import random

import ftfy
import ftfy.bad_codecs
import pytest
from corpora import mojibake_cases, news_documents
from ftfy import TextFixerConfig
from hypothesis import example, given
from hypothesis import strategies as st

import presswash
from presswash.edits import apply_edits
from presswash.ftfy_compat import FtfyCompatible
from presswash.sieve import COMMON_PUNCTUATION, PIECE
from presswash.steps.html_entities import ascii_entities_decoded
from presswash.steps.mojibake_runs import BEYOND_RUNLESS_CHARACTERS
from presswash.steps.normalization import stable_under_nfc

# Characters that exercise every branch of ftfy: mojibake letters, quotes,
# entities, controls, escapes, line breaks, ligatures, fullwidth forms,
# combining marks and surrogates.
TRICKY = (
    "aeZ &;#<>x\n\r\t\x1b[0m\x00\x1a\x7f\x80\x85\x9d\xa0\xad"
    "ÃÂâ€™œ\u2018\u2019\u201a\u201c\u201d\u201e\u02bcéñ£°±×²"
    "ГўВЂРСЃΒΓ\u2028\u2029\ufb01\ufb02ĳǆ\uff21\uff01\u3000ﾊﾞ"
    "\u0301\u0308\ufeff\u206a\ufffc\ud83d\ude00\udc00\U0001f600"
)
tricky_text = st.text(alphabet=st.sampled_from(TRICKY), max_size=60)
entity_text = st.lists(
    st.sampled_from(["&amp;", "&rsquo;", "&#8217;", "&#x2019;", "&Atilde;", "&copy;", "&lt;", "x", " "]),
    max_size=12,
).map("".join)


@given(st.text())
def test_identical_to_ftfy_on_any_text(text: str) -> None:
    assert presswash.fix_text(text) == ftfy.fix_text(text)


@given(st.lists(st.one_of(tricky_text, entity_text), max_size=6).map("\n".join))
@example("é\x01€")  # removing a control character joins mojibake
@example("&amp;eacute;")  # escaped twice
@example("<b>\n&amp;")  # a tag switches entities off for the rest of the document
@example("＆amp;")  # a fullwidth ampersand becomes an entity
@example("A\u0300\u20ac")  # normalization creates mojibake
@example("&amp;\n<b>&amp;</b>\n&amp;")  # entities decoded before the first tag, kept after it
@example("&Atilde;&copy;")  # entities decode into mojibake
@example("&amp;lt; Nicol\u00c3\u00a1s")  # decoding the line leaves an entity that was escaped twice
@example("a\u0301" * 40)  # normalization makes many pairs of mojibake letters, none of them mojibake
@example("“ﬁne” ﾊﾞ")  # the width fix brings a combining mark that NFC then joins
@example("ŉ")  # the ligature fix brings a curly quote (ʼn)
@example("e\ud834\udd65")  # paired surrogates make a combining mark beyond the BMP
@example("\uff76\u3099")  # the width fix makes ｶ a カ, to which NFC joins the voicing mark
@example("ί Ï…Ï„Î\xad")  # a straightened „ lets ftfy decode what its heuristic saw and no reading undid
@example("Η ανεργία\nί Ï…Ï„Î\xad\nκαι")  # the same on a line taken alone for its mojibake
@example("Nicol\u00c3\u00a1s “ok”\nthe end")  # decoded, then straightened: nothing left
def test_identical_to_ftfy_on_tricky_text(text: str) -> None:
    assert presswash.fix_text(text) == ftfy.fix_text(text)


# Text largely in other scripts, screened by one scan of its own (see
# FtfyCompatible._replaced_only): letters with marks that NFC leaves alone
# (a Hindi virama, Thai vowel and tone marks, Arabic and Hebrew points) and marks
# it joins (a nukta, a hamza, an accent), their punctuation (a full-width comma,
# guillemets, quotes), the letters of Cyrillic and Greek mojibake, and a few of
# ftfy's rarer fixes.
OTHER_SCRIPTS = (
    "кПРСЃЂҐ΄αστ"  # Cyrillic and Greek, and their letters in mojibake
    "\u0915\u0928\u094d\u093c\u0958"  # Devanagari: letters, virama, nukta, a composition exclusion
    "\u0e01\u0e38\u0e48\u0e39"  # Thai: a letter, vowel and tone marks
    "\u0627\u0628\u064e\u0654\u05d0\u05b0"  # Arabic and Hebrew: letters, points, a hamza that joins
    "\u4e2d\uff0c\u3002«»“”‘’„…— "  # CJK and punctuation, a full-width comma among it
    "\u0301é&;\r\x01\uff21\ufb01"  # an accent that joins, an entity's pieces, rare fixes
)


@given(st.text(alphabet=st.sampled_from(OTHER_SCRIPTS), max_size=80))
@example("हिन्दी “क़”")  # a virama, and a nukta that NFC leaves apart after a composition exclusion
@example("中文，“引号”")  # full-width commas become ASCII: nothing else to do
@example("Это РџСЂРёРІРµС‚")  # "Привет" read as Windows-1251
@example("это a\u00c3\u3000 и \u3000")  # a full-width space that becomes a space after Ã
@example("“”" * 10 + "это a\u00c3\u3000")  # the same, past the look-ups that quotes use up
@example("“a“ ”b” ‘c‘ " * 40 + "это a\u00c3\u3000")  # so crowded with quotes that the scan hands it on
@example("أبَ")  # a hamza that NFC joins to the alef
def test_identical_to_ftfy_on_text_in_other_scripts(text: str) -> None:
    assert presswash.fix_text(text) == ftfy.fix_text(text)


# Thai, whose vowels and tone marks crowd it: past its first stretch of marks the scan leaves their
# order to one check at the end, and scans again for all of NFC's work where it meets more.
THAI_CROWDED_WITH_MARKS = "\u0e17\u0e35\u0e48\u0e01\u0e38\u0e48 " * 12


@given(
    st.lists(
        st.sampled_from(["\u0e01", "\u0e38", "\u0e48", " ", "e\u0301", "\u0928\u093c", "“", "Ã©", "\uff0c"]),
        max_size=30,
    ).map("".join)
)
@example("\u0e01\u0e48\u0e38")  # a tone mark before a vowel below: NFC puts them in order
@example("\u0e01\u0e48\u0e38 e\u0301")  # then an accent that NFC joins: scanned again
def test_identical_to_ftfy_on_text_crowded_with_marks(tail: str) -> None:
    text = THAI_CROWDED_WITH_MARKS + tail
    assert presswash.fix_text(text) == ftfy.fix_text(text)


# Text largely in other scripts with entities in it, as web pages in Russian carry
# ``&#39;``: ones that stand for printable ASCII are decoded before the one scan;
# the others (a quote, a line break, an ampersand, a mark that joins the letter an
# entity stands for) and a ``<`` that switches decoding off send it to ftfy's way.
ENTITY_PIECES = [
    "Это", "правда", "中文", "Ελλάδα", " ", "\n", "&#39;", "&quot;", "&#101;", "&#32;", "&amp;", "&lt;",
    "&rsquo;", "&#10;", "&#769;", "\u0301", "&a", "&#109;p;", "<b>", "AT&T", "Ã", "œ", "РџСЂ",
    "&quot", "&quo", "&#116;", "&#65;", "&#35;", "#", ";",
]  # fmt: skip


@given(st.lists(st.sampled_from(ENTITY_PIECES), max_size=30).map("".join))
@example("Он сказал: &#39;Да&#39;")
@example("Это &a&#109;p; правда")  # decoded characters complete an entity
@example("Это правда&#32;Ã ")  # a decoded space makes ftfy's heuristic see Ã
@example("Это &quo&#116;; и &quot;")  # a decoded t completes an entity that another decodes
def test_identical_to_ftfy_on_entities_in_other_scripts(text: str) -> None:
    assert presswash.fix_text(text) == ftfy.fix_text(text)


# Words of languages written with many diacritics, plain words and mojibake:
# sentences of them are screened in every way sparse and dense sieved text is.
DIACRITIC_WORDS = [
    "the", "and", "news", "of", "a", "Açık", "Şehir", "değil", "žodis", "ąžuolas", "„žodis“",
    "naïve", "créée", "œuvre", "cœur", "Œ", "œ.", "SÃO", "JOÃO", "Ã", "Â", "ÂNCORA", "\n",
    "\u3000", "ａ", "Ａ", "Việt",
    "Nicol\u00c3\u00a1s", "\u00c3\u00a9", "ö\u00c3\u00a9", "\u00e2\u20ac\u201d",
]  # fmt: skip


@given(st.lists(st.sampled_from(DIACRITIC_WORDS), max_size=40).map(" ".join))
@example("Açık ö\u00c3\u00a9 and the news of the day in the old city")  # a run begins inside a pair
@example("x\u00c3\u3000y")  # the full-width space becomes a space, and then ftfy sees "Ã "
def test_identical_to_ftfy_on_words_with_diacritics(text: str) -> None:
    assert presswash.fix_text(text) == ftfy.fix_text(text)


def test_identical_to_ftfy_on_real_news() -> None:
    documents = news_documents()
    assert len(documents) > 100
    assert [presswash.fix_text(doc) for doc in documents] == [ftfy.fix_text(doc) for doc in documents]


@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1", "macroman", "sloppy-windows-1251"])
def test_identical_to_ftfy_on_corrupted_news(codec: str) -> None:
    rng = random.Random(codec)
    documents = rng.sample(news_documents(), 40)
    corrupted = [doc.encode("utf-8").decode(codec) for doc in documents]
    assert [presswash.fix_text(doc) for doc in corrupted] == [ftfy.fix_text(doc) for doc in corrupted]


def test_identical_to_ftfy_on_a_line_longer_than_a_piece() -> None:
    """A long line has its quotes straightened a piece at a time, whatever stands where it is cut."""
    around = "“Mayor’s” ﬁ\ud83d\ude00é"
    text = "x" * (PIECE - 5) + around + " plain" * 10 + around
    assert presswash.fix_text(text) == ftfy.fix_text(text)


def test_identical_to_ftfy_on_mojibake_cases() -> None:
    broken = [case for case, _ in mojibake_cases()]
    assert [presswash.fix_text(text) for text in broken] == [ftfy.fix_text(text) for text in broken]


@given(
    st.text(alphabet=st.sampled_from([*COMMON_PUNCTUATION, "a", " ", ".", "\n"]), max_size=40),
    st.sampled_from(
        [
            {},
            {"uncurl_quotes": False},
            {"normalization": None},
            {"normalization": "NFKC"},
            {"max_decode_length": 7},
        ]
    ),
)
def test_identical_to_ftfy_on_common_punctuation(text: str, options: dict[str, object]) -> None:
    """Text whose only non-ASCII characters are quotes, dashes and … (most news) under each configuration."""
    config = TextFixerConfig(explain=False)._replace(**options)
    assert FtfyCompatible(config).fix(text) == ftfy.fix_text(text, config)


@given(st.lists(st.one_of(tricky_text, entity_text), max_size=8).map("\n".join))
def test_segments_as_ftfy_cuts_them(text: str) -> None:
    config = TextFixerConfig(max_decode_length=7, explain=False)
    assert FtfyCompatible(config).fix(text) == ftfy.fix_text(text, config)


@given(tricky_text)
def test_edits_rebuild_the_fix(text: str) -> None:
    step = FtfyCompatible(TextFixerConfig())
    assert apply_edits(text, step.edits(text)) == step.fix(text)


def test_options_map_onto_ftfy_options() -> None:
    text = "“Mayor’s” &amp; ﬁne\r\n"
    assert presswash.clean(text, preset="ftfy", quotes="keep") == ftfy.fix_text(text, uncurl_quotes=False)
    assert presswash.clean(text, preset="ftfy", html=False) == ftfy.fix_text(text, unescape_html=False)
    assert presswash.clean(text, preset="ftfy", ligatures=False, line_breaks=False) == ftfy.fix_text(
        text, fix_latin_ligatures=False, fix_line_breaks=False
    )


def test_what_the_one_scan_replaces_or_looks_up_needs_no_nfc_look() -> None:
    """FtfyCompatible._replaced_only asks NFC only about the other places it finds: the characters
    it replaces by ASCII and those outside the runless set must all be stable under NFC."""
    step = FtfyCompatible(TextFixerConfig())
    assert stable_under_nfc("".join(step._replaced_by_ascii))
    assert stable_under_nfc("".join(BEYOND_RUNLESS_CHARACTERS))


def test_entities_are_decoded_in_one_pass_as_ftfy_decodes_them() -> None:
    # The ``t`` decoded from ``&#116;`` completes ``&quot;``, which one pass leaves for the next.
    assert ascii_entities_decoded("&quo&#116;; и &quot;", "auto") is None
    assert ascii_entities_decoded("Это &#39;Да&#39; и &quot;Нет&quot;", "auto") == "Это 'Да' и \"Нет\""
    assert ascii_entities_decoded("Это &#39;&#65; и &quot;", "auto") == "Это 'A и \""
