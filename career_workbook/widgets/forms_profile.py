"""Notebook 00: create the workbook file, and the person's details."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from career_workbook.model import Person
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    MUTED,
    FormView,
    check_model,
    esc,
    make_field,
    notice_html,
    primary_button,
)

__all__ = ["create_workbook_form", "profile_form", "role_note_html", "role_titles"]


def role_titles(session: Any) -> list[str]:
    """Titles of the catalog's role profiles, sorted (suggestions for "target role")."""
    catalog = session.catalog
    return sorted(r.title for r in catalog.roles.values()) if catalog is not None else []


def _person_fields(session: Any, person: Person | None, *, full: bool) -> list:
    p = person
    fields = [
        make_field("name", "Your name", "text", value=p.name if p else "",
                   placeholder="e.g. Alex Doe",
                   help="As you would like it on your review pack and charts."),
        make_field("current_role", "Current role", "text", value=p.current_role if p else "",
                   placeholder="e.g. Data Analyst",
                   help="Your job title today, in your own words."),
        make_field("target_role", "Target role", "combo", value=p.target_role if p else "",
                   options=role_titles(session), placeholder="e.g. Senior Data Scientist",
                   help="The role you are working towards. Start typing to see roles we have "
                        "skill profiles for; any title is fine."),
    ]
    if full:
        fields += [
            make_field("organisation", "Organisation", "text",
                       value=p.organisation if p else "",
                       help="Where you work now (optional)."),
            make_field("coach", "Coach", "text", value=p.coach if p else "",
                       help="Your coach or mentor for this workbook (optional)."),
            make_field("start_date", "Start date", "date", value=p.start_date if p else None,
                       help="When you started this workbook (optional)."),
        ]
    return fields


def create_workbook_form(session: Any) -> widgets.Widget:
    """Create the workbook file when it is missing (name, current and target role);
    otherwise say where it lives."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        if s.workbook is not None:
            return [quiet.HTML(notice_html(
                f"Your workbook lives at {s.path} and belongs to {s.workbook.person.name}. "
                "Every notebook reads it and saves your answers to it.", "success"))]
        if s.error is not None:
            return [quiet.HTML(notice_html(s.form_message(), "error"))]
        boxes = view.add(*_person_fields(s, None, full=False))
        create = primary_button("Create my workbook",
                                f"Create the workbook file at {s.path}", icon="file")
        view.buttons["create"] = create
        labels = {k: f.label for k, f in view.fields.items()}

        def collect() -> tuple[Any, dict[str, str]]:
            return check_model(Person, {k: f.value for k, f in view.fields.items()}, labels)

        def clicked(_button: Any) -> None:
            person, errors = collect()
            view.show_errors(errors)
            if person is None:
                return
            result = s.create(person.name, current_role=person.current_role,
                              target_role=person.target_role)
            view.show_result(result, "your workbook is ready" if result.ok else "")

        create.on_click(clicked)
        for f in view.fields.values():
            f.widget.observe(lambda _c: view.show_errors(collect()[1], status=False),
                             names="value")
        where = quiet.HTML(
            f'<div style="color:{MUTED}">The file will be created at <code>{esc(s.path)}</code>.'
            "</div>")
        return [where, *boxes, create]

    return FormView(session, build, name="create_workbook", title="Create your workbook",
                    intro="Three questions to get started; you can change the answers later.",
                    depends=lambda wb: wb.person.name, needs_workbook=False)


def role_note_html(session: Any, target_role: str | None = None) -> str:
    """What Start here says under the target role about the profile notebook 05 compares
    with (:func:`~career_workbook.analysis.target_role.role_note`), for the saved target
    role or the one being typed; ``''`` when there is nothing to say."""
    from career_workbook.analysis.target_role import role_basis, role_note

    wb, catalog = session.workbook, session.catalog
    if wb is None or catalog is None:
        return ""
    note, kind = role_note(role_basis(wb, catalog, target_role=target_role), "00")
    return notice_html(note, kind) if note else ""


def profile_form(session: Any) -> widgets.Widget:
    """Person details: name, current and target role, organisation, coach, start date;
    under them, which profile notebook 05 compares with, and whether that agrees with the
    target role (:func:`role_note_html`, kept up to date as the target role is typed)."""

    def build(view: FormView) -> list[widgets.Widget]:
        person = view.session.workbook.person
        boxes = view.add(*_person_fields(view.session, person, full=True))
        target = view.fields["target_role"]
        note = quiet.HTML(role_note_html(view.session))

        def typed(_change: Any) -> None:
            note.value = role_note_html(view.session, str(target.value or ""))

        target.widget.observe(typed, names="value")
        save = primary_button("Save my details", "Save your name, roles and details")
        view.buttons["save"] = save
        view.bind_section(save, Person, "person")
        return [*boxes[:3], note, *boxes[3:], save]  # the note under the target role

    return FormView(session, build, name="profile", title="About you",
                    intro="Who this workbook belongs to and where you are heading.",
                    depends=lambda wb: (wb.person, wb.role_profile))
