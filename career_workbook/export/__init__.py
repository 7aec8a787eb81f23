"""Figures -> files, and review packs a coach can hand over.

- :func:`save_figure`, :func:`figure_png`: one chart as PNG / SVG / PDF files or bytes,
  written atomically, with fixed metadata (no paths, no dates);
- :func:`build_pack`: one client's review pack (multi-page PDF, self-contained HTML, chart
  files), built in a temporary folder and moved into place when complete;
- :func:`build_packs`: many packs, optionally in worker processes; failures are reported
  per workbook in a :class:`PackReport` and never stop the others.

Modules: :mod:`.files` (bytes and files), :mod:`.content` (what a pack shows),
:mod:`.pdf` and :mod:`.html` (the two renderings), :mod:`.pack` (building).

Examples
--------
>>> import tempfile
>>> from career_workbook.export import save_figure
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(3, 2))
>>> [p.suffix for p in save_figure(fig, tempfile.mkdtemp(), "demo")]
['.png', '.svg', '.pdf']
"""

from career_workbook._lazy import lazy_names

# public name -> module of this package that defines it, imported on first use: a notebook
# showing a chart needs the PNG bytes (.files), not the pack builder and its worker pools
_LAZY = {
    "CREATOR": "files",
    "FORMATS": "files",
    "figure_bytes": "files",
    "figure_files": "files",
    "figure_png": "files",
    "save_figure": "files",
    "slugify": "files",
    "PACK_DPI": "pack",
    "PackReport": "pack",
    "build_pack": "pack",
    "build_packs": "pack",
    "pack_name": "pack",
}

__getattr__, __dir__ = lazy_names(__name__, _LAZY)

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: no `typing` import at run time
if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from career_workbook.export.files import (
        CREATOR,
        FORMATS,
        figure_bytes,
        figure_files,
        figure_png,
        save_figure,
        slugify,
    )
    from career_workbook.export.pack import (
        PACK_DPI,
        PackReport,
        build_pack,
        build_packs,
        pack_name,
    )

__all__ = [
    "CREATOR",
    "FORMATS",
    "PACK_DPI",
    "PackReport",
    "build_pack",
    "build_packs",
    "figure_bytes",
    "figure_files",
    "figure_png",
    "pack_name",
    "save_figure",
    "slugify",
]
