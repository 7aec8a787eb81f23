"""Review packs: everything a coach hands over for one client, built all-or-nothing.

``build_pack("workbooks/alex.yaml", "out")`` writes::

    out/alex/
        review.pdf        cover, one A4 page per chart with something to show, "Still to
                          come" (the charts with nothing yet, each with what to do),
                          goals + SMART scores, next actions
        review.html       the same sections in one static, script-free file
        charts/<slug>.png (and charts/<slug>.svg when asked), every chart, the ones with
                          nothing to show yet too (their placeholder says what to do)
        .fingerprint      what the pack was made from (see :mod:`.fingerprint`), then
                          the files it wrote, one ``<size> <path>`` line each

``formats`` chooses among ``pdf``, ``html``, ``png`` and ``svg`` (default all but SVG). A
pack whose fingerprint has not changed and whose files are all there, at their sizes, is
kept as it is (``force=True`` rebuilds it).

The pack is built in a temporary folder next to it (``out/.tmp-alex-<random>``) and moved
into place only when complete; a previous pack is replaced in one step, and a failure or
Ctrl-C leaves neither a half-written pack nor the temporary folder. A build holds a lock
file beside its folder while it runs, so the next pack removes whatever a build that was
killed left (:func:`remove_leftovers`), and never what a running one is writing.

Only the pack's own files are replaced: anything else in ``out/alex/`` (a coach's notes) is
hard-linked (or copied) into the new pack before the swap, so it stays; the previous
pack's files the new one does not write (formats not asked for this time) are gone, and
:class:`PackUpdate` lists them. An error writing the pack is an
:class:`~career_workbook.store.OutputError` naming the folder. Each chart is laid out once
and drawn once per format written: the PNG (also embedded in the HTML), the SVG when
asked, the vector PDF page.

A pack holds only its own client's data: it is made from that one workbook file.
"""

from __future__ import annotations

import contextlib
import errno
import io
import multiprocessing
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from career_workbook.export.files import (
    figure_bytes,
    frozen_layout,
    quiet_glyph_warnings,
)
from career_workbook.export.fingerprint import FINGERPRINT_FILE, pack_fingerprint, static_digest
from career_workbook.export.pdf_replay import recording
from career_workbook.store import STALE_SECONDS
from career_workbook.workspace import output_clashes
from career_workbook.workspace import output_name as pack_name  # (the export's name)

__all__ = ["DEFAULT_FORMATS", "PACK_DPI", "PACK_FORMATS", "PackReport", "PackUpdate", "build_pack",
           "build_packs", "check_pack_formats", "clear_not_updated", "mark_not_updated",
           "pack_is_current", "pack_name", "removed_note", "remove_leftovers", "render_pack",
           "update_pack", "write_pack", "pack_modules"]

PACK_FORMATS = ("pdf", "html", "png", "svg")
"""What a pack can hold: the review PDF, the review HTML page, PNG and SVG chart files."""
DEFAULT_FORMATS = ("pdf", "html", "png")

PACK_DPI = 150
"""Resolution of the pack's PNG charts (8 in wide figures: 1200 px)."""


Progress = Callable[[int, int, Path], None]


class PackUpdate(NamedTuple):
    """What :func:`update_pack` did to one pack folder."""

    folder: Path
    built: bool
    """False: the pack in place was current and was kept as it was."""
    removed: tuple[str, ...] = ()
    """Files of the previous pack the new one does not have (relative paths)."""


def _as_date(today: Any) -> date:
    from career_workbook.figures import _as_date as as_date

    return date.today() if today is None else as_date(today)


_LEFTOVER = re.compile(r"^\.(tmp|old)-(.+)-([0-9a-f]{8})$")
"""A build's temporary folder, ``.tmp-<name>-<random>``, or the previous pack it moved
aside while swapping, ``.old-<name>-<random>``."""


def _lock_of(folder: Path) -> Path:
    """The lock file a build holds while it runs (:func:`~career_workbook.store.owning`),
    for its temporary folder and for the previous pack it moves aside.

    >>> _lock_of(Path("out/.old-alex-1a2b3c4d")).name
    '.tmp-alex-1a2b3c4d.lock'
    """
    return folder.with_name(".tmp-" + folder.name[len(".tmp-"):] + ".lock")


def remove_leftovers(out_dir: str | os.PathLike[str], name: str | None = None) -> None:
    """Tidy what builds that are no longer running left in ``out_dir`` (for the pack
    ``name``, or for every pack): their temporary folders, and a previous pack moved
    aside (``.old-<name>-*``), which is put back first when no pack stands in its place.

    A build holds an OS lock on ``.tmp-<name>-<random>.lock`` while it runs, so what a
    running build (in this process, another, or another command) is writing is never
    touched; the lock goes with the process, so whatever a build that was killed left is
    removed by the next pack. A folder with no lock file (an earlier version made it) is
    removed once older than :data:`STALE_SECONDS`.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> (out / ".tmp-alex-1a2b3c4d").mkdir(); _ = (out / ".tmp-alex-1a2b3c4d.lock").write_bytes(b"")
    >>> (out / ".tmp-sam-5e6f7a8b").mkdir()  # no lock file, and new: kept for now
    >>> remove_leftovers(out); sorted(p.name for p in out.iterdir())
    ['.tmp-sam-5e6f7a8b']
    """
    from career_workbook.store import abandoned

    out = Path(out_dir)
    try:
        names = os.listdir(out)
    except OSError:
        return
    found = [(match, out / entry) for entry in names
             if (match := _LEFTOVER.match(entry)) and name in (None, match.group(2))]

    def latest_old_first(item: tuple[re.Match[str], Path]) -> tuple[bool, float]:
        with contextlib.suppress(OSError):
            return item[0].group(1) != "old", -item[1].lstat().st_mtime
        return True, 0.0

    cutoff = time.time() - STALE_SECONDS
    for match, leftover in sorted(found, key=latest_old_first):
        with abandoned(_lock_of(leftover)) as free, contextlib.suppress(OSError):
            final = out / match.group(2)
            if free is False:
                continue  # a running build's
            if match.group(1) == "old" and not (final.exists() or final.is_symlink()):
                os.replace(leftover, final)
            elif free or leftover.lstat().st_mtime < cutoff:
                _remove(leftover)
    for entry in names:  # a lock file whose folder is gone (its build was killed in between)
        match = _LEFTOVER.match(entry.removesuffix(".lock"))
        if (entry.endswith(".lock") and match and match.group(1) == "tmp"
                and name in (None, match.group(2))
                and not any((out / f".{kind}-{entry[5:-5]}").exists() for kind in ("tmp", "old"))):
            with abandoned(out / entry):
                pass  # removed when no running build holds it


def _remove(path: Path) -> None:
    """Remove a folder with its contents, or a file or symlink (never what a link points to)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _swap_into_place(tmp: Path, final: Path) -> None:
    """Move the finished ``tmp`` folder to ``final``, replacing a previous pack (moved
    aside as ``.old-<name>-<tmp's random part>`` meanwhile: the build's lock covers it)."""
    old = None
    if final.exists() or final.is_symlink():
        old = final.with_name(f".old-{final.name}-{tmp.name.rpartition('-')[2]}")
        os.replace(final, old)
    try:
        os.replace(tmp, final)
    except BaseException:
        if old is not None:
            os.replace(old, final)
        raise
    if old is not None:  # a previous pack, or a file or symlink that stood in its place
        _remove(old)


def _build_folder(out: Path, name: str, stack: contextlib.ExitStack) -> Path:
    """A new empty folder ``out/.tmp-<name>-<random>``, this build's until ``stack``
    closes: its lock file (:func:`_lock_of`) is held till then (:func:`remove_leftovers`)."""
    from career_workbook.store import owning

    while True:
        folder = out / f".tmp-{name}-{secrets.token_hex(4)}"
        try:
            stack.enter_context(owning(_lock_of(folder)))
        except FileExistsError:  # pragma: no cover - 32 random bits
            continue
        folder.mkdir()
        return folder


def _write(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)


def check_pack_formats(formats: str | Sequence[str]) -> tuple[str, ...]:
    """What a pack holds, validated, in the fixed order of :data:`PACK_FORMATS`.

    >>> check_pack_formats("png, PDF,png"), check_pack_formats(["html"])
    (('pdf', 'png'), ('html',))
    >>> check_pack_formats("gif")
    Traceback (most recent call last):
    ...
    ValueError: formats = 'gif': choose from pdf, html, png, svg (e.g. pdf,html,png)
    """
    wanted = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = [str(f).strip().lower() for f in wanted if str(f).strip()]
    bad = [f for f in wanted if f not in PACK_FORMATS]
    if bad or not wanted:
        shown = ",".join(bad) if bad else ",".join(wanted)
        raise ValueError(f"formats = {shown!r}: choose from {', '.join(PACK_FORMATS)} "
                         "(e.g. pdf,html,png)")
    return tuple(f for f in PACK_FORMATS if f in wanted)


_RENDER_MODULES = (
    "career_workbook.analysis", "career_workbook.analysis.dates",
    "career_workbook.analysis.english", "career_workbook.analysis.feedback",
    "career_workbook.analysis.gated", "career_workbook.analysis.learning",
    "career_workbook.analysis.network", "career_workbook.analysis.next_actions",
    "career_workbook.analysis.opportunities", "career_workbook.analysis.period",
    "career_workbook.analysis.posting", "career_workbook.analysis.profile",
    "career_workbook.analysis.progress", "career_workbook.analysis.reputation",
    "career_workbook.analysis.scorecard", "career_workbook.analysis.skills",
    "career_workbook.analysis.smart", "career_workbook.analysis.smart_rewrites",
    "career_workbook.analysis.wellbeing", "career_workbook.catalog",
    "career_workbook.charts.goals", "career_workbook.charts.opportunities",
    "career_workbook.charts.personal", "career_workbook.charts.reputation",
    "career_workbook.charts.skills", "career_workbook.day_text",
    "career_workbook.export.content", "career_workbook.figures", "career_workbook.frames",
    "career_workbook.number_text")
"""The modules :func:`render_pack` imports in every format, beyond this module's own (the
charts' and the analysis' packages are lazy: each of their modules loads on first use)."""


def pack_modules(formats: Sequence[str] = DEFAULT_FORMATS) -> tuple[str, ...]:
    """The modules :func:`render_pack` needs to write ``formats``: this one and those it
    imports itself, on its first call (``career-workbook --help`` stays quick), for a batch
    that imports them once before its first client, in its process or in each worker
    (``parallel_map(..., frozen=...)``, :func:`~career_workbook.batch.freeze_imports`).
    ``tests/test_pack_modules.py`` renders the examples and checks the list is exact.

    >>> "career_workbook.export.pdf" in pack_modules(("html",))
    False
    """
    formats = check_pack_formats(formats)
    return ("career_workbook.export.pack", *_RENDER_MODULES,
            *(("career_workbook.export.pdf",) if "pdf" in formats else ()),
            *(("career_workbook.export.html",) if "html" in formats else ()),
            *(("career_workbook.htmltext",) if {"pdf", "html"} & set(formats) else ()),
            *(("matplotlib.backends.backend_svg",) if "svg" in formats else ()))


def render_pack(data: bytes, source: str, *, today: date,
                formats: Sequence[str] = DEFAULT_FORMATS, period: Any = None,
                catalog: Any = None) -> dict[str, bytes]:
    """The files of one pack, from the workbook file's bytes: ``{relative path: bytes}``.

    No file is read or written (``source`` only names the workbook in error messages), so
    this runs anywhere, e.g. on a Dask worker that cannot see the coach's disk. Each chart
    is laid out once and drawn once per format written: a PNG when the pack has ``png``
    (or ``html`` without ``svg``: the page embeds the PNG), an SVG for ``svg``, a vector
    A4 page for ``pdf``. ``period`` (a :class:`~career_workbook.analysis.period.Period`)
    limits the pack to a review period (see
    :func:`~career_workbook.analysis.period.limit_workbook`). ``catalog``: the catalog
    extension files (:func:`~career_workbook.catalog.catalog_files`, as a batch ships them;
    default: read them now).
    """
    from career_workbook import store
    from career_workbook.analysis.period import set_later_note
    from career_workbook.analysis.scorecard import scores_shared
    from career_workbook.catalog import load_catalog, resolve_role, shared_catalog
    from career_workbook.charts import CHARTS, placeholder_message
    from career_workbook.export.content import ChartEntry, pack_content
    from career_workbook.figures import (
        chart_alt,
        chart_caption,
        chart_title,
        frames_of,
        make_figures,
    )

    formats = check_pack_formats(formats)
    loaded = store.loads(store._decode(data, source), path=source)
    wb, today, label = _limit_to_period(loaded, today, period)
    left_out = set_later_note(loaded, today)  # the cover says what the review leaves out
    cat = load_catalog() if catalog is None else shared_catalog(catalog)
    role = resolve_role(wb, cat)
    draw_png = "png" in formats or ("html" in formats and "svg" not in formats)
    files: dict[str, bytes] = {}
    # each goal scored once for the scorecard chart, the goals page and the next actions
    with quiet_glyph_warnings(), scores_shared(), contextlib.ExitStack() as frozen:
        # the analysis frames, shared by the charts and the pages (each made once)
        frames = frames_of(wb, today=today, role=role, catalog=cat)
        figures = make_figures(wb, today=today, role=role, catalog=cat, frames=frames)
        entries = []
        drawn: dict[str, Any] = {}  # slug -> recording of its PNG drawing (for the PDF)
        for slug, fig in figures.items():
            # laid out once, at the PNG's dpi, kept for every format
            frozen.enter_context(frozen_layout(fig, PACK_DPI))
            svg = figure_bytes(fig, "svg") if "svg" in formats else b""
            png = b""
            # nothing to show yet: no page or image of its own, a line of "Still to come"
            # (its PNG/SVG files are still written: a pack holds a file for every chart)
            placeholder = placeholder_message(fig)
            if placeholder and "png" in formats:
                png = figure_bytes(fig, "png", dpi=PACK_DPI)
            elif draw_png and not placeholder:
                # drawn last: its recording is the figure as the PDF page shows it
                with recording(fig) if "pdf" in formats else contextlib.nullcontext() as rec:
                    png = figure_bytes(fig, "png", dpi=PACK_DPI)
                drawn[slug] = rec
            if "png" in formats:
                files[f"charts/{slug}.png"] = png
            if svg:
                files[f"charts/{slug}.svg"] = svg
            entries.append(ChartEntry(slug, CHARTS[slug].title, chart_title(fig, slug), png,
                                      svg=svg, caption=chart_caption(fig, slug),
                                      alt=chart_alt(fig, slug), placeholder=placeholder))
        content = pack_content(wb, today=today, role=role, charts=entries, period=label,
                               left_out=left_out, catalog=cat,
                               progress=frames.goal_progress)
        if "pdf" in formats:
            files["review.pdf"] = _pdf_bytes(content, figures, drawn)
    if "html" in formats:
        from career_workbook.export.html import render_html

        files["review.html"] = render_html(content).encode("utf-8", "replace")
    return files


def _limit_to_period(wb: Any, today: date, period: Any) -> tuple[Any, date, str]:
    """``wb`` limited to ``period``, seen as of its last day when that is before ``today``,
    as a review of that day counts it (a goal set after it is not counted, with or without
    a period: :func:`~career_workbook.analysis.period.review_as_of`); that day; the
    period's label."""
    from career_workbook.analysis.period import limit_workbook, review_as_of

    if period is None or period.is_open:
        return review_as_of(wb, today), today, ""
    if period.until is not None and period.until < today:
        today = period.until
    elif period.until is None or period.until > today:  # (limit_workbook: up to until)
        wb = review_as_of(wb, today)
    return limit_workbook(wb, period), today, period.label


def _pdf_bytes(content: Any, figures: dict[str, Any],
               drawn: dict[str, Any] | None = None) -> bytes:
    """The review PDF, one page a section of :func:`~.content.sections`; a chart page is
    replayed from the recording of its PNG drawing (``drawn``) when there is one that can
    be, else drawn by matplotlib."""
    from career_workbook.export.pdf import (
        achievements_page,
        actions_page,
        add_chart_page,
        add_page,
        comments_page,
        cover_page,
        goals_page,
        to_come_page,
        write_pdf,
    )

    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        add_page(pdf, cover_page(content))
        for page, entry in enumerate(content.shown, start=2):
            add_chart_page(pdf, figures[entry.slug], heading=f"{page} · {entry.title}",
                           content=content, page=page,
                           drawn=(drawn or {}).get(entry.slug))
        if content.to_come:
            add_page(pdf, to_come_page(content))
        if content.achievements:
            add_page(pdf, achievements_page(content))
        if content.has_comments_section:
            add_page(pdf, comments_page(content))
        add_page(pdf, goals_page(content))
        add_page(pdf, actions_page(content))
    return buf.getvalue()


def _fingerprint_text(fingerprint: str, files: dict[str, bytes]) -> bytes:
    r"""The ``.fingerprint`` file: the fingerprint, then ``<size> <path>`` per file written.

    >>> _fingerprint_text("ab12", {"review.pdf": b"12345", "charts/a.png": b""})
    b'ab12\n5 review.pdf\n0 charts/a.png\n'
    """
    lines = [fingerprint, *(f"{len(data)} {rel}" for rel, data in files.items())]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _read_fingerprint(folder: Path) -> tuple[str, dict[str, int] | None]:
    """The fingerprint of the pack in ``folder`` and its files' sizes by path (None: a
    pack from before packs listed their files, or no pack); ``''`` when there is none."""
    try:
        lines = (folder / FINGERPRINT_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return "", None
    files: dict[str, int] = {}
    for line in lines[1:]:
        size, _, rel = line.partition(" ")
        if size.isdigit() and rel:
            files[rel] = int(size)
    return (lines[0].strip() if lines else ""), (files or None)


def _has_file(path: Path, size: int) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == size


def pack_is_current(folder: Path, fingerprint: str) -> bool:
    """True when ``folder`` is a finished pack built with ``fingerprint`` and every file it
    wrote is still there with its size (a deleted or cut ``review.pdf`` is rebuilt)."""
    found, files = _read_fingerprint(folder)
    return (bool(found) and found == fingerprint and files is not None
            and all(_has_file(folder / rel, size) for rel, size in files.items()))


def _pack_files(folder: Path) -> set[str]:
    """The files of the pack in ``folder`` (relative paths): those its ``.fingerprint``
    lists, else (an older pack) every name a pack may write."""
    _, files = _read_fingerprint(folder)
    if files is None:
        from career_workbook.charts import CHARTS

        files = dict.fromkeys(["review.pdf", "review.html",
                               *(f"charts/{slug}.{kind}" for slug in CHARTS
                                 for kind in ("png", "svg"))], 0)
    return {FINGERPRINT_FILE, *files}


def _keep_others(old: Path, new: Path, written: Iterable[str]) -> tuple[str, ...]:
    """Put into the new pack ``new`` every file of the folder ``old`` that is not the old
    pack's (a coach's notes, their folders), hard-linked (copied where a link cannot be
    made): the files themselves stay where they are until ``new`` replaces ``old``.
    Returns the old pack's files that ``new`` does not have."""
    if old.is_symlink() or not old.is_dir():
        return ()
    ours, written = _pack_files(old), set(written)

    def keep(folder: Path, rel: str) -> None:
        with os.scandir(folder) as scan:
            entries = list(scan)
        if not entries and rel:  # an empty folder of the coach's
            (new / rel).mkdir(parents=True, exist_ok=True)
        for entry in entries:
            path = rel + entry.name
            if path in ours:
                continue
            if entry.is_dir(follow_symlinks=False):
                keep(Path(entry.path), path + "/")
                continue
            target = new / path
            if path in written or target.exists() or target.is_symlink():
                raise FileExistsError(errno.EEXIST, f"{path} is not from a pack, and the pack "
                                      "writes that name; move or rename it, then pack again")
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(entry.path, target, follow_symlinks=False)
            except OSError:  # no hard links on this disk: a copy (the original stays)
                shutil.copy2(entry.path, target, follow_symlinks=False)

    keep(old, "")
    return tuple(sorted(rel for rel in ours - written - {FINGERPRINT_FILE}
                        if (old / rel).is_file()))


_KINDS = {"pdf": "review.pdf", "html": "review.html", "png": "the PNG charts",
          "svg": "the SVG charts"}


def removed_note(removed: Sequence[Sequence[str]], formats: Sequence[str]) -> str:
    """One line on the previous packs' files that are gone because their format was not
    asked for this time (``removed``: each pack's :attr:`PackUpdate.removed`); '' if none.

    >>> removed_note([("review.pdf", "review.html")], ("svg",))
    'Removed review.pdf and review.html from the last pack: not asked for (--formats svg)'
    >>> removed_note([("charts/a.png", "charts/b.png"), ("charts/a.png",), ()], ("pdf",))
    'Removed the PNG charts from the last packs of 2 clients: not asked for (--formats pdf)'
    """
    from career_workbook.wording import listing, plural

    kinds = [{Path(rel).suffix.lstrip(".") for rel in files} & (set(_KINDS) - set(formats))
             for files in removed]
    gone = [_KINDS[kind] for kind in PACK_FORMATS if any(kind in k for k in kinds)]
    if not gone:
        return ""
    clients = sum(map(bool, kinds))
    where = "the last pack" if clients == 1 else f"the last packs of {plural(clients, 'client')}"
    return (f"Removed {listing(gone)} from {where}: not asked for "
            f"(--formats {','.join(formats)})")


def write_pack(files: dict[str, bytes], out_dir: str | os.PathLike[str], name: str,
               fingerprint: str | None = None) -> PackUpdate:
    """Write a pack's ``files`` as ``out_dir/<name>/``, all-or-nothing (see the module)."""
    return _build_into(Path(out_dir), name, lambda: files, fingerprint)


def _build_into(out: Path, name: str, make_files: Callable[[], dict[str, bytes]],
                fingerprint: str | None) -> PackUpdate:
    """Make the temporary folder, fill it with ``make_files()`` and the files in ``out/name``
    that are not the pack's, move it into place. ``make_files()`` may raise anything; a
    failure to write is an :class:`~career_workbook.store.OutputError` naming the folder."""
    from career_workbook.store import ctrl_c_deferred, writing_to

    final = out / name
    tmp: Path | None = None
    with contextlib.ExitStack() as owned:
        try:
            with writing_to(final):
                out.mkdir(parents=True, exist_ok=True)
                remove_leftovers(out, name)
                with ctrl_c_deferred():  # a Ctrl-C comes once the clean-up below knows it
                    tmp = _build_folder(out, name, owned)
            files = make_files()
            with writing_to(final):
                for rel, data in files.items():
                    target = tmp / rel
                    if target.parent != tmp:
                        target.parent.mkdir(parents=True, exist_ok=True)
                    _write(target, data)
                _write(tmp / FINGERPRINT_FILE, _fingerprint_text(fingerprint or "", files))
                removed = _keep_others(final, tmp, files)
                _swap_into_place(tmp, final)
        except BaseException:
            if tmp is not None:
                with ctrl_c_deferred():
                    shutil.rmtree(tmp, ignore_errors=True)
            raise
    return PackUpdate(final, True, removed)


def build_pack(
    workbook_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    today: date | str | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    force: bool = False,
    static: str | None = None,
    period: Any = None,
    catalog: Any = None,
) -> Path:
    """Build the review pack of one workbook in ``out_dir/<workbook file stem>/``.

    Parameters
    ----------
    workbook_path : path-like
        The client's workbook file.
    out_dir : path-like
        Folder for the packs (created when missing).
    today : date or ISO date string, optional
        The review date (default: today). Charts and numbers are "as of" this day.
    formats : sequence of {'pdf', 'html', 'png', 'svg'}
        What the pack holds: ``review.pdf``, ``review.html``, ``charts/<slug>.png``,
        ``charts/<slug>.svg`` (default: all but SVG).
    force : bool
        Rebuild even when the pack in place has the same fingerprint (by default an
        unchanged pack is kept as it is: see :mod:`.fingerprint`).
    static : str, optional
        :func:`~career_workbook.export.fingerprint.static_digest` (computed when missing;
        a batch computes it once).
    period : Period, optional
        Limit the pack to a review period
        (:func:`career_workbook.analysis.period.check_period`); part of the fingerprint.
    catalog : CatalogFiles, optional
        The catalog extension files (:func:`career_workbook.catalog.catalog_files`; read
        now when missing); part of the fingerprint (``static`` must be made with them).

    Returns
    -------
    Path
        The pack folder.

    Raises
    ------
    WorkbookError
        The workbook cannot be read (the message names the file, field and value).
    ValueError
        A bad ``formats`` or ``today``.
    """
    return update_pack(workbook_path, out_dir, today=today, formats=formats, force=force,
                       static=static, period=period, catalog=catalog)[0]


def update_pack(workbook_path: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
                today: date | str | None = None, formats: Sequence[str] = DEFAULT_FORMATS,
                force: bool = False, static: str | None = None,
                period: Any = None, catalog: Any = None) -> PackUpdate:
    """:func:`build_pack`, also saying whether it was built (False: the pack in place was
    current and was kept) and which files of the previous pack are gone (formats not asked
    for this time); ``period`` as in :func:`render_pack`."""
    from career_workbook import store
    from career_workbook.catalog import catalog_files

    formats = check_pack_formats(formats)
    catalog = catalog_files() if catalog is None else catalog  # the one the pack is made of
    static = static or static_digest(catalog=catalog)
    day = _as_date(today)
    data = store._read_bytes(Path(workbook_path))
    name = pack_name(workbook_path)
    final = Path(out_dir) / name
    fingerprint = pack_fingerprint(data, formats=formats, today=day.isoformat(), static=static,
                                   period=period.key if period is not None else "")
    if not force and pack_is_current(final, fingerprint):
        return PackUpdate(final, False)
    return _build_into(final.parent, name, lambda: render_pack(
        data, str(workbook_path), today=day, formats=formats, period=period, catalog=catalog),
        fingerprint)


NOT_UPDATED = "NOT UPDATED.txt"
"""The note left in a client's pack folder when its workbook could not be packed: the
files beside it are from the last pack that worked (:func:`mark_not_updated`)."""


def not_updated_text(workbook: str, problem: str, failed_at: datetime,
                     review_day: date | None = None) -> str:
    """What :data:`NOT_UPDATED` says: when the pack failed (``failed_at``, the machine's
    clock), and the review day it was for (``--today``) when that is another day.

    >>> print(not_updated_text("ana.yaml", "goals[0].text: must not be blank (line 4)",
    ...                        datetime(2026, 12, 7, 9, 5), date(2026, 12, 6)))
    ... # doctest: +NORMALIZE_WHITESPACE
    This review pack is out of date: it was not updated on 7 Dec 2026 at 09:05 (a pack for
    the review of 6 Dec 2026), because ana.yaml could not be packed:
        goals[0].text: must not be blank (line 4)
    The other files here are from the last pack that worked. Fix the file (check it with
    `career-workbook validate ana.yaml`) and pack again: this note is removed then.
    """
    from career_workbook.wording import short_date

    when = f"{short_date(failed_at.date())} at {failed_at:%H:%M}"
    if review_day is not None and review_day != failed_at.date():
        when += f" (a pack for\nthe review of {short_date(review_day)})"
    return (f"This review pack is out of date: it was not updated on {when}, "
            f"because {workbook}\ncould not be packed:\n    {problem}\n"
            "The other files here are from the last pack that worked. Fix the file (check "
            f"it with\n`career-workbook validate {workbook}`) and pack again: this note is "
            "removed then.\n")


def mark_not_updated(folder: str | os.PathLike[str], workbook: str, problem: str,
                     review_day: date | None = None) -> bool:
    """Write :data:`NOT_UPDATED` into ``folder`` (a client's pack) when its workbook could
    not be packed and the folder holds an earlier pack, so it is never silently stale
    (:func:`clear_not_updated` removes it after the next good pack); it says when, by the
    machine's clock (``review_day``, the pack's ``--today``, can be any day). True when a
    note was written. Never raises: the report says the problem too.
    """
    from career_workbook.store import atomic_write_bytes

    if not (Path(folder) / FINGERPRINT_FILE).is_file():
        return False  # no earlier pack here: nothing stale to mark
    text = not_updated_text(workbook, problem, datetime.now(), review_day)
    try:
        atomic_write_bytes(Path(folder) / NOT_UPDATED, text.encode("utf-8"))
    except OSError:
        return False
    return True


def clear_not_updated(folder: str | os.PathLike[str]) -> None:
    """Remove the :data:`NOT_UPDATED` note of ``folder``: its pack is current again."""
    with contextlib.suppress(OSError):
        (Path(folder) / NOT_UPDATED).unlink(missing_ok=True)


# ----------------------------------------------------------------------------------------
# Many packs
# ----------------------------------------------------------------------------------------
@dataclass
class PackReport:
    """What :func:`build_packs` did: the packs built and the workbooks that failed.

    ``failed`` holds ``(workbook path, one-line message)`` pairs.
    """

    built: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every workbook got its pack."""
        return not self.failed

    def __str__(self) -> str:
        lines = [f"{len(self.built)} pack(s) built, {len(self.failed)} failed"]
        lines += [f"  {message}" for _, message in self.failed]
        return "\n".join(lines)


def failure_message(path: str | os.PathLike[str], err: BaseException) -> str:
    """One line: which file, what is wrong.

    >>> failure_message("a/alex.yaml", ValueError("bad\\nthing"))
    'a/alex.yaml: ValueError: bad thing'
    """
    from career_workbook.model import WorkbookError
    from career_workbook.store import OutputError, file_problem

    text = " ".join(str(err).split())
    where = str(path)
    if isinstance(err, OutputError):  # names the pack's folder, not the workbook
        message = text
    elif isinstance(err, WorkbookError):  # as `validate` words it, with the line
        return f"{where}: {file_problem(err, path)}"
    else:
        message = f"{where}: {type(err).__name__}: {text}" if text else (
            f"{where}: {type(err).__name__}")
    return message if len(message) <= 500 else message[:499] + "…"


def _pack_worker(path: str, out_dir: str, today: str, formats: tuple[str, ...],
                 force: bool = False, static: str | None = None) -> tuple[bool, str]:
    """Build one pack; never raises (runs in a worker process, so it is top level)."""
    try:
        return True, str(build_pack(path, out_dir, today=today, formats=formats, force=force,
                                    static=static))
    except Exception as err:  # noqa: BLE001 - every failure becomes a one-line report
        return False, failure_message(path, err)


def build_packs(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    today: date | str | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    jobs: int = 1,
    progress: Progress | None = None,
    force: bool = False,
) -> PackReport:
    """Build the review pack of every workbook; one failing workbook does not stop the rest.

    Parameters
    ----------
    paths : iterable of path-like
        Workbook files.
    out_dir, today, formats, force
        As in :func:`build_pack` (one ``today`` for every pack).
    jobs : int
        Worker processes; ``1`` builds in this process.
    progress : callable, optional
        Called as ``progress(done, total, path)`` after each workbook, built or not.

    Returns
    -------
    PackReport
        ``built`` in the order of ``paths``; ``failed`` with a one-line message each (for
        instance ``clients/sam.yaml: goals[2].deadline = '2027-13-01': ...``). Two
        workbooks with the same file name would share a pack folder: the second fails.
    """
    formats = check_pack_formats(formats)
    day = _as_date(today).isoformat()
    static = static_digest()
    paths = [Path(p) for p in paths]
    remove_leftovers(out_dir)
    report = PackReport()
    results: dict[int, tuple[bool, str]] = {}
    todo: list[int] = []
    clashes = output_clashes(paths)
    for i, path in enumerate(paths):
        if path in clashes:
            results[i] = (False, f"{path}: {clashes[path]}")
        else:
            todo.append(i)
    total, done = len(paths), len(results)

    def finished(i: int, result: tuple[bool, str]) -> None:
        nonlocal done
        results[i] = result
        done += 1
        if progress is not None:
            progress(done, total, paths[i])

    if jobs <= 1 or len(todo) <= 1:
        for i in todo:
            finished(i, _pack_worker(str(paths[i]), str(out_dir), day, formats, force, static))
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context) as pool:
            futures = {pool.submit(_pack_worker, str(paths[i]), str(out_dir), day, formats,
                                   force, static): i for i in todo}
            for future in as_completed(futures):
                i = futures[future]
                try:
                    result = future.result()
                except Exception as err:  # noqa: BLE001 - a crashed worker process
                    result = (False, failure_message(paths[i], err))
                finished(i, result)
    for i, path in enumerate(paths):
        ok, value = results[i]
        if ok:
            report.built.append(Path(value))
        else:
            report.failed.append((path, value))
    return report
