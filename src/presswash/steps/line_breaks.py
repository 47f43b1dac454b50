"""Turn every kind of line break into ``\\n``.

Windows (CRLF), classic Mac (CR), Unicode's LINE and PARAGRAPH SEPARATORS and
the C1 NEXT LINE all end lines in text that reaches a pipeline; downstream
tools split only on ``\\n``.

    >>> LineBreaks().fix("one\\r\\ntwo\\rthree\\u2028four\\x85five")
    'one\\ntwo\\nthree\\nfour\\nfive'
"""

from __future__ import annotations

import re

from presswash.step import PatternStep


class LineBreaks(PatternStep):
    """Replace CRLF, CR, U+2028, U+2029 and U+0085 with LF."""

    name = "line_breaks"
    trigger = "\r\x85\u2028\u2029"
    pattern = re.compile("\r\n|[\r\x85\u2028\u2029]")

    def replace(self, match: re.Match[str]) -> str:
        return "\n"
