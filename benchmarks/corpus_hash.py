"""Fingerprint what ``analyze_corpus`` returns on PolNeAR, to check a refactoring changes nothing.

Usage::

    python benchmarks/corpus_hash.py [--split dev|train|all] [--jobs 1 2] [--limit N]

Prints one SHA-256 per table (statements, actors, articles without ``seconds``) and per
``n_jobs``, plus the tone per actor (:meth:`CorpusResult.by_actor`), computed from the
tables' CSV text and dtypes. Two checkouts give the same lines when their outputs are
identical.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pandas as pd

try:
    import kosovo_kit  # noqa: F401
except ImportError:
    # Running from a checkout without installing: the package sits next to this folder.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kosovo_kit.brat import default_polnear_root, polnear_frame
from kosovo_kit.corpus import analyze_corpus


def table_hash(frame: pd.DataFrame) -> str:
    """SHA-256 of a table's columns, dtypes and values (as CSV text)."""
    digest = hashlib.sha256()
    digest.update(repr([(c, str(t)) for c, t in frame.dtypes.items()]).encode("utf-8"))
    digest.update(frame.to_csv(index=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train", "all"))
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, help="first N articles per split only")
    args = parser.parse_args()
    root = default_polnear_root()
    if not root.exists():
        raise SystemExit(f"PolNeAR not found at {root}; set $KOSOVO_KIT_POLNEAR")
    splits = ("train", "dev") if args.split == "all" else (args.split,)
    frame = polnear_frame(splits, root=root, limit=args.limit)
    for n_jobs in args.jobs:
        run = analyze_corpus(frame, n_jobs=n_jobs, progress=False)
        tables = {
            "statements": run.statements,
            "actors": run.actors,
            "articles": run.articles.drop(columns="seconds"),
            "errors": run.errors,
            "by_actor": run.by_actor(),
        }
        for name, table in tables.items():
            print(
                f"{args.split} n_jobs={n_jobs} {name:<10} {len(table):>6} rows {table_hash(table)}"
            )


if __name__ == "__main__":
    main()
