//! Conversions (CPSV-AP, schema.org, HTML, Markdown) and the digest (the `full` package only: the
//! validation package for forms leaves them out, benches/README.md).

use dxer::convert::publish::{Publication, Withheld};
use dxer::{CodeLists, Options};
use js_sys::Reflect;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::input::{doc, record, refused_input, typed, valid_record, with_report, Doc};
use crate::{error, localized, to_js, LocalizedReport};
use dxer::Lang;

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
    let lang = crate::parse_lang(lang)?;
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
    let lang = crate::parse_lang(lang)?;
    dxer::convert::render::to_html(&valid_record(&record)?, lang.as_str(), publication(&options)?).map_err(withheld)
}

/// The reglament as Markdown in `lang` (default `az`), published as `toHtml`.
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let lang = crate::parse_lang(lang)?;
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
