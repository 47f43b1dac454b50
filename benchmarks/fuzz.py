"""Fuzz every preset: exceptions, ftfy identity, and cost per character that grows with length.

Two targets, both hypothesis tests fed with seeded random bytes through
``fuzz_one_input`` (no shrinking, no database), so that a million inputs take
minutes rather than hours and a run can be repeated with its ``--seed``:

- **robustness**: documents built from the pieces the steps react to (marks of
  every combining class, Zalgo piles, styled letters, enclosures, regional
  indicators between invisible characters, mojibake, entities, controls,
  quotes, line breaks, scripts with marks of their own), each piece repeated
  up to a thousand times, and arbitrary text. Every preset's ``clean`` and
  ``fix_text`` must return, ``explain`` (on every sixteenth input) must give
  ``clean``'s text, and ``fix_text`` must equal ``ftfy.fix_text`` on inputs up
  to ``--ftfy-max`` characters (ftfy is slow, and quadratic on long runs of
  combining marks).
- **growth**: a short unit from the same pieces, repeated to about
  ``--growth-chars`` characters and to ten times that; each preset and
  ``fix_text`` is timed on both (best of two). A ratio above ``--superlinear``
  is timed again (best of five), and then from ten to a hundred times the
  size (best of three): it is reported only if the cost per character grows
  at both steps. The threshold is 40 because the memory hierarchy alone makes
  linear work up to about 25 times slower for ten times the input when a text
  outgrows a cache (a line of 20,000 supplementary characters is 80 KB, of
  200,000 it is 800 KB); quadratic work is 100 times slower.

Run from the repository root::

    python benchmarks/fuzz.py --inputs 1000000 --growth-units 2000

It prints a summary and exits with status 1 if anything was found.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import ftfy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presswash
from presswash import Cleaner

PRESETS = ("news", "ftfy", "ascii")
CLEANERS = {
    **{preset: Cleaner(preset) for preset in PRESETS},
    "news without misreads": Cleaner("news", misreads=False),
}
FUNCTIONS: dict[str, Callable[[str], str]] = {**CLEANERS, "fix_text": presswash.fix_text}

PIECES = [
    # Combining marks of many classes (230, 1, 220, 240, 10, 129/130, 216, 8, 202), marks that
    # start a decomposition (U+0F73, U+FF9E), enclosures and keycaps, Zalgo piles.
    *"\u0301\u0336\u0323\u0345\u05b0\u0f71\u0f72\u0f73\u0f75\u0f81\uff9e\u3099\u0327\u0338\u20dd\u20e3\u0489",
    "\U0001d165\U0001d166\U0001d16d",
    "h\u0338\u0322\u031be\u0337\u0359\u035d",
    "\u03c9\u0314\u0342\u0345",
    "e\u0323\u0302",
    "1\ufe0f\u20e3",
    "v\u20dd",
    "W\u20e3",
    # Styled letters of every kind, small capitals with plain letters, IPA.
    *"𝐛𝓮𝔣𝕕𝚖ℌℝⓐⓘ🅰🅱⒜①②ｗ²ᵃᵢₒᴀᴄᴇꜱǫʙʀɪɴɢɪəʰˈ",
    "ᴄᴀᴘs",
    "Sᴀʟᴇ",
    # Regional indicators, invisible and control characters between them.
    *"\U0001f1ed\U0001f1ea\U0001f1fa\U0001f1e6\u200b\u200c\u200d\u00ad\u2060\ufeff\u202e\x00\x1b\x7f\x85",
    "\x1b[31m",
    # Mojibake, entities, HTML, quotes, line breaks, ligatures, width.
    "Ã©",
    "â€™",
    # Misreads only the second chance undoes, and what correct text holds that looks like them: a
    # rare ideograph, an ideograph beside a Latin letter, KOI8-R shapes in Russian words.
    "Jos\u0413\u00a9",
    "Nicol\u221a\u00b0s",
    "caf\u8305",
    "\u6d93\u6783",
    "\u8bdf",
    "A\u5c0f\u8c03",
    "\u0438\u0434\u0451\u0442",
    "Ã¡",
    "РџСЂ",
    "&amp;",
    "&#769;",
    "&#x336;",
    "&rsquo;",
    "<b>",
    *"\u2018\u2019\u201c\u201d\u201e«»'\"´",
    *"\r\n\u2028\u2029\t ",
    "\r\n",
    "ﬁ",
    "Ａ",
    "（",
    # Scripts with marks of their own, Hangul jamo, CJK, emoji.
    "हिन्दी",
    "ภาษา",
    "مَرْحَبًا",
    "שָׁלוֹם",
    "ཀྲྀ",
    "\u1100\u1161\u11a8",
    "中文",
    "👩\u200d💻",
    "🏳️\u200d🌈",
    "Tiếng Việt",
    "café",
    "a",
    "Z",
    "9",
    ".",
]

REPEATS = [1] * 40 + [2, 3, 5, 8, 13, 40, 200, 1000]


def document(spelling: bytes) -> str:
    """The document that ``spelling`` describes, three bytes a part: a piece and how often it repeats.

    A piece is one of PIECES or, for a third of the values, any code point at all. Drawing one
    byte string and spelling the document from it costs hypothesis one draw, not dozens.
    """
    parts = []
    for index in range(0, len(spelling) - 2, 3):
        which, extra, repeat = spelling[index : index + 3]
        if which < 2 * len(PIECES) and which % 2 == 0:
            piece = PIECES[which // 2]
        else:
            piece = chr((which << 13 | extra << 5 | repeat >> 3) % 0x110000)
        parts.append(piece * REPEATS[repeat % len(REPEATS)])
    return "".join(parts)


documents = st.binary(min_size=9, max_size=96).map(document)
units = st.binary(min_size=3, max_size=18).map(lambda spelling: document(spelling).strip() or "a")

FUZZ_SETTINGS = settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))


@dataclass
class Findings:
    inputs: int = 0
    units: int = 0
    characters: int = 0
    longest: int = 0
    failures: list[str] = field(default_factory=list)
    superlinear: list[str] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)  # worst confirmed ratio per function


FOUND = Findings()
FTFY_MAX = 300
EXPLAIN_EVERY = 16  # explain() is slower than clean(): every sixteenth input


@FUZZ_SETTINGS
@given(documents)
def robustness(text: str) -> None:
    FOUND.inputs += 1
    FOUND.characters += len(text)
    FOUND.longest = max(FOUND.longest, len(text))
    try:
        for preset, cleaner in CLEANERS.items():
            cleaned = cleaner(text)
            if FOUND.inputs % EXPLAIN_EVERY == 0 and cleaner.explain(text).text != cleaned:
                raise AssertionError(f"{preset}: explain() gives other text than clean()")
        fixed = presswash.fix_text(text)
        if len(text) <= FTFY_MAX and fixed != ftfy.fix_text(text):
            raise AssertionError("fix_text differs from ftfy.fix_text")
    except Exception as error:
        FOUND.failures.append(f"{type(error).__name__}: {error} on {text[:200]!r} ({len(text)} chars)")
        raise


def best_time(function: Callable[[str], str], text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


GROWTH_CHARS = 20_000
SUPERLINEAR = 40.0
NOISE_FLOOR = 0.002  # seconds: below this at ten times the size, a ratio is noise


@FUZZ_SETTINGS
@given(units)
def growth(unit: str) -> None:
    FOUND.units += 1
    small = unit * max(1, GROWTH_CHARS // len(unit))
    large = small * 10
    for name, function in FUNCTIONS.items():
        ratio = _ratio(function, small, large, rounds=2)
        if ratio > SUPERLINEAR:
            ratio = _ratio(function, small, large, rounds=5)
            if ratio > SUPERLINEAR:
                again = _ratio(function, large, large * 10, rounds=3)
                if again > SUPERLINEAR:
                    FOUND.superlinear.append(f"{name}: {ratio:.1f}x, then {again:.1f}x, for 10x of {unit!r}")
                ratio = min(ratio, again)
        FOUND.ratios[name] = max(FOUND.ratios.get(name, 0.0), min(ratio, SUPERLINEAR))


def _ratio(function: Callable[[str], str], small: str, large: str, rounds: int) -> float:
    large_time = best_time(function, large, rounds)
    if large_time < NOISE_FLOOR:
        return 10.0
    return large_time / max(best_time(function, small, rounds), 1e-9)


def run(target: Callable[..., None], count: int, rng: random.Random, sizes: list[int], label: str) -> None:
    """Feed ``target`` random buffers until it has run on ``count`` inputs (hypothesis rejects some)."""
    fuzz = target.hypothesis.fuzz_one_input  # type: ignore[attr-defined]
    started = time.monotonic()
    report_every = max(1, count // 20)
    ran = 0
    while ran < count:
        before = _runs(target)
        with contextlib.suppress(Exception):  # a failure is recorded by the target; keep fuzzing
            fuzz(rng.randbytes(rng.choice(sizes)))
        if _runs(target) == before:
            continue
        ran += 1
        if ran % report_every == 0:
            elapsed = time.monotonic() - started
            print(
                f"{label}: {ran:,} inputs, {elapsed:.0f} s, {len(FOUND.failures)} failures, "
                f"{len(FOUND.superlinear)} superlinear",
                file=sys.stderr,
                flush=True,
            )


def _runs(target: Callable[..., None]) -> int:
    return FOUND.inputs if target is robustness else FOUND.units


def fuzz(inputs: int, growth_units: int, seed: int) -> Findings:
    """One worker's share of the run, seeded with ``seed``."""
    rng = random.Random(seed)
    run(robustness, inputs, rng, [16, 64, 256, 1024], f"robustness[{seed}]")
    run(growth, growth_units, rng, [16, 64], f"growth[{seed}]")
    return FOUND


def main() -> int:
    global GROWTH_CHARS, SUPERLINEAR, FTFY_MAX
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="robustness inputs (default 100,000)")
    parser.add_argument(
        "--growth-units", type=int, default=200, help="units timed at two sizes (default 200)"
    )
    parser.add_argument(
        "--growth-chars", type=int, default=GROWTH_CHARS, help="the smaller size, in characters"
    )
    parser.add_argument(
        "--superlinear", type=float, default=SUPERLINEAR, help="ratio reported for 10x the input"
    )
    parser.add_argument("--ftfy-max", type=int, default=FTFY_MAX, help="longest input compared with ftfy")
    parser.add_argument("--seed", type=int, default=1, help="worker i uses seed + i")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes, each with its share")
    args = parser.parse_args()
    GROWTH_CHARS, SUPERLINEAR, FTFY_MAX = args.growth_chars, args.superlinear, args.ftfy_max
    started = time.monotonic()
    shares = [
        (
            args.inputs // args.jobs + (i < args.inputs % args.jobs),
            args.growth_units // args.jobs,
            args.seed + i,
        )
        for i in range(args.jobs)
    ]
    if args.jobs == 1:
        results = [fuzz(*shares[0])]
    else:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.starmap(fuzz, shares)
    found = Findings()
    for result in results:
        found.inputs += result.inputs
        found.units += result.units
        found.characters += result.characters
        found.longest = max(found.longest, result.longest)
        found.failures += result.failures
        found.superlinear += result.superlinear
        for name, ratio in result.ratios.items():
            found.ratios[name] = max(found.ratios.get(name, 0.0), ratio)
    print(
        f"robustness: {found.inputs:,} inputs, {found.characters:,} characters (longest {found.longest:,}); "
        f"{len(found.failures)} failures"
    )
    for failure in found.failures[:20]:
        print(f"  {failure}")
    worst = ", ".join(f"{name} {ratio:.1f}x" for name, ratio in found.ratios.items())
    print(
        f"growth: {found.units:,} units at {GROWTH_CHARS:,} and {10 * GROWTH_CHARS:,} characters; "
        f"worst ratio for 10x the input (capped at {SUPERLINEAR:g}): {worst}; "
        f"{len(found.superlinear)} above {SUPERLINEAR:g}"
    )
    for finding in found.superlinear[:20]:
        print(f"  {finding}")
    print(f"seeds {args.seed}..{args.seed + args.jobs - 1}, {time.monotonic() - started:.0f} s")
    return 1 if found.failures or found.superlinear else 0


if __name__ == "__main__":
    sys.exit(main())
