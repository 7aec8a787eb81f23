"""Undo a removal: put a removed record back where it was, unless it is back already.

A record form's "Remove this ..." takes one record out of a list of the workbook file;
its Undo puts it back (:func:`~career_workbook.widgets.fields.record_editor`). Both run
under the file lock on the file as it is then, so what changed elsewhere in between is kept.
These helpers decide, without I/O or widgets:

- :func:`removal` remembers the record, its position and its neighbours;
- :func:`put_back` puts it back after the record it followed (else before the one that
  followed it, else at the same position, else at the end), or refuses when a record of
  the same identity (:func:`identity`) was added elsewhere meanwhile: no second copy.

Examples
--------
>>> from career_workbook.model import Skill
>>> skills = [Skill(name="SQL"), Skill(name="Python"), Skill(name="Writing")]
>>> gone = removal(skills, 1)
>>> skills.pop(1).name
'Python'
>>> skills.insert(0, Skill(name="Excel"))  # added elsewhere meanwhile
>>> put_back(skills, gone, "skill", lambda s: s.name)
2
>>> [s.name for s in skills]
['Excel', 'SQL', 'Python', 'Writing']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from career_workbook.model import WorkbookError, duplicate_key
from career_workbook.widgets.merge import record_key

__all__ = ["Removal", "back_already", "identity", "put_back", "put_back_index", "removal"]

_NAMES = ("name", "title", "text")
"""The field that names a record (the first a model has)."""
_TELLS_APART = ("date", "organisation")
"""Fields that tell two records of the same name apart (two achievements on two days,
two people named Dana Lee at two organisations)."""


@dataclass(frozen=True)
class Removal:
    """A record taken out of a list: the record, its position, the :func:`record_key` of the
    records before and after it, and those of every record left in the list."""

    record: Any
    index: int
    before: Any
    after: Any
    left: frozenset[Any]


def removal(items: Sequence[Any], index: int) -> Removal:
    """What Undo needs to know before ``items[index]`` is removed.

    >>> from career_workbook.model import Value
    >>> gone = removal([Value(name="Autonomy"), Value(name="Craft")], 0)
    >>> gone.index, gone.before, gone.after
    (0, None, ('name', 'Craft'))
    """
    keys = [record_key(item) for item in items]
    return Removal(record=items[index], index=index,
                   before=keys[index - 1] if index > 0 else None,
                   after=keys[index + 1] if index + 1 < len(keys) else None,
                   left=frozenset(keys[:index] + keys[index + 1:]))


def identity(record: Any) -> set[tuple[Any, ...]]:
    """The keys that make two records "the same one": its id, and its name (or title, or
    text) with its date and organisation, each compared as the workbook compares names
    (:func:`~career_workbook.model.duplicate_key`: case and outer spaces aside).

    >>> from datetime import date
    >>> from career_workbook.model import Achievement, Contact
    >>> sorted(identity(Contact(id="c1", name=" Dana Lee", organisation="Acme")))
    [('id', 'c1'), ('name', 'dana lee', 'acme')]
    >>> identity(Achievement(date=date(2026, 5, 1), title="Shipped"))
    {('title', 'shipped', datetime.date(2026, 5, 1))}
    """
    fields = type(record).model_fields
    keys: set[tuple[Any, ...]] = set()
    if "id" in fields:
        keys.add(("id", duplicate_key(record.id)))
    name = next((n for n in _NAMES if n in fields), None)
    if name is not None:
        apart = tuple(duplicate_key(v) if isinstance(v, str) else v
                      for v in (getattr(record, f) for f in _TELLS_APART if f in fields))
        keys.add((name, duplicate_key(getattr(record, name)), *apart))
    return keys


def back_already(items: Sequence[Any], gone: Removal) -> Any | None:
    """The record of ``items`` that is ``gone.record`` again: of the same :func:`identity`,
    and added (or renamed to it) since the removal. ``None`` when there is none; a record
    that was already in the list then (two actions both called "Follow up") is no reason
    to refuse.

    >>> from career_workbook.model import Skill
    >>> gone = removal([Skill(name="SQL"), Skill(name="Python")], 0)
    >>> back_already([Skill(name="Python"), Skill(name="sql ")], gone).name
    'sql '
    >>> back_already([Skill(name="Python")], gone) is None
    True
    """
    mine = identity(gone.record)
    return next((item for item in items if type(item) is type(gone.record)
                 and record_key(item) not in gone.left and identity(item) & mine), None)


def put_back_index(items: Sequence[Any], gone: Removal) -> int:
    """Where ``gone.record`` fits in ``items`` now: after the record it followed, else
    before the one that followed it, else at its old position, else at the end.

    >>> from career_workbook.model import Value
    >>> values = [Value(name=n) for n in ("A", "B", "C", "D")]
    >>> gone = removal(values, 2)
    >>> put_back_index([Value(name=n) for n in ("B", "D")], gone)  # "A" removed elsewhere
    1
    >>> put_back_index([Value(name=n) for n in ("X", "D")], gone)  # "B" gone too: before "D"
    1
    >>> put_back_index([Value(name="X")], gone)  # neither: the end (2 is past it)
    1
    """
    keys = [record_key(item) for item in items]
    if gone.before is not None and gone.before in keys:
        return keys.index(gone.before) + 1
    if gone.after is not None and gone.after in keys:
        return keys.index(gone.after)
    return min(gone.index, len(items))


def put_back(items: list[Any], gone: Removal, noun: str,
             describe: Callable[[Any], str]) -> int:
    """Insert ``gone.record`` into ``items`` (:func:`put_back_index`); return its index.

    Raises :class:`~career_workbook.model.WorkbookError` naming the record when the same one
    was added elsewhere since it was removed (:func:`back_already`); ``items`` is unchanged.

    >>> from career_workbook.model import Skill
    >>> skills = [Skill(name="SQL")]
    >>> gone = removal(skills, 0)
    >>> skills[:] = [Skill(name="Sql", importance=5)]
    >>> put_back(skills, gone, "skill", lambda s: s.name)
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: the skill “Sql” was added again elsewhere since you removed it, so putting it back would make two
    """  # noqa: E501
    there = back_already(items, gone)
    if there is not None:
        raise WorkbookError(f"the {noun} “{describe(there)}” was added again elsewhere since "
                            "you removed it, so putting it back would make two")
    index = put_back_index(items, gone)
    items.insert(index, gone.record)
    return index
