"""Paths and helpers the tests share: where the project and the ../shared data live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
#: CI has the shared data beside the project: there a missing folder is a failure.
IN_CI = os.environ.get("KOSOVO_KIT_CI") == "1"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared/data, or skip the test with a clear reason."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        reason = (
            f"needs the shared research data at {path} (beside the project folder); "
            "it is not part of the repository"
        )
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    return path
