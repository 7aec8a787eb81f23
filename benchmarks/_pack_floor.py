"""The floor of a review pack: each chart built once and saved as one PNG, nothing else.

``python benchmarks/_pack_floor.py WORKSPACE OUT TODAY [vector]``: for every workbook, load
it, draw every chart of ``charts.CHARTS`` (``make_figures``) and write each as one PNG at
the pack's resolution (``figure_png``: one layout, one draw). No PDF, no HTML, no cover.
Its imports are frozen out of the garbage collector as the pack's are (``gc.freeze``).

With ``vector``, each chart is also drawn once more by matplotlib's PDF backend as a bare
vector page (one ``review.pdf`` per workbook, the chart's own figure, no heading, footer,
cover, goals or actions): what a vector PDF costs when matplotlib draws each figure once
per output format (a reference: the pack replays its chart pages from the PNG drawing
instead, ``export/pdf_replay.py``). ``bench_pack_cpu.py`` runs both as processes,
measured the same way as ``career-workbook pack``.
"""

from __future__ import annotations

import gc
import io
import sys
from pathlib import Path

from career_workbook import store
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.export import PACK_DPI, figure_png
from career_workbook.export.files import figure_bytes, frozen_layout, quiet_glyph_warnings
from career_workbook.figures import make_figures


def main(ws: str, out: str, today: str, vector: str = "") -> None:
    gc.freeze()  # its imports out of the collector's full passes, as ``pack`` does (issue 15:
    # a gain the floor can have too is not the pack's; ``batch.imports_frozen``)
    for path in sorted(Path(ws).glob("*.yaml")):
        wb = store.load(path, clean=False)
        folder = Path(out) / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        with quiet_glyph_warnings():
            figures = make_figures(wb, today=today, role=resolve_role(wb, load_catalog()))
            if vector:
                (folder / "review.pdf").write_bytes(_with_vector_pages(figures, folder))
                continue
            for slug, fig in figures.items():
                (folder / f"{slug}.png").write_bytes(figure_png(fig, dpi=PACK_DPI))


def _with_vector_pages(figures: dict, folder: Path) -> bytes:
    """Write each figure's PNG as above and return them all as bare vector PDF pages; each
    figure is laid out once for both formats (as ``figure_png`` does for one, and as the
    pack does)."""
    from career_workbook.export.pdf import write_pdf

    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        for slug, fig in figures.items():
            with frozen_layout(fig, PACK_DPI):
                (folder / f"{slug}.png").write_bytes(figure_bytes(fig, "png", dpi=PACK_DPI))
                pdf.savefig(fig)
    return buf.getvalue()


if __name__ == "__main__":
    main(*sys.argv[1:5])
