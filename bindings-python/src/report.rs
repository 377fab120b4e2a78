//! `validate`, `validate_many`, `Report` and `Finding`.

use std::sync::mpsc::TrySendError;
use std::sync::{Mutex, OnceLock};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::conv::{self, Arg};
use crate::direct::{self, Doc};
use crate::errors::{guard, internal, panic_text, type_error, value_error};
use crate::options;

/// One finding: a located, explained problem in a record.
#[pyclass(frozen, eq, module = "dxer._dxer", name = "Finding")]
#[derive(PartialEq)]
pub struct Finding {
    pub inner: dxer::Finding,
    lang: &'static str,
}

impl Finding {
    pub fn new(inner: dxer::Finding, lang: &'static str) -> Finding {
        Finding { inner, lang }
    }

    /// `CODE at POINTER: message` (the text of exceptions carrying a finding).
    pub fn headline(&self) -> String {
        let at = if self.inner.pointer.is_empty() { "(document)" } else { self.inner.pointer.as_str() };
        format!("{} at {at}: {}", self.inner.code, self.inner.message.get(self.lang))
    }
}

#[pymethods]
impl Finding {
    /// Stable code from the rule catalogue, e.g. `DXER-F003`.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    /// `"error"`, `"warning"` or `"info"` (after the caller's overrides).
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// RFC 6901 JSON Pointer to the offending field (`""` is the whole document).
    #[getter]
    fn pointer(&self) -> &str {
        &self.inner.pointer
    }

    /// The message in the report's language.
    #[getter]
    fn message(&self) -> &str {
        self.inner.message.get(self.lang)
    }

    /// The message in every language: `{"az": ..., "en": ..., "ru": ...}`.
    #[getter]
    fn messages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("az", &self.inner.message.az)?;
        d.set_item("en", &self.inner.message.en)?;
        d.set_item("ru", &self.inner.message.ru)?;
        Ok(d)
    }

    /// The legal provision the rule enforces.
    #[getter]
    fn provision(&self) -> &str {
        &self.inner.provision
    }

    /// The exact replacement value for the field at `pointer`, when the fix is mechanical.
    #[getter]
    fn fix(&self) -> Option<&str> {
        self.inner.fix.as_deref()
    }

    /// The language of `message`.
    #[getter]
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The finding as a dict (the JSON form: code, severity, pointer, message {az, en, ru}, provision, fix).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::ser_to_py(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!("<Finding {} {} at {:?}>", self.inner.severity, self.inner.code, self.inner.pointer)
    }

    fn __str__(&self) -> String {
        format!("{}[{}] {}: {}", self.inner.severity, self.inner.code, self.inner.pointer, self.message())
    }
}

/// The result of validating one document.
#[pyclass(frozen, module = "dxer._dxer", name = "Report")]
pub struct Report {
    pub inner: dxer::Report,
    lang: &'static str,
    findings: OnceLock<Vec<Py<Finding>>>,
}

impl Report {
    pub fn new(inner: dxer::Report, lang: &'static str) -> Report {
        Report { inner, lang, findings: OnceLock::new() }
    }

    fn cached(&self, py: Python<'_>) -> PyResult<&Vec<Py<Finding>>> {
        if let Some(f) = self.findings.get() {
            return Ok(f);
        }
        let built = self
            .inner
            .findings
            .iter()
            .map(|f| Py::new(py, Finding::new(f.clone(), self.lang)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(self.findings.get_or_init(|| built))
    }

    fn filtered<'py>(&self, py: Python<'py>, severity: dxer::Severity) -> PyResult<Bound<'py, PyList>> {
        let all = self.cached(py)?;
        let picked = all.iter().filter(|f| f.get().inner.severity == severity).map(|f| f.clone_ref(py));
        PyList::new(py, picked)
    }

    /// `N error(s); first: CODE at POINTER: message` (the text of `ValidationError`).
    pub fn summary(&self) -> String {
        let errors = self.inner.error_count();
        match self.inner.by_severity(dxer::Severity::Error).next() {
            Some(f) => {
                format!("{errors} error(s); first: {}", Finding::new(f.clone(), self.lang).headline())
            }
            None => "no errors".to_string(),
        }
    }
}

#[pymethods]
impl Report {
    /// `True` when there is no finding of error severity: the record may be submitted.
    #[getter]
    fn ok(&self) -> bool {
        self.inner.ok
    }

    /// What the document was validated as: `"record"` or `"reglament"`.
    #[getter]
    fn kind(&self) -> &'static str {
        match self.inner.kind {
            dxer::DocumentKind::Reglament => "reglament",
            _ => "record",
        }
    }

    /// The language of the findings' `message`.
    #[getter]
    fn lang(&self) -> &'static str {
        self.lang
    }

    /// Every finding, ordered by pointer, then code.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.cached(py)?.iter().map(|f| f.clone_ref(py)))
    }

    /// The findings of error severity.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.filtered(py, dxer::Severity::Error)
    }

    /// The findings of warning severity.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.filtered(py, dxer::Severity::Warning)
    }

    /// The findings of info severity.
    #[getter]
    fn infos<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.filtered(py, dxer::Severity::Info)
    }

    /// Number of findings of error severity.
    #[getter]
    fn error_count(&self) -> usize {
        self.inner.error_count()
    }

    /// The distinct finding codes, sorted.
    fn codes(&self) -> Vec<String> {
        self.inner.codes().into_iter().map(str::to_string).collect()
    }

    /// The same report with messages in another language.
    fn in_lang(&self, lang: &str) -> PyResult<Report> {
        Ok(Report::new(self.inner.clone(), options::lang(lang)?))
    }

    /// The report as a dict: `{"ok", "kind", "findings": [...]}` (the JSON form every dxer tool writes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::ser_to_py(py, &self.inner)
    }

    /// The report as JSON text (`indent` > 0 pretty-prints).
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        let text = match indent {
            Some(n) if n > 0 => {
                let pad = vec![b' '; n];
                let mut out = Vec::new();
                let fmt = serde_json::ser::PrettyFormatter::with_indent(&pad);
                let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                serde::Serialize::serialize(&self.inner, &mut ser).map(|_| String::from_utf8_lossy(&out).into_owned())
            }
            _ => serde_json::to_string(&self.inner),
        };
        text.map_err(|e| crate::errors::dxer_error(py, e.to_string()))
    }

    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.findings(py)?.try_iter().map(Bound::into_any)
    }

    fn __getitem__(&self, py: Python<'_>, index: isize) -> PyResult<Py<Finding>> {
        let all = self.cached(py)?;
        let len = all.len() as isize;
        let i = if index < 0 { index + len } else { index };
        if i < 0 || i >= len {
            return Err(pyo3::exceptions::PyIndexError::new_err("report index out of range"));
        }
        Ok(all[i as usize].clone_ref(py))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Report ok={} kind={} findings={} errors={}>",
            if self.inner.ok { "True" } else { "False" },
            self.kind(),
            self.inner.findings.len(),
            self.inner.error_count()
        )
    }
}

/// Validates one DXER record or bare reglament and reports every finding.
#[pyfunction]
#[pyo3(signature = (record, **options))]
pub fn validate<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Report> {
    guard(py, || {
        let options::Read { opts, lang } = options::read("validate", options, &[])?;
        let doc = direct::document(record, Arg::Name("record"), &opts)?;
        let found = py.detach(|| run_chunk(vec![doc], &opts)).map_err(|p| internal(py, &p))?;
        let report = found.into_iter().next().ok_or_else(|| internal(py, "no report"))?;
        Ok(Report::new(report, lang))
    })
}

/// Validates many records in parallel (the GIL is released; order is preserved).
#[pyfunction]
#[pyo3(signature = (records, *, threads=None, **options))]
pub fn validate_many<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    threads: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Vec<Report>> {
    guard(py, || {
        let options::Read { opts, lang } = options::read("validate_many", options, &[])?;
        if threads == Some(0) {
            return Err(value_error("threads", "must be at least 1"));
        }
        let objects = items(records, "records", "an iterable of records (dict, str or bytes)")?;
        let threads = threads.unwrap_or_else(default_threads);
        let reports = validate_all(py, &objects, &opts, threads)?;
        Ok(reports.into_iter().map(|r| Report::new(r, lang)).collect())
    })
}

/// The items of an iterable argument; a lone record (str, bytes, dict) is refused, not iterated.
pub fn items<'py>(obj: &Bound<'py, PyAny>, arg: &str, expected: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    use pyo3::types::{PyBytes, PyString};
    if obj.cast::<PyString>().is_ok() || obj.cast::<PyBytes>().is_ok() || obj.cast::<PyDict>().is_ok() {
        return Err(type_error(arg, &format!("{expected}, not a single one"), obj));
    }
    let iter = obj.try_iter().map_err(|_| type_error(arg, expected, obj))?;
    iter.collect()
}

/// Worker threads by default: every core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Items per unit of work handed to a thread (small, so threads stay balanced; large enough to be cheap).
const CHUNK: usize = 32;
/// Stack of each worker thread (virtual memory; deep documents within the caller's limits must fit).
const STACK: usize = 64 * 1024 * 1024;

type Chunk<'a> = (usize, Vec<Doc<'a>>);
/// The reports of a chunk.
type Found = Vec<dxer::Report>;

/// Validates every object on up to `threads` threads, in order.
///
/// A pipeline: this thread converts the objects chunk by chunk (dicts need the GIL: they are copied onto
/// tapes, which is all the GIL is held for) and hands each chunk to worker threads, which validate it and
/// free it while the next one is converted. The queue holds a few chunks: when the workers are behind, this
/// thread validates the chunk itself without the GIL (so memory stays at a few chunks, and no core idles);
/// at the end it releases the GIL and helps. Text and bytes are borrowed, not copied. A panic anywhere
/// becomes a `DxerError`; a conversion error stops the run and is raised.
fn validate_all(
    py: Python<'_>,
    objects: &[Bound<'_, PyAny>],
    opts: &dxer::Options,
    threads: usize,
) -> PyResult<Vec<dxer::Report>> {
    let convert = |c: usize, part| convert_chunk(c, part, opts);
    let chunks = objects.len().div_ceil(CHUNK);
    let workers = threads.min(chunks).saturating_sub(1);
    if workers == 0 {
        // One chunk at a time: the copies of one chunk are in memory at once, not every record's.
        let mut reports = Vec::with_capacity(objects.len());
        for (c, part) in objects.chunks(CHUNK).enumerate() {
            let inputs = convert(c, part)?;
            reports.extend(py.detach(move || run_chunk(inputs, opts)).map_err(|p| internal(py, &p))?);
        }
        return Ok(reports);
    }
    let (tx, rx) = std::sync::mpsc::sync_channel::<Chunk<'_>>(2 * workers);
    let rx = Mutex::new(rx);
    let work = || -> Result<Vec<(usize, Found)>, String> {
        let mut done = Vec::new();
        loop {
            // The sender is dropped when every chunk is sent (or on error): then recv fails and work ends.
            let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok((c, inputs)) = next else { return Ok(done) };
            done.push((c, run_chunk(inputs, opts)?));
        }
    };
    std::thread::scope(|s| {
        let mut handles = Vec::with_capacity(workers);
        for _ in 0..workers {
            match std::thread::Builder::new().name("dxer-worker".into()).stack_size(STACK).spawn_scoped(s, work) {
                Ok(h) => handles.push(h),
                Err(_) => break, // fewer threads: the others (and this one) take the work
            }
        }
        let (mut failed, mut parts, mut panic) = (None, Vec::new(), None);
        for (c, part) in objects.chunks(CHUNK).enumerate() {
            let inputs = match convert(c, part) {
                Ok(inputs) => inputs,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            };
            match tx.try_send((c, inputs)) {
                Ok(()) => {}
                // The workers are behind (or gone): this chunk is validated here, without the GIL.
                Err(TrySendError::Full((c, inputs)) | TrySendError::Disconnected((c, inputs))) => {
                    match py.detach(move || run_chunk(inputs, opts)) {
                        Ok(found) => parts.push((c, found)),
                        Err(p) => {
                            panic = Some(p);
                            break;
                        }
                    }
                }
            }
        }
        drop(tx);
        let joined = py.detach(move || {
            let mut parts = Vec::new();
            let mut panic = None;
            match work() {
                Ok(p) => parts.extend(p),
                Err(p) => panic = Some(p),
            }
            for h in handles {
                match h.join() {
                    Ok(Ok(p)) => parts.extend(p),
                    Ok(Err(p)) => panic = Some(p),
                    Err(p) => panic = Some(panic_text(p.as_ref())),
                }
            }
            match panic {
                Some(p) => Err(p),
                None => Ok(parts),
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        if let Some(p) = panic {
            return Err(internal(py, &p));
        }
        parts.extend(joined.map_err(|p| internal(py, &p))?);
        parts.sort_by_key(|(c, _)| *c);
        Ok(parts.into_iter().flat_map(|(_, r)| r).collect())
    })
}

/// Reads the objects of chunk `c` (dicts copied onto tapes).
fn convert_chunk<'a>(c: usize, part: &'a [Bound<'_, PyAny>], opts: &dxer::Options) -> PyResult<Vec<Doc<'a>>> {
    let mut size = (0, 0);
    part.iter()
        .enumerate()
        .map(|(j, o)| direct::document_sized(o, Arg::Item("records", c * CHUNK + j), opts, &mut size))
        .collect()
}

/// Validates a chunk (each document is freed by its validation, while it is in cache).
fn run_chunk(inputs: Vec<Doc<'_>>, opts: &dxer::Options) -> Result<Found, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        inputs.into_iter().map(|input| input.validate(opts)).collect()
    }))
    .map_err(|p| panic_text(p.as_ref()))
}

/// Whether the direct path reads the dict `record` straight into the typed model and answers for it
/// (without a `serde_json::Value` or the full pipeline): for the tests, which check that it does for the
/// documents it should. Private (`dxer._dxer._direct_read`): not part of the API. Takes the options of
/// `validate`.
#[pyfunction]
#[pyo3(signature = (record, **options))]
pub fn _direct_read<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<bool> {
    guard(py, || {
        let opts = options::read("_direct_read", options, &[])?.opts;
        let doc = direct::document(record, Arg::Name("record"), &opts)?;
        Ok(py.detach(|| doc.direct(&opts)))
    })
}
