"""Precision and recall of ``cw.fit_to_posting`` on the labelled postings (target >= 0.85).

Run: ``PYTHONPATH=$PWD python benchmarks/bench_posting.py [--details|--summary] [--split NAME]``.
Reads ``tests/data/postings/*.txt`` and ``labels.yaml`` (the skills a careful reader lists
for each posting), runs the matcher on an empty workbook and prints, per posting and per
split, true positives, false positives, false negatives and micro-averaged precision and
recall, then the time for a 5,000-word posting (suggestions included). ``--details`` also
lists the extra and missed skills, with the words that matched, and the suggestions;
``--summary`` prints one line per split and no posting (so a clean split's postings stay
unread while the others are worked on).

"Did it ask for these?" (:mod:`career_workbook.analysis.posting_suggest`): column ``S`` is
the suggestions shown for a posting, ``S+`` those a careful reader lists; per split, the
recall if the person confirmed every right suggestion (matches + suggestions), the
precision of the suggestions themselves, and the mean shown per posting. The suggestion
rules and their two settings (``MIN_SCORE`` 0.7, ``MAX_SUGGESTIONS`` 8) were designed and
tuned ONLY on ``dev`` and ``heldout``..``heldout7`` (together: recall 0.936 -> 0.962,
suggestions precision 0.056, 3.6 shown per posting). ``heldout8`` and ``heldout9`` were
then run once, their per-posting details unread: first run (main 5f7bc9c's matcher)
heldout8 recall 0.741 -> 0.839 with suggestions (14 of 93 suggestions right, precision
0.151, 7.8 shown per posting), heldout9 0.568 -> 0.728 (13 of 53, 0.245, 6.6 shown).

Splits (see the comments in labels.yaml for when each was written and first run):

- ``dev``: tuned on;
- ``heldout``: first run clean (0.77 / 0.52), then read and used to find general causes;
- ``heldout2``: written and committed before the general-matching rework; first clean run
  after it 0.82 / 0.91, then read (so later figures are not clean);
- ``heldout3``, ``heldout4``: written after the rework; first clean runs 0.77 / 0.79 and
  0.78 / 0.65, then read and used for general fixes;
- ``heldout5``: first clean run 0.71 / 0.68 (the matcher before the rework: 0.78 / 0.60),
  then read in round 9 and used for general fixes;
- ``heldout6``, ``heldout7``: 20 postings written after round 9's last change to the
  matcher and catalog: first runs 0.690 / 0.759 and 0.868 / 0.759 (the matcher before
  round 9: 0.686 / 0.747 and 0.861 / 0.782); read in round 10 and used for general fixes
  (now 0.866 / 0.899 and 0.963 / 0.908), so later figures here are not clean;
- ``heldout8``: 12 postings in new fields written before round 10 changed anything: first
  run 0.782 / 0.727 (TP 104, FP 29, FN 39) with the matcher and catalog of main 45d8dbf;
  after round 10's rules 0.809 / 0.741;
- ``heldout9``: 8 postings written after round 10's last change: first run 0.767 / 0.568
  (TP 46, FP 14, FN 35); the matcher before round 10 on the same postings 0.738 / 0.556;
- round 11 (branch posting11) read heldout8 and heldout9 in detail and fixed their general
  causes (tests in test_analysis_posting.py, "round 11"): heldout8 now 0.876 / 0.888,
  heldout9 0.868 / 0.815 (and heldout4, read before, 0.935 / 0.896), so later figures on
  them are not clean;
- ``heldout10``: 10 postings in new fields (111-120) written and committed before round 11
  changed anything, never tuned on and its details never read (run with ``--summary``):
  first run 0.865 / 0.726 (TP 77, FP 12, FN 29) with the matcher and catalog of main
  5f7bc9c; after round 11's rules 0.878 / 0.745 (TP 79, FP 11, FN 27). Its first run, with
  heldout8's and heldout9's, is the honest estimate for postings nobody tuned on: precision
  about 0.77-0.87, recall about 0.57-0.73, short of the target. (The postings were written
  by the helper who then made round 11's changes, so the after-round figure is not quite
  blind; the first run is.)
- ``heldout11``: 6 postings (122-127) written and labelled before branch fix_posting changed
  anything, to measure acronyms written in lower case ("sql", "aws", "ux") and ordinary
  words that are acronyms elsewhere ("it", "send", "nice", "ml"): first run 0.816 / 0.769
  (TP 40, FP 9, FN 12) with the matcher and catalog of main 873f803; after that branch
  0.863 / 0.846 (TP 44, FP 7, FN 8). Read in detail by the same helper: not blind.

Exits 1 when any split printed misses the target on precision or recall (today heldout9
and heldout10 do), so the figure cannot be quietly ignored; ``--split dev``
checks one split.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import career_workbook as cw  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _table import row as table_row  # noqa: E402

DATA = ROOT / "tests" / "data" / "postings"
TARGET = 0.85


def evaluate(folder: Path = DATA) -> dict[str, dict]:
    """``{split: {"rows": [...], "tp", "fp", "fn", "precision", "recall"}}``."""
    from career_workbook.catalog import load_catalog

    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    catalog = load_catalog()
    wb = cw.new_workbook("Benchmark", today=date(2026, 12, 1))
    out: dict[str, dict] = {}
    for name, entry in sorted(labels.items()):
        text = (folder / name).read_text(encoding="utf-8")
        fit = cw.fit_to_posting(wb, text, catalog=catalog)
        found, wanted = set(fit.matches), set(entry["skills"])
        split = out.setdefault(entry["split"], {"rows": [], "tp": 0, "fp": 0, "fn": 0})
        suggested = [s.skill for s in fit.suggestions]
        row = {"posting": name, "tp": len(found & wanted), "extra": sorted(found - wanted),
               "missed": sorted(wanted - found), "matches": fit.matches,
               "suggested": len(suggested), "suggested_right": len(set(suggested) & wanted),
               "suggestions": fit.suggestions}
        split["rows"].append(row)
        split["tp"] += row["tp"]
        split["fp"] += len(row["extra"])
        split["fn"] += len(row["missed"])
        split["sugg"] = split.get("sugg", 0) + row["suggested"]
        split["sugg_tp"] = split.get("sugg_tp", 0) + row["suggested_right"]
    for split in out.values():
        tp, fp, fn = split["tp"], split["fp"], split["fn"]
        split["precision"] = tp / (tp + fp) if tp + fp else 1.0
        split["recall"] = tp / (tp + fn) if tp + fn else 1.0
        sugg, sugg_tp = split["sugg"], split["sugg_tp"]
        split["recall_confirmed"] = (tp + sugg_tp) / (tp + fn) if tp + fn else 1.0
        split["sugg_precision"] = sugg_tp / sugg if sugg else 1.0
        split["sugg_per_posting"] = sugg / len(split["rows"])
    return out


def time_5000_words(folder: Path = DATA) -> float:
    """Best of three, in milliseconds: the matcher on a 5,000-word paste of the postings."""
    from career_workbook.catalog import load_catalog

    catalog = load_catalog()
    wb = cw.new_workbook("Benchmark", today=date(2026, 12, 1))
    words = " ".join(p.read_text(encoding="utf-8")
                     for p in sorted(folder.glob("*.txt"))).split()
    text = " ".join((words * (5_000 // max(len(words), 1) + 1))[:5_000])
    cw.fit_to_posting(wb, text, catalog=catalog)  # warm the caches
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        cw.fit_to_posting(wb, text, catalog=catalog)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _split_order(name: str) -> tuple[int, int]:
    """dev first, then heldout, heldout2 ... heldout10 in number order."""
    if name == "dev":
        return (0, 0)
    digits = name.removeprefix("heldout")
    return (1, int(digits) if digits.isdigit() else 1) if name.startswith("heldout") else (2, 0)


def main(argv: list[str]) -> int:
    details = "--details" in argv
    summary = "--summary" in argv
    started = time.perf_counter()
    result = evaluate()
    elapsed = time.perf_counter() - started
    splits = sorted(result, key=_split_order)
    if "--split" in argv:
        splits = [argv[argv.index("--split") + 1]]
    elif "--dev-only" in argv:
        splits = ["dev"]
    ok = True
    for split_name in splits:
        split = result.get(split_name)
        if split is None:
            continue
        if not summary:
            print(f"\n{split_name} ({len(split['rows'])} postings)")
            print(f"  {'posting':34} {'TP':>3} {'FP':>3} {'FN':>3} {'S':>3} {'S+':>3}")
        for row in [] if summary else split["rows"]:
            print(f"  {row['posting']:34} {row['tp']:>3} {len(row['extra']):>3} "
                  f"{len(row['missed']):>3} {row['suggested']:>3} {row['suggested_right']:>3}")
            if details:
                for skill in row["extra"]:
                    print(f"      + {skill}: {row['matches'][skill]}")
                for skill in row["missed"]:
                    print(f"      - {skill}")
                for sug in row["suggestions"]:
                    print(f"      ? {sug.skill} {sug.score:g}: {sug.words} ({sug.why})")
        p, r = split["precision"], split["recall"]
        print(f"{split_name + ':':11} " if summary else "  ", end="")
        print(f"micro precision {p:.3f}  recall {r:.3f}  "
              f"(TP {split['tp']}, FP {split['fp']}, FN {split['fn']})")
        print(f"  with suggestions confirmed: recall {split['recall_confirmed']:.3f}; "
              f"suggestions precision {split['sugg_precision']:.3f} "
              f"({split['sugg_tp']} of {split['sugg']} right), "
              f"{split['sugg_per_posting']:.1f} shown per posting")
        ok &= p >= TARGET and r >= TARGET
    print(f"\n{'met' if ok else 'MISSED'}: target precision and recall >= {TARGET} "
          f"({elapsed:.2f} s in all)")
    ms = time_5000_words()
    print(f"5,000-word posting: {ms:.0f} ms (best of 3)")
    table_row("5,000-word posting matched", "<= 500 ms", f"{ms:.0f} ms", ms / 500, ms <= 500)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
