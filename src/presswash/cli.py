"""The ``presswash`` command: clean text files and JSON Lines from the shell.

Editors and pipeline operators need presswash where their data already is — in
files and pipes — without writing Python. The command is a small, conventional
Unix filter over the library: it reads files or standard input, writes standard
output (or a file, or the files themselves, atomically), reports problems as
``presswash: FILE: problem`` on standard error and says how it went in its exit
status. Every library option is a flag, generated from :class:`~presswash.config.Config`,
so a new option cannot be forgotten here.

Usage::

    presswash article.txt > clean.txt                 # files (or stdin) to stdout
    presswash -o clean.txt part1.txt part2.txt        # one output file, written atomically
    presswash --in-place drafts/*.txt                 # rewrite files atomically
    presswash --check drafts/*.txt                    # list what would change; exit 1 if anything
    presswash --explain article.txt > /dev/null       # each change: where, which step, before → after
    presswash --jsonl --field text --field meta.title feed.jsonl > clean.jsonl
    zcat dump.txt.gz | presswash --jobs 4 | gzip > clean.txt.gz
    presswash --preset ascii --no-styled --quotes keep article.txt

Exit status: 0 success; 1 ``--check`` found text that would change; 2 usage,
input or output error; 130 interrupted (Ctrl-C); 141 the reader of standard
output went away (``presswash big.txt | head``), without a traceback.

Design choices, in short:

- **Streaming.** Memory stays flat whatever the input size. Plain text is
  cleaned one *document* at a time: a chunk ends after a blank line (a line of
  nothing but whitespace), which in news dumps separates articles. Every step
  but quote repair works within a line; quote repair uses the context of the
  document, and a blank line is where that context ends anyway. A chunk is
  capped at :data:`CHUNK_CHARS` characters: a longer document is cut at the
  last line break before the cap (so quote repair loses context only across
  that one paragraph boundary), and a single longer line at its last space or
  tab. Chunks always end after a ``\\n``, so per-line steps never see a cut.
  JSON Lines are processed record by record.
- **JSON Lines.** A record whose fields do not change is written as its
  original line, byte for byte. A changed record keeps every byte outside the
  changed string literals: only those literals are replaced (by
  ``json.dumps`` of the cleaned value, escaping non-ASCII only if the old
  literal did), so key order, spacing, number spellings and the escapes of
  other fields stay as they were. Dotted ``--field`` paths name nested keys
  (``meta.title``); a key that itself contains a dot cannot be named. With
  duplicate keys the last one counts, as in :func:`json.loads`. Whitespace-only
  lines are kept as they are.
- **Atomic writes.** ``-o`` and ``--in-place`` write a temporary file in the
  target's directory, named ``.NAME.presswash-XXXXXXXX.tmp`` (hidden, and
  clearly ours), give it the target's mode (and owner, where allowed), fsync
  it and rename it over the target. On any error, Ctrl-C or SIGTERM the
  temporary file is removed and the target is untouched; only SIGKILL or a
  crash of the machine can leave the hidden temporary file behind, never a
  half-written target. A file whose bytes would not change is not rewritten.
  Symbolic links are followed (the link stays, its target is rewritten); a
  hard link to the file is detached by the rename, as with ``sed -i``. ``-o``
  to something that is not a regular file (``/dev/null``, a FIFO) writes to it
  directly.
- **Encodings.** Input is UTF-8 unless ``--encoding`` names another codec;
  output is always UTF-8. Undecodable input is an error that names the file,
  the byte offset and the line, never a crash and never a silent
  replacement. ``--guess-encoding`` instead decodes each line that is not
  UTF-8 with :func:`ftfy.guess_bytes` (a UTF-16 byte order mark at the start
  decides for the whole file) and says on standard error how many lines were
  guessed. Guessing line by line keeps memory flat and suits the usual
  case — a UTF-8 feed with some records from a Windows-1252 source — and
  ftfy's guesser is the one whose mistakes ftfy's mojibake repair is built to
  undo. A statistical detector (charset-normalizer) needs a sizeable sample of
  a single encoding, guesses among dozens of codecs, and is another dependency.
- **Errors.** Writing one output (standard output or ``-o``), the command
  stops at the first input that fails: what already went to standard output
  stays there, ``-o`` writes nothing. ``--in-place`` and ``--check`` treat each
  file on its own, carry on with the others and exit 2 at the end.
- **Parallelism.** ``--jobs N`` cleans through :func:`presswash.clean_many`:
  the output is the same as with one job, in the same order. Worker processes
  start with SIGINT and SIGTERM blocked, so Ctrl-C (or SIGTERM to the process
  group) stops the command once and cleanly — the pool shuts down in order —
  rather than every worker with a traceback, or a pool left hanging.
  ``--explain`` computes its changes in this process.
- **Explanations.** Lines and columns are 1-based and count characters of the
  decoded input, lines ending at ``\n`` only. With ``--jsonl`` the line is the
  record's and the column counts within the named field's value. The text
  format shows each side with ``repr`` so invisible characters are visible;
  the JSON format escapes all non-ASCII for the same reason.
- **Other encodings in place.** Input read with ``--encoding`` (or decoded
  by guessing) is written back as UTF-8 even when the cleaning changed
  nothing; ``--check`` reports only changes of the text.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import dataclasses
import itertools
import json
import os
import re
import signal
import stat
import sys
import tempfile
import threading
import types
import typing
import unicodedata
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO, Protocol, TypeVar

from presswash import __version__
from presswash.bulk import clean_many
from presswash.cleaner import Cleaner, Explanation
from presswash.config import PRESETS, Config, help_text
from presswash.edits import Change

PROG = "presswash"

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143

CHUNK_CHARS = 64 * 1024
"""Most characters cleaned as one plain-text chunk (see the module docstring)."""
READ_BYTES = 256 * 1024
"""Bytes read from an input at a time."""
LISTED_RECORD_ERRORS = 20
"""Bad JSON Lines records described one by one per file; the rest are only counted."""
PROGRESS_DELAY = 1.0
"""Seconds a run must take before its progress bar appears."""

STDIN = "-"
STDIN_NAME = "<stdin>"
STDOUT_NAME = "<stdout>"
TEMP_PREFIX_TAIL = ".presswash-"
TEMP_SUFFIX = ".tmp"

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON = json.JSONDecoder()


class _Failure(Exception):
    """A problem with one file: reported as ``presswash: NAME: problem``."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class _Terminated(BaseException):
    """SIGTERM arrived: unwind (removing temporary files) and exit 143."""


# --- command line -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit status."""
    try:
        settings = _parse(argv)
    except SystemExit as stop:  # --help, --version, usage errors: argparse has said why.
        return stop.code if isinstance(stop.code, int) else EXIT_ERROR
    restore = _handle_sigterm()
    try:
        return _Run(settings).run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _Terminated:
        return EXIT_TERMINATED
    except BrokenPipeError:
        _silence_broken_streams()
        return EXIT_BROKEN_PIPE
    finally:
        restore()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; the cleaning options come from the fields of :class:`Config`."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Clean text for news ingestion: repair mojibake, fold styled Unicode, repair quotes, "
            "remove invisible and control characters. Reads each FILE (standard input when there "
            "is none, or for -) and writes the cleaned text to standard output."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; - is standard input")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")

    mode = parser.add_argument_group("output").add_mutually_exclusive_group()
    mode.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output (atomically)"
    )
    mode.add_argument(
        "-i", "--in-place", action="store_true", help="rewrite each FILE atomically with its cleaned text"
    )
    mode.add_argument(
        "--check",
        action="store_true",
        help="change nothing; list the files (or <stdin>:LINE) that would change; exit 1 if any would",
    )

    options = parser.add_argument_group(
        "cleaning options", "Defaults come from --preset; only the options given override it."
    )
    options.add_argument(
        "--preset",
        default="news",
        metavar="{" + ",".join(PRESETS) + "}",
        help="named configuration to start from (default: news)",
    )
    hints = typing.get_type_hints(Config)
    for option in dataclasses.fields(Config):
        _add_config_option(options, option.name, hints[option.name])

    reading = parser.add_argument_group("input")
    encoding = reading.add_mutually_exclusive_group()
    encoding.add_argument("--encoding", metavar="NAME", help="decode input with codec NAME (default: UTF-8)")
    encoding.add_argument(
        "--guess-encoding",
        action="store_true",
        help="decode lines that are not UTF-8 with ftfy.guess_bytes instead of failing",
    )
    reading.add_argument(
        "--jsonl", action="store_true", help="input is JSON Lines: clean the --field strings of each record"
    )
    reading.add_argument(
        "--field",
        action="append",
        metavar="PATH",
        help="with --jsonl: a string field to clean, dotted for nested keys (meta.title); "
        "repeatable (default: text)",
    )
    reading.add_argument(
        "--on-error",
        choices=("fail", "skip", "keep"),
        default="fail",
        help="with --jsonl, a record that is not JSON or lacks a string field: fail (exit 2), "
        "skip it, or keep its line unchanged; skipped and kept records are counted on stderr "
        "(default: fail)",
    )

    running = parser.add_argument_group("reporting and speed")
    running.add_argument(
        "--explain",
        action="store_true",
        help="print each change to stderr as FILE:LINE:COLUMN: step: 'before' → 'after' (1-based, "
        "in characters of the input; with --jsonl, LINE is the record's and COLUMN counts within "
        "the field)",
    )
    running.add_argument(
        "--explain-format",
        choices=("text", "json"),
        help="text (default), or json: one JSON object per change with file, line, column, step, "
        "original, replacement (and field, with --jsonl); implies --explain",
    )
    running.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="clean in N processes (0: one per CPU); output order is kept (default: 1)",
    )
    running.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar, --check summary, guessing notes or per-record messages on stderr "
        "(errors, and counts of bad records, still show)",
    )
    return parser


_EPILOG = """\
presets:
  news    repair everything and keep correct typography (the default)
  ftfy    output identical to ftfy.fix_text
  ascii   news with straight quotes and transliteration to ASCII

exit status:
  0 success, 1 --check found changes, 2 usage, input or output error,
  130 interrupted, 141 standard output closed early (e.g. | head)

Plain text is cleaned one blank-line-separated document at a time (at most 64 Ki
characters at once), so memory stays flat on inputs of any size. Output is UTF-8.
-o and --in-place never leave a half-written file: they write a hidden temporary
file (.NAME.presswash-XXXXXXXX.tmp) next to the target and rename it.
"""


def _add_config_option(group: argparse._ArgumentGroup, name: str, hint: Any) -> None:
    """``--NAME`` (and ``--no-NAME`` for switches), its choices taken from the field's type."""
    flag = "--" + name.replace("_", "-")
    dest = "option_" + name
    defaults = _preset_defaults(name)
    line = f"{help_text(name)} ({defaults})".replace("%", "%%")
    if hint is bool:
        group.add_argument(flag, dest=dest, action=argparse.BooleanOptionalAction, default=None, help=line)
        return
    choices = _literal_values(hint)
    if choices is None:
        convert: Callable[[str], Any] = hint if hint in (int, float, str) else str
        group.add_argument(flag, dest=dest, type=convert, default=None, metavar="VALUE", help=line)
        return
    by_name = {_show(value): value for value in choices}
    group.add_argument(
        flag,
        dest=dest,
        choices=list(by_name),
        type=str,
        default=None,
        help=line,
    )
    _CHOICE_VALUES[name] = by_name


_CHOICE_VALUES: dict[str, dict[str, object]] = {}


def _literal_values(hint: object) -> list[object] | None:
    """The values a ``Literal[...]`` (or a union of them with ``None``) allows; None for other types."""
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return list(typing.get_args(hint))
    if origin is typing.Union or origin is types.UnionType:
        values: list[object] = []
        for argument in typing.get_args(hint):
            if argument is type(None):
                values.append(None)
                continue
            inner = _literal_values(argument)
            if inner is None:
                return None
            values.extend(inner)
        return values
    return None


def _show(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _preset_defaults(name: str) -> str:
    values = {preset: _show(getattr(config, name)) for preset, config in PRESETS.items()}
    if len(set(values.values())) == 1:
        return f"default: {next(iter(values.values()))}"
    return ", ".join(f"{preset}: {value}" for preset, value in values.items())


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {jobs}")
    return jobs or os.cpu_count() or 1


@dataclass(frozen=True)
class _Settings:
    """The parsed command line, checked."""

    files: list[str]
    output: str | None
    in_place: bool
    check: bool
    preset: str
    options: dict[str, Any]
    encoding: str
    guess_encoding: bool
    jsonl: bool
    fields: list[tuple[str, tuple[str, ...]]]
    on_error: str
    explain: bool
    explain_json: bool
    jobs: int
    quiet: bool


def _parse(argv: list[str] | None) -> _Settings:
    parser = build_parser()
    args = parser.parse_args(argv)
    files: list[str] = args.files or [STDIN]
    if args.in_place and STDIN in files:
        parser.error("--in-place rewrites files; it cannot rewrite standard input")
    if args.field and not args.jsonl:
        parser.error("--field needs --jsonl")
    fields: list[tuple[str, tuple[str, ...]]] = []
    for dotted in args.field or ["text"]:
        path = tuple(dotted.split("."))
        if not all(path):
            parser.error(f"--field {dotted!r}: empty key in the dotted path")
        if all(dotted != known for known, _ in fields):
            fields.append((dotted, path))
    encoding = "utf-8"
    if args.encoding is not None:
        try:
            codec = codecs.lookup(args.encoding)
        except LookupError:
            parser.error(f"--encoding: unknown encoding {args.encoding!r}")
        if not getattr(codec, "_is_text_encoding", True):
            parser.error(f"--encoding: {args.encoding!r} is not a text encoding")
        encoding = codec.name
    options: dict[str, Any] = {}
    for option in dataclasses.fields(Config):
        value = getattr(args, "option_" + option.name)
        if value is not None:
            options[option.name] = _CHOICE_VALUES.get(option.name, {}).get(value, value)
    return _Settings(
        files=files,
        output=args.output,
        in_place=args.in_place,
        check=args.check,
        preset=args.preset,
        options=options,
        encoding=encoding,
        guess_encoding=args.guess_encoding,
        jsonl=args.jsonl,
        fields=fields,
        on_error=args.on_error,
        explain=args.explain or args.explain_format is not None,
        explain_json=args.explain_format == "json",
        jobs=args.jobs,
        quiet=args.quiet,
    )


# --- a run --------------------------------------------------------------------------------------


@dataclass
class _Outcome:
    """What cleaning one input found."""

    changed: bool = False
    guessed: dict[str, int] = field(default_factory=dict)
    """Lines decoded by guessing, by the encoding guessed."""


class _Run:
    """One invocation: the settings, the cleaner, the progress bar, and the loop over the files."""

    def __init__(self, settings: _Settings) -> None:
        self.settings = settings
        self.progress: _Progress | None = None
        self.cleaner: Cleaner | None = None

    def run(self) -> int:
        settings = self.settings
        try:
            self.cleaner = Cleaner(settings.preset, **settings.options)
        except (ValueError, TypeError, ImportError) as error:
            self.say(f"{PROG}: {error}")
            return EXIT_ERROR
        self.progress = _Progress.start(settings)
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

    def fail(self, failure: _Failure) -> int:
        self.say(f"{PROG}: {failure.name}: {failure.problem}")
        return EXIT_ERROR

    # The three ways to run: to one output, in place, or only checking.

    def _write_output(self) -> int:
        target = self.settings.output
        try:
            sink: _Sink = _StdoutSink() if target in (None, STDIN) else _open_output(str(target))
        except _Failure as failure:
            return self.fail(failure)
        with sink.discarding_on_error():
            try:
                for name in self.settings.files:
                    self._clean_input(name, sink)
                sink.commit()
            except _Failure as failure:
                sink.discard()
                return self.fail(failure)
        return EXIT_OK

    def _rewrite_files(self) -> int:
        status = EXIT_OK
        for name in self.settings.files:
            try:
                sink = _rewrite_of(name)
                with sink.discarding_on_error():
                    outcome = self._clean_input(name, sink)
                    reencoded = self.settings.encoding != "utf-8" or bool(outcome.guessed)
                    if outcome.changed or reencoded:
                        sink.commit()
                    else:
                        sink.discard()
            except _Failure as failure:
                status = self.fail(failure)
        return status

    def _check_files(self) -> int:
        changed = failed = 0
        for name in self.settings.files:
            try:
                outcome = self._clean_input(name, None)
            except _Failure as failure:
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

    def _clean_input(self, name: str, sink: _Sink | None) -> _Outcome:
        label = STDIN_NAME if name == STDIN else name
        outcome = _Outcome()
        with _opened(name, label) as stream:
            assert self.progress is not None
            blocks = _byte_blocks(stream, label, self.progress.update)
            if self.settings.guess_encoding:
                pieces = _decode_guessing(blocks, label, outcome)
            else:
                pieces = _decode(blocks, label, self.settings.encoding)
            if self.settings.jsonl:
                self._clean_records(pieces, label, sink, outcome)
            else:
                self._clean_text(pieces, label, sink, outcome)
        if outcome.guessed and not self.settings.quiet:
            self.say(f"{PROG}: {label}: {_guess_note(outcome.guessed)}")
        return outcome

    def _engine(self) -> _Engine:
        assert self.cleaner is not None
        settings = self.settings
        return _Engine(self.cleaner, settings.preset, settings.options, settings.jobs, settings.explain)

    def _clean_text(self, pieces: Iterable[str], label: str, sink: _Sink | None, outcome: _Outcome) -> None:
        with contextlib.closing(self._engine().run(_chunks(pieces))) as results:
            for chunk, cleaned, explained in results:
                self._cleaned_chunk(chunk, cleaned[0], explained, label, sink, outcome)

    def _cleaned_chunk(
        self,
        chunk: _Chunk,
        cleaned: str,
        explained: list[Explanation] | None,
        label: str,
        sink: _Sink | None,
        outcome: _Outcome,
    ) -> None:
        assert self.cleaner is not None
        if cleaned != chunk.text:
            outcome.changed = True
            if self.settings.check and label == STDIN_NAME:
                changes = explained[0].changes if explained else self.cleaner.explain(chunk.text).changes
                for line in sorted({line for line, _, _ in _positions(chunk, changes)}):
                    _list(f"{label}:{line}")
        if explained:
            for line, column, change in _positions(chunk, explained[0].changes):
                self._explain(label, line, column, change, None)
        if sink is not None:
            sink.write(cleaned)

    def _clean_records(
        self, pieces: Iterable[str], label: str, sink: _Sink | None, outcome: _Outcome
    ) -> None:
        settings = self.settings
        kept = settings.on_error == "keep"
        what = "kept unchanged" if kept else "skipped"
        bad = 0
        with contextlib.closing(self._engine().run(_records(_lines(pieces), settings.fields))) as records:
            for record, cleaned, explained in records:
                output: str | None
                if record.error is not None:
                    if settings.on_error == "fail":
                        raise _Failure(label, f"line {record.line}: {record.error}")
                    bad += 1
                    if bad <= LISTED_RECORD_ERRORS and not settings.quiet:
                        self.say(f"{PROG}: {label}: line {record.line}: {record.error} ({what})")
                    output = record.text if kept else None
                elif cleaned == record.values:
                    output = record.text  # Unchanged: the original line, byte for byte.
                else:
                    output = _spliced(record.text, settings.fields, record.values, cleaned)
                if output != record.text:
                    outcome.changed = True
                    if settings.check and label == STDIN_NAME:
                        _list(f"{label}:{record.line}")
                if explained:
                    for (dotted, _), explanation in zip(settings.fields, explained, strict=True):
                        for change in explanation.changes:
                            self._explain(label, record.line, change.start + 1, change, dotted)
                if sink is not None and output is not None:
                    sink.write(output)
        if bad:
            noun = "record" if bad == 1 else "records"
            self.say(f"{PROG}: {label}: {bad} {noun} with errors {what}")

    def _explain(self, label: str, line: int, column: int, change: Change, dotted: str | None) -> None:
        if self.settings.explain_json:
            entry: dict[str, object] = {"file": label, "line": line, "column": column}
            if dotted is not None:
                entry["field"] = dotted
            entry.update(step=change.step, original=change.original, replacement=change.replacement)
            self.say(json.dumps(entry))
        else:
            where = f"{change.step} in {dotted}" if dotted is not None else change.step
            self.say(f"{label}:{line}:{column}: {where}: {change.original!r} → {change.replacement!r}")


def _list(name: str) -> None:
    """One line of ``--check`` output (file names need not be valid UTF-8)."""
    sys.stdout.buffer.write(os.fsencode(name) + b"\n")
    sys.stdout.buffer.flush()


# --- cleaning units, in order, in this process or in workers ------------------------------------


class _Unit(Protocol):
    @property
    def texts(self) -> Sequence[str]: ...


U = TypeVar("U", bound=_Unit)


class _Engine:
    """Cleans the texts of each unit, yielding ``(unit, cleaned texts, explanations or None)`` in order."""

    def __init__(
        self, cleaner: Cleaner, preset: str, options: dict[str, Any], jobs: int, explain: bool
    ) -> None:
        self.cleaner = cleaner
        self.preset = preset
        self.options = options
        self.jobs = jobs
        self.explain = explain

    def run(self, units: Iterable[U]) -> Generator[tuple[U, list[str], list[Explanation] | None], None, None]:
        if self.explain:
            explain = self.cleaner.explain
            for unit in units:
                explained = [explain(text) for text in unit.texts]
                yield unit, [explanation.text for explanation in explained], explained
        elif self.jobs == 1:
            clean = self.cleaner.clean
            for unit in units:
                yield unit, [clean(text) for text in unit.texts], None
        else:
            for unit, cleaned in self._in_workers(units):
                yield unit, cleaned, None

    def _in_workers(self, units: Iterable[U]) -> Iterator[tuple[U, list[str]]]:
        # clean_many reads ahead, so the units whose texts are in flight wait in `pending`.
        # Everything clean_many does — starting worker processes included — runs with SIGINT and
        # SIGTERM blocked, so the workers inherit them blocked and a Ctrl-C reaches only this
        # process (when clean_many hands back control: at most a batch later), which then
        # shuts the pool down in order. Reading the input runs with them deliverable.
        pending: deque[U] = deque()

        def texts() -> Iterator[str]:
            for unit in _with_signals(iter(units)):
                pending.append(unit)
                yield from unit.texts

        results = clean_many(texts(), self.preset, jobs=self.jobs, **self.options)
        ahead: deque[str] = deque()
        exhausted = False
        try:
            while True:
                with _SignalsBlocked():
                    while not pending and not exhausted:
                        try:
                            ahead.append(next(results))
                        except StopIteration:
                            exhausted = True
                    if not pending:
                        return
                    unit = pending.popleft()
                    cleaned = [ahead.popleft() if ahead else next(results) for _ in unit.texts]
                yield unit, cleaned
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                with _SignalsBlocked():
                    close()


_CAN_MASK = hasattr(signal, "pthread_sigmask")


class _SignalsBlocked:
    """Block SIGINT and SIGTERM in this thread (and in the processes it starts) while inside."""

    how = signal.SIG_BLOCK if _CAN_MASK else 0

    def __enter__(self) -> None:
        if _CAN_MASK:
            self._previous = signal.pthread_sigmask(self.how, {signal.SIGINT, signal.SIGTERM})

    def __exit__(self, *exc_info: object) -> None:
        if _CAN_MASK:
            signal.pthread_sigmask(signal.SIG_SETMASK, self._previous)


class _SignalsAllowed(_SignalsBlocked):
    how = signal.SIG_UNBLOCK if _CAN_MASK else 0


def _with_signals(iterator: Iterator[U]) -> Iterator[U]:
    """Take each item of ``iterator`` (which reads the input) with SIGINT and SIGTERM deliverable."""
    while True:
        with _SignalsAllowed():
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


# --- plain text: documents with their positions --------------------------------------------------


@dataclass(frozen=True)
class _Chunk:
    """A piece of plain text, where it starts (1-based line, characters before it on that line)."""

    text: str
    line: int
    column: int

    @property
    def texts(self) -> Sequence[str]:
        return (self.text,)


def _chunks(pieces: Iterable[str]) -> Iterator[_Chunk]:
    line, column = 1, 0
    for text in _documents(pieces):
        yield _Chunk(text, line, column)
        newlines = text.count("\n")
        if newlines:
            line += newlines
            column = len(text) - text.rfind("\n") - 1
        else:
            column += len(text)


def _documents(pieces: Iterable[str], limit: int = CHUNK_CHARS) -> Iterator[str]:
    """Regroup decoded text into chunks that end after a blank line, each at most ``limit`` long."""
    buffer = ""
    for piece in pieces:
        # A blank line not yet found can only start at the last line break of the buffer.
        scan_from = max(buffer.rfind("\n"), 0)
        buffer += piece
        start = 0
        for match in _BLANK_LINE.finditer(buffer, scan_from):
            yield from _capped(buffer[start : match.end()], limit)
            start = match.end()
        buffer = buffer[start:]
        while len(buffer) > limit:
            cut = _cut(buffer, limit)
            yield buffer[:cut]
            buffer = buffer[cut:]
    yield from _capped(buffer, limit)


def _capped(text: str, limit: int) -> Iterator[str]:
    while len(text) > limit:
        cut = _cut(text, limit)
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text


def _cut(text: str, limit: int) -> int:
    """Where to cut ``text`` (longer than ``limit``): after a line break, else a space, else anywhere safe."""
    newline = text.rfind("\n", 0, limit)
    if newline >= 0:
        return newline + 1
    space = max(text.rfind(" ", 0, limit), text.rfind("\t", 0, limit))
    if space >= 0:
        return space + 1
    cut = limit
    # Never between CR and LF, nor before a combining mark or a joiner.
    while cut > 1 and (
        text[cut - 1] == "\r" or unicodedata.category(text[cut])[0] == "M" or text[cut] == "\u200d"
    ):
        cut -= 1
    return cut


def _positions(chunk: _Chunk, changes: Iterable[Change]) -> Iterator[tuple[int, int, Change]]:
    """Each change with its 1-based line and column in the input (changes come in input order)."""
    text = chunk.text
    line, line_start, position = chunk.line, -chunk.column, 0
    for change in changes:
        newlines = text.count("\n", position, change.start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", position, change.start) + 1
        position = change.start
        yield line, change.start - line_start + 1, change


# --- JSON Lines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Record:
    """One line of JSON Lines input: its text, the values of the fields, or what is wrong with it."""

    line: int
    text: str
    values: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def texts(self) -> Sequence[str]:
        return self.values


def _lines(pieces: Iterable[str]) -> Iterator[str]:
    """Split decoded text into lines ending in ``\\n`` (only ``\\n``: U+2028 may be inside a record)."""
    partial: list[str] = []
    for piece in pieces:
        parts = piece.split("\n")
        if len(parts) == 1:
            partial.append(piece)
            continue
        partial.append(parts[0])
        yield "".join(partial) + "\n"
        for part in parts[1:-1]:
            yield part + "\n"
        partial = [parts[-1]]
    rest = "".join(partial)
    if rest:
        yield rest


def _records(lines: Iterable[str], fields: list[tuple[str, tuple[str, ...]]]) -> Iterator[_Record]:
    for number, text in enumerate(lines, 1):
        if not text.strip(" \t\r\n"):
            yield _Record(number, text)
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            reason = error.msg.removesuffix(" at")  # "Unterminated string starting at"
            yield _Record(number, text, error=f"not valid JSON: {reason} at column {error.colno}")
            continue
        except RecursionError:
            yield _Record(number, text, error="not valid JSON: nested too deeply")
            continue
        values: list[str] = []
        problem = None
        for dotted, path in fields:
            value = _lookup(record, dotted, path)
            if isinstance(value, str):
                values.append(value)
            else:
                problem = value.problem
                break
        yield _Record(number, text, values if problem is None else [], problem)


@dataclass(frozen=True)
class _Missing:
    problem: str


def _lookup(record: object, dotted: str, path: tuple[str, ...]) -> str | _Missing:
    value = record
    for depth, key in enumerate(path):
        if not isinstance(value, dict):
            where = "the record" if depth == 0 else f"field {'.'.join(path[:depth])!r}"
            return _Missing(f"{where} is {_json_type(value)}, not an object")
        if key not in value:
            return _Missing(f"no field {dotted!r}")
        value = value[key]
    if not isinstance(value, str):
        return _Missing(f"field {dotted!r} is {_json_type(value)}, not a string")
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _spliced(
    text: str, fields: list[tuple[str, tuple[str, ...]]], before: list[str], after: list[str]
) -> str:
    """``text`` with the string literals of the changed fields replaced, every other byte kept."""
    edits: list[tuple[int, int, str]] = []
    for (_, path), old, new in zip(fields, before, after, strict=True):
        if old == new:
            continue
        span = _value_span(text, path)
        if span is None:  # Cannot happen for a record json.loads accepted; stay correct anyway.
            return _reserialized(text, fields, after)
        literal = text[span[0] : span[1]]
        ascii_only = literal.isascii() and "\\u" in literal  # Keep the literal's escaping style.
        edits.append((span[0], span[1], json.dumps(new, ensure_ascii=ascii_only)))
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _reserialized(text: str, fields: list[tuple[str, tuple[str, ...]]], values: list[str]) -> str:
    record = json.loads(text)
    for (_, path), value in zip(fields, values, strict=True):
        parent = record
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = value
    ending = text[len(text.rstrip("\r\n")) :]
    return json.dumps(record, ensure_ascii=False) + ending


def _value_span(text: str, path: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the value at ``path`` is spelled in the JSON ``text`` (the last duplicate key wins)."""
    position = _skip_space(text, 0)
    for key in path:
        found = _member_value(text, position, key)
        if found is None:
            return None
        position = found
    return position, _JSON.raw_decode(text, position)[1]


def _member_value(text: str, position: int, key: str) -> int | None:
    if text[position : position + 1] != "{":
        return None
    found = None
    position = _skip_space(text, position + 1)
    if text[position : position + 1] == "}":
        return None
    while True:
        name, position = _JSON.raw_decode(text, position)
        position = _skip_space(text, _skip_space(text, position) + 1)  # past the colon
        if name == key:
            found = position
        position = _skip_space(text, _JSON.raw_decode(text, position)[1])
        if text[position] == "}":
            return found
        position = _skip_space(text, position + 1)  # past the comma


def _skip_space(text: str, position: int) -> int:
    match = _JSON_SPACE.match(text, position)
    assert match is not None
    return match.end()


# --- reading and decoding ------------------------------------------------------------------------


@contextlib.contextmanager
def _opened(name: str, label: str) -> Iterator[BinaryIO]:
    if name == STDIN:
        yield sys.stdin.buffer
        return
    try:
        stream: BinaryIO = open(name, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise _Failure(label, error.strerror or str(error)) from None
    with stream:
        yield stream


def _byte_blocks(stream: BinaryIO, label: str, progress: Callable[[int], None]) -> Iterator[bytes]:
    read: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
    while True:
        try:
            block = read(READ_BYTES)
        except OSError as error:
            raise _Failure(label, f"cannot read: {error.strerror or error}") from None
        if not block:
            return
        progress(len(block))
        yield block


def _decode(blocks: Iterable[bytes], label: str, encoding: str) -> Iterator[str]:
    """Decode strictly; an undecodable byte is a :class:`_Failure` naming its offset and line."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    counts_lines = "\n\n".encode(encoding) == b"\n\n"
    consumed = lines = 0
    for block in itertools.chain(blocks, [b""]):
        try:
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            offset = consumed - len(decoder.getstate()[0]) + error.start
            where = f"byte offset {offset}"
            if counts_lines:
                line = lines + error.object[: error.start].count(b"\n") + 1
                where += f" (line {line})"
            bad = " ".join(f"0x{byte:02x}" for byte in error.object[error.start : error.end][:4])
            name = "UTF-8" if encoding == "utf-8" else encoding
            raise _Failure(
                label,
                f"invalid {name} at {where}: {error.reason} {bad}; "
                "choose the input's encoding with --encoding NAME, or --guess-encoding",
            ) from None
        consumed += len(block)
        if text:
            if counts_lines:
                lines += text.count("\n")
            yield text


def _decode_guessing(blocks: Iterator[bytes], label: str, outcome: _Outcome) -> Iterator[str]:
    """UTF-8 where it is valid; each other line decoded by :func:`ftfy.guess_bytes`."""
    first = b""
    while len(first) < 2:
        block = next(blocks, b"")
        if not block:
            break
        first += block
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):  # What guess_bytes decides for the whole file.
        outcome.guessed[_WHOLE_FILE_UTF16] = 1
        yield from _decode(itertools.chain([first], blocks), label, "utf-16")
        return
    carry = b""
    for block in itertools.chain([first], blocks):
        data = carry + block
        end = data.rfind(b"\n") + 1
        if not end and len(data) > READ_BYTES:  # A very long line: decode most of it now.
            end = len(data) - _incomplete_utf8_tail(data)
        if end:
            yield _decode_lines(data[:end], outcome)
        carry = data[end:]
    if carry:
        yield _decode_lines(carry, outcome)


def _decode_lines(data: bytes, outcome: _Outcome) -> str:
    """Whole lines of ``data`` as UTF-8, or each line that is not UTF-8 as guess_bytes decides."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from ftfy import guess_bytes

    decoded = []
    for line in data.split(b"\n"):
        line += b"\n"
        try:
            decoded.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            text, encoding = guess_bytes(line)
        except UnicodeDecodeError:  # A UTF-16 byte order mark at the start of a line that is not UTF-16.
            text, encoding = line.decode("sloppy-windows-1252"), "sloppy-windows-1252"
        decoded.append(text)
        outcome.guessed[encoding] = outcome.guessed.get(encoding, 0) + 1
    return "".join(decoded)[:-1]  # The last line got a line break it did not have.


_WHOLE_FILE_UTF16 = "utf-16 (by its byte order mark)"


def _guess_note(guessed: dict[str, int]) -> str:
    if _WHOLE_FILE_UTF16 in guessed:
        return f"not UTF-8; decoded as {_WHOLE_FILE_UTF16}"
    count = sum(guessed.values())
    lines = "line was" if count == 1 else "lines were"
    encodings = ", ".join(f"{encoding} ({n})" for encoding, n in sorted(guessed.items()))
    return f"{count} {lines} not UTF-8; decoded by ftfy.guess_bytes as {encodings}"


def _incomplete_utf8_tail(data: bytes) -> int:
    """How many bytes at the end of ``data`` start a UTF-8 sequence that is not complete."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:
            continue
        needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
        return back if byte >= 0xC0 and needed > back else 0
    return 0


# --- writing -------------------------------------------------------------------------------------


class _Sink:
    """Where cleaned text goes; ``commit`` makes it final, ``discard`` abandons it."""

    label = STDOUT_NAME

    def write(self, text: str) -> None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise _Failure(self.label, f"cannot encode the output as UTF-8: {error.reason}") from None
        try:
            self._write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _Failure(self.label, f"cannot write: {error.strerror or error}") from None

    def _write(self, data: bytes) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make the output final."""

    def discard(self) -> None:
        """Abandon the output (as far as possible)."""

    @contextlib.contextmanager
    def discarding_on_error(self) -> Iterator[None]:
        """Discard the output if anything at all — Ctrl-C and SIGTERM included — goes wrong."""
        try:
            yield
        except BaseException:
            self.discard()
            raise


class _StdoutSink(_Sink):
    def __init__(self) -> None:
        self._stream = sys.stdout.buffer

    def _write(self, data: bytes) -> None:
        self._stream.write(data)

    def commit(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _Failure(self.label, f"cannot write: {error.strerror or error}") from None


class _PlainFile(_Sink):
    """Output to a device or FIFO: written directly, nothing to make atomic."""

    def __init__(self, path: str) -> None:
        self.label = path
        try:
            self._stream: IO[bytes] = open(path, "wb")  # noqa: SIM115 - closed in commit/discard
        except OSError as error:
            raise _Failure(path, f"cannot write: {error.strerror or error}") from None

    def _write(self, data: bytes) -> None:
        self._stream.write(data)

    def commit(self) -> None:
        try:
            self._stream.close()
        except OSError as error:
            raise _Failure(self.label, f"cannot write: {error.strerror or error}") from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._stream.close()


class _AtomicFile(_Sink):
    """Output to a hidden temporary file beside ``target``, renamed over it on commit."""

    def __init__(self, target: str, label: str, mode: int, owner: tuple[int, int] | None = None) -> None:
        self.label = label
        self._target = target
        directory, base = os.path.split(target)
        directory = directory or "."
        try:
            descriptor, self._temp = tempfile.mkstemp(
                prefix=f".{base[:200]}{TEMP_PREFIX_TAIL}", suffix=TEMP_SUFFIX, dir=directory
            )
        except OSError as error:
            problem = error.strerror or str(error)
            raise _Failure(label, f"cannot write a temporary file in {directory}: {problem}") from None
        self._stream: IO[bytes] = os.fdopen(descriptor, "wb")
        self._done = False
        try:
            if owner is not None:
                with contextlib.suppress(OSError):  # Allowed only to root or within one's own groups.
                    os.fchown(descriptor, *owner)
            os.fchmod(descriptor, mode)
        except BaseException:
            self.discard()
            raise

    def _write(self, data: bytes) -> None:
        self._stream.write(data)

    def commit(self) -> None:
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            os.replace(self._temp, self._target)
        except OSError as error:
            self.discard()
            raise _Failure(self.label, f"cannot write: {error.strerror or error}") from None
        self._done = True

    def discard(self) -> None:
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError):
            self._stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temp)


def _open_output(path: str) -> _Sink:
    target = os.path.realpath(path)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise _Failure(path, f"cannot write: {error.strerror or error}") from None
    if status is None:
        return _AtomicFile(target, path, _new_file_mode())
    if not stat.S_ISREG(status.st_mode):
        return _PlainFile(path)
    return _AtomicFile(target, path, stat.S_IMODE(status.st_mode))


def _rewrite_of(name: str) -> _AtomicFile:
    target = os.path.realpath(name)
    try:
        status = os.stat(target)
    except OSError as error:
        raise _Failure(name, error.strerror or str(error)) from None
    if not stat.S_ISREG(status.st_mode):
        raise _Failure(name, "not a regular file; --in-place rewrites regular files only")
    return _AtomicFile(target, name, stat.S_IMODE(status.st_mode), (status.st_uid, status.st_gid))


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


# --- progress, signals, broken pipes -------------------------------------------------------------


class _Progress:
    """A tqdm bar of input bytes on stderr, shown only on a terminal and only for long runs."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar

    @classmethod
    def start(cls, settings: _Settings) -> _Progress:
        to_stdout = not (settings.in_place or settings.check) and settings.output in (None, STDIN)
        output_on_terminal = to_stdout and _isatty(sys.stdout)
        if settings.quiet or settings.explain or output_on_terminal or not _isatty(sys.stderr):
            return cls(None)
        from tqdm import tqdm  # type: ignore[import-untyped]

        total: int | None = 0
        for name in settings.files:
            try:
                size = os.stat(name).st_size if name != STDIN else None
            except OSError:
                size = None
            total = None if size is None or total is None else total + size
        bar = tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            delay=PROGRESS_DELAY,
            file=sys.stderr,
            leave=False,
            dynamic_ncols=True,
            desc=PROG,
        )
        return cls(bar)

    def update(self, size: int) -> None:
        if self._bar is not None:
            self._bar.update(size)

    def write(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _isatty(stream: IO[Any] | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


_MAIN_PID = os.getpid()


def _on_sigterm(signum: int, frame: types.FrameType | None) -> None:
    if os.getpid() != _MAIN_PID:  # A forked worker: die as if nobody had asked.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    raise _Terminated


def _handle_sigterm() -> Callable[[], None]:
    """Turn SIGTERM into an exception (so temporary files are removed); return the undo."""
    global _MAIN_PID
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    _MAIN_PID = os.getpid()
    previous = signal.signal(signal.SIGTERM, _on_sigterm)

    def restore() -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)

    return restore


def _silence_broken_streams() -> None:
    """After a broken pipe, point stdout (and stderr, if broken too) at /dev/null, so exit stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(devnull, stream.fileno())
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
