"""Arrow arrays and pandas Series: the same text out as cleaning each string, the column's shape kept."""

import gc
import math
import weakref

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from corpora import mojibake_cases, multilingual_texts, news_documents
from hypothesis import given
from hypothesis import strategies as st
from test_properties import INTERESTING

import presswash
from presswash import Cleaner
from presswash.integrations import buffers, columns
from presswash.integrations.buffers import Utf8Documents, marked_bytes
from presswash.steps.quote_marks import screened

PRESETS = ["news", "ftfy", "ascii"]
CLEANERS = {preset: Cleaner(preset) for preset in PRESETS}

# Arrow holds UTF-8, which has no lone surrogates.
ARROW_TEXT = "".join(char for char in INTERESTING if not "\ud800" <= char <= "\udfff")
# And what misreads ftfy declines are made of: JosГ©, Nicol√°s, ÅŒtsuchi, caf茅, 譚ｱ莠ｬ, it鈥檚, lost bytes.
ARROW_TEXT += "ГРСё©√ÅŒ茅譚ｱ莠ｬ챕鈥檚\ufffd"
arrow_texts = st.lists(
    st.one_of(
        st.none(), st.text(alphabet=st.sampled_from(ARROW_TEXT), max_size=60), st.text(max_size=20)
    ).filter(lambda text: text is None or not any("\ud800" <= char <= "\udfff" for char in text)),
    max_size=12,
)


def per_string(texts, cleaner):
    return [None if text is None else cleaner(text) for text in texts]


# The presets, one whose mojibake step has no controls step beside it to catch C1 controls, and
# one whose mojibake step gives the misreads ftfy declines a second chance.
SETUPS = [(preset, {}) for preset in PRESETS] + [
    ("news", {"controls": False, "html": False}),
    ("news", {"misreads": True}),
]


@pytest.mark.parametrize(("preset", "options"), SETUPS)
@given(texts=arrow_texts, cut=st.integers(0, 3))
def test_clean_arrow_is_cleaning_each_string(preset, options, texts, cut):
    cleaner = Cleaner(preset, **options)
    array = pa.array(texts, pa.string())
    assert presswash.clean_arrow(array, preset, **options).to_pylist() == per_string(texts, cleaner)
    sliced = array.slice(min(cut, len(texts)))
    assert presswash.clean_arrow(sliced, preset, **options).to_pylist() == per_string(texts[cut:], cleaner)


def test_real_text_comes_out_as_each_string_would():
    mangled = [corrupted for corrupted, _ in mojibake_cases()[:300]]
    texts = (
        news_documents()
        + multilingual_texts()
        + mangled
        + [text.replace("”", "“") for text in news_documents()]
    )
    array = pa.array(texts)
    cleaned = presswash.clean_arrow(array)
    assert cleaned.to_pylist() == per_string(texts, CLEANERS["news"])
    assert cleaned.to_pylist()[len(texts) - 1] != texts[-1]  # the mis-curled quotes were turned around


def test_clean_column_returns_the_array_itself():
    array = pa.array(multilingual_texts())
    assert presswash.clean_arrow(array) is array


def test_nulls_empty_strings_and_length_changes():
    texts = ["", None, "Mayor\u00e2\u20ac\u2122s ﬁne plan", None, "", "&amp; done", "plain"]
    cleaned = presswash.clean_arrow(pa.array(texts))
    assert cleaned.to_pylist() == ["", None, "Mayor’s fine plan", None, "", "& done", "plain"]
    assert cleaned.null_count == 2
    cleaned.validate(full=True)


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string(), pa.string_view()])
def test_types_and_slices_kept(kind):
    texts = ["ﬁrst", None, "clean", "Nicol\u00c3\u00a1s", "", "“Fine,“ he said"]
    array = pa.array(texts, kind)
    for start in range(len(texts)):
        for stop in range(start, len(texts) + 1):
            cleaned = presswash.clean_arrow(array.slice(start, stop - start))
            assert cleaned.type == kind
            assert cleaned.to_pylist() == per_string(texts[start:stop], CLEANERS["news"])


def test_chunked_arrays():
    chunks = [["ﬁne", None], [], ["Mayor\u00e2\u20ac\u2122s", "ok"]]
    chunked = pa.chunked_array(chunks, pa.large_string())
    cleaned = presswash.clean_arrow(chunked, quotes="straight")
    assert cleaned.type == pa.large_string()
    assert cleaned.num_chunks == 3
    assert cleaned.to_pylist() == ["fine", None, "Mayor's", "ok"]


def test_not_text():
    with pytest.raises(TypeError, match="int64"):
        presswash.clean_arrow(pa.array([1, 2]))
    with pytest.raises(TypeError, match="list"):
        presswash.clean_arrow(["a list"])


def test_invalid_utf8_named():
    offsets = pa.py_buffer(np.array([0, 2, 4], dtype=np.int32))
    broken = pa.Array.from_buffers(pa.string(), 2, [None, offsets, pa.py_buffer(b"ok\xc3\x28")])
    with pytest.raises(ValueError, match=r"not hold valid UTF-8 text: .*index 1"):
        presswash.clean_arrow(broken)


@given(
    data=st.binary(max_size=80),
    kept=st.sets(st.integers(0, 0x7F), max_size=6),
    cut=st.tuples(st.integers(0, 80), st.integers(0, 80)),
)
def test_bytes_marked_a_piece_at_a_time_are_those_marked_one_by_one(data, kept, cut):
    # Read from the middle of a larger buffer too, as for a sliced array.
    for lead in (0, 3):
        buffer = np.frombuffer(b"\x00" * lead + data, dtype=np.uint8)
        start, end = sorted(min(bound, len(data)) + lead for bound in cut)
        expected = [
            position for position in range(start, end) if buffer[position] >= 0xC0 or buffer[position] in kept
        ]
        assert marked_bytes(buffer, start, end, bytes(sorted(kept))).tolist() == expected


def test_documents_longer_than_a_piece_are_marked_across_its_edges(monkeypatch):
    monkeypatch.setattr(buffers, "PIECE", 4)
    text = "ab&£cd\x01éfg“h&"
    buffer = np.frombuffer(text.encode(), dtype=np.uint8)
    marked = marked_bytes(buffer, 2, len(buffer), b"\x01&").tolist()
    assert [text.encode()[position:].decode()[0] for position in marked] == ["&", "£", "\x01", "é", "“", "&"]


@given(
    texts=st.lists(st.text(max_size=20).filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text)))
)
def test_characters_read_off_the_bytes_are_the_texts_own(texts):
    utf8 = "".join(texts).encode()
    documents = Utf8Documents(utf8, np.cumsum([0] + [len(text.encode()) for text in texts]), b"")
    assert documents.characters.tolist() == [ord(char) for char in "".join(texts) if not char.isascii()]


@given(
    texts=st.lists(
        st.text(alphabet=st.sampled_from(ARROW_TEXT + "“”‘’“”‘’abc  ({<-"), max_size=40), max_size=6
    )
)
def test_quote_screen_over_bytes_flags_whatever_the_text_screen_flags(texts):
    utf8 = "".join(texts).encode()
    documents = Utf8Documents(utf8, np.cumsum([0] + [len(text.encode()) for text in texts]), b"")
    flagged = documents.rows_with_suspect_quotes().tolist()
    for text, flag in zip(texts, flagged, strict=True):
        assert flag or not screened(text)


@given(text=st.text(alphabet=st.sampled_from(ARROW_TEXT), max_size=80))
def test_a_text_no_step_may_apply_to_is_left_alone(text):
    cleaner = CLEANERS["news"]
    utf8 = text.encode()
    if not cleaner.steps_for_sieved(cleaner.sieve.sieve_utf8(utf8), utf8):
        assert cleaner(text) == text
    kept_ascii = cleaner.sieve.kept_ascii.decode()
    if all(char not in kept_ascii if char.isascii() else not cleaner.steps_moved_by(char) for char in text):
        assert cleaner(text) == text


@given(text=st.text(alphabet=st.sampled_from(ARROW_TEXT + "&;amp#x"), max_size=80))
def test_a_text_whose_characters_move_no_step_that_may_apply_is_left_alone(text):
    # Short of a pair that matters and a suspect quote, only the steps its characters move are asked.
    cleaner = CLEANERS["news"]
    utf8 = text.encode()
    answers = columns._answers_of(cleaner)
    documents = Utf8Documents(utf8, np.array([0, len(utf8)]), cleaner.sieve.kept_ascii)
    paired = bool(documents.rows_holding_pairs(lambda pair: answers.pair_matters(cleaner, pair))[0])
    suspect = bool(documents.rows_with_suspect_quotes()[0])
    notable = cleaner.sieve.sieve_utf8(utf8)
    moved = None if paired else answers.moved_by(cleaner, notable, suspect)
    if not suspect and not answers.others_may_apply(cleaner, notable, utf8, moved):
        assert cleaner(text) == text


def test_answers_kept_as_long_as_their_cleaner():
    cleaner = Cleaner("news", html=False)
    array = pa.array(["£5 and ﬁve", "AT&amp;T"])
    assert columns.clean_arrow(array, cleaner).to_pylist() == ["£5 and five", "AT&amp;T"]
    assert columns._answers_of(cleaner) is columns._answers_of(cleaner)
    kept = weakref.ref(cleaner)
    del cleaner
    gc.collect()
    assert kept() is None


# --- pandas -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dtype",
    [
        object,
        "string",
        "string[pyarrow]",
        "str",
        pd.ArrowDtype(pa.string()),
        pd.ArrowDtype(pa.large_string()),
    ],
)
def test_series_kept_in_shape(dtype):
    index = pd.Index([7, 7, "x", (1, 2)], dtype=object)  # repeated and mixed labels
    series = pd.Series(
        ["ﬁne", None, "Mayor\u00e2\u20ac\u2122s", "plain"], index=index, name="body", dtype=dtype
    )
    cleaned = presswash.clean_series(series)
    assert cleaned.dtype == series.dtype
    assert cleaned.name == "body"
    assert cleaned.index.equals(series.index)
    assert cleaned.iloc[0] == "fine" and cleaned.iloc[2] == "Mayor’s" and cleaned.iloc[3] == "plain"
    assert pd.isna(cleaned.iloc[1])


def test_series_missing_values_pass_through():
    series = pd.Series(["ﬁne", None, float("nan"), pd.NA, "ok"], dtype=object)
    cleaned = presswash.clean_series(series)
    assert cleaned.iloc[0] == "fine" and cleaned.iloc[4] == "ok"
    assert cleaned.iloc[1] is None and math.isnan(cleaned.iloc[2]) and cleaned.iloc[3] is pd.NA


def test_series_with_a_multi_index_and_categories():
    index = pd.MultiIndex.from_tuples([("a", 2), ("a", 1), ("b", 1)])
    series = pd.Series(["ﬁne", "fine", "x"], index=index, dtype="category")
    cleaned = presswash.clean_series(series)
    assert cleaned.tolist() == ["fine", "fine", "x"]
    assert isinstance(cleaned.dtype, pd.CategoricalDtype)
    assert cleaned.index.equals(index)


def test_series_value_that_is_not_text_named_by_its_label():
    series = pd.Series(["ok", b"bytes"], index=pd.to_datetime(["2024-01-01", "2024-01-02"]))
    with pytest.raises(TypeError, match=r"index Timestamp\('2024-01-02 00:00:00'\) is bytes"):
        presswash.clean_series(series)
    with pytest.raises(TypeError, match="pandas Series"):
        presswash.clean_series(["a list"])


def test_series_options_and_presets():
    series = pd.Series(["“Don’t”"], dtype="string[pyarrow]")
    assert presswash.clean_series(series, "ftfy").tolist() == ['"Don\'t"']
    assert presswash.clean_series(series, quotes="straight").tolist() == ['"Don\'t"']
