"""Several processes and threads editing one workbook at once never lose an update."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store

PROCESSES = 3
EDITS = 50


def _append_many(path: str, worker: str, count: int, barrier: object) -> None:
    """Worker (also run in spawned processes): ``count`` separate read-modify-write edits."""
    barrier.wait(timeout=120)  # type: ignore[attr-defined]
    for i in range(count):
        with cw.edit(path) as wb:
            wb.check_ins.append(cw.CheckIn(date=date(2026, 1, 1), note=f"{worker}-{i}"))


def _notes(path: Path) -> list[str]:
    return [c.note for c in cw.load(path).check_ins]


@pytest.mark.slow
def test_processes_editing_together_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    store.new(path, "Alex Doe")
    ctx = multiprocessing.get_context("spawn")  # no fork of a (possibly threaded) test runner
    barrier = ctx.Barrier(PROCESSES)
    procs = [
        ctx.Process(target=_append_many, args=(str(path), f"p{k}", EDITS, barrier))
        for k in range(PROCESSES)
    ]
    started = time.perf_counter()
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=300)
    elapsed = time.perf_counter() - started

    assert [proc.exitcode for proc in procs] == [0] * PROCESSES
    notes = _notes(path)
    expected = {f"p{k}-{i}" for k in range(PROCESSES) for i in range(EDITS)}
    lost = expected - set(notes)
    print(
        f"\nconcurrency: {PROCESSES} processes x {EDITS} edits in {elapsed:.1f} s -> "
        f"{len(notes)} new entries, {len(lost)} lost"
    )
    assert len(notes) == PROCESSES * EDITS
    assert not lost
    for k in range(PROCESSES):  # each process's own edits stay in its order
        mine = [n for n in notes if n.startswith(f"p{k}-")]
        assert mine == [f"p{k}-{i}" for i in range(EDITS)]


@pytest.mark.slow
def test_threads_editing_together_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    store.new(path, "Alex Doe")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            _append_many(str(path), name, EDITS, barrier)
        except BaseException as err:  # pragma: no cover - reported by the assert below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(f"t{k}",)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    notes = _notes(path)
    print(f"\nconcurrency: 2 threads x {EDITS} edits -> {len(notes)} new entries")
    assert sorted(notes) == sorted(f"t{k}-{i}" for k in range(2) for i in range(EDITS))


_TRY_SAVE = """
import sys
sys.path.insert(0, {root!r})
import career_workbook as cw
from career_workbook import store
store.LOCK_TIMEOUT = 0.3
wb = cw.load({path!r})
wb.strengths.append("from the other process")
try:
    cw.save(wb, {path!r})
except cw.WorkbookError as err:
    print("refused:", err)
else:
    print("saved")
"""


@pytest.mark.slow
def test_lock_holds_off_another_process_until_released(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    store.new(path, "Alex Doe")
    root = str(Path(__file__).resolve().parents[1])
    script = _TRY_SAVE.format(root=root, path=str(path))

    def other() -> str:
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()

    with cw.edit(path) as wb:
        wb.strengths.append("mine")
        while_held = other()
    after = other()

    assert while_held.startswith("refused:")
    assert "another program has been saving this workbook" in while_held
    assert str(path) in while_held
    assert after == "saved"
    assert cw.load(path).strengths == ["mine", "from the other process"]


def test_second_thread_waits_for_the_first_edit(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    store.new(path, "Alex Doe")
    inside, order = threading.Event(), []

    def later() -> None:
        inside.wait(timeout=30)
        with cw.edit(path) as wb:  # blocks until the main thread's edit is saved
            order.append(list(wb.strengths))
            wb.strengths.append("second")

    thread = threading.Thread(target=later)
    thread.start()
    with cw.edit(path) as wb:
        inside.set()
        time.sleep(0.2)
        wb.strengths.append("first")
        order.append("main edited")
    thread.join(timeout=30)
    assert order == ["main edited", ["first"]]
    assert cw.load(path).strengths == ["first", "second"]


# ------------------------------------------- load, change, save: two "tabs" in code
def _two_tabs(tmp_path: Path) -> tuple[Path, cw.Workbook, cw.Workbook]:
    path = tmp_path / "tab.yaml"
    cw.save(cw.new_workbook("Tab Test"), path)
    return path, cw.load(path), cw.load(path)


def test_a_stale_workbook_is_not_saved_over_a_change_made_since(tmp_path: Path) -> None:
    # cw.load twice, save from each: the second save silently dropped the first change
    path, tab1, tab2 = _two_tabs(tmp_path)
    tab1.strengths.append("From tab 1")
    cw.save(tab1, path)
    before, versions = path.read_bytes(), len(cw.history(path))
    tab2.weaknesses.append("From tab 2")
    with pytest.raises(cw.WorkbookChangedError, match=r"tab\.yaml: the file changed since"):
        cw.save(tab2, path)
    assert path.read_bytes() == before and len(cw.history(path)) == versions
    assert cw.load(path).strengths == ["From tab 1"]
    assert isinstance(store.WorkbookChangedError("x"), cw.WorkbookError)  # caught as before


def test_the_workbook_that_saved_last_saves_again(tmp_path: Path) -> None:
    path, tab1, _ = _two_tabs(tmp_path)
    for text in ("one", "two", "three"):
        tab1.strengths.append(text)
        cw.save(tab1, path)
    assert cw.load(path).strengths == ["one", "two", "three"]


def test_edit_and_reload_are_the_ways_through_and_force_replaces(tmp_path: Path) -> None:
    path, tab1, tab2 = _two_tabs(tmp_path)
    with cw.edit(path) as wb:  # another program's change
        wb.strengths.append("Edited")
    tab1.weaknesses.append("Stale")
    with pytest.raises(cw.WorkbookChangedError):
        cw.save(tab1, path)
    fresh = cw.load(path)  # load again, change, save: both kept
    fresh.weaknesses.append("Fresh")
    cw.save(fresh, path)
    assert (cw.load(path).strengths, cw.load(path).weaknesses) == (["Edited"], ["Fresh"])
    tab2.values.append(cw.Value(name="Forced", importance=5))
    cw.save(tab2, path, force=True)  # replaces it; the replaced version is in the history
    assert cw.load(path).strengths == []
    assert cw.load(cw.history(path)[0].path).weaknesses == ["Fresh"]


def test_saving_elsewhere_or_the_same_content_is_not_refused(tmp_path: Path) -> None:
    path, tab1, tab2 = _two_tabs(tmp_path)
    tab1.strengths.append("Kept")
    cw.save(tab1, path)
    tab2.strengths.append("Kept")  # now what the file holds: nothing to write, nothing lost
    cw.save(tab2, path)
    tab3 = cw.load(path)
    tab1.weaknesses.append("Mine")
    cw.save(tab1, path)
    cw.save(tab3, tmp_path / "copy.yaml")  # save as: another file
    path.unlink()  # deleted since: saving writes it again
    cw.save(tab1, path)
    assert (cw.load(path).strengths, cw.load(path).weaknesses) == (["Kept"], ["Mine"])
    assert cw.load(tmp_path / "copy.yaml").weaknesses == []
