"""Whole corpora: load many articles, analyse them in parallel, aggregate the results.

:func:`load_corpus` reads a folder of ``.txt`` files, a glob, a CSV / Parquet / JSONL
file or a DataFrame into a :class:`Corpus`; bad files and rows are reported in
``Corpus.errors`` and skipped, never aborting the run. :func:`analyze_corpus` runs
:func:`analyze_text` on every article (over several processes if asked) and returns a
:class:`CorpusResult` of tidy tables with aggregations (per actor, outlet, week, the
who-quotes-whom network). :func:`stream_corpus` does the same for corpora that do not
fit in memory, writing part files as it goes, and :func:`analyze_dask` runs the same
per-article analysis on a Dask DataFrame (optional extra ``kosovo_kit[scale]``).
"""

from __future__ import annotations

import ast
import contextlib
import errno
import glob as globlib
import io
import json
import math
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .export import atomic_write
from .frames import INFER, STR, record_columns, typed_frame
from .gazetteer import MENTION_DTYPES, Gazetteer, load_gazetteer, mention_records
from .gc_pause import gc_paused
from .quotes import KINDS, QUOTE_DTYPES, quote_records
from .sentiment import load_lexicon, score_sentiment
from .stance import SCORE_COLUMNS, content_text
from .text import DEFAULT_MAX_BYTES, Article, read_text_file

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
    "read_output",
    "stream_corpus",
]

#: Column -> dtype of the statement columns (after ``article_id`` and metadata).
STATEMENT_DTYPES: dict[str, Any] = {**QUOTE_DTYPES, **dict.fromkeys(SCORE_COLUMNS, "float64")}
#: Column -> dtype of the actor-mention columns (after ``article_id``).
ACTOR_DTYPES: dict[str, Any] = dict(MENTION_DTYPES)
_COUNT_COLUMNS = (
    "n_paragraphs", "n_sentences", "n_words", "n_statements",
    *(f"n_{k}" for k in KINDS),
)
ARTICLE_COLUMNS = (*_COUNT_COLUMNS, "mean_compound", "seconds")
ERROR_COLUMNS = ("article_id", "path", "stage", "reason")

# Metadata may not reuse a name the result tables already use: it is renamed ``meta_<name>``.
_RESERVED = frozenset(
    {"article_id", *STATEMENT_DTYPES, *ACTOR_DTYPES, *ARTICLE_COLUMNS, "stage", "reason"}
    - {"title", "path"}
)
_ID_COLUMN = "article_id"
_ID_KEYS = ("article_id", "id", "filename", "file", "name", "path")
_OUTLET_COLUMNS = ("outlet", "publisher", "source", "media", "newspaper")
_DATE_COLUMNS = ("date", "publication_date", "published", "pub_date", "datetime")
_METADATA_TABLES = ("metadata.csv", "metadata.tsv", "metadata.jsonl")
_FILE_BATCH = 10_000


# ---------------------------------------------------------------------------------------------
# Loading


@dataclass
class Corpus:
    """Articles ready for analysis, and what could not be loaded.

    Attributes
    ----------
    documents : pandas.DataFrame
        One row per article: ``article_id``, ``text`` and metadata columns.
    errors : pandas.DataFrame
        ``article_id, path, stage, reason`` for every file or row that was skipped.
    source : str
        What it was loaded from.
    """

    documents: pd.DataFrame
    errors: pd.DataFrame
    source: str = "<DataFrame>"

    def __len__(self) -> int:
        return len(self.documents)

    @property
    def metadata_columns(self) -> list[str]:
        """The metadata columns (everything but ``article_id`` and ``text``)."""
        return [c for c in self.documents.columns if c not in (_ID_COLUMN, "text")]

    def __repr__(self) -> str:
        return (f"Corpus({len(self.documents)} articles, {len(self.errors)} skipped, "
                f"source={self.source!r})")


@dataclass
class _Doc:
    article_id: str
    text: str
    metadata: dict[str, Any]


@dataclass
class _Err:
    article_id: str | None
    path: str | None
    reason: str
    stage: str = "load"

    def row(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "path": self.path, "stage": self.stage,
                "reason": self.reason}


def _errors_frame(errors: Iterable[_Err]) -> pd.DataFrame:
    frame = pd.DataFrame([e.row() for e in errors], columns=list(ERROR_COLUMNS))
    return frame.astype(dict.fromkeys(ERROR_COLUMNS, object))


def _norm_dtype(dtype: Any) -> Any:
    """Every string dtype becomes the default one, so all input kinds give the same tables."""
    return STR if isinstance(dtype, pd.StringDtype) else dtype


def _meta_name(name: Any) -> str:
    name = str(name)
    return f"meta_{name}" if name in _RESERVED or name == "text" else name


def _is_glob(source: str) -> bool:
    return any(ch in source for ch in "*?[")


def _strip_path(message: str, path: Path) -> str:
    prefix = f"{path}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _text_problem(value: Any) -> str | None:
    """Why ``value`` cannot be an article text, or None when it can."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "the text is missing"
    if not isinstance(value, str):
        return f"the text is a {type(value).__name__}, not a str"
    if not value.strip():
        return "the text is empty or holds only white space"
    return None


def _clean_id(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _check_path(path: Path) -> str | None:
    """Why ``path`` cannot be read as an article, or None."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except FileNotFoundError:
            return f"broken symlink: its target {os.readlink(path)} does not exist"
        except RuntimeError:
            return "symlink loop: the link points back to itself"
        except OSError as err:
            if err.errno == errno.ELOOP:
                return "symlink loop: the link points back to itself"
            return f"cannot follow the symlink: {err.strerror or err}"
    if path.is_dir():
        return "is a folder, not a text file"
    return None


def _read_metadata_table(root: Path) -> dict[str, dict[str, Any]]:
    """Metadata rows of ``root/metadata.{csv,tsv,jsonl}``, keyed by every name they match."""
    found = [root / name for name in _METADATA_TABLES if (root / name).is_file()]
    if not found:
        return {}
    if len(found) > 1:
        raise ValueError(
            f"{root}: holds several metadata tables ({', '.join(p.name for p in found)}); "
            "keep one"
        )
    path = found[0]
    if path.suffix == ".jsonl":
        rows = []
        for line_no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as err:
                raise ValueError(f"{path}: line {line_no} is not valid JSON: {err}") from None
            if not isinstance(row, dict):
                raise ValueError(f"{path}: line {line_no} is not a JSON object")
            rows.append(row)
        table = pd.DataFrame(rows)
    else:
        try:
            table = pd.read_csv(path, sep="\t" if path.suffix == ".tsv" else ",", dtype=str,
                                keep_default_na=False, na_values=[""], encoding="utf-8-sig")
        except (ValueError, UnicodeDecodeError) as err:
            raise ValueError(f"{path}: cannot read the metadata table: {err}") from None
    key = next((k for k in _ID_KEYS if k in table.columns), None)
    if key is None:
        raise ValueError(
            f"{path}: needs a column naming the file, one of {', '.join(_ID_KEYS)}; "
            f"found {', '.join(map(str, table.columns))}"
        )
    out: dict[str, dict[str, Any]] = {}
    for row in table.to_dict(orient="records"):
        name = _clean_id(row.pop(key))
        if name is None:
            continue
        meta = {k: v for k, v in row.items() if not (isinstance(v, float) and math.isnan(v))}
        out[name] = meta
    return out


def _iter_folder(
    files: list[Path], root: Path, max_bytes: int
) -> Iterator[_Doc | _Err]:
    table = _read_metadata_table(root)
    for path in files:
        rel = path.relative_to(root) if path.is_relative_to(root) else path
        article_id = rel.with_suffix("").as_posix()
        problem = _check_path(path)
        if problem is None:
            try:
                text = read_text_file(path, max_bytes=max_bytes)
            except (ValueError, OSError) as err:
                problem = _strip_path(str(err), path)
                if isinstance(err, OSError) and err.strerror:
                    problem = f"cannot read the file: {err.strerror}"
        if problem is not None:
            yield _Err(article_id, str(path), problem)
            continue
        meta: dict[str, Any] = {}
        for key in (rel.as_posix(), path.name, article_id, path.stem):
            if key in table:
                meta.update(table[key])
                break
        sidecar = path.with_suffix(".json")
        if sidecar != path and sidecar.is_file():
            try:
                loaded = json.loads(sidecar.read_text(encoding="utf-8-sig"))
            except (ValueError, UnicodeDecodeError) as err:
                yield _Err(article_id, str(path), f"metadata {sidecar} is not valid JSON: {err}")
                continue
            if not isinstance(loaded, Mapping):
                yield _Err(article_id, str(path), f"metadata {sidecar} is not a JSON object")
                continue
            meta.update(loaded)
        meta = {_meta_name(k): v for k, v in meta.items()}
        meta["path"] = str(path)
        yield _Doc(article_id, text, meta)


def _frame_docs(
    frame: pd.DataFrame,
    text_col: str,
    id_col: str | None,
    meta_cols: list[str],
    where: str | None,
    row_offset: int = 0,
    row_word: str = "row",
) -> Iterator[_Doc | _Err]:
    texts = frame[text_col].tolist()
    ids = frame[id_col].tolist() if id_col is not None else list(frame.index)
    metas = {c: frame[c].tolist() for c in meta_cols}
    names = {c: _meta_name(c) for c in meta_cols}
    for i, (raw_id, text) in enumerate(zip(ids, texts)):
        where_row = f"{row_word} {row_offset + i + 1}"
        article_id = _clean_id(raw_id)
        if article_id is None:
            yield _Err(None, where, f"{where_row}: the {id_col} is missing")
            continue
        problem = _text_problem(text)
        if problem is not None:
            yield _Err(article_id, where, f"{where_row}: {problem}")
            continue
        yield _Doc(article_id, text, {names[c]: metas[c][i] for c in meta_cols})


def _pick_columns(
    columns: Iterable[Any], text_col: str, id_col: str | None, meta_cols: Iterable[str] | None,
    where: str,
) -> tuple[str | None, list[str]]:
    columns = list(columns)
    if text_col not in columns:
        raise ValueError(
            f"{where}: no text column {text_col!r}; columns are {', '.join(map(str, columns))} "
            "(pass text_col=)"
        )
    if id_col is None and _ID_COLUMN in columns:
        id_col = _ID_COLUMN
    if id_col is not None and id_col not in columns:
        raise ValueError(f"{where}: no id column {id_col!r}; columns are "
                         f"{', '.join(map(str, columns))}")
    if meta_cols is None:
        meta = [c for c in columns if c not in (text_col, id_col)]
    else:
        meta = list(meta_cols)
        missing = [c for c in meta if c not in columns]
        if missing:
            raise ValueError(f"{where}: no metadata column(s) {', '.join(map(repr, missing))}")
    return id_col, meta


def _iter_jsonl(path: Path, text_col: str, id_col: str | None,
                meta_cols: list[str] | None) -> Iterator[_Doc | _Err]:
    seen_columns = False
    with path.open("r", encoding="utf-8-sig") as handle:
        try:
            lines = enumerate(handle, 1)
            for line_no, line in lines:
                if not line.strip():
                    continue
                where = f"line {line_no}"
                try:
                    row = json.loads(line)
                except ValueError as err:
                    yield _Err(None, str(path), f"{where}: not valid JSON: {err}")
                    continue
                if not isinstance(row, dict):
                    yield _Err(None, str(path), f"{where}: not a JSON object")
                    continue
                if id_col is not None and not seen_columns and id_col not in row:
                    raise ValueError(f"{path}: {where} has no id field {id_col!r}")
                seen_columns = True
                raw_id = row.get(id_col if id_col is not None else _ID_COLUMN, line_no - 1)
                article_id = _clean_id(raw_id)
                if article_id is None:
                    yield _Err(None, str(path), f"{where}: the article id is missing")
                    continue
                if text_col not in row:
                    yield _Err(article_id, str(path), f"{where}: no {text_col!r} field")
                    continue
                problem = _text_problem(row[text_col])
                if problem is not None:
                    yield _Err(article_id, str(path), f"{where}: {problem}")
                    continue
                skip = {text_col, id_col or _ID_COLUMN}
                keys = meta_cols if meta_cols is not None else [k for k in row if k not in skip]
                meta = {_meta_name(k): row.get(k) for k in keys}
                yield _Doc(article_id, row[text_col], meta)
        except UnicodeDecodeError as err:
            raise ValueError(f"{path}: not valid UTF-8 ({err.reason}); convert it to UTF-8") \
                from None


def _iter_csv(path: Path, text_col: str, id_col: str | None, meta_cols: list[str] | None,
              sep: str) -> Iterator[_Doc | _Err]:
    try:
        reader = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, na_values=[""],
                             encoding="utf-8-sig", chunksize=_FILE_BATCH)
        offset = 0
        picked: tuple[str | None, list[str]] | None = None
        for chunk in reader:
            if picked is None:
                picked = _pick_columns(chunk.columns, text_col, id_col, meta_cols, str(path))
            if picked[0] is None:
                chunk.index = pd.RangeIndex(offset, offset + len(chunk))
            yield from _frame_docs(chunk, text_col, picked[0], picked[1], str(path), offset)
            offset += len(chunk)
        if picked is None:
            raise ValueError(f"{path}: the file is empty (no header row)")
    except pd.errors.EmptyDataError:
        raise ValueError(f"{path}: the file is empty (no header row)") from None
    except pd.errors.ParserError as err:
        raise ValueError(f"{path}: malformed CSV: {err}") from None
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not valid UTF-8 ({err.reason}); convert it to UTF-8") \
            from None


def _iter_parquet(path: Path, text_col: str, id_col: str | None,
                  meta_cols: list[str] | None) -> Iterator[_Doc | _Err]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError(
            f"{path}: reading Parquet needs pyarrow: `pip install pyarrow` "
            "(or save the table as CSV or JSONL)"
        ) from None
    try:
        handle = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises its own error types
        raise ValueError(f"{path}: not a readable Parquet file: {err}") from None
    id_col, meta = _pick_columns(handle.schema_arrow.names, text_col, id_col, meta_cols,
                                 str(path))
    offset = 0
    for batch in handle.iter_batches(batch_size=_FILE_BATCH):
        chunk = batch.to_pandas()
        if id_col is None:
            chunk.index = pd.RangeIndex(offset, offset + len(chunk))
        yield from _frame_docs(chunk, text_col, id_col, meta, str(path), offset)
        offset += len(chunk)


def _iter_source(
    source: Any,
    text_col: str = "text",
    id_col: str | None = None,
    meta_cols: Iterable[str] | None = None,
    *,
    pattern: str = "*.txt",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Iterator[_Doc | _Err], int | None, str]:
    """Open ``source`` lazily: (documents and errors, how many if known, description)."""
    meta_list = list(meta_cols) if meta_cols is not None else None
    if isinstance(source, Corpus):
        docs = _corpus_docs(source)
        return iter([*docs, *_errs_of(source.errors)]), len(source.documents), source.source
    if isinstance(source, pd.DataFrame):
        picked = _pick_columns(source.columns, text_col, id_col, meta_list, "DataFrame")
        return (_frame_docs(source, text_col, picked[0], picked[1], None), len(source),
                "<DataFrame>")
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            "source must be a folder, a glob, a CSV/Parquet/JSONL path or a DataFrame, "
            f"not {type(source).__name__}"
        )
    text = os.fspath(source)
    path = Path(text)
    if isinstance(source, str) and not path.exists() and _is_glob(text):
        files = sorted(Path(p) for p in globlib.glob(text, recursive=True))
        if not files:
            raise FileNotFoundError(f"{text}: no file matches this pattern")
        magic = min(text.find(ch) for ch in "*?[" if ch in text)
        root = Path(text[:magic]).parent if text[:magic] else Path(".")
        return _iter_folder(files, root, max_bytes), len(files), text
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(path.glob(pattern))
        return _iter_folder(files, path, max_bytes), len(files), text
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return (_iter_csv(path, text_col, id_col, meta_list, "\t" if suffix == ".tsv" else ","),
                None, text)
    if suffix in (".jsonl", ".ndjson"):
        return _iter_jsonl(path, text_col, id_col, meta_list), None, text
    if suffix in (".parquet", ".pq"):
        return _iter_parquet(path, text_col, id_col, meta_list), None, text
    if suffix == ".txt":
        return _iter_folder([path], path.parent, max_bytes), 1, text
    raise ValueError(
        f"{path}: unknown file type {suffix or '(no suffix)'!r}; give a folder of .txt files, "
        "a glob, or a .csv, .tsv, .jsonl or .parquet file"
    )


def _dedupe(items: Iterable[_Doc | _Err]) -> Iterator[_Doc | _Err]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, _Doc):
            if item.article_id in seen:
                yield _Err(item.article_id, item.metadata.get("path"),
                           "duplicate article_id: an earlier article has the same id")
                continue
            seen.add(item.article_id)
        yield item


def _corpus_docs(corpus: Corpus) -> list[_Doc]:
    docs = corpus.documents
    meta_cols = corpus.metadata_columns
    metas = {c: docs[c].tolist() for c in meta_cols}
    return [
        _Doc(str(aid), text, {c: metas[c][i] for c in meta_cols})
        for i, (aid, text) in enumerate(zip(docs[_ID_COLUMN].tolist(), docs["text"].tolist()))
    ]


def _errs_of(errors: pd.DataFrame) -> list[_Err]:
    return [_Err(r["article_id"], r["path"], r["reason"], r.get("stage", "load"))
            for r in errors.to_dict(orient="records")]


def load_corpus(
    source: Any,
    text_col: str = "text",
    id_col: str | None = None,
    meta_cols: Iterable[str] | None = None,
    *,
    pattern: str = "*.txt",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Corpus:
    """Load many articles; bad files and rows are reported in ``.errors`` and skipped.

    Parameters
    ----------
    source : path, str or pandas.DataFrame
        A folder of UTF-8 ``.txt`` files (one article each; ``NAME.json`` beside a file,
        or one ``metadata.csv``/``.tsv``/``.jsonl`` in the folder keyed by file name or id,
        gives metadata), a glob such as ``"news/**/*.txt"``, a ``.csv``/``.tsv``/
        ``.jsonl``/``.parquet`` file with a text column, or a DataFrame.
    text_col, id_col : str
        Columns holding the text and the article id (for tables). Without ``id_col`` an
        ``article_id`` column is used if present, else the row number / index.
    meta_cols : list of str, optional
        Metadata columns to keep (tables); default all others. Names clashing with result
        columns (``start``, ``speaker`` …) are renamed ``meta_<name>``.
    pattern : str
        Which files of a folder to read.
    max_bytes : int
        Files larger than this are skipped (reported in ``.errors``).

    Returns
    -------
    Corpus
        ``.documents`` (``article_id``, ``text``, metadata; files in sorted path order)
        and ``.errors`` (``article_id, path, stage, reason``).

    Raises
    ------
    FileNotFoundError
        If the folder or file does not exist, or a glob matches nothing.
    ValueError
        For an unknown file type, a missing text/id column or an unreadable table.
    ImportError
        For Parquet without pyarrow.
    """
    items, _, where = _iter_source(source, text_col, id_col, meta_cols, pattern=pattern,
                                   max_bytes=max_bytes)
    docs: list[_Doc] = []
    errors: list[_Err] = []
    for item in _dedupe(items):
        (docs if isinstance(item, _Doc) else errors).append(item)
    return Corpus(_documents_frame(docs, source), _errors_frame(errors), where)


def _documents_frame(docs: list[_Doc], source: Any) -> pd.DataFrame:
    meta_names: dict[str, None] = {}
    for d in docs:
        meta_names.update(dict.fromkeys(d.metadata))
    columns: dict[str, Any] = {
        _ID_COLUMN: pd.Series([d.article_id for d in docs], dtype=STR),
        "text": pd.Series([d.text for d in docs], dtype=STR),
    }
    for name in meta_names:
        columns[name] = [d.metadata.get(name) for d in docs]
    frame = pd.DataFrame(columns)
    if isinstance(source, pd.DataFrame):
        # Keep the caller's dtypes for metadata columns that map one to one.
        for col in source.columns:
            name = _meta_name(col)
            if name in frame.columns and name not in (_ID_COLUMN, "text"):
                with contextlib.suppress(TypeError, ValueError):
                    frame[name] = frame[name].astype(_norm_dtype(source[col].dtype))
    return frame


# ---------------------------------------------------------------------------------------------
# Per-article analysis


# The gazetteer a worker process was started with (see _pool); None: the shipped one.
_worker_gazetteer: Gazetteer | None = None


def _user_gazetteer(gazetteer: Any) -> Gazetteer | None:
    """Load the caller's gazetteer once, in the calling process; None stays None."""
    return None if gazetteer is None else load_gazetteer(gazetteer)


def _conform(frame: pd.DataFrame, dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """Give ``frame`` exactly ``dtypes``' columns in that order and with those dtypes."""
    out = {}
    for col, dtype in dtypes.items():
        values = frame[col] if col in frame.columns else pd.Series(None, index=frame.index)
        if dtype is INFER:
            # As a DataFrame built from the values would type them (all text -> str).
            out[col] = pd.Series(values.tolist(), index=frame.index)
        elif dtype is object or values.dtype == dtype:
            out[col] = values if dtype is not object else values.astype(object)
        else:
            out[col] = values.astype(dtype)
    return pd.DataFrame(out, index=frame.index)


def _title(metadata: Mapping[str, Any]) -> str | None:
    title = metadata.get("title")
    return title if isinstance(title, str) and title.strip() else None


# What one article gives: its statement records (dicts with the score columns), its mention
# records (tuples) and its summary row (which holds the article_id and metadata). Workers
# turn a chunk's parts into one Batch (_batch): the statements and actors tables of those
# articles and their summary rows. No table is built per article: pandas' fixed cost per
# table exceeds the analysis of a short article.
Parts = tuple[list[dict[str, Any]], list[tuple], dict[str, Any]]
Batch = tuple[pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]


@gc_paused
def _analyze(article_id: str, text: str, metadata: Mapping[str, Any],
             gazetteer: Gazetteer | None = None) -> Parts:
    began = time.perf_counter()
    if gazetteer is None:
        gazetteer = _worker_gazetteer
    article = Article.from_text(text, title=_title(metadata))
    # the attribution tokenises the paragraphs it reads; the others' words are only counted
    statements = quote_records(article, gazetteer)
    lexicon = load_lexicon("news")
    kinds: Counter[str] = Counter()
    compound = []
    for row in statements:
        row.update(score_sentiment(content_text(row["text"], row["start"], row["pieces"]),
                                   lexicon))
        kinds[row["kind"]] += 1
        compound.append(row["compound"])
    summary: dict[str, Any] = {_ID_COLUMN: article_id, **metadata}
    summary.update({
        "n_paragraphs": len(article.paragraph_spans),
        "n_sentences": len(article.sentence_spans),
        "n_words": article.word_count,
        "n_statements": len(statements),
        **{f"n_{k}": kinds.get(k, 0) for k in KINDS},
        "mean_compound": sum(compound) / len(compound) if compound else math.nan,
        "seconds": time.perf_counter() - began,
    })
    return statements, mention_records(article, gazetteer), summary


def analyze_text(article_id: str, text: str, metadata: Mapping[str, Any] | None = None,
                 gazetteer: Any = None) -> dict[str, pd.DataFrame]:
    """Analyse one article: statements with tone, actor mentions and a summary row.

    A module-level function, so it can be shipped to worker processes and to Dask;
    :func:`analyze_corpus` stacks its tables for every article.

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
    parts = _analyze(article_id, text, metadata, load_gazetteer(gazetteer))
    statements, mentions, rows = _batch([parts], meta)
    articles = _articles_frame(rows, {_ID_COLUMN: STR, **meta})
    return {"statements": statements, "actors": mentions, "article": articles}


def _analyze_one(doc: _Doc, gazetteer: Gazetteer | None = None
                 ) -> tuple[Parts | None, str | None]:
    try:
        return _analyze(doc.article_id, doc.text, doc.metadata, gazetteer), None
    except Exception as err:  # one bad article must not stop the corpus
        return None, f"{type(err).__name__}: {err}"


def _analyze_chunk(docs: list[_Doc], meta: Mapping[str, Any] | None,
                   gazetteer: Gazetteer | None = None) -> tuple[Batch, list[tuple[int, str]]]:
    """Analyse a chunk in a worker; one table per chunk is much cheaper to send back."""
    parts, failed = [], []
    for i, doc in enumerate(docs):
        result, reason = _analyze_one(doc, gazetteer)
        if result is None:
            failed.append((i, reason or "unknown error"))
        else:
            parts.append(result)
    return _batch(parts, meta), failed


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


def _chunks(items: Iterable[_Doc | _Err], size: int, total: int | None = None,
            workers: int = 1) -> Iterator[tuple[list[_Doc], list[_Err]]]:
    docs: list[_Doc] = []
    errs: list[_Err] = []
    sizes = _chunk_sizes(size, total, workers)
    target = next(sizes)
    for item in items:
        (docs if isinstance(item, _Doc) else errs).append(item)
        if len(docs) >= target:
            yield docs, errs
            docs, errs = [], []
            target = next(sizes)
    if docs or errs:
        yield docs, errs


Outcome = tuple[list[_Doc], list[_Err], Batch, list[tuple[int, str]]]


def _set_worker_gazetteer(gazetteer: Gazetteer | None) -> None:
    global _worker_gazetteer
    _worker_gazetteer = gazetteer


def _pool(workers: int, gazetteer: Gazetteer | None) -> ProcessPoolExecutor:
    # the gazetteer travels once per worker, not with every chunk
    return ProcessPoolExecutor(max_workers=workers, initializer=_set_worker_gazetteer,
                               initargs=(gazetteer,))


def _run(items: Iterable[_Doc | _Err], workers: int, chunksize: int, bar: Any,
         meta: Mapping[str, Any] | None, gazetteer: Gazetteer | None = None,
         total: int | None = None) -> Iterator[Outcome]:
    """Analyse chunks in input order; at most a few chunks per worker are in flight."""
    chunks = _chunks(items, chunksize, total, workers)
    if workers == 1:
        for docs, errs in chunks:
            batch, failed = _analyze_chunk(docs, meta, gazetteer)
            bar.update(len(docs))
            yield docs, errs, batch, failed
        return
    pool = _pool(workers, gazetteer)
    try:
        pending: deque[tuple[list[_Doc], list[_Err], Future]] = deque()
        window = 3 * workers
        for docs, errs in chunks:
            try:
                future = pool.submit(_analyze_chunk, docs, meta)
            except BrokenProcessPool:
                # A worker died (crash, out of memory): carry on with a fresh pool.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers, gazetteer)
                future = pool.submit(_analyze_chunk, docs, meta)
            pending.append((docs, errs, future))
            if len(pending) >= window:
                yield _collect(*pending.popleft(), bar, meta)
        while pending:
            yield _collect(*pending.popleft(), bar, meta)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(docs: list[_Doc], errs: list[_Err], future: Future, bar: Any,
             meta: Mapping[str, Any] | None) -> Outcome:
    try:
        batch, failed = future.result()
    except BrokenProcessPool as err:
        reason = (f"the worker process analysing this chunk of {len(docs)} articles died "
                  f"({err}); run them with n_jobs=None to find the one at fault")
        batch, failed = _batch([], meta), [(i, reason) for i in range(len(docs))]
    bar.update(len(docs))
    return docs, errs, batch, failed


def _progress(progress: bool, total: int | None) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, disable=not progress, unit="article", desc="analysing")


# a worker's first chunk and the last ones of a run with a known total (see _chunk_sizes)
_SMALLEST_CHUNK = 4


def _default_chunksize(total: int | None, workers: int) -> int:
    if total is None:
        return 16
    return max(1, min(64, math.ceil(total / (workers * 8))))


# ---------------------------------------------------------------------------------------------
# Results


def _stack(records: list[list[Any]], summaries: list[dict[str, Any]],
           head: Mapping[str, Any], body: Mapping[str, Any]) -> pd.DataFrame:
    """One table of several articles' records, each article's id and metadata in front.

    ``records`` holds each article's rows: dicts keyed by ``body``'s columns, or tuples in
    their order.
    """
    rows = [r for article in records for r in article]
    columns: dict[str, list[Any]] = {}
    for name in head:
        columns[name] = [s.get(name) for s, article in zip(summaries, records)
                         for _ in range(len(article))]
    columns.update(record_columns(rows, list(body)))
    return typed_frame(columns, {**head, **body})


def _articles_frame(summaries: list[dict[str, Any]], head: Mapping[str, Any]) -> pd.DataFrame:
    dtypes = {**head, **dict.fromkeys(_COUNT_COLUMNS, "int64"),
              "mean_compound": "float64", "seconds": "float64"}
    return typed_frame({c: [s.get(c) for s in summaries] for c in dtypes}, dtypes)


def _meta_of(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    names: dict[str, Any] = {}
    for row in summaries:
        names.update((c, INFER) for c in row if c not in (_ID_COLUMN, *ARTICLE_COLUMNS))
    return names


def _batch(parts: list[Parts], meta: Mapping[str, Any] | None) -> Batch:
    """Statements and actors tables of some articles, with their summary rows.

    ``meta`` gives the metadata columns and dtypes; None takes them from the rows.
    """
    summaries = [p[2] for p in parts]
    head = {_ID_COLUMN: STR, **(meta if meta is not None else _meta_of(summaries))}
    return (
        _stack([p[0] for p in parts], summaries, head, STATEMENT_DTYPES),
        _stack([p[1] for p in parts], summaries, {_ID_COLUMN: STR}, ACTOR_DTYPES),
        summaries,
    )


def _merge(batches: list[Batch], meta: Mapping[str, Any]) -> Batch:
    """One batch from several, every table with its final columns and dtypes."""
    head = {_ID_COLUMN: STR, **meta}
    tables = []
    for k, dtypes in ((0, {**head, **STATEMENT_DTYPES}), (1, {_ID_COLUMN: STR, **ACTOR_DTYPES})):
        frames = [b[k] for b in batches if len(b[k])]
        frame = (pd.concat(frames, ignore_index=True) if frames
                 else pd.DataFrame({c: pd.Series(dtype=object) for c in dtypes}))
        tables.append(_conform(frame, dtypes))
    return tables[0], tables[1], [row for b in batches for row in b[2]]


def _meta_dtypes(columns: Iterable[str], documents: pd.DataFrame | None) -> dict[str, Any]:
    out = {}
    for c in columns:
        if documents is not None and c in documents.columns:
            out[c] = _norm_dtype(documents[c].dtype)
        else:
            out[c] = INFER
    return out


@dataclass
class CorpusResult:
    """The tidy tables of a corpus analysis, with aggregations.

    Attributes
    ----------
    statements : pandas.DataFrame
        One row per attribution: ``article_id``, metadata, the
        :func:`~kosovo_kit.attribute_quotes` columns and ``compound, pos, neu, neg``.
    actors : pandas.DataFrame
        Actor mentions with ``article_id``.
    articles : pandas.DataFrame
        Per article: id, metadata, counts, ``mean_compound`` and ``seconds``.
    errors : pandas.DataFrame
        ``article_id, path, stage, reason`` for what was skipped (``stage`` is ``load``
        or ``analyse``).
    """

    statements: pd.DataFrame
    actors: pd.DataFrame
    articles: pd.DataFrame
    errors: pd.DataFrame = field(default_factory=lambda: _errors_frame([]))

    def __repr__(self) -> str:
        return (f"CorpusResult({len(self.articles)} articles, {len(self.statements)} "
                f"statements, {len(self.actors)} actor mentions, {len(self.errors)} errors)")

    def by_actor(self, column: str = "actor") -> pd.DataFrame:
        """Statements and tone per actor (the side a speaker speaks for)."""
        return tone_by(self.statements, column)

    def by_outlet(self, column: str | None = None) -> pd.DataFrame:
        """Statements and tone per outlet (``outlet``/``publisher``/``source`` column)."""
        return tone_by(self.statements, column or _find_column(self.statements, _OUTLET_COLUMNS,
                                                               "outlet"))

    def by_time(self, freq: str = "W", column: str | None = None) -> pd.DataFrame:
        """Statements and tone per period of the article date (``freq``: ``D``, ``W``, ``M``…).

        Rows whose date cannot be parsed are left out; ``attrs["undated"]`` counts them.
        """
        column = column or _find_column(self.statements, _DATE_COLUMNS, "date")
        return tone_by_time(self.statements, freq=freq, column=column)

    def top_speakers(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` speakers with most statements, with their actor and tone."""
        table = tone_by(self.statements, "speaker")
        sides = (self.statements.dropna(subset=["speaker", "actor"])
                 .groupby("speaker")["actor"].agg(lambda s: s.value_counts().index[0]))
        table.insert(1, "actor", table["speaker"].map(sides))
        return table.head(n).reset_index(drop=True)

    def network(self, outlet: str | None = None) -> pd.DataFrame:
        """The who-quotes-whom network as edges; see :func:`quote_network`."""
        if outlet is None:
            outlet = next((c for c in _OUTLET_COLUMNS if c in self.statements.columns), None)
        return quote_network(self.statements, self.actors, outlet=outlet)


def _find_column(frame: pd.DataFrame, names: tuple[str, ...], what: str) -> str:
    for name in names:
        if name in frame.columns:
            return name
    raise ValueError(
        f"no {what} column: looked for {', '.join(names)}; pass column= naming it "
        f"(columns are {', '.join(map(str, frame.columns))})"
    )


def _tone(grouped: Any) -> pd.DataFrame:
    return grouped.agg(
        n_statements=("quote_id", "size"),
        n_articles=(_ID_COLUMN, "nunique"),
        mean_compound=("compound", "mean"),
        n_positive=("compound", lambda s: int((s >= 0.05).sum())),
        n_negative=("compound", lambda s: int((s <= -0.05).sum())),
    )


def tone_by(statements: pd.DataFrame, column: str | list[str]) -> pd.DataFrame:
    """Count statements and average their tone per value of ``column``.

    Parameters
    ----------
    statements : pandas.DataFrame
        :attr:`CorpusResult.statements`.
    column : str or list of str
        What to group by; rows where it is missing are left out.

    Returns
    -------
    pandas.DataFrame
        ``column``, ``n_statements, n_articles, mean_compound, n_positive, n_negative``,
        most statements first.
    """
    keys = [column] if isinstance(column, str) else list(column)
    missing = [k for k in keys if k not in statements.columns]
    if missing:
        raise ValueError(f"statements have no column {', '.join(map(repr, missing))}")
    table = _tone(statements.dropna(subset=keys).groupby(keys, sort=True)).reset_index()
    return table.sort_values("n_statements", ascending=False, kind="stable").reset_index(drop=True)


def tone_by_time(statements: pd.DataFrame, freq: str = "W", column: str = "date") -> pd.DataFrame:
    """Count statements and average their tone per period (``freq``) of a date column.

    Returns
    -------
    pandas.DataFrame
        ``period`` (a pandas Period; ``"W"`` weeks run Monday to Sunday), ``start`` (its
        first day) and the :func:`tone_by` counts, in time order;
        ``attrs["undated"]`` counts rows whose date could not be parsed.
    """
    if column not in statements.columns:
        raise ValueError(f"statements have no date column {column!r}")
    dates = pd.to_datetime(statements[column], errors="coerce", format="mixed")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    frame = statements.assign(period=dates.dt.to_period(freq)).dropna(subset=["period"])
    table = _tone(frame.groupby("period", sort=True)).reset_index()
    table.insert(1, "start", table["period"].dt.start_time if len(table) else
                 pd.Series(dtype="datetime64[ns]"))
    table.attrs["undated"] = int(dates.isna().sum())
    return table


def quote_network(statements: pd.DataFrame, mentions: pd.DataFrame,
                  outlet: str | None = None) -> pd.DataFrame:
    """Who quotes whom: edges outlet (or article) → speaker, and speaker → actor mentioned.

    Parameters
    ----------
    statements, mentions : pandas.DataFrame
        :attr:`CorpusResult.statements` and :attr:`CorpusResult.actors`.
    outlet : str, optional
        Metadata column naming the outlet; without it the article quotes the speaker.

    Returns
    -------
    pandas.DataFrame
        ``source, target, relation`` (``quotes`` or ``mentions``), ``n_statements,
        n_articles, mean_compound``. A ``mentions`` edge counts the speaker's statements whose
        content names the actor (canonical name, once per statement; self-mentions dropped).
    """
    columns = ["source", "target", "relation", "n_statements", "n_articles", "mean_compound"]
    said = statements.dropna(subset=["speaker"])
    source = outlet if outlet is not None else _ID_COLUMN
    quotes = said.dropna(subset=[source]).assign(source=lambda f: f[source].astype(str),
                                                  target=lambda f: f["speaker"])
    edges = [_edges(quotes, "quotes")]
    if len(said) and len(mentions):
        edges.append(_edges(_mentioned(said, mentions), "mentions"))
    out = pd.concat([e for e in edges if len(e)] or [pd.DataFrame(columns=columns)],
                    ignore_index=True)
    return out[columns].reset_index(drop=True)


def _edges(frame: pd.DataFrame, relation: str) -> pd.DataFrame:
    if len(frame) == 0:
        return frame.iloc[0:0]
    table = frame.groupby(["source", "target"], sort=True).agg(
        n_statements=("quote_id", "size"), n_articles=(_ID_COLUMN, "nunique"),
        mean_compound=("compound", "mean"),
    ).reset_index()
    table.insert(2, "relation", relation)
    return table.sort_values(["n_statements", "source", "target"],
                             ascending=[False, True, True], kind="stable")


def _mentioned(said: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (statement, canonical actor named inside its content pieces)."""
    names = mentions.dropna(subset=["canonical"])
    by_article = {aid: g for aid, g in names.groupby(_ID_COLUMN, sort=False)}
    rows = []
    for aid, speaker, qid, compound, pieces in zip(
        said[_ID_COLUMN], said["speaker"], said["quote_id"], said["compound"], said["pieces"]
    ):
        found = by_article.get(aid)
        if found is None:
            continue
        seen = set()
        for start, end, canonical in zip(found["start"], found["end"], found["canonical"]):
            if canonical == speaker or canonical in seen:
                continue
            if any(s <= start and end <= e for s, e in pieces):
                seen.add(canonical)
                rows.append((aid, speaker, canonical, qid, compound))
    return pd.DataFrame(rows, columns=[_ID_COLUMN, "source", "target", "quote_id", "compound"])


# ---------------------------------------------------------------------------------------------
# Running a corpus


def _batches(outcomes: Iterable[Outcome], analysis_errors: list[_Err]
             ) -> Iterator[tuple[Batch, list[_Err]]]:
    for docs, errs, batch, failed in outcomes:
        for i, reason in failed:
            doc = docs[i]
            analysis_errors.append(_Err(doc.article_id, doc.metadata.get("path"), reason,
                                        "analyse"))
        yield batch, errs


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
        return stream_corpus(corpus_or_source, output, fmt=fmt, n_jobs=n_jobs,
                             progress=progress, chunksize=chunksize, overwrite=overwrite,
                             gazetteer=gazetteer, **load_options)
    corpus = (corpus_or_source if isinstance(corpus_or_source, Corpus)
              else load_corpus(corpus_or_source, **load_options))
    workers = _n_workers(n_jobs)
    docs = _corpus_docs(corpus)
    workers = min(workers, max(1, len(docs)))
    size = chunksize or _default_chunksize(len(docs), workers)
    meta = _meta_dtypes(corpus.metadata_columns, corpus.documents)
    analysis_errors: list[_Err] = []
    batches: list[Batch] = []
    with _progress(progress, len(docs)) as bar:
        runs = _run(docs, workers, size, bar, meta, _user_gazetteer(gazetteer), len(docs))
        for batch, _ in _batches(runs, analysis_errors):
            batches.append(batch)
    statements, mentions, rows = _merge(batches, meta)
    return CorpusResult(
        statements=statements, actors=mentions,
        articles=_articles_frame(rows, {_ID_COLUMN: STR, **meta}),
        errors=pd.concat([corpus.errors, _errors_frame(analysis_errors)], ignore_index=True),
    )


# ---------------------------------------------------------------------------------------------
# Streaming


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
            frame[col] = frame[col].map(lambda v: v if v is None or isinstance(v, str)
                                        or pd.isna(v) else str(v)).astype(STR)
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
    gazetteer : optional
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
            raise ImportError("writing Parquet needs pyarrow: `pip install pyarrow` "
                              "(or pass fmt='csv')") from None
    output = Path(output)
    gaz = _user_gazetteer(gazetteer)
    items, total, _ = _iter_source(source, **load_options)
    # A DataFrame's own dtypes hold for its metadata; other sources are typed part by part.
    known = (source.documents if isinstance(source, Corpus) else
             source.rename(columns=_meta_name) if isinstance(source, pd.DataFrame) else None)
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
        statements, mentions, _ = _merge(buffered, _meta_dtypes(meta_columns, known))
        atomic_write(output / "statements" / f"part-{part:05d}.{fmt}",
                     _to_bytes(statements, fmt))
        atomic_write(output / "actors" / f"part-{part:05d}.{fmt}", _to_bytes(mentions, fmt))
        part += 1
        buffered, n_buffered = [], 0

    with _progress(progress, total) as bar:
        runs = _run(_dedupe(items), workers, size, bar, None, gaz, total)
        for batch, errs in _batches(runs, analysis_errors):
            load_errors += errs
            meta_columns.update(_meta_of(batch[2]))
            buffered.append(batch)
            summaries += batch[2]
            n_buffered += len(batch[2])
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
        raise FileNotFoundError(f"{output}: no articles.parquet or articles.csv here; "
                                "is it a stream_corpus output folder?")

    known: dict[str, Any] = {
        **STATEMENT_DTYPES, **dict.fromkeys(_COUNT_COLUMNS, "int64"), "mean_compound": "float64",
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
            frame[col] = (frame[col].astype("float64") if dtype != "Int64"
                          else pd.to_numeric(frame[col])).astype(dtype)
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
    return CorpusResult(statements=statements, actors=tables["actors"],
                        articles=read(output / f"articles.{fmt}"),
                        errors=pd.read_csv(output / "errors.csv", dtype=object))


# ---------------------------------------------------------------------------------------------
# Dask


def _import_dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:
        raise ImportError(
            "analyze_dask needs Dask: `pip install 'kosovo_kit[scale]'` "
            "(or `pip install 'dask[dataframe]' distributed`)"
        ) from None
    return dd


def _analyze_partition(part: pd.DataFrame, text_col: str, id_col: str | None,
                       meta_cols: list[str], meta: dict[str, Any], on_error: str,
                       gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    docs = [d for d in _frame_docs(part, text_col, id_col, meta_cols, None)
            if isinstance(d, _Doc)]
    if on_error == "raise":
        parts = [_analyze(d.article_id, d.text, d.metadata, gazetteer) for d in docs]
        return _batch(parts, meta)[0]
    return _analyze_chunk(docs, meta, gazetteer)[0][0]


def analyze_dask(ddf: Any, text_col: str = "text", id_col: str | None = None,
                 meta_cols: Iterable[str] | None = None, on_error: str = "skip",
                 gazetteer: Any = None) -> Any:
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
    gazetteer : optional
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
    id_col, meta = _pick_columns(ddf.columns, text_col, id_col,
                                 list(meta_cols) if meta_cols is not None else None, "ddf")
    meta_dtypes = {_meta_name(c): _norm_dtype(ddf.dtypes[c]) for c in meta}
    dtypes = {_ID_COLUMN: STR, **meta_dtypes, **STATEMENT_DTYPES}
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})
    return ddf.map_partitions(_analyze_partition, text_col, id_col, meta, meta_dtypes,
                              on_error, _user_gazetteer(gazetteer), meta=empty,
                              align_dataframes=False)
