"""Write ``data/lexicons/pattern_adjectives.csv`` from Pattern's English sentiment lexicon.

Pattern's ``en-sentiment.xml`` (Tom De Smedt and Walter Daelemans, public domain under the
PDDL; TextBlob ships it as ``textblob/en/en-sentiment.xml``) rates about 2,900 English
adjectives per sense: polarity -1..1 and subjectivity 0..1. The news lexicon adds the
evaluative ones that VADER's lexicon lacks ("magical", "priceless", "odious"), so that sentences
built on them no longer score 0. A word is kept when it is one alphabetic word VADER does not
list, its mean polarity is at least ``MIN_POLARITY`` in size, its mean subjectivity at least
``MIN_SUBJECTIVITY``, and every sense has the same sign with polarity at least ``MIN_SENSE`` in
size (a word whose senses disagree, like "mean", is left out). Its valence is
``SCALE * polarity``. These settings were chosen by the document-grouped cross-validated r on
the NYT snippets (``benchmarks/fit_news_lexicon.py``); the learned corrections then adjust the
valences of the words frequent in the fitting data.

Run from the repository root:
``python benchmarks/import_pattern_adjectives.py PATH/en-sentiment.xml``.
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from kosovo_kit.sentiment.lexicons import vader_valences

OUT = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "pattern_adjectives.csv"
MIN_POLARITY = 0.2
MIN_SUBJECTIVITY = 0.5
MIN_SENSE = 0.1
SCALE = 1.5  # Pattern's -1..1 onto VADER's -4..4, damped: these words are rated by no reader


def select(path: Path) -> dict[str, tuple[float, float]]:
    """Word → (mean polarity, mean subjectivity) of the adjectives to add."""
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for node in ET.parse(path).getroot():
        form = (node.get("form") or "").lower()
        senses[form].append((float(node.get("polarity", 0)), float(node.get("subjectivity", 0))))
    vader = vader_valences()
    out = {}
    for word, rated in senses.items():
        if not word.isalpha() or word in vader:
            continue
        polarity = sum(p for p, _ in rated) / len(rated)
        subjectivity = sum(s for _, s in rated) / len(rated)
        if abs(polarity) < MIN_POLARITY or subjectivity < MIN_SUBJECTIVITY:
            continue
        if not all(p * polarity > 0 and abs(p) >= MIN_SENSE for p, _ in rated):
            continue
        out[word] = (polarity, subjectivity)
    return out


def main(argv: list[str]) -> None:
    words = select(Path(argv[0]))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Evaluative adjectives VADER's lexicon lacks, from Pattern's en-sentiment.xml\n"
            "# (De Smedt & Daelemans, PDDL); written by benchmarks/import_pattern_adjectives.py.\n"
            f"# valence = {SCALE} * polarity; min |polarity| {MIN_POLARITY}, min subjectivity "
            f"{MIN_SUBJECTIVITY}, every sense of one sign with |polarity| >= {MIN_SENSE}.\n"
        )
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["token", "valence", "polarity", "subjectivity"])
        for word in sorted(words):
            polarity, subjectivity = words[word]
            writer.writerow(
                [word, f"{SCALE * polarity:.3f}", f"{polarity:.3f}", f"{subjectivity:.3f}"]
            )
    print(f"wrote {len(words)} words to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
