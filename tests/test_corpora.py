"""The test data is what it claims to be."""

import unicodedata

import ftfy
from corpora import (
    EXAMPLE,
    EXAMPLE_EXPECTED,
    EXCLUDED,
    HAND_WRITTEN,
    MOJIBAKE_KINDS,
    NEWS_SAMPLE,
    SEED_TEXT,
    mojibake_cases,
    mojibake_cases_by_kind,
    multilingual_texts,
    news_documents,
)


def test_news_sample_is_whole_documents_under_a_megabyte() -> None:
    raw = NEWS_SAMPLE.read_bytes()
    assert 500_000 < len(raw) < 1_000_000
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    text = raw.decode("utf-8")
    documents = news_documents()
    assert len(documents) > 100
    assert "\n\n".join(documents) + "\n" == text
    assert all(document.strip() and "\n\n" not in document for document in documents)


def test_news_sample_keeps_its_typography_and_license() -> None:
    text = "\n".join(news_documents())
    for char in "’“”–…£€éñł\ufb01\ufb02":
        assert char in text
    assert "Intermediate\n" in text
    assert "CC BY-SA 4.0" in (NEWS_SAMPLE.parent / "README.md").read_text(encoding="utf-8")
    license_text = (NEWS_SAMPLE.parent / "LICENSE-news-sample").read_text(encoding="utf-8")
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in license_text


def test_cached_results_are_copies() -> None:
    documents = news_documents()
    documents.clear()
    assert news_documents()
    assert news_documents() is not news_documents()


def test_multilingual_texts_are_many_correct_and_sorted() -> None:
    texts = multilingual_texts()
    assert 3000 < len(texts) <= 20_000
    assert texts == sorted(set(texts))
    assert all(text.strip() for text in texts)
    assert [text for text in texts if unicodedata.normalize("NFC", text) != text] == []
    assert [text for text in texts if EXCLUDED.search(text)] == []


def test_multilingual_texts_exclude_what_a_cleaner_may_change() -> None:
    forbidden = (
        [chr(c) for c in range(0x20)]
        + ["\x7f", "\x85", "\x9d", "\u00ad", "\ufeff", "\u2028", "\u2029", "&", "\r\n"]
        + [chr(c) for c in range(0x202A, 0x202F)]
        + [chr(c) for c in range(0x2066, 0x206A)]
        + ["\uff21", "\uff41", "\uff10", "\ufb01", "\ufb02", "\U0001d4ee", "\U0001d7ce"]
    )
    for text in multilingual_texts():
        assert not any(char in text for char in forbidden), text


def test_multilingual_texts_cover_the_hard_cases() -> None:
    texts = set(multilingual_texts())
    assert {unicodedata.normalize("NFC", text) for text in HAND_WRITTEN} <= texts
    joined = "\n".join(texts)
    for needle in [
        "\u200b",  # Khmer, Thai, Lao, Myanmar word separator
        "\u200c",  # Persian ZWNJ
        "\u200d",  # emoji and Indic ZWJ
        "\u200e",
        "\u200f",
        "\u202f",  # French and Mongolian narrow no-break space
        "\u180e",  # Mongolian vowel separator
        "\u00a0",
        "\ufe0f",
        "\U000e0067",  # tag letter of the Welsh flag
        "（",
        "）",
        "「",
        "」",
        "、",
        "。",
        "！",
        "＝",
        "„",
        "»",
        "«",
        "m²",
        "km³",
        "H₂O",
        "½",
        "1º",
        "2ª",
        "™",
        "µ",
        "°C",
        "№",
        "և",
        "ı",
        "kʰ",
        "ʷ",
    ]:
        assert needle in joined, needle
    scripts = {unicodedata.name(char).split()[0] for text in texts for char in text if char.isalpha()}
    for script in ["ARABIC", "HEBREW", "CJK", "HANGUL", "THAI", "KHMER", "MONGOLIAN", "GEORGIAN"]:
        assert script in scripts


def test_mojibake_cases_are_corrupted_and_fixable() -> None:
    cases = mojibake_cases()
    assert 200 < len(cases) < 1000
    assert len(set(cases)) == len(cases)
    for corrupted, clean in cases:
        assert corrupted != clean
        assert ftfy.fix_encoding(corrupted) == clean
    by_kind = mojibake_cases_by_kind()
    assert list(by_kind) == list(MOJIBAKE_KINDS)
    assert all(len(pairs) > 20 for pairs in by_kind.values())
    assert [pair for pairs in by_kind.values() for pair in pairs] == cases
    for kind, pairs in by_kind.items():
        assert all(MOJIBAKE_KINDS[kind](clean) == corrupted for corrupted, clean in pairs)


def test_mojibake_cases_include_other_languages() -> None:
    cleans = {clean for _, clean in mojibake_cases()}
    assert any("ł" in clean for clean in cleans)
    assert any("ř" in clean for clean in cleans)
    assert any("Президент" in clean for clean in cleans)
    assert any("’" in clean for clean in cleans)


def test_example_file_is_the_seed_text() -> None:
    assert EXAMPLE.read_text(encoding="utf-8") == SEED_TEXT


# Every difference between the example and what a careful editor makes of it.
EXAMPLE_REPAIRS = [
    ("Mayorâ€™s", "Mayor’s"),
    ("Â£40m", "£40m"),
    ("NicolÃ¡s", "Nicolás"),
    ("cityâ€™s", "city’s"),
    ("childcare â€” the", "childcare — the"),
    ("𝓮𝔁𝓹𝓸𝓼𝓮𝓭", "exposed"),
    ("“Ukraine needs more,“ he said", "“Ukraine needs more,” he said"),
    ("“remarkable ingenuity,“ with", "“remarkable ingenuity,” with"),
    ("Defence &amp; Security", "Defence & Security"),
    ("committee&rsquo;s", "committee’s"),
    ("cyber\u200bsecurity", "cybersecurity"),
    ("of\ufb01cials", "officials"),
]


def test_expected_example_differs_only_where_intended() -> None:
    example = EXAMPLE.read_text(encoding="utf-8")
    expected = EXAMPLE_EXPECTED.read_text(encoding="utf-8")
    assert example != expected
    assert example.count("\n") == expected.count("\n") == 5
    repaired = example
    for broken, fixed in EXAMPLE_REPAIRS:
        assert repaired.count(broken) == 1, broken
        repaired = repaired.replace(broken, fixed)
    assert repaired == expected


def test_expected_example_is_clean_and_keeps_the_typography() -> None:
    expected = EXAMPLE_EXPECTED.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", expected) == expected
    for junk in ["\u200b", "\ufb01", "&amp;", "&rsquo;", "â€", "Ã", "Â", "\U0001d4ee", ",“"]:
        assert junk not in expected, junk
    assert ftfy.fix_encoding(expected) == expected
    for char in "’“”—–£":
        assert char in expected
