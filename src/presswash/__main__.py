"""``python -m presswash``: the command-line tool."""

from presswash.cli import main

raise SystemExit(main())
