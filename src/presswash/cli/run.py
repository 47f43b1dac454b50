"""One invocation: the loop over the inputs, writing to one output, rewriting in place, or checking."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from presswash.cleaner import Cleaner, Explanation
from presswash.cli.arguments import Settings
from presswash.cli.decoding import (
    STDIN,
    STDIN_NAME,
    byte_blocks,
    decode_guessing,
    decode_strictly,
    guess_note,
    opened,
)
from presswash.cli.engine import Engine
from presswash.cli.errors import EXIT_CHANGED, EXIT_ERROR, EXIT_OK, PROG, Failure
from presswash.cli.explanations import describe_change
from presswash.cli.jsonl import json_lines, records, spliced
from presswash.cli.output import Sink, StdoutSink, guarded_sink, open_output, rewrite_of
from presswash.cli.parquet import ParquetInput, ParquetOutput
from presswash.cli.plain_text import Chunk, chunks, positions
from presswash.cli.progress import Progress
from presswash.edits import Change

LISTED_RECORD_ERRORS = 20

# --- a run --------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What cleaning one input found."""

    changed: bool = False
    guessed: dict[str, int] = field(default_factory=dict)
    """Lines decoded by guessing, by the encoding guessed."""


class Run:
    """One invocation: the settings, the cleaner, the progress bar, and the loop over the files."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.progress: Progress | None = None
        self.cleaner: Cleaner | None = None

    def run(self) -> int:
        settings = self.settings
        try:
            self.cleaner = Cleaner(settings.preset, **settings.options)
        except (ValueError, TypeError, ImportError) as error:
            self.say(f"{PROG}: {error}")
            return EXIT_ERROR
        self.progress = Progress.start(settings)
        try:
            if settings.in_place:
                return self._rewrite_files()
            if settings.check:
                return self._check_files()
            return self._write_output()
        finally:
            self.progress.close()

    def say(self, message: str) -> None:
        """Write one line to stderr (above the progress bar, if there is one)."""
        if self.progress is not None:
            self.progress.write(message)
        else:
            print(message, file=sys.stderr)

    def fail(self, failure: Failure) -> int:
        self.say(f"{PROG}: {failure.name}: {failure.problem}")
        return EXIT_ERROR

    # The three ways to run: to one output, in place, or only checking.

    def _write_output(self) -> int:
        target = self.settings.output

        def opening() -> Sink:
            return StdoutSink() if target in (None, STDIN) else open_output(str(target))

        try:
            with guarded_sink(opening) as sink:
                for name in self.settings.files:
                    self._clean_input(name, sink)
                sink.commit()
        except Failure as failure:  # the sink, if it was made, is discarded
            return self.fail(failure)
        return EXIT_OK

    def _rewrite_files(self) -> int:
        status = EXIT_OK
        for name in self.settings.files:
            try:
                with guarded_sink(functools.partial(rewrite_of, name)) as sink:
                    outcome = self._clean_input(name, sink)
                    reencoded = self.settings.encoding != "utf-8" or bool(outcome.guessed)
                    if outcome.changed or reencoded:
                        sink.commit()
                    else:
                        sink.discard()
            except Failure as failure:
                status = self.fail(failure)
        return status

    def _check_files(self) -> int:
        changed = failed = 0
        for name in self.settings.files:
            try:
                outcome = self._clean_input(name, None)
            except Failure as failure:
                failed = self.fail(failure)
                continue
            if outcome.changed:
                changed += 1
                if name != STDIN:
                    _list(name)
        if not self.settings.quiet:
            inputs = len(self.settings.files)
            self.say(f"{PROG}: {changed} of {inputs} input{'s' * (inputs != 1)} would change")
        if failed:
            return EXIT_ERROR
        return EXIT_CHANGED if changed else EXIT_OK

    # One input.

    def _clean_input(self, name: str, sink: Sink | None) -> Outcome:
        label = STDIN_NAME if name == STDIN else name
        outcome = Outcome()
        if self.settings.parquet:
            self._clean_parquet(name, label, sink, outcome)
            return outcome
        with opened(name, label) as stream:
            assert self.progress is not None
            blocks = byte_blocks(stream, label, self.progress.update)
            if self.settings.guess_encoding:
                pieces = decode_guessing(blocks, label, outcome.guessed)
            else:
                pieces = decode_strictly(blocks, label, self.settings.encoding)
            if self.settings.jsonl:
                self._clean_records(pieces, label, sink, outcome)
            else:
                self._clean_text(pieces, label, sink, outcome)
        if outcome.guessed and not self.settings.quiet:
            self.say(f"{PROG}: {label}: {guess_note(outcome.guessed)}")
        return outcome

    def _engine(self) -> Engine:
        assert self.cleaner is not None
        settings = self.settings
        return Engine(self.cleaner, settings.preset, settings.options, settings.jobs, settings.explain)

    def _clean_text(self, pieces: Iterable[str], label: str, sink: Sink | None, outcome: Outcome) -> None:
        written = 0  # characters of output before the chunk
        with contextlib.closing(self._engine().run(chunks(pieces))) as results:
            for chunk, cleaned, explained in results:
                self._cleaned_chunk(chunk, cleaned[0], explained, label, sink, outcome, written)
                written += len(cleaned[0])

    def _cleaned_chunk(
        self,
        chunk: Chunk,
        cleaned: str,
        explained: list[Explanation] | None,
        label: str,
        sink: Sink | None,
        outcome: Outcome,
        written: int,
    ) -> None:
        assert self.cleaner is not None
        if cleaned != chunk.text:
            outcome.changed = True
            if self.settings.check and label == STDIN_NAME:
                changes = explained[0].changes if explained else self.cleaner.explain(chunk.text).changes
                for line in sorted({line for line, _, _ in positions(chunk, changes)}):
                    _list(f"{label}:{line}")
        if explained:
            for line, column, change in positions(chunk, explained[0].changes):
                self._explain(label, line, column, change, None, (chunk.offset, written))
        if sink is not None:
            sink.write(cleaned)

    def _clean_records(self, pieces: Iterable[str], label: str, sink: Sink | None, outcome: Outcome) -> None:
        settings = self.settings
        kept = settings.on_error == "keep"
        what = "kept unchanged" if kept else "skipped"
        bad = 0
        units = records(json_lines(pieces), settings.fields)
        with contextlib.closing(self._engine().run(units)) as results:
            for record, cleaned, explained in results:
                output: str | None
                if record.error is not None:
                    if settings.on_error == "fail":
                        raise Failure(label, f"line {record.line}: {record.error}")
                    bad += 1
                    if bad <= LISTED_RECORD_ERRORS and not settings.quiet:
                        self.say(f"{PROG}: {label}: line {record.line}: {record.error} ({what})")
                    output = record.text if kept else None
                elif cleaned == record.values:
                    output = record.text  # Unchanged: the original line, byte for byte.
                else:
                    output = spliced(record.text, settings.fields, record.values, cleaned)
                if output != record.text:
                    outcome.changed = True
                    if settings.check and label == STDIN_NAME:
                        _list(f"{label}:{record.line}")
                if explained:
                    for (dotted, _), explanation in zip(settings.fields, explained, strict=True):
                        for change in explanation.changes:
                            self._explain(label, record.line, change.start + 1, change, dotted, (0, 0))
                if sink is not None and output is not None:
                    sink.write(output)
        if bad:
            noun = "record" if bad == 1 else "records"
            self.say(f"{PROG}: {label}: {bad} {noun} with errors {what}")

    def _clean_parquet(self, name: str, label: str, sink: Sink | None, outcome: Outcome) -> None:
        assert self.cleaner is not None and self.progress is not None
        source = ParquetInput(name, label, [dotted for dotted, _ in self.settings.fields])
        output = ParquetOutput(sink, source) if sink is not None else None
        for index, group in enumerate(source.cleaned(self.cleaner)):
            outcome.changed = outcome.changed or group.changed
            if output is not None:
                output.write(group.table)
            self.progress.update(source.stored_size(index))
        if output is not None:
            output.close()

    def _explain(
        self, label: str, line: int, column: int, change: Change, dotted: str | None, base: tuple[int, int]
    ) -> None:
        as_json = self.settings.explain_json
        self.say(describe_change(label, line, column, change, dotted, as_json=as_json, base=base))


def _list(name: str) -> None:
    """One line of ``--check`` output (file names need not be valid UTF-8)."""
    sys.stdout.buffer.write(os.fsencode(name) + b"\n")
    sys.stdout.buffer.flush()
