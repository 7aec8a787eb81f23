"""How long the full analysis of one workbook takes (median of 10 runs).

Run: ``python benchmarks/bench_analysis.py``. Loads the largest workbook in
``examples/workbooks/`` (by file size), matches its target role in the shipped catalog,
then times every public analysis function plus :func:`career_workbook.analysis.summary`,
as a cover page or a review pack would call them. Prints the median total in ms and the
slowest functions. Exits with status 1 when there is no example workbook.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from career_workbook import analysis as A  # noqa: E402
from career_workbook.catalog import load_catalog  # noqa: E402
from career_workbook.model import Workbook, validate_workbook  # noqa: E402

RUNS = 10
TODAY = date(2026, 11, 22)


def steps(wb: Workbook, today: date, role: object) -> dict[str, Callable[[], object]]:
    """Every public analysis call, by name."""
    return {
        "skill_gap_frame": lambda: A.skill_gap_frame(wb, role),
        "readiness": lambda: A.readiness(wb, role),
        "readiness_history_frame": lambda: A.readiness_history_frame(wb, role, today=today),
        "goal_progress_frame": lambda: A.goal_progress_frame(wb, today),
        "progress_history_frame": lambda: A.progress_history_frame(wb, today),
        "feedback_360_frame": lambda: A.feedback_360_frame(wb, today=today),
        "feedback_comments": lambda: A.feedback_comments(wb),
        "network_summary": lambda: A.network_summary(wb, today),
        "ranked_values": lambda: A.ranked_values(wb),
        "riasec_code": lambda: A.riasec_code(wb.interests),
        "wellbeing_frame": lambda: A.wellbeing_frame(wb, today=today),
        "wellbeing_summary": lambda: A.wellbeing_summary(wb, today=today),
        "learning_hours_frame": lambda: A.learning_hours_frame(wb, today=today),
        "smart_scorecard_frame": lambda: A.smart_scorecard_frame(wb, today),
        "next_actions_frame": lambda: A.next_actions_frame(wb, today, role),
        "summary": lambda: A.summary(wb, today, role),
    }


def main() -> int:
    paths = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"),
                   key=lambda p: p.stat().st_size)
    if not paths:
        print("no example workbook in examples/workbooks/: nothing to measure")
        return 1
    path = paths[-1]
    wb = validate_workbook(yaml.safe_load(path.read_text(encoding="utf-8")), path=path)
    role = load_catalog().find_role(wb.person.target_role)
    calls = steps(wb, TODAY, role)
    for call in calls.values():  # warm up imports and caches
        call()

    totals: list[float] = []
    per_step: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(RUNS):
        run_start = time.perf_counter()
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            per_step[name].append(time.perf_counter() - start)
        totals.append(time.perf_counter() - run_start)

    print(f"workbook: {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.1f} KiB; "
          f"{len(wb.goals)} goals, {len(wb.check_ins)} check-ins, {len(wb.feedback)} "
          f"feedback entries; role: {getattr(role, 'title', None)})")
    print(f"full analysis ({len(calls)} calls): median {statistics.median(totals) * 1000:.1f} ms "
          f"over {RUNS} runs")
    slowest = sorted(per_step.items(), key=lambda kv: -statistics.median(kv[1]))[:5]
    for name, times in slowest:
        print(f"  {name:<26} {statistics.median(times) * 1000:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
