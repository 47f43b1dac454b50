"""Test data: real news, correct multilingual text, known-fixable mojibake and the example text.

Everything here is either read from ``data/`` (committed, with its license beside it) or generated
by this module from data shipped in installed packages (CLDR, through babel). Every function is
deterministic and cached; each call returns a fresh list, so callers may modify what they get.

- :func:`news_documents`: the documents of ``data/news-sample.txt`` (real English news).
- :func:`multilingual_texts`: correct text in many languages and scripts that a careful cleaner
  must leave unchanged.
- :func:`mojibake_cases`: ``(corrupted, clean)`` pairs that ``ftfy.fix_encoding`` is known to fix.
- :data:`SEED_TEXT`: the example news text, also stored as ``examples/news.txt``.
"""

from __future__ import annotations

import datetime
import functools
import pickle
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import ftfy
import ftfy.bad_codecs  # registers the sloppy codecs that MOJIBAKE_KINDS uses

REPO = Path(__file__).resolve().parent.parent
NEWS_SAMPLE = REPO / "data" / "news-sample.txt"
EXAMPLE = REPO / "examples" / "news.txt"
EXAMPLE_EXPECTED = REPO / "examples" / "news.expected.txt"


# ---------------------------------------------------------------------------------------------
# Real news
# ---------------------------------------------------------------------------------------------


@functools.cache
def _news_documents() -> tuple[str, ...]:
    text = NEWS_SAMPLE.read_text(encoding="utf-8")
    return tuple(block for block in text.rstrip("\n").split("\n\n") if block)


def news_documents() -> list[str]:
    """The documents of ``data/news-sample.txt``, in file order, without their separating blank lines.

    Each document is one or more paragraphs joined by ``\\n``; see ``data/README.md`` for what
    the sample holds (including the defects it keeps from its source).
    """
    return list(_news_documents())


# ---------------------------------------------------------------------------------------------
# Correct multilingual text
# ---------------------------------------------------------------------------------------------

# Characters no string of multilingual_texts() may contain: controls (C0, DEL, C1), the soft
# hyphen, the BOM, bidi embeddings, overrides and isolates, line and paragraph separators, HTML
# (any '&'), fullwidth Latin letters and digits, Latin ligatures and mathematical styled letters.
EXCLUDED = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\ufeff\u202a-\u202e\u2066-\u2069\u2028\u2029&"
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\ufb00-\ufb06\U0001d400-\U0001d7ff]"
)

# Real words and sentences for the cases CLDR does not cover, or not often enough. Invisible
# characters are written as escapes so that they can be seen: U+200B zero-width space, U+200C
# zero-width non-joiner, U+200D zero-width joiner, U+200E/U+200F left-to-right/right-to-left
# marks, U+202F narrow no-break space, U+00A0 no-break space, U+180E Mongolian vowel separator,
# U+FE0F emoji presentation selector.
HAND_WRITTEN: tuple[str, ...] = (
    # Chinese and Japanese: fullwidth brackets and punctuation belong to the text.
    "会议（第三次）将于明天上午举行。",
    "他说：“我们需要更多的帮助！”",
    "价格＝单价×数量。",
    "《红楼梦》是中国古典小说的巅峰之作。",
    "中华人民共和国、日本、大韩民国",
    "你好！今天天气怎么样？",
    "香港（中國）的繁體字",
    "北京时间：上午九点",
    "「こんにちは」と彼は言った。",
    "東京（とうきょう）は日本の首都です。",
    "『源氏物語』は紫式部の作品です。",
    "彼女は「ありがとう」と言いました。",
    "本当ですか？！",
    "営業時間：10時～18時（土日・祝日を除く）",
    "【速報】東京で震度4の地震",
    "カタカナ・ひらがな・漢字",
    "コーヒーを一杯ください。",
    "株式会社（かぶしきがいしゃ）",
    # Korean.
    "대한민국의 수도는 서울입니다.",
    "“안녕하세요”라고 그가 말했다.",
    "한국어와 조선말",
    # Mongolian script: U+202F before case suffixes, U+180E before a final vowel.
    "ᠮᠣᠩᠭᠣᠯ ᠤᠯᠤᠰ\u202fᠤᠨ ᠨᠡᠶᠢᠰᠯᠡᠯ",
    "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ",
    "ᠡᠮ\u180eᠡ",
    "ᠬᠠᠳ\u180eᠠ",
    "ᠤᠯᠤᠰ\u202fᠤᠨ ᠬᠡᠯᠡ",
    "Монгол Улсын нийслэл Улаанбаатар хот",
    # Persian: ZWNJ inside words.
    "من می\u200cخواهم این کتاب\u200cها را بخوانم.",
    "نمی\u200cدانم چه بگویم.",
    "خانه\u200cای در تهران",
    "زبان فارسی",
    # Indic scripts: ZWJ and ZWNJ that select glyph forms.
    "ශ්\u200dරී ලංකාව",
    "ශ්\u200dරී ලංකා ප්\u200dරජාතාන්ත්\u200dරික සමාජවාදී ජනරජය",
    "അവന്\u200d വന്നു.",
    "മലയാളം ഒരു ദ്രാവിഡ ഭാഷയാണ്.",
    "വാര്\u200dത്ത",
    "वार्\u200dयाचा वेग वाढला.",
    "র\u200d্যাব",
    "नमस्ते, आप कैसे हैं?",
    "भारत की राजधानी नई दिल्ली है।",
    "हिन्दी और उर्दू",
    "বাংলা ভাষা",
    "தமிழ் மொழி",
    "ஸ்ரீ",
    "ਪੰਜਾਬੀ ਭਾਸ਼ਾ",
    "ગુજરાતી ભાષા",
    "ಕನ್ನಡ ಭಾಷೆ",
    "తెలుగు భాష",
    # Emoji: ZWJ sequences, modifiers, presentation selectors, flags and keycaps.
    "👨\u200d👩\u200d👧",
    "👨\u200d👩\u200d👧\u200d👦 family",
    "🏳\ufe0f\u200d🌈",
    "👩🏽\u200d💻",
    "🧑\u200d🚀",
    "❤\ufe0f\u200d🔥",
    "🏴\u200d☠\ufe0f",
    "👍🏿",
    "❤\ufe0f",
    "✔\ufe0f Done",
    "🇺🇦 🇵🇱",
    "🇺🇦 Ukraine 🇵🇱 Poland 🇬🇧 UK",
    "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f Wales",
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "1\ufe0f\u20e3",
    "#\ufe0f\u20e3 *\ufe0f\u20e3 0\ufe0f\u20e3",
    # Khmer, Thai, Lao and Myanmar: U+200B marks word boundaries.
    "ខ្ញុំ\u200bស្រឡាញ់\u200bប្រទេស\u200bកម្ពុជា",
    "ភាសា\u200bខ្មែរ",
    "ฉัน\u200bรัก\u200bเมือง\u200bไทย",
    "ภาษา\u200bไทย",
    "ประเทศไทยมีพระมหากษัตริย์เป็นประมุข",
    "ພາສາ\u200bລາວ",
    "ສາທາລະນະລັດ\u200bປະຊາທິປະໄຕ\u200bປະຊາຊົນ\u200bລາວ",
    "မြန်မာ\u200bဘာသာ\u200bစကား",
    "ရန်ကုန်\u200bမြို့",
    # Hebrew with points, Arabic with harakat, and RTL text with LRM/RLM.
    "בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ",
    "שָׁלוֹם",
    "עִבְרִית",
    "ירושלים היא בירת ישראל.",
    "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ",
    "اَلْعَرَبِيَّةُ",
    "اللغة العربية",
    "القاهرة هي عاصمة مصر.",
    "عام ٢٠٢٤",
    "אני מתכנת ב־C++\u200f.",
    "גרסה 3.12\u200f (חדשה)",
    "اتصل على \u200e+44 20 7946 0000\u200f.",
    "تم إصدار Windows 11\u200f.",
    "\u200fשלום עולם",
    "اردو زبان",
    # Vietnamese, Greek, Armenian, Georgian, Cyrillic, Turkish.
    "Tiếng Việt có sáu thanh: ngang, sắc, huyền, hỏi, ngã, nặng.",
    "Hà Nội là thủ đô của Việt Nam.",
    "Thành phố Hồ Chí Minh",
    "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.",
    "Τι κάνεις;",
    "Ὅμηρος",
    "Հայաստանը և Վրաստանը",
    "Երևան",
    "Ես սիրում եմ Երևանը։",
    "საქართველოს დედაქალაქი თბილისია.",
    "ქართული ენა",
    "Москва — столица России.",
    "Київ — столиця України; ґанок, їжак, єнот.",
    "Беларуская мова: ў, і.",
    "Београд је главни град Србије.",
    "Български език",
    "Işık ılık süt içti.",
    "İstanbul’da yaşıyor; Diyarbakır’a gidecek.",
    "ığdır, şişli, çağlar",
    # Other Latin-script languages with diacritics.
    "Nicolás Maduro, São Paulo, Kraków, Dvořák, Łódź, Ærøskøbing",
    "Žluťoučký kůň úpěl ďábelské ódy.",
    "Zażółć gęślą jaźń.",
    "Árvíztűrő tükörfúrógép",
    "Þórshöfn, Reykjavík, Ísafjörður",
    "Dziękuję bardzo.",
    "Ça va très bien, merci.",
    "Straße, Größe, Fußgänger",
    "Yorùbá: Ẹ kú àárọ̀.",
    "Māori: Kia ora, Aotearoa.",
    "ʻŌlelo Hawaiʻi",
    "Hawaiʻi",
    "Lëtzebuergesch",
    "Ñandú, pingüino, acción",
    "Oʻzbekiston Respublikasi, oʻzbek tili, Gʻafur Gʻulom",
    # Units and symbols.
    "The flat measures 85 m² and costs £250,000.",
    "The lake holds about 2 km³ of water.",
    "Water is H₂O; carbon dioxide is CO₂.",
    "Add ½ teaspoon of salt and ¾ cup of flour.",
    "Calle Mayor 5, 1º 2ª",
    "la 2ª edición del 1º de mayo",
    "Coca-Cola® and Walkman™",
    "© 2024 Guardian News and Media Limited",
    "a 5 µm particle",
    "It was 21 °C in Madrid and −3 °C in Oslo.",
    "Приказ № 42",
    "Prices rose by 3.4% to €1,200 and £980.",
    "x² + y² = z²",
    "10⁻⁶ m",
    "E = mc²",
    "5 × 3 ÷ 2 ≈ 7.5",
    "±0.5 mm",
    "30‰",
    "2024–25 season",
    "pages 12–18",
    "Wait… what?",
    "He paused — then spoke.",
    "§ 3 Abs. 2",
    "The Cavendish¹ and the Royal Society²",
    # Quotation marks used correctly.
    "“Don’t go,” she said. “It’s late.”",
    "‘I didn’t know,’ he said.",
    "He called it ‘rock ’n’ roll’ — and meant it.",
    "the ’90s",
    "She said: “He told me ‘never again’, and I believed him.”",
    "„Das ist gut“, sagte er.",
    "„Ich weiß es nicht“, antwortete sie, „aber ich frage nach.“",
    "»Wirklich?«, fragte sie.",
    "‚Ja‘, sagte er.",
    "„Nie wiem” – powiedział.",
    "Mówił: „Przyjdę jutro”.",
    "„Dobrý den“, řekl.",
    "”Det är bra”, sa han.",
    "”Hyvää huomenta”, hän sanoi.",
    "« Bonjour », dit-il.",
    "«\u202fBonjour\u202f», dit-il.",
    "«\u00a0C’est fini\u00a0», a-t-elle répondu.",
    "Il a dit\u00a0: «\u00a0Pourquoi pas\u00a0?\u00a0»",
    "Vraiment\u202f?",
    "«Grüezi», sagte er.",
    "«Это правда», — сказал он.",
    "Он сказал: «Я прочитал „Войну и мир“».",
    "«Sí», dijo ella.",
    "«Ciao», disse.",
    "„Helló”, mondta.",
    "»Hej«, sagde hun.",
    "«Hei», sa han.",
    "„Labas“, pasakė jis.",
    "„Bună ziua”, a spus el.",
    "«Καλημέρα», είπε.",
    "彼は「明日『雪国』を読む」と言った。",
    "‹Bonjour›",
    # IPA and phonetic modifier letters.
    "kʰæt",
    "[ˈpʰɪn] vs [ˈspɪn]",
    "Kabyle: yegʷjen",
    "/ˈɪŋɡlɪʃ/",
    "tʃʰ, dʒ, ŋ, ɲ, ʎ",
    "ɡʷ, kʷʰ, tˤ",
    "Proto-Indo-European *h₂éḱwos",
)

_LANGUAGE_CODES = (
    "ar", "bn", "de", "el", "en", "es", "fa", "fr", "he", "hi", "hy", "it", "ja", "ka", "km",
    "ko", "mn", "nl", "pl", "pt", "ru", "sw", "ta", "th", "tr", "uk", "ur", "vi", "yo", "zh",
)  # fmt: skip
_TERRITORY_CODES = (
    "AM", "AX", "BR", "CI", "CN", "CW", "DE", "EG", "ES", "FR", "GB", "GE", "GR", "IL", "IN",
    "IR", "JP", "KH", "KR", "MN", "PL", "RE", "RU", "ST", "TH", "TR", "UA", "US", "VN", "ZA",
)  # fmt: skip
_CURRENCIES = ("CHF", "EUR", "GBP", "INR", "JPY", "PLN", "UAH", "USD")
_UNITS = (
    "area-square-kilometer",
    "area-square-meter",
    "length-micrometer",
    "speed-kilometer-per-hour",
    "temperature-celsius",
    "volume-cubic-meter",
)
# Locales whose numbers, dates, amounts and units are formatted too (loading a locale with its
# inherited data is slow, so not every locale gets this): one or more per script and region.
_FORMATTED_LOCALES = (
    "am", "ar", "ar_EG", "az", "be", "bg", "bn", "bo", "ca", "cs", "cy", "da", "de", "de_CH",
    "dz", "el", "en", "en_IN", "es", "es_419", "et", "eu", "fa", "fi", "fil", "fr", "fr_CA",
    "fr_CH", "ga", "gu", "ha", "he", "hi", "hu", "hy", "id", "ig", "is", "it", "ja", "ka", "kk",
    "km", "kn", "ko", "lo", "lt", "lv", "ml", "mn", "mr", "ms", "my", "nb", "ne", "nl", "pa",
    "pl", "ps", "pt", "pt_PT", "ro", "ru", "si", "sk", "sl", "sq", "sr", "sr_Latn", "sv", "sw",
    "ta", "te", "th", "ti", "tr", "uk", "ur", "uz", "vi", "yo", "yue", "zh", "zh_Hant", "zu",
)  # fmt: skip


def _language_locales() -> list[str]:
    """Every locale babel ships that names a language (and maybe a script), not a territory."""
    from babel import Locale, localedata

    names = (name for name in localedata.locale_identifiers() if name != "root")
    return sorted(name for name in names if Locale.parse(name).territory is None)


def _strings(mapping: object, keys: Iterable[object] | None = None) -> list[str]:
    """The string values of a CLDR mapping (inherited entries are aliases or absent), by key."""
    if not isinstance(mapping, dict):
        return []
    values = mapping.values() if keys is None else (mapping.get(key) for key in keys)
    return [value for value in values if isinstance(value, str)]


def _fill_list(items: list[str], patterns: dict[str, str]) -> str:
    """``items`` joined by a CLDR list pattern (``{0}, {1}``, ``{0} et {1}``...)."""
    if len(items) == 2:
        return patterns["2"].format(*items)
    text = patterns["end"].format(items[-2], items[-1])
    for item in reversed(items[1:-2]):
        text = patterns["middle"].format(item, text)
    return patterns["start"].format(items[0], text)


def _own_cldr_data(name: str) -> dict[str, Any]:
    """The CLDR data of locale ``name`` itself, without what it inherits.

    Read from babel's data file directly: ``babel.localedata.load(name, merge_inherited=False)``
    would store the partial data in babel's cache, where every later ``Locale(name)`` finds it.
    """
    from babel import localedata

    with open(localedata.resolve_locale_filename(name), "rb") as file:
        data: dict[str, Any] = pickle.load(file)
    return data


def _cldr_names(name: str, root_lists: dict[str, str]) -> Iterator[str]:
    """Names from the CLDR data of locale ``name`` itself (nothing inherited)."""
    data = _own_cldr_data(name)
    languages = data.get("languages", {})
    yield from _strings(languages, [name.split("_")[0]])
    yield from _strings(languages, _LANGUAGE_CODES)
    territories = _strings(data.get("territories"), _TERRITORY_CODES)
    yield from territories
    months = _strings(data.get("months", {}).get("format", {}).get("wide"), range(1, 13))
    yield from months
    yield from _strings(data.get("months", {}).get("stand-alone", {}).get("wide"))
    days = _strings(data.get("days", {}).get("format", {}).get("wide"), range(7))
    yield from days
    yield from _strings(data.get("currency_names"), _CURRENCIES)
    own_lists = data.get("list_patterns", {})
    for style, items in (("standard", months[:3]), ("or", days[:2]), ("standard", territories[:4])):
        patterns = own_lists.get(style)
        if len(items) >= 2 and isinstance(patterns, dict):
            yield _fill_list(items, {**root_lists, **patterns})


def _cldr_formatted(name: str) -> Iterator[str]:
    """Amounts, numbers, dates and units formatted by babel for locale ``name``."""
    from babel import Locale, dates, lists, numbers, units

    locale = Locale.parse(name)
    yield locale.display_name or ""
    yield lists.format_list(list(locale.days["format"]["wide"].values())[:3], "or", locale=locale)
    for currency in _CURRENCIES:
        yield numbers.format_currency(1234.5, currency, locale=locale)
    yield numbers.format_decimal(-1234567.891, locale=locale)
    yield numbers.format_percent(0.256, locale=locale)
    yield dates.format_date(datetime.date(2024, 3, 5), "full", locale=locale)
    yield dates.format_date(datetime.date(2024, 11, 28), "long", locale=locale)
    for unit in _UNITS:
        yield units.format_unit(2.5, unit, length="long", locale=locale)
        yield units.format_unit(12, unit, length="short", locale=locale)


def _accept(texts: Iterable[str]) -> set[str]:
    """NFC-normalized non-empty texts free of :data:`EXCLUDED`.

    CLDR writes the Uzbek letters oʻ and gʻ with U+2018 (Qo‘shma, o‘zbek); those
    strings are kept, since that is how much real Uzbek text is written.
    """
    accepted = set()
    for text in texts:
        text = unicodedata.normalize("NFC", text)
        if text.strip() and not EXCLUDED.search(text):
            accepted.add(text)
    return accepted


@functools.cache
def _multilingual_texts() -> tuple[str, ...]:
    root_lists = _own_cldr_data("root")["list_patterns"]["standard"]
    texts = _accept(HAND_WRITTEN)
    for name in _language_locales():
        texts |= _accept(_cldr_names(name, root_lists))
    for name in _FORMATTED_LOCALES:
        texts |= _accept(_cldr_formatted(name))
    return tuple(sorted(texts))


def multilingual_texts() -> list[str]:
    """Thousands of correct strings in many languages and scripts, which a cleaner must not change.

    Names from the CLDR data (through babel) of every language locale, numbers, dates, amounts
    and units formatted for 85 locales, plus :data:`HAND_WRITTEN` sentences for the hard cases:
    CJK fullwidth punctuation, joiners and zero-width spaces that belong to the text, emoji
    sequences, RTL marks, units, quotation marks of many languages and phonetic letters. All NFC,
    none with a character of :data:`EXCLUDED`; deduplicated and
    sorted by code point. The CLDR part follows the installed babel version.
    """
    return list(_multilingual_texts())


# ---------------------------------------------------------------------------------------------
# Mojibake
# ---------------------------------------------------------------------------------------------

# Correct sentences in languages whose letters the news sample lacks.
MULTILINGUAL_SENTENCES: tuple[str, ...] = (
    "El presidente declaró que la economía crecerá un 2,5 % este año.",
    "Los niños jugaban en el parque mientras llovía.",
    "¿Dónde está la estación de autobuses?",
    "Le ministre a annoncé une réforme des retraites très contestée.",
    "À Noël, nous irons chez nos grands-parents à Besançon.",
    "L’équipe de France s’est qualifiée pour la finale.",
    "Die Bundesregierung hat am Donnerstag neue Maßnahmen beschlossen.",
    "Über 300 Menschen mussten ihre Häuser verlassen.",
    "Prezydent Polski spotkał się z premierem w Łodzi.",
    "Zażółć gęślą jaźń.",
    "Vláda schválila návrh zákona o důchodové reformě.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Президент заявил, что переговоры продолжатся на следующей неделе.",
    "В Москве выпал первый снег.",
    "Уряд України ухвалив нове рішення.",
    "O governo português anunciou novas medidas para a habitação.",
    "Árvíztűrő tükörfúrógép.",
    "İstanbul’da hava bugün çok güzel.",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα.",
    "Nicolás, José and Zoë met in Reykjavík.",
)

_SENTENCE_END = re.compile(r"(?<=[.!?…”’])\s+(?=[“‘A-Z0-9])")
_NOT_FOR_MOJIBAKE = re.compile("[\x00-\x1f\x7f-\x9f\ufb00-\ufb06]")


def _double_windows_1252(text: str) -> str:
    once = text.encode("utf-8").decode("sloppy-windows-1252")
    return once.encode("utf-8").decode("sloppy-windows-1252")


def _codec(name: str) -> Callable[[str], str]:
    return lambda text: text.encode("utf-8").decode(name)


# How clean text gets corrupted: UTF-8 bytes decoded with the wrong codec (or twice).
MOJIBAKE_KINDS: dict[str, Callable[[str], str]] = {
    "windows-1252": _codec("sloppy-windows-1252"),
    "latin-1": _codec("latin-1"),
    "macroman": _codec("macroman"),
    "windows-1251": _codec("sloppy-windows-1251"),
    "double windows-1252": _double_windows_1252,
}


def _news_sentences() -> list[str]:
    """Sentences of the news sample with a non-ASCII character: every 30th of them, in file order."""
    sentences = [
        sentence
        for document in _news_documents()
        for paragraph in document.split("\n")
        for sentence in _SENTENCE_END.split(paragraph)
        if 30 <= len(sentence) <= 300 and not sentence.isascii() and not _NOT_FOR_MOJIBAKE.search(sentence)
    ]
    return sentences[::30]


@functools.cache
def _mojibake_cases_by_kind() -> dict[str, tuple[tuple[str, str], ...]]:
    clean_texts = [*_news_sentences(), *MULTILINGUAL_SENTENCES]
    cases: dict[str, tuple[tuple[str, str], ...]] = {}
    seen: set[str] = set()
    for kind, corrupt in MOJIBAKE_KINDS.items():
        pairs = []
        for clean in clean_texts:
            corrupted = corrupt(clean)
            # Latin-1 and Windows-1252 corrupt alike when no byte is in 0x80-0x9F: keep the first.
            if corrupted != clean and corrupted not in seen and ftfy.fix_encoding(corrupted) == clean:
                seen.add(corrupted)
                pairs.append((corrupted, clean))
        cases[kind] = tuple(pairs)
    return cases


def mojibake_cases_by_kind() -> dict[str, list[tuple[str, str]]]:
    """:func:`mojibake_cases`, by kind of corruption (the keys of :data:`MOJIBAKE_KINDS`)."""
    return {kind: list(pairs) for kind, pairs in _mojibake_cases_by_kind().items()}


def mojibake_cases() -> list[tuple[str, str]]:
    """``(corrupted, clean)`` pairs: real clean text made into mojibake, which ftfy can undo.

    The clean texts are every 30th sentence of the news sample that has a non-ASCII character
    (and no control character or ligature), plus :data:`MULTILINGUAL_SENTENCES`; each is corrupted
    in every way of :data:`MOJIBAKE_KINDS`. Only pairs where ``ftfy.fix_encoding(corrupted)``
    gives back the clean text are kept, so every case is known to be fixable, and each
    corrupted text only once (under the first kind that makes it).
    """
    return [pair for pairs in _mojibake_cases_by_kind().values() for pair in pairs]


# ---------------------------------------------------------------------------------------------
# The example
# ---------------------------------------------------------------------------------------------

# The example news text, one paragraph per line: real-looking news with the defects presswash
# repairs (mojibake made with sloppy-windows-1252, a styled word, two mis-curled closing quotes,
# HTML entities, a zero-width space inside "cybersecurity", an "ﬁ" ligature) among correct
# typography that must stay. examples/news.txt holds the same text; examples/news.expected.txt
# is what a careful editor makes of it.
SEED_TEXT = (
    "Europe’s defence ministers will meet in Brussels on Thursday under growing pressure to speed "
    "up military aid to Kyiv, after a report warned that years of underinvestment had left the "
    "continent’s air defences thin — leaving vulnerabilities 𝓮𝔁𝓹𝓸𝓼𝓮𝓭 in an increasingly volatile "
    "world.\n"
    "In London, the Mayorâ€™s office said a Â£40m fund for Ukrainian families would open next "
    "month. NicolÃ¡s Herrera, who chairs the cityâ€™s refugee taskforce, said the money would pay "
    "for housing, language classes and childcare â€” the basics that let people rebuild their "
    "lives.\n"
    "Ukraine’s ambassador to the UK welcomed the announcement but warned that pledges were no "
    "substitute for deliveries. “Ukraine needs more,“ he said. “Every week of delay costs lives, "
    "and our partners know it.”\n"
    "Engineers in Kharkiv have shown “remarkable ingenuity,“ with drones assembled from commercial "
    "parts and repaired in basement workshops, according to the Defence &amp; Security Committee. "
    "The committee&rsquo;s report, published on Wednesday, said British ofﬁcials should share more "
    "of their cyber\u200bsecurity expertise with Kyiv.\n"
    "A Ministry of Defence spokesperson said the UK had committed £3bn in military support for "
    "2024–25 and would “keep every option on the table”.\n"
)
