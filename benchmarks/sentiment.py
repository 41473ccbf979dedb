"""Sentiment benchmark: agreement with human ratings, target sentiment and speed.

Run from the repository root: ``python benchmarks/sentiment.py``. Needs ``../shared/data``.

* NYT editorial snippets (odd documents): Pearson r of the compound score with the mean human
  rating, and macro-F1 with human class > 0.5 positive, < -0.5 negative, else neutral, against
  the scorer's class at ±0.05. Reported on the whole file and on its fit half (used to choose
  the news overlay and rules) and check half.
* NewsMTSC train, fixed 20% validation slice (never used for fitting): macro-F1 of
  whole-sentence VADER and news scores (±0.05) and of ``sentiment_toward``.
* Sentences per second on the NYT snippets.
"""

from __future__ import annotations

import math
import time

from shared_data import load_newsmtsc, load_nyt, macro_f1

from kosovo_kit.sentiment import explain_sentiment, score_sentiment, sentiment_toward


def pearson(xs: list[float], ys: list[float]) -> float:
    mx = sum(xs) / len(xs)
    my = sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def to_class(value: float, cut: float) -> int:
    return 1 if value > cut else -1 if value < -cut else 0


def rate(func, texts: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - t0)
    return len(texts) / best


def main() -> None:
    nyt = load_nyt()
    print("NYT editorial snippets, odd documents")
    print(f"{'lexicon':8} {'part':6} {'n':>5} {'pearson_r':>10} {'macro_f1':>9}")
    for lexicon in ("vader", "news"):
        compound = [score_sentiment(text, lexicon)["compound"] for _, _, text, _ in nyt]
        for part in ("all", "fit", "check"):
            idx = [i for i, row in enumerate(nyt) if part == "all" or row[3] == part]
            c = [compound[i] for i in idx]
            y = [nyt[i][1] for i in idx]
            f1 = macro_f1([to_class(v, 0.5) for v in y], [to_class(v, 0.05) for v in c])
            print(f"{lexicon:8} {part:6} {len(idx):5d} {pearson(c, y):10.4f} {f1:9.4f}")

    rows = [r for r in load_newsmtsc() if r["validation"]]
    gold = [r["label"] for r in rows]
    print(f"\nNewsMTSC train, validation slice (n={len(rows)} targets): macro-F1")
    for lexicon in ("vader", "news"):
        pred = [to_class(score_sentiment(r["sentence"], lexicon)["compound"], 0.05) for r in rows]
        print(f"  whole-sentence {lexicon:6} {macro_f1(gold, pred):.4f}")
    pred = [sentiment_toward(r["sentence"], r["start"], r["end"]) for r in rows]
    print(f"  sentiment_toward      {macro_f1(gold, pred):.4f}")

    texts = [text for _, _, text, _ in nyt]
    print("\nSpeed (sentences per second, NYT snippets, best of 3)")
    print(f"  score_sentiment vader  {rate(lambda t: score_sentiment(t, 'vader'), texts):9.0f}")
    print(f"  score_sentiment news   {rate(lambda t: score_sentiment(t, 'news'), texts):9.0f}")
    print(f"  explain_sentiment news {rate(explain_sentiment, texts[:500], 1):9.0f}")
    print(f"  sentiment_toward       {rate(lambda t: sentiment_toward(t, 0, 1), texts, 1):9.0f}")


if __name__ == "__main__":
    main()
