//! WebAssembly bindings of [`dxer`]: the same findings, calendar, deadlines and conversions in the browser.
//!
//! This crate is deliberately thin: every function converts its JavaScript arguments to the core's Rust
//! values, calls exactly one function of `dxer`, and converts the result back. It contains no rule, no
//! finding code and no date arithmetic of its own.
//!
//! Conventions at the boundary:
//! - documents (records, reglaments) are accepted as JSON text (the fast path), as a `Uint8Array` of
//!   UTF-8 bytes, or as a plain object (serialized with the engine's native `JSON.stringify`); a document
//!   longer than `maxInputBytes` is refused from its length before it is copied into wasm memory (the
//!   core's `DXER-J003`), and a string holding an unpaired UTF-16 surrogate is refused with the core's
//!   `DXER-J006` (the engine would otherwise hand it over with U+FFFD in its place);
//! - dates are `"YYYY-MM-DD"` strings; counts are whole numbers;
//! - results are plain JS objects (serialized with `serde_json`, parsed with the engine's `JSON.parse`);
//! - every failure is a thrown JS `Error` with a clear message; a failure that the core reports as a
//!   finding (workflow) carries it as `error.finding` (and `error.code`, `error.pointer`); a conversion
//!   refused because the record is invalid carries the validation report as `error.report`.

use std::sync::Arc;

use chrono::NaiveDate;
use dxer::calendar::{Calendar, CalendarError, Period};
use dxer::convert::publish::{Publication, Withheld};
use dxer::model::RecordStatus;
use dxer::registry::system_duties as sd;
use dxer::registry::workflow::{self, Event, Policy};
use dxer::registry::InformationSystem;
use dxer::rules::catalogue::{Scope, CATALOGUE};
use dxer::{CodeLists, DocumentKind, Finding, Lang, Options, Report};
use js_sys::{Reflect, JSON};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

mod input;
mod stats;
mod typescript;

use input::{doc, record, refused_input, typed, valid_record, with_report, Doc};

// ---- conversions at the boundary ------------------------------------------------------------------

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// A result as a plain JS object: `serde_json` text parsed by the engine's own `JSON.parse`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| error(format!("dxer: cannot serialize the result: {e}")))?;
    JSON::parse(&text).map_err(|_| error("dxer: cannot parse the serialized result"))
}

fn date(value: &str, what: &str) -> Result<NaiveDate, JsValue> {
    value.parse::<NaiveDate>().map_err(|_| error(format!("{what}: {value:?} is not a date; expected YYYY-MM-DD")))
}

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

/// The `lang` argument, read by the core's [`Lang`] (`az` when missing).
fn parse_lang(lang: Option<String>) -> Result<Lang, JsValue> {
    match lang {
        None => Ok(Lang::Az),
        Some(code) => code.parse::<Lang>().map_err(|e| error(format!("lang: {e}"))),
    }
}

fn calendar_error(e: CalendarError) -> JsValue {
    error(e.to_string())
}

/// A finding the core refused with, as a thrown `Error` carrying it.
fn finding_error(f: &Finding, lang: Lang) -> JsValue {
    let err = error(format!("{} at {:?}: {}", f.code, f.pointer, f.message.get(lang.as_str())));
    let _ = Reflect::set(&err, &"code".into(), &f.code.as_str().into());
    let _ = Reflect::set(&err, &"pointer".into(), &f.pointer.as_str().into());
    if let Ok(js) = to_js(&LocalizedFinding { finding: f, text: f.message.get(lang.as_str()) }) {
        let _ = Reflect::set(&err, &"finding".into(), &js);
    }
    err
}

#[derive(Serialize)]
struct LocalizedFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    text: &'a str,
}

#[derive(Serialize)]
struct LocalizedReport<'a> {
    ok: bool,
    kind: DocumentKind,
    findings: Vec<LocalizedFinding<'a>>,
}

fn localized(findings: &[Finding], lang: Lang) -> Vec<LocalizedFinding<'_>> {
    findings.iter().map(|f| LocalizedFinding { finding: f, text: f.message.get(lang.as_str()) }).collect()
}

fn report_js(report: &Report, lang: Lang) -> Result<JsValue, JsValue> {
    to_js(&LocalizedReport { ok: report.ok, kind: report.kind, findings: localized(&report.findings, lang) })
}

// ---- validation -------------------------------------------------------------------------------------

/// The options object, read by the core's one contract ([`Options::from_value`]: the same as Python's and
/// the command's `--options FILE.json`); a refusal is thrown with the core's message.
fn options(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let value: Value = typed(value, "options", "validation options")?;
    Options::from_value(value).map_err(|e| error(format!("options: {e}")))
}

/// Validates one DXER record or bare reglament and returns every finding.
///
/// `input` is JSON text (the fast path), a `Uint8Array` of UTF-8 JSON, or an object (serialized with
/// `JSON.stringify`). Invalid JSON, invalid UTF-8, wrong types and deep nesting come back as findings
/// (`DXER-J…`, `DXER-S…`), never as a thrown error. `lang` (`az` by default) picks the language of each
/// finding's `text`; `message` always has all three.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = parse_lang(lang)?;
    let opts = self::options(&options)?;
    let report = match doc(&input, "input", &opts)? {
        Doc::Text(text) => dxer::validate(text.as_str(), &opts),
        Doc::Bytes(bytes) => dxer::validate(bytes.as_slice(), &opts),
        Doc::Refused(report) => report,
    };
    report_js(&report, lang)
}

/// `validate` for an object converted with serde-wasm-bindgen instead of `JSON.stringify` (measurement
/// only: built with the `swb-probe` feature).
#[cfg(feature = "swb-probe")]
#[wasm_bindgen(js_name = validateObjectSwb, unchecked_return_type = "Report")]
pub fn validate_object_swb(input: JsValue) -> Result<JsValue, JsValue> {
    let value: Value = serde_wasm_bindgen::from_value(input).map_err(|e| error(format!("input: {e}")))?;
    report_js(&dxer::validate(&value, &Options::default()), Lang::Az)
}

// ---- catalogue, code lists, schemas ------------------------------------------------------------------

#[derive(Serialize)]
struct JsRule {
    code: &'static str,
    severity: dxer::Severity,
    title: &'static str,
    provision: &'static str,
    provenance: &'static str,
    scope: &'static str,
    message: JsTemplates,
}

#[derive(Serialize)]
struct JsTemplates {
    az: &'static str,
    en: &'static str,
    ru: &'static str,
}

/// The rule catalogue: every finding code dxer can report, with its message templates.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    let rules: Vec<JsRule> = CATALOGUE
        .iter()
        .map(|r| JsRule {
            code: r.code,
            severity: r.severity,
            title: r.title,
            provision: r.provision.text,
            provenance: r.provision.provenance.as_str(),
            scope: match r.scope() {
                Scope::Record => "record",
                Scope::Workflow => "workflow",
                Scope::Registry => "registry",
            },
            message: JsTemplates { az: r.az, en: r.en, ru: r.ru },
        })
        .collect();
    to_js(&rules)
}

/// The names of the published code lists (`providers`, `service-areas`, `channels`, ...).
#[wasm_bindgen(js_name = codeListNames, unchecked_return_type = "string[]")]
pub fn code_list_names() -> Result<JsValue, JsValue> {
    to_js(&dxer::codelists::EMBEDDED.iter().map(|(name, _)| *name).collect::<Vec<_>>())
}

/// One published code list with its labels in az/en/ru (for the form's selects).
#[wasm_bindgen(js_name = codeList, unchecked_return_type = "CodeList")]
pub fn code_list(name: &str) -> Result<JsValue, JsValue> {
    let (_, json) = dxer::codelists::EMBEDDED.iter().find(|(n, _)| *n == name).ok_or_else(|| {
        let names: Vec<&str> = dxer::codelists::EMBEDDED.iter().map(|(n, _)| *n).collect();
        error(format!("codeList: no code list {name:?}; the lists are {}", names.join(", ")))
    })?;
    JSON::parse(json).map_err(|_| error(format!("codeList: the embedded list {name:?} is not JSON")))
}

/// Every published code list, by name.
#[wasm_bindgen(js_name = codeLists, unchecked_return_type = "Record<string, CodeList>")]
pub fn code_lists() -> Result<JsValue, JsValue> {
    let all = js_sys::Object::new();
    for (name, _) in dxer::codelists::EMBEDDED {
        Reflect::set(&all, &(*name).into(), &code_list(name)?)?;
    }
    Ok(all.into())
}

/// The label of `code` in a closed code list, in `lang` (Azerbaijani when the list has no such
/// translation), or `undefined` when the list has no such code.
#[wasm_bindgen(js_name = codeLabel)]
pub fn code_label(
    list: &str,
    code: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
) -> Result<Option<String>, JsValue> {
    let lang = parse_lang(lang)?;
    let lists: Arc<CodeLists> = CodeLists::built_in();
    let label = match list {
        "providers" => lists.provider(code).map(|p| &p.label),
        "service-areas" => lists.service_area(code).map(|a| &a.label),
        _ => {
            if lists.closed_list(list).is_none() {
                return Err(error(format!("codeLabel: no code list {list:?}")));
            }
            lists.label(list, code)
        }
    };
    Ok(label.map(|l| l.get(lang.as_str()).to_string()))
}

/// The published JSON Schema (draft 2020-12) of a record (default) or of a bare reglament.
#[wasm_bindgen(js_name = schema, unchecked_return_type = "object")]
pub fn schema(
    #[wasm_bindgen(unchecked_optional_param_type = "\"record\" | \"reglament\"")] kind: Option<String>,
) -> Result<JsValue, JsValue> {
    let text = match kind.as_deref() {
        None | Some("record") => dxer::schema::RECORD_SCHEMA,
        Some("reglament") => dxer::schema::REGLAMENT_SCHEMA,
        Some(other) => {
            return Err(error(format!("schema: {other:?} is not a document kind; use \"record\" or \"reglament\"")))
        }
    };
    JSON::parse(text).map_err(|_| error("schema: the embedded schema is not JSON"))
}

/// The version of dxer in this package.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// ---- calendar -----------------------------------------------------------------------------------------

fn cal() -> &'static Calendar {
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
fn policy(value: &JsValue) -> Result<Policy, JsValue> {
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
    let lang = parse_lang(lang)?;
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
    let lang = parse_lang(lang)?;
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
    let lang = parse_lang(lang)?;
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
    let lang = parse_lang(lang)?;
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

// ---- conversions ----------------------------------------------------------------------------------------
// Exports go through `dxer::parse_record`: an invalid record is refused with its report (`error.report`).
// What they publish is the core's policy (`dxer::convert::publish`): by default only a registered or amended
// `open_data` record, without its private fields; a withheld record throws with `error.withheld`.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsExport {
    #[serde(default)]
    internal: bool,
}

/// The publication an export's `options` ask for (`{internal: true}`: the full export).
fn publication(value: &JsValue) -> Result<Publication, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Publication::Public);
    }
    let js: JsExport = typed(value, "options", "export options ({internal?: boolean})")?;
    Ok(Publication::internal(js.internal))
}

fn withheld(w: Withheld) -> JsValue {
    let err = error(format!("{w}; {{internal: true}} exports it (not for publication)"));
    if let Ok(js) = to_js(&w) {
        let _ = Reflect::set(&err, &"withheld".into(), &js);
    }
    err
}

/// The record as CPSV-AP 3.2.0 JSON-LD; `dxer:record` keeps its public fields (every field with
/// `{internal: true}`, which also exports a record that is not published).
#[wasm_bindgen(js_name = toCpsvJsonLd, unchecked_return_type = "object")]
pub fn to_cpsv_jsonld(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&dxer::convert::cpsv::to_jsonld(&valid_record(&record)?, publication(&options)?).map_err(withheld)?)
}

/// Reads CPSV-AP 3.x JSON-LD (a dxer export or anyone's) back into a DXER record, with what could not be
/// mapped and the record's validation. JSON-LD text that is not JSON throws (with the `DXER-J001` report).
#[wasm_bindgen(js_name = fromCpsvJsonLd, unchecked_return_type = "Imported")]
pub fn from_cpsv_jsonld(
    #[wasm_bindgen(unchecked_param_type = "string | object")] jsonld: JsValue,
) -> Result<JsValue, JsValue> {
    let text = match doc(&jsonld, "jsonld", &Options::default())? {
        Doc::Text(text) => text,
        Doc::Bytes(bytes) => String::from_utf8(bytes).map_err(|e| error(format!("jsonld: not UTF-8: {e}")))?,
        Doc::Refused(report) => return Err(refused_input("jsonld", &report)),
    };
    let imported = dxer::convert::cpsv::from_jsonld_str(&text).map_err(|report| {
        let err = error(format!(
            "jsonld: not JSON: {}",
            report.findings.first().map(|f| f.message.en.as_str()).unwrap_or("unreadable")
        ));
        with_report(err, &report)
    })?;
    let report = LocalizedReport {
        ok: imported.report.ok,
        kind: imported.report.kind,
        findings: localized(&imported.report.findings, Lang::Az),
    };
    to_js(&serde_json::json!({
        "record": imported.record,
        "restored": imported.restored,
        "losses": imported.losses,
        "report": report,
    }))
}

/// The record as schema.org `GovernmentService` JSON-LD, in `lang` (default `az`); a record that is not
/// published throws unless `{internal: true}`.
#[wasm_bindgen(js_name = toSchemaOrg, unchecked_return_type = "object")]
pub fn to_schema_org(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = parse_lang(lang)?;
    let record = valid_record(&record)?;
    let ld =
        dxer::convert::schema_org::to_jsonld_in(&record, lang.as_str(), &CodeLists::built_in(), publication(&options)?);
    to_js(&ld.map_err(withheld)?)
}

/// The reglament as one self-contained, printable HTML page in `lang` (default `az`): without the signer
/// and the e-signature reference, of a published record only, unless `{internal: true}`.
#[wasm_bindgen(js_name = toHtml)]
pub fn to_html(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let lang = parse_lang(lang)?;
    dxer::convert::render::to_html(&valid_record(&record)?, lang.as_str(), publication(&options)?).map_err(withheld)
}

/// The reglament as Markdown in `lang` (default `az`), published as `toHtml`.
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let lang = parse_lang(lang)?;
    dxer::convert::render::to_markdown(&valid_record(&record)?, lang.as_str(), publication(&options)?).map_err(withheld)
}

/// The lower-case hex SHA-256 of the record's RFC 8785 canonical JSON without `submission.digest` (what
/// the provider signs). The record must have the model's shape; it need not pass every rule.
#[wasm_bindgen(js_name = digest)]
pub fn digest(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
) -> Result<String, JsValue> {
    Ok(dxer::convert::canonical::digest(&self::record(&record)?))
}

/// The canonical JSON text that [`digest`] hashes.
#[wasm_bindgen(js_name = canonicalJson)]
pub fn canonical_json(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
) -> Result<String, JsValue> {
    let bytes = dxer::convert::canonical::canonical_bytes(&self::record(&record)?);
    String::from_utf8(bytes).map_err(|e| error(format!("canonical JSON is not UTF-8: {e}")))
}

/// A copy of the record with `submission.digest` set; throws when the record has no `submission`.
#[wasm_bindgen(js_name = withDigest, unchecked_return_type = "Record<string, unknown>")]
pub fn with_digest(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
) -> Result<JsValue, JsValue> {
    let signed = dxer::convert::canonical::with_digest(&self::record(&record)?).map_err(|e| error(e.to_string()))?;
    to_js(&signed)
}

/// Checks `submission.digest` against the record's canonical bytes.
#[wasm_bindgen(js_name = verifyDigest, unchecked_return_type = "DigestCheck")]
pub fn verify_digest(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
) -> Result<JsValue, JsValue> {
    use dxer::convert::canonical::DigestCheck;
    let check = match dxer::convert::canonical::verify_digest(&self::record(&record)?) {
        DigestCheck::Valid => serde_json::json!({ "status": "valid" }),
        DigestCheck::Mismatch { stored, actual } => {
            serde_json::json!({ "status": "mismatch", "stored": stored, "actual": actual })
        }
        DigestCheck::Missing => serde_json::json!({ "status": "missing" }),
    };
    to_js(&check)
}
