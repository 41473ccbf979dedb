"""Checks of notebook 03, who said what: kinds of statement and whom a phrase means."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import exercise_answers as keys
from .feedback import KINDS, Feedback, _keyed


def statements_to_classify() -> pd.DataFrame:
    """The five statements of exercise 03.1, by letter.

    Returns
    -------
    pandas.DataFrame
        ``item`` (A–E) and ``statement``.
    """
    return pd.DataFrame(
        {"item": list(keys.KINDS), "statement": [k.label for k in keys.KINDS.values()]}
    )


def check_statement_kinds(answer: Mapping[str, str]) -> Feedback:
    """Exercise 03.1: classify five statements as direct, mixed or indirect.

    Parameters
    ----------
    answer : mapping of str to str
        Letter (A–E, see :func:`statements_to_classify`) → kind.

    Returns
    -------
    Feedback
    """
    fb = _keyed(
        "Kinds of statements",
        answer,
        keys.KINDS,
        "the kind is",
        valid=KINDS,
        explain="the article has",
    )
    if not fb.done:
        fb.hint += (
            " Remember: direct: every reported word is inside quotation marks. Mixed: the "
            "reporter's words with quoted pieces. Indirect: no quotation marks."
        )
    return fb


def references_to_resolve() -> pd.DataFrame:
    """The four phrases of exercise 03.2, by letter.

    Returns
    -------
    pandas.DataFrame
        ``item`` (A–D) and ``phrase``.
    """
    return pd.DataFrame(
        {"item": list(keys.REFERENCES), "phrase": [k.label for k in keys.REFERENCES.values()]}
    )


def check_references(answer: Mapping[str, str]) -> Feedback:
    """Exercise 03.2: say whom or what a pronoun or a description refers to.

    Parameters
    ----------
    answer : mapping of str to str
        Letter (A–D, see :func:`references_to_resolve`) → the person or country.

    Returns
    -------
    Feedback
    """
    return _keyed(
        "Who is meant",
        answer,
        keys.REFERENCES,
        "the answer is",
        explain="the text that settles it:",
    )
