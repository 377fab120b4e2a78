//! The Azerbaijani working-day calendar (Labour Code of the Republic of
//! Azerbaijan, art. 105) as **rules in code + yearly data in JSON**.
//!
//! # Rules (implemented in code)
//!
//! * Weekend: Saturday and Sunday.
//! * Holidays that are days off (art. 105): 1–2 January (New Year),
//!   8 March (Women's Day), Novruz (5 days), 9 May (Victory over Fascism),
//!   28 May (Independence Day), 15 June (National Salvation Day),
//!   26 June (Armed Forces Day), Ramazan bayramı (2 days), Qurban bayramı
//!   (2 days), 8 November (Victory Day, from 2021), 9 November (State Flag
//!   Day), 31 December (Solidarity of World Azerbaijanis).
//! * 20 January (day of national mourning) is a day off but is **never
//!   carried over** when it falls on a weekend.
//! * 18 October, 12 November, 17 November, 20 September (from 2024) and
//!   27 September (from 2021) are holidays or memorial days that are
//!   **working days**; [`Calendar::holidays`] lists them with
//!   [`Holiday::working_day`] set, they never appear in [`Calendar::days_off`].
//! * Carry-over (art. 105.5): a holiday day off (other than 20 January)
//!   falling on Saturday or Sunday moves the rest day to the next working day.
//!   Carry-overs are processed in date order and each takes the next day that
//!   is still free, so colliding carry-overs (e.g. 15 June on a Saturday and
//!   Qurban on the Sunday and Monday) end up on consecutive free days. A date
//!   is carried once, however many holidays fall on it.
//! * Extra day: each Ramazan or Qurban day that coincides with another
//!   holiday day off gives one more rest day, the next free working day after
//!   the carry-overs (2026: Ramazan 20–21 March on Novruz → 27 and 30 March;
//!   Qurban 28 May on Independence Day → 29 May).
//! * Year boundaries: the computation always covers the year before the
//!   first and the year after the last data year (fixed holidays only there),
//!   so 31 December / 1–2 January carry-overs cross the year correctly.
//!
//! # Yearly data (`schemas/calendar/az-calendar.json`)
//!
//! Per year: the Cabinet's dates of Novruz, Ramazan and Qurban, Cabinet swaps
//! of working and rest days, election (voting) days, and explicit
//! `extra_days_off` / `working_days` overrides, each with its source and a
//! `confidence` flag. **The rule engine computes first, then the data is
//! applied on top** (swaps, elections, `extra_days_off`, `working_days`; the
//! last one wins). The Cabinet's annual decisions state the resulting
//! transfers explicitly and have in practice departed from a literal reading
//! of the rules (in March 2025 it turned the carried-over 10 March and
//! 1 April back into working days); applying data last guarantees that every
//! announced result can be reproduced exactly, whatever the engine computes.
//!
//! Queries outside the years with data return [`CalendarError::OutOfRange`]
//! — never a guess. Load more years with [`Calendar::with_years_from_json`].

use std::ops::RangeInclusive;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

mod data;
mod rules;

#[cfg(test)]
mod tests;

use data::YearData;
use rules::Built;

/// The embedded Azerbaijani year data.
const EMBEDDED_JSON: &str = include_str!("../../schemas/calendar/az-calendar.json");

// `once_cell::sync::Lazy` is the crate's chosen lazy static (dependency policy).
#[allow(clippy::non_std_lazy_statics)]
static AZERBAIJAN: Lazy<Calendar> = Lazy::new(|| {
    #[allow(clippy::expect_used)]
    Calendar::from_json(EMBEDDED_JSON)
        .expect("the embedded az-calendar.json is valid (checked by tests::embedded_data_parses)")
});

/// A period to add to a date. Counting always starts the day after the event.
///
/// Serialized as `{"value": n, "unit": "working_days" | "calendar_days" | "months"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "PeriodRepr", into = "PeriodRepr")]
pub enum Period {
    /// `n` working days after the start; `0` returns the start itself.
    WorkingDays(u32),
    /// `n` calendar days after the start; if that day is not a working day the
    /// period ends on the next working day.
    CalendarDays(u32),
    /// Same day number `n` months later (clamped to the month's last day,
    /// e.g. 31 January + 1 month = 28/29 February); if that day is not a
    /// working day, the next working day.
    Months(u32),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodRepr {
    value: u32,
    unit: PeriodUnit,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum PeriodUnit {
    WorkingDays,
    CalendarDays,
    Months,
}

impl From<PeriodRepr> for Period {
    fn from(r: PeriodRepr) -> Self {
        match r.unit {
            PeriodUnit::WorkingDays => Period::WorkingDays(r.value),
            PeriodUnit::CalendarDays => Period::CalendarDays(r.value),
            PeriodUnit::Months => Period::Months(r.value),
        }
    }
}

impl From<Period> for PeriodRepr {
    fn from(p: Period) -> Self {
        match p {
            Period::WorkingDays(value) => PeriodRepr { value, unit: PeriodUnit::WorkingDays },
            Period::CalendarDays(value) => PeriodRepr { value, unit: PeriodUnit::CalendarDays },
            Period::Months(value) => PeriodRepr { value, unit: PeriodUnit::Months },
        }
    }
}

/// Errors of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// A date (the start, the end, or a day inspected on the way) lies outside
    /// the years for which the calendar has data.
    #[error(
        "{date} is outside the years with calendar data ({first}..={last}); load year data for {} with Calendar::with_years_from_json",
        .date.year()
    )]
    OutOfRange {
        /// The offending date.
        date: NaiveDate,
        /// First year with data.
        first: i32,
        /// Last year with data.
        last: i32,
    },
    /// The year data is malformed or inconsistent.
    #[error(
        "invalid calendar year data: {message}; fix the JSON so that it matches schemas/calendar/az-calendar.schema.json"
    )]
    InvalidData {
        /// What is wrong.
        message: String,
    },
    /// Date arithmetic left chrono's representable range.
    #[error("date arithmetic overflowed the representable date range; use a shorter period")]
    Overflow,
}

/// How far an entry of the year data has been checked against published acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Confirmed against a published decision or a press report of it.
    Verified,
    /// Best knowledge only; not confirmed.
    Unverified,
}

/// Where a holiday, a swap or an override comes from (e.g. a Cabinet of
/// Ministers decision with its number and date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Issuing body, e.g. "Cabinet of Ministers of the Republic of Azerbaijan".
    pub issuer: String,
    /// Kind of act: "decision", "order", "law", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<String>,
    /// Number of the act, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date the act was signed, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Title of the act or the provision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where it was published or reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Free-form remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Stable identifier of a named holiday (serialized in `snake_case`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HolidayId {
    /// 1–2 January.
    NewYear,
    /// 20 January, day of national mourning (never carried over).
    NationalMourningDay,
    /// 8 March.
    WomensDay,
    /// Novruz, 5 days set yearly by the Cabinet.
    Novruz,
    /// Ramazan bayramı, 2 days set yearly by the Cabinet.
    RamazanBayrami,
    /// Qurban bayramı, 2 days set yearly by the Cabinet.
    QurbanBayrami,
    /// 9 May.
    VictoryOverFascismDay,
    /// 28 May (Republic Day until 2021).
    IndependenceDay,
    /// 15 June.
    NationalSalvationDay,
    /// 26 June.
    ArmedForcesDay,
    /// 20 September (from 2024), a working day.
    StateSovereigntyDay,
    /// 27 September (from 2021), a working day.
    RemembranceDay,
    /// 18 October, a working day.
    IndependenceRestorationDay,
    /// 8 November (from 2021).
    VictoryDay,
    /// 9 November.
    StateFlagDay,
    /// 12 November, a working day.
    ConstitutionDay,
    /// 17 November, a working day.
    NationalRevivalDay,
    /// 31 December.
    SolidarityDay,
}

/// A named holiday on a given date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// Stable identifier.
    pub id: HolidayId,
    /// Name in Azerbaijani.
    pub az: String,
    /// Name in English.
    pub en: String,
    /// Name in Russian.
    pub ru: String,
    /// `true` for holidays that are nevertheless working days (18 October,
    /// 12 and 17 November, 20 and 27 September).
    pub working_day: bool,
    /// Legal basis or the Cabinet decision that set the date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Confidence of the year data the date comes from (None for rule-based dates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// Stable code of a [`DayOffReason`] (serialized in `snake_case`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonCode {
    /// The day is a holiday that is not a working day.
    Holiday,
    /// 20 January, day of national mourning.
    Mourning,
    /// A rest day carried over from a holiday that fell on a weekend;
    /// `related_date` is that holiday's date.
    CarryOver,
    /// Extra rest day because a Ramazan/Qurban day coincided with another
    /// holiday; `related_date` is the coinciding day.
    BayramOverlap,
    /// Rest day created by a Cabinet swap; `related_date` is the day worked instead.
    CabinetSwapDayOff,
    /// Working day created by a Cabinet swap; `related_date` is the new rest day.
    CabinetSwapWorkingDay,
    /// Voting day of an election.
    Election,
    /// Day off declared explicitly in the year data (`extra_days_off`).
    DeclaredDayOff,
    /// Working day declared explicitly in the year data (`working_days`).
    DeclaredWorkingDay,
}

/// Why a day is off (or, in [`WorkingDay`], why a day is worked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayOffReason {
    /// Stable machine-readable code.
    pub code: ReasonCode,
    /// Holidays involved (the holiday itself, the one carried over, or the
    /// bayram day and the holiday it coincided with).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<HolidayId>,
    /// Related date: the holiday a carry-over or extra day comes from, or the
    /// other day of a Cabinet swap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_date: Option<NaiveDate>,
    /// Text in Azerbaijani.
    pub az: String,
    /// Text in English.
    pub en: String,
    /// Text in Russian.
    pub ru: String,
    /// Legal basis or act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Confidence of the year data behind this reason (None for pure rules).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// A day off that is not an ordinary weekend day, with its reasons in the
/// order they were applied (the last one decides the final status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayOff {
    /// The date.
    pub date: NaiveDate,
    /// Reasons, in the order they were applied.
    pub reasons: Vec<DayOffReason>,
}

/// A day that is a working day although a weekend or the rules alone would
/// make it a day off (Cabinet swaps, `working_days` overrides).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkingDay {
    /// The date.
    pub date: NaiveDate,
    /// Reasons, in the order they were applied (e.g. a carry-over, then the
    /// Cabinet swap that turned it back into a working day).
    pub reasons: Vec<DayOffReason>,
}

#[derive(Debug)]
struct Inner {
    version: String,
    source: Option<String>,
    years: std::collections::BTreeMap<i32, YearData>,
    built: Built,
}

/// The working-day calendar: rules + year data, precomputed into a bitmap
/// with prefix counts (queries are O(1) / O(log n)). Cheap to clone (the data
/// is shared behind an [`Arc`]).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use dxer::calendar::{Calendar, Period};
///
/// let cal = Calendar::azerbaijan();
/// let event = NaiveDate::from_ymd_opt(2026, 5, 6).unwrap();
/// // 9 May 2026 is a Saturday, so Monday 11 May is a day off.
/// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2026, 5, 11).unwrap())?);
/// assert_eq!(
///     cal.add(event, Period::WorkingDays(7))?,
///     NaiveDate::from_ymd_opt(2026, 5, 18).unwrap()
/// );
/// assert_eq!(
///     cal.add(event, Period::WorkingDays(30))?,
///     NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()
/// );
/// // Beyond the data: an error, never a guess.
/// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2099, 1, 5).unwrap()).is_err());
/// # Ok::<(), dxer::calendar::CalendarError>(())
/// ```
#[derive(Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Calendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Calendar").field("version", &self.inner.version).field("years", &self.years()).finish()
    }
}

impl Calendar {
    /// The Azerbaijani calendar with the embedded year data
    /// (`schemas/calendar/az-calendar.json`), parsed once on first use.
    #[must_use]
    pub fn azerbaijan() -> &'static Calendar {
        &AZERBAIJAN
    }

    /// Builds a calendar from user-supplied year data in the same format as
    /// the embedded file. The years must be contiguous.
    ///
    /// # Errors
    ///
    /// [`CalendarError::InvalidData`] if the JSON does not match the format
    /// (see `schemas/calendar/az-calendar.schema.json`), a year is out of
    /// `2006..=9998`, duplicated or missing between two others, or an entry is
    /// inconsistent (wrong number of Novruz/Ramazan/Qurban days, dates outside
    /// their year, a date both declared off and working, ...).
    pub fn from_json(json: &str) -> Result<Calendar, CalendarError> {
        let file = data::parse(json)?;
        let version = file.version.clone();
        let source = file.source.clone();
        let years = data::validate_years(file)?;
        Self::from_parts(version, source, years)
    }

    /// Returns a new calendar whose years are this calendar's years overlaid
    /// with the years of `json` (a year present in `json` replaces the
    /// existing one, new years are added). The result must still be one
    /// contiguous range of years.
    ///
    /// # Errors
    ///
    /// [`CalendarError::InvalidData`] as for [`Calendar::from_json`], and if
    /// the overlay would leave a gap between years.
    pub fn with_years_from_json(&self, json: &str) -> Result<Calendar, CalendarError> {
        let file = data::parse(json)?;
        let version = format!("{}+{}", self.inner.version, file.version);
        let overlay = data::validate_years(file)?;
        let mut years = self.inner.years.clone();
        years.extend(overlay);
        Self::from_parts(version, self.inner.source.clone(), years)
    }

    fn from_parts(
        version: String,
        source: Option<String>,
        years: std::collections::BTreeMap<i32, YearData>,
    ) -> Result<Calendar, CalendarError> {
        data::check_contiguous(&years)?;
        let built = rules::build(&years)?;
        Ok(Calendar { inner: Arc::new(Inner { version, source, years, built }) })
    }

    /// Version string of the year data (`"base+overlay"` after an overlay).
    #[must_use]
    pub fn version(&self) -> &str {
        &self.inner.version
    }

    /// The free-text `source` note of the year data, if any.
    #[must_use]
    pub fn source_note(&self) -> Option<&str> {
        self.inner.source.as_deref()
    }

    /// The years with data.
    #[must_use]
    pub fn years(&self) -> RangeInclusive<i32> {
        self.inner.built.first..=self.inner.built.last
    }

    /// Whether `d` is a working day.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] if `d` is outside [`Calendar::years`].
    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        let i = self.index(d)?;
        Ok(self.bit(i))
    }

    /// Adds a [`Period`] to `start` following the counting rules (the period
    /// starts the day after `start`; see [`Period`]). Every date involved must
    /// lie within [`Calendar::years`].
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] if `start`, the end of the period, or a
    /// day inspected to reach it lies outside [`Calendar::years`];
    /// [`CalendarError::Overflow`] if the calendar-day or month arithmetic
    /// leaves chrono's representable range.
    pub fn add(&self, start: NaiveDate, p: Period) -> Result<NaiveDate, CalendarError> {
        let si = self.index(start)?;
        match p {
            Period::WorkingDays(0) => Ok(start),
            Period::WorkingDays(n) => {
                let target = u64::from(self.rank_before(si + 1)) + u64::from(n);
                self.select(target)
            }
            Period::CalendarDays(n) => {
                let end = start.checked_add_days(Days::new(u64::from(n))).ok_or(CalendarError::Overflow)?;
                self.roll_forward(end)
            }
            Period::Months(n) => {
                let end = start.checked_add_months(chrono::Months::new(n)).ok_or(CalendarError::Overflow)?;
                self.roll_forward(end)
            }
        }
    }

    /// Number of working days in `(from, to]` — counting starts the day after
    /// `from`. Returns 0 when `to <= from`. Both dates must be within
    /// [`Calendar::years`].
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] if `from` or `to` is outside [`Calendar::years`].
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<u32, CalendarError> {
        let fi = self.index(from)?;
        let ti = self.index(to)?;
        if ti <= fi {
            return Ok(0);
        }
        Ok(self.rank_before(ti + 1).saturating_sub(self.rank_before(fi + 1)))
    }

    /// Every day off of `year` that is not an ordinary weekend day (holidays,
    /// including those falling on a weekend, carry-overs, extra days, Cabinet
    /// swaps, elections, declared days off), sorted by date, with reasons.
    /// Weekend days made working are listed by [`Calendar::extra_working_days`].
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] if `year` is outside [`Calendar::years`].
    pub fn days_off(&self, year: i32) -> Result<Vec<DayOff>, CalendarError> {
        let (a, b) = self.year_bounds(year)?;
        Ok(self
            .inner
            .built
            .special
            .range(a..=b)
            .filter(|(_, r)| r.off)
            .map(|(d, r)| DayOff { date: *d, reasons: r.reasons.clone() })
            .collect())
    }

    /// Days of `year` that are working days although a weekend or the rules
    /// would make them days off (Cabinet swaps, `working_days` overrides),
    /// sorted by date, with reasons.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] if `year` is outside [`Calendar::years`].
    pub fn extra_working_days(&self, year: i32) -> Result<Vec<WorkingDay>, CalendarError> {
        let (a, b) = self.year_bounds(year)?;
        Ok(self
            .inner
            .built
            .special
            .range(a..=b)
            .filter(|(_, r)| !r.off)
            .map(|(d, r)| WorkingDay { date: *d, reasons: r.reasons.clone() })
            .collect())
    }

    /// The named holidays of `year`, including those that are working days
    /// ([`Holiday::working_day`]), sorted by date.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] if `year` is outside [`Calendar::years`].
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, CalendarError> {
        self.year_bounds(year)?;
        Ok(rules::occurrences(year, self.inner.years.get(&year)).iter().map(rules::Occurrence::to_holiday).collect())
    }

    // ---- internals -------------------------------------------------------

    fn out_of_range(&self, date: NaiveDate) -> CalendarError {
        CalendarError::OutOfRange { date, first: self.inner.built.first, last: self.inner.built.last }
    }

    fn year_bounds(&self, year: i32) -> Result<(NaiveDate, NaiveDate), CalendarError> {
        let b = &self.inner.built;
        let bounds = NaiveDate::from_ymd_opt(year, 1, 1).zip(NaiveDate::from_ymd_opt(year, 12, 31));
        match bounds {
            Some((a, z)) if (b.first..=b.last).contains(&year) => Ok((a, z)),
            Some((a, _)) => Err(self.out_of_range(a)),
            None => Err(self.out_of_range(if year < b.first { NaiveDate::MIN } else { NaiveDate::MAX })),
        }
    }

    fn index(&self, d: NaiveDate) -> Result<usize, CalendarError> {
        let b = &self.inner.built;
        let n = d.signed_duration_since(b.start).num_days();
        match usize::try_from(n) {
            Ok(i) if i < b.len => Ok(i),
            _ => Err(self.out_of_range(d)),
        }
    }

    fn date_at(&self, i: usize) -> Result<NaiveDate, CalendarError> {
        let b = &self.inner.built;
        u64::try_from(i).ok().and_then(|i| b.start.checked_add_days(Days::new(i))).ok_or(CalendarError::Overflow)
    }

    fn past_end(&self) -> CalendarError {
        let last = self.inner.built.last;
        let d = NaiveDate::from_ymd_opt(last.saturating_add(1), 1, 1).unwrap_or(NaiveDate::MAX);
        self.out_of_range(d)
    }

    fn bit(&self, i: usize) -> bool {
        self.inner.built.bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Number of working days with index `< i` (0 ≤ i ≤ len).
    fn rank_before(&self, i: usize) -> u32 {
        let b = &self.inner.built;
        let (w, r) = (i / 64, i % 64);
        let base = b.prefix.get(w).copied().unwrap_or_else(|| b.prefix.last().copied().unwrap_or(0));
        let partial = match b.bits.get(w) {
            Some(word) if r > 0 => (word & ((1u64 << r) - 1)).count_ones(),
            _ => 0,
        };
        base.saturating_add(partial)
    }

    /// Date of the `k`-th working day (1-based) counted from the start of the data.
    fn select(&self, k: u64) -> Result<NaiveDate, CalendarError> {
        let built = &self.inner.built;
        let total = u64::from(built.prefix.last().copied().unwrap_or(0));
        if k == 0 || k > total {
            return Err(self.past_end());
        }
        // Last word whose prefix (working days before it) is still below k.
        let word_ix = built.prefix.partition_point(|&p| u64::from(p) < k).saturating_sub(1);
        let before = u64::from(built.prefix.get(word_ix).copied().unwrap_or(0));
        let mut word = built.bits.get(word_ix).copied().unwrap_or(0);
        let mut remaining = k - before; // 1..=64
        while remaining > 1 && word != 0 {
            word &= word - 1; // drop the lowest working day
            remaining -= 1;
        }
        if word == 0 {
            return Err(self.past_end());
        }
        self.date_at(word_ix * 64 + word.trailing_zeros() as usize)
    }

    /// `d` itself if it is a working day, otherwise the next working day.
    fn roll_forward(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let i = self.index(d)?;
        if self.bit(i) {
            return Ok(d);
        }
        self.select(u64::from(self.rank_before(i)) + 1)
    }
}
