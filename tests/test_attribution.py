"""The attribution package's parts: quotation marks, the cue lexicon's flags, the rules."""

from __future__ import annotations

import inspect

import pytest

from kosovo_kit.attribution import frames
from kosovo_kit.attribution.cues import cue_lexicon
from kosovo_kit.attribution.marks import OPENERS, QUOTE_MARKS, Quotation, find_quotations
from kosovo_kit.tokenise import QUOTE_CHARS

# every rule value the table may hold (tests/test_quotes.py has a pattern test for each)
FAMILIES = {
    "quote-cue-speaker",
    "speaker-cue-quote",
    "cue-that-clause",
    "clause-cue-speaker",
    "according-to",
    "participle-cue",
    "coordinated-cue",
    "quote-dash-speaker",
    "question-cue",
    "speaker-colon",
    "clause-colon",
    "quote-verb-speaker",
    "in-poll",
    "expected-to",
    "seem-clause",
}


def test_every_rule_has_a_function_that_names_it_with_an_example():
    assert set(frames.RULES) == FAMILIES
    for rule, function in frames.RULES.items():
        doc = inspect.getdoc(function) or ""
        assert f"``{rule}``" in doc, (rule, function.__name__)
        assert "“" in doc or '"' in doc or "…" in doc, f"{function.__name__} has no example"


@pytest.mark.parametrize(
    "text, inner",
    [
        ("“Yes,” he said.", ["Yes,"]),
        ("He said: „Da.“", ["Da."]),
        ("«Non», dit-il.", ["Non"]),
        ("“It is ‘old-school,’ ” she said.", ["It is ‘old-school,’ "]),
        ("The voters’ choice, ’90s style.", []),
        # a turned apostrophe before a year opens nothing
        ("In ‘08 he said: “We won.” He smiled.", ["We won."]),
        ("The ‘90s were calm, he said, “and they will be again.”", ["and they will be again."]),
        # an opening mark after the last word's punctuation closes: the software turned it
        ("“We won,“ she said. “Again.“", ["We won,", "Again."]),
        ("“Why now?“ he asked. “Because.”", ["Why now?", "Because."]),
        # a closing mark that opens a line before a word opens it: the software turned it
        ("”Never again.” ― Ana Kova\n”Not here.” ― Mara Lind", ["Never again.", "Not here."]),
        ("\u202a”We won,” she said.", ["We won,"]),
        ("He said ”no” twice.", []),
    ],
)
def test_quotations_pair_their_marks(text, inner):
    found = find_quotations(text, 0, len(text))
    assert [text[q.inner_start : q.inner_end] for q in found] == inner


def test_a_quotation_left_open_runs_to_the_paragraph_end():
    text = "“We will not give up, he said"
    assert find_quotations(text, 0, len(text)) == [Quotation(0, 1, len(text), None)]


def test_every_attribution_mark_is_a_quote_token():
    # a mark the pairing reads must be a token of its own, or no frame can see it
    assert set(QUOTE_CHARS) >= QUOTE_MARKS
    assert OPENERS <= QUOTE_MARKS


def test_cue_flags_come_from_the_lexicon_columns():
    single, double = cue_lexicon()
    assert single["told"].addressee and not single["told"].to_infinitive
    assert single["vowed"].to_infinitive and not single["vowed"].addressee
    assert single["urged"].to_infinitive and single["urged"].addressee
    assert double["called"]["on"].to_infinitive
    assert not single["said"].to_infinitive and not single["said"].addressee
    assert single["described"].labels and double["referred"]["to"].labels
    assert not single["said"].labels and not double["called"]["for"].labels


def test_the_old_quotes_module_names_the_same_objects():
    from kosovo_kit import attribution, quotes

    for name in quotes.__all__:
        assert getattr(quotes, name) is getattr(attribution, name)
