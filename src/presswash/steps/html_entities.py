"""Decode HTML entities that leaked into plain text.

Scraped and syndicated news is full of ``&amp;``, ``&rsquo;`` and ``&#8217;``:
markup escapes that survived the trip out of HTML. They are decoded with
ftfy's unescaping (only unambiguous entities: named ones that end in ``;``,
numeric references, and the upper-cased forms of common letters).

ftfy refuses to decode anything in a whole document once it has seen one ``<``,
since entities in real HTML are meant. That rule costs good lines in plain text
that merely mentions ``a < b`` or embeds one line of markup. Here the decision
is made per line, and on evidence of markup rather than of a bare ``<``: a line
that contains an HTML tag keeps its entities; every other line is decoded.

    >>> step = HtmlEntities()
    >>> step.fix("Mayor&rsquo;s &amp; council&#8217;s plan")
    'Mayor’s & council’s plan'
    >>> step.fix("<p>Fish &amp; chips</p>\\n2 < 3 &amp; 4 > 1")
    '<p>Fish &amp; chips</p>\\n2 < 3 & 4 > 1'
    >>> step.fix("double escaped: &amp;rsquo;")
    'double escaped: ’'
    >>> step.fix("this&not that")
    'this&not that'

Entity-dense text repeats the same few entities, so each distinct entity is
decoded once and remembered (:func:`unescape`). ftfy's own rules, which the
``ftfy`` preset keeps, are here too (:func:`has_entities`,
:func:`ascii_entities_decoded`).
"""

from __future__ import annotations

import re
import string

from ftfy.chardata import HTML_ENTITY_RE
from ftfy.fixes import unescape_html

from presswash.edits import ChangeLog, Edit
from presswash.step import Step, edits_in_lines, fixed_lines_holding, lines_holding

# ftfy's entity pattern is ASCII: on UTF-8 it finds exactly the entities of the text.
HTML_ENTITY_UTF8 = re.compile(HTML_ENTITY_RE.pattern.encode("ascii"))
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")
# The characters entities are made of: a decoded entity that holds none cannot make a new one.
_ENTITY_CHARACTERS = frozenset("&#;" + string.ascii_letters + string.digits)
# Distinct entities remembered before the memory starts over (numeric references are unbounded).
REMEMBERED_ENTITIES = 4096


class _DecodedEntities(dict[str, str]):
    """Each entity (a match of ftfy's HTML_ENTITY_RE) and what ftfy decodes it to, filled in on demand."""

    def __missing__(self, entity: str) -> str:
        if len(self) >= REMEMBERED_ENTITIES:
            self.clear()
        decoded = self[entity] = unescape_html(entity)
        return decoded


_decoded = _DecodedEntities()


def decoded_entity(entity: str) -> str:
    """What ftfy decodes ``entity`` (a match of its HTML_ENTITY_RE) to, remembered.

    >>> decoded_entity("&#39;"), decoded_entity("&notanentity;")
    ("'", '&notanentity;')
    """
    return _decoded[entity]


def unescape(text: str) -> str:
    """Exactly ftfy's ``unescape_html(text)``, decoding each distinct entity once.

    >>> unescape("Mayor&rsquo;s &amp; council&#8217;s &AMP; &notanentity;")
    'Mayor’s & council’s & &notanentity;'
    """
    return HTML_ENTITY_RE.sub(lambda match: _decoded[match.group()], text)


def has_entities(text: str, notable: str, entities: bool) -> bool:
    """True if ``text`` (sieved: ``notable``) holds HTML entities that ftfy would decode.

    The pattern is tried at each ``&``, which ``str.find`` reaches many times
    faster than the pattern's own search reads its way there.
    """
    if not entities or "&" not in notable:
        return False
    ampersand = text.find("&")
    while ampersand != -1:
        if HTML_ENTITY_RE.match(text, ampersand) is not None:
            return True
        ampersand = text.find("&", ampersand + 1)
    return False


def ascii_entities_decoded(text: str, mode: bool | str) -> str | None:
    """``text`` with its HTML entities decoded as ftfy decodes them under its ``unescape_html``
    setting ``mode``, if each stands for a printable ASCII character other than ``&`` (the
    ``&#39;`` and ``&quot;`` of many web pages): those bring ftfy's other fixes no work that a
    scan of the decoded text would not find. None if ftfy may decode them otherwise (a ``<``
    switches decoding off from its line on) or they may stand for more.

        >>> ascii_entities_decoded("Он сказал: &#39;Да&#39; &amp AT&T", "auto")
        "Он сказал: 'Да' &amp AT&T"
        >>> ascii_entities_decoded("&rsquo;", "auto"), ascii_entities_decoded("a&#10;b", "auto")
        (None, None)
    """
    if not mode:
        return text
    if mode == "auto" and "<" in text:
        return None
    # Each distinct entity is decoded and judged once (a Russian page's dozens of &#39;).
    decoded = {entity: decoded_entity(entity) for entity in set(HTML_ENTITY_RE.findall(text))}
    for value in decoded.values():
        if not (value.isascii() and value.isprintable()) or "&" in value:
            return None
    if len(decoded) == 1 or all(value and _ENTITY_CHARACTERS.isdisjoint(value) for value in decoded.values()):
        # Every place an entity stands is a match (a match holds one ``&``, where it begins), and
        # no replacement makes a place for another: one entity is replaced in one pass, and the
        # values of several hold none of the characters an entity is made of.
        for entity, value in decoded.items():
            text = text.replace(entity, value)
    else:
        text = HTML_ENTITY_RE.sub(lambda match: decoded[match.group()], text)  # as ftfy's unescape_html
    # Decoded characters can complete an entity (``&a&#109;p;``): ftfy's second round decodes it.
    return None if has_entities(text, text, True) else text


class HtmlEntities(Step):
    """Decode entities line by line, skipping lines that hold HTML tags."""

    name = "html"
    trigger = "&"

    def may_apply(self, notable: str, utf8: bytes) -> bool:
        return "&" in notable and HTML_ENTITY_UTF8.search(utf8) is not None

    def brought(self, text: str) -> str | None:
        """What the entities of ``text`` decode to, unless one decodes to ``&``, which may
        complete an entity to decode next (``&amp;rsquo;``).

            >>> step = HtmlEntities()
            >>> step.brought("Он сказал: &quot;Да&quot;"), step.brought("&rsquo;")
            ('"', '’')
            >>> step.brought("&amp;rsquo;") is None
            True
        """
        decoded = "".join(_decoded[entity] for entity in set(HTML_ENTITY_RE.findall(text)))
        return None if "&" in decoded else decoded

    def edits(self, text: str) -> list[Edit]:
        return edits_in_lines(text, lines_holding(text, "&"), self._line_edits)

    def _line_edits(self, line: str) -> list[Edit]:
        """One edit per entity; one escaped twice (``&amp;rsquo;``) is one edit, its rounds composed."""
        log = ChangeLog(line)
        while edits := self._entity_edits(log.text):
            log.record(self.name, edits)
        return [Edit(change.start, change.end, change.replacement) for change in log.changes]

    @staticmethod
    def _entity_edits(line: str) -> list[Edit]:
        if "&" not in line or HTML_TAG.search(line):
            return []
        return [
            Edit(match.start(), match.end(), _decoded[match.group()])
            for match in HTML_ENTITY_RE.finditer(line)
            if _decoded[match.group()] != match.group()
        ]

    def fix(self, text: str) -> str:
        return fixed_lines_holding(text, "&", self._decode)

    def _decode(self, line: str) -> str:
        """Decode until nothing changes, so ``&amp;rsquo;`` (escaped twice) becomes ``’``."""
        while True:
            decoded = self._decode_once(line)
            if decoded == line:
                return line
            line = decoded

    @staticmethod
    def _decode_once(line: str) -> str:
        if "&" not in line or HTML_TAG.search(line):
            return line
        return unescape(line)
