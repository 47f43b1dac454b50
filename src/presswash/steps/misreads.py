"""A second chance for mojibake that ftfy declines: UTF-8 misread through many codecs.

ftfy judges first (see :mod:`presswash.steps.mojibake`). Its heuristic is
tuned to Windows-1252 and declines much else: ``JosГ©`` (UTF-8 read as
Windows-1251), ``Nicol√°s`` (Mac Roman), ``ÅŒtsuchi``, text read through code
pages 437 and 850, KOI8, or the East Asian double-byte codecs (``caf茅``,
``譚ｱ莠ｬ``). This module undoes those misreads where the evidence says so:

- **Round trip.** A stretch of text is a candidate only if encoding it with the
  codec gives bytes that decode as strict UTF-8, with at least one character
  beyond ASCII (:mod:`presswash.steps.misread_stretches`). Correct text almost
  never does: most words fail at once.
- **What the result looks like.** The repaired word must be cleaner than the
  word it replaces (:func:`~presswash.steps.plausibility.oddity` lower: one
  script per word, no letter beside a symbol, ...) and hold no control,
  private-use or unassigned character.
- **The rest of the document.** A repair that lowers the oddity by one only
  (one character, one improbable pair) is made when the same codec explains at
  least two improbable things in the document; alone it is too weak.
- **Lost bytes.** A U+FFFD where a continuation byte was lost turns the whole
  character into one U+FFFD, and the rest is decoded.
- **Where to look.** :mod:`presswash.steps.misread_screen` finds the places a
  misread may be; only the stretches there are read
  (:mod:`presswash.steps.misread_suspects`), and judged only in words that hold
  something improbable (a repair must remove something). A codec proven in the
  document has its neutral repairs looked for everywhere.

Misreads of misreads are undone layer by layer, each layer judged the same way.

    >>> undo_misreads("Jos\\u0413\\u00a9 Mart\\u00ed said d'\\u0413\\u00a9tat")
    "José Martí said d'état"
    >>> undo_misreads("Nicol\\u221a\\u00b0s, \\u00c5\\u0152tsuchi, caf\\u8305 cr\\u8305e")
    'Nicolás, Ōtsuchi, café crée'
    >>> undo_misreads("Москва, 東京, São Paulo, IRMÃ")  # correct text stays
    'Москва, 東京, São Paulo, IRMÃ'
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from presswash.edits import ChangeLog, Edit, apply_edits, splice
from presswash.steps._misread_table import DOUBLE_BYTE_CODECS, SINGLE_BYTE_CODECS
from presswash.steps.misread_screen import may_hold_misread
from presswash.steps.misread_suspects import NON_ASCII_RUN, suspect_stretches
from presswash.steps.misread_words import Words, word_oddity
from presswash.steps.plausibility import (
    LETTERS,
    character_kind,
    is_clean,
    mixes_scripts,
    mixes_scripts_pair,
    oddity,
)

CODEC_ORDER = {name: index for index, (name, _) in enumerate(SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS)}
DOUBLE_BYTE_NAMES = frozenset(name for name, _ in DOUBLE_BYTE_CODECS)
# Layers of misreads undone at most; a text misread three times is rare, more is noise.
MOST_LAYERS = 3
# A repair that removes this many improbable things is evidence enough by itself.
STRONG = 2
# A codec is proven in a document by this much evidence, or by two conclusive repairs;
# only then are its neutral repairs made.
PROVEN = 2 * STRONG


@dataclass(frozen=True, slots=True)
class Misread:
    """``text[start:end]`` is UTF-8 read as ``codec``; ``replacement`` is what it said."""

    start: int
    end: int
    replacement: str
    codec: str
    gain: int  # how many improbable things the repair removes
    conclusive: bool  # whether it is evidence enough by itself
    plausible: bool  # whether it is worth making where the document proves the codec


def _candidates(text: str, proven: frozenset[str] = frozenset()) -> Iterator[Misread]:
    """For each codec and word, the repair of the stretches of it that the codec turns back into UTF-8.

    Only stretches where the screen finds a spot are read (see
    :mod:`presswash.steps.misread_screen`), and only in words that hold
    something improbable, for only there can a repair gain anything. For the
    ``proven`` codecs, whose neutral repairs are made too, words that hold
    nothing improbable are read as well, and for the double-byte ones among
    them every stretch of the text.
    """
    words = Words(text)
    if proven:
        suspect = suspect_stretches(text, proven & DOUBLE_BYTE_NAMES, among=proven)
    else:
        suspect = suspect_stretches(text, frozenset(), words)
    for codec, left, right, stretches in _by_word(suspect, words):
        # The cheaper question first: whether the repair rejects itself at its edges.
        if _clashes_at_edges(text, left, right, stretches):
            continue
        if codec not in proven and word_oddity(text[left:right]) == 0:
            continue
        misread = _judge(text, left, right, stretches, codec)
        if misread is not None:
            yield misread


def _by_word(
    suspect: Iterable[tuple[str, int, int, str]], words: Words
) -> list[tuple[str, int, int, list[tuple[int, int, str]]]]:
    """``(codec, left, right, stretches)``: the ``suspect`` stretches of each codec, in order,
    grouped by the word ``text[left:right]`` they are judged in.

    Stretches of one codec whose words overlap are judged in one word, the two joined: a stretch
    reaches over every word it touches, and a misread NBSP is a word of its own (so is each
    KOI8-R reads in a misread Chinese sentence, a long word judged a piece at a time). ``déjà``
    read as Windows-1251 is ``dГ©jГ\xa0``: its second stretch is judged in ``dГ©jГ\xa0``, its
    first in ``dГ©jГ``, and either repaired alone leaves the other's ``Г`` among Latin letters.
    Each stretch is in one group, so judging stays linear.

    >>> text = "d\u0413\u00a9j\u0413\u00a0 vu"
    >>> _by_word([("windows-1251", 1, 3, "é"), ("windows-1251", 4, 6, "à")], Words(text))
    [('windows-1251', 0, 6, [(1, 3, 'é'), (4, 6, 'à')])]
    """
    groups: list[tuple[str, int, int, list[tuple[int, int, str]]]] = []
    last: dict[str, int] = {}  # where each codec's last group is in groups
    for name, start, end, decoded in sorted(suspect, key=_start):
        left, right = words.around(start, end)
        index = last.get(name)
        if index is not None:
            _, before_left, before_right, stretches = groups[index]
            if left < before_right:
                groups[index] = (name, min(left, before_left), max(right, before_right), stretches)
                stretches.append((start, end, decoded))
                continue
        last[name] = len(groups)
        groups.append((name, left, right, [(start, end, decoded)]))
    return groups


def _clashes_at_edges(text: str, left: int, right: int, stretches: list[tuple[int, int, str]]) -> bool:
    """Whether the repair of ``stretches`` (in order) in the word ``text[left:right]`` puts a letter
    beside an unchanged letter of a script that shares no words with its own, which
    :func:`_judge` would reject the repair for (it mixes scripts), found at the cost of a few
    characters rather than the whole word (Chinese text, without spaces, is judged hundreds of
    characters at a time): ``没`` read as GBK is ``û``, which ``现已没落`` puts between ideographs.

    >>> _clashes_at_edges("现已没落", 0, 4, [(2, 3, "û")]), _clashes_at_edges("caf茅", 0, 4, [(3, 4, "é")])
    (True, False)
    """
    return any(
        mixes_scripts_pair(pair, latin_among_cjk=True) for pair in _edges(text, left, right, stretches)
    )


def _edges(text: str, left: int, right: int, stretches: list[tuple[int, int, str]]) -> Iterator[str]:
    """The pairs, in reading order, that the repair of ``stretches`` (in order) makes in the word
    ``text[left:right]`` of a character it gives back and a neighbour it leaves as it was; up to
    stretches that overlap, which are left to the judge.

    >>> list(_edges("xab-c", 0, 5, [(1, 3, "é"), (4, 5, "ü")]))
    ['xé', 'é-', '-ü']
    """
    for index, (start, end, decoded) in enumerate(stretches):
        if index > 0 and stretches[index - 1][1] > start:
            return
        if start > left and (index == 0 or stretches[index - 1][1] < start):
            yield text[start - 1] + decoded[0]
        if end < right and (index + 1 == len(stretches) or stretches[index + 1][0] > end):
            yield decoded[-1] + text[end]


def _start(stretch: tuple[str, int, int, str]) -> int:
    return stretch[1]


def _judge(
    text: str, left: int, right: int, stretches: list[tuple[int, int, str]], codec: str
) -> Misread | None:
    """The repair of the word ``text[left:right]``'s ``stretches``, if it makes the word read better."""
    start, end = stretches[0][0], stretches[-1][1]
    repaired = splice(
        text[start:end], ((begin - start, finish - start, new) for begin, finish, new in stretches)
    )
    if not is_clean(repaired) and is_clean(text[start:end]):
        return None
    after = text[left:start] + repaired + text[end:right]
    if mixes_scripts(after, latin_among_cjk=True):
        return None
    left_over = oddity(after) - _latin_beside_repaired_cjk(text, left, right, stretches)
    gain = word_oddity(text[left:right]) - left_over
    if gain < 0:
        return None
    # Two improbable things gone, or a word made clean by a repair shorter than
    # the misread (several characters for one: ``ÅŒ`` for ``Ō``).
    conclusive = gain >= STRONG or (gain > 0 and left_over == 0 and len(repaired) < end - start)
    # A repair that leaves a clean word: neutral alone (``é`` for ``챕``), but
    # made where the codec is proven in the document.
    plausible = left_over == 0
    return Misread(start, end, repaired, codec, gain, conclusive, plausible)


def _latin_beside_repaired_cjk(
    text: str, left: int, right: int, stretches: list[tuple[int, int, str]]
) -> int:
    """How many ASCII letters of the word ``text[left:right]``, left as they were, the repair of
    ``stretches`` puts beside an ideograph, kana or hangul it gives back: :func:`oddity` counts
    each such pair, which Chinese, Japanese and Korean hold all the time (``BBK의``), as improbable.
    Pairs the word held before the repair still count, so a repair gains nothing from them.

    >>> _latin_beside_repaired_cjk("BBK\u00fd\u00d8\u00ff", 0, 6, [(3, 6, "의")])
    1
    """
    return sum(
        mixes_scripts_pair(pair) and not mixes_scripts_pair(pair, latin_among_cjk=True)
        for pair in _edges(text, left, right, stretches)
    )


def find_misreads(text: str, screened: bool = False) -> list[Misread]:
    """The misreads in ``text`` that the evidence supports, in order, not overlapping.

    Each codec's evidence is what its candidate repairs remove in the whole
    text; codecs with more evidence are preferred, then the order of the table.
    A repair with little gain of its own is made only for a codec with enough.
    ``screened`` is as for :func:`undo_misreads`.

    >>> [(m.codec, m.replacement) for m in find_misreads("caf\\u8305 and cr\\u8305e")]
    [('gbk', 'é'), ('gbk', 'é')]
    >>> find_misreads("Le caf\\u8305 est chaud.")[0].replacement  # the only ideograph: no Chinese word
    'é'
    >>> find_misreads("東京の caf\\u8305")  # one improbable pair among ideographs: too weak
    []
    """
    if not (screened or may_hold_misread(text)):
        return []
    by_codec = _by_codec(_candidates(text))
    evidence = {codec: sum(misread.gain for misread in found) for codec, found in by_codec.items()}
    proven = {
        codec
        for codec, found in by_codec.items()
        if evidence[codec] >= PROVEN or sum(misread.conclusive for misread in found) >= 2
    }
    if proven:
        # Repairs that gain nothing are made for a proven codec, also in words that held nothing
        # improbable, and for a double-byte one away from the spots (a lone ``懈``, ``и`` read as GBK).
        by_codec.update(
            (codec, found)
            for codec, found in _by_codec(_candidates(text, frozenset(proven))).items()
            if codec in proven
        )
    scripts: Counter[str] | None = None  # of the text's letters beyond ASCII, counted when first asked
    chosen: list[Misread] = []
    for codec in sorted(by_codec, key=lambda codec: (-evidence[codec], CODEC_ORDER[codec])):
        for misread in by_codec[codec]:
            accepted = (
                misread.conclusive
                or (misread.gain > 0 and evidence[codec] >= STRONG)
                or (misread.plausible and codec in proven)
            )
            if not accepted and misread.gain > 0:
                scripts = scripts if scripts is not None else _scripts(text)
                accepted = _stands_alone(text[misread.start : misread.end], scripts)
            if accepted and not _overlaps(chosen, misread):
                insort(chosen, misread, key=lambda found: found.start)
    return chosen


def _by_codec(candidates: Iterable[Misread]) -> dict[str, list[Misread]]:
    by_codec: dict[str, list[Misread]] = {}
    for candidate in candidates:
        by_codec.setdefault(candidate.codec, []).append(candidate)
    return by_codec


def _scripts(text: str) -> Counter[str]:
    """How many letters beyond ASCII ``text`` holds in each script."""
    return Counter(
        kind[1] for kind in map(character_kind, "".join(NON_ASCII_RUN.findall(text))) if kind[0] in LETTERS
    )


def _stands_alone(misread: str, scripts: Counter[str]) -> bool:
    """Whether the letters of ``misread`` are of scripts that the rest of the text does not use.

    ``caf챕`` in French: no other hangul in the text, so 챕 is no Korean word.
    """
    own = Counter(kind[1] for kind in map(character_kind, misread) if kind[0] in LETTERS and kind[1])
    return bool(own) and all(scripts[script] == count for script, count in own.items())


def _overlaps(chosen: list[Misread], misread: Misread) -> bool:
    """Whether ``misread`` overlaps one of ``chosen`` (in order, not overlapping)."""
    index = bisect_left(chosen, misread.start, key=lambda found: found.start)
    after = index < len(chosen) and chosen[index].start < misread.end
    before = index > 0 and chosen[index - 1].end > misread.start
    return after or before


def misread_edits(text: str) -> list[Edit]:
    """The repairs of :func:`undo_misreads` as edits of ``text``, each naming the misreads it undid.

    >>> edits = misread_edits("Jos\\u0413\\u00a9 Nicol\\u221a\\u00b0s")
    >>> [(edit.start, edit.end, edit.replacement, edit.detail) for edit in edits]
    [(3, 5, 'é', 'utf-8 read as windows-1251'), (11, 13, 'á', 'utf-8 read as mac-roman')]
    """
    log = ChangeLog(text)
    for layer in range(MOST_LAYERS):
        found = find_misreads(log.text)
        if not found:
            break
        log.record("misreads", [Edit(m.start, m.end, m.replacement, f"{layer} {m.codec}") for m in found])
    return [
        Edit(change.start, change.end, change.replacement, _describe(change.detail)) for change in log.changes
    ]


def _describe(layers: str) -> str:
    """``"utf-8 read as A, then as B"`` from the layers undone, outermost first ("0 B; 1 A")."""
    codecs = [layer.split(" ", 1)[1] for layer in layers.split("; ")]
    codecs.reverse()  # the first misread is the innermost layer
    return "utf-8 read as " + ", then as ".join(codecs)


def undo_misreads(text: str, screened: bool = False) -> str:
    """``text`` with the misreads that the evidence supports undone, layer by layer.

    ``screened`` says that :func:`may_hold_misread` has found ``text`` may hold one.
    """
    for _ in range(MOST_LAYERS):
        found = find_misreads(text, screened=screened)
        if not found:
            break
        text = apply_edits(text, (Edit(m.start, m.end, m.replacement) for m in found))
        screened = False
    return text
