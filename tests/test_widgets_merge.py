"""Forms never revert edits made elsewhere: a three-way merge per field, or a conflict.

Issue 12 item 1: a form that replaced a whole section wrote the values it was filled with
over changes made meanwhile in another notebook, the app or the CLI, and said "Saved".
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import (
    Action,
    Contact,
    Goal,
    Interests,
    LearningItem,
    Milestone,
    Opportunity,
    Skill,
    Value,
)
from career_workbook.widgets.merge import EditConflict, merge_fields

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5), current_role="Analyst")
    wb.skills += [Skill(name="SQL", importance=5, target_level=4)]
    wb.goals.append(Goal(id="g1", text="Pass the SQL certification by June 2027",
                         status="active", created=date(2026, 1, 5), confidence=5))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", relationship="mentor"))
    wb.strengths = ["Listening"]
    wb.interests = Interests(social=10)
    p = tmp_path / "sam.yaml"
    store.save(wb, p)
    return p


def status(view) -> str:
    return view.status.value


def reload_shown(view) -> bool:
    return view.reload_button.layout.display != "none"


# ------------------------------------------------------------------ the reproduction
def test_strengths_form_keeps_a_strength_added_elsewhere(path):
    s = ui.Session(path)
    f = ui.strengths_form(s)
    with cw.edit(path) as wb:
        wb.strengths.append("Added elsewhere")
    f.fields["strengths"].widget.value += "\nClear writing"
    f.buttons["save"].click()
    assert cw.load(path).strengths == ["Listening", "Added elsewhere", "Clear writing"]
    assert "Saved at" in status(f)


def test_strengths_form_removing_a_line_keeps_other_changes(path):
    f = ui.strengths_form(ui.Session(path))
    with cw.edit(path) as wb:
        wb.strengths.append("Added elsewhere")
        wb.weaknesses.append("Saying no")
    f.fields["strengths"].value = ""  # the person deletes "Listening"
    f.buttons["save"].click()
    wb = cw.load(path)
    assert wb.strengths == ["Added elsewhere"] and wb.weaknesses == ["Saying no"]


# ------------------------------------------------------------------ section forms
SECTION_CASES = [
    # form, the person's field and value, an edit elsewhere, what must hold afterwards
    (ui.profile_form, "organisation", "Northwind",
     lambda wb: setattr(wb.person, "coach", "Kim"),
     lambda wb: (wb.person.organisation, wb.person.coach) == ("Northwind", "Kim")),
    (ui.vision_form, "short_term", "Lead a small team",
     lambda wb: setattr(wb.vision, "long_term", "Run a clinic"),
     lambda wb: (wb.vision.short_term, wb.vision.long_term) == ("Lead a small team",
                                                                "Run a clinic")),
    (ui.interests_form, "artistic", 20,
     lambda wb: setattr(wb.interests, "social", 30),
     lambda wb: (wb.interests.artistic, wb.interests.social) == (20, 30)),
]


@pytest.mark.parametrize("form, key, value, elsewhere, holds", SECTION_CASES,
                         ids=lambda x: getattr(x, "__name__", None))
def test_section_forms_merge_with_changes_made_elsewhere(path, form, key, value, elsewhere,
                                                         holds):
    view = form(ui.Session(path))
    with cw.edit(path) as wb:
        elsewhere(wb)
    view.fields[key].value = value
    view.buttons["save"].click()
    assert holds(cw.load(path)), status(view)
    assert "Saved at" in status(view) and not reload_shown(view)


def test_both_changed_the_same_field_is_a_conflict_with_reload(path):
    s = ui.Session(path)
    view = ui.profile_form(s)
    with cw.edit(path) as wb:
        wb.person.current_role = "Senior Analyst"
    before = path.read_bytes()
    view.fields["current_role"].value = "Lead Analyst"
    view.fields["coach"].value = "Kim"
    view.buttons["save"].click()
    assert path.read_bytes() == before  # nothing written, nothing reverted
    text = status(view)
    assert "Not saved" in text and "Current role" in text and "Senior Analyst" in text
    assert "Reload" in text and reload_shown(view)
    assert "another window" in view.fields["current_role"].message.value
    view.reload_button.click()
    assert view.fields["current_role"].value == "Senior Analyst"
    assert view.fields["coach"].value == "" and not reload_shown(view)
    view.fields["coach"].value = "Kim"
    view.buttons["save"].click()
    assert cw.load(path).person.coach == "Kim" and "Saved at" in status(view)


def test_the_same_change_made_twice_is_not_a_conflict(path):
    view = ui.profile_form(ui.Session(path))
    with cw.edit(path) as wb:
        wb.person.coach = "Kim"
    view.fields["coach"].value = "Kim"
    view.buttons["save"].click()
    assert "Saved at" in status(view) and cw.load(path).person.coach == "Kim"


# ------------------------------------------------------------------ record forms: one mechanism
def test_contact_edited_elsewhere_merges_instead_of_refusing(path):
    view = ui.contacts_form(ui.Session(path))
    view.chooser.value = "0"
    with cw.edit(path) as wb:
        wb.contacts[0].notes = "Met at the meetup"
    view.fields["strength"].value = 5
    view.buttons["save"].click()
    c = cw.load(path).contacts[0]
    assert (c.strength, c.notes) == (5, "Met at the meetup"), status(view)


def test_contact_field_changed_both_places_is_a_conflict(path):
    view = ui.contacts_form(ui.Session(path))
    view.chooser.value = "0"
    with cw.edit(path) as wb:
        wb.contacts[0].notes = "Met at the meetup"
    before = path.read_bytes()
    view.fields["notes"].value = "Coffee in March"
    view.buttons["save"].click()
    assert path.read_bytes() == before and reload_shown(view)
    assert "“Notes” was changed" in status(view)


def test_record_removed_elsewhere_is_a_conflict_not_a_resurrection(path):
    view = ui.contacts_form(ui.Session(path))
    view.chooser.value = "0"
    with cw.edit(path) as wb:
        wb.contacts.clear()
    view.fields["strength"].value = 5
    view.buttons["save"].click()
    assert cw.load(path).contacts == [] and reload_shown(view)
    assert "This contact was removed or renamed in another window" in status(view)
    view.reload_button.click()
    assert view.chooser.value == "" and not reload_shown(view)


def test_remove_refuses_a_record_changed_elsewhere(path):
    view = ui.contacts_form(ui.Session(path))
    view.chooser.value = "0"
    with cw.edit(path) as wb:
        wb.contacts[0].notes = "New notes"
    view.buttons["remove"].click()
    assert len(cw.load(path).contacts) == 1 and reload_shown(view)


def test_goal_status_merges_with_confidence_changed_elsewhere(path):
    view = ui.goals_table(ui.Session(path, today=TODAY))
    with cw.edit(path) as wb:
        wb.goals[0].deadline = date(2027, 6, 30)
    view.fields["status"].value = "done"
    view.buttons["save"].click()
    g = cw.load(path).goals[0]
    assert (g.status, g.deadline, g.completed_on) == ("done", date(2027, 6, 30),
                                                      date(2026, 11, 22)), status(view)


def test_merge_fields_names_every_conflict():
    with pytest.raises(EditConflict) as info:
        merge_fields(["a", "b"], stored={"a": 1, "b": 1}, filled={"a": 1, "b": 1},
                     mine={"a": 2, "b": 2}, theirs={"a": 3, "b": 3},
                     labels={"a": "Alpha", "b": "Beta"})
    assert [p.field for p in info.value.problems] == ["a", "b"]
    assert "“Alpha”" in str(info.value) and "“Beta”" in str(info.value)


# ------------------------------------------------------------------ against another process
WRITER = textwrap.dedent("""
    import sys, time
    import career_workbook as cw
    path, seconds = sys.argv[1], float(sys.argv[2])
    n, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        with cw.edit(path) as wb:
            wb.strengths.append(f"elsewhere {n}")
        print(f"ack {n}", flush=True)
        n += 1
""")


def test_form_saves_in_a_loop_never_lose_another_process_edits(path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "3"],
                              stdout=subprocess.PIPE, text=True, env=env)
    session = ui.Session(path)
    view = ui.strengths_form(session)
    mine, end = [], time.monotonic() + 2.5
    n = 0
    while time.monotonic() < end or n < 5:
        view.fields["strengths"].value += f"\nmine {n}"
        view.buttons["save"].click()
        assert "Saved at" in status(view), status(view)
        mine.append(f"mine {n}")
        n += 1
        time.sleep(0.02)
    out, _ = writer.communicate(timeout=60)
    assert writer.returncode == 0
    acked = [f"elsewhere {line.split()[1]}" for line in out.splitlines()
             if line.startswith("ack ")]
    strengths = cw.load(path).strengths
    lost_theirs = [s for s in acked if s not in strengths]
    lost_mine = [s for s in mine if s not in strengths]
    assert len(acked) > 5 and len(mine) >= 5
    assert lost_theirs == [] and lost_mine == [], (len(acked), len(mine))


def test_role_picker_keeps_a_role_chosen_elsewhere_when_untouched(path):
    view = ui.role_picker(ui.Session(path))
    with cw.edit(path) as wb:
        wb.role_profile = "senior_data_scientist"
    view.fields["add_skills"].value = False
    view.buttons["save"].click()
    assert cw.load(path).role_profile == "senior_data_scientist", status(view)


# ------------------------------------------------------------------ two tabs: the message
# Tab A saves one field of a record; tab B, filled before that, saves another field of the
# same record. The file holds both changes, and B's "Saved" message must describe that
# merged record, never B's stale view of it.
def _more_records(path: Path) -> None:
    with cw.edit(path) as wb:
        wb.actions.append(Action(id="a1", text="Do X properly", status="done",
                                 done_on=date(2026, 11, 1)))
        wb.learning.append(LearningItem(title="SQL course", status="in_progress", hours=4))
        wb.goals[0].milestones.append(Milestone(title="Finish the practice exams",
                                                due=date(2027, 3, 1)))
        wb.opportunities.append(Opportunity(id="o1", title="Lead the Q3 data migration",
                                            spotted=date(2026, 10, 1)))
        wb.values.append(Value(name="Autonomy", importance=6))


TWO_TABS = [
    # form, record chosen, tab A's change, tab B's change, B's message, B's stale message
    (ui.goal_review, None, {"status": "done"}, {"deadline": date(2027, 6, 30)},
     # its own change, then what it kept (the merged record; not B's change alone)
     "— new deadline 30 Jun 2027; kept from another tab: marked done", "2027</div>"),
    (ui.goals_table, None, {"status": "done"}, {"confidence": 8},
     "— confidence 8 (was 5); kept from another tab: marked done", "(was 5)</div>"),
    (ui.actions_form, "0", {"status": "doing"}, {"priority": "high"},
     "updated “Do X properly (doing)”", "(done)"),
    (ui.skills_form, "0", {"importance": 2}, {"target_level": 5},
     "updated “SQL (importance 2, target 5)”", "importance 5"),
    (ui.contacts_form, "0", {"relationship": "manager"}, {"strength": 5},
     "updated “Dana Lee (manager)”", "(mentor)"),
    (ui.learning_form, "0", {"hours": 12}, {"started_on": date(2026, 10, 1)},
     "updated “SQL course (in progress, 12 h)”", "4 h"),
    (ui.milestones_form, "0", {"done_on": date(2026, 11, 20)}, {"due": date(2027, 4, 1)},
     "updated “Finish the practice exams ✓”", "(due 2027-04-01)"),
    (ui.opportunities_form, "0", {"stage": "exploring"}, {"next_step": "Ask Dana"},
     "updated “Lead the Q3 data migration (Exploring)”", "(Spotted)"),
    (ui.values_form, "0", {"importance": 9}, {"note": "choosing my hours"},
     "updated “Autonomy (9/10)”", "(6/10)"),
]


@pytest.mark.parametrize("form, chosen, mine_a, mine_b, said, stale", TWO_TABS,
                         ids=[case[0].__name__ for case in TWO_TABS])
def test_two_tabs_message_describes_the_merged_record(path, form, chosen, mine_a, mine_b,
                                                      said, stale):
    _more_records(path)
    tab_a, tab_b = (form(ui.Session(path, today=TODAY)) for _ in range(2))
    for view, changes in ((tab_a, mine_a), (tab_b, mine_b)):
        if chosen is not None:
            view.chooser.value = chosen
        for key, value in changes.items():
            view.fields[key].value = value
    tab_a.buttons["save"].click()
    assert "Saved at" in status(tab_a), status(tab_a)
    tab_b.buttons["save"].click()  # B was filled before A saved
    text = status(tab_b)
    assert "Saved at" in text and not reload_shown(tab_b), text
    assert said in text and stale not in text, text


def test_a_long_value_in_a_conflict_is_cut_at_a_word_as_every_message_cuts_text():
    theirs = "Lead the migration of the reporting database to the new cloud platform by June"
    mine = "Lead the migration of the reporting database to the new cloud platform by May"
    with pytest.raises(EditConflict) as err:
        merge_fields(["text"], stored={"text": "Lead it"}, filled={"text": "Lead it"},
                     mine={"text": mine}, theirs={"text": theirs}, labels={"text": "Goal"})
    said = str(err.value)
    # cut by wording.shorten, and where two long texts would read alike, where they differ
    assert "changed to “…cloud platform by June” in another window" in said
    assert "you changed it to “…cloud platform by May”" in said
    with pytest.raises(EditConflict) as err:
        merge_fields(["text"], stored={"text": "Lead it"}, filled={"text": "Lead it"},
                     mine={"text": "Plan the team offsite"}, theirs={"text": theirs},
                     labels={"text": "Goal"})
    assert "“Lead the migration of the reporting database to the new…”" in str(err.value)
