"""How much time does ``import kosovo_kit`` add on top of ``import pandas``?

Each measurement runs in a fresh interpreter so nothing is cached in-process;
the figure is the median over several runs. Usage::

    python benchmarks/import_time.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

SNIPPET = """
import time
t0 = time.perf_counter()
import pandas
t1 = time.perf_counter()
import kosovo_kit
t2 = time.perf_counter()
kosovo_kit.Article.from_text("He said: “Yes.” Then he left.").tokens
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    pandas_s, kit_s, first_s = [], [], []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", SNIPPET], capture_output=True, text=True, check=True
        ).stdout.split()
        pandas_s.append(float(out[0]))
        kit_s.append(float(out[1]))
        first_s.append(float(out[2]))
    print(f"import pandas:                  median {statistics.median(pandas_s) * 1000:7.1f} ms")
    print(
        f"import kosovo_kit (after pandas): median {statistics.median(kit_s) * 1000:7.1f} ms"
        f"  (max {max(kit_s) * 1000:.1f} ms, {args.runs} fresh interpreters)"
    )
    print(f"first use (loads NLTK, tokenises):  median {statistics.median(first_s) * 1000:7.1f} ms")
    print("target: import under 300 ms (submodules and NLTK load lazily, on first use)")


if __name__ == "__main__":
    main()
