"""Write data/ud-sample.txt: correct running text in 16 languages from Universal Dependencies.

    python scripts/sample_ud.py DIRECTORY   # DIRECTORY holds the UD text files (de.txt, fa.txt, ...)

The source files (one per language, paragraphs separated by a blank line; see
data/README.md for their origin and license) are cut into sentences after
``. ! ? 。 ！ ？ ।`` followed by a space, or after ``。！？`` alone. Of the
sentences of 20 to 250 characters, 40 are taken per language, evenly spread
over the file (every n-th, n = their number // 40), and written as
``language<TAB>sentence`` lines, languages in alphabetical order.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "data" / "ud-sample.txt"
PER_LANGUAGE = 40
SENTENCE_END = re.compile(r"(?<=[.!?।])\s+|(?<=[。！？])\s*")


def sentences(text: str) -> list[str]:
    found = []
    for paragraph in text.split("\n\n"):
        for sentence in SENTENCE_END.split(paragraph.strip()):
            if 20 <= len(sentence) <= 250 and "\t" not in sentence and "\n" not in sentence:
                found.append(sentence)
    return found


def main() -> None:
    directory = Path(sys.argv[1])
    lines = []
    for source in sorted(directory.glob("*.txt")):
        found = sentences(source.read_text(encoding="utf-8"))
        step = max(1, len(found) // PER_LANGUAGE)
        lines += [f"{source.stem}\t{sentence}" for sentence in found[::step][:PER_LANGUAGE]]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.name}: {len(lines)} sentences")


if __name__ == "__main__":
    main()
