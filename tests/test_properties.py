"""Property tests: the kit's text, quote and sentiment functions on arbitrary input.

Whatever text comes in, the functions either give well-formed tables (every span
points at exactly the text it claims, tokens cover the sentences, the same input
gives the same output) or raise only the documented errors. The strategies mix
random Unicode, hostile runs of quotation marks, control and bidirectional
characters, and news-like sentences whose quotation marks are randomly broken.

``KOSOVO_KIT_CI=1`` raises every property to 2000 examples; 200 otherwise.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kosovo_kit.attribution import KINDS, QUOTE_COLUMNS, attribute_quotes
from kosovo_kit.sentiment import explain_sentiment, score_sentiment, sentiment_toward
from kosovo_kit.stance import add_sentiment
from kosovo_kit.text import Article
from kosovo_kit.tokenise import token_matches

IN_CI = os.environ.get("KOSOVO_KIT_CI") == "1"

# Profiles are applied per test (not loaded globally) so other test modules keep theirs.
settings.register_profile(
    "kosovo_kit-ci",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "kosovo_kit-dev",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings(settings.get_profile("kosovo_kit-ci" if IN_CI else "kosovo_kit-dev"))

#: Examples run per property, printed once the module finishes.
EXAMPLES: Counter[str] = Counter()


def _count(name: str) -> None:
    EXAMPLES[name] += 1


class _ExampleReport:
    """Prints the examples run per property in pytest's final summary.

    A summary hook, not a print, because pytest captures output while tests run.
    """

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not EXAMPLES:
            return
        profile = "ci" if IN_CI else "dev"
        terminalreporter.section(f"hypothesis examples per property (profile {profile})")
        for name, n in sorted(EXAMPLES.items()):
            terminalreporter.write_line(f"{name}: {n}")


_REPORT = _ExampleReport()


@pytest.fixture(scope="module", autouse=True)
def _report_example_counts(request: pytest.FixtureRequest) -> None:
    if not request.config.pluginmanager.is_registered(_REPORT):
        request.config.pluginmanager.register(_REPORT, "kosovo_kit-example-report")


# --------------------------------------------------------------------------- strategies

QUOTE_MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "‹", "›", "„", "‚", "`"]
DASHES = ["-", "–", "—", "--", " - ", " — ", "‐", "―"]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n \n", "\t", " ", "  ", "\u00a0", "\u2028"]
PUNCT = [".", "!", "?", "…", ",", ":", ";", "...", "?!", "(", ")", "[", "]", "<", ">", "&"]
RTL = ["مرحبا", "كوسوفو", "بلغراد", "שלום", "קוסובו", "\u200f", "\u200e", "\u202e", "\u2066"]
COMBINING = ["\u0301", "\u0308", "\u0327", "e\u0301", "a\u030a", "\u20dd", "\u0489"]
EMOJI = [
    "😀",
    "🇽🇰",
    "🇷🇸",
    "👍🏽",
    "👨‍👩‍👧",
    "❤️",
    "🔥",
    "😡",
    "☹",
    "\U0001f3f3\ufe0f\u200d\U0001f308",
]
WORDS = [
    "Kosovo",
    "Serbia",
    "said",
    "he",
    "She",
    "Peskov",
    "told",
    "U.S.",
    "Gen.",
    "don't",
    "it's",
    "1999",
    "3.5%",
    "NATO",
    "Priština",
    "Mitrovica",
    "minister",
    "that",
    "no",
]

controls = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
any_char = st.characters(exclude_categories=["Cs"])

piece = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(DASHES),
    st.sampled_from(BREAKS),
    st.sampled_from(PUNCT),
    st.sampled_from(RTL),
    st.sampled_from(COMBINING),
    st.sampled_from(EMOJI),
    st.sampled_from(WORDS),
    controls,
    st.text(any_char, min_size=1, max_size=4),
)
#: Hostile mixes of quotation marks, dashes, breaks, controls, RTL, combining marks, emoji.
mixed_text = st.lists(piece, max_size=60).map("".join)
#: Arbitrary Unicode (no lone surrogates: a Python str read from a file never holds them).
unicode_text = st.text(any_char, max_size=200)

NEWS_SENTENCES = [
    "“We support Belgrade,” Kremlin spokesman Dmitry Peskov said.",
    "Serbian President Aleksandar Vucic told reporters that Serbia “will never recognise” Kosovo.",
    "“This is a very bad signal for the region,” the government said in a statement.",
    "According to Kosovo Prime Minister Albin Kurti, the barricades must be removed.",
    "NATO Secretary General Jens Stoltenberg said: “KFOR remains ready to intervene.”",
    "The EU’s foreign policy chief Josep Borrell urged both sides to show “maximum restraint”.",
    "“We will not allow another pogrom,” Kurti said, “and we will defend our citizens.”",
    "Russian Foreign Minister Sergei Lavrov accused the West of “double standards” in the Balkans.",
    "Washington believes that dialogue is the only way forward, a State Department spokesman said.",
    "«Nous appelons au calme», a déclaré le ministre français.",
    "‘It’s a provocation,’ he added, denouncing the “nationalist rhetoric” of Pristina.",
    "Petar Petkovic, head of the Office for Kosovo, estimated that the situation was “on the "
    "edge of war”.",
    '"The police acted lawfully," Interior Minister Xhelal Svecla told local media.',
    "„Wir sind besorgt“, sagte ein Sprecher des Auswärtigen Amtes.",
    "Protesters gathered in Mitrovica on Sunday; no one was injured, police said.",
    "The U.S. ambassador, Jeffrey Hovenier, warned that the violence was “unacceptable”.",
    "Gen. Mark Milley said the troops would stay — for now.",
]
TITLES = [
    "Kosovo tensions rise as Serbia raises army alert",
    "Moscow backs Belgrade",
    "‘Edge of war’: EU urges calm in northern Kosovo",
]


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """A news-like article whose quotation marks are then randomly inserted or deleted."""
    paragraphs = draw(
        st.lists(
            st.lists(st.sampled_from(NEWS_SENTENCES), min_size=1, max_size=4).map(" ".join),
            min_size=1,
            max_size=4,
        )
    )
    sep = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n", "\n \n"]))
    text = sep.join(paragraphs)
    if draw(st.booleans()):
        text = draw(st.sampled_from(TITLES)) + sep + text
    for _ in range(draw(st.integers(0, 8))):
        pos = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:pos] + draw(st.sampled_from(QUOTE_MARKS)) + text[pos:]
        else:
            # delete the first quotation mark at or after pos, if any
            hit = next((i for i in range(pos, len(text)) if text[i] in QUOTE_MARKS), None)
            if hit is not None:
                text = text[:hit] + text[hit + 1 :]
    return text


any_text = st.one_of(unicode_text, mixed_text, news_text())
non_str = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers()),
)


# --------------------------------------------------------------------------- helpers


def _article_or_blank(text: str) -> Article | None:
    """Build an Article; a ValueError is accepted only for the documented reason."""
    try:
        return Article.from_text(text)
    except ValueError:
        assert not text.strip(), f"ValueError for non-blank text {text!r}"
        return None


def _assert_same_frame(a: pd.DataFrame, b: pd.DataFrame) -> None:
    # DataFrame.equals (values, dtypes, order) is an order of magnitude cheaper than
    # assert_frame_equal; the latter runs only to explain a difference.
    if not (a.equals(b) and list(a.columns) == list(b.columns)):
        pd.testing.assert_frame_equal(a, b)


def _rows(frame: pd.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    """The given columns as plain tuples: far cheaper to check than itertuples or iloc."""
    return list(zip(*(frame[c].tolist() for c in columns)))


def _check_spans(text: str, rows: list[tuple[Any, ...]], what: str) -> None:
    """``rows`` are (start, end, text, ...): every span must give back its text."""
    previous_end = 0
    for row in rows:
        start, end, piece = row[:3]
        assert 0 <= start < end <= len(text), (what, row)
        assert text[start:end] == piece, (what, row)
        assert start >= previous_end, f"{what}s overlap or are out of order: {row}"
        previous_end = end


# --------------------------------------------------------------------------- Article


@PROFILE
@given(any_text)
def test_article_spans_are_exact_deterministic_and_cover_the_text(text: str) -> None:
    _count("test_article_spans_are_exact_deterministic_and_cover_the_text")
    article = _article_or_blank(text)
    if article is None:
        return
    paras = _rows(article.paragraphs, "start", "end", "text", "paragraph_id")
    sents = _rows(article.sentences, "start", "end", "text", "paragraph_id", "sentence_id")
    toks = _rows(article.tokens, "start", "end", "text", "paragraph_id", "sentence_id")
    for rows, what in ((paras, "paragraph"), (sents, "sentence"), (toks, "token")):
        _check_spans(text, rows, what)
    assert [r[3] for r in paras] == list(range(len(paras)))
    assert [r[4] for r in sents] == list(range(len(sents)))

    # The frames hold exactly the span lists, with integer columns.
    assert [r[:2] for r in toks] == [(t.start, t.end) for t in article.token_spans]
    assert [r[:2] for r in sents] == [(t.start, t.end) for t in article.sentence_spans]
    assert [r[:2] for r in paras] == [(t.start, t.end) for t in article.paragraph_spans]
    for frame in (article.paragraphs, article.sentences, article.tokens):
        assert frame["start"].dtype == "int64" and frame["end"].dtype == "int64"

    # Same input, same output. The frames are built from the span lists by one pure
    # function (checked above), so comparing a second article's span lists shows the
    # frames are equal too, at a tenth of the cost of building them again.
    again = Article.from_text(text)
    assert again.paragraph_spans == article.paragraph_spans
    assert again.sentence_spans == article.sentence_spans
    assert again.token_spans == article.token_spans
    assert again.title == article.title

    # Paragraphs and sentences carry no surrounding white space (documented).
    for row in paras + sents:
        assert row[2] == row[2].strip(), row

    # Nothing but white space is lost: text -> paragraphs -> sentences -> tokens.
    def covered(rows: list[tuple[Any, ...]]) -> set[int]:
        return {i for row in rows for i in range(row[0], row[1])}

    visible = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert visible <= covered(paras), "non-space text outside every paragraph"
    assert visible <= covered(sents), "non-space text outside every sentence"
    assert visible <= covered(toks), "non-space text of a sentence is in no token"

    # Each sentence lies in its paragraph; each token in its sentence.
    for start, end, _, pid, _ in sents:
        assert paras[pid][0] <= start and end <= paras[pid][1]
    for start, end, _, pid, sid in toks:
        assert sents[sid][0] <= start and end <= sents[sid][1]
        assert pid == sents[sid][3]


@PROFILE
@given(non_str)
def test_non_text_input_raises_type_error(value: Any) -> None:
    _count("test_non_text_input_raises_type_error")
    funcs: list[Callable[[Any], Any]] = [
        Article.from_text,
        attribute_quotes,
        score_sentiment,
        explain_sentiment,
    ]
    for func in funcs:
        with pytest.raises(TypeError):
            func(value)


# --------------------------------------------------------------------------- quotes


def _quotes_or_blank(source: Article | str, text: str) -> pd.DataFrame | None:
    try:
        return attribute_quotes(source)
    except ValueError:
        assert not text.strip(), f"ValueError for non-blank text {text!r}"
        return None


@PROFILE
@given(any_text)
def test_quote_spans_are_exact_and_deterministic(text: str) -> None:
    _count("test_quote_spans_are_exact_and_deterministic")
    quotes = _quotes_or_blank(text, text)
    if quotes is None:
        return
    # A fresh Article gives the same table as the bare text: same input, same output.
    article = Article.from_text(text)
    _assert_same_frame(quotes, attribute_quotes(article))
    assert list(quotes.columns) == QUOTE_COLUMNS
    assert list(quotes["quote_id"]) == list(range(len(quotes)))
    keys = list(zip(quotes["start"], quotes["end"]))
    assert keys == sorted(keys)
    n_sentences = len(article.sentence_spans)
    for row in quotes.itertuples(index=False):  # few rows: itertuples is cheap enough
        assert row.kind in KINDS
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.text
        assert row.pieces, row
        assert row.pieces == sorted(row.pieces)
        assert row.pieces[0][0] == row.start and row.pieces[-1][1] == row.end
        for ps, pe in row.pieces:
            assert row.start <= ps < pe <= row.end, row
        if pd.isna(row.cue):
            assert pd.isna(row.cue_start) and pd.isna(row.cue_end)
        else:
            assert 0 <= row.cue_start < row.cue_end <= len(text)
            assert text[row.cue_start : row.cue_end] == row.cue
        if not pd.isna(row.speaker_start):
            mention = text[row.speaker_start : row.speaker_end]
            assert 0 <= row.speaker_start < row.speaker_end <= len(text), row
            assert mention.strip() == mention, f"speaker mention {mention!r} has outer spaces"
        assert 0 <= row.sentence_id < n_sentences


# --------------------------------------------------------------------------- sentiment


@PROFILE
@given(any_text, st.sampled_from(["news", "vader"]))
def test_score_sentiment_is_bounded_and_deterministic(text: str, lexicon: str) -> None:
    _count("test_score_sentiment_is_bounded_and_deterministic")
    # Blank text is documented to score 0, not to raise.
    scores = score_sentiment(text, lexicon=lexicon)
    assert set(scores) == {"compound", "pos", "neu", "neg"}
    assert -1.0 <= scores["compound"] <= 1.0
    for key in ("pos", "neu", "neg"):
        assert 0.0 <= scores[key] <= 1.0
    assert score_sentiment(text, lexicon=lexicon) == scores
    if not text.strip():
        assert scores["compound"] == 0.0


@PROFILE
@given(any_text, st.sampled_from(["news", "vader"]))
def test_explain_sentiment_spans_are_exact(text: str, lexicon: str) -> None:
    _count("test_explain_sentiment_spans_are_exact")
    rows = explain_sentiment(text, lexicon=lexicon)
    for start, end, token in _rows(rows, "start", "end", "token"):
        assert 0 <= start < end <= len(text), (start, end, token)
        assert text[start:end] == token, (start, end, token)
    assert list(rows["start"]) == sorted(rows["start"])
    _assert_same_frame(rows, explain_sentiment(text, lexicon=lexicon))
    # The explanation is of the same score that score_sentiment gives.
    assert rows.attrs["compound"] == score_sentiment(text, lexicon=lexicon)["compound"]


@st.composite
def sentence_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    sentence = draw(any_text)
    n = len(sentence)
    start = draw(st.integers(-3, n + 3))
    end = draw(st.one_of(st.integers(-3, n + 3), st.integers(start + 1, start + 12)))
    return sentence, start, end


@PROFILE
@given(sentence_and_span())
def test_sentiment_toward_any_span(case: tuple[str, int, int]) -> None:
    _count("test_sentiment_toward_any_span")
    sentence, start, end = case
    valid = 0 <= start < end <= len(sentence)
    if not valid:
        with pytest.raises(ValueError):
            sentiment_toward(sentence, start, end)
        return
    label = sentiment_toward(sentence, start, end)
    assert label in (-1, 0, 1)
    assert sentiment_toward(sentence, start, end) == label


@PROFILE
@given(news_text(), st.data())
def test_sentiment_toward_token_spans_of_news(text: str, data: st.DataObject) -> None:
    _count("test_sentiment_toward_token_spans_of_news")
    article = Article.from_text(text)
    sents = article.sentence_spans
    sent = sents[data.draw(st.integers(0, len(sents) - 1))]
    toks = [t for t in article.token_spans if t.sentence_id == sent.sentence_id]
    tok = toks[data.draw(st.integers(0, len(toks) - 1))]
    sentence = text[sent.start : sent.end]
    label = sentiment_toward(sentence, tok.start - sent.start, tok.end - sent.start)
    assert label in (-1, 0, 1)


# --------------------------------------------------------------------------- HTML

#: Tags an HTML renderer may write; any other "<" in the output came from the input.
_RENDER_TAG = re.compile(
    r"</?(?:span|mark|div|p|b|i|em|strong|small|br|table|thead|tbody|tr|td|th|sup|sub|abbr|"
    r"ul|ol|li|caption|code|pre|section|header|details|summary|blockquote|q|cite|style|a)\b[^<>]*>"
)
_INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<zq",
    "a<b",
    "</span>",
    "<!--",
    "&lt;",
    "<<“>>",
]


def _render_module() -> Any:
    return pytest.importorskip("kosovo_kit.render", reason="render module not present")


@st.composite
def html_hostile_text(draw: st.DrawFn) -> str:
    text = draw(news_text())
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + draw(st.sampled_from(_INJECTIONS)) + text[pos:]
    return text


def _assert_no_input_markup(output: str) -> None:
    assert isinstance(output, str)
    assert "<script" not in output and "<img" not in output and "<zq" not in output
    leftover = _RENDER_TAG.sub("", output)
    assert "<" not in leftover, f"unescaped '<' in {leftover[:200]!r}"


_TAG = re.compile(r"<[^<>]*>")


@PROFILE
@given(st.one_of(html_hostile_text(), mixed_text, unicode_text))
def test_highlight_html_escapes_input(text: str) -> None:
    render = _render_module()
    _count("test_highlight_html_escapes_input")
    article = _article_or_blank(text)
    if article is None:
        return
    # Statements are found once and passed in: attribution is tested on its own above.
    quotes = attribute_quotes(article)
    _assert_no_input_markup(render.highlight_html(article, quotes))
    bare = render.highlight_html(article, quotes, legend=False, style=False)
    assert render.highlight_html(article, quotes, legend=False, style=False) == bare
    # Documented: with tags stripped and entities unescaped, the text is the article's.
    assert html.unescape(_TAG.sub("", bare)) == text


@PROFILE
@given(st.one_of(html_hostile_text(), mixed_text, unicode_text))
def test_quotes_html_escapes_input(text: str) -> None:
    render = _render_module()
    _count("test_quotes_html_escapes_input")
    article = _article_or_blank(text)
    if article is None:
        return
    # With sentiment columns, so the tone bar is drawn too.
    quotes = add_sentiment(attribute_quotes(article))
    output = render.quotes_html(quotes)
    _assert_no_input_markup(output)
    assert render.quotes_html(quotes) == output
    # Every statement's text reaches the table, escaped rather than dropped.
    plain = html.unescape(_TAG.sub("", output))
    for quote_text in quotes["text"]:
        assert quote_text.strip() in plain


# Tokens around a candidate sentence end: abbreviations, initials, numbers, ellipses,
# hyphenated abbreviations and next words of every case.
PUNKT_PIECES = [
    "Mr.",
    "U.S.",
    "Gen.",
    "e.g.",
    "ex-Gen.",
    "a.",
    "A.",
    "É.",
    "1.",
    "-3.",
    "1,000.",
    "5.5.",
    "...",
    "..",
    "said.",
    "end.",
    "He",
    "he",
    "élan",
    "Élan",
    "2",
    ",",
    ";",
    ":",
    ".",
    "?",
    "!",
    "'",
    '"',
    "(",
    ")",
    "--",
    "##number##.",
]
punkt_context = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(PUNKT_PIECES), st.text(any_char, max_size=3)),
        st.sampled_from(["", " ", "  ", "\n", "\n\n"]),
    ),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(p + sep for p, sep in parts))


@PROFILE
@given(punkt_context)
def test_sentence_break_decision_matches_punkt(context: str) -> None:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from kosovo_kit.tokenise import _sentence_tokenizer

    _count("test_sentence_break_decision_matches_punkt")
    tokenizer = _sentence_tokenizer()
    expected = PunktSentenceTokenizer.text_contains_sentbreak(tokenizer, context)
    assert tokenizer.text_contains_sentbreak(context) == expected


def _without_plain_word_path(pattern: re.Pattern[str]) -> re.Pattern[str]:
    # the plain-word alternative is the first line of the word group; drop it
    first, rest = pattern.pattern.split("\n", 1)
    assert first.startswith("(?P<word>") and rest.lstrip().startswith("| https")
    return re.compile("(?P<word>" + rest.lstrip()[1:], pattern.flags)


@PROFILE
@given(
    st.one_of(
        mixed_text,
        unicode_text,
        news_text(),
        st.lists(
            st.sampled_from(
                WORDS + PUNKT_PIECES + ["http://x.org/a", "e-mail", "it’s", "a.m.", "x:y", "_"]
            ),
            max_size=20,
        ).map(" ".join),
    )
)
def test_plain_word_shortcut_gives_the_same_tokens(text: str) -> None:
    from kosovo_kit.tokenise import _word_tokenizer

    _count("test_plain_word_shortcut_gives_the_same_tokens")
    fast = _word_tokenizer()._pattern
    full = _without_plain_word_path(fast)
    got = [(m.span(), m.lastgroup) for m in fast.finditer(text)]
    assert got == [(m.span(), m.lastgroup) for m in full.finditer(text)]
    # the matches that take the white space before their token give the same tokens
    spaced = [(m.span(k), k) for m in token_matches(text) for k in (m.lastgroup,)]
    assert spaced == got


def test_token_matches_skip_trailing_white_space_in_linear_time() -> None:
    # a match that takes the spaces before its token must not retry a long blank tail
    text = "end." + " \n" * 200_000
    assert [m.group(m.lastgroup) for m in token_matches(text)] == ["end", "."]
    assert list(token_matches("   ")) == []


@PROFILE
@given(any_text, st.integers(0, 3))
def test_word_count_matches_the_word_tokens(text: str, every: int) -> None:
    _count("test_word_count_matches_the_word_tokens")
    article = _article_or_blank(text)
    if article is None:
        return
    # some paragraphs tokenised first (as the attribution does), the rest only counted
    for p in article.paragraph_spans[:: every + 1] if every else ():
        article.paragraph_token_columns(p.paragraph_id)
    expected = sum(t.kind == "word" for t in Article.from_text(text).token_spans)
    assert article.word_count == expected


@PROFILE
@given(any_text, st.booleans())
def test_token_columns_hold_the_article_tokens(text: str, whole_first: bool) -> None:
    _count("test_token_columns_hold_the_article_tokens")
    article = _article_or_blank(text)
    if article is None:
        return
    if whole_first:
        # the columns are then cut from the whole article's tokens
        assert article.token_spans is not None
    tokens = Article.from_text(text).token_spans
    for p in article.paragraph_spans:
        cols = article.paragraph_token_columns(p.paragraph_id)
        mine = [t for t in tokens if t.paragraph_id == p.paragraph_id]
        assert cols.start == [t.start for t in mine]
        assert cols.end == [t.end for t in mine]
        assert cols.kind == [t.kind for t in mine]
        assert cols.sentence_id == [t.sentence_id for t in mine]
        assert cols.text == [text[t.start : t.end] for t in mine]
        for sid, (a, b) in cols.sentence_ranges.items():
            assert set(cols.sentence_id[a:b]) == {sid}
        assert sum(b - a for a, b in cols.sentence_ranges.values()) == len(mine)
        # the tuples of one paragraph are the article's, ids included
        assert article.paragraph_tokens(p.paragraph_id) == mine
