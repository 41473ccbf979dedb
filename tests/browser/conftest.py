"""Browser fixtures: Debian's Chromium driven by Playwright, against JupyterLab and Voilà.

Every server runs on 127.0.0.1 with a random token, in its own process group, with its
Jupyter config and runtime folders in a temporary directory so the developer's own settings
and running servers are never touched. The lab extensions (the ipywidgets renderer) and the
kernel spec still come from the virtual environment's data path.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
#: CI sets this: a browser test that cannot run is then a failure, not a quiet skip.
REQUIRED = os.environ.get("KOSOVO_KIT_BROWSER_TESTS") == "1"
MISSING = (
    "browser tests need Debian's chromium: apt-get install chromium "
    "(and pip install playwright voila); they run in CI"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
#: Generous for a 2-core machine; a healthy server answers in a few seconds.
SERVER_START_TIMEOUT = 90.0
# Processes of ours that must all be gone when the session ends.
_OUR_PROCESS_WORDS = ("chromium", "chrome", "jupyter", "voila", "playwright", "ipykernel")

_TIMINGS: list[tuple[str, float]] = []
_BLOCKED: list[str] = []
_NOT_LOOPBACK = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")


def _unavailable(detail: str) -> None:
    message = f"{MISSING} ({detail})"
    if REQUIRED:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _TIMINGS:
        return
    terminalreporter.section("browser test timings")
    for label, seconds in _TIMINGS:
        terminalreporter.write_line(f"{seconds:7.2f} s  {label}")
    for url in dict.fromkeys(_BLOCKED):
        terminalreporter.write_line(f"blocked a request off the machine: {url}")


@pytest.fixture(scope="session")
def timings() -> Callable[[str, float], None]:
    """Record a duration (seconds) to print in the terminal summary."""

    def record(label: str, seconds: float) -> None:
        _TIMINGS.append((label, seconds))

    return record


def _our_processes() -> list[psutil.Process]:
    found = []
    for proc in psutil.Process().children(recursive=True):
        try:
            cmdline = " ".join(proc.cmdline()).lower()
            if proc.status() != psutil.STATUS_ZOMBIE and any(
                w in cmdline for w in _OUR_PROCESS_WORDS
            ):
                found.append(proc)
        except psutil.NoSuchProcess:
            continue
    return found


@pytest.fixture(scope="session", autouse=True)
def no_processes_left() -> Iterator[None]:
    """After the session no Chromium, Jupyter, Voilà or kernel process of ours may remain."""
    yield
    left = _our_processes()
    _, alive = psutil.wait_procs(left, timeout=10)
    if alive:
        described = [f"{p.pid}: {' '.join(p.cmdline())[:120]}" for p in alive]
        for proc in alive:
            proc.kill()
        pytest.fail(
            "processes left running at the end of the session:\n" + "\n".join(described),
            pytrace=False,
        )


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's Chromium, with Playwright importable; otherwise skip (or fail in CI)."""
    if importlib.util.find_spec("playwright") is None:
        _unavailable("the playwright package is not installed")
    path = "/usr/bin/chromium"
    if not os.access(path, os.X_OK):
        path = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    if not path:
        _unavailable("no chromium executable found")
    return path


@pytest.fixture(scope="session")
def browser_context(
    chromium_executable: str,
    tmp_path_factory: pytest.TempPathFactory,
    timings: Callable[[str, float], None],
) -> Iterator[Any]:
    """A Chromium context with a fresh profile folder, shared by the session's tests."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    started = time.monotonic()
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium_executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            # No service worker may outlive a page and carry state into the next test.
            service_workers="block",
        )
        # The kit is used offline: nothing on these pages may need the internet, and
        # nothing should leave the machine while testing.
        context.route(
            _NOT_LOOPBACK, lambda route: (_BLOCKED.append(route.request.url), route.abort())
        )
        timings("chromium start", time.monotonic() - started)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def offsite_requests() -> Callable[[], list[str]]:
    """Call it to get the URLs off 127.0.0.1 that pages requested (all blocked) in this test."""
    already = len(_BLOCKED)
    return lambda: _BLOCKED[already:]


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    """A new tab; closed after the test."""
    tab = browser_context.new_page()
    tab.set_default_timeout(30_000)
    try:
        yield tab
    finally:
        tab.close()


def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running loopback server: its base URL, token and notebook folder."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen
    log: Path

    def link(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"


def _isolated_env(base: Path) -> dict[str, str]:
    """Environment with private Jupyter config/runtime and IPython folders.

    JUPYTER_DATA_DIR is left alone: the widget lab extension and kernel spec live in the
    virtual environment's share/jupyter, which Jupyter always searches.
    """
    env = dict(os.environ)
    for var, name in (
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("IPYTHONDIR", "ipython"),
    ):
        folder = base / name
        folder.mkdir(parents=True, exist_ok=True)
        env[var] = str(folder)
    labconfig = base / "config" / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    # The news and extension-manager plugins reach out to the internet and pop up
    # notifications over the notebook; the tests need neither.
    (labconfig / "page_config.json").write_text(
        json.dumps(
            {
                "disabledExtensions": {
                    "@jupyterlab/apputils-extension:announcements": True,
                    "@jupyterlab/extensionmanager-extension": True,
                }
            }
        ),
        encoding="utf-8",
    )
    env.pop("JUPYTER_TOKEN", None)
    return env


def _wait_ready(server: Server, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        server.url + path, headers={"Authorization": f"token {server.token}"}
    )
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"server exited with {server.process.returncode}:\n"
                + server.log.read_text(errors="replace")[-3000:]
            )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"server did not answer {path} within {timeout:.0f} s:\n"
                + server.log.read_text(errors="replace")[-3000:]
            )
        time.sleep(0.2)


def _stop(server: Server) -> None:
    """Stop the server, its process group and every process it started (kernels too).

    Kernels run in sessions of their own, so killing the group alone would miss them; they
    are collected as descendants before the server is asked to stop.
    """
    try:
        tree = [
            psutil.Process(server.process.pid),
            *psutil.Process(server.process.pid).children(recursive=True),
        ]
    except psutil.NoSuchProcess:
        tree = []
    # SIGTERM lets Jupyter shut its kernels down cleanly.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGTERM)
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=10)
    _, alive = psutil.wait_procs(tree, timeout=10)
    for proc in alive:
        proc.kill()
    psutil.wait_procs(alive, timeout=5)
    leftover = [p.pid for p in tree if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not leftover, f"processes survived the server's shutdown: {leftover}"


def start_server(
    kind: str,
    argv: list[str],
    *,
    root: Path,
    work: Path,
    port: int,
    token: str,
    ready_path: str,
    timings: Callable[[str, float], None],
    env: dict[str, str] | None = None,
) -> Server:
    """Start a server in its own process group and wait until ``ready_path`` answers 200.

    ``env`` adds variables to the isolated environment.
    """
    log = work / f"{kind}.log"
    started = time.monotonic()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            argv,
            cwd=root,
            env={**_isolated_env(work), **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", token, root, process, log)
    try:
        _wait_ready(server, ready_path, SERVER_START_TIMEOUT)
    except BaseException:
        _stop(server)
        raise
    timings(f"{kind} server start", time.monotonic() - started)
    return server


def _root_flag() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


@pytest.fixture(scope="session")
def notebook_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the servers serve; each test writes its own article and notebook here."""
    return tmp_path_factory.mktemp("notebooks")


@pytest.fixture(scope="session")
def jupyter_lab(
    chromium_executable: str,
    notebook_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    timings: Callable[[str, float], None],
) -> Iterator[Server]:
    """JupyterLab, headless, on a free loopback port with a random token."""
    if importlib.util.find_spec("jupyterlab") is None:
        _unavailable("jupyterlab is not installed")
    work = tmp_path_factory.mktemp("jupyter-lab")
    port, token = free_port(), secrets.token_hex(16)
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--notebook-dir={notebook_dir}",
        *_root_flag(),
    ]
    server = start_server(
        "jupyterlab",
        argv,
        root=notebook_dir,
        work=work,
        port=port,
        token=token,
        ready_path="/api/status",
        timings=timings,
    )
    try:
        yield server
    finally:
        _stop(server)


@pytest.fixture
def voila_server(
    chromium_executable: str,
    tmp_path_factory: pytest.TempPathFactory,
    timings: Callable[[str, float], None],
) -> Iterator[Callable[..., Server]]:
    """Start Voilà on one notebook (loopback, random token); stopped after the test.

    Call it with the notebook and optionally a template name from the project's
    ``share/jupyter/voila/templates``.
    """
    if importlib.util.find_spec("voila") is None:
        _unavailable("voila is not installed")
    servers: list[Server] = []

    def start(notebook: Path, template: str | None = None) -> Server:
        work = tmp_path_factory.mktemp("voila")
        port, token = free_port(), secrets.token_hex(16)
        argv = [
            sys.executable,
            "-m",
            "voila",
            str(notebook),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--Voila.port={port}",
            "--Voila.port_retries=0",
            f"--Voila.token={token}",
            "--Voila.open_browser=False",
            f"--Voila.connection_dir_root={work}",
        ]
        env = None
        if template is not None:
            # as `make dashboard` does: the project's templates join Jupyter's search path
            argv.append(f"--template={template}")
            env = {"JUPYTER_PATH": str(ROOT / "share" / "jupyter")}
        # Voilà serves no /api/status; its own script answering shows the server is up
        # without starting a kernel the way the page itself would.
        server = start_server(
            "voila",
            argv,
            root=notebook.parent,
            work=work,
            port=port,
            token=token,
            ready_path="/voila/static/voila.js",
            timings=timings,
            env=env,
        )
        servers.append(server)
        return server

    yield start
    for server in servers:
        _stop(server)


@pytest.fixture(scope="session")
def explorer_notebook() -> Callable[..., Path]:
    """Save an article as ``<name>.txt`` beside a notebook that shows it in ActorExplorer.

    Call it with the folder, the name and the article text, and optionally the code that
    makes ``explorer`` from ``article``; it returns the notebook path.
    """

    def write(
        folder: Path,
        name: str,
        article_text: str,
        make_explorer: str = "explorer = ActorExplorer(article)",
    ) -> Path:
        (folder / f"{name}.txt").write_text(article_text, encoding="utf-8")
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nb.cells = [
            nbformat.v4.new_code_cell(
                "import kosovo_kit as kk\nfrom kosovo_kit.widgets import ActorExplorer"
            ),
            nbformat.v4.new_code_cell(f'article = kk.load_article("{name}.txt")\n' + make_explorer),
            nbformat.v4.new_code_cell("explorer"),
        ]
        path = folder / f"{name}.ipynb"
        nbformat.write(nb, path)
        return path

    return write


def _api(server: Server, path: str) -> Any:
    request = urllib.request.Request(
        server.url + path, headers={"Authorization": f"token {server.token}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def _wait_for_lab_kernel(page: Any, server: Server, name: str, timeout: float) -> None:
    """Wait until the notebook's kernel is connected and idle, as the server and page see it.

    On a slow first load JupyterLab can still ask which kernel to start; the dialog has the
    notebook's own (Python 3) selected, so it is accepted as a user would.
    """
    deadline = time.monotonic() + timeout
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    while True:
        if dialog.is_visible():
            dialog.locator(".jp-mod-accept").click()
        sessions = [s for s in _api(server, "/api/sessions") if s.get("path") == name]
        if (
            sessions
            and sessions[0]["kernel"]["execution_state"] == "idle"
            and idle.count()
            and not dialog.is_visible()
        ):
            return
        if time.monotonic() > deadline:
            raise AssertionError(
                f"the kernel of {name} was not idle within {timeout:.0f} s (sessions: {sessions})"
            )
        page.wait_for_timeout(250)


@pytest.fixture(scope="session")
def run_in_lab(
    jupyter_lab: Server,
    timings: Callable[[str, float], None],
) -> Callable[[Any, Path], None]:
    """Open a notebook of the lab's folder in a page, run all cells, wait for the explorer."""

    def run(page: Any, notebook: Path) -> None:
        from playwright.sync_api import expect

        started = time.monotonic()
        # A workspace of its own per notebook: the default one would reopen the notebooks
        # of earlier tests beside it.
        page.goto(jupyter_lab.link(f"/lab/workspaces/{notebook.stem}/tree/{notebook.name}"))
        _wait_for_lab_kernel(page, jupyter_lab, notebook.name, timeout=90)
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        expect(page.locator(".kk-actor-explorer .kk-actor-dropdown select")).to_be_visible(
            timeout=60_000
        )
        expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_be_attached(
            timeout=60_000
        )
        timings(f"open and run {notebook.name} in JupyterLab", time.monotonic() - started)

    return run


@pytest.fixture(scope="session")
def screenshot() -> Callable[[Any, str], Path]:
    """Screenshot a page or locator into test-artifacts/browser/ (git-ignored) and check it.

    Returns the PNG's path.
    """

    def take(target: Any, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        target.screenshot(path=str(path))
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), f"{path} is not a PNG"
        assert len(data) > 1000, f"{path} is almost empty ({len(data)} bytes)"
        return path

    return take
