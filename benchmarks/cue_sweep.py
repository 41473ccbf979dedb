"""Precision of each cue form or rule on a PolNeAR split, and what dropping it would do.

Usage::

    python benchmarks/cue_sweep.py [--split train] [--by form|rule] [--min-n N] [--drop a,b]

For every cue form (the ``cue`` column, lower-cased) or every ``rule`` value that makes at
least ``--min-n`` predictions, prints how many predictions it makes, how many match gold
who-said-what (rules in :mod:`kosovo_kit.evaluation`), and the change in who-said-what F1
(all and quoted attributions) if its predictions were removed. A prediction raises F1 when
it is right more often than about F1 / 2, so forms below that are the candidates for a
restriction. ``--drop`` instead scores the split with the listed forms removed together.
Tune on train and confirm on dev: per-form precision on a few dozen predictions is noisy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

try:
    import kosovo_kit  # noqa: F401
except ImportError:
    # Running from a checkout without installing: the package sits next to this folder.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.brat import default_polnear_root, load_polnear
from kosovo_kit.evaluation import align, summarise


def _key(pred: pd.DataFrame, by: str) -> pd.Series:
    column = "cue" if by == "form" else "rule"
    return pred[column].astype("object").fillna("(none)").astype(str).str.lower()


def _f1(parts: list[pd.DataFrame]) -> tuple[float, float]:
    scores = summarise(pd.concat(parts, ignore_index=True))
    return scores["all"]["wsw_f1"], scores["quoted"]["wsw_f1"]


def main(argv: list[str] | None = None) -> int:
    """Run the sweep.

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
    parser.add_argument("--by", choices=("form", "rule"), default="form")
    parser.add_argument("--min-n", type=int, default=5, help="smallest group to sweep")
    parser.add_argument("--drop", default="", help="comma-separated forms to remove together")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)

    texts, golds, preds, aligned = {}, {}, {}, {}
    for article_id, text, gold in load_polnear(
        args.split, root=default_polnear_root(), limit=args.limit
    ):
        if not gold:
            continue
        pred = attribute_quotes(text)
        texts[article_id], golds[article_id], preds[article_id] = text, gold, pred
        aligned[article_id] = align(pred, gold, text, annotators="each")
    base_all, base_quoted = _f1(list(aligned.values()))
    print(f"{args.split}: who-said-what F1 all {base_all:.4f}, quoted {base_quoted:.4f}")

    def without(keys: set[str], by: str) -> tuple[float, float]:
        parts = []
        for article_id, pred in preds.items():
            keep = ~_key(pred, by).isin(keys)
            if keep.all():
                parts.append(aligned[article_id])
                continue
            kept = pred[keep].reset_index(drop=True)
            parts.append(align(kept, golds[article_id], texts[article_id], annotators="each"))
        return _f1(parts)

    if args.drop:
        dropped = {form.strip().lower() for form in args.drop.split(",") if form.strip()}
        f1_all, f1_quoted = without(dropped, "form")
        print(
            f"without {sorted(dropped)}: all {f1_all:.4f} ({f1_all - base_all:+.4f}), "
            f"quoted {f1_quoted:.4f} ({f1_quoted - base_quoted:+.4f})"
        )
        return 0

    rows = []
    for article_id, table in aligned.items():
        made = table[table["status"] != "fn"]
        keys = _key(preds[article_id], args.by)
        for _, row in made.iterrows():
            hit = row["status"] == "tp" and bool(row["hit"])
            rows.append((keys.iloc[int(row["pred_index"])], hit, bool(row["quoted"])))
    made = pd.DataFrame(rows, columns=["key", "hit", "quoted"])
    table = made.groupby("key").agg(n=("hit", "size"), wsw=("hit", "sum"), quoted=("quoted", "sum"))
    table = table[table["n"] >= args.min_n]
    table["P"] = table["wsw"] / table["n"]
    effects = [without({key}, args.by) for key in table.index]
    table["dF1 all"] = [f1_all - base_all for f1_all, _ in effects]
    table["dF1 quoted"] = [f1_quoted - base_quoted for _, f1_quoted in effects]
    table = table.sort_values("dF1 all", ascending=False)
    print("(n: predictions, counted once per annotation file; wsw: who-said-what matches;")
    print(" dF1: change in who-said-what F1 if this group's predictions were removed)")
    print(table.to_string(float_format="%.4f"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
