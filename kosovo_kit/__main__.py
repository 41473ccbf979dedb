"""Run the command line: ``python -m kosovo_kit``."""

from .cli import main

raise SystemExit(main())
