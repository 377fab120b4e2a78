//! Open data: CSV (one row per service) and JSON Lines (one record per line), with a published column
//! dictionary (domain brief §10, decision No. 129 §4.2).
//!
//! **What is published** is decided in one place, [`crate::convert::publish`], from the same dictionary:
//! in [`Publication::Public`] mode (open data) only registered or amended records marked `open_data`, each
//! once, with only their public fields (no signer, e-signature reference, review or history); the JSON
//! Lines of a public export are therefore not complete records. [`Publication::Internal`] is the
//! registry's full export. Each export returns the records it left out ([`Published::withheld`]).
//!
//! The columns are data: `schemas/opendata/columns.json` gives each column's name, type, code list,
//! source (a JSON Pointer into the record) and description in Azerbaijani and English. The library embeds
//! that file and parses it once; [`columns`] returns it, and the CSV header is exactly its column names.
//!
//! **CSV format.** UTF-8 without BOM, RFC 4180: CRLF line ends, a header row, a cell quoted when it holds
//! a comma, a double quote, CR or LF, with its double quotes doubled. List columns join their items with
//! `;`. **CSV injection** (OWASP advice): a cell that begins with `=`, `+`, `-`, `@`, a tab or CR is
//! prefixed with `'` so a spreadsheet does not run it as a formula; the JSON Lines export keeps the exact
//! values.
//!
//! ```
//! use dxer::convert::opendata::{columns, to_csv, to_jsonl};
//! use dxer::convert::publish::Publication;
//! use dxer::model::RecordStatus;
//! use dxer::{parse_record, Options};
//!
//! // Exports take typed records: JSON text goes through `parse_record`, which refuses an invalid record.
//! let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
//! let mut record = parse_record(text.as_str(), &Options::default()).unwrap().value;
//! assert!(parse_record("{\"record_id\": 1}", &Options::default()).is_err());
//!
//! // A submitted record is not published yet: the open-data CSV is its header alone.
//! let csv = to_csv(std::slice::from_ref(&record), Publication::Public);
//! assert_eq!(csv.output.lines().count(), 1);
//! assert_eq!(csv.withheld.len(), 1);
//!
//! record.status = RecordStatus::Registered;
//! let csv = to_csv(std::slice::from_ref(&record), Publication::Public).output;
//! let header = csv.split("\r\n").next().unwrap();
//! assert!(header.starts_with("service_code,record_id,version,status,name_az"));
//! assert_eq!(header.split(',').count(), columns().len());
//! assert!(csv.split("\r\n").nth(1).unwrap().starts_with("DX-000101,"));
//! let jsonl = to_jsonl(&[record], Publication::Public).output;
//! assert_eq!(jsonl.lines().count(), 1);
//! assert!(!jsonl.contains("\"signer\""));
//! ```

use std::borrow::Cow;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use super::publish::{select, Published};
pub use super::publish::{Publication, DICTIONARY_JSON as COLUMNS_JSON};
use crate::codelists::CodeLists;
use crate::model::{LegalRef, LocalizedText, Money, ProvidedBy, Record, Stated};

/// The type of a column's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    /// Free text.
    String,
    /// A whole number.
    Integer,
    /// An exact decimal with two fraction digits (an amount in AZN).
    Decimal,
    /// `true` or `false`.
    Boolean,
    /// A date `YYYY-MM-DD`.
    Date,
    /// One code of a code list.
    Code,
    /// Items separated by `;`.
    List,
}

impl ColumnType {
    /// The type's name in `lang` (`"az"`; anything else gives English).
    pub fn name(self, lang: &str) -> &'static str {
        let (az, en) = match self {
            ColumnType::String => ("mətn", "string"),
            ColumnType::Integer => ("tam ədəd", "integer"),
            ColumnType::Decimal => ("onluq kəsr", "decimal"),
            ColumnType::Boolean => ("məntiqi (true/false)", "boolean (true/false)"),
            ColumnType::Date => ("tarix", "date"),
            ColumnType::Code => ("kod", "code"),
            ColumnType::List => ("siyahı (\";\")", "list (\";\")"),
        };
        if lang == "az" {
            az
        } else {
            en
        }
    }
}

type Extract = fn(&Record, &CodeLists) -> String;

/// One column of the CSV export.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Column name (the CSV header cell).
    pub name: String,
    /// Type of its cells.
    #[serde(rename = "type")]
    pub column_type: ColumnType,
    /// The code list (under `schemas/codelists/`) of a code or list-of-codes column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codelist: Option<String>,
    /// JSON Pointer (RFC 6901) of the record field the column is taken from.
    pub source: String,
    /// What the column holds, in Azerbaijani and English.
    pub description: LocalizedText,
    #[serde(skip)]
    extract: Option<Extract>,
}

impl Column {
    /// The cell of this column for `record`, before CSV quoting and neutralisation.
    pub fn value(&self, record: &Record, lists: &CodeLists) -> String {
        self.extract.map(|f| f(record, lists)).unwrap_or_default()
    }

    /// [`Column::value`] when `publication` shows the column's source field, an empty cell otherwise.
    pub fn published_value(&self, record: &Record, lists: &CodeLists, publication: Publication) -> String {
        if publication.shows(&self.source) {
            self.value(record, lists)
        } else {
            String::new()
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnsFile {
    dataset: String,
    version: String,
    title: LocalizedText,
    notes: Vec<LocalizedText>,
    /// Read by [`crate::convert::publish`]; named here so the file keeps refusing unknown members.
    #[allow(dead_code)]
    published_statuses: Vec<crate::model::RecordStatus>,
    record_fields: Vec<super::publish::RecordField>,
    columns: Vec<Column>,
}

fn yes_no(b: bool) -> String {
    if b { "true" } else { "false" }.to_string()
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(";")
}

/// An address, when it is a web address (`DXER-U001` refuses any other; a registry may still hold such a
/// record): a `javascript:` or `data:` link is not published.
fn web(url: Option<&String>) -> String {
    opt(url.filter(|u| crate::text::is_web_url(u)))
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One act of a legal basis as `title (№ number, date)` in Azerbaijani, with `;` replaced by `,`.
fn legal_item(r: &LegalRef) -> String {
    let mut parts = Vec::new();
    if let Some(n) = &r.number {
        parts.push(format!("№ {n}"));
    }
    if let Some(d) = r.date {
        parts.push(d.to_string());
    }
    let text = if parts.is_empty() { r.title.az.clone() } else { format!("{} ({})", r.title.az, parts.join(", ")) };
    text.replace(';', ",")
}

/// The least or greatest fixed price of a tier (its amount and its unconditional components; amounts
/// per unit and conditional payments are not counted); empty when the source does not state the fees.
fn fee_bound(r: &Record, max: bool) -> String {
    let Some(fees) = r.reglament.standard.fees.stated() else { return String::new() };
    let amounts = fees.tiers.iter().map(|t| {
        let parts = t.components.iter().filter(|c| c.condition.is_none()).map(|c| c.amount.qepik());
        Money::from_qepik(t.amount.qepik().saturating_add(parts.fold(0u64, u64::saturating_add)))
    });
    let bound = if max { amounts.max() } else { amounts.min() };
    match bound {
        Some(m) => m.to_string(),
        None if fees.free => "0.00".into(),
        None => String::new(),
    }
}

/// A value the source may not state: its cell, or an empty cell.
fn stated<T>(v: &Stated<T>, cell: impl FnOnce(&T) -> String) -> String {
    v.stated().map(cell).unwrap_or_default()
}

/// Extractors by column name; `columns.json` must name exactly these (checked when it is loaded).
static EXTRACTORS: &[(&str, Extract)] = &[
    ("service_code", |r, _| r.reglament.general.service_code.to_string()),
    ("record_id", |r, _| r.record_id.to_string()),
    ("version", |r, _| r.version.to_string()),
    ("status", |r, _| r.status.to_string()),
    ("name_az", |r, _| r.reglament.general.name.az.clone()),
    ("name_en", |r, _| r.reglament.general.name.en.clone().unwrap_or_default()),
    ("name_ru", |r, _| r.reglament.general.name.ru.clone().unwrap_or_default()),
    ("provider_code", |r, _| r.reglament.general.provider.to_string()),
    ("provider_name_az", |r, l| {
        l.provider(r.reglament.general.provider.as_str()).map(|p| p.label.az.clone()).unwrap_or_default()
    }),
    ("provider_name_en", |r, l| {
        l.provider(r.reglament.general.provider.as_str()).and_then(|p| p.label.en.clone()).unwrap_or_default()
    }),
    ("service_area", |r, _| r.service_area.area.clone()),
    ("service_sub_area", |r, _| r.service_area.sub_area.clone().unwrap_or_default()),
    ("directions", |r, _| join(&r.directions)),
    ("user_categories", |r, _| join(r.reglament.general.user_categories.items())),
    ("service_type", |r, _| r.reglament.general.service_type.to_string()),
    ("form", |r, _| r.reglament.general.form.to_string()),
    ("proactive", |r, _| yes_no(r.reglament.general.proactive)),
    ("components", |r, _| join(&r.reglament.general.components)),
    ("channels", |r, _| join(r.reglament.general.channels.items())),
    ("automation", |r, _| stated(&r.reglament.general.automation, ToString::to_string)),
    ("documents_count", |r, _| r.reglament.standard.documents.len().to_string()),
    ("documents_by_provider", |r, _| {
        r.reglament.standard.documents.iter().filter(|d| d.provided_by == ProvidedBy::Provider).count().to_string()
    }),
    ("free", |r, _| stated(&r.reglament.standard.fees, |f| yes_no(f.free))),
    ("fee_tiers", |r, _| stated(&r.reglament.standard.fees, |f| f.tiers.len().to_string())),
    ("min_fee_azn", |r, _| fee_bound(r, false)),
    ("max_fee_azn", |r, _| fee_bound(r, true)),
    ("time_limit_value", |r, _| stated(&r.reglament.standard.time_limit, |d| d.value.to_string())),
    ("time_limit_unit", |r, _| stated(&r.reglament.standard.time_limit, |d| d.unit.code().to_string())),
    ("result_kind", |r, _| stated(&r.reglament.standard.result, |x| x.kind.to_string())),
    ("result_medium", |r, _| {
        r.reglament.standard.result.stated().and_then(|x| x.medium.get()).map(|m| m.to_string()).unwrap_or_default()
    }),
    ("refusal_grounds_count", |r, _| r.reglament.procedure.refusal_grounds.len().to_string()),
    ("ehis_integration", |r, _| opt(r.eservice.as_ref().map(|e| yes_no(e.ehis_integration)))),
    ("e_payment", |r, _| opt(r.eservice.as_ref().map(|e| yes_no(e.e_payment)))),
    ("identification", |r, _| r.eservice.as_ref().map(|e| join(&e.identification)).unwrap_or_default()),
    ("e_form_url", |r, _| web(r.eservice.as_ref().and_then(|e| e.e_form_url.as_ref()))),
    ("legal_basis", |r, _| {
        r.reglament.general.legal_basis.items().iter().map(legal_item).collect::<Vec<_>>().join(";")
    }),
    ("creating_act_entry_into_force", |r, _| r.creating_act.entry_into_force.to_string()),
    ("submission_date", |r, _| opt(r.submission.as_ref().map(|s| s.date))),
    ("valid_from", |r, _| opt(r.validity.map(|v| v.valid_from))),
    ("valid_to", |r, _| opt(r.validity.and_then(|v| v.valid_to))),
    ("asan_index_score", |r, _| opt(r.asan_index.map(|a| a.score))),
    ("asan_index_year", |r, _| opt(r.asan_index.map(|a| a.year))),
    ("hotline", |r, _| opt(r.reglament.contact.hotline.as_ref())),
    ("web", |r, _| web(r.reglament.contact.web.as_ref())),
    ("open_data", |r, _| yes_no(r.open_data)),
    ("digest", |r, _| opt(r.submission.as_ref().and_then(|s| s.digest.as_ref()).map(|d| &d.value))),
];

static FILE: Lazy<ColumnsFile> = Lazy::new(|| {
    // The file is part of the crate and a test loads it, so a failure here is a build defect, not bad input.
    let mut file: ColumnsFile = serde_json::from_str(COLUMNS_JSON).expect("columns.json is valid (tested)");
    for column in &mut file.columns {
        let found = EXTRACTORS.iter().find(|(name, _)| *name == column.name);
        column.extract = Some(found.expect("every column of columns.json has an extractor (tested)").1);
    }
    assert_eq!(file.columns.len(), EXTRACTORS.len(), "columns.json names every extractor once (tested)");
    file
});

/// The columns of the CSV export, in order, from the embedded `schemas/opendata/columns.json`.
pub fn columns() -> &'static [Column] {
    &FILE.columns
}

/// Neutralises a cell against CSV injection: a cell that begins with `=`, `+`, `-`, `@`, a tab or CR gets
/// a leading `'` (OWASP), so a spreadsheet shows it as text instead of evaluating it.
///
/// ```
/// use dxer::convert::opendata::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(neutralise("DX-000101"), "DX-000101");
/// ```
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Appends one RFC 4180 field: neutralised, then quoted when it holds a comma, a quote, CR or LF.
fn push_field(out: &mut String, cell: &str) {
    let cell = neutralise(cell);
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&cell);
    }
}

fn push_row<'a>(out: &mut String, cells: impl IntoIterator<Item = Cow<'a, str>>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &cell);
    }
    out.push_str("\r\n");
}

/// CSV of the records `publication` exports ([`crate::convert::publish::select`]), one row per service,
/// columns of [`columns`]; provider names from the built-in code lists.
pub fn to_csv(records: &[Record], publication: Publication) -> Published<String> {
    to_csv_with(records, publication, &CodeLists::built_in())
}

/// [`to_csv`] with the given code lists (e.g. a newer provider list).
pub fn to_csv_with(records: &[Record], publication: Publication, lists: &CodeLists) -> Published<String> {
    let chosen = select(records, publication);
    let mut out = String::new();
    push_row(&mut out, columns().iter().map(|c| Cow::Borrowed(c.name.as_str())));
    for record in chosen.records {
        push_row(&mut out, columns().iter().map(|c| Cow::Owned(c.published_value(record, lists, publication))));
    }
    Published { output: out, withheld: chosen.withheld }
}

/// JSON Lines of the records `publication` exports ([`crate::convert::publish::select`]): each record's
/// [`Publication::view`] as compact JSON on one line (members sorted), in the order given, each line
/// ending in `\n`. A public line lacks the private fields, so it is not a complete record.
pub fn to_jsonl(records: &[Record], publication: Publication) -> Published<String> {
    let chosen = select(records, publication);
    let mut out = String::new();
    for record in chosen.records {
        out.push_str(&publication.view(record).to_string());
        out.push('\n');
    }
    Published { output: out, withheld: chosen.withheld }
}

fn dictionary_lang(lang: &str) -> &'static str {
    if lang == "az" {
        "az"
    } else {
        "en"
    }
}

/// Escapes text for a Markdown table cell.
fn md_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The column dictionary as a Markdown document in `lang` (`"az"`; anything else gives English): the
/// format notes, then one table row per column (name, type, code list, source pointer, description), then
/// the publication policy (the published statuses, and each record field with whether it is published).
pub fn column_dictionary(lang: &str) -> String {
    let lang = dictionary_lang(lang);
    let az = lang == "az";
    let file = &*FILE;
    let mut out = String::new();
    let heading = if az { "sütunların izahı" } else { "column dictionary" };
    out.push_str(&format!("# {} — {heading}\n\n", md_cell(file.title.get(lang))));
    let version = if az { "Məlumat dəsti" } else { "Dataset" };
    out.push_str(&format!(
        "{version} `{}`, {} {}.\n\n",
        file.dataset,
        if az { "versiya" } else { "version" },
        file.version
    ));
    for note in &file.notes {
        out.push_str(&format!("- {}\n", md_cell(note.get(lang))));
    }
    let head = if az {
        "| # | Sütun | Tip | Kod siyahısı | Mənbə (JSON Pointer) | Təsvir |"
    } else {
        "| # | Column | Type | Code list | Source (JSON Pointer) | Description |"
    };
    out.push_str(&format!("\n{head}\n|---|---|---|---|---|---|\n"));
    for (i, c) in file.columns.iter().enumerate() {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | `{}` | {} |\n",
            i + 1,
            c.name,
            md_cell(c.column_type.name(lang)),
            c.codelist.as_deref().map(|l| format!("`{l}`")).unwrap_or_default(),
            c.source,
            md_cell(c.description.get(lang)),
        ));
    }
    let (heading, statuses, head) = if az {
        ("Dərc olunan qeydlər və sahələr", "Dərc olunan statuslar", "| Sahə (JSON Pointer) | Dərc olunur | Təsvir |")
    } else {
        ("Published records and fields", "Published statuses", "| Field (JSON Pointer) | Published | Description |")
    };
    let listed: Vec<String> = super::publish::published_statuses().iter().map(|s| format!("`{s}`")).collect();
    out.push_str(&format!("\n## {heading}\n\n{statuses}: {}.\n\n{head}\n|---|---|---|\n", listed.join(", ")));
    for f in &file.record_fields {
        let public = match (f.public, az) {
            (true, true) => "bəli",
            (false, true) => "**xeyr**",
            (true, false) => "yes",
            (false, false) => "**no**",
        };
        out.push_str(&format!("| `{}` | {public} | {} |\n", f.pointer, md_cell(f.description.get(lang))));
    }
    out
}

/// The column dictionary as CSV (same format as the data: RFC 4180, CRLF) in `lang` (`"az"`; anything
/// else gives English), with the columns `name,type,codelist,source,description`.
pub fn column_dictionary_csv(lang: &str) -> String {
    let lang = dictionary_lang(lang);
    let mut out = String::new();
    push_row(&mut out, ["name", "type", "codelist", "source", "description"].map(Cow::Borrowed));
    for c in columns() {
        push_row(
            &mut out,
            [
                Cow::Borrowed(c.name.as_str()),
                Cow::Borrowed(c.column_type.name(lang)),
                Cow::Borrowed(c.codelist.as_deref().unwrap_or("")),
                Cow::Borrowed(c.source.as_str()),
                Cow::Borrowed(c.description.get(lang)),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_file_loads_with_an_extractor_per_column() {
        assert_eq!(columns().len(), EXTRACTORS.len());
        for c in columns() {
            assert!(c.extract.is_some(), "{}", c.name);
            assert!(c.description.en.as_deref().is_some_and(|e| !e.is_empty()), "{}: English description", c.name);
            assert!(c.source.starts_with('/'), "{}: source is a JSON Pointer", c.name);
        }
    }

    #[test]
    fn every_column_comes_from_a_public_field() {
        for c in columns() {
            assert!(Publication::Public.shows(&c.source), "{}: its source {} is not public", c.name, c.source);
        }
    }

    #[test]
    fn fields_are_quoted_and_neutralised() {
        let mut s = String::new();
        for cell in ["a,b", "say \"hi\"", "line\r\nbreak", "-1", "@x", "\tx", "plain", "+1,2"] {
            push_field(&mut s, cell);
            s.push('|');
        }
        assert_eq!(s, "\"a,b\"|\"say \"\"hi\"\"\"|\"line\r\nbreak\"|'-1|'@x|'\tx|plain|\"'+1,2\"|");
    }
}
