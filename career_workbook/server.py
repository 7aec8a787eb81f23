"""Start JupyterLab (``career-workbook lab``) or the Voila client app (``career-workbook app``).

Both run in a workspace (``career-workbook init``; found from the current folder upward,
or ``--workspace``), serve on 127.0.0.1 only with a token, on the first free port from the
one asked for, and preselect a workbook by setting the ``CAREER_WORKBOOK`` environment
variable that the notebooks' ``workbook = None`` parameter falls back to. The app also sets
``CAREER_WORKBOOK_ROOT``: the folder it was started for; a workbook outside it is refused
(see :func:`career_workbook.widgets.session.resolve_path`). The app keeps one started, idle
kernel for the next page (:mod:`career_workbook.app_kernels`; it runs nothing in advance).

The server's own log goes to ``.career-workbook/logs/<lab|app>.log`` in the workspace
(``--verbose`` shows it instead); the person sees one line with the link. If the server
stops on its own, the end of its log is shown. SIGTERM, SIGHUP and Ctrl-C stop the server
too (asked politely first, killed after :data:`STOP_TIMEOUT` seconds).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ENV_WORKBOOK = "CAREER_WORKBOOK"
ENV_ROOT = "CAREER_WORKBOOK_ROOT"
START_NOTEBOOK = "00_start_here.ipynb"
READY_TIMEOUT = 120.0
"""Seconds a server may take to answer before the launch is given up."""
STOP_TIMEOUT = 10.0
"""Seconds a server gets to stop after SIGTERM before it is killed."""

LAB_SETTINGS = {
    # "Would you like to get notified about official Jupyter news?" is asked whenever
    # fetchNews is "none"; "false" means never ask and never fetch.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    # Widget messages on one kernel thread, in the order the page sent them: over subshells
    # (JupyterLab's default since 4.4), a field's last keystroke and the Save click that
    # follows it can be handled on two threads, and the click first (the same routing ran a
    # double click's second click during the first save: see ``quiet.Button.click``).
    "@jupyterlab/apputils-extension/kernels-settings.jupyterlab-settings":
        {"commsOverSubshells": "disabled"},
}


def notebooks_dir(start: str | Path | None = None) -> Path:
    """The guided notebooks to use: the workspace's (from ``start`` upward), else the
    ones installed with the package.

    >>> notebooks_dir("/").name
    'notebooks'
    """
    from career_workbook.resources import notebooks_source
    from career_workbook.scaffold import WorkspaceNotFound, find_workspace

    try:
        return find_workspace(start) / "notebooks"
    except WorkspaceNotFound:
        return notebooks_source()


APP_TEMPLATE = "career"
"""The app's Voila template: Voila's ``lab`` one with the page's JavaScript loading while the
server runs the cells (``career_workbook/app_template/voila/templates/career``)."""


def app_template_root() -> Path:
    """The Jupyter data folder holding :data:`APP_TEMPLATE` (put first on ``JUPYTER_PATH``).

    >>> (app_template_root() / "voila" / "templates" / APP_TEMPLATE / "index.html.j2").is_file()
    True
    """
    return Path(__file__).resolve().parent / "app_template"


def server_env(workbook: str | None, *, app: bool = False,
               workspace: str | Path | None = None) -> dict[str, str]:
    """Environment for the server: the preselected workbook (absolute) and, for the app, its
    root (the workbook's folder, else ``WORKSPACE/workbooks``, else ``./workbooks``).

    >>> env = server_env("examples/workbooks/x.yaml", app=True)
    >>> Path(env["CAREER_WORKBOOK"]).is_absolute()
    True
    >>> env["CAREER_WORKBOOK_ROOT"].endswith("workbooks")
    True
    >>> env["JUPYTER_PATH"].split(os.pathsep)[0] == str(app_template_root())
    True
    """
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # kernels pick their own (inline) backend
    if app:  # Voila finds its templates on JUPYTER_PATH (the app's own first)
        env["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (str(app_template_root()), env.get("JUPYTER_PATH", "")) if p)
    if workbook:
        path = Path(workbook).expanduser().resolve()
        env[ENV_WORKBOOK] = str(path)
        if app:
            env[ENV_ROOT] = str(path.parent)
    elif app:
        base = Path(workspace) if workspace else Path.cwd()
        env[ENV_ROOT] = str((base / "workbooks").resolve())
    return env


def _root_flag() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


# JupyterLab fetches news and update checks from the internet by default; the workbook
# promises that nothing leaves the machine, so both are switched off (the settings in
# LAB_SETTINGS also stop the popup that asks about news).
QUIET_LAB = ["--LabApp.news_url=None",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]


def lab_command(port: int, token: str, open_browser: bool = True,
                notebooks: str | Path | None = None,
                settings: str | Path | None = None) -> list[str]:
    """The ``jupyter lab`` command line (loopback only, token required, no news fetching).

    ``settings`` is a folder for JupyterLab's user settings and layouts (the workspace's).

    >>> cmd = lab_command(8888, "t0k", open_browser=False, notebooks="/tmp/nb")
    >>> "--ServerApp.ip=127.0.0.1" in cmd, "--IdentityProvider.token=t0k" in cmd
    (True, True)
    >>> "--ServerApp.root_dir=/tmp/nb" in cmd, "--no-browser" in cmd
    (True, True)
    >>> "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in cmd
    True
    """
    extra = []
    if settings:
        extra = [f"--LabApp.user_settings_dir={Path(settings) / 'user-settings'}",
                 f"--LabApp.workspaces_dir={Path(settings) / 'workspaces'}"]
    return [
        sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={notebooks or notebooks_dir()}",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", *QUIET_LAB,
        f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}", *extra,
        *([] if open_browser else ["--no-browser"]), *_root_flag(),
    ]


APP_HIDDEN = ("coach_overview.ipynb", ".*", "__pycache__", "*.new.ipynb", "*.pyc")
"""Files the app does not list: the coach's caseload view, hidden files, spare copies."""


def app_command(port: int, token: str, open_browser: bool = True,
                notebooks: str | Path | None = None) -> list[str]:
    """The ``voila`` command line: notebooks as an app, code hidden, loopback, token.

    Voila runs through :mod:`career_workbook.app_server` (its page template compiled once).

    The start page is the generated ``.start.ipynb`` (hidden files are served by the app
    only); ``coach_overview`` is not listed.

    >>> cmd = app_command(8866, "t0k", open_browser=False, notebooks="/tmp/nb")
    >>> cmd[3], "--token=t0k" in cmd, "--Voila.ip=127.0.0.1" in cmd
    ('/tmp/nb', True, True)
    """
    return [
        sys.executable, "-m", "career_workbook.app_server", str(notebooks or notebooks_dir()),
        "--Voila.ip=127.0.0.1", f"--port={port}", f"--token={token}",
        "--Voila.port_retries=0",
        "--VoilaConfiguration.show_tracebacks=False",
        # Voila's lab template, but the page's JavaScript loads while the cells run
        f"--VoilaConfiguration.template={APP_TEMPLATE}",
        # a started, idle kernel waits for the next page (it runs nothing in advance)
        "--VoilaConfiguration.multi_kernel_manager_class="
        "career_workbook.app_kernels.PooledKernelManager",
        "--VoilaConfiguration.classic_tree=True",  # a plain list of links, rendered server-side
        "--ContentsManager.allow_hidden=True",  # the generated start page is .start.ipynb
        *(f"--ContentsManager.hide_globs={glob}" for glob in APP_HIDDEN),
        *([] if open_browser else ["--no-browser"]),
    ]


# ----------------------------------------------------------------------------------------
# Running a server for a person
# ----------------------------------------------------------------------------------------
def free_port(preferred: int, tries: int = 50) -> int:
    """``preferred`` if nobody listens there on 127.0.0.1, else the next free one.

    >>> with socket.socket() as s:
    ...     s.bind(("127.0.0.1", 0)); s.listen(); taken = s.getsockname()[1]
    ...     free_port(taken) != taken
    True
    """
    for port in range(preferred, preferred + tries):
        if not 0 < port < 65536:
            break
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    """Whether ``url`` answers 200 within 3 s (the launched server is up).

    ``urllib.request`` is imported here, not with the module: every notebook's start cell
    imports this module (for the app template's style sheet) and never opens a URL.
    """
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


class _Stop(Exception):
    """Raised in the main thread when SIGTERM or SIGHUP arrives."""


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop(signum)


@dataclass
class Launch:
    """Everything needed to start one server and tell the person where it is."""

    name: str  # "lab" or "app"
    cmd: list[str]
    env: dict[str, str]
    url: str  # the link printed (with the token)
    ready_url: str  # answers 200 once the server is up
    log: Path | None  # where the server's output goes; None: the terminal (--verbose)


def _tail(log: Path | None, lines: int = 25) -> str:
    if log is None:
        return ""
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join("  " + line for line in text.splitlines()[-lines:])


def stop_process(proc: subprocess.Popen, timeout: float = STOP_TIMEOUT) -> int:
    """SIGTERM the server, wait ``timeout`` s, then SIGKILL its process group; exit code."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError, AttributeError):
                proc.kill()
            proc.wait(timeout=timeout)
    return proc.returncode


def run_server(launch: Launch, *, open_browser: bool = True) -> int:
    """Start the server, print its link once it answers, wait; stop it on any signal."""
    handles = {}
    if launch.log is not None:
        launch.log.parent.mkdir(parents=True, exist_ok=True)
        handle = launch.log.open("w", encoding="utf-8")
        handles = {"stdout": handle, "stderr": subprocess.STDOUT}
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    for sig in previous:
        signal.signal(sig, _raise_stop)
    proc = None
    try:
        proc = subprocess.Popen(launch.cmd, env=launch.env, stdin=subprocess.DEVNULL,
                                start_new_session=True, **handles)
        if handles:
            handles["stdout"].close()
        deadline = time.monotonic() + READY_TIMEOUT
        while not _answers(launch.ready_url):
            if proc.poll() is not None:
                print(f"career-workbook {launch.name}: the server stopped before it was "
                      f"ready (exit {proc.returncode}). Its last lines:\n{_tail(launch.log)}",
                      file=sys.stderr)
                return 1
            if time.monotonic() > deadline:
                print(f"career-workbook {launch.name}: the server did not answer within "
                      f"{READY_TIMEOUT:.0f} s. Its last lines:\n{_tail(launch.log)}",
                      file=sys.stderr)
                return 1
            time.sleep(0.25)
        print(f"Career Workbook {launch.name} is ready: {launch.url}   (Ctrl-C stops it)",
              flush=True)
        if open_browser:
            import webbrowser

            webbrowser.open(launch.url)
        code = proc.wait()
        if code not in (0, -signal.SIGTERM, -signal.SIGINT):
            print(f"career-workbook {launch.name}: the server stopped (exit {code}). "
                  f"Its last lines:\n{_tail(launch.log)}", file=sys.stderr)
            return 1
        return 0
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        if proc is not None:
            stop_process(proc)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def seed_lab_settings(settings: Path) -> None:
    """Write the JupyterLab user settings the workbook needs, keeping the person's others."""
    for name, wanted in LAB_SETTINGS.items():
        path = settings / "user-settings" / name
        try:
            current = json.loads(path.read_text(encoding="utf-8"))
            current = current if isinstance(current, dict) else {}
        except (OSError, ValueError):
            current = {}
        merged = {**current, **wanted}
        if merged != current or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")


def _workspace(workspace: str | Path | None) -> Path:
    from career_workbook.scaffold import find_workspace

    return find_workspace(workspace)


def lab(workbook: str | None = None, *, port: int = 8888, open_browser: bool = True,
        workspace: str | Path | None = None, verbose: bool = False) -> int:
    """Open JupyterLab on the workspace's notebooks at 00_start_here, ``workbook`` preselected."""
    ws = _workspace(workspace)
    settings = ws / ".career-workbook" / "lab"
    seed_lab_settings(settings)
    port, token = free_port(port), secrets.token_urlsafe(16)
    base = f"http://127.0.0.1:{port}"
    launch = Launch(
        "lab", lab_command(port, token, False, ws / "notebooks", settings),
        server_env(workbook, workspace=ws),
        f"{base}/lab/tree/{START_NOTEBOOK}?token={token}", f"{base}/api/status?token={token}",
        None if verbose else ws / ".career-workbook" / "logs" / "lab.log")
    return run_server(launch, open_browser=open_browser)


def app(workbook: str | None = None, *, port: int = 8866, open_browser: bool = True,
        workspace: str | Path | None = None, verbose: bool = False) -> int:
    """Serve the guided notebooks as a web app (Voila), opening on the start page."""
    from career_workbook.widgets.start_page import START_NOTEBOOK as START_PAGE
    from career_workbook.widgets.start_page import start_notebook

    ws = _workspace(workspace)
    notebooks = ws / "notebooks"
    page = notebooks / START_PAGE
    tmp = page.with_name(f"{START_PAGE}.tmp{os.getpid()}")
    tmp.write_text(start_notebook(), encoding="utf-8")
    os.replace(tmp, page)
    port, token = free_port(port), secrets.token_urlsafe(16)
    base = f"http://127.0.0.1:{port}"
    launch = Launch(
        "app", app_command(port, token, False, notebooks),
        server_env(workbook, app=True, workspace=ws),
        f"{base}/voila/render/{START_PAGE}?token={token}", f"{base}/?token={token}",
        None if verbose else ws / ".career-workbook" / "logs" / "app.log")
    return run_server(launch, open_browser=open_browser)
