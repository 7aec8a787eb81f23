"""Notebook 07: your network, and planning informational interviews.

Examples
--------
>>> from datetime import date
>>> interview_action_data("Dana Lee", date(2026, 12, 1), "g1", "How did you start?\\n")
{'text': 'Informational interview with Dana Lee — How did you start?', 'due': datetime.date(2026, 12, 1), 'goal_id': 'g1', 'priority': 'high'}
"""  # noqa: E501

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import ipywidgets as widgets

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

__all__ = ["RELATIONSHIP_LABELS", "contacts_form", "interview_action_data",
           "interview_planner"]

RELATIONSHIP_LABELS = {
    "mentor": "Mentor — advises you", "sponsor": "Sponsor — speaks up for you",
    "peer": "Peer", "manager": "Manager", "industry": "Industry — works where you want to go",
    "other": "Other",
}


def interview_action_data(name: str, day: date | None, goal_id: str | None,
                          questions: str) -> dict[str, Any]:
    """The action that reminds you of an informational interview (questions appended)."""
    asked = lines(questions)
    text = f"Informational interview with {name}" + (f" — {'; '.join(asked)}" if asked else "")
    return {"text": text[:2000], "due": day, "goal_id": goal_id, "priority": "high"}


def _contacts_due_widget(wb: Workbook, today: date) -> widgets.HTML:
    from career_workbook import analysis
    from career_workbook.widgets.display import frame_html
    from career_workbook.wording import duration

    net = analysis.network_summary(wb, today)
    due = net.contacts[net.contacts["next_follow_up"].notna()].sort_values("next_follow_up")
    due = due.assign(when=[f"overdue by {duration(int(d))}" if o else "due"
                           for o, d in zip(due["overdue"], due["days_overdue"], strict=True)])
    tips = "".join(f"<li>{esc(t)}</li>" for t in net.suggestions)
    html = '<div style="font-weight:600;margin-top:6px">Follow-ups</div>' + frame_html(
        due, {"name": "Name", "relationship": "Relationship", "next_follow_up": "Follow up on",
              "when": "Status"}, empty="No follow-ups planned.")
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
            describe=lambda c: f"{c.name} ({c.relationship})")
        return [_contacts_due_widget(wb, s.today), *editor]

    return FormView(session, build, name="contacts", title="Your network",
                    intro="The people who know your work, and when you will next be in touch.",
                    depends=lambda wb: wb.contacts)


def interview_planner(session: Any) -> widgets.Widget:
    """Plan an informational interview: who, when, for which goal, and what to ask.

    Saving sets the contact's next follow-up to that date and adds a high-priority action.
    """

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        if not wb.contacts:
            return [notice("Add someone to your network first (the form above).", "info")]
        who = make_field("contact", "Who", "dropdown",
                         options=[(c.name, c.id) for c in wb.contacts],
                         help="Someone doing the work you want, or close to it.")
        day = make_field("due", "When", "date", value=s.today + timedelta(days=7),
                         help="The day you will ask them (or meet).")
        goal = make_field("goal_id", "For goal", "dropdown", optional=True,
                          options=[(g.text[:60], g.id) for g in wb.goals if g.status != "dropped"],
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
            data = interview_action_data(contact.name, day.value, goal.value, questions.value)
            action, errors = check_model(Action, data, {**labels, "text": "Questions"})
            return ((contact, action), errors) if action is not None else (None, errors)

        def apply(wb: Workbook, record: tuple[Contact, Action]) -> None:
            contact, action = record
            index = find_entry(wb.contacts, contact, "contact")
            wb.contacts[index].next_follow_up = action.due
            wb.actions.append(action)

        view.bind(save, collect, apply, adds=True,
                  detail=lambda r: f"interview with {r[0].name} planned for {r[1].due}")
        return [*boxes, save]

    return FormView(session, build, name="interview_planner",
                    title="Plan an informational interview",
                    intro="A 20-minute conversation with someone in the role you want is one "
                          "of the best ways to test a direction.",
                    depends=lambda wb: (wb.contacts, wb.goals))
