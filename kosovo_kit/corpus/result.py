"""The tables of a corpus run: their columns and dtypes, how batches stack, and the result.

Workers return one :class:`Batch` per chunk of articles (tables are built per chunk, not
per article: pandas' fixed cost per table exceeds the analysis of a short article);
:func:`_merge` stacks the batches into the final tables of a :class:`CorpusResult`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..aggregate import (
    DATE_COLUMNS,
    ID_COLUMN,
    OUTLET_COLUMNS,
    find_column,
    quote_network,
    tone_by,
    tone_by_actor,
    tone_by_time,
)
from ..frames import INFER, STR, record_columns, typed_frame
from ..gazetteer import MENTION_DTYPES
from ..pipeline import COUNT_COLUMNS, STATEMENT_DTYPES, ArticleRecords

#: Column -> dtype of the actor-mention columns (after ``article_id``).
ACTOR_DTYPES: dict[str, Any] = dict(MENTION_DTYPES)
ARTICLE_COLUMNS = (*COUNT_COLUMNS, "mean_compound", "seconds")
ERROR_COLUMNS = ("article_id", "path", "stage", "reason")
_ID_COLUMN = ID_COLUMN


@dataclass
class _Err:
    """A file, row or article that was skipped, and why."""

    article_id: str | None
    path: str | None
    reason: str
    stage: str = "load"

    def row(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "path": self.path,
            "stage": self.stage,
            "reason": self.reason,
        }


def _errors_frame(errors: Iterable[_Err]) -> pd.DataFrame:
    frame = pd.DataFrame([e.row() for e in errors], columns=list(ERROR_COLUMNS))
    return frame.astype(dict.fromkeys(ERROR_COLUMNS, object))


@dataclass(frozen=True)
class ArticleRun:
    """One article's analysis in a corpus: its records and its summary row.

    ``summary`` holds the ``article_id``, the metadata, the counts and ``seconds``.
    """

    records: ArticleRecords
    summary: dict[str, Any]


@dataclass(frozen=True)
class Batch:
    """The statements and actors tables of a chunk of articles, and their summary rows."""

    statements: pd.DataFrame
    actors: pd.DataFrame
    summaries: list[dict[str, Any]]


def _conform(frame: pd.DataFrame, dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """Give ``frame`` exactly ``dtypes``' columns in that order and with those dtypes."""
    out = {}
    for col, dtype in dtypes.items():
        values = frame[col] if col in frame.columns else pd.Series(None, index=frame.index)
        if dtype is INFER:
            # As a DataFrame built from the values would type them (all text -> str).
            out[col] = pd.Series(values.tolist(), index=frame.index)
        elif dtype is object or values.dtype == dtype:
            out[col] = values if dtype is not object else values.astype(object)
        else:
            out[col] = values.astype(dtype)
    return pd.DataFrame(out, index=frame.index)


def _norm_dtype(dtype: Any) -> Any:
    """Every string dtype becomes the default one, so all input kinds give the same tables."""
    return STR if isinstance(dtype, pd.StringDtype) else dtype


def _stack(
    records: list[list[Any]],
    summaries: list[dict[str, Any]],
    head: Mapping[str, Any],
    body: Mapping[str, Any],
) -> pd.DataFrame:
    """One table of several articles' records, each article's id and metadata in front.

    ``records`` holds each article's rows: dicts keyed by ``body``'s columns, or tuples in
    their order.
    """
    rows = [r for article in records for r in article]
    columns: dict[str, list[Any]] = {}
    for name in head:
        columns[name] = [
            s.get(name) for s, article in zip(summaries, records) for _ in range(len(article))
        ]
    columns.update(record_columns(rows, list(body)))
    return typed_frame(columns, {**head, **body})


def _articles_frame(summaries: list[dict[str, Any]], head: Mapping[str, Any]) -> pd.DataFrame:
    dtypes = {
        **head,
        **dict.fromkeys(COUNT_COLUMNS, "int64"),
        "mean_compound": "float64",
        "seconds": "float64",
    }
    return typed_frame({c: [s.get(c) for s in summaries] for c in dtypes}, dtypes)


def _meta_of(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    names: dict[str, Any] = {}
    for row in summaries:
        names.update((c, INFER) for c in row if c not in (_ID_COLUMN, *ARTICLE_COLUMNS))
    return names


def _batch(runs: list[ArticleRun], meta: Mapping[str, Any] | None) -> Batch:
    """Statements and actors tables of some articles, with their summary rows.

    ``meta`` gives the metadata columns and dtypes; None takes them from the rows.
    """
    summaries = [r.summary for r in runs]
    head = {_ID_COLUMN: STR, **(meta if meta is not None else _meta_of(summaries))}
    return Batch(
        _stack([r.records.statements for r in runs], summaries, head, STATEMENT_DTYPES),
        _stack([r.records.mentions for r in runs], summaries, {_ID_COLUMN: STR}, ACTOR_DTYPES),
        summaries,
    )


def _merge(batches: list[Batch], meta: Mapping[str, Any]) -> Batch:
    """One batch from several, every table with its final columns and dtypes."""
    head = {_ID_COLUMN: STR, **meta}
    tables = []
    for name, dtypes in (
        ("statements", {**head, **STATEMENT_DTYPES}),
        ("actors", {_ID_COLUMN: STR, **ACTOR_DTYPES}),
    ):
        frames = [getattr(b, name) for b in batches if len(getattr(b, name))]
        frame = (
            pd.concat(frames, ignore_index=True)
            if frames
            else pd.DataFrame({c: pd.Series(dtype=object) for c in dtypes})
        )
        tables.append(_conform(frame, dtypes))
    return Batch(tables[0], tables[1], [row for b in batches for row in b.summaries])


def _meta_dtypes(columns: Iterable[str], documents: pd.DataFrame | None) -> dict[str, Any]:
    out = {}
    for c in columns:
        if documents is not None and c in documents.columns:
            out[c] = _norm_dtype(documents[c].dtype)
        else:
            out[c] = INFER
    return out


@dataclass
class CorpusResult:
    """The tidy tables of a corpus analysis, with aggregations.

    Attributes
    ----------
    statements : pandas.DataFrame
        One row per attribution: ``article_id``, metadata, the
        :func:`~kosovo_kit.attribute_quotes` columns and ``compound, pos, neu, neg``.
    actors : pandas.DataFrame
        Actor mentions with ``article_id``.
    articles : pandas.DataFrame
        Per article: id, metadata, counts, ``mean_compound`` and ``seconds``.
    errors : pandas.DataFrame
        ``article_id, path, stage, reason`` for what was skipped (``stage`` is ``load``
        or ``analyse``).
    """

    statements: pd.DataFrame
    actors: pd.DataFrame
    articles: pd.DataFrame
    errors: pd.DataFrame = field(default_factory=lambda: _errors_frame([]))

    def __repr__(self) -> str:
        return (
            f"CorpusResult({len(self.articles)} articles, {len(self.statements)} "
            f"statements, {len(self.actors)} actor mentions, {len(self.errors)} errors)"
        )

    def by_actor(self, column: str = "actor") -> pd.DataFrame:
        """Statements and tone per actor (the side a speaker speaks for).

        A statement without an actor counts for its speaker, as in
        :func:`kosovo_kit.actor_summary` of one article (:func:`kosovo_kit.aggregate.
        tone_by_actor`); another ``column`` groups by that column's values alone.
        """
        if column == "actor":
            return tone_by_actor(self.statements)
        return tone_by(self.statements, column)

    def actor_summary(self) -> pd.DataFrame:
        """Tone per actor as :func:`kosovo_kit.actor_summary` gives it for one article."""
        from ..stance import actor_summary

        return actor_summary(self.statements)

    def by_outlet(self, column: str | None = None) -> pd.DataFrame:
        """Statements and tone per outlet (``outlet``/``publisher``/``source`` column)."""
        return tone_by(
            self.statements, column or find_column(self.statements, OUTLET_COLUMNS, "outlet")
        )

    def by_time(self, freq: str = "W", column: str | None = None) -> pd.DataFrame:
        """Statements and tone per period of the article date (``freq``: ``D``, ``W``, ``M``…).

        Rows whose date cannot be parsed are left out; ``attrs["undated"]`` counts them.
        """
        column = column or find_column(self.statements, DATE_COLUMNS, "date")
        return tone_by_time(self.statements, freq=freq, column=column)

    def top_speakers(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` speakers with most statements, with their actor and tone."""
        table = tone_by(self.statements, "speaker")
        sides = (
            self.statements.dropna(subset=["speaker", "actor"])
            .groupby("speaker")["actor"]
            .agg(lambda s: s.value_counts().index[0])
        )
        table.insert(1, "actor", table["speaker"].map(sides))
        return table.head(n).reset_index(drop=True)

    def network(self, outlet: str | None = None) -> pd.DataFrame:
        """The who-quotes-whom network as edges; see :func:`kosovo_kit.aggregate.quote_network`."""
        if outlet is None:
            outlet = next((c for c in OUTLET_COLUMNS if c in self.statements.columns), None)
        return quote_network(self.statements, self.actors, outlet=outlet)
