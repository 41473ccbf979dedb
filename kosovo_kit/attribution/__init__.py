"""Who said what: reported statements, their speakers, cues and sides.

:func:`attribute_quotes` finds every reported statement in an article — direct
quotes, mixed (partly quoted) statements, indirect (reported) speech and
attributed beliefs — and says who made it, with which reporting words, for which
side, and by which rule. The rules are transparent patterns over the kit's
tokens; the knowledge they use (reporting verbs, titles, gazetteer, demonyms) is
in ``data/``.

The package, in the order a statement is found:

- :mod:`.marks`: quotation marks and how they pair into quotations;
- :mod:`.cues`: the reporting verbs of ``data/cues.csv`` and where they occur;
- :mod:`.paragraph`: one paragraph's tokens, quotations and sentences, which every
  frame reads, and the :class:`~.paragraph.Attribution` a frame makes;
- :mod:`.frames` (a speaker and a cue around content), :mod:`.clause_frames` (a cue that
  hangs off another clause: "according to", participles, coordinated cues, questions),
  :mod:`.line_frames` (the frames without a cue word) and :mod:`.unnamed_frames` (the
  frames with no speaker): one function per ``rule`` value (its docstring has an example);
- :mod:`.content` (content after its cue and where it ends), :mod:`.backward` (content
  before its cue, quotations that resume after their frame, and the checks a frame makes
  on its content) and :mod:`.speakers`: where the content starts and ends, and the
  speaker's noun phrase and whom it refers to (names, titles, pronouns); :mod:`.subjects`
  the subject a sentence or clause opens with, and a coordinated subject ("Berger and
  Moore said");
- :mod:`.words`: the closed-class word lists the frames read.

Frames (the ``rule`` column; :data:`.frames.RULES` maps each to its function):
``quote-cue-speaker`` (“…,” said Peskov.), ``speaker-cue-quote`` (Peskov said: “…”; Said
Peskov, “…”), ``cue-that-clause`` (Vucevic announced that …), ``clause-cue-speaker`` (… is
a “very bad signal”, the government estimated.), ``according-to``, ``question-cue`` (When
asked whether …), ``participle-cue`` (…, adding that …), ``coordinated-cue`` (… and
denounced …, … and later said …; in a "when" clause its own subject speaks: The hall went
quiet when she stood up and said …), ``quote-dash-speaker`` (“…” ― Jorge Falcon; or a
paragraph that is one quotation and a next paragraph that is a dash and a name: “…” / -
Jorge Falcon, Miami.), ``speaker-colon`` (Graham: “…”; in a transcript also the turns its
capitalised labels open, "TAPPER: …", "Q: …", "A: …"), ``clause-colon`` (McConnell
delivered a blunt message to Trump: “…”; also when the clause ends its paragraph and the
next one opens with the quotation), ``quote-verb-speaker`` (“…?” Hannity pressed.: a
past-tense verb the cue list lacks), ``in-poll`` (In a new Quinnipiac poll, Clinton leads …:
the poll is the source, "In" the cue), ``expected-to`` (The vote is expected to pass: an
expectation nobody is named for) and ``seem-clause`` (Carson appears to be slipping: an
impression nobody is named for).

A frame ending its paragraph on a colon ("Wallnau wrote:") whose next paragraph opens
without a quotation mark reports that paragraph whole, and the paragraphs after it that
have no reporting verb of their own.

A transcript (:func:`.line_frames.transcript_labels`: capitalised labels that keep opening
its paragraphs, as in a broadcast transcript or a Q&A interview) has each turn's unlabelled
paragraphs, up to the next turn, as further pieces of that turn; a stage direction
("(BEGIN VIDEO CLIP)") ends it, and paragraphs after the last turn are the writer's. A
turn's label names who speaks, not whom a "he" or "she" in a later turn refers to: labels
are no antecedents for pronouns.

Otherwise a quoted sentence with no cue of its own that follows a statement in the
same paragraph (also after a linking "But", "And", "Yet" or "Still": “A,” he said outside.
But “B.”), a quotation left open at a paragraph's end and taken up by the next
paragraph, or a paragraph that is one quotation after a paragraph that ended on a direct
quotation and its frame (or on a clause and its speaker's frame, or a clause a gerund cue
opened) (:func:`.line_frames.continued_quotation`), belongs to that
statement: it becomes a further piece of it. When that statement is an unquoted one
reported in the frame of a quotation (“A,” X said, noting that B. “C.”), the quotation's
statement goes on instead.

When "according to X" closes a sentence whose quotation another frame already reported
("“…,” Walker said, according to an AP account"), X is named as the source, as PolNeAR
annotates it: the statement takes the ``according-to`` rule, cue and speaker, and its
content widens to the whole clause the account reports, frame included.

A paragraph written in title case (a headline: "Clinton Says Russians Hacked DNC") has
its capitalised reporting verbs read as cues (:func:`.cues.is_title_case`).

A ``+pronoun-carryover`` suffix says the speaker mention is a pronoun resolved to
the last suitable named speaker; ``+title-carryover`` the same for "the minister";
``+relative-pronoun`` says the mention is "who" or "which" and the speaker is the phrase
before it ("Ana Petrova, who said …").
A labelling verb (the ``label`` column of ``data/cues.csv``) reports its object and
what it is called ("called the plan “reckless”", "referred to Rubio as …"); forward content
ends where another speaker's frame begins ("…, but 40 percent of the growers say …").
A verb of talking about a topic ("talked about", "railed against") reports its object when
that holds a quotation; an "-ly" adverb before a cue is not part of the speaker ("Iran
relentlessly said" → Iran), and a relative clause before it ("Clinton, who …, conceded …")
belongs to the subject.
A belief reported inside what another speaker says after their cue ("X said he thinks
…"), or inside what a later frame reports ("Those who think … are wrong,” she said), is
part of that statement, not a statement of its own. A quotation with a frame of its own
inside a statement's content ("… that A: “B,” she said.") ends that content before it.
A naming participle after a common noun in object position ("a play called “…”")
names no speaker.
A gerund cue after a message noun ("issued a statement saying …") is a ``participle-cue``
whose issuer speaks, and so is one opening a sentence ("Noting that …, Petrova said …"),
whose main clause's subject speaks; after an inverted speaker ("…, said X, a professor at …") an
unquoted clause does not resume.
Following the PolNeAR guidelines, content a single cue introduces in several
pieces (“A,” he said, “B.”) is one attribution: ``start``/``end`` cover all of it
and ``pieces`` lists the pieces.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..frames import STR, records_frame
from ..gazetteer import Gazetteer, load_gazetteer
from ..gc_pause import gc_paused
from ..text import Article, check_text
from .cues import (
    TITLE_MAX_CHARS,
    CueEntry,
    capital_cue_regex,
    cue_regex,
    find_cues,
    is_title_case,
    title_cue_regex,
)
from .frames import attribute_cue
from .line_frames import (
    POLL_OPENING,
    SPEAKER_LINE,
    announcing_clause,
    clause_colon,
    continued_quotation,
    in_poll,
    quote_dash_speaker,
    quote_verb_speaker,
    speaker_colon,
    transcript_labels,
)
from .marks import DOUBLE_MARK, MAY_OPEN, OPENERS, QUOTE_MARKS
from .paragraph import Attribution, Paragraph, overlaps, titles
from .speakers import Speakers
from .words import RESUMING_LINKS

__all__ = [
    "KINDS",
    "QUOTE_COLUMNS",
    "QUOTE_DTYPES",
    "CueEntry",
    "attribute_quotes",
    "quote_records",
]

#: Column -> dtype of the who-said-what table.
QUOTE_DTYPES: dict[str, Any] = {
    "quote_id": "int64",
    "kind": STR,
    "text": STR,
    "start": "int64",
    "end": "int64",
    "pieces": object,
    "speaker": STR,
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue": STR,
    "cue_start": "Int64",
    "cue_end": "Int64",
    "actor": STR,
    "sentence_id": "int64",
    "paragraph_id": "int64",
    "rule": STR,
}
#: Columns of the who-said-what table, in order.
QUOTE_COLUMNS = list(QUOTE_DTYPES)
KINDS = ("direct", "mixed", "indirect", "belief")
# A quotation that continues the previous statement is a whole sentence of this many words
MIN_QUOTED_SENTENCE_WORDS = 2
# The fewest words of a paragraph that goes on with a transcript's turn
MIN_TURN_WORDS = 3
# The fewest words left of a statement's content cut before a quotation framed inside it
MIN_CUT_WORDS = 3
# Characters trimmed off the end of an announced paragraph's content
ANNOUNCED_END = frozenset(".!?;,:—– \t\r\n")


def _attributions(article: Article, gazetteer: Gazetteer) -> list[Attribution]:
    """Run the frames over the article's body paragraphs, in order."""
    text = article.text
    cue_re = cue_regex()
    title_re = title_cue_regex()
    capital_re = capital_cue_regex()
    speakers = Speakers(article, gazetteer, titles())
    speakers.labels = transcript_labels(text, article.paragraph_spans)
    turn: Attribution | None = None  # a transcript's turn, which may go on unlabelled
    held: list[tuple[int, int]] = []  # its unlabelled paragraphs so far
    results: list[Attribution] = []
    pending: Attribution | None = None  # a statement whose quotation goes on
    previous: Attribution | None = None  # the previous paragraph's last statement
    announced: Attribution | None = None  # unquoted content a colon announced
    runs_on = False
    for span in article.paragraph_spans:
        if span.kind != "body":
            pending = turn = None
            held.clear()
            continue
        if turn is not None:
            turn = _turn_goes_on(text, span.start, span.end, turn, held, speakers.labels)
        if pending is not None and not pending.pieces:
            pending = _announced_paragraph(text, span.start, span.end, pending, results)
            announced = None if pending is not None else results[-1]
            runs_on = False
        elif announced is not None:
            runs_on = True
        # a paragraph with neither a reporting verb nor a quotation mark holds no
        # statement: it need not even be tokenised
        # a title-case headline capitalises its reporting verbs too ("Clinton Says …")
        regex = cue_re
        if (
            span.end - span.start <= TITLE_MAX_CHARS
            and capital_re.search(text, span.start, span.end)
            and is_title_case(text, span.start, span.end)
        ):
            regex = title_re
        first = regex.search(text, span.start, span.end)
        # the rest are found from the first one on, as finditer() would
        cue_matches = [first, *regex.finditer(text, first.end(), span.end)] if first else []
        if announced is not None and runs_on:
            if (
                first is None
                and _announced_paragraph(text, span.start, span.end, announced, []) is None
            ):
                continue  # no reporting verb of its own: what was written goes on
            announced = None
        if (
            first is None
            and not MAY_OPEN.search(text, span.start, span.end)
            and (
                text.find(":", span.start, span.end) < 0
                or not SPEAKER_LINE.search(text, span.start, span.end)
            )
            and text[span.end - 1] != ":"  # it may announce the next paragraph's quotation
            and not POLL_OPENING.search(text, span.start, span.end)  # "In a poll, …"
        ):
            pending = previous = None
            continue
        columns = article.paragraph_token_columns(span.paragraph_id)
        if not columns.start:
            continue
        p = Paragraph.read(article, span, columns, cue_matches)
        pending, previous = _paragraph(
            p, pending, previous, speakers, results, article.paragraph_spans
        )
        if speakers.labels:
            opened = next(
                (
                    a
                    for a in reversed(results)
                    if a.paragraph_id == span.paragraph_id
                    and a.rule == "speaker-colon"
                    and a.mention is not None
                    and text[a.mention[0] : a.mention[1]].split()[-1] in speakers.labels
                    and not any(c.isalnum() for c in text[a.pieces[-1][1] : span.end])
                ),
                None,
            )
            turn = opened if opened is not None else turn
    return results


def _turn_goes_on(
    text: str,
    start: int,
    end: int,
    turn: Attribution,
    held: list[tuple[int, int]],
    labels: frozenset[str],
) -> Attribution | None:
    """A transcript's paragraphs that open with no label of their own, between a turn and
    the next one, go on with that turn: further pieces of it (``held`` until the next turn
    shows they are not the article's own closing words). Returns the turn while it may go
    on."""
    line = SPEAKER_LINE.match(text, start, end)
    if line is not None:
        label = text[line.start() : line.end() - 1].split("(")[0].split()
        if label and label[-1] in labels:
            turn.pieces.extend(held)
        held.clear()
        return None
    if text[start:end].lstrip()[:1] in "([<":
        held.clear()
        return None  # a stage direction: "(BEGIN VIDEO CLIP)"
    while end > start and text[end - 1] in ANNOUNCED_END:
        end -= 1
    if len(text[start:end].split()) < MIN_TURN_WORDS:
        held.clear()
        return None
    held.append((start, end))
    return turn


def _paragraph(
    p: Paragraph,
    pending: Attribution | None,
    previous: Attribution | None,
    speakers: Speakers,
    results: list[Attribution],
    paragraph_spans: Sequence[Any],
) -> tuple[Attribution | None, Attribution | None]:
    """Add one paragraph's statements to ``results``; return what the next one may continue:
    the statement whose quotation is still open, and the paragraph's last statement."""
    text = p.text
    quotes = p.quotes
    qspans = [(q.open, q.close if q.close is not None else p.end) for q in quotes]
    # a quotation carried over from the previous paragraph continues here, or the
    # one a frame ending in a colon announced ("He said:")
    carried = (
        quotes[0] if pending is not None and quotes and quotes[0].open == p.starts[0] else (None)
    )
    cues = find_cues(p)
    found: list[Attribution] = []
    awaiting: Attribution | None = None  # "He said:" ending the paragraph
    for cue in cues:
        attr = attribute_cue(p, cue, found, speakers)
        if attr is None:
            continue
        attr.pieces = [p.unwrapped(piece) for piece in attr.pieces]
        if not attr.pieces:
            awaiting = attr
            speakers.remember(attr)
            continue
        clash = [a for a in found if overlaps(attr.pieces, a.pieces) and not _nested(text, attr, a)]
        if clash and all(_belief_within(a, attr) for a in clash):
            found = [a for a in found if all(a is not c for c in clash)]
        elif clash and not all(_framed_inside(text, a, attr) for a in clash):
            _reported_by(attr, found)
            continue
        found.append(attr)
        speakers.remember(attr)
    following = p.paragraph_id + 1
    next_line = None
    if following < len(paragraph_spans) and paragraph_spans[following].kind in ("body", "heading"):
        next_line = (paragraph_spans[following].start, paragraph_spans[following].end)
    found.extend(quote_dash_speaker(p, found, speakers, next_line))
    found.extend(speaker_colon(p, found, speakers))
    found.extend(clause_colon(p, found, speakers))
    found.extend(quote_verb_speaker(p, found, speakers))
    found.extend(in_poll(p, found, speakers))
    if awaiting is None:
        awaiting = announcing_clause(p, found, speakers, next_line)
    if (
        carried is not None
        and pending is not None
        and not any(overlaps([(carried.inner_start, carried.inner_end)], a.pieces) for a in found)
    ):
        # no frame of its own: the quotation goes on from the previous paragraph
        if not pending.pieces:
            results.append(pending)
        pending.pieces.append((carried.inner_start, carried.inner_end))
        pending.unclosed = carried.close is None
        quotes = quotes[1:]
        qspans = qspans[1:]
        if pending.unclosed:
            results.extend(found)
            return pending, pending

    # quotations claimed by an attribution
    used_quotes: set[int] = set()
    for qi, (o, e) in enumerate(qspans):
        for a in found:
            if any(s - 1 <= o and e <= t + 1 for s, t in a.pieces) or any(
                o <= s < e for s, _ in a.pieces
            ):
                used_quotes.add(qi)

    # unclaimed whole-sentence quotations continue the previous attribution
    sent_starts = {p.starts[a] for a, _ in p.sentence_ranges.values()}
    for qi, q in enumerate(quotes):
        if qi in used_quotes:
            continue
        o, end = q.open, q.inner_end
        if (o not in sent_starts and not _resumes(p, o, sent_starts)) or len(
            text[q.inner_start : end].split()
        ) < MIN_QUOTED_SENTENCE_WORDS:
            continue
        before = [a for a in found if a.pieces[-1][1] <= o]
        if before:
            target = _continued(text, before)
            target.pieces.append((q.inner_start, end))
            target.unclosed = q.close is None
        else:
            piece = continued_quotation(p, previous, q, cues, paragraph_spans)
            if piece is None or previous is None:
                continue
            previous.pieces.append(piece)  # “…,” said X. / “…”: one statement, two pieces
        used_quotes.add(qi)

    found.sort(key=lambda a: a.pieces[0][0])
    # a belief reported inside another statement ("X said he thinks …") is part of what
    # was said, not a statement of its own
    found = [a for a in found if not _inside_other(a, found)]
    results.extend(found)
    last = max(found, key=lambda a: a.pieces[-1][1]) if found else None
    carry = last if last is not None and last.unclosed else None
    if (
        awaiting is not None
        and awaiting.cue is not None
        and (last is None or last.pieces[-1][1] <= awaiting.cue.start)
    ):
        carry = awaiting
    return carry, (_continued(text, found) if found else awaiting)


def _resumes(p: Paragraph, at: int, sent_starts: set[int]) -> bool:
    """The quotation opening at ``at`` follows only a linking word that opens its sentence:
    “A,” he said outside. But “B.” (B resumes what he said)."""
    i = bisect_left(p.starts, at)
    k = i - 1 - (i >= 2 and p.words[i - 1] == ",")
    return k >= 0 and p.starts[k] in sent_starts and p.lows[k] in RESUMING_LINKS


def _announced_paragraph(
    text: str, start: int, end: int, awaiting: Attribution, results: list[Attribution]
) -> Attribution | None:
    """The paragraph after "Wallnau wrote:" that opens without a quotation mark is what
    was written, whole; one that opens with a quotation (or markup, such as an embedded
    post) is left to the rules for those.

    Returns what the paragraph may still continue: ``awaiting`` when its quotation is
    to come, else None."""
    while start < end and text[start].isspace():
        start += 1
    if start >= end or text[start] in OPENERS or text[start] == "<":
        return awaiting
    while end > start and text[end - 1] in ANNOUNCED_END:
        end -= 1
    awaiting.pieces.append((start, end))
    results.append(awaiting)
    return None


def _continued(text: str, before: list[Attribution]) -> Attribution:
    """The statement a quoted sentence with no cue of its own goes on with: the last one,
    unless that one is unquoted and reported in the frame of a quotation in its sentence
    (“A,” X said, noting that B. “C.”: C goes on with A)."""
    last = max(before, key=lambda a: a.pieces[-1][1])
    if _ends_quoted(text, last):
        return last
    framed = [
        a
        for a in before
        if a is not last and a.sentence_id == last.sentence_id and _ends_quoted(text, a)
    ]
    return max(framed, key=lambda a: a.pieces[-1][1]) if framed else last


def _ends_quoted(text: str, attr: Attribution) -> bool:
    """Whether a statement's last piece is the inside of a quotation."""
    s = attr.pieces[-1][0]
    return s > 0 and text[s - 1] in OPENERS


def _inside_other(attr: Attribution, found: list[Attribution]) -> bool:
    """A belief whose cue lies in the content that follows another statement's cue ("X said
    he thinks …"; not "Pristina seeks …, the ministry said", which reports both)."""
    if attr.cue is None or attr.cue.kind != "belief":
        return False
    at = attr.cue.start
    return any(
        a is not attr
        and a.cue is not None
        and a.cue.start < at
        and any(s <= at < e for s, e in a.pieces)
        for a in found
    )


def _belief_within(inner: Attribution, outer: Attribution) -> bool:
    """A belief whose cue and content lie in what a later frame reports ("Candidates who
    think “…” are wrong,” she said): part of that statement, not one of its own."""
    if inner.cue is None or outer.cue is None or inner.cue.kind != "belief":
        return False
    s, e = outer.pieces[0][0], outer.pieces[-1][1]
    return outer.cue.start >= e and s <= inner.cue.start and inner.pieces[-1][1] <= e


def _framed_inside(text: str, outer: Attribution, inner: Attribution) -> bool:
    """A quotation with a frame of its own ends the content of a statement it lies in
    ("Trump asserted that France had lost its identity: “France is no longer France,” he
    claimed."): the outer content is cut before it. Returns whether it was cut.

    Only a frame that follows its quotation, or announces it with a colon, counts; a
    quotation reported inside the outer content ("X said Y told him “…”") stays in it.
    """
    if outer.cue is None or inner.cue is None or len(outer.pieces) != 1:
        return False
    o_start, o_end = outer.pieces[0]
    q_start = inner.pieces[0][0]
    if not (
        outer.cue.end <= o_start < q_start - 1
        and o_start <= inner.cue.start < o_end
        and text[q_start - 1] in OPENERS
    ):
        return False
    after = inner.cue.start >= inner.pieces[0][1]
    announced = text[inner.cue.end : q_start - 1].strip() == ":"
    if not (after or announced):
        return False
    cut = q_start - 1
    if announced and inner.mention is not None and o_start < inner.mention[0] < cut:
        cut = inner.mention[0]  # "…, to which O'Malley interjected: “…”": its frame too
    while cut > o_start and text[cut - 1] in " :,;-–—(":
        cut -= 1
    if len(text[o_start:cut].split()) < MIN_CUT_WORDS:
        return False
    outer.pieces = [(o_start, cut)]
    return True


def _reported_by(attr: Attribution, found: list[Attribution]) -> None:
    """“…,” Walker said, according to an AP account: the account is the source PolNeAR
    names for the statement and its frame, so its "according to" takes the statement over."""
    if attr.rule.split("+")[0] != "according-to" or attr.cue is None:
        return
    taken = [
        a
        for a in found
        if (
            a.sentence_id == attr.sentence_id
            and a.cue is not None
            and a.cue.start < attr.cue.start
            and overlaps(attr.pieces, a.pieces)
        )
    ]
    for a in taken:
        a.rule, a.cue, a.mention = attr.rule, attr.cue, attr.mention
        a.speaker, a.actor = attr.speaker, attr.actor
    if taken:
        # what the account reports is the whole clause, the frame it quotes included
        # (“…,” he told Flake, according to officials): the last statement takes it
        last = max(taken, key=lambda a: a.pieces[-1][1])
        s, e = attr.pieces[0][0], attr.pieces[-1][1]
        if all(s <= x and y <= e for x, y in last.pieces):
            last.pieces = list(attr.pieces)


def _nested(text: str, a: Attribution, b: Attribution) -> bool:
    """One statement reports the other's belief, cue and all ("X said Y seeks to …")."""
    for outer, inner in ((a, b), (b, a)):
        if outer.cue is None or inner.cue is None:
            continue
        s, e = outer.pieces[0][0], outer.pieces[-1][1]
        if (
            s <= inner.cue.start
            and inner.pieces[-1][1] <= e
            and not (s <= outer.cue.start < e)
            and inner.cue.kind == "belief"
            and (QUOTE_MARKS.isdisjoint(text[s:e]))
        ):
            return True
    return False


def _kind(text: str, pieces: list[tuple[int, int]], cue_kind: str, quoted_pieces: bool) -> str:
    if quoted_pieces:
        return "direct"
    # searched in place: the pieces are not copied out of the text
    has_quote = any(
        DOUBLE_MARK.search(text, s, e) or (text.count("‘", s, e) and text.count("’", s, e))
        for s, e in pieces
    )
    if has_quote:
        return "mixed"
    return "belief" if cue_kind == "belief" else "indirect"


@gc_paused
def quote_records(
    article_or_text: Article | str, gazetteer: Gazetteer | Any = None
) -> list[dict[str, Any]]:
    """The rows of :func:`attribute_quotes` as plain dicts, one per attribution.

    What a corpus run or a stream writer wants: no table is built per article.

    Parameters
    ----------
    article_or_text, gazetteer
        As for :func:`attribute_quotes`.

    Returns
    -------
    list of dict
        Keys :data:`QUOTE_COLUMNS`; a missing speaker, cue or actor is None.
    """
    if isinstance(article_or_text, Article):
        article = article_or_text
    else:
        article = Article.from_text(check_text(article_or_text, "article text"))
    found = _attributions(article, load_gazetteer(gazetteer))
    text = article.text
    rows = []
    for attr in found:
        pieces = [(s, e) for s, e in attr.pieces if e > s]
        if not pieces:
            continue
        pieces.sort()
        start, end = pieces[0][0], pieces[-1][1]
        quoted = all(s > 0 and text[s - 1] in OPENERS for s, _ in pieces)
        cue = attr.cue
        cue_kind = cue.kind if cue else "speech"
        mention = attr.mention
        rows.append(
            {
                "quote_id": 0,
                "kind": _kind(text, pieces, cue_kind, quoted),
                "text": text[start:end],
                "start": start,
                "end": end,
                "pieces": pieces,
                "speaker": attr.speaker,
                "speaker_start": mention[0] if mention else None,
                "speaker_end": mention[1] if mention else None,
                "cue": text[cue.start : cue.end] if cue else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "actor": attr.actor,
                "sentence_id": attr.sentence_id,
                "paragraph_id": attr.paragraph_id,
                "rule": attr.rule,
            }
        )
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for i, row in enumerate(rows):
        row["quote_id"] = i
    return rows


def attribute_quotes(
    article_or_text: Article | str, gazetteer: Gazetteer | Any = None
) -> pd.DataFrame:
    """Find every reported statement in an article: who said what, how, for which side.

    Parameters
    ----------
    article_or_text : Article or str
        The article, or its text.
    gazetteer : Gazetteer, path or DataFrame, optional
        Names, titles and aliases → canonical speakers and actors; by default the
        shipped ``data/gazetteer.csv``. Yours is added to it (see :func:`load_gazetteer`).

    Returns
    -------
    pandas.DataFrame
        One row per attribution, columns :data:`QUOTE_COLUMNS`:

        - ``quote_id``; ``kind``: direct, mixed, indirect or belief;
        - ``text``, ``start``, ``end``: the content and its span (``text ==
          article.text[start:end]``); ``pieces``: list of ``(start, end)`` pieces when a
          cue introduces content in several pieces;
        - ``speaker`` (canonical name, NA if unknown), ``speaker_start``/``speaker_end``:
          the mention in the sentence (a name, title, organisation or pronoun);
        - ``cue``, ``cue_start``, ``cue_end``: the reporting words;
        - ``actor``: the side the speaker speaks for (NA if unknown);
        - ``sentence_id``, ``paragraph_id``, ``rule``: where, and which rule made it.

    Raises
    ------
    TypeError
        If given neither an Article nor a str.
    ValueError
        If the text is empty or white space only.
    """
    return records_frame(quote_records(article_or_text, gazetteer), QUOTE_DTYPES)
