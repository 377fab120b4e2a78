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
    // Within the input limit, each 10 MB string is over the 1 MiB string limit, at its own pointer.
    let opts = Options { max_input_bytes: 64 * 1024 * 1024, ..Options::default() };
    let report = validate(text.as_str(), &opts);
    assert_eq!(report.findings.len(), 2, "{:?}", report.findings);
    assert_eq!(codes_at(&report, "/reglament/general/description/az"), ["DXER-J003"]);
    assert_eq!(codes_at(&report, "/reglament/general/name/az"), ["DXER-J003"]);
    // With both limits raised the strings are checked like any other: the Cyrillic "ә" at the end of the
    // description is found.
    let opts = Options { max_input_bytes: 64 * 1024 * 1024, max_string_bytes: 16 * 1024 * 1024, ..Options::default() };
    let report = validate(text.as_str(), &opts);
    assert_eq!(codes_at(&report, "/reglament/general/description/az"), ["DXER-H001"]);
    assert!(codes_at(&report, "/reglament/general/name/az").is_empty(), "{:?}", report.findings);
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

fn j003(report: &dxer::Report) -> Vec<(&str, &str)> {
    report
        .findings
        .iter()
        .filter(|f| f.code == "DXER-J003")
        .map(|f| (f.pointer.as_str(), f.message.en.as_str()))
        .collect()
}

#[test]
fn a_list_over_max_list_items_is_a_j003_at_its_pointer() {
    let mut doc = fixture();
    let ground = doc["reglament"]["procedure"]["refusal_grounds"][0].clone();
    doc["reglament"]["procedure"]["refusal_grounds"] = Value::Array(vec![ground; 10_001]);
    let text = serde_json::to_string(&doc).unwrap();
    let report = validate(text.as_str(), &Options::default());
    assert!(!report.ok);
    assert_eq!(
        j003(&report),
        [(
            "/reglament/procedure/refusal_grounds",
            "The document exceeds a limit: 10001 items in one list, more than the limit of 10000."
        )]
    );
    assert_eq!(report.findings.len(), 1, "nothing else is checked on an oversized document");
    let f = &report.findings[0];
    assert!(f.message.az.contains("10001") && f.message.ru.contains("10001"), "{:?}", f.message);
    // The same from a parsed value and from bytes.
    assert_eq!(validate(&doc, &Options::default()), report);
    assert_eq!(validate(text.as_bytes(), &Options::default()), report);
    // Exactly at the limit is accepted; raised, the list is validated like any other (10,001 copies of
    // the same ground: fine for the schema and the rules).
    let at_limit = Options { max_list_items: 10_001, ..Options::default() };
    let report = validate(text.as_str(), &at_limit);
    assert!(j003(&report).is_empty(), "{:?}", report.findings);
    assert!(report.ok, "{:?}", report.findings);
    let lowered = Options { max_list_items: 3, ..Options::default() };
    let report = validate(&fixture(), &lowered);
    assert!(!report.ok);
    assert!(report.findings.iter().all(|f| f.code == "DXER-J003"));
}

#[test]
fn an_object_over_max_list_items_is_a_j003_at_its_pointer() {
    let mut doc = fixture();
    let extra: serde_json::Map<String, Value> = (0..10_001).map(|i| (format!("k{i}"), json!(i))).collect();
    doc["reglament"]["general"]["extra"] = Value::Object(extra);
    let report = validate(&doc, &Options::default());
    assert_eq!(
        j003(&report),
        [(
            "/reglament/general/extra",
            "The document exceeds a limit: 10001 members in one object, more than the limit of 10000."
        )]
    );
    assert_eq!(report.findings.len(), 1);
    // Raised: the unknown member is reported as such (once, not 10,001 times).
    let report = validate(&doc, &Options { max_list_items: 20_000, ..Options::default() });
    assert_eq!(codes_at(&report, "/reglament/general/extra"), ["DXER-S002"]);
}

#[test]
fn a_string_over_max_string_bytes_is_a_j003_at_its_pointer() {
    let mut doc = fixture();
    // 1 MiB + 1 byte of UTF-8 ("ə" is 2 bytes): bytes are counted, not characters.
    let long = format!("{}x", "ə".repeat(512 * 1024));
    assert_eq!(long.len(), 1024 * 1024 + 1);
    doc["reglament"]["standard"]["documents"][1]["name"]["az"] = json!(long);
    let text = serde_json::to_string(&doc).unwrap();
    let report = validate(text.as_str(), &Options::default());
    assert_eq!(
        j003(&report),
        [(
            "/reglament/standard/documents/1/name/az",
            "The document exceeds a limit: a string of 1048577 bytes, more than the limit of 1048576 bytes."
        )]
    );
    assert_eq!(report.findings.len(), 1);
    assert_eq!(validate(&doc, &Options::default()), report);
    // Raised by one byte: accepted, and the text is checked (a valid name, so no finding at all).
    let raised = Options { max_string_bytes: 1024 * 1024 + 1, ..Options::default() };
    let report = validate(text.as_str(), &raised);
    assert!(report.ok && report.findings.is_empty(), "{:?}", report.findings);
    // A member name is a string too: reported at the object holding it.
    let mut doc = fixture();
    doc["reglament"]["general"]["name"][&"n".repeat(2 * 1024 * 1024)] = json!("x");
    let report = validate(&doc, &Options::default());
    assert_eq!(
        j003(&report),
        [(
            "/reglament/general/name",
            "The document exceeds a limit: a member name of 2097152 bytes, more than the limit of 1048576 bytes."
        )]
    );
}

#[test]
fn every_limit_exceeded_is_reported_and_pointers_are_escaped() {
    let doc = json!({
        "a/b": {"c~d": vec![0; 5]},
        "list": [["x".repeat(20)]],
        "deep": [[[[[[[[1]]]]]]]],
    });
    let opts = Options { max_list_items: 4, max_string_bytes: 10, max_depth: 6, ..Options::default() };
    let report = validate(&doc, &opts);
    let found: Vec<&str> = report.findings.iter().map(|f| f.pointer.as_str()).collect();
    // The depth limit once, at the root; the list at its escaped pointer; the string at its own.
    assert_eq!(found, ["", "/a~1b/c~0d", "/list/0/0"]);
    assert!(report.findings.iter().all(|f| f.code == "DXER-J003"));
    assert!(report.findings[0].message.en.contains("nesting deeper than 6 levels"));
    // Well within every limit: nothing of the kind.
    let report = validate(&doc, &Options::default());
    assert!(j003(&report).is_empty());
}

#[test]
fn limits_are_checked_without_recursion_on_huge_values() {
    // 200,000 strings in one list, and a 100,000-deep value: one pass, no stack overflow, one finding each.
    let wide = Value::Array(vec![json!("x"); 200_000]);
    let report = validate(&wide, &Options::default());
    assert_eq!(j003(&report).len(), 1);
    let mut deep = json!(1);
    for _ in 0..100_000 {
        deep = Value::Array(vec![deep]); // not json!([deep]): it would serialize `deep` recursively
    }
    let report = validate(&deep, &Options::default());
    assert_eq!(report.codes(), ["DXER-J003"]);
    // Drop the deep value without recursing through it either (serde_json's Drop recurses).
    let mut stack = vec![deep];
    while let Some(mut v) = stack.pop() {
        if let Value::Array(items) = &mut v {
            stack.append(items);
        }
    }
}

/// chrono reads `2026-5-6`, `+2026-05-06` and padded dates; the schema (`format: date`) does not, and the
/// model reads only `YYYY-MM-DD`: on either path such a date is a located finding, never a typed record.
#[test]
fn a_lenient_date_is_a_located_finding() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/valid/identity-card/input.json");
    let mut record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for lenient in ["2026-5-6", "+2026-05-06", " 2026-05-06", "2026-05-06 "] {
        record["creating_act"]["entry_into_force"] = serde_json::json!(lenient);
        for direct in [true, false] {
            let opts = dxer::Options { direct, ..dxer::Options::default() };
            let report = dxer::validate(record.to_string().as_str(), &opts);
            let f = report.findings.iter().find(|f| f.pointer == "/creating_act/entry_into_force");
            assert_eq!(f.map(|f| f.code.as_str()), Some("DXER-S005"), "{lenient}: {:?}", report.findings);
            assert!(dxer::parse_record(record.to_string().as_str(), &opts).is_err());
        }
    }
}

/// Codes of the semantic rules (not the structure, the limits or the text hygiene that runs on the value).
fn semantic(code: &str) -> bool {
    !["DXER-S", "DXER-J", "DXER-H"].iter().any(|p| code.starts_with(p)) && code != "DXER-R001"
}

fn semantic_findings(report: &dxer::Report) -> Vec<(String, String, String)> {
    report
        .findings
        .iter()
        .filter(|f| semantic(&f.code))
        .map(|f| (f.code.clone(), f.pointer.clone(), f.message.en.clone()))
        .collect()
}

/// A structural error in one section never hides the semantic findings of another: for every valid
/// fixture, each structural break below, together with a semantic defect elsewhere, still reports the
/// defect; no semantic finding lies at or under the broken node; and every semantic finding of the broken
/// record is one the record without the break has too (none is about a value the repair made up).
#[test]
fn a_structural_error_never_hides_the_semantic_findings_of_the_rest() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/valid");
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    assert!(names.len() >= 6);
    // (what is broken, its pointer, the break)
    type Break = (&'static str, fn(&mut Value));
    let breaks: [Break; 7] = [
        ("/reglament/contact/zzz", |d| d["reglament"]["contact"]["zzz"] = json!(1)),
        ("/reglament/appeal/court/deadline/value", |d| {
            d["reglament"]["appeal"]["court"]["deadline"]["value"] = json!("30")
        }),
        ("/reglament/standard/result", |d| {
            d["reglament"]["standard"].as_object_mut().unwrap().remove("result");
        }),
        ("/reglament/general/service_type", |d| d["reglament"]["general"]["service_type"] = json!("transactionall")),
        ("/reglament/standard/fees/free", |d| d["reglament"]["standard"]["fees"]["free"] = json!("no")),
        ("/reglament/standard/documents/0", |d| {
            let docs = d["reglament"]["standard"]["documents"].as_array_mut().unwrap();
            docs.push(json!("a document"));
            docs.rotate_right(1);
        }),
        ("/reglament/general/legal_basis", |d| d["reglament"]["general"]["legal_basis"] = json!([])),
    ];
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let valid: Value = serde_json::from_slice(&std::fs::read(path.join("input.json")).unwrap()).unwrap();
        // The semantic defect, in the procedure: a refusal ground without a legal basis.
        let mut defective = valid.clone();
        let grounds = defective["reglament"]["procedure"]["refusal_grounds"].as_array_mut().unwrap();
        let at = format!("/reglament/procedure/refusal_grounds/{}/legal_basis", grounds.len());
        grounds.push(json!({"text": {"az": "Sənədlər natamamdır"}, "reapplication_allowed": true}));
        let expected = semantic_findings(&validate(&defective, &Options::default()));
        assert!(expected.iter().any(|(c, p, _)| c == "DXER-G002" && *p == at), "{name}: {expected:?}");
        for (broken_at, brk) in &breaks {
            let mut doc = defective.clone();
            brk(&mut doc);
            for direct in [true, false] {
                let report = validate(&doc, &Options { direct, ..Options::default() });
                let context = format!("{name}, {broken_at} broken (direct {direct})");
                assert!(!report.ok, "{context}");
                assert!(
                    report.findings.iter().any(|f| f.code.starts_with("DXER-S") && f.pointer == *broken_at),
                    "{context}: no structural finding at the break: {:?}",
                    report.findings
                );
                let found = semantic_findings(&report);
                assert!(found.iter().any(|(c, p, _)| c == "DXER-G002" && *p == at), "{context}: {found:?}");
                for f in &found {
                    assert!(f.1 != *broken_at && !f.1.starts_with(&format!("{broken_at}/")), "{context}: {f:?}");
                    assert!(expected.contains(f), "{context}: {f:?} is not a finding of the record without the break");
                }
                assert!(dxer::parse_record(&doc, &Options { direct, ..Options::default() }).is_err(), "{context}");
            }
        }
    }
}

/// `{"not_stated": …}` and a short citation `{"act": …}` are told from the plain forms by their first
/// member (`model::stated`). Written in another order, the direct path steps aside and the full pipeline
/// reads the document from a `serde_json::Value`, whose members are sorted: the report is the same.
#[test]
fn markers_written_last_give_the_same_report() {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/valid/fee-components-and-short-citations/input.json");
    let mut doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    doc["reglament"]["standard"]["time_limit"] = json!("@TIME@");
    doc["reglament"]["standard"]["fees"]["tiers"][0]["legal_basis"][0] = json!("@CITATION@");
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let spelled = |time: &str, citation: &str| text.replace("\"@TIME@\"", time).replace("\"@CITATION@\"", citation);
    let (time_first, time_last) = (
        r#"{"not_stated": true, "note": {"az": "Mənbədə yoxdur"}}"#,
        r#"{"note": {"az": "Mənbədə yoxdur"}, "not_stated": true}"#,
    );
    let (act_first, act_last) =
        (r#"{"act": "law-223", "articles": ["maddə 18.1"]}"#, r#"{"articles": ["maddə 18.1"], "act": "law-223"}"#);
    for (time, citation) in
        [(time_first, act_first), (time_last, act_first), (time_first, act_last), (time_last, act_last)]
    {
        let doc = spelled(time, citation);
        let direct = validate(doc.as_str(), &Options::default());
        let layered = validate(doc.as_str(), &Options { direct: false, ..Options::default() });
        assert_eq!(direct, layered, "{time} {citation}");
        assert_eq!(direct.codes(), ["DXER-N001"], "{time} {citation}: {:?}", direct.findings);
        assert_eq!(direct.findings[0].pointer, "/reglament/standard/time_limit");
    }
}

/// The order-independence above rests on `serde_json::Map` sorting its members (`preserve_order` off):
/// both marker names sort before every other member of their form.
#[test]
fn json_objects_sort_their_members() {
    let v: Value = serde_json::from_str(r#"{"note": 1, "not_stated": 2, "articles": 3, "act": 4}"#).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["act", "articles", "not_stated", "note"], "serde_json's preserve_order must stay off");
}
