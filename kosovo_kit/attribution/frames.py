"""The attribution frames: one function per ``rule`` value, tried in a fixed order.

:func:`attribute_cue` tries the cue frames on one cue, in the order below; the first that
fits makes the attribution. :func:`quote_dash_speaker` and :func:`speaker_colon` have no
cue word and look at the whole paragraph (both in :mod:`.line_frames`). :data:`RULES` maps
each ``rule`` value to the function that makes it.

Two frame shapes make two rule values each, named for whether the content is a quotation:
content before the cue and speaker (:func:`quote_cue_speaker`: ``quote-cue-speaker`` or
``clause-cue-speaker``) and content after them (:func:`speaker_cue_quote`:
``speaker-cue-quote`` or ``cue-that-clause``). The speaker may stand after the cue ("said
Peskov", :func:`cue_then_speaker`) or before it ("Peskov said", :func:`speaker_then_cue`).
"""

from __future__ import annotations

from collections.abc import Callable

from .backward import (
    backward_allowed,
    backward_content,
    continuation,
    end_at_comma,
    has_complement,
    only_subordinate,
)
from .clause_frames import (
    QUESTION_OPENERS,
    according_to,
    coordinated_cue,
    opening_cue,
    opening_participle,
    participle_cue,
    question_cue,
)
from .content import (
    coordinated_cue_at,
    forward_content,
    frame_tail,
    skip_adverbials,
)
from .cues import Cue
from .line_frames import (
    clause_colon,
    in_poll,
    quote_dash_speaker,
    quote_verb_speaker,
    speaker_colon,
)
from .marks import CLOSERS, QUOTE_MARKS
from .paragraph import Attribution, Paragraph, Span, is_adverb
from .speakers import (
    APPOSITIVE_TOKENS,
    Speakers,
    in_title,
    is_cap,
    left_phrase,
    modal_name,
    right_phrase,
)
from .subjects import coordinated_subject, plausible_subject, subject
from .unnamed_frames import expected_to, seem_clause
from .words import (
    ASPECT_VERBS,
    BE_FORMS,
    CLAUSE_END,
    CONTENT_MARKERS,
    DETERMINERS,
    FRAME_OPENERS,
    FRONTED_SUBORDINATORS,
    GERUND_LINKS,
    LEAD_INS,
    MESSAGE_NOUNS,
    NEGATED_STEMS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SEQUENCE_ADVERBS,
    SETTING_PREPOSITIONS,
    SKIP_BEFORE_CUE,
    SUBORDINATE_OPENERS,
    SUBORDINATORS,
    TIME_UNITS,
    TIME_WORDS,
)

# A quotation that ends its own sentence (“Why not?”) still belongs to a frame that
# follows within this many tokens of the next sentence's start (“Why not?” she asked.)
QUESTION_FRAME_TOKENS = 14
# The longest inverted speaker phrase that may start in lower case, in tokens: "said
# lobbyist and GOP strategist Charlie Black"; longer ones are clauses
LOWER_SPEAKER_TOKENS = 8
# The last words of the lead-ins: only after one of them is a lead-in looked for
LEAD_IN_ENDS = frozenset(phrase[-1] for phrase in LEAD_INS)
# Words that open or fill a time phrase before a cue ("last week", "on Friday", "early
# Monday")
TIME_PHRASE_WORDS = frozenset({"last", "this", "on", "early", "late", "earlier", "next", "the"})
# The most words a scene-setting phrase between a frame and its colon has ("to rowdy
# applause")
CIRCUMSTANCE_WORDS = 6
# Words before a name that open an absolute phrase with a gerund cue ("with Gorka noting")
ABSOLUTE_LINKS = frozenset({"with", "and", "–", "—", "―", "--"})
ABSOLUTE_NAME_TOKENS = 4
# How far before a relative "that" the message noun it follows may stand: "a letter from
# his doctor Friday afternoon that says"
ISSUER_TOKENS = 6
# Cues whose object is always the hearer: the name after them is never an inverted speaker
# ("“…,” Ana Kova, the mayor, told Radio Split": Kova speaks, the station listens)
HEARER_CUES = frozenset({"tell", "remind", "assure"})
# The longest setting phrase between "and"/"but" and a second verb, in tokens
LINKED_SETTING_TOKENS = 6
# Participles that name a thing right after its noun ("a play called “…”")
NAMING_PARTICIPLES = frozenset({"called", "named", "dubbed", "nicknamed"})
# How far an affiliation may follow an inverted speaker: "said X of the University of …"
AFFILIATION_TOKENS = 12
# Determiners that open an appositive after a name ("Ana Kova, a council member, said"),
# besides any lower-case word ("Ana Kova, chair of …"), and the longest name before it,
# in tokens ("Alabama Sen. Jeff Sessions")
APPOSITIVE_OPENERS = frozenset(("a", "an", "the"))
APPOSITIVE_NAME_TOKENS = 6

_SENTENCE_ENDS = ("?", "!", ".", "…")
# Words right before "asked" that make it an unnamed question ("When asked …")
ASKED_OPENERS = frozenset({"when", "if", "after", "before"})
# Subjects that make "found" report a finding with no "that" or colon ("a poll found 45
# percent …"), where a person's "found" more often has a plain object ("found the keys")
POLL_NOUNS = frozenset(
    {
        "poll",
        "polls",
        "survey",
        "surveys",
        "study",
        "studies",
        "analysis",
        "report",
        "research",
        "review",
        "investigation",
        "audit",
    }
)


def frame_sentence(p: Paragraph, cue: Cue) -> tuple[int, int]:
    """Token range ``[start, end)`` of the sentence a cue's frame reads.

    “Why not?” she asked. — the splitter ends a sentence after “?”; the frame belongs
    with the quotation before it, so the range starts at that quotation's sentence. A
    quotation inside it may close there too (“He asked, ‘Why not?’” she said.).
    """
    sent_start, sent_end = p.sentence_bounds(cue.first)
    if (
        sent_start > 0
        and cue.first - sent_start <= QUESTION_FRAME_TOKENS
        and (p.kinds[sent_start - 1] == "quote")
        and p.text[p.starts[sent_start - 1]] in CLOSERS
    ):
        k = sent_start - 2
        while k > 0 and p.kinds[k] == "quote" and p.text[p.starts[k]] in CLOSERS:
            k -= 1
        if k >= 0 and p.words[k] in _SENTENCE_ENDS:
            sent_start = p.sentence_bounds(sent_start - 1)[0]
    return sent_start, sent_end


def attribute_cue(
    p: Paragraph, cue: Cue, found: list[Attribution], speakers: Speakers
) -> Attribution | None:
    """The attribution a cue makes, from the first frame that fits it, or None."""
    sent_start, sent_end = frame_sentence(p, cue)
    if cue.lemma == "according to":
        return according_to(p, cue, sent_start, sent_end, speakers)
    if cue.lemma in ("seem", "appear"):
        return seem_clause(p, cue, sent_start, sent_end)
    prev_i = cue.first - 1
    prev_w = p.words[prev_i] if prev_i >= sent_start else ""
    gerund = cue.verb.endswith("ing")
    # a verb with a particle after a comma ("…,” he said, referring to …", "speaking
    # of …") names the topic of the quotation before it, not a further statement
    comma_in_quote = (  # the comma sits inside a quotation: needled the “reporter,” saying
        prev_w in CLOSERS
        and p.before_mark(prev_i) >= sent_start
        and p.words[p.before_mark(prev_i)] == ","
    )
    if (gerund and (cue.form == cue.verb or prev_w == "," or comma_in_quote)) and (
        prev_w in (",", "and")
        or comma_in_quote
        or prev_w.lower() in GERUND_LINKS
        or prev_w.lower() in MESSAGE_NOUNS
    ):
        return participle_cue(p, cue, found, sent_start, sent_end, speakers)
    if not gerund and (
        prev_w in ("and", "but")
        or (
            prev_w.lower() in SEQUENCE_ADVERBS
            and prev_i > sent_start
            and p.lows[prev_i - 1] in ("and", "but")
        )
        or _after_linked_setting(p, prev_i, sent_start)
    ):
        return coordinated_cue(p, cue, found, sent_start, sent_end, speakers)
    if cue.form == "expected":
        attr = expected_to(p, cue, sent_start, sent_end)
        if attr is not None:
            return attr
    if gerund and prev_i < sent_start and cue.form == cue.verb:
        return opening_participle(p, cue, sent_start, sent_end, speakers)
    if cue.form == "asked" and (
        prev_w.lower() in ASKED_OPENERS
        or prev_i < sent_start
        or (
            prev_w.lower() in BE_FORMS
            and (_next_low(p, cue) in CONTENT_MARKERS or _next_low(p, cue) in QUESTION_OPENERS)
        )
    ):
        # "When asked whether …", "Asked if …", "he was asked whether …" (not "he was
        # asked, “…”": the quoted question is the asker's)
        return question_cue(p, cue, sent_start, sent_end, speakers)
    if prev_i < sent_start and not gerund and cue.kind == "speech" and is_cap(p.words[cue.first]):
        attr = opening_cue(p, cue, sent_start, sent_end, speakers)
        if attr is not None:
            return attr
    if (prev_w in FRAME_OPENERS or prev_i < sent_start) and not _after_relative_clause(
        p, prev_i, sent_start
    ):
        attr = cue_then_speaker(p, cue, sent_start, sent_end, speakers)
        if attr is not None or prev_w not in (",", "--", "—", "–"):
            return attr
    return speaker_then_cue(p, cue, sent_start, sent_end, speakers)


def _after_linked_setting(p: Paragraph, j: int, sent_start: int) -> bool:
    """Tokens up to ``j`` are "and" or "but" and a short setting phrase ("… but in a later
    interview said …", "and in a statement credited …"): the cue is the subject's
    second verb, and the phrase's noun is no speaker."""
    k = j
    while k > sent_start and j - k < LINKED_SETTING_TOKENS and p.kinds[k] == "word":
        if p.lows[k] in SETTING_PREPOSITIONS:
            # a determiner opens the setting's noun phrase ("in a statement"), not a
            # bare plural ("Trump's support nationwide and in key states means …")
            return p.lows[k - 1] in ("and", "but") and p.lows[k + 1] in DETERMINERS
        if is_cap(p.words[k]):
            return False
        k -= 1
    return False


def _next_low(p: Paragraph, cue: Cue) -> str:
    """The lower-case word right after the cue, or ""."""
    k = cue.last + 1
    return p.lows[k] if k < len(p.lows) else ""


def _after_relative_clause(p: Paragraph, comma: int, sent_start: int) -> bool:
    """Token ``comma`` closes a relative clause ("Clinton, who served as secretary of
    state, conceded …"): the cue's subject stands before it, not after the cue."""
    if p.words[comma] != ",":
        return False
    k = comma - 1
    while (
        k > sent_start
        and comma - k < APPOSITIVE_TOKENS
        and (p.kinds[k] != "quote" or in_title(p, k))
    ):
        if in_title(p, k):
            k -= 1  # "Hemsley, the co-author of “Going Viral,” …, said"
            continue
        if p.words[k] == ",":
            if p.lows[k + 1] in RELATIVE_PRONOUNS:
                return True
            # "Ana Kova, a council member, said …", "Ana Kova, chair of the council, said …":
            # an appositive after a short name that opens the sentence; the subject stands
            # before the cue
            return (
                (p.lows[k + 1] in APPOSITIVE_OPENERS or not is_cap(p.words[k + 1]))
                and k - sent_start <= APPOSITIVE_NAME_TOKENS
                and is_cap(p.words[sent_start])
                and "," not in p.words[sent_start:k]
                and "quote" not in p.kinds[sent_start:k]
            )
        k -= 1
    return False


def cue_then_speaker(
    p: Paragraph, cue: Cue, sent_start: int, sent_end: int, speakers: Speakers
) -> Attribution | None:
    """“…,” said Peskov. — the speaker follows the cue and ends the clause.

    Makes ``quote-cue-speaker`` or ``clause-cue-speaker`` (see :func:`quote_cue_speaker`).
    """
    if cue.verb.endswith("ing") or cue.kind == "belief" or cue.lemma in HEARER_CUES:
        return None
    if (cue.entry.takes_object or cue.entry.labels) and "quote" not in p.kinds[
        max(0, cue.first - 2) : cue.first
    ]:
        # "Grayson, an Orlando Democrat, criticized his opponents": a stance verb is not
        # inverted after an unquoted clause; its subject is before it
        return None
    nxt = cue.last + 1
    if nxt < sent_end and p.lows[nxt] == "by":
        return None  # "reported by the government": a passive participle
    span = right_phrase(p, nxt, sent_end, allow_lower=False)
    described = False  # a relative clause describes the speaker: "said one source who …"
    if span is None:
        # "…, said lobbyist and GOP strategist Charlie Black.": a role before the name
        span = right_phrase(p, nxt, sent_end, allow_lower=True)
        if span is None:
            return None
        span = _role_of_phrase(p, span, sent_end)
        described = span[1] + 1 < sent_end and p.lows[span[1] + 1] in ("who", "whose")
        if not described and (
            span[1] - span[0] > LOWER_SPEAKER_TOKENS
            or not any(is_cap(w) for w in p.words[span[0] : span[1] + 1])
        ):
            return None
    elif span[1] + 1 < sent_end and p.lows[span[1] + 1] in ("who", "whose"):
        described = True
    if described:
        after = sent_end  # the relative clause runs to the end: nothing resumes
    else:
        # an affiliation may follow the name: "said Stephen Vladeck of the University of …"
        after = skip_adverbials(p, span[1] + 1, sent_end, limit=AFFILIATION_TOKENS)
        if after < sent_end and p.words[after] not in CLAUSE_END:
            return None  # "…, said he would order …": the cue starts a clause
    pieces = backward_content(p, sent_start, cue.first - 1)
    if not pieces or not backward_allowed(p, cue, pieces, inverted=True):
        return None
    if described and not (p.is_quote_piece(pieces[0]) or p.text[pieces[-1][1] - 1] in CLOSERS):
        # an unquoted clause before "said a diplomat who …" is the writer's; one that
        # ends on a quotation (Petraeus "was handled so lightly," said an official who …)
        # is what was said
        return None
    return quote_cue_speaker(p, cue, pieces, after, span, sent_end, speakers)


def _role_of_phrase(p: Paragraph, span: Span, sent_end: int) -> Span:
    """A lower-case role with an "of" phrase before the name ("said master of ceremonies
    Ana Petrova") runs on to the name; an "of" after a name is an affiliation instead."""
    of = span[1] + 1
    if of >= sent_end or p.lows[of] != "of" or any(is_cap(w) for w in p.words[span[0] : of]):
        return span
    rest = right_phrase(p, of + 1, sent_end, allow_lower=True)
    if rest is None or not is_cap(p.words[rest[1]]) or is_cap(p.words[of + 1]):
        return span
    return span[0], rest[1]


def speaker_then_cue(
    p: Paragraph, cue: Cue, sent_start: int, sent_end: int, speakers: Speakers
) -> Attribution | None:
    """Peskov said … / “…,” Peskov said. — the speaker stands before the cue.

    The content is before the frame (:func:`quote_cue_speaker`) when the frame ends its
    clause, else after the cue (:func:`speaker_cue_quote`).
    """
    lows = p.lows
    j = cue.first - 1
    # over a lead-in ("X went on to say")
    if lows[j] in LEAD_IN_ENDS:
        for phrase in LEAD_INS:
            n = len(phrase)
            if j - n + 1 > sent_start and tuple(lows[j - n + 1 : j + 1]) == phrase:
                j -= n
                break
    skipped: list[str] = []
    while (
        j >= sent_start
        and not modal_name(p, j)
        and (
            lows[j] in SKIP_BEFORE_CUE
            or is_adverb(p.words[j])
            or (lows[j] in NEGATED_STEMS and lows[j + 1] in ("’t", "'t"))
        )
    ):
        skipped.append(lows[j])
        j -= 1
    j = _before_time_phrase(p, j, sent_start)
    if j < sent_start:
        return None
    gerund = cue.verb.endswith("ing")
    if gerund and lows[j] in ASPECT_VERBS and j > sent_start:
        # "he began talking about …": the aspect verb is the finite one
        gerund = False
        j -= 1
        while j >= sent_start and lows[j] in SKIP_BEFORE_CUE:
            skipped.append(lows[j])
            j -= 1
        if j < sent_start:
            return None
    progressive = any(w in BE_FORMS for w in skipped)
    if gerund and not progressive and not _absolute_subject(p, j, sent_start):
        return None  # "the thinking", "for saying": not a reporting verb here
    if cue.entry.adjective != progressive and not (progressive and gerund):
        # passive ("it was said that"): no speaker here; an adjective reports only after
        # "be" ("she is supportive of …", not "comments supportive of …")
        return None
    span = left_phrase(p, j, sent_start)
    if span is None or not plausible_subject(p, cue, span, skipped):
        return None
    span = coordinated_subject(p, span, sent_start)
    if not skipped and _names_a_thing(p, cue, span, sent_start):
        # "a group called the “We The People Foundation”": the participle names what the
        # noun is; nobody is said to speak
        forward, _unclosed = forward_content(p, cue, sent_end)
        if not forward:
            return None
        sid = p.sentence_ids[cue.first]
        return Attribution(forward, "cue-that-clause", cue, None, None, None, sid, p.paragraph_id)
    if span[0] == span[1] and p.lows[span[0]] == "that":
        # "Trump released a video that said …": who issued the message speaks
        head = _message_issuer(p, span[0], sent_start)
        if head is not None:
            span = head
    forward, unclosed = forward_content(p, cue, sent_end)
    attr = _content_before_speaker(p, cue, span, forward, sent_start, sent_end, speakers)
    if attr is not None:
        return attr
    return speaker_cue_quote(p, cue, span, forward, unclosed, sent_start, sent_end, speakers)


def _names_a_thing(p: Paragraph, cue: Cue, span: Span, sent_start: int) -> bool:
    """A naming participle right after a common noun in object position, before the name
    in quotation marks ("performing a play called “Sons of Trump”"), not a speaker's verb
    ("The group called “reckless” …" has its subject open the sentence)."""
    if cue.form not in NAMING_PARTICIPLES or not cue.entry.labels:
        return False
    k = cue.last + 1
    if k < len(p.lows) and p.lows[k] in ("the", "a", "an"):
        k += 1
    if k >= len(p.lows) or not p.opens(k):
        return False
    words = p.words[span[0] : span[1] + 1]
    if (
        any(is_cap(w) for w in words)
        or p.lows[span[1]] in RELATIVE_PRONOUNS
        or p.lows[span[1]] in PRONOUNS
    ):
        return False
    before = span[0] - 1
    return p.lows[span[0]] in ("a", "an") or (
        before >= sent_start and p.kinds[before] == "word" and not is_cap(p.words[before])
    )


def _before_time_phrase(p: Paragraph, j: int, sent_start: int) -> int:
    """Token before a time phrase that ends at ``j`` between a subject and its cue
    ("Feinstein (D-Calif.) last week said", "Trump on Friday described"), else ``j``."""
    lows = p.lows
    if j <= sent_start or lows[j] not in TIME_WORDS or lows[j] in SKIP_BEFORE_CUE:
        return j
    k = j - 1
    while k > sent_start and lows[k] in TIME_PHRASE_WORDS:
        k -= 1
    if k == j - 1 and lows[j] in TIME_UNITS:
        return j  # "the week said": a noun, not a time phrase
    return k if k >= sent_start and p.kinds[k] in ("word", "punct") else j


def _only_circumstance(p: Paragraph, forward: list[Span]) -> bool:
    """Words between a frame and the colon ending its paragraph that only set the scene
    ("to rowdy applause", "in a statement"): no quotation, no that-clause, a few words."""
    words = p.text[forward[0][0] : forward[-1][1]].split()
    return (
        len(words) <= CIRCUMSTANCE_WORDS
        and words[0].lower() not in CONTENT_MARKERS
        and QUOTE_MARKS.isdisjoint(p.text[forward[0][0] - 1 : forward[-1][1] + 1])
    )


def _absolute_subject(p: Paragraph, j: int, sent_start: int) -> bool:
    """Token ``j`` ends a name that a gerund cue follows in an absolute phrase: "…, with
    Gorka noting …", "– Ryan saying he was …", "and Trump calling it …"."""
    if p.kinds[j] != "word" or not is_cap(p.words[j]) or p.lows[j] in DETERMINERS:
        return False
    k = j - 1
    while k > sent_start and is_cap(p.words[k]) and j - k < ABSOLUTE_NAME_TOKENS:
        k -= 1
    return k > sent_start and p.lows[k] in ABSOLUTE_LINKS


def _message_issuer(p: Paragraph, that: int, sent_start: int) -> Span | None:
    """The subject of the sentence when "that" follows a message it issued ("released a
    letter from his doctor that says …"), else None."""
    k = that - 1
    while k > sent_start and p.lows[k] not in MESSAGE_NOUNS and that - k <= ISSUER_TOKENS:
        k -= 1
    if p.lows[k] not in MESSAGE_NOUNS:
        return None
    return subject(p, sent_start, k)


def _content_before_speaker(
    p: Paragraph,
    cue: Cue,
    span: Span,
    forward: list[Span],
    sent_start: int,
    sent_end: int,
    speakers: Speakers,
) -> Attribution | None:
    """“…,” Peskov said. / …, the government estimated. — when the frame ends the clause."""
    words = p.words
    before = span[0] - 1
    if cue.lemma == "put it" and before > sent_start and p.lows[before] == "as":
        before -= 1  # “…,” as one aide put it.: "as" opens the frame
    before_w = words[before] if before >= sent_start else ""
    tail = frame_tail(p, cue, sent_end)
    tail_w = words[tail] if tail < sent_end else ""
    if before_w not in FRAME_OPENERS or (
        tail_w == ":" and not _clause_before_colon(p, cue.last + 1, tail)
    ):
        return None
    quote_follows = tail_w == "," and tail + 1 < sent_end and p.opens(tail + 1)
    closes_quote = (
        before > sent_start
        and p.kinds[before] == "quote"
        and (p.text[p.starts[before]] in CLOSERS)
        and words[p.before_mark(before)] in (",", "?", "!", "…", "—")
    )
    frame_ends = (
        tail >= sent_end
        or tail_w in CLAUSE_END
        or quote_follows
        or coordinated_cue_at(p, tail, sent_end)
    )
    if not (frame_ends or closes_quote):
        return None
    back = backward_content(p, sent_start, before)
    back_is_quote = bool(back) and p.is_quote_piece(back[0])
    if not frame_ends and not back_is_quote:
        return None  # “Fox News Sunday,” X said his …: a title, not the content
    if back and not backward_allowed(p, cue, back):
        return None
    if (
        back
        and not back_is_quote
        and (tail_w in ("and", "but") or (quote_follows and forward))
        and only_subordinate(p, back)
    ):
        # "When told …, Bush thought … and said", "When asked why …, Tyler said, “…”":
        # the scene, not content
        return None
    # a main clause ending on a quotation before the frame is content even when a quotation
    # follows it: The plan means “A,” she says, “B.” (not "When asked about the “plan,”")
    mixed_lead = (
        closes_quote
        and bool(back)
        and p.text[back[0][0] : back[-1][1]].split(None, 1)[0].lower() not in SUBORDINATE_OPENERS
    )
    if back and (back_is_quote or mixed_lead or not (forward and p.all_quoted(forward))):
        return quote_cue_speaker(p, cue, back, tail, span, sent_end, speakers)
    return None


def _clause_before_colon(p: Paragraph, k: int, colon: int) -> bool:
    """A clause of its own ends at the colon after the frame ("Trump said before adding:",
    "Cruz said as the heckler yelled:"): the colon announces that clause's content, not
    more of the frame's."""
    return any(p.lows[m] in SUBORDINATORS for m in range(k, colon)) and any(
        p.lows[m] in p.single_cues for m in range(k, colon)
    )


def quote_cue_speaker(
    p: Paragraph,
    cue: Cue,
    pieces: list[Span],
    tail: int,
    span: Span,
    sent_end: int,
    speakers: Speakers,
) -> Attribution:
    """``quote-cue-speaker``: “…,” said Peskov. / “…,” he stressed.

    Also ``clause-cue-speaker`` (… is a “very bad signal”, the government estimated.):
    the same frame after content that is not one quotation. ``pieces`` is the content
    before the frame; what resumes after a mid-sentence frame (“A,” he said, “B.”) joins it.
    """
    quoted = p.is_quote_piece(pieces[0])
    inverted = span[0] > cue.last
    # after an inverted speaker ("…, said Dante Scala, a political scientist …") an
    # unquoted clause does not resume: what follows the comma describes the speaker
    if quoted or not inverted or (tail + 1 < sent_end and p.opens(tail + 1)):
        pieces = pieces + continuation(p, tail, sent_end, quoted)
    rule = "quote-cue-speaker" if quoted else "clause-cue-speaker"
    return speakers.attribution(p, pieces, rule, cue, span, p.sentence_ids[cue.first])


def speaker_cue_quote(
    p: Paragraph,
    cue: Cue,
    span: Span,
    forward: list[Span],
    unclosed: bool,
    sent_start: int,
    sent_end: int,
    speakers: Speakers,
) -> Attribution | None:
    """``speaker-cue-quote``: Peskov said: “…”

    Also ``cue-that-clause`` (Vucevic announced that …; mixed when it holds quoted words):
    the same frame before content that is not all quotation ("found" after a poll needs no
    "that": "a survey found 61 percent …"). "Caddell continued:" ending
    a paragraph makes an attribution without content, which the next paragraph's
    quotation fills.
    """
    sid = p.sentence_ids[cue.first]
    if (
        p.words[sent_end - 1] == ":"
        and sent_end == len(p.starts)
        and (
            (not forward and sent_end - 1 == frame_tail(p, cue, sent_end))
            or (forward and _only_circumstance(p, forward))
        )
    ):
        # "He told his audience, to rowdy applause:" ends the paragraph: the next one's
        # quotation is the content
        return speakers.attribution(p, [], "speaker-cue-quote", cue, span, sid)
    if not forward or not (
        has_complement(p, cue, forward) or (cue.lemma == "find" and p.lows[span[1]] in POLL_NOUNS)
    ):
        return None
    if (
        p.lows[span[0]] in ("who", "which")
        and span[0] - 1 >= sent_start
        and (p.words[span[0] - 1] == ",")
    ):
        forward = end_at_comma(p, forward, sent_end)  # "X, who said …, issued …"
    elif _in_fronted_clause(p, span, sent_start):
        forward = end_at_comma(p, forward, sent_end)  # "While X says …, Y …": Y's clause
    rule = "speaker-cue-quote" if p.all_quoted(forward) else "cue-that-clause"
    attr = speakers.attribution(p, forward, rule, cue, span, sid)
    attr.unclosed = unclosed
    return attr


def _in_fronted_clause(p: Paragraph, span: Span, sent_start: int) -> bool:
    """The speaker stands in a subordinate clause opening the sentence ("While critics
    argue that …, the mayor …"), with nothing set off by a comma before it."""
    return (
        span[0] > sent_start
        and p.lows[sent_start] in FRONTED_SUBORDINATORS
        and "," not in p.words[sent_start : span[0]]
    )


RULES: dict[str, Callable[..., object]] = {
    "quote-cue-speaker": quote_cue_speaker,
    "clause-cue-speaker": quote_cue_speaker,
    "speaker-cue-quote": speaker_cue_quote,
    "cue-that-clause": speaker_cue_quote,
    "according-to": according_to,
    "question-cue": question_cue,
    "participle-cue": participle_cue,
    "coordinated-cue": coordinated_cue,
    "quote-dash-speaker": quote_dash_speaker,
    "speaker-colon": speaker_colon,
    "clause-colon": clause_colon,
    "quote-verb-speaker": quote_verb_speaker,
    "in-poll": in_poll,
    "expected-to": expected_to,
    "seem-clause": seem_clause,
}
