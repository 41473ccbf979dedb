"""How a sentence portrays one mention in it (NewsMTSC's task).

A small softmax regression over transparent features (:func:`target_features`), shipped as
readable weights in ``data/models``; ``benchmarks/train_target_model.py`` rebuilds them.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..predicates import Evidence, find_evidence
from ..resources import data_path
from .lexicons import NEWS_RULES, Lexicon, load_lexicon
from .tokens import quoted_flags, tokenise_with_offsets
from .vader import summarise, token_valences

__all__ = [
    "CONTRAST_WEIGHT",
    "TARGET_FEATURES",
    "context_keys",
    "read_cues",
    "sentiment_toward",
    "sentiment_toward_explained",
    "target_features",
]


# Verbs of attack and praise: the agent (mention right before) and the patient (right after) are
# portrayed in a given light even when the sentence's words are neutral.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ATTACK_VERBS = _word_set(
    """accuse accused accuses attack attacked attacks blame blamed blames slam slammed slams
    criticize criticized criticizes criticise criticised criticises condemn condemned condemns
    denounce denounced denounces mock mocked mocks insult insulted insults threaten threatened
    threatens sue sued sues fire fired fires oust ousted ousts target targeted targets
    lash lashed lashes blast blasted blasts rip ripped rips"""
)
_PRAISE_VERBS = _word_set(
    """praise praised praises thank thanked thanks endorse endorsed endorses applaud applauded
    applauds hail hailed hails back backed backs defend defended defends support supported
    supports honor honored honors celebrate celebrated celebrates"""
)
_SPEECH_VERBS = _word_set("said says say told tells tell added asked wrote writes argued")
_CLAUSE_WORDS = _word_set("but while although though whereas however yet")
# A contrast word followed by a new subject ("X was praised, while the mayor denounced Y") opens
# a clause about someone else, so its sentiment says less about the mention. A pronoun or a
# predicate right after it ("but he lied", "but corrupt") usually continues about the same
# referent and does not count.
_NEW_SUBJECT = _word_set(
    "the a an this that these those many some most other others another critics opponents"
)
CONTRAST_WEIGHT = 0.3

TARGET_FEATURES: tuple[str, ...] = (
    "compound",
    "pos_near",
    "neg_near",
    "pos_clause",
    "neg_clause",
    "pos_far",
    "neg_far",
    "pos_left",
    "neg_left",
    "pos_right",
    "neg_right",
    "intensity",
    "pos_contrast",
    "neg_contrast",
    "cue_neg",
    "cue_pos",
    "context_neg",
    "context_pos",
    "subject",
    "subject_x_compound",
    "agent_of_attack",
    "patient_of_attack",
    "agent_of_praise",
    "patient_of_praise",
    "speaker",
    "speaker_x_compound",
    "quoted",
    "quoted_x_compound",
    "length",
    "predicate",
    "place",
    "evaluation",
    "headline",
    "question",
    "position",
    "mention_words",
    "other_names",
    "after_preposition",
    "pronoun",
    "clause_subject",
    "after_verb",
)
# Words that mark the mention's grammatical role without a parser (see ``_role_features``).
_PREPOSITIONS = _word_set(
    """of for against with by from to on in at about over under into toward towards among
    between"""
)
_DETERMINERS = _word_set("the a an this that these those his her their its our my your")
_PRONOUNS = _word_set("he she they it him her them his their its i we you")
_CLAUSE_OPENERS = _word_set("and but while that who which")
# Evidence rules that link the mention to a stance predicate (see kosovo_kit.predicates).
_LINK_RULES = frozenset({"object", "subject", "passive", "agent"})


# Context words count less the farther they are from the mention (e-folding distance in words).
CONTEXT_DECAY = 6.0
_CONTEXT_WEIGHTS = tuple(math.exp(-d / CONTEXT_DECAY) for d in range(200))
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _context_keys(lowers: list[str], first: int, last: int) -> dict[str, float]:
    """Keys of the context-word model and their values for the mention ``first..last``.

    Each word outside the mention with a letter in it, weighted by closeness (the nearest
    occurrence counts); and the words right before and after the mention, marked ``<`` and
    ``>`` (``<^`` and ``>$`` at the sentence's edges).
    """
    out: dict[str, float] = {}
    # Walk outwards from the mention so that a word's nearest occurrence is met first.
    left, right = lowers[first - 1 :: -1] if first else [], lowers[last + 1 :]
    for side in (left, right):
        for dist, lw in enumerate(side):
            weight = _CONTEXT_WEIGHTS[dist] if dist < len(_CONTEXT_WEIGHTS) else 0.0
            if weight > out.get(lw, -1.0) and _HAS_LETTER.search(lw):
                out[lw] = weight
    out["<" + (lowers[first - 1] if first > 0 else "^")] = 1.0
    out[">" + (lowers[last + 1] if last + 1 < len(lowers) else "$")] = 1.0
    return out


def context_keys(sentence: str, start: int, end: int) -> dict[str, float]:
    """The context-word model's keys for the mention ``sentence[start:end]`` and their values.

    The words of the sentence outside the mention, weighted by closeness to it
    (``exp(-(distance - 1) / CONTEXT_DECAY)``), and the words right before (``<word``) and
    after (``>word``) it; ``benchmarks/train_target_model.py`` fits the table
    ``data/models/target_context.csv`` on them.
    """
    _check_span(sentence, start, end)
    _, _, _, words, spans = tokenise_with_offsets(sentence, NEWS_RULES.punct)
    if not words:
        return {}
    first, last = _mention_tokens(spans, start, end)
    return _context_keys([w.lower() for w in words], first, last)


def _mention_tokens(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """First and last token of the mention; the nearest token when it is only punctuation."""
    inside = [i for i, (a, b) in enumerate(spans) if a < end and b > start]
    if not inside:
        centre = [abs(a - start) for a, _ in spans]
        inside = [centre.index(min(centre))]
    return inside[0], inside[-1]


def _is_speaker(raw: list[str], lowers: list[str], first: int, last: int) -> bool:
    """Whether the mention is the speaker of a speech verb.

    "Kurti said", "Kurti told reporters", "…,” said Kurti", "…, says Kurti", "according to
    Kurti".
    """
    if any(w in _SPEECH_VERBS for w in lowers[last + 1 : last + 3]):
        return True
    if first >= 1 and lowers[first - 1] in _SPEECH_VERBS:
        # "said Kurti" after a quotation or a comma, not "told Kurti" (the hearer).
        before = raw[first - 2] if first >= 2 else ""
        return before[-1:] in ",”\"'" or before.endswith(("',", "”,"))
    return first >= 2 and lowers[first - 2] == "according" and lowers[first - 1] == "to"


def _role_features(
    raw: list[str], words: list[str], lowers: list[str], first: int, last: int
) -> dict[str, float]:
    """Where the mention stands in the sentence and its clause, found without a parser.

    ``position`` (0 at the start, 1 at the end), ``mention_words`` (log length),
    ``other_names`` (log count of other capitalised words, not sentence-initial: sentences
    about many actors are more often neutral reports), ``after_preposition`` ("against X",
    "for X"), ``pronoun``, ``clause_subject`` (only determiners and capitalised words between
    the start of its clause and the mention) and ``after_verb`` (a lower-case word that is no
    preposition, determiner or conjunction right before it: most often a verb, "backed X").
    """
    n = len(words)
    prev = lowers[first - 1] if first else ""
    start = first
    while (
        start > 0 and raw[start - 1][-1:] not in ",;:" and lowers[start - 1] not in _CLAUSE_OPENERS
    ):
        start -= 1
    return {
        "position": first / max(1, n - 1),
        "mention_words": math.log1p(last - first + 1),
        "other_names": math.log1p(
            sum(
                1
                for i in range(1, n)
                if words[i][:1].isupper()
                and not first <= i <= last
                and _HAS_LETTER.search(words[i])
            )
        ),
        "after_preposition": float(prev in _PREPOSITIONS),
        "pronoun": float(first == last and lowers[first] in _PRONOUNS),
        "clause_subject": float(
            all(lowers[i] in _DETERMINERS or words[i][:1].isupper() for i in range(start, first))
        ),
        "after_verb": float(
            first > 0
            and prev not in _PREPOSITIONS
            and prev not in _DETERMINERS
            and prev not in ("and", "or")
            and words[first - 1][:1].islower()
            and _HAS_LETTER.search(prev) is not None
        ),
    }


def _check_span(sentence: Any, start: Any, end: Any) -> None:
    if not isinstance(sentence, str):
        raise TypeError(f"sentence must be str, not {type(sentence).__name__}")
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be int, not {type(value).__name__}")
    if not 0 <= start < end <= len(sentence):
        raise ValueError(
            f"need 0 <= start < end <= len(sentence) = {len(sentence)}; "
            f"got start={start}, end={end}"
        )


def target_features(
    sentence: str,
    start: int,
    end: int,
    lexicon: str | Lexicon = "news",
    cues: Mapping[str, tuple[float, float]] | None = None,
    evidence: list[Evidence | None] | None = None,
    context: Mapping[str, tuple[float, float]] | None = None,
) -> dict[str, float]:
    """Transparent features describing how a sentence treats the mention ``sentence[start:end]``.

    Parameters
    ----------
    sentence : str
        The sentence.
    start, end : int
        Character span of the mention.
    lexicon : str or Lexicon
        Lexicon for the token scores (see :func:`load_lexicon`).
    cues : Mapping, optional
        Word → (negative, positive) log-odds learned from NewsMTSC; defaults to
        ``data/models/target_cues.csv``.
    evidence : list, optional
        When given, the :class:`~kosovo_kit.predicates.Evidence` found (or None) is appended.
    context : Mapping, optional
        Context key (see :func:`context_keys`) → (negative, positive) weights of the
        context-word model; defaults to ``data/models/target_context.csv``.

    Returns
    -------
    dict
        One value per name in :data:`TARGET_FEATURES`: sentence compound; positive and
        negative token scores weighted by closeness to the mention (``near``), inside its clause
        and outside it (``far``), and beyond a contrast word with a new subject ("while the
        mayor ...") that separates them from the mention (``contrast``; such words count only
        :data:`CONTRAST_WEIGHT` times in the other features); whether the mention opens the
        sentence (``subject``); whether it is the agent or patient of an attack or praise verb;
        whether it is the speaker of a speech verb; whether it lies inside quotation marks; log
        sentence length; the learned cue-word log-odds of the other words weighted by
        closeness (``cue_*``); and the stance pattern of
        :func:`kosovo_kit.predicates.find_evidence`: the sign of a predicate linked to the
        mention (``predicate``: "praised Kurti", "Serbia defends …"), whether the mention
        heads a place phrase (``place``) and the sign of a
        copula's evaluative complement (``evaluation``); the context-word model's logits of the
        negative and positive labels against the neutral one (``context_*``); the products
        of the compound with ``speaker`` and ``quoted``; whether the sentence is a headline
        (no final punctuation) or a question; and the mention's place and role found without
        a parser (see :func:`_role_features`).
    """
    if cues is None:
        cues = _target_cues()
    if context is None:
        context = _target_context()
    _check_span(sentence, start, end)
    lex = load_lexicon(lexicon)
    rules = lex.rules
    _, _, raw, words, spans = tokenise_with_offsets(sentence, rules.punct)
    scores = token_valences(lex, words, raw)
    full_scores = list(scores)  # the contrast scoping below rewrites ``scores``
    n = len(words)
    inside = [i for i, (a, b) in enumerate(spans) if a < end and b > start]
    if not inside:  # mention made only of punctuation: anchor on the nearest token
        centre = [abs(a - start) for a, _ in spans]
        inside = [centre.index(min(centre))] if spans else []
    first, last = (inside[0], inside[-1]) if inside else (0, -1)
    clause = []
    cid = 0
    for i, tok in enumerate(raw):
        if words[i].lower() in _CLAUSE_WORDS:
            cid += 1
        clause.append(cid)
        if tok[-1:] in ",;:" or tok[-1:] in ("(", ")") or tok in ("-", "--", "—"):
            cid += 1
    target_clause = clause[first] if inside else -1
    feats = dict.fromkeys(TARGET_FEATURES, 0.0)
    lowers = [w.lower() for w in words]
    # Contrast regions: a contrast word starts a new one; words in another region than the
    # mention count CONTRAST_WEIGHT times and are also reported on their own (``*_contrast``).
    region = []
    rid = 0
    for i, lw in enumerate(lowers):
        if lw in _CLAUSE_WORDS and i + 1 < n:
            nxt = words[i + 1]
            if lowers[i + 1] in _NEW_SUBJECT or (nxt[:1].isupper() and nxt != "I"):
                rid += 1
        region.append(rid)
    target_region = region[first] if inside else 0
    for i, lw in enumerate(lowers):
        if first <= i <= last or lw not in cues:
            continue
        dist = first - i if i < first else i - last
        weight = math.exp(-(dist - 1) / 6.0)
        if region[i] != target_region:
            weight *= CONTRAST_WEIGHT
        neg, pos = cues[lw]
        feats["cue_neg"] += neg * weight
        feats["cue_pos"] += pos * weight
    for i, full in enumerate(scores):
        if not full or first <= i <= last:
            continue
        value = full
        if region[i] != target_region:
            feats["pos_contrast" if full > 0 else "neg_contrast"] += full
            value = full * CONTRAST_WEIGHT
            scores[i] = value  # the sentence compound below uses the scoped scores too
        dist = first - i if i < first else i - last
        weight = math.exp(-(dist - 1) / 4.0)
        sign = "pos" if value > 0 else "neg"
        feats[f"{sign}_near"] += value * weight
        if clause[i] == target_clause:
            feats[f"{sign}_clause"] += value
        else:
            feats[f"{sign}_far"] += value
        if dist <= 3:
            feats[f"{sign}_left" if i < first else f"{sign}_right"] += value
        feats["intensity"] += abs(value)
    feats["compound"] = summarise(scores, sentence, rules.alpha_for(n))[0]["compound"]
    feats["subject"] = 1.0 if first <= 1 else 0.0
    feats["subject_x_compound"] = feats["subject"] * feats["compound"]
    after = lowers[last + 1 : last + 4]
    before = lowers[max(0, first - 3) : first]
    feats["agent_of_attack"] = float(any(w in _ATTACK_VERBS for w in after))
    feats["patient_of_attack"] = float(any(w in _ATTACK_VERBS for w in before))
    feats["agent_of_praise"] = float(any(w in _PRAISE_VERBS for w in after))
    feats["patient_of_praise"] = float(any(w in _PRAISE_VERBS for w in before))
    feats["speaker"] = float(_is_speaker(raw, lowers, first, last))
    # A speaker's words are mostly about something else, and a quotation naming the mention
    # is mostly about it: the sentence's tone counts differently in each case.
    feats["speaker_x_compound"] = feats["speaker"] * feats["compound"]
    if inside:
        flags = quoted_flags(raw)
        feats["quoted"] = float(flags[first])
    feats["quoted_x_compound"] = feats["quoted"] * feats["compound"]
    feats["length"] = math.log1p(n)
    if inside:
        for key, value in _context_keys(lowers, first, last).items():
            if key in context:
                neg, pos = context[key]
                feats["context_neg"] += neg * value
                feats["context_pos"] += pos * value
    if inside:
        feats.update(_role_features(raw, words, lowers, first, last))
    feats["headline"] = float(raw[-1][-1:] not in ".!?\"”'") if raw else 0.0
    feats["question"] = float("?" in sentence)
    found = find_evidence(raw, first, last, full_scores) if inside else None
    if found is not None:
        name = "predicate" if found.rule in _LINK_RULES else found.rule
        feats[name] = 1.0 if found.rule == "place" else float(found.sign)
    if evidence is not None:
        evidence.append(found)
    return feats


def read_cues(path: str | Path, key: str = "word") -> dict[str, tuple[float, float]]:
    """Read a cue table (CSV with ``word,n,neg,pos``; ``key`` names the first column).

    Returns the first column → (neg, pos) weights.
    """
    out: dict[str, tuple[float, float]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[row[key]] = (float(row["neg"]), float(row["pos"]))
    return out


@lru_cache(maxsize=1)
def _target_cues() -> dict[str, tuple[float, float]]:
    path = data_path("models", "target_cues.csv")
    return read_cues(path) if path.is_file() else {}


@lru_cache(maxsize=1)
def _target_context() -> dict[str, tuple[float, float]]:
    path = data_path("models", "target_context.csv")
    return read_cues(path, key="key") if path.is_file() else {}


@lru_cache(maxsize=1)
def _target_model() -> dict[str, Any]:
    with open(data_path("models", "target_sentiment.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _target_probabilities(feats: Mapping[str, float], model: Mapping[str, Any]) -> list[float]:
    names = model["features"]
    xs = [(feats[f] - m) / sd for f, m, sd in zip(names, model["mean"], model["std"])]
    # The offsets move the thresholds between labels to where macro-F1 was best out of fold.
    offsets = model.get("offsets") or [0.0] * len(model["intercept"])
    logits = [
        b + o + sum(w * x for w, x in zip(ws, xs))
        for b, o, ws in zip(model["intercept"], offsets, model["weights"])
    ]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return [e / total for e in exps]


def sentiment_toward(sentence: str, start: int, end: int) -> int:
    """How a sentence portrays the mention at ``sentence[start:end]``.

    A stance predicate linked to the mention decides when its pattern is one the model file
    lists as decisive ("praised Kurti", "Kurti was condemned", "Serbia defends …"; see
    :mod:`kosovo_kit.predicates`); otherwise a multinomial logistic regression over
    :func:`target_features`, trained on the NewsMTSC training set by
    ``benchmarks/train_target_model.py``, whose weights are in
    ``data/models/target_sentiment.json``.

    Parameters
    ----------
    sentence : str
        The sentence.
    start, end : int
        Character span of the mention (``0 <= start < end <= len(sentence)``).

    Returns
    -------
    int
        -1 (negative), 0 (neutral) or +1 (positive).
    """
    found: list[Evidence | None] = []
    feats = target_features(sentence, start, end, evidence=found)
    return _decide(feats, found[0] if found else None, _target_model())[0]


def _decide(
    feats: Mapping[str, float], evidence: Evidence | None, model: Mapping[str, Any]
) -> tuple[int, bool, list[float]]:
    """The label, whether a decisive stance pattern gave it, and the model's probabilities."""
    probs = _target_probabilities(feats, model)
    decisive = evidence is not None and evidence.rule in model.get("decisive_rules", ())
    if evidence is not None and decisive:
        return evidence.sign, True, probs
    best = max(range(len(probs)), key=probs.__getitem__)
    return int(model["labels"][best]), False, probs


def sentiment_toward_explained(sentence: str, start: int, end: int) -> dict[str, Any]:
    """:func:`sentiment_toward` with its evidence.

    Parameters
    ----------
    sentence : str
        The sentence.
    start, end : int
        Character span of the mention.

    Returns
    -------
    dict
        ``label`` (-1, 0, +1); ``decided_by`` (``"rule"`` or ``"model"``); ``evidence`` (the
        stance pattern found, as a dict with ``sign``, ``rule``, ``word`` and its character
        ``start``/``end`` in the sentence, or None); ``probabilities`` (the model's, per label);
        ``features`` (the feature values); ``contributions`` (per label: feature → weight ×
        standardised value); and ``context_words``: the keys of the context-word model (see
        :func:`context_keys`) with their ``(negative, positive)`` shares of ``context_neg`` and
        ``context_pos``, largest first.
    """
    found: list[Evidence | None] = []
    feats = target_features(sentence, start, end, evidence=found)
    model = _target_model()
    evidence = found[0] if found else None
    label, decisive, probs = _decide(feats, evidence, model)
    labels = model["labels"]
    contributions = {}
    for name, ws in zip(labels, model["weights"]):
        contributions[name] = {
            f: w * (feats[f] - m) / sd
            for f, w, m, sd in zip(model["features"], ws, model["mean"], model["std"])
        }
    return {
        "label": label,
        "decided_by": "rule" if decisive else "model",
        "evidence": _evidence_dict(sentence, evidence),
        "probabilities": dict(zip(labels, probs)),
        "features": feats,
        "contributions": contributions,
        "context_words": _context_shares(sentence, start, end),
    }


def _context_shares(sentence: str, start: int, end: int) -> list[tuple[str, float, float]]:
    """Context keys of the mention with their shares of ``context_neg`` and ``context_pos``."""
    table = _target_context()
    shares = [
        (key, table[key][0] * value, table[key][1] * value)
        for key, value in context_keys(sentence, start, end).items()
        if key in table
    ]
    return sorted(shares, key=lambda s: -max(abs(s[1]), abs(s[2])))


def _evidence_dict(sentence: str, evidence: Evidence | None) -> dict[str, Any] | None:
    """The evidence with the character span of its word(s) in ``sentence``."""
    if evidence is None:
        return None
    out: dict[str, Any] = {"sign": evidence.sign, "rule": evidence.rule, "word": evidence.word}
    if evidence.first >= 0:
        _, _, _, _, spans = tokenise_with_offsets(sentence, NEWS_RULES.punct)
        out["start"], out["end"] = spans[evidence.first][0], spans[evidence.last][1]
        out["word"] = sentence[out["start"] : out["end"]]
    return out
