//! The CPSV-AP JSON-LD import with nested contexts (`dxer::convert::cpsv::from_jsonld`).
//!
//! The input is JSON text. An array is a chain of contexts: the first is the document's `@context`,
//! each next one the `@context` of a node embedded in the previous node (a public service, then its
//! evidence, then what that conforms to...), every node using the same few terms; anything else is
//! imported as the whole document.
//!
//! Invariants, beyond "never panics" and the fuzzer's time limit (contexts are read in linear time):
//! the import is deterministic; every loss says why and points at a value of the input (or at the
//! whole input, `""`); a context beyond a limit is reported at a `@context`.
#![no_main]

use dxer::convert::cpsv::from_jsonld;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fn chain(contexts: &[Value]) -> Value {
    let mut node = json!({});
    for (depth, ctx) in contexts.iter().enumerate().rev() {
        let mut n = json!({
            "@context": ctx,
            "@id": format!("http://example.org/n{depth}"),
            "@type": if depth == 0 { "PublicService" } else { "Evidence" },
            "name": {"@value": format!("Ad {depth}"), "@language": "az"},
            "dct:title": format!("title {depth}"),
            "PublicService.name": {"az": "Xidmət"},
            "x": [1, {"@id": "dct:x"}],
        });
        if depth + 1 < contexts.len() {
            n["cv:hasInput"] = std::mem::take(&mut node);
        }
        node = n;
    }
    node
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    let doc = match &value {
        Value::Array(contexts) if !contexts.is_empty() => chain(&contexts[..contexts.len().min(40)]),
        _ => value,
    };
    let imported = from_jsonld(&doc);
    let again = from_jsonld(&doc);
    assert_eq!(again.record, imported.record);
    assert_eq!(again.losses, imported.losses);
    assert_eq!(again.report, imported.report);
    for loss in &imported.losses {
        assert!(!loss.reason.is_empty(), "{loss:?}");
        assert!(
            loss.pointer_or_path.is_empty() || doc.pointer(&loss.pointer_or_path).is_some(),
            "{loss:?} points at nothing in {doc}"
        );
        if loss.reason.contains("nested more than") || loss.reason.contains("terms: the definitions") {
            assert!(loss.pointer_or_path.contains("/@context"), "{loss:?}");
        }
    }
});
