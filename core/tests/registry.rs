//! The registry as a whole: loading JSON and JSON Lines, cross-record findings (`DXER-X…`), information-system
//! cards and statistics.
//!
//! The shared cases under `tests/fixtures/registry/<case>/` hold `records.jsonl`, optionally
//! `information-systems.json`, and `expected.json` listing exactly the cross-record findings
//! (`code`, `record_id`, `pointer`, in the order [`Registry::check`] returns them) and the load problems
//! (`line`, `indexed`, distinct `codes`). The Python and WebAssembly bindings run the same cases.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use dxer::calendar::Calendar;
use dxer::registry::workflow::Policy;
use dxer::registry::{Registry, Stats, StatsRow};
use dxer::rules::catalogue::{Scope, CATALOGUE};
use dxer::{CodeLists, Options, RuleLevel, Severity};
use serde_json::{json, Value};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn base() -> Value {
    let text = std::fs::read_to_string(fixtures().join("valid/identity-card/input.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The identity-card record under another id, version, service code, provider and status.
fn rec(id: &str, version: u32, code: &str, provider: &str, status: &str) -> Value {
    let mut r = base();
    r["record_id"] = json!(id);
    r["version"] = json!(version);
    r["status"] = json!(status);
    r["reglament"]["general"]["service_code"] = json!(code);
    r["reglament"]["general"]["provider"] = json!(provider);
    r
}

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

fn iamas_card() -> Value {
    json!([{
        "code": "IS-IAMAS",
        "name": {"az": "İdentifikasiya, Autentifikasiya və Miqrasiya Avtomatlaşdırılmış Sistemi"},
        "owner": "DIN", "operator": "DIN",
        "legal_act": {"type": "law", "number": "614-IQ", "date": "1999-02-14",
                      "title": {"az": "Azərbaycan Respublikası vətəndaşının şəxsiyyət vəsiqəsi haqqında Azərbaycan Respublikasının Qanunu"}},
        "purpose": {"az": "Şəxsiyyət vəsiqələrinin verilməsinin uçotu"},
        "personal_data": true,
        "personal_data_register": {},
        "hosting": "g_cloud"
    }])
}

fn with_cards(mut registry: Registry) -> Registry {
    assert!(registry.add_information_systems_json(&iamas_card().to_string()).is_empty());
    registry
}

/// (code, record id, pointer) of each cross-record finding, in order.
fn found(registry: &Registry) -> Vec<(String, String, String)> {
    registry.check().into_iter().map(|f| (f.finding.code, f.record_id, f.finding.pointer)).collect()
}

fn triple(code: &str, id: &str, pointer: &str) -> (String, String, String) {
    (code.to_string(), id.to_string(), pointer.to_string())
}

// ---- shared fixtures ------------------------------------------------------------------------------

struct Case {
    name: String,
    records: String,
    cards: Option<String>,
    expected: Value,
}

fn cases() -> Vec<Case> {
    let dir = fixtures().join("registry");
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().filter(|e| e.path().is_dir()).collect();
    entries.sort_by_key(|e| e.file_name());
    entries
        .into_iter()
        .map(|e| {
            let path = e.path();
            Case {
                name: e.file_name().to_string_lossy().into_owned(),
                records: std::fs::read_to_string(path.join("records.jsonl")).unwrap(),
                cards: std::fs::read_to_string(path.join("information-systems.json")).ok(),
                expected: serde_json::from_str(&std::fs::read_to_string(path.join("expected.json")).unwrap()).unwrap(),
            }
        })
        .collect()
}

fn load_case(case: &Case) -> Registry {
    let mut registry = Registry::from_json_lines(&case.records);
    if let Some(cards) = &case.cards {
        let problems = registry.add_information_systems_json(cards);
        let got: Vec<(String, String)> = problems.iter().map(|p| (p.finding.code.clone(), p.pointer.clone())).collect();
        assert_eq!(got, expected_card_problems(case), "{}: card problems {problems:?}", case.name);
    }
    registry
}

/// `expected.card_problems`: the (code, pointer) of each problem with the information-system cards.
fn expected_card_problems(case: &Case) -> Vec<(String, String)> {
    case.expected["card_problems"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|p| (p["code"].as_str().unwrap().to_string(), p["pointer"].as_str().unwrap().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn expected_findings(case: &Case) -> Vec<(String, String, String)> {
    case.expected["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| triple(f["code"].as_str().unwrap(), f["record_id"].as_str().unwrap(), f["pointer"].as_str().unwrap()))
        .collect()
}

fn problems_of(registry: &Registry) -> Vec<(usize, bool, Vec<String>)> {
    registry
        .problems()
        .iter()
        .map(|p| {
            let codes: BTreeSet<String> = p.findings.iter().map(|f| f.code.clone()).collect();
            (p.line.unwrap_or(0), p.indexed, codes.into_iter().collect())
        })
        .collect()
}

fn expected_problems(case: &Case) -> Vec<(usize, bool, Vec<String>)> {
    case.expected["problems"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|p| {
                    let codes = p["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string());
                    (p["line"].as_u64().unwrap() as usize, p["indexed"].as_bool().unwrap(), codes.collect())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn registry_fixtures_report_exactly_what_they_expect() {
    let cases = cases();
    assert!(cases.len() >= 8, "a case per X code, a clean one, broken lines, the valid set");
    let mut failures = Vec::new();
    for case in &cases {
        let registry = load_case(case);
        let (got, want) = (found(&registry), expected_findings(case));
        if got != want {
            failures.push(format!("{}: findings\n  expected {want:?}\n  got      {got:?}", case.name));
        }
        let (got, want) = (problems_of(&registry), expected_problems(case));
        if got != want {
            failures.push(format!("{}: problems\n  expected {want:?}\n  got      {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_registry_rule_has_a_firing_fixture() {
    let cases = cases();
    let declared: BTreeSet<String> =
        cases.iter().filter_map(|c| c.expected["rule"].as_str().map(str::to_string)).collect();
    let fired: BTreeSet<String> = cases
        .iter()
        .flat_map(|c| {
            let cards = expected_card_problems(c).into_iter().map(|p| p.0);
            expected_findings(c).into_iter().map(|f| f.0).chain(cards).collect::<Vec<_>>()
        })
        .collect();
    // The duties of information systems need a day to be judged on: their codes fire in the shared fixtures
    // `tests/fixtures/systems/` (core/tests/system_duties.rs runs them).
    let systems = fixtures().join("systems");
    let mut by_systems = BTreeSet::new();
    for dir in std::fs::read_dir(&systems).unwrap().flatten() {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("case.json")).unwrap()).unwrap();
        let codes = case["findings"].as_array().unwrap().iter().map(|f| f[0].as_str().unwrap().to_string());
        by_systems.extend(codes.filter(|c| case["rule"].as_str() == Some(c)));
    }
    for rule in CATALOGUE.iter().filter(|r| r.scope() == Scope::Registry) {
        let in_registry = declared.contains(rule.code) && fired.contains(rule.code);
        assert!(in_registry || by_systems.contains(rule.code), "{} has no firing fixture", rule.code);
    }
}

#[test]
fn fixtures_give_the_same_findings_as_a_json_array() {
    for case in cases().iter().filter(|c| c.name != "broken-lines") {
        let records: Vec<Value> = case.records.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        // One element per line after the opening bracket: element k starts on line k + 2.
        let array = format!("[\n{}\n]", records.iter().map(Value::to_string).collect::<Vec<_>>().join(",\n"));
        let mut registry = Registry::from_json(&array);
        if let Some(cards) = &case.cards {
            registry.add_information_systems_json(cards);
        }
        assert_eq!(found(&registry), expected_findings(case), "{}", case.name);
        let shifted: Vec<_> = expected_problems(case).into_iter().map(|(l, i, c)| (l + 1, i, c)).collect();
        assert_eq!(problems_of(&registry), shifted, "{}", case.name);
    }
}

// ---- loading ----------------------------------------------------------------------------------------

#[test]
fn json_lines_keep_line_numbers_of_broken_lines() {
    let good = rec("REC-1", 1, "DX-000001", "DIN", "submitted").to_string();
    let text = format!("{good}\n\n  \r\n{{\"record_id\": \"REC-2\", \"version\": 1,\n{good}\r\n");
    let registry = Registry::from_json_lines(&text);
    assert_eq!(registry.len(), 2, "both copies of the good record are indexed");
    assert_eq!(registry.entry(1).unwrap().line, Some(5));
    assert_eq!(registry.problems().len(), 1);
    let p = &registry.problems()[0];
    assert_eq!((p.line, p.index, p.indexed), (Some(4), 1, false));
    assert_eq!(p.findings.len(), 1);
    assert_eq!(p.findings[0].code, "DXER-J001");
    // The finding locates the break within the line; the problem says which line.
    assert_eq!(p.findings[0].message.en, "Invalid JSON: EOF while parsing a value (line 1, column 36).");
}

#[test]
fn structurally_invalid_records_are_reported_with_their_findings_but_not_indexed() {
    let mut wrong = rec("REC-2", 1, "DX-000002", "DIN", "submitted");
    wrong["reglament"]["general"]["form"] = json!("by_pigeon");
    wrong["unknown"] = json!(1);
    let mut cyrillic = rec("REC-3", 1, "DX-000003", "DIN", "submitted");
    cyrillic["reglament"]["general"]["name"]["az"] = json!("Vəsiqәnin verilməsi");
    let text = jsonl(&[rec("REC-1", 1, "DX-000001", "DIN", "submitted"), wrong, cyrillic, json!("a string")]);
    let registry = Registry::from_json_lines(&text);
    assert_eq!(registry.records().map(|r| r.record_id.to_string()).collect::<Vec<_>>(), ["REC-1", "REC-3"]);
    let p = registry.problems();
    assert_eq!(p.len(), 3);
    assert_eq!(
        (p[0].line, p[0].record_id.as_deref(), p[0].version, p[0].indexed),
        (Some(2), Some("REC-2"), Some(1), false)
    );
    let at: Vec<(&str, &str)> = p[0].findings.iter().map(|f| (f.code.as_str(), f.pointer.as_str())).collect();
    assert_eq!(at, [("DXER-S004", "/reglament/general/form"), ("DXER-S002", "/unknown")]);
    assert_eq!((p[1].line, p[1].indexed), (Some(3), true));
    assert_eq!(p[1].findings[0].code, "DXER-H001");
    assert_eq!(p[1].findings[0].fix.as_deref(), Some("Vəsiqənin verilməsi"));
    assert_eq!((p[2].line, p[2].indexed, p[2].findings[0].code.as_str()), (Some(4), false, "DXER-S003"));
    // The indexed record keeps its own report.
    assert!(!registry.entry(1).unwrap().report.ok);
}

#[test]
fn json_loads_one_record_or_an_array_with_element_lines() {
    let one = Registry::from_json(&serde_json::to_string_pretty(&base()).unwrap());
    assert_eq!((one.len(), one.problems().len()), (1, 0));
    assert_eq!(one.entry(0).unwrap().line, Some(1));

    let a = rec("REC-1", 1, "DX-000001", "DIN", "submitted");
    let b = rec("REC-2", 1, "DX-000002", "EN", "submitted");
    let text = format!("[\n{},\n  {{\"record_id\": 7}},\n{}\n]\n", serde_json::to_string_pretty(&a).unwrap(), b);
    let lines_of_a = serde_json::to_string_pretty(&a).unwrap().lines().count();
    let registry = Registry::from_json(&text);
    assert_eq!(registry.len(), 2);
    assert_eq!(registry.entry(0).unwrap().line, Some(2));
    assert_eq!(registry.entry(1).unwrap().line, Some(2 + lines_of_a + 1));
    assert_eq!(registry.entry(1).unwrap().index, 2);
    let p = &registry.problems()[0];
    assert_eq!((p.line, p.index, p.indexed), (Some(2 + lines_of_a), 1, false));
    assert!(p.findings.iter().any(|f| f.code == "DXER-S003" && f.pointer == "/record_id"));

    let empty = Registry::from_json("[]");
    assert!(empty.is_empty() && empty.problems().is_empty());
}

#[test]
fn a_text_that_is_not_json_is_one_located_problem() {
    let registry = Registry::from_json("[\n  {\"record_id\": \"REC-1\"},\n  {\"version\": 1,,}\n]");
    assert!(registry.is_empty());
    assert_eq!(registry.problems().len(), 1);
    let f = &registry.problems()[0].findings[0];
    assert_eq!(f.code, "DXER-J001");
    assert!(f.message.en.contains("line 3, column 17"), "{}", f.message.en);
}

#[test]
fn hostile_input_never_panics() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!("[{}1{}]", "{\"a\":".repeat(200), "}".repeat(200));
    for text in ["", " ", "[", "]", "[1,", "{", "nul", "\"x\"", "[null, true, 3.5, \"s\", []]", "\u{feff}[]", "[{}]"] {
        let _ = Registry::from_json(text);
        let _ = Registry::from_json_lines(text);
        let mut r = Registry::new();
        r.add_information_systems_json(text);
    }
    for text in [deep.as_str(), deep_object.as_str()] {
        let r = Registry::from_json(text);
        assert!(r.is_empty() && !r.problems().is_empty());
        let r = Registry::from_json_lines(text);
        assert!(r.is_empty() && !r.problems().is_empty());
    }
    let tiny = Options { max_input_bytes: 100, ..Options::default() };
    let mut r = Registry::with_options(tiny);
    r.load_json_lines(&jsonl(&[base()]));
    assert_eq!(r.problems()[0].findings[0].code, "DXER-J003");
    r.load_json(&jsonl(&[base()]));
    assert_eq!(r.problems()[1].findings[0].code, "DXER-J003");
}

#[test]
fn typed_records_are_validated_and_indexed() {
    let typed = |v: Value| -> dxer::model::Record { serde_json::from_value(v).unwrap() };
    let mut registry = Registry::from_records(vec![
        typed(rec("REC-1", 1, "DX-000001", "DIN", "registered")),
        typed(rec("REC-1", 2, "DX-000001", "DIN", "submitted")),
        typed(rec("REC-2", 1, "DX-000002", "EN", "submitted")),
    ]);
    assert_eq!(registry.len(), 3);
    assert!(registry.problems().is_empty());
    let mut empty_directions = typed(rec("REC-3", 1, "DX-000003", "EN", "submitted"));
    empty_directions.directions.clear();
    let report = registry.add(empty_directions);
    assert_eq!(report.codes(), ["DXER-S006"]);
    assert_eq!(registry.len(), 3, "a record without the record's structure is not indexed");
    let p = registry.problems().last().unwrap();
    assert_eq!((p.line, p.record_id.as_deref(), p.indexed), (None, Some("REC-3"), false));
    let report = registry.add(typed(rec("REC-4", 1, "DX-000004", "EN", "submitted")));
    assert!(report.ok);
    assert_eq!(registry.len(), 4);
}

#[test]
fn indexes_by_service_code_provider_and_latest_version() {
    let registry = Registry::from_json_lines(&jsonl(&[
        rec("REC-1", 2, "DX-000001", "DIN", "submitted"),
        rec("REC-1", 1, "DX-000001", "DIN", "registered"),
        rec("REC-2", 1, "DX-000002", "EN", "registered"),
        rec("REC-3", 1, "DX-000003", "DIN", "draft"),
    ]));
    let versions: Vec<u32> = registry.by_service_code("DX-000001").map(|r| r.version).collect();
    assert_eq!(versions, [2, 1]);
    let din: Vec<String> = registry.by_provider("DIN").map(|r| r.reglament.general.service_code.to_string()).collect();
    assert_eq!(din, ["DX-000001", "DX-000001", "DX-000003"]);
    assert_eq!(registry.by_provider("XIN").count(), 0);
    assert_eq!(registry.by_service_code("DX-999999").count(), 0);
    assert_eq!(registry.latest("REC-1").unwrap().version, 2);
    assert!(registry.latest("REC-9").is_none());
    let latest: Vec<(String, u32)> = registry.latest_versions().map(|r| (r.record_id.to_string(), r.version)).collect();
    assert_eq!(latest, [("REC-1".to_string(), 2), ("REC-2".to_string(), 1), ("REC-3".to_string(), 1)]);
    assert_eq!(registry.service_codes().collect::<Vec<_>>(), ["DX-000001", "DX-000002", "DX-000003"]);
    assert_eq!(registry.provider_codes().collect::<Vec<_>>(), ["DIN", "EN"]);
}

#[test]
fn loading_is_deterministic_whatever_the_threads() {
    let records: Vec<Value> = (0..240)
        .map(|i| {
            let mut r = rec(
                &format!("REC-{i:04}"),
                1,
                &format!("DX-{:06}", i % 200),
                ["DIN", "EN", "RITN"][i % 3],
                "submitted",
            );
            if i % 7 == 0 {
                r["version"] = json!("x"); // structurally invalid
            }
            if i % 11 == 0 {
                r["reglament"]["general"]["components"] = json!([format!("DX-{:06}", 900_000 + i)]);
            }
            r
        })
        .collect();
    let mut text = jsonl(&records);
    let middle = text[..text.len() / 2].rfind('\n').unwrap() + 1;
    text.insert_str(middle, "not json\n");
    let a = Registry::from_json_lines(&text);
    let b = Registry::from_json_lines(&text);
    // One line at a time (too few items for threads: the sequential path), after as many blank lines as
    // precede it, so that line numbers are the same.
    let mut c = Registry::new();
    for (i, line) in text.lines().enumerate() {
        c.load_json_lines(&format!("{}{line}", "\n".repeat(i)));
    }
    let dump = |r: &Registry| {
        let entries: Vec<_> = r.entries().map(|e| (e.record.clone(), e.line, e.report.clone())).collect();
        let problems: Vec<_> =
            r.problems().iter().map(|p| (p.line, p.record_id.clone(), p.indexed, p.findings.clone())).collect();
        serde_json::to_string(&(entries, problems, r.check(), r.stats())).unwrap()
    };
    assert_eq!(dump(&a), dump(&b));
    assert_eq!(dump(&a), dump(&c));
    assert_eq!(a.len(), 240 - 35, "every seventh record is structurally invalid");
    let lines: Vec<_> = a.problems().iter().map(|p| p.line.unwrap()).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "problems in line order");
    assert!(a.problems().iter().any(|p| p.findings[0].code == "DXER-J001"));
}

// ---- cross-record findings ------------------------------------------------------------------------

#[test]
fn x001_duplicate_codes_fire_across_record_ids_only() {
    let same_record = with_cards(Registry::from_json_lines(&jsonl(&[
        rec("REC-1", 1, "DX-000001", "DIN", "registered"),
        rec("REC-1", 2, "DX-000001", "DIN", "submitted"),
    ])));
    assert!(found(&same_record).is_empty());
    let three = with_cards(Registry::from_json_lines(&jsonl(&[
        rec("REC-1", 1, "DX-000001", "DIN", "submitted"),
        rec("REC-2", 1, "DX-000001", "EN", "submitted"),
        rec("REC-3", 1, "DX-000001", "EN", "archived"),
    ])));
    let findings = three.check();
    assert_eq!(findings.len(), 3, "archived records keep their code: it is not reused");
    assert_eq!(findings[0].finding.message.en, "Service code DX-000001 is also used by record REC-2, REC-3.");
    assert_eq!(findings[0].finding.severity, Severity::Error);
    assert_eq!(findings[0].line, Some(1));
}

#[test]
fn x002_x003_components_point_to_services_in_force() {
    let mut composite = rec("REC-1", 1, "DX-000001", "DIN", "submitted");
    composite["reglament"]["general"]["components"] = json!(["DX-000002", "DX-000003", "DX-000004"]);
    let registry = with_cards(Registry::from_json_lines(&jsonl(&[
        composite.clone(),
        rec("REC-2", 1, "DX-000002", "DIN", "registered"),
        rec("REC-2", 2, "DX-000002", "DIN", "terminated"),
        rec("REC-3", 1, "DX-000003", "DIN", "suspended"),
    ])));
    assert_eq!(
        found(&registry),
        [
            triple("DXER-X003", "REC-1", "/reglament/general/components/0"),
            triple("DXER-X002", "REC-1", "/reglament/general/components/2"),
        ]
    );
    let f = registry.check();
    assert_eq!(f[0].finding.message.en, "Component service DX-000002 is no longer provided (status: terminated).");
    assert_eq!(f[1].finding.message.az, "DX-000004 tərkib xidməti reyestrdə yoxdur.");

    // A new version of the component restores it; a withdrawn composite is not checked.
    let mut withdrawn = composite;
    withdrawn["version"] = json!(2);
    withdrawn["status"] = json!("archived");
    let registry = with_cards(Registry::from_json_lines(&jsonl(&[
        withdrawn,
        rec("REC-2", 1, "DX-000002", "DIN", "terminated"),
        rec("REC-2", 2, "DX-000002", "DIN", "registered"),
    ])));
    assert!(found(&registry).is_empty());
}

#[test]
fn x004_counts_services_in_force_of_dissolved_providers() {
    let registry = with_cards(Registry::from_json_lines(&jsonl(&[
        rec("REC-3", 1, "DX-000003", "RITN", "registered"),
        rec("REC-1", 1, "DX-000001", "RITN", "registered"),
        rec("REC-2", 1, "DX-000002", "RITN", "terminated"),
        rec("REC-4", 1, "DX-000004", "NRYTN", "submitted"),
        rec("REC-5", 1, "DX-000005", "RINN", "submitted"),
    ])));
    let f = registry.check();
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].record_id.as_str(), f[0].finding.pointer.as_str()), ("REC-1", "/reglament/general/provider"));
    assert_eq!(
        f[0].finding.message.en,
        "Dissolved provider \"RITN\" still has 2 service(s): reassign them to \"RINN\"."
    );
    assert_eq!(f[0].finding.severity, Severity::Warning);
    assert_eq!(
        f[1].finding.message.en,
        "Dissolved provider \"NRYTN\" still has 1 service(s): reassign them to \"RINN\"."
    );
    // Each record also reports its provider by itself (DXER-P002), indexed all the same.
    assert_eq!(registry.len(), 5);
    assert!(registry.problems().iter().all(|p| p.indexed && p.findings.iter().any(|f| f.code == "DXER-P002")));

    // With a newer provider list where RITN is active again, nothing fires.
    let list = r#"{"codelist":"providers","version":"2027-01-01","source":"test","items":[
        {"code":"RITN","label":{"az":"Rabitə"},"status":"active"},
        {"code":"NRYTN","label":{"az":"Nəqliyyat"},"status":"active"},
        {"code":"RINN","label":{"az":"Rəqəmsal"},"status":"active"}]}"#;
    let lists = CodeLists::built_in().with_providers_json(list).unwrap();
    let mut r = with_cards(Registry::with_options(Options { codelists: Arc::new(lists), ..Options::default() }));
    r.load_json_lines(&jsonl(&[rec("REC-1", 1, "DX-000001", "RITN", "registered")]));
    assert!(found(&r).iter().all(|f| f.0 != "DXER-X004"));
}

#[test]
fn x005_needs_a_card_for_every_system_in_use() {
    let records = jsonl(&[rec("REC-1", 1, "DX-000001", "DIN", "submitted")]);
    let without = Registry::from_json_lines(&records);
    assert_eq!(found(&without), [triple("DXER-X005", "REC-1", "/eservice/information_systems/0")]);
    assert_eq!(
        without.check()[0].finding.message.en,
        "Information system IS-IAMAS is not entered in the unified register of state information systems."
    );
    assert!(found(&with_cards(Registry::from_json_lines(&records))).is_empty());
    let mut no_eservice = rec("REC-2", 1, "DX-000002", "DIN", "submitted");
    no_eservice.as_object_mut().unwrap().remove("eservice");
    let r = Registry::from_json_lines(&jsonl(&[no_eservice]));
    assert_eq!(r.len(), 1);
    assert!(found(&r).is_empty());
}

#[test]
fn x006_fires_at_every_copy_after_the_first() {
    let r1 = rec("REC-1", 1, "DX-000001", "DIN", "submitted");
    let registry = with_cards(Registry::from_json_lines(&jsonl(&[r1.clone(), r1.clone(), r1])));
    let f = registry.check();
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|f| f.finding.code == "DXER-X006" && f.version == 1 && f.finding.pointer == "/version"));
    assert_eq!(f.iter().map(|f| f.line).collect::<Vec<_>>(), [Some(2), Some(3)]);
    assert_eq!(f[0].finding.message.en, "Version 1 of record REC-1 is loaded twice.");
}

#[test]
fn rule_levels_apply_to_cross_record_findings() {
    let levels = [("DXER-X005".to_string(), RuleLevel::Off), ("DXER-X001".to_string(), RuleLevel::Info)];
    let opts = Options { rule_levels: levels.into_iter().collect(), ..Options::default() };
    let mut registry = Registry::with_options(opts);
    registry.load_json_lines(&jsonl(&[
        rec("REC-1", 1, "DX-000001", "DIN", "submitted"),
        rec("REC-2", 1, "DX-000001", "DIN", "submitted"),
    ]));
    let f = registry.check();
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|f| f.finding.code == "DXER-X001" && f.finding.severity == Severity::Info));
}

#[test]
fn cross_record_findings_serialise_with_their_locator() {
    let registry = Registry::from_json_lines(&jsonl(&[rec("REC-1", 3, "DX-000001", "DIN", "submitted")]));
    let v = serde_json::to_value(&registry.check()[0]).unwrap();
    assert_eq!(v["record_id"], "REC-1");
    assert_eq!(v["version"], 3);
    assert_eq!(v["line"], 1);
    assert_eq!(v["code"], "DXER-X005");
    assert_eq!(v["pointer"], "/eservice/information_systems/0");
    assert_eq!(v["severity"], "error");
}

// ---- information-system cards ---------------------------------------------------------------------

#[test]
fn cards_are_checked_against_the_type_with_their_index() {
    let mut cards = iamas_card();
    let good = cards[0].clone();
    let mut unknown = good.clone();
    unknown["code"] = json!("IS-OTHER");
    unknown["colour"] = json!("blue");
    let mut cyrillic = good.clone();
    cyrillic["code"] = json!("IS-THIRD");
    cyrillic["name"]["az"] = json!("Sistem әlaqə");
    let mut bad_hosting = good.clone();
    bad_hosting["code"] = json!("IS-FOURTH");
    bad_hosting["hosting"] = json!("cloud9");
    let mut unregistered = good.clone();
    unregistered["code"] = json!("IS-FIFTH");
    unregistered.as_object_mut().unwrap().remove("personal_data_register");
    let list = cards.as_array_mut().unwrap();
    list.extend([unknown, good.clone(), cyrillic, bad_hosting, unregistered]);
    let mut registry = Registry::new();
    let problems = registry.add_information_systems_json(&cards.to_string());
    let got: Vec<(Option<usize>, &str, &str, bool)> =
        problems.iter().map(|p| (p.index, p.finding.code.as_str(), p.pointer.as_str(), p.rejected)).collect();
    assert_eq!(
        got,
        [
            (Some(1), "DXER-X007", "/1", true),
            (Some(2), "DXER-X007", "/2/code", true),
            (Some(3), "DXER-H001", "/3/name/az", false),
            (Some(4), "DXER-X007", "/4", true),
            (Some(5), "DXER-X012", "/5/personal_data", false)
        ]
    );
    assert!(problems[0].finding.message.az.contains("colour"), "{}", problems[0].finding.message.az);
    assert!(problems[0].error.contains("colour"), "{}", problems[0].error);
    assert_eq!(problems[1].error, "information system IS-IAMAS has a card already");
    assert!(problems[3].error.contains("cloud9"), "{}", problems[3].error);
    assert_eq!(problems[0].code.as_deref(), Some("IS-OTHER"));
    assert_eq!(problems[2].finding.fix.as_deref(), Some("Sistem əlaqə"));
    let held: Vec<&str> = registry.information_systems().iter().map(|c| c.code.as_str()).collect();
    assert_eq!(held, ["IS-IAMAS", "IS-THIRD", "IS-FIFTH"], "text hygiene and X012 report but do not keep a card out");
    assert_eq!(registry.information_system("IS-IAMAS").unwrap().owner.as_str(), "DIN");
    assert_eq!(registry.information_system_problems().len(), 5);

    // A second load repeating a code, a text that is not JSON, a text that is not an array.
    let again = registry.add_information_systems_json(&iamas_card().to_string());
    assert_eq!((again[0].index, again[0].pointer.as_str(), again[0].rejected), (Some(0), "/0/code", true));
    let broken = registry.add_information_systems_json("[\n{\"code\": }");
    let f = &broken[0].finding;
    assert_eq!((broken[0].index, f.code.as_str()), (None, "DXER-J001"));
    assert!(f.message.en.contains("line 2"), "{}", f.message.en);
    let object = registry.add_information_systems_json("{}");
    assert_eq!((object[0].index, object[0].finding.code.as_str()), (None, "DXER-X007"));
    assert_eq!(object[0].error, "expected a JSON array of registration cards");
    assert_eq!(registry.information_systems().len(), 3);
}

#[test]
fn a_card_with_a_lenient_date_is_refused_at_the_card() {
    let mut cards = iamas_card();
    cards[0]["registered_on"] = json!("2026-5-6");
    let mut registry = Registry::new();
    let problems = registry.add_information_systems_json(&cards.to_string());
    let got: Vec<(Option<usize>, &str, &str, bool)> =
        problems.iter().map(|p| (p.index, p.finding.code.as_str(), p.pointer.as_str(), p.rejected)).collect();
    assert_eq!(got, [(Some(0), "DXER-X007", "/0", true)]);
    assert!(problems[0].error.contains("2026-5-6"), "{}", problems[0].error);
    assert!(registry.information_systems().is_empty());
}

#[test]
fn fixture_cards_match_the_published_schema() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/information-system.schema.json"),
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&schema).unwrap();
    let mut checked = 0;
    for case in cases() {
        if let Some(cards) = &case.cards {
            // Cards the case expects to be refused must fail the schema too; the others must pass it.
            let refused: Vec<String> = expected_card_problems(&case).into_iter().map(|p| p.1).collect();
            for (i, card) in serde_json::from_str::<Vec<Value>>(cards).unwrap().into_iter().enumerate() {
                let expect_valid = !refused.contains(&format!("/{i}"));
                assert_eq!(validator.is_valid(&card), expect_valid, "{}: {card}", case.name);
                checked += 1;
            }
        }
    }
    assert!(checked > 3);
    let mut bad = iamas_card()[0].clone();
    bad["hosting"] = json!("cloud9");
    assert!(!validator.is_valid(&bad));
    bad["hosting"] = json!("g_cloud");
    bad["registered_on"] = Value::Null;
    assert!(!validator.is_valid(&bad), "optional fields are absent, never null");
}

// ---- statistics -----------------------------------------------------------------------------------

/// A hand-made registry: providers DIN, EN, İN (Ministry of Economy) and KTN (Agriculture).
fn stats_registry() -> Registry {
    let mut r1 = rec("R1", 2, "DX-000001", "DIN", "registered");
    r1["reglament"]["general"]["form"] = json!("electronic");
    let mut r3 = rec("R3", 1, "DX-000003", "EN", "registered");
    r3["reglament"]["general"]["form"] = json!("in_person");
    r3["reglament"]["general"]["proactive"] = json!(true);
    r3["reglament"]["standard"]["fees"] = json!({"free": true});
    r3["open_data"] = json!(false);
    r3["reglament"]["general"]["channels"] = json!(["provider_office", "provider_website"]);
    r3.as_object_mut().unwrap().remove("eservice");
    let mut r4 = rec("R4", 1, "DX-000004", "IN", "submitted");
    r4["reglament"]["general"]["components"] = json!(["DX-000001"]);
    r4["eservice"]["ehis_integration"] = json!(false);
    r4["eservice"]["e_payment"] = json!(false);
    r4["eservice"]["identification"] = json!(["none"]);
    let text = std::fs::read_to_string(fixtures().join("valid/driving-licence-variants/input.json")).unwrap();
    let mut r5: Value = serde_json::from_str(&text).unwrap();
    r5["record_id"] = json!("R5");
    r5["reglament"]["general"]["service_code"] = json!("DX-000005");
    r5["reglament"]["general"]["provider"] = json!("KTN");
    Registry::from_json_lines(&jsonl(&[
        rec("R1", 1, "DX-000001", "DIN", "registered"), // superseded by version 2
        r1,
        rec("R2", 1, "DX-000002", "DIN", "terminated"),
        r3,
        r4,
        r5,
        rec("R6", 1, "DX-000006", "KTN", "archived"),
        rec("R7", 1, "DX-000007", "IN", "draft"),
    ]))
}

fn row(provider: &str, counts: [u64; 16], terminated_or_archived: u64) -> StatsRow {
    let [services, approved, electronic, in_person, mixed, ehis_integrated, on_portal, on_own_site, without_authentication, e_payment, free, paid, proactive, composite, with_variants, open_data] =
        counts;
    StatsRow {
        provider: provider.to_string(),
        services,
        approved,
        electronic,
        in_person,
        mixed,
        ehis_integrated,
        on_portal,
        on_own_site,
        without_authentication,
        e_payment,
        free,
        paid,
        proactive,
        composite,
        with_variants,
        open_data,
        terminated_or_archived,
        ..StatsRow::default()
    }
}

fn without_names(mut r: StatsRow) -> StatsRow {
    r.provider_name_az.clear();
    r.provider_name_en.clear();
    r
}

#[test]
fn stats_count_latest_versions_per_provider() {
    let registry = stats_registry();
    assert_eq!(registry.len(), 8);
    let stats = registry.stats();
    //            services appr el ip mx ehis portal site no-auth pay free paid pro comp var open
    let expected = [
        row("DIN", [1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1], 1),
        row("EN", [1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0], 0),
        // "open": published as open data, i.e. `open_data` and registered or amended: IN's submitted R4 and
        // draft R7 and KTN's submitted R5 are marked `open_data` but not published (yet).
        row("IN", [2, 0, 0, 0, 2, 1, 2, 0, 1, 1, 0, 2, 0, 1, 0, 0], 0),
        row("KTN", [1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0], 1),
    ];
    let rows: Vec<StatsRow> = stats.rows.iter().cloned().map(without_names).collect();
    assert_eq!(rows, expected);
    let totals = without_names(stats.totals.clone());
    assert_eq!(totals, row("", [5, 2, 1, 1, 3, 3, 4, 1, 1, 3, 1, 4, 1, 1, 1, 1], 2));
    assert_eq!((stats.totals.provider_name_az.as_str(), stats.totals.provider_name_en.as_str()), ("Cəmi", "Total"));
    assert_eq!(stats.rows[1].provider_name_az, "Azərbaycan Respublikasının Ədliyyə Nazirliyi");
    assert_eq!(stats.rows[1].provider_name_en, "Ministry of Justice of the Republic of Azerbaijan");
    assert!(stats.rows.iter().all(|r| r.overdue_duties.is_none()));
    assert_eq!(stats.as_of, None);
    assert!(!stats.providers_version.is_empty());
}

#[test]
fn stats_rows_follow_the_azerbaijani_alphabet() {
    // "…İqtisadiyyat…" (IN) sorts before "…Kənd…" (KTN): i comes before k in the Azerbaijani alphabet,
    // while U+0130 İ sorts after K by code point; "…Daxili…" before "…Ədliyyə…" (d e ə).
    let stats = stats_registry().stats();
    let order: Vec<&str> = stats.rows.iter().map(|r| r.provider.as_str()).collect();
    assert_eq!(order, ["DIN", "EN", "IN", "KTN"]);
    let mut by_code_point: Vec<&str> = stats.rows.iter().map(|r| r.provider_name_az.as_str()).collect();
    by_code_point.sort();
    assert_ne!(
        by_code_point,
        stats.rows.iter().map(|r| r.provider_name_az.as_str()).collect::<Vec<_>>(),
        "the example must distinguish the two orders"
    );
}

#[test]
fn stats_serialise_to_json() {
    let stats = stats_registry().stats();
    let v = serde_json::to_value(&stats).unwrap();
    assert_eq!(v["totals"]["services"], 5);
    assert_eq!(v["rows"][0]["provider"], "DIN");
    assert_eq!(v["rows"][0]["terminated_or_archived"], 1);
    assert!(v["rows"][0]["overdue_duties"].is_null());
    assert!(v.get("as_of").is_none());
    let back: Stats = serde_json::from_value(v).unwrap();
    assert_eq!(back, stats);
}

#[test]
fn stats_csv_quotes_and_neutralises_cells() {
    let list = r#"{"codelist":"providers","version":"2027-01-01","source":"test","items":[
        {"code":"FX","label":{"az":"=HYPERLINK(\"http://x\")","en":"Formula, Inc."},"status":"active"},
        {"code":"AZERSU","label":{"az":"\"Azərsu\" ASC","en":"Azersu\nOJSC"},"status":"active"},
        {"code":"PLUS","label":{"az":"+994 qurumu","en":"@team"},"status":"active"}]}"#;
    let lists = CodeLists::built_in().with_providers_json(list).unwrap();
    let mut registry = Registry::with_options(Options { codelists: Arc::new(lists), ..Options::default() });
    registry.load_json_lines(&jsonl(&[
        rec("R1", 1, "DX-000001", "FX", "submitted"),
        rec("R2", 1, "DX-000002", "AZERSU", "submitted"),
        rec("R3", 1, "DX-000003", "PLUS", "terminated"),
    ]));
    let csv = registry.stats().to_csv();
    let expected = "provider,provider_name_az,provider_name_en,services,approved,electronic,in_person,mixed,\
                    ehis_integrated,on_portal,on_own_site,without_authentication,e_payment,free,paid,proactive,\
                    composite,with_variants,open_data,overdue_duties,terminated_or_archived\r\n\
                    AZERSU,\"\"\"Azərsu\"\" ASC\",\"Azersu\nOJSC\",1,0,0,0,1,1,1,0,0,1,0,1,0,0,0,0,,0\r\n\
                    PLUS,'+994 qurumu,'@team,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,1\r\n\
                    FX,\"'=HYPERLINK(\"\"http://x\"\")\",\"Formula, Inc.\",1,0,0,0,1,1,1,0,0,1,0,1,0,0,0,0,,0\r\n\
                    ,Cəmi,Total,2,0,0,0,2,2,2,0,0,2,0,2,0,0,0,0,,1\r\n";
    assert_eq!(csv, expected);
    // Every record has as many cells as the header (a minimal RFC 4180 reader).
    let records = parse_csv(&csv);
    assert_eq!(records.len(), 5);
    assert!(records.iter().all(|r| r.len() == Stats::COLUMNS.len()));
    assert_eq!(records[1][2], "Azersu\nOJSC");
    assert_eq!(records[3][1], "'=HYPERLINK(\"http://x\")");
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn stats_on_a_date_count_overdue_duties() {
    let day = |d: &str| d.parse::<NaiveDate>().unwrap();
    let mut draft = rec("R1", 1, "DX-000001", "DIN", "draft"); // act in force 2026-05-06: submit by 2026-06-24
    draft.as_object_mut().unwrap().remove("submission");
    let submitted = rec("R2", 1, "DX-000002", "DIN", "submitted"); // submitted 2026-06-10: review by 2026-06-22
    let registered = rec("R3", 1, "DX-000003", "EN", "registered");
    let mut terminated = draft.clone();
    terminated["record_id"] = json!("R4");
    terminated["reglament"]["general"]["service_code"] = json!("DX-000004");
    terminated["status"] = json!("terminated");
    let registry = Registry::from_json_lines(&jsonl(&[draft.clone(), submitted, registered, terminated]));
    let (policy, calendar) = (Policy::default(), Calendar::azerbaijan());
    let overdue = |on: &str| {
        let s = registry.stats_on(day(on), &policy, calendar);
        assert_eq!(s.as_of, Some(day(on)));
        (s.rows.iter().map(|r| r.overdue_duties.unwrap()).collect::<Vec<_>>(), s.totals.overdue_duties.unwrap())
    };
    assert_eq!(overdue("2026-06-01"), (vec![0, 0], 0));
    assert_eq!(overdue("2026-06-22"), (vec![0, 0], 0), "due today is not overdue");
    assert_eq!(overdue("2026-06-23"), (vec![1, 0], 1));
    assert_eq!(overdue("2026-06-25"), (vec![2, 0], 2));
    let csv = registry.stats_on(day("2026-06-25"), &policy, calendar).to_csv();
    assert!(csv.lines().last().unwrap().ends_with(",2,1"), "{csv}");

    // A due date beyond the calendar's data is reported, not guessed.
    let mut far = draft;
    far["creating_act"]["entry_into_force"] = json!("2098-12-01");
    let registry = Registry::from_json_lines(&jsonl(&[far]));
    let s = registry.stats_on(day("2099-03-01"), &policy, calendar);
    assert_eq!(s.totals.overdue_duties, Some(0));
    assert_eq!(s.undated_duties.len(), 1);
    assert_eq!(
        (s.undated_duties[0].record_id.as_str(), s.undated_duties[0].finding.code.as_str()),
        ("R1", "DXER-W003")
    );
}

/// Provenance: a named load gives every entry, problem and registry finding its source, line and bytes; the
/// extension rule picks the format; records given one by one (texts and values) carry no line.
#[test]
fn loads_carry_their_source_line_and_bytes() {
    use dxer::registry::{RecordInput, TextFormat};
    assert_eq!(TextFormat::for_name("a/b.JSONL"), TextFormat::JsonLines);
    assert_eq!(TextFormat::for_name("x.ndjson"), TextFormat::JsonLines);
    assert_eq!(TextFormat::for_name("x.json"), TextFormat::Json);
    assert_eq!(TextFormat::for_name("-"), TextFormat::Json);
    assert_eq!(TextFormat::of_file_name("jsonl"), None);

    let a = rec("REC-2026-000001", 1, "DX-000001", "DIN", "registered").to_string();
    let b = rec("REC-2026-000002", 1, "DX-000001", "DIN", "registered").to_string();
    let text = format!("{a}\n\n{{broken\n{b}\n");
    let mut registry = Registry::new();
    let summary = registry.load_source("in/lines.ndjson", &text);
    assert_eq!((summary.items, summary.indexed), (3, 2));
    let at = |needle: &str| text.find(needle).unwrap();
    let problem = registry.problems().iter().find(|p| !p.indexed).unwrap();
    assert_eq!((problem.source.as_deref(), problem.line), (Some("in/lines.ndjson"), Some(3)));
    let range = problem.bytes.unwrap();
    assert_eq!(&text[range.start..range.end], "{broken");
    let second = registry.entry(1).unwrap();
    assert_eq!((second.line, second.bytes.map(|r| r.start)), (Some(4), Some(at(&b))));
    assert_eq!(&text[second.bytes.unwrap().start..second.bytes.unwrap().end], b);
    // The duplicate service code: both findings name the file and the line of their record.
    let x001: Vec<_> = registry.check().into_iter().filter(|f| f.finding.code == "DXER-X001").collect();
    assert_eq!(x001.len(), 2);
    assert!(x001.iter().all(|f| f.source.as_deref() == Some("in/lines.ndjson")));
    assert_eq!(x001.iter().map(|f| f.line).collect::<Vec<_>>(), [Some(1), Some(4)]);

    // An array file: each element's own line and bytes.
    let array = format!("[\n{a},\n  {b}\n]");
    let mut registry = Registry::new();
    registry.load_source("two.json", &array);
    let lines: Vec<_> = registry.entries().map(|e| (e.line, e.source.clone())).collect();
    assert_eq!(lines, [(Some(2), Some("two.json".into())), (Some(3), Some("two.json".into()))]);
    let r = registry.entry(1).unwrap().bytes.unwrap();
    assert_eq!(&array[r.start..r.end], b);

    // One by one: a text, a value, a broken text; no lines, no bytes, no source.
    let mut registry = Registry::new();
    let value: Value = serde_json::from_str(&b).unwrap();
    let summary = registry.add_inputs(vec![
        RecordInput::Text(a.clone()),
        RecordInput::Value(value),
        RecordInput::Text("{".into()),
    ]);
    assert_eq!((summary.items, summary.indexed, summary.problems), (3, 2, 1));
    assert!(registry.entries().all(|e| e.line.is_none() && e.bytes.is_none() && e.source.is_none()));
    let broken = &registry.problems()[0];
    assert_eq!((broken.index, broken.line, broken.findings[0].code.as_str()), (2, None, "DXER-J001"));
}
