"""``pack --scheduler`` on a cluster that shares no disk with the coach.

A real ``dask scheduler`` and ``dask worker`` run as separate processes; the worker's
``--preload`` refuses any open under the coach's folder, so the workbook's bytes must be
shipped to it and the pack's files brought back and written by the coach's process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from career_workbook import cli
from tests.helpers.notebooks import parameters_notebook
from tests.helpers.scheduler import scheduler_address

distributed = pytest.importorskip("distributed", reason="the [dask] extra is part of [dev]")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
PRELOAD = ROOT / "tests" / "helpers" / "refuse_open.py"
BROKEN = "person: {name: Broken}\nskills: 5\n"


def _dask(*args: str, env: dict[str, str]) -> subprocess.Popen:
    dask = Path(sys.executable).with_name("dask")
    return subprocess.Popen([str(dask), *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


@pytest.fixture
def remote_cluster(tmp_path):
    """(scheduler address, coach folder): one worker process that cannot open the folder."""
    coach = tmp_path / "coach"
    coach.mkdir()
    info = tmp_path / "scheduler.json"
    env = dict(os.environ, CW_REFUSE_UNDER=str(coach))
    env.pop("MPLBACKEND", None)
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                   "--scheduler-file", str(info), env=env)]
    try:
        address = scheduler_address(info, procs[0])
        procs.append(_dask("worker", address, "--nthreads", "1",
                           "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                           "--preload", str(PRELOAD), env=env))
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(1, timeout=60)
        yield address, coach
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:  # a worker whose scheduler went first can linger: then kill it
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.mark.slow
def test_pack_ships_bytes_to_a_worker_that_cannot_see_the_coachs_disk(remote_cluster):
    address, coach = remote_cluster
    ws = coach / "ws"
    ws.mkdir()
    shutil.copy(EXAMPLES / "mei_career_changer.yaml", ws)
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    with (distributed.Client(address, timeout="30s") as client,  # the guard is in place
          pytest.raises(PermissionError, match="may not open")):
        client.submit(Path.read_bytes, ws / "broken.yaml", pure=False).result()
    out = coach / "packs"
    args = ["pack", "--all", str(ws), "--out", str(out), "--today", "2026-11-22",
            "--scheduler", address]
    code = cli.main(args)
    assert code == 1  # the broken workbook
    pack = out / "mei_career_changer"
    assert (pack / "review.pdf").read_bytes().startswith(b"%PDF-")
    assert (pack / "review.html").stat().st_size > 10_000
    assert len(list((pack / "charts").glob("*.png"))) >= 5
    assert (pack / ".fingerprint").exists()
    assert sorted(p.name for p in out.iterdir()) == ["mei_career_changer"], "no temp folder"
    mtime = (pack / "review.pdf").stat().st_mtime_ns
    assert cli.main(args) == 1
    assert (pack / "review.pdf").stat().st_mtime_ns == mtime, "unchanged: kept, not shipped"


@pytest.mark.slow
def test_cohort_ships_bytes_and_gets_the_same_csv_back(remote_cluster, tmp_path):
    address, coach = remote_cluster
    ws = coach / "ws"
    ws.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(path, ws)
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (ws / "utf16.yaml").write_bytes("person: {name: Sam}\n".encode("utf-16"))
    here = tmp_path / "here.csv"
    assert cli.main(["cohort", str(ws), "--out", str(here), "--today", "2026-11-22",
                     "--jobs", "1", "--no-charts"]) == 1
    there = coach / "cohort" / "cohort.csv"
    code = cli.main(["cohort", str(ws), "--out", str(there), "--today", "2026-11-22",
                     "--scheduler", address])
    assert code == 1  # the broken workbooks
    assert there.read_bytes() == here.read_bytes()
    assert "skills = 5: Input should be a valid list" in there.read_text(encoding="utf-8")
    assert sorted(p.suffix for p in there.parent.iterdir()) == [".csv", *[".png"] * 3,
                                                                *[".svg"] * 3]


def _failing_notebooks(folder: Path) -> Path:
    """A notebooks folder whose 01 stops with an error in its second cell."""
    import nbformat

    folder.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "01_self_assessment.ipynb", as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell("raise ValueError('stop here')"))
    nbformat.write(nb, folder / "01_self_assessment.ipynb")
    return folder


@pytest.mark.slow
def test_run_ships_bytes_and_writes_the_executed_notebooks_here(remote_cluster, capsys):
    address, coach = remote_cluster
    ws = coach / "ws"
    ws.mkdir()
    shutil.copy(EXAMPLES / "mei_career_changer.yaml", ws)
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    out = coach / "runs"
    args = ["run", str(ws), "--out", str(out), "--notebooks", "01", "--today", "2026-11-22",
            "--export", "--scheduler", address]
    assert cli.main(args) == 1  # the broken workbook
    client = out / "mei_career_changer"
    done = json.loads((client / "01_self_assessment.ipynb").read_text(encoding="utf-8"))
    outputs = [o for cell in done["cells"] for o in cell.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs), "charts drawn"
    assert not any(o.get("output_type") == "error" for o in outputs)
    assert list((client / "charts").glob("*.png")), "exported charts came back"
    assert sorted(p.name for p in out.iterdir()) == ["mei_career_changer"]
    assert not [p for p in client.rglob("*") if ".tmp" in p.name], "no temporary file"

    # a notebook that fails on the worker: its .error.ipynb comes back, named here
    failing = _failing_notebooks(coach / "failing")
    assert cli.main([*args, "--notebooks-dir", str(failing)]) == 1
    error_nb = client / "01_self_assessment.error.ipynb"
    assert "stop here" in error_nb.read_text(encoding="utf-8")
    assert f"(see {error_nb})" in capsys.readouterr().out
    assert (client / "01_self_assessment.ipynb").exists(), "the last good run is kept"
    assert cli.main(args) == 1
    assert not error_nb.exists(), "a good run removes the stale error notebook"


CUSTOM_ROLES = """\
roles:
  - id: senior_data_scientist
    title: Senior Data Scientist
    family: Data
    aliases: []
    summary: Custom.
    skills:
      Python: {target: 3, importance: 5}
      SQL: {target: 3, importance: 4}
"""


def _readiness(html: Path) -> str:
    import re

    text = re.sub(r"<[^>]*>", "", html.read_text(encoding="utf-8"))
    return re.search(r"Readiness\D*(\d+)%", text).group(1)


def _coach_catalog(coach: Path, monkeypatch) -> Path:
    """The coach's custom role catalog in ``coach/mycat`` (named by CAREER_WORKBOOK_CATALOG
    in the coach's process only) and a workspace ``coach/ws`` holding Priya's example."""
    catalog = coach / "mycat"
    catalog.mkdir()
    (catalog / "roles.yaml").write_text(CUSTOM_ROLES, encoding="utf-8")
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", str(catalog))
    ws = coach / "ws"
    ws.mkdir()
    shutil.copy(EXAMPLES / "priya_data_analyst.yaml", ws)
    return ws


@pytest.mark.slow
def test_the_coachs_catalog_is_shipped_to_workers_that_lack_it(remote_cluster, monkeypatch,
                                                                 capsys):
    # The worker's environment has no CAREER_WORKBOOK_CATALOG and it may not open the
    # coach's folder: the coach's custom role must reach it with the workbook.
    address, coach = remote_cluster
    ws = _coach_catalog(coach, monkeypatch)
    catalog = coach / "mycat"
    common = ["--today", "2026-11-22"]
    here, there = coach / "here", coach / "there"
    assert cli.main(["pack", str(ws), "--out", str(here), "--formats", "html", *common]) == 0
    expected = _readiness(here / "priya_data_analyst" / "review.html")
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", "")
    assert cli.main(["pack", str(ws), "--out", str(coach / "shipped"), "--formats", "html",
                     *common]) == 0
    assert _readiness(coach / "shipped" / "priya_data_analyst" / "review.html") != expected
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", str(catalog))

    args = ["pack", str(ws), "--out", str(there), "--formats", "html", *common]
    assert cli.main([*args, "--scheduler", address]) == 0
    assert _readiness(there / "priya_data_analyst" / "review.html") == expected
    assert ((there / "priya_data_analyst" / ".fingerprint").read_text()
            == (here / "priya_data_analyst" / ".fingerprint").read_text())
    capsys.readouterr()
    assert cli.main(args) == 0  # here, with the same catalog: the pack is current
    assert "1 unchanged" in capsys.readouterr().out

    csv_here, csv_there = coach / "c" / "here.csv", coach / "c" / "there.csv"
    assert cli.main(["cohort", str(ws), "--out", str(csv_here), "--no-charts", "--jobs", "1",
                     *common]) == 0
    assert cli.main(["cohort", str(ws), "--out", str(csv_there), "--no-charts",
                     "--scheduler", address, *common]) == 0
    assert csv_there.read_bytes() == csv_here.read_bytes()
    assert f",{expected}," in csv_there.read_text(encoding="utf-8")  # as the cover: whole %


@pytest.mark.slow
def test_run_kernels_on_a_worker_use_the_coachs_catalog(remote_cluster, monkeypatch):
    address, coach = remote_cluster
    ws = _coach_catalog(coach, monkeypatch)
    folder = coach / "nbs"
    folder.mkdir()
    parameters_notebook(folder / "01_self_assessment.ipynb",
                        "from career_workbook.catalog import load_catalog\n"
                        "print(sorted(load_catalog().role('senior_data_scientist').skills))")
    out = coach / "runs"
    assert cli.main(["run", str(ws), "--out", str(out), "--notebooks", "01",
                     "--notebooks-dir", str(folder), "--scheduler", address]) == 0
    done = (out / "priya_data_analyst" / "01_self_assessment.ipynb").read_text(encoding="utf-8")
    assert "['Python', 'SQL']" in done


@pytest.fixture
def lonely_scheduler(tmp_path):
    """The address of a scheduler that has no worker."""
    info = tmp_path / "scheduler.json"
    env = dict(os.environ)
    proc = _dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                 "--scheduler-file", str(info), env=env)
    try:
        yield scheduler_address(info, proc)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_a_cluster_without_workers_stops_the_batch_with_one_line(lonely_scheduler, tmp_path,
                                                                  monkeypatch, capsys):
    from career_workbook import batch

    monkeypatch.setattr(batch, "NO_WORKER_SECONDS", 1.0)
    monkeypatch.setattr(batch, "_POLL_SECONDS", 0.5)
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(EXAMPLES / "priya_data_analyst.yaml", ws)
    start = time.monotonic()
    code = cli.main(["pack", "--all", str(ws), "--out", str(tmp_path / "packs"),
                     "--scheduler", lonely_scheduler])
    assert time.monotonic() - start < 30
    assert code == 1
    err = capsys.readouterr().err
    assert f"the Dask scheduler at {lonely_scheduler} has had no worker for 1 s" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_the_scheduler_file_is_read_once_it_is_whole(tmp_path):
    # a CI run found the scheduler's file empty (written in place, not moved there) and the
    # fixture failed on json.loads(""); the address is read once the file parses
    import threading

    info = tmp_path / "scheduler.json"
    info.write_text("", encoding="utf-8")
    writer = threading.Timer(0.5, info.write_text, ['{"address": "tcp://127.0.0.1:1"}'])
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        writer.start()
        assert scheduler_address(info, alive, wait=20) == "tcp://127.0.0.1:1"
    finally:
        writer.cancel()
        alive.kill()
        alive.wait()
