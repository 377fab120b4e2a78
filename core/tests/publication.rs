//! The publication policy (`dxer::convert::publish`): what every export leaves out in public mode, and keeps
//! in internal mode. The records and the private values are the shared hostile inputs under
//! `tests/hostile/publication/` (see its README).

use std::collections::BTreeSet;
use std::path::PathBuf;

use dxer::convert::publish::{record_fields, select, Publication, Withheld, WithholdReason};
use dxer::convert::{cpsv, opendata, render, schema_org};
use dxer::model::{Record, RecordStatus};
use dxer::registry::Registry;
use dxer::{parse_record, CodeLists, Options};
use serde_json::Value;

const PUBLIC: Publication = Publication::Public;
const INTERNAL: Publication = Publication::Internal;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/hostile/publication")
}

fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn record(name: &str) -> Record {
    parse_record(text(name).as_str(), &Options::default())
        .unwrap_or_else(|r| panic!("{name} is a valid record: {:?}", r.findings))
        .value
}

fn lines(name: &str) -> Vec<Record> {
    text(name).lines().map(|l| parse_record(l, &Options::default()).unwrap().value).collect()
}

struct Private {
    values: Vec<String>,
    members: Vec<String>,
}

fn private() -> Private {
    let v: Value = serde_json::from_str(&text("private-strings.json")).unwrap();
    let list =
        |k: &str| -> Vec<String> { v[k].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect() };
    let p = Private { values: list("values"), members: list("json_members") };
    // The values really are in the record (else the test below proves nothing).
    let full = serde_json::to_string(&record("registered.json")).unwrap();
    for value in &p.values {
        assert!(full.contains(value.as_str()), "{value} is not in registered.json");
    }
    p
}

/// Every member name of a JSON value, at any depth.
fn members(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                out.insert(k.clone());
                members(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| members(i, out)),
        _ => {}
    }
}

/// Every public export of `r`, named.
fn public_exports(r: &Record) -> Vec<(String, String)> {
    let one = std::slice::from_ref(r);
    let lists = CodeLists::built_in();
    let mut out = vec![
        ("csv".to_string(), opendata::to_csv(one, PUBLIC).output),
        ("jsonl".to_string(), opendata::to_jsonl(one, PUBLIC).output),
        ("cpsv".to_string(), cpsv::to_jsonld(r, PUBLIC).unwrap().to_string()),
    ];
    for lang in ["az", "en", "ru"] {
        out.push((
            format!("schema.org {lang}"),
            schema_org::to_jsonld_in(r, lang, &lists, PUBLIC).unwrap().to_string(),
        ));
        out.push((format!("html {lang}"), render::to_html(r, lang, PUBLIC).unwrap()));
        out.push((format!("md {lang}"), render::to_markdown(r, lang, PUBLIC).unwrap()));
    }
    out
}

#[test]
fn a_published_record_carries_no_private_value_in_any_export() {
    let p = private();
    let r = record("registered.json");
    for (name, output) in public_exports(&r) {
        assert!(output.contains("DX-"), "{name}: the service is exported");
        for value in &p.values {
            assert!(!output.contains(value.as_str()), "{name} publishes the private {value:?}");
        }
        // (The e-signature's label is also an identification method's, so only the signer's is searched.)
        for label in ["İmzalayan", "Signer", "Подписант"] {
            assert!(!output.contains(label), "{name} shows the field {label:?}");
        }
        if let Ok(json) = serde_json::from_str::<Value>(output.lines().next().unwrap_or_default()) {
            let mut names = BTreeSet::new();
            members(&json, &mut names);
            for m in &p.members {
                assert!(!names.contains(m), "{name} has a {m:?} member");
            }
        }
    }
    // What is public stays: the submission date, and the record in the CPSV-AP document.
    let line: Value = serde_json::from_str(&opendata::to_jsonl(std::slice::from_ref(&r), PUBLIC).output).unwrap();
    assert_eq!(line["submission"], serde_json::json!({"date": "2026-06-08"}));
    assert_eq!(line["reglament"], serde_json::to_value(&r.reglament).unwrap());
    assert_eq!(line, PUBLIC.view(&r));
    let doc = cpsv::to_jsonld(&r, PUBLIC).unwrap();
    assert_eq!(doc["@graph"][0]["dxer:record"]["@value"], line);
}

#[test]
fn the_internal_export_keeps_every_field() {
    let p = private();
    let r = record("registered.json");
    let one = std::slice::from_ref(&r);
    let jsonl = opendata::to_jsonl(one, INTERNAL).output;
    let back: Record = serde_json::from_str(jsonl.trim_end()).unwrap();
    assert_eq!(back, r);
    let cpsv = cpsv::to_jsonld(&r, INTERNAL).unwrap();
    assert_eq!(cpsv["@graph"][0]["dxer:record"]["@value"], serde_json::to_value(&r).unwrap());
    for value in &p.values {
        assert!(jsonl.contains(value.as_str()), "internal JSON Lines lost {value:?}");
        assert!(cpsv.to_string().contains(value.as_str()), "internal CPSV-AP lost {value:?}");
    }
    let html = render::to_html(&r, "en", INTERNAL).unwrap();
    let md = render::to_markdown(&r, "az", INTERNAL).unwrap();
    for value in ["Məmmədov Elçin Rauf oğlu, FİN 7QX4K2M", "SIGREF-9F3A-PRIVATE-0001"] {
        assert!(html.contains(value) && md.contains(value), "internal page lost {value:?}");
    }
}

#[test]
fn unpublished_records_are_withheld_from_every_export() {
    let cases = [
        ("draft.json", WithholdReason::Status(RecordStatus::Draft)),
        ("under-review.json", WithholdReason::Status(RecordStatus::UnderReview)),
        ("suspended.json", WithholdReason::Status(RecordStatus::Suspended)),
        ("not-open-data.json", WithholdReason::NotOpenData),
    ];
    let lists = CodeLists::built_in();
    for (name, reason) in cases {
        let r = record(name);
        let one = std::slice::from_ref(&r);
        let expected = vec![Withheld { index: 0, record_id: r.record_id.to_string(), version: 1, reason }];
        let csv = opendata::to_csv(one, PUBLIC);
        assert_eq!(csv.output.lines().count(), 1, "{name}: the CSV is its header alone");
        assert_eq!(csv.withheld, expected, "{name}");
        let jsonl = opendata::to_jsonl(one, PUBLIC);
        assert_eq!((jsonl.output.as_str(), &jsonl.withheld), ("", &expected), "{name}");
        let refused = |w: Withheld| assert_eq!(w.reason, reason, "{name}");
        refused(cpsv::to_jsonld(&r, PUBLIC).unwrap_err());
        refused(schema_org::to_jsonld_in(&r, "en", &lists, PUBLIC).unwrap_err());
        refused(render::to_html(&r, "az", PUBLIC).unwrap_err());
        refused(render::to_markdown(&r, "ru", PUBLIC).unwrap_err());
        // The internal export takes them all.
        assert_eq!(opendata::to_csv(one, INTERNAL).output.lines().count(), 2, "{name}");
        assert!(opendata::to_jsonl(one, INTERNAL).withheld.is_empty());
        assert!(cpsv::to_jsonld(&r, INTERNAL).is_ok() && render::to_html(&r, "az", INTERNAL).is_ok());
    }
}

#[test]
fn an_export_of_all_of_them_keeps_only_the_published_one_and_names_the_others() {
    let names = ["draft.json", "registered.json", "under-review.json", "suspended.json", "not-open-data.json"];
    let records: Vec<Record> = names.iter().map(|n| record(n)).collect();
    let csv = opendata::to_csv(&records, PUBLIC);
    assert_eq!(csv.output.lines().count(), 2);
    assert!(csv.output.lines().nth(1).unwrap().contains("REC-2026-000902"));
    let withheld: Vec<usize> = csv.withheld.iter().map(|w| w.index).collect();
    assert_eq!(withheld, [0, 2, 3, 4]);
    assert_eq!(opendata::to_csv(&records, INTERNAL).output.lines().count(), 6);
}

#[test]
fn the_same_record_twice_is_exported_once_and_a_conflict_not_at_all() {
    for publication in [PUBLIC, INTERNAL] {
        let twice = lines("duplicates.jsonl");
        assert_ne!(twice[0], twice[1], "the copies differ in their $schema member");
        let out = opendata::to_jsonl(&twice, publication);
        assert_eq!(out.output.lines().count(), 1, "{publication:?}");
        assert_eq!(out.withheld.len(), 1);
        assert_eq!((out.withheld[0].index, out.withheld[0].reason), (1, WithholdReason::Duplicate));

        let conflict = lines("conflict.jsonl");
        let out = opendata::to_csv(&conflict, publication);
        assert_eq!(out.output.lines().count(), 1, "{publication:?}: header only");
        assert!(out.withheld.iter().all(|w| w.reason == WithholdReason::Conflict) && out.withheld.len() == 2);
    }
    // Versions of one record are different records.
    let mut v2 = record("registered.json");
    v2.version = 2;
    let both = [record("registered.json"), v2];
    assert_eq!(select(&both, PUBLIC).records.len(), 2);
}

#[test]
fn the_dictionary_decides_every_member_of_the_record_and_of_the_submission() {
    let schema: Value = serde_json::from_str(dxer::schema::RECORD_SCHEMA).unwrap();
    let listed: BTreeSet<&str> = record_fields().iter().map(|f| f.pointer.as_str()).collect();
    let mut checked = 0;
    for (at, props) in [("", &schema["properties"]), ("/submission", &schema["$defs"]["Submission"]["properties"])] {
        for name in props.as_object().unwrap().keys() {
            let pointer = format!("{at}/{name}");
            assert!(listed.contains(pointer.as_str()), "{pointer}: say in columns.json whether it is public");
            checked += 1;
        }
    }
    assert!(checked > 15);
    for private in ["/submission/signer", "/submission/signature_ref", "/review", "/history"] {
        assert!(!PUBLIC.shows(private) && INTERNAL.shows(private), "{private}");
    }
    for public in ["/reglament/general/name", "/submission/date", "/submission/digest", "/record_id"] {
        assert!(PUBLIC.shows(public), "{public}");
    }
}

#[test]
fn the_statistics_page_counts_published_services_and_shows_no_private_value() {
    let p = private();
    let names = ["draft.json", "registered.json", "under-review.json", "suspended.json", "not-open-data.json"];
    let jsonl: String = names
        .iter()
        .map(|n| serde_json::to_string(&serde_json::from_str::<Value>(&text(n)).unwrap()).unwrap() + "\n")
        .collect();
    let registry = Registry::from_json_lines(&jsonl);
    assert_eq!(registry.len(), 5);
    let stats = registry.stats();
    // All five are marked open_data; only registered.json is published as open data.
    assert_eq!(stats.totals.open_data, 1);
    assert_eq!(stats.totals.services, 5);
    for (name, output) in [("html", stats.to_html()), ("csv", stats.to_csv())] {
        for value in &p.values {
            assert!(!output.contains(value.as_str()), "stats {name} shows {value:?}");
        }
    }
}
