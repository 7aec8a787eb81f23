"""Notebook 04: draft a goal with live SMART feedback; review goals (wording, status, confidence).

The drafter rescores the goal as you type. In a running kernel the rescoring waits until
typing pauses for :data:`DEBOUNCE_SECONDS` (a :class:`Debouncer` on the kernel's asyncio
loop); without a running loop (tests, scripts) it runs immediately.

Examples
--------
>>> from datetime import date
>>> goal_update(date(2026, 11, 22), status="done", confidence=8, completed_on=None)
{'status': 'done', 'confidence': 8, 'completed_on': datetime.date(2026, 11, 22)}
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import date
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets

from career_workbook.model import GOAL_STATUSES, Goal, Problem, Workbook, duplicate_key
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    ERROR_TEXT,
    LIVE,
    MUTED,
    NONE,
    UNSEEN_TEXT,
    FormView,
    ask_year,
    check_model,
    close_widgets,
    colour,
    esc,
    find_entry,
    friendly_message,
    keep_year_button,
    make_field,
    merge_section,
    notice,
    notice_html,
    primary_button,
)
from career_workbook.widgets.inputs import year_question
from career_workbook.wording import listing, plural, quoted_end, short_date, shorten

__all__ = [
    "DEBOUNCE_SECONDS",
    "STATUS_LABELS",
    "Debouncer",
    "add_goal",
    "deadline_before_set",
    "drafted_deadline",
    "duplicate_goal_problem",
    "goal_changes",
    "goal_data",
    "goal_draft_problems",
    "goal_drafter",
    "goal_length_problem",
    "goal_update",
    "goals_table",
    "moved_deadline_problem",
    "reworded_goal",
    "rewrite_choices",
    "smart_feedback_html",
    "year_question",
    "goal_added_said",
    "goal_editor",
    "no_deadline_note",
]

DEBOUNCE_SECONDS = 0.05
"""How long typing must pause before the SMART feedback is recomputed.

The feedback must show within 150 ms of the last keystroke (issue 15) and scoring takes
under a millisecond, so the pause only merges keystrokes that reach the kernel together
(a burst, or a busy kernel catching up); 0.25 s made the wait ~0.33 s."""

STATUS_LABELS = {
    "draft": "Draft — still shaping it", "active": "Active — working on it",
    "done": "Done — achieved", "dropped": "Dropped — no longer pursuing",
}
CRITERION_LABELS = {
    "specific": "Specific", "measurable": "Measurable", "achievable": "Achievable",
    "relevant": "Relevant", "time_bound": "Time-bound",
}
HORIZONS = [("Short term (within a year or so)", "short"), ("Long term", "long")]
GOAL_TEXT_MAX: int = next(m.max_length for m in Goal.model_fields["text"].metadata
                          if getattr(m, "max_length", None))
"""The most characters a goal keeps (the model's limit): the drafter says at once when a
goal is longer (:func:`goal_length_problem`)."""
FEEDBACK_LINE_CHARS = 240
"""The longest line of the drafter's feedback: a longer one is cut at a word, with "…"."""


class Debouncer:
    """Call ``func`` once typing pauses: each call cancels the pending one.

    With a running asyncio loop the call is scheduled ``delay`` seconds later with
    ``loop.call_later``; without one it runs at once.

    >>> calls = []
    >>> debounced = Debouncer(calls.append, delay=0.25)
    >>> debounced("a"); debounced("b")
    >>> calls
    ['a', 'b']
    """

    def __init__(self, func: Callable[..., Any], delay: float = DEBOUNCE_SECONDS):
        self.func, self.delay = func, delay
        self._handle: asyncio.TimerHandle | None = None
        self._args: tuple[Any, ...] = ()

    @property
    def pending(self) -> bool:
        """True while a call is scheduled and has not run yet."""
        return self._handle is not None

    def cancel(self) -> None:
        """Forget the scheduled call, if any."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def __call__(self, *args: Any) -> None:
        self.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.func(*args)
            return
        self._args = args
        self._handle = loop.call_later(self.delay, self._fire)

    def _fire(self) -> None:
        self._handle = None
        self.func(*self._args)


def goal_data(text: str, *, horizon: str | None, deadline: date | None,
              confidence: int | None, skills: Sequence[str], today: date) -> dict[str, Any]:
    """The fields of a new active :class:`~career_workbook.model.Goal` from the drafter."""
    return {"text": text.strip(), "horizon": horizon, "deadline": deadline,
            "confidence": confidence, "skills": list(skills), "status": "active",
            "created": today}


def date_fix_message(problem: str, *, pick_below: bool = False, saving: bool = True) -> str:
    """The scorer's ``date_problem`` as the forms show it: a message that already says how
    to write the date (a full sentence) is kept, a bare one is asked to be fixed;
    ``pick_below`` adds the Deadline box as the other way out.

    >>> date_fix_message("31 June 2027 is not a date (June 2027 has 30 days)", pick_below=True)
    '31 June 2027 is not a date (June 2027 has 30 days) — please fix the date (or pick a deadline below) before saving.'
    >>> date_fix_message("“03/04/2027” could be 3 April or 4 March: write the month in words.",
    ...                  pick_below=True)
    '“03/04/2027” could be 3 April or 4 March: write the month in words. Or pick a deadline below.'
    >>> date_fix_message("31 June 2027 is not a date", saving=False)
    '31 June 2027 is not a date — please fix the date.'
    """  # noqa: E501
    if problem.endswith("."):  # says how already
        return problem + (" Or pick a deadline below." if pick_below else "")
    pick = " (or pick a deadline below)" if pick_below else ""
    return f"{problem} — please fix the date{pick}" + (" before saving." if saving else ".")


def drafted_deadline(text: str, picked: date | None, today: date) -> date | None:
    """The deadline a drafted goal is saved with: the one its feedback shows, that is the
    date picked in the Deadline box, else the one its sentence names (``None`` when there
    is neither). The drafter scores and saves with this one value, so an emptied box saves
    the sentence's date the feedback still shows, never no deadline at all.

    >>> drafted_deadline("Give 3 talks at the data guild by June 2027", None, date(2026, 12, 6))
    datetime.date(2027, 6, 30)
    >>> drafted_deadline("Give 3 talks by June 2027", date(2027, 3, 31), date(2026, 12, 6))
    datetime.date(2027, 3, 31)
    >>> drafted_deadline("Give 3 talks", None, date(2026, 12, 6)) is None
    True
    """
    from career_workbook.analysis.smart import score_goal

    if picked is not None or not text.strip():
        return picked
    return score_goal(text, today=today).deadline


def goal_length_problem(text: str, label: str = "Your goal") -> str | None:
    """What the drafter says at once, as the goal is typed, about a goal longer than a goal
    keeps (:data:`GOAL_TEXT_MAX`), word for word as Save refuses it (the model's message,
    field ``label``); ``None`` when it fits.

    >>> goal_length_problem("Ship v2. " * 300)
    'Your goal is too long: at most 2,000 characters (now 2,699)'
    >>> goal_length_problem("Ship v2 by June 2027") is None
    True
    """
    text = text.strip()
    if len(text) <= GOAL_TEXT_MAX:
        return None
    return friendly_message(label, {"type": "string_too_long", "input": text,
                                    "ctx": {"max_length": GOAL_TEXT_MAX}})


def goal_draft_problems(text: str, deadline: date | None, today: date,
                        keep: date | None = None) -> dict[str, str]:
    """Why the drafter cannot save ``text`` as an active goal due ``deadline`` (the
    Deadline box) on ``today``: ``{field: message}``, empty when it can.

    A date in the goal that cannot be read (impossible, ambiguous, misspelt) needs fixing
    or a date in the Deadline box; a deadline before today needs a new date (today is
    fine); a deadline whose year is today's with its digits swapped (2062 for 2026) is
    asked about (:func:`year_question`) until it is fixed or kept (``keep``). Without a date
    in the box, the goal's own deadline is the one checked.

    >>> from datetime import date
    >>> goal_draft_problems("Ship v2 by June 2027", date(2026, 1, 15), date(2026, 12, 5))
    {'deadline': 'Deadline 15 Jan 2026 has already passed (today is 5 Dec 2026): please pick a new date.'}
    >>> goal_draft_problems("Ship v2 by 03/04/2027", None, date(2026, 12, 5))["text"]
    '“03/04/2027” could be 3 April or 4 March: please write the month in words, e.g. 3 April 2027. Or pick a deadline below.'
    >>> goal_draft_problems("Ship v2 by 1 March 2026", None, date(2026, 12, 5))["text"]
    'The deadline in your goal, 1 Mar 2026 (“by 1 March 2026”), has already passed (today is 5 Dec 2026): please write a new date, or pick one below.'
    >>> goal_draft_problems("Ship v2 today", date(2026, 12, 5), date(2026, 12, 5))
    {}
    >>> goal_draft_problems("Read 12 books by 2062", None, date(2026, 12, 5))["text"]
    'The deadline in your goal, 31 Dec 2062 (“by 2062”), is 36 years away: did you mean 2026? Fix the year, or press “Keep 2062” if it is right.'
    >>> goal_draft_problems("Read 12 books by 2062", None, date(2026, 12, 5),
    ...                     keep=date(2062, 12, 31))
    {}
    """  # noqa: E501
    from career_workbook.analysis.smart import score_goal

    if deadline is not None:
        if deadline >= today:
            asked = year_question(deadline, today, f"Deadline {short_date(deadline)}", keep)
            return {"deadline": asked} if asked else {}
        return {"deadline": f"Deadline {short_date(deadline)} has already passed (today is "
                            f"{short_date(today)}): please pick a new date."}
    if not text.strip():
        return {}
    result = score_goal(text, today=today)
    if result.date_problem:  # never save a date we could not read
        return {"text": date_fix_message(result.date_problem, pick_below=True)}
    if result.deadline is None:
        return {}
    said = f"The deadline in your goal, {short_date(result.deadline)} (“{result.deadline_phrase}”),"
    if result.deadline < today:
        return {"text": f"{said} has already passed (today is {short_date(today)}): please "
                        "write a new date, or pick one below."}
    asked = year_question(result.deadline, today, said, keep)
    return {"text": asked} if asked else {}


def duplicate_goal_problem(text: str, goals: Sequence[Goal]) -> str | None:
    """Why ``text`` cannot be added as a new goal: one of ``goals`` already says it (case
    and outer spaces aside, :func:`~career_workbook.model.duplicate_key`), and a second
    copy would be counted twice (the scorecard, the timeline, a coach's counts). ``None``
    when it is new.

    >>> old = Goal(text="Get better at leadership", status="dropped")
    >>> duplicate_goal_problem(" get better at Leadership", [old])
    'You already have this goal (“Get better at leadership”, dropped): change that one instead (its status or its words), or write this one differently.'
    >>> duplicate_goal_problem("Lead 2 projects by June 2027", [old]) is None
    True
    """  # noqa: E501
    key = duplicate_key(text)
    same = next((g for g in goals if key and duplicate_key(g.text) == key), None)
    if same is None:
        return None
    return (f"You already have this goal (“{shorten(same.text)}”, {same.status}): change that "
            "one instead (its status or its words), or write this one differently.")


def add_goal(wb: Workbook, goal: Goal, file: Any = None) -> None:
    """Add the drafted ``goal`` to ``wb`` (the file as it is now, under its lock), unless
    ``wb`` already has a goal with its words (:func:`duplicate_goal_problem`'s rule): the
    drafter refused one it showed, so that one was added elsewhere (a second tab) since;
    :func:`~career_workbook.widgets.merge.added_twice` says so (naming ``file``, the workbook
    file's path) and nothing is saved.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> add_goal(wb, Goal(text="Give a talk at a meetup by May 2027"))
    >>> add_goal(wb, Goal(text="Give a talk at a meetup by May 2027"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    career_workbook.widgets.merge.EditConflict: The goal “Give a talk at a meetup by May 2027” is already in your workbook: ...
    >>> len(wb.goals)
    1
    """  # noqa: E501
    from career_workbook.widgets.merge import added_twice

    if duplicate_goal_problem(goal.text, wb.goals) is not None:
        raise added_twice(f"The goal “{shorten(goal.text)}”", file)
    wb.goals.append(goal)


def goal_update(today: date, *, status: str, confidence: int | None,
                completed_on: date | None, deadline: Any = NONE) -> dict[str, Any]:
    """Field changes for a goal review: marking a goal done dates it ``today``;
    reopening it clears that date. ``deadline`` is included only when given."""
    changes: dict[str, Any] = {"status": status, "confidence": confidence,
                               "completed_on": (completed_on or today) if status == "done"
                               else None}
    if deadline is not NONE:
        changes["deadline"] = deadline
    return changes


def deadline_before_set(old: Goal, deadline: date | None, *,
                        in_text: bool = False) -> str | None:
    """Why goal ``old`` cannot take ``deadline`` (picked in the Deadline box, or read from
    its new wording when ``in_text``): it is before the day the goal was set, a plan that
    ends before it starts (the charts could not measure its pace). ``None`` when fine, when
    the deadline is unchanged (an older file's goal can still be marked done), or when the
    day the goal was set is not recorded.

    >>> old = Goal(text="Publish 3 analyses", created=date(2026, 11, 1),
    ...            deadline=date(2026, 12, 20))
    >>> deadline_before_set(old, date(2026, 10, 15))
    'Deadline 15 Oct 2026 is before the day this goal was set (1 Nov 2026): please pick a date from then on.'
    >>> deadline_before_set(old, date(2026, 3, 1), in_text=True)
    'The deadline in your goal, 1 Mar 2026, is before the day this goal was set (1 Nov 2026): please write a date from then on.'
    >>> deadline_before_set(old, date(2026, 11, 1)) is None
    True
    >>> deadline_before_set(old.model_copy(update={"created": None}), date(2026, 3, 1)) is None
    True
    """  # noqa: E501

    if (deadline is None or deadline == old.deadline or old.created is None
            or deadline >= old.created):
        return None
    when = f"before the day this goal was set ({short_date(old.created)})"
    if in_text:
        return (f"The deadline in your goal, {short_date(deadline)}, is {when}: please write a "
                "date from then on.")
    return f"Deadline {short_date(deadline)} is {when}: please pick a date from then on."


def _named_steps(steps: Sequence[Any]) -> str:
    """Milestones as a message names them: “Book the exam” (due 28 Feb 2027) and …"""

    return listing([f"“{m.title}” (due {short_date(m.due)})" for m in steps])


def moved_deadline_problem(old: Goal, deadline: date | None, *, today: date,
                           in_text: bool = False, keep: date | None = None) -> str | None:
    """Why goal ``old`` cannot move to ``deadline`` (picked in the Deadline box, or read
    from its new wording when ``in_text``): it is before the day the goal was set
    (:func:`deadline_before_set`); it is before some of its milestones (the milestone
    form's rule from the goal's side,
    :func:`~career_workbook.analysis.progress.late_milestones`), named; or its year is
    today's with the digits swapped (:func:`year_question`, until kept). ``None`` when
    fine, or when the deadline is unchanged.

    >>> from career_workbook.model import Milestone
    >>> old = Goal(text="Pass the AWS exam by June 2027", created=date(2026, 11, 1),
    ...            deadline=date(2027, 6, 30), milestones=[
    ...                Milestone(title="Book the exam", due=date(2027, 2, 28)),
    ...                Milestone(title="Mock test", due=date(2027, 5, 15))])
    >>> moved_deadline_problem(old, date(2027, 1, 31), today=date(2026, 12, 6), in_text=True)
    'This goal has 2 milestones due after its new deadline, 31 Jan 2027: “Book the exam” (due 28 Feb 2027) and “Mock test” (due 15 May 2027). Move them to a day on or before 31 Jan 2027 first (Milestones, step 06), or write a later date.'
    >>> moved_deadline_problem(old, date(2027, 3, 31), today=date(2026, 12, 6))
    'This goal has 1 milestone due after its new deadline, 31 Mar 2027: “Mock test” (due 15 May 2027). Move it to a day on or before 31 Mar 2027 first (Milestones, step 06), or pick a later date.'
    >>> moved_deadline_problem(old, date(2027, 5, 31), today=date(2026, 12, 6)) is None
    True
    """  # noqa: E501
    from career_workbook.analysis.progress import late_milestones

    if deadline is None or deadline == old.deadline:
        return None
    early = deadline_before_set(old, deadline, in_text=in_text)
    if early:
        return early
    late = late_milestones(old.milestones, deadline)
    if late:
        them = "them" if len(late) > 1 else "it"
        return (f"This goal has {plural(len(late), 'milestone')} due after its new deadline, "
                f"{short_date(deadline)}: {_named_steps(late)}. Move {them} to a day on or "
                f"before {short_date(deadline)} first (Milestones, step 06), or "
                f"{'write' if in_text else 'pick'} a later date.")
    shown = (f"The deadline in your goal, {short_date(deadline)}," if in_text
             else f"Deadline {short_date(deadline)}")
    return year_question(deadline, today, shown, keep)


def reworded_goal(old: Goal, text: str, *, today: date,
                  deadline: Any = NONE) -> tuple[dict[str, Any], str | None]:
    """``(changes, problem)``: what rewording goal ``old`` as ``text`` changes, or why it
    cannot be saved yet.

    The text is stripped; unchanged, it changes nothing. A date in the new text that cannot
    be read is refused, as the drafter refuses it, unless a new deadline is picked in the
    same form (``deadline``: the form's deadline, when it shows one). When the deadline came
    from the old text's date (or there was none) and the new text names another, the
    deadline follows the text. Blank and too long texts are refused by the model.

    >>> old = Goal(text="Pass the exma by June 2027", deadline=date(2027, 6, 30))
    >>> reworded_goal(old, " Pass the exam by June 2027 ", today=date(2026, 11, 22))
    ({'text': 'Pass the exam by June 2027'}, None)
    >>> reworded_goal(old, "Pass the exam by September 2027", today=date(2026, 11, 22))[0]
    {'text': 'Pass the exam by September 2027', 'deadline': datetime.date(2027, 9, 30)}
    >>> reworded_goal(old, "Pass the exam by 31 June 2027", today=date(2026, 11, 22))[1]
    '31 June 2027 is not a date (June 2027 has 30 days) — please fix the date before saving.'
    >>> reworded_goal(old, old.text, today=date(2026, 11, 22))
    ({}, None)
    """
    from career_workbook.analysis.smart import score_goal

    text = text.strip()
    if text == old.text:
        return {}, None
    changes: dict[str, Any] = {"text": text}
    if not text:  # the model says "must not be blank"
        return changes, None
    new = score_goal(text[:2000], today=today)
    untouched = deadline is NONE or deadline == old.deadline
    if new.date_problem:
        if untouched or deadline is None:
            return changes, date_fix_message(new.date_problem, pick_below=deadline is not NONE)
        return changes, None
    before = score_goal(old.text[:2000], today=today).deadline
    if untouched and new.deadline is not None and new.deadline != before \
            and old.deadline in (None, before):
        changes["deadline"] = new.deadline
    return changes, None


def no_deadline_note(goal: Goal, *, pick: bool = False) -> str:
    """A kind nudge after saving an active goal with no deadline (a coach's first
    question; not a refusal: the goal is saved): when would the person like it done by,
    and where to say it (``pick``: the form has a Deadline box; else the date in its
    words, which becomes its deadline). ``''`` for a goal with a deadline, done or dropped.

    >>> no_deadline_note(Goal(text="Be better at work"))
    'It has no deadline yet: when would you like this done by? Add the date to its words in “Your goals” (e.g. “… by 30 June 2027”) and it becomes the deadline.'
    >>> no_deadline_note(Goal(text="Be better at work"), pick=True)
    'It has no deadline yet: when would you like this done by? Pick a Deadline above when you know.'
    >>> no_deadline_note(Goal(text="Ship it", deadline=date(2027, 6, 30)))
    ''
    """  # noqa: E501
    if goal.deadline is not None or goal.status in ("done", "dropped"):
        return ""
    where = ("Pick a Deadline above when you know." if pick else
             "Add the date to its words in “Your goals” (e.g. “… by 30 June 2027”) and it "
             "becomes the deadline.")
    return f"It has no deadline yet: when would you like this done by? {where}"


def goal_added_said(goal: Goal) -> str:
    """What the drafter says after adding ``goal``: "goal added", and the nudge of
    :func:`no_deadline_note` when it has no deadline.

    >>> goal_added_said(Goal(text="Ship it", deadline=date(2027, 6, 30)))
    'goal added'
    >>> goal_added_said(Goal(text="Be better at work"))[:45]
    'goal added. It has no deadline yet: when woul'
    """
    note = no_deadline_note(goal)
    return f"goal added. {note}" if note else "goal added"


def deadline_wording_note(goal: Goal, today: date) -> str:
    """What a goal review says after saving ``goal`` when its wording names another
    deadline than its Deadline (moved in the review, the words kept "by 31 December 2026"
    beside 31 Mar 2027): the person's words are never rewritten; a wording naming the new
    date is offered. ``''`` when they agree, when the wording names no date, or when the
    goal is done or dropped (its wording is history, not a plan to keep up to date).

    >>> goal = Goal(text="Cut waste by 10% by 31 December 2026", deadline=date(2027, 3, 31))
    >>> deadline_wording_note(goal, date(2026, 12, 6))
    'Your goal’s wording still says “by 31 December 2026”, and its deadline is 31 Mar 2027: update “Goal text” to match, e.g. “Cut waste by 10% by 31 March 2027”.'
    >>> deadline_wording_note(goal.model_copy(update={"deadline": date(2026, 12, 31)}),
    ...                       date(2026, 12, 6))
    ''
    >>> deadline_wording_note(goal.model_copy(update={"text": goal.text + "."}),
    ...                       date(2026, 12, 6)).endswith("31 March 2027.”")  # not “….”.
    True
    >>> deadline_wording_note(goal.model_copy(update={"status": "dropped"}), date(2026, 12, 6))
    ''
    """  # noqa: E501
    from career_workbook.analysis.smart import score_goal
    from career_workbook.analysis.smart_rewrites import with_deadline

    if goal.deadline is None or goal.status in ("done", "dropped"):
        return ""
    read = score_goal(goal.text, today=today)
    said = read.deadline_phrase
    if read.text_deadline is None or read.text_deadline == goal.deadline or not said:
        return ""
    note = (f"Your goal’s wording still says “{said}”, and its deadline is "
            f"{short_date(goal.deadline)}: update “Goal text” to match")
    offer = with_deadline(goal.text, said, goal.deadline)
    if not offer:
        return note + "."
    return f"{note}, e.g. {quoted_end(offer)}"


def closed_goal_actions_note(old: Goal, goal: Goal, actions: Sequence[Any]) -> str:
    """What a goal review says after saving ``goal`` newly dropped or done (``old``: as it
    was) while actions for it are still to do: they are no longer chased (never overdue),
    so the person is asked to drop them or move them to another goal. ``''`` otherwise.

    >>> from career_workbook.model import Action
    >>> old = Goal(id="g1", text="Get promoted", status="active")
    >>> steps = [Action(text="Ask for a sponsor", goal_id="g1")]
    >>> closed_goal_actions_note(old, old.model_copy(update={"status": "dropped"}), steps)
    '1 action for it is still to do (“Ask for a sponsor”): drop it, or move it to another goal, in your action plan (step 06).'
    >>> closed_goal_actions_note(old, old, steps)
    ''
    """  # noqa: E501
    from career_workbook.analysis.next_actions import goal_closed

    if goal.status == old.status or goal.status not in ("done", "dropped"):
        return ""
    wb = SimpleNamespace(goals=[goal])
    left = [a for a in actions if goal_closed(a, wb)]
    if not left:
        return ""
    them = "it" if len(left) == 1 else "them"
    named = listing([f"“{shorten(a.text, 50)}”" for a in left[:3]]) + (
        f" and {len(left) - 3} more" if len(left) > 3 else "")
    return (f"{plural(len(left), 'action for it is', 'actions for it are')} still to do "
            f"({named}): drop {them}, or move {them} to another goal, in your action plan "
            "(step 06).")


_STATUS_NEWS = {"done": "marked done", "dropped": "dropped", "active": "now active",
                "draft": "back to draft"}


def goal_changes(old: Goal, new: Goal, written: Goal | None = None) -> str:
    """What a goal review changed, as its save message says it; ``written`` (the goal as
    saved, merged with changes made in another tab since) adds what was kept from there,
    so a form never claims another tab's change as its own.

    >>> from datetime import date
    >>> old = Goal(text="Ship it", status="active", deadline=date(2026, 12, 31), confidence=5)
    >>> goal_changes(old, old.model_copy(update={"deadline": date(2027, 3, 31)}))
    'new deadline 31 Mar 2027'
    >>> goal_changes(old, old.model_copy(update={"status": "done", "confidence": 8}))
    'marked done and confidence 8 (was 5)'
    >>> goal_changes(old, old.model_copy(update={"deadline": None, "confidence": None}))
    'deadline removed and confidence cleared'
    >>> goal_changes(old, old)
    'nothing changed'
    >>> goal_changes(old, old.model_copy(update={"text": "Ship the app", "confidence": 7}))
    'goal text changed and confidence 7 (was 5)'
    >>> mine = old.model_copy(update={"confidence": 3})
    >>> goal_changes(old, mine, mine.model_copy(update={"deadline": date(2027, 9, 30)}))
    'confidence 3 (was 5); kept from another tab: new deadline 30 Sep 2027'
    """

    if written is not None and written != new:
        theirs = goal_changes(new, written)
        return goal_changes(old, new) + ("; kept the changes made in another tab"
                                         if theirs == "nothing changed"
                                         else f"; kept from another tab: {theirs}")
    news = ["goal text changed"] if new.text != old.text else []
    if new.status != old.status:
        reopened = new.status == "active" and old.status in ("done", "dropped")
        news.append("reopened" if reopened else _STATUS_NEWS[new.status])
    if new.deadline != old.deadline:
        news.append(f"new deadline {short_date(new.deadline)}" if new.deadline
                    else "deadline removed")
    if new.confidence != old.confidence:
        was = f" (was {old.confidence})" if old.confidence is not None else ""
        news.append(f"confidence {new.confidence}{was}" if new.confidence is not None
                    else "confidence cleared")
    return listing(news) or "nothing changed"


_VERDICT_STYLE = {
    "met": (colour("success-text"), ""),
    "partly": (colour("partly-text"), ", partly"),
    "not met": (colour("error-text"), ""),
    "open": (MUTED, ""),
}
"""verdict -> (colour, words after the score) of a criterion in the feedback; the mark is
:func:`~career_workbook.analysis.smart.verdict_mark`'s, as in the review pack."""
_FOUND, _HINT = colour("muted-strong"), colour("warning-text")
"""The colours of what a criterion found and of its advice."""


def smart_feedback_html(result: Any) -> str:
    """Each SMART criterion with ✓ (met), ◐ (partly), ✗ (not met) or ? (not judged yet:
    no confidence given, nothing to compare relevance with), what was found and the advice
    (escaped). Advice shows even for a criterion met in full ("more than 3 years away —
    add a milestone"). A goal not in English is told so where the deadline would be named.

    >>> from datetime import date
    >>> from career_workbook.analysis.smart import score_goal
    >>> html = smart_feedback_html(score_goal("Pass the PMP exam by March 2027",
    ...                                       today=date(2026, 11, 22), confidence=5))
    >>> muted = "<span style='color:var(--cw-muted,#555555)'>"
    >>> f"◐</span> <b>Achievable</b> {muted}(50%, partly)" in html
    True
    >>> f"?</span> <b>Relevant</b> {muted}(not judged yet)" in html
    True
    """
    from career_workbook.analysis.smart import verdict_mark

    items = []
    for name, label in CRITERION_LABELS.items():
        c = result.criteria[name]
        verdict = getattr(c, "verdict", "met" if c.met else "not met")
        colour, words = _VERDICT_STYLE[verdict]
        symbol = verdict_mark(verdict)
        mark = f'<span style="color:{colour};font-weight:700">{symbol}</span>'
        score = "not judged yet" if verdict == "open" else f"{c.score:.0%}{words}"
        found = "".join(f"<div style='color:{_FOUND}'>{esc(_line(r))}</div>" for r in c.reasons)
        hints = "".join(f"<div style='color:{_HINT}'>→ {esc(_line(h))}</div>"
                        for h in c.hints)
        items.append(f'<li style="margin-bottom:4px">{mark} <b>{label}</b> '
                     f"<span style='color:{MUTED}'>({score})</span>{found}{hints}</li>")
    problem = getattr(result, "date_problem", None)
    language = getattr(result, "language_note", None)
    if language and result.deadline is None and not problem:  # its dates are not read
        due = f"<div style='color:{_HINT}'>{esc(language)}</div>"
    elif result.deadline is not None and result.deadline_phrase:
        phrase = f" (from “{esc(result.deadline_phrase)}”)"
        due = f"<div>Deadline found: <b>{short_date(result.deadline)}</b>{phrase}</div>"
    elif result.deadline is not None:
        due = (f"<div>Deadline: <b>{short_date(result.deadline)}</b> (from the Deadline "
               "field)</div>")
    elif problem:
        due = (f"<div style='color:{ERROR_TEXT}'>⚠ "
               f"{esc(date_fix_message(problem, saving=False))}</div>")
    else:
        due = "<div>No deadline found in the text yet.</div>"
    summary = f"<div><i>{esc(result.summary)}</i></div>" if result.summary else ""
    return (f'<div class="cw-smart" style="overflow-wrap:anywhere">{summary}{due}'
            f'<ul style="list-style:none;padding-left:0;margin:4px 0">{"".join(items)}</ul>'
            "</div>")


def _line(text: str) -> str:
    """A line of the feedback, cut at a word after :data:`FEEDBACK_LINE_CHARS` characters."""
    return shorten(text, FEEDBACK_LINE_CHARS)


def rewrite_choices(result: Any) -> list[tuple[str, str]]:
    """(criterion label, rewritten goal) for each one-click rewrite the feedback offers.

    >>> from datetime import date
    >>> from career_workbook.analysis.smart import score_goal
    >>> rewrite_choices(score_goal("Pass the PMP exam by 2027-02-30", today=date(2026, 11, 22)))
    [('Time-bound', 'Pass the PMP exam by 28 February 2027')]
    """
    out: list[tuple[str, str]] = []
    for name, label in CRITERION_LABELS.items():
        for text in getattr(result.criteria[name], "rewrites", ()):
            if text not in [t for _, t in out]:
                out.append((label, text))
    return out


def _rewrite_rows(choices: Sequence[tuple[str, str]],
                  use: Callable[[str], None]) -> list[widgets.Widget]:
    """One row per rewrite (:func:`rewrite_choices`): what it fixes, the sentence, and a
    "Use this" button."""
    rows = []
    for label, rewrite in choices:
        button = quiet.Button(description="Use this", tooltip=f"Replace your goal with: "
                              f"{rewrite}", layout=widgets.Layout(width="auto"))
        button.on_click(lambda _b, t=rewrite: use(t))
        rows.append(quiet.HBox([button, quiet.HTML(
            f"<span style='color:{MUTED}'>{esc(label)}:</span> {esc(rewrite)}")]))
    return rows


def _score_style(score: int) -> str:
    from career_workbook.analysis.smart import GOOD_SCORE

    return "success" if score >= GOOD_SCORE else ("warning" if score >= 40 else "danger")


def _skill_options(wb: Workbook) -> list[str]:
    return wb.skill_names()


# ----------------------------------------------------------------------------------------
def goal_drafter(session: Any) -> widgets.Widget:
    """Write a goal and see its SMART score change as you type; save it as an active goal."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook.analysis.scorecard import goal_context, skill_vocabulary
        from career_workbook.analysis.smart import score_goal, stated_confidence

        s = view.session
        wb = s.workbook
        if view.state.get("debouncer") is not None:  # a rebuild: forget the old body's call
            view.state["debouncer"].cancel()
        text = make_field(
            "text", "Your goal", "textarea", rows=3,
            placeholder="e.g. Build and present two forecasting models to the planning team "
                        "by June 2027",
            help="One sentence: what you will do, how you will know it is done, and by when.",
            continuous=True)  # scored as the person types
        confidence = make_field(
            "confidence", "Confidence", "slider", value=6, min=1, max=10,
            help="How sure are you that you can do it? 1 = not at all, 10 = certain. "
                 "Below 7, consider a smaller first step. Move the slider to record it "
                 "(left as it is, it is not saved).")
        skills = make_field(
            "skills", "Skills it builds", "multi", options=_skill_options(wb),
            help="Tick every skill it builds. Linking skills makes the "
                 "goal relevant to your plan.")
        horizon = make_field("horizon", "Horizon", "dropdown", value="short", options=HORIZONS,
                             help="Short-term goals are the steps; long-term ones the "
                                  "direction.")
        deadline = make_field("deadline", "Deadline", "date",
                              help="Filled in from your sentence when it names a date; you "
                                   "can change it.")
        boxes = view.add(text, confidence, skills, horizon, deadline)
        bar = widgets.IntProgress(value=0, min=0, max=100, description="SMART score",
                                  style={"description_width": "13em"},
                                  layout=widgets.Layout(width="calc(13em + 20em)"))
        number = quiet.HTML("", _dom_classes=(LIVE,))  # the score is read out as it changes
        feedback = quiet.HTML("")
        rewrites = quiet.VBox([])
        view.state.update(auto_deadline=True, setting_deadline=False, auto_confidence=True,
                          setting_confidence=False, rewrites=None)

        def update() -> None:
            if not text.value:
                bar.value, number.value = 0, ""
                show_rewrites([])
                feedback.value = f'<div style="color:{MUTED}">Start typing your goal to see ' \
                                 "how SMART it is.</div>"
                return
            stated = stated_confidence(text.value[:2000])
            if stated is not None and view.state["auto_confidence"]:  # "(confidence 8/10)"
                view.state["setting_confidence"] = True
                try:
                    confidence.widget.value = min(10, max(1, round(stated[0])))
                finally:
                    view.state["setting_confidence"] = False
            draft = SimpleNamespace(id="__draft__", skills=list(skills.value))
            try:
                # the slider's starting 6 is no answer, and a deadline the person picked
                # wins over the sentence's (the one filled in from it is the sentence's)
                result = score_goal(
                    text.value, today=s.today, confidence=given_confidence(),
                    deadline=picked(),
                    context=goal_context(s.workbook or wb, draft, vocab=skill_vocab()))
            except Exception as err:  # noqa: BLE001 - runs from a timer: report, never raise
                feedback.value = notice_html(f"This goal could not be scored ({err}).", "error")
                return
            bar.value, bar.bar_style = int(result.score), _score_style(int(result.score))
            number.value = (f'<span style="{UNSEEN_TEXT}">SMART score </span>'
                            f"<b style='font-size:1.2em'>{int(result.score)}</b> / 100")
            too_long = goal_length_problem(text.value, text.label)
            feedback.value = (notice_html(
                f"{too_long}: it cannot be saved until it is shorter. The feedback below "
                f"reads its first {GOAL_TEXT_MAX:,} characters.", "error") if too_long
                else "") + smart_feedback_html(result)
            show_rewrites(rewrite_choices(result))
            view.state["result"] = result
            if view.state["auto_deadline"] and deadline.value != result.deadline:
                view.state["setting_deadline"] = True
                try:
                    deadline.value = result.deadline
                finally:
                    view.state["setting_deadline"] = False

        def picked() -> date | None:
            """The deadline the person picked in the box (not one filled in from the text):
            scoring and saving both start from it (:func:`drafted_deadline`)."""
            return None if view.state["auto_deadline"] else deadline.value

        def given_confidence() -> int | None:
            """The slider's value once the person moved it (or the goal states one)."""
            stated = stated_confidence(text.value[:2000]) if text.value else None
            return None if view.state["auto_confidence"] and stated is None \
                else confidence.value

        def skill_vocab() -> dict[str, tuple[str, ...]]:
            """The skills that make a goal relevant, worked out once per workbook."""
            now = s.workbook or wb
            if view.state.get("vocab", (None,))[0] is not now:
                view.state["vocab"] = (now, skill_vocabulary(now, s.catalog))
            return view.state["vocab"][1]

        def show_rewrites(choices: list[tuple[str, str]]) -> None:
            """Rebuild the "Use this" rows only when the rewrites offered changed (not on
            every keystroke); the rows replaced are closed, so no widget models pile up."""
            if view.state.get("rewrites") == choices:
                return
            view.state["rewrites"] = choices
            old = rewrites.children
            rewrites.children = tuple(_rewrite_rows(choices, use_rewrite))
            close_widgets(old)

        def use_rewrite(rewrite: str) -> None:
            text.widget.value = rewrite  # rescoring follows through the text observer

        view.state["use_rewrite"] = use_rewrite

        def deadline_changed(_change: Any) -> None:
            if not view.state["setting_deadline"]:
                view.state["auto_deadline"] = not deadline.widget.value.strip()

        def confidence_changed(_change: Any) -> None:
            if not view.state["setting_confidence"]:  # the person moved the slider: theirs wins
                view.state["auto_confidence"] = False

        def say_length(_change: Any) -> None:
            """A goal too long to save is said beside it at once, not on Save (the
            re-check of errors shown drops it once it fits)."""
            too_long = goal_length_problem(text.value, text.label)
            if too_long:
                text.error(too_long)

        text.widget.observe(say_length, names="value")
        debounced = Debouncer(update)
        view.state["debouncer"] = debounced
        # first who changed a field (the person or the text), then the feedback
        deadline.widget.observe(deadline_changed, names="value")
        confidence.widget.observe(confidence_changed, names="value")
        for f in (text, confidence, skills):
            f.widget.observe(lambda _c: debounced(), names="value")
        deadline.widget.observe(  # a date the person picks is scored; one filled in is not new
            lambda _c: None if view.state["setting_deadline"] else debounced(), names="value")
        update()

        save = primary_button("Save as goal", "Add this goal to your workbook as an active goal")
        view.buttons["save"] = save
        keep_year_button(view, save)
        labels = {k: f.label for k, f in view.fields.items()}

        def collect() -> tuple[Any, dict[str, str]]:
            # the deadline the feedback shows: the box's when picked, else the sentence's
            # (an emptied box is not "no deadline" while the feedback shows one)
            mine, kept = picked(), view.state.get("keep_year")
            due = drafted_deadline(text.value, mine, s.today)
            # a date wrong in the sentence is said beside the box while the box shows it
            shown = deadline.value if mine is None and deadline.value == due else mine
            problems = goal_draft_problems(text.value, shown, s.today, keep=kept)
            too_long = goal_length_problem(text.value, text.label)
            if too_long:  # said first: the words to save come before their date
                problems["text"] = too_long
            elif again := duplicate_goal_problem(text.value, view.session.workbook.goals):
                problems["text"] = again
            ask_year(view, due, year_question(due, s.today, "", kept) is not None)
            if problems:
                return None, problems
            data = goal_data(text.value, horizon=horizon.value, deadline=due,
                             confidence=given_confidence(), skills=skills.value, today=s.today)
            return check_model(Goal, data, labels)

        view.bind(save, collect, lambda wb, goal: add_goal(wb, goal, s.path), adds=True,
                  detail=goal_added_said, live=False,
                  after=lambda _goal: view.state.pop("keep_year", None))  # kept for this one
        score_row = quiet.HBox([bar, number], layout=widgets.Layout(align_items="center"))
        return [*boxes[:1], score_row, feedback, rewrites, *boxes[1:], quiet.HBox([save])]

    return FormView(session, build, name="goal_drafter", title="Draft a SMART goal",
                    intro="Specific, Measurable, Achievable, Relevant, Time-bound. The "
                          "feedback updates as you type.",
                    depends=lambda wb: (wb.skill_names(), len(wb.goals)))


def goal_editor(view: FormView, *, with_deadline: bool) -> list[widgets.Widget]:
    """Choose a goal and change its wording, status, confidence (and deadline)."""
    s = view.session
    wb = s.workbook
    goals = [g for g in wb.goals]
    if not goals:
        return [notice(s.say("No goals yet: draft your first one in notebook 04."), "info")]
    options = [(shorten(g.text, 70), g.id) for g in goals]
    chosen_id = view.state.get("goal_id")
    if chosen_id not in [g.id for g in goals]:
        chosen_id = goals[0].id
    old = next(g for g in goals if g.id == chosen_id)
    chooser = make_field("goal_id", "Goal", "dropdown", value=chosen_id, options=options,
                         help="Choose the goal to review.")

    def choose(change: Any) -> None:
        view.state["goal_id"] = change["new"]
        view.set_status("")
        view.rebuild()

    chooser.widget.observe(choose, names="value")
    wording = make_field("text", "Goal text", "textarea", value=old.text, rows=2,
                         help="Fix a typo or reshape the goal. A new date in it moves the "
                              "deadline when the deadline came from the old one.")
    status = make_field("status", "Status", "dropdown", value=old.status,
                        options=[(STATUS_LABELS[x], x) for x in GOAL_STATUSES],
                        help="Marking a goal done records today as its completion date.")
    confidence = make_field(
        "confidence", "Confidence", "dropdown", value=old.confidence,
        options=[(str(n), n) for n in range(1, 11)], optional=True,
        help="How sure you are now that you will get there (1-10).")
    fields = [wording, status, confidence]
    if with_deadline:
        fields.insert(1, make_field(
            "deadline", "Deadline", "date", value=old.deadline,
            help="Move it if the plan changed — an honest new date beats a missed one."))
    boxes = view.add(chooser, *fields)
    view.fields.pop("goal_id")
    labels = {k: f.label for k, f in view.fields.items()}
    save = primary_button("Save goal changes",
                          "Save the goal's new wording, status, confidence and deadline")
    view.buttons["save"] = save
    keep_year_button(view, save)

    mine: list[Goal] = []  # the goal as this form saves it, for the message

    def collect() -> tuple[Any, dict[str, str]]:
        picked = view.fields["deadline"].value if with_deadline else NONE
        reworded, problem = reworded_goal(old, wording.value, today=s.today, deadline=picked)
        if not problem and duplicate_key(wording.value) != duplicate_key(old.text):
            problem = duplicate_goal_problem(
                wording.value, [g for g in s.workbook.goals if g.id != old.id])
        if problem:
            mine[:] = []
            return None, {"text": problem}
        changes = goal_update(
            s.today, status=status.value, confidence=confidence.value,
            completed_on=old.completed_on,
            **({"deadline": picked} if with_deadline else {}))
        in_text = "deadline" in reworded  # the new wording's date moves the deadline
        moved = (reworded if in_text else changes).get("deadline")
        kept = view.state.get("keep_year")
        ask_year(view, moved, moved != old.deadline
                  and year_question(moved, s.today, "", kept) is not None)
        refused = moved_deadline_problem(old, moved, today=s.today, in_text=in_text, keep=kept)
        if refused:
            mine[:] = []
            return None, {"text" if in_text else "deadline": refused}
        goal, errors = check_model(
            Goal, {**old.model_dump(round_trip=True), **changes, **reworded}, labels)
        mine[:] = [goal] if goal is not None else []
        return goal, errors

    def apply(wb: Workbook, goal: Goal) -> Goal:
        """Merge the goal with the file's; return it as written (the message names it).
        A deadline moved before milestones added in another tab since is a conflict."""
        from career_workbook.analysis.progress import late_milestones
        from career_workbook.widgets.merge import EditConflict

        index = find_entry(wb.goals, old, "goal")
        theirs = wb.goals[index]
        written = merge_section(Goal, list(Goal.model_fields), stored=old, filled=view.filled,
                                mine=goal, theirs=theirs, labels=labels, fields=view.fields)
        late = late_milestones(written.milestones, written.deadline)
        if late and written.deadline != theirs.deadline:  # steps added in another tab since
            raise EditConflict([Problem("", None, (
                f"has milestones added in another tab that are due after its new deadline, "
                f"{short_date(written.deadline)}: {_named_steps(late)}. Press Reload to see "
                "them, then move them (Milestones, step 06) or choose a later date."))],
                {"": "This goal"})
        wb.goals[index] = written
        return written

    def said(goal: Goal) -> str:
        """The save message: what changed, and a wording left naming another date."""
        notes = [deadline_wording_note(goal, s.today), no_deadline_note(goal, pick=with_deadline),
                 closed_goal_actions_note(old, goal, s.workbook.actions if s.workbook else [])]
        text = goal_changes(old, mine[0] if mine else goal, goal)
        for note in filter(None, notes):  # each note a sentence of its own
            text += ("" if text.endswith((".", ".”")) else ".") + f" {note}"
        return text

    view.bind(save, collect, apply, detail=said,
              after=lambda _goal: view.state.pop("keep_year", None))
    return [*boxes, quiet.HBox([save])]


def goals_table(session: Any) -> widgets.Widget:
    """Your goals with their SMART score and progress; change their wording, status or
    confidence."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.analysis.progress import status_label
        from career_workbook.widgets.display import table_widget

        s = view.session
        wb = s.workbook
        if not wb.goals:  # one notice under the form's own title, not a second of each
            return [notice(s.say("No goals yet: draft your first one in notebook 04."), "info")]
        # the scorecard the notebook's chart draws (each goal scored once a workbook)
        table = analysis.goals_table_frame(wb, s.today, catalog=s.catalog,
                                           scorecard=s.frames().scorecard)
        table = table.assign(status=[status_label(st, tr) for st, tr in  # as counted
                                     zip(table["status"], table["track"], strict=True)])
        shown = table_widget(table, {"text": "Goal", "status": "Status", "deadline": "Deadline",
                                     "score": "SMART", "actual": "% done", "track": "Track",
                                     "confidence": "Confidence"})
        return [shown, *goal_editor(view, with_deadline=False)]

    return FormView(session, build, name="goals_table", title="Your goals",
                    intro="Keep this list honest: finish, drop or reshape goals as life "
                          "changes.", depends=lambda wb: (wb.goals, wb.check_ins))
