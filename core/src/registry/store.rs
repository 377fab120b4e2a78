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

use super::infosystem::{parse_cards, CardProblem, InformationSystem};
use super::load::{
    ids_of, load_item, map_parallel, map_parallel_blocks, split_top_level, structurally_invalid, validate_record,
    ByteRange, Item, Loaded, Preceding, RecordInput, TextFormat,
};
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
    /// Where it was loaded from (a file name, as the caller named it); `None` when not named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Line (1-based) where it starts in the text it was loaded from; `None` for records passed as values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Its bytes in the text it was loaded from; `None` for records passed as values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<ByteRange>,
    /// Position (0-based) among the items of the text or vector it was loaded from.
    pub index: usize,
    /// What [`crate::validate`] reports on the record by itself (possibly warnings only).
    pub report: Report,
}

/// An item that did not load cleanly: it does not parse, lacks the record's structure (not indexed), or
/// has errors of its own (indexed all the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadProblem {
    /// Where it was loaded from (a file name, as the caller named it); `None` when not named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Line (1-based) where the item starts in its text; `None` for records passed as values and for a text
    /// that is not JSON at all (the `DXER-J001` finding then says where it breaks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Its bytes in the text it was loaded from; `None` for records passed as values and for a text that
    /// is not JSON at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<ByteRange>,
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
    /// Where that record was loaded from, when the load was named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
        self.load_text(None, text, TextFormat::Json)
    }

    /// Loads JSON Lines: one record per line; blank lines are skipped, line numbers count every line.
    pub fn load_json_lines(&mut self, text: &str) -> LoadSummary {
        self.load_text(None, text, TextFormat::JsonLines)
    }

    /// Loads the text of a file named `name`, in the format its name gives ([`TextFormat::for_name`]:
    /// `.jsonl`/`.ndjson` as JSON Lines, anything else as JSON). Its entries, problems and registry findings
    /// then carry `name` as their `source`, with the line and byte range of each item.
    ///
    /// ```
    /// use dxer::registry::Registry;
    ///
    /// let mut registry = Registry::new();
    /// let summary = registry.load_source("2026/registry.jsonl", "{}\n\n[1, 2\n");
    /// assert_eq!((summary.items, summary.indexed, summary.problems), (2, 0, 2));
    /// let broken = &registry.problems()[1];
    /// assert_eq!((broken.source.as_deref(), broken.line), (Some("2026/registry.jsonl"), Some(3)));
    /// assert_eq!(broken.bytes.map(|b| (b.start, b.end)), Some((4, 9)));
    /// ```
    pub fn load_source(&mut self, name: &str, text: &str) -> LoadSummary {
        self.load_text(Some(name), text, TextFormat::for_name(name))
    }

    /// Loads a text in the given format; `source` (e.g. its file name) is carried by what it adds.
    pub fn load_text(&mut self, source: Option<&str>, text: &str, format: TextFormat) -> LoadSummary {
        self.load_text_after(source, text, format, Preceding::default())
    }

    /// Loads one piece of a JSON Lines text read piece by piece (e.g. a file too large to hold whole):
    /// `piece` holds whole lines, exactly as in the text (blank lines and line ends included), and
    /// `before` says what of the text came before it, so that lines, byte ranges and indexes are those of
    /// the whole text, as [`Registry::load_text`] would give them.
    ///
    /// ```
    /// use dxer::registry::{Preceding, Registry};
    ///
    /// let mut registry = Registry::new();
    /// registry.load_json_lines_piece(Some("big.jsonl"), "{}\n\n", Preceding::default());
    /// registry.load_json_lines_piece(Some("big.jsonl"), "[1\n", Preceding { lines: 2, bytes: 4, items: 1 });
    /// let broken = &registry.problems()[1];
    /// assert_eq!((broken.line, broken.index), (Some(3), 1));
    /// assert_eq!(broken.bytes.map(|b| (b.start, b.end)), Some((4, 6)));
    /// ```
    pub fn load_json_lines_piece(&mut self, source: Option<&str>, piece: &str, before: Preceding) -> LoadSummary {
        self.load_text_after(source, piece, TextFormat::JsonLines, before)
    }

    fn load_text_after(
        &mut self,
        source: Option<&str>,
        text: &str,
        format: TextFormat,
        before: Preceding,
    ) -> LoadSummary {
        let whole = |this: &mut Registry| {
            let report = crate::validate(text, &this.opts);
            let item = Loaded { line: None, bytes: None, report, record: None, record_id: None, version: None };
            this.absorb_from(source, vec![vec![item]], before.items)
        };
        // A leading byte order mark is read past: reported (`DXER-J005`) with the first item of a JSON text,
        // and by the validator with the first line of JSON Lines.
        let (body, bom) = match format {
            TextFormat::Json => crate::validate::strip_bom(text),
            TextFormat::JsonLines => (text, false),
        };
        let items: Vec<Item<'_>> = match format {
            TextFormat::Json => {
                let text = body;
                // A syntax check without building values; elements are parsed one by one afterwards. When
                // it fails, the validator's input layer says where (line and column in the whole text).
                if text.len() > self.opts.max_input_bytes
                    || serde_json::from_str::<serde::de::IgnoredAny>(text).is_err()
                {
                    return whole(self);
                }
                split_top_level(text)
            }
            TextFormat::JsonLines => text
                .split('\n')
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| Item { line: before.lines + i + 1, text: l.strip_suffix('\r').unwrap_or(l) })
                .collect(),
        };
        let opts = &self.opts;
        let base = text.as_ptr() as usize;
        let loaded = map_parallel_blocks(&items, |item| {
            let start = before.bytes + (item.text.as_ptr() as usize - base);
            Loaded { bytes: Some(ByteRange { start, end: start + item.text.len() }), ..load_item(item, opts) }
        });
        let mut loaded = loaded;
        if let Some(first) = loaded.iter_mut().flatten().next().filter(|_| bom) {
            let mark = crate::validate::bom_finding();
            let empty = crate::report::Report::new(first.report.kind, Vec::new());
            let report = std::mem::replace(&mut first.report, empty);
            first.report = crate::validate::with_findings(report, vec![mark], opts);
        }
        self.absorb_from(source, loaded, before.items)
    }

    /// Loads records given one by one, as texts or values (e.g. the items of a Python list or a JS array):
    /// each is validated on its own; problems carry no line (a text's `DXER-J001` says where it breaks).
    pub fn add_inputs(&mut self, inputs: Vec<RecordInput>) -> LoadSummary {
        let opts = &self.opts;
        let loaded = map_parallel_blocks(&inputs, |input| match input {
            RecordInput::Text(text) => {
                Loaded { line: None, ..load_item(&Item { line: 1, text: text.trim_end() }, opts) }
            }
            RecordInput::Value(value) => {
                let (report, record) = crate::validate::validate_record_value(value, opts);
                let (record_id, version) = ids_of(value);
                Loaded { line: None, bytes: None, report, record, record_id, version }
            }
        });
        self.absorb_from(None, loaded, 0)
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
                Loaded { line: None, bytes: None, report, record, record_id, version }
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
        self.absorb(vec![Loaded { line: None, bytes: None, report: report.clone(), record, record_id, version }]);
        report
    }

    fn absorb(&mut self, loaded: Vec<Loaded>) -> LoadSummary {
        self.absorb_from(None, vec![loaded], 0)
    }

    fn absorb_from(&mut self, source: Option<&str>, blocks: Vec<Vec<Loaded>>, first_index: usize) -> LoadSummary {
        let items = blocks.iter().map(Vec::len).sum();
        let mut summary = LoadSummary { items, ..LoadSummary::default() };
        self.entries.reserve(items);
        for (index, item) in (first_index..).zip(blocks.into_iter().flatten()) {
            let indexed = item.record.is_some();
            if !item.report.ok || !indexed {
                summary.problems += 1;
                self.problems.push(LoadProblem {
                    source: source.map(str::to_string),
                    line: item.line,
                    bytes: item.bytes,
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
                self.entries.push(Entry {
                    record,
                    source: source.map(str::to_string),
                    line: item.line,
                    bytes: item.bytes,
                    index,
                    report: item.report,
                });
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
        RegistryFinding {
            record_id: e.record.record_id.to_string(),
            version: e.record.version,
            source: e.source.clone(),
            line: e.line,
            finding,
        }
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
