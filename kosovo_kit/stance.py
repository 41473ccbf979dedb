"""Sentiment per quote and per actor, and who speaks about whom in what tone.

The functions read the who-said-what table of the quote attribution step (one row per quote,
with at least ``text`` and ``actor`` or ``speaker``; ``quote_id`` is used when present).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from kosovo_kit.aggregate import speaking_actor
from kosovo_kit.predicates import cue_evidence, find_evidence
from kosovo_kit.sentiment import NEWS_RULES, load_lexicon, score_sentiment, sentiment_toward
from kosovo_kit.sentiment.tokens import tokenise_with_offsets
from kosovo_kit.sentiment.vader import token_valences

__all__ = [
    "actor_summary",
    "add_sentiment",
    "content_text",
    "stance_evidence",
    "stance_table",
    "stance_toward",
]

SCORE_COLUMNS = ("compound", "pos", "neu", "neg")


def add_sentiment(quotes: pd.DataFrame, lexicon: Any = "news") -> pd.DataFrame:
    """Return a copy of ``quotes`` with ``compound``, ``pos``, ``neu`` and ``neg`` columns.

    Parameters
    ----------
    quotes : pandas.DataFrame
        Table with a ``text`` column. Missing texts get NaN scores.
    lexicon : str, Path, Mapping or Lexicon
        As in :func:`kosovo_kit.sentiment.score_sentiment`.

    Returns
    -------
    pandas.DataFrame
        The copy; an empty input gives an empty frame with the extra columns.
    """
    if "text" not in quotes.columns:
        raise KeyError("quotes needs a 'text' column")
    lex = load_lexicon(lexicon)
    scores = [
        score_sentiment(t, lex) if isinstance(t, str) else _NO_SCORES
        for t in _content_texts(quotes)
    ]
    out = quotes.copy()
    for col in SCORE_COLUMNS:
        out[col] = np.array([s[col] for s in scores], dtype=np.float64)
    return out


_NO_SCORES = dict.fromkeys(SCORE_COLUMNS, float("nan"))


def content_text(text: str, start: int, pieces: Any) -> str:
    """The words a statement reports: its pieces joined by spaces, without the frame between.

    Parameters
    ----------
    text : str
        The statement's text, which starts at ``start`` in the article.
    start : int
        Its start offset.
    pieces : list of (int, int) or None
        Its pieces' article offsets; with fewer than two, ``text`` is the content.
    """
    if isinstance(pieces, (list, tuple)) and len(pieces) > 1:
        return " ".join(text[s - start : e - start] for s, e in pieces)
    return text


def _content_texts(quotes: pd.DataFrame) -> list[Any]:
    """The content of each statement (:func:`content_text`); a missing text stays missing."""
    texts = list(quotes["text"])
    if "pieces" not in quotes.columns or "start" not in quotes.columns:
        return texts
    return [
        content_text(t, s, p) if isinstance(t, str) else t
        for t, s, p in zip(texts, quotes["start"], quotes["pieces"])
    ]


def actor_summary(quotes: pd.DataFrame, lexicon: Any = "news") -> pd.DataFrame:
    """Tone of each actor's statements.

    Quotes whose ``actor`` is missing are grouped under their ``speaker`` string; quotes with
    neither are dropped. Scores are computed with :func:`add_sentiment` when ``compound`` is
    absent.

    Parameters
    ----------
    quotes : pandas.DataFrame
        Who-said-what table, with or without sentiment columns.
    lexicon : str, Path, Mapping or Lexicon
        Used only when scores must be computed.

    Returns
    -------
    pandas.DataFrame
        Columns ``actor``, ``n_statements``, ``mean_compound``, ``std_compound`` (NaN for a
        single statement), ``most_positive`` and ``most_negative`` (statement texts), sorted by
        number of statements, then actor.
    """
    columns = [
        "actor",
        "n_statements",
        "mean_compound",
        "std_compound",
        "most_positive",
        "most_negative",
    ]
    if "compound" not in quotes.columns:
        quotes = add_sentiment(quotes, lexicon)
    frame = pd.DataFrame(
        {"actor": speaking_actor(quotes), "text": quotes["text"], "c": quotes["compound"]}
    )
    frame = frame[frame["actor"].notna() & frame["c"].notna()]
    rows = []
    for actor, group in frame.groupby("actor", sort=True):
        rows.append(
            {
                "actor": actor,
                "n_statements": len(group),
                "mean_compound": float(group["c"].mean()),
                "std_compound": float(group["c"].std()) if len(group) > 1 else float("nan"),
                "most_positive": group.loc[group["c"].idxmax(), "text"],
                "most_negative": group.loc[group["c"].idxmin(), "text"],
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    if out.empty:
        return out.astype({"n_statements": "int64", "mean_compound": "float64"})
    out = out.sort_values(["n_statements", "actor"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def stance_toward(text: str, start: int, end: int, cue: str | None = None) -> dict[str, Any]:
    """The stance a statement takes toward the mention ``text[start:end]``, and why.

    The first pattern that applies decides: a stance predicate linked to the mention, a place
    phrase or an evaluative copula (:func:`kosovo_kit.predicates.find_evidence`: "supports
    Serbia" +1, "Serbia defends …" +1, "tensions in Kosovo" 0, "… is a very bad signal" -1);
    then the reporting cue when it is itself a stance predicate ("denounced the rhetoric of
    Belgrade" -1); then :func:`kosovo_kit.sentiment.sentiment_toward`.

    Parameters
    ----------
    text : str
        The statement.
    start, end : int
        Character span of the mention in ``text``.
    cue : str, optional
        The cue that introduces the statement ("said", "denounced" …).

    Returns
    -------
    dict
        ``stance`` (-1, 0, +1), ``rule`` (the pattern, ``cue`` or ``model``) and ``word`` (what
        decided: the predicate, preposition or evaluative words; empty for the model).
    """
    lex = load_lexicon("news")
    _, _, raw, words, spans = tokenise_with_offsets(text, NEWS_RULES.punct)
    inside = [i for i, (a, b) in enumerate(spans) if a < end and b > start]
    if inside:
        scores = token_valences(lex, words, raw)
        found = find_evidence(raw, inside[0], inside[-1], scores)
        if found is None and isinstance(cue, str):
            found = cue_evidence(cue)
        if found is not None:
            return {"stance": found.sign, "rule": found.rule, "word": found.word}
    return {"stance": sentiment_toward(text, start, end), "rule": "model", "word": ""}


def _surfaces(quotes: pd.DataFrame, mentions: pd.DataFrame | None) -> dict[str, str]:
    """Surface string → target actor name."""
    table: dict[str, str] = {}
    if mentions is not None:
        for _, m in mentions.iterrows():
            surface = m.get("text")
            if not isinstance(surface, str) or not surface.strip():
                continue
            target = next(
                (m.get(k) for k in ("actor", "canonical") if isinstance(m.get(k), str)), surface
            )
            table.setdefault(surface, target)
    else:
        names: Iterable[Any] = speaking_actor(quotes).dropna().unique()
        for name in names:
            if isinstance(name, str) and name.strip():
                table.setdefault(name, name)
    return table


def _find(text: str, surfaces: dict[str, str]) -> list[tuple[int, int, str]]:
    """Non-overlapping whole-word matches, longest surface first."""
    taken: list[tuple[int, int, str]] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        for m in re.finditer(pattern, text):
            if all(m.end() <= a or m.start() >= b for a, b, _ in taken):
                taken.append((m.start(), m.end(), surfaces[surface]))
    return sorted(taken)


def _statements(
    article_or_quotes: Any, mentions: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame | None, bool]:
    """The quotes table and target mentions; whether demonyms may add targets."""
    from kosovo_kit.text import Article

    if isinstance(article_or_quotes, (Article, str)):
        from kosovo_kit.pipeline import analyse_records

        article = article_or_quotes
        if isinstance(article, str):
            article = Article.from_text(article)
        tables = analyse_records(article).tables()
        if mentions is None:
            return tables.statements, tables.actors, True
        return tables.statements, mentions, False
    quotes = getattr(article_or_quotes, "quotes", article_or_quotes)
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(
            "stance_table needs an Article, a text, a quotes DataFrame or an object with .quotes"
        )
    return quotes, mentions, False


def _demonyms() -> dict[str, str]:
    from kosovo_kit.gazetteer import load_gazetteer

    return dict(load_gazetteer().demonyms)


EVIDENCE_COLUMNS = (
    "statement",
    "actor",
    "target",
    "mention",
    "start",
    "end",
    "stance",
    "rule",
    "word",
)


def stance_evidence(article_or_quotes: Any, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per target mention in a statement: the stance toward it and what decided it.

    Parameters
    ----------
    article_or_quotes, mentions
        As in :func:`stance_table`. With an article and no ``mentions``, the gazetteer's
        mentions and the demonyms of ``data/demonyms.csv`` ("the Serbian military presence" →
        Serbia) are the targets.

    Returns
    -------
    pandas.DataFrame
        Columns ``statement`` (quote id), ``actor`` (who speaks), ``target``, ``mention`` (as
        written), ``start``/``end`` (in the statement's text), ``stance`` (-1, 0, +1), ``rule``
        and ``word`` (see :func:`stance_toward`). Mentions of the speaking actor are skipped.
    """
    quotes, mentions, demonyms = _statements(article_or_quotes, mentions)
    if quotes.empty or "text" not in quotes.columns:
        return pd.DataFrame(columns=list(EVIDENCE_COLUMNS))
    surfaces = _surfaces(quotes, mentions)
    if demonyms:
        for word, actor in _demonyms().items():
            surfaces.setdefault(word, actor)
    who = speaking_actor(quotes)
    ids = quotes["quote_id"] if "quote_id" in quotes.columns else pd.Series(quotes.index)
    ids.index = quotes.index
    cues = quotes["cue"] if "cue" in quotes.columns else pd.Series(None, index=quotes.index)
    rows = []
    for idx, text in quotes["text"].items():
        actor = who[idx]
        if not isinstance(text, str) or not isinstance(actor, str):
            continue
        cue = cues[idx] if isinstance(cues[idx], str) else None
        for start, end, target in _find(text, surfaces):
            if target == actor:
                continue
            found = stance_toward(text, start, end, cue)
            rows.append(
                {
                    "statement": ids[idx],
                    "actor": actor,
                    "target": target,
                    "mention": text[start:end],
                    "start": start,
                    "end": end,
                    **found,
                }
            )
    return pd.DataFrame(rows, columns=list(EVIDENCE_COLUMNS))


def stance_table(article_or_quotes: Any, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which actors each actor talks about, and in what tone.

    Every statement is searched for target names (whole words, case-sensitive); each match gets
    the stance of :func:`stance_toward` (a predicate linking the speaker to the target decides:
    "we support Belgrade" +1, "denounced the rhetoric of Belgrade" -1; a place phrase such as
    "tensions in Kosovo" is 0; otherwise :func:`kosovo_kit.sentiment.sentiment_toward`). A
    statement's matches of one target are averaged, and these values are averaged per (speaker
    actor, target). Mentions of the speaking actor itself are skipped.
    :func:`stance_evidence` lists every match with what decided it.

    Parameters
    ----------
    article_or_quotes : Article, str, pandas.DataFrame or object with a ``quotes`` attribute
        An article (its statements and gazetteer mentions are found here), or a
        who-said-what table (``text`` and ``actor`` or ``speaker``; ``quote_id`` and ``cue``
        optional). Speakers are resolved as in :func:`actor_summary`.
    mentions : pandas.DataFrame, optional
        Gazetteer or mention table with columns ``text`` (surface form) and ``actor`` or
        ``canonical`` (the target name it stands for); ``start``/``end`` are not needed. When
        omitted, the actor names of the quotes table are the targets (for an article: its
        gazetteer mentions and demonyms).

    Returns
    -------
    pandas.DataFrame
        Columns ``actor``, ``target``, ``n`` (statements), ``mean_stance`` (in [-1, 1]),
        ``statements`` (list of quote ids, or row labels when there is no ``quote_id``) and
        ``evidence`` (per statement, the words that decided, e.g. ``"supporting (object +1)"``).
    """
    columns = ["actor", "target", "n", "mean_stance", "statements", "evidence"]
    found = stance_evidence(article_or_quotes, mentions)
    if found.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for (actor, target), group in found.groupby(["actor", "target"], sort=True):
        per_statement = group.groupby("statement", sort=False)
        values = per_statement["stance"].mean()
        why = [
            "; ".join(
                f"{w or 'model'} ({r} {s:+d})" for w, r, s in zip(g["word"], g["rule"], g["stance"])
            )
            for _, g in per_statement
        ]
        rows.append(
            {
                "actor": actor,
                "target": target,
                "n": len(values),
                "mean_stance": float(values.mean()),
                "statements": list(values.index),
                "evidence": why,
            }
        )
    return pd.DataFrame(rows, columns=columns)
