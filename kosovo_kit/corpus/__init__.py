"""Whole corpora: load many articles, analyse them in parallel, aggregate the results.

:func:`load_corpus` reads a folder of ``.txt`` files, a glob, a CSV / Parquet / JSONL
file or a DataFrame into a :class:`Corpus`; bad files and rows are reported in
``Corpus.errors`` and skipped, never aborting the run. :func:`analyze_corpus` runs
the per-article analysis of :func:`kosovo_kit.pipeline.analyse_records` on every
article (over several processes if asked) and returns a :class:`CorpusResult` of tidy
tables with aggregations (per actor, outlet, week, the who-quotes-whom network).
:func:`stream_corpus` does the same for corpora that do not fit in memory, writing part
files as it goes, and :func:`analyze_dask` runs the same per-article analysis on a Dask
DataFrame (optional extra ``kosovo_kit[scale]``).

The modules: :mod:`.load` (sources), :mod:`.run` (the per-article analysis in worker
processes), :mod:`.result` (the tables), :mod:`.stream`, :mod:`.dask`; the aggregates
live in :mod:`kosovo_kit.aggregate`, which charts and widgets import too.
"""

from __future__ import annotations

from ..aggregate import quote_network, tone_by, tone_by_actor, tone_by_time
from ..pipeline import STATEMENT_DTYPES
from .dask import analyze_dask
from .load import Corpus, load_corpus
from .result import ACTOR_DTYPES, CorpusResult
from .run import analyze_corpus, analyze_text
from .stream import StreamSummary, read_output, stream_corpus

__all__ = [
    "ACTOR_DTYPES",
    "STATEMENT_DTYPES",
    "Corpus",
    "CorpusResult",
    "StreamSummary",
    "analyze_corpus",
    "analyze_dask",
    "analyze_text",
    "load_corpus",
    "quote_network",
    "read_output",
    "stream_corpus",
    "tone_by",
    "tone_by_actor",
    "tone_by_time",
]
