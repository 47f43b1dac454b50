"""Composing the edits of successive steps into changes to the caller's input."""

import itertools

from hypothesis import given
from hypothesis import strategies as st

from presswash.edits import ChangeLog, Edit, apply_changes, apply_edits, diff_edits


@st.composite
def edit_lists(draw: st.DrawFn, text: str) -> list[Edit]:
    """Ordered, non-overlapping edits of ``text``."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        edits.append(Edit(start, end, draw(st.text(alphabet="xyz", max_size=3))))
    return edits


@given(st.data(), st.text(alphabet="abcdef", max_size=20), st.integers(1, 4))
def test_changes_rebuild_the_text_after_any_sequence_of_steps(
    data: st.DataObject, original: str, steps: int
) -> None:
    log = ChangeLog(original)
    for number in range(steps):
        edits = data.draw(edit_lists(log.text))
        expected = apply_edits(log.text, edits)
        log.record(f"step{number}", edits)
        assert log.text == expected
        changes = log.changes
        assert apply_changes(original, changes) == log.text
        for before, after in itertools.pairwise(changes):
            assert before.end <= after.start
        for change in changes:
            assert original[change.start : change.end] == change.original
            assert log.text[change.output_start : change.output_end] == change.replacement


def test_a_later_step_rewriting_an_earlier_change_is_one_change_naming_both() -> None:
    log = ChangeLog("say â€œhi")
    log.record("mojibake", [Edit(4, 7, "“")])
    log.record("quotes", [Edit(4, 5, "”")])
    [change] = log.changes
    assert (change.step, change.start, change.end, change.original, change.replacement) == (
        "mojibake+quotes",
        4,
        7,
        "â€œ",
        "”",
    )


def test_many_edits_stay_linear() -> None:
    original = "“”" * 50_000
    log = ChangeLog(original)
    log.record("quotes", [Edit(i, i + 1, "‘") for i in range(0, len(original), 2)])
    log.record("quotes2", [Edit(i, i + 1, "’") for i in range(1, len(original), 2)])
    assert log.text == "‘’" * 50_000
    assert len(log.changes) == 100_000


def test_diff_edits_finds_the_changed_span() -> None:
    assert diff_edits("abcdef", "abXYef") == [Edit(2, 4, "XY")]
    assert diff_edits("aaa", "aa") == [Edit(2, 3, "")]
