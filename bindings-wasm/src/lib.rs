//! WebAssembly bindings of [`dxer`]: the same findings, calendar, deadlines and conversions in the browser.
//!
//! This crate is deliberately thin: every function converts its JavaScript arguments to the core's Rust
//! values, calls exactly one function of `dxer`, and converts the result back. It contains no rule, no
//! finding code and no date arithmetic of its own.
//!
//! Conventions at the boundary:
//! - documents (records, reglaments) are accepted as JSON text (the fast path), as a `Uint8Array` of
//!   UTF-8 bytes, or as a plain object (serialized with the engine's native `JSON.stringify`; the
//!   `object-direct` feature reads it into the typed model instead, measured slower); a document
//!   longer than `maxInputBytes` is refused from its length before it is copied into wasm memory (the
//!   core's `DXER-J003`), and a string holding an unpaired UTF-16 surrogate is refused with the core's
//!   `DXER-J006` (the engine would otherwise hand it over with U+FFFD in its place);
//! - dates are `"YYYY-MM-DD"` strings; counts are whole numbers;
//! - results are plain JS objects (serialized with `serde_json`, parsed with the engine's `JSON.parse`; a
//!   report without findings is built directly);
//! - every failure is a thrown JS `Error` with a clear message; a failure that the core reports as a
//!   finding (workflow) carries it as `error.finding` (and `error.code`, `error.pointer`); a conversion
//!   refused because the record is invalid carries the validation report as `error.report`.

use std::sync::Arc;

use dxer::rules::catalogue::{Scope, CATALOGUE};
use dxer::{CodeLists, DocumentKind, Finding, Lang, Options, Report};
use js_sys::{Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

// The conversions, the calendar and workflow, and the registry statistics are in the full package only
// (the `full` feature, on by default); the validation package for forms (`--no-default-features`,
// `scripts/build-wasm` with DXER_WASM_PACKAGE=validate) has validation, the catalogue and the code lists.
#[cfg(feature = "full")]
mod convert;
mod input;
#[cfg(feature = "object-direct")]
mod object;
#[cfg(feature = "full")]
mod stats;
mod typescript;
#[cfg(feature = "full")]
mod workflow;

use input::{doc, typed, Doc};

// ---- conversions at the boundary ------------------------------------------------------------------

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// A result as a plain JS object: `serde_json` text parsed by the engine's own `JSON.parse`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| error(format!("dxer: cannot serialize the result: {e}")))?;
    JSON::parse(&text).map_err(|_| error("dxer: cannot parse the serialized result"))
}

#[cfg(feature = "full")]
fn date(value: &str, what: &str) -> Result<chrono::NaiveDate, JsValue> {
    value
        .parse::<chrono::NaiveDate>()
        .map_err(|_| error(format!("{what}: {value:?} is not a date; expected YYYY-MM-DD")))
}

/// The `lang` argument, read by the core's [`Lang`] (`az` when missing).
pub(crate) fn parse_lang(lang: Option<String>) -> Result<Lang, JsValue> {
    match lang {
        None => Ok(Lang::Az),
        Some(code) => code.parse::<Lang>().map_err(|e| error(format!("lang: {e}"))),
    }
}

/// A finding the core refused with, as a thrown `Error` carrying it.
#[cfg(feature = "full")]
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
    if report.findings.is_empty() {
        return Ok(empty_report(report.ok, report.kind));
    }
    to_js(&LocalizedReport { ok: report.ok, kind: report.kind, findings: localized(&report.findings, lang) })
}

thread_local! {
    /// The names and kinds an empty report is built of, made once: the common report (a valid record) is
    /// then a few calls into JS, with no text to write and parse.
    static EMPTY_REPORT: [JsValue; 6] = [
        "ok".into(),
        "kind".into(),
        "findings".into(),
        kind_name(DocumentKind::Auto).into(),
        kind_name(DocumentKind::Record).into(),
        kind_name(DocumentKind::Reglament).into(),
    ];
}

/// A document kind as the report writes it (`"record"`).
fn kind_name(kind: DocumentKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// `{ok, kind, findings: []}`: the object `to_js` would give for a report without findings, members in the
/// same order.
fn empty_report(ok: bool, kind: DocumentKind) -> JsValue {
    EMPTY_REPORT.with(|[ok_key, kind_key, findings_key, auto, record, reglament]| {
        let report = js_sys::Object::new();
        let kind = match kind {
            DocumentKind::Auto => auto,
            DocumentKind::Record => record,
            DocumentKind::Reglament => reglament,
        };
        let _ = Reflect::set(&report, ok_key, &JsValue::from_bool(ok));
        let _ = Reflect::set(&report, kind_key, kind);
        let _ = Reflect::set(&report, findings_key, &js_sys::Array::new());
        report.into()
    })
}

// ---- validation -------------------------------------------------------------------------------------

/// The options object, read by the core's one contract ([`Options::from_value`]: the same as Python's and
/// the command's `--options FILE.json`); a refusal is thrown with the core's message.
fn options(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let value: serde_json::Value = typed(value, "options", "validation options")?;
    Options::from_value(value).map_err(|e| error(format!("options: {e}")))
}

/// Validates one DXER record or bare reglament and returns every finding.
///
/// `input` is JSON text (the fast path), a `Uint8Array` of UTF-8 JSON, or an object (serialized with
/// `JSON.stringify`; read straight into the typed model in a build with the `object-direct` feature). Invalid JSON, invalid UTF-8, wrong types and deep nesting come back as findings
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
    #[cfg(feature = "object-direct")]
    if let Some(report) = input::direct_object(&input, &opts) {
        return report_js(&report, lang);
    }
    let report = match doc(&input, "input", &opts)? {
        Doc::Text(text) => dxer::validate(text.as_str(), &opts),
        Doc::Bytes(bytes) => dxer::validate(bytes.as_slice(), &opts),
        Doc::Refused(report) => report,
    };
    report_js(&report, lang)
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
#[cfg(feature = "full")]
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

/// Whether this build reads objects straight into the model (the `object-direct` feature; for its tests).
#[cfg(feature = "object-direct")]
#[wasm_bindgen(js_name = objectDirect)]
pub fn object_direct() -> bool {
    true
}

/// The version of dxer in this package.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
