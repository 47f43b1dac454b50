"""ftfy's own loop of fixes on one segment of text, in O(n log n) time on any input.

The ``ftfy`` preset hands ftfy the lines where only ftfy's own procedure gives its
result (see :mod:`presswash.ftfy_compat`); this runs that procedure with one change
that cannot alter its output: normalization that no run of combining marks can slow
down to quadratic time.
"""

from __future__ import annotations

import ftfy
from ftfy import FIXERS, TextFixerConfig

from presswash.steps.normalization import normalize

# ftfy.fix_and_explain's fixes after mojibake, in its order.
FTFY_FIXES = (
    "fix_c1_controls",
    "fix_latin_ligatures",
    "fix_character_width",
    "uncurl_quotes",
    "fix_line_breaks",
    "fix_surrogates",
    "remove_terminal_escapes",
    "remove_control_chars",
)


def fix_segment(text: str, config: TextFixerConfig) -> str:
    """``ftfy.fix_text_segment(text, config)``, in O(n log n) time on any run of combining marks.

    This is ftfy's loop (``ftfy.fix_and_explain`` without explanation): its
    fixes in its order until a round changes nothing, each round ending with
    normalization. ftfy normalizes with ``unicodedata.normalize``, which a
    long run of marks in mixed order stalls; :func:`normalize` gives the same
    result without that cost, and the marks can come from any fix (entities
    such as ``&#769;`` decode to them), so every round uses it.

    >>> fix_segment("ca&amp;fe\u0301 \u201cok\u201d", TextFixerConfig(explain=False))
    'ca&fé "ok"'
    """
    if config.unescape_html == "auto" and "<" in text:
        config = config._replace(unescape_html=False)
    while True:
        before = text
        if config.unescape_html:
            text = FIXERS["unescape_html"](text)
        if config.fix_encoding:
            text = ftfy.fix_encoding(text)
        for fix in FTFY_FIXES:
            if getattr(config, fix):
                text = FIXERS[fix](text)
        if config.normalization is not None:
            text = normalize(config.normalization, text)
        if text == before:
            return text
