"""A short run of the fuzz target of benchmarks/fuzz.py; its long runs are made outside the suite."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

FUZZ = Path(__file__).resolve().parent.parent / "benchmarks" / "fuzz.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("presswash_fuzz", FUZZ)
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fuzz  # its dataclasses look their module up
    spec.loader.exec_module(fuzz)
    return fuzz


def test_fuzz_robustness_target_finds_nothing() -> None:
    fuzz = _load()
    fuzz.robustness()  # hypothesis: a hundred generated documents, through every preset
    assert fuzz.FOUND.inputs >= 100
    assert fuzz.FOUND.failures == []


def test_documents_are_spelled_from_bytes() -> None:
    fuzz = _load()
    # Even first bytes pick a piece, repeated REPEATS[third byte] times; odd ones any code point.
    assert fuzz.document(bytes([0, 0, 0])) == fuzz.PIECES[0]
    assert fuzz.document(bytes([2, 0, 47])) == fuzz.PIECES[1] * 1000
    assert fuzz.document(bytes([1, 2, 8])) == chr(1 << 13 | 2 << 5 | 1)
