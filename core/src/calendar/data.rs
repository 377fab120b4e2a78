//! Serde model and validation of the yearly data file
//! (`schemas/calendar/az-calendar.json`, described by
//! `schemas/calendar/az-calendar.schema.json`).
//!
//! Everything here is crate-private: the public API only ever sees a
//! validated [`Calendar`](super::Calendar).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::{CalendarError, Confidence, Source};

/// First year whose data the rule engine accepts: the current carry-over
/// regime of Labour Code art. 105 dates from the amendment of 8 December 2006
/// (in force for 2007 onwards; 2006 is allowed as the "previous year").
pub(crate) const MIN_YEAR: i32 = 2006;
/// Last year accepted (keeps every computation far from chrono's limits).
pub(crate) const MAX_YEAR: i32 = 9998;

/// Number of days of each lunar/seasonal holiday fixed by art. 105.
pub(crate) const NOVRUZ_DAYS: usize = 5;
pub(crate) const RAMAZAN_DAYS: usize = 2;
pub(crate) const QURBAN_DAYS: usize = 2;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileData {
    /// Optional JSON-Schema reference; ignored.
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    pub schema: Option<String>,
    pub version: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    pub notes: Vec<String>,
    pub years: Vec<YearData>,
}

/// One year of data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct YearData {
    pub year: i32,
    pub novruz: LunarEntry,
    pub ramazan: LunarEntry,
    pub qurban: LunarEntry,
    #[serde(default)]
    pub swaps: Vec<SwapEntry>,
    #[serde(default)]
    pub elections: Vec<ElectionEntry>,
    #[serde(default)]
    pub extra_days_off: Vec<OverrideEntry>,
    #[serde(default)]
    pub working_days: Vec<OverrideEntry>,
    #[serde(default)]
    #[allow(dead_code)]
    pub notes: Vec<String>,
}

/// Dates of Novruz, Ramazan or Qurban set by the Cabinet of Ministers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LunarEntry {
    pub dates: Vec<NaiveDate>,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

/// A Cabinet swap: `working_day` (normally a rest day) becomes a working
/// day and `day_off` (normally a working day) becomes a rest day.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SwapEntry {
    pub working_day: NaiveDate,
    pub day_off: NaiveDate,
    pub source: Source,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    #[allow(dead_code)]
    pub note: Option<String>,
}

/// Kind of election held on a voting day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ElectionKind {
    Presidential,
    Parliamentary,
    Municipal,
    Referendum,
    Other,
}

/// A voting day (Election Code art. 8.2: not a working day).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ElectionEntry {
    pub date: NaiveDate,
    pub kind: ElectionKind,
    pub source: Source,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

/// Localised reason text supplied by the data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReasonText {
    pub az: String,
    pub en: String,
    pub ru: String,
}

/// An explicit override (`extra_days_off` or `working_days`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OverrideEntry {
    pub date: NaiveDate,
    pub reason: ReasonText,
    pub source: Source,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

fn invalid(message: String) -> CalendarError {
    CalendarError::InvalidData { message }
}

/// Parses a data file (no cross-year checks yet).
pub(crate) fn parse(json: &str) -> Result<FileData, CalendarError> {
    let file: FileData = serde_json::from_str(json)
        .map_err(|e| invalid(format!("the JSON does not match the calendar data format: {e}")))?;
    if file.version.trim().is_empty() {
        return Err(invalid("\"version\" must not be empty".to_owned()));
    }
    if file.years.is_empty() {
        return Err(invalid("\"years\" must contain at least one year".to_owned()));
    }
    Ok(file)
}

/// Validates every year of `file` and returns them keyed by year.
pub(crate) fn validate_years(file: FileData) -> Result<BTreeMap<i32, YearData>, CalendarError> {
    let mut out = BTreeMap::new();
    for y in file.years {
        validate_year(&y)?;
        let year = y.year;
        if out.insert(year, y).is_some() {
            return Err(invalid(format!("year {year} appears more than once")));
        }
    }
    Ok(out)
}

/// Checks that the years form one contiguous range (no gaps), so that every
/// date between the first and the last year can be answered.
pub(crate) fn check_contiguous(years: &BTreeMap<i32, YearData>) -> Result<(), CalendarError> {
    let mut prev: Option<i32> = None;
    for &y in years.keys() {
        if let Some(p) = prev.filter(|&p| y != p + 1) {
            return Err(invalid(format!(
                "the years must be contiguous, but there is no data for {}..={}; supply those years too",
                p + 1,
                y - 1
            )));
        }
        prev = Some(y);
    }
    Ok(())
}

fn check_text(what: &str, year: i32, t: &ReasonText) -> Result<(), CalendarError> {
    if t.az.trim().is_empty() || t.en.trim().is_empty() || t.ru.trim().is_empty() {
        return Err(invalid(format!(
            "{what} in year {year}: the reason needs non-empty \"az\", \"en\" and \"ru\" texts"
        )));
    }
    Ok(())
}

fn check_source(what: &str, year: i32, s: &Source) -> Result<(), CalendarError> {
    if s.issuer.trim().is_empty() {
        return Err(invalid(format!("{what} in year {year}: \"source.issuer\" must not be empty")));
    }
    Ok(())
}

fn check_lunar(name: &str, year: i32, e: &LunarEntry, count: usize) -> Result<(), CalendarError> {
    if e.dates.len() != count {
        return Err(invalid(format!(
            "{name} in year {year} must have exactly {count} dates (Labour Code art. 105), found {}",
            e.dates.len()
        )));
    }
    if let Some(first) = e.dates.first().filter(|f| f.year() != year) {
        return Err(invalid(format!("{name} in year {year} starts on {first}, which is not in {year}")));
    }
    for (a, b) in e.dates.iter().zip(e.dates.iter().skip(1)) {
        if a.succ_opt() != Some(*b) {
            return Err(invalid(format!(
                "{name} in year {year}: dates must be consecutive days in order ({a} is followed by {b})"
            )));
        }
    }
    if let Some(s) = &e.source {
        check_source(name, year, s)?;
    }
    Ok(())
}

fn validate_year(y: &YearData) -> Result<(), CalendarError> {
    let year = y.year;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(invalid(format!("year {year} is outside the supported range {MIN_YEAR}..={MAX_YEAR}")));
    }
    check_lunar("novruz", year, &y.novruz, NOVRUZ_DAYS)?;
    check_lunar("ramazan", year, &y.ramazan, RAMAZAN_DAYS)?;
    check_lunar("qurban", year, &y.qurban, QURBAN_DAYS)?;

    for s in &y.swaps {
        if s.working_day == s.day_off {
            return Err(invalid(format!(
                "swap in year {year}: working_day and day_off are the same date {}",
                s.day_off
            )));
        }
        let (wy, oy) = (s.working_day.year(), s.day_off.year());
        let near = |v: i32| (year - 1..=year + 1).contains(&v);
        if !near(wy) || !near(oy) || (wy != year && oy != year) {
            return Err(invalid(format!(
                "swap in year {year} ({} <-> {}): at least one date must be in {year} and the other at most one year away",
                s.working_day, s.day_off
            )));
        }
        check_source("swap", year, &s.source)?;
    }
    for e in &y.elections {
        if e.date.year() != year {
            return Err(invalid(format!("election {} is listed under year {year}", e.date)));
        }
        check_source("election", year, &e.source)?;
    }
    let mut off_dates = BTreeSet::new();
    for e in &y.extra_days_off {
        if e.date.year() != year {
            return Err(invalid(format!("extra_days_off date {} is listed under year {year}", e.date)));
        }
        check_text("extra_days_off", year, &e.reason)?;
        check_source("extra_days_off", year, &e.source)?;
        off_dates.insert(e.date);
    }
    for e in &y.working_days {
        if e.date.year() != year {
            return Err(invalid(format!("working_days date {} is listed under year {year}", e.date)));
        }
        if off_dates.contains(&e.date) {
            return Err(invalid(format!(
                "{} is listed both in extra_days_off and in working_days of year {year}",
                e.date
            )));
        }
        check_text("working_days", year, &e.reason)?;
        check_source("working_days", year, &e.source)?;
    }
    Ok(())
}
