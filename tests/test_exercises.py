"""The course's self-checks: a right, a partly right and a wrong answer for each exercise."""

from __future__ import annotations

import pandas as pd
import pytest

import kosovo_kit as kk
from kosovo_kit import exercise_answers, exercises
from kosovo_kit.exercises import Feedback

PESKOV_PARAGRAPH = 3
BURGER_PARAGRAPH = 9


@pytest.fixture(scope="module")
def article() -> kk.Article:
    return kk.load_article()


def assert_done(fb: Feedback) -> None:
    assert fb.done, str(fb)
    assert fb.score == 1.0
    assert fb.right and not fb.again and not fb.missing
    assert "all done" in str(fb)


def assert_partly(fb: Feedback) -> None:
    assert not fb.done, str(fb)
    assert 0 < fb.score < 1
    assert fb.right, "partly right answers are told what is right"
    assert fb.hint, "an unfinished answer gets a hint"


def assert_wrong(fb: Feedback) -> None:
    assert not fb.done and fb.score == 0, str(fb)
    assert not fb.right
    assert fb.again or fb.missing
    assert fb.hint


def test_every_model_answer_passes_its_check():
    for name, answer in exercise_answers.model_answers().items():
        assert_done(getattr(exercises, name)(answer))


def test_sides():
    assert_done(
        exercises.check_sides(
            {
                "dmitry peskov": "russia",
                "Milos Vucevic": "Serbia",
                "Christofer Burger": "Berlin",
                "the federal government": "Germany",
            }
        )
    )
    fb = exercises.check_sides({"Dmitry Peskov": "Russia", "Milos Vucevic": "Kosovo"})
    assert_partly(fb)
    assert "Kremlin spokesman Dmitry Peskov" in str(fb)  # the evidence for what is right
    assert any("Milos Vucevic" in line and "Kosovo" in line for line in fb.again)
    assert any("Christofer Burger" in line for line in fb.missing)
    assert "which country's minister" in fb.hint
    fb = exercises.check_sides({"Dmitry Peskov": "Serbia", "Vladimir Putin": "Russia"})
    assert_wrong(fb)
    assert any("Vladimir Putin" in line and "not one of the items" in line for line in fb.again)


def test_sides_needs_a_mapping():
    with pytest.raises(TypeError, match="as a dict"):
        exercises.check_sides(["Russia", "Serbia"])  # type: ignore[arg-type]


def test_translation_signs(article):
    assert_done(
        exercises.check_translation_signs(
            [
                "( y) be guaranteed",
                "following recent tensions be Kosovo",
                "the 2008 proclaimed independence",
            ],
            article,
        )
    )
    fb = exercises.check_translation_signs(
        ["ban the life of Serbs", "Belgrade", "not in the text at all"], article
    )
    assert_partly(fb)
    assert fb.score == pytest.approx(1 / 3)
    assert any("ordinary English" in line for line in fb.again)
    assert any("not in the article as written" in line for line in fb.again)
    assert any("2 more" in line for line in fb.missing)
    assert_wrong(exercises.check_translation_signs(["Russia supports Serbia"], article))


def test_a_sign_given_twice_counts_once(article):
    fb = exercises.check_translation_signs(["tensions be Kosovo", "tensions be Kosovo"], article)
    assert fb.score == pytest.approx(1 / 3)
    assert any("same passage" in line for line in fb.again)


def test_offsets(article):
    start = article.text.find("Dmitry Peskov")
    assert_done(exercises.check_offsets(start, start + 13, article))
    fb = exercises.check_offsets(start, start + 12, article)
    assert_partly(fb)
    assert "Dmitry Pesko”" in str(fb) and "one character early" in str(fb)
    later = article.text.find("Dmitry Peskov", start + 1)
    fb = exercises.check_offsets(later, later + 13, article)
    assert_partly(fb)
    assert "later mention" in str(fb)
    fb = exercises.check_offsets(0, 5, article)
    assert_wrong(fb)
    assert "“Tensi”" in str(fb)
    assert_wrong(exercises.check_offsets(10, 2, article))
    assert_wrong(exercises.check_offsets("a", 2, article))  # type: ignore[arg-type]


def test_sentence_split(article):
    para = article.paragraphs.text[PESKOV_PARAGRAPH]
    second = para.index("“And")
    assert_done(exercises.check_sentence_split([para[:second], para[second:]], article))
    after_ed = para.index("ed.)") + 3
    fb = exercises.check_sentence_split(
        [para[:after_ed], para[after_ed:second], para[second:]], article
    )
    assert not fb.done
    assert any("abbreviates “editor”" in line for line in fb.again)
    before_mark = para.index("guaranteed") + len("guaranteed")
    fb = exercises.check_sentence_split([para[:before_mark], para[before_mark:]], article)
    assert_partly(fb)
    assert any("closing quotation mark" in line for line in fb.again)
    fb = exercises.check_sentence_split([para], article)
    assert_partly(fb)
    assert any("guaranteed”." in line for line in fb.missing)
    fb = exercises.check_sentence_split(["Something else entirely."], article)
    assert_wrong(fb)
    assert "copy it" in str(fb)


def test_word_counts(article):
    tokens = article.tokens["text"]
    right = {w: int((tokens == w).sum()) for w in exercise_answers.WORD_COUNT_WORDS}
    assert_done(exercises.check_word_counts(right, article))
    # “Serbia’s” occurs in the article, so leaving possessives out gives a smaller count
    without = right["Serbia"] - article.text.count("Serbia’s")
    assert without < right["Serbia"]
    fb = exercises.check_word_counts({**right, "Serbia": without}, article)
    assert_partly(fb)
    assert any("possessive" in line for line in fb.again)
    fb = exercises.check_word_counts({"Serbia": 100, "Kosovo": "many"}, article)
    assert_wrong(fb)
    assert any("too high" in line for line in fb.again)
    assert any("whole number" in line for line in fb.again)
    assert any("Belgrade" in line for line in fb.missing)


def test_statement_kinds():
    items = exercises.statements_to_classify()
    assert list(items["item"]) == ["A", "B", "C", "D", "E"]
    fb = exercises.check_statement_kinds(
        {"A": "direct", "B": "direct", "C": "indirect", "D": "quote"}
    )
    assert_partly(fb)
    assert fb.score == pytest.approx(2 / 5)
    assert any("“quote” is not one of direct, mixed, indirect" in line for line in fb.again)
    assert any(line.startswith("E (") for line in fb.missing)
    assert "quotation mark" in fb.hint
    assert_wrong(exercises.check_statement_kinds({"A": "indirect", "B": "direct"}))


def test_references():
    assert list(exercises.references_to_resolve()["item"]) == ["A", "B", "C", "D"]
    assert_done(
        exercises.check_references(
            {"a": "Peskov", "b": "German federal government", "c": "Serbia", "d": "Serbia"}
        )
    )
    fb = exercises.check_references({"A": "Dmitry Peskov", "C": "Kosovo"})
    assert_partly(fb)
    assert "whose defence minister" in fb.hint
    assert_wrong(exercises.check_references({"A": "Burger"}))


def test_tone_words(article):
    table = kk.explain_sentiment(exercises.tone_statement(article))
    scored = sorted(set(table.loc[table["valence"] != 0, "token"].str.lower()))
    assert scored, "the statement holds words the lexicon scores"
    assert_done(exercises.check_tone_words(scored, article))
    fb = exercises.check_tone_words([scored[0], "northern", "banana"], article)
    assert_partly(fb)
    assert any("no valence" in line for line in fb.again)
    assert any("not a word of the statement" in line for line in fb.again)
    assert len(fb.missing) == len(scored) - 1
    assert_wrong(exercises.check_tone_words(["soon"], article))


def test_feedback_html_escapes_what_a_student_typed():
    fb = exercises.check_sides({"<script>x</script>": "Russia"})
    assert "<script>" not in fb._repr_html_()
    assert "&lt;script&gt;" in fb._repr_html_()


def test_annotation_of_the_burger_paragraph(article):
    text = article.text
    start = text.index("We are very concerned")
    statement = text[start : text.index("”", start)]
    table = exercises.annotation_table(
        [{"content": statement, "speaker": "Christofer Burger"}], article
    )
    assert table.loc[0, "text"] == statement
    assert text[table.loc[0, "speaker_start"] : table.loc[0, "speaker_end"]] == "Christofer Burger"
    fb = exercises.check_annotation(table, [BURGER_PARAGRAPH], article)
    assert fb.done, str(fb)
    assert "1 of 1 gold statements" in fb.title


def test_annotation_partly_right_says_what_is_missing(article):
    rows = [
        {
            "content": "We have very close allied, historical and spiritual ties with Serbia,",
            "speaker": "Dmitry Peskov",
        },
        {"content": "Kremlin spokesman Dmitry Peskov told reporters", "speaker": ""},
    ]
    fb = exercises.check_annotation(
        exercises.annotation_table(rows, article), [PESKOV_PARAGRAPH], article
    )
    assert_partly(fb)
    assert any("We have very close allied" in line for line in fb.right)
    assert any("does not match a gold statement" in line for line in fb.again)
    assert fb.missing, "the paragraph holds more statements than the one found"
    assert "one statement per cue" in fb.hint


def test_annotation_in_brat_and_a_wrong_one(article, tmp_path):
    wrong = pd.DataFrame(
        {
            "start": [0],
            "end": [41],
            "speaker": [None],
            "speaker_start": [None],
            "speaker_end": [None],
        }
    )
    fb = exercises.check_annotation(wrong, [0, PESKOV_PARAGRAPH], article)
    assert_wrong(fb)
    # A BRAT file written from the kit's own table is read and scored the same way.
    quotes = kk.attribute_quotes(article)
    path = tmp_path / "student.ann"
    kk.write_brat(quotes[quotes["paragraph_id"] == BURGER_PARAGRAPH], path, article.text)
    assert exercises.check_annotation(path, [BURGER_PARAGRAPH], article).right


def test_an_empty_annotation_lists_every_gold_statement_as_missing(article):
    fb = exercises.check_annotation(
        exercises.annotation_table([], article), [BURGER_PARAGRAPH], article
    )
    assert_wrong(fb)
    assert len(fb.missing) >= 1 and "0 of" in fb.title


def test_annotation_table_says_what_it_cannot_find(article):
    with pytest.raises(ValueError, match="row 1: the content"):
        exercises.annotation_table([{"content": "Nobody said this", "speaker": ""}], article)
    with pytest.raises(ValueError, match="row 1: the speaker “Angela Merkel”"):
        exercises.annotation_table(
            [{"content": "We are very concerned", "speaker": "Angela Merkel"}], article
        )


def test_annotation_rejects_unknown_paragraphs(article):
    with pytest.raises(ValueError, match="not in the article"):
        exercises.check_annotation(pd.DataFrame(), [99], article)
