"""Where a coach waits: CPU of ``career-workbook pack`` per client, and incremental packs.

Run: ``python benchmarks/bench_pack_cpu.py``. Every figure is the CPU time (user + sys) of
whole processes and their children, measured in this one run on this machine:

1. *default pack*: ``career-workbook pack --all WS --out OUT --jobs 1`` for 8 clients (two
   copies of each example), default formats (pdf,html,png) -- per client, target <= 1.5 s;
2. *floor*: ``benchmarks/_pack_floor.py`` on the same 8 clients: each chart built once and
   saved as one PNG, nothing else -- the default pack's ratio to it, target <= 1.2x
   (floor and pack alternate, three rounds; the ratio is the median of each round's pack
   over the floor run just before it: on a shared machine the same process's CPU time
   drifts between minutes, less between two neighbouring runs than across a whole run;
   the per-client figures are the minimum of the rounds);
   (also shown: the pack with every format, pdf,html,png,svg);
   *vector floor* (reference): the floor plus each chart drawn once more by matplotlib's
   PDF backend as a bare vector page (``_pack_floor.py ... vector``): what a vector PDF
   costs when matplotlib draws each figure once per format. The pack no longer does: its
   chart pages are replayed from the PNG drawing (``export/pdf_replay.py``), so the pack
   can cost less than this reference; it is not a floor of the pack;
   *distinct clients* (reference): pack and floor of the 4 examples alone, one copy each,
   as a check that the 8 clients' second copies (whose texts were laid out already:
   ``pdf_replay``'s text memo, matplotlib's font caches) do not flatter the ratio;
3. *incremental*: 40 clients packed once; 4 workbooks change; re-packing all 40 against
   packing those 4 alone into an empty folder -- ratio, target <= 2x.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import compile_package, row  # noqa: E402

EXAMPLES = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))
TODAY = "2026-11-22"
ROUNDS = 3


def cli() -> list[str]:
    script = Path(sys.executable).with_name("career-workbook")
    return [str(script)] if script.exists() else [sys.executable, "-m", "career_workbook.cli"]


def cpu(*args: str) -> float:
    """User + sys CPU seconds of the command and all its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    done = subprocess.run(list(args), capture_output=True, text=True, cwd=ROOT, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stdout}{done.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def workspace(folder: Path, copies: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(copies):
        for path in EXAMPLES:
            shutil.copy(path, folder / f"{path.stem}_{i}.yaml")
    return folder


def pack(ws: Path, out: Path, *extra: str) -> float:
    return cpu(*cli(), "pack", "--all", str(ws), "--out", str(out), "--jobs", "1",
               "--today", TODAY, *extra)


def main() -> int:
    if not EXAMPLES:
        print("no example workbooks in examples/workbooks/")
        return 1
    print(compile_package())
    work = Path(tempfile.mkdtemp(prefix="cw-bench-pack-"))
    failed = False
    try:
        ws8 = workspace(work / "ws8", 2)
        n = len(list(ws8.glob("*.yaml")))
        ws4d = workspace(work / "ws4d", 1)
        floors, vectors, defaults, floors4, defaults4 = [], [], [], [], []
        floor_script = str(ROOT / "benchmarks" / "_pack_floor.py")
        for i in range(ROUNDS):  # alternated: each pack beside the floor run just before it
            floors.append(cpu(sys.executable, floor_script, str(ws8), str(work / f"floor{i}"),
                              TODAY))
            defaults.append(pack(ws8, work / f"default{i}"))
            vectors.append(cpu(sys.executable, floor_script, str(ws8),
                               str(work / f"vector{i}"), TODAY, "vector"))
            floors4.append(cpu(sys.executable, floor_script, str(ws4d),
                               str(work / f"floor4-{i}"), TODAY))
            defaults4.append(pack(ws4d, work / f"default4-{i}"))
        floor, default, vector = min(floors), min(defaults), min(vectors)
        print("rounds, pack / floor (8 clients): "
              + ", ".join(f"{d / f:.2f}x" for d, f in zip(defaults, floors, strict=True))
              + "; 4 distinct: "
              + ", ".join(f"{d / f:.2f}x" for d, f in zip(defaults4, floors4, strict=True)))
        every = pack(ws8, work / "every", "--formats", "pdf,html,png,svg")
        per, floor_per = default / n, floor / n
        print(f"{n} clients, --jobs 1, CPU (user+sys, with children): default pack "
              f"{default:.1f} s ({per:.2f} s/client); floor {floor:.1f} s "
              f"({floor_per:.2f} s/client); vector floor {vector:.1f} s "
              f"({vector / n:.2f} s/client); every format {every:.1f} s "
              f"({every / n:.2f} s/client)")
        row("pack CPU per client (default formats, 8 clients, --jobs 1)", "<= 1.5 s",
            f"{per:.2f} s", per / 1.5, per <= 1.5)
        row("floor CPU per client (charts built once + one PNG each)", "(reference)",
            f"{floor_per:.2f} s", 0, True)
        ratio = statistics.median(d / f for d, f in zip(defaults, floors, strict=True))
        row("pack CPU / floor (if 1.5 s is below the floor; median of paired rounds)",
            "<= 1.2x", f"{ratio:.2f}x",
            ratio / 1.2, ratio <= 1.2)
        row("vector floor CPU per client (floor + each chart drawn again by matplotlib's "
            "PDF backend)", "(reference)", f"{vector / n:.2f} s", 0, True)
        row("vector floor / floor (a PDF page drawn again per chart)", "(reference)",
            f"{vector / floor:.2f}x", 0, True)
        row("pack CPU / vector floor (the pack replays its chart pages instead)",
            "(reference)", f"{default / vector:.2f}x", 0, True)
        n4, floor4, default4 = len(EXAMPLES), min(floors4), min(defaults4)
        ratio4 = statistics.median(d / f for d, f in zip(defaults4, floors4, strict=True))
        row(f"pack CPU / floor, {n4} distinct clients (one copy of each example)",
            "(reference)", f"{ratio4:.2f}x ({default4 / n4:.2f} / {floor4 / n4:.2f} s)", 0,
            True)
        row("pack CPU per client, all four formats (pdf,html,png,svg)", "(reference)",
            f"{every / n:.2f} s", 0, True)
        failed |= per > 1.5 and ratio > 1.2

        ws40 = workspace(work / "ws40", 10)
        out40 = work / "out40"
        subprocess.run([*cli(), "pack", "--all", str(ws40), "--out", str(out40), "--jobs", "2",
                        "--today", TODAY], capture_output=True, cwd=ROOT, check=True)
        changed = sorted(ws40.glob("*.yaml"))[::10][:4]
        four = work / "ws4"
        four.mkdir()
        for path in changed:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("Career Workbook", "Career Workbook (edited)", 1)
                            + "\n# edited by the benchmark\n", encoding="utf-8")
            shutil.copy(path, four / path.name)
        again = pack(ws40, out40)
        alone = pack(four, work / "out4")
        inc = again / alone
        print(f"incremental: 40 clients re-packed after 4 changed {again:.1f} s CPU; those 4 "
              f"alone {alone:.1f} s -> {inc:.2f}x")
        row("re-pack 40 clients after 4 changed / pack those 4 alone", "<= 2x",
            f"{inc:.2f}x", inc / 2, inc <= 2)
        failed |= inc > 2
        print(f"commands: {' '.join(Path(c).name for c in cli())} pack --all WS --out OUT "
              f"--jobs 1 --today {TODAY} [--formats pdf,html,png,svg]; python "
              "benchmarks/_pack_floor.py WS OUT TODAY [vector]")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
