"""Paragraphs, sentences and word tokens, each as character spans into the text.

Sentence splitting uses NLTK's Punkt algorithm with parameters the kit ships
(``data/abbreviations.txt``), so nothing is downloaded; its break decision is
computed on token strings, with the same results as NLTK's. Word tokens come from
an NLTK tokenizer (``TokenizerI``) built on one compiled regular expression, which
keeps tokenising far faster than the Treebank tokenizer while still splitting
clitics, quotation marks and punctuation the way news analysis needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from nltk.tokenize.api import TokenizerI
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from .patterns import trie_pattern
from .resources import read_word_list

# Which characters are tokens of kind "quote", and which end a sentence after its final
# stop. How marks pair into quotations is kosovo_kit.attribution.marks; it reads a subset
# of these (the reversed mark ‛ is a token here but opens no quotation there).
#: Characters treated as quotation marks (straight, curly, guillemets, low-9).
QUOTE_CHARS = "\"'“”„‟«»‹›‘’‚‛`"
#: Quotation marks that can only open a quotation.
OPENING_QUOTES = "“„‟«‹‘‚‛"
#: Quotation marks that can only close a quotation.
CLOSING_QUOTES = "”»›’"

# One code point to one code point, so offsets survive: Punkt only knows straight quotes.
_PUNKT_QUOTES = [(c, '"') for c in "“”„‟«»"] + [(c, "'") for c in "‹›‘’‚‛"]

_TERMINAL = ".!?…"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\f\v\u00a0\u2000-\u200b\u3000]*(?:\r\n|\r|\n)")


def _straight_quotes(s: str) -> str:
    # a dozen replace() calls scan in C; translate() looks every character up in a dict
    for curly, straight in _PUNKT_QUOTES:
        s = s.replace(curly, straight)
    return s


@cache
def abbreviations() -> frozenset[str]:
    """Return the shipped abbreviations, lower-cased, without their final period."""
    return frozenset(a.lower().rstrip(".") for a in read_word_list("abbreviations.txt"))


class _NewsLanguageVars(PunktLanguageVars):
    """Punkt's English settings, with its own patterns compiled by the standard ``re``.

    NLTK runs every pattern through a time-limited third-party regex engine, which
    costs more than the splitting itself on news-sized input. These are NLTK's
    patterns, which match in linear time, so the stdlib engine is safe here.
    """

    __slots__ = ()
    re_boundary_realignment = re.compile(
        r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', re.MULTILINE
    )

    def _compiled(self, slot: str, fmt: str) -> re.Pattern[str]:
        try:
            return getattr(self, slot)
        except AttributeError:
            pattern = re.compile(
                fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                    "SentEndChars": self._re_sent_end_chars,
                },
                re.UNICODE | re.VERBOSE,
            )
            setattr(self, slot, pattern)
            return pattern

    def _word_tokenizer_re(self):
        return self._compiled("_re_word_tokenizer", self._word_tokenize_fmt)

    def period_context_re(self):
        return self._compiled("_re_period_context", self._period_context_fmt)


class _NewsToken(PunktToken):
    """Punkt's token with its (linear-time) patterns compiled by the standard ``re``."""

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
    _RE_ALPHA = re.compile(r"[^\W\d]+$", re.UNICODE)


# A paragraph without this has one sentence, and Punkt need not look at it.
_BREAK_CANDIDATE = re.compile(r"[.!?][\"')\]}’”»]*\s+\S|[.!?][\"')\]}’”»]+\S")


# Tokens that Punkt's orthographic heuristic says never start a sentence.
_PUNKT_PUNCTUATION = (";", ":", ",", ".", "!", "?")


class _NewsPunkt(PunktSentenceTokenizer):
    """Punkt with its break decision computed on token strings.

    The kit's parameters hold abbreviations only: no collocations, sentence starters
    or orthographic statistics. With those empty, Punkt's two annotation passes
    reduce to the rules below, and building a ``PunktToken`` per token of every
    candidate context cost more than the rest of the sentence splitting. Parameters
    with statistics fall back to NLTK's own decision.
    """

    _NUMBER = "##number##"

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params, lang_vars=_NewsLanguageVars(), token_cls=_NewsToken)
        self._untrained = not (
            params.collocations or params.sent_starters or any(params.ortho_context.values())
        )
        self._words = self._lang_vars._word_tokenizer_re().findall
        self._abbrevs = params.abbrev_types

    def text_contains_sentbreak(self, text: str) -> bool:
        if not self._untrained:
            return super().text_contains_sentbreak(text)
        toks = [t for line in text.split("\n") if line.strip() for t in self._words(line)]
        # as in Punkt, a break on the last token does not count
        return any(self._breaks(toks[i], toks[i + 1]) for i in range(len(toks) - 1))

    def _breaks(self, tok: str, nxt: str) -> bool:
        # first pass: sentence-end characters break; so does a final period that does
        # not end a known abbreviation or an ellipsis
        if tok in (".", "?", "!"):
            return True
        if not tok.endswith(".") or tok.endswith(".."):
            return False
        low = tok[:-1].lower()
        if low in self._abbrevs or low.split("-")[-1] in self._abbrevs:
            return False
        if tok == "No." and nxt[:1].isdigit():
            return False  # "the No. 2 in the party": a number sign, not the word "no"
        # second pass: an initial or a number before punctuation or a lower-case word
        # does not end a sentence, nor does an initial before an upper-case word
        typ = _NewsToken._RE_NUMERIC.sub(self._NUMBER, tok.lower())
        if len(typ) > 1 and typ[-1] == ".":
            typ = typ[:-1]
        initial = _NewsToken._RE_INITIAL.match(tok) is not None
        if initial or typ == self._NUMBER:
            if nxt in _PUNKT_PUNCTUATION or nxt[0].islower():
                return False
            if initial and nxt[0].isupper():
                return False
        return True


@cache
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return _NewsPunkt(params)


@cache
def _boilerplate_pattern() -> re.Pattern[str]:
    patterns = read_word_list("boilerplate.txt")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_clause(line: str) -> bool:
    return bool(line) and line[-1] in _TERMINAL + ":;”\"’')]»"


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split text into paragraph spans.

    A blank line always ends a paragraph. Within a block of consecutive lines, a
    line break also ends one unless the text is hard-wrapped: the line does not
    end a clause and the next line starts in lower case, or every line of the
    block but the last is long and none ends a clause.

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` of each paragraph, without surrounding white space.
    """
    spans: list[tuple[int, int]] = []
    block_start = 0
    for match in [*_BLANK_LINE.finditer(text), None]:
        block_end = match.start() if match else len(text)
        spans.extend(_split_block(text, block_start, block_end))
        if match:
            block_start = match.end()
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = []
    pos = start
    for m in _LINE_BREAK.finditer(text, start, end):
        lines.append(_strip_span(text, pos, m.start()))
        pos = m.end()
    lines.append(_strip_span(text, pos, end))
    lines = [(s, e) for s, e in lines if e > s]
    if not lines:
        return []
    wrapped_block = len(lines) > 2 and all(
        e - s >= 50 and not _ends_clause(text[s:e]) for s, e in lines[:-1]
    )
    out = [lines[0]]
    for s, e in lines[1:]:
        ps, pe = out[-1]
        prev = text[ps:pe]
        joins = wrapped_block or (not _ends_clause(prev) and text[s].islower())
        if joins:
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def _is_headline_like(line: str) -> bool:
    if len(line) > 160:
        return False  # before splitting: most paragraphs are longer
    words = line.split()
    bare = line.rstrip("”’\"'»›)] ")
    return (
        0 < len(words) <= 16
        and bool(bare)
        and bare[-1] not in ".,;:…"
        and any(ch.isalpha() for ch in line)
    )


def _normalise_title(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", line.casefold()).split())


def classify_paragraphs(
    text: str, spans: list[tuple[int, int]], title: str | None = None
) -> list[str]:
    """Give each paragraph a kind: ``title``, ``heading``, ``body`` or ``boilerplate``.

    The rules are general: the first paragraph is the title when it reads as a
    headline (short, no closing sentence punctuation) or equals ``title``; a
    paragraph right after the title that repeats it is boilerplate (of two copies that
    differ only in punctuation, the one written exactly as ``title`` is the title), one that is
    headline-like and not a sentence is a subtitle (``title``); later short lines
    without final punctuation are headings; lines matching a pattern of
    ``data/boilerplate.txt`` (SEE ALSO, READ MORE, Related: …) are boilerplate.

    Returns
    -------
    list of str
        One kind per span.
    """
    boiler = _boilerplate_pattern()
    title_key = _normalise_title(title) if title else None
    kinds: list[str] = []
    seen_title: str | None = None
    in_title_block = True
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        # the normalised form is only compared within the title block
        key = _normalise_title(line) if in_title_block else ""
        if boiler.match(line) or (in_title_block and seen_title is not None and key == seen_title):
            kind = "boilerplate"
        elif in_title_block and (
            (i == 0 and (_is_headline_like(line) or key == title_key))
            or (i > 0 and seen_title is not None and key == title_key)
            or (
                i == 1
                and seen_title is not None
                and _is_headline_like(line)
                and not line.rstrip("”\"’'").endswith(("!", "?"))
            )
        ):
            kind = "title"
            seen_title = seen_title or key
        elif _is_headline_like(line) and not _ends_clause(line) and len(line.split()) <= 12:
            kind = "heading"
        else:
            kind = "body"
        if kind not in ("title", "boilerplate"):
            in_title_block = False
        kinds.append(kind)
    return _prefer_exact_title(text, spans, kinds, title)


def _prefer_exact_title(
    text: str, spans: list[tuple[int, int]], kinds: list[str], title: str | None
) -> list[str]:
    """Of headline copies that differ only in punctuation, the one written exactly as the
    given title is the title and the others are duplicates (boilerplate): sites print a
    plain copy of the headline above the real one."""
    if not title:
        return kinds
    exact = title.strip()
    block = []
    for i, kind in enumerate(kinds):
        if kind not in ("title", "boilerplate"):
            break
        block.append(i)
    chosen = next((i for i in block if text[spans[i][0] : spans[i][1]].strip() == exact), None)
    if chosen is None or kinds[chosen] == "title":
        return kinds
    key = _normalise_title(exact)
    for i in block:
        if _normalise_title(text[spans[i][0] : spans[i][1]]) == key:
            kinds[i] = "title" if i == chosen else "boilerplate"
    return kinds


def _closing_quote_fix(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Punkt can leave a closing quotation mark or bracket at the start of the next sentence.
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            k = s
            while k < e and text[k] in CLOSING_QUOTES + "\")]'":
                k += 1
            closes = k > s and (k == e or text[k].isspace())
            if closes and text[pe - 1] in _TERMINAL + CLOSING_QUOTES + "\"')]":
                out[-1] = (ps, k)
                s, e = _strip_span(text, k, e)
                if e <= s:
                    continue
        out.append((s, e))
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentence spans with Punkt.

    Curly quotes and guillemets are mapped one-to-one onto straight quotes before
    Punkt sees the text, so offsets stay exact and a closing quotation mark stays
    with its sentence.

    Returns
    -------
    list of (int, int)
        Absolute ``(start, end)`` offsets into ``text``.
    """
    end = len(text) if end is None else end
    if not _BREAK_CANDIDATE.search(text, start, end):
        s, e = _strip_span(text, start, end)
        return [(s, e)] if e > s else []
    chunk = _straight_quotes(text[start:end])
    spans = [
        _strip_span(text, start + s, start + e)
        for s, e in _sentence_tokenizer().span_tokenize(chunk)
    ]
    spans = _closing_quote_fix(text, [(s, e) for s, e in spans if e > s])
    return _join_lowercase_starts(text, _split_after_abbreviations(text, spans))


# An abbreviation that often ends a sentence ("… in the U.S. He said …"), followed by a
# word that usually starts one: Punkt without orthographic statistics would not split there.
_ABBREV_THEN_START = re.compile(
    trie_pattern(
        ["U.S", "U.K", "U.N", "E.U", "D.C", "a.m", "p.m", "Inc", "Jr", "Corp", "Ltd"],
        flexible_space=False,
        not_after=r"\w",
    )
    + r"\.(?=\s+(?:He|She|It|They|We|I|"
    r"The|A|An|But|And|In|This|That|These|Those|Its|His|Her|Their|Our|There|However|"
    r"Meanwhile|Still|Yet|So|Now|Then|After|Before|When|While|If|As)\b)"
)


def _split_after_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in _ABBREV_THEN_START.finditer(text, s, e):
            cut = m.end()
            out.append((s, cut))
            s, _ = _strip_span(text, cut, e)
        if e > s:
            out.append((s, e))
    return out


def _join_lowercase_starts(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Untrained Punkt ends a sentence at any period not known as an abbreviation
    # ("(D-Mass.) said"); an English sentence does not start in lower case, nor with a
    # closing bracket or a comma ("(D-Mo.), who …").
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and (text[s].islower() or text[s] in ")],;"):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class NewsTokenizer(TokenizerI):
    """NLTK word tokenizer for news: words, numbers, clitics, quotes and punctuation.

    One compiled pattern with named groups gives each token's kind as it matches.
    Matches start only where the previous token ended, so an abbreviation needs no
    look-behind: it is tried only at the start of a word.
    Known abbreviations keep their period ("Gen.", "Dec.", "ed."); the list is
    folded into a character trie, so every alternative fails on its first
    character when it does not apply and the pattern runs in linear time.

    Parameters
    ----------
    abbreviations : iterable of str
        Abbreviations without their final period (case is ignored).
    """

    _REST = r"""
          | (?:[^\W\d_]\.){2,}                                 # initialisms: U.S., e.g.
          | [’'](?i:s|re|ll|ve|d|m|t)\b                          # clitics: 's 're 'll …
          | [^\W\d_][^\W_]*(?:(?:[-‐]|[’'](?!(?i:s|re|ll|ve|d|m|t)\b))[^\W_]+)*)
      | (?P<number>[+-]?\d[^\W_]*(?:[.,:/-]\d+)*%?)
      | (?P<quote>[\"'“”„‟«»‹›‘’‚‛`])
      | (?P<punct>\.{2,}|-{2,}|\S)
    """

    def __init__(self, abbreviations: Iterable[str] = ()) -> None:
        forms = {a for a in abbreviations if a}
        forms |= {a[:1].upper() + a[1:] for a in forms} | {a.upper() for a in forms}
        abbrev = trie_pattern(forms, flexible_space=False)
        # Most tokens are plain words: a run of letters and digits followed by none of
        # the characters that let a longer alternative below apply (a URL's ":", an
        # abbreviation's or initialism's ".", a hyphen, an apostrophe). Trying that
        # first gives the same tokens and spares every plain word the alternatives.
        joiners = set(".:-‐’'") | {c for f in forms for c in f if not re.match(r"[^\W_]", c)}
        plain = r"[^\W\d_][^\W_]*+(?![" + "".join(map(re.escape, sorted(joiners))) + "])"
        self._pattern = re.compile(
            r"(?P<word>"
            + plain
            + r"""                                  # plain word
          | https?://[^\s<>"“”]+[^\s<>"“”.,;:!?)\]’']                    # URL
          | (?:"""
            + abbrev
            + r""")\.(?![^\W\d_])       # abbreviations"""
            + self._REST,
            re.VERBOSE,
        )
        # The same tokens, each match taking the white space before its token: a scan
        # then never fails at a space, which spares a failed match per space. Used only
        # on ranges that end in a token, where every match succeeds (linear time).
        self._after_space = re.compile(r"\s*+(?:" + self._pattern.pattern + ")", re.VERBOSE)

    def tokenize(self, s: str) -> list[str]:
        return [m.group() for m in self._pattern.finditer(s)]

    def span_tokenize(self, s: str):
        for m in self._pattern.finditer(s):
            yield m.span()

    def kind_spans(self, s: str, pos: int = 0, endpos: int | None = None):
        """Return ``(start, end, kind)`` for every token of ``s[pos:endpos]``."""
        endpos = len(s) if endpos is None else endpos
        return [(m.start(), m.end(), m.lastgroup) for m in self._pattern.finditer(s, pos, endpos)]


@cache
def _word_tokenizer() -> NewsTokenizer:
    return NewsTokenizer(abbreviations())


def _end_at_token(text: str, start: int, end: int | None) -> int:
    # the patterns that take the white space before a token need a range that ends in
    # one (see NewsTokenizer._after_space)
    end = len(text) if end is None else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def token_matches(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Match the tokens of ``text[start:end]``, one regex match each.

    A match also covers the white space before its token: the token is the match's
    group named by ``lastgroup``, which is the token's kind (see
    :func:`tokenize_words`), so ``m.span(m.lastgroup)`` gives its absolute offsets.
    Cheaper than :func:`tokenize_words` for a caller that builds its own rows.
    """
    return _word_tokenizer()._after_space.finditer(text, start, _end_at_token(text, start, end))


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """The number of ``word`` tokens in ``text[start:end]`` (see :func:`tokenize_words`)."""
    return sum(m.lastgroup == "word" for m in token_matches(text, start, end))


def tokenize_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Tokenise ``text[start:end]`` into word, number, punctuation and quote tokens.

    A known abbreviation keeps its period ("Gen.", "Dec.", "ed."), as do
    initialisms ("U.S.").

    Returns
    -------
    list of (int, int, str)
        Absolute ``(start, end, kind)``; kind is ``word``, ``number``, ``punct`` or ``quote``.
    """
    return _word_tokenizer().kind_spans(text, start, end)
