"""Actor mentions and the gazetteer: spans, canonical names, sides, user files and their errors."""

from __future__ import annotations

import pandas as pd
import pytest

import kosovo_kit as kk
from kosovo_kit import actors, attribute_quotes, load_gazetteer
from kosovo_kit.gazetteer import MENTION_COLUMNS

TEXT = (
    "Kosovo tensions rise\n\n"
    "Moscow's view is clear: Kremlin spokesman Dmitry Peskov backed Belgrade on Monday.\n\n"
    "Albin Kurti and Vucic met in Brussels.\n\n"
    "READ MORE: Osmani visits Berlin"
)


def by_text(table: pd.DataFrame) -> dict[str, tuple[str, str]]:
    return {row.text: (row.canonical, row.actor) for row in table.itertuples()}


def test_actor_mentions_have_exact_spans():
    table = actors(TEXT)
    assert list(table.columns) == list(MENTION_COLUMNS)
    assert len(table) > 0
    for row in table.itertuples():
        assert TEXT[row.start : row.end] == row.text
    assert list(table["start"]) == sorted(table["start"])
    assert list(table["mention_id"]) == list(range(len(table)))


def test_actor_mentions_give_canonical_names_and_sides():
    found = by_text(actors(TEXT))
    assert found["Dmitry Peskov"] == ("Dmitry Peskov", "Russia")
    assert found["Albin Kurti"] == ("Albin Kurti", "Kosovo")
    assert found["Vucic"] == ("Aleksandar Vucic", "Serbia")
    assert found["Belgrade"][1] == "Serbia"
    assert found["Kosovo"][1] == "Kosovo"


def test_possessive_mention_is_found():
    table = actors(TEXT)
    moscow = table[table["text"] == "Moscow"]
    assert len(moscow) == 1
    row = moscow.iloc[0]
    assert TEXT[row["start"] : row["end"] + 2] == "Moscow's"
    assert row["actor"] == "Russia"


def test_headline_counts_but_boilerplate_does_not():
    table = actors(TEXT)
    article = kk.Article.from_text(TEXT)
    kinds = {p.paragraph_id: p.kind for p in article.paragraph_spans}
    assert kinds[0] == "title" and kinds[3] == "boilerplate"
    assert 0 in set(table["paragraph_id"])  # "Kosovo" in the headline
    assert 3 not in set(table["paragraph_id"])
    assert "Osmani" not in set(table["text"])


def test_sentence_and_paragraph_ids():
    article = kk.Article.from_text(TEXT)
    table = actors(article)
    for row in table.itertuples():
        sentence = article.sentence_spans[row.sentence_id]
        assert sentence.start <= row.start < row.end <= sentence.end
        assert sentence.paragraph_id == row.paragraph_id


def test_article_and_string_give_the_same_mentions():
    pd.testing.assert_frame_equal(actors(TEXT), actors(kk.Article.from_text(TEXT)))


# --- user gazetteers --------------------------------------------------------------------------


def write(tmp_path, content: str, name: str = "mine.csv"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


USER_CSV = (
    "alias,canonical,actor,type,note\n"
    "Jelena Markovic,Jelena Markovic,Serbia,person,mayor of a northern town\n"
    "Markovic,Jelena Markovic,Serbia,person,surname\n"
)
USER_TEXT = "Jelena Markovic and Dmitry Peskov spoke on Monday. Markovic left early."


def test_user_csv_extends_the_shipped_gazetteer(tmp_path):
    path = write(tmp_path, USER_CSV)
    gaz = load_gazetteer(path)
    assert gaz.get("Markovic").canonical == "Jelena Markovic"
    assert gaz.get("Peskov").canonical == "Dmitry Peskov"
    assert len(gaz) == len(load_gazetteer()) + 2
    found = actors(USER_TEXT, gazetteer=path)
    assert list(found["canonical"]) == ["Jelena Markovic", "Dmitry Peskov", "Jelena Markovic"]
    assert list(found["actor"]) == ["Serbia", "Russia", "Serbia"]


def test_user_csv_replaces_the_shipped_gazetteer(tmp_path):
    gaz = load_gazetteer(write(tmp_path, USER_CSV), extend=False)
    assert len(gaz) == 2
    assert gaz.get("Peskov") is None
    found = actors(USER_TEXT, gazetteer=gaz)
    assert list(found["text"]) == ["Jelena Markovic", "Markovic"]
    # the demonyms stay: a Serbian official still speaks for Serbia
    table = attribute_quotes(
        "Border stays shut\n\nA Serbian official said that the border would stay closed.",
        gaz,
    )
    assert list(table["actor"]) == ["Serbia"]


def test_user_entry_wins_over_the_shipped_one(tmp_path):
    path = write(tmp_path, "alias,canonical,actor\nPeskov,Peskov family,Serbia\n")
    assert load_gazetteer(path).get("Peskov").actor == "Serbia"
    assert load_gazetteer().get("Peskov").actor == "Russia"  # the shipped one is untouched


def test_user_dataframe_without_optional_columns():
    gaz = load_gazetteer(pd.DataFrame({"alias": ["Markovic"], "canonical": ["Jelena Markovic"]}))
    entry = gaz.get("markovic")
    assert entry.canonical == "Jelena Markovic"
    assert entry.actor is None


def test_missing_file(tmp_path):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(FileNotFoundError, match=r"nowhere\.csv"):
        load_gazetteer(missing)


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        (
            "alias,canonical,actor\nKurti,Albin Kurti,Kosovo\nOsmani,Vjosa Osmani,Kosovo,extra\n",
            3,
            "fields",
        ),
        ("alias,canonical,actor\nKurti,Albin Kurti,Kosovo\n,Vjosa Osmani,Kosovo\n", 3, "alias"),
        ("alias,canonical,actor\n  ,Albin Kurti,Kosovo\n", 2, "alias"),
        ("alias,canonical,actor\nKurti,,Kosovo\n", 2, "canonical"),
    ],
    ids=["too-many-fields", "empty-alias", "blank-alias", "empty-canonical"],
)
def test_malformed_csv_names_file_and_line(tmp_path, content, line, what):
    path = write(tmp_path, content, "broken.csv")
    with pytest.raises(ValueError, match=rf"broken\.csv, line {line}\b.*{what}"):
        load_gazetteer(path)


def test_malformed_csv_line_number_counts_blank_lines(tmp_path):
    content = "alias,canonical,actor\nKurti,Albin Kurti,Kosovo\n\n,Vjosa Osmani,Kosovo\n"
    path = write(tmp_path, content, "broken.csv")
    with pytest.raises(ValueError, match=r"broken\.csv, line 4\b"):
        load_gazetteer(path)


def test_missing_column_names_file_and_column(tmp_path):
    path = write(tmp_path, "alias,actor\nKurti,Kosovo\n", "broken.csv")
    with pytest.raises(ValueError, match=r"broken\.csv.*canonical.*header"):
        load_gazetteer(path)


def test_dataframe_missing_column():
    with pytest.raises(ValueError, match="canonical"):
        load_gazetteer(pd.DataFrame({"alias": ["Kurti"]}))


def test_paragraph_matches_are_found_once_per_gazetteer():
    from kosovo_kit.gazetteer import paragraph_matches
    from kosovo_kit.text import Article

    article = Article.from_text("Talks\n\nPutin met Vucic.\n\nREAD MORE: Putin news")
    shipped = load_gazetteer()
    first = paragraph_matches(article, shipped)
    assert paragraph_matches(article, shipped) is first
    # body and title paragraphs are searched, boilerplate is not
    assert sorted(first) == [0, 1]
    assert [article.text[s:e] for s, e, _ in first[1]] == ["Putin", "Vucic"]
    # another gazetteer gets its own matches, not the cached ones
    own = pd.DataFrame({"alias": ["Talks"], "canonical": ["Talks"], "actor": [""], "type": ["org"]})
    mine = load_gazetteer(own)
    assert [article.text[s:e] for s, e, _ in paragraph_matches(article, mine)[0]] == ["Talks"]
