"""Speakers: the noun phrase that names one, and whom it refers to.

The phrase functions find a speaker mention in a paragraph's tokens, to the left of a cue
("Peskov said"), to its right ("said Peskov") or as a sentence's subject. :class:`Speakers`
keeps what an article has said about its speakers so far and resolves a mention's words to
a canonical speaker and actor: gazetteer names, surnames the article introduced, titles
("the minister") and pronouns carried over from earlier speakers.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple
from weakref import WeakKeyDictionary

from ..gazetteer import Entry, Gazetteer, paragraph_matches
from ..text import Article
from .cues import Cue
from .paragraph import Attribution, Paragraph, Span, title_stems
from .words import (
    ADVERBIAL_PREPOSITIONS,
    DASHES,
    DETERMINERS,
    LEADING_PREPOSITIONS,
    MODAL_NAMES,
    NON_HEADS,
    NP_PREPOSITIONS,
    ORG_WORDS,
    PRONOUNS,
    QUANTIFIERS,
    SETTING_PREPOSITIONS,
    STOP_LEFT,
    TIME_WORDS,
)

__all__ = ["Speakers", "left_phrase", "modal_name", "right_phrase"]

# Sentence adverbs a writer sets off by commas after a subject ("Sanders, meanwhile, …")
SENTENCE_ADVERBS = frozenset(
    {"meanwhile", "however", "though", "too", "also", "instead", "likewise", "nonetheless"}
)
# The reach of a setting phrase set off by commas after a subject, in tokens
SETTING_TOKENS = 8
# The most words of a quoted title an appositive may hold
TITLE_WORDS = 5
# How many appositives may stand between a speaker and the cue, and how long each may be:
# "Ramil Carr, 31, a photographer, said" has three; longer runs are clauses
APPOSITIVES = 3
APPOSITIVE_TOKENS = 24
RELATIVE_CLAUSE_TOKENS = 40
# How far a speaker phrase reaches from its last word (left) or first word (right); names
# with titles and affiliations ("U.S. Secretary of State Antony Blinken") stay shorter
LEFT_PHRASE_TOKENS = 10
RIGHT_PHRASE_TOKENS = 12
# The longest parenthesis after a name that still belongs to it: "Gov. Pat McCrory (R-N.C.)"
PARENTHESIS_TOKENS = 8
# How many earlier speakers a title or pronoun looks back on, and how many gazetteer
# people before it: enough for a long article, few enough not to reach a stale one
HISTORY = 30
NEARBY_PEOPLE = 10


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def in_title(p: Paragraph, k: int) -> bool:
    """Token ``k`` is in (or a mark of) a short capitalised quotation, a title ("Going
    Viral," “The Apprentice”), which an appositive may hold."""
    if not p.quotes:
        return False
    pos = p.starts[k]
    i = bisect_left(p.quote_opens, pos + 1) - 1
    if i < 0:
        return False
    q = p.quotes[i]
    if q.close is None or pos >= q.close:
        return False
    inner = p.text[q.inner_start : q.inner_end]
    return len(inner.split()) <= TITLE_WORDS and inner[:1].isupper()


def left_phrase(p: Paragraph, j: int, sent_start: int) -> Span | None:
    """Token range (first, last) of the speaker phrase ending at token ``j``."""
    words, kinds = p.words, p.kinds
    w = words[j]
    if w in (",", "--", "—", "–"):
        # appositive: "Kerr Putney, the police chief, said" / "Quina Jones, 25, said";
        # several in a row ("Ramil Carr, 31, a photographer, said"), or between dashes
        # ("A former candidate -- John McCain, who lost in 2008 -- said")
        close = w if w != "," else None
        k = j
        for _ in range(APPOSITIVES):
            k -= 1
            while k >= sent_start and j - k < RELATIVE_CLAUSE_TOKENS:
                # a quoted title is passed over whole: "the co-author of “Going Viral,” said"
                titled = in_title(p, k)
                if words[k] == w and not titled:
                    break
                if not titled and (
                    (kinds[k] == "quote" and not p.possessive_mark(k))
                    or words[k] in (";", ":")
                    or (close is None and words[k] in DASHES and not p.joined(k))
                ):
                    return None
                k -= 1
            if k < sent_start or words[k] != w or k == j - 1 or k - 1 < sent_start:
                return None
            # a relative clause describes whoever it follows ("an intelligence source,
            # who was not authorized to speak, told …") and may run longer
            relative = p.lows[k + 1] in ("who", "whose") or (
                # "Bill Millis, a businessman who had been …, said": a role the clause describes
                j - k < RELATIVE_CLAUSE_TOKENS
                and any(p.lows[m] in ("who", "whose") for m in range(k + 2, min(j, k + 8)))
            )
            if j - k >= APPOSITIVE_TOKENS and not relative:
                return None
            head = left_phrase(p, k - 1, sent_start)
            if (
                head is not None
                and head[0] == head[1]
                and p.lows[head[0]] in SENTENCE_ADVERBS
                and head[0] - 2 >= sent_start
                and words[head[0] - 1] == ","
            ):
                # "Sanders, meanwhile, who sits at zero endorsements, said": the adverb
                # set off by commas is no speaker; the phrase before it is
                head = left_phrase(p, head[0] - 2, sent_start)
            elif head is not None and not is_cap(words[head[0]]):
                # "Clinton, during a town hall in Columbus, Ohio, said": a setting phrase
                # set off by commas is no speaker; the phrase before it is
                m = head[0] - 1
                while m > sent_start and words[m] != "," and head[0] - m <= SETTING_TOKENS:
                    m -= 1
                if (
                    m - 1 >= sent_start
                    and words[m] == ","
                    and p.lows[m + 1] in SETTING_PREPOSITIONS
                ):
                    head = left_phrase(p, m - 1, sent_start)
            # a name on either side: "Kerr Putney, the police chief," / "the city's
            # transport chief, Ana Petrova,"
            if (
                head is not None
                and kinds[head[1]] != "number"
                and (
                    relative or any(is_cap(w) or w.lower() in PRONOUNS for w in words[head[0] : j])
                )
            ):
                return head[0], j - 1
            if close is not None:
                return None
        return None
    if w == ")":
        # "Gov. Pat McCrory (R)"
        k = j
        while k >= sent_start and words[k] != "(" and j - k < PARENTHESIS_TOKENS:
            k -= 1
        if k <= sent_start:
            return None
        inner = left_phrase(p, k - 1, sent_start)
        return (inner[0], j) if inner else None
    low = w.lower()
    if (low in ("who", "which") and j > sent_start) or (
        low == "that"
        and j > sent_start
        and kinds[j - 1] == "word"
        and p.lows[j - 1].isalpha()
        and p.lows[j - 1] not in STOP_LEFT
        and not p.is_verb_cue(words[j - 1])
    ):
        # "Capt. Pardo, who said …", "a sign that read …": resolved to the phrase before it
        return j, j
    if low == "here" and j > sent_start:
        return left_phrase(p, j - 1, sent_start)  # "campaign workers here said …"
    if low in ("them", "us") and j - 2 >= sent_start and p.lows[j - 1] == "of":
        # "most of them said …", "some of us believe …"
        return (j - 2, j) if p.lows[j - 2] in QUANTIFIERS else None
    if modal_name(p, j):
        return j, j
    if (
        kinds[j] not in ("word", "number")
        or low in STOP_LEFT
        or low in NON_HEADS
        or p.is_verb_cue(w)
    ):
        return None
    if low in PRONOUNS:
        return j, j
    lows = p.lows
    first = j
    k = j - 1
    while k >= sent_start and j - k < LEFT_PHRASE_TOKENS:
        kind = kinds[k]
        wk = words[k]
        lk = lows[k]
        if kind == "quote" and not p.possessive_mark(k):
            break
        if wk in (",", ";", ":", "—", "–", "(", ")", "[", "]", "!", "?"):
            break
        if lk in STOP_LEFT or lk in PRONOUNS or p.is_verb_cue(wk):
            break
        if (
            lk.endswith("ed")
            and len(lk) > 4
            and wk == lk
            and k > sent_start
            and (lows[k - 1] not in DETERMINERS)
        ):
            break  # a finite verb ("Clinton avoided …"), not part of a name
        if (
            kind == "punct"
            and wk not in ("&", ".", "’", "'", "/")
            and not (wk == "-" and p.joined(k))
        ):
            break  # a hyphen inside a word ("a 21-year-old") belongs to the phrase
        first = k
        k -= 1
    # drop a leading preposition phrase ("On Wednesday the Kremlin")
    phrase = words[first : j + 1]
    if phrase and phrase[0].lower() in LEADING_PREPOSITIONS:
        cut = None
        for idx in range(1, len(phrase)):
            if phrase[idx].lower() in DETERMINERS:
                cut = idx
        if cut is None:
            cut = len(phrase) - 1
            while cut > 0 and is_cap(phrase[cut - 1]):
                cut -= 1
        first += cut
        phrase = phrase[cut:]
    while phrase and phrase[0].lower() in NP_PREPOSITIONS:
        first += 1
        phrase = phrase[1:]
    if not phrase:
        return None
    if kinds[first] == "number" and first == j:
        return None
    return first, j


def modal_name(p: Paragraph, j: int) -> bool:
    """A capitalised modal before an inflected reporting verb is a first name ("Will wrote")."""
    if p.lows[j] not in MODAL_NAMES or not is_cap(p.words[j]) or j + 1 >= len(p.words):
        return False
    entry = p.single_cues.get(p.words[j + 1])
    return entry is not None and p.words[j + 1] != entry.lemma


def right_phrase(p: Paragraph, k: int, sent_end: int, allow_lower: bool = True) -> Span | None:
    """Token range of a speaker phrase starting at token ``k`` ("said Peskov")."""
    if k >= sent_end:
        return None
    words, kinds = p.words, p.kinds
    w0 = words[k]
    low0 = w0.lower()
    if low0 in PRONOUNS:
        return k, k
    if kinds[k] not in ("word", "number"):
        return None
    if not (
        is_cap(w0) or low0 in DETERMINERS or allow_lower or kinds[k] == "number" or low0 in p.titles
    ):
        return None
    # a first name spelt like a function word ("said Will Doyle") is a name when a
    # capitalised word follows it
    first_name = (
        is_cap(w0)
        and k + 1 < sent_end
        and kinds[k + 1] == "word"
        and is_cap(words[k + 1])
        and words[k + 1].lower() not in STOP_LEFT
    )
    if (low0 in STOP_LEFT and not first_name) or (
        (low0 in ADVERBIAL_PREPOSITIONS or low0 in TIME_WORDS)
        and (not is_cap(w0) or low0 in TIME_WORDS)
    ):
        return None
    last = k
    m = k + 1
    while m < sent_end and m - k < RIGHT_PHRASE_TOKENS:
        wm = words[m]
        lm = wm.lower()
        if (kinds[m] == "quote" and not p.possessive_mark(m)) or wm in (
            ",",
            ";",
            ":",
            ".",
            "!",
            "?",
            "—",
            "–",
        ):
            break
        if (
            lm in STOP_LEFT
            or lm in ADVERBIAL_PREPOSITIONS
            or lm in ("who", "told")
            or (p.is_verb_cue(wm))
            or lm in TIME_WORDS
        ):
            break
        if kinds[m] == "punct" and wm not in ("-", "&", "’", "'", "(", ")", "/"):
            break
        last = m
        m += 1
    return k, last


class MentionFacts(NamedTuple):
    """What a speaker mention's words say on their own (see :meth:`Speakers.resolve`)."""

    pronoun: str  # what a lone pronoun refers to ("person", "org", "group", "self"), or ""
    title: str  # the title word of a title-only mention ("the spokesman"), or ""
    entry: Entry | None  # the gazetteer entry the words name
    name_like: bool  # capitalised words and titles only: may be a surname used before
    name: str | None  # the name read off the words
    actor: str | None  # the actor the words name


# What mentions' words say, per gazetteer and title list: the same names, titles and
# pronouns come back from article to article. A gazetteer is read as it was built; what
# was worked out with it goes when it goes, and is forgotten past this many mentions.
_FACTS: WeakKeyDictionary[Gazetteer, dict[frozenset[str], dict[tuple[str, ...], MentionFacts]]] = (
    WeakKeyDictionary()
)
KNOWN_MENTIONS = 50_000


def _known_facts(
    gazetteer: Gazetteer, titles: frozenset[str]
) -> dict[tuple[str, ...], MentionFacts]:
    """The mention facts already worked out with ``gazetteer`` and ``titles``."""
    known = _FACTS.setdefault(gazetteer, {}).setdefault(titles, {})
    if len(known) > KNOWN_MENTIONS:
        known.clear()
    return known


class Speakers:
    """The speakers of one article so far, to resolve the next mention against."""

    def __init__(self, article: Article, gazetteer: Gazetteer, titles: frozenset[str]) -> None:
        self.article = article
        self.text = article.text
        self.gaz = gazetteer
        self.titles = titles
        # earlier speakers, oldest first: (canonical, type, actor, mention words, position)
        self.history: list[tuple[str, str, str | None, tuple[str, ...], int]] = []
        self.people: list[tuple[int, str, str | None]] | None = None
        # a surname the article introduced -> (canonical, type, actor)
        self.local_aliases: dict[str, tuple[str, str, str | None]] = {}
        # speakers recur: what their words say is worked out once per gazetteer
        self.mention_facts = _known_facts(gazetteer, titles)
        self.speaker_facts: dict[tuple[str, str], tuple[tuple[str, ...], str, str]] = {}
        # the capitalised labels of a transcript's turns ("TAPPER", "Q"), which speak
        self.labels: frozenset[str] = frozenset()

    def attribution(
        self,
        p: Paragraph,
        pieces: list[Span],
        rule: str,
        cue: Cue | None,
        span: Span,
        sentence_id: int,
    ) -> Attribution:
        """The attribution of ``pieces`` to the speaker mentioned by tokens ``span``.

        The rule gets a suffix when the speaker is found elsewhere: ``+pronoun-carryover``,
        ``+title-carryover`` or ``+relative-pronoun``.
        """
        mention_start = p.starts[span[0]]
        mention_end = p.ends[span[1]]
        words = p.words[span[0] : span[1] + 1]
        if "," in words:
            # an appositive: the name is before its first comma ("Kerr Putney, the chief")
            # or inside it ("the city's transport chief, Ana Petrova,")
            cut = words.index(",")
            head, rest = words[:cut], [w for w in words[cut + 1 :] if w != ","]
            if any(is_cap(w) or w.lower() in PRONOUNS for w in head) or (
                rest and rest[0].lower() in ("who", "whose")
            ):
                words = head
            elif any(is_cap(w) for w in rest):
                words = rest
        if len(words) == 1 and words[0].lower() in ("who", "which", "that"):
            # a relative pronoun speaks for the phrase it follows
            j = span[0] - 1
            if j >= 0 and p.words[j] == ",":
                j -= 1
            antecedent = left_phrase(p, j, 0) if j >= 0 else None
            if antecedent is None:
                return Attribution(
                    pieces,
                    rule,
                    cue,
                    (mention_start, mention_end),
                    None,
                    None,
                    sentence_id,
                    p.paragraph_id,
                )
            words = p.words[antecedent[0] : antecedent[1] + 1]
            if "," in words:
                words = words[: words.index(",")]
            speaker, actor, how = self.resolve(p, words, mention_start)
            how = "relative-pronoun"
        else:
            speaker, actor, how = self.resolve(p, words, mention_start)
        if how:
            rule = f"{rule}+{how}"
        return Attribution(
            pieces,
            rule,
            cue,
            (mention_start, mention_end),
            speaker,
            actor,
            sentence_id,
            p.paragraph_id,
        )

    def resolve(
        self, p: Paragraph, words: list[str], pos: int = -1
    ) -> tuple[str | None, str | None, str]:
        """Canonical speaker, actor and how it was found, from the mention's words."""
        facts = self._facts(words)
        if facts.pronoun:
            want = facts.pronoun
            if want == "self":
                return None, None, ""
            prev = self._previous_subject(p, pos, want)
            if prev is not None:
                return prev[0], prev[1], "pronoun-carryover"
            for canonical, ptype, actor, _ in self._antecedents(pos):
                if (
                    (want == "person" and ptype == "person")
                    or (want == "org" and ptype in ("org", "place"))
                    or (want == "group" and ptype in ("group", "org"))
                ):
                    return canonical, actor, "pronoun-carryover"
            return None, None, "pronoun-carryover"
        # title-only mentions ("the spokesman") refer back to the last such speaker
        if facts.title and self.history:
            for canonical, ptype, actor, mwords, _ in reversed(self.history[-HISTORY:]):
                if ptype == "person" and facts.title in mwords:
                    return canonical, actor, "title-carryover"
        if facts.entry is not None:
            return facts.entry.canonical, facts.entry.actor or facts.actor, ""
        # a name the article introduced earlier ("Caddell" after "Pat Caddell")
        if facts.name_like and words[-1] in self.local_aliases:
            canonical, _ptype, actor = self.local_aliases[words[-1]]
            return canonical, actor or facts.actor, ""
        return facts.name, facts.actor, ""

    def remember(self, attr: Attribution) -> None:
        """Add the speaker of ``attr`` to the history later mentions resolve against."""
        if attr.speaker is None or attr.mention is None:
            return
        mention = self.text[attr.mention[0] : attr.mention[1]]
        facts = self.speaker_facts.get((attr.speaker, mention))
        if facts is None:
            facts = self.speaker_facts[attr.speaker, mention] = self._speaker_facts(
                attr.speaker, mention
            )
        mwords, ptype, alias = facts
        if not mwords:
            return  # a pronoun names no one new
        self.history.append((attr.speaker, ptype, attr.actor, mwords, attr.mention[0]))
        if alias:
            self.local_aliases[alias] = (attr.speaker, ptype, attr.actor)

    def _facts(self, words: list[str]) -> MentionFacts:
        facts = self.mention_facts.get(key := tuple(words))
        if facts is None:
            facts = self.mention_facts[key] = self._mention_facts(words)
        return facts

    def _previous_subject(self, p: Paragraph, pos: int, want: str) -> tuple[str, str | None] | None:
        """The named subject of the sentence before, for a pronoun opening its sentence.

        "Serbia does not recognize … . It encourages …": a pronoun in subject position
        most often continues the previous sentence's subject (the centre of attention),
        which need not be anyone quoted so far. Only a subject found in the gazetteer,
        of the kind the pronoun asks for, is taken.
        """
        ti = bisect_left(p.starts, pos)
        if pos < 0 or ti >= len(p.starts) or p.starts[ti] != pos:
            return None
        sid = p.sentence_ids[ti]
        sent_start, _ = p.sentence_ranges[sid]
        if ti != sent_start or sid - 1 not in p.sentence_ranges:
            return None
        from .subjects import subject  # the subject functions read this module's phrases

        span = subject(p, *p.sentence_ranges[sid - 1])
        if span is None:
            return None
        facts = self._facts(p.words[span[0] : span[1] + 1])
        entry = facts.entry
        if entry is None or facts.pronoun:
            return None
        kind = {"person": "person", "group": "group"}.get(entry.type, "org")
        fits = kind == want or (want == "group" and kind == "org")
        return (entry.canonical, entry.actor or facts.actor) if fits else None

    def _mention_facts(self, words: list[str]) -> MentionFacts:
        """What a mention's words say on their own, before the article's history."""
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in PRONOUNS:
            return MentionFacts(PRONOUNS[low[0]], "", None, False, None, None)
        content = [w for w in low if w not in DETERMINERS]
        title = content[-1] if content and all(w in self.titles for w in content) else ""
        phrase = " ".join(words).replace(" ’s", "’s").replace(" 's", "'s")
        phrase = phrase.replace(" - ", "-").replace(" .", ".")
        matches = self.gaz.find(phrase)
        entry = None
        if matches:
            persons = [m for m in matches if m[2].type == "person"]
            entry = (persons or matches)[-1][2]
        name_like = bool(words) and all(is_cap(w) or w.lower() in self.titles for w in words)
        return MentionFacts(
            "", title, entry, name_like, self._name_from(words), self.gaz.actor_of_words(words)
        )

    def _antecedents(self, pos: int) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
        """Named speakers and gazetteer people before ``pos``, the nearest first."""
        people = self._people()
        k = bisect_left(people, (pos,)) if pos >= 0 else len(people)
        merged: list[tuple[int, tuple[str, str, str | None, tuple[str, ...]]]] = [
            (at, (c, "person", a, ())) for at, c, a in people[max(0, k - NEARBY_PEOPLE) : k]
        ]
        merged += [(h[4], h[:4]) for h in self.history[-HISTORY:] if pos < 0 or h[4] < pos]
        merged.sort(key=lambda item: item[0], reverse=True)
        return [item[1] for item in merged]

    def _people(self) -> list[tuple[int, str, str | None]]:
        """Gazetteer people mentioned in the body, by position (computed once)."""
        if self.people is None:
            found = []
            matches = paragraph_matches(self.article, self.gaz)
            for para in self.article.paragraph_spans:
                if para.kind == "body":
                    found += [
                        (s, e.canonical, e.actor)
                        for s, _, e in matches[para.paragraph_id]
                        if e.type == "person"
                    ]
            self.people = sorted(found)
        return self.people

    def _name_from(self, words: list[str]) -> str | None:
        if "(" in words:
            # "Rep. Elijah E. Cummings (D-Md.)": the party and state are not the name
            words = words[: words.index("(")]
            if not words:
                return None
        # possessive phrases name an organisation of someone: "Donald Trump’s campaign"
        low = [w.lower() for w in words]
        if any(w in ("’s", "'s") for w in low[:-1]):
            start = 1 if low[0] in DETERMINERS else 0
            return _join(words[start:])
        # the last run of capitalised words, without leading titles
        end = len(words)
        while end > 0 and not is_cap(words[end - 1]):
            end -= 1
        if end > 0 and end == len(words):
            begin = end
            while begin > 0 and (is_cap(words[begin - 1]) or words[begin - 1] in ("-", ".")):
                begin -= 1
            run = words[begin:end]
            if run and run[0].lower() in DETERMINERS:
                run = run[1:]
            while len(run) > 1 and run[0].lower().rstrip(".") in title_stems():
                run = run[1:]
            run = _after_inner_title(run)
            if run and not all(w.lower() in self.titles for w in run):
                return _join(run)
        start = 1 if low and low[0] in DETERMINERS else 0
        rest = words[start:]
        return _join(rest) if rest else None

    def _speaker_facts(self, speaker: str, mention: str) -> tuple[tuple[str, ...], str, str]:
        """A speaker's mention words, type and the surname it may be called by later."""
        mwords = tuple([w.strip(",") for w in mention.lower().split()])
        if len(mwords) == 1 and mwords[0] in PRONOUNS:
            return (), "", ""
        entry = self.gaz.by_canonical(speaker)
        if entry is not None and entry.type:
            ptype = {"person": "person", "group": "group"}.get(entry.type, "org")
        else:
            ptype = self._guess_type(speaker, mwords)
        alias = ""
        if ptype == "person":
            parts = speaker.split()
            if len(parts) >= 2 and all(is_cap(part) for part in parts):
                alias = parts[-1]
        return mwords, ptype, alias

    def _guess_type(self, speaker: str, mwords: tuple[str, ...]) -> str:
        parts = speaker.split()
        lowparts = {part.lower().strip("’'s") for part in parts}
        if lowparts & ORG_WORDS or any(w in ORG_WORDS for w in mwords[-1:]):
            return "org"
        if any(w in self.titles for w in mwords) or (
            len(parts) >= 2 and all(is_cap(part) for part in parts)
        ):
            return "person"
        if parts and parts[-1].endswith("s") and not is_cap(parts[-1]):
            return "group"
        if len(parts) == 1 and is_cap(parts[0]):
            return "person"
        return "group" if speaker.endswith("s") else "org"


def _after_inner_title(run: list[str]) -> list[str]:
    """The full name after the run's last title: "Texas Sen. Ted Cruz" -> "Ted Cruz".

    Words before a title qualify it (a state, a party, a body: "GOP Chairman Chuck
    Williams", "Rival Hillary Clinton"). Only a name of two words or more is taken, so
    "Martin Luther King Jr." and "Prince William" keep their words.
    """
    stems = title_stems()
    for i in range(len(run) - 2, 0, -1):
        if run[i].lower().rstrip(".") in stems:
            name = [w for w in run[i + 1 :] if w not in ("-", ".")]
            if len(name) >= 2 and not any(w.lower().rstrip(".") in stems for w in name):
                return run[i + 1 :]
            break
    return run


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if not out or w in ("’s", "'s", "-", ".") or out.endswith(("-",)):
            out += w
        else:
            out += " " + w
    return out
