//! `dxer convert` and `dxer registry …`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use dxer::calendar::Calendar;
use dxer::convert::publish::{select, Publication, Withheld};
use dxer::convert::{cpsv, opendata, render, schema_org};
use dxer::model::Record;
use dxer::registry::workflow::{due_findings, Policy};
use dxer::registry::Registry;
use dxer::{Finding, Options};

use crate::input::{self, InputError, Inputs, Unit};
use crate::output::Writer;
use crate::term;

/// Output formats of `dxer convert`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// CPSV-AP 3.2.0 JSON-LD.
    Cpsv,
    /// schema.org GovernmentService JSON-LD.
    SchemaOrg,
    /// Open-data CSV, one row per service (all inputs in one file).
    Csv,
    /// JSON Lines, one record per line (all inputs in one file; public fields only unless --internal).
    Jsonl,
    /// The rendered reglament as a self-contained HTML page.
    Html,
    /// The rendered reglament as Markdown.
    Md,
}

impl To {
    fn extension(self) -> &'static str {
        match self {
            To::Cpsv => "cpsv.jsonld",
            To::SchemaOrg => "schema.jsonld",
            To::Csv => "csv",
            To::Jsonl => "jsonl",
            To::Html => "html",
            To::Md => "md",
        }
    }

    /// Whether every input goes into one output.
    fn combined(self) -> bool {
        matches!(self, To::Csv | To::Jsonl)
    }

    /// One record in this format, as `publication` shows it (the record was chosen by `select`).
    fn one(self, record: &Record, lang: &str, opts: &Options, publication: Publication) -> Result<String, Withheld> {
        let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap_or_default();
        let lists = &opts.codelists;
        Ok(match self {
            To::Cpsv => pretty(cpsv::to_jsonld_with(record, publication, lists)?),
            To::SchemaOrg => pretty(schema_org::to_jsonld_in(record, lang, lists, publication)?),
            To::Html => render::to_html_with(record, lang, lists, publication)?,
            To::Md => render::to_markdown_with(record, lang, lists, publication)?,
            To::Csv => opendata::to_csv_with(std::slice::from_ref(record), publication, lists).output,
            To::Jsonl => opendata::to_jsonl(std::slice::from_ref(record), publication).output,
        })
    }
}

fn print_refusal(unit: &Unit, findings: &[Finding], lang: &str) {
    term::warn(&format!("{}: not converted: the record has errors", term::quote_lines(&unit.source)));
    for f in findings.iter().filter(|f| f.severity == dxer::Severity::Error) {
        let pointer = if f.pointer.is_empty() { "/" } else { &f.pointer };
        term::warn(&format!("  error[{}] {pointer}: {}", f.code, f.message.get(lang)));
    }
}

/// Output file name of one unit inside a folder: the file stem, the JSON Lines line, the extension.
fn output_name(unit: &Unit, to: To) -> String {
    let stem = match &unit.path {
        Some(p) => {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("record");
            // Fixture folders hold `input.json`: name the output after the folder instead.
            if stem == "input" {
                p.parent().and_then(|d| d.file_name()).and_then(|s| s.to_str()).unwrap_or(stem).to_string()
            } else {
                stem.to_string()
            }
        }
        None => "stdin".to_string(),
    };
    match unit.line {
        Some(line) => format!("{stem}-{line}.{}", to.extension()),
        None => format!("{stem}.{}", to.extension()),
    }
}

/// Says on stderr which records the export left out and why (the core's policy decided).
fn print_withheld(withheld: &[Withheld], units: &[&Unit], total: usize, publication: Publication, lang: &str) {
    if withheld.is_empty() {
        return;
    }
    let how = match publication {
        Publication::Public => {
            "open data: only registered or amended records with open_data true; --internal exports all"
        }
        Publication::Internal => "internal export",
    };
    term::warn(&format!("withheld {} of {total} records ({how}):", withheld.len()));
    for w in withheld {
        let source = units.get(w.index).map(|u| term::quote_lines(&u.source)).unwrap_or_else(|| "-".into());
        term::warn(&format!("  {source}: {} version {}: {}", w.record_id, w.version, w.reason.message(lang)));
    }
}

/// `dxer convert`: every record `publication` exports (each once) that it can, then a summary of those it could not, on standard error. Exit
/// status: 2 when an input could not be read or an output not written, else 1 when a record was refused
/// for its errors, else 0.
pub fn convert(
    inputs: &Inputs,
    to: To,
    out: Option<&PathBuf>,
    lang: &str,
    opts: &Options,
    force: bool,
    publication: Publication,
) -> Result<ExitCode, InputError> {
    let units = &inputs.units;
    let parsed: Vec<Option<Record>> = input::par_map(
        units,
        |u| match u.oversize {
            Some(_) => Err(u.validate(opts).findings),
            None => match dxer::parse_record(u.bytes.as_slice(), opts) {
                Ok(valid) => Ok(valid.value),
                Err(report) => Err(report.findings),
            },
        },
        &|| {},
    )
    .into_iter()
    .zip(units)
    .map(|(result, unit)| match result {
        Ok(record) => Some(record),
        Err(findings) => {
            print_refusal(unit, &findings, lang);
            None
        }
    })
    .collect();
    // (source, reason) of each input not converted or output not written.
    let mut failed: Vec<(String, String)> = inputs.failures.iter().map(|f| (String::new(), f.clone())).collect();
    let mut unwritten = failed.len();
    failed.extend(
        units.iter().zip(&parsed).filter(|(_, r)| r.is_none()).map(|(u, _)| (u.source.clone(), "has errors".into())),
    );
    let refused = parsed.iter().any(Option::is_none);
    let writer = Writer::new(force, units.iter().filter_map(|u| u.path.as_deref()));
    let mut write_failures = 0;
    let mut write =
        |failed: &mut Vec<(String, String)>, source: &str, path: &Path, text: &str| match writer.write(path, text) {
            Ok(()) => true,
            Err(reason) => {
                write_failures += 1;
                failed.push((source.to_string(), reason));
                false
            }
        };
    let (records, valid_units): (Vec<Record>, Vec<&Unit>) =
        parsed.into_iter().zip(units).filter_map(|(r, u)| r.map(|r| (r, u))).unzip();
    // The core decides what is published; the same choice for every format.
    let chosen = select(&records, publication);
    print_withheld(&chosen.withheld, &valid_units, records.len(), publication, lang);
    if to.combined() {
        let kept: Vec<Record> = chosen.records.iter().map(|r| (*r).clone()).collect();
        let text = match to {
            To::Csv => opendata::to_csv_with(&kept, publication, &opts.codelists).output,
            _ => opendata::to_jsonl(&kept, publication).output,
        };
        match out {
            Some(path) => {
                write(&mut failed, "", path, &text);
            }
            None => crate::write_stdout(&text)?,
        }
    } else {
        let mut converted: Vec<(&Unit, String)> = Vec::new();
        for (&i, record) in chosen.indexes.iter().zip(&chosen.records) {
            // `select` admitted the record, so the policy cannot refuse it here.
            let text = to.one(record, lang, opts, publication).map_err(|w| InputError(w.to_string()))?;
            converted.push((valid_units[i], text));
        }
        match out {
            None if converted.len() <= 1 => {
                if let Some((_, text)) = converted.first() {
                    crate::write_stdout(text)?;
                }
            }
            None => return Err(InputError("several records: name an output folder with -o".into())),
            Some(path) if units.len() == 1 && !path.is_dir() => {
                if let Some((unit, text)) = converted.first() {
                    write(&mut failed, &unit.source, path, text);
                }
            }
            Some(dir) => {
                let names: Vec<String> = converted.iter().map(|(u, _)| output_name(u, to)).collect();
                let mut collisions = 0;
                // Names that differ only in letter case are the same file on some systems: compared folded.
                let mut claims: BTreeMap<String, Vec<usize>> = BTreeMap::new();
                for (i, name) in names.iter().enumerate() {
                    claims.entry(name.to_lowercase()).or_default().push(i);
                }
                for (i, (unit, text)) in converted.iter().enumerate() {
                    let claimants = &claims[&names[i].to_lowercase()];
                    if claimants.len() > 1 {
                        let others: Vec<String> = claimants
                            .iter()
                            .filter(|j| **j != i)
                            .map(|j| term::quote_lines(&converted[*j].0.source))
                            .collect();
                        collisions += 1;
                        failed.push((
                            unit.source.clone(),
                            format!(
                                "its output name {} is also that of {}: neither written (convert them separately)",
                                term::quote_lines(&names[i]),
                                others.join(", ")
                            ),
                        ));
                        continue;
                    }
                    let path = dir.join(&names[i]);
                    if write(&mut failed, &unit.source, &path, text) {
                        term::warn(&format!("wrote {}", term::name(&path)));
                    }
                }
                unwritten += collisions;
            }
        }
    }
    if !failed.is_empty() {
        term::warn(&format!("dxer: {} input(s) not converted or output(s) not written:", failed.len()));
        for (source, reason) in &failed {
            match source.as_str() {
                "" => term::warn(&format!("  {reason}")),
                source => term::warn(&format!("  {}: {reason}", term::quote_lines(source))),
            }
        }
    }
    Ok(if unwritten + write_failures > 0 {
        ExitCode::from(2)
    } else if refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// How `dxer registry stats` writes the statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsFormat {
    Text,
    Csv,
    Html,
}

/// `dxer registry stats`.
pub fn stats(
    registry: &Registry,
    format: StatsFormat,
    on: Option<NaiveDate>,
    calendar: &Calendar,
    usage: &BTreeMap<String, u64>,
    top: usize,
) -> Result<ExitCode, InputError> {
    let policy = Policy::default();
    let stats = registry.stats_with_usage(on.map(|date| (date, &policy, calendar)), usage, top);
    match format {
        StatsFormat::Csv => crate::write_stdout(&stats.to_csv())?,
        StatsFormat::Html => crate::write_stdout(&stats.to_html())?,
        StatsFormat::Text => crate::write_human(&stats_text(&stats))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn stats_text(stats: &dxer::registry::Stats) -> String {
    let header = [
        "provider", "services", "approved", "electr.", "in pers.", "mixed", "EHİS", "portal", "own site", "no auth",
        "e-pay", "free", "paid", "overdue", "name",
    ];
    let line = |cells: [&str; 15]| {
        let mut s = format!("{:<10}", cells[0]);
        for c in &cells[1..14] {
            s.push_str(&format!(" {c:>8}"));
        }
        s.push_str(&format!("  {}\n", cells[14]));
        s
    };
    let mut out = line(header);
    for row in stats.rows.iter().chain(std::iter::once(&stats.totals)) {
        let provider = if row.provider.is_empty() { "TOTAL" } else { row.provider.as_str() };
        let overdue = row.overdue_duties.map(|n| n.to_string()).unwrap_or_else(|| "-".into());
        let n = [
            row.services,
            row.approved,
            row.electronic,
            row.in_person,
            row.mixed,
            row.ehis_integrated,
            row.on_portal,
            row.on_own_site,
            row.without_authentication,
            row.e_payment,
            row.free,
            row.paid,
        ]
        .map(|v| v.to_string());
        out.push_str(&line([
            provider,
            &n[0],
            &n[1],
            &n[2],
            &n[3],
            &n[4],
            &n[5],
            &n[6],
            &n[7],
            &n[8],
            &n[9],
            &n[10],
            &n[11],
            &overdue,
            &row.provider_name_az,
        ]));
    }
    if !stats.most_used.is_empty() {
        out.push_str("\nmost used:\n");
        for m in &stats.most_used {
            out.push_str(&format!(
                "{:>3}. {:>10}  {}  {} ({})\n",
                m.rank, m.count, m.service_code, m.name_az, m.provider
            ));
        }
    }
    if !stats.usage_not_in_registry.is_empty() {
        out.push_str(&format!("usage of services not in the registry: {}\n", stats.usage_not_in_registry.join(", ")));
    }
    out
}

fn print_findings(rows: &[(String, u32, Finding)], json: bool, lang: &str) -> Result<(), InputError> {
    if json {
        let items: Vec<serde_json::Value> = rows.iter().map(|(id, version, f)| finding_json(id, *version, f)).collect();
        return crate::write_stdout(&serde_json::to_string_pretty(&items).unwrap_or_default());
    }
    let mut out = String::new();
    for (id, version, f) in rows {
        out.push_str(&finding_line(&format!("{id} v{version}"), f, lang));
    }
    out.push_str(&format!("{} finding(s)\n", rows.len()));
    crate::write_human(&out)
}

/// A record's finding in the JSON output: the finding with `record_id` and `version`.
fn finding_json(record_id: &str, version: u32, f: &Finding) -> serde_json::Value {
    let mut v = serde_json::to_value(f).unwrap_or_default();
    v["record_id"] = record_id.into();
    v["version"] = version.into();
    v
}

/// One finding of a record (`REC-… v2`) or a card (`IS-… (card)`) in the text output.
fn finding_line(subject: &str, f: &Finding, lang: &str) -> String {
    let pointer = if f.pointer.is_empty() { "/" } else { &f.pointer };
    format!("{subject}: {}[{}] {pointer}\n    {}\n", f.severity, f.code, f.message.get(lang))
}

/// `dxer registry check`.
pub fn check(registry: &Registry, json: bool, lang: &str) -> Result<ExitCode, InputError> {
    let rows: Vec<(String, u32, Finding)> =
        registry.check().into_iter().map(|f| (f.record_id, f.version, f.finding)).collect();
    print_findings(&rows, json, lang)?;
    let errors = rows.iter().any(|(_, _, f)| f.severity == dxer::Severity::Error);
    Ok(if errors { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `dxer registry due`.
pub fn due(
    registry: &Registry,
    on: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
    json: bool,
    lang: &str,
) -> Result<ExitCode, InputError> {
    let mut rows = Vec::new();
    for record in registry.latest_versions() {
        for f in due_findings(&record, on, policy, calendar) {
            rows.push((record.record_id.to_string(), record.version, f));
        }
    }
    // The duties of the information systems whose cards were given (`--cards`): card application, EHİS supply.
    let systems = registry.system_findings(on, policy, calendar);
    if json {
        let mut items: Vec<serde_json::Value> =
            rows.iter().map(|(id, version, f)| finding_json(id, *version, f)).collect();
        items.extend(systems.iter().map(|s| serde_json::to_value(s).unwrap_or_default()));
        crate::write_stdout(&serde_json::to_string_pretty(&items).unwrap_or_default())?;
    } else {
        let mut out = String::new();
        for (id, version, f) in &rows {
            out.push_str(&finding_line(&format!("{id} v{version}"), f, lang));
        }
        for s in &systems {
            out.push_str(&finding_line(&format!("{} (card)", s.system), &s.finding, lang));
        }
        out.push_str(&format!("{} finding(s)\n", rows.len() + systems.len()));
        crate::write_human(&out)?;
    }
    // Overdue duties are warnings, undatable ones errors; "due soon" is information.
    let overdue = rows
        .iter()
        .map(|(_, _, f)| f)
        .chain(systems.iter().map(|s| &s.finding))
        .any(|f| f.severity != dxer::Severity::Info);
    Ok(if overdue { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
