//! Exports record files as CPSV-AP 3.2.0 JSON-LD (`dxer::convert::cpsv::to_jsonld`).
//!
//! `cargo run -q -p dxer --example export_cpsv -- [--internal] OUTDIR FILE...`
//!
//! Writes `OUTDIR/<stem>.jsonld` for every input that validates and that the publication policy exports
//! (`dxer::convert::publish`: by default only registered or amended `open_data` records, without private
//! fields; `--internal` exports every record, complete, as the SHACL check of every fixture needs); an
//! invalid input is refused with its findings, a withheld one is named, and nothing is written for them. Exit code: 0 when every file was exported, 1 when any input is
//! invalid, 2 on a usage or I/O error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dxer::convert::cpsv;
use dxer::convert::publish::Publication;
use dxer::{parse_record, Options, Severity};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: export_cpsv [--internal] OUTDIR FILE...");
        return ExitCode::SUCCESS;
    }
    let publication = Publication::internal(args.first().is_some_and(|a| a == "--internal"));
    if publication == Publication::Internal {
        args.remove(0);
    }
    let Some((out_dir, files)) = args.split_first().filter(|(_, files)| !files.is_empty()) else {
        eprintln!("usage: export_cpsv [--internal] OUTDIR FILE...");
        return ExitCode::from(2);
    };
    let out_dir = PathBuf::from(out_dir);
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        eprintln!("{}: cannot create: {e}", out_dir.display());
        return ExitCode::from(2);
    }
    let opts = Options::default();
    let (mut invalid, mut io_failed) = (false, false);
    for file in files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                io_failed = true;
                continue;
            }
        };
        let record = match parse_record(bytes.as_slice(), &opts) {
            Ok(valid) => valid.value,
            Err(report) => {
                invalid = true;
                println!("{file}: invalid, not exported ({} error(s))", report.error_count());
                for f in report.by_severity(Severity::Error) {
                    let pointer = if f.pointer.is_empty() { "/" } else { &f.pointer };
                    println!("  error[{}] {pointer}: {}", f.code, f.message.en);
                }
                continue;
            }
        };
        let stem = Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        // A fixture directory holds `input.json`: name the export after the directory.
        let stem = match (stem.as_str(), Path::new(file).parent().and_then(Path::file_name)) {
            ("input", Some(dir)) => dir.to_string_lossy().into_owned(),
            _ => stem,
        };
        let target = out_dir.join(format!("{stem}.jsonld"));
        let doc = match cpsv::to_jsonld(&record, publication) {
            Ok(doc) => doc,
            Err(withheld) => {
                println!("{file}: not exported: {withheld}");
                continue;
            }
        };
        // A `serde_json::Value` always serializes.
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        match std::fs::write(&target, text + "\n") {
            Ok(()) => println!("{file}: exported to {}", target.display()),
            Err(e) => {
                eprintln!("{}: cannot write: {e}", target.display());
                io_failed = true;
            }
        }
    }
    if io_failed {
        ExitCode::from(2)
    } else if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
