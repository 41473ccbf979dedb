"""Re-render times of the widgets on a realistic article (target: under 50 ms each).

Run with ``.venv/bin/python benchmarks/widgets.py``. Prints the median of 20 runs for a
dropdown change in the actor explorer, a sentiment-filter change, and a toggle in the
article viewer.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.stance import add_sentiment
from kosovo_kit.text import Article
from kosovo_kit.widgets import ActorExplorer, ArticleViewer

RUNS = 20
TARGET_MS = 50.0

_PARAGRAPHS = [
    "Serbia puts army on highest alert as Kosovo tensions flare",
    "BELGRADE, Dec 28 - Serbian Defense Minister Milos Vucevic announced that the army was "
    "on the highest level of combat readiness after days of roadblocks in northern Kosovo.",
    "“We support Belgrade,” Kremlin spokesman Dmitry Peskov said. “Russia follows the "
    "situation very closely and calls for the rights of the Serbs to be respected.”",
    "“This is a very bad signal,” said Foreign Office spokesman Christofer Burger. He added "
    "that Germany expected both sides to remove the barricades and return to dialogue.",
    "Kosovo Prime Minister Albin Kurti said Serbia was trying to destabilise Kosovo with the "
    "help of criminal gangs, and accused Belgrade of spreading disinformation.",
    "Serbian President Aleksandar Vucic told reporters that Serbia would protect its people "
    "“by all means” but insisted that the country wanted peace and a compromise solution.",
    "“The barricades must come down and the violence must stop now,” NATO Secretary General "
    "Jens Stoltenberg said in a statement, adding that KFOR remained ready to act.",
    "According to the European Union, both governments had agreed to de-escalate, but the "
    "talks in Brussels ended without a deal late on Tuesday.",
    "Russian Foreign Minister Sergei Lavrov accused the West of encouraging Pristina and "
    "said that the Kosovo authorities were preparing a crackdown on the Serb minority.",
    "“We will not allow a new war in the Balkans,” Vucic said. “But we will not abandon our "
    "people either.”",
    "Kurti said the barricades were a threat to the rule of law. “Those who block roads are "
    "not protesters but armed groups,” he told a news conference in Pristina.",
    "The United States urged restraint. State Department spokesman Ned Price said Washington "
    "was in close contact with both leaders and welcomed the calls for calm.",
    "German Chancellor Olaf Scholz said that Berlin supported the EU-led dialogue and warned "
    "that nationalist rhetoric was dangerous for the whole region.",
    "Peskov rejected the claim that Moscow was stoking tensions. “Russia has nothing to do "
    "with this; it is an absurd accusation,” he said.",
    "Local Serbs in Mitrovica said they felt abandoned and feared arrests, while ethnic "
    "Albanian residents said the roadblocks had cut them off from schools and hospitals.",
    "Serbian Prime Minister Ana Brnabic believed that the crisis could be solved only if the "
    "international community guaranteed the safety of the Serbs.",
    "“The situation is very serious but not hopeless,” EU foreign policy chief Josep Borrell "
    "said, adding that he had spoken to both leaders twice that day.",
    "Vucevic said the troops would stay close to the administrative line “as long as "
    "necessary” and that no soldier would cross it without an order.",
    "Kosovo President Vjosa Osmani said the country would not be intimidated. “We are a "
    "democratic state and we will defend our sovereignty,” she said.",
    "Analysts said the standoff was the most serious in years and warned that a single "
    "incident at the barricades could escalate into wider violence.",
    "Reporting by the Belgrade and Pristina bureaus; editing by the news desk",
]


def make_article(target_words: int = 1000) -> Article:
    """Compose a news-like article of about ``target_words`` words."""
    title, *body = _PARAGRAPHS
    paras = [title]
    words = len(title.split())
    round_ = 0
    while words < target_words:
        for p in body[:-1]:
            text = p if round_ == 0 else p.replace("Dec 28", f"Dec {28 + round_}")
            paras.append(text)
            words += len(text.split())
            if words >= target_words:
                break
        round_ += 1
    paras.append(body[-1])
    return Article.from_text("\n\n".join(paras) + "\n")


def median_ms(action: Callable[[int], None]) -> float:
    """Median wall time of ``action(i)`` over :data:`RUNS` runs, in milliseconds."""
    times = []
    for i in range(RUNS):
        t0 = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    """Build the article and widgets, time three interactions, print the figures."""
    article = make_article()
    t0 = time.perf_counter()
    quotes = add_sentiment(attribute_quotes(article))
    analysis_ms = (time.perf_counter() - t0) * 1000
    explorer = ActorExplorer(article, quotes)
    viewer = ArticleViewer(article, quotes)
    choices = [v for _, v in explorer.dropdown.options]
    tones = [(-1.0, 1.0), (-1.0, 0.0), (0.0, 1.0), (-0.5, 0.5)]

    def dropdown(i: int) -> None:
        explorer.dropdown.value = choices[(i + 1) % len(choices)]

    def tone_filter(i: int) -> None:
        explorer.tone.value = tones[(i + 1) % len(tones)]

    def toggle(i: int) -> None:
        box = viewer.toggles["quotes"]
        box.value = not box.value

    explorer.dropdown.value = choices[0]
    results = {
        "dropdown change (ActorExplorer)": median_ms(dropdown),
        "sentiment filter change (ActorExplorer)": median_ms(tone_filter),
        "quotes toggle (ArticleViewer)": median_ms(toggle),
    }
    words = article.summary()["words"]
    print(
        f"article: {words} words, {len(article.paragraph_spans)} paragraphs, "
        f"{len(quotes)} statements, {len(choices) - 1} dropdown entries"
    )
    print(f"attribution + sentiment (once, not part of re-render): {analysis_ms:.1f} ms")
    for name, ms in results.items():
        flag = "ok" if ms < TARGET_MS else f"OVER {TARGET_MS:.0f} ms"
        print(f"{name:42s} median of {RUNS}: {ms:6.2f} ms  {flag}")


if __name__ == "__main__":
    main()
