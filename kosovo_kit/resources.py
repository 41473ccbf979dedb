"""Locate the kit's data files, from a checkout or from an installed wheel.

In a wheel the project's ``data/`` folder ships as ``kosovo_kit/data``; in a
checkout (or an editable install) it sits beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """Return the folder that holds the kit's data files.

    Returns
    -------
    pathlib.Path
        ``kosovo_kit/data`` inside an installed wheel, else ``data/`` of the checkout.
    """
    for candidate in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent / "data"):
        if (candidate / "articles").is_dir():
            return candidate
    raise FileNotFoundError(
        f"kosovo_kit's data folder is missing: looked in {_PACKAGE_DIR / 'data'} "
        f"and {_PACKAGE_DIR.parent / 'data'}; reinstall the package"
    )


def data_path(*parts: str) -> Path:
    """Return the path of a data file, e.g. ``data_path("abbreviations.txt")``."""
    return data_dir().joinpath(*parts)


def read_word_list(*parts: str) -> list[str]:
    """Read a one-entry-per-line data file, skipping blank lines and ``#`` comments."""
    path = data_path(*parts)
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            entries.append(line)
    return entries
