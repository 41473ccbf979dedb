"""Frames with no speaker: an expectation or an impression nobody is named for.

``expected-to`` (The vote is expected to pass.) and ``seem-clause`` (Carson appears to be
slipping.) report the subject and what follows the verb, with the speaker NA.
"""

from __future__ import annotations

from .cues import Cue
from .paragraph import Attribution, Paragraph, is_adverb
from .words import BE_FORMS, CLAUSE_END, CONCESSIVES, RELATIVE_PRONOUNS, TRAILERS

# Words between "is" and "expected to" that keep the expectation ("is widely expected")
EXPECTED_ADVERBS = frozenset({"not", "also", "still", "now", "generally", "n’t", "n't"})
# Words that open a clause before a subject ("While the topic is not expected to …")
SUBJECT_OPENERS = frozenset(
    {"while", "although", "though", "because", "as", "if", "when", "since", "and", "but"}
)
# Words before "seems" that are no subject of an impression ("what seems …", "as it seems")
SEEM_NOT_SUBJECTS = frozenset({"what", "as", "that", "which", "who", "there"})


def expected_to(p: Paragraph, cue: Cue, sent_start: int, sent_end: int) -> Attribution | None:
    """``expected-to``: The vote is expected to pass on Monday. / …, which is widely
    expected to draw a large audience.

    An expectation nobody is named for: the speaker is NA; the content is the subject
    and the infinitive, in two pieces ("The vote" … "to pass on Monday").
    """
    lows = p.lows
    k = cue.last + 1
    if k + 1 >= sent_end or lows[k] != "to" or p.kinds[k + 1] != "word":
        return None
    j = _before_adverbs(p, cue.first - 1, sent_start)
    if j - 1 < sent_start or lows[j] not in BE_FORMS or p.kinds[j - 1] == "punct":
        return None
    first = _subject_start(p, j - 1, sent_start)
    pieces = [(p.starts[first], p.ends[j - 1])]
    # a relative or subordinate clause ends at its first comma
    relative = p.lows[first] in RELATIVE_PRONOUNS or (
        first > sent_start and p.lows[first - 1] in SUBJECT_OPENERS
    )
    pieces.append((p.starts[k], _rest_end(p, k, sent_end, relative)))
    return Attribution(
        pieces, "expected-to", cue, None, None, None, p.sentence_ids[cue.first], p.paragraph_id
    )


def seem_clause(p: Paragraph, cue: Cue, sent_start: int, sent_end: int) -> Attribution | None:
    """``seem-clause``: Carson appears to be slipping. / His voice seemed weaker than
    before. / It seems that the talks failed.

    An impression nobody is named for: the speaker is NA; the content is the subject and
    what follows the verb, in two pieces, or only the clause after "it seems".
    """
    lows = p.lows
    k = cue.last + 1
    if k >= sent_end or p.kinds[k] != "word":
        return None
    if cue.lemma == "appear" and lows[k] not in ("to", "that"):
        return None  # "appeared on television", "appeared at the rally"
    j = _before_adverbs(p, cue.first - 1, sent_start)
    if j < sent_start or p.kinds[j] != "word" or lows[j] in SEEM_NOT_SUBJECTS:
        return None
    end = _rest_end(p, k, sent_end)
    if end <= p.starts[k]:
        return None
    pieces = [(p.starts[k], end)]
    if lows[j] != "it":
        pieces.insert(0, (p.starts[_subject_start(p, j, sent_start)], p.ends[j]))
    return Attribution(
        pieces, "seem-clause", cue, None, None, None, p.sentence_ids[cue.first], p.paragraph_id
    )


def _before_adverbs(p: Paragraph, j: int, sent_start: int) -> int:
    """Token index left of ``j`` past adverbs ("is widely expected", "also seems")."""
    while j >= sent_start and (p.lows[j] in EXPECTED_ADVERBS or is_adverb(p.words[j])):
        j -= 1
    return j


def _subject_start(p: Paragraph, j: int, sent_start: int) -> int:
    """First token of the subject ending at token ``j``: back to the sentence start, a
    clause break, a subordinator ("While the topic …") or a relative pronoun."""
    first = j
    while (
        first > sent_start
        and p.lows[first] not in RELATIVE_PRONOUNS
        and p.words[first - 1] not in CLAUSE_END
        and p.lows[first - 1] not in SUBJECT_OPENERS
        and not p.opens(first - 1)
    ):
        first -= 1
    return first


def _rest_end(p: Paragraph, k: int, sent_end: int, relative: bool = False) -> int:
    """End of the clause from token ``k``: the sentence end, a semicolon, a dash, a trailer
    or a reporting gerund that makes its own statement ("…, saying …", "by saying …"); in
    a relative clause ("which is expected to …, presents …") its first comma."""
    words, lows = p.words, p.lows
    end_tok = sent_end
    for m in range(k + 1, sent_end):
        nxt = lows[m + 1] if m + 1 < sent_end else ""
        if (
            words[m] in (";", "—", "–", "--")
            or (relative and words[m] == ",")
            or (
                words[m] == ","
                and (nxt in TRAILERS or nxt in CONCESSIVES or nxt in ("when", "while"))
            )
            or (
                words[m] in (",", "by")
                and nxt.endswith("ing")
                and (nxt in p.single_cues or nxt in p.double_cues)
            )
        ):
            end_tok = m
            break
    end = p.ends[end_tok - 1]
    while end > p.starts[k] and p.text[end - 1] in ".!?;,:—– " and not p.in_quote(end - 1):
        end -= 1
    return end
