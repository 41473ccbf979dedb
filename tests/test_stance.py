"""Stance toward a target: the predicate that links holder and target decides the sign."""

from __future__ import annotations

import pandas as pd
import pytest

import kosovo_kit as kk
from kosovo_kit.predicates import find_evidence, load_predicates, read_predicates
from kosovo_kit.resources import data_path
from kosovo_kit.sentiment import sentiment_toward, sentiment_toward_explained
from kosovo_kit.stance import (
    actor_summary,
    add_sentiment,
    stance_evidence,
    stance_table,
    stance_toward,
)


def span(sentence: str, mention: str) -> tuple[int, int]:
    start = sentence.index(mention)
    return start, start + len(mention)


@pytest.mark.parametrize(
    ("sentence", "mention", "stance", "rule", "word"),
    [
        # the predicate's object, whatever the scene around it
        (
            "Moscow backs Belgrade in the dispute over the explosions and shootings.",
            "Belgrade",
            1,
            "object",
            "backs",
        ),
        (
            "Moscow is “backing” Belgrade amid killings and riots.",
            "Belgrade",
            1,
            "object",
            "backing",
        ),
        (
            "The ministry condemned Pristina’s decision to ban the plates.",
            "Pristina",
            -1,
            "object",
            "condemned",
        ),
        (
            "The envoy denounced the reckless rhetoric of Tirana.",
            "Tirana",
            -1,
            "object",
            "denounced",
        ),
        ("We have deep and historic ties with Athens.", "Athens", 1, "object", "ties with"),
        (
            "We are worried about Ankara and its border crossings.",
            "Ankara",
            -1,
            "object",
            "worried about",
        ),
        # contrast clauses: the clause that holds the mention decides, and its mirror
        (
            "Albania denounced the arrests, while Washington praised Kurti for his restraint.",
            "Kurti",
            1,
            "object",
            "praised",
        ),
        (
            "Washington praised the police, while Albania denounced Kurti for the raids.",
            "Kurti",
            -1,
            "object",
            "denounced",
        ),
        (
            "Critics slammed the deal, but voters welcomed Kurti warmly.",
            "Kurti",
            1,
            "object",
            "welcomed",
        ),
        # the subject of what it does
        (
            "Hungary defends the rights of minorities living in such hard conditions.",
            "Hungary",
            1,
            "subject",
            "defends",
        ),
        (
            "Montenegro protects its fishermen when their rights are violated.",
            "Montenegro",
            1,
            "subject",
            "protects",
        ),
        (
            "The roadblocks set up by the Bosnian Serbs must be removed at once.",
            "Bosnian Serbs",
            -1,
            "subject",
            "must",
        ),
        ("Skopje must dismantle the checkpoints.", "Skopje", -1, "subject", "must"),
        # passive: the subject is what the predicate is about
        ("Kurti was praised by the envoy for his restraint.", "Kurti", 1, "passive", "praised"),
        ("Vucic was strongly criticised for the deployment.", "Vucic", -1, "passive", "criticised"),
        # a place is not a target
        ("Tensions in Kosovo rose after explosions and shootings.", "Kosovo", 0, "place", "in"),
        (
            "Troops gathered on the border with Albania, where riots broke out.",
            "Albania",
            0,
            "place",
            "border with",
        ),
        # the subject of an evaluative copula
        (
            "The deployment of Croatian troops near the border is a dangerous provocation.",
            "Croatian",
            -1,
            "evaluation",
            "dangerous provocation",
        ),
    ],
)
def test_predicate_decides(sentence, mention, stance, rule, word):
    found = stance_toward(sentence, *span(sentence, mention))
    assert (found["stance"], found["rule"]) == (stance, rule)
    assert word in found["word"]


def test_a_place_phrase_needs_the_name_as_its_head():
    sentence = "The increase in the Serbian military presence is a very bad signal."
    found = stance_toward(sentence, *span(sentence, "Serbian"))
    assert (found["stance"], found["rule"]) == (-1, "evaluation")


@pytest.mark.parametrize(
    "sentence",
    [
        "Berlin did not condemn Belgrade for the arrests.",
        "Berlin refused to support Belgrade in the talks.",
        "Berlin doesn’t support Belgrade in the talks.",
    ],
)
def test_negated_predicate_decides_nothing(sentence):
    assert stance_toward(sentence, *span(sentence, "Belgrade"))["rule"] == "model"


def test_cue_that_is_a_stance_predicate_signs_its_content():
    content = "the “nationalist rhetoric” of Sofia"
    found = stance_toward(content, *span(content, "Sofia"), cue="denounced")
    assert (found["stance"], found["rule"], found["word"]) == (-1, "cue", "denounced")
    assert stance_toward(content, *span(content, "Sofia"), cue="said")["rule"] == "model"


def test_sentiment_toward_follows_a_support_predicate_not_the_scene():
    sentence = "Russia is “supporting” Serbia in its actions aimed at ending tensions in Kosovo."
    assert sentiment_toward(sentence, *span(sentence, "Serbia")) == 1
    out = sentiment_toward_explained(sentence, *span(sentence, "Serbia"))
    assert out["evidence"]["word"] == "supporting"
    assert sentence[out["evidence"]["start"] : out["evidence"]["end"]] == "supporting"
    assert out["features"]["predicate"] == 1.0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor denounced the barricades, while protesters praised Kurti.", 1),
        ("Protesters praised the police, while the mayor denounced Kurti.", -1),
    ],
)
def test_sentiment_toward_contrast_and_its_mirror(sentence, expected):
    assert sentiment_toward(sentence, *span(sentence, "Kurti")) == expected


def test_predicate_file_is_documented_and_signed():
    table = load_predicates()
    assert table[("supports",)].object == 1
    assert table[("denounced",)].object == -1
    assert table[("defends",)].subject == 1
    assert table[("must",)].subject == -1
    for pred in table.values():
        assert {pred.object, pred.subject} <= {-1, 1, None}
        assert pred.object is not None or pred.subject is not None
    assert read_predicates(data_path("stance_predicates.csv")) == table


def test_find_evidence_without_scores_skips_evaluation():
    raw = ["The", "deployment", "is", "a", "dangerous", "provocation", "."]
    assert find_evidence(raw, 1, 1) is None


def quotes_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["quote_id", "text", "actor", "cue"])


def test_stance_table_uses_cues_and_shows_evidence():
    quotes = quotes_frame(
        [
            {
                "quote_id": "a",
                "text": "We support Belgrade amid the tensions.",
                "actor": "Russia",
                "cue": "said",
            },
            {
                "quote_id": "b",
                "text": "the nationalist rhetoric of Belgrade",
                "actor": "Germany",
                "cue": "denounced",
            },
            {
                "quote_id": "c",
                "text": "Shootings and explosions in Kosovo worry everyone.",
                "actor": "Russia",
                "cue": "said",
            },
        ]
    )
    mentions = pd.DataFrame({"text": ["Belgrade", "Kosovo"], "actor": ["Serbia", "Kosovo"]})
    table = stance_table(quotes, mentions).set_index(["actor", "target"])
    assert table.loc[("Russia", "Serbia"), "mean_stance"] == 1
    assert table.loc[("Germany", "Serbia"), "mean_stance"] == -1
    assert table.loc[("Russia", "Kosovo"), "mean_stance"] == 0
    assert table.loc[("Germany", "Serbia"), "evidence"] == ["denounced (cue -1)"]
    rows = stance_evidence(quotes, mentions)
    assert list(rows["rule"]) == ["object", "cue", "place"]
    for text, start, end, mention in zip(
        quotes["text"], rows["start"], rows["end"], rows["mention"]
    ):
        assert text[start:end] == mention


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def article():
    return kk.load_article()


def test_seed_article_stance_signs(article):
    table = stance_table(article)
    pairs = {(a, t): v for a, t, v in zip(table["actor"], table["target"], table["mean_stance"])}
    assert pairs[("Russia", "Serbia")] > 0
    assert pairs[("Germany", "Serbia")] < 0
    assert pairs[("Germany", "Kosovo Serbs")] < 0
    # Russia speaks of Kosovo as the place where things happen, not of Kosovo as an actor.
    assert pairs.get(("Russia", "Kosovo"), 0) <= 0


def test_seed_article_actor_summary(article):
    """What a careful reader sees: 5 statements by Russia, 3 by Germany, 1 by Serbia."""
    quotes = add_sentiment(kk.attribute_quotes(article))
    summary = actor_summary(quotes).set_index("actor")
    assert dict(summary["n_statements"]) == {"Russia": 5, "Germany": 3, "Serbia": 1}
    germany = list(quotes.loc[quotes["actor"] == "Germany", "text"])
    for words in ("very bad signal", "nationalist rhetoric", "must be dismantled"):
        assert sum(words in t for t in germany) == 1, words
    assert summary.loc["Germany", "most_positive"] in germany
    assert summary.loc["Germany", "mean_compound"] < 0
    assert summary.loc["Russia", "mean_compound"] > 0
