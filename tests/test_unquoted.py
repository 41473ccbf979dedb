"""Unquoted statements: stance and reporting verbs with a noun-phrase or infinitive
object, read on short articles written for these tests."""

from __future__ import annotations

import pandas as pd
from statements import attribute_body, mention

HEAD = "Council row deepens in Novi Grad\n\nThe council met on Monday.\n\n"


def run(body: str) -> tuple[str, pd.DataFrame]:
    """Attribute the statements of an article made of HEAD and ``body``."""
    return attribute_body(HEAD, body)


def contents(table: pd.DataFrame) -> list[list[str]]:
    return table[["cue", "text"]].values.tolist()


def test_a_that_clause_after_a_stance_verb_is_not_cut_like_an_object():
    _, table = run("Petrova denounced that the police acted in Novi Grad without a warrant.")
    assert contents(table) == [["denounced", "the police acted in Novi Grad without a warrant"]]


def test_an_object_ends_before_a_second_predicate_of_the_subject():
    _, table = run("Petrova criticized the council and said the budget was late.")
    assert contents(table) == [
        ["criticized", "the council"],
        ["said", "the budget was late"],
    ]


def test_an_object_goes_on_across_and_between_nouns():
    _, table = run("Petrova criticized the council and the mayor.")
    assert contents(table) == [["criticized", "the council and the mayor"]]


def test_a_short_to_infinitive_after_a_verb_that_takes_one_is_its_content():
    text, table = run("Petrova vowed to fight the plan.")
    assert contents(table) == [["vowed", "to fight the plan"]]
    assert mention(text, table.iloc[0]) == "Petrova"


def test_a_to_phrase_after_say_is_still_skipped():
    _, table = run("Petrova said to reporters in Novi Grad that the plan was dead.")
    assert contents(table) == [["said", "the plan was dead"]]


def test_a_poll_shows_a_noun_phrase():
    text, table = run("A new poll showed Petrova leading in the capital.")
    assert contents(table) == [["showed", "Petrova leading in the capital"]]
    assert mention(text, table.iloc[0]) == "A new poll"


def test_the_show_as_a_noun_reports_nothing():
    _, table = run("The show drew large crowds in the capital.")
    assert table.empty, contents(table)


def test_a_stance_verb_with_a_noun_phrase_and_no_quotation():
    _, table = run("The mayor expressed concern about rising rents.")
    assert contents(table) == [["expressed", "concern about rising rents"]]
    _, table = run("Petrova called for new elections in the spring.")
    assert contents(table) == [["called for", "new elections in the spring"]]
    _, table = run("The union pointed to the rising cost of bread.")
    assert contents(table) == [["pointed to", "the rising cost of bread"]]


def test_backing_a_plan_reports_the_plan_up_to_its_adverbial():
    text, table = run("The council backed the new budget on Monday.")
    assert contents(table) == [["backed", "the new budget"]]
    assert table.iloc[0]["kind"] == "belief" and mention(text, table.iloc[0]) == "The council"


def test_hoping_or_wishing_to_do_something_is_a_belief():
    _, table = run("Petrova hopes to hold a new vote. Her deputy would like to see lower taxes.")
    assert contents(table) == [
        ["hopes", "to hold a new vote"],
        ["would like", "to see lower taxes"],
    ]
    assert set(table["kind"]) == {"belief"}


def test_a_cited_reason_runs_past_a_place_adverbial():
    _, table = run("Petrova cited rising crime in the north as the reason for the curfew.")
    assert contents(table) == [["cited", "rising crime in the north as the reason for the curfew"]]


def test_verbs_that_report_a_clause_or_a_noun_phrase_without_that():
    _, table = run("The auditors concluded the budget was sound.")
    assert contents(table) == [["concluded", "the budget was sound"]]
    _, table = run("Petrova explained her vote against the budget.")
    assert contents(table) == [["explained", "her vote against the budget"]]
    _, table = run("Petrova outlined her plan for the port.")
    assert contents(table) == [["outlined", "her plan for the port"]]
    _, table = run("Petrova made clear she would not resign.")
    assert contents(table) == [["made clear", "she would not resign"]]


def test_an_outline_as_a_noun_reports_nothing():
    _, table = run("The outline of the plan was published in May.")
    assert table.empty, contents(table)


def test_an_expectation_without_a_holder_reports_its_subject_and_infinitive():
    text, table = run("The budget vote is widely expected to pass on Monday.")
    row = table.iloc[0]
    assert len(table) == 1 and row["rule"] == "expected-to" and pd.isna(row["speaker"])
    assert [text[s:e] for s, e in row["pieces"]] == ["The budget vote", "to pass on Monday"]
    assert row["kind"] == "belief"


def test_an_expectation_in_a_relative_clause_starts_at_the_pronoun():
    text, table = run("Petrova opened the fair, which is expected to draw large crowds.")
    (row,) = table.itertuples()
    assert [text[s:e] for s, e in row.pieces] == ["which", "to draw large crowds"]


def test_expected_without_an_infinitive_or_with_a_holder_is_no_expectation_frame():
    _, table = run("The delay was expected. Petrova expected the vote to fail.")
    assert "expected-to" not in set(table["rule"]), table[["text", "rule"]]


def test_an_impression_without_a_holder_reports_its_subject_and_what_follows():
    text, table = run("Petrova appears to be losing ground in the north.")
    (row,) = table.itertuples()
    assert row.rule == "seem-clause" and pd.isna(row.speaker) and row.kind == "belief"
    assert [text[s:e] for s, e in row.pieces] == ["Petrova", "to be losing ground in the north"]


def test_it_appears_that_reports_only_the_clause():
    text, table = run("It appears that the talks have failed.")
    assert [text[s:e] for s, e in table.iloc[0]["pieces"]] == ["that the talks have failed"]


def test_appearing_somewhere_is_no_impression():
    _, table = run("Petrova appeared on television on Monday.")
    assert table.empty, contents(table)


def test_an_impression_ends_before_a_gerund_that_makes_its_own_statement():
    text, table = run("The council appeared to back down, saying that the plan would wait.")
    row = table[table["rule"] == "seem-clause"].iloc[0]
    assert [text[s:e] for s, e in row["pieces"]] == ["The council", "to back down"]


def test_nouns_and_adjectives_that_share_a_cue_form_report_nothing():
    for sentence in (
        "The thought of a new tax kept Petrova awake.",
        "The attacks on the bridge stopped in May.",
        "The favored candidate lost the vote in Novi Grad.",
        "Everybody knew the mayor in the old town.",
        "Petrova maintained a lead of ten points.",
    ):
        _, table = run(sentence)
        assert table.empty, (sentence, contents(table))


def test_the_verb_forms_kept_after_the_nouns_went_still_report():
    _, table = run("Petrova thinks the plan will fail. The council attacked the budget.")
    assert contents(table) == [
        ["thinks", "the plan will fail"],
        ["attacked", "the budget"],
    ]
    _, table = run("Petrova maintained that the vote was fair.")
    assert contents(table) == [["maintained", "the vote was fair"]]


def test_unnamed_evidence_shows_things():
    text, table = run("Recent polls show Petrova leading in the capital.")
    assert contents(table) == [["show", "Petrova leading in the capital"]]
    assert mention(text, table.iloc[0]) == "Recent polls"


def test_a_show_on_television_is_no_source():
    _, table = run("Petrova hosts a radio show, “Novi Grad Tonight,” every week.")
    assert table.empty, contents(table)


def test_a_belief_inside_a_reported_statement_is_part_of_it():
    _, table = run("Petrova said she thinks the plan will fail.")
    assert contents(table) == [["said", "she thinks the plan will fail"]]


def test_a_belief_of_its_own_still_counts():
    _, table = run("Petrova thinks the plan will fail. Her deputy said the vote was fair.")
    assert contents(table) == [
        ["thinks", "the plan will fail"],
        ["said", "the vote was fair"],
    ]


def test_unquoted_content_ends_before_the_writers_next_clause():
    _, table = run("Petrova said the budget was late again, and the council has sued the city.")
    assert contents(table) == [["said", "the budget was late again"]]


def test_a_second_that_clause_stays_in_the_content():
    _, table = run("Petrova said the budget was late again, and that the council would sue.")
    assert contents(table) == [
        ["said", "the budget was late again, and that the council would sue"]
    ]


def test_a_question_put_to_someone_reports_the_question_without_an_asker():
    for sentence, question in (
        ("Asked whether the vote was fair, Petrova said it was.", "whether the vote was fair"),
        ("Petrova was asked if the vote was fair.", "if the vote was fair"),
    ):
        _, table = run(sentence)
        row = table[table["cue"].str.lower() == "asked"].iloc[0]
        assert row["text"] == question and row["rule"] == "question-cue"
        assert pd.isna(row["speaker"])


def test_a_quoted_question_put_to_someone_is_not_theirs():
    _, table = run("Petrova was asked, “Was the vote fair?”")
    assert "question-cue" not in set(table["rule"]), table[["text", "rule"]]


def test_a_noun_like_cue_form_in_capitals_is_part_of_a_name():
    _, table = run("The Secretary of State visited Novi Grad on Monday.")
    assert table.empty, contents(table)


def test_a_group_of_speakers_named_by_a_quantifier():
    text, table = run("Most of them said the plan was late. Some say the vote was fair.")
    assert contents(table) == [
        ["said", "the plan was late"],
        ["say", "the vote was fair"],
    ]
    assert [mention(text, row) for _, row in table.iterrows()] == ["Most of them", "Some"]


def test_an_appositive_with_a_hyphenated_word_still_leads_to_the_name():
    _, table = run("Ana Kova, a 14-year council clerk, said the records were lost.")
    assert contents(table) == [["said", "the records were lost"]]
    assert table.iloc[0]["speaker"] == "Ana Kova"


def test_here_after_a_speaker_phrase_is_not_part_of_it():
    text, table = run("Her campaign workers here said they had knocked on every door.")
    assert contents(table) == [["said", "they had knocked on every door"]]
    assert mention(text, table.iloc[0]) == "Her campaign workers"


def test_calling_someone_something_without_quotation_marks():
    _, table = run("Petrova called him divisive. Others call it a tax on the poor.")
    assert contents(table) == [
        ["called", "him divisive"],
        ["call", "it a tax on the poor"],
    ]


def test_calling_someone_on_the_phone_is_no_label():
    _, table = run("Petrova called him on Monday. The mayor called her to ask for help.")
    assert table.empty, contents(table)


def test_an_expectation_in_a_subordinate_or_relative_clause_ends_with_it():
    text, table = run("While the vote is not expected to pass, Petrova will campaign for it.")
    row = table[table["rule"] == "expected-to"].iloc[0]
    assert [text[s:e] for s, e in row["pieces"]] == ["the vote", "to pass"]
    text, table = run("The ruling, which is expected to come in May, worries Petrova.")
    row = table[table["rule"] == "expected-to"].iloc[0]
    assert [text[s:e] for s, e in row["pieces"]] == ["which", "to come in May"]


def test_an_expectation_ends_at_a_dash():
    text, table = run("The plant is expected to cut 200 jobs -- the first of many.")
    row = table[table["rule"] == "expected-to"].iloc[0]
    assert [text[s:e] for s, e in row["pieces"]] == ["The plant", "to cut 200 jobs"]


def test_a_question_asked_by_someone_names_the_asker():
    text, table = run("Asked by Ana Kova if the vote was fair, Petrova said it was.")
    row = table[table["rule"] == "question-cue"].iloc[0]
    assert row["text"] == "if the vote was fair" and mention(text, row) == "Ana Kova"


def test_a_gerund_cue_opening_a_sentence_belongs_to_the_main_clause_subject():
    text, table = run("Noting that the talks had failed, Petrova said she would resign.")
    row = table[table["rule"] == "participle-cue"].iloc[0]
    assert row["text"] == "the talks had failed" and mention(text, row) == "Petrova"
    text, table = run("Citing the budget, the mayor cancelled the fair.")
    (row,) = table.itertuples()
    assert row.text == "the budget" and text[row.speaker_start : row.speaker_end] == "the mayor"


def test_a_stance_verb_after_an_appositive_is_not_an_inverted_frame():
    text, table = run("Ana Kova, a council member since 2008, criticized the mayor for the delay.")
    assert contents(table) == [["criticized", "the mayor for the delay"]]
    assert mention(text, table.iloc[0]).startswith("Ana Kova")


def test_a_stance_verb_after_a_quotation_may_still_be_inverted():
    _, table = run("“The plan is a disgrace,” criticized Ana Kova, a council member.")
    assert table[["cue", "rule"]].values.tolist() == [["criticized", "quote-cue-speaker"]]


def test_a_reported_clause_ends_at_a_semicolon_outside_quotes():
    _, table = run("Petrova says the council has spent too much; Kova disagrees with her.")
    assert contents(table) == [["says", "the council has spent too much"]]


def test_a_reported_clause_ends_before_the_writers_parenthesis():
    _, table = run("Petrova said the mayor lied about the budget (the mayor denies it).")
    assert contents(table) == [["said", "the mayor lied about the budget"]]


def test_a_semicolon_inside_a_quotation_does_not_end_the_content():
    _, table = run("Petrova said the plan was “late; costly and unfair” for the town.")
    assert contents(table)[0][1].endswith("for the town")


def test_a_concessive_clause_stays_in_an_unquoted_report():
    _, table = run("Petrova said the budget was balanced, although the deficit grew in May.")
    assert contents(table) == [
        ["said", "the budget was balanced, although the deficit grew in May"]
    ]


def test_a_concessive_clause_after_a_quotation_is_the_writers():
    _, table = run("Petrova said the budget was “balanced” by the mayor, although it grew.")
    assert contents(table) == [["said", "the budget was “balanced” by the mayor"]]


def test_a_name_with_an_appositive_speaks_the_clause_after_the_cue():
    text, table = run("Mayor Ana Kova, a council veteran, said Novi Grad officials plan to act.")
    assert contents(table) == [["said", "Novi Grad officials plan to act"]]
    assert mention(text, table.iloc[0]).startswith("Mayor Ana Kova")


def test_a_name_with_a_role_appositive_speaks_the_clause_after_the_cue():
    text, table = run("Ana Kova, chair of the budget committee, said Novi Grad banks were shut.")
    assert contents(table) == [["said", "Novi Grad banks were shut"]]
    assert mention(text, table.iloc[0]).startswith("Ana Kova")


def test_an_unquoted_clause_goes_on_past_a_parenthetical_frame_and_a_conjunction():
    text, table = run("Kova may lose the vote, her aides say, but she will carry the north.")
    (row,) = table.itertuples()
    assert [text[s:e] for s, e in row.pieces] == [
        "Kova may lose the vote",
        "but she will carry the north",
    ]


def test_an_extraposed_that_clause_goes_on_past_a_parenthetical_frame():
    text, table = run("It matters a great deal, the mayor said, that the bridge opens in May.")
    (row,) = table.itertuples()
    assert [text[s:e] for s, e in row.pieces] == [
        "It matters a great deal",
        "that the bridge opens in May",
    ]


def test_a_reported_clause_goes_on_past_a_relative_clause_on_its_subject():
    _, table = run(
        "Petrova argued the new bridge, which the council approved in May, would cut traffic."
    )
    assert contents(table) == [
        ["argued", "the new bridge, which the council approved in May, would cut traffic"]
    ]


def test_a_reported_clause_in_a_fronted_subordinate_clause_ends_at_its_comma():
    _, table = run(
        "While Petrova argued that the bridge would cut traffic, the council voted it down."
    )
    assert contents(table) == [["argued", "the bridge would cut traffic"]]


def test_a_quotation_does_not_go_on_past_its_frame_and_a_conjunction():
    text, table = run("“Kova may lose the vote,” her aides say, but she will carry the north.")
    (row,) = table.itertuples()
    assert [text[s:e] for s, e in row.pieces] == ["Kova may lose the vote,"]


def test_a_reported_clause_goes_on_past_but_with_no_new_subject():
    _, table = run("Kova said that the council approved the new budget, but not the tax rise.")
    assert contents(table) == [
        ["said", "the council approved the new budget, but not the tax rise"]
    ]


def test_a_reported_clause_ends_before_but_with_a_new_subject():
    _, table = run("Kova said that the council approved the new budget, but the mayor vetoed it.")
    assert contents(table) == [["said", "the council approved the new budget"]]


def test_a_negated_auxiliary_is_not_part_of_the_speaker():
    text, table = run(
        "The two councillors didn't know that the vote had moved.\n\n"
        "Some residents don’t think the bridge will open this year.\n\n"
        "Kova hasn't indicated that she will run again."
    )
    assert [mention(text, row) for _, row in table.iterrows()] == [
        "The two councillors",
        "Some residents",
        "Kova",
    ]


def test_an_adverb_between_a_speaker_and_the_cue_is_not_the_speaker():
    text, table = run("Few councillors would ever admit that the budget was late.")
    assert mention(text, table.iloc[0]) == "Few councillors"


def test_a_determiner_or_participle_without_a_noun_is_no_speaker():
    text, table = run(
        "There is no doubt that the bridge will open in the spring.\n\n"
        "Having announced that the bridge would open, the mayor left the hall."
    )
    mentions = [mention(text, row) for _, row in table.dropna(subset=["speaker_start"]).iterrows()]
    assert "no" not in mentions and "Having" not in mentions, table[["text", "speaker", "rule"]]


def test_a_hyphenated_age_is_part_of_the_speaker():
    text, table = run("A 21-year-old student said that the talks had failed.")
    assert mention(text, table.iloc[0]) == "A 21-year-old student"


def test_content_after_an_addressee_starts_at_the_subject_pronoun():
    text, table = run("Petrova told reporters she would resign if the bridge closed.")
    assert len(table) == 1
    row = table.iloc[0]
    assert mention(text, row) == "Petrova"
    assert row["text"] == "she would resign if the bridge closed"


def test_mixed_content_after_an_addressee_starts_at_the_subject_pronoun():
    _text, table = run("Petrova told the radio station he had “made up the whole story.”")
    assert len(table) == 1
    assert table.iloc[0]["text"] == "he had “made up the whole story.”"


def test_a_particle_cue_after_a_noun_subject_is_a_verb():
    text, table = run("The harbour council called for a new vote on the bridge.")
    assert contents(table) == [["called for", "a new vote on the bridge"]]
    assert mention(text, table.iloc[0]) == "The harbour council"


def test_the_noun_before_a_particle_is_still_no_cue():
    _, table = run("The council's calls for a new vote went unheard.")
    assert table.empty, contents(table)


def test_a_one_word_named_object_is_the_content():
    text, table = run("Petrova endorsed Kova last week.")
    assert contents(table) == [["endorsed", "Kova"]]
    assert mention(text, table.iloc[0]) == "Petrova"


def test_a_one_word_object_pronoun_is_the_content():
    _, table = run("Kova criticized him.")
    assert contents(table) == [["criticized", "him"]]


def test_a_one_word_common_noun_after_an_object_verb_is_no_content():
    _, table = run("Kova criticized everything.")
    assert table.empty, contents(table)


def test_a_particle_gerund_after_a_quotation_frame_takes_its_speaker():
    _text, table = run("“It is a disgrace,” Petrova said, referring to the closed bridge.")
    rows = table.set_index("cue")
    assert rows.loc["referring to", "text"] == "the closed bridge"
    assert rows.loc["referring to", "rule"] == "participle-cue"
    assert rows.loc["referring to", "speaker"] == rows.loc["said", "speaker"]


def test_talking_about_a_topic_reports_an_unquoted_object():
    text, table = run("Petrova talked about the harbour tax for an hour.")
    assert contents(table) == [["talked about", "the harbour tax for an hour"]]
    assert mention(text, table.iloc[0]) == "Petrova"


def test_a_particle_with_its_object_gone_before_reports_nothing():
    _, table = run("The harbour tax is all they talked about, and nobody listened.")
    assert table.empty, contents(table)


def test_what_a_question_was_about_is_its_content():
    _, table = run("When asked about the harbour tax, Petrova left the hall.")
    assert contents(table) == [["asked", "the harbour tax"]]
    assert table.iloc[0]["rule"] == "question-cue"


def test_a_question_that_opens_with_which_is_its_content():
    _, table = run("Asked which bridge would close first, Kova shrugged.")
    assert contents(table) == [["Asked", "which bridge would close first"]]


def test_a_passive_asked_about_reports_the_topic():
    _, table = run("Kova was asked about the budget and walked away.")
    assert table.iloc[0]["rule"] == "question-cue"
    assert table.iloc[0]["text"].startswith("the budget")


def test_an_adjective_of_stance_after_be_reports_its_object():
    text, table = run("Petrova is supportive of the harbour plan.")
    assert contents(table) == [["supportive of", "the harbour plan"]]
    assert mention(text, table.iloc[0]) == "Petrova"


def test_an_adjective_of_stance_after_a_contracted_be_has_its_subject():
    text, table = run("Residents say little. They’re critical of the council, though.")
    row = table[table["cue"] == "critical of"].iloc[0]
    assert row["text"] == "the council"
    assert mention(text, row) == "They"


def test_an_adjective_of_stance_without_be_is_no_cue():
    _, table = run("The council published a report critical of the harbour plan.")
    assert table.empty, contents(table)


def test_not_mentioning_a_topic_reports_it():
    text, table = run("Petrova did not mention the harbour tax in her speech.")
    assert contents(table) == [["mention", "the harbour tax"]]
    assert mention(text, table.iloc[0]) == "Petrova"


def test_a_mention_as_a_noun_is_no_cue():
    _, table = run("The mention of the harbour tax drew boos.")
    assert table.empty, contents(table)


def test_a_phrasal_stance_verb_reports_its_object():
    _, table = run("Kova ripped into the harbour plan. Petrova laid out her budget on Monday.")
    assert contents(table) == [
        ["ripped into", "the harbour plan"],
        ["laid out", "her budget"],
    ]


def test_an_object_goes_on_through_a_phrase_inside_it():
    _, table = run("Petrova criticized his views on whether the bridge should close.")
    assert contents(table) == [["criticized", "his views on whether the bridge should close"]]


def test_an_object_ends_before_a_time_or_place_adverbial():
    _, table = run(
        "Petrova endorsed Kova in February. Kova criticized the plan in a statement.\n\n"
        "Petrova praised the mayor on Monday."
    )
    assert contents(table) == [
        ["endorsed", "Kova"],
        ["criticized", "the plan"],
        ["praised", "the mayor"],
    ]


def test_a_call_for_something_ends_with_its_noun_phrase():
    _, table = run("Petrova called for a boycott of the vote, and the mayor resigned.")
    assert contents(table) == [["called for", "a boycott of the vote"]]


def test_a_sentence_opening_with_in_a_poll_reports_what_the_poll_found():
    text, table = run("In a new harbour survey, most residents would keep the old ferry.")
    assert contents(table) == [["In", "most residents would keep the old ferry"]]
    assert table.iloc[0]["rule"] == "in-poll"
    assert mention(text, table.iloc[0]) == "a new harbour survey"


def test_a_participle_after_the_poll_is_part_of_its_phrase():
    _, table = run("In the council’s poll, conducted in May, 40 percent would close the bridge.")
    assert contents(table) == [["In", "40 percent would close the bridge"]]


def test_in_a_place_is_no_poll():
    _, table = run("In Novi Grad, the bridge reopened on Monday after repairs.")
    assert table.empty, contents(table)


def test_eager_after_be_reports_its_infinitive():
    text, table = run("Kova was eager to reopen the bridge before winter.")
    assert contents(table) == [["eager", "to reopen the bridge before winter"]]
    assert mention(text, table.iloc[0]) == "Kova"


def test_hostile_to_after_be_reports_its_object():
    _, table = run("The harbour unions are hostile to the new toll.")
    assert contents(table) == [["hostile to", "the new toll"]]


def test_supporting_a_candidate_after_be_is_a_stance():
    text, table = run("Petrova is supporting Kova for mayor.")
    assert contents(table) == [["supporting", "Kova for mayor"]]
    assert mention(text, table.iloc[0]) == "Petrova"


def test_phrasal_stance_verbs_with_a_preposition_report_their_object():
    _, table = run("Kova sided with the unions. Petrova apologized for the delays.")
    assert contents(table) == [["sided with", "the unions"], ["apologized for", "the delays"]]


def test_sought_reports_its_infinitive():
    text, table = run("Petrova sought to calm the harbour workers.")
    assert contents(table) == [["sought", "to calm the harbour workers"]]
    assert mention(text, table.iloc[0]) == "Petrova"


def test_the_present_seeks_to_is_the_writers_account_of_an_aim():
    _, table = run("The port grows busier, while the council seeks to widen the quay.")
    assert table.empty, contents(table)
