"""``career-workbook lab`` / ``app`` for real: one line with a working link, a free port,
00_start_here (lab) or the start page (app), no news popup, and SIGTERM stops the server."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from career_workbook import server
from career_workbook.scaffold import init_workspace

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"



def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except OSError:
        return 0, ""


def _unescape_json(page: str) -> str:
    r"""Undo JSON string escapes (``\u003c`` -> ``<``, ``\"`` -> ``"``) in a page."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)
    return html.unescape(text.replace('\\"', '"'))


def _private_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTER_DATA_DIR", "data"), ("IPYTHONDIR", "ipython"),
                     ("MPLCONFIGDIR", "mpl")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _processes_mentioning(text: str) -> list[int]:
    """PIDs whose command line contains ``text`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if text in cmdline:
                found.append(int(entry.name))
    return found


def _start(command: str, ws: Path, port: int, *extra: str) -> tuple[subprocess.Popen, str]:
    """Start ``career-workbook COMMAND`` in ``ws``; its process and the one line it printed."""
    err = (ws.parent / f"{command}.stderr").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "career_workbook", command, *extra, "--no-browser",
         "--port", str(port)],
        cwd=ws, env=_private_env(ws.parent / "jupyter"), stdout=subprocess.PIPE,
        stderr=err, text=True)
    err.close()
    line = proc.stdout.readline()  # blocks until the server answers (or the command ends)
    if not line:
        proc.wait(timeout=30)
        raise AssertionError(f"{command} printed nothing and exited {proc.returncode}: "
                             f"{(ws.parent / f'{command}.stderr').read_text()}")
    return proc, line


def _stop_and_check(proc: subprocess.Popen, ws: Path, url: str) -> None:
    children = [pid for pid in _processes_mentioning(str(ws / "notebooks")) if pid != proc.pid]
    assert children, "the server process was not found"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    deadline = time.monotonic() + 20
    while _processes_mentioning(str(ws / "notebooks")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _processes_mentioning(str(ws / "notebooks")), "the server outlived SIGTERM"
    assert _get(url)[0] == 0, "the server still answers after SIGTERM"
    assert proc.stdout.read() == ""  # nothing after the one line


@pytest.fixture
def workspace(tmp_path) -> Path:
    ws = tmp_path / "my-career"
    init_workspace(ws)
    return ws


@pytest.mark.slow
def test_lab_prints_one_working_link_to_00_on_a_free_port_and_stops_on_sigterm(workspace):
    with socket.socket() as taken:  # the port asked for is busy (e.g. another `make lab`)
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        proc, line = _start("lab", workspace, busy)
        try:
            assert line.startswith("Career Workbook lab is ready: http://127.0.0.1:")
            url = line.split()[5]
            port = int(url.split(":")[2].split("/")[0])
            assert port != busy and "/lab/tree/00_start_here.ipynb?token=" in url
            status, page = _get(url)
            assert status == 200 and "JupyterLab" in page
            # The news question is asked when fetchNews is "none": the workspace says "false".
            token = url.split("token=")[1]
            status, body = _get(f"http://127.0.0.1:{port}/lab/api/settings/"
                                "@jupyterlab/apputils-extension:notification",
                                {"Authorization": f"token {token}"})
            settings = json.loads(body)["settings"]
            assert status == 200 and settings["fetchNews"] == "false"
            assert settings["checkForUpdates"] is False
            status, body = _get(f"http://127.0.0.1:{port}/lab/api/settings/"
                                "@jupyterlab/apputils-extension:kernels-settings",
                                {"Authorization": f"token {token}"})
            assert status == 200
            assert json.loads(body)["settings"]["commsOverSubshells"] == "disabled"
            # the file list holds the notebooks only (no conftest.py)
            status, body = _get(f"http://127.0.0.1:{port}/api/contents?token={token}")
            names = sorted(item["name"] for item in json.loads(body)["content"])
            assert names[0] == "00_start_here.ipynb"
            assert all(n.endswith(".ipynb") for n in names), names
            assert (workspace.parent / "lab.stderr").read_text() == ""  # no wall of log
        finally:
            if proc.poll() is None:
                _stop_and_check(proc, workspace, url)


@pytest.mark.slow
def test_app_opens_on_a_start_page_with_progress_and_stops_on_sigterm(workspace):
    wb = workspace / "workbooks" / EXAMPLE.name
    wb.write_bytes(EXAMPLE.read_bytes())
    proc, line = _start("app", workspace, 8866, str(wb))
    url = ""
    try:
        assert line.startswith("Career Workbook app is ready: http://127.0.0.1:")
        url = line.split()[5]
        assert "/voila/render/.start.ipynb?token=" in url
        status, page = _get(url)
        text = _unescape_json(page)  # Voila 0.5 ships the outputs as JSON inside the page
        assert status == 200
        assert "Your career workbook" in text and "Welcome back, Priya" in text
        titles = ["Start here", "Self-assessment", "360 feedback", "Vision and values",
                  "SMART goals", "Skill gap", "Action plan", "Network",
                  "Achievements and learning", "Progress review"]
        positions = [text.index(f". {t}</strong>") for t in titles]
        assert positions == sorted(positions)
        assert "skills rated" in text and "check-in" in text
        assert "coach_overview" not in text
        base, token = url.split("/voila/")[0], url.split("token=")[1]
        status, tree = _get(f"{base}/?token={token}")
        assert status == 200 and "01_self_assessment.ipynb" in tree
        assert "coach_overview" not in tree and ".start.ipynb" not in tree
    finally:
        if proc.poll() is None:
            _stop_and_check(proc, workspace, url)


def test_a_server_that_dies_shows_its_last_lines(tmp_path, capsys):
    launch = server.Launch(
        "lab", [sys.executable, "-c", "print('Address already in use: boom'); raise "
                "SystemExit(3)"], dict(os.environ), "http://127.0.0.1:9/x",
        "http://127.0.0.1:9/x", tmp_path / "logs" / "lab.log")
    assert server.run_server(launch, open_browser=False) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "stopped before it was ready (exit 3)" in captured.err and "boom" in captured.err


def test_sigterm_stops_a_server_that_ignores_it(tmp_path):
    stubborn = subprocess.Popen(
        [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, "
         "signal.SIG_IGN); print('up', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, start_new_session=True)
    assert stubborn.stdout.readline() == "up\n"
    started = time.monotonic()
    code = server.stop_process(stubborn, timeout=1.0)
    assert code == -signal.SIGKILL and time.monotonic() - started < 10


def test_lab_settings_keep_the_persons_other_choices(tmp_path):
    path = tmp_path / "user-settings" / "@jupyterlab" / "apputils-extension" / \
        "notification.jupyterlab-settings"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"doNotDisturbMode": True, "fetchNews": "none"}))
    server.seed_lab_settings(tmp_path)
    assert json.loads(path.read_text()) == {"doNotDisturbMode": True, "fetchNews": "false",
                                            "checkForUpdates": False}


def test_app_command_hides_the_coach_view_and_serves_the_start_page():
    cmd = server.app_command(8866, "t", open_browser=False, notebooks="/tmp/nb")
    assert "--ContentsManager.hide_globs=coach_overview.ipynb" in cmd
    assert "--ContentsManager.allow_hidden=True" in cmd
