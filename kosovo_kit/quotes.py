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
``participle-cue``
    …, adding that Russia “follows …” (the speaker of the main clause)
``coordinated-cue``
    … estimated … and denounced the “nationalist rhetoric” (same speaker)
``quote-continuation``
    a further quoted sentence or paragraph with no cue of its own

A ``+pronoun-carryover`` suffix says the speaker mention is a pronoun resolved to
the last suitable named speaker; ``+title-carryover`` the same for "the minister".
Following the PolNeAR guidelines, content a single cue introduces in several
pieces (“A,” he said, “B.”) is one attribution: ``start``/``end`` cover all of it
and ``pieces`` lists the pieces.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd

from .gazetteer import Gazetteer, load_gazetteer
from .resources import data_path, read_word_list
from .text import Article, check_text

#: Columns of the who-said-what table, in order.
QUOTE_COLUMNS = [
    "quote_id", "kind", "text", "start", "end", "pieces",
    "speaker", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end",
    "actor", "sentence_id", "paragraph_id", "rule",
]
KINDS = ("direct", "mixed", "indirect", "belief")

_DOUBLE_OPEN = "“„‟«"
_DOUBLE_CLOSE = {"“": "”", "„": "“”", "‟": "”", "«": "»", '"': '"'}
_SINGLE_OPEN = "‘‚‹'"
_SINGLE_CLOSE = {"‘": "’", "‚": "‘’", "‹": "›", "'": "'"}
_QUOTE_MARKS = frozenset("“”„‟«»‹›‘’‚'\"")
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
    "now", "had", "’s", "'s", "’ve", "'ve", "’d", "'d", "’ll", "'ll", "only", "too",
    "reportedly", "allegedly", "publicly", "privately", "openly", "flatly", "firmly",
    "strongly", "clearly", "explicitly", "specifically", "separately", "subsequently",
    "finally", "initially", "originally", "immediately", "quickly", "simply", "always",
    "frequently", "repeatedly", "once", "twice", "long", "himself", "herself", "itself",
    "themselves", "all", "both", "each",
}
_BE_FORMS = {"was", "were", "is", "are", "been", "being", "be", "’s", "'s"}
# Words that end a speaker phrase when scanning left from the cue.
_STOP_LEFT = {
    "that", "which", "who", "whom", "whose", "when", "while", "because", "although",
    "though", "if", "but", "and", "or", "so", "as", "than", "where", "after", "before",
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
# Cues whose first complement is an addressee: "told reporters that …".
_ADDRESSEE_CUES = {"tell", "assure", "warn", "urge", "advise", "remind", "inform", "ask",
                   "promise", "caution"}
_ORG_WORDS = {
    "ministry", "office", "department", "agency", "commission", "committee", "party",
    "council", "government", "news", "times", "post", "press", "institute", "university",
    "bank", "company", "corp", "inc", "group", "association", "union", "court", "police",
    "army", "campaign", "administration", "kremlin", "parliament", "assembly", "senate",
    "house", "service", "foundation", "network", "journal", "magazine", "television",
    "radio", "agency", "organization", "organisation", "force", "forces", "alliance",
    "embassy", "mission", "cabinet", "presidency", "coalition", "nato", "eu", "un",
}


@dataclass
class _Cue:
    start: int
    end: int
    lemma: str
    kind: str  # speech | belief
    form: str
    t0: int  # first token index (paragraph-local)
    t1: int  # last token index


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
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def _cue_lexicon() -> tuple[dict[str, tuple[str, str]], dict[str, dict[str, tuple[str, str]]]]:
    """Return single-word cue forms and two-word cue forms (first word → second word)."""
    single: dict[str, tuple[str, str]] = {}
    double: dict[str, dict[str, tuple[str, str]]] = {}
    with data_path("cues.csv").open(encoding="utf-8") as handle:
        for lineno, row in enumerate(csv.DictReader(handle), start=2):
            try:
                lemma, kind, forms = row["lemma"], row["kind"], row["forms"].split()
            except (KeyError, AttributeError):
                raise ValueError(f"data/cues.csv, line {lineno}: needs lemma, kind, forms") from None
            for form in forms:
                if "_" in form:
                    first, second = form.split("_", 1)
                    double.setdefault(first, {})[second] = (lemma, kind)
                else:
                    single[form] = (lemma, kind)
    return single, double


@cache
def _titles() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_word_list("titles.txt"))


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
        self.history: list[tuple[str, str, str | None, tuple[str, ...]]] = []
        self.local_aliases: dict[str, tuple[str, str, str | None]] = {}
        self.sentences = article.sentence_spans

    # ------------------------------------------------------------------ driver
    def run(self) -> list[_Attribution]:
        tokens = self.article.token_spans
        by_para: dict[int, list] = {}
        for tok in tokens:
            by_para.setdefault(tok.paragraph_id, []).append(tok)
        pending: _Attribution | None = None
        prev_para_attr: _Attribution | None = None
        for para in self.article.paragraph_spans:
            if para.kind != "body":
                pending = None
                continue
            toks = by_para.get(para.paragraph_id, [])
            if not toks:
                continue
            pending, prev_para_attr = self._paragraph(para, toks, pending, prev_para_attr)
        return self.results

    # ------------------------------------------------------------------ quotes
    def _find_quotes(self, ps: int, pe: int) -> list[tuple[int, int | None]]:
        """Top-level quotations in ``text[ps:pe]`` as (open index, close index or None)."""
        text = self.text
        quotes: list[tuple[int, int | None]] = []
        open_at: int | None = None
        open_char = ""
        closers = ""
        for i in range(ps, pe):
            c = text[i]
            if c not in _QUOTE_MARKS:
                continue
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if open_at is None:
                if c in _DOUBLE_OPEN or c == "‹" or c == "‚":
                    open_at, open_char = i, c
                elif c in "\"'‘" and not prev.isalnum() and not nxt.isspace() and (
                    c != "'" or nxt.isalpha()
                ) and (c != "‘" or nxt.isalnum() or nxt in "“\""):
                    open_at, open_char = i, c
                else:
                    continue
                closers = _DOUBLE_CLOSE.get(open_char) or _SINGLE_CLOSE.get(open_char, "")
                continue
            if c in closers and i > open_at + 1:
                if c in "’'" and nxt.isalnum():
                    continue  # an apostrophe inside the quotation
                if c == '"' and prev.isspace() and nxt.isalnum():
                    # a straight quote that opens: the previous one was never closed
                    open_at = i
                    continue
                quotes.append((open_at, i))
                open_at = None
            elif c in _DOUBLE_OPEN and open_char in _DOUBLE_OPEN and c != open_char or (
                c == open_char and c in _DOUBLE_OPEN and open_char != "„"
            ):
                # a new opening mark before the old one closed: restart there
                open_at = i
        if open_at is not None:
            quotes.append((open_at, None))
        return quotes

    # --------------------------------------------------------------- paragraph
    def _paragraph(self, para, toks, pending, prev_para_attr):
        text = self.text
        ps, pe = para.start, para.end
        quotes = self._find_quotes(ps, pe)
        qspans = [(o, (c + 1) if c is not None else pe) for o, c in quotes]

        # a quotation carried over from the previous paragraph continues here
        if pending is not None:
            if quotes and quotes[0][0] == toks[0].start:
                o, c = quotes[0]
                pending.pieces.append((o + 1, c if c is not None else pe))
                pending.unclosed = c is None
                quotes = quotes[1:]
                qspans = qspans[1:]
                if c is None:
                    return pending, pending
            pending = None

        def inside_quote(pos: int) -> bool:
            return any(o < pos < e for o, e in qspans)

        cues = self._find_cues(toks, inside_quote)
        found: list[_Attribution] = []
        used_quotes: set[int] = set()
        n = len(toks)
        for cue in cues:
            attr = self._frame(cue, toks, quotes, found)
            if attr is None:
                continue
            if any(self._overlaps(attr.pieces, a.pieces) for a in found):
                continue
            found.append(attr)
            self._remember(attr)

        # quotes claimed by an attribution
        for qi, (o, e) in enumerate(qspans):
            for a in found:
                if any(s - 1 <= o and e <= t + 1 for s, t in a.pieces) or any(
                    o <= s < e for s, _ in a.pieces
                ):
                    used_quotes.add(qi)

        # unclaimed whole-sentence quotations continue the previous attribution
        sent_starts = {self.sentences[t.sentence_id].start for t in toks}
        for qi, (o, c) in enumerate(quotes):
            if qi in used_quotes:
                continue
            end = c if c is not None else pe
            if o not in sent_starts or len(text[o + 1:end].split()) < 2:
                continue
            before = [a for a in found if a.pieces[-1][1] <= o]
            if before:
                target = max(before, key=lambda a: a.pieces[-1][1])
                target.pieces.append((o + 1, end))
                target.unclosed = c is None
            elif o == ps and prev_para_attr is not None and prev_para_attr.speaker:
                src = prev_para_attr
                sid = self._sentence_of(o)
                attr = _Attribution([(o + 1, end)], "quote-continuation", None, None,
                                    src.speaker, src.actor, sid, para.paragraph_id,
                                    unclosed=c is None)
                found.append(attr)
            else:
                continue
            used_quotes.add(qi)

        found.sort(key=lambda a: a.pieces[0][0])
        self.results.extend(found)
        _ = n
        last = max(found, key=lambda a: a.pieces[-1][1]) if found else None
        carry = last if last is not None and last.unclosed else None
        return carry, (last if last is not None else None)

    @staticmethod
    def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
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

    def _find_cues(self, toks, inside_quote) -> list[_Cue]:
        text = self.text
        cues: list[_Cue] = []
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if tok.kind != "word":
                i += 1
                continue
            word = text[tok.start:tok.end]
            low = word.lower()
            if low == "according" and i + 1 < n and text[toks[i + 1].start:toks[i + 1].end] == "to":
                if not inside_quote(tok.start):
                    cues.append(_Cue(tok.start, toks[i + 1].end, "according to", "speech",
                                     "according to", i, i + 1))
                i += 2
                continue
            if word != low and not (word[0].isupper() and word[1:].islower() and i > 0):
                i += 1
                continue
            if low in self.double_cues and i + 1 < n:
                nxt = text[toks[i + 1].start:toks[i + 1].end].lower()
                hit = self.double_cues[low].get(nxt)
                if hit and not inside_quote(tok.start):
                    cues.append(_Cue(tok.start, toks[i + 1].end, hit[0], hit[1],
                                     f"{low} {nxt}", i, i + 1))
                    i += 2
                    continue
            hit = self.single_cues.get(low)
            if hit and not inside_quote(tok.start) and word == low:
                cues.append(_Cue(tok.start, tok.end, hit[0], hit[1], low, i, i))
            i += 1
        return cues

    # ------------------------------------------------------------------ frames
    def _word(self, tok) -> str:
        return self.text[tok.start:tok.end]

    def _sentence_bounds(self, toks, ti: int) -> tuple[int, int]:
        """Token index range [a, b) of the sentence holding token ``ti``."""
        sid = toks[ti].sentence_id
        a = ti
        while a > 0 and toks[a - 1].sentence_id == sid:
            a -= 1
        b = ti + 1
        while b < len(toks) and toks[b].sentence_id == sid:
            b += 1
        return a, b

    def _frame(self, cue: _Cue, toks, quotes, found) -> _Attribution | None:
        text = self.text
        sa, sb = self._sentence_bounds(toks, cue.t0)
        para_id = toks[cue.t0].paragraph_id
        sid = toks[cue.t0].sentence_id

        if cue.lemma == "according to":
            return self._according_to(cue, toks, quotes, sa, sb, para_id, sid)

        prev_i = cue.t0 - 1
        prev_w = self._word(toks[prev_i]) if prev_i >= sa else ""

        # participle cue: ", adding that …" — the speaker of the main clause
        if cue.form.endswith("ing") and prev_w == "," and cue.lemma not in ("continue",):
            src = self._latest_speaker(found, sid)
            if src is None:
                return None
            pieces, kind_end = self._forward_content(cue, toks, quotes, sa, sb)
            if not pieces:
                return None
            return _Attribution(pieces, "participle-cue", cue, src.mention, src.speaker,
                                src.actor, sid, para_id, unclosed=kind_end)

        # coordinated cue: "… estimated … and denounced …"
        if prev_w in ("and", "but") and not cue.form.endswith("ing"):
            src = self._latest_speaker(found, sid)
            if src is not None:
                pieces, unclosed = self._forward_content(cue, toks, quotes, sa, sb)
                if pieces:
                    return _Attribution(pieces, "coordinated-cue", cue, src.mention,
                                        src.speaker, src.actor, sid, para_id,
                                        unclosed=unclosed)
            return None

        # inverted: “…,” said Peskov. / …, said the minister.
        if prev_w in (",", "”", "\"", "’", "'", "»", "—", "–") or prev_i < sa:
            if cue.form.endswith("ing"):
                return None
            np_span = self._right_np(toks, cue.t1 + 1, sb)
            if np_span is None:
                return None
            pieces = self._backward_content(toks, quotes, sa, prev_i, cue)
            if not pieces:
                return None
            after = np_span[1] + 1
            pieces += self._discontinuous(toks, quotes, after, sb)
            return self._make(pieces, "quote-cue-speaker", cue, toks, np_span, sid, para_id,
                              quotes)

        # speaker before the cue
        j = prev_i
        skipped: list[str] = []
        while j >= sa and self._word(toks[j]).lower() in _SKIP_BEFORE_CUE:
            skipped.append(self._word(toks[j]).lower())
            j -= 1
        if j < sa:
            return None
        if skipped and skipped[0] in _BE_FORMS and not cue.form.endswith("ing"):
            return None  # passive ("it was said that"): no speaker here
        np_span = self._left_np(toks, j, sa)
        if np_span is None:
            return None
        before = np_span[0] - 1
        before_w = self._word(toks[before]) if before >= sa else ""
        fwd, unclosed = self._forward_content(cue, toks, quotes, sa, sb)
        backward_ok = before_w in (",", "”", "\"", "’", "'", "»", "—", "–") and (
            not fwd or self._only_adverbial(cue, toks, sb)
        )
        if backward_ok:
            pieces = self._backward_content(toks, quotes, sa, before, cue)
            if pieces:
                tail = self._frame_tail(cue, toks, sb)
                pieces += self._discontinuous(toks, quotes, tail, sb)
                rule = "quote-cue-speaker" if self._is_quote_piece(pieces[0]) else (
                    "clause-cue-speaker")
                return self._make(pieces, rule, cue, toks, np_span, sid, para_id, quotes)
        if not fwd:
            return None
        first = fwd[0]
        rule = "speaker-cue-quote" if self._is_quote_piece(first) and len(fwd) >= 1 and (
            self._all_quoted(fwd)) else "cue-that-clause"
        attr = self._make(fwd, rule, cue, toks, np_span, sid, para_id, quotes)
        attr.unclosed = unclosed
        return attr

    def _is_quote_piece(self, piece: tuple[int, int]) -> bool:
        s, e = piece
        return s > 0 and self.text[s - 1] in _OPENERS and (
            e >= len(self.text) or self.text[e] in _CLOSERS or e == len(self.text)
            or self.text[e:e + 1] in ("", "\n", "\r")
        )

    def _all_quoted(self, pieces: list[tuple[int, int]]) -> bool:
        return all(self._is_quote_piece(p) for p in pieces)

    def _latest_speaker(self, found: list[_Attribution], sid: int) -> _Attribution | None:
        for a in reversed(found):
            if a.sentence_id == sid and a.speaker is not None:
                return a
        return None

    def _only_adverbial(self, cue: _Cue, toks, sb: int) -> bool:
        """True when what follows the cue up to the sentence end is no content."""
        k = self._frame_tail(cue, toks, sb)
        return k >= sb or self._word(toks[k]) in (",", ";", ".", "!", "?", "—", "–", ":")

    def _frame_tail(self, cue: _Cue, toks, sb: int) -> int:
        """Token index after the cue and any trailing adverbial ("on Monday", "in Moscow")."""
        k = cue.t1 + 1
        while k < sb:
            w = self._word(toks[k])
            low = w.lower()
            if low in _ADVERBIAL_START or low in ("reporters", "journalists") or (
                low in _DETERMINERS and k > cue.t1 + 1
            ) or (_is_cap(w) and k > cue.t1 + 1 and self._word(toks[k - 1]).lower() in (
                "in", "on", "at", "to", "reporters")) or toks[k].kind == "number":
                k += 1
                continue
            if low in ("a", "an", "the", "statement", "interview", "press", "conference",
                       "briefing", "news", "an", "televised", "speech", "written", "told",
                       "with", "by", "phone", "telephone", "radio", "tv") and k <= cue.t1 + 8:
                k += 1
                continue
            break
        return k

    def _forward_content(self, cue: _Cue, toks, quotes, sa: int, sb: int):
        """Content after the cue up to the sentence end: (pieces, unclosed)."""
        text = self.text
        k = cue.t1 + 1
        if k >= sb:
            # "X continued:" with the quotation in the next paragraph
            return [], False
        # skip an addressee ("told reporters") or adverbials ("on Wednesday") to a marker
        limit = min(sb, k + 10)
        marker = None
        for m in range(k, limit):
            w = self._word(toks[m])
            if w.lower() in ("that", ":") or toks[m].kind == "quote" and text[toks[m].start] in _OPENERS:
                marker = m
                break
            if w == "," and m + 1 < sb and (
                self._word(toks[m + 1]).lower() == "that"
                or text[toks[m + 1].start] in _OPENERS
            ):
                marker = m
                break
        if marker is not None and marker > k:
            stretch = [self._word(t).lower() for t in toks[k:marker]]
            first = stretch[0]
            if cue.lemma in _ADDRESSEE_CUES or first in _ADVERBIAL_START or first in (
                "reporters", "journalists") or first in _DETERMINERS or _is_cap(
                    self._word(toks[k])):
                k = marker
            elif len(stretch) <= 2:
                k = marker
        elif cue.lemma in _ADDRESSEE_CUES and marker is None:
            # "told Breitbart News host X on Thursday how …": skip to a wh-word
            for m in range(k, min(sb, k + 14)):
                if self._word(toks[m]).lower() in _CONTENT_MARKERS:
                    k = m
                    break
        while k < sb and self._word(toks[k]) in (":", ",", "—", "–"):
            k += 1
        if k < sb and self._word(toks[k]).lower() == "that" and cue.lemma != "according to":
            k += 1
            while k < sb and self._word(toks[k]) == ",":
                k += 1
        if k >= sb:
            return [], False
        start = toks[k].start
        # the content runs to the end of the sentence, or to a following ", adding …"
        end_tok = sb
        for m in range(k + 1, sb):
            w = self._word(toks[m])
            low = w.lower()
            if w in (",", ";") and m + 1 < sb:
                nxt = self._word(toks[m + 1]).lower()
                if nxt.endswith("ing") and nxt in self.single_cues or nxt == "according":
                    end_tok = m
                    break
            if low in ("and", "but") and m + 1 < sb and m > k + 2:
                nxt = self._word(toks[m + 1])
                hit = self.single_cues.get(nxt)
                if hit and nxt.endswith(("ed", "ced")) and not self._in_any_quote(
                        toks[m].start, quotes):
                    end_tok = m
                    break
        end = toks[end_tok - 1].end
        # stop short of the sentence's final punctuation unless it sits inside quotes
        while end > start and text[end - 1] in ".!?;,:—– " and not self._in_any_quote(
                end - 1, quotes):
            end -= 1
        # a quotation that starts in the content may run past the sentence
        unclosed = False
        for o, c in quotes:
            if start <= o < end:
                if c is None:
                    end, unclosed = max(end, self._para_end(o)), True
                elif c + 1 > end:
                    end = c + 1
        if end <= start:
            return [], False
        # content that is one quotation: the words inside the marks
        if text[start] in _OPENERS:
            for o, c in quotes:
                if o == start and (c is None and unclosed or c is not None and c + 1 == end):
                    inner_end = c if c is not None else end
                    return [(start + 1, inner_end)], unclosed
        if len(text[start:end].split()) < 2 and not any(ch in _QUOTE_MARKS for ch in
                                                        text[start:end]):
            return [], False
        return [(start, end)], unclosed

    def _para_end(self, pos: int) -> int:
        for p in self.article.paragraph_spans:
            if p.start <= pos < p.end:
                return p.end
        return len(self.text)

    @staticmethod
    def _in_any_quote(pos: int, quotes) -> bool:
        return any(o < pos and (c is None or pos <= c) for o, c in quotes)

    def _backward_content(self, toks, quotes, sa: int, before: int, cue: _Cue):
        """Content before the speaker/cue frame: a quotation or a clause."""
        text = self.text
        if before < sa:
            # the cue opens the sentence: the previous sentence may end in a quotation
            end_pos = toks[sa].start
        else:
            end_pos = toks[before].start
        # a quotation that closes just before the frame
        probe = end_pos
        while probe > 0 and text[probe - 1] in " ,":
            probe -= 1
        if before >= sa and text[toks[before].start] in _CLOSERS:
            probe = toks[before].end
        for o, c in reversed(quotes):
            if c is not None and c + 1 == probe or (c is not None and c + 1 == toks[before].end
                                                    if before >= sa else False):
                inner = (o + 1, c)
                # strip a comma that closes the quotation inside the marks
                s_start = self.sentences[self._sentence_of(o)].start
                lead = text[s_start:o].strip()
                if not lead or lead[-1] in ":—–" or self._sentence_of(o) != toks[sa].sentence_id and (
                    not lead
                ):
                    return [inner]
                # words before the quotation in its sentence: a mixed clause
                return [(self._clause_start(toks, sa, o), c + 1)]
        if before < sa:
            return []
        # an unquoted clause from the sentence start to the comma
        start = self._clause_start(toks, sa, end_pos)
        end = end_pos
        while end > start and text[end - 1] in " ,":
            end -= 1
        if len(text[start:end].split()) < 3:
            return []
        return [(start, end)]

    def _clause_start(self, toks, sa: int, limit: int) -> int:
        start = toks[sa].start
        # a quotation that opened in an earlier sentence and closes in this one
        return start if start < limit else limit

    def _discontinuous(self, toks, quotes, k: int, sb: int) -> list[tuple[int, int]]:
        """“A,” he said, “B.” — the second piece, when it follows the frame."""
        text = self.text
        while k < sb and self._word(toks[k]) in (",", ":", "—", "–"):
            k += 1
        if k >= len(toks):
            return []
        pos = toks[k].start
        for o, c in quotes:
            if o == pos:
                end = c if c is not None else self._para_end(o)
                if end - o > 2:
                    return [(o + 1, end)]
        _ = text
        return []

    def _according_to(self, cue, toks, quotes, sa, sb, para_id, sid):
        np_span = self._right_np(toks, cue.t1 + 1, sb, allow_lower=True)
        if np_span is None:
            return None
        text = self.text
        if cue.t0 == sa or (cue.t0 > sa and self._word(toks[cue.t0 - 1]) in ("“", '"')):
            k = np_span[1] + 1
            while k < sb and self._word(toks[k]) != ",":
                k += 1
            k += 1
            if k >= sb:
                return None
            start = toks[k].start
            end = toks[sb - 1].end
            while end > start and text[end - 1] in ".!?;, " and not self._in_any_quote(
                    end - 1, quotes):
                end -= 1
            pieces = [(start, end)]
        elif cue.t0 > sa and self._word(toks[cue.t0 - 1]) == ",":
            pieces = self._backward_content(toks, quotes, sa, cue.t0 - 1, cue)
        else:
            return None
        if not pieces:
            return None
        return self._make(pieces, "according-to", cue, toks, np_span, sid, para_id, quotes)

    # ---------------------------------------------------------------- speakers
    def _left_np(self, toks, j: int, sa: int) -> tuple[int, int] | None:
        """Token range (first, last) of the speaker phrase ending at token ``j``."""
        text = self.text
        w = self._word(toks[j])
        if w == ",":
            # appositive: "Kerr Putney, the police chief, said"
            k = j - 1
            while k >= sa and self._word(toks[k]) != "," and j - k < 16:
                if self._word(toks[k]).lower() in ("that", "which", "who") or toks[k].kind == "quote":
                    return None
                k -= 1
            if k < sa or self._word(toks[k]) != ",":
                return None
            desc_first = self._word(toks[k + 1]).lower()
            if desc_first not in _DETERMINERS and desc_first not in self.titles and not (
                    _is_cap(self._word(toks[k + 1]))):
                return None
            head = self._left_np(toks, k - 1, sa) if k - 1 >= sa else None
            if head is None:
                return None
            return head[0], j - 1
        if w == ")":
            # "Gov. Pat McCrory (R)"
            k = j
            while k >= sa and self._word(toks[k]) != "(" and j - k < 8:
                k -= 1
            if k <= sa:
                return None
            inner = self._left_np(toks, k - 1, sa)
            return (inner[0], j) if inner else None
        low = w.lower()
        if toks[j].kind not in ("word", "number") or low in _STOP_LEFT or low in self.single_cues:
            return None
        if low in _PRONOUNS:
            return j, j
        first = j
        k = j - 1
        while k >= sa and j - k < 10:
            tk = toks[k]
            wk = self._word(tk)
            lk = wk.lower()
            if tk.kind == "quote" or wk in (",", ";", ":", "—", "–", "(", ")", "[", "]", "!", "?"):
                break
            if lk in _STOP_LEFT or lk in _PRONOUNS or lk in self.single_cues and not _is_cap(wk):
                break
            if tk.kind == "punct" and wk not in ("-", "&", ".", "’", "'"):
                break
            first = k
            k -= 1
        # drop a leading preposition phrase ("On Wednesday the Kremlin")
        words = [self._word(t) for t in toks[first:j + 1]]
        if words and words[0].lower() in _NP_PREPOSITIONS | {"on", "after", "in"}:
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
        if toks[first].kind == "number" and first == j:
            return None
        _ = text
        return first, j

    def _right_np(self, toks, k: int, sb: int, allow_lower: bool = True):
        """Token range of a speaker phrase starting at token ``k`` ("said Peskov")."""
        if k >= sb:
            return None
        w0 = self._word(toks[k])
        if w0.lower() in _PRONOUNS:
            return k, k
        if toks[k].kind != "word":
            return None
        if not (_is_cap(w0) or w0.lower() in _DETERMINERS or allow_lower):
            return None
        if w0.lower() in _STOP_LEFT or w0.lower() in _ADVERBIAL_START and not _is_cap(w0):
            return None
        last = k
        m = k + 1
        while m < sb and m - k < 12:
            wm = self._word(toks[m])
            lm = wm.lower()
            if toks[m].kind in ("quote",) or wm in (",", ";", ":", ".", "!", "?", "—", "–"):
                break
            if lm in _STOP_LEFT or lm in ("in", "on", "at", "during", "who", "told") or (
                    lm in self.single_cues and not _is_cap(wm)):
                break
            if toks[m].kind == "punct" and wm not in ("-", "&", "’", "'", "(", ")"):
                break
            last = m
            m += 1
        return k, last

    def _make(self, pieces, rule, cue, toks, np_span, sid, para_id, quotes) -> _Attribution:
        mention_start = toks[np_span[0]].start
        mention_end = toks[np_span[1]].end
        words = [self._word(t) for t in toks[np_span[0]:np_span[1] + 1]]
        speaker, actor, how = self._resolve(words)
        if how:
            rule = f"{rule}+{how}"
        return _Attribution(pieces, rule, cue, (mention_start, mention_end), speaker, actor,
                            sid, para_id)

    def _resolve(self, words: list[str]) -> tuple[str | None, str | None, str]:
        """Canonical speaker, actor and how it was found, from the mention's words."""
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in _PRONOUNS:
            want = _PRONOUNS[low[0]]
            if want == "self":
                return None, None, ""
            for canonical, ptype, actor, _ in reversed(self.history[-30:]):
                if want == "person" and ptype == "person" or want == "org" and ptype in (
                        "org", "place") or want == "group" and ptype in ("group", "org"):
                    return canonical, actor, "pronoun-carryover"
            return None, None, "pronoun-carryover"
        phrase = " ".join(words).replace(" ’s", "’s").replace(" 's", "'s")
        phrase = phrase.replace(" - ", "-").replace(" .", ".")
        # title-only mentions ("the spokesman") refer back to the last such speaker
        content = [w for w in low if w not in _DETERMINERS]
        if content and all(w in self.titles for w in content) and self.history:
            for canonical, ptype, actor, mwords in reversed(self.history[-30:]):
                if ptype == "person" and content[-1] in mwords:
                    return canonical, actor, "title-carryover"
        matches = self.gaz.find(phrase)
        if matches:
            persons = [m for m in matches if m[2].type == "person"]
            entry = (persons or matches)[-1][2]
            actor = entry.actor or self.gaz.actor_of_words(words)
            return entry.canonical, actor, ""
        # a name the article introduced earlier ("Caddell" after "Pat Caddell")
        if words and words[-1] in self.local_aliases and all(
                _is_cap(w) or w.lower() in self.titles for w in words):
            canonical, _ptype, actor = self.local_aliases[words[-1]]
            return canonical, actor or self.gaz.actor_of_words(words), ""
        name = self._name_from(words)
        actor = self.gaz.actor_of_words(words)
        return name, actor, ""

    def _name_from(self, words: list[str]) -> str | None:
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
            while len(run) > 1 and run[0].lower().rstrip(".") in {
                    t.rstrip(".") for t in self.titles}:
                run = run[1:]
            if run and not all(w.lower() in self.titles for w in run):
                return _join(run)
        start = 1 if low and low[0] in _DETERMINERS else 0
        rest = words[start:]
        return _join(rest) if rest else None

    def _remember(self, attr: _Attribution) -> None:
        if attr.speaker is None or attr.mention is None:
            return
        mention = self.text[attr.mention[0]:attr.mention[1]]
        mwords = tuple(w.lower().strip(",") for w in mention.split())
        if len(mwords) == 1 and mwords[0] in _PRONOUNS:
            return
        entry = self.gaz.by_canonical(attr.speaker)
        if entry is not None and entry.type:
            ptype = {"person": "person", "group": "group"}.get(entry.type, "org")
        else:
            ptype = self._guess_type(attr.speaker, mwords)
        self.history.append((attr.speaker, ptype, attr.actor, mwords))
        if ptype == "person":
            parts = attr.speaker.split()
            if len(parts) >= 2 and all(_is_cap(p) for p in parts):
                self.local_aliases[parts[-1]] = (attr.speaker, ptype, attr.actor)

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


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if not out or w in ("’s", "'s", "-", ".") or out.endswith(("-",)):
            out += w
        else:
            out += " " + w
    return out


def _kind(text: str, pieces: list[tuple[int, int]], cue_kind: str, quoted_pieces: bool) -> str:
    if quoted_pieces:
        return "direct"
    body = "".join(text[s:e] for s, e in pieces)
    has_quote = any(ch in "“”«»„\"‹›" for ch in body) or any(
        text[s:e].count("‘") and text[s:e].count("’") for s, e in pieces)
    if has_quote:
        return "mixed"
    return "belief" if cue_kind == "belief" else "indirect"


_INT_COLUMNS = ("quote_id", "start", "end", "sentence_id", "paragraph_id")
_NULLABLE_INT_COLUMNS = ("speaker_start", "speaker_end", "cue_start", "cue_end")


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Build the table column by column: far cheaper than ``astype`` on a whole frame."""
    columns: dict[str, Any] = {}
    for col in QUOTE_COLUMNS:
        values = [r[col] for r in rows]
        if col in _INT_COLUMNS:
            columns[col] = pd.array(values, dtype="int64")
        elif col in _NULLABLE_INT_COLUMNS:
            columns[col] = pd.array(values, dtype="Int64")
        elif col == "pieces":
            series = pd.Series([None] * len(values), dtype=object)
            for i, v in enumerate(values):
                series.iat[i] = v
            columns[col] = series.array
        else:
            columns[col] = pd.array(values, dtype=object)
    return pd.DataFrame(columns)


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
        quoted = all(s > 0 and text[s - 1] in _OPENERS for s, _ in pieces) and (
            attr.rule.split("+")[0] in ("quote-cue-speaker", "speaker-cue-quote",
                                         "quote-continuation")
            or all(s > 0 and text[s - 1] in _OPENERS for s, _ in pieces)
        )
        cue_kind = attr.cue.kind if attr.cue else "speech"
        rows.append({
            "kind": _kind(text, pieces, cue_kind, quoted),
            "text": text[start:end],
            "start": start,
            "end": end,
            "pieces": pieces,
            "speaker": attr.speaker,
            "speaker_start": attr.mention[0] if attr.mention else None,
            "speaker_end": attr.mention[1] if attr.mention else None,
            "cue": text[attr.cue.start:attr.cue.end] if attr.cue else None,
            "cue_start": attr.cue.start if attr.cue else None,
            "cue_end": attr.cue.end if attr.cue else None,
            "actor": attr.actor,
            "sentence_id": attr.sentence_id,
            "paragraph_id": attr.paragraph_id,
            "rule": attr.rule,
        })
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for i, row in enumerate(rows):
        row["quote_id"] = i
    return _frame(rows)
