"""Retention by age (issue 11 item 9): a pure rule, tested with fake timestamps."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook.versions import versions_to_keep

NOW = datetime(2026, 12, 3, 12, 30, tzinfo=UTC)


def _kept(saved, now=NOW):
    return [t for t, k in zip(saved, versions_to_keep(saved, now), strict=True) if k]


def test_everything_from_the_last_hour_is_kept():
    saved = [NOW - timedelta(seconds=s) for s in range(0, 3600, 7)]
    assert _kept(saved) == saved


def test_one_per_hour_for_a_day_the_newest_of_each():
    saved = [NOW - timedelta(hours=2, minutes=m) for m in range(0, 600, 5)]  # ~10 hours
    kept = _kept(saved)
    hours = Counter((t.date(), t.hour) for t in saved)
    assert len(kept) == len(hours)
    for t in kept:
        same_hour = [u for u in saved if (u.date(), u.hour) == (t.date(), t.hour)]
        assert t == max(same_hour)


def test_one_per_day_for_a_month_then_one_per_month():
    saved = [NOW - timedelta(days=d, hours=h) for d in range(2, 400) for h in (1, 7, 13)]
    kept = _kept(saved)
    daily = [t for t in kept if NOW - t < timedelta(days=31)]
    monthly = [t for t in kept if NOW - t >= timedelta(days=31)]
    assert len(daily) == len({t.date() for t in daily}) >= 28
    assert len(monthly) == len({(t.year, t.month) for t in monthly}) <= 14
    assert len(kept) < 50  # 1,194 saves over 13 months


def test_future_versions_are_kept_and_the_time_zone_decides_the_day():
    assert versions_to_keep([NOW + timedelta(days=3)], NOW) == [True]
    tokyo = timezone(timedelta(hours=9))
    # 14:30 and 16:30 UTC on 1 Dec: the same UTC day, different Tokyo days
    saved = [datetime(2026, 11, 20, 14, 30, tzinfo=UTC), datetime(2026, 11, 20, 16, 30,
                                                                  tzinfo=UTC)]
    assert versions_to_keep(saved, NOW) == [False, True]
    assert versions_to_keep(saved, NOW.astimezone(tokyo)) == [True, True]


ages = st.lists(st.integers(0, 3 * 365 * 24 * 3600), max_size=200)


@settings(max_examples=200, deadline=None)
@given(ages)
def test_thinning_what_was_kept_keeps_it_all(seconds):
    saved = [NOW - timedelta(seconds=s) for s in seconds]
    kept = _kept(saved)
    assert _kept(kept) == kept
    assert [t for t in saved if NOW - t < timedelta(hours=1)] == [
        t for t in kept if NOW - t < timedelta(hours=1)]
    if saved:
        assert max(saved) in kept  # the newest version is never dropped
