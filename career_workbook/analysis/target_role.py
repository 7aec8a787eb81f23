"""One target role: what notebook 05 compares the person with, why, and whether that agrees
with the target role they gave in Start here (notebook 00).

The rule is :func:`career_workbook.catalog.pick_role`: a profile chosen in notebook 05 wins;
with none chosen there, the target role decides when it names a catalog profile (its title,
capitals and extra spaces aside); otherwise the person's own targets. Neither field is ever
changed to match the other: when they disagree, both notebooks say so in one sentence
(:func:`role_note`) with how to make them agree.

Examples
--------
>>> from types import SimpleNamespace as NS
>>> sds, de = NS(id="sds", title="Senior Data Scientist"), NS(id="de", title="Data Engineer")
>>> catalog = NS(roles={"sds": sds, "de": de}, find_role=lambda text: None)
>>> wb = NS(role_profile=None, person=NS(target_role="senior data scientist"))
>>> basis = role_basis(wb, catalog)
>>> basis.role.title, basis.why
('Senior Data Scientist', 'target role')
>>> wb.role_profile = "de"
>>> role_note(role_basis(wb, catalog), "05")[0]
'Your target role in Start here is “senior data scientist”, but you chose the “Data Engineer” profile here: to make them agree, pick “Senior Data Scientist” above, or change your target role in Start here to “Data Engineer”.'
"""  # noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["RoleBasis", "role_basis", "role_note", "why_words"]

Why = Literal["chosen", "target role", "own chosen", "own", "missing"]
Where = Literal["00", "05"]


@dataclass(frozen=True)
class RoleBasis:
    """What readiness and gaps are measured against, and why.

    ``role`` is the catalog profile (``None``: the person's own targets); ``why`` is
    ``"chosen"`` (picked in notebook 05), ``"target role"`` (the target role names it),
    ``"own chosen"`` (own targets picked in notebook 05), ``"own"`` (nothing picked and the
    target role names no profile) or ``"missing"`` (a profile the catalog does not have).
    ``target`` is the target role as typed, ``named`` the profile it names and ``close``
    the one it resembles (``catalog.find_role``), each ``None`` when there is none.
    """

    role: Any
    why: Why
    target: str
    named: Any = None
    close: Any = None


def role_basis(wb: Any, catalog: Any, *, target_role: str | None = None) -> RoleBasis:
    """The :class:`RoleBasis` of ``wb`` (``target_role``: the target role being typed, in
    place of the saved one).

    >>> from types import SimpleNamespace as NS
    >>> ux = NS(id="ux", title="UX Designer")
    >>> catalog = NS(roles={"ux": ux}, find_role=lambda text: ux if "design" in text else None)
    >>> wb = NS(role_profile="", person=NS(target_role="UX Designer"))
    >>> basis = role_basis(wb, catalog)
    >>> basis.role, basis.why, basis.named.id
    (None, 'own chosen', 'ux')
    >>> role_basis(wb, catalog, target_role="Product designer").close.id
    'ux'
    """
    from career_workbook.catalog import missing_role, pick_role, role_named

    target = (wb.person.target_role if target_role is None else target_role).strip()
    chosen = wb.role_profile
    role = pick_role(chosen, target, catalog)
    if role is not None:
        why: Why = "target role" if chosen is None else "chosen"
    elif chosen and missing_role(wb, catalog) is not None:
        why = "missing"
    else:
        why = "own" if chosen is None else "own chosen"
    find = getattr(catalog, "find_role", None)
    return RoleBasis(role, why, target, role_named(target, catalog),
                     find(target) if find is not None and target else None)


def why_words(basis: RoleBasis) -> str:
    """Why notebook 05 compares with what it does, as its role form says it.

    >>> from types import SimpleNamespace as NS
    >>> why_words(RoleBasis(NS(title="Teacher"), "target role", "teacher"))
    'from your target role in Start here'
    >>> why_words(RoleBasis(None, "own", ""))
    'no role profile chosen'
    """
    return {"chosen": "chosen here", "target role": "from your target role in Start here",
            "own chosen": "chosen here", "own": "no role profile chosen",
            "missing": "the profile saved is not in the catalog"}[basis.why]


def _agrees(basis: RoleBasis) -> bool:
    """Whether the profile chosen in notebook 05 is the target role's: named by it, or
    resembled by it (an alias, more words: "Ward Manager" for "Healthcare Manager")."""
    role = basis.role
    return basis.named is role or (basis.named is None and basis.close is role)


def role_note(basis: RoleBasis, where: Where) -> tuple[str, str]:
    """``(sentence, kind)``: what notebook ``where`` (``"00"``, Start here, or ``"05"``,
    skill gap) says about the target role and the profile of notebook 05. When they
    disagree, one sentence with how to make them agree (kind ``"warning"``, the same
    disagreement in both places); else, in Start here, which profile notebook 05 uses
    (``"info"``); else ``("", "")``.

    >>> from types import SimpleNamespace as NS
    >>> sds, de = NS(title="Senior Data Scientist"), NS(title="Data Engineer")
    >>> role_note(RoleBasis(de, "chosen", "Senior Data Scientist", sds), "00")[0]
    'Notebook 05 compares you with the “Data Engineer” profile (chosen there), not “Senior Data Scientist”, your target role here: to make them agree, change the target role here to “Data Engineer”, or pick “Senior Data Scientist” in notebook 05.'
    >>> role_note(RoleBasis(None, "own chosen", "Senior Data Scientist", sds), "05")[0]
    'Your target role in Start here is “Senior Data Scientist”, which has a catalog profile, but you chose your own targets here: to make them agree, pick “Senior Data Scientist” above.'
    >>> role_note(RoleBasis(sds, "target role", "Senior Data Scientist", sds), "00")
    ('Notebook 05 compares you with the catalog’s “Senior Data Scientist” profile, the one this target role names.', 'info')
    >>> role_note(RoleBasis(sds, "target role", "Senior Data Scientist", sds), "05")
    ('', '')
    """  # noqa: E501
    role, target, named = basis.role, basis.target, basis.named
    start = where == "00"
    if target and role is not None and basis.why == "chosen" and not _agrees(basis):
        title = role.title
        if start:
            other = (f"pick “{named.title}” in notebook 05" if named is not None
                     else "pick another profile in notebook 05")
            return (f"Notebook 05 compares you with the “{title}” profile (chosen there), "
                    f"not “{target}”, your target role here: to make them agree, change the "
                    f"target role here to “{title}”, or {other}.", "warning")
        other = (f"pick “{named.title}” above" if named is not None
                 else "pick the profile that fits it above")
        return (f"Your target role in Start here is “{target}”, but you chose the “{title}” "
                f"profile here: to make them agree, {other}, or change your target role in "
                f"Start here to “{title}”.", "warning")
    if named is not None and basis.why == "own chosen":
        if start:
            return (f"Notebook 05 measures you against your own targets (chosen there), not "
                    f"the catalog’s “{named.title}” profile your target role names: to make "
                    f"them agree, pick “{named.title}” in notebook 05.", "warning")
        return (f"Your target role in Start here is “{target}”, which has a catalog profile, "
                f"but you chose your own targets here: to make them agree, pick "
                f"“{named.title}” above.", "warning")
    if start and role is not None:
        how = ("the one this target role names" if basis.why == "target role"
               else "chosen there")
        return (f"Notebook 05 compares you with the catalog’s “{role.title}” profile, {how}.",
                "info")
    return "", ""
