//! How a record moves through the registry, and on which dates (domain brief §5).
//!
//! ```text
//! draft ─submit→ submitted ─start_review→ under_review ─register→ registered ─amend→ amended
//!                    │ └──────return / register──┐  │                 │  └suspend→ suspended ─resume→ registered
//!                    └return→ returned ─resubmit→ resubmitted         └terminate→ terminated ─archive→ archived
//! ```
//!
//! Every transition is a function of (record, event, date) that yields the new record or a located
//! finding. The deadlines of the law — submit within 30 working days after the creating act enters into
//! force, review within 7, fix defects within 7 — and the counting rules live in one [`Policy`] value, so
//! a changed law is a data change. A missed deadline is reported (`DXER-W010`), never blocking
//! [choice: domain brief §11].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, Period};
use crate::model::{HistoryEntry, LocalizedText, Record, RecordStatus, Review, Submission, Validity, WorkflowEvent};
use crate::rules::{finding, finding_localized};
use crate::Finding;

/// The deadlines and counting rules of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// Provider submits the reglament after the creating act enters into force (30 working days,
    /// decision No. 129 §6).
    pub submit_within: Period,
    /// Operator checks a submission (7 working days, Law 279-VIIQ).
    pub review_within: Period,
    /// Provider fixes returned defects and resubmits (7 working days, Law 279-VIIQ).
    pub fix_within: Period,
    /// A duty with this many working days left or fewer is "due soon".
    pub due_soon_margin: u32,
    /// Most times one submission may be returned (`None`: no limit) [choice: open question, brief §11].
    pub max_returns: Option<u32>,
    /// A record that validation finds errors in cannot be registered (`DXER-W007`): e.g. a required item
    /// its source does not state (`DXER-N001`) [choice: the operator registers a complete and correct
    /// reglament, Law 279-VIIQ as reported; `false` lets an operator register it anyway].
    #[serde(default = "yes")]
    pub register_only_without_errors: bool,
    /// The owner of an information system submits the application and registration card to the register
    /// operator after the system is created, changed in its structure or stopped (20 calendar days: "20
    /// gündən gec olmayaraq", e-Government bulletin No. 1, 2013; see [`super::system_duties`]).
    #[serde(default = "register_card_within")]
    pub register_card_within: Period,
    /// A body makes the data an information system needs available through EHİS (six months: "altı ay
    /// müddətində", CM decision No. 59 of 2 March 2026, §5; see [`super::system_duties`]).
    #[serde(default = "ehis_supply_within")]
    pub ehis_supply_within: Period,
    /// The submission clock starts no earlier than this date (`None`: always from the creating act).
    ///
    /// Decision No. 129 §6 counts the 30 working days from the entry into force of the act that creates
    /// a *new* service; it says nothing of services whose act was in force before the registry's model
    /// form existed. dxer counts those from the day the decision approved the model form and the
    /// statute, 6 May 2026 [choice: no transitional provision is public]. Law No. 279-VIIQ itself took
    /// effect on 3 December 2025 (signed that day, report.az; "with effect 3 December 2025", mondaq.com,
    /// 7 January 2026), before a reglament could be written in the model form.
    #[serde(default = "regime_start")]
    pub regime_start: Option<NaiveDate>,
}

fn yes() -> bool {
    true
}

fn register_card_within() -> Period {
    Period::CalendarDays(20)
}

fn ehis_supply_within() -> Period {
    Period::Months(6)
}

/// Decision No. 129 of 6 May 2026 (see [`Policy::regime_start`]).
pub const REGIME_START: NaiveDate = match NaiveDate::from_ymd_opt(2026, 5, 6) {
    Some(date) => date,
    None => panic!("a valid date"),
};

fn regime_start() -> Option<NaiveDate> {
    Some(REGIME_START)
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            submit_within: Period::WorkingDays(30),
            review_within: Period::WorkingDays(7),
            fix_within: Period::WorkingDays(7),
            due_soon_margin: 2,
            max_returns: None,
            register_only_without_errors: true,
            register_card_within: register_card_within(),
            ehis_supply_within: ehis_supply_within(),
            regime_start: regime_start(),
        }
    }
}

/// An event, with the data it brings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The provider submits the signed reglament.
    Submit {
        /// Who signed.
        signer: String,
        /// Reference to the e-signature.
        #[serde(default)]
        signature_ref: Option<String>,
    },
    /// The operator takes the submission into review.
    StartReview,
    /// The operator returns the submission with the defects found.
    Return {
        /// The defects (at least one).
        defects: Vec<LocalizedText>,
    },
    /// The provider resubmits the corrected record.
    Resubmit,
    /// The operator registers (publishes) the record.
    Register,
    /// A registered service is amended (a new version: see [`super::versions`]).
    Amend,
    /// The service is suspended.
    Suspend,
    /// A suspended service is resumed.
    Resume,
    /// The service is terminated.
    Terminate,
    /// A terminated service is archived.
    Archive,
}

impl Event {
    /// The event's code.
    pub fn kind(&self) -> WorkflowEvent {
        match self {
            Event::Submit { .. } => WorkflowEvent::Submit,
            Event::StartReview => WorkflowEvent::StartReview,
            Event::Return { .. } => WorkflowEvent::Return,
            Event::Resubmit => WorkflowEvent::Resubmit,
            Event::Register => WorkflowEvent::Register,
            Event::Amend => WorkflowEvent::Amend,
            Event::Suspend => WorkflowEvent::Suspend,
            Event::Resume => WorkflowEvent::Resume,
            Event::Terminate => WorkflowEvent::Terminate,
            Event::Archive => WorkflowEvent::Archive,
        }
    }
}

/// The state an event leads to from `state`, if the event is allowed there.
pub fn next_state(state: RecordStatus, event: WorkflowEvent) -> Option<RecordStatus> {
    use RecordStatus as S;
    use WorkflowEvent as E;
    Some(match (state, event) {
        (S::Draft, E::Submit) => S::Submitted,
        (S::Submitted | S::Resubmitted, E::StartReview) => S::UnderReview,
        (S::Submitted | S::Resubmitted | S::UnderReview, E::Return) => S::Returned,
        (S::Submitted | S::Resubmitted | S::UnderReview, E::Register) => S::Registered,
        (S::Returned, E::Resubmit) => S::Resubmitted,
        (S::Registered | S::Amended, E::Amend) => S::Amended,
        (S::Registered | S::Amended, E::Suspend) => S::Suspended,
        (S::Suspended, E::Resume) => S::Registered,
        (S::Registered | S::Amended | S::Suspended, E::Terminate) => S::Terminated,
        (S::Terminated, E::Archive) => S::Archived,
        _ => return None,
    })
}

/// The events allowed in `state`.
pub fn allowed_events(state: RecordStatus) -> Vec<WorkflowEvent> {
    WorkflowEvent::ALL.iter().copied().filter(|e| next_state(state, *e).is_some()).collect()
}

/// Whose duty it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DutyKind {
    /// The provider submits the reglament.
    Submission,
    /// The operator reviews the submission.
    Review,
    /// The provider fixes the returned defects.
    Fix,
}

impl DutyKind {
    /// Code of the duty.
    pub fn code(self) -> &'static str {
        match self {
            DutyKind::Submission => "submission",
            DutyKind::Review => "review",
            DutyKind::Fix => "fix",
        }
    }

    /// The duty in words, in az/en/ru.
    fn words(self) -> [String; 3] {
        let [az, en, ru] = match self {
            DutyKind::Submission => {
                ["reqlamentin təqdim edilməsi", "submission of the reglament", "представление регламента"]
            }
            DutyKind::Review => ["təqdimatın yoxlanılması", "review of the submission", "проверка представления"],
            DutyKind::Fix => {
                ["çatışmazlıqların aradan qaldırılması", "correction of the defects", "устранение недостатков"]
            }
        };
        [az.to_string(), en.to_string(), ru.to_string()]
    }

    /// Who owes it: `"provider"` or `"operator"`.
    pub fn owner(self) -> &'static str {
        match self {
            DutyKind::Review => "operator",
            _ => "provider",
        }
    }
}

/// An open duty with its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    /// Which duty.
    pub kind: DutyKind,
    /// `"provider"` or `"operator"`.
    pub owner: String,
    /// The date the period runs from.
    pub from: NaiveDate,
    /// The last day to fulfil it.
    pub due: NaiveDate,
    /// JSON Pointer of the date the period runs from.
    pub pointer: String,
}

/// How a duty stands on a given day.
///
/// A record's duties ([`status_at`]) are open ones: on time, due soon or overdue. An information system's
/// duties ([`super::system_duties::system_status_at`]) may also be done, on time or late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// More than the policy's margin left.
    OnTime,
    /// Due within the policy's margin (or today).
    DueSoon,
    /// Past its due date.
    Overdue,
    /// Fulfilled by its due date (or on a date not known).
    Done,
    /// Fulfilled after its due date.
    DoneLate,
}

impl Standing {
    /// The stable code (as in JSON).
    pub fn code(self) -> &'static str {
        match self {
            Standing::OnTime => "on_time",
            Standing::DueSoon => "due_soon",
            Standing::Overdue => "overdue",
            Standing::Done => "done",
            Standing::DoneLate => "done_late",
        }
    }
}

/// A duty and its standing on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyStatus {
    /// The duty.
    pub duty: Duty,
    /// On time, due soon or overdue.
    pub standing: Standing,
    /// Working days left (on time, due soon) or overdue.
    pub working_days: u32,
}

/// The result of an allowed event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    /// State before.
    pub from: RecordStatus,
    /// State after.
    pub to: RecordStatus,
    /// The record after the event (status, dates and history updated).
    pub record: Record,
    /// The duties open after the event, with their due dates.
    pub duties: Vec<Duty>,
}

pub(crate) fn calendar_finding(e: &CalendarError, pointer: &str) -> Finding {
    finding("DXER-W003", pointer, &[("detail", &e.to_string())])
}

/// `DXER-W002`: an event or version dated before the one it follows.
pub(crate) fn out_of_order(date: NaiveDate, previous: NaiveDate, pointer: &str) -> Finding {
    finding("DXER-W002", pointer, &[("date", &date.to_string()), ("previous", &previous.to_string())])
}

/// The date of the latest event of a kind: from the history, else from the record's own fields.
fn last_date(record: &Record, event: WorkflowEvent) -> Option<NaiveDate> {
    if let Some(e) = record.history.iter().rev().find(|h| h.event == event) {
        return Some(e.date);
    }
    let review = record.review.as_ref();
    match event {
        WorkflowEvent::Submit => record.submission.as_ref().map(|s| s.date),
        WorkflowEvent::Return => review.and_then(|r| r.returned),
        WorkflowEvent::Resubmit => review.and_then(|r| r.resubmitted),
        _ => None,
    }
}

/// The duties open in the record's current state, with due dates computed on `calendar`.
///
/// ```
/// use dxer::calendar::Calendar;
/// use dxer::registry::workflow::{duties, DutyKind, Policy};
/// let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
/// let mut record: dxer::model::Record = serde_json::from_str(&text).unwrap();
/// record.status = dxer::model::RecordStatus::Draft;
/// record.submission = None;
/// // The creating act (Law No. 279-VIIQ) entered into force on 2025-12-03, before the model form of
/// // 2026-05-06 (`Policy::regime_start`): 30 working days from 2026-05-06 is 2026-06-24.
/// let open = duties(&record, &Policy::default(), Calendar::azerbaijan()).unwrap();
/// assert_eq!(open[0].kind, DutyKind::Submission);
/// assert_eq!(open[0].from.to_string(), "2026-05-06");
/// assert_eq!(open[0].due.to_string(), "2026-06-24");
/// // Without the floor the clock runs from the act: 30 working days from 2025-12-03.
/// let from_act = Policy { regime_start: None, ..Policy::default() };
/// assert_eq!(duties(&record, &from_act, Calendar::azerbaijan()).unwrap()[0].from.to_string(), "2025-12-03");
/// ```
pub fn duties(record: &Record, policy: &Policy, calendar: &Calendar) -> Result<Vec<Duty>, Box<Finding>> {
    use RecordStatus as S;
    let (kind, from, pointer, period) = match record.status {
        S::Draft => {
            (
                DutyKind::Submission,
                Some(policy.regime_start.map_or(record.creating_act.entry_into_force, |start| {
                    record.creating_act.entry_into_force.max(start)
                })),
                "/creating_act/entry_into_force",
                policy.submit_within,
            )
        }
        S::Submitted | S::UnderReview => {
            (DutyKind::Review, last_date(record, WorkflowEvent::Submit), "/submission/date", policy.review_within)
        }
        S::Resubmitted => {
            (DutyKind::Review, last_date(record, WorkflowEvent::Resubmit), "/review/resubmitted", policy.review_within)
        }
        S::Returned => (DutyKind::Fix, last_date(record, WorkflowEvent::Return), "/review/returned", policy.fix_within),
        _ => return Ok(Vec::new()),
    };
    let Some(from) = from else {
        let detail = format!("the record is {} but has no date at {pointer}", record.status.code());
        return Err(Box::new(finding("DXER-W003", pointer, &[("detail", &detail)])));
    };
    let due = calendar.add(from, period).map_err(|e| Box::new(calendar_finding(&e, pointer)))?;
    Ok(vec![Duty { kind, owner: kind.owner().to_string(), from, due, pointer: pointer.to_string() }])
}

/// How each open duty stands on `on`: on time, due soon (within the policy's margin) or overdue.
pub fn status_at(
    record: &Record,
    on: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<Vec<DutyStatus>, Box<Finding>> {
    let mut out = Vec::new();
    for duty in duties(record, policy, calendar)? {
        let (standing, working_days) =
            open_standing(duty.due, on, policy, calendar).map_err(|e| Box::new(calendar_finding(&e, &duty.pointer)))?;
        out.push(DutyStatus { duty, standing, working_days });
    }
    Ok(out)
}

/// How an open duty due on `due` stands on `on`, with the working days left or overdue.
pub(crate) fn open_standing(
    due: NaiveDate,
    on: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<(Standing, u32), CalendarError> {
    Ok(if on > due {
        (Standing::Overdue, calendar.working_days_between(due, on)?)
    } else {
        let left = calendar.working_days_between(on, due)?;
        (if left <= policy.due_soon_margin { Standing::DueSoon } else { Standing::OnTime }, left)
    })
}

/// Findings for duties overdue (`DXER-W010`) or due soon (`DXER-W011`) on `on`; a deadline that cannot
/// be computed is `DXER-W003`.
pub fn due_findings(record: &Record, on: NaiveDate, policy: &Policy, calendar: &Calendar) -> Vec<Finding> {
    match status_at(record, on, policy, calendar) {
        Err(f) => vec![*f],
        Ok(list) => list
            .into_iter()
            .filter_map(|s| {
                let code = match s.standing {
                    Standing::Overdue => "DXER-W010",
                    Standing::DueSoon => "DXER-W011",
                    Standing::OnTime | Standing::Done | Standing::DoneLate => return None,
                };
                let args = [("due", s.duty.due.to_string()), ("days", s.working_days.to_string())];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                Some(finding_localized(code, &s.duty.pointer, &args, &[("duty", s.duty.kind.words())]))
            })
            .collect(),
    }
}

/// `DXER-W007`: registering a record that validation (with `today` = the date of registration) finds
/// errors in.
fn refuse_errors(record: &Record, at: NaiveDate) -> Result<(), Box<Finding>> {
    let opts = crate::Options { today: Some(at), ..crate::Options::default() };
    // A typed record always serializes; should it not, the null is refused like any invalid document.
    let report = crate::validate(&serde_json::to_value(record).unwrap_or_default(), &opts);
    if report.ok {
        return Ok(());
    }
    let errors = report.findings.iter().filter(|f| f.severity == crate::Severity::Error);
    let codes: std::collections::BTreeSet<&str> = errors.clone().map(|f| f.code.as_str()).collect();
    let codes = codes.into_iter().collect::<Vec<_>>().join(", ");
    Err(Box::new(finding("DXER-W007", "", &[("count", &errors.count().to_string()), ("codes", &codes)])))
}

/// Applies `event` on date `at` to `record`.
///
/// Fails with a finding when the event is not allowed in the record's state (`DXER-W001`), is dated
/// before the previous event (`DXER-W002`), returns without defects (`DXER-W006`) or beyond the policy's
/// limit (`DXER-W004`), registers a record with errors (`DXER-W007`, unless the policy allows it), or when
/// a due date cannot be computed (`DXER-W003`). The input is not modified.
///
/// ```
/// use chrono::NaiveDate;
/// use dxer::calendar::Calendar;
/// use dxer::model::RecordStatus;
/// use dxer::registry::workflow::{apply, Event, Policy};
/// let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
/// let record: dxer::model::Record = serde_json::from_str(&text).unwrap(); // submitted on 2026-06-10
/// let day = |d: &str| d.parse::<NaiveDate>().unwrap();
/// let t = apply(&record, &Event::StartReview, day("2026-06-11"), &Policy::default(), Calendar::azerbaijan()).unwrap();
/// assert_eq!(t.to, RecordStatus::UnderReview);
/// assert_eq!(t.duties[0].due, day("2026-06-22")); // 7 working days after 10 June (15 June is a holiday)
/// let err = apply(&t.record, &Event::Resubmit, day("2026-06-12"), &Policy::default(), Calendar::azerbaijan()).unwrap_err();
/// assert_eq!(err.code, "DXER-W001");
/// ```
pub fn apply(
    record: &Record,
    event: &Event,
    at: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<Transition, Box<Finding>> {
    let kind = event.kind();
    let from = record.status;
    let Some(to) = next_state(from, kind) else {
        let allowed: Vec<&str> = allowed_events(from).iter().map(|e| e.code()).collect();
        let allowed = if allowed.is_empty() { "none".to_string() } else { allowed.join(", ") };
        return Err(Box::new(finding(
            "DXER-W001",
            "/status",
            &[("event", kind.code()), ("state", from.code()), ("allowed", &allowed)],
        )));
    };
    if let Some(previous) = record.history.last().map(|h| h.date) {
        if at < previous {
            return Err(Box::new(out_of_order(at, previous, "/history")));
        }
    }
    let mut next = record.clone();
    let mut defects = Vec::new();
    match event {
        Event::Submit { signer, signature_ref } => {
            next.submission = Some(Submission {
                date: at,
                signer: signer.clone(),
                signature_ref: signature_ref.clone(),
                digest: None,
            });
        }
        Event::StartReview => review(&mut next).started = Some(at),
        Event::Return { defects: list } => {
            if list.is_empty() {
                return Err(Box::new(finding("DXER-W006", "/review/defects", &[])));
            }
            let returns = record.history.iter().filter(|h| h.event == WorkflowEvent::Return).count() as u32;
            if let Some(max) = policy.max_returns.filter(|max| returns >= *max) {
                let args = [("count", returns.to_string()), ("max", max.to_string())];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                return Err(Box::new(finding("DXER-W004", "/review/returned", &args)));
            }
            let r = review(&mut next);
            r.returned = Some(at);
            r.defects = list.clone();
            defects = list.clone();
        }
        Event::Resubmit => review(&mut next).resubmitted = Some(at),
        Event::Register => {
            if policy.register_only_without_errors {
                refuse_errors(record, at)?;
            }
            review(&mut next).registered = Some(at);
            if next.validity.is_none() {
                next.validity = Some(Validity { valid_from: at, valid_to: None });
            }
        }
        Event::Amend => {
            next.version = next.version.saturating_add(1);
            next.validity = Some(Validity { valid_from: at, valid_to: None });
        }
        Event::Terminate => {
            if let Some(v) = next.validity.as_mut() {
                v.valid_to = Some(at);
            }
        }
        Event::Suspend | Event::Resume | Event::Archive => {}
    }
    next.status = to;
    next.history.push(HistoryEntry { event: kind, date: at, from, to, defects });
    let duties = duties(&next, policy, calendar)?;
    Ok(Transition { from, to, record: next, duties })
}

fn review(record: &mut Record) -> &mut Review {
    record.review.get_or_insert_with(|| Review {
        started: None,
        returned: None,
        defects: Vec::new(),
        resubmitted: None,
        registered: None,
    })
}
