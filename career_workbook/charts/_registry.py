"""The list of charts: a stable slug, a human title, and what to say while it is empty."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartSpec:
    """One chart of the workbook.

    Attributes
    ----------
    slug : str
        Stable identifier, used in file names (``skill_gaps.png``) and notebook calls.
    title : str
        Human title, e.g. for a review pack's table of contents.
    empty_message : str
        What the placeholder says before there is data, naming the notebook that adds it.
    notebook : str
        Number of the notebook that fills the chart (``'05'``).
    plot : str
        Name of the ``plot_*`` function in :mod:`career_workbook.charts` that draws it.

    >>> CHARTS["wellbeing"].empty_message
    'No check-ins yet — notebook 09 adds them'
    """

    slug: str
    title: str
    empty_message: str
    notebook: str = ""
    plot: str = ""


def _specs(*specs: ChartSpec) -> dict[str, ChartSpec]:
    return {s.slug: s for s in specs}


CHARTS: dict[str, ChartSpec] = _specs(
    ChartSpec("skill_radar", "Skill radar",
              "No skills rated yet — notebook 01 (self-assessment) adds them",
              "01", "plot_skill_radar"),
    ChartSpec("skill_gaps", "Biggest skill gaps",
              "No skill gaps yet — rate your skills in notebook 01, notebook 05 sets targets",
              "05", "plot_skill_gaps"),
    ChartSpec("smart_scorecard", "SMART goal scorecard",
              "No goals yet — notebook 04 helps you write SMART goals",
              "04", "plot_smart_scorecard"),
    ChartSpec("goal_timeline", "Goal timeline",
              "No goals yet — notebook 04 adds them, notebook 06 plans the milestones",
              "04", "plot_goal_timeline"),
    ChartSpec("progress", "Progress against plan",
              "No goals to track yet — notebook 04 adds goals, notebook 09 records progress",
              "09", "plot_progress"),
    ChartSpec("feedback_360", "360 feedback: self and others",
              "No colleague feedback yet — notebook 02 adds it",
              "02", "plot_feedback_360"),
    ChartSpec("network", "Your network",
              "No contacts yet — notebook 07 adds them",
              "07", "plot_network"),
    ChartSpec("values_wheel", "Values wheel",
              "No values yet — notebook 03 (vision & values) adds them",
              "03", "plot_values_wheel"),
    ChartSpec("learning_hours", "Learning hours",
              "No learning logged yet — notebook 08 adds it",
              "08", "plot_learning_hours"),
    ChartSpec("wellbeing", "Motivation and confidence",
              "No check-ins yet — notebook 09 adds them",
              "09", "plot_wellbeing"),
    ChartSpec("readiness", "Readiness for the target role",
              "No readiness yet — rate your skills in notebook 01, notebook 05 picks the "
              "target role",
              "05", "plot_readiness"),
)
"""Every per-workbook chart, by slug, in review-pack order."""

COHORT_CHARTS: dict[str, ChartSpec] = _specs(
    ChartSpec("cohort_readiness", "Readiness across the caseload",
              "No readiness scores yet — clients rate their skills in notebook 01",
              "01", "plot_cohort_readiness"),
    ChartSpec("cohort_gaps", "Most common skill gaps",
              "No skill gaps across the caseload yet — clients fill notebook 05",
              "05", "plot_cohort_gaps"),
    ChartSpec("cohort_recency", "Days since the last check-in",
              "No clients yet — add workbooks to the caseload; notebook 09 records check-ins",
              "09", "plot_cohort_recency"),
)
"""The coach's caseload charts (one figure for many workbooks)."""

NOT_ENOUGH_RATERS = (
    "Not enough raters to show others' view ({n} needed, to keep feedback anonymous) — "
    "notebook 02 adds feedback"
)
RADAR_TOO_FEW = "Rate at least 3 skills to draw the radar — notebook 01 (self-assessment)"
NO_RATINGS = "No self-ratings yet — notebook 01 (self-assessment) adds them"
NO_GAPS = "No gaps to close: every rated skill is at or above its target"
NO_DATED_LEARNING = "No dated learning yet — add start or completion dates in notebook 08"
NO_HOURS = "No learning hours logged yet — notebook 08 adds them"
NO_WELLBEING = "No motivation or confidence scores yet — notebook 09 asks for them"
