"""Each step of the core on real examples: what it must fix and what it must leave alone."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import presswash
from presswash import Cleaner
from presswash.edits import apply_edits
from presswash.steps.controls import Controls
from presswash.steps.html_entities import HtmlEntities
from presswash.steps.invisible import Invisible
from presswash.steps.ligatures import Ligatures
from presswash.steps.line_breaks import LineBreaks
from presswash.steps.mojibake import Mojibake
from presswash.steps.normalization import Normalization
from presswash.steps.quotes import StraightQuotes
from presswash.steps.width import Width

MOJIBAKE = [
    # UTF-8 read as Windows-1252
    ("The Mayorâ€™s office said â€œnoâ€\x9d", "The Mayor’s office said “no”"),
    ("NicolÃ¡s Maduro", "Nicolás Maduro"),
    ("cafÃ© crÃ¨me brÃ»lÃ©e", "café crème brûlée"),
    ("â‚¬5bn and Â£3bn", "€5bn and £3bn"),
    ("Lech WaÅ‚Ä™sa in GdaÅ„sk", "Lech Wałęsa in Gdańsk"),
    # UTF-8 read as Latin-1: C1 controls appear
    ("It\xe2\x80\x99s", "It’s"),
    # UTF-8 read as Windows-1251
    ("coup d'Ð“Â©tat".encode("cp1251", "replace").decode("cp1251"), None),
    ("РґРѕР±СЂРѕРµ СѓС‚СЂРѕ", "доброе утро"),
    # MacRoman
    ("caf√© au lait", "café au lait"),
    # lossy: a byte became U+FFFD
    ("â€œ like this â€\ufffd", "“ like this \ufffd"),
    # double encoding
    ("The Mayorâ€šÃ„Ã´s", None),
    # non-breaking space flattened to a space
    ("voilÃ  le travail".replace("\xa0", " "), "voilà le travail"),
]


@pytest.mark.parametrize(("broken", "expected"), [case for case in MOJIBAKE if case[1]])
def test_mojibake_is_decoded(broken: str, expected: str) -> None:
    assert Mojibake().fix(broken) == expected
    assert presswash.clean(broken, quotes="keep") == expected


def test_double_encoded_mojibake_is_decoded_fully() -> None:
    once = "Mayor’s".encode().decode("windows-1252")
    twice = once.encode().decode("windows-1252")
    assert presswash.clean(twice) == "Mayor’s"


@pytest.mark.parametrize(
    "text",
    [
        "Café – “déjà vu” costs £5 at 20°C, ½ price",
        "Zürich, Łódź, Škoda, Ørsted, Æsir, Þórr",
        "Москва — столица России",
        "Αθήνα, Ελλάδα",
        "São João e a Ação Social",
        "chef-d’œuvre, 3×4 m², 1º e 2ª",
    ],
)
def test_mojibake_leaves_correct_text(text: str) -> None:
    assert Mojibake().fix(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor&rsquo;s &amp; council&#8217;s plan", "Mayor’s & council’s plan"),
        ("P&eacute;rez &mdash; &#x201C;yes&#x201D;", "Pérez — “yes”"),
        ("5 &lt; 6 &gt; 4", "5 < 6 > 4"),
        ("1 < 2 &amp; 3 > 2", "1 < 2 & 3 > 2"),
        ("<p>Fish &amp; chips</p>", "<p>Fish &amp; chips</p>"),
        ("<p>tag line</p>\nplain &amp; simple", "<p>tag line</p>\nplain & simple"),
        ("AT&T and Q&A and this&not that", "AT&T and Q&A and this&not that"),
        ("&unknown; entity", "&unknown; entity"),
    ],
)
def test_html_entities(text: str, expected: str) -> None:
    assert HtmlEntities().fix(text) == expected


def test_html_entities_unlike_ftfy_do_not_switch_off_for_the_whole_document() -> None:
    text = "a < b\nMayor&rsquo;s"
    assert presswash.clean(text) == "a < b\nMayor’s"
    assert presswash.fix_text(text) == "a < b\nMayor&rsquo;s"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\x1b[1;31mRED\x1b[0m alert", "RED alert"),
        ("\x1b]0;title\x07shell", "shell"),
        ("null\x00byte and bell\x07 and del\x7f", "nullbyte and bell and del"),
        ("c1\x81 junk\x9f", "c1 junk"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("form\x0cfeed\x0bvtab", "formfeedvtab"),
    ],
)
def test_controls(text: str, expected: str) -> None:
    assert Controls().fix(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\ufeffBOM at start, \ufeffand inside", "BOM at start, and inside"),
        ("word\u2060joiner", "wordjoiner"),
        ("bidi \u202eoverride\u202c and \u2067isolate\u2069", "bidi override and isolate"),
        ("Latin\u200djoiner and\u200c non-joiner", "Latinjoiner and non-joiner"),
    ],
)
def test_invisible_junk_is_removed(text: str, expected: str) -> None:
    assert Invisible().fix(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "می\u200cخواهم به خانه بروم",  # Persian: ZWNJ is spelling
        "\u0928\u094d\u200d\u092f",  # Devanagari: ZWJ selects the half form
        "ക്\u200d",  # Malayalam chillu
        "👨\u200d👩\u200d👧 family, 🏳️\u200d🌈 flag, 👩🏽\u200d💻",  # emoji ZWJ sequences
        "ភាសា\u200bខ្មែរ\u200bគឺ",  # Khmer: ZWSP separates words
        "ภาษา\u200bไทย",  # Thai
        "עברית \u200fRTL mark\u200e and \u061c",  # bidi marks, not controls
        "Ulaanbaatar: ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ",  # Mongolian narrow no-break space
    ],
)
def test_invisible_characters_that_scripts_need_are_kept(text: str) -> None:
    assert Invisible().fix(text) == text
    assert presswash.clean(text) == text


@given(st.text(alphabet="ab \u200b\u200c\u200d\u00ad\ufeffمیکन्य👩", max_size=12))
def test_invisible_told_its_characters_applies_as_it_would_have_read_them(text: str) -> None:
    step = Invisible()
    found = "".join(set(step.trigger_pattern.findall(text)))
    if found:  # the shared screen asks only a text that holds some
        assert step.applies_around(text, text, found) == step.applies(text, text)


def test_line_breaks() -> None:
    assert LineBreaks().fix("a\r\nb\rc\u2028d\u2029e\x85f\n") == "a\nb\nc\nd\ne\nf\n"


# Controls, escape sequences, ligatures, regional indicators and what stands between them.
REPLACED_IN_PLACE = st.text(
    alphabet=st.sampled_from(
        [
            "\x00",
            "\x07",
            "\x1b",
            "[",
            "m",
            "3",
            "\x7f",
            "\x81",
            "\x85",
            "\x9f",
            "\t",
            "\n",
            "\r",
            "ﬁ",
            "ﬂ",
            "Ǆ",
            "a",
            " ",
            "é",
            "\u200b",
            "\U0001f1fa",
            "\U0001f1e6",
        ]
    ),
    max_size=40,
)


@pytest.mark.parametrize("step", [Controls(), Ligatures()], ids=lambda step: step.name)
@given(text=REPLACED_IN_PLACE)
def test_replacing_each_character_found_equals_the_pattern(step: Controls | Ligatures, text: str) -> None:
    assert step.fix_sieved(text, Cleaner().sieve(text)) == step.fix(text)


def test_ligatures() -> None:
    assert Ligatures().fix("ﬁnancial ﬂows ﬀ ﬃ ﬄ") == "financial flows ff ffi ffl"
    assert Ligatures().fix("æsthetic œuvre") == "æsthetic œuvre"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＬＯＵＤ　ＮＯＩＳＥＳ！", "LOUD NOISES!"),
        ("Ｐｒｉｃｅ： ＄１０", "Price: $10"),
        ("北京（中国）：２０２４年", "北京（中国）：2024年"),
        ("東京　「こんにちは」＝ｈｅｌｌｏ", "東京　「こんにちは」＝hello"),
        ("서울（한국）", "서울（한국）"),
        ("ﾊﾝｶｸ half-width katakana", "ﾊﾝｶｸ half-width katakana"),
    ],
)
def test_width(text: str, expected: str) -> None:
    assert Width().fix(text) == expected


@given(st.text(alphabet=st.sampled_from("北京好，（）！　ＡＢ１２ab \n.中"), max_size=30))
def test_width_applies_wherever_it_changes_the_text(text: str) -> None:
    if Width().fix(text) != text:
        assert Width().applies(text, text)
        assert Width().applies(text, Cleaner().sieve(text))
        # Told which of its trigger characters the text holds, as the news cleaner's screen tells it.
        assert Width().applies_around(text, text, "".join(set(Width().trigger_pattern.findall(text))))


@pytest.mark.parametrize(
    ("form", "text", "expected"),
    [
        ("NFC", "cafe\u0301", "café"),
        ("NFC", "10 m² ½ ™", "10 m² ½ ™"),
        ("NFKC", "10 m² ½ ™", "10 m2 1⁄2 TM"),
    ],
)
def test_normalization(form: str, text: str, expected: str) -> None:
    step = Normalization(form)  # type: ignore[arg-type]
    assert step.fix(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Here’s ‚one‘ and „another“,” he said", '"Here\'s \'one\' and "another"," he said'),
        ("don´t and rock`n`roll", "don't and rock'n'roll"),
        ("´quoted´ accent stays ´", "´quoted´ accent stays ´"),
        ("code `x` stays", "code `x` stays"),
        ("«Bonjour» 「こんにちは」", "«Bonjour» 「こんにちは」"),
    ],
)
def test_straight_quotes(text: str, expected: str) -> None:
    assert StraightQuotes().fix(text) == expected
    assert presswash.clean(text, quotes="straight") == expected


def test_straight_quotes_with_guillemets_on_request() -> None:
    text = "«Bonjour» ‹oui› 「こんにちは」『x』"
    assert presswash.clean(text, quotes="straight", straighten_guillemets=True) == (
        '"Bonjour" \'oui\' "こんにちは""x"'
    )


def test_quotes_keep_changes_nothing() -> None:
    text = "“Ukraine needs more,“ he said, ”odd” ‘it‘s’"
    assert presswash.clean(text, quotes="keep") == text


STEPS = [HtmlEntities(), Mojibake(), Controls(), Invisible(), LineBreaks(), Ligatures(), Width()]


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.name)
def test_every_step_reports_exactly_its_fix_as_edits(step: presswash.Cleaner) -> None:
    text = (
        "Mayorâ€™s &amp; \x1b[31mred\x1b[0m zero\u200bwidth\r\nﬁne ＬＯＵＤ\n"
        "<b>keep &amp;</b>\nNicolÃ¡s soft\u00adhyphen"
    )
    assert apply_edits(text, step.edits(text)) == step.fix(text)
