"""Notebook 05's "Fit to a posting" form, driven in Python (issue 16 item 2)."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Assessment, Skill
from tests.helpers.html_text import text_of

POSTING = ("Senior analyst. You bring SQL/Postgres, Python and stakeholder mgmt; "
           "k8s is a plus. <script>alert(1)</script>")


def _session(tmp_path: Path) -> ui.Session:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills += [Skill(name="SQL", importance=2, target_level=4),
                  Skill(name="Python", importance=5, target_level=5)]
    wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 4, "Python": 3}))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return ui.Session(path, today="2026-11-22")


def _check(view, text=POSTING):
    view.fields["posting"].value = text
    view.buttons["check"].click()
    return view.children[3].value


def test_shows_matches_words_fit_and_gaps_escaped(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    assert view.buttons["add"].disabled and view.buttons["profile"].disabled
    html = _check(view)
    assert "“SQL”, “Postgres”" in html and "“stakeholder mgmt”" in html
    assert "Containers and Orchestration" in html and "not in your list" in html
    assert "✓ meets your target" in html  # SQL 4 of 4
    assert "<script>" not in html
    assert view.buttons["add"].description == "Add 2 missing skills to my list"
    assert not view.buttons["add"].disabled and view.buttons["add"].layout.display is None


def test_add_missing_skills_saves_once_and_keeps_other_edits(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    with store.edit(session.path) as wb:  # another window adds a skill meanwhile
        wb.skills.append(Skill(name="Writing", category="soft"))
    view.buttons["add"].click()
    assert "Saved at" in view.status.value, view.status.value
    names = [s.name for s in cw.load(session.path).skills]
    assert names == ["SQL", "Python", "Writing", "Stakeholder Management",
                     "Containers and Orchestration"]
    # the form refreshed: nothing is missing any more, the pasted text is kept
    assert view.fields["posting"].value == POSTING
    assert view.buttons["add"].layout.display == "none"  # never "Add 0 missing skills"
    assert view.buttons["add"].disabled


def test_use_as_target_profile_raises_importance(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    view.buttons["profile"].click()
    assert "Saved at" in view.status.value, view.status.value
    skills = {s.name: s for s in cw.load(session.path).skills}
    assert skills["SQL"].importance == 4 and skills["SQL"].target_level == 4
    assert skills["Python"].importance == 5  # never lowered
    assert skills["Stakeholder Management"].importance == 4


def test_use_as_target_profile_says_what_it_changed(tmp_path):
    """Every skill added and every importance raised is named, from -> to; a skill the
    posting only welcomes ("k8s is a plus") is added at a lower importance and said so."""
    session = _session(tmp_path)  # SQL importance 2, Python 5
    view = ui.posting_fit_form(session)
    table = text_of(_check(view))  # the words as read: a cell keeps "nice-to-have" whole
    assert "(one of them only as a nice-to-have)" in table
    assert "“k8s” as a nice-to-have" in table
    view.buttons["profile"].click()
    status = html.unescape(view.status.value)
    assert ("added 1 skill at importance 4: Stakeholder Management; 1 nice-to-have at "
            "importance 2: Containers and Orchestration; importance raised: SQL 2 → 4") in status
    assert "Python" not in status  # 5 already: unchanged, not mentioned
    skills = {s.name: s.importance for s in cw.load(session.path).skills}
    assert skills == {"SQL": 4, "Python": 5, "Stakeholder Management": 4,
                      "Containers and Orchestration": 2}


def test_add_missing_skills_names_what_it_added(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    view.buttons["add"].click()
    status = html.unescape(view.status.value)
    assert ("your skill list now includes the posting's skills: added 1 skill at importance "
            "3: Stakeholder Management; 1 nice-to-have at importance 2: Containers and "
            "Orchestration") in status
    assert "importance raised" not in status


def test_profile_conflict_is_refused_not_reverted(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    with store.edit(session.path) as wb:
        wb.skills[0].importance = 1  # changed elsewhere; the form would set it to 4
    before = session.path.read_bytes()
    view.buttons["profile"].click()
    assert "Not saved" in view.status.value and "Importance of SQL" in view.status.value
    assert session.path.read_bytes() == before


def test_buttons_before_checking_say_what_to_do(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    before = session.path.read_bytes()
    view.buttons["add"].disabled = False
    view.buttons["add"].click()
    assert "Nothing was saved" in view.status.value
    assert view.fields["posting"].has_error
    assert session.path.read_bytes() == before


def test_text_with_no_skills_says_so(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    assert "No skills from the catalog" in _check(view, "Lorem ipsum dolor sit amet.")
    assert view.buttons["profile"].disabled


# ----------------------------------------------------------------------------------------
# "Did it ask for these?" (issue 16 item 2): suggestions the person confirms
# ----------------------------------------------------------------------------------------
RISKY = "You bring SQL and Python. Make sound decisions about risk and escalate when needed."


def _html_of(widget) -> str:
    """Every HTML value and button label under ``widget``, as the page would show them."""
    out, stack = [], [widget]
    while stack:
        w = stack.pop()
        out.append(str(getattr(w, "value", "")) if type(w).__name__ == "HTML" else "")
        out.append(str(getattr(w, "description", "")))
        stack.extend(getattr(w, "children", ()))
    return "\n".join(out)


def _suggestions(view):
    return view.children[4]


def test_suggestion_shows_words_and_one_click_counts_it_like_a_match(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    table = _check(view, RISKY)
    assert "Risk Management" not in table  # not a match: a suggestion
    shown = _html_of(_suggestions(view))
    assert "Did it ask for these?" in shown and "“risk”" in shown
    assert "Make sound decisions about risk and escalate when needed." in shown
    assert view.buttons["add"].description == "Add 1 missing skill to my list"  # Judgment
    view.buttons["suggest:Risk Management"].click()
    table = view.children[3].value
    assert "Risk Management" in table and "“risk”" in table  # in the table, like a match
    assert "Risk Management" in view.state["fit"].gaps
    assert view.buttons["add"].description == "Add 2 missing skills to my list"
    assert "✓ counted" in _html_of(_suggestions(view))
    view.buttons["add"].click()
    assert "Saved at" in view.status.value, view.status.value
    assert "Risk Management" in [s.name for s in cw.load(session.path).skills]
    # after the save the form is rebuilt: the choice is kept, nothing is missing now
    assert view.buttons["add"].layout.display == "none"  # never "Add 0 missing skills"
    assert "✓ counted" in _html_of(_suggestions(view))


def test_taking_a_suggestion_back_and_a_new_paste_forget_it(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    _check(view, RISKY)
    view.buttons["suggest:Risk Management"].click()
    view.buttons["suggest:Risk Management"].click()  # "Take back"
    assert "Risk Management" not in view.children[3].value
    assert view.buttons["suggest:Risk Management"].description == "Yes, count it"
    view.buttons["suggest:Risk Management"].click()
    _check(view, RISKY + " Also Excel.")  # another text: nothing confirmed yet
    assert "Risk Management" not in view.state["fit"].matches


def test_confirmed_suggestion_becomes_part_of_the_target_profile(tmp_path):
    """A just-created workbook (``career-workbook new``): no skills, no ratings."""
    from career_workbook import cli

    assert cli.main(["new", "Kim", "--dir", str(tmp_path)]) == 0
    session = ui.Session(next(tmp_path.glob("*.yaml")), today="2026-11-22")
    view = ui.posting_fit_form(session)
    assert "Did it ask for these?" not in _html_of(_suggestions(view))  # before checking
    _check(view, RISKY)
    view.buttons["suggest:Risk Management"].click()
    view.buttons["profile"].click()
    assert "Saved at" in view.status.value, view.status.value
    skills = {s.name: s for s in cw.load(session.path).skills}
    assert skills["Risk Management"].importance == 4
    assert set(skills) == {"SQL", "Python", "Judgment and Decision Making", "Risk Management"}


def test_no_suggestions_says_so(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    _check(view, "You bring SQL and Python.")
    shown = _html_of(_suggestions(view))
    assert "Did it ask for these?" in shown and "Nothing else in it looked like a skill" in shown
    assert not [k for k in view.buttons if k.startswith("suggest:")]


def test_suggestions_escape_html_in_the_paste(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    _check(view, "Weigh each risk <3 and 5>2 <img src=x onerror=alert(1)> now. "
                 "<script>alert(2)</script>")
    shown = _html_of(_suggestions(view))
    assert "&lt;3 and 5&gt;2" in shown  # the person's text, shown as text
    assert "<img" not in shown and "<script" not in shown and "onerror" not in shown
    assert "<3" not in shown


def test_five_thousand_word_paste_shows_a_short_list(tmp_path):
    words = (RISKY + " Lead audits, manage supply, keep dashboards and containers tidy. ").split()
    text = " ".join((words * (5_000 // len(words) + 1))[:5_000])
    view = ui.posting_fit_form(_session(tmp_path))
    _check(view, text)
    found = view.state["base"].suggestions
    assert 1 <= len(found) <= 8
    assert len([k for k in view.buttons if k.startswith("suggest:")]) == len(found)
    assert all(len(s.sentence) <= 161 for s in found)


# ----------------------------------------------------------------------------------------
# Seen in the browser (tests/browser/test_fit_journey.py): style, counted rows, narrow window
# ----------------------------------------------------------------------------------------
def test_fit_table_brings_its_own_style_on_a_new_workbook(tmp_path):
    """05 on a just-created workbook shows no other table, so the fit table came unstyled."""
    from career_workbook.widgets.display import TABLE_CSS

    view = ui.posting_fit_form(_session(tmp_path))
    html = _check(view)
    assert html.startswith(TABLE_CSS)
    assert "<table class='cw-table'>" in html


def test_counted_suggestion_says_so_in_the_table(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    assert "you counted it" not in _check(view, RISKY)
    view.buttons["suggest:Risk Management"].click()
    table = view.children[3].value
    assert table.count("you counted it") == 1
    assert table.index("Risk Management") < table.index("you counted it")
    view.buttons["suggest:Risk Management"].click()  # "Take back"
    assert "you counted it" not in view.children[3].value


def test_buttons_never_shrink_to_an_ellipsis(tmp_path):
    """In an 800 px window the browser cut them to "Yes, cou…" and "Add 8 missing sk…"."""
    view = ui.posting_fit_form(_session(tmp_path))
    _check(view, RISKY)
    yes = view.buttons["suggest:Risk Management"]
    assert (yes.layout.flex, yes.layout.width) == ("0 0 auto", "9em")
    yes.click()
    back = view.buttons["suggest:Risk Management"]
    assert back.description == "Take back" and back.layout.width == "9em"  # texts line up
    [row] = [w for w in view.children if view.buttons["add"] in getattr(w, "children", ())]
    assert row.layout.flex_flow == "row wrap"
    assert [b.layout.flex for b in row.children] == ["0 0 auto", "0 0 auto"]


def test_a_counted_skill_survives_a_save_from_a_tab_opened_before(tmp_path):
    """Two tabs on one workbook: A counts a suggestion and adds it; B, opened before A saved,
    uses another posting as the target profile. A's counted skill stays (merged lists)."""
    session = _session(tmp_path)
    tab_a = ui.posting_fit_form(ui.Session(session.path, today="2026-11-22"))
    tab_b = ui.posting_fit_form(ui.Session(session.path, today="2026-11-22"))
    _check(tab_a, RISKY)
    tab_a.buttons["suggest:Risk Management"].click()
    tab_a.buttons["add"].click()
    assert "Saved at" in tab_a.status.value, tab_a.status.value
    _check(tab_b, "Platform engineer: Kubernetes and Terraform every day.")
    tab_b.buttons["profile"].click()
    assert "Saved at" in tab_b.status.value, tab_b.status.value
    names = [s.name for s in cw.load(session.path).skills]
    assert "Risk Management" in names and "Judgment and Decision Making" in names
    assert "Containers and Orchestration" in names


def test_a_new_workbook_is_not_told_it_fits_0_percent(tmp_path):
    """``career-workbook new`` has no ratings: "cover 0% of them" read as a verdict."""
    from career_workbook import cli

    assert cli.main(["new", "Kim", "--dir", str(tmp_path)]) == 0
    view = ui.posting_fit_form(ui.Session(next(tmp_path.glob("*.yaml")), today="2026-11-22"))
    html = _check(view, RISKY)
    assert "you have not rated any of them yet" in html and "notebook 01" in html
    assert "0%" not in html
    assert "reach 100% of the levels it asks for" in _check(
        ui.posting_fit_form(_session(tmp_path)), "You bring SQL.")  # rated: the figure stays


def test_percent_gaps_and_button_agree_when_some_skills_are_not_rated(tmp_path):
    """Red team: "It asks for 4 skills; your latest ratings cover 31% of them", "4 gaps"
    counting two skills never rated, and a button "Add 0 missing skills to my list"."""
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills += [Skill(name="SQL", target_level=4), Skill(name="Python", target_level=4),
                  Skill(name="Stakeholder management", category="soft"),
                  Skill(name="数据分析")]
    wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2, "Python": 3}))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    view = ui.posting_fit_form(ui.Session(path, today="2026-11-22"))
    html = _check(view, "You bring SQL, Python, stakeholder management and 数据分析.")
    fit = view.state["fit"]
    assert len(fit.skills) == 4 and not fit.missing
    assert f"It asks for 4 skills; your latest ratings reach {fit.fit:.0f}% of the levels it " \
           "asks for (the 2 you have not rated count as 0)." in html
    assert "of them" not in html and "4 gaps" not in html
    assert "2 gaps: SQL, Python." in html
    assert "Not rated yet: Stakeholder management, 数据分析 — rate them in notebook 01" in html
    assert view.buttons["add"].layout.display == "none" and view.buttons["add"].disabled
    assert "Add 0" not in _html_of(view)


# ----------------------------------------------------------------------------------------
# 05 red-team walk: the posting as the target profile, one target per skill, empty pastes
# ----------------------------------------------------------------------------------------
def _data_engineer_session(tmp_path: Path) -> ui.Session:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 11, 1))
    wb.role_profile = "data_engineer"
    wb.skills += [Skill(name="Python", importance=3, target_level=5),
                  Skill(name="SQL", importance=3, target_level=4)]
    wb.assessments.append(Assessment(date=date(2026, 11, 1), ratings={"Python": 4, "SQL": 4}))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return ui.Session(path, today="2026-11-22")


def _role_info(role_form) -> str:
    return role_form.children[1].value  # "Charts now compare you with: ..."


def test_use_as_target_profile_replaces_the_role_profile(tmp_path):
    from career_workbook import analysis

    session = _data_engineer_session(tmp_path)
    role_form = ui.role_picker(session)
    assert "Data Engineer" in _role_info(role_form)
    before = analysis.skill_gap_frame(session.workbook, session.role).set_index("skill")
    view = ui.posting_fit_form(session)
    _check(view, "Strong Python and SQL; Docker and Kubernetes; write tests with pytest.")
    view.buttons["profile"].click()
    status = html.unescape(view.status.value)
    assert "Saved at" in status, status
    assert ("your charts now measure you against your own targets instead of the Data "
            "Engineer profile: added ") in status
    assert "importance raised: Python 3 → 4, SQL 3 → 4" in status
    assert "your skill list now includes" not in status  # not the "Add missing" message
    saved = cw.load(session.path)
    assert saved.role_profile == "" and session.role is None  # own targets, chosen
    assert "your own targets" in _role_info(role_form)  # the role form above, redrawn
    assert role_form.fields["role_profile"].value is None
    after = analysis.skill_gap_frame(session.workbook, session.role).set_index("skill")
    assert before.loc["Python", "target"] == 4 and after.loc["Python", "target"] == 5  # own
    assert set(after.index) == {s.name for s in saved.skills}  # no profile-only skills


def test_add_missing_skills_keeps_the_role_profile(tmp_path):
    session = _data_engineer_session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view, "Strong Python and SQL; Docker and Kubernetes.")
    view.buttons["add"].click()
    assert "your skill list now includes the posting's skills" in html.unescape(
        view.status.value)
    assert cw.load(session.path).role_profile == "data_engineer"


def test_posting_table_shows_the_targets_the_charts_use(tmp_path):
    """Python 4 meets the Data Engineer level 4 in the gap chart: the table says so too
    (not "4 / 5 below your target", the person's own 5)."""
    from career_workbook import analysis

    session = _data_engineer_session(tmp_path)
    chart = analysis.skill_gap_frame(session.workbook, session.role).set_index("skill")
    view = ui.posting_fit_form(session)
    _check(view, "Strong Python and SQL.")
    rows = {s.skill: s for s in view.state["fit"].skills}
    assert rows["Python"].target == chart.loc["Python", "target"] == 4
    assert rows["Python"].status == "meets"
    python_row = view.children[3].value.split("<b>Python</b>")[1].split("</tr>")[0]
    assert "<td>4 / 4</td>" in python_row and "✓ meets your target" in python_row
    assert "the Data Engineer level is 4: you meet it" in python_row
    # once the role is cleared elsewhere, the table follows the charts again
    with store.edit(session.path) as wb:
        wb.role_profile = None
    session.reload()
    session.notify()
    assert {s.skill: s.target for s in view.state["fit"].skills}["Python"] == 5


def test_an_empty_paste_asks_for_a_posting_and_clears_old_messages(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    view.buttons["add"].click()
    assert "Saved at" in view.status.value
    for empty in ("", "<div><p>&nbsp;</p></div>"):
        html = _check(view, empty)
        assert "Paste a job posting first" in html, html
        assert "No skills" not in html and not _suggestions(view).children
        assert view.status.value == ""  # the old "Saved at ..." is gone
        assert view.buttons["profile"].disabled


def test_text_with_no_skills_does_not_point_at_a_missing_table(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    html = _check(view, "Lorem ipsum dolor sit amet.")
    shown = html + _html_of(_suggestions(view))
    assert "No skills from the catalog" in html and "table above" not in shown


def test_a_skill_added_in_another_tab_counts_once_as_that_skill(tmp_path):
    """Red team K item 8: Tableau added to the list in another tab, then a posting with
    "Tableau" checked here: it counted as Tableau and as Data Visualisation too, and "Add
    missing skills" added Data Visualisation."""
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    with store.edit(session.path) as wb:  # another tab
        wb.skills.append(Skill(name="Tableau"))
    page = html.unescape(text_of(_check(view, "Analyst: SQL and Tableau dashboards.")))
    assert "It asks for 2 skills" in page, page
    assert "Data Visualisation" not in page and "Tableau" in page
    assert view.buttons["add"].layout.display == "none"  # nothing missing: both are mine


def test_a_save_elsewhere_leaves_an_unchecked_form_as_it_is_and_the_check_reads_it(tmp_path):
    """Issue 15: notebook 05's "Use this role" (a save that changes the role or the skills)
    built this form again, 13 widgets opened and 15 closed for the same empty form; its
    buttons now read the session's workbook when pressed, so the form stays as it is, and a
    check afterwards reads the workbook as saved (the skill added here is the person's)."""
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    body = view.children
    assert session.save(lambda wb: setattr(wb, "role_profile", "data_analyst")).ok
    assert session.save(lambda wb: wb.skills.append(Skill(name="Tableau"))).ok
    assert len(view.children) == len(body)
    assert all(now is then for now, then in zip(view.children, body, strict=True))
    assert view.buttons["add"].disabled and view.buttons["profile"].disabled
    page = html.unescape(text_of(_check(view, "Analyst: SQL and Tableau dashboards.")))
    assert "It asks for 2 skills" in page and "Tableau" in page, page
    assert view.buttons["add"].layout.display == "none"  # Tableau is already in the list
    view.buttons["profile"].click()
    assert "Saved at" in view.status.value, view.status.value
    saved = cw.load(session.path)
    assert [s.name for s in saved.skills] == ["SQL", "Python", "Tableau"]
    assert saved.role_profile != "data_analyst"  # measured against the posting now


def test_a_checked_or_emptied_form_is_built_again_after_a_save(tmp_path):
    """A form that shows a fit (or the "paste a posting first" notice) is built from the
    workbook as saved, as before: the fit's rows change with the skills."""
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    assert "not in your list" in _check(view, "Analyst: SQL and Tableau dashboards.")
    assert session.save(lambda wb: wb.skills.append(Skill(name="Tableau"))).ok
    assert "not in your list" not in view.children[3].value
    assert "Tableau" in view.children[3].value
    assert "Paste a job posting first" in _check(view, "")
    assert session.save(lambda wb: wb.skills.append(Skill(name="Excel"))).ok
    assert view.children[3].value == ""  # built again: the notice of the empty paste goes
