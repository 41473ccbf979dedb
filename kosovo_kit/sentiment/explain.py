"""A sentence's score as a table: every token, every rule's effect on it, punctuation."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .lexicons import Lexicon, load_lexicon
from .tokens import tokenise_with_offsets
from .vader import (
    EXCLAMATION,
    QUESTION,
    QUESTIONS_MAX,
    RULE_COLUMNS,
    Effects,
    check_text,
    summarise,
    token_valences,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["explain_sentiment"]


def explain_sentiment(
    text: str,
    lexicon: str | Path | Mapping[str, float] | Lexicon = "news",
    compact: bool = False,
) -> pd.DataFrame:
    """Show what every token and rule contributes to a sentence's score.

    Parameters
    ----------
    text : str
        The sentence.
    lexicon : str, Path, Mapping or Lexicon
        As in :func:`~kosovo_kit.sentiment.score_sentiment`.
    compact : bool
        Keep only ``token``, ``valence``, the rule columns that changed some token and
        ``score``: a short table whose columns still add up, row by row, to ``score``.

    Returns
    -------
    pandas.DataFrame
        One row per VADER token (``kind="word"``) with ``token``, ``start``, ``end``
        (``text[start:end] == token``; emoji descriptions map to the emoji's span), ``word``
        (the form looked up in the lexicon), ``valence`` (lexicon valence, 0 if absent), one
        column per rule in :data:`RULE_COLUMNS` holding that rule's additive effect, and
        ``score`` (``valence`` plus the rule columns). Punctuation emphasis gets one row per
        counted mark (``kind="punct"``: the first four "!" add 0.292 each; two or three "?" add
        0.18 each, four or more add 0.96 shared by the first four), signed like the sentence sum
        and zero when that sum is zero; its value is in ``punct`` and ``score``. The ``score``
        column therefore sums to the raw value VADER normalises, and ``attrs`` holds
        ``compound``, ``pos``, ``neu``, ``neg``, ``raw`` and ``alpha``.
    """
    import pandas as pd

    check_text(text)
    lex = load_lexicon(lexicon)
    rules = lex.rules
    expanded, src, raw, words, spans = tokenise_with_offsets(text, rules.punct)
    effects = Effects(len(words))
    values = token_valences(lex, words, raw, effects)
    alpha = rules.alpha_for(len(words))
    scores, raw_sum = summarise(values, expanded.strip(), alpha)
    forms = [w.lower() for w in words]
    if rules.lemma_fallback:
        forms = lex.stems(forms)
    columns = effects.columns or {}
    rows = []
    for i, (word, form, (start, end)) in enumerate(zip(words, forms, spans)):
        row = {
            "kind": "word",
            "token": text[start:end],
            "start": start,
            "end": end,
            "word": word,
            "valence": float(lex.valences.get(form, 0.0)),
        }
        for col in RULE_COLUMNS:
            row[col] = columns[col][i]
        row["score"] = float(values[i])
        rows.append(row)
    rows.extend(_punct_rows(text, expanded, src, float(sum(values)) if values else 0.0))
    frame = pd.DataFrame(
        rows, columns=["kind", "token", "start", "end", "word", "valence", *RULE_COLUMNS, "score"]
    )
    frame = frame.sort_values(["start", "kind"], kind="stable").reset_index(drop=True)
    frame.attrs.update(scores)
    frame.attrs.update({"raw": raw_sum, "alpha": alpha, "lexicon": lex.name})
    if compact:
        fired = [c for c in RULE_COLUMNS if frame[c].any()]
        frame = frame[["token", "valence", *fired, "score"]]
    return frame


def _punct_rows(text: str, expanded: str, src: list[int], token_sum: float) -> list[dict[str, Any]]:
    """One row per punctuation mark counted as emphasis, signed like the token sum."""
    sign = 0.0 if not token_sum else math.copysign(1.0, token_sum)
    marks = [(i, EXCLAMATION) for i, c in enumerate(expanded) if c == "!"][:4]
    questions = [i for i, c in enumerate(expanded) if c == "?"]
    if 1 < len(questions) <= 3:
        marks += [(i, QUESTION) for i in questions]
    elif len(questions) > 3:
        marks += [(i, QUESTIONS_MAX / 4) for i in questions[:4]]
    rows: list[dict[str, Any]] = []
    for pos, amount in marks:
        start = src[pos]
        row: dict[str, Any] = {
            "kind": "punct",
            "token": text[start : start + 1],
            "start": start,
            "end": start + 1,
            "word": expanded[pos],
            "valence": 0.0,
        }
        row.update(dict.fromkeys(RULE_COLUMNS, 0.0))
        row["punct"] = row["score"] = sign * amount
        rows.append(row)
    return rows
