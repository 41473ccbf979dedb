"""Stance predicates: the word that links a holder to a target decides the sign.

The words around a mention ("tensions", "explosions") say how the scene looks, not what the
speaker thinks of the one named. A small set of patterns finds the predicate that ties the
mention to a stance, from ``data/stance_predicates.csv`` and ``data/place_prepositions.txt``:

* ``object``: the mention is what a predicate is about: "supports Serbia", "denounced the
  rhetoric of Belgrade", "condemns Serbia's policies", "close ties with Serbia", and in the
  passive "Kurti was condemned".
* ``subject``: the mention does what the predicate says: "Serbia defends the rights of …"
  (favourable), "the barricades erected by the Kosovo Serbs must be dismantled" (a demand made
  of them), and the agent of a passive ("… was threatened by X").
* ``evaluation``: the mention sits in the subject of a copula whose complement carries the
  sentiment: "the increase in the Serbian military presence … is a very bad signal".
* ``place``: the mention heads a place phrase ("tensions in Kosovo"): stance 0.

A predicate under a negation ("did not condemn") decides nothing. The functions work on the
token lists of :mod:`kosovo_kit.sentiment`, so callers tokenise once.
"""

from __future__ import annotations

import csv
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .resources import data_path, read_word_list

__all__ = ["Evidence", "Predicate", "find_evidence", "load_predicates", "predicate_of"]


@dataclass(frozen=True)
class Predicate:
    """One row of ``data/stance_predicates.csv``."""

    lemma: str
    form: tuple[str, ...]
    object: int | None
    subject: int | None


@dataclass(frozen=True)
class Evidence:
    """Why a mention gets a sign.

    Attributes
    ----------
    sign : int
        -1, 0 or +1.
    rule : str
        ``object``, ``subject``, ``passive``, ``agent``, ``evaluation``, ``place`` or ``cue``.
    word : str
        The predicate (or preposition, or evaluative words) as written.
    first, last : int
        Token indices of ``word`` in the sentence (``-1`` when it is not in the sentence).
    """

    sign: int
    rule: str
    word: str
    first: int = -1
    last: int = -1


def _sign(value: str) -> int | None:
    value = value.strip()
    return int(value) if value else None


def read_predicates(path: str | Path) -> dict[tuple[str, ...], Predicate]:
    """Read a stance-predicate table (``lemma,forms,object,subject[,note]``) by word form."""
    table: dict[tuple[str, ...], Predicate] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            obj, subj = _sign(row["object"]), _sign(row["subject"])
            for form in row["forms"].split():
                words = tuple(form.lower().split("_"))
                table[words] = Predicate(row["lemma"], words, obj, subj)
    return table


@lru_cache(maxsize=1)
def load_predicates() -> dict[tuple[str, ...], Predicate]:
    """The shipped stance predicates, keyed by word form (a tuple of lower-case words)."""
    return read_predicates(data_path("stance_predicates.csv"))


@lru_cache(maxsize=1)
def _places() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(e.lower().split()) for e in read_word_list("place_prepositions.txt"))


@lru_cache(maxsize=1)
def _max_form() -> int:
    return max(len(f) for f in load_predicates())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STRIP = string.punctuation + "“”‘’„‟«»‹›‚‛—–―…"
_NEGATORS = _words("not n't never no without nor neither hardly refused refuses refuse")
_BE = _words("is are was were be been being am 's")
_COPULA = _words("is are was were remains remain remained seems seemed")
# Words that may stand between a predicate and its object without ending the phrase.
_NP_GLUE = _words("the a an its his her their our this these those of and")
# Words that may stand between a subject and its verb.
_AUX = _words("""
    has have had will would shall should can could may might is are was were be been being
    also still already always now again today clearly openly strongly firmly repeatedly
    continues continued continue to does do did""")
_CLAUSE_WORDS = _words("""
    while but although though whereas however yet which who whom where when because since if
    whether so""")
_RELATIVE = _words("which who whom where whose")


def _ends_clause(raw: str) -> bool:
    """A comma, semicolon, colon, bracket or dash after a token ends its phrase."""
    tail = raw.rstrip("”’\"'")
    return tail[-1:] in ",;:()" or raw in ("-", "--", "—", "–")


def predicate_of(lowers: Sequence[str], i: int) -> Predicate | None:
    """The longest stance predicate starting at token ``i``, if any."""
    table = load_predicates()
    for k in range(min(_max_form(), len(lowers) - i), 0, -1):
        hit = table.get(tuple(lowers[i : i + k]))
        if hit is not None:
            return hit
    return None


def _negated(lowers: Sequence[str], i: int) -> bool:
    return any(w in _NEGATORS or w.endswith("n't") for w in lowers[max(0, i - 3) : i])


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in ("upheld",)


# Endings of adjectives of place ("Serbian", "Chinese", "Iraqi"): before a noun they modify it.
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "can", "man", "i")


def _is_head(raw: Sequence[str], lowers: Sequence[str], words: Sequence[str], last: int) -> bool:
    """The mention ends its noun phrase (not a modifier: "the Serbian army", "Serbia's army")."""
    nxt = last + 1
    if lowers[last].endswith(("'s", "’s")):
        return False
    if nxt >= len(lowers) or _ends_clause(raw[last]) or raw[last].endswith("."):
        return True
    return not (
        words[nxt][:1].islower()
        and lowers[nxt] not in _FUNCTION_WORDS
        and lowers[last].endswith(_ADJECTIVE_ENDINGS)
    )


_FUNCTION_WORDS = _words("""
    and or but while where which who that since on in at to for with by from of as is are was
    were has have had will would must should can could said says told after before during
    amid over under until up down out off""")


def _place(
    raw: Sequence[str], lowers: Sequence[str], words: Sequence[str], first: int, last: int
) -> Evidence | None:
    """The mention heads a place phrase ("in northern Kosovo", "on the border with Kosovo")."""
    if not _is_head(raw, lowers, words, last):
        return None
    places = _places()
    # up to two modifiers between the preposition and the name ("in the north of", "in northern")
    for gap in range(3):
        end = first - gap
        if end <= 0:
            break
        if gap and (_ends_clause(raw[end]) or not words[end][:1].islower()):
            break
        for k in (2, 1):
            if (
                end - k >= 0
                and tuple(lowers[end - k : end]) in places
                and not any(_ends_clause(t) for t in raw[end - k : end - 1])
            ):
                return Evidence(0, "place", " ".join(words[end - k : end]), end - k, end - 1)
    return None


def _object_link(
    raw: Sequence[str], lowers: Sequence[str], words: Sequence[str], first: int, max_gap: int = 5
) -> Evidence | None:
    """A predicate before the mention whose object phrase reaches it."""
    for p in range(first - 1, max(-1, first - 2 - max_gap - _max_form()), -1):
        if _ends_clause(raw[p]) or lowers[p] in _CLAUSE_WORDS:
            return None
        pred = predicate_of(lowers, p)
        if pred is None:
            continue
        end = p + len(pred.form) - 1
        if end >= first:
            continue
        gap = lowers[end + 1 : first]
        by_agent = gap[:1] == ["by"] and _is_participle(lowers[end])
        inner = gap[1:] if by_agent else gap
        offset = end + 2 if by_agent else end + 1
        if len(gap) > max_gap or not all(
            w in _NP_GLUE or _modifier(w, words, offset + j) for j, w in enumerate(inner)
        ):
            continue
        if _negated(lowers, p):
            return None
        text = " ".join(words[p : end + 1])
        if by_agent:
            return None if pred.subject is None else Evidence(pred.subject, "agent", text, p, end)
        return None if pred.object is None else Evidence(pred.object, "object", text, p, end)
    return None


def _modifier(word: str, words: Sequence[str], i: int) -> bool:
    """A lower-case word that can sit inside an object phrase (adjective, noun, possessive)."""
    return (
        words[i][:1].islower()
        and word not in _FUNCTION_WORDS
        and word not in _CLAUSE_WORDS
        and word not in _BE
        and word not in _AUX
        and predicate_of([word], 0) is None
    )


def _subject_link(
    raw: Sequence[str], lowers: Sequence[str], words: Sequence[str], last: int, max_gap: int = 4
) -> Evidence | None:
    """A predicate after the mention that it is the subject (or passive patient) of."""
    n = len(lowers)
    # "Serbia's army must withdraw": the possessor stands for the doer.
    nouns = 2 if lowers[last].endswith(("'s", "’s")) else 0
    passive = False
    p = last + 1
    while p < n and p - last <= max_gap + 1:
        if _ends_clause(raw[p - 1]):
            return None
        pred = predicate_of(lowers, p)
        if pred is not None:
            return _as_subject(pred, lowers, words, p, passive)
        word = lowers[p]
        if word in _BE:
            passive = True
        elif word in _AUX or word.endswith("ly") or word in ("of", "course"):
            pass
        elif nouns and words[p][:1].islower() and word not in _FUNCTION_WORDS:
            nouns -= 1
        else:
            return None
        p += 1
    return None


def _as_subject(
    pred: Predicate, lowers: Sequence[str], words: Sequence[str], p: int, passive: bool
) -> Evidence | None:
    """Sign for the subject of the predicate at ``p`` (the patient when it is passive)."""
    n = len(lowers)
    end = p + len(pred.form) - 1
    if _negated(lowers, p) or lowers[end + 1 : end + 2] == ["not"]:
        return None
    if pred.lemma == "must" and end + 2 < n and lowers[end + 1] == "be":
        inner = predicate_of(lowers, end + 2)
        if inner is not None:
            stop = end + 1 + len(inner.form)
            text = " ".join(words[p : stop + 1])
            return (
                None if inner.object is None else Evidence(inner.object, "passive", text, p, stop)
            )
    text = " ".join(words[p : end + 1])
    if passive and _is_participle(lowers[end]):
        return None if pred.object is None else Evidence(pred.object, "passive", text, p, end)
    return None if pred.subject is None else Evidence(pred.subject, "subject", text, p, end)


def _evaluation(
    raw: Sequence[str],
    lowers: Sequence[str],
    words: Sequence[str],
    last: int,
    scores: Sequence[float],
    max_gap: int = 14,
    min_raw: float = 1.0,
) -> Evidence | None:
    """The mention is in the subject of a copula with an evaluative complement."""
    n = len(lowers)
    p = last + 1
    seen = 0
    while p < n and seen <= max_gap:
        if _ends_clause(raw[p - 1]) and p < n and lowers[p] in _RELATIVE:
            # skip a relative clause set off by commas: ", which is plagued by tension,"
            while p < n and not _ends_clause(raw[p]):
                p += 1
            p += 1
            continue
        word = lowers[p]
        if word in _CLAUSE_WORDS or (_ends_clause(raw[p - 1]) and word not in _COPULA):
            return None
        if predicate_of(lowers, p) is not None:
            return None
        if word in _COPULA:
            if predicate_of(lowers, p + 1) is not None:
                return None  # "was threatened by …": a passive, the predicate rules decide
            end = p + 1
            while end < n and not _ends_clause(raw[end - 1]) and lowers[end] not in _CLAUSE_WORDS:
                end += 1
            total = sum(scores[p + 1 : end])
            if abs(total) < min_raw or _negated(lowers, p + 2):
                return None
            hits = [i for i in range(p + 1, end) if scores[i]]
            text = " ".join(words[i] for i in hits)
            return Evidence(1 if total > 0 else -1, "evaluation", text, hits[0], hits[-1])
        p += 1
        seen += 1
    return None


def find_evidence(
    raw: Sequence[str],
    first: int,
    last: int,
    scores: Sequence[float] | None = None,
) -> Evidence | None:
    """The pattern that decides the stance toward the mention at tokens ``first..last``.

    Parameters
    ----------
    raw : sequence of str
        Whitespace tokens of the sentence, with their punctuation.
    first, last : int
        Token indices of the mention.
    scores : sequence of float, optional
        Sentiment score of each token; enables the ``evaluation`` pattern.

    Returns
    -------
    Evidence or None
        None when no pattern links the mention to a stance.
    """
    # Unlike VADER's words, short words lose their brackets too: "(in Kosovo" is a place.
    words = [t.strip(_STRIP) or t for t in raw]
    lowers = [w.lower().replace("’", "'") for w in words]
    # A relational noun right before the name wins over the place reading ("ties with Serbia").
    found = _object_link(raw, lowers, words, first, max_gap=0)
    if found is None:
        found = _place(raw, lowers, words, first, last)
    if found is None:
        found = _object_link(raw, lowers, words, first)
    if found is None:
        found = _subject_link(raw, lowers, words, last)
    if found is None and scores is not None:
        found = _evaluation(raw, lowers, words, last, scores)
    return found


def cue_evidence(cue: str) -> Evidence | None:
    """The sign a reporting cue gives the content it introduces ("denounced …", "praised …")."""
    lowers = cue.lower().split()
    if not lowers:
        return None
    pred = predicate_of(lowers, 0)
    if pred is None or pred.object is None or pred.lemma == "must":
        return None
    return Evidence(pred.object, "cue", cue)
