"""Form saves against another process: are any acknowledged edits lost? (issue 12 item 1)

Run: ``python benchmarks/bench_form_merge.py [SECONDS]`` (default 20). A child process
appends ``elsewhere N`` to the strengths with ``cw.edit`` as fast as it can and prints
``ack N`` after each save; meanwhile ``ui.strengths_form`` adds ``mine N`` and clicks Save
every 50 ms. Prints the edits acknowledged on each side and how many of them are missing
from the final file (both must be 0). Exits with status 1 when any edit was lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import career_workbook as cw  # noqa: E402
from career_workbook import store  # noqa: E402
from career_workbook import widgets as ui  # noqa: E402

WRITER = """
import sys, time, career_workbook as cw
path, end, n = sys.argv[1], time.monotonic() + float(sys.argv[2]), 0
while time.monotonic() < end:
    with cw.edit(path) as wb:
        wb.strengths.append(f"elsewhere {n}")
    print(f"ack {n}", flush=True)
    n += 1
"""


def main(seconds: float) -> int:
    path = Path(tempfile.mkdtemp()) / "sam.yaml"
    store.new(path, "Sam")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True, env=env)
    view = ui.strengths_form(ui.Session(path))
    mine, clicks, end = [], 0, time.monotonic() + seconds
    while time.monotonic() < end:
        view.fields["strengths"].value += f"\nmine {clicks}"
        view.buttons["save"].click()
        if "Saved at" in view.status.value:
            mine.append(f"mine {clicks}")
        clicks += 1
        time.sleep(0.05)
    out, _ = writer.communicate()
    acked = [f"elsewhere {line.split()[1]}" for line in out.splitlines()
             if line.startswith("ack ")]
    final = cw.load(path).strengths
    lost_theirs = sum(a not in final for a in acked)
    lost_mine = sum(m not in final for m in mine)
    print(f"{seconds:g} s: form clicks {clicks}, saves acknowledged {len(mine)}, lost "
          f"{lost_mine}; other process edits acknowledged {len(acked)}, lost {lost_theirs}")
    return 1 if lost_theirs or lost_mine else 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 20.0))
