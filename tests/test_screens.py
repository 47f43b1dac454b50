"""The shortcuts of the fast path give exactly the answers of what they stand in for.

Each shortcut is checked against the slow computation it replaces: the sieve
against its definition, the NFC stability screen against ``is_normalized``, and
the mojibake decoder, its heuristic and its byte checks against ftfy's own.
"""

import itertools
import re
import unicodedata
from pathlib import Path

import ftfy
import ftfy.bad_codecs  # registers the sloppy codecs
from corpora import mojibake_cases, multilingual_texts, news_documents
from ftfy.badness import is_bad as ftfy_is_bad
from ftfy.chardata import (
    ALTERED_UTF8_RE,
    CHARMAP_ENCODINGS,
    ENCODING_REGEXES,
    LOSSY_UTF8_RE,
    possible_encoding,
)
from ftfy.fixes import fix_c1_controls, fix_surrogates
from hypothesis import example, given
from hypothesis import strategies as st

import presswash
from presswash.screen import CROWDED, Screen
from presswash.sieve import COMMON_PUNCTUATION, PIECE, AsciiSieve
from presswash.steps._mojibake_table import MOJIBAKE_ALPHABET, MOJIBAKE_RUNS, SUSPICIOUS_ALONE
from presswash.steps.ftfy_decoding import (
    _has_altered_utf8,
    _has_lossy_utf8,
    fix_encoding,
    fix_encoding_and_explain,
    fix_encoding_sieved,
    is_bad,
)
from presswash.steps.mojibake import Mojibake
from presswash.steps.mojibake_runs import (
    BEYOND_RUNLESS_CHARACTERS,
    JUDGED_WHERE_THEY_STAND,
    LONGEST_RUN,
    SURROGATES,
)
from presswash.steps.mojibake_screen import (
    LISTED_AT_ONCE,
    RUN_SCANS,
    SIEVED_SHARE,
    _beyond_runless,
    in_run_somewhere,
    may_hold_mojibake,
    may_hold_mojibake_around,
    occurs_where,
    stands_in_run,
)
from presswash.steps.normalization import Normalization, is_nfc, sieved_is_nfc, stable_under_nfc

ROOT = Path(__file__).resolve().parent.parent
ALPHABET = [chr(code) for code in range(0x80, 0x2200) if re.fullmatch(f"[{MOJIBAKE_ALPHABET}]", chr(code))]
mojibake_like = st.text(alphabet=st.sampled_from(ALPHABET + list("aZ .,?\n\t'\"-\x1a")), max_size=40)
# UTF-8 read as Windows-1252, Latin-1 or MacRoman, twice over, and with its A0 bytes turned into spaces.
mangled = st.builds(
    lambda text, codec, times, spaces: _mangle(text, codec, times, spaces),
    st.text(alphabet=st.sampled_from(list("aé ’“”—€ñ£ü½ŒΔж中\u00a0")), max_size=30),
    st.sampled_from(["sloppy-windows-1252", "latin-1", "macroman", "sloppy-windows-1251"]),
    st.integers(1, 2),
    st.booleans(),
)


def _mangle(text: str, codec: str, times: int, spaces: bool) -> str:
    for _ in range(times):
        text = text.encode("utf-8").decode(codec, errors="replace")
    return text.replace("\u00a0", " ") if spaces else text


SIEVE = AsciiSieve("&\\r\\x00-\\x08")
# What the shared screen looks for for NFC in text largely non-ASCII: the characters not stable under it.
UNSTABLE_UNDER_NFC = re.compile(f"[{Normalization('NFC').dense_trigger}]")
# Text dense with quotes, more of them than the look-ups a text allows, and mojibake among them.
quotes_and_mojibake = st.lists(
    st.sampled_from(["“", "”", "«", "»", "中文", "Это", " ", "â€œ", "Ã©", "РџСЂ", "x"]), max_size=60
).map("".join)


@given(st.text())
def test_sieve_keeps_exactly_the_non_ascii_and_kept_characters_in_order(text: str) -> None:
    assert SIEVE(text) == "".join(
        char for char in text if not char.isascii() or char in "&\r\x00\x01\x02\x03\x04\x05\x06\x07\x08"
    )


@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from("ab ,.Это中文é“”&\r"))))
@example("a" * 14 + "中")  # a character of three bytes in fifteen: sieved, though its UTF-8 is longer
def test_sieve_keeps_the_text_whole_only_where_it_is_largely_non_ascii(text: str) -> None:
    kept = SIEVE.sieve_unless_dense(text)
    if kept != SIEVE(text):
        assert kept == text
        assert sum(not character.isascii() for character in text) > len(text) / 8


def test_sieve_keeps_lone_surrogates() -> None:
    assert SIEVE("a\ud800b\udc00&") == "\ud800\udc00&"


@given(
    st.text(alphabet=st.sampled_from("a&’é\ud83d\ude00\U0001f600"), min_size=1, max_size=6), st.integers(0, 5)
)
def test_sieve_of_a_long_text_taken_in_pieces(around: str, shift: int) -> None:
    """A text longer than a piece is sieved piece by piece, whatever stands where it is cut."""
    text = "x" * (PIECE - shift) + around + "y" * (PIECE + 7) + around
    assert SIEVE(text) == SIEVE(around) * 2


@given(
    st.text(
        alphabet=st.sampled_from("aeo \u0301\u0308\u0327\u212b\u1100\u1161\u11a8\uac00é’“\u0958\uf900"),
        max_size=12,
    )
)
def test_stable_characters_make_normalized_text(text: str) -> None:
    if stable_under_nfc(text):
        assert unicodedata.is_normalized("NFC", text)


def test_stable_under_nfc_knows_common_characters() -> None:
    assert stable_under_nfc("’“”–—…£€éñüçøß«»ΑβДжעבاب中文")
    for unstable in ("\u0301", "\u212b", "\u1161", "\u0958", "\uf900", "\U0001f600"):
        assert not stable_under_nfc(unstable), repr(unstable)


def test_nfc_screen_agrees_with_is_normalized_on_real_text() -> None:
    for text in [*multilingual_texts(), *news_documents()]:
        if stable_under_nfc(SIEVE(text)):
            assert unicodedata.is_normalized("NFC", text)


@given(st.one_of(st.text(), mojibake_like, mangled))
@example("\u00e9\u0413\u045e\u0412\u0402\u0412\u2122s")  # the longest match, one after the first place
@example("\u00d5\u20ac\u00d5\u00a1 \u00d5\u20ac\u00d6\u0081")  # Armenian misread: places crowd, C1 far on
def test_is_bad_is_ftfys(text: str) -> None:
    assert is_bad(text) == ftfy_is_bad(text)


@given(st.one_of(st.text(), mojibake_like, mangled))
def test_fix_encoding_is_ftfys(text: str) -> None:
    assert fix_encoding(text) == ftfy.fix_encoding(text)


@given(st.one_of(st.text(), mojibake_like, mangled))
@example("ί Ï…Ï„Î\xad")  # ftfy's heuristic still sees mojibake that no reading undoes
def test_fix_encoding_sieved_gives_the_result_sieved(text: str) -> None:
    """The sieved result comes from the rounds' own screening, and is the result's sieved form
    (none where no round sieved it: an ASCII text, a suspect one left as it was); a suspect
    text (one the screen passes on) is decoded as any other. Whether ftfy's heuristic sees no
    mojibake in the result is told."""
    fixed = ftfy.fix_encoding(text)
    clean = not ftfy_is_bad(fixed)
    assert fix_encoding_sieved(text, SIEVE) == (fixed, None if text.isascii() else SIEVE(fixed), clean)
    if may_hold_mojibake(text):
        sieved = None if fixed == text else SIEVE(fixed)
        assert fix_encoding_sieved(text, SIEVE, suspect=True) == (fixed, sieved, clean)


def _readings(text: str) -> tuple[str, list[tuple[str, str]]]:
    """ftfy's explained repair of ``text``, its explanation cut to the steps that name a repair."""
    fixed, explanation = ftfy.fix_encoding_and_explain(text)
    named = [
        (kind, name)
        for kind, name in explanation or []
        if kind in ("encode", "apply") or name == "fix_c1_controls"
    ]
    return fixed, named


@given(st.one_of(st.text(), mojibake_like, mangled))
@example("voil\u00c3 le caf\u00c3\u0192\u00c2\u00a9")  # a round of Windows-1252, then one in parts
@example("\u00c3\u0192\u00c2\u00a9 \x85")  # mojibake in part, then a C1 control: Latin-1 read as Windows-1252
@example("\x8d")  # a C1 control Windows-1252 lacks: ftfy names the fix that leaves it as it was
def test_fix_encoding_and_explain_names_ftfys_readings(text: str) -> None:
    assert fix_encoding_and_explain(text) == _readings(text)


def test_fix_encoding_is_ftfys_on_every_mojibake_case_and_mangled_news_line() -> None:
    texts = [mangled for mangled, _ in mojibake_cases()]
    texts += [
        line
        for document in news_documents()
        for line in _mangle(document, "sloppy-windows-1252", 1, False).split("\n")
    ]
    for text in texts:
        assert fix_encoding(text) == ftfy.fix_encoding(text), text[:80]
        assert fix_encoding_and_explain(text) == _readings(text), text[:80]


# Mostly ASCII, so that the screen reads the sieved text: clumps of alphabet
# characters (half of them the common punctuation), which may or may not spell
# runs, far apart or side by side.
clump_character = st.sampled_from(ALPHABET) | st.sampled_from(COMMON_PUNCTUATION)
sparse_mojibake = st.lists(
    st.tuples(st.text(alphabet=clump_character, min_size=1, max_size=4), st.integers(0, 60)),
    max_size=12,
).map(lambda clumps: "".join(clump + "x" * gap for clump, gap in clumps))
ANY_RUN = re.compile("|".join("".join(f"[{position}]" for position in run) for run in MOJIBAKE_RUNS))
LONE_START = re.compile(f"[{SUSPICIOUS_ALONE}{SURROGATES}]")


@given(st.one_of(mojibake_like, mangled, sparse_mojibake, st.text(), quotes_and_mojibake))
@example("€ " * 40 + "\u00e2\u20ac")  # more € than look-ups, and only â (runless) beside one
def test_mojibake_screen_never_misses(text: str) -> None:
    if ftfy_is_bad(text):
        assert may_hold_mojibake(text, SIEVE(text))
        assert may_hold_mojibake(text)
        # Told the characters outside the runless set, as the news cleaner's screen tells it.
        beyond = "".join(set(text) & BEYOND_RUNLESS_CHARACTERS)
        assert may_hold_mojibake_around(text, SIEVE(text), beyond)


@given(st.one_of(mojibake_like, quotes_and_mojibake))
def test_a_scan_led_by_a_character_finds_it_in_runs_wherever_a_look_at_it_would(text: str) -> None:
    for character in set(text) & BEYOND_RUNLESS_CHARACTERS:
        assert in_run_somewhere(text, character) == occurs_where(text, character, stands_in_run)


# Every run, also where runs overlap; those holding a character judged where it stands
# (œ, Ã) are left to the heuristic itself, which the test below holds the screen to.
RUN_HERE = re.compile(f"(?=({ANY_RUN.pattern}))")


@given(st.one_of(sparse_mojibake, mojibake_like))
def test_mojibake_screen_finds_every_run(text: str) -> None:
    runs = (found.group(1) for found in RUN_HERE.finditer(text))
    if any(JUDGED_WHERE_THEY_STAND.isdisjoint(run) for run in runs):
        assert may_hold_mojibake(text, SIEVE(text))
        assert may_hold_mojibake(text)


# The characters judged where they stand, in every neighbourhood that matters to
# the heuristic: a line's start, before a space, a letter, punctuation or another of them.
judged_in_context = st.text(
    alphabet=st.sampled_from(sorted(JUDGED_WHERE_THEY_STAND) + list("aZé ã\n.,’¡©\xa0€") + ["\u2019"]),
    max_size=40,
)


@given(judged_in_context | st.lists(judged_in_context | st.just("x" * 300), max_size=4).map("".join))
def test_mojibake_screen_never_misses_a_line_ftfy_finds_bad(text: str) -> None:
    # ftfy judges each line apart, and its ``^`` matches where each begins.
    if any(ftfy_is_bad(line) for line in text.splitlines(keepends=True)):
        assert may_hold_mojibake(text, SIEVE(text))
        assert may_hold_mojibake(text)


def test_correct_words_with_judged_characters_need_no_heuristic() -> None:
    """French ``œ`` inside words and Portuguese capitals ``Ã`` are not mojibake, and the screen
    says so without ftfy's heuristic; where they are mojibake, it says maybe."""
    for text in (
        "Elle a le cœur sur la main et son œuvre est connue.",
        "L’Œuvre complète, et un vœu.",
        "SÃO PAULO — A cidade de SÃO JOÃO amanheceu com chuva.",
    ):
        assert not any(ftfy_is_bad(line) for line in text.split("\n"))
        assert not may_hold_mojibake(text), text
        assert not may_hold_mojibake(text, SIEVE(text)), text
    for text in ("Nicol\u00c3\u00a1s", "a fianc\u00c3\u00a9e", "the \u00e2\u20ac\u0153news", "x\n\u00c3 y"):
        assert may_hold_mojibake(text) and may_hold_mojibake(text, SIEVE(text)), text


def test_common_punctuation_alone_is_innocent() -> None:
    """The screen passes over text whose only non-ASCII characters are the common punctuation."""
    assert LONE_START.search(COMMON_PUNCTUATION) is None
    for length in range(2, LONGEST_RUN + 1):
        for spelled in itertools.product(COMMON_PUNCTUATION, repeat=length):
            assert ANY_RUN.search("".join(spelled)) is None, spelled


def test_mojibake_screen_on_news_finds_only_real_runs() -> None:
    """On real news, the screen says "maybe" only where a run is really in the text."""
    for document in news_documents():
        for text in (document, *document.split("\n")):
            has_run = ANY_RUN.search(text) is not None or LONE_START.search(text) is not None
            assert may_hold_mojibake(text, SIEVE(text)) == has_run, text[:80]


bytes_near_sequences = st.binary().map(bytes) | st.lists(
    st.sampled_from(
        [
            0x20,
            0x3F,
            0x1A,
            0x41,
            0x80,
            0x85,
            0xA0,
            0xBF,
            0xC2,
            0xC3,
            0xD9,
            0xE0,
            0xE2,
            0xE3,
            0xED,
            0xEF,
            0xF0,
            0xF4,
        ]
    ),
    max_size=24,
).map(bytes)


@given(bytes_near_sequences)
def test_altered_utf8_check_is_the_pattern(encoded: bytes) -> None:
    assert _has_altered_utf8(encoded) == (ALTERED_UTF8_RE.search(encoded) is not None)


@given(bytes_near_sequences)
def test_lossy_utf8_check_never_misses(encoded: bytes) -> None:
    if LOSSY_UTF8_RE.search(encoded) is not None:
        assert _has_lossy_utf8(encoded)


@given(bytes_near_sequences | st.text().map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_valid_utf8_needs_no_byte_repair(encoded: bytes) -> None:
    """The decoder's shortcut: valid UTF-8 without byte 1A is decoded as ftfy would after its repairs."""
    try:
        decoded = encoded.decode("utf-8")
    except UnicodeDecodeError:
        return
    if 0x1A not in encoded:
        assert ALTERED_UTF8_RE.search(encoded) is None
        assert LOSSY_UTF8_RE.search(encoded) is None
        assert encoded.decode("utf-8-variants") == decoded


def _encodes(character: str, encoding: str) -> bool:
    try:
        character.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_possible_encoding_is_encodability() -> None:
    """The decoder tries to encode instead of asking ftfy's possible_encoding(): the same test."""
    characters = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000] + ["😀", "\U0001d4ee"]
    for encoding in CHARMAP_ENCODINGS:
        pattern = ENCODING_REGEXES[encoding]
        mismatched = [c for c in characters if (pattern.match(c) is not None) != _encodes(c, encoding)]
        assert mismatched == [], (encoding, mismatched[:5])
        assert possible_encoding(bytes(range(0x100)).decode(encoding), encoding)


# Letters, and the characters that make NFC work: combining marks of several classes (to be
# reordered or composed), Hangul jamo, characters NFC replaces, one beyond the BMP, and marks
# joined only after certain letters (a nukta after न but not क, a hamza after ا but not ب,
# ypogegrammeni after α).
nfc_hard = st.text(
    alphabet=st.sampled_from(
        "aeoAКиे\u0928\u0915\u093c\u0301\u0323\u0336\u0345\u1100\u1161\u11a8\uac00\u212b\uf900 ."
        "\U0001d400\u0627\u0628\u0654\u03b1\u0bc6\u0bbe"
    ),
    max_size=30,
)


@given(st.one_of(st.text(), nfc_hard))
@example("\u0928\u093c \u0915\u093c")  # a nukta that NFC joins to न, and one it leaves after क
@example("\u0627\u0654 \u0628\u0654 a\u0654")  # a hamza joined to alef, left after beh
@example("\u03b1\u0345")  # ypogegrammeni joined to alpha
def test_is_nfc_is_is_normalized(text: str) -> None:
    assert is_nfc(text) == unicodedata.is_normalized("NFC", text)
    if sieved_is_nfc(SIEVE(text)):  # from the text's non-ASCII characters alone
        assert unicodedata.is_normalized("NFC", text)


@given(nfc_hard)
@example("\u0915\u093c\u094d\u0928\u093c")  # the nukta NFC joins to न is met by its own scan
@example("a\u0336\u0301\u0323")  # a stretch whose second mark leads a scan: read from its start
def test_is_nfc_told_the_unstable_characters_is_is_normalized(text: str) -> None:
    unstable = "".join(sorted(set(UNSTABLE_UNDER_NFC.findall(text))))
    assert is_nfc(text, unstable) == unicodedata.is_normalized("NFC", text)


@given(
    st.integers(1, 400),
    st.sampled_from(["", "Nicol\u00c3\u00a1s", "Jos\u00c3\u00a9 \u00e2\u20ac\u201d", "\u00c2\u00a0"]),
)
def test_text_dense_with_quotes_is_screened_past_its_look_ups(repeats: int, mojibake: str) -> None:
    """Nested quotes side by side are many characters outside the runless set, spelling no run:
    past the look-ups a text allows, its distinct characters decide, and mojibake after them
    is still found."""
    text = "“‘a’“ ”’b‘” " * repeats + mojibake
    assert may_hold_mojibake(text) == bool(mojibake)
    assert presswash.fix_text(text) == ftfy.fix_text(text)


# Words misread as ftfy's heuristic knows them, each through one of its codecs.
MISREAD_WORDS = tuple(
    word.encode("utf-8").decode(codec)
    for word, codec in (
        ("café", "sloppy-windows-1252"),
        ("café", "macroman"),
        ("—", "sloppy-windows-1251"),
        ("Привет", "sloppy-windows-1251"),
        ("Ελλάδα", "sloppy-windows-1253"),
    )
)


def test_mojibake_screen_on_multilingual_news_finds_only_real_runs() -> None:
    """On real articles in 20 languages whose sieved text is short (French, Lithuanian, Turkish:
    judged by spelling their runs or by a scan led by each character outside the runless set,
    whichever costs less), the screen says "maybe" only where a run or a lone suspicious
    character is, always where ftfy's heuristic fires, and always where a misread word has been
    put in."""
    assert all(ANY_RUN.search(word) for word in MISREAD_WORDS)
    for path in sorted((ROOT / "data" / "multilingual").glob("*.txt")):
        paragraphs = path.read_text(encoding="utf-8").split("\n\n")
        articles = ["\n".join(paragraphs[start : start + 12]) for start in range(0, len(paragraphs), 12)]
        for article in articles:
            sieved = SIEVE(article)
            if len(sieved) > len(article) * SIEVED_SHARE:
                continue  # largely non-ASCII: screened by the text's own scan, tested elsewhere
            screened = may_hold_mojibake(article, sieved)
            if screened:  # œ of French may stand where the heuristic is asked
                assert ANY_RUN.search(article) or LONE_START.search(article), (path.stem, article[:80])
            if any(ftfy_is_bad(line) for line in article.split("\n")):
                assert screened, (path.stem, article[:80])
            middle = article.find(" ", len(article) // 2)
            for word in MISREAD_WORDS:
                mangled = f"{article[:middle]} {word}{article[middle:]}"
                assert may_hold_mojibake(mangled, SIEVE(mangled)), (path.stem, word)


# Lines of mojibake with C1 controls, layered misreads and characters no single-byte codec holds.
c1_layers = st.lists(
    st.sampled_from(
        ["\u00c3\u0083\u00c2\u00a9", "\u00e2\u0080\u0099", "\u0080", "\u0099", "\u20ac", "Ã©", "é", "x ", "☃"]
    ),
    max_size=12,
).map("".join)


@given(st.one_of(st.text(), mangled, mojibake_like, c1_layers))
@example("Nicol\u00c3\u0083\u00c2\u00a1s \u0080")  # two layers, and a C1 control
@example("caf\u00c3\u00a9 \ud83d")  # a lone surrogate left after decoding
def test_mojibake_step_repairs_each_line_as_ftfy_until_nothing_changes(text: str) -> None:
    """Each line is what ftfy's decoding, C1 and surrogate fixes make of it, repeated until they
    change nothing: the step asks ftfy's decoding at once of a line with a place where mojibake
    may be, and stops where its heuristic sees none left."""
    step = Mojibake()
    for line in text.splitlines(keepends=True):
        expected = line
        while (fixed := fix_surrogates(fix_c1_controls(ftfy.fix_encoding(expected)))) != expected:
            expected = fixed
        assert step.fix_line(line) == expected


@given(
    st.text(alphabet=st.sampled_from([*"“”‘’£€«»¡©ÃÂ", "a", "é", "ж", "中"]), max_size=40),
    st.integers(0, 40),
)
def test_characters_beyond_the_runless_set_are_found_in_short_and_long_text(piece: str, repeats: int) -> None:
    """Listed at once or searched for one by one, the same characters and count (or too many)."""
    for notable in (piece, piece * repeats + "é" * LISTED_AT_ONCE):
        beyond = [character for character in notable if character in BEYOND_RUNLESS_CHARACTERS]
        distinct, places = _beyond_runless(notable)
        if len(set(beyond)) > RUN_SCANS:
            assert len(distinct) > RUN_SCANS
        else:
            assert sorted(distinct) == sorted(set(beyond))
            assert places == len(beyond)


CLEANERS = (presswash.Cleaner(), presswash.Cleaner(misreads=True), presswash.Cleaner("ascii"))
# Trigger characters of every step, a misread, and characters no step reacts to.
TRIGGERS = "caf茅 “”’—£é&\u200b\x07\r\u2028ﬁＬ𝓮ÃРџ中한\u0301"
# Real articles in every script of the corpus.
ARTICLES = [
    paragraph
    for path in sorted((ROOT / "data" / "multilingual").glob("*.txt"))
    for paragraph in path.read_text(encoding="utf-8").split("\n")[:20]
    if paragraph
]


@given(st.one_of(st.text(alphabet=st.sampled_from(list(TRIGGERS)), max_size=12), st.sampled_from(ARTICLES)))
@example("caf茅")  # café read as GBK: the second chance is asked of it for what crowds the text
def test_a_step_the_screen_passes_over_has_nothing_to_change(text: str) -> None:
    """The steps a screen rules out by the characters it finds in a text leave that text as it is,
    the steps asked for what crowds a text among them."""
    for cleaner in CLEANERS:
        screen, found = cleaner._screen(text, cleaner.sieve.sieve_unless_dense(text))
        for step in screen.passes_over(found):
            assert step.fix(text) == text, step


THAI = (ROOT / "data" / "multilingual" / "th.txt").read_text(encoding="utf-8")
# Marks NFC only puts in order (Thai tone marks and vowels below, a virama), misordered pairs of
# them (of rare ones too, which a Thai sentence's first characters do not hold), and what NFC
# replaces or joins (Å as the Ångström sign, a nukta after its letter, an acute after e): placed
# anywhere after a Thai sentence, which may come after a quotation in ASCII.
NFC_WORK = ["\u0e48", "\u0e38", "\u0e48\u0e38", "\u0e4b\u0e3a", "\u0951\u0952", "\u094d", "\u212b", "e\u0301"]
ENGLISH_FIRST = "“Hello,” she said in an English sentence long enough to fill a sample. "
# Thai with one mark only (the mai tho of น้ำ): its first sample lists one character.
ONE_MARK = "ประเทศไทยมีน้ำมาก " * 4
# Entities that decode to a mark NFC joins and to a character it replaces, among the pieces.
PIECES = [*NFC_WORK, "\u0915\u093c", "&#2364;", "&#8491;", "😀", "ประเทศ", "น้ำ", "a", "«", "“", " "]
thai_with_marks = st.builds(
    lambda before, thai, pieces: before + thai + " ".join(pieces),
    st.sampled_from(["", ENGLISH_FIRST]),
    st.one_of(st.just(ONE_MARK), st.integers(0, len(THAI) - 120).map(lambda at: THAI[at : at + 120])),
    st.lists(st.sampled_from(PIECES), max_size=40),
)


@given(thai_with_marks)
@example(THAI[:120] + " \u0e4b\u0e3a")  # a misordered pair after the first sample
@example(THAI[:120] + " \u0e4b\u0e3a \u212b")  # and, later still, a character NFC replaces
@example(ENGLISH_FIRST + THAI[:99] + "\u0e4b\u0e3a")  # marks only after the first sample
@example(ONE_MARK + " \u0e4b\u0e3a &#2364;")  # an entity brings a nukta to a text listed sparingly
def test_a_screen_that_lists_marks_sparingly_cleans_as_every_step_would(text: str) -> None:
    """Text crowded with marks that NFC only puts in order is screened listing one of them, and
    cleaned as running every step gives, wherever misordered marks or what NFC replaces stand."""
    for cleaner in CLEANERS:
        assert cleaner(text) == cleaner.clean_without_gate(text)


@given(
    st.one_of(thai_with_marks, st.lists(st.sampled_from([*TRIGGERS, *NFC_WORK]), max_size=200).map("".join))
)
def test_a_screen_lists_sparingly_only_what_the_step_reads_for_itself(text: str) -> None:
    """Listed sparingly, a text's characters are all of them, or none of a sparing trigger's, and
    then those left out are of the full trigger only, one of which is listed."""
    cleaner = presswash.Cleaner()
    triggers = {step: step.dense_trigger or step.trigger for step in cleaner._dense_screen.patterns}
    sparing, plain = cleaner._dense_screen, Screen(triggers, crowded=CROWDED)
    listed, every = sparing.found_in(text), plain.found_in(text)
    if listed is None or every is None or set(listed) == set(every):
        return
    normalization = next(step for step in cleaner.steps if step.sparing_trigger is not None)
    assert set(listed) < set(every)
    assert not sparing.spares(listed)
    left_out = set(every) - set(listed)
    assert all(sparing.patterns[normalization].fullmatch(character) for character in left_out)
    assert sparing.patterns[normalization].search(listed) is not None
