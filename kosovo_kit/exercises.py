"""Self-checks for the course exercises: feedback a student can act on, not a mark.

Each ``check_…`` function takes a student's answer and returns a :class:`Feedback`: what
is right (with the article's words that support it), what to look at again, what is
missing, and a hint. Answers that can be computed from the article (offsets, counts, the
words the lexicon scores) are computed by the kit when the check runs; the other keys live
in :mod:`kosovo_kit.exercise_answers`, apart from the notebooks.

>>> from kosovo_kit import exercises
>>> print(exercises.check_sides({"Dmitry Peskov": "Russia"}))  # doctest: +ELLIPSIS
Who speaks for whom: 1 of 4 ...
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import exercise_answers as keys
from .text import Article

__all__ = [
    "Feedback",
    "annotation_table",
    "check_annotation",
    "check_offsets",
    "check_references",
    "check_sentence_split",
    "check_sides",
    "check_statement_kinds",
    "check_tone_words",
    "check_translation_signs",
    "check_word_counts",
    "references_to_resolve",
    "statements_to_classify",
    "tone_statement",
]

KINDS = ("direct", "mixed", "indirect")
_QUOTE_MAP = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                            "»": '"'})


@dataclass
class Feedback:
    """What a check found: right, to look at again, missing, and a hint.

    Attributes
    ----------
    title : str
        The exercise.
    right : list of str
        What the answer got right, and why it is right.
    again : list of str
        Parts to look at again, each with what is off.
    missing : list of str
        What the answer does not cover yet.
    hint : str
        A pointer for the next try ("" once everything is right).
    score : float
        Share of the exercise done, from 0 to 1.
    """

    title: str
    right: list[str] = field(default_factory=list)
    again: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    hint: str = ""
    score: float = 0.0

    @property
    def done(self) -> bool:
        """True when nothing is left to look at again or to add."""
        return not self.again and not self.missing

    def _sections(self) -> list[tuple[str, list[str]]]:
        return [("What is right", self.right), ("Look again", self.again),
                ("Still missing", self.missing)]

    def __str__(self) -> str:
        lines = [self.title + (" — all done." if self.done else "")]
        for head, items in self._sections():
            if items:
                lines.append(f"{head}:")
                lines.extend(f"  - {item}" for item in items)
        if self.hint and not self.done:
            lines.append(f"Hint: {self.hint}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        # Feedback repeats what a student typed: escape it.
        colour = "#2e7d32" if self.done else "#8d6e00"
        parts = [f'<div class="kk-feedback" style="border-left:4px solid {colour};'
                 f'padding:0.2em 0.8em;font-family:sans-serif">'
                 f"<b>{html.escape(self.title)}</b>"
                 + (" — all done." if self.done else "")]
        for head, items in self._sections():
            if items:
                parts.append(f"<div><i>{head}</i><ul>"
                             + "".join(f"<li>{html.escape(i)}</li>" for i in items)
                             + "</ul></div>")
        if self.hint and not self.done:
            parts.append(f"<div><i>Hint:</i> {html.escape(self.hint)}</div>")
        parts.append("</div>")
        return "".join(parts)


def _norm(value: Any) -> str:
    """Lower case, straight quotes, single spaces: how answers are compared."""
    return " ".join(str(value).translate(_QUOTE_MAP).casefold().split())


def _article(article: Article | None) -> Article:
    if article is None:
        from .text import load_article

        return load_article()
    return article


def _score(n_right: int, n_total: int) -> float:
    return n_right / n_total if n_total else 0.0


def _sentence(text: str) -> str:
    """End a message with a full stop unless it already ends with one or a question mark."""
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _quoted(text: str) -> str:
    """Put the article's words in quotation marks unless they start with their own."""
    return text if text.startswith("“") else f"“{text}”"


def _keyed(title: str, answer: Mapping[str, Any], key: Mapping[str, keys.Key],
           what: str, valid: Sequence[str] | None = None,
           explain: str = "the article says") -> Feedback:
    """Compare a mapping answer with a mapping of keys (letters or lower-case names)."""
    if not isinstance(answer, Mapping):
        raise TypeError(f"give your answer as a dict, e.g. {{{next(iter(key))!r}: ...}}")
    by_letter = all(len(name) == 1 for name in key)
    labels = {name: f"{name} ({_short(k.label)})" if by_letter else k.label
              for name, k in key.items()}
    fb = Feedback(title)
    given = {_norm(k): v for k, v in answer.items()}
    n_right = 0
    first_wrong: str | None = None
    for name, item in key.items():
        value = given.get(_norm(name))
        label = labels[name]
        if value is None or not str(value).strip():
            fb.missing.append(f"{label}: {what} not given yet.")
            continue
        said = _norm(value)
        if valid is not None and said not in valid:
            fb.again.append(f"{label}: “{value}” is not one of {', '.join(valid)}.")
        elif said in {_norm(item.answer), *item.accept}:
            n_right += 1
            fb.right.append(f"{label} → {item.answer}: {explain} {_quoted(item.evidence)}.")
            continue
        else:
            fb.again.append(_sentence(f"{label}: you said “{value}”; look again: {item.hint}"))
        first_wrong = first_wrong or name
    known = {_norm(x) for x in key}
    items = ", ".join(name if by_letter else k.label for name, k in key.items())
    for name in answer:
        if _norm(name) not in known:
            fb.again.append(f"“{name}” is not one of the items of this exercise ({items}).")
    fb.score = _score(n_right, len(key))
    fb.title = f"{title}: {n_right} of {len(key)} right"
    if first_wrong is not None:
        fb.hint = _sentence(f"start with {first_wrong if by_letter else labels[first_wrong]}: "
                            f"{key[first_wrong].hint}")
    elif fb.missing:
        fb.hint = "answer every item; the list of items is at the top of the exercise."
    return fb


def check_sides(answer: Mapping[str, str]) -> Feedback:
    """Exercise 01.1: say which side each speaker of the article speaks for.

    Parameters
    ----------
    answer : mapping of str to str
        Speaker → side, for "Dmitry Peskov", "Milos Vucevic", "Christofer Burger" and
        "the federal government", e.g. ``{"Dmitry Peskov": "Russia", ...}``.

    Returns
    -------
    Feedback
    """
    return _keyed("Who speaks for whom", answer, keys.SIDES, "the side is")


def check_translation_signs(passages: Iterable[str], article: Article | None = None,
                            wanted: int = 3) -> Feedback:
    """Exercise 01.2: quote passages that read as machine translation.

    Parameters
    ----------
    passages : iterable of str
        Short passages copied from the article (a few words each).
    article : Article, optional
        The article; the bundled one by default.
    wanted : int
        How many passages the exercise asks for.

    Returns
    -------
    Feedback
    """
    if isinstance(passages, str):
        passages = [passages]
    text = _norm(_article(article).text)
    signs = {_norm(k): (k, why) for k, why in keys.TRANSLATION_SIGNS.items()}
    fb = Feedback("Signs of machine translation")
    found: set[str] = set()
    for passage in passages:
        said = _norm(passage)
        if not said:
            continue
        if said not in text:
            fb.again.append(f"“{passage}” is not in the article as written; copy the words "
                            "exactly (the quotation marks and apostrophes may differ).")
            continue
        match = next((k for k in signs if k in said or (said in k and 2 * len(said) >= len(k))),
                     None)
        if match is None:
            fb.again.append(f"“{passage}” reads as ordinary English to the course; if you "
                            "think a native writer would put it differently, say how.")
        elif match in found:
            fb.again.append(f"“{passage}” is the same passage as one you already gave.")
        else:
            found.add(match)
            original, why = signs[match]
            longer = " (the odd words are “" + original + "”)" if len(said) > 2 * len(match) else ""
            fb.right.append(f"“{passage}”{longer}: {why}.")
    if len(found) < wanted:
        fb.missing.append(f"{wanted - len(found)} more passage(s): the exercise asks for {wanted}.")
        fb.hint = ("read paragraph 3 (Peskov's words), paragraph 5 (the Serbian army) and the "
                   "last paragraph slowly, aloud: where does the grammar break?")
    fb.score = min(1.0, _score(len(found), wanted))
    fb.title = f"Signs of machine translation: {len(found)} of {wanted} found"
    return fb


def check_offsets(start: int, end: int, article: Article | None = None,
                  target: str = "Dmitry Peskov") -> Feedback:
    """Exercise 02.1: give the character offsets of the first mention of ``target``.

    Parameters
    ----------
    start, end : int
        The student's offsets: ``article.text[start:end]`` should read ``target``.
    article : Article, optional
        The article; the bundled one by default.
    target : str
        The words to find.

    Returns
    -------
    Feedback
    """
    text = _article(article).text
    first = text.find(target)
    if first < 0:
        raise ValueError(f"{target!r} does not occur in the article")
    want = (first, first + len(target))
    title = f"Offsets of the first “{target}”"
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        return Feedback(title, again=[f"start and end must be whole numbers, not {start!r} "
                                      f"and {end!r}."], hint="offsets count characters from 0.")
    if not 0 <= start <= end <= len(text):
        return Feedback(title, again=[f"({start}, {end}) is not a span of the article: it "
                                      f"needs 0 <= start <= end <= {len(text)}."],
                        hint=f"try article.text.find({target!r}).")
    shown = text[start:end]
    if (start, end) == want:
        return Feedback(title, right=[f"text[{start}:{end}] reads “{shown}”: the first "
                                      "mention, and the end is one past its last character."],
                        score=1.0)
    fb = Feedback(title, again=[f"text[{start}:{end}] reads “{shown}”."])
    later = [m.start() for m in re.finditer(re.escape(target), text)][1:]
    if start in later and end - start == len(target):
        fb.right.append(f"that is “{target}”: your offsets work.")
        fb.again.append("but it is a later mention; the exercise asks for the first one.")
        fb.hint = "search from the beginning: text.find() returns the first match."
        fb.score = 0.5
    elif start == want[0] and end == want[1] - 1:
        fb.right.append("the start is right.")
        fb.again.append("the span stops one character early.")
        fb.hint = ("end is the position just after the last character, as in Python slices: "
                   "text[start:end] leaves out text[end].")
        fb.score = 0.5
    elif abs(start - want[0]) == 1 and end - start == len(target):
        fb.again.append("the span is the right length but shifted by one character.")
        fb.hint = "offsets count from 0: the first character of the article is text[0]."
        fb.score = 0.5
    elif want[0] <= start and end <= want[1] and shown:
        fb.right.append("it lies inside the name.")
        fb.missing.append(f"the rest of “{target}”: the span covers only part of it.")
        fb.hint = "a person's mention is the whole name, first name included."
        fb.score = 0.5
    else:
        fb.hint = f"article.text.find({target!r}) gives the start; add the name's length."
    return fb


def _paragraph(article: Article, containing: str) -> tuple[int, int, str]:
    paras = article.paragraphs
    for row in paras.itertuples():
        if containing in row.text:
            return int(row.start), int(row.end), row.text
    raise ValueError(f"no paragraph holds {containing!r}")


def _locate(piece: str, text: str, pos: int) -> int | None:
    """Find ``piece`` in ``text`` from ``pos``, ignoring case and the style of quote marks."""
    # translate() maps one character to one, so offsets stay valid
    found = _norm_keep(text).find(_norm_keep(piece.strip()), pos)
    return None if found < 0 else found


def _norm_keep(value: str) -> str:
    return value.translate(_QUOTE_MAP).casefold()


def check_sentence_split(sentences: Sequence[str], article: Article | None = None) -> Feedback:
    """Exercise 02.2: split paragraph 3 (Peskov's words) into sentences by hand.

    Parameters
    ----------
    sentences : sequence of str
        The paragraph's sentences in order, each copied from the article.
    article : Article, optional
        The article; the bundled one by default.

    Returns
    -------
    Feedback
    """
    art = _article(article)
    _, _, para = _paragraph(art, keys.SENTENCE_SPLIT[-1])
    want = [para.index(sentence) + len(sentence) for sentence in keys.SENTENCE_SPLIT]
    fb = Feedback("Sentences of paragraph 3")
    if isinstance(sentences, str):
        sentences = [sentences]
    pos, ends = 0, []
    for n, sentence in enumerate(sentences, 1):
        at = _locate(sentence, para, pos)
        if at is None or not sentence.strip():
            fb.again.append(f"sentence {n} (“{sentence[:40]}…”) is not the next part of "
                            "paragraph 3 as written; copy it from article.paragraphs.")
            fb.hint = "paste each sentence exactly, in order, without leaving words out."
            return fb
        if para[pos:at].strip():
            fb.missing.append(f"the words “{para[pos:at].strip()[:40]}” before sentence {n}.")
        pos = at + len(sentence.strip())
        ends.append(pos)
    if para[pos:].strip():
        fb.missing.append(f"the end of the paragraph, “{para[pos:].strip()[:40]}…”.")
    n_right = 0
    for end in ends:
        before = para[max(0, end - 12):end]
        if end in want:
            n_right += 1
            fb.right.append(f"a sentence ends after “…{before}”.")
        elif para[:end].endswith("ed."):
            fb.again.append("you end a sentence after “ed.”: it abbreviates “editor”, and the "
                            "brackets “(in Kosovo, ed.)” hold the editor's insertion; the "
                            "sentence goes on.")
        elif para[end:end + 2] in ("”.", "”,") or para[end:end + 1] == "”":
            fb.again.append(f"you end a sentence after “…{before}”, before its closing "
                            "quotation mark: the mark and the period belong to the sentence "
                            "they close.")
        elif para[:end].endswith(",”"):
            fb.again.append(f"you end a sentence after “…{before}”: a comma inside quotation "
                            "marks hands over to the reporting clause (“… told reporters”), "
                            "which belongs to the same sentence.")
        else:
            fb.again.append(f"you end a sentence after “…{before}”, where the sentence goes on.")
    for end in want:
        if end not in ends and not fb.missing:
            fb.missing.append(f"a sentence end after “…{para[max(0, end - 12):end]}”.")
    fb.score = _score(n_right, len(want)) if not fb.again else 0.5 * _score(n_right, len(want))
    if not fb.done and not fb.hint:
        fb.hint = ("a sentence ends at a period, question or exclamation mark that is not part "
                   "of an abbreviation, together with any closing quotation mark next to it.")
    fb.title = f"Sentences of paragraph 3: {n_right} of {len(want)} sentence ends right"
    return fb


def _word_variants(article: Article, word: str) -> dict[str, int]:
    text = article.text
    hits = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))
    body = {int(p.paragraph_id): (int(p.start), int(p.end))
            for p in article.paragraphs.itertuples() if p.kind == "body"}
    in_body = sum(any(s <= m.start() < e for s, e in body.values()) for m in hits)
    possessive = sum(text.startswith(("’s", "'s"), m.end()) for m in hits)
    derived = len(re.findall(rf"(?<!\w){re.escape(word)}\w+", text))
    return {
        "tokens": int((article.tokens["text"] == word).sum()),
        "without possessive": len(hits) - possessive,
        "body only": in_body,
        "with derived words": len(hits) + derived,
    }


def check_word_counts(counts: Mapping[str, int], article: Article | None = None) -> Feedback:
    """Exercise 02.3: how many tokens of the article are exactly Serbia, Kosovo, Belgrade?

    Parameters
    ----------
    counts : mapping of str to int
        Word → count, counted by hand or with a table of the article's tokens.
    article : Article, optional
        The article; the bundled one by default.

    Returns
    -------
    Feedback
    """
    art = _article(article)
    fb = Feedback("Word counts")
    given = {_norm(k): v for k, v in counts.items()}
    n_right = 0
    explain = {
        "without possessive": "the count without the possessive (“{w}’s”): the tokenizer "
                              "splits “’s” off, so “{w}’s” gives a token “{w}” too",
        "body only": "the count in the body paragraphs only; the title, the repeated title, "
                     "the heading and the “SEE ALSO” line are tokens of the article too",
        "with derived words": "a count that includes longer words starting with “{w}” "
                              "(“{w}n”, …); a token is the whole word, so those are different "
                              "tokens",
    }
    for word in keys.WORD_COUNT_WORDS:
        variants = _word_variants(art, word)
        value = given.get(_norm(word))
        if value is None:
            fb.missing.append(f"{word}: no count given yet.")
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            fb.again.append(f"{word}: give a whole number, not {value!r}.")
            continue
        if value == variants["tokens"]:
            n_right += 1
            fb.right.append(f"{word}: {value} tokens.")
            continue
        why = next((name for name in ("without possessive", "body only", "with derived words")
                    if value == variants[name] != variants["tokens"]), None)
        if why is not None:
            fb.again.append(f"{word}: {value} is " + explain[why].format(w=word) + ".")
        else:
            direction = "low" if value < variants["tokens"] else "high"
            fb.again.append(f"{word}: {value} is too {direction}.")
    fb.score = _score(n_right, len(keys.WORD_COUNT_WORDS))
    fb.title = f"Word counts: {n_right} of {len(keys.WORD_COUNT_WORDS)} right"
    if not fb.done:
        fb.hint = ("count on the tokens table, e.g. (article.tokens['text'] == 'Serbia').sum(), "
                   "and compare with what you counted by eye: which mentions did you skip?")
    return fb


def statements_to_classify() -> pd.DataFrame:
    """The five statements of exercise 03.1, by letter.

    Returns
    -------
    pandas.DataFrame
        ``item`` (A–E) and ``statement``.
    """
    return pd.DataFrame({"item": list(keys.KINDS),
                         "statement": [k.label for k in keys.KINDS.values()]})


def check_statement_kinds(answer: Mapping[str, str]) -> Feedback:
    """Exercise 03.1: classify five statements as direct, mixed or indirect.

    Parameters
    ----------
    answer : mapping of str to str
        Letter (A–E, see :func:`statements_to_classify`) → kind.

    Returns
    -------
    Feedback
    """
    fb = _keyed("Kinds of statements", answer, keys.KINDS, "the kind is", valid=KINDS,
                explain="the article has")
    if not fb.done:
        fb.hint += (" Remember: direct: every reported word is inside quotation marks. Mixed: the "
                    "reporter's words with quoted pieces. Indirect: no quotation marks.")
    return fb


def references_to_resolve() -> pd.DataFrame:
    """The four phrases of exercise 03.2, by letter.

    Returns
    -------
    pandas.DataFrame
        ``item`` (A–D) and ``phrase``.
    """
    return pd.DataFrame({"item": list(keys.REFERENCES),
                         "phrase": [k.label for k in keys.REFERENCES.values()]})


def check_references(answer: Mapping[str, str]) -> Feedback:
    """Exercise 03.2: say whom or what a pronoun or a description refers to.

    Parameters
    ----------
    answer : mapping of str to str
        Letter (A–D, see :func:`references_to_resolve`) → the person or country.

    Returns
    -------
    Feedback
    """
    return _keyed("Who is meant", answer, keys.REFERENCES, "the answer is",
                  explain="the text that settles it:")


def tone_statement(article: Article | None = None) -> str:
    """The words Christofer Burger is quoted with: the statement of exercise 04.1."""
    text = _article(article).text
    start = text.index("“We are very concerned") + 1
    return text[start:text.index("”", start)]


def check_tone_words(words: Iterable[str], article: Article | None = None,
                     lexicon: Any = "news") -> Feedback:
    """Exercise 04.1: which words of Burger's statement does the sentiment lexicon score?

    Parameters
    ----------
    words : iterable of str
        The words you think carry tone for the lexicon.
    article : Article, optional
        The article; the bundled one by default.
    lexicon : str or path or mapping
        The lexicon, as for :func:`kosovo_kit.explain_sentiment`.

    Returns
    -------
    Feedback
    """
    from .sentiment import explain_sentiment

    if isinstance(words, str):
        words = words.split()
    statement = tone_statement(article)
    table = explain_sentiment(statement, lexicon=lexicon)
    table = table[table["kind"] == "word"]
    valence = {_norm(t): float(v) for t, v in zip(table["token"], table["valence"])}
    boosted = {_norm(t) for t, b in zip(table["token"], table["booster"]) if b}
    scored = {w for w, v in valence.items() if v}
    given = list(dict.fromkeys(_norm(w) for w in words if _norm(w)))
    fb = Feedback("Words with tone")
    for word in given:
        if word not in valence:
            fb.again.append(f"“{word}” is not a word of the statement.")
        elif word in scored:
            fb.right.append(f"“{word}”: valence {valence[word]:+.2f} in the lexicon.")
        elif word in {"very", "extremely", "so", "really"} and boosted:
            fb.again.append(f"“{word}” has no tone of its own: it boosts the next word "
                            "(see the booster column of explain_sentiment).")
        else:
            fb.again.append(f"“{word}”: a reader may feel it, but the lexicon gives it no "
                            "valence (0).")
    for word in sorted(scored - set(given)):
        fb.missing.append(f"a word of the statement that the lexicon scores ({len(word)} "
                          f"letters, valence {'negative' if valence[word] < 0 else 'positive'}).")
    n_right = len(scored & set(given))
    # words given that the lexicon does not score lower the score, so listing every word
    # of the statement is not a way to find all
    fb.score = n_right / (len(scored) + len(fb.again)) if scored else float(not fb.again)
    fb.title = f"Words with tone: {n_right} of {len(scored)} found"
    if not fb.done:
        fb.hint = ("run kk.explain_sentiment on the statement and read the valence column: "
                   "only words with a non-zero valence carry tone for the lexicon.")
    return fb


def _find_word(text: str, piece: str, lo: int, hi: int, near: int) -> int | None:
    pattern = re.compile(r"(?<!\w)" + re.escape(_norm_keep(piece.strip())) + r"(?!\w)")
    hits = [m.start() for m in pattern.finditer(_norm_keep(text), lo, hi)]
    return min(hits, key=lambda s: abs(s - near)) if hits else None


def annotation_table(rows: Sequence[Mapping[str, str]] | pd.DataFrame,
                     article: Article | None = None) -> pd.DataFrame:
    """Turn a hand-written table of statements into a who-said-what table with offsets.

    Parameters
    ----------
    rows : sequence of mappings, or DataFrame
        One row per statement with ``content`` (the reported words, copied from the article)
        and ``speaker`` (the words naming the speaker, e.g. "he" or "Dmitry Peskov"; empty
        when nobody is named).
    article : Article, optional
        The article; the bundled one by default.

    Returns
    -------
    pandas.DataFrame
        ``start``, ``end``, ``text``, ``speaker``, ``speaker_start``, ``speaker_end``: the
        form :func:`kosovo_kit.evaluate` scores.

    Raises
    ------
    ValueError
        When a content or speaker cannot be found in the article; the message says which.
    """
    text = _article(article).text
    frame = pd.DataFrame(rows)
    out = []
    for n, row in enumerate(frame.to_dict(orient="records"), 1):
        content = str(row.get("content") or "").strip()
        start = _locate(content, text, 0) if content else None
        if start is None:
            raise ValueError(f"row {n}: the content “{content[:50]}” is not in the article as "
                             "written; copy it exactly")
        end = start + len(content)
        speaker = str(row.get("speaker") or "").strip()
        s_start = s_end = None
        if speaker:
            # the mention nearest to the content, within its paragraph
            para = _article(article).paragraphs
            p = para[(para["start"] <= start) & (para["end"] >= end)]
            lo, hi = (int(p["start"].iloc[0]), int(p["end"].iloc[0])) if len(p) else (0, len(text))
            s_start = _find_word(text, speaker, lo, hi, start)
            if s_start is None:
                raise ValueError(f"row {n}: the speaker “{speaker}” is not in the paragraph "
                                 "of the content")
            s_end = s_start + len(speaker)
        out.append({"start": start, "end": end, "text": text[start:end],
                    "speaker": text[s_start:s_end] if speaker else None,
                    "speaker_start": s_start, "speaker_end": s_end})
    columns = ["start", "end", "text", "speaker", "speaker_start", "speaker_end"]
    table = pd.DataFrame(out, columns=columns)
    for col in ("start", "end", "speaker_start", "speaker_end"):
        table[col] = table[col].astype("Int64")
    return table


def check_annotation(annotation: pd.DataFrame | str | os.PathLike[str],
                     paragraphs: Iterable[int], article: Article | None = None,
                     gold: pd.DataFrame | str | os.PathLike[str] | None = None) -> Feedback:
    """Exercise 06: score your annotation of some paragraphs against the hand gold.

    Parameters
    ----------
    annotation : DataFrame or path
        Your statements: a BRAT ``.ann`` file (or :func:`kosovo_kit.read_brat` table), a
        table from :func:`annotation_table`, or any who-said-what table.
    paragraphs : iterable of int
        The ``paragraph_id`` values you annotated; gold statements elsewhere are left out.
    article : Article, optional
        The article; the bundled one by default.
    gold : DataFrame or path, optional
        The gold annotation; by default the hand annotation bundled with the article
        (:func:`kosovo_kit.load_gold`).

    Returns
    -------
    Feedback
        Found, missed and extra statements, whether each speaker is right, and the scores of
        :func:`kosovo_kit.evaluate` in the title.
    """
    from .brat import load_gold, read_brat
    from .evaluation import align, summarise

    art = _article(article)
    text = art.text
    ids = sorted({int(p) for p in ([paragraphs] if isinstance(paragraphs, int) else paragraphs)})
    para = art.paragraphs.set_index("paragraph_id")
    missing_ids = [p for p in ids if p not in para.index]
    if missing_ids or not ids:
        raise ValueError(f"paragraphs {missing_ids or ids} are not in the article "
                         f"(it has 0 to {len(para) - 1})")
    bounds = [(int(para.loc[p, "start"]), int(para.loc[p, "end"])) for p in ids]

    def inside(frame: pd.DataFrame) -> pd.DataFrame:
        starts = frame["start"].astype("Int64")
        keep = pd.Series([pd.notna(s) and any(lo <= int(s) < hi for lo, hi in bounds)
                          for s in starts], index=frame.index, dtype=bool)
        return frame[keep].reset_index(drop=True)

    if isinstance(annotation, (str, os.PathLike)):
        annotation = read_brat(annotation, text)
    if gold is None:
        gold_table = load_gold(art.metadata.get("name"))
    elif isinstance(gold, pd.DataFrame):
        gold_table = gold
    else:
        gold_table = read_brat(gold, text)
    gold_table, student = inside(gold_table), inside(annotation)
    pairs = align(student, gold_table, text)
    scores = summarise(pairs)["all"]

    def span(row_start: Any, row_end: Any) -> str:
        piece = text[int(row_start):int(row_end)]
        return piece if len(piece) <= 60 else piece[:57] + "…"

    def gold_speaker(i: int) -> str:
        value = gold_table["source_text"].iloc[i] if "source_text" in gold_table else None
        return "nobody named" if value is None or pd.isna(value) else str(value)

    fb = Feedback("Your annotation")
    for row in pairs.itertuples():
        if row.status == "tp":
            found = f"“{span(row.gold_start, row.gold_end)}”"
            if row.hit:
                fb.right.append(f"{found}, said by {gold_speaker(int(row.gold_index))}.")
            else:
                fb.right.append(f"{found}: you found the statement.")
                yours = "nobody" if _missing_text(row.pred_speaker) else row.pred_speaker
                fb.again.append(f"{found}: the speaker — you have “{yours}”, the gold has "
                                f"“{gold_speaker(int(row.gold_index))}”.")
        elif row.status == "fn":
            fb.missing.append(f"a statement in paragraph "
                              f"{_para_of(bounds, ids, int(row.gold_start))} starting "
                              f"“{span(row.gold_start, row.gold_end)[:25]}…”.")
        else:
            fb.again.append(f"“{span(row.pred_start, row.pred_end)}” does not match a gold "
                            "statement: is it reported speech with a cue, and does your span "
                            "cover at least half of the reported words?")
    fb.score = float(scores["wsw_f1"]) if scores["n_gold"] else 0.0
    p, r = scores["wsw_precision"], scores["wsw_recall"]
    fb.title = (f"Your annotation of paragraph(s) {', '.join(map(str, ids))}: "
                f"{int(scores['wsw_tp'])} of {int(scores['n_gold'])} gold statements found "
                f"with the right speaker (precision {_pct(p)}, recall {_pct(r)})")
    if not fb.done:
        fb.hint = ("one statement per cue (said, told, announced, according to …); the content "
                   "is the reported words without the cue and the speaker; a pronoun such as "
                   "“he” is a speaker mention too.")
    return fb


def _missing_text(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value))) or not str(
        value).strip()


def _para_of(bounds: list[tuple[int, int]], ids: list[int], pos: int) -> int:
    return next(p for p, (lo, hi) in zip(ids, bounds) if lo <= pos < hi)


def _pct(value: float) -> str:
    return "–" if pd.isna(value) else f"{value:.0%}"
