"""Quote repair across the world's quotation conventions, right-to-left scripts and English elisions.

The sentences below were written for these tests (each in the convention of its language), and
``data/ud-sentences.tsv`` holds real running text in 16 languages (see data/README-ud-sentences.md).
Every expected output follows the rule in the docstring of presswash.steps.quote_repair.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presswash
from presswash.edits import splice
from presswash.steps import quote_languages
from presswash.steps.quote_elisions import TURNED_ELISIONS
from presswash.steps.quote_marks import screened
from presswash.steps.quote_repair import QuoteRepair, _Document, repair_quotes

STEP = QuoteRepair()
UD_SENTENCES = Path(__file__).resolve().parent.parent / "data" / "ud-sentences.tsv"


def _ud_sentences() -> list[tuple[str, str, str]]:
    lines = UD_SENTENCES.read_text(encoding="utf-8").splitlines()
    return [(language, kind, sentence) for language, kind, sentence in (line.split("\t") for line in lines)]


# Languages that close quotations with “ (opening with „), each with a sentence cut out of an
# article after its opening quote: only the closing half is left.
LOW_QUOTE_CUT_OFF = {
    "Bulgarian": "Това беше важно“, каза той пред журналисти.",
    "Czech": "Bylo to pro nás důležité“, řekl ministr.",
    "Slovak": "Bolo to pre nás dôležité“, povedal minister.",
    "Lithuanian": "Tai buvo svarbu“, – sakė jis.",
    "Icelandic": "Þetta var mikilvægt“, sagði hann.",
    "Estonian": "See oli meile tähtis“, ütles minister.",
    "Georgian": "ეს ჩვენთვის მნიშვნელოვანი იყო“, თქვა მინისტრმა.",
    "Macedonian": "Тоа беше важно за нас“, рече министерот.",
    "Serbian": "То је за нас било важно“, рекао је министар.",
    "Serbian (Latin)": "To je za nas bilo važno“, rekao je ministar.",
    "Bosnian": "To je za nas bilo važno“, kazao je ministar.",
    "Croatian": "Bilo je to za nas važno“, rekao je ministar.",
    "Slovenian": "To je bilo za nas pomembno“, je dejal minister.",
    "Romanian": "A fost important pentru noi“, a spus ministrul.",
    "German": "Wir schaffen das“, sagte sie am Montag.",
    "Russian": "Это было важно“, — сказал он.",
    "Ukrainian": "Це було важливо“, — сказав він.",
    "Danish": "Det var vigtigt for os“, sagde ministeren.",
}

# Correct sentences, whole, in every convention the step must keep.
CORRECT = {
    "German": "„Wir schaffen das“, sagte sie, und er fügte hinzu: „Das ist ‚sehr‘ gut.“",
    "Czech": "„Je to důležité,“ řekl ministr a dodal: „Uvidíme.“",
    "Lithuanian": "„Tai buvo svarbu“, – sakė jis, – „bet ne lemiama.“",
    "Georgian": "მან თქვა: „ეს მნიშვნელოვანია“ და წავიდა.",
    "Bulgarian": "Той каза: „Това е важно“ и си тръгна.",
    "Polish": "„Nie wiem”, powiedział minister. „Zobaczymy”.",
    "Hungarian": "„Nem tudom” – mondta a miniszter.",
    "Dutch": "„Dat weet ik niet”, zei hij. ‘Dat is goed,’ zei zij.",
    "Swedish": "”Jag vet inte”, sa hon. ’Det är bra’, sa han.",
    "Finnish": "”En tiedä”, hän sanoi.",
    "English": "“Ukraine needs more,” he said. ‘Nobody knows,’ she said of the ’90s.",
    "Spanish": "«Es “muy” importante», dijo el ministro.",
    "French": "« Je ne sais pas », a-t-il dit, « c’est “normal” ».",
    "Portuguese": "“Não sei”, disse o ministro.",
    "Turkish": "“Bilmiyorum,” dedi bakan. Ankara’da toplantı yapıldı.",
    "Indonesian": "“Saya tidak tahu,” kata menteri itu.",
    "Russian": "«Он сказал: „Это важно“», — написал журналист.",
    "Ukrainian": "«Це м’ясо», — сказав він.",
    "Japanese": "彼は「こんにちは」と言った。『本』",
    "Chinese": "他说：“我们需要更多的帮助！”",
    "Greek": "«Δεν ξέρω», είπε ο υπουργός.",
    "Armenian": "«Չգիտեմ», ասաց նախարարը։",
    "Uzbek": "O‘zbekiston poytaxti Toshkent, g‘oya yo‘q.",
    "Hawaiian": "Hawai‘i and O‘ahu, Kaua‘i.",
}

# Right-to-left text: writers use the glyphs unmirrored, ”…“ and ’…‘, which must stay.
RIGHT_TO_LEFT = {
    "Arabic": "قال الوزير ”نحن بحاجة إلى المزيد“ للصحفيين.",
    "Urdu": "انہوں نے کہا ’یہ اہم ہے‘ اور چلے گئے۔",
    "Persian": "او گفت: ”ما به کمک بیشتری نیاز داریم“ و رفت.",
    "Hebrew": "הוא אמר ”אנחנו צריכים עוד“ ויצא.",
    "Syriac": "ܐܡܪ ”ܫܠܡܐ“ ܠܟܠܗܘܢ.",
    "Thaana": " އޭނާ ބުނީ ”ދިވެހިރާއްޖެ“ އެވެ.",
    "N'Ko": "ߊ߬ ߞߊ߲߬ ”ߒߞߏ“ ߝߐ߫.",
}


@pytest.mark.parametrize("language", sorted(LOW_QUOTE_CUT_OFF))
def test_cut_off_low_quote_languages_keep_their_closing_quote(language: str) -> None:
    text = LOW_QUOTE_CUT_OFF[language]
    assert repair_quotes(text) == text
    assert presswash.clean(text) == text
    # And with the opening half in an earlier paragraph.
    whole = "„" + text.replace("“", "“", 1)
    assert repair_quotes(f"„Ja.“\n{text}") == f"„Ja.“\n{text}"
    assert repair_quotes(whole) == whole


@pytest.mark.parametrize("language", sorted(CORRECT))
def test_correct_text_in_every_convention_is_kept(language: str) -> None:
    text = CORRECT[language]
    assert repair_quotes(text) == text
    assert STEP.edits(text) == []


def test_enough_languages() -> None:
    languages = set(LOW_QUOTE_CUT_OFF) | set(CORRECT) | set(RIGHT_TO_LEFT)
    assert len(languages) >= 30
    assert {language for language, _, _ in _ud_sentences()} >= {"lt", "ka", "he", "fa", "ru", "de", "zh"}


@pytest.mark.parametrize("language", sorted(RIGHT_TO_LEFT))
def test_right_to_left_text_is_never_changed(language: str) -> None:
    text = RIGHT_TO_LEFT[language]
    assert repair_quotes(text) == text
    # Also when English words share the paragraph, and when quotes point the English way.
    mixed = f"He said “hello,“ and {text}"
    assert repair_quotes(mixed) == mixed
    turned = text.translate(str.maketrans("“”‘’", "”“’‘"))
    assert repair_quotes(turned) == turned
    # A paragraph of English text beside it is still repaired.
    english = "“Ukraine needs more,“ he said."
    assert repair_quotes(f"{text}\n{english}") == f"{text}\n{repair_quotes(english)}" != f"{text}\n{english}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English: the seed, cut-off English sentences and English beside other languages.
        ("“Ukraine needs more,“ he said", "“Ukraine needs more,” he said"),
        ("Ukraine needs more,“ he said.", "Ukraine needs more,” he said."),
        ("That was the whole point“, they said.", "That was the whole point”, they said."),
        ("The statement“, said Miloš Zeman, was clear.", "The statement”, said Miloš Zeman, was clear."),
        ("„Ja“, sagte er. “Yes,“ he said.", "„Ja“, sagte er. “Yes,” he said."),
        ("Он сказал “привет“ и ушёл.", "Он сказал “привет” и ушёл."),
        ("the players‘ union", "the players’ union"),
        # A paragraph that opens with ” before a letter.
        ("”Where did he live?” she asked.", "“Where did he live?” she asked."),
        ("”Where did he live?”", "“Where did he live?”"),
        ("“Yes.”\n”No,” he said.", "“Yes.”\n“No,” he said."),
        # Polish and Hungarian close with ”: a “ there is a mistake.
        ("Nie wiem“, powiedział.", "Nie wiem”, powiedział."),
    ],
)
def test_english_like_text_is_repaired(text: str, expected: str) -> None:
    assert repair_quotes(text) == expected
    assert repair_quotes(expected) == expected


# Each word-initial elision that a ‘ before is turned into ’, in a sentence of its own.
ELIDED = {
    "em": "Let ‘em go.",
    "tis": "It is cold, ‘tis true.",
    "twas": "‘Twas the night before Christmas.",
    "twere": "If ‘twere done, it were well.",
    "twill": "‘Twill be fine tomorrow.",
    "n": "fish ‘n chips",
    "cause": "I left ‘cause I was tired.",
    "cos": "I left ‘cos I was tired.",
    "coz": "She stayed ‘coz of the rain.",
    "cuz": "He ran ‘cuz he was late.",
    "til": "Wait ‘til Friday.",
    "bout": "What ‘bout me?",
    "pon": "‘Pon my word, he was right.",
    "frisco": "He moved to ‘Frisco in May.",
    "nother": "That is a whole ‘nother story.",
    "neath": "They met ‘neath the bridge.",
    "tween": "‘Tween you and me, it failed.",
    "twixt": "There is many a slip ‘twixt cup and lip.",
    "gainst": "They won ‘gainst all odds.",
    "fraid": "I am ‘fraid not.",
    "cept": "Everyone came ‘cept him.",
    "scuse": "‘Scuse me, sir.",
    "nuff": "‘Nuff said.",
    "burbs": "Life in the ‘burbs is quiet.",
}


def test_every_turned_elision_has_a_sentence() -> None:
    assert set(ELIDED) == set(TURNED_ELISIONS)


@pytest.mark.parametrize("word", sorted(ELIDED))
def test_elisions_after_an_opening_quote_become_apostrophes(word: str) -> None:
    text = ELIDED[word]
    expected = text.replace("‘", "’")
    assert repair_quotes(text) == expected
    assert repair_quotes(expected) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ‘90s", "the ’90s"),
        ("in ‘77 and ‘08", "in ’77 and ’08"),
        ("music of the ‘80s, she said", "music of the ’80s, she said"),
        ("rock ‘n‘ roll", "rock ’n’ roll"),
        ("rock ‘n’ roll", "rock ’n’ roll"),
        ("Guns ‘n‘ Roses played ‘til late.", "Guns ’n’ Roses played ’til late."),
        ("six o‘clock", "six o’clock"),
        ("At five o‘clock, ‘em all left.", "At five o’clock, ’em all left."),
        # A quotation is open: the closing quote answers it, not the elision.
        ("‘I told ‘em off,’ he said.", "‘I told ’em off,’ he said."),
    ],
)
def test_years_and_elisions(text: str, expected: str) -> None:
    assert repair_quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A closing quote answers it: it may open a quotation.
        "‘Tis the season,’ she said.",
        "the novel ‘1984’ by Orwell",
        # Letters written with ‘.
        "O‘zbekiston, g‘alaba, Hawai‘i, Shi‘a",
        # The elision already right, and words that may open a quotation.
        "’Tis the season; rock ’n’ roll in the ’90s.",
        "a ‘round table’ talk",
    ],
)
def test_what_is_not_an_elision_stays(text: str) -> None:
    assert repair_quotes(text) == text


def test_real_running_text_in_16_languages_is_kept_whole_and_cut() -> None:
    """Every UD sentence, and every piece of it cut at a space (the start or the end lost)."""
    changed = []
    for language, _, sentence in _ud_sentences():
        cuts = [index for index, char in enumerate(sentence) if char == " "]
        pieces = [sentence] + [sentence[cut + 1 :] for cut in cuts] + [sentence[:cut] for cut in cuts]
        changed += [(language, piece) for piece in pieces if repair_quotes(piece) != piece]
    assert changed == []


def test_real_running_text_beside_a_repair() -> None:
    """A UD paragraph next to an English one with a mis-curled quote: only the English one changes."""
    for language, _, sentence in _ud_sentences():
        text = f"{sentence}\n“Ukraine needs more,“ he said."
        assert repair_quotes(text) == f"{sentence}\n“Ukraine needs more,” he said.", language


# ---------------------------------------------------------------------------------------------
# Property: a text whose quotes all follow one supported convention is never changed
# ---------------------------------------------------------------------------------------------

# For each convention: its double and single quotes (opening, closing), words of a language
# that uses it, and clauses that follow a quotation there (which a cut-off text keeps).
CONVENTIONS = {
    "English": (
        ("“", "”"),
        ("‘", "’"),
        ["the", "minister", "said", "we", "need", "more", "help", "don’t", "NATO’s", "’90s", "rock ’n’ roll"],
        [", he said.", ", she told reporters.", " — they said."],
    ),
    "German": (
        ("„", "“"),
        ("‚", "‘"),
        ["wir", "schaffen", "das", "nicht", "Regierung", "gut", "Straße", "über", "geht’s"],
        [", sagte sie.", ", sagte der Minister.", " – und ging."],
    ),
    "Lithuanian": (
        ("„", "“"),
        ("‚", "‘"),
        ["tai", "buvo", "svarbu", "ministras", "žmonės", "šalis", "dabar"],
        [", – sakė jis.", ", – pareiškė ministras."],
    ),
    "Czech": (
        ("„", "“"),
        ("‚", "‘"),
        ["to", "bylo", "důležité", "vláda", "řekl", "zákon", "dnes"],
        [", řekl ministr.", ", uvedla vláda."],
    ),
    "Russian": (
        ("„", "“"),
        ("‚", "‘"),
        ["это", "было", "важно", "министр", "сказал", "сегодня"],
        [", — сказал он.", ", — заявил министр."],
    ),
    "Georgian": (
        ("„", "“"),
        ("‚", "‘"),
        ["ეს", "იყო", "მნიშვნელოვანი", "მინისტრი", "დღეს"],
        [", თქვა მან.", ", განაცხადა მინისტრმა."],
    ),
    "Polish": (
        ("„", "”"),
        ("‚", "’"),
        ["nie", "wiem", "rząd", "powiedział", "dziś", "źle"],
        [", powiedział minister.", " – dodał."],
    ),
    "Swedish": (
        ("”", "”"),
        ("’", "’"),
        ["det", "är", "bra", "och", "inte", "jag", "vet", "regeringen"],
        [", sa hon.", ", säger ministern."],
    ),
    "French": (
        ("« ", " »"),
        ("“", "”"),
        ["nous", "avons", "besoin", "d’aide", "aujourd’hui", "le", "ministre"],
        [", a-t-il dit.", ", a déclaré le ministre."],
    ),
    "Japanese": (
        ("「", "」"),
        ("『", "』"),
        ["今日", "は", "大切", "です", "政府"],
        ["と彼は言った。", "と述べた。"],
    ),
    "Arabic": (
        ("”", "“"),
        ("’", "‘"),
        ["نحن", "بحاجة", "إلى", "المزيد", "الوزير"],
        [" قال الوزير.", " قالت."],
    ),
    "Hebrew": (("”", "“"), ("’", "‘"), ["אנחנו", "צריכים", "עוד", "השר"], [" אמר השר.", " אמרה."]),
}


@st.composite
def conventional_texts(draw: st.DrawFn) -> str:
    """A short paragraph in one convention: words, quotations (some nested), and a saying clause;
    sometimes cut off after an opening quote, so that only the closing half is left."""
    name = draw(st.sampled_from(sorted(CONVENTIONS)))
    (open_double, close_double), (open_single, close_single), words, clauses = CONVENTIONS[name]
    space = "" if name == "Japanese" else " "

    def phrase(size: int) -> str:
        return space.join(draw(st.lists(st.sampled_from(words), min_size=1, max_size=size)))

    quoted = phrase(6)
    if draw(st.booleans()):
        quoted += space + open_single + phrase(3) + close_single
    punctuation = draw(st.sampled_from(["", ".", ",", "!", "?"])) if name != "Japanese" else ""
    text = open_double + quoted + punctuation + close_double + draw(st.sampled_from(clauses))
    if draw(st.booleans()):
        text = phrase(4) + space + text
    if draw(st.booleans()):
        # Cut off: keep only what follows some point after the opening quote.
        start = text.index(open_double) + len(open_double)
        end = text.index(close_double, start)
        text = text[draw(st.integers(start, end)) :].lstrip()
    paragraphs = draw(st.integers(1, 2))
    return "\n".join([text] * paragraphs)


@settings(max_examples=400)
@given(conventional_texts())
def test_text_consistent_with_one_convention_is_never_changed(text: str) -> None:
    assert repair_quotes(text) == text
    assert STEP.edits(text) == []


# ---------------------------------------------------------------------------------------------
# Property: turning a kind of quote in one pass agrees with deciding every quote alone
# ---------------------------------------------------------------------------------------------

quote_material = st.lists(
    st.sampled_from(
        [
            "‚",
            "‘",
            "’",
            "„",
            "“",
            "”",
            " ",
            "a",
            "em",
            "\n",
            ",",
            "9",
            "n",
            " the ",
            "ä",
            "ž",
            "жи",
            "ש",
            "(",
            "—",
            # groups side by side, short and long; words that decide elisions, apostrophes, names
            "‘’",
            "”“",
            "“‘’”",
            "’s",
            "O",
            "Tis",
            "90s",
            "players",
            "said",
            "didn",
            "t",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500)
@given(quote_material)
def test_turning_by_kind_agrees_with_deciding_one_by_one(text: str) -> None:
    one_by_one = _Document(text).repairs(by_kind=False)
    assert _Document(text).repairs() == one_by_one
    assert _Document(text).fixed() == splice(text, one_by_one)


# Groups of one to six quotes side by side between every kind of neighbour, in paragraphs
# that do or do not quote the English way or hold low quotes.
quote_groups = st.lists(
    st.tuples(
        st.sampled_from(["", " ", "a", ",", "—", "(", "\n", "9", "„", " said ", "ž"]),
        st.lists(st.sampled_from("‘’“”"), min_size=1, max_size=6).map("".join),
        st.sampled_from(["", " ", "b", ".", "—", ")", "\n", "90s", "em", "Tis", "½ x", "中"]),
    ).map("".join),
    max_size=12,
).map("".join)


@settings(max_examples=300)
@given(quote_groups)
def test_groups_turned_by_kind_agree_with_one_by_one(text: str) -> None:
    one_by_one = _Document(text).repairs(by_kind=False)
    assert _Document(text).repairs() == one_by_one
    assert _Document(text).fixed() == splice(text, one_by_one)


@settings(max_examples=300)
@given(st.one_of(quote_material, quote_groups))
def test_a_text_the_screen_passes_has_nothing_to_turn(text: str) -> None:
    if not screened(text):
        assert _Document(text).repairs(by_kind=False) == []


@pytest.mark.parametrize(
    "unit",
    [
        "“a“ ”b” ‘c‘ ",
        "„a“ “b“ ",
        "‚x‘ ‘a‘ ",
        " ‘em",
        "a‘ ",
        "‘90s ",
        "“a”\n",
        "”a” ‘b’ ",
        "‘90s ‘em a‘b ’c d’ ",
        "“‘a’“ ”’b‘” ",
        "„a“ ‚b‘ “c“ ",
        "“‘“‘“a‘“‘“‘ ",
        "„‚a‘“ “‘b‘“ ",
        "“a“ he said\nשלום “c“\n“b“ he said\nЭто важно“, — сказал он.\n“d“ ‘e‘\n\n",
    ],
)
def test_dense_quotes_by_kind_agree_with_one_by_one(unit: str) -> None:
    text = unit * 2000
    one_by_one = _Document(text).repairs(by_kind=False)
    assert _Document(text).repairs() == one_by_one
    assert _Document(text).fixed() == splice(text, one_by_one)


# Right-to-left letters, and letters of scripts whose UTF-8 begins with the same bytes (Armenian,
# Devanagari, Thai, the byte-order mark), a lone surrogate among them.
SCRIPTS = "a “’\nשלוםمرحباܐހߊࠀ\ufb1d\ufefc\ufeffաբքहिนา€é\ud800"


@given(st.text(alphabet=st.sampled_from(list(SCRIPTS)), max_size=20), st.data())
def test_right_to_left_letters_told_from_utf8_are_those_a_scan_finds(text: str, data: st.DataObject) -> None:
    """Whether a stretch of text holds a right-to-left letter, told first from its UTF-8, is what a
    scan for the letters finds."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    scanned = quote_languages._RIGHT_TO_LEFT.search(text, start, end) is not None
    assert quote_languages.holds_right_to_left(text, start, end) == scanned
