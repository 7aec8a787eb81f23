"""Notebook 07: your network, and planning informational interviews.

The rules the forms apply are pure functions here: :func:`contact_problems` (a last
contact still to come, a follow-up before it, a second contact of the same name),
:func:`interview_problems` (an interview planned in the past, questions too long to keep
whole) and :func:`contact_labels` (a name in a list, told apart from another of the same).

Examples
--------
>>> from datetime import date
>>> interview_action_data("Dana Lee", date(2026, 12, 1), "g1", "How did you start?\\n")
{'text': 'Informational interview with Dana Lee — How did you start?', 'due': datetime.date(2026, 12, 1), 'goal_id': 'g1', 'priority': 'high'}
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

import ipywidgets as widgets

from career_workbook.analysis.network import (
    RELATIONSHIP_LABELS,
    RELATIONSHIP_NAMES,
    contact_detail,
    contact_label,
    contact_labels,
)
from career_workbook.model import RELATIONSHIPS, Action, Contact, Workbook
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    FormView,
    check_model,
    esc,
    find_entry,
    lines,
    make_field,
    notice,
    primary_button,
    record_editor,
)
from career_workbook.widgets.forms_plan import goal_options, late_due_problem
from career_workbook.widgets.inputs import days_not_come, gone_due_problem, swapped_year_problem
from career_workbook.wording import short_date

__all__ = ["RELATIONSHIP_LABELS", "RELATIONSHIP_NAMES", "contact_label", "contact_labels",
           "contact_problems", "contacts_form", "interview_action_data", "interview_follow_up",
           "interview_planner", "interview_problems"]

ACTION_TEXT_MAX: int = next(m.max_length for m in Action.model_fields["text"].metadata
                           if getattr(m, "max_length", None))
"""The longest action text the workbook keeps (:class:`~career_workbook.model.Action`)."""


def _interview_heading(name: str) -> str:
    return f"Informational interview with {name}"


def _questions_text(questions: str) -> str:
    return "; ".join(lines(questions))


def contact_problems(data: Mapping[str, Any], contacts: Sequence[Contact],
                     today: date) -> dict[str, str]:
    """Why the contact about to be saved (``data``: its fields; ``id`` when it is already
    in ``contacts``) cannot be: its last contact is after ``today``, its next follow-up
    comes before its last contact, or before ``today`` when it is a new day (one the
    contact already had, overdue, stays), or is in a year with two digits swapped (2062 for 2026),
    or it is someone already in the list (:meth:`Contact.same_person
    <career_workbook.model.Contact.same_person>`: the same name and organisation, case,
    accents, punctuation and spaces aside, as the contacts import compares them; or the
    same email in the notes), named so that the person can pick that entry instead.

    The relationship does not tell two people apart (the same person may be a mentor, and
    later a sponsor): a second "Dana Lee" needs her organisation. A contact that was
    already the same person as another keeps saving while its name, organisation and
    emails stay as they were.

    >>> dana = Contact(id="c1", name="Dana Lee", relationship="mentor")
    >>> contact_problems({"name": "dana  lee", "organisation": ""}, [dana],
    ...                  date(2026, 12, 5))["name"]
    'You already have a contact named Dana Lee (mentor): choose them in the list above to change them. Someone else with the same name? Add their organisation to tell them apart.'
    >>> contact_problems({"name": "D. Lee", "notes": "Email: DANA@acme.com"},
    ...                  [dana.model_copy(update={"notes": "dana@acme.com"})],
    ...                  date(2026, 12, 5))["name"]
    'Dana Lee (mentor) has the same email (dana@acme.com): choose them in the list above to change them, or take the email out of these notes if two people share it.'
    >>> contact_problems({"name": "Dana Lee", "organisation": "Acme"}, [dana], date(2026, 12, 5))
    {}
    >>> contact_problems({"name": "Bo", "last_contact": date(2026, 11, 2),
    ...                   "next_follow_up": date(2026, 10, 1)}, [], date(2026, 12, 5))
    {'next_follow_up': '“Next follow-up” (1 Oct 2026) comes before the last contact (2 Nov 2026): choose the day you will next get in touch, or clear it.'}
    >>> contact_problems({"name": "Bo", "next_follow_up": date(2026, 12, 1)}, [],
    ...                  date(2026, 12, 5))["next_follow_up"][:58]
    '“Next follow-up” (1 Dec 2026) is before today (5 Dec 2026)'
    >>> contact_problems({"name": "Bo", "next_follow_up": date(2062, 12, 15)}, [], date(2026, 12, 5))
    {'next_follow_up': '“Next follow-up” is 15 Dec 2062, 36 years after today (5 Dec 2026). Did you mean 2026?'}
    """  # noqa: E501
    found = days_not_come(data, today, {"last_contact": "“Last contact”"})
    stored = next((c.next_follow_up for c in contacts if c.id == data.get("id")), None)
    if typo := swapped_year_problem(data.get("next_follow_up"), today, "“Next follow-up”"):
        found["next_follow_up"] = typo
    last, follow_up = data.get("last_contact"), data.get("next_follow_up")
    if not found.keys() & {"last_contact", "next_follow_up"} and isinstance(
            last, date) and isinstance(follow_up, date) and follow_up < last:
        found["next_follow_up"] = (
            f"“Next follow-up” ({short_date(follow_up)}) comes before the last contact "
            f"({short_date(last)}): choose the day you will next get in touch, or clear it.")
    if "next_follow_up" not in found and (gone := gone_due_problem(
            follow_up, stored, today, "“Next follow-up”", "a follow-up",
            "Already in touch? Make that day the last contact.")):
        found["next_follow_up"] = gone
    name = data.get("name")
    if isinstance(name, str) and name.strip():
        new = Contact.model_construct(name=name, organisation=data.get("organisation") or "",
                                      notes=data.get("notes") or "")
        me = next((c for c in contacts if c.id == data.get("id")), None)
        if me is None or _identity(new) != _identity(me):
            same = next((c for c in contacts if c is not me and new.same_person(c)), None)
            if same is not None:
                shared = sorted(new.emails & same.emails)
                found["name"] = (
                    f"{contact_detail(same, True)} has the same email ({shared[0]}): choose "
                    "them in the list above to change them, or take the email out of these "
                    "notes if two people share it." if shared else
                    f"You already have a contact named {contact_detail(same, True)}: choose "
                    "them in the list above to change them. Someone else with the same "
                    "name? Add their organisation to tell them apart.")
    return found


def _identity(contact: Contact) -> tuple[Any, ...]:
    """What tells a contact apart from another (:meth:`Contact.same_person`)."""
    return contact.person_key, contact.emails


def interview_action_data(name: str, day: date | None, goal_id: str | None,
                          questions: str) -> dict[str, Any]:
    """The action that reminds you of an informational interview (questions appended,
    whole: :func:`interview_problems` refuses questions too long to keep)."""
    asked = _questions_text(questions)
    text = _interview_heading(name) + (f" — {asked}" if asked else "")
    return {"text": text, "due": day, "goal_id": goal_id, "priority": "high"}


def interview_problems(name: str, day: date | None, questions: str,
                       today: date, deadline: date | None = None) -> dict[str, str]:
    """Why an informational interview with ``name`` cannot be planned as it is: its day
    is before ``today`` (one that happened is the contact's last contact), or after the
    ``deadline`` of the goal it serves (the action it adds would be refused by the action
    plan: :func:`~career_workbook.widgets.forms_plan.late_due_problem`), or its questions
    do not fit in one action with the heading (never cut: the rest was lost).

    >>> interview_problems("Dana Lee", date(2020, 5, 5), "", date(2026, 12, 5))["due"]
    '“When” plans a day to come: 5 May 2020 is before today (5 Dec 2026). Already talked? Record it as Dana Lee’s last contact in “Your network”.'
    >>> interview_problems("Dana Lee", date(2026, 12, 5), "Why?\\n" * 3, date(2026, 12, 5))
    {}
    >>> interview_problems("Dana Lee", date(2062, 12, 15), "", date(2026, 12, 5))["due"]
    '“When” is 15 Dec 2062, 36 years after today (5 Dec 2026). Did you mean 2026?'
    >>> interview_problems("Dana Lee", date(2027, 11, 1), "", date(2026, 12, 5),
    ...                    deadline=date(2027, 9, 30))["due"][:66]
    '“When” (1 Nov 2027) is after the goal’s deadline (30 Sep 2027): ch'
    >>> interview_problems("Dana Lee", None, "Why this team? " * 200, date(2026, 12, 5))["questions"]
    'Questions are too long to keep whole: at most 1,960 characters here, you wrote 2,999. Keep the key ones here, and the rest in Dana Lee’s notes.'
    """  # noqa: E501
    found = {}
    if day is not None and day < today:
        found["due"] = (f"“When” plans a day to come: {short_date(day)} is before today "
                        f"({short_date(today)}). Already talked? Record it as {name}’s last "
                        "contact in “Your network”.")
    elif typo := swapped_year_problem(day, today, "“When”"):  # it becomes the follow-up
        found["due"] = typo
    elif late := late_due_problem(day, deadline, "“When”"):
        found["due"] = late
    asked = _questions_text(questions)
    room = ACTION_TEXT_MAX - len(_interview_heading(name) + " — ")
    if len(asked) > room:
        found["questions"] = (
            f"Questions are too long to keep whole: at most {room:,} characters here, you "
            f"wrote {len(asked):,}. Keep the key ones here, and the rest in {name}’s notes.")
    return found


def interview_follow_up(current: date | None, day: date, today: date) -> date:
    """The next follow-up a contact keeps once an interview with them is planned for
    ``day``: a follow-up already planned before it (today or later) stays, as the sooner
    reminder (the interview is an action of its own); else the interview's day.

    >>> interview_follow_up(date(2026, 12, 10), date(2027, 11, 1), date(2026, 12, 6))
    datetime.date(2026, 12, 10)
    >>> interview_follow_up(date(2026, 11, 1), date(2027, 1, 5), date(2026, 12, 6))  # overdue
    datetime.date(2027, 1, 5)
    >>> interview_follow_up(None, date(2027, 1, 5), date(2026, 12, 6))
    datetime.date(2027, 1, 5)
    """
    if current is not None and today <= current < day:
        return current
    return day


def _contacts_due_widget(net: Any) -> widgets.HTML:
    """The follow-ups and ideas of ``net`` (:func:`~career_workbook.analysis.network_summary`
    of the workbook on the session's day: its frames', which the network chart draws)."""
    from career_workbook.widgets.display import frame_html
    from career_workbook.wording import duration

    due = net.contacts[net.contacts["next_follow_up"].notna()].sort_values("next_follow_up")
    due = due.assign(when=[f"overdue by {duration(int(d))}" if o else "due"
                           for o, d in zip(due["overdue"], due["days_overdue"], strict=True)],
                     relationship=[RELATIONSHIP_NAMES.get(r, r) for r in due["relationship"]])
    tips = "".join(f"<li>{esc(t)}</li>" for t in net.suggestions)
    html = '<div style="font-weight:600;margin-top:6px">Follow-ups</div>' + frame_html(
        due, {"label": "Name", "relationship": "Relationship", "next_follow_up": "Follow up on",
              "when": "Status"}, empty="No follow-ups planned.", name="Follow-ups")
    if tips:
        html += f'<div style="font-weight:600;margin-top:6px">Ideas</div><ul>{tips}</ul>'
    return quiet.HTML(html)


def contacts_form(session: Any) -> widgets.Widget:
    """People in your network: relationship, last contact, next follow-up, strength, notes."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook

        def make_fields(old: Contact | None) -> list:
            return [
                make_field("name", "Name", "text", value=old.name if old else "",
                           help="Only in your own workbook file."),
                make_field("relationship", "Relationship", "dropdown",
                           value=old.relationship if old else "peer",
                           options=[(RELATIONSHIP_LABELS[r], r) for r in RELATIONSHIPS]),
                make_field("organisation", "Organisation", "text",
                           value=old.organisation if old else ""),
                make_field("last_contact", "Last contact", "date",
                           value=old.last_contact if old else None,
                           help="When you last spoke or wrote."),
                make_field("next_follow_up", "Next follow-up", "date",
                           value=old.next_follow_up if old else None,
                           help="When you plan to get in touch again."),
                make_field("strength", "Relationship strength", "slider",
                           value=old.strength if old else 3, min=1, max=5,
                           help="1 = we met once, 5 = I could call them tomorrow."),
                make_field("notes", "Notes", "textarea", value=old.notes if old else "",
                           help="What you talked about, what you offered, what's next."),
            ]

        editor = record_editor(
            view, items=wb.contacts, model=Contact, collection="contacts",
            make_fields=make_fields, noun="contact",
            describe=lambda c: contact_label(c, wb.contacts, relationship=True),
            problems=lambda data: contact_problems(data, wb.contacts, s.today))
        return [_contacts_due_widget(s.frames().network), *editor]

    return FormView(session, build, name="contacts", title="Your network",
                    intro="The people who know your work, and when you will next be in touch.",
                    depends=lambda wb: wb.contacts)


def interview_planner(session: Any) -> widgets.Widget:
    """Plan an informational interview: who, when, for which goal, and what to ask.

    Saving adds a high-priority action and sets the contact's next follow-up to that date
    (one already planned before it stays: :func:`interview_follow_up`).
    """

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        if not wb.contacts:
            return [notice("Add someone to your network first (the form above).", "info")]
        who = make_field("contact", "Who", "dropdown",
                         options=list(zip(contact_labels(wb.contacts, relationship=True),
                                          (c.id for c in wb.contacts), strict=True)),
                         help="Someone doing the work you want, or close to it.")
        day = make_field("due", "When", "date", value=s.today + timedelta(days=7),
                         help="The day you will ask them (or meet).")
        view.follows_today(day, days=7)
        goal = make_field("goal_id", "For goal", "dropdown", optional=True,
                          options=goal_options(wb, closed=("done", "dropped")),
                          help="The goal this conversation serves (optional).")
        questions = make_field(
            "questions", "Questions", "textarea", rows=4,
            placeholder="What does a typical week look like?\nWhat would you do in my place?",
            help="One question per line; they are saved with the action as a reminder.")
        boxes = view.add(who, day, goal, questions)
        labels = {k: f.label for k, f in view.fields.items()}
        save = primary_button("Plan this interview",
                              "Set the follow-up date and add the interview to your actions")
        view.buttons["save"] = save

        def collect() -> tuple[Any, dict[str, str]]:
            contact = next((c for c in wb.contacts if c.id == who.value), None)
            if contact is None:
                return None, {"contact": "Choose who you will talk to"}
            if day.value is None:
                return None, {"due": "When is required"}
            served = next((g for g in wb.goals if g.id == goal.value), None)
            found = interview_problems(contact.name, day.value, questions.value, s.today,
                                       served.deadline if served is not None else None)
            if found:
                return None, found
            data = interview_action_data(contact.name, day.value, goal.value, questions.value)
            action, errors = check_model(Action, data, {**labels, "text": "Questions"})
            return ((contact, action), errors) if action is not None else (None, errors)

        def apply(wb: Workbook, record: tuple[Contact, Action]) -> tuple[Contact, Action]:
            contact, action = record
            index = find_entry(wb.contacts, contact, "contact")
            stored = wb.contacts[index]
            stored.next_follow_up = interview_follow_up(stored.next_follow_up, action.due,
                                                        s.today)
            wb.actions.append(action)
            return stored, action

        def said(written: tuple[Contact, Action]) -> str:
            contact, action = written
            kept = ("" if contact.next_follow_up == action.due else
                    f"; your follow-up with {contact.name} on "
                    f"{short_date(contact.next_follow_up)} stays, as it comes first")
            return f"interview with {contact.name} planned for {short_date(action.due)}{kept}"

        view.bind(save, collect, apply, adds=True, detail=said)
        return [*boxes, save]

    return FormView(session, build, name="interview_planner",
                    title="Plan an informational interview",
                    intro="A 20-minute conversation with someone in the role you want is one "
                          "of the best ways to test a direction.",
                    depends=lambda wb: (wb.contacts, wb.goals))
