"""The second chance's faster readings, each against the plain definition it stands for: where a
stretch of a double-byte codec's bytes begins and ends, in characters; the pattern of a stretch;
the stretches read a part of a run at a time around its spots; and a long word's oddity and
scripts, read with its runs of ideographs, kana or hangul cut."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st
from sentences import paragraphs

from presswash.steps import misread_stretches, misread_suspects, plausibility
from presswash.steps._misread_table import DOUBLE_BYTE_CODECS
from presswash.steps.misread_classes import SELDOM_CORRECT_CHARACTER
from presswash.steps.misread_screen import suspect_runs
from presswash.steps.plausibility import character_kind, is_rare_ideograph, mixes_scripts, oddity

CJK_PARAGRAPHS = [paragraph for name in ("zh", "ja", "ko") for paragraph in paragraphs(name)]


def misread(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


# Text of the characters that make widths and runs differ: ASCII, halfwidth katakana, ideographs
# common and rare, kana, hangul, what no double-byte codec holds, mojibake and its neighbours.
pieces = st.text(
    alphabet=st.sampled_from(
        "aZ 9?é東京的诟鈥檚茅涓枃ｱｲ譚莠ｬ하늘のカタナー한국\u0e01ÃÂ¢€ГўВЂ—…«»\u0301\ue000\ufffd，。"
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40))
def test_a_stretch_is_matched_from_its_first_sequence(data: bytes) -> None:
    """UTF8_STRETCH finds what a stretch is defined as: sequences and swallowed ASCII, at least one
    sequence, each as long as it goes."""
    sequence, swallowed = misread_stretches.MULTI_BYTE, misread_stretches.SWALLOWED
    defined = re.compile(
        rb"(?:%b|%b)*(?:%b)(?:%b|%b)*" % (sequence, swallowed, sequence, sequence, swallowed)
    )
    found = [match.span() for match in misread_stretches.UTF8_STRETCH.finditer(data)]
    assert found == [match.span() for match in defined.finditer(data)]


@settings(max_examples=300, deadline=None)
@given(pieces, st.sampled_from([codec for _, codec in DOUBLE_BYTE_CODECS]))
def test_stretches_are_counted_in_characters_from_the_bytes(piece: str, codec: str) -> None:
    """A stretch's ends are the characters that begin at its first byte and after its last, by
    the encoded length of each character before them."""
    begins, position = {}, 0
    for index, character in enumerate(piece):
        begins[position] = index
        position += len(character.encode(codec, errors="replace"))
    begins[position] = len(piece)
    encoded = piece.encode(codec, errors="replace")
    expected = [
        (begins[match.start()], begins[match.end()], match.group().decode("utf-8"))
        for match in misread_stretches.UTF8_STRETCH.finditer(encoded)
        if match.start() in begins and match.end() in begins
    ]
    assert list(misread_stretches._stretches(piece, codec, double_byte=True)) == expected


def bytes_before(piece: str, index: int, codec: str) -> int:
    return len(piece[:index].encode(codec, errors="replace"))


@settings(max_examples=300, deadline=None)
@given(pieces, st.sampled_from([codec for _, codec in DOUBLE_BYTE_CODECS]), st.data())
def test_a_characters_first_byte_is_told_inside_a_sequence_by_its_neighbours(
    piece: str, codec: str, data: st.DataObject
) -> None:
    """Whether a character's first byte stands inside a UTF-8 sequence, told from a few of its
    neighbours, is what reading the sequences of the whole piece tells."""
    if not piece:
        return
    spot = data.draw(st.integers(0, len(piece) - 1))
    first = bytes_before(piece, spot, codec)
    sequences = misread_stretches._SEQUENCE.finditer(piece.encode(codec, errors="replace"))
    expected = any(found.start() <= first < found.end() for found in sequences)
    assert misread_stretches._in_sequence(piece, spot, 0, len(piece), codec) == expected


def test_a_sequence_may_begin_three_characters_before_the_one_it_holds() -> None:
    """Through cp932, を｡｡〒 is 82 F0 A1 A1 81 A7: the first byte of 〒 ends a sequence that begins
    inside を, three characters before it, and stands in none if the window begins after を."""
    assert misread_stretches._in_sequence("を｡｡〒", 3, 0, 4, "cp932")
    assert not misread_stretches._in_sequence("を｡｡〒", 3, 1, 4, "cp932")


@settings(max_examples=300, deadline=None)
@given(st.one_of(pieces, st.sampled_from(CJK_PARAGRAPHS).map(lambda paragraph: paragraph[:40])))
def test_every_codec_with_a_stretch_holding_a_character_is_found_holding_it(piece: str) -> None:
    """The codecs a window is read through for a spot include every codec a stretch of which
    holds the spot's character."""
    names = frozenset(name for name, _ in DOUBLE_BYTE_CODECS)
    stretches = misread_stretches.double_byte_stretches(piece, names)
    for spot in (index for index, character in enumerate(piece) if not character.isascii()):
        needed = {name for name, start, end, _ in stretches if start <= spot < end}
        assert needed <= misread_stretches.holding(piece, [spot], 0, len(piece))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(pieces, st.sampled_from(CJK_PARAGRAPHS), st.sampled_from(CJK_PARAGRAPHS).map(lambda p: p[:300]))
)
def test_cutting_runs_keeps_a_words_oddity_and_scripts(word: str) -> None:
    """A long word's oddity and whether it mixes scripts are what they are with nothing cut,
    also for misreads (ideographs beside Latin letters, halfwidth katakana, rare ideographs)."""
    for text in (word, misread(word, "gbk"), misread(word, "cp932"), misread(word, "windows-1252")):
        found = oddity(text), mixes_scripts(text)
        with mock.patch.object(plausibility, "_SHORT_WORD", len(text)):
            assert (oddity(text), mixes_scripts(text)) == found


def test_a_run_is_letters_of_scripts_that_share_words_and_its_rare_ideographs_are_known() -> None:
    """Every character a run may hold is a letter without case of the ideographs and kana, or of
    hangul, none of ftfy's heuristic's characters; of the ideographs, the rare ones are those the
    cut keeps."""
    for alternative in plausibility._PLAIN_RUN.pattern.split("|"):
        scripts = set()
        for low, high in re.findall("(.)-(.)", alternative):
            for point in range(ord(low), ord(high) + 1):
                character = chr(point)
                role, script = character_kind(character)
                assert role == "letter", hex(point)
                scripts.add(script)
                if script == "han":
                    kept = SELDOM_CORRECT_CHARACTER.fullmatch(character) is not None
                    assert kept == is_rare_ideograph(character), hex(point)
        assert scripts in ({"han", "kana"}, {"hangul"}), scripts


NEVER = re.compile("(?!)")


@settings(max_examples=500, deadline=None)
@given(st.from_regex(plausibility._PLAIN_WORD, fullmatch=True))
def test_a_plain_russian_or_greek_word_is_odd_in_nothing(word: str) -> None:
    """A word of small Russian or Greek letters, perhaps after a capital and between ASCII
    punctuation, counts nothing: what oddity finds reading it character by character."""
    with mock.patch.object(plausibility, "_PLAIN_WORD", NEVER):
        assert oddity(word) == 0


def test_a_word_the_plain_pattern_passes_over_is_counted() -> None:
    """Misreads through Windows-1251 and KOI8-R hold capitals inside words and symbols: the plain
    pattern leaves them to be counted."""
    for word in ("РёРІ", "JosГ©", "Г©", "ÐœÐ¾ÑÐºÐ²Ð°", "пїЅ"):
        assert plausibility._PLAIN_WORD.fullmatch(word) is None


# Correct and misread CJK text, whose runs are long enough to be read a part at a time (correct
# Chinese holds rare ideographs, about which GBK reads long stretches).
LONG_RUNS = st.builds(
    lambda paragraph, codec, start, length: (paragraph if codec is None else misread(paragraph, codec))[
        start : start + length
    ],
    st.sampled_from(CJK_PARAGRAPHS),
    st.sampled_from([None, *(codec for _, codec in DOUBLE_BYTE_CODECS)]),
    st.integers(0, 300),
    st.integers(1, 300),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(pieces, LONG_RUNS), max_size=5).map("".join))
# Georgian read as cp932 and Thai read as GBK: in each, a stretch that holds a spot reaches past
# the part read around it, which is then widened.
@example(misread(paragraphs("ka")[1], "cp932"))
@example(misread(paragraphs("th")[0], "gbk"))
def test_reading_around_the_spots_finds_what_reading_each_whole_run_finds(text: str) -> None:
    """The stretches that hold a double-byte spot, read a part of its run at a time around the
    spots and widened where one reaches a part's end, are those that reading the whole run finds."""
    names = frozenset(name for name, _ in DOUBLE_BYTE_CODECS)
    for run_start, run_end, _, spots in suspect_runs(text):
        around: set[tuple[str, int, int, str]] = set()
        for start, end in misread_suspects._parts_around(spots, run_start, run_end):
            around |= misread_suspects._around(text, start, end, run_start, run_end, names, spots)
        whole = {
            (name, run_start + begin, run_start + end, decoded)
            for name, begin, end, decoded in misread_stretches.double_byte_stretches(
                text[run_start:run_end], names
            )
            if misread_suspects._holds_one(spots, run_start + begin, run_start + end)
        }
        assert around == whole
