"""F3: one person entered twice is one person. The contacts form refuses a second entry of
someone already in the list (the same name and organisation, capitals and spaces aside, or
the same email in the notes), naming the entry; counts (the start page, notebook 07's
chart and the network summary) count people, and say when the list holds someone twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import analysis, figures, store
from career_workbook import widgets as ui
from career_workbook.analysis.steps import step_progress
from career_workbook.model import Contact
from tests.helpers.html_text import text_of

TODAY = "2026-12-05"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", relationship="mentor",
                               organisation="Acme", notes="Email: dana.lee@acme.com"))
    p = tmp_path / "sam.yaml"
    store.save(wb, p)
    return p


def _add(path: Path, **fields) -> ui.FormView:
    view = ui.contacts_form(ui.Session(path, today=TODAY))
    for key, value in fields.items():
        view.fields[key].value = value
    view.buttons["save"].click()
    return view


@pytest.mark.parametrize(("fields", "says"), [
    ({"name": "dana   LEE", "organisation": " acme "},
     "You already have a contact named Dana Lee (mentor, Acme): choose them in the list "
     "above to change them."),
    ({"name": "D. Lee", "notes": "Met at the meetup; DANA.LEE@ACME.COM"},
     "Dana Lee (mentor, Acme) has the same email (dana.lee@acme.com): choose them in the "
     "list above to change them, or take the email out of these notes if two people "
     "share it."),
])
def test_the_form_refuses_someone_already_in_the_list_and_names_them(path, fields, says):
    before = path.read_bytes()
    view = _add(path, **fields)
    assert says in text_of(view.fields["name"].message.value)
    assert path.read_bytes() == before


def test_a_namesake_elsewhere_and_a_new_email_are_new_people(path):
    _add(path, name="Dana Lee", organisation="Globex")
    _add(path, name="Bo Chen", notes="bo@chen.org")
    assert [c.name for c in cw.load(path).contacts] == ["Dana Lee", "Dana Lee", "Bo Chen"]
    assert step_progress(cw.load(path))[7].progress == "3 contacts"


def _twice(path: Path) -> None:
    """The same person twice, as a file written by hand or an older release may hold."""
    with cw.edit(path) as wb:
        wb.contacts += [Contact(name="dana lee ", organisation="ACME",
                                last_contact=date(2026, 11, 30)),
                        Contact(name="Dee Lee", notes="dana.lee@acme.com"),
                        Contact(name="Bo Chen", last_contact=date(2025, 1, 5))]


def test_counts_count_people_and_say_so(path):
    from career_workbook.analysis.network import people

    _twice(path)
    wb = cw.load(path)
    assert [[c.name for c in p] for p in people(wb.contacts)] == [
        ["Dana Lee", "dana lee ", "Dee Lee"], ["Bo Chen"]]
    said = "2 contacts (4 entries: Dana Lee is in the list 3 times)"
    assert step_progress(wb)[7].progress == said  # the start page
    net = analysis.network_summary(wb, date(2026, 12, 5))
    assert net.active_share == 0.5  # Dana (reached 5 days ago, as “dana lee”), not Bo
    assert net.by_relationship.set_index("relationship").loc["peer", "count"] == 2
    fig = figures.make_figure(wb, "network", today=date(2026, 12, 5))  # notebook 07
    assert " ".join(fig.axes[0].get_title(loc="left").split()).startswith(said + ";")
    assert fig.get_suptitle() == "1 contact not reached in 90+ days"
