"""ActorExplorer in a real JupyterLab page: the dropdown drives the statements shown."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

# Test fixture: a short made-up news text with three statements by Peskov and two by Burger.
TWO_SPEAKERS = """Russia backs Serbia as tension rises in northern Kosovo

Moscow has thrown its support behind Belgrade after Kosovo police moved into two \
municipalities in the north on Monday.

“We support Belgrade in all its measures,” Kremlin spokesman Dmitry Peskov said. He added \
that Moscow was following the situation closely.

Berlin reacted with alarm. “This is a very bad signal,” said Christofer Burger, spokesman \
of the Foreign Office.

Peskov later told reporters: “The responsibility lies with Pristina and its Western \
sponsors.”

“We call on both sides to return to dialogue without delay,” Burger said.
"""
PESKOV_QUOTES = [
    "We support Belgrade in all its measures",
    "The responsibility lies with Pristina and its Western sponsors",
]
BURGER_QUOTES = [
    "This is a very bad signal",
    "We call on both sides to return to dialogue without delay",
]
PESKOV = "Dmitry Peskov (speaker, 3)"
BURGER = "Christofer Burger (speaker, 2)"


def option_labels(dropdown) -> list[str]:
    # ipywidgets writes option labels with no-break spaces so they never wrap.
    return [t.replace("\xa0", " ").strip() for t in dropdown.locator("option").all_inner_texts()]


def choose(dropdown, label: str) -> None:
    """Pick an option by its label as the kit writes it, the way a user picks it."""
    dropdown.select_option(index=option_labels(dropdown).index(label))


def test_dropdown_switches_statements_between_speakers(
    page, jupyter_lab, run_in_lab, explorer_notebook, screenshot, timings
):
    from playwright.sync_api import expect

    notebook = explorer_notebook(jupyter_lab.root, "two_speakers", TWO_SPEAKERS)
    run_in_lab(page, notebook)

    dropdown = page.locator(".kk-actor-dropdown select")
    statements = page.locator(".kk-statements")
    assert {PESKOV, BURGER} <= set(option_labels(dropdown))
    # Before any choice the explorer shows everybody.
    for quote in PESKOV_QUOTES + BURGER_QUOTES:
        expect(statements).to_contain_text(quote)

    started = time.monotonic()
    choose(dropdown, PESKOV)
    for quote in PESKOV_QUOTES:
        expect(statements).to_contain_text(quote)
    for quote in BURGER_QUOTES:
        expect(statements).not_to_contain_text(quote)
    timings("dropdown response (JupyterLab, Peskov)", time.monotonic() - started)
    expect(page.locator(".kk-count")).to_contain_text("3 of 3 statements of Dmitry Peskov")
    screenshot(page, "jupyterlab_peskov_page.png")
    cell = page.locator(".jp-CodeCell", has=page.locator(".kk-actor-explorer"))
    screenshot(cell, "jupyterlab_peskov_explorer.png")

    started = time.monotonic()
    choose(dropdown, BURGER)
    for quote in BURGER_QUOTES:
        expect(statements).to_contain_text(quote)
    for quote in PESKOV_QUOTES:
        expect(statements).not_to_contain_text(quote)
    timings("dropdown response (JupyterLab, Burger)", time.monotonic() - started)

    # The Text tab highlights the chosen speaker's statements only.
    page.locator(".kk-tabs .lm-TabBar-tab", has_text="Text").click()
    marks = page.locator(".kk-text-view mark.kk-quote")
    expect(marks.first).to_be_visible()
    marked = " ".join(marks.all_inner_texts())
    assert all(q in marked for q in BURGER_QUOTES), marked
    assert not any(q in marked for q in PESKOV_QUOTES), marked
    screenshot(page, "jupyterlab_burger_text.png")
