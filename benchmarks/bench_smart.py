"""How well the SMART scorer agrees with every labelled set, and how long it takes per goal.

Run: ``python benchmarks/bench_smart.py [--agreement] [path/to/smart_goals_dev.csv]``
(``make bench`` runs it with the others). First a table: agreement per labelled set in
``tests/data`` (career goals: specific, measurable, time-bound, exact deadline; the
SMARTSpan health-coaching goals: specific, measurable, attainable considered, three-class),
each career goal scored relative to the day it was written. ``--agreement`` stops there.

Then the timing (target: median <= 1 ms per goal). Times
:func:`career_workbook.analysis.smart.score_goal` one call at a time over

1. the dev set repeated x200 (the CSV from the argument, ``$SMART_GOALS_DEV_CSV``,
   ``tests/data/`` or ``/work/shared/data/``; a few built-in goals when none is found);
2. 5,000 random generated texts (seeded): goal-like sentences from word pools, noise with
   emoji, control and RTL characters, and long texts up to 20,000 characters;
3. a few adversarial inputs (100,000 characters, repeated time words).

Prints the median, 95th percentile and maximum in ms per goal.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import sys
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from career_workbook.analysis.smart import GoalContext, score_goal  # noqa: E402
from career_workbook.analysis.smart_eval import (  # noqa: E402
    career_agreement,
    health_agreement,
)

DATA = ROOT / "tests" / "data"
CAREER_SETS = {
    "career_goals_dev.csv": "own career goals, dev",
    "career_goals_holdout.csv": "own career goals, held out",
    "career_goals_holdout2.csv": "own career goals, held out 2 (never tuned on)",
    "smart_goals_dev.csv": "scorer dev set",
    "smart_goals_blind.csv": "scorer blind set",
}
HEALTH_SET = "smartspan_dev.csv"

TODAY = date(2026, 11, 22)
REPEAT = 200
RANDOM_TEXTS = 5_000
TARGET_MS = 1.0
FALLBACK = [
    "Become a team lead by December 2027",
    "Do better in my career",
    "Run two user-research workshops for the mobile team within 3 months",
    "Get more fluent with Microsoft 365 tools",
    "Release version 2.0 of the internal analytics library in Q1 2027",
]
CONTEXT = GoalContext(vision="Lead a product analytics team", target_role="Analytics manager",
                      values=("Growth", "Craft"), skills=("SQL", "Python", "Coaching"),
                      other_deadlines=(date(2027, 1, 31), date(2027, 3, 31)))

VERBS = ["Run", "Publish", "Complete", "Become", "Improve", "Learn", "Get", "Be more", "Ship",
         "Attend", "Lead", "Reduce", "Write", "Mentor", "Apply for", "Grow", "Network"]
OBJECTS = ["two workshops", "the AWS Solutions Architect exam", "a blog post", "my skills",
           "10 new contacts", "the billing dashboard", "Spanish", "a team lead role",
           "onboarding time from 6 weeks to 4 weeks", "Microsoft 365 tools", "ITIL 4",
           "version 2.0 of the app", "visible", "20% of cloud spend", "the Head of Sales job"]
TIMES = ["", " by December 2027", " within 3 months", " someday", " every Friday",
         " by the end of Q1 2027", " in 2027", " by next month", " by mid-2027",
         " before my next performance review", " as soon as possible", " in H1 2027",
         " by 31/01/2027", " over the coming years", " by spring 2027"]
NOISE = "🚀✨\x00\x07\u202e\u200fمرحبا שלום 你好 ÄÖÜ — “quotes” 1:1 24/7 \t\n"


def dev_goals(argv: list[str]) -> list[str]:
    candidates = [*argv[1:2], os.environ.get("SMART_GOALS_DEV_CSV", ""),
                  ROOT / "tests" / "data" / "smart_goals_dev.csv",
                  "/work/shared/data/smart_goals_dev.csv"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            with Path(candidate).open(newline="", encoding="utf-8") as fh:
                goals = [row["text"] for row in csv.DictReader(fh)]
            print(f"dev set: {candidate} ({len(goals)} goals)")
            return goals
    print("dev set not found: using built-in goals")
    return FALLBACK


def random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        kind = i % 10
        if kind < 7:
            text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TIMES)}"
        elif kind < 9:
            text = "".join(rng.choice(NOISE + "abc 123 by in Q1 2027 ") for _ in range(
                rng.randint(0, 400)))
        else:
            parts = [f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TIMES)}."
                     for _ in range(rng.randint(20, 400))]
            text = " ".join(parts)
        texts.append(text)
    return texts


def timings(texts: Iterable[str]) -> list[float]:
    out = []
    for text in texts:
        start = time.perf_counter()
        score_goal(text, today=TODAY, confidence=7, context=CONTEXT)
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(label: str, ms: list[float]) -> float:
    ms_sorted = sorted(ms)
    median = statistics.median(ms_sorted)
    p95 = ms_sorted[int(0.95 * (len(ms_sorted) - 1))]
    print(f"{label:<38} n={len(ms):>6}  median {median:.3f} ms/goal  p95 {p95:.3f}  "
          f"max {ms_sorted[-1]:.2f}")
    return median


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def agreement_table() -> list[str]:
    """Markdown table of the scorer's agreement with each labelled set."""
    head = ("| set | goals | specific | measurable | time-bound | exact deadlines "
            "| attainable | three-class |")
    lines = [head, "|" + "---|" * 8]
    pct = "{:.1%}".format
    for name, label in CAREER_SETS.items():
        if not (DATA / name).is_file():
            continue
        rows = _csv(name)
        a = career_agreement(rows)
        lines.append(f"| {label} | {len(rows)} | {pct(a['specific'])} | {pct(a['measurable'])} "
                     f"| {pct(a['time_bound'])} | {pct(a.get('exact_deadline', 1.0))} | — | — |")
    if (DATA / HEALTH_SET).is_file():
        rows = _csv(HEALTH_SET)
        a = health_agreement(rows)
        lines.append(f"| SMARTSpan health goals, dev half | {len(rows)} "
                     f"| {pct(a['specific'])} | {pct(a['measurable'])} | — | — "
                     f"| {pct(a['attainable'])} | {pct(a['three_class'])} |")
    return lines


def main(argv: list[str]) -> int:
    print("\n".join(agreement_table()))
    if "--agreement" in argv:
        return 0
    argv = [a for a in argv if not a.startswith("--")]
    print()
    goals = dev_goals(argv)
    timings(goals)  # warm up (regex caches, imports)
    dev_median = report(f"dev set x{REPEAT}", timings(goals * REPEAT))
    report(f"random generated texts ({RANDOM_TEXTS})", timings(random_texts(RANDOM_TEXTS)))
    adversarial = ["x" * 100_000, "1 " * 50_000, "by the end of " * 5_000, "Q1 2027 " * 2_000,
                   "Be more and publish more " * 400, "🚀" * 50_000]
    report("adversarial (100k chars etc.)", timings(adversarial))
    verdict = "OK" if dev_median <= TARGET_MS else "SLOW"
    print(f"target median <= {TARGET_MS} ms per goal: {verdict}")
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
