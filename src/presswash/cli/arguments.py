"""The command line: the parser, generated from :class:`~presswash.config.Config`, and its checks.

Every library option is a flag (``--NAME``, and ``--no-NAME`` for switches), with
its choices taken from the option's type and its defaults from the presets, so
a new option cannot be forgotten here.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import os
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from presswash import __version__
from presswash.cli.decoding import STDIN
from presswash.cli.errors import PROG
from presswash.config import PRESETS, Config, help_text


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
class Settings:
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


def parse_arguments(argv: list[str] | None) -> Settings:
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
    return Settings(
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
