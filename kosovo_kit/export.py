"""Write result tables to files atomically: CSV, JSON, Excel and BRAT-ready text.

A file is first written to a temporary file in the same folder and then moved
over the target with :func:`os.replace`, so a crash or a full disk mid-write
never leaves a half-written file, and an existing file stays intact until the
new one is complete.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "json", "excel")


def atomic_write(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Raises
    ------
    FileNotFoundError
        If the target's folder does not exist.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"{path}: the folder {folder} does not exist")
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def table_to_bytes(table: pd.DataFrame, fmt: str) -> bytes:
    """Serialise a table as ``csv``, ``json`` (records) or ``excel`` bytes."""
    if fmt == "csv":
        return table.to_csv(index=False).encode("utf-8")
    if fmt == "json":
        return table.to_json(orient="records", force_ascii=False, indent=2).encode("utf-8")
    if fmt == "excel":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise ImportError(
                "writing Excel files needs openpyxl: `pip install openpyxl` "
                "(or export CSV, which Excel opens too)"
            ) from None
        buffer = io.BytesIO()
        table.to_excel(buffer, index=False)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def to_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as UTF-8 CSV, atomically."""
    return atomic_write(path, table_to_bytes(table, "csv"))


def to_json(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as a JSON list of records, atomically."""
    return atomic_write(path, table_to_bytes(table, "json"))


def to_excel(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as an Excel workbook, atomically (needs openpyxl)."""
    return atomic_write(path, table_to_bytes(table, "excel"))
