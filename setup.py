"""Builds presswash's compiled helpers: the search for the characters of a class by bitmap (see
``src/presswash/bmp_scan.py``), and the sieve and the kinds of characters read in one pass (see
``src/presswash/sieve.py``). They are optional: where no C compiler is at hand, the install goes
on without them, and Python and its regular-expression engine do the same work, slower, to the
same result."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(f"presswash.{name}", [f"src/presswash/{name}.c"], optional=True)
        for name in ("_class_scan", "_sieving")
    ]
)
