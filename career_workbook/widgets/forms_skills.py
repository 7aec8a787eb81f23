"""Notebook 01: the skills you track, a dated self-assessment, strengths and weaknesses.

A self-assessment is *appended* every time it is saved, even a second one on the same day
(the latest entry of a day wins in charts); an older assessment is never changed.

Examples
--------
>>> from datetime import date
>>> assessment_data(date(2026, 11, 22), {"SQL": 3, "Python": None}, " Good week ")
{'date': datetime.date(2026, 11, 22), 'ratings': {'SQL': 3}, 'note': 'Good week'}
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import ipywidgets as widgets
from pydantic import TypeAdapter, ValidationError

from career_workbook.model import (
    SKILL_CATEGORIES,
    Assessment,
    Skill,
    Workbook,
    WorkbookError,
    duplicate_key,
)
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    NONE,
    FormView,
    check_model,
    friendly_message,
    lines,
    make_field,
    notice,
    primary_button,
    record_editor,
)
from career_workbook.widgets.merge import merge_fields
from career_workbook.wording import plural

__all__ = [
    "LEVELS",
    "assessment_data",
    "check_lines",
    "level_options",
    "rename_skill",
    "self_assessment_form",
    "skill_references",
    "skills_form",
    "strengths_form",
]

LEVELS = {
    0: "No experience yet",
    1: "Aware — I know what it is",
    2: "Beginner — simple tasks with guidance",
    3: "Capable — on my own in everyday work",
    4: "Strong — the hard cases; people ask me",
    5: "Expert — I set the standard and teach",
}
"""What each level 0-5 means, shown in every rating dropdown (the names match the level
table of notebook 01: No experience, Aware, Beginner, Capable, Strong, Expert)."""

_CATEGORY_LABELS = {
    "technical": "Technical (tools, methods)",
    "soft": "Soft (communication, teamwork)",
    "leadership": "Leadership (people, decisions)",
    "domain": "Domain (industry knowledge)",
}


def level_options(none_label: str = "— not rated —",
                  levels: Mapping[int, str] | None = None) -> list[tuple[str, Any]]:
    """Dropdown options for a 0-5 level, with "not rated" first; the words of ``levels``
    (:data:`LEVELS`, a skill's, unless given).

    >>> level_options()[1], level_options(levels={0: "Never"})
    (('0 – No experience yet', 0), [('— not rated —', ''), ('0 – Never', 0)])
    """
    words = LEVELS if levels is None else levels
    return [(none_label, NONE), *((f"{n} – {text}", n) for n, text in words.items())]


def assessment_data(day: date | None, ratings: Mapping[str, int | None],
                    note: str = "") -> dict[str, Any]:
    """The fields of an :class:`~career_workbook.model.Assessment` from form values
    (unrated skills left out)."""
    return {"date": day, "ratings": {k: v for k, v in ratings.items() if v is not None},
            "note": note.strip()}


def skill_references(wb: Workbook, name: str) -> dict[str, int]:
    """Where a skill is used: ``{"self-assessments": 2, "goals": 1, ...}`` (non-zero only).

    >>> from career_workbook.model import Goal, Skill, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills.append(Skill(name="SQL"))
    >>> wb.goals.append(Goal(text="Learn SQL", skills=["SQL"]))
    >>> skill_references(wb, "SQL")
    {'goals': 1}
    """
    counts = {
        "self-assessments": sum(name in a.ratings for a in wb.assessments),
        "feedback entries": sum(name in f.ratings for f in wb.feedback),
        "goals": sum(name in g.skills for g in wb.goals),
        "achievements": sum(name in a.skills for a in wb.achievements),
        "learning items": sum(item.skill == name for item in wb.learning),
        "opportunities": sum(name in o.skills for o in wb.opportunities),
    }
    return {k: v for k, v in counts.items() if v}


_ONE = {"self-assessments": "self-assessment", "feedback entries": "feedback entry",
        "goals": "goal", "achievements": "achievement", "learning items": "learning item",
        "opportunities": "opportunity"}
"""The singular of each kind of place :func:`skill_references` counts."""


def rename_skill(wb: Workbook, old: str, new: str) -> None:
    """Rename a skill everywhere it is used (ratings, goals, achievements, learning,
    opportunities).

    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"Sql": 2}))
    >>> rename_skill(wb, "Sql", "SQL")
    >>> wb.assessments[0].ratings
    {'SQL': 2}
    """
    if old == new:
        return
    for entry in (*wb.assessments, *wb.feedback):
        if old in entry.ratings:
            entry.ratings = {new if k == old else k: v for k, v in entry.ratings.items()}
    for item in (*wb.goals, *wb.achievements, *wb.opportunities):
        if old in item.skills:
            item.skills = [new if s == old else s for s in item.skills]
    for item in wb.learning:
        if item.skill == old:
            item.skill = new


def check_lines(items: list[str], key: str, label: str) -> dict[str, str]:
    """Problems with "one per line" items against the schema (``{key: message}``).

    An item already in the list but for case or outer spaces is refused, as a repeated
    skill or value is (an exact repeat is dropped by :func:`lines`).

    >>> check_lines(["ok", "x" * 2001], "strengths", "Strengths")
    {'strengths': 'Strengths, line 2 is too long: at most 2000 characters (now 2001)'}
    >>> check_lines(["Explaining data", "explaining data "], "strengths", "Strengths")
    {'strengths': 'Strengths: “explaining data” is already in the list as “Explaining data”; keep one of them'}
    """  # noqa: E501
    adapter = TypeAdapter(Workbook.model_fields["strengths"].annotation)
    try:
        adapter.validate_python(items, strict=True)
    except ValidationError as err:
        e = err.errors()[0]
        index = e["loc"][0] if e.get("loc") else 0
        return {key: friendly_message(f"{label}, line {int(index) + 1}", e)}
    seen: dict[str, str] = {}
    for item in items:
        same = seen.setdefault(duplicate_key(item), item)  # as skill names are compared
        if same is not item:
            return {key: f"{label}: “{item.strip()}” is already in the list as “{same}”; "
                         "keep one of them"}
    return {}


# ----------------------------------------------------------------------------------------
def skills_form(session: Any) -> widgets.Widget:
    """The skills you track: name (catalog suggestions), category, importance, target."""

    def build(view: FormView) -> list[widgets.Widget]:
        wb = view.session.workbook
        catalog = view.session.catalog
        names = list(catalog.skills) if catalog is not None else []

        def make_fields(old: Skill | None) -> list:
            name = make_field(
                "name", "Skill", "combo", value=old.name if old else "", options=names,
                placeholder="e.g. SQL, Stakeholder Management",
                help="Start typing to see skills from the catalog; your own wording is fine.")
            category = make_field(
                "category", "Kind of skill", "dropdown",
                value=old.category if old else "technical",
                options=[(_CATEGORY_LABELS[c], c) for c in SKILL_CATEGORIES],
                help="Used to group skills in charts.")
            importance = make_field(
                "importance", "Importance", "slider", value=old.importance if old else 3,
                min=1, max=5, help="How much this skill matters for where you are heading: "
                                   "1 = nice to have, 5 = essential.")
            target = make_field(
                "target_level", "Target level", "slider",
                value=old.target_level if old else 4, min=0, max=5,
                help="The level you want to reach: " + "; ".join(
                    f"{n} {t.split(' — ')[0].removesuffix(' yet')}" for n, t in LEVELS.items())
                     + ".")
            if old is None and catalog is not None:
                def suggest(change: Mapping[str, Any]) -> None:
                    info = catalog.skills.get(change["new"])
                    if info is not None:
                        category.value = info.category

                name.widget.observe(suggest, names="value")
            return [name, category, importance, target]

        def before_save(wb: Workbook, old: Skill | None, new: Skill) -> None:
            if old is not None:
                rename_skill(wb, old.name, new.name)

        def before_remove(wb: Workbook, old: Skill) -> None:
            used = skill_references(wb, old.name)
            if used:
                where = ", ".join(plural(n, _ONE.get(k, k), k) for k, n in used.items())
                raise WorkbookError(
                    f"“{old.name}” is still used in {where}; it stays so that your history "
                    "is kept. Rename it instead, or lower its importance.")

        editor = record_editor(
            view, items=wb.skills, model=Skill, collection="skills", make_fields=make_fields,
            describe=lambda s: f"{s.name} (importance {s.importance}, target {s.target_level})",
            noun="skill", on_save=before_save, on_remove=before_remove)
        return editor

    return FormView(session, build, name="skills", title="The skills you track",
                    intro="List the skills that matter for your next step. Renaming a skill "
                          "renames it in your ratings and goals too.",
                    depends=lambda wb: wb.skills)


def self_assessment_form(session: Any) -> widgets.Widget:
    """A dated rating 0-5 per skill; each save appends a new self-assessment."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        if not wb.skills:
            return [notice("Add the skills you track first (the form “The skills you track” "
                           "above), then rate yourself here.", "info")]
        latest = wb.latest_levels()
        names = wb.skill_names()

        def last_rated(name: str) -> str:
            return (f"Last rated {latest[name][1].isoformat()}." if name in latest
                    else "Not rated yet.")

        day = make_field("date", "Date", "date", value=s.today,
                         help="The day this rating describes (usually today).")
        ratings = [
            make_field(f"ratings.{name}", name, "dropdown",
                       value=latest[name][0] if name in latest else None,
                       options=level_options(), help=last_rated(name))
            for name in names
        ]
        note = make_field("note", "Note", "textarea",
                          help="Anything that explains these ratings (optional).")
        boxes = view.add(day, *ratings, note)
        save = primary_button("Add this self-assessment",
                              "Save these ratings as a new dated self-assessment; earlier "
                              "ones are kept")
        view.buttons["save"] = save
        labels = {k: f.label for k, f in view.fields.items()}

        def collect() -> tuple[Any, dict[str, str]]:
            data = assessment_data(day.value, {f.label: f.value for f in ratings}, note.value)
            record, errors = check_model(Assessment, data, labels)
            if record is not None and not record.ratings:
                return None, {"": "Rate at least one skill."}
            return record, errors

        view.bind(save, collect, lambda wb, record: wb.assessments.append(record), adds=True,
                  detail=lambda r: f"{plural(len(r.ratings), 'skill')} rated on "
                                   f"{r.date.isoformat()}")
        def intro_html(wb: Workbook) -> str:
            n = len(wb.assessments)
            intro = (f"You have {plural(n, 'earlier self-assessment')}; the "
                     "values below start from your latest ratings." if wb.assessments else
                     "Rate each skill as you see it today; skip any you cannot judge yet.")
            return f'<div style="color:#555">{intro}</div>'

        intro = quiet.HTML(intro_html(wb))

        def refill() -> bool:
            """After a save: the same skills, so the same widgets with new values."""
            nonlocal latest
            now = view.session.workbook
            if now is None or now.skill_names() != names:
                return False
            latest = now.latest_levels()
            day.value = view.session.today
            for name, field in zip(names, ratings, strict=True):
                field.value = latest[name][0] if name in latest else None
                field.set_help(last_rated(name))
            note.value = ""
            intro.value = intro_html(now)
            return True

        view.refill = refill
        return [intro, *boxes, save]

    return FormView(session, build, name="self_assessment", title="Rate yourself",
                    intro="A dated snapshot: rate each skill 0-5. Each save adds a new "
                          "snapshot, so you can see progress over time.",
                    depends=lambda wb: (wb.skill_names(), len(wb.assessments)))


def strengths_form(session: Any) -> widgets.Widget:
    """Strengths and weaknesses, one per line."""

    def build(view: FormView) -> list[widgets.Widget]:
        wb = view.session.workbook
        strengths = make_field(
            "strengths", "Strengths", "textarea", value="\n".join(wb.strengths), rows=5,
            placeholder="One per line, e.g. Explaining data to non-experts",
            help="What you do well and enjoy — one per line.")
        weaknesses = make_field(
            "weaknesses", "Areas to develop", "textarea", value="\n".join(wb.weaknesses),
            rows=5, placeholder="One per line, e.g. Speaking up in large meetings",
            help="What holds you back or you want to get better at — one per line.")
        boxes = view.add(strengths, weaknesses)
        save = primary_button("Save strengths and areas",
                              "Save both lists to your workbook file")
        view.buttons["save"] = save

        def collect() -> tuple[Any, dict[str, str]]:
            record = {"strengths": lines(strengths.value), "weaknesses": lines(weaknesses.value)}
            errors = {**check_lines(record["strengths"], "strengths", strengths.label),
                      **check_lines(record["weaknesses"], "weaknesses", weaknesses.label)}
            return (None, errors) if errors else (record, {})

        stored = {"strengths": list(wb.strengths), "weaknesses": list(wb.weaknesses)}
        labels = {"strengths": strengths.label, "weaknesses": weaknesses.label}

        def apply(wb: Workbook, record: dict[str, list[str]]) -> None:
            now = {"strengths": wb.strengths, "weaknesses": wb.weaknesses}
            merged = merge_fields(list(record), stored=stored, filled=view.filled,
                                  mine=record, theirs=now, labels=labels)
            wb.strengths = merged["strengths"]
            wb.weaknesses = merged["weaknesses"]

        view.bind(save, collect, apply)
        return [*boxes, save]

    return FormView(session, build, name="strengths", title="Strengths and areas to develop",
                    intro="Write one item per line; blank lines are ignored.",
                    depends=lambda wb: (wb.strengths, wb.weaknesses))
