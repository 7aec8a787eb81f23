"""Red-team walk S: a heavy user (three years of use: 250 contacts, 40 goals, 150 check-ins)
and extreme text, through the forms, the charts and the pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis import network
from career_workbook.model import Contact

TODAY = "2026-11-22"


def _contacts(n: int) -> list[Contact]:
    return [Contact(id=f"c{i}", name=f"Person {i % (n // 2)}",
                    relationship=("peer", "mentor")[i % 2], organisation=f"Org {i % 3}")
            for i in range(n)]


def test_contact_label_is_the_lists_label_whatever_the_names() -> None:
    """One contact's label is the one the whole list gives it: twins, a name that reads
    like another's label ("Ann (peer)"), the same name twice in one organisation."""
    people = [Contact(id="a", name="Ann"), Contact(id="b", name="Ann (peer)"),
              Contact(id="c", name="ann"), Contact(id="d", name="Ann"),
              Contact(id="e", name="Bo"), Contact(id="f", name="Ann (peer)"),
              Contact(id="g", name="Bo Chen", organisation="Acme"),
              Contact(id="h", name="bo  chen", organisation="Acme")]
    for relationship in (False, True):
        whole = network.contact_labels(people, relationship=relationship)
        assert [network.contact_label(c, people, relationship=relationship)
                for c in people] == whole
    assert network.contact_label(Contact(id="new", name="Bo"), people) == "Bo (peer) #2"


def test_contacts_form_names_each_contact_once_not_once_per_contact(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S2: notebook 07's form with 250 contacts took 2.4 s to open: each contact's label
    worked out every contact's label again (250 x 250). Fails on the old code (200 contacts:
    40,000 labels worked out)."""
    wb = cw.new_workbook("Hedda Heavy", today=date(2026, 1, 5))
    wb.contacts = _contacts(200)
    path = tmp_path / "hedda.yaml"
    store.save(wb, path)
    calls = 0
    detail = network.contact_detail

    def counted(contact: Contact, organisation: bool) -> str:
        nonlocal calls
        calls += 1
        return detail(contact, organisation)

    monkeypatch.setattr(network, "contact_detail", counted)
    ui.contacts_form(ui.Session(path, today=TODAY))
    assert 0 < calls <= 10 * len(wb.contacts)


def test_goal_reached_100_is_done_on_the_timeline_as_on_the_progress_chart() -> None:
    """S1: a goal still marked active whose check-ins reached 100 % is done for the cover
    and the progress chart ("27 done"), but the action plan's timeline drew it orange and
    headlined it "11 goals are past the deadline". Fails on the old code."""
    from career_workbook import analysis, figures

    wb = cw.new_workbook("Hedda Heavy", today=date(2025, 1, 6))
    wb.goals = [cw.Goal(id="g1", text="Publish a blog series by June 2025", status="active",
                        created=date(2025, 1, 6), deadline=date(2025, 6, 30)),
                cw.Goal(id="g2", text="Lead the planning review by May 2025", status="active",
                        created=date(2025, 1, 6), deadline=date(2025, 5, 31))]
    wb.check_ins = [cw.CheckIn(date=date(2025, 6, 2), progress={"g1": 100, "g2": 40})]
    wb = cw.validate_workbook(wb)
    today = date(2026, 11, 22)
    counts = analysis.goal_counts(
        (st.goal.status, st.track) for st in analysis.goal_statuses(wb, today))
    assert (counts.done, counts.overdue) == (1, 1)
    timeline = figures.make_figure(wb, "goal_timeline", today=today)
    assert figures.chart_title(timeline, "goal_timeline") == "1 goal is past the deadline"


def test_a_long_list_has_a_find_box_that_chooses_the_record(tmp_path: Path) -> None:
    """S4: the contacts form's chooser of 250 contacts is a native dropdown whose labels
    start with a number ("248. Wen Okafor"): typing a name found nothing, a person had to
    scroll. From FIND_FROM records a Find box chooses the first whose name holds what is
    typed (accents and case aside) and fills the form. Fails on the old code (no box)."""
    from career_workbook.widgets.fields import FIND_FROM

    wb = cw.new_workbook("Hedda Heavy", today=date(2026, 1, 5))
    wb.contacts = [Contact(id=f"c{i}", name=f"Person {i}") for i in range(FIND_FROM + 5)]
    wb.contacts.append(Contact(id="zoe", name="Zoë O'Neil", organisation="Acme"))
    path = tmp_path / "hedda.yaml"
    store.save(wb, path)
    view = ui.contacts_form(ui.Session(path, today=TODAY))
    finds = _find_boxes(view)
    assert len(finds) == 1
    finds[0].value = "zoe oneil"
    assert view.fields["name"].value == "Zoë O'Neil"
    assert view.fields["organisation"].value == "Acme"
    _find_boxes(view)[0].value = "nobody like this"
    assert "No contact matches “nobody like this”" in view.status.value
    assert view.fields["name"].value == "Zoë O'Neil"  # the form kept what it showed


def test_a_short_list_has_no_find_box(tmp_path: Path) -> None:
    """The examples' lists (at most a dozen records) keep their forms as they were."""
    wb = cw.new_workbook("Sam Short", today=date(2026, 1, 5))
    wb.contacts = _contacts(8)
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    assert _find_boxes(ui.contacts_form(ui.Session(path, today=TODAY))) == []


def _find_boxes(view: ui.FormView) -> list:
    import ipywidgets as widgets

    found, todo = [], [view]
    while todo:
        w = todo.pop()
        if isinstance(w, widgets.Text) and w.description == "Find":
            found.append(w)
        todo.extend(getattr(w, "children", ()))
    return found


def test_feedback_360_names_at_most_a_dozen_spots_and_counts_the_rest() -> None:
    """S5: with 40 skills rated, the 360 chart named all 40: the labels filled the plot
    from 0 to 5, most far from their dots ("Service Orientation" at 0.6 beside a dot at
    2.8). Beyond FEEDBACK_NAMED spots, the furthest from agreement are named and the
    subtitle counts the rest. Fails on the old code (40 labels, no count)."""
    import pandas as pd

    from career_workbook import charts
    from career_workbook.charts.skills import FEEDBACK_NAMED

    n = 40
    fb = pd.DataFrame({"skill": [f"Skill {i}" for i in range(n)],
                       "self": [1 + i % 5 for i in range(n)],
                       "others": [round(1 + (i * 7 % 40) / 10, 2) for i in range(n)],
                       "n_others": [5] * n})
    fig = charts.plot_feedback_360(fb)
    texts = [t.get_text() for t in fig.axes[0].texts]
    named = [t for t in texts if t.startswith("Skill ")]
    assert len(named) == FEEDBACK_NAMED
    gap = (fb["others"] - fb["self"]).abs()
    furthest = fb.loc[gap.sort_values(ascending=False, kind="stable").index[:3], "skill"]
    assert set(furthest) <= {s for t in named for s in t.split("; ")}
    subtitle = fig.axes[0].get_title(loc="left")
    assert f"{n - FEEDBACK_NAMED} more not named" in subtitle.replace("\n", " ")


def _hashes_text(n: int) -> str:
    from career_workbook.store import _header

    rows = "".join(f"- {{date: 2026-01-01, title: 'Award #{i}', impact: 'Shipped #{i}'}}\n"
                   for i in range(n))
    return _header() + "person: {name: Sam}\nachievements:\n" + rows


def test_hand_comments_looks_each_hash_up_not_through_every_text() -> None:
    """S9: every save asks whether the file holds comments written by hand; each ``#``
    was checked against every text of the file (hashes x texts): 100 achievements titled
    "... #47" in a workbook of 20,000 texts made each save of a form take 2.5 s. Four
    times the file takes about four times as long now, not sixteen. Fails on the old
    code (the ratio was about 15)."""
    import time

    from career_workbook.store import _hand_comments

    def took(text: str) -> float:
        t = time.process_time()  # CPU time: a busy machine's waits are not counted
        assert _hand_comments(text) is False
        return time.process_time() - t

    small, large = _hashes_text(400), _hashes_text(1600)
    # the best of nine, the two sizes taken in turn so a busy minute weighs on both
    pairs = [(took(small), took(large)) for _ in range(9)]
    assert min(b for _, b in pairs) / min(a for a, _ in pairs) < 8
    assert _hand_comments(large + "# written by hand\n") is True
    assert _hand_comments(large.replace("'Shipped #7'}", "'Shipped'}  # by hand")) is True
