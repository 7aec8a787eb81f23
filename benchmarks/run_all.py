"""Run every ``benchmarks/bench_*.py`` in turn (``make bench``) and print ONE table.

Each benchmark runs in its own subprocess with this Python, so one cannot disturb the
next's imports or memory; its own lines are shown as it runs, and the rows it reports
(``_table.row``: figure, target, measured value, ratio to the target) are gathered into one
table at the end, headed by the machine it ran on. Exits with status 1 if any benchmark
failed or missed a target it checks.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _table import PREFIX, compile_package  # noqa: E402


def machine() -> str:
    """``nproc``, the CPU model (/proc/cpuinfo) and the RAM (/proc/meminfo)."""
    model, ram = platform.processor() or "unknown CPU", ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores (nproc), {model}{ram}, Python {platform.python_version()}"


def table(rows: list[dict]) -> str:
    head = ("benchmark", "figure", "target", "measured", "ratio", "")
    lines = [[r["bench"], r["figure"], r["target"], r["measured"],
              f"{r['ratio']:.2f}" if r["ratio"] else "-",
              "met" if r["met"] else "MISSED"] for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines, strict=True)]
    fmt = "  ".join(f"{{:{w}}}" for w in widths)
    out = [fmt.format(*head), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*line) for line in lines]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:  # e.g. `python benchmarks/run_all.py cohort cli`
        scripts = [s for s in scripts if any(a in s.stem for a in argv)]
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONUNBUFFERED"] = "1"
    failures, rows = [], []
    print(compile_package(), flush=True)
    for script in scripts:
        print(f"=== {script.name} ===", flush=True)
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(script)], cwd=HERE.parent, env=env,
                                stdout=subprocess.PIPE, text=True)
        for line in proc.stdout:
            if line.startswith(PREFIX):
                rows.append({"bench": script.stem.removeprefix("bench_"),
                             **json.loads(line[len(PREFIX):])})
            else:
                print(line, end="", flush=True)
        code = proc.wait()
        print(f"--- {script.name}: exit {code} in {time.perf_counter() - start:.1f} s\n",
              flush=True)
        if code != 0:
            failures.append(script.name)
    print(f"Benchmarks on {machine()}; ratio = measured / target (<= 1 is met)")
    print(table(rows))
    print(f"{len(scripts) - len(failures)} of {len(scripts)} benchmark(s) passed"
          + (f"; failed or missed a target: {', '.join(failures)}" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
