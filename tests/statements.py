"""Helpers the pattern tests of attribution share: a small article around the sentences under
test, the invariants every attribution row satisfies, and lookups by content."""

from __future__ import annotations

import pandas as pd

from kosovo_kit import QUOTE_COLUMNS, attribute_quotes
from kosovo_kit.attribution import frames

# every rule value the table may hold (tests/test_attribution.py spells them out)
FAMILIES = set(frames.RULES)
SUFFIXES = {"pronoun-carryover", "title-carryover", "relative-pronoun"}


def check_rows(table: pd.DataFrame, text: str) -> None:
    """Invariants every attribution must satisfy, whatever the pattern."""
    assert list(table.columns) == QUOTE_COLUMNS
    assert list(table["quote_id"]) == list(range(len(table)))
    for row in table.itertuples(index=False):
        assert row.kind in ("direct", "mixed", "indirect", "belief")
        assert 0 <= row.start < row.end <= len(text)
        assert row.text == text[row.start : row.end]
        assert row.pieces, row
        for s, e in row.pieces:
            assert row.start <= s < e <= row.end
        assert row.pieces[0][0] == row.start and row.pieces[-1][1] == row.end
        if not pd.isna(row.cue):
            assert text[int(row.cue_start) : int(row.cue_end)] == row.cue
        if not pd.isna(row.speaker_start):
            mention = text[int(row.speaker_start) : int(row.speaker_end)]
            assert mention.strip() == mention and mention
        family, *how = row.rule.split("+")
        assert family in FAMILIES
        assert set(how) <= SUFFIXES


def attribute_body(head: str, body: str) -> tuple[str, pd.DataFrame]:
    """Attribute the statements of an article made of ``head`` (a headline and a lead that
    hold no statement) and ``body``, checking the invariants of every row."""
    text = head + body
    table = attribute_quotes(text)
    check_rows(table, text)
    return text, table


def the_row(table: pd.DataFrame, content: str) -> pd.Series:
    """The one attribution whose content is ``content``."""
    rows = table[table["text"] == content]
    shown = table[["kind", "rule", "text"]]
    assert len(rows) == 1, f"no single attribution of {content!r} in\n{shown}"
    return rows.iloc[0]


def mention(text: str, row: pd.Series) -> str:
    """The speaker mention of ``row`` as written in ``text``."""
    return text[int(row["speaker_start"]) : int(row["speaker_end"])]
