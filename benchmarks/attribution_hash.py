"""A fingerprint of ``attribute_quotes`` over PolNeAR and the bundled article.

Usage::

    python benchmarks/attribution_hash.py [--split train|dev|both] [--root PATH]

Runs :func:`kosovo_kit.attribute_quotes` on every article of the split (annotated or not)
and prints a SHA-256 over all rows and columns, ``pieces`` included, with the row count;
then the same for the bundled article. Two versions of the kit that print the same hashes
attribute every statement of those articles identically: the check for a change meant to
move code without changing what it finds.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

try:
    import kosovo_kit  # noqa: F401
except ImportError:
    # Running from a checkout without installing: the package sits next to this folder.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kosovo_kit import QUOTE_COLUMNS, attribute_quotes, load_article
from kosovo_kit.brat import default_polnear_root, iter_polnear


def _cell(value: Any) -> str:
    """One value as text that does not depend on its dtype (Int64, int64, object)."""
    if isinstance(value, list):
        return "[" + ",".join(f"{int(s)}:{int(e)}" for s, e in value) + "]"
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "NA"
    if isinstance(value, str):
        return repr(value)  # quoted, so a string "NA" differs from a missing value
    return str(int(value))


def _update(digest: Any, name: str, table: pd.DataFrame) -> int:
    """Feed one article's table to ``digest``; return its row count."""
    if list(table.columns) != QUOTE_COLUMNS:
        raise SystemExit(f"{name}: columns {list(table.columns)} are not {QUOTE_COLUMNS}")
    digest.update(f"article {name!r} rows {len(table)}\n".encode())
    for row in table.itertuples(index=False):
        digest.update(("\t".join(_cell(v) for v in row) + "\n").encode())
    return len(table)


def split_hash(split: str, root: Path | None) -> tuple[str, int, int]:
    """SHA-256, row count and article count of ``attribute_quotes`` over a split."""
    digest = hashlib.sha256()
    rows = articles = 0
    for article_id, text, _ in iter_polnear(split, root=root, check=False, annotations=False):
        rows += _update(digest, article_id, attribute_quotes(text))
        articles += 1
    return digest.hexdigest(), rows, articles


def bundled_hash() -> tuple[str, int]:
    """SHA-256 and row count of the bundled default article's table."""
    digest = hashlib.sha256()
    rows = _update(digest, "bundled", attribute_quotes(load_article()))
    return digest.hexdigest(), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--root", type=Path, default=None, help="PolNeAR folder")
    args = parser.parse_args(argv)
    root = args.root or default_polnear_root()
    splits = ("dev", "train") if args.split == "both" else (args.split,)
    for split in splits:
        t0 = time.perf_counter()
        sha, rows, articles = split_hash(split, root)
        took = time.perf_counter() - t0
        print(f"{split:8} {sha}  rows {rows}  articles {articles}  ({took:.1f} s)")
    sha, rows = bundled_hash()
    print(f"{'bundled':8} {sha}  rows {rows}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
