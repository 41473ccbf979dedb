"""The cue lexicon: reporting verbs from ``data/cues.csv`` and where they occur.

A cue is the word or words that report a statement: "said", "told", "according to",
"pointed out". Each row of ``data/cues.csv`` gives a lemma, its kind (speech or belief),
its forms and flags that say how the frames read it (see the CSV's header and
``data/README.md``).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..patterns import trie_pattern
from ..resources import data_path

if TYPE_CHECKING:
    from .paragraph import Paragraph

__all__ = [
    "ACCORDING",
    "COLON",
    "DASH",
    "Cue",
    "CueEntry",
    "capital_cue_regex",
    "cue_lexicon",
    "cue_regex",
    "find_cues",
    "is_title_case",
    "is_verb_cue",
    "title_cue_regex",
]

#: Flags of ``data/cues.csv``: column -> the value that sets it.
_FLAGS = {
    "needs": "complement",
    "noun": "yes",
    "object": "yes",
    "to": "yes",
    "addressee": "yes",
    "label": "yes",
    "adjective": "yes",
}


@dataclass(frozen=True)
class CueEntry:
    """A reporting verb from ``data/cues.csv``."""

    lemma: str
    kind: str  # speech | belief
    needs_complement: bool
    noun_like: bool
    takes_object: bool = False
    to_infinitive: bool = False  # the content may be a to-infinitive ("vowed to fight")
    addressee: bool = False  # the first complement may be the hearer ("told reporters")
    labels: bool = False  # the content may be an object and its label ("called X “…”")
    adjective: bool = False  # an adjective after "be" ("is supportive of the bill")


# Cues that are not verbs: the frames that find them name them
ACCORDING = CueEntry("according to", "speech", False, False)
DASH = CueEntry("dash", "speech", False, False)
COLON = CueEntry("colon", "speech", False, False)


@dataclass
class Cue:
    """One cue in a paragraph: its characters, its entry, and its tokens."""

    start: int
    end: int
    entry: CueEntry
    form: str  # lower case, one space between words
    first: int  # first token index (paragraph-local); -1 for a dash signature
    last: int  # last token index

    @property
    def lemma(self) -> str:
        return self.entry.lemma

    @property
    def verb(self) -> str:
        """The inflected verb without its particle: "talking" of "talking about"."""
        return self.form.split(" ", 1)[0]

    @property
    def kind(self) -> str:
        return self.entry.kind


@cache
def cue_lexicon() -> tuple[dict[str, CueEntry], dict[str, dict[str, CueEntry]]]:
    """Return single-word cue forms and two-word cue forms (first word → second word)."""
    single: dict[str, CueEntry] = {}
    double: dict[str, dict[str, CueEntry]] = {}
    path = data_path("cues.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    for lineno, row in enumerate(csv.DictReader(body), start=2):
        try:
            flags = [row.get(column) == value for column, value in _FLAGS.items()]
            entry = CueEntry(row["lemma"], row["kind"], *flags)
            forms = row["forms"].split()
        except (KeyError, AttributeError):
            raise ValueError(f"{path}: row {lineno}: needs lemma, kind, forms") from None
        if entry.kind not in ("speech", "belief"):
            raise ValueError(f"{path}: row {lineno}: kind must be speech or belief")
        for form in forms:
            if "_" in form:
                first, second = form.split("_", 1)
                double.setdefault(first, {})[second] = entry
            else:
                single[form] = entry
    return single, double


@cache
def cue_regex() -> re.Pattern[str]:
    """One pattern for every cue form: far faster than looking at each token."""
    single, double = cue_lexicon()
    forms = [
        *single,
        # a sentence may open with a cue ("Asked whether …", "Speaking to reporters, …");
        # a noun-like form in capitals is a name more often ("Secretary of State")
        *(form.capitalize() for form in single if is_verb_cue(single, form)),
        *(f"{a} {b}" for a, sub in double.items() for b in sub),
        "according to",
        "According to",
    ]
    return re.compile(r"(?<![\w’'-])(?:" + trie_pattern(forms) + r")(?![\w-])")


@cache
def title_cue_regex() -> re.Pattern[str]:
    """:func:`cue_regex` that also knows the forms a title-case headline writes: "Says",
    "Calls", "Points Out"."""
    single, double = cue_lexicon()
    forms = [
        *single,
        *(f"{a} {b}" for a, sub in double.items() for b in sub),
        *(w.capitalize() for w in single),
        *(f"{a.capitalize()} {b.capitalize()}" for a, sub in double.items() for b in sub),
        "according to",
        "According to",
        "According To",
    ]
    return re.compile(r"(?<![\w’'-])(?:" + trie_pattern(forms) + r")(?![\w-])")


@cache
def capital_cue_regex() -> re.Pattern[str]:
    """Only the capitalised cue forms ("Says", "Points Out"): a cheap first test before a
    paragraph is checked for title case."""
    single, double = cue_lexicon()
    forms = [
        *(w.capitalize() for w in single),
        *(f"{a.capitalize()} {b.capitalize()}" for a, sub in double.items() for b in sub),
    ]
    # all start with a capital: the boundary is checked after it (see trie_pattern)
    return re.compile(trie_pattern(forms, not_after=r"[\w’'-]") + r"(?![\w-])")


# A title-case line: at least this many words, and this share of its longer words capitalised
TITLE_MIN_WORDS = 4
TITLE_CAPITALISED_SHARE = 0.8
# Longer paragraphs are prose, whatever their capitals
TITLE_MAX_CHARS = 240
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Short words a title-case headline may leave in lower case ("of", "the", "and")
_TITLE_SHORT = 3


def is_title_case(text: str, start: int, end: int) -> bool:
    """A paragraph written in title case, as a headline ("Clinton Says Russians Hacked
    DNC"): its reporting verbs are capitalised too."""
    if end - start > TITLE_MAX_CHARS:
        return False
    words = [w for w in _TITLE_WORD.findall(text, start, end) if len(w) > _TITLE_SHORT]
    if len(words) < TITLE_MIN_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= TITLE_CAPITALISED_SHARE * len(words)


def is_verb_cue(single: dict[str, CueEntry], word: str) -> bool:
    """A reporting verb that cannot be a noun here ("said", "told"; not "plans")."""
    entry = single.get(word)
    return entry is not None and not (entry.noun_like and not word.endswith(("ed", "ing")))


def find_cues(p: Paragraph) -> list[Cue]:
    """The paragraph's cues outside quotations, on token boundaries, in text order."""
    starts, ends = p.starts, p.ends
    cues: list[Cue] = []
    # the paragraph's cue matches were found when deciding whether to read it (its tokens
    # span the whole paragraph, which carries no surrounding white space)
    for m in p.cue_matches:
        form = m.group()
        first = bisect_left(starts, m.start())
        last = bisect_left(starts, m.end()) - 1
        if first >= len(starts) or starts[first] != m.start() or ends[last] != m.end():
            continue  # not on token boundaries
        if p.in_quote(m.start()):
            continue
        if form[0].isupper() and not _may_capitalise(p, first):
            continue  # "the ferry line, which Says Holdings runs": a name, not a cue
        low = " ".join(form.lower().split())
        if low == "according to":
            entry = ACCORDING
        elif " " in low:
            word1, word2 = low.split(" ", 1)
            entry = p.double_cues[word1][word2]
        else:
            entry = p.single_cues[low]
        cues.append(Cue(m.start(), m.end(), entry, low, first, last))
    return cues


def _may_capitalise(p: Paragraph, first: int) -> bool:
    """A capitalised cue is a cue where a sentence or a quoted sentence opens ("Asked whether
    …"), or anywhere in a title-case headline ("Clinton Says …"); elsewhere it is a name."""
    if first == p.sentence_bounds(first)[0] or p.kinds[first - 1] == "quote":
        return True
    if p.words[first - 1] in ("(", "—", "–", "-", ":"):
        return True
    return is_title_case(p.text, p.start, p.end)
