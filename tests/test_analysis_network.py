"""analysis.network: contacts as of a day, relationship mix, suggestions."""

from __future__ import annotations

import math
from datetime import date

import pytest

from career_workbook.analysis.network import (
    ACTIVE_DAYS,
    BY_RELATIONSHIP_COLUMNS,
    NETWORK_COLUMNS,
    network_summary,
)
from career_workbook.model import Contact


@pytest.fixture
def net(rich_wb, today):
    return network_summary(rich_wb, today)


def test_contacts_frame(net, rich_wb, today):
    contacts = net.contacts.set_index("contact_id")
    assert list(net.contacts.columns) == list(NETWORK_COLUMNS)
    assert contacts.loc["c1", "days_since"] == (today - date(2026, 10, 1)).days
    assert math.isnan(contacts.loc["c4", "days_since"])
    assert contacts.loc["c1", ["overdue", "days_overdue"]].tolist() == [True, 21.0]
    assert contacts.loc["c3", ["overdue", "days_overdue"]].tolist() == [False, 0.0]
    assert not contacts.loc["c2", "overdue"] and math.isnan(contacts.loc["c2", "days_overdue"])
    assert net.overdue_count == 2


def test_by_relationship_and_flags(net):
    by_rel = net.by_relationship.set_index("relationship")
    assert list(net.by_relationship.columns) == list(BY_RELATIONSHIP_COLUMNS)
    assert list(by_rel.index) == ["mentor", "peer", "manager", "industry"]
    assert by_rel["count"].sum() == 4
    assert by_rel.loc["mentor", "active_90d"] == 1 and by_rel.loc["peer", "active_90d"] == 0
    assert by_rel.loc["manager", "mean_strength"] == 5.0
    assert net.active_share == 0.5  # Ana (52 days) and Cy (7 days) of four
    assert net.has_mentor and not net.has_sponsor


def test_suggestions_name_what_is_missing(net, rich_wb, today):
    assert net.suggestions[0].startswith("You have no sponsor yet")
    assert any("2 follow-ups are overdue" in s and "Ana Ruiz (3 weeks late)" in s
               for s in net.suggestions)
    rich_wb.contacts.append(Contact(name="Eve", relationship="sponsor",
                                    last_contact=date(2026, 11, 1)))
    assert not any("sponsor" in s for s in network_summary(rich_wb, today).suggestions)


def test_a_follow_up_years_late_is_said_in_years(empty_wb):
    # "start with Dana (2405 days late)"
    empty_wb.contacts = [Contact(name="Dana", next_follow_up=date(2020, 1, 1))]
    [said] = [s for s in network_summary(empty_wb, date(2026, 8, 2)).suggestions
              if "overdue" in s]
    assert said.endswith("start with Dana (6 years late).")


def test_active_window_boundary(empty_wb):
    today = date(2026, 6, 1)
    empty_wb.contacts = [
        Contact(name="In", last_contact=date.fromordinal(today.toordinal() - ACTIVE_DAYS)),
        Contact(name="Out", last_contact=date.fromordinal(today.toordinal() - ACTIVE_DAYS - 1)),
    ]
    assert network_summary(empty_wb, today).active_share == 0.5


def test_empty_network(empty_wb, today):
    net = network_summary(empty_wb, today)
    assert net.contacts.empty and net.by_relationship.empty
    assert list(net.contacts.columns) == list(NETWORK_COLUMNS)
    assert (net.active_share, net.has_mentor, net.overdue_count) == (0.0, False, 0)
    assert len(net.suggestions) == 1 and "empty" in net.suggestions[0]
