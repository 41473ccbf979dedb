"""The course's own explorer: notebook 05 in JupyterLab and the dashboard in Voilà.

Both run on the bundled Kosovo article; the tests pick speakers by the start of their label
("Dmitry Peskov (speaker, …)"), so they hold whatever number of statements the kit finds.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXPLORER_NOTEBOOK = ROOT / "notebooks" / "05_actor_explorer.ipynb"
DASHBOARD = ROOT / "notebooks" / "dashboard.ipynb"
# Written only on request, so an ordinary test run never changes the repository.
README_SCREENSHOT = ROOT / "docs" / "actor_explorer.png"
# Words of the article: one statement of each speaker.
PESKOV_SAYS = "We have very close allied, historical and spiritual ties with Serbia"
BURGER_SAYS = "We are very concerned about these tensions in northern Kosovo"
# Source lines of the dashboard notebook that must not reach its reader.
CODE = ["import kosovo_kit as kk", "ActorExplorer(article)", "load_article"]


def option_labels(dropdown) -> list[str]:
    # ipywidgets writes option labels with no-break spaces so they never wrap.
    return [t.replace("\xa0", " ").strip() for t in dropdown.locator("option").all_inner_texts()]


def choose_speaker(dropdown, name: str) -> None:
    """Pick a speaker by name, as a user picks the line "Name (speaker, n)"."""
    labels = option_labels(dropdown)
    matches = [i for i, label in enumerate(labels) if label.startswith(f"{name} (speaker, ")]
    assert len(matches) == 1, (name, labels)
    dropdown.select_option(index=matches[0])


def test_notebook_05_switches_from_peskov_to_burger_in_jupyterlab(
    page, jupyter_lab, run_in_lab, screenshot, timings, offsite_requests
):
    from playwright.sync_api import expect

    # The lab serves a folder of its own: a copy keeps checkpoints and saves out of the repo.
    notebook = jupyter_lab.root / EXPLORER_NOTEBOOK.name
    shutil.copyfile(EXPLORER_NOTEBOOK, notebook)
    run_in_lab(page, notebook)

    dropdown = page.locator(".kk-actor-explorer .kk-actor-dropdown select")
    statements = page.locator(".kk-actor-explorer .kk-statements")
    count = page.locator(".kk-actor-explorer .kk-count")
    # The notebook's last explorer cell leaves it on Dmitry Peskov.
    expect(count).to_contain_text("statements of Dmitry Peskov")
    expect(statements).to_contain_text(PESKOV_SAYS)
    expect(statements).not_to_contain_text(BURGER_SAYS)
    cell = page.locator(".jp-CodeCell", has=page.locator(".kk-actor-explorer"))
    cell.scroll_into_view_if_needed()
    readme_shot = screenshot(cell, "course_notebook05_peskov.png")
    if os.environ.get("KOSOVO_KIT_UPDATE_SCREENSHOT") == "1":
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(readme_shot, README_SCREENSHOT)

    started = time.monotonic()
    choose_speaker(dropdown, "Christofer Burger")
    expect(statements).to_contain_text(BURGER_SAYS)
    expect(statements).not_to_contain_text(PESKOV_SAYS)
    timings("dropdown response (notebook 05, Burger)", time.monotonic() - started)
    expect(count).to_contain_text("statements of Christofer Burger")

    page.locator(".kk-actor-explorer .kk-tabs .lm-TabBar-tab", has_text="Text").click()
    marks = page.locator(".kk-actor-explorer .kk-text-view mark.kk-quote")
    expect(marks.first).to_be_visible()
    marked = " ".join(marks.all_inner_texts())
    assert BURGER_SAYS in marked and PESKOV_SAYS not in marked, marked
    screenshot(page, "course_notebook05_burger_text.png")
    assert offsite_requests() == []


def test_dashboard_in_voila_has_no_code_and_switches_speakers(
    page, voila_server, screenshot, timings, offsite_requests
):
    from playwright.sync_api import expect

    server = voila_server(DASHBOARD, template="kosovo-kit")
    started = time.monotonic()
    page.goto(server.link("/"))
    dropdown = page.locator(".kk-actor-explorer .kk-actor-dropdown select")
    expect(dropdown).to_be_visible(timeout=90_000)
    timings("open the dashboard in Voilà", time.monotonic() - started)

    body = page.locator("body")
    for line in CODE:
        expect(body).not_to_contain_text(line)
    expect(page.locator(".jp-InputArea-editor, .jp-InputArea .cm-content")).to_have_count(0)
    statements = page.locator(".kk-statements")
    expect(statements).to_contain_text(PESKOV_SAYS)
    expect(statements).to_contain_text(BURGER_SAYS)

    choose_speaker(dropdown, "Dmitry Peskov")
    expect(statements).to_contain_text(PESKOV_SAYS)
    expect(statements).not_to_contain_text(BURGER_SAYS)
    started = time.monotonic()
    choose_speaker(dropdown, "Christofer Burger")
    expect(statements).to_contain_text(BURGER_SAYS)
    expect(statements).not_to_contain_text(PESKOV_SAYS)
    timings("dropdown response (dashboard, Burger)", time.monotonic() - started)
    expect(page.locator(".kk-count")).to_contain_text("statements of Christofer Burger")
    # tone: the statements table shows a score for the statement
    expect(statements).to_contain_text("sentiment")

    page.locator(".kk-tabs .lm-TabBar-tab", has_text="Text").click()
    marks = page.locator(".kk-text-view mark.kk-quote")
    expect(marks.first).to_be_visible()
    assert BURGER_SAYS in " ".join(marks.all_inner_texts())
    screenshot(page, "course_dashboard_burger_text.png")
    # No stylesheet, font or script came from outside the machine.
    assert offsite_requests() == []
