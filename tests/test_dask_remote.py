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
        end = time.monotonic() + 60
        while not info.exists() and time.monotonic() < end:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
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
