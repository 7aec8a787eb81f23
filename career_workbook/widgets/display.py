"""Charts and tables in a notebook: draw from stored data, redraw after every save.

In JupyterLab (and under papermill/nbconvert) charts are displayed as PNG images with a
display id (not inside an ``Output`` widget), so the executed notebook keeps an
``image/png`` output per chart; after each save that output is updated in place. Voila
ignores display-id updates once the page is rendered (voila-dashboards/voila#498), so inside
the app (:func:`in_voila`) charts and the header are widgets whose value changes instead.
Tables are pandas ``to_html(escape=False)`` of cells made by :func:`cell_html` (from the pure
:mod:`career_workbook.htmltext`, which the review pack's HTML uses too): whatever a person
typed is escaped, and only a word longer than :data:`LONG_WORD` may break.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from career_workbook.htmltext import LONG_WORD, cell_html
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    THEME_CSS,
    colour,
    esc,
    notice_html,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from career_workbook.model import Workbook
    from career_workbook.widgets.session import Session

__all__ = [
    "DRAFTS_JS",
    "LONG_WORD",
    "NAME_CELL",
    "PROSE_WORDS",
    "REFRESH",
    "REFRESH_JS",
    "SLIDER_BOX_JS",
    "TABLE_CSS",
    "UNSAVED_JS",
    "cell_html",
    "chart_figure",
    "figure_image",
    "frame_html",
    "html_object",
    "in_voila",
    "live_html",
    "publish",
    "publish_html",
    "refresh_button",
    "show_chart",
    "table_widget",
    "publish_page_scripts",
]

TABLE_CSS = (
    THEME_CSS  # a table's colours follow a dark theme, wherever the table is shown
    + "<style>"
    # a table wider than the page (many columns of whole words) scrolls inside its own box
    ".cw-table-box{overflow-x:auto}"
    ".cw-table{border-collapse:collapse;font-size:0.9em;margin:4px 0}"
    # headers are labels, a little smaller: a long one ("Stale opportunities") widened
    # the coach's table past its box
    f".cw-table th{{background:{colour('table-head')};text-align:left;padding:3px 5px;"
    "font-size:0.9em;"
    f"border-bottom:1px solid {colour('table-head-line')}}}"
    # words wrap whole: only a word longer than LONG_WORD breaks, where cell_html lets it
    # (`overflow-wrap:anywhere` broke "Engineering" into "Enginee ring" at normal widths)
    # a long text wraps in a column of a readable width instead of widening the table
    f".cw-table td{{padding:3px 5px;border-bottom:1px solid {colour('table-line')};"
    "vertical-align:top;"
    "overflow-wrap:break-word;max-width:32em}"
    # a column of sentences never narrows to one word a line (see PROSE_WORDS)
    ".cw-table .cw-prose{min-width:8em}"
    "</style>"
)
NAME_CELL = 120
"""The most characters a table shows of a text that only names its entry (an opportunity's
title, a next action's item): cut at a word with "…" (:func:`~career_workbook.wording.shorten`);
the entry's form shows it whole. A 2,000-character link as a title filled the whole table."""

PROSE_WORDS = 6
"""A table column where a cell holds this many words or more (numbers and dates aside) is
prose: its cells keep a width of a few words (``cw-prose``), so a narrow page scrolls the
table instead of squeezing them to one word a line ("2 of 3 active goals on track, 1
behind")."""


def _is_prose(value: Any) -> bool:
    """A cell holding a sentence: :data:`PROSE_WORDS` words with letters, or more.

    >>> _is_prose("2 of 3 active goals on track, 1 behind"), _is_prose("25 Nov 2026 — in 3 days")
    (True, False)
    """
    return sum(any(c.isalpha() for c in word) for word in str(value).split()) >= PROSE_WORDS

# ----------------------------------------------------------------------------------------
# Publishing (one place, so tests can capture what would be shown)
# ----------------------------------------------------------------------------------------
def publish(obj: Any) -> Any:
    """``IPython.display.display(obj, display_id=True)``: returns the handle (``None``
    outside a kernel)."""
    from IPython.display import display

    return display(obj, display_id=True)


def html_object(text: str) -> Any:
    """An ``IPython.display.HTML`` object."""
    from IPython.display import HTML

    return HTML(text)


def publish_html(text: str) -> Any:
    """Display HTML text (already escaped) and return its display handle."""
    return publish(html_object(text))


VOILA_ENV = ("VOILA_KERNEL_ID", "VOILA_SERVER_URL", "VOILA_BASE_URL")
"""Variables Voila 0.5 puts in the environment of every kernel it starts (or preheats)."""


def in_voila(environ: Mapping[str, str] | None = None) -> bool:
    """True when this kernel runs a notebook for the Voila app (``os.environ`` by default).

    >>> in_voila({"VOILA_SERVER_URL": "/"}), in_voila({"CAREER_WORKBOOK": "x.yaml"})
    (True, False)
    """
    env = os.environ if environ is None else environ
    return any(env.get(name) for name in VOILA_ENV)


def live_html(text: str) -> Callable[[str], None]:
    """Display HTML text (already escaped); return a function that replaces it in place.

    A display-id output in JupyterLab and papermill, an ``HTML`` widget in Voila. The same
    text as shown is not sent again (as a widget's unchanged value is not): the header
    is replaced after every save, and re-rendering its style sheets restyles the page.
    """
    if in_voila():
        box = quiet.HTML(text)
        publish(box)
        return lambda new: setattr(box, "value", new)
    handle = publish_html(text)
    if handle is None:
        return lambda new: None
    shown = text

    def replace(new: str) -> None:
        nonlocal shown
        if new != shown:
            handle.update(html_object(new))
            shown = new

    return replace


A11Y_JS = """
(function () {
  if (window.cwA11y) { window.cwA11y(); return; }
  var made = 0;
  function set(el, name, value) {  // only when it changes: no mutation loop
    if (value === null) { if (el.hasAttribute(name)) { el.removeAttribute(name); } }
    else if (el.getAttribute(name) !== value) { el.setAttribute(name, value); }
  }
  function idOf(el) { if (!el.id) { el.id = 'cw-said-' + (++made); } return el.id; }
  function name() {
    document.querySelectorAll('.widget-slider, .jupyter-widget-slider').forEach(function (w) {
      var label = w.querySelector('.widget-label');
      var text = label ? label.textContent.trim() : '';
      if (!text) { return; }
      w.querySelectorAll('[role="slider"]').forEach(function (h) { set(h, 'aria-label', text); });
    });
    // a field's error and help text describe its input: a screen reader says them with it
    document.querySelectorAll('.cw-field').forEach(function (f) {
      var said = [], error = f.querySelector('.cw-field-error'), help = f.querySelector('.cw-help');
      if (error) { said.push(idOf(error)); }
      if (help) { said.push(idOf(help)); }
      f.querySelectorAll('input, select, textarea, [role="slider"]').forEach(function (i) {
        set(i, 'aria-describedby', said.length ? said.join(' ') : null);
        set(i, 'aria-invalid', error ? 'true' : null);
      });
    });
    // a list of checkboxes is one question: a group named by its label
    document.querySelectorAll('.cw-checklist').forEach(function (c) {
      var label = c.querySelector('.widget-html-content > .widget-label');  // not the
      set(c, 'role', 'group');                                  // HTML widget's own, empty
      set(c, 'aria-label', label ? label.textContent.trim() || null : null);
    });
    // a button's icon is decoration: its glyph (a private-use character) is not its name
    document.querySelectorAll('.jupyter-button > i, .widget-button > i').forEach(function (i) {
      set(i, 'aria-hidden', 'true');
    });
    // a number typed on a phone or a tablet opens a number pad, not letters: a number
    // field's box, a slider's own number (ipywidgets' editable readout)
    document.querySelectorAll('.cw-number input, .cw-form .widget-readout[contenteditable]')
      .forEach(function (r) { set(r, 'inputmode', 'decimal'); });
    // a label given no tooltip shows none (ipywidgets wrote its null: a "null" tooltip)
    document.querySelectorAll('.widget-label[title="null"]').forEach(function (l) {
      set(l, 'title', null);
    });
    // a chart wider than a phone's page scrolls sideways in its box (app.css): the box is
    // then a region a keyboard can scroll, named by the chart ("Chart “Your network”")
    document.querySelectorAll('.cw-chart > .widget-html-content').forEach(function (b) {
      var img = b.querySelector('img'), wide = img && b.scrollWidth > b.clientWidth + 1;
      set(b, 'tabindex', wide ? '0' : null);
      set(b, 'role', wide ? 'region' : null);
      set(b, 'aria-label', wide ? (img.getAttribute('alt') || 'Chart').split(':')[0] : null);
    });
    // a status line is a live region that stays: what it says next is read out
    document.querySelectorAll('.cw-live').forEach(function (s) { set(s, 'aria-live', 'polite'); });
    // an upload button with no file shows only its words (csv_source.upload_css); a
    // screen reader read "Upload CSV (0)" too
    document.querySelectorAll('.widget-upload').forEach(function (u) {
      var shown = u.classList.contains('cw-upload-none')
        ? getComputedStyle(u, '::after').content.replace(/^"|"$/g, '') : '';
      set(u, 'aria-label', shown && shown !== 'none' ? shown : null);
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; name(); });
  }).observe(document.body, {childList: true, subtree: true});
  window.addEventListener('resize', function () { requestAnimationFrame(name); });
  window.addEventListener('load', name, true);  // an image loaded has its width
  window.cwA11y = name;
  name();
})();
"""
"""What a screen reader needs and ipywidgets offers no way to say (red-team walk V):

- every slider handle (``role="slider"``, drawn by noUiSlider without a name) gets the text
  of its widget's label as ``aria-label``;
- a field's input (in a box of class :data:`~career_workbook.widgets.fields.FIELD`) is
  described by its error (``.cw-field-error``, ``aria-invalid``) and its help (``.cw-help``):
  ``aria-describedby``, so they are read with the input, not only in reading order;
- a list of checkboxes (``.cw-checklist``) is a group named by its label;
- a status line (class :data:`~career_workbook.widgets.fields.LIVE`) is a live region that
  stays on the page, so "Saved at 10:42" or why nothing was saved is read out (a
  ``role="status"`` box put in anew is not announced);
- an upload button with no file chosen is named by the words it shows, not "Upload CSV (0)";
- a button's icon is hidden from the accessibility tree: its Font Awesome glyph, a
  private-use character, began the button's name ("\\uf06e Preview").
- a number field's box (class :data:`~career_workbook.widgets.fields.NUMBER`) and a
  slider's number (ipywidgets' editable readout) open a number pad on a phone or a tablet
  (``inputmode="decimal"``), not a keyboard of letters (red-team walk W);
- a label given no tooltip has no ``title`` (ipywidgets wrote its ``null`` there: a
  "null" tooltip on hover);
- a chart's box that scrolls sideways (a phone's page, ``app.css``: walk W's W9) is a
  region a keyboard can scroll (``tabindex="0"``), named by the chart; a chart that fits
  is no tab stop.
"""


SLIDER_BOX_JS = """
(function () {
  if (window.cwSliderBox) { return; }
  var sent = 0;
  function plain(text, handle) {  // what ipywidgets reads right: a whole number on the scale
    if (!/^\\s*[+-]?\\d+\\s*$/.test(text)) { return false; }
    var n = parseInt(text, 10);
    return !handle || !(n < parseFloat(handle.getAttribute('aria-valuemin')) ||
                        n > parseFloat(handle.getAttribute('aria-valuemax')));
  }
  function typed(event) {
    var box = event.target;
    if (!box || !box.classList || !box.classList.contains('widget-readout')) { return; }
    if (event.type === 'keydown' && event.key !== 'Enter') { return; }
    var slider = box.closest('.cw-slider');
    var name = slider && Array.prototype.find.call(slider.classList, function (c) {
      return /^cw-slider-\\d+$/.test(c); });
    if (!name || plain(box.textContent, slider.querySelector('[role="slider"]'))) { return; }
    var scope = slider.closest('.jp-NotebookPanel') || document;
    var reader = scope.querySelector('.cw-slider-typed input');
    if (!reader) { return; }
    reader.value = name + ' ' + (++sent) + ' ' + box.textContent;
    reader.dispatchEvent(new Event('change', {bubbles: true}));
    box.textContent = '';  // ipywidgets shows the value it has; the kernel sets the new one
  }
  document.addEventListener('keydown', typed, true);  // before ipywidgets reads the box
  document.addEventListener('blur', typed, true);
  window.cwSliderBox = true;
})();
"""
"""A form slider's number box (ipywidgets' readout, editable) read as the forms' number
boxes read numbers: ipywidgets read "3,5" and "3.7" as 3 (``parseInt``) and set a number
past an end to that end, saying nothing. What it would misread goes to the kernel instead,
through the hidden box of :func:`~career_workbook.widgets.fields.slider_box_reader`, which
sets the slider or says why not beside it
(:func:`~career_workbook.widgets.fields.type_into_slider`)."""


UNSAVED_JS = """
(function () {
  if (window.cwUnsaved) { return; }
  // a text box sends its text when it is left: one typed in and not left yet is unsaved too
  var pending = null;
  function inForm(node) { return node && node.closest && node.closest('.cw-form'); }
  document.addEventListener('input', function (event) {
    if (inForm(event.target)) { pending = event.target; }
  }, true);
  document.addEventListener('change', function (event) {
    if (pending === event.target) { pending = null; }
  }, true);
  window.cwUnsaved = function () {
    if (pending !== null && !pending.isConnected) { pending = null; }
    return pending !== null || !!document.querySelector('.cw-unsaved');
  };
  window.addEventListener('beforeunload', function (event) {
    if (window.cwUnsaved()) { event.preventDefault(); event.returnValue = ''; }
  });
})();
"""
"""JupyterLab: the browser asks before the page is closed or reloaded while a form is
unsaved (its box has the class :data:`~career_workbook.widgets.fields.UNSAVED`, which the
kernel sets) or a text box of a form was typed in and not left yet (its text is sent when it
is left, so the kernel has not seen it). The app's page asks on its own links too, and
defines ``window.cwUnsaved`` before any cell runs
(``app_template/voila/templates/career/app.js``): this one then stays out of its way.
Where no question can be asked (a tab a phone throws away fires no ``beforeunload``),
:data:`DRAFTS_JS` keeps what was typed on the device and brings it back."""


DRAFTS_JS = """
(function () {
  if (window.cwDrafts) { window.cwDrafts(); return; }
  var PREFIX = 'cw-draft:', FORM = 'cw-drafts-', TEXT = 'cw-text-', UNSAVED = 'cw-unsaved';
  var HELD = ':held:';  // a draft the box's saved text changed under: kept until Discard
  var KEEP_MS = 14 * 24 * 3600 * 1000;  // a draft older than 14 days is dropped
  var WAIT_MS = 300;  // typing writes a draft once it pauses this long
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
                'Dec'];
  var store = null;
  try { store = window.localStorage; store.getItem(PREFIX); } catch (err) { store = null; }
  if (!store) { window.cwDrafts = function () {}; return; }
  var over = new WeakMap();   // a box's text before this burst of typing (no draft yet)
  var waiting = new Map();    // draft key -> {timer, input}: typed, not written yet
  var checked = new WeakSet(), seen = new WeakMap(), quiet = false, opened = new WeakSet();
  var PAGE = Date.now() + '-' + Math.random();  // this page: its own drafts are never put
                                                 // back in it (the text is here already)
  // draft keys another tab has written since this page opened and not dropped since: one
  // dropped there (saved or discarded) is that tab's no more
  var elsewhere = new Set();
  window.addEventListener('storage', function (event) {
    if (event.key === null) { elsewhere.clear(); return; }  // the storage cleared
    if (event.key.indexOf(PREFIX) !== 0) { return; }
    if (event.newValue === null) { elsewhere.delete(event.key); } else { elsewhere.add(event.key); }
  });

  function named(el, start) {
    if (!el) { return null; }
    for (var i = 0; i < el.classList.length; i++) {
      var c = el.classList[i];
      if (c.indexOf(start) === 0 && c.length > start.length) { return c; }
    }
    return null;
  }
  function where(input) {  // the draft key of a form's text box, or null
    if (!input || !input.closest || !/^(INPUT|TEXTAREA)$/.test(input.tagName) ||
        input.closest('.cw-draft-note')) { return null; }  // not the copy a note shows
    var box = input.closest('.cw-text'), form = box && box.closest('.cw-form');
    var f = named(form, FORM), t = named(box, TEXT);
    return f && t ? {key: PREFIX + f + ':' + t, form: form, box: box} : null;
  }
  function read(key) {
    try {
      var d = JSON.parse(store.getItem(key));
      return d && typeof d.text === 'string' && typeof d.over === 'string' ? d : null;
    } catch (err) { return null; }
  }
  function write(key, d) { try { store.setItem(key, JSON.stringify(d)); } catch (err) {} }
  function drop(key) { try { store.removeItem(key); } catch (err) {} }
  function keysStarting(start) {  // the stored keys that start so (a copy: safe to drop)
    var keys = [];
    for (var i = 0; i < store.length; i++) {
      var k = store.key(i);
      if (k && k.indexOf(start) === 0) { keys.push(k); }
    }
    return keys;
  }
  function sweep() {  // drafts of 14 days ago and more, and any unreadable, go
    var now = Date.now();
    keysStarting(PREFIX).forEach(function (k) {
      var d = read(k);
      if (!d || !(now - d.at < KEEP_MS)) { drop(k); }
    });
  }

  // ---- keeping: what is typed in a form's text box, on this device only
  function keep(key, input) {
    var old = read(key), before = old ? old.over : over.get(input);
    over.delete(input);
    if (typeof before !== 'string') { return; }
    if (input.value === before) { drop(key); return; }  // typed back: nothing to keep
    write(key, {text: input.value, over: before, at: Date.now(), page: PAGE});
  }
  function flush() {
    waiting.forEach(function (w, key) { clearTimeout(w.timer); keep(key, w.input); });
    waiting.clear();
  }
  document.addEventListener('beforeinput', function (event) {
    var at = quiet ? null : where(event.target);
    if (at && !over.has(event.target) && !read(at.key)) {
      over.set(event.target, event.target.value);
    }
  }, true);
  document.addEventListener('input', function (event) {
    var at = quiet ? null : where(event.target);
    if (!at) { return; }
    var w = waiting.get(at.key);
    if (w) { clearTimeout(w.timer); }
    var input = event.target;
    waiting.set(at.key, {input: input, timer: setTimeout(function () {
      waiting.delete(at.key);
      keep(at.key, input);
    }, WAIT_MS)});
  }, true);
  // a tab put in the background may be thrown away without a word: write now
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { flush(); }
  });
  window.addEventListener('pagehide', flush);

  // ---- forgetting: a form saved (or its changes discarded) drops its drafts
  function forget(form, keys) {
    var active = document.activeElement;
    keys.forEach(function (formKey) {
      var start = PREFIX + formKey + ':', gone = [];
      waiting.forEach(function (w, key) {  // typed just before Save: saved, not a draft
        if (key.indexOf(start) === 0 && w.input !== active) {
          clearTimeout(w.timer); gone.push(key);
        }
      });
      gone.forEach(function (key) { waiting.delete(key); });
      var at = active && where(active);
      keysStarting(start).forEach(function (k) {
        // the box still typed in keeps its draft; a held one stays
        if (k.indexOf(HELD) < 0 && !(at && at.key === k)) { drop(k); }
      });
    });
    form.querySelectorAll('.cw-text input, .cw-text textarea').forEach(function (i) {
      over.delete(i);
    });
    form.querySelectorAll('.cw-draft-back').forEach(function (n) { n.remove(); });
  }
  function classes(text) { return (' ' + (text || '') + ' '); }
  function watchForms(records) {
    var forms = new Set();
    records.forEach(function (r) {
      var form = r.target;
      if (r.type !== 'attributes' || !form.classList || !form.classList.contains('cw-form')) {
        return;
      }
      if (classes(r.oldValue).indexOf(' ' + UNSAVED + ' ') >= 0) {
        var keys = seen.get(form) || new Set();
        classes(r.oldValue).split(' ').forEach(function (c) {
          if (c.indexOf(FORM) === 0 && c.length > FORM.length) { keys.add(c); }
        });
        seen.set(form, keys);
      }
      forms.add(form);
    });
    forms.forEach(function (form) {
      var keys = seen.get(form) || new Set(), key = named(form, FORM);
      if (form.classList.contains(UNSAVED)) {
        if (key) { keys.add(key); }
        seen.set(form, keys);
      } else if (keys.size) {
        seen.delete(form);
        forget(form, keys);
      }
    });
  }

  // ---- bringing back: a page opened again shows what was typed and not saved
  function when(at) {
    var d = new Date(at), two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getDate() + ' ' + MONTHS[d.getMonth()] + ' at ' + two(d.getHours()) + ':' +
      two(d.getMinutes());
  }
  function label(box) {
    var l = box.querySelector('.widget-label');
    return l && l.textContent.trim() ? '“' + l.textContent.trim() + '”' : 'this box';
  }
  function send(input, text) {  // as if typed: the kernel gets it, the form is unsaved
    quiet = true;
    try {
      input.value = text;
      input.dispatchEvent(new Event('input', {bubbles: true}));
      input.dispatchEvent(new Event('change', {bubbles: true}));
    } finally { quiet = false; }
  }
  function note(at, key, input, d, back) {
    var box = at.box;
    box.querySelectorAll(':scope > .cw-draft-note').forEach(function (old) {
      if (old.getAttribute('data-draft') === key) { old.remove(); }
    });
    var n = document.createElement('div');
    n.className = 'cw-draft-note ' + (back ? 'cw-draft-back' : 'cw-draft-held');
    n.setAttribute('data-draft', key);
    n.setAttribute('role', 'status');
    n.setAttribute('aria-live', 'polite');
    var said = document.createElement('div'), copy = null;
    var name = label(box), day = when(d.at);
    var words = back
      ? 'Brought back the text you typed in ' + name + ' on ' + day + ' and had not ' +
        'saved: check it and press Save, or Discard.'
      : 'You typed this in ' + name + ' on ' + day + ' and had not saved it. The saved ' +
        'text has changed since (in another tab or window), so it was left as it is: ' +
        'copy what you need from here, then Discard.';
    n.appendChild(said);
    if (!back) {
      copy = document.createElement('textarea');
      copy.readOnly = true;
      copy.className = 'cw-draft-text';
      copy.value = d.text;
      copy.rows = Math.min(8, Math.max(2, d.text.split('\\n').length));
      copy.setAttribute('aria-label', 'What you typed in ' + name + ' and had not saved');
      n.appendChild(copy);
    }
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'cw-draft-discard';
    discard.textContent = 'Discard';
    discard.setAttribute('aria-label', 'Discard the unsaved text of ' + name);
    discard.addEventListener('click', function () { throwAway(at, key, input, d, back, n); });
    n.appendChild(discard);
    box.appendChild(n);
    setTimeout(function () { said.textContent = words; }, 50);  // a live region read out
  }
  function throwAway(at, key, input, d, back, n) {
    if (back) {
      var t = waiting.get(at.key);
      if (t) { clearTimeout(t.timer); waiting.delete(at.key); }
      if (input.isConnected && input.value === d.text) { send(input, d.over); }
      over.delete(input);
    }
    drop(key);
    n.remove();
  }
  function bringBack(input, first) {
    checked.add(input);
    var at = where(input), d = at && read(at.key);
    // never this page's own draft (a form rebuilt as it is saved would get back what was
    // saved); a form rebuilt later (another record chosen) gets one typed on a page that
    // went before this one opened, not one another tab has written since (it is typing)
    if (d && d.page !== PAGE && (first || !elsewhere.has(at.key))) { putBack(input, at, d); }
    showHeld(input);
  }
  function putBack(input, at, d) {
    if (!(Date.now() - d.at < KEEP_MS)) { drop(at.key); return; }
    if (input.value === d.text) {  // saved, or the kernel still has it (JupyterLab)
      if (!at.form.classList.contains(UNSAVED)) { drop(at.key); }
      return;
    }
    if (input.value === d.over) {
      send(input, d.text);
      d.page = PAGE;  // this page's own now
      write(at.key, d);
      note(at, at.key, input, d, true);
    } else {  // saved elsewhere since: nothing overwritten; held apart, so that what is
      write(at.key + HELD + d.at, d);  // typed in the box now is a draft of its own
      drop(at.key);
    }
  }
  function showHeld(input) {
    var at = where(input);
    if (!at) { return; }
    keysStarting(at.key + HELD).forEach(function (k) {
      var d = read(k);
      if (!d || input.value === d.text) { drop(k); } else { note(at, k, input, d, false); }
    });
  }
  function scan() {
    var now = [];
    document.querySelectorAll('.cw-form .cw-text input, .cw-form .cw-text textarea')
      .forEach(function (input) {
        if (checked.has(input)) { return; }
        var form = input.closest('.cw-form');
        bringBack(input, !opened.has(form));
        now.push(form);
      });
    now.forEach(function (form) { opened.add(form); });
  }
  var pending = false;
  new MutationObserver(function (records) {
    watchForms(records);
    if (pending || !records.some(function (r) { return r.type === 'childList'; })) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; scan(); });
  }).observe(document.body, {childList: true, subtree: true, attributes: true,
                             attributeFilter: ['class'], attributeOldValue: true});
  window.cwDrafts = scan;
  sweep();
  scan();
})();
"""
"""Text typed in a form and not saved survives a lost tab (red-team walk W8: iOS throws a
tab put in the background away and reloads it, firing no ``beforeunload``; a tab closed by
mistake). As the person types in a form's text box (a box of class
:data:`~career_workbook.widgets.fields.TEXT`), its text is kept in the browser's
``localStorage``, on this device only, keyed by the form (its
:meth:`~career_workbook.widgets.fields.FormView.draft_key`: workbook, notebook, form and
record) and the field, with the text it was typed over and when. When that form is saved
or its changes discarded (its :data:`~career_workbook.widgets.fields.UNSAVED` class goes
away) its drafts are dropped; so is any draft 14 days old.

A page opened again (never the page that typed it) finds a draft that differs from what
its box shows, as a form first shows there or as a record is chosen in it later (a goal
being edited when the tab was lost: the page opens on "add new"; a draft another tab wrote
while this page was open is that tab's, and is left to it): if the box still
shows the text the draft was typed over, the draft is put back as if typed (the kernel gets
it, the form is unsaved: nothing is saved until Save is pressed); otherwise (saved in
another tab since) nothing is overwritten and the draft is shown beside the box as text to
copy, held apart (``:held:``) until its Discard: neither a save of the form nor what is
typed in the box next drops it. Either way a note in a live region says so, with a Discard
button (which puts the box back as it was and drops the draft)."""


REFRESH = "cw-refresh"
"""The class of the hidden button (:func:`refresh_button`) the page presses when the person
comes back to it (:data:`REFRESH_JS`)."""

REFRESH_JS = """
(function () {
  if (window.cwRefresh) { window.cwRefresh.watch(); return; }
  var FORM = '.cw-form', BUTTON = '.cw-refresh', PANEL = '.jp-NotebookPanel';
  var AGAIN_MS = 250;  // "focus" and "visibilitychange" come together: one refresh
  var FOCUS_MS = 4000;  // how long a form rebuilt by the refresh may take
  var pressed = new WeakMap(), panels = new WeakSet(), down = false, waiting = null;

  function form(el) { return el && el.closest ? el.closest(FORM) : null; }
  function label(el) {  // what names a field or button in its form, after a rebuild too
    var box = el.closest('.widget-inline-hbox, .widget-inline-vbox, .jupyter-widgets');
    var tag = box && box.querySelector('.widget-label');
    return el.tagName + '|' + (tag ? tag.textContent.trim() : '') + '|' +
      (el.tagName === 'BUTTON' ? el.textContent.trim() : '');
  }
  function twin(box, name) {
    var all = box.querySelectorAll('input, select, textarea, button');
    for (var i = 0; i < all.length; i++) {
      if (label(all[i]) === name && all[i].offsetParent !== null) { return all[i]; }
    }
    return box.querySelector('select, button');
  }
  function keepFocus() {  // a form rebuilt by the refresh keeps the person's place
    var active = document.activeElement, box = form(active);
    if (!box) { return; }
    var name = label(active), until = Date.now() + FOCUS_MS;
    (function look() {
      var now = document.activeElement;
      if (now && now !== document.body && now !== active) {
        if (!form(now)) { return; }  // the person went on elsewhere
        active = now; box = form(now); name = label(now);
      } else if (!active.isConnected) {
        var next = box.isConnected ? twin(box, name) : null;
        if (next) { next.focus(); }
        return;
      }
      if (Date.now() < until) { setTimeout(look, 100); }
    })();
  }
  function refresh(scope) {
    if (document.visibilityState === 'hidden') { return; }
    if (down) { waiting = scope || document; return; }  // after the click it starts
    var now = Date.now(), any = false;
    (scope || document).querySelectorAll(BUTTON).forEach(function (button) {
      if (now - (pressed.get(button) || 0) < AGAIN_MS) { return; }
      pressed.set(button, now);
      button.click();
      any = true;
    });
    if (any) { keepFocus(); }
  }
  function watch() {  // JupyterLab: a notebook's tab brought to the front
    var tries = 0;
    (function find() {
      document.querySelectorAll(BUTTON).forEach(function (button) {
        var panel = button.closest(PANEL);
        if (!panel || panels.has(panel)) { return; }
        panels.add(panel);
        var hidden = panel.classList.contains('lm-mod-hidden');
        new MutationObserver(function () {
          var now = panel.classList.contains('lm-mod-hidden');
          if (hidden && !now) { refresh(panel); }
          hidden = now;
        }).observe(panel, {attributes: true, attributeFilter: ['class']});
      });
      if (++tries < 50) { setTimeout(find, 200); }
    })();
  }
  window.cwRefresh = refresh;
  window.cwRefresh.watch = watch;
  window.addEventListener('focus', function () { refresh(); });
  document.addEventListener('visibilitychange', function () { refresh(); });
  // a click that brought the window to the front reaches its button before the refresh
  // rebuilds the form (a click on a closed button is lost)
  document.addEventListener('pointerdown', function () { down = true; }, true);
  function up() {
    down = false;
    if (!waiting) { return; }
    var scope = waiting;
    waiting = null;
    setTimeout(function () { refresh(scope); });
  }
  document.addEventListener('click', up, true);
  document.addEventListener('pointercancel', up, true);
  document.addEventListener('pointerup', function () { setTimeout(up, 50); }, true);
  watch();
})();
"""
"""When the person comes back to the page (the window or tab is brought to the front, or,
in JupyterLab, a notebook's tab), every :func:`refresh_button` on it is pressed: the forms
use the file as it is now (a goal saved in another tab is offered here). The focus stays on
the field or button of a form the refresh rebuilt; a click that brought the window to the
front is sent first."""


class _Unseen(quiet.Button):
    """A button only the page's script presses: in a notebook saved without its widgets
    (a coach's `career-workbook run`, a file opened without its kernel) it leaves no
    ``Button(description='Refresh', ...)`` text behind.

    >>> _Unseen(description="Refresh")._repr_mimebundle_()["text/plain"]
    ''
    """

    def __repr__(self) -> str:
        return ""


def refresh_button(session: Session) -> widgets.Button:
    """A hidden button (class :data:`REFRESH`) whose click reads the workbook again if it
    changed since (:meth:`~career_workbook.widgets.session.Session.refresh`): the page
    presses it when the person comes back to it (:data:`REFRESH_JS`). Forms not typed in
    are then built from the file as it is now; what the person typed stays.

    >>> import tempfile, pathlib
    >>> from career_workbook.widgets.session import Session
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kim.yaml"
    >>> here = Session(path, today="2026-11-22"); _ = here.create("Kim")
    >>> button = refresh_button(here)
    >>> _ = Session(path, today="2026-11-22").save(lambda wb: wb.strengths.append("Tact"))
    >>> button.click(); here.workbook.strengths
    ['Tact']
    """
    button = _Unseen(description="Refresh", tooltip="Read the workbook again",
                     layout=quiet.shared(widgets.Layout, display="none"),
                     _dom_classes=(REFRESH,))  # in its opening message: no update after
    button.on_click(lambda _b: session.refresh())
    return button


def publish_page_scripts() -> None:
    """Publish :data:`A11Y_JS`, :data:`SLIDER_BOX_JS`, :data:`UNSAVED_JS`,
    :data:`DRAFTS_JS` and :data:`REFRESH_JS` once per notebook run, as one script
    (JupyterLab and Voila run trusted ``application/javascript`` outputs; elsewhere it is
    inert)."""
    publish(_script(A11Y_JS + SLIDER_BOX_JS + UNSAVED_JS + DRAFTS_JS + REFRESH_JS))


def _script(code: str) -> Any:
    """An ``IPython.display.Javascript`` whose plain-text form is empty: where the script
    does not run (a notebook run by `career-workbook run` and opened untrusted, GitHub),
    no ``<IPython.core.display.Javascript object>`` line shows.

    >>> from IPython.core.formatters import PlainTextFormatter
    >>> PlainTextFormatter()(_script("1;"))
    ''
    """
    from IPython.display import Javascript

    class Script(Javascript):
        def __repr__(self) -> str:
            return ""

    return Script(code)


# ----------------------------------------------------------------------------------------
# Charts
# ----------------------------------------------------------------------------------------
def _slugs() -> tuple[str, ...]:
    from career_workbook import charts

    return tuple(charts.CHARTS)


def chart_figure(session: Session, slug: str) -> Figure:
    """The figure ``slug`` for the session's workbook, or a placeholder saying why not.

    Raises ``ValueError`` for an unknown ``slug`` (a mistake in the notebook, not the data).
    A chart that fails to draw gives a placeholder naming the problem and a warning.
    """
    from career_workbook import charts
    from career_workbook.widgets.heap import freeze_once

    freeze_once("charts")  # matplotlib and pandas, before the first figure: widgets/heap.py
    known = _slugs()
    if slug not in known:
        raise ValueError(f"chart {slug!r} does not exist; choose one of {', '.join(known)}")
    wb = session.workbook
    if wb is None:
        message = ("This app cannot open that workbook" if session.refusal
                   else "This workbook could not be opened" if session.error
                   else "No workbook yet — create it with the form in this notebook"
                   if (session.notebook or "").startswith("00")
                   else f"No workbook yet — {session.where_to_create()}")
        return charts.placeholder_figure(message)
    from career_workbook import figures

    try:
        # the role (and the catalog it comes from) only for the charts that use it
        fig = figures.make_figure(wb, slug, today=session.today, role=lambda: session.role,
                                  frames=session.frames())
        return localize_placeholder(fig, session.notebook)
    except Exception as err:  # noqa: BLE001 - show the reason instead of a traceback
        warnings.warn(f"career_workbook: chart {slug!r} failed: {type(err).__name__}: {err}",
                      RuntimeWarning, stacklevel=2)
        return charts.placeholder_figure(f"This chart could not be drawn ({err})")


def chart_inputs(wb: Workbook | None, role: Any, today: date, slug: str, *,
                 frames: Any = None) -> tuple | None:
    """What chart ``slug`` is drawn from (:func:`career_workbook.figures.chart_inputs`;
    ``frames``: the session's, to share); ``None`` (always redraw) without a workbook or
    when they cannot be computed."""
    from career_workbook import figures

    if wb is None:
        return None
    try:
        return figures.chart_inputs(wb, slug, today=today, role=role, frames=frames)
    except Exception:  # noqa: BLE001 - chart_figure then draws (or explains) the problem
        return None


def localize_placeholder(fig: Figure, notebook: str | None) -> Figure:
    """In notebook NN, a placeholder's "notebook NN adds it" reads "this notebook adds it"."""
    import re

    from career_workbook.charts._style import PLACEHOLDER_LABEL, wrap_lines
    from career_workbook.widgets.session import localize

    if notebook is None:
        return fig
    for ax in fig.axes:
        if ax.get_label() != PLACEHOLDER_LABEL:
            continue
        for text in ax.texts:
            before = " ".join(text.get_text().split())
            after = localize(before, notebook)
            if after != before:  # "(step 01)" is kept on one line
                kept = re.sub(r"\b(step|notebook) (\d)", "\\1\u00a0\\2", after)
                text.set_text("\n".join(wrap_lines(kept, 64)))
    return fig


def _img_html(png: bytes, alt: str) -> str:
    import base64

    data = base64.b64encode(png).decode("ascii")
    return (f'<img class="cw-chart" src="data:image/png;base64,{data}" alt="{esc(alt)}" '
            'style="max-width:100%;height:auto">')


def figure_image(fig: Figure, slug: str | None = None) -> Any:
    """A figure as a :class:`ChartImage` (PNG bytes, nothing written to disk) whose
    ``<img>`` carries :func:`~career_workbook.figures.chart_alt` as its alt text."""
    from career_workbook import export, figures

    return _chart_image_class()(export.figure_png(fig), alt=figures.chart_alt(fig, slug))


@functools.cache
def _chart_image_class() -> type:
    from IPython.display import Image

    class ChartImage(Image):
        """An ``image/png`` output (kept in executed notebooks) plus the same image as
        ``<img alt=...>`` HTML, which JupyterLab prefers: its PNG renderer sets no alt."""

        def __init__(self, png: bytes, alt: str):
            # ``alt`` as metadata: ``Image(alt=...)`` only exists in newer IPython releases
            super().__init__(data=png, format="png", metadata={"alt": alt})
            self.alt = alt

        def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
            data, metadata = super()._repr_mimebundle_(include, exclude)
            data = {**data, "text/html": _img_html(self.data, self.alt or "")}
            return data, metadata

    return ChartImage



def _live_chart(fig: Figure, slug: str | None = None) -> Callable[[Figure], None]:
    """Display ``fig``; return a function that replaces it in place with another figure.

    A display-id ``image/png`` output in JupyterLab and papermill, an ``HTML`` widget
    holding the ``<img>`` in Voila; the image's alt text is
    :func:`~career_workbook.figures.chart_alt`.
    """
    if in_voila():
        from career_workbook import export, figures

        def html(f: Figure) -> str:
            return _img_html(export.figure_png(f), figures.chart_alt(f, slug))

        image = quiet.HTML(html(fig))
        image.add_class("cw-chart")
        publish(image)
        return lambda new: setattr(image, "value", html(new))
    handle = publish(figure_image(fig, slug))
    if handle is None:
        return lambda new: None
    return lambda new: handle.update(figure_image(new, slug))


def _export(session: Session, fig: Figure, slug: str) -> str | None:
    """Save ``fig`` into the export folder; the reason when that failed."""
    if session.export_dir is None:
        return None
    from career_workbook import export

    try:
        export.save_figure(fig, session.export_dir, slug)
    except (OSError, ValueError) as err:
        return f"The chart could not be saved in {session.export_dir}: {err}"
    return None


def show_chart(session: Session, slug: str) -> None:
    """Draw chart ``slug`` from the stored data; redraw it in place after every save.

    When the session has an ``export_dir`` the chart is also saved there as
    ``<slug>.png/.svg/.pdf`` (and again after each save). Returns ``None`` so that the
    notebook cell shows only the image.
    """
    _require_session(session)
    fig = chart_figure(session, slug)
    replace = _live_chart(fig, slug)
    problem = _export(session, fig, slug)
    if problem:
        publish_html(notice_html(problem, "warning"))

    # what the chart shown was drawn from, computed on the first save (not while the
    # notebook runs): the workbook and today as they were then, and that workbook's role
    # (looked up only by a chart drawn with it: the others never read the catalog)
    drawn = {"then": (session.workbook, session.today, session.frames()), "inputs": None}

    def redraw(current: Session) -> None:
        """Draw the chart again only when what it is drawn from changed (a save elsewhere
        in the workbook leaves it as it is)."""
        from career_workbook import figures

        if drawn["then"] is not None:
            wb, today, frames = drawn["then"]
            drawn["inputs"] = chart_inputs(wb, lambda: current.role_of(wb), today, slug,
                                           frames=frames)
            drawn["then"] = None
        inputs = chart_inputs(current.workbook, lambda: current.role, current.today, slug,
                              frames=current.frames())
        if figures.same_inputs(inputs, drawn["inputs"]):
            return
        new = chart_figure(current, slug)
        replace(new)
        _export(current, new, slug)
        drawn["inputs"] = inputs

    session.on_change(redraw, key=("chart", slug))


def _require_session(session: Any) -> None:
    from career_workbook.widgets.session import Session

    if not isinstance(session, Session):
        raise TypeError(
            "pass the session returned by ui.start(...), e.g. "
            "wb = ui.start(workbook, today=today, export_dir=export_dir)"
        )


# ----------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------
def _cell(value: Any) -> Any:
    r"""A frame cell as shown in a table: days as the messages write them (1 Nov 2026:
    :func:`~career_workbook.wording.short_date`, so a table never mixes two ways), NaN/NaT/
    None as a dash, whole floats without decimals, tuples joined by commas, flags as yes/no,
    the lines of a pasted text joined by slashes (an HTML table showed its line breaks as
    ``\n``).

    >>> import pandas as pd
    >>> _cell("- Get certified\n\n- Run 5 workshops  "), _cell((1, 2)), _cell(2.0)
    ('- Get certified / - Run 5 workshops', '1, 2', '2')
    >>> _cell(pd.Timestamp("2026-12-09")), _cell(date(2026, 11, 1))
    ('9 Dec 2026', '1 Nov 2026')
    """
    import pandas as pd

    from career_workbook.wording import short_date

    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return " / ".join(line.strip() for line in value.splitlines() if line.strip())
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    if value is None or value is pd.NaT or value is pd.NA:
        return "—"
    if isinstance(value, pd.Timestamp):
        return short_date(value.date()) if value == value.normalize() else str(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return short_date(value)
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        value = float(value)
        if value != value:
            return "—"
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    return value


def frame_html(frame: pd.DataFrame, columns: Mapping[str, str] | None = None, *,
               empty: str = "Nothing to show yet.", names: Sequence[str] = (),
               name: str = "") -> str:
    """A DataFrame as an escaped HTML table (``columns`` picks and renames columns), in a
    box that scrolls sideways when the page is too narrow for it; each cell is
    :func:`cell_html` (ordinary words never break), in a column at most 32em wide; a
    column of sentences keeps a few words a line (:data:`PROSE_WORDS`). The ``names``
    columns only name their entries: cut at :data:`NAME_CELL` characters.

    The scrolling box is named for a screen reader by what it holds: ``name`` (the table's
    title), else its columns ("Table of Goal, Status and Deadline"); several boxes all
    named "Table" could not be told apart in a list of regions (red-team walks U8 and V).

    >>> import pandas as pd
    >>> html = frame_html(pd.DataFrame({"name": ["<script>x</script>"], "n": [2.0]}),
    ...                   {"name": "Name", "n": "Count"})
    >>> "&lt;script&gt;" in html and "<script>" not in html and "<th>Count</th>" in html
    True
    >>> html = frame_html(pd.DataFrame({"title": ["Speak at " + "q" * 2000]}), names=["title"])
    >>> html.count("q"), "q…</td>" in html
    (110, True)
    >>> frame = pd.DataFrame({"text": ["Ship it"], "due": ["1 Dec"]})
    >>> 'aria-label="Table of Goal and Due"' in frame_html(frame, {"text": "Goal", "due": "Due"})
    True
    >>> 'aria-label="Your pipeline"' in frame_html(frame, name="Your pipeline")
    True
    """
    from career_workbook.wording import listing, shorten

    if names:
        frame = frame.assign(**{c: [shorten(v, NAME_CELL) if isinstance(v, str) else v
                                    for v in frame[c]] for c in names if c in frame.columns})
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]].rename(columns=dict(columns))
    if frame.empty:
        return notice_html(empty, "info")
    shown = frame.astype(object).map(_cell)
    # by position: two columns may be given one heading (``shown[name]`` is then a frame)
    prose = [i for i in range(shown.shape[1]) if shown.iloc[:, i].map(_is_prose).any()]
    shown = shown.map(cell_html)
    for i in prose:
        shown.iloc[:, i] = [f'<div class="cw-prose">{cell}</div>' for cell in shown.iloc[:, i]]
    label = name or f"Table of {listing([str(c) for c in shown.columns])}"
    shown.columns = [cell_html(c) for c in shown.columns]
    table = shown.to_html(escape=False, index=False, border=0, classes="cw-table")
    # the box scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it
    return (f'{TABLE_CSS}<div class="cw-table-box" tabindex="0" role="region" '
            f'aria-label="{esc(label)}">{table}</div>')


def table_widget(frame: pd.DataFrame, columns: Mapping[str, str] | None = None, *,
                 empty: str = "Nothing to show yet.", title: str = "",
                 names: Sequence[str] = (), name: str = "") -> widgets.HTML:
    """An ``HTML`` widget holding :func:`frame_html` (with an optional escaped title, which
    names the table too; else ``name`` names it, a form's title above it, not shown twice)."""
    head = f'<div style="font-weight:600;margin-top:6px">{esc(title)}</div>' if title else ""
    return quiet.HTML(head + frame_html(frame, columns, empty=empty, names=names,
                                        name=title or name))
