//! Hostile JSON text (`tests/hostile/json/`, shared with the Python and WebAssembly tests): duplicate member
//! names, byte order marks, a syntax error's position, links that are not web addresses, hidden characters.
//! Each file's expected findings are in `cases.json`; the same inputs also go through the registry's
//! loader, the command's report locations and the exports here.

use std::collections::BTreeSet;
use std::path::PathBuf;

use dxer::convert::publish::Publication;
use dxer::registry::Registry;
use dxer::{validate, Options, Severity};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/hostile/json")
}

fn pairs(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
        .collect()
}

fn cases() -> Vec<Value> {
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir().join("cases.json")).unwrap()).unwrap();
    manifest["cases"].as_array().unwrap().clone()
}

/// Per line of a JSON Lines text loaded into a registry: the (code, pointer) pairs of its entry and problems.
fn findings_by_line(registry: &Registry) -> std::collections::BTreeMap<usize, BTreeSet<(String, String)>> {
    let mut out = std::collections::BTreeMap::<usize, BTreeSet<(String, String)>>::new();
    for e in registry.entries() {
        let set = out.entry(e.line.unwrap()).or_default();
        set.extend(e.report.findings.iter().map(|f| (f.code.clone(), f.pointer.clone())));
    }
    for p in registry.problems() {
        let set = out.entry(p.line.unwrap()).or_default();
        set.extend(p.findings.iter().map(|f| (f.code.clone(), f.pointer.clone())));
    }
    out
}

#[test]
fn every_hostile_file_reports_what_it_expects() {
    let cases = cases();
    assert!(cases.len() >= 14, "{}", cases.len());
    for case in cases {
        let name = case["file"].as_str().unwrap();
        let bytes = std::fs::read(dir().join(name)).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        if name.ends_with(".jsonl") {
            let mut registry = Registry::new();
            registry.load_source(name, text);
            let got = findings_by_line(&registry);
            for (line, expected) in case["lines"].as_object().unwrap() {
                let line: usize = line.parse().unwrap();
                let expected: BTreeSet<_> = pairs(expected).into_iter().collect();
                assert_eq!(got.get(&line).cloned().unwrap_or_default(), expected, "{name}: line {line}");
            }
            if let Some(n) = case["indexed"].as_u64() {
                assert_eq!(registry.len() as u64, n, "{name}: records indexed");
            }
            continue;
        }
        for opts in [Options::default(), Options { direct: false, ..Options::default() }] {
            let report = validate(bytes.as_slice(), &opts);
            let got: Vec<(String, String)> =
                report.findings.iter().map(|f| (f.code.clone(), f.pointer.clone())).collect();
            assert_eq!(got, pairs(&case["findings"]), "{name} (direct: {})", opts.direct);
            if let Some(ok) = case["ok"].as_bool() {
                assert_eq!(report.ok, ok, "{name}: ok");
            }
            let first = report.findings.first();
            if let Some(part) = case["message_en"].as_str() {
                assert!(first.unwrap().message.en.contains(part), "{name}: {}", first.unwrap().message.en);
            }
            if let Some(fix) = case["fix"].as_str() {
                assert_eq!(first.unwrap().fix.as_deref(), Some(fix), "{name}: fix");
            }
            if let Some(p) = case.get("position") {
                let at = first.unwrap().position.expect("a syntax error carries its position");
                assert_eq!(
                    (at.line as u64, at.column as u64),
                    (p["line"].as_u64().unwrap(), p["column"].as_u64().unwrap())
                );
            }
            // `parse_record` refuses exactly the reports with an error, and takes the same report otherwise.
            match dxer::parse_record(text, &opts) {
                Ok(valid) => assert_eq!(valid.report, report, "{name}"),
                Err(refused) => assert_eq!(refused, report, "{name}"),
            }
        }
    }
}

#[test]
fn a_byte_order_mark_changes_nothing_else() {
    let with = std::fs::read_to_string(dir().join("bom.json")).unwrap();
    let without = with.strip_prefix('\u{FEFF}').unwrap();
    let (a, b) = (validate(with.as_str(), &Options::default()), validate(without, &Options::default()));
    assert!(b.findings.is_empty() && a.ok);
    let info: Vec<_> = a.findings.iter().filter(|f| f.code == "DXER-J005").collect();
    assert_eq!(info.len(), 1);
    assert_eq!(info[0].severity, Severity::Info);
    // The typed record is the same; a level set to "off" silences the mark.
    let parsed = dxer::parse_record(with.as_str(), &Options::default()).unwrap();
    assert_eq!(parsed.value, dxer::parse_record(without, &Options::default()).unwrap().value);
    let mut opts = Options::default();
    opts.rule_levels.insert("DXER-J005".into(), dxer::RuleLevel::Off);
    assert!(validate(with.as_str(), &opts).findings.is_empty());
    // A JSON array of records behind the mark: every record is read, the mark reported once.
    let array = format!("\u{FEFF}[{without}, {}]", without.replace("REC-2026-000103", "REC-2026-000104"));
    let mut registry = Registry::new();
    let summary = registry.load_source("records.json", &array);
    assert_eq!((summary.items, summary.indexed), (2, 2));
    let marks: usize =
        registry.entries().map(|e| e.report.findings.iter().filter(|f| f.code == "DXER-J005").count()).sum();
    assert_eq!(marks, 1);
    // One record in a .json file behind the mark is indexed too.
    let mut registry = Registry::new();
    assert_eq!(registry.load_source("one.json", &with).indexed, 1);
}

#[test]
fn a_duplicate_is_refused_whichever_member_a_parser_keeps() {
    let text = std::fs::read_to_string(dir().join("duplicate-nested.json")).unwrap();
    let refused = dxer::parse_record(text.as_str(), &Options::default()).unwrap_err();
    let f = refused.findings.iter().find(|f| f.code == "DXER-J004").unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.en.contains("\"az\"") && f.message.az.contains("\"az\"") && f.message.ru.contains("\"az\""));
    // A parsed value has no duplicate left: the same record as a value is judged on the member kept.
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(validate(&value, &Options::default()).findings.iter().all(|f| f.code != "DXER-J004"));
}

#[test]
fn exports_do_not_publish_a_link_that_is_not_a_web_address() {
    for name in ["url-javascript.json", "url-data.json", "url-javascript-upper.json", "url-space-before-scheme.json"] {
        let text = std::fs::read_to_string(dir().join(name)).unwrap();
        // A registry keeps a record whose only errors are semantic: its exports must still drop the link.
        let mut registry = Registry::new();
        registry.load_source(name, &text);
        let record = registry.records().next().unwrap_or_else(|| panic!("{name}: the record is kept"));
        let bad = record.eservice.as_ref().unwrap().e_form_url.clone().unwrap();
        // No public export publishes such an address (the JSON Lines and CPSV-AP's embedded record go through
        // the publication view); the HTML rendering shows it as text, never as a link.
        let mut published = record.clone();
        published.status = dxer::model::RecordStatus::Registered;
        published.open_data = true;
        let public = Publication::Public;
        let outputs = [
            dxer::convert::schema_org::to_jsonld(&published, public).unwrap().to_string(),
            dxer::convert::opendata::to_csv(std::slice::from_ref(&published), public).output,
            dxer::convert::opendata::to_jsonl(std::slice::from_ref(&published), public).output,
            dxer::convert::cpsv::to_jsonld(&published, public).unwrap().to_string(),
        ];
        for out in outputs {
            let lower = out.to_lowercase();
            assert!(!lower.contains("javascript:") && !lower.contains("data:text"), "{name}: {bad:?} in {out}");
        }
        let html = dxer::convert::render::to_html(&record, "az", Publication::Internal).unwrap().to_lowercase();
        for link in ["href=\"javascript", "href=\"data:", "href=\" "] {
            assert!(!html.contains(link), "{name}: {link} in the rendering");
        }
    }
    // A web address is still published.
    let text = std::fs::read_to_string(dir().join("url-http-ok.json")).unwrap();
    let record = dxer::parse_record(text.as_str(), &Options::default()).unwrap().value;
    let jsonld = dxer::convert::schema_org::to_jsonld(&record, Publication::Internal).unwrap().to_string();
    assert!(jsonld.contains("http://new.e-taxes.gov.az"));
}
