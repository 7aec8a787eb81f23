"""Where the browser spends a Run All (issue 15): the front end's share, measured.

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/browser_timeline.py [ROUNDS] [STEM...]``
(default 3 rounds of the floor notebook, 04 and 09). Each notebook is opened on a fresh
kernel and Run All is clicked exactly as ``bench_browser.py`` does (the same watchers);
around it, Chromium's own counters (CDP ``Performance.getMetrics``: script, layout and
style-recalc time, task time, layout and recalc counts) and, from the kernel's messages as
they reach the page, the kernel's busy time, how many widget models (``comm_open``) and
display messages arrived. After it: the ``<style>`` elements in the notebook's outputs (and
how many distinct texts) and the PNG bytes its images hold. Prints one line per run and the
medians, in seconds:

- ``total`` = ``to_first_busy`` (click -> the kernel's first status reaches the page) +
  ``kernel_busy`` (while any request of the kernel is busy, as the page sees it) +
  ``idle_gaps`` (the kernel idle between two requests) + ``after_last_msg`` (the last kernel
  message -> the bench's "done", what the page draws after it);
- ``lag_*``: from the kernel's header ``date`` to the page's handler (kernel, ZMQ, Jupyter
  server, socket), of which ``queue_*`` is the page's own (network stack -> handler run);
- ``img_lag``: a message carrying an image -> that ``<img>`` decoded in the page;
- Chromium's ``TaskDuration`` (main thread), ``ScriptDuration``, ``LayoutDuration``,
  ``RecalcStyleDuration`` and their counts over the Run All.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _table import compile_package  # noqa: E402
from bench_browser import (  # noqa: E402
    _MARK_RELEASE,
    _RUN_DONE,
    _SETTLED,
    _WS_PROBE,
    FLOOR,
    SETTLE_MS,
    STABLE_MS,
    close,
    write_floor,
)

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    copy_project,
    new_context,
    open_notebook,
)
from tests.browser.servers import serving  # noqa: E402

_STATUS_PROBE = """(() => {
  const Orig = window.WebSocket;
  window.__cwMsgs = [];
  window.WebSocket = class extends Orig {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        let text = e.data;
        if (typeof text !== 'string') {
          try { text = new TextDecoder().decode(new Uint8Array(text)); }
          catch (err) { return; }
        }
        const m = text.match(/"msg_type":\\s*"(\\w+)"/);
        if (!m) return;
        const s = text.match(/"execution_state":\\s*"(\\w+)"/);
        const d = text.match(/"date":\\s*"([^"]+)"/);  // the header's: when the kernel sent it
        const lag = d ? Date.now() - Date.parse(d[1]) : null;
        const id = text.match(/"msg_id":\\s*"([^"]+)"/);
        window.__cwMsgs.push([performance.now(), m[1], s ? s[1] : '', text.length, lag,
                              id ? id[1] : '']);
      });
    }
  };
  window.__cwImg = [];
  new MutationObserver(ms => { for (const m of ms) for (const n of m.addedNodes) {
    if (!n.querySelectorAll) continue;
    for (const i of [n, ...n.querySelectorAll('img')]) if (i.tagName === 'IMG') {
      const rec = [performance.now(), null];
      window.__cwImg.push(rec);
      const done = () => { rec[1] = performance.now(); };
      if (i.complete && i.naturalWidth) done(); else i.addEventListener('load', done);
    } } }).observe(document, {childList: true, subtree: true});
})();"""
"""Records each kernel message as it reaches the page (``[time, msg_type, execution_state,
characters, ms since the kernel sent it, msg_id]``) and when each ``<img>`` enters the page and has
decoded."""

_AFTER = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const styles = [...panel.querySelectorAll('.jp-OutputArea style')].map(s => s.textContent);
  const imgs = [...panel.querySelectorAll('.jp-OutputArea-output img')];
  return {styles: styles.length, distinct: new Set(styles).size,
          styleChars: styles.reduce((a, s) => a + s.length, 0),
          imgs: imgs.length, pngChars: imgs.reduce((a, i) => a + i.src.length, 0),
          widgets: panel.querySelectorAll('.jupyter-widgets').length,
          hidden: [...panel.querySelectorAll('.jupyter-widgets')]
                    .filter(w => w.offsetParent === null).length,
          nodes: panel.querySelectorAll('*').length};
}"""

METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration",
           "LayoutCount", "RecalcStyleCount")


def metrics(cdp: Any) -> dict[str, float]:
    got = cdp.send("Performance.getMetrics")["metrics"]
    return {m["name"]: m["value"] for m in got if m["name"] in METRICS}


def page_queue(msgs: list[list[Any]], frames: list[tuple[float, str, int]]) -> list[float]:
    """For each message (``[time, ..., msg_id]``) also seen by the browser's network stack
    (CDP ``Network.webSocketFrameReceived``: ``(seconds, payload, opcode)``), the ms it
    waited in the page before its handler ran: the page's time minus the network's, less
    the smallest such difference (the two clocks' offset; some message met an empty queue).

    >>> frames = [(1.0, '{"msg_id": "a"}', 1), (1.010, '{"msg_id": "b"}', 1)]
    >>> page_queue([[5.0, "status", "", 0, 0, "a"], [20.0, "status", "", 0, 0, "b"]], frames)
    [0.0, 5.0]
    """
    at = {}
    for seconds, data, opcode in frames:
        text = base64.b64decode(data).decode("utf-8", "replace") if opcode == 2 else data
        found = re.search(r'"msg_id":\s*"([^"]+)"', text)
        if found:
            at.setdefault(found.group(1), seconds * 1000)
    diffs = [m[0] - at[m[5]] for m in msgs if m[5] in at]
    return [round(d - min(diffs), 3) for d in diffs]


def one(context: Any, srv: Any, stem: str) -> dict[str, float]:
    page = open_notebook(context, srv, stem)
    page.evaluate(_SETTLED, [SETTLE_MS, 15_000])
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
    frames: list[tuple[float, str, int]] = []
    cdp.on("Network.webSocketFrameReceived", lambda ev: frames.append(
        (ev["timestamp"], ev["response"]["payloadData"], ev["response"]["opcode"])))
    cdp.send("Network.enable")
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.evaluate(_MARK_RELEASE)
    page.evaluate("window.__cwMsgs = []")
    before = metrics(cdp)
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    end = page.evaluate(_RUN_DONE, [STABLE_MS, 240_000])
    start = page.evaluate("window.__cwT0")
    after = metrics(cdp)
    msgs = [m for m in page.evaluate("window.__cwMsgs") if start <= m[0] <= end]
    queue = page_queue(msgs, frames)
    busy, depth, since = 0.0, 0, 0.0  # the kernel is busy while any request is (subshells
    for t, kind, state, *_ in msgs:  # interleave their own busy/idle)
        if kind == "status" and state == "busy":
            depth, since = depth + 1, since if depth else t
        elif kind == "status" and state == "idle" and depth:
            depth -= 1
            busy += 0 if depth else t - since
    last = max((m[0] for m in msgs), default=end)
    shown = [m[0] for m in msgs if m[1] in ("display_data", "update_display_data",
                                            "execute_result")]
    imgs = [(a, b) for a, b in page.evaluate("window.__cwImg") if start <= a <= end]
    # from the message carrying an image to that image decoded in the page
    lag = max((b - max((t for t in shown if t <= a), default=a)
               for a, b in imgs if b is not None), default=0.0)
    count = lambda k: sum(m[1] == k for m in msgs)  # noqa: E731
    first = min((m[0] for m in msgs if m[1] == "status"), default=start)
    out = {"total": (end - start) / 1000, "kernel_busy": busy / 1000,
           "to_first_busy": (first - start) / 1000,
           "idle_gaps": (last - first - busy) / 1000,
           # in flight: sent by the kernel -> handled by the page (the socket and the page's
           # main thread, busy with something else, both delay it)
           "lag_median": statistics.median([m[4] for m in msgs if m[4] is not None] or [0]) / 1000,
           "lag_max": max([m[4] for m in msgs if m[4] is not None] or [0]) / 1000,
           "lag_last": (msgs[-1][4] or 0) / 1000 if msgs else 0.0,
           # of which in the page: handed over by the network stack -> handler run
           "queue_median": statistics.median(queue or [0]) / 1000,
           "queue_max": max(queue or [0]) / 1000,
           "after_last_msg": (end - last) / 1000, "img_lag": lag / 1000,
           **{k: after[k] - before[k] for k in METRICS},
           "comm_open": count("comm_open"), "display_data": count("display_data"),
           "update_display": count("update_display_data"), "comm_msg": count("comm_msg"),
           "msg_kB": sum(m[3] for m in msgs) / 1000,
           **page.evaluate(_AFTER)}
    cdp.detach()
    close(page, srv)
    return out


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv and argv[0].isdigit() else 3
    stems = [a for a in argv if not a.isdigit()] or [FLOOR, "04_smart_goals", "09_progress_review"]
    print(compile_package())
    print(f"load {os.getloadavg()[0]:.2f}; package {ROOT}")
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="cw-timeline-"))
    runs: dict[str, list[dict[str, float]]] = {s: [] for s in stems}
    with sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                    headless=True, args=CHROMIUM_ARGS)
        root = tmp / "lab"
        root.mkdir()
        notebooks, workbook = copy_project(root)
        write_floor(notebooks)
        with serving("lab", root, notebooks, workbook) as srv:
            context = new_context(chrome)
            context.add_init_script(_WS_PROBE)
            context.add_init_script(_STATUS_PROBE)
            one(context, srv, FLOOR)  # not counted: loads Lab's widget code
            for r in range(rounds):
                for stem in stems:
                    got = one(context, srv, stem)
                    runs[stem].append(got)
                    print(f"  r{r + 1} {stem[:14]:<14} " + " ".join(
                        f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                        for k, v in got.items()), flush=True)
            context.close()
        chrome.close()
    shutil.rmtree(tmp, ignore_errors=True)
    print("medians:")
    for stem, got in runs.items():
        print(f"  {stem[:14]:<14} " + " ".join(
            f"{k}={statistics.median(g[k] for g in got):.3f}" for k in got[0]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
