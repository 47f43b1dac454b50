"""Dask on a local cluster of two worker processes: the same output as cleaning in one process."""

import json

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from corpora import mojibake_cases, news_documents
from distributed import Client, LocalCluster

import presswash
import presswash.dask


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def news_frame():
    texts = news_documents()[:60] + [corrupted for corrupted, _ in mojibake_cases()[:40]] + [None]
    return pd.DataFrame(
        {
            "id": range(len(texts)),
            "text": texts,
            "title": [None if text is None else text[:40] for text in texts],
            "score": [index / 7 for index in range(len(texts))],
        }
    )


def test_parquet_in_cleaned_parquet_out(client, tmp_path):
    frame = news_frame()
    source, target = tmp_path / "in", tmp_path / "out"
    dd.from_pandas(frame, npartitions=6).to_parquet(source)
    cleaned = presswash.dask.clean_dataframe(dd.read_parquet(source), ["text", "title"], quotes="straight")
    cleaned.to_parquet(target)

    result = pd.read_parquet(target).sort_values("id", ignore_index=True)
    expected = pd.read_parquet(source).sort_values("id", ignore_index=True)
    for column in ["text", "title"]:
        expected[column] = presswash.clean_series(expected[column], quotes="straight")
    pd.testing.assert_frame_equal(result, expected)
    assert (result["text"] != pd.read_parquet(source).sort_values("id", ignore_index=True)["text"]).any()

    # Each worker process built its cleaner once, however many partitions it cleaned.
    built = client.run(lambda: presswash.dask.worker_cleaner.cache_info())
    assert all(info.misses <= 1 for info in built.values())
    assert sum(info.hits + info.misses for info in built.values()) >= 6


def test_jsonl_through_a_bag(client, tmp_path):
    records = [
        {"id": index, "meta": {"title": text[:30], "lang": "en"}, "text": text}
        for index, text in enumerate(
            news_documents()[:30] + [corrupted for corrupted, _ in mojibake_cases()[:20]]
        )
    ]
    source = tmp_path / "feed.jsonl"
    source.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8"
    )
    bag = db.read_text(str(source), blocksize=2000).map(json.loads)
    cleaned = presswash.dask.clean_bag(bag, field="meta.title").compute()

    cleaner = presswash.Cleaner()
    expected = [
        {**record, "meta": {**record["meta"], "title": cleaner(record["meta"]["title"])}}
        for record in records
    ]
    assert cleaned == expected
    assert cleaned != records


def test_bag_of_strings(client):
    texts = [corrupted for corrupted, _ in mojibake_cases()[:20]] + ["ﬁne"]
    cleaned = presswash.dask.clean_bag(db.from_sequence(texts, npartitions=3)).compute()
    assert cleaned == [presswash.clean(text) for text in texts]


def test_mistakes_are_named(client):
    with pytest.raises(KeyError, match="no column 'body'"):
        presswash.dask.clean_dataframe(dd.from_pandas(news_frame(), npartitions=1), "body")
    with pytest.raises(ValueError, match="empty key"):
        presswash.dask.clean_bag(db.from_sequence([{}]), field="meta.")
    with pytest.raises(KeyError, match=r"no field 'meta\.title'"):
        presswash.dask.clean_bag(db.from_sequence([{"meta": {}}]), field="meta.title").compute()
    with pytest.raises(TypeError, match="field 'text' is int"):
        presswash.dask.clean_bag(db.from_sequence([{"text": 5}]), field="text").compute()
