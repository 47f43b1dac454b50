"""How well quote repair undoes what broken smart-quote software does, one quote at a time.

Correct paragraphs are corrupted in ONE quote, the ways smart-quote software that guesses from
the character before a quote gets it wrong:

- closing as opening after punctuation: ``more,”`` → ``more,“``
- opening as closing: ``“We`` → ``”We``
- apostrophe in a word: ``didn’t`` → ``didn‘t``
- word-initial elision: ``’90s``, ``’em``, ``’n’`` → ``‘90s``, ``‘em``, ``‘n’``
- closing single quote: ``‘a farce’`` → ``‘a farce‘``
- plural possessive: ``the players’ union`` → ``the players‘ union``

Every place in every paragraph where a model applies gives one corrupted paragraph; quote repair
(``presswash.steps.quote_repair.repair_quotes``) must give back the correct paragraph exactly.
It also must not change any paragraph that was not corrupted.

The paragraphs: the lines of ``data/news-sample.txt`` (English news), of
``benchmarks/quote_eval_paragraphs.txt`` (English and other languages written for this
evaluation, rich in elisions, possessives and single quotes) and the sentences of
``data/ud-sentences.tsv`` (running text in 16 languages). A paragraph that quote repair changes
uncorrupted is a defect of the source (the news sample has three ’ that open a quotation); its
repaired form is then the correct one, and it is listed. Right-to-left paragraphs are checked to
stay unchanged but not corrupted: their writers' quotes are not the software's, and quote repair
leaves them alone.

    python benchmarks/quote_eval.py
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from presswash.steps.quote_repair import repair_quotes

# Hebrew, Arabic, Syriac, Thaana and N'Ko letters: quote repair leaves such paragraphs alone.
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

REPO = Path(__file__).resolve().parent.parent

# Where each model corrupts: a pattern for the quote it swaps, and what it swaps it for.
_BEFORE_WORD = r"(?<![^\s(\[—–-])"  # the start, whitespace, an opening bracket or a dash before it
_ELIDED = r"(?:\d\d|(?i:em|tis|twas|til|cause|cos|bout|pon|frisco|nother|n)\b)"
MODELS: dict[str, tuple[re.Pattern[str], str]] = {
    "closing as opening after punctuation": (re.compile(r"(?<=[.,!?;:…])”"), "“"),
    "opening as closing": (re.compile(_BEFORE_WORD + r"“(?=[^\W_])"), "”"),
    "apostrophe in a word": (re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])"), "‘"),
    "word-initial elision": (re.compile(_BEFORE_WORD + "’(?=" + _ELIDED + ")"), "‘"),
}
# A single quotation: ‘ before a word, then its closing ’ (the first ’ not inside a word).
_SINGLE_QUOTATION = re.compile(
    _BEFORE_WORD + r"‘(?=[^\W_])(?:[^‘’\n]|(?<=[^\W_])’(?=[^\W_]))*?(?<=\S)’(?![^\W_])"
)
_POSSESSIVE = re.compile(r"(?<=[^\W\d_]s)’(?=\s+[^\W\d_])")


def closing_singles(paragraph: str) -> Iterator[int]:
    """Where a ’ closes a single quotation opened with ‘."""
    for quotation in _SINGLE_QUOTATION.finditer(paragraph):
        yield quotation.end() - 1


def plural_possessives(paragraph: str) -> Iterator[int]:
    """Where a ’ after a plural ``s`` stands before the next word, outside a single quotation."""
    quoted = [(match.start(), match.end()) for match in _SINGLE_QUOTATION.finditer(paragraph)]
    for match in _POSSESSIVE.finditer(paragraph):
        if not any(start < match.start() < end for start, end in quoted):
            yield match.start()


def sites(model: str, paragraph: str) -> list[tuple[int, str]]:
    """Each place where ``model`` corrupts ``paragraph``, with the quote it puts there."""
    if model == "closing single quote":
        return [(position, "‘") for position in closing_singles(paragraph)]
    if model == "plural possessive":
        return [(position, "‘") for position in plural_possessives(paragraph)]
    pattern, replacement = MODELS[model]
    return [(match.start(), replacement) for match in pattern.finditer(paragraph)]


MODEL_NAMES = [*MODELS, "closing single quote", "plural possessive"]


@dataclass
class Tally:
    trials: int = 0
    exact: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def paragraphs() -> dict[str, list[str]]:
    """The correct paragraphs of each source."""
    news = (REPO / "data" / "news-sample.txt").read_text(encoding="utf-8").splitlines()
    written = (REPO / "benchmarks" / "quote_eval_paragraphs.txt").read_text(encoding="utf-8").splitlines()
    ud = (REPO / "data" / "ud-sentences.tsv").read_text(encoding="utf-8").splitlines()
    return {
        "news sample": [line for line in news if line.strip()],
        "written for the evaluation": [line for line in written if line.strip()],
        "UD sentences (16 languages)": [line.split("\t")[2] for line in ud],
    }


def evaluate(
    repair: Callable[[str], str], sources: dict[str, list[str]]
) -> tuple[dict[str, Tally], list[str]]:
    """A tally per model, and the paragraphs that ``repair`` changes uncorrupted."""
    tallies = {model: Tally() for model in MODEL_NAMES}
    defects = []
    for paragraph_list in sources.values():
        for original in paragraph_list:
            correct = repair(original)
            if correct != original:
                defects.append(original)
            if RIGHT_TO_LEFT.search(original):
                continue  # its writers' quotes are not the software's: left alone, not corrupted
            for model in MODEL_NAMES:
                for position, quote in sites(model, correct):
                    corrupted = correct[:position] + quote + correct[position + 1 :]
                    tally = tallies[model]
                    tally.trials += 1
                    repaired = repair(corrupted)
                    if repaired == correct:
                        tally.exact += 1
                    else:
                        tally.failures.append((correct, repaired))
    return tallies, defects


def first_difference(text: str, other: str) -> int:
    """Where two texts of the same length first differ."""
    return next(index for index, (a, b) in enumerate(zip(text, other, strict=True)) if a != b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", type=int, default=3, help="failures shown per model (default 3)")
    args = parser.parse_args(argv)
    sources = paragraphs()
    total = sum(len(paragraph_list) for paragraph_list in sources.values())
    print(f"{total:,} correct paragraphs: " + ", ".join(f"{name} {len(p):,}" for name, p in sources.items()))
    tallies, defects = evaluate(repair_quotes, sources)
    print(f"\nUncorrupted paragraphs changed: {len(defects)} (defects of the source, listed below)")
    for paragraph in defects:
        position = first_difference(paragraph, repair_quotes(paragraph))
        print(f"  …{paragraph[max(0, position - 30) : position + 30]}…")
    print(f"\n{'model':40} {'trials':>7} {'exact':>7} {'share':>7}")
    worst = 1.0
    for model, tally in tallies.items():
        share = tally.exact / tally.trials if tally.trials else 1.0
        worst = min(worst, share)
        print(f"{model:40} {tally.trials:7,} {tally.exact:7,} {share:7.1%}")
    for model, tally in tallies.items():
        for correct, repaired in tally.failures[: args.failures]:
            position = first_difference(correct, repaired)
            print(f"\n[{model}] wanted …{correct[max(0, position - 50) : position + 30]}…")
            print(f"{' ' * len(model)}    got …{repaired[max(0, position - 50) : position + 30]}…")
    return 0 if worst >= 0.98 else 1


if __name__ == "__main__":
    sys.exit(main())
