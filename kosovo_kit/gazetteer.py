"""Actors: the gazetteer of names, titles and aliases, and actor mentions in a text.

The gazetteer is a CSV file (``data/gazetteer.csv``) with the columns
``alias, canonical, actor, type, note``: an alias as it appears in text, the
canonical name of whom it denotes, the side that name speaks for (a country or
organisation), a type (person, org, place, group) and a free note. Demonyms
(``data/demonyms.csv``: Russian → Russia …) give the side of a speaker the
gazetteer does not know ("Serbian Defense Minister …"). Pass your own file or
DataFrame to :func:`load_gazetteer` to extend or replace them.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import pandas as pd

from .frames import STR, records_frame
from .patterns import trie_pattern
from .resources import data_path

GAZETTEER_COLUMNS = ("alias", "canonical", "actor", "type", "note")
#: Column -> dtype of the actor-mention table.
MENTION_DTYPES: dict[str, object] = {
    "mention_id": "int64",
    "text": STR,
    "start": "int64",
    "end": "int64",
    "canonical": STR,
    "actor": STR,
    "type": STR,
    "sentence_id": "Int64",
    "paragraph_id": "int64",
}
MENTION_COLUMNS = tuple(MENTION_DTYPES)


@dataclass(frozen=True)
class Entry:
    """One gazetteer row."""

    alias: str
    canonical: str
    actor: str | None
    type: str


class Gazetteer:
    """Aliases → canonical names → actors, with fast lookup in text.

    Parameters
    ----------
    entries : pandas.DataFrame
        Columns ``alias``, ``canonical`` and optionally ``actor``, ``type``.
    demonyms : pandas.DataFrame, optional
        Columns ``word``, ``actor``.
    """

    def __init__(self, entries: pd.DataFrame, demonyms: pd.DataFrame | None = None) -> None:
        missing = {"alias", "canonical"} - set(entries.columns)
        if missing:
            raise ValueError(f"gazetteer is missing the column(s) {sorted(missing)}")
        self.table = entries.reset_index(drop=True)
        by_alias: dict[str, Entry] = {}
        for row in self.table.itertuples(index=False):
            actor = getattr(row, "actor", None)
            entry = Entry(
                alias=str(row.alias),
                canonical=str(row.canonical),
                actor=None if actor is None or pd.isna(actor) or actor == "" else str(actor),
                type=str(getattr(row, "type", "") or ""),
            )
            by_alias[entry.alias.casefold()] = entry
        self._by_alias = by_alias
        self._by_canonical: dict[str, Entry] = {}
        for entry in by_alias.values():
            self._by_canonical.setdefault(entry.canonical.casefold(), entry)
        aliases = [e.alias for e in by_alias.values()]
        # a lower-case alias also matches capitalised at a sentence start
        variants = aliases + [a[0].upper() + a[1:] for a in aliases if a[:1].islower()]
        self._pattern = (
            re.compile(
                trie_pattern(variants, flexible_space=False, not_after=r"[\w-]") + r"(?![\w-])"
            )
            if aliases
            else None
        )
        self._max_words = max((len(a.split()) for a in aliases), default=0)
        self.demonyms: dict[str, str] = {}
        if demonyms is not None:
            self.demonyms = {str(w): str(a) for w, a in zip(demonyms["word"], demonyms["actor"])}

    def __len__(self) -> int:
        return len(self._by_alias)

    def __repr__(self) -> str:
        return f"Gazetteer({len(self)} aliases, {len(self.demonyms)} demonyms)"

    def get(self, alias: str) -> Entry | None:
        """Return the entry for an exact alias (case-insensitive), or ``None``."""
        return self._by_alias.get(alias.casefold())

    def by_canonical(self, canonical: str) -> Entry | None:
        """Return an entry whose canonical name is ``canonical``, or ``None``."""
        return self._by_canonical.get(canonical.casefold())

    def find(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, Entry]]:
        """Find every alias in ``text[start:end]``, longest match first, no overlaps."""
        if self._pattern is None:
            return []
        end = len(text) if end is None else end
        found = []
        for m in self._pattern.finditer(text, start, end):
            entry = self._by_alias.get(m.group().casefold())
            if entry is not None:
                found.append((m.start(), m.end(), entry))
        return found

    def actor_of_words(self, words: list[str]) -> str | None:
        """Return the actor a demonym among ``words`` points to (the last one wins)."""
        for word in reversed(words):
            actor = self.demonyms.get(word)
            if actor:
                return actor
        return None


def _read_csv(source: str | Path | pd.DataFrame, required: tuple[str, ...]) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        frame = source.copy()
    else:
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such gazetteer file")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as err:
            raise ValueError(f"{path}: not valid UTF-8 ({err.reason})") from None
        reader = csv.reader(io.StringIO(text))
        numbered = [(reader.line_num, row) for row in reader]
        if not numbered:
            raise ValueError(f"{path}: the file is empty")
        header = [h.strip() for h in numbered[0][1]]
        missing = set(required) - set(header)
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)} in the header")
        rows = []
        for lineno, row in numbered[1:]:
            if not row or not any(cell.strip() for cell in row):
                continue  # blank line
            if len(row) != len(header):
                raise ValueError(
                    f"{path}, line {lineno}: {len(row)} fields, the header has {len(header)}"
                )
            record = dict(zip(header, row))
            for col in required:
                if not record[col].strip():
                    raise ValueError(f"{path}, line {lineno}: the {col!r} field is empty")
            rows.append(record)
        frame = pd.DataFrame(rows, columns=header, dtype=object)
    missing = set(required) - set(frame.columns)
    if missing:
        raise ValueError(f"gazetteer table is missing column(s) {sorted(missing)}")
    return frame


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer(
        _read_csv(data_path("gazetteer.csv"), ("alias", "canonical")),
        _read_csv(data_path("demonyms.csv"), ("word", "actor")),
    )


def load_gazetteer(
    source: str | Path | pd.DataFrame | Gazetteer | None = None, *, extend: bool = True
) -> Gazetteer:
    """Load a gazetteer: the shipped one, or yours (CSV path or DataFrame).

    Parameters
    ----------
    source : path, DataFrame or Gazetteer, optional
        Your entries with columns ``alias, canonical`` and optionally ``actor, type, note``.
    extend : bool
        If true (default), your entries are added to the shipped ones (yours win on
        the same alias); if false they replace them.

    Raises
    ------
    FileNotFoundError, ValueError
        For a missing file, or a malformed one (the message names the line).
    """
    if source is None:
        return _default_gazetteer()
    if isinstance(source, Gazetteer):
        return source
    frame = _read_csv(source, ("alias", "canonical"))
    default = _default_gazetteer()
    if extend:
        frame = pd.concat([default.table, frame], ignore_index=True)
        frame = frame.drop_duplicates("alias", keep="last")
    demonyms = pd.DataFrame(list(default.demonyms.items()), columns=["word", "actor"])
    return Gazetteer(frame, demonyms)


# Article -> (the gazetteer, its matches per paragraph id) of the last paragraph_matches
# call. Kept here, not on the Article, whose attributes are the text model's; an entry
# goes when its article does.
_MATCHES: WeakKeyDictionary[Any, tuple[Gazetteer, dict[int, list[tuple[int, int, Entry]]]]] = (
    WeakKeyDictionary()
)


def paragraph_matches(article, gazetteer: Gazetteer) -> dict[int, list[tuple[int, int, Entry]]]:
    """:meth:`Gazetteer.find` in each paragraph of ``article`` but boilerplate, by id.

    Found once per article and gazetteer: actor mentions and the quote attribution's
    pronoun antecedents both read them.
    """
    cached = _MATCHES.get(article)
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    text = article.text
    found = {
        p.paragraph_id: gazetteer.find(text, p.start, p.end)
        for p in article.paragraph_spans
        if p.kind != "boilerplate"
    }
    _MATCHES[article] = (gazetteer, found)
    return found


def mention_records(
    article, gazetteer: Gazetteer | str | Path | pd.DataFrame | None = None
) -> list[tuple]:
    """The rows of :func:`actors` as tuples in :data:`MENTION_COLUMNS` order.

    Parameters
    ----------
    article, gazetteer
        As for :func:`actors`.
    """
    from .text import Article

    if not isinstance(article, Article):
        article = Article.from_text(article)
    gaz = load_gazetteer(gazetteer)
    sentences = article.sentence_spans
    starts = [s.start for s in sentences]
    text = article.text
    rows: list[tuple] = []
    matches = paragraph_matches(article, gaz)
    for p in article.paragraph_spans:
        if p.kind == "boilerplate":
            continue
        for s, e, entry in matches[p.paragraph_id]:
            k = bisect.bisect_right(starts, s) - 1
            sid = sentences[k].sentence_id if k >= 0 and s < sentences[k].end else None
            rows.append(
                (
                    len(rows),
                    text[s:e],
                    s,
                    e,
                    entry.canonical,
                    entry.actor,
                    entry.type,
                    sid,
                    p.paragraph_id,
                )
            )
    return rows


def actors(article, gazetteer: Gazetteer | str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """List every gazetteer mention in an article, with its span and canonical name.

    Headlines and headings are included (they mention actors too); boilerplate is not.

    Parameters
    ----------
    article : Article or str
    gazetteer : optional
        As for :func:`load_gazetteer`.

    Returns
    -------
    pandas.DataFrame
        Columns ``mention_id, text, start, end, canonical, actor, type, sentence_id,
        paragraph_id`` (:data:`MENTION_DTYPES`).
    """
    return records_frame(mention_records(article, gazetteer), MENTION_DTYPES)
