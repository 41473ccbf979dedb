"""Who said what: the names :mod:`kosovo_kit.attribution` had here before it was a package.

Kept so that ``from kosovo_kit.quotes import attribute_quotes`` goes on working.
"""

from __future__ import annotations

from .attribution import (
    KINDS,
    QUOTE_COLUMNS,
    QUOTE_DTYPES,
    CueEntry,
    attribute_quotes,
    quote_records,
)

__all__ = [
    "KINDS",
    "QUOTE_COLUMNS",
    "QUOTE_DTYPES",
    "CueEntry",
    "attribute_quotes",
    "quote_records",
]
