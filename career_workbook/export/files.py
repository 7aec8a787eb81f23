"""Figures -> image bytes and files: PNG, SVG and PDF with deterministic, path-free metadata.

Every format is rendered with the same fixed metadata (``Creator: Career Workbook``, no
date, no software version), so saving the same figure twice gives the same bytes and no
file path, user name or temporary folder ends up inside a file.

Examples
--------
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(2, 1))
>>> _ = fig.add_subplot().plot([0, 1])
>>> figure_png(fig)[:8]
b'\\x89PNG\\r\\n\\x1a\\n'
>>> figure_bytes(fig, "svg") == figure_bytes(fig, "svg")
True
>>> slugify("../../Skill radar: 2026!")
'skill-radar-2026'
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import struct
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from career_workbook.store import atomic_write_bytes

__all__ = [
    "CREATOR",
    "FORMATS",
    "figure_bytes",
    "figure_files",
    "figure_png",
    "frozen_layout",
    "png_bytes",
    "quiet_glyph_warnings",
    "save_figure",
    "slugify",
    "export_rc",
    "pdf_metadata",
]

CREATOR = "Career Workbook"
"""The only metadata written into exported files."""

FORMATS = ("png", "svg", "pdf")
"""File formats :func:`save_figure` can write."""

_METADATA = {
    "png": {"Creator": CREATOR, "Software": None},
    "svg": {"Creator": CREATOR, "Date": None},
    "pdf": {"Creator": CREATOR, "Producer": None, "CreationDate": None},
}
# Fixed salt: SVG element ids become deterministic (matplotlib otherwise uses a random one).
# On top of the house style: Type 3 fonts (embedding TrueType costs ~40% more time per
# PDF) and no tight bounding box (constrained layout already fits the figure; "tight" is an
# extra pass over every text). matplotlib 3.11 sizes a PDF's font subsets from
# ``ps.fonttype``, so it must match ``pdf.fonttype``. No default layout engine while
# saving: savefig would otherwise give a figure without one (or with a frozen layout) a
# constrained layout when it restores the engine.
_RC = {"svg.hashsalt": "career-workbook", "svg.fonttype": "none", "pdf.fonttype": 3,
       "ps.fonttype": 3, "pdf.compression": 6, "savefig.bbox": "standard",
       "figure.constrained_layout.use": False, "figure.autolayout": False}


def pdf_metadata(**extra: Any) -> dict[str, Any]:
    """Metadata for a PDF written with ``PdfPages``: fixed creator, no dates, no paths.

    >>> pdf_metadata(Title="Review")["Title"]
    'Review'
    """
    return {**_METADATA["pdf"], **extra}


def slugify(name: str, *, default: str = "chart", max_length: int = 80) -> str:
    """A safe file-name stem: lower-case letters (of any script: the name's letters are
    kept, as in a workbook's output folder, :func:`~career_workbook.workspace.output_name`),
    digits, ``-`` and ``_`` only.

    Path separators, dots, spaces, emoji and anything else become ``-``, so the result can
    never leave the folder it is joined to. At most ``max_length`` characters and 200 bytes.
    Where the file system's encoding cannot hold a letter (Python with an ASCII file-system
    encoding: ``LC_ALL=C`` with ``PYTHONUTF8=0``), the name is folded to ASCII instead
    (``ö`` is ``o``), the one fold :func:`ascii_stem` makes.

    >>> slugify("Ünïcode Näme"), slugify("../.."), slugify("a" * 200)[:5]
    ('ünïcode-näme', 'chart', 'aaaaa')
    >>> slugify("cöhort 🚀_gaps"), slugify("Иван Петров"), slugify("İzmir")
    ('cöhort-_gaps', 'иван-петров', 'i̇zmir')
    >>> len(slugify("a" * 200)), len(slugify("中" * 200).encode())
    (80, 198)
    """
    import sys

    text = unicodedata.normalize("NFC", str(name).lower())
    kept = "".join(ch if ch.isalnum() or ch == "_" or (unicodedata.category(ch)[0] == "M")
                   else " " for ch in text)
    slug = re.sub(r" +", "-", kept).strip("-_")[:max_length]
    while len(slug.encode("utf-8")) > 200:
        slug = slug[:-1]
    slug = slug.strip("-_")
    try:
        slug.encode(sys.getfilesystemencoding())
    except (UnicodeEncodeError, LookupError):
        slug = ascii_stem(slug, max_length=max_length)
    return slug or default


def ascii_stem(name: str, *, max_length: int = 80) -> str:
    """``name`` as a file-name stem of ASCII letters, digits, ``-`` and ``_``: accents
    dropped where a plain letter exists, other letters left out (for a file system that
    holds no others; :func:`slugify`).

    >>> ascii_stem("cöhort-_gaps"), ascii_stem("иван")
    ('cohort-_gaps', '')
    """
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_")[:max_length].strip("-_")


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """``formats`` as a tuple without repeats, or a ``ValueError`` naming the bad one.

    >>> check_formats(["png", "svg", "png"])
    ('png', 'svg')
    >>> check_formats(["gif"])
    Traceback (most recent call last):
    ...
    ValueError: formats = 'gif': must be one of png, svg, pdf
    """
    if isinstance(formats, str):
        formats = (formats,)
    out: list[str] = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"formats = {fmt!r}: must be one of {', '.join(FORMATS)}")
        if fmt not in out:
            out.append(fmt)
    return tuple(out)


def quiet_glyph_warnings() -> contextlib.AbstractContextManager[None]:
    """Silence matplotlib's "Glyph ... missing from font" warnings (emoji, rare scripts):
    :func:`career_workbook.charts.quiet_glyph_warnings` (the characters are drawn as boxes;
    the file is still written)."""
    from career_workbook.charts._style import quiet_glyph_warnings as quiet

    return quiet()


@contextlib.contextmanager
def frozen_layout(fig: Figure, dpi: float | None = None) -> Iterator[Figure]:
    """Lay ``fig`` out once, then save it in any number of formats without laying it out again.

    With a layout engine, every ``savefig`` runs the layout and a dry draw first (an extra
    pass over every text); inside this block the layout computed on entry is kept and
    each save is a single draw. The engine is restored on exit.

    ``dpi``: the resolution of the PNG that will be drawn (default: the figure's), which
    the layout is measured at. A text's width does not grow in proportion to the dpi
    (each glyph's advance is rounded to whole pixels): a label in Chinese measured at
    100 dpi and drawn at 150 came out 8 pixels wider than its room, its first character
    cut off by the image's edge.
    """
    from career_workbook.charts._style import is_laid_out

    engine = fig.get_layout_engine()
    if engine is None:
        yield fig
        return
    with export_rc():  # None means "no engine" only when the rcParams ask for none
        # a figure laid out at this dpi and unchanged since (the 360 chart, by its
        # subtitle: charts._style.laid_out) is drawn as it is
        if not isinstance(engine, PlaceHolderLayoutEngine) and \
                not is_laid_out(fig, fig.dpi if dpi is None else dpi):
            own_dpi = fig.dpi
            fig.dpi = own_dpi if dpi is None else dpi
            try:
                engine.execute(fig)
            finally:
                fig.dpi = own_dpi
        fig.set_layout_engine(None)
    try:
        yield fig
    finally:
        with contextlib.suppress(RuntimeError, ValueError):
            fig.set_layout_engine(engine)


@contextlib.contextmanager
def export_rc() -> Iterator[None]:
    """The house style plus export settings (fixed SVG ids, Type 3 PDF fonts, no tight box).

    Glyph warnings are silenced inside.
    """
    from career_workbook.charts import house_style

    with house_style(), mpl.rc_context(_RC), quiet_glyph_warnings():
        yield


def figure_bytes(fig: Figure, fmt: str, *, dpi: float = 200, **savefig: Any) -> bytes:
    """Render ``fig`` as ``fmt`` ('png', 'svg' or 'pdf') and return the file's bytes.

    ``dpi`` applies to PNG (SVG and PDF are vector). Extra keyword arguments go to
    ``Figure.savefig``.
    """
    (fmt,) = check_formats((fmt,))
    if fmt == "png" and not savefig:
        return _png(fig, dpi)
    buf = io.BytesIO()
    with export_rc():
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_METADATA[fmt], **savefig)
    return buf.getvalue()


PNG_COMPRESS_LEVEL = 3
"""zlib effort for PNG files (of 9): about as small as level 6 on charts, twice as fast."""


class _PngRows:
    """A file for matplotlib's raw RGBA output that keeps the pixels as PNG rows: each
    row's filter byte (0) and its RGB (or RGBA, when not every pixel is opaque) values,
    copied once straight out of the renderer's buffer (no file buffer, no RGB slice, no
    bytes object in between: three copies of the picture fewer)."""

    def __init__(self) -> None:
        self.rows: Any = None
        self.channels = 0

    def seek(self, *args: Any) -> int:  # matplotlib takes objects with seek for files
        raise io.UnsupportedOperation("seek")

    def write(self, buffer: Any) -> int:
        if self.rows is not None:  # matplotlib writes the raw picture in one piece
            raise io.UnsupportedOperation("the raw picture came in more than one write")
        self.rows, self.channels = _png_rows(buffer, opaque_as_rgb=True)
        return memoryview(buffer).nbytes


def _png_rows(pixels: Any, *, opaque_as_rgb: bool = False) -> tuple[Any, int]:
    """PNG rows (filter type 0) of 8-bit RGBA ``pixels`` (height x width x 4) or RGB ones;
    with ``opaque_as_rgb``, RGBA pixels that are all opaque lose their alpha channel (a
    chart on a white page). Returns the rows (height x (1 + width * channels)) and the
    number of channels."""
    import numpy as np

    pixels = np.asarray(pixels, dtype=np.uint8)
    height, width, channels = pixels.shape
    if opaque_as_rgb and channels == 4 and pixels[:, :, 3].min() == 255:
        channels = 3
    rows = np.empty((height, 1 + width * channels), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0: none
    body = rows[:, 1:]
    if channels == pixels.shape[2]:
        body[...] = pixels.reshape(height, width * channels)
    else:
        for channel in range(channels):
            # one channel at a time: numpy copies long strided rows fast, but 3 bytes of
            # every 4 a pixel at a time (an 800 x 910 chart: 2.7 ms -> 0.75 ms)
            body[:, channel::channels] = pixels[:, :, channel]
    return rows, channels


def _png(fig: Figure, dpi: float) -> bytes:
    """PNG bytes of ``fig``: matplotlib draws the pixels (``format="rgba"``, the same path
    as its own PNG writer), :func:`png_bytes` encodes them, without the alpha channel when
    every pixel is opaque (a chart on a white page)."""
    sink = _PngRows()
    with export_rc():
        fig.savefig(sink, format="rgba", dpi=dpi)
    return _png_file(sink.rows, sink.channels, dpi)


def _chunk(kind: bytes, data: Any) -> bytes:
    return (struct.pack(">I", len(data)) + kind + bytes(data)
            + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind))))


def png_bytes(pixels: Any, dpi: float) -> bytes:
    """Encode 8-bit RGB or RGBA ``pixels`` (height x width x 3 or 4) as a PNG file with
    the fixed metadata (``Creator``) and the resolution ``dpi``.

    Rows are stored unfiltered (PNG filter type 0): the flat colours and thin lines of a
    chart compress as well that way as with the per-row filter choice of Pillow's encoder,
    which took more than half of the encoding time (the radar: 13 ms -> 6 ms, 129 kB ->
    109 kB).

    >>> import io, numpy as np
    >>> from PIL import Image
    >>> pixels = np.zeros((2, 3, 3), np.uint8); pixels[1, 2] = (255, 128, 0)
    >>> image = Image.open(io.BytesIO(png_bytes(pixels, 100)))
    >>> image.mode, image.size, image.getpixel((2, 1)), image.info["Creator"]
    ('RGB', (3, 2), (255, 128, 0), 'Career Workbook')
    """
    return _png_file(*_png_rows(pixels), dpi)


def _png_file(rows: Any, channels: int, dpi: float) -> bytes:
    """The PNG file of ``rows`` (:func:`_png_rows`), compressed without copying them."""
    height, stride = rows.shape
    width = (stride - 1) // channels
    ppm = int(dpi / 0.0254 + 0.5)  # pixels per metre, as Pillow writes them
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if channels == 3 else 6, 0, 0, 0)
    return b"".join([
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", header),
        _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)),
        _chunk(b"tEXt", b"Creator\0" + CREATOR.encode("latin-1")),
        _chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESS_LEVEL)),
        _chunk(b"IEND", b""),
    ])


@contextlib.contextmanager
def agg_canvas(fig: Figure) -> Iterator[Figure]:
    """Give ``fig`` an Agg canvas for the duration of a block (its own canvas is put back).

    The layout pass and the PNG draw then share one renderer, and with it matplotlib's
    cache of text sizes (kept per renderer): every label is measured once instead of once
    for the layout and again for the drawing, and each font is looked up once
    (:class:`~career_workbook.charts._canvas.ChartCanvas`). The pixels are the same.

    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> before = fig.canvas
    >>> with agg_canvas(fig):
    ...     type(fig.canvas).__name__
    'ChartCanvas'
    >>> fig.canvas is before
    True
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from career_workbook.charts._canvas import ChartCanvas

    old = fig.canvas
    if isinstance(old, FigureCanvasAgg):
        yield fig
        return
    ChartCanvas(fig)  # attaches itself to the figure
    try:
        yield fig
    finally:
        fig.set_canvas(old)


def figure_png(fig: Figure, dpi: float = 100) -> bytes:
    """The figure as PNG bytes (for an ``ipywidgets.Image`` or a data URI): laid out once
    and drawn once, with one renderer (:func:`agg_canvas`)."""
    with agg_canvas(fig), frozen_layout(fig, dpi):
        return figure_bytes(fig, "png", dpi=dpi)


def save_figure(
    fig: Figure,
    folder: str | os.PathLike[str],
    name: str,
    formats: Sequence[str] = ("png", "svg", "pdf"),
    dpi: float = 200,
) -> list[Path]:
    """Write ``fig`` to ``folder/<slug of name>.<format>`` for each format, atomically.

    Each file is written to a temporary file in ``folder`` and renamed into place
    (:func:`career_workbook.store.atomic_write_bytes`), so a reader never sees half a file.
    The folder is created when missing. ``name`` is turned into a safe slug
    (:func:`slugify`): ``"../../evil"`` becomes ``evil`` inside ``folder``.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Examples
    --------
    >>> import tempfile
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1))
    >>> paths = save_figure(fig, tempfile.mkdtemp(), "My chart", formats=("png", "svg"))
    >>> [p.name for p in paths]
    ['my-chart.png', 'my-chart.svg']
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for file_name, data in figure_files(fig, name, formats, dpi).items():
        atomic_write_bytes(target / file_name, data)
        paths.append(target / file_name)
    return paths


def figure_files(
    fig: Figure, name: str, formats: Sequence[str] = ("png", "svg", "pdf"), dpi: float = 200,
) -> dict[str, bytes]:
    """The files :func:`save_figure` writes, ``<slug of name>.<format>: bytes``, for a
    caller that writes them with others, as one set
    (:func:`career_workbook.store.write_outputs`).

    >>> from matplotlib.figure import Figure
    >>> sorted(figure_files(Figure(figsize=(2, 1)), "My chart", formats=("svg", "png")))
    ['my-chart.png', 'my-chart.svg']
    """
    formats = check_formats(formats)
    stem = slugify(name)
    with frozen_layout(fig, dpi if "png" in formats else None):
        return {f"{stem}.{fmt}": figure_bytes(fig, fmt, dpi=dpi) for fmt in formats}
