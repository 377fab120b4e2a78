//! What the integration tests share: the valid fixtures the property tests mutate, a reproducible proptest
//! set-up, and setting a member of a JSON document by its pointer.

#![allow(dead_code)] // each test file uses its own part

use std::path::PathBuf;

use dxer::model::Record;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed};

/// The valid conformance fixtures (`tests/fixtures/valid/<name>/input.json`) generated records start from.
pub const VALID_FIXTURES: [&str; 6] = [
    "composite-newborn",
    "driving-licence-variants",
    "free-informative",
    "identity-card",
    "legal-entity-registration",
    "proactive-child-benefit",
];

/// A valid fixture as a typed record (validated: a fixture that stops being valid fails loudly).
pub fn valid_fixture(name: &str) -> Record {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid").join(name).join("input.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match dxer::parse_record(text.as_str(), &dxer::Options::default()) {
        Ok(valid) => valid.value,
        Err(refused) => panic!("{}: not a valid record: {:?}", path.display(), refused.findings),
    }
}

/// `cases` cases from a fixed seed, nothing persisted: the same cases on every run and every machine.
pub fn config(cases: u32, seed: u64) -> Config {
    Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    }
}

/// Sets the member at `pointer` (its parent must exist) to `value`, or removes it when `value` is null.
pub fn set_at(doc: &mut serde_json::Value, pointer: &str, value: &serde_json::Value) {
    let (parent, name) = pointer.rsplit_once('/').unwrap();
    let parent = doc.pointer_mut(parent).unwrap_or_else(|| panic!("{pointer}: no parent")).as_object_mut().unwrap();
    if value.is_null() {
        parent.remove(name);
    } else {
        parent.insert(name.to_string(), value.clone());
    }
}
