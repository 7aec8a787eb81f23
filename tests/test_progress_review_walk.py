"""A person's goal review over time (notebook 09): a deadline moved, then the goal dropped
or done; what the status line says after each save."""

from __future__ import annotations

from datetime import date

import career_workbook as cw
from career_workbook import widgets as ui
from tests.helpers.html_text import text_of

TODAY = date(2026, 12, 6)


def _review(path, gid: str, **values):
    view = ui.goal_review(ui.Session(path, today=TODAY))
    view.state["goal_id"] = gid
    view.rebuild()
    for key, value in values.items():
        view.fields[key].widget.value = value
    view.buttons["save"].click()
    return text_of(view.status.value)


def _goal(path, text: str):
    with cw.edit(path) as wb:
        wb.goals.append(cw.Goal(id="g1", text=text, status="active",
                                created=date(2026, 1, 5), deadline=date(2026, 12, 31)))


def test_a_goal_dropped_after_its_deadline_moved_is_not_asked_to_reword(path):
    _goal(path, "Lead two project reviews by 31 December 2026")
    said = _review(path, "g1", deadline="2027-03-31")
    assert "wording still says “by 31 December 2026”" in said  # asked while active
    said = _review(path, "g1", status="dropped")
    assert "dropped" in said and "wording still says" not in said
    assert cw.load(path).goals[0].status == "dropped"


def test_the_offered_wording_ends_with_one_full_stop(path):
    _goal(path, "Lead two project reviews by 31 December 2026.")
    said = _review(path, "g1", deadline="2027-03-31")
    assert "e.g. “Lead two project reviews by 31 March 2027.”" in said
    assert "2027.”." not in said


def test_start_leaves_no_widget_or_script_text_in_a_notebook_saved_without_widgets(
        path, monkeypatch):
    # `career-workbook run` output opened by a coach showed, under every notebook's header,
    # "Button(description='Refresh', layout=Layout(display='none'), ..." and
    # "<IPython.core.display.Javascript object>"
    from helpers.fakes import FakeDisplay
    from IPython.core.formatters import DisplayFormatter

    from career_workbook.widgets import display as display_mod
    from career_workbook.widgets import session as session_mod

    pub = FakeDisplay()
    monkeypatch.setattr(display_mod, "publish", pub)
    session_mod.start(path, today=TODAY.isoformat())
    formatter = DisplayFormatter()
    bundles = [formatter.format(obj)[0] for obj in pub.shown]
    plain = [b.get("text/plain", "") for b in bundles if "text/html" not in b]  # as shown
    assert pub.shown and not any("Button(" in text or "IPython.core.display" in text
                                 for text in plain), plain


def test_when_every_goal_is_done_or_dropped_the_next_action_is_a_new_goal(path):
    # Sam finished one goal and dropped the other: the list (and the pack's next
    # actions) said only "Record a check-in", or "you are up to date. Well done!"
    from career_workbook import analysis

    with cw.edit(path) as wb:
        wb.goals += [cw.Goal(id="g1", text="Pass the exam by June 2026", status="done",
                             created=date(2026, 1, 5), completed_on=date(2026, 6, 1)),
                     cw.Goal(id="g2", text="Lead two reviews by March 2026", status="dropped",
                             created=date(2026, 1, 5))]
        wb.check_ins.append(cw.CheckIn(date=date(2026, 12, 1), motivation=7))
    frame = analysis.next_actions_frame(cw.load(path), TODAY)
    first = frame.iloc[0]
    assert (first["kind"], first["item"]) == ("next goal", "Set your next goal")
    assert first["reason"] == ("1 goal done and 1 dropped, none active — choose what comes "
                               "next in step 04")
    with cw.edit(path) as wb:  # a goal drafted: the plan goes on, nothing to say
        wb.goals.append(cw.Goal(id="g3", text="Mentor a junior by May 2027", status="draft"))
    assert "next goal" not in set(analysis.next_actions_frame(cw.load(path), TODAY)["kind"])


def test_the_scorecard_headline_asks_nothing_of_a_goal_already_done(path):
    # the pack's scorecard said "Achievable: not judged for 1 goal — give it a confidence
    # (1-10)" of the one goal Sam had finished in June
    from career_workbook import analysis
    from career_workbook.analysis.scorecard import scorecard_verdict

    with cw.edit(path) as wb:
        wb.goals.append(cw.Goal(id="g1", text="Pass the AWS exam by 30 June 2026",
                                status="done", created=date(2026, 1, 5),
                                deadline=date(2026, 6, 30), completed_on=date(2026, 6, 1)))
    card = analysis.smart_scorecard_frame(cw.load(path), TODAY)
    head, _ = scorecard_verdict(card)
    assert "confidence" not in head, head


def test_the_check_in_help_quotes_a_goal_ending_with_a_full_stop_once(path):
    with cw.edit(path) as wb:
        wb.goals.append(cw.Goal(id="g1", text="Be appointed team lead by 31 March 2027.",
                                status="active", created=date(2026, 1, 5)))
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    said = text_of(view.fields["progress.g1"].help.value)
    assert "% done of “Be appointed team lead by 31 March 2027.”" in said
    assert "2027.”." not in said
