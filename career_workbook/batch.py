"""Many clients at once: validate, run notebooks (papermill), build packs, cohort tables.

Every batch isolates failures (one broken workbook never stops the others), runs in
parallel (local processes, or an existing Dask cluster with ``scheduler=ADDRESS``), shows a
progress bar on stderr when it is a terminal, and writes each output to a temporary name
that is moved into place only when complete, so an interrupted run leaves nothing
half-written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from career_workbook.workspace import list_workbooks

NOTEBOOK_ORDER = (
    "00_start_here", "01_self_assessment", "02_feedback_360", "03_vision_values",
    "04_smart_goals", "05_skill_gap", "06_action_plan", "07_network",
    "08_achievements_learning", "09_progress_review",
)
CLIENT_NOTEBOOKS = NOTEBOOK_ORDER[1:]


# ----------------------------------------------------------------------------------------
# Reports
# ----------------------------------------------------------------------------------------
@dataclass
class BatchReport:
    """What a batch did: the outputs written and the clients that failed (with why)."""

    verb: str
    out: Path
    done: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def print_summary(self, stream: Any = None) -> int:
        """Print a one-screen summary; return the exit code (1 when any client failed)."""
        stream = stream or sys.stdout
        total = len(self.done) + len(self.failed)
        print(f"{self.verb} {len(self.done)} of {total} client(s) into {self.out}", file=stream)
        for path, message in self.failed:
            print(f"FAILED {path.name}: {message}", file=stream)
        if self.failed:
            print("Fix the file(s) above (see `career-workbook validate FILE`) and run again.",
                  file=stream)
        return 0 if self.ok else 1


def one_line(err: BaseException) -> str:
    """A one-line message for an error (no traceback).

    >>> one_line(ValueError("bad value\\nsecond line"))
    'bad value second line'
    """
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 500 else text[:497] + "..."


# ----------------------------------------------------------------------------------------
# Parallel map with progress, local processes or Dask
# ----------------------------------------------------------------------------------------
def _progress(total: int, desc: str) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="client", file=sys.stderr,
                disable=not sys.stderr.isatty() or total < 2, leave=False)


def parallel_map(
    fn: Callable[..., Any], items: Sequence[Any], *, jobs: int = 1,
    scheduler: str | None = None, desc: str = "", args: tuple = (),
) -> Iterator[tuple[Any, Any, BaseException | None]]:
    """Yield ``(item, result, error)`` as each ``fn(item, *args)`` completes.

    ``jobs == 1`` runs in this process; ``jobs > 1`` uses a process pool; ``scheduler``
    sends the work to an existing Dask cluster (``career-workbook[dask]``). An exception
    in one item is yielded as its ``error``; the others go on. On Ctrl-C pending work is
    cancelled and the pool shut down before ``KeyboardInterrupt`` propagates.

    >>> [(i, r, e) for i, r, e in parallel_map(abs, [-1, 2])]
    [(-1, 1, None), (2, 2, None)]
    """
    bar = _progress(len(items), desc)
    try:
        if scheduler:
            yield from _dask_map(fn, items, scheduler, args, bar)
        elif jobs <= 1 or len(items) <= 1:
            for item in items:
                try:
                    yield item, fn(item, *args), None
                except Exception as err:  # isolate this client
                    yield item, None, err
                bar.update()
        else:
            yield from _pool_map(fn, items, jobs, args, bar)
    finally:
        bar.close()


def _pool_map(fn, items, jobs, args, bar):
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=ctx)
    try:
        futures = {pool.submit(fn, item, *args): item for item in items}
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                err = fut.exception()
                yield futures[fut], (None if err else fut.result()), err
                bar.update()
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _dask_map(fn, items, scheduler, args, bar):
    try:
        from distributed import Client, as_completed
    except ImportError:  # pragma: no cover - depends on the optional extra
        raise ImportError(
            "--scheduler needs Dask: pip install 'career-workbook[dask]'"
        ) from None
    with Client(scheduler) as client:
        futures = client.map(fn, list(items), *[[a] * len(items) for a in args], pure=False)
        index = {f.key: item for f, item in zip(futures, items, strict=True)}
        for fut in as_completed(futures):
            err = fut.exception()
            yield index[fut.key], (None if err else fut.result()), err
            bar.update()


# ----------------------------------------------------------------------------------------
# validate
# ----------------------------------------------------------------------------------------
def validate_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, list[str]]]:
    """For each workbook file (folders expanded), the list of problems ([] when valid)."""
    from career_workbook import store
    from career_workbook.model import WorkbookError

    for path in list_workbooks(list(paths)):
        try:
            store.load(path)
        except WorkbookError as err:
            problems = [str(p) for p in err.problems] or [one_line(err)]
            yield path, problems
        except OSError as err:
            yield path, [f"cannot read: {err.strerror or err}"]
        else:
            yield path, []


# ----------------------------------------------------------------------------------------
# run: papermill over the guided notebooks
# ----------------------------------------------------------------------------------------
def select_notebooks(spec: str | Sequence[str] | None, folder: Path) -> list[Path]:
    """Notebook files for ``"01,04"`` / ``["05_skill_gap"]`` / None (all client notebooks).

    >>> [p.name for p in select_notebooks("1,09", Path("notebooks"))]
    ['01_self_assessment.ipynb', '09_progress_review.ipynb']
    """
    if spec is None:
        return [folder / f"{stem}.ipynb" for stem in CLIENT_NOTEBOOKS]
    wanted = spec.split(",") if isinstance(spec, str) else list(spec)
    out = []
    for raw in (w.strip() for w in wanted if w.strip()):
        key = raw.removesuffix(".ipynb")
        matches = [s for s in NOTEBOOK_ORDER if s == key or s.split("_", 1)[0] == key.zfill(2)]
        if not matches:
            raise ValueError(
                f"unknown notebook {raw!r}; choose from {', '.join(s[:2] for s in NOTEBOOK_ORDER)}"
            )
        out.append(folder / f"{matches[0]}.ipynb")
    return out


def run_notebook(notebook: Path, output: Path, parameters: dict[str, Any],
                 *, cwd: Path | None = None, timeout: int = 600) -> Path:
    """Execute one notebook with papermill into ``output`` (written atomically).

    Parameter names are fixed by the caller; values are passed as data (papermill writes
    them into a new cell as Python literals), never as code.
    """
    import papermill

    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".ipynb.tmp", dir=output.parent)
    os.close(fd)
    try:
        papermill.execute_notebook(
            str(notebook), tmp, parameters=parameters, kernel_name="python3",
            cwd=str(cwd or notebook.parent), progress_bar=False, log_output=False,
            execution_timeout=timeout,
        )
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return output


def _run_client(path: Path, out: Path, notebooks: list[Path], today: date | None,
                export: bool) -> Path:
    from career_workbook import store

    store.load(path)  # fail fast, with the field-level message, before starting kernels
    client_dir = out / path.stem
    for nb in notebooks:
        params = {
            "workbook": str(path.resolve()),
            "today": today.isoformat() if today else None,
            "export_dir": str((client_dir / "charts").resolve()) if export else None,
        }
        run_notebook(nb, client_dir / nb.name, params)
    return client_dir


def run_clients(
    workbooks: Sequence[str | Path], out: str | Path, *, notebooks: Any = None,
    jobs: int = 1, today: date | None = None, export: bool = False,
    scheduler: str | None = None, notebooks_dir: Path | None = None,
) -> BatchReport:
    """Run the guided notebooks for every client into ``out/<stem>/<notebook>.ipynb``."""
    from career_workbook.server import notebooks_dir as default_dir

    folder = Path(notebooks_dir or default_dir())
    nbs = select_notebooks(notebooks, folder)
    out = Path(out)
    report = BatchReport("Ran notebooks for", out)
    paths = list_workbooks(list(workbooks))
    for path, result, err in parallel_map(
        _run_client, paths, jobs=jobs, scheduler=scheduler, desc="run",
        args=(out, nbs, today, export),
    ):
        if err is None:
            report.done.append(result)
        else:
            report.failed.append((path, one_line(err)))
    return report


# ----------------------------------------------------------------------------------------
# pack: review packs without kernels
# ----------------------------------------------------------------------------------------
def _pack_client(path: Path, out: Path, today: date | None, formats: tuple[str, ...]) -> Path:
    from career_workbook import export

    return export.build_pack(path, out, today=today, formats=formats)


def pack_clients(
    workbooks: Sequence[str | Path], out: str | Path, *, today: date | None = None,
    formats: tuple[str, ...] = ("png", "svg"), jobs: int = 1, scheduler: str | None = None,
) -> BatchReport:
    """Build a review pack per client into ``out/<stem>/`` (see :func:`export.build_pack`)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = BatchReport("Packed", out)
    paths = list_workbooks(list(workbooks))
    for path, result, err in parallel_map(
        _pack_client, paths, jobs=jobs, scheduler=scheduler, desc="pack",
        args=(out, today, formats),
    ):
        if err is None:
            report.done.append(result)
        else:
            report.failed.append((path, one_line(err)))
    return report
