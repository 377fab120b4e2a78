//! Tests of the structural layer: the published schemas compile, and the validator compiled from their
//! copies without regular expressions ([`structure`]) gives exactly the published schemas' errors.

use super::*;
use crate::direct::tests::{fixtures, mutations};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

#[test]
fn embedded_schemas_compile_and_carry_ids() {
    for text in [RECORD_SCHEMA, REGLAMENT_SCHEMA] {
        let v: Value = serde_json::from_str(text).unwrap();
        // The run-time compiler accepts the published files too (other Rust users may use it).
        jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&v).unwrap();
        assert!(v["$id"].as_str().unwrap().starts_with(BASE_URI));
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
}

// The published schemas compiled as they are, `pattern`s and all (with a regular-expression engine): what
// the structural layer gave before it was compiled from the copies, and what it must still give.
#[jsonschema::validator(path = "schemas/record.schema.json", draft = Draft202012, validate_formats = true)]
struct PublishedRecord;

#[jsonschema::validator(path = "schemas/reglament.schema.json", draft = Draft202012, validate_formats = true)]
struct PublishedReglament;

/// Every detail of an error that a caller can read.
fn details(e: &jsonschema::ValidationError<'_>) -> String {
    format!(
        "{} | {} | {} | {:?} | {} | {}",
        e.instance_path().as_str(),
        e.schema_path().as_str(),
        e.evaluation_path().as_str(),
        e.kind(),
        e.instance(),
        e
    )
}

/// The errors of the published schema compiled as it is, and of the validator compiled from its copy.
fn both(kind: DocumentKind, value: &Value) -> (Vec<String>, Vec<String>) {
    let published: Vec<String> = match kind {
        DocumentKind::Reglament => PublishedReglament::iter_errors(value).map(|e| details(&e)).collect(),
        _ => PublishedRecord::iter_errors(value).map(|e| details(&e)).collect(),
    };
    let compiled: Vec<String> = validator(kind).iter_errors(value).map(|e| details(&e)).collect();
    let valid = match kind {
        DocumentKind::Reglament => PublishedReglament::is_valid(value),
        _ => PublishedRecord::is_valid(value),
    };
    assert_eq!(validator(kind).is_valid(value), valid, "{value}");
    (published, compiled)
}

/// Names of members that the `patternProperties` of `Variant.when` and `Condition.applicant` refuse or take.
const NAMES: &[&str] = &["", "-x", "a b", "ab", "a.b_c-d", "ə", "x\n", "ID"];

/// `value` with the member names of every object under a `when` or `applicant` replaced by each of `NAMES`
/// (one at a time, and all at once with values of a wrong type).
fn name_mutations(value: &Value) -> Vec<Value> {
    fn visit(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    at.push(k.clone());
                    if (k == "when" || k == "applicant") && v.is_object() {
                        out.push(at.clone());
                    }
                    visit(v, at, out);
                    at.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    at.push(i.to_string());
                    visit(v, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut places = Vec::new();
    visit(value, &mut Vec::new(), &mut places);
    let mut out = Vec::new();
    for place in places {
        let pointer: String = place.iter().map(|t| format!("/{}", crate::pointer::escape_token(t))).collect();
        for name in NAMES {
            let mut copy = value.clone();
            let Some(Value::Object(map)) = copy.pointer_mut(&pointer) else { continue };
            map.insert(name.to_string(), serde_json::json!(["v1"]));
            out.push(copy.clone());
            let Some(Value::Object(map)) = copy.pointer_mut(&pointer) else { continue };
            map.insert(name.to_string(), serde_json::json!([5, "-bad", {"x": 1}]));
            map.insert(format!("{name}2"), serde_json::json!("not a list"));
            out.push(copy);
        }
    }
    out
}

/// On every fixture, single-point changes of the valid ones and changed member names of `when` and
/// `applicant` maps, the compiled validator gives the published schema's errors, in the same order, with
/// every detail, and the same `is_valid`, for records and bare reglaments. A debug build makes this slow:
/// each valid fixture is changed at every 4th point (a different quarter for each), as in the direct path's
/// test; `DXER_EVERY_MUTATION=1` tries them all. The work is spread over the machine's cores.
#[test]
fn the_compiled_copies_give_the_published_schemas_errors() {
    let every = std::env::var_os("DXER_EVERY_MUTATION").is_some();
    let mut cases: Vec<(String, Value)> = Vec::new();
    for dir in ["valid", "invalid", "real"] {
        for (d, (path, text)) in fixtures(dir).into_iter().enumerate() {
            let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
            if dir == "valid" {
                let changed = mutations(&value).into_iter().enumerate();
                cases.extend(changed.filter(|(i, _)| every || i % 4 == d % 4).map(|(_, m)| (path.clone(), m)));
            }
            cases.extend(name_mutations(&value).into_iter().map(|m| (path.clone(), m)));
            cases.push((path, value));
        }
    }
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = cases.len().div_ceil(workers).max(1);
    let with_errors: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut with_errors = 0;
                    for (path, case) in part {
                        for (kind, doc) in [(DocumentKind::Record, case), (DocumentKind::Reglament, &case["reglament"])]
                        {
                            let (published, compiled) = both(kind, doc);
                            assert_eq!(compiled, published, "{path}: {kind:?}: {doc}");
                            with_errors += usize::from(!published.is_empty());
                        }
                    }
                    with_errors
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    assert!(cases.len() > 3_000 && with_errors > cases.len(), "{} cases, {with_errors} with errors", cases.len());
}

/// The copies in `core/src/schema/` are what [`structure`] gives for the published schemas, which hold no
/// `pattern` it cannot stand for (a new one needs its format in [`structure::PATTERNS`] and in the
/// validators' `formats`).
#[test]
fn the_copies_hold_no_pattern() {
    for kind in [DocumentKind::Record, DocumentKind::Reglament] {
        let text = structure_text(kind);
        assert!(text.starts_with('{'), "{text}");
        assert!(!text.contains("\"pattern\"") && !text.contains("\"patternProperties\""));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The model's check of each `pattern` is the pattern's regular expression, on strings made to match it,
    /// on strings of its alphabet and more, and on those with a character changed, added or removed.
    #[test]
    fn each_format_is_its_pattern(
        which in 0..structure::PATTERNS.len(),
        near in "[A-Za-z0-9._ -]{0,3}(DX-|IS-)?[0-9A-Fa-f.-]{0,70}[\n]?",
        anything in any::<String>(),
        edit in 0usize..80,
        insert in prop::sample::select(vec!["", "0", "a", "A", ".", "-", "_", " ", "\n", "ə", "١"]),
        seed in any::<u64>(),
    ) {
        let (pattern, _, check) = structure::PATTERNS[which];
        let regex = jsonschema::validator_for(&serde_json::json!({ "pattern": pattern })).unwrap();
        // The generator takes no anchors; every pattern is anchored at both ends.
        let matching = proptest::string::string_regex(pattern.trim_start_matches('^').trim_end_matches('$')).unwrap();
        let mut runner = proptest::test_runner::TestRunner::new_with_rng(
            ProptestConfig::default(),
            proptest::test_runner::TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &seed_bytes(seed)),
        );
        let made = matching.new_tree(&mut runner).unwrap().current();
        prop_assert!(check(&made), "{pattern}: {made:?}");
        for s in [made, near, anything] {
            let mut edited: Vec<char> = s.chars().collect();
            let at = edit.min(edited.len());
            let mut variants: Vec<String> = vec![s.clone()];
            if at < edited.len() {
                let mut removed = edited.clone();
                removed.remove(at);
                variants.push(removed.into_iter().collect());
            }
            edited.splice(at..at, insert.chars());
            variants.push(edited.into_iter().collect());
            for v in variants {
                prop_assert_eq!(check(&v), regex.is_valid(&Value::String(v.clone())), "{} on {:?}", pattern, v);
            }
        }
    }
}

fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = (seed >> ((i % 8) * 8)) as u8 ^ i as u8;
    }
    out
}
