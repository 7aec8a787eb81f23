"""Hostile workbook files, through every reader: ``load``, ``validate``, ``pack``, ``cohort``.

Each file is refused with a one-line message naming it (and what is wrong), quickly and
without eating memory; beside it, a good workbook is still processed, and the command
exits 1. ``load`` reads the usual plain YAML with a fast reader and anything unusual with
the full safe loader: the suite runs through both.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import cli, store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "workbooks"
GOOD = EXAMPLES / "jordan_engineer.yaml"

_LAUGHS = b"a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + b"".join(
    b"a%d: &a%d [%s]\n" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 10)) for i in range(1, 10)
) + b"person: {name: Sam}\n"

HOSTILE: dict[str, tuple[bytes | None, str]] = {
    # name: (content, or None when made specially; part of the expected message)
    "billion_laughs": (_LAUGHS, "anchors and aliases (&name / *name) are not supported"),
    "scalar_alias": (b"person: {name: Sam, coach: &t " + b"x" * 19_000 + b"}\n"
                     b"strengths: [" + b", ".join([b"*t"] * 3000) + b"]\n",
                     "anchors and aliases"),
    "mapping_alias": (b"person: &p {name: Sam}\nextra: *p\n", "anchors and aliases"),
    "fifty_mb": (None, "a workbook may be at most 20 MB"),
    "deep_flow": (b"person: {name: Sam}\nstrengths: " + b"[" * 100_000 + b"]" * 100_000,
                  "nested too deeply"),
    "deep_block": (b"person: {name: Sam}\nstrengths:\n" + b"- " * 100_000 + b"x\n",
                   "nested too deeply"),
    "binary": (bytes(range(256)) * 64, "not UTF-8 text"),
    "nul_bytes": (b"person: {name: Sam}\x00\x00\n", "line 1 holds zero bytes (NUL)"),
    "utf16": ("person: {name: Sam}\n".encode("utf-16"), "UTF-16"),
    "duplicate_keys": (b"person: {name: Sam}\nperson: {name: Eve}\n", "duplicate key 'person'"),
    "python_tag": (b"person: !!python/object/apply:os.system ['touch hacked']\n",
                   "unsupported YAML tag '!!python/object/apply:os.system'"),
    "custom_tag": (b"person: !person {name: Sam}\n", "unsupported YAML tag '!person'"),
    "huge_int": (b"person: {name: Sam}\nvalues: [{name: x, importance: "
                 + b"7" * 5000 + b"}]\n", "a number with 5,000 digits is too long"),
    "huge_float": (b"person: {name: Sam}\nvalues: [{name: x, importance: 1e400}]\n",
                   "importance"),
    "two_documents": (b"person: {name: Sam}\n---\nperson: {name: Eve}\n",
                      "more than one YAML document (another starts at line 2"),
    "fifo": (None, "named pipe (FIFO)"),
    "tab_indent": (b"person:\n  name: Sam\nstrengths:\n\t- Listening\n",
                   "the file uses a tab to indent line 4; indent with spaces"),
    "number_for_text": (b"person: {name: Sam}\ncheck_ins:\n- date: 2026-01-05\n  note: 12:30\n",
                        "YAML reads a bare 12:30 as the number 750: write it in quotes, "
                        "note: '12:30'"),
}


def _in_time(fn, seconds: float = 120):
    """``fn()``'s result or exception; fails (instead of hanging) if it blocks, e.g. on a FIFO."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as err:  # noqa: BLE001 - re-raised below
            box["error"] = err

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked?)"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]


def _make(folder: Path, name: str) -> Path:
    content, _ = HOSTILE[name]
    path = folder / f"{name}.yaml"
    if name == "fifty_mb":
        with open(path, "wb") as handle:
            handle.truncate(50 * 2**20)  # sparse: no real disk used
    elif name == "fifo":
        os.mkfifo(path)
    else:
        assert content is not None
        path.write_bytes(content)
    return path


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request, tmp_path) -> tuple[str, Path]:
    if request.param == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX")
    return request.param, _make(tmp_path, request.param)


def _full_loader_only(text: str):
    raise store._Unusual("switched off for the test")


@pytest.mark.parametrize("reader", ["fast reader first", "full loader only"])
def test_load_refuses_each_hostile_file_quickly_naming_it(hostile, monkeypatch, tmp_path,
                                                          reader):
    name, path = hostile
    monkeypatch.chdir(tmp_path)
    if reader == "full loader only":
        monkeypatch.setattr(store, "_fast_yaml", _full_loader_only)
    started = time.perf_counter()
    with pytest.raises(cw.WorkbookError) as info:
        _in_time(lambda: cw.load(path), 30)
    assert time.perf_counter() - started < 5
    message = str(info.value)
    assert message.startswith(f"{path}: ") and HOSTILE[name][1] in message
    assert len(message) < 400
    assert not (tmp_path / "hacked").exists()


@pytest.mark.parametrize("name", sorted(n for n, (content, _) in HOSTILE.items() if content))
def test_the_fast_reader_never_accepts_what_the_full_loader_refuses(name):
    """It hands them to the full loader (which writes the message), or reads the same data."""
    content = HOSTILE[name][0]
    assert content is not None
    text = content.decode("utf-8", "replace")
    try:
        full = store._parse(text, "x.yaml")
    except cw.WorkbookError:
        with pytest.raises(store._Unusual):
            store._fast_yaml(text)
    else:
        assert store._fast_yaml(text) == full


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """One folder: every hostile file beside one good workbook."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(GOOD, folder / GOOD.name)
    for name in HOSTILE:
        if name == "fifo" and not hasattr(os, "mkfifo"):
            continue
        _make(folder, name)
    return folder


def _hostile_names(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml") if p.name != GOOD.name)


def test_validate_names_every_hostile_file_and_checks_the_good_one(workspace, capsys):
    assert _in_time(lambda: cli.main(["validate", str(workspace)])) == 1
    out = capsys.readouterr().out
    assert f"{workspace / GOOD.name}: ok" in out
    for name in _hostile_names(workspace):
        assert f"{workspace / name}.yaml: 1 problem(s)" in out
        assert HOSTILE[name][1] in out.split(f"{workspace / name}.yaml: 1 problem(s)")[1]
    assert f"{len(HOSTILE)} of {len(HOSTILE) + 1} file(s) have problems" in out


@pytest.mark.slow
def test_pack_all_builds_the_good_pack_and_names_every_hostile_file(workspace, tmp_path,
                                                                      capsys):
    out_dir = tmp_path / "packs"
    code = _in_time(lambda: cli.main([
        "pack", "--all", str(workspace), "--out", str(out_dir), "--jobs", "1", "--formats",
        "pdf,png", "--today", "2026-11-22"]), 300)
    out = capsys.readouterr().out
    assert code == 1
    assert (out_dir / GOOD.stem / "review.pdf").is_file()
    assert f"Packed 1 of {len(HOSTILE) + 1} client(s)" in out
    for name in _hostile_names(workspace):
        line = next(x for x in out.splitlines() if x.startswith(f"FAILED {name}.yaml: "))
        assert HOSTILE[name][1] in line
        assert not (out_dir / name).exists()
    assert sorted(p.name for p in out_dir.iterdir()) == [GOOD.stem]


def test_cohort_summarises_the_good_one_and_names_every_hostile_file(workspace, tmp_path,
                                                                      capsys):
    csv_file = tmp_path / "cohort.csv"
    code = _in_time(lambda: cli.main([
        "cohort", str(workspace), "--out", str(csv_file), "--jobs", "1", "--no-charts",
        "--today", "2026-11-22"]))
    out = capsys.readouterr().out
    assert code == 1
    assert f"{len(HOSTILE) + 1} client(s), 1 summarised" in out
    text = csv_file.read_text(encoding="utf-8")
    assert f"\n{GOOD.stem}," in text
    for name in _hostile_names(workspace):
        line = next(x for x in out.splitlines()  # the file name, as pack says it
                    if x.startswith(f"FAILED {name}.yaml: "))
        assert HOSTILE[name][1] in line
