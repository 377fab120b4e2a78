//! The dated duties of information systems (`dxer::registry::system_duties`): the 20-day card application
//! (seed 004) and the six-month EHİS data supply (seed 003 §5), the example cards of DXER and VEİS, and the
//! shared fixtures `tests/fixtures/systems/<case>/case.json` that the Python and WebAssembly suites run too.
//!
//! A case names a card file under the repository (`base`, its first card), members to set or remove
//! (`set`, JSON Pointers; `null` removes), an optional full `policy`, a day (`on`), and expects the
//! status of every duty (`[kind, owner, pointer, due, standing, working_days]`) or the finding that
//! refuses it (`status_error`), and the due findings (`[code, pointer]`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use dxer::calendar::{Calendar, Period};
use dxer::registry::system_duties::{system_due_findings, system_duties, system_status_at, SystemDutyKind};
use dxer::registry::workflow::{Policy, Standing};
use dxer::registry::{Hosting, InformationSystem, Registry};
use dxer::{Options, RuleLevel};
use serde_json::{json, Value};

mod common;
use common::set_at;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal() -> &'static Calendar {
    Calendar::azerbaijan()
}

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join("examples/information-systems").join(name)).unwrap()
}

struct Case {
    name: String,
    case: Value,
    card: Value,
}

fn cases() -> Vec<Case> {
    let dir = root().join("tests/fixtures/systems");
    let mut dirs: Vec<_> =
        std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| {
            let name = d.file_name().unwrap().to_string_lossy().into_owned();
            let case: Value = serde_json::from_slice(&std::fs::read(d.join("case.json")).unwrap()).unwrap();
            let cards: Value =
                serde_json::from_slice(&std::fs::read(root().join(case["base"].as_str().unwrap())).unwrap()).unwrap();
            let mut card = cards[0].clone();
            for (pointer, value) in case["set"].as_object().into_iter().flatten() {
                set_at(&mut card, pointer, value);
            }
            Case { name, case, card }
        })
        .collect()
}

fn pairs(findings: &[dxer::Finding]) -> Value {
    Value::Array(findings.iter().map(|f| json!([f.code, f.pointer])).collect())
}

#[test]
fn shared_system_duty_fixtures() {
    let cases = cases();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    let mut fired = BTreeSet::new();
    for Case { name, case, card } in &cases {
        let card: InformationSystem = serde_json::from_value(card.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let policy: Policy = case.get("policy").map(|p| serde_json::from_value(p.clone()).unwrap()).unwrap_or_default();
        let on = day(case["on"].as_str().unwrap());
        match system_status_at(&card, on, &policy, cal()) {
            Ok(list) => {
                let got: Vec<Value> = list
                    .iter()
                    .map(|s| {
                        let d = &s.duty;
                        json!([d.kind, d.owner, d.pointer, d.due.to_string(), s.standing, s.working_days])
                    })
                    .collect();
                assert_eq!(Value::Array(got), case["status"], "{name}: status");
            }
            Err(f) => assert_eq!(json!([f.code, f.pointer]), case["status_error"], "{name}: status error"),
        }
        let findings = system_due_findings(&card, on, &policy, cal());
        assert_eq!(pairs(&findings), case["findings"], "{name}: findings");
        // The registry reports the same, located at the card.
        let mut registry = Registry::new();
        assert!(registry.add_information_systems_json(&json!([card]).to_string()).is_empty(), "{name}");
        let located = registry.system_findings(on, &policy, cal());
        assert!(located.iter().all(|f| f.system == card.code.as_str()));
        assert_eq!(located.into_iter().map(|f| f.finding).collect::<Vec<_>>(), findings, "{name}: registry");
        if let Some(rule) = case["rule"].as_str() {
            assert!(findings.iter().any(|f| f.code == rule), "{name}: {rule} does not fire");
        }
        fired.extend(findings.into_iter().map(|f| f.code));
    }
    for code in ["DXER-X008", "DXER-X009", "DXER-X010", "DXER-X011", "DXER-W003"] {
        assert!(fired.contains(code), "no system fixture fires {code}");
    }
}

#[test]
fn the_example_cards_load_cleanly_and_carry_the_new_fields() {
    let mut registry = Registry::new();
    for name in ["dxer.json", "veis.json"] {
        let problems = registry.add_information_systems_json(&example(name));
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
    let dxer = registry.information_system("IS-DXER").unwrap();
    assert_eq!((dxer.owner.as_str(), dxer.hosting), ("ASAN", Hosting::GCloud));
    assert!(dxer.personal_data && dxer.personal_data_register.is_some());
    assert_eq!(dxer.legal_act.number.as_deref(), Some("129"));
    let veis = registry.information_system("IS-VEIS").unwrap();
    assert_eq!((veis.owner.as_str(), veis.hosting), ("SHXC", Hosting::GCloud));
    assert!(veis.personal_data_register.is_some());
    // 18 bodies are charged by §5, two (the prosecutor's office, the judicial council) only recommended.
    assert_eq!(veis.data_sources.len(), 20);
    assert_eq!(veis.data_sources.iter().filter(|s| s.ehis_duty_from.is_some()).count(), 18);
    // Every card round-trips through its type unchanged.
    for name in ["dxer.json", "veis.json"] {
        let text: Value = serde_json::from_str(&example(name)).unwrap();
        let typed: Vec<InformationSystem> = serde_json::from_value(text.clone()).unwrap();
        assert_eq!(serde_json::to_value(&typed).unwrap(), text, "{name}");
    }
}

#[test]
fn the_example_cards_conform_to_the_published_schema() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schemas/information-system.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in ["dxer.json", "veis.json"] {
        let cards: Value = serde_json::from_str(&example(name)).unwrap();
        for card in cards.as_array().unwrap() {
            let errors: Vec<String> = validator.iter_errors(card).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
        }
        // And the schema knows the new members (a misspelt one is refused).
        let mut bad = cards[0].clone();
        bad["personal_data_registr"] = json!({});
        assert!(!validator.is_valid(&bad), "{name}");
    }
}

#[test]
fn the_periods_live_in_the_policy_and_old_policies_still_load() {
    let p = Policy::default();
    assert_eq!((p.register_card_within, p.ehis_supply_within), (Period::CalendarDays(20), Period::Months(6)));
    let old = json!({"submit_within": {"value": 30, "unit": "working_days"},
        "review_within": {"value": 7, "unit": "working_days"}, "fix_within": {"value": 7, "unit": "working_days"},
        "due_soon_margin": 2, "max_returns": null});
    let loaded: Policy = serde_json::from_value(old).unwrap();
    assert_eq!(loaded, p);
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["register_card_within"], json!({"value": 20, "unit": "calendar_days"}));
    assert_eq!(v["ehis_supply_within"], json!({"value": 6, "unit": "months"}));

    // A shorter EHİS period moves every due date: three months from 2 March 2026 is 2 June.
    let veis: Vec<InformationSystem> = serde_json::from_str(&example("veis.json")).unwrap();
    let short = Policy { ehis_supply_within: Period::Months(3), ..Policy::default() };
    let duties = system_duties(&veis[0], &short, cal()).unwrap();
    let ehis: Vec<_> = duties.iter().filter(|d| d.kind == SystemDutyKind::EhisSupply).collect();
    assert_eq!(ehis.len(), 18);
    assert!(ehis.iter().all(|d| d.due == day("2026-06-02") && d.from == day("2026-03-02")));
    // DMX supplied from 1 June: in time for three months too; DİN since 15 May.
    let status = system_status_at(&veis[0], day("2026-06-10"), &short, cal()).unwrap();
    let dmx = status.iter().find(|s| s.duty.owner == "DMX").unwrap();
    assert_eq!((dmx.standing, dmx.duty.done_on), (Standing::Done, Some(day("2026-06-01"))));
    let mudn = status.iter().find(|s| s.duty.owner == "MUDN").unwrap();
    assert_eq!(mudn.standing, Standing::Overdue);
}

#[test]
fn old_cards_without_the_new_fields_owe_nothing() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/registry/clean/information-systems.json")).unwrap();
    let cards: Vec<InformationSystem> = serde_json::from_str(&text).unwrap();
    assert!(!cards.is_empty());
    for card in &cards {
        assert!(system_duties(card, &Policy::default(), cal()).unwrap().is_empty(), "{}", card.code);
    }
}

#[test]
fn messages_name_the_system_the_body_and_the_dates() {
    let veis: Vec<InformationSystem> = serde_json::from_str(&example("veis.json")).unwrap();
    let found = system_due_findings(&veis[0], day("2026-09-10"), &Policy::default(), cal());
    assert_eq!(found[0].message.en, "MUDN was to make the data (The data listed in part 4 of the VEİS statute) of information system IS-VEIS available through EHİS by 2026-09-02 (from 2026-03-02): 6 working day(s) overdue.");
    assert!(found[0]
        .message
        .az
        .starts_with("MUDN IS-VEIS sistemi üçün məlumatların (VEİS Əsasnaməsinin 4-cü hissəsində"));
    assert!(found[0].provision.contains("No. 59") && found[0].provision.contains("altı ay"));
    let mut dxer: Vec<InformationSystem> = serde_json::from_str(&example("dxer.json")).unwrap();
    dxer[0].lifecycle[0].applied_on = None;
    dxer[0].registered_on = None;
    let [x008] = &system_due_findings(&dxer[0], day("2026-06-01"), &Policy::default(), cal())[..] else { panic!() };
    assert_eq!(x008.message.en, "The application and registration card of information system IS-DXER (created: 2026-05-06) were due at the register operator by 2026-05-26 (ASAN): 1 working day(s) overdue.");
    assert!(x008.message.ru.contains("(создана: 2026-05-06)"));
    assert!(x008.provision.contains("20 gündən gec olmayaraq"));
}

#[test]
fn rule_levels_apply_to_system_findings() {
    let mut levels = std::collections::BTreeMap::new();
    levels.insert("DXER-X010".to_string(), RuleLevel::Error);
    levels.insert("DXER-X008".to_string(), RuleLevel::Off);
    let mut registry = Registry::with_options(Options { rule_levels: levels, ..Options::default() });
    registry.add_information_systems_json(&example("veis.json"));
    let mut dxer: Value = serde_json::from_str(&example("dxer.json")).unwrap();
    dxer[0]["lifecycle"][0].as_object_mut().unwrap().remove("applied_on");
    dxer[0].as_object_mut().unwrap().remove("registered_on");
    registry.add_information_systems_json(&dxer.to_string());
    let found = registry.system_findings(day("2026-09-10"), &Policy::default(), cal());
    assert_eq!(found.len(), 15, "X008 of DXER is off, 15 X010 of VEİS remain");
    assert!(found.iter().all(|f| f.system == "IS-VEIS" && f.finding.severity == dxer::Severity::Error));
    let row = serde_json::to_value(&found[0]).unwrap();
    assert_eq!((row["system"].as_str(), row["code"].as_str()), (Some("IS-VEIS"), Some("DXER-X010")));
}
