"""Checks of notebook 06: a student's own annotation, scored against the hand gold."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from ..text import Article
from .feedback import Feedback, _article, _locate, _norm_keep


def _find_word(text: str, piece: str, lo: int, hi: int, near: int) -> int | None:
    pattern = re.compile(r"(?<!\w)" + re.escape(_norm_keep(piece.strip())) + r"(?!\w)")
    hits = [m.start() for m in pattern.finditer(_norm_keep(text), lo, hi)]
    return min(hits, key=lambda s: abs(s - near)) if hits else None


def annotation_table(
    rows: Sequence[Mapping[str, str]] | pd.DataFrame, article: Article | None = None
) -> pd.DataFrame:
    """Turn a hand-written table of statements into a who-said-what table with offsets.

    Parameters
    ----------
    rows : sequence of mappings, or DataFrame
        One row per statement with ``content`` (the reported words, copied from the article)
        and ``speaker`` (the words naming the speaker, e.g. "he" or "Dmitry Peskov"; empty
        when nobody is named).
    article : Article, optional
        The article; the bundled one by default.

    Returns
    -------
    pandas.DataFrame
        ``start``, ``end``, ``text``, ``speaker``, ``speaker_start``, ``speaker_end``: the
        form :func:`kosovo_kit.evaluate` scores.

    Raises
    ------
    ValueError
        When a content or speaker cannot be found in the article; the message says which.
    """
    text = _article(article).text
    frame = pd.DataFrame(rows)
    out = []
    for n, row in enumerate(frame.to_dict(orient="records"), 1):
        content = str(row.get("content") or "").strip()
        start = _locate(content, text, 0) if content else None
        if start is None:
            raise ValueError(
                f"row {n}: the content “{content[:50]}” is not in the article as "
                "written; copy it exactly"
            )
        end = start + len(content)
        speaker = str(row.get("speaker") or "").strip()
        s_start = s_end = None
        if speaker:
            # the mention nearest to the content, within its paragraph
            para = _article(article).paragraphs
            p = para[(para["start"] <= start) & (para["end"] >= end)]
            lo, hi = (int(p["start"].iloc[0]), int(p["end"].iloc[0])) if len(p) else (0, len(text))
            s_start = _find_word(text, speaker, lo, hi, start)
            if s_start is None:
                raise ValueError(
                    f"row {n}: the speaker “{speaker}” is not in the paragraph of the content"
                )
            s_end = s_start + len(speaker)
        out.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "speaker": text[s_start:s_end] if speaker else None,
                "speaker_start": s_start,
                "speaker_end": s_end,
            }
        )
    columns = ["start", "end", "text", "speaker", "speaker_start", "speaker_end"]
    table = pd.DataFrame(out, columns=columns)
    for col in ("start", "end", "speaker_start", "speaker_end"):
        table[col] = table[col].astype("Int64")
    return table


def check_annotation(
    annotation: pd.DataFrame | str | os.PathLike[str],
    paragraphs: Iterable[int],
    article: Article | None = None,
    gold: pd.DataFrame | str | os.PathLike[str] | None = None,
) -> Feedback:
    """Exercise 06: score your annotation of some paragraphs against the hand gold.

    Parameters
    ----------
    annotation : DataFrame or path
        Your statements: a BRAT ``.ann`` file (or :func:`kosovo_kit.read_brat` table), a
        table from :func:`annotation_table`, or any who-said-what table.
    paragraphs : iterable of int
        The ``paragraph_id`` values you annotated; gold statements elsewhere are left out.
    article : Article, optional
        The article; the bundled one by default.
    gold : DataFrame or path, optional
        The gold annotation; by default the hand annotation bundled with the article
        (:func:`kosovo_kit.load_gold`).

    Returns
    -------
    Feedback
        Found, missed and extra statements, whether each speaker is right, and the scores of
        :func:`kosovo_kit.evaluate` in the title.
    """
    from ..brat import load_gold, read_brat
    from ..evaluation import align, summarise

    art = _article(article)
    text = art.text
    ids = sorted({int(p) for p in ([paragraphs] if isinstance(paragraphs, int) else paragraphs)})
    para = art.paragraphs.set_index("paragraph_id")
    missing_ids = [p for p in ids if p not in para.index]
    if missing_ids or not ids:
        raise ValueError(
            f"paragraphs {missing_ids or ids} are not in the article (it has 0 to {len(para) - 1})"
        )
    bounds = [(int(para.loc[p, "start"]), int(para.loc[p, "end"])) for p in ids]

    def inside(frame: pd.DataFrame) -> pd.DataFrame:
        starts = frame["start"].astype("Int64")
        keep = pd.Series(
            [pd.notna(s) and any(lo <= int(s) < hi for lo, hi in bounds) for s in starts],
            index=frame.index,
            dtype=bool,
        )
        return frame[keep].reset_index(drop=True)

    if isinstance(annotation, (str, os.PathLike)):
        annotation = read_brat(annotation, text)
    if gold is None:
        gold_table = load_gold(art.metadata.get("name"))
    elif isinstance(gold, pd.DataFrame):
        gold_table = gold
    else:
        gold_table = read_brat(gold, text)
    gold_table, student = inside(gold_table), inside(annotation)
    pairs = align(student, gold_table, text)
    scores = summarise(pairs)["all"]

    def span(row_start: Any, row_end: Any) -> str:
        piece = text[int(row_start) : int(row_end)]
        return piece if len(piece) <= 60 else piece[:57] + "…"

    def gold_speaker(i: int) -> str:
        value = gold_table["source_text"].iloc[i] if "source_text" in gold_table else None
        return "nobody named" if value is None or pd.isna(value) else str(value)

    fb = Feedback("Your annotation")
    for row in pairs.itertuples():
        if row.status == "tp":
            found = f"“{span(row.gold_start, row.gold_end)}”"
            if row.hit:
                fb.right.append(f"{found}, said by {gold_speaker(int(row.gold_index))}.")
            else:
                fb.right.append(f"{found}: you found the statement.")
                yours = "nobody" if _missing_text(row.pred_speaker) else row.pred_speaker
                fb.again.append(
                    f"{found}: the speaker — you have “{yours}”, the gold has "
                    f"“{gold_speaker(int(row.gold_index))}”."
                )
        elif row.status == "fn":
            fb.missing.append(
                f"a statement in paragraph "
                f"{_para_of(bounds, ids, int(row.gold_start))} starting "
                f"“{span(row.gold_start, row.gold_end)[:25]}…”."
            )
        else:
            fb.again.append(
                f"“{span(row.pred_start, row.pred_end)}” does not match a gold "
                "statement: is it reported speech with a cue, and does your span "
                "cover at least half of the reported words?"
            )
    fb.score = float(scores["wsw_f1"]) if scores["n_gold"] else 0.0
    p, r = scores["wsw_precision"], scores["wsw_recall"]
    fb.title = (
        f"Your annotation of paragraph(s) {', '.join(map(str, ids))}: "
        f"{int(scores['wsw_tp'])} of {int(scores['n_gold'])} gold statements found "
        f"with the right speaker (precision {_pct(p)}, recall {_pct(r)})"
    )
    if not fb.done:
        fb.hint = (
            "one statement per cue (said, told, announced, according to …); the content "
            "is the reported words without the cue and the speaker; a pronoun such as "
            "“he” is a speaker mention too."
        )
    return fb


def _missing_text(value: Any) -> bool:
    return (
        value is None
        or (not isinstance(value, str) and bool(pd.isna(value)))
        or not str(value).strip()
    )


def _para_of(bounds: list[tuple[int, int]], ids: list[int], pos: int) -> int:
    return next(p for p, (lo, hi) in zip(ids, bounds) if lo <= pos < hi)


def _pct(value: float) -> str:
    return "–" if pd.isna(value) else f"{value:.0%}"
