"""Atomic writes: a crash or error mid-write leaves the old file intact and no litter."""

from __future__ import annotations

import builtins
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kosovo_kit import export
from kosovo_kit.export import atomic_write, to_csv, to_excel, to_json

OLD = "the old, complete content\n"


def _leftovers(folder: Path, target: Path) -> list[Path]:
    """Everything in ``folder`` except the target itself."""
    return sorted(p for p in folder.iterdir() if p != target)


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "speaker": ["Dmitry Peskov", "Aleksandar Vučić"],
            "text": ["We support Belgrade, “firmly”", "Serbia will never recognise Kosovo"],
            "compound": [0.4, -0.2],
        }
    )


def test_atomic_write_round_trips_str_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert atomic_write(target, "Priština “quoted” ✓") == target
    assert target.read_text(encoding="utf-8") == "Priština “quoted” ✓"
    atomic_write(target, b"\x00\x01raw")
    assert target.read_bytes() == b"\x00\x01raw"
    assert _leftovers(tmp_path, target) == []


def test_atomic_write_accepts_a_bare_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A name without a folder means the current folder, not an error.
    monkeypatch.chdir(tmp_path)
    atomic_write("plain.csv", "a,b\n")
    assert (tmp_path / "plain.csv").read_text() == "a,b\n"


def test_failed_replace_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "quotes.csv"
    target.write_text(OLD)

    def broken_replace(src: Any, dst: Any) -> None:
        # The temporary file exists and is complete at this point: check it is hidden.
        assert Path(src).name.startswith(f".{target.name}.") and str(src).endswith(".tmp")
        assert Path(src).read_text() == "new content"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, "new content")
    assert target.read_text() == OLD
    assert _leftovers(tmp_path, target) == []


def test_failed_write_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "quotes.json"
    target.write_text(OLD)

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(export.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output"):
        atomic_write(target, "x" * 100_000)
    assert target.read_text() == OLD
    assert _leftovers(tmp_path, target) == []


def test_interrupt_mid_write_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C in a notebook is a BaseException, not an Exception: it must clean up too.
    target = tmp_path / "table.csv"
    target.write_text(OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text() == OLD
    assert _leftovers(tmp_path, target) == []


_CHILD = textwrap.dedent("""
    import os, sys
    from kosovo_kit import export

    target, flag = sys.argv[1], sys.argv[2]
    real_fsync = os.fsync

    def slow_fsync(fd):
        # Tell the parent the payload is in the temporary file, then stall so the
        # parent can kill this process before the rename.
        open(flag, "w").close()
        import time
        time.sleep(60)
        real_fsync(fd)

    export.os.fsync = slow_fsync
    export.atomic_write(target, b"N" * (64 * 1024 * 1024))
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_mid_write_keeps_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "article_quotes.csv"
    target.write_text(OLD)
    flag = tmp_path / "writing.flag"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(target), str(flag)],
        env={**os.environ, "PYTHONPATH": str(Path(export.__file__).parents[1])},
    )
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert child.poll() is None, "the writer exited before it was killed"
            assert time.monotonic() < deadline, "the writer never reached the write"
            time.sleep(0.02)
        # The big payload is in the hidden temporary file, not in the target.
        temps = _leftovers(folder, target)
        assert len(temps) == 1
        assert temps[0].name.startswith(f".{target.name}.") and temps[0].name.endswith(".tmp")
        assert temps[0].stat().st_size == 64 * 1024 * 1024
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert target.read_text() == OLD
    # A SIGKILL allows no cleanup: what may remain is only the hidden temporary file,
    # which never shadows the target and can be swept by name.
    for left in _leftovers(folder, target):
        assert left.name.startswith(f".{target.name}.") and left.name.endswith(".tmp")
    # The next write succeeds regardless of the litter.
    to_csv(pd.DataFrame({"a": [1]}), target)
    assert target.read_text() == "a\n1\n"


def test_missing_folder_names_it(tmp_path: Path, table: pd.DataFrame) -> None:
    folder = tmp_path / "no" / "such" / "folder"
    for write in (
        lambda p: atomic_write(p, "x"),
        lambda p: to_csv(table, p),
        lambda p: to_json(table, p),
    ):
        with pytest.raises(FileNotFoundError) as err:
            write(folder / "out.csv")
        assert str(folder) in str(err.value)
    assert not (tmp_path / "no").exists()


def test_to_csv_and_to_json_round_trip(tmp_path: Path, table: pd.DataFrame) -> None:
    csv_path = to_csv(table, tmp_path / "t.csv")
    pd.testing.assert_frame_equal(pd.read_csv(csv_path, encoding="utf-8"), table)
    json_path = to_json(table, tmp_path / "t.json")
    records = json.loads(json_path.read_text(encoding="utf-8"))
    assert records == table.to_dict("records")
    # Non-ASCII stays readable in JSON rather than \\u-escaped.
    assert "Vučić" in json_path.read_text(encoding="utf-8")


def test_excel_without_openpyxl_says_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: pd.DataFrame
) -> None:
    real_import = builtins.__import__

    def no_openpyxl(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ImportError("No module named 'openpyxl'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "openpyxl", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    target = tmp_path / "quotes.xlsx"
    target.write_text(OLD)
    with pytest.raises(ImportError, match="openpyxl") as err:
        to_excel(table, target)
    assert "pip install openpyxl" in str(err.value)
    assert target.read_text() == OLD
    assert _leftovers(tmp_path, target) == []


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export.table_to_bytes(pd.DataFrame({"a": [1]}), "parquet")
