"""Widgets whose default layout and style cost the page nothing until they are changed.

Every ipywidgets ``DOMWidget`` owns a ``Layout`` and most own a ``*Style``: each is a model of
its own, so the kernel sends one more ``comm_open`` and the page builds one more model and
view for it, even when every one of its properties is a default. In a guided notebook on a
full workbook they were more than half of all widget models (09: 87 layouts and 51 styles of
225 models), and most of them are defaults (a help text's layout, a box's layout, a button's
style).

The classes here (:class:`HTML`, :class:`HBox`, :class:`VBox`, :class:`Button`,
:class:`Checkbox`, :class:`FileUpload`) are the ipywidgets classes of the same name (same
front-end models, same views) with one difference: a layout or style nobody passed starts
*quiet*. It is an ordinary ``Layout``/``Style`` object in Python (``w.layout.display =
"none"`` works as always), but no model is opened for it and the widget tells the page it
has none (``null``, which the page's views already treat as "nothing to apply"). The first
time one of its properties changes, it opens its model (with all its properties) and its
widget sends the reference, so the page applies it as it would have from the start.

>>> box = VBox([HTML("<b>hi</b>")])
>>> box.layout.comm is None, box.get_state()["layout"], box.children[0].get_state()["style"]
(True, None, None)
>>> box.layout.display = "none"
>>> box.layout.comm is not None, box.get_state()["layout"] == "IPY_MODEL_" + box.layout.model_id
(True, True)
>>> VBox(layout={"width": "10em"}).layout.comm is not None  # passed: opened at once
True
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.trait_types import InstanceDict
from ipywidgets.widgets.widget import _json_to_widget, _widget_to_json

__all__ = ["CLICKS", "HTML", "Button", "Checkbox", "FileUpload", "HBox", "VBox", "is_quiet",
           "is_shared", "pressed", "quiet_models", "shared", "show", "widget_tree"]


class _Quiet:
    """Mixin for a ``Layout``/``Style``: no model until a property changes."""

    _quiet = False

    def __init__(self, owner: widgets.Widget, **kwargs: Any):
        self._quiet = True  # read by open(), which Widget.__init__ calls
        self._owner = weakref.ref(owner)
        self._trait = "layout" if isinstance(self, widgets.Layout) else "style"
        super().__init__(**kwargs)

    def open(self) -> None:
        if not self._quiet:
            super().open()  # type: ignore[misc]

    @property
    def model_id(self) -> str:  # asked for by anyone: it needs a model after all
        self._wake()
        return super().model_id  # type: ignore[misc]

    def _wake(self) -> None:
        if not self._quiet:
            return
        self._quiet = False
        super().open()  # type: ignore[misc]
        owner = self._owner()
        if owner is not None and owner.comm is not None \
                and getattr(owner, self._trait, None) is self:
            owner.send_state(self._trait)

    def notify_change(self, change: Any) -> None:
        if self._quiet and change.get("type") == "change" \
                and change["name"] in self.keys:  # type: ignore[attr-defined]
            self._wake()  # opens with every property, this one included: no second message
            traitlets.HasTraits.notify_change(self, change)  # type: ignore[arg-type]
            return
        super().notify_change(change)  # type: ignore[misc]


def _ref_or_null(value: Any, obj: Any) -> Any:
    """A quiet layout or style is ``null`` to the page; anything else as ipywidgets sends it."""
    if isinstance(value, _Quiet) and value._quiet:
        return None
    return _widget_to_json(value, obj)


_SERIAL = {"to_json": _ref_or_null, "from_json": _json_to_widget}

_QUIET_CLASSES: dict[type, type] = {}


def _quiet_class(klass: type) -> type:
    if klass not in _QUIET_CLASSES:
        _QUIET_CLASSES[klass] = type(f"Quiet{klass.__name__}", (_Quiet, klass),
                                       {"__module__": __name__})
    return _QUIET_CLASSES[klass]


class _QuietDefault(InstanceDict):
    """A layout or style trait whose default (nothing passed) starts quiet."""

    def default(self, obj: Any = None) -> Any:
        return _quiet_class(self.klass)(obj)


def _quiet_trait(widget: type, name: str = "layout") -> InstanceDict:
    """``widget``'s ``name`` trait, with a quiet default, sent as :func:`_ref_or_null` does."""
    klass = widget.class_traits()[name].klass
    return _QuietDefault(klass).tag(sync=True, **_SERIAL)


class HTML(widgets.HTML):
    """``ipywidgets.HTML`` with a quiet default layout and style."""

    layout = _quiet_trait(widgets.HTML)
    style = _quiet_trait(widgets.HTML, "style")


class HBox(widgets.HBox):
    """``ipywidgets.HBox`` with a quiet default layout."""

    layout = _quiet_trait(widgets.HBox)


class VBox(widgets.VBox):
    """``ipywidgets.VBox`` with a quiet default layout."""

    layout = _quiet_trait(widgets.VBox)


CLICKS = threading.RLock()
"""Held while a button's click handlers run: one click at a time in the whole kernel."""
_PRESSED: list[widgets.Button] = []


def pressed() -> widgets.Button | None:
    """The button whose click handlers run now (``None`` outside a click): a form that
    disabled or rebuilt it puts the page's focus back (``FormView.focus_pressed``).

    >>> b, seen = Button(description="Save"), []
    >>> b.on_click(lambda button: seen.append(pressed() is button))
    >>> b.click(); seen, pressed()
    ([True], None)
    """
    return _PRESSED[-1] if _PRESSED else None


class Button(widgets.Button):
    """``ipywidgets.Button`` with a quiet default layout and style, whose clicks are handled
    one at a time, and never once it is closed.

    JupyterLab (4.4 and later) sends widget messages over a kernel *subshell*, and ipykernel
    7 routes a message for a widget to the thread (main shell or subshell) of the message
    during which the widget last sent an update. A button made by a cell gets its first
    click on the main thread; that click's first update (disabled while saving) routes the
    second click of a double click to the subshell's thread, where it ran *during* the
    first save: both saw a form not yet saved and added the same entry twice.
    :data:`CLICKS` makes the second click wait until the first is done; then its form has
    been refilled (the repeat guard of ``FormView.bind`` answers) or rebuilt, and a click
    on a closed button (one no longer shown) does nothing, as the kernel does with any
    message for a closed widget.

    >>> b, seen = Button(description="Save"), []
    >>> b.on_click(lambda _b: seen.append("saved"))
    >>> b.click(); b.close(); b.click()
    >>> seen
    ['saved']
    """

    layout = _quiet_trait(widgets.Button)
    style = _quiet_trait(widgets.Button, "style")

    def click(self) -> None:
        with CLICKS:
            if self.comm is not None:  # a closed button's click belongs to no form
                _PRESSED.append(self)
                try:
                    super().click()
                finally:
                    _PRESSED.pop()


class Checkbox(widgets.Checkbox):
    """``ipywidgets.Checkbox`` with a quiet default layout and style."""

    layout = _quiet_trait(widgets.Checkbox)
    style = _quiet_trait(widgets.Checkbox, "style")


class FileUpload(widgets.FileUpload):
    """``ipywidgets.FileUpload`` with a quiet default layout and style."""

    layout = _quiet_trait(widgets.FileUpload)
    style = _quiet_trait(widgets.FileUpload, "style")


def show(widget: widgets.Widget, shown: bool) -> None:
    """Show or hide ``widget``; its layout is left alone when already so (a quiet layout is
    sent to the page only once it changes).

    >>> box = widgets.Button()
    >>> show(box, False); box.layout.display
    'none'
    >>> show(box, True); box.layout.display is None
    True
    """
    if widget.layout.display != (None if shown else "none"):
        widget.layout.display = None if shown else "none"


def is_quiet(model: Any) -> bool:
    """Whether ``model`` is a layout or style that has no model in the page (yet).

    >>> is_quiet(HTML("x").layout), is_quiet(widgets.HTML("x").layout)
    (True, False)
    """
    return isinstance(model, _Quiet) and model._quiet


def widget_tree(roots: Any) -> Iterator[widgets.Widget]:
    """Every widget of ``roots`` and of their children, once each.

    >>> [type(w).__name__ for w in widget_tree([VBox([HTML("a")])])]
    ['VBox', 'HTML']
    """
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        w = stack.pop()
        if id(w) in seen or not isinstance(w, widgets.Widget):
            continue
        seen.add(id(w))
        yield w
        stack.extend(reversed(getattr(w, "children", ())))


def quiet_models(roots: Any) -> int:
    """How many layouts and styles under ``roots`` (widgets and their children) are quiet.

    >>> quiet_models([VBox([HTML("a"), HTML("b")])])
    5
    """
    return sum(is_quiet(getattr(w, t, None)) for w in widget_tree(roots)
               for t in ("layout", "style"))


_SHARED: dict[tuple[type, tuple[tuple[str, Any], ...]], widgets.Widget] = {}


class _Frozen(Exception):
    pass


def _refuse_change(change: Any) -> None:
    raise _Frozen(
        f"{type(change['owner']).__name__}.{change['name']} is shared by many widgets "
        "(quiet.shared): give this widget its own layout or style instead of changing it")


def shared(klass: type, **traits: Any) -> widgets.Widget:
    """One ``Layout`` or ``*Style`` of class ``klass`` with ``traits``, shared by every
    widget given it: one model in the page for all the form inputs of one width (a form
    of 19 fields opened 38 such models, each the same as the next). Shared models are
    frozen (a change would reach every widget using them) and never closed by
    ``fields.close_widgets``.

    >>> a = widgets.Text(layout=shared(widgets.Layout, width="20em"))
    >>> b = widgets.Text(layout=shared(widgets.Layout, width="20em"))
    >>> a.layout is b.layout, is_shared(a.layout), is_shared(widgets.Layout())
    (True, True, False)
    >>> a.layout.width = "5em"
    Traceback (most recent call last):
    ...
    career_workbook.widgets.quiet._Frozen: Layout.width is shared by many widgets (quiet.shared): give this widget its own layout or style instead of changing it
    """  # noqa: E501
    key = (klass, tuple(sorted(traits.items())))
    found = _SHARED.get(key)
    if found is None or found.comm is None:  # closed (a test's kernel ended): a new one
        found = klass(**traits)
        found.observe(_refuse_change, names=[n for n in found.keys if not n.startswith("_")])
        found._cw_shared = True
        _SHARED[key] = found
    return found


def is_shared(model: Any) -> bool:
    """Whether ``model`` came from :func:`shared` (and so belongs to no one widget)."""
    return bool(getattr(model, "_cw_shared", False))
