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

The package, one module per concern (data flows top to bottom)::

    arguments.py     the parser, generated from Config, and its checks
    run.py           one invocation: to one output, in place, or --check
    decoding.py      opening inputs, strict decoding, --guess-encoding
    plain_text.py    documents cut at blank lines, with their positions
    jsonl.py         records, --field paths, literals spliced back in place
    engine.py        the units' texts cleaned in order, here or in workers
    output.py        standard output, devices, atomic files
    explanations.py  --explain lines, as text or JSON
    progress.py      the progress bar
    signals.py       Ctrl-C, SIGTERM and broken pipes
    errors.py        exit statuses and the failure of one input

A new input format gets its own reader module beside ``plain_text`` and
``jsonl``, and a branch in :class:`~presswash.cli.run.Run`.
"""

from __future__ import annotations

from presswash.cli.arguments import build_parser, parse_arguments
from presswash.cli.errors import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated
from presswash.cli.run import Run
from presswash.cli.signals import handle_sigterm, silence_broken_streams

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit status."""
    try:
        settings = parse_arguments(argv)
    except SystemExit as stop:  # --help, --version, usage errors: argparse has said why.
        return stop.code if isinstance(stop.code, int) else EXIT_ERROR
    restore = handle_sigterm()
    try:
        return Run(settings).run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    except BrokenPipeError:
        silence_broken_streams()
        return EXIT_BROKEN_PIPE
    finally:
        restore()
