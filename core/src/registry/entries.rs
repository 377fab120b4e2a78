//! What a registry gives out about its records: an [`Entry`] (a record with where it came from and its
//! report), a [`LoadProblem`], a [`LoadSummary`] and a cross-record [`RegistryFinding`].

use serde::{Deserialize, Serialize};

use super::load::ByteRange;
use crate::model::Record;
use crate::report::{Finding, Report};

/// One record of the registry, with where it came from and its own validation report. The registry holds
/// records in a compact form: an entry is made when asked for ([`Registry::entries`],
/// [`Registry::entry`]).
///
/// [`Registry::entries`]: super::Registry::entries
/// [`Registry::entry`]: super::Registry::entry
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
