"""Notebooks 05-06: choose a target role, plan learning for gaps, actions and milestones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets

from career_workbook.model import (
    ACTION_STATUSES,
    OWN_TARGETS,
    PRIORITIES,
    SKILL_CATEGORIES,
    Action,
    LearningItem,
    Milestone,
    Skill,
    Workbook,
    WorkbookError,
    action_done_on,
    duplicate_key,
)
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    MUTED,
    NONE,
    FormView,
    esc,
    make_field,
    notice,
    notice_html,
    primary_button,
    record_editor,
    secondary_button,
    width,
)
from career_workbook.widgets.inputs import days_not_come, gone_due_problem
from career_workbook.widgets.merge import merge_fields
from career_workbook.wording import listing, plural, short_date, shorten

__all__ = [
    "SUGGESTIONS",
    "action_plan_title",
    "action_problems",
    "action_status_label",
    "actions_form",
    "add_role_skills",
    "goal_options",
    "learning_suggestion_frame",
    "learning_suggestions",
    "late_due_problem",
    "milestone_problems",
    "milestones_form",
    "plan_learning",
    "role_change_words",
    "role_leftovers",
    "role_picker",
    "role_preview_html",
]

SUGGESTIONS = 5
"""How many gaps ``learning_suggestions`` offers at most."""
ACTION_STATUS_LABELS = {"todo": "To do", "doing": "Doing", "done": "Done",
                        "dropped": "Dropped"}
PRIORITY_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}


def add_role_skills(wb: Workbook, role: Any, catalog: Any = None) -> list[str]:
    """Add the role's skills the workbook does not track yet (target and importance from
    the role, category from the catalog); return their names. A skill tracked under
    another spelling (:func:`~career_workbook.analysis.skills.role_matches`: case, spaces,
    emoji and symbols aside) is tracked: never added twice.

    >>> from types import SimpleNamespace as NS
    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> role = NS(title="Analyst", skills={"SQL": NS(target=4, importance=5)})
    >>> add_role_skills(wb, role), wb.skills[0].target_level
    (['SQL'], 4)
    >>> wb.skills[0].name = "sql ★"
    >>> add_role_skills(wb, role), wb.skill_names()
    ([], ['sql ★'])
    """
    from career_workbook.analysis.skills import role_matches

    tracked = role_matches(wb.skill_names(), role)
    added = []
    for name, need in role.skills.items():
        if name in tracked:
            continue
        info = catalog.skills.get(name) if catalog is not None else None
        category = info.category if info is not None else "technical"
        wb.skills.append(Skill(name=name, category=category, importance=int(need.importance),
                               target_level=int(need.target)))
        added.append(name)
    return added


def role_leftovers(wb: Workbook, old_role: Any, new_role: Any = None) -> list[str]:
    """The skills ``old_role`` added (its name, level and importance, as
    :func:`add_role_skills` writes them) that hold nothing of the person: never rated, by
    them or colleagues, in no goal, achievement, learning item or opportunity, and not
    listed by ``new_role``. Switching role offers to take them back.

    >>> from types import SimpleNamespace as NS
    >>> from career_workbook.model import Assessment, new_workbook
    >>> wb = new_workbook("Sam")
    >>> analyst = NS(title="Analyst", skills={"SQL": NS(target=4, importance=5),
    ...                                      "Excel": NS(target=3, importance=3),
    ...                                      "Dashboards": NS(target=3, importance=2)})
    >>> add_role_skills(wb, analyst)
    ['SQL', 'Excel', 'Dashboards']
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2}))
    >>> wb.skills[2].importance = 4  # the person made it theirs
    >>> role_leftovers(wb, analyst), role_leftovers(wb, analyst, NS(skills={"excel": 0}))
    (['Excel'], [])
    """
    from career_workbook.analysis.skills import role_matches
    from career_workbook.widgets.forms_skills import skill_references

    mine = {s.name: s for s in wb.skills}
    keep = set(role_matches(list(mine), new_role).values()) if new_role is not None else set()
    out = []
    for name, need in (getattr(old_role, "skills", None) or {}).items():
        skill = mine.get(name)
        if (skill is not None and name not in keep and not skill_references(wb, name)
                and skill.importance == int(need.importance)
                and skill.target_level == int(need.target)):
            out.append(name)
    return out


def role_change_words(added: Sequence[str], role: Any, removed: Sequence[str] = (),
                      old_role: Any = None) -> str:
    """What choosing ``role`` changed in the skill list, for the save message.

    >>> from types import SimpleNamespace as NS
    >>> role_change_words(["Storytelling", "Roadmapping"], NS(title="Product Manager"),
    ...                   ["Excel"], NS(title="Data Analyst"))
    'added 2 skills of Product Manager to rate in notebook 01: Storytelling and Roadmapping; \
removed 1 skill Data Analyst had added that you never rated: Excel'
    """
    said = []
    if added:
        said.append(f"added {plural(len(added), 'skill')} of {role.title} to rate in "
                    f"notebook 01: {listing(added, 8)}")
    if removed:
        by = getattr(old_role, "title", "the previous profile")
        said.append(f"removed {plural(len(removed), 'skill')} {by} had added that you never "
                    f"rated: {listing(removed, 8)}")
    return "; ".join(said)


def role_preview_html(role: Any, wb: Workbook, suggestion: Any = None, *,
                      missing: str | None = None, close: Sequence[Any] = ()) -> str:
    """What a role profile asks for, and which of its skills you already track (escaped).

    With no profile, a ``suggestion`` (a profile the typed target role resembles,
    :func:`~career_workbook.catalog.suggest_role`) is offered, never applied. ``missing``: the profile the workbook asks for that the
    catalog does not have (:func:`~career_workbook.catalog.missing_role`), named with the
    ``close`` profiles (:func:`~career_workbook.catalog.close_roles`) as what was meant.

    >>> from types import SimpleNamespace as NS
    >>> from career_workbook.model import new_workbook
    >>> "pick “Data Scientist” above" in role_preview_html(None, new_workbook("Sam"),
    ...                                                      NS(title="Data Scientist"))
    True
    >>> print(role_preview_html(None, new_workbook("Sam"), missing="data_scientst",
    ...                         close=[NS(title="Data Scientist")]))  # doctest: +ELLIPSIS
    <div ...>⚠ The role profile “data_scientst” saved in your workbook is not in the catalog, so your gaps are measured against your own targets. Did you mean “Data Scientist”? Pick it above and press “Use this role”.</div>
    """  # noqa: E501
    from career_workbook.widgets.display import TABLE_CSS, cell_html

    if role is None and missing:
        meant = (f" Did you mean “{close[0].title}”? Pick it above and press “Use this role”."
                 if close else " Pick a profile above and press “Use this role”, or choose "
                               "“None” to keep your own targets.")
        return notice_html(f"The role profile “{missing}” saved in your workbook is not in "
                           "the catalog, so your gaps are measured against your own targets."
                           + meant, "warning")
    if role is None:
        offer = (f" Your target role looks like the catalog’s “{suggestion.title}” profile: "
                 f"pick “{suggestion.title}” above and press “Use this role” to compare "
                 "with it." if suggestion is not None else "")
        return notice_html(
            "No role profile: your gaps are measured against your own targets." + offer,
            "info")
    from career_workbook.analysis.skills import role_matches

    tracked = role_matches(wb.skill_names(), role)

    def track(name: str) -> str:
        mine = tracked.get(name)
        if mine is None:
            return "not yet"
        return "yes" if mine == name else f"yes, as “{cell_html(mine)}”"

    rows = "".join(
        f"<tr><td>{cell_html(name)}</td><td>{need.target}</td><td>{need.importance}</td>"
        f"<td>{track(name)}</td></tr>"
        for name, need in sorted(role.skills.items(), key=lambda kv: -kv[1].importance)
    )
    return (f"{TABLE_CSS}<div><b>{esc(role.title)}</b> — {esc(role.summary)}</div>"
            '<table class="cw-table"><thead><tr><th>Skill</th><th>Level expected</th>'
            f"<th>Importance</th><th>You track it</th></tr></thead><tbody>{rows}</tbody>"
            "</table>")


def learning_suggestion_frame(gaps: Any, learning: Any, n: int = SUGGESTIONS) -> Any:
    """The biggest gaps (``skill_gap_frame`` rows, priority order) with no learning item.

    >>> import pandas as pd
    >>> gaps = pd.DataFrame({"skill": ["SQL", "Python", "R"], "gap": [2.0, 1.0, 0.0]})
    >>> from career_workbook.model import LearningItem
    >>> planned = [LearningItem(title="SQL course", skill="SQL")]
    >>> learning_suggestion_frame(gaps, planned)["skill"].tolist()
    ['Python']
    """
    covered = {item.skill for item in learning if item.skill}
    keep = (gaps["gap"] > 0) & ~gaps["skill"].isin(covered)
    return gaps[keep].head(n).reset_index(drop=True)


def _clamp(value: Any, lo: int, hi: int, *, default: int) -> int:
    """A whole number in ``lo..hi`` from a frame cell (``default`` for None/NaN)."""
    if value is None or value != value:
        return default
    return max(lo, min(hi, round(float(value))))


def plan_learning(wb: Workbook, row: dict[str, Any], catalog: Any = None) -> LearningItem:
    """Add a planned learning item for a gap (tracking the skill first if it is a role-only
    skill); return the item."""
    name = str(row["skill"])
    if name not in wb.skill_names():
        info = catalog.skills.get(name) if catalog is not None else None
        category = row.get("category") or (info.category if info else "technical")
        importance = row.get("importance")
        target = row.get("target")
        wb.skills.append(Skill(
            name=name, category=category if category in SKILL_CATEGORIES else "technical",
            importance=_clamp(importance, 1, 5, default=3),
            target_level=_clamp(target, 0, 5, default=4)))
    item = LearningItem(title=f"Improve {name}", kind="other", skill=name, status="planned")
    wb.learning.append(item)
    return item


# ----------------------------------------------------------------------------------------
def role_picker(session: Any) -> widgets.Widget:
    """Pick a target-role profile from the catalog, or keep your own targets."""

    from career_workbook.analysis.target_role import role_basis, role_note, why_words
    from career_workbook.catalog import close_roles, missing_role, resolve_role

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        catalog = s.catalog
        if catalog is None:
            return [notice("The role catalog could not be loaded; your own targets are used.",
                           "warning")]
        roles = sorted(catalog.roles.values(), key=lambda r: r.title.casefold())
        # a profile the catalog does not have (a typo, another coach's catalog) is shown as
        # what is saved, so that "None" clears it and the preview says what was meant
        missing = missing_role(wb, catalog)
        options = [("None — use my own targets", NONE)]
        if missing is not None:
            options.append((f"{missing} — not in the catalog", missing))
        options += [(f"{r.title} ({r.family})", r.id) for r in roles]

        def info_html() -> str:
            now = s.workbook or wb
            basis = role_basis(now, catalog)
            current = basis.role
            why = (f"the role profile “{esc(missing)}” saved in your workbook is not in "
                   "the catalog" if current is None and missing is not None
                   else esc(why_words(basis)))
            note, kind = role_note(basis, "05")
            return (f'<div style="color:{MUTED}">Charts now compare you with: <b>'
                    f'{esc(current.title) if current else "your own targets"}</b> ({why}).'
                    "</div>" + (notice_html(note, kind) if note else ""))

        def chosen(wb: Workbook) -> str | None:
            role = resolve_role(wb, catalog)  # an id, or a title the catalog has
            if role is not None:
                return role.id
            return missing if missing is not None and wb.role_profile == missing else None

        info = quiet.HTML(info_html())
        choice = make_field(
            "role_profile", "Target role profile", "dropdown", options=options,
            value=chosen(wb),
            help="A profile lists the skills a role expects, with levels and weights.")
        choice.widget.layout = width("36em")  # long titles, never cut
        # the profile's gaps are measured once its skills are rated (notebook 01), so they are
        # added unless the person unticks it; the save names them, with Undo, and a skill
        # never rated is left out of readiness (never a 0 that drags it down)
        add = make_field("add_skills", "Add its skills", "checkbox", value=True,
                         help="Also add the profile's skills you do not track yet, so you "
                              "can rate them; the message after saving names them.")
        boxes = view.add(choice, add)

        def leftovers(now: Workbook) -> list[str]:
            old = resolve_role(now, catalog)
            new = catalog.roles.get(choice.value) if choice.value else None
            if old is None or (new is not None and new.id == old.id):
                return []
            return role_leftovers(now, old, new)

        # shown only when switching from a profile that added skills never rated, and made
        # then: most people never see this row, and hidden it cost the page 7 widget models
        tidy: dict[str, Any] = {}
        # whether the row is offered is the form's state, never read back from the row's
        # layout (how it is hidden is the page's business)
        view.state["offer_remove"] = False

        def show_tidy() -> None:
            now = s.workbook or wb
            gone = leftovers(now)
            view.state["offer_remove"] = bool(gone)
            if not gone and not tidy:
                return
            note = notice_html(
                f"{resolve_role(now, catalog).title} added {plural(len(gone), 'skill')} you "
                f"never rated: {listing(gone, 8)}. Ticked, they are removed when you press "
                "“Use this role”.", "info") if gone else ""
            if not tidy:  # (never while building: the choice is then the saved profile)
                tidy["field"] = make_field(
                    "remove_unrated", "Remove its skills never rated", "checkbox", value=True,
                    help="Skills the profile you used before added, which you never rated "
                         "or used anywhere: switching role takes them back.")
                tidy["note"] = quiet.HTML(note)
                view.insert(boxes[1], tidy["field"], tidy["note"])
            tidy["note"].value = note
            for part in (tidy["field"].box, tidy["note"]):
                quiet.show(part, gone)

        def removing() -> bool:
            """Whether the row is offered and ticked."""
            return bool(view.state["offer_remove"]) and bool(tidy) \
                and bool(tidy["field"].value)

        def preview_html() -> str:
            # the catalog's own rule: ``figures.suggest_role`` is the same, but importing
            # ``figures`` loads matplotlib, which kept this form from the page until then
            from career_workbook.catalog import suggest_role

            now = s.workbook or wb
            role = catalog.roles.get(choice.value) if choice.value else None
            lost = missing if missing is not None and choice.value == missing else None
            return role_preview_html(role, now, suggest_role(now, catalog), missing=lost,
                                     close=close_roles(lost, catalog) if lost else ())

        preview = quiet.HTML(preview_html())

        def show(_change: Any) -> None:
            preview.value = preview_html()
            show_tidy()

        choice.widget.observe(show, names="value")
        save = primary_button("Use this role", "Save the chosen role profile to your workbook")
        view.buttons["save"] = save

        def collect() -> tuple[Any, dict[str, str]]:
            role_id = choice.value
            if role_id is not None and role_id not in catalog.roles and role_id != missing:
                return None, {"role_profile": f"Unknown role profile {role_id!r}"}
            # "None" is a choice: own targets, even when the target role names a profile
            return {"role_profile": OWN_TARGETS if role_id is None else role_id,
                    "add": bool(add.value), "remove": removing()}, {}

        stored = {"role_profile": wb.role_profile}

        def apply(wb: Workbook, record: dict[str, Any]) -> dict[str, Any]:
            old_role, old_profile = resolve_role(wb, catalog), wb.role_profile
            merged = merge_fields(
                ["role_profile"], stored=stored, filled=view.filled, mine=record,
                theirs={"role_profile": wb.role_profile},
                labels={"role_profile": "Target role profile"},
                texts={"role_profile": choice.option_texts})["role_profile"]
            if merged is None and record["role_profile"] == getattr(
                    resolve_role(wb, catalog), "id", None):
                merged = record["role_profile"]  # the target role's, now chosen here too
            wb.role_profile = merged
            new_role = catalog.roles.get(record["role_profile"])
            removed: list[tuple[int, Skill]] = []
            if record["remove"] and old_role is not None and old_role is not new_role:
                gone = set(role_leftovers(wb, old_role, new_role))
                removed = [(i, sk) for i, sk in enumerate(wb.skills) if sk.name in gone]
                wb.skills = [sk for sk in wb.skills if sk.name not in gone]
            added = (add_role_skills(wb, new_role, catalog)
                     if record["add"] and new_role is not None else [])
            return {"before": old_profile, "old_role": old_role, "role": new_role,
                    "added": added, "removed": removed}

        def detail(done: dict[str, Any]) -> str:
            return role_change_words(done["added"], done["role"],
                                     [sk.name for _, sk in done["removed"]], done["old_role"])

        def take_back(wb: Workbook, done: dict[str, Any]) -> None:
            """Undo: the profile as it was, the skills added taken out (unless rated or
            used since), the skills removed put back where they were."""
            from career_workbook.widgets.forms_skills import skill_references

            wb.role_profile = done["before"]
            added = {n for n in done["added"] if not skill_references(wb, n)}
            wb.skills = [sk for sk in wb.skills if sk.name not in added]
            for i, sk in done["removed"]:
                if sk.name not in wb.skill_names():
                    wb.skills.insert(min(i, len(wb.skills)), sk)

        def undo(done: dict[str, Any]) -> tuple[Any, str, str] | None:
            if not (done["added"] or done["removed"]):
                return None
            back = getattr(done["old_role"], "title", None) or "your own targets"
            what = [f"back to {back}"]
            if done["added"]:
                what.append(f"took out the {plural(len(done['added']), 'skill')} added")
            if done["removed"]:
                what.append(f"put back the {plural(len(done['removed']), 'skill')} removed")
            return (lambda wb: take_back(wb, done), "; ".join(what),
                    f"Go back to {back} and the skills as they were")

        view.bind(save, collect, apply, detail=detail, undo=undo, live=False)

        def refill() -> bool:
            """After a save: the same widgets, showing the workbook as it is now."""
            now = s.workbook
            if now is None or s.catalog is not catalog or missing_role(now, catalog) != missing:
                return False
            stored["role_profile"] = now.role_profile  # the base of the next merge
            info.value = info_html()
            choice.value = chosen(now)
            add.value = True
            if tidy:
                tidy["field"].value = True
            preview.value = preview_html()
            show_tidy()
            return True

        view.refill = refill
        return [info, *boxes, preview, save]

    return FormView(session, build, name="role_picker", title="Your target role",
                    intro="Compare yourself with a catalog role profile, or keep the targets "
                          "you set for each skill.",
                    depends=lambda wb: (wb.role_profile, wb.person.target_role,
                                        wb.skill_names()))


def learning_suggestions(session: Any) -> widgets.Widget:
    """The biggest skill gaps with no learning planned, each with a one-click "Plan it"."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        gaps = s.frames().gaps  # the gaps on the notebook's day, as its charts draw them
        # a measured gap first; a skill never rated is a prompt to rate, not a gap
        gaps = gaps.sort_values("current", key=lambda c: c.isna(), kind="stable")
        todo = learning_suggestion_frame(gaps, wb.learning)
        if todo.empty:
            if not gaps["current"].notna().any():
                return [notice(s.say("No gaps to plan for yet: add your skills and rate "
                                     "yourself in notebook 01 (self-assessment)."), "info")]
            return [notice("Every skill gap already has learning planned.", "success")]
        rows: list[widgets.Widget] = []
        for i, row in enumerate(todo.to_dict("records")):
            if row["current"] != row["current"]:  # never rated (NaN)
                about = s.say(f"not rated yet (target {row['target']:.0f}): rate it in "
                              "notebook 01 to see the gap")
            else:
                about = (f"now {row['current']:.0f}, target {row['target']:.0f} "
                         f"(gap {row['gap']:.0f})")
            text = quiet.HTML(f"<div><b>{esc(row['skill'])}</b> — {esc(about)}</div>",
                              layout=widgets.Layout(width="30em"))
            button = secondary_button("Plan it", f"Add a planned learning item for "
                                                 f"{row['skill']} (edit it in notebook 08)",
                                      icon="plus")
            view.buttons[f"plan.{i}"] = button

            def clicked(_b: Any, row: dict[str, Any] = row) -> None:
                result = s.save(lambda wb: plan_learning(wb, row, s.catalog))
                view.show_result(result, f"learning planned for {row['skill']}"
                                 if result.ok else "")

            button.on_click(clicked)
            rows.append(quiet.HBox([text, button], layout=widgets.Layout(align_items="center")))
        return rows

    return FormView(session, build, name="learning_suggestions", title="Plan learning for gaps",
                    intro="Your biggest gaps that have no course, book or project planned yet. "
                          "“Plan it” adds a planned learning item you can edit in notebook 08.",
                    depends=lambda wb: (wb.skills, wb.assessments, wb.learning,
                                        wb.role_profile, wb.person.target_role))


def goal_options(wb: Workbook, chosen: Iterable[str | None] = (), *,
                 closed: Sequence[str] = ("dropped",)) -> list[tuple[str, str]]:
    """The goals an action or milestone can serve: not dropped (or of another ``closed``
    status: an informational interview serves only a goal still worked on); one already
    ``chosen`` stays offered, so the record keeps it.

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.goals += [Goal(id="g1", text="Lead a review by May 2027"),
    ...              Goal(id="g2", text="Pass the exam", status="done"),
    ...              Goal(id="g3", text="Move to Berlin", status="dropped")]
    >>> [i for _, i in goal_options(wb)], [i for _, i in goal_options(wb, ["g3"])]
    (['g1', 'g2'], ['g1', 'g2', 'g3'])
    >>> [i for _, i in goal_options(wb, ["g2"], closed=("done", "dropped"))]
    ['g1', 'g2']
    """
    chosen = set(chosen)
    return [(shorten(g.text, 60), g.id) for g in wb.goals
            if g.status not in closed or g.id in chosen]


def action_status_label(status: str, closed: str = "") -> str:
    """An action's status as the plan shows it, with its goal's when that goal is
    ``closed`` (``'dropped'`` or ``'done'``:
    :func:`~career_workbook.analysis.next_actions.goal_closed`): such an action is never
    counted overdue, and the plan says why.

    >>> action_status_label("todo"), action_status_label("todo", "dropped")
    ('To do', 'To do — goal dropped')
    """
    label = ACTION_STATUS_LABELS[status]
    return f"{label} — goal {closed}" if closed else label


def action_plan_title(late: int, closed: Sequence[str]) -> str:
    """The title of the plan's table: how many actions are overdue, and how many are for
    a goal dropped or done (``closed``: each action's
    :func:`~career_workbook.analysis.next_actions.goal_closed`), with what to do about them.

    >>> action_plan_title(1, ["", "dropped"])
    'Your actions — 1 overdue, listed first; 1 for a dropped goal: drop it, or choose another goal for it below'
    >>> action_plan_title(0, ["done", "done"])
    'Your actions — 2 for goals done: mark them done or drop them below'
    >>> action_plan_title(0, [""])
    'Your actions'
    """  # noqa: E501
    said = [f"{late} overdue, listed first"] if late else []
    dropped, done = list(closed).count("dropped"), list(closed).count("done")
    if dropped:
        them = "it" if dropped == 1 else "them"
        said.append(f"{plural(dropped, 'for a dropped goal', 'for dropped goals')}: drop "
                    f"{them}, or choose another goal for {them} below")
    if done:
        them = "it" if done == 1 else "them"
        said.append(f"{plural(done, 'for a goal done', 'for goals done')}: mark {them} done "
                    f"or drop {them} below")
    return "Your actions" + (" — " + "; ".join(said) if said else "")


def actions_form(session: Any) -> widgets.Widget:
    """Concrete next steps: what, for which goal, by when, status and priority."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook.widgets.display import table_widget

        wb = view.session.workbook

        def make_fields(old: Action | None) -> list:
            return [
                make_field("text", "Action", "textarea", value=old.text if old else "",
                           rows=2, placeholder="e.g. Ask Dana to review my forecasting model",
                           help="A step you could start this week."),
                make_field("goal_id", "For goal", "dropdown", value=old.goal_id if old else None,
                           options=goal_options(wb, [old.goal_id] if old and old.goal_id else []),
                           optional=True,
                           help="The goal this moves forward (optional)."),
                make_field("due", "Due", "date", value=old.due if old else None,
                           help="When you plan to have done it."),
                make_field("status", "Status", "dropdown", value=old.status if old else "todo",
                           options=[(ACTION_STATUS_LABELS[x], x) for x in ACTION_STATUSES],
                           help="Marking an action done records today as the day it was done."),
                make_field("priority", "Priority", "dropdown",
                           value=old.priority if old else "medium",
                           options=[(PRIORITY_LABELS[x], x) for x in PRIORITIES]),
            ]

        from career_workbook.analysis import action_plan_frame
        from career_workbook.analysis.next_actions import goal_closed

        table = action_plan_frame(wb, view.session.today)
        title = action_plan_title(int(table["overdue"].sum()), list(table["goal_closed"]))
        table = table.assign(status=[action_status_label(st, closed) for st, closed in zip(
                                 table["status"], table["goal_closed"], strict=True)],
                             priority=table["priority"].map(PRIORITY_LABELS))
        shown = table_widget(table, {"text": "Action", "goal": "Goal", "due": "Due",
                                     "status": "Status", "priority": "Priority",
                                     "done_on": "Done on"},
                             empty="No actions yet: add the first one below.", title=title)
        editor = record_editor(
            view, items=wb.actions, model=Action, collection="actions", make_fields=make_fields,
            describe=lambda a: f"{shorten(a.text, 50)} "
                               f"({action_status_label(a.status, goal_closed(a, wb)).lower()})",
            noun="action", extra=lambda data: {"done_on": action_done_on(
                data["status"], data.get("done_on"), view.session.today)},
            problems=lambda data: action_problems(data, view.session.workbook.goals,
                                                  view.session.today, view.stored("due"),
                                                  actions=wb.actions,
                                                  editing=view.state.get("editing")),
            year_field="due")
        return [shown, *editor]

    return FormView(session, build, name="actions", title="Your action plan",
                    intro="Small, concrete steps with dates turn goals into progress.",
                    depends=lambda wb: (wb.actions, wb.goals))


def late_due_problem(due: Any, deadline: date | None, what: str = "“Due”") -> str | None:
    """Why a milestone or an action ``due`` on that day (given in the field ``what``, its
    label in quotes) cannot serve a goal with ``deadline``: it is after it (the step would
    come after the goal it leads to:
    :func:`~career_workbook.analysis.progress.late_milestones`). ``None`` when fine, or
    without a day or a deadline.

    >>> late_due_problem(date(2027, 4, 30), date(2027, 3, 15))
    '“Due” (30 Apr 2027) is after the goal’s deadline (15 Mar 2027): choose a day on or before 15 Mar 2027, or move the goal’s deadline first (goal review, step 09).'
    >>> late_due_problem(date(2027, 3, 15), date(2027, 3, 15)), late_due_problem(None, None)
    (None, None)
    """  # noqa: E501
    from career_workbook.analysis.progress import late_milestones

    if not isinstance(due, date) or not late_milestones([SimpleNamespace(due=due)], deadline):
        return None
    return (f"{what} ({short_date(due)}) is after the goal’s deadline ({short_date(deadline)}): "
            f"choose a day on or before {short_date(deadline)}, or move the goal’s deadline "
            "first (goal review, step 09).")


def action_problems(data: Mapping[str, Any], goals: Sequence[Any], today: date | None = None,
                    stored: date | None = None, *, actions: Sequence[Action] = (),
                    editing: Action | None = None) -> dict[str, str]:
    """Why an action about to be saved (``data``: its fields) cannot be: one of
    ``actions`` (``editing`` aside: the one the form changes) already says it for the same
    goal (:func:`~career_workbook.model.duplicate_key`: case and outer spaces aside), so it
    would be counted twice; or, still to do, it is due after the deadline of the goal it is
    for (:func:`late_due_problem`, the milestones' rule), or before ``today`` when that day
    is new (not ``stored``, the day it had:
    :func:`~career_workbook.widgets.inputs.gone_due_problem`). An action done or dropped
    plans nothing more: its day is not checked.

    >>> from career_workbook.model import Goal
    >>> goals = [Goal(id="g1", text="Run 2 workshops", deadline=date(2027, 3, 15))]
    >>> action_problems({"goal_id": "g1", "due": date(2027, 4, 30), "status": "todo"},
    ...                 goals)["due"][:62]
    '“Due” (30 Apr 2027) is after the goal’s deadline (15 Mar 2027)'
    >>> action_problems({"goal_id": "g1", "due": date(2027, 4, 30), "status": "done"}, goals)
    {}
    >>> action_problems({"due": date(2026, 1, 15), "status": "todo"}, goals,
    ...                 date(2026, 12, 6))["due"][:52]
    '“Due” (15 Jan 2026) is before today (6 Dec 2026): an'
    >>> booked = Action(text="Book the venue", goal_id="g1", status="done")
    >>> action_problems({"text": " book the Venue", "goal_id": "g1", "status": "todo"}, goals,
    ...                 actions=[booked])["text"]
    'You already have the action “Book the venue” (done) for “Run 2 workshops”: choose it in the list above to change it, or word this one differently.'
    >>> action_problems({"text": "Book the venue", "goal_id": None, "status": "todo"}, goals,
    ...                 actions=[booked]), action_problems(
    ...     {"text": "Book the venue", "goal_id": "g1"}, goals, actions=[booked], editing=booked)
    ({}, {})
    """  # noqa: E501
    found: dict[str, str] = {}
    goal = next((g for g in goals if g.id == data.get("goal_id")), None)
    text = data.get("text")
    if isinstance(text, str) and text.strip():
        same = next((a for a in actions if a is not editing
                     and a.goal_id == data.get("goal_id")
                     and duplicate_key(a.text) == duplicate_key(text)), None)
        if same is not None:
            serves = f"for “{shorten(goal.text)}”" if goal is not None else "with no goal"
            found["text"] = (f"You already have the action “{shorten(same.text)}” "
                             f"({ACTION_STATUS_LABELS[same.status].lower()}) {serves}: choose "
                             "it in the list above to change it, or word this one differently.")
    if data.get("status") in ("done", "dropped"):
        return found
    late = late_due_problem(data.get("due"), goal.deadline if goal is not None else None)
    if not late and today is not None:
        late = gone_due_problem(data.get("due"), stored, today, "“Due”",
                                "an action still to do",
                                "Already done? Set Status to Done.")
    return {**found, "due": late} if late else found


def milestone_problems(data: Mapping[str, Any], deadline: date | None,
                       today: date, stored: date | None = None) -> dict[str, str]:
    """Why a milestone about to be saved (``data``: its fields) cannot be: it is marked
    done on a day after ``today`` (the list showed it done, the timeline did not), or it
    is due after its goal's ``deadline`` (the step would come after the goal it leads to),
    or, not done yet, due before ``today`` on a day it did not have (``stored``:
    :func:`~career_workbook.widgets.inputs.gone_due_problem`).

    >>> milestone_problems({"due": date(2027, 1, 15), "done_on": date(2030, 1, 1)},
    ...                    date(2027, 3, 31), date(2026, 12, 5))["done_on"]
    '“Done on” is 1 Jan 2030, after today (5 Dec 2026): it records something that has already happened.'
    >>> milestone_problems({"due": date(2028, 1, 1)}, date(2027, 6, 30), date(2026, 12, 5))
    {'due': '“Due” (1 Jan 2028) is after the goal’s deadline (30 Jun 2027): choose a day on or before 30 Jun 2027, or move the goal’s deadline first (goal review, step 09).'}
    >>> milestone_problems({"due": date(2028, 1, 1)}, None, date(2026, 12, 5))
    {}
    >>> milestone_problems({"due": date(2026, 3, 1)}, None, date(2026, 12, 5))["due"][-30:]
    'Reached it? Fill in “Done on”.'
    >>> milestone_problems({"due": date(2026, 3, 1), "done_on": date(2026, 3, 1)}, None,
    ...                    date(2026, 12, 5))
    {}
    """  # noqa: E501
    found = days_not_come(data, today, {"done_on": "“Done on”"})
    late = late_due_problem(data.get("due"), deadline)
    if not late and data.get("done_on") is None:
        late = gone_due_problem(data.get("due"), stored, today, "“Due”",
                                "a milestone not reached yet", "Reached it? Fill in “Done on”.")
    if late:
        found["due"] = late
    return found


def milestones_form(session: Any) -> widgets.Widget:
    """Milestones of a goal: a title, a due date and the date it was done."""

    def build(view: FormView) -> list[widgets.Widget]:
        wb = view.session.workbook
        if not wb.goals:
            return [notice(view.session.say("No goals yet: draft your first one in notebook 04."),
                           "info")]
        goal_id = view.state.get("goal_id")
        if goal_id not in [g.id for g in wb.goals]:
            goal_id = next((g.id for g in wb.goals if g.status == "active"), wb.goals[0].id)
        goal = wb.goal(goal_id)
        chooser = make_field("goal", "Goal", "dropdown", value=goal_id,
                             options=goal_options(wb, [goal_id]),
                             help="The goal whose steps you plan.")

        def choose(change: Any) -> None:
            view.state.update(goal_id=change["new"], selected=NONE, selected_record=None)
            view.set_status("")
            view.rebuild()

        chooser.widget.observe(choose, names="value")

        def steps(wb: Workbook) -> list[Milestone]:
            for g in wb.goals:
                if g.id == goal_id:
                    return g.milestones
            raise WorkbookError("this goal was removed in another window; run the cell again")

        def make_fields(old: Milestone | None) -> list:
            return [
                make_field("title", "Milestone", "text", value=old.title if old else "",
                           placeholder="e.g. First model reviewed by the team",
                           help="A visible step on the way to the goal."),
                make_field("due", "Due", "date", value=old.due if old else None,
                           help="When you want to reach it" + (
                               f", on or before the goal’s deadline "
                               f"({short_date(goal.deadline)})." if goal.deadline else ".")),
                make_field("done_on", "Done on", "date", value=old.done_on if old else None,
                           help="Fill in when you reach it."),
            ]

        editor = record_editor(
            view, items=goal.milestones, model=Milestone, collection=steps,
            make_fields=make_fields, noun="milestone",
            problems=lambda data: milestone_problems(data, goal.deadline, view.session.today,
                                                     view.stored("due")),
            year_field="due",
            describe=lambda m: m.title + (" ✓" if m.done_on else
                                          (f" (due {short_date(m.due)})" if m.due else "")))
        return [chooser.box, *editor]

    return FormView(session, build, name="milestones", title="Milestones",
                    intro="Break a goal into steps you can see and tick off.",
                    depends=lambda wb: wb.goals)
