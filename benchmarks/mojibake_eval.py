"""How much mojibake presswash and ftfy undo, per codec, and how much correct text they change.

    pip install -e '.[test]'                  # babel, for the CLDR strings
    python benchmarks/mojibake_eval.py        # about a minute
    python benchmarks/mojibake_eval.py --failures 5   # also print 5 unrestored texts per codec

Correct texts: 40 sentences in each of 20 languages of real running text
(``data/multilingual``, mostly Universal Dependencies), short sentences in 47
languages written for the tests (``tests/sentences.py``), every 20th
CLDR string of ``tests/corpora.py`` (names, dates, amounts in hundreds of
locales) and every 10th non-ASCII sentence of the English news sample. Each
is encoded as UTF-8 and read back through every codec: strictly where the
codec assigns every byte; otherwise single-byte codecs read unassigned bytes
as Latin-1 does (as browsers do) and double-byte misreads are dropped, since
bytes would be lost. A misread is *restored* when the repair gives the
correct text back exactly: ``ftfy.fix_encoding`` for ftfy, and the mojibake
step with its second chance (the ``misreads`` option) for presswash. Texts that a codec leaves unchanged
(ASCII) are not counted. Finally, every correct text (and each CLDR string,
not only every 20th) goes through the mojibake step unmisread; the number it
changes must be 0.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

import ftfy

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from presswash.steps._misread_table import DOUBLE_BYTE_CODECS, SINGLE_BYTE_CODECS  # noqa: E402
from presswash.steps.mojibake import Mojibake  # noqa: E402

SLOPPY = dict(SINGLE_BYTE_CODECS)


def misread(name: str) -> Callable[[str], str | None]:
    """UTF-8 read as codec ``name`` (None: bytes would be lost)."""
    codec = SLOPPY.get(name, name)
    strict = codec.removeprefix("sloppy-")

    def read(text: str) -> str | None:
        data = text.encode("utf-8")
        try:
            return data.decode(strict)
        except UnicodeDecodeError:
            return data.decode(codec) if name in SLOPPY else None

    return read


def twice(first: str, second: str) -> Callable[[str], str | None]:
    one, two = misread(first), misread(second)

    def read(text: str) -> str | None:
        once = one(text)
        return None if once is None else two(once)

    return read


MISREADS: dict[str, Callable[[str], str | None]] = {
    **{name: misread(name) for name, _ in SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS},
    "windows-1252, twice": twice("windows-1252", "windows-1252"),
    "windows-1251, then windows-1252": twice("windows-1251", "windows-1252"),
    "mac-roman, twice": twice("mac-roman", "mac-roman"),
    "cp437, then windows-1252": twice("cp437", "windows-1252"),
}


def correct_texts() -> tuple[list[str], list[str], int]:
    """(texts to misread, texts that must stay unchanged, number of languages)."""
    corpora = importlib.import_module("corpora")
    sentences = importlib.import_module("sentences")
    by_language = sentences.sentences_by_language()
    written = [sentence for group in by_language.values() for sentence in group]
    cldr = corpora.multilingual_texts()
    news = [
        sentence
        for document in corpora.news_documents()
        for sentence in document.split("\n")
        if not sentence.isascii() and 20 <= len(sentence) <= 400 and "\x01" not in sentence
    ]
    to_misread = written + cldr[::20] + news[::10]
    unchanged = written + cldr + news
    return to_misread, unchanged, len(by_language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", type=int, default=0, help="unrestored texts to print per codec")
    args = parser.parse_args(argv)
    step = Mojibake(second_chance=True)
    to_misread, unchanged, languages = correct_texts()
    print(f"{len(to_misread):,} correct texts in {languages} languages (plus CLDR strings) misread:\n")
    print("| UTF-8 misread as | texts | ftfy | presswash |\n|---|---:|---:|---:|")
    for name, read in MISREADS.items():
        total = ftfy_restored = restored = 0
        failures: list[tuple[str, str]] = []
        for text in to_misread:
            bad = read(text)
            if bad is None or bad == text:
                continue
            total += 1
            ftfy_restored += ftfy.fix_encoding(bad) == text
            repaired = step.fix(bad)
            restored += repaired == text
            if repaired != text and len(failures) < args.failures:
                failures.append((bad, repaired))
        print(f"| {name} | {total:,} | {ftfy_restored / total:.1%} | {restored / total:.1%} |", flush=True)
        for bad, repaired in failures:
            print(f"    misread:  {bad!r}\n    repaired: {repaired!r}")
    changed = [text for text in unchanged if step.fix(text) != text]
    print(f"\nCorrect texts changed by the mojibake step: {len(changed)} of {len(unchanged):,}")
    for text in changed[:20]:
        print(f"    {text!r} -> {step.fix(text)!r}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
