"""Every generated table is what its script writes today, byte for byte.

A table edited by hand (or reformatted) would drift from the data it is derived
from without anyone noticing; regenerating it here makes such drift fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLES = {
    "_mojibake_table.py": "generate_mojibake_table.py",
    "_misread_table.py": "generate_misread_table.py",
    "_normalization_table.py": "generate_normalization_table.py",
    "_quote_table.py": "generate_quote_table.py",
    "_styled_table.py": "generate_styled_table.py",
}


def test_every_table_has_its_script() -> None:
    tables = {path.name for path in (ROOT / "src" / "presswash" / "steps").glob("_*_table.py")}
    assert tables == set(TABLES)


@pytest.mark.parametrize(("table", "script"), TABLES.items())
def test_generated_table_is_current(table: str, script: str) -> None:
    path = ROOT / "src" / "presswash" / "steps" / table
    committed = path.read_text(encoding="utf-8")
    try:
        subprocess.run([sys.executable, str(ROOT / "scripts" / script)], check=True, capture_output=True)
        assert path.read_text(encoding="utf-8") == committed
    finally:
        path.write_text(committed, encoding="utf-8")
