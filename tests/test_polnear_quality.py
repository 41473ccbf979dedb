"""Regression floors for quote attribution on the PolNeAR dev split (and train, where rules
are tuned).

The scores are computed as ``benchmarks/polnear.py`` computes them: every annotated dev
article, predictions from :func:`kosovo_kit.attribute_quotes` on the raw text, scored against
each annotator's file (``annotators="each"``) and micro-averaged. The floors sit a little under
the current figures, so a change that makes attribution clearly worse fails here.
"""

from __future__ import annotations

import pandas as pd
import pytest
from support import shared_path

from kosovo_kit import QUOTE_COLUMNS, attribute_quotes
from kosovo_kit.brat import load_polnear
from kosovo_kit.evaluation import evaluate_many

WSW_F1_QUOTED = 0.862
WSW_F1_ALL = 0.652
SPEAKER_ACCURACY = 0.963
# The training split, on which the rules are tuned
TRAIN_WSW_F1_QUOTED = 0.870
TRAIN_WSW_F1_ALL = 0.632
TRAIN_SPEAKER_ACCURACY_QUOTED = 0.972


@pytest.fixture(scope="module")
def dev():
    """Annotated dev articles with the kit's predictions: (article_id, text, gold, predicted)."""
    root = shared_path("polnear")
    shared_path("polnear", "dev", "text")
    articles = [a for a in load_polnear("dev", root=root) if a.annotations]
    assert articles, f"no annotated PolNeAR dev articles under {root}"
    return [(a.article_id, a.text, a.annotations, attribute_quotes(a.text)) for a in articles]


@pytest.fixture(scope="module")
def scores(dev):
    return evaluate_many([(pred, gold, text) for _, text, gold, pred in dev], annotators="each")


def test_who_said_what_on_quoted_statements(scores):
    quoted = scores["quoted"]
    assert quoted["n_gold"] > 500  # the whole dev split was scored
    assert quoted["wsw_f1"] >= WSW_F1_QUOTED, quoted


def test_who_said_what_on_all_attributions(scores):
    every = scores["all"]
    assert every["n_gold"] > scores["quoted"]["n_gold"]
    assert every["wsw_f1"] >= WSW_F1_ALL, every


def test_speaker_accuracy(scores):
    for subset in ("quoted", "all"):
        part = scores[subset]
        assert part["speaker_total"] > 100
        assert part["speaker_accuracy"] >= SPEAKER_ACCURACY, (subset, part)


def test_who_said_what_on_the_training_split():
    root = shared_path("polnear")
    shared_path("polnear", "train", "text")
    articles = [a for a in load_polnear("train", root=root) if a.annotations]
    assert len(articles) > 500
    scores = evaluate_many(
        [(attribute_quotes(a.text), a.annotations, a.text) for a in articles], annotators="each"
    )
    quoted = scores["quoted"]
    assert quoted["wsw_f1"] >= TRAIN_WSW_F1_QUOTED, quoted
    assert quoted["speaker_accuracy"] >= TRAIN_SPEAKER_ACCURACY_QUOTED, quoted
    assert scores["all"]["wsw_f1"] >= TRAIN_WSW_F1_ALL, scores["all"]


def test_every_prediction_is_consistent_with_its_text(dev):
    for article_id, text, _, pred in dev:
        assert list(pred.columns) == QUOTE_COLUMNS, article_id
        assert list(pred["quote_id"]) == list(range(len(pred))), article_id
        for row in pred.itertuples(index=False):
            where = f"{article_id} quote {row.quote_id}"
            assert row.kind in ("direct", "mixed", "indirect", "belief"), where
            assert 0 <= row.start < row.end <= len(text), where
            assert text[row.start : row.end] == row.text, where
            assert row.pieces, where
            for s, e in row.pieces:
                assert row.start <= s < e <= row.end, where
            if not pd.isna(row.cue):
                assert text[int(row.cue_start) : int(row.cue_end)] == row.cue, where
            if not pd.isna(row.speaker_start):
                assert 0 <= row.speaker_start < row.speaker_end <= len(text), where
                assert text[int(row.speaker_start) : int(row.speaker_end)].strip(), where
