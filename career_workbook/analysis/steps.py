"""The eleven guided steps, and how far one workbook has got in each (for the app's start page).

Pure: takes a :class:`~career_workbook.model.Workbook` (or ``None`` before one exists) and
returns plain records; no I/O, no widgets.

>>> from career_workbook.model import new_workbook
>>> [(s.stem, s.progress) for s in step_progress(None)][:2]
[('00_start_here', 'no workbook yet: start here'), ('01_self_assessment', 'not started')]
>>> wb = new_workbook("Sam Lee")
>>> [s.progress for s in step_progress(wb)][:5]
['workbook created', 'no skills rated yet', 'no feedback yet', 'no vision yet', 'no goals yet']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from career_workbook.model import OWN_TARGETS, Workbook
from career_workbook.wording import people_words, plural

__all__ = ["STEPS", "Step", "StepProgress", "step_progress"]


@dataclass(frozen=True)
class Step:
    """One guided notebook: file stem, title and what the person does there."""

    stem: str
    title: str
    blurb: str


STEPS: tuple[Step, ...] = (
    Step("00_start_here", "Start here", "Create or open your workbook and see how it works."),
    Step("01_self_assessment", "Self-assessment",
         "Rate the skills you track, and name your strengths."),
    Step("02_feedback_360", "360 feedback",
         "Add colleagues' ratings and compare them with your own."),
    Step("03_vision_values", "Vision and values",
         "Where you want to be, and what matters to you on the way."),
    Step("04_smart_goals", "SMART goals", "Draft goals with live feedback as you type."),
    Step("05_skill_gap", "Skill gap", "Pick a target role and see the gaps to close."),
    Step("06_action_plan", "Action plan", "Turn goals into actions and milestones."),
    Step("07_network", "Network", "Mentors, sponsors and the follow-ups you owe them."),
    Step("08_achievements_learning", "Achievements and learning",
         "Evidence for reviews, and the hours you put into learning."),
    Step("09_progress_review", "Progress review",
         "The regular check-in: progress against plan and what to do next."),
    Step("10_opportunities", "Opportunities",
         "Projects, roles and invitations worth going for, and the next step on each."),
)
"""The steps in order. The coach's caseload notebook is not one of them."""


@dataclass(frozen=True)
class StepProgress:
    """A step with a short progress note (``"3 skills rated"``) and whether it has content."""

    stem: str
    title: str
    blurb: str
    progress: str
    started: bool


def _target(wb: Workbook, role: Any) -> str:
    """The target role as a person reads it: the catalog profile's title, else their own
    words, else the profile's id in words (a profile the catalog no longer has); ``''``
    when notebook 05 chose the person's own targets over any profile."""
    if role is not None:
        return role.title
    if wb.role_profile == OWN_TARGETS:
        return ""
    return wb.person.target_role.strip() or (wb.role_profile or "").replace("_", " ")


def _skill_gap_note(wb: Workbook, role: Any) -> tuple[str, bool]:
    """Step 05's note: the target role, else the person's own targets (the levels they set
    for their skills, or a posting used as their target profile set: the charts measure
    them against those), else nothing yet."""
    target = _target(wb, role)
    if target:
        return f"target: {target}", True
    own = sum(s.target_level > 0 for s in wb.skills)
    if own:
        return f"target: your own targets for {plural(own, 'skill')}", True
    return "no target yet", False


def _rated_words(rated: set[str], wb: Workbook) -> str:
    """How many of the skills tracked are rated: "3 of 17 skills rated" while some are not
    ("3 skills rated" read as done with 14 waiting), "17 skills rated" once all are."""
    tracked = {s.name for s in wb.skills}
    done = len(rated & tracked) if tracked else len(rated)
    if tracked and done < len(tracked):
        return f"{done} of {plural(len(tracked), 'skill')} rated"
    return plural(done, "skill rated", "skills rated")


def _people(wb: Workbook) -> str:
    """Step 07's note: how many people (one entered twice counts once, and it says so).

    >>> from career_workbook.model import Contact, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.contacts += [Contact(name="Dana Lee"), Contact(name="dana  lee"), Contact(name="Bo")]
    >>> _people(wb)
    '2 contacts (3 entries: Dana Lee is in the list twice)'
    """
    from career_workbook.analysis.network import people

    return people_words([[c.name for c in group] for group in people(wb.contacts)])


def _notes(wb: Workbook, role: Any) -> dict[str, tuple[str, bool]]:
    rated = set()
    for assessment in wb.assessments:
        rated.update(assessment.ratings)
    raters = {(f.rater_group, f.rater_key) for f in wb.feedback if f.rater_group != "self"}
    has_vision = bool(wb.vision.long_term.strip() or wb.vision.short_term.strip())
    goals = [g for g in wb.goals if g.status != "dropped"]
    milestones = sum(len(g.milestones) for g in goals)
    actions = sum(a.status != "dropped" for a in wb.actions)  # as goals: dropped ones not
    open_opps = sum(o.stage in ("spotted", "exploring", "applied", "interviewing")
                    for o in wb.opportunities)

    def note(n: int, text: str, empty: str) -> tuple[str, bool]:
        return (text if n else empty), bool(n)

    return {
        "00_start_here": ("workbook created", True),
        "01_self_assessment": note(len(rated), _rated_words(rated, wb), "no skills rated yet"),
        "02_feedback_360": note(len(raters), plural(len(raters), "rater"), "no feedback yet"),
        "03_vision_values": note(
            has_vision + len(wb.values),
            "vision written" + (f", {plural(len(wb.values), 'value')}" if wb.values else "")
            if has_vision else plural(len(wb.values), "value"),
            "no vision yet"),
        "04_smart_goals": note(len(goals), plural(len(goals), "goal"), "no goals yet"),
        "05_skill_gap": _skill_gap_note(wb, role),
        "06_action_plan": note(
            actions + milestones,
            f"{plural(actions, 'action')}, {plural(milestones, 'milestone')}",
            "no actions yet"),
        "07_network": note(len(wb.contacts), _people(wb), "no contacts yet"),
        "08_achievements_learning": note(
            len(wb.achievements) + len(wb.learning),
            f"{plural(len(wb.achievements), 'achievement')}, "
            f"{plural(len(wb.learning), 'learning item')}",
            "nothing recorded yet"),
        "09_progress_review": note(len(wb.check_ins), plural(len(wb.check_ins), "check-in"),
                                   "no check-ins yet"),
        "10_opportunities": note(
            len(wb.opportunities),
            plural(len(wb.opportunities), "opportunity", "opportunities")
            + (f", {open_opps} open" if len(wb.opportunities) else ""),
            "no opportunities yet"),
    }


def step_progress(wb: Workbook | None, role: Any = None) -> list[StepProgress]:
    """The steps in order, each with a progress note from ``wb`` (``None``: no file yet).

    ``role`` is the catalog profile ``wb.role_profile`` names (``catalog.resolve_role``):
    the skill-gap step shows its title, not its id.

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam Lee")
    >>> wb.goals.append(Goal(text="Lead a project by June 2027"))
    >>> step = step_progress(wb)[4]
    >>> step.title, step.progress, step.started
    ('SMART goals', '1 goal', True)
    >>> step_progress(wb)[5].progress
    'no target yet'
    >>> from career_workbook.model import Skill
    >>> wb.skills += [Skill(name="SQL", target_level=4), Skill(name="Python", target_level=3)]
    >>> step_progress(wb)[5].progress  # no role: the targets the charts measure against
    'target: your own targets for 2 skills'
    >>> wb.role_profile = "engineering_manager"
    >>> step_progress(wb)[5].progress
    'target: engineering manager'
    >>> wb.person.target_role, wb.role_profile = "Engineering Manager", OWN_TARGETS
    >>> step_progress(wb)[5].progress  # own targets chosen in 05 over the target role's
    'target: your own targets for 2 skills'
    >>> from types import SimpleNamespace
    >>> step_progress(wb, SimpleNamespace(title="Engineering Manager"))[5].progress
    'target: Engineering Manager'
    """
    if wb is None:
        first = "no workbook yet: start here"
        return [StepProgress(s.stem, s.title, s.blurb, first if i == 0 else "not started",
                             False) for i, s in enumerate(STEPS)]
    notes = _notes(wb, role)
    return [StepProgress(s.stem, s.title, s.blurb, *notes[s.stem]) for s in STEPS]
