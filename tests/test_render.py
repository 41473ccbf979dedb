"""HTML rendering: exact text, escaping of everything from the article, overlapping spans."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.gazetteer import load_gazetteer
from kosovo_kit.render import (
    NA_COLOUR,
    Analysis,
    actor_colour,
    analyse,
    highlight_html,
    quotes_html,
    summary_html,
)
from kosovo_kit.stance import add_sentiment
from kosovo_kit.text import Article

NEWS = """Serbia puts army on alert over Kosovo tensions

BELGRADE, Dec 28 - Serbian Defense Minister Milos Vucevic announced that the army was on alert.

“We support Belgrade,” Kremlin spokesman Dmitry Peskov said. “Russia follows the situation.”

“This is a very bad signal,” said Foreign Office spokesman Christofer Burger.
"""

PAYLOAD_TEXT = """Hostile <script>alert('t')</script> headline

Kosovo police said <img src=x onerror=alert(1)> that the border was closed.

“We will act <script>alert(2)</script> now,” Ivan Evil said.

See <a href="javascript:alert(3)">this</a>.

“Calm is needed,” said Foreign Office spokesman Christofer Burger & co.
"""

EVIL_GAZETTEER = pd.DataFrame(
    {
        "alias": ["Ivan Evil"],
        "canonical": ["<script>alert('speaker')</script>"],
        "actor": ['"><img src=x onerror=alert(4)>'],
        "type": ["person"],
    }
)


class _Markup(HTMLParser):
    """Collects the real tags and attributes of an HTML string (not escaped text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)


def _markup(out: str) -> _Markup:
    parser = _Markup()
    parser.feed(out)
    parser.close()
    return parser


def _article_part(out: str) -> str:
    """The inner HTML of the ``kk-article`` div (the legend and style left out)."""
    start = out.index('<div class="kk-article">') + len('<div class="kk-article">')
    end = (
        out.rindex('</div><div class="kk-legend">') if "kk-legend" in out else out.rindex("</div>")
    )
    return out[start:end]


def _visible(out: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", _article_part(out)))


def _assert_safe(out: str) -> None:
    parsed = _markup(out)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags and "a" not in parsed.tags
    names = {k for k, _ in parsed.attrs}
    assert not any(k.startswith("on") for k in names), names
    assert not names & {"href", "src"}
    # Text may say "javascript:" inside a tooltip; no URL-bearing attribute may.
    assert not any(
        "javascript:" in v.lower()
        for k, v in parsed.attrs
        if k != "title" and not k.startswith("data-")
    )
    assert "<script" not in out.lower()
    assert "<img" not in out.lower()


@pytest.fixture(scope="module")
def news() -> tuple[Article, pd.DataFrame]:
    article = Article.from_text(NEWS)
    return article, add_sentiment(attribute_quotes(article))


def test_visible_text_equals_article_text(news):
    article, quotes = news
    out = highlight_html(article, quotes)
    assert _visible(out) == article.text
    assert "<mark" in out and "kk-speaker" in out and "kk-cue" in out


@pytest.mark.parametrize(
    "show", [(), ("quotes",), ("speakers", "cues"), ("quotes", "speakers", "cues")]
)
def test_visible_text_exact_for_every_layer_choice(news, show):
    article, quotes = news
    assert _visible(highlight_html(article, quotes, show=show)) == article.text


def test_highlights_cover_the_statement_spans(news):
    article, quotes = news
    out = highlight_html(article, quotes, show=("quotes",))
    marked = "".join(html.unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", out))
    peskov = quotes[quotes["speaker"] == "Dmitry Peskov"].iloc[0]
    for s, e in peskov["pieces"]:
        assert article.text[s:e] in marked
    # The speaker is shown in the tooltip; paragraph kinds are styled.
    assert "speaker: Dmitry Peskov" in html.unescape(out)
    assert 'class="kk-para kk-title"' in out


def test_actor_filter_marks_only_that_actor(news):
    article, quotes = news
    out = highlight_html(article, quotes, actor="Russia")
    actors = set(re.findall(r'data-actor="([^"]*)"', _article_part(out)))
    assert actors == {"Russia"}
    assert _visible(out) == article.text


def test_overlapping_and_nested_spans_stay_well_formed():
    text = "“Alpha beta gamma delta,” said Ana Kovac."
    article = Article.from_text(text)
    quotes = pd.DataFrame(
        [
            {
                "quote_id": 0,
                "kind": "direct",
                "text": text[1:23],
                "start": 1,
                "end": 23,
                "pieces": [(1, 23)],
                "speaker": "Ana Kovac",
                "speaker_start": 31,
                "speaker_end": 40,
                "cue": "said",
                "cue_start": 26,
                "cue_end": 30,
                "actor": "Serbia",
                "rule": "r1",
            },
            # Overlaps the first statement's end and crosses its cue.
            {
                "quote_id": 1,
                "kind": "mixed",
                "text": text[12:30],
                "start": 12,
                "end": 30,
                "pieces": [(12, 30)],
                "speaker": "X",
                "speaker_start": 7,
                "speaker_end": 17,
                "cue": "gamma delta",
                "cue_start": 12,
                "cue_end": 23,
                "actor": "Russia",
                "rule": "r2",
            },
        ]
    )
    out = highlight_html(article, quotes)
    assert _visible(out) == text
    # Every opened element is closed in order: the parser sees balanced tags.
    stack: list[str] = []

    class Balance(HTMLParser):
        def handle_starttag(self, tag, attrs):
            stack.append(tag)

        def handle_endtag(self, tag):
            assert stack and stack.pop() == tag

    Balance().feed(_article_part(out))
    assert stack == []
    # "gamma" lies in both statements: its tooltip names both speakers.
    title = re.search(r'<mark[^>]*title="([^"]*)"[^>]*>(?:<span[^>]*>)*gamma', out)
    assert title is not None
    tip = html.unescape(title.group(1))
    assert "Ana Kovac" in tip and "speaker: X" in tip


def test_injection_in_text_speaker_and_gazetteer_is_escaped():
    article = Article.from_text(PAYLOAD_TEXT)
    gazetteer = load_gazetteer(EVIL_GAZETTEER)
    analysis = analyse(article, gazetteer)
    quotes = analysis.quotes
    # The payload speaker and actor really reach the renderer.
    assert (quotes["speaker"] == "<script>alert('speaker')</script>").any()
    assert (quotes["actor"] == '"><img src=x onerror=alert(4)>').any()
    outputs = [
        highlight_html(article, quotes),
        quotes_html(quotes),
        summary_html(article, quotes),
        analysis._repr_html_(),
    ]
    for out in outputs:
        _assert_safe(out)
    assert _visible(outputs[0]) == article.text
    # The names are still readable, as text.
    assert "&lt;script&gt;alert(&#x27;speaker&#x27;)&lt;/script&gt;" in outputs[1]


def test_injection_in_hand_made_quote_table():
    text = "“Hi,” said Someone."
    article = Article.from_text(text)
    quotes = pd.DataFrame(
        [
            {
                "quote_id": 0,
                "kind": "direct<script>",
                "text": "Hi,",
                "start": 1,
                "end": 4,
                "pieces": [(1, 4)],
                "speaker": "<img src=x onerror=alert(1)>",
                "speaker_start": 11,
                "speaker_end": 18,
                "cue": "javascript:alert(1)",
                "cue_start": 6,
                "cue_end": 10,
                "actor": "<script>x</script>",
                "rule": '" onmouseover="alert(1)',
                "compound": 0.5,
            }
        ]
    )
    for out in (highlight_html(article, quotes), quotes_html(quotes)):
        _assert_safe(out)


def test_actor_colour_is_stable_and_grey_for_na():
    assert actor_colour(None) == NA_COLOUR
    assert actor_colour(pd.NA) == NA_COLOUR
    assert actor_colour(float("nan")) == NA_COLOUR
    assert actor_colour("Russia") == actor_colour("Russia")
    assert actor_colour("Russia") != actor_colour("Serbia")
    for name in ("Russia", "Atlantis", "<script>", '" onload="x'):
        assert re.fullmatch(r"#[0-9a-f]{6}", actor_colour(name))


def test_quotes_html_table_rows_and_bar(news):
    _, quotes = news
    out = quotes_html(quotes)
    assert out.count("<tr data-quote=") == len(quotes)
    assert "kk-bar" in out
    limited = quotes_html(quotes, max_rows=1, columns=("speaker", "text"))
    assert limited.count("<tr data-quote=") == 1
    assert f"{len(quotes) - 1} more" in limited
    assert "no statements" in quotes_html(quotes.iloc[:0])
    with pytest.raises(ValueError):
        quotes_html(quotes, columns=("nope",))


def test_analysis_summary_and_repr(news):
    article, _ = news
    analysis = analyse(article)
    assert isinstance(analysis, Analysis)
    assert {"compound", "pos", "neu", "neg"} <= set(analysis.quotes.columns)
    summary = analysis.summary()
    assert summary["statements"] == len(analysis.quotes) > 0
    assert summary["statements"] == sum(
        summary[f"{k}_statements"] for k in ("direct", "mixed", "indirect", "belief")
    )
    assert "Dmitry Peskov" in set(analysis.quotes["speaker"].dropna())
    assert "Russia" in set(analysis.actors["actor"])
    out = analysis._repr_html_()
    assert "Serbia puts army on alert" in out
    assert "statements" in out
    assert not analysis.actor_summary().empty


def test_analyse_accepts_plain_text():
    analysis = analyse("“We support Belgrade,” Kremlin spokesman Dmitry Peskov said.")
    assert (analysis.quotes["speaker"] == "Dmitry Peskov").any()
    assert _visible(analysis.highlight_html()) == analysis.article.text


def test_show_rejects_unknown_layer(news):
    article, quotes = news
    with pytest.raises(ValueError, match="show"):
        highlight_html(article, quotes, show=("quotes", "bogus"))
