"""Saving a form without reverting edits made elsewhere: a three-way merge per field.

A form remembers what it was filled from. On Save, under the file lock, each field it shows
is decided on its own:

- the person did not change it -> the file's current value is kept (even if another
  notebook, the app or the CLI changed it meanwhile);
- the person changed it and nobody else did (or both made the same change) -> it is written;
- both changed it differently -> nothing is saved: :class:`EditConflict` names the field,
  and the form offers to reload. A list (one item per line) merges: the items the person
  added are added and the ones they removed are removed, whatever else changed; only an
  item both reworded, differently, is a conflict (:func:`list_clash`).

Examples
--------
>>> stored = {"name": "Sam", "coach": "", "strengths": ["Listening"]}
>>> theirs = {"name": "Sam", "coach": "Kim", "strengths": ["Listening", "Calm"]}
>>> mine = {"name": "Sam Lee", "coach": "", "strengths": ["Listening", "Writing"]}
>>> merge_fields(["name", "coach", "strengths"], stored=stored, filled=stored, mine=mine,
...              theirs=theirs)
{'name': 'Sam Lee', 'coach': 'Kim', 'strengths': ['Listening', 'Calm', 'Writing']}
>>> try:
...     merge_fields(["coach"], stored=stored, filled=stored, mine={"coach": "Ana"},
...                  theirs=theirs, labels={"coach": "Coach"})
... except EditConflict as err:
...     print(err)
“Coach” was changed to “Kim” in another window since this form was shown, and you changed it to “Ana”; press Reload to see the current version, then make your change again
"""  # noqa: E501

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from career_workbook.model import Problem, WorkbookError
from career_workbook.wording import short_date, shorten

__all__ = ["EditConflict", "added_elsewhere", "added_twice", "find_record", "find_renamed",
           "list_clash", "merge_fields", "merge_lists", "record_key", "same_key_rank",
           "RELOAD_HINT", "renamed_conflict"]

RELOAD_HINT = "press Reload to see the current version, then make your change again"


class EditConflict(WorkbookError):
    """The person and someone else changed the same field differently: nothing is saved.

    ``problems[i].field`` is the form key; the message names the field by its label.
    """

    def __init__(self, problems: Sequence[Problem], labels: Mapping[str, str] | None = None):
        labels = labels or {}
        text = "; ".join((f"“{labels.get(p.field, p.field)}”" if p.field else
                          labels.get("", "This entry"))
                         + ("" if p.message.startswith(":") else " ") + p.message
                         for p in problems)
        super().__init__(text, problems=problems)


def _get(source: Any, key: str) -> Any:
    if source is None:
        return None
    if isinstance(source, Mapping):
        return source.get(key)
    return getattr(source, key, None)


def _shown(value: Any, texts: Mapping[Any, str] | None = None) -> str:
    """``value`` as a message quotes it: a choice as its form shows it (``texts``, the
    option's text by its value: "Not now" for ``not_now``), a day as every message writes
    one.

    >>> _shown("not_now", {"not_now": "Not now"}), _shown(["a", "b"], {"a": "A"})
    ('“Not now”', '“A, b”')
    >>> _shown(date(2027, 3, 31)), _shown("")
    ('“31 Mar 2027”', '(empty)')
    >>> _shown("Email the head teacher about the booking-site rota before the end of term")
    '“Email the head teacher about the booking-site rota before…”'
    """
    if value is None or value == "" or value == []:
        return "(empty)"
    texts = texts or {}
    if isinstance(value, date):  # as every message writes a day
        text = short_date(value)
    elif isinstance(value, list):
        text = ", ".join(_text_of(v, texts) for v in value)
    else:
        text = _text_of(value, texts)
    return "“" + shorten(text) + "”"


def _text_of(value: Any, texts: Mapping[Any, str]) -> str:
    """The option text of ``value`` in ``texts``, else ``value`` itself as text."""
    try:
        return str(texts.get(value, value))
    except TypeError:  # unhashable: no choice of a dropdown
        return str(value)


def _apart(item: Any, *rewordings: Sequence[Any]) -> list[str]:
    """``item`` and its ``rewordings`` as text, a long beginning they share cut to "…" so
    that what differs shows.

    >>> _apart("Saying no to requests that have no decision attached", ["Saying no to "
    ...        "requests that have no decision attached (A)"])
    ['…decision attached', '…decision attached (A)']
    """
    texts = [str(item), *(", ".join(str(x) for x in words) for words in rewordings)]
    shared = os.path.commonprefix(texts)
    cut = shared.rfind(" ", 0, len(shared) - 15) if len(shared) > 40 else -1
    return [f"…{t[cut + 1:]}" for t in texts] if cut > 0 else texts


def merge_lists(filled: Sequence[Any], mine: Sequence[Any], theirs: Sequence[Any]) -> list[Any]:
    """``theirs`` with the items the person removed taken out and the ones added appended.

    >>> merge_lists(["a", "b"], ["a", "c"], ["a", "b", "x"])
    ['a', 'x', 'c']
    """
    removed = [x for x in filled if x not in mine]
    out = [x for x in theirs if x not in removed]
    out += [x for x in mine if x not in filled and x not in out]
    return out


def _rewordings(before: Sequence[Any], after: Sequence[Any]) -> dict[Any, tuple[Any, ...]]:
    """Each item of ``before`` that ``after`` has replaced in place, with what replaced it
    (items added or removed elsewhere in the list are not rewordings)."""
    try:
        matcher = difflib.SequenceMatcher(None, list(before), list(after), autojunk=False)
        opcodes = matcher.get_opcodes()
    except TypeError:  # items that cannot be compared this way (records): no rewording
        return {}
    out: dict[Any, tuple[Any, ...]] = {}
    for op, i1, i2, j1, j2 in opcodes:
        if op != "replace":
            continue
        for k, item in enumerate(before[i1:i2]):  # one for one, else the block for each
            out[item] = (after[j1 + k],) if i2 - i1 == j2 - j1 else tuple(after[j1:j2])
    return out


def list_clash(filled: Sequence[Any], mine: Sequence[Any],
               theirs: Sequence[Any]) -> tuple[Any, tuple[Any, ...], tuple[Any, ...]] | None:
    """``(item, theirs, mine)`` for the first item of ``filled`` that both lists replaced
    in place with something different, else ``None`` (:func:`merge_lists` merges them).

    >>> list_clash(["Saying no", "Delegating"], ["Saying no (B)", "Delegating"],
    ...            ["Saying no (A)", "Delegating"])
    ('Saying no', ('Saying no (A)',), ('Saying no (B)',))
    >>> list_clash(["a", "b"], ["a2", "b"], ["a", "b2"]) is None  # different items
    True
    """
    mine_words, their_words = _rewordings(filled, mine), _rewordings(filled, theirs)
    for item, words in mine_words.items():
        if item in their_words and their_words[item] != words:
            return item, their_words[item], words
    return None


def merge_fields(keys: Iterable[str], *, stored: Any, filled: Any, mine: Any, theirs: Any,
                 labels: Mapping[str, str] | None = None,
                 texts: Mapping[str, Mapping[Any, str]] | None = None) -> dict[str, Any]:
    """The value to write for each of ``keys`` (see the module docstring).

    ``stored`` is what the file held when the form was filled, ``filled`` what the form
    would have saved untouched (the same values after the form's own clean-up), ``mine``
    what it saves now, ``theirs`` what the file holds now. Each may be a mapping or an
    object with attributes. Raises :class:`EditConflict` listing every conflicting field,
    each by its label (``labels``) and its values as the form shows them (``texts``: by
    field, the option text of each value of a dropdown, never the file's code).

    >>> try:
    ...     merge_fields(["stage"], stored={"stage": "spotted"}, filled={"stage": "spotted"},
    ...                  mine={"stage": "not_now"}, theirs={"stage": "applied"},
    ...                  labels={"stage": "Stage"},
    ...                  texts={"stage": {"applied": "Applied", "not_now": "Not now"}})
    ... except EditConflict as err:
    ...     print(err)
    “Stage” was changed to “Applied” in another window since this form was shown, and you changed it to “Not now”; press Reload to see the current version, then make your change again
    """  # noqa: E501
    labels, texts = labels or {}, texts or {}
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for key in keys:
        s, f, m, t = (_get(x, key) for x in (stored, filled, mine, theirs))
        if m == f:
            out[key] = t
        elif t in (s, m):
            out[key] = m
        elif all(isinstance(x, list) for x in (f, m, t)):
            clash = list_clash(f, m, t)
            if clash is None:
                out[key] = merge_lists(f, m, t)
            else:  # one item reworded differently here and there
                was, there, here = (_shown(x) for x in _apart(*clash))
                problems.append(Problem(
                    key, None, f": {was} was changed to {there} in another window since this "
                               f"form was shown, and you changed it to {here}; {RELOAD_HINT}"))
        else:
            there, here = _shown(t, texts.get(key)), _shown(m, texts.get(key))
            if there == here:  # two long texts cut alike: show where they differ
                there, here = (_shown(x) for x in _apart(t, [m]))
            problems.append(Problem(
                key, None,
                f"was changed to {there} in another window since this form was shown, and "
                f"you changed it to {here}; {RELOAD_HINT}"))
    if problems:
        raise EditConflict(problems, {p.field: labels.get(p.field) or
                                      p.field.replace("_", " ").capitalize() for p in problems})
    return out


def record_key(record: Any) -> Any:
    """What identifies a record across edits: its ``id``, else its name or title (and date).

    >>> from datetime import date
    >>> from career_workbook.model import Achievement, Skill
    >>> record_key(Skill(name="SQL")), record_key(Achievement(date=date(2026, 1, 2), title="X"))
    (('name', 'SQL'), ('title', 'X', datetime.date(2026, 1, 2)))
    """
    fields = type(record).model_fields
    for name in ("id", "name", "title", "text"):
        if name in fields:
            key: tuple[Any, ...] = (name, getattr(record, name))
            return key + ((record.date,) if "date" in fields and name != "id" else ())
    return ("record", record)


def same_key_rank(items: Sequence[Any], index: int) -> int:
    """How many records before ``items[index]`` share its :func:`record_key`: which of
    several records with one title it is (two learning items "Weekly SQL practice").

    >>> from career_workbook.model import Skill
    >>> skills = [Skill(name="SQL"), Skill(name="Go"), Skill(name="SQL", importance=5)]
    >>> same_key_rank(skills, 0), same_key_rank(skills, 2)
    (0, 1)
    """
    key = record_key(items[index])
    return sum(record_key(item) == key for item in items[:index])


def find_record(items: Sequence[Any], old: Any, noun: str, rank: int = 0) -> int:
    """Index of the record ``old`` in ``items`` (the file as it is now): the identical one,
    else the one with the same :func:`record_key`. Where several records share that key,
    the one at ``rank`` among them (:func:`same_key_rank` of the record chosen) when it
    fits, so the second of two "Weekly SQL practice" stays the second.

    Raises :class:`EditConflict` when it is gone (removed or renamed elsewhere).

    >>> from career_workbook.model import Skill
    >>> skills = [Skill(name="SQL", importance=2), Skill(name="SQL", importance=5)]
    >>> find_record(skills, skills[1], "skill"), find_record(skills, Skill(name="SQL"), "skill", 1)
    (1, 1)
    >>> twins = [Skill(name="SQL"), Skill(name="SQL")]
    >>> find_record(twins, twins[1], "skill", 1), find_record(twins[:1], twins[1], "skill", 1)
    (1, 0)
    """
    key = record_key(old)
    same = [i for i, item in enumerate(items)
            if item == old or (type(item) is type(old) and record_key(item) == key)]
    pool = [i for i in same if items[i] == old] or same
    if not pool:
        raise EditConflict([Problem(
            "", None,
            f"was removed or renamed in another window since this form was shown; {RELOAD_HINT}")],
            {"": f"This {noun}"})
    return same[rank] if rank < len(same) and same[rank] in pool else pool[0]


def _same_but_id(a: Any, b: Any) -> bool:
    """Whether records ``a`` and ``b`` are the same entry typed twice: equal in every field
    but their ``id`` (made anew for each record a form adds)."""
    if type(a) is not type(b):
        return False
    if "id" in type(a).model_fields:
        return a.model_copy(update={"id": b.id}) == b
    return a == b


def added_elsewhere(before: Sequence[Any], now: Sequence[Any], record: Any) -> Any:
    """The record of ``now`` (the file as it is now) that is ``record`` typed again (equal
    but for its ``id``) and was added since the form was filled from ``before`` (in another
    tab, notebook or from the command line), else ``None``: a form adding ``record`` then
    would keep it twice, counted twice everywhere. Copies that ``before`` already had (two
    entries alike on purpose) are not counted as added.

    >>> from career_workbook.model import Contact
    >>> dana = Contact(name="Dana Whitfield")
    >>> added_elsewhere([], [dana], Contact(name="Dana Whitfield")) == dana
    True
    >>> added_elsewhere([dana], [dana], Contact(name="Dana Whitfield")) is None  # known
    True
    >>> added_elsewhere([], [dana], Contact(name="Dana Whitfield", notes="Met at PyData"))
    """
    twins = [item for item in now if _same_but_id(record, item)]
    known = sum(_same_but_id(record, item) for item in before)
    return twins[-1] if len(twins) > known else None


def added_twice(what: str, file: Any = None) -> EditConflict:
    """The conflict of a record added again in a form that did not show it yet (see
    :func:`added_elsewhere`); ``what`` names it, ``file`` the workbook file (its path).

    >>> print(added_twice("“Dana Whitfield”", "workbooks/kim.yaml"))
    “Dana Whitfield” is already in your workbook (kim.yaml): it was added in another window since this form was shown, so it was not added a second time; press Reload to see it
    """  # noqa: E501
    named = f" ({Path(str(file)).name})" if file else ""
    return EditConflict([Problem("", None, f"is already in your workbook{named}: it was added "
                                           "in another window since this form was shown, so "
                                           "it was not added a second time; press Reload to "
                                           "see it")], {"": what})


def find_renamed(before: Sequence[Any], now: Sequence[Any], index: int) -> int | None:
    """Where ``before[index]`` is in ``now`` under another name or title (renamed in another
    tab, notebook or from the command line), or ``None`` when that cannot be told from
    removed. A rename keeps a record's place: ``now`` has as many records, and the one at
    ``index`` is new to the list and the same but for the name or title (what
    :func:`record_key` reads). A record known by its ``id`` is never renamed away.

    >>> from career_workbook.model import Skill
    >>> before = [Skill(name="Python"), Skill(name="SQL")]
    >>> find_renamed(before, [Skill(name="Python 3"), Skill(name="SQL")], 0)
    0
    >>> find_renamed(before, [Skill(name="SQL")], 0) is None  # removed
    True
    >>> find_renamed(before, [Skill(name="SQL"), Skill(name="Go")], 0) is None  # moved up
    True
    >>> find_renamed(before, [Skill(name="Py", importance=5), Skill(name="SQL")], 0) is None
    True
    """
    there = renamed_record(before, now, index)
    if there is None:
        return None
    name = record_key(there)[0]
    old = before[index]
    return index if old.model_copy(update={name: getattr(there, name)}) == there else None


def renamed_record(before: Sequence[Any], now: Sequence[Any], index: int) -> Any:
    """The record ``before[index]`` became under another name or title in ``now`` (maybe
    changed otherwise too), or ``None``: ``now`` has as many records and the one at ``index``
    is of the same kind, with a name new to the list (a rename keeps a record's place).

    >>> from career_workbook.model import Skill
    >>> before = [Skill(name="Python"), Skill(name="SQL")]
    >>> renamed_record(before, [Skill(name="Py", importance=5), Skill(name="SQL")], 0).name
    'Py'
    >>> renamed_record(before, [Skill(name="SQL")], 0) is None  # removed
    True
    """
    if not 0 <= index < len(before) or len(now) != len(before):
        return None
    old, there = before[index], now[index]
    if record_key(old)[0] in ("id", "record") or type(there) is not type(old):
        return None
    if any(record_key(x) == record_key(there) for x in before):
        return None  # not new to the list: another record moved into this place
    return there


def renamed_conflict(before: Sequence[Any], now: Sequence[Any], index: int,
                     noun: str) -> EditConflict | None:
    """The conflict to say when ``before[index]`` (the record a form shows) was renamed
    *and* changed otherwise elsewhere, naming its new name (it is not gone: "removed or
    renamed" sent the person looking for it); ``None`` when it was not renamed.

    >>> from career_workbook.model import Skill
    >>> str(renamed_conflict([Skill(name="SQL")], [Skill(name="SQL 2", importance=1)], 0,
    ...                      "skill"))  # doctest: +ELLIPSIS
    'This skill was renamed to “SQL 2” and changed in another window since this form ...'
    """
    there = renamed_record(before, now, index)
    if there is None:
        return None
    new = record_key(there)[1]
    return EditConflict([Problem(
        "", None, f"was renamed to “{new}” and changed in another window since this form was "
                  f"shown; {RELOAD_HINT}")], {"": f"This {noun}"})
