"""How long loading and saving a workbook file takes (median of 20 runs).

Run: ``python benchmarks/bench_store.py``. Measures the largest workbook in
``examples/workbooks/`` (copied to a temporary folder first; the examples are never written)
and a large generated one: that example plus 200 check-ins (or a new workbook with 200
check-ins when there are no examples yet). ``save`` alternates between two versions so that
every run really writes: validate, render and verify the YAML, lock, copy the old version
into the history, write + fsync + rename + fsync the folder.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import career_workbook as cw  # noqa: E402
from career_workbook import store  # noqa: E402

RUNS = 20


def _median_ms(func: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _with_check_ins(wb: cw.Workbook, count: int) -> cw.Workbook:
    goal_ids = [g.id for g in wb.goals][:3]
    start = date(2022, 1, 3)
    for i in range(count):
        wb.check_ins.append(cw.CheckIn(
            date=start + timedelta(weeks=i), motivation=1 + i % 10, confidence=1 + (i * 3) % 10,
            progress={gid: min(100, i // 2 + k * 5) for k, gid in enumerate(goal_ids)},
            wins=f"Week {i}: shipped the weekly report a day early.",
            lessons="Ask for feedback before the draft is perfect.\nBlock focus time.",
            note=f"Check-in {i} — steady progress 🙂",
        ))
    return wb


def bench(label: str, path: Path) -> None:
    wb = cw.load(path)
    other = wb.model_copy(deep=True)
    other.strengths.append("benchmark toggle")
    versions = [wb, other]
    state = {"n": 0}

    def save() -> None:
        state["n"] += 1
        cw.save(versions[state["n"] % 2], path)

    load_ms = _median_ms(lambda: cw.load(path))
    save_ms = _median_ms(save)
    dumps_ms = _median_ms(lambda: store.dumps(wb))
    size_kb = path.stat().st_size / 1024
    print(
        f"{label:<34} {size_kb:7.1f} KB  {len(wb.check_ins):4d} check-ins  "
        f"load {load_ms:6.1f} ms  save {save_ms:6.1f} ms  (render+verify {dumps_ms:5.1f} ms)"
    )


def main() -> None:
    examples = sorted(
        (ROOT / "examples" / "workbooks").glob("*.yaml"), key=lambda p: p.stat().st_size
    )
    print(f"store benchmark: median of {RUNS} runs; libyaml: {yaml.__with_libyaml__}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if examples:
            largest = folder / examples[-1].name
            shutil.copy(examples[-1], largest)
            bench(f"largest example ({largest.name})", largest)
            base = cw.load(largest)
        else:
            base = cw.new_workbook("Generated Person")
            base.goals.extend(cw.Goal(id=f"g{i}", text=f"Goal {i} by 2027") for i in range(3))
        big = folder / "generated_200_check_ins.yaml"
        cw.save(_with_check_ins(base, 200), big)
        bench("example + 200 check-ins", big)


if __name__ == "__main__":
    main()
