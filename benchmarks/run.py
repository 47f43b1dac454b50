"""Benchmark presswash against ftfy (and plsfix, when installed) on real news text.

    python benchmarks/run.py            # full run: writes benchmarks/results.md and benchmarks/ratios.png
    python benchmarks/run.py --quick    # smoke run: small corpus, writes to the temporary directory

See benchmarks/README.md for what is measured and how.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ftfy
from bench_corpus import (
    MB,
    Adversarial,
    Corpus,
    add_corpus_arguments,
    adversarial_inputs,
    build_corpus,
    fresh_copies,
    joined,
    paragraphs,
    prefix,
    read_documents,
    utf8_len,
)
from bench_report import (
    SUPERLINEAR,
    AdversarialResult,
    ContenderResult,
    adversarial_descriptions,
    adversarial_table,
    contender_table,
    machine_info,
    write_chart,
)
from bench_timing import Rounds, adaptive_rounds, consume, parallel_capacity, timed

import presswash

REPO = Path(__file__).resolve().parent.parent
DEFAULT_RESULTS = REPO / "benchmarks" / "results.md"
DEFAULT_CHART = REPO / "benchmarks" / "ratios.png"
QUICK_OUTPUT = Path(tempfile.gettempdir()) / "presswash-bench"

# Documents given to each contender untimed before the rounds start (ftfy.fix_text and
# presswash.fix_text are warmed up by the identity check, which runs on every document).
WARM_UP_DOCUMENTS = 300
# Differences between presswash.fix_text and ftfy.fix_text shown when there are any.
DIFFERENCES_SHOWN = 5


@dataclass(frozen=True)
class Contender:
    name: str
    run: Callable[[list[str]], None]
    baseline: bool = False


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Throughput of presswash, ftfy and plsfix on news text, plus adversarial inputs.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    add_corpus_arguments(parser)
    parser.add_argument(
        "--size",
        type=float,
        default=None,
        metavar="MB",
        help="repeat the documents to reach about this many MB (10^6 bytes of UTF-8); 0 = each document "
        "once [default: 20, --quick: 2]",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed choosing the mangled documents")
    unit = parser.add_mutually_exclusive_group()
    unit.add_argument(
        "--paragraphs",
        action="store_true",
        help="each paragraph (line) of the corpus a document of its own: short texts, where what each "
        "call costs besides reading counts (the adversarial inputs are built as without it)",
    )
    unit.add_argument(
        "--joined",
        type=int,
        metavar="CHARACTERS",
        help="consecutive documents joined by a line break into documents of at least this many "
        "characters: long texts, as a file cleaned as one string",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="timed rounds per contender; the median is reported [default: 5, --quick: 3]",
    )
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel clean_many")
    parser.add_argument(
        "--adversarial-scale",
        type=float,
        default=None,
        metavar="FACTOR",
        help="size of the adversarial inputs relative to nominal (1 MB mojibake line, 10^6 combining "
        "marks, 10 MB clean line, ...) [default: 1, --quick: 0.1]",
    )
    parser.add_argument(
        "--ftfy-max-mb",
        type=float,
        default=None,
        metavar="MB",
        help="time ftfy on at most this many MB of each adversarial input (a prefix of it), to save time; "
        "ratios compare seconds per MB anyway [default: no limit]",
    )
    parser.add_argument("--skip-adversarial", action="store_true", help="only the corpus benchmark")
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help=f"markdown output [default: {DEFAULT_RESULTS.relative_to(REPO)}, --quick: {QUICK_OUTPUT}/]",
    )
    parser.add_argument(
        "--chart",
        type=Path,
        default=None,
        help=f"bar chart output [default: {DEFAULT_CHART.relative_to(REPO)}, --quick: {QUICK_OUTPUT}/]",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fast smoke run: 2 MB, 3 rounds, adversarial inputs at 0.1x, output in the temporary directory",
    )
    args = parser.parse_args(argv)
    if args.size is None:
        args.size = 2.0 if args.quick else 20.0
    if args.rounds is None:
        args.rounds = 3 if args.quick else 5
    if args.adversarial_scale is None:
        args.adversarial_scale = 0.1 if args.quick else 1.0
    if args.results is None:
        args.results = QUICK_OUTPUT / "results.md" if args.quick else DEFAULT_RESULTS
    if args.chart is None:
        args.chart = QUICK_OUTPUT / "ratios.png" if args.quick else DEFAULT_CHART
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.ftfy_max_mb is None:
        args.ftfy_max_mb = float("inf")
    if args.size < 0 or args.adversarial_scale <= 0 or args.ftfy_max_mb <= 0:
        parser.error("--size must not be negative, --adversarial-scale and --ftfy-max-mb must be positive")
    return args


def log(message: str = "") -> None:
    print(message, flush=True)


def display_path(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(REPO)) if resolved.is_relative_to(REPO) else str(path)


def command_line(argv: list[str] | None) -> str:
    arguments = sys.argv[1:] if argv is None else argv
    return shlex.join(["python", "benchmarks/run.py", *arguments])


def plsfix_fix_text() -> Callable[[str], str] | None:
    try:
        module = importlib.import_module("plsfix")
    except ImportError:
        return None
    fix: Callable[[str], str] = module.fix_text
    return fix


def contenders(jobs: int) -> list[Contender]:
    cleaner = presswash.Cleaner("news")

    def over(function: Callable[[str], object]) -> Callable[[list[str]], None]:
        return lambda documents: consume(map(function, documents))

    def many(jobs: int) -> Callable[[list[str]], None]:
        return lambda documents: consume(presswash.clean_many(documents, "news", jobs=jobs))

    def many_from_iterator(jobs: int) -> Callable[[list[str]], None]:
        return lambda documents: consume(presswash.clean_many(iter(documents), "news", jobs=jobs))

    found = [Contender("ftfy.fix_text", over(ftfy.fix_text), baseline=True)]
    plsfix = plsfix_fix_text()
    if plsfix is not None:
        found.append(Contender("plsfix.fix_text", over(plsfix)))
    else:
        log("plsfix is not importable: skipped (pip install -e '.[bench]')")
    found += [
        Contender("presswash.fix_text", over(presswash.fix_text)),
        Contender('presswash.Cleaner("news")', over(cleaner)),
        Contender('presswash.Cleaner("news").explain', over(cleaner.explain)),
        # Without the second chance for mojibake that ftfy declines: what the second chance costs.
        Contender(
            'presswash.Cleaner("news", misreads=False)', over(presswash.Cleaner("news", misreads=False))
        ),
        Contender("presswash.clean_many(jobs=1)", many(1)),
    ]
    if jobs > 1:
        found.append(Contender(f"presswash.clean_many(jobs={jobs})", many(jobs)))
        found.append(Contender(f"presswash.clean_many(jobs={jobs}, iterator)", many_from_iterator(jobs)))
    return found


def first_difference(expected: str, actual: str) -> str:
    position = next(
        (index for index, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    start = max(0, position - 30)
    return (
        f"at character {position}:\n"
        f"      ftfy:      {expected[start : position + 50]!r}\n"
        f"      presswash: {actual[start : position + 50]!r}"
    )


def identity_check(documents: list[str]) -> tuple[int, list[str]]:
    """Documents where presswash.fix_text differs from ftfy.fix_text, and the first few differences.

    This untimed pass over every document also warms both functions up."""
    differing = 0
    shown: list[str] = []
    for index, document in enumerate(documents):
        expected = ftfy.fix_text(document)
        actual = presswash.fix_text(document)
        if expected != actual:
            differing += 1
            if len(shown) < DIFFERENCES_SHOWN:
                shown.append(f"document {index} {first_difference(expected, actual)}")
    return differing, shown


@dataclass(frozen=True)
class CorpusBench:
    results: list[ContenderResult]
    differing: int  # documents where presswash.fix_text differs from ftfy.fix_text
    problems: list[str]
    capacity: list[float]  # the machine's parallel capacity for ``jobs`` processes, once per round


def bench_corpus(corpus: Corpus, rounds: int, jobs: int) -> CorpusBench:
    """Time every contender on the whole corpus, rounds interleaved; with ``jobs`` above 1, measure in
    each round how far the machine lets that many processes run in parallel (``parallel_capacity``)."""
    documents = corpus.documents
    problems: list[str] = []
    contestants = contenders(jobs)

    log(f"Identity check: presswash.fix_text vs ftfy.fix_text on all {len(documents):,} documents ...")
    started = time.perf_counter()
    differing, shown = identity_check(documents)
    seconds = time.perf_counter() - started
    log(f"  {differing} differing document(s) ({seconds:.1f} s, untimed)")
    for difference in shown:
        log(f"  {difference}")
    if differing:
        problems.append(f"presswash.fix_text differs from ftfy.fix_text on {differing} document(s)")

    sample = documents[:WARM_UP_DOCUMENTS]
    log(f"Warm-up: each contender on the first {len(sample)} documents ...")
    for contender in contestants:
        # On copies, as the rounds are (see fresh_copies): on strings plsfix has read, presswash
        # would compile its narrow scans in the first timed round instead.
        contender.run(fresh_copies(sample))
    expected = [presswash.Cleaner("news")(document) for document in sample]
    if list(presswash.clean_many(sample, "news", jobs=jobs)) != expected:
        problems.append(f"clean_many(jobs={jobs}) output differs from Cleaner('news') on the warm-up sample")
        log(f"  PROBLEM: {problems[-1]}")

    timings = {contender.name: Rounds() for contender in contestants}
    capacity: list[float] = []
    for round_number in range(1, rounds + 1):
        line = []
        for contender in contestants:
            seconds, _ = timed(functools.partial(contender.run, fresh_copies(documents)))
            timings[contender.name].seconds.append(seconds)
            line.append(f"{contender.name} {corpus.total_bytes / MB / seconds:.2f}")
        if jobs > 1:
            capacity.append(parallel_capacity(jobs))
            line.append(f"machine's {jobs}-process capacity {capacity[-1]:.2f}x")
        log(f"  round {round_number}/{rounds} (MB/s): " + ", ".join(line))

    megabytes = corpus.total_bytes / MB
    baseline = megabytes / timings[contestants[0].name].median
    results = []
    for contender in contestants:
        rounds_of = timings[contender.name]
        throughput = megabytes / rounds_of.median
        results.append(
            ContenderResult(
                name=contender.name,
                throughput=throughput,
                slowest=megabytes / rounds_of.slowest,
                fastest=megabytes / rounds_of.fastest,
                ratio=throughput / baseline,
                rounds=len(rounds_of.seconds),
                baseline=contender.baseline,
            )
        )
    return CorpusBench(results, differing, problems, capacity)


ADVERSARIAL_CONTENDERS: dict[str, Callable[[str], str]] = {
    "fix_text": presswash.fix_text,
    "clean": presswash.Cleaner("news"),
    "ftfy": ftfy.fix_text,
}


def bench_adversarial(case: Adversarial, rounds: int, ftfy_max_mb: float) -> AdversarialResult:
    """Time each function on ``case`` at full size and at a tenth of it (a prefix)."""
    full = case.make()
    megabytes = utf8_len(full) / MB
    ftfy_max_mb = min(ftfy_max_mb, case.ftfy_max_mb or ftfy_max_mb)
    ftfy_text = full if megabytes <= ftfy_max_mb else prefix(full, ftfy_max_mb / megabytes)
    seconds: dict[str, float] = {}
    scaling: dict[str, float] = {}
    rounds_done: dict[str, int] = {}
    outputs: dict[str, str] = {}  # function -> its output on the input it was timed on
    for key, function in ADVERSARIAL_CONTENDERS.items():
        text = ftfy_text if key == "ftfy" else full
        tenth = prefix(text, 0.1)
        small, _ = adaptive_rounds(functools.partial(function, tenth), min_rounds=rounds)
        large, output = adaptive_rounds(functools.partial(function, text), min_rounds=rounds)
        seconds[key] = large.median
        # Normalized to exactly 10x the characters, in case rounding made the prefix a bit off.
        scaling[key] = large.median / small.median * 10 * len(tenth) / len(text)
        rounds_done[key] = len(large.seconds)
        outputs[key] = output
    if ftfy_text is full:
        identical = outputs["ftfy"] == outputs["fix_text"]
    elif case.ftfy_max_mb is not None:  # ftfy would take minutes on the full input
        identical = outputs["ftfy"] == presswash.fix_text(ftfy_text)
    else:  # ftfy was timed on a prefix: check the full input once, untimed
        identical = ftfy.fix_text(full) == outputs["fix_text"]
    return AdversarialResult(
        name=case.name,
        description=case.description,
        megabytes=megabytes,
        seconds=seconds,
        scaling=scaling,
        rounds=rounds_done,
        ftfy_megabytes=utf8_len(ftfy_text) / MB,
        identical=identical,
    )


def write_results(
    path: Path,
    *,
    command: str,
    machine: dict[str, str],
    corpus_path: Path,
    corpus: Corpus,
    args: argparse.Namespace,
    results: list[ContenderResult],
    differing: int,
    capacity: list[float],
    adversarial: list[AdversarialResult],
    problems: list[str],
    elapsed: float,
    chart: Path,
) -> None:
    megabytes = corpus.total_bytes / MB
    lines = [
        "# presswash benchmark results",
        "",
        "Command (from the repository root):",
        "",
        "```",
        command,
        "```",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in machine.items()),
        "",
        "## News corpus",
        "",
        f"- Source: `{display_path(corpus_path)}`: {corpus.source_documents:,} documents"
        + (" (each paragraph one, `--paragraphs`)" if args.paragraphs else "")
        + (f" (joined into documents of {args.joined:,} characters or more)" if args.joined else "")
        + f", {corpus.source_bytes / MB:.2f} MB of UTF-8",
        f"- Benchmark input: {len(corpus.documents):,} documents, {megabytes:.2f} MB "
        f"(the source repeated {corpus.repeats:.1f} times)",
        f"- Mangled (UTF-8 read as Windows-1252): {corpus.mangled:,} documents "
        f"({args.mangled:.1%}, seed {args.seed}; {corpus.mangled_changed:,} of them contain non-ASCII "
        "text, so mangling changed them)",
        f"- Median of {args.rounds} rounds per contender, rounds interleaved; "
        "MB = 10^6 bytes of UTF-8 input. clean_many includes starting and stopping its worker processes.",
        "",
        contender_table(results),
        "",
        f"presswash.fix_text output differs from ftfy.fix_text on **{differing}** of "
        f"{len(corpus.documents):,} documents (checked on every document, untimed).",
        "",
        *([capacity_sentence(args.jobs, capacity), ""] if capacity else []),
        f"![throughput relative to ftfy]({_relative_link(chart, path)})",
        "",
    ]
    if adversarial:
        keys = [key for key in ADVERSARIAL_CONTENDERS if key != "ftfy"]
        lines += [
            "## Adversarial inputs",
            "",
            "Each input is one call on one string (no newline unless stated). `fix_text` is "
            '`presswash.fix_text`, `clean` a prebuilt `presswash.Cleaner("news")`, `ftfy` is '
            "`ftfy.fix_text`. Times are medians of up to "
            f"{args.rounds} rounds (more for fast inputs, fewer above a few seconds). *vs ftfy* compares "
            "seconds per MB. *10x scaling* is the time at full size over the time at a tenth of it: "
            "about 10 means linear. *= ftfy* says whether `presswash.fix_text` returned exactly "
            "ftfy's output.",
            "",
            adversarial_table(adversarial, keys),
            "",
            adversarial_descriptions(adversarial),
            "",
        ]
    if problems:
        lines += ["## Problems", "", *(f"- {problem}" for problem in problems), ""]
    lines += [f"Whole run: {elapsed:.0f} s.", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def capacity_sentence(jobs: int, capacity: list[float]) -> str:
    """The machine's parallel capacity, measured alongside the rounds, as a sentence for the report."""
    return (
        f"The machine's own capacity for {jobs} processes at once, measured after each round on a "
        f"pure-Python loop that touches almost no memory: {statistics.median(capacity):.2f}x one "
        f"process (median; {min(capacity):.2f}x to {max(capacity):.2f}x). No clean_many(jobs={jobs}) "
        "speed-up can exceed it."
    )


def _relative_link(target: Path, document: Path) -> str:
    target, folder = target.resolve(), document.resolve().parent
    if target.is_relative_to(folder):
        return str(target.relative_to(folder))
    return target.as_uri()


def _as_documents(source: list[str], args: argparse.Namespace) -> list[str]:
    """The corpus's documents as ``--paragraphs`` or ``--joined`` ask, else as they are."""
    if args.paragraphs:
        return paragraphs(source)
    return joined(source, args.joined) if args.joined else source


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    command = command_line(argv)
    machine = machine_info(REPO)
    log(command)
    for key, value in machine.items():
        log(f"  {key}: {value}")

    source = read_documents(args.corpus)
    corpus = build_corpus(_as_documents(source, args), args.size, args.mangled, args.seed)
    megabytes = corpus.total_bytes / MB
    log(
        f"Corpus {display_path(args.corpus)}: {corpus.source_documents:,} documents "
        f"({corpus.source_bytes / MB:.2f} MB) -> {len(corpus.documents):,} documents, {megabytes:.2f} MB, "
        f"{corpus.mangled:,} mangled"
    )
    bench = bench_corpus(corpus, args.rounds, args.jobs)
    results, problems = bench.results, bench.problems
    log()
    log(contender_table(results))
    log()
    if bench.capacity:
        log(capacity_sentence(args.jobs, bench.capacity))
        log()

    adversarial: list[AdversarialResult] = []
    if not args.skip_adversarial:
        log(f"Adversarial inputs (scale {args.adversarial_scale:g}) ...")
        for case in adversarial_inputs(source, args.adversarial_scale):
            result = bench_adversarial(case, args.rounds, args.ftfy_max_mb)
            adversarial.append(result)
            log(
                f"  {result.name}: {result.megabytes:.2f} MB, fix_text {result.seconds['fix_text']:.4f} s, "
                f"clean {result.seconds['clean']:.4f} s, ftfy {result.seconds['ftfy']:.4f} s, "
                f"scaling {result.scaling['fix_text']:.1f}/{result.scaling['clean']:.1f}/"
                f"{result.scaling['ftfy']:.1f}, identical {result.identical}"
            )
            superlinear = [key for key, factor in result.scaling.items() if factor >= SUPERLINEAR]
            if superlinear:
                log(
                    f"  WARNING: {result.name}: 10x the input took over {SUPERLINEAR:g}x the time for "
                    + ", ".join(superlinear)
                )
            if not result.identical:
                problems.append(f"presswash.fix_text differs from ftfy.fix_text on the {result.name} input")
        log()
        log(adversarial_table(adversarial, [key for key in ADVERSARIAL_CONTENDERS if key != "ftfy"]))
        log()

    title = (
        f"Throughput relative to ftfy.fix_text\n{megabytes:.1f} MB of news ({len(corpus.documents):,} "
        f"documents), {args.mangled * 100:g}% of documents mangled"
    )
    write_chart(results, args.chart, title)
    elapsed = time.perf_counter() - started
    write_results(
        args.results,
        command=command,
        machine=machine,
        corpus_path=args.corpus,
        corpus=corpus,
        args=args,
        results=results,
        differing=bench.differing,
        capacity=bench.capacity,
        adversarial=adversarial,
        problems=problems,
        elapsed=elapsed,
        chart=args.chart,
    )
    log(f"Wrote {display_path(args.results)} and {display_path(args.chart)} ({elapsed:.0f} s)")
    if problems:
        for problem in problems:
            log(f"PROBLEM: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
