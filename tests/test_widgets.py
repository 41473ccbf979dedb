"""Widgets driven from Python: selection, filters, comparison, toggles and uploads."""

from __future__ import annotations

import datetime
import html
import re

import pandas as pd
import pytest

from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.stance import add_sentiment
from kosovo_kit.text import Article
from kosovo_kit.widgets import (
    ALL,
    ActorExplorer,
    ArticleViewer,
    UploadArticles,
    content_words,
)

NEWS = """Serbia puts army on alert over Kosovo tensions

BELGRADE, Dec 28 - Serbian Defense Minister Milos Vucevic announced that the army was on alert.

“We support Belgrade,” Kremlin spokesman Dmitry Peskov said. “Russia follows the situation.”

“This is a very bad signal,” said Foreign Office spokesman Christofer Burger.
He added that Germany wanted calm.

Kosovo Prime Minister Albin Kurti said Serbia was trying to destabilise Kosovo.
"""


@pytest.fixture(scope="module")
def article() -> Article:
    return Article.from_text(NEWS)


@pytest.fixture(scope="module")
def quotes(article) -> pd.DataFrame:
    return add_sentiment(attribute_quotes(article))


def _table_rows(explorer: ActorExplorer) -> list[str]:
    return re.findall(r"<tr data-quote=.*?</tr>", explorer.table.value, flags=re.S)


def _rows_text(explorer: ActorExplorer) -> str:
    return html.unescape(" ".join(_table_rows(explorer)))


def test_dropdown_lists_actors_and_speakers(article, quotes):
    explorer = ActorExplorer(article, quotes)
    values = [v for _, v in explorer.dropdown.options]
    labels = [label for label, _ in explorer.dropdown.options]
    assert values[0] == ALL
    assert ("actor", "Russia") in values
    assert ("speaker", "Dmitry Peskov") in values
    assert any(label.startswith("Dmitry Peskov (speaker") for label in labels)
    assert any(label.startswith("Russia (actor") for label in labels)
    assert len(_table_rows(explorer)) == len(quotes)


def test_selecting_a_speaker_shows_only_their_statements(article, quotes):
    explorer = ActorExplorer(article, quotes)
    explorer.dropdown.value = ("speaker", "Dmitry Peskov")
    peskov = quotes[quotes["speaker"] == "Dmitry Peskov"]
    assert len(_table_rows(explorer)) == len(peskov) > 0
    assert "We support Belgrade" in _rows_text(explorer)
    assert "bad signal" not in _rows_text(explorer)

    explorer.dropdown.value = ("speaker", "Christofer Burger")
    assert "bad signal" in _rows_text(explorer)
    assert "We support Belgrade" not in _rows_text(explorer)
    # The text view highlights only the chosen speaker's statements.
    marked = set(re.findall(r'<mark[^>]*data-actor="([^"]*)"', explorer.text_view.value))
    assert marked == {"Germany"}
    assert "Christofer Burger" in explorer.count.value


def test_selecting_an_actor(article, quotes):
    explorer = ActorExplorer(article, quotes)
    explorer.dropdown.value = ("actor", "Russia")
    assert set(explorer.selected["actor"]) == {"Russia"}
    assert len(_table_rows(explorer)) == int((quotes["actor"] == "Russia").sum())


def test_filters_narrow_rows(article, quotes):
    explorer = ActorExplorer(article, quotes)
    n_all = len(_table_rows(explorer))
    explorer.kinds.value = ("direct",)
    direct = len(_table_rows(explorer))
    assert direct == int((quotes["kind"] == "direct").sum())
    assert 0 < direct < n_all
    explorer.kinds.value = tuple(explorer.kinds.options)
    explorer.tone.value = (-1.0, -0.1)
    negative = explorer.selected
    assert len(negative) == int((quotes["compound"] <= -0.1).sum()) > 0
    assert (negative["compound"] <= -0.1).all()
    assert len(_table_rows(explorer)) == len(negative) < n_all
    assert "bad signal" in _rows_text(explorer)


def test_compare_two_actors(article, quotes):
    explorer = ActorExplorer(article, quotes)
    explorer.compare_a.value = ("actor", "Germany")
    explorer.compare_b.value = ("actor", "Russia")
    table = explorer.comparison()
    assert table.loc["who", "A"] == "Germany (actor)"
    assert table.loc["statements", "A"] == int((quotes["actor"] == "Germany").sum())
    assert table.loc["statements", "B"] == int((quotes["actor"] == "Russia").sum())
    mean = quotes.loc[quotes["actor"] == "Germany", "compound"].mean()
    assert table.loc["mean tone", "A"] == f"{mean:+.2f}"
    assert "signal" in table.loc["frequent words", "A"]
    assert "belgrade" in table.loc["frequent words", "B"]
    view = html.unescape(explorer.compare_view.value)
    assert "Germany (actor)" in view and "Russia (actor)" in view and "signal" in view


def test_content_words_skip_stopwords():
    words = content_words(
        ["We support the people of Kosovo and Kosovo's future.", "The people", None]
    )
    assert words[0] == ("people", 2)
    assert all(w not in ("the", "and", "we", "of") for w, _ in words)


def test_css_classes_for_browser_tests(article, quotes):
    explorer = ActorExplorer(article, quotes)
    assert "kk-actor-dropdown" in explorer.dropdown._dom_classes
    assert "kk-statements" in explorer.table._dom_classes
    assert "kk-text-view" in explorer.text_view._dom_classes
    assert "kk-actor-explorer" in explorer.widget._dom_classes


def test_explorer_computes_quotes_when_missing():
    explorer = ActorExplorer("“We support Belgrade,” Kremlin spokesman Dmitry Peskov said.")
    assert "compound" in explorer.quotes.columns
    assert ("speaker", "Dmitry Peskov") in [v for _, v in explorer.dropdown.options]


def test_explorer_escapes_speaker_names():
    text = "“We will act,” Ivan Evil said."
    quotes = add_sentiment(attribute_quotes(text))
    quotes["speaker"] = "<script>alert(1)</script>"
    quotes["actor"] = "<img src=x onerror=alert(2)>"
    explorer = ActorExplorer(text, quotes)
    explorer.dropdown.value = ("speaker", "<script>alert(1)</script>")
    for value in (
        explorer.table.value,
        explorer.text_view.value,
        explorer.count.value,
        explorer.compare_view.value,
    ):
        assert "<script" not in value and "<img" not in value


def test_article_viewer_toggles_change_html(article, quotes):
    viewer = ArticleViewer(article, quotes)
    full = viewer.text_view.value
    assert "<mark" in full and "kk-speaker" in full and "kk-cue" in full
    viewer.toggles["quotes"].value = False
    assert "<mark" not in viewer.text_view.value
    assert "kk-speaker" in viewer.text_view.value
    viewer.toggles["speakers"].value = False
    viewer.toggles["cues"].value = False
    plain = viewer.text_view.value
    assert 'class="kk-speaker"' not in plain and 'class="kk-cue"' not in plain
    viewer.toggles["quotes"].value = True
    assert "<mark" in viewer.text_view.value
    assert viewer.show == ("quotes",)


def _file(name: str, content: bytes) -> dict:
    return {
        "name": name,
        "type": "text/plain",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
    }


def test_upload_loads_good_files_and_reports_bad_ones():
    uploader = UploadArticles()
    received: list[list[Article]] = []
    uploader.on_articles(received.append)
    uploader.upload.value = (
        _file("peskov.txt", "“We support Belgrade,” Peskov said.".encode()),
        _file("latin1.txt", "Prizren café, Mitrovicë".encode("latin-1")),
        _file("<b>evil</b>.txt", b""),
        _file("notes.pdf", b"%PDF-1.4"),
    )
    assert len(uploader.articles) == 1
    assert uploader.articles[0].text.startswith("“We support Belgrade")
    assert uploader.articles[0].metadata["filename"] == "peskov.txt"
    assert received == [uploader.articles]
    assert len(uploader.messages) == 4
    assert "UTF-8" in uploader.messages[1] and "latin1.txt" in uploader.messages[1]
    assert "empty" in uploader.messages[2]
    assert ".txt" in uploader.messages[3]
    assert "&lt;b&gt;evil&lt;/b&gt;.txt" in uploader.status.value
    assert "<b>evil" not in uploader.status.value
    # The upload is cleared so the same file can be sent again.
    assert uploader.upload.value == ()


def test_upload_callback_failure_is_reported_not_raised():
    uploader = UploadArticles()

    def broken(articles):
        raise RuntimeError("boom")

    uploader.on_articles(broken)
    uploader.upload.value = (_file("a.txt", b"Some text here."),)
    assert len(uploader.articles) == 1
    assert any("boom" in m for m in uploader.messages)
