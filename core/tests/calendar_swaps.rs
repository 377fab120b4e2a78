//! Every Cabinet swap of working and rest days in the embedded calendar data
//! (`schemas/calendar/az-calendar.json`) moves a deadline that crosses it.
//!
//! For each swap the embedded calendar is compared with the same data minus that
//! one swap. Take the day before the earlier of the two dates as the event:
//!
//! * a deadline that ends before the later date moves by exactly one working day
//!   (earlier when the worked weekend day comes first, later when the rest day
//!   comes first);
//! * a deadline that ends after both dates is unchanged (one day off, one day
//!   worked);
//! * where a later layer of the data overrides the worked day (2020: the special
//!   labour regime made the swapped-in Sunday 29 March a day off again), only the
//!   day off remains and every later deadline moves by one working day.
//!
//! The swaps checked are read from the data, so a swap added to the file is held
//! by this test too; the swaps that were once missing are named explicitly.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use dxer::calendar::{Calendar, Period, ReasonCode};
use serde_json::Value;

const DATA: &str = include_str!("../../schemas/calendar/az-calendar.json");

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

/// One swap of the data: where it sits, the worked day and the day off.
struct Swap {
    year_index: usize,
    swap_index: usize,
    working_day: NaiveDate,
    day_off: NaiveDate,
}

fn data() -> Value {
    serde_json::from_str(DATA).unwrap()
}

fn swaps(v: &Value) -> Vec<Swap> {
    let mut out = Vec::new();
    for (year_index, y) in v["years"].as_array().unwrap().iter().enumerate() {
        for (swap_index, s) in y["swaps"].as_array().into_iter().flatten().enumerate() {
            out.push(Swap {
                year_index,
                swap_index,
                working_day: date(&s["working_day"]),
                day_off: date(&s["day_off"]),
            });
        }
    }
    out
}

/// Dates that a layer applied after the swaps decides (elections, `extra_days_off`, `working_days`).
fn overridden(v: &Value) -> BTreeSet<NaiveDate> {
    let mut out = BTreeSet::new();
    for y in v["years"].as_array().unwrap() {
        for key in ["elections", "extra_days_off", "working_days"] {
            for e in y[key].as_array().into_iter().flatten() {
                out.insert(date(&e["date"]));
            }
        }
    }
    out
}

fn without(v: &Value, s: &Swap) -> Calendar {
    let mut v = v.clone();
    v["years"][s.year_index]["swaps"].as_array_mut().unwrap().remove(s.swap_index);
    Calendar::from_json(&v.to_string()).unwrap()
}

fn add(cal: &Calendar, start: NaiveDate, n: u32) -> NaiveDate {
    cal.add(start, Period::WorkingDays(n)).unwrap()
}

#[test]
fn the_data_holds_every_swap_found_missing_in_issue_14() {
    let all: BTreeSet<(NaiveDate, NaiveDate)> = swaps(&data()).iter().map(|s| (s.day_off, s.working_day)).collect();
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for (off, worked) in
        [(ymd(2020, 3, 27), ymd(2020, 3, 29)), (ymd(2022, 3, 7), ymd(2022, 3, 5)), (ymd(2025, 6, 27), ymd(2025, 6, 21))]
    {
        assert!(all.contains(&(off, worked)), "the swap {off} off / {worked} worked is missing");
    }
    assert!(all.len() >= 21, "{} swaps", all.len());
}

#[test]
fn every_swap_moves_a_deadline_that_crosses_it_by_one_working_day() {
    let v = data();
    let with = Calendar::azerbaijan();
    let later_layers = overridden(&v);
    let list = swaps(&v);
    assert!(!list.is_empty());
    for s in &list {
        let (w, o) = (s.working_day, s.day_off);
        let ctx = format!("swap {o} off / {w} worked");
        let without = without(&v, s);
        // The day off is a rest day only because of the swap.
        assert!(!with.is_working_day(o).unwrap(), "{ctx}: {o} must be off");
        assert!(without.is_working_day(o).unwrap(), "{ctx}: {o} is a working day without the swap");
        let reasons = with.days_off(o.year()).unwrap().into_iter().find(|d| d.date == o).unwrap().reasons;
        let r = reasons.iter().find(|r| r.code == ReasonCode::CabinetSwapDayOff).expect("a swap reason");
        assert_eq!(r.related_date, Some(w), "{ctx}");
        assert!(r.source.as_ref().is_some_and(|src| src.url.is_some() && src.title.is_some()), "{ctx}: source");

        let first = w.min(o);
        let last = w.max(o);
        let event = first.pred_opt().unwrap();
        if later_layers.contains(&w) {
            // The worked day was taken back by a later layer: only the day off is left.
            assert!(!with.is_working_day(w).unwrap() && !without.is_working_day(w).unwrap(), "{ctx}");
            for n in 1..=20 {
                assert_eq!(add(with, event, n), add(&without, event, n + 1), "{ctx}: {n} working days");
            }
            continue;
        }
        assert!(with.is_working_day(w).unwrap(), "{ctx}: {w} must be worked");
        assert!(!without.is_working_day(w).unwrap(), "{ctx}: {w} is a rest day without the swap");
        // `early` has the extra working day inside the window, `late` lacks it.
        let (early, late) = if w < o { (with, &without) } else { (&without, with) };
        assert_eq!(add(early, event, 1), first, "{ctx}");
        assert!(add(late, event, 1) > first, "{ctx}");
        let mut after = 0;
        for n in 1..=25 {
            let late_end = add(late, event, n);
            if late_end < last {
                // Ends inside the window: one working day apart.
                assert_eq!(add(early, event, n + 1), late_end, "{ctx}: {n} working days");
                assert_ne!(add(with, event, n), add(&without, event, n), "{ctx}: {n} working days");
            } else if late_end > last {
                // Crosses both dates: unchanged.
                assert_eq!(add(with, event, n), add(&without, event, n), "{ctx}: {n} working days");
                after += 1;
            }
        }
        assert!(after > 0, "{ctx}: no deadline crossed both dates");
        // The counts agree with the deadlines: one apart inside the window, equal after it.
        let d_with = with.working_days_between(event, last.pred_opt().unwrap()).unwrap();
        let d_without = without.working_days_between(event, last.pred_opt().unwrap()).unwrap();
        assert_eq!(d_with.abs_diff(d_without), 1, "{ctx}");
        let end = last.checked_add_days(chrono::Days::new(10)).unwrap();
        assert_eq!(with.working_days_between(event, end).unwrap(), without.working_days_between(event, end).unwrap());
    }
}
