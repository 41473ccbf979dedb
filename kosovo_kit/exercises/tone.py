"""Checks of notebook 04, sentiment: the words the lexicon scores."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..text import Article
from .feedback import Feedback, _article, _norm


def tone_statement(article: Article | None = None) -> str:
    """The words Christofer Burger is quoted with: the statement of exercise 04.1."""
    text = _article(article).text
    start = text.index("“We are very concerned") + 1
    return text[start : text.index("”", start)]


def check_tone_words(
    words: Iterable[str], article: Article | None = None, lexicon: Any = "news"
) -> Feedback:
    """Exercise 04.1: which words of Burger's statement does the sentiment lexicon score?

    Parameters
    ----------
    words : iterable of str
        The words you think carry tone for the lexicon.
    article : Article, optional
        The article; the bundled one by default.
    lexicon : str or path or mapping
        The lexicon, as for :func:`kosovo_kit.explain_sentiment`.

    Returns
    -------
    Feedback
    """
    from ..sentiment import explain_sentiment

    if isinstance(words, str):
        words = words.split()
    statement = tone_statement(article)
    table = explain_sentiment(statement, lexicon=lexicon)
    table = table[table["kind"] == "word"]
    valence = {_norm(t): float(v) for t, v in zip(table["token"], table["valence"])}
    boosted = {_norm(t) for t, b in zip(table["token"], table["booster"]) if b}
    scored = {w for w, v in valence.items() if v}
    given = list(dict.fromkeys(_norm(w) for w in words if _norm(w)))
    fb = Feedback("Words with tone")
    for word in given:
        if word not in valence:
            fb.again.append(f"“{word}” is not a word of the statement.")
        elif word in scored:
            fb.right.append(f"“{word}”: valence {valence[word]:+.2f} in the lexicon.")
        elif word in {"very", "extremely", "so", "really"} and boosted:
            fb.again.append(
                f"“{word}” has no tone of its own: it boosts the next word "
                "(see the booster column of explain_sentiment)."
            )
        else:
            fb.again.append(
                f"“{word}”: a reader may feel it, but the lexicon gives it no valence (0)."
            )
    for word in sorted(scored - set(given)):
        fb.missing.append(
            f"a word of the statement that the lexicon scores ({len(word)} "
            f"letters, valence {'negative' if valence[word] < 0 else 'positive'})."
        )
    n_right = len(scored & set(given))
    # words given that the lexicon does not score lower the score, so listing every word
    # of the statement is not a way to find all
    fb.score = n_right / (len(scored) + len(fb.again)) if scored else float(not fb.again)
    fb.title = f"Words with tone: {n_right} of {len(scored)} found"
    if not fb.done:
        fb.hint = (
            "run kk.explain_sentiment on the statement and read the valence column: "
            "only words with a non-zero valence carry tone for the lexicon."
        )
    return fb
