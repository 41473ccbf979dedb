"""The frames without a cue word: a paragraph's signed quotations, speaker lines and a
quotation that goes on from the previous paragraph.

:func:`quote_dash_speaker`, :func:`speaker_colon`, :func:`clause_colon` and
:func:`quote_verb_speaker` look at the whole paragraph (:func:`quote_dash_speaker` also at
the next one, which may sign a paragraph that is one quotation; :func:`announcing_clause`
makes the ``clause-colon`` statement whose quotation the next paragraph holds);
:data:`.frames.RULES` maps their ``rule`` values to them with the cue frames'.
:func:`continued_quotation` looks back at the previous paragraph's statement, which the
quotation continues as a further piece.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from .cues import COLON, DASH, Cue, CueEntry
from .marks import CLOSERS, OPENERS, Quotation
from .paragraph import Attribution, Paragraph, Span, overlaps
from .speakers import (
    Speakers,
    right_phrase,
)
from .subjects import clause_subject, subject
from .words import (
    DASHES,
    PRONOUNS,
    SPEAKER_LINE_LABELS,
)

# What may end the clause before a colon, when looking for its subject: "In a Q&A,
# the campaign put it this way:"
CLAUSE_BREAKS = (",", "—", "–", "-", "--")
# “…,” Hannity pressed. — a name or pronoun and a past-tense verb right after a quotation
# that opens its sentence and ends on a comma, "?" or "!"
QUOTE_VERB = re.compile(
    r"[ \t]+(?P<np>he|she|they|I|we|[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
    # a determiner phrase: "the crowd yelled", "an angry Hollande retaliated"
    r"|(?:the|an?)(?:[ \t]+[A-Za-z][\w'’-]*){1,3}?)"
    # "went on" here goes on with the quotation, though as a cue it mostly does not
    r"[ \t]+(?P<verb>[a-z]+ed|went[ \t]+on|shot[ \t]+back)\b"
)
# … or the verb and then a name ending the clause: “…,” reacted Trump.
VERB_QUOTE = re.compile(
    r"[ \t]+(?P<verb>[a-z]+ed)[ \t]+(?P<np>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"(?=[ \t]*[.,;])"
)
#: The cue entry of a past-tense verb that data/cues.csv does not list
PAST_VERB = CueEntry("verb", "speech", False, False)
# A quotation that ends its own sentence (“Why not?”) still belongs to a frame that
# follows within this many tokens of the next sentence's start (“Why not?” she asked.)
QUESTION_FRAME_TOKENS = 14
# The longest inverted speaker phrase that may start in lower case, in tokens: "said
# lobbyist and GOP strategist Charlie Black"; longer ones are clauses
LOWER_SPEAKER_TOKENS = 8
# How far an affiliation may follow an inverted speaker: "said X of the University of …"
AFFILIATION_TOKENS = 12

# "In" and a phrase naming a poll or survey, up to the comma that ends it: "In a new
# Quinnipiac poll, …", "In exit polls conducted Tuesday, …" (the in-poll frame); the
# literal "In" comes before the look-behind so that a search skips fast to it
POLL_OPENING = re.compile(
    r"In(?<![\w’'-]In)[ \t]+[^,.;:\n“”\"]{0,60}?\b(?:poll|polls|survey|surveys)\b"
    r"[^,.;:\n“”\"]{0,50},"
)
# Participles that go on describing the poll after its comma
POLL_PARTICIPLES = frozenset({"conducted", "released", "published", "taken", "commissioned"})
#: The cue entry of the in-poll frame's "In"
POLL_ENTRY = CueEntry("in", "speech", False, False)
# The fewest words a speaker line's content has (shorter: a label or a list item)
MIN_LINE_WORDS = 3
# A paragraph continues the previous one's quotation only if that one ended within this
# many words after its statement, and is itself at least this long and mostly lower case
# (a list of names is not a statement)
CONTINUATION_TAIL_WORDS = 12
MIN_CONTINUATION_WORDS = 4
MAX_CAPITALISED_SHARE = 0.7
# ... or within this many words when they are all its frame's sentence ("…,” said Murphy,
# who thinks often about …)
FRAME_TAIL_WORDS = 40
# A sentence ending inside a paragraph's tail: what follows it is the writer's
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-Z0-9]")
# The frames a quotation paragraph continues whatever their content ended on: a quotation,
# or a clause the speaker's frame closes or a gerund cue opens ("…, Clinton said." /
# "…, saying the campaign …."); other frames only when their content ended on a quotation
CONTINUED_FRAMES = frozenset(
    {"quote-cue-speaker", "speaker-cue-quote", "clause-cue-speaker", "participle-cue"}
)
# A speaker line: one to five capitalised words, perhaps a party tag, and a colon, no verb
# ("Graham: …", "Jane Smith, Reuters: “…”", "Rep. Trey Gowdy (R-S.C.):“…”");
# speaker_colon() checks where it stands.
SPEAKER_LINE = re.compile(
    r"(?<![\w’'.-])[A-Z][\w.’'&-]*(?:,?[ \t]+[A-Z][\w.’'&-]*){0,4}"
    r"(?:[ \t]*\([A-Z][\w.,-]{0,10}\))?[ \t]*:(?=[ \t]|[\"“])"
)
# A transcript's turns ("JAKE TAPPER: …", "TAPPER: …", "Q: …", "A: …") open paragraphs with
# a label in capitals; a headline kicker ("UPDATE:", "EXCLUSIVE:") opens one paragraph, or
# several on its own. The article is a transcript when at least this many labels (keyed by
# their last word) each open at least this many of its paragraphs: a dialogue
TRANSCRIPT_LABELS = 2
TRANSCRIPT_TURNS = 2
# “…” ― Jorge Falcon   (a signed quotation, as in vox-pop lists)
DASH_SIGNATURE = re.compile(
    r"[ \t]*(?P<dash>[―—–]|--)[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})"
    r"[ \t]*(?:[.,]?[ \t]*(?:\r?\n|$))"
)
# The paragraph after one that is a single quotation, when it is a dash and a name with
# perhaps a description after a comma, signs it: “…” / - Mara Lind. /
# -Jane Roe, Antwerp. (a lone hyphen is a dash here: the line holds nothing else;
# a section label "– An immigrant –." has a lower-case word after its first)
SIGNATURE_LINE = re.compile(
    r"[ \t]*(?P<dash>[-―—–]|--)[ \t]*"
    r"(?P<name>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){0,4}?)"
    r"\.?(?:,[^\n]*[^-―—–\s])?[ \t]*"
)


def transcript_labels(text: str, paragraphs: Sequence[Any]) -> frozenset[str]:
    """The speaker labels of a transcript: the last words of the capitalised labels that
    open its body paragraphs ("TAPPER" for "JAKE TAPPER:" and "TAPPER:"), when they are a
    dialogue (two labels that take turns, see :data:`TRANSCRIPT_LABELS`) and each either
    opens several turns or is a word the article also writes as a name ("Trump" for
    "TRUMP:"); else none.

    Whether a capitalised label names a speaker depends on the article, not on the word: a
    label that keeps coming back, turn after turn, is a speaker; "UPDATE:" once is a kicker.
    """
    turns: dict[str, int] = {}
    for span in paragraphs:
        if span.kind != "body":
            continue
        m = SPEAKER_LINE.match(text, span.start, span.end)
        if m is None:
            continue
        label = text[m.start() : m.end() - 1].split("(")[0].split()
        if label and all(w.isupper() for w in label if w.isalpha()):
            turns[label[-1]] = turns.get(label[-1], 0) + 1
    if sum(n >= TRANSCRIPT_TURNS for n in turns.values()) < TRANSCRIPT_LABELS:
        return frozenset()
    # a label that opens one turn only speaks when it is a word the article writes
    # as a name too ("TRUMP:" after "Donald Trump"), not a kicker ("BOOM:")
    return frozenset(
        label
        for label, n in turns.items()
        if n >= TRANSCRIPT_TURNS or re.search(rf"\b{re.escape(label.title())}\b", text)
    )


def quote_dash_speaker(
    p: Paragraph,
    found: list[Attribution],
    speakers: Speakers,
    next_line: tuple[int, int] | None = None,
) -> list[Attribution]:
    """``quote-dash-speaker``: “…” ― Jorge Falcon (a quotation signed with a dash), or a
    paragraph that is one quotation signed by the next one: “…” / - Jorge Falcon.

    ``next_line`` is the span of the next paragraph, which may be the signature.
    """
    out = []
    text = p.text
    signed = _signed_paragraph(p, found, speakers, next_line)
    if signed is not None:
        return [signed]
    for q in p.quotes:
        if q.close is None or any(
            overlaps([(q.inner_start, q.inner_end)], a.pieces) for a in found
        ):
            continue
        m = DASH_SIGNATURE.match(text, q.close, p.end)
        if not m:
            continue
        ns, ne = m.span("name")
        words = [w for w, s, e in zip(p.words, p.starts, p.ends) if ns <= s and e <= ne]
        out.append(_signed(p, q, m, (ns, ne), words, speakers))
    return out


def _signed(
    p: Paragraph,
    q: Quotation,
    m: re.Match[str],
    name: Span,
    words: list[str],
    speakers: Speakers,
) -> Attribution:
    """The quotation ``q`` signed by the name in ``m`` after its dash."""
    speaker, actor, _how = speakers.resolve(p, words)
    cue = Cue(m.start("dash"), m.end("dash"), DASH, m.group("dash"), -1, -1)
    return Attribution(
        [(q.inner_start, q.inner_end)],
        "quote-dash-speaker",
        cue,
        name,
        speaker,
        actor,
        p.sentence_of(q.open),
        p.paragraph_id,
    )


def _signed_paragraph(
    p: Paragraph,
    found: list[Attribution],
    speakers: Speakers,
    next_line: tuple[int, int] | None,
) -> Attribution | None:
    """The paragraph's one quotation, signed by the next paragraph (“…” / - Jorge Falcon.)."""
    if next_line is None or not p.quotes or found:
        return None  # a frame in the paragraph already reported it
    text = p.text
    q = p.quotes[0]
    if q.open != p.start or q.close is None or text[q.close : p.end].strip(" .") != "":
        return None
    m = SIGNATURE_LINE.fullmatch(text, *next_line)
    if m is None:
        return None
    ns, ne = m.span("name")
    ne -= text[ne - 1] == "."  # the line's full stop
    return _signed(p, q, m, (ns, ne), text[ns:ne].split(), speakers)


def speaker_colon(p: Paragraph, found: list[Attribution], speakers: Speakers) -> list[Attribution]:
    """``speaker-colon``: Graham: “…” / Jane Smith, Reuters: “…”

    A name and a colon, no verb, open a sentence or follow a heading's dash: the name
    speaks. The content is the quotation that opens after the colon, else the rest of the
    paragraph up to the next speaker line (a headline, an interview answer). A label in
    capitals ("UPDATE:") is no speaker, unless the article is a transcript whose turns it
    opens ("TAPPER:", "Q:", "A:"; :func:`transcript_labels`).
    """
    out: list[Attribution] = []
    text = p.text
    if text.find(":", p.start, p.end) < 0:
        return out  # most paragraphs: no colon, no speaker line
    lines = list(SPEAKER_LINE.finditer(text, p.start, p.end))
    if not lines:
        return out
    starts, words = p.starts, p.words
    sentence_starts = {a for a, _ in p.sentence_ranges.values()}
    for i, m in enumerate(lines):
        first = bisect_left(starts, m.start())
        colon = bisect_left(starts, m.end() - 1)
        if (
            first >= len(starts)
            or starts[first] != m.start()
            or colon + 1 >= len(starts)
            or (words[colon] != ":")
            or p.in_quote(m.start())
        ):
            continue
        if first not in sentence_starts and not (first > 0 and words[first - 1] in DASHES):
            continue
        name = words[first:colon]
        turn = first == 0 and name[-1] in speakers.labels
        if not turn and (
            any(p.is_verb_cue(w) or w.lower() in SPEAKER_LINE_LABELS for w in name)
            or all(w.isupper() for w in name if w.isalpha())
        ):
            continue  # "Read more:", "UPDATE:", "WASHINGTON:": a label, not a speaker
        k = colon + 1
        q: Quotation | None = (
            next((q for q in p.quotes if q.open == starts[k]), None) if (p.opens(k)) else None
        )
        sent_end = p.sentence_bounds(k)[1]
        if q is not None and (
            q.close is None
            or q.close >= p.ends[sent_end - 1]
            or not any(c.isalnum() for c in text[q.close : p.ends[sent_end - 1]])
        ):
            pieces, unclosed = [(q.inner_start, q.inner_end)], q.close is None
        else:
            # the rest of the paragraph, up to the next speaker line
            end = lines[i + 1].start() if i + 1 < len(lines) else p.end
            while end > starts[k] and text[end - 1] in ".!?;,:—– " and not p.in_quote(end - 1):
                end -= 1
            pieces, unclosed = [(starts[k], end)], False
        if len(text[pieces[0][0] : pieces[-1][1]].split()) < MIN_LINE_WORDS or any(
            a.pieces[0][0] <= pieces[0][0] < a.pieces[-1][1] for a in found
        ):
            continue
        cue = Cue(starts[colon], p.ends[colon], COLON, ":", colon, colon)
        attr = speakers.attribution(
            p, pieces, "speaker-colon", cue, (first, colon - 1), p.sentence_ids[first]
        )
        attr.unclosed = unclosed
        if turn and attr.speaker is None:
            attr.speaker = " ".join(name)  # "A": the label is all a transcript says
        out.append(attr)
        if not turn:
            # a turn's label names who speaks next, not whom a "he" in a turn refers to
            speakers.remember(attr)
    return out


def clause_colon(p: Paragraph, found: list[Attribution], speakers: Speakers) -> list[Attribution]:
    """``clause-colon``: McConnell delivered a blunt message to Trump: “…”

    A quotation that opens right after a colon closing a clause with no reporting verb of its
    own belongs to that clause's subject (a name, title, organisation or pronoun), and "More
    from X:" / "From X's post:" to X. The subject is looked for after the last comma or dash
    before the colon, else at the start of the sentence; a lone word before a comma
    ("Likewise,") and an all-capitals label ("FAREWELL—") are no subject.
    """
    out: list[Attribution] = []
    starts, words = p.starts, p.words
    for q in p.quotes:
        k = bisect_left(starts, q.open)
        if k == 0 or k >= len(starts) or starts[k] != q.open or words[k - 1] != ":":
            continue
        if any(overlaps([(q.inner_start, q.inner_end)], a.pieces) for a in found):
            continue
        colon = k - 1
        span = _colon_subject(p, colon)
        if span is None:
            continue
        cue = Cue(starts[colon], p.ends[colon], COLON, ":", colon, colon)
        attr = speakers.attribution(
            p, [(q.inner_start, q.inner_end)], "clause-colon", cue, span, p.sentence_ids[colon]
        )
        attr.unclosed = q.close is None
        out.append(attr)
        speakers.remember(attr)
    return out


def announcing_clause(
    p: Paragraph,
    found: list[Attribution],
    speakers: Speakers,
    next_line: tuple[int, int] | None,
) -> Attribution | None:
    """``clause-colon`` across paragraphs: a paragraph that ends on a clause and a colon
    ("Mayor Lind released the following statement:") announces the quotation the next
    paragraph opens with. Returns the statement still without content, or None.
    """
    colon = len(p.starts) - 1
    if next_line is None or colon < 0 or p.words[colon] != ":":
        return None
    text = p.text
    start = next_line[0]
    while start < next_line[1] and text[start].isspace():
        start += 1
    if start >= next_line[1] or text[start] not in OPENERS:
        return None  # an unquoted paragraph after the colon may be a list or a heading
    sid = p.sentence_ids[colon]
    if any(a.sentence_id == sid for a in found):
        return None  # the sentence's own frame reports it
    sent_start = p.sentence_bounds(colon)[0]
    if p.lows[sent_start] in ("from", "more") or p.lows[colon - 2 : colon] == ["as", "follows"]:
        return None  # "From X writing at Y:", "Transcript as follows:": an excerpt follows
    span = _colon_subject(p, colon)
    if span is None or (span[0] == span[1] and p.lows[span[0]] in PRONOUNS):
        # "Wait, it gets better:": a pronoun here is seldom the quotation's speaker
        return None
    cue = Cue(p.starts[colon], p.ends[colon], COLON, ":", colon, colon)
    return speakers.attribution(p, [], "clause-colon", cue, span, sid)


def _colon_subject(p: Paragraph, colon: int) -> Span | None:
    """The speaker of a clause that ends on the colon at token ``colon``: the subject after
    the last comma or dash before it, else the sentence's; the name after "From"."""
    starts, words, lows = p.starts, p.words, p.lows
    sent_start = p.sentence_bounds(colon)[0]
    if colon - sent_start < 2:
        return None  # "Graham: “…”" is a speaker line
    clause = next(
        (
            m + 1
            for m in range(colon - 1, sent_start, -1)
            if words[m] in CLAUSE_BREAKS and not p.in_quote(starts[m])
        ),
        sent_start,
    )
    span: Span | None
    if lows[clause] == "from" or lows[clause : clause + 2] == ["more", "from"]:
        span = right_phrase(p, clause + (1 if lows[clause] == "from" else 2), colon)
    else:
        span = subject(p, clause, colon) if clause > sent_start else None
        if span is None:
            span = clause_subject(p, sent_start, colon)
            if span is not None and span[0] == span[1] and words[span[1] + 1] == ",":
                span = None
    if span is None or all(w.isupper() for w in words[span[0] : span[1] + 1] if w.isalpha()):
        return None
    return span


def quote_verb_speaker(
    p: Paragraph, found: list[Attribution], speakers: Speakers
) -> list[Attribution]:
    """``quote-verb-speaker``: “Would it be negotiable?” Hannity pressed.

    A quotation that opens its sentence, ends on a comma, "?" or "!" and is followed by a
    name, pronoun or determiner phrase and a past-tense verb (or by the verb and a name
    that ends the clause: “…,” reacted Trump.) is what they said, whatever the verb
    ("pressed", "riffed", "posted"): the position is the frame, where the cue list has no
    entry.
    """
    out: list[Attribution] = []
    text, starts = p.text, p.starts
    for q in p.quotes:
        if q.close is None or q.inner_end - q.inner_start < 2 or text[q.inner_end - 1] not in ",?!":
            continue
        k = bisect_left(starts, q.open)
        if k >= len(starts) or starts[k] != q.open or p.sentence_bounds(k)[0] != k:
            continue
        m = QUOTE_VERB.match(text, q.close, p.end) or VERB_QUOTE.match(text, q.close, p.end)
        if m is None or any(overlaps([(q.inner_start, q.inner_end)], a.pieces) for a in found):
            continue
        first = bisect_left(starts, m.start("np"))
        last = bisect_left(starts, m.end("np")) - 1
        verb = bisect_left(starts, m.start("verb"))
        if verb >= len(starts) or starts[verb] != m.start("verb") or first >= len(starts):
            continue
        if verb < first:
            last = max(last, first)  # inverted: “…,” reacted Trump.
        else:
            last = verb - 1
        cue = Cue(m.start("verb"), m.end("verb"), PAST_VERB, m.group("verb"), verb, verb)
        attr = speakers.attribution(
            p,
            [(q.inner_start, q.inner_end)],
            "quote-verb-speaker",
            cue,
            (first, last),
            p.sentence_ids[first],
        )
        out.append(attr)
        speakers.remember(attr)
    return out


def in_poll(p: Paragraph, found: list[Attribution], speakers: Speakers) -> list[Attribution]:
    """``in-poll``: In a new Quinnipiac poll, Clinton leads by 5 points.

    A sentence that opens with "In" and a phrase naming a poll or survey, up to its comma,
    reports the rest of the sentence as what the poll found; the phrase, without "In", is
    the source, and "In" the cue (PolNeAR annotates it so).
    """
    out: list[Attribution] = []
    text, starts = p.text, p.starts
    for m in POLL_OPENING.finditer(text, p.start, p.end):
        first = bisect_left(starts, m.start())
        if first >= len(starts) or starts[first] != m.start():
            continue
        sent_start, sent_end = p.sentence_bounds(first)
        comma = bisect_left(starts, m.end() - 1)
        if sent_start != first or comma + 1 >= sent_end or p.words[comma] != ",":
            continue
        if p.lows[comma + 1] in POLL_PARTICIPLES:
            # "In the new poll, conducted March 11-13, …": the participle's phrase is the
            # poll's too
            comma = next((k for k in range(comma + 2, sent_end) if p.words[k] == ","), sent_end)
            if comma + 1 >= sent_end:
                continue
        start, end = starts[comma + 1], p.ends[sent_end - 1]
        while end > start and text[end - 1] in ".!?;:, " and not p.in_quote(end - 1):
            end -= 1
        if len(text[start:end].split()) < MIN_LINE_WORDS or any(
            overlaps([(start, end)], a.pieces) for a in found
        ):
            continue  # a frame inside it reports that part on its own
        cue = Cue(m.start(), m.start() + 2, POLL_ENTRY, "in", first, first)
        attr = speakers.attribution(
            p, [(start, end)], "in-poll", cue, (first + 1, comma - 1), p.sentence_ids[first]
        )
        out.append(attr)
    return out


def continued_quotation(
    p: Paragraph,
    prev: Attribution | None,
    q: Quotation,
    cues: list[Cue],
    paragraph_spans: Sequence[Any],
) -> Span | None:
    """A paragraph that is one quotation goes on with the statement of the paragraph
    before, when that one ended on a direct quotation and its speaker (or one of
    :data:`CONTINUED_FRAMES`' clauses): the quotation's
    inside, a further piece of that statement (PolNeAR annotates it so), or None.

    “…,” said Peskov.  /  “And this is the next paragraph of what he said.”

    The frame may go on to the paragraph's end in one sentence (“…,” said Peskov, who …),
    but not with narration after it.
    """
    if prev is None or prev.speaker is None or cues or q.open != p.start:
        return None
    if q.close is None or q.close < p.end - 1:
        return None
    end = prev.pieces[-1][1]
    if prev.rule.split("+")[0] not in CONTINUED_FRAMES and not (
        p.text[end - 1] in CLOSERS or p.text[end : end + 2].lstrip(".,").startswith(tuple(CLOSERS))
    ):
        return None  # other frames continue only when their content ended on a quotation
    prev_para = paragraph_spans[prev.paragraph_id]
    if prev_para.paragraph_id != p.paragraph_id - 1:
        return None
    text = p.text
    tail = text[max(prev.pieces[-1][1], prev.cue.end if prev.cue else 0) : prev_para.end]
    n_tail = len(tail.split())
    if n_tail > CONTINUATION_TAIL_WORDS and (
        n_tail > FRAME_TAIL_WORDS or SENTENCE_BREAK.search(tail.rstrip()) is not None
    ):
        return None  # the previous paragraph went on after its statement
    words = text[q.inner_start : q.inner_end].split()
    capitalised = sum(w[:1].isupper() for w in words)
    if len(words) < MIN_CONTINUATION_WORDS or capitalised >= MAX_CAPITALISED_SHARE * len(words):
        return None
    return q.inner_start, q.inner_end


#: ``rule`` value -> the function that makes it.
