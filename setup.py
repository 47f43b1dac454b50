"""Builds presswash's compiled helper, the search for the characters of a class by bitmap (see
``src/presswash/bmp_scan.py``). It is optional: where no C compiler is at hand, the install goes
on without it, and the regular-expression engine does the searching, slower, to the same result."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("presswash._class_scan", ["src/presswash/_class_scan.c"], optional=True)])
