//! `dxer.Registry`: all records, cross-record findings and statistics.

use std::collections::BTreeMap;

use dxer::registry::{LoadSummary, RecordInput, Registry as Core, Stats};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::calendar::calendar_arg;
use crate::conv::{self, Arg};
use crate::errors::{guard, type_error, validation_error};
use crate::options;
use crate::report::{items, Finding, Report};
use crate::workflow::policy_arg;

/// All records of the registry, indexed by service code and provider, with cross-record findings
/// (`DXER-X…`) and statistics.
#[pyclass(module = "dxer._dxer", name = "Registry")]
pub struct Registry {
    inner: Core,
    lang: &'static str,
}

fn summary_py<'py>(py: Python<'py>, s: LoadSummary) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("items", s.items)?;
    d.set_item("indexed", s.indexed)?;
    d.set_item("problems", s.problems)?;
    Ok(d)
}

impl Registry {
    /// A registry with the options of `**options` (`entry` names the constructor in messages).
    fn from_kwargs(entry: &str, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Registry> {
        // A registry holds records: no `kind`.
        let options::Read { opts, lang } = options::read(entry, kwargs, &["kind"])?;
        Ok(Registry { inner: Core::with_options(opts), lang })
    }

    /// Runs one load of the core with the GIL released.
    fn load(&mut self, py: Python<'_>, f: impl FnOnce(&mut Core) -> LoadSummary + Send) -> LoadSummary {
        let inner = &mut self.inner;
        py.detach(move || f(inner))
    }

    fn load_values(&mut self, py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<LoadSummary> {
        let objects = items(records, "records", "an iterable of records (dict, str or bytes)")?;
        let depth = self.inner.options().max_depth;
        let mut inputs = Vec::with_capacity(objects.len());
        for (i, o) in objects.iter().enumerate() {
            let arg = Arg::Item("records", i);
            inputs.push(if let Ok(s) = o.cast::<PyString>() {
                RecordInput::Text(s.to_str()?.to_string())
            } else if let Ok(b) = o.cast::<pyo3::types::PyBytes>() {
                match std::str::from_utf8(b.as_bytes()) {
                    Ok(s) => RecordInput::Text(s.to_string()),
                    Err(_) => return Err(not_utf8(py, &arg.to_string(), b.as_bytes(), self.lang)),
                }
            } else if o.cast::<PyDict>().is_ok() {
                RecordInput::Value(conv::to_value(o, arg, depth)?)
            } else {
                return Err(type_error(arg, conv::RECORD_TYPES, o));
            });
        }
        Ok(self.load(py, move |r| r.add_inputs(inputs)))
    }

    fn record_dicts<'py>(
        &self,
        py: Python<'py>,
        records: impl Iterator<Item = dxer::model::Record>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        records.map(|r| conv::ser_to_py(py, &r)).collect()
    }
}

/// The `ValidationError` for bytes that are not UTF-8 (the core's `DXER-J002` says where).
fn not_utf8(py: Python<'_>, what: &str, bytes: &[u8], lang: &'static str) -> PyErr {
    let report = Report::new(dxer::validate(bytes, &dxer::Options::default()), lang);
    let message = format!("{what} is not UTF-8 text: {}", report.summary());
    match Py::new(py, report) {
        Ok(r) => validation_error(py, message, r),
        Err(e) => e,
    }
}

fn stats_row<'py>(py: Python<'py>, row: &dxer::registry::StatsRow) -> PyResult<Bound<'py, PyDict>> {
    let value = serde_json::to_value(row).unwrap_or_default();
    let d = PyDict::new(py);
    for column in Stats::COLUMNS {
        let v = value.get(column.name).cloned().unwrap_or(serde_json::Value::Null);
        d.set_item(column.name, conv::to_py(py, &v)?)?;
    }
    Ok(d)
}

/// `usage`: `None` or a dict of service code -> count (a negative count is a `TypeError` too).
fn usage_arg(usage: Option<&Bound<'_, PyAny>>) -> PyResult<BTreeMap<String, u64>> {
    match usage.filter(|u| !u.is_none()) {
        None => Ok(BTreeMap::new()),
        Some(u) => u.extract().map_err(|_| type_error("usage", "dict[str, int] (service code -> count >= 0)", u)),
    }
}

fn json_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    conv::to_py(py, &serde_json::to_value(value).unwrap_or_default())
}

#[pymethods]
impl Registry {
    /// An empty registry; records are validated with these options (which also apply to the
    /// cross-record findings), messages are in `lang`.
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Registry> {
        guard(py, || Registry::from_kwargs("Registry", options))
    }

    /// A registry of the records in `text`: one JSON record or a JSON array of records.
    #[staticmethod]
    #[pyo3(signature = (text, **options))]
    fn from_json(py: Python<'_>, text: &str, options: Option<&Bound<'_, PyDict>>) -> PyResult<Registry> {
        guard(py, || {
            let mut r = Registry::from_kwargs("Registry.from_json", options)?;
            r.load_json(py, text)?;
            Ok(r)
        })
    }

    /// A registry of the records in JSON Lines `text` (one record per line).
    #[staticmethod]
    #[pyo3(signature = (text, **options))]
    fn from_json_lines(py: Python<'_>, text: &str, options: Option<&Bound<'_, PyDict>>) -> PyResult<Registry> {
        guard(py, || {
            let mut r = Registry::from_kwargs("Registry.from_json_lines", options)?;
            r.load_json_lines(py, text)?;
            Ok(r)
        })
    }

    /// A registry of these records (dicts, JSON texts or bytes).
    #[staticmethod]
    #[pyo3(signature = (records, **options))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Registry> {
        guard(py, || {
            let mut r = Registry::from_kwargs("Registry.from_records", options)?;
            r.load_values(py, records)?;
            Ok(r)
        })
    }

    /// A registry of the records in these files (`.jsonl`: JSON Lines; otherwise one record or an array).
    #[staticmethod]
    #[pyo3(signature = (paths, **options))]
    fn from_files(py: Python<'_>, paths: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Registry> {
        guard(py, || {
            let mut r = Registry::from_kwargs("Registry.from_files", options)?;
            r.load_files(py, paths)?;
            Ok(r)
        })
    }

    /// Loads one JSON record or a JSON array of records; returns `{"items", "indexed", "problems"}`.
    fn load_json<'py>(&mut self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let s = self.load(py, |r| r.load_json(text));
            summary_py(py, s)
        })
    }

    /// Loads JSON Lines (one record per line; blank lines skipped).
    fn load_json_lines<'py>(&mut self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let s = self.load(py, |r| r.load_json_lines(text));
            summary_py(py, s)
        })
    }

    /// Loads records given as dicts, JSON texts or bytes (one record each).
    fn load_records<'py>(&mut self, py: Python<'py>, records: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let s = self.load_values(py, records)?;
            summary_py(py, s)
        })
    }

    /// Loads files (str or os.PathLike): `.jsonl` files as JSON Lines, others as one record or an array.
    /// Problems and entries then carry the file as `source`.
    fn load_files<'py>(&mut self, py: Python<'py>, paths: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let os = py.import("os")?;
            let mut total = LoadSummary::default();
            for (i, p) in items(paths, "paths", "an iterable of paths")?.iter().enumerate() {
                let path: String = os
                    .call_method1("fspath", (p,))
                    .and_then(|s| s.extract())
                    .map_err(|_| type_error(Arg::Item("paths", i), "str or os.PathLike", p))?;
                let bytes = std::fs::read(&path).map_err(|e| PyOSError::new_err(format!("{path}: {e}")))?;
                let text = match String::from_utf8(bytes) {
                    Ok(t) => t,
                    Err(e) => return Err(not_utf8(py, &path, e.as_bytes(), self.lang)),
                };
                // The core's extension rule picks the format; entries and problems carry the path.
                let s = self.load(py, move |r| r.load_source(&path, &text));
                total.items += s.items;
                total.indexed += s.indexed;
                total.problems += s.problems;
            }
            summary_py(py, total)
        })
    }

    /// Adds information-system registration cards (a JSON array); returns the problems found:
    /// `[{"index", "code", "finding"}]`.
    fn add_information_systems_json<'py>(&mut self, py: Python<'py>, text: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let problems = self.inner.add_information_systems_json(text);
            problems
                .into_iter()
                .map(|p| {
                    let d = PyDict::new(py);
                    d.set_item("index", p.index)?;
                    d.set_item("code", p.code)?;
                    d.set_item("finding", Finding::new(p.finding, self.lang))?;
                    Ok(d)
                })
                .collect()
        })
    }

    /// The registration cards held, as dicts.
    fn information_systems<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.inner.information_systems().iter().map(|c| conv::ser_to_py(py, c)).collect()
    }

    /// The duty findings of every registration card held on `on` (`DXER-X008`..`X011`, `DXER-W003`), in
    /// card load order: `[{"system", "finding"}]`.
    #[pyo3(signature = (on, policy=None, *, calendar=None))]
    fn system_findings<'py>(
        &self,
        py: Python<'py>,
        on: &Bound<'py, PyAny>,
        policy: Option<&Bound<'py, PyAny>>,
        calendar: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let on = conv::date_arg(on, Arg::Name("on"))?;
            let (policy, calendar) = (policy_arg(policy)?, calendar_arg(calendar)?);
            let found = self.inner.system_findings(on, &policy, &calendar);
            found
                .into_iter()
                .map(|f| {
                    let d = PyDict::new(py);
                    d.set_item("system", f.system)?;
                    d.set_item("finding", Finding::new(f.finding, self.lang))?;
                    Ok(d)
                })
                .collect()
        })
    }

    /// Number of records indexed (every version counts).
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The language of findings' messages.
    #[getter]
    fn lang(&self) -> &'static str {
        self.lang
    }

    /// Every indexed record (dict), in load order.
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        guard(py, || self.record_dicts(py, self.inner.records()))
    }

    /// Every indexed record with where it came from and its own report:
    /// `[{"record", "source", "line", "bytes", "index", "report"}]`.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            self.inner
                .entries()
                .map(|e| {
                    let d = PyDict::new(py);
                    d.set_item("record", conv::ser_to_py(py, &e.record)?)?;
                    d.set_item("source", &e.source)?;
                    d.set_item("line", e.line)?;
                    d.set_item("bytes", e.bytes.map(|b| (b.start, b.end)))?;
                    d.set_item("index", e.index)?;
                    d.set_item("report", Report::new(e.report, self.lang))?;
                    Ok(d)
                })
                .collect()
        })
    }

    /// Items that did not load cleanly: `[{"source", "line", "bytes", "index", "record_id", "version",
    /// "indexed", "findings"}]` (findings are `Finding` objects, pointers relative to the item).
    fn problems<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            self.inner
                .problems()
                .iter()
                .map(|p| {
                    let d = PyDict::new(py);
                    d.set_item("source", &p.source)?;
                    d.set_item("line", p.line)?;
                    d.set_item("bytes", p.bytes.map(|b| (b.start, b.end)))?;
                    d.set_item("index", p.index)?;
                    d.set_item("record_id", &p.record_id)?;
                    d.set_item("version", p.version)?;
                    d.set_item("indexed", p.indexed)?;
                    let findings = PyList::empty(py);
                    for f in &p.findings {
                        findings.append(Finding::new(f.clone(), self.lang))?;
                    }
                    d.set_item("findings", findings)?;
                    Ok(d)
                })
                .collect()
        })
    }

    /// Records (every version) with this service code, in load order.
    fn by_service_code<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
        guard(py, || self.record_dicts(py, self.inner.by_service_code(code)))
    }

    /// Records (every version) of this provider, in load order.
    fn by_provider<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
        guard(py, || self.record_dicts(py, self.inner.by_provider(code)))
    }

    /// The distinct service codes, sorted.
    fn service_codes(&self) -> Vec<String> {
        self.inner.service_codes().map(str::to_string).collect()
    }

    /// The distinct provider codes, sorted.
    fn provider_codes(&self) -> Vec<String> {
        self.inner.provider_codes().map(str::to_string).collect()
    }

    /// The latest version of a record id (dict), or None.
    fn latest<'py>(&self, py: Python<'py>, record_id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(py, || self.inner.latest(record_id).map(|r| conv::ser_to_py(py, &r)).transpose())
    }

    /// The latest version of every record id, sorted by record id.
    fn latest_versions<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        guard(py, || self.record_dicts(py, self.inner.latest_versions()))
    }

    /// Cross-record findings (`DXER-X…`), sorted by record id, version, pointer and code.
    fn findings(&self, py: Python<'_>) -> PyResult<Vec<RegistryFinding>> {
        guard(py, || {
            let inner = &self.inner;
            let found = py.detach(|| inner.check());
            Ok(found.into_iter().map(|f| self.located(f)).collect())
        })
    }

    /// Statistics per provider, one dict per row in the CSV's column order (ready for
    /// `pandas.DataFrame`), the totals row last unless `totals=False`. With `on`, overdue duties are
    /// counted on that date (under `policy` and `calendar`).
    #[pyo3(signature = (on=None, policy=None, *, calendar=None, totals=true))]
    fn stats<'py>(
        &self,
        py: Python<'py>,
        on: Option<&Bound<'py, PyAny>>,
        policy: Option<&Bound<'py, PyAny>>,
        calendar: Option<&Bound<'py, PyAny>>,
        totals: bool,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let stats = self.compute_stats(py, on, policy, calendar)?;
            let mut rows = stats.rows.iter().map(|r| stats_row(py, r)).collect::<PyResult<Vec<_>>>()?;
            if totals {
                rows.push(stats_row(py, &stats.totals)?);
            }
            Ok(rows)
        })
    }

    /// The statistics as CSV text (RFC 4180, header row, totals row last).
    #[pyo3(signature = (on=None, policy=None, *, calendar=None))]
    fn stats_csv(
        &self,
        py: Python<'_>,
        on: Option<&Bound<'_, PyAny>>,
        policy: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        guard(py, || Ok(self.compute_stats(py, on, policy, calendar)?.to_csv()))
    }

    /// The statistics in full: `{"as_of", "providers_version", "rows", "totals", "undated_duties",
    /// "most_used", "usage_not_in_registry"}` (`undated_duties`: findings of services whose duties could
    /// not be dated on `on`; `most_used`: the `top` services by `usage`, a dict of service code -> count).
    #[pyo3(signature = (on=None, policy=None, *, calendar=None, usage=None, top=10))]
    fn stats_report<'py>(
        &self,
        py: Python<'py>,
        on: Option<&Bound<'py, PyAny>>,
        policy: Option<&Bound<'py, PyAny>>,
        calendar: Option<&Bound<'py, PyAny>>,
        usage: Option<&Bound<'py, PyAny>>,
        top: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let mut stats = self.compute_stats(py, on, policy, calendar)?;
            (stats.most_used, stats.usage_not_in_registry) = self.inner.most_used(&usage_arg(usage)?, top);

            let d = PyDict::new(py);
            d.set_item("as_of", conv::opt_date_py(py, stats.as_of)?)?;
            d.set_item("providers_version", &stats.providers_version)?;
            d.set_item("rows", stats.rows.iter().map(|r| stats_row(py, r)).collect::<PyResult<Vec<_>>>()?)?;
            d.set_item("totals", stats_row(py, &stats.totals)?)?;
            let undated: Vec<RegistryFinding> = stats.undated_duties.into_iter().map(|f| self.located(f)).collect();
            d.set_item("undated_duties", undated)?;
            d.set_item("most_used", json_py(py, &stats.most_used)?)?;
            d.set_item("usage_not_in_registry", &stats.usage_not_in_registry)?;
            Ok(d)
        })
    }

    /// The `top` most used services by `usage` (a dict of service code -> count): highest count first,
    /// ties by service code; codes without a record are left out (see `stats_report`).
    #[pyo3(signature = (usage, top=10))]
    fn most_used<'py>(&self, py: Python<'py>, usage: &Bound<'py, PyAny>, top: usize) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let usage = usage_arg(Some(usage))?;
            let inner = &self.inner;
            let (list, _) = py.detach(|| inner.most_used(&usage, top));
            json_py(py, &list)
        })
    }

    /// The statistics as one self-contained HTML page (tables and inline SVG bar charts; nothing
    /// fetched, no script), with the most used services when `usage` is given.
    #[pyo3(signature = (on=None, policy=None, *, calendar=None, usage=None, top=10))]
    fn stats_html(
        &self,
        py: Python<'_>,
        on: Option<&Bound<'_, PyAny>>,
        policy: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
        usage: Option<&Bound<'_, PyAny>>,
        top: usize,
    ) -> PyResult<String> {
        guard(py, || {
            let mut stats = self.compute_stats(py, on, policy, calendar)?;
            (stats.most_used, stats.usage_not_in_registry) = self.inner.most_used(&usage_arg(usage)?, top);
            Ok(stats.to_html())
        })
    }

    /// The columns of the statistics: `[{"name", "en", "az"}]`.
    #[staticmethod]
    fn stats_columns<'py>(py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        Stats::COLUMNS
            .iter()
            .map(|c| {
                let d = PyDict::new(py);
                d.set_item("name", c.name)?;
                d.set_item("en", c.en)?;
                d.set_item("az", c.az)?;
                Ok(d)
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!("<dxer.Registry records={} problems={}>", self.inner.len(), self.inner.problems().len())
    }
}

impl Registry {
    /// A core registry finding for Python.
    fn located(&self, f: dxer::registry::RegistryFinding) -> RegistryFinding {
        RegistryFinding {
            record_id: f.record_id,
            version: f.version,
            line: f.line,
            source: f.source,
            finding: Finding::new(f.finding, self.lang),
        }
    }

    fn compute_stats(
        &self,
        py: Python<'_>,
        on: Option<&Bound<'_, PyAny>>,
        policy: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Stats> {
        let inner = &self.inner;
        match on.filter(|o| !o.is_none()) {
            None => Ok(py.detach(|| inner.stats())),
            Some(on) => {
                let on = conv::date_arg(on, Arg::Name("on"))?;
                let policy = policy_arg(policy)?;
                let calendar = calendar_arg(calendar)?;
                Ok(py.detach(|| inner.stats_on(on, &policy, &calendar)))
            }
        }
    }
}

/// A cross-record finding, located at one record version.
#[pyclass(frozen, module = "dxer._dxer", name = "RegistryFinding")]
pub struct RegistryFinding {
    record_id: String,
    version: u32,
    line: Option<usize>,
    source: Option<String>,
    finding: Finding,
}

#[pymethods]
impl RegistryFinding {
    /// The record concerned.
    #[getter]
    fn record_id(&self) -> &str {
        &self.record_id
    }

    /// Its version.
    #[getter]
    fn version(&self) -> u32 {
        self.version
    }

    /// Line where that record starts in the text it was loaded from.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.line
    }

    /// The file the record was loaded from (`Registry.load_files`), when that is unambiguous.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The finding (its pointer is inside the record).
    #[getter]
    fn finding(&self) -> Finding {
        Finding::new(self.finding.inner.clone(), self.finding.lang())
    }

    /// The finding's code.
    #[getter]
    fn code(&self) -> &str {
        &self.finding.inner.code
    }

    /// The finding's severity.
    #[getter]
    fn severity(&self) -> &'static str {
        self.finding.inner.severity.as_str()
    }

    /// The finding's pointer.
    #[getter]
    fn pointer(&self) -> &str {
        &self.finding.inner.pointer
    }

    /// The finding's message in the registry's language.
    #[getter]
    fn message(&self) -> &str {
        self.finding.inner.message.get(self.finding.lang())
    }

    /// One flat row: record_id, version, line, code, severity, pointer, message, provision, fix.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("record_id", &self.record_id)?;
        d.set_item("version", self.version)?;
        d.set_item("line", self.line)?;
        d.set_item("source", self.source())?;
        d.set_item("code", self.code())?;
        d.set_item("severity", self.severity())?;
        d.set_item("pointer", self.pointer())?;
        d.set_item("message", self.message())?;
        d.set_item("provision", &self.finding.inner.provision)?;
        d.set_item("fix", self.finding.inner.fix.as_deref())?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("<RegistryFinding {} v{} {} at {:?}>", self.record_id, self.version, self.code(), self.pointer())
    }
}
