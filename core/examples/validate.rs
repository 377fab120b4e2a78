//! Validates record files and prints a readable report.
//!
//! `cargo run --release --example validate -- examples/records/*.json [--lang az|en|ru]`
//!
//! Exit code: 0 when every file may be submitted, 1 when any has an error, 2 on a usage or I/O error.

use std::process::ExitCode;

use dxer::{validate, Options, Severity};

fn main() -> ExitCode {
    let mut lang = String::from("en");
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => lang = args.next().unwrap_or_default(),
            "-h" | "--help" => {
                println!("usage: validate [--lang az|en|ru] FILE...");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() || !matches!(lang.as_str(), "az" | "en" | "ru") {
        eprintln!("usage: validate [--lang az|en|ru] FILE...");
        return ExitCode::from(2);
    }
    let opts = Options::default();
    let (mut errors, mut io_failed) = (0usize, false);
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                io_failed = true;
                continue;
            }
        };
        let report = validate(bytes.as_slice(), &opts);
        let verdict = if report.ok { "may be submitted" } else { "has errors" };
        println!("{file}: {} finding(s), {verdict}", report.findings.len());
        for f in &report.findings {
            let mark = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let pointer = if f.pointer.is_empty() { "/" } else { &f.pointer };
            println!("  {mark}[{}] {pointer}", f.code);
            println!("      {}", f.message.get(&lang));
            if let Some(fix) = &f.fix {
                println!("      fix: {fix:?}");
            }
            println!("      provision: {}", f.provision);
        }
        errors += report.error_count();
    }
    if io_failed {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
