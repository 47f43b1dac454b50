"""Scans narrowed to the BMP find what their full patterns find, in every text they are used on."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

import presswash
from presswash.bmp_scan import NARROWED_FROM, NarrowableScan, narrowed
from presswash.ftfy_characters import MAY_NEED_MORE_THAN_QUOTES, MAY_NEED_MORE_THAN_QUOTES_AND_ORDER
from presswash.steps import normalization

EVERY_BMP_CHARACTER = "".join(map(chr, range(0x10000)))


def _scans() -> list[NarrowableScan]:
    """The narrowable scans of the package: its own, and those of the presets' shared screens."""
    scans = [MAY_NEED_MORE_THAN_QUOTES, MAY_NEED_MORE_THAN_QUOTES_AND_ORDER, normalization._NFC_WORK]
    for cleaner in (*map(presswash.Cleaner, presswash.PRESETS), presswash.Cleaner("news", misreads=False)):
        for screen in cleaner._dense_screens:
            scans += [scan for scan in (screen._search, screen._sparing) if scan is not None]
    return scans


SCANS = _scans()


def test_the_scans_read_text_within_the_bmp_narrowly():
    # Each of these finds characters beyond the BMP (NFC may change them), which its narrow form,
    # the one that reads text within the BMP, leaves out: otherwise narrowing would save nothing.
    for scan in SCANS:
        for beyond in ("\U00010000", "\U0001d400", "\U0010ffff"):
            assert scan.wide.match(beyond) is not None
            assert scan.narrow.match(beyond) is None


def test_a_narrowed_scan_finds_what_the_scan_finds_among_every_bmp_character():
    for scan in SCANS:
        assert scan.narrow.findall(EVERY_BMP_CHARACTER) == scan.wide.findall(EVERY_BMP_CHARACTER)


@given(st.text(st.characters(max_codepoint=0xFFFF)))
def test_a_narrowed_scan_finds_what_the_scan_finds_in_text_within_the_bmp(text):
    for scan in SCANS:
        assert scan.narrow.findall(text) == scan.wide.findall(text)


@given(st.text(min_size=1))
@example("e\u0301 \U0001d400\u0301")
@example("\ud800\U0001f600")
@example("\u0915\u093c")
def test_the_scan_chosen_for_a_text_finds_what_the_full_scan_finds(text):
    long_text = text * (NARROWED_FROM // len(text) + 1)  # long enough to be scanned narrowly
    for scan in SCANS:
        assert scan.over(long_text).findall(long_text) == scan.wide.findall(long_text)


def test_only_the_characters_beyond_the_bmp_are_left_out_of_the_leading_class():
    cases = {
        "[a\\-\U0001f600]": "[a\\-]",  # an escaped hyphen and a character beyond: no range
        "[\\x80-\U0010ffff](?<=x)": "[\\x80-\uffff](?<=x)",  # a range from an escape
        "[]\U0001f600]": "[]]",  # a first ``]`` is a member
        "[\U0001f600-\U0001f64fé][\U0001f600]": "[é][\U0001f600]",  # only the leading class
        "[\\U0001f600é]": "[\\U0001f600é]",  # an escape is left as it is: nothing to narrow
    }
    for source, expected in cases.items():
        assert narrowed(re.compile(source)).pattern == expected
    for source in ("[^\U0001f600]", "[\U0001f600]", "x[\U0001f600]", "[a-]]"):
        pattern = re.compile(source)
        assert narrowed(pattern) is pattern
