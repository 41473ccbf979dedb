"""Shared fixtures: where the ../shared data lives, and the bundled article."""

from __future__ import annotations

import pytest
from support import ROOT, SHARED_DATA, shared_path  # noqa: F401  (shared with the tests)


@pytest.fixture(scope="session")
def seed_article():
    """The bundled Kosovo article (it ships in data/articles/, so it is never skipped)."""
    import kosovo_kit as kk

    return kk.load_article()
