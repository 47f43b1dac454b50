"""The cleaning pipeline: a gate, then the enabled steps in a fixed order.

A :class:`Cleaner` turns its :class:`~presswash.config.Config` into a list of
steps once. Cleaning a text first sieves it (see :mod:`presswash.sieve`): what
is left are the characters that some enabled step reacts to, usually a few
dozen. The *gate* — one compiled character class, the union of every enabled
step's trigger characters — asks that remainder whether any step could change
the text at all; if not, the text is returned as it is. Otherwise one shared
*screen* (a single search of the remainder) rules out at once all the steps
whose triggers are rare in real text, the few remaining steps check for
themselves (normalization looks for characters NFC could change, quote repair
for quotes in suspicious places), and only the steps that find work run.

Text that is largely non-ASCII (Russian, Hindi, Chinese) is not sieved, which
would hardly shorten it, and there the screen also looks for each step's
*dense trigger* (the characters around which mojibake can be, those NFC may
change, curly quotes): a step is asked only if the screen found one of its own,
and is told which (:meth:`Step.applies_around`), so that it looks only where
they stand instead of reading the text again.

Steps can hand each other work (an HTML entity decodes to mojibake, a removed
control character joins two halves of it), so after a round the steps that ran
*before* the last change are asked again, and the round repeats while any of
them still has work. That makes cleaning idempotent without paying for a second
round in the common case.

    >>> cleaner = Cleaner()
    >>> cleaner("The Mayor\\u00e2\\u20ac\\u2122s plan&hellip; \\ufb01nally")
    'The Mayor’s plan… finally'
    >>> result = cleaner.explain("NicolÃ¡s &amp; co")
    >>> [(change.step, change.original, change.replacement) for change in result.changes]
    [('mojibake', 'Ã¡', 'á'), ('html', '&amp;', '&')]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Literal

from ftfy import TextFixerConfig

from presswash.alignment import Alignment
from presswash.config import Config
from presswash.edits import Change, ChangeLog
from presswash.ftfy_compat import FtfyCompatible
from presswash.screen import CROWDED, MOST_DISTINCT, Screen
from presswash.sieve import AsciiSieve
from presswash.step import ANY_NON_ASCII, Step, compiled_class
from presswash.steps.controls import Controls
from presswash.steps.html_entities import HtmlEntities
from presswash.steps.invisible import Invisible
from presswash.steps.ligatures import Ligatures
from presswash.steps.line_breaks import LineBreaks
from presswash.steps.mojibake import Mojibake
from presswash.steps.mojibake_screen import SIEVED_SHARE
from presswash.steps.normalization import Normalization
from presswash.steps.quote_repair import QuoteRepair
from presswash.steps.quotes import StraightQuotes
from presswash.steps.styled import StyledText
from presswash.steps.transliteration import Transliteration
from presswash.steps.width import Width

# Rounds after which cleaning stops even if steps keep handing each other work.
MAX_ROUNDS = 4


@dataclass(frozen=True)
class Explanation:
    """The cleaned ``text`` and the ``changes`` that turn the input into it.

    It also maps spans between the input and ``text`` (see :mod:`presswash.alignment`):
    a name found in the cleaned text can be pointed at in the raw input.

    >>> raw = "Nicol\u00c3\u00a1s Maduro &amp; Mar\u00c3\u00ada"
    >>> result = Cleaner().explain(raw)
    >>> start = result.text.index("Nicolás")
    >>> result.input_span(start, start + len("Nicolás"))
    (0, 8)
    >>> raw[slice(*result.input_span(start, start + len("Nicolás")))]
    'NicolÃ¡s'
    """

    text: str
    changes: tuple[Change, ...]

    @functools.cached_property
    def _alignment(self) -> Alignment:
        grown = sum(len(change.replacement) - (change.end - change.start) for change in self.changes)
        return Alignment(self.changes, input_length=len(self.text) - grown)

    def input_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the input that ``text[start:end]`` came from (see :mod:`presswash.alignment`)."""
        return self._alignment.input_span(start, end)

    def output_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text`` that ``[start, end)`` of the input became."""
        return self._alignment.output_span(start, end)

    def input_offsets(self) -> list[int]:
        """For every boundary ``0 … len(text)``, its position in the input (non-decreasing).

        See :meth:`presswash.alignment.Alignment.input_offsets` for boundaries inside changes.
        """
        return self._alignment.input_offsets()


# The steps whose work ftfy.fix_text does, which the ftfy-compatible step replaces.
DONE_BY_FTFY = (HtmlEntities, Mojibake, Controls, LineBreaks, Ligatures, Width, Normalization)


def build_steps(config: Config) -> list[Step]:
    """The steps ``config`` enables, in the order they run.

    With ``ftfy_compatible``, one step does what ftfy does, exactly as ftfy does
    it, in place of presswash's own steps for the same work; the steps ftfy has
    no counterpart for (invisible characters, styled text, quote repair,
    guillemets, transliteration) run after it.
    """
    enabled: list[tuple[bool, Callable[[], Step]]] = [
        (config.html, HtmlEntities),
        (config.mojibake, lambda: Mojibake(second_chance=config.misreads)),
        (config.controls, Controls),
        (config.invisible, Invisible),
        (config.line_breaks, LineBreaks),
        (config.ligatures, Ligatures),
        (config.width, Width),
        (config.styled, StyledText),
        (config.quotes == "repair", QuoteRepair),
        (config.quotes == "straight", lambda: StraightQuotes(guillemets=config.straighten_guillemets)),
        (config.normalization is not None, lambda: Normalization(_form(config))),
        (config.ascii, Transliteration),
    ]
    steps = [make() for wanted, make in enabled if wanted]
    if not config.ftfy_compatible:
        return steps
    # ftfy straightens quotes itself; guillemets (and ´ between letters) remain for StraightQuotes.
    kept = [
        step
        for step in steps
        if not isinstance(step, DONE_BY_FTFY)
        and not (isinstance(step, StraightQuotes) and not config.straighten_guillemets)
    ]
    return [FtfyCompatible(_ftfy_config(config)), *kept]


def _form(config: Config) -> Literal["NFC", "NFKC"]:
    assert config.normalization is not None, "asked for a normalization step without a form"
    return config.normalization


def _ftfy_config(config: Config) -> TextFixerConfig:
    """ftfy's configuration for the steps ftfy has, from presswash's options."""
    return TextFixerConfig(
        unescape_html="auto" if config.html else False,
        remove_terminal_escapes=config.controls,
        remove_control_chars=config.controls,
        fix_encoding=config.mojibake,
        fix_c1_controls=config.mojibake,
        fix_surrogates=config.mojibake,
        fix_line_breaks=config.line_breaks,
        fix_latin_ligatures=config.ligatures,
        fix_character_width=config.width,
        uncurl_quotes=config.quotes == "straight",
        normalization=config.normalization,
        explain=False,
    )


class Cleaner:
    """A reusable, immutable cleaner: ``Cleaner(preset, **options)(text)``.

    Building one validates the options and compiles the gate; calling it is
    cheap and keeps no state between calls, so one cleaner can serve a whole
    pipeline, and it pickles (as its configuration) to worker processes.
    """

    def __init__(self, preset: str = "news", **options: Any) -> None:
        self._setup(Config.from_preset(preset, **options))

    @classmethod
    def from_config(cls, config: Config) -> Cleaner:
        """A cleaner for an existing configuration."""
        cleaner = cls.__new__(cls)
        cleaner._setup(config)
        return cleaner

    def _setup(self, config: Config) -> None:
        self._config = config
        self._steps = build_steps(config)
        triggers = "".join(step.trigger for step in self._steps)
        # Where every non-ASCII character is a trigger, the sieve keeps triggers only,
        # and any character it keeps opens the gate.
        self._gate = None if ANY_NON_ASCII in triggers else compiled_class(triggers)
        self._sieve = AsciiSieve(triggers)
        # One search of the sieved text screens the steps whose triggers are rare
        # in real text: if it finds none of their triggers, none of them is asked.
        # Steps that react to any non-ASCII character, or whose triggers are common
        # (quotes, the letters of mojibake), are asked directly.
        self._screened_steps = frozenset(
            step for step in self._steps if ANY_NON_ASCII not in step.trigger and not step.screens_itself
        )
        self._sparse_screen = Screen({step: step.trigger for step in self._screened_steps})
        # Text largely non-ASCII (Russian, Hindi, Chinese) is hardly shortened by sieving, and
        # each step that reads it for itself costs as much as sieving it: there the screen also
        # looks for the dense triggers of the steps that have one (mojibake, NFC, quotes).
        dense_triggers = {
            step: step.dense_trigger or step.trigger
            for step in self._steps
            if step.dense_trigger is not None or step in self._screened_steps
        }
        # A text of quotes is screened as sparse text is, each step asked; a text crowded with the
        # characters of a dense trigger that crowds (ideographs, in Chinese) by the uncrowded part
        # of that trigger first, and so is one in which the dense screen finds many distinct
        # characters, or whose first sample holds a character that makes a step read the text
        # anyway (Korean, with the hangul a misread through EUC-KR may begin with).
        sparing = {step: step.sparing_trigger for step in self._steps if step.sparing_trigger is not None}
        crowding = [step for step in dense_triggers if step.uncrowded_trigger is not None]
        self._dense_screen = Screen(
            dense_triggers,
            crowded=CROWDED,
            sparing=sparing,
            most_distinct=MOST_DISTINCT if crowding else None,
            hands_on="".join(step.read_through_trigger or "" for step in crowding),
        )
        uncrowded_screen = Screen(
            {step: step.uncrowded_trigger or trigger for step, trigger in dense_triggers.items()},
            crowded=CROWDED,
            asked=crowding,
            sparing=sparing,
        )
        self._dense_screens = (self._dense_screen, uncrowded_screen) if crowding else (self._dense_screen,)
        # Screened steps are first asked of the distinct trigger characters the screen found
        # (a step whose own are not among them does not apply), and those that ask nothing
        # but their trigger are answered from them, without reading the text again each.
        self._asked_by_trigger = frozenset(
            step for step in self._screened_steps if type(step).applies is Step.applies
        )
        self._only_step = self._steps[0] if len(self._steps) == 1 and not self._screened_steps else None

    @property
    def config(self) -> Config:
        """The frozen configuration this cleaner applies."""
        return self._config

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cleaner.from_config, (self._config,))

    def __repr__(self) -> str:
        return f"Cleaner({self._config!r})"

    def __call__(self, text: str) -> str:
        return self.clean(text)

    def clean(self, text: str) -> str:
        """Return the cleaned text."""
        if type(text) is not str:
            require_text(text)
        return self.clean_sieved(text, self._sieve.sieve_unless_dense(text))

    def clean_sieved(self, text: str, notable: str, may_change: Collection[Step] | None = None) -> str:
        """:meth:`clean`, given ``text`` sieved as ``notable`` (by :attr:`sieve`), for callers that
        sieved its UTF-8 already; and, if they know it, given the only steps that ``may_change`` it
        as it is (the others are not asked until one of these has changed it)."""
        if not self._opens_gate(notable):
            return text
        step = self._only_step
        if step is not None:
            # A lone step has no other step to hand work to: one round is all there is.
            return step.fix_sieved(text, notable) if step.applies(text, notable) else text
        return self._run(text, None, notable, may_change)

    def explain(self, text: str) -> Explanation:
        """Clean ``text`` and report each change with its step and its span in ``text``."""
        require_text(text)
        log = ChangeLog(text)
        notable = self._sieve.sieve_unless_dense(text)
        if self._opens_gate(notable):
            self._run(text, log, notable)
        return Explanation(log.text, tuple(log.changes))

    def clean_without_gate(self, text: str) -> str:
        """Clean by running every step on every text: the reference the fast path must equal."""
        require_text(text)
        return self._run(text, None, None)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The enabled steps, in the order they run."""
        return tuple(self._steps)

    @property
    def sieve(self) -> AsciiSieve:
        """The sieve that sets aside the ASCII characters no enabled step reacts to."""
        return self._sieve

    def steps_for_sieved(self, notable: str, utf8: bytes) -> list[Step]:
        """The steps that may change the text whose UTF-8 is ``utf8``, sieved as ``notable``, judged
        without decoding it: none when the text is certainly returned as it is.

        A text no step applies to in the first round is never changed, so this
        lets columnar cleaning pass over documents it has not decoded.

            >>> cleaner = Cleaner()
            >>> text = "AT&amp;T’s “profit” rose £5m, the company said on Friday.".encode()
            >>> cleaner.steps_for_sieved(cleaner.sieve.sieve_utf8(text), text)
            [<step html>, <step quotes>]
        """
        if not self._opens_gate(notable):
            return []
        quiet = not self._sparse_screen.found_in(notable)
        return [
            step
            for step in self._steps
            if not (quiet and step in self._screened_steps) and step.may_apply(notable, utf8)
        ]

    def steps_moved_by(self, character: str, apart: bool = False) -> list[Step]:
        """The steps that may change a text because it holds ``character``, whatever else it
        holds besides characters they all leave alone (see :meth:`Step.leaves_alone`); with
        ``apart``, in a text whose neighbouring non-ASCII characters make no pair that matters
        to a step (see :meth:`steps_moved_by_pair`).

            >>> cleaner = Cleaner()
            >>> cleaner.steps_moved_by("“"), cleaner.steps_moved_by("–"), cleaner.steps_moved_by("£")
            ([<step quotes>], [], [<step mojibake>])
            >>> cleaner.steps_moved_by("£", apart=True), cleaner.steps_moved_by_pair("Ã¡")
            ([], [<step mojibake>])
        """
        if apart:
            return [step for step in self._steps if not step.leaves_alone_apart(character)]
        return [step for step in self._steps if not step.leaves_alone(character)]

    def steps_moved_by_pair(self, pair: str) -> list[Step]:
        """The steps that two neighbouring non-ASCII characters ``pair`` may make change a text."""
        return [step for step in self._steps if step.pair_matters(pair)]

    def _run(
        self,
        text: str,
        log: ChangeLog | None,
        notable: str | None,
        may_change: Collection[Step] | None = None,
    ) -> str:
        """Run the steps in rounds on ``text``, sieved as ``notable`` (None: run every step on it);
        until a step changes it, only those that ``may_change`` it (None: all)."""
        steps = self._steps
        sieved = text  # the text that ``notable`` is the sieved form of
        screen, found = self._screen(text, notable)
        passed = screen.passes_over(found)
        for _ in range(MAX_ROUNDS):
            last_change = -1
            for index, step in enumerate(steps):
                if may_change is not None and step not in may_change:
                    continue
                if notable is not None:
                    if sieved is not text:  # sieved again only when a step is about to be asked
                        notable, sieved = self._sieve.sieve_unless_dense(text), text
                        screen, found = self._screen(text, notable)
                        passed = screen.passes_over(found)
                    if step in passed or not self._applies(step, text, notable, screen, found):
                        continue
                if log is None:
                    fixed = step.fix_sieved(text, notable) if notable is not None else step.fix(text)
                else:
                    log.record(step.name, step.edits(text))
                    fixed = log.text
                if fixed != text:
                    if notable is text and screen is not self._sparse_screen:
                        # Text largely non-ASCII, which is its own sieved form: where the step only
                        # replaced ASCII, what the screen finds grows by what it brought at most.
                        brought = step.brought(text)
                        if brought is not None and not screen.spares(brought):
                            notable = sieved = fixed
                            found = "".join(set(found + screen.distinct_in(brought)))
                            passed = screen.passes_over(found)
                    text = fixed
                    last_change = index
                    may_change = None
            # Steps that ran before the last change may have work again.
            earlier = steps[: max(last_change, 0)]
            if not earlier:
                break
            if notable is not None:
                if sieved is not text:  # the steps after the last change had it sieved already
                    notable, sieved = self._sieve.sieve_unless_dense(text), text
                    screen, found = self._screen(text, notable)
                    passed = screen.passes_over(found)
                asked = (step for step in earlier if step not in passed)
                if not any(self._applies(step, text, notable, screen, found) for step in asked):
                    break
            elif all(step.fix(text) == text for step in earlier):
                break
        return text

    def _opens_gate(self, notable: str) -> bool:
        """Whether sieved text ``notable`` holds a trigger of some step."""
        return notable != "" and (self._gate is None or self._gate.search(notable) is not None)

    def _screen(self, text: str, notable: str | None) -> tuple[Screen, str]:
        """The shared screen for ``text`` (sieved: ``notable``; None: no screen, every step is
        asked), and the distinct characters it finds."""
        if notable is None:
            return _NO_SCREEN, ""
        if len(notable) > len(text) * SIEVED_SHARE:
            for screen in self._dense_screens:
                found = screen.found_in(notable)
                if found is not None:
                    return screen, found
        return self._sparse_screen, self._sparse_screen.found_in(notable) or ""  # (never crowded)

    def _applies(self, step: Step, text: str, notable: str, screen: Screen, found: str) -> bool:
        """Whether ``step`` may change ``text`` (sieved: ``notable``), given what ``screen`` found;
        a step the screen passes over (see :meth:`Screen.passes_over`) is not asked."""
        pattern = screen.patterns.get(step)
        if pattern is not None:
            if step in screen.asked:
                # The step may apply for what crowds the text, which was not looked for.
                return step.applies_uncrowded(text, notable, "".join(pattern.findall(found)))
            if step in self._asked_by_trigger:
                return True
            if screen is not self._sparse_screen:
                return step.applies_around(text, notable, "".join(pattern.findall(found)))
        return step.applies(text, notable)


_NO_SCREEN = Screen({})


def require_text(text: object) -> None:
    """Raise a TypeError that says what was passed instead of a ``str``."""
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"expected str, got {type(text).__name__}: decode it first, e.g. "
            "data.decode('utf-8'), or ftfy.guess_bytes(data) if the encoding is unknown"
        )
    raise TypeError(f"expected str, got {type(text).__name__}: {text!r:.60}")
