"""dxer.Calendar: the 2026 worked examples and the error paths."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import dxer
from conftest import ROOT

D = dt.date


def test_the_2026_worked_examples() -> None:
    cal = dxer.Calendar.azerbaijan()
    assert cal.add(D(2026, 5, 6), working_days=30) == D(2026, 6, 24)
    assert cal.add(D(2026, 5, 6), working_days=7) == D(2026, 5, 18)
    assert cal.working_days_between(D(2026, 5, 6), D(2026, 6, 24)) == 30
    assert cal.working_days_between(D(2026, 5, 6), D(2026, 5, 18)) == 7
    assert cal.working_days_between(D(2026, 5, 18), D(2026, 5, 6)) == 0


def test_working_days() -> None:
    cal = dxer.Calendar()
    assert cal.is_working_day(D(2026, 5, 6))  # a Wednesday
    assert not cal.is_working_day(D(2026, 5, 9))  # Victory Day, a Saturday ...
    assert not cal.is_working_day(D(2026, 5, 11))  # ... carried over to Monday
    assert not cal.is_working_day(D(2026, 6, 15))  # National Salvation Day
    assert not cal.is_working_day(D(2026, 5, 10))  # Sunday
    assert cal.add(D(2026, 5, 6), working_days=0) == D(2026, 5, 6)


def test_calendar_days_and_months_end_on_a_working_day() -> None:
    cal = dxer.Calendar()
    end = cal.add(D(2026, 5, 8), days=1)  # 9 May is off, 10 is Sunday, 11 carried over
    assert end == D(2026, 5, 12)
    assert cal.add(D(2026, 1, 31), months=1) == D(2026, 3, 2)  # 28 Feb is a Saturday
    with pytest.raises(ValueError, match="exactly one"):
        cal.add(D(2026, 5, 6))
    with pytest.raises(ValueError, match="exactly one"):
        cal.add(D(2026, 5, 6), working_days=1, days=1)


def test_days_off_with_reasons() -> None:
    days = dxer.Calendar().days_off(2026)
    by_date = {d["date"]: d for d in days}
    assert all(isinstance(d["date"], dt.date) for d in days)
    may11 = by_date[D(2026, 5, 11)]
    assert may11["reasons"][0]["code"] == "carry_over"
    assert may11["reasons"][0]["related_date"] == D(2026, 5, 9)
    assert may11["reasons"][0]["en"]
    assert by_date[D(2026, 1, 20)]["reasons"][0]["code"] == "mourning"
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)


def test_holidays_include_working_day_holidays() -> None:
    holidays = dxer.Calendar().holidays(2026)
    ids = {h["id"] for h in holidays}
    assert {"new_year", "novruz", "independence_day"} <= ids
    assert any(h["working_day"] for h in holidays)
    assert isinstance(dxer.Calendar().extra_working_days(2026), list)


def test_out_of_range_is_a_calendar_error_never_a_guess() -> None:
    cal = dxer.Calendar()
    first, last = cal.years
    assert first <= 2026 <= last
    with pytest.raises(dxer.CalendarError, match="outside the years with calendar data"):
        cal.is_working_day(D(2099, 1, 5))
    with pytest.raises(dxer.CalendarError):
        cal.days_off(2099)
    with pytest.raises(dxer.CalendarError):
        cal.add(D(last, 12, 1), working_days=400)


def test_from_json_and_overlay() -> None:
    text = (ROOT / "schemas" / "calendar" / "az-calendar.json").read_text("utf-8")
    cal = dxer.Calendar.from_json(text)
    assert cal.add(D(2026, 5, 6), working_days=30) == D(2026, 6, 24)
    assert cal.version == dxer.Calendar().version
    with pytest.raises(dxer.CalendarError, match="invalid calendar year data"):
        dxer.Calendar.from_json("{}")
    data = json.loads(text)
    assert isinstance(cal.with_years_from_json(json.dumps(data)), dxer.Calendar)


def test_arguments_must_be_dates() -> None:
    cal = dxer.Calendar()
    with pytest.raises(TypeError, match="date: expected datetime.date, got str"):
        cal.is_working_day("2026-05-06")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="start"):
        cal.add(20260506, working_days=1)  # type: ignore[arg-type]
    # A datetime is a date: its date part counts.
    assert cal.is_working_day(dt.datetime(2026, 5, 6, 12, 0))
