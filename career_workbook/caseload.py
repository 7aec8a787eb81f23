"""The cohort command: one summary row per client, a CSV and three caseload charts.

:func:`cohort` reads a whole workspace quickly: workbooks go to worker processes in
chunks (:func:`career_workbook.batch.parallel_map`), each is summarised without pandas
(:func:`~career_workbook.analysis.summary`) and the rows become one table
(:func:`cohort_frame`) only at the end. A file that cannot be read keeps its row, with
its one-line error in ``status``.

Examples
--------
>>> import tempfile, pathlib
>>> from datetime import date
>>> from career_workbook import store
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = store.new(folder / "sam.yaml", "Sam Lee", today=date(2026, 1, 5))
>>> _ = (folder / "odd.yaml").write_text("person: {name: Odd}\\nskills: 5\\n")
>>> rows = summarise_paths(sorted(folder.glob("*.yaml")), date(2026, 2, 1))
>>> [(row.client, row.error) for row in rows]
[('odd', 'skills = 5: Input should be a valid list (line 2)'), ('sam', None)]
>>> frame = cohort_frame(rows)
>>> frame["status"].tolist(), frame["readiness"].tolist()
(['skills = 5: Input should be a valid list (line 2)', 'ok'], [<NA>, <NA>])
"""

from __future__ import annotations

import dataclasses
import functools
import math
import shlex
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from career_workbook.batch import (
    SUMMARY_PRELOAD,
    batch_catalog,
    chunked,
    client_message,
    parallel_map,
    worker_pool,
)
from career_workbook.wording import client_labels
from career_workbook.workspace import (
    client_ids,
    list_workbooks,
    output_clashes,
    output_name,
    sync_copies,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from career_workbook.analysis import WorkbookSummary
    from career_workbook.analysis.coach_week import ClientWeek
    from career_workbook.model import Workbook

__all__ = [
    "CHUNK_MAX",
    "CHUNK_MIN",
    "COHORT_CHARTS",
    "cohort_chart_name",
    "ClientRow",
    "CohortReport",
    "cohort",
    "cohort_frame",
    "summarise_paths",
    "summarise_shipped",
    "summarise_workbook",
]

CHUNK_MIN, CHUNK_MAX = 50, 250
"""Workbooks per task for ``cohort``: enough to make a task worth sending to a worker."""

COHORT_CHARTS = ("cohort_readiness", "cohort_gaps", "cohort_recency")
"""The charts written beside the cohort CSV (same names as the coach overview's export)."""


@dataclass(frozen=True)
class ClientRow:
    """One client of a cohort: the summary, or why the file could not be used.

    ``client`` is the file's id (:func:`~career_workbook.workspace.client_ids`, set by
    :func:`cohort` for the whole folder: ``kim.yaml`` and ``kim.yml`` keep their ending);
    ``pack_folder`` is the folder ``pack`` and ``run`` write this client to
    (:func:`~career_workbook.workspace.output_name`), ``''`` for a file they leave out
    because another one takes that folder; ``warnings`` are one line each about what will
    not work as the file asks (a role profile the catalog does not have, a pack folder
    another file takes)."""

    client: str
    summary: WorkbookSummary | None
    target_role: str | None = None
    gap_skills: tuple[str, ...] = ()
    error: str | None = None
    week: ClientWeek | None = None
    pack_folder: str = ""
    warnings: tuple[str, ...] = ()


_ROLES: dict[tuple[Any, str | None, str], tuple[Any, str | None]] = {}


def _role(wb: Workbook, catalog: Any = None) -> tuple[Any, str | None]:
    """The role profile ``wb`` aims at, and the note when the profile it asks for is not in
    the catalog (:func:`~career_workbook.catalog.missing_role_note`), worked out once per
    distinct role and catalog (``catalog``: the extension files shipped by :func:`cohort`;
    None: read now)."""
    from career_workbook.catalog import (
        catalog_files,
        missing_role,
        missing_role_note,
        resolve_role,
        shared_catalog,
    )

    files = catalog_files() if catalog is None else catalog
    key = (files, wb.role_profile, wb.person.target_role)
    if key not in _ROLES:  # (not figures.resolve_role: no chart stack)
        cat = shared_catalog(files)
        missing = missing_role(wb, cat)
        _ROLES[key] = (resolve_role(wb, cat),
                       None if missing is None else missing_role_note(missing, cat))
    return _ROLES[key]


def summarise_workbook(wb: Workbook, client: str, today: date,
                       catalog: Any = None) -> ClientRow:
    """The :class:`ClientRow` of one valid workbook: the one place a client's row is made;
    ``catalog``: the catalog extension files (see :func:`_role`). The row counts ``wb`` as a
    review of ``today`` sees it (:func:`~career_workbook.analysis.review_as_of`: a goal set
    after ``today`` is not counted yet), and its ``warnings`` say so.

    >>> from career_workbook.model import new_workbook
    >>> row = summarise_workbook(new_workbook("Sam Lee", today=date(2026, 1, 5)), "sam",
    ...                          date(2026, 2, 1))
    >>> row.client, row.summary.name, row.gap_skills, row.error
    ('sam', 'Sam Lee', (), None)
    """
    from career_workbook.analysis import review_as_of, set_later_note, skill_gaps, summary
    from career_workbook.analysis.coach_week import client_week

    role, note = _role(wb, catalog)
    notes = tuple(n for n in (note, set_later_note(wb, today)) if n)
    wb = review_as_of(wb, today)
    gaps = tuple(g.skill for g in skill_gaps(wb, role) if g.gap > 0)
    return ClientRow(client, summary(wb, today, role), wb.person.target_role, gaps,
                     week=client_week(wb, today, client), warnings=notes)


def _summarise_one(path: Path, today: date, read: Callable[[], Workbook],
                   catalog: Any = None, data: bytes | None = None) -> ClientRow:
    """``read()`` -> ``path``'s Workbook, summarised; a broken file gives its error (where
    in the file from its bytes ``data``, when given: a cluster's worker opens no file)."""
    from career_workbook.model import WorkbookError

    try:
        row = summarise_workbook(read(), path.stem, today, catalog)
        return dataclasses.replace(row, pack_folder=output_name(path))
    except (WorkbookError, OSError) as err:
        return ClientRow(path.stem, None, error=client_message(err, path, data=data),
                         pack_folder=output_name(path))
    except Exception as err:  # noqa: BLE001 - one odd client never hides the others
        return ClientRow(path.stem, None, pack_folder=output_name(path),
                         error=f"could not be summarised ({client_message(err)})")


def summarise_paths(paths: Sequence[str | Path], today: date,
                    catalog: Any = None) -> list[ClientRow]:
    """A :class:`ClientRow` per workbook file, in order; a broken file gives its error.

    Runs in a worker: the catalog (the shipped one and the extension files ``catalog``,
    :func:`~career_workbook.catalog.catalog_files`) is loaded once per process and each
    distinct target role is matched once. Each file is read once, by the store's fast
    reader.
    """
    from career_workbook import store

    return [_summarise_one(path, today, functools.partial(store.load, path, clean=False),
                           catalog)
            for path in map(Path, paths)]  # read-only: no folder listing per file


def summarise_shipped(items: Sequence[tuple[str, bytes]], today: date,
                      catalog: Any = None) -> list[ClientRow]:
    """Like :func:`summarise_paths`, from ``(path, the file's bytes)`` pairs: opens no file.

    Runs on a Dask worker that shares no disk with the coach (``cohort --scheduler``); the
    path only names the client and the file in messages, which are the same as for
    :func:`summarise_paths`.

    >>> rows = summarise_shipped([("a/odd.yaml", b"person: {name: Odd}\\nskills: 5\\n")],
    ...                          date(2026, 2, 1))
    >>> [(row.client, row.error) for row in rows]
    [('odd', 'skills = 5: Input should be a valid list (line 2)')]
    """
    from career_workbook import store

    return [_summarise_one(Path(raw), today, functools.partial(store.load_bytes, data, raw),
                           catalog, data)
            for raw, data in items]




def _csv_text(value: Any) -> Any:
    r"""Text a spreadsheet will not run as a formula, prefixed with ``'`` when it might.

    A formula starts with ``=``, ``+``, ``-`` or ``@``, also after spaces, tabs or line
    breaks, and in the full-width or small forms (``＝`` ``＋`` ``－`` ``＠``) that some
    spreadsheets read as the plain ones; text starting with a tab or a line break is
    prefixed too.

    >>> _csv_text("=HYPERLINK(1)"), _csv_text("Ana"), _csv_text(3)
    ("'=HYPERLINK(1)", 'Ana', 3)
    >>> [_csv_text(t) for t in (" =1", "＝1", "\n@SUM(1)", "\t+1", "\u3000-1", "a=1")]
    ["' =1", "'＝1", "'\n@SUM(1)", "'\t+1", "'\u3000-1", 'a=1']
    """
    if not isinstance(value, str) or not value:
        return value
    first = value.lstrip()[:1]
    if value[0] in "\t\r\n" or unicodedata.normalize("NFKC", first) in _FORMULA_START:
        return "'" + value
    return value


_FORMULA_START = ("=", "+", "-", "@")


def cohort_frame(rows: Sequence[ClientRow]) -> pd.DataFrame:
    """The cohort table: :func:`~career_workbook.analysis.cohort.caseload_frame`, then
    ``status``, ``pack_folder`` and ``warnings`` (:data:`COHORT_EXTRA_COLUMNS`).

    One row per client in the order given; a broken file keeps its ``client`` and gets
    its one-line error in ``status`` (``'ok'`` otherwise) and empty numbers.
    ``pack_folder`` is the folder of the client's pack, empty for a file ``pack`` leaves
    out (``client`` is the workbook file's name without its ending, which a folder name
    cannot always keep, or with it where two files differ only there); ``warnings`` the
    row's warnings joined by ``'; '`` (``''`` when none). Whole-number columns use pandas'
    nullable ``Int64``.
    """
    import pandas as pd

    from career_workbook.analysis.cohort import CASELOAD_COLUMNS, WEEK_COLUMNS, caseload_frame

    good = [r for r in rows if r.summary is not None]
    frame = caseload_frame([r.summary for r in good], clients=[r.client for r in good],
                           target_roles=[r.target_role or "" for r in good],
                           weeks=[r.week for r in good] if all(r.week for r in good) else None)
    frame["status"] = "ok"
    broken = pd.DataFrame({"client": [r.client for r in rows if r.summary is None],
                           "status": [r.error for r in rows if r.summary is None]})
    if len(broken):
        frame = pd.concat([frame, broken], ignore_index=True) if len(frame) else broken
    # the columns a spreadsheet already reads stay where they were: new ones after status
    order = list(CASELOAD_COLUMNS)
    order.insert(order.index("nudge") + 1, "status")
    frame = frame.reindex(columns=order)
    order = {r.client: i for i, r in enumerate(rows)}
    frame = frame.sort_values("client", key=lambda s: s.map(order), kind="stable")
    # by index, which still counts the good rows first, then the broken ones
    ordered = [r for r in rows if r.summary is not None] + [r for r in rows if r.summary is None]
    extra = pd.DataFrame({"pack_folder": [r.pack_folder for r in ordered],
                          "warnings": ["; ".join(r.warnings) for r in ordered]},
                         index=range(len(ordered)))
    frame = frame.join(extra)
    for name, kind in CASELOAD_COLUMNS.items():
        if kind == "int" or name in ("days_since_check_in", "readiness") or (
                name in WEEK_COLUMNS and kind == "float"):
            frame[name] = frame[name].astype("Int64")
        elif kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        elif kind == "bool":
            frame[name] = frame[name].astype("boolean")
    return frame.reset_index(drop=True)


@dataclass
class CohortReport:
    """What ``cohort`` wrote: the CSV, the chart files, and the files it could not read."""

    csv: Path
    clients: int
    charts: list[Path] = field(default_factory=list)
    broken: list[tuple[str, str]] = field(default_factory=list)
    nudges: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """Clients who need a nudge: (label, reasons) from ``analysis.coach_week``."""
    workspace: Path | None = None
    """The folder read (named in the hint for the caseload calendar)."""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(workbook file name, one line) for what will not work as a file asks: a role
    profile the catalog does not have, a pack folder another file takes."""

    def print_summary(self, stream: Any = None, *, verbose: bool = False) -> int:
        """Print what was written; return 1 when some workbook could not be read."""
        stream = stream or sys.stdout
        ok = self.clients - len(self.broken)
        print(f"Wrote {self.csv}: {self.clients} client(s), {ok} summarised", file=stream)
        if self.charts:
            names = sorted({p.stem for p in self.charts})
            print(f"Charts in {self.charts[0].parent}: {', '.join(names)}", file=stream)
        if ok:  # of files none could read, nothing is known about nudges
            _print_nudges(self.nudges, self.csv, self.workspace, stream)
        for name, message in self.warnings[:20]:
            print(f"WARNING {name}: {message}", file=stream)
        if len(self.warnings) > 20:
            print(f"... and {len(self.warnings) - 20} more warnings (see the warnings column)",
                  file=stream)
        for name, message in self.broken[:20]:
            print(f"FAILED {name}: {message}", file=stream)
        if len(self.broken) > 20:
            print(f"... and {len(self.broken) - 20} more (see the status column)", file=stream)
        if self.broken:
            print("Fix the file(s) above (check them with `career-workbook validate FILE`); "
                  "their rows say why in the status column.", file=stream)
        return 1 if self.broken else 0


def _print_nudges(nudges: Sequence[tuple[str, tuple[str, ...]]], csv: Path,
                  workspace: Path | None, stream: Any) -> None:
    """The needs-a-nudge list (at most 20 clients) and where the caseload calendar comes from."""
    if nudges:
        print(f"Needs a nudge ({len(nudges)}):", file=stream)
        for label, reasons in nudges[:20]:
            print(f"  {label}: {'; '.join(reasons)}", file=stream)
        if len(nudges) > 20:
            print(f"  ... and {len(nudges) - 20} more (see the nudge column of {csv.name})",
                  file=stream)
    else:
        print("Nobody needs a nudge this week.", file=stream)
    folder = shlex.quote(str(workspace)) if workspace is not None else "FOLDER"
    print(f"Everyone's deadlines in your calendar: career-workbook calendar --all {folder}",
          file=stream)


def _nudge_label(row: ClientRow) -> str:
    """The client's name as the CSV has it, on one line (:func:`~career_workbook.wording.
    one_line`: only control characters made safe), with the file's id when it differs."""
    from career_workbook.wording import one_line

    name = row.summary.name if row.summary is not None else row.client
    one = one_line(name, 60)
    return one if one == row.client else f"{one} ({row.client})"


def cohort_chart_name(csv: str | Path, slug: str) -> str:
    """The file name (no suffix) of cohort chart ``slug`` written beside ``csv``: named
    after the CSV, so a second run into the same folder (``--out out/h2.csv``) never
    overwrites the charts of the first.

    >>> cohort_chart_name("out/cohort.csv", "cohort_recency")
    'cohort_recency'
    >>> cohort_chart_name("out/h2 2026.csv", "cohort_gaps")
    'h2 2026_gaps'
    """
    return f"{Path(csv).stem}_{slug.removeprefix('cohort_')}"


def _render_chart(slug: str, data: dict[str, Any], today: date,
                  name: str | None = None) -> dict[str, bytes]:
    """Draw one cohort chart (``data``: its arguments) as PNG and SVG files named ``name``
    (default: ``slug``): ``file name: bytes``."""
    from career_workbook import charts, export

    fig = getattr(charts, f"plot_{slug}")(**data, today=today)
    return export.figure_files(fig, name or slug, formats=("png", "svg"))


def _import_chart_stack() -> None:
    """Import what the cohort charts are drawn with (matplotlib, the charts, the export).

    Called once the workers are reading the workbooks: this process would otherwise wait
    for them doing nothing, then pay for the import after the last row.
    """
    from career_workbook import charts, export  # noqa: F401

    charts.plot_cohort_gaps  # noqa: B018 - the package loads its modules on first use
    export.figure_files  # noqa: B018


def _chart_data(frame: pd.DataFrame, gap_counts: Counter,
                unread: int = 0) -> dict[str, dict[str, Any]]:
    """Each cohort chart's arguments (``unread``: the files that could not be read, which
    each chart says it left out)."""
    import pandas as pd

    ok = frame[frame["status"] == "ok"]
    labels = client_labels(ok["name"], ok["client"])
    ordered = sorted(gap_counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    data: dict[str, dict[str, Any]] = {
        "cohort_readiness": {"values": ok["readiness"].astype(float).set_axis(labels)},
        "cohort_gaps": {"counts": pd.Series(dict(ordered), dtype="int64", name="clients")},
        "cohort_recency": {
            "days": ok["days_since_check_in"].astype(float).set_axis(labels),
            "overdue": ok["check_in_overdue"].astype(bool).set_axis(labels)},
    }
    for args in data.values():
        args["unread"] = unread
    return data


def _cohort_charts(frame: pd.DataFrame, gap_counts: Counter, csv: Path,
                   today: date, unread: int = 0) -> dict[Path, bytes]:
    """The three cohort charts' files, drawn here, beside ``csv`` and named after it
    (:func:`cohort_chart_name`): the workers, which summarise, never import the chart stack
    (a worker importing it for one chart took longer than drawing it here)."""
    data = _chart_data(frame, gap_counts, unread)
    return {csv.parent / file_name: file
            for slug in COHORT_CHARTS
            for file_name, file in _render_chart(slug, data[slug], today,
                                                 cohort_chart_name(csv, slug)).items()}


def cohort(
    workspace: str | Path, out: str | Path, *, today: date | None = None, jobs: int = 1,
    charts: bool = True, chunk_size: int | None = None, scheduler: str | None = None,
    catalog: Any = None,
) -> CohortReport:
    """Summarise every workbook in ``workspace`` into the CSV ``out`` (+ charts beside it,
    named after it: ``cohort.csv`` -> ``cohort_readiness.png``, ``h2.csv`` ->
    ``h2_readiness.png``; see :func:`cohort_chart_name`).

    Work is sent to ``jobs`` worker processes in chunks of ``chunk_size`` workbooks
    (default: about eight chunks per worker, 50-250 each, so that both finish together);
    each worker loads the role catalog once and matches each distinct target role once,
    and imports no chart stack (the three charts are drawn here, after the rows).
    With ``scheduler`` (a Dask address) this process reads the files and ships their bytes
    in chunks to the cluster's workers, which share no disk with it, and gets rows back.
    The CSV and its chart files are written as one set, all or none
    (:func:`~career_workbook.store.write_outputs`). See :func:`cohort_frame` for the
    columns. ``catalog``: see :func:`career_workbook.batch.batch_catalog` (the workers, here
    or on a cluster, use these files).
    """
    folder = Path(workspace)
    if not folder.is_dir():
        raise FileNotFoundError(f"no folder at {folder}; give the folder of client workbooks")
    paths = list_workbooks([folder])
    if not paths:
        raise ValueError(f"no workbook files (*.yaml) in {folder}; create one with "
                         f"`career-workbook new NAME --dir {folder}`")
    out = Path(out)
    if out.is_dir():
        raise IsADirectoryError(f"--out {out} is a folder; give a file name such as "
                                f"{out / 'cohort.csv'}")
    today = today or date.today()
    catalog = batch_catalog(catalog)
    jobs = max(int(jobs), 1)
    size = chunk_size or min(max(math.ceil(len(paths) / (8 * jobs)), CHUNK_MIN), CHUNK_MAX)
    if scheduler:
        rows = _summarise_on_cluster(paths, today, size, scheduler, catalog)
    elif jobs > 1 and len(paths) > size:
        with worker_pool(jobs, SUMMARY_PRELOAD) as pool:
            rows = _summarise_all(summarise_paths, chunked([str(p) for p in paths], size),
                                  today, catalog, pool=pool, name=str,
                                  meanwhile=_import_chart_stack if charts else None)
    else:  # here, chunk by chunk (the progress bar moves as they are done)
        rows = _summarise_all(summarise_paths, chunked([str(p) for p in paths], size),
                              today, catalog, name=str)
    clashes = output_clashes(paths)  # the rule pack and run refuse the second file by
    rows = [dataclasses.replace(row, client=ident, pack_folder="",
                                warnings=(*row.warnings, clashes[path]))
            if path in clashes else dataclasses.replace(row, client=ident)
            for path, row, ident in zip(paths, rows, client_ids(paths), strict=True)]
    copies = sync_copies(paths)  # one person's second row: said, never merged or dropped
    rows = [dataclasses.replace(row, warnings=(*row.warnings, copies[path]))
            if path in copies else row for path, row in zip(paths, rows, strict=True)]
    from career_workbook import store

    cut = {path: note for path in paths if (note := store.cut_short(path)) is not None}
    rows = [dataclasses.replace(row, warnings=(*row.warnings, cut[path]))  # counted short
            if path in cut else row for path, row in zip(paths, rows, strict=True)]
    report = CohortReport(out, len(rows), broken=[(path.name, r.error)  # as pack names it
                                                  for path, r in zip(paths, rows, strict=True)
                                                  if r.error],
                          nudges=[(_nudge_label(r), r.week.nudges) for r in rows
                                  if r.week is not None and r.week.nudges],
                          workspace=folder,
                          warnings=[(path.name, warning)
                                    for path, row in zip(paths, rows, strict=True)
                                    for warning in row.warnings])
    frame = cohort_frame(rows)
    files = {out: _csv_bytes(frame)}
    if charts:
        gap_counts = Counter(skill for r in rows for skill in r.gap_skills)
        files |= _cohort_charts(frame, gap_counts, out, today,
                                unread=len(report.broken))  # as the summary says
    with store.writing_to(out.parent):  # a full disk: which folder, and what to do
        out.parent.mkdir(parents=True, exist_ok=True)
        # the CSV and its charts as one set: a full disk half-way leaves the old ones all
        store.write_outputs(files, out.with_suffix(".csv").name)
    report.charts = [path for path in files if path != out]
    return report


def _summarise_all(fn: Callable[..., list[ClientRow]], chunks: list[list[Any]], today: date,
                   catalog: Any, *, name: Callable[[Any], str],
                   pool: ProcessPoolExecutor | None = None,
                   scheduler: str | None = None,
                   meanwhile: Callable[[], Any] | None = None) -> list[ClientRow]:
    """``fn(chunk, today, catalog)`` for every chunk (in ``pool``, on ``scheduler`` or here), the
    rows in the order of the chunks; a chunk whose worker crashed gives an error row per
    client (``name(item)`` is an item's file path). ``meanwhile()`` is called once, when
    the first chunk is back (every chunk is handed out by then)."""
    index = {id(c): i for i, c in enumerate(chunks)}
    results: dict[int, list[ClientRow]] = {}
    for chunk, rows, err in parallel_map(fn, chunks, pool=pool, scheduler=scheduler,
                                         desc="cohort", args=(today, catalog), size=len):
        if meanwhile is not None:
            meanwhile()
            meanwhile = None
        if err is not None:  # a crashed worker: every client of the chunk says so
            rows = [ClientRow(Path(name(p)).stem, None, error=client_message(err),
                              pack_folder=output_name(name(p))) for p in chunk]
        results[index[id(chunk)]] = rows
    return [row for i in range(len(chunks)) for row in results[i]]


def _summarise_on_cluster(paths: list[Path], today: date, size: int,
                          scheduler: str, catalog: Any = ()) -> list[ClientRow]:
    """``cohort --scheduler``: read every file here, ship the bytes in chunks, get rows."""
    from career_workbook import store
    from career_workbook.model import WorkbookError

    rows: dict[Path, ClientRow] = {}
    shipped = []
    for path in paths:
        try:
            shipped.append((str(path), store._read_bytes(path)))
        except (WorkbookError, OSError) as err:
            rows[path] = ClientRow(path.stem, None, error=client_message(err, path),
                                   pack_folder=output_name(path))
    summarised = _summarise_all(summarise_shipped, chunked(shipped, size), today, catalog,
                                name=lambda item: item[0], scheduler=scheduler)
    rows.update(zip((Path(raw) for raw, _ in shipped), summarised, strict=True))
    return [rows[path] for path in paths]


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    """The cohort CSV's bytes (see :func:`cohort_frame`)."""
    text_columns = frame.select_dtypes(exclude=["number", "datetime", "bool"]).columns
    safe = frame.assign(**{name: frame[name].map(_csv_text) for name in text_columns})
    text = safe.to_csv(index=False, float_format="%.1f", date_format="%Y-%m-%d")
    # with a byte-order mark: Excel opens a double-clicked CSV as UTF-8 only with one
    # (else "José" reads "JosÃ©"); pandas, csv with utf-8-sig and LibreOffice skip it
    return text.encode("utf-8-sig")
