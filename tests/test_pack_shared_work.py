"""A review pack does the analysis its charts and its pages share once per client (issue
15: the default pack's CPU against its floor): the goals' progress made for the progress
chart gives the next actions their late and behind goals, and each goal is scored once
for the scorecard chart, the goals page and the next actions. The pack's files stay the
same bytes (the PDF's pages: ``tests/test_pdf_replay.py``); nothing is kept for the next
client.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from career_workbook import analysis
from career_workbook.analysis import progress, scorecard, smart
from career_workbook.export.pack import render_pack

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = date(2026, 11, 22)


def _count(monkeypatch, modules, name: str, calls: Counter) -> None:
    real = getattr(modules[0], name)

    def counted(*args, **kwargs):
        calls[name] += 1
        return real(*args, **kwargs)

    for module in modules:
        monkeypatch.setattr(module, name, counted)


@pytest.fixture(scope="module")
def packed_once():
    """The pack's files and the calls made while it was rendered (its own monkeypatch: a
    module fixture)."""
    calls: Counter = Counter()
    with pytest.MonkeyPatch.context() as mp:
        _count(mp, (analysis, progress), "goal_progress_frame", calls)
        _count(mp, (smart,), "score_goal", calls)
        files = render_pack(EXAMPLE.read_bytes(), str(EXAMPLE), today=TODAY,
                            formats=("pdf", "html"))
    return files, calls


def test_the_goals_progress_is_made_once_for_the_chart_and_the_next_actions(packed_once):
    files, calls = packed_once
    assert calls["goal_progress_frame"] == 1
    assert b"Next actions" in files["review.html"]


def test_each_goal_is_scored_once_for_the_scorecard_the_goals_page_and_next_actions(
        packed_once):
    from career_workbook import store

    wb = store.load(EXAMPLE, clean=False)
    scored = [g for g in wb.goals if g.status != "dropped"]
    assert scored
    # the scorecard (the workbook as of the day), the goals page and the next actions
    # (the workbook) score the same goals: once each, and again only where the day's
    # workbook gives a goal other inputs (another goal done after the day)
    assert len(scored) <= packed_once[1]["score_goal"] < 2 * len(scored)


def test_scores_are_not_kept_after_the_pack(packed_once):
    assert scorecard._SHARED_SCORES.get() is None


def test_a_caseload_packed_in_one_process_leaves_its_modules_out_of_full_collections(
        tmp_path, monkeypatch):
    """``pack --jobs 1``: the process's imported modules (matplotlib, pandas, the catalog,
    the pack's own, imported before the first client) are frozen out of the garbage
    collector's passes while the clients are packed, and given back afterwards; what each
    client makes is still collected. The files are the same bytes as a pack made outside
    that block."""
    import gc
    import sys

    from career_workbook import batch
    from career_workbook.export import pack

    frozen: list[tuple[int, bool]] = []
    real = pack.render_pack

    def render(*args, **kwargs):
        frozen.append((gc.get_freeze_count(), "matplotlib.backends.backend_pdf" in sys.modules))
        return real(*args, **kwargs)

    monkeypatch.setattr(pack, "render_pack", render)
    host_froze = gc.get_freeze_count() > 0  # (something earlier in this test process did)
    gc.unfreeze()
    try:
        report = batch.pack_clients([EXAMPLE, EXAMPLE.with_name("tomas_nurse.yaml")],
                                    tmp_path / "out", today=TODAY)
        after = gc.get_freeze_count()
    finally:
        if host_froze:
            gc.freeze()
    assert report.ok and len(frozen) == 2
    assert all(count > 10_000 and pdf_imported for count, pdf_imported in frozen), frozen
    assert after == 0  # given back
    alone = real(EXAMPLE.read_bytes(), str(EXAMPLE), today=TODAY)
    folder = tmp_path / "out" / EXAMPLE.stem
    assert {rel: (folder / rel).read_bytes() for rel in alone} == alone
