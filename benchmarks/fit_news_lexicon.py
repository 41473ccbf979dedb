"""Fit the learned valence corrections ``data/lexicons/news_learned.csv``.

The corrections are fitted on the designated fitting data only: the NYT editorial snippets of the
odd documents (mean human rating, -4..4) and NewsMTSC train minus its fixed 20% validation slice
(sentence label: mean polarity of its targets, -1..1). The model is the news scorer itself,
linearised in the word valences: a word's shift changes a sentence's raw sum by the shift times
the rule multiplier of each occurrence (negation, "but", boosters, negativity weight), and the
compound score is the raw sum through the news normalisation. Each data set gets its own linear
calibration of the compound score; the loss is the squared error plus an L2 penalty pulling each
shift to 0, that is, each valence toward its VADER (or news overlay) value.

Only words seen at least ``MIN_COUNT`` times in the fitting data are corrected, so a shift
rests on several sentences, and words that act through rules (negations, boosters, "but") are
left alone. Besides lexicon words, the discourse cues of ``data/lexicons/news_cues.txt``
("however", "too", "merely") get a valence learned from 0. The shrinkage ``L2`` and the
NewsMTSC weight were chosen by 5-fold cross-validation with the NYT folds grouped by document
(:func:`doc_fold`); ``benchmarks/sentiment.py`` reports the out-of-fold correlation.

Run from the repository root: ``python benchmarks/fit_news_lexicon.py`` (add ``--cv`` to print
the cross-validated grid first).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from shared_data import VADER_OTHER_FILES, load_newsmtsc, load_nyt, load_vader_other

from kosovo_kit import sentiment as snt
from kosovo_kit.resources import read_word_list
from kosovo_kit.sentiment.lexicons import news_lexicon, vader_constants
from kosovo_kit.sentiment.tokens import tokenise
from kosovo_kit.sentiment.vader import punct_emphasis, token_valences

OUT = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "news_learned.csv"
MIN_COUNT = 8
NEW_WORDS = False
L2 = 0.5
NEWSMTSC_WEIGHT = 0.5
OTHER_WEIGHT = 0.0  # weight of VADER's other sets (tweets, movie and product reviews)
FOLDS = 5
DELTA = 0.01  # valence step used to read off each occurrence's rule multiplier
STEPS = 1500
MAX_VALENCE = 4.0

# Words whose role in the scorer is a rule, not a valence.
_RULE_WORDS = (
    vader_constants().negations
    | frozenset(vader_constants().boosters)
    | {"but", "no", "least", "kind"}
)


# Stance-bearing discourse words VADER gives no valence; learned from 0 like the other words.
CUES = frozenset(read_word_list("lexicons", "news_cues.txt"))


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words: a valence for them would only soak up topic or style differences.
_STOP = _word_set(
    """the and for that with from this have has had was were are been being will would could
    should may might must can did does not its their there they them these those than then
    which who whom whose what when where why how also into onto over under about after before
    between through during while because since until upon our ours your yours his her hers him
    she he it's one two three more most some any all each every other such only just very
    said says say mr mrs ms new year years time times people"""
)


def doc_fold(doc: int) -> int:
    """Cross-validation fold of an NYT document (odd document numbers spread evenly)."""
    return (doc // 2) % FOLDS


@dataclass
class Corpus:
    """Sentences with their data-set id and target value."""

    texts: list[str]
    source: np.ndarray  # 0 NYT, 1 NewsMTSC, 2.. VADER's other sets
    target: np.ndarray
    doc: np.ndarray  # NYT document number, -1 for NewsMTSC


def fitting_corpus(other: bool = False) -> Corpus:
    """NYT odd documents plus NewsMTSC train minus its validation slice (one row a sentence).

    With ``other``, VADER's other human-rated sets follow, each as its own source.
    """
    nyt = load_nyt()
    labels: dict[str, list[int]] = {}
    sentences: dict[str, str] = {}
    for row in load_newsmtsc():
        if row["validation"]:
            continue
        labels.setdefault(row["gid"], []).append(row["label"])
        sentences[row["gid"]] = row["sentence"]
    texts = [r[2] for r in nyt] + [sentences[g] for g in labels]
    source = np.array([0] * len(nyt) + [1] * len(labels))
    target = np.array([r[1] for r in nyt] + [float(np.mean(v)) for v in labels.values()])
    doc = np.array([r[0] for r in nyt] + [-1] * len(labels))
    corpus = Corpus(texts, source, target, doc)
    if other:
        for k, name in enumerate(VADER_OTHER_FILES, start=2):
            rows = load_vader_other(name)
            corpus.texts += [t for _, _, t in rows]
            corpus.source = np.concatenate([corpus.source, np.full(len(rows), k)])
            corpus.target = np.concatenate([corpus.target, [r for _, r, _ in rows]])
            corpus.doc = np.concatenate([corpus.doc, np.full(len(rows), -1)])
    return corpus


def _tokens(text: str) -> tuple[str, list[str], list[str]]:
    # VADER's ASCII punctuation, as when the corrections were fitted.
    return tokenise(text, snt.VADER_RULES.punct)


def _lookup_forms(words: list[str], lex: snt.Lexicon) -> list[str]:
    lowers = [w.lower() for w in words]
    if lex.rules.lemma_fallback:
        return [lw if lw in lex.valences else lex.stem(lw) for lw in lowers]
    return lowers


def _candidate(form: str) -> bool:
    return form.isalpha() and len(form) > 2 and form not in _RULE_WORDS


def count_words(texts: Iterable[str], lex: snt.Lexicon, new_words: bool = False) -> dict[str, int]:
    """Occurrences of each correctable word (looked-up form) in ``texts``.

    Lexicon words with a non-zero valence and the discourse cues of ``news_cues.txt``; with
    ``new_words`` also lower-case content words the lexicon does not know (capitalised words
    are mostly names, which score 0 in news).
    """
    counts: dict[str, int] = {}
    for text in texts:
        _, _, words = _tokens(text)
        for word, form in zip(words, _lookup_forms(words, lex)):
            if not _candidate(form):
                continue
            known = form in lex.valences
            if (
                (known and lex.valences[form] != 0)
                or form in CUES
                or (new_words and not known and word.islower() and form not in _STOP)
            ):
                counts[form] = counts.get(form, 0) + 1
    return counts


def _scores(words: list[str], raw: list[str], lex: snt.Lexicon) -> list[float]:
    return token_valences(lex, words, raw)


@dataclass
class Design:
    """Linearised scorer: raw sums, per-occurrence multipliers and sentence lengths."""

    raw: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    n_words: np.ndarray
    vocab: list[str]


def design(texts: Sequence[str], lex: snt.Lexicon, vocab: list[str]) -> Design:
    """Raw sums under ``lex`` and d(raw)/d(valence) of every ``vocab`` word in each text."""
    index = {w: j for j, w in enumerate(vocab)}
    bumped = dict(lex.valences)
    for w in vocab:
        bumped[w] = bumped.get(w, 0.0) + DELTA
    lex_b = snt.Lexicon("bumped", bumped, lex.rules)
    raws, rows, cols, vals, lengths = [], [], [], [], []
    for s, text in enumerate(texts):
        clean, raw, words = _tokens(text)
        base = _scores(words, raw, lex)
        total = float(sum(base))
        amp = punct_emphasis(clean)
        raws.append(total + amp if total > 0 else total - amp if total < 0 else 0.0)
        lengths.append(len(words))
        if not words:
            continue
        forms = _lookup_forms(words, lex)
        if not any(f in index for f in forms):
            continue
        moved = _scores(words, raw, lex_b)
        for i, form in enumerate(forms):
            if form in index:
                rows.append(s)
                cols.append(index[form])
                vals.append((moved[i] - base[i]) / DELTA)
    return Design(
        np.array(raws),
        np.array(rows, dtype=np.int64),
        np.array(cols, dtype=np.int64),
        np.array(vals),
        np.array(lengths),
        list(vocab),
    )


def _compound(raw: np.ndarray, n_words: np.ndarray, rules: snt.Rules) -> tuple[np.ndarray, ...]:
    alpha = rules.alpha + rules.alpha_per_word * n_words
    root = np.sqrt(raw * raw + alpha)
    return raw / root, alpha / root**3  # value and derivative


def fit_shifts(
    d: Design,
    source: np.ndarray,
    target: np.ndarray,
    rules: snt.Rules,
    l2: float = L2,
    newsmtsc_weight: float = NEWSMTSC_WEIGHT,
    other_weight: float = OTHER_WEIGHT,
) -> np.ndarray:
    """Valence shifts of ``d.vocab`` minimising calibrated squared error plus ``l2 * shift**2``.

    Each data set's target is standardised and fitted by ``a + b * compound`` with its own
    ``a, b`` (refitted in closed form each step), so only the ranking of sentences matters, as
    for Pearson's r.
    """
    n = len(target)
    weight = np.where(source == 0, 1.0, np.where(source == 1, newsmtsc_weight, other_weight))
    sources = [int(k) for k in np.unique(source)]
    z = np.empty(n)
    for k in sources:
        m = source == k
        if m.any():
            z[m] = (target[m] - target[m].mean()) / target[m].std()
    shift = np.zeros(len(d.vocab))
    # Adam on the shifts; the loss is smooth and the problem small.
    mom = np.zeros_like(shift)
    var = np.zeros_like(shift)
    rate = 0.05
    for step in range(1, STEPS + 1):
        raw = d.raw + np.bincount(d.rows, d.vals * shift[d.cols], minlength=n)
        comp, slope = _compound(raw, d.n_words, rules)
        resid = np.empty(n)
        for k in sources:
            m = source == k
            if not m.any():
                continue
            c = comp[m]
            b = np.cov(c, z[m], bias=True)[0, 1] / max(c.var(), 1e-12)
            a = z[m].mean() - b * c.mean()
            resid[m] = (a + b * c - z[m]) * b
        g_raw = 2 * weight * resid * slope / weight.sum()
        grad = np.bincount(d.cols, d.vals * g_raw[d.rows], minlength=len(shift))
        grad += 2 * l2 * shift / weight.sum()
        mom = 0.9 * mom + 0.1 * grad
        var = 0.999 * var + 0.001 * grad * grad
        shift -= rate * (mom / (1 - 0.9**step)) / (np.sqrt(var / (1 - 0.999**step)) + 1e-8)
    return shift


def learned_overlay(
    corpus: Corpus,
    mask: np.ndarray,
    base: snt.Lexicon,
    l2: float = L2,
    newsmtsc_weight: float = NEWSMTSC_WEIGHT,
    min_count: int = MIN_COUNT,
    new_words: bool = NEW_WORDS,
    other_weight: float = OTHER_WEIGHT,
) -> dict[str, tuple[int, float, float]]:
    """Fit on the rows in ``mask``: word → (count, base valence, shift).

    Words are counted in the news rows (NYT, NewsMTSC) only: VADER's other sets, when given a
    weight, inform the shifts of news words but add no words of their own.
    """
    if other_weight == 0:
        mask = mask & (corpus.source <= 1)
    texts = [t for t, m in zip(corpus.texts, mask) if m]
    news = [t for t, m, s in zip(corpus.texts, mask, corpus.source) if m and s <= 1]
    counts = count_words(news, base, new_words)
    vocab = sorted(w for w, c in counts.items() if c >= min_count)
    d = design(texts, base, vocab)
    shift = fit_shifts(
        d, corpus.source[mask], corpus.target[mask], base.rules, l2, newsmtsc_weight, other_weight
    )
    return {w: (counts[w], base.valences.get(w, 0.0), float(s)) for w, s in zip(vocab, shift)}


def corrected(valence: float, shift: float) -> float:
    """``valence + shift`` within the VADER range, stopped at 0 rather than crossing it.

    A fitted shift that would flip a word's sign ("victims" to positive, "safety" to negative)
    soaks up topic, not meaning; stopping at 0 keeps what the data do show, that the word's
    everyday sense does not hold in news. Document-grouped cross-validated r: 0.5750 with
    flips, 0.5755 without.
    """
    new = max(-MAX_VALENCE, min(MAX_VALENCE, valence + shift))
    return 0.0 if new * valence < 0 else new


def apply_overlay(base: snt.Lexicon, learned: dict[str, tuple[int, float, float]]) -> snt.Lexicon:
    """``base`` with the learned shifts added (see :func:`corrected`)."""
    merged = dict(base.valences)
    for w, (_, valence, shift) in learned.items():
        merged[w] = corrected(valence, shift)
    return snt.Lexicon(base.name, merged, base.rules)


def base_news_lexicon() -> snt.Lexicon:
    """The news lexicon without the learned corrections (VADER plus ``news_overlay.csv``)."""
    return news_lexicon(learned=False)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r."""
    return float(np.corrcoef(np.asarray(x, float), np.asarray(y, float))[0, 1])


def cross_validated_compound(
    corpus: Corpus,
    l2: float = L2,
    newsmtsc_weight: float = NEWSMTSC_WEIGHT,
    min_count: int = MIN_COUNT,
    new_words: bool = NEW_WORDS,
    base: snt.Lexicon | None = None,
    other_weight: float = OTHER_WEIGHT,
) -> np.ndarray:
    """Out-of-fold news compound scores of the NYT rows (folds grouped by document).

    For each fold the corrections are refitted on the other NYT folds plus NewsMTSC train (its
    validation slice excluded), then the held-out snippets are scored with the full scorer.
    """
    if base is None:
        base = base_news_lexicon()
    nyt = corpus.source == 0
    folds = np.array([doc_fold(int(d)) if d >= 0 else -1 for d in corpus.doc])
    out = np.zeros(int(nyt.sum()))
    for k in range(FOLDS):
        train = folds != k
        learned = learned_overlay(
            corpus, train, base, l2, newsmtsc_weight, min_count, new_words, other_weight
        )
        lex = apply_overlay(base, learned)
        for i in np.flatnonzero(folds == k):
            out[i] = snt.score_sentiment(corpus.texts[i], lex)["compound"]
    return out


def write_overlay(learned: dict[str, tuple[int, float, float]], path: Path = OUT) -> None:
    """Write the corrections as a documented CSV (only shifts that round to non-zero)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Learned valence corrections for kosovo_kit.sentiment (news lexicon); written by\n"
            "# benchmarks/fit_news_lexicon.py. Format in data/lexicons/README.md.\n"
            f"# min_count={MIN_COUNT} l2={L2} newsmtsc_weight={NEWSMTSC_WEIGHT}\n"
        )
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["token", "valence", "count", "base_valence", "shift"])
        for w in sorted(learned):
            count, valence, shift = learned[w]
            new = corrected(valence, shift)
            if round(new - valence, 2) == 0:
                continue
            writer.writerow([w, f"{new:.2f}", count, f"{valence:g}", f"{new - valence:+.2f}"])


def main(argv: Sequence[str]) -> None:
    corpus = fitting_corpus()
    nyt = corpus.source == 0
    y = corpus.target[nyt]
    if "--cv" in argv:
        print(f"{'l2':>6} {'newsmtsc_w':>10} {'min_count':>9} {'cv_r':>7}")
        for l2 in (0.1, 0.25, 0.5, 1.0, 2.0, 8.0):
            for nw in (0.0, 0.5, 1.0):
                for mc in (6, MIN_COUNT, 12):
                    r = pearson(cross_validated_compound(corpus, l2, nw, mc), y)
                    print(f"{l2:6g} {nw:10g} {mc:9d} {r:7.4f}", flush=True)
    base = base_news_lexicon()
    learned = learned_overlay(corpus, np.ones(len(corpus.texts), bool), base)
    write_overlay(learned)
    lex = apply_overlay(base, learned)
    fitted = [snt.score_sentiment(t, lex)["compound"] for t, m in zip(corpus.texts, nyt) if m]
    print(f"words corrected: {len(learned)}; NYT odd in-sample r = {pearson(fitted, y):.4f}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
