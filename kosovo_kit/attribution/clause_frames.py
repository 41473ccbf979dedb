"""Frames whose cue hangs off another clause: "according to X", participles ("…, adding
that …", "Speaking to reporters, X …"), a cue coordinated with an earlier one ("… and
denounced …"), questions put to someone ("When asked whether …") and a sentence that opens
with its cue ("Said Petrova, “…”").

Each function makes one ``rule`` value (see :data:`.frames.RULES`).
"""

from __future__ import annotations

from bisect import bisect_left

from .backward import (
    backward_content,
    clause_end,
    has_complement,
)
from .content import (
    forward_content,
)
from .cues import Cue
from .marks import CLOSERS
from .paragraph import Attribution, Paragraph, Span
from .speakers import (
    Speakers,
    is_cap,
    right_phrase,
)
from .subjects import clause_subject, subject
from .words import (
    BE_FORMS,
    SKIP_BEFORE_CUE,
)

# Lower-case words inside a capitalised name or title ("Secretary of State", "de Blasio")
NAME_LINKS = frozenset({"of", "the", "and", "de", "van", "von", "for"})
# Conjunctions opening a clause with a subject of its own: "Kova smiled when he took the
# microphone and said …" has "he" say it, not the main clause's subject
# ("after", "before" and "until" are as often prepositions: "went after Clinton and said …")
CLAUSE_CONJUNCTIONS = frozenset({"when", "while", "because", "once"})
# Words after "asked" that open what was asked besides the content markers ("asked about
# the wall", "asked which county …"), in a question frame
QUESTION_OPENERS = frozenset({"about", "which", "whom", "whose"})


def according_to(
    p: Paragraph, cue: Cue, sent_start: int, sent_end: int, speakers: Speakers
) -> Attribution | None:
    """``according-to``: According to X, … / …, according to X. / “…,” according to X."""
    span = right_phrase(p, cue.last + 1, sent_end, allow_lower=True)
    if span is None:
        return None
    text, words = p.text, p.words
    if cue.first == sent_start or (cue.first > sent_start and p.opens(cue.first - 1)):
        # the source first: the content follows the comma after it
        k = span[1] + 1
        while k < sent_end and words[k] != ",":
            k += 1
        k += 1
        if k >= sent_end:
            return None
        start = p.starts[k]
        end = p.ends[sent_end - 1]
        while end > start and text[end - 1] in ".!?;, " and not p.in_quote(end - 1):
            end -= 1
        pieces = [(start, end)]
    elif cue.first > sent_start and (
        words[cue.first - 1] == ","
        or (
            p.before_mark(cue.first - 1) >= sent_start
            and words[p.before_mark(cue.first - 1)] == ","
            and text[p.starts[cue.first - 1]] in CLOSERS
        )
    ):
        pieces = backward_content(p, sent_start, cue.first - 1)
    else:
        return None
    if not pieces:
        return None
    return speakers.attribution(p, pieces, "according-to", cue, span, p.sentence_ids[cue.first])


def participle_cue(
    p: Paragraph,
    cue: Cue,
    found: list[Attribution],
    sent_start: int,
    sent_end: int,
    speakers: Speakers,
) -> Attribution | None:
    """``participle-cue``: …, adding that Russia “follows …” / … by saying that …

    The speaker of the main clause speaks: the latest speaker in the sentence, else its
    subject, cut after its head.
    """
    return _same_speaker(p, cue, found, "participle-cue", sent_start, sent_end, speakers)


def opening_participle(
    p: Paragraph, cue: Cue, sent_start: int, sent_end: int, speakers: Speakers
) -> Attribution | None:
    """``participle-cue`` opening a sentence: Noting that the talks failed, Petrova said …

    The subject of the main clause after the comma speaks; the content runs to the comma.
    """
    pieces, _unclosed = forward_content(p, cue, sent_end)
    if not pieces or not has_complement(p, cue, pieces):
        return None
    end = clause_end(p, pieces, cue, sent_end)
    comma = next((m for m in range(cue.last + 1, sent_end) if p.starts[m] == end), None)
    if comma is None or p.words[comma] != ",":
        return None
    span = right_phrase(p, comma + 1, sent_end, allow_lower=False)
    if span is None:
        return None
    for m in range(span[0] + 1, span[1] + 1):
        low = p.lows[m]
        if p.words[m] == low and (
            p.is_verb_cue(low)
            or low.endswith("ed")
            or low in SKIP_BEFORE_CUE
            or low in BE_FORMS
            or (is_cap(p.words[span[0]]) and low not in NAME_LINKS and low not in p.titles)
        ):
            span = (span[0], m - 1)  # the subject ends at its verb: "the mayor cancelled …"
            break
    sid = p.sentence_ids[cue.first]
    return speakers.attribution(p, [(pieces[0][0], end)], "participle-cue", cue, span, sid)


def coordinated_cue(
    p: Paragraph,
    cue: Cue,
    found: list[Attribution],
    sent_start: int,
    sent_end: int,
    speakers: Speakers,
) -> Attribution | None:
    """``coordinated-cue``: … estimated … and denounced the “nationalist rhetoric”; also
    after an adverb of sequence ("… and later said, “…”").

    The second verb of one subject: the speaker is the sentence's latest, else its subject,
    or the subject of the "when" or "while" clause the cue is in ("… cheered when Kova
    stood up and said …").
    """
    return _same_speaker(p, cue, found, "coordinated-cue", sent_start, sent_end, speakers)


def _same_speaker(
    p: Paragraph,
    cue: Cue,
    found: list[Attribution],
    rule: str,
    sent_start: int,
    sent_end: int,
    speakers: Speakers,
) -> Attribution | None:
    """A cue without its own subject: the sentence's latest speaker, else its subject."""
    pieces, unclosed = forward_content(p, cue, sent_end)
    if not pieces or (rule == "coordinated-cue" and not has_complement(p, cue, pieces)):
        return None
    sid = p.sentence_ids[cue.first]
    src = _latest_speaker(found, sid)
    if src is not None:
        return Attribution(
            pieces,
            rule,
            cue,
            src.mention,
            src.speaker,
            src.actor,
            sid,
            p.paragraph_id,
            unclosed=unclosed,
        )
    # no statement yet in the sentence: its subject speaks ("X mocked it, saying …",
    # "X called on Congress to act and said …")
    span = _subordinate_subject(p, sent_start, cue.first) or clause_subject(
        p, sent_start, cue.first
    )
    if span is None:
        return None
    attr = speakers.attribution(p, pieces, rule, cue, span, sid)
    attr.unclosed = unclosed
    return attr


def _subordinate_subject(p: Paragraph, sent_start: int, limit: int) -> Span | None:
    """The subject of a subordinate clause the cue is coordinated in, when no comma closes
    that clause before the cue."""
    for k in range(limit - 1, sent_start, -1):
        if p.kinds[k] == "quote" or p.words[k] in (",", ";", ":", "—", "–"):
            return None
        if p.lows[k] in CLAUSE_CONJUNCTIONS:
            return subject(p, k + 1, limit)
    return None


def _latest_speaker(found: list[Attribution], sid: int) -> Attribution | None:
    for a in reversed(found):
        if a.sentence_id == sid and a.speaker is not None and not _reported_inside(a, found):
            return a
    return None


def _reported_inside(attr: Attribution, found: list[Attribution]) -> bool:
    """The cue of ``attr`` lies in what another statement reports ("X said that Moscow
    supported Belgrade, adding …": Moscow is no speaker of the sentence's frame)."""
    if attr.cue is None:
        return False
    at = attr.cue.start
    return any(
        a is not attr and a.cue is not None and any(s <= at < e for s, e in a.pieces) for a in found
    )


def question_cue(
    p: Paragraph, cue: Cue, sent_start: int, sent_end: int, speakers: Speakers | None = None
) -> Attribution | None:
    """``question-cue``: When asked whether …, he said … / Asked by Starnes if …, he said …

    A reported question: the asker is the ``by`` phrase after the cue, else NA; the content
    is the question, up to the comma that ends it.
    """
    pieces, _unclosed = forward_content(p, cue, sent_end)
    topic = _question_topic(p, cue, sent_end)
    if topic is not None:
        pieces = [topic]
    elif pieces and "," in p.text[cue.end : pieces[0][0]]:
        # "Asked, after a pause, …, Rubio said …": no topic before the comma; the main
        # clause's frame reports what follows it
        return None
    if pieces and (topic is not None or has_complement(p, cue, pieces)):
        end = clause_end(p, pieces, cue, sent_end)
        k = cue.last + 1
        if speakers is not None and k < sent_end and p.lows[k] == "by":
            span = right_phrase(p, k + 1, sent_end, allow_lower=True)
            if span is not None and p.ends[span[1]] <= pieces[0][0]:
                sid = p.sentence_ids[cue.first]
                return speakers.attribution(
                    p, [(pieces[0][0], end)], "question-cue", cue, span, sid
                )
        return Attribution(
            [(pieces[0][0], end)],
            "question-cue",
            cue,
            None,
            None,
            None,
            p.sentence_ids[cue.first],
            p.paragraph_id,
        )
    return None


def _question_topic(p: Paragraph, cue: Cue, sent_end: int) -> Span | None:
    """What a question was about ("When asked about the wall, …": the wall), or a question
    that opens with "which", "whom" or "whose" ("Asked which county …"), which
    :data:`~.words.CONTENT_MARKERS` leaves out since after other verbs those words more
    often open a relative clause. Runs to the sentence end; the caller cuts it at a comma."""
    k = cue.last + 1
    if k >= sent_end or p.lows[k] not in QUESTION_OPENERS:
        return None
    if p.lows[k] == "about":
        k += 1
    if k >= sent_end or p.kinds[k] not in ("word", "number", "quote"):
        return None
    start, end = p.starts[k], p.ends[sent_end - 1]
    while end > start and p.text[end - 1] in ".!?;,:" and not p.in_quote(end - 1):
        end -= 1
    return (start, end) if end > start else None


def opening_cue(
    p: Paragraph, cue: Cue, sent_start: int, sent_end: int, speakers: Speakers
) -> Attribution | None:
    """``speaker-cue-quote`` inverted: Said Petrova, who grew up there, “…” — a sentence
    that opens with its cue; the speaker follows it, then the quotation after a comma or
    colon."""
    span = right_phrase(p, cue.last + 1, sent_end, allow_lower=False)
    if span is None or not any(
        is_cap(w) or w.lower() in p.titles for w in p.words[span[0] : span[1] + 1]
    ):
        return None
    after = p.ends[span[1]]
    for q in p.quotes:
        if q.open < after:
            continue
        k = bisect_left(p.starts, q.open)
        if k >= sent_end or k == 0 or p.words[k - 1] not in (",", ":"):
            return None
        attr = speakers.attribution(
            p, [(q.inner_start, q.inner_end)], "speaker-cue-quote", cue, span, p.sentence_ids[k]
        )
        attr.unclosed = q.close is None
        return attr
    return None
