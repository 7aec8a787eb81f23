"""Where a person waits in the browser: JupyterLab and the app, driven by Playwright.

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_browser.py [runall save app drafter]``
(``make bench`` runs every part). Headless Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``)
drives JupyterLab and the Voila app started exactly as the browser tests start them
(``tests/browser/servers.py``), on copies of the notebooks and of a full example workbook
in a temporary workspace. Every time is taken inside the page (``performance.now()``), from
the event a person causes to what they see:

a. **Run All**: each guided notebook is opened on a *fresh kernel* (the same for every
   notebook and for the floor: open the notebook, wait until its new kernel is idle and
   the page has run no long task for 0.5 s, then Run -> Run All Cells; the kernel is shut
   down afterwards). From the release (``pointerup``) on
   "Run All Cells" to *done*: the kernel indicator says idle, every code cell has a number,
   no widget says "Loading widget...", every widget output has drawn a view and every image
   output has decoded -- and all of that stays true for 0.5 s (the time reported is when it
   first became true). The *floor notebook* is 10 ipywidgets sliders, one pandas DataFrame
   and one matplotlib PNG chart, no product code, measured the same way just before each
   guided notebook. ``CW_BENCH_ROUNDS`` rounds (default 3) of every notebook; a notebook's
   ratio is the median of its rounds' ratios to the floor just before (paired rounds: the
   machine's speed drifts between minutes). Targets: median <= 1.25x, slowest <= 1.5x.
b. **Save -> chart redrawn**: from the ``click`` on a Save button to the chart's new
   ``<img>`` (a different ``src``) loaded in the page: 01's "Add this self-assessment"
   (a rating changes each time) and 05's "Use this role" (the role alternates, which adds
   its skills to the radar). Median of 5 saves each; target <= 300 ms.
c. **The app**: from navigation start of ``/voila/render/NN.ipynb`` to the first form
   usable (a visible form with a visible, enabled button; Voila's loading spinner gone),
   vs (a)'s Run All of the same notebook; target <= 1.5x. As ``career-workbook app`` does,
   the app's start page is opened first (not counted, like (a)'s first Run All). Before each
   step the bench waits, untimed, until the app has a spare kernel booted (what (a) does
   when it waits for the notebook's new kernel to be idle): the app keeps one started, idle
   kernel that has run nothing (``career_workbook/app_kernels.py``); the step's notebook,
   imports included, runs on it inside the timed span. The floor notebook is opened in the
   app three times before the steps (its first usable button): the stack's own page, which Voila
   loads whole where Lab's Run All starts on a page already loaded; printed as a reference
   with each step's ratio to it (proposed: median <= 1.25x, slowest <= 1.5x, as in (a)).
   A step whose 1.5x-Lab budget is below that floor (00: Lab runs it in 0.4 s, and no app
   page is usable in less than the floor's ~0.95 s) is judged by the issue's floor rule,
   <= 1.2x the app floor of the same run (``_app_slowest``).
d. **SMART drafter** (04): from the last ``input`` event of a goal typed key by key
   (40 ms apart) to the feedback naming that goal's deadline. Median of 5; target <= 150 ms.

The package is byte-compiled first, as ``pip install`` does (and as ``bench_notebooks.py``
does): with ``PYTHONDONTWRITEBYTECODE=1`` in the environment, each kernel would otherwise
compile ``career_workbook`` from source while the floor's libraries come precompiled.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _floor import write_notebook  # noqa: E402
from _table import compile_package  # noqa: E402
from _table import row as _row  # noqa: E402

from career_workbook.widgets.late import LATE_SECONDS  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    copy_project,
    new_context,
    open_notebook,
    run_all,
    shutdown_kernels,
)
from tests.browser.pages import Form, Notebook, write_start_page  # noqa: E402
from tests.browser.servers import serving  # noqa: E402

STEMS = sorted(p.stem for p in (ROOT / "notebooks").glob(
    f"{os.environ.get('CW_BENCH_NOTEBOOKS', '[0-9][0-9]')}_*.ipynb"))
"""The guided notebooks (``CW_BENCH_NOTEBOOKS=0[45]`` picks some, while developing)."""
FLOOR = "floor_fixed_stack"
SAVES = 5
ROUNDS = int(os.environ.get("CW_BENCH_ROUNDS", "3"))
"""Run All rounds: every notebook and a floor just before it, once a round."""
STABLE_MS = 500
MISSED: list[str] = []
"""Figures that missed their target (the exit status is 1 when there is any)."""


def row(figure: str, target: str, measured: str, ratio: float, met: bool) -> None:
    """:func:`_table.row`, remembering a missed target."""
    if not met:
        MISSED.append(figure)
    _row(figure, target, measured, ratio, met)

# ----------------------------------------------------------------------------------------
# In-page watchers (all times are performance.now() of the page)
# ----------------------------------------------------------------------------------------
_MARK_RELEASE = """() => { window.__cwT0 = null;
  const mark = () => { if (window.__cwT0 === null) window.__cwT0 = performance.now(); };
  for (const type of ['pointerup', 'mouseup', 'click'])
    document.addEventListener(type, mark, {capture: true, once: true}); }"""

_WS_PROBE = """(() => {
  const Orig = window.WebSocket;
  window.__cwWs = [];
  window.WebSocket = class extends Orig {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        let text = e.data;
        if (typeof text !== 'string') {
          try { text = new TextDecoder().decode(new Uint8Array(text).subarray(0, 4096)); }
          catch (err) { return; }
        }
        const m = text.match(/"msg_type":\\s*"(\\w+)"/);
        if (m) window.__cwWs.push([performance.now(), m[1]]);
        if (window.__cwWs.length > 4000) window.__cwWs.splice(0, 2000);
      });
    }
  };
  window.__cwLongTask = 0;
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries())
        window.__cwLongTask = Math.max(window.__cwLongTask, e.startTime + e.duration);
    }).observe({type: 'longtask', buffered: true});
  } catch (err) { window.__cwLongTask = -1; }
})();"""
"""Records when each kernel message reaches the page (``[time, msg_type]``), to split a
wait into the kernel's part (until the last message that changes the page) and the
browser's (from that message to the new pixels); and when the page's last long task
(over 50 ms of its main thread) ended, to click only once the page has settled."""

_SETTLED = """async ([quiet, timeout]) => {
  const start = performance.now();
  while (performance.now() - start < timeout) {
    if (window.__cwLongTask < 0) return -1;
    if (performance.now() - window.__cwLongTask >= quiet) return performance.now() - start;
    await new Promise(r => setTimeout(r, 50));
  }
  return null;
}"""
"""Waits until the page has run no long task for ``quiet`` ms (a person opening a
notebook reads it for a moment before Run All; JupyterLab keeps loading for a while after
the notebook shows); the ms waited, ``-1`` without long-task timing, ``None`` on timeout."""
SETTLE_MS = 500

_RUN_DONE = """async ([stable, timeout]) => {
  const done = () => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return false;
    const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
    if (!ind || ind.dataset.status !== 'idle') return false;
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
    if (!prompts.length || !prompts.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim())))
      return false;
    if (panel.textContent.includes('Loading widget...')) return false;
    const views = panel.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]');
    for (const v of views) if (!v.querySelector('.jupyter-widgets, .widget-html, .lm-Widget'))
      return false;
    for (const img of panel.querySelectorAll('.jp-OutputArea-output img'))
      if (!img.complete || !img.naturalWidth) return false;
    return true;
  };
  const start = performance.now();
  let since = null;
  while (performance.now() - start < timeout) {
    if (done()) {
      if (since === null) since = performance.now();
      if (performance.now() - since >= stable) return since;
    } else since = null;
    await new Promise(r => setTimeout(r, 25));
  }
  return null;
}"""

_ARM_SAVE = """([form, cell]) => {
  const img = () => cell.querySelector('img');
  const old = img() ? img().src : null;
  window.__cwSave = {t0: null, t1: null};
  const button = [...form.querySelectorAll('button')];
  document.addEventListener('click', e => {
    if (window.__cwSave.t0 === null && button.some(b => b.contains(e.target)))
      window.__cwSave.t0 = performance.now();
  }, {capture: true});
  const seen = () => {
    const now = img();
    if (!now || now.src === old || window.__cwSave.t1 !== null) return;
    const mark = () => { if (window.__cwSave.t1 === null) window.__cwSave.t1 = performance.now(); };
    if (now.complete && now.naturalWidth) mark(); else now.addEventListener('load', mark);
  };
  const obs = new MutationObserver(seen);
  obs.observe(cell, {subtree: true, childList: true, attributes: true,
                     attributeFilter: ['src']});
  window.__cwSaveObs = obs;
}"""

_ARM_DRAFT = """([form, marker]) => {
  window.__cwDraft = {t0: null, t1: null};
  form.addEventListener('input', () => { window.__cwDraft.t0 = performance.now();
                                         window.__cwDraft.t1 = null; }, {capture: true});
  const seen = () => {
    if (window.__cwDraft.t1 === null && window.__cwDraft.t0 !== null) {
      const fb = form.querySelector('.cw-smart');
      if (fb && fb.textContent.includes(marker)) window.__cwDraft.t1 = performance.now();
    }
  };
  new MutationObserver(seen).observe(form, {subtree: true, childList: true,
                                            characterData: true});
}"""

_APP_READY = """async (timeout) => {
  const ready = () => {
    const spinner = document.querySelector('#loading');
    if (spinner && spinner.offsetParent !== null) return false;
    return [...document.querySelectorAll('.cw-form')].some(form =>
      form.offsetParent !== null && [...form.querySelectorAll('button')].some(
        b => !b.disabled && b.offsetParent !== null));
  };
  while (performance.now() < timeout) {
    if (ready()) return performance.now();
    await new Promise(r => setTimeout(r, 10));
  }
  return null;
}"""

_APP_FLOOR_READY = """async (timeout) => {
  const ready = () => {
    const spinner = document.querySelector('#loading');
    if (spinner && spinner.offsetParent !== null) return false;
    return [...document.querySelectorAll('button.jupyter-button')].some(
      b => !b.disabled && b.offsetParent !== null);
  };
  while (performance.now() < timeout) {
    if (ready()) return performance.now();
    await new Promise(r => setTimeout(r, 10));
  }
  return null;
}"""
"""The floor notebook has no form: its first usable widget button (the chart's Redraw)."""


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def write_floor(notebooks: Path) -> None:
    """The floor notebook (``benchmarks/_floor.py``): the fixed stack only."""
    write_notebook(notebooks / f"{FLOOR}.ipynb")


def lab_run_all(context: Any, srv: Any, stem: str) -> tuple[float, Any]:
    """Open ``stem`` on a fresh kernel, Run All; seconds from the click to done.

    Also prints the browser's part: from the last kernel message to done."""
    page = open_notebook(context, srv, stem)
    settled = page.evaluate(_SETTLED, [SETTLE_MS, 15_000])
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.evaluate(_MARK_RELEASE)
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    end = page.evaluate(_RUN_DONE, [STABLE_MS, 240_000])
    start = page.evaluate("window.__cwT0")
    if end is None or start is None:
        raise RuntimeError(f"{stem}: Run All did not finish (start {start}, end {end})")
    last = max([t for t, _ in page.evaluate("window.__cwWs || []") if start <= t <= end],
               default=end)
    waited = "no long-task timing" if settled == -1 else (
        "the page never settled in 15 s" if settled is None
        else f"page settled after {settled / 1000:.2f} s")
    print(f"      {stem}: kernel messages until {(last - start) / 1000:.2f} s, "
          f"browser {(end - last) / 1000:.2f} s after the last one ({waited})", flush=True)
    return (end - start) / 1000, page


def close(page: Any, srv: Any) -> None:
    page.close()
    shutdown_kernels(srv)


# ----------------------------------------------------------------------------------------
# a. Run All
# ----------------------------------------------------------------------------------------
def bench_run_all(context: Any, srv: Any) -> dict[str, float]:
    """Run All of every guided notebook, each right after the floor, in ``ROUNDS`` rounds.

    A notebook's ratio is the median of its rounds' ratios, each round's time over the
    floor's just before it (paired, as the pack's bench: a shared machine's speed drifts
    between minutes, and the slowest of eleven single runs picks the unluckiest one);
    its time is the median of its rounds. Returns those times, and the floor's median.
    """
    print(f"a. Run All on a fresh kernel, click to last output rendered (s), "
          f"{ROUNDS} round(s)")
    times: dict[str, list[float]] = {stem: [] for stem in STEMS}
    paired: dict[str, list[float]] = {stem: [] for stem in STEMS}
    floors: list[float] = []
    _, page = lab_run_all(context, srv, FLOOR)  # not counted: the first Run All of the
    close(page, srv)  # session loads JupyterLab's widget code and the stack from disk
    for round_ in range(1, ROUNDS + 1):
        for stem in STEMS:
            floor, page = lab_run_all(context, srv, FLOOR)
            close(page, srv)
            seconds, page = lab_run_all(context, srv, stem)
            close(page, srv)
            floors.append(floor)
            times[stem].append(seconds)
            paired[stem].append(seconds / floor)
            print(f"   round {round_}: {stem:<26} {seconds:5.2f} s   floor just before "
                  f"{floor:5.2f} s: {seconds / floor:.2f}x", flush=True)
    base = _median(floors)
    ratios = {stem: _median(r) for stem, r in paired.items()}
    took = {stem: _median(t) for stem, t in times.items()}
    for stem in STEMS:
        print(f"   {stem:<26} median {took[stem]:5.2f} s, {ratios[stem]:.2f}x "
              f"(rounds {', '.join(f'{r:.2f}' for r in paired[stem])})")
    med, slowest = _median(list(ratios.values())), max(ratios, key=ratios.get)
    print(f"   floor median {base:.2f} s (min {min(floors):.2f}, max {max(floors):.2f}); "
          f"ratio median {med:.2f}x, slowest {slowest} {ratios[slowest]:.2f}x")
    row("Run All / floor, median (fresh kernel; median of paired rounds)", "<= 1.25x",
        f"{med:.2f}x (floor {base:.2f} s)", med / 1.25, med <= 1.25)
    row(f"Run All / floor, slowest ({slowest}; median of its paired rounds)", "<= 1.5x",
        f"{ratios[slowest]:.2f}x ({took[slowest]:.2f} s)", ratios[slowest] / 1.5,
        ratios[slowest] <= 1.5)
    return {**took, FLOOR: base}


# ----------------------------------------------------------------------------------------
# b. Save -> chart redrawn
# ----------------------------------------------------------------------------------------
def _chart_cell(nb: Notebook, slug: str) -> Any:
    return nb.chart(slug).img.locator(
        "xpath=ancestor::*[contains(@class, 'jp-OutputArea')][1]")


def kernel_part(page: Any, t0: float, t1: float, types: tuple[str, ...]) -> float:
    """Seconds from ``t0`` to the last kernel message of ``types`` that reached the page
    before ``t1`` (the rest, up to ``t1``, is the browser's part)."""
    seen = [t for t, kind in page.evaluate("window.__cwWs || []")
            if kind in types and t0 <= t <= t1]
    return ((max(seen) if seen else t1) - t0) / 1000


def timed_click(page: Any, button: Any, scope: Any, cell: Any, what: str) -> tuple[float, float]:
    """Click ``button`` (inside ``scope``); seconds until ``cell`` shows a new image loaded,
    and the kernel's part of it (until the display update reached the page)."""
    page.evaluate(_ARM_SAVE, [scope.element_handle(), cell.element_handle()])
    button.click()
    deadline = time.monotonic() + 30
    got: dict = {}
    while time.monotonic() < deadline:
        got = page.evaluate("window.__cwSave")
        if got["t0"] is not None and got["t1"] is not None:
            page.evaluate("window.__cwSaveObs.disconnect()")
            return ((got["t1"] - got["t0"]) / 1000,
                    kernel_part(page, got["t0"], got["t1"], ("update_display_data",)))
        time.sleep(0.05)
    raise RuntimeError(f"{what}: no new image within 30 s of the click: {got}")


def timed_save(nb: Notebook, form: Form, button: str, slug: str) -> tuple[float, float]:
    """Seconds from the click on ``button`` to chart ``slug``'s new image loaded."""
    nb.chart(slug).loaded()
    return timed_click(nb.page, form.button(button), form.root, _chart_cell(nb, slug),
                       f"{nb.name}: {slug} after “{button}”")


def bench_saves(context: Any, srv: Any) -> None:
    print(f"b. Save -> chart redrawn (ms, {SAVES} saves each; kernel part in brackets)")
    cases = []
    page = open_notebook(context, srv, FLOOR)
    run_all(page)
    cell = page.locator(".jp-CodeCell", has_text="display_id=True").first
    cell = cell.locator(".jp-OutputArea").first
    button = page.get_by_role("button", name=re.compile(r"^Redraw the chart"))
    times = [timed_click(page, button, page.locator(".jp-Notebook").first, cell, "floor")
             for _ in range(SAVES)]
    cases.append(("floor: button -> matplotlib redraw", times))
    close(page, srv)

    nb = Notebook.open_in_lab(context, srv, "01_self_assessment").run_all()
    form = nb.form("Rate yourself")
    skill = "Python"  # one of the example's skills
    times = []
    for i in range(SAVES):
        form.fill(skill, re.compile(rf"^{1 + i % 4} "))
        times.append(timed_save(nb, form, "Add this self-assessment", "skill_radar"))
    cases.append(("01 self-rating -> radar", times))
    close(nb.page, srv)

    nb = Notebook.open_in_lab(context, srv, "05_skill_gap").run_all()
    form = nb.form("Your target role")
    names = [o for o in form.options("Target role profile") if o.strip()]
    times = []
    for i in range(SAVES):
        if i:  # a role chosen sooner is a late value of the last save, saved with it
            time.sleep(LATE_SECONDS + 0.2)  # (widgets/late.py): the click then saves nothing
        form = nb.form("Your target role")
        form.choose("Target role profile", names[i % 2 + 1] if len(names) > 2 else names[i % 2])
        times.append(timed_save(nb, form, "Use this role", "skill_radar"))
    cases.append(("05 role (adds skills) -> radar", times))
    close(nb.page, srv)
    floor = _median([t for t, _ in cases[0][1]]) * 1000
    for name, pairs in cases:
        med = _median([t for t, _ in pairs]) * 1000
        kernel = _median([k for _, k in pairs]) * 1000
        print(f"   {name:<36} median {med:6.0f} ms [kernel {kernel:4.0f}]  "
              f"({', '.join(f'{t * 1000:.0f} [{k * 1000:.0f}]' for t, k in pairs)})")
        if name.startswith("floor"):
            row("Save -> chart: floor (stack only)", "-", f"{med:.0f} ms", 0, True)
            continue
        row(f"Save -> chart: {name}", "<= 300 ms", f"{med:.0f} ms ({med / floor:.1f}x floor)",
            med / 300, med <= 300)


# ----------------------------------------------------------------------------------------
# d. SMART drafter
# ----------------------------------------------------------------------------------------
GOALS = [("Run 2 SQL workshops for the analytics team by {d} 2027", d)
         for d in ("31 March", "30 April", "29 May", "30 June", "31 July")]


def bench_drafter(context: Any, srv: Any) -> None:
    print("d. SMART drafter, last keystroke to feedback shown (ms; kernel part in brackets)")
    nb = Notebook.open_in_lab(context, srv, "04_smart_goals").run_all()
    form = nb.form("Draft a SMART goal")
    times = []
    for text, day in GOALS:
        marker = f"{day} 2027"
        box = form.widget("Your goal").locator("textarea, input").first
        box.click()
        box.press("Control+A")
        box.press("Backspace")
        time.sleep(0.6)
        nb.page.evaluate(_ARM_DRAFT, [form.root.element_handle(), marker])
        nb.page.keyboard.type(text.format(d=day), delay=40)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            got = nb.page.evaluate("window.__cwDraft")
            if got["t1"] is not None:
                times.append(((got["t1"] - got["t0"]) / 1000,
                              kernel_part(nb.page, got["t0"], got["t1"], ("comm_msg",))))
                break
            time.sleep(0.05)
        else:
            raise RuntimeError(f"04: no feedback naming {marker!r}: {form.text()[:400]!r}")
    close(nb.page, srv)
    med = _median([t for t, _ in times]) * 1000
    kernel = _median([k for _, k in times]) * 1000
    print(f"   median {med:.0f} ms [kernel {kernel:.0f}] "
          f"({', '.join(f'{t * 1000:.0f} [{k * 1000:.0f}]' for t, k in times)})")
    row("SMART drafter: last key -> feedback", "<= 150 ms", f"{med:.0f} ms", med / 150,
        med <= 150)


# ----------------------------------------------------------------------------------------
# c. The app
# ----------------------------------------------------------------------------------------
APP_FLOORS = 3
"""How many times the floor notebook is opened in the app (the median is the app's floor)."""
SPARE_READY = "Spare kernel "
"""What the app's log says when a spare kernel has booted (``app_kernels.PooledKernelManager``)."""


def wait_for_spare(srv: Any, seen: int, timeout: float = 60.0) -> tuple[int, float]:
    """Wait (untimed) until the app's log reports more than ``seen`` spares booted; return
    the new count and the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        text = srv.log.read_text(encoding="utf-8", errors="replace")
        count = sum(SPARE_READY in line and "is ready" in line for line in text.splitlines())
        if count > seen:
            return count, time.monotonic() - start
        time.sleep(0.1)
    raise RuntimeError(f"the app booted no spare kernel within {timeout:.0f} s:\n"
                       f"{srv.log_tail()}")


def bench_app(context: Any, srv: Any, lab: dict[str, float]) -> None:
    print("c. App: open a step to its first form usable, vs JupyterLab's Run All (s)")
    ratios = {}
    spares, waited = wait_for_spare(srv, 0)
    page = context.new_page()  # the start page, as `career-workbook app` opens it
    page.goto(srv.url(f"/voila/render/{write_start_page(srv.notebooks)}.ipynb"),
              timeout=180_000)
    page.wait_for_selector("#loading", state="hidden", timeout=180_000)
    took: dict[str, float] = {}
    floors: list[float] = []
    # The floor notebook in the app, APP_FLOORS times before the steps (not between them:
    # interleaved, the pages' kernels shutting down slowed the steps after them).
    for name in [FLOOR] * APP_FLOORS + list(STEMS):
        spares, waited = wait_for_spare(srv, spares)  # still on the last page
        page.close()
        print(f"      (waited {waited:.1f} s, untimed, for the app's spare kernel)", flush=True)
        page = context.new_page()
        page.goto(srv.url(f"/voila/render/{name}.ipynb"), wait_until="commit",
                  timeout=180_000)
        ready = page.evaluate(_APP_FLOOR_READY if name == FLOOR else _APP_READY, 180_000)
        if ready is None:
            raise RuntimeError(f"app {name}: no usable form")
        page.wait_for_selector("#loading", state="hidden", timeout=180_000)
        if name == FLOOR:
            floors.append(ready / 1000)
            print(f"   {'app floor notebook':<26} {floors[-1]:5.2f} s", flush=True)
            continue
        stem = name
        took[stem] = ready / 1000
        line = f"   {stem:<26} {took[stem]:5.2f} s"
        if stem in lab:
            ratios[stem] = took[stem] / lab[stem]
            line += f"   lab Run All {lab[stem]:5.2f} s: {ratios[stem]:.2f}x"
        print(line, flush=True)
    page.close()
    if ratios:
        med = _median(list(ratios.values()))
        row("App step -> first form / lab Run All, median", "<= 1.5x", f"{med:.2f}x",
            med / 1.5, med <= 1.5)
        _app_slowest(took, lab, ratios, _median(floors) if floors else None)
    if floors:
        # The stack's own page: Voila loads a page (HTML, its bundle, the widget manager)
        # where Lab's Run All starts on a page already loaded; that fixed part weighs most
        # on a short notebook (00).
        base = _median(floors)
        versus = (f"; {base / lab[FLOOR]:.2f}x lab's Run All of it, {lab[FLOOR]:.2f} s"
                  if FLOOR in lab else "")
        row("App floor notebook -> first button (median)", "(reference)",
            f"{base:.2f} s{versus}", 0, True)
        own = {stem: t / base for stem, t in took.items()}
        worst = max(own, key=own.get)
        med = _median(list(own.values()))
        row("App step / app floor notebook, median (proposed <= 1.25x)", "(reference)",
            f"{med:.2f}x", 0, True)
        row(f"App step / app floor notebook, slowest ({worst}; proposed <= 1.5x)",
            "(reference)", f"{own[worst]:.2f}x", 0, True)



def _app_slowest(took: dict[str, float], lab: dict[str, float], ratios: dict[str, float],
                 floor: float | None) -> None:
    """The row for the slowest step: against 1.5x its Lab Run All; where that budget is
    below the app floor notebook (the least any app page takes: Voila loads the page, its
    bundle and the widget manager, which Lab's Run All finds loaded), the issue's floor
    rule instead: <= 1.2x the app floor measured in the same run (said in a line).

    >>> lab = {"00": 0.39, "09": 1.15}
    >>> _app_slowest({"00": 0.86, "09": 1.5}, lab, {"00": 0.86 / 0.39, "09": 1.5 / 1.15}, 0.95)
    ... # doctest: +ELLIPSIS
    @@row {"figure": "App step -> first form / lab Run All, slowest (09)", ...}
    >>> _app_slowest({"00": 1.3, "09": 1.5}, lab, {"00": 1.3 / 0.39, "09": 1.5 / 1.15}, 0.95)
    ... # doctest: +ELLIPSIS
       00 under the floor rule: 1.37x the app floor (0.95 s; <= 1.2x), ...
    @@row {"figure": "App step -> first form, slowest (00; floor rule: ..., "met": false}
    """
    def budget(stem: str) -> float:  # how far from its target, <= 1 when met
        if floor is not None and 1.5 * lab[stem] < floor:
            return took[stem] / floor / 1.2
        return ratios[stem] / 1.5

    worst = max(ratios, key=budget)
    if floor is not None and 1.5 * lab[worst] < floor:
        print(f"   {worst} under the floor rule: {took[worst] / floor:.2f}x the app floor "
              f"({floor:.2f} s; <= 1.2x), as 1.5x its Lab Run All ({1.5 * lab[worst]:.2f} s) "
              "is below what any app page takes", flush=True)
        row(f"App step -> first form, slowest ({worst}; floor rule: 1.5x Lab Run All is "
            "below the app floor)", "<= 1.2x app floor",
            f"{took[worst] / floor:.2f}x app floor ({ratios[worst]:.2f}x lab)",
            budget(worst), budget(worst) <= 1)
        return
    row(f"App step -> first form / lab Run All, slowest ({worst})", "<= 1.5x",
        f"{ratios[worst]:.2f}x", ratios[worst] / 1.5, ratios[worst] <= 1.5)


def main(argv: list[str]) -> int:
    parts = set(argv) or {"runall", "save", "app", "drafter"}
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).is_file():
        print(f"skipped: no Chromium at {chromium} (set $CHROMIUM)")
        return 0
    print(compile_package())
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at start; "
          f"notebooks {STEMS[0]}..{STEMS[-1]}")
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="cw-bench-browser-"))
    lab_times: dict[str, float] = {}
    with sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=chromium, headless=True,
                                    args=CHROMIUM_ARGS)
        try:
            if parts & {"runall", "save", "drafter", "app"}:
                root = tmp / "lab"
                root.mkdir()
                notebooks, workbook = copy_project(root)
                write_floor(notebooks)
                print(f"workbook {workbook.name} (full example), lab in {root}")
                with serving("lab", root, notebooks, workbook) as srv:
                    context = new_context(chrome)
                    context.add_init_script(_WS_PROBE)
                    if "runall" in parts or "app" in parts:
                        lab_times = bench_run_all(context, srv)
                    if "save" in parts:
                        bench_saves(context, srv)
                    if "drafter" in parts:
                        bench_drafter(context, srv)
                    context.close()
            if "app" in parts:
                root = tmp / "app"
                root.mkdir()
                notebooks, workbook = copy_project(root)
                write_floor(notebooks)
                with serving("app", root, notebooks, workbook) as srv:
                    context = new_context(chrome)
                    bench_app(context, srv, lab_times)
                    context.close()
        finally:
            chrome.close()
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end")
    shutil.rmtree(tmp, ignore_errors=True)
    if MISSED:
        print(f"missed: {'; '.join(MISSED)}")
    return 1 if MISSED else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
