"""ActorExplorer as a Voilà dashboard: widgets only, no code, and the dropdown still works."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

# Test fixture: a made-up news text with statements by two speakers.
ARTICLE = """Moscow and Berlin split over Kosovo police action

“We support Belgrade in all its measures,” Kremlin spokesman Dmitry Peskov said.

“This is a very bad signal,” said Christofer Burger, spokesman of the Foreign Office.

Peskov added: “Russia will not stand aside while Serbs are threatened.”
"""
PESKOV_QUOTES = [
    "We support Belgrade in all its measures",
    "Russia will not stand aside while Serbs are threatened",
]
BURGER_QUOTE = "This is a very bad signal"
# Source lines of the notebook that must not reach a dashboard's reader.
CODE = ["import kosovo_kit as kk", "ActorExplorer(article)", "load_article"]


def labels(dropdown) -> list[str]:
    # ipywidgets writes option labels with no-break spaces so they never wrap.
    return [t.replace("\xa0", " ").strip() for t in dropdown.locator("option").all_inner_texts()]


def test_voila_shows_the_explorer_without_code(
    page, notebook_dir, explorer_notebook, voila_server, screenshot, timings, offsite_requests
):
    from playwright.sync_api import expect

    folder = notebook_dir / "voila"
    folder.mkdir()
    notebook = explorer_notebook(folder, "dashboard", ARTICLE)
    # the kit's template, as `make dashboard` serves any explorer notebook
    server = voila_server(notebook, template="kosovo-kit")

    started = time.monotonic()
    page.goto(server.link("/"))
    dropdown = page.locator(".kk-actor-explorer .kk-actor-dropdown select")
    expect(dropdown).to_be_visible(timeout=90_000)
    timings("open and run the notebook in Voilà", time.monotonic() - started)

    body = page.locator("body")
    for line in CODE:
        expect(body).not_to_contain_text(line)
    expect(page.locator(".jp-InputArea-editor, .jp-InputArea .cm-content")).to_have_count(0)
    for quote in [*PESKOV_QUOTES, BURGER_QUOTE]:
        expect(page.locator(".kk-statements")).to_contain_text(quote)

    started = time.monotonic()
    options = labels(dropdown)
    dropdown.select_option(index=options.index("Christofer Burger (speaker, 1)"))
    statements = page.locator(".kk-statements")
    expect(statements).to_contain_text(BURGER_QUOTE)
    for quote in PESKOV_QUOTES:
        expect(statements).not_to_contain_text(quote)
    timings("dropdown response (Voilà)", time.monotonic() - started)
    expect(page.locator(".kk-count")).to_contain_text("1 of 1 statements of Christofer Burger")

    dropdown.select_option(index=options.index("Dmitry Peskov (speaker, 2)"))
    for quote in PESKOV_QUOTES:
        expect(statements).to_contain_text(quote)
    expect(statements).not_to_contain_text(BURGER_QUOTE)
    screenshot(page, "voila_peskov.png")
    assert offsite_requests() == []
