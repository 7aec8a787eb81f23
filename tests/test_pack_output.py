"""The pack folder is shared with the coach: a re-pack replaces only the pack's own files,
rebuilds a pack whose files went missing, and blames an unwritable folder on the folder."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from career_workbook import batch, charts, cli
from career_workbook.export import pack as pack_module
from career_workbook.export.pack import build_pack, update_pack
from career_workbook.store import OutputError
from tests.test_export import small_workbook

TODAY = date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[1]


def _coach_files(pack: Path) -> dict[str, str]:
    """Put the coach's own files in ``pack``: notes, a folder, a picture beside the charts."""
    files = {"coach_notes.txt": "my notes", "sessions/2026-11.txt": "call went well",
             "charts/whiteboard.png": "my photo, not a chart"}
    for rel, text in files.items():
        (pack / rel).parent.mkdir(parents=True, exist_ok=True)
        (pack / rel).write_text(text, encoding="utf-8")
    (pack / "empty folder").mkdir()
    return files


def _change(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Book the exam", "Book the exam today"), encoding="utf-8")


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith((".tmp-", ".old-"))]


def test_repacking_keeps_the_coachs_own_files(tmp_path):
    """Before: a changed workbook's re-pack replaced the whole folder: the notes were gone."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    pack = build_pack(wb_path, out, today=TODAY, formats=("html", "png"))
    mine = _coach_files(pack)
    _change(wb_path)
    assert update_pack(wb_path, out, today=TODAY, formats=("html", "png"))[1]
    assert {rel: (pack / rel).read_text(encoding="utf-8") for rel in mine} == mine
    assert (pack / "empty folder").is_dir()
    assert "Book the exam today" in (pack / "review.html").read_text(encoding="utf-8")
    assert _leftovers(out) == []


def test_fewer_formats_remove_only_the_packs_files_and_say_so(tmp_path, capsys):
    """Before: ``--formats svg`` after a full pack silently left only the SVG charts (and
    removed the coach's notes); now the pack's PDF, HTML and PNGs go, with a line saying
    so, and the coach's files stay."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    args = ["pack", str(wb_path), "--out", str(out), "--jobs", "1", "--today", "2026-11-22"]
    assert cli.main(args) == 0
    mine = _coach_files(out / "sam")
    capsys.readouterr()
    assert cli.main([*args, "--formats", "svg"]) == 0
    said = capsys.readouterr().out
    assert ("Removed review.pdf, review.html and the PNG charts from the last pack: not "
            "asked for (--formats svg)") in said
    pack = out / "sam"
    assert sorted(p.name for p in pack.iterdir()) == [
        ".fingerprint", "charts", "coach_notes.txt", "empty folder", "sessions"]
    assert sorted(p.name for p in (pack / "charts").iterdir()) == sorted(
        [f"{slug}.svg" for slug in charts.CHARTS] + ["whiteboard.png"])
    assert all((pack / rel).read_text(encoding="utf-8") == text for rel, text in mine.items())
    assert cli.main([*args, "--formats", "svg"]) == 0
    assert "Removed" not in capsys.readouterr().out, "nothing removed: nothing said"


@pytest.mark.parametrize("damage", ["delete review.pdf", "delete a chart", "cut review.html"])
def test_a_deleted_or_cut_pack_file_is_rebuilt(tmp_path, count_builds, damage):
    """Before: "1 unchanged, kept as they were" and the PDF stayed missing."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    pack = build_pack(wb_path, out, today=TODAY)
    assert not update_pack(wb_path, out, today=TODAY)[1], "an intact pack is kept"
    victim = {"delete review.pdf": pack / "review.pdf",
              "delete a chart": pack / "charts" / "network.png",
              "cut review.html": pack / "review.html"}[damage]
    size = victim.stat().st_size
    if damage.startswith("cut"):
        os.truncate(victim, size // 2)
    else:
        victim.unlink()
    assert update_pack(wb_path, out, today=TODAY)[1]
    assert victim.stat().st_size == size
    assert count_builds == ["sam", "sam"]


def test_a_failed_swap_leaves_the_last_pack_and_the_coachs_files(tmp_path, monkeypatch):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    pack = build_pack(wb_path, out, today=TODAY, formats=("html",))
    mine = _coach_files(pack)
    before = (pack / "review.html").read_bytes()

    def interrupted(tmp, final):
        raise KeyboardInterrupt

    monkeypatch.setattr(pack_module, "_swap_into_place", interrupted)
    _change(wb_path)
    with pytest.raises(KeyboardInterrupt):
        update_pack(wb_path, out, today=TODAY, formats=("html",))
    assert (pack / "review.html").read_bytes() == before
    assert all((pack / rel).read_text(encoding="utf-8") == text for rel, text in mine.items())
    assert _leftovers(out) == []


def test_a_pack_left_aside_by_a_crash_is_put_back_with_the_coachs_files(tmp_path):
    """A crash between the swap's two moves leaves ``.old-sam-*`` and no ``sam``."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    pack = build_pack(wb_path, out, today=TODAY, formats=("html",))
    mine = _coach_files(pack)
    os.replace(pack, out / ".old-sam-0123abcd")
    _change(wb_path)
    update_pack(wb_path, out, today=TODAY, formats=("html",))
    assert all((pack / rel).read_text(encoding="utf-8") == text for rel, text in mine.items())
    assert _leftovers(out) == []


def test_a_coach_file_with_a_pack_files_name_is_never_overwritten(tmp_path):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    pack = build_pack(wb_path, out, today=TODAY, formats=("html",))
    (pack / "review.pdf").write_text("the coach's own PDF", encoding="utf-8")
    with pytest.raises(OutputError, match="review.pdf is not from a pack"):
        update_pack(wb_path, out, today=TODAY, formats=("html", "pdf"))
    assert (pack / "review.pdf").read_text(encoding="utf-8") == "the coach's own PDF"
    assert _leftovers(out) == []


def test_an_unwritable_pack_folder_is_named_not_the_workbook(tmp_path, monkeypatch, capsys):
    """Before: "FAILED sam.yaml: PermissionError: ... -> '.../.old-...'" and "check them
    with `career-workbook validate FILE`", as if the workbook were wrong."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    build_pack(wb_path, out, today=TODAY, formats=("html",))
    _change(wb_path)

    def refuse(src, dst):
        raise PermissionError(errno.EPERM, "Operation not permitted", str(src), str(dst))

    monkeypatch.setattr(pack_module.os, "replace", refuse)
    code = cli.main(["pack", str(wb_path), "--out", str(out), "--jobs", "1",
                     "--today", "2026-11-22", "--formats", "html"])
    said = capsys.readouterr().out
    assert code == 1
    assert (f"FAILED sam.yaml: cannot write to {out / 'sam'}: Operation not permitted — "
            "check the folder's permissions") in said
    assert "validate" not in said and "Fix the output folder(s) named above" in said
    report = pack_module.build_packs([wb_path], out, today=TODAY, formats=("html",))
    assert report.failed[0][1].startswith(f"cannot write to {out / 'sam'}: ")


def test_the_advice_matches_what_failed():
    workbook = batch.BatchReport("Packed", Path("out"))
    workbook.add(Path("a.yaml"), None, ValueError("bad"))
    folder = batch.BatchReport("Packed", Path("out"))
    folder.add(Path("b.yaml"), None, OutputError(errno.ENOSPC, "No space left", "out/b"))
    both = batch.BatchReport("Packed", Path("out"), failed=workbook.failed + folder.failed,
                             unwritten=folder.unwritten)
    said = {}
    for name, report in {"workbook": workbook, "folder": folder, "both": both}.items():
        buf = io.StringIO()
        report.print_summary(buf)
        said[name] = buf.getvalue().splitlines()[-1]
    assert said["workbook"] == ("Fix the file(s) above (check them with `career-workbook "
                                "validate FILE`), then run again.")
    assert said["folder"] == "Fix the output folder(s) named above, then run again."
    assert said["both"] == ("Fix the file(s) above (check them with `career-workbook "
                            "validate FILE`) and the output folder(s) named above, then run "
                            "again.")
    assert folder.failed[0][1] == ("cannot write to out/b: No space left — free some space "
                                   "on that disk")


def _hold(lock: Path, ready: Path) -> subprocess.Popen:
    """Another process holding ``lock`` as a running build does (until it is stopped)."""
    code = ("import sys, time\nfrom pathlib import Path\nfrom career_workbook import store\n"
            "with store.owning(sys.argv[1]):\n    Path(sys.argv[2]).touch()\n"
            "    time.sleep(120)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(lock), str(ready)],
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    end = time.monotonic() + 60
    while not ready.exists():
        assert proc.poll() is None and time.monotonic() < end, "the holder did not start"
        time.sleep(0.05)
    return proc


def test_a_later_pack_tidies_what_a_killed_one_left_and_never_a_running_ones(tmp_path):
    """Red team: packs interrupted or killed left ``.tmp-<client>-*`` folders that a later
    pack removed only for the client it rebuilt, and only an hour later. A build holds a
    lock file beside its folder: whatever no running process holds goes at the next pack,
    of any client; what a running build is writing stays."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    out.mkdir()
    killed = out / ".tmp-kim-0a1b2c3d"  # its build was killed: its lock file is free
    killed.mkdir()
    (killed / "review.html").write_text("half", encoding="utf-8")
    (out / ".tmp-kim-0a1b2c3d.lock").touch()
    (out / ".tmp-lee-5e6f7a8b.lock").touch()  # killed before it made its folder
    running = out / ".tmp-ana-9c8d7e6f"
    running.mkdir()
    holder = _hold(out / ".tmp-ana-9c8d7e6f.lock", tmp_path / "ready")
    try:
        report = batch.pack_clients([wb_path], out, today=TODAY, formats=("html",))
        assert report.ok, report.failed
        assert sorted(p.name for p in out.iterdir()) == [
            ".tmp-ana-9c8d7e6f", ".tmp-ana-9c8d7e6f.lock", "sam"]
    finally:
        holder.kill()
        holder.wait()
    pack_module.remove_leftovers(out)  # the holder has gone: its folder is a leftover now
    assert sorted(p.name for p in out.iterdir()) == ["sam"]


def test_folders_with_no_lock_file_go_once_an_hour_old(tmp_path):
    """An earlier version's temporary folders have no lock file: kept while they may still
    be written (less than an hour old), removed after."""
    out = tmp_path / "out"
    out.mkdir()
    new, old = out / ".tmp-kim-0a1b2c3d", out / ".tmp-lee-5e6f7a8b"
    new.mkdir()
    old.mkdir()
    an_hour_ago = time.time() - pack_module.STALE_SECONDS - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    pack_module.remove_leftovers(out)
    assert sorted(p.name for p in out.iterdir()) == [new.name]


def test_a_pack_a_killed_build_moved_aside_is_put_back(tmp_path):
    """Killed between the swap's two moves: ``.old-sam-<random>`` and no ``sam``; its lock
    is free, so the next pack of any client puts it back."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    pack = build_pack(wb_path, out, today=TODAY, formats=("html",))
    mine = _coach_files(pack)
    os.replace(pack, out / ".old-sam-0123abcd")
    (out / ".tmp-sam-0123abcd.lock").touch()
    pack_module.remove_leftovers(out)
    assert sorted(p.name for p in out.iterdir()) == ["sam"]
    assert all((pack / rel).read_text(encoding="utf-8") == text for rel, text in mine.items())


def test_a_ctrl_c_as_the_build_folder_is_made_leaves_no_temporary_folder(tmp_path, monkeypatch):
    """A Ctrl-C between making ``.tmp-<name>-<random>`` and the clean-up that removes it on
    failure left it behind (a suite run under load saw one after ``pack`` was interrupted)."""
    import signal

    made = pack_module._build_folder

    def made_then_ctrl_c(*args):
        folder = made(*args)
        signal.raise_signal(signal.SIGINT)  # as if the worker's Ctrl-C came just now
        return folder

    monkeypatch.setattr(pack_module, "_build_folder", made_then_ctrl_c)
    out = tmp_path / "out"
    # Ctrl-C as a terminal sets it (a test run started in a script's background ignores it)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            pack_module._build_into(out, "alex", lambda: {"a.txt": b"x"}, None)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert sorted(p.name for p in out.iterdir()) == []
