"""Compare the analysis speed of this checkout with an earlier revision, in one process.

Usage::

    python benchmarks/compare.py REV [--rounds N] [--limit N]

A shared machine's speed can change by half between two runs a minute apart, which
hides a 10% change. Here the earlier revision's package (taken with ``git archive``)
and this checkout's are imported side by side, and each PolNeAR article (train + dev)
is analysed by both in turn, alternating which goes first, so both see the same
machine. Prints articles per CPU-second for each and the ratio of their CPU times, and
checks that both give the same statements.
"""

from __future__ import annotations

import argparse
import importlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kosovo_kit as current  # noqa: E402
from kosovo_kit.brat import default_polnear_root, polnear_frame  # noqa: E402

WARM_UP = "Talks\n\n“We agree,” the minister said on Monday. He added that talks would go on."


def earlier_package(rev: str, into: Path) -> ModuleType:
    """Import the ``kosovo_kit`` of ``rev`` as the package ``kosovo_kit_then``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "kosovo_kit", "data"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter="data")
        else:  # Python before 3.10.12: git's own archive of the kit, nothing else
            tar.extractall(into)
    package = into / "kosovo_kit_then"
    (into / "kosovo_kit").rename(package)
    # absolute imports of the kit inside the package must stay inside it
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bkosovo_kit\.", "kosovo_kit_then.", source), encoding="utf-8")
    sys.path.insert(0, str(into))
    import kosovo_kit_then

    return kosovo_kit_then


def statements_of(package: ModuleType) -> Callable[[str, str], list[dict[str, Any]]]:
    """The per-article analysis of a version of the kit: (article_id, text) -> statements.

    Versions with :mod:`kosovo_kit.pipeline` run it; earlier ones, their corpus module's
    ``_analyze``.
    """
    name = package.__name__
    try:
        pipeline = importlib.import_module(f"{name}.pipeline")
    except ImportError:
        analyze = importlib.import_module(f"{name}.corpus")._analyze
        return lambda article_id, text: analyze(article_id, text, {})[0]
    article = importlib.import_module(f"{name}.text").Article
    paused = importlib.import_module(f"{name}.gc_pause").collector_paused

    def analyse(_: str, text: str) -> list[dict[str, Any]]:
        # a corpus run pauses the collector around each chunk of articles
        with paused():
            return pipeline.analyse_records(article.from_text(text)).statements

    return analyse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the earlier revision (a commit, tag or branch)")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the corpus")
    parser.add_argument("--limit", type=int, help="first N articles only")
    args = parser.parse_args()
    root = default_polnear_root()
    if not root.exists():
        raise SystemExit(f"PolNeAR not found at {root}; set $KOSOVO_KIT_POLNEAR")
    frame = polnear_frame(("train", "dev"), root=root)
    rows = list(zip(frame["article_id"], frame["text"]))[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        then = earlier_package(args.rev, Path(tmp))
        versions = {args.rev: statements_of(then), "this checkout": statements_of(current)}
        cpu = dict.fromkeys(versions, 0.0)
        same = True
        for analyse in versions.values():
            analyse("warm-up", WARM_UP)
        for round_ in range(args.rounds):
            for i, (article_id, text) in enumerate(rows):
                order = list(versions.items())
                if (i + round_) % 2:
                    order.reverse()
                statements = {}
                for name, analyse in order:
                    began = time.process_time()
                    statements[name] = analyse(article_id, text)
                    cpu[name] += time.process_time() - began
                first, second = statements.values()
                same = same and first == second
    n = len(rows) * args.rounds
    for name, seconds in cpu.items():
        print(f"{name:>16}: {n / seconds:6.1f} articles per CPU-second")
    print(f"CPU time, this checkout / {args.rev}: {cpu['this checkout'] / cpu[args.rev]:.3f}")
    print(f"same statements: {same}")


if __name__ == "__main__":
    main()
