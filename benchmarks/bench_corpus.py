"""Benchmark inputs: the news corpus (repeated to size, a share mangled) and the adversarial texts."""

from __future__ import annotations

import argparse
import functools
import itertools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)

MB = 1_000_000  # sizes and throughputs use decimal megabytes of UTF-8
NEWS_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "news-sample.txt"


def _corpus_file(value: str) -> Path:
    path = Path(value)
    if not (path.is_file() or (path.is_dir() and any(path.glob("*.txt")))):
        raise argparse.ArgumentTypeError(f"corpus not found (a file, or a folder of .txt files): {value}")
    return path


def _share(value: str) -> float:
    share = float(value)
    if not 0 <= share <= 1:
        raise argparse.ArgumentTypeError(f"must be a share between 0 and 1, not {value}")
    return share


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """``--corpus`` and ``--mangled``, the options that choose the input of run.py and instructions.py."""
    parser.add_argument(
        "--corpus",
        type=_corpus_file,
        default=NEWS_SAMPLE,
        help="UTF-8 corpus: documents separated by a blank line, one paragraph per line; or a folder "
        "of such files (data/multilingual), whose documents are taken in turn, one file after another",
    )
    parser.add_argument(
        "--mangled",
        type=_share,
        default=0.01,
        metavar="SHARE",
        help="share of documents mangled (UTF-8 read as Windows-1252)",
    )


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def mangle(text: str) -> str:
    """The classic mojibake: ``text``'s UTF-8 bytes read as Windows-1252."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def fresh_copies(documents: list[str]) -> list[str]:
    """New string objects equal to ``documents``, as if just read from a file.

    CPython keeps a string's UTF-8 form once something has asked for it (pickling,
    for one, or a Rust extension such as plsfix reading it), which makes later
    encoding nearly free, and hides from presswash that the string lies within the
    BMP (``presswash.storage_width``), so that it scans the string the wide way.
    Each timed round, and each warm-up, therefore gets new strings, so no
    contender profits or suffers from what an earlier one did.
    """
    return [text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass") for text in documents]


# About the size of a news article: the news sample's documents average 4 KB.
ARTICLE_BYTES = 3000


def articles(paragraphs: list[str]) -> list[str]:
    """Consecutive ``paragraphs`` joined by line breaks into documents of at least ``ARTICLE_BYTES``."""
    articles: list[str] = []
    current: list[str] = []
    for paragraph in paragraphs:
        current.append(paragraph)
        if sum(map(utf8_len, current)) >= ARTICLE_BYTES:
            articles.append("\n".join(current))
            current = []
    if current:
        articles.append("\n".join(current))
    return articles


def read_documents(path: Path) -> list[str]:
    """The documents of a corpus file: blocks separated by a blank line, one paragraph per line.

    A folder's ``*.txt`` files hold paragraphs instead (``data/multilingual``): consecutive
    paragraphs of a file make a document of at least ``ARTICLE_BYTES``, one paragraph per line,
    and the files' documents are taken in turn (the first of each file, then the second of each,
    …), so that any prefix of the list mixes every language.
    """
    if path.is_dir():
        files = [articles(read_documents(file)) for file in sorted(path.glob("*.txt"))]
        return [document for row in itertools.zip_longest(*files) for document in row if document is not None]
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    documents = [block.strip("\n") for block in _BLANK_LINE.split(text)]
    documents = [document for document in documents if document.strip()]
    if not documents:
        raise SystemExit(f"{path}: no documents found (expected blocks separated by a blank line)")
    return documents


def paragraphs(documents: list[str]) -> list[str]:
    """Each paragraph (line) of ``documents`` a document of its own: short texts, as a column of
    titles, captions or paragraphs holds, where what each call costs besides reading counts.

    >>> paragraphs(["First line\\nSecond line", "Another"])
    ['First line', 'Second line', 'Another']
    """
    return [line for document in documents for line in document.split("\n") if line.strip()]


def joined(documents: list[str], characters: int) -> list[str]:
    """Consecutive ``documents`` joined by a line break into documents of at least ``characters``
    characters (the last may be shorter): long texts, as a file cleaned as one string.

    >>> joined(["ab", "cd", "ef"], 4)
    ['ab\\ncd', 'ef']
    """
    result: list[str] = []
    current: list[str] = []
    length = 0
    for document in documents:
        current.append(document)
        length += len(document) + 1
        if length > characters:
            result.append("\n".join(current))
            current, length = [], 0
    if current:
        result.append("\n".join(current))
    return result


@dataclass(frozen=True)
class Corpus:
    documents: list[str]  # the benchmark input, in order
    source_documents: int  # documents in the corpus file
    source_bytes: int  # UTF-8 bytes of those documents
    mangled: int  # documents chosen for mangling
    mangled_changed: int  # of those, the ones mangling changed (pure ASCII ones stay the same)
    total_bytes: int  # UTF-8 bytes of ``documents``

    @property
    def repeats(self) -> float:
        return self.total_bytes / self.source_bytes if self.source_bytes else 0.0


def build_corpus(source: list[str], size_mb: float, mangled_share: float, seed: int) -> Corpus:
    """Repeat ``source`` in order until about ``size_mb`` MB (0: each document once), then mangle a share.

    The mangled documents are a seeded random sample of the repeated list, so two copies
    of one source document are mangled independently.
    """
    source_bytes = sum(utf8_len(document) for document in source)
    documents: list[str] = []
    if size_mb <= 0:
        documents = list(source)
    else:
        target = size_mb * MB
        total = 0
        while total < target:
            for document in source:
                documents.append(document)
                total += utf8_len(document)
                if total >= target:
                    break
    count = round(mangled_share * len(documents))
    count = max(0, min(len(documents), count))
    changed = 0
    for index in random.Random(seed).sample(range(len(documents)), count):
        mangled = mangle(documents[index])
        changed += mangled != documents[index]
        documents[index] = mangled
    return Corpus(
        documents=documents,
        source_documents=len(source),
        source_bytes=source_bytes,
        mangled=count,
        mangled_changed=changed,
        total_bytes=sum(utf8_len(document) for document in documents),
    )


@dataclass(frozen=True)
class Adversarial:
    """A pathological input. ``make()`` builds it at full size; smaller sizes are prefixes of it."""

    name: str
    description: str
    make: Callable[[], str]
    ftfy_max_mb: float | None = None
    """Where ftfy is quadratic, it is timed on at most this much (a prefix), and compared there."""


def prefix(text: str, fraction: float) -> str:
    """The first ``fraction`` of ``text`` (in characters): the same input, smaller."""
    return text[: max(1, round(len(text) * fraction))]


def _copies_for(unit: str, megabytes: float) -> int:
    """How many copies of ``unit`` make about ``megabytes`` MB of UTF-8."""
    return max(1, round(megabytes * MB / utf8_len(unit)))


def _news_paragraph(source: list[str]) -> str:
    """A real paragraph rich in non-ASCII typography (the one with the most non-ASCII characters)."""
    paragraphs = (line for document in source for line in document.split("\n"))
    return max(paragraphs, key=lambda line: (sum(not char.isascii() for char in line), len(line)))


MULTILINGUAL = NEWS_SAMPLE.parent / "multilingual"


def _squeezed_with_misread(language: str, megabytes: float) -> str:
    unit = _one_line(language).replace(" ", "")
    return unit * _copies_for(unit, megabytes) + "JosГ©"


def _one_line(language: str) -> str:
    """The running text of ``data/multilingual`` in ``language``, on one line."""
    return " ".join((MULTILINGUAL / f"{language}.txt").read_text(encoding="utf-8").split("\n")) + " "


def _misread_line(language: str, codec: str, megabytes: float) -> str:
    """Text in ``language`` repeated to ``megabytes`` MB on one line, its UTF-8 read as ``codec``
    (bytes it cannot read become U+FFFD): mojibake that only the second chance undoes, in part."""
    unit = _one_line(language)
    text = unit * _copies_for(unit, megabytes)
    return text.encode("utf-8").decode(codec, errors="replace")


def adversarial_inputs(source: list[str], scale: float = 1.0) -> list[Adversarial]:
    """The adversarial inputs at their nominal size times ``scale`` (``--quick`` uses 0.1)."""
    mojibake_unit = mangle(_news_paragraph(source)) + " "
    clean_unit = " ".join(line for document in source[:10] for line in document.split("\n")) + " "
    # The same paragraphs one a line, the first of them misread: a long document (a file cleaned
    # as one string) with a line of mojibake every few blocks of the steps that take blocks.
    document_lines = [line for document in source[:10] for line in document.split("\n")]
    document_unit = "\n".join([mangle(document_lines[0]), *document_lines[1:]]) + "\n"
    entity_unit = "&amp;&rsquo;&#8217;"
    ligature_unit = "le cœur, " + "x" * 250

    mojibake_copies = _copies_for(mojibake_unit, 1 * scale)
    clean_copies = _copies_for(clean_unit, 10 * scale)
    document_copies = _copies_for(document_unit, 10 * scale)
    entity_copies = _copies_for(entity_unit, 1 * scale)
    ligature_copies = _copies_for(ligature_unit, 5 * scale)
    marks = max(1, round(10**6 * scale))
    quotes = max(1, round(10**5 * scale / 2))
    # Quote-dense text, 0.5 MB each: every quote (or every other one) points the wrong way, or
    # may: each shape asks quote repair a different question, on one line or on many short ones.
    dense = {
        "mis-curled quotes": "“a“ ”b” ‘c‘ ",
        "low quotes": "„a“ ‚b‘ “c“ ",
        "elisions and apostrophes": "‘90s ‘em a‘b ’c d’ ",
        "mixed singles and doubles": "‘a” “b’ ”c‘ ’d“ ",
        "nested quotes side by side": "“‘a’“ ”’b‘” ",
        "primes and apostrophes": "5′ 10″ 5’10” it‘s 6‘ ",
        "Cyrillic": "“Это“ ‘важно‘ сказал“ он” ",
        "German, correct": "„Wir schaffen das“, sagte sie. ‚ja‘ und“ ",
        "right-to-left": "قال ”مرحبا“ لهم ’نعم‘ ",
        "mis-curled quotes, short lines": "“a“ ”b” ‘c‘\n",
        "elisions, short lines": "‘90s ‘em a‘b ’c d’\n",
        "low quotes, short lines": "„a“ ‚b‘ “c“\n",
    }

    return [
        Adversarial(
            "mojibake line",
            "a news paragraph mangled via Windows-1252, repeated on one line "
            f"({utf8_len(mojibake_unit):,} bytes x {mojibake_copies:,})",
            lambda: mojibake_unit * mojibake_copies,
        ),
        Adversarial(
            "combining marks",
            f'"a" + {marks:,} x U+0301 (combining acute accent)',
            lambda: "a" + "\u0301" * marks,
        ),
        Adversarial(
            "mixed combining marks",
            f'"e" + {marks:,} combining marks, U+0301 U+0336 alternating (classes 230 and 1): '
            "canonical ordering has to sort them",
            lambda: "e" + "\u0301\u0336" * (marks // 2),
            ftfy_max_mb=0.2 * scale,
        ),
        Adversarial(
            "letter/mark pairs",
            f'"a\\u0301" x {marks:,}: alternating letters and combining marks',
            lambda: "a\u0301" * marks,
        ),
        Adversarial(
            "double quotes",
            f"{2 * quotes:,} alternating curly double quotes “”“”… on one line",
            lambda: "“”" * quotes,
        ),
        Adversarial(
            "single quotes",
            f"{2 * quotes:,} alternating curly single quotes ‘’‘’… on one line",
            lambda: "‘’" * quotes,
        ),
        *(
            Adversarial(
                f"quote-dense: {name}",
                f"{unit!r} x {_copies_for(unit, 0.5 * scale):,}: quotes that point the wrong way, or may",
                functools.partial(str.__mul__, unit, _copies_for(unit, 0.5 * scale)),
            )
            for name, unit in dense.items()
        ),
        Adversarial(
            "clean line",
            "clean news text without a newline: 10 documents' paragraphs joined by spaces "
            f"({utf8_len(clean_unit):,} bytes x {clean_copies:,})",
            lambda: clean_unit * clean_copies,
        ),
        Adversarial(
            "news document",
            "the same paragraphs one a line, the first misread via Windows-1252, as one document "
            f"({utf8_len(document_unit):,} bytes x {document_copies:,})",
            lambda: document_unit * document_copies,
        ),
        *(
            Adversarial(
                f"lossy {codec} line ({name})",
                f"{name} news text ({language}.txt of data/multilingual) on one line, about "
                f"{0.2 * scale:g} MB, its UTF-8 read as {codec} with lost bytes as U+FFFD",
                functools.partial(_misread_line, language, codec, 0.2 * scale),
            )
            for name, language, codec in (
                ("Chinese", "zh", "gbk"),
                ("Chinese", "zh", "big5"),
                ("Japanese", "ja", "cp932"),
                ("French", "fr", "cp932"),
            )
        ),
        *(
            Adversarial(
                f"{name} line, misread at the end",
                f"{name} news text ({language}.txt) without its spaces, about {0.5 * scale:g} MB on one "
                "line, then JosГ© (José read as Windows-1251): one word to judge the whole line around",
                functools.partial(_squeezed_with_misread, language, 0.5 * scale),
            )
            for name, language in (("Russian", "ru"), ("Greek", "el"))
        ),
        Adversarial(
            "HTML entities",
            f'"{entity_unit}" x {entity_copies:,}',
            lambda: entity_unit * entity_copies,
        ),
        Adversarial(
            "French line, œ far apart",
            f'"{ligature_unit[:9]}" and {len(ligature_unit) - 9} x "x", x {ligature_copies:,} on one line: '
            "each œ is judged by ftfy's heuristic where it stands, within the look-ups a text allows",
            lambda: ligature_unit * ligature_copies,
        ),
    ]
