"""The second chance's screens, each against the slower reading it stands for: the look where the
shared screen's characters stand (may_hold_misread_around) against reading the text
(may_hold_misread), the look from the sieved form of text nearly all ASCII against reading it by
kind, passing over plain words and rejecting a candidate from its edges against judging every
candidate whole, and the cleaner's fast path against its slow one, on correct and misread text in
many scripts."""

from __future__ import annotations

from unittest import mock

import pytest
from corpora import multilingual_texts, news_documents
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sentences import MULTILINGUAL, paragraphs

from presswash import Cleaner, bmp_scan, sieve
from presswash.screen import MOST_DISTINCT
from presswash.steps import misread_screen, misread_suspects, misreads
from presswash.steps._misread_table import DOUBLE_BYTE_CODECS, SINGLE_BYTE_CODECS
from presswash.steps.misread_classes import MISREAD_CHARACTERS, RARE, SHAPE
from presswash.steps.misread_screen import (
    CJK_PER_LETTER,
    _kinds_of,
    _places_beside_letters,
    _single_byte_spots,
    may_hold_misread,
    may_hold_misread_around,
    may_hold_misread_crowded,
    suspect_runs,
)
from presswash.steps.misreads import find_misreads
from presswash.steps.mojibake import MISREAD_CHARACTER, Mojibake

CODECS = dict(SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS)
NEWS = Cleaner("news", misreads=True)
# Real running text in 20 languages, a paragraph each (data/multilingual).
PARAGRAPHS = [
    paragraph
    for path in sorted(MULTILINGUAL.glob("*.txt"))
    for paragraph in paragraphs(path.stem)[:6]
    if len(paragraph) > 40
]
# Whole articles of the languages written in Latin letters, and English news: text whose sieved
# form is a small share of it, and whose accented letters may be too many to look for one by one.
ARTICLES = [
    "\n".join(paragraphs(language)[:12]) for language in ("de", "fr", "id", "lt", "pt", "tr", "vi")
] + news_documents()[:60]
WORDS = ["Zürich", "café", "Москва", "Ōtsuchi", "東京", "Ελλάδα", "naïve", "’s", "Łódź", "한국"]


def misread(text: str, name: str) -> str:
    """``text``'s UTF-8 read as codec ``name``, what it cannot read as U+FFFD."""
    return text.encode("utf-8").decode(CODECS[name], errors="replace")


@st.composite
def texts_with_misreads(draw: st.DrawFn, texts: list[str]) -> str:
    """One of ``texts`` with up to three words inserted, some misread, and perhaps the whole text
    misread."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(0, 3))):
        word = draw(st.sampled_from(WORDS))
        if draw(st.booleans()):
            word = misread(word, draw(st.sampled_from(list(CODECS))))
        cut = draw(st.integers(0, len(text)))
        text = f"{text[:cut]}{draw(st.sampled_from(['', ' ']))}{word} {text[cut:]}"
    if draw(st.integers(0, 5)) == 0:
        text = misread(text, draw(st.sampled_from(list(CODECS))))
    return text


def paragraphs_with_misreads() -> st.SearchStrategy[str]:
    """A paragraph of correct text, some words inserted and misread (see texts_with_misreads)."""
    return texts_with_misreads(PARAGRAPHS + multilingual_texts()[::50])


# Dense text made of the characters the screens care about: leads, continuations, starts, Latin letters.
dense_pieces = st.lists(
    st.one_of(
        st.sampled_from([*WORDS, "ёлка", "её", "l’été", "ıç", "π", "«", "»", " ", "\n", "a", "Z"]),
        st.text(alphabet=st.sampled_from(MISREAD_CHARACTERS[:400] + "Г©√°ﬁ茅譚ｱ莠ｬ챕\ufffd"), max_size=3),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300)
@given(st.one_of(paragraphs_with_misreads(), dense_pieces))
def test_looking_where_the_characters_stand_is_reading_the_text(text: str) -> None:
    """Told every character of MISREAD_CHARACTERS the text holds, or (where they crowd the text)
    only its rare ones, the screens answer as reading the text does (with the compiled pair search,
    and without it, looking for each such character)."""
    characters = "".join(set(MISREAD_CHARACTER.findall(text)))
    rare = "".join(RARE.findall(characters))
    for compiled in {bmp_scan.COMPILED, False}:
        with mock.patch.object(bmp_scan, "COMPILED", compiled):
            assert may_hold_misread_around(text, text, characters) == may_hold_misread(text)
            assert may_hold_misread_crowded(text, rare) == may_hold_misread(text)


@settings(max_examples=300)
@given(st.one_of(paragraphs_with_misreads(), dense_pieces))
@example("Jos\u0413\u00a9 \ufb01\u00a9")  # ﬁ (FB01): a lead of Mac Roman, with a late first byte
def test_the_single_byte_spots_are_the_shapes(text: str) -> None:
    """Found from pairs of the text's characters by kind, they are where the shapes' pattern matches."""
    kinds = _kinds_of(text)
    assert sorted(set(_single_byte_spots(text, kinds))) == [
        found.start() - 1 for found in SHAPE.finditer(text, 1)
    ]


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts_with_misreads(ARTICLES), paragraphs_with_misreads()))
@example("Gruß“ " + "Ähnliche Größe, schöne Grüße. " * 20)  # ß“: a shape of Windows-1252, in a plain word
@example("Die Grüße " * 30 + "Jos\u0413\u00a9")
@example(ARTICLES[0] + " caf\u0413\u00a9 und")  # German: of the pairs beginning a shape, Г© alone is Г's
def test_the_look_from_the_sieved_text_is_reading_the_text(text: str) -> None:
    """Text nearly all ASCII has its single-byte shapes looked for from its sieved form, a
    character or a pair that begins a shape at a time (with the compiled helper, the pairs are
    left to it); it is screened as reading it by kind does."""
    notable = NEWS.sieve.sieve_unless_dense(text)
    for compiled in {bmp_scan.COMPILED, False}:
        with mock.patch.object(bmp_scan, "COMPILED", compiled):
            screened = may_hold_misread(text, notable)
            with mock.patch.object(misread_screen, "SHAPES_FROM_SIEVED", 0):
                assert may_hold_misread(text, notable) == screened
            # And whether it holds a shape at all, in a plain word or not.
            with mock.patch.object(
                misread_screen, "outside_plain_words", lambda _, spots: any(True for _ in spots)
            ):
                screened = may_hold_misread(text, notable)
                with mock.patch.object(misread_screen, "SHAPES_FROM_SIEVED", 0):
                    assert may_hold_misread(text, notable) == screened


@given(st.text(st.characters(max_codepoint=0xFF)))
def test_the_kinds_of_text_stored_a_byte_a_character_are_taken_from_its_copy(text: str) -> None:
    # As they are without the compiled helper, which reads every text as it is stored.
    with mock.patch.object(sieve, "COMPILED", False):
        assert _kinds_of(text, nearly_ascii=True) == _kinds_of(text)


@pytest.mark.skipif(
    not bmp_scan.COMPILED, reason="the compiled helper is not built (no C compiler at install)"
)
@settings(max_examples=150, deadline=None)
@given(st.one_of(paragraphs_with_misreads(), dense_pieces, texts_with_misreads(ARTICLES), st.text()))
@example("Jos\u0413\u00a9 e d\u0413\u00a9j\u0413\u00a0 \u00c3\u00a9t\u00c3\u00a9")
@example("Пр\u0451 «\u0451» " * 40)  # KOI8's shapes, dense: the rest read by the pattern
@example("caf\uf8ff\u00a9 \ufb01\u00a9")  # characters of single-byte codecs whose UTF-8 begins with EF
def test_the_pairs_that_begin_a_shape_are_the_pairs_of_their_kind_that_do(text: str) -> None:
    """The compiled helper's pairs of one codec's lead and continuation give the spots that looking
    at each pair of their kinds gives."""
    kinds = _kinds_of(text)
    found = list(_single_byte_spots(text, kinds))
    with mock.patch.object(bmp_scan, "COMPILED", False):
        assert list(_single_byte_spots(text, kinds)) == found


@settings(max_examples=150, deadline=None)
@given(st.one_of(paragraphs_with_misreads(), dense_pieces))
@example("Le \u8305caf\u8305 est")  # écafé read as GBK: its 茅 beside c are spots, not untouched
@example("本FC平台")  # 本 beside F is no mix: 平台 is read
@example("x\u03a9-caf\u8305")  # Ω beside x, outside every spot's run: 茅 is not read
def test_passing_over_plain_words_and_rejecting_from_the_edges_is_judging_every_candidate(text: str) -> None:
    """The misreads found are those found when every candidate in every word is judged whole."""
    found = find_misreads(text)
    with (
        mock.patch.object(misread_suspects, "in_plain_word", return_value=False),
        mock.patch.object(misreads, "_clashes_at_edges", return_value=False),
        mock.patch.object(misread_suspects, "_mixes_scripts_untouched", return_value=False),
    ):
        assert find_misreads(text) == found


@settings(max_examples=200, deadline=None)
@given(st.one_of(paragraphs_with_misreads(), dense_pieces))
def test_fast_path_is_slow_path_on_dense_text(text: str) -> None:
    assert NEWS(text) == NEWS.clean_without_gate(text)


def test_text_crowded_with_ideographs_is_screened_by_the_other_steps() -> None:
    """Chinese text is crowded with the ideographs a GBK misread may begin with: the second chance
    is asked directly, and the other steps are still screened (a fullwidth letter is narrowed,
    an entity decoded), as the slow path does."""
    text = "我们在东京的咖啡馆里喝了一杯咖啡，然后去了公司。" * 5 + " caf\u8305 和 cr\u8305e ＡＢＣ &amp;"
    assert NEWS(text) == NEWS.clean_without_gate(text)
    assert NEWS(text).endswith(" café 和 crée ABC &")


@settings(max_examples=300, deadline=None)
@given(st.one_of(paragraphs_with_misreads(), dense_pieces))
def test_what_the_screens_pass_over_holds_no_misread(text: str) -> None:
    """Text a screen passes over (its shapes all in plain words, say) is text in which the second
    chance, asked anyway, finds nothing."""
    characters = "".join(set(MISREAD_CHARACTER.findall(text)))
    if (
        not may_hold_misread(text)
        or not may_hold_misread_around(text, text, characters)
        or not may_hold_misread_crowded(text, characters)
    ):
        assert find_misreads(text, screened=True) == []


def test_text_crowded_with_accented_letters_is_screened_for_misreads() -> None:
    """Vietnamese text is crowded with letters that single-byte codecs read continuation bytes as
    (more than an eighth of its characters beyond ASCII): the shared screen lists its rare
    characters only, and the second chance looks for shapes in the text itself, as the slow path
    does; a word misread in it is still repaired."""
    text = paragraphs("vi")[0]
    notable = NEWS.sieve.sieve_unless_dense(text)
    assert NEWS._dense_screens[0].found_in(notable) is None  # crowded
    assert NEWS._dense_screens[1].found_in(notable) is not None
    assert NEWS(text) == NEWS.clean_without_gate(text) == text
    for word in ("Việt Nam", "Zürich"):
        assert NEWS(f"{text} {misread(word, 'windows-1252')}") == f"{text} {word}"


def test_korean_text_is_screened_for_misreads_by_reading_it() -> None:
    """Korean text holds hangul that a misread through EUC-KR may begin with (Z체rich is Zürich so
    read), twenty or more distinct ones in an article, a few percent of its characters, and the
    second chance reads such text by kind for them beside Latin letters: the shared screen that
    would list them hands the text on to the one that lists rare characters only, where its first
    sample holds one, or where it finds more distinct ones than MOST_DISTINCT. Either way the
    text is cleaned as the slow path cleans it, and a word misread in it is still repaired."""
    text = "\n".join(paragraphs("ko")[:6])
    for sample in (text, "\n" * 64 + text, "합니다. 그는 " * 8 + text):
        notable = NEWS.sieve.sieve_unless_dense(sample)
        assert NEWS._dense_screens[0].found_in(notable) is None
        assert NEWS._dense_screens[1].found_in(notable) is not None
        assert NEWS(sample) == NEWS.clean_without_gate(sample) == sample
        assert NEWS(f"{sample} {misread('Zürich', 'euc-kr')}") == f"{sample} Zürich"
    assert len(set(MISREAD_CHARACTER.findall(text))) > MOST_DISTINCT
    # A first sample that holds such a hangul (표), in a text with few distinct ones; one that holds
    # none, and few distinct ones after it, is listed.
    few = "서울은 한국의 수도이다. "
    assert NEWS._dense_screens[0].found_in("표" + few * 40) is None
    assert NEWS._dense_screens[0].found_in(few * 40 + "표") is not None


def test_the_step_is_not_run_where_the_second_chance_finds_nothing() -> None:
    """Correct Chinese text holds rare ideographs (诟) and ideographs beside Latin letters (升A小调),
    which the screen cannot tell from a misread: the step asks the second chance whether it finds
    one, and is run only where it does."""
    text = "而且学校的伙食和住宿条件也多年遭到在校生的诟病。升A小调是一个于升A音开始的小调音阶。"
    assert may_hold_misread(text)
    with mock.patch.object(Mojibake, "fix_sieved", side_effect=AssertionError("the step was run")):
        assert NEWS(text) == text
    assert NEWS(text + " caf\u8305 and cr\u8305e") == text + " café and crée"


def test_ideographs_beside_latin_letters_in_chinese_and_japanese_send_no_text_on() -> None:
    """Text written in Chinese or Japanese puts ideographs and kana beside Latin letters (``FBIが``,
    ``GDP增长``), which a Latin word misread as GBK does too (``caf茅``): there only a character with
    none of its kind beside it is looked at, as a misread Latin word among them is (``Z眉rich``)."""
    chinese = "GDP增长了百分之五，这是近年来最快的增长速度。"
    japanese = "FBIがポールを事情聴取したと日本の新聞が報じた。"
    for text in (chinese, japanese, chinese + japanese):
        characters = "".join(set(MISREAD_CHARACTER.findall(text)))
        assert suspect_runs(text) == []
        assert not may_hold_misread(text)
        assert not may_hold_misread_around(text, text, characters)
        assert not may_hold_misread_crowded(text, characters)
        # Zürich, and café et crée, read as GBK (a lone café is too weak to repair among ideographs).
        for bad, good in ((" Z\u7709rich", " Zürich"), (" caf\u8305 et cr\u8305e", " café et crée")):
            assert may_hold_misread(text + bad)
            assert NEWS(text + bad) == text + good
    # In Latin text misread, the same characters beside letters are what is looked at.
    assert may_hold_misread("Gr\u8305ve g\u8305n\u8305rale") and may_hold_misread("caf\u8305")


@settings(max_examples=500)
@given(
    st.one_of(
        st.binary(max_size=40).map(lambda data: bytes(b".aADE"[byte % 5] for byte in data)),
        # Mostly Latin letters, as a Latin text quoting a Chinese name
        st.binary(max_size=80).map(lambda data: bytes(b"aaaaaa.DE"[byte % 9] for byte in data)),
    )
)
@example(b"DDDDDDDaD" + b"D" * 7)  # written in CJK, a lone D before the letter
@example(b"EDDDDDDDDaEE.aD")  # a letter's neighbours one lone, one not
def test_the_double_byte_characters_looked_at_beside_letters_are_the_rule_s(kinds: bytes) -> None:
    """Every character of either double-byte kind beside a Latin letter, and in text written in
    Chinese, Japanese or Korean (more than CJK_PER_LETTER of them for each letter) only those with
    none of their kinds beside them: as a plain look at each character finds them."""
    doubles = [index for index, kind in enumerate(kinds) if kind in b"DE"]

    def kind_at(index: int) -> int | None:
        return kinds[index] if 0 <= index < len(kinds) else None

    expected = {
        index
        for index in doubles
        if ord("a") in (kind_at(index - 1), kind_at(index + 1))
        and (
            len(doubles) <= kinds.count(b"a") * CJK_PER_LETTER
            or not {kind_at(index - 1), kind_at(index + 1)} & set(b"DE")
        )
    }
    places = _places_beside_letters(kinds)
    found = set()
    for first, following, offset in places:
        position = first
        while position != -1:
            found.add(position + offset)
            position = following(position + 1)
    assert found == expected
    assert (places == []) == (not expected)  # empty exactly where none is looked at


def test_shapes_in_plain_words_send_no_text_on() -> None:
    """Correct Russian holds KOI8-R shapes in plain words (``её``, ``идёт``); a shape in a word that
    holds something improbable still sends the text on."""
    text = "Она сказала, что её брат идёт домой и всё ещё ждёт ответа. " * 3
    characters = "".join(set(MISREAD_CHARACTER.findall(text)))
    assert not may_hold_misread(text)
    assert not may_hold_misread_around(text, text, characters)
    bad = text + "Jos\u0413\u00a9"
    assert may_hold_misread(bad)
    assert may_hold_misread_around(bad, bad, "".join(set(MISREAD_CHARACTER.findall(bad))))


@settings(max_examples=200, deadline=None)
@given(st.one_of(paragraphs_with_misreads(), dense_pieces))
def test_a_double_byte_stretch_is_read_only_where_it_holds_a_spot(text: str) -> None:
    """Around a rare ideograph or a start beside a Latin letter, only the stretches that hold it are
    judged: in correct Chinese text the others only put letters of other scripts between ideographs."""
    runs = suspect_runs(text)
    double = sorted(spot for *_, spots in runs for spot in spots)
    double_byte = {name for name, _ in DOUBLE_BYTE_CODECS}
    for name, start, end, _ in misread_suspects.suspect_stretches(text, frozenset()):
        if name in double_byte:
            assert any(start <= spot < end for spot in double), (name, text[start:end])
