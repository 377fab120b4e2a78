//! The collection of all records: loading, indexes and cross-record findings (`DXER-X…`).
//!
//! A [`Registry`] is built from text the caller passes in (the library does no I/O): one JSON record, a
//! JSON array of records, or JSON Lines. Every item is validated with [`crate::validate`]; an item that
//! does not parse or does not have the record's structure (`DXER-J…`/`DXER-S…` findings) is kept as a
//! [`LoadProblem`] and not indexed, a record with other errors is indexed *and* listed as a problem.
//! Loading never panics and its result does not depend on the number of threads.
//!
//! Choices [choice: the statute's cross-record rules are not public]:
//! - "the service" of a record id is its **latest version** (highest `version`; of two equal versions, the
//!   one loaded first); older versions are history;
//! - a service is **in force** unless its latest version is `terminated` or `archived`; the checks on
//!   references (`X002`, `X003`, `X005`) and on providers (`X004`) look only at services in force, since a
//!   withdrawn service's references no longer matter;
//! - `X001` looks at every version: a service code, once given to a record id, is not given to another.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::infosystem::{parse_cards, CardProblem, InformationSystem};
use crate::codelists::ProviderStatus;
use crate::model::{Record, RecordStatus};
use crate::report::{DocumentKind, Finding, Report, Severity};
use crate::rules::finding;
use crate::{Options, RuleLevel};

/// One record held by the registry, with its own validation report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The record.
    pub record: Record,
    /// Line (1-based) where it starts in the text it was loaded from; `None` for records passed as values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Position (0-based) among the items of the text or vector it was loaded from.
    pub index: usize,
    /// What [`crate::validate`] reports on the record by itself (possibly warnings only).
    pub report: Report,
}

/// An item that did not load cleanly: it does not parse, lacks the record's structure (not indexed), or
/// has errors of its own (indexed all the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadProblem {
    /// Line (1-based) where the item starts in its text; `None` for records passed as values and for a text
    /// that is not JSON at all (the `DXER-J001` finding then says where it breaks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Position (0-based) among the items of the text or vector.
    pub index: usize,
    /// The item's `record_id`, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// The item's `version`, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// Whether the record was indexed in spite of its findings (it has the record's structure).
    pub indexed: bool,
    /// The item's own findings; their pointers, and the line and column a `DXER-J001` names, are relative
    /// to the item (add `line - 1` to a JSON Lines item's line).
    pub findings: Vec<Finding>,
}

/// What one load added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LoadSummary {
    /// Items read (records, array elements or non-blank lines).
    pub items: usize,
    /// Records indexed.
    pub indexed: usize,
    /// Items listed as problems (not indexed, or indexed with errors).
    pub problems: usize,
}

/// A cross-record finding, located at one record version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryFinding {
    /// The record concerned.
    pub record_id: String,
    /// Its version.
    pub version: u32,
    /// Line where that record starts in the text it was loaded from, when it came from text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The finding; its `pointer` is inside the record.
    #[serde(flatten)]
    pub finding: Finding,
}

/// All records of the registry, indexed by service code and by provider, with the registration cards of
/// the information systems.
///
/// ```
/// use dxer::registry::Registry;
///
/// let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
/// let mut record: serde_json::Value = serde_json::from_str(&text).unwrap();
/// let first = record.to_string();
/// record["record_id"] = "REC-2026-000102".into(); // a second record ...
/// let second = record.to_string(); // ... with the same service code DX-000101
/// let jsonl = format!("{first}\n{{not json\n{second}\n");
///
/// let registry = Registry::from_json_lines(&jsonl);
/// assert_eq!(registry.len(), 2);
/// let broken = &registry.problems()[0];
/// assert_eq!((broken.line, broken.indexed), (Some(2), false));
/// assert_eq!(broken.findings[0].code, "DXER-J001");
/// assert_eq!(registry.by_service_code("DX-000101").count(), 2);
///
/// let findings = registry.check();
/// let codes: Vec<(&str, &str)> =
///     findings.iter().map(|f| (f.record_id.as_str(), f.finding.code.as_str())).collect();
/// // Both records claim DX-000101, and no card registers the IS-IAMAS system they use.
/// assert_eq!(
///     codes,
///     [
///         ("REC-2026-000101", "DXER-X005"),
///         ("REC-2026-000101", "DXER-X001"),
///         ("REC-2026-000102", "DXER-X005"),
///         ("REC-2026-000102", "DXER-X001"),
///     ]
/// );
/// assert_eq!(findings[1].finding.message.en, "Service code DX-000101 is also used by record REC-2026-000102.");
///
/// let stats = registry.stats();
/// assert_eq!(stats.rows[0].provider, "DIN");
/// assert_eq!(stats.totals.services, 2);
/// ```
#[derive(Debug, Clone)]
pub struct Registry {
    opts: Options,
    entries: Vec<Entry>,
    problems: Vec<LoadProblem>,
    by_service: BTreeMap<String, Vec<usize>>,
    by_provider: BTreeMap<String, Vec<usize>>,
    systems: Vec<InformationSystem>,
    system_problems: Vec<CardProblem>,
}

impl Default for Registry {
    fn default() -> Self {
        Registry::new()
    }
}

/// The outcome of loading one item.
struct Loaded {
    line: Option<usize>,
    report: Report,
    // Not boxed: a 1.5 KB allocation per record costs glibc more than moving it (each such request
    // consolidates the small chunks freed since the last one).
    record: Option<Record>,
    record_id: Option<String>,
    version: Option<u32>,
}

impl Registry {
    /// An empty registry validating with `Options::default()`.
    pub fn new() -> Registry {
        Registry::with_options(Options::default())
    }

    /// An empty registry validating with `opts` (its code lists, `today` and rule levels also apply to the
    /// cross-record findings). Records are always validated as records, whatever `opts.kind` says.
    pub fn with_options(mut opts: Options) -> Registry {
        opts.kind = DocumentKind::Record;
        Registry {
            opts,
            entries: Vec::new(),
            problems: Vec::new(),
            by_service: BTreeMap::new(),
            by_provider: BTreeMap::new(),
            systems: Vec::new(),
            system_problems: Vec::new(),
        }
    }

    /// A registry of the records in `text`: one JSON record or a JSON array of records.
    pub fn from_json(text: &str) -> Registry {
        let mut r = Registry::new();
        r.load_json(text);
        r
    }

    /// A registry of the records in `text`, one JSON record per line (JSON Lines; blank lines are skipped).
    pub fn from_json_lines(text: &str) -> Registry {
        let mut r = Registry::new();
        r.load_json_lines(text);
        r
    }

    /// A registry of typed records.
    pub fn from_records(records: Vec<Record>) -> Registry {
        let mut r = Registry::new();
        r.add_records(records);
        r
    }

    /// The options records are validated with.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Loads one JSON record or a JSON array of records. A text that is not JSON at all is one problem
    /// (`DXER-J001` with its line and column); otherwise each array element is validated on its own and
    /// its problems carry the line where the element starts.
    pub fn load_json(&mut self, text: &str) -> LoadSummary {
        if text.len() > self.opts.max_input_bytes {
            let report = crate::validate(text, &self.opts);
            return self.absorb(vec![Loaded { line: None, report, record: None, record_id: None, version: None }]);
        }
        // A syntax check without building values; elements are parsed one by one afterwards. When it
        // fails, the validator's input layer says where (line and column in the whole text).
        if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
            let report = crate::validate(text, &self.opts);
            return self.absorb(vec![Loaded { line: None, report, record: None, record_id: None, version: None }]);
        }
        let items = split_top_level(text);
        let opts = &self.opts;
        let loaded = map_parallel_blocks(&items, |item| load_item(item, opts));
        self.absorb_blocks(loaded)
    }

    /// Loads JSON Lines: one record per line; blank lines are skipped, line numbers count every line.
    pub fn load_json_lines(&mut self, text: &str) -> LoadSummary {
        let items: Vec<Item<'_>> = text
            .split('\n')
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| Item { line: i + 1, text: l.strip_suffix('\r').unwrap_or(l) })
            .collect();
        let opts = &self.opts;
        let loaded = map_parallel_blocks(&items, |item| load_item(item, opts));
        self.absorb_blocks(loaded)
    }

    /// Validates and adds typed records (in parallel on native targets).
    pub fn add_records(&mut self, records: Vec<Record>) -> LoadSummary {
        let opts = &self.opts;
        let reports = map_parallel(&records, |record| validate_record(record, opts));
        let loaded = records
            .into_iter()
            .zip(reports)
            .map(|(record, report)| {
                let (record_id, version) = (Some(record.record_id.to_string()), Some(record.version));
                let record = if structurally_invalid(&report) { None } else { Some(record) };
                Loaded { line: None, report, record, record_id, version }
            })
            .collect();
        self.absorb(loaded)
    }

    /// Validates and adds one record; returns its report. A record without the record's structure
    /// (`DXER-S…` findings, e.g. an empty required list) is not indexed.
    pub fn add(&mut self, record: Record) -> Report {
        let report = validate_record(&record, &self.opts);
        let (record_id, version) = (Some(record.record_id.to_string()), Some(record.version));
        let record = if structurally_invalid(&report) { None } else { Some(record) };
        self.absorb(vec![Loaded { line: None, report: report.clone(), record, record_id, version }]);
        report
    }

    fn absorb(&mut self, loaded: Vec<Loaded>) -> LoadSummary {
        self.absorb_blocks(vec![loaded])
    }

    fn absorb_blocks(&mut self, blocks: Vec<Vec<Loaded>>) -> LoadSummary {
        let items = blocks.iter().map(Vec::len).sum();
        let mut summary = LoadSummary { items, ..LoadSummary::default() };
        self.entries.reserve(items);
        for (index, item) in blocks.into_iter().flatten().enumerate() {
            let indexed = item.record.is_some();
            if !item.report.ok || !indexed {
                summary.problems += 1;
                self.problems.push(LoadProblem {
                    line: item.line,
                    index,
                    record_id: item.record_id,
                    version: item.version,
                    indexed,
                    findings: item.report.findings.clone(),
                });
            }
            if let Some(record) = item.record {
                summary.indexed += 1;
                let at = self.entries.len();
                self.by_service.entry(record.reglament.general.service_code.to_string()).or_default().push(at);
                self.by_provider.entry(record.reglament.general.provider.to_string()).or_default().push(at);
                self.entries.push(Entry { record, line: item.line, index, report: item.report });
            }
        }
        summary
    }

    /// Number of records indexed (every version counts).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no record is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every indexed record with its report, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every indexed record, in load order.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.entries.iter().map(|e| &e.record)
    }

    /// Items that did not load cleanly, in load order.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// Records (every version) with this service code, in load order.
    pub fn by_service_code<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Record> + 'a {
        self.indexed(self.by_service.get(code))
    }

    /// Records (every version) of this provider code, in load order.
    pub fn by_provider<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Record> + 'a {
        self.indexed(self.by_provider.get(code))
    }

    fn indexed<'a>(&'a self, at: Option<&'a Vec<usize>>) -> impl Iterator<Item = &'a Record> + 'a {
        at.into_iter().flatten().map(move |i| &self.entries[*i].record)
    }

    /// The distinct service codes, sorted.
    pub fn service_codes(&self) -> impl Iterator<Item = &str> {
        self.by_service.keys().map(String::as_str)
    }

    /// The distinct provider codes, sorted.
    pub fn provider_codes(&self) -> impl Iterator<Item = &str> {
        self.by_provider.keys().map(String::as_str)
    }

    /// The latest version of a record id (of two equal versions, the one loaded first).
    pub fn latest(&self, record_id: &str) -> Option<&Record> {
        let mut best: Option<&Record> = None;
        for r in self.records().filter(|r| r.record_id.as_str() == record_id) {
            if best.is_none_or(|b| r.version > b.version) {
                best = Some(r);
            }
        }
        best
    }

    /// The latest version of every record id, sorted by record id.
    pub fn latest_versions(&self) -> impl Iterator<Item = &Record> {
        self.latest_entries().into_values().map(|i| &self.entries[i].record)
    }

    /// Record id → index of the entry holding its latest version.
    pub(crate) fn latest_entries(&self) -> BTreeMap<&str, usize> {
        let mut latest: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            latest
                .entry(e.record.record_id.as_str())
                .and_modify(|best| {
                    if e.record.version > self.entries[*best].record.version {
                        *best = i;
                    }
                })
                .or_insert(i);
        }
        latest
    }

    /// Adds the registration cards in `text` (a JSON array of [`InformationSystem`]s) and returns the
    /// problems found; a card with a structural problem, or repeating the code of a card already held, is
    /// not added. The problems are also kept ([`Registry::information_system_problems`]).
    pub fn add_information_systems_json(&mut self, text: &str) -> Vec<CardProblem> {
        let (cards, mut problems) = parse_cards(text, &self.opts);
        for (index, card) in cards {
            if self.systems.iter().any(|c| c.code == card.code) {
                problems.push(CardProblem::structural(
                    Some(index),
                    Some(card.code.to_string()),
                    format!("/{index}/code"),
                    format!("information system {} has a card already", card.code),
                ));
            } else {
                self.systems.push(card);
            }
        }
        problems.sort_by_key(|p| p.index);
        self.system_problems.extend(problems.iter().cloned());
        problems
    }

    /// Adds one registration card; `false` when a card with its code is held already (nothing changes).
    pub fn add_information_system(&mut self, card: InformationSystem) -> bool {
        if self.systems.iter().any(|c| c.code == card.code) {
            return false;
        }
        self.systems.push(card);
        true
    }

    /// The registration cards held, in load order.
    pub fn information_systems(&self) -> &[InformationSystem] {
        &self.systems
    }

    /// The card of an information system.
    pub fn information_system(&self, code: &str) -> Option<&InformationSystem> {
        self.systems.iter().find(|c| c.code.as_str() == code)
    }

    /// Problems met while adding cards, in load order.
    pub fn information_system_problems(&self) -> &[CardProblem] {
        &self.system_problems
    }

    /// Cross-record findings, sorted by record id, version, pointer and code:
    /// - `DXER-X001`: a service code used by more than one record id (every version counts; each record id
    ///   involved gets a finding at its latest version carrying the code, naming the others);
    /// - `DXER-X002`: a component (`/reglament/general/components/i`) of a service in force that no record
    ///   has as its service code;
    /// - `DXER-X003`: a component whose service is no longer provided (the latest version of every record
    ///   with that code is terminated or archived);
    /// - `DXER-X004`: one per dissolved or renamed provider that still has services in force, with their
    ///   number and today's successor from the code list, located at the first of those services (by
    ///   record id);
    /// - `DXER-X005`: an information system (`/eservice/information_systems/i`) of a service in force with
    ///   no registration card in the registry;
    /// - `DXER-X006`: a (record id, version) loaded more than once (at every copy after the first).
    ///
    /// The options' `rule_levels` apply.
    pub fn check(&self) -> Vec<RegistryFinding> {
        let latest = self.latest_entries();
        let mut out = Vec::new();
        self.check_duplicate_versions(&mut out);
        self.check_duplicate_codes(&mut out);
        self.check_components(&latest, &mut out);
        self.check_providers(&latest, &mut out);
        self.check_information_systems(&latest, &mut out);
        let mut out = apply_levels(&self.opts, out);
        out.sort_by(|a, b| {
            (a.record_id.as_str(), a.version, a.finding.pointer.as_str(), a.finding.code.as_str()).cmp(&(
                b.record_id.as_str(),
                b.version,
                b.finding.pointer.as_str(),
                b.finding.code.as_str(),
            ))
        });
        out
    }

    pub(crate) fn locate(&self, at: usize, finding: Finding) -> RegistryFinding {
        let e = &self.entries[at];
        RegistryFinding { record_id: e.record.record_id.to_string(), version: e.record.version, line: e.line, finding }
    }

    fn check_duplicate_versions(&self, out: &mut Vec<RegistryFinding>) {
        let mut seen: BTreeSet<(&str, u32)> = BTreeSet::new();
        for (i, e) in self.entries.iter().enumerate() {
            let (id, version) = (e.record.record_id.as_str(), e.record.version);
            if !seen.insert((id, version)) {
                let f = finding("DXER-X006", "/version", &[("record_id", id), ("version", &version.to_string())]);
                out.push(self.locate(i, f));
            }
        }
    }

    fn check_duplicate_codes(&self, out: &mut Vec<RegistryFinding>) {
        for (code, at) in &self.by_service {
            // Record id → its latest entry carrying this code.
            let mut holders: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in at {
                let r = &self.entries[i].record;
                holders
                    .entry(r.record_id.as_str())
                    .and_modify(|best| {
                        if r.version > self.entries[*best].record.version {
                            *best = i;
                        }
                    })
                    .or_insert(i);
            }
            if holders.len() < 2 {
                continue;
            }
            for (&id, &i) in &holders {
                let others: Vec<&str> = holders.keys().copied().filter(|o| *o != id).collect();
                let f = finding(
                    "DXER-X001",
                    "/reglament/general/service_code",
                    &[("code", code), ("other", &others.join(", "))],
                );
                out.push(self.locate(i, f));
            }
        }
    }

    fn check_components(&self, latest: &BTreeMap<&str, usize>, out: &mut Vec<RegistryFinding>) {
        for &i in latest.values() {
            let r = &self.entries[i].record;
            if !in_force(r.status) {
                continue;
            }
            for (n, component) in r.reglament.general.components.iter().enumerate() {
                let pointer = format!("/reglament/general/components/{n}");
                let Some(at) = self.by_service.get(component.as_str()) else {
                    out.push(self.locate(i, finding("DXER-X002", &pointer, &[("code", component.as_str())])));
                    continue;
                };
                // The services with this code: the latest version of each record id that ever had it.
                let ids: BTreeSet<&str> = at.iter().map(|&j| self.entries[j].record.record_id.as_str()).collect();
                let statuses: Vec<RecordStatus> =
                    ids.iter().filter_map(|id| latest.get(id)).map(|&j| self.entries[j].record.status).collect();
                if let Some(status) = statuses.first().filter(|_| statuses.iter().all(|s| !in_force(*s))) {
                    let args = [("code", component.as_str()), ("status", status.code())];
                    out.push(self.locate(i, finding("DXER-X003", &pointer, &args)));
                }
            }
        }
    }

    fn check_providers(&self, latest: &BTreeMap<&str, usize>, out: &mut Vec<RegistryFinding>) {
        let lists = &self.opts.codelists;
        // Provider code → (first entry by record id, number of services in force).
        let mut held: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for &i in latest.values() {
            let r = &self.entries[i].record;
            if in_force(r.status) {
                held.entry(r.reglament.general.provider.as_str()).or_insert((i, 0)).1 += 1;
            }
        }
        for (code, (first, count)) in held {
            let Some(provider) = lists.provider(code) else { continue };
            if provider.status == ProviderStatus::Active {
                continue;
            }
            let heirs: Vec<&str> = lists.current_successors(code).iter().map(|p| p.code.as_str()).collect();
            let successor = if heirs.is_empty() { "—".to_string() } else { heirs.join(", ") };
            let args = [("provider", code), ("count", &count.to_string()), ("successor", successor.as_str())];
            out.push(self.locate(first, finding("DXER-X004", "/reglament/general/provider", &args)));
        }
    }

    fn check_information_systems(&self, latest: &BTreeMap<&str, usize>, out: &mut Vec<RegistryFinding>) {
        let registered: BTreeSet<&str> = self.systems.iter().map(|c| c.code.as_str()).collect();
        for &i in latest.values() {
            let r = &self.entries[i].record;
            let Some(es) = r.eservice.as_ref().filter(|_| in_force(r.status)) else { continue };
            for (n, code) in es.information_systems.iter().enumerate() {
                if !registered.contains(code.as_str()) {
                    let pointer = format!("/eservice/information_systems/{n}");
                    out.push(self.locate(i, finding("DXER-X005", &pointer, &[("code", code.as_str())])));
                }
            }
        }
    }
}

/// Whether a service with this status is still provided (not terminated or archived).
pub(crate) fn in_force(status: RecordStatus) -> bool {
    !matches!(status, RecordStatus::Terminated | RecordStatus::Archived)
}

/// The caller's per-code overrides, as [`crate::validate`] applies them.
pub(crate) fn apply_levels(opts: &Options, findings: Vec<RegistryFinding>) -> Vec<RegistryFinding> {
    if opts.rule_levels.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .filter_map(|mut f| {
            f.finding.severity = match opts.rule_levels.get(&f.finding.code) {
                Some(RuleLevel::Off) => return None,
                Some(RuleLevel::Error) => Severity::Error,
                Some(RuleLevel::Warning) => Severity::Warning,
                Some(RuleLevel::Info) => Severity::Info,
                None => f.finding.severity,
            };
            Some(f)
        })
        .collect()
}

/// One item of a text: where it starts and its text.
struct Item<'a> {
    line: usize,
    text: &'a str,
}

fn validate_record(record: &Record, opts: &Options) -> Report {
    // A typed record always serialises (its map keys are strings); were it ever not to, `null` is reported
    // as not being a record instead of a panic.
    crate::validate(&serde_json::to_value(record).unwrap_or(Value::Null), opts)
}

fn structurally_invalid(report: &Report) -> bool {
    report.findings.iter().any(|f| f.code.starts_with("DXER-J") || f.code.starts_with("DXER-S"))
}

fn load_item(item: &Item<'_>, opts: &Options) -> Loaded {
    let line = Some(item.line);
    if item.text.len() > opts.max_input_bytes {
        let report = crate::validate(item.text, opts);
        return Loaded { line, report, record: None, record_id: None, version: None };
    }
    // A record the schema accepts goes straight into its type (the same report, without a `Value`).
    if let Some((report, crate::rules::Subject::Record(record))) =
        crate::direct::validate_source(item.text, DocumentKind::Record, opts)
    {
        let (record_id, version) = (Some(record.record_id.as_str().to_string()), Some(record.version));
        return Loaded { line, report, record: Some(record), record_id, version };
    }
    let value: Value = match serde_json::from_str(item.text) {
        Ok(v) => v,
        Err(_) => {
            // The validator's input layer locates the break (line and column within the item).
            let report = crate::validate(item.text, opts);
            return Loaded { line, report, record: None, record_id: None, version: None };
        }
    };
    let (report, record) = crate::validate::validate_record_value(&value, opts);
    let record_id = value.get("record_id").and_then(Value::as_str).map(str::to_string);
    let version = value.get("version").and_then(Value::as_u64).and_then(|v| u32::try_from(v).ok());
    Loaded { line, report, record, record_id, version }
}

/// The top-level items of a syntactically valid JSON text: the elements of an array, or the one value.
fn split_top_level(text: &str) -> Vec<Item<'_>> {
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let mut line = 1 + bytes[..start].iter().filter(|b| **b == b'\n').count();
    if bytes.get(start) != Some(&b'[') {
        return vec![Item { line, text: text[start..].trim_end() }];
    }
    let mut items = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut item_start: Option<(usize, usize)> = None; // (offset, line)
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        let boundary = depth == 1 && matches!(b, b',' | b']');
        if boundary {
            if let Some((s, l)) = item_start.take() {
                items.push(Item { line: l, text: text[s..i].trim_end() });
            }
            if b == b']' {
                break;
            }
            continue;
        }
        if depth == 1 && item_start.is_none() && !b.is_ascii_whitespace() {
            item_start = Some((i, line));
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    items
}

/// Maps `f` over `items` and returns the results in the order of `items`, whatever the number of threads.
///
/// On native targets the work is shared by `available_parallelism()` threads (the calling thread being one
/// of them): each takes the next block of items until none is left, so a slow or descheduled thread does
/// not hold the others up, and a thread that cannot be spawned only means fewer workers. WebAssembly has no
/// threads: there it runs sequentially.
fn map_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let blocks = map_parallel_blocks(items, f);
    if blocks.len() == 1 {
        return blocks.into_iter().next().unwrap_or_default();
    }
    let mut out = Vec::with_capacity(items.len());
    blocks.into_iter().for_each(|block| out.extend(block));
    out
}

/// Like [`map_parallel`], the results left in the blocks the threads made (in order): a registry moves
/// each record once more into its entries, not through a whole second copy of every result.
fn map_parallel_blocks<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Vec<R>> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        // Below a few items per thread, spawning costs more than it saves.
        if threads > 1 && items.len() >= 4 * threads {
            let block = items.len().div_ceil(threads * 8).clamp(1, 256);
            let blocks: Vec<&[T]> = items.chunks(block).collect();
            let next = AtomicUsize::new(0);
            let work = || {
                let mut done: Vec<(usize, Vec<R>)> = Vec::new();
                loop {
                    let b = next.fetch_add(1, Ordering::Relaxed);
                    let Some(part) = blocks.get(b) else { break };
                    done.push((b, part.iter().map(&f).collect()));
                }
                done
            };
            let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
                let helpers: Vec<_> =
                    (1..threads).filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok()).collect();
                let mut done = work();
                for helper in helpers {
                    match helper.join() {
                        Ok(part) => done.extend(part),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
                done
            });
            done.sort_unstable_by_key(|(b, _)| *b);
            return done.into_iter().map(|(_, part)| part).collect();
        }
    }
    vec![items.iter().map(f).collect()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_items_carry_their_lines() {
        let text = "[\n  {\"a\": \"x,]\\\"\"},\n  {\"b\": [1, {\"c\": 2}]}, 3\n]";
        let items = split_top_level(text);
        let got: Vec<(usize, &str)> = items.iter().map(|i| (i.line, i.text)).collect();
        assert_eq!(got, [(2, "{\"a\": \"x,]\\\"\"}"), (3, "{\"b\": [1, {\"c\": 2}]}"), (3, "3")]);
        assert!(split_top_level("[]").is_empty());
        let one = split_top_level("\n\n  {\"a\": 1}\n");
        assert_eq!((one[0].line, one[0].text), (3, "{\"a\": 1}"));
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(map_parallel(&items, |i| i * 2), items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }
}
