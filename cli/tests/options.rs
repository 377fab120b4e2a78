//! The options contract through the command: every shared case of `tests/options/cases.json` through
//! `--options FILE.json`, and through the flags where each of its members has one. The command accepts
//! and refuses exactly what the core (and Python, and WebAssembly) do.

use serde_json::Value;

mod common;
use common::{dxer, root, VALID};

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("tests/options/cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The flags saying what `options` says, or `None` when a member has no flag (or a type flags cannot
/// carry, such as a count written as a string).
fn flags(options: &Value) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (name, value) in options.as_object()? {
        if value.is_null() {
            continue;
        }
        let snake: String = name
            .chars()
            .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
            .collect();
        if !seen.insert(snake.clone()) {
            return None; // both spellings of one member: one flag
        }
        match (snake.as_str(), value) {
            ("rule_levels", Value::Object(levels)) => {
                for (code, level) in levels {
                    out.push(format!("--rule-level={code}={}", level.as_str()?));
                }
            }
            ("kind" | "today", Value::String(s)) => out.push(format!("--{snake}={s}")),
            (
                "hours_per_working_day"
                | "max_variant_combinations"
                | "max_depth"
                | "max_input_bytes"
                | "max_list_items"
                | "max_string_bytes",
                Value::Number(n),
            ) => out.push(format!("--{}={n}", snake.replace('_', "-"))),
            _ => return None,
        }
    }
    Some(out)
}

#[test]
fn shared_cases_through_an_options_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases();
    assert!(cases.len() >= 30);
    for (i, case) in cases.iter().enumerate() {
        let name = case["name"].as_str().unwrap();
        let path = dir.path().join(format!("options-{i}.json"));
        std::fs::write(&path, case["options"].to_string()).unwrap();
        let out = dxer().args(["validate", "--quiet", "--options"]).arg(&path).arg(VALID).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if case["accepted"].as_bool().unwrap() {
            assert_ne!(out.status.code(), Some(2), "{name}: refused: {stderr}");
        } else {
            assert_eq!(out.status.code(), Some(2), "{name}: accepted");
            let want = case["error_contains"].as_str().unwrap();
            assert!(stderr.contains(want), "{name}: {stderr:?} does not say {want:?}");
        }
    }
}

#[test]
fn shared_cases_through_flags() {
    let mut translated = 0;
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let Some(flags) = flags(&case["options"]) else { continue };
        translated += 1;
        let out = dxer().args(["validate", "--quiet"]).args(&flags).arg(VALID).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if case["accepted"].as_bool().unwrap() {
            assert_ne!(out.status.code(), Some(2), "{name} {flags:?}: refused: {stderr}");
        } else {
            assert_eq!(out.status.code(), Some(2), "{name} {flags:?}: accepted");
            // The core's message, except where clap refuses first (a kind or date it cannot read).
            if !flags.iter().any(|f| f.starts_with("--kind") || f.starts_with("--today")) {
                let want = case["error_contains"].as_str().unwrap();
                assert!(stderr.contains(want), "{name}: {stderr:?} does not say {want:?}");
            }
        }
    }
    assert!(translated >= 20, "only {translated} cases had flags");
}

#[test]
fn flags_override_the_options_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("options.json");
    // The file lowers the string limit so far that the record is refused (DXER-J003)…
    std::fs::write(&path, r#"{"maxStringBytes": 1, "rule_levels": {"DXER-J003": "warning"}}"#).unwrap();
    let out = dxer().args(["validate", "--format", "json", "--options"]).arg(&path).arg(VALID).output().unwrap();
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let findings = items[0]["findings"].as_array().unwrap();
    assert!(!findings.is_empty() && findings.iter().all(|f| f["code"] == "DXER-J003" && f["severity"] == "warning"));
    // …and a flag puts it back, keeping the file's rule level; another flag switches J003 off altogether.
    let out = dxer()
        .args(["validate", "--format", "json", "--max-string-bytes", "1048576", "--options"])
        .arg(&path)
        .arg(VALID)
        .output()
        .unwrap();
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(items[0]["ok"], true, "{items:?}");
    let out = dxer()
        .args(["validate", "--format", "json", "--rule-level", "DXER-J003=off", "--options"])
        .arg(&path)
        .arg(VALID)
        .output()
        .unwrap();
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(items[0]["findings"].as_array().unwrap().len(), 0, "{items:?}");
}

#[test]
fn limits_of_convert_and_registry_go_through_the_same_contract() {
    for cmd in [&["convert", "--to", "md"][..], &["registry", "stats"][..]] {
        let out = dxer().args(cmd).args(["--max-depth", "0", VALID]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("max_depth: expected a whole number from 1 to 4294967295, got 0"), "{stderr}");
    }
}
