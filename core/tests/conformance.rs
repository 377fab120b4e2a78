//! The shared conformance suite: every fixture under `tests/fixtures/{valid,invalid}/<case>/` holds an
//! input (`input.json`, or `input.bin` for raw bytes) and `expected.json` listing exactly the
//! `(code, pointer)` pairs the validator must report. The Python and WebAssembly packages run the same
//! fixtures.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dxer::rules::catalogue::{Scope, CATALOGUE};
use dxer::{validate, Options};
use serde_json::Value;

fn fixtures_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

struct Case {
    name: String,
    input: Vec<u8>,
    expected: Vec<(String, String)>,
    rule: Option<String>,
}

fn cases(group: &str) -> Vec<Case> {
    let dir = fixtures_root().join(group);
    let mut out = Vec::new();
    let mut entries: Vec<_> =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let input = ["input.json", "input.bin"]
            .iter()
            .map(|f| path.join(f))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{}: no input.json or input.bin", path.display()));
        out.push(load(&path, &input));
    }
    out
}

fn load(dir: &Path, input: &Path) -> Case {
    let expected: Value = serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap())
        .unwrap_or_else(|e| panic!("{}/expected.json: {e}", dir.display()));
    let findings = expected["findings"].as_array().unwrap_or_else(|| panic!("{}: expected.findings", dir.display()));
    Case {
        name: dir.file_name().unwrap().to_string_lossy().into_owned(),
        input: std::fs::read(input).unwrap(),
        expected: findings
            .iter()
            .map(|f| (f["code"].as_str().unwrap().to_string(), f["pointer"].as_str().unwrap().to_string()))
            .collect(),
        rule: expected["rule"].as_str().map(str::to_string),
    }
}

fn actual(case: &Case) -> Vec<(String, String)> {
    validate(case.input.as_slice(), &Options::default()).findings.into_iter().map(|f| (f.code, f.pointer)).collect()
}

fn run(group: &str) -> Vec<Case> {
    let cases = cases(group);
    assert!(!cases.is_empty(), "no fixtures in {group}");
    let mut failures = Vec::new();
    for case in &cases {
        let got = actual(case);
        if got != case.expected {
            failures.push(format!("{group}/{}:\n  expected {:?}\n  got      {:?}", case.name, case.expected, got));
        }
    }
    assert!(failures.is_empty(), "{} fixture(s) differ:\n{}", failures.len(), failures.join("\n"));
    cases
}

#[test]
fn valid_fixtures_report_exactly_what_they_expect() {
    let cases = run("valid");
    assert!(cases.len() >= 6, "at least six realistic valid reglaments");
    for case in &cases {
        let report = validate(case.input.as_slice(), &Options::default());
        assert!(report.ok, "{} must be submittable", case.name);
    }
}

#[test]
fn invalid_fixtures_report_exactly_what_they_expect() {
    run("invalid");
}

#[test]
fn every_rule_has_a_firing_fixture() {
    let fired: BTreeSet<String> =
        cases("invalid").iter().flat_map(|c| c.expected.iter().map(|(code, _)| code.clone())).collect();
    let declared: BTreeSet<String> = cases("invalid").iter().filter_map(|c| c.rule.clone()).collect();
    let missing: Vec<&str> = CATALOGUE
        .iter()
        .filter(|r| r.scope() == Scope::Record)
        .map(|r| r.code)
        .filter(|c| !fired.contains(*c) || !declared.contains(*c))
        .collect();
    assert!(missing.is_empty(), "rules without a dedicated firing fixture: {missing:?}");
}

#[test]
fn results_are_deterministic() {
    for case in cases("invalid").iter().chain(cases("valid").iter()) {
        let a = validate(case.input.as_slice(), &Options::default());
        let b = validate(case.input.as_slice(), &Options::default());
        assert_eq!(a, b, "{}", case.name);
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}

/// The corpus of real published reglaments and service cards (`tests/fixtures/real/<slug>/`): each with its
/// `SOURCE.md` (address, act, facts by section), the document encoded faithfully (not-stated where the
/// source is silent) and the findings judged against the real text. A finding the text contradicts is a
/// bug in dxer: none may be judged false.
#[test]
fn real_documents_report_exactly_what_their_sources_support() {
    let cases = run("real");
    assert!(cases.len() >= 8, "at least eight real documents, found {}", cases.len());
    for case in &cases {
        let dir = fixtures_root().join("real").join(&case.name);
        let source = std::fs::read_to_string(dir.join("SOURCE.md")).unwrap_or_default();
        assert!(source.contains("Address:") && source.contains("## Facts by section"), "{}: SOURCE.md", case.name);
        let expected: Value = serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
        for f in expected["findings"].as_array().unwrap() {
            let judgement = f["judgement"].as_str().unwrap_or_default();
            assert!(!judgement.is_empty(), "{}: {} has no judgement against the source", case.name, f["code"]);
            assert!(!judgement.starts_with("FALSE"), "{}: a false finding: {f}", case.name);
        }
    }
}

/// Messages name things in words: no raw code of a code list (e.g. `working_days`) in any message of any
/// fixture, outside the structural findings, which name the JSON members themselves.
#[test]
fn messages_carry_no_raw_codes() {
    let dir = fixtures_root().join("../../schemas/codelists");
    let mut codes = BTreeSet::new();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let v: Value = serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap();
        for item in v["items"].as_array().into_iter().flatten() {
            if let Some(c) = item["code"].as_str().filter(|c| c.contains('_')) {
                codes.insert(c.to_string());
            }
        }
    }
    for group in ["valid", "invalid", "real"] {
        for case in cases(group) {
            for f in validate(case.input.as_slice(), &Options::default()).findings {
                if f.code.starts_with("DXER-S") || f.code.starts_with("DXER-J") {
                    continue;
                }
                for text in [&f.message.az, &f.message.en, &f.message.ru] {
                    let raw = text.split(|c: char| !c.is_alphanumeric() && c != '_').find(|w| codes.contains(*w));
                    assert!(raw.is_none(), "{group}/{}: {} says {raw:?}: {text}", case.name, f.code);
                }
            }
        }
    }
}

/// Constitutional laws are numbered like laws, with `KQ` (`1668-VKQ`, 30 Sep 2019) or `KQD`: accepted as law
/// numbers; a made-up suffix is not.
#[test]
fn constitutional_law_numbers_are_accepted() {
    let path = fixtures_root().join("valid/identity-card/input.json");
    let mut record: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let codes = |record: &Value| -> Vec<(String, String)> {
        let bytes = serde_json::to_vec(record).unwrap();
        validate(bytes.as_slice(), &Options::default()).findings.into_iter().map(|f| (f.code, f.pointer)).collect()
    };
    assert_eq!(record["creating_act"]["act"]["type"], "law");
    for number in ["1668-VKQ", "21-IVKQ", "5-VIKQD"] {
        record["creating_act"]["act"]["number"] = Value::from(number);
        assert!(codes(&record).is_empty(), "{number}: {:?}", codes(&record));
    }
    record["creating_act"]["act"]["number"] = Value::from("1668-VKX");
    assert_eq!(codes(&record), [("DXER-L002".to_string(), "/creating_act/act/number".to_string())]);
}
