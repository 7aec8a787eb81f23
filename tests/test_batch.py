"""Batches: parallel map, messages, papermill runs, packs, and Ctrl-C leaving nothing."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from datetime import date
from pathlib import Path

import nbformat
import pytest

from career_workbook import batch, store
from career_workbook.model import WorkbookError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
TODAY = date(2026, 11, 22)
BROKEN = "person: {name: Broken}\ngoals: [{text: x, deadline: 2027-13-01}]\n"


# ----------------------------------------------------------------------------------------
# parallel_map and messages
# ----------------------------------------------------------------------------------------
def _invert(x: int) -> float:
    return 1 / x


def test_parallel_map_isolates_failures_in_processes_and_in_process():
    items = [2, 0, 4, 5]
    for jobs in (1, 2):
        out = {i: (r, type(e).__name__ if e else None)
               for i, r, e in batch.parallel_map(_invert, items, jobs=jobs)}
        assert out == {2: (0.5, None), 0: (None, "ZeroDivisionError"), 4: (0.25, None),
                       5: (0.2, None)}


def _freeze_seen(_: int) -> tuple[int, int, bool]:
    """What a task sees of its process: its id, its frozen objects, whether ``colorsys``
    (a module no worker imports by itself) is imported."""
    import gc

    return os.getpid(), gc.get_freeze_count(), "colorsys" in sys.modules


def test_workers_import_and_freeze_what_they_are_given_before_their_first_task():
    """``pack --jobs 2`` (issue 15): each worker imports the modules of ``frozen`` and leaves
    what it holds out of the garbage collector's full passes before its first task, as
    ``--jobs 1`` does in its own process; without ``frozen`` nothing is frozen."""
    seen = {frozen: [r for _, r, e in batch.parallel_map(_freeze_seen, list(range(6)), jobs=2,
                                                         frozen=frozen) if e is None]
            for frozen in (("colorsys",), ())}
    assert len(seen[("colorsys",)]) == len(seen[()]) == 6
    assert all(count > 10_000 and imported for _, count, imported in seen[("colorsys",)])
    assert all(count == 0 for _, count, _ in seen[()])
    assert all(not imported for _, _, imported in seen[()])  # (the check above can fail)


def test_a_module_a_worker_cannot_import_breaks_no_pool():
    """A module of ``frozen`` that does not import (a broken install) fails no worker's
    start: every item still runs, and nothing is frozen there."""
    out = [(r, e) for _, r, e in batch.parallel_map(
        _freeze_seen, list(range(4)), jobs=2, frozen=("career_workbook_no_such_module",))]
    assert len(out) == 4 and all(e is None for _, e in out), out
    assert all(count == 0 for (_, count, _), _ in out)


def test_pack_freezes_its_modules_in_its_workers_too(monkeypatch, tmp_path):
    """``pack_clients`` hands its modules to ``parallel_map`` for ``--jobs 2`` as for
    ``--jobs 1`` (the workers freeze them: the test above)."""
    from career_workbook.export.pack import pack_modules

    given = []
    real = batch.parallel_map

    def spy(*args, **kwargs):
        given.append((kwargs.get("jobs"), kwargs.get("frozen")))
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "parallel_map", spy)
    workbooks = [EXAMPLES / "jordan_engineer.yaml", EXAMPLES / "tomas_nurse.yaml"]
    for jobs in (1, 2):
        report = batch.pack_clients(workbooks, tmp_path / f"out{jobs}", today=TODAY,
                                    formats="png", jobs=jobs)
        assert report.ok
    assert given == [(1, pack_modules(("png",))), (2, pack_modules(("png",)))]


def _slow_to_stop(started: str, cleaned: str) -> None:
    """A task that takes a while to remove its temporary files when Ctrl-C stops it."""
    Path(started).touch()
    try:
        time.sleep(60)
    except KeyboardInterrupt:
        time.sleep(1.5)
        Path(cleaned).touch()
        raise


def test_a_second_ctrl_c_waits_for_the_workers_to_clean_up(tmp_path):
    """Red team: ``timeout -s INT 5 career-workbook pack --jobs 2`` left ``.tmp-*`` folders:
    the second SIGINT (``timeout``, like a terminal, signals the whole group besides the
    command) cut short the wait for the workers, which were killed mid-clean-up."""
    started, cleaned = tmp_path / "started", tmp_path / "cleaned"
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), \
                batch.worker_pool(1, batch.SUMMARY_PRELOAD) as pool:
            batch.submit(pool, _slow_to_stop, str(started), str(cleaned))
            _wait_for(started.exists)
            time.sleep(0.2)  # the task is in its sleep
            threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
            raise KeyboardInterrupt  # the first Ctrl-C
        assert cleaned.exists(), "the worker finished its clean-up before the command ended"
    finally:
        signal.signal(signal.SIGINT, previous)


def test_chunked_keeps_order_and_sizes():
    assert batch.chunked(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert batch.chunked([], 3) == []


def test_client_messages_are_one_line_and_say_what_is_wrong():
    err = WorkbookError("goals[0].text: must not be blank", path="ws/a.yaml")
    assert batch.client_message(err) == "goals[0].text: must not be blank"
    assert batch.client_message(KeyError("x")) == "KeyError: 'x'"
    assert "\n" not in batch.client_message(ValueError("a\nb\n\nc"))
    assert len(batch.client_message(ValueError("x" * 5000))) <= 400
    from concurrent.futures.process import BrokenProcessPool

    assert "--jobs 1" in batch.client_message(BrokenProcessPool("terminated abruptly"))


# ----------------------------------------------------------------------------------------
# run: papermill with tiny notebooks (fast); parameters are data, never code
# ----------------------------------------------------------------------------------------
ECHO = ("import json, os\nprint(json.dumps({'workbook': workbook, 'today': today, "
        "'export_dir': export_dir, 'mpl': os.environ.get('MPLBACKEND')}))")


def _notebook(folder: Path, stem: str, code: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    params = nbformat.v4.new_code_cell("workbook = None\ntoday = None\nexport_dir = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(code)]
    path = folder / f"{stem}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def tiny_notebooks(tmp_path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder, "01_self_assessment", ECHO)
    _notebook(folder, "02_feedback_360", "raise ValueError('the chart data is odd')")
    _notebook(folder, "03_vision_values", "import time\ntime.sleep(60)")
    return folder


def _echoed(notebook: Path) -> dict:
    nb = nbformat.read(notebook, as_version=4)
    texts = [o.get("text", "") for c in nb.cells if c.cell_type == "code"
             for o in c.get("outputs", [])]
    return json.loads("".join(texts).strip().splitlines()[-1])


HOSTILE = "evil\"; import os; os.system('touch PWNED'); x=\"'.yaml"


@pytest.mark.slow
def test_run_passes_values_as_data_and_keeps_mplbackend_out(tmp_path, tiny_notebooks,
                                                             monkeypatch):
    ws = tmp_path / "ws"
    ws.mkdir()
    hostile = ws / HOSTILE
    store.new(hostile, "Eve", today=TODAY)
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(tmp_path)
    report = batch.run_clients([ws], tmp_path / "out", notebooks="01", jobs=1, today=TODAY,
                               export=True, notebooks_dir=tiny_notebooks)
    assert [p.name for p, _ in report.failed] == ["broken.yaml"]
    assert "goal 1 (“x”), deadline" in report.failed[0][1]
    (client_dir,) = report.done
    seen = _echoed(client_dir / "01_self_assessment.ipynb")
    # the kernel chose its own (inline) backend: this process's Agg was not passed on
    assert seen == {"workbook": str(hostile.resolve()), "today": "2026-11-22",
                    "export_dir": str((client_dir / "charts").resolve()),
                    "mpl": "module://matplotlib_inline.backend_inline"}
    assert os.environ["MPLBACKEND"] == "Agg"  # restored for this process
    assert not list(tmp_path.rglob("PWNED")) and not list(tiny_notebooks.glob("PWNED"))
    assert not [p for p in (tmp_path / "out").rglob("*") if ".tmp" in p.name]
    assert report.print_summary() == 1


@pytest.mark.slow
def test_a_failing_notebook_is_kept_for_inspection_and_named_in_one_line(tmp_path,
                                                                       tiny_notebooks):
    store.new(tmp_path / "ana.yaml", "Ana", today=TODAY)
    report = batch.run_clients([tmp_path / "ana.yaml"], tmp_path / "out", notebooks="02",
                               notebooks_dir=tiny_notebooks)
    ((path, message),) = report.failed
    assert path.name == "ana.yaml"
    assert message.startswith("02_feedback_360.ipynb stopped at cell 3 with ValueError: "
                              "the chart data is odd")
    assert (tmp_path / "out" / "ana" / "02_feedback_360.error.ipynb").is_file()
    assert not (tmp_path / "out" / "ana" / "02_feedback_360.ipynb").exists()
    assert "Traceback" in report.details[path]


def _papermill_failing(monkeypatch, errors):
    """papermill.execute_notebook raising ``errors`` in turn, then succeeding."""
    import papermill

    calls = []

    def fake(source, output, **kwargs):
        calls.append(output)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        Path(output).write_text("{}", encoding="utf-8")
        return "ran"

    monkeypatch.setattr(papermill, "execute_notebook", fake)
    return calls


DIED = RuntimeError("Kernel died before replying to kernel_info")


def test_a_kernel_that_lost_its_port_race_is_started_again(tmp_path, monkeypatch):
    calls = _papermill_failing(monkeypatch, [DIED, DIED])
    assert batch.execute(Path("nb.ipynb"), tmp_path / "out.ipynb") == "ran"
    assert len(calls) == 3


def test_a_kernel_that_never_starts_or_another_error_is_reported(tmp_path, monkeypatch):
    calls = _papermill_failing(monkeypatch, [DIED] * batch.KERNEL_START_ATTEMPTS)
    with pytest.raises(RuntimeError, match="kernel_info"):
        batch.execute(Path("nb.ipynb"), tmp_path / "out.ipynb")
    assert len(calls) == batch.KERNEL_START_ATTEMPTS
    calls = _papermill_failing(monkeypatch, [RuntimeError("the chart data is odd")])
    with pytest.raises(RuntimeError, match="odd"):
        batch.execute(Path("nb.ipynb"), tmp_path / "out.ipynb")
    assert len(calls) == 1


def test_a_kernel_hung_on_a_taken_port_is_started_again(tmp_path, monkeypatch):
    """ipykernel 7 hangs (never exits) when its port was taken, so jupyter_client reports
    "didn't respond" after its startup timeout: the CI's one failure of stop 35."""
    calls = _papermill_failing(monkeypatch, [RuntimeError("Kernel didn't respond in 60 seconds")])
    assert batch.execute(Path("nb.ipynb"), tmp_path / "out.ipynb") == "ran"
    assert len(calls) == 2



@pytest.mark.slow
def test_a_real_kernel_whose_port_was_taken_is_started_again(tmp_path, monkeypatch):
    """The race itself: another process holds the port jupyter_client chose for the first
    kernel's output channel. That kernel hangs; the second start gets free ports and runs."""
    import socket

    from jupyter_client.connect import LocalPortCache

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    real = LocalPortCache.find_available_port
    handed = []

    def first_port_taken(self, ip):
        # jupyter_client asks for shell, iopub, stdin, hb, control in turn; a taken
        # shell port makes the kernel exit, a taken iopub port (the CI's case) hangs it
        handed.append(taken.getsockname()[1] if len(handed) == 1 else real(self, ip))
        return handed[-1]

    monkeypatch.setattr(LocalPortCache, "find_available_port", first_port_taken)
    monkeypatch.delenv("MPLBACKEND", raising=False)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    source = tmp_path / "nb.ipynb"
    nbformat.write(notebook, source)
    try:
        ran = batch.execute(source, tmp_path / "out.ipynb", kernel_name="python3",
                            start_timeout=8, progress_bar=False, log_output=False)
    finally:
        taken.close()
    assert ran.cells[0].outputs[0]["text"] == "42\n"
    assert len(handed) > 5, "a second kernel was started with new ports"

@pytest.mark.slow
def test_run_notebook_writes_the_notebook_once_when_it_has_run(tmp_path, monkeypatch):
    """papermill wrote the whole notebook (images and all) before and after every cell
    into a temporary file nobody can read; now it is written once, when the run is over:
    a cell finds the temporary file still empty, and the output has every cell's output."""
    monkeypatch.delenv("MPLBACKEND", raising=False)
    first = nbformat.v4.new_code_cell("folder = None")
    first.metadata["tags"] = ["parameters"]
    cells = [first, nbformat.v4.new_code_cell("print('a' * 50_000)"),
             nbformat.v4.new_code_cell(
                 "import glob, os\n"
                 "print([os.path.getsize(p) for p in glob.glob(f'{folder}/.*.tmp.ipynb')])")]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    source = tmp_path / "nb.ipynb"
    nbformat.write(notebook, source)
    out = batch.run_notebook(source, tmp_path / "client" / "01.ipynb",
                             {"folder": str(tmp_path / "client")})
    ran = nbformat.read(out, as_version=4).cells
    assert ran[-1].outputs[0]["text"] == "[0]\n"  # not rewritten while it ran
    assert ran[-2].outputs[0]["text"] == "a" * 50_000 + "\n"
    assert [p.name for p in out.parent.iterdir()] == ["01.ipynb"]


def test_running_a_client_loads_no_charting_library_in_the_coachs_process(tmp_path):
    """The kernels draw the charts; the process that runs them (``career-workbook run``, a
    --jobs worker) imported matplotlib and pandas for a constant and a folder name, 0.5 s
    of CPU before the first kernel started."""
    store.new(tmp_path / "ana.yaml", "Ana", today=TODAY)
    code = (
        "import sys\nfrom pathlib import Path\nfrom career_workbook import batch\n"
        "ran = []\nbatch.run_notebook = lambda nb, out, params, **kw: ran.append(out.name)\n"
        f"folder = batch._run_client(Path({str(tmp_path / 'ana.yaml')!r}), "
        f"Path({str(tmp_path / 'out')!r}), [Path('01_self_assessment.ipynb')], None, False)\n"
        "batch._remove_abandoned_runs(folder / '01_self_assessment.ipynb')\n"
        "print('RAN', folder.name, ran, [m for m in ('matplotlib', 'pandas', 'numpy') "
        "if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "RAN ana ['01_self_assessment.ipynb'] []" in done.stdout


def test_run_notebook_survives_a_lost_port_race(tmp_path, monkeypatch):
    calls = _papermill_failing(monkeypatch, [DIED])
    out = batch.run_notebook(Path("nb.ipynb"), tmp_path / "client" / "01.ipynb", {})
    assert out.read_text(encoding="utf-8") == "{}" and len(calls) == 2
    assert [p.name for p in out.parent.iterdir()] == ["01.ipynb"]


def test_a_run_tidies_temporary_notebooks_a_killed_run_left(tmp_path, monkeypatch):
    """A run killed mid-notebook left ``.01.<random>.tmp.ipynb`` for ever; the next run of
    that notebook removes it (its lock file is free), never one a running run writes."""
    _papermill_failing(monkeypatch, [])
    client = tmp_path / "client"
    client.mkdir()
    killed = client / ".01.0123456789abcdef.tmp.ipynb"
    running = client / ".01.fedcba9876543210.tmp.ipynb"
    for tmp in (killed, running):
        tmp.write_text("{", encoding="utf-8")
        Path(f"{tmp}.lock").touch()
    Path(f"{running}.lock").unlink()
    with store.owning(f"{running}.lock"):  # as the running one holds it
        batch.run_notebook(Path("nb.ipynb"), client / "01.ipynb", {})
        assert sorted(p.name for p in client.iterdir()) == [
            running.name, f"{running.name}.lock", "01.ipynb"]


def test_run_refuses_unknown_or_missing_notebooks(tmp_path, tiny_notebooks):
    with pytest.raises(ValueError, match="unknown notebook '42'"):
        batch.run_clients([tmp_path], tmp_path / "out", notebooks="42",
                          notebooks_dir=tiny_notebooks)
    with pytest.raises(ValueError, match=re.escape(f"{tiny_notebooks} has no 09_progress_")):
        batch.run_clients([tmp_path], tmp_path / "out", notebooks="09",
                          notebooks_dir=tiny_notebooks)


def _fake_run(stop: BaseException, leave: str | None = None):
    """A ``run_notebook`` that makes the client's folders (as the real one does), maybe
    leaves a file there, then stops with ``stop``."""
    def run_notebook(notebook, output, parameters, **kwargs):
        (output.parent / "charts").mkdir(parents=True, exist_ok=True)
        if leave:
            (output.parent / leave).write_text("{}", encoding="utf-8")
        raise stop
    return run_notebook


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), batch._FriendlyError("kernel died")])
def test_a_stopped_client_leaves_no_empty_folder_but_keeps_any_with_files(tmp_path,
                                                                          monkeypatch, stop):
    """Before: Ctrl-C during ``run`` left empty ``runs/<client>/`` folders behind."""
    wb = tmp_path / "ana.yaml"
    store.new(wb, "Ana", today=TODAY)
    out, nbs = tmp_path / "out", [tmp_path / "01_self_assessment.ipynb"]
    monkeypatch.setattr(batch, "run_notebook", _fake_run(stop))
    with pytest.raises(type(stop)):
        batch._run_client(wb, out, nbs, TODAY, True)
    assert list(out.iterdir()) == []
    monkeypatch.setattr(batch, "run_notebook", _fake_run(stop, "01.error.ipynb"))
    with pytest.raises(type(stop)):
        batch._run_client(wb, out, nbs, TODAY, True)
    assert [p.name for p in (out / "ana").iterdir()] == ["01.error.ipynb"]  # not charts/
    (out / "ana" / "01.error.ipynb").unlink()
    monkeypatch.setattr(batch, "run_notebook", _fake_run(stop))
    with pytest.raises(type(stop)):
        batch._run_client(wb, out, nbs, TODAY, True)
    assert (out / "ana").is_dir(), "a folder that was there before the run stays"


def test_a_run_folder_that_cannot_be_written_is_named_not_the_workbook(tmp_path,
                                                                      tiny_notebooks):
    store.new(tmp_path / "ana.yaml", "Ana", today=TODAY)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ana").write_text("a file where the client's folder goes", encoding="utf-8")
    report = batch.run_clients([tmp_path / "ana.yaml"], out, notebooks="01",
                               notebooks_dir=tiny_notebooks, today=TODAY)
    assert report.failed == [(tmp_path / "ana.yaml", f"cannot write to {out / 'ana'}: File "
                                                     "exists")]
    assert report.unwritten == {tmp_path / "ana.yaml"}


# ----------------------------------------------------------------------------------------
# pack
# ----------------------------------------------------------------------------------------
def _workspace(tmp_path: Path, copies: int = 1, broken: bool = True,
               examples: tuple[str, ...] = ()) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        if examples and path.stem not in examples:
            continue
        for i in range(copies):
            shutil.copy(path, ws / (path.name if i == 0 else f"{path.stem}_{i}.yaml"))
    if broken:
        (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return ws


def _complete_pack(folder: Path) -> bool:
    charts = list((folder / "charts").glob("*.png"))
    return ((folder / "review.pdf").stat().st_size > 0
            and (folder / "review.html").stat().st_size > 0 and len(charts) >= 5)


@pytest.mark.slow
def test_pack_builds_good_clients_in_parallel_and_reports_the_broken_one(tmp_path):
    stems = ["mei_career_changer", "tomas_nurse"]
    ws = _workspace(tmp_path, examples=tuple(stems))
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(EXAMPLES / "mei_career_changer.yaml", other)  # same stem as one in ws
    report = batch.pack_clients([ws, other / "mei_career_changer.yaml"], tmp_path / "out",
                                today=TODAY, jobs=2)
    assert sorted(p.name for p in report.done) == stems, report.details
    assert all(_complete_pack(p) for p in report.done)
    failed = dict((p.name, m) for p, m in report.failed)
    assert failed["broken.yaml"].startswith("goal 1 (“x”), deadline = '2027-13-01'")
    assert f"the same folder 'mei_career_changer' as {ws / 'mei_career_changer.yaml'}" \
        in failed["mei_career_changer.yaml"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == stems


# ----------------------------------------------------------------------------------------
# Ctrl-C: stop cleanly, leave nothing half-written
# ----------------------------------------------------------------------------------------
def _cli(*args: str, **kwargs) -> subprocess.Popen:
    """The CLI as a terminal starts it: Ctrl-C (SIGINT) not ignored, even when this test
    run was started in the background (``cmd &`` in a script ignores SIGINT, children
    inherit that, and Python then raises no KeyboardInterrupt)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1", **kwargs.pop("env", {}))
    return subprocess.Popen([sys.executable, "-m", "career_workbook.cli", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, preexec_fn=_sigint_default, **kwargs)


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(predicate, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for the command to start")
        time.sleep(0.05)


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith((".tmp", ".old"))
            or ".tmp" in p.name]


# A worker's task in which the Ctrl-C arrives while a weakref callback runs (matplotlib's
# transforms drop their children that way): Python cannot raise it there.
_CTRL_C_IN_A_CALLBACK = """
import time, weakref
from career_workbook import batch

class Child:
    pass

def task(_):
    child = Child()
    kept = weakref.ref(child, lambda _: batch._worker_sigint(2, None))  # it lands here
    del child
    time.sleep(5)  # the interrupt must reach the task, not vanish
    return f"finished, {kept} kept"

batch._worker_init()
try:
    print(batch._worker_call(task, None))
except KeyboardInterrupt:
    print("interrupted")
"""


def test_a_ctrl_c_that_lands_in_a_callback_interrupts_the_task_without_a_traceback():
    """CI saw "Exception ignored in: <function TransformNode.set_children...> Traceback"
    under ``pack``'s "interrupted" line: the worker's Ctrl-C had come while matplotlib's
    weakref callback ran, was printed there, and the task went on."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _CTRL_C_IN_A_CALLBACK], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "interrupted", done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert time.monotonic() - started < 4  # not after the task's 5 s


@pytest.mark.slow
@pytest.mark.parametrize("how", ["kill-INT", "ctrl-c", "ctrl-c twice"])
def test_interrupted_pack_leaves_only_complete_packs(tmp_path, how):
    """Ctrl-C twice: ``timeout -s INT`` signals the command and then its whole group, and
    people press twice; the second one cut short the wait for the workers' clean-up, and
    ``.tmp-*`` folders stayed."""
    ws = _workspace(tmp_path, copies=3, broken=False)
    out = tmp_path / "out"
    proc = _cli("pack", "--all", str(ws), "--out", str(out), "--jobs", "2",
                "--today", "2026-11-22", start_new_session=True)
    _wait_for(lambda: out.is_dir() and any(p.name.startswith(".tmp-") for p in out.iterdir()))
    if how == "kill-INT":
        proc.send_signal(signal.SIGINT)
    else:  # a terminal's Ctrl-C reaches every process of the group
        os.killpg(proc.pid, signal.SIGINT)
    if how == "ctrl-c twice":
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    # a Ctrl-C that comes as Python exits ends it by the signal: a shell says 130 too
    assert proc.returncode in (130, -signal.SIGINT), stdout + stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert _leftovers(out) == []
    packs = list(out.iterdir())
    assert len(packs) < 12
    assert all(_complete_pack(p) for p in packs)


def _kernels_with(marker: str) -> list:
    import psutil

    found = []
    for proc in psutil.process_iter(["pid"]):
        try:
            if proc.environ().get("CW_TEST_MARK") == marker:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


@pytest.mark.slow
def test_interrupted_run_leaves_no_notebook_and_no_kernel(tmp_path, tiny_notebooks):
    store.new(tmp_path / "ana.yaml", "Ana", today=TODAY)
    out = tmp_path / "out"
    marker = uuid.uuid4().hex
    proc = _cli("run", str(tmp_path / "ana.yaml"), "--out", str(out), "--notebooks", "03",
                "--notebooks-dir", str(tiny_notebooks), "--jobs", "1",
                env={"CW_TEST_MARK": marker})
    _wait_for(lambda: out.is_dir() and any(".tmp" in p.name for p in out.rglob("*"))
              and len(_kernels_with(marker)) > 1)
    time.sleep(1.0)  # the kernel is running the slow cell now
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stdout + stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert "[IPKernelApp]" not in stderr  # the kernel's log noise stays out of the terminal
    assert list(out.rglob("*")) == []  # not even the client's empty folder
    _wait_for(lambda: not _kernels_with(marker), timeout=30)


@pytest.mark.parametrize("name", ["career_workbook.batch", "career_workbook.caseload",
                                  "career_workbook.cli", "career_workbook.workspace"])
def test_doctests(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name),
                             optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_a_full_disk_while_a_notebook_is_written_names_the_output_folder(tmp_path,
                                                                         monkeypatch):
    """papermill writing the run's notebook on a full disk: ``run`` said ``FAILED kim.yaml:
    OSError: [Errno 28] No space left on device`` and sent the coach to ``validate`` the
    workbook; ``pack`` says which folder and what to do, and so does ``run`` now."""
    import errno

    def full(notebook, output, **kwargs):
        Path(output).write_bytes(b"{")  # the start of a notebook, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch, "execute", full)
    out = tmp_path / "runs" / "kim" / "01_self_assessment.ipynb"
    with pytest.raises(store.OutputError) as err:
        batch.run_notebook(ROOT / "notebooks" / "01_self_assessment.ipynb", out, {})
    assert str(err.value) == (f"cannot write to {out.parent}: No space left on device — "
                              "free some space on that disk")
    assert list(out.parent.iterdir()) == []  # nothing half-written
    assert batch.client_message(err.value).startswith("cannot write to")
