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

use std::collections::BTreeMap;

use super::entries::{Entry, LoadProblem, LoadSummary, RegistryFinding};
use super::held::{Facts, Findings, Held, TextAt};
use super::infosystem::{parse_cards, CardProblem, InformationSystem};
use super::load::{
    ids_of, json_lines, load_item, map_parallel, map_parallel_chunks, split_top_level, validate_record, ByteRange,
    Item, Kept, Loaded, LoadedBlock, Preceding, RecordInput, TextFormat,
};
use crate::model::{Record, RecordStatus};
use crate::report::{DocumentKind, Finding, Report, Severity};
use crate::{Options, RuleLevel};

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
///
/// The registry holds each record compactly (its JSON text, without insignificant whitespace or as it came
/// in a piece handed over, and the facts its indexes, checks and statistics read: about the size of the input
/// in all), so the methods that give records read them
/// again from their text and return them owned ([`Registry::records`], [`Registry::latest`], …).
#[derive(Debug, Clone)]
pub struct Registry {
    pub(super) opts: Options,
    pub(super) held: Vec<Held>,
    /// The texts of the records, a block of records per string, or a piece handed over (see `held`).
    texts: Vec<Box<str>>,
    /// The names of the sources loaded, each once (what `Held::source` indexes).
    sources: Vec<Box<str>>,
    problems: Vec<LoadProblem>,
    pub(super) by_service: BTreeMap<String, Vec<usize>>,
    by_provider: BTreeMap<String, Vec<usize>>,
    pub(super) systems: Vec<InformationSystem>,
    system_problems: Vec<CardProblem>,
}

/// The text the items being added were loaded from.
enum InputText<'a> {
    /// Handed over: kept as the text of the records in it.
    Kept(Box<str>),
    /// Borrowed: the texts of the records in it are copied.
    Borrowed(&'a str),
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
            held: Vec::new(),
            texts: Vec::new(),
            sources: Vec::new(),
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

    /// [`Registry::load_json_lines_piece`] for a piece the caller hands over: when the records the registry
    /// indexes make up most of it (seven eighths or more, as in a file of valid records), the registry
    /// keeps the piece itself as their text instead of copying each record's text out of it (a large file
    /// is then read into memory once and held once); otherwise it copies them and drops the piece. The
    /// same entries, problems and records either way.
    ///
    /// ```
    /// use dxer::registry::{Preceding, Registry};
    ///
    /// let mut registry = Registry::new();
    /// registry.load_json_lines_piece_owned(Some("big.jsonl"), "{}\n\n".to_string(), Preceding::default());
    /// assert_eq!(registry.problems()[0].line, Some(1));
    /// ```
    pub fn load_json_lines_piece_owned(
        &mut self,
        source: Option<&str>,
        piece: String,
        before: Preceding,
    ) -> LoadSummary {
        let blocks = self.load_items(&piece, &piece, TextFormat::JsonLines, before, true);
        let kept: usize = blocks.iter().map(LoadedBlock::input_bytes).sum();
        if kept > 0 && kept >= piece.len() - piece.len() / 8 {
            return self.absorb_from(source, blocks, before.items, InputText::Kept(piece.into_boxed_str()));
        }
        self.absorb_from(source, blocks, before.items, InputText::Borrowed(&piece))
    }

    fn load_text_after(
        &mut self,
        source: Option<&str>,
        text: &str,
        format: TextFormat,
        before: Preceding,
    ) -> LoadSummary {
        // A leading byte order mark is read past: reported (`DXER-J005`) with the first item of a JSON text,
        // and by the validator with the first line of JSON Lines.
        let body = match format {
            TextFormat::Json => crate::validate::strip_bom(text).0,
            TextFormat::JsonLines => text,
        };
        // A syntax check without building values; elements are parsed one by one afterwards. When it fails,
        // the validator's input layer says where (line and column in the whole text).
        if format == TextFormat::Json
            && (body.len() > self.opts.max_input_bytes || serde_json::from_str::<serde::de::IgnoredAny>(body).is_err())
        {
            let report = crate::validate(text, &self.opts);
            let mut block = LoadedBlock::new(1, 0);
            block.push_typed(report, None, (None, None));
            return self.absorb_from(source, vec![block], before.items, InputText::Borrowed(text));
        }
        let blocks = self.load_items(text, body, format, before, false);
        self.absorb_from(source, blocks, before.items, InputText::Borrowed(text))
    }

    /// Validates the items of `body` (`text` without a byte order mark a JSON text starts with; JSON
    /// syntax checked already), in parallel; with `in_place`, the texts of the records the direct path
    /// reads are left in `text` ([`Kept::Input`]) instead of being copied.
    fn load_items(
        &self,
        text: &str,
        body: &str,
        format: TextFormat,
        before: Preceding,
        in_place: bool,
    ) -> Vec<LoadedBlock> {
        let bom = body.len() < text.len();
        let items: Vec<Item<'_>> = match format {
            TextFormat::Json => split_top_level(body),
            TextFormat::JsonLines => json_lines(text, before.lines),
        };
        let opts = &self.opts;
        let base = text.as_ptr() as usize;
        let input = in_place.then_some(text);
        let mut loaded = map_parallel_chunks(&items, |part| {
            let mut block =
                LoadedBlock::new(part.len(), if in_place { 0 } else { part.iter().map(|i| i.text.len()).sum() });
            for item in part {
                let start = before.bytes + (item.text.as_ptr() as usize - base);
                let loaded = load_item(item, opts, &mut block.text, input);
                block.items.push(Loaded { bytes: Some(ByteRange { start, end: start + item.text.len() }), ..loaded });
            }
            block
        });
        if let Some(first) = loaded.iter_mut().flat_map(|b| b.items.iter_mut()).next().filter(|_| bom) {
            let mark = crate::validate::bom_finding();
            let empty = crate::report::Report::new(first.report.kind, Vec::new());
            let report = std::mem::replace(&mut first.report, empty);
            first.report = crate::validate::with_findings(report, vec![mark], opts);
        }
        loaded
    }

    /// Loads records given one by one, as texts or values (e.g. the items of a Python list or a JS array):
    /// each is validated on its own; problems carry no line (a text's `DXER-J001` says where it breaks).
    pub fn add_inputs(&mut self, inputs: Vec<RecordInput>) -> LoadSummary {
        let opts = &self.opts;
        let loaded = map_parallel_chunks(&inputs, |part| {
            let mut block = LoadedBlock::new(part.len(), 0);
            for input in part {
                match input {
                    RecordInput::Text(text) => {
                        let item = Item { line: 1, text: text.trim_end() };
                        let loaded = load_item(&item, opts, &mut block.text, None);
                        block.items.push(Loaded { line: None, ..loaded });
                    }
                    RecordInput::Value(value) => {
                        let (report, record) = crate::validate::validate_record_value(value, opts);
                        block.push_typed(report, record, ids_of(value));
                    }
                }
            }
            block
        });
        self.absorb_from(None, loaded, 0, InputText::Borrowed(""))
    }

    /// Validates and adds typed records (in parallel on native targets).
    pub fn add_records(&mut self, records: Vec<Record>) -> LoadSummary {
        let opts = &self.opts;
        let reports = map_parallel(&records, |record| validate_record(record, opts));
        let mut block = LoadedBlock::new(records.len(), 0);
        for (record, report) in records.into_iter().zip(reports) {
            let ids = (Some(record.record_id.to_string()), Some(record.version));
            block.push_typed(report, Some(record), ids);
        }
        self.absorb_from(None, vec![block], 0, InputText::Borrowed(""))
    }

    /// Validates and adds one record; returns its report. A record without the record's structure
    /// (`DXER-S…` findings, e.g. an empty required list) is not indexed.
    pub fn add(&mut self, record: Record) -> Report {
        let report = validate_record(&record, &self.opts);
        let ids = (Some(record.record_id.to_string()), Some(record.version));
        let mut block = LoadedBlock::new(1, 0);
        block.push_typed(report.clone(), Some(record), ids);
        self.absorb_from(None, vec![block], 0, InputText::Borrowed(""));
        report
    }

    /// Adds the items of `blocks` (numbered from `first_index`); the records whose text is in the input
    /// ([`Kept::Input`]) keep it there when the input is handed over, and have it copied otherwise.
    fn absorb_from(
        &mut self,
        source: Option<&str>,
        blocks: Vec<LoadedBlock>,
        first_index: usize,
        input: InputText<'_>,
    ) -> LoadSummary {
        let items = blocks.iter().map(|b| b.items.len()).sum();
        let mut summary = LoadSummary { items, ..LoadSummary::default() };
        self.held.reserve(items);
        let source_at = source.map(|name| self.source_index(name));
        let (input_at, borrowed) = match input {
            InputText::Kept(text) => {
                self.texts.push(text);
                (Some(self.texts.len() - 1), None)
            }
            InputText::Borrowed(text) => (None, Some(text)),
        };
        let mut index = first_index;
        for mut block in blocks {
            if let Some(text) = borrowed {
                block.copy_input(text);
            }
            // The block's texts, kept when it holds a record's (without the room left over).
            let block_at = self.texts.len();
            if block.items.iter().any(|i| matches!(i.held, Some((_, Kept::Block(..))))) {
                self.texts.push(block.text.text.into_boxed_str());
            }
            for item in block.items {
                let at = |kept| match kept {
                    Kept::Block(start, end) => TextAt { block: block_at, start, end },
                    // Only with `input_at`: a borrowed input's ranges were copied into the block above.
                    Kept::Input(start, end) => TextAt { block: input_at.unwrap_or(block_at), start, end },
                };
                let held = item.held.as_ref().map(|(_, kept)| at(*kept));
                self.absorb_item(source, source_at, index, held, item, &mut summary);
                index += 1;
            }
        }
        summary
    }

    fn absorb_item(
        &mut self,
        source: Option<&str>,
        source_at: Option<u32>,
        index: usize,
        text: Option<TextAt>,
        item: Loaded,
        summary: &mut LoadSummary,
    ) {
        let indexed = item.held.is_some();
        let mut findings = Findings::Own(Box::default());
        if !item.report.ok || !indexed {
            summary.problems += 1;
            findings = Findings::OfProblem(self.problems.len());
            self.problems.push(LoadProblem {
                source: source.map(str::to_string),
                line: item.line,
                bytes: item.bytes,
                index,
                record_id: item.record_id,
                version: item.version,
                indexed,
                findings: item.report.findings,
            });
        } else if !item.report.findings.is_empty() {
            findings = Findings::Own(item.report.findings.into_boxed_slice());
        }
        if let (Some((facts, _)), Some(text)) = (item.held, text) {
            summary.indexed += 1;
            let at = self.held.len();
            push_index(&mut self.by_service, &facts.service_code, at);
            push_index(&mut self.by_provider, &facts.provider, at);
            self.held.push(Held {
                facts,
                text,
                source: source_at,
                line: item.line,
                bytes: item.bytes,
                index,
                findings,
            });
        }
    }

    /// The index of a source name in `sources`, added when new.
    fn source_index(&mut self, name: &str) -> u32 {
        let found = self.sources.iter().rposition(|s| **s == *name);
        let at = found.unwrap_or_else(|| {
            self.sources.push(name.into());
            self.sources.len() - 1
        });
        u32::try_from(at).unwrap_or(u32::MAX)
    }

    /// The JSON text of the record held at `at`.
    pub(crate) fn text_of(&self, at: usize) -> &str {
        let TextAt { block, start, end } = self.held[at].text;
        &self.texts[block][start..end]
    }

    /// The number of texts held (blocks of records' texts and pieces kept whole).
    #[cfg(test)]
    pub(crate) fn texts_len(&self) -> usize {
        self.texts.len()
    }

    /// The record held at `at`, read again from its text.
    pub(crate) fn record_at(&self, at: usize) -> Record {
        // The text is what serde read the record from, or its serialisation (see `held`): it reads back.
        serde_json::from_str(self.text_of(at)).unwrap_or_else(|e| unreachable!("a held record reads back: {e}"))
    }

    /// What the registry holds of the record at `at`.
    pub(crate) fn facts(&self, at: usize) -> &Facts {
        &self.held[at].facts
    }

    fn source_of(&self, held: &Held) -> Option<String> {
        held.source.and_then(|i| self.sources.get(i as usize)).map(|s| s.to_string())
    }

    /// Number of records indexed (every version counts).
    pub fn len(&self) -> usize {
        self.held.len()
    }

    /// Whether no record is indexed.
    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Every indexed record with where it came from and its report, in load order (each record read again
    /// from the registry's compact form as the iterator reaches it).
    pub fn entries(&self) -> impl ExactSizeIterator<Item = Entry> + '_ {
        (0..self.held.len()).map(move |at| self.entry_at(at))
    }

    /// The indexed record at `position` in load order (`0..len()`), with where it came from and its report.
    pub fn entry(&self, position: usize) -> Option<Entry> {
        (position < self.held.len()).then(|| self.entry_at(position))
    }

    fn entry_at(&self, at: usize) -> Entry {
        let h = &self.held[at];
        Entry {
            record: self.record_at(at),
            source: self.source_of(h),
            line: h.line,
            bytes: h.bytes,
            index: h.index,
            report: self.report_of(h),
        }
    }

    fn report_of(&self, h: &Held) -> Report {
        let findings = match &h.findings {
            Findings::Own(own) => own,
            Findings::OfProblem(p) => self.problems[*p].findings.as_slice(),
        };
        let ok = !findings.iter().any(|f| f.severity == Severity::Error);
        Report { ok, kind: DocumentKind::Record, findings: findings.to_vec() }
    }

    /// Every indexed record, in load order.
    pub fn records(&self) -> impl ExactSizeIterator<Item = Record> + '_ {
        (0..self.held.len()).map(move |at| self.record_at(at))
    }

    /// Items that did not load cleanly, in load order.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// Records (every version) with this service code, in load order.
    pub fn by_service_code<'a>(&'a self, code: &str) -> impl Iterator<Item = Record> + 'a {
        self.indexed(self.by_service.get(code))
    }

    /// Records (every version) of this provider code, in load order.
    pub fn by_provider<'a>(&'a self, code: &str) -> impl Iterator<Item = Record> + 'a {
        self.indexed(self.by_provider.get(code))
    }

    fn indexed<'a>(&'a self, at: Option<&'a Vec<usize>>) -> impl Iterator<Item = Record> + 'a {
        at.into_iter().flatten().map(move |i| self.record_at(*i))
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
    pub fn latest(&self, record_id: &str) -> Option<Record> {
        let mut best: Option<usize> = None;
        for (at, h) in self.held.iter().enumerate().filter(|(_, h)| &*h.facts.record_id == record_id) {
            if best.is_none_or(|b| h.facts.version > self.held[b].facts.version) {
                best = Some(at);
            }
        }
        best.map(|at| self.record_at(at))
    }

    /// The latest version of every record id, sorted by record id.
    pub fn latest_versions(&self) -> impl Iterator<Item = Record> + '_ {
        self.latest_entries().into_values().map(|at| self.record_at(at))
    }

    /// Record id → index of the entry holding its latest version.
    pub(crate) fn latest_entries(&self) -> BTreeMap<&str, usize> {
        let mut latest: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, h) in self.held.iter().enumerate() {
            latest
                .entry(&h.facts.record_id)
                .and_modify(|best| {
                    if h.facts.version > self.held[*best].facts.version {
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

    pub(crate) fn locate(&self, at: usize, finding: Finding) -> RegistryFinding {
        let h = &self.held[at];
        RegistryFinding {
            record_id: h.facts.record_id.to_string(),
            version: h.facts.version,
            source: self.source_of(h),
            line: h.line,
            finding,
        }
    }
}

/// Adds `at` to the list of `key` in an index.
fn push_index(index: &mut BTreeMap<String, Vec<usize>>, key: &str, at: usize) {
    match index.get_mut(key) {
        Some(list) => list.push(at),
        None => {
            index.insert(key.to_string(), vec![at]);
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
