"""VADER's tokenising: emoji descriptions, whitespace tokens, stripped words and their spans."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .lexicons import emoji_descriptions

__all__ = ["quoted_flags", "replace_emojis", "strip_words", "tokenise", "tokenise_with_offsets"]

_WORD_RE = re.compile(r"\S+")


def replace_emojis(text: str, emojis: Mapping[str, str]) -> tuple[str, list[int] | None]:
    """Swap emojis for their descriptions; also return each output char's source index.

    The index list is None when ``text`` holds no emoji (the output is ``text`` itself).
    """
    if emojis.keys().isdisjoint(text):
        return text, None
    out: list[str] = []
    src: list[int] = []
    prev_space = True
    for idx, char in enumerate(text):
        if char in emojis:
            desc = emojis[char]
            # As in the reference, a description is glued to the character that follows it.
            if not prev_space:
                out.append(" ")
                src.append(idx)
            out.append(desc)
            src.extend([idx] * len(desc))
            prev_space = False
        else:
            out.append(char)
            src.append(idx)
            prev_space = char == " "
    return "".join(out), src


def strip_word(token: str, punct: str) -> str:
    """``token`` without surrounding punctuation, unless two or fewer characters would remain.

    A token that short is probably an emoticon (":)", ":-("), so it is kept whole.
    """
    stripped = token.strip(punct)
    return token if len(stripped) <= 2 else stripped


def strip_words(tokens: list[str], punct: str) -> list[str]:
    """:func:`strip_word` of each token."""
    return [strip_word(t, punct) for t in tokens]


def tokenise(text: str, punct: str) -> tuple[str, list[str], list[str]]:
    """The emoji-expanded, stripped text, its whitespace tokens and their stripped words."""
    clean, _ = replace_emojis(text, emoji_descriptions())
    clean = clean.strip()
    raw = clean.split()
    return clean, raw, strip_words(raw, punct)


def tokenise_with_offsets(
    text: str, punct: str
) -> tuple[str, list[int], list[str], list[str], list[tuple[int, int]]]:
    """VADER's tokens with their character spans in ``text``.

    Returns the emoji-expanded text, the source index of each of its characters, the
    whitespace tokens, the punctuation-stripped words and the words' spans in ``text``.
    """
    expanded, src = replace_emojis(text, emoji_descriptions())
    if src is None:
        src = list(range(len(expanded)))
    spans: list[tuple[int, int]] = []
    raw: list[str] = []
    words: list[str] = []
    for m in _WORD_RE.finditer(expanded):
        tok = m.group()
        word = strip_word(tok, punct)
        lead = 0 if word == tok else len(tok) - len(tok.lstrip(punct))
        a = m.start() + lead
        spans.append((src[a], src[a + len(word) - 1] + 1))
        raw.append(tok)
        words.append(word)
    return expanded, src, raw, words, spans


def quoted_flags(raw_tokens: list[str]) -> list[bool]:
    """Mark whitespace tokens inside quotation marks (``"..."``, ``''...''``, curly quotes)."""
    flags = []
    inside = False
    for tok in raw_tokens:
        opens = tok.startswith(("''", "``", '"', "“"))
        stripped = tok.rstrip(".,;:!?)")
        closes = stripped.endswith(("''", '"', "”"))
        if not inside and opens:
            flags.append(True)
            # A one-word quotation opens and closes in the same token.
            inside = not (closes and len(stripped) > 2)
            continue
        flags.append(inside)
        if inside and closes:
            inside = False
    if inside:  # unbalanced quote: do not guess its extent
        return [False] * len(raw_tokens)
    return flags
