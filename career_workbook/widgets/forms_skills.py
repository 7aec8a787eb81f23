"""Notebook 01: the skills you track, a dated self-assessment, strengths and weaknesses.

A self-assessment is one dated snapshot per day: saving on a new day adds one, saving again
on the same day (in this tab or another) updates that day's (:func:`put_assessment`); an
assessment of another day is never changed. Only the ratings the person changed in the form
are theirs: the others keep what the file holds now (:func:`merge_ratings`).

Examples
--------
>>> from datetime import date
>>> assessment_data(date(2026, 11, 22), {"SQL": 3, "Python": None}, " Good week ")
{'date': datetime.date(2026, 11, 22), 'ratings': {'SQL': 3}, 'note': 'Good week'}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    MUTED,
    NONE,
    FormView,
    check_model,
    friendly_message,
    line_of,
    lines,
    make_field,
    notice,
    primary_button,
    record_editor,
    secondary_button,
)
from career_workbook.widgets.inputs import days_not_come
from career_workbook.widgets.merge import merge_fields
from career_workbook.wording import listing, plural, short_date, shorten

__all__ = [
    "LEVELS",
    "SkillMerge",
    "assessment_data",
    "check_lines",
    "level_options",
    "merge_ratings",
    "merge_skill",
    "put_assessment",
    "rename_skill",
    "renamed_skills",
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


def _levels_on(wb: Workbook, day: date) -> dict[str, int]:
    """Each skill's latest self-assessed level on ``day`` (the radar's rule)."""
    return {name: level for name, (level, _) in wb.latest_levels(until=day).items()}


def merge_ratings(names: Sequence[str], day: date, *, filled: Mapping[str, int | None],
                  mine: Mapping[str, int | None], before: Workbook,
                  now: Workbook) -> tuple[dict[str, int | None], dict[str, int]]:
    """``(ratings, kept)``: the level to save for each of ``names`` on ``day`` (``None``:
    not rated), and the ones ``kept`` from another window.

    ``filled`` is what the form showed, ``mine`` what it saves, ``before`` the workbook it
    was filled from and ``now`` the file as it is now. A skill is compared by its latest
    level on ``day``: changed only here, it is the person's; changed only elsewhere (a
    rating saved in another tab), the file's is kept; changed in both to different levels,
    :class:`~career_workbook.widgets.merge.EditConflict` names the skill and nothing is
    saved. A skill the file no longer tracks keeps the form's value, so the save is refused
    with why.

    >>> from career_workbook.model import new_workbook
    >>> before = new_workbook("Sam"); before.skills += [Skill(name="SQL"), Skill(name="Python")]
    >>> before.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2, "Python": 4}))
    >>> now = before.model_copy(deep=True)
    >>> now.assessments.append(Assessment(date=date(2026, 3, 1), ratings={"SQL": 2, "Python": 5}))
    >>> shown = {"SQL": 2, "Python": 4}
    >>> merge_ratings(["SQL", "Python"], date(2026, 3, 1), filled=shown,
    ...               mine={"SQL": 1, "Python": 4}, before=before, now=now)
    ({'SQL': 1, 'Python': 5}, {'Python': 5})
    >>> merge_ratings(["Python"], date(2026, 3, 1), filled=shown, mine={"Python": 3},
    ...               before=before, now=now)
    Traceback (most recent call last):
    ...
    career_workbook.widgets.merge.EditConflict: “Python” was changed to “5” in another window since this form was shown, and you changed it to “3”; press Reload to see the current version, then make your change again
    """  # noqa: E501
    was, nowadays = _levels_on(before, day), _levels_on(now, day)
    tracked = set(now.skill_names())
    elsewhere = {n: nowadays.get(n) for n in names  # changed in the file since the form
                 if n in tracked and nowadays.get(n) != was.get(n)}
    key = {n: f"ratings.{n}" for n in names}

    def keyed(levels: Mapping[str, int | None]) -> dict[str, int | None]:
        return {key[n]: levels.get(n) for n in names}

    merged = merge_fields(list(key.values()), stored=keyed(was), filled=keyed(filled),
                          mine=keyed(mine), theirs=keyed({**mine, **elsewhere}),
                          labels={k: n for n, k in key.items()})
    ratings = {n: merged[key[n]] for n in names}
    kept = {n: level for n, level in ratings.items()
            if level is not None and level != mine.get(n)}
    return ratings, kept


def put_assessment(wb: Workbook, day: date, ratings: Mapping[str, int | None],
                   note: str = "") -> tuple[Assessment, bool]:
    """``(entry, updated)``: ``ratings`` saved as the self-assessment of ``day``.

    A day already rated gets them in its (latest) snapshot: a level replaces that skill's,
    ``None`` takes it out, the other skills stay and a new note is added below its note.
    Otherwise a new snapshot is appended. ``updated`` says which.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam"); wb.skills += [Skill(name="SQL"), Skill(name="Python")]
    >>> wb.assessments.append(Assessment(date=date(2026, 3, 1), ratings={"Python": 5},
    ...                                  note="After the course"))
    >>> entry, updated = put_assessment(wb, date(2026, 3, 1), {"SQL": 1}, "Quiet week")
    >>> entry.ratings, entry.note, updated, len(wb.assessments)
    ({'Python': 5, 'SQL': 1}, 'After the course\\nQuiet week', True, 1)
    """
    same_day = [a for a in wb.assessments if a.date == day]
    if not same_day:
        entry = Assessment(date=day, ratings={k: v for k, v in ratings.items()
                                              if v is not None}, note=note)
        wb.assessments.append(entry)
        return entry, False
    entry = same_day[-1]
    levels = dict(entry.ratings)
    for name, level in ratings.items():
        if level is None:
            levels.pop(name, None)
        else:
            levels[name] = level
    entry.ratings = levels
    if note and note not in entry.note:
        entry.note = f"{entry.note}\n{note}" if entry.note else note
    return entry, True


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


def merge_skill(wb: Workbook, old: str, kept: str) -> list[str]:
    """Merge the tracked skill ``old`` (a typo duplicate) into ``kept``: its self-ratings,
    colleagues' ratings, goals, achievements, learning and opportunities move onto
    ``kept``, and ``old`` is no longer tracked. ``kept`` keeps its own target and
    importance. A day both were rated with different levels keeps ``kept``'s level and the
    other is written in that entry's note (or comment), never dropped in silence; returns
    those days, in words, for the message.

    >>> from career_workbook.model import Assessment, LearningItem, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills += [Skill(name="Python"), Skill(name="Pyhton")]
    >>> wb.assessments += [Assessment(date=date(2026, 1, 5), ratings={"Pyhton": 2}),
    ...                    Assessment(date=date(2026, 2, 5), ratings={"Pyhton": 2, "Python": 3})]
    >>> wb.learning.append(LearningItem(title="Course", skill="Pyhton"))
    >>> merge_skill(wb, "Pyhton", "Python")
    ['5 Feb 2026: “Pyhton” 2, “Python” 3 (kept 3)']
    >>> wb.skill_names(), [a.ratings for a in wb.assessments], wb.learning[0].skill
    (['Python'], [{'Python': 2}, {'Python': 3}], 'Python')
    >>> wb.assessments[1].note
    'Merged “Pyhton” into “Python”: “Pyhton” was rated 2 that day.'
    """
    clashes: list[str] = []
    for entry in (*wb.assessments, *wb.feedback):
        if old not in entry.ratings:
            continue
        level = entry.ratings[old]
        ratings = {k: v for k, v in entry.ratings.items() if k != old}
        if kept in ratings and ratings[kept] != level:
            who = "" if isinstance(entry, Assessment) else f" ({entry.rater_id})"
            clashes.append(f"{short_date(entry.date)}{who}: “{old}” {level}, “{kept}” "
                           f"{ratings[kept]} (kept {ratings[kept]})")
            said = f"Merged “{old}” into “{kept}”: “{old}” was rated {level} that day."
            field = "note" if isinstance(entry, Assessment) else "comment"
            before = getattr(entry, field)
            setattr(entry, field, f"{before}\n{said}" if before else said)
        else:
            ratings[kept] = ratings.get(kept, level)
        entry.ratings = ratings
    for item in (*wb.goals, *wb.achievements, *wb.opportunities):
        if old in item.skills:
            item.skills = list(dict.fromkeys(kept if n == old else n for n in item.skills))
    for item in wb.learning:
        if item.skill == old:
            item.skill = kept
    wb.skills = [sk for sk in wb.skills if sk.name != old]
    return clashes


_MERGE_SECTIONS = ("skills", "assessments", "feedback", "goals", "achievements", "learning",
                   "opportunities")
"""The sections of a workbook :func:`merge_skill` changes."""


class SkillMerge:
    """Merging the tracked skill ``old`` into ``kept`` (:func:`merge_skill`) as one save,
    and its undo: :meth:`apply` and :meth:`undo` each run under the file lock on the file
    as it is then (``view.session.save(merge.apply)``); ``clashes`` and :attr:`done` say
    what happened.

    >>> from career_workbook.model import Assessment, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills += [Skill(name="Python"), Skill(name="Pyhton")]
    >>> wb.assessments.append(Assessment(date=date(2026, 2, 5), ratings={"Pyhton": 2}))
    >>> merge = SkillMerge("Pyhton", "Python")
    >>> merge.apply(wb)
    >>> wb.skill_names(), wb.assessments[0].ratings, merge.done
    (['Python'], {'Python': 2}, 'merged “Pyhton” into “Python”')
    >>> merge.undo(wb)
    >>> wb.skill_names(), wb.assessments[0].ratings
    (['Python', 'Pyhton'], {'Pyhton': 2})

    Undo refuses once what the merge made was changed since (elsewhere, or by hand):

    >>> merge.apply(wb)
    >>> wb.assessments[0].ratings = {"Python": 4}
    >>> merge.undo(wb)
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: “Python” or its ratings changed since the merge
    """

    def __init__(self, old: str, kept: str) -> None:
        self.old, self.kept = old, kept
        self.clashes: list[str] = []
        """The days both skills were rated differently (:func:`merge_skill`)."""
        self._before: dict[str, list[Any]] = {}
        self._after: dict[str, list[Any]] = {}

    def _sections(self, wb: Workbook) -> dict[str, list[Any]]:
        return {k: [x.model_copy(deep=True) for x in getattr(wb, k)] for k in _MERGE_SECTIONS}

    def apply(self, wb: Workbook) -> None:
        """Merge, remembering the sections as they were before and after (for
        :meth:`undo`); refused when either skill is no longer tracked."""
        if self.old not in wb.skill_names() or self.kept not in wb.skill_names():
            raise WorkbookError(f"“{self.old}” or “{self.kept}” is no longer tracked "
                                "(changed in another window); nothing was merged.")
        self._before = self._sections(wb)
        self.clashes = merge_skill(wb, self.old, self.kept)
        self._after = self._sections(wb)

    def undo(self, wb: Workbook) -> None:
        """Put the sections back as they were before :meth:`apply`, unless what the
        merge made changed since (then nothing is put back)."""
        if any(getattr(wb, k) != v for k, v in self._after.items()):
            raise WorkbookError(f"“{self.kept}” or its ratings changed since the merge")
        for k, v in self._before.items():
            setattr(wb, k, v)

    @property
    def done(self) -> str:
        """What the status line says after the merge is saved."""
        said = f"merged “{self.old}” into “{self.kept}”"
        if self.clashes:
            said += ("; rated both on the same day, kept “" + self.kept + "”’s level and "
                     "wrote the other in that entry: " + "; ".join(self.clashes))
        return said


def _rating_history(wb: Workbook, name: str) -> set[tuple[str, date, int]]:
    """Every dated level given to the skill ``name`` (self-assessments and feedback)."""
    return {("self", a.date, a.ratings[name]) for a in wb.assessments if name in a.ratings} | {
        (f.rater_id, f.date, f.ratings[name]) for f in wb.feedback if name in f.ratings}


def renamed_skills(before: Workbook, now: Workbook) -> dict[str, str]:
    """``{old name: new name}`` for the skills of ``before`` that ``now`` tracks under
    another name (as :func:`rename_skill` does). A rated skill is known by its ratings: one
    new name has them all. A skill never rated is known only when the list kept its length
    and a new name stands in its place, the same but for the name. A skill that cannot be
    told renamed from removed is left out.

    >>> from career_workbook.model import new_workbook
    >>> before = new_workbook("Sam"); before.skills += [Skill(name="Sql"), Skill(name="R")]
    >>> before.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"Sql": 2}))
    >>> now = before.model_copy(deep=True)
    >>> rename_skill(now, "Sql", "SQL"); now.skills = [Skill(name="Python"), Skill(name="SQL")]
    >>> renamed_skills(before, now)
    {'Sql': 'SQL'}
    >>> now.skills = [Skill(name="SQL"), Skill(name="R language")]  # R, never rated
    >>> renamed_skills(before, now)
    {'Sql': 'SQL', 'R': 'R language'}
    """
    old_names, new_names = before.skill_names(), now.skill_names()
    added = [n for n in new_names if n not in old_names]
    out: dict[str, str] = {}
    for place, name in enumerate(old_names):
        if name in new_names:
            continue
        history = _rating_history(before, name)
        if history:
            same = [n for n in added if history <= _rating_history(now, n)]
        else:
            there = new_names[place] if len(new_names) == len(old_names) else None
            same = [there] if (
                there in added and not _rating_history(now, there)
                and before.skills[place].model_copy(update={"name": there}) == now.skills[place]
            ) else []
        if len(same) == 1 and same[0] not in out.values():
            out[name] = same[0]
    return out


def check_lines(items: list[str], key: str, label: str, typed: str = "") -> dict[str, str]:
    """Problems with "one per line" items against the schema (``{key: message}``).

    A message names the line as the person sees it in the box ``typed`` (blank lines
    count: :func:`~career_workbook.widgets.fields.line_of`). An item already in the list
    but for case or outer spaces is refused, as a repeated skill or value is (an exact
    repeat is dropped by :func:`lines`).

    >>> check_lines(["ok", "x" * 2001], "strengths", "Strengths")
    {'strengths': 'Strengths, line 2 is too long: at most 2,000 characters (now 2,001)'}
    >>> check_lines(["ok", "x" * 2001], "strengths", "Strengths", "ok\\n\\n" + "x" * 2001)
    {'strengths': 'Strengths, line 3 is too long: at most 2,000 characters (now 2,001)'}
    >>> check_lines(["Explaining data", "explaining data "], "strengths", "Strengths")
    {'strengths': 'Strengths: “explaining data” is already in the list as “Explaining data”; keep one of them'}
    """  # noqa: E501
    adapter = TypeAdapter(Workbook.model_fields["strengths"].annotation)
    try:
        adapter.validate_python(items, strict=True)
    except ValidationError as err:
        e = err.errors()[0]
        index = int(e["loc"][0]) if e.get("loc") else 0
        line = line_of(typed, items[index]) if typed and index < len(items) else index + 1
        return {key: friendly_message(f"{label}, line {line}", e)}
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

    from career_workbook.analysis.skills import merge_candidate, similar_skill, tracked_skill

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
            others = [sk.name for sk in wb.skills if sk is not old]
            # two of the person's own ("Python", "Python 3") may both be meant
            same = tracked_skill(others, new.name, qualified=False)
            if old is not None and same is not None and same != old.name:
                ask_merge(wb, old.name, same, f"You already track “{same}”. Is "
                                              f"“{old.name}” the same skill?")
            renamed = old is None or new.name != old.name
            close = similar_skill(others, new.name) if renamed else None
            asked = (duplicate_key(new.name), close)
            if close is not None and view.state.get("keep_both") != asked:
                view.state["asked_both"] = asked
                keep = buttons()[1]
                keep.description = f"Keep “{shorten(new.name.strip(), 24)}” as its own skill"
                quiet.show(keep, True)
                ask_merge(wb, old.name if old is not None else None, close,
                          f"“{new.name.strip()}” looks like “{close}”, which you already "
                          "track. Is it the same skill?",
                          f" If they are different skills, press “{keep.description}”.")
            view.state.pop("keep_both", None)
            if old is not None:
                rename_skill(wb, old.name, new.name)

        def ask_merge(wb: Workbook, old_name: str | None, same: str, question: str,
                      other: str = "") -> None:
            """Offer "Merge into “same”" (it merges only when pressed) and refuse this save."""
            view.state["merge"] = (old_name, same)
            merge = buttons()[0]
            merge.description = f"Merge into “{shorten(same, 30)}”"
            quiet.show(merge, True)
            used = skill_references(wb, old_name) if old_name is not None else {}
            moved = (": its " + listing([plural(n, _ONE.get(k, k), k)
                                          for k, n in used.items()])
                     + f" move onto “{same}”") if used else ""
            make = "make it one" if old_name is not None else f"keep “{same}” only"
            raise WorkbookError(f"{question} Press “Merge” below to {make}{moved}.{other}")

        made: list[widgets.Button] = []

        def buttons() -> list[widgets.Button]:
            """The "Merge" and "Keep as its own skill" buttons, made (hidden) below the
            editor when the form first asks: most people never see them, and made on
            every run they cost the page two widget models."""
            if not made:
                made[:] = [
                    secondary_button("Merge", "Make this skill part of the one you already "
                                              "track: its ratings and uses move onto it",
                                     icon="compress", hidden=True),
                    secondary_button("Keep as its own skill", "They are different skills: "
                                     "save this one beside the one you track", icon="check",
                                     hidden=True)]
                made[0].on_click(merged)
                made[1].on_click(kept_apart)
                view.insert(editor[-1], *made)
            return made

        def hide_both() -> None:
            for button in made:
                quiet.show(button, False)

        def kept_apart(_button: Any) -> None:
            view.state["keep_both"] = view.state.pop("asked_both", None)
            hide_both()
            view.buttons["save"].click()

        def merged(_button: Any) -> None:
            old_name, kept = view.state.pop("merge", (None, None))
            hide_both()
            if kept is None:
                return
            if old_name is None:  # a new skill: nothing to move, it is just not added
                view.state.update(selected=NONE, selected_record=None)
                view.rebuild()
                view.set_status(f"Nothing added: you already track “{kept}”.")
                return
            merge = SkillMerge(old_name, kept)
            view.state.update(selected=NONE, selected_record=None)
            result = view.session.save(merge.apply)
            view.show_result(result, merge.done if result.ok else "")
            if result.ok:
                view.offer_undo(merge.undo, f"“{old_name}” is back, apart from “{kept}”",
                                f"Make “{old_name}” a skill of its own again")

        def before_remove(wb: Workbook, old: Skill) -> None:
            used = skill_references(wb, old.name)
            if not used:
                return
            where = ", ".join(plural(n, _ONE.get(k, k), k) for k, n in used.items())
            why = (f"“{old.name}” is still used in {where}; it cannot simply be removed, "
                   "as that would lose your history.")
            into = merge_candidate([sk.name for sk in wb.skills], old.name)
            if into is not None:
                ask_merge(wb, old.name, into, f"{why} Is it the same skill as “{into}”?",
                          " If not, rename it or lower its importance.")
            raise WorkbookError(
                f"{why} If it is the same as another skill you track, rename it to that "
                "skill’s name and the form offers to merge the two; or lower its importance.")

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
    """A dated rating 0-5 per skill: a new self-assessment for a new day, the same day's
    updated on a second save; merged with ratings saved meanwhile in another window.

    The form starts from each skill's latest rating up to today (the radar's rule: a rating
    dated after today counts from its day on); a date after today is refused.
    """

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        if not wb.skills:
            return [notice("Add the skills you track first (the form “The skills you track” "
                           "above), then rate yourself here.", "info")]
        base = wb  # what the form was filled from: the base of the merge on Save
        latest = wb.latest_levels(until=s.today)
        names = wb.skill_names()

        def last_rated(name: str) -> str:
            return (f"Last rated {short_date(latest[name][1])}." if name in latest
                    else "Not rated yet.")

        def shown_level(name: str) -> int | None:
            return latest[name][0] if name in latest else None

        day = make_field("date", "Date", "date", value=s.today,
                         help="The day this rating describes (today or earlier).")
        view.follows_today(day)
        ratings = [
            make_field(f"ratings.{name}", name, "dropdown", value=shown_level(name),
                       options=level_options(), help=last_rated(name))
            for name in names
        ]
        note = make_field("note", "Note", "textarea",
                          help="Anything that explains these ratings (optional).")
        boxes = view.add(day, *ratings, note)
        save = primary_button("Add this self-assessment",
                              "Save these ratings as the self-assessment of that day (a "
                              "second save on the same day updates it); other days' are kept")
        view.buttons["save"] = save
        labels = {k: f.label for k, f in view.fields.items()}

        def collect() -> tuple[Any, dict[str, str]]:
            data = assessment_data(day.value, {f.label: f.value for f in ratings}, note.value)
            later = days_not_come(data, s.today, {"date": f"“{day.label}”"},
                                  "a self-assessment")
            if later:
                return None, later
            record, errors = check_model(Assessment, data, labels)
            if record is not None and not record.ratings:
                return None, {"": "Rate at least one skill."}
            return record, errors

        def apply(now: Workbook, record: Assessment) -> Assessment:
            levels, kept = merge_ratings(
                names, record.date, filled={n: shown_level(n) for n in names},
                mine=record.ratings, before=base, now=now)
            entry, updated = put_assessment(now, record.date, levels, record.note)
            view.state.update(kept=kept, updated=updated)
            return entry

        def detail(entry: Assessment) -> str:
            kept = view.state.pop("kept", {})
            text = f"{plural(len(entry.ratings), 'skill')} rated on {short_date(entry.date)}"
            if view.state.pop("updated", False):
                text += (" (today's self-assessment updated)" if entry.date == s.today
                         else " (that day's self-assessment updated)")
            if kept:
                text += "; kept from another tab: " + listing(
                    [f"{name} {level}" for name, level in kept.items()])
            return text

        view.bind(save, collect, apply, adds=True, detail=detail)

        def intro_html(wb: Workbook) -> str:
            n = len(wb.assessments)
            intro = (f"You have {plural(n, 'earlier self-assessment')}; the "
                     "values below start from your latest ratings." if wb.assessments else
                     "Rate each skill as you see it today; skip any you cannot judge yet.")
            return f'<div style="color:{MUTED}">{intro}</div>'

        intro = quiet.HTML(intro_html(wb))

        def refill() -> bool:
            """After a save: the same skills, so the same widgets with new values."""
            nonlocal latest, base
            now = view.session.workbook
            if now is None or now.skill_names() != names:
                return False
            base, latest = now, now.latest_levels(until=view.session.today)
            day.value = view.session.today
            for name, field in zip(names, ratings, strict=True):
                field.value = shown_level(name)
                field.set_help(last_rated(name))
            note.value = ""
            intro.value = intro_html(now)
            return True

        view.refill = refill
        return [intro, *boxes, save]

    return FormView(session, build, name="self_assessment", title="Rate yourself",
                    intro="A dated snapshot: rate each skill 0-5. Each day you save adds a "
                          "snapshot (a second save that day updates it), so you can see "
                          "progress over time.",
                    depends=lambda wb: (wb.skill_names(), tuple(wb.assessments)))


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
            errors = {**check_lines(record["strengths"], "strengths", strengths.label,
                                    strengths.widget.value),
                      **check_lines(record["weaknesses"], "weaknesses", weaknesses.label,
                                    weaknesses.widget.value)}
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
