"""Train the target-sentiment model used by ``kosovo_kit.sentiment.sentiment_toward``.

Two readable parts, both fitted only on NewsMTSC train minus its fixed 20% validation slice
(see ``shared_data.is_validation``):

1. a cue-word table ``data/models/target_cues.csv``: for words seen near at least ``MIN_COUNT``
   training targets, smoothed log-odds of the negative and positive labels against the base
   rates. The features of training rows use tables fitted on the other folds (cross-fitting), so
   the regression does not learn to trust cue values that have seen the row's own label;
2. a context-word table ``data/models/target_context.csv``: a class-balanced multinomial
   logistic regression (numpy, L2, Adam) over the context keys of
   ``kosovo_kit.sentiment.context_keys`` (the other words weighted by closeness to the mention,
   and the words right before and after it) seen with at least ``CONTEXT_MIN_COUNT`` training
   targets; each key keeps its negative and positive weights minus its neutral one. Training
   rows use tables fitted on the other folds, like the cue table;
3. a multinomial logistic regression (numpy, L2, full-batch gradient descent) over the
   transparent features of ``kosovo_kit.sentiment.target_features``, written to
   ``data/models/target_sentiment.json``.

4. the stance patterns (``kosovo_kit.predicates``) that decide the label instead of the model,
   chosen greedily by 5-fold cross-validation on the training part (``decisive_rules``);
5. per-label offsets added to the model's logits (``offsets``): class-balanced training still
   leaves the thresholds between labels where they suit log-loss, not macro-F1, so the offsets
   that maximise the out-of-fold macro-F1 on the training part are kept.

Prints the cross-validated choice, then macro-F1 on the training part (in-sample) and on the
validation slice, which is never used to choose anything.

Run from the repository root: ``python benchmarks/train_target_model.py``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import numpy as np
from shared_data import load_newsmtsc, macro_f1

from kosovo_kit.sentiment import TARGET_FEATURES, VADER_RULES, target_features
from kosovo_kit.sentiment.target import context_keys
from kosovo_kit.sentiment.tokens import tokenise_with_offsets

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
OUT = MODELS / "target_sentiment.json"
CUES = MODELS / "target_cues.csv"
CONTEXT = MODELS / "target_context.csv"
CONTEXT_MIN_COUNT = 3
CONTEXT_L2 = 1e-4
CONTEXT_STEPS = 300
CONTEXT_RATE = 0.1
MIN_COUNT = 8
PRIOR = 20.0  # pseudo-counts pulling rare words' label rates to the base rate
FOLDS = 5
LABELS = [-1, 0, 1]
L2 = 1e-3
STEPS = 3000
RATE = 0.5
# Patterns of kosovo_kit.predicates that may decide the label instead of the model.
RULE_CANDIDATES = ("object", "passive", "subject", "agent", "place", "evaluation")
# Offsets tried for the negative and positive logits (the neutral one stays 0).
OFFSET_GRID = np.round(np.arange(-1.0, 1.01, 0.1), 2)


def fit_softmax(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (weights[k, d], intercept[k]) of a softmax regression; classes balanced."""
    n, d = x.shape
    k = len(LABELS)
    onehot = np.eye(k)[y]
    # Balanced class weights: the target metric is macro-F1.
    counts = onehot.sum(axis=0)
    sample_w = (n / (k * counts))[y]
    w = np.zeros((k, d))
    b = np.zeros(k)
    for _ in range(STEPS):
        logits = x @ w.T + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None] / n
        w -= RATE * (g.T @ x + L2 * w)
        b -= RATE * g.sum(axis=0)
    return w, b


def context_words(row: dict) -> set[str]:
    """Lower-case words of the sentence outside the target mention."""
    _, _, _, words, spans = tokenise_with_offsets(row["sentence"], VADER_RULES.punct)
    return {
        w.lower()
        for w, (a, b) in zip(words, spans)
        if not (a < row["end"] and b > row["start"]) and any(c.isalpha() for c in w)
    }


def fit_cues(rows: list[dict]) -> dict[str, tuple[float, float, int]]:
    """Word → (neg log-odds, pos log-odds, count) from the rows' labels."""
    counts: dict[str, list[int]] = {}
    base = np.zeros(3)
    for row in rows:
        base[row["label"] + 1] += 1
        for w in row["words"]:
            counts.setdefault(w, [0, 0, 0])[row["label"] + 1] += 1
    rate = base / base.sum()
    out = {}
    for w, c in counts.items():
        n = sum(c)
        if n < MIN_COUNT:
            continue
        neg = np.log((c[0] + PRIOR * rate[0]) / (n + PRIOR) / rate[0])
        pos = np.log((c[2] + PRIOR * rate[2]) / (n + PRIOR) / rate[2])
        out[w] = (round(float(neg), 4), round(float(pos), 4), n)
    return out


def fit_context(rows: list[dict]) -> dict[str, tuple[float, float, int]]:
    """Context key → (negative, positive weight against neutral, count) of a softmax regression.

    The regression is class-balanced and L2-regularised; it runs on a sparse design (row,
    column, value triplets), fitted by full-batch Adam from zero, so it is deterministic.
    """
    counts: dict[str, int] = {}
    for row in rows:
        for key in row["context"]:
            counts[key] = counts.get(key, 0) + 1
    vocab = sorted(k for k, c in counts.items() if c >= CONTEXT_MIN_COUNT)
    index = {k: j for j, k in enumerate(vocab)}
    triples = [
        (i, index[k], v)
        for i, row in enumerate(rows)
        for k, v in row["context"].items()
        if k in index
    ]
    r_idx = np.array([t[0] for t in triples], dtype=int)
    c_idx = np.array([t[1] for t in triples], dtype=int)
    vals = np.array([t[2] for t in triples])
    n, d, k = len(rows), len(vocab), len(LABELS)
    y = np.array([LABELS.index(r["label"]) for r in rows])
    onehot = np.eye(k)[y]
    sample_w = (n / (k * onehot.sum(axis=0)))[y]
    w = np.zeros((k, d))
    b = np.zeros(k)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, CONTEXT_STEPS + 1):
        part = w[:, c_idx].T * vals[:, None]
        logits = np.stack([np.bincount(r_idx, part[:, j], minlength=n) for j in range(k)], 1) + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None] / n
        contrib = g[r_idx] * vals[:, None]
        grad = np.stack([np.bincount(c_idx, contrib[:, j], minlength=d) for j in range(k)])
        grad += CONTEXT_L2 * w
        b -= 0.5 * g.sum(axis=0)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= CONTEXT_RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return {
        key: (round(float(w[0, j] - w[1, j]), 4), round(float(w[2, j] - w[1, j]), 4), counts[key])
        for key, j in index.items()
    }


def features(rows: list[dict], cues: dict, context: dict) -> np.ndarray:
    """Feature matrix of ``rows``; each row's stance evidence is stored in ``row["evidence"]``."""
    table = {w: (v[0], v[1]) for w, v in cues.items()}
    ctx = {w: (v[0], v[1]) for w, v in context.items()}
    out = []
    for r in rows:
        found: list = []
        f = target_features(
            r["sentence"], r["start"], r["end"], cues=table, evidence=found, context=ctx
        )
        r["evidence"] = found[0] if found else None
        out.append([f[name] for name in TARGET_FEATURES])
    return np.array(out)


def predict(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (x @ w.T + b).argmax(axis=1)


def out_of_fold_logits(x: np.ndarray, y: np.ndarray, fold: np.ndarray) -> np.ndarray:
    """Logits of each training row from a model fitted on the other folds."""
    logits = np.zeros((len(y), len(LABELS)))
    for k in range(FOLDS):
        held = fold == k
        w, b = fit_softmax(x[~held], y[~held])
        logits[held] = x[held] @ w.T + b
    return logits


def choose_offsets(
    logits: np.ndarray, y: np.ndarray, rows: list[dict], rules: set[str]
) -> list[float]:
    """Offsets of the negative and positive logits maximising out-of-fold macro-F1."""
    gold = [LABELS[i] for i in y]

    def score(neg: float, pos: float) -> float:
        pred = (logits + np.array([neg, 0.0, pos])).argmax(axis=1)
        return macro_f1(gold, with_rules(pred, rows, rules))

    best = max((score(a, c), -abs(a) - abs(c), a, c) for a in OFFSET_GRID for c in OFFSET_GRID)
    print(
        f"cross-validated on train, with offsets {best[2]:+.1f} (negative), "
        f"{best[3]:+.1f} (positive): macro-F1={best[0]:.4f}"
    )
    return [float(best[2]), 0.0, float(best[3])]


def with_rules(pred: np.ndarray, rows: list[dict], rules: set[str]) -> list[int]:
    """Labels when the evidence of the patterns in ``rules`` overrides the model."""
    out = []
    for p, r in zip(pred, rows):
        ev = r["evidence"]
        out.append(ev.sign if ev is not None and ev.rule in rules else LABELS[p])
    return out


def choose_decisive_rules(logits: np.ndarray, y: np.ndarray, rows: list[dict]) -> list[str]:
    """Patterns whose sign beats the model out of fold on the training part, added greedily."""
    oof = logits.argmax(axis=1)
    gold = [LABELS[i] for i in y]
    chosen: set[str] = set()
    best = macro_f1(gold, with_rules(oof, rows, chosen))
    print(f"cross-validated on train, model alone: macro-F1={best:.4f}")
    for rule in RULE_CANDIDATES:
        score = macro_f1(gold, with_rules(oof, rows, chosen | {rule}))
        keep = score > best
        print(f"  + {rule:10} decides: {score:.4f} {'kept' if keep else 'left to the model'}")
        if keep:
            chosen.add(rule)
            best = score
    return [r for r in RULE_CANDIDATES if r in chosen]


def main() -> None:
    rows = load_newsmtsc()
    for row in rows:
        row["words"] = context_words(row)
        row["context"] = context_keys(row["sentence"], row["start"], row["end"])
    train = [r for r in rows if not r["validation"]]
    cues = fit_cues(train)
    context = fit_context(train)
    feats = np.zeros((len(rows), len(TARGET_FEATURES)))
    val = np.array([r["validation"] for r in rows])
    # Cross-fitted features for training rows (folds by sentence id), full table for validation.
    fold = np.array([hashlib.md5(r["gid"].encode("utf-8")).digest()[1] % FOLDS for r in rows])
    for k in range(FOLDS):
        held = [i for i in range(len(rows)) if not val[i] and fold[i] == k]
        fit = [r for i, r in enumerate(rows) if not val[i] and fold[i] != k]
        feats[held] = features([rows[i] for i in held], fit_cues(fit), fit_context(fit))
    feats[val] = features([r for r in rows if r["validation"]], cues, context)
    y = np.array([LABELS.index(r["label"]) for r in rows])
    mean = feats[~val].mean(axis=0)
    std = feats[~val].std(axis=0)
    std[std == 0] = 1.0
    x = (feats - mean) / std
    train_rows = [r for r in rows if not r["validation"]]
    logits = out_of_fold_logits(x[~val], y[~val], fold[~val])
    decisive = choose_decisive_rules(logits, y[~val], train_rows)
    offsets = choose_offsets(logits, y[~val], train_rows, set(decisive))
    w, b = fit_softmax(x[~val], y[~val])
    pred = predict(x, w, b + np.array(offsets))
    for name, mask in (("train (in-sample)", ~val), ("validation", val)):
        part = [r for r, m in zip(rows, mask) if m]
        f1 = macro_f1([LABELS[i] for i in y[mask]], with_rules(pred[mask], part, set(decisive)))
        print(f"{name}: n={int(mask.sum())} macro-F1={f1:.4f}")
    model = {
        "description": "softmax regression over kosovo_kit.sentiment.target_features; "
        "trained by benchmarks/train_target_model.py on NewsMTSC train minus its validation slice",
        "labels": LABELS,
        "features": list(TARGET_FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "std": [round(float(v), 6) for v in std],
        "intercept": [round(float(v), 6) for v in b],
        "weights": [[round(float(v), 6) for v in row] for row in w],
        "decisive_rules": decisive,
        "offsets": offsets,
    }
    MODELS.mkdir(parents=True, exist_ok=True)
    with open(CUES, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Cue words for target sentiment; written by benchmarks/train_target_model.py\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["word", "n", "neg", "pos"])
        for w in sorted(cues):
            neg, pos, n = cues[w]
            writer.writerow([w, n, neg, pos])
    with open(CONTEXT, "w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Context-word model for target sentiment; written by "
            "benchmarks/train_target_model.py\n"
        )
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["key", "n", "neg", "pos"])
        for key in sorted(context):
            neg, pos, n = context[key]
            writer.writerow([key, n, neg, pos])
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
