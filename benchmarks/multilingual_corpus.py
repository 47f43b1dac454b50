"""Write the tests' multilingual texts as a corpus that run.py and instructions.py read.

    python benchmarks/multilingual_corpus.py /tmp/multilingual.txt
    python benchmarks/instructions.py --corpus /tmp/multilingual.txt --mangled 0 --size 1

Correct text in any language must come out unchanged and cheaply; the news sample
is English. These texts (CLDR names, dates, numbers and units of 85 locales, and
hand-written sentences in many scripts: see ``tests/corpora.py``) need the test
extra (``pip install -e '.[test]'``, for babel).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Texts per document: one a line, as the paragraphs of a news document are.
TEXTS_PER_DOCUMENT = 40


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the corpus file to write")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "tests"))
    corpora = importlib.import_module("corpora")
    texts = [text for text in corpora.multilingual_texts() if "\n" not in text and text.strip()]
    documents = [
        "\n".join(texts[start : start + TEXTS_PER_DOCUMENT])
        for start in range(0, len(texts), TEXTS_PER_DOCUMENT)
    ]
    args.output.write_text("\n\n".join(documents) + "\n", encoding="utf-8")
    print(f"Wrote {len(documents):,} documents ({len(texts):,} texts) to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
