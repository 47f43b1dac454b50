"""The ``presswash`` command, run for real: ``python -m presswash`` in a subprocess.

Each test states one promise of the command line (see ``presswash.cli``): what it
writes, where, with which exit status and which one-line message, and that files
are never left half-written. A few helpers of the module are also checked
directly, with hypothesis, where a subprocess per example would be too slow.
"""

from __future__ import annotations

import ctypes
import dataclasses
import fcntl
import hashlib
import itertools
import json
import os
import pty
import resource
import select
import shlex
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presswash.cli import jsonl, main
from presswash.cli.plain_text import documents
from presswash.cli.progress import PROGRESS_DELAY
from presswash.config import Config, help_text

COMMAND = [sys.executable, "-m", "presswash"]

DIRTY = "Mayor\u00e2\u20ac\u2122s plan\u200b is \ufb01ne &amp; done.\n"
CLEAN = "Mayor\u2019s plan is fine & done.\n"


def presswash(*args: object, stdin: bytes = b"", **options: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], input=stdin, capture_output=True, timeout=120, **options
    )


def start(*args: object, **options: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*COMMAND, *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **options,
    )


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def news(paragraphs: int, dirty_every: int = 7) -> str:
    """Blank-line-separated news-like documents; every ``dirty_every``-th paragraph needs cleaning."""
    lines = []
    for number in range(paragraphs):
        line = f"Paragraph {number}: the council\u2019s budget \u2013 \u00a3{number}m \u2013 passed."
        if number % dirty_every == 0:
            line = f"Paragraph {number}: {DIRTY.strip()}"
        lines.append(line + "\n")
        if number % 5 == 4:
            lines.append("\n")
    return "".join(lines)


def hidden_temporaries(directory: Path) -> list[str]:
    return sorted(name for name in os.listdir(directory) if ".presswash-" in name)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def big_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few MB of news with plenty to repair: cleaning it takes a while."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    write(path, news(60_000, dirty_every=2))
    return path


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert process.poll() is None, f"presswash ended before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


# --- files, standard input and output -------------------------------------------------------------


def test_stdin_to_stdout() -> None:
    result = presswash(stdin=DIRTY.encode())
    assert (result.returncode, result.stdout.decode(), result.stderr) == (0, CLEAN, b"")


def test_files_and_dash_are_read_in_order(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", "one\u200b\n")
    second = write(tmp_path / "second.txt", "three\ufb01\n")
    result = presswash(first, "-", second, stdin=b"two&amp;\n")
    assert (result.returncode, result.stdout.decode(), result.stderr) == (0, "one\ntwo&\nthreefi\n", b"")


def test_output_file(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", DIRTY)
    target = tmp_path / "out.txt"
    result = presswash("-o", target, source)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert target.read_text(encoding="utf-8") == CLEAN
    assert hidden_temporaries(tmp_path) == []


def test_output_file_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", DIRTY)
    target = write(tmp_path / "out.txt", "old\n")
    target.chmod(0o640)
    assert presswash("-o", target, source).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == CLEAN


def test_output_file_is_untouched_when_an_input_fails(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", DIRTY)
    target = write(tmp_path / "out.txt", "old\n")
    missing = tmp_path / "missing.txt"
    result = presswash("-o", target, source, missing)
    assert result.returncode == 2
    assert result.stderr.decode() == f"presswash: {missing}: No such file or directory\n"
    assert target.read_text() == "old\n"
    assert hidden_temporaries(tmp_path) == []


def test_output_into_a_path_whose_parent_is_a_file_fails_cleanly(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", DIRTY)
    parent = write(tmp_path / "afile", "not a directory\n")
    target = parent / "out.txt"
    result = presswash("-o", target, source)
    assert result.returncode == 2
    assert result.stderr.decode() == f"presswash: {target}: cannot write: Not a directory\n"
    assert sorted(os.listdir(tmp_path)) == ["afile", "in.txt"]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = presswash(tmp_path / "nope.txt")
    assert (missing.returncode, missing.stdout) == (2, b"")
    assert missing.stderr.decode() == f"presswash: {tmp_path / 'nope.txt'}: No such file or directory\n"
    directory = presswash(tmp_path)
    assert directory.returncode == 2
    assert directory.stderr.decode() == f"presswash: {tmp_path}: Is a directory\n"


# --- in place ----------------------------------------------------------------------------------


def test_in_place_rewrites_and_keeps_the_mode(tmp_path: Path) -> None:
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    dirty.chmod(0o754)
    clean = write(tmp_path / "clean.txt", CLEAN)
    clean_inode = clean.stat().st_ino
    result = presswash("--in-place", dirty, clean)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert dirty.read_text(encoding="utf-8") == CLEAN
    assert stat.S_IMODE(dirty.stat().st_mode) == 0o754
    assert clean.stat().st_ino == clean_inode  # Nothing to change: not rewritten at all.
    assert hidden_temporaries(tmp_path) == []


def test_in_place_follows_a_symbolic_link(tmp_path: Path) -> None:
    target = write(tmp_path / "target.txt", DIRTY)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert presswash("-i", link).returncode == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == CLEAN


def test_in_place_refuses_standard_input() -> None:
    result = presswash("--in-place", "-")
    assert result.returncode == 2
    assert b"usage:" in result.stderr
    assert b"cannot rewrite standard input" in result.stderr


def _without_root_override() -> None:
    """In the child: give up CAP_DAC_OVERRIDE, so that root too is refused a read-only directory."""
    pr_capbset_drop, cap_dac_override = 24, 1
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(pr_capbset_drop, cap_dac_override, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE)")


def test_in_place_in_a_read_only_directory_fails_cleanly(tmp_path: Path) -> None:
    directory = tmp_path / "read-only"
    directory.mkdir()
    target = write(directory / "a.txt", DIRTY)
    directory.chmod(0o555)
    # Root writes into read-only directories anyway; the child then drops that privilege.
    as_root = os.geteuid() == 0
    try:
        result = presswash("--in-place", target, preexec_fn=_without_root_override if as_root else None)
    except subprocess.SubprocessError as error:
        pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE to simulate it: {error}")
    finally:
        directory.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"presswash: {target}: cannot write a temporary file in {directory}: Permission denied\n"
    )
    assert target.read_text(encoding="utf-8") == DIRTY
    assert os.listdir(directory) == ["a.txt"]


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_in_place_failing_half_way_leaves_the_original(tmp_path: Path) -> None:
    # A file-size limit makes the write fail after 20 kB, for root as for anyone.
    target = write(tmp_path / "long.txt", news(3000))
    before = digest(target)
    result = presswash("--in-place", target, preexec_fn=_limit_file_size)
    assert result.returncode == 2
    assert result.stderr.decode() == f"presswash: {target}: cannot write: File too large\n"
    assert digest(target) == before
    assert hidden_temporaries(tmp_path) == []


def _in_place_run_under_way(tmp_path: Path, big_text: Path) -> tuple[Path, str, subprocess.Popen[bytes]]:
    """A copy of the big text, its digest, and an in-place run that has started writing."""
    target = tmp_path / "big.txt"
    target.write_bytes(big_text.read_bytes())
    before = digest(target)
    process = start("--in-place", target)
    wait_for(lambda: bool(hidden_temporaries(tmp_path)), process, "the temporary file")
    return target, before, process


def test_in_place_killed_half_way_leaves_the_original(tmp_path: Path, big_text: Path) -> None:
    target, before, process = _in_place_run_under_way(tmp_path, big_text)
    process.kill()
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert digest(target) == before
    # SIGKILL leaves no chance to clean up: what remains is one hidden, clearly named file.
    leftovers = hidden_temporaries(tmp_path)
    assert len(leftovers) == 1
    assert leftovers[0].startswith(".big.txt.presswash-")
    assert leftovers[0].endswith(".tmp")
    assert sorted(os.listdir(tmp_path)) == sorted(["big.txt", *leftovers])


# --- signals and pipes ---------------------------------------------------------------------------


def test_ctrl_c_exits_130_quietly_and_leaves_the_original(tmp_path: Path, big_text: Path) -> None:
    target, before, process = _in_place_run_under_way(tmp_path, big_text)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert (process.returncode, stderr) == (130, b"")
    assert digest(target) == before
    assert hidden_temporaries(tmp_path) == []  # Removed on the way out.


@pytest.mark.parametrize("where", [["--in-place"], ["-o", "out.txt"]])
def test_ctrl_c_just_as_the_temporary_file_appears_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: list[str]
) -> None:
    """A Ctrl-C that arrives the moment the temporary file exists, before anything is written to
    it, is an interruption like any other: the file is removed on the way out."""
    source = write(tmp_path / "in.txt", DIRTY)
    making = tempfile.mkstemp

    def made_then_interrupted(*args: Any, **kwargs: Any) -> tuple[int, str]:
        made = making(*args, **kwargs)
        # To this thread, as a Ctrl-C reaches the command's only thread: a signal to the process
        # may be taken by a thread of a library the test run has imported, which does not block it.
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
        return made

    monkeypatch.setattr(tempfile, "mkstemp", made_then_interrupted)
    monkeypatch.chdir(tmp_path)
    assert main([*where, str(source)]) == 130
    assert hidden_temporaries(tmp_path) == []
    assert source.read_text(encoding="utf-8") == DIRTY


@pytest.mark.parametrize(("signal_number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_to_workers_and_all_exits_cleanly(
    tmp_path: Path, big_text: Path, signal_number: signal.Signals, status: int
) -> None:
    # A terminal's Ctrl-C signals the whole process group: the workers as well.
    target = tmp_path / "out.txt"
    process = start("--jobs", "2", "-o", target, big_text, start_new_session=True)
    wait_for(lambda: bool(hidden_temporaries(tmp_path)), process, "the temporary file")
    time.sleep(0.5)
    os.killpg(process.pid, signal_number)
    _, stderr = process.communicate(timeout=30)
    assert (process.returncode, stderr) == (status, b"")
    assert os.listdir(tmp_path) == []


def test_pipe_into_head_closes_quietly(tmp_path: Path) -> None:
    source = write(tmp_path / "long.txt", news(40_000))
    command = f"{shlex.join([*COMMAND, str(source)])} | head -n 2"
    result = subprocess.run(command, shell=True, capture_output=True, timeout=120)
    assert result.stdout.decode().splitlines() == [
        f"Paragraph 0: {CLEAN.strip()}",
        "Paragraph 1: the council\u2019s budget \u2013 \u00a31m \u2013 passed.",
    ]
    assert result.stderr == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_stdout_exits_141_without_a_traceback(tmp_path: Path, jobs: str) -> None:
    source = write(tmp_path / "long.txt", news(40_000))
    process = subprocess.Popen(
        [*COMMAND, "--jobs", jobs, str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1000)
    process.stdout.close()
    stderr = process.stderr.read()
    assert (process.wait(timeout=60), stderr) == (141, b"")


# --- --check and --explain -----------------------------------------------------------------------


def test_check_exit_codes_and_listing(tmp_path: Path) -> None:
    clean = write(tmp_path / "clean.txt", CLEAN)
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    none_changed = presswash("--check", clean)
    assert (none_changed.returncode, none_changed.stdout) == (0, b"")
    assert none_changed.stderr.decode() == "presswash: 0 of 1 input would change\n"
    some_changed = presswash("--check", "--quiet", clean, dirty)
    assert (some_changed.returncode, some_changed.stdout.decode(), some_changed.stderr) == (
        1,
        f"{dirty}\n",
        b"",
    )
    assert dirty.read_text(encoding="utf-8") == DIRTY  # --check changes nothing.
    failed = presswash("--check", "-q", dirty, tmp_path / "missing.txt")
    assert failed.returncode == 2
    assert failed.stdout.decode() == f"{dirty}\n"


def test_check_on_stdin_lists_line_numbers() -> None:
    text = f"fine\n{DIRTY}fine\n\nalso fine\nsoft\u00adhyphen\n"
    result = presswash("--check", "-q", stdin=text.encode())
    assert (result.returncode, result.stdout.decode()) == (1, "<stdin>:2\n<stdin>:6\n")


def test_check_cannot_be_combined_with_writing() -> None:
    result = presswash("--check", "--in-place", "x.txt")
    assert result.returncode == 2
    assert b"not allowed with argument" in result.stderr


def test_explain_as_text(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", f"ok\n\nx {DIRTY}")
    result = presswash("--explain", source)
    assert (result.returncode, result.stdout.decode()) == (0, f"ok\n\nx {CLEAN}")
    assert result.stderr.decode().splitlines() == [
        f"{source}:3:8: mojibake: 'â€™' → '’' (utf-8 read as windows-1252)",
        f"{source}:3:17: invisible: '\\u200b' → ''",
        f"{source}:3:22: ligatures: 'ﬁ' → 'fi'",
        f"{source}:3:26: html: '&amp;' → '&'",
    ]


def test_explain_as_json_lines(tmp_path: Path) -> None:
    result = presswash("--explain-format", "json", stdin=f"ok\n{DIRTY}".encode())
    assert (result.returncode, result.stdout.decode()) == (0, f"ok\n{CLEAN}")
    changes = [json.loads(line) for line in result.stderr.decode().splitlines()]
    expected = [
        (6, "mojibake", "â€™", "’", (8, 11), (8, 9)),
        (15, "invisible", "\u200b", "", (17, 18), (15, 15)),
        (20, "ligatures", "ﬁ", "fi", (22, 23), (19, 21)),
        (24, "html", "&amp;", "&", (26, 31), (24, 25)),
    ]
    assert [{key: value for key, value in change.items() if key != "detail"} for change in changes] == [
        {
            "file": "<stdin>",
            "line": 2,
            "column": column,
            "step": step,
            "original": old,
            "replacement": new,
            "input_start": input_span[0],
            "input_end": input_span[1],
            "output_start": output_span[0],
            "output_end": output_span[1],
        }
        for column, step, old, new, input_span, output_span in expected
    ]
    assert [change.get("detail") for change in changes] == ["utf-8 read as windows-1252", None, None, None]
    # Each column points at the original text of its change in the input line.
    line = DIRTY
    for change in changes:
        start = change["column"] - 1
        assert line[start : start + len(change["original"])] == change["original"]


def test_explain_json_offsets_point_into_the_whole_input_and_output() -> None:
    # Three documents (a blank line ends one), cleaned apart: offsets still count from the start.
    text = f"ok\n\n{DIRTY}\n\u00bfQu\u00c3\u00a9 &eacute;?\n\n{DIRTY}"
    result = presswash("--explain-format", "json", stdin=text.encode())
    output = result.stdout.decode()
    changes = [json.loads(line) for line in result.stderr.decode().splitlines()]
    assert len(changes) == 10
    for change in changes:
        assert text[change["input_start"] : change["input_end"]] == change["original"]
        assert output[change["output_start"] : change["output_end"]] == change["replacement"]
    assert [(c["original"], c["output_start"]) for c in changes[4:6]] == [("Ã©", 37), ("&eacute;", 39)]


# --- options -------------------------------------------------------------------------------------


def test_every_library_option_is_a_flag_with_its_help() -> None:
    result = presswash("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.decode().split())
    for option in dataclasses.fields(Config):
        flag = "--" + option.name.replace("_", "-")
        assert flag in text
        assert " ".join(help_text(option.name).split()) in text
    for switch in ("--no-styled", "--no-mojibake", "--ascii", "--quotes {repair,straight,keep}"):
        assert switch in text
    assert "--normalization {NFC,NFKC,none}" in text


def test_options_override_only_what_they_name() -> None:
    text = "\u201chi\u201d &amp; caf\u00c3\u00a9\n"
    assert presswash(stdin=text.encode()).stdout.decode() == "\u201chi\u201d & caf\u00e9\n"
    no_html = presswash("--no-html", "--quotes", "straight", stdin=text.encode())
    assert no_html.stdout.decode() == '"hi" &amp; caf\u00e9\n'
    ascii_preset = presswash("--preset", "ascii", "--no-mojibake", stdin=text.encode())
    assert ascii_preset.stdout.decode() == '"hi" & cafA(c)\n'


def test_bad_options_exit_2() -> None:
    preset = presswash("--preset", "nope", stdin=b"x\n")
    assert (preset.returncode, preset.stdout) == (2, b"")
    presets = "'news', 'ftfy', 'ascii'"
    assert preset.stderr.decode() == f"presswash: unknown preset 'nope'; presets are: {presets}\n"
    unknown = presswash("--frobnicate")
    assert unknown.returncode == 2
    assert unknown.stderr.decode().startswith("usage: presswash")
    assert "unrecognized arguments: --frobnicate" in unknown.stderr.decode()
    choice = presswash("--quotes", "curly")
    assert choice.returncode == 2
    assert "invalid choice: 'curly'" in choice.stderr.decode()


# --- encodings -----------------------------------------------------------------------------------


def test_invalid_utf8_is_an_error_naming_file_offset_and_line(tmp_path: Path) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes(b"ok line\nsecond caf\xe9 line\n")
    result = presswash(source)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        f"presswash: {source}: invalid UTF-8 at byte offset 18 (line 2): invalid continuation byte "
        "0xe9; choose the input's encoding with --encoding NAME, or --guess-encoding\n"
    )
    from_stdin = presswash(stdin=b"abc\xc3")
    assert from_stdin.returncode == 2
    assert from_stdin.stderr.decode().startswith(
        "presswash: <stdin>: invalid UTF-8 at byte offset 3 (line 1): unexpected end of data 0xc3;"
    )


def test_guess_encoding_decodes_the_lines_that_are_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "mixed.txt"
    source.write_bytes("na\u00efve UTF-8\n".encode() + b"caf\xe9 \x93quoted\x94\n")
    result = presswash("--guess-encoding", source)
    assert result.returncode == 0
    assert result.stdout.decode() == "na\u00efve UTF-8\ncaf\u00e9 \u201cquoted\u201d\n"
    assert result.stderr.decode() == (
        f"presswash: {source}: 1 line was not UTF-8; decoded by ftfy.guess_bytes as sloppy-windows-1252 (1)\n"
    )


def test_guess_encoding_takes_a_utf16_byte_order_mark_for_the_whole_file() -> None:
    result = presswash("--guess-encoding", "-q", stdin="caf\u00e9\nna\u00efve\n".encode("utf-16"))
    assert (result.returncode, result.stdout.decode()) == (0, "caf\u00e9\nna\u00efve\n")


def test_in_place_writes_guessed_input_back_as_utf8(tmp_path: Path) -> None:
    source = tmp_path / "cp1252.txt"
    source.write_bytes(b"caf\xe9 \x93ok\x94\n")
    result = presswash("--in-place", "--guess-encoding", "--quiet", source)
    assert (result.returncode, result.stderr) == (0, b"")
    assert source.read_bytes() == "caf\u00e9 \u201cok\u201d\n".encode()


def test_named_encoding(tmp_path: Path) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes("caf\u00e9 \u00a35\n".encode("latin-1"))
    result = presswash("--encoding", "latin-1", source)
    assert (result.returncode, result.stdout.decode(), result.stderr) == (0, "caf\u00e9 \u00a35\n", b"")
    unknown = presswash("--encoding", "klingon", source)
    assert unknown.returncode == 2
    assert "unknown encoding 'klingon'" in unknown.stderr.decode()


# --- JSON Lines ----------------------------------------------------------------------------------

JSONL_IN = (
    '{"id": 1, "text": "already clean", "n": 1.50, "x": "caf\\u00e9"}\n'
    '{"id":2,"text":"Mayor\u00e2\u20ac\u2122s plan","meta":{"title":"\\ufb01ne &amp; dandy","n":1e5},'
    '"other":"\\u00e9", "sep": "a\u2028b"}\n'
    "\n"
    '{ "text" : "ok\\u200b" ,"meta": {"title": "x"}, "z": [1, 2.0, null]}\r\n'
    '{"text": "last &amp; no newline", "meta": {"title": "t"}}'
)
JSONL_OUT = (
    '{"id": 1, "text": "already clean", "n": 1.50, "x": "caf\\u00e9"}\n'
    '{"id":2,"text":"Mayor\u2019s plan","meta":{"title":"fine & dandy","n":1e5},'
    '"other":"\\u00e9", "sep": "a\u2028b"}\n'
    "\n"
    '{ "text" : "ok" ,"meta": {"title": "x"}, "z": [1, 2.0, null]}\r\n'
    '{"text": "last & no newline", "meta": {"title": "t"}}'
)


def test_jsonl_changes_only_the_fields_and_keeps_every_other_byte(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", JSONL_IN.replace('"id": 1, ', '"id": 1, "meta": {"title": "a"}, '))
    result = presswash("--jsonl", "--field", "text", "--field", "meta.title", source)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode() == JSONL_OUT.replace('"id": 1, ', '"id": 1, "meta": {"title": "a"}, ')


def test_jsonl_default_field_is_text() -> None:
    result = presswash("--jsonl", stdin=JSONL_IN.encode())
    expected = JSONL_OUT.replace("fine & dandy", "\\ufb01ne &amp; dandy")
    assert (result.returncode, result.stdout.decode()) == (0, expected)


BAD_JSONL = '{"text": "a&amp;"}\nnot json\n{"id": 3}\n{"text": 4}\n{"text": "b\u200b"}\n'


def test_jsonl_bad_record_fails_by_default(tmp_path: Path) -> None:
    source = write(tmp_path / "bad.jsonl", BAD_JSONL)
    result = presswash("--jsonl", source)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"presswash: {source}: line 2: not valid JSON: Expecting value at column 1\n"
    )
    # Written elsewhere, nothing is written; in place, the original stays.
    target = tmp_path / "out.jsonl"
    assert presswash("--jsonl", "-o", target, source).returncode == 2
    assert not target.exists()
    assert presswash("--jsonl", "--in-place", source).returncode == 2
    assert source.read_text(encoding="utf-8") == BAD_JSONL
    assert hidden_temporaries(tmp_path) == []


def test_jsonl_bad_records_skipped_or_kept_are_counted(tmp_path: Path) -> None:
    source = write(tmp_path / "bad.jsonl", BAD_JSONL)
    skipped = presswash("--jsonl", "--on-error", "skip", source)
    assert (skipped.returncode, skipped.stdout.decode()) == (0, '{"text": "a&"}\n{"text": "b"}\n')
    assert skipped.stderr.decode().splitlines() == [
        f"presswash: {source}: line 2: not valid JSON: Expecting value at column 1 (skipped)",
        f"presswash: {source}: line 3: no field 'text' (skipped)",
        f"presswash: {source}: line 4: field 'text' is a number, not a string (skipped)",
        f"presswash: {source}: 3 records with errors skipped",
    ]
    kept = presswash("--jsonl", "--on-error", "keep", "--quiet", source)
    assert kept.returncode == 0
    assert kept.stdout.decode() == BAD_JSONL.replace("a&amp;", "a&").replace("\u200b", "")
    assert kept.stderr.decode() == f"presswash: {source}: 3 records with errors kept unchanged\n"


def test_jsonl_errors_say_what_is_wrong_where() -> None:
    records = '[1, 2]\n{"meta": "x"}\n{"meta": {"title": null}}\n{"meta": {"title": "ok"}}\n'
    result = presswash("--jsonl", "--field", "meta.title", "--on-error", "skip", stdin=records.encode())
    assert (result.returncode, result.stdout.decode()) == (0, '{"meta": {"title": "ok"}}\n')
    assert result.stderr.decode().splitlines() == [
        "presswash: <stdin>: line 1: the record is an array, not an object (skipped)",
        "presswash: <stdin>: line 2: field 'meta' is a string, not an object (skipped)",
        "presswash: <stdin>: line 3: field 'meta.title' is null, not a string (skipped)",
        "presswash: <stdin>: 3 records with errors skipped",
    ]


def test_jsonl_explain_names_the_field() -> None:
    record = '{"text": "x", "meta": {"title": "\\ufb01ne"}}\n'
    result = presswash("--jsonl", "--field", "meta.title", "--explain-format", "json", stdin=record.encode())
    assert json.loads(result.stderr) == {
        "file": "<stdin>",
        "line": 1,
        "column": 1,
        "field": "meta.title",
        "step": "ligatures",
        "original": "ﬁ",
        "replacement": "fi",
        "input_start": 0,
        "input_end": 1,
        "output_start": 0,
        "output_end": 2,
    }
    assert result.stdout.decode() == '{"text": "x", "meta": {"title": "fine"}}\n'


def test_jsonl_check_on_stdin_lists_records() -> None:
    result = presswash("--jsonl", "--check", "-q", "--on-error", "keep", stdin=BAD_JSONL.encode())
    assert (result.returncode, result.stdout.decode()) == (1, "<stdin>:1\n<stdin>:5\n")


# --- parallel ------------------------------------------------------------------------------------


def test_jobs_2_gives_the_output_of_jobs_1(tmp_path: Path) -> None:
    source = write(tmp_path / "news.txt", news(4000))
    one = presswash("--jobs", "1", source)
    two = presswash("--jobs", "2", source)
    assert (one.returncode, two.returncode, two.stderr) == (0, 0, b"")
    assert one.stdout == two.stdout
    assert one.stdout.decode() == "".join(
        line.replace(DIRTY.strip(), CLEAN.strip()) for line in news(4000).splitlines(keepends=True)
    )


def test_jobs_2_on_jsonl_keeps_the_order_of_the_records(tmp_path: Path) -> None:
    lines = []
    for number in range(3000):
        if number % 97 == 0:
            lines.append("\n" if number % 2 else "broken {\n")
        else:
            lines.append(json.dumps({"n": number, "text": f"{number} {DIRTY}"}, ensure_ascii=False) + "\n")
    source = write(tmp_path / "records.jsonl", "".join(lines))
    one = presswash("--jsonl", "--on-error", "keep", "-q", source)
    two = presswash("--jsonl", "--on-error", "keep", "-q", "--jobs", "2", source)
    assert (one.returncode, two.returncode) == (0, 0)
    assert one.stdout == two.stdout
    assert one.stdout.decode().count(CLEAN.strip()) == 3000 - 31


# --- progress bar --------------------------------------------------------------------------------


def _stderr_on_a_terminal(*args: str) -> bytes:
    """Run with stderr on a pseudo-terminal, feeding stdin slowly; return what reached the terminal."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # 80 columns
    process = subprocess.Popen(
        [*COMMAND, *args], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=terminal
    )
    os.close(terminal)
    assert process.stdin is not None
    chunk = news(2000, dirty_every=10**9).encode()
    process.stdin.write(chunk)
    process.stdin.flush()
    time.sleep(PROGRESS_DELAY + 0.5)
    process.stdin.write(chunk)
    process.stdin.close()
    shown = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(controller, 65536)
        except OSError:  # The terminal closed: the process has ended.
            break
        if not data:
            break
        shown += data
    os.close(controller)
    assert process.wait(timeout=30) == 0
    return shown


def test_progress_bar_on_a_terminal_for_long_runs() -> None:
    shown = _stderr_on_a_terminal()
    assert b"presswash: " in shown
    assert b"B/s" in shown


def test_no_progress_bar_with_quiet() -> None:
    assert _stderr_on_a_terminal("--quiet") == b""


# --- helpers, directly -------------------------------------------------------------------------


@given(st.text(alphabet="ab \t\r\n\u0301\u200d", max_size=80), st.integers(min_value=2, max_value=12))
def test_documents_are_bounded_and_lose_nothing(text: str, limit: int) -> None:
    chunks = list(documents([text[:17], text[17:]], limit))
    assert "".join(chunks) == text
    assert all(0 < len(chunk) <= limit for chunk in chunks)
    # A chunk ends at a blank line, at the limit, or at the end of the text; never inside CRLF.
    for chunk, following in itertools.pairwise(chunks):
        assert not (chunk.endswith("\r") and following.startswith("\n"))


def test_documents_end_after_blank_lines() -> None:
    text = "a\nb\n\nc\n \t\nd"
    assert list(documents([text])) == ["a\nb\n\n", "c\n \t\n", "d"]


json_strings = st.text(st.characters(codec="utf-8"), max_size=8)


@given(
    st.dictionaries(st.sampled_from("abcd"), json_strings, min_size=1),
    json_strings,
    st.booleans(),
    st.sampled_from([(", ", ": "), (",", ":"), (" , ", " : ")]),
)
def test_splicing_replaces_one_literal_and_keeps_the_rest(
    record: dict[str, str], new: str, ascii_only: bool, separators: tuple[str, str]
) -> None:
    key = sorted(record)[0]
    document = {"outer": record, "n": 1.50}
    text = json.dumps(document, ensure_ascii=ascii_only, separators=separators) + "\n"
    spliced = jsonl.spliced(text, [(f"outer.{key}", ("outer", key))], [record[key]], [new])
    assert json.loads(spliced) == {"outer": {**record, key: new}, "n": 1.5}
    span = jsonl.value_span(text, ("outer", key))
    assert span is not None
    assert spliced.startswith(text[: span[0]])
    assert spliced.endswith(text[span[1] :])
