//! What the registry holds of each record: the facts its indexes, cross-record rules and statistics read,
//! its findings, and its compact JSON text, from which the typed [`Record`] is read again when asked for.
//!
//! A typed record takes more memory than its JSON text (the 7.9 KB identity card: ≈ 11 kB, a heap block
//! per string and list and room for every absent language), so a registry that kept every record typed
//! held 1.5 times its input and more (12.1 kB a record, benches/README.md). It keeps instead:
//! - [`Facts`]: the record id, version, status, service code, provider, components, information systems
//!   and what the statistics count ([`Traits`]) — read from the typed record once, when it is loaded;
//! - the record's text without its insignificant whitespace ([`push_compact`]), in blocks of many records
//!   (one allocation per block, not per record); or, for a piece of JSON Lines handed over whose records
//!   make up most of it ([`super::Registry::load_json_lines_piece_owned`]), the piece itself, each record's
//!   text a range of it as read (nothing copied: the command line reads a large file into memory once);
//! - its findings (none for most records).
//!
//! The typed record is read again from its text on demand ([`super::Registry::records`] and the like), with
//! serde's own reader: for a record the direct path read, the same `Deserialize` impls on the same members
//! in the same order (the direct path only refuses more); for any other (a record given typed or as a
//! value, or one the full pipeline read from a `Value`), the text kept is the typed record's own
//! serialisation, which reads back into the same record. A test reads every fixture back both ways.

use serde::Serialize;

use crate::convert::publish::Publication;
use crate::model::{Channel, IdentificationMethod, Record, RecordStatus, ServiceForm};
use crate::report::Finding;

/// What the cross-record rules, the indexes and the statistics read of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Facts {
    pub(crate) record_id: Box<str>,
    pub(crate) version: u32,
    pub(crate) status: RecordStatus,
    pub(crate) service_code: Box<str>,
    pub(crate) provider: Box<str>,
    /// `/reglament/general/components`.
    pub(crate) components: Box<[Box<str>]>,
    /// `/eservice/information_systems` (empty when the record has no `eservice`).
    pub(crate) information_systems: Box<[Box<str>]>,
    pub(crate) traits: Traits,
}

/// What the statistics count of a service ([`super::StatsRow`]), besides its status and components.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Traits {
    pub(crate) form: ServiceForm,
    pub(crate) ehis_integrated: bool,
    pub(crate) on_portal: bool,
    pub(crate) on_own_site: bool,
    pub(crate) without_authentication: bool,
    pub(crate) e_payment: bool,
    /// Whether the service is free, when its fees are stated (fees the source does not state count as
    /// neither free nor paid).
    pub(crate) free: Option<bool>,
    pub(crate) proactive: bool,
    pub(crate) with_variants: bool,
    /// What open data publishes (the one policy of `convert::publish`): `open_data` alone is not enough.
    pub(crate) open_data: bool,
}

fn boxed_all<'a>(items: impl Iterator<Item = &'a str>) -> Box<[Box<str>]> {
    items.map(Box::from).collect()
}

impl Facts {
    pub(crate) fn of(r: &Record) -> Facts {
        let g = &r.reglament.general;
        let es = r.eservice.as_ref();
        let channels = g.channels.stated().map(Vec::as_slice).unwrap_or_default();
        Facts {
            record_id: r.record_id.as_str().into(),
            version: r.version,
            status: r.status,
            service_code: g.service_code.as_str().into(),
            provider: g.provider.as_str().into(),
            components: boxed_all(g.components.iter().map(|c| c.as_str())),
            information_systems: boxed_all(
                es.into_iter().flat_map(|e| e.information_systems.iter()).map(|c| c.as_str()),
            ),
            traits: Traits {
                form: g.form,
                ehis_integrated: es.is_some_and(|e| e.ehis_integration),
                on_portal: channels.contains(&Channel::EgovPortal),
                on_own_site: channels.contains(&Channel::ProviderWebsite),
                without_authentication: es.is_some_and(|e| e.identification.contains(&IdentificationMethod::None)),
                e_payment: es.is_some_and(|e| e.e_payment),
                free: r.reglament.standard.fees.stated().map(|f| f.free),
                proactive: g.proactive,
                with_variants: r.reglament.variants.is_some(),
                open_data: Publication::Public.admits(r).is_ok(),
            },
        }
    }
}

/// Where a record's compact text is: block `block` of the registry's texts, bytes `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextAt {
    pub(crate) block: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The texts of a block of records being loaded: one string, each record's text a range of it.
#[derive(Debug, Default)]
pub(crate) struct TextBlock {
    pub(crate) text: String,
}

impl TextBlock {
    /// A block with room for `bytes` of text.
    pub(crate) fn with_capacity(bytes: usize) -> TextBlock {
        TextBlock { text: String::with_capacity(bytes) }
    }

    /// Adds `json` (a JSON text the direct path read) without its insignificant whitespace; its range.
    pub(crate) fn push_compact(&mut self, json: &str) -> (usize, usize) {
        let start = self.text.len();
        push_compact(json, &mut self.text);
        (start, self.text.len())
    }

    /// Adds the serialisation of `record`; its range.
    pub(crate) fn push_record(&mut self, record: &Record) -> (usize, usize) {
        let start = self.text.len();
        self.text.push_str(&to_json(record));
        (start, self.text.len())
    }
}

/// The JSON text of a typed record (a typed record always serialises: its map keys are strings).
pub(crate) fn to_json(record: &impl Serialize) -> String {
    serde_json::to_string(record).unwrap_or_else(|_| "null".to_string())
}

/// Appends `json` (valid JSON) to `out` without whitespace outside strings.
pub(crate) fn push_compact(json: &str, out: &mut String) {
    let bytes = json.as_bytes();
    let (mut i, mut from) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // To the closing quote, over escapes.
                i += 1;
                while let Some(k) = memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                    i += k + 1;
                    if bytes[i - 1] == b'"' {
                        break;
                    }
                    i += 1; // the escaped byte (a quote, a backslash or the `u` of `\u`: all ASCII)
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                out.push_str(&json[from..i]);
                i += 1;
                from = i;
            }
            _ => i += 1,
        }
    }
    if from < json.len() {
        out.push_str(&json[from..]);
    }
}

/// One record as the registry holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Held {
    pub(crate) facts: Facts,
    pub(crate) text: TextAt,
    /// Index in the registry's sources (file names), when the load was named.
    pub(crate) source: Option<u32>,
    pub(crate) line: Option<usize>,
    pub(crate) bytes: Option<super::ByteRange>,
    pub(crate) index: usize,
    /// The findings of its report (the report's kind is always a record's).
    pub(crate) findings: Findings,
}

/// Where the findings of a held record are.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Findings {
    /// Its own (none for most records).
    Own(Box<[Finding]>),
    /// Those of the load problem at this index: a record with errors is a load problem too, and its
    /// findings are held once.
    OfProblem(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{RecordInput, Registry};
    use crate::rules::Subject;
    use crate::{DocumentKind, Options};

    /// The texts of every fixture record (valid, invalid, real, the examples).
    fn fixture_texts() -> Vec<(String, String)> {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut out = Vec::new();
        for dir in ["tests/fixtures/valid", "tests/fixtures/invalid", "tests/fixtures/real"] {
            for case in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                if let Ok(text) = std::fs::read_to_string(case.path().join("input.json")) {
                    out.push((case.path().display().to_string(), text));
                }
            }
        }
        for file in std::fs::read_dir(root.join("examples/records")).unwrap().flatten() {
            if file.path().extension().is_some_and(|e| e == "json") {
                out.push((file.path().display().to_string(), std::fs::read_to_string(file.path()).unwrap()));
            }
        }
        assert!(out.len() > 50, "the fixtures were read: {}", out.len());
        out
    }

    /// What the validator builds of `text`: its report, the typed record and whether the direct path read it.
    fn typed(text: &str, opts: &Options) -> (crate::Report, Option<Record>, bool) {
        match crate::validate::validate_str_via(text, DocumentKind::Record, opts, crate::direct::Purpose::Report) {
            (report, Some(Subject::Record(record)), direct) => (report, Some(record), direct),
            (report, _, direct) => (report, None, direct),
        }
    }

    #[test]
    fn records_read_back_as_they_were_loaded() {
        let (mut direct, mut other) = (0, 0);
        for (name, text) in fixture_texts() {
            // As written, with the direct path ruled out, and with a member given twice (which the direct path
            // leaves to the three layers: the record is kept as its serialisation).
            let twice = text.trim_start().replacen('{', "{\"schema\": \"x\", ", 1);
            let cases = [(&text, Options::default()), (&text, Options { direct: false, ..Options::default() })];
            let cases = cases.into_iter().chain([(&twice, Options::default())]);
            for (text, opts) in cases {
                let (report, record, was_direct) = typed(text, &opts);
                let Some(record) = record else { continue };
                if was_direct {
                    direct += 1;
                } else {
                    other += 1;
                }
                let mut registry = Registry::with_options(opts.clone());
                registry.load_source("a.json", text);
                let entry = registry.entry(0).unwrap_or_else(|| panic!("{name}: indexed"));
                assert_eq!(entry.record, record, "{name}: the record reads back");
                assert_eq!(entry.report, report, "{name}: the report is kept");
                assert_eq!(registry.facts(0), &Facts::of(&record), "{name}");
                // Given typed and as a value, it is kept as its serialisation, and reads back the same.
                let value = serde_json::to_value(&record).unwrap();
                let mut given = Registry::with_options(opts.clone());
                given.add(record.clone());
                given.add_inputs(vec![RecordInput::Value(value), RecordInput::Text(text.to_string())]);
                assert!(given.records().all(|r| r == record), "{name}: typed, as a value, as a text");
            }
        }
        assert!(direct > 50 && other > 50, "both ways of keeping a record are read back: {direct}, {other}");
    }

    #[test]
    fn a_pretty_printed_array_is_kept_compact() {
        let (_, text) = fixture_texts().into_iter().find(|(n, _)| n.contains("valid/identity-card")).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let pretty = serde_json::to_string_pretty(&serde_json::json!([value, value])).unwrap();
        let registry = Registry::from_json(&pretty);
        assert_eq!(registry.len(), 2);
        let held: usize = (0..registry.len()).map(|i| registry.text_of(i).len()).sum();
        assert_eq!(held, 2 * value.to_string().len(), "no whitespace is kept");
        assert!(held * 10 < pretty.len() * 8);
        assert_eq!(registry.text_of(1), value.to_string());
    }

    /// A piece handed over is kept as its records' text when they make up most of it, and copied from
    /// (compactly) otherwise; the records read back the same either way.
    #[test]
    fn a_piece_handed_over_is_kept_when_it_is_mostly_records() {
        let (_, text) = fixture_texts().into_iter().find(|(n, _)| n.contains("valid/identity-card")).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let line = format!("  {value}");
        let junk = format!("{{\"x\": \"{}\"}}", "y".repeat(2 * line.len()));
        for (piece, kept) in [(format!("{line}\n{line}\r\n\n"), true), (format!("{line}\n{junk}\n"), false)] {
            let mut registry = Registry::new();
            registry.load_json_lines_piece_owned(None, piece.clone(), super::super::Preceding::default());
            let mut borrowed = Registry::new();
            borrowed.load_json_lines(&piece);
            assert!(!registry.is_empty() && registry.records().eq(borrowed.records()));
            assert_eq!(registry.problems(), borrowed.problems());
            let held = registry.text_of(0);
            match kept {
                true => assert_eq!((held, registry.texts_len()), (line.as_str(), 1), "the piece is the text"),
                false => assert_eq!((held, registry.texts_len()), (value.to_string().as_str(), 1), "copied"),
            }
            assert_eq!(borrowed.text_of(0), value.to_string());
        }
    }

    fn compact(json: &str) -> String {
        let mut out = String::new();
        push_compact(json, &mut out);
        out
    }

    #[test]
    fn whitespace_goes_outside_strings_only() {
        assert_eq!(compact("{ \"a b\" : [ 1 ,\t2 ],\r\n \"c\": \"x \\\" y\\\\\" , \"d\":\"\\u0020 \" }"), {
            "{\"a b\":[1,2],\"c\":\"x \\\" y\\\\\",\"d\":\"\\u0020 \"}"
        });
        assert_eq!(compact("{\"a\":1}"), "{\"a\":1}");
        assert_eq!(compact("  [ ]  "), "[]");
        assert_eq!(compact("\"é ü\""), "\"é ü\"");
        for text in ["{ \"a\" : [ 1 , { \"b\" : \"\\\\\" } ] }", "[\"\\\"\", \" \" ]"] {
            let parsed: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::from_str::<serde_json::Value>(&compact(text)).unwrap(), parsed);
            assert_eq!(compact(text), parsed.to_string());
        }
    }

    /// Every fixture, pretty-printed with each kind of whitespace, comes back as serde_json writes it.
    #[test]
    fn every_fixture_pretty_printed_comes_back_compact() {
        let mut seen = 0;
        for (name, text) in fixture_texts() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            for spaced in [pretty.clone(), pretty.replace('\n', "\r\n\t"), value.to_string()] {
                assert_eq!(compact(&spaced), value.to_string(), "{name}");
            }
            seen += 1;
        }
        assert!(seen > 50, "{seen} fixtures");
    }
}
