"""The floor of ``career-workbook cohort``: the stack's own YAML parser over every file.

``python benchmarks/_cohort_floor.py WORKSPACE JOBS``: ``JOBS`` worker processes read every
``*.yaml`` file of ``WORKSPACE`` and run PyYAML's C (libyaml) parser over it, consuming its
events, nothing else: no values built, no validation, no summary, no CSV, no chart. Any
reader of these files with the stack pays at least this, so it shows how fast the machine
is at the work ``cohort`` cannot skip (``bench_cohort.py`` times it as a process, the way
it times the command, and prints it beside the command's wall clock).
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def parse_all(paths: list[str]) -> int:
    """Events the C parser yields for the files ``paths``."""
    import yaml

    count = 0
    for path in paths:
        for _ in yaml.parse(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader):
            count += 1
    return count


def main(ws: str, jobs: str) -> None:
    paths = sorted(str(p) for p in Path(ws).glob("*.yaml"))
    n = max(int(jobs), 1)
    size = max(len(paths) // (8 * n), 1)
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(n) as pool:
        events = sum(pool.map(parse_all, chunks))
    print(f"{len(paths)} files, {events} YAML events")


if __name__ == "__main__":
    main(*sys.argv[1:3])
