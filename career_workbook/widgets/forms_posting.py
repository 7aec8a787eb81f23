"""Notebook 05: paste a job posting, see which skills it asks for and how you fit.

The reading is :func:`career_workbook.analysis.posting.fit_to_posting`; the two buttons
save through the form machinery (``view.bind`` -> ``session.save`` under the file lock),
merging with whatever changed elsewhere (:mod:`career_workbook.widgets.merge`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from career_workbook.model import Workbook
from career_workbook.widgets import quiet
from career_workbook.widgets.display import TABLE_CSS, cell_html
from career_workbook.widgets.fields import (
    MUTED,
    FormView,
    close_widgets,
    esc,
    make_field,
    notice_html,
    primary_button,
    secondary_button,
)
from career_workbook.widgets.merge import merge_fields, merge_lists
from career_workbook.wording import listing, plural

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from career_workbook.analysis.posting import PostingFit, SkillChange


def _posting() -> Any:
    """The posting matcher, imported on first use (it brings pandas; ``widgets`` stays lean)."""
    from career_workbook.analysis import posting

    return posting


def _suggest() -> Any:
    """The "Did it ask for these?" suggestions, imported on first use like the matcher."""
    from career_workbook.analysis import posting_suggest

    return posting_suggest


__all__ = ["changes_message", "fit_html", "fit_summary", "posting_fit_form", "profile_message",
           "suggestion_html"]

_COUNTED = f"<div style='color:{MUTED};font-size:0.9em'>you counted it</div>"
_STATUS = {"meets": "✓ meets your target", "below": "below your target",
           "unrated": "not rated yet", "missing": "not in your list"}


def fit_html(fit: PostingFit, counted: Any = ()) -> str:
    """The result as escaped HTML: overall fit, then one row per skill with the words.

    The table brings its own style (a just-created workbook shows no other table in 05);
    ``counted`` skills (suggestions the person confirmed) say so, so a row nobody matched
    is not a surprise.

    >>> from career_workbook.model import Skill, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills.append(Skill(name="<img src=x onerror=alert(1)>"))
    >>> from career_workbook.analysis.posting import fit_to_posting
    >>> html = fit_html(fit_to_posting(wb, "SQL, img src=x onerror=alert(1)", catalog={"SQL": []}))
    >>> "<img" not in html and "&lt;img" in html and "“SQL”" in html
    True
    """
    if fit.blank:
        return notice_html("Paste a job posting first — its duties and requirements are "
                           "enough — then press “Check the fit”.", "info")
    if not fit.skills:
        return notice_html("No skills from the catalog or your list were found in this text. "
                           "Paste the part that lists duties and requirements.", "info")
    counted = set(counted)
    rows = "".join(
        f"<tr><td><b>{cell_html(s.skill)}</b>"
        f"{_COUNTED if s.skill in counted else ''}</td>"
        f"<td>{cell_html(', '.join(f'“{w}”' for w in s.words[:4]))}</td>"
        f"<td>{'—' if s.current is None else f'{s.current:g}'} / {s.target:g}</td>"
        f"<td>{esc(_STATUS[s.status])}</td>"
        f"<td style='color:{MUTED}'>{cell_html(s.explanation)}</td></tr>"
        for s in fit.skills)
    summary, *lines = fit_summary(fit)
    gaps = "".join(f"<div>{esc(line)}</div>" for line in lines)
    head = f"<div style='font-weight:600;margin-top:6px'>{esc(summary)}</div>{gaps}"
    if fit.truncated:
        head += notice_html("This text is very long: only its beginning was read.", "warning")
    return (TABLE_CSS + head + "<table class='cw-table'><tr><th>Skill</th>"
            "<th>Words that matched</th><th>You / target</th><th>Fit</th><th>Why</th></tr>"
            + rows + "</table>")


def fit_summary(fit: PostingFit) -> list[str]:
    """The lines above the table: what the percentage measures, then the measured gaps,
    the skills not rated yet and those not in the list, each with what to do (a skill
    never rated is not a gap: the page says so).

    >>> from datetime import date
    >>> from career_workbook.analysis.posting import fit_to_posting
    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills += [Skill(name=n, target_level=4) for n in ("SQL", "Python", "Excel")]
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2}))
    >>> for line in fit_summary(fit_to_posting(wb, "SQL, Python, Excel and Go",
    ...                                          catalog={"Go": []})):
    ...     print(line)
    It asks for 4 skills; your latest ratings reach 13% of the levels it asks for (the 3 you have not rated count as 0).
    1 gap: SQL.
    Not rated yet: Python, Excel — rate them in notebook 01 to see whether they are gaps.
    Not in your list yet: Go — add it with the button below, then rate it.
    """  # noqa: E501
    asks = f"It asks for {plural(len(fit.skills), 'skill')}"
    if fit.nice:  # welcomed, not required: they weigh less once added
        asks += (" (one of them only as a nice-to-have)" if len(fit.nice) == 1 else
                 f" ({len(fit.nice)} of them only as nice-to-haves)")
    unmeasured = sum(s.current is None for s in fit.skills)
    if unmeasured == len(fit.skills):  # "0%" would only discourage
        return [f"{asks}; you have not rated any of them yet. Add them to your list, then "
                "rate yourself in notebook 01 to see how you fit."]
    summary = f"{asks}; your latest ratings reach {fit.fit:.0f}% of the levels it asks for"
    if unmeasured:
        summary += (" (the one you have not rated counts as 0)" if unmeasured == 1 else
                    f" (the {unmeasured} you have not rated count as 0)")
    lines = [summary + "."]
    if fit.below:
        lines.append(f"{plural(len(fit.below), 'gap')}: {', '.join(fit.below)}.")
    elif unmeasured:
        lines.append("No gaps among the skills you have rated.")
    else:
        lines.append("No gaps: you meet your targets on every skill it asks for.")
    if fit.unrated:
        them = "it" if len(fit.unrated) == 1 else "them"
        verb = "is a gap" if len(fit.unrated) == 1 else "are gaps"
        lines.append(f"Not rated yet: {', '.join(fit.unrated)} — rate {them} in notebook 01 "
                     f"to see whether {'it' if them == 'it' else 'they'} {verb}.")
    if fit.missing:
        them = "it" if len(fit.missing) == 1 else "them"
        lines.append(f"Not in your list yet: {', '.join(fit.missing)} — add {them} with the "
                     f"button below, then rate {them}.")
    return lines


def changes_message(changes: Sequence[SkillChange], nice: Collection[str] = ()) -> str:
    """What adding a posting's skills changed in the list, as the "Saved" message says it:
    the skills added with their importance (the ``nice`` ones, only welcomed by the
    posting, apart), then each importance changed, from -> to ("" when nothing changed).

    >>> from career_workbook.analysis.posting import SkillChange as C
    >>> changes_message([C("Go", 4), C("Rust", 4), C("GDPR", 2), C("SQL", 4, 3)], {"GDPR"})
    'added 2 skills at importance 4: Go and Rust; 1 nice-to-have at importance 2: GDPR; importance raised: SQL 3 → 4'
    """  # noqa: E501
    parts = []
    added = [c for c in changes if c.before is None]
    for welcomed in (False, True):
        for importance in sorted({c.importance for c in added}, reverse=True):
            names = [c.skill for c in added
                     if c.importance == importance and (c.skill in nice) == welcomed]
            if names:
                what = plural(len(names), "nice-to-have") if welcomed else \
                    f"added {plural(len(names), 'skill')}"
                parts.append(f"{what} at importance {importance}: {listing(names)}")
    for verb, moved in (("raised", [c for c in changes if (c.before or 0) < c.importance]),
                        ("lowered", [c for c in changes if (c.before or 0) > c.importance])):
        moved = [c for c in moved if c.before is not None]
        if moved:
            parts.append(f"importance {verb}: "
                         + ", ".join(f"{c.skill} {c.before} → {c.importance}" for c in moved))
    return "; ".join(parts)


def profile_message(changes: Sequence[SkillChange], role_title: str | None,
                    nice: Collection[str] = ()) -> str:
    """What "Use as my target profile" did, said after "Saved at 10:42 — ": the charts'
    new yardstick, then every skill added and every importance changed
    (:func:`changes_message`).

    >>> from career_workbook.analysis.posting import SkillChange as C
    >>> profile_message([C("Docker", 4), C("SQL", 4, 3)], "Data Engineer")
    'your charts now measure you against your own targets instead of the Data Engineer profile: added 1 skill at importance 4: Docker; importance raised: SQL 3 → 4'
    >>> profile_message([], None)
    'your charts now measure you against your own targets: you already track every skill it asks for, each at the importance it gives it or more'
    """  # noqa: E501
    said = "your charts now measure you against your own targets"
    said += f" instead of the {role_title} profile" if role_title else ""
    changed = changes_message(changes, nice)
    return f"{said}: " + (changed or "you already track every skill it asks for, each at "
                          "the importance it gives it or more")


def suggestion_html(suggestion: Any, confirmed: bool = False) -> str:
    """One "Did it ask for these?" row as escaped HTML: the skill, the words that
    suggested it, and the sentence they are in.

    >>> from career_workbook.analysis.posting_suggest import Suggestion
    >>> html = suggestion_html(Suggestion("Risk<b>", ("risk",), "<i>Weigh</i> risk.", 3, "a"))
    >>> "<i>" not in html and "Risk&lt;b&gt;" in html and "&lt;i&gt;Weigh" in html
    True
    """
    words = ", ".join(f"“{w}”" for w in suggestion.words[:4])
    mark = " ✓ counted" if confirmed else ""
    return (f"<div style='margin:2px 0'><b>{esc(suggestion.skill)}</b>{esc(mark)} — "
            f"{esc(words)} <span style='color:{MUTED}'>in “{esc(suggestion.sentence)}”</span>"
            "</div>")


def _apply_skills(wb: Workbook, fit: PostingFit, stored: Workbook, *, as_profile: bool,
                  catalog: Any) -> str:
    """Add the posting's skills to the file's current list: names merged as a list (never a
    duplicate, never undoing a change made elsewhere); importance merged per skill. As the
    target profile, the role profile chosen in the file is cleared too. Returns what the
    "Saved" message says."""
    mine = stored.model_copy(deep=True)
    _posting().add_posting_skills(mine, fit, as_profile=as_profile, catalog=catalog)
    changes = _posting().skill_changes(stored.skills, mine.skills)
    nice = {s.skill for s in fit.skills if s.nice}
    if not as_profile:
        added = changes_message(changes, nice)
        detail = "your skill list now includes the posting's skills" + (
            f": {added}" if added else "")
    else:
        from career_workbook.catalog import resolve_role

        role = resolve_role(wb, catalog) if catalog is not None else None
        detail = profile_message(changes, role.title if role else wb.role_profile, nice)
    before = [s.name for s in stored.skills]
    names = merge_lists(before, [s.name for s in mine.skills], [s.name for s in wb.skills])
    current = {s.name.casefold() for s in wb.skills}
    for skill in mine.skills:
        if skill.name in names and skill.name.casefold() not in current:
            wb.skills.append(skill.model_copy())
            current.add(skill.name.casefold())
    if not as_profile:
        return detail
    wb.role_profile = mine.role_profile  # OWN_TARGETS: the charts use the person's own
    old = {s.name: s for s in stored.skills}
    for skill in wb.skills:
        if skill.name in old:
            new = next(s for s in mine.skills if s.name == skill.name)
            merged = merge_fields(["importance"], stored=old[skill.name],
                                  filled=old[skill.name], mine=new, theirs=skill,
                                  labels={"importance": f"Importance of {skill.name}"})
            skill.importance = merged["importance"]
    return detail


def _suggestion_rows(view: Any, fit: PostingFit, confirmed: list[str],
                     toggle: Any) -> list[widgets.Widget]:
    """The "Did it ask for these?" rows: each suggestion with its words and a button that
    counts it like a match (or, once counted, takes it back); a short note when none (and
    nothing at all when nothing was found: the notice above says so)."""
    for key in [k for k in view.buttons if k.startswith("suggest:")]:
        del view.buttons[key]
    found = fit.suggestions
    if not found and not fit.skills:
        return []
    title = quiet.HTML("<div style='font-weight:600;margin-top:8px'>Did it ask for "
                       "these?</div>")
    if not found:
        return [title, quiet.HTML(notice_html(
            "Nothing else in it looked like a skill ask: the table above is all we found.",
            "info"))]
    than = "the table above" if fit.skills else "a match"
    rows: list[widgets.Widget] = [title, quiet.HTML(
        f"<div style='color:{MUTED}'>Less sure than {than}: these count only when you "
        "say so.</div>")]
    for suggestion in found:
        yes = suggestion.skill in confirmed
        button = secondary_button("Take back" if yes else "Yes, count it",
                                  f"{'Stop counting' if yes else 'Count'} "
                                  f"{suggestion.skill} as asked for",
                                  icon="undo" if yes else "check")
        # a fixed width that never shrinks: the texts line up, and a long sentence beside
        # it in a narrow window wraps instead of squeezing the button to "Yes, cou…"
        button.layout.width, button.layout.flex = "9em", "0 0 auto"
        button.on_click(lambda _b, skill=suggestion.skill: toggle(skill))
        view.buttons[f"suggest:{suggestion.skill}"] = button
        words = quiet.HTML(suggestion_html(suggestion, yes),
                           layout=widgets.Layout(flex="1 1 auto", min_width="0"))
        rows.append(quiet.HBox([button, words], layout=widgets.Layout(
            align_items="baseline")))
    return rows


def _button_row(*buttons: widgets.Button) -> widgets.HBox:
    """Buttons side by side that wrap onto a new line in a narrow window instead of being
    cut to "Add 8 missing sk…" (only the first keeps the form's label indent)."""
    for i, button in enumerate(buttons):
        button.layout.flex = "0 0 auto"
        if i:
            button.layout.margin = "6px 0 2px 6px"
    return quiet.HBox(list(buttons), layout=widgets.Layout(flex_flow="row wrap"))


def posting_fit_form(session: Any) -> widgets.Widget:
    """Paste a posting: the skills it asks for, the words that matched, fit and gaps, and
    one click to add the missing skills or to use it as your target profile."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        # the workbook the fit shown was read from, and a copy of it (the base the buttons
        # merge with the file): read when the posting is checked, not when the form is
        # built, so a form showing no fit needs no rebuild after a save (``view.refill``)
        basis: dict[str, Workbook] = {}
        text = make_field("posting", "Posting", "textarea", rows=10,
                          value=view.state.get("text", ""),
                          placeholder="Paste a job posting or project description here.",
                          help="Plain text is enough; nothing you paste is saved.")
        boxes = view.add(text)
        check = secondary_button("Check the fit", "Find the skills this posting asks for",
                                 icon="search")
        result = quiet.HTML("")
        suggestions = quiet.VBox([], layout=widgets.Layout(margin="4px 0"))
        profile = primary_button("Use as my target profile",
                                 "Measure your charts against this posting instead of a role "
                                 "profile: add its skills to your list and give each it "
                                 f"requires importance {_posting().PROFILE_IMPORTANCE} or "
                                 f"more ({_posting().NICE_IMPORTANCE} for a nice-to-have)",
                                 icon="bullseye")
        add = primary_button("Add missing skills to my list",
                             "Add the skills it asks for that you do not track yet",
                             icon="plus")
        view.buttons.update(check=check, profile=profile, add=add)

        def show_fit() -> None:
            base = view.state["base"]
            confirmed = view.state.setdefault("confirmed", [])
            fit = _suggest().confirm_suggestions(basis["wb"], base, confirmed,
                                                 catalog=s.catalog or {}, role=s.role)
            view.state["fit"] = fit
            result.value = fit_html(fit, counted=confirmed)
            missing = len(fit.missing)
            add.description = (f"Add {plural(missing, 'missing skill')} to my list" if missing
                               else "Add missing skills to my list")
            add.disabled = missing == 0
            add.layout.display = "none" if missing == 0 else None  # nothing to add: no button
            profile.disabled = not fit.skills
            old = suggestions.children
            suggestions.children = _suggestion_rows(view, fit, confirmed, toggle)
            close_widgets(old)

        def toggle(skill: str) -> None:
            confirmed = view.state.setdefault("confirmed", [])
            if skill in confirmed:
                confirmed.remove(skill)
            else:
                confirmed.append(skill)
            show_fit()

        def keep_text() -> None:
            if view.state.get("text") != text.value:
                view.state["confirmed"] = []  # a new posting: nothing confirmed yet
            view.state["text"] = text.value
            view.kept()  # built again with it

        def show(_button: Any = None) -> None:
            keep_text()
            wb = basis["wb"] = s.workbook
            basis["stored"] = wb.model_copy(deep=True)
            view.state["base"] = _posting().fit_to_posting(wb, text.value,
                                                           catalog=s.catalog or {}, role=s.role)
            show_fit()

        def check_clicked(_button: Any) -> None:
            view.set_status("")  # an earlier "Saved at ..." is about an earlier check
            keep_text()
            if not view.rebuild(if_changed=True):  # built again (and checked) when the
                show()                             # skills changed in another tab

        check.on_click(check_clicked)
        if view.state.get("text"):
            show()
        else:
            add.disabled = profile.disabled = True
        # nothing checked in this body: nothing in it is read from the workbook, so a save
        # that changes the skills or the role (05's "Use this role") leaves it as it is
        view.refill = lambda: not basis and not view.state.get("text")

        def collect() -> tuple[Any, dict[str, str]]:
            fit = view.state.get("fit")
            if fit is None or not fit.skills:
                return None, {"posting": "Paste a posting and press “Check the fit” first"}
            return fit, {}

        for button, as_profile in ((profile, True), (add, False)):
            view.bind(button, collect,
                      lambda w, fit, p=as_profile: _apply_skills(
                          w, fit, basis["stored"], as_profile=p, catalog=s.catalog),
                      detail=str,  # what _apply_skills did
                      live=False, guard_repeats=False)  # its input: suggestions confirmed
        return [*boxes, check, result, suggestions, _button_row(profile, add)]

    return FormView(session, build, name="posting_fit", title="Fit to a posting",
                    intro="Paste a posting you are curious about: see the skills it asks for, "
                          "where you already stand, and what to work on. “Use as my target "
                          "profile” measures your charts against it instead of a role profile.",
                    depends=lambda wb: (wb.skills, wb.assessments, wb.role_profile),
                    saves_input=False)  # the posting is never saved
