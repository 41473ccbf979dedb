"""Word-list patterns: the trie regex matches exactly what a plain alternation would."""

from __future__ import annotations

import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kosovo_kit.patterns import trie_pattern

BOUNDARY = r"[\w-]"
letters = st.sampled_from(list("AaBbEeKkTtSs -.'"))
phrase = st.text(letters, min_size=1, max_size=6)
# the CI runs every property at least 2,000 times (see test_properties.py)
EXAMPLES = 2000 if os.environ.get("KOSOVO_KIT_CI") == "1" else 500


def _reference(phrases: list[str]) -> re.Pattern[str]:
    # longest first, as a trie tries its longer continuations first
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<!{BOUNDARY})(?:{alternatives})(?!{BOUNDARY})")


def _spans(pattern: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos)]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(phrase, min_size=1, max_size=12), st.text(letters, max_size=60), st.integers(0, 5))
def test_trie_with_boundary_matches_the_plain_alternation(phrases, text, pos):
    trie = re.compile(
        trie_pattern(phrases, flexible_space=False, not_after=BOUNDARY) + rf"(?!{BOUNDARY})"
    )
    assert _spans(trie, text, pos) == _spans(_reference(phrases), text, pos)


def test_capitalised_phrases_start_with_a_literal():
    # names: the boundary check follows the first character, so the engine can skip ahead
    names = trie_pattern(["Kosovo", "Serbia", "federal government"], not_after=BOUNDARY)
    assert (
        names.startswith("(?:K(?<!") or names.startswith("(?:S(?<!") or names.startswith("(?:f(?<!")
    )
    assert not names.startswith("(?<!")
    verbs = trie_pattern(["said", "told", "added", "warned", "claimed"], not_after=BOUNDARY)
    assert verbs.startswith(f"(?<!{BOUNDARY})")


def test_boundary_is_read_before_the_search_start():
    pattern = re.compile(trie_pattern(["Serbia"], not_after=BOUNDARY))
    # "Serbia" at position 1 follows a letter, even when the search starts there
    assert pattern.search("xSerbia", 1) is None
    assert pattern.search(" Serbia", 1).span() == (1, 7)
    assert pattern.search("\nSerbia", 1).span() == (1, 7)
