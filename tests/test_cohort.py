"""The caseload: ``analysis.summary`` (pure Python) agrees with the frames; ``cohort`` CSV."""

from __future__ import annotations

import csv
import math
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_workbook import analysis as A
from career_workbook import caseload, store
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.model import (
    Action,
    Assessment,
    CheckIn,
    Contact,
    Goal,
    Metric,
    Milestone,
    Skill,
    Workbook,
    new_workbook,
)
from career_workbook.wording import whole_percent

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "workbooks"


@dataclass(frozen=True)
class RoleSkill:
    target: int
    importance: int


@dataclass(frozen=True)
class Role:
    """Shaped like ``catalog.RoleProfile``."""

    title: str
    skills: dict


DAYS = [date(2026, 3, 1), date(2026, 11, 22), date(2028, 1, 1)]


def frame_summary(wb: Workbook, today: date, role=None) -> dict:
    """The headline numbers the slow way: from the DataFrames the charts use, of the
    workbook a review of ``today`` counts (no goal set after it: the progress chart's)."""
    wb = A.review_as_of(wb, today)
    goals = A.goal_progress_frame(wb, today)
    committed = goals[goals["status"] != "draft"]["track"]
    gaps = A.skill_gap_frame(wb, role, today=today)
    past = [c.date for c in wb.check_ins if c.date <= today]
    # readiness for a role is measured over its skills only (importances 1-5); a role that
    # lists none is the own targets, as in the gap frame
    measured = gaps if not getattr(role, "skills", None) else gaps[gaps["role_target"].notna()]
    top = measured[measured["gap"] > 0]["skill"]  # the top gap: the role's, when one is chosen
    return {
        "readiness": (A.readiness(A.as_of(wb, today), role) if measured["current"].notna().any()
                      and (measured["target"] > 0).any() else None),
        "goals_on_track": int(committed.isin(["on track", "ahead"]).sum()),
        "goals_behind": int((committed == "behind").sum()),
        "goals_overdue": int((committed == "overdue").sum()),
        "goals_done": int((committed == "done").sum()),
        "last_check_in": max(past) if past else None,
        "overdue_follow_ups": A.network_summary(wb, today).overdue_count,
        "top_gap_skill": str(top.iloc[0]) if len(top) else None,
    }


def assert_same(wb: Workbook, today: date, role=None) -> None:
    fast = A.summary(wb, today, role)
    slow = frame_summary(wb, today, role)
    assert {k: getattr(fast, k) for k in slow} == pytest.approx(slow)
    # the per-item functions give exactly the frames' rows
    frame = A.goal_progress_frame(wb, today)
    statuses = A.goal_statuses(wb, today)
    assert [s.goal.id for s in statuses] == frame["goal_id"].tolist()
    assert [s.track for s in statuses] == frame["track"].tolist()
    assert [s.source for s in statuses] == frame["source"].tolist()
    for column in ("expected", "actual", "days_left"):
        assert [getattr(s, column) for s in statuses] == pytest.approx(
            frame[column].tolist(), nan_ok=True)
    assert [s.forecast for s in statuses] == [
        None if v is None or v != v else v.date() for v in frame["forecast"].tolist()]
    gaps = A.skill_gap_frame(wb, role)
    rows = A.skill_gaps(wb, role)
    assert [g.skill for g in rows] == gaps["skill"].tolist()
    assert [g.priority for g in rows] == gaps["priority"].tolist()
    assert [g.gap for g in rows] == pytest.approx(gaps["gap"].tolist(), nan_ok=True)
    contacts = A.network_summary(wb, today).contacts
    overdue = set(contacts.loc[contacts["overdue"], "contact_id"])
    assert {c.id for c in A.overdue_follow_ups(wb, today)} == overdue


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_summary_equals_the_frames_on_every_example(example_wbs, today):
    catalog = load_catalog()
    assert example_wbs, "the examples are part of the check"
    for wb in example_wbs.values():
        assert_same(wb, today, resolve_role(wb, catalog))
        assert_same(wb, today, None)


def test_summary_equals_the_frames_on_the_rich_workbook(rich_wb, today, fake_role):
    assert_same(rich_wb, today, None)
    assert_same(rich_wb, today, fake_role)


START = date(2026, 1, 1)
days = st.integers(0, 700).map(lambda n: START + timedelta(days=n))
maybe_days = st.none() | days


@st.composite
def workbooks(draw):
    """Random workbooks exercising every rule behind the summary."""
    wb = new_workbook("Prop Test", today=START)
    skills = [f"S{i}" for i in range(draw(st.integers(0, 5)))]
    wb.skills = [Skill(name=s, importance=draw(st.integers(1, 5)),
                       target_level=draw(st.integers(0, 5))) for s in skills]
    if skills:
        wb.assessments = [
            Assessment(date=draw(days), ratings=draw(st.dictionaries(
                st.sampled_from(skills), st.integers(0, 5), max_size=len(skills))))
            for _ in range(draw(st.integers(0, 3)))
        ]
    goals = []
    for i in range(draw(st.integers(0, 5))):
        created = draw(days)
        metric = None
        if draw(st.booleans()):
            base, target = draw(st.tuples(st.integers(-5, 5), st.integers(-5, 5)).filter(
                lambda p: p[0] != p[1]))
            metric = Metric(baseline=float(base), target=float(target),
                            current=draw(st.none() | st.floats(-10, 10)))
        goals.append(Goal(
            id=f"g{i}", text=f"Goal {i}", created=created, deadline=draw(maybe_days),
            status=draw(st.sampled_from(["draft", "active", "done", "dropped"])),
            milestones=[Milestone(title=f"m{j}", due=draw(maybe_days), done_on=draw(maybe_days))
                        for j in range(draw(st.integers(0, 3)))],
            metric=metric))
    wb.goals = goals
    ids = [g.id for g in goals]
    wb.check_ins = [
        CheckIn(date=draw(days), progress=draw(st.dictionaries(
            st.sampled_from(ids), st.integers(0, 100), max_size=len(ids))) if ids else {})
        for _ in range(draw(st.integers(0, 4)))
    ]
    wb.contacts = [Contact(id=f"c{i}", name=f"C{i}", last_contact=draw(maybe_days),
                           next_follow_up=draw(maybe_days))
                   for i in range(draw(st.integers(0, 3)))]
    wb.actions = [Action(text=f"a{i}", due=draw(maybe_days),
                         goal_id=draw(st.none() | st.sampled_from(ids)) if ids else None,
                         status=draw(st.sampled_from(["todo", "doing", "done", "dropped"])))
                  for i in range(draw(st.integers(0, 3)))]
    role = None
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from([*skills, *(s.lower() for s in skills), "R1"]),
                              unique=True, max_size=4))
        role = Role("Role", {n: RoleSkill(draw(st.integers(0, 5)), draw(st.integers(1, 5)))
                             for n in names})
    return wb, role


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=workbooks(), today=days)
def test_summary_equals_the_frames_on_random_workbooks(data, today):
    wb, role = data
    assert_same(wb, today, role)


# ----------------------------------------------------------------------------------------
# career-workbook cohort
# ----------------------------------------------------------------------------------------
TODAY = date(2026, 11, 22)
BROKEN = "person: {name: Broken}\ngoals: [{text: x, deadline: 2027-13-01}]\n"


@pytest.fixture
def workspace(tmp_path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(path, ws / path.name)
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (ws / "formula.yaml").write_text(
        "person: {name: '=HYPERLINK(\"http://x\")', target_role: '@SUM(1)'}\n", encoding="utf-8")
    return ws


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_cohort_writes_one_row_per_client_with_status_and_charts(workspace, tmp_path):
    out = tmp_path / "out" / "cohort.csv"
    report = caseload.cohort(workspace, out, today=TODAY, jobs=1)
    rows = read_csv(out)
    stems = sorted(p.stem for p in workspace.glob("*.yaml"))
    assert [r["client"] for r in rows] == stems
    by = {r["client"]: r for r in rows}
    assert by["broken"]["status"] == (
        "goal 1 (“x”), deadline = '2027-13-01': Input should be a valid date; there is no "
        "month 13; use YYYY-MM-DD, e.g. 2026-06-30 (line 2)")  # as `validate` says it
    assert by["broken"]["name"] == "" and by["broken"]["readiness"] == ""
    # the file's name, as pack says it (red-team M #9: "FAILED broken" vs "broken.yaml")
    assert report.broken == [("broken.yaml", by["broken"]["status"])]
    assert report.print_summary() == 1
    catalog = load_catalog()
    for stem in (p.stem for p in EXAMPLES.glob("*.yaml")):
        wb = store.load(workspace / f"{stem}.yaml")
        s = A.summary(wb, TODAY, resolve_role(wb, catalog))
        row = by[stem]
        assert row["status"] == "ok" and row["name"] == wb.person.name
        assert row["target_role"] == wb.person.target_role
        assert row["readiness"] == str(whole_percent(s.readiness))  # as the cover shows it
        assert [int(row[k]) for k in ("goals_on_track", "goals_behind", "goals_overdue",
                                      "goals_done", "overdue_follow_ups")] == [
            s.goals_on_track, s.goals_behind, s.goals_overdue, s.goals_done,
            s.overdue_follow_ups]
        assert row["last_check_in"] == (s.last_check_in.isoformat() if s.last_check_in else "")
        assert row["days_since_check_in"] == str(s.days_since_check_in or "")
        assert row["top_gap"] == (s.top_gap_skill or "")
    # a spreadsheet must not run a client's text as a formula
    assert by["formula"]["name"] == "'=HYPERLINK(\"http://x\")"
    assert by["formula"]["target_role"] == "'@SUM(1)"
    charts = sorted(p.name for p in out.parent.iterdir() if p != out)
    assert charts == sorted(f"{slug}.{ext}" for slug in caseload.COHORT_CHARTS
                            for ext in ("png", "svg"))
    assert all(p.stat().st_size > 1000 for p in out.parent.iterdir() if p != out)


def test_cohort_charts_say_how_many_files_were_left_out(workspace, tmp_path, capsys):
    # cohort_readiness said "across 7 clients", cohort_recency "10 clients", while 4 of 14
    # workbooks could not be read (only the CSV and the terminal said so)
    (workspace / "empty.yaml").write_text("", encoding="utf-8")
    (workspace / "half.yml").write_text("person: {name: Half\n", encoding="utf-8")
    out = tmp_path / "out" / "cohort.csv"
    report = caseload.cohort(workspace, out, today=TODAY, jobs=1)
    assert report.print_summary() == 1
    failed = capsys.readouterr().out.count("\nFAILED ")
    assert failed == len(report.broken) == 3
    for slug in caseload.COHORT_CHARTS:  # the SVG keeps its text as text
        svg = (out.parent / f"{slug}.svg").read_text(encoding="utf-8")
        assert "3 files could not be read: see the CSV" in svg, slug
    report = caseload.cohort(EXAMPLES, tmp_path / "ok" / "cohort.csv", today=TODAY, jobs=1)
    assert not report.broken
    assert "could not be read" not in (tmp_path / "ok" / "cohort_gaps.svg").read_text(
        encoding="utf-8")


def test_cohort_in_chunks_over_processes_gives_the_same_csv(workspace, tmp_path):
    one = caseload.cohort(workspace, tmp_path / "one.csv", today=TODAY, jobs=1, charts=False)
    two = caseload.cohort(workspace, tmp_path / "two.csv", today=TODAY, jobs=2, charts=False,
                       chunk_size=2)
    assert (one.clients, two.clients) == (6, 6)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["one.csv", "two.csv"]


def test_cohort_refuses_a_missing_or_empty_workspace_and_a_folder_as_output(tmp_path):
    with pytest.raises(FileNotFoundError, match="no folder"):
        caseload.cohort(tmp_path / "nope", tmp_path / "c.csv")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match=r"no workbook files \(\*\.yaml\).*career-workbook new"):
        caseload.cohort(tmp_path / "empty", tmp_path / "c.csv")
    (tmp_path / "empty" / "a.yaml").write_text("person: {name: A}\n", encoding="utf-8")
    with pytest.raises(IsADirectoryError, match="give a file name"):
        caseload.cohort(tmp_path / "empty", tmp_path)


def test_roles_are_matched_once_per_distinct_target_role(monkeypatch):
    import career_workbook.catalog as catalog

    calls = []
    real = catalog.resolve_role
    monkeypatch.setattr(catalog, "resolve_role", lambda wb, cat: calls.append(1) or real(wb, cat))
    monkeypatch.setattr(caseload, "_ROLES", {})
    wbs = [new_workbook(f"P{i}", target_role=t)
           for i, t in enumerate(["Ward Manager", "UX designer", "Ward Manager", "astronaut"])]
    got = [caseload._role(wb) for wb in wbs * 2]
    assert len(calls) == 3
    assert [getattr(role, "id", None) for role, _note in got[:4]] == [
        getattr(real(wb, load_catalog()), "id", None) for wb in wbs]


def test_summary_needs_no_dataframe(rich_wb, today, fake_role, monkeypatch):
    import career_workbook.frames as frames

    def refuse(*args, **kwargs):
        raise AssertionError("summary built a DataFrame")

    monkeypatch.setattr(frames.pd, "DataFrame", refuse)
    s = A.summary(rich_wb, today, fake_role)
    assert s.readiness > 0 and not math.isnan(s.readiness)


def test_cohort_starts_no_thread_that_could_race_an_import(workspace, tmp_path, monkeypatch):
    """Issue 12 item 2: a warm-up thread importing matplotlib raced the main thread."""
    import threading

    started = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start",
                        lambda self: started.append(self.name) or real_start(self))
    caseload.cohort(workspace, tmp_path / "c.csv", today=TODAY, jobs=1)
    assert started == []


@pytest.mark.slow
def test_cohort_command_succeeds_twenty_times_in_a_row(tmp_path):
    """Issue 12 item 2: 6 of 10 fresh ``cohort`` runs failed with a half-imported matplotlib."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    failures = []
    for run in range(20):
        proc = subprocess.run(
            [sys.executable, "-m", "career_workbook.cli", "cohort", str(EXAMPLES),
             "--out", str(tmp_path / f"c{run}.csv"), "--today", TODAY.isoformat(),
             *(["--no-charts"] if run % 2 else [])],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
        if proc.returncode != 0:
            failures.append(proc.stderr.strip().splitlines()[-1:])
    assert failures == []


@pytest.mark.parametrize("text", [
    " =1+1", "  @SUM(A1)", "\n=1", "\r\n+1", "\t-1", "＝1+1", "＋1", "－1", "＠SUM(1)",
    "\u3000=1", "﹦1", "\n\n \t=cmd|'/c calc'!A0",
])
def test_csv_cells_that_a_spreadsheet_could_run_are_prefixed(text):
    """Issue 12 item 11: a space, a line break or a full-width sign before a formula."""
    assert caseload._csv_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Ana", "a=1", "Data - Analyst", "", "3 + 4", "email@x"])
def test_csv_cells_of_ordinary_text_are_kept(text):
    assert caseload._csv_text(text) == text


# ---------------------------------------------------------------------------------------
# Issue 16 item 7: the coach's week in the cohort CSV and its printed summary
# ---------------------------------------------------------------------------------------
def test_cohort_csv_has_each_clients_week_and_the_summary_lists_the_nudges(workspace,
                                                                          tmp_path):
    import io
    import sys

    from career_workbook.analysis.coach_week import client_week

    sys.path.insert(0, str(Path(__file__).parent))
    from helpers.workbooks import write_workbook

    for kind in ("new", "half"):
        write_workbook(kind, workspace)
    out = tmp_path / "cohort.csv"
    report = caseload.cohort(workspace, out, today=TODAY, jobs=1, charts=False)
    by = {r["client"]: r for r in read_csv(out)}
    for stem in [p.stem for p in EXAMPLES.glob("*.yaml")] + ["new_workbook", "half_workbook"]:
        week = client_week(store.load(workspace / f"{stem}.yaml"), TODAY, stem)
        row = by[stem]
        assert row["stale_opportunities"] == str(len(week.stale_opportunities))
        assert row["upcoming_14_days"] == str(len(week.upcoming))
        assert row["nudge"] == "; ".join(week.nudges)
        assert row["days_since_check_in"] == (
            "" if week.days_since_check_in is None else str(week.days_since_check_in))
    assert by["new_workbook"]["nudge"] == "has not started yet: no goals, skills or check-ins"
    assert by["new_workbook"]["days_since_check_in"] == ""  # never "nan"
    assert by["broken"]["nudge"] == "" and by["broken"]["stale_opportunities"] == ""
    assert not re.search(r"\bnan\b", out.read_text(encoding="utf-8"), re.IGNORECASE)
    printed = io.StringIO()
    assert report.print_summary(printed) == 1
    text = printed.getvalue()
    nudged = [c for c, r in by.items() if r["nudge"]]
    assert f"Needs a nudge ({len(nudged)}):" in text
    assert "  Nova Person (new_workbook): has not started yet" in text
    assert f"calendar --all {workspace}" in text
    assert [label for label, _ in report.nudges] == [
        f"{by[c]['name'].lstrip(chr(39))} ({c})" if by[c]["name"] else c for c in nudged]


def test_cohort_summary_says_when_nobody_needs_a_nudge(tmp_path):
    import io

    report = caseload.CohortReport(tmp_path / "c.csv", 1, workspace=tmp_path / "my clients")
    printed = io.StringIO()
    assert report.print_summary(printed) == 0
    assert "Nobody needs a nudge this week." in printed.getvalue()
    assert f"calendar --all '{tmp_path / 'my clients'}'" in printed.getvalue()


def test_cohort_says_nothing_of_nudges_when_no_workbook_could_be_read(tmp_path):
    # every file broken: it still said "Nobody needs a nudge this week."
    import io

    (tmp_path / "a.yaml").write_text("person: [\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("name: ci\n", encoding="utf-8")
    report = caseload.cohort(tmp_path, tmp_path / "out" / "c.csv", jobs=1, charts=False)
    printed = io.StringIO()
    assert report.print_summary(printed) == 1
    text = printed.getvalue()
    assert "2 client(s), 0 summarised" in text and text.count("FAILED") == 2
    assert "nudge" not in text and "calendar --all" not in text


def test_every_text_column_of_the_csv_is_escaped_nudges_included(tmp_path):
    """A nudge quotes goal titles; any text column a spreadsheet reads is made inert."""
    from dataclasses import replace

    from career_workbook.analysis.coach_week import client_week

    wb = new_workbook("=1+1", today=TODAY, target_role="+SUM(1)")
    summary = replace(A.summary(wb, TODAY), role_title="-1", top_gap_skill="@A1")
    week = replace(client_week(wb, TODAY), nudges=("=HYPERLINK(\"http://x\")",))
    row = caseload.ClientRow("@client", summary, "+SUM(1)", week=week)
    broken = caseload.ClientRow("=broken", None, error="=cmd|' /c calc'!A0")
    frame = caseload.cohort_frame([row, broken])
    (tmp_path / "c.csv").write_bytes(caseload._csv_bytes(frame))
    rows = read_csv(tmp_path / "c.csv")
    text_columns = list(frame.select_dtypes(exclude=["number", "datetime", "bool"]).columns)
    assert {"client", "name", "target_role", "role_title", "top_gap", "nudge",
            "status"} <= set(text_columns)
    for r in rows:
        for column in text_columns:
            assert not r[column] or r[column][0] not in "=+-@", (column, r[column])
    assert rows[0]["nudge"] == "'=HYPERLINK(\"http://x\")"
    assert [r["client"] for r in rows] == ["'@client", "'=broken"]
    assert rows[1]["status"].startswith("'=cmd") and rows[0]["status"] == "ok"


def test_caseload_frame_keeps_its_schema_with_and_without_weeks():
    from career_workbook.analysis.cohort import CASELOAD_COLUMNS, caseload_frame

    s = A.summary(new_workbook("Sam", today=TODAY), TODAY)
    empty, plain = caseload_frame([]), caseload_frame([s])
    from career_workbook.analysis.coach_week import client_week

    full = caseload_frame([s], weeks=[client_week(new_workbook("Sam", today=TODAY), TODAY)])
    assert list(empty.columns) == list(CASELOAD_COLUMNS)
    assert list(empty.dtypes) == list(plain.dtypes) == list(full.dtypes)
    assert plain.loc[0, "nudge"] is None and math.isnan(plain.loc[0, "stale_opportunities"])
    assert full.loc[0, "nudge"].startswith("has not started")
    with pytest.raises(ValueError, match="weeks has 0 items"):
        caseload_frame([s], weeks=[])


def test_cohort_workers_never_import_the_chart_stack_or_pandas(tmp_path):
    # The workers only summarise: matplotlib took ~0.45 s of their fork server's start, and
    # pandas (which the summaries never use) ~0.3 s of each worker's first chunk.
    # The three charts are still drawn (here, after the rows), and their files written.
    for i in range(3):
        for src in sorted(EXAMPLES.glob("*.yaml")):
            shutil.copy(src, tmp_path / f"{src.stem}_{i}.yaml")
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import sys\n"
        "from career_workbook import caseload\n"
        "def summarise(paths, today, catalog):\n"
        "    rows = caseload.summarise_paths(paths, today, catalog)\n"
        "    loaded = {'matplotlib', 'pandas'} & set(sys.modules)\n"
        "    assert not loaded, f'a cohort worker imported {loaded}'\n"
        "    return rows\n"
        "if __name__ == '__main__':\n"
        "    from datetime import date\n"
        "    from pathlib import Path\n"
        "    caseload.summarise_paths = summarise\n"
        "    report = caseload.cohort(Path(sys.argv[1]), Path(sys.argv[2]), jobs=2,\n"
        "                             chunk_size=2, today=date(2026, 11, 22))\n"
        "    print(report.clients, report.broken, sorted(p.name for p in report.charts))\n",
        encoding="utf-8")
    out = subprocess.run([sys.executable, str(probe), str(tmp_path), str(tmp_path / "c.csv")],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    n = 3 * len(list(EXAMPLES.glob("*.yaml")))
    assert out.stdout.startswith(f"{n} [] ["), out.stdout  # every row made, none broken
    assert "c_gaps.png" in out.stdout and "c_recency.svg" in out.stdout  # named after c.csv


def test_the_csv_opens_in_excel_with_names_in_any_script(tmp_path):
    """Excel reads a double-clicked CSV as UTF-8 only after a byte-order mark; pandas skips it."""
    import pandas as pd

    rows = [caseload.ClientRow(name, A.summary(new_workbook(name, today=TODAY), TODAY))
            for name in ("José Ñúñez", "王小明")]
    (tmp_path / "c.csv").write_bytes(caseload._csv_bytes(caseload.cohort_frame(rows)))
    data = (tmp_path / "c.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfclient,"), data[:20]
    assert pd.read_csv(tmp_path / "c.csv")["client"].tolist() == ["José Ñúñez", "王小明"]


def test_the_nudge_the_csv_and_the_recency_chart_agree_on_who_is_overdue(tmp_path):
    """The chart's headline counted a client who started today (no check-in yet) and left
    blue the one nudged for 29 days without a check-in: one rule now."""
    from collections import Counter

    from career_workbook import charts

    ws = tmp_path / "ws"
    ws.mkdir()
    for stem, start, last in (("nudged", date(2026, 1, 5), TODAY - timedelta(days=31)),
                              ("fresh", TODAY, None), ("quiet", date(2026, 1, 5), None)):
        wb = new_workbook(stem.capitalize(), today=start)
        wb.goals.append(Goal(id="g", text="Ship the report", status="active", created=start))
        if last is not None:
            wb.check_ins.append(CheckIn(date=last))
        store.save(wb, ws / f"{stem}.yaml")
    out = tmp_path / "cohort.csv"
    caseload.cohort(ws, out, today=TODAY, jobs=1, charts=False)
    rows = {r["client"]: r for r in read_csv(out)}
    assert {c: r["check_in_overdue"] for c, r in rows.items()} == {
        "fresh": "False", "nudged": "True", "quiet": "True"}
    assert rows["nudged"]["nudge"] == "no check-in for 4 weeks"
    assert rows["quiet"]["nudge"] == "no check-in yet, 11 months after starting"
    assert rows["fresh"]["nudge"] == ""
    frame = caseload.cohort_frame(caseload.summarise_paths(sorted(ws.glob("*.yaml")), TODAY))
    fig = charts.plot_cohort_recency(**caseload._chart_data(frame, Counter())["cohort_recency"])
    assert fig.get_suptitle() == "2 clients without a check-in for more than 30 days"


def test_a_second_cohort_csv_in_the_same_folder_keeps_the_first_ones_charts(tmp_path):
    """Red-team M #7: ``cohort --out out/cohort2.csv`` beside out/cohort.csv overwrote the
    first run's cohort_*.png, which then disagreed with cohort.csv."""
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(EXAMPLES / "priya_data_analyst.yaml", ws)
    out = tmp_path / "out"
    first = caseload.cohort(ws, out / "cohort.csv", today=TODAY)
    before = {p.name: p.read_bytes() for p in first.charts}
    store.save(new_workbook("Nia Bell", today=TODAY), ws / "nia.yaml")
    second = caseload.cohort(ws, out / "h2 review.csv", today=TODAY)
    assert sorted(p.name for p in second.charts) == [
        "h2-review_gaps.png", "h2-review_gaps.svg", "h2-review_readiness.png",
        "h2-review_readiness.svg", "h2-review_recency.png", "h2-review_recency.svg"]
    assert {p.name: p.read_bytes() for p in first.charts} == before
    assert sorted(before) == sorted(f"{slug}.{ext}" for slug in caseload.COHORT_CHARTS
                                    for ext in ("png", "svg"))
