"""Typed tables from plain Python rows, without pandas' per-value type inference.

The kit's tables are small per article but many per corpus. Letting pandas infer and then
cast every column costs more than the analysis of a short article, so the modules build
their rows as tuples or dicts and turn them into a table here, once, with the dtypes they
document.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["INFER", "STR", "record_columns", "records_frame", "typed_column", "typed_frame"]

#: The default text dtype: ``str`` on pandas 3, ``object`` before.
STR = pd.Series(dtype=str).dtype
#: A dtype placeholder: type the column as a DataFrame built from its values would.
INFER = "infer"


def _arrow_strings(values: Sequence[Any]) -> Any:
    """``values`` as a :data:`STR` array built by pyarrow, or None where pandas must do it.

    pyarrow takes the Python strings as they are; ``pd.array`` first copies them into an
    object array and checks each one, which cost a table of a short article more than
    the rest of its columns.
    """
    if getattr(STR, "storage", None) != "pyarrow":
        return None
    import pyarrow as pa  # present: pandas stores its text with it

    try:
        strings = pa.array(values, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        return None  # values that are not text, which pandas turns into text
    return pd.arrays.ArrowStringArray(strings, dtype=STR)


def _objects(values: Sequence[Any]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value  # one by one: NumPy would unpack lists and tuples
    return out


def typed_column(values: Sequence[Any], dtype: Any) -> Any:
    """Return ``values`` as an array of ``dtype`` (None is missing in every dtype).

    Parameters
    ----------
    values : sequence
        The column's values.
    dtype : str, numpy or pandas dtype, or :data:`INFER`
        ``"int64"``, ``"Int64"`` (nullable), ``"float64"``, ``object``, :data:`STR`,
        any dtype pandas can cast to, or :data:`INFER`.
    """
    if dtype is INFER:
        return pd.Series(list(values)).array
    # identity first: a pandas dtype compared with a string parses that string
    if dtype is object:
        return _objects(values)
    if dtype is STR:
        strings = _arrow_strings(values)
        return strings if strings is not None else pd.array(_objects(values), dtype=STR)
    if dtype == "int64":
        return np.fromiter(values, dtype=np.int64, count=len(values))
    if dtype == "float64":
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    if dtype == "Int64":
        mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
        data = np.fromiter(
            (0 if v is None else v for v in values), dtype=np.int64, count=len(values)
        )
        return pd.arrays.IntegerArray(data, mask)
    return pd.Series(_objects(values), dtype=object).astype(dtype).array


def typed_frame(columns: Mapping[str, Sequence[Any]], dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """Build a DataFrame with exactly ``dtypes``' columns, in that order and of those dtypes.

    Parameters
    ----------
    columns : mapping of str to sequence
        Values per column, all of one length; a column absent here is all missing.
    dtypes : mapping of str to dtype
        As in :func:`typed_column`.
    """
    n = len(next(iter(columns.values()))) if columns else 0
    arrays = [
        typed_column(columns[name] if name in columns else [None] * n, dtype)
        for name, dtype in dtypes.items()
    ]
    # pandas infers the dtype of the column names anew for every frame and builds a text
    # index of them, which cost as much as a fifth of a short article's table: the frame
    # is built on positions and takes a copy of an index built once per set of names
    frame = pd.DataFrame(dict(enumerate(arrays)), copy=False)
    frame.columns = _column_index(tuple(dtypes)).copy()
    return frame


@lru_cache(maxsize=64)  # the kit has a few table layouts; a caller may have more
def _column_index(names: tuple[Hashable, ...]) -> pd.Index:
    """The column index pandas gives a frame with these column names."""
    return pd.DataFrame(dict.fromkeys(names, ())).columns


def record_columns(
    rows: Sequence[Mapping[str, Any]] | Sequence[Sequence[Any]], names: Sequence[str]
) -> dict[str, list[Any]]:
    """Columns of rows: dicts keyed by column name, or tuples in ``names`` order."""
    if rows and not isinstance(rows[0], Mapping):
        return {name: [row[i] for row in rows] for i, name in enumerate(names)}  # type: ignore[index]
    return {name: [row.get(name) for row in rows] for name in names}  # type: ignore[union-attr]


def records_frame(
    rows: Sequence[Mapping[str, Any]] | Sequence[Sequence[Any]], dtypes: Mapping[str, Any]
) -> pd.DataFrame:
    """Build a typed DataFrame from rows: dicts keyed by column, or tuples in column order."""
    return typed_frame(record_columns(rows, list(dtypes)), dtypes)
