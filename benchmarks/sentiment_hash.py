"""A fingerprint of the sentiment functions over the shared evaluation sentences.

Usage::

    python benchmarks/sentiment_hash.py [--quick]

Prints one SHA-256 per function and lexicon: :func:`~kosovo_kit.score_sentiment` and
:func:`~kosovo_kit.explain_sentiment` (every row, column and ``attrs`` entry) with both
lexicons over the NYT snippets, NewsMTSC sentences and VADER's other sets, and
:func:`~kosovo_kit.sentiment_toward_explained` (label, evidence, probabilities, features and
contributions) over every NewsMTSC target. Floats are hashed by ``repr``, so two versions of
the kit that print the same hashes give bit-identical scores: the check for a change meant to
move code without changing what it computes. ``--quick`` takes every tenth sentence.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import kosovo_kit  # noqa: F401
except ImportError:
    # Running from a checkout without installing: the package sits next to this folder.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shared_data import VADER_OTHER_FILES, load_newsmtsc, load_nyt, load_vader_other

from kosovo_kit.sentiment import (
    explain_sentiment,
    score_sentiment,
    sentiment_toward,
    sentiment_toward_explained,
)


def _text(value: Any) -> str:
    """A value as exact text: floats by ``repr``, containers recursively in a fixed order."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_text(v) for v in value) + "]"
    if hasattr(value, "item"):  # numpy scalar: hash the Python value it holds
        value = value.item()
    return repr(value)


def _digest(items: Iterable[str]) -> tuple[str, int]:
    digest = hashlib.sha256()
    count = 0
    for item in items:
        digest.update(item.encode("utf-8") + b"\n")
        count += 1
    return digest.hexdigest(), count


def _explained(text: str, lexicon: str) -> str:
    frame = explain_sentiment(text, lexicon)
    rows = [list(frame.columns), *frame.itertuples(index=False, name=None)]
    return _text(rows) + _text(dict(frame.attrs))


def _toward(sentence: str, start: int, end: int) -> str:
    out = sentiment_toward_explained(sentence, start, end)
    if sentiment_toward(sentence, start, end) != out["label"]:
        raise SystemExit(f"sentiment_toward disagrees with its explanation: {sentence!r}")
    return _text(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="every tenth sentence only")
    args = parser.parse_args()
    step = 10 if args.quick else 1
    targets = load_newsmtsc()[::step]
    texts = [t for _, _, t, _ in load_nyt()]
    texts += list(dict.fromkeys(t["sentence"] for t in load_newsmtsc()))
    for name in VADER_OTHER_FILES:
        texts += [t for _, _, t in load_vader_other(name)]
    texts = texts[::step]
    checks: list[tuple[str, Callable[[], Iterable[str]]]] = []
    for lexicon in ("vader", "news"):
        checks.append(
            (
                f"score_sentiment {lexicon}",
                lambda lx=lexicon: (_text(score_sentiment(t, lx)) for t in texts),
            )
        )
        checks.append(
            (f"explain_sentiment {lexicon}", lambda lx=lexicon: (_explained(t, lx) for t in texts))
        )
    checks.append(
        (
            "sentiment_toward_explained",
            lambda: (_toward(t["sentence"], t["start"], t["end"]) for t in targets),
        )
    )
    for label, items in checks:
        t0 = time.process_time()
        hexdigest, count = _digest(items())
        print(f"{label:28s} {count:6d} {hexdigest}  ({time.process_time() - t0:.1f} s)")


if __name__ == "__main__":
    main()
