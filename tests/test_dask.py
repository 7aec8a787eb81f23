"""``pack`` and ``run`` on a Dask cluster (``--scheduler ADDRESS``, career-workbook[dask])."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from career_workbook import cli, store
from tests.helpers.notebooks import parameters_notebook

distributed = pytest.importorskip("distributed", reason="the [dask] extra is part of [dev]")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
BROKEN = "person: {name: Broken}\nskills: 5\n"


@pytest.fixture(scope="module")
def scheduler():
    """A local cluster of two single-threaded worker processes, shared by this module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_pack_on_a_dask_cluster_builds_packs_and_reports_the_broken_workbook(
        scheduler, tmp_path, capsys):
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(EXAMPLES / "mei_career_changer.yaml", ws)
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    out = tmp_path / "packs"
    code = cli.main(["pack", "--all", str(ws), "--out", str(out), "--today", "2026-11-22",
                     "--scheduler", scheduler])
    printed = capsys.readouterr().out
    assert code == 1
    assert f"Packed 1 of 2 client(s) into {out}" in printed
    assert "FAILED broken.yaml: skills = 5: Input should be a valid list" in printed
    pack = out / "mei_career_changer"
    assert (pack / "review.pdf").stat().st_size > 10_000
    assert (pack / "review.html").stat().st_size > 10_000
    assert len(list((pack / "charts").glob("*.png"))) >= 5
    assert sorted(p.name for p in out.iterdir()) == ["mei_career_changer"]


@pytest.mark.slow
def test_run_on_a_dask_cluster(scheduler, tmp_path, capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    parameters_notebook(folder / "09_progress_review.ipynb",
                        "import json\nprint(json.dumps({'workbook': workbook, 'today': today}))")
    store.new(tmp_path / "ana.yaml", "Ana")
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    code = cli.main(["run", str(tmp_path / "ana.yaml"), str(tmp_path / "broken.yaml"),
                     "--out", str(tmp_path / "runs"), "--notebooks", "09",
                     "--notebooks-dir", str(folder), "--today", "2026-11-22",
                     "--scheduler", scheduler])
    printed = capsys.readouterr().out
    assert code == 1 and "Ran notebooks for 1 of 2 client(s)" in printed
    assert "FAILED broken.yaml: skills = 5" in printed
    done = nbformat.read(tmp_path / "runs" / "ana" / "09_progress_review.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in done.cells for o in c.get("outputs", []))
    ran = json.loads(text.strip().splitlines()[-1])
    assert ran["today"] == "2026-11-22"
    # the kernel read the shipped copy on the worker's own disk, not the coach's file
    assert Path(ran["workbook"]).name == "ana.yaml"
    assert Path(ran["workbook"]) != (tmp_path / "ana.yaml").resolve()


def _results_held(address: str, prefix: str) -> int:
    """How many finished results whose key starts with ``prefix`` the cluster still keeps."""
    with distributed.Client(address, set_as_default=False) as client:
        return client.run_on_scheduler(lambda dask_scheduler: sum(
            1 for key, task in dask_scheduler.tasks.items()
            if str(key).startswith(prefix) and task.state == "memory"))


@pytest.mark.slow
def test_the_cluster_drops_each_result_once_the_coach_has_it(scheduler):
    """A pack is megabytes: results kept on the workers until the whole caseload was done
    made a 200-client pack on 2 workers slower than on 1 (each worker grew past 1 GB)."""
    import time

    from career_workbook.batch import parallel_map

    items = [100_000 + i for i in range(6)]
    stream = parallel_map(bytes, items, scheduler=scheduler)
    got = [next(stream) for _ in items]  # every result here; the stream not yet closed
    assert sorted(len(result) for _, result, err in got) == items
    deadline = time.monotonic() + 10
    while (held := _results_held(scheduler, "bytes-")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert held == 0
    stream.close()
