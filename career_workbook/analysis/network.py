"""The network: who the person knows, who they have not spoken to lately, who is missing.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Contact, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.contacts += [
...     Contact(id="c1", name="Ana", relationship="mentor", last_contact=date(2026, 10, 1),
...             next_follow_up=date(2026, 11, 1)),
...     Contact(id="c2", name="Bo", relationship="peer", last_contact=date(2025, 1, 1)),
... ]
>>> net = network_summary(wb, today=date(2026, 11, 22))
>>> net.has_mentor, net.has_sponsor, net.overdue_count, net.active_share
(True, False, 1, 0.5)
>>> float(net.contacts.loc[0, "days_overdue"])
21.0
>>> net.suggestions[0].split(" — ")[0]
'You have no sponsor yet'
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from career_workbook.model import RELATIONSHIPS, Contact, Workbook, person_key
from career_workbook.wording import duration

if TYPE_CHECKING:  # pragma: no cover - pandas loads with the first frame built
    import pandas as pd

__all__ = [
    "ACTIVE_DAYS",
    "BY_RELATIONSHIP_COLUMNS",
    "NETWORK_COLUMNS",
    "NetworkSummary",
    "RELATIONSHIP_LABELS",
    "RELATIONSHIP_NAMES",
    "contact_detail",
    "contact_label",
    "contact_labels",
    "follow_up_status",
    "network_summary",
    "overdue_follow_ups",
    "people",
]

ACTIVE_DAYS = 90
"""A contact is *active* when the last contact was at most this many days ago."""

NETWORK_COLUMNS = {
    "contact_id": "text", "person": "int", "name": "text", "label": "text",
    "relationship": "text",
    "organisation": "text",
    "last_contact": "date", "days_since": "float", "next_follow_up": "date",
    "overdue": "bool", "days_overdue": "float", "strength": "int",
}
BY_RELATIONSHIP_COLUMNS = {
    "relationship": "text", "count": "int", "active_90d": "int", "mean_strength": "float",
}


RELATIONSHIP_LABELS = {
    "mentor": "Mentor — advises you", "sponsor": "Sponsor — speaks up for you",
    "peer": "Peer", "manager": "Manager", "industry": "Industry — works where you want to go",
    "other": "Other",
}
"""A relationship as the contact form offers it."""
RELATIONSHIP_NAMES = {k: label.split(" — ")[0] for k, label in RELATIONSHIP_LABELS.items()}
"""The relationship as a table or a list shows it: the form's label without its gloss."""


def contact_detail(contact: Contact, organisation: bool) -> str:
    """``contact``'s name with its relationship (and its ``organisation`` when asked and
    known) in brackets.

    >>> contact_detail(Contact(name="Dana Kim", relationship="manager", organisation="Acme"),
    ...                True)
    'Dana Kim (manager, Acme)'
    """
    detail = [RELATIONSHIP_NAMES.get(contact.relationship, contact.relationship).lower()]
    if organisation and contact.organisation.strip():
        detail.append(contact.organisation.strip())
    return f"{contact.name} ({', '.join(detail)})"


def contact_labels(contacts: Sequence[Contact], *, relationship: bool = False) -> list[str]:
    """How a list of ``contacts`` names each one, the one rule of every list, table and
    chooser of contacts: the name alone (with ``relationship=True``, as a chooser shows
    it, with the relationship); when another contact has the same name (case, accents and
    punctuation aside), with the relationship and the organisation; ``#2``, ``#3``... if
    still alike.

    >>> people = [Contact(name="Dana Lee", relationship="mentor"),
    ...           Contact(name="dana lee", relationship="sponsor", organisation="Acme"),
    ...           Contact(name="Bo Chen")]
    >>> contact_labels(people)
    ['Dana Lee (mentor)', 'dana lee (sponsor, Acme)', 'Bo Chen']
    >>> contact_labels(people[2:], relationship=True)
    ['Bo Chen (peer)']
    >>> contact_labels([Contact(name="Ann"), Contact(name="Ann")])
    ['Ann (peer)', 'Ann (peer) #2']
    """
    names = Counter(person_key(c.name) for c in contacts)
    labels = [_label(c, names, relationship) for c in contacts]
    seen: Counter[str] = Counter()
    out = []
    for label in labels:
        seen[label] += 1
        out.append(_numbered(label, seen[label]))
    return out


def _numbered(label: str, n: int) -> str:
    """The ``n``-th contact labelled ``label`` in a list: ``label`` itself first, then
    ``label #2``, ``label #3``..."""
    return label if n == 1 else f"{label} #{n}"


def _label(contact: Contact, names: Counter[str], relationship: bool) -> str:
    """:func:`contact_labels`' label of ``contact`` before any ``#2``: ``names`` counts the
    :func:`person_key` of every contact's name in the list."""
    if names[person_key(contact.name)] > 1:
        return contact_detail(contact, True)
    return contact_detail(contact, False) if relationship else contact.name


def contact_label(contact: Contact, contacts: Sequence[Contact], *,
                  relationship: bool = False) -> str:
    """How :func:`contact_labels` names ``contact`` among ``contacts`` (in its place there,
    found by id; last when it is new): a record about to be saved, described as it is.

    >>> dana = Contact(id="c1", name="Dana Lee", relationship="mentor")
    >>> contact_label(Contact(name="Dana Lee", organisation="Acme"), [dana])
    'Dana Lee (peer, Acme)'
    """
    others = [contact if c.id == contact.id else c for c in contacts]
    if not any(c.id == contact.id for c in contacts):
        others.append(contact)
    index = next(i for i, c in enumerate(others) if c.id == contact.id)
    # one label worked out, not the whole list's (a form describes each of its 250
    # contacts): an earlier label is this one only when this one starts with its name
    names = Counter(person_key(c.name) for c in others)
    label = _label(contact, names, relationship)
    alike = 1 + sum(label.startswith(c.name) and _label(c, names, relationship) == label
                    for c in others[:index])
    return _numbered(label, alike)


@dataclass(frozen=True)
class NetworkSummary:
    """The network as of one day.

    Attributes
    ----------
    contacts : DataFrame
        ``contact_id``, ``person`` (one number for the entries of one person:
        :func:`people`), ``name``, ``label`` (the name as lists show it, told apart from
        another of the same name: :func:`contact_labels`), ``relationship``,
        ``organisation``, ``last_contact``,
        ``days_since`` (days since the last contact, NaN when none is recorded by then),
        ``next_follow_up``,
        ``overdue`` (the follow-up date is before today), ``days_overdue`` (days past the
        follow-up date, 0 if not yet due, NaN without one), ``strength`` (1-5). Workbook order.
    by_relationship : DataFrame
        ``relationship``, ``count`` (people), ``active_90d`` (people contacted within
        ``ACTIVE_DAYS``), ``mean_strength``; one row per relationship present, in the
        schema's order.
    active_share : float
        Share (0-1) of the people contacted within ``ACTIVE_DAYS`` (a person entered twice
        counts once); 0.0 with no contacts.
    has_mentor, has_sponsor : bool
    overdue_count : int
        Contacts whose follow-up date has passed.
    suggestions : list[str]
        Plain-language next steps, most important first.
    """

    contacts: pd.DataFrame
    by_relationship: pd.DataFrame
    active_share: float
    has_mentor: bool
    has_sponsor: bool
    overdue_count: int
    suggestions: list[str] = field(default_factory=list)


def _suggestions(wb: Workbook, frame: pd.DataFrame, active_share: float,
                 has_mentor: bool, has_sponsor: bool) -> list[str]:
    if frame.empty:
        return [
            "Your network list is empty — start with five people who know your work: your "
            "manager, two peers, someone senior, and someone already doing the job you want."
        ]
    out = []
    if not has_sponsor:
        out.append(
            "You have no sponsor yet — a sponsor is a senior person who speaks up for you in "
            "rooms you are not in. Who has seen your best work and has influence where you "
            "want to go?"
        )
    if not has_mentor:
        out.append(
            "You have no mentor yet — think of someone a step or two ahead of you whose "
            "judgement you trust, and ask them for a 30-minute conversation."
        )
    overdue = frame[frame["overdue"]].sort_values("days_overdue", ascending=False)
    if len(overdue):
        oldest = overdue.iloc[0]
        n = len(overdue)
        out.append(
            f"{n} follow-up{'s are' if n > 1 else ' is'} overdue — start with "
            f"{oldest['label']} ({duration(int(oldest['days_overdue']))} late)."
        )
    if active_share < 0.5:
        out.append(
            f"Only {active_share:.0%} of your contacts heard from you in the last "
            f"{ACTIVE_DAYS} days — pick two to message this week."
        )
    if not (frame["relationship"] == "industry").any() and wb.person.target_role.strip():
        out.append(
            f"Nobody in your list works in the wider industry — find one person who already "
            f"works as {wb.person.target_role.strip()} and ask how they got there."
        )
    return out


def people(contacts: list[Contact]) -> list[list[Contact]]:
    """The people behind ``contacts``: the entries of one person together
    (:meth:`Contact.same_person <career_workbook.model.Contact.same_person>`: the same
    name and organisation, or an email in common), in the order each person first appears.

    >>> ana = [Contact(name="Ana Silva", organisation="Acme"), Contact(name="ana  silva",
    ...        organisation="ACME"), Contact(name="Bo", notes="bo@x.org"),
    ...        Contact(name="Bo Chen", notes="BO@x.org"), Contact(name="Ana Silva")]
    >>> [[c.name for c in p] for p in people(ana)]
    [['Ana Silva', 'ana  silva'], ['Bo', 'Bo Chen'], ['Ana Silva']]
    """
    parent = list(range(len(contacts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[Any, int] = {}
    for i, c in enumerate(contacts):
        for key in (("name", c.person_key), *(("email", e) for e in c.emails)):
            parent[root(i)] = root(first.setdefault(key, i))
    groups: dict[int, list[Contact]] = {}
    for i, c in enumerate(contacts):
        groups.setdefault(root(i), []).append(c)
    return list(groups.values())


def follow_up_status(contact: Contact, today: date) -> tuple[bool, float]:
    """``(overdue, days_overdue)`` of a contact's follow-up as of ``today``.

    Overdue when the follow-up date is before ``today``; days overdue is 0 when not yet due
    and NaN without a follow-up date.

    >>> c = Contact(name="Ana", next_follow_up=date(2026, 11, 1))
    >>> follow_up_status(c, date(2026, 11, 22)), follow_up_status(c, date(2026, 10, 1))
    ((True, 21.0), (False, 0.0))
    """
    if contact.next_follow_up is None:
        return False, math.nan
    return (contact.next_follow_up < today,
            float(max((today - contact.next_follow_up).days, 0)))


def overdue_follow_ups(wb: Workbook, today: date) -> list[Contact]:
    """Contacts whose follow-up date has passed (see :func:`follow_up_status`), in order.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.contacts.append(Contact(name="Ana", next_follow_up=date(2026, 11, 1)))
    >>> [c.name for c in overdue_follow_ups(wb, date(2026, 11, 22))]
    ['Ana']
    """
    return [c for c in wb.contacts if follow_up_status(c, today)[0]]


def network_summary(wb: Workbook, today: date) -> NetworkSummary:
    """Summarise the network as of ``today`` (a last contact after it is not known yet, see
    :func:`~career_workbook.analysis.period.as_of`); see :class:`NetworkSummary`.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.contacts.append(Contact(name="Ana", last_contact=date(2026, 8, 1)))
    >>> bool(network_summary(wb, date(2026, 6, 30)).contacts["last_contact"].isna().all())
    True
    """
    from career_workbook.analysis.period import as_of
    from career_workbook.frames import build_frame

    wb = as_of(wb, today)
    person = {id(c): n for n, group in enumerate(people(wb.contacts)) for c in group}
    rows = []
    for c, label in zip(wb.contacts, contact_labels(wb.contacts), strict=True):
        since = math.nan if c.last_contact is None else float((today - c.last_contact).days)
        overdue, late = follow_up_status(c, today)
        rows.append((c.id, person[id(c)], c.name, label, c.relationship, c.organisation,
                     c.last_contact, since, c.next_follow_up, overdue, late, c.strength))
    frame = build_frame(rows, NETWORK_COLUMNS)

    # people, not entries: one person entered twice counts once (active when either is)
    active = frame["days_since"].le(ACTIVE_DAYS) & frame["days_since"].ge(0)
    by_rel = []
    for rel in RELATIONSHIPS:
        mask = frame["relationship"] == rel
        if mask.any():
            by_rel.append((rel, frame.loc[mask, "person"].nunique(),
                           frame.loc[mask & active, "person"].nunique(),
                           float(frame.loc[mask, "strength"].mean())))
    active_share = (frame.loc[active, "person"].nunique() / frame["person"].nunique()
                    if len(frame) else 0.0)
    has_mentor = bool((frame["relationship"] == "mentor").any())
    has_sponsor = bool((frame["relationship"] == "sponsor").any())
    return NetworkSummary(
        contacts=frame,
        by_relationship=build_frame(by_rel, BY_RELATIONSHIP_COLUMNS),
        active_share=active_share,
        has_mentor=has_mentor,
        has_sponsor=has_sponsor,
        overdue_count=int(frame["overdue"].sum()),
        suggestions=_suggestions(wb, frame, active_share, has_mentor, has_sponsor),
    )
