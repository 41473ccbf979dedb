"""kosovo_kit: tokenising, quote attribution and sentiment scoring of news text.

Everything is computed offline from rules, lexicons and data shipped with the kit.
Submodules load on first use, so ``import kosovo_kit`` stays fast.

>>> import kosovo_kit as kk
>>> article = kk.Article.from_text("“We agree,” the minister said.")
>>> article.sentences[["start", "end", "text"]]  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> submodule that defines it
_EXPORTS = {
    "Article": "text",
    "load_article": "text",
    "bundled_articles": "text",
    "read_text_file": "text",
    "attribute_quotes": "attribution",
    "QUOTE_COLUMNS": "attribution",
    "actors": "gazetteer",
    "Gazetteer": "gazetteer",
    "load_gazetteer": "gazetteer",
    "score_sentiment": "sentiment",
    "explain_sentiment": "sentiment",
    "sentiment_toward": "sentiment",
    "add_sentiment": "stance",
    "actor_summary": "stance",
    "stance_table": "stance",
    "stance_evidence": "stance",
    "evaluate": "evaluation",
    "read_brat": "brat",
    "write_brat": "brat",
    "analyse": "render",
    "Analysis": "render",
    "highlight_html": "render",
    "quotes_html": "render",
    "actor_colour": "render",
    "evaluate_many": "evaluation",
    "load_polnear": "brat",
    "load_gold": "brat",
}

__all__ = [
    "QUOTE_COLUMNS",
    "Analysis",
    "Article",
    "Gazetteer",
    "__version__",
    "actor_colour",
    "actor_summary",
    "actors",
    "add_sentiment",
    "analyse",
    "attribute_quotes",
    "bundled_articles",
    "evaluate",
    "evaluate_many",
    "explain_sentiment",
    "highlight_html",
    "load_article",
    "load_gazetteer",
    "load_gold",
    "load_polnear",
    "quotes_html",
    "read_brat",
    "read_text_file",
    "score_sentiment",
    "sentiment_toward",
    "stance_evidence",
    "stance_table",
    "write_brat",
]

if TYPE_CHECKING:  # pragma: no cover
    from .attribution import QUOTE_COLUMNS, attribute_quotes
    from .brat import load_gold, load_polnear, read_brat, write_brat
    from .evaluation import evaluate, evaluate_many
    from .gazetteer import Gazetteer, actors, load_gazetteer
    from .render import Analysis, actor_colour, analyse, highlight_html, quotes_html
    from .sentiment import explain_sentiment, score_sentiment, sentiment_toward
    from .stance import actor_summary, add_sentiment, stance_evidence, stance_table
    from .text import Article, bundled_articles, load_article, read_text_file


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kosovo_kit' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
