"""The public API: presets, options, errors, explanations, pickling."""

import dataclasses
import pickle
import sys

import pytest

import presswash
from presswash import Cleaner, Config, apply_changes


def test_presets_are_named_configurations() -> None:
    assert set(presswash.PRESETS) == {"news", "ftfy", "ascii"}
    assert Cleaner().config == presswash.PRESETS["news"]
    assert Cleaner("ascii").config.ascii
    assert Cleaner("ftfy").config.ftfy_compatible


def test_options_override_the_preset() -> None:
    cleaner = Cleaner("news", quotes="keep", styled=False)
    assert cleaner.config.quotes == "keep"
    assert not cleaner.config.styled
    assert cleaner.config.mojibake


def test_configuration_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Cleaner().config.mojibake = False  # type: ignore[misc]


def test_unknown_option_lists_the_valid_ones() -> None:
    with pytest.raises(TypeError, match="unknown option 'quote'; valid options are: ascii, controls"):
        presswash.clean("text", quote="straight")
    with pytest.raises(TypeError, match="unknown option 'fix_entities'"):
        Cleaner(fix_entities=True)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("quotes", "curly", "option 'quotes' must be one of 'repair', 'straight', 'keep', not 'curly'"),
        ("normalization", "NFD", "option 'normalization' must be one of 'NFC', 'NFKC', None, not 'NFD'"),
        ("normalization", True, "option 'normalization' must be one of 'NFC', 'NFKC', None, not True"),
        ("mojibake", "yes", "option 'mojibake' must be True or False, not 'yes'"),
        ("styled", 1, "option 'styled' must be True or False, not 1"),
    ],
)
def test_bad_values_name_the_allowed_ones(option: str, value: object, message: str) -> None:
    with pytest.raises(ValueError) as error:
        Cleaner(**{option: value})
    assert str(error.value) == message


def test_unknown_preset() -> None:
    with pytest.raises(ValueError, match="unknown preset 'newz'; presets are: 'news', 'ftfy', 'ascii'"):
        presswash.clean("text", preset="newz")


def test_bytes_are_refused_with_how_to_decode_them() -> None:
    with pytest.raises(TypeError, match=r"expected str, got bytes: decode it first, e\.g\. data\.decode"):
        presswash.clean(b"Mayor\xe2\x80\x99s")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got bytearray"):
        presswash.fix_text(bytearray(b"x"))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 42, ["a list"]])
def test_other_non_text_is_refused_naming_its_type(value: object) -> None:
    with pytest.raises(TypeError, match=f"expected str, got {type(value).__name__}"):
        Cleaner()(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected str"):
        presswash.explain(value)  # type: ignore[arg-type]


def test_ascii_preset_says_which_extra_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "unidecode", None)
    with pytest.raises(ImportError, match=r"pip install 'presswash\[ascii\]'"):
        Cleaner("ascii")


def test_ascii_preset_transliterates() -> None:
    assert presswash.clean("“Nicolás” in Москва – 5€", preset="ascii") == '"Nicolas" in Moskva - 5EUR'


def test_cleaner_pickles_and_keeps_its_configuration() -> None:
    cleaner = Cleaner("news", quotes="straight")
    copy = pickle.loads(pickle.dumps(cleaner))
    assert copy.config == cleaner.config
    assert copy("“x”") == cleaner("“x”") == '"x"'


def test_explain_reports_step_span_and_text() -> None:
    text = "The Mayorâ€™s plan&hellip; ﬁnally"
    result = presswash.explain(text)
    assert result.text == "The Mayor’s plan… finally"
    assert [(c.step, c.start, c.end, c.original, c.replacement) for c in result.changes] == [
        ("mojibake", 9, 12, "â€™", "’"),
        ("html", 18, 26, "&hellip;", "…"),
        ("ligatures", 27, 28, "ﬁ", "fi"),
    ]
    for change in result.changes:
        assert text[change.start : change.end] == change.original
    assert apply_changes(text, result.changes) == result.text


def test_explain_merges_steps_that_rewrote_the_same_characters() -> None:
    text = "say &amp;rsquo;hi"
    result = presswash.explain(text, quotes="keep")
    assert result.text == "say ’hi"
    [change] = result.changes
    assert (change.step, change.original, change.replacement) == ("html", "&amp;rsquo;", "’")


def test_explain_of_clean_text_has_no_changes() -> None:
    result = Cleaner().explain("Nothing to see here.")
    assert result.text == "Nothing to see here."
    assert result.changes == ()


def test_config_help_exists_for_every_option() -> None:
    for field in dataclasses.fields(Config):
        assert presswash.config.help_text(field.name)
