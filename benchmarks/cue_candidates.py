"""Which two-word reporting phrases PolNeAR marks as cues, and which the cue list lacks.

Usage::

    python benchmarks/cue_candidates.py [--split train] [--min-n 5] [--predict] [--check]

Counts, for every word and the preposition or particle after it ("called for", "talked
about", "supportive of") outside quotation marks, how often it occurs (once per annotation
file, as the scores count) and how often it lies on the gold cue of an unquoted attribution
(``gold``, and ``share`` = gold / n). ``lexicon`` says whether ``data/cues.csv`` lists the
form. With ``--predict`` the kit is run too: ``missed`` counts the gold cues whose
attribution no prediction overlaps, the attributions a new or repaired entry could win.

A form pays when its predictions match gold who-said-what more often than about F1 / 2
(≈ 0.32 for all attributions): ``share`` is an upper bound of that precision, since the
speaker and the content's bounds must match too. Forms well above it with many misses are
candidates for ``data/cues.csv``; add them, then confirm with ``benchmarks/polnear.py`` and
``benchmarks/cue_sweep.py`` on train, and on dev only to confirm. ``--check`` instead lists
the two-word forms of ``data/cues.csv`` with their counts, flagging those whose share on the
split falls below ``--floor``. Find candidates on train: counts on dev are too few.
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_left
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pandas as pd

try:
    import kosovo_kit  # noqa: F401
except ImportError:
    # Running from a checkout without installing: the package sits next to this folder.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kosovo_kit.attribution.cues import cue_lexicon
from kosovo_kit.attribution.marks import find_quotations
from kosovo_kit.brat import default_polnear_root, load_polnear
from kosovo_kit.evaluation import is_quoted

# Words that may follow a reporting word as its preposition or particle
PARTICLES = frozenset(
    {"about", "against", "as", "at", "behind", "for", "from", "in", "into", "of", "on"}
    | {"out", "over", "to", "toward", "towards", "up", "with"}
)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


def _quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's quotations, sorted (their words are the speaker's)."""
    return sorted(
        (q.open, q.close if q.close is not None else len(text))
        for q in find_quotations(text, 0, len(text))
    )


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    i = bisect_left(spans, (at + 1,)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _pairs(text: str) -> list[tuple[str, int, int]]:
    """Word + particle pairs outside quotation marks: (form, start, end)."""
    quoted = _quotation_spans(text)
    words = list(_WORD.finditer(text))
    out = []
    for a, b in pairwise(words):
        low = b.group().lower()
        gap = text[a.end() : b.start()]
        if (
            low in PARTICLES
            and gap.isspace()
            and "\n" not in gap
            and not _inside(quoted, a.start())
        ):
            out.append((f"{a.group().lower()} {low}", a.start(), b.end()))
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def count(split: str, predict: bool, limit: int | None = None) -> pd.DataFrame:
    """One row per word + particle form: n, gold, missed (with ``predict``)."""
    n: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    attribute = None
    if predict:
        from kosovo_kit.attribution import attribute_quotes

        attribute = attribute_quotes
    for _article_id, text, files in load_polnear(split, root=default_polnear_root(), limit=limit):
        if not files:
            continue
        pairs = _pairs(text)
        predicted: list[list[tuple[int, int]]] = []
        if attribute is not None:
            predicted = [list(p) for p in attribute(text)["pieces"]]
        for table in files.values():
            cues = []  # (cue spans, whether a prediction overlaps the content)
            for row in table.itertuples():
                content = list(row.content_spans)
                if not content or is_quoted(content, text):
                    continue
                hit = any(_overlaps(p, s, e) for p in predicted for s, e in content)
                cues.append((list(row.cue_spans), hit))
            for form, start, end in pairs:
                n[form] += 1
                on = [hit for spans, hit in cues if _overlaps(spans, start, end)]
                if on:
                    gold[form] += 1
                    missed[form] += not any(on)
    _single, double = cue_lexicon()
    listed = {f"{a} {b}".replace("_", " ") for a, sub in double.items() for b in sub}
    frame = pd.DataFrame(
        {
            "n": pd.Series(n),
            "gold": pd.Series(gold),
            "missed": pd.Series(missed),
        }
    ).fillna(0)
    frame = frame.astype(int)
    frame["share"] = frame["gold"] / frame["n"]
    frame["lexicon"] = [form in listed for form in frame.index]
    if not predict:
        frame = frame.drop(columns="missed")
    return frame


def main(argv: list[str] | None = None) -> int:
    """Print the table.

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
    parser.add_argument("--min-n", type=int, default=5, help="fewest gold cues a form shows")
    parser.add_argument("--predict", action="store_true", help="also count missed cues")
    parser.add_argument("--check", action="store_true", help="the cue list's two-word forms")
    parser.add_argument("--floor", type=float, default=0.32, help="share flagged by --check")
    parser.add_argument("--top", type=int, default=60, help="rows shown")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    frame = count(args.split, args.predict, args.limit)
    pd.set_option("display.width", 120)
    if args.check:
        listed = frame[frame["lexicon"] & (frame["n"] > 0)].sort_values("n", ascending=False)
        listed = listed.assign(low=listed["share"] < args.floor)
        print(f"{args.split}: forms of data/cues.csv, share below {args.floor} flagged")
        print(listed.to_string(float_format="%.2f"))
        return 0
    shown = frame[frame["gold"] >= args.min_n]
    key = "missed" if args.predict else "gold"
    shown = shown.sort_values([key, "share"], ascending=False).head(args.top)
    print(f"{args.split}: word + particle forms on the gold cues of unquoted attributions")
    print(shown.to_string(float_format="%.2f"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
