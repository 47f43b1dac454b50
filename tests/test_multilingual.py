"""Real running text in 20 languages and 14 scripts (``data/multilingual``): the fast path is the
slow path, ``fix_text`` is ftfy, and correct text stays as it was.

The screens that let most text through untouched are tuned per script (the
runless characters of the mojibake screen are ranked on this text), so they are
checked here on exactly that text, and on the same text misread through every
codec of ftfy's heuristic, where the screens must let everything through to ftfy.
"""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-*" codecs
import pytest
from ftfy.badness import is_bad as ftfy_is_bad
from sentences import MULTILINGUAL, paragraphs

from presswash import PRESETS, Cleaner, explain, fix_text
from presswash.steps._misread_table import SINGLE_BYTE_CODECS
from presswash.steps.ftfy_decoding import is_bad
from presswash.steps.mojibake import Mojibake

LANGUAGES = sorted(path.stem for path in MULTILINGUAL.glob("*.txt"))
# The codecs ftfy's heuristic knows, through which UTF-8 is misread here.
MISREADS = (
    "sloppy-windows-1252",
    "sloppy-windows-1251",
    "sloppy-windows-1250",
    "sloppy-windows-1253",
    "macroman",
)


def documents(language: str) -> list[str]:
    """The language's paragraphs, one by one and as one document of several paragraphs."""
    found = paragraphs(language)
    return [*found, "\n".join(found[:8])]


def misread(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


def test_the_corpus_has_every_script_the_benchmark_reports() -> None:
    assert len(LANGUAGES) >= 20
    assert {"ar", "el", "hi", "vi", "ru", "zh", "ja", "ko", "th", "he"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_fix_text_is_ftfy_on_correct_text(language: str) -> None:
    for document in documents(language):
        assert fix_text(document) == ftfy.fix_text(document)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("codec", MISREADS)
def test_fix_text_is_ftfy_on_misread_text(language: str, codec: str) -> None:
    """Whole paragraphs misread, and one misread sentence inside correct text."""
    for paragraph in paragraphs(language)[:6]:
        whole = misread(paragraph, codec)
        assert fix_text(whole) == ftfy.fix_text(whole)
        cut = len(paragraph) // 2
        partly = paragraph[:cut] + misread(paragraph[cut : cut + 40], codec) + paragraph[cut + 40 :]
        assert fix_text(partly) == ftfy.fix_text(partly)


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_fast_path_is_slow_path(preset: str, language: str) -> None:
    cleaner = Cleaner(preset)
    for document in [*documents(language), misread(paragraphs(language)[0], "sloppy-windows-1252")]:
        assert cleaner(document) == cleaner.clean_without_gate(document)


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_changes_correct_text_only_where_it_holds_entities(language: str) -> None:
    """The only thing to repair in this text is ``&#39;`` in the Russian treebank's sentences."""
    for document in documents(language):
        changes = explain(document).changes
        assert [change.original for change in changes if change.step != "html"] == []
        assert all(change.original == "&#39;" for change in changes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_mojibake_heuristic_is_ftfys_on_real_lines(language: str) -> None:
    """presswash tries ftfy's heuristic only around the places that may hold mojibake."""
    for paragraph in paragraphs(language)[:10]:
        cut = len(paragraph) // 2
        for codec in MISREADS:
            partly = paragraph[:cut] + misread(paragraph[cut : cut + 12], codec) + paragraph[cut + 12 :]
            assert is_bad(partly) == ftfy_is_bad(partly)
        assert is_bad(paragraph) == ftfy_is_bad(paragraph)


def test_mojibake_heuristic_past_many_innocent_places() -> None:
    """Past the places tried one by one, the rest of the line is searched."""
    innocent = "le cœur de l’œuvre, " * 20
    assert not is_bad(innocent)
    assert is_bad(innocent + misread("café", "sloppy-windows-1252"))
    assert is_bad(misread("café", "sloppy-windows-1252") + innocent)


@pytest.mark.parametrize(("name", "codec"), SINGLE_BYTE_CODECS)
def test_the_second_chance_gives_back_paragraphs_misread_through_each_codec(name: str, codec: str) -> None:
    """Every paragraph of every language misread whole: at least 98% are given back. While a
    Latin word among Chinese, Japanese or Korean (``FBIが``) counted as a mix of scripts, 135 of
    809 paragraphs read through KOI8-R were not (32 of 34 Chinese ones, 20 of 35 Korean)."""
    step = Mojibake(second_chance=True)
    tried = failed = 0
    for language in LANGUAGES:
        for paragraph in paragraphs(language):
            bad = misread(paragraph, codec)
            if bad != paragraph:
                tried += 1
                failed += step.fix(bad) != paragraph
    assert tried > 700
    assert failed <= 0.02 * tried, f"{failed} of {tried} paragraphs misread as {name}"
