//! Runs the `dxer` binary on the fixtures: output and exit codes.

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{dxer, root, VALID};

#[test]
fn validate_a_valid_record_exits_0() {
    dxer().args(["validate", VALID]).assert().success().stdout(predicate::str::contains("ok"));
}

#[test]
fn validate_an_invalid_record_exits_1_with_codes_pointers_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    let mut record: Value = serde_json::from_slice(&std::fs::read(root().join(VALID)).unwrap()).unwrap();
    record["reglament"]["standard"]["fees"]["tiers"][0]["amount"] = "0".into();
    let path = dir.path().join("zero-fee.json");
    std::fs::write(&path, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    dxer()
        .args(["validate", "--lang", "az"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[DXER-F003] /reglament/standard/fees/tiers/0/amount"))
        .stdout(predicate::str::contains("Ödəniş məbləği sıfırdır"))
        .stdout(predicate::str::contains("zero-fee.json:"));
    // The same with the rule switched off.
    dxer().args(["validate", "--rule-level", "DXER-F003=off"]).arg(&path).assert().success();
}

#[test]
fn json_and_sarif_formats_are_machine_readable() {
    let out = dxer().args(["validate", "--format", "json", VALID, "tests/fixtures/invalid"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(items.len() > 10);
    assert_eq!(items[0]["source"], VALID);
    assert_eq!(items[0]["ok"], true);

    let out = dxer().args(["validate", "--format", "sarif", "tests/fixtures/invalid"]).output().unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "dxer");
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().len() >= 45);
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(r["ruleId"].as_str().unwrap().starts_with("DXER-"));
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .contains("tests/fixtures/invalid"));
    }
    assert!(results
        .iter()
        .any(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap_or(0) > 1));
}

#[test]
fn json_lines_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let record = std::fs::read_to_string(root().join(VALID)).unwrap();
    let compact: Value = serde_json::from_str(&record).unwrap();
    let jsonl = format!("{}\n\n{{\"broken\": \n{}\n", compact, compact);
    let path = dir.path().join("batch.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    dxer()
        .args(["validate"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("batch.jsonl:1: ok"))
        .stdout(predicate::str::contains("batch.jsonl:3:"))
        .stdout(predicate::str::contains("DXER-J001"))
        .stdout(predicate::str::contains("batch.jsonl:4: ok"));
    dxer().args(["validate", "-"]).write_stdin(record).assert().success().stdout(predicate::str::contains("-: ok"));
}

#[test]
fn bad_input_gives_a_clear_message_never_a_panic() {
    dxer()
        .args(["validate", "no/such/file.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no/such/file.json"));
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("notes.txt"), "x").unwrap();
    dxer().arg("validate").arg(empty.path()).assert().code(2).stderr(predicate::str::contains("no records found"));

    let dir = tempfile::tempdir().unwrap();
    let bad_utf8 = dir.path().join("latin1.json");
    std::fs::write(&bad_utf8, b"{\"record_id\": \"caf\xe9\"}").unwrap();
    dxer().arg("validate").arg(&bad_utf8).assert().code(1).stdout(predicate::str::contains("DXER-J002"));

    let big = dir.path().join("big.json");
    let filler = "a".repeat(50 * 1024 * 1024);
    std::fs::write(&big, format!("{{\"record_id\": \"{filler}\"}}")).unwrap();
    dxer()
        .arg("validate")
        .arg(&big)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DXER-J003"))
        .stderr(predicate::str::contains("panicked").not());

    dxer()
        .args(["validate", "--rule-level", "NOPE=off", VALID])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule code"));
    dxer().args(["validate", "--providers", "no-such.json", VALID]).assert().code(2);
    dxer().args(["frobnicate"]).assert().code(2);
}

#[test]
fn deadline_and_calendar() {
    dxer().args(["deadline", "--from", "2026-05-06", "--working-days", "30"]).assert().success().stdout("2026-06-24\n");
    dxer().args(["deadline", "--from", "2026-05-06", "--working-days", "7"]).assert().success().stdout("2026-05-18\n");
    dxer().args(["deadline", "--from", "2026-06-06", "--days", "1"]).assert().success().stdout("2026-06-08\n");
    dxer()
        .args(["deadline", "--from", "2031-01-01", "--days", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2031"));
    dxer().args(["deadline", "--from", "2026-05-06"]).assert().code(2);
    dxer()
        .args(["calendar", "2026"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2026-03-30"))
        .stdout(predicate::str::contains("2026-05-29"));
    let out = dxer().args(["calendar", "2026", "--format", "json"]).output().unwrap();
    let days: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(days.iter().any(|d| d["date"] == "2026-06-15"));
}

#[test]
fn schema_rules_completions_help() {
    let out = dxer().args(["schema", "record"]).output().unwrap();
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["$id"], "https://dxer.az/schemas/record.schema.json");
    let dir = tempfile::tempdir().unwrap();
    dxer().args(["schema", "--out"]).arg(dir.path()).assert().success();
    assert!(dir.path().join("reglament.schema.json").exists());
    dxer().args(["rules"]).assert().success().stdout(predicate::str::contains("DXER-F003"));
    let out = dxer().args(["rules", "--format", "json"]).output().unwrap();
    let rules: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules.len(), dxer::rules::CATALOGUE.len());
    dxer().args(["completions", "bash"]).assert().success().stdout(predicate::str::contains("dxer"));
    dxer().args(["validate", "--help"]).assert().success().stdout(predicate::str::contains("Examples:"));
}

#[test]
fn convert_to_every_format_and_refuse_invalid_records() {
    let dir = tempfile::tempdir().unwrap();
    for (to, needle) in [
        ("cpsv", "\"@context\""),
        ("schema-org", "GovernmentService"),
        ("html", "<!DOCTYPE html>"),
        ("md", "# "),
        ("csv", "service_code,"),
        ("jsonl", "\"record_id\":\"REC-2026-000101\""),
    ] {
        // The fixture is submitted, not published: only the internal export converts it.
        dxer()
            .args(["convert", "--internal", "--to", to, VALID])
            .assert()
            .success()
            .stdout(predicate::str::contains(needle));
        dxer()
            .args(["convert", "--lang", "en", "--to", to, VALID])
            .assert()
            .success()
            .stdout(predicate::str::contains("REC-2026-000101").not())
            .stderr(predicate::str::contains("REC-2026-000101 version 1: status \"submitted\" is not published"));
    }
    // Several records into a folder, one file each; the defective examples are refused (exit 1).
    let out = dir.path().join("html");
    dxer()
        .args(["convert", "--to", "html", "examples/records/", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("seed-004-style-defects.json: not converted"));
    // Only the registered open-data record is published; the submitted ones are withheld.
    assert!(out.join("legal-entity-registration.html").exists());
    assert!(!out.join("identity-card.html").exists());
    assert!(!out.join("seed-004-style-defects.html").exists());
    // CSV over a JSON Lines file: a header and one row per published record (per record with --internal).
    let csv = dir.path().join("services.csv");
    dxer().args(["convert", "--to", "csv", "examples/records/registry.jsonl", "-o"]).arg(&csv).assert().success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 1);
    dxer()
        .args(["convert", "--internal", "--force", "--to", "csv", "examples/records/registry.jsonl", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 6);
    dxer()
        .args(["convert", "--internal", "--to", "html", "examples/records/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o"));
}

/// Record ids of JSON Lines output, in order.
fn ids(jsonl: &[u8]) -> Vec<String> {
    std::str::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["record_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn convert_of_a_folder_exports_each_record_once_and_withholds_unpublished_ones() {
    // examples/records/ holds every record twice (its own file and registry.jsonl) and two invalid ones.
    let public = dxer().args(["convert", "--lang", "en", "--to", "jsonl", "examples/records/"]).assert().code(1);
    let out = public.get_output();
    assert_eq!(ids(&out.stdout), ["REC-2026-000102"], "only the registered open-data record, once");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("signer") && !stdout.contains("signature_ref") && !stdout.contains("asan-imza"));
    assert!(!stdout.contains("\"review\""));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("withheld 11 of 12 records"), "{stderr}");
    assert!(stderr.contains("registry.jsonl:2: REC-2026-000102 version 1: the same record was given again"));
    assert!(stderr.contains("identity-card.json: REC-2026-000101 version 1: status \"submitted\" is not published"));

    let internal = dxer().args(["convert", "--internal", "--to", "jsonl", "examples/records/"]).assert().code(1);
    let mut all = ids(&internal.get_output().stdout);
    assert_eq!(all.len(), 6);
    all.dedup();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 6, "each record once");
    assert!(String::from_utf8_lossy(&internal.get_output().stdout).contains("asan-imza:7A20-2026-0608-0014"));
}

#[test]
fn convert_never_publishes_the_private_fields_of_the_hostile_records() {
    let dir = "tests/hostile/publication/";
    let private: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(dir).join("private-strings.json")).unwrap()).unwrap();
    let files = ["registered.json", "draft.json", "suspended.json", "not-open-data.json", "duplicates.jsonl"];
    for to in ["jsonl", "csv", "cpsv", "schema-org", "html", "md"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut cmd = dxer();
        // CSV and JSON Lines go into one file, the other formats into a folder.
        let out = if matches!(to, "jsonl" | "csv") { tmp.path().join("out") } else { tmp.path().to_path_buf() };
        cmd.args(["convert", "--lang", "en", "--to", to, "-o"]).arg(&out);
        cmd.args(files.iter().map(|f| format!("{dir}{f}")));
        let stderr = String::from_utf8(cmd.assert().success().get_output().stderr.clone()).unwrap();
        for reason in ["status \"draft\"", "status \"suspended\"", "open_data is not true", "exported once"] {
            assert!(stderr.contains(reason), "{to}: {reason} in {stderr}");
        }
        let mut written = String::new();
        for entry in std::fs::read_dir(tmp.path()).unwrap() {
            written.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        assert!(written.contains("REC-2026-000902") || written.contains("DX-"), "{to}: the registered record");
        for value in private["values"].as_array().unwrap() {
            assert!(!written.contains(value.as_str().unwrap()), "{to} publishes {value}");
        }
    }
}

#[test]
fn registry_stats_check_and_due() {
    dxer()
        .args(["registry", "stats", "examples/records/registry.jsonl"])
        .assert()
        .success()
        .stdout(predicate::str::contains("TOTAL"))
        .stdout(predicate::str::contains("DIN"));
    let out = dxer().args(["registry", "stats", "--csv", "examples/records/registry.jsonl"]).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("provider,"));
    assert_eq!(csv.lines().count(), 1 + 4 + 1, "header, four providers, totals");

    let out = dxer().args(["registry", "check", "--json", "examples/records/registry.jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the newborn package names components that are not in the examples");
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(findings.iter().any(|f| f["code"] == "DXER-X002" && f["record_id"] == "REC-2026-000105"));

    let out = dxer()
        .args(["registry", "due", "--json", "--on", "2026-06-12", "examples/records/registry.jsonl"])
        .output()
        .unwrap();
    let due: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(due.iter().all(|f| f["code"] == "DXER-W011" || f["code"] == "DXER-W010"));
    dxer().args(["registry", "due", "--on", "2020-01-01", "examples/records/registry.jsonl"]).assert().success();
    dxer().args(["registry", "stats", "no/such/dir"]).assert().code(2);
}

/// `registry due --cards`: the information systems' duties (card application, EHİS data supply) next to the
/// records' ones, in text and JSON; before the six months have run the card example owes nothing yet.
#[test]
fn registry_due_lists_the_duties_of_the_cards() {
    let args = ["--cards", "examples/information-systems/veis.json", "examples/records/identity-card.json"];
    let out = dxer().args(["registry", "due", "--json", "--on", "2026-12-07"]).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "overdue EHİS supply is a warning");
    let due: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let x010: Vec<&Value> = due.iter().filter(|f| f["code"] == "DXER-X010").collect();
    assert!(!x010.is_empty() && x010.iter().all(|f| f["system"] == "IS-VEIS"), "{due:?}");
    assert!(x010.iter().all(|f| f["pointer"].as_str().unwrap().ends_with("/ehis_duty_from")));
    let text = dxer().args(["registry", "due", "--on", "2026-12-07"]).args(args).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("IS-VEIS (card): warning[DXER-X010]"), "{text}");
    let early = dxer().args(["registry", "due", "--json", "--on", "2026-03-03"]).args(args).output().unwrap();
    let early: Vec<Value> = serde_json::from_slice(&early.stdout).unwrap();
    assert!(early.iter().all(|f| f["code"] != "DXER-X010"), "{early:?}");
}

#[test]
fn registry_stats_html_is_one_page_with_the_most_used_services() {
    let dir = "tests/fixtures/stats/seed-004";
    let out = dxer()
        .args(["registry", "stats", "--html", "--top", "3", "--usage"])
        .arg(format!("{dir}/usage.json"))
        .arg(format!("{dir}/registry.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"az\">") && page.ends_with("</html>\n"));
    assert!(page.contains("<svg ") && !page.contains("<script") && !page.contains("src="));
    assert!(page.contains("<td>Adın mənası</td>") && page.contains("<td class=\"n\">672</td>"));
    assert!(page.contains("<td>Sığortaolunanlar tərəfindən məlumatların əldə edilməsi</td>"), "third");
    assert!(!page.contains("PİN-ə görə fərdi məlumatların axtarışı</td>"), "the fourth is past --top 3");

    let text = dxer()
        .args(["registry", "stats", "--usage"])
        .arg(format!("{dir}/usage.json"))
        .arg(format!("{dir}/registry.jsonl"))
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("most used:") && text.contains("  1.        672  DX-403001  Adın mənası (EN)"), "{text}");

    let bad = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(bad.path(), "[1, 2]").unwrap();
    dxer()
        .args(["registry", "stats", "--usage"])
        .arg(bad.path())
        .arg(format!("{dir}/registry.jsonl"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("usage file"));
    dxer().args(["registry", "stats", "--csv", "--html", VALID]).assert().code(2);
}

#[test]
fn limits_are_findings_and_can_be_raised_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(VALID)).unwrap()).unwrap();
    let ground = record["reglament"]["procedure"]["refusal_grounds"][0].clone();
    record["reglament"]["procedure"]["refusal_grounds"] = serde_json::Value::Array(vec![ground; 10_001]);
    let long = dir.path().join("long-list.json");
    std::fs::write(&long, serde_json::to_string(&record).unwrap()).unwrap();

    dxer()
        .args(["validate", "--format", "json"])
        .arg(&long)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"DXER-J003\""))
        .stdout(predicate::str::contains("/reglament/procedure/refusal_grounds"));
    dxer().args(["validate", "--max-list-items", "10001"]).arg(&long).assert().code(0);
    dxer()
        .args(["validate", "--max-string-bytes", "4"])
        .arg(VALID)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DXER-J003"));
    dxer()
        .args(["validate", "--max-list-items", "many"])
        .arg(VALID)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--max-list-items"));

    // A registry file is one JSON text: over --max-input-bytes it is refused whole, raised it loads.
    let size = std::fs::metadata(root().join(VALID)).unwrap().len();
    let small = (size / 2).to_string();
    let total = |out: &[u8]| -> String {
        let text = String::from_utf8_lossy(out).to_string();
        text.lines().find(|l| l.starts_with("TOTAL")).map(|l| l.split_whitespace().nth(1).unwrap().to_string()).unwrap()
    };
    let refused = dxer().args(["registry", "stats", "--max-input-bytes", &small, VALID]).output().unwrap();
    assert!(String::from_utf8_lossy(&refused.stderr).contains("error[DXER-J003]"), "{refused:?}");
    assert_eq!(total(&refused.stdout), "0");
    let loaded = dxer().args(["registry", "stats", "--max-input-bytes", &size.to_string(), VALID]).output().unwrap();
    assert!(loaded.stderr.is_empty(), "{loaded:?}");
    assert_eq!(total(&loaded.stdout), "1");
}

/// A syntax error is placed where the text breaks (not at line 1, column 1), in the human report and in
/// SARIF; in JSON Lines, within the whole file; a byte order mark shifts nothing.
#[test]
fn a_syntax_error_is_located_where_the_text_breaks() {
    let file = "tests/hostile/json/syntax-error.json";
    let cases: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/hostile/json/cases.json")).unwrap()).unwrap();
    let case = cases["cases"].as_array().unwrap().iter().find(|c| c["file"] == "syntax-error.json").unwrap();
    let (line, column) = (case["position"]["line"].as_u64().unwrap(), case["position"]["column"].as_u64().unwrap());
    assert!(line > 1);
    dxer()
        .args(["validate", file])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!("DXER-J001] / ({file}:{line}:{column})")));
    let out = dxer().args(["validate", "--format", "sarif", file]).output().unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(line), Some(column)));
    // Behind a byte order mark, on the third line of a JSON Lines file.
    let dir = tempfile::tempdir().unwrap();
    let record: Value = serde_json::from_str(&std::fs::read_to_string(root().join(VALID)).unwrap()).unwrap();
    let path = dir.path().join("batch.jsonl");
    std::fs::write(&path, format!("\u{FEFF}{record}\n{record}\n{{\"a\": 1 \"b\": 2}}\n")).unwrap();
    let out = dxer().args(["validate", "--format", "sarif"]).arg(&path).output().unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let broken = results.iter().find(|r| r["ruleId"] == "DXER-J001").unwrap();
    let region = &broken["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(3), Some(9)));
    assert!(results.iter().any(|r| r["ruleId"] == "DXER-J005" && r["level"] == "note"));
}
