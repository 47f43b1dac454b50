"""JSON Lines: records, dotted field paths, and changed string literals spliced into the original line.

A changed record keeps every byte outside the changed string literals, so key
order, spacing, number spellings and the escapes of other fields stay as they were.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON = json.JSONDecoder()

# --- JSON Lines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One line of JSON Lines input: its text, the values of the fields, or what is wrong with it."""

    line: int
    text: str
    values: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def texts(self) -> Sequence[str]:
        return self.values


def json_lines(pieces: Iterable[str]) -> Iterator[str]:
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


def records(lines: Iterable[str], fields: list[tuple[str, tuple[str, ...]]]) -> Iterator[Record]:
    for number, text in enumerate(lines, 1):
        if not text.strip(" \t\r\n"):
            yield Record(number, text)
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            reason = error.msg.removesuffix(" at")  # "Unterminated string starting at"
            yield Record(number, text, error=f"not valid JSON: {reason} at column {error.colno}")
            continue
        except RecursionError:
            yield Record(number, text, error="not valid JSON: nested too deeply")
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
        yield Record(number, text, values if problem is None else [], problem)


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


def spliced(text: str, fields: list[tuple[str, tuple[str, ...]]], before: list[str], after: list[str]) -> str:
    """``text`` with the string literals of the changed fields replaced, every other byte kept."""
    edits: list[tuple[int, int, str]] = []
    for (_, path), old, new in zip(fields, before, after, strict=True):
        if old == new:
            continue
        span = value_span(text, path)
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


def value_span(text: str, path: tuple[str, ...]) -> tuple[int, int] | None:
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
