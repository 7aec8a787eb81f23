"""Start JupyterLab (``career-workbook lab``) or the Voila client app (``career-workbook app``).

Both serve on 127.0.0.1 only, with a token, and preselect a workbook by setting the
``CAREER_WORKBOOK`` environment variable that the notebooks' ``workbook = None`` parameter
falls back to. The app also sets ``CAREER_WORKBOOK_ROOT``: the folder it was started for;
a workbook outside it is refused (see :func:`career_workbook.widgets.session.resolve_path`).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ENV_WORKBOOK = "CAREER_WORKBOOK"
ENV_ROOT = "CAREER_WORKBOOK_ROOT"


def notebooks_dir() -> Path:
    """The folder holding the guided notebooks (``./notebooks`` or the source checkout's)."""
    here = Path.cwd() / "notebooks"
    if here.is_dir():
        return here.resolve()
    return Path(__file__).resolve().parents[1] / "notebooks"


def server_env(workbook: str | None, *, app: bool = False) -> dict[str, str]:
    """Environment for the server: the preselected workbook (absolute) and, for the app, its root.

    >>> env = server_env("examples/workbooks/x.yaml", app=True)
    >>> Path(env["CAREER_WORKBOOK"]).is_absolute()
    True
    >>> env["CAREER_WORKBOOK_ROOT"].endswith("workbooks")
    True
    """
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # kernels pick their own (inline) backend
    if workbook:
        path = Path(workbook).expanduser().resolve()
        env[ENV_WORKBOOK] = str(path)
        if app:
            env[ENV_ROOT] = str(path.parent)
    elif app:
        env[ENV_ROOT] = str((Path.cwd() / "workbooks").resolve())
    return env


def _root_flag() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


# JupyterLab fetches news and update checks from the internet by default; the workbook
# promises that nothing leaves the machine, so both are switched off.
QUIET_LAB = ["--LabApp.news_url=None",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]


def lab_command(port: int, token: str, open_browser: bool = True,
                notebooks: str | Path | None = None) -> list[str]:
    """The ``jupyter lab`` command line (loopback only, token required, no news fetching).

    >>> cmd = lab_command(8888, "t0k", open_browser=False, notebooks="/tmp/nb")
    >>> "--ServerApp.ip=127.0.0.1" in cmd, "--IdentityProvider.token=t0k" in cmd
    (True, True)
    >>> "--ServerApp.root_dir=/tmp/nb" in cmd, "--no-browser" in cmd
    (True, True)
    """
    return [
        sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={notebooks or notebooks_dir()}",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}", *QUIET_LAB,
        *([] if open_browser else ["--no-browser"]), *_root_flag(),
    ]


def app_command(port: int, token: str, open_browser: bool = True,
                notebooks: str | Path | None = None) -> list[str]:
    """The ``voila`` command line: notebooks as an app, code hidden, loopback, token.

    The start page lists the notebooks in order (``00_start_here`` ... ``09_progress_review``).

    >>> cmd = app_command(8866, "t0k", open_browser=False, notebooks="/tmp/nb")
    >>> cmd[3], "--token=t0k" in cmd, "--Voila.ip=127.0.0.1" in cmd
    ('/tmp/nb', True, True)
    """
    return [
        sys.executable, "-m", "voila", str(notebooks or notebooks_dir()),
        "--Voila.ip=127.0.0.1", f"--port={port}", f"--token={token}",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.classic_tree=True",  # a plain list of links, rendered server-side
        *([] if open_browser else ["--no-browser"]),
    ]


def _launch(cmd: list[str], env: dict[str, str], url: str) -> int:
    print(f"Open {url}", flush=True)
    try:
        return subprocess.call(cmd, env=env)
    except KeyboardInterrupt:
        return 0


def lab(workbook: str | None = None, *, port: int = 8888, open_browser: bool = True) -> int:
    """Open JupyterLab on the notebooks, with ``workbook`` preselected."""
    token = secrets.token_urlsafe(16)
    return _launch(lab_command(port, token, open_browser), server_env(workbook),
                   f"http://127.0.0.1:{port}/lab?token={token}")


def app(workbook: str | None = None, *, port: int = 8866, open_browser: bool = True) -> int:
    """Serve the guided notebooks as a web app (Voila), with ``workbook`` preselected."""
    token = secrets.token_urlsafe(16)
    return _launch(app_command(port, token, open_browser), server_env(workbook, app=True),
                   f"http://127.0.0.1:{port}/?token={token}")
