"""A long document is taken a block of lines at a time by the steps that work line by line.

Each such shortcut must give what one call per line gives, and ``fix_text`` what ftfy gives.
The block is made a few characters long here, so that short generated texts hold many blocks;
the last tests take real news as one long document at the block's own size.
"""

import random
from contextlib import AbstractContextManager
from unittest import mock

import ftfy
from corpora import news_documents
from hypothesis import example, given
from hypothesis import strategies as st

import presswash
from presswash import step as step_module
from presswash.edits import edits_of_pieces
from presswash.step import blocks_of_lines, fixed_lines_holding, replaced_where_found, split_lines
from presswash.steps.controls import Controls
from presswash.steps.html_entities import HtmlEntities
from presswash.steps.ligatures import Ligatures
from presswash.steps.mojibake import Mojibake
from presswash.steps.normalization import Normalization

SMALL_BLOCK = 12

# Lines that give each step something to do (or to leave alone), and lines of plain text between.
LINES = [
    "plain words here",
    "Nicol\u00c3\u00a1s said so",  # mojibake
    "\u00c3 at a line's start",  # what ftfy's heuristic finds only at the start of a line
    "caf\u00e9 cr\u00e8me, \u201cquoted\u201d",
    "AT&amp;T &rsquo; &#8217;",  # entities
    "<b>a tag</b> &amp; more",  # a tag: this line keeps its entities, and ftfy all from here on
    "<p>a tag alone</p>",
    "bad\x00 byte\x7f and \x1b[31mred\x1b[0m",  # controls and a terminal escape
    "\U0001f1ec\x01\U0001f1e7 flag apart",  # deleting the control would pair two regional indicators
    "\ufb01ne \ufb02ow",  # ligatures
    "e\u0301 to compose, \u212b to replace",  # NFC
    "\u00e2\u20ac\u2122 alone",
    "Jos\u0413\u00a9 and caf\u8305",  # misreads only the second chance undoes
    "",
]
long_text = st.lists(st.sampled_from(LINES), max_size=14).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n"]).map(lambda newline: newline.join(lines))
)


def _small_blocks() -> AbstractContextManager[object]:
    return mock.patch.object(step_module, "BLOCK", SMALL_BLOCK)


@given(st.text(alphabet="ab\n", max_size=80), st.integers(0, 20))
def test_blocks_of_lines_are_whole_lines_of_at_least_a_block(text: str, size: int) -> None:
    with mock.patch.object(step_module, "BLOCK", size):
        blocks = list(blocks_of_lines(text))
    assert "".join(blocks) == text
    for block in blocks[:-1]:
        assert block.endswith("\n") and len(block) > size
        assert "\n" not in block[size:-1]  # it ends at the first line break past the block


@given(st.text(alphabet="ab&\n", max_size=60))
def test_fixing_the_lines_holding_a_character_fixes_only_those(text: str) -> None:
    expected = "".join(line.upper() if "&" in line else line for line in split_lines(text))
    assert fixed_lines_holding(text, "&", str.upper) == expected


@given(long_text)
@example("Nicol\u00c3\u00a1s\n" * 3 + "\u00c3 at a line's start")
def test_a_line_step_fixes_a_long_text_as_it_fixes_each_line(text: str) -> None:
    for step in (Mojibake(), Normalization("NFC")):
        lines = split_lines(text)
        with _small_blocks():
            fixed, edits = step.fix(text), step.edits(text)
        assert fixed == "".join(step.fix_line(line) for line in lines)
        assert edits == edits_of_pieces((line, step.line_edits(line, step.fix_line(line))) for line in lines)


@given(long_text)
def test_the_second_chance_decodes_a_long_text_as_without_blocks(text: str) -> None:
    step = Mojibake(second_chance=True)
    whole, explained = step.fix(text), step.edits(text)
    with _small_blocks():
        assert step.fix(text) == whole
        assert step.edits(text) == explained
        notable = presswash.Cleaner("news").sieve(text)
        if step.applies(text, notable):  # as the cleaner asks: the blocks are screened there
            assert step.fix_sieved(text, notable) == whole
        else:
            assert whole == text


@given(long_text)
def test_entities_and_controls_in_a_long_text_as_in_each_line(text: str) -> None:
    html, controls, ligatures = HtmlEntities(), Controls(), Ligatures()
    notable = presswash.Cleaner("news").sieve(text)
    lines = split_lines(text)
    with _small_blocks():
        assert html.fix(text) == "".join(html.fix(line) for line in lines)
        assert html.edits(text) == edits_of_pieces((line, html.edits(line)) for line in lines)
        assert controls.fix_sieved(text, notable) == controls.fix(text)  # fix reads the whole text
        assert ligatures.fix_sieved(text, notable) == ligatures.fix(text)


@given(st.text(alphabet="abcx\n", max_size=60))
def test_characters_replaced_in_a_long_text_as_in_the_whole(text: str) -> None:
    replacement = {"a": "xx", "b": "", "c": "x\u00e9"}
    expected = text
    for character, replaced in replacement.items():
        expected = expected.replace(character, replaced)
    with _small_blocks():
        fixed = replaced_where_found(text, text, step_module.compiled_class("abc"), replacement)
    assert fixed == expected


@given(long_text)
@example("<b>\n" + "&amp;\n" * 4)  # entities after a tag, in blocks after the tag's
@example("&amp;\n" * 4 + "<b>")  # entities before a tag, in blocks before the tag's
@example("<p>a tag alone</p>\n" + "&amp; x\n" * 3)  # a block with a tag but no entity, taken whole
def test_fix_text_taken_in_blocks_is_identical_to_ftfy(text: str) -> None:
    with _small_blocks():
        fixed = presswash.fix_text(text)
    assert fixed == ftfy.fix_text(text)


@given(long_text)
def test_the_news_cleaner_gives_the_same_in_blocks(text: str) -> None:
    cleaner = presswash.Cleaner("news")
    whole, explained = cleaner.clean(text), cleaner.explain(text)
    with _small_blocks():
        assert cleaner.clean(text) == whole
        assert cleaner.explain(text) == explained  # the same changes, at the same places


def test_a_long_news_document_is_cleaned_as_without_blocks() -> None:
    """Real news as one document of about 0.4 MB, a few of its lines misread or holding entities,
    controls or a tag: taken in blocks of the real size, as ftfy takes it and as without blocks."""
    rng = random.Random(7)
    lines = [line for document in news_documents() for line in document.split("\n")][:1500]
    for index in rng.sample(range(len(lines)), 12):
        lines[index] = lines[index].encode("utf-8").decode("sloppy-windows-1252")
    extras = ["&amp;", "\x01", "<i>tag</i>", "\ufb01"]
    for index, extra in zip(rng.sample(range(len(lines)), len(extras)), extras, strict=True):
        lines[index] += " " + extra
    text = "\n".join(lines)
    assert len(text) > 20 * step_module.BLOCK
    assert presswash.fix_text(text) == ftfy.fix_text(text)
    cleaner = presswash.Cleaner("news")
    in_blocks = cleaner.clean(text)
    with mock.patch.object(step_module, "BLOCK", len(text)):
        assert cleaner.clean(text) == in_blocks
