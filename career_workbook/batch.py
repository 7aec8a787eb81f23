"""Many clients at once: validate, run notebooks (papermill), build packs.

Also the parallel machinery the other batches use (:mod:`career_workbook.caseload`'s
cohort too): :func:`parallel_map`, :func:`worker_pool` and :func:`submit`. Every batch
isolates failures (one broken workbook never stops the others), runs in
parallel (local worker processes, or an existing Dask cluster with ``scheduler=ADDRESS``),
shows a progress bar on stderr when it is a terminal, and writes each output under a
temporary name that is moved into place only when complete, so an interrupted run
(Ctrl-C) leaves nothing half-written.

Examples
--------
>>> [p.name for p in select_notebooks("1,09", Path("notebooks"))]
['01_self_assessment.ipynb', '09_progress_review.ipynb']
>>> chunked(list(range(5)), 2)
[[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from career_workbook.workspace import list_workbooks, output_clashes, sync_copies

__all__ = [
    "CLIENT_NOTEBOOKS",
    "KERNEL_ARGUMENTS",
    "NOTEBOOK_ORDER",
    "BatchReport",
    "batch_catalog",
    "chunked",
    "client_message",
    "pack_clients",
    "parallel_map",
    "run_clients",
    "run_notebook",
    "select_notebooks",
    "submit",
    "FileCheck",
    "validate_paths",
    "worker_pool",
    "SUMMARY_PRELOAD",
    "find_notebooks",
]

NOTEBOOK_ORDER = (
    "00_start_here", "01_self_assessment", "02_feedback_360", "03_vision_values",
    "04_smart_goals", "05_skill_gap", "06_action_plan", "07_network",
    "08_achievements_learning", "09_progress_review", "10_opportunities",
)
CLIENT_NOTEBOOKS = NOTEBOOK_ORDER[1:]
"""The notebooks ``run`` executes by default (00_start_here only creates a workbook)."""

# Modules every worker needs: imported once in the fork server, inherited by each worker.
SUMMARY_PRELOAD = ("career_workbook.batch", "career_workbook.caseload",
                   "career_workbook.store", "career_workbook.analysis", "career_workbook.catalog")
"""What ``cohort``'s workers need: no chart stack (matplotlib and the charts' modules took
~0.45 s of the fork server's start, during which no workbook was read)."""
PRELOAD = (*SUMMARY_PRELOAD, "career_workbook.figures", "career_workbook.export")
"""What the workers of ``run`` and ``pack`` need: the chart stack included."""


# ----------------------------------------------------------------------------------------
# Reports and messages
# ----------------------------------------------------------------------------------------
def client_message(err: BaseException, path: str | os.PathLike[str] | None = None, *,
                   data: bytes | None = None) -> str:
    """One line saying what is wrong with a client's file or run (no traceback).

    A :class:`~career_workbook.model.WorkbookError` is worded as ``validate`` words it,
    with the line of the file (:func:`~career_workbook.store.file_problem`; the file at
    ``path`` is read again, or its bytes ``data``), without the file's name (the report
    names the client); an :class:`~career_workbook.store.OutputError` names the output
    folder. Other errors keep their type.

    >>> client_message(ValueError("bad value\\nsecond line"))
    'ValueError: bad value second line'
    >>> from career_workbook.model import WorkbookError
    >>> client_message(WorkbookError("goals[0].deadline = 'x': not a date", path="a.yaml"))
    "goals[0].deadline = 'x': not a date"
    """
    from concurrent.futures.process import BrokenProcessPool

    from career_workbook.model import WorkbookError
    from career_workbook.store import OutputError, file_problem

    if isinstance(err, BrokenProcessPool):
        return ("the worker process handling this client stopped unexpectedly (out of "
                "memory, or killed?); run again, with --jobs 1 to use less memory")
    if isinstance(err, WorkbookError):
        return file_problem(err, path, data=data)
    text = " ".join(str(err).split())
    if not isinstance(err, _FriendlyError | OutputError):
        text = f"{type(err).__name__}: {text}" if text else type(err).__name__
    return text if len(text) <= 400 else text[:399] + "…"


class _FriendlyError(RuntimeError):
    """A failure whose message is already written for a coach."""


@dataclass
class BatchReport:
    """What a batch did: the outputs written and the clients that failed (with why).

    ``failed`` holds ``(workbook path, one-line message)``; ``details`` the full traceback
    text per failed path (shown with ``--verbose``); ``unwritten`` the paths among them
    whose output could not be written (their workbook is not to blame).
    """

    verb: str
    out: Path
    done: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    details: dict[Path, str] = field(default_factory=dict)
    kept: int = 0
    """Outputs already up to date, kept as they were (counted in ``done`` too)."""
    unwritten: set[Path] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    """Lines said after the count (e.g. the files of the last packs that were removed)."""

    @property
    def ok(self) -> bool:
        """True when no client failed."""
        return not self.failed

    def add(self, path: Path, result: Any, err: BaseException | None) -> None:
        """Record one client's result or error."""
        from career_workbook.store import OutputError

        if err is None:
            self.done.append(result)
        else:
            self.failed.append((path, client_message(err, path)))
            self.details[path] = "".join(traceback.format_exception(err))
            if isinstance(err, OutputError):
                self.unwritten.add(path)

    def in_file_order(self, paths: Sequence[Path]) -> BatchReport:
        """This report, its failures in the order of ``paths`` (the files as listed), not
        the order the workers finished in (which changes from run to run)."""
        position = {path: i for i, path in enumerate(paths)}
        self.failed.sort(key=lambda failure: position.get(failure[0], len(position)))
        return self

    def print_summary(self, stream: Any = None, *, verbose: bool = False) -> int:
        """Print a one-screen summary; return the exit code (1 when any client failed).

        >>> import io
        >>> r = BatchReport("Packed", Path("out"), done=[Path("out/a")],
        ...                 failed=[(Path("b.yaml"), "goals[0].text: must not be blank")])
        >>> buf = io.StringIO(); r.print_summary(buf)
        1
        >>> print(buf.getvalue().strip())
        Packed 1 of 2 client(s) into out
        FAILED b.yaml: goals[0].text: must not be blank
        Fix the file(s) above (check them with `career-workbook validate FILE`), then run again.
        """
        from career_workbook.wording import listing

        stream = stream or sys.stdout
        total = len(self.done) + len(self.failed)
        kept = (f" ({self.kept} unchanged, kept as they were; --force rebuilds them)"
                if self.kept else "")
        print(f"{self.verb} {len(self.done)} of {total} client(s) into {self.out}{kept}",
              file=stream)
        for note in self.notes:
            print(note, file=stream)
        for path, message in self.failed:
            print(f"FAILED {path.name}: {message}", file=stream)
            if verbose and path in self.details:
                print(self.details[path].rstrip(), file=stream)
        todo = []  # a workbook's problem, or an output folder's (never blamed on the file)
        if any(path not in self.unwritten for path, _ in self.failed):
            todo.append("the file(s) above (check them with `career-workbook validate FILE`)")
        if self.unwritten:
            todo.append("the output folder(s) named above")
        if todo:
            print(f"Fix {listing(todo)}, then run again.", file=stream)
        return 0 if self.ok else 1


def batch_catalog(files: Any = None) -> Any:
    """The catalog extension files a batch ships to its workers with each workbook
    (:func:`career_workbook.catalog.catalog_files`), read and checked here once, before any
    client: a broken file stops the batch with one :class:`~career_workbook.catalog.CatalogError`
    naming it, instead of failing every client. ``files`` already read are used as given.
    """
    if files is not None:
        return files
    from career_workbook.catalog import catalog_files, load_catalog

    files = catalog_files()
    load_catalog(files=files)
    return files


# ----------------------------------------------------------------------------------------
# Parallel map with progress, local processes or Dask
# ----------------------------------------------------------------------------------------
def chunked(items: Sequence[Any], size: int) -> list[list[Any]]:
    """``items`` in consecutive lists of at most ``size``."""
    size = max(int(size), 1)
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


class _NoBar:
    """The progress bar when stderr is not a terminal: nothing to show."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, desc: str) -> Any:
    """A progress bar on stderr, only when it is a terminal (and there is more than one)."""
    if total < 2 or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="client", file=sys.stderr, leave=False)


def freeze_imports(modules: Sequence[str] = ()) -> bool:
    """Import ``modules``, then leave everything this process holds (its imported modules:
    matplotlib, pandas, pydantic, the catalog) out of the cyclic garbage collector's
    passes (``gc.freeze``); False (nothing frozen) when the process froze its own already.

    Modules are never garbage, yet every full collection walked all of their objects
    again: a pack of 8 clients ran 11 of them, ~130 ms each (9 % of its CPU). What is
    made afterwards (a client's figures, pages, files) is collected as usual. A pool's
    worker freezes once, before its first task (:func:`worker_pool`'s ``frozen``), for
    its whole life; this process, in a block (:func:`imports_frozen`).

    >>> import gc
    >>> host = gc.get_freeze_count()  # 0 unless this process froze its own already
    >>> froze = freeze_imports(["json"])
    >>> froze == (host == 0), gc.get_freeze_count() > 1000
    (True, True)
    >>> if froze: gc.unfreeze()
    """
    import gc
    import importlib

    for name in modules:
        importlib.import_module(name)
    if gc.get_freeze_count():  # frozen by whoever runs this: theirs to undo
        return False
    gc.freeze()
    return True


@contextlib.contextmanager
def imports_frozen(modules: Sequence[str] = ()) -> Iterator[None]:
    """In the block, what this process holds on entry, ``modules`` imported first, is
    left out of the cyclic garbage collector's passes (:func:`freeze_imports`); on exit
    it is collected as before (``gc.unfreeze``). Inside a process that froze its own
    objects already (a block within a block), nothing changes: theirs stay frozen after
    the block.

    >>> import gc
    >>> before = gc.get_freeze_count()  # 0 unless this process froze its own already
    >>> with imports_frozen(["json"]):
    ...     frozen = gc.get_freeze_count()
    >>> frozen > 1000, gc.get_freeze_count() == before
    (True, True)
    """
    import gc

    if not freeze_imports(modules):
        yield
        return
    try:
        yield
    finally:
        gc.unfreeze()


def parallel_map(
    fn: Callable[..., Any], items: Sequence[Any], *, jobs: int = 1,
    scheduler: str | None = None, desc: str = "", args: tuple = (),
    size: Callable[[Any], int] | None = None, pool: ProcessPoolExecutor | None = None,
    frozen: Sequence[str] = (),
) -> Iterator[tuple[Any, Any, BaseException | None]]:
    """Yield ``(item, result, error)`` as each ``fn(item, *args)`` completes.

    ``jobs == 1`` runs in this process; ``jobs > 1`` uses worker processes (``pool``, from
    :func:`worker_pool`, when given, else a pool of its own); ``scheduler`` sends the work
    to an existing Dask cluster (``career-workbook[dask]``). An exception in one item is
    yielded as its ``error``; the others go on. ``size(item)`` is how many clients an item
    holds (for the progress bar; default 1). ``frozen``: modules the work imports, imported
    before the first item and, with everything the process holds then, left out of the
    garbage collector's full passes (:func:`freeze_imports`): in this process while the
    items run (``jobs == 1``), or in each worker of a pool of its own for its life (not in
    a ``pool`` given, nor on a Dask cluster).

    On Ctrl-C (or when the caller stops early) pending work is cancelled, running work is
    interrupted so that it removes its temporary files, and ``KeyboardInterrupt``
    propagates once the workers have stopped.

    >>> [(i, r, e) for i, r, e in parallel_map(abs, [-1, 2])]
    [(-1, 1, None), (2, 2, None)]
    """
    size = size or (lambda item: 1)
    bar = _progress(sum(size(i) for i in items), desc)
    try:
        if scheduler:
            yield from _dask_map(fn, items, scheduler, args, bar, size)
        elif pool is not None:
            yield from _pool_map(fn, items, pool, args, bar, size)
        elif jobs <= 1 or len(items) <= 1:
            with imports_frozen(frozen) if frozen else contextlib.nullcontext():
                for item in items:
                    try:
                        result = fn(item, *args)
                    except Exception as err:  # isolate this client
                        yield item, None, err
                    else:
                        yield item, result, None
                    bar.update(size(item))
        else:
            with worker_pool(min(jobs, len(items)), frozen=frozen) as own:
                yield from _pool_map(fn, items, own, args, bar, size)
    finally:
        bar.close()


# Worker-side Ctrl-C handling: the first SIGINT interrupts the running task (its clean-up
# then runs undisturbed: later SIGINTs are ignored) and no new task starts afterwards.
_WORKER = {"busy": False, "stopped": False}


def _worker_sigint(signum: int, frame: Any) -> None:
    if _WORKER["stopped"]:
        return
    _WORKER["stopped"] = True
    if _WORKER["busy"]:
        raise KeyboardInterrupt


def _worker_unraisable(unraisable: Any) -> None:
    """A Ctrl-C that landed in a finaliser or weakref callback (matplotlib's transforms
    use them) cannot leave it: Python printed "Exception ignored in ... Traceback" under
    the CLI's own message and the task went on. Raise it again in the task instead, a
    moment later (a signal sent now would be handled, and lost, in this hook)."""
    if (isinstance(unraisable.exc_value, KeyboardInterrupt) and _WORKER["busy"]
            and hasattr(signal, "setitimer")):
        _WORKER["stopped"] = False  # so that the handler raises it once more
        signal.signal(signal.SIGALRM, _worker_sigint)
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        return
    sys.__unraisablehook__(unraisable)


def _worker_init(frozen: Sequence[str] = ()) -> None:
    signal.signal(signal.SIGINT, _worker_sigint)
    sys.unraisablehook = _worker_unraisable
    if hasattr(signal, "pthread_sigmask"):  # held back in the fork server (_mp_context)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # for the worker's life (it ends with its pool); a module that cannot be imported
    # breaks no pool: each task that needs it fails with its own error, named per client
    if frozen:
        with contextlib.suppress(Exception):
            freeze_imports(frozen)


def _worker_call(fn: Callable[..., Any], item: Any, *args: Any) -> Any:
    if _WORKER["stopped"]:
        raise KeyboardInterrupt("stopped before it started")
    _WORKER["busy"] = True
    try:
        return fn(item, *args)
    finally:
        _WORKER["busy"] = False


def _mp_context(preload: Sequence[str]) -> Any:
    """The ``forkserver`` context, its server started; ``preload`` applies when this process
    starts its fork server (the first pool of a command; later pools share that server).

    The server starts with Ctrl-C held back (:func:`~career_workbook.store.ctrl_c_deferred`;
    it ignores Ctrl-C once it has imported ``preload``, a second or two later): a Ctrl-C
    meanwhile printed the traceback of an interrupted import. Its workers take Ctrl-C
    again (:func:`_worker_init`).
    """
    import multiprocessing
    from multiprocessing import forkserver, resource_tracker

    from career_workbook.store import ctrl_c_deferred

    if sys.platform == "win32":  # pragma: no cover
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(preload))
    resource_tracker.ensure_running()  # first: starting, it lets Ctrl-C through again
    with ctrl_c_deferred():  # the server inherits it; here, only while it is spawned
        forkserver.ensure_running()
    return ctx


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Interrupt running tasks (SIGINT: they clean up), cancel the rest, wait for the pool.

    A second Ctrl-C waits till then (:func:`~career_workbook.store.ctrl_c_deferred`): it
    cut the wait short, this process ended, and the workers still removing their
    temporary folders were killed with it.
    """
    from career_workbook.store import ctrl_c_deferred

    with ctrl_c_deferred():
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            with contextlib.suppress(OSError, AttributeError, ValueError):
                if proc.is_alive():
                    os.kill(proc.pid, signal.SIGINT)
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def worker_pool(jobs: int, preload: Sequence[str] = PRELOAD,
                frozen: Sequence[str] = ()) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``jobs`` worker processes that stop cleanly on Ctrl-C.

    Workers are forked from a server that has imported the ``preload`` modules once
    (``forkserver``), so each starts at once. Each worker imports ``frozen`` before its
    first task and leaves what it then holds out of the garbage collector's full passes
    for its life (:func:`freeze_imports`). On any exception (Ctrl-C included)
    running tasks are interrupted so they remove their temporary files, pending ones are
    cancelled, and the pool is shut down before the exception propagates.
    """
    pool = ProcessPoolExecutor(max_workers=max(jobs, 1), mp_context=_mp_context(preload),
                               initializer=_worker_init, initargs=(tuple(frozen),))
    try:
        yield pool
    except BaseException:
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def submit(pool: ProcessPoolExecutor, fn: Callable[..., Any], *args: Any) -> Future:
    """Run ``fn(*args)`` in a :func:`worker_pool` worker (stopped cleanly on Ctrl-C)."""
    return pool.submit(_worker_call, fn, *args)


def _pool_map(fn, items, pool, args, bar, size):
    from career_workbook.store import ctrl_c_deferred

    with ctrl_c_deferred():  # a worker half-started when Ctrl-C came is never waited for
        futures = {submit(pool, fn, item, *args): item for item in items}
    try:
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                err = fut.exception()
                if isinstance(err, KeyboardInterrupt):  # a worker was stopped from outside
                    raise KeyboardInterrupt
                yield futures[fut], (None if err else fut.result()), err
                bar.update(size(futures[fut]))
    except BaseException:
        _stop_workers(pool)
        raise


NO_WORKER_SECONDS = 60.0
"""How long a batch on a Dask cluster waits while the scheduler has no worker (none has
joined, or the last one stopped) before it gives up: Dask itself would wait for ever."""
_POLL_SECONDS = 2.0


def _finished(client: Any, futures: list[Any], scheduler: str) -> Iterator[Any]:
    """Yield each of ``futures`` as it finishes; raise ``ConnectionError`` once the cluster
    has had no worker for :data:`NO_WORKER_SECONDS`, saying how many were done."""
    import time

    from distributed import wait

    pending, alone_since = set(futures), None
    while pending:
        try:
            with client.as_current():  # (wait() finds the client there)
                done, pending = wait(pending, timeout=_POLL_SECONDS,
                                     return_when="FIRST_COMPLETED")
        except TimeoutError:
            try:
                workers = len(client.nthreads())
            except Exception:  # noqa: BLE001 - a scheduler gone away has no worker either
                workers = 0
            now = time.monotonic()
            alone_since = None if workers else (alone_since or now)
            if alone_since is not None and now - alone_since >= NO_WORKER_SECONDS:
                finished = len(futures) - len(pending)
                raise ConnectionError(
                    f"the Dask scheduler at {scheduler} has had no worker for "
                    f"{NO_WORKER_SECONDS:.0f} s (none joined, or the last one stopped), so "
                    f"{len(pending)} of {len(futures)} task(s) could not run ({finished} "
                    f"finished and were kept); start a worker (`dask worker {scheduler}`) "
                    "and run again, or leave out --scheduler to use this computer") from None
            continue
        alone_since = None
        yield from done


def _dask_map(fn, items, scheduler, args, bar, size):
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - depends on the optional extra
        raise ImportError(
            "--scheduler needs Dask: pip install 'career-workbook[dask]'"
        ) from None
    try:
        client = Client(scheduler, timeout="10s", set_as_default=False)
    except OSError as err:
        raise OSError(f"cannot reach the Dask scheduler at {scheduler} ({err}); check the "
                      "address, or leave out --scheduler to use this computer") from None
    with client:
        futures = [client.submit(fn, item, *args, pure=False) for item in items]
        index = {f.key: item for f, item in zip(futures, items, strict=True)}
        try:
            for fut in _finished(client, futures, scheduler):
                err = fut.exception()
                result = None if err else fut.result()
                fut.release()  # the worker may drop its copy: results are megabytes each
                yield index[fut.key], result, err
                bar.update(size(index[fut.key]))
        except BaseException:
            client.cancel(futures)
            raise


# ----------------------------------------------------------------------------------------
# validate
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FileCheck:
    """What ``validate`` found in one workbook file: ``problems`` stop it loading, or stop
    ``pack`` and ``run`` using it (each one line naming the field, the value and the line
    of the file, or the other file it clashes with); ``notes`` are about a valid file's
    entries that will not count as expected on the day checked
    (:func:`career_workbook.analysis.workbook_notes`), a ``role_profile`` the catalog
    does not have (:func:`career_workbook.catalog.missing_role_note`), and a comment typed
    after a value on its line, which is not part of it (:func:`career_workbook.store.
    value_notes`)."""

    path: Path
    problems: list[str]
    notes: list[str] = field(default_factory=list)


def validate_paths(paths: Iterable[str | Path], *, today: date | None = None,
                   catalog: Any = None) -> Iterator[FileCheck]:
    """A :class:`FileCheck` per workbook file (folders expanded); its ``problems`` are
    ``[]`` when valid, e.g. ``goals[2].deadline = '2027-13-01': Input should be a valid date
    (line 41)``. ``today`` (default: the real date) is the day the notes are about.

    The files are checked together as ``pack`` and ``run`` take them: a file whose output
    folder an earlier one takes (:func:`~career_workbook.workspace.output_clashes`) has that
    problem; one named as a copy of another made by a sync tool
    (:func:`~career_workbook.workspace.sync_copies`) has a note. ``catalog``: the catalog
    extension files the commands use (see :func:`batch_catalog`): a ``role_profile``
    missing from that catalog is a note (the packs then measure against the person's own
    targets, and say so).
    """
    from career_workbook import analysis, store
    from career_workbook.catalog import missing_role, missing_role_note, shared_catalog
    from career_workbook.model import WorkbookError

    today = today or date.today()
    cat = shared_catalog(batch_catalog(catalog))
    found = list_workbooks(list(paths))
    clashes = output_clashes(found)
    copies = sync_copies(found)
    for path in found:
        clash = [clashes[path]] if path in clashes else []
        copy = [copies[path]] if path in copies else []
        try:
            wb = store.load(path, clean=False)  # read-only: no need to list the folder per file
        except WorkbookError as err:
            cut = store.cut_short(path)  # cut inside an entry: the why, before the fields
            yield FileCheck(path, ([cut] if cut else []) + store.file_problems(err, path)
                            + clash)
        except Exception as err:  # noqa: BLE001 - one odd file never stops the others
            yield FileCheck(path, [f"could not be checked ({client_message(err, path)})",
                                   *clash])
        else:
            role = missing_role(wb, cat)
            notes = [missing_role_note(role, cat)] if role is not None else []
            cut = store.cut_short(path)  # loads, yet lacks what its last save wrote
            yield FileCheck(path, ([cut] if cut else []) + clash,
                            copy + notes + store.value_notes(path)
                            + analysis.workbook_notes(wb, today))


# ----------------------------------------------------------------------------------------
# run: papermill over the guided notebooks
# ----------------------------------------------------------------------------------------
def select_notebooks(spec: str | Sequence[str] | None, folder: Path) -> list[Path]:
    """Notebook files for ``"01,04"`` / ``["05_skill_gap"]`` / None (all client notebooks).

    >>> [p.name for p in select_notebooks(["05_skill_gap"], Path("nb"))]
    ['05_skill_gap.ipynb']
    >>> select_notebooks("12", Path("nb"))
    Traceback (most recent call last):
    ...
    ValueError: unknown notebook '12'; choose from 00_start_here, 01_self_assessment, 02_feedback_360, 03_vision_values, 04_smart_goals, 05_skill_gap, 06_action_plan, 07_network, 08_achievements_learning, 09_progress_review, 10_opportunities (a name, or its number alone)
    >>> select_notebooks("smart", Path("nb"))
    Traceback (most recent call last):
    ...
    ValueError: unknown notebook 'smart'; did you mean 04_smart_goals? (a name, or its number alone)
    """  # noqa: E501
    if spec is None:
        return [folder / f"{stem}.ipynb" for stem in CLIENT_NOTEBOOKS]
    wanted = spec.split(",") if isinstance(spec, str) else list(spec)
    out = []
    for raw in (w.strip() for w in wanted if w.strip()):
        key = raw.removesuffix(".ipynb")
        matches = [s for s in NOTEBOOK_ORDER if s == key or s.split("_", 1)[0] == key.zfill(2)]
        if not matches:
            raise ValueError(f"unknown notebook {raw!r}; {_notebook_hint(key)}")
        out.append(folder / f"{matches[0]}.ipynb")
    if not out:
        raise ValueError(f"--notebooks {spec!r} names no notebook; e.g. --notebooks 01,05")
    return out


def _notebook_hint(key: str) -> str:
    """What to write instead of ``key`` in ``--notebooks``: the notebook whose name holds
    it as a word ("smart": 04_smart_goals), when only one does; else every name."""
    words = key.casefold().replace("-", "_").split("_")
    holding = [stem for stem in NOTEBOOK_ORDER
               if all(word in stem.split("_")[1:] for word in words if word)]
    names = (f"did you mean {holding[0]}?" if len(holding) == 1 and any(words)
             else f"choose from {', '.join(NOTEBOOK_ORDER)}")
    return f"{names} (a name, or its number alone)"


KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
"""The kernel's own log lines (a TCP transport warning per notebook, shutdown noise on
Ctrl-C) would flood the coach's terminal; cell errors still reach the report."""


@contextlib.contextmanager
def _kernel_environment(catalog_dir: Path | None = None) -> Iterator[None]:
    """Kernels inherit this process's environment: keep ``MPLBACKEND`` out of it, and name
    ``catalog_dir`` (when given) as the folder of catalog extension files.

    (pytest and headless tools set ``MPLBACKEND=Agg``; a kernel must choose its own inline
    backend so that charts show in the notebook.)
    """
    from career_workbook.catalog import ENV_VAR

    changes = {"MPLBACKEND": None}
    if catalog_dir is not None:
        changes[ENV_VAR] = str(catalog_dir)
    saved = {name: os.environ.get(name) for name in changes}
    try:
        for name, value in changes.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


KERNEL_START_ATTEMPTS = 3
"""How often a notebook is started when its kernel dies before it answers (see ``execute``)."""


def execute(notebook: Path, output: Path, **kwargs: Any) -> Any:
    """``papermill.execute_notebook``, started again if the kernel died before it answered.

    jupyter_client picks free TCP ports for a new kernel and the kernel binds them a moment
    later; another process starting a kernel in that moment (``--jobs 2``, two coaches'
    runs, parallel tests) can take one of them, and the kernel then fails with "Address
    already in use" before any cell ran. ipykernel 7 does not even exit then: it hangs
    until jupyter_client gives up ("didn't respond in 60 seconds"), so both startup errors
    mean "start again". That is safe because nothing ran (papermill stops the failed
    kernel); any other error, or a startup error ``KERNEL_START_ATTEMPTS`` times, is
    raised as it is. ``kwargs`` are papermill's.
    """
    import papermill

    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            return papermill.execute_notebook(str(notebook), str(output), **kwargs)
        except RuntimeError as err:
            if attempt == KERNEL_START_ATTEMPTS or not _kernel_never_started(err):
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _kernel_never_started(err: BaseException) -> bool:
    """True for jupyter_client's two startup errors: the kernel died, or never answered.

    >>> _kernel_never_started(RuntimeError("Kernel died before replying to kernel_info"))
    True
    >>> _kernel_never_started(RuntimeError("Kernel didn't respond in 60 seconds"))
    True
    >>> _kernel_never_started(RuntimeError("the chart data is odd"))
    False
    """
    text = str(err)
    return "before replying to kernel_info" in text or text.startswith("Kernel didn't respond")


def run_notebook(notebook: Path, output: Path, parameters: dict[str, Any],
                 *, cwd: Path | None = None, timeout: int = 600,
                 catalog_dir: Path | None = None) -> Path:
    """Execute one notebook with papermill into ``output`` (written atomically).

    Parameter names are fixed by the caller; values are passed as data (papermill writes
    them into a new cell as escaped Python literals), never as code. The kernel is
    ``python3`` and does not inherit ``MPLBACKEND``; ``catalog_dir`` is its
    ``CAREER_WORKBOOK_CATALOG`` (default: this process's). When a cell fails, the executed
    notebook is kept as ``<name>.error.ipynb`` beside ``output`` so the coach can see
    where, and a one-line error is raised; an interrupted run leaves nothing.

    The kernel is stopped at once when the last cell has finished (every output has
    arrived by then): ipykernel 7's polite shutdown sometimes hangs for ~3.5 s before
    jupyter_client gives up on it (13 of 55 empty-notebook runs here; 0 of 30 stopped at
    once).

    The notebook is written once, when it has run (or stopped at a failing cell), not
    also before and after every cell as papermill does by default: nobody can read the
    hidden temporary file meanwhile (``output`` appears only when the run is complete), and
    those writes (each a copy, a schema check and a JSON dump of the whole notebook and
    its images, 2 x 19 for notebook 09) took ~0.1 s of this process's CPU in the time the
    coach waits.
    """
    from papermill.exceptions import PapermillExecutionError

    from career_workbook.store import DISK_ERRNOS, owning, writing_to

    failed = output.with_name(f"{output.stem}.error.ipynb")
    tmp = output.with_name(f".{output.stem}.{secrets.token_hex(8)}.tmp.ipynb")
    with contextlib.ExitStack() as owned:
        with writing_to(output.parent):  # before the kernel starts: the folder can be written
            output.parent.mkdir(parents=True, exist_ok=True)
            _remove_abandoned_runs(output)
            owned.enter_context(owning(f"{tmp}.lock"))  # this run's, while it runs
            open(tmp, "xb").close()
        try:
            # a full or read-only disk met while papermill writes the notebook names the
            # folder (it read "FAILED kim.yaml: OSError: [Errno 28] No space left on device"
            # and sent the coach to validate the workbook); a kernel that cannot start passes
            with _kernel_environment(catalog_dir), writing_to(output.parent, only=DISK_ERRNOS):
                execute(
                    notebook, tmp, parameters=parameters, kernel_name="python3",
                    cwd=str(cwd or notebook.parent), progress_bar=False, log_output=False,
                    execution_timeout=timeout, extra_arguments=KERNEL_ARGUMENTS,
                    shutdown_kernel="immediate", request_save_on_cell_execute=False,
                )
            with writing_to(output.parent):
                os.replace(tmp, output)
            with contextlib.suppress(FileNotFoundError):
                failed.unlink()
        except PapermillExecutionError as err:
            if tmp.exists():
                os.replace(tmp, failed)
            raise _FriendlyError(
                f"{notebook.name} stopped at cell {err.exec_count} with {err.ename}: "
                f"{' '.join(str(err.evalue).split())[:200]} (see {failed})"
            ) from err
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    return output


def _remove_abandoned_runs(output: Path) -> None:
    """Remove the temporary notebooks for ``output`` that runs no longer running left (a
    run killed): a run holds a lock file beside its own (``<name>.lock``,
    :func:`~career_workbook.store.owning`), so one a running run writes is never touched;
    with no lock file (an earlier version's), once an hour old.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in (".01.0123456789abcdef.tmp.ipynb", ".01.0123456789abcdef.tmp.ipynb.lock",
    ...              ".01.fedcba9876543210.tmp.ipynb", "01.ipynb"):
    ...     _ = (folder / name).write_bytes(b"")
    >>> _remove_abandoned_runs(folder / "01.ipynb")
    >>> sorted(p.name for p in folder.iterdir())  # no lock file, and new: kept for now
    ['.01.fedcba9876543210.tmp.ipynb', '01.ipynb']
    """
    from career_workbook.store import STALE_SECONDS, abandoned

    temporary = re.compile(rf"^\.{re.escape(output.stem)}\.[0-9a-f]{{16}}\.tmp\.ipynb$")
    try:
        names = os.listdir(output.parent)
    except OSError:
        return
    for name in names:
        tmp = output.parent / name.removesuffix(".lock")
        if not temporary.match(tmp.name):
            continue
        with abandoned(f"{tmp}.lock") as free, contextlib.suppress(OSError):
            if free or (free is None and tmp.lstat().st_mtime < time.time() - STALE_SECONDS):
                tmp.unlink(missing_ok=True)


def _run_client(path: Path, out: Path, notebooks: list[Path], today: date | None,
                export: bool) -> Path:
    from career_workbook import store
    from career_workbook.workspace import output_name as pack_name  # not export: no matplotlib

    store.load(path, clean=False)  # fail fast, with the field-level message, before kernels
    client_dir = out / pack_name(path)
    new = not (client_dir.exists() or client_dir.is_symlink())
    try:
        for nb in notebooks:
            params = {
                "workbook": str(path.resolve()),
                "today": today.isoformat() if today else None,
                "export_dir": str((client_dir / "charts").resolve()) if export else None,
            }
            run_notebook(nb, client_dir / nb.name, params)
    except BaseException:
        if new:
            _remove_empty_folders(client_dir)
        raise
    return client_dir


def _remove_empty_folders(folder: Path) -> None:
    """Remove ``folder`` and the folders in it if nothing is in them (a file anywhere keeps
    it and the folders above that file).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "a" / "charts").mkdir(parents=True); (root / "b" / "c").mkdir(parents=True)
    >>> _ = (root / "b" / "note.txt").write_text("mine")
    >>> _remove_empty_folders(root / "a"); _remove_empty_folders(root / "b")
    >>> sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    ['b', 'b/note.txt']
    """
    for parent, folders, _ in os.walk(folder, topdown=False):
        for name in folders:
            with contextlib.suppress(OSError):  # not empty, or a link: kept
                os.rmdir(os.path.join(parent, name))
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def _same_names(paths: list[Path], report: BatchReport) -> list[Path]:
    """Drop (and report) workbooks whose output folder another one already takes
    (:func:`~career_workbook.workspace.output_clashes`, the rule ``validate`` checks)."""
    clashes = output_clashes(paths)
    report.failed += clashes.items()
    return [path for path in paths if path not in clashes]


def _client_paths(workbooks: Sequence[str | Path]) -> list[Path]:
    paths = list_workbooks(list(workbooks))
    if not paths:
        raise ValueError("no workbook files (*.yaml) found in "
                         f"{', '.join(map(str, workbooks)) or 'the arguments'}")
    return paths


def find_notebooks(spec: str | Sequence[str] | None,
                   notebooks_dir: str | Path | None = None) -> list[Path]:
    """The notebook files ``spec`` selects (:func:`select_notebooks`) in ``notebooks_dir``
    (default: the package's); ``ValueError`` naming the folder when one is not there.

    >>> find_notebooks("01", "nope")
    Traceback (most recent call last):
    ...
    ValueError: --notebooks-dir nope: no such folder; give the notebooks folder of a workspace (career-workbook init makes one)
    """  # noqa: E501
    from career_workbook.server import notebooks_dir as default_dir

    folder = Path(notebooks_dir or default_dir())
    nbs = select_notebooks(spec, folder)
    missing = [nb.name for nb in nbs if not nb.is_file()]
    if not missing:
        return nbs
    where = ("give the notebooks folder of a workspace (career-workbook init makes one)"
             if notebooks_dir else "reinstall career-workbook, or pass --notebooks-dir")
    if notebooks_dir and not folder.is_dir():
        raise ValueError(f"--notebooks-dir {notebooks_dir}: no such folder; {where}")
    shown = (", ".join(missing) if len(missing) <= 3
             else f"{missing[0]} … {missing[-1]} ({len(missing)} notebooks)")
    raise ValueError(f"{folder} has no {shown}; {where}")


def run_clients(
    workbooks: Sequence[str | Path], out: str | Path, *, notebooks: Any = None,
    jobs: int = 1, today: date | None = None, export: bool = False,
    scheduler: str | None = None, notebooks_dir: str | Path | None = None,
    catalog: Any = None,
) -> BatchReport:
    """Run the guided notebooks for every client into ``out/<client>/<notebook>.ipynb``.

    ``notebooks`` selects them (``"01,04"``; default :data:`CLIENT_NOTEBOOKS`, 01-10);
    ``notebooks_dir`` is where they live (default: the package's ``notebooks`` folder);
    ``today`` is the date every notebook runs as of (default: today, the same for every
    client). A failing client does not stop the others: see the report. ``catalog``: see
    :func:`batch_catalog` (on a cluster, the kernels use these files, not the worker's).
    """
    catalog = batch_catalog(catalog)
    nbs = find_notebooks(notebooks, notebooks_dir)
    out = Path(out)
    report = BatchReport("Ran notebooks for", out)
    listed = _client_paths(workbooks)
    paths = _same_names(listed, report)
    if scheduler:
        _run_on_cluster(paths, out, nbs, report, today=today or date.today(), export=export,
                        scheduler=scheduler, catalog=catalog)
        return report.in_file_order(listed)
    for path, result, err in parallel_map(
        _run_client, paths, jobs=jobs, scheduler=scheduler, desc="run",
        args=(out, nbs, today or date.today(), export),
    ):
        report.add(path, result, err)
    return report.in_file_order(listed)


def _run_shipped(item: _Shipped, notebooks: tuple[tuple[str, bytes], ...],
                 today: date | None, export: bool,
                 catalog: Any = ()) -> tuple[dict[str, bytes], str | None, str]:
    """On a Dask worker: run the notebooks for a shipped workbook in a folder of its own.

    Returns ``(files, error, folder)``: every file the run wrote (executed notebooks, a
    failed one as ``<name>.error.ipynb``, exported charts) as bytes by relative path; the
    one-line error of a failed notebook (None when all ran), which names ``folder``, the
    worker's output folder. Opens nothing of the coach's: the kernels read the coach's
    ``catalog`` files, written into the run's folder (never the worker's own catalog).
    """
    import tempfile

    from career_workbook import store
    from career_workbook.workspace import output_name as pack_name  # not export: no matplotlib

    store.load_bytes(item.data, item.path)  # fail fast, with the field-level message
    with tempfile.TemporaryDirectory(prefix="cw-run-") as tmp:
        root = Path(tmp)
        (root / "notebooks").mkdir()
        (root / "workbook").mkdir()
        (root / "catalog").mkdir()
        for i, (source, text) in enumerate(catalog):  # numbered: applied in the same order
            (root / "catalog" / f"{i:03d}-{Path(source).name}").write_text(text, "utf-8")
        workbook = root / "workbook" / (pack_name(item.path) + ".yaml")
        workbook.write_bytes(item.data)
        for name, data in notebooks:
            (root / "notebooks" / name).write_bytes(data)
        client_dir = root / "out" / pack_name(item.path)
        error = None
        try:
            for name, _ in notebooks:
                params = {
                    "workbook": str(workbook),
                    "today": today.isoformat() if today else None,
                    "export_dir": str(client_dir / "charts") if export else None,
                }
                run_notebook(root / "notebooks" / name, client_dir / name, params,
                             catalog_dir=root / "catalog")
        except _FriendlyError as err:
            error = str(err)
        files = {p.relative_to(client_dir).as_posix(): p.read_bytes()
                 for p in sorted(client_dir.rglob("*")) if p.is_file()}
        return files, error, str(client_dir)


def _write_run(files: dict[str, bytes], client_dir: Path, notebooks: Sequence[str]) -> None:
    """Write a shipped run's files under ``client_dir``, each atomically; a notebook that
    ran now has no stale ``.error.ipynb`` beside it (as :func:`run_notebook` leaves it)."""
    from career_workbook.store import atomic_write_bytes, writing_to

    for rel, data in files.items():
        parts = Path(rel).parts
        if Path(rel).is_absolute() or not parts or ".." in parts:
            raise ValueError(f"a worker sent back a file outside the client's folder: {rel!r}")
        target = client_dir.joinpath(*parts)
        with writing_to(client_dir):
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data)
    for name in notebooks:
        if name in files:
            with contextlib.suppress(FileNotFoundError):
                (client_dir / name).with_name(f"{Path(name).stem}.error.ipynb").unlink()


def _run_on_cluster(paths: list[Path], out: Path, nbs: list[Path], report: BatchReport, *,
                    today: date, export: bool, scheduler: str, catalog: Any = ()) -> None:
    """``run --scheduler``: workers share no disk with the coach. This process ships each
    workbook's bytes and the notebooks' JSON, and writes the executed notebooks (and any
    exported charts) that come back, each file with an atomic move."""
    from career_workbook import store
    from career_workbook.workspace import output_name as pack_name  # not export: no matplotlib

    notebooks = tuple((nb.name, nb.read_bytes()) for nb in nbs)
    shipped = []
    for path in paths:
        try:
            shipped.append(_Shipped(path, store._read_bytes(path), ""))
        except Exception as err:  # noqa: BLE001 - reported per client
            report.add(path, None, err)
    for item, result, err in parallel_map(_run_shipped, shipped, scheduler=scheduler,
                                         desc="run", args=(notebooks, today, export, catalog)):
        client_dir = out / pack_name(item.path)
        if err is None:
            files, error, there = result
            try:
                _write_run(files, client_dir, [name for name, _ in notebooks])
            except Exception as write_err:  # noqa: BLE001 - reported per client
                err = write_err
            else:
                if error is not None:
                    err = _FriendlyError(error.replace(there, str(client_dir)))
        report.add(item.path, client_dir if err is None else None, err)


# ----------------------------------------------------------------------------------------
# pack: review packs without kernels
# ----------------------------------------------------------------------------------------
def _pack_client(path: Path, out: Path, today: date | None, formats: tuple[str, ...],
                 force: bool = False, static: str | None = None,
                 period: Any = None, catalog: Any = ()) -> Any:
    from career_workbook.export.pack import update_pack

    return update_pack(path, out, today=today, formats=formats, force=force, static=static,
                       period=period, catalog=catalog)


def pack_clients(
    workbooks: Sequence[str | Path], out: str | Path, *, today: date | None = None,
    formats: Sequence[str] | None = None, jobs: int = 1, scheduler: str | None = None,
    force: bool = False, period: Any = None, catalog: Any = None,
) -> BatchReport:
    """Build a review pack per client into ``out/<client>/`` (see ``export.build_pack``);
    ``period`` (:class:`~career_workbook.analysis.period.Period`) limits every pack to it.

    Each pack is built in a temporary folder and moved into place when complete (what a
    pack that is no longer running left in ``out`` is removed first); files in
    ``out/<client>/`` that no pack wrote stay. When a client's workbook cannot be packed,
    its earlier pack stays with a ``NOT UPDATED.txt`` naming the problem
    (:func:`~career_workbook.export.pack.mark_not_updated`), removed by the next good pack.
    A pack whose fingerprint (workbook bytes,
    version, options, catalog, style) is unchanged and whose files are all there is kept
    as it is, unless ``force``; ``report.kept`` counts those. Files of the last pack in
    formats not asked for this time are removed, and ``report.notes`` says so. ``catalog``:
    see :func:`batch_catalog` (every pack, here or on a cluster, is made from these files).
    """
    from career_workbook.export.fingerprint import static_digest
    from career_workbook.export.pack import (
        DEFAULT_FORMATS,
        check_pack_formats,
        clear_not_updated,
        mark_not_updated,
        pack_modules,
        pack_name,
        remove_leftovers,
        removed_note,
    )

    formats = check_pack_formats(formats or DEFAULT_FORMATS)
    catalog = batch_catalog(catalog)
    out = Path(out)
    report = BatchReport("Packed", out)
    listed = _client_paths(workbooks)
    paths = _same_names(listed, report)
    out.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)  # of any client: what an interrupted or killed pack left
    packed = set(paths)  # not a file whose folder another one takes (_same_names)
    paths = _not_cut_short(paths, report)
    if scheduler:
        updates = _pack_on_cluster(paths, out, report, today=today or date.today(),
                                   formats=formats, scheduler=scheduler, force=force,
                                   period=period, catalog=catalog)
    else:
        updates = []
        # the pack's modules imported once, in this process (--jobs 1) or in each worker,
        # and left out of each full garbage collection while the clients are packed
        for path, update, err in parallel_map(
            _pack_client, paths, jobs=jobs, scheduler=scheduler, desc="pack",
            args=(out, today or date.today(), formats, force,
                  static_digest(catalog=catalog), period, catalog),
            frozen=pack_modules(formats),
        ):
            if err is None:
                updates.append(update)
            report.add(path, None if err else update.folder, err)
    report.kept += sum(not update.built for update in updates)
    report.notes += filter(None, [removed_note([u.removed for u in updates], formats)])
    for folder in report.done:  # packed (or current): no longer out of date
        clear_not_updated(folder)
    for path, message in report.failed:  # an earlier pack left in place says so
        if path in packed and path not in report.unwritten:
            mark_not_updated(out / pack_name(path), path.name, message, today)
    return report.in_file_order(listed)


def _not_cut_short(paths: list[Path], report: BatchReport) -> list[Path]:
    """``paths`` but the files that look cut short (:func:`~career_workbook.store.cut_short`):
    a pack of one would hand the client a review without what was cut; each is a failure
    of ``report``, with the way back."""
    from career_workbook import store
    from career_workbook.model import WorkbookError

    kept = []
    for path in paths:
        cut = store.cut_short(path)
        if cut is None:
            kept.append(path)
        else:
            report.add(path, None, WorkbookError(f"{cut}; then pack again", path=path))
    return kept


@dataclass(frozen=True)
class _Shipped:
    """One client as sent to a Dask worker: the workbook's bytes, never a path to open."""

    path: Path
    data: bytes = field(repr=False)
    fingerprint: str


def _render_shipped(item: _Shipped, today: date, formats: tuple[str, ...],
                    period: Any = None, catalog: Any = ()) -> dict[str, bytes]:
    """On a worker: the pack's files as bytes (it reads and writes no file, and uses the
    coach's ``catalog`` files, never its own)."""
    from career_workbook.export.pack import render_pack

    return render_pack(item.data, str(item.path), today=today, formats=formats, period=period,
                       catalog=catalog)


def _pack_on_cluster(paths: list[Path], out: Path, report: BatchReport, *, today: date,
                     formats: tuple[str, ...], scheduler: str, force: bool,
                     period: Any = None, catalog: Any = ()) -> list[Any]:
    """``pack --scheduler``: workers share no disk with the coach. This process reads each
    workbook, skips the unchanged ones, ships the bytes, and writes what comes back with
    the usual all-or-nothing moves. Returns the :class:`~.export.pack.PackUpdate` of each
    client packed or kept."""
    from career_workbook import store
    from career_workbook.export.fingerprint import pack_fingerprint, static_digest
    from career_workbook.export.pack import PackUpdate, pack_is_current, pack_name, write_pack

    static = static_digest(catalog=catalog)
    shipped, updates = [], []
    for path in paths:
        try:
            data = store._read_bytes(path)
        except Exception as err:  # noqa: BLE001 - reported per client
            report.add(path, None, err)
            continue
        fingerprint = pack_fingerprint(data, formats=formats, today=today.isoformat(),
                                       static=static, period=period.key if period else "")
        if not force and pack_is_current(out / pack_name(path), fingerprint):
            updates.append(PackUpdate(out / pack_name(path), False))
            report.add(path, out / pack_name(path), None)
        else:
            shipped.append(_Shipped(path, data, fingerprint))
    for item, files, err in parallel_map(_render_shipped, shipped, scheduler=scheduler,
                                         desc="pack", args=(today, formats, period, catalog)):
        result = None
        if err is None:
            try:
                updates.append(write_pack(files, out, pack_name(item.path), item.fingerprint))
                result = updates[-1].folder
            except Exception as write_err:  # noqa: BLE001 - reported per client
                err = write_err
        report.add(item.path, result, err)
    return updates
