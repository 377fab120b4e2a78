//! Output of `dxer validate`: human (grouped by file, coloured on a terminal), JSON and SARIF 2.1.0.

use std::fmt::Write as _;

use dxer::rules::CATALOGUE;
use dxer::{Report, Severity};
use serde_json::{json, Value};

use crate::input::Unit;
use crate::term;

/// Whether to colour human output.
#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Line and column of each finding of `report` in its unit: where the text breaks for a finding about the
/// text (its `position`), else where its pointer is found (all pointers located in one pass over the text).
/// A leading byte order mark is no column (the validator and editors read past it).
fn locations(unit: &Unit, report: &Report) -> Vec<Option<(usize, usize)>> {
    let found = match std::str::from_utf8(&unit.bytes) {
        Ok(text) => dxer::locate::positions(
            text.strip_prefix('\u{FEFF}').unwrap_or(text),
            report.findings.iter().map(|f| f.pointer.as_str()),
        ),
        Err(_) => vec![None; report.findings.len()],
    };
    report
        .findings
        .iter()
        .zip(found)
        .map(|(f, p)| f.position.or(p).map(|p| (unit.line.unwrap_or(1) + p.line - 1, p.column)))
        .collect()
}

pub fn human(units: &[Unit], reports: &[Report], lang: &str, style: Style) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos, mut failed) = (0, 0, 0, 0);
    for (unit, report) in units.iter().zip(reports) {
        // File names and record values may hold escape codes: escaped before the colours go on.
        let source = term::quote_lines(&unit.source);
        let e = report.error_count();
        let w = report.by_severity(Severity::Warning).count();
        let i = report.by_severity(Severity::Info).count();
        errors += e;
        warnings += w;
        infos += i;
        if !report.ok {
            failed += 1;
        }
        if report.findings.is_empty() {
            let _ = writeln!(out, "{}: {}", style.paint("1", &source), style.paint("32", "ok"));
            continue;
        }
        let _ = writeln!(out, "{}: {e} error(s), {w} warning(s), {i} info", style.paint("1", &source));
        for (f, location) in report.findings.iter().zip(locations(unit, report)) {
            let (word, colour) = match f.severity {
                Severity::Error => ("error", "31;1"),
                Severity::Warning => ("warning", "33;1"),
                Severity::Info => ("info", "36;1"),
            };
            let pointer = term::quote_lines(if f.pointer.is_empty() { "/" } else { f.pointer.as_str() });
            let at = match (location, &unit.path) {
                (Some((line, col)), Some(path)) => format!(" ({}:{line}:{col})", term::name(path)),
                (Some((line, col)), None) => format!(" (-:{line}:{col})"),
                (None, _) => String::new(),
            };
            let _ = writeln!(
                out,
                "  {}{} {}{at}",
                style.paint(colour, word),
                style.paint("1", &format!("[{}]", f.code)),
                pointer
            );
            let _ = writeln!(out, "      {}", term::clean(f.message.get(lang)));
            if let Some(fix) = &f.fix {
                let _ = writeln!(out, "      {} {}", style.paint("32", "fix:"), term::clean(&format!("{fix:?}")));
            }
            let _ = writeln!(
                out,
                "      {} {}",
                style.paint("2", "provision:"),
                style.paint("2", &term::clean(&f.provision))
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} record(s): {} with errors; {errors} error(s), {warnings} warning(s), {infos} info",
        units.len(),
        failed
    );
    out
}

pub fn json(units: &[Unit], reports: &[Report]) -> String {
    let items: Vec<Value> = units
        .iter()
        .zip(reports)
        .map(|(u, r)| {
            let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
            v["source"] = json!(u.source);
            v
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_default()
}

pub fn sarif(units: &[Unit], reports: &[Report], lang: &str) -> String {
    let rules: Vec<Value> = CATALOGUE
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.title,
                "shortDescription": {"text": r.title},
                "fullDescription": {"text": format!("{} — {}", r.title, r.provision.text)},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"provision": r.provision.text, "provenance": r.provision.provenance.as_str()},
            })
        })
        .collect();
    let mut results = Vec::new();
    for (unit, report) in units.iter().zip(reports) {
        for (f, location) in report.findings.iter().zip(locations(unit, report)) {
            let rule_index = CATALOGUE.iter().position(|r| r.code == f.code);
            let mut physical = json!({"artifactLocation": {"uri": uri(unit)}});
            if let Some((line, column)) = location {
                physical["region"] = json!({"startLine": line, "startColumn": column});
            }
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": {"text": f.message.get(lang)},
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{"fullyQualifiedName": f.pointer, "kind": "member"}],
                }],
                "properties": {"pointer": f.pointer, "provision": f.provision, "messages": f.message},
            });
            if let Some(i) = rule_index {
                result["ruleIndex"] = json!(i);
            }
            if let Some(fix) = &f.fix {
                result["properties"]["fix"] = json!(fix);
            }
            results.push(result);
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "dxer",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://dxer.az/",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn uri(unit: &Unit) -> String {
    match &unit.path {
        Some(p) => p.display().to_string().replace('\\', "/"),
        None => "stdin".to_string(),
    }
}
