//! Working-day arithmetic on the Azerbaijani calendar with arbitrary dates and periods.
//!
//! Invariants, beyond "never panics" (errors are fine: a date beyond the data is an error, never a guess):
//! - `add(d, p) >= d`; `add(d, p)` is a working day for every period except `WorkingDays(0)` (= `d`);
//! - working days: `add(add(d, a), b) == add(d, a + b)` when both succeed; `working_days_between(d,
//!   add(d, n)) == n` and the day before the result is still short of `n` (the result is the first day
//!   reaching `n`); calendar days: `add(d, n)` is the first working day on or after `d + n`;
//!   `add(add(d, a), b) >= add(d, a + b)` for calendar days (rolling forward only delays);
//! - a date beyond the data is `OutOfRange`, a date within the data never is for `is_working_day`.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{Datelike, Days, NaiveDate};
use dxer::calendar::{Calendar, CalendarError, Period};
use libfuzzer_sys::fuzz_target;

/// A date: mostly near the data (2017–2028), sometimes anywhere chrono can represent.
#[derive(Debug, Arbitrary)]
enum DateInput {
    Near(u16),
    Anywhere(i32),
}

impl DateInput {
    fn date(&self) -> NaiveDate {
        let base = NaiveDate::from_ymd_opt(2017, 1, 1).unwrap();
        match *self {
            DateInput::Near(days) => base + Days::new(u64::from(days) % (12 * 366)),
            DateInput::Anywhere(n) => {
                NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(if n < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
            }
        }
    }
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Unit {
    WorkingDays,
    CalendarDays,
    Months,
}

/// An amount: mostly small (within the data), sometimes any `u32`.
#[derive(Debug, Clone, Copy, Arbitrary)]
enum Amount {
    Small(u16),
    Any(u32),
}

impl Amount {
    fn get(self) -> u32 {
        match self {
            Amount::Small(n) => u32::from(n) % 800,
            Amount::Any(n) => n,
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    start: DateInput,
    unit: Unit,
    a: Amount,
    b: Amount,
    other: DateInput,
    year: i32,
}

fn period(unit: Unit, n: u32) -> Period {
    match unit {
        Unit::WorkingDays => Period::WorkingDays(n),
        Unit::CalendarDays => Period::CalendarDays(n),
        Unit::Months => Period::Months(n),
    }
}

fn in_data(cal: &Calendar, d: NaiveDate) -> bool {
    cal.years().contains(&d.year())
}

fuzz_target!(|input: Input| {
    let cal = Calendar::azerbaijan();
    let d = input.start.date();
    let (a, b) = (input.a.get(), input.b.get());

    match cal.is_working_day(d) {
        Ok(_) => assert!(in_data(cal, d)),
        Err(CalendarError::OutOfRange { date, .. }) => {
            assert!(!in_data(cal, d));
            assert_eq!(date, d);
        }
        Err(e) => panic!("is_working_day({d}): unexpected {e:?}"),
    }

    let pa = period(input.unit, a);
    let ra = cal.add(d, pa);
    if let Ok(r) = ra {
        assert!(r >= d, "add({d}, {pa:?}) = {r} is before the start");
        assert!(in_data(cal, r));
        if !matches!(pa, Period::WorkingDays(0)) {
            assert_eq!(cal.is_working_day(r), Ok(true), "add({d}, {pa:?}) = {r} is not a working day");
        } else {
            assert_eq!(r, d);
        }
        match pa {
            Period::WorkingDays(n) => {
                assert_eq!(cal.working_days_between(d, r), Ok(n), "working_days_between({d}, {r})");
                if n > 0 {
                    let before = r.pred_opt().unwrap();
                    if in_data(cal, before) {
                        assert_eq!(cal.working_days_between(d, before), Ok(n - 1), "{r} is not the first day");
                    }
                }
            }
            Period::CalendarDays(n) => {
                let plain = d + Days::new(u64::from(n));
                assert!(r >= plain);
                let mut day = plain;
                while day < r {
                    assert_eq!(cal.is_working_day(day), Ok(false), "{day} is skipped but is a working day");
                    day = day.succ_opt().unwrap();
                }
            }
            Period::Months(_) => {}
        }
    } else if let Err(e) = &ra {
        match e {
            CalendarError::OutOfRange { .. } | CalendarError::Overflow => {}
            other => panic!("add: unexpected {other:?}"),
        }
        if in_data(cal, d) && matches!(pa, Period::WorkingDays(_)) {
            // Within the data, a working-day period fails only by running past the last year.
            assert!(matches!(e, CalendarError::OutOfRange { date, .. } if date.year() > *cal.years().end()));
        }
    }

    let pb = period(input.unit, b);
    if let (Ok(r1), Some(sum)) = (ra, a.checked_add(b)) {
        if let (Ok(r2), Ok(r12)) = (cal.add(r1, pb), cal.add(d, period(input.unit, sum))) {
            match input.unit {
                Unit::WorkingDays => assert_eq!(r2, r12, "add(add({d}, {a}), {b}) != add({d}, {sum}) in working days"),
                Unit::CalendarDays => assert!(r2 >= r12, "add(add({d}, {a}), {b}) < add({d}, {sum}) in calendar days"),
                Unit::Months => {}
            }
        }
    }

    let other = input.other.date();
    if let Ok(n) = cal.working_days_between(d, other) {
        if other <= d {
            assert_eq!(n, 0);
        } else if n > 0 {
            // n working days after d is on or before `other`, and `other` is the same count.
            let r = cal.add(d, Period::WorkingDays(n)).expect("within the data");
            assert!(r <= other && cal.working_days_between(r, other) == Ok(0));
        }
    }

    for year in [input.year, d.year()] {
        let off = cal.days_off(year);
        let holidays = cal.holidays(year);
        let extra = cal.extra_working_days(year);
        assert_eq!(off.is_ok(), cal.years().contains(&year));
        assert_eq!(holidays.is_ok(), off.is_ok());
        assert_eq!(extra.is_ok(), off.is_ok());
        if let Ok(off) = off {
            for day in off {
                assert_eq!(day.date.year(), year);
                assert_eq!(cal.is_working_day(day.date), Ok(false), "{} is listed as a day off", day.date);
                assert!(!day.reasons.is_empty());
            }
        }
        if let Ok(extra) = extra {
            for day in extra {
                assert_eq!(cal.is_working_day(day.date), Ok(true), "{} is listed as a working day", day.date);
            }
        }
    }
});
