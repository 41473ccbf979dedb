"""Charts of who says what, in what tone, where and about whom (matplotlib).

Every function takes ``ax=None``, draws on a new figure when none is given, and returns
the Axes. Actors keep the colours of :func:`kosovo_kit.render.actor_colour`, so a chart
matches the highlighted text. Empty input gives an Axes with a "no statements" note.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import MaxNLocator

from .render import KIND_ORDER, NA_COLOUR, actor_colour
from .text import Article

__all__ = [
    "actor_timeline",
    "stance_network",
    "statements_per_actor",
    "tone_over_time",
    "tone_per_actor",
]

#: Label used for statements whose actor is unknown.
UNKNOWN = "(unknown)"
_HATCHES = {"direct": "", "mixed": "//", "indirect": "..", "belief": "xx"}
_MARKERS = {"direct": "o", "mixed": "D", "indirect": "s", "belief": "^"}


def _integer_ticks(axis: Axis) -> None:
    """Counts get whole-number ticks (the default locator is a MaxNLocator)."""
    locator = axis.get_major_locator()
    if isinstance(locator, MaxNLocator):
        locator.set_params(integer=True)


def _axes(ax: Axes | None, size: tuple[float, float] = (7, 4)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _empty(ax: Axes, title: str, what: str = "no statements") -> Axes:
    ax.set_title(title)
    ax.text(0.5, 0.5, what, ha="center", va="center", transform=ax.transAxes, color="#777")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _actor_labels(quotes: pd.DataFrame) -> pd.Series:
    actor = quotes["actor"] if "actor" in quotes.columns else pd.Series(pd.NA, index=quotes.index)
    return actor.astype("object").where(actor.notna(), UNKNOWN)


def _colour(label: str) -> str:
    return NA_COLOUR if label == UNKNOWN else actor_colour(label)


def _kinds(quotes: pd.DataFrame) -> list[str]:
    present = set(quotes["kind"].dropna()) if "kind" in quotes.columns else set()
    return [k for k in KIND_ORDER if k in present] + sorted(present - set(KIND_ORDER))


def _top_actors(quotes: pd.DataFrame, top: int | None) -> tuple[pd.DataFrame, str]:
    """Only the statements of the ``top`` most quoted actors, and a note for the title."""
    if top is None:
        return quotes, ""
    if not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive int or None, not {top!r}")
    labels = _actor_labels(quotes)
    keep = labels.value_counts(sort=True).index[:top]  # ties: first seen first
    if len(keep) == labels.nunique():
        return quotes, ""
    return quotes[labels.isin(keep)], f" (top {top})"


def statements_per_actor(
    quotes: pd.DataFrame, ax: Axes | None = None, top: int | None = None
) -> Axes:
    """Number of statements per actor, stacked by kind (one hatch per kind).

    Parameters
    ----------
    quotes : pandas.DataFrame
        The who-said-what table (``actor``, ``kind``), of one article or a corpus.
    ax : matplotlib.axes.Axes, optional
    top : int, optional
        Show only the ``top`` most quoted actors (for a corpus).

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per (actor, kind present in the data).
    """
    ax = _axes(ax)
    title = "Statements per actor"
    if quotes is None or len(quotes) == 0:
        return _empty(ax, title)
    quotes, note = _top_actors(quotes, top)
    title += note
    frame = pd.DataFrame({"actor": _actor_labels(quotes), "kind": quotes["kind"].fillna("?")})
    counts = frame.groupby(["actor", "kind"]).size().unstack(fill_value=0)
    # Most quoted actor on top: barh draws the first row at the bottom.
    order = counts.sum(axis=1).sort_values(kind="stable").index
    counts = counts.loc[order]
    left = [0] * len(counts)
    colours = [_colour(a) for a in counts.index]
    for kind in _kinds(quotes):
        widths = counts[kind].tolist() if kind in counts.columns else [0] * len(counts)
        ax.barh(
            list(counts.index),
            widths,
            left=left,
            color=colours,
            edgecolor="white",
            hatch=_HATCHES.get(kind, "--"),
            label=kind,
        )
        left = [a + b for a, b in zip(left, widths)]
    ax.set_title(title)
    ax.set_xlabel("statements")
    ax.set_ylabel("actor")
    _integer_ticks(ax.xaxis)
    handles = [
        plt.Rectangle(
            (0, 0), 1, 1, facecolor="#bbb", edgecolor="white", hatch=_HATCHES.get(k, "--"), label=k
        )
        for k in _kinds(quotes)
    ]
    ax.legend(handles=handles, title="kind", loc="lower right", fontsize="small")
    return ax


def tone_per_actor(quotes: pd.DataFrame, ax: Axes | None = None, top: int | None = None) -> Axes:
    """Mean sentiment (compound) per actor, with the spread and each statement as a dot.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The who-said-what table; sentiment is computed when there is no ``compound``.
    ax : matplotlib.axes.Axes, optional
    top : int, optional
        Show only the ``top`` most quoted actors (for a corpus).

    Returns
    -------
    matplotlib.axes.Axes
        One bar per actor (mean, with a standard-deviation error bar) and one dot per
        scored statement.
    """
    from .stance import add_sentiment

    ax = _axes(ax)
    title = "Tone per actor"
    if quotes is None or len(quotes) == 0:
        return _empty(ax, title)
    quotes, note = _top_actors(quotes, top)
    title += note
    if "compound" not in quotes.columns:
        quotes = add_sentiment(quotes)
    frame = pd.DataFrame({"actor": _actor_labels(quotes), "c": quotes["compound"]}).dropna()
    if frame.empty:
        return _empty(ax, title, "no scored statements")
    stats = (
        frame.groupby("actor")["c"].agg(["mean", "std", "count"]).sort_values("mean", kind="stable")
    )
    ypos = {a: i for i, a in enumerate(stats.index)}
    ax.barh(
        range(len(stats)),
        stats["mean"],
        xerr=stats["std"].fillna(0),
        height=0.6,
        color=[_colour(a) for a in stats.index],
        alpha=0.55,
        capsize=3,
        error_kw={"ecolor": "#444", "lw": 1},
    )
    # Dots spread a little vertically so equal scores stay visible.
    ys = [ypos[a] + ((i % 5) - 2) * 0.06 for i, a in enumerate(frame["actor"])]
    ax.scatter(
        frame["c"],
        ys,
        s=18,
        color=[_colour(a) for a in frame["actor"]],
        edgecolor="black",
        linewidth=0.4,
        zorder=3,
    )
    ax.set_yticks(range(len(stats)))
    ax.set_yticklabels([f"{a} (n={int(n)})" for a, n in zip(stats.index, stats["count"])])
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_title(title)
    ax.set_xlabel("sentiment (compound, −1 … +1)")
    ax.set_ylabel("actor")
    return ax


def actor_timeline(
    quotes: pd.DataFrame, article: Article | None = None, ax: Axes | None = None
) -> Axes:
    """Where in the article each actor speaks: one mark per statement, by paragraph.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The who-said-what table (``actor``, ``paragraph_id``, ``kind``).
    article : Article, optional
        When given, the x axis covers all its paragraphs and non-body paragraphs are shaded.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One scatter collection per kind; one point per statement.
    """
    ax = _axes(ax, (8, 3.5))
    title = "Who speaks where"
    if quotes is None or len(quotes) == 0:
        return _empty(ax, title)
    labels = _actor_labels(quotes)
    # Actors in order of first appearance, first speaker at the top.
    first = pd.DataFrame({"a": labels, "p": quotes["paragraph_id"]}).groupby("a")["p"].min()
    order = list(first.sort_values(kind="stable").index)
    ypos = {a: len(order) - 1 - i for i, a in enumerate(order)}
    if article is not None:
        paras = article.paragraph_spans
        for p in paras:
            if p.kind != "body":
                ax.axvspan(p.paragraph_id - 0.5, p.paragraph_id + 0.5, color="#eee", zorder=0)
        ax.set_xlim(-0.5, max(len(paras) - 0.5, 0.5))
    kinds = quotes["kind"].fillna("?")
    for kind in _kinds(quotes):
        mask = (kinds == kind).to_numpy()
        sub = labels[mask]
        ax.scatter(
            quotes["paragraph_id"][mask],
            [ypos[a] for a in sub],
            c=[_colour(a) for a in sub],
            marker=_MARKERS.get(kind, "x"),
            s=45,
            edgecolor="black",
            linewidth=0.4,
            label=kind,
            zorder=3,
        )
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels(list(reversed(order)))
    _integer_ticks(ax.xaxis)
    ax.grid(axis="y", color="#ddd", lw=0.6)
    ax.set_title(title)
    ax.set_xlabel("paragraph")
    ax.set_ylabel("actor")
    # Grey legend markers: the colours stand for actors, the shapes for kinds.
    handles = [
        plt.Line2D(
            [0],
            [0],
            marker=_MARKERS.get(k, "x"),
            color="none",
            markerfacecolor="#bbb",
            markeredgecolor="black",
            label=k,
        )
        for k in _kinds(quotes)
    ]
    ax.legend(
        handles=handles, title="kind", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small"
    )
    return ax


def tone_over_time(
    statements: pd.DataFrame, freq: str = "W", column: str = "date", ax: Axes | None = None
) -> Axes:
    """Mean tone of the statements per period (line) and how many there were (bars).

    Parameters
    ----------
    statements : pandas.DataFrame
        Statements with a date column, e.g. :attr:`kosovo_kit.corpus.CorpusResult.statements`.
    freq : str
        A pandas period: ``"D"`` days, ``"W"`` weeks, ``"M"`` months.
    column : str
        The date column.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The tone axis. The counts are drawn behind it on a twin axis that shares its
        x axis (the other Axes in ``ax.figure.axes``).
    """
    from .aggregate import tone_by_time

    ax = _axes(ax, size=(8, 3.5))
    title = "Tone over time"
    if statements is None or len(statements) == 0:
        return _empty(ax, title)
    table = tone_by_time(statements, freq=freq, column=column)
    if table.empty:
        return _empty(ax, title, f"no statement has a date in {column!r}")
    x = table["start"]
    width = (table["period"].dt.end_time - table["period"].dt.start_time).dt.days.clip(lower=1)
    counts = ax.twinx()
    counts.bar(
        x, table["n_statements"], width=width * 0.8, align="edge", color="#ccc", label="statements"
    )
    counts.set_ylabel("statements", color="#777")
    _integer_ticks(counts.yaxis)
    ax.set_zorder(counts.get_zorder() + 1)  # the tone line in front of the bars
    ax.patch.set_visible(False)
    middle = x + pd.to_timedelta(width / 2, unit="D")
    ax.plot(middle, table["mean_compound"], marker="o", color="#1f4e79", label="mean tone")
    ax.axhline(0, color="#999", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("mean tone (compound)")
    undated = table.attrs.get("undated", 0)
    ax.set_title(title + (f" ({undated} undated left out)" if undated else ""))
    ax.figure.autofmt_xdate()
    return ax


def _stance_colour(value: float) -> str:
    if value > 0.05:
        return "#2e7d32"
    if value < -0.05:
        return "#c62828"
    return "#888888"


def stance_network(stance: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Who speaks about whom: actors on a circle, arrows from speaker to target.

    Arrows are green for a positive mean stance, red for negative, grey for neutral;
    their width grows with the number of statements.

    Parameters
    ----------
    stance : pandas.DataFrame
        Output of :func:`kosovo_kit.stance.stance_table` (``actor, target, n, mean_stance``).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One arrow patch per (actor, target) row and one text label per node.
    """
    ax = _axes(ax, (6, 6))
    title = "Who speaks about whom"
    if stance is None or len(stance) == 0:
        return _empty(ax, title, "no statements about other actors")
    rows = stance.dropna(subset=["actor", "target"])
    nodes = list(dict.fromkeys([*rows["actor"].astype(str), *rows["target"].astype(str)]))
    pos: dict[str, tuple[float, float]] = {}
    for i, name in enumerate(nodes):
        angle = math.pi / 2 - 2 * math.pi * i / len(nodes)
        pos[name] = (math.cos(angle), math.sin(angle))
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=600,
        c=[actor_colour(n) for n in nodes],
        edgecolor="black",
        zorder=3,
    )
    for name in nodes:
        x, y = pos[name]
        ax.text(x * 1.3, y * 1.3, name, ha="center", va="center", fontsize="small")
    n_max = max(float(rows["n"].max()), 1.0) if "n" in rows.columns else 1.0
    for row in rows.to_dict("records"):
        value = float(row.get("mean_stance", 0.0) or 0.0)
        n = float(row.get("n", 1) or 1)
        # A slight curve keeps A→B and B→A apart.
        arrow = FancyArrowPatch(
            pos[str(row["actor"])],
            pos[str(row["target"])],
            arrowstyle="-|>",
            mutation_scale=14,
            connectionstyle="arc3,rad=0.15",
            shrinkA=14,
            shrinkB=14,
            color=_stance_colour(value),
            lw=1 + 3 * n / n_max,
            zorder=2,
        )
        ax.add_patch(arrow)
    ax.set_xlim(-1.5, 1.5)
    ax.set_ylim(-1.5, 1.5)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title)
    handles = [
        plt.Line2D([0], [0], color=c, lw=2, label=t)
        for t, c in (("positive", "#2e7d32"), ("neutral", "#888888"), ("negative", "#c62828"))
    ]
    ax.legend(handles=handles, loc="lower right", fontsize="small", title="stance")
    return ax
