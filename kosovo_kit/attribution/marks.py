"""Quotation marks: which characters they are, which closes which, and the quotations.

The one definition of quotation marks for attribution. Other modules keep their own sets
where they mean something else:

- :mod:`kosovo_kit.tokenise` (``QUOTE_CHARS``) says which characters are *tokens* of kind
  ``quote``; it also knows the reversed single mark ``‛``, which opens no quotation here.
- :mod:`kosovo_kit.evaluation` (``_DOUBLE_MARKS``) decides whether gold or predicted
  content counts as quoted; it also knows the CJK and full-width marks ``〝〞＂`` that
  annotators may have kept, and counts a single mark only before a letter.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = [
    "ALWAYS_OPENS",
    "CLOSERS",
    "CLOSERS_FOR",
    "CONTENT_MARK",
    "DOUBLE_MARK",
    "MARK",
    "MAY_OPEN",
    "OPENERS",
    "QUOTE_MARKS",
    "Quotation",
    "find_quotations",
]

#: Every mark the pairing reads. Three apostrophes after a word close a single quotation,
#: then a double one (''the word 'old-school,''' said X): the single mark is read first.
#: Each alternative opens on its mark, not on a look-behind the regex engine would try
#: at every character of the paragraph.
MARK = re.compile(r"'(?:(?<=\S')(?='')|'?)|``|[“”„‟«»‹›‘’‚\"]")
#: A mark that can open a quotation (an apostrophe inside or after a word cannot): a
#: paragraph without one, a cue or a speaker line holds no statement.
MAY_OPEN = re.compile(r"[“”„‟«»‹›‘‚\"`]|''|(?<![\w’'])'")
#: A single mark before a two-digit year (in ‘08, the ‘90s) stands for elided digits: the
#: writer's software turned the apostrophe into an opening mark, which then swallows the rest.
ELIDED_YEAR = re.compile(r"\d\d(?:s|’s|'s)?(?![\w’'])")
#: Marks that open whatever stands around them.
ALWAYS_OPENS = frozenset(["“", "„", "‟", "«", "‹", "‚", "``"])
#: Opening mark -> the marks that may close it (writers mix them: „…“, “…", ``…'').
CLOSERS_FOR = {
    "“": frozenset(["”", '"', "''"]),
    "„": frozenset(["“", "”", '"']),
    "‟": frozenset(["”"]),
    "«": frozenset(["»"]),
    "‹": frozenset(["›"]),
    "‚": frozenset(["‘", "’"]),
    "``": frozenset(["''", "”", '"']),
    '"': frozenset(['"', "”", "''"]),
    "''": frozenset(["''", '"', "”"]),
    "'": frozenset(["'"]),
    "‘": frozenset(["’", "'"]),
}
#: Characters that are quotation marks, whichever way they face.
QUOTE_MARKS = frozenset("“”„‟«»‹›‘’‚'\"`")
#: Characters that may end a quotation, read off the character after its content (“ too:
#: find_quotations() lets a turned opening mark close “…,“ she said).
CLOSERS = frozenset("”»›’\"'“")
#: Characters that may start a quotation, read off the character before its content.
OPENERS = frozenset("“„‟«‹‘‚\"'")
#: What ends a quotation right before an opening mark that then closes it (“…,“ she said)
CLOSED_BY = frozenset(",.?!…")
#: Double marks and guillemets: content holding one is at least partly quoted ("mixed").
#: Two apostrophes or backticks are a double mark too, as some papers print them
#: (''It's a deal,'' he said).
DOUBLE_MARK = re.compile("[“”«»„\"‹›]|''|``")
#: The marks whose presence lets a noun-like or picky cue report a clause: quotation
#: proper, without the rarer low and single guillemets that also serve as brackets.
CONTENT_MARK = re.compile("[“”«»\"]|''|``")


class Quotation(NamedTuple):
    """A quotation: where its opening mark starts, its inner text, its closing mark's end."""

    open: int
    inner_start: int
    inner_end: int
    close: int | None  # None: still open at the paragraph's end


def _opens_line(text: str, start: int, i: int) -> bool:
    """Only white space or invisible format characters stand between the start of the line
    (or of ``text[start:]``) and position ``i``."""
    k = i - 1
    while k >= start and text[k] != "\n":
        if not (text[k].isspace() or unicodedata.category(text[k]) == "Cf"):
            return False
        k -= 1
    return True


def find_quotations(text: str, start: int, end: int) -> list[Quotation]:
    """Top-level quotations in ``text[start:end]``; nested ones stay inside their parent.

    Parameters
    ----------
    text : str
        The article text.
    start, end : int
        The paragraph's span.

    Returns
    -------
    list of Quotation
        In text order; the last one has ``close=None`` when it is still open at ``end``.

    Examples
    --------
    >>> find_quotations("“Yes,” he said.", 0, 15)
    [Quotation(open=0, inner_start=1, inner_end=5, close=6)]
    """
    quotes: list[Quotation] = []
    open_at = inner = -1
    closers: frozenset[str] = frozenset()
    nested: frozenset[str] = frozenset()  # closers of a quotation inside the open one
    open_mark = ""
    for m in MARK.finditer(text, start, end):
        mark, i, j = m.group(), m.start(), m.end()
        prev = text[i - 1] if i > start else " "
        nxt = text[j] if j < end else " "
        if nested:
            if mark in nested and not (mark in ("’", "'") and nxt.isalnum()):
                nested = frozenset()
                continue
            if mark not in closers or prev.isspace() or mark in nested:
                continue
            nested = frozenset()  # the inner one never closed: the outer one closes
        if open_at < 0:
            if mark in ALWAYS_OPENS:
                pass
            elif mark in ('"', "''"):
                if prev.isalnum() or nxt.isspace():
                    continue
            elif mark in ("'", "‘"):
                if prev.isalnum() or not (nxt.isalnum() or nxt in '“"'):
                    continue
                if ELIDED_YEAR.match(text, j, end):
                    continue
            elif mark == "”" and nxt.isalnum() and _opens_line(text, start, i):
                # ”Fear is … ” at the start of a line: the writer's software turned the
                # opening mark; it opens the quotation as “ would
                mark = "“"
            else:
                continue  # a closing mark with nothing open: stray
            open_at, inner, closers, open_mark = i, j, CLOSERS_FOR[mark], mark
            continue
        if mark in closers and i > inner:
            if mark in ("’", "'") and nxt.isalnum():
                continue  # an apostrophe inside the quotation
            if mark in ('"', "''") and prev.isspace() and nxt.isalnum():
                open_at, inner = i, j  # it opens: the previous one never closed
                continue
            quotes.append(Quotation(open_at, inner, i, j))
            open_at = -1
        elif mark == open_mark == "“" and prev in CLOSED_BY and nxt.isspace() and i > inner:
            # “…,“ she said: the writer's software turned the closing mark the wrong way
            quotes.append(Quotation(open_at, inner, i, j))
            open_at = -1
        elif mark in ALWAYS_OPENS and mark not in ("‚", "‹") and closers.isdisjoint("’›"):
            if mark == open_mark:
                open_at, inner = i, j  # the same mark again: the first never closed
            else:
                nested = CLOSERS_FOR[mark]  # “…” inside "…": a quotation within
    if open_at >= 0:
        quotes.append(Quotation(open_at, inner, end, None))
    return quotes
