"""Values that reach the kernel after the click that saved them (the page sent them first).

ipywidgets' page keeps at most one update of a widget's value on its way to the kernel and
holds back the rest until the kernel has handled that one, but a button's click goes out at
once (jupyter-widgets/ipywidgets#1383, #252). Typed fast and saved at once (Tab, Enter), the
click reached the kernel before the last keys: a check-in's *Lessons* ``Lesson 2 <b>bold</b>
end`` was saved as ``Lesson 2`` and the form said "Saved". The app's page makes a click wait
for the held-back updates (its template); JupyterLab's page cannot be changed, so a form
also watches its fields for a while after a save (``FormView.bind``): a value the page sent
for a field after the click, different from the one the save used, is saved too (the save
is done again as if the click had come last) and the status line says so, in plain words
(:data:`TYPED_LAST`).

This module holds the parts that need no form: who changed a value, what to say, and how
to put the workbook back as it was before the first save.

>>> late_note({"lessons": "Lesson 2 <b>bold</b> end"}, {"lessons": "Lessons"})
'Saved “Lessons” as “Lesson 2 <b>bold</b> end” (what you typed last).'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from career_workbook.wording import listing, shorten

__all__ = ["LATE_SECONDS", "TYPED_LAST", "from_page", "late_note", "late_refused",
           "restore_sections", "said"]

TYPED_LAST = "what you typed last"
"""How a message names a value that reached the kernel just after the click that saved
(the person typed it before clicking: to them it is simply what they typed last)."""

LATE_SECONDS = 3.0
"""How long after a save a value the page sent before the click may still arrive in a box
that is still shown (one round trip between the page and the kernel, with room to spare).
A box the save replaced can only get what was typed before it went, so it is watched until
the form's next save."""


def from_page(widget: Any, name: str = "value") -> bool:
    """Whether the change of ``name`` being notified now came from the page (typed or
    clicked by the person) rather than from the kernel (a form filling itself in).

    ipywidgets locks a property while it applies the page's value, until the observers
    have run; a check list's value follows its boxes'.

    >>> import ipywidgets as widgets
    >>> box, seen = widgets.Text(), []
    >>> box.observe(lambda change: seen.append(from_page(change["owner"])), names="value")
    >>> box.value = "set by the kernel"
    >>> box.set_state({"value": "typed"})
    >>> seen
    [False, True]
    """
    if name in (getattr(widget, "_property_lock", None) or {}):
        return True
    return any(from_page(box, name) for box in getattr(widget, "boxes", ()))


def said(value: Any) -> str:
    """A field's value as a message quotes it (one line, at most 60 characters).

    >>> said("Lesson 2\\n<b>bold</b>"), said(7), said(("SQL", "Python")), said("")
    ('“Lesson 2 <b>bold</b>”', '“7”', '“SQL, Python”', '(empty)')
    """
    if isinstance(value, tuple | list):
        value = ", ".join(str(v) for v in value)
    text = shorten("" if value is None else str(value))
    return f"“{text}”" if text else "(empty)"


def late_note(came: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    """What the status line adds once the values that came late (form key -> value) are
    saved too.

    >>> late_note({"wins": "Shipped it", "lessons": "Ask early"},
    ...           {"wins": "Wins", "lessons": "Lessons"})
    'Saved “Wins” as “Shipped it” and “Lessons” as “Ask early” (what you typed last).'
    """
    named = [f"“{labels.get(k, k)}” as {said(v)}" for k, v in came.items()]
    return f"Saved {listing(named)} ({TYPED_LAST})."


def late_refused(came: Mapping[str, Any], used: Mapping[str, Any],
                 labels: Mapping[str, str], why: str) -> str:
    """What the status line says when the values that came late could not be saved too
    (``why``): what was saved, what was typed, and that it is back in the form.

    >>> late_refused({"lessons": "Lesson 2 is long"}, {"lessons": "Lesson 2"},
    ...              {"lessons": "Lessons"}, "Lessons is too long")
    'Saved “Lessons” as “Lesson 2”, but not what you typed last, “Lesson 2 is long”: it could not be saved (Lessons is too long). It is back in the form: check it and save again.'
    """  # noqa: E501
    saved = [f"“{labels.get(k, k)}” as {said(used.get(k))}" for k in came]
    typed = [said(v) if len(came) == 1 else f"“{labels.get(k, k)}” {said(v)}"
             for k, v in came.items()]
    return (f"Saved {listing(saved)}, but not {TYPED_LAST}, {listing(typed)}: it could not "
            f"be saved ({why.rstrip('.')}). It is back in the form: check it and save again.")


def restore_sections(workbook: Any, before: Any) -> None:
    """Make ``workbook`` (the one being changed under the file lock) hold what ``before``
    holds, field by field, with no check in between (a field put back alone may refer to
    one not yet put back); the file is checked as a whole when it is saved.

    >>> from career_workbook.model import new_workbook
    >>> wb, before = new_workbook("Kim"), new_workbook("Kim")
    >>> wb.strengths.append("Listening")
    >>> restore_sections(wb, before)
    >>> wb.strengths, wb == before
    ([], True)
    """
    for name in type(workbook).model_fields:
        workbook.__dict__[name] = getattr(before, name)
    workbook.__pydantic_fields_set__ = set(before.__pydantic_fields_set__)
