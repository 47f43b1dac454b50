"""The shipped example: the news preset turns it into what an editor wrote by hand."""

from pathlib import Path

from corpora import mojibake_cases

import presswash

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_news_preset_cleans_the_example_as_an_editor_would() -> None:
    text = (EXAMPLES / "news.txt").read_text(encoding="utf-8")
    expected = (EXAMPLES / "news.expected.txt").read_text(encoding="utf-8")
    assert presswash.clean(text) == expected


def test_explain_names_every_kind_of_repair_in_the_example() -> None:
    text = (EXAMPLES / "news.txt").read_text(encoding="utf-8")
    result = presswash.explain(text)
    steps = {change.step for change in result.changes}
    assert steps == {"html", "mojibake", "invisible", "ligatures", "styled", "quotes"}
    styled = [change for change in result.changes if change.step == "styled"]
    assert [(change.original, change.replacement) for change in styled] == [("𝓮𝔁𝓹𝓸𝓼𝓮𝓭", "exposed")]
    assert text[styled[0].start : styled[0].end] == "𝓮𝔁𝓹𝓸𝓼𝓮𝓭"
    quotes = [(change.original, change.replacement) for change in result.changes if change.step == "quotes"]
    assert quotes == [("“", "”"), ("“", "”")]


def test_news_preset_repairs_every_known_mojibake_case() -> None:
    failures = [
        (broken, clean)
        for broken, clean in mojibake_cases()
        if presswash.clean(broken, quotes="keep", styled=False) != clean
    ]
    assert failures == []
