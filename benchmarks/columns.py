"""Throughput of cleaning text where it lives: Arrow columns, pandas Series, Dask, clean_many.

    python benchmarks/columns.py                 # 20 MB of news (160 MB for the parallel rows), 5 rounds
    python benchmarks/columns.py --quick         # 2 MB (8 MB), 3 rounds
    python benchmarks/columns.py --skip-dask     # all but the Dask rows

Each row cleans the news benchmark input (as run.py builds it: real news repeated
to size, a share of the documents mangled) and reports MB/s and the ratio to the
per-string baseline measured in the same round: the column turned into Python
strings, each cleaned, and turned back into a column
(``pa.array([cleaner(t) for t in arr.to_pylist()])``). Every row's output is
checked against the baseline's. The parallel rows (clean_many with two jobs,
Dask on two worker processes) are measured against one process cleaning the same
input, with the machine's own parallel capacity (see bench_timing.py) measured
in the same round beside them: on a shared machine no speed-up can exceed it. Their
speed-up and its share of the capacity are medians of each round's own (see ``table``).
The parallel rows take a larger input, by default 160 MB (``--parallel-size``): a
Dask computation has a fixed cost of about 0.2 s on this machine (graph,
scheduling, the Parquet metadata), and clean_many's processes start by forking
and then each copy the memory pages of the texts it reads (every access to a
Python string writes its reference count); inputs worth spreading dwarf those
costs, and a 20 MB benchmark input, cleaned in a tenth of a second, does not.
clean_many's has the news input's share of mangled documents; Dask's 30% of
them (``--dask-mangled``), the compute-heavy case where spreading the work pays.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
from bench_corpus import MB, add_corpus_arguments, build_corpus, fresh_copies, read_documents
from bench_timing import consume, parallel_capacity, timed

import presswash
import presswash.dask

# Files the Dask input is written to, each a partition: eight per worker.
PARQUET_FILES = 16


@dataclass
class Row:
    name: str
    seconds: list[float] = field(default_factory=list)
    capacity: list[float] = field(default_factory=list)  # the machine's 2-process capacity, per round

    def median(self) -> float:
        return statistics.median(self.seconds)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_arguments(parser)
    parser.add_argument("--size", type=float, default=None, metavar="MB", help="[default: 20, --quick: 2]")
    parser.add_argument("--rounds", type=int, default=None, help="[default: 5, --quick: 3]")
    parser.add_argument(
        "--parallel-size",
        type=float,
        default=None,
        metavar="MB",
        help="the input of the parallel rows, clean_many and Dask [default: 160, --quick: 8]",
    )
    parser.add_argument("--dask-mangled", type=float, default=0.3, metavar="SHARE", help="[default: 0.3]")
    parser.add_argument("--skip-dask", action="store_true", help="leave out the Dask rows")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    args.size = args.size if args.size is not None else (2.0 if args.quick else 20.0)
    args.parallel_size = (
        args.parallel_size if args.parallel_size is not None else (8.0 if args.quick else 160.0)
    )
    args.rounds = args.rounds if args.rounds is not None else (3 if args.quick else 5)
    if args.rounds < 1 or args.size <= 0 or args.parallel_size <= 0 or not 0 <= args.dask_mangled <= 1:
        parser.error("--rounds and the sizes must be positive, --dask-mangled a share between 0 and 1")
    return args


def column_rows(documents: list[str], rounds: int) -> tuple[list[Row], int]:
    """The in-process rows, rounds interleaved; returns them and the input's size in bytes."""
    cleaner = presswash.Cleaner("news")
    column = pa.array(documents, pa.string())
    expected = [cleaner(text) for text in documents]
    contenders: dict[str, Callable[[pa.Array], object]] = {
        "per string: pa.array([cleaner(t) for t in arr.to_pylist()]) (baseline)": lambda array: pa.array(
            [cleaner(text) for text in array.to_pylist()], pa.string()
        ),
        "presswash.clean_arrow(arr)": presswash.clean_arrow,
        'presswash.clean_series(series)  (dtype "string[pyarrow]")': lambda array: pa.array(
            presswash.clean_series(pd.Series(array, dtype="string[pyarrow]", copy=False)).array
        ),
        "presswash.clean_series(series)  (dtype object)": lambda array: pa.array(
            presswash.clean_series(pd.Series(array.to_pylist(), dtype=object)), pa.string()
        ),
    }
    for name, run in contenders.items():
        if pa.array(run(column)).to_pylist() != expected:
            sys.exit(f"PROBLEM: {name} differs from cleaning each string")
    rows = [Row(name) for name in contenders]
    for round_number in range(rounds):
        for row, run in zip(rows, contenders.values(), strict=True):
            fresh = pa.array(fresh_copies(documents), pa.string())
            row.seconds.append(timed(lambda run=run, fresh=fresh: run(fresh))[0])
        print(
            f"  round {round_number + 1}/{rounds}: " + ", ".join(f"{row.seconds[-1]:.3f} s" for row in rows)
        )
    return rows, column.nbytes


def many_rows(documents: list[str], rounds: int) -> list[Row]:
    """clean_many with one and two jobs, and the machine's capacity, rounds interleaved."""
    rows = [Row("presswash.clean_many(jobs=1)"), Row("presswash.clean_many(jobs=2)")]
    for _ in range(rounds):
        for row, jobs in zip(rows, (1, 2), strict=True):
            texts = fresh_copies(documents)
            row.seconds.append(
                timed(lambda jobs=jobs, texts=texts: consume(presswash.clean_many(texts, jobs=jobs)))[0]
            )
        rows[1].capacity.append(parallel_capacity(2))
    return rows


def dask_rows(documents: list[str], rounds: int) -> list[Row]:
    """The job a cluster is for, Parquet files in and cleaned Parquet files out, done by one process
    (each file read, its column cleaned with clean_series, written) and by Dask on two workers.

    Reading and writing are timed on both sides, as in a pipeline. The workers read the files
    themselves, so the scheduler hands tasks to whichever worker is free: when the input is
    loaded into the workers first, each cleans where its share was loaded, and the load is
    uneven (12 of 16 partitions on one worker in a trial).
    """
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    frame = pd.DataFrame({"text": pd.Series(documents, dtype="string[pyarrow]")})
    rows = [
        Row("one process: each file read, clean_series, written"),
        Row("presswash.dask.clean_dataframe, 2 workers"),
    ]
    with (
        tempfile.TemporaryDirectory() as directory,
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        source = Path(directory, "in")
        source.mkdir()
        step = -(-len(frame) // PARQUET_FILES)
        for start in range(0, len(frame), step):
            frame.iloc[start : start + step].to_parquet(source / f"part.{start // step:03}.parquet")
        files = sorted(source.iterdir())

        def in_one_process(target: Path) -> None:
            target.mkdir()
            for file in files:
                part = pd.read_parquet(file)
                part["text"] = presswash.clean_series(part["text"])
                part.to_parquet(target / file.name)

        def on_cluster(target: Path) -> None:
            presswash.dask.clean_dataframe(dd.read_parquet(source), "text").to_parquet(target)

        expected = presswash.clean_series(frame["text"]).tolist()
        # Each worker imports presswash and builds its cleaner on its first task: not timed.
        on_cluster(Path(directory, "warm-up"))
        for round_number in range(rounds):
            alone, paired = Path(directory, f"one-{round_number}"), Path(directory, f"dask-{round_number}")
            rows[0].seconds.append(timed(lambda alone=alone: in_one_process(alone))[0])
            rows[1].seconds.append(timed(lambda paired=paired: on_cluster(paired))[0])
            rows[1].capacity.append(parallel_capacity(2))
            for target in (alone, paired):
                if dd.read_parquet(target)["text"].compute().tolist() != expected:
                    sys.exit(
                        f"PROBLEM: the Parquet written to {target.name} differs from cleaning each string"
                    )
                shutil.rmtree(target)
            print(
                f"  dask round {round_number + 1}/{rounds}: one process {rows[0].seconds[-1]:.2f} s, "
                f"2 workers {rows[1].seconds[-1]:.2f} s, capacity {rows[1].capacity[-1]:.2f}x"
            )
    return rows


def table(rows: list[Row], size: int, against: Row, title: str) -> str:
    """The rows as a table. A parallel row's speed-up is taken round by round, against the first
    row's time in the same round and over the capacity measured right after it: on a shared
    machine the load moves between rounds, and a ratio of medians would pair unlike rounds."""
    lines = [
        f"**{title}**",
        "",
        "| Contender | MB/s (median) | vs first row | machine's 2-process capacity |",
        "|---|---:|---:|---:|",
    ]
    for row in rows:
        speed_up = against.median() / row.median()
        capacity = ""
        if row.capacity:
            speed_ups = [alone / paired for alone, paired in zip(against.seconds, row.seconds, strict=True)]
            shares = [up / room for up, room in zip(speed_ups, row.capacity, strict=True)]
            speed_up = statistics.median(speed_ups)
            capacity = (
                f"{statistics.median(row.capacity):.2f}x ({min(row.capacity):.2f}–{max(row.capacity):.2f}); "
                f"speed-up = {statistics.median(shares):.0%} of it ({min(shares):.0%}–{max(shares):.0%})"
            )
        speed = size / MB / row.median()
        lines.append(f"| {row.name} | {speed:.1f} | {speed_up:.2f}x | {capacity} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    source = read_documents(args.corpus)
    corpus = build_corpus(source, args.size, args.mangled, seed=1)
    print(
        f"{len(corpus.documents):,} documents, {corpus.total_bytes / MB:.1f} MB, {args.mangled:.0%} mangled"
    )
    rows, size = column_rows(corpus.documents, args.rounds)
    print(table(rows, size, rows[0], "Columns (in one process)"), "\n")
    large = build_corpus(source, args.parallel_size, args.mangled, seed=1)
    print(f"clean_many input: {large.total_bytes / MB:.1f} MB, {args.mangled:.0%} mangled")
    many = many_rows(large.documents, args.rounds)
    print(table(many, large.total_bytes, many[0], "clean_many"), "\n")
    del large
    if not args.skip_dask:
        heavy = build_corpus(source, args.parallel_size, args.dask_mangled, seed=1)
        print(f"Dask input: {heavy.total_bytes / MB:.1f} MB, {args.dask_mangled:.0%} mangled")
        dask = dask_rows(heavy.documents, args.rounds)
        print(table(dask, heavy.total_bytes, dask[0], "Dask"))


if __name__ == "__main__":
    main()
