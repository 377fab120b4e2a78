//! Malformed input never panics: it yields located findings.

use dxer::{validate, DocumentKind, Options};
use serde_json::{json, Value};

fn fixture() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/valid/identity-card/input.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn codes_at(report: &dxer::Report, pointer: &str) -> Vec<String> {
    report.findings.iter().filter(|f| f.pointer == pointer).map(|f| f.code.clone()).collect()
}

#[test]
fn invalid_json_is_located() {
    let report = validate("{\n  \"record_id\": \"REC-1\",\n  \"version\": 1,,\n}", &Options::default());
    assert!(!report.ok);
    assert_eq!(report.findings.len(), 1);
    let f = &report.findings[0];
    assert_eq!(f.code, "DXER-J001");
    assert!(f.message.en.contains("line 3"), "{}", f.message.en);
    for text in ["", "   ", "nul", "[", "\"unterminated", "{\"a\":1}}", "\u{feff}{}"] {
        let r = validate(text, &Options::default());
        assert!(!r.ok, "{text:?}");
    }
}

#[test]
fn invalid_utf8_is_located() {
    let bytes = b"{\n  \"record_id\": \"REC-\xff\"\n}";
    let report = validate(&bytes[..], &Options::default());
    assert_eq!(report.codes(), ["DXER-J002"]);
    assert!(report.findings[0].message.en.contains("line 2, column 21"), "{}", report.findings[0].message.en);
}

#[test]
fn every_field_with_a_wrong_type_is_reported_at_that_field() {
    let base = fixture();
    let mut pointers = Vec::new();
    collect(&base, String::new(), &mut pointers);
    assert!(pointers.len() > 100);
    for pointer in pointers {
        let original = base.pointer(&pointer).unwrap().clone();
        let wrong = match original {
            Value::String(_) => json!(12),
            Value::Number(_) => json!("12"),
            Value::Bool(_) => json!("true"),
            Value::Array(_) => json!({"not": "a list"}),
            Value::Object(_) => json!(["not", "an", "object"]),
            Value::Null => json!(1),
        };
        let mut doc = base.clone();
        *doc.pointer_mut(&pointer).unwrap() = wrong;
        let report = validate(&doc, &Options::default());
        assert!(!report.ok, "{pointer}: a wrong type must be an error");
        assert!(
            !codes_at(&report, &pointer).is_empty(),
            "{pointer}: no finding at the field; got {:?}",
            report.findings
        );
    }
}

fn collect(v: &Value, at: String, out: &mut Vec<String>) {
    if !at.is_empty() && !at.ends_with("/$schema") {
        out.push(at.clone());
    }
    match v {
        Value::Object(m) => {
            m.iter().for_each(|(k, x)| collect(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| collect(x, format!("{at}/{i}"), out)),
        _ => {}
    }
}

#[test]
fn ten_megabyte_strings_are_handled() {
    let mut doc = fixture();
    let huge = "ə".repeat(5 * 1024 * 1024); // 10 MB of UTF-8
    doc["reglament"]["general"]["name"]["az"] = json!(huge.clone());
    doc["reglament"]["general"]["description"]["az"] = json!(format!("{huge}ә"));
    let text = serde_json::to_string(&doc).unwrap();
    assert!(text.len() > 20 * 1024 * 1024);
    let report = validate(text.as_str(), &Options::default());
    assert_eq!(report.codes(), ["DXER-J003"], "over the default 16 MiB input limit");
    let opts = Options { max_input_bytes: 64 * 1024 * 1024, ..Options::default() };
    let report = validate(text.as_str(), &opts);
    assert_eq!(codes_at(&report, "/reglament/general/description/az"), ["DXER-H001"]);
}

#[test]
fn ten_thousand_deep_nesting_is_refused_without_overflow() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let report = validate(deep.as_str(), &Options::default());
    assert_eq!(report.codes(), ["DXER-J003"], "well-formed but too deep: a limit, not a syntax error");
    let deep_obj = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    assert_eq!(validate(deep_obj.as_str(), &Options::default()).codes(), ["DXER-J003"]);
    // Malformed and deep: still refused, never a stack overflow.
    let broken = "[".repeat(10_000);
    assert!(!validate(broken.as_str(), &Options::default()).ok);
    // A parsed value may be deeper than JSON text allows; the depth limit catches it.
    let mut v = json!(1);
    for _ in 0..100 {
        v = json!([v]);
    }
    let report = validate(&v, &Options::default());
    assert_eq!(report.codes(), ["DXER-J003"]);
}

#[test]
fn any_json_type_at_the_top_is_a_finding() {
    for text in ["null", "1", "\"x\"", "[]", "true", "{}"] {
        let report = validate(text, &Options::default());
        assert!(!report.ok, "{text}");
        assert_eq!(report.kind, DocumentKind::Record);
    }
}

#[test]
fn kind_is_detected_and_can_be_forced() {
    let doc = fixture();
    let reglament = doc["reglament"].clone();
    let report = validate(&reglament, &Options::default());
    assert_eq!(report.kind, DocumentKind::Reglament);
    assert!(report.ok, "{:?}", report.findings);
    let forced = validate(&reglament, &Options { kind: DocumentKind::Record, ..Options::default() });
    assert_eq!(forced.kind, DocumentKind::Record);
    assert!(codes_at(&forced, "/record_id").contains(&"DXER-S001".to_string()));
}

#[test]
fn rule_levels_override_severity() {
    let mut doc = fixture();
    doc["eservice"]["accepts_scanned_copies"] = json!(false);
    let report = validate(&doc, &Options::default());
    assert_eq!(report.codes(), ["DXER-E005"]);
    assert!(report.ok, "E005 is a warning by default");
    let mut opts = Options::default();
    opts.rule_levels.insert("DXER-E005".into(), dxer::RuleLevel::Error);
    assert!(!validate(&doc, &opts).ok);
    opts.rule_levels.insert("DXER-E005".into(), dxer::RuleLevel::Off);
    assert!(validate(&doc, &opts).findings.is_empty());
}
