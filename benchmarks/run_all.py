"""Run every ``benchmarks/bench_*.py`` in turn (``make bench``) and print what each reports.

Each benchmark runs in its own subprocess with this Python, so one cannot disturb the
next's imports or memory. Exits with status 1 if any benchmark failed or missed a target
it checks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:  # e.g. `python benchmarks/run_all.py cohort cli`
        scripts = [s for s in scripts if any(a in s.stem for a in argv)]
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONUNBUFFERED"] = "1"
    failures = []
    for script in scripts:
        print(f"=== {script.name} ===", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, env=env)
        print(f"--- {script.name}: exit {done.returncode} in "
              f"{time.perf_counter() - start:.1f} s\n", flush=True)
        if done.returncode != 0:
            failures.append(script.name)
    print(f"{len(scripts) - len(failures)} of {len(scripts)} benchmark(s) passed"
          + (f"; failed or missed a target: {', '.join(failures)}" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
