//! The dated duties around an information system's registration card (domain brief §5, §8).
//!
//! Two duties, each with its period in the [`Policy`] so that a changed rule is a data change:
//! - **card application** (`card_application`, `DXER-X008` overdue / `DXER-X009` due soon): "yeni
//!   yaradılan, quruluşunda dəyişikliklər aparılan, fəaliyyəti dayandırılan informasiya ehtiyatları haqqında
//!   məlumatların Dövlət Reyestrinə daxil edilməsi və ya müvafiq düzəlişlərin edilməsi üçün lazımi sənədlər
//!   (müraciət ərizəsi və qeydiyyat kartı) müraciət edən tərəfindən 20 gündən gec olmayaraq Reyestrin
//!   operatoruna təqdim edilməlidir" (e-Government bulletin No. 1, January 2013, seed 004). The bulletin
//!   reports the rule of the register; the rule's own act is not among our sources [reconstruction]. Its
//!   "20 gün" are **calendar** days (the bulletin says "gün", not "iş günü"), counted from the creation,
//!   structural change or stop of the system — each an entry of the card's `lifecycle` — and ending on the
//!   next working day when the 20th is not one (domain brief §5). The owner of the system is the applicant
//!   ("müraciət edən") [reconstruction]. The duty is done on the entry's `applied_on`; for the `created`
//!   entry, a card `registered_on` stands in for an application date not recorded, since the register
//!   entered it by then [choice].
//! - **EHİS data supply** (`ehis_supply`, `DXER-X010` overdue / `DXER-X011` due soon): CM decision No. 59 of
//!   2 March 2026, §5, charges the bodies it lists to take "altı ay müddətində" (within six months) the
//!   measures for VEİS to obtain the data of part 4 of its statute "Elektron Hökumət İnformasiya Sistemi
//!   vasitəsilə" (through EHİS). The decision does not say from when: we count from its date, the card's
//!   `ehis_duty_from` of each data source [reconstruction]. A data source with `ehis_duty_from` has the
//!   duty, owed by its `body`; it is done on `ehis_since`, or — date not known — when `via_ehis` is set.
//!
//! A duty is judged as it stood on the day asked about: fulfilled on a later day, it was still open then.
//! Lateness is a standing (`done_late`), not a finding: the findings are for what is still to be done.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::infosystem::{InformationSystem, LifecycleKind};
use super::store::Registry;
use super::workflow::{calendar_finding, open_standing, Policy, Standing};
use crate::calendar::{Calendar, Period};
use crate::rules::finding_localized;
use crate::{Finding, RuleLevel, Severity};

/// Which duty of an information system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SystemDutyKind {
    /// The owner submits the application and registration card to the register operator (20 days, seed
    /// 004).
    CardApplication,
    /// A body makes the system's data available through EHİS (six months, seed 003 §5).
    EhisSupply,
}

impl SystemDutyKind {
    /// The stable code (as in JSON).
    pub fn code(self) -> &'static str {
        match self {
            SystemDutyKind::CardApplication => "card_application",
            SystemDutyKind::EhisSupply => "ehis_supply",
        }
    }
}

/// A duty of an information system, open or done, with its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemDuty {
    /// Which duty.
    pub kind: SystemDutyKind,
    /// Code of the information system.
    pub system: String,
    /// Provider code of the body that owes it: the system's owner, or the data source's body.
    pub owner: String,
    /// The date the period runs from.
    pub from: NaiveDate,
    /// The last day to fulfil it.
    pub due: NaiveDate,
    /// JSON Pointer, inside the card, of the date the period runs from.
    pub pointer: String,
    /// Whether the card records the duty as fulfilled (at any date).
    pub done: bool,
    /// The day it was fulfilled, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
}

/// A duty of an information system and how it stands on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemDutyStatus {
    /// The duty.
    pub duty: SystemDuty,
    /// On time, due soon, overdue; done or done late.
    pub standing: Standing,
    /// Working days left (on time, due soon), overdue, or late (done late); 0 when done in time.
    pub working_days: u32,
}

/// A finding about one information system's card, located inside the card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemFinding {
    /// Code of the information system.
    pub system: String,
    /// The finding; its `pointer` is inside the card.
    #[serde(flatten)]
    pub finding: Finding,
}

/// The duty of each source of a due date in the card, or the finding (`DXER-W003`) of a due date that cannot
/// be computed.
fn each_duty(card: &InformationSystem, policy: &Policy, calendar: &Calendar) -> Vec<Result<SystemDuty, Box<Finding>>> {
    let make =
        |kind, owner: &str, from, period: Period, pointer: String, done, done_on| match calendar.add(from, period) {
            Ok(due) => Ok(SystemDuty {
                kind,
                system: card.code.to_string(),
                owner: owner.to_string(),
                from,
                due,
                pointer,
                done,
                done_on,
            }),
            Err(e) => Err(Box::new(calendar_finding(&e, &pointer))),
        };
    let mut out = Vec::new();
    for (i, e) in card.lifecycle.iter().enumerate() {
        let done_on = e.applied_on.or(card.registered_on.filter(|_| e.event == LifecycleKind::Created));
        let pointer = format!("/lifecycle/{i}/on");
        let owner = card.owner.as_str();
        out.push(make(
            SystemDutyKind::CardApplication,
            owner,
            e.on,
            policy.register_card_within,
            pointer,
            done_on.is_some(),
            done_on,
        ));
    }
    for (i, s) in card.data_sources.iter().enumerate() {
        let Some(from) = s.ehis_duty_from else { continue };
        let pointer = format!("/data_sources/{i}/ehis_duty_from");
        let done = s.via_ehis || s.ehis_since.is_some();
        out.push(make(
            SystemDutyKind::EhisSupply,
            s.body.as_str(),
            from,
            policy.ehis_supply_within,
            pointer,
            done,
            s.ehis_since,
        ));
    }
    out
}

/// The duties of an information system, open and done, with due dates computed on `calendar`: one card
/// application per `lifecycle` entry, then one EHİS supply per data source with an `ehis_duty_from`.
///
/// ```
/// use dxer::calendar::Calendar;
/// use dxer::registry::system_duties::{system_duties, SystemDutyKind};
/// use dxer::registry::{workflow::Policy, InformationSystem};
/// let text = std::fs::read_to_string("../examples/information-systems/dxer.json").unwrap();
/// let cards: Vec<InformationSystem> = serde_json::from_str(&text).unwrap();
/// let duties = system_duties(&cards[0], &Policy::default(), Calendar::azerbaijan()).unwrap();
/// // Created on 6 May 2026: the application and card were due 20 calendar days later.
/// assert_eq!(duties[0].kind, SystemDutyKind::CardApplication);
/// assert_eq!(duties[0].due.to_string(), "2026-05-26");
/// ```
pub fn system_duties(
    card: &InformationSystem,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<Vec<SystemDuty>, Box<Finding>> {
    each_duty(card, policy, calendar).into_iter().collect()
}

/// How a duty stands on `on`.
fn standing(
    duty: &SystemDuty,
    on: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<(Standing, u32), Box<Finding>> {
    let err = |e| Box::new(calendar_finding(&e, &duty.pointer));
    match duty.done_on {
        Some(day) if day <= on && day > duty.due => {
            Ok((Standing::DoneLate, calendar.working_days_between(duty.due, day).map_err(err)?))
        }
        Some(day) if day <= on => Ok((Standing::Done, 0)),
        None if duty.done => Ok((Standing::Done, 0)),
        _ => open_standing(duty.due, on, policy, calendar).map_err(err),
    }
}

/// How each duty of the card stands on `on`: on time, due soon (within the policy's margin), overdue,
/// done or done late. A duty fulfilled after `on` was open on `on`.
pub fn system_status_at(
    card: &InformationSystem,
    on: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<Vec<SystemDutyStatus>, Box<Finding>> {
    let mut out = Vec::new();
    for duty in system_duties(card, policy, calendar)? {
        let (standing, working_days) = standing(&duty, on, policy, calendar)?;
        out.push(SystemDutyStatus { duty, standing, working_days });
    }
    Ok(out)
}

/// Findings for the card's duties still open on `on`: card application overdue (`DXER-X008`) or due soon
/// (`DXER-X009`), EHİS supply overdue (`DXER-X010`) or due soon (`DXER-X011`); a due date that cannot be
/// computed is `DXER-W003`. In the order of [`system_duties`].
pub fn system_due_findings(
    card: &InformationSystem,
    on: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for duty in each_duty(card, policy, calendar) {
        let duty = match duty {
            Ok(d) => d,
            Err(f) => {
                out.push(*f);
                continue;
            }
        };
        let (standing, days) = match standing(&duty, on, policy, calendar) {
            Ok(s) => s,
            Err(f) => {
                out.push(*f);
                continue;
            }
        };
        let code = match (duty.kind, standing) {
            (SystemDutyKind::CardApplication, Standing::Overdue) => "DXER-X008",
            (SystemDutyKind::CardApplication, Standing::DueSoon) => "DXER-X009",
            (SystemDutyKind::EhisSupply, Standing::Overdue) => "DXER-X010",
            (SystemDutyKind::EhisSupply, Standing::DueSoon) => "DXER-X011",
            _ => continue,
        };
        let args = [
            ("system", duty.system.clone()),
            ("owner", duty.owner.clone()),
            ("from", duty.from.to_string()),
            ("due", duty.due.to_string()),
            ("days", days.to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let localized = match duty.kind {
            SystemDutyKind::CardApplication => {
                let event = duty_event(card, &duty.pointer).unwrap_or(LifecycleKind::Created);
                ("event", event.words())
            }
            SystemDutyKind::EhisSupply => ("data", duty_data(card, &duty.pointer)),
        };
        out.push(finding_localized(code, &duty.pointer, &args, &[localized]));
    }
    out
}

/// The index in `/<list>/<i>/…`.
fn index_in(pointer: &str) -> Option<usize> {
    pointer.split('/').nth(2)?.parse().ok()
}

fn duty_event(card: &InformationSystem, pointer: &str) -> Option<LifecycleKind> {
    card.lifecycle.get(index_in(pointer)?).map(|e| e.event)
}

fn duty_data(card: &InformationSystem, pointer: &str) -> [String; 3] {
    let Some(source) = index_in(pointer).and_then(|i| card.data_sources.get(i)) else { return Default::default() };
    ["az", "en", "ru"].map(|lang| source.data.get(lang).to_string())
}

impl Registry {
    /// The duty findings of every registration card held ([`system_due_findings`] on `on`), in card
    /// load order, with the options' `rule_levels` applied.
    pub fn system_findings(&self, on: NaiveDate, policy: &Policy, calendar: &Calendar) -> Vec<SystemFinding> {
        let levels = &self.options().rule_levels;
        let mut out = Vec::new();
        for card in self.information_systems() {
            for mut finding in system_due_findings(card, on, policy, calendar) {
                finding.severity = match levels.get(&finding.code) {
                    Some(RuleLevel::Off) => continue,
                    Some(RuleLevel::Error) => Severity::Error,
                    Some(RuleLevel::Warning) => Severity::Warning,
                    Some(RuleLevel::Info) => Severity::Info,
                    None => finding.severity,
                };
                out.push(SystemFinding { system: card.code.to_string(), finding });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn card(extra: serde_json::Value) -> InformationSystem {
        let mut v = serde_json::json!({"code": "IS-TEST", "name": {"az": "Sınaq"}, "owner": "ASAN", "operator": "ASAN",
            "legal_act": {"type": "cabinet_decision", "title": {"az": "Qərar"}}, "purpose": {"az": "Sınaq"},
            "personal_data": false, "hosting": "g_cloud"});
        v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn a_card_without_trigger_dates_owes_nothing() {
        let c = card(serde_json::json!({}));
        assert!(system_duties(&c, &Policy::default(), Calendar::azerbaijan()).unwrap().is_empty());
    }

    #[test]
    fn registration_stands_in_for_the_application_of_the_creation_only() {
        let c = card(serde_json::json!({"registered_on": "2026-05-20",
            "lifecycle": [{"event": "created", "on": "2026-05-06"}, {"event": "changed", "on": "2026-07-01"}]}));
        let s = system_status_at(&c, day("2026-08-03"), &Policy::default(), Calendar::azerbaijan()).unwrap();
        assert_eq!(s[0].standing, Standing::Done);
        assert_eq!(s[0].duty.done_on, Some(day("2026-05-20")));
        assert_eq!((s[1].standing, s[1].duty.due), (Standing::Overdue, day("2026-07-21")));
    }

    #[test]
    fn via_ehis_without_a_date_is_done_at_any_date() {
        let c = card(serde_json::json!({"data_sources": [
            {"body": "DIN", "data": {"az": "x"}, "via_ehis": true, "ehis_duty_from": "2026-03-02"}]}));
        let s = system_status_at(&c, day("2026-03-03"), &Policy::default(), Calendar::azerbaijan()).unwrap();
        assert_eq!((s[0].standing, s[0].duty.due, s[0].duty.done_on), (Standing::Done, day("2026-09-02"), None));
    }
}
