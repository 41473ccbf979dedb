"""Interactive views for Jupyter (ipywidgets 8): explore actors, read highlighted text, upload.

The widgets only show the kit's tables: attribution comes from
:func:`kosovo_kit.attribution.attribute_quotes`, sentiment from
:func:`kosovo_kit.stance.add_sentiment`, and all HTML from :mod:`kosovo_kit.render`
(escaped). Every key widget is an attribute and carries a stable CSS class (``kk-…``) so
tests and browser tests can drive it.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as W
import pandas as pd

from .render import KIND_ORDER, actor_colour, highlight_html, quotes_html
from .text import Article

__all__ = ["STOPWORDS", "ActorExplorer", "ArticleViewer", "UploadArticles", "content_words"]

_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each even few for
from further had has have having he her here hers herself him himself his how i if in into
is it its itself just let me more most my myself no nor not now of off on once only or
other our ours ourselves out over own said same says she should so some such than that the
their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours
yourself yourselves must may might shall us one two like new still
"""
#: Words left out of the "most frequent words" comparison.
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_STATEMENT_COLUMNS = ("kind", "speaker", "cue", "sentiment", "rule", "text")

#: Dropdown value meaning "every statement".
ALL = ("all", None)


def content_words(texts: Iterable[Any], n: int = 8) -> list[tuple[str, int]]:
    """Return the ``n`` most frequent content words (lower-cased, stopwords dropped).

    Parameters
    ----------
    texts : iterable of str
        Statement texts; non-strings are skipped.
    n : int
        How many words to return.

    Returns
    -------
    list of (str, int)
        Words with their counts, most frequent first, ties alphabetical.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        if isinstance(text, str):
            counts.update(
                w
                for w in (m.group().lower() for m in _WORD.finditer(text))
                if len(w) > 2 and w not in STOPWORDS
            )
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _prepare(article: Article | str, quotes: pd.DataFrame | None) -> tuple[Article, pd.DataFrame]:
    from .pipeline import analyse_records
    from .stance import add_sentiment

    if not isinstance(article, Article):
        article = Article.from_text(article)
    if quotes is None:
        # the same statements and tone as every other view of the article
        return article, analyse_records(article).tables().statements
    if "compound" not in quotes.columns:
        quotes = add_sentiment(quotes)
    return article, quotes


def _options(quotes: pd.DataFrame) -> list[tuple[str, tuple[str, Any]]]:
    """Dropdown options: "All statements", then actors, then speakers, most quoted first.

    Labels read "Russia (actor, 3)" and "Dmitry Peskov (speaker, 2)"; the values are
    ``("actor", name)`` and ``("speaker", name)``, with ``None`` for an unknown one.
    """
    options: list[tuple[str, tuple[str, Any]]] = [(f"All statements ({len(quotes)})", ALL)]
    for role, missing in (("actor", "unknown actor"), ("speaker", "unknown speaker")):
        if role not in quotes.columns:
            continue
        col = quotes[role].astype("object")
        counts = col.value_counts()
        for name in sorted(counts.index, key=lambda v: (-counts[v], str(v))):
            options.append((f"{name} ({role}, {counts[name]})", (role, name)))
        n_missing = int(col.isna().sum())
        if n_missing:
            options.append((f"({missing}, {n_missing})", (role, None)))
    return options


def _select(quotes: pd.DataFrame, value: tuple[str, Any]) -> pd.DataFrame:
    role, name = value
    if role not in ("actor", "speaker") or role not in quotes.columns:
        return quotes
    col = quotes[role].astype("object")
    return quotes[col.isna()] if name is None else quotes[col == name]


def _who_label(value: tuple[str, Any]) -> str:
    role, name = value
    if role == "all":
        return "all statements"
    return f"{name if name is not None else 'unknown'} ({role})"


class ActorExplorer:
    """Pick an actor or a speaker and see their statements, tone and highlighted text.

    Parameters
    ----------
    article : Article or str
    quotes : pandas.DataFrame, optional
        The who-said-what table; computed (with sentiment) when omitted.

    Attributes
    ----------
    dropdown : ipywidgets.Dropdown
        Actors and speakers; values ``("actor", name)``, ``("speaker", name)`` or
        ``("all", None)``.
    kinds : ipywidgets.SelectMultiple
        Statement kinds to show.
    tone : ipywidgets.FloatRangeSlider
        Sentiment (compound) range to show; unscored statements show only at the full range.
    table : ipywidgets.HTML
        The selected statements.
    text_view : ipywidgets.HTML
        The article with the selected statements highlighted.
    compare_a, compare_b : ipywidgets.Dropdown
        The two sides of the comparison tab.
    compare_view : ipywidgets.HTML
        Counts, mean tone and frequent words of the two sides.
    compare : ipywidgets.VBox
        The comparison tab.
    widget : ipywidgets.VBox
        The whole view.
    """

    def __init__(self, article: Article | str, quotes: pd.DataFrame | None = None) -> None:
        self.article, self.quotes = _prepare(article, quotes)
        options = _options(self.quotes)
        self.dropdown = W.Dropdown(
            options=options, value=ALL, description="Who:", layout=W.Layout(width="28em")
        )
        kinds = [k for k in KIND_ORDER if k in set(self.quotes["kind"].dropna())] or list(
            KIND_ORDER
        )
        self.kinds = W.SelectMultiple(
            options=kinds, value=tuple(kinds), rows=len(kinds), description="Kinds:"
        )
        self.tone = W.FloatRangeSlider(
            value=(-1.0, 1.0),
            min=-1.0,
            max=1.0,
            step=0.05,
            description="Tone:",
            readout_format="+.2f",
            continuous_update=False,
            # room for the readout "-1.00 – +1.00" beside the bar
            layout=W.Layout(width="380px"),
            style={"description_width": "initial"},
        )
        self.count = W.HTML()
        self.table = W.HTML()
        self.text_view = W.HTML()
        compare_options = options[1:] or options
        self.compare_a = W.Dropdown(
            options=compare_options,
            value=compare_options[0][1],
            description="A:",
            layout=W.Layout(width="28em"),
        )
        self.compare_b = W.Dropdown(
            options=compare_options,
            value=compare_options[min(1, len(compare_options) - 1)][1],
            description="B:",
            layout=W.Layout(width="28em"),
        )
        self.compare_view = W.HTML()

        for w, cls in (
            (self.dropdown, "kk-actor-dropdown"),
            (self.kinds, "kk-kind-filter"),
            (self.tone, "kk-tone-filter"),
            (self.count, "kk-count"),
            (self.table, "kk-statements"),
            (self.text_view, "kk-text-view"),
            (self.compare_a, "kk-compare-a"),
            (self.compare_b, "kk-compare-b"),
            (self.compare_view, "kk-compare-view"),
        ):
            w.add_class(cls)

        statements = W.VBox([W.HBox([self.kinds, self.tone]), self.count, self.table])
        self.compare = W.VBox([W.HBox([self.compare_a, self.compare_b]), self.compare_view])
        self.compare.add_class("kk-compare")
        self.tabs = W.Tab(
            children=[statements, self.text_view, self.compare],
            titles=("Statements", "Text", "Compare two"),
        )
        self.tabs.add_class("kk-tabs")
        self.widget = W.VBox([self.dropdown, self.tabs])
        self.widget.add_class("kk-actor-explorer")

        for w in (self.dropdown, self.kinds, self.tone):
            w.observe(self._update, names="value")
        for w in (self.compare_a, self.compare_b):
            w.observe(self._update_compare, names="value")
        self._update()
        self._update_compare()

    @property
    def selected(self) -> pd.DataFrame:
        """The statements shown: the chosen actor or speaker, filtered by kind and tone."""
        rows = _select(self.quotes, self.dropdown.value)
        rows = rows[rows["kind"].isin(self.kinds.value)]
        low, high = self.tone.value
        compound = rows["compound"]
        keep = compound.between(low, high)
        if low <= -1.0 and high >= 1.0:
            keep |= compound.isna()
        return rows[keep]

    def _update(self, change: Any = None) -> None:
        rows = self.selected
        total = len(_select(self.quotes, self.dropdown.value))
        who = html.escape(_who_label(self.dropdown.value))
        self.count.value = f"<small>{len(rows)} of {total} statements of <b>{who}</b></small>"
        self.table.value = quotes_html(rows, columns=_STATEMENT_COLUMNS)
        self.text_view.value = highlight_html(self.article, rows)

    def _side(self, value: tuple[str, Any]) -> dict[str, Any]:
        rows = _select(self.quotes, value)
        kinds = rows["kind"].value_counts()
        compound = rows["compound"].dropna()
        return {
            "label": _who_label(value),
            "colour": actor_colour(
                value[1]
                if value[0] == "actor"
                else (rows["actor"].dropna().iloc[0] if rows["actor"].notna().any() else None)
            ),
            "n": len(rows),
            "kinds": ", ".join(f"{kinds[k]} {k}" for k in KIND_ORDER if k in kinds) or "–",
            "mean": f"{compound.mean():+.2f}" if len(compound) else "–",
            "words": ", ".join(f"{w} ({c})" for w, c in content_words(rows["text"])) or "–",
        }

    def comparison(self) -> pd.DataFrame:
        """The comparison as a table: rows are measures, columns the sides ``A`` and ``B``."""
        sides = {"A": self._side(self.compare_a.value), "B": self._side(self.compare_b.value)}
        return pd.DataFrame(
            {k: [s["label"], s["n"], s["kinds"], s["mean"], s["words"]] for k, s in sides.items()},
            index=["who", "statements", "kinds", "mean tone", "frequent words"],
        )

    def _update_compare(self, change: Any = None) -> None:
        sides = [self._side(self.compare_a.value), self._side(self.compare_b.value)]
        head = "".join(
            f'<th style="border-bottom:3px solid {s["colour"]}">{html.escape(s["label"])}</th>'
            for s in sides
        )
        rows = "".join(
            f"<tr><th>{name}</th>"
            + "".join(f"<td>{html.escape(str(s[key]))}</td>" for s in sides)
            + "</tr>"
            for name, key in (
                ("statements", "n"),
                ("kinds", "kinds"),
                ("mean tone", "mean"),
                ("frequent words", "words"),
            )
        )
        self.compare_view.value = (
            f'<table class="kk-table kk-comparison"><thead><tr><th></th>'
            f"{head}</tr></thead><tbody>{rows}</tbody></table>"
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class ArticleViewer:
    """The article with statements, speakers and cues highlighted, each layer switchable.

    Parameters
    ----------
    article : Article or str
    quotes : pandas.DataFrame, optional
        The who-said-what table; computed (with sentiment) when omitted.

    Attributes
    ----------
    toggles : dict of str to ipywidgets.Checkbox
        ``"quotes"``, ``"speakers"``, ``"cues"``.
    text_view : ipywidgets.HTML
        The highlighted text with its legend.
    widget : ipywidgets.VBox
    """

    def __init__(self, article: Article | str, quotes: pd.DataFrame | None = None) -> None:
        self.article, self.quotes = _prepare(article, quotes)
        self.toggles = {
            layer: W.Checkbox(
                value=True, description=layer, indent=False, layout=W.Layout(width="auto")
            )
            for layer in ("quotes", "speakers", "cues")
        }
        for layer, box in self.toggles.items():
            box.add_class(f"kk-toggle-{layer}")
            box.observe(self._update, names="value")
        self.text_view = W.HTML()
        self.text_view.add_class("kk-text-view")
        self.widget = W.VBox([W.HBox(list(self.toggles.values())), self.text_view])
        self.widget.add_class("kk-article-viewer")
        self._update()

    @property
    def show(self) -> tuple[str, ...]:
        """The layers switched on."""
        return tuple(layer for layer, box in self.toggles.items() if box.value)

    def _update(self, change: Any = None) -> None:
        self.text_view.value = highlight_html(self.article, self.quotes, show=self.show)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def _decode(name: str, data: bytes) -> str:
    """Decode an uploaded file, or raise ValueError with a message a student can act on."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("it is UTF-16 encoded; save it as UTF-8 and upload it again")
    if b"\x00" in data[:8192]:
        raise ValueError("it looks binary (it holds NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ValueError(
            f"it is not valid UTF-8 (byte {err.start}, line {line}); "
            "save it as UTF-8 and upload it again"
        ) from None
    if not text.strip():
        raise ValueError("it is empty")
    return text


class UploadArticles:
    """Upload ``.txt`` files and turn them into :class:`~kosovo_kit.text.Article` objects.

    Bad files (not ``.txt``, not UTF-8, empty) get a message each; nothing raises.

    Attributes
    ----------
    upload : ipywidgets.FileUpload
    status : ipywidgets.HTML
        One line per file: loaded, or why not.
    articles : list of Article
        Every article loaded so far.
    messages : list of str
        The plain-text messages of the last upload.
    widget : ipywidgets.VBox
    """

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.messages: list[str] = []
        self._callbacks: list[Callable[[list[Article]], Any]] = []
        self.upload = W.FileUpload(accept=".txt", multiple=True, description="Articles (.txt)")
        self.upload.add_class("kk-upload")
        self.status = W.HTML()
        self.status.add_class("kk-upload-status")
        self.widget = W.VBox([self.upload, self.status])
        self.widget.add_class("kk-upload-articles")
        self.upload.observe(self._on_upload, names="value")

    def on_articles(self, callback: Callable[[list[Article]], Any]) -> None:
        """Call ``callback(new_articles)`` after each upload that loads at least one article."""
        self._callbacks.append(callback)

    def clear(self) -> None:
        """Forget the loaded articles and messages."""
        self.articles.clear()
        self.messages = []
        self.status.value = ""

    def _load(self, item: Any) -> Article:
        name = str(item.get("name", "unnamed"))
        if not name.lower().endswith(".txt"):
            raise ValueError("only .txt files can be read")
        text = _decode(name, bytes(item.get("content", b"")))
        return Article.from_text(text, name=name.rsplit(".", 1)[0], source="upload", filename=name)

    def _on_upload(self, change: Any) -> None:
        items = change["new"]
        if not items:
            return  # the reset below
        new: list[Article] = []
        lines: list[tuple[bool, str]] = []
        for item in items:
            name = str(item.get("name", "unnamed"))
            try:
                article = self._load(item)
            except Exception as err:  # a bad file must not stop the others
                lines.append((False, f"{name}: not loaded: {err}"))
                continue
            new.append(article)
            lines.append((True, f"{name}: loaded ({len(article.text):,} characters)"))
        self.articles.extend(new)
        if new:
            for callback in self._callbacks:
                try:
                    callback(new)
                except Exception as err:  # the upload worked; report the callback's failure
                    lines.append(
                        (
                            False,
                            f"callback {getattr(callback, '__name__', '?')} "
                            f"failed: {type(err).__name__}: {err}",
                        )
                    )
        self.messages = [text for _, text in lines]
        self.status.value = "".join(
            f'<div class="{"kk-ok" if ok else "kk-error"}" '
            f'style="color:{"#2e7d32" if ok else "#c62828"}">{html.escape(text)}</div>'
            for ok, text in lines
        )
        # Clearing the value lets the same file be uploaded again after fixing it.
        self.upload.value = ()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
