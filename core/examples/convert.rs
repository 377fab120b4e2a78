//! Converts record files to schema.org JSON-LD, open-data CSV or JSON Lines, or a rendered reglament.
//!
//! ```sh
//! cargo run -p dxer --example convert -- --to schema-org|csv|jsonl|html|md [--lang az|en|ru] FILE... [-o OUT]
//! ```
//!
//! `csv` and `jsonl` write one output over all files. `schema-org`, `html` and `md` write one output per
//! file: to standard output, to `OUT` when there is one file, or into the directory `OUT` (created) as
//! `<file stem>.<jsonld|html|md>` when there are several. Every file is validated first
//! ([`dxer::parse_record`]); an invalid record is refused with its findings and not converted.
//!
//! Exit code: 0 when every file was converted, 1 when a record was refused, 2 on a usage or I/O error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dxer::convert::{opendata, render, schema_org};
use dxer::model::Record;
use dxer::{parse_record, Options, Severity};

const USAGE: &str = "usage: convert --to schema-org|csv|jsonl|html|md [--lang az|en|ru] FILE... [-o OUT]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    SchemaOrg,
    Csv,
    Jsonl,
    Html,
    Markdown,
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "schema-org" | "jsonld" => Format::SchemaOrg,
            "csv" => Format::Csv,
            "jsonl" => Format::Jsonl,
            "html" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            _ => return None,
        })
    }

    fn extension(self) -> &'static str {
        match self {
            Format::SchemaOrg => "jsonld",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }

    fn convert_one(self, record: &Record, lang: &str) -> String {
        match self {
            Format::SchemaOrg => {
                let ld = schema_org::to_jsonld_in(record, lang, &dxer::CodeLists::built_in());
                let mut text = serde_json::to_string_pretty(&ld).unwrap_or_default();
                text.push('\n');
                text
            }
            Format::Html => render::to_html(record, lang),
            Format::Markdown => render::to_markdown(record, lang),
            Format::Csv => opendata::to_csv(std::slice::from_ref(record)),
            Format::Jsonl => opendata::to_jsonl(std::slice::from_ref(record)),
        }
    }
}

fn write(out: Option<&Path>, text: &str) -> Result<(), String> {
    match out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let (mut format, mut lang, mut out, mut files) = (None, String::from("az"), None::<PathBuf>, Vec::new());
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--to" => format = args.next().as_deref().and_then(Format::parse),
            "--lang" => lang = args.next().unwrap_or_default(),
            "-o" | "--output" => out = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    let Some(format) = format else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if files.is_empty() || !matches!(lang.as_str(), "az" | "en" | "ru") {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let opts = Options::default();
    let (mut refused, mut io_failed) = (false, false);
    let mut records = Vec::new();
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: cannot read: {e}", file.display());
                io_failed = true;
                continue;
            }
        };
        match parse_record(bytes.as_slice(), &opts) {
            Ok(valid) => records.push((file.clone(), valid.value)),
            Err(report) => {
                refused = true;
                eprintln!("{}: not converted, the record is invalid:", file.display());
                for f in report.findings.iter().filter(|f| f.severity == Severity::Error) {
                    let pointer = if f.pointer.is_empty() { "/" } else { &f.pointer };
                    eprintln!("  error[{}] {pointer}: {}", f.code, f.message.get(&lang));
                }
            }
        }
    }

    let result = match format {
        Format::Csv | Format::Jsonl => {
            let all: Vec<Record> = records.into_iter().map(|(_, r)| r).collect();
            let text = if format == Format::Csv { opendata::to_csv(&all) } else { opendata::to_jsonl(&all) };
            write(out.as_deref(), &text)
        }
        _ if files.len() > 1 && out.is_some() => {
            let dir = out.unwrap_or_default();
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: cannot create: {e}", dir.display())).and_then(|()| {
                let stem = |f: &Path| f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                // Inputs with the same name (e.g. fixtures/*/input.json) are told apart by their folder.
                let mut stems: Vec<String> = files.iter().map(|f| stem(f)).collect();
                stems.sort();
                let unique = stems.windows(2).all(|w| w[0] != w[1]);
                records.iter().try_for_each(|(file, record)| {
                    let name = match file.parent().and_then(Path::file_name) {
                        Some(parent) if !unique => format!("{}-{}", parent.to_string_lossy(), stem(file)),
                        _ => stem(file),
                    };
                    let path = dir.join(format!("{name}.{}", format.extension()));
                    write(Some(&path), &format.convert_one(record, &lang))
                })
            })
        }
        _ => records.iter().try_for_each(|(_, record)| write(out.as_deref(), &format.convert_one(record, &lang))),
    };
    if let Err(message) = result {
        eprintln!("{message}");
        io_failed = true;
    }
    if io_failed {
        ExitCode::from(2)
    } else if refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
