//! The options contract: the shared cases of `tests/options/cases.json` (also run by the command, Python
//! and WebAssembly), the serialised form's round trip, and the one `Lang`.

use std::path::PathBuf;

use dxer::{Lang, Options, OptionsError, RuleLevel};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/options/cases.json");
    let text = std::fs::read_to_string(path).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 30, "the shared cases were not read");
    cases
}

#[test]
fn shared_cases() {
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let options = case["options"].clone();
        let accepted = case["accepted"].as_bool().unwrap();
        // The same through from_value, from_json and serde's Deserialize.
        let by_value = Options::from_value(options.clone());
        let by_json = Options::from_json(&options.to_string());
        let by_serde = serde_json::from_value::<Options>(options.clone());
        match (&by_value, accepted) {
            (Ok(opts), true) => {
                assert!(by_json.is_ok() && by_serde.is_ok(), "{name}");
                // The serialised form reads back to the same options.
                let value = opts.to_value();
                let again = Options::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(again.to_value(), value, "{name}");
                assert_eq!(serde_json::to_value(opts).unwrap(), value, "{name}");
                opts.check().unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            (Err(e), false) => {
                let want = case["error_contains"].as_str().unwrap();
                assert!(e.to_string().contains(want), "{name}: {e:?} does not say {want:?}");
                assert_eq!(by_json.unwrap_err().to_string(), e.to_string(), "{name}");
                assert!(by_serde.unwrap_err().to_string().contains(want), "{name}");
            }
            (Ok(_), false) => panic!("{name}: accepted, but the contract refuses it"),
            (Err(e), true) => panic!("{name}: refused ({e}), but the contract accepts it"),
        }
    }
}

#[test]
fn members_set_the_fields() {
    let opts = Options::from_json(
        r#"{"kind": "reglament", "today": "2026-11-25", "ruleLevels": {"DXER-E005": "off"},
            "hours_per_working_day": 7, "max_variant_combinations": 9, "maxDepth": 10, "max_input_bytes": 11,
            "max_list_items": 12, "max_string_bytes": 13, "direct": false}"#,
    )
    .unwrap();
    assert_eq!(opts.kind, dxer::DocumentKind::Reglament);
    assert_eq!(opts.today, chrono::NaiveDate::from_ymd_opt(2026, 11, 25));
    assert_eq!(opts.rule_levels.get("DXER-E005"), Some(&RuleLevel::Off));
    assert_eq!(
        (opts.hours_per_working_day, opts.max_variant_combinations, opts.max_depth, opts.max_input_bytes),
        (7, 9, 10, 11)
    );
    assert_eq!((opts.max_list_items, opts.max_string_bytes, opts.direct), (12, 13, false));
    // Missing members keep the defaults; the defaults' serialised form reads back to itself.
    let defaults = Options::default();
    assert_eq!(Options::from_json("{}").unwrap().to_value(), defaults.to_value());
    assert_eq!(Options::from_json("null").unwrap().to_value(), defaults.to_value());
    assert_eq!(defaults.to_value()["max_depth"], 64);
    assert!(defaults.to_value().get("codelists").is_none());
}

#[test]
fn refusals_are_typed() {
    assert!(matches!(Options::from_json("[1]"), Err(OptionsError::NotAnObject("an array"))));
    assert!(matches!(Options::from_json("{"), Err(OptionsError::Syntax(_))));
    match Options::from_json(r#"{"rule_levels": {"DXER-E05": "off"}}"#) {
        Err(OptionsError::UnknownRule { code, suggestion }) => {
            assert_eq!(code, "DXER-E05");
            assert_eq!(suggestion.as_deref(), Some("DXER-E005"));
        }
        other => panic!("{other:?}"),
    }
    // A code with no near neighbour gets no suggestion.
    match Options::from_json(r#"{"rule_levels": {"nothing like a code": "off"}}"#) {
        Err(OptionsError::UnknownRule { suggestion: None, .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn options_built_in_rust_are_checked_by_the_same_contract() {
    assert!(Options::default().check().is_ok());
    let mut opts = Options::default();
    opts.rule_levels.insert("DXER-E05".into(), RuleLevel::Off);
    assert!(opts.check().unwrap_err().to_string().contains("did you mean DXER-E005?"));
    let opts = Options { max_depth: 0, ..Options::default() };
    assert!(opts.check().unwrap_err().to_string().starts_with("max_depth: expected a whole number from 1"));
}

#[test]
fn one_lang() {
    for (code, lang) in [("az", Lang::Az), ("en", Lang::En), ("ru", Lang::Ru)] {
        assert_eq!(code.parse::<Lang>().unwrap(), lang);
        assert_eq!(lang.as_str(), code);
        assert_eq!(lang.to_string(), code);
        assert_eq!(serde_json::to_value(lang).unwrap(), code);
        assert_eq!(serde_json::from_value::<Lang>(code.into()).unwrap(), lang);
    }
    let err = "EN".parse::<Lang>().unwrap_err();
    assert_eq!(err.to_string(), "unknown language \"EN\"; expected az, en or ru");
    assert!(serde_json::from_value::<Lang>("de".into()).is_err());
    assert_eq!(Lang::or_az("de"), Lang::Az);
    assert_eq!(Lang::default(), Lang::Az);
}
