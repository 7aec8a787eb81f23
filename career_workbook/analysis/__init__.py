"""Pure scoring and summaries of a workbook: no I/O, no widgets, ``today`` always explicit.

Each function takes a :class:`~career_workbook.model.Workbook` (plus ``today`` where time
matters, and optionally a catalog ``RoleProfile``-like object) and returns a DataFrame or a
small frozen dataclass. Frames follow the conventions of :mod:`career_workbook.frames`
(``datetime64[ns]`` dates with NaT, ``object`` text, NaN for missing numbers).

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import new_workbook
>>> s = summary(new_workbook("Sam Lee", today=date(2026, 1, 1)), today=date(2026, 1, 2))
>>> s.readiness, s.goals_on_track, s.last_check_in, s.top_gap_skill  # nothing measured yet
(None, 0, None, None)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from career_workbook._lazy import lazy_names

if TYPE_CHECKING:  # pragma: no cover
    from career_workbook.model import Workbook

# public name -> module of this package that defines it, imported on first use: a chart
# loads the one analysis it draws (the SMART scorer's date grammar, the coach's week and
# the rest stay unloaded until something asks for them)
_LAZY = {
    "ClientWeek": "coach_week",
    "client_week": "coach_week",
    "needs_nudge": "coach_week",
    "MIN_GROUP": "feedback",
    "COMMENTS_NOT_YET": "feedback",
    "comment_group_label": "feedback",
    "feedback_360_frame": "feedback",
    "feedback_comments": "feedback",
    "parse_feedback_csv_rows": "feedback",
    "FeedbackPlan": "feedback",
    "plan_feedback_import": "feedback",
    "own_ratings": "feedback",
    "rater_code_problem": "feedback",
    "as_of": "period",
    "review_as_of": "period",
    "set_later_note": "period",
    "learning_by_skill_frame": "learning",
    "learning_hours_frame": "learning",
    "learning_later_frame": "learning",
    "learning_later_note": "learning",
    "NetworkSummary": "network",
    "network_summary": "network",
    "overdue_follow_ups": "network",
    "CHECK_IN_DAYS": "next_actions",
    "check_in_overdue": "next_actions",
    "next_actions_frame": "next_actions",
    "nothing_to_do": "next_actions",
    "open_actions": "next_actions",
    "overdue_actions": "next_actions",
    "action_plan_frame": "next_actions",
    "due_label": "next_actions",
    "STALE_WEEKS": "opportunities",
    "deadline_label": "opportunities",
    "is_stale": "opportunities",
    "move_stage": "opportunities",
    "opportunity_deadlines_due": "opportunities",
    "opportunity_status_frame": "opportunities",
    "opportunity_steps_due": "opportunities",
    "pipeline_frame": "opportunities",
    "stale_opportunities": "opportunities",
    "ranked_values": "profile",
    "riasec_code": "profile",
    "riasec_frame": "profile",
    "top_values_note": "profile",
    "GoalCounts": "progress",
    "GoalStatus": "progress",
    "expected_progress": "progress",
    "goal_counts": "progress",
    "goal_counts_words": "progress",
    "goal_progress_frame": "progress",
    "goal_status": "progress",
    "goal_statuses": "progress",
    "late_milestones": "progress",
    "progress_history_frame": "progress",
    "reputation_frame": "reputation",
    "goal_context": "scorecard",
    "goals_table_frame": "scorecard",
    "smart_scorecard_frame": "scorecard",
    "SkillGap": "skills",
    "measured_readiness": "skills",
    "readiness": "skills",
    "readiness_history_frame": "skills",
    "skill_gap_frame": "skills",
    "skill_gaps": "skills",
    "role_matches": "skills",
    "tracked_skill": "skills",
    "unrated_in_readiness": "skills",
    "top_gap": "skills",
    "unrated_prompt": "skills",
    "unrated_skills": "skills",
    "GoalContext": "smart",
    "SmartResult": "smart",
    "score_goal": "smart",
    "WellbeingSummary": "wellbeing",
    "wellbeing_frame": "wellbeing",
    "wellbeing_summary": "wellbeing",
    "workbook_notes": "notes",
}

__getattr__, __dir__ = lazy_names(__name__, _LAZY)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from career_workbook.analysis.coach_week import (
        ClientWeek,
        client_week,
        needs_nudge,
    )
    from career_workbook.analysis.feedback import (
        COMMENTS_NOT_YET,
        MIN_GROUP,
        FeedbackPlan,
        comment_group_label,
        feedback_360_frame,
        feedback_comments,
        own_ratings,
        parse_feedback_csv_rows,
        plan_feedback_import,
        rater_code_problem,
    )
    from career_workbook.analysis.learning import (
        learning_by_skill_frame,
        learning_hours_frame,
        learning_later_frame,
        learning_later_note,
    )
    from career_workbook.analysis.network import (
        NetworkSummary,
        network_summary,
        overdue_follow_ups,
    )
    from career_workbook.analysis.next_actions import (
        CHECK_IN_DAYS,
        action_plan_frame,
        check_in_overdue,
        due_label,
        next_actions_frame,
        nothing_to_do,
        open_actions,
        overdue_actions,
    )
    from career_workbook.analysis.notes import workbook_notes
    from career_workbook.analysis.opportunities import (
        STALE_WEEKS,
        deadline_label,
        is_stale,
        move_stage,
        opportunity_deadlines_due,
        opportunity_status_frame,
        opportunity_steps_due,
        pipeline_frame,
        stale_opportunities,
    )
    from career_workbook.analysis.period import as_of, review_as_of, set_later_note
    from career_workbook.analysis.profile import (
        ranked_values,
        riasec_code,
        riasec_frame,
        top_values_note,
    )
    from career_workbook.analysis.progress import (
        GoalCounts,
        GoalStatus,
        expected_progress,
        goal_counts,
        goal_counts_words,
        goal_progress_frame,
        goal_status,
        goal_statuses,
        late_milestones,
        progress_history_frame,
    )
    from career_workbook.analysis.reputation import (
        reputation_frame,
    )
    from career_workbook.analysis.scorecard import (
        goal_context,
        goals_table_frame,
        smart_scorecard_frame,
    )
    from career_workbook.analysis.skills import (
        SkillGap,
        measured_readiness,
        readiness,
        readiness_history_frame,
        role_matches,
        skill_gap_frame,
        skill_gaps,
        top_gap,
        tracked_skill,
        unrated_in_readiness,
        unrated_prompt,
        unrated_skills,
    )
    from career_workbook.analysis.smart import (
        GoalContext,
        SmartResult,
        score_goal,
    )
    from career_workbook.analysis.wellbeing import (
        WellbeingSummary,
        wellbeing_frame,
        wellbeing_summary,
    )

__all__ = [
    "CHECK_IN_DAYS",
    "COMMENTS_NOT_YET",
    "MIN_GROUP",
    "STALE_WEEKS",
    "ClientWeek",
    "FeedbackPlan",
    "GoalContext",
    "GoalCounts",
    "GoalStatus",
    "NetworkSummary",
    "SkillGap",
    "SmartResult",
    "WellbeingSummary",
    "WorkbookSummary",
    "as_of",
    "check_in_overdue",
    "client_week",
    "comment_group_label",
    "expected_progress",
    "feedback_360_frame",
    "feedback_comments",
    "goal_context",
    "goal_counts",
    "goal_counts_words",
    "goal_progress_frame",
    "goals_table_frame",
    "goal_status",
    "goal_statuses",
    "late_milestones",
    "deadline_label",
    "is_stale",
    "learning_by_skill_frame",
    "learning_hours_frame",
    "learning_later_frame",
    "learning_later_note",
    "move_stage",
    "needs_nudge",
    "network_summary",
    "next_actions_frame",
    "nothing_to_do",
    "open_actions",
    "opportunity_deadlines_due",
    "opportunity_status_frame",
    "opportunity_steps_due",
    "overdue_actions",
    "overdue_follow_ups",
    "action_plan_frame",
    "due_label",
    "own_ratings",
    "parse_feedback_csv_rows",
    "plan_feedback_import",
    "rater_code_problem",
    "pipeline_frame",
    "progress_history_frame",
    "ranked_values",
    "measured_readiness",
    "readiness",
    "readiness_history_frame",
    "reputation_frame",
    "review_as_of",
    "riasec_code",
    "riasec_frame",
    "role_matches",
    "score_goal",
    "set_later_note",
    "skill_gap_frame",
    "skill_gaps",
    "smart_scorecard_frame",
    "stale_opportunities",
    "summary",
    "top_gap",
    "top_values_note",
    "tracked_skill",
    "unrated_in_readiness",
    "unrated_prompt",
    "unrated_skills",
    "wellbeing_frame",
    "wellbeing_summary",
    "workbook_notes",
]


@dataclass(frozen=True)
class WorkbookSummary:
    """Headline numbers of one workbook on one day (cover page, coach cohort, CLI).

    Attributes
    ----------
    name : str
        The person's name.
    today : date
    role_title : str | None
        Title of the role readiness was measured against (None: own targets).
    readiness : float | None
        0-100, see :func:`readiness` (the true value: shown rounded once, by
        :func:`~career_workbook.wording.whole_percent`); None until something is measured
        (:func:`measured_readiness`: a target and at least one rating).
    goals_active : int
        Committed goals still open (status 'active', not yet at 100 %).
    goals_on_track, goals_behind, goals_overdue, goals_not_started, goals_no_deadline : int
        Of the active goals, by track of :func:`goal_progress_frame`: 'on track' or
        'ahead'; 'behind'; 'overdue'; 'not started'; 'no deadline' (see
        :func:`~.progress.goal_counts`): the five add up to ``goals_active``.
    goals_done : int
        Goals marked done or at 100 %.
    goals_drafts : int
        Goals not committed yet (status 'draft'), in no other count.
    goals_dropped : int
        Goals given up (status 'dropped'), in no other count: said beside the done ones.
    last_check_in : date | None
        Latest check-in on or before ``today``.
    days_since_check_in : int | None
    check_in_overdue : bool
        :func:`~.next_actions.check_in_overdue`: the one rule of the next actions, the
        coach's nudges and the cohort chart.
    overdue_follow_ups : int
        Contacts whose follow-up date has passed.
    top_gap_skill : str | None
        :func:`~.skills.top_gap`: the biggest importance-weighted gap, with a role among
        its skills (None when no gap).
    n_actions_overdue : int
        Open actions due before ``today``.
    readiness_unrated : int
        How many of the skills readiness measures were never rated: "not rated yet", left
        out of readiness (:func:`unrated_in_readiness`), and what shows readiness says so.
    """

    name: str
    today: date
    role_title: str | None
    readiness: float | None
    goals_active: int
    goals_on_track: int
    goals_behind: int
    goals_overdue: int
    goals_done: int
    last_check_in: date | None
    days_since_check_in: int | None
    overdue_follow_ups: int
    top_gap_skill: str | None
    n_actions_overdue: int
    check_in_overdue: bool = False
    goals_not_started: int = 0
    goals_no_deadline: int = 0
    goals_drafts: int = 0
    readiness_unrated: int = 0
    goals_dropped: int = 0

    @property
    def goal_counts(self) -> Any:
        """The goal counts as :class:`~.progress.GoalCounts`, for
        :func:`~.progress.goal_counts_words` (the words of the progress chart's headline)."""
        from career_workbook.analysis.progress import GoalCounts

        return GoalCounts(active=self.goals_active, on_track=self.goals_on_track,
                          behind=self.goals_behind, overdue=self.goals_overdue,
                          done=self.goals_done, drafts=self.goals_drafts,
                          not_started=self.goals_not_started,
                          no_deadline=self.goals_no_deadline, dropped=self.goals_dropped)


def summary(wb: Workbook, today: date, role: Any = None) -> WorkbookSummary:
    """Headline numbers of ``wb`` as a review of ``today`` counts them: nothing dated after
    it (:func:`as_of`), and no goal set after it (:func:`review_as_of`: the cover, the
    cohort and the progress chart count the same goals); see :class:`WorkbookSummary`.

    Plain Python (no DataFrame is built), so a caseload of thousands is quick; the rules are
    the ones behind :func:`goal_progress_frame`, :func:`skill_gap_frame` and
    :func:`network_summary` (:func:`goal_statuses`, :func:`skill_gaps`,
    :func:`overdue_follow_ups`).
    """
    from career_workbook.analysis.network import overdue_follow_ups
    from career_workbook.analysis.next_actions import check_in_overdue, overdue_actions
    from career_workbook.analysis.period import as_of, review_as_of
    from career_workbook.analysis.progress import dropped_goals, goal_counts, goal_statuses
    from career_workbook.analysis.skills import (
        measured_readiness,
        top_gap,
        unrated_in_readiness,
    )

    wb = as_of(review_as_of(wb, today), today)
    counts = goal_counts((st.goal.status, st.track) for st in goal_statuses(wb, today))
    top = top_gap(wb, role)
    past = [c.date for c in wb.check_ins if c.date <= today]
    last = max(past) if past else None
    days = None if last is None else (today - last).days
    start = wb.person.start_date
    return WorkbookSummary(
        name=wb.person.name,
        today=today,
        role_title=getattr(role, "title", None),
        readiness=measured_readiness(wb, role),
        goals_active=counts.active,
        goals_on_track=counts.on_track,
        goals_behind=counts.behind,
        goals_overdue=counts.overdue,
        goals_done=counts.done,
        last_check_in=last,
        days_since_check_in=days,
        overdue_follow_ups=len(overdue_follow_ups(wb, today)),
        top_gap_skill=top,
        n_actions_overdue=len(overdue_actions(wb, today)),
        check_in_overdue=check_in_overdue(days, None if start is None
                                          else (today - start).days),
        goals_not_started=counts.not_started,
        goals_no_deadline=counts.no_deadline,
        goals_drafts=counts.drafts,
        readiness_unrated=len(unrated_in_readiness(wb, role)),
        goals_dropped=dropped_goals(wb),
    )
