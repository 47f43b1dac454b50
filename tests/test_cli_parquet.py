"""``presswash --parquet``, run for real: Parquet in, Parquet out, every other column and the schema kept."""

from __future__ import annotations

import hashlib
import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from corpora import mojibake_cases, news_documents
from test_cli import presswash

import presswash as library


@pytest.fixture
def news_table() -> pa.Table:
    texts = news_documents()[:40] + [corrupted for corrupted, _ in mojibake_cases()[:20]] + [None, ""]
    return pa.table(
        {
            "id": pa.array(range(len(texts)), pa.int64()),
            "text": pa.array(texts, pa.large_string()),
            "title": pa.array([None if text is None else text[:30] for text in texts], pa.string()),
            "score": pa.array([index / 3 for index in range(len(texts))]),
            "tags": pa.array([["news", str(index)] for index in range(len(texts))]),
        }
    ).replace_schema_metadata({"source": "test feed"})


def write(table: pa.Table, path, **options) -> None:
    pq.write_table(table, path, row_group_size=16, **options)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip_cleans_the_named_columns_only(news_table, tmp_path):
    source, target = tmp_path / "news.parquet", tmp_path / "clean.parquet"
    write(news_table, source, compression="zstd")
    result = presswash("--parquet", "--field", "text", "--field", "title", source, "-o", target)
    assert result.returncode == 0, result.stderr
    cleaned = pq.ParquetFile(target)
    assert cleaned.schema_arrow == news_table.schema
    assert cleaned.schema_arrow.metadata == {b"source": b"test feed"}
    assert cleaned.num_row_groups == pq.ParquetFile(source).num_row_groups
    assert cleaned.metadata.row_group(0).column(0).compression == "ZSTD"
    table = cleaned.read()
    for column in ("id", "score", "tags"):
        assert table.column(column).equals(news_table.column(column))
    for column in ("text", "title"):
        expected = [
            None if text is None else library.clean(text) for text in news_table.column(column).to_pylist()
        ]
        assert table.column(column).to_pylist() == expected
    assert table.column("text") != news_table.column("text")


def test_standard_input_to_standard_output(news_table, tmp_path):
    source = tmp_path / "news.parquet"
    write(news_table, source)
    result = presswash("--parquet", "--quotes", "straight", stdin=source.read_bytes())
    assert result.returncode == 0, result.stderr
    table = pq.read_table(io.BytesIO(result.stdout))
    expected = [
        None if text is None else library.clean(text, quotes="straight")
        for text in news_table["text"].to_pylist()
    ]
    assert table.column("text").to_pylist() == expected


def test_check_and_in_place(news_table, tmp_path):
    dirty, clean = tmp_path / "dirty.parquet", tmp_path / "clean.parquet"
    write(news_table, dirty)
    write(news_table.set_column(1, "text", library.clean_arrow(news_table["text"])), clean)
    before = digest(clean)

    checked = presswash("--parquet", "--check", dirty, clean)
    assert checked.returncode == 1
    assert checked.stdout.decode().splitlines() == [str(dirty)]

    rewritten = presswash("--parquet", "--in-place", dirty, clean)
    assert rewritten.returncode == 0, rewritten.stderr
    assert digest(clean) == before  # nothing to change: not rewritten
    assert presswash("--parquet", "--check", dirty, clean).returncode == 0
    assert pq.read_table(dirty).column("id").equals(news_table.column("id"))


def test_truncated_file_is_an_error_and_the_output_is_untouched(news_table, tmp_path):
    source, target = tmp_path / "news.parquet", tmp_path / "out.parquet"
    write(news_table, source)
    truncated = tmp_path / "truncated.parquet"
    truncated.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    target.write_bytes(b"previous output")

    result = presswash("--parquet", truncated, "-o", target)
    assert result.returncode == 2
    assert b"truncated.parquet: not a readable Parquet file" in result.stderr
    assert target.read_bytes() == b"previous output"
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "news.parquet",
        "out.parquet",
        "truncated.parquet",
    ]

    in_place = presswash("--parquet", "--in-place", truncated)
    assert in_place.returncode == 2
    assert truncated.read_bytes() == source.read_bytes()[: source.stat().st_size // 2]


def test_columns_that_cannot_be_cleaned_are_named(news_table, tmp_path):
    source = tmp_path / "news.parquet"
    write(news_table, source)
    missing = presswash("--parquet", "--field", "body", source)
    assert missing.returncode == 2
    assert b"no column 'body'; the columns are: id, text, title, score, tags" in missing.stderr
    numbers = presswash("--parquet", "--field", "id", source)
    assert numbers.returncode == 2
    assert b"column 'id' is int64, not text" in numbers.stderr


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (["--jsonl"], b"choose one input format"),
        (["--explain"], b"--explain does not apply to --parquet"),
        (["--encoding", "latin-1"], b"--encoding does not apply to --parquet"),
        (["a.parquet", "b.parquet"], b"one output per input"),
    ],
)
def test_options_that_do_not_apply(arguments, problem):
    result = presswash("--parquet", *arguments)
    assert result.returncode == 2
    assert problem in result.stderr
