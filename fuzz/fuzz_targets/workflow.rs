//! The registry workflow with arbitrary event sequences, dates and policies
//! (`dxer::registry::workflow::apply` from the identity-card fixture, in any starting state).
//!
//! Invariants, beyond "never panics":
//! - a successful transition goes from the record's state to `next_state(from, event)`, updates the
//!   status, appends exactly one history entry (the event, its date, from, to), and its duties are those
//!   `duties` computes for the new record, each due on or after the day it runs from;
//! - an event not allowed in the state fails with `DXER-W001`, any other failure is `DXER-W002`, `W003`,
//!   `W004` or `W006`, and the record is unchanged (the next event applies to the same record);
//! - `status_at` and `due_findings` never panic, and a duty is overdue exactly when the day is after its
//!   due date.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{Days, NaiveDate};
use dxer::calendar::{Calendar, Period};
use dxer::model::{LocalizedText, Record, RecordStatus};
use dxer::registry::workflow::{self, apply, next_state, Event, Policy, Standing};
use libfuzzer_sys::fuzz_target;

const FIXTURE: &str = include_str!("../../tests/fixtures/valid/identity-card/input.json");

#[derive(Debug, Arbitrary)]
enum EventInput {
    Submit { signer: String, signature_ref: Option<String> },
    StartReview,
    Return { defects: u8 },
    Resubmit,
    Register,
    Amend,
    Suspend,
    Resume,
    Terminate,
    Archive,
}

impl EventInput {
    fn event(&self) -> Event {
        match self {
            EventInput::Submit { signer, signature_ref } => {
                Event::Submit { signer: signer.clone(), signature_ref: signature_ref.clone() }
            }
            EventInput::StartReview => Event::StartReview,
            EventInput::Return { defects } => Event::Return {
                defects: (0..*defects % 4).map(|i| LocalizedText::az(format!("Çatışmazlıq {i}"))).collect(),
            },
            EventInput::Resubmit => Event::Resubmit,
            EventInput::Register => Event::Register,
            EventInput::Amend => Event::Amend,
            EventInput::Suspend => Event::Suspend,
            EventInput::Resume => Event::Resume,
            EventInput::Terminate => Event::Terminate,
            EventInput::Archive => Event::Archive,
        }
    }
}

/// When an event happens: days after the previous one (mostly a few, sometimes before it), or any date.
#[derive(Debug, Arbitrary)]
enum When {
    After(u8),
    Before(u8),
    Shift(i16),
    Anywhere(i32),
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum PeriodInput {
    WorkingDays(u16),
    CalendarDays(u16),
    Months(u8),
}

impl From<PeriodInput> for Period {
    fn from(p: PeriodInput) -> Period {
        match p {
            PeriodInput::WorkingDays(n) => Period::WorkingDays(u32::from(n)),
            PeriodInput::CalendarDays(n) => Period::CalendarDays(u32::from(n)),
            PeriodInput::Months(n) => Period::Months(u32::from(n)),
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    /// Index into `RecordStatus::ALL`: the state the record starts in (its dates may not fit it).
    start: u8,
    /// Drop the fixture's submission block.
    no_submission: bool,
    /// A non-default policy.
    policy: Option<(PeriodInput, PeriodInput, PeriodInput, u8, Option<u8>)>,
    events: Vec<(EventInput, When)>,
    /// A day to ask `status_at` about, as days from 2026-06-10.
    on: i16,
}

fn date_after(previous: NaiveDate, when: &When) -> NaiveDate {
    let moved = match *when {
        When::After(n) => previous.checked_add_days(Days::new(u64::from(n))),
        When::Before(n) => previous.checked_sub_days(Days::new(u64::from(n))),
        When::Shift(n) if n >= 0 => previous.checked_add_days(Days::new(n.unsigned_abs().into())),
        When::Shift(n) => previous.checked_sub_days(Days::new(n.unsigned_abs().into())),
        When::Anywhere(n) => NaiveDate::from_num_days_from_ce_opt(n),
    };
    moved.unwrap_or(previous)
}

fn check_status(record: &Record, on: NaiveDate, policy: &Policy, cal: &Calendar) {
    if let Ok(list) = workflow::status_at(record, on, policy, cal) {
        for s in list {
            assert_eq!(s.standing == Standing::Overdue, on > s.duty.due, "{s:?} on {on}");
        }
    }
    for f in workflow::due_findings(record, on, policy, cal) {
        assert!(dxer::rules::rule(&f.code).is_some(), "{}", f.code);
    }
}

fuzz_target!(|input: Input| {
    let cal = Calendar::azerbaijan();
    let mut record: Record = serde_json::from_str(FIXTURE).expect("the fixture is a record");
    record.status = RecordStatus::ALL[usize::from(input.start) % RecordStatus::ALL.len()];
    if input.no_submission {
        record.submission = None;
    }
    let policy = match input.policy {
        None => Policy::default(),
        Some((submit, review, fix, margin, max_returns)) => Policy {
            submit_within: submit.into(),
            review_within: review.into(),
            fix_within: fix.into(),
            due_soon_margin: u32::from(margin),
            max_returns: max_returns.map(u32::from),
            ..Policy::default()
        },
    };
    let base = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
    let mut previous = base;
    for (event_input, when) in input.events.iter().take(64) {
        let event = event_input.event();
        let at = date_after(previous, when);
        let from = record.status;
        match apply(&record, &event, at, &policy, cal) {
            Ok(t) => {
                assert_eq!(t.from, from);
                assert_eq!(Some(t.to), next_state(from, event.kind()), "{from:?} --{:?}--> {:?}", event.kind(), t.to);
                assert_eq!(t.record.status, t.to);
                assert_eq!(t.record.history.len(), record.history.len() + 1);
                let last = t.record.history.last().unwrap();
                assert_eq!((last.event, last.date, last.from, last.to), (event.kind(), at, from, t.to));
                assert!(t.record.history.windows(2).all(|w| w[0].date <= w[1].date), "history out of order");
                assert_eq!(workflow::duties(&t.record, &policy, cal).as_ref(), Ok(&t.duties));
                for duty in &t.duties {
                    assert!(duty.due >= duty.from, "{duty:?}");
                }
                record = t.record;
                previous = at;
            }
            Err(f) => {
                if next_state(from, event.kind()).is_none() {
                    assert_eq!(f.code, "DXER-W001");
                } else {
                    assert!(
                        ["DXER-W002", "DXER-W003", "DXER-W004", "DXER-W006"].contains(&f.code.as_str()),
                        "{from:?} --{:?}-->: unexpected {}",
                        event.kind(),
                        f.code
                    );
                }
            }
        }
    }
    let on = if input.on >= 0 {
        base.checked_add_days(Days::new(input.on.unsigned_abs().into()))
    } else {
        base.checked_sub_days(Days::new(input.on.unsigned_abs().into()))
    };
    if let Some(on) = on {
        check_status(&record, on, &policy, cal);
    }
});
