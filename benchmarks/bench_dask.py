"""Throughput of ``--scheduler`` on a cluster that shares no disk with the coach.

Run: ``python benchmarks/bench_dask.py [--clients 200] [--notebooks 03] [--workers 1,2]``.
Writes N workbooks (``bench_cohort.generate``: trimmed examples, one in a thousand broken),
then for each worker count starts a real ``dask scheduler`` and that many ``dask worker``
processes (one thread each, no nanny) whose ``--preload`` (``tests/helpers/refuse_open.py``)
refuses any open under the coach's folder, and times, as the coach would run them:

- ``career-workbook pack --all WS --out PACKS --scheduler ADDR --force`` (default formats);
- ``career-workbook run WS --out RUNS --notebooks 03 --scheduler ADDR`` (one short guided
  notebook per client, executed by papermill in a kernel on the worker);
- ``career-workbook cohort WS --out C.csv --scheduler ADDR``.

Each row gives clients per minute (wall clock, cluster start-up excluded) and the ratio of
two workers to one. Not part of ``make test``; slow (a kernel per client for ``run``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from _table import row  # noqa: E402
from bench_cohort import TODAY, command, generate  # noqa: E402

from tests.helpers.scheduler import scheduler_address  # noqa: E402

PRELOAD = ROOT / "tests" / "helpers" / "refuse_open.py"


def _dask(*args: str, env: dict[str, str]) -> subprocess.Popen:
    dask = Path(sys.executable).with_name("dask")
    return subprocess.Popen([str(dask), *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


class Cluster:
    """A scheduler and ``workers`` worker processes that may not open under ``coach``."""

    def __init__(self, workers: int, coach: Path, scratch: Path):
        self.workers, self.procs = workers, []
        self.env = dict(os.environ, CW_REFUSE_UNDER=str(coach))
        self.env.pop("MPLBACKEND", None)
        self.info = scratch / f"scheduler-{workers}.json"

    def __enter__(self) -> str:
        from distributed import Client

        self.procs.append(_dask("scheduler", "--host", "127.0.0.1", "--port", "0",
                                "--no-dashboard", "--scheduler-file", str(self.info),
                                env=self.env))
        self.address = scheduler_address(self.info, self.procs[0])
        for _ in range(self.workers):
            self.procs.append(_dask("worker", self.address, "--nthreads", "1", "--no-nanny",
                                    "--no-dashboard", "--host", "127.0.0.1",
                                    "--preload", str(PRELOAD), env=self.env))
        with Client(self.address, timeout="30s") as client:
            client.wait_for_workers(self.workers, timeout=120)
        return self.address

    def __exit__(self, *exc: object) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return time.perf_counter() - start, done


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--notebooks", default="03", help="for run (default: 03, short)")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--only", default="pack,run,cohort", help="which commands")
    args = parser.parse_args(argv)
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("dask throughput: skipped (pip install 'career-workbook[dask]')")
        return 0
    counts = [int(w) for w in args.workers.split(",")]
    only = args.only.split(",")
    print(f"dask throughput: {args.clients} clients, workers {counts}, run --notebooks "
          f"{args.notebooks}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    scratch = Path(tempfile.mkdtemp(prefix="cw-bench-dask-"))
    coach = scratch / "coach"
    failed = False
    per_minute: dict[tuple[str, int], float] = {}
    try:
        ws = generate(coach / "ws", args.clients)
        jobs = {
            "pack": lambda addr, n: ["pack", "--all", str(ws), "--out",
                                     str(coach / f"packs{n}"), "--force"],
            "run": lambda addr, n: ["run", str(ws), "--out", str(coach / f"runs{n}"),
                                    "--notebooks", args.notebooks],
            "cohort": lambda addr, n: ["cohort", str(ws), "--out",
                                       str(coach / f"cohort{n}" / "cohort.csv")],
        }
        for n in counts:
            with Cluster(n, coach, scratch) as address:
                for verb in only:
                    cmd = [*command(), *jobs[verb](address, n), "--today", TODAY,
                           "--scheduler", address]
                    seconds, done = timed(cmd)
                    rate = args.clients / seconds * 60
                    per_minute[(verb, n)] = rate
                    print(f"  {verb:6} {n} worker(s): {seconds:7.1f} s, {rate:7.1f} clients/min,"
                          f" exit {done.returncode}; load average {os.getloadavg()[0]:.1f}",
                          flush=True)
                    if done.returncode not in (0, 1):  # 1: the broken workbook(s)
                        print(done.stdout[-2000:] + done.stderr[-2000:])
                        failed = True
                    row(f"{verb} {args.clients} clients on {n} Dask worker(s)", "-",
                        f"{rate:.0f} clients/min ({seconds:.0f} s)", 0, True)
        for verb in only:
            if (verb, 1) in per_minute and (verb, 2) in per_minute:
                speedup = per_minute[(verb, 2)] / per_minute[(verb, 1)]
                print(f"  {verb}: 2 workers / 1 worker = {speedup:.2f}x")
                row(f"{verb} on Dask, 2 workers / 1 worker", "-", f"{speedup:.2f}x", 0, True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
