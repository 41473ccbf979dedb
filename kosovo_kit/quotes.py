"""Who said what: reported statements, their speakers, cues and sides.

:func:`attribute_quotes` finds every reported statement in an article — direct
quotes, mixed (partly quoted) statements, indirect (reported) speech and
attributed beliefs — and says who made it, with which reporting words, for which
side, and by which rule. The rules are transparent patterns over the kit's
tokens; the knowledge they use (reporting verbs, titles, gazetteer, demonyms) is
in ``data/``.

Frames (the ``rule`` column):

``quote-cue-speaker``
    “…,” said Peskov. / “…,” he stressed.
``speaker-cue-quote``
    Peskov said: “…”
``cue-that-clause``
    Vucevic announced that … (indirect, or mixed when it holds quoted words)
``clause-cue-speaker``
    … is a “very bad signal”, the government estimated.
``according-to``
    According to X, … / …, according to X.
``question-cue``
    When asked whether …, (a reported question with no named asker: speaker NA; the
    content is the question, up to the comma that ends it)
``participle-cue``
    …, adding that Russia “follows …” / … by saying that … (the speaker of the main
    clause: the latest speaker in the sentence, else its subject, cut after its head)
``coordinated-cue``
    … estimated … and denounced the “nationalist rhetoric” (same speaker)
``quote-dash-speaker``
    “…” ― Jorge Falcon (a quotation signed with a dash, as in vox-pop lists)
``speaker-colon``
    Graham: “…” / Jane Smith, Reuters: “…” (a name and a colon open a sentence or follow a
    heading's dash, with no verb: the content is the quotation, else the rest of the
    paragraph, as in headlines and interview transcripts)
``quote-continuation``
    a paragraph that is one quotation, right after a paragraph that ended on a
    direct quotation and its speaker: the same speaker goes on

Otherwise a quoted sentence with no cue of its own that follows a statement in the
same paragraph, or a quotation left open at a paragraph's end and taken up by the next
paragraph, belongs to that statement: it becomes a further piece of it.

A ``+pronoun-carryover`` suffix says the speaker mention is a pronoun resolved to
the last suitable named speaker; ``+title-carryover`` the same for "the minister";
``+relative-pronoun`` says the mention is "who" or "which" and the speaker is the phrase
before it ("Ana Petrova, who said …").
Following the PolNeAR guidelines, content a single cue introduces in several
pieces (“A,” he said, “B.”) is one attribution: ``start``/``end`` cover all of it
and ``pieces`` lists the pieces.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import pandas as pd

from .frames import STR, records_frame
from .gazetteer import Entry, Gazetteer, load_gazetteer, paragraph_matches
from .gc_pause import gc_paused
from .patterns import trie_pattern
from .resources import data_path, read_word_list
from .text import Article, check_text

#: Column -> dtype of the who-said-what table.
QUOTE_DTYPES: dict[str, Any] = {
    "quote_id": "int64", "kind": STR, "text": STR, "start": "int64", "end": "int64",
    "pieces": object, "speaker": STR, "speaker_start": "Int64", "speaker_end": "Int64",
    "cue": STR, "cue_start": "Int64", "cue_end": "Int64", "actor": STR,
    "sentence_id": "int64", "paragraph_id": "int64", "rule": STR,
}
#: Columns of the who-said-what table, in order.
QUOTE_COLUMNS = list(QUOTE_DTYPES)
KINDS = ("direct", "mixed", "indirect", "belief")

# Three apostrophes after a word close a single quotation, then a double one
# (''the word 'old-school,''' said X): the single mark is read first.
_MARK_RE = re.compile(r"(?<=\S)'(?='')|''|``|[“”„‟«»‹›‘’‚\"']")
# A mark that can open a quotation (an apostrophe inside or after a word cannot)
_ANY_MARK = re.compile(r"[“”„‟«»‹›‘‚\"`]|''|(?<![\w’'])'")
_ALWAYS_OPENS = frozenset(["“", "„", "‟", "«", "‹", "‚", "``"])
_CLOSERS_FOR = {
    "“": frozenset(["”", '"', "''"]), "„": frozenset(["“", "”", '"']),
    "‟": frozenset(["”"]), "«": frozenset(["»"]), "‹": frozenset(["›"]),
    "‚": frozenset(["‘", "’"]), "``": frozenset(["''", "”", '"']),
    '"': frozenset(['"', "”", "''"]), "''": frozenset(["''", '"', "”"]),
    "'": frozenset(["'"]), "‘": frozenset(["’", "'"]),
}


class _Q(NamedTuple):
    """A quotation: where its opening mark starts, its inner text, its closing mark's end."""

    open: int
    inner_start: int
    inner_end: int
    close: int | None  # None: still open at the paragraph's end
_QUOTE_MARKS = frozenset("“”„‟«»‹›‘’‚'\"`")
_CLOSERS = frozenset("”»›’\"'")
_OPENERS = frozenset("“„‟«‹‘‚\"'")

_PRONOUNS = {
    "he": "person", "she": "person", "it": "org", "they": "group",
    "we": "self", "i": "self",
}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                "their", "our", "another", "some", "several", "many", "two", "three", "one"}
# Words that may stand between a speaker and the reporting verb.
_SKIP_BEFORE_CUE = {
    "also", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could",
    "should", "may", "might", "can", "did", "does", "do", "been", "being", "be", "later",
    "then", "again", "recently", "previously", "repeatedly", "once", "further", "earlier",
    "first", "just", "already", "still", "even", "never", "not", "n’t", "n't", "often",
    "now", "’s", "'s", "’ve", "'ve", "’d", "'d", "’ll", "'ll", "only", "too",
    "reportedly", "allegedly", "publicly", "privately", "openly", "flatly", "firmly",
    "strongly", "clearly", "explicitly", "specifically", "separately", "subsequently",
    "finally", "initially", "originally", "immediately", "quickly", "simply", "always",
    "frequently", "twice", "long", "himself", "herself", "itself",
    "themselves", "all", "both", "each",
}
_BE_FORMS = {"was", "were", "is", "are", "been", "being", "be", "’s", "'s"}
# Words that end a speaker phrase when scanning left from the cue.
_STOP_LEFT = {
    "that", "which", "who", "whom", "whose", "when", "while", "because", "although",
    "though", "if", "but", "and", "or", "so", "as", "where", "after", "before",
    "since", "until", "unless", "whether", "what", "why", "how", "nor", "yet", "not",
    "to", "by", "about", "into", "over", "under", "against", "between", "through",
    "during", "without", "within", "upon", "like", "said", "says", "say", "told",
    "there", "here", "also", "be", "been", "being", "has", "have", "had", "is", "was",
    "were", "are", "will", "would", "could", "should", "can", "may", "might", "must",
    "do", "does", "did", "him", "them", "us", "me",
}
_NP_PREPOSITIONS = {"of", "for", "from", "at", "in", "with", "on"}
# Words after a cue that start reported content.
_CONTENT_MARKERS = {"that", "how", "what", "why", "whether", "if", "when", "where", "who"}
_ADVERBIAL_START = {
    "on", "in", "at", "during", "after", "before", "late", "early", "last", "this",
    "yesterday", "today", "tonight", "earlier", "later", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "recently", "again", "also", "repeatedly",
    "once", "publicly", "privately", "separately", "previously", "then", "further",
    "emphatically", "firmly", "clearly", "bluntly", "flatly", "openly", "now",
}
# Prepositions that open an adverbial after a cue ("said on Monday", "in a statement").
_ADVERBIAL_PREPOSITIONS = {
    "on", "in", "at", "during", "after", "before", "while", "from", "via", "through",
    "over", "outside", "inside", "near", "upon", "since", "until", "following", "amid",
    "when", "as", "to", "with", "without", "under", "for", "by", "of", "about",
    "regarding", "referring", "according",
}
_LEADING_PREPOSITIONS = frozenset(_NP_PREPOSITIONS | _ADVERBIAL_PREPOSITIONS)
# Words that open a subordinate clause or a scene-setting phrase ("When asked …",
# "Following the meeting …"): what they open is the frame's setting, not what was said.
_SUBORDINATE_OPENERS = {"when", "if", "as", "after", "before", "while", "although", "though",
                        "because", "since", "until", "unless", "once", "whether", "whenever",
                        "following", "during", "despite", "amid", "at", "in", "on"}
_SUBORDINATORS = {"as", "while", "when", "after", "before", "since", "until", "following"}
_TIME_WORDS = {
    "yesterday", "today", "tonight", "earlier", "later", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night",
    "week", "weekend", "month", "year", "last", "this", "next", "ago", "recently", "again",
    "also", "repeatedly", "once", "publicly", "privately", "separately", "previously",
    "then", "further", "now", "early", "late", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december",
    "days", "weeks", "months", "years", "hours", "minutes", "day",
    "hour", "moments", "shortly", "soon", "afterward", "afterwards", "immediately",
}
_TIME_UNITS = {"days", "weeks", "months", "years", "hours", "minutes", "day", "week", "month",
               "year", "hour", "moments"}
# Tokens after which a speaker-cue frame can follow the content it reports.
_FRAME_OPENERS = {",", "”", "\"", "’", "'", "»", "›", "—", "–", "―", "--"}
_CLAUSE_END = {",", ".", ";", "!", "?", "—", "–", "―", "--", ")", ":"}
# A dateline opening a story: "MOSCOW (AFP) –", "Belgrade, Dec 28 (Reuters) -"
_DATELINE = re.compile(
    r"[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}(?:,?\s+\w{3,9}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,30}\))?\s*(?:[–—―]|--?)\s+"
)
# A whole reported answer in one word: "46 percent said yes", "he said so"
_ONE_WORD_ANSWERS = {"yes", "no", "so", "that", "nothing"}
# Words that end a noun-phrase object of a stance verb
_OBJECT_END = {"in", "on", "at", "during", "after", "before", "while", "when", "since", "last",
               "this", "but", "because", "until", "amid", "despite", "earlier",
               "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday"}
# Words opening a trailing clause that is the writer's, not part of the reported content.
_TRAILERS = {"which", "compared", "while", "whereas", "although", "though", "despite",
             "even", "prompting", "drawing", "sparking"}
# Speech verbs whose content can be a to-infinitive ("vowed to fight", "declined to comment").
_TO_VERBS = {"promise", "vow", "pledge", "threaten", "refuse", "decline", "urge", "ask", "agree",
             "offer", "call on", "demand", "propose"}
# Cues whose first complement is an addressee: "told reporters that …".
_ADDRESSEE_CUES = {"tell", "assure", "warn", "urge", "advise", "remind", "inform", "ask",
                   "promise", "caution"}
_ORG_WORDS = {
    "ministry", "office", "department", "agency", "commission", "committee", "party",
    "council", "government", "news", "times", "post", "press", "institute", "university",
    "bank", "company", "corp", "inc", "group", "association", "union", "court", "police",
    "army", "campaign", "administration", "kremlin", "parliament", "assembly", "senate",
    "house", "service", "foundation", "network", "journal", "magazine", "television",
    "radio", "organization", "organisation", "force", "forces", "alliance",
    "embassy", "mission", "cabinet", "presidency", "coalition", "nato", "eu", "un",
}


@dataclass(frozen=True)
class CueEntry:
    """A reporting verb from ``data/cues.csv``."""

    lemma: str
    kind: str  # speech | belief
    needs_complement: bool
    noun_like: bool
    takes_object: bool = False


@dataclass
class _Cue:
    start: int
    end: int
    entry: CueEntry
    form: str
    t0: int  # first token index (paragraph-local)
    t1: int  # last token index

    @property
    def lemma(self) -> str:
        return self.entry.lemma

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass
class _Attribution:
    pieces: list[tuple[int, int]]
    rule: str
    cue: _Cue | None
    mention: tuple[int, int] | None
    speaker: str | None
    actor: str | None
    sentence_id: int
    paragraph_id: int
    unclosed: bool = False


class _MentionFacts(NamedTuple):
    """What a speaker mention's words say on their own (see ``_ArticleParser._resolve``)."""

    pronoun: str  # what a lone pronoun refers to ("person", "org", "group", "self"), or ""
    title: str  # the title word of a title-only mention ("the spokesman"), or ""
    entry: Entry | None  # the gazetteer entry the words name
    name_like: bool  # capitalised words and titles only: may be a surname used before
    name: str | None  # the name read off the words
    actor: str | None  # the actor the words name


_ACCORDING = CueEntry("according to", "speech", False, False)
_DASH = CueEntry("dash", "speech", False, False)
_COLON = CueEntry("colon", "speech", False, False)
# A speaker line: one to five capitalised words and a colon, no verb ("Graham: …",
# "Jane Smith, Reuters: “…”"); _speaker_lines checks where it stands.
_SPEAKER_LINE = re.compile(
    r"(?<![\w’'.-])[A-Z][\w.’'&-]*(?:,?[ \t]+[A-Z][\w.’'&-]*){0,4}[ \t]*:(?=[ \t])")
# Capitalised words before a colon that label a line rather than name a speaker
_SPEAKER_LINE_LABELS = frozenset({
    "note", "update", "updated", "editor", "editor’s", "editor's", "related", "source",
    "sources", "photo", "video", "watch", "read", "see", "more", "also", "correction",
    "disclosure", "advertisement", "subscribe", "follow", "click", "listen", "full",
    "transcript", "here", "here’s", "here's", "this", "the", "a", "an", "in", "on", "why",
    "what", "how", "who", "when", "where", "it", "but", "and", "so", "q", "question",
    "answer", "breaking", "revealed", "bombshell", "exclusive", "leaked", "paid", "just",
})
# The fewest words a speaker line's content has (shorter: a label or a list item)
_MIN_LINE_WORDS = 3
_DASHES = frozenset({"-", "–", "—", "―", "--"})
# Verbs that lead in to a cue and leave its subject the speaker: "X went on to say"
_LEAD_INS = (("went", "on", "to"), ("goes", "on", "to"), ("go", "on", "to"),
             ("going", "on", "to"), ("continued", "to"), ("continues", "to"))
# Words that link a gerund cue to the clause before it: "… by saying", "… before noting"
_GERUND_LINKS = frozenset({"by", "before", "after", "while", "when", "without"})
# How many appositives may stand between a speaker and the cue, and how long each may be
_APPOSITIVES = 3
_APPOSITIVE_TOKENS = 24
# “…” ― Jorge Falcon   (a signed quotation, as in vox-pop lists)
_DASH_SIGNATURE = re.compile(
    r"[ \t]*(?P<dash>[―—–]|--)[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})"
    r"[ \t]*(?:[.,]?[ \t]*(?:\r?\n|$))"
)


@cache
def _cue_lexicon() -> tuple[dict[str, CueEntry], dict[str, dict[str, CueEntry]]]:
    """Return single-word cue forms and two-word cue forms (first word → second word)."""
    single: dict[str, CueEntry] = {}
    double: dict[str, dict[str, CueEntry]] = {}
    path = data_path("cues.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    for lineno, row in enumerate(csv.DictReader(body), start=2):
        try:
            entry = CueEntry(row["lemma"], row["kind"], row.get("needs") == "complement",
                             row.get("noun") == "yes", row.get("object") == "yes")
            forms = row["forms"].split()
        except (KeyError, AttributeError):
            raise ValueError(f"{path}: row {lineno}: needs lemma, kind, forms") from None
        if entry.kind not in ("speech", "belief"):
            raise ValueError(f"{path}: row {lineno}: kind must be speech or belief")
        for form in forms:
            if "_" in form:
                first, second = form.split("_", 1)
                double.setdefault(first, {})[second] = entry
            else:
                single[form] = entry
    return single, double


@cache
def _cue_regex() -> re.Pattern[str]:
    """One pattern for every cue form: far faster than looking at each token."""
    single, double = _cue_lexicon()
    forms = [*single, *(f"{a} {b}" for a, sub in double.items() for b in sub),
             "according to", "According to"]
    return re.compile(r"(?<![\w’'-])(?:" + trie_pattern(forms) + r")(?![\w-])")


@cache
def _titles() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_word_list("titles.txt"))


@cache
def _title_stems() -> frozenset[str]:
    """Titles without a final period: "gen" for "gen.", to match "Gen" and "Gen."."""
    return frozenset(t.rstrip(".") for t in _titles())


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


class _ArticleParser:
    """Runs the attribution frames over one article, paragraph by paragraph."""

    def __init__(self, article: Article, gazetteer: Gazetteer) -> None:
        self.article = article
        self.text = article.text
        self.gaz = gazetteer
        self.single_cues, self.double_cues = _cue_lexicon()
        self.titles = _titles()
        self.results: list[_Attribution] = []
        # speaker history for pronoun resolution: (canonical, type, actor, mention words)
        self.history: list[tuple[str, str, str | None, tuple[str, ...], int]] = []
        self.people: list[tuple[int, str, str | None]] | None = None
        self.local_aliases: dict[str, tuple[str, str, str | None]] = {}
        self.sentences = article.sentence_spans
        self.cue_matches: list[re.Match[str]] = []
        self.mention_facts: dict[tuple[str, ...], _MentionFacts] = {}
        self.speaker_facts: dict[tuple[str, str], tuple[tuple[str, ...], str, str]] = {}

    # ------------------------------------------------------------------ driver
    def run(self) -> list[_Attribution]:
        text = self.text
        cue_re = _cue_regex()
        pending: _Attribution | None = None
        prev_para_attr: _Attribution | None = None
        for para in self.article.paragraph_spans:
            if para.kind != "body":
                pending = None
                continue
            # a paragraph with neither a reporting verb nor a quotation mark holds no
            # statement: it need not even be tokenised
            first = cue_re.search(text, para.start, para.end)
            # the rest are found from the first one on, as finditer() would
            self.cue_matches = [first, *cue_re.finditer(text, first.end(), para.end)] if (
                first) else []
            if first is None and not _ANY_MARK.search(text, para.start, para.end) and (
                    text.find(":", para.start, para.end) < 0
                    or not _SPEAKER_LINE.search(text, para.start, para.end)):
                pending = prev_para_attr = None
                continue
            columns = self.article.paragraph_token_columns(para.paragraph_id)
            if not columns.start:
                continue
            # the paragraph's tokens, by index: the frames read them many times (shared
            # with the article's cache, so never changed here)
            self.starts, self.ends, self.kinds, self.words, self.sids = columns[:5]
            self.sent_ranges = columns.sentence_ranges
            self.lows = list(map(str.lower, self.words))
            self.para_id = para.paragraph_id
            pending, prev_para_attr = self._paragraph(para, pending, prev_para_attr)
        return self.results

    # ------------------------------------------------------------------ quotes
    def _find_quotes(self, ps: int, pe: int) -> list[_Q]:
        """Top-level quotations in ``text[ps:pe]``; nested ones stay inside their parent."""
        text = self.text
        quotes: list[_Q] = []
        open_at = inner = -1
        closers: frozenset[str] = frozenset()
        nested: frozenset[str] = frozenset()  # closers of a quotation inside the open one
        open_mark = ""
        for m in _MARK_RE.finditer(text, ps, pe):
            mark, i, j = m.group(), m.start(), m.end()
            prev = text[i - 1] if i > ps else " "
            nxt = text[j] if j < pe else " "
            if nested:
                if mark in nested and not (mark in ("’", "'") and nxt.isalnum()):
                    nested = frozenset()
                    continue
                if mark not in closers or prev.isspace() or mark in nested:
                    continue
                nested = frozenset()  # the inner one never closed: the outer one closes
            if open_at < 0:
                if mark in _ALWAYS_OPENS:
                    pass
                elif mark in ('"', "''"):
                    if prev.isalnum() or nxt.isspace():
                        continue
                elif mark in ("'", "‘"):
                    if prev.isalnum() or not (nxt.isalnum() or nxt in "“\""):
                        continue
                else:
                    continue  # a closing mark with nothing open: stray
                open_at, inner, closers, open_mark = i, j, _CLOSERS_FOR[mark], mark
                continue
            if mark in closers and i > inner:
                if mark in ("’", "'") and nxt.isalnum():
                    continue  # an apostrophe inside the quotation
                if mark in ('"', "''") and prev.isspace() and nxt.isalnum():
                    open_at, inner = i, j  # it opens: the previous one never closed
                    continue
                quotes.append(_Q(open_at, inner, i, j))
                open_at = -1
            elif mark in _ALWAYS_OPENS and mark not in ("‚", "‹") and closers.isdisjoint("’›"):
                if mark == open_mark:
                    open_at, inner = i, j  # the same mark again: the first never closed
                else:
                    nested = _CLOSERS_FOR[mark]  # “…” inside "…": a quotation within
        if open_at >= 0:
            quotes.append(_Q(open_at, inner, pe, None))
        return quotes

    # --------------------------------------------------------------- paragraph
    def _paragraph(self, para, pending, prev_para_attr):
        text = self.text
        ps, pe = para.start, para.end
        quotes = self._find_quotes(ps, pe)
        qspans = [(q.open, q.close if q.close is not None else pe) for q in quotes]

        # a quotation carried over from the previous paragraph continues here, or the
        # one a frame ending in a colon announced ("He said:")
        carry_q = None
        if pending is not None and quotes and quotes[0].open == self.starts[0]:
            carry_q = quotes[0]

        self._quotes = quotes
        self._q_opens = [q.open for q in quotes]

        def inside_quote(pos: int) -> bool:
            return self._in_any_quote(pos)

        cues = self._find_cues(inside_quote)
        found: list[_Attribution] = []
        used_quotes: set[int] = set()
        awaiting: _Attribution | None = None
        for cue in cues:
            attr = self._frame(cue, quotes, found)
            if attr is None:
                continue
            attr.pieces = [self._unwrapped(p) for p in attr.pieces]
            if not attr.pieces:
                awaiting = attr
                self._remember(attr)
                continue
            if any(self._overlaps(attr.pieces, a.pieces) and not self._nested(attr, a)
                   for a in found):
                continue
            found.append(attr)
            self._remember(attr)
        found.extend(self._dash_attributions(para, quotes, found))
        found.extend(self._speaker_lines(para, quotes, found))
        if carry_q is not None and not any(
                self._overlaps([(carry_q.inner_start, carry_q.inner_end)], a.pieces)
                for a in found):
            # no frame of its own: the quotation goes on from the previous paragraph
            if not pending.pieces:
                self.results.append(pending)
            pending.pieces.append((carry_q.inner_start, carry_q.inner_end))
            pending.unclosed = carry_q.close is None
            quotes = quotes[1:]
            qspans = qspans[1:]
            if pending.unclosed:
                self.results.extend(found)
                return pending, pending

        # quotes claimed by an attribution
        for qi, (o, e) in enumerate(qspans):
            for a in found:
                if any(s - 1 <= o and e <= t + 1 for s, t in a.pieces) or any(
                    o <= s < e for s, _ in a.pieces
                ):
                    used_quotes.add(qi)

        # unclaimed whole-sentence quotations continue the previous attribution
        sent_starts = {self.starts[a] for a, _ in self.sent_ranges.values()}
        for qi, q in enumerate(quotes):
            if qi in used_quotes:
                continue
            o, end = q.open, q.inner_end
            if o not in sent_starts or len(text[q.inner_start:end].split()) < 2:
                continue
            before = [a for a in found if a.pieces[-1][1] <= o]
            if before:
                target = max(before, key=lambda a: a.pieces[-1][1])
                target.pieces.append((q.inner_start, end))
                target.unclosed = q.close is None
            elif self._continues(prev_para_attr, q, para, cues):
                src = prev_para_attr
                attr = _Attribution([(q.inner_start, end)], "quote-continuation", None, None,
                                    src.speaker, src.actor, self._sentence_of(o),
                                    para.paragraph_id)
                found.append(attr)
            else:
                continue
            used_quotes.add(qi)

        found.sort(key=lambda a: a.pieces[0][0])
        self.results.extend(found)
        last = max(found, key=lambda a: a.pieces[-1][1]) if found else None
        carry = last if last is not None and last.unclosed else None
        if awaiting is not None and (last is None or last.pieces[-1][1] <= awaiting.cue.start):
            carry = awaiting
        return carry, (last if last is not None else awaiting)

    def _unwrapped(self, piece: tuple[int, int]) -> tuple[int, int]:
        """A piece that is exactly one quotation, marks and all, becomes the words inside
        them: quoted content reads the same whatever frame introduced it."""
        s, e = piece
        i = bisect_left(self._q_opens, s)
        if i < len(self._quotes):
            q = self._quotes[i]
            if q.open == s and q.close == e:
                return (q.inner_start, q.inner_end)
        return piece

    def _continues(self, prev: _Attribution | None, q: _Q, para, cues) -> bool:
        """A paragraph that is one quotation, right after a paragraph that ended on a
        direct quotation with its speaker, continues that speaker's words."""
        if prev is None or prev.speaker is None or cues or q.open != para.start:
            return False
        if q.close is None or q.close < para.end - 1:
            return False
        if prev.rule.split("+")[0] not in ("quote-cue-speaker", "speaker-cue-quote"):
            return False
        prev_para = self.article.paragraph_spans[prev.paragraph_id]
        if prev_para.paragraph_id != para.paragraph_id - 1:
            return False
        tail = self.text[max(prev.pieces[-1][1], prev.cue.end if prev.cue else 0):prev_para.end]
        if len(tail.split()) > 12:
            return False  # the previous paragraph went on after its statement
        words = self.text[q.inner_start:q.inner_end].split()
        capitalised = sum(w[:1].isupper() for w in words)
        return len(words) >= 4 and capitalised < 0.7 * len(words)

    def _dash_attributions(self, para, quotes, found) -> list[_Attribution]:
        """“…” ― Name: a quotation signed with a dash and a name after it."""
        out = []
        text = self.text
        for q in quotes:
            if q.close is None or any(self._overlaps([(q.inner_start, q.inner_end)], a.pieces)
                                      for a in found):
                continue
            m = _DASH_SIGNATURE.match(text, q.close, para.end)
            if not m:
                continue
            ns, ne = m.span("name")
            words = [w for w, s, e in zip(self.words, self.starts, self.ends)
                     if ns <= s and e <= ne]
            speaker, actor, _how = self._resolve(words)
            cue = _Cue(m.start("dash"), m.end("dash"), _DASH, m.group("dash"), -1, -1)
            out.append(_Attribution([(q.inner_start, q.inner_end)], "quote-dash-speaker", cue,
                                    (ns, ne), speaker, actor, self._sentence_of(q.open),
                                    para.paragraph_id))
        return out

    def _speaker_lines(self, para, quotes, found) -> list[_Attribution]:
        """Graham: “…” — a name and a colon, no verb, open a sentence: the name speaks.

        What follows the colon is the content: the quotation that opens there, else the
        rest of the paragraph (a headline, an interview answer)."""
        out: list[_Attribution] = []
        text = self.text
        if text.find(":", para.start, para.end) < 0:
            return out  # most paragraphs: no colon, no speaker line
        lines = list(_SPEAKER_LINE.finditer(text, para.start, para.end))
        if not lines:
            return out
        starts = self.starts
        sentence_starts = {a for a, _ in self.sent_ranges.values()}
        for i, m in enumerate(lines):
            t0 = bisect_left(starts, m.start())
            colon = bisect_left(starts, m.end() - 1)
            if t0 >= len(starts) or starts[t0] != m.start() or colon + 1 >= len(starts) or (
                    self.words[colon] != ":") or self._in_any_quote(m.start()):
                continue
            if t0 not in sentence_starts and not (t0 > 0 and self.words[t0 - 1] in _DASHES):
                continue
            words = self.words[t0:colon]
            if any(self._verb_cue(w) or w.lower() in _SPEAKER_LINE_LABELS for w in words) or (
                    all(w.isupper() for w in words if w.isalpha())):
                continue  # "Read more:", "UPDATE:", "WASHINGTON:": a label, not a speaker
            k = colon + 1
            q = next((q for q in quotes if q.open == starts[k]), None) if self._opens(k) else (
                None)
            sb = self._sentence_bounds(k)[1]
            if q is not None and (q.close is None or q.close >= self.ends[sb - 1] or not any(
                    c.isalnum() for c in text[q.close:self.ends[sb - 1]])):
                pieces, unclosed = [(q.inner_start, q.inner_end)], q.close is None
            else:
                # the rest of the paragraph, up to the next speaker line
                end = lines[i + 1].start() if i + 1 < len(lines) else para.end
                while end > starts[k] and text[end - 1] in ".!?;,:—– " and not (
                        self._in_any_quote(end - 1)):
                    end -= 1
                pieces, unclosed = [(starts[k], end)], False
            if len(text[pieces[0][0]:pieces[-1][1]].split()) < _MIN_LINE_WORDS or any(
                    a.pieces[0][0] <= pieces[0][0] < a.pieces[-1][1] for a in found):
                continue
            cue = _Cue(starts[colon], self.ends[colon], _COLON, ":", colon, colon)
            attr = self._make(pieces, "speaker-colon", cue, (t0, colon - 1), self.sids[t0],
                              para.paragraph_id)
            attr.unclosed = unclosed
            out.append(attr)
            self._remember(attr)
        return out

    def _nested(self, a: _Attribution, b: _Attribution) -> bool:
        """One statement reports the other's belief, cue and all ("X said Y seeks to …")."""
        self_text = self.text
        for outer, inner in ((a, b), (b, a)):
            if outer.cue is None or inner.cue is None:
                continue
            s, e = outer.pieces[0][0], outer.pieces[-1][1]
            if s <= inner.cue.start and inner.pieces[-1][1] <= e and not (
                    s <= outer.cue.start < e) and inner.cue.kind == "belief" and (
                    _QUOTE_MARKS.isdisjoint(self_text[s:e])):
                return True
        return False

    @staticmethod
    def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
        if len(a) == 1 and len(b) == 1:  # the usual case, without a generator
            return a[0][0] < b[0][1] and b[0][0] < a[0][1]
        return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)

    def _sentence_of(self, pos: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo].sentence_id

    def _find_cues(self, inside_quote) -> list[_Cue]:
        starts = self.starts
        cues: list[_Cue] = []
        # the paragraph's cue matches, found when deciding whether to read it (its
        # tokens span the whole paragraph, which carries no surrounding white space)
        for m in self.cue_matches:
            form = m.group()
            t0 = bisect_left(starts, m.start())
            t1 = bisect_left(starts, m.end()) - 1
            if t0 >= len(self.starts) or starts[t0] != m.start() or self.ends[t1] != m.end():
                continue  # not on token boundaries
            if inside_quote(m.start()):
                continue
            low = " ".join(form.lower().split())
            if low == "according to":
                entry = _ACCORDING
            elif " " in low:
                first, second = low.split(" ", 1)
                entry = self.double_cues[first][second]
            else:
                entry = self.single_cues[low]
            cues.append(_Cue(m.start(), m.end(), entry, low, t0, t1))
        return cues

    # ------------------------------------------------------------------ frames
    def _sentence_bounds(self, ti: int) -> tuple[int, int]:
        """Token index range [a, b) of the sentence holding token ``ti``."""
        return self.sent_ranges[self.sids[ti]]

    def _frame(self, cue: _Cue, quotes, found) -> _Attribution | None:
        sa, sb = self._sentence_bounds(cue.t0)
        if sa > 0 and cue.t0 - sa <= 14 and self.kinds[sa - 1] == "quote" and (
                self.text[self.starts[sa - 1]] in _CLOSERS and sa > 1
                and self.words[sa - 2] in ("?", "!", ".", "…")):
            # “Why not?” she asked. — the splitter ends a sentence after “?”; the frame
            # belongs with the quotation before it
            sa = self._sentence_bounds(sa - 1)[0]
        para_id = self.para_id
        sid = self.sids[cue.t0]

        if cue.lemma == "according to":
            return self._according_to(cue, quotes, sa, sb, para_id, sid)

        prev_i = cue.t0 - 1
        prev_w = self.words[prev_i] if prev_i >= sa else ""
        gerund = cue.form.endswith("ing")

        # participle cue: ", adding that …", and coordinated cue: "… estimated … and
        # denounced …" — both speak with the voice of the sentence's earlier speaker
        if gerund and prev_w == ",":
            return self._same_speaker(cue, quotes, found, "participle-cue", sa, sb)
        if gerund and prev_w.lower() in _GERUND_LINKS:
            # "… by saying he would serve", "… before noting that …": the subject speaks
            return self._same_speaker(cue, quotes, found, "participle-cue", sa, sb)
        if prev_w in ("and", "but") and not gerund:
            return self._same_speaker(cue, quotes, found, "coordinated-cue", sa, sb)

        # inverted: “…,” said Peskov. / …, said the minister.
        if prev_w in _FRAME_OPENERS or prev_i < sa:
            attr = self._inverted(cue, quotes, sa, sb, prev_i, sid, para_id)
            if attr is not None or prev_w not in (",", "--", "—", "–"):
                return attr

        # "When asked whether …": the question is reported, the asker is not named
        if prev_w.lower() in ("when", "if", "after", "before") and cue.lemma == "ask" and (
                cue.form == "asked"):
            pieces, unclosed = self._forward_content(cue, quotes, sa, sb)
            if pieces and self._has_complement(cue, pieces):
                end = self._clause_end(pieces, cue, sb)
                return _Attribution([(pieces[0][0], end)], "question-cue", cue, None, None,
                                    None, sid, para_id)
            return None

        # speaker before the cue, over a lead-in ("X went on to say")
        j = prev_i
        for phrase in _LEAD_INS:
            n = len(phrase)
            if j - n + 1 > sa and tuple(self.lows[j - n + 1:j + 1]) == phrase:
                j -= n
                break
        skipped: list[str] = []
        while j >= sa and self.lows[j] in _SKIP_BEFORE_CUE:
            skipped.append(self.lows[j])
            j -= 1
        if j < sa:
            return None
        progressive = any(w in _BE_FORMS for w in skipped)
        if gerund and not progressive:
            return None  # "the thinking", "for saying": not a reporting verb here
        if progressive and not gerund:
            return None  # passive ("it was said that"): no speaker here
        np_span = self._left_np(j, sa)
        if np_span is None:
            return None
        if not self._plausible_subject(cue, np_span, skipped):
            return None
        before = np_span[0] - 1
        before_w = self.words[before] if before >= sa else ""
        fwd, unclosed = self._forward_content(cue, quotes, sa, sb)
        tail = self._frame_tail(cue, sb)
        tail_w = self.words[tail] if tail < sb else ""
        quote_follows = tail_w == "," and tail + 1 < sb and self._opens(tail + 1)
        closes_quote = before > sa and self.kinds[before] == "quote" and (
            self.text[self.starts[before]] in _CLOSERS) and (
            self.words[before - 1] in (",", "?", "!", "…", "—"))
        frame_ends = (tail >= sb or tail_w in _CLAUSE_END or quote_follows
                      or self._coordinated_cue_at(tail, sb))
        if before_w in _FRAME_OPENERS and tail_w != ":" and (frame_ends or closes_quote):
            back = self._backward_content(quotes, sa, before, cue)
            back_is_quote = bool(back) and self._is_quote_piece(back[0])
            if not frame_ends and not back_is_quote:
                back = []  # “Fox News Sunday,” X said his …: a title, not the content
            if back and not self._backward_allowed(cue, back):
                back = []
            if back and not back_is_quote and tail_w in ("and", "but") and (
                    self._only_subordinate(back)):
                back = []  # "When told …, Bush thought … and said": the scene, not content
            if back and (back_is_quote or not (fwd and self._all_quoted(fwd))):
                pieces = back + self._continuation(quotes, tail, sb, back_is_quote)
                rule = "quote-cue-speaker" if back_is_quote else "clause-cue-speaker"
                return self._make(pieces, rule, cue, np_span, sid, para_id)
        if not fwd and tail < sb and tail_w == ":" and tail == sb - 1 and sb == len(self.starts):
            # "Caddell continued:" ending the paragraph: the quotation follows in the next
            return self._make([], "speaker-cue-quote", cue, np_span, sid, para_id)
        if not fwd or not self._has_complement(cue, fwd):
            return None
        if self.lows[np_span[0]] in ("who", "which") and before_w == ",":
            fwd = self._end_at_comma(fwd, sb)  # "X, who said …, issued …"
        rule = "speaker-cue-quote" if self._all_quoted(fwd) else "cue-that-clause"
        attr = self._make(fwd, rule, cue, np_span, sid, para_id)
        attr.unclosed = unclosed
        return attr

    def _only_subordinate(self, pieces: list[tuple[int, int]]) -> bool:
        """Unquoted words before a frame that are one subordinate clause or phrase ("When
        asked …", "Following the meeting") set the scene; with a comma inside ("If they win,
        we lose") a main clause follows."""
        s, e = pieces[0][0], pieces[-1][1]
        first = self.text[s:e].split(None, 1)[0].lower()
        return first in _SUBORDINATE_OPENERS and "," not in self.text[s:e]

    def _coordinated_cue_at(self, k: int, sb: int) -> bool:
        """Token ``k`` opens a second cue of the same speaker: "… and denounced …".

        A frame that ends there has reported the content before it; the second cue
        reports its own (the ``coordinated-cue`` rule)."""
        if k + 1 >= sb or self.lows[k] not in ("and", "but"):
            return False
        nxt = self.lows[k + 1]
        return (nxt in self.single_cues or nxt in self.double_cues) and not nxt.endswith("ing")

    def _end_at_comma(self, pieces, sb: int) -> list[tuple[int, int]]:
        """Cut content at its first comma outside quotation marks (a relative clause ends)."""
        start, end = pieces[0][0], pieces[-1][1]
        k = bisect_left(self.starts, start)
        for m in range(k, sb):
            if self.starts[m] >= end:
                break
            if self.words[m] == "," and not self._in_any_quote(self.starts[m]):
                return [(start, self.starts[m])] if self.starts[m] > start else pieces
        return pieces

    def _same_speaker(self, cue, quotes, found, rule, sa, sb) -> _Attribution | None:
        """A cue without its own subject: the sentence's latest speaker, else its subject."""
        pieces, unclosed = self._forward_content(cue, quotes, sa, sb)
        if not pieces or (rule == "coordinated-cue" and not self._has_complement(
                cue, pieces)):
            return None
        sid, para_id = self.sids[cue.t0], self.para_id
        src = self._latest_speaker(found, sid)
        if src is not None:
            return _Attribution(pieces, rule, cue, src.mention, src.speaker, src.actor, sid,
                                para_id, unclosed=unclosed)
        # no statement yet in the sentence: its subject speaks ("X mocked it, saying …",
        # "X called on Congress to act and said …")
        subject = self._subject(sa, cue.t0)
        if subject is None:
            return None
        attr = self._make(pieces, rule, cue, subject, sid, para_id)
        attr.unclosed = unclosed
        return attr

    def _inverted(self, cue, quotes, sa, sb, prev_i, sid, para_id):
        """“…,” said Peskov. — the speaker follows the cue and ends the clause."""
        if cue.form.endswith("ing") or cue.kind == "belief":
            return None
        nxt = cue.t1 + 1
        if nxt < sb and self.lows[nxt] == "by":
            return None  # "reported by the government": a passive participle
        np_span = self._right_np(nxt, sb, allow_lower=False)
        if np_span is None:
            # "…, said lobbyist and GOP strategist Charlie Black.": a role before the name
            np_span = self._right_np(nxt, sb, allow_lower=True)
            if np_span is None or np_span[1] - np_span[0] > 8 or not any(
                    _is_cap(w) for w in self.words[np_span[0]:np_span[1] + 1]):
                return None
        # an affiliation may follow the name: "said Stephen Vladeck of the University of …"
        after = self._skip_adverbials(np_span[1] + 1, sb, limit=12)
        after_w = self.words[after] if after < sb else ""
        if after < sb and after_w not in _CLAUSE_END:
            return None  # "…, said he would order …": the cue starts a clause
        pieces = self._backward_content(quotes, sa, prev_i, cue)
        if not pieces:
            return None
        quoted = self._is_quote_piece(pieces[0])
        if not self._backward_allowed(cue, pieces, inverted=True):
            return None
        pieces += self._continuation(quotes, after, sb, quoted)
        rule = "quote-cue-speaker" if quoted else "clause-cue-speaker"
        return self._make(pieces, rule, cue, np_span, sid, para_id)

    def _subject(self, sa: int, limit: int) -> tuple[int, int] | None:
        """The named or pronoun subject opening a sentence, if it has one."""
        k = sa
        while k < limit and (self.lows[k] in ("but", "and", "however", ",", "then", "so")
                             or self.lows[k] in _SKIP_BEFORE_CUE):
            k += 1
        if k < limit and (self.lows[k] in _LEADING_PREPOSITIONS
                          or self.lows[k] in _SUBORDINATE_OPENERS or self.lows[k] == "here"):
            # a fronted phrase or clause ("In his speech, Graham …") is not the subject:
            # the subject follows its comma
            while k < limit and self.words[k] != ",":
                k += 1
            k += 1
        if k >= limit:
            return None
        span = self._right_np(k, limit)
        if span is None:
            return None
        span = self._subject_head(span)
        if span is None:
            return None
        words = self.words[span[0]:span[1] + 1]
        if (words[0].lower() in _PRONOUNS and _PRONOUNS[words[0].lower()] != "self") or any(
                _is_cap(w) and w.lower() not in _DETERMINERS for w in words) or (
                words[-1].lower() in self.titles):
            return span  # a name, a pronoun or a title ("the justice")
        return None

    def _subject_head(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """Cut a subject phrase after its head: "Petrova went fully" -> "Petrova", "the
        minister sounded off" -> "the minister". The head is a name, a title, a pronoun or
        an organisation word; after it, a lowercase word other than "of" is the verb."""
        a, b = span
        end = None
        for i in range(a, b + 1):
            w, low = self.words[i], self.lows[i]
            if low in _DETERMINERS and end is None:
                continue
            if _is_cap(w) or low in self.titles or low in _PRONOUNS or low in _ORG_WORDS or (
                    w in ("’s", "'s", "-", ".", "&")):
                end = i
            elif end is not None and low != "of":
                break
        return (a, end) if end is not None else None

    def _clause_end(self, pieces, cue: _Cue, sb: int) -> int:
        """End of a subordinate question: the comma that closes it, else the content end."""
        start, end = pieces[0][0], pieces[-1][1]
        for m in range(cue.t1 + 1, sb):
            if self.starts[m] >= end:
                break
            if self.starts[m] > start and self.words[m] == ",":
                return self.starts[m]
        return end

    def _backward_allowed(self, cue: _Cue, pieces: list[tuple[int, int]],
                          inverted: bool = False) -> bool:
        """Cues that are often nouns or take an object report a preceding clause only
        when it is quoted ("“…,” she asked" but not "…, asked Republicans a question");
        after its subject, "…, X told reporters." reports the clause all the same."""
        picky = (cue.entry.needs_complement and cue.lemma not in _ADDRESSEE_CUES) or (
            inverted and cue.lemma in _ADDRESSEE_CUES) or (
            cue.entry.noun_like and not cue.form.endswith("ed"))
        if not picky:
            return True
        text = self.text
        return any(ch in "“”«»\"" for s, e in pieces for ch in text[max(0, s - 1):e + 1])

    def _opens(self, i: int) -> bool:
        """Token ``i`` is an opening quotation mark with a word right after it."""
        end = self.ends[i]
        return self.kinds[i] == "quote" and self.text[self.starts[i]] in _OPENERS and (
            end < len(self.text) and not self.text[end].isspace())

    def _plausible_subject(self, cue: _Cue, np_span, skipped) -> bool:
        """Reject nouns read as verbs: "the plans", "Trump's comments", "one of the states"."""
        words = self.words[np_span[0]:np_span[1] + 1]
        head_end = np_span[1]
        for idx, w in enumerate(words):
            if w in (",", "("):
                head_end = np_span[0] + idx - 1
                words = words[:idx]
                break
        if not words:
            return False
        last = words[-1].lower()
        if last in _DETERMINERS or last in _NP_PREPOSITIONS:
            return False
        if self.kinds[head_end] != "word" and not (len(words) > 1 and words[-2].lower() in (
                "in", "of", "than")):
            return False  # a number can close "six in 10", "more than 4,000"
        if cue.entry.noun_like and not cue.form.endswith(("ed", "ing")) and not skipped:
            named = _is_cap(words[-1]) or last in _PRONOUNS
            possessive = any(w in ("’s", "'s", "’", "s’") for w in words)
            if possessive or not named:
                k = cue.t1 + 1
                nxt = self.lows[k] if k < len(self.starts) else ""
                if nxt not in ("that", ":") and not (k < len(self.starts) and self._opens(k)):
                    return False
        return True

    def _has_complement(self, cue: _Cue, fwd) -> bool:
        """Verbs marked ``needs`` count only before a that-clause, colon or quotation."""
        if not cue.entry.needs_complement:
            return True
        text = self.text
        start = fwd[0][0]
        head = text[cue.end:start]
        if ":" in head or "that" in head.split() or (start > 0 and text[start - 1] in _OPENERS):
            return True
        content = text[start:fwd[-1][1]]
        first = content.split(None, 1)[0].lower() if content.strip() else ""
        if first in _CONTENT_MARKERS or (first == "to" and (
                cue.kind == "belief" or cue.lemma in _TO_VERBS)):
            return True
        if cue.lemma in _TO_VERBS and "to" in [w.lower() for w in content.split()[1:5]]:
            return True  # "asked workers to sign up", "urged Congress to act"
        return any(ch in "“”«»\"" for ch in content)

    def _is_quote_piece(self, piece: tuple[int, int]) -> bool:
        s, e = piece
        text = self.text
        return s > 0 and text[s - 1] in _OPENERS and (e >= len(text) or text[e] in _CLOSERS
                                                       or text[e] in "\r\n")

    def _all_quoted(self, pieces: list[tuple[int, int]]) -> bool:
        return all(self._is_quote_piece(p) for p in pieces)

    def _latest_speaker(self, found: list[_Attribution], sid: int) -> _Attribution | None:
        for a in reversed(found):
            if a.sentence_id == sid and a.speaker is not None:
                return a
        return None

    def _skip_adverbials(self, k: int, sb: int, limit: int = 14) -> int:
        """Skip time words and prepositional phrases ("on Monday", "in a statement")."""
        while k < sb:
            w = self.words[k]
            low = w.lower()
            if low in _TIME_WORDS or self.kinds[k] == "number":
                k += 1
                continue
            if low in ("several", "few", "a") and k + 1 < sb and (
                    self.lows[k + 1] in _TIME_UNITS):
                k += 2  # "several months after …", "a day later"
                continue
            if low in _ADVERBIAL_PREPOSITIONS or low in ("reporters", "journalists"):
                # a subordinate clause ("as she left") runs to the clause end; a
                # prepositional phrase stops before "and"/"that" too
                stops = ("that",) if low in _SUBORDINATORS else ("that", "and", "but")
                k0 = k
                k += 1
                while k < sb and self.words[k] not in _CLAUSE_END and (
                        self.lows[k] not in stops):
                    k += 1
                if k - k0 > limit and low not in _SUBORDINATORS:
                    return k0  # too long for an adverbial: a clause goes on here
                continue
            if low.endswith("ly") and not _is_cap(w) and len(low) > 4:
                k += 1
                continue
            break
        return k

    def _frame_tail(self, cue: _Cue, sb: int) -> int:
        """Token index after the cue and what may trail it ("told reporters on Monday")."""
        k = cue.t1 + 1
        if cue.lemma in _ADDRESSEE_CUES:
            # the addressee: "told some of the miners", "told CNBC in August"
            m = k
            while m < sb and m - k < 8 and self.kinds[m] in ("word", "number") and (
                    self.lows[m] not in ("that", "and", "but")):
                m += 1
            if m < sb and (self.words[m] in _CLAUSE_END):
                return m
        return self._skip_adverbials(k, sb)

    def _forward_content(self, cue: _Cue, quotes, sa: int, sb: int):
        """Content after the cue up to the sentence end: (pieces, unclosed)."""
        text = self.text
        k = cue.t1 + 1
        if k >= sb:
            return [], False
        first = self.lows[k]
        if cue.lemma in _ADDRESSEE_CUES and first not in ("that", ":", ",") and (
                first not in _CONTENT_MARKERS) and not self._opens(k):
            # the addressee: "told reporters in Moscow that …", "told Interfax: …"; a
            # question that follows at once ("asked whether …") has none
            for m in range(k + 1, min(sb, k + 10)):
                w = self.words[m]
                if w.lower() in _CONTENT_MARKERS or w in (":", ",") or self._opens(m):
                    k = m
                    break
        elif first in _TIME_WORDS or first in _ADVERBIAL_PREPOSITIONS:
            # "said on Wednesday that …", "said in a statement: …", "said Friday the …"
            skipped = self._skip_adverbials(k, sb, limit=8)
            if skipped < sb:
                k = skipped
        while k < sb and self.words[k] in (":", ",", "—", "–"):
            k += 1
        if k < sb and self.lows[k] == "that":
            k += 1
            while k < sb and self.words[k] == ",":
                k += 1
        if k >= sb or self._coordinated_cue_at(k, sb):
            return [], False  # "thought for a moment and said …": the second cue reports it
        start = self.starts[k]
        # the content runs to the end of the sentence, or to a following ", adding …"
        end_tok = sb
        for m in range(k + 1, sb):
            w = self.words[m]
            low = self.lows[m]
            if w in (",", ";") and m + 1 < sb:
                nxt = self.lows[m + 1]
                if (nxt.endswith("ing") and nxt in self.single_cues) or nxt == "according":
                    end_tok = m
                    break
                if nxt in _GERUND_LINKS and m + 2 < sb and self.lows[m + 2].endswith(
                        "ing") and self.lows[m + 2] in self.single_cues:
                    end_tok = m  # "…, before noting that …": the second cue reports it
                    break
            if low in ("and", "but") and m + 1 < sb and m > k + 2:
                nxt = self.words[m + 1]
                if nxt in self.single_cues and not nxt.endswith("ing") and not (
                        self._in_any_quote(self.starts[m], quotes)):
                    end_tok = m
                    break
        end_tok = self._before_trailing_frame(k, end_tok)
        if end_tok <= k:
            return [], False
        if cue.entry.takes_object and self.lows[k] not in _CONTENT_MARKERS and (
                not self._opens(k)):
            # a noun phrase object ("endorsed Clinton in February"): it ends before a comma,
            # an adverbial or a new clause
            for m in range(k + 1, end_tok):
                w = self.words[m]
                if w in (",", ";", ":", "—", "–") or w.lower() in _OBJECT_END:
                    end_tok = m
                    break
        for m in range(k + 3, end_tok - 1):
            # the writer's own addition after the reported clause: ", which …", ", compared …"
            if self.words[m] == "," and self.lows[m + 1] in _TRAILERS and (
                    not self._in_any_quote(self.starts[m], quotes)):
                end_tok = m
                break
        end = self.ends[end_tok - 1]
        # stop short of the sentence's final punctuation unless it sits inside quotes
        while end > start and text[end - 1] in ".!?;,:—– " and not self._in_any_quote(
                end - 1, quotes):
            end -= 1
        # a quotation that starts in the content may run past the sentence
        unclosed = False
        for q in quotes:
            if start <= q.open < end:
                if q.close is None:
                    end, unclosed = max(end, q.inner_end), True
                elif q.close > end:
                    end = q.close
        if end <= start:
            return [], False
        # content that is one quotation: the words inside the marks
        if text[start] in _OPENERS:
            for q in quotes:
                if q.open == start and ((q.close is None and unclosed) or q.close == end):
                    return [(q.inner_start, q.inner_end)], unclosed
        if len(text[start:end].split()) < 2 and not any(ch in _QUOTE_MARKS for ch in
                                                        text[start:end]) and (
                text[start:end].lower() not in _ONE_WORD_ANSWERS):
            return [], False
        return [(start, end)], unclosed

    def _before_trailing_frame(self, k: int, end_tok: int) -> int:
        """End content before a closing ", the ministry said (on Tuesday)." frame."""
        for m in range(k + 1, end_tok - 1):
            if self.words[m] != ",":
                continue
            np_span = self._right_np(m + 1, end_tok, allow_lower=False)
            if np_span is None:
                continue
            c = np_span[1] + 1
            while c < end_tok and self.lows[c] in _SKIP_BEFORE_CUE:
                c += 1
            if c >= end_tok or not self._verb_cue(self.words[c]):
                continue
            tail = self._skip_adverbials(c + 1, end_tok, limit=6)
            if tail >= end_tok or self.words[tail] in (".", "!", "?"):
                return m
        return end_tok

    def _in_any_quote(self, pos: int, quotes=None) -> bool:
        """Whether ``pos`` lies inside one of the paragraph's quotations (by bisection)."""
        i = bisect_left(self._q_opens, pos) - 1
        if i < 0:
            return False
        q = self._quotes[i]
        return q.close is None or pos < q.close

    def _backward_content(self, quotes, sa: int, before: int, cue: _Cue):
        """Content before the speaker/cue frame: a quotation or a clause."""
        text = self.text
        if before < sa:
            return []
        end_pos = self.starts[before]
        # a quotation that closes just before the frame: “…,” said X / “…”, X said
        closing = self.ends[before] if text[self.starts[before]] in _CLOSERS else end_pos
        while closing > 0 and text[closing - 1] in " ,":
            closing -= 1
        for q in reversed(quotes):
            if q.close is None or q.close != closing:
                continue
            s_start = self.sentences[self._sentence_of(q.open)].start
            lead = text[s_start:q.open].strip()
            if not lead or lead[-1] in ":—–―":
                return [(q.inner_start, q.inner_end)]
            # words before the quotation in its sentence: a mixed clause
            return [(s_start, q.close)]
        # an unquoted clause from the sentence start to the comma
        start = self.starts[sa]
        dateline = _DATELINE.match(text, start, end_pos)
        if dateline:
            start = dateline.end()  # "MOSCOW (AFP) – …": the place and agency are not said
        end = end_pos
        while end > start and text[end - 1] in " ,":
            end -= 1
        if len(text[start:end].split()) < 3:
            return []
        return [(start, end)]

    def _continuation(self, quotes, k: int, sb: int, quoted: bool) -> list[tuple[int, int]]:
        """The rest of the content after a mid-sentence frame.

        “A,” he said, “B.” and “A,” he said, pointing to X, “B.” add the quotation B;
        "A, he argues, B." adds the clause B.
        """
        text = self.text
        if k >= sb or self.words[k] != ",":
            return []
        m = k + 1
        while m < sb and m - k < 16:
            tok_start = self.starts[m]
            w = self.words[m]
            if self._opens(m):
                for q in quotes:
                    if q.open == tok_start:
                        return [(q.inner_start, q.inner_end)] if q.inner_end > q.inner_start else []
                return []
            if w.lower() in self.single_cues or w.lower() == "according" or w in (";", ".",
                                                                                 ":"):
                return []
            if w.lower() in ("and", "but", "or", "as", "while", "because") or (
                    w.lower().endswith("ing") and not quoted):
                return []
            if not quoted and m == k + 1:
                # a parenthetical frame inside an unquoted clause: the clause goes on
                end = self.ends[sb - 1]
                while end > tok_start and text[end - 1] in ".!?;, ":
                    end -= 1
                rest = text[tok_start:end]
                if len(rest.split()) >= 3 and w.lower() not in _CONTENT_MARKERS | {"as"}:
                    return [(tok_start, end)]
                return []
            m += 1
        return []

    def _according_to(self, cue, quotes, sa, sb, para_id, sid):
        np_span = self._right_np(cue.t1 + 1, sb, allow_lower=True)
        if np_span is None:
            return None
        text = self.text
        if cue.t0 == sa or (cue.t0 > sa and self._opens(cue.t0 - 1)):
            k = np_span[1] + 1
            while k < sb and self.words[k] != ",":
                k += 1
            k += 1
            if k >= sb:
                return None
            start = self.starts[k]
            end = self.ends[sb - 1]
            while end > start and text[end - 1] in ".!?;, " and not self._in_any_quote(
                    end - 1, quotes):
                end -= 1
            pieces = [(start, end)]
        elif cue.t0 > sa and (self.words[cue.t0 - 1] == "," or (
                cue.t0 - 2 >= sa and self.words[cue.t0 - 2] == ","
                and self.text[self.starts[cue.t0 - 1]] in _CLOSERS)):
            # "…, according to X" and “…,” according to X
            pieces = self._backward_content(quotes, sa, cue.t0 - 1, cue)
        else:
            return None
        if not pieces:
            return None
        return self._make(pieces, "according-to", cue, np_span, sid, para_id)

    # ---------------------------------------------------------------- speakers
    def _left_np(self, j: int, sa: int) -> tuple[int, int] | None:
        """Token range (first, last) of the speaker phrase ending at token ``j``."""
        w = self.words[j]
        if w in (",", "--", "—", "–"):
            # appositive: "Kerr Putney, the police chief, said" / "Quina Jones, 25, said";
            # several in a row ("Ramil Carr, 31, a photographer, said"), or between dashes
            # ("A former candidate -- John McCain, who lost in 2008 -- said")
            close = w if w != "," else None
            k = j
            for _ in range(_APPOSITIVES):
                k -= 1
                while k >= sa and self.words[k] != w and j - k < _APPOSITIVE_TOKENS:
                    if self.kinds[k] == "quote" or self.words[k] in (";", ":") or (
                            close is None and self.words[k] in _DASHES):
                        return None
                    k -= 1
                if k < sa or self.words[k] != w or k == j - 1 or k - 1 < sa:
                    return None
                head = self._left_np(k - 1, sa)
                # a name on either side: "Kerr Putney, the police chief," / "the city's
                # transport chief, Ana Petrova,"
                if head is not None and self.kinds[head[1]] != "number" and any(
                        _is_cap(w) or w.lower() in _PRONOUNS for w in self.words[head[0]:j]):
                    return head[0], j - 1
                if close is not None:
                    return None
            return None
        if w == ")":
            # "Gov. Pat McCrory (R)"
            k = j
            while k >= sa and self.words[k] != "(" and j - k < 8:
                k -= 1
            if k <= sa:
                return None
            inner = self._left_np(k - 1, sa)
            return (inner[0], j) if inner else None
        low = w.lower()
        if low in ("who", "which") and j > sa:
            return j, j  # "Capt. Pardo, who said …": resolved to the phrase before it
        if self.kinds[j] not in ("word", "number") or low in _STOP_LEFT or self._verb_cue(w):
            return None
        if low in _PRONOUNS:
            return j, j
        first = j
        k = j - 1
        while k >= sa and j - k < 10:
            kind = self.kinds[k]
            wk = self.words[k]
            lk = self.lows[k]
            if kind == "quote" and not self._possessive_mark(k):
                break
            if wk in (",", ";", ":", "—", "–", "(", ")", "[", "]", "!", "?"):
                break
            if lk in _STOP_LEFT or lk in _PRONOUNS or self._verb_cue(wk):
                break
            if lk.endswith("ed") and len(lk) > 4 and wk == lk and k > sa and (
                    self.lows[k - 1] not in _DETERMINERS):
                break  # a finite verb ("Clinton avoided …"), not part of a name
            if kind == "punct" and wk not in ("&", ".", "’", "'", "/"):
                break
            first = k
            k -= 1
        # drop a leading preposition phrase ("On Wednesday the Kremlin")
        words = self.words[first:j + 1]
        if words and words[0].lower() in _LEADING_PREPOSITIONS:
            cut = None
            for idx in range(1, len(words)):
                if words[idx].lower() in _DETERMINERS:
                    cut = idx
            if cut is None:
                cut = len(words) - 1
                while cut > 0 and _is_cap(words[cut - 1]):
                    cut -= 1
            first += cut
            words = words[cut:]
        while words and words[0].lower() in _NP_PREPOSITIONS:
            first += 1
            words = words[1:]
        if not words:
            return None
        if self.kinds[first] == "number" and first == j:
            return None
        return first, j

    def _verb_cue(self, word: str) -> bool:
        """A reporting verb that cannot be a noun here ("said", "told"; not "plans")."""
        entry = self.single_cues.get(word)
        return entry is not None and not (entry.noun_like and not word.endswith(("ed", "ing")))

    def _possessive_mark(self, k: int) -> bool:
        """True for the apostrophe of a plural possessive ("officials’ statement")."""
        start = self.starts[k]
        if self.text[start] not in "’'" or k == 0:
            return False
        prev_end = self.ends[k - 1]
        return self.kinds[k - 1] == "word" and prev_end == start and (
            self.text[prev_end - 1] in "sS")

    def _right_np(self, k: int, sb: int, allow_lower: bool = True):
        """Token range of a speaker phrase starting at token ``k`` ("said Peskov")."""
        if k >= sb:
            return None
        w0 = self.words[k]
        if w0.lower() in _PRONOUNS:
            return k, k
        if self.kinds[k] not in ("word", "number"):
            return None
        if not (_is_cap(w0) or w0.lower() in _DETERMINERS or allow_lower
                or self.kinds[k] == "number" or w0.lower() in self.titles):
            return None
        low0 = w0.lower()
        if low0 in _STOP_LEFT or ((low0 in _ADVERBIAL_PREPOSITIONS or low0 in _TIME_WORDS) and (
                not _is_cap(w0) or low0 in _TIME_WORDS)):
            return None
        last = k
        m = k + 1
        while m < sb and m - k < 12:
            wm = self.words[m]
            lm = wm.lower()
            if (self.kinds[m] == "quote" and not self._possessive_mark(m)) or wm in (
                    ",", ";", ":", ".", "!", "?", "—", "–"):
                break
            if lm in _STOP_LEFT or lm in _ADVERBIAL_PREPOSITIONS or lm in ("who", "told") or (
                    self._verb_cue(wm)) or lm in _TIME_WORDS:
                break
            if self.kinds[m] == "punct" and wm not in ("-", "&", "’", "'", "(", ")", "/"):
                break
            last = m
            m += 1
        return k, last

    def _make(self, pieces, rule, cue, np_span, sid, para_id) -> _Attribution:
        mention_start = self.starts[np_span[0]]
        mention_end = self.ends[np_span[1]]
        words = self.words[np_span[0]:np_span[1] + 1]
        if "," in words:
            # an appositive: the name is before its first comma ("Kerr Putney, the chief")
            # or inside it ("the city's transport chief, Ana Petrova,")
            cut = words.index(",")
            head, rest = words[:cut], [w for w in words[cut + 1:] if w != ","]
            if any(_is_cap(w) or w.lower() in _PRONOUNS for w in head):
                words = head
            elif any(_is_cap(w) for w in rest):
                words = rest
        if len(words) == 1 and words[0].lower() in ("who", "which"):
            # a relative pronoun speaks for the phrase it follows
            j = np_span[0] - 1
            if j >= 0 and self.words[j] == ",":
                j -= 1
            antecedent = self._left_np(j, 0) if j >= 0 else None
            if antecedent is None:
                return _Attribution(pieces, rule, cue, (mention_start, mention_end), None, None,
                                    sid, para_id)
            words = self.words[antecedent[0]:antecedent[1] + 1]
            if "," in words:
                words = words[:words.index(",")]
            speaker, actor, how = self._resolve(words, mention_start)
            how = "relative-pronoun"
        else:
            speaker, actor, how = self._resolve(words, mention_start)
        if how:
            rule = f"{rule}+{how}"
        return _Attribution(pieces, rule, cue, (mention_start, mention_end), speaker, actor,
                            sid, para_id)

    def _resolve(self, words: list[str], pos: int = -1) -> tuple[str | None, str | None, str]:
        """Canonical speaker, actor and how it was found, from the mention's words."""
        facts = self.mention_facts.get(key := tuple(words))
        if facts is None:  # speakers recur: their words are read once per article
            facts = self.mention_facts[key] = self._mention_facts(words)
        if facts.pronoun:
            want = facts.pronoun
            if want == "self":
                return None, None, ""
            subject = self._previous_subject(pos, want)
            if subject is not None:
                return subject[0], subject[1], "pronoun-carryover"
            for canonical, ptype, actor, _ in self._antecedents(pos):
                if (want == "person" and ptype == "person") or (want == "org" and ptype in (
                        "org", "place")) or (want == "group" and ptype in ("group", "org")):
                    return canonical, actor, "pronoun-carryover"
            return None, None, "pronoun-carryover"
        # title-only mentions ("the spokesman") refer back to the last such speaker
        if facts.title and self.history:
            for canonical, ptype, actor, mwords, _ in reversed(self.history[-30:]):
                if ptype == "person" and facts.title in mwords:
                    return canonical, actor, "title-carryover"
        if facts.entry is not None:
            return facts.entry.canonical, facts.entry.actor or facts.actor, ""
        # a name the article introduced earlier ("Caddell" after "Pat Caddell")
        if facts.name_like and words[-1] in self.local_aliases:
            canonical, _ptype, actor = self.local_aliases[words[-1]]
            return canonical, actor or facts.actor, ""
        return facts.name, facts.actor, ""

    def _previous_subject(self, pos: int, want: str) -> tuple[str, str | None] | None:
        """The named subject of the sentence before, for a pronoun opening its sentence.

        "Serbia does not recognize … . It encourages …": a pronoun in subject position
        most often continues the previous sentence's subject (the centre of attention),
        which need not be anyone quoted so far. Only a subject found in the gazetteer,
        of the kind the pronoun asks for, is taken.
        """
        ti = bisect_left(self.starts, pos)
        if pos < 0 or ti >= len(self.starts) or self.starts[ti] != pos:
            return None
        sid = self.sids[ti]
        sa, _ = self.sent_ranges[sid]
        if ti != sa or sid - 1 not in self.sent_ranges:
            return None
        pa, pb = self.sent_ranges[sid - 1]
        span = self._subject(pa, pb)
        if span is None:
            return None
        words = self.words[span[0]:span[1] + 1]
        facts = self.mention_facts.get(key := tuple(words))
        if facts is None:
            facts = self.mention_facts[key] = self._mention_facts(words)
        entry = facts.entry
        if entry is None or facts.pronoun:
            return None
        kind = {"person": "person", "group": "group"}.get(entry.type, "org")
        fits = kind == want or (want == "group" and kind == "org")
        return (entry.canonical, entry.actor or facts.actor) if fits else None

    def _mention_facts(self, words: list[str]) -> _MentionFacts:
        """What a mention's words say on their own, before the article's history."""
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in _PRONOUNS:
            return _MentionFacts(_PRONOUNS[low[0]], "", None, False, None, None)
        content = [w for w in low if w not in _DETERMINERS]
        title = content[-1] if content and all(w in self.titles for w in content) else ""
        phrase = " ".join(words).replace(" ’s", "’s").replace(" 's", "'s")
        phrase = phrase.replace(" - ", "-").replace(" .", ".")
        matches = self.gaz.find(phrase)
        entry = None
        if matches:
            persons = [m for m in matches if m[2].type == "person"]
            entry = (persons or matches)[-1][2]
        name_like = bool(words) and all(_is_cap(w) or w.lower() in self.titles for w in words)
        return _MentionFacts("", title, entry, name_like, self._name_from(words),
                             self.gaz.actor_of_words(words))

    def _antecedents(self, pos: int):
        """Named speakers and gazetteer people before ``pos``, the nearest first."""
        people = self._people()
        k = bisect_left(people, (pos,)) if pos >= 0 else len(people)
        merged = [(p, (c, "person", a, ())) for p, c, a in people[max(0, k - 10):k]]
        merged += [(h[4], h[:4]) for h in self.history[-30:] if pos < 0 or h[4] < pos]
        merged.sort(key=lambda item: item[0], reverse=True)
        return [item[1] for item in merged]

    def _people(self) -> list[tuple[int, str, str | None]]:
        """Gazetteer people mentioned in the body, by position (computed once)."""
        if self.people is None:
            found = []
            matches = paragraph_matches(self.article, self.gaz)
            for p in self.article.paragraph_spans:
                if p.kind == "body":
                    found += [(s, e.canonical, e.actor) for s, _, e in matches[p.paragraph_id]
                              if e.type == "person"]
            self.people = sorted(found)
        return self.people

    def _name_from(self, words: list[str]) -> str | None:
        if "(" in words:
            # "Rep. Elijah E. Cummings (D-Md.)": the party and state are not the name
            words = words[:words.index("(")]
            if not words:
                return None
        # possessive phrases name an organisation of someone: "Donald Trump’s campaign"
        low = [w.lower() for w in words]
        if any(w in ("’s", "'s") for w in low[:-1]):
            start = 1 if low[0] in _DETERMINERS else 0
            return _join(words[start:])
        # the last run of capitalised words, without leading titles
        end = len(words)
        while end > 0 and not _is_cap(words[end - 1]):
            end -= 1
        if end > 0 and end == len(words):
            begin = end
            while begin > 0 and (_is_cap(words[begin - 1]) or words[begin - 1] in ("-", ".")):
                begin -= 1
            run = words[begin:end]
            if run and run[0].lower() in _DETERMINERS:
                run = run[1:]
            while len(run) > 1 and run[0].lower().rstrip(".") in _title_stems():
                run = run[1:]
            run = _after_inner_title(run)
            if run and not all(w.lower() in self.titles for w in run):
                return _join(run)
        start = 1 if low and low[0] in _DETERMINERS else 0
        rest = words[start:]
        return _join(rest) if rest else None

    def _remember(self, attr: _Attribution) -> None:
        if attr.speaker is None or attr.mention is None:
            return
        mention = self.text[attr.mention[0]:attr.mention[1]]
        # speakers recur: what their mention says of them is worked out once per article
        facts = self.speaker_facts.get((attr.speaker, mention))
        if facts is None:
            facts = self.speaker_facts[attr.speaker, mention] = self._speaker_facts(
                attr.speaker, mention)
        mwords, ptype, alias = facts
        if not mwords:
            return  # a pronoun names no one new
        self.history.append((attr.speaker, ptype, attr.actor, mwords, attr.mention[0]))
        if alias:
            self.local_aliases[alias] = (attr.speaker, ptype, attr.actor)

    def _speaker_facts(self, speaker: str, mention: str) -> tuple[tuple[str, ...], str, str]:
        """A speaker's mention words, type and the surname it may be called by later."""
        mwords = tuple([w.strip(",") for w in mention.lower().split()])
        if len(mwords) == 1 and mwords[0] in _PRONOUNS:
            return (), "", ""
        entry = self.gaz.by_canonical(speaker)
        if entry is not None and entry.type:
            ptype = {"person": "person", "group": "group"}.get(entry.type, "org")
        else:
            ptype = self._guess_type(speaker, mwords)
        alias = ""
        if ptype == "person":
            parts = speaker.split()
            if len(parts) >= 2 and all(_is_cap(p) for p in parts):
                alias = parts[-1]
        return mwords, ptype, alias

    def _guess_type(self, speaker: str, mwords: tuple[str, ...]) -> str:
        parts = speaker.split()
        lowparts = {p.lower().strip("’'s") for p in parts}
        if lowparts & _ORG_WORDS or any(w in _ORG_WORDS for w in mwords[-1:]):
            return "org"
        if any(w in self.titles for w in mwords) or (
                len(parts) >= 2 and all(_is_cap(p) for p in parts)):
            return "person"
        if parts and parts[-1].endswith("s") and not _is_cap(parts[-1]):
            return "group"
        if len(parts) == 1 and _is_cap(parts[0]):
            return "person"
        return "group" if speaker.endswith("s") else "org"


def _after_inner_title(run: list[str]) -> list[str]:
    """The full name after the run's last title: "Texas Sen. Ted Cruz" -> "Ted Cruz".

    Words before a title qualify it (a state, a party, a body: "GOP Chairman Chuck
    Williams", "Rival Hillary Clinton"). Only a name of two words or more is taken, so
    "Martin Luther King Jr." and "Prince William" keep their words.
    """
    stems = _title_stems()
    for i in range(len(run) - 2, 0, -1):
        if run[i].lower().rstrip(".") in stems:
            name = [w for w in run[i + 1:] if w not in ("-", ".")]
            if len(name) >= 2 and not any(w.lower().rstrip(".") in stems for w in name):
                return run[i + 1:]
            break
    return run


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if not out or w in ("’s", "'s", "-", ".") or out.endswith(("-",)):
            out += w
        else:
            out += " " + w
    return out


_DOUBLE_MARK = re.compile("[“”«»„\"‹›]")


def _kind(text: str, pieces: list[tuple[int, int]], cue_kind: str, quoted_pieces: bool) -> str:
    if quoted_pieces:
        return "direct"
    # searched in place: the pieces are not copied out of the text
    has_quote = any(_DOUBLE_MARK.search(text, s, e) or (
        text.count("‘", s, e) and text.count("’", s, e)) for s, e in pieces)
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
    gaz = load_gazetteer(gazetteer)
    found = _ArticleParser(article, gaz).run()
    text = article.text
    rows = []
    for attr in found:
        pieces = [(s, e) for s, e in attr.pieces if e > s]
        if not pieces:
            continue
        pieces.sort()
        start, end = pieces[0][0], pieces[-1][1]
        quoted = all(s > 0 and text[s - 1] in _OPENERS for s, _ in pieces)
        cue_kind = attr.cue.kind if attr.cue else "speech"
        cue = attr.cue
        mention = attr.mention
        rows.append({
            "quote_id": 0,
            "kind": _kind(text, pieces, cue_kind, quoted),
            "text": text[start:end],
            "start": start,
            "end": end,
            "pieces": pieces,
            "speaker": attr.speaker,
            "speaker_start": mention[0] if mention else None,
            "speaker_end": mention[1] if mention else None,
            "cue": text[cue.start:cue.end] if cue else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "actor": attr.actor,
            "sentence_id": attr.sentence_id,
            "paragraph_id": attr.paragraph_id,
            "rule": attr.rule,
        })
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
