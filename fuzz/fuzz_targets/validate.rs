//! Parse + validate arbitrary bytes (`dxer::validate(&[u8])`), and everything downstream of a valid record.
//!
//! Invariants, beyond "never panics":
//! - the report is well formed: findings sorted, every code in the catalogue, every pointer `""` or
//!   starting with `/` and locatable in the text without panicking, `ok` = no error finding;
//! - the same report from `&[u8]`, `&str` and the parsed `serde_json::Value` (when the text parses), and
//!   with the direct path switched off (`Options::direct`);
//! - a valid record goes through `parse_record` with the same report, survives a serde round trip, and
//!   every conversion runs; its CPSV-AP export is restored exactly by the import.
#![no_main]

use dxer::convert::publish::Publication;
use dxer::convert::{canonical, cpsv, opendata, render, schema_org};
use dxer::{Options, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = Options::default();
    let report = dxer::validate(data, &opts);

    assert_eq!(report.ok, !report.findings.iter().any(|f| f.severity == Severity::Error));
    assert!(!report.findings.is_empty() || report.ok);
    for pair in report.findings.windows(2) {
        assert!((pair[0].pointer.as_str(), pair[0].code.as_str()) <= (pair[1].pointer.as_str(), pair[1].code.as_str()));
    }
    for f in &report.findings {
        assert!(dxer::rules::rule(&f.code).is_some(), "{} is not in the catalogue", f.code);
        assert!(f.pointer.is_empty() || f.pointer.starts_with('/'), "{:?}", f.pointer);
        assert!(!f.message.az.is_empty() && !f.message.en.is_empty() && !f.message.ru.is_empty());
    }

    let Ok(text) = std::str::from_utf8(data) else {
        assert_eq!(report.codes(), ["DXER-J002"]);
        return;
    };
    assert_eq!(dxer::validate(text, &opts), report, "&str and &[u8] disagree");
    // The direct path (text straight into the types) gives the three layers' report or steps aside.
    let full = dxer::validate(text, &Options { direct: false, ..opts.clone() });
    assert_eq!(full, report, "the direct path and the three layers disagree");
    let located = dxer::locate::positions(text, report.findings.iter().map(|f| f.pointer.as_str()));
    assert_eq!(located.len(), report.findings.len());
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        assert!(report.findings.iter().any(|f| f.code.starts_with("DXER-J")));
        return;
    };
    let text_only = |f: &dxer::Finding| (f.code == "DXER-J003" && f.pointer.is_empty()) || f.code == "DXER-J004";
    if !report.findings.iter().any(text_only) {
        // The size and parser-depth limits and duplicate names exist only in text; everything else must agree.
        assert_eq!(dxer::validate(&value, &opts), report, "&str and &Value disagree");
    }
    if !report.ok || report.kind != dxer::DocumentKind::Record {
        return;
    }

    let valid = match dxer::parse_record(text, &opts) {
        Ok(valid) => valid,
        Err(refused) => panic!("validate said ok, parse_record refused: {:?}", refused.findings),
    };
    assert_eq!(valid.report, report);
    let record = valid.value;
    let as_value = serde_json::to_value(&record).expect("a record serializes");
    let back: dxer::model::Record = serde_json::from_value(as_value.clone()).expect("a record deserializes");
    assert_eq!(back, record, "serde round trip");

    // The internal export converts every record whole; the public one must never hold more than the view.
    let doc = cpsv::to_jsonld(&record, Publication::Internal).expect("internal exports take any record");
    let imported = cpsv::from_jsonld(&doc);
    assert!(imported.restored, "the export carries dxer:record");
    assert_eq!(imported.record, as_value, "CPSV-AP round trip through dxer:record");
    assert!(imported.losses.is_empty(), "{:?}", imported.losses);

    let bytes = canonical::canonical_bytes(&record);
    assert!(std::str::from_utf8(&bytes).is_ok());
    if let Ok(signed) = canonical::with_digest(&record) {
        assert_eq!(canonical::verify_digest(&signed), canonical::DigestCheck::Valid);
    }
    for publication in [Publication::Internal, Publication::Public] {
        let _ = schema_org::to_jsonld(&record, publication);
        let _ = opendata::to_csv(std::slice::from_ref(&record), publication);
        let jsonl = opendata::to_jsonl(std::slice::from_ref(&record), publication);
        if publication == Publication::Public {
            assert!(!jsonl.output.contains("\"signer\""), "a public export holds no signer");
            if let Ok(doc) = cpsv::to_jsonld(&record, publication) {
                assert_eq!(doc["@graph"][0]["dxer:record"]["@value"], publication.view(&record));
            }
        }
        for lang in ["az", "en", "ru"] {
            let _ = render::to_html(&record, lang, publication);
            let _ = render::to_markdown(&record, lang, publication);
        }
    }
});
