"""Compact regular-expression character classes for the generated tables, written as Python source."""

from __future__ import annotations

from collections.abc import Iterable


def character_class(points: Iterable[int], gap: int = 1) -> str:
    """A compact ``re`` character-class body for the code ``points``, escaped as Python source.

    Ranges less than ``gap`` apart are joined, gaps included: with a ``gap`` above 1 the class is
    a superset with fewer ranges, which compiles and matches faster.

    >>> character_class({0xE0, 0xE1, 0xE2, 0x2019})
    '\\\\xe0-\\\\xe2\\\\u2019'
    """
    ranges: list[tuple[int, int]] = []
    for point in sorted(set(points)):
        if ranges and ranges[-1][1] >= point - gap:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))

    def escape(point: int) -> str:
        return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"

    return "".join(escape(low) if low == high else f"{escape(low)}-{escape(high)}" for low, high in ranges)
