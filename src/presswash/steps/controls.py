"""Remove control characters and terminal escape sequences.

Control characters have no business in text meant for reading: NUL bytes from
binary leftovers, backspaces and bells from terminals, DEL, and the C1 range
(U+0080–U+009F) that the mojibake step did not resolve. Terminal colour codes
(``ESC [ 31 m``) arrive with text copied from logs and consoles; they are
removed whole, not just their invisible ESC, so no ``[31m`` is left behind.

Tab and newline are kept. CR and NEXT LINE (U+0085) are line breaks, which the
line-break step owns, so they are kept here. So is anything whose removal
would pair two regional indicators into a flag (see
:mod:`presswash.steps.regional_indicators`).

    >>> Controls().fix("\\x1b[1;31mAlert\\x1b[0m: bad\\x00 byte\\x7f\\tend")
    'Alert: bad byte\\tend'
"""

from __future__ import annotations

import re

from presswash.step import PatternStep, compiled_class, fixed_lines_holding, replaced_where_found
from presswash.steps.regional_indicators import REGIONAL_INDICATOR, pairs_anew

# Everything below U+0020 except tab, LF and CR; DEL; C1 except U+0085 NEXT LINE.
CONTROL_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"

# ECMA-48 control sequences (CSI: ESC [ … final byte) and operating-system
# commands (OSC: ESC ] … BEL or ESC \), then any other two-character escape.
TERMINAL_ESCAPE = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"


class Controls(PatternStep):
    """Delete terminal escape sequences and control characters."""

    name = "controls"
    trigger = CONTROL_CHARACTERS
    pattern = re.compile(f"{TERMINAL_ESCAPE}|[{CONTROL_CHARACTERS}]+")

    def replace(self, match: re.Match[str]) -> str:
        if pairs_anew(match.string, match.start(), match.end()):
            return match.group()  # it keeps two regional indicators from showing as a flag
        return ""

    def fix_sieved(self, text: str, notable: str) -> str:
        if "\x1b" in notable:
            return self.fix(text)  # a whole escape sequence goes (an OSC one may span lines)
        if REGIONAL_INDICATOR.search(notable) is not None:
            # A deletion may pair two indicators, which a line break between them keeps apart.
            return fixed_lines_holding(text, set(self.trigger_pattern.findall(notable)), self.fix)
        return replaced_where_found(text, notable, self.trigger_pattern, _DELETED)


_DELETED = {chr(code): "" for code in range(0xA0) if compiled_class(CONTROL_CHARACTERS).match(chr(code))}
