"""Streaming a corpus larger than memory to a folder of part files, and reading it back."""

from __future__ import annotations

import ast
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..export import atomic_write
from ..frames import STR
from ..pipeline import COUNT_COLUMNS, STATEMENT_DTYPES
from .load import Corpus, _dedupe, _iter_source, _meta_name
from .result import (
    _ID_COLUMN,
    ACTOR_DTYPES,
    Batch,
    CorpusResult,
    _articles_frame,
    _Err,
    _errors_frame,
    _merge,
    _meta_dtypes,
    _meta_of,
)
from .run import Options, _batches, _default_chunksize, _n_workers, _progress, _run

__all__ = ["StreamSummary", "read_output", "stream_corpus"]


@dataclass
class StreamSummary:
    """What :func:`stream_corpus` wrote, and the per-article summary.

    Attributes
    ----------
    output : pathlib.Path
        The folder: ``statements/part-*.{fmt}``, ``actors/part-*.{fmt}``,
        ``articles.{fmt}`` and ``errors.csv``.
    articles, errors : pandas.DataFrame
        As in :class:`CorpusResult`.
    fmt : str
        ``parquet`` or ``csv``.
    """

    output: Path
    articles: pd.DataFrame
    errors: pd.DataFrame
    fmt: str = "parquet"

    def load(self) -> CorpusResult:
        """Read everything back as a :class:`CorpusResult` (when it fits in memory)."""
        return read_output(self.output)


_OUTPUTS = ("statements", "actors")


def _to_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object and col != "pieces":
            # Metadata of mixed types is written as text, so every part has one schema.
            frame[col] = (
                frame[col]
                .map(lambda v: v if v is None or isinstance(v, str) or pd.isna(v) else str(v))
                .astype(STR)
            )
    if "pieces" in frame.columns:
        frame["pieces"] = [[list(p) for p in v] for v in frame["pieces"]]
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buffer)
    return buffer.getvalue()


def _prepare_output(output: Path, fmt: str, overwrite: bool) -> None:
    if output.exists() and not output.is_dir():
        raise FileExistsError(f"{output}: exists and is not a folder; pick a folder to write to")
    if not output.parent.is_dir():
        raise FileNotFoundError(f"{output}: the folder {output.parent} does not exist")
    ours = [p for sub in _OUTPUTS for p in (output / sub).glob("part-*")]
    ours += [output / f"articles.{fmt}", output / "errors.csv"]
    ours = [p for p in ours if p.exists()]
    if ours and not overwrite:
        raise FileExistsError(
            f"{output}: already holds results ({ours[0].name} …); pass overwrite=True to "
            "replace them, or choose another folder"
        )
    for path in ours:
        path.unlink()
    for sub in _OUTPUTS:
        (output / sub).mkdir(parents=True, exist_ok=True)


def stream_corpus(
    source: Corpus | Any,
    output: str | os.PathLike[str],
    fmt: str = "parquet",
    n_jobs: int | None = None,
    progress: bool = True,
    chunksize: int | None = None,
    *,
    part_size: int = 1000,
    overwrite: bool = False,
    gazetteer: Any = None,
    lexicon: Any = "news",
    **load_options: Any,
) -> StreamSummary:
    """Analyse a corpus too large for memory, writing results to a folder part by part.

    Articles are read lazily (folders, CSV, JSONL, Parquet) and analysed in chunks; every
    ``part_size`` articles, their statements and actor mentions are written as one part file,
    atomically, so a crash leaves only complete parts. Memory stays bounded by the parts in
    flight plus the per-article summary.

    Parameters
    ----------
    source : Corpus or anything :func:`load_corpus` takes
        The articles.
    output : path
        Folder to write to (created if needed; its parent must exist).
    fmt : {"parquet", "csv"}
        Part format; Parquet needs pyarrow.
    n_jobs, progress, chunksize
        As for :func:`analyze_corpus`.
    part_size : int
        Articles per part file.
    overwrite : bool
        Replace results already in ``output`` (otherwise that raises FileExistsError).
    gazetteer, lexicon : optional
        As for :func:`analyze_corpus`.
    **load_options
        Passed to :func:`load_corpus`.

    Returns
    -------
    StreamSummary
        The folder, the per-article summary and the errors (also written as
        ``articles.{fmt}`` and ``errors.csv``). Metadata of mixed types is written as text.
    """
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}: choose parquet or csv")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ImportError(
                "writing Parquet needs pyarrow: `pip install pyarrow` (or pass fmt='csv')"
            ) from None
    output = Path(output)
    options = Options.of(gazetteer, lexicon)
    items, total, _ = _iter_source(source, **load_options)
    # A DataFrame's own dtypes hold for its metadata; other sources are typed part by part.
    known = (
        source.documents
        if isinstance(source, Corpus)
        else source.rename(columns=_meta_name)
        if isinstance(source, pd.DataFrame)
        else None
    )
    _prepare_output(output, fmt, overwrite)
    workers = _n_workers(n_jobs)
    size = chunksize or _default_chunksize(total, workers)
    analysis_errors: list[_Err] = []
    load_errors: list[_Err] = []
    summaries: list[dict[str, Any]] = []
    buffered: list[Batch] = []
    n_buffered = 0
    part = 0
    meta_columns: dict[str, None] = {}

    def flush() -> None:
        nonlocal part, buffered, n_buffered
        merged = _merge(buffered, _meta_dtypes(meta_columns, known))
        atomic_write(
            output / "statements" / f"part-{part:05d}.{fmt}", _to_bytes(merged.statements, fmt)
        )
        atomic_write(output / "actors" / f"part-{part:05d}.{fmt}", _to_bytes(merged.actors, fmt))
        part += 1
        buffered, n_buffered = [], 0

    with _progress(progress, total) as bar:
        runs = _run(_dedupe(items), workers, size, bar, None, options, total)
        for outcome in _batches(runs, analysis_errors):
            batch = outcome.result.batch
            load_errors += outcome.errors
            meta_columns.update(_meta_of(batch.summaries))
            buffered.append(batch)
            summaries += batch.summaries
            n_buffered += len(batch.summaries)
            if n_buffered >= part_size:
                flush()
    if buffered or part == 0:
        flush()
    summary = _articles_frame(summaries, {_ID_COLUMN: STR, **_meta_dtypes(meta_columns, known)})
    errors = _errors_frame([*load_errors, *analysis_errors])
    atomic_write(output / f"articles.{fmt}", _to_bytes(summary, fmt))
    atomic_write(output / "errors.csv", errors.to_csv(index=False).encode("utf-8"))
    return StreamSummary(output, summary, errors, fmt)


def read_output(output: str | os.PathLike[str]) -> CorpusResult:
    """Read a :func:`stream_corpus` folder back into a :class:`CorpusResult`.

    Raises
    ------
    FileNotFoundError
        If the folder does not hold stream output.
    """
    output = Path(output)
    fmt = "parquet" if (output / "articles.parquet").exists() else "csv"
    if not (output / f"articles.{fmt}").exists():
        raise FileNotFoundError(
            f"{output}: no articles.parquet or articles.csv here; "
            "is it a stream_corpus output folder?"
        )

    known: dict[str, Any] = {
        **STATEMENT_DTYPES,
        **dict.fromkeys(COUNT_COLUMNS, "int64"),
        "mean_compound": "float64",
        "seconds": "float64",
    }

    def read(path: Path, sub: str = "") -> pd.DataFrame:
        if fmt == "parquet":
            return pd.read_parquet(path)
        # CSV keeps no types: give the kit's columns theirs back, the rest stay text.
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        dtypes = ACTOR_DTYPES if sub == "actors" else known
        for col in frame.columns:
            dtype = dtypes.get(col)
            if dtype is None or col == "pieces" or dtype is STR:
                continue
            frame[col] = (
                frame[col].astype("float64") if dtype != "Int64" else pd.to_numeric(frame[col])
            ).astype(dtype)
        return frame

    tables = {}
    for sub in _OUTPUTS:
        parts = [read(p, sub) for p in sorted((output / sub).glob(f"part-*.{fmt}"))]
        tables[sub] = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    statements = tables["statements"]
    if "pieces" in statements.columns:
        statements["pieces"] = [
            [(int(s), int(e)) for s, e in (ast.literal_eval(v) if isinstance(v, str) else v)]
            for v in statements["pieces"]
        ]
    return CorpusResult(
        statements=statements,
        actors=tables["actors"],
        articles=read(output / f"articles.{fmt}"),
        errors=pd.read_csv(output / "errors.csv", dtype=object),
    )
