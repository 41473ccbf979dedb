"""Loading a corpus: folders, globs, CSV / TSV / JSONL / Parquet files and DataFrames.

Sources are read lazily, as documents and errors in input order (:func:`_iter_source`);
:func:`load_corpus` collects them into a :class:`Corpus`, the streaming writer reads
them as they come. A bad file or row becomes an error, never an exception.
"""

from __future__ import annotations

import contextlib
import errno
import glob as globlib
import json
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..frames import STR
from ..pipeline import STATEMENT_DTYPES
from ..text import DEFAULT_MAX_BYTES, read_sidecar, read_text_file
from .result import _ID_COLUMN, ACTOR_DTYPES, ARTICLE_COLUMNS, _Err, _errors_frame, _norm_dtype

__all__ = ["Corpus", "load_corpus"]

# Metadata may not reuse a name the result tables already use: it is renamed ``meta_<name>``.
_RESERVED = frozenset(
    {"article_id", *STATEMENT_DTYPES, *ACTOR_DTYPES, *ARTICLE_COLUMNS, "stage", "reason"}
    - {"title", "path"}
)
_ID_KEYS = ("article_id", "id", "filename", "file", "name", "path")
_METADATA_TABLES = ("metadata.csv", "metadata.tsv", "metadata.jsonl")
_FILE_BATCH = 10_000


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
        return (
            f"Corpus({len(self.documents)} articles, {len(self.errors)} skipped, "
            f"source={self.source!r})"
        )


@dataclass
class _Doc:
    article_id: str
    text: str
    metadata: dict[str, Any]


def _meta_name(name: Any) -> str:
    name = str(name)
    return f"meta_{name}" if name in _RESERVED or name == "text" else name


def _is_glob(source: str) -> bool:
    return any(ch in source for ch in "*?[")


def _strip_path(message: str, path: Path) -> str:
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


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
            f"{root}: holds several metadata tables ({', '.join(p.name for p in found)}); keep one"
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
            table = pd.read_csv(
                path,
                sep="\t" if path.suffix == ".tsv" else ",",
                dtype=str,
                keep_default_na=False,
                na_values=[""],
                encoding="utf-8-sig",
            )
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


def _iter_folder(files: list[Path], root: Path, max_bytes: int) -> Iterator[_Doc | _Err]:
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
        try:
            meta.update(read_sidecar(path))
        except ValueError as err:
            yield _Err(article_id, str(path), str(err))
            continue
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
    columns: Iterable[Any],
    text_col: str,
    id_col: str | None,
    meta_cols: Iterable[str] | None,
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
        raise ValueError(
            f"{where}: no id column {id_col!r}; columns are {', '.join(map(str, columns))}"
        )
    if meta_cols is None:
        meta = [c for c in columns if c not in (text_col, id_col)]
    else:
        meta = list(meta_cols)
        missing = [c for c in meta if c not in columns]
        if missing:
            raise ValueError(f"{where}: no metadata column(s) {', '.join(map(repr, missing))}")
    return id_col, meta


def _iter_jsonl(
    path: Path, text_col: str, id_col: str | None, meta_cols: list[str] | None
) -> Iterator[_Doc | _Err]:
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
            raise ValueError(
                f"{path}: not valid UTF-8 ({err.reason}); convert it to UTF-8"
            ) from None


def _iter_csv(
    path: Path, text_col: str, id_col: str | None, meta_cols: list[str] | None, sep: str
) -> Iterator[_Doc | _Err]:
    try:
        reader = pd.read_csv(
            path,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8-sig",
            chunksize=_FILE_BATCH,
        )
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
        raise ValueError(f"{path}: not valid UTF-8 ({err.reason}); convert it to UTF-8") from None


def _iter_parquet(
    path: Path, text_col: str, id_col: str | None, meta_cols: list[str] | None
) -> Iterator[_Doc | _Err]:
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
    id_col, meta = _pick_columns(handle.schema_arrow.names, text_col, id_col, meta_cols, str(path))
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
        return (
            _frame_docs(source, text_col, picked[0], picked[1], None),
            len(source),
            "<DataFrame>",
        )
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
        return (
            _iter_csv(path, text_col, id_col, meta_list, "\t" if suffix == ".tsv" else ","),
            None,
            text,
        )
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
                yield _Err(
                    item.article_id,
                    item.metadata.get("path"),
                    "duplicate article_id: an earlier article has the same id",
                )
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
    return [
        _Err(r["article_id"], r["path"], r["reason"], r.get("stage", "load"))
        for r in errors.to_dict(orient="records")
    ]


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
    items, _, where = _iter_source(
        source, text_col, id_col, meta_cols, pattern=pattern, max_bytes=max_bytes
    )
    docs: list[_Doc] = []
    errors: list[_Err] = []
    for item in _dedupe(items):
        if isinstance(item, _Doc):
            docs.append(item)
        else:
            errors.append(item)
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
