"""Notebook 09: the progress check-in, what to do next, and adapting goals.

A check-in is *appended* every time it is saved, even a second one on the same day (the
form says so before it is saved: :func:`same_day_note`); an older check-in is never
changed, and one identical to a check-in already saved is not added twice.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import CheckIn, Goal, new_workbook
>>> wb = new_workbook("Sam")
>>> wb.goals.append(Goal(id="g1", text="Ship the forecast", status="active"))
>>> wb.check_ins.append(CheckIn(date=date(2026, 10, 1), progress={"g1": 40}))
>>> latest_progress(wb, date(2026, 11, 22)), [g.id for g in open_goals(wb)]
({'g1': 40}, ['g1'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, NamedTuple

import ipywidgets as widgets

from career_workbook.model import CheckIn, Goal, Problem, Workbook, WorkbookError
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    MUTED,
    FormView,
    check_model,
    esc,
    make_field,
    notice,
    primary_button,
)
from career_workbook.widgets.forms_goals import goal_editor
from career_workbook.widgets.inputs import days_not_come
from career_workbook.wording import listing, plural, quoted_end, relative, short_date, shorten

__all__ = ["CheckInAnswers", "check_in_answers", "check_in_data", "check_in_form",
           "check_in_intro", "check_in_summary", "goal_review", "is_empty_check_in",
           "last_check_in", "latest_progress", "next_actions", "open_goals", "ratings_in_effect",
           "progress_before_set", "same_day_note", "set_after_note", "slider_values"]

_TEXTS = {
    "wins": ("Wins", "What went well since last time — big or small."),
    "setbacks": ("Setbacks", "What got in the way."),
    "lessons": ("Lessons", "What you learned about yourself or the work."),
    "adjustments": ("Adjustments", "What you will change for the next stretch."),
    "note": ("Anything else", "Optional."),
}


def open_goals(wb: Workbook) -> list[Goal]:
    """Goals still being worked on (draft or active), in workbook order."""
    return [g for g in wb.goals if g.status in ("draft", "active")]


def latest_progress(wb: Workbook, today: date) -> dict[str, int]:
    """The latest check-in progress (%) recorded for each goal on or before ``today`` (a
    check-in dated later has not happened yet)."""
    from career_workbook.analysis.progress import checkin_points

    return {gid: round(points[-1][1]) for gid, points in checkin_points(wb, today).items()}


def last_check_in(wb: Workbook, today: date) -> CheckIn | None:
    """The latest check-in dated on or before ``today`` (of two on one day, the one written
    later), or ``None``.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.check_ins += [CheckIn(date=date(2026, m, 1), note=f"m{m}") for m in (3, 12)]
    >>> last_check_in(wb, date(2026, 11, 22)).note, last_check_in(wb, date(2026, 1, 1))
    ('m3', None)
    """
    past = [c for c in sorted(wb.check_ins, key=lambda c: c.date) if c.date <= today]
    return past[-1] if past else None


def ratings_in_effect(wb: Workbook, today: date) -> dict[str, int]:
    """The latest answer to each slider of the check-in form on or before ``today``, by
    form key: ``motivation``, ``confidence`` (from the latest check-in that rated it) and
    ``progress.<goal id>`` (:func:`latest_progress`). What the form starts from.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.goals.append(Goal(id="g1", text="Ship the forecast"))
    >>> wb.check_ins += [CheckIn(date=date(2026, 10, 1), motivation=7, progress={"g1": 25}),
    ...                  CheckIn(date=date(2026, 11, 1), confidence=5, wins="Shipped")]
    >>> ratings_in_effect(wb, date(2026, 11, 22))
    {'motivation': 7, 'confidence': 5, 'progress.g1': 25}
    """
    rated = [c for c in sorted(wb.check_ins, key=lambda c: c.date) if c.date <= today]
    found: dict[str, int] = {}
    for key in ("motivation", "confidence"):
        answers = [getattr(c, key) for c in rated if getattr(c, key) is not None]
        if answers:
            found[key] = answers[-1]
    found.update({f"progress.{gid}": pct for gid, pct in latest_progress(wb, today).items()})
    return found


def slider_values(check_in: CheckIn, keys: Iterable[str]) -> dict[str, int | None]:
    """The answer ``check_in`` gives to each slider ``keys`` (``None``: not given).

    >>> slider_values(CheckIn(date=date(2026, 11, 22), motivation=8, progress={"g1": 40}),
    ...               ["motivation", "confidence", "progress.g1", "progress.g2"])
    {'motivation': 8, 'confidence': None, 'progress.g1': 40, 'progress.g2': None}
    """
    return {key: (check_in.progress.get(key.split(".", 1)[1]) if key.startswith("progress.")
                  else getattr(check_in, key)) for key in keys}


class CheckInAnswers(NamedTuple):
    """What a check-in records of its sliders (:func:`check_in_answers`).

    ``values``: key -> the answer recorded (``None``: not recorded). ``changed``: key -> the
    value now in the file, for each slider left as shown whose answer changed in another
    window since (not recorded). ``left``: sliders left as shown that are not recorded
    because the check-in is dated before the latest one.
    """

    values: dict[str, int | None]
    changed: dict[str, int | None]
    left: list[str]


def check_in_answers(given: Mapping[str, int | None], *, shown: Mapping[str, int],
                     now: Mapping[str, int], latest: bool,
                     labels: Mapping[str, str] | None = None) -> CheckInAnswers:
    """Which slider answers a new check-in records.

    ``given``: each slider's value as the form would save it (``None`` for a slider with
    nothing to start from, never moved); ``shown``: the answers in effect when the form was
    filled (:func:`ratings_in_effect`), ``now``: the same in the file at save time;
    ``latest``: the check-in is dated on or after the latest check-in in the file.

    A slider left as it was shown says "unchanged since my last check-in": recorded as
    such, unless the check-in is back-dated (``latest`` false: it would copy today's answer
    into the past) or the answer changed in another window since the form was shown (the
    person never saw the new one): then it is not recorded. A slider the person moved is
    their answer; when it becomes the latest and the same answer was changed differently in
    another window, nothing is saved:
    :class:`~career_workbook.widgets.merge.EditConflict` names it.

    >>> shown = {"motivation": 7, "progress.g1": 25}
    >>> check_in_answers({"motivation": 7, "progress.g1": 25}, shown=shown, now=shown,
    ...                  latest=True).values
    {'motivation': 7, 'progress.g1': 25}
    >>> check_in_answers({"motivation": 7, "progress.g1": 30}, shown=shown,
    ...                  now={"motivation": 9, "progress.g1": 25}, latest=True)[:2]
    ({'motivation': None, 'progress.g1': 30}, {'motivation': 9})
    >>> check_in_answers({"motivation": 7, "progress.g1": 30}, shown=shown, now=shown,
    ...                  latest=False)
    CheckInAnswers(values={'motivation': None, 'progress.g1': 30}, changed={}, left=['motivation'])
    """  # noqa: E501
    from career_workbook.widgets.merge import merge_fields

    values: dict[str, int | None] = {}
    changed: dict[str, int | None] = {}
    left: list[str] = []
    moved = [key for key, value in given.items() if value != shown.get(key)]
    if latest:  # a moved slider against the same answer changed elsewhere: a conflict
        merge_fields(moved, stored=shown, filled=shown, mine=given, theirs=now, labels=labels)
    for key, value in given.items():
        if key in moved:
            values[key] = value
        elif not latest:
            values[key] = None
            left += [key] if value is not None else []
        elif now.get(key) != shown.get(key):
            values[key] = None
            changed[key] = now.get(key)
        else:
            values[key] = value
    return CheckInAnswers(values, changed, left)


def check_in_summary(check_in: CheckIn) -> str:
    """What a check-in records, in words.

    >>> check_in_summary(CheckIn(date=date(2026, 11, 22), motivation=9,
    ...                          progress={"g1": 50, "g2": 10}, wins="Shipped"))
    'motivation 9, progress on 2 goals and wins'
    >>> check_in_summary(CheckIn(date=date(2026, 11, 22), note="Quiet week"))
    'a note'
    """
    said = [f"{key} {getattr(check_in, key)}" for key in ("motivation", "confidence")
            if getattr(check_in, key) is not None]
    if check_in.progress:
        said.append(f"progress on {plural(len(check_in.progress), 'goal')}")
    said += [key for key in ("wins", "setbacks", "lessons", "adjustments")
             if getattr(check_in, key).strip()]
    if check_in.note.strip():
        said.append("a note")
    return listing(said)


def progress_before_set(progress: Mapping[str, int], goals: Iterable[Goal], day: date,
                        today: date) -> dict[str, Goal]:
    """The goals of ``progress`` (goal id -> %) set after ``day``, the check-in's date
    (:func:`~career_workbook.analysis.progress.set_after`): their progress on that day
    would come before the goal existed, so it is not recorded.

    >>> goals = [Goal(id="g1", text="Pass the AWS exam", created=date(2026, 12, 6)),
    ...          Goal(id="g2", text="Ship the forecast", created=date(2026, 10, 1))]
    >>> list(progress_before_set({"g1": 60, "g2": 30}, goals, date(2026, 11, 20),
    ...                          date(2026, 12, 6)))
    ['g1']
    """
    from career_workbook.analysis.progress import set_after

    by_id = {g.id: g for g in goals}
    return {gid: by_id[gid] for gid in progress
            if gid in by_id and set_after(by_id[gid], day, today) is not None}


def set_after_note(goal: Goal, day: date) -> str:
    """Why ``goal``'s progress is not recorded at a check-in dated ``day``, before the goal
    was set (:func:`progress_before_set`).

    >>> set_after_note(Goal(text="Pass the AWS exam", created=date(2026, 12, 6)),
    ...                date(2026, 11, 20))
    'Progress on “Pass the AWS exam” is not recorded on 20 Nov 2026: that goal was set on 6 Dec 2026, after it. Date the check-in 6 Dec 2026 or later to record it.'
    """  # noqa: E501
    return (f"Progress on “{shorten(goal.text, 60)}” is not recorded on {short_date(day)}: "
            f"that goal was set on {short_date(goal.created)}, after it. Date the check-in "
            f"{short_date(goal.created)} or later to record it.")


def same_day_note(check_ins: Iterable[CheckIn], day: date | None) -> str:
    """What the check-in form says, before saving, when ``check_ins`` already has one dated
    ``day``: saving adds another (check-ins are never overwritten). ``''`` when none.

    >>> ci = CheckIn(date=date(2026, 11, 20), motivation=4)
    >>> same_day_note([ci], date(2026, 11, 20))
    'You already checked in on 20 Nov 2026 (motivation 4): saving adds a second check-in for that day.'
    >>> same_day_note([ci, ci], date(2026, 11, 20))
    'You already checked in 2 times on 20 Nov 2026: saving adds another check-in for that day.'
    >>> same_day_note([ci], date(2026, 11, 21))
    ''
    """  # noqa: E501
    same = [c for c in check_ins if day is not None and c.date == day]
    if not same:
        return ""
    if len(same) == 1:
        said = check_in_summary(same[0])
        return (f"You already checked in on {short_date(day)}" + (f" ({said})" if said else "")
                + ": saving adds a second check-in for that day.")
    return (f"You already checked in {len(same)} times on {short_date(day)}: saving adds "
            "another check-in for that day.")


def check_in_intro(last: CheckIn | None, today: date) -> str:
    """The line above the check-in form.

    >>> check_in_intro(CheckIn(date=date(2026, 11, 21)), date(2026, 11, 22))
    'Your last check-in was on 21 Nov 2026 (yesterday).'
    >>> check_in_intro(None, date(2026, 11, 22))
    'This is your first check-in.'
    """
    if last is None:
        return "This is your first check-in."
    return (f"Your last check-in was on {short_date(last.date)} "
            f"({relative((last.date - today).days)}).")


def check_in_data(values: dict[str, Any], progress: dict[str, int | None]) -> dict[str, Any]:
    """The fields of a :class:`~career_workbook.model.CheckIn` from form values."""
    data = {k: v for k, v in values.items() if not k.startswith("progress.")}
    data["progress"] = {k: v for k, v in progress.items() if v is not None}
    return data


def is_empty_check_in(check_in: CheckIn) -> bool:
    """Nothing recorded but the date: no progress, no rating, no text (such a check-in
    would count as "your last check-in" and quiet the reminder to check in).

    >>> from datetime import date
    >>> is_empty_check_in(CheckIn(date=date(2026, 11, 22)))
    True
    >>> is_empty_check_in(CheckIn(date=date(2026, 11, 22), lessons="Ask earlier"))
    False
    """
    return not (check_in.progress or check_in.motivation or check_in.confidence
                or any(getattr(check_in, key).strip() for key in _TEXTS))


def check_in_form(session: Any) -> widgets.Widget:
    """A dated check-in: motivation, confidence, progress per goal, wins, setbacks,
    lessons, adjustments. Each save appends a new check-in.

    The sliders start from the answers in effect (:func:`ratings_in_effect`); which of them
    a save records is :func:`check_in_answers`' rule (one left as shown is "unchanged",
    unless the check-in is back-dated or the answer changed in another window meanwhile),
    and the status line says what was recorded.
    """

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        last = last_check_in(wb, s.today)
        shown = ratings_in_effect(wb, s.today)
        unset = " Move the slider to record it (left as it is, it is not saved)."
        def date_help(day: date | None) -> str:
            """The date's help, with a note when a check-in of that day is saved already,
            and one when the day is before the last check-in (only moved sliders count)."""
            before = (f" A day before your last check-in ({short_date(last.date)}) records "
                      "only the sliders you move." if last and day and day < last.date
                      else "")
            note = same_day_note(s.workbook.check_ins if s.workbook else (), day)
            return "The day of this check-in." + before + (f" {note}" if note else "")

        fields = [
            make_field("date", "Date", "date", value=s.today, help=date_help(s.today)),
            make_field("motivation", "Motivation", "slider", value=shown.get("motivation", 6),
                       min=1, max=10, help="How motivated you feel about your plan: 1 = low, "
                                           "10 = fired up." + ("" if "motivation" in shown
                                                               else unset)),
            make_field("confidence", "Confidence", "slider", value=shown.get("confidence", 6),
                       min=1, max=10, help="How confident you are of reaching your goals."
                       + ("" if "confidence" in shown else unset)),
        ]
        progress = [
            make_field(f"progress.{g.id}", f"Progress: {shorten(g.text, 23)}", "slider",
                       value=shown.get(f"progress.{g.id}", 0), min=0, max=100,
                       help=f"% done of {quoted_end(g.text)}"
                       + ("" if f"progress.{g.id}" in shown else unset))
            for g in open_goals(wb)
        ]
        texts = [make_field(k, label, "textarea", rows=2, help=help)
                 for k, (label, help) in _TEXTS.items()]
        sliders = [f.key for f in (*fields[1:], *progress)]
        # a slider with nothing to start from shows a made-up value (6, or 0 %): it is
        # saved only once the person moves it, so a check-in never records an answer
        # nobody gave (a previous answer left as it is counts as given again, see
        # check_in_answers for when it does not)
        invented = {key for key in sliders if key not in shown}
        touched: set[str] = set()
        for key in invented:
            view_field = next(f for f in (*fields, *progress) if f.key == key)
            view_field.widget.observe(lambda _c, key=key: touched.add(key), names="value")
        boxes = view.add(*fields, *progress, *texts)
        dated = fields[0]
        view.follows_today(dated)  # said before saving: a check-in of that day is saved already
        dated.widget.observe(lambda _c: dated.set_help(date_help(dated.value)), names="value")
        save = primary_button("Add this check-in",
                              "Save this check-in as a new dated entry; earlier ones are kept")
        view.buttons["save"] = save
        labels = {k: f.label for k, f in view.fields.items()}

        def given(f: Any) -> Any:
            return None if f.key in invented and f.key not in touched else f.value

        def answered(record: CheckIn,
                     wb: Workbook) -> tuple[CheckIn, CheckInAnswers, dict[str, Goal]]:
            """``record`` with the slider answers it records, against ``wb`` as it is, and
            the goals whose progress it leaves out, as they were set after its date."""
            newest = last_check_in(wb, s.today)
            answers = check_in_answers(
                slider_values(record, sliders), shown=shown,
                now=ratings_in_effect(wb, s.today), labels=labels,
                latest=newest is None or record.date >= newest.date)
            values = answers.values
            progress = {k.split(".", 1)[1]: v for k, v in values.items()
                        if k.startswith("progress.") and v is not None}
            early = progress_before_set(progress, wb.goals, record.date, s.today)
            kept = record.model_copy(update={
                "motivation": values["motivation"], "confidence": values["confidence"],
                "progress": {k: v for k, v in progress.items() if k not in early}})
            return kept, answers, early

        def nothing_given(answers: CheckInAnswers, newest: CheckIn | None) -> str:
            if answers.left and newest is not None:
                return (f"A check-in dated before your last one ({short_date(newest.date)}) "
                        "records only what you give it: move a slider or write how it went.")
            return ("Write or rate at least one thing: progress on a goal, how it went, or "
                    "your motivation.")

        def collect() -> tuple[Any, dict[str, str]]:
            values = {k: given(f) for k, f in view.fields.items()}
            data = check_in_data(values, {f.key.split(".", 1)[1]: given(f) for f in progress})
            later = days_not_come(values, s.today, {"date": f"“{labels['date']}”"},
                                  "a check-in")
            record, errors = check_model(CheckIn, data, labels)
            if later:  # said with the other problems, all at once
                return None, {**later, **errors}
            if record is not None:
                kept, answers, early = answered(record, wb)
                if is_empty_check_in(kept):
                    if early:  # beside each slider: its goal was set after that day
                        return None, {f"progress.{gid}": set_after_note(goal, record.date)
                                      for gid, goal in early.items()}
                    return None, {"": nothing_given(answers, last)}
            return record, errors

        said: dict[str, Any] = {}

        def add(wb: Workbook, record: CheckIn) -> CheckIn:
            """Append the check-in under the file lock, as the file is now."""
            from career_workbook.widgets.merge import RELOAD_HINT, EditConflict

            kept, answers, early = answered(record, wb)
            newest = last_check_in(wb, s.today)
            same = next((c for c in wb.check_ins if c == kept), None)
            if same is not None:  # saved already: a double click, or the form sent again
                raise WorkbookError(
                    f"this check-in is already in your workbook ({short_date(same.date)}, "
                    f"{check_in_summary(same)}). Change something to add another.")
            if is_empty_check_in(kept):  # not when the form was filled: changed elsewhere
                why = (f"was changed in another window since this form was shown ("
                       f"{_now_said(answers.changed, labels)})" if answers.changed else
                       f"is now dated {short_date(newest.date) if newest else ''}, after this "
                       "one (added in another window since this form was shown), and a "
                       "check-in dated before it records only what you give it")
                raise EditConflict([Problem("", None, f"{why}; {RELOAD_HINT}")],
                                   {"": "Your last check-in"})
            said.update(answers=answers, newest=newest, early=early,
                        same_day=sum(c.date == kept.date for c in wb.check_ins))
            wb.check_ins.append(kept)
            return kept

        def detail(c: CheckIn) -> str:
            answers, newest = said.get("answers"), said.get("newest")
            again = said.get("same_day", 0)
            text = (f"check-in of {short_date(c.date)} added"
                    + ("" if not again else " (a second one that day)" if again == 1
                       else f" ({again + 1} that day now)")
                    + f" with {check_in_summary(c)}")
            for goal in said.get("early", {}).values():
                text += ". " + set_after_note(goal, c.date).rstrip(".")
            if answers is not None and answers.left and newest is not None:
                text += (f". It is dated before your last check-in ({short_date(newest.date)}), "
                         "so the sliders you did not move were not recorded")
            if answers is not None and answers.changed:
                text += (". Not recorded, as your last check-in changed in another window "
                         f"since this form was shown: {_now_said(answers.changed, labels)}; "
                         "the form now shows them")
            return text

        view.bind(save, collect, add, adds=True, detail=detail)
        intro = check_in_intro(last, s.today)
        return [quiet.HTML(f'<div style="color:{MUTED}">{esc(intro)}</div>'), *boxes, save]

    return FormView(session, build, name="check_in", title="Check in",
                    intro="A regular look back: how it went, how far each goal has come, "
                          "what to change. Each check-in is saved as a new dated entry; "
                          "earlier ones are kept.",
                    depends=lambda wb: (wb.goals, len(wb.check_ins)))


def _now_said(changed: Mapping[str, int | None], labels: Mapping[str, str]) -> str:
    """Which answers changed elsewhere, and to what, in words.

    >>> _now_said({"motivation": 9, "progress.g1": 50},
    ...           {"motivation": "Motivation", "progress.g1": "Progress: Ship it"})
    '“Motivation” is now 9 and “Progress: Ship it” is now 50 %'
    """
    return listing([f"“{labels.get(key, key)}” is now "
                    + ("not given" if value is None else
                       f"{value} %" if key.startswith("progress.") else str(value))
                    for key, value in changed.items()])


def next_actions(session: Any) -> widgets.Widget:
    """What to do next: overdue steps, goals behind, gaps, follow-ups, with reasons; counted
    as a review of the session's day (:func:`~career_workbook.analysis.review_as_of`, as the
    progress chart and the pack are): a goal set after it is left out, and it says so."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.analysis.next_actions import nothing_to_do
        from career_workbook.widgets.display import table_widget

        s = view.session
        seen = analysis.review_as_of(s.workbook, s.today)
        later = analysis.set_later_note(s.workbook, s.today)
        frame = analysis.next_actions_frame(seen, s.today, s.role, limit=None,
                                            catalog=s.catalog)
        return [*([notice(s.say(f"{later} (the progress chart and these next actions); "
                                "your forms still list every goal."))] if later else []),
                table_widget(frame, {"rank": "#", "kind": "What", "item": "Item",
                                     "reason": "Why now", "due": "Due"},
                             empty=s.say(nothing_to_do(s.workbook)), names=("item",),
                             name="What to do next")]  # its region: the form's title

    return FormView(session, build, name="next_actions", title="What to do next",
                    intro="Drawn from your whole workbook, most urgent first.")


def goal_review(session: Any) -> widgets.Widget:
    """Adapt goals: see how each is tracking, extend its deadline, change its status."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.analysis.progress import status_label
        from career_workbook.widgets.display import table_widget

        s = view.session
        wb = s.workbook
        frame = analysis.goal_progress_frame(wb, s.today)
        frame = frame.assign(status=[status_label(st, tr) for st, tr in  # as counted
                                     zip(frame["status"], frame["track"], strict=True)])
        table = table_widget(frame, {"text": "Goal", "status": "Status",
                                     "deadline": "Deadline", "expected": "% time gone",
                                     "actual": "% done", "track": "Track",
                                     "forecast": "Forecast finish"},
                             empty="No goals to review yet.", title="How your goals track")
        if not wb.goals:
            return [notice(view.session.say("No goals yet: draft your first one in notebook 04."),
                           "info")]
        return [table, *goal_editor(view, with_deadline=True)]

    return FormView(session, build, name="goal_review", title="Adapt your goals",
                    intro="Goals behind plan are information, not failure: extend, reshape, "
                          "finish or drop them.",
                    depends=lambda wb: (wb.goals, wb.check_ins))
