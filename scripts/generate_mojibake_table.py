"""Generate src/presswash/steps/_mojibake_table.py from ftfy's mojibake heuristic.

ftfy decides whether a line holds mojibake with one large regular expression,
``ftfy.badness.BADNESS_RE``. Running it costs far more than the rest of
cleaning, so presswash first asks a cheaper question whose answer "no" proves
that the heuristic would say "no" as well. Every alternative of BADNESS_RE must
match either

- one of a few characters that are suspicious on their own (the C1 controls,
  ``Ã``, ``Â``, ``Œ``, ``œ``), or
- two *adjacent* non-ASCII characters, both drawn from the characters the
  expression mentions (the "mojibake alphabet").

In the second case, the alternative names the characters exactly: a run of
two or more adjacent positions, each a set of non-ASCII characters. This
script reads the expression's parse tree, checks that all this is still true
of the installed ftfy (and fails loudly if it is not), and writes the lone
characters, the alphabet, and the first such run of every alternative.

It also chooses the *runless* characters: alphabet characters that, all
together, spell no run, and none of which is suspicious alone. Text whose
alphabet characters are all runless holds nothing the heuristic can see, which
lets text in Cyrillic or Greek (whose letters are in the alphabet, since UTF-8
misread as Windows-1251 or -1253 is made of them) be ruled out in one scan. Many
sets qualify; the letters and marks of real text that is largely non-ASCII
(the paragraphs of ``data/multilingual`` with more than an eighth of non-ASCII
characters) are taken greedily, the most frequent first, then every other
alphabet character in code point order, each only if the set still spells no run.
Run it after upgrading ftfy::

    python scripts/generate_mojibake_table.py
"""

from __future__ import annotations

import collections
import itertools
import sys
import unicodedata
from pathlib import Path
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

import ftfy
from character_classes import character_class
from ftfy.badness import BADNESS_RE

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "src" / "presswash" / "steps" / "_mojibake_table.py"
MULTILINGUAL = REPO / "data" / "multilingual"
# The share of non-ASCII characters past which the screens scan a text itself (mojibake.SIEVED_SHARE).
LARGELY_NON_ASCII = 1 / 8

Position = frozenset[int] | None  # the code points one position can match; None: may be ASCII


def position_set(op: object, argument: object) -> Position:
    """The code points one regex element can match, or None if it can match ASCII."""
    if op is constants.LITERAL:
        assert isinstance(argument, int)
        return None if argument < 0x80 else frozenset([argument])
    if op is constants.IN:
        assert isinstance(argument, list)
        points: set[int] = set()
        for item_op, item_argument in argument:
            if item_op is constants.LITERAL:
                points.add(item_argument)
            elif item_op is constants.RANGE:
                points.update(range(item_argument[0], item_argument[1] + 1))
            else:  # NEGATE, CATEGORY (\s, \w): may match ASCII
                return None
        return None if any(point < 0x80 for point in points) else frozenset(points)
    return None  # AT (^), ANY, repeats: treat as possibly ASCII


def longest_match() -> int:
    """The most characters one match of BADNESS_RE can span."""
    longest = int(parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1])
    if longest >= constants.MAXREPEAT:
        sys.exit("BADNESS_RE can match unboundedly long text")
    return longest


def branches() -> list[list[tuple[object, object]]]:
    tree = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    [(op, argument)] = list(tree)
    assert op is constants.BRANCH, "BADNESS_RE is expected to be one alternation"
    return [list(branch) for branch in argument[1]]


Run = tuple[frozenset[int], ...]


def derive() -> tuple[set[int], set[int], set[Run]]:
    """The single suspicious characters, the mojibake alphabet, and the runs that a match must contain.

    Every alternative that needs two adjacent non-ASCII characters contributes its
    first run of adjacent non-ASCII positions (two or more).
    """
    singles: set[int] = set()
    alphabet: set[int] = set()
    runs: set[Run] = set()
    for branch in branches():
        positions = [position_set(op, argument) for op, argument in branch]
        for element in positions:
            if element is not None:
                alphabet.update(element)
        starts = [
            index
            for index, (first, second) in enumerate(itertools.pairwise(positions))
            if first is not None and second is not None
        ]
        if starts:
            run: list[frozenset[int]] = []
            for element in itertools.takewhile(lambda element: element is not None, positions[starts[0] :]):
                assert element is not None
                run.append(element)
            runs.add(tuple(run))
            continue
        non_ascii = [element for element in positions if element is not None]
        if not non_ascii:
            sys.exit(f"a BADNESS_RE alternative can match ASCII alone: {branch!r}")
        # No two adjacent non-ASCII positions: any one of them must be in the text.
        singles.update(min(non_ascii, key=len))
    return singles, alphabet, runs


def runless(singles: set[int], alphabet: set[int], runs: set[Run]) -> set[int]:
    """Alphabet characters that together spell no run and are not suspicious alone (see above)."""
    frequency: collections.Counter[int] = collections.Counter()
    for path in sorted(MULTILINGUAL.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if sum(not character.isascii() for character in paragraph) > len(paragraph) * LARGELY_NON_ASCII:
                frequency.update(ord(character) for character in paragraph if ord(character) in alphabet)
    ranked = sorted(frequency, key=lambda point: (-frequency[point], point))
    chosen: set[int] = set()
    for point in ranked + sorted(alphabet - set(ranked)):
        if point in singles:
            continue
        candidate = chosen | {point}
        if not any(all(position & candidate for position in run) for run in runs):
            chosen = candidate
    return chosen


def main() -> None:
    singles, alphabet, runs = derive()
    alphabet |= singles
    # Shortest first, so that where several runs match, the match is a prefix of every one of them.
    ordered = sorted(runs, key=lambda run: (len(run), [sorted(element) for element in run]))
    listed = "\n".join(
        "    (" + " ".join(f'"{character_class(set(element))}",' for element in run) + ")," for run in ordered
    )
    OUTPUT.write_text(
        f'''"""Characters of ftfy's mojibake heuristic (generated: do not edit).

Generated by scripts/generate_mojibake_table.py from ftfy {ftfy.__version__}
(Unicode {unicodedata.unidata_version}); run that script again after upgrading ftfy.
"""

FTFY_VERSION = "{ftfy.__version__}"

# Characters that alone can make ftfy.badness.is_bad() true.
SUSPICIOUS_ALONE = "{character_class(singles)}"

# Every non-ASCII character BADNESS_RE mentions; its other matches need two of them side by side.
MOJIBAKE_ALPHABET = "{character_class(alphabet)}"

# Alphabet characters outside a set that together spells no run (and has no lone
# suspicious character): text without these holds no run and no lone character.
BEYOND_RUNLESS = "{character_class(alphabet - runless(singles, alphabet, runs))}"

# The runs of adjacent characters that those matches must contain, each position a
# character-class body; shorter runs come first.
MOJIBAKE_RUNS = (
{listed}
)

# The most characters one match of the heuristic spans: a match never starts
# further than this before the lone character or pair it must contain.
LONGEST_MATCH = {longest_match()}
''',
        encoding="utf-8",
    )
    print(f"wrote {OUTPUT.name}: {len(singles)} lone, {len(alphabet)} alphabet characters, {len(runs)} runs")


if __name__ == "__main__":
    main()
