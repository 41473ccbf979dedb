"""The text model: an :class:`Article` and its paragraphs, sentences and tokens.

Every piece carries ``start``/``end`` character offsets into ``Article.text``, and
``article.text[start:end] == text`` holds for every row of every table.
"""

from __future__ import annotations

import html
import json
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from . import tokenise
from .gc_pause import gc_paused
from .resources import data_path

#: Files larger than this are refused by :func:`load_article` unless told otherwise.
DEFAULT_MAX_BYTES = 20_000_000

PARAGRAPH_KINDS = ("title", "heading", "body", "boilerplate")


class Paragraph(NamedTuple):
    """A paragraph span; ``kind`` is one of :data:`PARAGRAPH_KINDS`."""

    paragraph_id: int
    kind: str
    start: int
    end: int


class Sentence(NamedTuple):
    """A sentence span inside one paragraph."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int


class Token(NamedTuple):
    """A token span; ``kind`` is ``word``, ``number``, ``punct`` or ``quote``."""

    token_id: int
    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    kind: str


class TokenColumns(NamedTuple):
    """Tokens as parallel lists: item ``i`` of each list describes token ``i``.

    What the attribution reads, paragraph by paragraph: no object per token, and each
    word already cut from the text.
    """

    start: list[int]
    end: list[int]
    kind: list[str]
    text: list[str]
    sentence_id: list[int]
    #: sentence id -> its token index range ``[a, b)``, for sentences with tokens
    sentence_ranges: dict[int, tuple[int, int]]


def _sentence_token_columns(text: str, sentences: list[Sentence]) -> TokenColumns:
    """Tokenise each sentence on its own into :class:`TokenColumns`."""
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    words: list[str] = []
    sids: list[int] = []
    ranges: dict[int, tuple[int, int]] = {}
    matches = tokenise.token_matches
    for sent in sentences:
        a = len(starts)
        for m in matches(text, sent.start, sent.end):
            kind = str(m.lastgroup)  # every alternative of the token pattern is a named group
            # the match ends where its token does (it takes the white space before it):
            # one call gives the word, and its start follows from its length
            word = m[kind]
            e = m.end()
            starts.append(e - len(word))
            ends.append(e)
            kinds.append(kind)
            words.append(word)
        b = len(starts)
        if b > a:
            ranges[sent.sentence_id] = (a, b)
            sids += [sent.sentence_id] * (b - a)
    return TokenColumns(starts, ends, kinds, words, sids, ranges)


def _columns_of(text: str, tokens: list[Token], sentences: list[Sentence]) -> TokenColumns:
    """:class:`TokenColumns` of one paragraph's tokens already built, and its sentences."""
    starts = [t.start for t in tokens]
    ranges: dict[int, tuple[int, int]] = {}
    for sent in sentences:
        # tokens never cross a sentence end, so bisecting the sentence bounds finds them
        a = bisect_left(starts, sent.start)
        b = bisect_left(starts, sent.end, a)
        if b > a:
            ranges[sent.sentence_id] = (a, b)
    return TokenColumns(
        starts,
        [t.end for t in tokens],
        [t.kind for t in tokens],
        [text[t.start : t.end] for t in tokens],
        [t.sentence_id for t in tokens],
        ranges,
    )


def _sentence_tokens(text: str, sentences: list[Sentence]) -> list[Token]:
    """Tokenise each sentence on its own, so no token crosses a sentence end.

    ``token_id`` counts from 0 in the list returned.
    """
    tokens: list[Token] = []
    matches = tokenise.token_matches
    for sent in sentences:
        sid, pid = sent.sentence_id, sent.paragraph_id
        for m in matches(text, sent.start, sent.end):
            kind = str(m.lastgroup)
            tokens.append(Token(len(tokens), sid, pid, m.start(kind), m.end(kind), kind))
    return tokens


def check_text(text: object, what: str = "text") -> str:
    """Return ``text`` if it is a non-blank ``str``, else raise a clear error.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str`` (bytes included: decode them first).
    ValueError
        If ``text`` is empty or holds only white space.
    """
    if not isinstance(text, str):
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))"
            if isinstance(text, (bytes, bytearray))
            else ""
        )
        raise TypeError(f"{what} must be a str, not {type(text).__name__}{hint}")
    if not text.strip():
        raise ValueError(f"{what} is empty or holds only white space: nothing to analyse")
    return text


@dataclass(eq=False)
class Article:
    """A news article: its exact text, title and metadata, split on demand.

    Build one with :meth:`Article.from_text` or :func:`load_article`. The
    structure tables are computed once, on first use.

    Attributes
    ----------
    text : str
        The exact text; all offsets point into it.
    title : str or None
        The title, given or taken from the first paragraph when it reads as one.
    metadata : dict
        Anything else known about the article (date, source, language, …).
    """

    text: str
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, title: str | None = None, **metadata: Any) -> Article:
        """Build an article from a string.

        Parameters
        ----------
        text : str
            The article text, kept exactly as given.
        title : str, optional
            The title; when omitted, the first paragraph is used if it reads as a title.
        **metadata
            Stored in :attr:`metadata`.

        Raises
        ------
        TypeError, ValueError
            If ``text`` is not a str, or is empty / white space only.
        """
        check_text(text, "article text")
        article = cls(text=text, title=title, metadata=dict(metadata))
        if article.title is None:
            titles = [p for p in article.paragraph_spans if p.kind == "title"]
            if titles:
                article.title = text[titles[0].start : titles[0].end]
        return article

    # Fast, list-based structure: the other modules read these.
    @cached_property
    def paragraph_spans(self) -> list[Paragraph]:
        """Paragraphs as :class:`Paragraph` tuples."""
        spans = tokenise.split_paragraphs(self.text)
        kinds = tokenise.classify_paragraphs(self.text, spans, self.title)
        return [Paragraph(i, k, s, e) for i, ((s, e), k) in enumerate(zip(spans, kinds))]

    @cached_property
    @gc_paused
    def sentence_spans(self) -> list[Sentence]:
        """Sentences as :class:`Sentence` tuples, in text order."""
        out: list[Sentence] = []
        for p in self.paragraph_spans:
            for s, e in tokenise.split_sentences(self.text, p.start, p.end):
                out.append(Sentence(len(out), p.paragraph_id, s, e))
        return out

    @cached_property
    @gc_paused
    def token_spans(self) -> list[Token]:
        """Tokens as :class:`Token` tuples, in text order."""
        return _sentence_tokens(self.text, self.sentence_spans)

    def paragraph_tokens(self, paragraph_id: int) -> list[Token]:
        """The tokens of one paragraph, with the ``token_id`` they have in :attr:`tokens`.

        Taken from :attr:`token_spans` when the whole article is already tokenised;
        otherwise this paragraph is tokenised, and the paragraphs before it only as far
        as needed to number its tokens (their columns are kept for later readers).
        """
        if "token_spans" in self.__dict__:
            return self._paragraph_slice(paragraph_id)
        # the ids must not depend on what happens to be tokenised already
        first = sum(
            len(self.paragraph_token_columns(p.paragraph_id).start)
            for p in self.paragraph_spans[:paragraph_id]
        )
        cols = self.paragraph_token_columns(paragraph_id)
        return [
            Token(i, sid, paragraph_id, s, e, k)
            for i, (sid, s, e, k) in enumerate(
                zip(cols.sentence_id, cols.start, cols.end, cols.kind), first
            )
        ]

    def paragraph_token_columns(self, paragraph_id: int) -> TokenColumns:
        """The tokens of one paragraph as :class:`TokenColumns`.

        Cut from :attr:`token_spans` when the whole article is already tokenised;
        otherwise the paragraph is tokenised once and kept, and the lists are shared by
        every caller: read them, do not change them.
        """
        if "token_spans" in self.__dict__:
            return _columns_of(
                self.text,
                self._paragraph_slice(paragraph_id),
                self._sentences_by_paragraph.get(paragraph_id, []),
            )
        cols = self._paragraph_column_cache.get(paragraph_id)
        if cols is None:
            cols = self._paragraph_column_cache[paragraph_id] = _sentence_token_columns(
                self.text, self._sentences_by_paragraph.get(paragraph_id, [])
            )
        return cols

    def _paragraph_slice(self, paragraph_id: int) -> list[Token]:
        p = self.paragraph_spans[paragraph_id]
        starts = self._token_starts
        return self.token_spans[bisect_left(starts, p.start) : bisect_left(starts, p.end)]

    @cached_property
    def word_count(self) -> int:
        """The number of ``word`` tokens.

        Counted from :attr:`token_spans` or the paragraphs already tokenised; the other
        paragraphs' words are counted without building their tokens.
        """
        if "token_spans" in self.__dict__:
            return sum(t.kind == "word" for t in self.token_spans)
        done = self._paragraph_column_cache
        n = 0
        for pid, sentences in self._sentences_by_paragraph.items():
            if pid in done:
                n += done[pid].kind.count("word")
            else:
                n += sum(tokenise.count_words(self.text, s.start, s.end) for s in sentences)
        return n

    @cached_property
    def _paragraph_column_cache(self) -> dict[int, TokenColumns]:
        return {}

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.token_spans]

    @cached_property
    def _sentences_by_paragraph(self) -> dict[int, list[Sentence]]:
        groups: dict[int, list[Sentence]] = {}
        for sent in self.sentence_spans:
            groups.setdefault(sent.paragraph_id, []).append(sent)
        return groups

    # Tidy tables for users.
    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """Paragraphs: ``paragraph_id, kind, start, end, text``."""
        return self._frame(self.paragraph_spans, Paragraph._fields)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Sentences: ``sentence_id, paragraph_id, start, end, text``."""
        return self._frame(self.sentence_spans, Sentence._fields)

    @cached_property
    def tokens(self) -> pd.DataFrame:
        """Tokens: ``token_id, sentence_id, paragraph_id, start, end, text, kind``."""
        return self._frame(self.token_spans, Token._fields, text_at=5)

    @gc_paused
    def _frame(
        self,
        rows: Sequence[Paragraph | Sentence | Token],
        fields: tuple[str, ...],
        text_at: int | None = None,
    ) -> pd.DataFrame:
        # typed NumPy columns, each read straight off the tuples: far cheaper than
        # inferring and casting. The text column goes at ``text_at`` (default: last).
        text = self.text
        n = len(rows)
        columns: dict[str, Any] = {}
        for i, name in enumerate(fields):
            if i == text_at:
                columns["text"] = None  # keeps its place in the column order
            get = itemgetter(i)
            if name == "kind":
                columns[name] = np.array(list(map(get, rows)), dtype=object)
            else:
                columns[name] = np.fromiter(map(get, rows), dtype=np.int64, count=n)
        columns["text"] = np.array([text[r.start : r.end] for r in rows], dtype=object)
        return pd.DataFrame(columns, copy=False)

    def span(self, start: int, end: int) -> str:
        """Return ``text[start:end]`` after checking the bounds."""
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span ({start}, {end}) is outside the text (length {len(self.text)})")
        return self.text[start:end]

    def body_text(self) -> str:
        """The body paragraphs joined by blank lines (no title, headings or boilerplate)."""
        return "\n\n".join(
            self.text[p.start : p.end] for p in self.paragraph_spans if p.kind == "body"
        )

    def summary(self) -> dict[str, Any]:
        """Counts of paragraphs by kind, sentences, tokens and words."""
        kinds = {k: 0 for k in PARAGRAPH_KINDS}
        for p in self.paragraph_spans:
            kinds[p.kind] += 1
        return {
            "title": self.title,
            "characters": len(self.text),
            "paragraphs": len(self.paragraph_spans),
            **{f"{k}_paragraphs": n for k, n in kinds.items()},
            "sentences": len(self.sentence_spans),
            "tokens": len(self.token_spans),
            "words": self.word_count,
        }

    def __repr__(self) -> str:
        title = self.title if self.title is not None else self.text[:40]
        return f"Article(title={title!r}, characters={len(self.text)})"

    def _repr_html_(self) -> str:
        s = self.summary()
        meta = "".join(
            f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
            f"<td style='text-align:left'>{html.escape(str(v))}</td></tr>"
            for k, v in self.metadata.items()
        )
        paras = "".join(
            f"<p title='{p.kind}' style='margin:0.3em 0;{_KIND_STYLE[p.kind]}'>"
            f"{html.escape(self.text[p.start : p.end])}</p>"
            for p in self.paragraph_spans[:6]
        )
        more = len(self.paragraph_spans) - 6
        tail = f"<p style='color:#777'>… {more} more paragraphs</p>" if more > 0 else ""
        return (
            f"<div><b>{html.escape(str(s['title']))}</b><br>"
            f"<small>{s['paragraphs']} paragraphs · {s['sentences']} sentences · "
            f"{s['words']} words</small>"
            f"<table>{meta}</table>{paras}{tail}</div>"
        )


_KIND_STYLE = {
    "title": "font-weight:bold;font-size:1.1em",
    "heading": "font-weight:bold",
    "body": "",
    "boilerplate": "color:#999;font-style:italic",
}


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(
            f"{path}: the file is UTF-16 encoded; save it as UTF-8 (e.g. "
            "`iconv -f UTF-16 -t UTF-8`) and load it again"
        )
    if b"\x00" in data[:8192]:
        raise ValueError(f"{path}: the file looks binary (it holds NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ValueError(
            f"{path}: not valid UTF-8 at byte {err.start} (line {line}): {err.reason}; "
            "convert the file to UTF-8 (e.g. from Latin-1 with `iconv -f latin1 -t utf-8`)"
        ) from None


def read_text_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a UTF-8 text file, with clear errors for anything else.

    A UTF-8 byte-order mark is dropped; line endings are kept as they are.

    Raises
    ------
    FileNotFoundError
        If the path does not exist.
    ValueError
        If the path is a folder, too large, binary, not UTF-8, or empty.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    if path.is_dir():
        raise ValueError(f"{path}: is a folder, not a text file (use load_corpus for folders)")
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(
            f"{path}: the file is {size:,} bytes, over the limit of {max_bytes:,} bytes "
            "(pass max_bytes= to raise it)"
        )
    text = _decode(path, path.read_bytes())
    if not text.strip():
        raise ValueError(f"{path}: the file is empty or holds only white space")
    return text


def bundled_articles() -> dict[str, Path]:
    """Return the bundled articles: name -> metadata file path."""
    folder = data_path("articles")
    return {p.stem: p for p in sorted(folder.glob("*.json"))}


def _default_article() -> str:
    for name, meta_path in bundled_articles().items():
        if json.loads(meta_path.read_text(encoding="utf-8")).get("default"):
            return name
    raise FileNotFoundError("no bundled article is marked as the default")


def _load_bundled(name: str) -> Article:
    meta_path = bundled_articles()[name]
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    text_path = meta_path.with_name(meta.get("file", f"{name}.txt"))
    if not text_path.exists():
        raise FileNotFoundError(
            f"the bundled article {name!r} has metadata ({meta_path}) but its text file "
            f"{text_path} is missing; put the article text there (UTF-8)"
        )
    text = text_path.read_bytes().decode("utf-8")
    meta = {k: v for k, v in meta.items() if k not in ("default", "file")}
    title = meta.pop("title", None)
    return Article.from_text(text, title=title, name=name, **meta)


def read_sidecar(path: str | Path) -> dict[str, Any]:
    """The metadata in the JSON file beside a text file (``story.json`` for ``story.txt``).

    Read as UTF-8 with or without a byte-order mark, as :func:`kosovo_kit.corpus.load_corpus`
    reads metadata tables.

    Returns
    -------
    dict
        Empty when there is no such file.

    Raises
    ------
    ValueError
        If the file is not valid JSON or not a JSON object; the message names the file.
    """
    path = Path(path)
    sidecar = path.with_suffix(".json")
    if sidecar == path or not sidecar.is_file():
        return {}
    try:
        loaded = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as err:
        raise ValueError(f"metadata {sidecar} is not valid JSON: {err}") from None
    if not isinstance(loaded, Mapping):
        raise ValueError(f"metadata {sidecar} is not a JSON object")
    return dict(loaded)


def load_article(
    source: str | Path | None = None,
    *,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **metadata: Any,
) -> Article:
    """Load an article: the bundled one, a bundled one by name, or a UTF-8 text file.

    Parameters
    ----------
    source : str or pathlib.Path, optional
        ``None`` for the bundled default article; the name of a bundled article
        (see :func:`bundled_articles`); or the path of a UTF-8 ``.txt`` file. A
        JSON file beside it with the same stem (``story.json`` for ``story.txt``)
        is read as metadata.
    title : str, optional
        Overrides the title.
    max_bytes : int
        Refuse files larger than this.
    **metadata
        Extra metadata, added to (and overriding) what the sidecar gives.

    Raises
    ------
    FileNotFoundError
        If a path does not exist.
    ValueError
        If the file is a folder, too large, binary, not UTF-8 or empty.
    """
    if source is None:
        source = _default_article()
    if isinstance(source, str) and source in bundled_articles():
        article = _load_bundled(source)
    elif isinstance(source, (str, Path)):
        path = Path(source)
        text = read_text_file(path, max_bytes=max_bytes)
        meta: dict[str, Any] = {"path": str(path)}
        meta.update(read_sidecar(path))
        meta.update(metadata)
        title = title if title is not None else meta.pop("title", None)
        return Article.from_text(text, title=title, **meta)
    else:
        raise TypeError(
            f"source must be None, a bundled article name or a path, not {type(source).__name__}"
        )
    if title is not None:
        article.title = title
    article.metadata.update(metadata)
    return article
