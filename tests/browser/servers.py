"""Start and stop the servers a browser drives: JupyterLab and the app (Voila).

One place for both the browser tests (``conftest.py``, ``test_journey.py``) and
``benchmarks/bench_browser.py``; it imports no pytest. Every server listens on 127.0.0.1
only, on a free port, with a random token, with its own Jupyter config, runtime, settings
and workspaces folders under ``root/jupyter`` (``~/.jupyter`` is never touched).

>>> srv = Server(None, "http://127.0.0.1:8", "t0k", Path("nb"), Path("wb.yaml"), Path("x.log"))
>>> srv.url("/lab", reset="")
'http://127.0.0.1:8/lab?token=t0k&reset='
"""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from career_workbook import server

START_TIMEOUT = 90.0
"""Seconds a server may take to answer (two cores, cold caches)."""


def free_port() -> int:
    """A TCP port nobody listens on right now (on 127.0.0.1)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running JupyterLab or Voila: its base URL, token, folders and log."""

    proc: subprocess.Popen | None
    base: str
    token: str
    notebooks: Path
    workbook: Path
    log: Path

    def url(self, path: str = "/", **query: str) -> str:
        """``base + path`` with the token (and ``query``) in the query string."""
        params = "&".join(f"{k}={v}" for k, v in {"token": self.token, **query}.items())
        return f"{self.base}{path}{'&' if '?' in path else '?'}{params}"

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the server printed (for failure messages)."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def http_status(url: str) -> int:
    """The HTTP status of GET ``url`` without following redirects (0 if nobody answers)."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return 0


def jupyter_env(home: Path, workbook: Path, *, app: bool) -> dict[str, str]:
    """``server.server_env`` plus private Jupyter folders under ``home``."""
    env = server.server_env(str(workbook), app=app)
    env.pop("MPLBACKEND", None)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
                     ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "mpl")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env.pop("JUPYTER_PLATFORM_DIRS", None)
    return env


def lab_settings(settings: Path) -> None:
    """User settings: no news or update checks, every cell rendered (no windowing)."""
    files = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
            {"windowingMode": "none"},
    }
    for name, data in files.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data), encoding="utf-8")


def stop(srv: Server) -> None:
    """Terminate the server (and its kernels with it); kill it if it does not stop."""
    if srv.proc is not None and srv.proc.poll() is None:
        srv.proc.terminate()
        try:
            srv.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            srv.proc.kill()
            srv.proc.wait(timeout=10)


def start(kind: str, root: Path, notebooks: Path, workbook: Path,
          extra: Sequence[str] = ()) -> Server:
    """Start ``kind`` (``"lab"`` or ``"app"``) serving ``notebooks`` for ``workbook``.

    The command is ``career-workbook lab``'s or ``app``'s own (:mod:`career_workbook.server`),
    with ``extra`` options after it; JupyterLab opens no browser and no terminals. Returns
    once the server answers.
    """
    if kind not in ("lab", "app"):
        raise ValueError(f"kind must be 'lab' or 'app', not {kind!r}")
    app = kind == "app"
    home = root / "jupyter"
    env = jupyter_env(home, workbook, app=app)
    port, token = free_port(), secrets.token_urlsafe(16)
    base = f"http://127.0.0.1:{port}"
    if app:
        cmd = server.app_command(port, token, open_browser=False, notebooks=notebooks)
        cwd, log, ready = root, root / "voila.log", f"{base}/?token={token}"
    else:
        lab_settings(home / "settings")
        cmd = server.lab_command(port, token, open_browser=False, notebooks=notebooks)
        cmd += ["--ServerApp.open_browser=False", "--ServerApp.terminals_enabled=False"]
        cwd, log, ready = notebooks, root / "lab.log", f"{base}/api/status?token={token}"
    cmd += list(extra)
    handle = log.open("w", encoding="utf-8")
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)
    handle.close()
    srv = Server(proc, base, token, notebooks, workbook, log)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{cmd[2]} exited with {proc.returncode}:\n{srv.log_tail()}")
        if http_status(ready) == 200:
            return srv
        time.sleep(0.3)
    stop(srv)
    raise RuntimeError(f"{cmd[2]} did not answer {base} within {START_TIMEOUT:.0f}s:\n"
                       f"{srv.log_tail()}")


@contextmanager
def serving(kind: str, root: Path, notebooks: Path, workbook: Path,
            extra: Sequence[str] = ()) -> Iterator[Server]:
    """:func:`start` the server; :func:`stop` it when the block ends."""
    srv = start(kind, root, notebooks, workbook, extra)
    try:
        yield srv
    finally:
        stop(srv)
