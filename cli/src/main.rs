//! `dxer`: validate, convert, render, deadlines and statistics over DXER record files.
//!
//! Exit codes: 0 success; 1 findings of error severity; 2 usage or I/O error.
#![deny(unsafe_code)] // but for the UTF-8 check of JSON Lines pieces (`pieces::utf8`)

mod commands;
mod input;
mod load;
mod output;
mod pieces;
mod report;
mod term;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use dxer::calendar::{Calendar, Period};
use dxer::convert::publish::Publication;
use dxer::{CodeLists, Lang, Options};
use serde_json::{Map, Value};

use input::InputError;

/// mimalloc, without transparent huge pages: faster than the system allocator for validation's many small
/// strings, at the same peak memory (cli/Cargo.toml, benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const VALIDATE_EXAMPLES: &str = "\
Examples:
  dxer validate examples/records/identity-card.json
  dxer validate examples/records/            # every *.json / *.jsonl below, in parallel
  dxer validate registry.jsonl --lang az     # one record per line; messages in Azerbaijani
  cat record.json | dxer validate -          # standard input
  dxer validate records/ --format sarif > dxer.sarif   # for code hosts
  dxer validate r.json --rule-level DXER-E005=off --today 2026-11-25

Exit status: 0 no errors, 1 some record has errors, 2 usage or I/O error.";

const DEADLINE_EXAMPLES: &str = "\
Examples:
  dxer deadline --from 2026-05-06 --working-days 30   # 2026-06-24: the submission duty
  dxer deadline --from 2026-05-06 --working-days 7    # 2026-05-18
  dxer deadline --from 2026-06-10 --days 20           # calendar days; ends on a working day
  dxer deadline --from 2026-01-31 --months 1";

const CALENDAR_EXAMPLES: &str = "\
Examples:
  dxer calendar 2026             # days off of 2026 with the reason for each
  dxer calendar 2026 --format json
  dxer calendar 2030 --data my-2030.json   # your own year data (same format as schemas/calendar/az-calendar.json)";

/// Validate, convert and reason about records of Azerbaijan's State Services Electronic Registry (DXER).
#[derive(Parser)]
#[command(name = "dxer", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate records (files, folders, JSON Lines, `-` for stdin) and report findings.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
    /// Convert records to CPSV-AP, schema.org, open data (CSV, JSON Lines) or a rendered reglament.
    #[command(after_help = CONVERT_EXAMPLES)]
    Convert(ConvertArgs),
    /// The registry as a whole: statistics, cross-record checks, due and overdue duties.
    #[command(subcommand)]
    Registry(RegistryCommand),
    /// Compute a deadline: a date plus working days, calendar days or months.
    #[command(after_help = DEADLINE_EXAMPLES)]
    Deadline(DeadlineArgs),
    /// List the days off of a year with the reason for each.
    #[command(after_help = CALENDAR_EXAMPLES)]
    Calendar(CalendarArgs),
    /// Print or write the published JSON Schemas.
    #[command(after_help = "Examples:\n  dxer schema record\n  dxer schema --out schemas-copy/")]
    Schema(SchemaArgs),
    /// List the rule catalogue.
    #[command(after_help = "Examples:\n  dxer rules\n  dxer rules --format json --lang ru")]
    Rules(RulesArgs),
    /// Print shell completions.
    #[command(
        after_help = "Examples:\n  dxer completions bash > /etc/bash_completion.d/dxer\n  dxer completions zsh > ~/.zfunc/_dxer"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

const CONVERT_EXAMPLES: &str = "\
Examples:
  dxer convert --to cpsv examples/records/identity-card.json            # to standard output
  dxer convert --to html examples/records/ -o out/                      # one page per record
  dxer convert --to csv examples/records/registry.jsonl -o services.csv  # open data, one row per service
  dxer convert --to md --lang en examples/records/driving-licence.json -o driving-licence.md
  dxer convert --to jsonl --internal examples/records/registry.jsonl -o full.jsonl  # the registry's own copy

An invalid record is not converted: its errors are printed and the exit status is 1.
By default a conversion publishes: only registered or amended records with open_data true, each once, and
none of the signer, the e-signature reference, the review or the history. The records left out are named
on standard error. --internal exports every record with every field (not open data).
An existing output is replaced only with --force, an input never; a symbolic link
at an output's name is refused; two inputs with the same output name are both refused.
A failure does not stop the other records: a summary ends the run, and the exit
status is 2 when an input could not be read or an output not written.";

const REGISTRY_EXAMPLES: &str = "\
Examples:
  dxer registry stats examples/records/registry.jsonl
  dxer registry stats examples/records/ --csv > stats.csv
  dxer registry stats examples/records/ --html --usage usage.json > stats.html
  dxer registry check examples/records/registry.jsonl --cards information-systems.json
  dxer registry due --on 2026-11-25 examples/records/";

#[derive(clap::Args)]
struct ConvertArgs {
    /// Target format.
    #[arg(long, value_enum)]
    to: commands::To,
    /// Files, folders or `-` (standard input).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output file (one record, or csv/jsonl) or folder (several records). An existing file is not
    /// replaced (see --force), an input never; a symbolic link at an output's name is refused.
    #[arg(short, long)]
    out: Option<PathBuf>,
    /// Replace existing output files (never an input of the run, never through a symbolic link).
    #[arg(long)]
    force: bool,
    /// Language of rendered text and of error messages.
    #[arg(long, value_parser = lang_parser(), default_value = "az")]
    lang: Lang,
    /// Export every record (any status, open_data or not) with every field, the signer, e-signature
    /// reference, review and history included: the registry's internal copy, not open data.
    #[arg(long)]
    internal: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// The input limits of the library (each exceeded limit is a DXER-J003 finding).
#[derive(clap::Args, Clone)]
#[command(next_help_heading = "Limits")]
struct LimitArgs {
    /// Largest JSON text accepted, in bytes [default: 16 MiB]. Applies to each file or JSON array, and to each
    /// line of JSON Lines.
    #[arg(long, value_name = "BYTES", value_parser = number, allow_negative_numbers = true)]
    max_input_bytes: Option<serde_json::Number>,
    /// Deepest nesting of arrays and objects [default: 64].
    #[arg(long, value_name = "LEVELS", value_parser = number, allow_negative_numbers = true)]
    max_depth: Option<serde_json::Number>,
    /// Most items in one array or members in one object [default: 10000].
    #[arg(long, value_name = "N", value_parser = number, allow_negative_numbers = true)]
    max_list_items: Option<serde_json::Number>,
    /// Largest string or member name, in bytes of UTF-8 [default: 1 MiB].
    #[arg(long, value_name = "BYTES", value_parser = number, allow_negative_numbers = true)]
    max_string_bytes: Option<serde_json::Number>,
}

/// A number as JSON reads it (the core's options contract checks its range).
fn number(text: &str) -> Result<serde_json::Number, String> {
    serde_json::from_str(text).map_err(|_| format!("{text:?} is not a number"))
}

impl LimitArgs {
    /// These limits as members of the serialised options (see [`Options::from_value`]).
    fn members(&self, map: &mut Map<String, Value>) {
        for (name, value) in [
            ("max_input_bytes", &self.max_input_bytes),
            ("max_depth", &self.max_depth),
            ("max_list_items", &self.max_list_items),
            ("max_string_bytes", &self.max_string_bytes),
        ] {
            if let Some(n) = value {
                map.insert(name.to_string(), Value::Number(n.clone()));
            }
        }
    }

    /// The core's options with these limits, checked by the core's contract.
    fn options(&self) -> Result<Options, InputError> {
        let mut map = Map::new();
        self.members(&mut map);
        core_options(map)
    }
}

/// Options from their serialised form, through the core's one contract (the same as Python's and
/// WebAssembly's): a refusal is a usage error naming the option.
fn core_options(map: Map<String, Value>) -> Result<Options, InputError> {
    Options::from_value(Value::Object(map)).map_err(|e| InputError(format!("options: {e}")))
}

#[derive(clap::Args)]
struct RegistryArgs {
    /// Files (JSON: one record or an array; JSON Lines) or folders.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Information-system registration cards (a JSON array).
    #[arg(long)]
    cards: Option<PathBuf>,
    /// Language of the messages.
    #[arg(long, value_parser = lang_parser(), default_value = "en")]
    lang: Lang,
    /// A newer provider code list.
    #[arg(long)]
    providers: Option<PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Subcommand)]
enum RegistryCommand {
    /// Per-provider counts of services, like the 2013 e-government bulletin's tables.
    #[command(after_help = REGISTRY_EXAMPLES)]
    Stats {
        #[command(flatten)]
        args: RegistryArgs,
        /// CSV instead of a table.
        #[arg(long, conflicts_with = "html")]
        csv: bool,
        /// One self-contained HTML page (tables and bar charts, nothing fetched) instead of a table.
        #[arg(long)]
        html: bool,
        /// Count overdue duties on this date (YYYY-MM-DD).
        #[arg(long)]
        on: Option<NaiveDate>,
        /// Usage counts for the most used services: a JSON object, service code -> count.
        #[arg(long, value_name = "FILE")]
        usage: Option<PathBuf>,
        /// How many of the most used services to list.
        #[arg(long, default_value_t = 10)]
        top: usize,
    },
    /// Cross-record findings: duplicate codes, dangling components, dissolved providers, unregistered systems.
    #[command(after_help = REGISTRY_EXAMPLES)]
    Check {
        #[command(flatten)]
        args: RegistryArgs,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Duties overdue or due soon on a date (submission 30, review 7, fix 7 working days; with --cards also
    /// the card application, 20 days, and the EHİS data supply, 6 months).
    #[command(after_help = REGISTRY_EXAMPLES)]
    Due {
        #[command(flatten)]
        args: RegistryArgs,
        /// The day to look from (YYYY-MM-DD).
        #[arg(long)]
        on: NaiveDate,
        /// Working days left under which a duty is "due soon".
        #[arg(long, default_value_t = 2)]
        margin: u32,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// The core's languages as a clap argument (its possible values listed in the help and completions).
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Lang::ALL.map(Lang::as_str)).try_map(|s| s.parse::<Lang>())
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Auto,
    Record,
    Reglament,
}

#[derive(clap::Args)]
struct ValidateArgs {
    /// Files, folders or `-` (standard input).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Language of the messages.
    #[arg(long, value_parser = lang_parser(), default_value = "en")]
    lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// What the documents are [default: auto].
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// "Today" for date rules when a record has no submission date (YYYY-MM-DD).
    #[arg(long)]
    today: Option<NaiveDate>,
    /// A newer provider code list (the format of schemas/codelists/providers.json).
    #[arg(long)]
    providers: Option<PathBuf>,
    /// Change a rule's severity: CODE=error|warning|info|off (repeatable).
    #[arg(long = "rule-level", value_name = "CODE=LEVEL")]
    rule_levels: Vec<String>,
    /// Hours in a working day, to compare step time limits in hours with limits in working days
    /// [default: 8].
    #[arg(long, value_name = "HOURS", value_parser = number, allow_negative_numbers = true)]
    hours_per_working_day: Option<serde_json::Number>,
    /// Most applicant-attribute combinations the variant check enumerates (DXER-V005 beyond) [default: 4096].
    #[arg(long, value_name = "N", value_parser = number, allow_negative_numbers = true)]
    max_variant_combinations: Option<serde_json::Number>,
    /// Options as a JSON object, the same as Python's and JavaScript's (e.g. {"rule_levels":
    /// {"DXER-E005": "off"}, "max_depth": 32}); the other flags override it.
    #[arg(long, value_name = "FILE.json")]
    options: Option<PathBuf>,
    /// Read standard input as JSON Lines (one record per line).
    #[arg(long)]
    jsonl: bool,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("period").required(true).args(["working_days", "days", "months"])))]
struct DeadlineArgs {
    /// The event date; counting starts the day after (YYYY-MM-DD).
    #[arg(long)]
    from: NaiveDate,
    /// A period in working days.
    #[arg(long)]
    working_days: Option<u32>,
    /// A period in calendar days (ends on the next working day if it ends on a day off).
    #[arg(long)]
    days: Option<u32>,
    /// A period in months.
    #[arg(long)]
    months: Option<u32>,
    /// Extra or replacement year data (the format of schemas/calendar/az-calendar.json).
    #[arg(long)]
    data: Option<PathBuf>,
}

#[derive(clap::Args)]
struct CalendarArgs {
    /// The year.
    year: i32,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: TextOrJson,
    /// Language of the reasons in text output.
    #[arg(long, value_parser = lang_parser(), default_value = "en")]
    lang: Lang,
    /// Extra or replacement year data (the format of schemas/calendar/az-calendar.json).
    #[arg(long)]
    data: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum TextOrJson {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaName {
    Record,
    Reglament,
}

#[derive(clap::Args)]
struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum, default_value = "record")]
    name: SchemaName,
    /// Write every published schema into this folder instead of printing one.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: RulesFormat,
    /// Language of the message templates.
    #[arg(long, value_parser = lang_parser(), default_value = "en")]
    lang: Lang,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => validate(args),
        Command::Convert(args) => convert(args),
        Command::Registry(cmd) => registry(cmd),
        Command::Deadline(args) => deadline(args),
        Command::Calendar(args) => calendar(args),
        Command::Schema(args) => schema(args),
        Command::Rules(args) => rules(args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "dxer", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            term::warn(&format!("dxer: {e}"));
            ExitCode::from(2)
        }
    }
}

/// A file the command itself reads (provider list, usage, calendar data), at most the default input limit.
pub(crate) fn read_text(path: &std::path::Path, what: &str) -> Result<String, InputError> {
    input::read_text(path, what, Options::default().max_input_bytes)
}

fn with_providers(mut opts: Options, providers: &Option<PathBuf>) -> Result<Options, InputError> {
    if let Some(path) = providers {
        let text = read_text(path, "provider list")?;
        let lists = CodeLists::built_in().with_providers_json(&text).map_err(|e| InputError(e.to_string()))?;
        opts.codelists = Arc::new(lists);
    }
    Ok(opts)
}

fn convert(args: ConvertArgs) -> Result<ExitCode, InputError> {
    let opts = args.limits.options()?;
    let inputs = input::collect(&args.paths, false, opts.max_input_bytes);
    if inputs.units.is_empty() {
        inputs.report_failures()?;
    }
    commands::convert(
        &inputs,
        args.to,
        args.out.as_ref(),
        args.lang.as_str(),
        &opts,
        args.force,
        Publication::internal(args.internal),
    )
}

fn registry(cmd: RegistryCommand) -> Result<ExitCode, InputError> {
    let load = |args: &RegistryArgs| -> Result<_, InputError> {
        let opts = with_providers(args.limits.options()?, &args.providers)?;
        load::load_registry(&args.paths, args.cards.as_ref(), &opts, args.lang.as_str())
    };
    let calendar = Calendar::azerbaijan();
    match cmd {
        RegistryCommand::Stats { args, csv, html, on, usage, top } => {
            let usage = match &usage {
                Some(path) => serde_json::from_str(&read_text(path, "usage file")?).map_err(|e| {
                    InputError(format!("usage file {}: expected {{\"service code\": count}}: {e}", term::name(path)))
                })?,
                None => Default::default(),
            };
            let loaded = load(&args)?;
            let format = if html {
                commands::StatsFormat::Html
            } else if csv {
                commands::StatsFormat::Csv
            } else {
                commands::StatsFormat::Text
            };
            let code = commands::stats(&loaded.registry, format, on, calendar, &usage, top)?;
            Ok(loaded.exit(code))
        }
        RegistryCommand::Check { args, json } => {
            let loaded = load(&args)?;
            let code = commands::check(&loaded.registry, json, args.lang.as_str())?;
            Ok(loaded.exit(if loaded.errors { ExitCode::from(1) } else { code }))
        }
        RegistryCommand::Due { args, on, margin, json } => {
            let loaded = load(&args)?;
            let policy = dxer::registry::workflow::Policy { due_soon_margin: margin, ..Default::default() };
            let code = commands::due(&loaded.registry, on, &policy, calendar, json, args.lang.as_str())?;
            Ok(loaded.exit(code))
        }
    }
}

/// The options of `validate`: the options file, the flags over it, checked by the core's contract.
fn options(args: &ValidateArgs) -> Result<Options, InputError> {
    let mut map = match &args.options {
        Some(path) => {
            let text = read_text(path, "options file")?;
            let opts =
                Options::from_json(&text).map_err(|e| InputError(format!("options file {}: {e}", term::name(path))))?;
            match opts.to_value() {
                Value::Object(map) => map,
                _ => Map::new(),
            }
        }
        None => Map::new(),
    };
    if let Some(kind) = args.kind {
        let name = match kind {
            Kind::Auto => "auto",
            Kind::Record => "record",
            Kind::Reglament => "reglament",
        };
        map.insert("kind".into(), name.into());
    }
    if let Some(today) = args.today {
        map.insert("today".into(), today.format("%Y-%m-%d").to_string().into());
    }
    if !args.rule_levels.is_empty() {
        let levels = map.entry("rule_levels").or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(levels) = levels {
            for spec in &args.rule_levels {
                let (code, level) = spec
                    .split_once('=')
                    .ok_or_else(|| InputError(format!("--rule-level {spec:?}: expected CODE=LEVEL")))?;
                levels.insert(code.to_string(), level.into());
            }
        }
    }
    for (name, value) in [
        ("hours_per_working_day", &args.hours_per_working_day),
        ("max_variant_combinations", &args.max_variant_combinations),
    ] {
        if let Some(n) = value {
            map.insert(name.into(), Value::Number(n.clone()));
        }
    }
    args.limits.members(&mut map);
    with_providers(core_options(map)?, &args.providers)
}

fn validate(args: ValidateArgs) -> Result<ExitCode, InputError> {
    let opts = options(&args)?;
    let inputs = input::collect(&args.paths, args.jsonl, opts.max_input_bytes);
    inputs.report_failures()?;
    let units = &inputs.units;
    let show_progress = !args.quiet && std::io::stderr().is_terminal() && units.len() >= 50;
    let bar = if show_progress {
        let bar = indicatif::ProgressBar::new(units.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} records ({per_sec}, {eta} left)")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let reports = input::par_map(units, |u| u.validate(&opts), &tick);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let lang = args.lang.as_str();
    let text = match args.format {
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            };
            report::human(units, &reports, lang, report::Style { color })
        }
        Format::Json => report::json(units, &reports),
        Format::Sarif => report::sarif(units, &reports, lang),
    };
    write_stdout(&text)?;
    if !inputs.failures.is_empty() {
        // Said again after the report, which may have scrolled them away.
        term::warn(&format!("dxer: {} input(s) could not be read (see above)", inputs.failures.len()));
        return Ok(ExitCode::from(2));
    }
    Ok(if reports.iter().all(|r| r.ok) { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub(crate) fn write_stdout(text: &str) -> Result<(), InputError> {
    let mut out = std::io::stdout().lock();
    let result =
        out.write_all(text.as_bytes()).and_then(|_| if text.ends_with('\n') { Ok(()) } else { out.write_all(b"\n") });
    match result {
        // A closed pipe (`dxer ... | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| InputError(format!("cannot write output: {e}"))),
    }
}

/// Human-readable text on standard output, escaped for the terminal ([`term::clean`]).
pub(crate) fn write_human(text: &str) -> Result<(), InputError> {
    write_stdout(&term::clean(text))
}

fn load_calendar(data: &Option<PathBuf>) -> Result<Calendar, InputError> {
    let base = Calendar::azerbaijan().clone();
    match data {
        None => Ok(base),
        Some(path) => {
            let text = read_text(path, "calendar data")?;
            base.with_years_from_json(&text).map_err(|e| InputError(format!("calendar data {}: {e}", term::name(path))))
        }
    }
}

fn deadline(args: DeadlineArgs) -> Result<ExitCode, InputError> {
    let cal = load_calendar(&args.data)?;
    let period = match (args.working_days, args.days, args.months) {
        (Some(n), None, None) => Period::WorkingDays(n),
        (None, Some(n), None) => Period::CalendarDays(n),
        (None, None, Some(n)) => Period::Months(n),
        _ => return Err(InputError("give exactly one of --working-days, --days, --months".into())),
    };
    let due = cal.add(args.from, period).map_err(|e| InputError(e.to_string()))?;
    write_stdout(&due.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn calendar(args: CalendarArgs) -> Result<ExitCode, InputError> {
    let cal = load_calendar(&args.data)?;
    let days = cal.days_off(args.year).map_err(|e| InputError(e.to_string()))?;
    let text = match args.format {
        TextOrJson::Json => serde_json::to_string_pretty(&days).unwrap_or_default(),
        TextOrJson::Text => {
            let lang = args.lang.as_str();
            let mut out = format!("Days off in {} (besides ordinary Saturdays and Sundays):\n", args.year);
            for d in &days {
                let reasons: Vec<&str> = d
                    .reasons
                    .iter()
                    .map(|r| match lang {
                        "az" => r.az.as_str(),
                        "ru" => r.ru.as_str(),
                        _ => r.en.as_str(),
                    })
                    .collect();
                out.push_str(&format!("{} {}  {}\n", d.date, d.date.format("%a"), reasons.join("; ")));
            }
            out
        }
    };
    match args.format {
        TextOrJson::Json => write_stdout(&text)?,
        TextOrJson::Text => write_human(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn schema(args: SchemaArgs) -> Result<ExitCode, InputError> {
    let published = [
        ("record.schema.json", dxer::schema::RECORD_SCHEMA),
        ("reglament.schema.json", dxer::schema::REGLAMENT_SCHEMA),
    ];
    match args.out {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| InputError(format!("cannot create {}: {e}", dir.display())))?;
            for (name, text) in published {
                let path = dir.join(name);
                std::fs::write(&path, text).map_err(|e| InputError(format!("cannot write {}: {e}", path.display())))?;
                term::warn(&format!("wrote {}", term::name(&path)));
            }
        }
        None => write_stdout(match args.name {
            SchemaName::Record => published[0].1,
            SchemaName::Reglament => published[1].1,
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

fn rules(args: RulesArgs) -> Result<ExitCode, InputError> {
    let lang = args.lang.as_str();
    let text = match args.format {
        RulesFormat::Markdown => dxer::rules::markdown::markdown(),
        RulesFormat::Json => {
            let items: Vec<serde_json::Value> = dxer::rules::CATALOGUE
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code, "severity": r.severity, "title": r.title, "provision": r.provision.text,
                        "provenance": r.provision.provenance.as_str(),
                        "scope": format!("{:?}", r.scope()).to_lowercase(),
                        "message": {"az": r.az, "en": r.en, "ru": r.ru},
                    })
                })
                .collect();
            serde_json::to_string_pretty(&items).unwrap_or_default()
        }
        RulesFormat::Text => {
            let mut out = String::new();
            for r in dxer::rules::CATALOGUE {
                let message = match lang {
                    "az" => r.az,
                    "ru" => r.ru,
                    _ => r.en,
                };
                out.push_str(&format!(
                    "{}  {:<7}  {}\n    {}\n    provision ({}): {}\n",
                    r.code, r.severity, r.title, message, r.provision.provenance, r.provision.text
                ));
            }
            out
        }
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}
