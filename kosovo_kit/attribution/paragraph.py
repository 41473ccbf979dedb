"""What the frames read and write: one paragraph's tokens, and an attribution.

:class:`Paragraph` holds a paragraph's tokens as parallel lists (item ``i`` of each list
describes token ``i``), its quotations and its sentences; the frames take it as their
first argument and never change it. :class:`Attribution` is what a frame finds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..resources import read_word_list
from ..text import Article, TokenColumns
from .cues import Cue, CueEntry, cue_lexicon, is_verb_cue
from .marks import CLOSERS, OPENERS, Quotation, find_quotations
from .words import NOUNS_IN_LY

__all__ = ["Attribution", "Paragraph", "overlaps", "title_stems", "titles"]

Span = tuple[int, int]


@dataclass
class Attribution:
    """A statement found by a frame: content pieces, cue, speaker mention and rule."""

    pieces: list[Span]  # character spans of the content; empty: the content follows
    rule: str
    cue: Cue | None
    mention: Span | None  # character span of the speaker's mention
    speaker: str | None
    actor: str | None
    sentence_id: int
    paragraph_id: int
    unclosed: bool = False  # the content's quotation is still open at the paragraph end


@dataclass
class Paragraph:
    """One body paragraph's tokens (shared with the article's cache: read, never change).

    Token ``i`` is ``text[starts[i]:ends[i]] == words[i]``, of kind ``kinds[i]`` (word,
    number, punct or quote), in sentence ``sentence_ids[i]``; ``lows[i]`` is its lower
    case. ``sentence_ranges`` maps a sentence id to its token range ``[first, end)``.
    """

    text: str  # the whole article's text: offsets are the article's
    paragraph_id: int
    start: int
    end: int
    starts: list[int]
    ends: list[int]
    kinds: list[str]
    words: list[str]
    lows: list[str]
    sentence_ids: list[int]
    sentence_ranges: dict[int, tuple[int, int]]
    sentences: list[Any]  # the article's sentence spans, for sentence_of()
    cue_matches: list[re.Match[str]]
    quotes: list[Quotation] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    single_cues: dict[str, CueEntry] = field(default_factory=dict)
    double_cues: dict[str, dict[str, CueEntry]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()  # lower-case words of data/titles.txt

    @classmethod
    def read(
        cls, article: Article, span: Any, columns: TokenColumns, cue_matches: list[re.Match[str]]
    ) -> Paragraph:
        """The paragraph ``span`` of ``article`` with its token ``columns``."""
        text = article.text
        quotes = find_quotations(text, span.start, span.end)
        single, double = cue_lexicon()
        return cls(
            text,
            span.paragraph_id,
            span.start,
            span.end,
            columns.start,
            columns.end,
            columns.kind,
            columns.text,
            list(map(str.lower, columns.text)),
            columns.sentence_id,
            columns.sentence_ranges,
            article.sentence_spans,
            cue_matches,
            quotes,
            [q.open for q in quotes],
            single,
            double,
            titles(),
        )

    def sentence_bounds(self, ti: int) -> tuple[int, int]:
        """Token index range ``[first, end)`` of the sentence holding token ``ti``."""
        return self.sentence_ranges[self.sentence_ids[ti]]

    def sentence_of(self, pos: int) -> int:
        """The id of the article sentence holding character ``pos``."""
        sentences = self.sentences
        lo, hi = 0, len(sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if sentences[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return sentences[lo].sentence_id

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside one of the paragraph's quotations (by bisection)."""
        i = bisect_left(self.quote_opens, pos) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        return q.close is None or pos < q.close

    def opens(self, i: int) -> bool:
        """Token ``i`` is an opening quotation mark with a word right after it."""
        end = self.ends[i]
        text = self.text
        return (
            self.kinds[i] == "quote"
            and text[self.starts[i]] in OPENERS
            and (end < len(text) and not text[end].isspace())
        )

    def before_mark(self, k: int) -> int:
        """The token before the quotation mark at token ``k``: a mark typed as two
        apostrophes or backticks (''…'') is two tokens, and the token before it is two back."""
        if k >= 1 and self._pair_mark(k - 1):
            return k - 2
        return k - 1

    def after_mark(self, k: int) -> int:
        """The token after the quotation mark at token ``k`` (see :meth:`before_mark`)."""
        if self._pair_mark(k):
            return k + 2
        return k + 1

    def _pair_mark(self, k: int) -> bool:
        """Tokens ``k`` and ``k + 1`` are one mark typed as two apostrophes or backticks."""
        starts = self.starts
        return (
            k + 1 < len(starts)
            and self.ends[k] == starts[k + 1]
            and self.kinds[k] == self.kinds[k + 1] == "quote"
            and self.words[k] == self.words[k + 1]
            and self.words[k] in ("'", "`")
        )

    def is_quote_piece(self, piece: Span) -> bool:
        """The piece is the inside of a quotation: a mark before it and after it."""
        s, e = piece
        text = self.text
        return (
            s > 0
            and text[s - 1] in OPENERS
            and (e >= len(text) or text[e] in CLOSERS or text[e] in "\r\n")
        )

    def all_quoted(self, pieces: list[Span]) -> bool:
        return all(self.is_quote_piece(p) for p in pieces)

    def possessive_mark(self, k: int) -> bool:
        """True for the apostrophe of a plural possessive ("officials’ statement")."""
        start = self.starts[k]
        if self.text[start] not in "’'" or k == 0:
            return False
        prev_end = self.ends[k - 1]
        return (
            self.kinds[k - 1] == "word" and prev_end == start and (self.text[prev_end - 1] in "sS")
        )

    def joined(self, k: int) -> bool:
        """Token ``k`` touches the tokens on both sides: a hyphen inside "14-year"."""
        return (
            0 < k < len(self.starts) - 1
            and self.ends[k - 1] == self.starts[k]
            and self.ends[k] == self.starts[k + 1]
        )

    def is_verb_cue(self, word: str) -> bool:
        """A reporting verb that cannot be a noun here ("said", "told"; not "plans")."""
        return is_verb_cue(self.single_cues, word)

    def unwrapped(self, piece: Span) -> Span:
        """A piece that is exactly one quotation, marks and all, becomes the words inside
        them: quoted content reads the same whatever frame introduced it."""
        s, e = piece
        i = bisect_left(self.quote_opens, s)
        if i < len(self.quotes):
            q = self.quotes[i]
            if q.open == s and q.close == e:
                return (q.inner_start, q.inner_end)
        return piece


@cache
def titles() -> frozenset[str]:
    """Lower-case titles and roles from ``data/titles.txt`` ("president", "gen.")."""
    return frozenset(w.casefold() for w in read_word_list("titles.txt"))


# The shortest word read as an "-ly" adverb: "only" and "fly" are too short to tell
MIN_ADVERB_CHARS = 5


def is_adverb(word: str) -> bool:
    """A lower-case "-ly" word that is not a noun: "politely", "officially"."""
    return (
        len(word) >= MIN_ADVERB_CHARS
        and word.endswith("ly")
        and word.islower()
        and word not in NOUNS_IN_LY
    )


@cache
def title_stems() -> frozenset[str]:
    """Titles without a final period: "gen" for "gen.", to match "Gen" and "Gen."."""
    return frozenset(t.rstrip(".") for t in titles())


def overlaps(a: list[Span], b: list[Span]) -> bool:
    """Whether any piece of ``a`` overlaps any piece of ``b``."""
    if len(a) == 1 and len(b) == 1:  # the usual case, without a generator
        return a[0][0] < b[0][1] and b[0][0] < a[0][1]
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)
