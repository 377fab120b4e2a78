//! Documents at the boundary: JSON text, a `Uint8Array` of UTF-8 or an object (through `JSON.stringify`),
//! read under the limits of the options. A document too large is refused from its JS length before it is
//! copied into wasm memory, and a string with an unpaired UTF-16 surrogate before the engine's conversion
//! would put U+FFFD in its place: both with the core's own report (`dxer::oversized`,
//! `dxer::unpaired_surrogate`), thrown as an `Error` where a function needs the document itself.

#[cfg(feature = "full")]
use dxer::Finding;
use dxer::{Options, Report};
use js_sys::{JsString, Reflect, Uint8Array, JSON};
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{error, report_js, to_js, LocalizedFinding};
#[cfg(feature = "full")]
use dxer::model::Record;
use dxer::Lang;

/// A document argument: JSON text, UTF-8 bytes, or a value `JSON.stringify` accepts; or the core's report
/// refusing it before it is copied (`DXER-J003` too large, `DXER-J006` an unpaired surrogate).
pub(crate) enum Doc {
    Text(String),
    Bytes(Vec<u8>),
    Refused(Report),
}

/// Reads a document argument under the limits of `opts`. The size is checked on the JS value's length
/// before anything is copied into wasm memory (whose 4 GiB a large array would overflow: a trap).
pub(crate) fn doc(value: &JsValue, what: &str, opts: &Options) -> Result<Doc, JsValue> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        return Ok(js_text(text, opts));
    }
    if value.is_instance_of::<Uint8Array>() {
        // As a JS number: `Uint8Array::length` is a u32, which a longer array would wrap around.
        let length = Reflect::get(value, &"length".into()).ok().and_then(|l| l.as_f64()).unwrap_or(0.0);
        if let Some(report) = dxer::oversized(dxer::InputSize::Bytes(length as u64), opts) {
            return Ok(Doc::Refused(report));
        }
        return Ok(Doc::Bytes(Uint8Array::new(value).to_vec()));
    }
    if value.is_undefined() {
        return Err(error(format!("{what}: missing; pass JSON text, a Uint8Array of UTF-8 JSON, or an object")));
    }
    stringify(value, what).map(|text| js_text(&text, opts))
}

/// A JS string as text: refused when its UTF-16 length already exceeds the limit (its UTF-8 is at least as
/// long), or when it holds an unpaired surrogate, which the conversion to UTF-8 would replace with U+FFFD.
fn js_text(text: &JsString, opts: &Options) -> Doc {
    if let Some(report) = dxer::oversized(dxer::InputSize::AtLeast(u64::from(text.length())), opts) {
        return Doc::Refused(report);
    }
    let converted = String::from(text);
    // Only a text with U+FFFD can have lost a surrogate: the code units are read one by one only then.
    let suspect = has_replacement(&converted) && !text.is_valid_utf16();
    if suspect {
        let units: Vec<u16> = text.iter().collect();
        if let Some(report) = dxer::unpaired_surrogate(&units, opts) {
            return Doc::Refused(report);
        }
    }
    Doc::Text(converted)
}

/// Whether `text` holds U+FFFD (its UTF-8 is EF BF BD): eight bytes at a time, looking closer only at
/// the words that hold an EF (which Azerbaijani, English and Russian text hardly ever has).
fn has_replacement(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const REPLACEMENT: [u8; 3] = [0xEF, 0xBF, 0xBD];
    let bytes = text.as_bytes();
    let at = |i: usize| bytes[i..].starts_with(&REPLACEMENT);
    let mut i = 0;
    for c in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) ^ (ONES * 0xEF);
        // Non-zero when a byte of the word is EF (and sometimes when one is not: the bytes are looked at).
        if x.wrapping_sub(ONES) & !x & HIGH != 0 && (i..i + 8).any(at) {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(at)
}

/// The report of a plain object read straight into the typed model ([`crate::object::Json`] and the
/// core's `dxer::validate_deserializer`): no `JSON.stringify`, no text copied into wasm memory, no
/// `serde_json::Value`. `None` when the input is not a plain object or when the core's direct path cannot
/// answer; the caller then validates `JSON.stringify(input)`, which gives the same report.
#[cfg(feature = "object-direct")]
pub(crate) fn direct_object(value: &JsValue, opts: &Options) -> Option<Report> {
    if !crate::object::plain_object(value) {
        return None;
    }
    dxer::validate_deserializer(|| crate::object::Json(value.clone()), opts)
}

pub(crate) fn stringify(value: &JsValue, what: &str) -> Result<JsString, JsValue> {
    match JSON::stringify(value) {
        Ok(text) => text.dyn_into::<JsString>().map_err(|_| {
            error(format!("{what}: a {} cannot be written as JSON; pass JSON text or an object", js_type(value)))
        }),
        Err(e) => {
            let reason = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
            Err(error(format!("{what}: cannot be written as JSON ({reason}); pass JSON text or a plain object")))
        }
    }
}

pub(crate) fn js_type(value: &JsValue) -> String {
    value.js_typeof().as_string().unwrap_or_else(|| "value".into())
}

/// A typed value from a JSON-text-or-object argument.
///
/// Text is parsed to a `serde_json::Value` first and typed from it: the core types its documents the
/// same way, so the (large) deserializers of the model are compiled once, not once per input form.
pub(crate) fn typed<T: for<'de> Deserialize<'de>>(value: &JsValue, what: &str, shape: &str) -> Result<T, JsValue> {
    let text = match doc(value, what, &Options::default())? {
        Doc::Text(text) => text,
        Doc::Bytes(bytes) => String::from_utf8(bytes).map_err(|e| error(format!("{what}: not UTF-8: {e}")))?,
        Doc::Refused(report) => return Err(refused_input(what, &report)),
    };
    let value: Value = serde_json::from_str(&text).map_err(|e| error(format!("{what}: not JSON: {e}")))?;
    T::deserialize(&value).map_err(|e| error(format!("{what}: not {shape}: {e}")))
}

#[cfg(feature = "full")]
pub(crate) fn record(value: &JsValue) -> Result<Record, JsValue> {
    typed(value, "record", "a DXER record")
}

#[cfg(feature = "full")]
/// A record that passes validation (the door every conversion goes through, [`dxer::parse_record`]).
pub(crate) fn valid_record(value: &JsValue) -> Result<Record, JsValue> {
    let opts = Options::default();
    let parsed = match doc(value, "record", &opts)? {
        Doc::Text(text) => dxer::parse_record(text.as_str(), &opts),
        Doc::Bytes(bytes) => dxer::parse_record(bytes.as_slice(), &opts),
        Doc::Refused(report) => Err(report),
    };
    parsed.map(|valid| valid.value).map_err(|report| refused(&report))
}

#[cfg(feature = "full")]
fn refused(report: &Report) -> JsValue {
    let errors: Vec<&Finding> = report.by_severity(dxer::Severity::Error).collect();
    let first =
        errors.first().map(|f| format!(": {} at {:?}: {}", f.code, f.pointer, f.message.en)).unwrap_or_default();
    with_report(error(format!("record is not valid ({} error(s)); fix it first{first}", errors.len())), report)
}

/// A document refused before it was read (too large, or not Unicode), as a thrown `Error` with the core's
/// finding (`error.code`, `error.pointer`, `error.finding`) and report (`error.report`).
pub(crate) fn refused_input(what: &str, report: &Report) -> JsValue {
    let first = report.findings.first().map(|f| format!(" ({}: {})", f.code, f.message.en)).unwrap_or_default();
    with_report(error(format!("{what}: cannot be read{first}")), report)
}

/// `err` carrying `report` (`error.report`) and its first finding (`error.code`, `error.pointer`,
/// `error.finding`).
pub(crate) fn with_report(err: JsValue, report: &Report) -> JsValue {
    if let Ok(js) = report_js(report, Lang::En) {
        let _ = Reflect::set(&err, &"report".into(), &js);
    }
    if let Some(f) = report.by_severity(dxer::Severity::Error).next().or(report.findings.first()) {
        let _ = Reflect::set(&err, &"code".into(), &f.code.as_str().into());
        let _ = Reflect::set(&err, &"pointer".into(), &f.pointer.as_str().into());
        if let Ok(js) = to_js(&LocalizedFinding { finding: f, text: f.message.get(Lang::En.as_str()) }) {
            let _ = Reflect::set(&err, &"finding".into(), &js);
        }
    }
    err
}
