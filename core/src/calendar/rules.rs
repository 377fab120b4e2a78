//! The legal rules (Labour Code of the Republic of Azerbaijan, art. 105) and
//! the engine that turns rules + yearly data into a precomputed bitmap of
//! working days.
//!
//! Order of computation (documented on [`Calendar`](super::Calendar) too):
//! 1. weekend (Saturday, Sunday) and the holiday days off of every year;
//! 2. carry-over (art. 105.5): a holiday day off that falls on Saturday or
//!    Sunday moves the rest day to the next working day that is still free
//!    (20 January, the day of national mourning, is never carried over);
//! 3. the extra day: each Ramazan or Qurban day that coincides with another
//!    holiday day off gives one more rest day, the next free working day;
//! 4. then the yearly data is applied on top: Cabinet swaps, election days,
//!    explicit `extra_days_off`, explicit `working_days` (in that order,
//!    the last one wins).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use super::data::{ElectionKind, LunarEntry, OverrideEntry, YearData};
use super::{CalendarError, Confidence, DayOffReason, Holiday, HolidayId, ReasonCode, Source};

/// Whether a fixed or data holiday is a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A holiday that is not a working day (art. 105) and is carried over.
    DayOff,
    /// 20 January: not a working day, never carried over.
    Mourning,
    /// A holiday or memorial day that is nevertheless a working day.
    WorkingDay,
}

/// A fixed-date holiday of the rule table.
struct Fixed {
    month: u32,
    day: u32,
    id: HolidayId,
    kind: Kind,
    /// First year in which the holiday exists in this form.
    since: i32,
    /// Legal basis, shown as the holiday's source.
    basis: &'static str,
}

const ART_105: &str = "Labour Code of the Republic of Azerbaijan, art. 105 (holidays that are not working days)";

/// The fixed-date holidays (Labour Code art. 105 and the presidential orders
/// that established the newer days).
const FIXED: &[Fixed] = &[
    Fixed { month: 1, day: 1, id: HolidayId::NewYear, kind: Kind::DayOff, since: 2006, basis: ART_105 },
    Fixed { month: 1, day: 2, id: HolidayId::NewYear, kind: Kind::DayOff, since: 2006, basis: ART_105 },
    Fixed {
        month: 1,
        day: 20,
        id: HolidayId::NationalMourningDay,
        kind: Kind::Mourning,
        since: 2006,
        basis: "Labour Code of the Republic of Azerbaijan, art. 105: 20 January (day of national mourning) is not a working day; being a day of mourning it is never carried over when it falls on a weekend (Ministry of Labour clarification, January 2024)",
    },
    Fixed { month: 3, day: 8, id: HolidayId::WomensDay, kind: Kind::DayOff, since: 2006, basis: ART_105 },
    Fixed { month: 5, day: 9, id: HolidayId::VictoryOverFascismDay, kind: Kind::DayOff, since: 2006, basis: ART_105 },
    Fixed {
        month: 5,
        day: 28,
        id: HolidayId::IndependenceDay,
        kind: Kind::DayOff,
        since: 2006,
        basis: "Labour Code of the Republic of Azerbaijan, art. 105 (called Republic Day until 2021)",
    },
    Fixed { month: 6, day: 15, id: HolidayId::NationalSalvationDay, kind: Kind::DayOff, since: 2006, basis: ART_105 },
    Fixed { month: 6, day: 26, id: HolidayId::ArmedForcesDay, kind: Kind::DayOff, since: 2006, basis: ART_105 },
    Fixed {
        month: 9,
        day: 20,
        id: HolidayId::StateSovereigntyDay,
        kind: Kind::WorkingDay,
        since: 2024,
        basis: "Presidential order of 19 September 2024 (State Sovereignty Day); a working day because it is not among the days off of Labour Code art. 105 (Cabinet of Ministers clarification, September 2024)",
    },
    Fixed {
        month: 9,
        day: 27,
        id: HolidayId::RemembranceDay,
        kind: Kind::WorkingDay,
        since: 2021,
        basis: "Presidential order of 2 December 2020 (Remembrance Day); a working day",
    },
    Fixed {
        month: 10,
        day: 18,
        id: HolidayId::IndependenceRestorationDay,
        kind: Kind::WorkingDay,
        since: 2006,
        basis: "Holiday that is a working day (not among the days off of Labour Code art. 105)",
    },
    Fixed {
        month: 11,
        day: 8,
        id: HolidayId::VictoryDay,
        kind: Kind::DayOff,
        since: 2021,
        basis: "Labour Code of the Republic of Azerbaijan, art. 105; Victory Day established by presidential order of 3 December 2020",
    },
    Fixed {
        month: 11,
        day: 9,
        id: HolidayId::StateFlagDay,
        kind: Kind::DayOff,
        since: 2010,
        basis: ART_105,
    },
    Fixed {
        month: 11,
        day: 12,
        id: HolidayId::ConstitutionDay,
        kind: Kind::WorkingDay,
        since: 2006,
        basis: "Holiday that is a working day (not among the days off of Labour Code art. 105)",
    },
    Fixed {
        month: 11,
        day: 17,
        id: HolidayId::NationalRevivalDay,
        kind: Kind::WorkingDay,
        since: 2006,
        basis: "Holiday that is a working day (not among the days off of Labour Code art. 105)",
    },
    Fixed { month: 12, day: 31, id: HolidayId::SolidarityDay, kind: Kind::DayOff, since: 2006, basis: ART_105 },
];

/// Names of a holiday in Azerbaijani, English and Russian.
pub(crate) fn holiday_names(id: HolidayId) -> (&'static str, &'static str, &'static str) {
    match id {
        HolidayId::NewYear => ("Yeni il bayramı", "New Year", "Новый год"),
        HolidayId::NationalMourningDay => ("Ümumxalq Hüzn Günü", "Day of National Mourning", "День всенародной скорби"),
        HolidayId::WomensDay => ("Qadınlar Günü", "Women's Day", "Женский день"),
        HolidayId::Novruz => ("Novruz bayramı", "Novruz holiday", "Праздник Новруз"),
        HolidayId::RamazanBayrami => ("Ramazan bayramı", "Ramazan bayrami (Eid al-Fitr)", "Праздник Рамазан"),
        HolidayId::QurbanBayrami => ("Qurban bayramı", "Qurban bayrami (Eid al-Adha)", "Праздник Гурбан"),
        HolidayId::VictoryOverFascismDay => {
            ("Faşizm üzərində Qələbə Günü", "Day of Victory over Fascism", "День Победы над фашизмом")
        }
        HolidayId::IndependenceDay => ("Müstəqillik Günü", "Independence Day", "День независимости"),
        HolidayId::NationalSalvationDay => (
            "Azərbaycan xalqının Milli Qurtuluş Günü",
            "National Salvation Day of the Azerbaijani People",
            "День национального спасения азербайджанского народа",
        ),
        HolidayId::ArmedForcesDay => (
            "Azərbaycan Respublikasının Silahlı Qüvvələri Günü",
            "Armed Forces Day of the Republic of Azerbaijan",
            "День Вооружённых сил Азербайджанской Республики",
        ),
        HolidayId::StateSovereigntyDay => {
            ("Dövlət Suverenliyi Günü", "State Sovereignty Day", "День государственного суверенитета")
        }
        HolidayId::RemembranceDay => ("Anım Günü", "Remembrance Day", "День памяти"),
        HolidayId::IndependenceRestorationDay => {
            ("Müstəqilliyin Bərpası Günü", "Independence Restoration Day", "День восстановления независимости")
        }
        HolidayId::VictoryDay => ("Zəfər Günü", "Victory Day", "День Победы"),
        HolidayId::StateFlagDay => (
            "Azərbaycan Respublikasının Dövlət Bayrağı Günü",
            "State Flag Day of the Republic of Azerbaijan",
            "День Государственного флага Азербайджанской Республики",
        ),
        HolidayId::ConstitutionDay => ("Konstitusiya Günü", "Constitution Day", "День Конституции"),
        HolidayId::NationalRevivalDay => {
            ("Milli Dirçəliş Günü", "National Revival Day", "День национального возрождения")
        }
        HolidayId::SolidarityDay => (
            "Dünya Azərbaycanlılarının Həmrəyliyi Günü",
            "Day of Solidarity of World Azerbaijanis",
            "День солидарности азербайджанцев мира",
        ),
    }
}

fn law_source(basis: &str) -> Source {
    Source {
        issuer: "Milli Majlis of the Republic of Azerbaijan".to_owned(),
        act: Some("law".to_owned()),
        number: None,
        date: None,
        title: Some(basis.to_owned()),
        url: None,
        note: None,
    }
}

/// One holiday day in a given year.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    pub date: NaiveDate,
    pub id: HolidayId,
    pub kind: Kind,
    pub source: Option<Source>,
    pub confidence: Option<Confidence>,
}

impl Occurrence {
    pub(crate) fn to_holiday(&self) -> Holiday {
        let (az, en, ru) = holiday_names(self.id);
        Holiday {
            date: self.date,
            id: self.id,
            az: az.to_owned(),
            en: en.to_owned(),
            ru: ru.to_owned(),
            working_day: self.kind == Kind::WorkingDay,
            source: self.source.clone(),
            confidence: self.confidence,
        }
    }
}

fn push_lunar(out: &mut Vec<Occurrence>, id: HolidayId, e: &LunarEntry) {
    for &date in &e.dates {
        out.push(Occurrence { date, id, kind: Kind::DayOff, source: e.source.clone(), confidence: e.confidence });
    }
}

/// All holiday days of `year` (fixed ones by rule, Novruz/Ramazan/Qurban from
/// `data` if present), sorted by date, then by [`HolidayId`] order.
pub(crate) fn occurrences(year: i32, data: Option<&YearData>) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for f in FIXED {
        if year < f.since {
            continue;
        }
        if let Some(date) = NaiveDate::from_ymd_opt(year, f.month, f.day) {
            out.push(Occurrence { date, id: f.id, kind: f.kind, source: Some(law_source(f.basis)), confidence: None });
        }
    }
    if let Some(d) = data {
        push_lunar(&mut out, HolidayId::Novruz, &d.novruz);
        push_lunar(&mut out, HolidayId::RamazanBayrami, &d.ramazan);
        push_lunar(&mut out, HolidayId::QurbanBayrami, &d.qurban);
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    out
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn fmt_dot(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn join_names(ids: &[HolidayId]) -> (String, String, String) {
    let mut az = Vec::new();
    let mut en = Vec::new();
    let mut ru = Vec::new();
    for &id in ids {
        let (a, e, r) = holiday_names(id);
        az.push(a);
        en.push(e);
        ru.push(r);
    }
    (az.join(", "), en.join(", "), ru.join(", "))
}

fn holiday_reason(o: &Occurrence) -> DayOffReason {
    let (az, en, ru) = holiday_names(o.id);
    DayOffReason {
        code: if o.kind == Kind::Mourning { ReasonCode::Mourning } else { ReasonCode::Holiday },
        holidays: vec![o.id],
        related_date: None,
        az: az.to_owned(),
        en: en.to_owned(),
        ru: ru.to_owned(),
        source: o.source.clone(),
        confidence: o.confidence,
    }
}

fn weakest(c: impl Iterator<Item = Option<Confidence>>) -> Option<Confidence> {
    let mut out = None;
    for x in c.flatten() {
        if x == Confidence::Unverified || out.is_none() {
            out = Some(x);
        }
    }
    out
}

fn carry_reason(from: NaiveDate, occs: &[&Occurrence]) -> DayOffReason {
    let ids: Vec<HolidayId> = occs.iter().map(|o| o.id).collect();
    let (az, en, ru) = join_names(&ids);
    DayOffReason {
        code: ReasonCode::CarryOver,
        holidays: ids,
        related_date: Some(from),
        az: format!(
            "Keçirilmiş istirahət günü: {az} ({}) istirahət gününə təsadüf etdiyi üçün",
            fmt_dot(from)
        ),
        en: format!("Day off carried over from {en} on {from}, which fell on a weekend"),
        ru: format!("Перенесённый выходной: {ru} ({}) совпал с выходным днём", fmt_dot(from)),
        source: Some(law_source(
            "Labour Code of the Republic of Azerbaijan, art. 105.5 (a weekly rest day that coincides with a holiday moves to the next working day)",
        )),
        confidence: weakest(occs.iter().map(|o| o.confidence)),
    }
}

fn overlap_reason(from: NaiveDate, bayram: &Occurrence, others: &[&Occurrence]) -> DayOffReason {
    let mut ids = vec![bayram.id];
    ids.extend(others.iter().map(|o| o.id));
    let (b_az, b_en, b_ru) = holiday_names(bayram.id);
    let other_ids: Vec<HolidayId> = others.iter().map(|o| o.id).collect();
    let (o_az, o_en, o_ru) = join_names(&other_ids);
    DayOffReason {
        code: ReasonCode::BayramOverlap,
        holidays: ids,
        related_date: Some(from),
        az: format!(
            "Əlavə istirahət günü: {b_az} ({}) iş günü hesab olunmayan başqa bayram günü ({o_az}) ilə üst-üstə düşdüyü üçün",
            fmt_dot(from)
        ),
        en: format!("Extra day off: {b_en} on {from} coincided with another holiday day off ({o_en})"),
        ru: format!(
            "Дополнительный выходной: {b_ru} ({}) совпал с другим праздничным днём ({o_ru})",
            fmt_dot(from)
        ),
        source: Some(law_source(
            "Labour Code of the Republic of Azerbaijan, art. 105 (when a Ramazan or Qurban day coincides with another holiday that is not a working day, the next working day is a rest day)",
        )),
        confidence: weakest(std::iter::once(bayram.confidence).chain(others.iter().map(|o| o.confidence))),
    }
}

fn swap_reasons(
    working_day: NaiveDate,
    day_off: NaiveDate,
    source: &Source,
    confidence: Option<Confidence>,
) -> (DayOffReason, DayOffReason) {
    let off = DayOffReason {
        code: ReasonCode::CabinetSwapDayOff,
        holidays: Vec::new(),
        related_date: Some(working_day),
        az: format!(
            "Nazirlər Kabinetinin qərarı ilə iş və istirahət günlərinin yeri dəyişdirilib: istirahət günü (əvəzinə {} iş günüdür)",
            fmt_dot(working_day)
        ),
        en: format!(
            "Rest day under a Cabinet of Ministers swap of working and rest days ({working_day} is worked instead)"
        ),
        ru: format!(
            "Выходной по решению Кабинета министров о переносе рабочих и выходных дней (взамен {} — рабочий день)",
            fmt_dot(working_day)
        ),
        source: Some(source.clone()),
        confidence,
    };
    let work = DayOffReason {
        code: ReasonCode::CabinetSwapWorkingDay,
        holidays: Vec::new(),
        related_date: Some(day_off),
        az: format!(
            "Nazirlər Kabinetinin qərarı ilə iş və istirahət günlərinin yeri dəyişdirilib: iş günü (istirahət günü {} tarixinə keçirilib)",
            fmt_dot(day_off)
        ),
        en: format!(
            "Working day under a Cabinet of Ministers swap of working and rest days (the rest day moved to {day_off})"
        ),
        ru: format!(
            "Рабочий день по решению Кабинета министров о переносе рабочих и выходных дней (выходной перенесён на {})",
            fmt_dot(day_off)
        ),
        source: Some(source.clone()),
        confidence,
    };
    (off, work)
}

fn election_reason(kind: ElectionKind, source: &Source, confidence: Option<Confidence>) -> DayOffReason {
    let (az, en, ru) = match kind {
        ElectionKind::Presidential => (
            "Azərbaycan Respublikası Prezidenti seçkiləri",
            "Presidential election",
            "Выборы Президента Азербайджанской Республики",
        ),
        ElectionKind::Parliamentary => ("Milli Məclisə seçkilər", "Parliamentary election", "Выборы в Милли Меджлис"),
        ElectionKind::Municipal => ("Bələdiyyə seçkiləri", "Municipal elections", "Муниципальные выборы"),
        ElectionKind::Referendum => ("Referendum", "Referendum", "Референдум"),
        ElectionKind::Other => ("Seçkilər", "Election", "Выборы"),
    };
    DayOffReason {
        code: ReasonCode::Election,
        holidays: Vec::new(),
        related_date: None,
        az: format!("{az}: səsvermə günü iş günü hesab olunmur (Seçki Məcəlləsi, maddə 8.2)"),
        en: format!("{en}: the voting day is not a working day (Election Code, art. 8.2)"),
        ru: format!("{ru}: день голосования не является рабочим днём (Избирательный кодекс, ст. 8.2)"),
        source: Some(source.clone()),
        confidence,
    }
}

/// Everything a calendar needs at query time.
#[derive(Debug)]
pub(crate) struct Built {
    pub first: i32,
    pub last: i32,
    /// 1 January of `first`.
    pub start: NaiveDate,
    /// Number of days from `start` to 31 December of `last`, inclusive.
    pub len: usize,
    /// Bit `i` of the bitmap is set when day `start + i` is a working day.
    pub bits: Vec<u64>,
    /// `prefix[w]` = number of working days in words `0..w` (len = words + 1).
    pub prefix: Vec<u32>,
    /// Every day of `first..=last` that has a reason (days off other than
    /// ordinary weekend days, and days made working by the data).
    pub special: BTreeMap<NaiveDate, DayRecord>,
}

/// Final status and reasons of a special day.
#[derive(Debug, Clone)]
pub(crate) struct DayRecord {
    pub off: bool,
    pub reasons: Vec<DayOffReason>,
}

fn overflow_data(what: &str) -> CalendarError {
    CalendarError::InvalidData { message: format!("internal date range error while {what}") }
}

/// Extended computation span: the year before the first and the year after
/// the last data year, so that carry-overs across 31 December / 1 January
/// are computed in both directions.
struct Span {
    start: NaiveDate,
    flags: Vec<bool>,
}

impl Span {
    fn index(&self, d: NaiveDate) -> Option<usize> {
        let n = d.signed_duration_since(self.start).num_days();
        let i = usize::try_from(n).ok()?;
        (i < self.flags.len()).then_some(i)
    }
    fn get(&self, d: NaiveDate) -> Option<bool> {
        self.index(d).and_then(|i| self.flags.get(i).copied())
    }
    fn set(&mut self, d: NaiveDate, v: bool) {
        if let Some(slot) = self.index(d).and_then(|i| self.flags.get_mut(i)) {
            *slot = v;
        }
    }
    /// First day after `d` that is not (yet) off, inside the span.
    fn next_free(&self, d: NaiveDate) -> Option<NaiveDate> {
        let mut t = d.succ_opt()?;
        loop {
            match self.get(t) {
                Some(false) => return Some(t),
                Some(true) => t = t.succ_opt()?,
                None => return None,
            }
        }
    }
}

fn push_reason(map: &mut BTreeMap<NaiveDate, Vec<DayOffReason>>, d: NaiveDate, r: DayOffReason) {
    map.entry(d).or_default().push(r);
}

type Reasons = BTreeMap<NaiveDate, Vec<DayOffReason>>;
type ByDate = BTreeMap<NaiveDate, Vec<Occurrence>>;

/// Step 1: weekends and the holiday days off of every year of the span.
fn weekends_and_holidays(off: &mut Span, end: NaiveDate, by_date: &ByDate, reasons: &mut Reasons) {
    let mut d = off.start;
    while d <= end {
        if is_weekend(d) {
            off.set(d, true);
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    for (date, occs) in by_date {
        for o in occs.iter().filter(|o| o.kind != Kind::WorkingDay) {
            off.set(*date, true);
            push_reason(reasons, *date, holiday_reason(o));
        }
    }
}

/// Step 2 (art. 105.5): carry-over of holidays falling on a weekend, in date
/// order, each to the next still-free working day. 20 January
/// ([`Kind::Mourning`]) is never carried over.
fn carry_overs(off: &mut Span, by_date: &ByDate, reasons: &mut Reasons) {
    for (date, occs) in by_date {
        if !is_weekend(*date) {
            continue;
        }
        let carried: Vec<&Occurrence> = occs.iter().filter(|o| o.kind == Kind::DayOff).collect();
        if carried.is_empty() {
            continue;
        }
        if let Some(t) = off.next_free(*date) {
            off.set(t, true);
            push_reason(reasons, t, carry_reason(*date, &carried));
        }
    }
}

/// Step 3: one extra rest day for each Ramazan / Qurban day that coincides
/// with another holiday day off.
fn bayram_extras(off: &mut Span, by_date: &ByDate, reasons: &mut Reasons) {
    for (date, occs) in by_date {
        for b in occs.iter().filter(|o| matches!(o.id, HolidayId::RamazanBayrami | HolidayId::QurbanBayrami)) {
            let others: Vec<&Occurrence> = occs.iter().filter(|o| o.id != b.id && o.kind == Kind::DayOff).collect();
            if others.is_empty() {
                continue;
            }
            if let Some(t) = off.next_free(*date) {
                off.set(t, true);
                push_reason(reasons, t, overlap_reason(*date, b, &others));
            }
        }
    }
}

fn declared_reason(code: ReasonCode, e: &OverrideEntry) -> DayOffReason {
    DayOffReason {
        code,
        holidays: Vec::new(),
        related_date: None,
        az: e.reason.az.clone(),
        en: e.reason.en.clone(),
        ru: e.reason.ru.clone(),
        source: Some(e.source.clone()),
        confidence: e.confidence,
    }
}

/// Step 4: the year data, applied after the rules: swaps, elections,
/// `extra_days_off`, `working_days` (the last one wins).
fn apply_data(off: &mut Span, years: &BTreeMap<i32, YearData>, reasons: &mut Reasons) {
    for y in years.values() {
        for s in &y.swaps {
            let (r_off, r_work) = swap_reasons(s.working_day, s.day_off, &s.source, s.confidence);
            off.set(s.working_day, false);
            push_reason(reasons, s.working_day, r_work);
            off.set(s.day_off, true);
            push_reason(reasons, s.day_off, r_off);
        }
    }
    for y in years.values() {
        for e in &y.elections {
            off.set(e.date, true);
            push_reason(reasons, e.date, election_reason(e.kind, &e.source, e.confidence));
        }
    }
    for y in years.values() {
        for e in &y.extra_days_off {
            off.set(e.date, true);
            push_reason(reasons, e.date, declared_reason(ReasonCode::DeclaredDayOff, e));
        }
    }
    for y in years.values() {
        for e in &y.working_days {
            off.set(e.date, false);
            push_reason(reasons, e.date, declared_reason(ReasonCode::DeclaredWorkingDay, e));
        }
    }
}

/// Step 5: the data years as a bitmap of working days with prefix counts,
/// plus the reasons of the special days.
fn store(first: i32, last: i32, off: &Span, reasons: Reasons) -> Result<Built, CalendarError> {
    let start = NaiveDate::from_ymd_opt(first, 1, 1).ok_or_else(|| overflow_data("storing"))?;
    let end = NaiveDate::from_ymd_opt(last, 12, 31).ok_or_else(|| overflow_data("storing"))?;
    let len = usize::try_from(end.signed_duration_since(start).num_days() + 1).map_err(|_| overflow_data("storing"))?;
    let words = len.div_ceil(64);
    let mut bits = vec![0u64; words];
    let mut d = start;
    let mut i = 0usize;
    while d <= end {
        if let (Some(false), Some(w)) = (off.get(d), bits.get_mut(i / 64)) {
            *w |= 1u64 << (i % 64);
        }
        i += 1;
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    let mut prefix = Vec::with_capacity(words + 1);
    let mut acc = 0u32;
    prefix.push(0);
    for w in &bits {
        acc = acc.saturating_add(w.count_ones());
        prefix.push(acc);
    }
    let special = reasons
        .into_iter()
        .filter(|(date, _)| *date >= start && *date <= end)
        .map(|(date, reasons)| {
            let is_off = off.get(date).unwrap_or(true);
            (date, DayRecord { off: is_off, reasons })
        })
        .collect();
    Ok(Built { first, last, start, len, bits, prefix, special })
}

/// Runs the rule engine over `years` (already validated and contiguous) and
/// applies the data overrides. The computation covers the year before the
/// first and the year after the last data year, so that carry-overs across
/// 31 December / 1 January are right in both directions.
pub(crate) fn build(years: &BTreeMap<i32, YearData>) -> Result<Built, CalendarError> {
    let (Some(&first), Some(&last)) = (years.keys().next(), years.keys().next_back()) else {
        return Err(CalendarError::InvalidData { message: "no year data".to_owned() });
    };
    let ext_start = NaiveDate::from_ymd_opt(first - 1, 1, 1).ok_or_else(|| overflow_data("building the span"))?;
    let ext_end = NaiveDate::from_ymd_opt(last + 1, 12, 31).ok_or_else(|| overflow_data("building the span"))?;
    let ext_len = usize::try_from(ext_end.signed_duration_since(ext_start).num_days() + 1)
        .map_err(|_| overflow_data("building the span"))?;
    let mut off = Span { start: ext_start, flags: vec![false; ext_len] };

    let mut by_date: ByDate = BTreeMap::new();
    for y in (first - 1)..=(last + 1) {
        for o in occurrences(y, years.get(&y)) {
            by_date.entry(o.date).or_default().push(o);
        }
    }
    let mut reasons: Reasons = BTreeMap::new();
    weekends_and_holidays(&mut off, ext_end, &by_date, &mut reasons);
    carry_overs(&mut off, &by_date, &mut reasons);
    bayram_extras(&mut off, &by_date, &mut reasons);
    apply_data(&mut off, years, &mut reasons);
    store(first, last, &off, reasons)
}
