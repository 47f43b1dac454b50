"""Speed per writing system: ftfy, plsfix, presswash.fix_text and the news preset on running text.

The news preset is timed with and without its second chance for mojibake (``misreads``); the
last column is how many times longer it takes with it.

    python benchmarks/per_script.py                       # timings and instruction counts
    python benchmarks/per_script.py --skip-instructions   # timings only (no valgrind needed)

Most of the world's news is not English, and a screen that is fast on ASCII
can be slow on text where every character is non-ASCII. Each row is one
writing system: the running text of its languages in ``data/multilingual/``
(see its README), repeated to ``--size`` MB with ``--mangled`` of the documents
read as Windows-1252, exactly as ``run.py`` builds its input. Contenders are
timed in interleaved rounds and their medians compared with ftfy's in the same
round set; instructions per byte come from ``instructions.py`` (callgrind, the
noise-free cross-check). ``presswash.fix_text`` is checked to equal
``ftfy.fix_text`` on every document first.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import ftfy
from bench_corpus import MB, articles, build_corpus, fresh_copies, read_documents, utf8_len
from bench_timing import consume, timed
from instructions import per_byte
from run import plsfix_fix_text

import presswash

MULTILINGUAL = Path(__file__).resolve().parent.parent / "data" / "multilingual"
# The writing systems, each with the files (ISO 639-1 codes) of its languages.
SCRIPTS: dict[str, tuple[str, ...]] = {
    "Latin with diacritics": ("de", "fr", "id", "lt", "pt", "tr", "vi"),
    "Cyrillic": ("ru",),
    "Greek": ("el",),
    "Armenian": ("hy",),
    "Georgian": ("ka",),
    "Arabic": ("ar", "fa"),
    "Hebrew": ("he",),
    "Devanagari": ("hi", "mr"),
    "Thai": ("th",),
    "CJK": ("ja", "zh"),
    "Hangul": ("ko",),
}
NEWS = 'presswash.Cleaner("news")'
WITHOUT_MISREADS = 'presswash.Cleaner("news", misreads=False)'
COUNTED = ("ftfy.fix_text", "presswash.fix_text", NEWS)
# MB of each writing system's input counted under callgrind (which runs ftfy ~50x slower).
COUNTED_MB = 0.2


def script_documents(script: str) -> list[str]:
    """The documents of ``script``'s languages, one language after another: each file's paragraphs
    joined into articles, as run.py reads the folder."""
    return [
        document
        for code in SCRIPTS[script]
        for document in articles(read_documents(MULTILINGUAL / f"{code}.txt"))
    ]


def contenders() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {"ftfy.fix_text": ftfy.fix_text}
    plsfix = plsfix_fix_text()
    if plsfix is not None:
        found["plsfix.fix_text"] = plsfix
    found["presswash.fix_text"] = presswash.fix_text
    found[NEWS] = presswash.Cleaner("news")
    found[WITHOUT_MISREADS] = presswash.Cleaner("news", misreads=False)
    return found


def throughputs(documents: list[str], rounds: int) -> dict[str, float]:
    """MB/s of each contender on ``documents``: the median of ``rounds`` interleaved rounds."""
    size = sum(utf8_len(document) for document in documents) / MB
    seconds: dict[str, list[float]] = {}
    functions = contenders()
    # Warmed up on the whole input, on copies as the rounds are (see fresh_copies): a pattern
    # compiled where a document first needs it took tens of milliseconds of a round of 0.5 MB.
    for function in functions.values():
        consume(map(function, fresh_copies(documents)))
    for _ in range(rounds):
        for name, function in functions.items():
            copies = fresh_copies(documents)
            elapsed, _ = timed(lambda function=function, copies=copies: consume(map(function, copies)))
            seconds.setdefault(name, []).append(elapsed)
    return {name: size / statistics.median(values) for name, values in seconds.items()}


def instructions_per_byte(source: list[str], mangled: float, workdir: Path) -> dict[str, float]:
    """Instructions per byte of each counted contender on ``COUNTED_MB`` of ``source``, built as above."""
    corpus = workdir / "corpus.txt"
    corpus.write_text("\n\n".join(source) + "\n", encoding="utf-8")
    documents = build_corpus(source, COUNTED_MB, mangled, seed=1).documents
    size = sum(utf8_len(document) for document in documents)
    return {name: per_byte(name, corpus, COUNTED_MB, mangled, size) for name in COUNTED}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    parser.add_argument("--size", type=float, default=1.0, help="MB of input per writing system")
    parser.add_argument("--mangled", type=float, default=0.01, help="share of documents mangled")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per contender")
    parser.add_argument("--skip-instructions", action="store_true", help="no callgrind counts")
    parser.add_argument("--only", choices=list(SCRIPTS), action="append", help="writing systems to run")
    args = parser.parse_args(argv)
    header = (
        "| Writing system | ftfy MB/s | plsfix | fix_text | news | news without misreads "
        "| fix_text vs ftfy | news vs ftfy | misreads' time |"
    )
    if not args.skip_instructions:
        header += " instr/byte ftfy | fix_text | news |"
    print(f"Input per writing system: {args.size:g} MB, {args.mangled:.0%} of documents mangled")
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for script in args.only or SCRIPTS:
        source = script_documents(script)
        documents = build_corpus(source, args.size, args.mangled, seed=1).documents
        differ = sum(presswash.fix_text(document) != ftfy.fix_text(document) for document in documents)
        if differ:
            print(f"{script}: presswash.fix_text differs from ftfy.fix_text on {differ} documents")
            return 1
        speed = throughputs(documents, args.rounds)
        ftfy_speed = speed["ftfy.fix_text"]
        plsfix = speed.get("plsfix.fix_text")
        fix_text, news, without = speed["presswash.fix_text"], speed[NEWS], speed[WITHOUT_MISREADS]
        row = (
            f"| {script} | {ftfy_speed:.2f} | {f'{plsfix:.1f}' if plsfix else '–'} | {fix_text:.1f} "
            f"| {news:.1f} | {without:.1f} | {fix_text / ftfy_speed:.1f}× | {news / ftfy_speed:.1f}× "
            f"| {without / news:.2f}× |"
        )
        if not args.skip_instructions:
            with tempfile.TemporaryDirectory() as workdir:
                counts = instructions_per_byte(source, args.mangled, Path(workdir))
            row += " ".join(f" {counts[name]:,.0f} |" for name in COUNTED)
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
