"""The scans of text within the BMP, by bitmap or narrowed, find what their full patterns find, in
every text they are used on."""

import importlib
import pkgutil
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import presswash
from presswash import bmp_scan
from presswash.bmp_scan import NARROWED_FROM, BitmapScan, NarrowableScan, members_bitmap, narrowed
from presswash.ftfy_characters import MAY_NEED_MORE_THAN_QUOTES, MAY_NEED_MORE_THAN_QUOTES_AND_ORDER
from presswash.steps import misread_screen, mojibake_screen, normalization

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
    optional = ("[é\U0001f600]?x", "[é\U0001f600]*x", "[é\U0001f600]{0,2}x", "[é\U0001f600]{,2}x")
    for source in ("[^\U0001f600]", "[\U0001f600]", "x[\U0001f600]", "[a-]]", *optional):
        pattern = re.compile(source)
        assert narrowed(pattern) is pattern


needs_the_helper = pytest.mark.skipif(
    not bmp_scan.COMPILED, reason="the compiled helper is not built (no C compiler at install)"
)


def _module_scans() -> list[NarrowableScan]:
    """Every narrowable scan a module of the package keeps, those of classes within the BMP among
    them (rare ideographs, the sieved text's scans), which only the bitmap speeds up."""
    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(presswash.__path__, "presswash.")
        if not info.name.endswith("__main__")
    ]
    return [scan for module in modules for scan in vars(module).values() if isinstance(scan, NarrowableScan)]


SCANS_BY_BITMAP = list({id(scan): scan for scan in [*SCANS, *_module_scans()]}.values())
BITMAP_SCANS = [
    (scan, BitmapScan(scan.narrow, members_bitmap(scan.narrow) or b"")) for scan in SCANS_BY_BITMAP
]


def test_every_scan_of_the_sieved_text_is_among_those_checked():
    checked = {id(scan) for scan in SCANS_BY_BITMAP}
    for scan in (misread_screen._RARE, misread_screen._PAIR_MEMBER, mojibake_screen._UNCOMMON_BEYOND_RUNLESS):
        assert id(scan) in checked


def _spans(scan: bmp_scan.Scanner, text: str, endpos: int) -> list[tuple[int, int]]:
    """Every match that searching on from each found one's start finds in ``text[:endpos]``."""
    spans = []
    found = scan.search(text, 0, endpos)
    while found is not None:
        spans.append(found.span())
        found = scan.search(text, found.start() + 1, endpos)
    return spans


@needs_the_helper
def test_a_bitmap_holds_exactly_what_the_leading_class_holds():
    for scan, _ in BITMAP_SCANS:
        members = members_bitmap(scan.narrow)
        assert members is not None
        source = scan.narrow.pattern
        leading_class = bmp_scan._leading_class(source)
        assert leading_class is not None
        leading = re.compile(source[: leading_class[1]])
        found = bmp_scan._members_in(EVERY_BMP_CHARACTER, members, 0, len(EVERY_BMP_CHARACTER))
        assert found == leading.findall(EVERY_BMP_CHARACTER)


@needs_the_helper
def test_a_bitmap_scan_finds_what_the_scan_finds_among_every_bmp_character():
    for scan, by_bitmap in BITMAP_SCANS:
        assert by_bitmap.findall(EVERY_BMP_CHARACTER) == scan.wide.findall(EVERY_BMP_CHARACTER)
        end = len(EVERY_BMP_CHARACTER)
        assert _spans(by_bitmap, EVERY_BMP_CHARACTER, end) == _spans(scan.wide, EVERY_BMP_CHARACTER, end)


@needs_the_helper
@given(st.text(st.characters(max_codepoint=0xFFFF)), st.integers(-3, 40), st.integers(-3, 40))
@example("e\u0301 \u0915\u093c \ufb01 \u00c3\u00a9", 2, 30)
@example("\ud800\u0301", 0, 2)
def test_a_bitmap_scan_searches_and_lists_as_the_scan_does(text, pos, endpos):
    for scan, by_bitmap in BITMAP_SCANS:
        assert by_bitmap.findall(text, pos, endpos) == scan.wide.findall(text, pos, endpos)
        found, expected = by_bitmap.search(text, pos, endpos), scan.wide.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())
        assert _spans(by_bitmap, text, endpos) == _spans(scan.wide, text, endpos)
        found_each = [found.span() for found in by_bitmap.finditer(text, pos, endpos)]
        assert found_each == [found.span() for found in scan.wide.finditer(text, pos, endpos)]


@needs_the_helper
def test_the_helper_refuses_what_it_cannot_read():
    members = bytes(0x10000 // 8)
    with pytest.raises(ValueError, match="within the BMP"):
        bmp_scan._first_member("emoji \U0001f600", members, 0, 10)
    with pytest.raises(TypeError, match="members must be bytes of length 8192"):
        bmp_scan._members_in("text", members[1:], 0, 4)
    with pytest.raises(TypeError, match="text must be str"):
        bmp_scan._first_member(b"text", members, 0, 4)


def test_without_the_helper_a_scan_reads_text_within_the_bmp_narrowly(monkeypatch):
    monkeypatch.setattr(bmp_scan, "COMPILED", False)
    text = "Это правда, «да» – ﬁ " * 20
    for scan in SCANS:
        fresh = NarrowableScan(scan.wide)
        assert fresh.over(text) is fresh.narrow
        assert fresh.over(text).findall(text) == scan.wide.findall(text)
