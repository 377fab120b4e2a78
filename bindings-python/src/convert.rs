//! Conversions: CPSV-AP JSON-LD both ways, schema.org, open data (CSV, JSON Lines), HTML and Markdown,
//! canonical bytes and digests.

use dxer::convert::publish::{Publication, Withheld};
use dxer::convert::{canonical, cpsv, opendata, render, schema_org};
use dxer::model::Record;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::conv::{self, Arg, Input};
use crate::errors::{dxer_error, guard, parse_error, publication_warning, validation_error, withheld_error};
use crate::options::{self, OptionArgs};
use crate::report::{items, Report};
use crate::workflow::record_arg;

/// The options of a conversion (the validation every export goes through).
fn opts<'py>(
    codelists: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    rule_levels: Option<Bound<'py, PyAny>>,
) -> PyResult<dxer::Options> {
    OptionArgs { codelists, today, rule_levels, ..OptionArgs::default() }.build()
}

/// A record that passed validation, typed; an invalid one raises `ValidationError` with its report.
fn valid_record(
    py: Python<'_>,
    input: &Input<'_>,
    what: &str,
    lang: &'static str,
    opts: &dxer::Options,
) -> PyResult<Record> {
    match input.parse_record(opts) {
        Ok(valid) => Ok(valid.value),
        Err(report) => {
            let report = Report::new(report, lang);
            let message = format!("{what} is not a valid DXER record: {}", report.summary());
            Err(validation_error(py, message, Py::new(py, report)?))
        }
    }
}

fn one_valid(py: Python<'_>, record: &Bound<'_, PyAny>, lang: &'static str, opts: &dxer::Options) -> PyResult<Record> {
    let input = conv::input(record, Arg::Name("record"), opts)?;
    valid_record(py, &input, "record", lang, opts)
}

fn many_valid(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    lang: &'static str,
    opts: &dxer::Options,
) -> PyResult<Vec<Record>> {
    let objects = items(records, "records", "an iterable of records (dict, str or bytes)")?;
    let mut out = Vec::with_capacity(objects.len());
    for (i, o) in objects.iter().enumerate() {
        let arg = Arg::Item("records", i);
        let input = conv::input(o, arg, opts)?;
        out.push(valid_record(py, &input, &arg.to_string(), lang, opts)?);
    }
    Ok(out)
}

/// A record the policy leaves out raises `WithheldError` (single-record exports).
fn published<T>(py: Python<'_>, result: Result<T, Withheld>) -> PyResult<T> {
    result.map_err(|w| withheld_error(py, &w))
}

/// What a many-record export left out, as a `PublicationWarning` (nothing when it kept every record).
fn warn_withheld(py: Python<'_>, what: &str, total: usize, withheld: &[Withheld]) -> PyResult<()> {
    if withheld.is_empty() {
        return Ok(());
    }
    let mut message = format!("{what} withheld {} of {total} records:", withheld.len());
    for w in withheld {
        message.push_str(&format!(" records[{}] {w};", w.index));
    }
    publication_warning(py, message.trim_end_matches(';').to_string(), conv::ser_to_py(py, &withheld)?)
}

/// CPSV-AP 3.2.0 JSON-LD of a valid record (a dict): `dxer:record` carries its public fields, or the
/// complete record with `internal=True`. A record that is not published (not registered or amended, or not
/// `open_data`) raises `WithheldError` unless `internal=True`.
#[pyfunction]
#[pyo3(signature = (record, *, lang="az", codelists=None, today=None, rule_levels=None, internal=false))]
pub fn to_cpsv_jsonld<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    lang: &str,
    codelists: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    rule_levels: Option<Bound<'py, PyAny>>,
    internal: bool,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let opts = opts(codelists, today, rule_levels)?;
        let record = one_valid(py, record, lang, &opts)?;
        let doc = published(py, cpsv::to_jsonld_with(&record, Publication::internal(internal), &opts.codelists))?;
        conv::to_py(py, &doc)
    })
}

/// What `from_cpsv_jsonld` read: a record, what could not be mapped, and the record's validation.
#[pyclass(frozen, module = "dxer._dxer", name = "CpsvImport")]
pub struct CpsvImport {
    inner: cpsv::Imported,
    lang: &'static str,
}

#[pymethods]
impl CpsvImport {
    /// The record in the DXER shape (a dict): exact when `restored`, otherwise a draft.
    #[getter]
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::to_py(py, &self.inner.record)
    }

    /// Whether the record was restored from `dxer:record` (a dxer export): then it is exact.
    #[getter]
    fn restored(&self) -> bool {
        self.inner.restored
    }

    /// Every input property or value not mapped: `[{"pointer_or_path", "property", "reason"}]`.
    #[getter]
    fn losses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::ser_to_py(py, &self.inner.losses)
    }

    /// Validation of `record` as a DXER record.
    #[getter]
    fn report(&self) -> Report {
        Report::new(self.inner.report.clone(), self.lang)
    }

    fn __repr__(&self) -> String {
        format!(
            "<CpsvImport restored={} losses={} ok={}>",
            if self.inner.restored { "True" } else { "False" },
            self.inner.losses.len(),
            if self.inner.report.ok { "True" } else { "False" }
        )
    }
}

/// Reads CPSV-AP 3.x JSON-LD (a dict, or JSON text/bytes) back into a DXER record.
#[pyfunction]
#[pyo3(signature = (document, *, lang="az", codelists=None))]
pub fn from_cpsv_jsonld<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    lang: &str,
    codelists: Option<Bound<'py, PyAny>>,
) -> PyResult<CpsvImport> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let given_lists = codelists.as_ref().is_some_and(|c| !c.is_none());
        let opts = opts(codelists, None, None)?;
        let input = conv::input(document, Arg::Name("document"), &opts)?;
        let imported = match &input {
            Input::Value(value) => py.detach(|| cpsv::from_jsonld_with(value, &opts)),
            Input::Text(text) if !given_lists => {
                py.detach(|| cpsv::from_jsonld_str(text)).map_err(|r| not_json(py, &r, lang))?
            }
            _ => match input.json() {
                Some(value) => py.detach(|| cpsv::from_jsonld_with(&value, &opts)),
                None => return Err(not_json(py, &input.validate(&opts), lang)),
            },
        };
        Ok(CpsvImport { inner: imported, lang })
    })
}

fn not_json(py: Python<'_>, report: &dxer::Report, lang: &'static str) -> PyErr {
    let first = report.findings.first().map(|f| format!("{} {}", f.code, f.message.get(lang))).unwrap_or_default();
    parse_error(py, format!("document is not JSON: {first}"))
}

/// schema.org `GovernmentService` JSON-LD (a dict) of a valid record, texts in `lang`.
#[pyfunction]
#[pyo3(signature = (record, *, lang="az", codelists=None, today=None, rule_levels=None, internal=false))]
pub fn to_schema_org<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    lang: &str,
    codelists: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    rule_levels: Option<Bound<'py, PyAny>>,
    internal: bool,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let opts = opts(codelists, today, rule_levels)?;
        let record = one_valid(py, record, lang, &opts)?;
        let publication = Publication::internal(internal);
        conv::to_py(py, &published(py, schema_org::to_jsonld_in(&record, lang, &opts.codelists, publication))?)
    })
}

/// The JSON-LD (a dict) as a `<script type="application/ld+json">` element, safe to put in a page.
#[pyfunction]
pub fn schema_org_script_tag(jsonld: &Bound<'_, PyAny>) -> PyResult<String> {
    let value = conv::to_value_strict(jsonld, Arg::Name("jsonld"), CANONICAL_DEPTH)?;
    Ok(schema_org::script_tag(&value))
}

/// Open-data CSV of valid records (one row per published service; RFC 4180). Records that are not published,
/// or given twice, are left out with a `PublicationWarning`; `internal=True` exports every record.
#[pyfunction]
#[pyo3(signature = (records, *, lang="az", codelists=None, today=None, rule_levels=None, internal=false))]
pub fn to_csv<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    lang: &str,
    codelists: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    rule_levels: Option<Bound<'py, PyAny>>,
    internal: bool,
) -> PyResult<String> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let opts = opts(codelists, today, rule_levels)?;
        let records = many_valid(py, records, lang, &opts)?;
        let out = py.detach(|| opendata::to_csv_with(&records, Publication::internal(internal), &opts.codelists));
        warn_withheld(py, "to_csv", records.len(), &out.withheld)?;
        Ok(out.output)
    })
}

/// Open-data JSON Lines of valid records (one compact record per line, public fields only). Records that
/// are not published, or given twice, are left out with a `PublicationWarning`; `internal=True` exports
/// every record with every field.
#[pyfunction]
#[pyo3(signature = (records, *, lang="az", codelists=None, today=None, rule_levels=None, internal=false))]
pub fn to_jsonl<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    lang: &str,
    codelists: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    rule_levels: Option<Bound<'py, PyAny>>,
    internal: bool,
) -> PyResult<String> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let opts = opts(codelists, today, rule_levels)?;
        let records = many_valid(py, records, lang, &opts)?;
        let out = py.detach(|| opendata::to_jsonl(&records, Publication::internal(internal)));
        warn_withheld(py, "to_jsonl", records.len(), &out.withheld)?;
        Ok(out.output)
    })
}

/// The column dictionary of the open-data CSV, as Markdown (`format="markdown"`) or CSV (`"csv"`).
#[pyfunction]
#[pyo3(signature = (*, lang="az", format="markdown"))]
pub fn opendata_columns(lang: &str, format: &str) -> PyResult<String> {
    let lang = options::lang(lang)?;
    match format {
        "markdown" => Ok(opendata::column_dictionary(lang)),
        "csv" => Ok(opendata::column_dictionary_csv(lang)),
        other => Err(crate::errors::value_error("format", format!("expected 'markdown' or 'csv', got {other:?}"))),
    }
}

/// The reglament of a valid record as one self-contained, printable HTML page in `lang`: without the
/// signer and the e-signature reference, and only of a published record (else `WithheldError`), unless
/// `internal=True`.
#[pyfunction]
#[pyo3(signature = (record, *, lang="az", codelists=None, today=None, rule_levels=None, internal=false))]
pub fn render_html<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    lang: &str,
    codelists: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    rule_levels: Option<Bound<'py, PyAny>>,
    internal: bool,
) -> PyResult<String> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let opts = opts(codelists, today, rule_levels)?;
        let record = one_valid(py, record, lang, &opts)?;
        published(py, render::to_html_with(&record, lang, &opts.codelists, Publication::internal(internal)))
    })
}

/// The reglament of a valid record as Markdown in `lang` (published as `render_html`).
#[pyfunction]
#[pyo3(signature = (record, *, lang="az", codelists=None, today=None, rule_levels=None, internal=false))]
pub fn render_markdown<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    lang: &str,
    codelists: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    rule_levels: Option<Bound<'py, PyAny>>,
    internal: bool,
) -> PyResult<String> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let opts = opts(codelists, today, rule_levels)?;
        let record = one_valid(py, record, lang, &opts)?;
        published(py, render::to_markdown_with(&record, lang, &opts.codelists, Publication::internal(internal)))
    })
}

/// The canonical bytes of a record (what its digest and signature cover). The record must be a DXER
/// record by type; it need not pass every rule (a stored record's digest stays checkable).
#[pyfunction]
#[pyo3(signature = (record, *, lang="az"))]
pub fn canonical_bytes<'py>(py: Python<'py>, record: &Bound<'py, PyAny>, lang: &str) -> PyResult<Bound<'py, PyBytes>> {
    guard(py, || {
        let record = record_arg(py, record, "record", options::lang(lang)?)?;
        Ok(PyBytes::new(py, &canonical::canonical_bytes(&record)))
    })
}

/// The SHA-256 digest (lowercase hex) of the record's canonical bytes.
#[pyfunction]
#[pyo3(signature = (record, *, lang="az"))]
pub fn digest(py: Python<'_>, record: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    guard(py, || {
        let record = record_arg(py, record, "record", options::lang(lang)?)?;
        Ok(canonical::digest(&record))
    })
}

/// A copy of the record (dict) with `submission.digest` set; raises `DxerError` without a submission.
#[pyfunction]
#[pyo3(signature = (record, *, lang="az"))]
pub fn with_digest<'py>(py: Python<'py>, record: &Bound<'py, PyAny>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let record = record_arg(py, record, "record", options::lang(lang)?)?;
        let signed = canonical::with_digest(&record).map_err(|e| dxer_error(py, e.to_string()))?;
        conv::ser_to_py(py, &signed)
    })
}

/// The result of `verify_digest`.
#[pyclass(frozen, module = "dxer._dxer", name = "DigestCheck")]
pub struct DigestCheck {
    inner: canonical::DigestCheck,
}

#[pymethods]
impl DigestCheck {
    /// `"valid"`, `"mismatch"` or `"missing"`.
    #[getter]
    fn status(&self) -> &'static str {
        match self.inner {
            canonical::DigestCheck::Valid => "valid",
            canonical::DigestCheck::Mismatch { .. } => "mismatch",
            canonical::DigestCheck::Missing => "missing",
        }
    }

    /// Whether the stored digest is the digest of the record.
    #[getter]
    fn ok(&self) -> bool {
        self.inner == canonical::DigestCheck::Valid
    }

    /// The digest stored in the record (on a mismatch).
    #[getter]
    fn stored(&self) -> Option<&str> {
        match &self.inner {
            canonical::DigestCheck::Mismatch { stored, .. } => Some(stored),
            _ => None,
        }
    }

    /// The digest of the record as it is now (on a mismatch).
    #[getter]
    fn actual(&self) -> Option<&str> {
        match &self.inner {
            canonical::DigestCheck::Mismatch { actual, .. } => Some(actual),
            _ => None,
        }
    }

    fn __repr__(&self) -> String {
        format!("<DigestCheck {}>", self.status())
    }
}

/// Checks `submission.digest` against the record's canonical bytes.
#[pyfunction]
#[pyo3(signature = (record, *, lang="az"))]
pub fn verify_digest(py: Python<'_>, record: &Bound<'_, PyAny>, lang: &str) -> PyResult<DigestCheck> {
    guard(py, || {
        let record = record_arg(py, record, "record", options::lang(lang)?)?;
        Ok(DigestCheck { inner: canonical::verify_digest(&record) })
    })
}

/// Canonical JSON text of any JSON value (sorted members, normalised numbers): what `canonical_bytes`
/// applies to a record.
#[pyfunction]
pub fn canonical_json(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let v = conv::to_value_strict(value, Arg::Name("value"), CANONICAL_DEPTH)?;
    Ok(canonical::canonical_json(&v))
}

/// Deepest nesting `canonical_json` and `schema_org_script_tag` convert (they recurse).
const CANONICAL_DEPTH: usize = 512;
