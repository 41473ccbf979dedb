"""The per-article analysis on a Dask DataFrame, for corpora beyond one machine."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..frames import STR
from ..gc_pause import collector_paused
from ..pipeline import STATEMENT_DTYPES
from .load import _Doc, _frame_docs, _meta_name, _pick_columns
from .result import _ID_COLUMN, _batch, _norm_dtype
from .run import Options, _analyze, _analyze_chunk

__all__ = ["analyze_dask"]


def _import_dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:
        raise ImportError(
            "analyze_dask needs Dask: `pip install 'kosovo_kit[scale]'` "
            "(or `pip install 'dask[dataframe]' distributed`)"
        ) from None
    return dd


def _analyze_partition(
    part: pd.DataFrame,
    text_col: str,
    id_col: str | None,
    meta_cols: list[str],
    meta: dict[str, Any],
    on_error: str,
    options: Options,
) -> pd.DataFrame:
    docs = [d for d in _frame_docs(part, text_col, id_col, meta_cols, None) if isinstance(d, _Doc)]
    if on_error == "raise":
        with collector_paused():
            runs = [_analyze(d.article_id, d.text, d.metadata, options) for d in docs]
        return _batch(runs, meta).statements
    return _analyze_chunk(docs, meta, options).batch.statements


def analyze_dask(
    ddf: Any,
    text_col: str = "text",
    id_col: str | None = None,
    meta_cols: Iterable[str] | None = None,
    on_error: str = "skip",
    gazetteer: Any = None,
    lexicon: Any = "news",
) -> Any:
    """Statements of every row of a Dask DataFrame: the analysis of :func:`analyze_text` per row.

    Needs the optional extra: ``pip install 'kosovo_kit[scale]'``. Ids are not checked for
    duplicates (:func:`load_corpus` skips repeated ones).

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        One article per row.
    text_col, id_col, meta_cols
        As for :func:`load_corpus` (without ``id_col``: an ``article_id`` column, else the
        index).
    on_error : {"skip", "raise"}
        Rows that are not a text, or whose analysis fails, are skipped (run
        :func:`analyze_corpus` on them to see why) or stop the computation.
    gazetteer, lexicon : optional
        As for :func:`analyze_corpus`.

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy statements with exactly the columns and dtypes of
        :attr:`CorpusResult.statements`; ``.compute()`` equals ``analyze_corpus(df)
        .statements`` on the same rows, row for row.
    """
    dd = _import_dask()
    if on_error not in ("skip", "raise"):
        raise ValueError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"ddf must be a dask DataFrame, not {type(ddf).__name__}")
    id_col, meta = _pick_columns(
        ddf.columns, text_col, id_col, list(meta_cols) if meta_cols is not None else None, "ddf"
    )
    meta_dtypes = {_meta_name(c): _norm_dtype(ddf.dtypes[c]) for c in meta}
    dtypes = {_ID_COLUMN: STR, **meta_dtypes, **STATEMENT_DTYPES}
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})
    return ddf.map_partitions(
        _analyze_partition,
        text_col,
        id_col,
        meta,
        meta_dtypes,
        on_error,
        Options.of(gazetteer, lexicon),
        meta=empty,
        align_dataframes=False,
    )
