"""How fast ``career-workbook cohort`` summarises a big caseload, and how much memory it needs.

Run: ``python benchmarks/bench_cohort.py [N ...]`` (default: 1000 10000). For each N it
writes N workbooks into a temporary folder (not timed): the example workbooks, trimmed to
a few months of entries, with rotated names, target roles (half of them free text, so role
matching is exercised) and dates shifted by 0-119 days; one file in a thousand is broken.
Then it times the whole command in a subprocess, end to end (CSV and charts included), and
runs it once more to sample the resident memory (sum of RSS, an upper bound: shared pages
count once per process) and CPU time of the command's whole process tree, workers
included.

Targets (issue 15): 10,000 workbooks <= 15 s, peak memory < 1 GB (1,000: <= 3 s). Beside
them, as a reference for how fast the machine is, the floor: the stack's YAML parser alone
over the same files in as many processes (``_cohort_floor.py``).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import row  # noqa: E402

from career_workbook import store  # noqa: E402

TODAY = "2026-11-22"
TARGETS = {1000: 3.0, 10000: 15.0}
MEMORY_LIMIT_MB = 1024
FIRST = ["Ana", "Ben", "Chloe", "Dev", "Ema", "Farid", "Grace", "Hugo", "Ines", "Jun", "Kofi",
         "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma"]
LAST = ["Abe", "Berg", "Costa", "Diallo", "Evans", "Fischer", "Garcia", "Hoang", "Ito",
        "Jensen", "Kowalski", "Lopez", "Moreau", "Nguyen", "Okoro", "Park", "Quispe", "Rossi"]
ROLES = ["Senior Data Scientist", "data scientist", "Engineering Manager", "Head of Nursing",
         "Ward Manager", "UX designer", "Lead Cloud Engineer (AWS)", "Product Manager",
         "Sr. Software Engineer", "Team lead, platform", "HR business partner", "astronaut",
         "Marketing manager", "Operations Director", "Business analyst", "Data engineer"]
_DATE = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")


def _templates() -> list[str]:
    """YAML texts of trimmed examples, with ``@@NAME@@`` / ``@@ROLE@@`` placeholders."""
    out = []
    for path in sorted((ROOT / "examples" / "workbooks").glob("*.yaml")):
        data = store.load(path).model_dump(mode="python")
        data["person"]["name"] = "@@NAME@@"
        for key, keep in (("feedback", 5), ("check_ins", 5), ("assessments", 2),
                          ("achievements", 3), ("learning", 4), ("contacts", 5)):
            data[key] = data[key][-keep:]
        for free_text in (False, True):
            if free_text:
                data["role_profile"] = None
                data["person"]["target_role"] = "@@ROLE@@"
            out.append(store.dumps(data))
    return out


def _shift(text: str, days: int, cache: dict[tuple[str, int], str]) -> str:
    def repl(match: re.Match[str]) -> str:
        key = (match.group(1), days)
        if key not in cache:
            cache[key] = (date.fromisoformat(key[0]) - timedelta(days=days)).isoformat()
        return cache[key]

    return _DATE.sub(repl, text)


def generate(folder: Path, n: int) -> Path:
    """Write ``n`` workbooks into ``folder`` (created); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    templates = _templates()
    names = itertools.cycle(itertools.product(LAST, FIRST))
    cache: dict[tuple[str, int], str] = {}
    for i in range(n):
        path = folder / f"client_{i:05d}.yaml"
        if i % 1000 == 999:
            path.write_text("person: {name: Broken File}\nskills: 5\n", encoding="utf-8")
            continue
        last, first = next(names)
        text = templates[i % len(templates)]
        text = text.replace("'@@NAME@@'", f"{first} {last}").replace("@@NAME@@",
                                                                      f"{first} {last}")
        text = text.replace("'@@ROLE@@'", ROLES[i % len(ROLES)]).replace(
            "@@ROLE@@", ROLES[i % len(ROLES)])
        path.write_text(_shift(text, (i * 7) % 120, cache), encoding="utf-8")
    return folder


def command() -> list[str]:
    """The installed ``career-workbook`` script, else ``python -m career_workbook.cli``."""
    script = Path(sys.executable).with_name("career-workbook")
    return [str(script)] if script.exists() else [sys.executable, "-m", "career_workbook.cli"]


def run_measured(cmd: list[str], **kwargs) -> tuple[float, float, float,
                                                   subprocess.CompletedProcess]:
    """Run ``cmd``; return (seconds, peak MB, CPU seconds of the process tree, result).

    Memory is sampled every 20 ms with psutil (sum of RSS over the process and all its
    descendants); without psutil it falls back to the largest single child's peak RSS
    (and CPU is not measured: NaN). CPU is the sum of user + system time of every
    process of the tree, as last seen (a busy machine stretches wall-clock time but
    hardly CPU time).
    """
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with dask[distributed]
        psutil = None
    peak = [0]
    cpu: dict[int, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kwargs)

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                total = 0
                for p in tree:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
                        times = p.cpu_times()
                        cpu[p.pid] = times.user + times.system
                peak[0] = max(peak[0], total)
            except psutil.Error:
                pass
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True) if psutil else None
    if sampler:
        sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if sampler:
        sampler.join()
    else:  # pragma: no cover
        import resource

        peak[0] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    cpu_seconds = sum(cpu.values()) if psutil else float("nan")
    return (seconds, peak[0] / 2**20, cpu_seconds,
            subprocess.CompletedProcess(cmd, proc.returncode, out, err))


def load() -> str:
    if not hasattr(os, "getloadavg"):
        return ""
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000, 10000]
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"cohort benchmark: {jobs} core(s), today {TODAY}")
    failed = False
    work = Path(tempfile.mkdtemp(prefix="cw-bench-cohort-"))
    try:
        for n in sizes:
            folder = generate(work / f"ws{n}", n)
            out = work / f"cohort{n}.csv"
            cmd = [*command(), "cohort", str(folder), "--out", str(out), "--today", TODAY]
            start = time.perf_counter()  # timed alone: sampling memory costs CPU too
            timed = subprocess.run(cmd, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            rows = out.read_text(encoding="utf-8").count("\n") - 1 if out.exists() else 0
            out.unlink(missing_ok=True)
            _, mb, cpu, done = run_measured(cmd)
            start = time.perf_counter()
            subprocess.run([sys.executable, str(Path(__file__).with_name("_cohort_floor.py")),
                            str(folder), str(jobs)], capture_output=True, check=True)
            floor = time.perf_counter() - start
            target = TARGETS.get(n)
            verdict = "" if target is None else (
                f" (target <= {target:g} s: {'met' if seconds <= target else 'MISSED'})")
            kb = sum(p.stat().st_size for p in folder.iterdir()) / n / 1024
            print(f"  {n:>6} workbooks (mean {kb:.1f} KiB): {seconds:6.2f} s{verdict}; "
                  f"peak memory {mb:4.0f} MB (target < {MEMORY_LIMIT_MB} MB: "
                  f"{'met' if mb < MEMORY_LIMIT_MB else 'MISSED'}); CPU {cpu:.1f} s "
                  f"(user+sys of the whole process tree, workers included); "
                  f"{rows} CSV rows; exit {timed.returncode}; {load()}")
            print(f"         floor: the YAML parser alone over the same files, {jobs} "
                  f"processes: {floor:.2f} s (cohort {seconds / floor:.2f}x)")
            if target is not None:
                row(f"cohort {n:,} workbooks, wall clock", f"<= {target:g} s",
                    f"{seconds:.2f} s", seconds / target, seconds <= target)
            row(f"cohort {n:,}: floor, libyaml's events of every file ({jobs} processes)",
                "(reference)", f"{floor:.2f} s; cohort {seconds / floor:.2f}x", 0, True)
            row(f"cohort {n:,} workbooks, peak memory", f"< {MEMORY_LIMIT_MB} MB",
                f"{mb:.0f} MB", mb / MEMORY_LIMIT_MB, mb < MEMORY_LIMIT_MB)
            if rows != n or {timed.returncode, done.returncode} - {0, 1}:
                print(done.stdout + done.stderr)
                failed = True
            failed |= (target is not None and seconds > target) or mb >= MEMORY_LIMIT_MB
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"  command: career-workbook cohort WS --out FILE.csv --today {TODAY} "
          f"(default --jobs = {jobs})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
