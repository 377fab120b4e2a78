//! Hostile growth: doubling an input at most about doubles the time of validating it, locating its
//! findings (the human and SARIF reports) and importing it as CPSV-AP JSON-LD with nested contexts.
//!
//! Each workload is timed at a size `n` and at `2n`, taking the fastest of two runs of each (the
//! machine may be busy); the sizes are chosen so that one run takes tens of milliseconds in a debug
//! build, well above timing noise, and the whole file runs in a few seconds. A quadratic cost gives a
//! ratio of about 4, a linear one about 2; the bound is 2.5.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use dxer::{validate, Options};
use serde_json::{json, Value};

/// The largest ratio of the time at `2n` to the time at `n`.
const MAX_RATIO: f64 = 2.5;

/// Runs of each size, the fastest kept.
const RUNS: usize = 2;

/// One test of this file at a time (they would run in parallel and slow each other down).
static ALONE: Mutex<()> = Mutex::new(());

fn alone() -> MutexGuard<'static, ()> {
    ALONE.lock().unwrap_or_else(|e| e.into_inner())
}

fn fastest(runs: usize, f: &mut dyn FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap()
}

/// Times `work` on the input built for `n` and for `2n`; fails when the time more than
/// [`MAX_RATIO`]-folds. A ratio over the bound is measured once more before failing (a busy machine
/// can slow one size down).
fn assert_linear<T>(what: &str, n: usize, build: impl Fn(usize) -> T, work: impl Fn(&T)) {
    let (small, big) = (build(n), build(2 * n));
    let mut ratio = 0.0;
    for attempt in 0..2 {
        let t1 = fastest(RUNS, &mut || work(&small));
        let t2 = fastest(RUNS, &mut || work(&big));
        ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        eprintln!("{what}: n = {n}: {t1:?}, 2n: {t2:?}, ratio {ratio:.2} (attempt {})", attempt + 1);
        if ratio <= MAX_RATIO {
            return;
        }
    }
    panic!("{what}: doubling the input multiplied the time by {ratio:.2} (at most {MAX_RATIO} expected)");
}

fn fixture() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/valid/identity-card/input.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The identity-card record with `n` documents that have nothing but a name: four findings each, and
/// the semantic rules run on a repaired copy, whose findings at the thousands of repaired places are
/// dropped (what a CPSV-AP import's draft looks like).
fn record_to_repair(n: usize) -> String {
    let mut record = fixture();
    let documents: Vec<Value> = (0..n).map(|i| json!({"name": {"az": format!("Sənəd nömrəsi {i}")}})).collect();
    record["reglament"]["standard"]["documents"] = json!(documents);
    serde_json::to_string_pretty(&record).unwrap()
}

#[test]
fn validating_a_big_record_grows_linearly() {
    let _alone = alone();
    let report = validate(record_to_repair(10).as_str(), &Options::default());
    assert_eq!(report.findings.len(), 40, "{:?}", report.codes());
    assert_linear("validate", 3_000, record_to_repair, |t| {
        validate(t.as_str(), &Options::default());
    });
}

/// The identity-card record with `n` documents whose form is not in the list (a finding each), and
/// the pointers of those findings.
fn record_with_findings(n: usize, pretty: bool) -> (String, Vec<String>) {
    let mut record = fixture();
    let standard = &mut record["reglament"]["standard"];
    let first = standard["documents"][1].clone();
    let documents: Vec<Value> = (0..n)
        .map(|i| {
            let mut d = first.clone();
            d["id"] = json!(format!("doc-{i}"));
            d["name"]["az"] = json!(format!("Sənəd nömrəsi {i} (şəxsiyyət vəsiqəsi)"));
            d["form"] = json!("bogus");
            d
        })
        .collect();
    standard["documents"] = json!(documents);
    let text = if pretty { serde_json::to_string_pretty(&record) } else { serde_json::to_string(&record) };
    let pointers = (0..n).map(|i| format!("/reglament/standard/documents/{i}/form")).collect();
    (text.unwrap(), pointers)
}

#[test]
fn locating_many_findings_grows_linearly() {
    let _alone = alone();
    // Pretty-printed (many lines) and minified (one line of megabytes: columns must not be counted
    // from the start of the line for every finding).
    for (what, pretty) in [("locate (pretty)", true), ("locate (one line)", false)] {
        let (text, pointers) = record_with_findings(300, pretty);
        // The pointers are those of the findings `dxer validate` reports.
        let report = validate(text.as_str(), &Options::default());
        let reported: Vec<&str> = report.findings.iter().map(|f| f.pointer.as_str()).collect();
        assert!(pointers.iter().all(|p| reported.contains(&p.as_str())), "{reported:?}");
        let found = dxer::locate::positions(&text, reported.iter().copied());
        assert_eq!(found.len(), reported.len());
        for (pointer, at) in reported.iter().zip(&found) {
            let at = at.unwrap_or_else(|| panic!("{pointer} is located"));
            assert_eq!(Some(at), dxer::locate::position(&text, pointer), "{pointer}: one or many, the same");
        }
        assert_linear(
            what,
            6_000,
            |n| record_with_findings(n, pretty),
            |(text, pointers)| {
                let found = dxer::locate::positions(text, pointers.iter().map(String::as_str));
                assert!(found.iter().all(Option::is_some));
            },
        );
    }
}

/// A CPSV-AP document whose contexts nest: a top-level context array of `n / 4` items, and `n` nodes
/// each with a scoped context of its own and an embedded node with another one.
fn nested_contexts(n: usize) -> String {
    let mut top = vec![json!("https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld")];
    top.push(json!({"dct": "http://purl.org/dc/terms/", "cv": "http://data.europa.eu/m8g/"}));
    for i in 0..n / 4 {
        top.push(json!({ format!("t{i}"): format!("http://example.org/t{i}") }));
    }
    let mut graph = vec![json!({
        "@id": "http://example.org/service", "@type": "PublicService",
        "PublicService.identifier": "DX-000101",
        "PublicService.name": {"@value": "Xidmət", "@language": "az"},
        "PublicService.hasInput": (0..n).map(|i| json!({"@id": format!("http://example.org/e{i}")})).collect::<Vec<_>>(),
    })];
    for i in 0..n {
        graph.push(json!({
            "@context": [{ format!("p{i}"): {"@id": format!("http://example.org/p{i}"), "@container": "@language"} },
                         {"name": "dct:title"}],
            "@id": format!("http://example.org/e{i}"), "@type": "Evidence",
            "name": {"@value": format!("Sənəd {i}"), "@language": "az"},
            format!("t{}", i % (n / 4).max(1)): "x",
            format!("p{i}"): {"az": "y"},
            "cv:isConformantTo": {
                "@context": {"q": "http://example.org/q"},
                "@id": format!("http://example.org/d{i}"), "q": {"@value": "z"},
            },
        }));
    }
    serde_json::to_string(&json!({"@context": top, "@graph": graph})).unwrap()
}

#[test]
fn importing_nested_contexts_grows_linearly() {
    let _alone = alone();
    let imported = dxer::convert::cpsv::from_jsonld_str(&nested_contexts(40)).unwrap();
    assert_eq!(imported.record["reglament"]["standard"]["documents"].as_array().map(Vec::len), Some(40));
    assert!(imported.losses.iter().any(|l| l.property == "t3"), "terms of the top context array are read");
    assert_linear("CPSV-AP import", 1_500, nested_contexts, |text| {
        dxer::convert::cpsv::from_jsonld_str(text).unwrap();
    });
}
