"""Quoted statements in the frames news writing uses around a quotation.

Each test is a small article of its own sentences: a headline and a lead paragraph that
hold no statement, then the pattern under test in a body paragraph.
"""

from __future__ import annotations

import pandas as pd
import pytest
from statements import attribute_body, mention, the_row

HEAD = "Bridge talks stall again\n\nNegotiators met in Brussels on Monday.\n\n"


def run(body: str) -> tuple[str, pd.DataFrame]:
    """Attribute the statements of an article made of HEAD and ``body``."""
    return attribute_body(HEAD, body)


def test_appositive_with_a_plural_possessive_before_the_cue():
    for mark in ("’", "'"):
        text, table = run(
            f"“We will not sign this,” Mara Lind, the farmers{mark} chief negotiator, said."
        )
        row = the_row(table, "We will not sign this,")
        assert row["speaker"] == "Mara Lind"
        assert mention(text, row).startswith("Mara Lind")


def test_inverted_speaker_described_by_a_relative_clause():
    text, table = run("“The plan is dead,” said a senior trade official who asked not to be named.")
    row = the_row(table, "The plan is dead,")
    assert mention(text, row) == "a senior trade official"
    assert row["rule"] == "quote-cue-speaker"


def test_relative_clause_after_an_inverted_speaker_needs_a_quotation():
    # an unquoted clause before "said X who …" is not taken for content by this frame
    _text, table = run("The talks failed, said a diplomat who was there and left early.")
    assert not (table["text"] == "The talks failed").any()


def test_labelled_object_ends_before_the_speakers_next_act():
    _text, table = run("Lind called the draft “a betrayal” and walked out of the talks for good.")
    row = the_row(table, "the draft “a betrayal”")
    assert row["speaker"] == "Lind"


def test_a_relative_clause_inside_a_labelled_object_does_not_end_it():
    _text, table = run(
        "Lind praised the mediator, who flew in from Oslo overnight, as “a true friend.”"
    )
    row = the_row(table, "the mediator, who flew in from Oslo overnight, as “a true friend.”")
    assert row["speaker"] == "Lind"


def test_the_label_after_a_relative_labelling_verb_is_the_content():
    _text, table = run("The talks began on what Lind described as “a last chance.”")
    assert the_row(table, "as “a last chance.”")["speaker"] == "Lind"


def test_the_reason_after_a_labelled_object_stays_in_the_content():
    _text, table = run("Lind called the draft “a betrayal” because the farmers were never asked.")
    row = the_row(table, "the draft “a betrayal” because the farmers were never asked")
    assert row["speaker"] == "Lind"


def test_and_inside_a_quoted_label_does_not_end_it():
    _text, table = run("Lind criticized the draft as “reckless and damaging” on Monday.")
    assert the_row(table, "the draft as “reckless and damaging”")["speaker"] == "Lind"


def test_coordinated_gerund_cue_reports_its_own_content():
    _text, table = run(
        "Lind said the draft had merits but came too late, and arguing that the farmers "
        "“were never asked.”"
    )
    first = the_row(table, "the draft had merits but came too late")
    second = the_row(table, "the farmers “were never asked.”")
    assert first["speaker"] == second["speaker"] == "Lind"
    assert second["rule"] == "participle-cue"


def test_coordinated_named_subject_before_the_cue():
    text, table = run(
        "“We will not give up the bridge,” Mayor Ana Petrova and council leader Ivo Marin "
        "said in a joint statement."
    )
    row = the_row(table, "We will not give up the bridge,")
    assert mention(text, row) == "Mayor Ana Petrova and council leader Ivo Marin"


def test_a_clause_before_and_is_not_part_of_the_subject():
    text, table = run("The deadline passed and Marin said the bridge “is not for sale.”")
    row = the_row(table, "the bridge “is not for sale.”")
    assert mention(text, row) == "Marin"


def test_frame_before_a_clause_that_ends_in_a_colon():
    _text, table = run(
        "“The bridge stays open,” Petrova said before adding: “We will talk again in May.”"
    )
    assert the_row(table, "The bridge stays open,")["speaker"] == "Petrova"
    second = the_row(table, "We will talk again in May.")
    assert second["speaker"] == "Petrova" and second["cue"] == "adding"


def test_frame_with_a_bare_colon_after_the_cue_does_not_report_backwards():
    _text, table = run("The talks ended early, Petrova said in a statement: “We will return.”")
    assert not (table["text"] == "The talks ended early").any()


def test_participle_cue_after_a_fronted_time_phrase_takes_the_subject():
    text, table = run(
        "Hours later, Petrova left the meeting, telling reporters that the bridge “must reopen.”"
    )
    row = the_row(table, "the bridge “must reopen.”")
    assert mention(text, row) == "Petrova"


def test_participle_cue_after_a_fronted_participle_clause_takes_the_subject():
    text, table = run(
        "Speaking at the harbour, Petrova mocked the plan, calling it “a toy bridge.”"
    )
    assert mention(text, the_row(table, "it “a toy bridge.”")) == "Petrova"


def test_an_organisation_noun_is_a_subject_for_a_message_saying():
    text, table = run(
        "The ministry sent out a press release saying the bridge “will reopen in May.”"
    )
    assert mention(text, the_row(table, "the bridge “will reopen in May.”")) == "The ministry"


def test_participle_cue_after_a_comma_inside_a_closing_quotation():
    text, table = run(
        "Petrova mocked the council’s “experts,” saying, “They have never crossed a river.”"
    )
    row = the_row(table, "They have never crossed a river.")
    assert row["rule"] == "participle-cue"
    assert mention(text, row) == "Petrova"


def test_relative_that_after_a_thing_that_speaks():
    text, table = run("Protesters carried banners that read, “Open the bridge now.”")
    row = the_row(table, "Open the bridge now.")
    assert mention(text, row) == "that"
    assert row["rule"] == "speaker-cue-quote+relative-pronoun"


def test_relative_that_after_a_message_speaks_for_its_issuer():
    text, table = run("Petrova released a video that said, “The bridge belongs to us all.”")
    assert mention(text, the_row(table, "The bridge belongs to us all.")) == "Petrova"


def test_a_lone_determiner_as_subject_of_a_reporting_verb():
    text, table = run("Another said, “The ferry will do for now.”")
    assert mention(text, the_row(table, "The ferry will do for now.")) == "Another"


def test_less_common_reporting_verbs_frame_a_quotation():
    for frame, cue in (
        ("“Not a chance,” Petrova shot back.", "shot back"),
        ("“What a waste,” Petrova fumed.", "fumed"),
        ("“We lost the ferry too,” Petrova confessed.", "confessed"),
    ):
        text, table = run(frame)
        row = table.iloc[0]
        assert row["cue"] == cue and mention(text, row) == "Petrova", frame


def test_a_manner_verb_without_a_quotation_reports_nothing():
    _text, table = run("Petrova laughed and the council adjourned until May.")
    assert table.empty


def test_noun_like_cue_after_an_unnamed_noun_before_a_title_is_no_frame():
    _text, table = run("Petrova, the host of the radio show “Harbour Talk,” met the mayor.")
    assert table.empty


def test_noun_like_cue_after_a_name_still_frames_a_quotation():
    text, table = run("Petrova notes “the ferry is full every day.”")
    assert mention(text, the_row(table, "the ferry is full every day.")) == "Petrova"


def test_title_case_headline_with_a_capitalised_reporting_verb():
    text, table = run("Mayor Petrova Says The Bridge Is ‘Not For Sale’\n\nThe talks resumed.")
    row = the_row(table, "The Bridge Is ‘Not For Sale’")
    assert mention(text, row) == "Mayor Petrova" and row["cue"] == "Says"


def test_capitalised_verb_in_prose_is_not_a_cue():
    _text, table = run("The new ferry line, which Says Holdings runs, carries cars to the island.")
    assert table.empty


def test_participle_cue_takes_the_subject_after_a_fronted_phrase_of_any_kind():
    text, table = run(
        "But a few days later, Petrova changed course, telling the council that the bridge "
        "“can wait.”"
    )
    assert mention(text, the_row(table, "the bridge “can wait.”")) == "Petrova"


def test_absolute_phrases_with_gerund_cues_have_their_own_speakers():
    text, table = run(
        "The two met on Friday – Petrova saying the talks were “useful” and Marin calling "
        "them “a first step.”"
    )
    first = the_row(table, "the talks were “useful”")
    second = the_row(table, "them “a first step.”")
    assert mention(text, first) == "Petrova" and mention(text, second) == "Marin"


def test_gerund_after_a_sentence_initial_name_is_no_absolute_phrase():
    _text, table = run("Petrova saying “no” would end the talks.")
    assert table.empty


def test_content_ends_at_a_quotation_closing_on_a_comma_before_the_writers_clause():
    _text, table = run(
        "Petrova said the bridge “will reopen in May,” referring to the repairs, which began "
        "last week."
    )
    assert the_row(table, "the bridge “will reopen in May,”")["speaker"] == "Petrova"


def test_scene_setting_clause_before_the_frame_leaves_the_quotation_after_it():
    _text, table = run(
        "When asked why the ferry stopped running, Petrova said, “We ran out of money” in "
        "the spring."
    )
    row = the_row(table, "“We ran out of money” in the spring")
    assert row["speaker"] == "Petrova"


def test_unnamed_speaker_with_a_relative_clause_before_the_cue():
    text, table = run(
        "“The repairs are behind schedule,” a council engineer, who was not allowed to speak "
        "on the record, told the radio."
    )
    row = the_row(table, "The repairs are behind schedule,")
    assert mention(text, row).startswith("a council engineer")
    assert row["speaker"] == "council engineer"


def test_frame_ending_in_a_colon_after_a_scene_phrase_takes_the_next_quotation():
    text, table = run(
        "Petrova told the council, to loud applause:\n\n“The bridge will open again in May.”"
    )
    row = the_row(table, "The bridge will open again in May.")
    assert mention(text, row) == "Petrova" and row["cue"] == "told"
    assert not (table["text"] == "to loud applause").any()


def test_quotation_paragraph_continues_a_mixed_statement_that_ended_on_a_quotation():
    text, table = run(
        "Petrova said the council had “no plan for the bridge at all.”\n\n"
        "“We have asked for one for three years and nobody has answered.”"
    )
    assert len(table) == 1
    pieces = [text[s:e] for s, e in table.iloc[0]["pieces"]]
    assert pieces[-1] == "We have asked for one for three years and nobody has answered."


def test_quotation_right_after_a_mid_sentence_frame_without_a_full_stop_joins_it():
    text, table = run("“The bridge is safe,” Petrova said “It was checked twice in May.”")
    assert len(table) == 1
    assert [text[s:e] for s, e in table.iloc[0]["pieces"]] == [
        "The bridge is safe,",
        "It was checked twice in May.",
    ]


def test_speaker_line_with_a_party_tag_and_no_space_after_the_colon():
    _text, table = run("Sen. Ana Petrova (D-Ore.):“Nobody has asked the ferry crews.”")
    row = the_row(table, "Nobody has asked the ferry crews.")
    assert row["rule"] == "speaker-colon" and row["speaker"] == "Ana Petrova"


def test_dateline_before_the_subject_of_a_participle_cue_is_not_the_speaker():
    text, table = run(
        "BELGRADE (Reuters) - Mayor Ana Petrova closed the bridge on Monday, saying it was "
        "“simply not safe.”"
    )
    assert mention(text, the_row(table, "it was “simply not safe.”")) == "Mayor Ana Petrova"


def test_as_one_put_it_frames_a_quotation_on_either_side():
    for body, content in (
        (
            "“The bridge is a museum piece,” as one engineer put it.",
            "The bridge is a museum piece,",
        ),
        (
            "As one engineer put it, “The bridge is a museum piece.”",
            "The bridge is a museum piece.",
        ),
    ):
        text, table = run(body)
        assert mention(text, the_row(table, content)) == "one engineer", body


def test_thanked_with_a_quotation_reports_it():
    text, table = run("Petrova thanked the crews for “keeping the ferry afloat all winter.”")
    row = table.iloc[0]
    assert row["cue"] == "thanked" and mention(text, row) == "Petrova"
    assert row["text"].endswith("“keeping the ferry afloat all winter.”")


def test_thanks_as_a_noun_is_no_cue():
    _text, table = run("Many thanks went to the ferry crews after the storm.")
    assert table.empty


def test_mixed_content_ends_before_but_did_not():
    _text, table = run(
        "Petrova said the repairs were “on schedule” but did not say when the bridge would open."
    )
    assert the_row(table, "the repairs were “on schedule”")["speaker"] == "Petrova"


def test_according_to_after_a_quotation_frame_names_the_reporting_source():
    text, table = run(
        "“The bridge will not reopen this year,” Petrova said, according to the Harbour Gazette."
    )
    assert len(table) == 1
    row = table.iloc[0]
    # the account reports the quotation with its frame, as PolNeAR annotates it
    assert row["text"] == "“The bridge will not reopen this year,” Petrova said"
    assert row["rule"] == "according-to" and mention(text, row) == "the Harbour Gazette"


def test_according_to_after_a_clause_with_a_quoted_object_reports_the_clause():
    _text, table = run(
        "Lind wrote to the mayor, threatening “a lawsuit,” according to a copy of the letter."
    )
    row = the_row(table, "Lind wrote to the mayor, threatening “a lawsuit,”")
    assert row["rule"] == "according-to"


def test_time_phrase_between_subject_and_cue_is_not_the_speaker():
    for body in (
        "Mayor Ana Petrova last week said the bridge was “perfectly safe.”",
        "Mayor Ana Petrova on Friday said the bridge was “perfectly safe.”",
    ):
        text, table = run(body)
        row = the_row(table, "the bridge was “perfectly safe.”")
        assert mention(text, row) == "Mayor Ana Petrova", body


def test_the_name_after_told_is_the_hearer_not_an_inverted_speaker():
    for body in (
        "“We lost the vote,” Ana Kova, the treasurer, told Radio Split on Monday.",
        "“We lost the vote,” the treasurer, Ana Kova, told Mr. Berg after the count.",
        "“We lost the vote,” Ana Kova, 58, reminded Mayor Jon Berg.",
    ):
        text, table = run(body)
        row = the_row(table, "We lost the vote,")
        assert "Ana Kova" in mention(text, row), body
        assert row["rule"] == "quote-cue-speaker"


def test_two_apostrophes_quote_for_a_verb_that_needs_a_quotation():
    # some papers print double marks as two apostrophes; "recall" reports only quotations
    text, table = run("''We had to wait for the moment,'' recalled Mara Lind.")
    row = the_row(table, "We had to wait for the moment,")
    assert mention(text, row) == "Mara Lind"
    assert row["rule"] == "quote-cue-speaker"
    _text, table = run("We had to wait for the moment, recalled Mara Lind.")
    assert table.empty


def test_two_apostrophes_make_reported_content_mixed():
    _text, table = run("Lind said the draft was ''a betrayal'' of the farmers.")
    row = the_row(table, "the draft was ''a betrayal'' of the farmers")
    assert row["kind"] == "mixed"


@pytest.mark.parametrize(
    "body",
    [
        # a speaker with an appositive, then an addressee that holds a quoted title
        "“We lost the vote,” the treasurer, Mara Lind, told the radio show “Morning Call” "
        "after the count. “We will try again.”",
        # an adverbial that runs into "and" after the frame
        "“The harbour will reopen,” Lind said in a speech to dockers and traders in Split, "
        "as she opened the season. “Work starts soon.”",
        # a writer's trailer after a quotation closing on a comma
        "The mayor called the plan “a gift to the developers,” which the council denied.",
    ],
)
def test_two_apostrophes_read_like_curly_marks(body):
    # ''…'' is one double mark typed as two characters: the frames read it as they read “…”
    typed = body.replace("“", "''").replace("”", "''")
    _text, curly = run(body)
    _text, straight = run(typed)
    assert not curly.empty
    assert [r.replace("“", "''").replace("”", "''") for r in curly["text"]] == list(
        straight["text"]
    )
    assert list(curly["speaker"]) == list(straight["speaker"])
    assert list(curly["rule"]) == list(straight["rule"])


def test_frame_after_a_quotation_whose_inner_quotation_closes_with_it():
    # the splitter ends a sentence after .'” ; the frame still reads the quotation
    for body, inner in (
        ("“I told him, ‘No way.’” Lind said.", "I told him, ‘No way.’"),
        ("\"He asked, 'Why now?'\" Mara Lind said.", "He asked, 'Why now?'"),
        ("''He asked, 'Why now?''' Mara Lind said.", "He asked, 'Why now?'"),
    ):
        text, table = run(body)
        row = the_row(table, inner)
        assert "Lind" in mention(text, row)
        assert row["rule"] == "quote-cue-speaker"


def test_paragraph_that_is_one_quotation_signed_by_the_next_paragraph():
    for sign, name in (
        ("- Mara Lind.", "Mara Lind"),
        ("—Mayor Ana Petrova, speaking after the vote.", "Mayor Ana Petrova"),
        ("-Jon Berg, Antwerp.", "Jon Berg"),
        ("-- Lind", "Lind"),
    ):
        text, table = run(
            f"The talks went on past midnight.\n\n“Nobody here wants the bridge closed for "
            f"another winter.”\n\n{sign}\n\nThe ministers meet again on Friday."
        )
        row = the_row(table, "Nobody here wants the bridge closed for another winter.")
        assert mention(text, row) == name, sign
        assert row["rule"] == "quote-dash-speaker"
    # a dashed line that is no name signs nothing
    for line in ("– A farmer himself –.", "- Reduce the tolls on the bridge.", "-"):
        _text, table = run(
            f"“Nobody here wants the bridge closed for another winter.”\n\n{line}\n\n"
            "The ministers meet again on Friday."
        )
        assert table.empty, line
    # a quotation that is only part of its paragraph is not signed by the next one
    _text, table = run(
        "Farmers called the closure “a disaster for the valley.”\n\n- Mara Lind.\n\n"
        "The ministers meet again on Friday."
    )
    assert "quote-dash-speaker" not in set(table["rule"])


def test_quotation_resumed_after_a_linking_word_is_part_of_the_statement():
    for link in ("But", "And,", "Yet", "Still"):
        text, table = run(
            f"“We do not need the bridge tomorrow,” Mara Lind said outside the hall. {link} "
            "“the valley cannot wait another winter for it.”"
        )
        assert len(table) == 1, link
        row = table.iloc[0]
        assert text[slice(*row["pieces"][-1])] == "the valley cannot wait another winter for it."
        assert mention(text, row) == "Mara Lind"
    # a quoted word inside an unquoted sentence is no resumed quotation
    _text, table = run(
        "“We do not need the bridge tomorrow,” Mara Lind said. But the “valley” cannot wait."
    )
    assert list(table["text"]) == ["We do not need the bridge tomorrow,"]


def test_as_a_speaker_described_by_a_rank_put_it_with_a_colon():
    text, table = run(
        "The talks failed. As Mara Lind, the No. 2 in the farmers union, put it: “Nobody "
        "wants the bridge closed. So there is no reason to go on.”"
    )
    row = the_row(table, "Nobody wants the bridge closed. So there is no reason to go on.")
    assert row["speaker"] == "Mara Lind"
    assert mention(text, row).startswith("Mara Lind")


def test_quotation_closed_by_a_turned_opening_mark_frames_its_speaker():
    text, table = run("“The bridge must reopen before the winter,“ said Mara Lind, a farmer.")
    row = the_row(table, "The bridge must reopen before the winter,")
    assert mention(text, row).startswith("Mara Lind")
    text, table = run("Lind was angry. “Do you want the bridge closed?“ she asked.")
    row = the_row(table, "Do you want the bridge closed?")
    assert row["rule"].startswith("quote-cue-speaker")


def test_past_tense_particle_cue_after_a_possessive_subject_is_a_verb():
    # "points out" may be a noun, "pointed out" may not
    for body in (
        "Farm Weekly’s Jon Berg pointed out, “The council was split before the vote.”",
        "As the paper’s Jon Berg pointed out in May, “The council was split before the vote.”",
    ):
        text, table = run(body)
        row = the_row(table, "The council was split before the vote.")
        assert "Berg" in mention(text, row), body
    _text, table = run("The farmers’ points out of the valley were closed.")
    assert table.empty


def test_second_verb_after_and_and_an_adverb_of_sequence():
    for body, content in (
        (
            "Lind brought up the flood and later said, “It is not just farmers using it.”",
            "It is not just farmers using it.",
        ),
        (
            'Lind called the plan "a disgrace" and then tweeted that it was "shameful."',
            'it was "shameful."',
        ),
    ):
        text, table = run(body)
        row = the_row(table, content)
        assert mention(text, row) == "Lind", body
        assert row["rule"] == "coordinated-cue"


def test_clause_ending_its_paragraph_on_a_colon_announces_the_next_quotation():
    for lead in (
        "When the bridge closed, Mayor Mara Lind released the following statement:",
        "Mara Lind had a blunt message for the council:",
    ):
        text, table = run(f"{lead}\n\n“The farmers of the valley will not be forgotten.”")
        row = the_row(table, "The farmers of the valley will not be forgotten.")
        assert row["rule"] == "clause-colon", lead
        assert mention(text, row).endswith("Mara Lind"), lead
    # not a list or a heading after the colon, a pronoun, an excerpt or a transcript
    for lead, after in (
        ("Lind listed three demands:", "The bridge must reopen by May."),
        ("Wait, it gets worse:", "“The farmers of the valley will not be forgotten.”"),
        ("From Jon Berg writing at Farm Weekly:", "“The farmers will not be forgotten.”"),
        ("Partial transcript as follows:", "“The farmers will not be forgotten.”"),
    ):
        _text, table = run(f"{lead}\n\n{after}")
        assert table.empty, lead


def test_sentence_opening_with_its_cue_before_the_speaker_and_the_quotation():
    for body, name in (
        ("Said Berg, “The bridge was never meant to close.”", "Berg"),
        (
            "Said Ana Petrova, who grew up in the valley, “The bridge was never meant to close.”",
            "Ana Petrova",
        ),
    ):
        text, table = run(body)
        row = the_row(table, "The bridge was never meant to close.")
        assert mention(text, row) == name, body
    _text, table = run("Said to be worth millions, Berg kept “the bridge fund” closed.")
    assert table.empty


def test_quoted_sentence_after_a_participle_clause_goes_on_with_the_quotation():
    text, table = run(
        "“The bridge will open in May,” Petrova said, noting that the ferry would keep "
        "running. “We owe the island that much.”"
    )
    row = the_row(
        table,
        "The bridge will open in May,” Petrova said, noting that the ferry "
        "would keep running. “We owe the island that much.",
    )
    assert [text[s:e] for s, e in row["pieces"]] == [
        "The bridge will open in May,",
        "We owe the island that much.",
    ]
    noted = the_row(table, "the ferry would keep running")
    assert noted["rule"] == "participle-cue"


def test_quoted_sentence_after_a_clause_frame_goes_on_with_the_quotation():
    text, table = run(
        "“Your figures are wrong,” Petrova told Markovic, after Markovic argued that the "
        "tolls would pay for the repairs. “I will not sign them.”"
    )
    row = the_row(
        table,
        "Your figures are wrong,” Petrova told Markovic, after Markovic "
        "argued that the tolls would pay for the repairs. “I will not sign them.",
    )
    assert mention(text, row) == "Petrova"
    assert [text[s:e] for s, e in row["pieces"]][-1] == "I will not sign them."


def test_quotation_paragraph_after_a_participle_clause_goes_on_with_the_quotation():
    text, table = run(
        "“The bridge will open in May,” Petrova said, noting that the ferry would keep "
        "running.\n\n“We owe the island that much, and we will keep our word.”"
    )
    row = the_row(
        table,
        "The bridge will open in May,” Petrova said, noting that the ferry "
        "would keep running.\n\n“We owe the island that much, and we will keep our word.",
    )
    assert mention(text, row) == "Petrova"


def test_a_quotation_joined_by_and_to_the_opening_one_stays_in_the_content():
    text, table = run(
        "Petrova told the crowd, “I am a builder like you, folks,” and, “Is there anyone "
        "here who has not crossed that bridge?”"
    )
    assert len(table) == 1
    row = table.iloc[0]
    assert mention(text, row) == "Petrova"
    assert row["text"] == (
        "“I am a builder like you, folks,” and, “Is there anyone here who has not crossed "
        "that bridge?”"
    )


def test_and_that_with_a_phrase_joins_a_second_quotation_to_the_content():
    _text, table = run(
        'Petrova also said that "we will not let the bridge close," and that, in regard to '
        'the ferry, "our fight is to keep it running."'
    )
    assert len(table) == 1
    assert table.iloc[0]["text"] == (
        '"we will not let the bridge close," and that, in regard to the ferry, "our fight is '
        'to keep it running."'
    )


def test_a_clause_ending_on_a_quotation_before_a_mid_sentence_frame_is_content():
    text, table = run(
        'The plan means "we must be doing something right," Petrova says, "but I do not '
        'know if the ferry will last."'
    )
    assert len(table) == 1
    row = table.iloc[0]
    assert mention(text, row) == "Petrova"
    assert [text[s:e] for s, e in row["pieces"]] == [
        'The plan means "we must be doing something right,"',
        "but I do not know if the ferry will last.",
    ]
    # a scene-setting clause before the frame is no content
    text, table = run(
        'When asked about the "plan," Petrova said, "I do not know if the ferry will last."'
    )
    row = the_row(table, "I do not know if the ferry will last.")
    assert mention(text, row) == "Petrova"


def test_quotation_paragraph_continues_after_a_long_frame_sentence():
    text, table = run(
        "“The ferry has run for ninety years,” said Petrova, who has worked on the crossing "
        "since she left school in the spring of 1990 and knows every one of its captains.\n\n"
        "“We will not let them close it without a fight, and the island knows that.”"
    )
    assert len(table) == 1
    assert [text[s:e] for s, e in table.iloc[0]["pieces"]] == [
        "The ferry has run for ninety years,",
        "We will not let them close it without a fight, and the island knows that.",
    ]
    # a sentence of narration after the frame ends the statement
    _text, table = run(
        "“The ferry has run for ninety years,” said Petrova, who has worked on the crossing "
        "since 1990. The island has four hundred people and one school, and most of them "
        "take the boat.\n\n"
        "“We will not let them close it without a fight, and the island knows that.”"
    )
    row = the_row(table, "The ferry has run for ninety years,")
    assert len(row["pieces"]) == 1


def test_quotation_paragraph_continues_a_clause_its_speaker_frame_closed():
    text, table = run(
        "The bridge will stay open through the winter, Petrova said.\n\n"
        "“We have checked every cable twice and the engineers are happy with what they found.”"
    )
    assert len(table) == 1
    row = table.iloc[0]
    assert mention(text, row) == "Petrova"
    assert [text[s:e] for s, e in row["pieces"]][-1] == (
        "We have checked every cable twice and the engineers are happy with what they found."
    )


def test_quotation_paragraph_continues_a_clause_a_gerund_cue_opened():
    text, table = run(
        "Petrova answered by pointing at the river, saying the ferry would never come back.\n\n"
        "“I am tired of the promises about the ferry, and so is everyone on the island.”"
    )
    assert len(table) == 1
    assert [text[s:e] for s, e in table.iloc[0]["pieces"]] == [
        "the ferry would never come back",
        "I am tired of the promises about the ferry, and so is everyone on the island.",
    ]


def test_a_first_name_spelt_like_a_modal_before_an_inflected_cue():
    for name, cue in (("Will", "wrote"), ("May", "says")):
        text, table = run(f"“The ferry timetable is a joke,” {name} {cue} in her column.")
        row = the_row(table, "The ferry timetable is a joke,")
        assert mention(text, row) == name


def test_inverted_role_with_an_of_phrase_before_the_name():
    text, table = run("“Welcome to the island, all of you,” said master of ceremonies Ana Kova.")
    row = the_row(table, "Welcome to the island, all of you,")
    assert mention(text, row) == "master of ceremonies Ana Kova"
    assert row["speaker"] == "Ana Kova"


def test_a_cue_coordinated_in_a_when_clause_has_that_clause_speak():
    for body, who in (
        ("The hall went quiet when she stood up and said, “We will keep the ferry.”", "she"),
        (
            "Lind smiled when Kova took the microphone and told the crowd, “We will keep it.”",
            "Kova",
        ),
    ):
        text, table = run(body)
        row = the_row(table, body.split("“")[1].rstrip("”"))
        assert mention(text, row) == who
        assert row["rule"].startswith("coordinated-cue")


def test_a_name_in_an_appositive_makes_a_noun_like_cue_a_verb():
    text, table = run("Her aide, Tom Baker, calls the ferry plan a “blueprint” for the coast.")
    row = the_row(table, "the ferry plan a “blueprint” for the coast")
    assert mention(text, row).endswith("Tom Baker")


def test_a_role_noun_subject_speaks_a_participle_cue():
    for subject in ("The retired businessman", "One campaign operative"):
        text, table = run(
            f"{subject} began by talking about the port, saying that fuel is now “dearer "
            "than gold.”"
        )
        row = the_row(table, "fuel is now “dearer than gold.”")
        assert mention(text, row) == subject
        assert row["rule"] == "participle-cue"


def test_the_phrase_after_told_is_the_hearer_not_an_inverted_speaker():
    text, table = run("“The deal is not dead,” Mara Lind, 49, told The Courier.")
    row = the_row(table, "The deal is not dead,")
    assert row["speaker"] == "Mara Lind"
    assert mention(text, row).startswith("Mara Lind")


def test_a_title_case_dateline_with_its_agency_is_not_the_subject():
    _text, table = run(
        "Brussels (AFP) – Mara Lind has taken a swipe at the draft, saying “nobody read it.”"
    )
    row = the_row(table, "nobody read it.")
    assert row["speaker"] == "Mara Lind"


def test_a_quotation_inside_the_inverted_speakers_relative_clause_is_not_resumed():
    _text, table = run(
        "“It was a disgrace,” said Mara Lind, 34, a farmer who waited in an “endless” line."
    )
    assert the_row(table, "It was a disgrace,")["speaker"] == "Mara Lind"


def test_a_quotation_after_the_inverted_speakers_relative_clause_resumes():
    _text, table = run("“The risk,” said Mara Lind, who sells grain, “is that nobody buys.”")
    row = the_row(table, "The risk,” said Mara Lind, who sells grain, “is that nobody buys.")
    assert len(row["pieces"]) == 2


def test_a_determiner_phrase_and_an_unlisted_past_verb_after_a_quotation():
    _text, table = run("“Never!” the crowd roared, and the minister sat down.")
    row = the_row(table, "Never!")
    assert row["rule"] == "quote-verb-speaker"
    assert row["speaker"] == "crowd"


def test_an_unlisted_past_verb_and_then_a_name_after_a_quotation():
    _text, table = run("“Who wrote this draft, and why?” reacted Mara Lind.")
    row = the_row(table, "Who wrote this draft, and why?")
    assert row["rule"] == "quote-verb-speaker"
    assert row["speaker"] == "Mara Lind"


def test_a_gerund_cue_after_a_comma_reports_its_own_quotation():
    _text, table = run("Lind said no meeting was planned, adding, “If one is proposed we will go.”")
    row = the_row(table, "If one is proposed we will go.")
    assert row["rule"] == "participle-cue"
    assert row["speaker"] == "Lind"


def test_a_clause_ending_on_a_quotation_before_a_described_inverted_speaker():
    _text, table = run(
        "The draft “was written in a hurry,” said a diplomat who attended the talks."
    )
    row = the_row(table, "The draft “was written in a hurry,”")
    assert row["rule"] == "clause-cue-speaker"
    assert row["speaker"] == "diplomat"


def test_went_on_after_a_quotation_that_opens_its_sentence():
    _text, table = run("“We will not sign,” Mara Lind went on, looking at the clock.")
    row = the_row(table, "We will not sign,")
    assert row["rule"] == "quote-verb-speaker"
    assert row["speaker"] == "Mara Lind"


def test_a_quotation_framed_inside_a_clause_ends_that_clause():
    _text, table = run(
        "Lind argued that the draft had lost its point: “Nobody reads it any more,” she said."
    )
    outer = the_row(table, "the draft had lost its point")
    assert outer["speaker"] == "Lind"
    inner = the_row(table, "Nobody reads it any more,")
    assert inner["rule"].startswith("quote-cue-speaker")


def test_a_quotation_reported_inside_a_clause_stays_in_it():
    _text, table = run("Lind said the minister told her “the talks are over” on Friday.")
    row = the_row(table, "the minister told her “the talks are over” on Friday")
    assert row["speaker"] == "Lind"


def test_a_belief_inside_what_a_later_frame_reports_is_part_of_it():
    _text, table = run("Those who think “the talks can wait are wrong,” Lind said.")
    row = the_row(table, "Those who think “the talks can wait are wrong,”")
    assert row["speaker"] == "Lind"
    assert not (table["cue"] == "think").any()


def test_content_with_quoted_words_ends_before_the_speakers_next_act():
    _text, table = run("Lind said the draft was “dead on arrival” before walking out of the hall.")
    row = the_row(table, "the draft was “dead on arrival”")
    assert row["speaker"] == "Lind"


def test_a_naming_participle_after_a_common_noun_names_no_speaker():
    _text, table = run("Farmers staged a play called “The Last Harvest” in the square.")
    row = table[table["cue"] == "called"].iloc[0]
    assert pd.isna(row["speaker"])
    _text, table = run("The union called the plan “reckless” on Monday.")
    assert the_row(table, "the plan “reckless”")["speaker"] == "union"


def test_a_state_after_the_town_of_a_fronted_phrase_is_not_the_subject():
    _text, table = run(
        "Speaking in Tampere, North Karelia, Lind attacked the draft, calling it “a farce.”"
    )
    assert the_row(table, "it “a farce.”")["speaker"] == "Lind"


def test_a_second_verb_after_and_and_a_setting_phrase_keeps_the_subject():
    _text, table = run("Lind backed the deal and in a statement praised it as “a fair compromise.”")
    row = the_row(table, "it as “a fair compromise.”")
    assert row["speaker"] == "Lind"
    assert row["rule"] == "coordinated-cue"


def test_a_clause_before_a_comma_and_a_framed_quotation_ends_at_the_comma():
    _text, table = run("Asked what she believed, Mara Lind said, “The draft is dead.”")
    row = the_row(table, "The draft is dead.")
    assert row["speaker"] == "Mara Lind"


def test_a_label_in_single_quotation_marks_as_headlines_print_it():
    _text, table = run("Lind calls the border plan ‘reckless’ and ‘costly.’")
    row = the_row(table, "the border plan ‘reckless’ and ‘costly.’")
    assert row["speaker"] == "Lind"


def test_a_question_topic_ends_at_its_comma_before_the_main_frame():
    _text, table = run("Asked about the draft, Mara Lind said that it was “dead on arrival.”")
    row = the_row(table, "it was “dead on arrival.”")
    assert row["speaker"] == "Mara Lind"
    # what she was asked about is the reported question; it does not take her answer
    asked = table[table["rule"] == "question-cue"]
    assert asked["text"].tolist() == ["the draft"]


def test_quoted_content_ends_before_a_relative_clause_on_a_name():
    _text, table = run("Lind said she was “not ready” to back Kova, who faces a primary in May.")
    row = the_row(table, "she was “not ready” to back Kova")
    assert row["speaker"] == "Lind"


def test_content_ends_before_a_later_act_a_gerund_cue_reports():
    _text, table = run(
        "Lind insisted the draft was “premature” while adding that she would read it."
    )
    assert the_row(table, "the draft was “premature”")["speaker"] == "Lind"
    assert the_row(table, "she would read it")["rule"] == "participle-cue"


def test_a_sentence_adverb_between_commas_is_not_the_speaker():
    _text, table = run("Lind, meanwhile, who has no allies left, said the draft was “a farce.”")
    assert the_row(table, "the draft was “a farce.”")["speaker"] == "Lind"


def test_a_setting_phrase_between_commas_is_not_the_speaker():
    _text, table = run(
        "Lind, during a town hall in Tampere, Finland, said the draft was “a farce.”"
    )
    assert the_row(table, "the draft was “a farce.”")["speaker"] == "Lind"


def test_a_medium_before_a_noun_like_cue_makes_a_compound_noun():
    _text, table = run("Lind once hosted the reality TV show “Harvest Moon” for a year.")
    assert not (table["cue"] == "show").any()


def test_an_appositive_may_hold_a_quoted_title():
    _text, table = run(
        "Lind, the author of “Bridges Burned,” a history of the talks, said the draft "
        "was “a farce.”"
    )
    assert the_row(table, "the draft was “a farce.”")["speaker"] == "Lind"
