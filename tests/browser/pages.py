"""Page objects: what a person does in JupyterLab or in the app, as a few verbs.

Every browser test that fills in forms goes through this module, so that when the forms
change only this file needs to follow. Elements are found by what a person sees - a
form's title, a field's label, a button's text - never by their position in the page.

- :class:`Notebook` - one guided notebook, in JupyterLab (:meth:`Notebook.open_in_lab`,
  then :meth:`Notebook.run_all`) or in the app (:meth:`Notebook.open_in_app`).
- :class:`Form` - one form (``.cw-form``) found by its title: :meth:`Form.fill` a field
  by its label (text, date, dropdown, slider, multi-select, checkbox alike),
  :meth:`Form.save` by the button's text, which waits for "Saved at HH:MM" and for the
  workbook file to change.
- :class:`Chart` - a chart image: :meth:`Chart.digest` hashes the image bytes the browser
  shows, :meth:`Chart.wait_changed` waits until they differ.
- :func:`problems` - every error a person could see on the page (stderr outputs,
  tracebacks, "There was an error when executing cell", broken widgets).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .conftest import (
    BAD_WIDGET_TEXT,
    SHOTS,
    STDERR,
    Server,
    open_notebook,
    run_all,
    save_screenshot,
    wait_widgets_settled,
)

PERSON_PAUSE_MS = 300
"""How long a person takes from the last key on a slider to the next thing they do."""
SAVED = r"Saved at \d\d:\d\d"
"""The status line of a successful save."""
REFUSED = r"Nothing was saved|Not saved|Not created|could not"
"""Status lines of a refused save (shown instead of "Saved at")."""
ERROR_TEXT = (r"Traceback \(most recent call last\)", r"There was an error when executing cell",
              r"^\w*(Error|Exception): ", *map(re.escape, BAD_WIDGET_TEXT))
"""Text that must never be visible to a person."""

_SHA256 = """async (img) => {
  if (!img.complete || !img.naturalWidth) return null;
  const data = await (await fetch(img.src)).arrayBuffer();
  const hash = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(hash)].map(b => b.toString(16).padStart(2, '0')).join('');
}"""


def exact(text: str) -> re.Pattern[str]:
    """A pattern matching ``text`` exactly (surrounding white space allowed)."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def read_yaml(path: Path) -> dict[str, Any]:
    """The workbook file as plain data (``{}`` while it does not exist)."""
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def write_start_page(notebooks: Path) -> str:
    """Write the app's generated start page (as ``career-workbook app`` does); its stem."""
    from career_workbook.widgets.start_page import START_NOTEBOOK, start_notebook

    (notebooks / START_NOTEBOOK).write_text(start_notebook(), encoding="utf-8")
    return Path(START_NOTEBOOK).stem


def chart_cells(notebook: Path) -> dict[str, str]:
    """The charts a notebook shows, in order: ``{slug: id of the cell showing it}``."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for slug in re.findall(r"\bshow_chart\(\s*\w+\s*,\s*[\"'](\w+)[\"']",
                                   "".join(cell["source"])):
                found.setdefault(slug, cell.get("id", ""))
    return found


def _widget_error(broken: Any) -> str:
    """The JavaScript error behind an ipywidgets error box (shown when it is clicked)."""
    cell = broken.locator("xpath=ancestor::*[contains(@class, 'jp-Cell')][1]")
    where = ""
    if cell.count():
        where = f"in the cell “{cell.first.inner_text()[:80].strip()}”: "
    try:
        broken.click(timeout=5_000)
        time.sleep(0.3)
        detail = broken.inner_text()
    except Exception:  # noqa: BLE001 - the text says at least that it is broken
        detail = ""
    detail = "\n".join(detail.splitlines()[1:4]) or "Click to show javascript error."
    return where + detail


def wait_until(check: Any, what: str, timeout: float = 30.0, every: float = 0.2) -> Any:
    """Call ``check()`` until it returns something truthy; return it (fail with ``what``)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f}s for {what}")
        time.sleep(every)


# ----------------------------------------------------------------------------------------
# Charts
# ----------------------------------------------------------------------------------------
class Chart:
    """A chart image on the page (JupyterLab: an image output; the app: an Image widget)."""

    def __init__(self, img: Any, slug: str):
        self.img, self.slug = img, slug

    def digest(self) -> str | None:
        """SHA-256 of the image bytes the browser shows (``None`` until it has loaded)."""
        try:
            return self.img.evaluate(_SHA256, timeout=10_000)
        except Exception:  # noqa: BLE001 - the image is being replaced: not loaded yet
            return None

    def loaded(self, timeout: float = 30.0) -> str:
        """Wait until the image has loaded; its digest."""
        return wait_until(self.digest, f"the {self.slug} chart to load", timeout)

    def wait_changed(self, old: str | None, timeout: float = 30.0) -> str:
        """Wait until the image bytes differ from ``old``; the new digest."""
        return wait_until(lambda: (d := self.digest()) not in (None, old) and d,
                          f"the {self.slug} chart to redraw", timeout)

    @property
    def alt(self) -> str | None:
        return self.img.get_attribute("alt")


# ----------------------------------------------------------------------------------------
# Forms
# ----------------------------------------------------------------------------------------
class Form:
    """A form found by its title; fields found by label, buttons by their text."""

    def __init__(self, notebook: Notebook, title: str):
        self.notebook, self.title = notebook, title
        heading = notebook.page.locator("h3.cw-form-title", has_text=exact(title))
        self.root = notebook.page.locator(".cw-form").filter(has=heading).first

    # ------------------------------------------------------------------ reading
    def text(self) -> str:
        return self.root.inner_text()

    def status(self) -> str:
        """The form's status line (the last HTML widget of the form)."""
        last = self.root.locator(":scope > .widget-html").last
        return last.inner_text() if last.count() else ""

    def _label(self, label: str) -> Any:
        """The label element: a ``<label>`` of a plain widget, or the ``<span>`` that names
        a group (a list of checkboxes)."""
        return self.root.locator("label.widget-label, span.widget-label",
                                 has_text=exact(label)).first

    def widget(self, label: str) -> Any:
        """The field labelled exactly ``label``: the nearest element around the label that
        also holds an input (a text box, a dropdown, a slider or a set of checkboxes)."""
        tag = self._label(label)
        tag.wait_for(state="attached", timeout=20_000)
        return tag.locator("xpath=ancestor::*[.//input or .//select or .//textarea or "
                           ".//*[contains(@class, 'noUi-handle')]][1]")

    def has_field(self, label: str) -> bool:
        return self._label(label).count() > 0

    def value(self, label: str) -> str:
        """What the field shows now (a dropdown's chosen option text, a slider's readout)."""
        w = self.widget(label)
        if w.locator("select").count():
            return w.locator("select").evaluate(
                "s => [...s.selectedOptions].map(o => o.textContent).join('\\n')")
        if w.locator(".widget-readout").count():
            return w.locator(".widget-readout").inner_text().strip()
        return w.locator("input, textarea").first.input_value()

    # ------------------------------------------------------------------ typing
    def fill(self, label: str, value: Any) -> Form:
        """Give the field labelled ``label`` a value, the way a person would.

        Text boxes are typed into (then Tab); dates take a ``date`` or ``YYYY-MM-DD``;
        dropdowns take the option's visible text (or a regular expression for it);
        multi-selects a list of option texts; sliders a number (moved with the arrow
        keys); checkboxes ``True``/``False``.
        """
        if isinstance(value, bool):
            return self.tick(label, value)
        w = self.widget(label)
        w.scroll_into_view_if_needed()
        if w.locator("select[multiple]").count() or not isinstance(value, (str, date, int,
                                                                          re.Pattern)):
            return self.choose_many(label, value)
        if w.locator("select").count():
            return self.choose(label, value)
        if w.locator(".noUi-handle, .slider").count():
            return self.slide(label, int(value))
        box = w.locator("input, textarea").first
        if isinstance(value, date):
            value = value.isoformat()
        box.click()
        box.fill(str(value))
        box.press("Tab")
        return self

    def options(self, label: str) -> list[str]:
        """The visible texts of a dropdown's options (non-breaking spaces as spaces)."""
        select = self.widget(label).locator("select")
        return [" ".join(t.split()) for t in select.locator("option").all_inner_texts()]

    def choose(self, label: str, option: str | re.Pattern[str], *,
               rerenders: bool = False, timeout: float = 30.0) -> Form:
        """Choose the dropdown option whose visible text is ``option`` (or matches it).

        ``rerenders=True`` for a chooser that rebuilds the form (a goal to plan, a record to
        edit): waits until the old fields are gone, so nothing is typed into them.
        """
        texts = self.options(label)
        if isinstance(option, re.Pattern):
            found = [i for i, t in enumerate(texts) if option.search(t)]
        else:
            found = [i for i, t in enumerate(texts) if t == " ".join(option.split())]
        assert found, f"{self.title}: “{label}” offers no {option!r}; it offers {texts}"
        select = self.widget(label).locator("select")
        if rerenders and select.evaluate("s => s.selectedIndex") == found[0]:
            return self  # already chosen: nothing is rebuilt
        old = select.element_handle() if rerenders else None
        select.select_option(index=found[0])
        if old is not None:
            wait_until(lambda: not old.evaluate("e => e.isConnected"),
                       f"“{self.title}” to show the fields for {texts[found[0]]!r}", timeout)
        return self

    def choose_many(self, label: str, options: Iterable[str]) -> Form:
        """Choose several options by their visible text: tick each one's checkbox (or, in
        a multi-select list, select them)."""
        w = self.widget(label)
        wanted = [" ".join(o.split()) for o in options]
        if w.locator("select[multiple]").count():
            texts = self.options(label)
            missing = [o for o in wanted if o not in texts]
            assert not missing, f"{self.title}: “{label}” offers no {missing}; it offers {texts}"
            w.locator("select").select_option(index=[texts.index(o) for o in wanted])
            return self
        for option in wanted:
            box = w.get_by_role("checkbox", name=exact(option))
            assert box.count(), (f"{self.title}: “{label}” has no checkbox {option!r}: "
                                 f"{w.inner_text()[:300]!r}")
            box.first.check()
        return self

    def slide(self, label: str, value: int, timeout: float = 15.0) -> Form:
        """Move a slider to ``value`` with the arrow keys on its handle."""
        w = self.widget(label)
        handle = w.locator(".noUi-handle").first
        readout = w.locator(".widget-readout")
        handle.focus()
        for _ in range(60):
            now = int(readout.inner_text().strip() or 0)
            if now == value:
                break
            handle.press("ArrowRight" if now < value else "ArrowLeft")
        wait_until(lambda: readout.inner_text().strip() == str(value),
                   f"slider “{label}” to show {value}", timeout)
        handle.blur()
        # A person's hand then moves to the next field or button. ipywidgets holds a
        # slider's last value while the kernel is busy with the one before, but sends a
        # button click at once (only sync messages are throttled, jupyter-widgets/ipywidgets
        # PR 1383): a click a few milliseconds after the last key could reach the kernel
        # before the value it follows.
        self.notebook.page.wait_for_timeout(PERSON_PAUSE_MS)
        return self

    def tick(self, label: str, on: bool = True) -> Form:
        box = self.root.get_by_role("checkbox", name=label)
        box.set_checked(on)
        return self

    def type(self, label: str, text: str, delay: float = 20) -> Form:
        """Type ``text`` key by key into a text box (for fields that react while typing)."""
        box = self.widget(label).locator("input, textarea").first
        box.click()
        box.press("Control+A")
        box.press("Backspace")
        self.notebook.page.keyboard.type(text, delay=delay)
        return self

    # ------------------------------------------------------------------ saving
    def button(self, description: str) -> Any:
        """The button whose text is ``description`` (its icon glyph, if any, before it)."""
        name = re.compile(rf"(^|[^\w\s])\s*{re.escape(description)}\s*$")
        return self.root.get_by_role("button", name=name).first

    def click(self, description: str) -> Form:
        """Click the button whose text is ``description``."""
        self.button(description).click()
        return self

    def save(self, description: str, timeout: float = 30.0, *,
             rebuilds: bool = False) -> dict[str, Any]:
        """Click ``description``; wait for "Saved at HH:MM" and for the workbook file to
        change; return the file's new content. A refused save fails with its message.

        ``rebuilds=True`` for a form that is built again after a save (a list of records):
        also waits until its old fields are gone, so the next value goes into the new ones.
        """
        path = self.notebook.workbook
        before = path.read_bytes() if path.exists() else None
        old = self.root.locator("input, textarea, select").first.element_handle() \
            if rebuilds else None
        self.click(description)
        deadline = time.monotonic() + timeout
        status = ""
        while time.monotonic() < deadline:
            status = self.status()
            after = path.read_bytes() if path.exists() else None
            if re.search(SAVED, status) and after is not None and after != before:
                if old is not None:
                    wait_until(lambda: not old.evaluate("e => e.isConnected"),
                               f"“{self.title}” to be built again after the save",
                               max(1.0, deadline - time.monotonic()))
                return read_yaml(path)
            if re.search(REFUSED, status):
                raise AssertionError(f"{self.title}: “{description}” was refused: {status}")
            time.sleep(0.2)
        self.notebook.screenshot(f"FAILED-{self.notebook.name}-save")
        raise AssertionError(f"{self.title}: no save within {timeout:.0f}s after "
                             f"“{description}”; status: {status!r}; errors: "
                             f"{self.root.locator('.cw-field-error').all_inner_texts()}")


# ----------------------------------------------------------------------------------------
# Notebooks
# ----------------------------------------------------------------------------------------
class Notebook:
    """A guided notebook open in a browser page, in JupyterLab or in the app."""

    def __init__(self, page: Any, server: Server, name: str, *, app: bool):
        self.page, self.server, self.name, self.app = page, server, name, app
        self.workbook = server.workbook
        self.baseline: list[str] = []
        """Problems already on the page when it opened (reported once, by the test)."""
        self.failures: list[str] = []
        """What :meth:`soft` caught: checked by the test once the person's steps are done."""
        self.charts = chart_cells(server.notebooks / f"{name}.ipynb")

    @classmethod
    def open_in_lab(cls, context: Any, server: Server, name: str) -> Notebook:
        """Open ``name.ipynb`` in JupyterLab (kernel connected and idle); not run yet."""
        return cls(open_notebook(context, server, name), server, name, app=False)

    @classmethod
    def open_in_app(cls, context: Any, server: Server, name: str,
                    timeout: float = 120.0) -> Notebook:
        """Open ``name`` in the app and wait until Voila has run it and drawn its widgets."""
        page = context.new_page()
        page.goto(server.url(f"/voila/render/{name}.ipynb"), timeout=timeout * 1000,
                  wait_until="commit")
        return cls._rendered(page, server, name, timeout)

    @classmethod
    def _rendered(cls, page: Any, server: Server, name: str, timeout: float) -> Notebook:
        """Wait until Voila has run every cell and the widgets are drawn."""
        page.wait_for_load_state("load", timeout=timeout * 1000)
        page.wait_for_selector(".jp-OutputArea-output", timeout=timeout * 1000)
        page.wait_for_selector("#loading", state="hidden", timeout=timeout * 1000)
        notebook = cls(page, server, name, app=True)
        still = wait_widgets_settled(page)
        assert not still, f"{name}: widgets still show {still}"
        return notebook

    def follow(self, link: str | re.Pattern[str], name: str,
               timeout: float = 120.0) -> Notebook:
        """The app: click the link named ``link``, which opens notebook ``name`` in this tab
        (a step that opened a new tab each time would leave a person with a row of tabs)."""
        anchor = self.page.get_by_role("link", name=link).first
        assert anchor.get_attribute("target") != "_blank", f"{link} opens a new tab"
        anchor.click()
        page = self.page
        page.wait_for_url(re.compile(rf"/{re.escape(name)}\.ipynb"), wait_until="commit",
                          timeout=timeout * 1000)
        return self._rendered(page, self.server, name, timeout)

    @property
    def kind(self) -> str:
        """``"app"`` or ``"lab"`` (for screenshot names)."""
        return "app" if self.app else "lab"

    def docs(self, name: str) -> str | None:
        """The README screenshot name for a JupyterLab journey picture (``None`` in the app:
        the JupyterLab journey alone refreshes ``docs/screenshots``)."""
        return None if self.app else f"journey_{name}"

    def run_all(self) -> Notebook:
        """JupyterLab: Run -> Run All Cells, wait until every cell ran, widgets drawn."""
        assert not self.app, "the app runs the notebook itself"
        run_all(self.page)
        still = wait_widgets_settled(self.page, ".jp-NotebookPanel")
        assert not still, f"{self.name}: widgets still show {still}"
        return self

    def close(self) -> None:
        self.page.close()

    # ------------------------------------------------------------------ finding
    def form(self, title: str) -> Form:
        found = Form(self, title)
        found.root.wait_for(state="visible", timeout=30_000)
        return found

    def chart(self, slug: str) -> Chart:
        """The image of chart ``slug``: the output of the cell that shows it."""
        assert slug in self.charts, f"{self.name} shows no {slug} chart ({list(self.charts)})"
        if self.app:  # Voila gives each cell the id ``cell-id=<the notebook's cell id>``
            cell = self.page.locator(f'[id="cell-id={self.charts[slug]}"]')
            img = cell.locator("img").first
        else:
            cell = self.page.locator(".jp-CodeCell").filter(
                has_text=re.compile(rf"show_chart\(\s*\w+\s*,\s*[\"']{slug}[\"']")).first
            img = cell.locator(".jp-OutputArea-output img").first
        return Chart(img, slug)

    def header(self) -> str:
        return self.page.locator(".cw-header").first.inner_text()

    # ------------------------------------------------------------------ checking
    def problems(self) -> list[str]:
        """Every error a person could see: stderr outputs, tracebacks, broken widgets."""
        found = [f"stderr: {t[:1500]}" for t in
                 (el.inner_text() for el in self.page.query_selector_all(STDERR))]
        scope = "body" if self.app else ".jp-NotebookPanel:not(.lm-mod-hidden)"
        for broken in self.page.locator(f"{scope} .jupyter-widgets-error-widget").all():
            found.append(f"a widget failed to render: {_widget_error(broken)}")
        text = self.page.inner_text(scope)
        for pattern in ERROR_TEXT:
            for hit in re.finditer(pattern, text, flags=re.MULTILINE):
                start = max(0, hit.start() - 200)
                found.append(f"text: …{text[start:hit.end() + 600]}")
        return found

    def soft(self, check: Any, *args: Any) -> Any:
        """Run ``check(*args)``; an assertion (or Playwright timeout) it raises is noted in
        :attr:`failures` instead, so that the person's next steps still run. The result,
        or ``None``."""
        try:
            return check(*args)
        except AssertionError as err:
            self.failures.append(str(err))
        except Exception as err:  # noqa: BLE001 - Playwright's TimeoutError and kin
            if type(err).__name__ != "TimeoutError":
                raise
            self.failures.append(str(err).splitlines()[0])
        return None

    def remember_problems(self) -> list[str]:
        """Note the problems on the page now; later :meth:`assert_clean` calls report only
        new ones (so one broken cell is reported once and the person's steps go on)."""
        self.baseline = self.problems()
        return self.baseline

    def assert_clean(self, when: str = "") -> None:
        """No error output and no traceback anywhere on the page (beyond the baseline)."""
        found = [p for p in self.problems() if p not in self.baseline]
        if found:
            self.screenshot(f"FAILED-{self.name}")
        assert not found, f"{self.name}{' ' + when if when else ''}: a person sees errors:\n" \
                          + "\n---\n".join(found)

    def screenshot(self, name: str, docs_name: str | None = None,
                   element: Any = None) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        return save_screenshot(self.page, name, docs_name=docs_name, element=element)
