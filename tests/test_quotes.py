"""Who said what: one small article per reporting pattern, read as a journalist would.

Every article starts with a headline and a lead paragraph that hold no statement, so the
pattern under test sits in an ordinary body paragraph.
"""

from __future__ import annotations

import pandas as pd
import pytest
from statements import attribute_body, check_rows, mention, the_row

import kosovo_kit as kk
from kosovo_kit import QUOTE_COLUMNS, attribute_quotes

HEAD = "Kremlin backs Serbia in Kosovo row\n\nTensions rose in northern Kosovo on Monday.\n\n"


def run(body: str) -> tuple[str, pd.DataFrame]:
    """Attribute the statements of an article made of HEAD and ``body``."""
    return attribute_body(HEAD, body)


def check(
    row: pd.Series, kind: str, speaker: str | None, actor: str | None, cue: str | None, family: str
) -> None:
    assert row["kind"] == kind
    if speaker is None:
        assert pd.isna(row["speaker"])
    else:
        assert row["speaker"] == speaker
    if actor is None:
        assert pd.isna(row["actor"])
    else:
        assert row["actor"] == actor
    if cue is None:
        assert pd.isna(row["cue"])
    else:
        assert row["cue"] == cue
    assert row["rule"].split("+")[0] == family


# --- quote, then cue and speaker --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content", "speaker", "actor", "mentioned"),
    [
        (
            "“We support Belgrade,” Dmitry Peskov said.",
            "We support Belgrade,",
            "Dmitry Peskov",
            "Russia",
            "Dmitry Peskov",
        ),
        (
            "“We support Belgrade,” said Dmitry Peskov.",
            "We support Belgrade,",
            "Dmitry Peskov",
            "Russia",
            "Dmitry Peskov",
        ),
        (
            "“We support Belgrade,” Kremlin spokesman Dmitry Peskov said.",
            "We support Belgrade,",
            "Dmitry Peskov",
            "Russia",
            "Dmitry Peskov",
        ),
        (
            "“Serbia will protect its people,” said Serbian President Aleksandar Vucic.",
            "Serbia will protect its people,",
            "Aleksandar Vucic",
            "Serbia",
            "Aleksandar Vucic",
        ),
    ],
)
def test_quote_then_speaker_and_cue(body, content, speaker, actor, mentioned):
    text, table = run(body)
    assert len(table) == 1
    row = the_row(table, content)
    check(row, "direct", speaker, actor, "said", "quote-cue-speaker")
    assert mention(text, row).endswith(mentioned)
    # the content is what stands between the quotation marks, the marks excluded
    assert text[row["start"] - 1] == "“" and text[row["end"]] == "”"


@pytest.mark.parametrize("name", ["Will Brennan", "Will Brennan, an analyst in Pristina"])
def test_inverted_speaker_whose_first_name_is_a_modal(name):
    _, table = run(f"“The border will stay calm,” said {name}.")
    row = the_row(table, "The border will stay calm,")
    check(row, "direct", "Will Brennan", None, "said", "quote-cue-speaker")


def test_a_lone_capitalised_modal_after_the_cue_is_no_speaker():
    _, table = run("“The border will stay calm,” said Will.")
    assert table.empty


# --- speaker and cue, then the quote ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        ("Dmitry Peskov said: “We support Belgrade.”", "We support Belgrade.", "said"),
        (
            "Dmitry Peskov told reporters: “Moscow will not abandon its friends.”",
            "Moscow will not abandon its friends.",
            "told",
        ),
    ],
)
def test_speaker_and_cue_then_quote(body, content, cue):
    text, table = run(body)
    assert len(table) == 1
    row = the_row(table, content)
    check(row, "direct", "Dmitry Peskov", "Russia", cue, "speaker-cue-quote")
    assert mention(text, row) == "Dmitry Peskov"


def test_single_paragraph_statement_is_not_a_headline():
    table = attribute_quotes("Dmitry Peskov said: “We support Belgrade.”")
    assert list(table["speaker"]) == ["Dmitry Peskov"]
    assert list(table["text"]) == ["We support Belgrade."]


# --- pronouns ---------------------------------------------------------------------------------


@pytest.mark.parametrize("gap", [" ", "\n\nThe talks resumed in Brussels later. "])
def test_pronoun_takes_the_last_named_speaker(gap):
    body = (
        "“We support Belgrade,” said Dmitry Peskov."
        + gap
        + "“We will not abandon our friends,” he stressed."
    )
    text, table = run(body)
    assert len(table) == 2
    row = the_row(table, "We will not abandon our friends,")
    check(row, "direct", "Dmitry Peskov", "Russia", "stressed", "quote-cue-speaker")
    assert row["rule"].endswith("+pronoun-carryover")
    assert mention(text, row) == "he"
    if "\n\n" in gap:
        assert row["paragraph_id"] == the_row(table, "We support Belgrade,")["paragraph_id"] + 1


def test_pronoun_follows_the_most_recent_of_two_speakers():
    body = (
        "“The West should listen,” Sergei Lavrov said. "
        "“We will not back down,” Albin Kurti said. "
        "“Serbia must accept reality,” he added."
    )
    text, table = run(body)
    assert len(table) == 3
    row = the_row(table, "Serbia must accept reality,")
    check(row, "direct", "Albin Kurti", "Kosovo", "added", "quote-cue-speaker")
    assert row["rule"].endswith("+pronoun-carryover")
    assert mention(text, row) == "he"


def test_pronoun_refers_to_a_person_named_after_the_last_quote():
    body = (
        "“The West should listen,” Russian Foreign Minister Sergei Lavrov said. "
        "Dmitry Peskov met Serbian officials on Monday. "
        "“We support Belgrade,” he said."
    )
    _, table = run(body)
    row = the_row(table, "We support Belgrade,")
    assert row["speaker"] == "Dmitry Peskov"


# --- according to -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("According to Dmitry Peskov, Moscow will not recognise Kosovo.", "According to"),
        ("Moscow will not recognise Kosovo, according to Dmitry Peskov.", "according to"),
    ],
)
def test_according_to(body, cue):
    text, table = run(body)
    assert len(table) == 1
    row = the_row(table, "Moscow will not recognise Kosovo")
    check(row, "indirect", "Dmitry Peskov", "Russia", cue, "according-to")
    assert mention(text, row) == "Dmitry Peskov"


def test_according_to_an_organisation_with_a_demonym():
    _, table = run("According to the Serbian Defence Ministry, the army was on alert.")
    row = the_row(table, "the army was on alert")
    check(row, "indirect", "Serbian Defence Ministry", "Serbia", "According to", "according-to")


# --- indirect speech --------------------------------------------------------------------------


def test_indirect_speech_with_that():
    text, table = run(
        "Serbian Defense Minister Milos Vucevic announced that the army was on alert."
    )
    assert len(table) == 1
    row = the_row(table, "the army was on alert")
    check(row, "indirect", "Milos Vucevic", "Serbia", "announced", "cue-that-clause")
    assert mention(text, row).endswith("Milos Vucevic")


def test_indirect_speech_without_that():
    _, table = run("Dmitry Peskov said Moscow supported Belgrade.")
    row = the_row(table, "Moscow supported Belgrade")
    check(row, "indirect", "Dmitry Peskov", "Russia", "said", "cue-that-clause")


# --- mixed statements -------------------------------------------------------------------------


def test_mixed_statement_with_quoted_words():
    body = (
        "“We support Belgrade,” said Dmitry Peskov. "
        "Russia “follows very closely what is happening in Kosovo,” he said."
    )
    text, table = run(body)
    assert len(table) == 2
    row = the_row(table, "Russia “follows very closely what is happening in Kosovo,”")
    check(row, "mixed", "Dmitry Peskov", "Russia", "said", "clause-cue-speaker")
    assert row["rule"].endswith("+pronoun-carryover")
    assert mention(text, row) == "he"


def test_participle_cue_adds_a_second_statement():
    body = (
        "Dmitry Peskov said that Moscow supported Belgrade, adding that Russia "
        "“follows very closely what is happening in Kosovo.”"
    )
    _, table = run(body)
    assert len(table) == 2
    first = the_row(table, "Moscow supported Belgrade")
    check(first, "indirect", "Dmitry Peskov", "Russia", "said", "cue-that-clause")
    added = the_row(table, "Russia “follows very closely what is happening in Kosovo.”")
    check(added, "mixed", "Dmitry Peskov", "Russia", "adding", "participle-cue")


@pytest.mark.parametrize("name", ["Kelly Brennan", "Ana Petrova"])
def test_participle_cue_whose_subject_has_a_first_name_ending_in_ly(name):
    # "Kelly" is a first name here, not a fronted adverb ("Separately, …")
    _, table = run(f"{name} met the envoy on Monday, saying the border “must stay open.”")
    row = the_row(table, "the border “must stay open.”")
    check(row, "mixed", name, None, "saying", "participle-cue")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Dmitry Peskov delivered a blunt message to Pristina: “Leave the Serbs alone.”",
            "Dmitry Peskov",
        ),
        (
            "After the clashes, Dmitry Peskov had one message: “Leave the Serbs alone.”",
            "Dmitry Peskov",
        ),
        ("More from Dmitry Peskov: “Leave the Serbs alone.”", "Dmitry Peskov"),
    ],
)
def test_quotation_after_a_colon_belongs_to_the_clause_subject(body, speaker):
    _, table = run(body)
    row = the_row(table, "Leave the Serbs alone.")
    check(row, "direct", speaker, "Russia", ":", "clause-colon")


@pytest.mark.parametrize(
    "body",
    [
        "Likewise, the mood in Mitrovica was grim: “Leave the Serbs alone.”",
        "NEWS FROM BELGRADE—a report by the agency: “Leave the Serbs alone.”",
    ],
)
def test_quotation_after_a_colon_without_a_subject_has_no_speaker_line(body):
    _, table = run(body)
    assert table.empty or not table["rule"].str.startswith("clause-colon").any()


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("“Will the border stay closed?” Dmitry Peskov pressed.", "Will the border stay closed?"),
        ("“The border stays closed,” he riffed, to laughter. ", "The border stays closed,"),
    ],
)
def test_quotation_then_a_speaker_and_any_past_tense_verb(body, content):
    _, table = run("Dmitry Peskov spoke in Moscow. " + body)
    row = the_row(table, content)
    check(row, "direct", "Dmitry Peskov", "Russia", row["cue"], "quote-verb-speaker")
    assert row["cue"] in ("pressed", "riffed")


@pytest.mark.parametrize(
    "body",
    [
        "The film “Border Town,” Dmitry Peskov recalled, was banned.",
        "“Border Town” Peskov liked, the paper says.",
    ],
)
def test_a_title_inside_a_sentence_is_no_quote_verb_frame(body):
    _, table = run(body)
    assert not table["rule"].str.startswith("quote-verb-speaker").any()


def test_participle_cue_after_a_bare_said():
    body = (
        "Dmitry Peskov said Moscow supported Belgrade, adding that Russia "
        "“follows very closely what is happening in Kosovo.”"
    )
    _, table = run(body)
    first = the_row(table, "Moscow supported Belgrade")
    check(first, "indirect", "Dmitry Peskov", "Russia", "said", "cue-that-clause")
    added = the_row(table, "Russia “follows very closely what is happening in Kosovo.”")
    check(added, "mixed", "Dmitry Peskov", "Russia", "adding", "participle-cue")


def test_partial_quote_before_the_frame_and_a_coordinated_cue():
    body = (
        "That is a “very bad signal”, the federal government estimated on Wednesday, "
        "and denounced the “nationalist rhetoric” of Belgrade."
    )
    text, table = run(body)
    assert len(table) == 2
    signal = the_row(table, "That is a “very bad signal”")
    check(
        signal, "mixed", "German federal government", "Germany", "estimated", "clause-cue-speaker"
    )
    assert mention(text, signal).endswith("federal government")
    rhetoric = the_row(table, "the “nationalist rhetoric” of Belgrade")
    check(rhetoric, "mixed", "German federal government", "Germany", "denounced", "coordinated-cue")


# --- quotations over several sentences, pieces and paragraphs ---------------------------------


def test_quotation_of_several_sentences_is_one_statement():
    content = "We support Belgrade. We will not abandon our friends. The West should listen,"
    _, table = run(f"“{content}” Dmitry Peskov said.")
    assert len(table) == 1
    row = the_row(table, content)
    check(row, "direct", "Dmitry Peskov", "Russia", "said", "quote-cue-speaker")
    assert row["pieces"] == [(row["start"], row["end"])]


def test_quote_split_by_its_frame_is_one_attribution_in_two_pieces():
    text, table = run("“We support Belgrade,” Dmitry Peskov said, “and we always will.”")
    assert len(table) == 1
    row = table.iloc[0]
    check(row, "direct", "Dmitry Peskov", "Russia", "said", "quote-cue-speaker")
    assert [text[s:e] for s, e in row["pieces"]] == ["We support Belgrade,", "and we always will."]
    # the frame lies between the pieces, inside the overall span
    assert row["pieces"][0][1] < row["cue_start"] < row["pieces"][1][0]


def test_unclosed_quotation_continues_into_the_next_paragraph():
    body = (
        "Dmitry Peskov said on Monday: “The West should listen to what Serbia says.\n\n"
        "“We will not abandon our friends in the Balkans.”"
    )
    text, table = run(body)
    assert len(table) == 1
    row = table.iloc[0]
    check(row, "direct", "Dmitry Peskov", "Russia", "said", "speaker-cue-quote")
    assert [text[s:e] for s, e in row["pieces"]] == [
        "The West should listen to what Serbia says.",
        "We will not abandon our friends in the Balkans.",
    ]
    assert "\n\n" in row["text"]


def test_speaker_ending_a_paragraph_with_the_quotation_in_the_next():
    text, table = run("Dmitry Peskov said:\n\n“We support Belgrade and we always will.”")
    assert len(table) == 1
    row = the_row(table, "We support Belgrade and we always will.")
    check(row, "direct", "Dmitry Peskov", "Russia", "said", "speaker-cue-quote")
    assert mention(text, row) == "Dmitry Peskov"
    # the frame ends one paragraph, the quotation fills the next
    assert "\n\n" in text[int(row["cue_end"]) : row["start"]]


def test_speaker_with_an_introductory_clause_before_a_quotation_paragraph():
    body = "Asked about the clashes, Dmitry Peskov said:\n\n“We support Belgrade.”"
    _, table = run(body)
    # what he was asked about is the reported question, with no asker named
    assert table["rule"].tolist() == ["question-cue", "speaker-cue-quote"]
    assert table.iloc[0]["text"] == "the clashes" and pd.isna(table.iloc[0]["speaker"])
    row = the_row(table, "We support Belgrade.")
    check(row, "direct", "Dmitry Peskov", "Russia", "said", "speaker-cue-quote")


def test_new_quoted_paragraph_continues_the_last_statement():
    body = (
        "“We support Belgrade,” said Dmitry Peskov.\n\n"
        "“We will not abandon our friends in the Balkans.”"
    )
    text, table = run(body)
    assert len(table) == 1
    row = table.iloc[0]
    check(row, "direct", "Dmitry Peskov", "Russia", "said", "quote-cue-speaker")
    assert [text[s:e] for s, e in row["pieces"]] == [
        "We support Belgrade,",
        "We will not abandon our friends in the Balkans.",
    ]


# --- quotation marks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ('"We support Belgrade," Dmitry Peskov said.', "We support Belgrade,"),
        ("“We support Belgrade,” Dmitry Peskov said.", "We support Belgrade,"),
        ("«We support Belgrade», Dmitry Peskov said.", "We support Belgrade"),
        ("‹We support Belgrade›, Dmitry Peskov said.", "We support Belgrade"),
        ("‘We support Belgrade,’ Dmitry Peskov said.", "We support Belgrade,"),
        ("''We support Belgrade,'' Dmitry Peskov said.", "We support Belgrade,"),
        (
            "“They told us ‘never again’ and we believed them,” Dmitry Peskov said.",
            "They told us ‘never again’ and we believed them,",
        ),
    ],
    ids=["straight", "curly", "guillemets", "single-guillemets", "single-curly", "nyt", "nested"],
)
def test_quotation_marks(body, content):
    _, table = run(body)
    assert len(table) == 1
    row = the_row(table, content)
    check(row, "direct", "Dmitry Peskov", "Russia", "said", "quote-cue-speaker")


# --- beliefs ----------------------------------------------------------------------------------


def test_belief():
    text, table = run("Officials fear that the talks will fail.")
    assert len(table) == 1
    row = the_row(table, "the talks will fail")
    check(row, "belief", "Officials", None, "fear", "cue-that-clause")
    assert mention(text, row) == "Officials"


def test_belief_content_stops_before_the_reporting_frame():
    body = (
        "Pristina seeks to establish a new police station in the north, "
        "the Serbian ministry said on Tuesday."
    )
    _, table = run(body)
    belief = the_row(table, "to establish a new police station in the north")
    check(belief, "belief", "Pristina", "Kosovo", "seeks", "cue-that-clause")


def test_statement_reported_after_a_clause_holding_a_belief():
    body = (
        "Pristina seeks to establish a new police station in the north, "
        "the Serbian ministry said on Tuesday."
    )
    _, table = run(body)
    said = the_row(table, "Pristina seeks to establish a new police station in the north")
    check(said, "indirect", "Serbian ministry", "Serbia", "said", "clause-cue-speaker")


# --- what is not a statement ------------------------------------------------------------------


def test_headlines_headings_and_boilerplate_yield_nothing():
    text = (
        "“We support Belgrade,” says Peskov\n\n"
        "Tensions rose in northern Kosovo on Monday.\n\n"
        "Vucic says army on alert\n\n"
        "Russia said it backed Serbia.\n\n"
        "READ MORE: “We support Belgrade,” Peskov says\n\n"
        "Related: Kurti says Serbia is to blame"
    )
    article = kk.Article.from_text(text)
    kinds = [p.kind for p in article.paragraph_spans]
    assert kinds == ["title", "body", "heading", "body", "boilerplate", "boilerplate"]
    table = attribute_quotes(article)
    check_rows(table, text)
    assert set(table["paragraph_id"]) == {3}
    assert list(table["text"]) == ["it backed Serbia"]


@pytest.mark.parametrize(
    "body",
    [
        "He watched “Casablanca” again.",
        "The so-called “peace plan” was never published.",
        "The plans were approved.",
        "His comments drew criticism.",
        "The statement was posted online on Tuesday.",
    ],
)
def test_no_statement(body):
    _, table = run(body)
    assert table.empty, table[["kind", "text", "cue"]]


# --- speakers and sides -----------------------------------------------------------------------


def test_speaker_missing_from_the_gazetteer():
    text, table = run("“It is over,” said Maria Lopez, a teacher.")
    assert len(table) == 1
    row = the_row(table, "It is over,")
    check(row, "direct", "Maria Lopez", None, "said", "quote-cue-speaker")
    assert mention(text, row).startswith("Maria Lopez")


def test_demonym_gives_the_side():
    text, table = run("A Serbian official said that the border would stay closed.")
    row = the_row(table, "the border would stay closed")
    check(row, "indirect", row["speaker"], "Serbia", "said", "cue-that-clause")
    assert "official" in row["speaker"]
    assert mention(text, row).endswith("Serbian official")


def test_user_gazetteer_adds_a_speaker():
    body = "“The crossing will reopen,” said Jelena Markovic."
    _, plain = run(body)
    assert pd.isna(the_row(plain, "The crossing will reopen,")["actor"])
    mine = pd.DataFrame(
        {
            "alias": ["Jelena Markovic", "Markovic"],
            "canonical": ["Jelena Markovic", "Jelena Markovic"],
            "actor": ["Serbia", "Serbia"],
            "type": ["person", "person"],
        }
    )
    text = HEAD + body + " “Nobody wants more violence,” Markovic added."
    table = attribute_quotes(text, gazetteer=mine)
    check_rows(table, text)
    first = the_row(table, "The crossing will reopen,")
    check(first, "direct", "Jelena Markovic", "Serbia", "said", "quote-cue-speaker")
    second = the_row(table, "Nobody wants more violence,")
    check(second, "direct", "Jelena Markovic", "Serbia", "added", "quote-cue-speaker")
    # the shipped names still work next to the user's
    both = attribute_quotes(HEAD + "“We support Belgrade,” said Peskov.", mine)
    assert list(both["speaker"]) == ["Dmitry Peskov"]


# --- input checks and the shape of the table --------------------------------------------------


@pytest.mark.parametrize("bad", [None, b"Peskov said: \xe2\x80\x9cNo.\xe2\x80\x9d", 3])
def test_not_a_string_is_a_type_error(bad):
    with pytest.raises(TypeError, match=r"must be a str, not " + type(bad).__name__):
        attribute_quotes(bad)


def test_bytes_error_says_to_decode():
    with pytest.raises(TypeError, match="decode"):
        attribute_quotes("“We agree,” he said.".encode())


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t "])
def test_blank_text_is_a_value_error(blank):
    with pytest.raises(ValueError, match="empty or holds only white space"):
        attribute_quotes(blank)


def test_text_without_statements_gives_an_empty_table():
    table = attribute_quotes(HEAD + "The bridge over the Ibar was closed for repairs.")
    assert table.empty
    assert list(table.columns) == QUOTE_COLUMNS


def test_article_and_string_give_the_same_table():
    text = HEAD + "“We support Belgrade,” said Dmitry Peskov."
    pd.testing.assert_frame_equal(
        attribute_quotes(text), attribute_quotes(kk.Article.from_text(text))
    )


def test_deterministic():
    text = HEAD + (
        "“We support Belgrade,” said Dmitry Peskov. Russia “follows very closely what is "
        "happening in Kosovo,” he said.\n\nAccording to Albin Kurti, the police acted lawfully."
    )
    first = attribute_quotes(text)
    check_rows(first, text)
    assert len(first) == 3
    pd.testing.assert_frame_equal(first, attribute_quotes(text))
    pd.testing.assert_frame_equal(first, attribute_quotes(str(text)))


# --- names after a qualified title ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        # a state, a body or a party before the title qualifies it
        (
            "“We will not back down,” Texas Sen. Ted Cruz said.",
            "We will not back down,",
            "Ted Cruz",
        ),
        (
            "Atlantic City Mayor Don Guardian said the casinos would reopen.",
            "the casinos would reopen",
            "Don Guardian",
        ),
        (
            "“The rules stay,” GOP Chairman Chuck Williams said.",
            "The rules stay,",
            "Chuck Williams",
        ),
        # a role word that starts the sentence is not part of the name
        (
            "Rival Hillary Clinton said the plan would fail.",
            "the plan would fail",
            "Hillary Clinton",
        ),
        # a title inside a name is kept when what follows is not a full name
        (
            "“We shall overcome,” Martin Luther King Jr. said.",
            "We shall overcome,",
            "Martin Luther King Jr.",
        ),
        ("“We are delighted,” Prince William said.", "We are delighted,", "William"),
    ],
)
def test_the_name_after_a_qualified_title_is_the_speaker(body, content, speaker):
    _, table = run(body)
    assert the_row(table, content)["speaker"] == speaker


def test_a_surname_refers_to_the_full_name_given_with_a_qualified_title():
    text, table = run(
        "“We will not back down,” Texas Sen. Ted Cruz said on Monday.\n\n"
        "“The vote is a disgrace,” Cruz said."
    )
    row = the_row(table, "The vote is a disgrace,")
    assert mention(text, row) == "Cruz"
    assert row["speaker"] == "Ted Cruz"


def test_same_mention_words_follow_the_article_so_far() -> None:
    # "Caddell" and "The spokesman" each appear before and after the full name is given:
    # the words are the same, the speaker they stand for is not
    text = HEAD + (
        "Caddell said the talks had failed.\n\n"
        "Pollster Pat Caddell said the talks would resume in March.\n\n"
        "Caddell said the delay was long.\n\n"
        "The spokesman said the office was closed.\n\n"
        "Spokesman Milan Jovic said the border was calm.\n\n"
        "The spokesman said the roads would open on Friday.\n\n"
    )
    table = attribute_quotes(kk.Article.from_text(text))
    check_rows(table, text)
    assert list(table["speaker"]) == [
        "Caddell",
        "Pat Caddell",
        "Pat Caddell",
        "spokesman",
        "Milan Jovic",
        "Milan Jovic",
    ]
    assert table["rule"].iloc[5].endswith("+title-carryover")
    assert not table["rule"].iloc[3].endswith("+title-carryover")


@pytest.mark.parametrize(
    "body, content",
    [
        (
            "According to the minister, “The border will stay open for trade.”",
            "The border will stay open for trade.",
        ),
        ("According to Ana Petrova, “The talks have failed”.", "The talks have failed"),
        ("“The talks have failed,” according to Ana Petrova.", "The talks have failed,"),
    ],
)
def test_a_fully_quoted_content_is_direct_whatever_the_frame(body, content):
    text, table = run(body)
    row = the_row(table, content)
    assert row["kind"] == "direct" and row["rule"] == "according-to"
    assert text[row["start"] - 1] in '“"' and text[row["end"]] in '”"'


def test_words_inside_quotation_marks_read_the_same_for_every_frame():
    _, said = run("Ana Petrova said: “We will not give up.”")
    _, according = run("According to Ana Petrova, “We will not give up.”")
    assert said["text"].tolist() == according["text"].tolist() == ["We will not give up."]


def test_a_frame_after_its_content_takes_it_and_a_coordinated_cue_speaks_again():
    text, table = run(
        "The new border tax is a “serious mistake”, the ministry said on Tuesday and "
        "criticised the “reckless haste” of the government."
    )
    first = the_row(table, "The new border tax is a “serious mistake”")
    second = the_row(table, "the “reckless haste” of the government")
    assert (first["kind"], first["cue"], first["rule"]) == ("mixed", "said", "clause-cue-speaker")
    assert (second["kind"], second["cue"], second["rule"]) == (
        "mixed",
        "criticised",
        "coordinated-cue",
    )
    assert first["speaker_start"] == second["speaker_start"]
    assert mention(text, first) == "the ministry"
    assert len(table) == 2


def test_unquoted_content_before_a_frame_with_a_second_cue():
    _, table = run("The plan is dead, the minister said and added that talks would resume.")
    assert table[["text", "cue", "rule"]].values.tolist() == [
        ["The plan is dead", "said", "clause-cue-speaker"],
        ["talks would resume", "added", "coordinated-cue"],
    ]


def test_a_scene_setting_clause_before_a_subject_is_not_what_was_said():
    _, table = run(
        "When told of the vote, Petrova thought for a moment and said that the "
        "result was “a surprise”."
    )
    assert table["text"].tolist() == ["the result was “a surprise”"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new rules encourage farmers to plant more wheat.",
        "It encourages the 2,000 workers in the port to challenge the managers.",
        "The mayor encouraged residents to stay indoors during the storm.",
    ],
)
def test_an_action_verb_with_an_object_and_an_infinitive_reports_no_speech(sentence):
    _, table = run(sentence)
    assert table.empty, table[["text", "cue"]]


def test_encourage_with_a_that_clause_still_reports_speech():
    _, table = run("The mayor encouraged that residents stay indoors, officials said.")
    assert "residents stay indoors" in " ".join(table["text"])


def test_a_sentence_opening_pronoun_continues_the_previous_subject():
    _, table = run(
        "Burger said the barricades must go. Serbia does not recognize the vote. It says that "
        "the result is void."
    )
    row = the_row(table, "the result is void")
    assert (row["speaker"], row["actor"]) == ("Serbia", "Serbia")
    assert row["rule"].endswith("+pronoun-carryover")


def test_a_pronoun_skips_a_previous_subject_of_the_wrong_kind():
    _, table = run(
        "Peskov spoke to reporters. Serbia does not recognize the vote. He said "
        "that the result is void."
    )
    assert the_row(table, "the result is void")["speaker"] == "Dmitry Peskov"


def test_three_marks_after_a_word_close_the_inner_quotation_first():
    _, table = run("''I would use the word 'old-school,''' said Petrova, the chair.")
    row = the_row(table, "I would use the word 'old-school,'")
    assert row["kind"] == "direct"


def test_a_fronted_phrase_is_not_the_subject_of_a_coordinated_cue():
    text, table = run(
        "In his speech, Petrova urged voters to turn out, and criticized the "
        "party’s lack of ambition."
    )
    row = the_row(table, "the party’s lack of ambition")
    assert row["speaker"] == "Petrova" and mention(text, row) == "Petrova"


# --- more reporting verbs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content", "cue", "family"),
    [
        (
            "“The talks have failed,” the statement read.",
            "The talks have failed,",
            "read",
            "quote-cue-speaker",
        ),
        ("The sign read: “No more walls.”", "No more walls.", "read", "speaker-cue-quote"),
        (
            "Ana Petrova mocked the new border tax on Tuesday.",
            "the new border tax",
            "mocked",
            "cue-that-clause",
        ),
        (
            "Ana Petrova decried the “reckless haste” of the government.",
            "the “reckless haste” of the government",
            "decried",
            "cue-that-clause",
        ),
    ],
)
def test_reporting_verbs_from_the_lexicon(body, content, cue, family):
    _, table = run(body)
    row = the_row(table, content)
    assert (row["cue"], row["rule"].split("+")[0]) == (cue, family)


def test_read_without_a_quotation_or_clause_reports_nothing():
    _, table = run("Ana Petrova read the report twice.")
    assert table.empty, table[["text", "cue"]]


# --- reported questions and relative pronouns -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "question"),
    [
        (
            "When asked whether Serbia would send troops to the border, Vucic declined to comment.",
            "whether Serbia would send troops to the border",
        ),
        ("When asked if the army was ready, Vucic said it was.", "if the army was ready"),
    ],
)
def test_a_reported_question_is_the_question_with_no_asker(body, question):
    _, table = run(body)
    row = the_row(table, question)
    check(row, "indirect", None, None, "asked", "question-cue")
    assert pd.isna(row["speaker_start"])


def test_the_answer_after_a_reported_question_has_its_own_speaker():
    _, table = run(
        "When asked whether Serbia would send troops, Peskov said that Moscow backed Belgrade."
    )
    said = the_row(table, "Moscow backed Belgrade")
    check(said, "indirect", "Dmitry Peskov", "Russia", "said", "cue-that-clause")
    assert the_row(table, "whether Serbia would send troops")["rule"] == "question-cue"


def test_a_relative_pronoun_speaks_for_the_phrase_before_it():
    text, table = run("The report was welcomed by Ana Petrova, who said that the talks had failed.")
    row = the_row(table, "the talks had failed")
    check(row, "indirect", "Ana Petrova", None, "said", "cue-that-clause")
    assert row["rule"] == "cue-that-clause+relative-pronoun"
    assert mention(text, row) == "who"


# --- speaker lines: a name and a colon --------------------------------------------------------


def test_speaker_lines_in_a_transcript():
    text, table = run(
        'Petrova: "The border stays open for trade." Kurti: "The police acted '
        'lawfully and will stay."'
    )
    first = the_row(table, "The border stays open for trade.")
    check(first, "direct", "Petrova", None, ":", "speaker-colon")
    assert mention(text, first) == "Petrova"
    second = the_row(table, "The police acted lawfully and will stay.")
    check(second, "direct", "Albin Kurti", "Kosovo", ":", "speaker-colon")


def test_a_speaker_line_with_an_affiliation_and_unquoted_answer():
    text, table = run(
        "Jane Smith, Reuters: Well, no one expected that. In a way, the vote changed everything."
    )
    row = the_row(table, "Well, no one expected that. In a way, the vote changed everything")
    check(row, "indirect", "Jane Smith", None, ":", "speaker-colon")
    assert mention(text, row) == "Jane Smith, Reuters"


def test_the_labels_in_capitals_of_a_broadcast_transcript_speak():
    text, table = run(
        "BOOM: The minister of transport talked to Ana Petrova on Friday night.\n\n"
        "ANA PETROVA: Minister, the bridge has been closed for a year. When will it open?\n\n"
        "KURTI: We expect the works to end in the spring.\n\n"
        "The budget for them has been approved by the council in full.\n\n"
        "PETROVA: And the police patrols on the bridge?\n\n"
        "KURTI: They stay as long as needed.\n\n"
        "DEVELOPING: The full interview is on the website of the station."
    )
    rows = table[table["rule"] == "speaker-colon"]
    assert [mention(text, row) for _, row in rows.iterrows()] == [
        "ANA PETROVA",
        "KURTI",
        "PETROVA",
        "KURTI",
    ]
    answer = rows.iloc[1]
    assert [text[s:e] for s, e in answer["pieces"]] == [
        "We expect the works to end in the spring",
        "The budget for them has been approved by the council in full",
    ]


def test_a_kicker_in_capitals_that_comes_back_is_no_transcript():
    _, table = run(
        "BOOM: The talks resumed in Brussels on Friday after a week.\n\n"
        "UPDATE: The delegations arrived in the morning by car.\n\n"
        "The ministers met for three hours in the afternoon.\n\n"
        "UPDATE: The talks ended at night without an agreement."
    )
    assert not (table["rule"] == "speaker-colon").any(), table[["text", "speaker", "rule"]]


def test_the_questions_and_answers_of_an_interview_are_turns():
    text, table = run(
        "Q: The bridge has been closed for a year. When will it open?\n\n"
        "A: In the spring, if the works go to plan.\n\n"
        "Q: And the police patrols?\n\n"
        "A: They stay as long as needed. Nobody has asked us to end them."
    )
    rows = table[table["rule"] == "speaker-colon"]
    assert [mention(text, row) for _, row in rows.iterrows()] == ["Q", "A", "Q", "A"]
    assert list(rows["speaker"]) == ["Q", "A", "Q", "A"]
    assert rows.iloc[1]["text"] == "In the spring, if the works go to plan"


def test_a_pronoun_in_a_transcript_turn_is_not_the_last_turn_label():
    text, table = run(
        "ANA PETROVA: Minister, the bridge has been closed for a year. When will it open?\n\n"
        "KURTI: We expect the works to end in the spring.\n\n"
        "PETROVA: And the mayor? He said the works would end in the winter.\n\n"
        "KURTI: We will see."
    )
    row = the_row(table, "the works would end in the winter")
    assert mention(text, row) == "He"
    assert row["speaker"] not in ("KURTI", "Kurti")


@pytest.mark.parametrize(
    "body",
    [
        "UPDATE: The talks resumed in Brussels on Friday.",
        "Read more: The talks resumed in Brussels on Friday.",
        "The plan had three parts: roads, schools and courts for the north.",
        "Peskov said three things: no, never and not now.",
    ],
)
def test_a_label_or_a_list_is_no_speaker_line(body):
    _, table = run(body)
    assert not (table["rule"] == "speaker-colon").any(), table[["text", "speaker", "rule"]]


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        (
            "Ana Petrova, 31, a teacher from Mitrovica, said the schools would stay closed.",
            "the schools would stay closed",
            "Ana Petrova",
        ),
        (
            "A former mayor -- Ana Petrova, who lost the 2020 election -- said the schools would "
            "stay closed.",
            "the schools would stay closed",
            "Ana Petrova",
        ),
    ],
)
def test_a_speaker_with_several_appositives_or_one_between_dashes(body, content, speaker):
    _, table = run(body)
    row = the_row(table, content)
    check(row, "indirect", speaker, None, "said", "cue-that-clause")


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        (
            'And then Petrova went on the attack, saying, "We have got to act now."',
            "We have got to act now.",
            "Petrova",
        ),
        (
            'Here in Mitrovica, Petrova stepped up her campaign, saying, "We have got to act now."',
            "We have got to act now.",
            "Petrova",
        ),
        (
            "In three interviews, the minister sounded off on the plan, saying it would fail.",
            "it would fail",
            "minister",
        ),
        (
            "Petrova distanced herself from the party by saying she would serve if asked.",
            "she would serve if asked",
            "Petrova",
        ),
        (
            "Petrova issued a statement saying the border would reopen.",
            "the border would reopen",
            "Petrova",
        ),
        (
            'Later, Petrova sent an email saying, "We have got to act now."',
            "We have got to act now.",
            "Petrova",
        ),
    ],
)
def test_a_participle_cue_speaks_for_the_head_of_the_subject(body, content, speaker):
    _, table = run(body)
    row = the_row(table, content)
    assert (row["speaker"], row["cue"], row["rule"]) == (speaker, "saying", "participle-cue")


def test_a_gerund_after_a_preposition_reports_nothing():
    _, table = run("Petrova was fined for saying the vote was rigged.")
    assert table.empty, table[["text", "cue"]]


def test_content_ends_where_a_linked_participle_cue_begins():
    _, table = run("Petrova said the talks had failed, before noting that the border would reopen.")
    assert table[["text", "cue", "rule"]].values.tolist() == [
        ["the talks had failed", "said", "cue-that-clause"],
        ["the border would reopen", "noting", "participle-cue"],
    ]


@pytest.mark.parametrize(
    ("body", "content", "family"),
    [
        (
            "“The talks have failed,” Petrova went on to say.",
            "The talks have failed,",
            "quote-cue-speaker",
        ),
        (
            "Petrova went on to say that the talks had failed.",
            "the talks had failed",
            "cue-that-clause",
        ),
    ],
)
def test_went_on_to_say_keeps_its_subject_as_the_speaker(body, content, family):
    _, table = run(body)
    row = the_row(table, content)
    assert (row["speaker"], row["cue"], row["rule"]) == ("Petrova", "say", family)


@pytest.mark.parametrize(
    ("body", "first", "second", "speaker"),
    [
        (
            "Most farmers said the harvest was good, but 40 percent of the growers say it was not.",
            "the harvest was good",
            "it was not",
            "growers",
        ),
        (
            "Petrova said the border would reopen, while the local mayors insisted it would stay "
            "shut.",
            "the border would reopen",
            "it would stay shut",
            "mayors",
        ),
        (
            "Petrova said the talks had failed; her rivals have claimed they never began.",
            "the talks had failed",
            "they never began",
            "rivals",
        ),
    ],
)
def test_content_ends_where_the_next_speakers_frame_begins(body, first, second, speaker):
    _, table = run(body)
    the_row(table, first)
    row = the_row(table, second)
    assert row["speaker"].endswith(speaker) or speaker in mention(HEAD + body, row)


def test_a_parenthetical_frame_inside_the_content_does_not_end_it():
    _, table = run("Petrova said the tax, as critics say, would hurt farmers.")
    assert "the tax, as critics say, would hurt farmers" in set(table["text"])


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        ("O’Malley called Petrova a “fascist” on Monday.", "Petrova a “fascist”", "called"),
        (
            "Petrova described the tax as “a disaster for farmers,” and left the room.",
            "the tax as “a disaster for farmers,”",
            "described",
        ),
        (
            "Marko referred to Petrova as “a bright, charismatic leader” during the debate.",
            "Petrova as “a bright, charismatic leader”",
            "referred to",
        ),
        (
            "Marko called the senator a “nasty guy,” an “anchor baby” and “unstable.”",
            "the senator a “nasty guy,” an “anchor baby” and “unstable.”",
            "called",
        ),
        (
            "Marko called the mayor’s remarks on Saturday “a wake-up call” to his party.",
            "the mayor’s remarks on Saturday “a wake-up call” to his party",
            "called",
        ),
        ("The party branded the mayor as a traitor.", "the mayor as a traitor", "branded"),
        (
            "The minister called the talks “productive but difficult,” adding that more work was "
            "needed.",
            "the talks “productive but difficult,”",
            "called",
        ),
    ],
)
def test_a_labelling_frame_reports_the_object_and_its_label(body, content, cue):
    _, table = run(body)
    row = the_row(table, content)
    assert (row["cue"], row["rule"]) == (cue, "cue-that-clause")


def test_a_labelling_verb_without_a_label_reports_nothing():
    _, table = run("Petrova called the meeting to order.")
    assert table.empty, table[["text", "cue"]]


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        (
            "The talks will fail, said Dan Gerstein, director of a research institute in Pristina.",
            "The talks will fail",
            "Dan Gerstein",
        ),
        (
            'This is a "raw time," said Ana Petrova, a longtime ally who served with the mayor.',
            'This is a "raw time,"',
            "Ana Petrova",
        ),
    ],
)
def test_an_apposition_after_an_inverted_speaker_is_not_content(body, content, speaker):
    _, table = run(body)
    row = the_row(table, content)
    assert row["speaker"] == speaker and row["rule"] == "clause-cue-speaker"
    assert len(row["pieces"]) == 1


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        (
            "Petrova talked about building “a city for everyone” at the rally.",
            "building “a city for everyone”",
            "talked about",
        ),
        (
            "Marko has railed against what he calls the “Belgrade cartel”.",
            "what he calls the “Belgrade cartel”",
            "railed against",
        ),
        (
            "Petrova often speaks of breaking “that hardest glass ceiling”.",
            "breaking “that hardest glass ceiling”",
            "speaks of",
        ),
    ],
)
def test_talking_about_a_quoted_topic_reports_the_complement(body, content, cue):
    _, table = run(body)
    row = the_row(table, content)
    assert (row["cue"], row["rule"]) == (cue, "cue-that-clause")


def test_talking_about_an_unquoted_topic_reports_the_topic():
    _, table = run("Petrova talked about the economy on Monday.")
    assert table[["cue", "text"]].values.tolist() == [["talked about", "the economy"]]


def test_a_gerund_cue_after_began_reports_the_subject_of_began():
    text, table = run("Petrova began calling for a “total ban” on imports.")
    row = the_row(table, "a “total ban” on imports")
    assert mention(text, row) == "Petrova" and row["cue"] == "calling for"


def test_a_particle_gerund_after_a_quotation_reports_its_topic_for_the_same_speaker():
    _, table = run("“We will not wait,” Petrova said, referring to the “Belgrade talks”.")
    assert list(table["cue"]) == ["said", "referring to"], table[["text", "cue"]]
    said = the_row(table, "We will not wait,")
    referring = table[table["cue"] == "referring to"].iloc[0]
    assert referring["speaker"] == said["speaker"] and referring["rule"] == "participle-cue"


def test_a_relative_clause_between_speaker_and_cue_keeps_the_speaker_before_it():
    text, table = run(
        "Ana Petrova, who served as mayor, conceded the situation is “deeply regrettable.”"
    )
    row = the_row(table, "the situation is “deeply regrettable.”")
    assert row["speaker"] == "Ana Petrova" and row["rule"] == "cue-that-clause"
    assert mention(text, row).startswith("Ana Petrova")


def test_a_relative_clause_inside_content_still_lets_the_speaker_follow_the_cue():
    _, table = run("The plan, which was drafted in May, will fail, said Ana Petrova.")
    row = the_row(table, "The plan, which was drafted in May, will fail")
    assert row["speaker"] == "Ana Petrova" and row["rule"] == "clause-cue-speaker"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Marko relentlessly said the border would “never close.”", "Marko"),
        ("Petrova officially announced that the talks were “over.”", "Petrova"),
    ],
)
def test_an_adverb_before_the_cue_is_not_part_of_the_speaker(body, speaker):
    text, table = run(body)
    assert len(table) == 1, table[["text", "speaker"]]
    assert table.iloc[0]["speaker"] == speaker
    assert not mention(text, table.iloc[0]).endswith("ly")


def test_a_noun_in_ly_before_the_cue_is_the_speaker():
    text, table = run("The family said the verdict was “a disgrace.”")
    assert mention(text, the_row(table, "the verdict was “a disgrace.”")) == "The family"


@pytest.mark.parametrize(
    "body, content",
    [
        (
            "One banner read “Stop the toll,” a slogan the union has used since May.",
            "Stop the toll,",
        ),
        ("When a man at the back shouted “Resign,” Petrova only smiled.", "Resign,"),
        (
            "Petrova declared “we will not pay” — a pledge she repeated on Friday.",
            "we will not pay",
        ),
    ],
)
def test_a_quotation_opening_the_content_ends_it_where_the_writer_goes_on(body, content):
    _text, table = run(body)
    assert content in list(table["text"]), table[["text", "speaker"]]


@pytest.mark.parametrize(
    "body, content",
    [
        # the quotation is the start of the reported clause, not all of it
        ("Petrova said “the toll” would be lifted by May.", "“the toll” would be lifted by May"),
        # a list of quotations stays one content
        ("The mayor said “never,” “not now” and “not ever.”", "“never,” “not now” and “not ever"),
    ],
)
def test_a_quotation_opening_the_content_does_not_end_a_clause_that_goes_on(body, content):
    _text, table = run(body)
    assert any(content in t for t in table["text"]), table[["text", "speaker"]]


def test_that_clause_keeps_its_relative_clause_after_a_quotation() -> None:
    # an explicit "that" opens the reported clause; what the comma adds still belongs to it
    _, table = run(
        "Petrova said that the embargo was “a grave mistake,” which would ruin the farmers.\n"
    )
    row = the_row(table, "the embargo was “a grave mistake,” which would ruin the farmers")
    assert row["cue"] == "said"


def test_that_clause_keeps_its_trailer_after_a_comma() -> None:
    _, table = run(
        "Jovanovic told the assembly that the talks had “stalled for good”, prompting "
        "an emergency session in Brussels.\n"
    )
    the_row(
        table,
        "the talks had “stalled for good”, prompting an emergency session in Brussels",
    )


def test_bare_clause_still_ends_before_the_writers_trailer() -> None:
    # without "that" the comma and "which" start the writer's own addition
    _, table = run(
        "Petrova said the embargo was “a grave mistake,” which drew applause from farmers.\n"
    )
    the_row(table, "the embargo was “a grave mistake,”")


def test_colon_frame_reports_the_unquoted_paragraphs_after_it():
    body = (
        "On her website, Marta Kovac wrote:\n\n"
        "The bridge will stay closed until the spring. Nobody in the valley believes "
        "the ministry any more.\n\n"
        "Every winter the same roads wash out again.\n\n"
        "The mayor said the repairs would start soon."
    )
    table = attribute_quotes(body)
    first = table.iloc[0]
    assert first["speaker"] == "Marta Kovac"
    assert first["cue"] == "wrote"
    assert first["text"].startswith("The bridge will stay closed")
    assert "roads wash out again" in first["text"]
    assert "repairs" not in first["text"]


def test_colon_frame_leaves_a_quoted_paragraph_to_the_quotation():
    body = 'On her website, Marta Kovac wrote:\n\n"The bridge will stay closed until spring."'
    table = attribute_quotes(body)
    assert len(table) == 1
    assert table.iloc[0]["text"] == "The bridge will stay closed until spring."


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("A new survey found 61 percent of farmers expect a worse harvest.", True),
        ("The study found most rivers in the region carry too much salt.", True),
        ("The officer found the keys under the seat.", False),
    ],
)
def test_poll_found_reports_a_finding_without_that(body, found):
    table = attribute_quotes(body)
    assert (not table.empty and table.iloc[0]["cue"] == "found") == found
