"""Upgrade old workbook files to the current schema, one version at a time.

A migration is a pure function from the plain data of a file at version ``N`` (a ``dict``,
as read from YAML) to the data at version ``N + 1``. It never mutates its input.
:func:`migrate` applies the steps in order until :data:`~career_workbook.model.SCHEMA_VERSION`.
Add a step with the :func:`migration` decorator when the schema changes.

Schema history
--------------
1
    The preview format. A file without ``schema_version`` is version 1. It differs from
    version 2 in three places: check-ins live under ``checkins``; the person's job title is
    ``person.role``; an active goal has status ``"open"``. Its goals may have no
    ``created``: no step invents one (the day of the upgrade is not the day a goal was
    set); the workbook reads it as not recorded (``None``, see
    :class:`~career_workbook.model.Workbook`) and the pace is measured from the goal's first
    recorded progress.
2
    ``check_ins``, ``person.current_role``, goal status ``"active"``.
3
    The current format: adds ``opportunities`` (a pipeline of projects, roles, postings
    and invitations, each with its ``stage_history``) and the optional ``reputation``
    ratings of a 360 feedback entry, and the optional ``done_on`` of an action (the day it
    was marked done). A version-2 file is upgraded by setting the version: the new fields
    are optional and start empty (an action done before has no ``done_on``).

Examples
--------
>>> old = {"person": {"name": "Alex", "role": "Analyst"}, "checkins": [],
...        "goals": [{"id": "g1", "text": "Lead a project", "status": "open"}]}
>>> new = migrate(old)
>>> new["schema_version"], new["person"]["current_role"], new["goals"][0]["status"]
(3, 'Analyst', 'active')
>>> "checkins" in old and "checkins" not in new
True
>>> "created" in new["goals"][0]
False
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from career_workbook.model import SCHEMA_VERSION, Problem, WorkbookError

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""``from_version -> step`` that turns data at ``from_version`` into ``from_version + 1``."""

FIRST_VERSION = 1
"""The version assumed for a file that has no ``schema_version``."""


def migration(*, from_version: int) -> Callable[[Migration], Migration]:
    """Register ``func`` as the step from ``from_version`` to ``from_version + 1``.

    >>> @migration(from_version=99)
    ... def _demo(data):
    ...     return {**data, "demo": True}
    >>> MIGRATIONS.pop(99)({"a": 1})
    {'a': 1, 'demo': True}
    """

    def register(func: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"a migration from schema {from_version} is already registered")
        MIGRATIONS[from_version] = func
        return func

    return register


def schema_version_of(data: dict[str, Any], *, path: Any = None) -> int:
    """The ``schema_version`` of raw workbook data (``1`` when absent).

    >>> schema_version_of({"person": {"name": "Sam"}}), schema_version_of({"schema_version": 2})
    (1, 2)
    """
    version = data.get("schema_version", FIRST_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise WorkbookError(
            path=path,
            problems=[Problem("schema_version", version, "must be a whole number such as 2")],
        )
    if version < FIRST_VERSION:
        raise WorkbookError(
            path=path,
            problems=[Problem("schema_version", version, f"must be {FIRST_VERSION} or more")],
        )
    if version > SCHEMA_VERSION:
        raise WorkbookError(
            f"made by a newer Career Workbook (schema {version}); please upgrade "
            f"career-workbook (this version reads schema {SCHEMA_VERSION} and older)",
            path=path,
        )
    return version


def migrate(data: dict[str, Any], *, path: Any = None) -> dict[str, Any]:
    """Upgrade raw workbook data to the current schema; the input is left unchanged.

    Raises :class:`~career_workbook.model.WorkbookError` (naming ``path``) for a version that
    is not a whole number, or newer than this package supports.

    >>> migrate({"schema_version": 3, "person": {"name": "Sam"}})
    {'schema_version': 3, 'person': {'name': 'Sam'}}
    >>> migrate({"schema_version": 7, "person": {"name": "Sam"}})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: made by a newer Career Workbook (schema 7); please ...
    """
    if not isinstance(data, dict):
        raise WorkbookError(
            path=path,
            problems=[Problem("", type(data).__name__, "a workbook must be a mapping of fields")],
        )
    version = schema_version_of(data, path=path)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:  # pragma: no cover - a gap in the registry is a packaging bug
            raise WorkbookError(f"no migration from schema {version}", path=path)
        try:
            data = step(data)
        except WorkbookError as err:
            raise WorkbookError(path=path, problems=err.problems) from None
        version += 1
        rest = {key: value for key, value in data.items() if key != "schema_version"}
        data = {"schema_version": version, **rest}
    return data


def _rename(mapping: dict[str, Any], old: str, new: str, where: str) -> dict[str, Any]:
    """A copy of ``mapping`` with key ``old`` renamed to ``new`` (keeping its position)."""
    if old not in mapping:
        return dict(mapping)
    if new in mapping:
        field = f"{where}.{new}" if where else new
        raise WorkbookError(
            problems=[Problem(field, mapping[new], f"both '{old}' (old name) and '{new}' are set")]
        )
    return {(new if key == old else key): value for key, value in mapping.items()}


@migration(from_version=1)
def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Rename ``checkins`` and ``person.role``; goal status ``open`` becomes ``active``."""
    out = _rename(data, "checkins", "check_ins", "")
    person = out.get("person")
    if isinstance(person, dict):
        out["person"] = _rename(person, "role", "current_role", "person")
    goals = out.get("goals")
    if isinstance(goals, list):
        out["goals"] = [
            {**g, "status": "active"} if isinstance(g, dict) and g.get("status") == "open" else g
            for g in goals
        ]
    return out


@migration(from_version=2)
def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Nothing to rename: ``opportunities``, ``feedback[].reputation`` and ``actions[].done_on``
    are new and optional.

    >>> _v2_to_v3({"person": {"name": "Sam"}, "feedback": []})
    {'person': {'name': 'Sam'}, 'feedback': []}
    """
    return dict(data)
