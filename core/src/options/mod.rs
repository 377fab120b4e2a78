//! The options of validation — what the law leaves open (rule levels, hours per working day) and the limits
//! a document must keep — and how they turn findings into a report. Below [`crate::validate`] and the direct
//! path, which both build their reports here.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::codelists::CodeLists;
use crate::report::{DocumentKind, Finding, Report, Severity};

mod contract;
pub use contract::{OptionsError, MAX_COUNT};

/// How a rule is treated: its default severity can be raised, lowered or switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleLevel {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Report as information.
    Info,
    /// Do not report.
    Off,
}

/// Options of [`validate`](crate::validate). `Options::default()` is the registry's standard profile.
///
/// As data (a JSON object) they follow one contract, the same in the command, Python and WebAssembly:
/// [`Options::from_json`], [`Options::from_value`] and [`Options::to_value`] (the members and what each
/// accepts are listed in the `options::contract` module; unknown members and rule codes are refused).
#[derive(Debug, Clone)]
pub struct Options {
    /// What the document is (default: decide from its content).
    pub kind: DocumentKind,
    /// "Today", for rules that compare dates when the record carries no date of its own (the submission
    /// date is used first). The library never reads the clock.
    pub today: Option<NaiveDate>,
    /// Code lists to check codes against (default: the built-in lists).
    pub codelists: Arc<CodeLists>,
    /// Per-code overrides of severity, e.g. `"DXER-E005" → Off`.
    pub rule_levels: BTreeMap<String, RuleLevel>,
    /// Hours in a working day, to compare step time limits in hours with limits in working days
    /// [choice: 8, Labour Code art. 89's 40-hour week over 5 days].
    pub hours_per_working_day: u32,
    /// Most applicant-attribute combinations the variant check enumerates (`DXER-V005` beyond).
    pub max_variant_combinations: usize,
    /// Deepest nesting of arrays and objects accepted: no value may lie deeper than this many levels, the
    /// top-level value being level 1 (default 64). A deeper document is one `DXER-J003` finding at the root pointer `""`, and nothing else is
    /// checked. JSON text cannot nest deeper than 127 levels whatever this says (the parser's own limit,
    /// also reported as `DXER-J003`).
    pub max_depth: usize,
    /// Largest input accepted, in bytes of JSON text (default 16 MiB). A larger text is one `DXER-J003`
    /// finding at `""` and is not parsed. A `serde_json::Value` has no text, so this does not apply to it.
    pub max_input_bytes: usize,
    /// Most items accepted in any one array, and most members in any one object (default 10,000; the
    /// largest real record has a few dozen). Each longer array or object is a `DXER-J003` finding at its
    /// own JSON Pointer.
    pub max_list_items: usize,
    /// Largest string accepted, in bytes of UTF-8 (default 1 MiB, a few hundred pages of text): any one
    /// string value, at its own JSON Pointer, or any one member name, at the pointer of its object. Each
    /// longer string is a `DXER-J003` finding.
    ///
    /// The depth, list and string limits are checked together, in one pass without recursion over the
    /// parsed document, before anything else: when one is exceeded, the report holds only the `DXER-J003`
    /// findings (the schema, the rules and the text hygiene do not run on an oversized document).
    pub max_string_bytes: usize,
    /// Read a document whose structure is valid straight into the typed model, in one pass (default
    /// true): the report is the same as the three layers give, found faster. `false` always runs the three
    /// layers, to compare (the tests and the fuzzer do) or to rule the direct path out.
    pub direct: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kind: DocumentKind::Auto,
            today: None,
            codelists: CodeLists::built_in(),
            rule_levels: BTreeMap::new(),
            hours_per_working_day: 8,
            max_variant_combinations: 4096,
            max_depth: 64,
            max_input_bytes: 16 * 1024 * 1024,
            max_list_items: 10_000,
            max_string_bytes: 1024 * 1024,
            direct: true,
        }
    }
}

/// The report of `findings`: each rule's level applied (raised, lowered or switched off), then sorted.
pub(crate) fn finish(opts: &Options, kind: DocumentKind, mut findings: Vec<Finding>) -> Report {
    if !opts.rule_levels.is_empty() {
        findings.retain_mut(|f| match opts.rule_levels.get(&f.code) {
            Some(RuleLevel::Off) => false,
            Some(RuleLevel::Error) => {
                f.severity = Severity::Error;
                true
            }
            Some(RuleLevel::Warning) => {
                f.severity = Severity::Warning;
                true
            }
            Some(RuleLevel::Info) => {
                f.severity = Severity::Info;
                true
            }
            None => true,
        });
    }
    Report::new(kind, findings)
}
