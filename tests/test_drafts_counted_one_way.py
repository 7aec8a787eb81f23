"""Drafts counted one way everywhere (red-team M #8).

Hal (one draft goal, no deadline): the cover said "0 of 0 active (1 draft not counted)",
the goal timeline "0 of 1 goal done" and drew the draft to an invented end marked "no
deadline", and "Progress against plan" had a page with an empty chart, where the README
says a chart with nothing to show goes to "Still to come".
"""

from __future__ import annotations

from datetime import date

from career_workbook import analysis, batch, figures, store
from career_workbook.analysis.progress import goal_counts_words
from career_workbook.charts._style import is_placeholder, placeholder_message
from career_workbook.model import Goal, new_workbook

TODAY = date(2026, 12, 6)


def drafts_only(n=1):
    wb = new_workbook("Hal Berg", today=date(2026, 11, 20))
    wb.goals += [Goal(id=f"g{i}", text=f"Lead data project {i}", created=date(2026, 11, 20))
                 for i in range(1, n + 1)]
    return wb


def test_cover_words_drafts_without_0_of_0():
    counts = analysis.summary(drafts_only(), TODAY).goal_counts
    assert goal_counts_words(counts, lead=False) == "no active goals (1 draft not counted)"


def test_timeline_counts_no_draft_and_invents_no_end():
    wb = drafts_only(2)
    wb.goals.append(Goal(id="g9", text="Ship the forecast", status="active",
                         created=date(2026, 10, 1), deadline=date(2027, 3, 1)))
    fig = figures.make_figure(wb, "goal_timeline", today=TODAY)
    assert fig.get_suptitle().startswith("Next deadline")
    ax = fig.axes[0]
    texts = [t.get_text().strip() for t in ax.texts]
    assert texts.count("draft; no deadline yet") == 2
    assert "no deadline" not in texts
    assert len(ax.patches) == 1  # only the active goal has a bar (to its deadline)
    only = figures.make_figure(drafts_only(), "goal_timeline", today=TODAY)
    assert only.get_suptitle() == "No goals committed to yet (1 draft not counted)"


def test_progress_with_only_drafts_goes_to_still_to_come():
    fig = figures.make_figure(drafts_only(), "progress", today=TODAY)
    assert is_placeholder(fig)
    assert "1 draft goal not committed to" in placeholder_message(fig)

def test_pack_lists_progress_under_still_to_come(tmp_path):
    path = tmp_path / "hal.yaml"
    store.save(drafts_only(), path)
    assert batch.pack_clients([path], tmp_path / "out", today=TODAY, formats=("html",)).ok
    html = (tmp_path / "out" / "hal" / "review.html").read_text(encoding="utf-8")
    to_come = html[html.index("Still to come"):]
    assert "Progress against plan" in to_come
    assert "1 draft goal not committed to" in to_come
    assert "no active goals (1 draft not counted)" in html
    assert "0 of 0 active" not in html


def test_the_progress_headline_counts_a_dropped_goal_too():
    """"No active goals (1 done)" for a workbook with a goal done and a goal dropped read
    as if there were one goal: the dropped one is said too (it has no panel)."""
    wb = new_workbook("Hal Berg", today=date(2026, 11, 20))
    wb.goals += [Goal(id="g1", text="Ship the forecast", status="done",
                      created=date(2026, 10, 1), deadline=date(2027, 3, 1)),
                 Goal(id="g2", text="Move to Berlin", status="dropped",
                      created=date(2026, 10, 1), deadline=date(2027, 6, 1))]
    fig = figures.make_figure(wb, "progress", today=TODAY)
    assert fig.get_suptitle() == "No active goals (1 done, 1 dropped)"
    wb.goals.append(Goal(id="g3", text="Lead a review by May 2027", status="active",
                         created=date(2026, 10, 1), deadline=date(2027, 5, 1)))
    fig = figures.make_figure(wb, "progress", today=TODAY)
    assert fig.get_suptitle().endswith("(1 done, 1 dropped)"), fig.get_suptitle()


def test_the_cover_and_the_coach_count_a_dropped_goal_as_the_chart_does():
    """The progress chart said "(1 done, 1 dropped)" while the cover and the cohort's
    words, from the summary, said "(1 done)": one count, said alike everywhere."""
    wb = new_workbook("Hal Berg", today=date(2026, 11, 20))
    wb.goals += [Goal(id="g1", text="Ship the forecast", status="done",
                      created=date(2026, 10, 1), deadline=date(2027, 3, 1)),
                 Goal(id="g2", text="Move to Berlin", status="dropped",
                      created=date(2026, 10, 1), deadline=date(2027, 6, 1))]
    s = analysis.summary(wb, TODAY)
    assert s.goals_dropped == 1
    assert goal_counts_words(s.goal_counts) == "No active goals (1 done, 1 dropped)"
    assert (goal_counts_words(s.goal_counts)
            == figures.make_figure(wb, "progress", today=TODAY).get_suptitle())
