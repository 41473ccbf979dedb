"""Subjects: the speaker phrase a sentence or clause opens with, and whether it can be one.

:func:`subject` reads the named, pronoun or title subject that opens a sentence (after a
fronted phrase); :func:`clause_subject` also tries the clause after a fronted phrase's
comma; :func:`plausible_subject` rejects nouns read as verbs ("the plans");
:func:`coordinated_subject` widens a speaker phrase found by :func:`~.speakers.left_phrase`
to a coordination of two named speakers ("Senate leader Phil Berger and House Speaker Tim
Moore said", "the Florida senator and Republican presidential candidate said").
"""

from __future__ import annotations

from bisect import bisect_left

from .content import DATELINE
from .cues import Cue
from .paragraph import Paragraph, Span
from .speakers import is_cap, left_phrase, right_phrase
from .words import (
    DETERMINERS,
    EVIDENCE_NOUNS,
    LEADING_PREPOSITIONS,
    NP_PREPOSITIONS,
    ORG_WORDS,
    PRONOUN_DETERMINERS,
    PRONOUNS,
    QUANTIFIERS,
    SKIP_BEFORE_CUE,
    SUBORDINATE_OPENERS,
    TIME_UNITS,
    TIME_WORDS,
)

__all__ = [
    "clause_subject",
    "coordinated_subject",
    "plausible_subject",
    "subject",
    "subject_head",
]


# Media that make a compound with a noun-like cue ("TV show", "radio report")
MEDIA = frozenset({"tv", "radio", "web", "internet"})
# The most tokens of a state or country after a town in a fronted phrase ("in Salem, New
# Hampshire,"; "Colo." is two tokens)
PLACE_TOKENS = 3


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


def subject(p: Paragraph, sent_start: int, limit: int) -> Span | None:
    """The named or pronoun subject opening a sentence, if it has one."""
    lows = p.lows
    k = sent_start
    if k < limit and is_cap(p.words[k]):
        # "WASHINGTON (Reuters) - Sen. Grassley …": the dateline is not the subject; a
        # place in title case needs the agency in brackets ("Washington (AFP) – …") to
        # tell it from a subject before a dash
        dateline = DATELINE.match(p.text, p.starts[k], p.ends[limit - 1])
        if dateline and (p.words[k].isupper() or "(" in dateline.group()):
            k = bisect_left(p.starts, dateline.end(), k, limit)
    while k < limit and (
        lows[k] in ("but", "and", "however", ",", "then", "so") or lows[k] in SKIP_BEFORE_CUE
    ):
        k += 1
    if k < limit and (
        lows[k] in LEADING_PREPOSITIONS
        or lows[k] in SUBORDINATE_OPENERS
        or lows[k] in TIME_WORDS
        or lows[k] in TIME_UNITS
        or lows[k] == "here"
        or (
            lows[k].endswith(("ly", "ing"))
            and "," in p.words[k:limit]
            # "Carly Fiorina", "Kelly Ayotte": a first name, not a fronted "Separately,"
            and not (k + 1 < limit and is_cap(p.words[k + 1]) and p.kinds[k + 1] == "word")
        )
    ):
        # a fronted phrase or clause ("In his speech, Graham …", "Minutes later, she …",
        # "Speaking in Ohio, Trump …") is not the subject: the subject follows its comma
        while k < limit and p.words[k] != ",":
            k += 1
        k += 1
        # "Speaking in Salem, New Hampshire, Trump …": the state after the town is still
        # the fronted phrase's place
        m = k
        while m < limit and m - k < PLACE_TOKENS and is_cap(p.words[m]):
            m += 1
        if k < m < limit - 1 and p.words[m] == "," and is_cap(p.words[k - 2]):
            k = m + 1
    if k >= limit:
        return None
    span = right_phrase(p, k, limit)
    if span is None:
        return None
    span = subject_head(p, span)
    if span is None:
        return None
    words = p.words[span[0] : span[1] + 1]
    if (
        (words[0].lower() in PRONOUNS and PRONOUNS[words[0].lower()] != "self")
        or any(is_cap(w) and w.lower() not in DETERMINERS for w in words)
        or (words[-1].lower() in p.titles)
        or (words[-1].lower() in ORG_WORDS)
    ):
        return span  # a name, a pronoun, a title ("the justice") or a body ("the campaign")
    return None


def subject_head(p: Paragraph, span: Span) -> Span | None:
    """Cut a subject phrase after its head: "Petrova went fully" -> "Petrova", "the
    minister sounded off" -> "the minister". The head is a name, a title, a pronoun or
    an organisation word; after it, a lowercase word other than "of" is the verb."""
    a, b = span
    end = None
    for i in range(a, b + 1):
        w, low = p.words[i], p.lows[i]
        if low in DETERMINERS and end is None:
            continue
        if (
            is_cap(w)
            or low in p.titles
            or low in PRONOUNS
            or low in ORG_WORDS
            or (w in ("’s", "'s", "-", ".", "&"))
        ):
            end = i
        elif end is not None and low != "of":
            break
    return (a, end) if end is not None else None


def plausible_subject(p: Paragraph, cue: Cue, span: Span, skipped: list[str]) -> bool:
    """Reject nouns read as verbs: "the plans", "Trump's comments", "one of the states"."""
    words = p.words[span[0] : span[1] + 1]
    # a name in an appositive before the cue ("Her chief aide, Tom Baker, claims …")
    appositive_name = "," in words and is_cap(words[-1]) and p.kinds[span[1]] == "word"
    head_end = span[1]
    for idx, w in enumerate(words):
        if w in (",", "("):
            head_end = span[0] + idx - 1
            words = words[:idx]
            break
    if not words:
        return False
    last = words[-1].lower()
    if span[0] == span[1] and (
        last == "that" or (last in PRONOUN_DETERMINERS and p.is_verb_cue(cue.verb))
    ):
        return True  # "a sign that read …" (see left_phrase), "Yet another said …"
    if len(words) == 1 and last in QUANTIFIERS and (span[0] == 0 or p.words[span[0] - 1] != ","):
        return True  # "Some say …", "Many believe …"
    if last in DETERMINERS or last in NP_PREPOSITIONS:
        return False
    if p.kinds[head_end] != "word" and not (
        len(words) > 1 and words[-2].lower() in ("in", "of", "than")
    ):
        return False  # a number can close "six in 10", "more than 4,000"
    if (
        cue.entry.noun_like
        and not cue.verb.endswith(("ed", "ing"))
        and not skipped
        and not appositive_name
    ):
        # "the reality TV show “…”": a medium before a noun form is a compound noun
        named = (
            (is_cap(words[-1]) and last not in MEDIA)
            or last in PRONOUNS
            or (last in EVIDENCE_NOUNS)
        )
        # "Trump's comments": a possessive before a noun form; "Weekly’s Berg pointed out"
        # is a past tense, the verb of a named subject
        possessive = any(w in ("’s", "'s", "’", "s’") for w in words) and not (
            cue.verb.endswith("ed") and named
        )
        if possessive or not named:
            k = cue.last + 1
            nxt = p.lows[k] if k < len(p.starts) else ""
            if nxt not in ("that", ":"):
                return False
    return True
