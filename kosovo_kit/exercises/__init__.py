"""Self-checks for the course exercises: feedback a student can act on, not a mark.

Each ``check_…`` function takes a student's answer and returns a :class:`Feedback`: what
is right (with the article's words that support it), what to look at again, what is
missing, and a hint. Answers that can be computed from the article (offsets, counts, the
words the lexicon scores) are computed by the kit when the check runs; the other keys live
in :mod:`kosovo_kit.exercise_answers`, apart from the notebooks.

One module per notebook: :mod:`.reading` (01), :mod:`.tokens` (02), :mod:`.statements`
(03), :mod:`.tone` (04) and :mod:`.annotation` (06); :mod:`.feedback` holds what they share.

>>> from kosovo_kit import exercises
>>> print(exercises.check_sides({"Dmitry Peskov": "Russia"}))  # doctest: +ELLIPSIS
Who speaks for whom: 1 of 4 ...
"""

from __future__ import annotations

from .annotation import annotation_table, check_annotation
from .feedback import Feedback
from .reading import check_sides, check_translation_signs
from .statements import (
    check_references,
    check_statement_kinds,
    references_to_resolve,
    statements_to_classify,
)
from .tokens import check_offsets, check_sentence_split, check_word_counts
from .tone import check_tone_words, tone_statement

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
