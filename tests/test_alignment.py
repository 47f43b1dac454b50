"""Alignment: spans of the cleaned text map to the input spans they came from, and back.

The properties are checked over every preset on generated strings and on real news documents
(data/news-sample.txt) with defects put in: mojibake, styled words, HTML entities (some of them
decoding to mojibake), invisible and control characters, mis-curled quotes, ligatures.
"""

import itertools

import pytest
from corpora import EXAMPLE, MOJIBAKE_KINDS, mojibake_cases_by_kind, news_documents
from hypothesis import given
from hypothesis import strategies as st
from test_multilingual import LANGUAGES, paragraphs
from test_properties import CLEANERS, PRESETS, any_text

import presswash
from presswash import Explanation, apply_changes
from presswash.edits import Edit, diff_edits

NEWS = news_documents()


def _bold(word: str) -> str:
    """``word`` in mathematical bold letters, as "fancy text" generators write it."""
    return "".join(
        chr(0x1D400 + ord(c) - ord("A"))
        if "A" <= c <= "Z"
        else chr(0x1D41A + ord(c) - ord("a"))
        if "a" <= c <= "z"
        else c
        for c in word
    )


def _misread(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def _entities(text: str) -> str:
    """``text`` with each non-ASCII character as a numeric reference to each of its misread bytes."""
    return "".join(f"&#{ord(c)};" for c in _misread(text))


# Ways a stretch of real text gets damaged: each takes the text's next word and returns its damaged form.
DEFECTS = {
    "mojibake": lambda word: _misread(f"“{word}” £5 café"),
    "double mojibake": lambda word: _misread(_misread(f"{word}’s")),
    "styled": lambda word: (
        _bold(word) if any(c.isascii() and c.isalpha() for c in word) else f"{word} {_bold('News')}"
    ),
    "entity": lambda word: f"{word} &amp; &rsquo;&eacute;",
    "entity of mojibake": lambda word: f"{word}{_entities('’')}",
    "invisible": lambda word: "\u200b".join(word) + "\u00ad\ufeff",
    "control": lambda word: f"{word}\x00\x1b[31m",
    "mis-curled quote": lambda word: f"“{word},“",
    "ligature": lambda word: word.replace("fi", "\ufb01") + " \ufb02",
}


@st.composite
def damaged_news(draw: st.DrawFn) -> str:
    """A stretch of a real news document with a few defects put in at word starts."""
    document = draw(st.sampled_from(NEWS))
    start = draw(st.integers(0, max(0, len(document) - 400)))
    text = document[start : start + 400]
    words = text.split(" ")
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(words) - 1))
        words[index] = DEFECTS[draw(st.sampled_from(sorted(DEFECTS)))](words[index])
    return " ".join(words)


def _strictly_inside_a_change(result: Explanation, position: int) -> bool:
    return any(c.output_start < position < c.output_end for c in result.changes)


def check_alignment(text: str, result: Explanation, spans: list[tuple[int, int]]) -> None:
    """Every property of the alignment between ``text`` and its explanation ``result``."""
    output = result.text
    offsets = result.input_offsets()
    assert len(offsets) == len(output) + 1
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    assert offsets[0] >= 0 and offsets[-1] == len(text)

    # Every output character outside the changes maps to one identical input character.
    changed = {k for c in result.changes for k in range(c.output_start, c.output_end)}
    for k in range(len(output)):
        if k not in changed:
            start, end = result.input_span(k, k + 1)
            assert end == start + 1 and text[start] == output[k] and offsets[k] == start
    # A change maps to exactly its own original, and back.
    for c in result.changes:
        if c.replacement:
            assert result.input_span(c.output_start, c.output_end) == (c.start, c.end)
        assert result.output_span(c.start, c.end) == (c.output_start, c.output_end)

    for s, e in spans:
        a, b = result.input_span(s, e)
        assert 0 <= a <= b <= len(text)
        if not _strictly_inside_a_change(result, s):
            assert a == offsets[s]
        removed_at_end = any(c.output_start == c.output_end == e for c in result.changes)
        if not (_strictly_inside_a_change(result, e) or removed_at_end):
            assert b == offsets[e]
        # The changes inside the input span rebuild exactly the output span it maps back to,
        # which covers the span asked for, and is that span unless it cuts a change.
        s2, e2 = result.output_span(a, b)
        assert s2 <= s <= e <= e2
        if not (_strictly_inside_a_change(result, s) or _strictly_inside_a_change(result, e)):
            assert (s2, e2) == (s, e)
        inside = [
            c for c in result.changes if a <= c.start and c.end <= b and (c.original or a < c.start < b)
        ]
        rebuilt = apply_changes(text[a:b], [_shifted(c, -a) for c in inside])
        assert rebuilt == output[s2:e2]
        # From the input side, a span maps to the output its changes rebuild.
        a3, b3 = min(s, len(text)), min(e, len(text))
        s3, e3 = result.output_span(a3, b3)
        rebuilt = apply_changes(
            text[a3:b3], [_shifted(c, -a3) for c in result.changes if a3 <= c.start and c.end <= b3]
        )
        if not any(c.start < a3 < c.end or c.start < b3 < c.end for c in result.changes):
            assert rebuilt == output[s3:e3]


def _shifted(change: presswash.Change, by: int) -> presswash.Change:
    return presswash.Change(
        change.step,
        change.start + by,
        change.end + by,
        change.original,
        change.replacement,
        change.output_start,
    )


spans = st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=12)


def _within(result: Explanation, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    n = len(result.text)
    return [(min(s, e, n), min(max(s, e), n)) for s, e in pairs]


@pytest.mark.parametrize("preset", PRESETS)
@given(text=any_text, pairs=spans)
def test_alignment_properties_on_any_text(preset: str, text: str, pairs: list[tuple[int, int]]) -> None:
    result = CLEANERS[preset].explain(text)
    check_alignment(text, result, _within(result, pairs))


@pytest.mark.parametrize("preset", PRESETS)
@given(text=damaged_news(), pairs=spans)
def test_alignment_properties_on_damaged_real_news(
    preset: str, text: str, pairs: list[tuple[int, int]]
) -> None:
    result = CLEANERS[preset].explain(text)
    if preset == "news":
        assert result.changes  # every defect put in needs a repair
    check_alignment(text, result, _within(result, pairs))


def test_alignment_properties_on_whole_real_news_documents() -> None:
    for preset in PRESETS:
        for document in NEWS[::10]:
            damaged = document.replace(" the ", " \u200bthe ").replace("’", _misread("’"))
            result = CLEANERS[preset].explain(damaged)
            n = len(result.text)
            check_alignment(damaged, result, [(0, n), (n // 3, 2 * n // 3), (n // 2, n // 2)])


def test_the_example_mojibake_line_is_five_misread_sequences() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    result = presswash.explain(text)
    second_line = (text.index("\n") + 1, text.index("\n", text.index("\n") + 1))
    on_line = [
        (c.original, c.replacement) for c in result.changes if second_line[0] <= c.start < second_line[1]
    ]
    assert on_line == [("â€™", "’"), ("Â£", "£"), ("Ã¡", "á"), ("â€™", "’"), ("â€”", "—")]


def test_names_found_in_the_cleaned_example_point_at_the_raw_text() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    result = presswash.explain(text)
    for found, raw in [
        ("Nicolás Herrera", "NicolÃ¡s Herrera"),
        ("the Mayor’s office", "the Mayorâ€™s office"),
        ("£40m", "Â£40m"),
        ("Defence & Security Committee", "Defence &amp; Security Committee"),
        ("The committee’s report", "The committee&rsquo;s report"),
        ("British officials", "British ofﬁcials"),
        ("cybersecurity", "cyber\u200bsecurity"),
        ("vulnerabilities exposed", "vulnerabilities 𝓮𝔁𝓹𝓸𝓼𝓮𝓭"),
        ("“Ukraine needs more,”", "“Ukraine needs more,“"),
    ]:
        start = result.text.index(found)
        a, b = result.input_span(start, start + len(found))
        assert text[a:b] == raw
        assert result.output_span(a, b) == (start, start + len(found))


@pytest.mark.parametrize("kind", sorted(MOJIBAKE_KINDS))
def test_real_news_mojibake_is_reported_per_misread_sequence(kind: str) -> None:
    """Each change is one character of the clean sentence and exactly its misreading."""
    cases = mojibake_cases_by_kind()[kind]
    assert cases
    for corrupted, clean in cases:
        result = presswash.explain(corrupted, quotes="keep")
        assert result.text == clean
        for change in result.changes:
            assert change.step == "mojibake"
            assert len(change.replacement) == 1
            assert MOJIBAKE_KINDS[kind](change.replacement) == change.original


@pytest.mark.parametrize("language", LANGUAGES)
def test_misread_running_text_in_every_script_is_reported_per_character(language: str) -> None:
    """Real paragraphs in 20 languages (data/multilingual), misread as Windows-1252: where the
    news preset restores a paragraph, each change is one character and exactly its misreading,
    also where misread characters stand side by side (Greek, Cyrillic, Chinese, Thai)."""
    restored = 0
    for paragraph in paragraphs(language)[:3]:
        damaged = _misread(paragraph)
        result = presswash.explain(damaged, quotes="keep")
        if result.text != presswash.clean(paragraph, quotes="keep"):
            continue  # a paragraph whose misreading ftfy does not undo: nothing to align
        restored += 1
        for change in result.changes:
            if change.step == "html":  # the Russian treebank's &#39;
                continue
            assert change.step == "mojibake"
            assert len(change.replacement) == 1 and _misread(change.replacement) == change.original
        n = len(result.text)
        check_alignment(damaged, result, [(0, n), (n // 4, n // 2), (n // 3, n // 3 + 1)])
    assert restored


def test_changes_made_in_several_rounds_are_one_change_from_the_input() -> None:
    # An entity that decodes to mojibake, which is then repaired, and the quote then turned around.
    text = "“Ukraine needs more,&acirc;&#128;&#156; he said. Nicol&Atilde;&iexcl;s &amp;rsquo;"
    result = presswash.explain(text)
    assert result.text == "“Ukraine needs more,” he said. Nicolás ’"
    assert [(c.step, c.original, c.replacement) for c in result.changes] == [
        ("html+mojibake+quotes", "&acirc;&#128;&#156;", "”"),
        ("html+mojibake", "&Atilde;&iexcl;", "á"),
        ("html", "&amp;rsquo;", "’"),
    ]
    start = result.text.index("Nicolás")
    assert text[slice(*result.input_span(start, start + 7))] == "Nicol&Atilde;&iexcl;s"


def test_entities_of_mojibake_in_real_news_are_one_change_each() -> None:
    """Each ’ of real news documents written as the entities of its misread bytes
    (&#226;&#8364;&#8482;) is decoded, then repaired: one change from the entities to the ’."""
    documents = [document for document in NEWS[::4] if "’" in document]
    assert len(documents) > 20
    for document in documents:
        damaged = document.replace("’", _entities("’"))
        result = presswash.explain(damaged)
        assert result.text == presswash.clean(document)
        repairs = [c for c in result.changes if c.original == "&#226;&#8364;&#8482;"]
        assert len(repairs) == document.count("’")
        for c in repairs:
            # (Three of the sample's ’ open a quotation, and quote repair then turns them around.)
            assert (c.step, c.replacement) in {("html+mojibake", "’"), ("html+mojibake+quotes", "‘")}
            assert result.input_span(c.output_start, c.output_end) == (c.start, c.end)


def test_a_span_cutting_a_change_widens_to_the_whole_change() -> None:
    text = "a 𝐛𝐨𝐥𝐝 move"
    result = presswash.explain(text)
    assert result.text == "a bold move"
    assert result.input_span(3, 4) == (2, 6)  # "o" of "bold": all of the styled word
    assert result.input_span(4, 4) == (2, 6)  # inside it, even empty
    assert result.output_span(3, 4) == (2, 6)  # one styled letter: all of "bold"
    assert result.input_span(7, 11) == (7, 11)  # "move": exact


def test_removed_characters_belong_to_a_span_only_strictly_inside_it() -> None:
    text = "\ufeffcyber\u200bsecurity\u00ad"
    result = presswash.explain(text)
    assert result.text == "cybersecurity"
    assert result.input_span(0, 5) == (1, 6)  # "cyber": neither the BOM nor the zero-width space
    assert result.input_span(5, 13) == (7, 15)  # "security": not the soft hyphen at the end
    assert result.input_span(0, 13) == (1, 15)
    assert result.input_span(4, 6) == (5, 8)  # "rs" holds the zero-width space
    assert result.input_offsets() == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 16]


def test_spans_outside_the_text_are_refused_with_the_lengths() -> None:
    result = presswash.explain("caf\u00c3\u00a9")
    with pytest.raises(ValueError, match="cleaned text, which has 4 characters"):
        result.input_span(2, 5)
    with pytest.raises(ValueError, match="input text, which has 5 characters"):
        result.output_span(3, 2)
    with pytest.raises(TypeError, match="a span is two integers, not float and int"):
        result.input_span(1.0, 2)  # type: ignore[arg-type]


def test_diff_edits_reports_each_differing_run_apart() -> None:
    assert diff_edits("abcdef", "abXYef") == [Edit(2, 4, "XY")]
    assert diff_edits("aaa", "aa") == [Edit(2, 3, "")]
    assert diff_edits("Straße in Köln", "Strasse in Koln") == [Edit(4, 5, "ss"), Edit(11, 12, "o")]
    assert diff_edits("xyz", "abc") == [Edit(0, 3, "abc")]


@given(
    before=st.text(alphabet="abcé€ ", max_size=40),
    after=st.text(alphabet="abcé€ ", max_size=40),
)
def test_diff_edits_rebuild_the_text_and_cover_only_differing_runs(before: str, after: str) -> None:
    edits = diff_edits(before, after)
    assert presswash.edits.apply_edits(before, edits) == after
    position = 0
    for edit in edits:
        assert position <= edit.start and (edit.start < edit.end or edit.replacement)
        # Nothing the two texts share at an edit's edges is inside it.
        original = before[edit.start : edit.end]
        assert not (original and edit.replacement and original[0] == edit.replacement[0])
        assert not (original and edit.replacement and original[-1] == edit.replacement[-1])
        position = edit.end


def test_diff_edits_stays_linear_on_long_lines_without_common_characters() -> None:
    # Cyrillic mojibake of a long line, and a long line against an unrelated one: one pass each.
    line = "Правительство " * 20_000
    edits = diff_edits(_misread(line), line)
    assert presswash.edits.apply_edits(_misread(line), edits) == line
    assert len(edits) == 20_000
    assert diff_edits("a" * 200_000, "b" * 200_000) == [Edit(0, 200_000, "b" * 200_000)]
