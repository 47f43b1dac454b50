"""``--explain``: one line on standard error per change, as text or as JSON.

Positions are 1-based and count characters of the decoded input; with ``--jsonl``
the line is the record's and the column counts within the field's value. The
text format shows each side with ``repr`` so that invisible characters are
visible; the JSON format escapes all non-ASCII for the same reason. Where the
step said what it undid (the misread behind a mojibake repair), it follows in
brackets, or as ``"detail"``.

The JSON format also gives each change's offsets, 0-based and end-exclusive, in
characters (code points): ``input_start``/``input_end`` in the decoded input, and
``output_start``/``output_end`` in the cleaned output (with ``--jsonl``, both in
the field's value), so that a tool can align the two texts (see
:mod:`presswash.alignment`).

>>> from presswash.edits import Change
>>> change = Change("html", 4, 9, "&amp;", "&", 4)
>>> describe_change("a.txt", 2, 5, change, None, as_json=False)
"a.txt:2:5: html: '&amp;' → '&'"
>>> misread = Change("mojibake", 3, 5, "Г©", "é", 3, "utf-8 read as windows-1251")
>>> describe_change("a.txt", 1, 4, misread, None, as_json=False)
"a.txt:1:4: mojibake: 'Г©' → 'é' (utf-8 read as windows-1251)"
>>> print(describe_change("a.jsonl", 3, 5, change, "title", as_json=True))  # doctest: +NORMALIZE_WHITESPACE
{"file": "a.jsonl", "line": 3, "column": 5, "field": "title",
 "step": "html", "original": "&amp;", "replacement": "&",
 "input_start": 4, "input_end": 9, "output_start": 4, "output_end": 5}
"""

from __future__ import annotations

import json

from presswash.edits import Change


def describe_change(
    label: str,
    line: int,
    column: int,
    change: Change,
    field: str | None,
    *,
    as_json: bool,
    base: tuple[int, int] = (0, 0),
) -> str:
    """One change of input ``label`` at ``line``:``column`` (in ``field`` of a JSON record, if named).

    ``base`` is where the text the change was found in starts, in the input and
    in the output (a file is cleaned in chunks, and its changes count within them).
    """
    if as_json:
        entry: dict[str, object] = {"file": label, "line": line, "column": column}
        if field is not None:
            entry["field"] = field
        entry.update(step=change.step, original=change.original, replacement=change.replacement)
        input_base, output_base = base
        entry.update(
            input_start=input_base + change.start,
            input_end=input_base + change.end,
            output_start=output_base + change.output_start,
            output_end=output_base + change.output_end,
        )
        if change.detail:
            entry["detail"] = change.detail
        return json.dumps(entry)
    where = f"{change.step} in {field}" if field is not None else change.step
    detail = f" ({change.detail})" if change.detail else ""
    return f"{label}:{line}:{column}: {where}: {change.original!r} → {change.replacement!r}{detail}"
