"""The analysis of one article, the same in every mode of the kit.

:func:`analyse_records` attributes the statements, scores their tone and finds the actor
mentions of one :class:`~kosovo_kit.text.Article`. Everything that analyses an article
calls it: :func:`kosovo_kit.analyse`, :func:`kosovo_kit.stance_table` on an article,
:func:`kosovo_kit.corpus.analyze_text` and the workers of
:func:`~kosovo_kit.corpus.analyze_corpus`, :func:`~kosovo_kit.corpus.stream_corpus` and
:func:`~kosovo_kit.corpus.analyze_dask`. So one article gives the same statements, actors
and tone alone, in a corpus and whatever the number of processes.

It returns plain records rather than tables: pandas' fixed cost per table exceeds the
analysis of a short article, so a corpus builds one table per chunk of articles, and
:meth:`ArticleRecords.tables` builds them for one.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from .attribution import KINDS, QUOTE_DTYPES, quote_records
from .frames import records_frame
from .gazetteer import MENTION_DTYPES, Gazetteer, load_gazetteer, mention_records
from .sentiment import Lexicon, load_lexicon, score_sentiment
from .stance import SCORE_COLUMNS, actor_summary, content_text
from .text import Article

__all__ = ["STATEMENT_DTYPES", "ArticleRecords", "ArticleTables", "analyse_records"]

#: Column -> dtype of a statements table: the attribution's columns, then the tone.
STATEMENT_DTYPES: dict[str, Any] = {**QUOTE_DTYPES, **dict.fromkeys(SCORE_COLUMNS, "float64")}
#: The per-article counts of :attr:`ArticleRecords.counts`, in order.
COUNT_COLUMNS = (
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "n_statements",
    *(f"n_{k}" for k in KINDS),
)


@dataclass(frozen=True)
class ArticleTables:
    """The tables of one article's analysis.

    Attributes
    ----------
    statements : pandas.DataFrame
        One row per attribution (:data:`STATEMENT_DTYPES`): who said what, and its tone.
    actors : pandas.DataFrame
        Every gazetteer mention (:data:`kosovo_kit.gazetteer.MENTION_DTYPES`).
    """

    statements: pd.DataFrame
    actors: pd.DataFrame

    @cached_property
    def tone(self) -> pd.DataFrame:
        """Tone per actor: :func:`kosovo_kit.stance.actor_summary` of the statements."""
        return actor_summary(self.statements)


@dataclass(frozen=True)
class ArticleRecords:
    """One article's analysis as plain records, cheap to build, send and stack.

    Attributes
    ----------
    statements : list of dict
        Rows keyed by :data:`STATEMENT_DTYPES`' columns.
    mentions : list of tuple
        Rows in :data:`kosovo_kit.gazetteer.MENTION_COLUMNS` order.
    counts : dict
        :data:`COUNT_COLUMNS` and ``mean_compound`` (NaN without statements).
    """

    statements: list[dict[str, Any]]
    mentions: list[tuple]
    counts: dict[str, Any]

    def tables(self) -> ArticleTables:
        """The records as typed tables (the tone per actor is computed when read)."""
        statements = records_frame(self.statements, STATEMENT_DTYPES)
        return ArticleTables(statements, records_frame(self.mentions, MENTION_DTYPES))


def analyse_records(
    article: Article, gazetteer: Gazetteer | Any = None, lexicon: Lexicon | Any = "news"
) -> ArticleRecords:
    """Attribute, score and count one article: the kit's whole per-article analysis.

    Parameters
    ----------
    article : Article
    gazetteer : Gazetteer, path or DataFrame, optional
        As for :func:`kosovo_kit.attribute_quotes`; yours extends the shipped one.
    lexicon : str, Path, Mapping or Lexicon
        The tone lexicon, as for :func:`kosovo_kit.score_sentiment`.

    Returns
    -------
    ArticleRecords
    """
    gaz = load_gazetteer(gazetteer)
    lex = load_lexicon(lexicon)
    # the attribution tokenises the paragraphs it reads; the others' words are only counted
    statements = quote_records(article, gaz)
    kinds: Counter[str] = Counter()
    compound = []
    for row in statements:
        # the tone of what is reported, not of the frame between its pieces
        row.update(score_sentiment(content_text(row["text"], row["start"], row["pieces"]), lex))
        kinds[row["kind"]] += 1
        compound.append(row["compound"])
    counts = {
        "n_paragraphs": len(article.paragraph_spans),
        "n_sentences": len(article.sentence_spans),
        "n_words": article.word_count,
        "n_statements": len(statements),
        **{f"n_{k}": kinds.get(k, 0) for k in KINDS},
        "mean_compound": sum(compound) / len(compound) if compound else math.nan,
    }
    return ArticleRecords(statements, mention_records(article, gaz), counts)
