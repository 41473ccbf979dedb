"""Subjects of more than one noun phrase before a reporting verb.

:func:`coordinated_subject` widens a speaker phrase found by
:func:`~.speakers.left_phrase` to a coordination of two named speakers ("Senate leader Phil
Berger and House Speaker Tim Moore said", "the Florida senator and Republican presidential
candidate said"): the frame then sees the whole subject, and what stands before it.
"""

from __future__ import annotations

from .paragraph import Paragraph, Span
from .speakers import is_cap, left_phrase, subject

__all__ = ["clause_subject", "coordinated_subject"]


def _name_like(p: Paragraph, word: str) -> bool:
    return is_cap(word) or word.lower() in p.titles


def coordinated_subject(p: Paragraph, span: Span, sent_start: int) -> Span:
    """``span`` widened over "X and" before it when both conjuncts name a speaker.

    The left conjunct must end in a name or a title ("Berger and", "senator and"), so a
    clause before "and" ("the economy grew and Moore said") is not taken for the subject.
    """
    first, last = span
    k = first - 1
    if k - 1 < sent_start or p.lows[k] != "and":
        return span
    if not any(_name_like(p, w) for w in p.words[first : last + 1]):
        return span
    left = left_phrase(p, k - 1, sent_start)
    if left is None or p.kinds[left[1]] != "word" or not _name_like(p, p.words[left[1]]):
        return span
    return left[0], last


def clause_subject(p: Paragraph, sent_start: int, limit: int) -> Span | None:
    """The subject of the clause before token ``limit``: the sentence's subject, else the
    one after a fronted phrase's comma ("But a few days later, Trump reversed himself,
    telling CBS …")."""
    span = subject(p, sent_start, limit)
    if span is not None:
        return span
    for k in range(sent_start + 1, limit - 1):
        if p.words[k] == ",":
            return subject(p, k + 1, limit)
    return None
