"""UTF-8 misread as ISO-8859-2 or as Windows-1250 (presswash.steps.central_european): each rule in
both directions, whole documents, what stays as ftfy reads it, and correct text left alone."""

from __future__ import annotations

from unittest import mock

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-*" codecs
import pytest
from corpora import multilingual_texts
from hypothesis import given, settings
from hypothesis import strategies as st
from sentences import sentences_by_language

from presswash import Cleaner, fix_text
from presswash.edits import apply_edits
from presswash.steps import central_european
from presswash.steps.central_european import (
    DETAIL,
    DIFFERING,
    evidence_against,
    lone_capitals,
    misplaced_sharp_s,
    prefer_iso_8859_2,
)
from presswash.steps.mojibake import Mojibake

STEP = Mojibake(second_chance=True)
NEWS = Cleaner("news", misreads=True)


def as_iso_8859_2(text: str) -> str:
    return text.encode("utf-8").decode("iso-8859-2")


def as_windows_1250(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1250")


# Each misread reads back as valid UTF-8 through both codecs, and ftfy takes Windows-1250.
ISO_8859_2_READ_BACK = [
    # ß after a consonant or starting a word: ü (C3 BC) read as ISO-8859-2, not ß (C3 9F)
    "Für 130,00 EUR war das für uns natürlich keine ausreichende Entschädigung.",
    "Manasse ist ein einzigartiger Parfümeur.",
    "Kann man auch über die Internetseite schicken und später in der Filiale abholen.",
    # a C1 control left by the Windows-1250 reading: « is C2 AB, read as Windows-1250 C2 8D
    "sa « réfutation » de l'immatérialisme",
    # a capital inside small letters: é (C3 A9) read as Windows-1250 is Ê (C3 8A)
    "Avec l'élargissement de ses activités, l'orchestre décide d'abandonner ce système.",
    "Nett und freundlich waren die Servicekräfte, aber völlig überfordert.",
    # a capital alone between small words
    "O roteiro é totalmente baseado nas transcrições da corte.",
    # the stronger evidence first: ß in für outweighs the camel case of MöBo
    "Von mir also keine gute Bewertung für MöBo.",
]


@pytest.mark.parametrize("text", ISO_8859_2_READ_BACK)
def test_a_misread_as_iso_8859_2_is_read_back(text: str) -> None:
    bad = as_iso_8859_2(text)
    assert ftfy.fix_encoding(bad) != text  # ftfy, the first judge, reads Windows-1250 (or nothing)
    assert STEP.fix(bad) == text
    assert NEWS(bad) == NEWS(text)


# The same letters misread as Windows-1250, which ISO-8859-2 would read as something else.
WINDOWS_1250_STAYS = [
    "Die Straße ist weiß, der Fuß ist groß.",  # ß after vowels; as ISO-8859-2: Straüe, weiü, Fuü, groü
    "MÜLLER & SÖHNE",  # as ISO-8859-2: MöLLER, a small letter among capitals
    "Für uns ist die Straße heute gesperrt.",
    "COSÌ È LA VITA",  # as ISO-8859-2: COSæ
    "Dnes je šest stupňů a ráno mlha.",  # as ISO-8859-2: ŷest, r÷no
]


@pytest.mark.parametrize("text", WINDOWS_1250_STAYS)
def test_a_misread_as_windows_1250_stays_windows_1250(text: str) -> None:
    bad = as_windows_1250(text)
    assert DIFFERING.search(bad) is not None
    assert STEP.fix(bad) == text


def test_where_nothing_tells_the_readings_apart_ftfys_stays() -> None:
    """``estĂĄ`` is Portuguese está read as ISO-8859-2, or an estå read as Windows-1250, which ftfy
    takes; nothing in the line says otherwise, so its reading stays."""
    bad = as_iso_8859_2("A informação não está disponível às sextas-feiras.")
    assert STEP.fix(bad) == ftfy.fix_encoding(bad) == "A informação não estå disponível às sextas-feiras."


def test_the_document_decides_even_lines() -> None:
    """A line that reads as well both ways is read as the rest of the text proved."""
    proving, even = as_iso_8859_2("Für uns\n"), as_iso_8859_2("MöBo")
    assert STEP.fix(even) == "MÜBo"  # alone: camel case against a capital, even; ftfy's stays
    assert STEP.fix(proving + even) == "Für uns\nMöBo"
    # A line repaired as only Windows-1250 can (é: Ă©, © is not in ISO-8859-2) keeps the even ones.
    assert STEP.fix(proving + as_windows_1250("Café\n") + even) == "Für uns\nCafé\nMÜBo"


def test_a_line_ftfy_read_as_another_codec_is_not_reread() -> None:
    """Ꭰ (E1 8E A0) read as Windows-1252 gives what Windows-1250 would, and ISO-8859-2 reads
    it as ᮠ: the repair is Windows-1252's, which ftfy tries first."""
    text = "ᏌᎣ ᏙᎺ ᎠᎴ ᏈᏂᏏᏇ"
    bad = text.encode("utf-8").decode("sloppy-windows-1252")
    assert STEP.fix(bad) == text


def test_explain_names_iso_8859_2() -> None:
    bad = as_iso_8859_2("aber völlig überfordert, Servicekräfte")
    details = {(change.original, change.replacement, change.detail) for change in NEWS.explain(bad).changes}
    assert details == {
        ("Ăś", "ö", "utf-8 read as iso-8859-2"),
        ("Ăź", "ü", "utf-8 read as iso-8859-2"),
        ("Ă¤", "ä", "utf-8 read as iso-8859-2"),
    }
    kept = NEWS.explain(as_windows_1250("Die Straße"))
    assert [change.detail for change in kept.changes] == ["utf-8 read as windows-1250"]


def test_fix_text_and_the_ftfy_preset_stay_ftfy() -> None:
    ftfy_preset = Cleaner("ftfy")
    for text in ISO_8859_2_READ_BACK:
        bad = as_iso_8859_2(text)
        assert fix_text(bad) == ftfy.fix_text(bad)
        assert ftfy_preset(bad) == ftfy.fix_text(bad)
    assert fix_text(as_iso_8859_2(ISO_8859_2_READ_BACK[0])).startswith("Fßr 130,00 EUR war das fßr uns")


def test_the_rules_hold_for_correct_text() -> None:
    """Correct text in every language of the test corpora has no misplaced ß and no lone capital."""
    texts = multilingual_texts() + [text for group in sentences_by_language().values() for text in group]
    assert sum(map(misplaced_sharp_s, texts)) == 0
    assert sum(map(lone_capitals, texts)) == 0
    assert all(evidence_against(text)[0] == 0 for text in texts)


def test_correct_text_misread_as_windows_1250_is_never_reread() -> None:
    """No correct sentence misread as Windows-1250 is read as ISO-8859-2, in any part."""
    by_language = sentences_by_language()
    texts = [text for group in by_language.values() for text in group] + multilingual_texts()[::10]
    misreads = [bad for bad in map(as_windows_1250, texts) if DIFFERING.search(bad) is not None]
    assert len(misreads) > 100
    reread = [bad for bad in misreads if any(edit.detail == DETAIL for edit in STEP.edits(bad))]
    assert reread == []


def test_correct_lines_are_never_reread() -> None:
    lines = ["Für uns\n", "Straße"]
    assert prefer_iso_8859_2(lines, [(line, []) for line in lines]) == [(line, []) for line in lines]


WORDS = ["für", "Straße", "völlig", "MöBo", "é", "já", "café", "«a»", "Fuß"]
words = st.lists(st.sampled_from(WORDS), max_size=6)


@settings(max_examples=200)
@given(words, st.booleans())
def test_either_reading_is_repaired_consistently(chosen: list[str], iso: bool) -> None:
    """Whatever the words, the repair is one of the two readings and explains itself."""
    text = " ".join(chosen)
    bad = as_iso_8859_2(text) if iso else as_windows_1250(text)
    fixed = STEP.fix(bad)
    assert STEP.fix(fixed) == fixed
    assert apply_edits(bad, STEP.edits(bad)) == fixed
    if not iso:
        assert fixed == ftfy.fix_encoding(bad) or fixed == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(words, st.sampled_from(["windows-1252", "windows-1250", "iso-8859-2"])), max_size=4)
)
def test_a_line_read_whole_by_an_earlier_codec_is_passed_over_as_repair_by_repair(
    chosen: list[tuple[list[str], str]],
) -> None:
    """Lines that Windows-1252 reads back whole are passed over at once; looked at repair by repair,
    they give the same document."""
    codecs = {"windows-1252": "sloppy-windows-1252", "windows-1250": "sloppy-windows-1250"}
    # Être and Şişli read as Windows-1252 hold Š and ž, which the two Central European codecs place apart.
    lines = [
        " ".join([*line, "Être", "Şişli"]).encode("utf-8").decode(codecs.get(codec, codec))
        for line, codec in chosen
    ]
    bad = "\n".join(lines)
    fixed = STEP.fix(bad)
    with mock.patch.object(central_european, "_read_whole_first", return_value=False):
        assert STEP.fix(bad) == fixed
