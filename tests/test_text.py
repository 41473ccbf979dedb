"""The text model: paragraphs, sentences and tokens with exact offsets."""

from __future__ import annotations

import pytest

import kosovo_kit as kk
from kosovo_kit.text import Article

NEWS = (
    "Tensions in Kosovo: Russia supports Serbia\n"
    "Tensions in Kosovo: Russia supports Serbia\n"
    "\n"
    "BELGRADE – Kremlin spokesman Dmitry Peskov said on Wednesday (December 28) that "
    "Moscow supports Belgrade. “We support Belgrade,” he said.\n"
    "SEE ALSO – Another story about the Balkans\n"
    "Germany condemns the policies\n"
    "The German Foreign Office said it was a “very bad signal”. Mr. Burger of the U.S. "
    "office (in Kosovo, ed.) agreed.\n"
)


def check_offsets(article: Article) -> None:
    for table in (article.paragraphs, article.sentences, article.tokens):
        for row in table.itertuples():
            assert article.text[row.start : row.end] == row.text


def test_paragraph_kinds_follow_general_rules():
    article = Article.from_text(NEWS)
    kinds = article.paragraphs["kind"].tolist()
    assert kinds == ["title", "boilerplate", "body", "boilerplate", "heading", "body"]
    assert article.title == "Tensions in Kosovo: Russia supports Serbia"
    check_offsets(article)


def test_sentences_keep_closing_quotes_and_abbreviations():
    article = Article.from_text(NEWS)
    sentences = article.sentences["text"].tolist()
    assert "“We support Belgrade,” he said." in sentences
    assert "The German Foreign Office said it was a “very bad signal”." in sentences
    assert "Mr. Burger of the U.S. office (in Kosovo, ed.) agreed." in sentences
    # sentences never cross paragraphs
    for row in article.sentences.itertuples():
        p = article.paragraphs.iloc[row.paragraph_id]
        assert p.start <= row.start < row.end <= p.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said: “Yes.” She said no.", ["He said: “Yes.”", "She said no."]),
        ("«Nous sommes prêts.» Il est parti.", ["«Nous sommes prêts.»", "Il est parti."]),
        ("It was 'final.' Then he left.", ["It was 'final.'", "Then he left."]),
        ('"Go." He went.', ['"Go."', "He went."]),
        (
            "Gen. Smith met Dr. Jones on Dec. 5. They talked.",
            ["Gen. Smith met Dr. Jones on Dec. 5.", "They talked."],
        ),
        ("Wait… what? Yes!", ["Wait… what?", "Yes!"]),
        (
            "Sen. Ana Brey (D-Mo.), who backs the plan, agreed. She left.",
            ["Sen. Ana Brey (D-Mo.), who backs the plan, agreed.", "She left."],
        ),
        (
            "Brey, the No. 2 in the party, agreed. She left.",
            ["Brey, the No. 2 in the party, agreed.", "She left."],
        ),
        ("The answer was No. Then he left.", ["The answer was No.", "Then he left."]),
    ],
)
def test_sentence_splitting_cases(text, expected):
    article = Article.from_text(text)
    assert article.sentences["text"].tolist() == expected


def test_sentence_breaks_with_learned_punkt_statistics_use_punkt_itself():
    from nltk.tokenize.punkt import PunktParameters

    from kosovo_kit.tokenise import _NewsPunkt

    params = PunktParameters()
    params.abbrev_types = {"gen"}
    plain = _NewsPunkt(params)
    # Without statistics an abbreviation never ends a sentence ...
    assert not plain.text_contains_sentbreak("Gen. He")
    # ... with "he" learned as a frequent sentence starter, Punkt's own rule breaks there.
    params.sent_starters = {"he"}
    assert _NewsPunkt(params).text_contains_sentbreak("Gen. He")


def test_token_kinds_and_offsets():
    text = "“Serbia’s army,” said Gen. Milan Mojsilovic – 3.5% of 1,000 ... ok"
    article = Article.from_text(text)
    toks = list(zip(article.tokens["text"], article.tokens["kind"]))
    assert toks[:5] == [
        ("“", "quote"),
        ("Serbia", "word"),
        ("’s", "word"),
        ("army", "word"),
        (",", "punct"),
    ]
    assert ("Gen.", "word") in toks
    assert ("3.5%", "number") in toks and ("1,000", "number") in toks
    assert ("–", "punct") in toks and ("...", "punct") in toks
    check_offsets(article)


def test_windows_newlines_and_bom_keep_exact_offsets(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("\ufeffTitle line\r\n\r\nFirst para. Second one.\r\nNext para.\r\n".encode())
    article = kk.load_article(path)
    assert not article.text.startswith("\ufeff")
    assert article.paragraphs["text"].tolist() == [
        "Title line",
        "First para. Second one.",
        "Next para.",
    ]
    check_offsets(article)


def test_hard_wrapped_paragraphs_are_joined():
    line = "word " * 14
    text = f"{line}\n{line}\n{line}end.\n\nNext paragraph here."
    article = Article.from_text(text)
    assert len(article.paragraphs) == 2


def test_sidecar_metadata_and_title(tmp_path):
    (tmp_path / "a.txt").write_text("Some headline\n\nBody text here.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"date": "2024-01-02", "outlet": "X"}', encoding="utf-8")
    article = kk.load_article(tmp_path / "a.txt")
    assert article.metadata["date"] == "2024-01-02"
    assert article.metadata["outlet"] == "X"
    assert article.title == "Some headline"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("café".encode("latin-1"), "not valid UTF-8"),
        ("\ufeffhi".encode("utf-16"), "UTF-16"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as info:
        kk.load_article(path)
    assert str(path) in str(info.value)


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        kk.load_article(tmp_path / "nope.txt")
    with pytest.raises(ValueError, match="is a folder"):
        kk.load_article(tmp_path)


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(ValueError, match="over the limit"):
        kk.load_article(path, max_bytes=100)
    assert kk.load_article(path, max_bytes=10_000).text.startswith("word")


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["a"]])
def test_from_text_type_errors(bad):
    with pytest.raises(TypeError, match="must be a str"):
        Article.from_text(bad)


@pytest.mark.parametrize("blank", ["", "  \n\t"])
def test_from_text_blank(blank):
    with pytest.raises(ValueError, match="empty"):
        Article.from_text(blank)


def test_repr_html_escapes_text():
    article = Article.from_text("<script>alert(1)</script> said the <b>man</b>.", source="<x>")
    out = article._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>man" not in out


def test_bundled_article_metadata():
    names = kk.bundled_articles()
    assert names, "at least one bundled article"
    import json

    meta = json.loads(next(iter(names.values())).read_text(encoding="utf-8"))
    assert meta["title"] == "Tensions in Kosovo: Russia supports Serbia"
    assert meta["date"] == "2022-12-28"
    assert meta["language"] == "en"


def test_of_two_headline_copies_the_one_written_as_the_title_is_the_title():
    text = "Floods hit Belgrade again\n\nFloods hit Belgrade, again\n\nRivers rose on Monday."
    article = Article.from_text(text, title="Floods hit Belgrade, again")
    assert article.paragraphs["kind"].tolist() == ["boilerplate", "title", "body"]
    # without a title, the first copy stays the title and the second is the duplicate
    plain = Article.from_text(text)
    assert plain.paragraphs["kind"].tolist() == ["title", "boilerplate", "body"]
    assert plain.title == "Floods hit Belgrade again"


def test_paragraph_token_ids_do_not_depend_on_what_is_cached():
    text = "Title\n\nFirst paragraph here. Two sentences.\n\nSecond one, “quoted,” he said.\n"
    whole = Article.from_text(text)
    want = [
        [t for t in whole.token_spans if t.paragraph_id == p.paragraph_id]
        for p in whole.paragraph_spans
    ]
    fresh = Article.from_text(text)
    last = fresh.paragraph_spans[-1].paragraph_id
    assert fresh.paragraph_tokens(last) == want[last]  # nothing tokenised before
    assert "token_spans" not in fresh.__dict__
    assert [fresh.paragraph_tokens(p.paragraph_id) for p in fresh.paragraph_spans] == want
    assert want[last][0].token_id > 0
