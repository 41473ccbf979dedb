"""Shared fixtures: where the ../shared data lives, and the bundled article."""

from __future__ import annotations

import pytest
from support import ROOT, SHARED_DATA, shared_path  # noqa: F401  (shared with the tests)


@pytest.fixture(scope="session")
def seed_article():
    """The bundled Kosovo article (it ships in data/articles/, so it is never skipped)."""
    import kosovo_kit as kk

    return kk.load_article()


def pytest_terminal_summary(terminalreporter) -> None:
    """Print how long each notebook took in its fresh kernel (the limit is 10 s)."""
    import sys

    module = sys.modules.get("test_notebooks")
    times = getattr(module, "TIMES", None)
    if not times:
        return
    terminalreporter.section("notebook run times (fresh kernel)")
    for name, seconds in sorted(times.items()):
        terminalreporter.write_line(f"{name}: {seconds:.1f} s")
