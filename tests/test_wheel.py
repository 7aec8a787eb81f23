"""The built wheel, installed into a new venv outside the checkout, used as a person would.

``python -m build`` makes the sdist and (from it) the wheel; ``twine check`` passes; the
wheel carries the notebooks and examples. Then, in a folder far from the checkout and with
nothing of the checkout importable: ``init``, ``new``, ``run --notebooks 01,09``, ``pack``,
``validate``, ``lab`` and ``app`` (their pages answer 200 with the token), and a second
``init`` keeps a notebook the person edited.

Slow (a few minutes: building, and pip installing JupyterLab and friends from its cache);
``make test`` runs it on its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.slow


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 600,
         ok: tuple[int, ...] = (0,)) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    shown = f"$ {' '.join(map(str, cmd))}\n{done.stdout}{done.stderr}"
    print(shown)
    assert done.returncode in ok, shown
    return done.stdout


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return 0


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=out,
         env=dict(os.environ), timeout=900)
    _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, out.iterdir())],
         cwd=out, env=dict(os.environ))
    return out


def test_the_wheel_carries_the_notebooks_examples_and_licence(dist):
    wheel = next(dist.glob("career_workbook-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n.split("/")[-1] for n in names
                     if n.startswith("career_workbook/notebooks/"))
    assert shipped == NOTEBOOKS and "00_start_here.ipynb" in shipped
    assert "career_workbook/examples/workbooks/priya_data_analyst.yaml" in names
    assert "career_workbook/examples/feedback_import_sample.csv" in names
    # the app's Voila template (career-workbook app passes --template=career)
    assert "career_workbook/app_template/voila/templates/career/index.html.j2" in names
    assert "career_workbook/app_template/voila/templates/career/conf.json" in names
    assert "career_workbook/app_server.py" in names  # career-workbook app runs Voila through it
    assert not [n for n in names if "conftest" in n or "checkpoint" in n or "tests/" in n]
    meta = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: BSD-3-Clause" in meta
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    sdist = next(dist.glob("career_workbook-*.tar.gz"))
    import tarfile

    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    for needed in ("notebooks/00_start_here.ipynb", "tests/test_wheel.py", "LICENSE",
                   "examples/workbooks/priya_data_analyst.yaml", "environment.yml"):
        assert any(m.endswith(f"/{needed}") for m in members), needed
    assert not any("/.workspace" in m for m in members)


def _serve(cli: Path, command: str, cwd: Path, env: dict[str, str], *args: str) -> None:
    """Start ``career-workbook COMMAND``, fetch the page it links to, stop it with SIGTERM."""
    proc = subprocess.Popen([str(cli), command, *args, "--no-browser", "--port", "18888"],
                            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stdout.readline()
        print(f"$ career-workbook {command} {' '.join(args)} --no-browser\n{line}")
        assert line.startswith(f"Career Workbook {command} is ready: http://127.0.0.1:"), \
            line + proc.stderr.read() if proc.poll() is not None else line
        url = line.split()[5]
        assert "token=" in url and _get(url) == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0


def test_pip_install_then_init_new_run_pack_validate_lab_app_far_from_the_checkout(
        dist, tmp_path):
    started = time.monotonic()
    wheel = next(dist.glob("career_workbook-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "MPLBACKEND", "CAREER_WORKBOOK",
                        "CAREER_WORKBOOK_ROOT", "PYTHONHOME")}
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTER_DATA_DIR", "data"), ("IPYTHONDIR", "ipython"),
                     ("MPLCONFIGDIR", "mpl")):
        (tmp_path / "jupyter" / sub).mkdir(parents=True)
        env[var] = str(tmp_path / "jupyter" / sub)
    bin_ = venv / "bin"
    env["PATH"] = f"{bin_}{os.pathsep}{env.get('PATH', '')}"
    far = tmp_path / "home" / "person"
    far.mkdir(parents=True)
    _run([str(bin_ / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=far,
         env=env, timeout=900)
    installed = time.monotonic()
    cli = bin_ / "career-workbook"

    where = _run([str(bin_ / "python"), "-c", "import career_workbook; "
                  "print(career_workbook.__file__)"], cwd=far, env=env).strip()
    assert not Path(where).resolve().is_relative_to(ROOT), where
    assert Path(where).resolve().is_relative_to(venv.resolve()), where

    out = _run([str(cli), "init", "my-career"], cwd=far, env=env)
    assert "Created your workspace" in out and "Next: cd my-career && career-workbook lab" in out
    ws = far / "my-career"
    assert sorted(p.name for p in (ws / "notebooks").iterdir()) == NOTEBOOKS
    out = _run([str(cli), "new", "Sam Lee", "--dir", "workbooks", "--target-role",
                "Data Analyst"], cwd=ws, env=env)
    assert "Created" in out
    (ws / "workbooks" / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    _run([str(cli), "run", "workbooks", "--out", "out/runs", "--notebooks", "01,09",
          "--today", "2026-11-22", "--jobs", "2"], cwd=ws, env=env, timeout=900)
    for client in ("sam_lee", "priya_data_analyst"):
        ran = sorted(p.name for p in (ws / "out" / "runs" / client).glob("*.ipynb"))
        assert ran == ["01_self_assessment.ipynb", "09_progress_review.ipynb"], ran
    _run([str(cli), "pack", "--all", "workbooks", "--out", "out/packs", "--today",
          "2026-11-22", "--jobs", "2"], cwd=ws, env=env, timeout=900)
    assert (ws / "out" / "packs" / "priya_data_analyst" / "review.pdf").stat().st_size > 10_000
    out = _run([str(cli), "validate", "workbooks"], cwd=ws, env=env)
    assert out.count(": ok") == 2

    _serve(cli, "lab", ws, env)
    _serve(cli, "app", ws / "workbooks", env, "sam_lee.yaml")

    # A second init over the workspace keeps a notebook the person edited.
    mine = ws / "notebooks" / "04_smart_goals.ipynb"
    nb = json.loads(mine.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = ["# My own goals page\n"]
    mine.write_text(json.dumps(nb), encoding="utf-8")
    before = mine.read_bytes()
    _run([str(cli), "init", "."], cwd=ws, env=env)
    assert mine.read_bytes() == before
    _run([str(bin_ / "python"), "-m", "career_workbook", "--version"], cwd=ws, env=env)
    print(f"pip install: {installed - started:.0f} s; the whole journey: "
          f"{time.monotonic() - started:.0f} s")
