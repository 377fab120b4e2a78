//! The registry workflow: every state, every illegal event, deadlines checked against hand-computed dates
//! on the 2026 calendar (15 June and 26 June are holidays).

use chrono::NaiveDate;
use dxer::calendar::{Calendar, Period};
use dxer::model::{LocalizedText, Record, RecordStatus, WorkflowEvent};
use dxer::registry::versions::{diff, VersionHistory};
use dxer::registry::workflow::{
    allowed_events, apply, due_findings, duties, next_state, status_at, DutyKind, Event, Policy, Standing,
};

mod common;
use common::set_at;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn draft() -> Record {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/valid/identity-card/input.json");
    let mut r: Record = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    r.status = RecordStatus::Draft;
    r.submission = None;
    r.review = None;
    r.validity = None;
    r
}

fn cal() -> &'static Calendar {
    Calendar::azerbaijan()
}

fn step(r: &Record, e: Event, at: &str) -> dxer::registry::workflow::Transition {
    apply(r, &e, day(at), &Policy::default(), cal()).unwrap_or_else(|f| panic!("{e:?} at {at}: {}", f.message.en))
}

fn submit() -> Event {
    Event::Submit { signer: "DİN".into(), signature_ref: Some("asan-imza:1".into()) }
}

fn defects() -> Event {
    Event::Return { defects: vec![LocalizedText::az("İmtina əsaslarının hüquqi əsası yoxdur")] }
}

#[test]
fn a_record_walks_through_every_state_with_its_due_dates() {
    let r = draft();
    let open = duties(&r, &Policy::default(), cal()).unwrap();
    assert_eq!((open[0].kind, open[0].due), (DutyKind::Submission, day("2026-06-24")));

    let t = step(&r, submit(), "2026-06-10");
    assert_eq!((t.from, t.to), (RecordStatus::Draft, RecordStatus::Submitted));
    assert_eq!(t.record.submission.as_ref().unwrap().date, day("2026-06-10"));
    assert_eq!((t.duties[0].kind, t.duties[0].due), (DutyKind::Review, day("2026-06-22")));
    assert_eq!(t.duties[0].owner, "operator");

    let t = step(&t.record, Event::StartReview, "2026-06-11");
    assert_eq!(t.to, RecordStatus::UnderReview);
    assert_eq!(t.duties[0].due, day("2026-06-22"), "review period still runs from the submission");

    let t = step(&t.record, defects(), "2026-06-16");
    assert_eq!(t.to, RecordStatus::Returned);
    assert_eq!((t.duties[0].kind, t.duties[0].due), (DutyKind::Fix, day("2026-06-25")));
    assert_eq!(t.record.review.as_ref().unwrap().defects.len(), 1);

    let t = step(&t.record, Event::Resubmit, "2026-06-25");
    assert_eq!(t.to, RecordStatus::Resubmitted);
    // 26 June (Armed Forces Day) is off: 29, 30 June, 1, 2, 3, 6, 7 July.
    assert_eq!((t.duties[0].kind, t.duties[0].due), (DutyKind::Review, day("2026-07-07")));

    let t = step(&t.record, Event::Register, "2026-07-01");
    assert_eq!(t.to, RecordStatus::Registered);
    assert!(t.duties.is_empty());
    assert_eq!(t.record.validity.unwrap().valid_from, day("2026-07-01"));

    let t = step(&t.record, Event::Amend, "2026-09-01");
    assert_eq!((t.to, t.record.version), (RecordStatus::Amended, 2));
    let t = step(&t.record, Event::Suspend, "2026-09-10");
    assert_eq!(t.to, RecordStatus::Suspended);
    let t = step(&t.record, Event::Resume, "2026-09-20");
    assert_eq!(t.to, RecordStatus::Registered);
    let t = step(&t.record, Event::Terminate, "2026-10-01");
    assert_eq!(t.to, RecordStatus::Terminated);
    assert_eq!(t.record.validity.unwrap().valid_to, Some(day("2026-10-01")));
    let t = step(&t.record, Event::Archive, "2026-10-02");
    assert_eq!(t.to, RecordStatus::Archived);
    assert!(allowed_events(RecordStatus::Archived).is_empty());

    let events: Vec<WorkflowEvent> = t.record.history.iter().map(|h| h.event).collect();
    use WorkflowEvent::*;
    assert_eq!(events, [Submit, StartReview, Return, Resubmit, Register, Amend, Suspend, Resume, Terminate, Archive]);
    // The history survives a JSON round trip and still validates.
    let json = serde_json::to_string(&t.record).unwrap();
    let report = dxer::validate(json.as_str(), &dxer::Options::default());
    assert!(report.ok, "{:?}", report.findings);
}

#[test]
fn every_illegal_event_is_a_located_finding() {
    let mut illegal = 0;
    for &state in RecordStatus::ALL {
        let mut r = draft();
        r.status = state;
        for &kind in WorkflowEvent::ALL {
            let event = match kind {
                WorkflowEvent::Submit => submit(),
                WorkflowEvent::StartReview => Event::StartReview,
                WorkflowEvent::Return => defects(),
                WorkflowEvent::Resubmit => Event::Resubmit,
                WorkflowEvent::Register => Event::Register,
                WorkflowEvent::Amend => Event::Amend,
                WorkflowEvent::Suspend => Event::Suspend,
                WorkflowEvent::Resume => Event::Resume,
                WorkflowEvent::Terminate => Event::Terminate,
                WorkflowEvent::Archive => Event::Archive,
            };
            // Submission and review dates the due-date computation needs.
            r.submission = Some(dxer::model::Submission {
                date: day("2026-06-10"),
                signer: "x".into(),
                signature_ref: None,
                digest: None,
            });
            r.review = Some(dxer::model::Review {
                started: None,
                returned: Some(day("2026-06-12")),
                defects: vec![],
                resubmitted: Some(day("2026-06-18")),
                registered: None,
            });
            let result = apply(&r, &event, day("2026-06-20"), &Policy::default(), cal());
            match next_state(state, kind) {
                Some(to) => assert_eq!(result.unwrap().to, to, "{state:?} + {kind:?}"),
                None => {
                    illegal += 1;
                    let f = result.unwrap_err();
                    assert_eq!((f.code.as_str(), f.pointer.as_str()), ("DXER-W001", "/status"), "{state:?} + {kind:?}");
                    assert!(f.message.en.contains(kind.code()) && f.message.en.contains(state.code()));
                }
            }
        }
    }
    assert_eq!(illegal, 10 * 10 - 19, "19 legal (state, event) pairs");
}

#[test]
fn returns_need_defects_dates_must_not_go_back_and_the_return_limit_is_policy() {
    let t = step(&draft(), submit(), "2026-06-10");
    let f =
        apply(&t.record, &Event::Return { defects: vec![] }, day("2026-06-11"), &Policy::default(), cal()).unwrap_err();
    assert_eq!(f.code, "DXER-W006");
    let f = apply(&t.record, &Event::StartReview, day("2026-06-09"), &Policy::default(), cal()).unwrap_err();
    assert_eq!((f.code.as_str(), f.pointer.as_str()), ("DXER-W002", "/history"));

    let strict = Policy { max_returns: Some(1), ..Policy::default() };
    let t = apply(&t.record, &defects(), day("2026-06-11"), &strict, cal()).unwrap();
    let t = apply(&t.record, &Event::Resubmit, day("2026-06-12"), &strict, cal()).unwrap();
    let f = apply(&t.record, &defects(), day("2026-06-16"), &strict, cal()).unwrap_err();
    assert_eq!(f.code, "DXER-W004");
    assert!(apply(&t.record, &defects(), day("2026-06-16"), &Policy::default(), cal()).is_ok(), "no limit by default");
}

#[test]
fn duty_standing_on_time_due_soon_overdue() {
    let r = draft(); // submission due 2026-06-24
    let policy = Policy::default();
    let on = |d: &str| status_at(&r, day(d), &policy, cal()).unwrap().remove(0);
    let s = on("2026-06-19");
    assert_eq!((s.standing, s.working_days), (Standing::OnTime, 3));
    let s = on("2026-06-22");
    assert_eq!((s.standing, s.working_days), (Standing::DueSoon, 2));
    let s = on("2026-06-24");
    assert_eq!((s.standing, s.working_days), (Standing::DueSoon, 0));
    let s = on("2026-06-29"); // 25, 29 (26 June is off)
    assert_eq!((s.standing, s.working_days), (Standing::Overdue, 2));

    let f = due_findings(&r, day("2026-06-29"), &policy, cal());
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].code.as_str(), f[0].pointer.as_str()), ("DXER-W010", "/creating_act/entry_into_force"));
    assert!(f[0].message.en.contains("2026-06-24"), "{}", f[0].message.en);
    assert_eq!(due_findings(&r, day("2026-06-23"), &policy, cal())[0].code, "DXER-W011");
    assert!(due_findings(&r, day("2026-06-01"), &policy, cal()).is_empty());
}

#[test]
fn the_law_is_data_a_changed_policy_changes_the_dates() {
    let policy = Policy { submit_within: Period::CalendarDays(30), ..Policy::default() };
    // 6 May + 30 calendar days = 5 June 2026, a Friday and a working day.
    assert_eq!(duties(&draft(), &policy, cal()).unwrap()[0].due, day("2026-06-05"));
    let policy = Policy { submit_within: Period::Months(1), ..Policy::default() };
    assert_eq!(duties(&draft(), &policy, cal()).unwrap()[0].due, day("2026-06-08"), "6 June is a Saturday");
    let json = serde_json::to_value(Policy::default()).unwrap();
    assert_eq!(json["submit_within"], serde_json::json!({"value": 30, "unit": "working_days"}));
}

#[test]
fn the_submission_clock_starts_at_the_later_of_the_act_and_the_regime() {
    // Law No. 279-VIIQ took effect on 2025-12-03; the model form exists from 2026-05-06.
    let r = draft();
    assert_eq!(r.creating_act.entry_into_force, day("2025-12-03"));
    let open = duties(&r, &Policy::default(), cal()).unwrap();
    assert_eq!((open[0].from, open[0].due), (day("2026-05-06"), day("2026-06-24")));
    // An act that takes effect later starts its own clock: 1 July 2026 + 30 working days.
    let mut later = draft();
    later.creating_act.entry_into_force = day("2026-07-01");
    let open = duties(&later, &Policy::default(), cal()).unwrap();
    assert_eq!((open[0].from, open[0].due), (day("2026-07-01"), day("2026-08-12")));
    // Without the floor the law's own date counts, and the duty was overdue long before the decision.
    let from_act = Policy { regime_start: None, ..Policy::default() };
    let open = duties(&r, &from_act, cal()).unwrap();
    assert_eq!(open[0].from, day("2025-12-03"));
    assert!(open[0].due < day("2026-05-06"), "{:?}", open[0].due);
    // The floor is part of the policy's serialised form and may be switched off there too.
    let json = serde_json::to_value(Policy::default()).unwrap();
    assert_eq!(json["regime_start"], "2026-05-06");
    let off: Policy = serde_json::from_value(serde_json::json!({
        "submit_within": {"value": 30, "unit": "working_days"}, "review_within": {"value": 7, "unit": "working_days"},
        "fix_within": {"value": 7, "unit": "working_days"}, "due_soon_margin": 2, "max_returns": null,
        "regime_start": null}))
    .unwrap();
    assert_eq!(off.regime_start, None);
}

#[test]
fn a_deadline_beyond_the_calendar_data_is_a_finding_not_a_guess() {
    let mut r = draft();
    r.creating_act.entry_into_force = day("2031-03-01");
    let f = duties(&r, &Policy::default(), cal()).unwrap_err();
    assert_eq!((f.code.as_str(), f.pointer.as_str()), ("DXER-W003", "/creating_act/entry_into_force"));
}

#[test]
fn versions_are_immutable_and_must_change_something() {
    let mut v1 = draft();
    v1.status = RecordStatus::Registered;
    let mut history = VersionHistory::new(v1.clone(), day("2026-07-01"));
    let same = v1.clone();
    let f = history.amend(same, day("2026-09-01")).unwrap_err();
    assert_eq!(f.code, "DXER-W005");

    let mut v2 = v1.clone();
    v2.reglament.standard.time_limit.stated_mut().unwrap().value = 8;
    v2.reglament.general.name.en = None;
    v2.status = RecordStatus::Amended; // bookkeeping: not a change of the service
    let changes = history.amend(v2, day("2026-09-01")).unwrap();
    let pointers: Vec<&str> = changes.iter().map(|c| c.pointer.as_str()).collect();
    assert_eq!(pointers, ["/reglament/general/name/en", "/reglament/standard/time_limit/value"]);
    assert_eq!(changes[1].old, Some(serde_json::json!(10)));
    assert_eq!(changes[1].new, Some(serde_json::json!(8)));
    assert_eq!(changes[0].new, None);

    assert_eq!(history.versions().len(), 2);
    assert_eq!(history.versions()[0].validity.unwrap().valid_to, Some(day("2026-08-31")));
    assert_eq!(history.latest().unwrap().version, 2);
    assert_eq!(history.at(day("2026-08-31")).unwrap().version, 1);
    assert_eq!(history.at(day("2026-09-01")).unwrap().version, 2);
    assert!(history.at(day("2026-06-30")).is_none());
    assert!(diff(&history.versions()[0], &history.versions()[0]).is_empty());

    let mut v3 = history.latest().unwrap().clone();
    v3.open_data = false;
    let f = history.amend(v3, day("2026-08-01")).unwrap_err();
    assert_eq!(f.code, "DXER-W002");
}

/// `DXER-W007`: a record validation finds errors in — here a time limit its source does not state
/// (`DXER-N001`) — cannot be registered; the policy can allow it.
#[test]
fn a_record_with_errors_cannot_be_registered() {
    let t = step(&draft(), submit(), "2026-06-10");
    let t = step(&t.record, Event::StartReview, "2026-06-11");
    let mut silent = t.record.clone();
    silent.reglament.standard.time_limit = dxer::model::Stated::not_stated();
    let refused = apply(&silent, &Event::Register, day("2026-06-15"), &Policy::default(), cal()).unwrap_err();
    assert_eq!(refused.code, "DXER-W007");
    assert!(refused.message.en.contains("DXER-N001"), "{}", refused.message.en);
    // The operator returns it instead; or a policy lets it through.
    assert!(apply(&silent, &defects(), day("2026-06-15"), &Policy::default(), cal()).is_ok());
    let lenient = Policy { register_only_without_errors: false, ..Policy::default() };
    let t = apply(&silent, &Event::Register, day("2026-06-15"), &lenient, cal()).unwrap();
    assert_eq!(t.to, RecordStatus::Registered);
    // The complete record registers under the default policy.
    assert!(apply(&t.record, &Event::Register, day("2026-06-15"), &Policy::default(), cal()).is_err()); // already registered
    let ok = step(&step(&draft(), submit(), "2026-06-10").record, Event::Register, "2026-06-16");
    assert_eq!(ok.to, RecordStatus::Registered);
}

/// Sets (or, with `null`, removes) the member at `pointer` of `doc`.
/// The shared workflow fixtures (`tests/fixtures/workflow/<case>/case.json`), which the Python and
/// WebAssembly suites run too: a record (a fixture with members set or removed), a policy, dated events with
/// the state and open duties after each or the finding that refuses it, and the due findings on a date.
#[test]
fn shared_workflow_fixtures() {
    use serde_json::Value;
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(root.join("workflow")).unwrap().flatten().map(|e| e.path()).collect();
    dirs.sort();
    let mut fired = std::collections::BTreeSet::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let case: Value = serde_json::from_slice(&std::fs::read(dir.join("case.json")).unwrap()).unwrap();
        let base = root.join(case["base"].as_str().unwrap()).join("input.json");
        let mut doc: Value = serde_json::from_slice(&std::fs::read(base).unwrap()).unwrap();
        for (pointer, value) in case["set"].as_object().into_iter().flatten() {
            set_at(&mut doc, pointer, value);
        }
        let mut record: Record = serde_json::from_value(doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let policy: Policy = case.get("policy").map(|p| serde_json::from_value(p.clone()).unwrap()).unwrap_or_default();
        for step in case["steps"].as_array().unwrap() {
            let on = day(step["on"].as_str().unwrap());
            if let Some(set) = step.get("amend") {
                // An amendment: the record with these members changed, valid from `on`.
                let mut doc = serde_json::to_value(&record).unwrap();
                for (pointer, value) in set.as_object().unwrap() {
                    set_at(&mut doc, pointer, value);
                }
                let new: Record = serde_json::from_value(doc).unwrap_or_else(|e| panic!("{name}: {e}"));
                match dxer::registry::versions::amend(&record, new, on) {
                    Ok(a) => {
                        assert!(step.get("error").is_none(), "{name}: the amendment of {on} was accepted");
                        assert_eq!(Value::from(a.record.version), step["version"], "{name}: version");
                        let valid_to = a.previous.validity.and_then(|v| v.valid_to).map(|d| d.to_string());
                        assert_eq!(serde_json::json!(valid_to), step["previous_valid_to"], "{name}: previous ends");
                        let changes: Vec<&str> = a.changes.iter().map(|c| c.pointer.as_str()).collect();
                        assert_eq!(serde_json::json!(changes), step["changes"], "{name}: changes");
                        record = a.record;
                    }
                    Err(f) => {
                        let expected = &step["error"];
                        assert_eq!(
                            (f.code.as_str(), f.pointer.as_str()),
                            (expected[0].as_str().unwrap_or_default(), expected[1].as_str().unwrap_or_default()),
                            "{name}: the amendment of {on}"
                        );
                        fired.insert(f.code.clone());
                    }
                }
                continue;
            }
            let event: Event = serde_json::from_value(step["event"].clone()).unwrap();
            match apply(&record, &event, on, &policy, cal()) {
                Ok(t) => {
                    assert!(step.get("error").is_none(), "{name}: {event:?} on {on} was accepted");
                    assert_eq!(t.to.code(), step["to"], "{name}: {event:?}");
                    let duties: Vec<Value> =
                        t.duties.iter().map(|d| serde_json::json!([d.kind, d.due.to_string()])).collect();
                    assert_eq!(Value::Array(duties), step["duties"], "{name}: duties after {event:?}");
                    record = t.record;
                }
                Err(f) => {
                    let expected = &step["error"];
                    assert_eq!(
                        (f.code.as_str(), f.pointer.as_str()),
                        (expected[0].as_str().unwrap_or_default(), expected[1].as_str().unwrap_or_default()),
                        "{name}: {event:?} on {on}"
                    );
                    fired.insert(f.code.clone());
                }
            }
        }
        if let Some(due) = case.get("due") {
            let findings = due_findings(&record, day(due["on"].as_str().unwrap()), &policy, cal());
            let got: Vec<Value> = findings.iter().map(|f| serde_json::json!([f.code, f.pointer])).collect();
            assert_eq!(Value::Array(got), due["findings"], "{name}: due findings");
            fired.extend(findings.into_iter().map(|f| f.code));
        }
        if let Some(rule) = case["rule"].as_str() {
            assert!(fired.contains(rule), "{name}: {rule} does not fire");
        }
    }
    // Every workflow code has its case.
    for rule in dxer::rules::CATALOGUE.iter().filter(|r| r.scope() == dxer::rules::catalogue::Scope::Workflow) {
        assert!(fired.contains(rule.code), "no shared workflow fixture fires {}", rule.code);
    }
}
