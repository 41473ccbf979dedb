"""Content that stands before its cue ("“…,” said X", "…, X said"), a quotation that goes
on after its frame, and the checks a frame makes on the content it found (does the cue
have a complement, may content stand before it).
"""

from __future__ import annotations

from bisect import bisect_left

from .content import DATELINE, MIN_CLAUSE_WORDS
from .cues import Cue
from .marks import CLOSERS, CONTENT_MARK, OPENERS
from .paragraph import Paragraph, Span
from .words import (
    CONTENT_MARKERS,
    SUBORDINATE_OPENERS,
)

# Conjunctions that carry an unquoted clause on after a mid-sentence frame, unless a
# reporting verb follows them
CONJUNCTIONS = frozenset(("and", "but", "while", "because"))
# How far past a mid-sentence frame its quotation may resume: “A,” he said, pointing …, “B.”
CONTINUATION_TOKENS = 16
# "as" within this many words of a labelling verb's object makes it a label ("branded the
# former minister as …")
LABEL_AS_TOKENS = 6
# An object pronoun after a labelling verb, and the words after it that are no label
# ("called him divisive", not "called him on Monday", "called her to ask …")
LABELLED_PRONOUNS = frozenset({"him", "her", "it", "them", "himself", "herself", "themselves"})
NOT_A_LABEL = frozenset(
    {
        "to",
        "on",
        "for",
        "up",
        "back",
        "out",
        "off",
        "in",
        "at",
        "and",
        "or",
        "but",
        "after",
        "before",
        "during",
        "from",
        "with",
        "about",
        "over",
        "last",
        "this",
        "yesterday",
        "that",
    }
)


def backward_content(p: Paragraph, sent_start: int, before: int) -> list[Span]:
    """Content before the speaker/cue frame that starts after token ``before``: a
    quotation or a clause."""
    text = p.text
    if before < sent_start:
        return []
    end_pos = p.starts[before]
    # a quotation that closes just before the frame: “…,” said X / “…”, X said
    closing = p.ends[before] if text[p.starts[before]] in CLOSERS else end_pos
    while closing > 0 and text[closing - 1] in " ,":
        closing -= 1
    for q in reversed(p.quotes):
        if q.close is None or q.close != closing:
            continue
        s_start = p.sentences[p.sentence_of(q.open)].start
        lead = text[s_start : q.open].strip()
        if not lead or lead[-1] in ":—–―":
            return [(q.inner_start, q.inner_end)]
        # words before the quotation in its sentence: a mixed clause
        return [(s_start, q.close)]
    # an unquoted clause from the sentence start to the comma
    start = p.starts[sent_start]
    dateline = DATELINE.match(text, start, end_pos)
    if dateline:
        start = dateline.end()  # "MOSCOW (AFP) – …": the place and agency are not said
    end = end_pos
    while end > start and text[end - 1] in " ,":
        end -= 1
    if len(text[start:end].split()) < MIN_CLAUSE_WORDS:
        return []
    return [(start, end)]


# Words that after a parenthetical frame ("A, he argues, …") open the writer's clause
CLAUSE_STOPS = (CONTENT_MARKERS - {"that"}) | {"as"}


def continuation(p: Paragraph, k: int, sent_end: int, quoted: bool) -> list[Span]:
    """The rest of the content after a mid-sentence frame ending before token ``k``.

    “A,” he said, “B.” and “A,” he said, pointing to X, “B.” add the quotation B;
    "A, he argues, B." and "A, she said, that B." add the clause B.
    """
    text, words = p.text, p.words
    if k < sent_end and quoted and p.opens(k):
        # “A,” Trump said “B.”: the writer left out the full stop, the quotation goes on
        for q in p.quotes:
            if q.open == p.starts[k]:
                return [(q.inner_start, q.inner_end)] if q.inner_end > q.inner_start else []
        return []
    if k >= sent_end or words[k] != ",":
        return []
    m = k + 1
    described = False  # a relative clause describes the speaker: "said X, who waited …"
    while m < sent_end and m - k < CONTINUATION_TOKENS:
        tok_start = p.starts[m]
        w = words[m]
        if p.opens(m):
            if (m > k + 1 and words[m - 1] not in (",", ":", "—", "–")) or (
                described and words[m - 1] != ","
            ):
                # “A,” she said, referring to the “talks”: the phrase's own words; a
                # quotation inside a relative clause ("who waited in an “…” line") is the
                # writer's, one after the clause's comma resumes the speaker's
                return []
            for q in p.quotes:
                if q.open == tok_start:
                    return [(q.inner_start, q.inner_end)] if q.inner_end > q.inner_start else []
            return []
        low = w.lower()
        if low in p.single_cues or low == "according" or w in (";", ".", ":"):
            return []
        described = described or (quoted and low in ("who", "whose", "which", "where"))
        # after a quotation these open the writer's clause; inside an unquoted clause a
        # conjunction carries the reported clause on ("A, they say, but she …") unless a
        # reporting verb follows it ("…, X said, and denounced …": the speaker's next act)
        stops = ("and", "but", "or", "as", "while", "because") if quoted else ("or", "as")
        if (
            low in stops
            or (low.endswith("ing") and not quoted)
            or (m + 1 < sent_end and low in CONJUNCTIONS and p.is_verb_cue(words[m + 1]))
        ):
            return []
        if not quoted and m == k + 1:
            # a parenthetical frame inside an unquoted clause: the clause goes on
            end = p.ends[sent_end - 1]
            while end > tok_start and text[end - 1] in ".!?;, ":
                end -= 1
            rest = text[tok_start:end]
            # "A, she said, that B": an extraposed that-clause still belongs to A; other
            # question words and "as" open the writer's clause
            if len(rest.split()) >= MIN_CLAUSE_WORDS and low not in CLAUSE_STOPS:
                return [(tok_start, end)]
            return []
        m += 1
    return []


def clause_end(p: Paragraph, pieces: list[Span], cue: Cue, sent_end: int) -> int:
    """End of a subordinate question: the comma that closes it, else the content end."""
    start, end = pieces[0][0], pieces[-1][1]
    for m in range(cue.last + 1, sent_end):
        if p.starts[m] >= end:
            break
        if p.starts[m] > start and p.words[m] == ",":
            return p.starts[m]
    return end


def end_at_comma(p: Paragraph, pieces: list[Span], sent_end: int) -> list[Span]:
    """Cut content at its first comma outside quotation marks (a relative clause ends)."""
    start, end = pieces[0][0], pieces[-1][1]
    k = bisect_left(p.starts, start)
    for m in range(k, sent_end):
        if p.starts[m] >= end:
            break
        if p.words[m] == "," and not p.in_quote(p.starts[m]):
            return [(start, p.starts[m])] if p.starts[m] > start else pieces
    return pieces


def only_subordinate(p: Paragraph, pieces: list[Span]) -> bool:
    """Unquoted words before a frame that are one subordinate clause or phrase ("When
    asked …", "Following the meeting") set the scene; with a comma inside ("If they win,
    we lose") a main clause follows."""
    s, e = pieces[0][0], pieces[-1][1]
    first = p.text[s:e].split(None, 1)[0].lower()
    return first in SUBORDINATE_OPENERS and "," not in p.text[s:e]


def has_complement(p: Paragraph, cue: Cue, forward: list[Span]) -> bool:
    """Verbs marked ``needs`` count only before a that-clause, colon or quotation."""
    entry = cue.entry
    if not entry.needs_complement:
        return True
    text = p.text
    start = forward[0][0]
    head = text[cue.end : start]
    if ":" in head or "that" in head.split() or (start > 0 and text[start - 1] in OPENERS):
        return True
    content = text[start : forward[-1][1]]
    first = content.split(None, 1)[0].lower() if content.strip() else ""
    if first in CONTENT_MARKERS or (
        first == "to" and (cue.kind == "belief" or entry.to_infinitive)
    ):
        return True
    if entry.to_infinitive and "to" in [w.lower() for w in content.split()[1:5]]:
        return True  # "asked workers to sign up", "urged Congress to act"
    if entry.labels and "as" in content.lower().split()[1:LABEL_AS_TOKENS]:
        return True  # "labelled the vote as a sham"
    words = content.lower().split()
    if (
        entry.labels
        and len(words) > 1
        and words[0] in LABELLED_PRONOUNS
        and words[1].strip(".,;") not in NOT_A_LABEL
        and words[1][:1].isalpha()
    ):
        return True  # "called him divisive", "call it the nerd prom"
    if CONTENT_MARK.search(content) is not None:
        return True
    # a quotation in single marks, as headlines write them ("calls the plan ‘stupid’")
    end = forward[-1][1]
    return any(start <= q.open and q.close is not None and q.close <= end + 1 for q in p.quotes)


def backward_allowed(p: Paragraph, cue: Cue, pieces: list[Span], inverted: bool = False) -> bool:
    """Cues that are often nouns or take an object report a preceding clause only
    when it is quoted ("“…,” she asked" but not "…, asked Republicans a question");
    after its subject, "…, X told reporters." reports the clause all the same."""
    entry = cue.entry
    picky = (
        (entry.needs_complement and not entry.addressee)
        or (inverted and entry.addressee)
        or (entry.noun_like and not cue.verb.endswith("ed"))
    )
    if not picky:
        return True
    text = p.text
    # two characters either side: a double mark may be two apostrophes
    return any(CONTENT_MARK.search(text, max(0, s - 2), e + 2) for s, e in pieces)
