"""HTML views of an analysis: highlighted article text, statement tables and summaries.

Everything taken from an article (text, speaker names, cues, gazetteer names) is escaped
with :func:`html.escape`, so nothing in an article can become markup, an attribute or a
URL. Colours come only from :func:`actor_colour`, never from the data.

>>> from kosovo_kit.render import analyse
>>> analysis = analyse("“We agree,” the minister said.")
>>> html = analysis.highlight_html()
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd

from .resources import data_path
from .text import Article

__all__ = [
    "NA_COLOUR",
    "PALETTE",
    "Analysis",
    "actor_colour",
    "analyse",
    "highlight_html",
    "quotes_html",
    "summary_html",
]

#: Colour of statements whose actor is unknown.
NA_COLOUR = "#9e9e9e"
#: Colours for actors not listed in ``data/colours.csv`` (picked by a stable hash of the name).
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#3b6e8f",
    "#a0cbe8",
    "#d4a6c8",
)
SHOW_LAYERS = ("quotes", "speakers", "cues")
KIND_ORDER = ("direct", "mixed", "indirect", "belief")

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_CSS = """<style>
.kk-article{font-family:Georgia,serif;line-height:1.55;max-width:52em}
.kk-article .kk-para{margin:0.35em 0;white-space:pre-wrap}
.kk-article .kk-title{font-size:1.25em;font-weight:bold}
.kk-article .kk-heading{font-weight:bold}
.kk-article .kk-boilerplate{color:#888;font-style:italic}
.kk-article mark.kk-quote{padding:0 1px;border-radius:2px;color:inherit}
.kk-article .kk-speaker{font-weight:bold;border-bottom:2px solid}
.kk-article .kk-cue{font-style:italic;border-bottom:1px dashed}
.kk-legend{font-family:sans-serif;font-size:0.85em;margin:0.3em 0}
.kk-legend .kk-swatch{display:inline-block;width:0.9em;height:0.9em;margin:0 0.25em 0 0.8em;
vertical-align:middle;border-radius:2px}
.kk-table{border-collapse:collapse;font-family:sans-serif;font-size:0.85em}
.kk-table th,.kk-table td{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left;
vertical-align:top}
.kk-bar{display:inline-block;width:60px;height:0.7em;background:#eee;position:relative;
vertical-align:middle;margin-right:4px}
.kk-bar span{position:absolute;top:0;height:100%}
</style>"""


@cache
def _colour_file() -> dict[str, str]:
    """Fixed colours for the usual actors, so Russia is red in every notebook."""
    try:
        text = data_path("colours.csv").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    colours = {}
    for row in csv.DictReader(text.splitlines()):
        actor, colour = (row.get("actor") or "").strip(), (row.get("colour") or "").strip()
        # Only well-formed hex colours: the value is written into style attributes.
        if actor and _HEX.fullmatch(colour):
            colours[actor] = colour.lower()
    return colours


def _is_na(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def actor_colour(actor: Any) -> str:
    """Return the display colour of an actor as ``#rrggbb``.

    Parameters
    ----------
    actor : str or NA
        The actor name; ``None``/NA gives :data:`NA_COLOUR`.

    Returns
    -------
    str
        A colour from ``data/colours.csv`` for known actors, else a palette colour chosen
        by a hash of the name that is the same in every session.
    """
    if _is_na(actor) or not str(actor).strip():
        return NA_COLOUR
    name = str(actor)
    fixed = _colour_file().get(name)
    if fixed:
        return fixed
    # md5 rather than hash(): str hashes change between Python processes.
    digest = hashlib.md5(name.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def _tint(colour: str, amount: float = 0.35) -> str:
    """Blend a colour towards white, for backgrounds that keep text readable."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _esc(value: Any) -> str:
    return "" if _is_na(value) else html.escape(str(value), quote=True)


def _label(value: Any, missing: str = "unknown") -> str:
    return missing if _is_na(value) else str(value)


def _int(value: Any) -> int | None:
    return None if _is_na(value) else int(value)


def _tooltip(row: Any) -> str:
    parts = [
        f"speaker: {_label(row.get('speaker'))}",
        f"actor: {_label(row.get('actor'))}",
        f"kind: {_label(row.get('kind'))}",
        f"rule: {_label(row.get('rule'))}",
    ]
    compound = row.get("compound")
    if not _is_na(compound):
        parts.append(f"compound: {float(compound):+.3f}")
    return "\n".join(parts)


def _filter_actor(quotes: pd.DataFrame, actor: Any) -> pd.DataFrame:
    if actor is None or "actor" not in quotes.columns:
        return quotes
    return quotes[quotes["actor"].astype("object") == actor]


_RECORD_COLUMNS = (
    "quote_id",
    "kind",
    "start",
    "end",
    "pieces",
    "speaker",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "actor",
    "rule",
    "compound",
)


def _records(quotes: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows the renderer reads, as dicts.

    Built column by column with ``tolist`` because ``DataFrame.to_dict`` is several times
    slower, and this runs on every widget re-render.
    """
    n = len(quotes)
    cols = {c: quotes[c].tolist() if c in quotes.columns else [None] * n for c in _RECORD_COLUMNS}
    return [{c: cols[c][i] for c in _RECORD_COLUMNS} for i in range(n)]


def _records_all(quotes: pd.DataFrame) -> list[dict[str, Any]]:
    """Every column of every row, as dicts (the fast way, see :func:`_records`)."""
    cols = {c: quotes[c].tolist() for c in quotes.columns}
    return [{c: v[i] for c, v in cols.items()} for i in range(len(quotes))]


def _spans(
    records: list[dict[str, Any]], show: Sequence[str], n: int
) -> list[tuple[int, int, str, int]]:
    """(start, end, layer, row number) for every span to mark, clipped to the text."""
    spans: list[tuple[int | None, int | None, str, int]] = []
    for i, row in enumerate(records):
        if "quotes" in show:
            pieces = row.get("pieces")
            if not isinstance(pieces, (list, tuple)) or not pieces:
                pieces = [(row.get("start"), row.get("end"))]
            for s, e in pieces:
                spans.append((_int(s), _int(e), "quote", i))
        if "speakers" in show:
            spans.append(
                (_int(row.get("speaker_start")), _int(row.get("speaker_end")), "speaker", i)
            )
        if "cues" in show:
            spans.append((_int(row.get("cue_start")), _int(row.get("cue_end")), "cue", i))
    return [
        (max(0, s), min(n, e), layer, i)
        for s, e, layer, i in spans
        if s is not None and e is not None and min(n, e) > max(0, s)
    ]


_LAYER_TAGS = {
    "quote": ("mark", "kk-quote"),
    "speaker": ("span", "kk-speaker"),
    "cue": ("span", "kk-cue"),
}


def _open_tag(layer: str, rows: list[dict[str, Any]], tips: list[str]) -> str:
    tag, cls = _LAYER_TAGS[layer]
    first = rows[0]
    colour = actor_colour(first.get("actor"))
    if layer == "quote":
        style = f"background:{_tint(colour)}"
    else:
        style = f"border-color:{colour}"
    title = html.escape("\n\n".join(dict.fromkeys(tips)), quote=True)
    actor = _esc(first.get("actor"))
    ids = " ".join(_label(r.get("quote_id"), "") for r in rows)
    return (
        f'<{tag} class="{cls}" style="{style}" title="{title}" '
        f'data-actor="{actor}" data-quote="{html.escape(ids, quote=True)}">'
    )


def _legend(quotes: pd.DataFrame, show: Sequence[str]) -> str:
    actors = quotes["actor"].astype("object") if "actor" in quotes.columns else pd.Series([])
    names = sorted({a for a in actors if not _is_na(a)}, key=str)
    items = [
        f'<span class="kk-swatch" style="background:{_tint(actor_colour(a))};'
        f'border:2px solid {actor_colour(a)}"></span>{_esc(a)}'
        for a in names
    ]
    if actors.isna().any():
        items.append(
            f'<span class="kk-swatch" style="background:{_tint(NA_COLOUR)};'
            f'border:2px solid {NA_COLOUR}"></span>unknown actor'
        )
    keys = []
    if "quotes" in show:
        keys.append('<mark class="kk-quote" style="background:#eee">statement</mark>')
    if "speakers" in show:
        keys.append('<span class="kk-speaker" style="border-color:#555">speaker</span>')
    if "cues" in show:
        keys.append('<span class="kk-cue" style="border-color:#555">cue</span>')
    body = "".join(items) if items else " no statements"
    return f'<div class="kk-legend"><b>Actors:</b>{body}<br><b>Key:</b> {" · ".join(keys)}</div>'


def highlight_html(
    article: Article | str,
    quotes: pd.DataFrame | None = None,
    *,
    show: Iterable[str] = SHOW_LAYERS,
    actor: Any = None,
    legend: bool = True,
    style: bool = True,
) -> str:
    """Render the article text as HTML with statements, speakers and cues highlighted.

    Parameters
    ----------
    article : Article or str
        The article; its text is shown exactly (tags stripped and entities unescaped, the
        output's text equals ``article.text``).
    quotes : pandas.DataFrame, optional
        The who-said-what table; computed with ``attribute_quotes`` when omitted.
    show : iterable of {"quotes", "speakers", "cues"}
        The layers to mark.
    actor : str, optional
        Mark only the statements of this actor.
    legend : bool
        Append a legend of actor colours.
    style : bool
        Include the ``<style>`` block (leave it out when it is already on the page).

    Returns
    -------
    str
        An HTML fragment.
    """
    from .attribution import attribute_quotes

    if not isinstance(article, Article):
        article = Article.from_text(article)
    show = tuple(show)
    unknown = set(show) - set(SHOW_LAYERS)
    if unknown:
        raise ValueError(f"show takes {SHOW_LAYERS}, not {sorted(unknown)}")
    if quotes is None:
        quotes = attribute_quotes(article)
    quotes = _filter_actor(quotes, actor)
    text = article.text
    n = len(text)
    records = _records(quotes)
    tips = [_tooltip(r) for r in records]
    spans = _spans(records, show, n)
    # Neighbouring segments often have the same active spans: build each tag once.
    tag_cache: dict[tuple[str, tuple[int, ...]], str] = {}

    # Boundary sweep: cut the text at every span and paragraph edge, so each segment has
    # one fixed set of active spans and its tags can be opened and closed inside it. This
    # keeps the markup well nested however the spans overlap.
    paras = article.paragraph_spans
    cuts = {0, n}
    for p in paras:
        cuts.update((p.start, p.end))
    for s, e, _, _ in spans:
        cuts.update((s, e))
    bounds = sorted(cuts)
    starts: dict[int, list[tuple[int, str, int, int]]] = {}
    for s, e, layer, i in spans:
        starts.setdefault(s, []).append((e, layer, i, e - s))
    para_at = {p.start: p for p in paras}

    out: list[str] = []
    active: list[tuple[int, str, int, int]] = []
    para_end: int | None = None
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        if para_end is not None and a >= para_end:
            out.append("</p>")
            para_end = None
        if a in para_at and para_end is None:
            p = para_at[a]
            out.append(f'<p class="kk-para kk-{p.kind}" data-paragraph="{p.paragraph_id}">')
            para_end = p.end
        active = [x for x in active if x[0] > a]
        active.extend(starts.get(a, ()))
        chunk = html.escape(text[a:b], quote=False)
        if para_end is None or not active:
            # Text between paragraphs is kept (offsets stay exact) but never marked.
            out.append(chunk)
            continue
        opened = []
        for layer in ("quote", "speaker", "cue"):
            # The shortest span on a layer is the most specific: it picks the colour.
            rows = sorted((x for x in active if x[1] == layer), key=lambda x: x[3])
            if rows:
                key = (layer, tuple(x[2] for x in rows))
                tag = tag_cache.get(key)
                if tag is None:
                    tag = _open_tag(layer, [records[i] for i in key[1]], [tips[i] for i in key[1]])
                    tag_cache[key] = tag
                out.append(tag)
                opened.append(_LAYER_TAGS[layer][0])
        out.append(chunk)
        out.extend(f"</{tag}>" for tag in reversed(opened))
    if para_end is not None:
        out.append("</p>")
    body = "".join(out)
    head = _CSS if style else ""
    tail = _legend(quotes, show) if legend else ""
    return f'{head}<div class="kk-article">{body}</div>{tail}'


def _bar(compound: Any) -> str:
    if _is_na(compound):
        return '<span class="kk-bar"></span>–'
    value = max(-1.0, min(1.0, float(compound)))
    width = abs(value) * 50
    left = 50 if value >= 0 else 50 - width
    colour = "#2e7d32" if value >= 0 else "#c62828"
    return (
        f'<span class="kk-bar"><span style="left:{left:.1f}%;width:{width:.1f}%;'
        f'background:{colour}"></span></span>{value:+.2f}'
    )


QUOTE_TABLE_COLUMNS = ("kind", "speaker", "actor", "cue", "sentiment", "rule", "text")


def quotes_html(
    quotes: pd.DataFrame,
    *,
    columns: Sequence[str] = QUOTE_TABLE_COLUMNS,
    max_rows: int | None = None,
    style: bool = True,
) -> str:
    """Render statements as a compact, escaped HTML table.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The who-said-what table; a ``compound`` column gives the sentiment bar.
    columns : sequence of str
        Which of ``kind, speaker, actor, cue, sentiment, rule, text`` to show, in order.
    max_rows : int, optional
        Show at most this many rows, with a note on how many were left out.
    style : bool
        Include the ``<style>`` block.

    Returns
    -------
    str
        An HTML fragment.
    """
    unknown = set(columns) - set(QUOTE_TABLE_COLUMNS)
    if unknown:
        raise ValueError(f"columns take {QUOTE_TABLE_COLUMNS}, not {sorted(unknown)}")
    head = _CSS if style else ""
    if quotes is None or len(quotes) == 0:
        return f'{head}<div class="kk-table kk-empty"><i>no statements</i></div>'
    shown = quotes if max_rows is None else quotes.head(max_rows)
    header = "".join(f"<th>{c}</th>" for c in columns)
    rows = []
    for row in _records_all(shown):
        cells = []
        for col in columns:
            if col == "sentiment":
                cells.append(f"<td style='white-space:nowrap'>{_bar(row.get('compound'))}</td>")
            elif col == "actor":
                colour = actor_colour(row.get("actor"))
                cells.append(
                    f'<td><span class="kk-swatch" style="display:inline-block;'
                    f'width:0.7em;height:0.7em;background:{colour}"></span> '
                    f"{_esc(_label(row.get('actor'), '–'))}</td>"
                )
            else:
                value = row.get(col)
                cells.append(f"<td>{_esc(_label(value, '–'))}</td>")
        rows.append(f'<tr data-quote="{_esc(row.get("quote_id"))}">{"".join(cells)}</tr>')
    more = len(quotes) - len(shown)
    note = f"<caption style='caption-side:bottom'>… {more} more</caption>" if more > 0 else ""
    return (
        f'{head}<table class="kk-table kk-quotes">{note}<thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _tone_table(quotes: pd.DataFrame) -> str:
    from .stance import actor_summary

    if len(quotes) == 0:
        return "<i>no statements</i>"
    summary = actor_summary(quotes)
    rows = "".join(
        f'<tr><td><span style="display:inline-block;width:0.7em;height:0.7em;'
        f'background:{actor_colour(r["actor"])}"></span> {_esc(r["actor"])}</td>'
        f"<td>{int(r['n_statements'])}</td>"
        f'<td style="white-space:nowrap">{_bar(r["mean_compound"])}</td></tr>'
        for r in summary.to_dict("records")
    )
    return (
        f'<table class="kk-table kk-actor-summary"><thead><tr><th>actor or speaker</th>'
        f"<th>statements</th><th>mean tone</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def summary_html(article: Article, quotes: pd.DataFrame) -> str:
    """Render a compact summary: title, sizes, statements by kind and tone per actor.

    Parameters
    ----------
    article : Article
    quotes : pandas.DataFrame
        The who-said-what table (sentiment is computed if it has no ``compound``).

    Returns
    -------
    str
        An HTML fragment.
    """
    s = article.summary()
    kinds = quotes["kind"].value_counts() if len(quotes) and "kind" in quotes.columns else {}
    by_kind = ", ".join(f"{kinds[k]} {k}" for k in KIND_ORDER if k in kinds) or "none"
    speakers = quotes["speaker"].nunique() if "speaker" in quotes.columns else 0
    return (
        f'{_CSS}<div class="kk-summary" style="font-family:sans-serif">'
        f"<b>{_esc(_label(s['title'], 'Untitled article'))}</b><br>"
        f"<small>{s['paragraphs']} paragraphs · {s['sentences']} sentences · "
        f"{s['words']} words · {len(quotes)} statements ({by_kind}) · "
        f"{speakers} named speakers</small>{_tone_table(quotes)}</div>"
    )


@dataclass(eq=False)
class Analysis:
    """An article with its statements, sentiment and actor mentions, shown nicely in Jupyter.

    Attributes
    ----------
    article : Article
    quotes : pandas.DataFrame
        The who-said-what table with ``compound, pos, neu, neg``.
    actors : pandas.DataFrame
        Actor mentions from the gazetteer.
    """

    article: Article
    quotes: pd.DataFrame
    actors: pd.DataFrame

    def summary(self) -> dict[str, Any]:
        """Counts: the article's sizes, statements by kind, speakers and actors."""
        out = self.article.summary()
        kinds = self.quotes["kind"].value_counts() if len(self.quotes) else {}
        out["statements"] = len(self.quotes)
        out.update({f"{k}_statements": int(kinds.get(k, 0)) for k in KIND_ORDER})
        out["speakers"] = int(self.quotes["speaker"].nunique()) if len(self.quotes) else 0
        out["speaking_actors"] = int(self.quotes["actor"].nunique()) if len(self.quotes) else 0
        out["mentioned_actors"] = int(self.actors["actor"].nunique()) if len(self.actors) else 0
        return out

    def actor_summary(self) -> pd.DataFrame:
        """Tone per actor (see :func:`kosovo_kit.stance.actor_summary`)."""
        from .stance import actor_summary

        return actor_summary(self.quotes)

    def stance(self) -> pd.DataFrame:
        """Who speaks about whom (see :func:`kosovo_kit.stance.stance_table`)."""
        from .stance import stance_table

        return stance_table(self.quotes, self.actors)

    def highlight_html(self, **kwargs: Any) -> str:
        """The highlighted article (keywords as in :func:`highlight_html`)."""
        return highlight_html(self.article, self.quotes, **kwargs)

    def __repr__(self) -> str:
        return f"Analysis({self.article!r}, statements={len(self.quotes)})"

    def _repr_html_(self) -> str:
        return (
            summary_html(self.article, self.quotes)
            + "<details><summary style='cursor:pointer;font-family:sans-serif'>"
            "Highlighted text</summary>"
            + highlight_html(self.article, self.quotes, style=False)
            + "</details>"
            + "<details><summary style='cursor:pointer;font-family:sans-serif'>"
            "Statements</summary>" + quotes_html(self.quotes, style=False) + "</details>"
        )


def analyse(article: Article | str, gazetteer: Any = None, lexicon: Any = "news") -> Analysis:
    """Attribute statements, score them and find actor mentions in one call.

    The analysis of :func:`kosovo_kit.pipeline.analyse_records`, the same a corpus run
    makes of each article.

    Parameters
    ----------
    article : Article or str
    gazetteer : Gazetteer, path or DataFrame, optional
        As for :func:`kosovo_kit.attribution.attribute_quotes`.
    lexicon : str, Path, Mapping or Lexicon
        The tone lexicon, as for :func:`kosovo_kit.score_sentiment`.

    Returns
    -------
    Analysis
    """
    from .pipeline import analyse_records

    if not isinstance(article, Article):
        article = Article.from_text(article)
    tables = analyse_records(article, gazetteer, lexicon).tables()
    return Analysis(article, tables.statements, tables.actors)
