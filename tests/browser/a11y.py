"""Automated accessibility checks: axe-core, injected into a page by Playwright.

axe-core comes from the npm registry, pinned with its checksum in
``tests/browser/package-lock.json``; ``make axe`` (part of ``make test``) runs ``npm ci``
there, which puts ``axe.min.js`` in ``tests/browser/node_modules/axe-core/``. When the file
is missing, :func:`axe_source` runs that same ``npm ci`` itself, so that
``pytest tests/browser`` works on its own too. Without npm the accessibility tests skip
with a hint, and fail in CI (``CI=true``), like the other browser tests without Chromium.

Why installed and not copied into the repository: the lock file pins the exact release and
its SHA-512, so every machine runs the same checker, while the 650 kB minified bundle and
its MPL-2.0 licence stay in the npm package instead of in our history; npm and the registry
are on every developer's and CI's machine (``.ci/run`` installs npm where it is missing).

:func:`check` runs axe on part of a page and returns the violations; :func:`serious` keeps
those of impact "serious" or "critical"; :func:`report` prints each one (rule id, impact,
the elements, axe's summary of how to fix it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.helpers.missing import missing_tool

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
"""Impacts that fail a test."""

_RUN = """async ({include, exclude}) => {
  const context = {include: include.map(s => [s])};
  if (exclude.length) context.exclude = exclude.map(s => [s]);
  const result = await axe.run(context, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                              summary: n.failureSummary, html: n.html.slice(0, 300)})),
  }));
}"""


def axe_source() -> str:
    """The text of ``axe.min.js`` (installed with ``npm ci`` first when missing)."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is not None:
            subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                           cwd=HERE, check=False, timeout=300, stdin=subprocess.DEVNULL)
    if not AXE.is_file():
        message = (f"axe-core is not installed ({AXE} is missing): run `make axe` (or "
                   "`npm ci` in tests/browser; npm comes with `apt-get install npm`)")
        missing_tool(message)
    return AXE.read_text(encoding="utf-8")


def check(page: Any, include: list[str], exclude: list[str] | None = None) -> list[dict]:
    """Run axe on the elements matching ``include`` (CSS selectors), minus ``exclude``.

    Returns axe's violations: ``{"id", "impact", "help", "helpUrl", "nodes": [{"target",
    "impact", "summary", "html"}]}``.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    present = [s for s in include if page.locator(s).count()]
    if not present:
        return []
    return page.evaluate(_RUN, {"include": present, "exclude": exclude or []})


_LOW_CONTRAST = """(selectors) => {
  // WCAG contrast of each visible text against the background it is drawn on (its own or
  // the nearest ancestor's, translucent layers blended), from the computed styles
  const rgba = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const blend = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a)});
  const background = el => { const layers = [];
    for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let out = {r: 255, g: 255, b: 255};
    for (const layer of layers.reverse()) out = blend(layer, out);
    return out; };
  const low = [], seen = new Set();
  for (const scope of document.querySelectorAll(selectors.join(','))) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.data.trim() || seen.has(el) || !el.getClientRects().length) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const bg = background(el), fg = blend(rgba(style.color), bg);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05), size = parseFloat(style.fontSize);
      const large = size >= 24 || (parseInt(style.fontWeight) >= 700 && size >= 18.66);
      if (ratio < (large ? 3 : 4.5)) low.push({text: n.data.trim().slice(0, 60),
        ratio: Math.round(ratio * 100) / 100, color: style.color,
        background: `rgb(${bg.r | 0}, ${bg.g | 0}, ${bg.b | 0})`});
    }
  }
  return low;
}"""


def low_contrast(page: Any, include: list[str]) -> list[dict]:
    """Each text inside ``include`` (CSS selectors) below WCAG AA contrast (4.5:1, large
    text 3:1), measured from the computed colours: ``{"text", "ratio", "color",
    "background"}``. axe-core's own contrast rule did not report the dark theme's
    2.5:1 help texts in JupyterLab's output areas (red-team walk U), so the colours are
    measured here too."""
    return page.evaluate(_LOW_CONTRAST, include)


def serious(violations: list[dict]) -> list[dict]:
    """The violations whose impact is serious or critical."""
    return [v for v in violations if v["impact"] in BLOCKING]


def report(violations: list[dict], where: str, max_nodes: int = 6) -> str:
    """One paragraph per violation: rule id, impact, what it means, each element."""
    out = []
    for v in violations:
        lines = [f"{where}: [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} "
                 f"element{'s' if len(v['nodes']) != 1 else ''}) {v['helpUrl']}"]
        for n in v["nodes"][:max_nodes]:
            summary = " ".join((n["summary"] or "").split())
            lines.append(f"    - {n['target']}: {summary[:300]}\n      {n['html'][:160]}")
        if len(v["nodes"]) > max_nodes:
            lines.append(f"    - ... and {len(v['nodes']) - max_nodes} more")
        out.append("\n".join(lines))
    return "\n".join(out)
