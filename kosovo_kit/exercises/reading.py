"""Checks of notebook 01, reading the article: who speaks for whom, signs of translation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import exercise_answers as keys
from ..text import Article
from .feedback import Feedback, _article, _keyed, _norm, _score


def check_sides(answer: Mapping[str, str]) -> Feedback:
    """Exercise 01.1: say which side each speaker of the article speaks for.

    Parameters
    ----------
    answer : mapping of str to str
        Speaker → side, for "Dmitry Peskov", "Milos Vucevic", "Christofer Burger" and
        "the federal government", e.g. ``{"Dmitry Peskov": "Russia", ...}``.

    Returns
    -------
    Feedback
    """
    return _keyed("Who speaks for whom", answer, keys.SIDES, "the side is")


def check_translation_signs(
    passages: Iterable[str], article: Article | None = None, wanted: int = 3
) -> Feedback:
    """Exercise 01.2: quote passages that read as machine translation.

    Parameters
    ----------
    passages : iterable of str
        Short passages copied from the article (a few words each).
    article : Article, optional
        The article; the bundled one by default.
    wanted : int
        How many passages the exercise asks for.

    Returns
    -------
    Feedback
    """
    if isinstance(passages, str):
        passages = [passages]
    text = _norm(_article(article).text)
    signs = {_norm(k): (k, why) for k, why in keys.TRANSLATION_SIGNS.items()}
    fb = Feedback("Signs of machine translation")
    found: set[str] = set()
    for passage in passages:
        said = _norm(passage)
        if not said:
            continue
        if said not in text:
            fb.again.append(
                f"“{passage}” is not in the article as written; copy the words "
                "exactly (the quotation marks and apostrophes may differ)."
            )
            continue
        match = next(
            (k for k in signs if k in said or (said in k and 2 * len(said) >= len(k))), None
        )
        if match is None:
            fb.again.append(
                f"“{passage}” reads as ordinary English to the course; if you "
                "think a native writer would put it differently, say how."
            )
        elif match in found:
            fb.again.append(f"“{passage}” is the same passage as one you already gave.")
        else:
            found.add(match)
            original, why = signs[match]
            longer = " (the odd words are “" + original + "”)" if len(said) > 2 * len(match) else ""
            fb.right.append(f"“{passage}”{longer}: {why}.")
    if len(found) < wanted:
        fb.missing.append(f"{wanted - len(found)} more passage(s): the exercise asks for {wanted}.")
        fb.hint = (
            "read paragraph 3 (Peskov's words), paragraph 5 (the Serbian army) and the "
            "last paragraph slowly, aloud: where does the grammar break?"
        )
    fb.score = min(1.0, _score(len(found), wanted))
    fb.title = f"Signs of machine translation: {len(found)} of {wanted} found"
    return fb
