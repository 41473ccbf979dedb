"""Content: where what was said starts and ends, around a cue and its speaker.

Forward content follows the cue ("said that …"); backward content comes before the frame
("“…,” said X", "…, X said"); a continuation resumes after a mid-sentence frame ("“A,” he
said, “B.”"). These functions read a :class:`~.paragraph.Paragraph`'s tokens and return
character spans (``pieces``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .cues import Cue
from .marks import CLOSERS, OPENERS, QUOTE_MARKS, Quotation
from .paragraph import Paragraph, Span
from .speakers import is_cap, right_phrase
from .words import (
    ADVERBIAL_PREPOSITIONS,
    CLAUSE_END,
    CONCESSIVES,
    CONTENT_MARKERS,
    DETERMINERS,
    GERUND_LINKS,
    NEXT_FRAME_LINKS,
    OBJECT_END,
    ONE_WORD_ANSWERS,
    PRONOUNS,
    SEQUENCE_ADVERBS,
    SKIP_BEFORE_CUE,
    STOP_LEFT,
    SUBORDINATORS,
    TIME_UNITS,
    TIME_WORDS,
    TRAILERS,
)

# The longest adverbial skipped after a cue, in tokens ("said in a statement on Monday"):
# longer, and a clause goes on there
ADVERBIAL_TOKENS = 14
# Shorter limits where a long phrase more likely starts the content: after a cue before
# its content, and after a trailing frame's cue
CUE_ADVERBIAL_TOKENS = 8
TRAILING_ADVERBIAL_TOKENS = 6
# How far the addressee of "told" may reach: "told some of the miners in Moscow that …"
ADDRESSEE_TOKENS = 8
ADDRESSEE_SEARCH_TOKENS = 10
# Pronouns that after the addressee open the content's clause ("told CNN he was …"; not
# "it", often in a relative clause: "told the agency anything it …"), and the words that
# show no addressee comes first
CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})
ADDRESSEE_ENDS = frozenset({"to", "and", "but", "or"})
# What after a quotation's closing mark ends the content the quotation opens
QUOTE_TAIL_MARKS = frozenset({",", "—", "–", "―", "--", "(", ";"})
# Words after a quotation that closes on a comma (“…,” referring to …) that open the
# writer's clause, besides TRAILERS
QUOTE_TRAILERS = frozenset({"referring", "as", "before", "after", "until", "though"})
# The longest relative clause inside content ("said the talks, which began in 2006, remain …")
RELATIVE_TOKENS = 16
# Words after the comma closing such a relative clause that carry the content on: the
# clause's verb or the object's label ("praised Kova, who left on Friday, as “…”")
RELATIVE_RESUMERS = frozenset(
    {"as", "is", "are", "was", "were", "remains", "remain", "remained", "has", "have", "had"}
    | {"will", "would", "could", "can", "may", "might", "must", "should"}
)
# The longest phrase between "and that," and the quotation it joins to the content
CONTINUATION_PHRASE_TOKENS = 8
# The longest name before a gerund cue that opens another speaker's phrase ("and Sen. Ted
# Cruz calling …")
NAMED_GERUND_TOKENS = 4
# The shortest "-ing" word read as a verb after "and" ("thing", "during" are not)
MIN_VERB_CHARS = 6
# Words after "in" or "on" that open an adverbial of the frame rather than a phrase
# inside its object ("in a statement", "on his website", "in recent weeks")
ADVERBIAL_OPENERS = frozenset({"a", "an", "his", "her", "their", "its", "recent", "twitter"})
# Object pronouns that alone may be what a stance verb is about ("endorsed her")
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
# The fewest words of an unquoted clause before a frame or after a parenthetical one
MIN_CLAUSE_WORDS = 3
# The writer's trailer (", which …") is looked for this many tokens into the content
TRAILER_OFFSET = 3
# The longest subject of a following frame that ends the content ("…, but 55 percent of
# all voters say …"), in tokens
NEXT_FRAME_SUBJECT_TOKENS = 6
# The longest subject of a frame that opens after a clause's comma ("…, Feinstein said “…”")
FRAMED_SUBJECT_TOKENS = 4
# The only tokens at which forward content may end before its sentence does (the tests
# of forward_content's loop)
CONTENT_BREAKS = frozenset([";", "(", ",", "while", "before", "after", "when", "and", "but"])
# A dateline opening a story: "MOSCOW (AFP) –", "Belgrade, Dec 28 (Reuters) -"
DATELINE = re.compile(
    r"[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}(?:,?\s+\w{3,9}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,30}\))?\s*(?:[–—―]|--?)\s+"
)


def skip_adverbials(p: Paragraph, k: int, sent_end: int, limit: int = ADVERBIAL_TOKENS) -> int:
    """Skip time words and prepositional phrases ("on Monday", "in a statement")."""
    words, lows = p.words, p.lows
    while k < sent_end:
        w = words[k]
        low = w.lower()
        if low in TIME_WORDS or p.kinds[k] == "number":
            k += 1
            continue
        if low in ("several", "few", "a") and k + 1 < sent_end and lows[k + 1] in TIME_UNITS:
            k += 2  # "several months after …", "a day later"
            continue
        if low in ADVERBIAL_PREPOSITIONS or low in ("reporters", "journalists"):
            # a subordinate clause ("as she left") runs to the clause end; a
            # prepositional phrase stops before "and"/"that" too
            stops = ("that",) if low in SUBORDINATORS else ("that", "and", "but")
            k0 = k
            k += 1
            while k < sent_end and words[k] not in CLAUSE_END and lows[k] not in stops:
                k += 1
            if k - k0 > limit and low not in SUBORDINATORS:
                return k0  # too long for an adverbial: a clause goes on here
            continue
        if low.endswith("ly") and not is_cap(w) and len(low) > 4:
            k += 1
            continue
        break
    return k


def frame_tail(p: Paragraph, cue: Cue, sent_end: int) -> int:
    """Token index after the cue and what may trail it ("told reporters on Monday")."""
    k = cue.last + 1
    if cue.entry.addressee:
        # the addressee: "told some of the miners", "told CNBC in August"
        m = k
        while (
            m < sent_end
            and m - k < ADDRESSEE_TOKENS
            and p.kinds[m] in ("word", "number")
            and p.lows[m] not in ("that", "and", "but")
        ):
            m += 1
        if m < sent_end and p.words[m] in CLAUSE_END:
            return m
    return skip_adverbials(p, k, sent_end)


def coordinated_cue_at(p: Paragraph, k: int, sent_end: int) -> bool:
    """Token ``k`` opens a second cue of the same speaker: "… and denounced …".

    A frame that ends there has reported the content before it; the second cue
    reports its own (the ``coordinated-cue`` rule)."""
    if k + 1 >= sent_end or p.lows[k] not in ("and", "but"):
        return False
    nxt = p.lows[k + 1]
    return (nxt in p.single_cues or nxt in p.double_cues) and not nxt.endswith("ing")


def forward_content(p: Paragraph, cue: Cue, sent_end: int) -> tuple[list[Span], bool]:
    """Content after the cue up to the sentence end: (pieces, unclosed)."""
    text, words, lows = p.text, p.words, p.lows
    k = cue.last + 1
    if k >= sent_end:
        return [], False
    first = lows[k]
    if (
        cue.entry.addressee
        and first not in ("that", ":", ",")
        and (first not in CONTENT_MARKERS)
        and not p.opens(k)
    ):
        # the addressee: "told reporters in Moscow that …", "told Interfax: …"; a
        # question that follows at once ("asked whether …") has none
        linked = False  # "promised to …", "told X and said …": no addressee ends there
        for m in range(k + 1, min(sent_end, k + ADDRESSEE_SEARCH_TOKENS)):
            w = words[m]
            if w.lower() in CONTENT_MARKERS or w in (":", ",") or p.opens(m):
                k = m
                break
            linked = linked or lows[m] in ADDRESSEE_ENDS
            if (
                not linked
                and lows[m] in CLAUSE_SUBJECTS
                and m + 1 < sent_end
                and p.kinds[m + 1] == "word"
            ):
                k = m  # "told reporters she thought …": a subject opens the content
                break
    elif (
        (first in TIME_WORDS or first in ADVERBIAL_PREPOSITIONS)
        and not (first == "to" and cue.entry.to_infinitive)
        and not (first == "as" and cue.entry.labels)
    ):
        # "said on Wednesday that …", "said in a statement: …", "said Friday the …"; a
        # to-infinitive after a verb that takes one is no adverbial but the content
        # ("vowed to fight"), nor is the label after a labelling verb ("what she
        # described as “…”")
        skipped = skip_adverbials(p, k, sent_end, limit=CUE_ADVERBIAL_TOKENS)
        if skipped < sent_end:
            k = skipped
    if cue.entry.takes_object and " " in cue.form and k < sent_end and words[k] in (",", "—", "–"):
        return [], False  # "all they talked about, …": the particle's object went before
    while k < sent_end and words[k] in (":", ",", "—", "–"):
        k += 1
    if k < sent_end and words[k - 1] == "," and lows[k].endswith("ing") and p.is_verb_cue(words[k]):
        # "… no meeting planned, adding: “…”": the gerund cue reports what follows it
        return [], False
    if k < sent_end and words[k - 1] == "," and _framed_quotation_at(p, k, sent_end):
        # "Asked what he believed, he said, “…”": the clause ended at its comma; the
        # next frame reports the quotation
        return [], False
    clause = False  # a that-clause follows: no noun-phrase object to cut short
    if k < sent_end and lows[k] == "that":
        k += 1
        clause = True
        while k < sent_end and words[k] == ",":
            k += 1
    if k >= sent_end or coordinated_cue_at(p, k, sent_end):
        return [], False  # "thought for a moment and said …": the second cue reports it
    start = p.starts[k]
    # the content runs to the end of the sentence, or to a following ", adding …"
    end_tok = sent_end
    single_cues = p.single_cues
    for m in range(k + 1, sent_end):
        low = lows[m]
        if low not in CONTENT_BREAKS:
            continue  # most tokens: no test below applies to them
        w = words[m]
        if w in (";", "(") and m > k + 1 and not p.in_quote(p.starts[m]):
            end_tok = m  # "…; she calls for …": the writer's next clause or aside
            break
        if (
            w == ","
            and m + 1 < sent_end
            and lows[m + 1] in ("who", "whose")
            and is_cap(words[m - 1])
            and "quote" in p.kinds[k:m]
            and not p.in_quote(p.starts[m])
        ):
            end_tok = m  # "… “not quite there yet” on supporting Ryan, who will face …"
            break
        if w in (",", ";") and m + 1 < sent_end:
            nxt = lows[m + 1]
            if (
                p.kinds[m + 1] == "quote"
                and p.after_mark(m + 1) < sent_end
                and text[p.starts[m + 1]] in (CLOSERS)
            ):
                nxt = lows[p.after_mark(m + 1)]  # “…,” adding …: the comma closes a quotation
            if (nxt.endswith("ing") and nxt in single_cues) or nxt == "according":
                end_tok = m
                break
            if (
                nxt in GERUND_LINKS
                and m + 2 < sent_end
                and lows[m + 2].endswith("ing")
                and lows[m + 2] in single_cues
            ):
                end_tok = m  # "…, before noting that …": the second cue reports it
                break
            if m > k + 1 and next_frame_at(p, m + 1, sent_end):
                end_tok = m  # "…, but 55 percent say …": that frame reports its own
                break
            if (
                nxt in ("and", "but")
                and m > k + MIN_CLAUSE_WORDS
                and m + 2 < sent_end
                and lows[m + 2] not in CONTENT_MARKERS
                and "quote" not in p.kinds[k:sent_end]
                and _subject_like(p, m + 2)
            ):
                end_tok = m  # "…, and the union has sued": the writer's next clause
                break
        if (
            low in ("while", "before", "after", "when")
            and m > k + 2
            and m + 1 < sent_end
            and lows[m + 1].endswith("ing")
            and lows[m + 1] in single_cues
            and not p.in_quote(p.starts[m])
        ):
            # "… while adding …", "… after telling …": a later act the gerund cue reports
            # itself ("by calling …" is the manner, still part of the content)
            end_tok = m
            break
        if (
            low in ("before", "after")
            and m > k + 2
            and m + 1 < sent_end
            and lows[m + 1].endswith("ing")
            and p.kinds[m + 1] == "word"
            and not p.in_quote(p.starts[m])
            and "quote" in p.kinds[k:m]
        ):
            # "… “kept us safe” before claiming …": the speaker's next act, after the words
            # the writer quoted
            end_tok = m
            break
        if low in ("and", "but") and m + 1 < sent_end and m > k + 2:
            nxt = words[m + 1]
            if (
                nxt in single_cues
                and (not nxt.endswith("ing") or single_cues[nxt].kind == "speech")
                and not (p.in_quote(p.starts[m]))
            ):
                # "… and denounced …", "… and calling X “…”": the second cue reports its own
                end_tok = m
                break
            if (
                low == "but"
                and lows[m + 1] in ("did", "declined", "refused", "stopped", "would")
                and not p.in_quote(p.starts[m])
                and any(p.kinds[i] == "quote" for i in range(k, m))
            ):
                end_tok = m  # … “a prayer” for the nominee but did not say …: the speaker's act
                break
            if _named_gerund_at(p, m + 1, sent_end):
                end_tok = m  # "… and Trump calling it …": another speaker's absolute phrase
                break
    end_tok = before_trailing_frame(p, k, end_tok)
    if end_tok <= k:
        return [], False
    labels = cue.entry.labels
    if (
        (cue.entry.takes_object or labels)
        and not clause
        and lows[k] not in CONTENT_MARKERS
        and not (p.opens(k))
    ):
        # a noun phrase object ("endorsed Clinton in February") or an object and its label
        # ("called the plan “reckless, costly” on Monday"): it ends before a comma, an
        # adverbial or a new clause outside the label's quotation marks
        labelled = False  # the label has begun: a quotation or "as" after the object
        resume = k  # the comma closing a relative clause the content goes on after
        for m in range(k + 1, end_tok):
            w = words[m]
            low = lows[m]
            if m <= resume:
                continue
            if w == "," and (close := relative_resumes(p, m, end_tok)):
                resume = close
                continue
            if labels and (low == "as" or p.kinds[m] == "quote"):
                labelled = True
            if labels and (p.in_quote(p.starts[m]) or (low in OBJECT_END and not labelled)):
                continue  # “reckless, costly”; "the remarks on Saturday “a wake-up call”"
            if w in (",", ";", ":", "—", "–") or (
                low in OBJECT_END and not _inner_phrase(p, m, end_tok)
            ):
                end_tok = m
                break
            # "… and then tweeted": an adverb of sequence may stand before the next verb
            n = m + 1 + (m + 2 < end_tok and lows[m + 1] in SEQUENCE_ADVERBS)
            if low in ("and", "but") and n < end_tok and object_verb(p, n):
                end_tok = m  # "blasted Congress and said …": a second predicate
                break
            if (
                low in ("and", "while")
                and n < end_tok
                and _verb_like(words[n])
                and not p.in_quote(p.starts[m])
            ):
                end_tok = m  # called it “a disaster” and ranked …: the speaker's next act
                break
            if (
                labels
                and w in ("and", "but")
                and words[m - 1] in CLOSERS
                and (words[p.before_mark(m - 1)] == ",")
                and m + 1 < end_tok
                and not p.opens(m + 1)
                and (lows[m + 1] not in DETERMINERS)
            ):
                end_tok = m  # “a disaster,” and left: a new clause, not another label
                break
    resume = k
    for m in range(k + TRAILER_OFFSET, end_tok - 1):
        # the writer's own addition after the reported clause: ", which …", ", compared …";
        # a clause opened by "that" keeps what follows its comma, as annotators read it
        if m <= resume or words[m] != ",":
            continue
        if close := relative_resumes(p, m, end_tok):
            resume = close  # "argued the pipeline, which …, is …": the clause goes on
            continue
        if (
            not clause
            and (
                lows[m + 1] in TRAILERS or (lows[m + 1] in CONCESSIVES and "quote" in p.kinds[k:m])
            )
            and not p.in_quote(p.starts[m])
        ):
            end_tok = m
            break
        if (
            not clause
            and p.kinds[m + 1] == "quote"
            and text[p.starts[m + 1]] in CLOSERS
            and p.after_mark(m + 1) < end_tok
            and (
                lows[p.after_mark(m + 1)] in TRAILERS
                or lows[p.after_mark(m + 1)] in QUOTE_TRAILERS
                or lows[p.after_mark(m + 1)] in CONCESSIVES
            )
        ):
            # “…,” while others …: the comma sits inside the quotation
            end_tok = p.after_mark(m + 1)
            break
    end = p.ends[end_tok - 1]
    # stop short of the sentence's final punctuation unless it sits inside quotes
    while end > start and text[end - 1] in ".!?;,:—– " and not p.in_quote(end - 1):
        end -= 1
    # a quotation that starts in the content may run past the sentence
    unclosed = False
    for q in p.quotes:
        if start <= q.open < end:
            if q.close is None:
                end, unclosed = max(end, q.inner_end), True
            elif q.close > end:
                end = q.close
    if end <= start:
        return [], False
    # content that opens with a quotation ends at its close when the writer's clause goes
    # on after a comma there: read “anybodybuttrump.us,” a website …; shouted “Cruz,” Beck …
    if text[start] in OPENERS and not unclosed:
        for q in p.quotes:
            if q.open == start:
                if q.close is not None and q.close < end and quotation_ends_content(p, q, end):
                    return [(q.inner_start, q.inner_end)], False
                break
    # content that is one quotation: the words inside the marks
    if text[start] in OPENERS:
        for q in p.quotes:
            if q.open == start and ((q.close is None and unclosed) or q.close == end):
                return [(q.inner_start, q.inner_end)], unclosed
    if (
        len(text[start:end].split()) < 2
        and not any(ch in QUOTE_MARKS for ch in text[start:end])
        and (text[start:end].lower() not in ONE_WORD_ANSWERS)
        and not (cue.entry.takes_object and not clause and _named_object(text[start:end]))
    ):
        return [], False
    return [(start, end)], unclosed


def _inner_phrase(p: Paragraph, m: int, end_tok: int) -> bool:
    """The "in" or "on" at token ``m`` opens a phrase inside the object ("his views on
    whether …", "the malaise in Mexican society"), not an adverbial of the frame ("in a
    statement", "on Monday", "in February", "in Iowa")."""
    if p.lows[m] not in ("in", "on") or m + 1 >= end_tok:
        return False
    nxt = p.words[m + 1]
    low = nxt.lower()
    return not (
        is_cap(nxt) or p.kinds[m + 1] != "word" or low in TIME_WORDS or low in ADVERBIAL_OPENERS
    )


def _named_object(word: str) -> bool:
    """A one-word noun-phrase object that names someone or something ("endorsed Clinton",
    "criticized him"), so it is what the stance is about, not a stray word."""
    return (word[:1].isupper() and word[1:2].islower()) or word.lower() in OBJECT_PRONOUNS


def relative_resumes(p: Paragraph, m: int, end_tok: int) -> int:
    """The comma closing a relative clause that the comma at token ``m`` opens, when the
    content goes on after it with its verb, "as" or a quotation ("said the talks, which
    began in 2006, remain useful"); 0 when it does not."""
    words, lows = p.words, p.lows
    if m + 1 >= end_tok or lows[m + 1] not in ("which", "who") or p.in_quote(p.starts[m]):
        return 0
    for n in range(m + 2, min(end_tok - 1, m + RELATIVE_TOKENS)):
        if words[n] in (";", ":", "—", "–", "(") or p.opens(n):
            return 0
        if words[n] == "," and not p.in_quote(p.starts[n]):
            nxt = lows[n + 1]
            if nxt == "as" and n + 2 < end_tok and lows[n + 2] == "well":
                return 0  # ", as well as …": more of the relative clause
            resumes = nxt in RELATIVE_RESUMERS or p.opens(n + 1)
            return n if resumes and n > m + 2 else 0
    return 0


def object_verb(p: Paragraph, m: int) -> bool:
    """Token ``m`` after "and" opens a second predicate of the subject, not more of a
    noun-phrase object: a reporting verb or a lower-case past form ("and said", "and
    stressed", "and left")."""
    low = p.lows[m]
    if p.in_quote(p.starts[m]):
        return False
    return p.is_verb_cue(low) or (low.endswith("ed") and p.words[m] == low and len(low) > 4)


def _named_gerund_at(p: Paragraph, k: int, sent_end: int) -> bool:
    """Tokens from ``k`` are a name and a gerund reporting verb ("Trump calling")."""
    m = k
    while m < sent_end and m - k < NAMED_GERUND_TOKENS and is_cap(p.words[m]):
        m += 1
    if m == k or m >= sent_end or p.in_quote(p.starts[k]):
        return False
    entry = p.single_cues.get(p.lows[m])
    return entry is not None and entry.kind == "speech" and p.lows[m].endswith("ing")


def _subject_like(p: Paragraph, m: int) -> bool:
    """Token ``m`` may open a clause's subject (a pronoun, determiner, name or number), so
    "…, but she …" starts a new clause while "…, but wants …" or "…, but not …" goes on."""
    w = p.words[m]
    return p.lows[m] in PRONOUNS or p.lows[m] in DETERMINERS or is_cap(w) or p.kinds[m] == "number"


def _verb_like(word: str) -> bool:
    """A lower-case word with a verb ending ("threatening", "ranked"): after "and" it
    opens the speaker's next act, not more of a noun-phrase object."""
    return word.islower() and (
        (word.endswith("ing") and len(word) > MIN_VERB_CHARS)
        or (word.endswith("ed") and len(word) > MIN_VERB_CHARS - 1)
    )


def quotation_ends_content(p: Paragraph, q: Quotation, end: int) -> bool:
    """The quotation that opens forward content ends it: its inner text closes on a comma
    (shouted “Cruz,” Beck joked) or a comma, dash, bracket or semicolon follows its closing
    mark, and no further quotation comes next (“A,” “B” and “C” stay one content; so do
    “A,” and, “B” and “A,” and that, on the ferry, “B”)."""
    text = p.text
    if q.close is None:
        return False
    inner = text[q.inner_start : q.inner_end].rstrip()
    m = bisect_left(p.starts, q.close)
    if m >= len(p.words) or p.starts[m] >= end:
        return False
    low = p.lows[m]
    if inner.endswith(",") or low in QUOTE_TAIL_MARKS:
        return (
            not p.opens(m)
            and not (m + 1 < len(p.words) and p.opens(m + 1))
            and not _another_quotation(p, m, end)
        )
    return False


def _another_quotation(p: Paragraph, m: int, end: int) -> bool:
    """Tokens from ``m`` join a further quotation to the one before them: “A,” and, “B”;
    “A,” and that “B”; “A,” and that, on the ferry, “B”."""
    n = len(p.words)
    if m < n and p.words[m] == ",":
        m += 1
    if m >= n or p.lows[m] not in ("and", "or"):
        return False
    m += 1
    while m < n and p.starts[m] < end and p.words[m] in (",", "that"):
        m += 1
    if m < n and p.starts[m] < end and p.opens(m):
        return True
    # "and that" may hold a short phrase before its quotation
    if p.lows[m - 1] != "that" and not (m >= 2 and p.lows[m - 2] == "that"):
        return False
    for k in range(m, min(n, m + CONTINUATION_PHRASE_TOKENS)):
        if p.starts[k] >= end or p.words[k] in (".", ";", ":"):
            return False
        if p.opens(k):
            return True
    return False


def _framed_quotation_at(p: Paragraph, k: int, sent_end: int) -> bool:
    """Tokens from ``k`` are a short subject, a reporting verb, a comma or colon and a
    quotation: "he said, “…”", "Feinstein said: “…”"."""
    lows = p.lows
    if not (lows[k] in PRONOUNS or is_cap(p.words[k])) or p.in_quote(p.starts[k]):
        return False
    for m in range(k + 1, min(sent_end - 2, k + FRAMED_SUBJECT_TOKENS + 1)):
        if p.kinds[m] != "word":
            return False
        if p.is_verb_cue(lows[m]) and not lows[m].endswith("ing"):
            n = m + 1 + (p.words[m + 1] in (",", ":"))
            return n < sent_end and p.opens(n)
    return False


def next_frame_at(p: Paragraph, k: int, sent_end: int) -> bool:
    """Tokens from ``k`` open a new frame of another speaker: "[but] 55 percent of all
    voters say …", "[while] others called …". A subject of a few words and a finite
    reporting verb that does not close a parenthetical ("…, officials say, …")."""
    lows = p.lows
    if k < sent_end and lows[k] in NEXT_FRAME_LINKS:
        k += 1
    if k >= sent_end or p.in_quote(p.starts[k]) or lows[k] in STOP_LEFT:
        return False
    for m in range(k, min(sent_end, k + NEXT_FRAME_SUBJECT_TOKENS + 1)):
        low = lows[m]
        if m > k and p.is_verb_cue(low) and not low.endswith("ing"):
            c = m - 1
            while c > k and lows[c] in SKIP_BEFORE_CUE:
                c -= 1
            return (
                c >= k
                and lows[c] not in SKIP_BEFORE_CUE
                and (m + 1 >= sent_end or p.words[m + 1] not in CLAUSE_END)
            )
        if p.kinds[m] not in ("word", "number") or (
            low in STOP_LEFT and (low not in SKIP_BEFORE_CUE)
        ):
            return False
    return False


def before_trailing_frame(p: Paragraph, k: int, end_tok: int) -> int:
    """End content before a closing ", the ministry said (on Tuesday)." frame."""
    words = p.words
    for m in range(k + 1, end_tok - 1):
        if words[m] != ",":
            continue
        span = right_phrase(p, m + 1, end_tok, allow_lower=False)
        if span is None:
            continue
        c = span[1] + 1
        while c < end_tok and p.lows[c] in SKIP_BEFORE_CUE:
            c += 1
        if c >= end_tok or not p.is_verb_cue(words[c]):
            continue
        tail = skip_adverbials(p, c + 1, end_tok, limit=TRAILING_ADVERBIAL_TOKENS)
        if tail >= end_tok or words[tail] in (".", "!", "?"):
            return m
    return end_tok
