"""The command line: ``python -m kosovo_kit quotes|info`` on article files."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

import kosovo_kit as kk
from kosovo_kit.cli import main
from kosovo_kit.export import table_to_bytes

ARTICLE = (
    "Kremlin backs Serbia in Kosovo row\n\n"
    "Tensions rose in northern Kosovo on Monday.\n\n"
    "“We support Belgrade,” Kremlin spokesman Dmitry Peskov said. "
    "“We will not abandon our friends,” he stressed.\n\n"
    "Serbian Defense Minister Milos Vucevic announced that the army was on alert.\n\n"
    "According to Albin Kurti, the police acted lawfully.\n"
)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "kosovo.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kosovo_kit", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def expected_table(path) -> pd.DataFrame:
    return kk.attribute_quotes(kk.load_article(str(path)))


def test_quotes_csv(article_file):
    done = cli("quotes", str(article_file), "--format", "csv")
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(io.StringIO(done.stdout))
    assert list(table.columns) == kk.QUOTE_COLUMNS
    assert set(table["speaker"]) == {"Dmitry Peskov", "Milos Vucevic", "Albin Kurti"}
    assert len(table) == 4
    assert done.stdout.encode("utf-8") == table_to_bytes(expected_table(article_file), "csv")


def test_quotes_json(article_file):
    done = cli("quotes", str(article_file), "--format", "json")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert len(records) == 4
    assert {r["actor"] for r in records} == {"Russia", "Serbia", "Kosovo"}
    text = kk.load_article(str(article_file)).text
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
        assert text[r["cue_start"] : r["cue_end"]] == r["cue"]


def test_quotes_table_is_the_default(article_file):
    done = cli("quotes", str(article_file))
    assert done.returncode == 0, done.stderr
    header = done.stdout.splitlines()[0].split()
    assert header == ["quote_id", "kind", "speaker", "actor", "cue", "rule", "text"]
    assert len(done.stdout.splitlines()) == 1 + 4
    assert "Milos Vucevic" in done.stdout and "according-to" in done.stdout
    assert cli("quotes", str(article_file), "--format", "table").stdout == done.stdout


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_output_file(article_file, tmp_path, fmt):
    target = tmp_path / "out" / f"quotes.{fmt}"
    target.parent.mkdir()
    target.write_text("old content that must go\n", encoding="utf-8")
    done = cli("quotes", str(article_file), "--format", fmt, "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "wrote 4 attributions" in done.stderr
    data = target.read_bytes()
    assert data == table_to_bytes(expected_table(article_file), fmt)
    if fmt == "csv":
        assert len(pd.read_csv(target)) == 4
    else:
        assert len(json.loads(data)) == 4
    # written through a temporary file that was moved into place: nothing else is left
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_output_into_a_missing_folder_fails_cleanly(article_file, tmp_path):
    target = tmp_path / "no" / "such" / "quotes.csv"
    done = cli("quotes", str(article_file), "--format", "csv", "--output", str(target))
    assert done.returncode == 2
    assert "does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    assert not target.exists()


@pytest.mark.parametrize("command", ["quotes", "info"])
def test_bad_path_exits_2_without_traceback(tmp_path, command):
    missing = tmp_path / "missing.txt"
    done = cli(command, str(missing))
    assert done.returncode == 2
    assert done.stderr.startswith("kosovo-kit: error:")
    assert "missing.txt" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_empty_file_exits_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    done = cli("quotes", str(empty))
    assert done.returncode == 2
    assert "kosovo-kit: error:" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_format_is_a_usage_error(article_file, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["quotes", str(article_file), "--format", "xml"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_info(article_file):
    done = cli("info", str(article_file))
    assert done.returncode == 0, done.stderr
    lines = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in done.stdout.splitlines())
    )
    assert lines["title"] == "Kremlin backs Serbia in Kosovo row"
    assert lines["characters"] == str(len(ARTICLE))
    assert lines["paragraphs"].startswith("5 (1 title, 0 heading, 4 body, 0 boilerplate)")
    article = kk.load_article(str(article_file))
    assert lines["sentences"] == str(len(article.sentence_spans))


def test_info_verbose_lists_every_paragraph(article_file, capsys):
    assert main(["info", "-v", str(article_file)]) == 0
    out = capsys.readouterr().out
    assert "[ 0] title" in out
    assert sum(" body " in line for line in out.splitlines()) == 4


def test_quotes_in_process(article_file, capsys):
    assert main(["quotes", str(article_file), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.encode("utf-8") == table_to_bytes(expected_table(article_file), "csv")


def test_table_of_an_article_without_statements_says_so(tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text("Snow in Pristina\n\nSnow fell on the city all night.\n", encoding="utf-8")
    done = cli("quotes", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "no statements found\n"


def test_table_shows_an_unknown_side_as_a_blank(tmp_path):
    path = tmp_path / "unknown.txt"
    path.write_text(
        "Rain in Pristina\n\nThe rain will stop soon, Mira Kolar said.\n", encoding="utf-8"
    )
    done = cli("quotes", str(path))
    assert done.returncode == 0, done.stderr
    assert "Mira Kolar" in done.stdout
    assert "NaN" not in done.stdout and "<NA>" not in done.stdout and "None" not in done.stdout


def test_a_closed_pipe_ends_the_command_quietly():
    # the reader has gone before the first write, as in `kosovo-kit quotes | head -0`
    proc = subprocess.Popen(
        [sys.executable, "-m", "kosovo_kit", "quotes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=120)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert proc.returncode == 0


def test_info_without_a_path_describes_the_bundled_article():
    done = cli("info", "-v")
    assert done.returncode == 0, done.stderr
    assert "title:      Tensions in Kosovo: Russia supports Serbia" in done.stdout
    assert "paragraphs: 13 (1 title, 1 heading, 9 body, 2 boilerplate)" in done.stdout
    assert "heading     Germany condemns Serbia’s policies" in done.stdout
