//! `dxer registry check|stats|due` print exactly what they printed before the registry held its records
//! compactly (issue 16): `tests/fixtures/registry-outputs/expected.json` holds, for the example records and
//! every registry fixture, the exit code, standard output and standard error of each command as the command
//! of commit f98afb5 gave them (every record typed in memory). Cross-record findings with their messages,
//! sources and lines, the statistics (CSV and table, overdue duties on a date, the most used services) and
//! the due duties all go through the compact form here.
//!
//! When an output changes on purpose (a new rule, a reworded message), `DXER_BLESS=1` writes what the
//! command prints now into the file; the diff then shows what changed.

mod common;

use common::{dxer, root};
use serde_json::Value;

#[test]
fn registry_commands_print_what_they_printed_before() {
    let path = root().join("tests/fixtures/registry-outputs/expected.json");
    let mut expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let bless = std::env::var_os("DXER_BLESS").is_some();
    let runs = expected["runs"].as_array_mut().unwrap();
    assert!(runs.len() >= 40, "every fixture, four commands");
    let mut findings = 0;
    for run in runs.iter_mut() {
        let args: Vec<String> = run["args"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().into()).collect();
        let out = dxer().args(&args).output().unwrap();
        let shown = args.join(" ");
        if bless {
            run["code"] = out.status.code().into();
            run["stdout"] = String::from_utf8_lossy(&out.stdout).into();
            run["stderr"] = String::from_utf8_lossy(&out.stderr).into();
        }
        assert_eq!(out.status.code(), run["code"].as_i64().map(|c| c as i32), "exit code of dxer {shown}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), run["stdout"].as_str().unwrap(), "output of dxer {shown}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), run["stderr"].as_str().unwrap(), "errors of dxer {shown}");
        findings += run["stdout"].as_str().unwrap().matches("\"DXER-X").count();
    }
    assert!(findings >= 10, "the cases hold cross-record findings: {findings}");
    if bless {
        std::fs::write(&path, serde_json::to_string_pretty(&expected).unwrap() + "\n").unwrap();
    }
}
