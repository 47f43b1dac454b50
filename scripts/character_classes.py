"""Compact regular-expression character classes for the generated tables, written as Python source."""

from __future__ import annotations

from collections.abc import Iterable


def class_items(points: Iterable[int], gap: int = 1) -> list[str]:
    """The items (single characters and ranges) of a compact ``re`` character-class body for the
    code ``points``, escaped as Python source.

    Ranges less than ``gap`` apart are joined, gaps included: with a ``gap`` above 1 the class is
    a superset with fewer ranges, which compiles and matches faster.

    >>> class_items({0xE0, 0xE1, 0xE2, 0x2019, 0x1D400})
    ['\\\\xe0-\\\\xe2', '\\\\u2019', '\\\\U0001d400']
    """
    ranges: list[tuple[int, int]] = []
    for point in sorted(set(points)):
        if ranges and ranges[-1][1] >= point - gap:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return [escaped(low) if low == high else f"{escaped(low)}-{escaped(high)}" for low, high in ranges]


def character_class(points: Iterable[int], gap: int = 1) -> str:
    """A compact ``re`` character-class body for the code ``points`` (see :func:`class_items`).

    >>> character_class({0xE0, 0xE1, 0xE2, 0x2019})
    '\\\\xe0-\\\\xe2\\\\u2019'
    """
    return "".join(class_items(points, gap))


def class_lines(points: Iterable[int], per_line: int) -> str:
    """A character-class body for ``points`` as the lines of a parenthesized string literal,
    ``per_line`` items a line."""
    items = class_items(points)
    return "\n".join(
        f'    "{"".join(items[start : start + per_line])}"' for start in range(0, len(items), per_line)
    )


def escaped(point: int) -> str:
    """``point`` as an escape in Python source (\\x, \\u or \\U)."""
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"
