"""Count the CPU instructions each contender spends per byte of news: a measure load cannot touch.

    python benchmarks/instructions.py              # ftfy, presswash.fix_text, the news cleaner, its explain
    python benchmarks/instructions.py --size 1     # on 1 MB of the benchmark input instead of 4
    python benchmarks/instructions.py --corpus FILE --mangled 0   # on another corpus, as run.py reads it
    python benchmarks/instructions.py --columns    # the input as one Arrow column: per string vs clean_arrow
    python benchmarks/instructions.py --contenders news-without-misreads news-with-misreads

Wall-clock throughput on a shared machine varies from run to run; the number of
instructions a program executes does not. Each contender cleans the same input
as ``run.py`` builds it (real news, 1% of the documents mangled) under
``valgrind --tool=callgrind``, once with the cleaning passes and once without them;
the difference, divided by the input's UTF-8 size and the number of passes (8 for
presswash, whose pass is a small part of its process's count; 1 for ftfy), is what
cleaning costs. Hash randomization and BLAS threads are switched off. Needs valgrind
(``apt install valgrind``); a run takes a few minutes, most of it ftfy's.

The count is not stable across builds: a change to code that the measured pass never runs (a
table another option reads) has moved the news cleaner's count on ``data/multilingual`` by 10%,
and with one pass, two runs of one commit differed by 7% (see ``PASSES``). Compare contenders
counted in one run, and commits by differences well beyond that.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_corpus import add_corpus_arguments, build_corpus, fresh_copies, read_documents, utf8_len

# As run.py: documents cleaned untimed first, so that both measure warm code.
WARM_UP_DOCUMENTS = 300
CONTENDERS = (
    "ftfy.fix_text",
    "presswash.fix_text",
    'presswash.Cleaner("news")',
    'presswash.Cleaner("news").explain',
)
# With --columns: the input as one Arrow string column, cleaned string by string or by clean_arrow.
# Contenders counted only when named with --contenders: the news cleaner with and without the
# second chance for mojibake (the misreads option), to measure what it costs.
OPTION_CONTENDERS = {
    'presswash.Cleaner("news", misreads=True)': {"misreads": True},
    'presswash.Cleaner("news", misreads=False)': {"misreads": False},
}
# Short names for --contenders.
SHORT_NAMES = {
    "ftfy": "ftfy.fix_text",
    "fix_text": "presswash.fix_text",
    "news": 'presswash.Cleaner("news")',
    "explain": 'presswash.Cleaner("news").explain',
    "news-with-misreads": 'presswash.Cleaner("news", misreads=True)',
    "news-without-misreads": 'presswash.Cleaner("news", misreads=False)',
}
COLUMN_CONTENDERS = (
    "per string: pa.array([cleaner(t) for t in arr.to_pylist()])",
    "presswash.clean_arrow(arr)",
)
COLLECTED = re.compile(r"Collected : (\d+)")
# presswash's pass is under 1% of its process's instructions, whose totals move by a few million
# between runs of this script (the child run by hand repeats its totals to a few thousand; what
# moves them was not found): counted once, a pass of 25 million instructions moved by 7%. It is
# made on this many fresh copies of the input, so that it outweighs that. ftfy's pass, 40% of its
# process's instructions, is made once.
PASSES = 8
MADE_ONCE = frozenset({"ftfy.fix_text"})


def cleaner_named(name: str) -> Callable[[str], object]:
    if name == "ftfy.fix_text":
        import ftfy

        return ftfy.fix_text
    import presswash

    if name == "presswash.fix_text":
        return presswash.fix_text
    if name == 'presswash.Cleaner("news")':
        return presswash.Cleaner("news")
    if name == 'presswash.Cleaner("news").explain':
        return presswash.Cleaner("news").explain
    if name in OPTION_CONTENDERS:
        return presswash.Cleaner("news", **OPTION_CONTENDERS[name])
    raise SystemExit(f"unknown contender {name!r}; contenders are: {', '.join(CONTENDERS)}")


def documents(corpus: Path, size_mb: float, mangled: float) -> list[str]:
    return build_corpus(read_documents(corpus), size_mb, mangled_share=mangled, seed=1).documents


def column_cleaner_named(name: str) -> Callable[[Any], Any]:
    import pyarrow as pa

    import presswash

    if name == COLUMN_CONTENDERS[0]:
        cleaner = presswash.Cleaner("news")
        return lambda array: pa.array([cleaner(text) for text in array.to_pylist()], pa.string())
    if name == COLUMN_CONTENDERS[1]:
        return presswash.clean_arrow
    raise SystemExit(f"unknown contender {name!r}; contenders are: {', '.join(COLUMN_CONTENDERS)}")


def passes(name: str) -> int:
    """How many passes over the input the count of contender ``name`` is made of."""
    return 1 if name in MADE_ONCE else PASSES


def child(name: str, corpus: Path, size_mb: float, mangled: float, cleaning: bool) -> None:
    """What runs under valgrind: set up, warm up, and clean the input (``passes(name)`` times,
    fresh copies each time) only if ``cleaning``."""
    if name in COLUMN_CONTENDERS:
        import pyarrow as pa

        clean_column = column_cleaner_named(name)
        texts = documents(corpus, size_mb, mangled)
        columns = [pa.array(fresh_copies(texts), pa.string()) for _ in range(passes(name))]
        clean_column(columns[0].slice(0, WARM_UP_DOCUMENTS))
        if cleaning:
            for column in columns:
                clean_column(column)
        return
    clean = cleaner_named(name)
    texts = documents(corpus, size_mb, mangled)
    for text in texts[:WARM_UP_DOCUMENTS]:
        clean(text)
    copies = [fresh_copies(texts) for _ in range(passes(name))]
    # As the timed rounds (bench_timing.timed): garbage collected first, the collector off during
    # the pass, whose count would otherwise hold a collection of every object the process holds.
    gc.collect()
    gc.disable()
    if cleaning:
        for texts_of_pass in copies:
            for text in texts_of_pass:
                clean(text)


def per_byte(name: str, corpus: Path, size_mb: float, mangled: float, size: int) -> float:
    """The instructions contender ``name`` spends per byte of the input (``size`` bytes of UTF-8):
    the process's count with its passes less the count without them, per pass."""
    with_cleaning, without = (
        instructions(name, corpus, size_mb, mangled, cleaning) for cleaning in (True, False)
    )
    return (with_cleaning - without) / (size * passes(name))


def instructions(name: str, corpus: Path, size_mb: float, mangled: float, cleaning: bool) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        name,
        "--corpus",
        str(corpus),
        "--size",
        str(size_mb),
        "--mangled",
        str(mangled),
    ] + ([] if cleaning else ["--without-cleaning"])
    # NumPy's BLAS threads (pyarrow imports NumPy) spin while idle: millions of instructions that
    # vary from run to run and belong to no contender.
    environment = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    completed = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    found = COLLECTED.search(completed.stderr)
    if completed.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed on {name}:\n{completed.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    add_corpus_arguments(parser)
    parser.add_argument("--size", type=float, default=4.0, help="MB of benchmark input")
    parser.add_argument(
        "--columns",
        action="store_true",
        help="count clean_arrow against per-string cleaning of an Arrow column",
    )
    parser.add_argument(
        "--contenders",
        nargs="+",
        choices=sorted(SHORT_NAMES),
        help="count only these (ratios are to the first); news-with(out)-misreads only when named",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--without-cleaning", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.size <= 0:
        parser.error(f"--size must be positive, not {args.size}")
    if args.child:
        child(args.child, args.corpus, args.size, args.mangled, cleaning=not args.without_cleaning)
        # Leave at once: the interpreter's teardown frees what the pass left (its caches, its
        # results), and counting that would move the count with changes the pass never runs.
        sys.stdout.flush()
        os._exit(0)
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed (apt install valgrind); it counts the instructions")
    size = sum(utf8_len(text) for text in documents(args.corpus, args.size, args.mangled))
    print(
        f"Input: {size:,} bytes of {args.corpus.name} ({args.size:g} MB, {args.mangled:.0%} mangled); "
        "instructions per byte of input:"
    )
    spent = {}
    if args.columns:
        contenders = COLUMN_CONTENDERS
    elif args.contenders:
        contenders = tuple(SHORT_NAMES[name] for name in args.contenders)
    else:
        contenders = CONTENDERS
    for name in contenders:
        spent[name] = per_byte(name, args.corpus, args.size, args.mangled, size)
        ratio = spent[contenders[0]] / spent[name]
        baseline = "per string" if args.columns else contenders[0]
        print(f"  {name:34} {spent[name]:9.1f}   {ratio:6.2f}x fewer than {baseline}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
