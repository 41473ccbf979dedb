"""Shared fixtures: where the ../shared data lives, and the bundled article."""

from __future__ import annotations

import pytest
from support import ROOT, SHARED_DATA, shared_path  # noqa: F401  (shared with the tests)


@pytest.fixture(scope="session")
def seed_article():
    """The bundled Kosovo article, or a skip naming the missing file."""
    import kosovo_kit as kk

    try:
        return kk.load_article()
    except FileNotFoundError as err:
        pytest.skip(f"the bundled seed article is not available: {err}")
