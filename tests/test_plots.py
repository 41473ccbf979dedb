"""Charts: each returns an Axes with one mark per actor, statement or edge."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.patches import FancyArrowPatch

from kosovo_kit import plots
from kosovo_kit.render import actor_colour
from kosovo_kit.text import Article

TEXT = """Tensions rise in north Kosovo

Serbian Defense Minister Milos Vucevic announced that the army was on alert.

“We support Belgrade,” Kremlin spokesman Dmitry Peskov said.

“This is a very bad signal,” said Foreign Office spokesman Christofer Burger.
"""


def _quotes() -> pd.DataFrame:
    rows = [
        ("Russia", "Dmitry Peskov", "direct", 0.4, 2),
        ("Russia", "Dmitry Peskov", "indirect", 0.2, 3),
        ("Germany", "Christofer Burger", "direct", -0.6, 3),
        ("Serbia", "Milos Vucevic", "indirect", 0.0, 1),
        (pd.NA, pd.NA, "belief", -0.2, 1),
    ]
    return pd.DataFrame(
        [
            {
                "quote_id": i,
                "actor": a,
                "speaker": s,
                "kind": k,
                "compound": c,
                "paragraph_id": p,
                "text": f"statement {i}",
            }
            for i, (a, s, k, c, p) in enumerate(rows)
        ]
    )


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _bar_patches(ax):
    return [p for p in ax.patches if not isinstance(p, FancyArrowPatch)]


def test_statements_per_actor_stacks_kinds():
    quotes = _quotes()
    ax = plots.statements_per_actor(quotes)
    # 4 actor rows (with "(unknown)") x 3 kinds present.
    assert len(_bar_patches(ax)) == 4 * 3
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert set(labels) == {"Russia", "Germany", "Serbia", plots.UNKNOWN}
    assert labels[-1] == "Russia"  # most statements drawn on top
    assert ax.get_title() and ax.get_xlabel() == "statements"
    # Stacked widths add up to each actor's count.
    totals: dict[float, float] = {}
    for p in _bar_patches(ax):
        totals[p.get_y()] = totals.get(p.get_y(), 0) + p.get_width()
    assert sorted(totals.values()) == [1, 1, 1, 2]
    russia = [p for p in _bar_patches(ax) if p.get_width() > 0 and p.get_y() == max(totals)]
    assert all(mcolors.to_hex(p.get_facecolor()) == actor_colour("Russia") for p in russia)


def test_tone_per_actor_bars_and_points():
    quotes = _quotes()
    ax = plots.tone_per_actor(quotes)
    assert len(_bar_patches(ax)) == 4
    points = ax.collections[-1].get_offsets()
    assert len(points) == len(quotes)
    widths = sorted(round(p.get_width(), 3) for p in _bar_patches(ax))
    assert widths == sorted([0.3, -0.6, 0.0, -0.2])
    assert any(t.get_text() == "Russia (n=2)" for t in ax.get_yticklabels())
    assert "sentiment" in ax.get_xlabel()


def test_tone_per_actor_computes_missing_sentiment():
    quotes = pd.DataFrame(
        {
            "actor": ["Russia", "Serbia"],
            "kind": ["direct", "direct"],
            "text": ["We are very happy and grateful.", "This is a disaster."],
        }
    )
    ax = plots.tone_per_actor(quotes)
    widths = {
        t.get_text().split(" ")[0]: p.get_width()
        for t, p in zip(ax.get_yticklabels(), _bar_patches(ax))
    }
    assert widths["Russia"] > 0 > widths["Serbia"]


def test_actor_timeline_one_point_per_statement():
    quotes = _quotes()
    article = Article.from_text(TEXT)
    _fig, ax = plt.subplots()
    out = plots.actor_timeline(quotes, article, ax=ax)
    assert out is ax
    n_points = sum(len(c.get_offsets()) for c in ax.collections)
    assert n_points == len(quotes)
    xs = sorted(x for c in ax.collections for x, _ in c.get_offsets())
    assert xs == sorted(quotes["paragraph_id"])
    assert ax.get_xlabel() == "paragraph"
    assert ax.get_xlim() == (-0.5, len(article.paragraph_spans) - 0.5)


def test_stance_network_edges_and_nodes():
    stance = pd.DataFrame(
        {
            "actor": ["Russia", "Germany", "Serbia"],
            "target": ["Serbia", "Serbia", "Russia"],
            "n": [2, 1, 1],
            "mean_stance": [0.8, -0.5, 0.0],
            "statements": [[0, 1], [2], [3]],
        }
    )
    ax = plots.stance_network(stance)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 3
    colours = {mcolors.to_hex(a.get_edgecolor()) for a in arrows}
    assert colours == {"#2e7d32", "#c62828", "#888888"}
    labels = {t.get_text() for t in ax.texts}
    assert {"Russia", "Germany", "Serbia"} <= labels
    assert len(ax.collections[0].get_offsets()) == 3


def test_stance_network_from_the_kit():
    from kosovo_kit.attribution import attribute_quotes
    from kosovo_kit.gazetteer import actors
    from kosovo_kit.stance import stance_table

    article = Article.from_text(TEXT)
    stance = stance_table(attribute_quotes(article), actors(article))
    ax = plots.stance_network(stance)
    assert len([p for p in ax.patches if isinstance(p, FancyArrowPatch)]) == len(stance)


@pytest.mark.parametrize(
    "func", [plots.statements_per_actor, plots.tone_per_actor, plots.actor_timeline]
)
def test_empty_quotes_give_a_note(func):
    empty = _quotes().iloc[:0]
    ax = func(empty)
    assert any("no statements" in t.get_text() for t in ax.texts)
    assert not _bar_patches(ax) and not ax.collections


def test_empty_stance_gives_a_note():
    empty = pd.DataFrame(columns=["actor", "target", "n", "mean_stance", "statements"])
    ax = plots.stance_network(empty)
    assert any("no statements" in t.get_text() for t in ax.texts)
    assert not ax.patches


@pytest.mark.parametrize("func", [plots.statements_per_actor, plots.tone_per_actor])
def test_top_keeps_the_most_quoted_actors(func):
    ax = func(_quotes(), top=1)
    labels = [t.get_text().split(" (n=")[0] for t in ax.get_yticklabels()]
    assert labels == ["Russia"]
    assert ax.get_title().endswith("(top 1)")
    assert "(top" not in func(_quotes(), top=10).get_title()  # all fit: no note
    with pytest.raises(ValueError, match="top must be a positive int"):
        func(_quotes(), top=0)


def _dated() -> pd.DataFrame:
    quotes = _quotes()
    quotes["date"] = ["2022-12-26", "2022-12-28", "2023-01-03", "not a date", "2023-01-04"]
    quotes["article_id"] = ["a", "a", "b", "c", "b"]
    return quotes


def test_tone_over_time_one_point_and_bar_per_week():
    ax = plots.tone_over_time(_dated(), freq="W")
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "mean tone"]
    # week of 26 Dec: 0.4 and 0.2; week of 2 Jan: -0.6 and -0.2
    assert [round(y, 6) for y in line.get_ydata()] == [0.3, -0.4]
    (counts,) = [a for a in ax.figure.axes if a is not ax]
    assert [p.get_height() for p in counts.patches] == [2, 2]
    assert "1 undated left out" in ax.get_title()


def test_tone_over_time_without_dates_gives_a_note():
    undated = _dated().assign(date="someday")
    ax = plots.tone_over_time(undated)
    assert any("no statement has a date" in t.get_text() for t in ax.texts)
    assert any(
        "no statements" in t.get_text() for t in plots.tone_over_time(_dated().iloc[:0]).texts
    )
    with pytest.raises(ValueError, match="no date column"):
        plots.tone_over_time(_quotes())


def test_stance_network_of_the_bundled_article_reads_as_the_headlines_do():
    import kosovo_kit as kk

    stance = kk.stance_table(kk.load_article())
    ax = plots.stance_network(stance)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    # one arrow per row, in the table's order
    colour = {
        (a, t): mcolors.to_hex(arrow.get_edgecolor())
        for a, t, arrow in zip(stance["actor"], stance["target"], arrows)
    }
    assert colour[("Russia", "Serbia")] == "#2e7d32"  # "Russia supports Serbia"
    assert colour[("Germany", "Serbia")] == "#c62828"  # "Germany condemns Serbia's policies"
