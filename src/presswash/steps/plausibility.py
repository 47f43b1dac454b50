"""How improbable a word looks: the measure that tells a misread from correct text.

A misread scatters the pieces of each character over the wrong alphabet, so
the text it leaves has pairs of neighbours that real words almost never have:
letters of two scripts inside one word (``JosГ©``: Latin then Cyrillic), a
letter beside a symbol (``Ã©``), a small letter before a capital
(``РёРІ``), capitals before small letters (``ÅŒtsuchi``, ``GĂŠorgi``), halfwidth
katakana among ideographs (``譚ｱ莠ｬ``), ideographs that no common character set
holds, and control or private-use characters. :func:`oddity` counts them, and
ftfy's own heuristic adds its count; a repair must lower the count. Correct
text in any language scores (nearly) zero, so it can only be made worse.

    >>> oddity("José"), oddity("JosГ©"), oddity("Привет"), oddity("РџСЂРёРІРµС‚")
    (0, 2, 0, 8)
    >>> oddity("Ōtsuchi"), oddity("ÅŒtsuchi"), oddity("東京"), oddity("譚ｱ莠ｬ"), oddity("鈥檚")
    (0, 1, 0, 3, 2)
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

import regex
from ftfy.badness import badness

from presswash.steps.misread_classes import SELDOM_CORRECT_CHARACTER

# Scripts whose letters share words: Japanese mixes ideographs and kana, Korean
# ideographs and hangul.
_COMPATIBLE = frozenset({frozenset({"han", "kana"}), frozenset({"han", "hangul"})})
# The scripts whose text puts words of Latin letters among its own.
_AMONG_LATIN = frozenset({"han", "kana", "hangul"})
# First words of character names that name a script differently from its letters.
_SCRIPT_ALIASES = {
    "cjk": "han",
    "ideographic": "han",
    "hiragana": "kana",
    "katakana": "kana",
    "katakana-hiragana": "kana",
    "halfwidth": "halfwidth",  # halfwidth katakana: old terminals, never beside ideographs
    "micro": "greek",  # µ, the Greek letter of Latin-1
    "feminine": "latin",  # ª
    "masculine": "latin",  # º
    "modifier": "",  # ʻ ˆ ʰ: letters of no script
}
# Punctuation that real words hold beside their letters: apostrophes, quotes,
# dashes, the ellipsis and the middle dot (Catalan l·l).
_WORD_PUNCTUATION = frozenset("’‘“”„«»‹›–—‐‑…·'")
# Of those, the ones that also stand between two letters of one word (l’été, o‘zbek, l·l, e‑mail).
_INSIDE_WORDS = frozenset("’‘'·‐‑")
LETTERS = ("upper", "lower", "letter")
# Latin Extended-B letters of living orthographies (Romanian, Pinyin, Vietnamese,
# Azerbaijani, Hausa, Pan-Nigerian, Sami); the rest of the block, and ƒ, are rare
# in running text but common in misreads (``ƒó`` is ``ė`` read as Mac Roman).
_COMMON_EXTENDED_B = frozenset("ȘșȚțǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜƠơƯưƏəƘƙƳƴƊƁƐƆƎǦǧǤǥƷʒǮǯǨǩ")


# Text without these holds no rare letter (some of the block are common: see above).
RARE_LETTER = re.compile("[\u0180-\u024f]")
# Ideographs (assigned in every Unicode since 14.0) and kana letters, as Japanese mixes them (a
# character-class body).
IDEOGRAPHS_AND_KANA = "\u3400-\u4dbf\u4e00-\u9ffc\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
# Runs of three or more of them, or of hangul syllables: letters of scripts that share words, none
# of them punctuation, upper or lower case, or matched by ftfy's heuristic. Inside such a run only
# a rare ideograph adds to a word's oddity, so the run's first character, its rare ideographs and
# its last stand for it (see _in_short); Chinese, written without spaces, is judged 256 characters
# at a time.
_PLAIN_RUN = re.compile(f"[{IDEOGRAPHS_AND_KANA}]{{3,}}|[\uac00-\ud7a3]{{3,}}")
# Words of small letters of the Russian or the Greek alphabet, perhaps after a capital, perhaps
# between ASCII punctuation: no character, pair or capital in them counts, and ftfy's heuristic
# matches none (each of its patterns that such a letter may begin needs a Latin capital with an
# accent, a symbol or a control character after it). Correct Russian text holds misreads' shapes
# in such words (``её``), each of which the second chance's screen looks at.
_PLAIN_WORD = re.compile("[\"'(]*(?:[А-ЯЁ]?[а-яё]+|[Α-ΡΣ-ΩΆΈΉΊΌΎΏ]?[α-ωάέήίόύώϊϋΐΰ]+)[\"'),.:;!?]*")
# Words at most this long are read as they are: cutting their runs would cost more than it saves.
_SHORT_WORD = 32


def _in_latin1_or_general_punctuation(character: str) -> bool:
    return "\u00a0" <= character <= "\u00bf" or "\u2000" <= character <= "\u206f"


@functools.lru_cache(maxsize=8192)
def character_kind(character: str) -> tuple[str, str]:
    """(role, script) of a character: role is upper, lower, letter, mark, digit, space, punct or odd.

    ``odd`` are the characters a word never holds beside a letter: symbols
    beyond ASCII, punctuation of Latin-1 and General Punctuation other than
    :data:`_WORD_PUNCTUATION`, rare letters, controls, private-use and
    unassigned code points.

    >>> character_kind("Г"), character_kind("©"), character_kind("ｱ"), character_kind("ƒ")
    (('upper', 'cyrillic'), ('odd', ''), ('letter', 'halfwidth'), ('odd', ''))
    """
    category = unicodedata.category(character)
    if category[0] == "L":
        if "\u0180" <= character <= "\u024f" and character not in _COMMON_EXTENDED_B:
            return "odd", ""
        first = unicodedata.name(character, "").split(" ")[0].lower()
        role = {"Lu": "upper", "Ll": "lower"}.get(category, "letter")
        return role, _SCRIPT_ALIASES.get(first, first)
    if category[0] == "M":
        return "mark", ""
    if category[0] == "N":
        return "digit", ""
    if category[0] == "Z" or character.isspace():
        return "space", ""
    if character.isascii() or character in _WORD_PUNCTUATION:
        return "punct", ""
    if category[0] == "P" and not _in_latin1_or_general_punctuation(character):
        return "punct", ""  # punctuation of other scripts: 、 。 「」 ، ։
    return "odd", ""


@functools.lru_cache(maxsize=8192)
def is_rare_ideograph(character: str) -> bool:
    """Whether an ideograph is outside the common sets of Chinese, Japanese and Taiwanese text.

    The first level of GB 2312 and of JIS X 0208 and Big5's frequent
    characters cover nearly all ideographs of running text; a misread of UTF-8
    through a double-byte codec lands mostly outside them.

    >>> is_rare_ideograph("東"), is_rare_ideograph("鈥")  # 鈥 is ’ (E2 80) read as GBK
    (False, True)
    """
    if character_kind(character)[1] != "han" or unicodedata.category(character) != "Lo":
        return False
    for codec, low, high in (("gb2312", 0xB0A1, 0xD7FE), ("cp932", 0x889F, 0x9872), ("big5", 0xA440, 0xC67E)):
        try:
            encoded = character.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2 and low <= int.from_bytes(encoded, "big") <= high:
            return False
    return True


def _pair_oddity(first: str, second: str) -> int:
    if first.isascii() and second.isascii():
        return 0
    (role_a, script_a), (role_b, script_b) = character_kind(first), character_kind(second)
    letters = LETTERS
    if role_a in letters and role_b in letters:
        if script_a and script_b and script_a != script_b:
            return int(frozenset({script_a, script_b}) not in _COMPATIBLE)
        return int(role_a == "lower" and role_b == "upper")
    return int((role_a == "odd" and role_b in letters) or (role_b == "odd" and role_a in letters))


def oddity(word: str) -> int:
    """How many improbable things ``word`` holds (0 for correct text, nearly always).

    >>> oddity("naïve"), oddity("l’été"), oddity("NaÃ¯ve"), oddity("caf챕"), oddity("Nguyá»…n")
    (0, 0, 4, 1, 1)
    """
    if _PLAIN_WORD.fullmatch(word) is not None:
        return 0
    word = _in_short(word)
    count = badness(word) if not word.isascii() else 0
    previous = ""
    after_letter = False  # whether the run of such punctuation just before follows a letter
    punctuation_inside = True  # whether all of that run stands inside words (l’été, rock'n'roll)
    capitals = 0  # capitals in a row just before, one of them beyond ASCII
    beyond_ascii = False
    for character in word:
        role, _ = character_kind(character)
        if role == "mark":
            continue
        if role == "odd" and unicodedata.category(character)[0] == "C":
            count += 1
        count += is_rare_ideograph(character)
        if previous:
            count += _pair_oddity(previous, character)
        # Quotes, dashes or an ellipsis between two letters, one or a run of them (``–ù–∞`` is
        # ``На`` read as Mac Roman, ``Nguyá»…n`` is ``Nguyễn`` read as Windows-1252).
        if character in _WORD_PUNCTUATION:
            after_letter = after_letter or (previous != "" and character_kind(previous)[0] in LETTERS)
            punctuation_inside = punctuation_inside and character in _INSIDE_WORDS
        else:
            count += int(after_letter and not punctuation_inside and role in LETTERS)
            after_letter, punctuation_inside = False, True
        if role == "upper":
            capitals += 1
            beyond_ascii = beyond_ascii or not character.isascii()
        else:
            # ``ÅŒtsuchi``, ``GĂŠorgi`` (Géorgi read as ISO-8859-2): capitals, one beyond ASCII,
            # then a small letter, as a word's start rarely has.
            count += int(role == "lower" and capitals >= 2 and beyond_ascii)
            capitals, beyond_ascii = 0, False
        previous = character
    return count


def _in_short(word: str) -> str:
    """``word`` with each run of ``_PLAIN_RUN`` cut to its first character, its rare ideographs
    and its last: what :func:`oddity` and :func:`mixes_scripts` find in it, read at a fraction of
    the cost where the word is text written without spaces.

    Inside such a run every pair of neighbours is two letters of one script or of Japanese's two,
    neither of case, so that no pair, no capital and no punctuation between letters
    counts; a rare ideograph counts by itself. ftfy's heuristic matches none of its characters
    but one, its ``.`` after ``ГўВЂВ`` before a Latin letter or a space, which no character inside
    a run stands between. What the cut keeps, it keeps in order, each run still a run.

        >>> _in_short("东京的咖啡馆里也多年遭到在校生的诟病。" * 2)  # 诟: a rare ideograph
        '东诟病。东诟病。'
    """
    return _PLAIN_RUN.sub(_first_rare_and_last, word) if len(word) > _SHORT_WORD else word


def _first_rare_and_last(run: re.Match[str]) -> str:
    text = run.group()
    return text[0] + "".join(SELDOM_CORRECT_CHARACTER.findall(text, 1, len(text) - 1)) + text[-1]


def text_oddity(text: str) -> int:
    """:func:`oddity` summed over the words of ``text`` that hold a character beyond ASCII.

    >>> text_oddity("Nicolás and JosГ© and NaÃ¯ve")
    6
    """
    return sum(oddity(word) for word in text.split() if not word.isascii())


def mixes_scripts(word: str, latin_among_cjk: bool = False) -> bool:
    """Whether two letters side by side in ``word`` belong to scripts that do not share words.
    With ``latin_among_cjk``, an ASCII letter beside an ideograph, kana or hangul does not count:
    Chinese, Japanese and Korean put words of Latin letters among their own (``FBIが``,
    ``一方B国では``), so a repair that gives such text back is no mix.

    >>> mixes_scripts("José"), mixes_scripts("東京タワー"), mixes_scripts("Ǵəабран")
    (False, False, True)
    >>> mixes_scripts("一方B国"), mixes_scripts("一方B国", latin_among_cjk=True)
    (True, False)
    """
    letters = [
        (character, script)
        for character in _in_short(word)
        for role, script in (character_kind(character),)
        if role in LETTERS
    ]
    for (first, first_script), (second, second_script) in itertools.pairwise(letters):
        if (
            not (first_script and second_script)  # a letter of no script (ʻ) mixes with none
            or first_script == second_script
            or frozenset({first_script, second_script}) in _COMPATIBLE
        ):
            continue
        if latin_among_cjk and (
            (first.isascii() and second_script in _AMONG_LATIN)
            or (second.isascii() and first_script in _AMONG_LATIN)
        ):
            continue
        return True
    return False


# Pairs of characters repeat (an ideograph beside each letter it may be misread as): the second
# chance asks of pairs through this cache.
mixes_scripts_pair = functools.lru_cache(maxsize=8192)(mixes_scripts)


_UNCLEAN = regex.compile(r"[\p{Cc}\p{Co}\p{Cs}\p{Cn}]")


def is_clean(text: str) -> bool:
    """Whether ``text`` holds no control, private-use, surrogate or unassigned character.

    >>> is_clean("José"), is_clean("Jos\\x8e"), is_clean("\\ue000")
    (True, False, False)
    """
    return _UNCLEAN.search(text) is None
