"""Properties every preset keeps on any input."""

import pytest
from corpora import multilingual_texts, news_documents
from hypothesis import example, given
from hypothesis import strategies as st

from presswash import Cleaner, apply_changes

PRESETS = ["news", "ftfy", "ascii"]
CLEANERS = {preset: Cleaner(preset) for preset in PRESETS}

# Text built from the characters the steps care about, so that examples hit them often.
INTERESTING = (
    "aZ9 .,;:!?-—–…&#<>/'\"\n\r\t\x00\x1b[m\x7f\x85\x9d\xa0\xad"
    "ÃÂâ€™œéñ£°²½™µ\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f«»‹›「」´`′″"
    "\u200b\u200c\u200d\u2060\ufeff\u202e\u2066\u2028\u2029\ufb01\uff21\uff01\u3000"
    "\u0301\u0336\u0332\U0001d4ee\U0001d4f5\U0001f170\ufe0f\u1d00\u1d47\u00b2"
    "ΑβДжעבاب中文ภาษาខ្មែរ\U0001f468\U0001f1fa\U0001f1e6\ud800\udc00"
)
interesting_text = st.text(alphabet=st.sampled_from(INTERESTING), max_size=80)
# Text largely non-ASCII, which the news cleaner screens for narrower triggers (see
# Step.dense_trigger): words in order and marks out of order (a Thai tone mark before a
# vowel below), marks that join only some letters (a nukta after न but not क, a hamza),
# Cyrillic mojibake, quotes, entities, full-width commas and the characters of other steps.
DENSE_PIECES = [
    "Это", "правда", "РџСЂРёРІРµС‚", "«", "»", "“", "”", "‘", "×", "हिन्दी", "क\u093c", "न\u093c",
    "น\u0e49\u0e33", "ท\u0e48\u0e38", "ท\u0e39\u0e48", "中文", "，", "ا\u0654", "ب\u0654",
    "е\u0301", "Ã", "œ", "&amp;", "&#39;", "\u200b", "\ufb01", "\U0001d4ee", " ", "\n",
    "&quot;", "&#8203;", "&shy;", "&amp;quot;", "&rsquo;", "<b>",
]  # fmt: skip
dense_text = st.lists(st.sampled_from(DENSE_PIECES), max_size=40).map("".join)
any_text = st.one_of(st.text(), interesting_text, dense_text)


@pytest.mark.parametrize("preset", PRESETS)
@given(text=any_text)
def test_never_raises_and_returns_text(preset: str, text: str) -> None:
    assert isinstance(CLEANERS[preset](text), str)


@pytest.mark.parametrize("preset", ["news", "ascii"])
@given(text=any_text)
def test_idempotent(preset: str, text: str) -> None:
    cleaned = CLEANERS[preset](text)
    assert CLEANERS[preset](cleaned) == cleaned


@pytest.mark.parametrize("preset", PRESETS)
@given(text=any_text)
@example(text="“‘a’“ ”’b‘” " * 30)  # crowded with quotes: screened as sparse text is
@example(text="Это „правда“ " * 30 + "РџСЂРёРІРµС‚")  # largely non-ASCII, and not crowded
@example(text="Это &quot;правда&quot; " * 20 + "a&#8203;b")  # an entity that brings an invisible
@example(text="Это &quot;правда&quot; " * 20 + "a&amp;#8203;b")  # ... once decoded twice
def test_fast_path_equals_slow_path(preset: str, text: str) -> None:
    cleaner = CLEANERS[preset]
    assert cleaner.clean(text) == cleaner.clean_without_gate(text)


@pytest.mark.parametrize("preset", PRESETS)
@given(text=any_text)
def test_explanation_rebuilds_the_output(preset: str, text: str) -> None:
    result = CLEANERS[preset].explain(text)
    assert result.text == CLEANERS[preset](text)
    assert apply_changes(text, result.changes) == result.text
    position = 0
    for change in result.changes:
        assert position <= change.start <= change.end <= len(text)
        assert text[change.start : change.end] == change.original
        assert change.original != change.replacement
        position = change.end


def test_fast_path_equals_slow_path_on_real_news() -> None:
    for preset in PRESETS:
        cleaner = CLEANERS[preset]
        for document in news_documents()[::5]:
            assert cleaner.clean(document) == cleaner.clean_without_gate(document)


def test_news_preset_leaves_correct_multilingual_text_unchanged() -> None:
    texts = multilingual_texts()
    assert len(texts) > 3000
    changed = [(text, cleaned) for text in texts if (cleaned := CLEANERS["news"](text)) != text]
    assert changed == []


def test_news_preset_changes_only_the_known_defects_of_real_news() -> None:
    """The sample's defects, found by reading it: ligatures and control characters left by PDF
    extraction, and three single quotations opened with ’ instead of ‘. Nothing else changes."""
    changes = [
        change for document in news_documents() for change in CLEANERS["news"].explain(document).changes
    ]
    by_step: dict[str, list[str]] = {}
    for change in changes:
        by_step.setdefault(change.step, []).append(change.original + "→" + change.replacement)
    assert set(by_step) == {"controls", "ligatures", "quotes"}
    assert set(by_step["ligatures"]) == {"ﬁ→fi", "ﬂ→fl"}
    assert {original[0] for original in by_step["controls"]} <= {"\x01", "\x08", "\x19", "\x1c", "\x1d"}
    assert by_step["quotes"] == ["’→‘"] * 3
    repaired = [
        document[change.start : change.start + 20]
        for document in news_documents()
        for change in CLEANERS["news"].explain(document).changes
        if change.step == "quotes"
    ]
    assert sorted(repaired) == sorted(
        ["’If Our Bodies Could", "’That Beast Called A", "’bit rot’ and is Vin"]
    )
