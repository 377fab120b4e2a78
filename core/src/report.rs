//! Findings and reports: what [`crate::validate`] returns.

use serde::{Deserialize, Serialize};

/// How serious a finding is. Only `error` blocks submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record may not be submitted until this is fixed.
    Error,
    /// Probably wrong; the operator will ask about it.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A message in Azerbaijani, English and Russian.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Azerbaijani.
    pub az: String,
    /// English.
    pub en: String,
    /// Russian.
    pub ru: String,
}

impl Message {
    /// The message in `lang` (`"az"`, `"en"`, `"ru"`; anything else gives Azerbaijani).
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "en" => &self.en,
            "ru" => &self.ru,
            _ => &self.az,
        }
    }
}

/// One finding: a located, explained problem in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable code from the rule catalogue, e.g. `DXER-F003` (see [`crate::rules::CATALOGUE`]).
    pub code: String,
    /// Severity (after the caller's overrides).
    pub severity: Severity,
    /// RFC 6901 JSON Pointer to the offending field (`""` is the whole document).
    pub pointer: String,
    /// What is wrong and how to fix it, in az/en/ru.
    pub message: Message,
    /// The legal provision the rule enforces.
    pub provision: String,
    /// The exact replacement value for the field at `pointer`, when the fix is mechanical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// Where in the text the problem is, for a finding about the text rather than a field (`DXER-J001` invalid
    /// JSON, `DXER-J002` invalid UTF-8: their pointer is `""`): reports place the finding here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<crate::locate::Position>,
}

/// What kind of document was validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Decide from the document: a top-level `reglament` member means a DXER record, a top-level `general`
    /// member means a bare reglament; anything else is checked as a record.
    #[default]
    Auto,
    /// A DXER record (`schemas/record.schema.json`).
    Record,
    /// A bare reglament (`schemas/reglament.schema.json`).
    Reglament,
}

/// The result of validating one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// `true` when there is no finding of error severity: the record may be submitted.
    pub ok: bool,
    /// What the document was validated as (never `auto`).
    pub kind: DocumentKind,
    /// Every finding, ordered by pointer, then code.
    pub findings: Vec<Finding>,
}

impl Report {
    pub(crate) fn new(kind: DocumentKind, mut findings: Vec<Finding>) -> Report {
        findings.sort_by(|a, b| {
            (a.pointer.as_str(), a.code.as_str(), &a.message.en).cmp(&(
                b.pointer.as_str(),
                b.code.as_str(),
                &b.message.en,
            ))
        });
        findings.dedup();
        let ok = !findings.iter().any(|f| f.severity == Severity::Error);
        Report { ok, kind, findings }
    }

    /// Whether the record may be submitted (no finding of error severity).
    pub fn may_submit(&self) -> bool {
        self.ok
    }

    /// Findings of one severity.
    pub fn by_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// Number of findings of error severity.
    pub fn error_count(&self) -> usize {
        self.by_severity(Severity::Error).count()
    }

    /// The distinct finding codes, sorted.
    pub fn codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self.findings.iter().map(|f| f.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }
}
