"""Aggregates of statement tables: tone per actor, outlet or period, and who quotes whom.

They read the statements (and actor mentions) of one article or of a corpus, so a
chart or a widget gives the same figures for both; :class:`kosovo_kit.corpus.CorpusResult`
offers them as methods.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["quote_network", "speaking_actor", "tone_by", "tone_by_actor", "tone_by_time"]

ID_COLUMN = "article_id"
#: Metadata columns taken for the outlet and the date, first found first.
OUTLET_COLUMNS = ("outlet", "publisher", "source", "media", "newspaper")
DATE_COLUMNS = ("date", "publication_date", "published", "pub_date", "datetime")


def speaking_actor(statements: pd.DataFrame) -> pd.Series:
    """The actor of each statement; the speaker's name when no actor was resolved.

    The rule of :func:`kosovo_kit.stance.actor_summary`, so tone per actor reads the same
    in one article and in a corpus.
    """
    actor = (
        statements["actor"]
        if "actor" in statements.columns
        else pd.Series(pd.NA, index=statements.index)
    )
    if "speaker" in statements.columns:
        actor = actor.where(actor.notna(), statements["speaker"])
    return actor.astype("object")


def tone_by_actor(statements: pd.DataFrame) -> pd.DataFrame:
    """:func:`tone_by` the speaking actor (:func:`speaking_actor`), in an ``actor`` column."""
    return tone_by(statements.assign(actor=speaking_actor(statements)), "actor")


def find_column(frame: pd.DataFrame, names: tuple[str, ...], what: str) -> str:
    for name in names:
        if name in frame.columns:
            return name
    raise ValueError(
        f"no {what} column: looked for {', '.join(names)}; pass column= naming it "
        f"(columns are {', '.join(map(str, frame.columns))})"
    )


def _tone(grouped: Any) -> pd.DataFrame:
    return grouped.agg(
        n_statements=("quote_id", "size"),
        n_articles=(ID_COLUMN, "nunique"),
        mean_compound=("compound", "mean"),
        n_positive=("compound", lambda s: int((s >= 0.05).sum())),
        n_negative=("compound", lambda s: int((s <= -0.05).sum())),
    )


def tone_by(statements: pd.DataFrame, column: str | list[str]) -> pd.DataFrame:
    """Count statements and average their tone per value of ``column``.

    Parameters
    ----------
    statements : pandas.DataFrame
        :attr:`CorpusResult.statements`.
    column : str or list of str
        What to group by; rows where it is missing are left out.

    Returns
    -------
    pandas.DataFrame
        ``column``, ``n_statements, n_articles, mean_compound, n_positive, n_negative``,
        most statements first.
    """
    keys = [column] if isinstance(column, str) else list(column)
    missing = [k for k in keys if k not in statements.columns]
    if missing:
        raise ValueError(f"statements have no column {', '.join(map(repr, missing))}")
    table = _tone(statements.dropna(subset=keys).groupby(keys, sort=True)).reset_index()
    return table.sort_values("n_statements", ascending=False, kind="stable").reset_index(drop=True)


def tone_by_time(statements: pd.DataFrame, freq: str = "W", column: str = "date") -> pd.DataFrame:
    """Count statements and average their tone per period (``freq``) of a date column.

    Returns
    -------
    pandas.DataFrame
        ``period`` (a pandas Period; ``"W"`` weeks run Monday to Sunday), ``start`` (its
        first day) and the :func:`tone_by` counts, in time order;
        ``attrs["undated"]`` counts rows whose date could not be parsed.
    """
    if column not in statements.columns:
        raise ValueError(f"statements have no date column {column!r}")
    dates = pd.to_datetime(statements[column], errors="coerce", format="mixed")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    frame = statements.assign(period=dates.dt.to_period(freq)).dropna(subset=["period"])
    table = _tone(frame.groupby("period", sort=True)).reset_index()
    table.insert(
        1,
        "start",
        table["period"].dt.start_time if len(table) else pd.Series(dtype="datetime64[ns]"),
    )
    table.attrs["undated"] = int(dates.isna().sum())
    return table


def quote_network(
    statements: pd.DataFrame, mentions: pd.DataFrame, outlet: str | None = None
) -> pd.DataFrame:
    """Who quotes whom: edges outlet (or article) → speaker, and speaker → actor mentioned.

    Parameters
    ----------
    statements, mentions : pandas.DataFrame
        :attr:`CorpusResult.statements` and :attr:`CorpusResult.actors`.
    outlet : str, optional
        Metadata column naming the outlet; without it the article quotes the speaker.

    Returns
    -------
    pandas.DataFrame
        ``source, target, relation`` (``quotes`` or ``mentions``), ``n_statements,
        n_articles, mean_compound``. A ``mentions`` edge counts the speaker's statements whose
        content names the actor (canonical name, once per statement; self-mentions dropped).
    """
    columns = ["source", "target", "relation", "n_statements", "n_articles", "mean_compound"]
    said = statements.dropna(subset=["speaker"])
    source = outlet if outlet is not None else ID_COLUMN
    quotes = said.dropna(subset=[source]).assign(
        source=lambda f: f[source].astype(str), target=lambda f: f["speaker"]
    )
    edges = [_edges(quotes, "quotes")]
    if len(said) and len(mentions):
        edges.append(_edges(_mentioned(said, mentions), "mentions"))
    out = pd.concat(
        [e for e in edges if len(e)] or [pd.DataFrame(columns=columns)], ignore_index=True
    )
    return out[columns].reset_index(drop=True)


def _edges(frame: pd.DataFrame, relation: str) -> pd.DataFrame:
    if len(frame) == 0:
        return frame.iloc[0:0]
    table = (
        frame.groupby(["source", "target"], sort=True)
        .agg(
            n_statements=("quote_id", "size"),
            n_articles=(ID_COLUMN, "nunique"),
            mean_compound=("compound", "mean"),
        )
        .reset_index()
    )
    table.insert(2, "relation", relation)
    return table.sort_values(
        ["n_statements", "source", "target"], ascending=[False, True, True], kind="stable"
    )


def _mentioned(said: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (statement, canonical actor named inside its content pieces)."""
    names = mentions.dropna(subset=["canonical"])
    by_article = {aid: g for aid, g in names.groupby(ID_COLUMN, sort=False)}
    rows = []
    for aid, speaker, qid, compound, pieces in zip(
        said[ID_COLUMN], said["speaker"], said["quote_id"], said["compound"], said["pieces"]
    ):
        found = by_article.get(aid)
        if found is None:
            continue
        seen = set()
        for start, end, canonical in zip(found["start"], found["end"], found["canonical"]):
            if canonical == speaker or canonical in seen:
                continue
            if any(s <= start and end <= e for s, e in pieces):
                seen.add(canonical)
                rows.append((aid, speaker, canonical, qid, compound))
    return pd.DataFrame(rows, columns=[ID_COLUMN, "source", "target", "quote_id", "compound"])
