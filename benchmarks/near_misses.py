"""Near misses of quoted statements on a PolNeAR split: gold content a prediction overlaps
without matching it, by structural cause.

Usage::

    python benchmarks/near_misses.py [--split train] [--limit N] [--show K] [--cause TEXT]

A quoted gold statement that no prediction matches (see :mod:`kosovo_kit.evaluation`) is a
near miss when a prediction overlaps it: the prediction is too long (it covers the gold
content, which is less than half of it), too short (it lies inside the gold content and is
less than half of it) or only partly overlapping. The cause names the larger part left over
(the prediction's extra when it is too long, the gold's when too short): before or after
the other span, in the same paragraph or another one, and whether a quotation mark touches
it. Counts are per distinct gold statement; ``--show`` prints examples with the gold
content in ⟪ ⟫, the prediction in ⟦ ⟧ and the gold source in « ».
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

try:
    import kosovo_kit  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd

from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.brat import default_polnear_root, load_polnear
from kosovo_kit.evaluation import align, is_quoted

Span = tuple[int, int]
_MARK = re.compile(r"[\"“”]")
# Characters that alone make no leftover part ("," or the full stop after a quotation)
_TRIVIAL = " \n,.;:"


def _spans(value: Any) -> list[Span]:
    if value is None or (not isinstance(value, list) and pd.isna(value)):
        return []
    return [(int(s), int(e)) for s, e in value]


def _overlap(a: list[Span], b: list[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _minus(text: str, a: list[Span], b: list[Span]) -> list[Span]:
    """The parts of ``a`` that ``b`` does not cover, trivial ones left out."""
    out: list[Span] = []
    for s, e in a:
        parts = [(s, e)]
        for s2, e2 in b:
            parts = [
                piece
                for x, y in parts
                for piece in (
                    [(x, y)] if e2 <= x or s2 >= y else [(x, min(y, s2)), (max(x, e2), y)]
                )
                if piece[1] > piece[0]
            ]
        out += parts
    return [(s, e) for s, e in out if text[s:e].strip(_TRIVIAL)]


def cause(text: str, gold: list[Span], pred: list[Span]) -> tuple[str, str]:
    """(relation, structural cause) of a gold content and a prediction that overlaps it."""
    shared = _overlap(gold, pred)
    g_len = sum(e - s for s, e in gold)
    p_len = sum(e - s for s, e in pred)
    if 2 * shared >= g_len and 2 * shared < p_len:
        relation, inner, outer, who = "too long", gold, pred, "prediction"
    elif 2 * shared >= p_len and 2 * shared < g_len:
        relation, inner, outer, who = "too short", pred, gold, "gold"
    else:
        return "partial", "partial overlap"
    extra = _minus(text, outer, inner)
    if not extra:
        return relation, "nothing left over"
    s, e = max(extra, key=lambda span: span[1] - span[0])
    first, last = inner[0][0], inner[-1][1]
    if s >= last:
        where, between = "after", text[last:s]
    elif e <= first:
        where, between = "before", text[e:first]
    else:
        where, between = "between the pieces", ""
    para = "another paragraph" if "\n" in between else "the same paragraph"
    marked = "quoted" if _MARK.search(text, max(0, s - 1), e + 1) else "unquoted"
    return relation, f"{who} runs on {where}, in {para}, {marked}"


def near_misses(split: str, limit: int | None, root: Path | None) -> pd.DataFrame:
    """One row per (quoted gold statement missed, prediction overlapping it)."""
    rows = []
    for article_id, text, golds in load_polnear(
        split, root=root or default_polnear_root(), limit=limit
    ):
        if not golds:
            continue
        pred = attribute_quotes(text)
        alignment = align(pred, golds, text)
        for annotator, table in golds.items():
            part = alignment[(alignment["annotator"] == annotator) & (alignment["status"] == "fn")]
            for gi in part["gold_index"].dropna().astype(int):
                gold = _spans(table.iloc[gi]["content_spans"])
                if not gold or not is_quoted(gold, text):
                    continue
                for pi, pieces in enumerate(pred["pieces"]):
                    spans = _spans(pieces)
                    if _overlap(gold, spans) > 0:
                        relation, why = cause(text, gold, spans)
                        rows.append(
                            {
                                "article": article_id,
                                "annotator": annotator,
                                "gold_index": gi,
                                "pred_index": pi,
                                "relation": relation,
                                "cause": why,
                                "rule": pred.iloc[pi]["rule"],
                                "text": text,
                                "gold": gold,
                                "pred": spans,
                                "source": _spans(table.iloc[gi]["source_spans"]),
                            }
                        )
    return pd.DataFrame(rows)


def _show(row: Any, width: int = 80) -> str:
    text = row.text
    marks = (
        [(s, e, "⟪", "⟫") for s, e in row.gold]
        + [(s, e, "⟦", "⟧") for s, e in row.pred]
        + [(s, e, "«", "»") for s, e in row.source]
    )
    start = max(0, min(m[0] for m in marks) - width)
    end = min(len(text), max(m[1] for m in marks) + width)
    inserts = sorted(
        [(s, 1, -e, left) for s, e, left, _ in marks]
        + [(e, 0, -s, right) for s, e, _, right in marks]
    )
    out, pos = [], start
    for at, _, _, bracket in inserts:
        out += [text[pos:at], bracket]
        pos = at
    out.append(text[pos:end])
    return "".join(out).replace("\n", " ⏎ ")


def main(argv: list[str] | None = None) -> int:
    """Print the near misses by cause, and examples.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    int
        Exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="train", help="PolNeAR split (train or dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--show", type=int, default=0, metavar="K", help="K examples per cause")
    parser.add_argument("--cause", default="", help="show only causes holding this text")
    parser.add_argument("--root", type=Path, default=None, help="PolNeAR folder")
    parser.add_argument("--seed", type=int, default=0, help="seed for picking examples")
    args = parser.parse_args(argv)
    table = near_misses(args.split, args.limit, args.root)
    if table.empty:
        print("no near misses")
        return 0
    distinct = table.drop_duplicates(["article", "annotator", "gold_index"])
    print(f"{len(distinct)} quoted gold statements missed with an overlapping prediction")
    counts = Counter(zip(distinct["relation"], distinct["cause"], strict=True))
    for (relation, why), n in counts.most_common():
        print(f"{n:5d}  {relation:9s}  {why}")
    rng = random.Random(args.seed)
    for (relation, why), _ in counts.most_common():
        if not args.show or args.cause not in why:
            continue
        rows = list(
            distinct[(distinct["relation"] == relation) & (distinct["cause"] == why)].itertuples()
        )
        print(f"\n== {relation}: {why}")
        for row in rng.sample(rows, min(args.show, len(rows))):
            print(f"- {row.article} {row.annotator} rule={row.rule}\n    {_show(row)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
