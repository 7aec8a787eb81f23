"""The floor of a review pack: each chart built once and saved as one PNG, nothing else.

``python benchmarks/_pack_floor.py WORKSPACE OUT TODAY``: for every workbook, load it,
draw every chart of ``charts.CHARTS`` (``make_figures``) and write each as one PNG at the
pack's resolution (``figure_png``: one layout, one draw). No PDF, no HTML, no cover.
``bench_pack_cpu.py`` runs it as a process, measured the same way as ``career-workbook pack``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from career_workbook import store
from career_workbook.catalog import load_catalog
from career_workbook.export import PACK_DPI, figure_png
from career_workbook.export.files import quiet_glyph_warnings
from career_workbook.figures import make_figures, resolve_role


def main(ws: str, out: str, today: str) -> None:
    for path in sorted(Path(ws).glob("*.yaml")):
        wb = store.load(path, clean=False)
        folder = Path(out) / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        with quiet_glyph_warnings():
            for slug, fig in make_figures(wb, today=today,
                                          role=resolve_role(wb, load_catalog())).items():
                (folder / f"{slug}.png").write_bytes(figure_png(fig, dpi=PACK_DPI))


if __name__ == "__main__":
    main(*sys.argv[1:4])
