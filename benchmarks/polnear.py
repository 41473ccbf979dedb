"""Score ``kosovo_kit.attribution.attribute_quotes`` on a PolNeAR split and time it.

Usage::

    python benchmarks/polnear.py [--split dev|train] [--limit N] [--errors K] [--by-kind]

Prints quote precision/recall/F1, speaker accuracy and who-said-what precision/recall/F1 for
quoted and all attributions (rules in :mod:`kosovo_kit.evaluation`), the speed of
``attribute_quotes`` (tokenising included, one process), and optionally sample errors and a
breakdown of the predictions by ``kind`` and ``rule``.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

try:
    import kosovo_kit  # noqa: F401
except ImportError:
    # Running from a checkout without installing: the package sits next to this folder.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kosovo_kit.brat import default_polnear_root, load_polnear
from kosovo_kit.evaluation import align, score_table, summarise

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SHOWN = {
    "n_predicted": "pred",
    "n_gold": "gold",
    "quote_precision": "quote P",
    "quote_recall": "quote R",
    "quote_f1": "quote F1",
    "speaker_accuracy": "speaker acc",
    "wsw_precision": "who-said-what P",
    "wsw_recall": "who-said-what R",
    "wsw_f1": "who-said-what F1",
}


def _attribute_quotes() -> Callable[[str], pd.DataFrame]:
    try:
        from kosovo_kit.attribution import attribute_quotes
    except ImportError as err:
        raise SystemExit(
            f"cannot import kosovo_kit.attribution.attribute_quotes ({err}); "
            "the quote attribution module is needed for this benchmark"
        ) from err
    return attribute_quotes


def _clip(text: str, limit: int) -> str:
    text = text.replace("\n", " ⏎ ")
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]} … {text[-half:]}"


def _context(text: str, marks: list[tuple[int, int, str, str]], width: int = 70) -> str:
    """Show ``text`` around the marked spans, each wrapped in its own brackets."""
    start = max(0, min(s for s, _, _, _ in marks) - width)
    end = min(len(text), max(e for _, e, _, _ in marks) + width)
    # Brackets go in as insertions so nested spans (a source inside a content) both show;
    # at one position closing brackets come before opening ones.
    inserts = sorted(
        [(s, 1, -e, left) for s, e, left, _ in marks]
        + [(e, 0, -s, right) for s, e, _, right in marks]
    )
    pieces, pos = [], start
    for at, _, _, bracket in inserts:
        pieces += [text[pos:at], bracket]
        pos = at
    pieces.append(text[pos:end])
    return _clip("".join(pieces), 900)


def _spans(value: Any) -> list[tuple[int, int]]:
    return [] if value is None else [(int(s), int(e)) for s, e in value]


def _print_errors(
    alignment: pd.DataFrame,
    texts: dict[str, str],
    preds: dict[str, pd.DataFrame],
    golds: dict[str, dict[str, pd.DataFrame]],
    k: int,
    seed: int,
) -> None:
    rng = random.Random(seed)
    wrong = (
        (alignment["status"] == "tp")
        & alignment["gold_has_source"]
        & ~alignment["speaker_right"].fillna(True).astype(bool)
    )
    groups = {
        "false positives (predicted, no gold match)": alignment[alignment["status"] == "fp"],
        "false negatives (gold, not found)": alignment[alignment["status"] == "fn"],
        "wrong speakers (matched quote)": alignment[wrong],
    }
    print("\nLegend: ⟦predicted quote⟧ ⟪gold content⟫ ‹predicted speaker› «gold source»")
    for title, rows in groups.items():
        chosen = rows.iloc[sorted(rng.sample(range(len(rows)), min(k, len(rows))))]
        print(f"\n== {len(chosen)} of {len(rows)} {title}")
        for _, row in chosen.iterrows():
            article, text = row["article"], texts[row["article"]]
            marks: list[tuple[int, int, str, str]] = []
            info = [article]
            if not pd.isna(row["pred_index"]):
                pred = preds[article].iloc[int(row["pred_index"])]
                marks.append((int(pred["start"]), int(pred["end"]), "⟦", "⟧"))
                if not pd.isna(pred.get("speaker_start", pd.NA)):
                    marks.append((int(pred["speaker_start"]), int(pred["speaker_end"]), "‹", "›"))
                for col in ("kind", "rule", "speaker", "cue"):
                    if col in pred.index and not pd.isna(pred[col]):
                        info.append(f"{col}={pred[col]!s}")
            if not pd.isna(row["gold_index"]):
                gold = golds[article][row["annotator"]].iloc[int(row["gold_index"])]
                marks += [(s, e, "⟪", "⟫") for s, e in _spans(gold["content_spans"])]
                marks += [(s, e, "«", "»") for s, e in _spans(gold["source_spans"])]
                info.append(f"gold {gold['attribution_id']} by {row['annotator']}")
                if not pd.isna(gold["cue_text"]):
                    info.append(f"cue={gold['cue_text']}")
            print("- " + " | ".join(info))
            print("    " + _context(text, marks))


def _print_by_kind(alignment: pd.DataFrame, preds: dict[str, pd.DataFrame]) -> None:
    made = alignment[alignment["status"] != "fn"].copy()
    if made.empty:
        print("\nno predictions to break down")
        return
    for col in ("kind", "rule"):
        made[col] = [
            preds[a].iloc[int(i)][col] if col in preds[a].columns else pd.NA
            for a, i in zip(made["article"], made["pred_index"], strict=True)
        ]
        made[col] = made[col].astype("object").where(made[col].notna(), "(none)").astype(str)
    made["tp"] = made["status"] == "tp"
    made["judged"] = made["tp"] & made["gold_has_source"]
    made["right"] = made["judged"] & made["speaker_right"].fillna(False).astype(bool)
    made["wsw_hit"] = made["tp"] & made["hit"]
    for keys in (["kind"], ["kind", "rule"]):
        table = made.groupby(keys).agg(
            n=("tp", "size"),
            quoted=("quoted", "sum"),
            tp=("tp", "sum"),
            judged=("judged", "sum"),
            right=("right", "sum"),
            wsw=("wsw_hit", "sum"),
        )
        table["quote P"] = table["tp"] / table["n"]
        table["speaker acc"] = table["right"] / table["judged"].where(table["judged"] > 0)
        table["who-said-what P"] = table["wsw"] / table["n"]
        table = table.sort_values("n", ascending=False)
        print(f"\n== predictions by {' and '.join(keys)}")
        print(table.drop(columns=["judged", "right", "wsw"]).to_string(float_format="%.3f"))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark.

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
    parser.add_argument("--split", default="dev", help="PolNeAR split (dev or train)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, metavar="K", help="show K examples")
    parser.add_argument("--by-kind", action="store_true", help="precision per kind and rule")
    parser.add_argument("--annotators", choices=("each", "first"), default="each")
    parser.add_argument("--root", type=Path, default=None, help="PolNeAR folder")
    parser.add_argument("--seed", type=int, default=0, help="seed for picking examples")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time the whole split this many times and report the best and "
        "the median (a shared machine's speed varies)",
    )
    args = parser.parse_args(argv)

    attribute_quotes = _attribute_quotes()
    root = args.root or default_polnear_root()
    articles = [a for a in load_polnear(args.split, root=root, limit=args.limit) if a.annotations]
    if not articles:
        raise SystemExit(f"no annotated articles in split {args.split!r} under {root}")

    texts: dict[str, str] = {}
    preds: dict[str, pd.DataFrame] = {}
    golds: dict[str, dict[str, pd.DataFrame]] = {}
    elapsed, words = 0.0, 0
    for article_id, text, by_annotator in articles:
        started = time.perf_counter()
        try:
            preds[article_id] = attribute_quotes(text)
        except Exception:
            print(f"attribute_quotes failed on {article_id}", file=sys.stderr)
            raise
        elapsed += time.perf_counter() - started
        words += len(_WORDS.findall(text))
        texts[article_id], golds[article_id] = text, by_annotator
    elapsed = max(elapsed, 1e-9)

    alignments = []
    for article_id, pred in preds.items():
        try:
            table = align(pred, golds[article_id], texts[article_id], annotators=args.annotators)
        except ValueError as err:
            raise SystemExit(f"{article_id}: {err}") from err
        alignments.append(table.assign(article=article_id))
    alignment = pd.concat(alignments, ignore_index=True)
    scores = score_table(summarise(alignment))

    n_gold_files = sum(1 if args.annotators == "first" else len(g) for g in golds.values())
    print(
        f"PolNeAR {args.split}: {len(articles)} articles, {n_gold_files} gold annotation files "
        f"(annotators={args.annotators}), {sum(len(p) for p in preds.values())} predictions"
    )
    if n_gold_files > len(articles):
        print(
            "(articles with several annotation files are scored against each, so their "
            "predictions count once per file below)"
        )
    shown = scores[list(_SHOWN)].rename(columns=_SHOWN).T.astype(object)
    for label in ("pred", "gold"):
        shown.loc[label] = shown.loc[label].astype(int)
    print(shown.map(lambda v: v if isinstance(v, int) else f"{v:.3f}").to_string())
    runs = [elapsed]
    for _ in range(max(0, args.repeat - 1)):
        started = time.perf_counter()
        for _article_id, text, _ in articles:
            attribute_quotes(text)
        runs.append(time.perf_counter() - started)
    best, median = min(runs), statistics.median(runs)
    # A yardstick timed on the same machine in the same minute: NLTK's default word
    # tokenizer alone (the one word_tokenize uses), as shared machines vary in speed.
    from nltk.tokenize import NLTKWordTokenizer

    treebank = NLTKWordTokenizer()
    yard = []
    for _ in range(max(1, min(args.repeat, 3))):
        started = time.perf_counter()
        for _article_id, text, _ in articles:
            for _span in treebank.span_tokenize(text):
                pass
        yard.append(time.perf_counter() - started)
    print(
        f"speed (one core, tokenising included): best {len(articles) / best:.1f} articles/s, "
        f"{words / best:,.0f} words/s; median {len(articles) / median:.1f} articles/s "
        f"({len(runs)} passes over {words:,} words; first pass {elapsed:.2f} s)"
    )
    print(
        f"yardstick: NLTK's default word tokenizer's span_tokenize alone runs at "
        f"{len(articles) / min(yard):.1f} articles/s here now; attribute_quotes (tokenising, "
        f"sentences and attribution) runs at {min(yard) / best:.2f}x that speed"
    )
    if args.by_kind:
        _print_by_kind(alignment, preds)
    if args.errors:
        _print_errors(alignment, texts, preds, golds, args.errors, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
