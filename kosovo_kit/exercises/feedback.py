"""Feedback: what a check says back to a student, and the helpers every check shares."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import exercise_answers as keys
from ..text import Article

KINDS = ("direct", "mixed", "indirect")
_QUOTE_MAP = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


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
        return [
            ("What is right", self.right),
            ("Look again", self.again),
            ("Still missing", self.missing),
        ]

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
        parts = [
            f'<div class="kk-feedback" style="border-left:4px solid {colour};'
            f'padding:0.2em 0.8em;font-family:sans-serif">'
            f"<b>{html.escape(self.title)}</b>" + (" — all done." if self.done else "")
        ]
        for head, items in self._sections():
            if items:
                parts.append(
                    f"<div><i>{head}</i><ul>"
                    + "".join(f"<li>{html.escape(i)}</li>" for i in items)
                    + "</ul></div>"
                )
        if self.hint and not self.done:
            parts.append(f"<div><i>Hint:</i> {html.escape(self.hint)}</div>")
        parts.append("</div>")
        return "".join(parts)


def _norm(value: Any) -> str:
    """Lower case, straight quotes, single spaces: how answers are compared."""
    return " ".join(str(value).translate(_QUOTE_MAP).casefold().split())


def _article(article: Article | None) -> Article:
    if article is None:
        from ..text import load_article

        return load_article()
    return article


def _score(n_right: int, n_total: int) -> float:
    return n_right / n_total if n_total else 0.0


def _sentence(text: str) -> str:
    """End a message with a full stop unless it already ends with one or a question mark."""
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _quoted(text: str) -> str:
    """Put the article's words in quotation marks unless they start with their own."""
    return text if text.startswith("“") else f"“{text}”"


def _keyed(
    title: str,
    answer: Mapping[str, Any],
    key: Mapping[str, keys.Key],
    what: str,
    valid: Sequence[str] | None = None,
    explain: str = "the article says",
) -> Feedback:
    """Compare a mapping answer with a mapping of keys (letters or lower-case names)."""
    if not isinstance(answer, Mapping):
        raise TypeError(f"give your answer as a dict, e.g. {{{next(iter(key))!r}: ...}}")
    by_letter = all(len(name) == 1 for name in key)
    labels = {
        name: f"{name} ({_short(k.label)})" if by_letter else k.label for name, k in key.items()
    }
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
        fb.hint = _sentence(
            f"start with {first_wrong if by_letter else labels[first_wrong]}: "
            f"{key[first_wrong].hint}"
        )
    elif fb.missing:
        fb.hint = "answer every item; the list of items is at the top of the exercise."
    return fb


def _norm_keep(value: str) -> str:
    return value.translate(_QUOTE_MAP).casefold()


def _locate(piece: str, text: str, pos: int) -> int | None:
    """Find ``piece`` in ``text`` from ``pos``, ignoring case and the style of quote marks."""
    # translate() maps one character to one, so offsets stay valid
    found = _norm_keep(text).find(_norm_keep(piece.strip()), pos)
    return None if found < 0 else found
