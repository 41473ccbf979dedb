"""Shared fixtures: where the ../shared data lives, and the bundled article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
#: In CI every test that needs something must find it: a skip becomes a failure.
IN_CI = os.environ.get("KOSOVO_KIT_CI") == "1"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared/data, or skip the test with a clear reason."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"needs the shared research data at {path} (beside the project folder); "
            "it is not part of the repository"
        )
    return path


@pytest.fixture(scope="session")
def seed_article():
    """The bundled Kosovo article, or a skip naming the missing file."""
    import kosovo_kit as kk

    try:
        return kk.load_article()
    except FileNotFoundError as err:
        pytest.skip(f"the bundled seed article is not available: {err}")
