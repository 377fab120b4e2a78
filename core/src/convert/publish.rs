//! What may be published: the one place every export asks (domain brief §10; decision No. 129 §4.2).
//!
//! A DXER record carries registry data that is not open data: the submission's signer (a person's name,
//! often with a personal number), the reference to the qualified e-signature, the operator's review with
//! its defects, and the workflow history. An export in [`Publication::Public`] mode (the default) applies
//! two rules, both read from the published column dictionary (`schemas/opendata/columns.json`):
//!
//! - **Which records.** Only a record whose status is in `published_statuses` (registered or amended) and
//!   whose `open_data` is `true`. Drafts, submissions under review, suspended, terminated or archived
//!   versions and records marked `open_data: false` (or without it) are withheld.
//! - **Which fields.** `record_fields` marks record fields public or not by JSON Pointer; the most
//!   specific pointer that covers a field decides, and a field no pointer covers is **not** published (a
//!   field added to the model stays private until the dictionary says otherwise).
//!
//! [`Publication::Internal`] exports every record with every field: the registry's own full export, to be
//! asked for explicitly (`--internal` on the command line, `internal=True` in Python, `{internal: true}`
//! in JavaScript).
//!
//! In both modes a record given twice (same `record_id` and `version`) is exported once: a copy with the
//! same content (the `$schema` members aside) is dropped as a [`WithholdReason::Duplicate`]; copies that
//! differ are all withheld as a [`WithholdReason::Conflict`], since neither is known to be the right one
//! [choice]. Every record left out is reported ([`Withheld`]), so a conversion says what it dropped.
//!
//! ```
//! use dxer::convert::publish::{select, Publication, WithholdReason};
//! use dxer::model::RecordStatus;
//! use dxer::{parse_record, Options};
//!
//! let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
//! let mut record = parse_record(text.as_str(), &Options::default()).unwrap().value;
//! assert_eq!(record.status, RecordStatus::Submitted);
//!
//! let chosen = select(std::slice::from_ref(&record), Publication::Public);
//! assert!(chosen.records.is_empty());
//! assert_eq!(chosen.withheld[0].reason, WithholdReason::Status(RecordStatus::Submitted));
//!
//! record.status = RecordStatus::Registered;
//! let twice = [record.clone(), record];
//! let chosen = select(&twice, Publication::Public);
//! assert_eq!(chosen.records.len(), 1);
//! assert_eq!(chosen.withheld[0].reason, WithholdReason::Duplicate);
//! ```

use std::collections::BTreeMap;
use std::fmt;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{LocalizedText, Record, RecordStatus};
use crate::pointer;

/// The column dictionary as published (`schemas/opendata/columns.json`), which also holds the
/// publication policy (`published_statuses`, `record_fields`).
pub const DICTIONARY_JSON: &str = include_str!("../../schemas/opendata/columns.json");

/// Who an export is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Publication {
    /// Open data (the default): only published records, only public fields.
    #[default]
    Public,
    /// The registry's own full export: every record, every field. Not for publication.
    Internal,
}

impl Publication {
    /// `Internal` when `internal` is true, else `Public` (how the bindings turn their flag into the policy).
    pub fn internal(internal: bool) -> Publication {
        if internal {
            Publication::Internal
        } else {
            Publication::Public
        }
    }

    /// Whether the record field at `pointer` (RFC 6901, e.g. `/submission/signer`) is exported.
    ///
    /// ```
    /// use dxer::convert::publish::Publication;
    /// assert!(Publication::Public.shows("/reglament/general/name"));
    /// assert!(Publication::Public.shows("/submission/date"));
    /// assert!(!Publication::Public.shows("/submission/signer"));
    /// assert!(!Publication::Public.shows("/history/0/defects"));
    /// assert!(!Publication::Public.shows("/not_in_the_dictionary"));
    /// assert!(Publication::Internal.shows("/submission/signer"));
    /// ```
    pub fn shows(self, pointer: &str) -> bool {
        match self {
            Publication::Internal => true,
            Publication::Public => is_public(pointer),
        }
    }

    /// Why `record` may not be exported in this mode (always `Ok` for `Internal`).
    pub fn admits(self, record: &Record) -> Result<(), WithholdReason> {
        if self == Publication::Internal {
            return Ok(());
        }
        if !POLICY.published_statuses.contains(&record.status) {
            return Err(WithholdReason::Status(record.status));
        }
        if !record.open_data {
            return Err(WithholdReason::NotOpenData);
        }
        Ok(())
    }

    /// [`Publication::admits`] as a [`Withheld`] naming the record (its `index` 0).
    pub fn check(self, record: &Record) -> Result<(), Withheld> {
        self.admits(record).map_err(|reason| Withheld::of(0, record, reason))
    }

    /// The record as JSON with only the fields this mode exports (every field for `Internal`); object
    /// members come in sorted order.
    pub fn view(self, record: &Record) -> Value {
        // Serializing the model cannot fail: every map key is a string and there are no floats.
        let mut value = serde_json::to_value(record).unwrap_or(Value::Null);
        if self == Publication::Public {
            prune(&mut value, "");
            drop_unsafe_links(&mut value);
        }
        value
    }
}

/// One record field of the dictionary's `record_fields`: whether what lies at `pointer` is published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordField {
    /// JSON Pointer (RFC 6901) into the record; it covers everything below it.
    pub pointer: String,
    /// Whether it is published.
    pub public: bool,
    /// What it is and why it is (not) published, in Azerbaijani and English.
    pub description: LocalizedText,
}

#[derive(Deserialize)]
struct PolicyFile {
    published_statuses: Vec<RecordStatus>,
    record_fields: Vec<RecordField>,
}

static POLICY: Lazy<PolicyFile> = Lazy::new(|| {
    // The file is part of the crate and a test loads it, so a failure here is a build defect, not bad input.
    serde_json::from_str(DICTIONARY_JSON).expect("columns.json holds the publication policy (tested)")
});

/// The record fields of the dictionary, in its order.
pub fn record_fields() -> &'static [RecordField] {
    &POLICY.record_fields
}

/// The statuses whose records are published.
pub fn published_statuses() -> &'static [RecordStatus] {
    &POLICY.published_statuses
}

/// Whether `at` is `base` or lies below it.
fn covers(base: &str, at: &str) -> bool {
    at == base || (at.starts_with(base) && at.as_bytes().get(base.len()) == Some(&b'/'))
}

/// The public flag of the most specific field covering `pointer`; `false` when none does.
fn is_public(pointer: &str) -> bool {
    record_fields()
        .iter()
        .filter(|f| covers(&f.pointer, pointer))
        .max_by_key(|f| f.pointer.len())
        .is_some_and(|f| f.public)
}

/// Removes from `value` (which lies at `at` and is public) every member or item that is not public. Only
/// the paths the dictionary names below `at` are walked.
fn prune(value: &mut Value, at: &str) {
    if !record_fields().iter().any(|f| f.pointer.len() > at.len() && covers(at, &f.pointer)) {
        return;
    }
    match value {
        Value::Object(map) => {
            map.retain(|key, _| is_public(&format!("{at}/{}", pointer::escape_token(key))));
            for (key, child) in map.iter_mut() {
                prune(child, &format!("{at}/{}", pointer::escape_token(key)));
            }
        }
        Value::Array(items) => {
            let kept: Vec<Value> = std::mem::take(items)
                .into_iter()
                .enumerate()
                .filter_map(|(i, mut item)| {
                    let here = format!("{at}/{i}");
                    is_public(&here).then(|| {
                        prune(&mut item, &here);
                        item
                    })
                })
                .collect();
            *items = kept;
        }
        _ => {}
    }
}

/// The members that hold a link (`e_form_url`, `web`, `url`) whose value is not a web address
/// (`DXER-U001`: `javascript:`, `data:` …): a public export drops them, as schema.org and the CSV do.
fn drop_unsafe_links(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, v| {
                !(matches!(key.as_str(), "e_form_url" | "web" | "url")
                    && v.as_str().is_some_and(|s| !crate::text::is_web_url(s)))
            });
            map.values_mut().for_each(drop_unsafe_links);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_unsafe_links),
        _ => {}
    }
}

/// Why a record was left out of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "status")]
pub enum WithholdReason {
    /// Its status is not a published one (draft, under review, suspended, terminated, archived …).
    Status(RecordStatus),
    /// Its `open_data` is false (or absent).
    NotOpenData,
    /// The same record (same `record_id`, `version` and content) came earlier: exported once.
    Duplicate,
    /// Another record with the same `record_id` and `version` has different content: none is exported.
    Conflict,
}

impl WithholdReason {
    /// The reason in `lang` (`"az"`, `"ru"`; anything else gives English).
    pub fn message(&self, lang: &str) -> String {
        match (self, lang) {
            (WithholdReason::Status(s), "az") => format!("statusu \"{s}\" dərc olunmur (yalnız {})", statuses()),
            (WithholdReason::Status(s), "ru") => format!("статус \"{s}\" не публикуется (только {})", statuses()),
            (WithholdReason::Status(s), _) => format!("status \"{s}\" is not published (only {})", statuses()),
            (WithholdReason::NotOpenData, "az") => "open_data true deyil".into(),
            (WithholdReason::NotOpenData, "ru") => "open_data не равно true".into(),
            (WithholdReason::NotOpenData, _) => "open_data is not true".into(),
            (WithholdReason::Duplicate, "az") => "eyni qeyd təkrar verilib: bir dəfə ixrac olunur".into(),
            (WithholdReason::Duplicate, "ru") => "та же запись повторена: экспортируется один раз".into(),
            (WithholdReason::Duplicate, _) => "the same record was given again: exported once".into(),
            (WithholdReason::Conflict, "az") => {
                "eyni record_id və versiyalı başqa qeydin məzmunu fərqlidir: heç biri ixrac olunmur".into()
            }
            (WithholdReason::Conflict, "ru") => {
                "другая запись с тем же record_id и версией отличается: ни одна не экспортируется".into()
            }
            (WithholdReason::Conflict, _) => {
                "another record with the same record_id and version differs: neither is exported".into()
            }
        }
    }
}

fn statuses() -> String {
    published_statuses().iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")
}

/// A record left out of an export, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withheld {
    /// Its position among the records given (0-based).
    pub index: usize,
    /// Its `record_id`.
    pub record_id: String,
    /// Its `version`.
    pub version: u32,
    /// Why.
    #[serde(flatten)]
    pub reason: WithholdReason,
}

impl Withheld {
    fn of(index: usize, record: &Record, reason: WithholdReason) -> Withheld {
        Withheld { index, record_id: record.record_id.to_string(), version: record.version, reason }
    }
}

impl fmt::Display for Withheld {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} version {} withheld: {}", self.record_id, self.version, self.reason.message("en"))
    }
}

impl std::error::Error for Withheld {}

/// An export's text (or value) and the records it left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Published<T> {
    /// The export.
    pub output: T,
    /// The records left out, in input order.
    pub withheld: Vec<Withheld>,
}

/// The records of an export, chosen by [`select`].
#[derive(Debug, Clone)]
pub struct Selection<'a> {
    /// The records to export, in input order, each once.
    pub records: Vec<&'a Record>,
    /// Their positions among the records given.
    pub indexes: Vec<usize>,
    /// The records left out, in input order.
    pub withheld: Vec<Withheld>,
}

/// Whether two records are the same record: equal once their `$schema` members are set aside.
fn same_content(a: &Record, b: &Record) -> bool {
    let strip = |r: &Record| {
        let mut r = r.clone();
        r.schema = None;
        r.reglament.schema = None;
        r
    };
    a == b || strip(a) == strip(b)
}

/// The records of `records` that `publication` exports, each once, and the ones it leaves out.
pub fn select(records: &[Record], publication: Publication) -> Selection<'_> {
    let mut copies: BTreeMap<(&str, u32), Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        copies.entry((r.record_id.as_str(), r.version)).or_default().push(i);
    }
    let mut out = Selection { records: Vec::new(), indexes: Vec::new(), withheld: Vec::new() };
    for (i, record) in records.iter().enumerate() {
        let group = &copies[&(record.record_id.as_str(), record.version)];
        let first = group[0];
        let verdict = if group.iter().any(|&j| !same_content(&records[first], &records[j])) {
            Err(WithholdReason::Conflict)
        } else if i != first {
            Err(WithholdReason::Duplicate)
        } else {
            publication.admits(record)
        };
        match verdict {
            Ok(()) => {
                out.records.push(record);
                out.indexes.push(i);
            }
            Err(reason) => out.withheld.push(Withheld::of(i, record, reason)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_loads_and_its_pointers_are_pointers() {
        assert!(!published_statuses().is_empty());
        for f in record_fields() {
            assert!(f.pointer.starts_with('/'), "{}", f.pointer);
            assert!(!f.description.az.is_empty(), "{}", f.pointer);
        }
        let mut seen: Vec<&str> = record_fields().iter().map(|f| f.pointer.as_str()).collect();
        seen.sort_unstable();
        let n = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), n, "each pointer once");
    }

    #[test]
    fn covers_is_by_whole_segments() {
        assert!(covers("/review", "/review"));
        assert!(covers("/review", "/review/defects/0"));
        assert!(!covers("/review", "/reviewer"));
        assert!(covers("", "/x"));
    }
}
