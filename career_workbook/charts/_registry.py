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
        What the placeholder says before there is data, naming the step (and form) that adds
        it in words that read right inside that step's own notebook too.
    notebook : str
        Number of the notebook that fills the chart (``'05'``).
    plot : str
        Name of the ``plot_*`` function in :mod:`career_workbook.charts` that draws it.

    >>> CHARTS["wellbeing"].empty_message
    'No check-ins yet — record one with the check-in form (step 09)'
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
              "No skills rated yet — rate them in the self-assessment (step 01)",
              "01", "plot_skill_radar"),
    ChartSpec("skill_gaps", "Biggest skill gaps",
              "No skill gaps yet — rate your skills in the self-assessment (step 01)",
              "05", "plot_skill_gaps"),
    ChartSpec("smart_scorecard", "SMART goal scorecard",
              "No goals yet — write one with the SMART goal drafter (step 04)",
              "04", "plot_smart_scorecard"),
    ChartSpec("goal_timeline", "Goal timeline",
              "No goals yet — write them in SMART goals (step 04), plan milestones in step 06",
              "04", "plot_goal_timeline"),
    ChartSpec("progress", "Progress against plan",
              "No goals to track yet — write goals in step 04, record progress at a check-in "
              "(step 09)",
              "09", "plot_progress"),
    ChartSpec("feedback_360", "360 feedback: self and others",
              "No colleague feedback yet — add it with the 360 feedback form (step 02)",
              "02", "plot_feedback_360"),
    ChartSpec("reputation", "Reputation: how colleagues see you",
              "No reputation ratings yet — add them with the 360 feedback form (step 02)",
              "02", "plot_reputation"),
    ChartSpec("network", "Your network",
              "No contacts yet — add them with the network form (step 07)",
              "07", "plot_network"),
    ChartSpec("values_wheel", "Values wheel",
              "No values yet — add them with the values form (step 03)",
              "03", "plot_values_wheel"),
    ChartSpec("learning_hours", "Learning hours",
              "No learning logged yet — add it with the learning form (step 08)",
              "08", "plot_learning_hours"),
    ChartSpec("wellbeing", "Motivation and confidence",
              "No check-ins yet — record one with the check-in form (step 09)",
              "09", "plot_wellbeing"),
    ChartSpec("readiness", "Readiness for the target role",
              "No readiness yet — rate your skills in the self-assessment (step 01); a role "
              "profile (step 05) is optional",
              "05", "plot_readiness"),
    ChartSpec("opportunities", "Opportunity pipeline",
              "No opportunities yet — note the first one with the opportunity form (step 10)",
              "10", "plot_opportunities"),
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
    "add feedback with the 360 feedback form (step 02)"
)
RADAR_TOO_FEW = "Rate at least 3 skills to draw the radar — in the self-assessment (step 01)"
ONE_VALUE = "Add more values to compare them — with the values form (step 03)"
NO_RATINGS = "No self-ratings yet — rate your skills in the self-assessment (step 01)"
NO_SKILLS_TO_RATE = ("No skills to ask colleagues about yet — list the skills you track first "
                     "(step 01), then add their ratings with the 360 feedback form (step 02)")
NO_SELF_RATINGS = ("Colleagues rated {n}, but you have not rated yourself on {them} yet — "
                   "rate yourself in the self-assessment (step 01)")
NO_GAPS = "No gaps to close: every rated skill is at or above its target"
RATE_THEM = "rate them in the self-assessment (step 01)"
NO_DATED_LEARNING = ("No dated learning yet — add start or completion dates with the learning "
                     "form (step 08)")
UNDATED_HOURS = ("{hours} h logged without dates — add a start or completion date with the "
                 "learning form (step 08) to see them here")
NO_HOURS = "No learning hours logged yet — add them with the learning form (step 08)"
LATER_HOURS = ("No learning hours up to today — {hours} h dated from {day} on count from that "
               "day")
NO_WELLBEING = "No motivation or confidence scores yet — the check-in form (step 09) asks for them"
