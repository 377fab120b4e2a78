//! Calendar, workflow deadlines and the duties of information systems (the `full` package only: the
//! validation package for forms leaves them out, benches/README.md).

use dxer::calendar::{Calendar, CalendarError, Period};
use dxer::model::RecordStatus;
use dxer::registry::system_duties as sd;
use dxer::registry::workflow::{self, Event, Policy};
use dxer::registry::InformationSystem;
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::input::{record, typed};
use crate::{date, error, finding_error, localized, to_js};
use dxer::Lang;

fn whole(value: f64, what: &str) -> Result<u32, JsValue> {
    if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
        Ok(value as u32)
    } else {
        Err(error(format!("{what}: {value} is not a whole number from 0 to {}", u32::MAX)))
    }
}

fn year(value: f64) -> Result<i32, JsValue> {
    if value.fract() == 0.0 && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&value) {
        Ok(value as i32)
    } else {
        Err(error(format!("year: {value} is not a whole number")))
    }
}

fn calendar_error(e: CalendarError) -> JsValue {
    error(e.to_string())
}

// ---- calendar -----------------------------------------------------------------------------------------

pub(crate) fn cal() -> &'static Calendar {
    Calendar::azerbaijan()
}

/// Whether `date` (YYYY-MM-DD) is a working day in Azerbaijan. Throws outside the years with data.
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(date: &str) -> Result<bool, JsValue> {
    cal().is_working_day(self::date(date, "date")?).map_err(calendar_error)
}

fn add(start: &str, period: Period) -> Result<String, JsValue> {
    cal().add(date(start, "start")?, period).map(|d| d.to_string()).map_err(calendar_error)
}

/// The date `n` working days after `start` (`n = 0` gives `start`).
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(start: &str, n: f64) -> Result<String, JsValue> {
    add(start, Period::WorkingDays(whole(n, "n")?))
}

/// The date `n` calendar days after `start`, moved to the next working day if it is a day off.
#[wasm_bindgen(js_name = addDays)]
pub fn add_days(start: &str, n: f64) -> Result<String, JsValue> {
    add(start, Period::CalendarDays(whole(n, "n")?))
}

/// The same day number `n` months after `start` (clamped to the month's end), moved to the next
/// working day if it is a day off.
#[wasm_bindgen(js_name = addMonths)]
pub fn add_months(start: &str, n: f64) -> Result<String, JsValue> {
    add(start, Period::Months(whole(n, "n")?))
}

/// The end of `period` (`{value, unit}`) counted from `start`.
#[wasm_bindgen(js_name = addPeriod)]
pub fn add_period(
    start: &str,
    #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
) -> Result<String, JsValue> {
    add(start, typed(&period, "period", "a period {value, unit}")?)
}

/// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(from: &str, to: &str) -> Result<u32, JsValue> {
    cal().working_days_between(date(from, "from")?, date(to, "to")?).map_err(calendar_error)
}

/// The days off of `year` other than ordinary weekends, with their reasons.
#[wasm_bindgen(js_name = daysOff, unchecked_return_type = "DayOff[]")]
pub fn days_off(year: f64) -> Result<JsValue, JsValue> {
    to_js(&cal().days_off(self::year(year)?).map_err(calendar_error)?)
}

/// The named holidays of `year` (including those that are working days).
#[wasm_bindgen(js_name = holidays, unchecked_return_type = "Holiday[]")]
pub fn holidays(year: f64) -> Result<JsValue, JsValue> {
    to_js(&cal().holidays(self::year(year)?).map_err(calendar_error)?)
}

/// The first and last year with calendar data.
#[wasm_bindgen(js_name = calendarYears, unchecked_return_type = "{ first: number; last: number }")]
pub fn calendar_years() -> Result<JsValue, JsValue> {
    let years = cal().years();
    to_js(&serde_json::json!({ "first": years.start(), "last": years.end() }))
}

// ---- workflow -----------------------------------------------------------------------------------------

/// The law's policy, with the fields given in `value` replacing the defaults.
pub(crate) fn policy(value: &JsValue) -> Result<Policy, JsValue> {
    let default = Policy::default();
    if value.is_undefined() || value.is_null() {
        return Ok(default);
    }
    let given: Value = typed(value, "policy", "a workflow policy")?;
    let Value::Object(given) = given else {
        return Err(error(
            "policy: expected an object such as { review_within: { value: 7, unit: \"working_days\" } }",
        ));
    };
    let mut merged = serde_json::to_value(&default).map_err(|e| error(format!("policy: {e}")))?;
    if let Value::Object(map) = &mut merged {
        for (key, v) in given {
            if !map.contains_key(&key) {
                let known: Vec<&String> = map.keys().collect();
                return Err(error(format!("policy: unknown field {key:?}; the fields are {known:?}")));
            }
            map.insert(key, v);
        }
    }
    Policy::deserialize(&merged).map_err(|e| error(format!("policy: {e}")))
}

fn event(value: &JsValue) -> Result<Event, JsValue> {
    // A bare event name is shorthand for `{event: name}`.
    if let Some(name) = value.as_string() {
        let tagged = serde_json::json!({ "event": name });
        return Event::deserialize(&tagged).map_err(|e| error(format!("event: {e}")));
    }
    typed(value, "event", "a workflow event")
}

/// The duties open in the record's current state (submission, review or fix), with due dates.
#[wasm_bindgen(js_name = duties, unchecked_return_type = "Duty[]")]
pub fn duties(
    #[wasm_bindgen(unchecked_param_type = "string | object")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let record = self::record(&record)?;
    let duties = workflow::duties(&record, &self::policy(&policy)?, cal()).map_err(|f| finding_error(&f, Lang::En))?;
    to_js(&duties)
}

/// How each open duty stands on `on` (YYYY-MM-DD): on time, due soon or overdue.
#[wasm_bindgen(js_name = statusAt, unchecked_return_type = "DutyStatus[]")]
pub fn status_at(
    #[wasm_bindgen(unchecked_param_type = "string | object")] record: JsValue,
    on: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let record = self::record(&record)?;
    let on = date(on, "on")?;
    let status =
        workflow::status_at(&record, on, &self::policy(&policy)?, cal()).map_err(|f| finding_error(&f, Lang::En))?;
    to_js(&status)
}

/// The deadline findings of the record on `on`: overdue (`DXER-W010`), due soon (`DXER-W011`).
#[wasm_bindgen(js_name = dueFindings, unchecked_return_type = "Finding[]")]
pub fn due_findings(
    #[wasm_bindgen(unchecked_param_type = "string | object")] record: JsValue,
    on: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = crate::parse_lang(lang)?;
    let record = self::record(&record)?;
    let found = workflow::due_findings(&record, date(on, "on")?, &self::policy(&policy)?, cal());
    to_js(&localized(&found, lang))
}

// ---- duties of information systems ---------------------------------------------------------------------

fn card(value: &JsValue) -> Result<InformationSystem, JsValue> {
    typed(value, "card", "an information-system registration card")
}

/// The duties of an information system's registration card, open and done, with due dates: the card
/// application of each `lifecycle` entry, the EHİS supply of each data source with `ehis_duty_from`.
#[wasm_bindgen(js_name = systemDuties, unchecked_return_type = "SystemDuty[]")]
pub fn system_duties(
    #[wasm_bindgen(unchecked_param_type = "string | object")] card: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let card = self::card(&card)?;
    let duties = sd::system_duties(&card, &self::policy(&policy)?, cal()).map_err(|f| finding_error(&f, Lang::En))?;
    to_js(&duties)
}

/// How each duty of the card stands on `on` (YYYY-MM-DD): on time, due soon, overdue, done or done late.
#[wasm_bindgen(js_name = systemStatusAt, unchecked_return_type = "SystemDutyStatus[]")]
pub fn system_status_at(
    #[wasm_bindgen(unchecked_param_type = "string | object")] card: JsValue,
    on: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let card = self::card(&card)?;
    let on = date(on, "on")?;
    let status =
        sd::system_status_at(&card, on, &self::policy(&policy)?, cal()).map_err(|f| finding_error(&f, Lang::En))?;
    to_js(&status)
}

/// The duty findings of the card on `on`: card application overdue (`DXER-X008`) or due soon (`DXER-X009`),
/// EHİS supply overdue (`DXER-X010`) or due soon (`DXER-X011`), an uncountable due date (`DXER-W003`).
#[wasm_bindgen(js_name = systemDueFindings, unchecked_return_type = "Finding[]")]
pub fn system_due_findings(
    #[wasm_bindgen(unchecked_param_type = "string | object")] card: JsValue,
    on: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = crate::parse_lang(lang)?;
    let card = self::card(&card)?;
    let found = sd::system_due_findings(&card, date(on, "on")?, &self::policy(&policy)?, cal());
    to_js(&localized(&found, lang))
}

/// Applies a workflow event dated `at` to the record; returns the new state, record and duties.
/// A refused event throws an `Error` carrying the core's finding (`DXER-W001`, `W002`, ...).
#[wasm_bindgen(js_name = applyEvent, unchecked_return_type = "Transition")]
pub fn apply_event(
    #[wasm_bindgen(unchecked_param_type = "string | object")] record: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WorkflowEvent")] event: JsValue,
    at: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy")] policy: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let lang = crate::parse_lang(lang)?;
    let record = self::record(&record)?;
    let event = self::event(&event)?;
    let at = date(at, "at")?;
    let t =
        workflow::apply(&record, &event, at, &self::policy(&policy)?, cal()).map_err(|f| finding_error(&f, lang))?;
    to_js(&t)
}

/// Amends `previous` with `next`, valid from `validFrom`: the previous version closed the day before, the
/// new version (next number) and what changed. A refused amendment throws an `Error` carrying the core's
/// finding: `DXER-W005` when nothing but bookkeeping changed, `DXER-W002` when `validFrom` is not after the
/// previous version's start.
#[wasm_bindgen(js_name = amend, unchecked_return_type = "Amendment")]
pub fn amend(
    #[wasm_bindgen(unchecked_param_type = "string | object")] previous: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object")] next: JsValue,
    valid_from: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let lang = crate::parse_lang(lang)?;
    let previous = self::record(&previous)?;
    let next = self::record(&next)?;
    let a = dxer::registry::versions::amend(&previous, next, date(valid_from, "validFrom")?)
        .map_err(|f| finding_error(&f, lang))?;
    to_js(&a)
}

/// The events allowed in a record status (e.g. `"submitted"` → `["start_review", "return", "register"]`).
#[wasm_bindgen(js_name = allowedEvents, unchecked_return_type = "string[]")]
pub fn allowed_events(status: &str) -> Result<JsValue, JsValue> {
    let status: RecordStatus =
        RecordStatus::deserialize(&Value::String(status.to_string())).map_err(|e| error(format!("status: {e}")))?;
    to_js(&workflow::allowed_events(status))
}
