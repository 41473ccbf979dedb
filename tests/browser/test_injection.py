"""Markup in an article or in speaker and actor names shows as text and never runs.

ipywidgets' HTML widget sets ``innerHTML`` without sanitising, so the kit's escaping is the
only thing between an article and the reader's browser; this checks it in a real page.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
LINK = '<a href="javascript:window.__pwned=1">x</a>'
HOSTILE_SPEAKER = f"{IMG} Smith"

# Test fixture: a made-up article with markup inside statements and inside a speaker's name.
ARTICLE = f"""Payload test for the statement views

“Take this {SCRIPT} seriously,” Foreign Minister John Smith said.

“Read {LINK} before you judge,” Kremlin spokesman Dmitry Peskov said.

“An {IMG} is not a picture,” said Anna Jones, a diplomat.

“We have nothing to add,” said {HOSTILE_SPEAKER}.
"""

# The attribution rules only take capitalised names as speakers, so the hostile speaker and
# actor come in through a hand-made row, as an edited annotation table could hold them.
MAKE_EXPLORER = """
import pandas as pd

quotes = kk.attribute_quotes(article)
text = article.text
start = text.index("We have nothing to add,")
end = start + len("We have nothing to add,")
cue = text.index("said", end)
name = text.index("<img", cue)
name_end = text.index("Smith", name) + len("Smith")
row = {"quote_id": len(quotes), "kind": "direct", "text": text[start:end],
       "start": start, "end": end, "pieces": [(start, end)],
       "speaker": text[name:name_end], "speaker_start": name, "speaker_end": name_end,
       "cue": "said", "cue_start": cue, "cue_end": cue + 4,
       "actor": "<script>window.__pwned=1</script>", "rule": "hand-made"}
quotes = pd.concat([quotes, pd.DataFrame([row])], ignore_index=True)
explorer = ActorExplorer(article, quotes)
"""


def labels(dropdown) -> list[str]:
    # ipywidgets writes option labels with no-break spaces so they never wrap.
    return [t.replace("\xa0", " ").strip() for t in dropdown.locator("option").all_inner_texts()]


def shown_text(locator) -> str:
    return locator.inner_text().replace("\xa0", " ")


def assert_inert(page) -> None:
    """No payload ran, and none became an element inside the explorer."""
    assert page.evaluate("window.__pwned") is None
    explorer = page.locator(".kk-actor-explorer")
    assert explorer.locator("script").count() == 0
    assert explorer.locator("img").count() == 0
    assert explorer.locator("a[href^='javascript' i]").count() == 0
    assert explorer.locator("[onerror]").count() == 0


def test_payloads_show_as_text_and_do_not_run(
    page, jupyter_lab, run_in_lab, explorer_notebook, screenshot
):
    from playwright.sync_api import expect

    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    notebook = explorer_notebook(jupyter_lab.root, "payloads", ARTICLE, MAKE_EXPLORER)
    run_in_lab(page, notebook)

    dropdown = page.locator(".kk-actor-dropdown select")
    statements = page.locator(".kk-statements")
    options = labels(dropdown)
    assert f"{HOSTILE_SPEAKER} (speaker, 1)" in options, options
    assert f"{SCRIPT} (actor, 1)" in options, options
    # Every payload reaches the statements table, as text.
    expect(statements).to_contain_text("We have nothing to add")
    table = shown_text(statements)
    for payload in (SCRIPT, IMG, LINK, HOSTILE_SPEAKER):
        assert payload in table, (payload, table)
    assert_inert(page)

    dropdown.select_option(index=options.index(f"{HOSTILE_SPEAKER} (speaker, 1)"))
    expect(page.locator(".kk-count")).to_contain_text("1 of 1 statements")
    expect(statements).not_to_contain_text("Take this")
    assert HOSTILE_SPEAKER in shown_text(statements)
    assert_inert(page)

    dropdown.select_option(index=options.index("All statements (4)"))
    expect(statements).to_contain_text("Take this")
    page.locator(".kk-tabs .lm-TabBar-tab", has_text="Text").click()
    text_view = page.locator(".kk-text-view")
    expect(text_view).to_be_visible()
    article_text = shown_text(text_view)
    for payload in (SCRIPT, IMG, LINK, HOSTILE_SPEAKER):
        assert payload in article_text, (payload, article_text)
    # A reader clicks into the text and on what looks like a link, and hovers a statement.
    text_view.get_by_text("before you judge").first.click()
    text_view.locator("mark.kk-quote").first.hover()
    text_view.locator(".kk-speaker").last.click()
    text_view.get_by_text(LINK).first.click()
    screenshot(page, "injection_text_view.png")
    assert_inert(page)

    page.locator(".kk-tabs .lm-TabBar-tab", has_text="Compare two").click()
    compare = page.locator(".kk-compare-view")
    expect(compare).to_be_visible()
    assert f"{SCRIPT} (actor)" in shown_text(compare)
    assert_inert(page)
    assert dialogs == []

    # The page itself runs inline handlers (no policy blocks them), so the checks above
    # mean the kit's escaping held, not that the browser refused to run the payloads.
    page.evaluate("""() => {
        const probe = document.createElement('div');
        probe.innerHTML = '<img src=x onerror="window.__canary=1">';
        document.body.appendChild(probe);
    }""")
    page.wait_for_function("window.__canary === 1", timeout=10_000)
