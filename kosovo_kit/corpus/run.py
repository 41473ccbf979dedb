"""Running a corpus: the per-article analysis in this process or in worker processes.

Articles travel to workers in chunks; each worker analyses its chunk with
:func:`kosovo_kit.pipeline.analyse_records` and sends back one :class:`Batch` of
tables, and the chunks are collected in input order, so the output is the same
whatever the number of processes. The cyclic garbage collector is paused around a
chunk (a batch of articles), not around each article.
"""

from __future__ import annotations

import math
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..frames import INFER, STR
from ..gazetteer import Gazetteer, load_gazetteer
from ..gc_pause import collector_paused
from ..pipeline import analyse_records
from ..sentiment import Lexicon, load_lexicon
from ..text import Article
from .load import Corpus, _corpus_docs, _Doc, _meta_name, load_corpus
from .result import (
    _ID_COLUMN,
    ArticleRun,
    Batch,
    CorpusResult,
    _articles_frame,
    _batch,
    _Err,
    _errors_frame,
    _merge,
    _meta_dtypes,
)

if TYPE_CHECKING:
    from .stream import StreamSummary

__all__ = ["analyze_corpus", "analyze_text"]


@dataclass(frozen=True)
class Options:
    """What every article of a run is analysed with (the options of :func:`analyze_corpus`).

    ``gazetteer`` is loaded in the calling process (so a bad file fails before any article
    runs) and sent once to each worker; None is the shipped one. A named ``lexicon``
    (``"news"``, ``"vader"``) travels as its name, any other as the loaded
    :class:`~kosovo_kit.sentiment.Lexicon`.
    """

    gazetteer: Gazetteer | None = None
    lexicon: Lexicon | str = "news"

    @classmethod
    def of(cls, gazetteer: Any = None, lexicon: Any = "news") -> Options:
        """Load and check the caller's gazetteer and lexicon."""
        loaded = load_lexicon(lexicon)
        named = isinstance(lexicon, str) and lexicon in ("news", "vader")
        return cls(
            None if gazetteer is None else load_gazetteer(gazetteer), lexicon if named else loaded
        )


# What a worker process was started with (see _pool).
_worker_options = Options()


def _title(metadata: Mapping[str, Any]) -> str | None:
    title = metadata.get("title")
    return title if isinstance(title, str) and title.strip() else None


def _analyze(
    article_id: str, text: str, metadata: Mapping[str, Any], options: Options
) -> ArticleRun:
    began = time.perf_counter()
    article = Article.from_text(text, title=_title(metadata))
    records = analyse_records(article, options.gazetteer, options.lexicon)
    summary = {
        _ID_COLUMN: article_id,
        **metadata,
        **records.counts,
        "seconds": time.perf_counter() - began,
    }
    return ArticleRun(records, summary)


def analyze_text(
    article_id: str,
    text: str,
    metadata: Mapping[str, Any] | None = None,
    gazetteer: Any = None,
    lexicon: Any = "news",
) -> dict[str, pd.DataFrame]:
    """Analyse one article: statements with tone, actor mentions and a summary row.

    The analysis of :func:`kosovo_kit.pipeline.analyse_records`, with the corpus
    tables' columns; :func:`analyze_corpus` stacks these tables for every article.

    Parameters
    ----------
    article_id : str
        Put in the ``article_id`` column of every table.
    text : str
        The article text.
    metadata : mapping, optional
        Added as columns to the statements and summary tables; a ``title`` entry is used
        as the article's title (as :func:`kosovo_kit.load_article` does).
    gazetteer : Gazetteer, path or DataFrame, optional
        As for :func:`kosovo_kit.attribute_quotes`: yours extends the shipped one.
    lexicon : str, Path, Mapping or Lexicon
        The tone lexicon, as for :func:`kosovo_kit.score_sentiment`.

    Returns
    -------
    dict of pandas.DataFrame
        ``statements`` (``add_sentiment(attribute_quotes(article))`` with ``article_id``
        and metadata in front), ``actors`` (mentions with ``article_id``) and ``article``
        (one summary row).

    Raises
    ------
    TypeError, ValueError
        If ``text`` is not a non-blank str.
    """
    metadata = {_meta_name(k): v for k, v in (metadata or {}).items()}
    meta = dict.fromkeys(metadata, INFER)
    with collector_paused():
        run = _analyze(article_id, text, metadata, Options.of(gazetteer, lexicon))
    batch = _batch([run], meta)
    articles = _articles_frame(batch.summaries, {_ID_COLUMN: STR, **meta})
    return {"statements": batch.statements, "actors": batch.actors, "article": articles}


@dataclass(frozen=True)
class ChunkResult:
    """What a worker sends back: the chunk's tables and the articles that failed.

    ``failed`` holds (index in the chunk, reason).
    """

    batch: Batch
    failed: list[tuple[int, str]]


def _analyze_chunk(
    docs: list[_Doc], meta: Mapping[str, Any] | None, options: Options | None = None
) -> ChunkResult:
    """Analyse a chunk (in a worker: with its options); one table per chunk is much
    cheaper to send back than one per article."""
    options = options or _worker_options
    runs, failed = [], []
    # one pause for the whole chunk, in the thread that runs it
    with collector_paused():
        for i, doc in enumerate(docs):
            try:
                runs.append(_analyze(doc.article_id, doc.text, doc.metadata, options))
            except Exception as err:  # one bad article must not stop the corpus
                failed.append((i, f"{type(err).__name__}: {err}"))
        return ChunkResult(_batch(runs, meta), failed)


def _n_workers(n_jobs: int | None) -> int:
    if n_jobs is None:
        return 1
    if n_jobs == -1:
        return os.cpu_count() or 1
    if not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"n_jobs must be None, -1 or a positive int, not {n_jobs!r}")
    return n_jobs


def _chunk_sizes(size: int, total: int | None, workers: int) -> Iterator[int]:
    """Articles per chunk, chunk after chunk: ``size`` each, or a guided schedule.

    With several workers and a known total, each worker's first chunk is small, so all
    start at once, and chunks shrink as the articles run out, so no worker waits long on
    another's last chunk; in between they are ``size``, so few tables are built.
    """
    if total is None or workers == 1:
        while True:
            yield size
    small = min(size, _SMALLEST_CHUNK)
    for _ in range(workers):
        yield small
    left = total - workers * small
    while True:
        step = min(size, max(small, math.ceil(left / (2 * workers))))
        yield step
        left -= step


def _chunks(
    items: Iterable[_Doc | _Err], size: int, total: int | None = None, workers: int = 1
) -> Iterator[tuple[list[_Doc], list[_Err]]]:
    docs: list[_Doc] = []
    errs: list[_Err] = []
    sizes = _chunk_sizes(size, total, workers)
    target = next(sizes)
    for item in items:
        if isinstance(item, _Doc):
            docs.append(item)
        else:
            errs.append(item)
        if len(docs) >= target:
            yield docs, errs
            docs, errs = [], []
            target = next(sizes)
    if docs or errs:
        yield docs, errs


@dataclass(frozen=True)
class ChunkOutcome:
    """A chunk as collected: its documents, its load errors and what the analysis gave."""

    docs: list[_Doc]
    errors: list[_Err]
    result: ChunkResult


def _set_worker_options(options: Options) -> None:
    global _worker_options
    _worker_options = options


def _pool(workers: int, options: Options) -> ProcessPoolExecutor:
    # the gazetteer and lexicon travel once per worker, not with every chunk
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_set_worker_options, initargs=(options,)
    )


def _run(
    items: Iterable[_Doc | _Err],
    workers: int,
    chunksize: int,
    bar: Any,
    meta: Mapping[str, Any] | None,
    options: Options,
    total: int | None = None,
) -> Iterator[ChunkOutcome]:
    """Analyse chunks in input order; at most a few chunks per worker are in flight."""
    chunks = _chunks(items, chunksize, total, workers)
    if workers == 1:
        for docs, errs in chunks:
            result = _analyze_chunk(docs, meta, options)
            bar.update(len(docs))
            yield ChunkOutcome(docs, errs, result)
        return
    pool = _pool(workers, options)
    try:
        pending: deque[tuple[list[_Doc], list[_Err], Future]] = deque()
        window = 3 * workers
        for docs, errs in chunks:
            try:
                future = pool.submit(_analyze_chunk, docs, meta)
            except BrokenProcessPool:
                # A worker died (crash, out of memory): carry on with a fresh pool.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers, options)
                future = pool.submit(_analyze_chunk, docs, meta)
            pending.append((docs, errs, future))
            if len(pending) >= window:
                yield _collect(*pending.popleft(), bar, meta)
        while pending:
            yield _collect(*pending.popleft(), bar, meta)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    docs: list[_Doc], errs: list[_Err], future: Future, bar: Any, meta: Mapping[str, Any] | None
) -> ChunkOutcome:
    try:
        result = future.result()
    except BrokenProcessPool as err:
        reason = (
            f"the worker process analysing this chunk of {len(docs)} articles died "
            f"({err}); run them with n_jobs=None to find the one at fault"
        )
        result = ChunkResult(_batch([], meta), [(i, reason) for i in range(len(docs))])
    bar.update(len(docs))
    return ChunkOutcome(docs, errs, result)


def _progress(progress: bool, total: int | None) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, disable=not progress, unit="article", desc="analysing")


# a worker's first chunk and the last ones of a run with a known total (see _chunk_sizes)
_SMALLEST_CHUNK = 4


def _default_chunksize(total: int | None, workers: int) -> int:
    if total is None:
        return 16
    return max(1, min(64, math.ceil(total / (workers * 8))))


def _batches(
    outcomes: Iterable[ChunkOutcome], analysis_errors: list[_Err]
) -> Iterator[ChunkOutcome]:
    """The outcomes, after adding the articles whose analysis failed to ``analysis_errors``."""
    for outcome in outcomes:
        for i, reason in outcome.result.failed:
            doc = outcome.docs[i]
            analysis_errors.append(
                _Err(doc.article_id, doc.metadata.get("path"), reason, "analyse")
            )
        yield outcome


def analyze_corpus(
    corpus_or_source: Corpus | Any,
    n_jobs: int | None = None,
    progress: bool = True,
    chunksize: int | None = None,
    *,
    output: str | os.PathLike[str] | None = None,
    fmt: str = "parquet",
    overwrite: bool = False,
    gazetteer: Any = None,
    lexicon: Any = "news",
    **load_options: Any,
) -> CorpusResult | StreamSummary:
    """Analyse every article of a corpus: statements, tone, actors, per-article summary.

    Parameters
    ----------
    corpus_or_source : Corpus or anything :func:`load_corpus` takes
        The articles.
    n_jobs : int, optional
        Worker processes: ``None`` or 1 runs in this process, ``-1`` uses all cores.
        The output is the same, in the same order, whatever ``n_jobs``.
    progress : bool
        Show a progress bar (in JupyterLab and terminals).
    chunksize : int, optional
        Articles sent to a worker at a time (at most; with several workers the first
        and last chunks are smaller, so all workers start at once and finish together).
    output, fmt, overwrite
        With ``output``, stream to that folder instead (see :func:`stream_corpus`).
    gazetteer : Gazetteer, path or DataFrame, optional
        Names, titles and aliases of the corpus's actors, as for
        :func:`kosovo_kit.attribute_quotes`; yours extends the shipped one.
    lexicon : str, Path, Mapping or Lexicon
        The tone lexicon, as for :func:`kosovo_kit.score_sentiment` (default ``"news"``).
    **load_options
        Passed to :func:`load_corpus` (``text_col``, ``id_col``, ``pattern`` …).

    Returns
    -------
    CorpusResult
        ``.statements``, ``.actors``, ``.articles``, ``.errors`` (load errors and articles
        whose analysis failed: one failure never aborts the run); a
        :class:`StreamSummary` when ``output`` is given.
    """
    if output is not None:
        from .stream import stream_corpus

        return stream_corpus(
            corpus_or_source,
            output,
            fmt=fmt,
            n_jobs=n_jobs,
            progress=progress,
            chunksize=chunksize,
            overwrite=overwrite,
            gazetteer=gazetteer,
            lexicon=lexicon,
            **load_options,
        )
    options = Options.of(gazetteer, lexicon)
    corpus = (
        corpus_or_source
        if isinstance(corpus_or_source, Corpus)
        else load_corpus(corpus_or_source, **load_options)
    )
    workers = _n_workers(n_jobs)
    docs = _corpus_docs(corpus)
    workers = min(workers, max(1, len(docs)))
    size = chunksize or _default_chunksize(len(docs), workers)
    meta = _meta_dtypes(corpus.metadata_columns, corpus.documents)
    analysis_errors: list[_Err] = []
    with _progress(progress, len(docs)) as bar:
        runs = _run(docs, workers, size, bar, meta, options, len(docs))
        batches = [outcome.result.batch for outcome in _batches(runs, analysis_errors)]
    merged = _merge(batches, meta)
    return CorpusResult(
        statements=merged.statements,
        actors=merged.actors,
        articles=_articles_frame(merged.summaries, {_ID_COLUMN: STR, **meta}),
        errors=pd.concat([corpus.errors, _errors_frame(analysis_errors)], ignore_index=True),
    )
