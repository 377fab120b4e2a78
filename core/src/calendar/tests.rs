#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use chrono::{Datelike, NaiveDate, Weekday};

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn az() -> &'static Calendar {
    Calendar::azerbaijan()
}

fn working(date: NaiveDate) -> bool {
    az().is_working_day(date).unwrap()
}

fn off_dates(cal: &Calendar, year: i32) -> Vec<NaiveDate> {
    cal.days_off(year).unwrap().into_iter().map(|x| x.date).collect()
}

fn reasons_of(cal: &Calendar, date: NaiveDate) -> Vec<DayOffReason> {
    cal.days_off(date.year()).unwrap().into_iter().find(|x| x.date == date).map(|x| x.reasons).unwrap_or_default()
}

fn codes_of(date: NaiveDate) -> Vec<ReasonCode> {
    reasons_of(az(), date).iter().map(|r| r.code).collect()
}

fn working_days_in_year(cal: &Calendar, year: i32) -> u32 {
    let mut n = 0;
    let mut x = d(year, 1, 1);
    while x.year() == year {
        if cal.is_working_day(x).unwrap() {
            n += 1;
        }
        x = x.succ_opt().unwrap();
    }
    n
}

fn is_weekend(x: NaiveDate) -> bool {
    matches!(x.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The embedded file as a JSON value, to derive variants in tests.
fn embedded_value() -> serde_json::Value {
    serde_json::from_str(EMBEDDED_JSON).unwrap()
}

/// The embedded data restricted to the given years.
fn embedded_years(keep: &[i32]) -> String {
    let mut v = embedded_value();
    let years = v["years"].as_array_mut().unwrap();
    years.retain(|y| keep.contains(&(y["year"].as_i64().unwrap() as i32)));
    v.to_string()
}

/// A made-up year 2030 (Novruz 20–24 March = Wed–Sun, Ramazan 5–6 February,
/// Qurban 13–14 April = Sat–Sun) with a swap, an election and both overrides.
const MADE_UP_2030: &str = r#"{
  "version": "test-2030",
  "years": [{
    "year": 2030,
    "novruz": { "dates": ["2030-03-20","2030-03-21","2030-03-22","2030-03-23","2030-03-24"], "confidence": "unverified" },
    "ramazan": { "dates": ["2030-02-05","2030-02-06"] },
    "qurban": { "dates": ["2030-04-13","2030-04-14"] },
    "swaps": [ { "working_day": "2030-03-30", "day_off": "2030-03-27",
                 "source": { "issuer": "Cabinet of Ministers", "act": "decision", "number": "1", "date": "2029-12-01" } } ],
    "elections": [ { "date": "2030-10-02", "kind": "referendum", "source": { "issuer": "Central Election Commission" } } ],
    "extra_days_off": [ { "date": "2030-12-30", "reason": { "az": "Test", "en": "Test day off", "ru": "Тест" },
                          "source": { "issuer": "Test" } } ],
    "working_days": [ { "date": "2030-06-17", "reason": { "az": "Test", "en": "Test working day", "ru": "Тест" },
                        "source": { "issuer": "Test" } } ]
  }]
}"#;

/// A made-up year 2027 to extend the embedded data by one year.
const MADE_UP_2027: &str = r#"{
  "version": "test-2027",
  "years": [{
    "year": 2027,
    "novruz": { "dates": ["2027-03-20","2027-03-21","2027-03-22","2027-03-23","2027-03-24"] },
    "ramazan": { "dates": ["2027-03-10","2027-03-11"] },
    "qurban": { "dates": ["2027-05-17","2027-05-18"] }
  }]
}"#;

// ---------------------------------------------------------------- embedded data

#[test]
fn embedded_data_parses() {
    let cal = Calendar::from_json(EMBEDDED_JSON).expect("embedded data must parse");
    assert_eq!(cal.years(), 2019..=2026);
    assert_eq!(cal.version(), "2026.1");
    assert!(cal.source_note().unwrap().contains("art. 105"));
    assert_eq!(az().years(), 2019..=2026);
}

#[test]
fn calendar_is_cheap_to_clone_and_shares_data() {
    let a = az().clone();
    let b = a.clone();
    assert!(Arc::ptr_eq(&a.inner, &b.inner));
    assert_eq!(format!("{a:?}"), "Calendar { version: \"2026.1\", years: 2019..=2026 }");
}

// ---------------------------------------------------------------- 2026, the brief

#[test]
fn complete_2026_days_off() {
    let expected = vec![
        d(2026, 1, 1),
        d(2026, 1, 2),
        d(2026, 1, 20),
        d(2026, 3, 8), // Sunday, holiday (listed: not an ordinary weekend day)
        d(2026, 3, 9),
        d(2026, 3, 20),
        d(2026, 3, 21),
        d(2026, 3, 22),
        d(2026, 3, 23),
        d(2026, 3, 24),
        d(2026, 3, 25),
        d(2026, 3, 26),
        d(2026, 3, 27),
        d(2026, 3, 30),
        d(2026, 5, 9), // Saturday, holiday
        d(2026, 5, 11),
        d(2026, 5, 27),
        d(2026, 5, 28),
        d(2026, 5, 29),
        d(2026, 6, 15),
        d(2026, 6, 26),
        d(2026, 11, 8), // Sunday, holiday
        d(2026, 11, 9),
        d(2026, 11, 10),
        d(2026, 12, 31),
    ];
    assert_eq!(off_dates(az(), 2026), expected);
    // The whole of 20–30 March is off (28–29 March are ordinary weekend days).
    let mut x = d(2026, 3, 20);
    while x <= d(2026, 3, 30) {
        assert!(!working(x), "{x} must be off");
        x = x.succ_opt().unwrap();
    }
    assert!(working(d(2026, 3, 19)));
    assert!(working(d(2026, 3, 31)));
    assert!(az().extra_working_days(2026).unwrap().is_empty());
}

#[test]
fn reasons_for_2026() {
    let r = reasons_of(az(), d(2026, 3, 9));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].code, ReasonCode::CarryOver);
    assert_eq!(r[0].related_date, Some(d(2026, 3, 8)));
    assert_eq!(r[0].holidays, vec![HolidayId::WomensDay]);
    assert!(r[0].en.contains("Women's Day") && r[0].en.contains("2026-03-08"));
    assert!(r[0].az.contains("08.03.2026"));
    assert!(r[0].ru.contains("08.03.2026"));

    // 25, 26 March: carry-overs of the weekend Novruz days 21 and 22 March.
    let r = reasons_of(az(), d(2026, 3, 25));
    assert_eq!(r[0].code, ReasonCode::CarryOver);
    assert_eq!(r[0].related_date, Some(d(2026, 3, 21)));
    assert_eq!(r[0].holidays, vec![HolidayId::Novruz, HolidayId::RamazanBayrami]);
    assert_eq!(reasons_of(az(), d(2026, 3, 26))[0].related_date, Some(d(2026, 3, 22)));

    // 27 and 30 March: extra days, Ramazan coinciding with Novruz.
    for (day, from) in [(27, 20), (30, 21)] {
        let r = reasons_of(az(), d(2026, 3, day));
        assert_eq!(r.len(), 1, "{day} March");
        assert_eq!(r[0].code, ReasonCode::BayramOverlap);
        assert_eq!(r[0].related_date, Some(d(2026, 3, from)));
        assert_eq!(r[0].holidays, vec![HolidayId::RamazanBayrami, HolidayId::Novruz]);
        assert_eq!(r[0].confidence, Some(Confidence::Verified));
    }

    // 20 March: both holidays.
    let r = reasons_of(az(), d(2026, 3, 20));
    let ids: Vec<_> = r.iter().flat_map(|x| x.holidays.clone()).collect();
    assert_eq!(ids, vec![HolidayId::Novruz, HolidayId::RamazanBayrami]);
    assert!(r.iter().all(|x| x.code == ReasonCode::Holiday));
    let src = r[1].source.as_ref().unwrap();
    assert_eq!(src.number.as_deref(), Some("362"));
    assert_eq!(src.date, Some(d(2025, 12, 2)));

    // 29 May: Qurban 28 May coinciding with Independence Day.
    let r = reasons_of(az(), d(2026, 5, 29));
    assert_eq!(r[0].code, ReasonCode::BayramOverlap);
    assert_eq!(r[0].related_date, Some(d(2026, 5, 28)));
    assert_eq!(r[0].holidays, vec![HolidayId::QurbanBayrami, HolidayId::IndependenceDay]);

    // 11 May (9 May Saturday), 10 November (8 November Sunday, 9 November a holiday).
    assert_eq!(reasons_of(az(), d(2026, 5, 11))[0].related_date, Some(d(2026, 5, 9)));
    let r = reasons_of(az(), d(2026, 11, 10));
    assert_eq!(r[0].code, ReasonCode::CarryOver);
    assert_eq!(r[0].related_date, Some(d(2026, 11, 8)));
    assert_eq!(r[0].holidays, vec![HolidayId::VictoryDay]);
    assert_eq!(codes_of(d(2026, 1, 20)), vec![ReasonCode::Mourning]);
    assert_eq!(codes_of(d(2026, 12, 31)), vec![ReasonCode::Holiday]);
}

#[test]
fn worked_examples_from_the_brief() {
    let event = d(2026, 5, 6);
    assert_eq!(az().add(event, Period::WorkingDays(30)).unwrap(), d(2026, 6, 24));
    assert_eq!(az().add(event, Period::WorkingDays(7)).unwrap(), d(2026, 5, 18));
    assert_eq!(az().working_days_between(event, d(2026, 6, 24)).unwrap(), 30);
    assert_eq!(az().working_days_between(event, d(2026, 5, 18)).unwrap(), 7);
}

// ---------------------------------------------------------------- totals vs. the Ministry

#[test]
fn yearly_working_day_totals() {
    // Ministry of Labour production calendars (five-day week): 2021 241,
    // 2022 241, 2025 239, 2026 241.
    assert_eq!(working_days_in_year(az(), 2021), 241);
    assert_eq!(working_days_in_year(az(), 2022), 241);
    assert_eq!(working_days_in_year(az(), 2025), 239);
    assert_eq!(working_days_in_year(az(), 2026), 241);
    // Years where later Cabinet decisions changed the Ministry's figure:
    // 2019: 242 + Saturday/Sunday 28–29 Dec made working = 244.
    assert_eq!(working_days_in_year(az(), 2019), 244);
    // 2020: COVID-19 non-working days (among them Sunday 29 March, which the
    // Novruz swap had made a working day in exchange for 27 March) and the May
    // swap (Sunday 31 May worked).
    assert_eq!(working_days_in_year(az(), 2020), 234);
    // 2023: 240 + Saturday 30 Dec made working = 241.
    assert_eq!(working_days_in_year(az(), 2023), 241);
    // 2024: 239 planned; + 29 Dec worked (rest moved to 3 Jan 2025) and no
    // municipal election in 2024 (held 29 Jan 2025) = 241.
    assert_eq!(working_days_in_year(az(), 2024), 241);
}

#[test]
fn ministry_carry_over_lists_are_reproduced() {
    // Weekday days off "due to coinciding with holidays" as listed by the
    // Ministry's production calendars (five-day week).
    let lists: &[(i32, &[(u32, u32)])] = &[
        (2019, &[(3, 25), (3, 26), (6, 17), (11, 11)]),
        (2021, &[(1, 4), (3, 25), (3, 26), (5, 10), (6, 28)]),
        (2022, &[(1, 3), (1, 4), (3, 25), (5, 30), (6, 27), (7, 11), (7, 12)]),
        (2023, &[(1, 3), (1, 4), (4, 24), (5, 29)]),
        (2024, &[(3, 25), (3, 26), (6, 18), (6, 19), (11, 11)]),
        (2025, &[(3, 25), (3, 26), (6, 9), (6, 16), (11, 10), (11, 11)]),
        (2026, &[(3, 9), (3, 25), (3, 26), (5, 11), (11, 10)]),
    ];
    for (y, days) in lists {
        for (m, day) in *days {
            let x = d(*y, *m, *day);
            assert!(!working(x), "{x} must be off");
            assert!(codes_of(x).contains(&ReasonCode::CarryOver), "{x} must be a carry-over, got {:?}", codes_of(x));
        }
    }
}

// ---------------------------------------------------------------- art. 105 rules

#[test]
fn weekend_is_off_and_weekdays_work() {
    assert!(!working(d(2026, 2, 7))); // Saturday
    assert!(!working(d(2026, 2, 8))); // Sunday
    assert!(working(d(2026, 2, 9))); // Monday
    assert!(working(d(2026, 2, 13))); // Friday
                                      // Ordinary weekend days are not listed.
    assert!(!off_dates(az(), 2026).contains(&d(2026, 2, 7)));
}

#[test]
fn fixed_holidays_are_days_off() {
    for x in [
        d(2025, 1, 1),
        d(2025, 1, 2),
        d(2023, 3, 8),
        d(2024, 5, 9),
        d(2024, 5, 28),
        d(2023, 6, 15),
        d(2023, 6, 26),
        d(2023, 11, 8),
        d(2023, 11, 9),
        d(2025, 12, 31),
    ] {
        assert!(!working(x), "{x}");
        assert_eq!(codes_of(x)[0], ReasonCode::Holiday, "{x}");
    }
}

#[test]
fn mourning_day_is_off_but_never_carried_over() {
    // 2019-01-20 Sunday, 2024-01-20 Saturday: the following Monday works.
    assert_eq!(codes_of(d(2019, 1, 20)), vec![ReasonCode::Mourning]);
    assert!(working(d(2019, 1, 21)));
    assert_eq!(codes_of(d(2024, 1, 20)), vec![ReasonCode::Mourning]);
    assert!(working(d(2024, 1, 22)));
    // On a weekday it is a day off.
    assert!(!working(d(2021, 1, 20)));
    assert!(!working(d(2026, 1, 20)));
    // No carry-over reason anywhere refers to 20 January.
    for y in az().years() {
        for off in az().days_off(y).unwrap() {
            for r in &off.reasons {
                if r.code == ReasonCode::CarryOver {
                    assert!(!r.holidays.contains(&HolidayId::NationalMourningDay));
                }
            }
        }
    }
}

#[test]
fn carry_over_to_next_working_day() {
    // 2021: 2 January Saturday -> 4 January; 9 May Sunday -> 10 May; 26 June Saturday -> 28 June.
    assert_eq!(reasons_of(az(), d(2021, 1, 4))[0].related_date, Some(d(2021, 1, 2)));
    assert_eq!(reasons_of(az(), d(2021, 5, 10))[0].related_date, Some(d(2021, 5, 9)));
    assert_eq!(reasons_of(az(), d(2021, 6, 28))[0].related_date, Some(d(2021, 6, 26)));
    // 2022: 28 May Saturday -> 30 May; Qurban 9–10 July (Sat–Sun) -> 11, 12 July.
    assert_eq!(reasons_of(az(), d(2022, 5, 30))[0].related_date, Some(d(2022, 5, 28)));
    assert_eq!(reasons_of(az(), d(2022, 7, 11))[0].related_date, Some(d(2022, 7, 9)));
    assert_eq!(reasons_of(az(), d(2022, 7, 12))[0].related_date, Some(d(2022, 7, 10)));
    assert!(working(d(2022, 7, 13)));
    // 2020: Ramazan 24 May Sunday -> 26 May; Qurban 1 August Saturday -> 3 August.
    assert_eq!(reasons_of(az(), d(2020, 5, 26))[0].related_date, Some(d(2020, 5, 24)));
    assert_eq!(reasons_of(az(), d(2020, 8, 3))[0].related_date, Some(d(2020, 8, 1)));
    // 2025: 8 and 9 November (Sat, Sun) -> 10, 11 November.
    assert_eq!(reasons_of(az(), d(2025, 11, 10))[0].related_date, Some(d(2025, 11, 8)));
    assert_eq!(reasons_of(az(), d(2025, 11, 11))[0].related_date, Some(d(2025, 11, 9)));
    assert!(working(d(2025, 11, 12)));
}

#[test]
fn colliding_carry_overs_take_the_next_free_days() {
    // 2024: 15 June (Saturday, National Salvation) and Qurban 16 (Sunday), 17 June.
    // 17 June is itself a holiday, so the two carried days are 18 and 19 June.
    for (day, from) in [(18, 15), (19, 16)] {
        let r = reasons_of(az(), d(2024, 6, day));
        assert_eq!(r[0].code, ReasonCode::CarryOver);
        assert_eq!(r[0].related_date, Some(d(2024, 6, from)));
    }
    assert!(!working(d(2024, 6, 17)));
    assert!(working(d(2024, 6, 20)));
    // 2024: Novruz 23–24 March (Sat–Sun) -> 25, 26 March.
    assert_eq!(reasons_of(az(), d(2024, 3, 25))[0].related_date, Some(d(2024, 3, 23)));
    assert_eq!(reasons_of(az(), d(2024, 3, 26))[0].related_date, Some(d(2024, 3, 24)));
    // 2026: Novruz weekend (21, 22 March) then the two Ramazan extra days.
    assert_eq!(codes_of(d(2026, 3, 26)), vec![ReasonCode::CarryOver]);
    assert_eq!(codes_of(d(2026, 3, 27)), vec![ReasonCode::BayramOverlap]);
}

#[test]
fn extra_day_only_when_bayram_coincides_with_another_holiday() {
    assert_eq!(codes_of(d(2026, 5, 29)), vec![ReasonCode::BayramOverlap]);
    assert_eq!(codes_of(d(2026, 3, 27)), vec![ReasonCode::BayramOverlap]);
    assert_eq!(codes_of(d(2026, 3, 30)), vec![ReasonCode::BayramOverlap]);
    let extras = |y| {
        az().days_off(y)
            .unwrap()
            .into_iter()
            .filter(|x| x.reasons.iter().any(|r| r.code == ReasonCode::BayramOverlap))
            .count()
    };
    assert_eq!(extras(2026), 3);
    // No overlaps in 2019–2025 (e.g. Qurban 2023 on 28–29 June, next to but not on 26 June).
    for y in 2019..=2025 {
        assert_eq!(extras(y), 0, "{y}");
    }
}

#[test]
fn working_day_holidays_are_working_days() {
    // 18 Oct 2024 Fri, 12 Nov 2025 Wed, 17 Nov 2025 Mon, 20 Sep 2024 Fri, 27 Sep 2023 Wed.
    for x in [d(2024, 10, 18), d(2025, 11, 12), d(2025, 11, 17), d(2024, 9, 20), d(2023, 9, 27)] {
        assert!(working(x), "{x} must be a working day");
        assert!(codes_of(x).is_empty(), "{x} must not be listed as a day off");
    }
    let h = az().holidays(2026).unwrap();
    let find = |id| h.iter().find(|x| x.id == id).unwrap();
    for (id, m, day) in [
        (HolidayId::StateSovereigntyDay, 9, 20),
        (HolidayId::RemembranceDay, 9, 27),
        (HolidayId::IndependenceRestorationDay, 10, 18),
        (HolidayId::ConstitutionDay, 11, 12),
        (HolidayId::NationalRevivalDay, 11, 17),
    ] {
        let x = find(id);
        assert_eq!(x.date, d(2026, m, day));
        assert!(x.working_day, "{id:?}");
    }
    assert!(!find(HolidayId::VictoryDay).working_day);
    assert_eq!(find(HolidayId::VictoryDay).en, "Victory Day");
    assert_eq!(find(HolidayId::NationalMourningDay).az, "Ümumxalq Hüzn Günü");
}

#[test]
fn holidays_list_per_year() {
    let h = az().holidays(2026).unwrap();
    // 16 fixed-date entries (both New Year days, 20 Jan and the five working-day
    // holidays included) + 5 Novruz + 2 Ramazan + 2 Qurban.
    assert_eq!(h.len(), 16 + 5 + 2 + 2);
    // Sorted by date.
    assert!(h.windows(2).all(|w| w[0].date <= w[1].date));
    let novruz: Vec<_> = h.iter().filter(|x| x.id == HolidayId::Novruz).map(|x| x.date).collect();
    assert_eq!(novruz, (20..=24).map(|x| d(2026, 3, x)).collect::<Vec<_>>());
    let ram = h.iter().find(|x| x.id == HolidayId::RamazanBayrami).unwrap();
    assert_eq!(ram.source.as_ref().unwrap().number.as_deref(), Some("362"));
    assert_eq!(ram.confidence, Some(Confidence::Verified));
    // Days introduced later do not exist before.
    let ids = |y| az().holidays(y).unwrap().into_iter().map(|x| x.id).collect::<Vec<_>>();
    assert!(!ids(2020).contains(&HolidayId::VictoryDay));
    assert!(!ids(2020).contains(&HolidayId::RemembranceDay));
    assert!(ids(2021).contains(&HolidayId::VictoryDay));
    assert!(ids(2021).contains(&HolidayId::RemembranceDay));
    assert!(!ids(2023).contains(&HolidayId::StateSovereigntyDay));
    assert!(ids(2024).contains(&HolidayId::StateSovereigntyDay));
    // 8 November 2020 (Sunday) was not yet a holiday: no carry-over, 10 November works.
    assert!(working(d(2020, 11, 10)));
}

#[test]
fn cabinet_swaps() {
    // 2024: 12 April (Fri) off, Saturday 6 April worked.
    assert!(working(d(2024, 4, 6)));
    assert_eq!(codes_of(d(2024, 4, 12)), vec![ReasonCode::CabinetSwapDayOff]);
    assert_eq!(reasons_of(az(), d(2024, 4, 12))[0].related_date, Some(d(2024, 4, 6)));
    // 2024 November (COP29): 12, 13 off; Saturdays 16 and 23 worked.
    assert!(!working(d(2024, 11, 12)) && !working(d(2024, 11, 13)));
    assert!(working(d(2024, 11, 16)) && working(d(2024, 11, 23)));
    // 2023 June: 27 and 30 June off, 24–25 June worked.
    assert!(!working(d(2023, 6, 27)) && !working(d(2023, 6, 30)));
    assert!(working(d(2023, 6, 24)) && working(d(2023, 6, 25)));
    // 2025 March: the carried-over 10 March and 1 April are worked, 27–28 March off.
    assert!(working(d(2025, 3, 10)));
    assert!(working(d(2025, 4, 1)));
    assert!(!working(d(2025, 3, 27)) && !working(d(2025, 3, 28)));
    let w = az().extra_working_days(2025).unwrap();
    assert_eq!(w.iter().map(|x| x.date).collect::<Vec<_>>(), vec![d(2025, 3, 10), d(2025, 4, 1), d(2025, 6, 21)]);
    let codes: Vec<_> = w[0].reasons.iter().map(|r| r.code).collect();
    assert_eq!(codes, vec![ReasonCode::CarryOver, ReasonCode::CabinetSwapWorkingDay]);
    assert_eq!(w[0].reasons[1].related_date, Some(d(2025, 3, 27)));
    // 2024 swapped-in working days, listed separately.
    let w: Vec<_> = az().extra_working_days(2024).unwrap().into_iter().map(|x| x.date).collect();
    assert_eq!(
        w,
        vec![d(2024, 1, 7), d(2024, 4, 6), d(2024, 11, 16), d(2024, 11, 23), d(2024, 12, 28), d(2024, 12, 29)]
    );
    // 2021: Sundays/Saturdays worked around Ramazan and Qurban.
    assert!(working(d(2021, 5, 8)) && working(d(2021, 5, 16)) && working(d(2021, 7, 17)));
    assert!(!working(d(2021, 5, 11)) && !working(d(2021, 5, 12)) && !working(d(2021, 7, 19)));
    // 2022: 7 November off, Saturday 5 November worked.
    assert!(!working(d(2022, 11, 7)) && working(d(2022, 11, 5)));
    // 2023: 10 November off, Saturday 4 November worked.
    assert!(!working(d(2023, 11, 10)) && working(d(2023, 11, 4)));
    // 2020: 27 May off, Sunday 31 May worked.
    assert!(!working(d(2020, 5, 27)) && working(d(2020, 5, 31)));
    // 2022: 7 March off (8 March was a Tuesday), Saturday 5 March worked.
    assert!(!working(d(2022, 3, 7)) && working(d(2022, 3, 5)));
    // 2025: 27 June off (26 June Armed Forces Day was a Thursday), Saturday 21 June worked.
    assert!(!working(d(2025, 6, 27)) && working(d(2025, 6, 21)));
    assert_eq!(az().add(d(2025, 6, 20), Period::WorkingDays(1)).unwrap(), d(2025, 6, 21));
    assert_eq!(az().add(d(2025, 6, 25), Period::WorkingDays(1)).unwrap(), d(2025, 6, 30));
    // Every swap reason carries a source.
    for off in az().days_off(2024).unwrap() {
        for r in off.reasons {
            if r.code == ReasonCode::CabinetSwapDayOff {
                assert!(r.source.is_some());
            }
        }
    }
}

#[test]
fn election_days() {
    for (x, weekday) in [
        (d(2019, 12, 23), Weekday::Mon),
        (d(2020, 2, 9), Weekday::Sun),
        (d(2024, 2, 7), Weekday::Wed),
        (d(2024, 9, 1), Weekday::Sun),
        (d(2025, 1, 29), Weekday::Wed),
    ] {
        assert_eq!(x.weekday(), weekday);
        assert!(!working(x), "{x}");
        let r = reasons_of(az(), x);
        assert_eq!(r.len(), 1, "{x}");
        assert_eq!(r[0].code, ReasonCode::Election);
        assert!(r[0].source.is_some());
        assert!(r[0].en.contains("art. 8.2"));
    }
    assert!(reasons_of(az(), d(2024, 2, 7))[0].en.starts_with("Presidential"));
    assert!(reasons_of(az(), d(2025, 1, 29))[0].en.starts_with("Municipal"));
    assert!(working(d(2024, 2, 8)));
}

#[test]
fn declared_days_off_covid_2020() {
    for day in [30, 31] {
        assert_eq!(codes_of(d(2020, 3, day)), vec![ReasonCode::DeclaredDayOff]);
    }
    for day in 1..=3 {
        assert_eq!(codes_of(d(2020, 4, day)), vec![ReasonCode::DeclaredDayOff]);
    }
    // The Novruz swap made 27 March off and Sunday 29 March a working day; the
    // special regime then declared 29 March off again (the data applied last wins).
    assert!(!working(d(2020, 3, 27)));
    assert_eq!(codes_of(d(2020, 3, 27)), vec![ReasonCode::CabinetSwapDayOff]);
    assert!(!working(d(2020, 3, 29)));
    assert_eq!(codes_of(d(2020, 3, 29)), vec![ReasonCode::CabinetSwapWorkingDay, ReasonCode::DeclaredDayOff]);
    assert!(working(d(2020, 4, 6)));
    assert!(reasons_of(az(), d(2020, 5, 29))[0].en.contains("COVID-19"));
}

// ---------------------------------------------------------------- year boundaries

#[test]
fn carry_over_across_new_year() {
    // 31 Dec 2022 (Sat) and 1 Jan 2023 (Sun): 2 Jan is a holiday, so 3 and 4 Jan.
    assert_eq!(reasons_of(az(), d(2023, 1, 3))[0].related_date, Some(d(2022, 12, 31)));
    assert_eq!(reasons_of(az(), d(2023, 1, 3))[0].holidays, vec![HolidayId::SolidarityDay]);
    assert_eq!(reasons_of(az(), d(2023, 1, 4))[0].related_date, Some(d(2023, 1, 1)));
    assert!(working(d(2023, 1, 5)));
    // 1–2 Jan 2022 on Sat–Sun -> 3, 4 Jan.
    assert_eq!(off_dates(az(), 2022)[..4], [d(2022, 1, 1), d(2022, 1, 2), d(2022, 1, 3), d(2022, 1, 4)]);
    // 31 Dec 2023 (Sun) -> 3 Jan 2024, plus the Cabinet's 4, 5 Jan (30 Dec and 7 Jan worked).
    assert_eq!(reasons_of(az(), d(2024, 1, 3))[0].related_date, Some(d(2023, 12, 31)));
    assert_eq!(codes_of(d(2024, 1, 4)), vec![ReasonCode::CabinetSwapDayOff]);
    assert_eq!(codes_of(d(2024, 1, 5)), vec![ReasonCode::CabinetSwapDayOff]);
    assert!(working(d(2023, 12, 30)));
    assert!(working(d(2024, 1, 7)));
    // 2019/2020: 28–29 Dec 2019 worked, 3 and 6 Jan 2020 off.
    assert!(working(d(2019, 12, 28)) && working(d(2019, 12, 29)));
    assert!(!working(d(2020, 1, 3)) && !working(d(2020, 1, 6)));
    // 2024/2025: 28–29 Dec 2024 worked, 30 Dec 2024 and 3 Jan 2025 off.
    assert!(!working(d(2024, 12, 30)) && !working(d(2025, 1, 3)));
    assert_eq!(az().add(d(2024, 12, 27), Period::WorkingDays(1)).unwrap(), d(2024, 12, 28));
    assert_eq!(az().add(d(2024, 12, 29), Period::WorkingDays(1)).unwrap(), d(2025, 1, 6));
}

#[test]
fn counting_across_year_boundary() {
    // (30 Dec 2022, 5 Jan 2023]: only 5 January is a working day.
    assert_eq!(az().working_days_between(d(2022, 12, 30), d(2023, 1, 5)).unwrap(), 1);
    assert_eq!(az().add(d(2022, 12, 30), Period::WorkingDays(1)).unwrap(), d(2023, 1, 5));
    // (30 Dec 2025, 5 Jan 2026]: 31 Dec, 1–2 Jan off, 3–4 Jan weekend.
    assert_eq!(az().working_days_between(d(2025, 12, 30), d(2026, 1, 5)).unwrap(), 1);
    assert_eq!(az().add(d(2025, 12, 26), Period::CalendarDays(5)).unwrap(), d(2026, 1, 5));
}

#[test]
fn carry_over_from_a_year_without_data() {
    // A calendar holding only 2023 still knows that 31 Dec 2022 (Sat) and
    // 1 Jan 2023 (Sun) carry over into January (fixed holidays are rules).
    let cal = Calendar::from_json(&embedded_years(&[2023])).unwrap();
    assert_eq!(cal.years(), 2023..=2023);
    assert!(!cal.is_working_day(d(2023, 1, 3)).unwrap());
    assert!(!cal.is_working_day(d(2023, 1, 4)).unwrap());
    assert!(cal.is_working_day(d(2023, 1, 5)).unwrap());
    assert!(matches!(cal.is_working_day(d(2022, 12, 30)), Err(CalendarError::OutOfRange { .. })));
}

#[test]
fn last_data_year_boundary_is_out_of_range_not_guessed() {
    let cal = Calendar::from_json(&embedded_years(&[2021, 2022])).unwrap();
    assert_eq!(cal.years(), 2021..=2022);
    assert!(!cal.is_working_day(d(2022, 12, 31)).unwrap());
    // The next working day after 30 Dec 2022 is in 2023, which has no data.
    let e = cal.add(d(2022, 12, 30), Period::WorkingDays(1)).unwrap_err();
    assert_eq!(e, CalendarError::OutOfRange { date: d(2023, 1, 1), first: 2021, last: 2022 });
    assert!(matches!(cal.add(d(2022, 12, 30), Period::CalendarDays(1)), Err(CalendarError::OutOfRange { .. })));
    // A day off on 31 Dec of the last year rolls forward out of range.
    assert!(matches!(az().add(d(2026, 12, 31), Period::CalendarDays(0)), Err(CalendarError::OutOfRange { .. })));
}

// ---------------------------------------------------------------- leap years, months

#[test]
fn leap_years() {
    assert_eq!(d(2020, 2, 29).weekday(), Weekday::Sat);
    assert!(!working(d(2020, 2, 29)));
    assert!(working(d(2024, 2, 29)));
    assert_eq!(az().add(d(2024, 2, 28), Period::CalendarDays(1)).unwrap(), d(2024, 2, 29));
    assert_eq!(az().add(d(2024, 2, 28), Period::WorkingDays(1)).unwrap(), d(2024, 2, 29));
    assert_eq!(az().add(d(2020, 2, 28), Period::WorkingDays(1)).unwrap(), d(2020, 3, 2));
    assert_eq!(az().working_days_between(d(2024, 2, 27), d(2024, 3, 1)).unwrap(), 3);
    // 2024 has 366 days, 2025 has 365.
    assert_eq!(az().add(d(2024, 1, 1), Period::CalendarDays(366)).unwrap(), d(2025, 1, 6));
}

#[test]
fn months_arithmetic_clamps_to_month_end() {
    // 31 Jan 2020 + 1 month = 29 Feb 2020 (Saturday) -> Monday 2 March.
    assert_eq!(az().add(d(2020, 1, 31), Period::Months(1)).unwrap(), d(2020, 3, 2));
    // 31 Jan 2024 + 1 month = 29 Feb 2024 (Thursday).
    assert_eq!(az().add(d(2024, 1, 31), Period::Months(1)).unwrap(), d(2024, 2, 29));
    // 31 Jan 2025 + 1 month = 28 Feb 2025 (Friday).
    assert_eq!(az().add(d(2025, 1, 31), Period::Months(1)).unwrap(), d(2025, 2, 28));
    // 29 Feb 2024 + 12 months = 28 Feb 2025.
    assert_eq!(az().add(d(2024, 2, 29), Period::Months(12)).unwrap(), d(2025, 2, 28));
    // 31 Mar 2023 + 1 month = 30 Apr 2023 (Sunday) -> 1 May.
    assert_eq!(az().add(d(2023, 3, 31), Period::Months(1)).unwrap(), d(2023, 5, 1));
    // 31 Aug 2025 + 6 months = 28 Feb 2026 (Saturday) -> 2 March.
    assert_eq!(az().add(d(2025, 8, 31), Period::Months(6)).unwrap(), d(2026, 3, 2));
    // Landing in a holiday block: 20 Feb 2026 + 1 month = 20 March -> 31 March.
    assert_eq!(az().add(d(2026, 2, 20), Period::Months(1)).unwrap(), d(2026, 3, 31));
    // Same day when it is a working day.
    assert_eq!(az().add(d(2026, 4, 15), Period::Months(1)).unwrap(), d(2026, 5, 15));
    assert_eq!(az().add(d(2026, 4, 15), Period::Months(0)).unwrap(), d(2026, 4, 15));
}

#[test]
fn calendar_days_roll_forward() {
    assert_eq!(az().add(d(2026, 3, 10), Period::CalendarDays(10)).unwrap(), d(2026, 3, 31));
    assert_eq!(az().add(d(2026, 5, 6), Period::CalendarDays(0)).unwrap(), d(2026, 5, 6));
    assert_eq!(az().add(d(2026, 3, 21), Period::CalendarDays(0)).unwrap(), d(2026, 3, 31));
    assert_eq!(az().add(d(2026, 5, 1), Period::CalendarDays(10)).unwrap(), d(2026, 5, 12));
}

#[test]
fn working_days_zero_and_interval_semantics() {
    // n = 0 returns the start, even on a day off.
    assert_eq!(az().add(d(2026, 3, 21), Period::WorkingDays(0)).unwrap(), d(2026, 3, 21));
    // (from, to]: Friday 8 May -> Monday 11 May (off) -> 0; to Tuesday 12 May -> 1.
    assert_eq!(az().working_days_between(d(2026, 5, 8), d(2026, 5, 11)).unwrap(), 0);
    assert_eq!(az().working_days_between(d(2026, 5, 8), d(2026, 5, 12)).unwrap(), 1);
    assert_eq!(az().working_days_between(d(2026, 5, 12), d(2026, 5, 12)).unwrap(), 0);
    assert_eq!(az().working_days_between(d(2026, 5, 12), d(2026, 5, 8)).unwrap(), 0);
    // Starting on a day off: the first working day after it.
    assert_eq!(az().add(d(2026, 3, 20), Period::WorkingDays(1)).unwrap(), d(2026, 3, 31));
}

// ---------------------------------------------------------------- consistency, scale

#[test]
fn add_and_between_are_consistent_everywhere() {
    let cal = az();
    let mut x = d(2019, 1, 1);
    while x < d(2026, 9, 1) {
        for n in [1u32, 2, 5, 10, 22, 60] {
            let end = cal.add(x, Period::WorkingDays(n)).unwrap();
            assert!(cal.is_working_day(end).unwrap(), "{x} + {n}");
            assert_eq!(cal.working_days_between(x, end).unwrap(), n, "{x} + {n}");
            // The day before `end` does not yet complete the count.
            assert_eq!(cal.working_days_between(x, end.pred_opt().unwrap()).unwrap(), n - 1);
        }
        x = x.checked_add_days(Days::new(5)).unwrap();
    }
}

#[test]
fn bitmap_matches_listed_days() {
    // A day is working iff it is listed as an extra working day, or it is a
    // weekday that is not listed as a day off.
    for y in az().years() {
        let off = off_dates(az(), y);
        let extra: Vec<_> = az().extra_working_days(y).unwrap().into_iter().map(|x| x.date).collect();
        let mut x = d(y, 1, 1);
        while x.year() == y {
            let expected = extra.contains(&x) || (!is_weekend(x) && !off.contains(&x));
            assert_eq!(working(x), expected, "{x}");
            x = x.succ_opt().unwrap();
        }
        assert!(off.windows(2).all(|w| w[0] < w[1]), "sorted, unique");
    }
}

#[test]
fn whole_range_and_large_n() {
    let total: u32 = (2019..=2026).map(|y| working_days_in_year(az(), y)).sum();
    assert_eq!(total, 244 + 234 + 241 + 241 + 241 + 241 + 239 + 241);
    assert_eq!(az().working_days_between(d(2019, 1, 1), d(2026, 12, 31)).unwrap(), total);
    // 1 Jan 2019 is a holiday, so the total-th working day after it is the last one.
    assert_eq!(az().add(d(2019, 1, 1), Period::WorkingDays(total)).unwrap(), d(2026, 12, 30));
    assert!(matches!(az().add(d(2019, 1, 1), Period::WorkingDays(total + 1)), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().add(d(2019, 1, 1), Period::WorkingDays(u32::MAX)), Err(CalendarError::OutOfRange { .. })));
}

#[test]
fn long_synthetic_calendar_is_fast_and_correct() {
    // 300 made-up years: add/between must not be quadratic and must agree
    // with a day-by-day walk.
    let mut years = Vec::new();
    for y in 2100..2400 {
        years.push(serde_json::json!({
            "year": y,
            "novruz": { "dates": (20..=24).map(|x| format!("{y}-03-{x}")).collect::<Vec<_>>() },
            "ramazan": { "dates": [format!("{y}-07-01"), format!("{y}-07-02")] },
            "qurban": { "dates": [format!("{y}-09-10"), format!("{y}-09-11")] }
        }));
    }
    let json = serde_json::json!({ "version": "synthetic", "years": years }).to_string();
    let cal = Calendar::from_json(&json).unwrap();
    assert_eq!(cal.years(), 2100..=2399);
    let start = d(2100, 1, 1);
    let n = 50_000;
    let end = cal.add(start, Period::WorkingDays(n)).unwrap();
    let mut walk = start;
    let mut k = 0;
    while k < n {
        walk = walk.succ_opt().unwrap();
        if cal.is_working_day(walk).unwrap() {
            k += 1;
        }
    }
    assert_eq!(end, walk);
    assert_eq!(cal.working_days_between(start, end).unwrap(), n);
    // Many large queries: each is O(log n), so this is instant.
    let total = cal.working_days_between(start, d(2399, 12, 31)).unwrap();
    assert!(total > 70_000);
    let mut k = 1;
    while k < total {
        let e = cal.add(start, Period::WorkingDays(k)).unwrap();
        assert_eq!(cal.working_days_between(start, e).unwrap(), k);
        k += 37;
    }
    assert!(cal.add(start, Period::WorkingDays(total + 1)).is_err());
}

// ---------------------------------------------------------------- errors, no panics

#[test]
fn out_of_range_queries() {
    let e = az().is_working_day(d(2027, 1, 4)).unwrap_err();
    assert_eq!(e, CalendarError::OutOfRange { date: d(2027, 1, 4), first: 2019, last: 2026 });
    let msg = e.to_string();
    assert!(msg.contains("2027") && msg.contains("Calendar::with_years_from_json"), "{msg}");
    assert!(matches!(az().is_working_day(d(2018, 12, 31)), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().days_off(2027), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().holidays(2018), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().extra_working_days(i32::MAX), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().days_off(i32::MIN), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().add(d(2026, 12, 1), Period::WorkingDays(30)), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().add(d(2026, 12, 1), Period::Months(1)), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().add(d(2018, 6, 1), Period::WorkingDays(0)), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().working_days_between(d(2026, 12, 1), d(2027, 1, 10)), Err(CalendarError::OutOfRange { .. })));
}

#[test]
fn extreme_inputs_do_not_panic() {
    assert!(matches!(az().is_working_day(NaiveDate::MAX), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().is_working_day(NaiveDate::MIN), Err(CalendarError::OutOfRange { .. })));
    assert!(matches!(az().working_days_between(NaiveDate::MIN, NaiveDate::MAX), Err(CalendarError::OutOfRange { .. })));
    assert_eq!(az().add(d(2026, 1, 5), Period::CalendarDays(u32::MAX)), Err(CalendarError::Overflow));
    assert_eq!(az().add(d(2026, 1, 5), Period::Months(u32::MAX)), Err(CalendarError::Overflow));
    assert!(matches!(az().add(d(2026, 1, 5), Period::CalendarDays(100_000)), Err(CalendarError::OutOfRange { .. })));
    assert!(CalendarError::Overflow.to_string().contains("shorter period"));
}

#[test]
fn invalid_data_is_rejected() {
    let bad = |json: &str| match Calendar::from_json(json) {
        Err(CalendarError::InvalidData { message }) => message,
        other => panic!("expected InvalidData, got {other:?}"),
    };
    let mut v = embedded_value();
    v["years"][0]["novruz"]["dates"].as_array_mut().unwrap().pop();
    assert!(bad(&v.to_string()).contains("exactly 5 dates"));

    let mut v = embedded_value();
    v["years"][0]["qurban"]["dates"] = serde_json::json!(["2019-08-12", "2019-08-14"]);
    assert!(bad(&v.to_string()).contains("consecutive"));

    let mut v = embedded_value();
    let first = v["years"][0].clone();
    v["years"].as_array_mut().unwrap().push(first);
    assert!(bad(&v.to_string()).contains("more than once"));

    assert!(bad("not json").contains("does not match"));
    assert!(bad(r#"{"version": "x", "years": []}"#).contains("at least one year"));
    assert!(bad(&MADE_UP_2030.replace("test-2030", " ")).contains("version"));
    assert!(bad(&MADE_UP_2030.replace("\"year\": 2030", "\"year\": 2030, \"bogus\": 1")).contains("bogus"));
    assert!(bad(&MADE_UP_2030.replace("2030-12-30", "2030-13-30")).contains("does not match"));
    assert!(bad(&MADE_UP_2030.replace("2030-06-17", "2030-12-30")).contains("both"));
    assert!(bad(
        &MADE_UP_2030.replace("\"issuer\": \"Test\" } } ],\n    \"working", "\"issuer\": \"\" } } ],\n    \"working")
    )
    .contains("issuer"));
    assert!(bad(&MADE_UP_2030.replace("2030-10-02", "2031-10-02")).contains("listed under year 2030"));
    assert!(bad(&MADE_UP_2030.replace("\"working_day\": \"2030-03-30\"", "\"working_day\": \"2030-03-27\""))
        .contains("same date"));
    let old = MADE_UP_2030.replace("2030", "1990");
    assert!(bad(&old).contains("supported range"));
    // Gaps are rejected.
    let e = az().with_years_from_json(MADE_UP_2030).unwrap_err();
    match e {
        CalendarError::InvalidData { message } => assert!(message.contains("2027..=2029"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert!(Calendar::from_json(&embedded_years(&[2019, 2021])).is_err());
    assert!(CalendarError::InvalidData { message: "x".into() }.to_string().contains("az-calendar.schema.json"));
}

// ---------------------------------------------------------------- user data

#[test]
fn user_supplied_made_up_year() {
    let cal = Calendar::from_json(MADE_UP_2030).unwrap();
    assert_eq!(cal.years(), 2030..=2030);
    assert_eq!(cal.version(), "test-2030");
    let w = |x| cal.is_working_day(x).unwrap();
    assert_eq!(d(2030, 3, 23).weekday(), Weekday::Sat);
    // Novruz 23–24 March on the weekend -> 25, 26 March.
    assert!(!w(d(2030, 3, 25)) && !w(d(2030, 3, 26)));
    // Swap: Saturday 30 March worked, 27 March off.
    assert!(!w(d(2030, 3, 27)) && w(d(2030, 3, 30)));
    // Qurban 13–14 April (Sat–Sun) -> 15, 16 April.
    assert!(!w(d(2030, 4, 15)) && !w(d(2030, 4, 16)) && w(d(2030, 4, 17)));
    // 15 June (Saturday) would carry to 17 June, but the data declares it a working day.
    assert!(w(d(2030, 6, 17)));
    let ew = cal.extra_working_days(2030).unwrap();
    assert_eq!(ew.iter().map(|x| x.date).collect::<Vec<_>>(), vec![d(2030, 3, 30), d(2030, 6, 17)]);
    let codes: Vec<_> = ew[1].reasons.iter().map(|r| r.code).collect();
    assert_eq!(codes, vec![ReasonCode::CarryOver, ReasonCode::DeclaredWorkingDay]);
    // Referendum on Wednesday 2 October and the declared day off.
    assert!(!w(d(2030, 10, 2)) && !w(d(2030, 12, 30)));
    let r = reasons_of(&cal, d(2030, 12, 30));
    assert_eq!(r[0].code, ReasonCode::DeclaredDayOff);
    assert_eq!(r[0].en, "Test day off");
    // Unverified data propagates to the derived reasons.
    assert_eq!(reasons_of(&cal, d(2030, 3, 25))[0].confidence, Some(Confidence::Unverified));
    // 9 November (Saturday) -> 11 November.
    assert!(!w(d(2030, 11, 11)));
}

#[test]
fn overlay_adds_and_replaces_years() {
    let cal = az().with_years_from_json(MADE_UP_2027).unwrap();
    assert_eq!(cal.years(), 2019..=2027);
    assert_eq!(cal.version(), "2026.1+test-2027");
    // 1 Jan 2027 Friday, 2 Jan Saturday -> Monday 4 Jan is off.
    assert!(!cal.is_working_day(d(2027, 1, 4)).unwrap());
    assert_eq!(reasons_of(&cal, d(2027, 1, 4))[0].related_date, Some(d(2027, 1, 2)));
    assert_eq!(cal.add(d(2026, 12, 30), Period::WorkingDays(1)).unwrap(), d(2027, 1, 5));
    assert_eq!(cal.add(d(2026, 5, 6), Period::WorkingDays(30)).unwrap(), d(2026, 6, 24));
    // The embedded calendar itself is unchanged.
    assert_eq!(az().years(), 2019..=2026);

    // Replace 2026 with a version that declares 24 June 2026 a day off.
    let mut v = embedded_value();
    let mut y2026 = v["years"].as_array().unwrap().last().unwrap().clone();
    y2026["extra_days_off"] = serde_json::json!([{
        "date": "2026-06-24",
        "reason": { "az": "Test", "en": "Test", "ru": "Тест" },
        "source": { "issuer": "Test" }
    }]);
    v["years"] = serde_json::json!([y2026]);
    v["version"] = serde_json::json!("patch");
    let cal = az().with_years_from_json(&v.to_string()).unwrap();
    assert_eq!(cal.years(), 2019..=2026);
    assert!(!cal.is_working_day(d(2026, 6, 24)).unwrap());
    assert_eq!(cal.add(d(2026, 5, 6), Period::WorkingDays(30)).unwrap(), d(2026, 6, 25));
}

// ---------------------------------------------------------------- serde

#[test]
fn period_serde() {
    let p: Period = serde_json::from_str(r#"{"value": 30, "unit": "working_days"}"#).unwrap();
    assert_eq!(p, Period::WorkingDays(30));
    assert_eq!(serde_json::to_string(&Period::CalendarDays(10)).unwrap(), r#"{"value":10,"unit":"calendar_days"}"#);
    assert_eq!(serde_json::to_string(&Period::Months(2)).unwrap(), r#"{"value":2,"unit":"months"}"#);
    assert!(serde_json::from_str::<Period>(r#"{"value": 1, "unit": "weeks"}"#).is_err());
    assert!(serde_json::from_str::<Period>(r#"{"value": -1, "unit": "months"}"#).is_err());
}

#[test]
fn day_off_serialization() {
    let off = az().days_off(2026).unwrap().into_iter().find(|x| x.date == d(2026, 3, 9)).unwrap();
    let v = serde_json::to_value(&off).unwrap();
    assert_eq!(v["date"], "2026-03-09");
    assert_eq!(v["reasons"][0]["code"], "carry_over");
    assert_eq!(v["reasons"][0]["holidays"][0], "womens_day");
    assert_eq!(v["reasons"][0]["related_date"], "2026-03-08");
    assert!(v["reasons"][0]["az"].as_str().unwrap().contains("Qadınlar Günü"));
    assert!(v["reasons"][0]["ru"].as_str().unwrap().contains("Женский день"));
    let h = serde_json::to_value(az().holidays(2026).unwrap()).unwrap();
    assert_eq!(h[0]["id"], "new_year");
    assert_eq!(h[0]["working_day"], false);
    let swap = az().days_off(2024).unwrap().into_iter().find(|x| x.date == d(2024, 4, 12)).unwrap();
    let v = serde_json::to_value(&swap).unwrap();
    assert_eq!(v["reasons"][0]["code"], "cabinet_swap_day_off");
    assert_eq!(v["reasons"][0]["related_date"], "2024-04-06");
    assert_eq!(v["reasons"][0]["confidence"], "verified");
}

#[test]
fn calendar_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>(_: &T) {}
    assert_send_sync(az());
    let handle = std::thread::spawn(|| Calendar::azerbaijan().is_working_day(d(2026, 3, 31)).unwrap());
    assert!(handle.join().unwrap());
}
