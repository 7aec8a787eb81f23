"""Whatever a person typed is escaped in every HTML widget, header, table and overview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import (
    Achievement,
    Action,
    Assessment,
    CheckIn,
    Contact,
    Feedback,
    Goal,
    LearningItem,
    Milestone,
    Opportunity,
    Skill,
    StageChange,
    Value,
    Vision,
)
from career_workbook.widgets.coach import load_caseload, overview_html
from career_workbook.widgets.session import header_html

ALL_FORMS = [getattr(ui, name) for name in ui.__all__
             if name not in ("Session", "start", "show_chart", "coach_overview",
                             "caseload_calendar_button")]  # these two take a folder
SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'


def hostile(tag: str) -> str:
    return f"{tag} {SCRIPT}{IMG}"


def hostile_workbook() -> cw.Workbook:
    wb = cw.new_workbook(hostile("name"), today=date(2026, 1, 5),
                         current_role=hostile("role"), target_role=hostile("target"),
                         organisation=hostile("org"), coach=hostile("coach"))
    skill = hostile("skill")
    wb.vision = Vision(long_term=hostile("long"), short_term=hostile("short"))
    wb.values = [Value(name=hostile("value"), importance=8, note=hostile("note"))]
    wb.skills = [Skill(name=skill, importance=5, target_level=5), Skill(name="SQL")]
    wb.assessments = [Assessment(date=date(2026, 1, 5), ratings={skill: 1, "SQL": 2},
                                 note=hostile("note"))]
    wb.strengths, wb.weaknesses = [hostile("strength")], [hostile("weakness")]
    wb.feedback = [Feedback(rater_group="peer", rater_id=f"p{i}", date=date(2026, 2, 1),
                            ratings={skill: 3}, comment=hostile(f"comment{i}"))
                   for i in range(3)]
    wb.goals = [Goal(id="g1", text=hostile("goal by June 2027"), status="active",
                     created=date(2026, 1, 5), deadline=date(2026, 6, 1), skills=[skill],
                     milestones=[Milestone(title=hostile("milestone"),
                                           due=date(2026, 3, 1))])]
    wb.actions = [Action(id="a1", goal_id="g1", text=hostile("action"), due=date(2026, 2, 1))]
    wb.contacts = [Contact(id="c1", name=hostile("contact"), organisation=hostile("org"),
                           next_follow_up=date(2026, 2, 1), notes=hostile("notes"))]
    wb.achievements = [Achievement(date=date(2026, 3, 1), title=hostile("ach"),
                                   impact=hostile("impact"), skills=[skill])]
    wb.learning = [LearningItem(title=hostile("course"), skill="SQL", hours=3)]
    wb.check_ins = [CheckIn(date=date(2026, 3, 1), progress={"g1": 20}, wins=hostile("wins"),
                            motivation=6, confidence=6)]
    wb.feedback[0].reputation = {"reliable": 3}
    wb.opportunities = [Opportunity(
        id="o1", title=hostile("opportunity"), organisation=hostile("org"), stage="applied",
        spotted=date(2026, 1, 5), goal_ids=["g1"], skills=[skill],
        next_step=hostile("next step"), next_step_due=date(2026, 2, 1), notes=hostile("notes"),
        stage_history=[StageChange(stage="spotted", date=date(2026, 1, 5)),
                       StageChange(stage="applied", date=date(2026, 1, 9))])]
    return wb


@pytest.fixture
def session(tmp_path: Path) -> ui.Session:
    path = tmp_path / "evil.yaml"
    store.save(hostile_workbook(), path)
    return ui.Session(path, today="2026-11-22")


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def assert_safe(html: str) -> None:
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered, html[:400]


@pytest.mark.parametrize("form", ALL_FORMS, ids=lambda f: f.__name__)
def test_hostile_strings_are_escaped_in_every_form(session, form):
    view = form(session)
    htmls = [w.value for w in walk(view) if isinstance(w, widgets.HTML | widgets.HTMLMath)]
    assert htmls
    for html in htmls:
        assert_safe(html)
    for w in walk(view):  # labels and option texts are never rendered as HTML
        assert not getattr(w, "description_allow_html", False)


def test_hostile_strings_shown_escaped_where_they_appear(session):
    html = ui.feedback_comments(session).children[1].value.replace("<wbr>", "")
    assert "comment0 &lt;script&gt;alert(" in html  # a long word gets break points only
    view = ui.goals_table(session)
    assert "goal by June 2027 &lt;script&gt;" in view.children[1].value
    assert "&lt;script&gt;" in ui.contacts_form(session).children[1].value


def test_hostile_typed_values_and_messages_are_escaped(session):
    view = ui.profile_form(session)
    view.fields["name"].value = "x" * 201 + SCRIPT
    view.buttons["save"].click()
    assert_safe(view.fields["name"].message.value)
    view = ui.skills_form(session)
    view.fields["name"].value = "sql"  # duplicate -> message names the value
    view.buttons["save"].click()
    assert_safe(view.status.value)
    drafter = ui.goal_drafter(session)
    drafter.fields["text"].value = IMG + " by June 2027"
    for w in walk(drafter):
        if isinstance(w, widgets.HTML):
            assert_safe(w.value)


def test_header_and_coach_overview_escape(session, tmp_path):
    assert_safe(header_html(session))
    (tmp_path / f"{IMG}.yaml").write_text("person: {name: [1, 2]}\n")
    html = overview_html(load_caseload(tmp_path, today="2026-11-22"))
    assert_safe(html)
    assert "&lt;img" in html and "name &lt;script&gt;" in html
    # issue 16 item 7: the nudges and each client's week quote titles, escaped
    assert "Needs a nudge (1)" in html and "This week, client by client" in html
    assert "action &lt;script&gt;" in html and "contact &lt;script&gt;" in html
    assert "opportunity &lt;script&gt;" in html


def test_caseload_calendar_button_escapes_what_it_writes(session, tmp_path):
    from career_workbook.widgets.coach import caseload_calendar_button

    (tmp_path / f"{IMG}.yaml").write_text("person: {name: [1, 2]}\n")
    box = caseload_calendar_button(tmp_path, today="2026-01-10")
    box.children[0].click()
    html = box.children[1].value
    assert_safe(html)
    assert "reminders for 1 client written" in html and "&lt;img src=x" in html


def test_a_chosen_opportunity_shows_its_history_and_moves_escaped(session):
    """Issue 16: the record, its history and the move buttons of notebook 10's form."""
    view = ui.opportunities_form(session)
    view.chooser.value = "0"
    htmls = [w.value for w in walk(view) if isinstance(w, widgets.HTML | widgets.HTMLMath)]
    for html in htmls:
        assert_safe(html)
    assert any("&lt;script&gt;" in h for h in htmls)
    assert any("History:" in h for h in htmls)
    assert view.fields["title"].value == hostile("opportunity")  # kept as typed
