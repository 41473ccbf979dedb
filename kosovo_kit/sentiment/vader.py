"""The VADER engine: one function per rule, shared by scoring and explaining.

Each word rule takes the sentence, a token index and the token's value so far, and returns the
new value; the driver :func:`token_valences` records the difference in the rule's column of
:class:`Effects`, which :func:`~kosovo_kit.sentiment.explain_sentiment` turns into its table.
Scoring and explaining therefore run the same calls, in the same order. The rules reproduce
``vaderSentiment`` 3.3.2 exactly, quirks included (the order-dependent "but" rescaling, the
"so"/"this" boost three words back); the news rules (:data:`~.lexicons.NEWS_RULES`) add the
name, hedge, reversal, negativity, quote, negation-valence and clause-final "too" rules and
rescale by position around "but", which the VADER rules leave off.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..gc_pause import gc_paused
from .lexicons import Lexicon, Rules, load_lexicon, vader_constants
from .tokens import quoted_flags, tokenise

__all__ = ["RULE_COLUMNS", "Effects", "normalise", "score_sentiment", "summarise", "token_valences"]

# Columns of explain_sentiment holding additive rule effects, in the order rules are applied.
RULE_COLUMNS: tuple[str, ...] = (
    "negation",
    "caps",
    "booster",
    "never_so",
    "idiom",
    "kind_of",
    "least",
    "also",
    "name",
    "hedge",
    "but",
    "reversal",
    "negativity",
    "quote",
    "punct",
)

_VADER = vader_constants()
_N_SCALAR = _VADER.negation_scalar
_PHRASE_WORDS = _VADER.phrase_words
_SO_THIS = ("so", "this")
_NEVER_SO = 1.25  # "never so good": VADER's fixed boost, not among its named constants
# A booster one or two words further back adds 95 % or 90 % of its increment.
_BOOSTER_DISTANCE = (1.0, 0.95, 0.9)
# Punctuation emphasis: each "!" (at most four) and each "?" of two or three; four or more "?"
# add a fixed amount.
EXCLAMATION = 0.292
QUESTION = 0.18
QUESTIONS_MAX = 0.96
_SENT_END = (".", "!", "?", ":", ";")
_QUOTE_OPEN = frozenset("\"“‘`'")


class Effects:
    """Each rule's additive effect on each token; collects nothing unless explaining.

    Parameters
    ----------
    n : int
        Number of tokens.
    collect : bool
        Keep the effects (for an explanation) or only pass values through (for a score).
    """

    __slots__ = ("columns",)

    def __init__(self, n: int, collect: bool = True) -> None:
        self.columns: dict[str, list[float]] | None = (
            {c: [0.0] * n for c in RULE_COLUMNS} if collect else None
        )

    def apply(self, rule: str, i: int, before: float, after: float) -> float:
        """Record ``after - before`` as ``rule``'s effect on token ``i``; return ``after``."""
        if self.columns is not None:
            self.columns[rule][i] += after - before
        return after


_SCORING = Effects(0, collect=False)


@dataclass
class _Sentence:
    """What the rules read about one sentence."""

    words: list[str]  # punctuation-stripped words, original case
    raw: list[str]  # whitespace tokens
    forms: list[str]  # lower-case forms the lexicon is looked up by
    lex: Lexicon

    @property
    def valences(self) -> Mapping[str, float]:
        return self.lex.valences

    @property
    def rules(self) -> Rules:
        return self.lex.rules

    @cached_property
    def caps_differ(self) -> bool:
        """Some words are in capitals and some are not: only then do capitals add emphasis."""
        n_caps = sum(w.isupper() for w in self.words)
        return 0 < len(self.words) - n_caps < len(self.words)

    @cached_property
    def names_apply(self) -> bool:
        """The name rule is on and this is no Title Case headline, where capitals mark no names."""
        if self.rules.name_weight == 1.0:
            return False
        return sum(w[0].isupper() for w in self.words) <= 0.6 * len(self.words)


# --------------------------------------------------------------------------- word rules


def _is_modifier(s: _Sentence, i: int) -> str | None:
    """The column of a degree word or the "kind" of "kind of": they modify, carry nothing."""
    form = s.forms[i]
    if form == "kind" and i < len(s.forms) - 1 and s.forms[i + 1] == "of":
        return "kind_of"
    return "booster" if form in _VADER.boosters else None


def _no(s: _Sentence, i: int, v: float) -> float:
    """ "no" before a lexicon word negates it instead of counting as a negative word itself."""
    forms = s.forms
    if forms[i] == "no" and i != len(forms) - 1 and forms[i + 1] in s.valences:
        v = 0.0
    if (
        (i > 0 and forms[i - 1] == "no")
        or (i > 1 and forms[i - 2] == "no")
        or (i > 2 and forms[i - 3] == "no" and forms[i - 1] in ("or", "nor"))
    ):
        v = s.valences[forms[i]] * _N_SCALAR
    return v


def _caps(s: _Sentence, i: int, v: float) -> float:
    """A word in capitals among other words is emphasised."""
    if not (s.words[i].isupper() and s.caps_differ):
        return v
    return v + _VADER.caps_increment if v > 0 else v - _VADER.caps_increment


def _booster(s: _Sentence, i: int, k: int, v: float) -> float:
    """A degree word ``k + 1`` words back ("very good", "somewhat bad") adds its increment."""
    prev = s.forms[i - k - 1]
    if prev not in _VADER.boosters:
        return v
    step = _VADER.boosters[prev]
    if v < 0:
        step = -step
    if s.words[i - k - 1].isupper() and s.caps_differ:
        step = step + _VADER.caps_increment if v > 0 else step - _VADER.caps_increment
    return v + step * _BOOSTER_DISTANCE[k]


def _never_so_applies(forms: list[str], i: int, k: int) -> bool:
    if k == 1:
        return forms[i - 2] == "never" and forms[i - 1] in _SO_THIS
    # As in the reference, "so"/"this" right before the word also boosts without "never".
    return k == 2 and (
        (forms[i - 3] == "never" and forms[i - 2] in _SO_THIS) or forms[i - 1] in _SO_THIS
    )


def _never_so(s: _Sentence, i: int, k: int, v: float) -> float:
    """ "never so good" is emphatic, not negated."""
    return v * _NEVER_SO if _never_so_applies(s.forms, i, k) else v


def _negation(s: _Sentence, i: int, k: int, v: float) -> float:
    """A negation ``k + 1`` words back ("not good", "didn't really like") flips and shrinks."""
    forms = s.forms
    if _never_so_applies(forms, i, k):
        return v
    if k == 1 and forms[i - 2] == "without" and forms[i - 1] == "doubt":
        return v
    if k == 2 and forms[i - 3] == "without" and "doubt" in (forms[i - 2], forms[i - 1]):
        return v
    prev = forms[i - k - 1]
    return v * _N_SCALAR if prev in _VADER.negations or "n't" in prev else v


def _idiom(s: _Sentence, i: int, v: float) -> float:
    """An idiom around the word ("the bomb", "kiss of death") replaces its value."""
    forms, idioms = s.forms, _VADER.idioms
    w0, w1, w2, w3 = forms[i], forms[i - 1], forms[i - 2], forms[i - 3]
    following = forms[i + 1 : i + 3]
    # Every phrase below holds the word before, the one before that or the one after.
    if (
        w1 not in _PHRASE_WORDS
        and w2 not in _PHRASE_WORDS
        and (not following or following[0] not in _PHRASE_WORDS)
    ):
        return v
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
        if seq in idioms:
            v = idioms[seq]
            break
    if following and (seq := f"{w0} {following[0]}") in idioms:
        v = idioms[seq]
    if len(following) == 2 and (seq := f"{w0} {following[0]} {following[1]}") in idioms:
        v = idioms[seq]
    return v


def _dampener(s: _Sentence, i: int, v: float) -> float:
    """Two-word dampeners ("kind of", "sort of") before the word; added unsigned, as in VADER."""
    w1, w2, w3 = s.forms[i - 1], s.forms[i - 2], s.forms[i - 3]
    if w1 not in _PHRASE_WORDS and w2 not in _PHRASE_WORDS:
        return v
    for seq in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
        if seq in _VADER.boosters:
            v = v + _VADER.boosters[seq]
    return v


def _least(s: _Sentence, i: int, v: float) -> float:
    """ "least good" is negated, "at least" and "very least" are not."""
    forms = s.forms
    if i == 0 or forms[i - 1] != "least" or "least" in s.valences:
        return v
    if i > 1 and forms[i - 2] in ("at", "very"):
        return v
    return v * _N_SCALAR


def _name(s: _Sentence, i: int, v: float) -> float:
    """A capitalised word inside a sentence is probably part of a name ("Justice Department")."""
    if not s.names_apply or i == 0:
        return v
    word = s.words[i]
    if not word[:1].isupper() or word.isupper():
        return v
    tok = s.raw[i]
    if tok[:1] in _QUOTE_OPEN or tok[:1] == "(":
        return v
    prev = s.raw[i - 1]
    if prev.rstrip("'\"”’)").endswith(_SENT_END) or _outside_sentence(prev):
        return v
    return v * s.rules.name_weight


def _outside_sentence(token: str) -> bool:
    """A handle, hashtag, link or emoticon: the word after it may start the sentence."""
    return token.startswith(("@", "#", "http")) or (
        not any(c.isalnum() for c in token) and token.strip("-.–—…") != ""
    )


def _hedge(s: _Sentence, i: int, v: float) -> float:
    """A sentiment word right after a hedge ("may", "could")."""
    if i > 0 and s.forms[i - 1] in s.rules.hedges:
        return v * s.rules.hedge_weight
    return v


# A token ending with one of these closes its clause.
_CLAUSE_END = (",", ";", ":", ".", "!", "?")


# Negations that qualify a phrase rather than deny the clause ("without delay", "despite
# the rain", "rarely seen"): they negate the word after them but carry no valence of their own.
# Giving them none raised the cross-validated NYT r (0.5935 to 0.5942).
_PHRASE_NEGATIONS = frozenset({"without", "despite", "rarely", "seldom"})


def _negation_value(s: _Sentence, values: list[float], effects: Effects) -> None:
    """A negation word itself reads as bad news ("it isn't working", "nothing was done")."""
    value = s.rules.negation_valence
    if not value:
        return
    negations = _VADER.negations
    for i, form in enumerate(s.forms):
        if (form in negations or "n't" in form) and not values[i] and form not in _PHRASE_NEGATIONS:
            values[i] = effects.apply("negation", i, 0.0, value)


def _word_value(s: _Sentence, i: int, effects: Effects) -> float:
    """The value of lexicon word ``i`` after every word rule, in VADER's order."""
    base = s.valences[s.forms[i]]
    v = effects.apply("negation", i, base, _no(s, i, base))
    v = effects.apply("caps", i, v, _caps(s, i, v))
    for k in range(min(3, i)):
        # A lexicon word in between shields the word from modifiers further back.
        if s.forms[i - k - 1] in s.valences:
            continue
        v = effects.apply("booster", i, v, _booster(s, i, k, v))
        v = effects.apply("never_so", i, v, _never_so(s, i, k, v))
        v = effects.apply("negation", i, v, _negation(s, i, k, v))
        if k == 2:
            v = effects.apply("idiom", i, v, _idiom(s, i, v))
            v = effects.apply("kind_of", i, v, _dampener(s, i, v))
    v = effects.apply("least", i, v, _least(s, i, v))
    v = effects.apply("name", i, v, _name(s, i, v))
    return effects.apply("hedge", i, v, _hedge(s, i, v))


# --------------------------------------------------------------------------- sentence rules


def _but(s: _Sentence, values: list[float], effects: Effects) -> None:
    """Rescale around the first "but": less before it, more after it.

    The reference looks each value up with ``list.index``, so when two tokens share a value the
    first one may be rescaled twice and the other not at all; we reproduce that exactly.
    """
    if "but" not in s.forms:
        return
    bi = s.forms.index("but")
    if s.rules.but_by_position:
        for k, value in enumerate(values):
            if value and k != bi:
                scale = s.rules.but_before if k < bi else s.rules.but_after
                values[k] = effects.apply("but", k, value, value * scale)
        return
    for k in range(len(values)):
        # The value is read again at each step: an earlier step may have rescaled it.
        value = values[k]
        si = values.index(value)
        if si < bi:
            new = value * s.rules.but_before
        elif si > bi:
            new = value * s.rules.but_after
        else:
            continue
        values[si] = effects.apply("but", si, values[si], new)


def _reversal(s: _Sentence, hits: list[int], values: list[float], effects: Effects) -> None:
    """A negative word after a reverser ("fewer deaths", "ending tensions") is good news."""
    weight, reversers = s.rules.reversal_weight, s.rules.reversers
    if not weight:
        return
    for i in hits:
        if values[i] < 0 and any(w in reversers for w in s.forms[max(0, i - 3) : i]):
            values[i] = effects.apply("reversal", i, values[i], -values[i] * weight)


def _negativity(s: _Sentence, hits: list[int], values: list[float], effects: Effects) -> None:
    """Negative words weigh more: readers of news weigh bad news more than good news."""
    weight = s.rules.negative_weight
    if weight == 1.0:
        return
    for i in hits:
        if values[i] < 0:
            values[i] = effects.apply("negativity", i, values[i], values[i] * weight)


def _quote(s: _Sentence, values: list[float], effects: Effects) -> None:
    """Words inside quotation marks are not the writer's own judgement."""
    weight = s.rules.quote_weight
    if weight == 1.0:
        return
    for i, inside in enumerate(quoted_flags(s.raw)):
        if inside and values[i]:
            values[i] = effects.apply("quote", i, values[i], values[i] * weight)


def token_valences(
    lex: Lexicon, words: list[str], raw: list[str], effects: Effects = _SCORING
) -> list[float]:
    """VADER's per-token valences (before punctuation emphasis).

    Parameters
    ----------
    lex : Lexicon
        Valences and rule settings.
    words : list of str
        Punctuation-stripped words (:func:`~.tokens.tokenise`).
    raw : list of str
        The whitespace tokens they come from.
    effects : Effects, optional
        Where each rule's effect on each token is recorded, when explaining.

    Returns
    -------
    list of float
        One value per word; 0 for words outside the lexicon.
    """
    forms = [w.lower() for w in words]
    if lex.rules.lemma_fallback:
        forms = lex.stems(forms)
    s = _Sentence(words, raw, forms, lex)
    values: list[float] = [0.0] * len(words)
    # Only lexicon words carry a value; the rules read their neighbours.
    hits = [i for i, form in enumerate(forms) if form in lex.valences]
    final_zero = lex.rules.clause_final_zero
    for i in hits:
        modifier = _is_modifier(s, i)
        if (
            final_zero
            and forms[i] in final_zero
            and (i == len(forms) - 1 or raw[i].endswith(_CLAUSE_END))
        ):
            effects.apply("also", i, lex.valences[forms[i]], 0.0)
        elif modifier is not None:
            effects.apply(modifier, i, lex.valences[forms[i]], 0.0)
        else:
            values[i] = _word_value(s, i, effects)
    _negation_value(s, values, effects)
    _but(s, values, effects)
    _reversal(s, hits, values, effects)
    _negativity(s, hits, values, effects)
    _quote(s, values, effects)
    return values


# --------------------------------------------------------------------------- sentence score


def punct_emphasis(text: str) -> float:
    """What "!" and "?" add to the size of the sentence's sum."""
    exclamations = min(text.count("!"), 4) * EXCLAMATION
    n_questions = text.count("?")
    questions = 0.0
    if n_questions > 1:
        questions = n_questions * QUESTION if n_questions <= 3 else QUESTIONS_MAX
    return exclamations + questions


def normalise(raw: float, alpha: float = 15.0) -> float:
    """Map a raw valence sum to the compound score in [-1, 1] as VADER does.

    Parameters
    ----------
    raw : float
        Sum of token contributions including punctuation emphasis.
    alpha : float
        Normalisation constant (VADER: 15).

    Returns
    -------
    float
        Unrounded compound score.
    """
    score = raw / math.sqrt((raw * raw) + alpha)
    return max(-1.0, min(1.0, score))


def summarise(values: list[float], text: str, alpha: float) -> tuple[dict[str, float], float]:
    """Compound/pos/neu/neg from token valences, plus the raw sum that was normalised."""
    if not values:
        return {"compound": 0.0, "pos": 0.0, "neu": 0.0, "neg": 0.0}, 0.0
    sum_s = float(sum(values))
    amp = punct_emphasis(text)
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = normalise(sum_s, alpha)
    pos_sum = 0.0
    neg_sum = 0.0
    valued = [v for v in values if v]
    neu_count = len(values) - len(valued)
    for v in valued:
        if v > 0:
            pos_sum += float(v) + 1  # +1/-1 offsets compensate for neutral words counted as 1
        else:
            neg_sum += float(v) - 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    scores = {
        "compound": round(compound, 4),
        "pos": round(math.fabs(pos_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "neg": round(math.fabs(neg_sum / total), 3),
    }
    return scores, sum_s


def check_text(text: object) -> None:
    """Raise TypeError unless ``text`` is a string."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")


@gc_paused
def score_sentiment(
    text: str, lexicon: str | Path | Mapping[str, float] | Lexicon = "news"
) -> dict[str, float]:
    """Score the sentiment of a sentence.

    Parameters
    ----------
    text : str
        One sentence (VADER is designed for sentence-level text). Empty text scores 0.
    lexicon : str, Path, Mapping or Lexicon
        ``"news"`` (default), ``"vader"`` (identical to vaderSentiment 3.3.2), an overlay CSV path
        or a ``{token: valence}`` overlay; see :func:`~.lexicons.load_lexicon`.

    Returns
    -------
    dict
        ``compound`` in [-1, 1] (rounded to 4 places) and the ``pos``, ``neu``, ``neg``
        proportions (rounded to 3 places).
    """
    check_text(text)
    lex = load_lexicon(lexicon)
    clean, raw, words = tokenise(text, lex.rules.punct)
    values = token_valences(lex, words, raw)
    return summarise(values, clean, lex.rules.alpha_for(len(words)))[0]
