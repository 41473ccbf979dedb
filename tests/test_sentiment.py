"""Tests of kosovo_kit.sentiment and kosovo_kit.stance."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from support import shared_path
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from kosovo_kit.resources import read_word_list
from kosovo_kit.sentiment import (
    CONTRAST_WEIGHT,
    NEWS_RULES,
    RULE_COLUMNS,
    VADER_RULES,
    Lexicon,
    explain_sentiment,
    load_lexicon,
    normalise,
    score_sentiment,
    sentiment_toward,
    sentiment_toward_explained,
    target_features,
)
from kosovo_kit.sentiment.lexicons import news_lexicon
from kosovo_kit.sentiment.target import (
    CONTEXT_DECAY,
    _target_model,
    _target_probabilities,
    context_keys,
)
from kosovo_kit.stance import actor_summary, add_sentiment, stance_table

NYT = ("vader-nyt", "nyt_editorial_snippets_odd_docs.tsv")
LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"

# Sentences exercising every VADER rule, emoji handling and punctuation emphasis.
TRICKY = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "a💘b is 🔛 good",
    "Not bad at all",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "no no good, no problem or worry",
    "good good but good bad bad but",
    "Is it good??? Or bad????",
    "NO WAY this is GREAT",
    "He said ''this is a disgrace'' and left.",
    "",
    "   \t ",
]


@pytest.fixture(scope="module")
def reference() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def nyt_texts() -> list[str]:
    with open(shared_path(*NYT), encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t")[2] for line in fh]


@pytest.mark.parametrize("text", TRICKY)
def test_vader_equals_reference_on_tricky_sentences(text, reference):
    assert score_sentiment(text, "vader") == reference.polarity_scores(text)


@pytest.mark.shared
def test_vader_equals_reference_on_every_nyt_snippet(reference):
    texts = nyt_texts()
    diffs = [t for t in texts if score_sentiment(t, "vader") != reference.polarity_scores(t)]
    assert diffs == []


def test_empty_text_is_neutral():
    for text in ("", "   ", "\n"):
        for lexicon in ("vader", "news"):
            assert score_sentiment(text, lexicon)["compound"] == 0.0


@pytest.mark.parametrize("bad", [None, 3, b"good", ["good"]])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError, match="str"):
        score_sentiment(bad)
    with pytest.raises(TypeError, match="str"):
        explain_sentiment(bad)


def test_unknown_lexicon_raises():
    with pytest.raises(ValueError, match="lexicon"):
        score_sentiment("good", "no-such-lexicon")


def check_explanation(text: str, lexicon: str) -> pd.DataFrame:
    frame = explain_sentiment(text, lexicon)
    for token, start, end in zip(frame["token"], frame["start"], frame["end"]):
        assert text[start:end] == token
    words = frame[frame["kind"] == "word"]
    rebuilt = words["valence"] + words[list(RULE_COLUMNS)].sum(axis=1)
    assert (rebuilt - words["score"]).abs().max() < 1e-9 if len(words) else True
    raw = frame["score"].sum()
    assert math.isclose(raw, frame.attrs["raw"], abs_tol=1e-9)
    expected = score_sentiment(text, lexicon)
    if len(words):
        assert round(normalise(raw, frame.attrs["alpha"]), 4) == expected["compound"]
    for key in ("compound", "pos", "neu", "neg"):
        assert frame.attrs[key] == expected[key]
    return frame


@pytest.mark.parametrize("lexicon", ["vader", "news"])
@pytest.mark.parametrize("text", TRICKY)
def test_explain_sums_to_raw_and_compound(text, lexicon):
    check_explanation(text, lexicon)


@pytest.mark.shared
def test_explain_sums_on_nyt_sample():
    for text in nyt_texts()[::25]:
        check_explanation(text, "news")


def test_explain_reports_rules():
    frame = explain_sentiment("The food is not VERY good, but the staff are great!!", "vader")
    good = frame[frame["word"] == "good"].iloc[0]
    assert good["negation"] < 0 < good["valence"]
    assert good["but"] != 0
    marks = frame[frame["kind"] == "punct"]
    assert list(marks["token"]) == ["!", "!"]
    assert (marks["punct"] > 0).all()


@pytest.mark.parametrize(
    "text",
    [
        "The repairs had cost less than planned, but the delays were terrible.",
        "It is NOT a very good deal at all!!",
    ],
)
def test_compact_explanation_adds_up(text):
    full = explain_sentiment(text)
    frame = explain_sentiment(text, compact=True)
    shown = [c for c in frame.columns if c not in ("token", "score")]
    assert shown[0] == "valence" and set(shown[1:]) <= set(RULE_COLUMNS)
    # every column a reader sees adds up to the score, and the scores to the raw sum
    assert ((frame[shown].sum(axis=1) - frame["score"]).abs() < 1e-9).all()
    assert math.isclose(frame["score"].sum(), full.attrs["raw"], abs_tol=1e-9)
    assert "negativity" in frame.columns  # the news rule that weighs bad news more
    assert frame.attrs["compound"] == score_sentiment(text)["compound"]


def test_punctuation_rows_follow_sign():
    frame = explain_sentiment("This is terrible!", "vader")
    assert frame.loc[frame["kind"] == "punct", "score"].iloc[0] < 0


def test_emoji_tokens_map_to_emoji():
    text = "I ❤ it"
    frame = explain_sentiment(text, "vader")
    assert (frame.loc[frame["word"].str.lower() == "heart", "token"] == "❤").all()
    assert SentimentIntensityAnalyzer().polarity_scores(text) == score_sentiment(text, "vader")


@pytest.mark.parametrize(
    ("word", "direction"),
    [
        ("denounced", -1),
        ("condemned", -1),
        ("escalation", -1),
        ("barricades", -1),
        ("tensions", -1),
        ("nationalist", -1),
        ("concerned", -1),
        ("allies", 1),
        ("ceasefire", 1),
    ],
)
def test_overlay_words_move_scores(word, direction):
    text = f"The minister spoke about the {word} on Monday."
    assert score_sentiment(text, "news")["compound"] * direction > 0
    # Same rules with and without the hand-made overlay isolates that overlay's effect.
    hand = score_sentiment(text, LEXICONS / "news_overlay.csv")["compound"]
    bare = Lexicon("bare", load_lexicon("vader").valences, NEWS_RULES)
    assert (hand - score_sentiment(text, bare)["compound"]) * direction > 0


def read_learned() -> pd.DataFrame:
    return pd.read_csv(LEXICONS / "news_learned.csv", comment="#")


def test_learned_overlay_is_consistent_and_used():
    learned = read_learned()
    assert list(learned.columns) == ["token", "valence", "count", "base_valence", "shift"]
    assert learned["token"].is_unique and not learned.empty
    # Each row documents its own arithmetic: base + shift = valence, within VADER's range.
    assert ((learned["base_valence"] + learned["shift"] - learned["valence"]).abs() < 0.011).all()
    assert learned["valence"].abs().max() <= 4.0
    assert (learned["shift"] != 0).all()
    news = load_lexicon("news").valences
    # Corrections start from VADER + Pattern's adjectives + the hand-made overlay; the
    # discourse cues start from 0.
    start = news_lexicon(learned=False).valences
    cues = set(read_word_list("lexicons", "news_cues.txt"))
    for token, valence, base in zip(learned["token"], learned["valence"], learned["base_valence"]):
        assert news[token] == valence
        assert start.get(token, 0.0) == base
        assert token in start or token in cues


def test_learned_overlay_changes_scores_in_its_direction():
    learned = read_learned()
    row = learned.loc[learned["shift"].abs().idxmax()]
    text = f"The minister spoke about the {row['token']} on Monday."
    news = score_sentiment(text, "news")["compound"]
    hand = score_sentiment(text, LEXICONS / "news_overlay.csv")["compound"]
    assert (news - hand) * row["shift"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "The new rules will mean fewer deaths on the roads.",
        "The envoys worked on ending tensions in the north.",
        "Talks helped prevent a war.",
    ],
)
def test_reducing_a_harm_is_good_news(text):
    assert score_sentiment(text, "news")["compound"] > 0
    frame = explain_sentiment(text)
    assert (frame["reversal"] > 0).any()


def test_overlay_neutralises_preposition_like():
    text = "Leaders like Mr. Smith met on Monday."
    assert score_sentiment(text, "vader")["compound"] > 0
    assert score_sentiment(text, "news")["compound"] == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "The ferry isn't running this week.",
        "Nothing was done about the flooded station.",
        "The council never answered the letters.",
    ],
)
def test_negation_itself_reads_as_bad_news(text):
    # No lexicon word here: VADER sees nothing, the news rules see a denial.
    assert score_sentiment(text, "vader")["compound"] == 0.0
    assert score_sentiment(text, "news")["compound"] < 0
    frame = explain_sentiment(text)
    assert (frame["negation"] < 0).sum() == 1


def test_phrase_negations_carry_no_valence():
    assert score_sentiment("The ferry sailed without the mayor.", "news")["compound"] == 0.0
    assert score_sentiment("The ferry did not sail with the mayor.", "news")["compound"] < 0


def test_clause_final_too_means_also():
    news = news_lexicon()
    assert news.valences["too"] < 0  # learned: "too late", "too costly" criticise
    also = explain_sentiment("The mayor came to the opening too.", news)
    row = also[also["word"] == "too"]
    assert (row["score"] == 0.0).all() and (row["also"] > 0).all()
    excess = explain_sentiment("The fare rise came too quickly for riders.", news)
    assert (excess.loc[excess["word"] == "too", "score"] < 0).all()


def test_pattern_adjectives_fill_vader_gaps():
    table = pd.read_csv(LEXICONS / "pattern_adjectives.csv", comment="#")
    vader = load_lexicon("vader").valences
    assert not set(table["token"]) & set(vader)
    assert ((table["valence"] - 1.5 * table["polarity"]).abs() < 0.001).all()
    text = "The harbour crossing was a priceless sight."
    assert score_sentiment(text, "vader")["compound"] == 0.0
    assert score_sentiment(text, "news")["compound"] > 0


def test_but_rescales_by_position_in_news():
    # "zorb" (2.0) halved before "but" equals "blip" (1.0) after it: VADER's list.index lookup
    # then halves "zorb" twice and leaves "blip" alone; the news rules rescale each word once.
    words = {"zorb": 2.0, "blip": 1.0}
    text = "Zorb things, but blip things."
    ref = explain_sentiment(text, Lexicon("ref", words, VADER_RULES))
    assert list(ref.loc[ref["word"].str.lower().isin(words), "score"]) == [0.5, 1.0]
    news = explain_sentiment(text, Lexicon("news", words, NEWS_RULES))
    assert list(news.loc[news["word"].str.lower().isin(words), "but"]) == [-1.0, 0.5]


def test_word_after_a_handle_starts_the_sentence():
    assert score_sentiment("@friend Thanks for the lift!", "news")["compound"] > 0
    assert score_sentiment("He met the Justice Department.", "news")["compound"] == 0.0


def test_names_are_not_sentiment():
    text = "He met the Justice Department on Monday."
    assert score_sentiment(text, "vader")["compound"] > 0
    assert score_sentiment(text, "news")["compound"] == 0.0


def test_title_case_headline_keeps_sentiment():
    headline = "Kosovo Police Condemn Illegal Barricades In North"
    assert score_sentiment(headline, "news")["compound"] < 0


def test_custom_overlay_dict_and_path(tmp_path):
    assert score_sentiment("The talks zorbled.", {"zorbled": -2.0})["compound"] < 0
    path = tmp_path / "overlay.csv"
    path.write_text("# mine\ntoken,valence,reason\nzorbled,2.0,test\n", encoding="utf-8")
    assert score_sentiment("The talks zorbled.", path)["compound"] > 0
    assert load_lexicon(str(path)).valences["zorbled"] == 2.0


# --------------------------------------------------------------------------- target sentiment


def span(sentence: str, mention: str) -> tuple[int, int]:
    start = sentence.index(mention)
    return start, start + len(mention)


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("Supporters praised Kurti as a brave and honest leader.", "Kurti", 1),
        ("Kurti won widespread praise for his brave decision.", "Kurti", 1),
        ("Kurti was condemned as a corrupt liar who betrayed his voters.", "Kurti", -1),
        ("Critics accused Kurti of stoking tensions and illegal arrests.", "Kurti", -1),
        ("The minister met Kurti in Pristina on Tuesday.", "Kurti", 0),
        ("Kurti will travel to Brussels next week.", "Kurti", 0),
    ],
)
def test_sentiment_toward_clear_cases(sentence, mention, expected):
    assert sentiment_toward(sentence, *span(sentence, mention)) == expected


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Kurti was condemned by the opposition.", "Kurti"),  # a decisive pattern
        ("Voters praised Kurti warmly.", "Kurti"),
        ("The mayor met Kurti on Tuesday.", "Kurti"),
        ("“The talks have failed,” said Kurti.", "Kurti"),
    ],
)
def test_explained_label_is_the_label(sentence, mention):
    out = sentiment_toward_explained(sentence, *span(sentence, mention))
    assert out["label"] == sentiment_toward(sentence, *span(sentence, mention))
    assert out["decided_by"] in ("rule", "model")
    if out["decided_by"] == "model":
        assert max(out["probabilities"], key=out["probabilities"].get) == out["label"]
    else:
        assert out["evidence"]["sign"] == out["label"]


def test_sentiment_toward_explained():
    sentence = "Critics accused Kurti of stoking tensions."
    out = sentiment_toward_explained(sentence, *span(sentence, "Kurti"))
    assert out["label"] == sentiment_toward(sentence, *span(sentence, "Kurti"))
    assert math.isclose(sum(out["probabilities"].values()), 1.0)
    assert out["features"]["patient_of_attack"] == 1.0


def test_contrast_clause_about_someone_else_weighs_less():
    sentence = "Protesters praised Kurti, while the mayor denounced the illegal barricades."
    start, end = span(sentence, "Kurti")
    assert sentiment_toward(sentence, start, end) == 1
    feats = sentiment_toward_explained(sentence, start, end)["features"]
    assert feats["neg_contrast"] < 0
    # The same clause joined by "and" is not scoped: its negative words weigh fully.
    joined = sentence.replace("while", "and")
    plain = target_features(joined, *span(joined, "Kurti"))
    assert plain["neg_contrast"] == 0.0
    assert plain["neg_near"] < feats["neg_near"] < 0
    # Every negative word outside Kurti's clause is in the contrast clause here.
    assert math.isclose(feats["neg_far"], CONTRAST_WEIGHT * plain["neg_far"])
    assert math.isclose(feats["neg_contrast"], plain["neg_far"])


def test_context_keys_weigh_words_by_closeness_and_mark_neighbours():
    sentence = "Critics sharply accused Kurti of lying."
    keys = context_keys(sentence, *span(sentence, "Kurti"))
    assert keys["accused"] == 1.0
    assert math.isclose(keys["sharply"], math.exp(-1 / CONTEXT_DECAY))
    assert math.isclose(keys["critics"], math.exp(-2 / CONTEXT_DECAY))
    assert keys["<accused"] == keys[">of"] == 1.0
    assert "kurti" not in keys
    # At the sentence's edges the neighbour is the edge itself.
    assert context_keys("Kurti resigned", 0, 5)["<^"] == 1.0
    assert context_keys("They ousted Kurti", 12, 17)[">$"] == 1.0
    # A word seen twice counts at its nearest occurrence.
    twice = "Talks failed, Kurti said, and talks resumed."
    assert math.isclose(
        context_keys(twice, *span(twice, "Kurti"))["talks"], 1.0 * math.exp(-1 / CONTEXT_DECAY)
    )


def test_context_table_feeds_the_context_features():
    sentence = "Voters praised Kurti warmly."
    start, end = span(sentence, "Kurti")
    table = {"<praised": (0.0, 2.0), "voters": (-1.0, 0.5), "unseen": (9.0, 9.0)}
    feats = target_features(sentence, start, end, context=table)
    assert math.isclose(feats["context_pos"], 2.0 + 0.5 * math.exp(-1 / CONTEXT_DECAY))
    assert math.isclose(feats["context_neg"], -1.0 * math.exp(-1 / CONTEXT_DECAY))


def test_explained_lists_the_context_words_that_add_up_to_the_features():
    sentence = "Critics accused Kurti of lying to parliament."
    out = sentiment_toward_explained(sentence, *span(sentence, "Kurti"))
    shares = out["context_words"]
    assert shares and all(isinstance(key, str) for key, _, _ in shares)
    assert math.isclose(sum(neg for _, neg, _ in shares), out["features"]["context_neg"])
    assert math.isclose(sum(pos for _, _, pos in shares), out["features"]["context_pos"])
    sizes = [max(abs(neg), abs(pos)) for _, neg, pos in shares]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Kurti said the talks had failed.", True),
        ("Kurti told reporters the talks had failed.", True),
        ("“The talks have failed,” said Kurti.", True),
        ("The talks have failed, says Kurti.", True),
        ("According to Kurti, the talks have failed.", True),
        ("Aides said Kurti would resign.", False),  # the content's subject, not the speaker
        ("Vucic told Kurti the talks had failed.", False),  # the hearer
        ("Kurti resigned after the talks failed.", False),
    ],
)
def test_speaker_of_a_speech_verb(sentence, speaker):
    feats = target_features(sentence, *span(sentence, "Kurti"))
    assert feats["speaker"] == float(speaker)
    assert feats["speaker_x_compound"] == feats["speaker"] * feats["compound"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kurti promised reforms, but he delivered only corruption.",  # pronoun: same referent
        "Kurti promised reforms, but corrupt officials blocked them.",  # no subject marker
    ],
)
def test_contrast_needs_a_new_subject(sentence):
    feats = target_features(sentence, *span(sentence, "Kurti"))
    assert feats["neg_contrast"] == 0.0


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, 99)])
def test_sentiment_toward_bad_span(start, end):
    with pytest.raises(ValueError, match="start"):
        sentiment_toward("Kurti spoke.", start, end)


def test_sentiment_toward_non_str():
    with pytest.raises(TypeError):
        sentiment_toward(None, 0, 1)
    with pytest.raises(TypeError):
        sentiment_toward("Kurti spoke.", 0.0, 2)


# --------------------------------------------------------------------------- quote helpers

QUOTE_COLUMNS = [
    "quote_id",
    "kind",
    "text",
    "start",
    "end",
    "speaker",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "actor",
    "sentence_id",
    "paragraph_id",
    "rule",
]


def quotes_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [{c: row.get(c, pd.NA) for c in QUOTE_COLUMNS} for row in rows], columns=QUOTE_COLUMNS
    )


@pytest.fixture
def quotes() -> pd.DataFrame:
    return quotes_frame(
        [
            {"quote_id": "q1", "text": "This is a great and peaceful day.", "actor": "Kurti"},
            {"quote_id": "q2", "text": "Vucic is a liar who spreads hatred.", "actor": "Kurti"},
            {"quote_id": "q3", "text": "Kurti is a dangerous and corrupt man.", "actor": "Vucic"},
            {"quote_id": "q4", "text": "We are worried.", "speaker": "a resident"},
            {"quote_id": "q5", "text": "Nothing to add.", "actor": pd.NA},
        ]
    )


def test_add_sentiment_copies(quotes):
    before = quotes.copy()
    out = add_sentiment(quotes)
    pd.testing.assert_frame_equal(quotes, before)
    assert list(out.columns) == [*QUOTE_COLUMNS, "compound", "pos", "neu", "neg"]
    assert out.loc[0, "compound"] == score_sentiment(quotes.loc[0, "text"])["compound"]


def test_add_sentiment_empty_frame():
    out = add_sentiment(quotes_frame([]))
    assert out.empty
    assert list(out.columns) == [*QUOTE_COLUMNS, "compound", "pos", "neu", "neg"]


def test_actor_summary(quotes):
    summary = actor_summary(quotes).set_index("actor")
    assert set(summary.index) == {"Kurti", "Vucic", "a resident"}  # q5 has no actor or speaker
    kurti = summary.loc["Kurti"]
    assert kurti["n_statements"] == 2
    assert kurti["most_positive"] == quotes.loc[0, "text"]
    assert kurti["most_negative"] == quotes.loc[1, "text"]
    scored = add_sentiment(quotes)
    assert math.isclose(kurti["mean_compound"], scored.loc[[0, 1], "compound"].mean())
    assert math.isnan(summary.loc["Vucic", "std_compound"])
    assert actor_summary(quotes_frame([])).empty


def test_stance_table_from_actor_names(quotes):
    table = stance_table(quotes)
    pairs = {(a, t): s for a, t, s in zip(table["actor"], table["target"], table["mean_stance"])}
    assert set(pairs) == {("Kurti", "Vucic"), ("Vucic", "Kurti")}
    assert pairs[("Kurti", "Vucic")] < 0
    assert table.loc[table["actor"] == "Kurti", "statements"].iloc[0] == ["q2"]


def test_stance_table_with_gazetteer(quotes):
    gazetteer = pd.DataFrame(
        {
            "start": [0, 0],
            "end": [5, 5],
            "text": ["Vucic", "Kurti"],
            "canonical": ["Aleksandar Vučić", "Albin Kurti"],
            "actor": ["Vucic", pd.NA],
        }
    )
    table = stance_table(quotes, gazetteer)
    assert set(zip(table["actor"], table["target"])) == {
        ("Kurti", "Vucic"),
        ("Vucic", "Albin Kurti"),
    }
    assert (table["n"] == 1).all()
    assert stance_table(quotes_frame([])).empty


def test_label_offsets_move_the_decision_not_the_features():
    sentence = "Critics accused Kurti of stoking tensions."
    start, end = span(sentence, "Kurti")
    model = dict(_target_model())
    assert len(model["offsets"]) == len(model["labels"])
    feats = target_features(sentence, start, end)
    shifted = _target_probabilities(feats, {**model, "offsets": [0.0, 0.0, 50.0]})
    assert max(range(3), key=shifted.__getitem__) == model["labels"].index(1)
    plain = _target_probabilities(feats, {**model, "offsets": [0.0, 0.0, 0.0]})
    assert math.isclose(sum(plain), 1.0)


def test_vader_data_files_equal_the_reference_constants():
    from vaderSentiment import vaderSentiment as ref

    from kosovo_kit.sentiment.lexicons import vader_constants

    constants = vader_constants()
    assert constants.boosters == ref.BOOSTER_DICT
    assert constants.negations == frozenset(ref.NEGATE)
    assert constants.idioms == ref.SPECIAL_CASES
    assert constants.caps_increment == ref.C_INCR
    assert constants.negation_scalar == ref.N_SCALAR
    assert set(constants.boosters.values()) == {ref.B_INCR, ref.B_DECR}


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("The mayor of Pristina met Kurti on Monday.", "Kurti", {"after_verb": 1.0}),
        ("Protesters marched against Kurti in the capital.", "Kurti", {"after_preposition": 1.0}),
        (
            "After the talks, the Serbian President Vucic left early.",
            "Vucic",
            {"clause_subject": 1.0, "after_verb": 0.0},
        ),
        ("Police arrested the Serbian activist Jovic.", "Jovic", {"clause_subject": 0.0}),
        ("Officials said that Kurti agreed.", "Kurti", {"clause_subject": 1.0}),
        ("Yesterday he resigned.", "he", {"pronoun": 1.0, "after_verb": 0.0}),
    ],
)
def test_role_features_mark_where_the_mention_stands(sentence, mention, expected):
    feats = target_features(sentence, *span(sentence, mention))
    for name, value in expected.items():
        assert feats[name] == value, name


def test_headline_question_and_position_features():
    headline = "Kurti Meets Vucic In Brussels"
    feats = target_features(headline, *span(headline, "Vucic"))
    assert feats["headline"] == 1.0 and feats["question"] == 0.0
    assert feats["other_names"] == pytest.approx(math.log1p(3))
    assert 0.0 < feats["position"] < 1.0
    asked = "Will Kurti resign?"
    feats = target_features(asked, *span(asked, "Kurti"))
    assert feats["headline"] == 0.0 and feats["question"] == 1.0
    assert feats["mention_words"] == pytest.approx(math.log1p(1))
    ended = "Kurti spoke."
    assert target_features(ended, *span(ended, "Kurti"))["position"] == 0.0
