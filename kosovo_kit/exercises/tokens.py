"""Checks of notebook 02, tokenising: offsets, sentence splits and word counts."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .. import exercise_answers as keys
from ..text import Article
from .feedback import Feedback, _article, _locate, _norm, _score


def check_offsets(
    start: int, end: int, article: Article | None = None, target: str = "Dmitry Peskov"
) -> Feedback:
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
        return Feedback(
            title,
            again=[f"start and end must be whole numbers, not {start!r} and {end!r}."],
            hint="offsets count characters from 0.",
        )
    if not 0 <= start <= end <= len(text):
        return Feedback(
            title,
            again=[
                f"({start}, {end}) is not a span of the article: it "
                f"needs 0 <= start <= end <= {len(text)}."
            ],
            hint=f"try article.text.find({target!r}).",
        )
    shown = text[start:end]
    if (start, end) == want:
        return Feedback(
            title,
            right=[
                f"text[{start}:{end}] reads “{shown}”: the first "
                "mention, and the end is one past its last character."
            ],
            score=1.0,
        )
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
        fb.hint = (
            "end is the position just after the last character, as in Python slices: "
            "text[start:end] leaves out text[end]."
        )
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
            fb.again.append(
                f"sentence {n} (“{sentence[:40]}…”) is not the next part of "
                "paragraph 3 as written; copy it from article.paragraphs."
            )
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
        before = para[max(0, end - 12) : end]
        if end in want:
            n_right += 1
            fb.right.append(f"a sentence ends after “…{before}”.")
        elif para[:end].endswith("ed."):
            fb.again.append(
                "you end a sentence after “ed.”: it abbreviates “editor”, and the "
                "brackets “(in Kosovo, ed.)” hold the editor's insertion; the "
                "sentence goes on."
            )
        elif para[end : end + 2] in ("”.", "”,") or para[end : end + 1] == "”":
            fb.again.append(
                f"you end a sentence after “…{before}”, before its closing "
                "quotation mark: the mark and the period belong to the sentence "
                "they close."
            )
        elif para[:end].endswith(",”"):
            fb.again.append(
                f"you end a sentence after “…{before}”: a comma inside quotation "
                "marks hands over to the reporting clause (“… told reporters”), "
                "which belongs to the same sentence."
            )
        else:
            fb.again.append(f"you end a sentence after “…{before}”, where the sentence goes on.")
    for end in want:
        if end not in ends and not fb.missing:
            fb.missing.append(f"a sentence end after “…{para[max(0, end - 12) : end]}”.")
    fb.score = _score(n_right, len(want)) if not fb.again else 0.5 * _score(n_right, len(want))
    if not fb.done and not fb.hint:
        fb.hint = (
            "a sentence ends at a period, question or exclamation mark that is not part "
            "of an abbreviation, together with any closing quotation mark next to it."
        )
    fb.title = f"Sentences of paragraph 3: {n_right} of {len(want)} sentence ends right"
    return fb


def _word_variants(article: Article, word: str) -> dict[str, int]:
    text = article.text
    hits = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))
    body = {
        int(p.paragraph_id): (int(p.start), int(p.end))
        for p in article.paragraphs.itertuples()
        if p.kind == "body"
    }
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
        why = next(
            (
                name
                for name in ("without possessive", "body only", "with derived words")
                if value == variants[name] != variants["tokens"]
            ),
            None,
        )
        if why is not None:
            fb.again.append(f"{word}: {value} is " + explain[why].format(w=word) + ".")
        else:
            direction = "low" if value < variants["tokens"] else "high"
            fb.again.append(f"{word}: {value} is too {direction}.")
    fb.score = _score(n_right, len(keys.WORD_COUNT_WORDS))
    fb.title = f"Word counts: {n_right} of {len(keys.WORD_COUNT_WORDS)} right"
    if not fb.done:
        fb.hint = (
            "count on the tokens table, e.g. (article.tokens['text'] == 'Serbia').sum(), "
            "and compare with what you counted by eye: which mentions did you skip?"
        )
    return fb
