"""clean_many: ordered, lazy, equal to cleaning one text at a time, and loud about failures."""

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator

import pytest

import presswash
from presswash import Cleaner, bulk, clean_many
from presswash.bulk import BATCH_SIZE, BATCHES_IN_FLIGHT, MOST_PENDING

TEXTS = [
    "The Mayorâ€™s office",
    "“Ukraine needs more,“ he said",
    "",
    "plain",
    "ﬁnal &amp; ＬＯＵＤ",
    "\ufeffBOM",
] * 150  # several batches


@pytest.mark.parametrize("jobs", [1, 2])
def test_equals_cleaning_one_text_at_a_time_in_order(jobs: int) -> None:
    expected = [presswash.clean(text) for text in TEXTS]
    assert list(clean_many(TEXTS, jobs=jobs)) == expected
    assert len(TEXTS) > 2 * BATCH_SIZE


@pytest.mark.parametrize("jobs", [1, 2])
def test_empty_input(jobs: int) -> None:
    assert list(clean_many([], jobs=jobs)) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_text(jobs: int) -> None:
    assert list(clean_many(["NicolÃ¡s"], jobs=jobs)) == ["Nicolás"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_generator_input_with_options(jobs: int) -> None:
    def texts() -> Iterator[str]:
        for number in range(700):
            yield f"“Quote {number}”"

    cleaned = list(clean_many(texts(), preset="news", jobs=jobs, quotes="straight"))
    assert cleaned == [f'"Quote {number}"' for number in range(700)]


def test_reads_its_input_lazily() -> None:
    consumed = []

    def texts() -> Iterator[str]:
        for number in range(10_000):
            consumed.append(number)
            yield "x"

    results = clean_many(texts(), jobs=1)
    next(results)
    assert len(consumed) == 1


def test_reads_a_bounded_number_of_texts_ahead_with_workers() -> None:
    consumed = 0

    def texts() -> Iterator[str]:
        nonlocal consumed
        for _ in range(40_000):
            consumed += 1
            yield "Mayorâ€™s"

    most_ahead = (MOST_PENDING + BATCHES_IN_FLIGHT) * BATCH_SIZE
    handed_back = 0
    for cleaned in clean_many(texts(), jobs=2):
        assert cleaned == "Mayor’s"
        handed_back += 1
        assert consumed - handed_back <= most_ahead
    assert handed_back == consumed == 40_000


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_surfaces_in_the_caller(jobs: int) -> None:
    texts = ["fine"] * 300 + [b"bytes are not text"] + ["fine"] * 300  # type: ignore[list-item]
    results = clean_many(texts, jobs=jobs)
    with pytest.raises(TypeError, match="expected str, got bytes"):
        for _ in results:
            pass


def test_worker_results_match_a_cleaner_with_the_same_options() -> None:
    cleaner = Cleaner("ascii")
    assert list(clean_many(TEXTS[:20], preset="ascii", jobs=2)) == [cleaner(text) for text in TEXTS[:20]]


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True])
def test_bad_jobs(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs must be a whole number of at least 1"):
        clean_many(TEXTS, jobs=jobs)  # type: ignore[arg-type]


def test_bad_options_fail_before_any_work() -> None:
    with pytest.raises(TypeError, match="unknown option"):
        clean_many(TEXTS, jobs=2, colour=True)


@pytest.mark.parametrize("make_input", [list, iter], ids=["list", "iterator"])
def test_lists_and_iterators_give_the_same_result(make_input: Callable[[list[str]], Iterable[str]]) -> None:
    expected = [presswash.clean(text) for text in TEXTS]
    assert list(clean_many(make_input(TEXTS), jobs=3)) == expected


def test_a_failure_in_a_worker_given_an_iterator_surfaces_in_the_caller() -> None:
    texts = iter(["fine"] * 300 + [b"bytes are not text"] + ["fine"] * 300)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expected str, got bytes"):
        list(clean_many(texts, jobs=2))


@pytest.mark.skipif(not bulk.workers_are_forked(), reason="a patched function reaches only forked workers")
def test_a_worker_that_dies_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def die(cleaner: Cleaner, batch: list[str]) -> list[tuple[int, str]]:
        os._exit(3)

    monkeypatch.setattr(bulk, "_changes", die)
    with pytest.raises(RuntimeError, match=r"worker process stopped unexpectedly \(exit code 3\)"):
        list(clean_many(TEXTS, jobs=2))


def test_workers_exit_once_the_texts_are_cleaned() -> None:
    """Idle workers are not waited for, but they do exit: none is left behind."""
    assert list(clean_many(TEXTS, jobs=2)) == [presswash.clean(text) for text in TEXTS]
    deadline = time.monotonic() + 30
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert multiprocessing.active_children() == []


def test_stopping_early_stops_busy_workers() -> None:
    """A caller that stops reading leaves no worker behind, even one with batches in flight."""
    earlier = set(multiprocessing.active_children())  # idle workers of earlier calls may still be exiting
    cleaned = clean_many(TEXTS * 4, jobs=2)
    assert next(cleaned) == presswash.clean(TEXTS[0])
    cleaned.close()
    assert set(multiprocessing.active_children()) <= earlier
