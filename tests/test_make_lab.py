"""``make lab`` works in a git-ignored workspace: a session leaves ``git status`` as it was."""

from __future__ import annotations

import json
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                          timeout=60)


@pytest.fixture(scope="module")
def git_checkout() -> None:
    if shutil.which("git") is None or _git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout (e.g. an unpacked sdist): nothing to keep clean")


def _make_lines(target: str, **variables: str) -> list[str]:
    args = [f"{k}={v}" for k, v in variables.items()]
    done = subprocess.run(["make", "-n", "-C", str(ROOT), target, *args], capture_output=True,
                          text=True, timeout=60, check=True)
    return [line for line in done.stdout.splitlines() if "career-workbook " in line]


@pytest.mark.parametrize("target", ["lab", "app"])
def test_make_lab_and_app_run_in_the_ignored_workspace(git_checkout, target):
    lines = _make_lines(target)
    assert len(lines) == 2, lines
    assert lines[0].split()[1:] == ["init", "--quiet", ".workspace"]
    words = lines[1].split()
    assert words[1] == target and words[words.index("--workspace") + 1] == ".workspace"
    for inside in (".workspace/notebooks/00_start_here.ipynb",
                   ".workspace/workbooks/my_workbook.yaml",
                   ".workspace/.career-workbook/logs/lab.log"):
        assert _git("check-ignore", "-q", inside).returncode == 0, f"{inside} is not ignored"


@pytest.mark.slow
def test_a_make_lab_session_leaves_git_status_unchanged(git_checkout, tmp_path):
    """Run the commands `make lab` runs; autosave a notebook with outputs and create a
    workbook, as a browser session does; then git sees no change at all."""
    before = _git("status", "--porcelain", "--untracked-files=all").stdout
    name = f".workspace-test-{secrets.token_hex(4)}"
    init, lab = _make_lines("lab", WORKSPACE=name, PORT="18890")
    command = [sys.executable, "-m", "career_workbook"]
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "CAREER_WORKBOOK")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
        env[var] = str(tmp_path / var)
    try:
        subprocess.run(command + shlex.split(init)[1:], cwd=ROOT, env=env, check=True,
                       timeout=120, capture_output=True)
        proc = subprocess.Popen(command + shlex.split(lab)[1:] + ["--no-browser"], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, text=True)
        try:
            url = proc.stdout.readline().split()[5]
            base, token = url.split("/lab/")[0], url.split("token=")[1]
            path = "00_start_here.ipynb"
            request = urllib.request.Request(f"{base}/api/contents/{path}?token={token}")
            with urllib.request.urlopen(request, timeout=60) as response:
                model = json.load(response)
            cell = next(c for c in model["content"]["cells"] if c["cell_type"] == "code")
            cell["outputs"] = [{"output_type": "stream", "name": "stdout",
                                "text": "Priya Raman, priya@example.org\n"}]
            cell["execution_count"] = 1
            body = json.dumps({"type": "notebook", "format": "json",
                               "content": model["content"]}).encode()
            save = urllib.request.Request(f"{base}/api/contents/{path}?token={token}",
                                          data=body, method="PUT",
                                          headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(save, timeout=60) as response:
                assert response.status == 200
        finally:
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=60) == 0
        saved = (ROOT / name / "notebooks" / path).read_text(encoding="utf-8")
        assert "priya@example.org" in saved  # the autosave happened, in the workspace
        (ROOT / name / "workbooks" / "my_workbook.yaml").write_text("person: {name: P}\n")
        after = _git("status", "--porcelain", "--untracked-files=all").stdout
        assert after == before
    finally:
        shutil.rmtree(ROOT / name, ignore_errors=True)
