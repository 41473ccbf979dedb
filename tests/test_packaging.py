"""Packaging, offline use, the CLI and the two README commands' pieces."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import tomllib
from support import ROOT

PY = sys.executable


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~ \[]", r.strip(), maxsplit=1)[0].lower() for r in requirements}


def test_environment_yml_matches_pyproject():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    listed = []
    text = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    for line in text.splitlines():
        m = re.match(r"\s*-\s+([A-Za-z][\w.-]*\S*)\s*$", line)
        if m and not m.group(1).startswith(("python", "pip", "-e")):
            listed.append(m.group(1))
    assert _names(listed) == _names(deps)


def test_readme_quickstart_is_two_commands():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quickstart", 1)[1].split("```", 2)[1]
    commands = [ln for ln in block.splitlines()[1:] if ln.strip() and not ln.startswith("#")]
    assert [c.split("#")[0].strip() for c in commands] == ["make lab", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


OFFLINE_SCRIPT = r"""
import socket
def _refuse(*a, **k):
    raise OSError("network disabled in this test")
socket.socket.connect = _refuse
socket.create_connection = _refuse
import nltk
import kosovo_kit as kk
a = kk.Article.from_text('“We will not give up,” Mr. Smith said on Monday. The U.S. agreed.')
assert len(a.sentences) == 2, a.sentences
assert a.tokens["text"].iloc[0] == "“"
print("paths", nltk.data.path[:1])
print("ok")
"""


def test_works_offline_with_empty_nltk_data(tmp_path):
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty)}
    out = subprocess.run(
        [PY, "-c", OFFLINE_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout
    assert not any(empty.iterdir()), "nothing may be downloaded"


def test_no_download_calls_in_the_kit():
    for path in (ROOT / "kosovo_kit").rglob("*.py"):
        assert "nltk.download" not in path.read_text(encoding="utf-8"), path


@pytest.mark.slow
def test_wheel_installs_and_loads_data(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [PY, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    wheel = next(dist.glob("kosovo_kit-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([PY, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    target = next((venv / "lib").glob("python*/site-packages"))
    # The wheel goes into the fresh venv; its dependencies are borrowed from ours.
    subprocess.run(
        [PY, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        timeout=300,
    )
    ours = [p for p in sys.path if p.endswith("site-packages")]
    (target / "_borrowed_deps.pth").write_text("\n".join(ours) + "\n")
    script = (
        "import kosovo_kit as kk, kosovo_kit.resources as r;"
        "print(kk.__file__); print(r.data_dir());"
        "print(sorted(kk.bundled_articles()));"
        "print(len(r.read_word_list('abbreviations.txt')));"
        "a = kk.Article.from_text('Mr. Smith came. He left.'); print(len(a.sentences))"
    )
    run = subprocess.run(
        [str(venv / "bin" / "python"), "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith(str(target)), "imported from the wheel, not the checkout"
    assert lines[1].startswith(str(target)) and lines[1].endswith("kosovo_kit/data")
    assert "kosovo-russia-serbia-2022-12-28" in lines[2]
    assert int(lines[3]) > 50
    assert lines[4] == "2"
    text_file = target / "kosovo_kit" / "data" / "articles" / "kosovo-russia-serbia-2022-12-28.txt"
    assert text_file.read_bytes() == (ROOT / "data" / "articles" / text_file.name).read_bytes()
    art = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import kosovo_kit as kk; a = kk.load_article(); print(a.title); "
            "print(len(kk.attribute_quotes(a)), len(kk.load_gold()))",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert art.stdout.splitlines() == ["Tensions in Kosovo: Russia supports Serbia", "9 9"], (
        art.stderr
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_jupyterlab_serves_the_notebooks(tmp_path):
    port, token = _free_port(), os.urandom(12).hex()
    log = tmp_path / "lab.log"
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
    }
    proc = subprocess.Popen(
        [
            PY,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            f"--notebook-dir={ROOT / 'notebooks'}",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    try:
        deadline, status = time.monotonic() + 90, None
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/lab?token={token}", timeout=5
                ) as resp:
                    status = resp.status
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
        exited = proc.poll() is not None
        assert status == 200, log.read_text()[-2000:] if exited else status
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
    assert proc.poll() is not None


def test_cli_info_on_a_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("A headline\n\nMr. Smith said so. He left.\n", encoding="utf-8")
    out = subprocess.run(
        [PY, "-m", "kosovo_kit", "info", str(path)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "title:      A headline" in out.stdout
    assert "sentences:  3" in out.stdout
    assert "paragraphs: 2 (1 title, 0 heading, 1 body, 0 boilerplate)" in out.stdout


def test_cli_reports_bad_input_without_traceback(tmp_path):
    out = subprocess.run(
        [PY, "-m", "kosovo_kit", "info", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2
    assert "missing.txt: no such file" in out.stderr
    assert "Traceback" not in out.stderr


def test_the_version_is_written_in_one_place():
    import importlib.metadata
    import re

    import kosovo_kit

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r"(?m)^version\s*=", pyproject)
    assert 'dynamic = ["version"]' in pyproject
    assert importlib.metadata.version("kosovo_kit") == kosovo_kit.__version__
