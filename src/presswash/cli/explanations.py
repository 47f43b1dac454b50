"""``--explain``: one line on standard error per change, as text or as JSON.

Positions are 1-based and count characters of the decoded input; with ``--jsonl``
the line is the record's and the column counts within the field's value. The
text format shows each side with ``repr`` so that invisible characters are
visible; the JSON format escapes all non-ASCII for the same reason.

>>> from presswash.edits import Change
>>> change = Change("html", 4, 9, "&amp;", "&")
>>> describe_change("a.txt", 2, 5, change, None, as_json=False)
"a.txt:2:5: html: '&amp;' → '&'"
>>> print(describe_change("a.jsonl", 3, 5, change, "title", as_json=True))  # doctest: +NORMALIZE_WHITESPACE
{"file": "a.jsonl", "line": 3, "column": 5, "field": "title",
 "step": "html", "original": "&amp;", "replacement": "&"}
"""

from __future__ import annotations

import json

from presswash.edits import Change


def describe_change(
    label: str, line: int, column: int, change: Change, field: str | None, *, as_json: bool
) -> str:
    """One change of input ``label`` at ``line``:``column`` (in ``field`` of a JSON record, if named)."""
    if as_json:
        entry: dict[str, object] = {"file": label, "line": line, "column": column}
        if field is not None:
            entry["field"] = field
        entry.update(step=change.step, original=change.original, replacement=change.replacement)
        return json.dumps(entry)
    where = f"{change.step} in {field}" if field is not None else change.step
    return f"{label}:{line}:{column}: {where}: {change.original!r} → {change.replacement!r}"
