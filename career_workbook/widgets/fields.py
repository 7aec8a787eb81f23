"""Shared building blocks of every form: labelled fields, inline messages, validation.

Every input in the workbook looks the same: a plain-language label of fixed width, the
input, a message right beside it (empty until something is wrong) and a short help text
below in small muted type. Values are checked against the schema by building the pydantic
model (:func:`check_model`); its errors become sentences such as "Importance must be between
1 and 5 (you entered 7)" shown beside the field, never a traceback.

Everything a person typed is shown through :func:`esc` (``html.escape``) whenever it ends
up in an HTML widget.

Examples
--------
>>> from career_workbook.model import Skill
>>> skill, errors = check_model(Skill, {"name": "SQL", "importance": 7},
...                             {"importance": "Importance"})
>>> skill is None, errors["importance"]
(True, 'Importance must be between 1 and 5 (you entered 7)')
>>> lines("  Listening \\n\\n Writing\\nListening")
['Listening', 'Writing']
"""

from __future__ import annotations

import contextlib
import functools
import html
import math
import re
import time
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets
import traitlets
from pydantic import BaseModel, ValidationError

from career_workbook.model import Problem, person_key
from career_workbook.widgets import late as _late
from career_workbook.widgets import quiet
from career_workbook.widgets.inputs import (
    DATE_PLACEHOLDER,
    format_number,
    parse_date_text,
    parse_number_text,
    parse_whole_number_text,
    year_question,
)
from career_workbook.wording import short_date, shorten

__all__ = [
    "BUTTON_MARGIN",
    "INPUT_WIDTH",
    "ask_year",
    "download_link",
    "FIELD",
    "FORM_TITLE",
    "LIVE",
    "UNSEEN_TEXT",
    "HELP_INDENT",
    "LABEL_WIDTH",
    "NONE",
    "Field",
    "check_model",
    "error_key",
    "esc",
    "friendly_message",
    "heading",
    "keep_year_button",
    "later_days_note",
    "line_of",
    "lines",
    "make_field",
    "notice",
    "notice_html",
    "primary_button",
    "secondary_button",
    "ERROR_TEXT",
    "FormView",
    "MUTED",
    "THEME_CSS",
    "close_widgets",
    "colour",
    "find_entry",
    "layout_css",
    "merge_section",
    "record_editor",
    "save_record",
    "slider_box_reader",
    "width",
]

LABEL_WIDTH = "13em"
"""Width of every field label, so forms line up across notebooks."""
INPUT_WIDTH = "28em"
"""Width of text inputs and dropdowns."""
NONE = ""
"""Dropdown value meaning "nothing chosen" (ipywidgets cannot select ``None``)."""
CHOICE_CHARS = 90
"""The most characters of a record's label in a form's chooser (cut at a word with "…")."""
FIND_FROM = 20
"""A chooser of at least this many records has a *Find* box above it: a native dropdown of
250 contacts, each label starting with its number, cannot be searched by typing a name."""
PALETTE: dict[str, tuple[str, str]] = {
    # text
    "muted": ("#555555", "#b8b8b8"),
    "muted-strong": ("#444444", "#cfcfcf"),
    "error-text": ("#b00020", "#ff8a80"),
    "warning-text": ("#6b4b00", "#f5c16c"),
    "partly-text": ("#8a5a00", "#ffb74d"),
    "success-text": ("#1e7b34", "#81c784"),
    "accent": ("#3b6ea5", "#7fb0e6"),
    # tables
    "table-head": ("#eef3fa", "#25303d"),
    "table-head-line": ("#b5c8e3", "#4f6785"),
    "table-line": ("#e4e4e4", "#424242"),
    # message boxes: text, background, border of each kind
    "error-fg": ("#8a1c1c", "#ffb4ab"), "error-bg": ("#fdecea", "#3a1d1b"),
    "error-line": ("#e6a5a0", "#8c3b36"),
    "success-fg": ("#1e5c2a", "#a5d6a7"), "success-bg": ("#e9f5ec", "#1a3120"),
    "success-line": ("#a9d4b2", "#3f7a4a"),
    "info-fg": ("#1f3a5f", "#b3d1f5"), "info-bg": ("#eef3fa", "#1a2738"),
    "info-line": ("#b5c8e3", "#3f5f87"),
    "warning-fg": ("#6b4b00", "#ffd98a"), "warning-bg": ("#fff6e0", "#33290f"),
    "warning-line": ("#e8cf8a", "#8a6d1f"),
    # the bar beside a note on text typed and not saved (app.css, .cw-draft-note)
    "draft-line": ("#b35c00", "#b35c00"),
}
"""Every colour the forms write: name -> (light theme, dark theme). The light ones are
what the forms always showed (text 4.5:1 or more on white); in a dark JupyterLab theme
(``body[data-jp-theme-light="false"]``, set by JupyterLab Dark and its high-contrast twin)
:data:`THEME_CSS` swaps in the dark ones (4.5:1 or more on its #111 page). A fixed dark grey
on the dark page read at 2.5:1, and a table header's white text on its light blue at 1.1:1."""


def colour(name: str) -> str:
    """The CSS value of colour ``name`` of :data:`PALETTE`: the theme's, else the light one.

    >>> colour("muted")
    'var(--cw-muted,#555555)'
    """
    return f"var(--cw-{name},{PALETTE[name][0]})"


THEME_CSS = ("<style>body[data-jp-theme-light=\"false\"]{"
             + "".join(f"--cw-{name}:{dark};" for name, (_, dark) in PALETTE.items())
             + "}</style>")
"""The dark theme's colours (:data:`PALETTE`), sent once with every notebook's header (and
with each table): without it every colour is the light one, as before."""

NARROW = "@media (max-width: 40em)"
"""The app style sheet's rule for a narrow page (a phone, a 200 % zoom)."""


@functools.cache
def layout_css() -> str:
    """The app's form layout (its ``app.css``) as a style sheet for JupyterLab too, where a
    form stands in a notebook panel: a split view, the side bar open at 1024 px or a 200 %
    zoom made the panel narrower than a form, and its inputs ran past the panel's edge. The
    app's rules for a narrow page apply there to a narrow output area (a CSS container
    query), each label above its input.

    >>> css = layout_css()
    >>> css.startswith("<style>") and "@container cw-output (max-width: 40em)" in css
    True
    >>> NARROW in css
    False
    """
    from career_workbook.server import APP_TEMPLATE, app_template_root

    path = app_template_root() / "voila" / "templates" / APP_TEMPLATE / "app.css"
    rules = path.read_text(encoding="utf-8")
    if NARROW not in rules:
        raise ValueError(f"{path} has no {NARROW!r} rule to follow")
    return ("<style>.jp-OutputArea-output:has(> .cw-form){container:cw-output/inline-size}"
            + rules.replace(NARROW, "@container cw-output (max-width: 40em)") + "</style>")


MUTED = colour("muted")
"""Muted text colour: 7.5:1 on white (WCAG AA needs 4.5:1), 9:1 on a dark theme's page."""
ERROR_TEXT = colour("error-text")
"""The colour of a field's own error message."""
HELP_SIZE = "13px"
"""Help text size: small, but not below 13 px."""


def label_style(widget_class: type) -> widgets.Widget:
    """The style of an input of ``widget_class`` with the form's label width, one model
    shared by every such input (:func:`~career_workbook.widgets.quiet.shared`).

    >>> label_style(widgets.Text) is label_style(widgets.Text), label_style(widgets.Text).description_width
    (True, '13em')
    """  # noqa: E501
    return quiet.shared(widget_class.class_traits()["style"].klass,
                        description_width=LABEL_WIDTH)


def width(input_width: str) -> widgets.Layout:
    """The layout of an input ``input_width`` wide after the label, one model shared by
    every input of that width (:func:`~career_workbook.widgets.quiet.shared`).

    >>> width("8em").width, width("8em") is width("8em")
    ('calc(13em + 8em)', True)
    """
    return quiet.shared(widgets.Layout, width=f"calc({LABEL_WIDTH} + {input_width})")

_COLOURS = {kind: (colour(f"{kind}-fg"), colour(f"{kind}-bg"), colour(f"{kind}-line"))
            for kind in ("error", "success", "info", "warning")}
_ICONS = {"error": "⚠", "success": "✓", "info": "ℹ", "warning": "⚠"}


def esc(value: Any) -> str:
    """HTML-escape anything shown in an HTML widget (quotes included).

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


def download_link(path: Any, mime: str) -> str:
    """An HTML link that downloads the file at ``path`` from the page itself (its bytes
    are in the link, so it works in JupyterLab and the app alike).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "plan <1>.ics"
    >>> _ = f.write_bytes(b"BEGIN:VCALENDAR")
    >>> link = download_link(f, "text/calendar")
    >>> link.startswith('<a download="plan &lt;1&gt;.ics" href="data:text/calendar;base64,')
    True
    """
    import base64

    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<a download="{esc(path.name)}" href="data:{mime};base64,{data}">'
            f"Download {esc(path.name)}</a>")


def notice_html(text: str, kind: str = "info") -> str:
    """A coloured message box as HTML; ``text`` is escaped, line breaks kept.

    >>> "&lt;b&gt;" in notice_html("<b>hi</b>", "error")
    True
    """
    fg, bg, border = _COLOURS.get(kind, _COLOURS["info"])
    body = esc(text).replace("\n", "<br>")
    return (
        f'<div class="cw-notice cw-{kind}" role="status" style="color:{fg};background:{bg};'
        f'border:1px solid {border};border-radius:4px;padding:6px 10px;margin:4px 0">'
        f"{_ICONS.get(kind, '')} {body}</div>"
    )


def draft_class(prefix: str, *parts: Any) -> str:
    """A class naming what ``parts`` name, valid in CSS whatever they hold (a skill's name,
    a path with spaces): ``prefix`` and a digest of them. Nothing of the parts can be read
    back from it (a page's local storage holds no workbook path).

    >>> draft_class(TEXT, "ratings.SQL & data")
    'cw-text-fc76cc07c688'
    >>> draft_class(TEXT, "a", "b") != draft_class(TEXT, "a b")
    True
    """
    import hashlib

    digest = hashlib.sha256("\x00".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"


def notice(text: str, kind: str = "info") -> widgets.HTML:
    """A message box widget (see :func:`notice_html`)."""
    return quiet.HTML(notice_html(text, kind))


FIELD = "cw-field"
"""The class of a field's box (:attr:`Field.box`): the page's script ties its help and error
to its input (:data:`~career_workbook.widgets.display.A11Y_JS`)."""
NUMBER = "cw-number"
"""The class of a number field's box (kinds ``int`` and ``float``, typed as text so that
"3,5" is read): the page's script gives its input a number pad on a phone or a tablet
(:data:`~career_workbook.widgets.display.A11Y_JS`)."""
TEXT = "cw-text"
"""The class of a text field's box (kinds ``text``, ``combo`` and ``textarea``), with one
more naming its field, ``cw-text-<digest>`` (:func:`draft_class`): the page keeps what is
typed in it and not saved yet on this device, to bring back after a lost tab
(:data:`~career_workbook.widgets.display.DRAFTS_JS`)."""
DRAFTS = "cw-drafts"
"""The start of the class a form's box has naming its workbook, notebook, form and record
(:meth:`FormView.draft_key`), ``cw-drafts-<digest>``: the key its text fields' drafts are
kept under (:data:`~career_workbook.widgets.display.DRAFTS_JS`)."""
LIVE = "cw-live"
"""The class of a status line the page's script makes a live region (read out when it
changes)."""
UNSEEN_TEXT = ("position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;"
               "overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap")
"""The style of words for a screen reader only (the usual "visually hidden" rule): a live
score read out as "SMART score 72 / 100", not a bare "72 / 100"."""
FORM_TITLE = "cw-form-title"
"""The class of a form's title (:func:`heading`), for the page's scripts to find it."""


def heading(title: str, intro: str = "") -> widgets.HTML:
    """The title of a form and one or two sentences saying what it is for (escaped).

    The title is a level-3 heading: the notebooks' sections are level 2 (and a few
    subsections level 3), so a screen reader's list of headings goes section, form, with no
    level skipped (a level 4 right after a section's level 2 skipped one: axe's
    "heading-order", red-team walks U7 and V). It keeps the size it had (``1em``, bold).

    >>> heading("Your goals").value  # doctest: +ELLIPSIS
    '<h3 class="cw-form-title" style="font-size:1em;margin:8px 0 2px 0">Your goals</h3>'
    """
    text = (f'<h3 class="{FORM_TITLE}" style="font-size:1em;margin:8px 0 2px 0">'
            f"{esc(title)}</h3>")
    if intro:
        text += f'<div style="color:{MUTED};margin-bottom:6px">{esc(intro)}</div>'
    return quiet.HTML(text)


BUTTON_MARGIN = f"6px 0 2px {LABEL_WIDTH}"
"""A form's main button's margin: at the left edge of the inputs above it."""


def primary_button(description: str, tooltip: str, icon: str = "save", *,
                   disabled: bool = False) -> widgets.Button:
    """The main action of a form (blue, keyboard focusable), as wide as its words wherever
    it stands: in a form's column (a flex column stretches what it holds) it spanned the
    whole form, beside another button it did not. ``disabled``: made so (set afterwards,
    it is one more message to the page).

    >>> layout = primary_button("Add this check-in", "Save it").layout
    >>> layout.width, layout.align_self
    ('auto', 'flex-start')
    """
    return quiet.Button(
        description=description, tooltip=tooltip, button_style="primary", icon=icon,
        disabled=disabled,
        layout=widgets.Layout(width="auto", align_self="flex-start", margin=BUTTON_MARGIN),
    )


def secondary_button(description: str, tooltip: str, icon: str = "", *,
                     hidden: bool = False, margin: str = "6px 0 2px 6px") -> widgets.Button:
    """A secondary action (plain style); ``hidden`` ones start with ``display: none``;
    ``margin``: where it stands (:data:`BUTTON_MARGIN` under the inputs, as a main button).
    """
    return quiet.Button(
        description=description, tooltip=tooltip, icon=icon,
        layout=widgets.Layout(width="auto", margin=margin,
                              display="none" if hidden else None),
    )


# ----------------------------------------------------------------------------------------
# Fields
# ----------------------------------------------------------------------------------------
_KINDS = ("text", "textarea", "int", "float", "slider", "dropdown", "date", "multi", "combo",
          "checkbox")
TEXT_KINDS = ("text", "combo", "textarea")
"""The kinds whose box has the class :data:`TEXT`: words typed, kept as a draft."""


def _label_html(text: str) -> str:
    return f'<span class="widget-label">{esc(text)}</span>'


_CHECKLIST_CSS = "<style>.cw-checklist .widget-checkbox{width:auto}</style>"
"""A check list's boxes are as wide as their text (a checkbox is 300 px wide by default)."""


def _checklist_label(text: str | None) -> str:
    return _CHECKLIST_CSS + (_label_html(text) if text else "")


class CheckList(quiet.HBox):
    """Choose several: one labelled checkbox per option (no Ctrl-click needed).

    ``value`` is the tuple of chosen option values, in option order; it can be observed
    like any widget value.

    >>> c = CheckList([("SQL", "SQL"), ("Python", "Python")], ["Python"])
    >>> c.value
    ('Python',)
    >>> c.boxes[0].value = True
    >>> c.value
    ('SQL', 'Python')
    """

    value = traitlets.Tuple()
    description = traitlets.Unicode("").tag(sync=True)
    """Synced: ipywidgets' views read ``description`` whenever a ``tooltip`` is set
    (``updateTooltip``); a Box has none of its own, and the view failed to render."""

    def __init__(self, options: Sequence[tuple[str, Any]], value: Iterable[Any] | None = None,
                 **kwargs: Any):
        self._values = [v for _, v in options]
        chosen = set(value or ())
        # each box as wide as its text: one style rule for the list (sent with its label)
        # rather than a layout model per box
        self.boxes = [quiet.Checkbox(value=v in chosen, description=str(label), indent=False)
                      for label, v in options]
        label = kwargs.get("description")  # its text goes out with the label's first message
        self._label = quiet.HTML(_checklist_label(label),
                                 layout=quiet.shared(widgets.Layout, width=LABEL_WIDTH,
                                                     min_width=LABEL_WIDTH))
        column: list[widgets.Widget] = list(self.boxes) or [quiet.HTML(
            f'<span style="color:{MUTED}">nothing to choose yet</span>')]
        kwargs["_dom_classes"] = (*kwargs.get("_dom_classes", ()), "cw-checklist")
        super().__init__([self._label, quiet.VBox(column)], **kwargs)
        self.style = SimpleNamespace(description_width=LABEL_WIDTH)
        self._syncing = False
        self.value = tuple(v for v in self._values if v in chosen)
        for box in self.boxes:
            box.observe(self._from_boxes, names="value")

    @traitlets.observe("description")
    def _described(self, change: Any) -> None:
        self._label.value = _checklist_label(change["new"])


    def _from_boxes(self, _change: Any) -> None:
        if not self._syncing:
            self.value = tuple(v for v, b in zip(self._values, self.boxes, strict=True)
                               if b.value)

    @traitlets.observe("value")
    def _to_boxes(self, change: Any) -> None:
        chosen = set(change["new"])
        self._syncing = True
        try:
            for v, box in zip(self._values, self.boxes, strict=True):
                box.value = v in chosen
        finally:
            self._syncing = False


def slider_number(value: Any, lo: int, hi: int) -> int:
    """The whole number a slider from ``lo`` to ``hi`` shows for ``value``: a number, or
    text read as the forms read numbers (a decimal comma is fine: "3,5" is 3.5). A value
    that is not a whole number on the scale is refused with what to choose instead, never
    cut to its whole part (a slider fed "3,5" or 3.5 showed 3).

    >>> slider_number("4", 1, 5), slider_number(3.0, 1, 5), slider_number(" 2,0 ", 1, 5)
    (4, 3, 2)
    >>> slider_number("3,5", 1, 5)
    Traceback (most recent call last):
    ...
    ValueError: “3,5” is 3.5: this scale has whole steps from 1 to 5: choose 3 or 4

    A whole number past an end is the slider's to keep at that end, as before.
    """
    shown = " ".join(str(value).split())
    number = parse_number_text(value) if isinstance(value, str) else float(value)
    if number is None or not math.isfinite(number):
        raise ValueError(f"“{shown}” is not a number: choose a whole number from {lo} to {hi}")
    if not number.is_integer():
        below, above = math.floor(number), math.ceil(number)
        raise ValueError(f"“{shown}” is {format_number(number)}: this scale has whole steps "
                         f"from {lo} to {hi}: choose {below} or {above}")
    return int(number)


SLIDER = "cw-slider"
"""The class of every form's slider; each has one more, ``cw-slider-<n>``, naming it to the
page script that reads its number box (:func:`type_into_slider`)."""

_SLIDERS: weakref.WeakValueDictionary[str, Field] = weakref.WeakValueDictionary()
"""Each slider field of this kernel by its ``cw-slider-<n>`` class."""


def type_into_slider(field: Field, text: str) -> None:
    """Set the slider ``field`` to what a person typed into its number box, read as the
    forms' number boxes read numbers (:func:`slider_number`: a decimal comma is fine); what
    it cannot be set to (3.7 on a whole-number scale, a number past its ends, words) is
    refused with the field's own error and the slider keeps its value. (ipywidgets' box
    read "3,5" and "3.7" as 3 and set 12 to the scale's end, saying nothing.)

    >>> f = make_field("importance", "Importance", "slider", value=2, min=1, max=5)
    >>> type_into_slider(f, " 4,0 "); f.widget.value, f.has_error
    (4, False)
    >>> type_into_slider(f, "3,5"); f.widget.value, f.error_text
    (4, 'Importance: “3,5” is 3.5: this scale has whole steps from 1 to 5: choose 3 or 4')
    >>> type_into_slider(f, "12"); f.error_text
    'Importance: “12” is past the end of this scale: choose a whole number from 1 to 5'
    """
    lo, hi = field.widget.min, field.widget.max
    try:
        number = slider_number(text, lo, hi)
        if not lo <= number <= hi:
            shown = " ".join(text.split())
            raise ValueError(f"“{shown}” is past the end of this scale: choose a whole "
                             f"number from {lo} to {hi}")
    except ValueError as err:
        field.error(f"{field.label}: {err}")
        return
    field.clear()
    field.widget.value = number


def slider_box_reader() -> widgets.Text:
    """A hidden text box (class :data:`SLIDER_TYPED`) the page writes into what a person
    typed into a form slider's number box that ipywidgets would misread, as
    ``"cw-slider-<n> <count> <text>"``; each is handed to :func:`type_into_slider`
    (:data:`~career_workbook.widgets.display.SLIDER_BOX_JS`).

    >>> f = make_field("importance", "Importance", "slider", value=2, min=1, max=5)
    >>> reader = slider_box_reader()
    >>> reader.value = f"{f.widget._dom_classes[1]} 1 4,0"; f.widget.value
    4
    """
    reader = widgets.Text(continuous_update=False, _dom_classes=(SLIDER_TYPED,),
                          layout=quiet.shared(widgets.Layout, display="none"))
    reader.observe(lambda change: slider_typed(str(change["new"])), "value")
    return reader


def slider_typed(message: str) -> None:
    """Hand what the page wrote into :func:`slider_box_reader`'s box,
    ``"cw-slider-<n> <count> <text>"``, to :func:`type_into_slider` for the slider named
    ``cw-slider-<n>``; a message naming no slider of this kernel is ignored.

    >>> f = make_field("importance", "Importance", "slider", value=2, min=1, max=5)
    >>> slider_typed(f"{f.widget._dom_classes[1]} 7 3,0"); f.widget.value
    3
    >>> slider_typed("cw-slider-0 1 4"); slider_typed("")  # no such slider: nothing
    """
    name, _count, text = (message.split(" ", 2) + ["", ""])[:3]
    field = _SLIDERS.get(name)
    if field is not None:
        type_into_slider(field, text)


SLIDER_TYPED = "cw-slider-typed"
"""The class of :func:`slider_box_reader`'s hidden box."""

_slider_count = iter(range(1, 1 << 62))


_PARSERS: dict[str, Callable[[str | None], Any]] = {
    "date": parse_date_text, "float": parse_number_text, "int": parse_whole_number_text}
"""The kinds of field typed as text and read: a date, a number, a whole number."""


def _tooltip(label: str, help: str) -> str:
    return f"{label} — {help}" if help else label


HELP_INDENT = f"calc({LABEL_WIDTH} + 2 * var(--jp-widgets-inline-margin, 4px))"
"""Where an input's box starts in its row, and so its help text: the label column and the
gap ipywidgets leaves beside the label (twice its inline margin). In the label's font size:
the help's own smaller size is set inside it."""


def _help_html(help: str) -> str:
    """The help text under an input, its left edge at the input's (:data:`HELP_INDENT`).

    >>> _help_html("Optional.")  # doctest: +ELLIPSIS
    '<div style="margin:-2px 0 4px calc(13em + 2 * var(--jp-widgets-inline-margin, 4px))"><div class="cw-help" style="color:var(--cw-muted,#555555);font-size:13px;...">Optional.</div></div>'
    """  # noqa: E501
    return (f'<div style="margin:-2px 0 4px {HELP_INDENT}"><div class="cw-help" '
            f'style="color:{MUTED};font-size:{HELP_SIZE};line-height:1.35">{esc(help)}</div>'
            "</div>")


class Field:
    """One labelled input with its inline message and help text.

    Attributes
    ----------
    key : str
        The model field it edits (``"importance"``, or ``"ratings.SQL"`` for one rating).
    label : str
        Plain-language label, used in messages ("Importance must be ...").
    widget : ipywidgets.ValueWidget
        The input itself (``Text``, ``Textarea``, ``IntSlider``, ``Dropdown``, ...).
    message : ipywidgets.HTML
        Shown beside the input; empty unless the value is wrong. Made (and put in the row)
        when first needed: most fields never show one, and each widget costs the page a
        model and the kernel a message.
    box : ipywidgets.VBox
        What a form displays: the row (label, input, message) and the help text below.

    >>> f = make_field("name", "Name", "text")
    >>> len(f.row.children), f.has_error
    (1, False)
    >>> f.error("must not be blank")
    >>> len(f.row.children), f.has_error, "must not be blank" in f.message.value
    (2, True, True)
    >>> f.clear()
    >>> f.has_error
    False
    >>> make_field("hours", "Hours", "float").box._dom_classes
    ('cw-field', 'cw-number')
    >>> make_field("lessons", "Lessons", "textarea").box._dom_classes[:2]
    ('cw-field', 'cw-text')
    """

    def __init__(self, key: str, label: str, widget: widgets.Widget, *, kind: str,
                 help: str = "", optional: bool = False):
        self.key, self.label, self.widget, self.kind = key, label, widget, kind
        self.optional = optional
        # no message to the page when the widget was made with these (:func:`make_field`)
        widget.description = label
        widget.style.description_width = LABEL_WIDTH
        widget.tooltip = _tooltip(label, help)
        self._message: widgets.HTML | None = None
        self.error_text: str | None = None  # the error shown beside the input, as said
        # the input alone needs no alignment: the row's layout gets one with the message
        self.row = quiet.HBox([widget])
        children: list[widgets.Widget] = [self.row]
        self.help = quiet.HTML(_help_html(help)) if help else None
        if self.help is not None:
            children.append(self.help)
        number = (NUMBER,) if kind in ("int", "float") else ()  # a number pad on a phone
        # text kept on the device as it is typed, for a tab the phone throws away
        text = (TEXT, draft_class(TEXT, key)) if kind in TEXT_KINDS else ()
        self.box = quiet.VBox(children, _dom_classes=(FIELD, *number, *text))  # help, error

    @property
    def message(self) -> widgets.HTML:
        """The message beside the input (made and added to the row on first use)."""
        if self._message is None:
            self._message = quiet.HTML("", layout=quiet.shared(widgets.Layout,
                                                               margin="0 0 0 8px"))
            self.row.layout.align_items = "center"
            self.row.children = (*self.row.children, self._message)
        return self._message

    def set_help(self, help: str) -> None:
        """Change the help text (and tooltip) in place; a field made without help keeps none.

        >>> f = make_field("note", "Note", "text", help="Optional.")
        >>> f.set_help("Last rated 2026-11-22.")
        >>> f.widget.tooltip, "Last rated 2026-11-22." in f.help.value
        ('Note — Last rated 2026-11-22.', True)
        """
        self.widget.tooltip = _tooltip(self.label, help)
        if self.help is not None:
            self.help.value = _help_html(help)

    @property
    def value(self) -> Any:
        """The value in the form the model expects (text stripped, lists, ``None``).

        A date or number box whose text cannot be read gives ``None`` and
        :attr:`input_error` says why (forms refuse to save while there is one).
        """
        raw = self.widget.value
        if self.kind in _PARSERS:
            try:
                return _PARSERS[self.kind](raw)
            except ValueError:
                return None
        if self.kind in ("text", "textarea", "combo"):
            return raw.strip()
        if self.kind == "multi":
            return list(raw)
        if self.kind == "dropdown" and raw == NONE:
            return None
        return raw

    @value.setter
    def value(self, new: Any) -> None:
        if self.kind == "multi":
            new = tuple(new or ())
        elif self.kind == "dropdown" and new is None:
            new = NONE
        elif self.kind == "date" and not isinstance(new, str):
            new = describe_date(new)
        elif self.kind == "float" and not isinstance(new, str):
            new = format_number(new)
        elif self.kind == "int" and not isinstance(new, str):
            new = "" if new is None else str(int(new))
        elif self.kind in ("text", "textarea", "combo") and new is None:
            new = ""
        elif self.kind == "slider" and new is not None:
            try:
                new = slider_number(new, self.widget.min, self.widget.max)
            except ValueError as err:  # named beside it; the slider keeps what it showed
                self.error(f"{self.label}: {err}")
                return
        self.widget.value = new

    @property
    def option_texts(self) -> dict[Any, str]:
        """What a dropdown or a list of checkboxes shows for each value it can hold (the
        text a person reads, not the file's code); ``{}`` for other fields.

        >>> make_field("stage", "Stage", "dropdown", options=[("Not now", "not_now")],
        ...            value="not_now").option_texts
        {'not_now': 'Not now'}
        """
        if self.kind == "dropdown":
            return {v: label for label, v in self.widget.options}
        if self.kind == "multi":
            return {v: box.description for v, box in zip(self.widget._values,
                                                         self.widget.boxes, strict=True)}
        return {}

    @property
    def input_error(self) -> str | None:
        """Why the text in a date or number box cannot be read (``None`` when it can).

        >>> f = make_field("due", "Due", "date")
        >>> f.value = "2027-02-30"
        >>> f.input_error, f.value
        ('30 February 2027 is not a date (February 2027 has 28 days); e.g. 2027-02-28', None)
        """
        if self.kind not in _PARSERS:
            return None
        try:
            _PARSERS[self.kind](self.widget.value)
        except ValueError as err:
            return str(err)
        return None

    def error(self, text: str) -> None:
        """Show ``text`` beside the input (escaped)."""
        self.error_text = text
        self.message.value = (
            f'<span class="cw-field-error" role="alert" style="color:{ERROR_TEXT}">⚠ {esc(text)}'
            "</span>"
        )

    def clear(self) -> None:
        """Remove the message."""
        self.error_text = None
        if self._message is not None:
            self._message.value = ""

    @property
    def has_error(self) -> bool:
        return self._message is not None and bool(self._message.value)


def make_field(
    key: str, label: str, kind: str, *, value: Any = None, help: str = "",
    options: Sequence[Any] = (), min: float | None = None, max: float | None = None,
    placeholder: str = "", rows: int = 3, optional: bool = False, continuous: bool = False,
) -> Field:
    """Create a :class:`Field` of one of the standard kinds.

    ``kind`` is one of ``text``, ``textarea``, ``combo`` (text with suggestions from
    ``options``), ``int``, ``float``, ``slider`` (``min``..``max``), ``dropdown`` (``options``
    as values or ``(label, value)`` pairs; ``optional=True`` adds "— none —"), ``multi``
    (choose several), ``date`` and ``checkbox``.

    Typed text reaches the kernel when the person leaves the box (Tab, a click elsewhere)
    or presses Enter, in one message, sent before the click of a button that follows it:
    sent key by key, the last keys could reach the kernel after a quick click on Save (the
    page holds a widget's updates back while the kernel handles one, but sends a click at
    once), and the save missed them. ``continuous=True`` sends it key by key, for feedback
    as the person types (the SMART drafter); a form still saves what came late (see
    :mod:`~career_workbook.widgets.late`).

    >>> make_field("lessons", "Lessons", "textarea").widget.continuous_update
    False
    >>> f = make_field("importance", "Importance", "slider", value=3, min=1, max=5)
    >>> f.widget.value, f.widget.description
    (3, 'Importance')
    >>> make_field("goal_id", "Goal", "dropdown", options=[("Learn SQL", "g1")],
    ...            optional=True).value is None
    True
    """
    if kind not in _KINDS:
        raise ValueError(f"kind = {kind!r}: must be one of {', '.join(_KINDS)}")
    # label, tooltip and label width go out with the widget's first message: set afterwards
    # (as :class:`Field` would), each would be one more message to the page per field
    own = {"description": label, "tooltip": _tooltip(label, help)}

    def style(klass: type) -> dict[str, Any]:
        return {"style": label_style(klass)}

    def wide() -> widgets.Layout:
        return width(INPUT_WIDTH)

    if kind == "text":
        w: widgets.Widget = widgets.Text(value=value or "", placeholder=placeholder,
                                         continuous_update=continuous, layout=wide(), **own,
                                         **style(widgets.Text))
    elif kind == "combo":
        w = widgets.Combobox(value=value or "", options=[str(o) for o in options],
                             placeholder=placeholder, ensure_option=False,
                             continuous_update=continuous, layout=wide(), **own,
                             **style(widgets.Combobox))
    elif kind == "textarea":
        w = widgets.Textarea(value=value or "", placeholder=placeholder, rows=rows,
                             continuous_update=continuous, layout=width("36em"), **own,
                             **style(widgets.Textarea))
    elif kind == "int":  # text too: a number box drops the comma of "2,5" and reads 25
        w = widgets.Text(value=str(0 if value is None else int(value)),
                         placeholder=placeholder or "e.g. 3", continuous_update=False,
                         layout=width("8em"), **own, **style(widgets.Text))
    elif kind == "float":  # text, so that "3,5" can be read (and explained when it cannot)
        w = widgets.Text(value=format_number(0.0 if value is None else float(value)),
                         placeholder=placeholder or "e.g. 12.5", continuous_update=False,
                         layout=width("8em"), **own, **style(widgets.Text))
    elif kind == "slider":
        lo, hi = int(min if min is not None else 0), int(max if max is not None else 10)
        start = lo if value is None else int(value)
        w = widgets.IntSlider(value=start, min=lo, max=hi, step=1, continuous_update=False,
                              layout=width("20em"), **own, **style(widgets.IntSlider),
                              _dom_classes=(SLIDER, f"{SLIDER}-{next(_slider_count)}"))
    elif kind == "dropdown":
        pairs = [o if isinstance(o, tuple) else (str(o), o) for o in options]
        if optional:
            pairs = [("— none —", NONE), *pairs]
        values = [v for _, v in pairs]
        chosen = NONE if value is None else value
        if chosen in values:  # chosen at once (setting it afterwards is one more message)
            own["value"] = chosen
        w = widgets.Dropdown(options=pairs, layout=wide(), **own, **style(widgets.Dropdown))
    elif kind == "multi":
        pairs = [o if isinstance(o, tuple) else (str(o), o) for o in options]
        w = CheckList(pairs, value, description=label, tooltip=own["tooltip"])
    elif kind == "date":  # text: a browser date picker turns "02/30/2027" into "no date"
        w = widgets.Text(value=describe_date(value), placeholder=placeholder or DATE_PLACEHOLDER,
                         continuous_update=False,  # checked when the person leaves the box
                         layout=width("22em"), **own, **style(widgets.Text))
    else:  # checkbox
        w = quiet.Checkbox(value=bool(value), indent=True, **own, **style(widgets.Checkbox))
    field = Field(key, label, w, kind=kind, help=help, optional=optional)
    if kind == "slider":  # its number box is read by the kernel: type_into_slider
        _SLIDERS[w._dom_classes[1]] = field
    return field


def field_boxes(fields: Iterable[Field]) -> list[widgets.Widget]:
    """The display boxes of ``fields``, in order."""
    return [f.box for f in fields]


# ----------------------------------------------------------------------------------------
# Validation: pydantic errors -> plain sentences, keyed by field
# ----------------------------------------------------------------------------------------
def _bounds(annotation: Any) -> tuple[Any, Any]:
    """``(ge, le)`` found in an annotation's metadata (nested Annotated/Optional/dict too)."""
    lo = hi = None
    stack = [annotation]
    while stack:
        item = stack.pop()
        for meta in getattr(item, "metadata", None) or ():
            lo = getattr(meta, "ge", lo) if getattr(meta, "ge", None) is not None else lo
            hi = getattr(meta, "le", hi) if getattr(meta, "le", None) is not None else hi
        stack.extend(typing.get_args(item))
        if hasattr(item, "annotation") and item.annotation is not None:
            stack.append(item.annotation)
    return lo, hi


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _bound(value: Any) -> str:
    """A limit as the forms' help writes it: thousands with commas ("0-10,000")."""
    return f"{value:,g}" if isinstance(value, float) else (
        f"{value:,}" if isinstance(value, int) else str(value))


def friendly_message(label: str, error: Mapping[str, Any],
                     bounds: tuple[Any, Any] = (None, None)) -> str:
    """One pydantic error as a sentence a person understands.

    >>> friendly_message("Importance", {"type": "less_than_equal", "input": 7,
    ...                  "ctx": {"le": 5}, "msg": ""}, (1, 5))
    'Importance must be between 1 and 5 (you entered 7)'
    >>> friendly_message("Hours so far", {"type": "less_than_equal", "input": 20000.0,
    ...                  "ctx": {"le": 10_000}, "msg": ""}, (0, 10_000))
    'Hours so far must be between 0 and 10,000 (you entered 20000)'
    >>> friendly_message("Name", {"type": "string_too_short", "input": "", "msg": ""})
    'Name must not be blank'
    >>> friendly_message("Date", {"type": "date_type", "input": None, "msg": ""})
    'Date is required'
    >>> friendly_message("Organisation", {"type": "string_too_long", "input": "O" * 5000,
    ...                  "ctx": {"max_length": 200}, "msg": ""})
    'Organisation is too long: at most 200 characters (now 5,000)'
    """
    kind = error.get("type", "")
    value = error.get("input")
    ctx = error.get("ctx") or {}
    msg = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    if kind == "missing" or (value is None and kind.endswith("_type")):
        return f"{label} is required"
    if kind == "string_too_short" or msg == "must not be blank":
        return f"{label} must not be blank"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        lo = bounds[0] if bounds[0] is not None else ctx.get("ge", ctx.get("gt"))
        hi = bounds[1] if bounds[1] is not None else ctx.get("le", ctx.get("lt"))
        shown = f" (you entered {_number(value)})" if value is not None else ""
        if lo is not None and hi is not None:
            return f"{label} must be between {_bound(lo)} and {_bound(hi)}{shown}"
        if lo is not None:
            return f"{label} must be at least {_bound(lo)}{shown}"
        return f"{label} must be at most {_bound(hi)}{shown}"
    if kind == "string_too_long":
        n = f"{len(value):,}" if isinstance(value, str) else "?"
        most = ctx.get("max_length")
        most = f"{most:,}" if isinstance(most, int) else most
        return f"{label} is too long: at most {most} characters (now {n})"
    if kind == "literal_error":
        return f"{label} must be one of {ctx.get('expected', '')}"
    if kind.startswith("date"):
        return f"{label} must be a date such as 2026-11-22"
    if kind.startswith("int"):
        return f"{label} must be a whole number"
    if kind.startswith("float"):
        return f"{label} must be a number"
    return f"{label}: {msg}"


def error_key(loc: Sequence[Any], keys: Iterable[str]) -> str:
    """The form key an error location belongs to: the longest matching dotted prefix.

    >>> error_key(("ratings", "SQL"), ["date", "ratings.SQL"])
    'ratings.SQL'
    >>> error_key(("metric", "target"), ["text"])
    'metric'
    >>> error_key((), ["text"])
    ''
    """
    parts = [str(p) for p in loc]
    known = set(keys)
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in known:
            return candidate
    return parts[0] if parts else ""


def check_model(model: type[BaseModel], data: Mapping[str, Any],
                labels: Mapping[str, str]) -> tuple[Any, dict[str, str]]:
    """Build ``model`` from ``data``; return ``(instance, {})`` or ``(None, errors)``.

    ``errors`` maps a form key (see :func:`error_key`) to a plain sentence; errors about the
    whole record are under ``""``. ``labels`` names the fields in messages.

    >>> from career_workbook.model import Value
    >>> check_model(Value, {"name": " ", "importance": 11}, {"name": "Value",
    ...             "importance": "Importance"})[1]
    {'name': 'Value must not be blank', 'importance': 'Importance must be between 1 and 10 (you entered 11)'}
    """  # noqa: E501
    try:
        # a form's caps (model.ShortText): what a person types, not what a file holds
        return model.model_validate(dict(data), context={"typed": True}), {}
    except ValidationError as err:
        errors: dict[str, str] = {}
        for e in err.errors():
            loc = tuple(e.get("loc", ()))
            key = error_key(loc, labels)
            info = model.model_fields.get(str(loc[0])) if loc else None
            bounds = _bounds(info) if info is not None else (None, None)
            label = labels.get(key) or labels.get(str(loc[0]) if loc else "") or (
                key.replace("_", " ").capitalize() if key else "This entry")
            errors.setdefault(key, friendly_message(label, e, bounds))
        return None, errors


_LIST_MARK = re.compile(r"^(?:[-*+•·▪◦‣–—]|\(?\d{1,2}[.)])\s+")
"""A list marker that a line pasted from a document or typed as a list begins with: a
bullet or dash, or a number with its dot or parenthesis ("1.", "2)"), always followed by a
space (so "1.5x faster" and "-3 dB" keep theirs)."""


def _line_item(line: str) -> str:
    """One line of a "one per line" box as the item it holds: outer spaces and a list
    marker (:data:`_LIST_MARK`) taken off.

    >>> [_line_item(t) for t in ("• Listening", "  2) Writing docs ", "1.5x faster", "- ")]
    ['Listening', 'Writing docs', '1.5x faster', '-']
    """
    item = line.strip()
    return _LIST_MARK.sub("", item, count=1).strip() or item


def lines(text: str | None) -> list[str]:
    """Parse "one per line" text: stripped, blanks and repeats dropped, order kept; a list
    pasted with its bullets or numbers keeps the items only.

    >>> lines("a\\n b \\n\\na")
    ['a', 'b']
    >>> lines("• Listening\\n- Calm under pressure\\n\\t1. Writing clear docs\\n* Listening")
    ['Listening', 'Calm under pressure', 'Writing clear docs']
    """
    out: list[str] = []
    for line in (text or "").splitlines():
        item = _line_item(line)
        if item and item not in out:
            out.append(item)
    return out


def line_of(text: str | None, item: str) -> int:
    """The line of ``text`` where the "one per line" ``item`` (from :func:`lines`) first
    stands, counted as the person sees the box: from 1, blank lines included (1 if absent).

    >>> line_of("Good at SQL\\n\\n  Long text ", "Long text")
    3
    """
    for number, line in enumerate((text or "").splitlines(), start=1):
        if _line_item(line) == item:
            return number
    return 1


def with_article(noun: str) -> str:
    """``a skill``, ``an action``, ``an achievement``.

    >>> with_article("action"), with_article("learning item"), with_article("value")
    ('an action', 'a learning item', 'a value')
    """
    return f"{'an' if noun[:1].lower() in 'aeio' else 'a'} {noun}"


def describe_date(day: date | None) -> str:
    """``2026-11-22`` or an empty string."""
    return day.isoformat() if day else ""


def still_true(shown: Mapping[str, str], now: Mapping[str, str],
               unread: Mapping[str, str]) -> dict[str, str]:
    """The errors a form re-checked without saving shows (:meth:`FormView.bind` with
    ``live=False``): those ``shown`` that the check ``now`` still says word for word, and
    what a box cannot read (``unread``). A fixed one goes as soon as the value changes; a
    new one waits for Save, so typing a new goal is not met with a warning a keystroke.

    >>> shown = {"text": "30 February 2027 is not a date", "deadline": "Pick a later day"}
    >>> still_true(shown, {"deadline": "Pick a later day", "text": "Too long"}, {})
    {'deadline': 'Pick a later day'}
    >>> still_true({}, {"text": "Too long"}, {"deadline": "“2027-13-01” is not a date"})
    {'deadline': '“2027-13-01” is not a date'}
    """
    return {**{k: m for k, m in shown.items() if now.get(k) == m}, **unread}


def on_any_change(fields: Iterable[Field], callback: Callable[[], None]) -> None:
    """Call ``callback()`` whenever the value of one of ``fields`` changes."""
    for f in fields:
        f.widget.observe(lambda _change: callback(), names="value")


# ----------------------------------------------------------------------------------------
# The form host: renders a form from the session's workbook, re-renders after saves
# ----------------------------------------------------------------------------------------
_UNBUILT = object()
FIX_MARKED = "Nothing was saved: please fix the field marked ⚠."
"""The status line when the reason is beside the field at fault."""
CHANGED_ELSEWHERE = "changed in another window — see below"
"""The mark beside a field changed both here and elsewhere (the status line says how)."""
UNSAVED = "cw-unsaved"
"""The class a form's box has while one of its fields differs from the value the form showed
(its value in the file, or the blank of a new entry): the app's page asks before it is left
(``app_template/voila/templates/career/app.js``), JupyterLab's before its tab is closed
(:data:`~career_workbook.widgets.display.UNSAVED_JS`)."""


def shown_value(field: Field) -> Any:
    """What ``field`` shows, as compared to tell an edit: text without the spaces around it
    (a space typed and taken back is no edit), anything else as it is.

    >>> text = make_field("name", "Name", "text", value=" Sam  ")
    >>> shown_value(text), shown_value(make_field("n", "N", "slider", value=3, min=1, max=5))
    ('Sam', 3)
    """
    value = field.widget.value
    return value.strip() if isinstance(value, str) else value

Collect = Callable[[], tuple[Any, dict[str, str]]]


def _at(result: Any) -> str:
    """`` at 10:42`` for a save that says when it was made."""
    when = getattr(result, "saved_at", None)
    return f" at {when:%H:%M}" if when else ""


class _LateWatch:
    """A save's fields, the values it used and how to make it again, kept after the save
    so that a value the page sent before the click but that came after it is saved too
    (see :mod:`career_workbook.widgets.late`)."""

    def __init__(self, view: FormView, name: str, sent: dict[str, Any], collect: Collect,
                 apply: Callable[[Any, Any], Any], *, after: Callable[[Any], None] | None,
                 detail: Callable[[Any], str] | None, guard: bool):
        self.name, self.sent = name, sent
        self.fields, self.filled, self.state = dict(view.fields), view.filled, \
            dict(view.state)
        self.collect, self.apply, self.after, self.detail = collect, apply, after, detail
        self.guard = guard
        self.before: Any = None  # the file before the save
        self.wrote: Any = None  # the workbook as the last save left it
        self.at: float | None = None  # when the save ended (None: not saved yet)
        self._view = view
        for f in self.fields.values():
            f.widget.observe(view._arrived, names="value")

    def keeping(self, apply: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        """``apply``, keeping a copy of the file as it was before."""
        def change(wb: Any, record: Any) -> Any:
            self.before = wb.model_copy(deep=True)
            return apply(wb, record)
        return change

    def saved(self, workbook: Any) -> None:
        self.wrote, self.at = workbook, time.monotonic()

    def again(self, wb: Any, record: Any) -> Any:
        """The save made again under the file lock: the file put back as it was before
        the first one, then ``apply`` with the values as they are now. Refused when the
        file changed in another window since."""
        if self.before is None or wb != self.wrote:
            from career_workbook.widgets.merge import EditConflict

            raise EditConflict([Problem("", None, "changed in another window just after "
                                                  "your save")], {"": "the workbook"})
        _late.restore_sections(wb, self.before.model_copy(deep=True))
        return self.apply(wb, record)

    def came(self) -> dict[str, Any]:
        """Form key -> value, for the fields whose value is not the one the save used."""
        return {k: f.widget.value for k, f in self.fields.items()
                if f.widget.value != self.sent.get(k)}

    def arrived(self, widget: widgets.Widget, shown: Mapping[str, Field]) -> bool:
        """Whether ``widget``'s value, just sent by the page, belongs to the save: one of
        its fields, another value than the save used, in a box the save replaced (it can
        only get what was typed before) or within :data:`~late.LATE_SECONDS`."""
        key = next((k for k, f in self.fields.items() if f.widget is widget), None)
        if self.at is None or key is None or widget.value == self.sent.get(key):
            return False
        still = any(f.widget is widget for f in shown.values())
        return not still or time.monotonic() - self.at <= _late.LATE_SECONDS

    def over(self) -> bool:
        return self.at is not None and time.monotonic() - self.at > _late.LATE_SECONDS

    def widgets(self) -> list[widgets.Widget]:
        return [f.widget for f in self.fields.values()]

    def end(self, shown: Mapping[str, Field]) -> None:
        """Stop watching; close the boxes the form no longer shows."""
        still = {id(f.widget) for f in shown.values()}
        for f in self.fields.values():
            f.widget.unobserve(self._view._arrived, names="value")
            if id(f.widget) not in still:
                close_widgets([f.widget])


class FormView(quiet.VBox):
    """A form bound to a session: a title, a body built from the workbook, a status line.

    ``build(view)`` returns the body's widgets and registers its inputs in
    ``view.fields`` (by key) and its buttons in ``view.buttons``. The body is rebuilt after
    a save whenever ``depends(workbook)`` changed (so pre-filled values and choice lists
    stay current) and whenever the workbook appears or disappears, but a form the person
    has typed in (:attr:`typed`) keeps what they typed until they save it (merged with the
    file as it is then) or choose another entry. Without a workbook the
    body is the "open 00_start_here" message (or the load error), so nothing can be saved.

    A form opened (its cell run) or rebuilt for the person's choice (:meth:`rebuild`: a
    record picked, a button pressed) uses the file as it is now: one saved in another tab
    or notebook since is read again first (:meth:`Session.refresh
    <career_workbook.widgets.session.Session.refresh>`, a ``stat`` when nothing changed), so
    a goal or skill added there is offered here.

    Attributes
    ----------
    fields : dict[str, Field]
    buttons : dict[str, ipywidgets.Button]
    status : ipywidgets.HTML
        "Saved at 10:42", or why nothing was saved.
    state : dict
        What the form remembers across rebuilds (e.g. the chosen item).
    chooser : ipywidgets.Dropdown or None
        In list forms, the "choose an item / add a new one" dropdown.
    undo_button : ipywidgets.Button
        "Undo", below the status line right after a removal (:meth:`offer_undo`).
    refill : callable or None
        Set by ``build`` when the body can be brought up to date in place after a save
        (new values, help and intro texts in the same widgets: the page redraws only what
        changed instead of every widget of the form). It returns ``False`` when the body
        must be rebuilt after all (e.g. the list of skills changed).
    unsaved : bool
        Whether a field differs from what the form showed when it was (re)filled from the
        workbook or last saved; the box then has the class :data:`UNSAVED`. Always
        ``False`` with ``saves_input=False``: a form whose fields only steer what it does
        (a period to write up, a pasted posting, a file to import) loses nothing when left.

    >>> import tempfile, pathlib
    >>> from career_workbook.widgets.session import Session
    >>> s = Session(pathlib.Path(tempfile.mkdtemp()) / "sam.yaml"); _ = s.create("Sam")
    >>> from career_workbook.widgets.forms_skills import strengths_form
    >>> view = strengths_form(s)
    >>> view.fields["strengths"].value = "Listening"
    >>> view.unsaved, UNSAVED in view._dom_classes
    (True, True)
    >>> view.buttons["save"].click()
    >>> view.unsaved, s.workbook.strengths
    (False, ['Listening'])
    """

    def __init__(self, session: Any, build: Callable[[FormView], list[widgets.Widget]], *,
                 name: str, title: str, intro: str = "",
                 depends: Callable[[Any], Any] | None = None, needs_workbook: bool = True,
                 saves_input: bool = True):
        self._opens_later = True  # opened once its body is built: see open()
        super().__init__(_dom_classes=("cw-form",))
        self.session, self.name = session, name
        self.fields: dict[str, Field] = {}
        self.buttons: dict[str, widgets.Button] = {}
        self.state: dict[str, Any] = {}
        self.chooser: widgets.Dropdown | None = None
        self.status = quiet.HTML("", _dom_classes=(LIVE,))  # read out when it changes
        self.saves_input = saves_input
        self._shown: dict[str, Any] = {}
        self._filling = False
        self._pressed_key: str | None = None
        self._reload_button: widgets.Button | None = None
        self._undo_button: widgets.Button | None = None
        self._undo: tuple[Callable[[Any], Any], str] | None = None
        self.filled: Any = None
        self.refill: Callable[[], bool] | None = None
        self._collect: Collect | None = None
        self._clean: dict[str, tuple[str, dict[str, Any]]] = {}
        self._saving = False
        self._rebuilding = False
        self._asked_to_fix = False
        self._late: _LateWatch | None = None
        self._follow: dict[str, int] = {}
        self._day: date | None = None
        self._replaying = self._missed = False
        self.title = heading(title, intro)
        self._build, self._depends, self._needs_workbook = build, depends, needs_workbook
        self._key: Any = _UNBUILT
        try:
            self._refresh()  # a cell run again after a save in another tab shows that save
            self.render()
        finally:
            self._opens_later = False
            self.open()
        session.on_change(self._changed, key=("form", name))

    def open(self) -> None:
        """Open the form's model in the page, with its title, body and status line: not
        before they are built (``__init__`` opens it then), so the page gets the whole form
        in one message instead of an empty box and then its children."""
        if not getattr(self, "_opens_later", False):
            super().open()

    @property
    def model_id(self) -> str:
        """The model's id; asked for before the body is built, it opens the model then."""
        if getattr(self, "_opens_later", False):
            self._opens_later = False
            self.open()
        return super().model_id

    def _state_key(self) -> Any:
        """What the body is built from; its last item is the day counted from (a form left
        open past midnight is built again for the new day, :meth:`follows_today`)."""
        wb = self.session.workbook
        if wb is None:
            return ("none", self.session.error, self.session.missing)
        return ("ok", self._depends(wb) if self._depends is not None else wb,
                getattr(self.session, "today", None))

    def follows_today(self, field: Field, days: int = 0) -> None:
        """Say that ``field`` (a date box of a new entry) shows the day counted from plus
        ``days``: in a form left open past midnight it moves to the new day (when the
        person comes back, :func:`~career_workbook.widgets.display.refresh_button`, and
        before a save), unless the person typed a date in it. A form nobody typed in is
        built again for the new day anyway; this keeps what they typed in its other boxes.

        >>> import tempfile, pathlib
        >>> from datetime import timedelta
        >>> from career_workbook.widgets.session import Session
        >>> s = Session(pathlib.Path(tempfile.mkdtemp()) / "sam.yaml", today="2026-12-31")
        >>> _ = s.create("Sam")
        >>> from career_workbook.widgets.forms_review import check_in_form
        >>> view = check_in_form(s)
        >>> view.fields["wins"].value = "Gave the talk"
        >>> s._pinned += timedelta(days=1)  # the clock passes midnight
        >>> _ = s.refresh()
        >>> view.fields["date"].value, view.fields["wins"].value
        (datetime.date(2027, 1, 1), 'Gave the talk')
        """
        self._follow[field.key] = days

    def _follow_day(self) -> None:
        """Move each :meth:`follows_today` box still showing the day it was filled for (not
        typed in) to the day counted from now."""
        from datetime import timedelta

        day, built = getattr(self.session, "today", None), self._day
        if day is None or built is None or day == built:
            return
        self._day = day
        self._filling = True
        try:
            for key, days in self._follow.items():
                f = self.fields.get(key)
                then = built + timedelta(days=days)
                if f is None or f.input_error or f.value != then or \
                        self._shown.get(key) != shown_value(f):
                    continue
                f.value = day + timedelta(days=days)
                self._shown[key] = shown_value(f)
        finally:
            self._filling = False

    def __repr__(self) -> str:
        title = re.sub(r"<[^>]+>", " ", self.title.value).split("  ")[0].strip()
        # a list to read ("What to do next") has nothing to fill in
        action = "fill it in" if self.fields or self.buttons else "see it"
        return f"<form “{html.unescape(title)}”: run this notebook in JupyterLab to {action}>"

    @property
    def reload_button(self) -> widgets.Button:
        """The "Reload" button, shown after a conflict (hidden otherwise). Made, and put at
        the end of the form, when first needed: most forms never show it, and a hidden
        button still costs the page two models (button and layout)."""
        if self._reload_button is None:
            self._reload_button = secondary_button(
                "Reload", "Show the workbook as it is now (changed in another window); your "
                          "unsaved changes in this form are discarded", icon="refresh",
                hidden=True)
            self._reload_button.on_click(lambda _b: self.reload())
            self._attach_tail()
        return self._reload_button

    @property
    def undo_button(self) -> widgets.Button:
        """The "Undo" button below the status line, shown while :meth:`offer_undo` offers
        one (hidden otherwise); made when first needed, as :attr:`reload_button` is."""
        if self._undo_button is None:
            self._undo_button = secondary_button("Undo", "Put back what you just removed",
                                                 icon="undo", hidden=True)
            self._undo_button.on_click(lambda _b: self._run_undo())
            self._attach_tail()
        return self._undo_button

    def _tail(self) -> list[widgets.Widget]:
        """The status line and, once made, the Undo and Reload buttons."""
        return [self.status, *(b for b in (self._undo_button, self._reload_button)
                               if b is not None)]

    def _attach_tail(self) -> None:
        tail = self._tail()
        self.children = (*(c for c in self.children if all(c is not t for t in tail)), *tail)

    def render(self) -> None:
        """Build the body again from the session's current workbook (the old body's
        widgets are closed, so a long session does not pile up widget models)."""
        keep = (self.title, *self._tail())
        old = [c for c in self.children if all(c is not k for k in keep)]
        pressed = quiet.pressed()  # a button of this body, pressed: its key, for the focus
        self._pressed_key = next((k for k, b in self.buttons.items() if b is pressed),
                                 self._pressed_key if pressed is not None else None)
        self.fields, self.buttons, self.chooser, self.filled = {}, {}, None, None
        self.refill, self._collect, self._follow = None, None, {}
        self._day = getattr(self.session, "today", None)
        self.drop_undo()
        if not self._saving:  # another item chosen, reloaded, changed elsewhere: a new form
            self._clean = {}
        self._key = self._state_key()
        self._name_drafts()  # before the body: in the model's opening message
        if self.session.workbook is None and self._needs_workbook:
            kind = "error" if self.session.error else "info"
            body: list[widgets.Widget] = [notice(self.session.form_message(), kind)]
        else:
            self._filling = True  # the values it is built with are what it shows
            try:
                body = list(self._build(self))
            finally:
                self._filling = False
        self.children = [self.title, *body, *self._tail()]
        if self._late is not None and not self._saving and self._late.over():
            self._end_late()  # the person moved on (chose another item, ...)
        close_widgets(old, keep=self._late.widgets() if self._late is not None else ())
        self._remember_shown()

    def _refresh(self) -> bool:
        """The session read again if its file changed since (``True`` then), without this
        form rebuilding itself from the notification (its caller renders it)."""
        refresh = getattr(self.session, "refresh", None)
        if refresh is None:
            return False
        self._rebuilding = True
        try:
            return bool(refresh())
        finally:
            self._rebuilding = False

    def rebuild(self, *, if_changed: bool = False) -> bool:
        """Build the body again for the person's choice (a record picked, a button
        pressed) from the file as it is now: read again first when it changed since it was
        read (saved in another tab, notebook or from the command line). With
        ``if_changed`` only then; returns whether it was built again."""
        changed = self._refresh()
        if changed or not if_changed:
            self.render()
            return True
        return False

    def reload(self) -> None:
        """Read the file again and refill every form from it (after a conflict)."""
        self._end_late()
        self.session.reload()
        if self._reload_button is not None:
            self._reload_button.layout.display = "none"
        self.set_status("")
        before = self._key
        self.session.notify()
        if self._key is before:  # not rebuilt by the notification: refill it anyway
            self.render()
        self.focus_pressed()  # the Reload button pressed is hidden again

    def _changed(self, _session: Any) -> None:
        self.drop_undo()  # another save (or a reload): the removal is no longer the latest
        if self._rebuilding:  # read again for this form's own rebuild, which follows
            return
        if self._replaying:  # a late value's save, with the fields of the click: later
            self._missed = True
            return
        key = self._state_key()
        if key == self._key:
            return
        if not self._saving and key[0] == "ok" and self._key[0] == "ok" and self.typed:
            self._follow_day()  # past midnight: a date box not typed in shows the new day
            return  # saved elsewhere while the person types here: what they typed stays
        if self.refill is not None and key[0] == "ok" and self._key[0] == "ok" \
                and key[-1] == self._key[-1]:  # a new day: built again (dates, "3 days ago")
            self._filling = True
            try:
                refilled = self.refill()
            finally:
                self._filling = False
            if refilled:
                self._key = key
                for f in self.fields.values():
                    f.clear()
                if self._collect is not None:
                    self.filled = self._collect()[0]
                self._remember_shown()
                return
        self.render()

    # ---------------------------------------------------------------- unsaved input
    def draft_key(self) -> str | None:
        """The class naming this form's workbook, notebook, name and chosen record
        (:data:`DRAFTS`), under which the page keeps its text fields' unsaved drafts;
        ``None`` for a form that saves no input.

        >>> import tempfile, pathlib
        >>> from career_workbook.widgets.session import Session
        >>> s = Session(pathlib.Path(tempfile.mkdtemp()) / "sam.yaml"); _ = s.create("Sam")
        >>> from career_workbook.widgets.forms_skills import strengths_form
        >>> view = strengths_form(s)
        >>> key = view.draft_key(); key.startswith("cw-drafts-"), key in view._dom_classes
        (True, True)
        >>> key == strengths_form(s).draft_key()  # the same form opened again
        True
        """
        if not self.saves_input:
            return None
        record = self.state.get("selected", NONE)  # the record chosen (list forms)
        return draft_class(DRAFTS, getattr(self.session, "path", ""),
                           getattr(self.session, "notebook", ""), self.name, record)

    def _name_drafts(self) -> None:
        """Give the box the class of :meth:`draft_key` (one message, only when it changed)."""
        key = self.draft_key()
        old = [c for c in self._dom_classes if c.startswith(DRAFTS + "-") and c != key]
        if key is not None and key not in self._dom_classes:
            self._dom_classes = (*(c for c in self._dom_classes if c not in old), key)
        elif old:
            self._dom_classes = tuple(c for c in self._dom_classes if c not in old)

    @property
    def unsaved(self) -> bool:
        return UNSAVED in self._dom_classes

    @property
    def typed(self) -> bool:
        """Whether a field now holds something other than what the form was built,
        refilled or saved with: what the person typed, which a rebuild would lose (also in
        a form with ``saves_input=False``, never marked :attr:`unsaved`: a pasted posting)."""
        return any(key in self._shown and shown_value(f) != self._shown[key]
                   for key, f in self.fields.items())

    def kept(self) -> None:
        """Say that the fields as they are now are kept by the form itself (in
        :attr:`state`, built again with them): no longer :attr:`typed`."""
        self._remember_shown()

    def _remember_shown(self) -> None:
        """What the fields show now is what the file holds (built, refilled or saved)."""
        self._shown = {k: shown_value(f) for k, f in self.fields.items()}
        self._mark_unsaved(False)

    def _mark_unsaved(self, unsaved: bool) -> None:
        """Add or remove :data:`UNSAVED` (one message to the page, only when it changes)."""
        unsaved = unsaved and self.saves_input
        if unsaved != self.unsaved:
            (self.add_class if unsaved else self.remove_class)(UNSAVED)

    def _edited(self, _change: Any = None) -> None:
        """A field's value changed: the form is unsaved while any field differs from what
        it showed (a value typed and taken back leaves it saved)."""
        if self._filling or not self.saves_input:
            return
        self._mark_unsaved(self.typed)

    # ---------------------------------------------------------------- messages
    def add(self, *fields: Field) -> list[widgets.Widget]:
        """Register ``fields`` and return their boxes (for the body)."""
        for f in fields:
            self.fields[f.key] = f
            f.widget.observe(self._edited, names="value")
        return [f.box for f in fields]

    def insert(self, after: widgets.Widget, *items: Field | widgets.Widget,
               holding: Sequence[Field] = ()) -> None:
        """Put ``items`` (fields or widgets) just after ``after`` (one of the form's rows, or
        a widget in one, such as a Save button in its row): a part made only when it is
        first shown (a row most people never see still costs the page a model and a view
        for each of its widgets, hidden or not). Fields are registered as
        :meth:`add` does, with the value they are made with as what the form shows; so
        are ``holding``, fields inside a widget of ``items`` (a row that holds a field).

        >>> from types import SimpleNamespace
        >>> view = FormView(SimpleNamespace(workbook=None, error=None, missing=True,
        ...                 form_message=lambda: "No workbook yet",
        ...                 on_change=lambda *a, **k: None), lambda v: [], name="x",
        ...                 title="X", needs_workbook=False)
        >>> later = make_field("tidy", "Tidy", "checkbox", value=True)
        >>> view.insert(view.title, later)
        >>> view.children[1] is later.box, view.typed, view.fields["tidy"] is later
        (True, False, True)
        >>> later.value = False
        >>> view.typed
        True
        """
        fields = [*(item for item in items if isinstance(item, Field)), *holding]
        self.add(*fields)
        self._shown.update({f.key: shown_value(f) for f in fields})
        # ``after`` is one of the form's rows, or a widget inside one (a Save button's row)
        box = next(w for w in quiet.widget_tree([self]) if isinstance(w, widgets.Box)
                   and any(child is after for child in w.children))
        at = next(i for i, child in enumerate(box.children) if child is after) + 1
        box.children = (*box.children[:at],
                        *(item.box if isinstance(item, Field) else item for item in items),
                        *box.children[at:])

    def stored(self, name: str) -> Any:
        """The field ``name`` of the record the form's record editor shows, as the file had
        it when the form was built (``None`` for a new record): a rule that leaves a value
        already saved alone (an overdue step edited for something else) compares with it.

        >>> from types import SimpleNamespace
        >>> view = FormView(SimpleNamespace(workbook=None, error=None, missing=True,
        ...                 form_message=lambda: "", on_change=lambda *a, **k: None),
        ...                 lambda v: [], name="x", title="X", needs_workbook=False)
        >>> view.stored("due") is None
        True
        >>> view.state["editing"] = SimpleNamespace(due=date(2026, 1, 15))
        >>> view.stored("due")
        datetime.date(2026, 1, 15)
        """
        return getattr(self.state.get("editing"), name, None)

    def set_status(self, text: str, kind: str = "info") -> None:
        """Say ``text`` in the status line (an Undo offered for the previous one goes)."""
        self.status.value = notice_html(text, kind) if text else ""
        self._asked_to_fix = False
        self.drop_undo()

    # ---------------------------------------------------------------- undo
    def offer_undo(self, apply: Callable[[Any], Any], done: str, tooltip: str = "") -> None:
        """Show "Undo" below the status line, for what the form just saved (a removal).

        One click saves ``apply(wb)`` (under the file lock, on the file as it is then, like
        every save) and the status line says "Saved at 10:42 — ``done``"; if it is refused,
        it says why and how to bring back a whole earlier version instead. The offer is for
        once, and only for the latest save: it goes when the form is rebuilt, when the
        status line says something else, and when anything else is saved in this notebook.

        >>> from types import SimpleNamespace
        >>> view = FormView(SimpleNamespace(workbook=None, error=None, missing=True,
        ...                 form_message=lambda: "No workbook yet",
        ...                 on_change=lambda *a, **k: None), lambda v: [], name="x",
        ...                 title="X")
        >>> view.offer_undo(lambda wb: None, "put back “SQL”")
        >>> view.undo_button.layout.display is None
        True
        >>> view.set_status("Something else")
        >>> view.undo_button.layout.display
        'none'
        """
        self._undo = (apply, done)
        self.undo_button.tooltip = tooltip or "Put back what you just removed"
        self.undo_button.layout.display = None

    def drop_undo(self) -> None:
        """Withdraw the Undo offered by :meth:`offer_undo` (nothing when none is)."""
        self._undo = None
        if self._undo_button is not None:
            self._undo_button.layout.display = "none"

    def _run_undo(self) -> None:
        offer = self._undo
        self.drop_undo()  # once: a second click of a double click finds nothing to undo
        if offer is None:
            return
        apply, done = offer
        state = dict(self.state)
        result = self.session.save(apply)
        if result.ok:
            self.show_result(result, done)
            return
        self.state.clear()
        self.state.update(state)
        why = result.message.removeprefix("Not saved: ").rstrip(".")
        self.set_status(f"Not put back: {why}." + ("" if result.conflict else
                                                   " Nothing was changed.") + self.session.say(
            " To go back to the whole file as it was before the removal instead, use “Restore "
            "an earlier version” in notebook 00 (Start here): it also takes back everything "
            "saved since."), "error")
        if result.conflict:  # the message asks to reload
            self.reload_button.layout.display = None
        self.focus_pressed()

    def input_errors(self) -> dict[str, str]:
        """``{key: why}`` for every date or number box whose text cannot be read."""
        return {k: f.input_error for k, f in self.fields.items() if f.input_error}

    def show_errors(self, errors: Mapping[str, str], *, status: bool = True) -> None:
        """Show each error beside its field; the rest (and a summary) in the status line.

        With ``status=False`` (the live re-check) the status line is left alone, except
        that "please fix the field marked ⚠" goes once nothing is left to fix.
        """
        for key, f in self.fields.items():
            if key in errors:
                f.error(errors[key])
            else:
                f.clear()
        if not status:
            if not errors and self._asked_to_fix:
                self.set_status("")
            return
        if errors:
            loose = [msg for key, msg in errors.items() if key not in self.fields]
            text = "Nothing was saved: please fix " + (
                "the field marked ⚠." if len(errors) - len(loose) == 1 else
                "the fields marked ⚠." if len(errors) > len(loose) else "this:"
            )
            self.set_status("\n".join([text, *loose]), "error")
            self._asked_to_fix = True
        else:
            self.set_status("")

    def show_result(self, result: Any, detail: str = "", note: str = "") -> None:
        """Status after a save: "Saved at 10:42", or why not, said once; ``note`` (a
        sentence) follows a save that went through, e.g. :func:`later_days_note`.

        A refusal about a field the form shows is said beside that field and the status line
        points to it, as for a value the form refuses itself. A conflict (changed here and
        in another window) is said in the status line, next to the Reload button that
        appears, and the field gets a short mark. A save that went through leaves the form
        saved (not :attr:`unsaved`).

        Said after a button was pressed, the focus goes back to that button, or to the one
        that replaced it in the rebuilt form (:meth:`focus_pressed`).
        """
        conflict = bool(getattr(result, "conflict", False))
        if conflict or self._reload_button is not None:
            self.reload_button.layout.display = None if conflict else "none"
        self._say_result(result, detail, note, conflict)
        self.focus_pressed()

    def focus_pressed(self) -> None:
        """During a button's click: put the page's focus back on it, or on the button under
        the same name in the rebuilt form; a button now hidden (Undo, Reload) or gone with
        no twin leaves it on the entry it brought back (the chooser showing it), else on
        the form's first button. The save disabled the button, or the rebuild removed or
        hid it, and the browser had sent the focus to the top of the page: a keyboard or
        screen reader user lost their place."""
        pressed = quiet.pressed()
        if pressed is None:
            return
        key, self._pressed_key = self._pressed_key, None
        if pressed.comm is not None and pressed.layout.display != "none":
            target: widgets.Widget | None = pressed
        elif key in self.buttons:
            target = self.buttons[key]
        elif self.chooser is not None and self.chooser.value != NONE:
            target = self.chooser
        else:
            target = next(iter(self.buttons.values()), None)
        if target is not None and target.comm is not None:
            target.focus()

    def _say_result(self, result: Any, detail: str, note: str, conflict: bool) -> None:
        if result.ok:
            self._remember_shown()
            text = result.message + (f" — {detail}" if detail else "")
            self.set_status(f"{text.rstrip('.')}. {note}" if note else text, "success")
            return
        key = field_for_problem(result.field, result.value, self.fields)
        if key is None or conflict:
            self.set_status(result.message, "error")
            if key is not None:
                self.fields[key].error(CHANGED_ELSEWHERE)
            return
        self.fields[key].error(result.message.removeprefix("Not saved: "))
        self.set_status(FIX_MARKED, "error")
        self._asked_to_fix = True

    # ---------------------------------------------------------------- wiring
    def bind(self, button: widgets.Button, collect: Collect,
             apply: Callable[[Any, Any], Any], *, detail: Callable[[Any], str] | None = None,
             after: Callable[[Any], None] | None = None, live: bool = True,
             adds: bool = False, guard_repeats: bool = True,
             undo: Callable[[Any], tuple[Callable[[Any], Any], str, str] | None] | None = None,
             ) -> None:
        """Wire a Save button: ``collect()`` -> ``(record, errors)``; if no errors,
        ``session.save(lambda wb: apply(wb, record))`` and show the result.

        The button is disabled while its save runs, and its clicks are handled one at a
        time, even when the page's messages arrive on two threads (see
        :class:`~career_workbook.widgets.quiet.Button`). After a save (and the form's refill)
        the form is *clean*: pressed again with every field as it was then, it saves
        nothing and says when it saved (a double click added two copies, the second dated
        by the refill, not by the person); when the refill left a field that would be
        refused (a blank name), that is named instead, with when the last one was saved.
        ``adds`` says the button adds a new entry (the
        message asks for a change to add another). ``guard_repeats=False`` for a form
        whose input lives outside its fields.

        ``apply`` may return the record it wrote (the form's record merged with the file as
        it is now); ``detail`` then describes that one, not the form's view of it (see
        :func:`save_record`). ``undo(written)`` may return ``(apply, done, tooltip)``: the
        status line then offers Undo for that save (:meth:`offer_undo`).

        With ``live=True`` every field is checked again whenever its value changes. With
        ``live=False`` (a form whose text is scored as it is typed, such as the goal
        drafter) only the errors shown are checked again: one no longer true goes at once
        (and "Nothing was saved" with the last, :func:`still_true`); a new one waits for
        Save. Either way a date or number the form cannot read is named beside its field
        at once and nothing is saved.
        ``view.filled`` keeps what the form would save untouched (the base of
        :func:`~career_workbook.widgets.merge.merge_fields`).
        """
        raw_collect = collect

        def collect() -> tuple[Any, dict[str, str]]:
            record, errors = raw_collect()
            unread = self.input_errors()
            return (None if unread else record), {**errors, **unread}

        self.filled = collect()[0]
        self._collect = collect

        def shown() -> dict[str, Any]:
            return {k: f.widget.value for k, f in self.fields.items()}

        def clicked(_button: Any) -> None:
            name = next((k for k, b in self.buttons.items() if b is button),
                        button.description)
            self._follow_day()  # left open past midnight: a new entry is dated today
            sent = shown()
            record, errors = collect()
            done = self._clean.get(name) if guard_repeats else None
            if done is not None and done[1] == shown():
                if errors:  # emptied by the refill: what a new one needs, the last one is safe
                    self.show_errors(errors, status=False)
                    self.set_status("; ".join(errors.values())
                                    + f" (the last one was saved{done[0]}).", "info")
                    return
                self.set_status(f"Already saved{done[0]} — " + (
                    "change something to add another." if adds else
                    "nothing has changed since. Change something to save again."), "info")
                return
            if errors:
                self.show_errors(errors)
                return
            self.show_errors({}, status=False)
            self._end_late()  # another save: the last one's values have all come
            # from now on a value the page sent before the click may still come
            watch = self._late = _LateWatch(self, name, sent, collect, apply, after=after,
                                            detail=detail, guard=guard_repeats)
            was_disabled, button.disabled, self._saving = button.disabled, True, True
            try:
                result, written = save_record(self.session, watch.keeping(apply), record)
                if result.ok and after is not None:
                    after(record)
            finally:
                self._saving, button.disabled = False, was_disabled
            self.show_result(result, detail(written) if detail and result.ok else "",
                             later_days_note(written, self.session.today, self.fields)
                             if result.ok else "")
            offered = undo(written) if result.ok and undo is not None else None
            if offered is not None:
                self.offer_undo(*offered)
            if result.ok:
                watch.saved(self.session.workbook)
            else:
                self._end_late()
            if result.ok and guard_repeats:  # after the refill: its values are not edits
                self._clean[name] = (_at(result), shown())

        button.on_click(clicked)
        body = self.fields  # a box of an earlier body, kept for a late value, is not checked

        def recheck() -> None:
            if self.fields is body:
                self.show_errors(collect()[1], status=False)

        def recheck_shown() -> None:
            if self.fields is not body:
                return
            shown = {k: f.error_text for k, f in self.fields.items() if f.error_text}
            unread, asked = self.input_errors(), self._asked_to_fix
            # checked again only while an error shows: a goal is scored as it is typed
            now = collect()[1] if asked or shown.keys() - unread.keys() else {}
            # one the status line names (no field of its own) keeps "Nothing was saved"
            loose = {k: m for k, m in now.items() if k not in self.fields} if asked else {}
            self.show_errors({**still_true(shown, now, unread), **loose}, status=False)

        on_any_change(list(self.fields.values()), recheck if live else recheck_shown)

    # ---------------------------------------------------------------- late values
    def _arrived(self, change: Mapping[str, Any]) -> None:
        """A watched field's value changed: when the page sent it after the click of the
        save just made, and the save used another value, save again (see :mod:`late`)."""
        widget = change["owner"]
        if not _late.from_page(widget):
            return  # the form filling itself in
        with quiet.CLICKS:  # after the click, even when it runs on another thread
            watch = self._late
            if watch is None or not watch.arrived(widget, self.fields):
                return
            self._save_late(watch)

    def _save_late(self, watch: _LateWatch) -> None:
        """Save again with the values as they are now in the fields of the click, as if
        the click had come after them; say so (or why not) in the status line."""
        came = watch.came()
        labels = {k: f.label for k, f in watch.fields.items()}
        used = dict(watch.sent)
        watch.sent = {k: f.widget.value for k, f in watch.fields.items()}
        result, said = None, ("", "")
        with self._as_at_click(watch):
            record, errors = watch.collect()
            if not errors:
                self._saving = True
                try:
                    result, written = save_record(self.session, watch.again, record)
                    if result.ok:
                        watch.saved(self.session.workbook)
                        if watch.after is not None:
                            watch.after(record)
                        said = (watch.detail(written) if watch.detail else "",
                                later_days_note(written, self.session.today, watch.fields))
                finally:
                    self._saving = False
        if result is not None and result.ok:
            self.show_result(result, said[0], " ".join(filter(None, [
                said[1], _late.late_note(came, labels)])))
            if watch.guard:
                self._clean[watch.name] = (_at(result), {k: f.widget.value
                                                         for k, f in self.fields.items()})
            return
        self._end_late()
        why = "; ".join(errors.values()) if errors else \
            result.message.removeprefix("Not saved: ") if result is not None else ""
        for key, value in came.items():  # back in the form, where the person can see it
            if key in self.fields:
                with contextlib.suppress(traitlets.TraitError):
                    self.fields[key].widget.value = value
        self.set_status(_late.late_refused(came, used, labels, why), "warning")

    @contextmanager
    def _as_at_click(self, watch: _LateWatch) -> Iterator[None]:
        """The form's fields, state and base as they were at the click, for its own
        ``collect`` and ``apply``; the page's form is brought up to date afterwards."""
        now = self.fields, self.filled, self.state
        self.fields, self.filled, self.state = dict(watch.fields), watch.filled, \
            dict(watch.state)
        self._replaying, self._missed = True, False
        try:
            yield
        finally:
            self.fields, self.filled, self.state = now
            self._replaying = False
            if self._missed:
                self._missed = False
                self._changed(self.session)

    def _end_late(self) -> None:
        """Stop watching the last save's fields; close those no longer shown."""
        watch, self._late = self._late, None
        if watch is not None:
            watch.end(self.fields)

    def bind_section(self, button: widgets.Button, model: type[BaseModel],
                     attribute: str) -> None:
        """Wire a Save button that replaces one whole section of the workbook.

        Every field of the form is a field of ``model``; on Save only the fields the person
        changed are written into ``wb.<attribute>`` (a three-way merge with what changed in
        the file since the form was filled, see :func:`merge_section`).
        """
        labels = {k: f.label for k, f in self.fields.items()}
        stored = getattr(self.session.workbook, attribute)

        def collect() -> tuple[Any, dict[str, str]]:
            return check_model(model, {k: f.value for k, f in self.fields.items()}, labels)

        def apply(wb: Any, record: Any) -> None:
            if getattr(wb, attribute) is None and record == self.filled:
                # an optional section never filled in, and the form untouched: saving its
                # blank defaults (interest scores of 0) would invent answers
                from career_workbook.model import WorkbookError

                raise WorkbookError("nothing entered yet: fill in the form, then save")
            setattr(wb, attribute, merge_section(
                model, list(self.fields), stored=stored, filled=self.filled, mine=record,
                theirs=getattr(wb, attribute), labels=labels, fields=self.fields))

        self.bind(button, collect, apply)


def later_days_note(record: Any, today: date, fields: Mapping[str, Any] | None = None) -> str:
    """What a form says after saving ``record`` (a workbook entry, or a tuple of them) with
    a day of something that has already happened (or that starts) set after ``today`` (the forms take one
    :data:`~career_workbook.wording.DAY_SLACK` ahead, for time zones): it counts from that
    day on, as ``validate`` says. ``fields`` (form key -> :class:`Field`) name the boxes;
    ``''`` when every such day has come.

    >>> from career_workbook.model import Achievement
    >>> later_days_note(Achievement(date=date(2026, 12, 7), title="Shipped the forecast"),
    ...                 date(2026, 12, 6), {"date": make_field("date", "Date", "date")})
    '“Date” 7 Dec 2026 is after today (6 Dec 2026): the charts and counts leave it out until that day.'
    >>> later_days_note(Achievement(date=date(2026, 12, 6), title="Shipped"), date(2026, 12, 6))
    ''

    A day something starts on may be after today (a new job next month): it is noted, in
    its own words (:func:`~career_workbook.analysis.notes.later_start`):

    >>> from career_workbook.model import Person
    >>> later_days_note(Person(name="Sam", start_date=date(2027, 1, 4)), date(2026, 12, 6))
    '“Start date” 4 Jan 2027 is after today (6 Dec 2026): fine if that is when you start; your first check-in reminder counts from that day.'
    """  # noqa: E501
    from career_workbook.analysis.notes import happened_days, later_start, start_days
    from career_workbook.wording import not_counted_yet, short_date

    records = record if isinstance(record, tuple | list) else (record,)
    notes = []
    for entry in records:
        if not isinstance(entry, BaseModel):
            continue
        for days, said in ((happened_days(entry), lambda _day: f"is {not_counted_yet(today)}"),
                           (start_days(entry), lambda day: later_start(day, today))):
            for path, day in days:
                if day is not None and day > today:
                    field = (fields or {}).get(path)
                    label = field.label if field is not None else \
                        path.rpartition(".")[2].replace("_", " ").capitalize()
                    notes.append(f"“{label}” {short_date(day)} {said(day)}.")
    return " ".join(notes)


def save_record(session: Any, apply: Callable[[Any, Any], Any], record: Any) -> tuple[Any, Any]:
    """``(result, written)``: save with ``apply(wb, record)`` under the file lock.

    ``written`` is what ``apply`` returned (the record as saved, e.g. merged with changes
    made in another tab since the form was filled), else ``record``: a "Saved" message
    built from it describes the file, not the form's stale view.
    """
    written = [record]

    def change(wb: Any) -> None:
        saved = apply(wb, record)
        written[0] = record if saved is None else saved

    return session.save(change), written[0]


def merge_section(model: type[BaseModel], keys: Sequence[str], *, stored: Any, filled: Any,
                  mine: Any, theirs: Any, labels: Mapping[str, str],
                  fields: Mapping[str, Field] | None = None) -> Any:
    """``theirs`` (the file's current record, or ``None``) with the person's changes to
    ``keys`` merged in (see :func:`~career_workbook.widgets.merge.merge_fields`); a
    conflict says a choice as the form's ``fields`` show it."""
    from career_workbook.widgets.merge import merge_fields

    base = model() if stored is None and _defaults_ok(model) else stored
    now = theirs if theirs is not None else (model() if _defaults_ok(model) else mine)
    merged = merge_fields(keys, stored=base, filled=filled if filled is not None else base,
                          mine=mine, theirs=now, labels=labels,
                          texts={k: f.option_texts for k, f in (fields or {}).items()})
    data = now.model_dump(mode="python", round_trip=True) if now is not None else {}
    return model.model_validate({**data, **merged})


def _defaults_ok(model: type[BaseModel]) -> bool:
    try:
        model()
    except ValidationError:
        return False
    return True


def _parts(w: widgets.Widget) -> Iterator[widgets.Widget]:
    for part in (getattr(w, "layout", None), getattr(w, "style", None), w):
        if isinstance(part, widgets.Widget):
            yield part


def close_widgets(roots: Iterable[widgets.Widget], keep: Iterable[widgets.Widget] = ()) -> None:
    """Close ``roots``, their children, layouts and styles (frees their frontend models),
    except the widgets in ``keep`` (with their children, layouts and styles).

    >>> a, b = widgets.Text(), widgets.Text()
    >>> close_widgets([quiet.VBox([a, b])], keep=[b])
    >>> a.comm is None, b.comm is None, b.layout.comm is None
    (True, False, False)
    """
    closed = {id(part) for w in quiet.widget_tree(keep) for part in _parts(w)}
    for w in list(quiet.widget_tree(roots)):
        for part in _parts(w):
            if id(part) not in closed and not quiet.is_shared(part):
                closed.add(id(part))
                part.close()


def field_for_problem(path: str | None, value: Any, fields: Mapping[str, Any]) -> str | None:
    """The form key a saved-file problem belongs to, if the form shows that field.

    >>> field_for_problem("actions[3].goal_id", "g9", {"goal_id": 1, "text": 2})
    'goal_id'
    >>> field_for_problem("check_ins[2].progress", "g9", {"progress.g9": 1})
    'progress.g9'
    >>> field_for_problem("skills[0].name", "SQL", {"text": 1}) is None
    True
    >>> field_for_problem("ratings.SQL", None, {"ratings.SQL": 1})  # a form key itself
    'ratings.SQL'
    """
    if not path:
        return None
    if path in fields:
        return path
    last = re.sub(r"\[\d+\]", "", path).split(".")[-1]
    for key in (f"{last}.{value}", last):
        if key in fields:
            return key
    return None


def find_entry(items: Sequence[Any], old: Any, noun: str, rank: int = 0) -> int:
    """Index of ``old`` in ``items`` (the list in the freshly loaded file), by identity
    (see :func:`~career_workbook.widgets.merge.find_record`; ``rank``: which of several
    records sharing its name or title it is).

    Raises :class:`~career_workbook.widgets.merge.EditConflict` when it is gone.
    """
    from career_workbook.widgets.merge import find_record

    return find_record(items, old, noun, rank)


def keep_year_button(view: FormView, save: widgets.Button) -> None:
    """Offer a "Keep 2062" button beside ``save`` for when the form asks about a deadline
    whose year has its digits swapped
    (:func:`~career_workbook.widgets.inputs.year_question`): pressing it keeps that
    deadline and saves. Save itself never confirms it, so a double click cannot.

    The button is made, and put right after ``save`` in its row, when the form first asks
    (:func:`ask_year`): most forms never do, and hidden it still cost the page two widget
    models on every run of the notebook.
    """
    view.state["keep_year_beside"] = save


def ask_year(view: FormView, due: date | None, asked: bool) -> None:
    """Show the "Keep <year>" button while the form asks about ``due``'s year (made
    beside the save button the first time; see :func:`keep_year_button`).

    >>> from types import SimpleNamespace
    >>> view = FormView(SimpleNamespace(workbook=None, error=None, missing=True,
    ...                 form_message=lambda: "", on_change=lambda *a, **k: None),
    ...                 lambda v: [], name="x", title="X", needs_workbook=False)
    >>> save = primary_button("Save", "Save it")
    >>> view.children = (*view.children, quiet.HBox([save]))
    >>> keep_year_button(view, save)
    >>> ask_year(view, date(2062, 5, 1), False)  # nothing asked: nothing made
    >>> "keep_year" in view.buttons
    False
    >>> ask_year(view, date(2062, 5, 1), True)
    >>> [b.description for b in view.children[-1].children]
    ['Save', 'Keep 2062']
    >>> ask_year(view, None, False)
    >>> view.buttons["keep_year"].layout.display
    'none'
    """
    keep = view.buttons.get("keep_year")
    if keep is None:
        save = view.state.get("keep_year_beside")
        if save is None or not asked or due is None:
            return
        keep = secondary_button("Keep", "The deadline's year is right: save it as it is",
                                icon="check")
        keep.description = f"Keep {due.year}"  # (set before the page has the button)
        keep.tooltip = f"{due.year} is right: save the deadline {short_date(due)} as it is"

        def kept(_button: Any) -> None:
            view.state["keep_year"] = view.state.get("asked_year")
            save.click()

        keep.on_click(kept)
        view.buttons["keep_year"] = keep
        view.insert(save, keep)
    if asked and due is not None:
        view.state["asked_year"] = due
        keep.description = f"Keep {due.year}"
        keep.tooltip = f"{due.year} is right: save the deadline {short_date(due)} as it is"
        keep.layout.display = None
    else:
        keep.layout.display = "none"


def find_choice(options: Sequence[tuple[str, str]], query: str) -> str | None:
    """The value of the first of a chooser's ``options`` whose label holds ``query``
    (:func:`~career_workbook.model.person_key`: case, accents, punctuation and spaces
    aside), or whose number it is ("12"); ``None`` when none does or ``query`` is blank.
    The "+ Add a new ..." option (value :data:`NONE`) is never found.

    >>> opts = [("+ Add a new contact", NONE), ("1. José García (mentor)", "0"),
    ...         ("2. Ana O'Brien (peer)", "1"), ("12. Bo Chen (peer)", "11")]
    >>> [find_choice(opts, q) for q in ("garcia", " o'BRIEN ", "12", "peer", "zed", " ")]
    ['0', '1', '11', '1', None, None]
    """
    wanted = person_key(query)
    if not wanted:
        return None
    for label, value in options:
        if value == NONE:
            continue
        number, _, name = label.partition(". ")
        if query.strip() == number or wanted in person_key(name or label):
            return value
    return None


def find_outcome(options: Sequence[tuple[str, str]], query: str, noun: str,
                 chosen: str) -> tuple[str | None, str | None]:
    """What a chooser's Find box does with ``query`` (the chooser shows ``chosen``): the
    value to choose (the first found by :func:`find_choice`, unless it is ``chosen``) and
    the status to say (with no match for a non-blank query, what to do; else ``None``).

    >>> opts = [("+ Add a new contact", NONE), ("1. José García (mentor)", "0")]
    >>> find_outcome(opts, "garcia", "contact", NONE), find_outcome(opts, "1", "contact", "0")
    (('0', None), (None, None))
    >>> find_outcome(opts, " zed ", "contact", NONE)
    (None, 'No contact matches “zed”: check the spelling, or choose from the list below.')
    >>> find_outcome(opts, "  ", "contact", "0")
    (None, None)
    """
    value = find_choice(options, query)
    if value is None:
        typed = query.strip()
        return None, (f"No {noun} matches “{typed}”: check the spelling, or choose from the "
                      "list below." if typed else None)
    return (None if value == chosen else value), None


def record_editor(
    view: FormView, *, items: Sequence[Any], model: type[BaseModel],
    collection: str | Callable[[Any], list[Any]],
    make_fields: Callable[[Any], list[Field]], describe: Callable[[Any], str], noun: str,
    on_save: Callable[[Any, Any, Any], None] | None = None,
    on_remove: Callable[[Any, Any], None] | None = None,
    extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    problems: Callable[[dict[str, Any]], dict[str, str]] | None = None,
    year_field: str | None = None,
    order: Sequence[tuple[int, int]] | None = None,
) -> list[widgets.Widget]:
    """Edit a list of records (skills, contacts, ...): choose one or "add new", edit, save.

    The chooser lists the records numbered from 1 in the list's order, or as ``order``
    says: ``(place in items, number shown)`` pairs, e.g. values by the rank their table
    shows (:func:`~career_workbook.analysis.profile.value_order`).

    ``make_fields(old)`` builds the inputs pre-filled from ``old`` (``None`` for a new
    record). Saving builds ``model`` from the fields' values on top of ``old`` (so fields the
    form does not show are kept) and replaces ``old`` in ``wb.<collection>`` (or in the list
    ``collection(wb)`` returns) or appends.
    ``on_save(wb, old, new)`` / ``on_remove(wb, old)`` run inside the locked edit first
    (e.g. to rename a skill everywhere). ``extra(data)`` returns fields derived from the
    record about to be saved (``data``: the old record with the form's values), e.g. an
    action's completion date from its status. ``problems(data)`` names fields that are
    valid on their own but not in this record (field -> message), e.g. an achievement
    dated years ahead: nothing is saved, and every problem (the model's and these) is named
    at once; for one field, this message rather than the model's. Remove deletes the
    chosen record (earlier versions of the file are kept in its history); right after,
    the status line offers Undo (:meth:`FormView.offer_undo`), which puts it back where
    it was (:func:`~career_workbook.widgets.undo.put_back`). ``on_remove`` may refuse a
    removal; what else it changes is not undone. ``year_field`` names a deadline whose
    year, typed with its digits swapped (2062 for 2026), is asked about before saving,
    with a "Keep 2062" button
    (:func:`~career_workbook.widgets.inputs.year_question`, as the goal forms ask): a
    deadline the record already had is not asked about again.

    Saving a changed record writes only the fields the person changed, merged with the
    record as it is in the file now (:func:`merge_section`), also when it was renamed
    elsewhere and nothing else (:func:`~career_workbook.widgets.merge.find_renamed`); a
    field changed both here and elsewhere, or a record removed elsewhere, is a conflict:
    nothing is saved. A new record typed again after another window added it is not added
    twice (:func:`~career_workbook.widgets.merge.added_elsewhere`).
    """
    from career_workbook.widgets.merge import (
        EditConflict,
        added_elsewhere,
        added_twice,
        find_record,
        find_renamed,
        record_key,
        renamed_conflict,
        same_key_rank,
    )

    def pick(entries: Sequence[Any], index: int) -> tuple[Any, int, list[Any], int]:
        """The record at ``index``, which of those sharing its title it is, and the list
        it was picked from (to tell it renamed elsewhere from removed)."""
        return entries[index], same_key_rank(entries, index), list(entries), index

    selected = view.state.get("selected", NONE)
    chosen = view.state.get("selected_record")
    if chosen is not None:  # the record chosen, where the file has it now
        try:
            selected = str(find_record(items, chosen[0], noun, chosen[1]))
        except EditConflict:
            renamed = find_renamed(chosen[2], items, chosen[3])
            if renamed is None:
                view.state["selected_record"] = None
                view.set_status(f"That {noun} is no longer in your workbook: it was removed "
                                "elsewhere (in another tab, notebook or from the command "
                                "line).")
                selected = NONE
            else:
                view.state["selected_record"] = pick(items, renamed)
                was, now = (getattr(x, record_key(x)[0]) for x in (chosen[0], items[renamed]))
                view.set_status(f"“{was}” was renamed to “{now}” elsewhere (in another tab, "
                                "notebook or from the command line).")
                selected = str(renamed)
    options = [(f"+ Add a new {noun}", NONE)]
    a_noun = with_article(noun)
    numbered = order if order is not None else [(i, i + 1) for i in range(len(items))]
    options += [(f"{n}. {shorten(describe(items[i]), CHOICE_CHARS)}", str(i))
                for i, n in numbered]
    if selected not in [v for _, v in options]:
        selected = NONE
    old = items[int(selected)] if selected != NONE else None
    view.state["editing"] = old  # what the file holds for it (a form's rules may compare)
    rank = same_key_rank(items, int(selected)) if old is not None else 0
    chooser = widgets.Dropdown(options=options, value=selected, description=f"Choose {a_noun}",
                               tooltip=f"Pick {a_noun} to change it, or add a new one",
                               style=label_style(widgets.Dropdown),
                               layout=width(INPUT_WIDTH))

    def choose(change: Mapping[str, Any]) -> None:
        view.state["selected"] = change["new"]
        # the record itself: the file read again may hold it at another place
        view.state["selected_record"] = (None if change["new"] == NONE
                                         else pick(items, int(change["new"])))
        view.state.pop("keep_year", None)  # kept for the record it was asked about
        view.set_status("")
        view.rebuild()

    chooser.observe(choose, names="value")
    view.chooser = chooser
    finder: list[widgets.Widget] = []
    if len(items) >= FIND_FROM:
        find = widgets.Text(description="Find", continuous_update=False,
                            placeholder="part of its name or its number, then Enter",
                            tooltip=f"Type part of {a_noun}'s name, then Enter, to choose it",
                            style=label_style(widgets.Text), layout=width(INPUT_WIDTH))

        def found(change: Mapping[str, Any]) -> None:
            value, status = find_outcome(options, change["new"], noun, chooser.value)
            if status is not None:
                view.set_status(status)
            if value is not None:
                chooser.value = value  # as if picked from the list
        find.observe(found, names="value")
        finder = [find]
    boxes = view.add(*make_fields(old))
    labels = {k: f.label for k, f in view.fields.items()}

    def collect() -> tuple[Any, dict[str, str]]:
        data = old.model_dump(mode="python", round_trip=True) if old is not None else {}
        data.update({k: f.value for k, f in view.fields.items() if "." not in k})
        if extra is not None:
            data.update(extra(data))
        record, errors = check_model(model, data, labels)
        found = problems(data) if problems is not None else {}
        if year_field is not None:
            asked = _year_asked(data.get(year_field), getattr(old, year_field, None))
            if asked and year_field not in found:
                found[year_field] = asked
        # every problem at once: a name too long and a follow-up in 2062 were said one by one;
        # the form's own word on a field (what to do with a pasted posting) before the model's
        errors = {**errors, **found}
        return (None if errors else record), errors

    def _year_asked(due: Any, stored: Any) -> str | None:
        """The question about ``due``'s year (``None`` when none), and the Keep button shown
        while it is asked."""
        asked = None
        if isinstance(due, date) and due != stored:
            label = view.fields[year_field].label if year_field in view.fields else "Deadline"
            asked = year_question(due, view.session.today, f"{label} {short_date(due)}",
                                  view.state.get("keep_year"))
        ask_year(view, due, asked is not None)
        return asked

    def entries_of(wb: Any) -> list[Any]:
        return collection(wb) if callable(collection) else getattr(wb, collection)

    def apply(wb: Any, record: Any) -> Any:
        """Add or change the record under the file lock; return it as written."""
        entries = entries_of(wb)
        if old is None:
            if on_save is not None:
                on_save(wb, None, record)
            if added_elsewhere(items, entries, record) is not None:  # typed in two tabs
                raise added_twice(f"“{describe(record)}”",  # (nothing is saved)
                                  getattr(view.session, "path", None))
            entries.append(record)
            view.state.update(selected=NONE, selected_record=None)
            return record
        try:
            index = find_entry(entries, old, noun, rank)
        except EditConflict as gone:  # renamed elsewhere (nothing else changed): merge into it
            index = find_renamed(items, entries, int(selected))
            if index is None:  # renamed and changed: say its new name; else gone
                raise renamed_conflict(items, entries, int(selected), noun) or gone from None
        theirs = entries[index]
        record = merge_section(model, list(type(old).model_fields), stored=old,
                               filled=view.filled, mine=record, theirs=theirs, labels=labels,
                               fields=view.fields)
        if on_save is not None:
            on_save(wb, theirs, record)
        entries[index] = record
        view.state.update(selected=str(index), selected_record=pick(entries, index))
        return record

    verb = "Add" if old is None else "Save changes to"
    save = primary_button(f"{verb} this {noun}", f"{verb} this {noun} in your workbook file")
    view.buttons["save"] = save
    row: list[widgets.Widget] = [save]
    if year_field is not None:
        keep_year_button(view, save)
    view.bind(save, collect, apply, adds=old is None,
              detail=lambda r: f"{'added' if old is None else 'updated'} “{describe(r)}”",
              after=lambda _record: view.state.pop("keep_year", None))  # kept for this one
    if old is not None:
        remove = secondary_button(f"Remove this {noun}",
                                  f"Delete this {noun} from the workbook (earlier versions of "
                                  "the file are kept in its history)", icon="trash")
        view.buttons["remove"] = remove

        def removed(_button: Any) -> None:
            from career_workbook.widgets.undo import put_back, removal

            gone: list[Any] = []

            def drop(wb: Any) -> None:
                from career_workbook.widgets.merge import RELOAD_HINT, EditConflict

                entries = entries_of(wb)
                index = find_entry(entries, old, noun, rank)
                if entries[index] != old:
                    raise EditConflict([Problem("", None, "was changed in another window "
                                                f"since this form was shown; {RELOAD_HINT}")],
                                       {"": f"This {noun}"})
                if on_remove is not None:
                    on_remove(wb, old)
                gone[:] = [removal(entries, index)]
                entries.pop(index)

            def undo(wb: Any) -> None:
                back = put_back(entries_of(wb), gone[0], noun, describe)
                view.state.update(selected=str(back), selected_record=pick(entries_of(wb), back))

            view.state.update(selected=NONE, selected_record=None)
            result = view.session.save(drop)
            if not result.ok:
                view.state.update(selected=selected,
                                  selected_record=(old, rank, list(items), int(selected)))
            view.show_result(result, f"removed “{describe(old)}”" if result.ok else "")
            if result.ok:
                view.offer_undo(undo, f"put back “{describe(old)}”",
                                f"Put “{describe(old)}” back where it was")

        remove.on_click(removed)
        row.append(remove)
        # what the tooltip says, in words a touch screen and the keyboard see too (W10)
        kept = quiet.HTML(_help_html(
            f"Remove this {noun} takes it out of your workbook file; earlier versions of "
            "the file are kept in its history, and Undo puts it back right after."))
        return [*finder, chooser, *boxes, quiet.HBox(row), kept]
    return [*finder, chooser, *boxes, quiet.HBox(row)]
