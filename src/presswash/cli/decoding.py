"""Reading inputs and decoding them: strictly (errors name the byte offset and line), or by guessing."""

from __future__ import annotations

import codecs
import contextlib
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from presswash.cli.errors import Failure

READ_BYTES = 256 * 1024

STDIN = "-"
STDIN_NAME = "<stdin>"

# --- reading and decoding ------------------------------------------------------------------------


@contextlib.contextmanager
def opened(name: str, label: str) -> Iterator[BinaryIO]:
    if name == STDIN:
        yield sys.stdin.buffer
        return
    try:
        stream: BinaryIO = open(name, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise Failure(label, error.strerror or str(error)) from None
    with stream:
        yield stream


def byte_blocks(stream: BinaryIO, label: str, progress: Callable[[int], None]) -> Iterator[bytes]:
    read: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
    while True:
        try:
            block = read(READ_BYTES)
        except OSError as error:
            raise Failure(label, f"cannot read: {error.strerror or error}") from None
        if not block:
            return
        progress(len(block))
        yield block


def decode_strictly(blocks: Iterable[bytes], label: str, encoding: str) -> Iterator[str]:
    """Decode strictly; an undecodable byte is a :class:`Failure` naming its offset and line."""
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
            raise Failure(
                label,
                f"invalid {name} at {where}: {error.reason} {bad}; "
                "choose the input's encoding with --encoding NAME, or --guess-encoding",
            ) from None
        consumed += len(block)
        if text:
            if counts_lines:
                lines += text.count("\n")
            yield text


def decode_guessing(blocks: Iterator[bytes], label: str, guessed: dict[str, int]) -> Iterator[str]:
    """UTF-8 where it is valid; each other line decoded by :func:`ftfy.guess_bytes`."""
    first = b""
    while len(first) < 2:
        block = next(blocks, b"")
        if not block:
            break
        first += block
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):  # What guess_bytes decides for the whole file.
        guessed[_WHOLE_FILE_UTF16] = 1
        yield from decode_strictly(itertools.chain([first], blocks), label, "utf-16")
        return
    carry = b""
    for block in itertools.chain([first], blocks):
        data = carry + block
        end = data.rfind(b"\n") + 1
        if not end and len(data) > READ_BYTES:  # A very long line: decode most of it now.
            end = len(data) - _incomplete_utf8_tail(data)
        if end:
            yield _decode_lines(data[:end], guessed)
        carry = data[end:]
    if carry:
        yield _decode_lines(carry, guessed)


def _decode_lines(data: bytes, guessed: dict[str, int]) -> str:
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
        guessed[encoding] = guessed.get(encoding, 0) + 1
    return "".join(decoded)[:-1]  # The last line got a line break it did not have.


_WHOLE_FILE_UTF16 = "utf-16 (by its byte order mark)"


def guess_note(guessed: dict[str, int]) -> str:
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
