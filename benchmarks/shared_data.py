"""Loaders and fixed splits for the shared evaluation data (``../shared/data``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NYT = SHARED / "vader-nyt" / "nyt_editorial_snippets_odd_docs.tsv"
NEWSMTSC = SHARED / "newsmtsc" / "train.jsonl"


def load_nyt() -> list[tuple[int, float, str, str]]:
    """NYT snippets as ``(doc, rating, text, half)``; ``half`` is "fit" or "check".

    The odd documents are split by document number: 1, 5, 9, ... form the fit half (used to
    choose the news overlay and rules), 3, 7, 11, ... the check half.
    """
    rows = []
    with open(NYT, encoding="utf-8") as fh:
        for line in fh:
            snippet, rating, text = line.rstrip("\n").split("\t")
            doc = int(snippet.split("_")[0])
            rows.append((doc, float(rating), text, "fit" if doc % 4 == 1 else "check"))
    return rows


def is_validation(gid: str) -> bool:
    """Fixed 20% validation slice of NewsMTSC train, chosen by a hash of ``primary_gid``."""
    return hashlib.md5(gid.encode("utf-8")).digest()[0] % 5 == 0


def load_newsmtsc() -> list[dict]:
    """NewsMTSC targets as dicts with sentence, start, end, label (-1/0/1), gid, validation."""
    out = []
    with open(NEWSMTSC, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            gid = doc["primary_gid"]
            for target in doc["targets"]:
                out.append(
                    {
                        "sentence": doc["sentence_normalized"],
                        "start": target["from"],
                        "end": target["to"],
                        "label": {2.0: -1, 4.0: 0, 6.0: 1}[target["polarity"]],
                        "gid": gid,
                        "validation": is_validation(gid),
                    }
                )
    return out


def macro_f1(gold: list[int], pred: list[int]) -> float:
    """Unweighted mean of per-class F1 over the classes -1, 0, 1."""
    scores = []
    for cls in (-1, 0, 1):
        tp = sum(1 for g, p in zip(gold, pred) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred) if g == cls and p != cls)
        denom = 2 * tp + fp + fn
        scores.append(2 * tp / denom if denom else 0.0)
    return sum(scores) / len(scores)


VADER_OTHER = SHARED / "vader-other"
#: VADER's other human-rated sets (same protocol as the NYT snippets), by short name.
VADER_OTHER_FILES = {
    "tweets": "tweets_GroundTruth.tsv",
    "movies": "movieReviewSnippets_GroundTruth.tsv",
    "products": "amazonReviewSnippets_GroundTruth.tsv",
}


def load_vader_other(name: str) -> list[tuple[str, float, str]]:
    """One of VADER's other sets as ``(id, mean rating, text)``."""
    rows = []
    with open(VADER_OTHER / VADER_OTHER_FILES[name], encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                rows.append((parts[0], float(parts[1]), "\t".join(parts[2:])))
    return rows
