"""dxer.Calendar against an independent implementation: the `holidays` package (pinned, 0.109).

For every year 2019-2026 the weekday days off and the worked weekend days of dxer are compared
with those of `holidays`' Azerbaijan module. What matters for deadlines is whether a date is a
working day, so that is what is compared, date by date. Every date where the two disagree must
be listed, with its reason and source, in tests/calendar/differences.json; the test fails on a
difference that is not listed and on a listed difference that no longer differs.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
import sys
from typing import Any

import pytest

import dxer
from conftest import ROOT, load_json

if sys.version_info < (3, 11):  # holidays 0.109 needs Python >= 3.11
    pytest.skip("the holidays package (0.109) needs Python >= 3.11", allow_module_level=True)

import holidays  # type: ignore[import-not-found,unused-ignore]  # (not installed below Python 3.11)

D = dt.date
YEARS = range(2019, 2027)
HOLIDAYS_VERSION = "0.109"
DIFFERENCES = ROOT / "tests" / "calendar" / "differences.json"
# holidays names a substituted day off "İstirahət günü (DD.MM.YYYY ilə əvəz edilmişdir)", the
# date being the weekend day (or carried-over rest day) that is worked instead.
SUBSTITUTED = re.compile(r"İstirahət günü \((\d{2})\.(\d{2})\.(\d{4}) ilə əvəz edilmişdir\)")
WORKING, OFF = "working_day", "day_off"


def days_of(year: int) -> list[dt.date]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((D(year + 1, 1, 1) - first).days)]


def holidays_working_days(year: int) -> dict[dt.date, bool]:
    """Working-day status of every date of `year` according to `holidays`."""
    # The neighbouring years too: a swap may cross the new year (28 Dec 2019 worked for 3 Jan 2020).
    az = holidays.country_holidays("AZ", years=[year - 1, year, year + 1], language="az")
    worked: set[dt.date] = set()
    for day in az:
        for name in az.get_list(day):
            match = SUBSTITUTED.fullmatch(name)
            if match:
                worked.add(D(int(match[3]), int(match[2]), int(match[1])))
    return {day: day in worked or (day.weekday() < 5 and day not in az) for day in days_of(year)}


def dxer_working_days(year: int) -> dict[dt.date, bool]:
    cal = dxer.Calendar.azerbaijan()
    return {day: cal.is_working_day(day) for day in days_of(year)}


def status(working: bool) -> str:
    return WORKING if working else OFF


def listed_differences() -> dict[dt.date, dict[str, Any]]:
    data = load_json(DIFFERENCES)
    assert data["oracle"]["package"] == "holidays"
    assert data["oracle"]["version"] == HOLIDAYS_VERSION
    out: dict[dt.date, dict[str, Any]] = {}
    for entry in data["differences"]:
        day = D.fromisoformat(entry["date"])
        assert day not in out, f"{day} is listed twice"
        out[day] = entry
    return out


def test_the_oracle_is_the_pinned_version() -> None:
    assert importlib.metadata.version("holidays") == HOLIDAYS_VERSION


def test_every_listed_difference_is_explained_and_sourced() -> None:
    listed = listed_differences()
    assert listed, "the list is read"
    for day, entry in listed.items():
        assert day.year in YEARS, day
        assert {entry["dxer"], entry["holidays"]} == {WORKING, OFF}, day
        assert len(entry["why"]) > 40, day
        source = entry["source"]
        assert source["title"] and source["url"].startswith("https://"), day
        D.fromisoformat(source["date"])


@pytest.mark.parametrize("year", YEARS)
def test_weekday_days_off_and_worked_weekend_days_match_holidays(year: int) -> None:
    ours, theirs = dxer_working_days(year), holidays_working_days(year)
    listed = {day: e for day, e in listed_differences().items() if day.year == year}

    # The two sets that matter for deadlines, for the failure message.
    def weekday_off(working: dict[dt.date, bool]) -> set[dt.date]:
        return {d for d, w in working.items() if d.weekday() < 5 and not w}

    def weekend_worked(working: dict[dt.date, bool]) -> set[dt.date]:
        return {d for d, w in working.items() if d.weekday() >= 5 and w}

    differing = {d for d in ours if ours[d] != theirs[d]}
    unlisted = sorted(
        f"{d} ({d:%a}): dxer {status(ours[d])}, holidays {status(theirs[d])}" for d in differing - set(listed)
    )
    stale = sorted(f"{d}: listed, but both say {status(ours[d])}" for d in set(listed) - differing)
    wrong = sorted(
        f"{d}: listed as dxer {e['dxer']} / holidays {e['holidays']}, "
        f"now dxer {status(ours[d])} / holidays {status(theirs[d])}"
        for d, e in listed.items()
        if d in differing and (e["dxer"], e["holidays"]) != (status(ours[d]), status(theirs[d]))
    )
    assert not (unlisted or stale or wrong), (
        f"{year}: weekday days off only in dxer {sorted(weekday_off(ours) - weekday_off(theirs))}, "
        f"only in holidays {sorted(weekday_off(theirs) - weekday_off(ours))}; "
        f"worked weekend days only in dxer {sorted(weekend_worked(ours) - weekend_worked(theirs))}, "
        f"only in holidays {sorted(weekend_worked(theirs) - weekend_worked(ours))}.\n"
        + "\n".join(["unlisted differences:", *unlisted, "stale entries:", *stale, "wrong entries:", *wrong])
    )


def test_the_oracle_sees_the_cabinet_swaps() -> None:
    # Guards the label parsing above: without it every worked weekend day would be a difference,
    # but make the reason plain. holidays 0.109 has 20 worked weekend days in 2019-2026.
    worked = {d for y in YEARS for d, w in holidays_working_days(y).items() if w and d.weekday() >= 5}
    assert len(worked) >= 20, sorted(worked)
    assert {D(2022, 3, 5), D(2025, 6, 21), D(2024, 12, 29)} <= worked
    # 10 March 2025 was a carried-over rest day that the Cabinet turned back into a working day.
    assert holidays_working_days(2025)[D(2025, 3, 10)]
