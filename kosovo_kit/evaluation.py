"""Score quote attributions against gold BRAT annotations.

Both sides can be a who-said-what table (``start``, ``end``, ``speaker``, ``speaker_start``,
``speaker_end``; optionally ``text``) or a table from :func:`kosovo_kit.brat.read_brat`, so a
student can score the kit's output against their own annotation, or two students can score
each other: ``evaluate(read_brat(a), read_brat(b))``.

Rules
-----
Match
    A predicted and a gold attribution match when their overlap is at least half the length of
    each (a discontinuous span's length is the sum of its pieces). Pairs are matched one to one,
    greedily, largest overlap first; ties go to the earlier gold, then the earlier prediction.
Speaker
    The speaker of a matched pair is right when the predicted speaker span overlaps the gold
    Source span(s), or the last word of the predicted speaker occurs among the words of the gold
    Source (case-insensitive; a possessive ``'s`` is dropped). Speaker accuracy counts only
    matched pairs whose gold attribution has a Source.
Who-said-what
    A hit is a matched pair that agrees on the speaker: the speaker is right, or neither side
    names one (a speaker invented for a gold attribution without a Source is a miss). Precision
    is hits over predictions, recall hits over gold attributions.
Quoted
    An attribution is quoted when a quotation mark lies inside its content or touches it (the
    character just before or after a piece). Double marks ``" “ ” « » ‹ › „ ‟`` always count,
    and so do two typewriter apostrophes or backticks in a row (``''``), which some archives
    (the New York Times') use for double marks, as :mod:`kosovo_kit.attribution.marks` reads
    them; single marks ``' ‘ ’ ‛ ‚`` count only when they open a quotation, i.e. they follow
    the start of the text, whitespace, a bracket, a dash or a double mark and precede a letter,
    so
    apostrophes (``it’s``, ``voters’``, ``’90s``) do not. The "quoted" subset holds the gold
    and predicted attributions that are quoted; a matched pair belongs to it when either side is
    quoted, so precision and recall share one set of true positives and swapping the two
    tables swaps precision and recall.
Empty
    Attributions without a content span (a few in PolNeAR) are left out on both sides.
Several annotators
    When the gold is a mapping ``{annotator: table}`` the prediction is scored against each
    annotation separately and the counts are summed (``annotators="each"``), or only against the
    first annotator in name order (``annotators="first"``).

Counts are micro-averaged: :func:`evaluate_many` sums true/false positives and negatives over
articles before computing the ratios. A ratio whose denominator is zero is NaN.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

import pandas as pd

from kosovo_kit.brat import read_brat

__all__ = [
    "ALIGNMENT_COLUMNS",
    "SUBSETS",
    "align",
    "evaluate",
    "evaluate_many",
    "is_quoted",
    "score_table",
    "summarise",
]

Span = tuple[int, int]
Table: TypeAlias = "pd.DataFrame | str | os.PathLike[str]"
Gold: TypeAlias = "Table | Mapping[str, Table]"
Annotators = Literal["each", "first"]

SUBSETS = ("quoted", "all")

ALIGNMENT_COLUMNS = [
    "annotator",
    "status",
    "pred_index",
    "gold_index",
    "overlap",
    "pred_start",
    "pred_end",
    "gold_start",
    "gold_end",
    "pred_speaker",
    "gold_source",
    "pred_has_speaker",
    "gold_has_source",
    "speaker_right",
    "hit",
    "quoted",
]

_WSW_COLUMNS = ("start", "end", "speaker", "speaker_start", "speaker_end")
_BRAT_COLUMNS = ("content_spans", "source_spans")
# Whether content counts as quoted, for gold and predictions alike. Wider than the marks
# attribution pairs (kosovo_kit.attribution.marks): annotated texts may keep the CJK and
# full-width marks 〝〞＂, and a single mark counts only where it opens before a letter.
_DOUBLE_MARKS = '"“”«»‹›„‟〝〞＂'
_SINGLE_MARKS = "'‘’‛‚"
_QUOTE_MARK = re.compile(
    rf"[{_DOUBLE_MARKS}]|''|``"
    rf"|(?:^|(?<=[\s(\[{{\-–—/{_DOUBLE_MARKS}]))[{_SINGLE_MARKS}](?=[^\W\d_])"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass
class _Item:
    index: int
    pieces: list[Span]
    length: int
    speaker_spans: list[Span]
    speaker: str | None
    quoted: bool


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (list, tuple)) and bool(pd.isna(value)))


def _merge(spans: Iterable[Span]) -> list[Span]:
    # Overlapping pieces would otherwise be counted twice in lengths and overlaps.
    merged: list[Span] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def _quote_positions(text: str) -> list[int]:
    # both characters of a two-character mark (''), so either may touch the content
    return [i for m in _QUOTE_MARK.finditer(text) for i in range(m.start(), m.end())]


def is_quoted(spans: Sequence[Span], text: str) -> bool:
    """Tell whether an attribution's content is quoted.

    Parameters
    ----------
    spans : sequence of (int, int)
        Content pieces as ``(start, end)`` offsets into ``text``.
    text : str
        The document.

    Returns
    -------
    bool
        True when a quotation mark lies in a piece or right next to one (see module notes).
    """
    return _touches_mark(spans, _quote_positions(text))


def _touches_mark(spans: Sequence[Span], marks: list[int]) -> bool:
    for start, end in spans:
        i = bisect.bisect_left(marks, start - 1)
        if i < len(marks) and marks[i] <= end:
            return True
    return False


def _last_word(name: str) -> str | None:
    words = _words(name)
    return words[-1] if words else None


def _words(name: str) -> list[str]:
    out = []
    for word in _WORD.findall(name.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if word:
            out.append(word)
    return out


def _load(table: Table, text: str | None) -> pd.DataFrame:
    if isinstance(table, pd.DataFrame):
        return table
    if isinstance(table, (str, os.PathLike)):
        return read_brat(table, text)
    raise TypeError(f"expected a DataFrame or a path to an .ann file, got {type(table).__name__}")


def _check_range(role: str, n: int, spans: Iterable[Span], text: str) -> None:
    for start, end in spans:
        if not 0 <= start <= end <= len(text):
            raise ValueError(
                f"{role} row {n}: span ({start}, {end}) lies outside the text "
                f"(length {len(text)}); was it computed on a different text?"
            )


def _normalise(frame: pd.DataFrame, role: str, text: str | None) -> list[_Item]:
    cols = set(frame.columns)
    if set(_BRAT_COLUMNS) <= cols:
        brat = True
    else:
        brat = False
        missing = [c for c in _WSW_COLUMNS if c not in cols]
        if missing:
            raise ValueError(
                f"{role} table lacks column(s) {missing}: expected a who-said-what table with "
                f"{list(_WSW_COLUMNS)} or a read_brat table with {list(_BRAT_COLUMNS)}"
            )
    marks = _quote_positions(text) if text is not None else []
    items = []
    for n, row in enumerate(frame.to_dict(orient="records")):
        if brat:
            pieces = [(int(s), int(e)) for s, e in row["content_spans"]]
            speaker_spans = [(int(s), int(e)) for s, e in row["source_spans"]]
            speaker = row.get("source_text")
            label = row.get("attribution_id", n)
            own_text = row.get("content_text")
        else:
            if _missing(row["start"]) or _missing(row["end"]):
                pieces = []
            else:
                pieces = [(int(row["start"]), int(row["end"]))]
            if _missing(row["speaker_start"]) or _missing(row["speaker_end"]):
                speaker_spans = []
            else:
                speaker_spans = [(int(row["speaker_start"]), int(row["speaker_end"]))]
            speaker = row["speaker"]
            label = n
            own_text = row.get("text")
        if text is not None:
            _check_range(role, n, pieces + speaker_spans, text)
            _check_text(role, label, pieces, own_text, text, brat)
        own_pieces = None if brat else row.get("pieces")
        if isinstance(own_pieces, (list, tuple)) and own_pieces and pieces:
            # content given in several pieces (“A,” he said, “B.”): score the pieces, not
            # the words of the frame between them
            pieces = [(int(s), int(e)) for s, e in own_pieces]
            if text is not None:
                _check_range(role, n, pieces, text)
        if _missing(speaker) or not str(speaker).strip():
            speaker = None
            if text is not None and speaker_spans:
                speaker = " ".join(text[s:e] for s, e in speaker_spans)
        merged = _merge(pieces)
        if not merged:
            continue
        if text is not None:
            quoted = _touches_mark(merged, marks)
        else:
            quoted = not _missing(own_text) and bool(_QUOTE_MARK.search(str(own_text)))
        items.append(
            _Item(
                index=n,
                pieces=merged,
                length=sum(e - s for s, e in merged),
                speaker_spans=_merge(speaker_spans),
                speaker=None if speaker is None else str(speaker),
                quoted=quoted,
            )
        )
    return items


def _check_text(
    role: str, label: Any, pieces: list[Span], own_text: Any, text: str, brat: bool
) -> None:
    if _missing(own_text) or not pieces:
        return
    expected = " ".join(text[s:e] for s, e in pieces)
    own = str(own_text)
    # Who-said-what tables may tidy whitespace in their text column, so compare words there.
    same = own == expected if brat else own.split() == expected.split()
    if not same:
        raise ValueError(
            f"{role} attribution {label}: its text {own[:50]!r} does not match the "
            f"document text {expected[:50]!r} at {pieces}; was it computed on a different text?"
        )


def _has_speaker(item: _Item) -> bool:
    return bool(item.speaker_spans) or bool(item.speaker and item.speaker.strip())


def _speaker_right(pred: _Item, gold: _Item) -> bool:
    if pred.speaker_spans and _overlap(pred.speaker_spans, gold.speaker_spans) > 0:
        return True
    last = _last_word(pred.speaker) if pred.speaker else None
    return last is not None and gold.speaker is not None and last in _words(gold.speaker)


def _match(preds: list[_Item], golds: list[_Item]) -> list[tuple[int, int, int]]:
    candidates = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            shared = _overlap(pred.pieces, gold.pieces)
            # Integer arithmetic keeps "exactly half" exact.
            if shared > 0 and 2 * shared >= gold.length and 2 * shared >= pred.length:
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi, -neg))
    return pairs


def _row(annotator: Any, status: str, pred: _Item | None, gold: _Item | None, overlap: int) -> dict:
    gold_has = gold is not None and _has_speaker(gold)
    pred_has = pred is not None and _has_speaker(pred)
    right: Any = pd.NA
    hit = False
    if pred is not None and gold is not None:
        if gold_has:
            right = _speaker_right(pred, gold)
            hit = right
        else:
            hit = not pred_has
    return {
        "annotator": annotator,
        "status": status,
        "pred_index": pred.index if pred is not None else pd.NA,
        "gold_index": gold.index if gold is not None else pd.NA,
        "overlap": overlap,
        "pred_start": pred.pieces[0][0] if pred is not None else pd.NA,
        "pred_end": pred.pieces[-1][1] if pred is not None else pd.NA,
        "gold_start": gold.pieces[0][0] if gold is not None else pd.NA,
        "gold_end": gold.pieces[-1][1] if gold is not None else pd.NA,
        "pred_speaker": pred.speaker if pred is not None else None,
        "gold_source": gold.speaker if gold is not None else None,
        "pred_has_speaker": pred_has,
        "gold_has_source": gold_has,
        "speaker_right": right,
        "hit": hit,
        "quoted": (pred is not None and pred.quoted) or (gold is not None and gold.quoted),
    }


def _gold_tables(gold: Gold, annotators: Annotators) -> list[tuple[Any, Table]]:
    if annotators not in ("each", "first"):
        raise ValueError(f"annotators must be 'each' or 'first', not {annotators!r}")
    if isinstance(gold, Mapping):
        if not gold:
            raise ValueError("the gold mapping of annotators is empty")
        names = sorted(gold)
        if annotators == "first":
            names = names[:1]
        return [(name, gold[name]) for name in names]
    return [(pd.NA, gold)]


def _document_text(text: Any) -> str | None:
    # An Article (anything with a str ``text``) is accepted for convenience.
    if text is None or isinstance(text, str):
        return text
    inner = getattr(text, "text", None)
    if isinstance(inner, str):
        return inner
    raise TypeError(f"text must be a str or an Article, not {type(text).__name__}")


def align(
    predicted: Table,
    gold: Gold,
    text: str | None = None,
    *,
    annotators: Annotators = "each",
) -> pd.DataFrame:
    """Pair predicted with gold attributions of one document.

    Parameters
    ----------
    predicted : DataFrame or path
        Who-said-what table, :func:`~kosovo_kit.brat.read_brat` table or ``.ann`` path.
    gold : DataFrame, path or mapping
        Same forms as ``predicted``, or ``{annotator: table}``.
    text : str or Article, optional
        The document; enables offset/text checks, quotation marks next to a span and speaker
        text from offsets.
    annotators : {"each", "first"}
        With several gold annotators, align against each of them or only the first.

    Returns
    -------
    pandas.DataFrame
        One row per matched pair (``status`` "tp"), unmatched prediction ("fp") and unmatched
        gold attribution ("fn"), with the columns in ``ALIGNMENT_COLUMNS``. ``pred_index`` and
        ``gold_index`` are row positions in the input tables.
    """
    text = _document_text(text)
    preds = _normalise(_load(predicted, text), "predicted", text)
    rows = []
    for annotator, table in _gold_tables(gold, annotators):
        golds = _normalise(_load(table, text), "gold", text)
        pairs = _match(preds, golds)
        matched_g = {gi for gi, _, _ in pairs}
        matched_p = {pi for _, pi, _ in pairs}
        for gi, pi, shared in sorted(pairs):
            rows.append(_row(annotator, "tp", preds[pi], golds[gi], shared))
        for gi, item in enumerate(golds):
            if gi not in matched_g:
                rows.append(_row(annotator, "fn", None, item, 0))
        for pi, item in enumerate(preds):
            if pi not in matched_p:
                rows.append(_row(annotator, "fp", item, None, 0))
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    for col in ("pred_index", "gold_index", "pred_start", "pred_end", "gold_start", "gold_end"):
        frame[col] = frame[col].astype("Int64")
    frame["speaker_right"] = frame["speaker_right"].astype("boolean")
    for col in ("pred_has_speaker", "gold_has_source", "hit", "quoted"):
        frame[col] = frame[col].astype(bool)
    return frame


def _ratio(num: int, den: int) -> float:
    return num / den if den else float("nan")


def _prf(tp: int, fp: int, fn: int, prefix: str) -> dict[str, float]:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    return {
        f"{prefix}_tp": tp,
        f"{prefix}_fp": fp,
        f"{prefix}_fn": fn,
        f"{prefix}_precision": precision,
        f"{prefix}_recall": recall,
        f"{prefix}_f1": f1,
    }


def summarise(alignment: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Turn an alignment (or several concatenated) into scores.

    Parameters
    ----------
    alignment : pandas.DataFrame
        Output of :func:`align`, possibly concatenated over many documents.

    Returns
    -------
    dict
        ``{"quoted": scores, "all": scores}``; see :func:`evaluate`.
    """
    missing = [c for c in ("status", "quoted", "hit", "gold_has_source") if c not in alignment]
    if missing:
        raise ValueError(f"alignment table lacks column(s) {missing}; use align() to build it")
    result = {}
    for subset in SUBSETS:
        # Boolean masks are cast because an empty alignment has object columns.
        part = alignment[alignment["quoted"].astype(bool)] if subset == "quoted" else alignment
        status = part["status"]
        tp, fp, fn = (int((status == s).sum()) for s in ("tp", "fp", "fn"))
        matched = part[(status == "tp") & part["gold_has_source"].astype(bool)]
        correct = int(matched["speaker_right"].astype("boolean").fillna(False).sum())
        hits = int(((status == "tp") & part["hit"].astype(bool)).sum())
        scores: dict[str, float] = {"n_predicted": tp + fp, "n_gold": tp + fn}
        scores.update(_prf(tp, fp, fn, "quote"))
        scores.update(
            {
                "speaker_correct": correct,
                "speaker_total": len(matched),
                "speaker_accuracy": _ratio(correct, len(matched)),
            }
        )
        scores.update(_prf(hits, tp + fp - hits, tp + fn - hits, "wsw"))
        result[subset] = scores
    return result


def evaluate(
    predicted: Table,
    gold: Gold,
    text: str | None = None,
    *,
    annotators: Annotators = "each",
) -> dict[str, dict[str, float]]:
    """Score predicted attributions of one document against gold ones.

    Parameters
    ----------
    predicted : DataFrame or path
        Who-said-what table (``start``, ``end``, ``speaker``, ``speaker_start``,
        ``speaker_end``, optionally ``text``), :func:`~kosovo_kit.brat.read_brat` table or
        ``.ann`` path.
    gold : DataFrame, path or mapping
        Same forms as ``predicted``, or ``{annotator: table}`` for several annotators.
    text : str or Article, optional
        The document. Recommended: offsets and span texts are checked against it and
        quotation marks right next to a span count.
    annotators : {"each", "first"}
        With several gold annotators, sum the counts over each of them or use the first.

    Returns
    -------
    dict
        ``{"quoted": scores, "all": scores}`` where scores holds ``n_predicted``, ``n_gold``,
        ``quote_tp/fp/fn/precision/recall/f1``, ``speaker_correct``, ``speaker_total``,
        ``speaker_accuracy`` and who-said-what ``wsw_tp/fp/fn/precision/recall/f1``.
        ``score_table(result)`` shows it as a DataFrame.

    Raises
    ------
    ValueError
        When a table lacks columns or its offsets or texts do not fit ``text``.
    """
    return summarise(align(predicted, gold, text, annotators=annotators))


def evaluate_many(
    pairs: Iterable[tuple[Any, ...]], *, annotators: Annotators = "each"
) -> dict[str, dict[str, float]]:
    """Micro-average scores over many documents.

    Parameters
    ----------
    pairs : iterable of tuples
        ``(predicted, gold)`` or ``(predicted, gold, text)`` per document, in the forms
        :func:`evaluate` accepts.
    annotators : {"each", "first"}
        With several gold annotators, count each annotation separately or only the first.

    Returns
    -------
    dict
        As :func:`evaluate`, with counts summed over documents before the ratios.
    """
    alignments = []
    for n, pair in enumerate(pairs):
        if len(pair) not in (2, 3):
            raise ValueError(f"pair {n} has {len(pair)} items; expected (predicted, gold[, text])")
        predicted, gold = pair[0], pair[1]
        text = pair[2] if len(pair) == 3 else None
        alignments.append(align(predicted, gold, text, annotators=annotators))
    if not alignments:
        return summarise(pd.DataFrame(columns=ALIGNMENT_COLUMNS))
    return summarise(pd.concat(alignments, ignore_index=True))


def score_table(result: Mapping[str, Mapping[str, float]]) -> pd.DataFrame:
    """Show scores from :func:`evaluate` as a table.

    Parameters
    ----------
    result : dict
        Output of :func:`evaluate`, :func:`evaluate_many` or :func:`summarise`.

    Returns
    -------
    pandas.DataFrame
        One row per subset ("quoted", "all"), one column per measure.
    """
    return pd.DataFrame.from_dict({k: dict(v) for k, v in result.items()}, orient="index")
