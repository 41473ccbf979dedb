"""Regressions from hostile input: small inputs that have broken the kit, and degenerate
input (unclosed, nested or bare quotation marks, controls, RTL, emoji) that must keep working.
"""

from __future__ import annotations

import time

import pytest

from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.sentiment import explain_sentiment, score_sentiment, sentiment_toward
from kosovo_kit.text import Article

# --------------------------------------------------------------------------- paragraph kinds

# A sentence ending in a quoted full stop (.” or .») is a sentence, though its last
# character is a quotation mark. Misread as a headline it would become the title, and
# quote attribution, which reads body paragraphs only, would lose its quotation.


def test_sentence_ending_in_quoted_full_stop_is_not_a_title() -> None:
    article = Article.from_text("Peskov said: “We support Belgrade.”")
    assert list(article.paragraphs["kind"]) == ["body"]
    quotes = attribute_quotes(article)
    assert list(quotes["text"]) == ["We support Belgrade."]
    assert list(quotes["speaker"]) == ["Dmitry Peskov"]


def test_quoted_paragraph_after_title_is_body() -> None:
    text = (
        "Kosovo row deepens\n\n"
        "Kurti said: «We will defend our citizens.»\n\n"
        "Vucic answered on Monday that Serbia would not stand by, and others agreed."
    )
    article = Article.from_text(text)
    assert list(article.paragraphs["kind"]) == ["title", "body", "body"]
    quotes = attribute_quotes(article)
    assert "We will defend our citizens." in list(quotes["text"])


# --------------------------------------------------------------------------- must keep working

HOSTILE = [
    "«Nous appelons au calme, a déclaré le ministre.",  # unclosed guillemet
    "„Wir sind besorgt, sagte ein Sprecher.",  # unclosed low-9 quotation
    "“" * 500,
    "“”" * 500,
    "”“" * 500,
    "‘" * 300 + "’" * 300,
    "\u0301\u0308\u0327 said",  # combining marks with nothing to combine with
    "\u202eدولة كوسوفو\u202c “نحن ندعم بلغراد،” قال بيسكوف.",
    "שלום \u200f“מילים”\u200f אמר הדובר.",
    "\x00\x01\x02 “quoted\x07” he said\x1b.",
    "🇽🇰🇷🇸 “👍🏽👍🏽” 😡 said the account.",
    "\r\n\r\n“Line one,\r\nline two,” he said.\r\n\r\n",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_gives_exact_spans(text: str) -> None:
    article = Article.from_text(text)
    for frame in (article.paragraphs, article.sentences, article.tokens):
        for start, end, piece in zip(frame["start"], frame["end"], frame["text"]):
            assert text[start:end] == piece
    quotes = attribute_quotes(article)
    for start, end, piece in zip(quotes["start"], quotes["end"], quotes["text"]):
        assert text[start:end] == piece
    rows = explain_sentiment(text)
    for start, end, token in zip(rows["start"], rows["end"], rows["token"]):
        assert text[start:end] == token
    assert -1.0 <= score_sentiment(text)["compound"] <= 1.0


def test_unclosed_guillemet_does_not_crash() -> None:
    # The open quotation runs to the end of its paragraph; nothing is lost or invented.
    text = "Kurti told reporters that «the barricades must go, and he said so twice."
    quotes = attribute_quotes(text)
    for row in quotes.itertuples(index=False):
        assert text[row.start : row.end] == row.text


def test_deep_nesting_is_fast() -> None:
    # 10,000 nested marks, opening before any closes: a quadratic scan would take minutes.
    depth = 10_000
    nested = (
        "".join("“‘"[i % 2] for i in range(depth))
        + "x"
        + "".join("”’"[i % 2] for i in reversed(range(depth)))
    )
    words = "".join(f"“w{i} " for i in range(depth)) + "” " * depth
    for text in (nested, words):
        t0 = time.perf_counter()
        article = Article.from_text(text)
        assert len(article.tokens) > 0
        attribute_quotes(article)
        assert time.perf_counter() - t0 < 20


def test_sentiment_toward_rejects_spans_outside_the_sentence() -> None:
    sentence = "Kosovo condemned Serbia."
    for start, end in ((-1, 3), (0, 0), (5, 4), (0, len(sentence) + 1)):
        with pytest.raises(ValueError, match="start"):
            sentiment_toward(sentence, start, end)
    # the span just inside the bounds is accepted and read: what is condemned is negative
    assert sentiment_toward(sentence, 17, 23) == -1


def test_blank_text_errors_are_documented_ones() -> None:
    for blank in ("", "   ", "\n\r\n\t", "\u00a0\u2028"):
        with pytest.raises(ValueError, match="white space"):
            Article.from_text(blank)
        with pytest.raises(ValueError, match="white space"):
            attribute_quotes(blank)
        # Sentiment of blank text is documented as 0, not an error.
        assert score_sentiment(blank)["compound"] == 0.0
    with pytest.raises(TypeError, match="decode"):
        Article.from_text(b"bytes are not text")  # type: ignore[arg-type]
