"""The review pack says one thing one way: its charts, tables, cover and the cohort agree
(a coach reading two of them side by side never meets two answers to one question)."""

from __future__ import annotations

from datetime import date

import numpy as np

from career_workbook.analysis.scorecard import CRITERIA, smart_scorecard_frame
from career_workbook.analysis.smart import verdict_mark
from career_workbook.charts import plot_smart_scorecard
from career_workbook.export.content import pack_content
from career_workbook.model import Goal, new_workbook

DAY = date(2026, 12, 6)


# ----------------------------------------------------------------------------------------
# SMART scorecard chart and "Goals and SMART scores" table
# ----------------------------------------------------------------------------------------
def _goals_wb():
    wb = new_workbook("Ana Silva", today=date(2026, 9, 1), target_role="Project manager")
    wb.goals += [
        # no confidence given: achievable cannot be judged (its score is a placeholder 0.5)
        Goal(id="g1", text="Finish a Coursera course on negotiation", status="draft",
             created=date(2026, 9, 1)),
        # confidence 5 of 10: achievable is judged "partly" (a real 0.5)
        Goal(id="g2", text="Pass the PMP exam by March 2027", status="active",
             confidence=5, created=date(2026, 9, 1)),
    ]
    return wb


def _cell_texts(fig, rows: int) -> list[list[str]]:
    texts = [t.get_text() for t in fig.axes[0].texts]
    return np.array(texts).reshape(rows, len(CRITERIA) + 1)[:, :len(CRITERIA)].tolist()


def test_scorecard_chart_marks_not_judged_as_the_goals_table_does():
    wb = _goals_wb()
    card = smart_scorecard_frame(wb, DAY)
    assert card.set_index("goal_id").loc["g1", "not_judged"][0] == "achievable"
    fig = plot_smart_scorecard(card)
    cells = _cell_texts(fig, len(card))
    table = pack_content(wb, today=DAY).goals
    for goal, row in zip(table, cells, strict=True):
        for (name, verdict), text in zip(goal.criteria, row, strict=True):
            # "?" in the table is "?" in the chart, and a number is never "?"
            assert (text == verdict_mark("open")) == (verdict == "open"), (goal.text, name)
    achievable = CRITERIA.index("achievable")
    assert cells[0][achievable] == "?"      # not judged: no confidence given
    assert cells[1][achievable] == "0.5"    # judged partly met
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["? not judged yet"]


def test_scorecard_headline_does_not_count_a_criterion_not_judged_as_weak():
    wb = new_workbook("Ana Silva", today=date(2026, 9, 1))
    wb.goals.append(Goal(id="g1", text="Run the Lisbon half marathon by 31 May 2027",
                         status="active", created=date(2026, 9, 1)))
    card = smart_scorecard_frame(wb, DAY)
    assert {"achievable", "relevant"} <= set(card["not_judged"].iloc[0])
    head = plot_smart_scorecard(card).get_suptitle()
    assert "achievable" not in head and "relevant" not in head, head


def test_scorecard_without_unjudged_criteria_has_no_legend():
    wb = _goals_wb()
    wb.goals[0].confidence = 8
    wb.vision.long_term = "Lead projects that matter; negotiation and PMP are the way"
    card = smart_scorecard_frame(wb, DAY)
    judged = card[card["not_judged"].map(len) == 0]
    assert len(judged) >= 1
    fig = plot_smart_scorecard(judged)
    assert not fig.legends and "?" not in [t.get_text() for t in fig.axes[0].texts]


# ----------------------------------------------------------------------------------------
# 360 chart: the grey band, its legend and the headline's counts follow one rule
# ----------------------------------------------------------------------------------------
def _feedback_wb(self_levels: dict[str, int], others: dict[str, list[int]]):
    from career_workbook.model import Assessment, Feedback, Skill

    wb = new_workbook("Kofi Mensah", today=date(2026, 9, 1))
    wb.skills += [Skill(name=n) for n in self_levels]
    wb.assessments.append(Assessment(date=date(2026, 9, 1), ratings=self_levels))
    for i in range(3):
        wb.feedback.append(Feedback(
            rater_group="peer", rater_id=f"P{i + 1}", date=date(2026, 10, 1),
            ratings={skill: levels[i] for skill, levels in others.items()}))
    return wb


def test_one_level_apart_is_agreement_in_the_frame_the_headline_and_the_legend():
    from career_workbook.analysis.feedback import feedback_360_frame
    from career_workbook.charts import plot_feedback_360

    wb = _feedback_wb({"Budgeting": 2, "Mentoring": 4, "Negotiation": 2},
                      {"Budgeting": [3, 3, 3],        # exactly one level above: agree
                       "Mentoring": [3, 3, 3],        # exactly one level below: agree
                       "Negotiation": [3, 4, 3]})     # 1.33 above: a hidden strength
    frame = feedback_360_frame(wb, today=DAY).set_index("skill")
    assert frame.loc["Budgeting", "quadrant"] == "agreed development area"
    assert frame.loc["Mentoring", "quadrant"] == "agreed strength"  # the two average 3.5
    assert frame.loc["Negotiation", "quadrant"] == "hidden strength"
    fig = plot_feedback_360(frame.reset_index())
    assert fig.get_suptitle() == "Hidden strength: Negotiation"
    legend = " ".join(fig.legends[0].get_texts()[0].get_text().split())
    assert legend == "grey band: you and colleagues agree (at most 1 level apart)"


def test_every_example_headline_counts_only_points_outside_the_grey_band():
    import re

    import career_workbook as cw
    from career_workbook.analysis.feedback import AGREEMENT_BAND, feedback_360_frame
    from career_workbook.charts import plot_feedback_360
    from tests.conftest import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.yaml")):
        frame = feedback_360_frame(cw.load(path), today=DAY)
        shown = frame.dropna(subset=["self", "others"])
        if shown.empty:
            continue
        outside = (shown["others"] - shown["self"]).abs() > AGREEMENT_BAND
        assert (shown["quadrant"].str.startswith("agreed") == ~outside).all(), path.name
        head = plot_feedback_360(frame).get_suptitle()
        counted = shown[shown["quadrant"].isin(["blind spot", "hidden strength"])]
        if counted.empty:
            assert head.startswith("You and your colleagues agree"), (path.name, head)
        else:
            named = re.search(r"(?:: |biggest: )(.+)$", head).group(1)
            assert named in set(counted["skill"]), (path.name, head)


# ----------------------------------------------------------------------------------------
# Readiness: one rounding, from the true value, for the cover, the CSV and the coach's table
# ----------------------------------------------------------------------------------------
def _readiness_wb(name: str, importances, ratings):
    from career_workbook.model import Assessment, Skill

    wb = new_workbook(name, today=date(2026, 9, 1))
    skills = [f"Skill {i}" for i in range(len(importances))]
    wb.skills += [Skill(name=s, importance=i, target_level=5)
                  for s, i in zip(skills, importances, strict=True)]
    wb.assessments.append(Assessment(date=date(2026, 9, 1),
                                     ratings=dict(zip(skills, ratings, strict=True))))
    return wb


def test_readiness_is_the_same_whole_number_on_the_cover_in_the_csv_and_the_overview(tmp_path):
    import csv
    import shutil

    from career_workbook import analysis, caseload, store
    from career_workbook.widgets.coach import load_caseload, overview_html
    from career_workbook.wording import whole_percent
    from tests.conftest import EXAMPLES

    folder = tmp_path / "workbooks"
    folder.mkdir()
    # (1*0 + 5*0 + 5*5) / (5 + 25 + 25) = 45.4545...: "45.5" in the CSV read as 46
    store.save(_readiness_wb("Lena Vogel", (1, 5, 5), (0, 0, 5)), folder / "lena.yaml")
    # 86.52...: Jordan's 2 profile skills never rated are left out (red-team M: not a 0)
    shutil.copy(EXAMPLES / "jordan_engineer.yaml", folder / "jordan.yaml")
    caseload.cohort(folder, tmp_path / "cohort.csv", today=DAY, charts=False)
    with open(tmp_path / "cohort.csv", encoding="utf-8-sig") as f:
        csv_readiness = {row["client"]: row["readiness"] for row in csv.DictReader(f)}
    assert csv_readiness == {"jordan": "87", "lena": "45"}

    overview = overview_html(load_caseload(folder, DAY))
    for client in ("jordan", "lena"):
        wb = store.load(folder / f"{client}.yaml")
        from career_workbook.catalog import load_catalog, resolve_role

        role = resolve_role(wb, load_catalog())
        cover = {h.label: h.value for h in pack_content(wb, today=DAY, role=role).headlines}
        assert cover["Readiness"] == f"{csv_readiness[client]}%"
        true = analysis.summary(wb, DAY, role).readiness
        assert whole_percent(true) == int(csv_readiness[client])
        assert f">{csv_readiness[client]}<" in overview


# ----------------------------------------------------------------------------------------
# The terminal's nudge list names a client as the CSV does
# ----------------------------------------------------------------------------------------
def test_cohort_nudge_list_prints_joined_emoji_and_scripts_as_typed(tmp_path):
    import csv
    import io

    from career_workbook import caseload, store

    names = {"kiana": "Kiana Rahimi 👨\u200d👩\u200d👧\u200d👦",
             "ana": "Ana 👩\u200d💻 Díaz",
             "mehr": "Mehr\u200cnaz Karimi"}  # a zero-width non-joiner, as Persian writes it
    for client, name in names.items():
        store.save(new_workbook(name, today=date(2026, 9, 1)), tmp_path / f"{client}.yaml")
    report = caseload.cohort(tmp_path, tmp_path / "out" / "cohort.csv", today=DAY,
                             charts=False)
    printed = io.StringIO()
    report.print_summary(printed)
    lines = printed.getvalue().splitlines()
    with open(tmp_path / "out" / "cohort.csv", encoding="utf-8-sig") as f:
        csv_names = {row["client"]: row["name"] for row in csv.DictReader(f)}
    for client, name in names.items():
        assert csv_names[client] == name
        assert f"  {name} ({client}): has not started yet" in {
            line.split(": no goals")[0] for line in lines}, lines


def test_one_line_keeps_joiners_and_makes_controls_safe():
    from career_workbook.wording import one_line

    family = "👨\u200d👩\u200d👧\u200d👦"
    assert one_line(f"Zoë\n{family}\t\x1b[2J") == f"Zoë {family} [2J"
    assert one_line("x" * 58 + family, 60) == "x" * 58 + "👨…"  # no joiner left dangling


def test_the_coach_week_names_an_opportunity_as_typed():
    from career_workbook.analysis.coach_week import client_week
    from career_workbook.model import Opportunity

    wb = new_workbook("Ana Díaz", today=date(2026, 1, 5))
    title = "Talk at the 🏳\ufe0f\u200d🌈 network (Lisbon)"
    wb.opportunities.append(Opportunity(title=title, spotted=date(2026, 9, 1)))
    (stale, _days), = client_week(wb, DAY).stale_opportunities
    assert stale == title


# ----------------------------------------------------------------------------------------
# Goal counts add up wherever they are worded: cover, progress chart, cohort, coach overview
# ----------------------------------------------------------------------------------------
def _two_goals_one_without_deadline():
    from career_workbook.model import CheckIn

    wb = new_workbook("Ravi Menon", today=date(2026, 9, 1))
    wb.goals += [
        Goal(id="g1", text="Read two books on product discovery", status="active",
             created=date(2026, 9, 1)),  # no deadline
        Goal(id="g2", text="Lead one customer interview series by 28 February 2027",
             status="active", created=date(2026, 9, 1), deadline=date(2027, 2, 28)),
    ]
    wb.check_ins.append(CheckIn(date=date(2026, 9, 20), progress={"g1": 10, "g2": 5}))
    return wb


def test_a_goal_without_a_deadline_is_counted_on_the_cover_the_chart_and_the_caseload(
        tmp_path):
    import csv

    from career_workbook import analysis, caseload, figures, store
    from career_workbook.widgets.coach import load_caseload, overview_html

    wb = _two_goals_one_without_deadline()
    s = analysis.summary(wb, DAY)
    assert (s.goals_active, s.goals_on_track, s.goals_behind, s.goals_no_deadline) == (2, 0, 1, 1)
    cover = {h.label: h for h in pack_content(wb, today=DAY).headlines}
    assert cover["Goals on track"].value == "0"
    assert cover["Goals on track"].detail == "of 2 active, 1 behind, 1 has no deadline"
    chart = figures.make_figure(wb, "progress", today=DAY)
    words = "0 of 2 active goals on track, 1 behind, 1 has no deadline"
    assert chart.get_suptitle() == words

    store.save(wb, tmp_path / "ravi.yaml")
    caseload.cohort(tmp_path, tmp_path / "out" / "cohort.csv", today=DAY, charts=False)
    with open(tmp_path / "out" / "cohort.csv", encoding="utf-8-sig") as f:
        (row,) = csv.DictReader(f)
    kinds = ("on_track", "behind", "overdue", "not_started", "no_deadline")
    assert sum(int(row[f"goals_{k}"]) for k in kinds) == int(row["goals_active"]) == 2
    assert row["goals"] == words
    assert words in overview_html(load_caseload(tmp_path, DAY))


def test_every_example_words_its_goals_alike_on_the_chart_the_cover_and_the_caseload():
    import career_workbook as cw
    from career_workbook import analysis, figures
    from career_workbook.analysis.cohort import caseload_frame
    from tests.conftest import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.yaml")):
        wb = cw.load(path)
        s = analysis.summary(wb, DAY)
        words = analysis.goal_counts_words(s.goal_counts)
        chart = figures.make_figure(wb, "progress", today=DAY)
        assert " ".join(chart.get_suptitle().split()) == words, path.name
        assert caseload_frame([s])["goals"].iloc[0] == words
        cover = {h.label: h for h in pack_content(wb, today=DAY).headlines}
        assert cover["Goals on track"].detail == analysis.goal_counts_words(
            s.goal_counts, lead=False)


def test_goal_counts_always_add_up_to_the_active_goals():
    from itertools import product

    from career_workbook.analysis.progress import TRACKS, goal_counts

    for pairs in product(product(("active", "done", "draft"), TRACKS), repeat=2):
        c = goal_counts(pairs)
        assert c.on_track + c.behind + c.overdue + c.not_started + c.no_deadline == c.active


# ----------------------------------------------------------------------------------------
# Progress chart: no line strikes a label through
# ----------------------------------------------------------------------------------------
def _struck_labels(fig) -> list[str]:
    """The labels of progress panels (track names, forecast words) that a line of their
    panel crosses, or that needed a white box, after a real PNG draw."""
    import io

    fig.savefig(io.BytesIO(), format="png", dpi=100)
    renderer = fig.canvas.get_renderer()
    struck = []
    for ax in fig.axes:
        paths = [ln.get_transform().transform_path(ln.get_path()) for ln in ax.get_lines()
                 if ln.get_visible() and len(ln.get_xydata()) > 1]
        for text in ax.texts:  # a panel's texts: its track's name, its forecast's date
            box = text.get_window_extent(renderer)
            if text.get_bbox_patch() is not None or any(
                    p.intersects_bbox(box, filled=False) for p in paths):
                struck.append(f"{ax.get_title(loc='left')!r}: {text.get_text()!r}")
    return struck


def _late_and_open_goals():
    """A goal far behind with its forecast beyond the panel, and one without a deadline whose
    level forecast runs along the bottom, where the track's name used to sit."""
    from career_workbook.model import CheckIn

    wb = new_workbook("Oskar Lind", today=date(2026, 9, 1))
    wb.goals += [
        Goal(id="g1", text="Ship one model to production by 31 March 2027",
             status="active", created=date(2026, 9, 5), deadline=date(2027, 3, 31)),
        Goal(id="g2", text="Finish the Coursera ML course", status="active",
             created=date(2026, 9, 5)),
        Goal(id="g3", text="Write four blog posts on data quality by 30 June 2027",
             status="active", created=date(2026, 9, 5), deadline=date(2027, 6, 30)),
    ]
    wb.check_ins += [CheckIn(date=date(2026, 9, 20), progress={"g1": 5, "g2": 10, "g3": 20}),
                     CheckIn(date=date(2026, 11, 20), progress={"g3": 45})]
    return wb


def test_progress_labels_are_never_struck_through_by_the_panels_lines():
    import career_workbook as cw
    from career_workbook import figures
    from tests.helpers.workbooks import EXAMPLES, half_filled_workbook

    books = {p.stem: cw.load(p) for p in EXAMPLES}
    books["half filled"] = half_filled_workbook()
    books["late and open"] = _late_and_open_goals()
    for name, wb in books.items():
        for day in (DAY, date(2027, 2, 1)):
            fig = figures.make_figure(wb, "progress", today=day)
            assert _struck_labels(fig) == [], (name, day)
    # the reported ones: Mei's "forecast: Feb 2027", a level forecast and "no deadline"
    fig = figures.make_figure(_late_and_open_goals(), "progress", today=DAY)
    said = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "no deadline" in said and any(s.startswith("forecast: ") for s in said)
