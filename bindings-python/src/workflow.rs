//! The registry workflow (`apply_event`, `duties`, `status_at`, `Policy`) and versions (`diff`).

use dxer::calendar::Period;
use dxer::model::{Record, RecordStatus, WorkflowEvent};
use dxer::registry::workflow::{self as wf, Event};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::Deserialize;
use serde_json::Value;

use crate::calendar::calendar_arg;
use crate::conv::{self, Arg};
use crate::errors::{guard, parse_error, type_error, validation_error, workflow_error};
use crate::options;
use crate::report::{Finding, Report};

/// A record argument, typed. A document that is not a DXER record raises `ValidationError` with the
/// validator's report (which says why).
pub fn record_arg(py: Python<'_>, obj: &Bound<'_, PyAny>, arg: &str, lang: &'static str) -> PyResult<Record> {
    let opts = dxer::Options { kind: dxer::DocumentKind::Record, ..dxer::Options::default() };
    let input = conv::input(obj, Arg::Name(arg), &opts)?;
    let typed = input.json().map(|v| Record::deserialize(v.as_ref()));
    let detail = match typed {
        Some(Ok(record)) => return Ok(record),
        Some(Err(e)) => e.to_string(),
        None => "not JSON".to_string(),
    };
    let report = input.validate(&opts);
    if report.ok {
        // The validator accepts what the types refuse: say what serde said.
        return Err(parse_error(py, format!("{arg}: not a DXER record: {detail}")));
    }
    let report = Report::new(report, lang);
    let message = format!("{arg} is not a valid DXER record: {}", report.summary());
    Err(validation_error(py, message, Py::new(py, report)?))
}

/// The WorkflowError for a finding.
pub fn finding_error(py: Python<'_>, finding: dxer::Finding, lang: &'static str) -> PyErr {
    let f = Finding::new(finding, lang);
    let message = f.headline();
    match Py::new(py, f) {
        Ok(f) => workflow_error(py, message, f),
        Err(e) => e,
    }
}

fn record_py<'py>(py: Python<'py>, record: &Record) -> PyResult<Bound<'py, PyAny>> {
    conv::ser_to_py(py, record)
}

fn period_py<'py>(py: Python<'py>, p: Period) -> PyResult<Bound<'py, PyAny>> {
    conv::ser_to_py(py, &p)
}

fn period_arg(obj: &Bound<'_, PyAny>, arg: &str) -> PyResult<Period> {
    if obj.cast::<PyDict>().is_err() {
        return Err(type_error(arg, "a period dict such as {\"value\": 7, \"unit\": \"working_days\"}", obj));
    }
    let v = conv::to_value(obj, Arg::Name(arg), 8)?;
    serde_json::from_value(v).map_err(|e| crate::errors::value_error(arg, e))
}

/// Deadlines and counting rules of the registry (defaults: the law's 30/7/7 working days).
#[pyclass(frozen, eq, module = "dxer._dxer", name = "Policy")]
#[derive(PartialEq)]
pub struct Policy {
    pub inner: wf::Policy,
}

/// The policy given as an optional argument (default: the law's).
pub fn policy_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<wf::Policy> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(wf::Policy::default()),
        Some(o) => match o.cast::<Policy>() {
            Ok(p) => Ok(p.get().inner.clone()),
            Err(_) => Err(type_error("policy", "dxer.Policy", o)),
        },
    }
}

#[pymethods]
impl Policy {
    /// The default policy with the given fields replaced. Periods are dicts such as
    /// `{"value": 7, "unit": "working_days"}` (units: working_days, calendar_days, months);
    /// `max_returns=None` means no limit. `regime_start` is a `datetime.date`, or `False` to
    /// count the submission clock from the creating act alone.
    #[new]
    #[pyo3(signature = (*, submit_within=None, review_within=None, fix_within=None, due_soon_margin=None, max_returns=None, register_only_without_errors=None, register_card_within=None, ehis_supply_within=None, regime_start=None))]
    #[allow(clippy::too_many_arguments)] // keyword-only arguments, one per field
    fn new(
        submit_within: Option<&Bound<'_, PyAny>>,
        review_within: Option<&Bound<'_, PyAny>>,
        fix_within: Option<&Bound<'_, PyAny>>,
        due_soon_margin: Option<&Bound<'_, PyAny>>,
        max_returns: Option<&Bound<'_, PyAny>>,
        register_only_without_errors: Option<&Bound<'_, PyAny>>,
        register_card_within: Option<&Bound<'_, PyAny>>,
        ehis_supply_within: Option<&Bound<'_, PyAny>>,
        regime_start: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Policy> {
        let mut p = wf::Policy::default();
        if let Some(v) = submit_within {
            p.submit_within = period_arg(v, "submit_within")?;
        }
        if let Some(v) = review_within {
            p.review_within = period_arg(v, "review_within")?;
        }
        if let Some(v) = fix_within {
            p.fix_within = period_arg(v, "fix_within")?;
        }
        // Read here rather than by PyO3's own conversion, so that a wrong value is a dxer.DxerError.
        let read = |v: &Bound<'_, PyAny>, arg: &str| -> PyResult<u32> {
            if v.is_instance_of::<pyo3::types::PyBool>() {
                return Err(crate::errors::type_error(arg, "int", v));
            }
            v.extract::<u32>().map_err(|e| crate::errors::extraction(v.py(), arg, e))
        };
        if let Some(v) = due_soon_margin {
            p.due_soon_margin = read(v, "due_soon_margin")?;
        }
        if let Some(v) = max_returns.filter(|v| !v.is_none()) {
            p.max_returns = Some(read(v, "max_returns")?);
        }
        if let Some(v) = register_only_without_errors {
            p.register_only_without_errors = v
                .cast::<pyo3::types::PyBool>()
                .map_err(|_| crate::errors::type_error("register_only_without_errors", "bool", v))?
                .is_true();
        }
        if let Some(v) = register_card_within {
            p.register_card_within = period_arg(v, "register_card_within")?;
        }
        if let Some(v) = ehis_supply_within {
            p.ehis_supply_within = period_arg(v, "ehis_supply_within")?;
        }
        if let Some(v) = regime_start {
            p.regime_start = if v.is(&*pyo3::types::PyBool::new(v.py(), false)) {
                None
            } else {
                Some(conv::date_arg(v, Arg::Name("regime_start"))?)
            };
        }
        Ok(Policy { inner: p })
    }

    /// A policy from its dict form (`to_dict()`).
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Policy> {
        if data.cast::<PyDict>().is_err() {
            return Err(type_error("data", "dict", data));
        }
        let v = conv::to_value(data, Arg::Name("data"), 8)?;
        serde_json::from_value(v).map(|inner| Policy { inner }).map_err(|e| parse_error(py, format!("policy: {e}")))
    }

    /// The policy as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::ser_to_py(py, &self.inner)
    }

    /// Period to submit after the creating act enters into force.
    #[getter]
    fn submit_within<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        period_py(py, self.inner.submit_within)
    }

    /// Period for the operator to review a submission.
    #[getter]
    fn review_within<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        period_py(py, self.inner.review_within)
    }

    /// Period for the provider to fix returned defects.
    #[getter]
    fn fix_within<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        period_py(py, self.inner.fix_within)
    }

    /// Working days left at which a duty is "due soon".
    #[getter]
    fn due_soon_margin(&self) -> u32 {
        self.inner.due_soon_margin
    }

    /// Most returns of one submission (`None`: no limit).
    #[getter]
    fn max_returns(&self) -> Option<u32> {
        self.inner.max_returns
    }

    /// Whether a record with errors is refused registration (`DXER-W007`).
    #[getter]
    fn register_only_without_errors(&self) -> bool {
        self.inner.register_only_without_errors
    }

    /// Period for an information system's owner to submit the application and registration card.
    #[getter]
    fn register_card_within<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        period_py(py, self.inner.register_card_within)
    }

    /// Period for a body to make an information system's data available through EHİS.
    #[getter]
    fn ehis_supply_within<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        period_py(py, self.inner.ehis_supply_within)
    }

    /// The submission clock starts no earlier than this date (`None`: from the creating act alone).
    #[getter]
    fn regime_start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::opt_date_py(py, self.inner.regime_start)
    }

    fn __repr__(&self) -> String {
        format!("<dxer.Policy {}>", serde_json::to_string(&self.inner).unwrap_or_default())
    }
}

/// An open duty with its due date.
#[pyclass(frozen, eq, module = "dxer._dxer", name = "Duty")]
#[derive(PartialEq, Clone)]
pub struct Duty {
    inner: wf::Duty,
}

#[pymethods]
impl Duty {
    /// `"submission"`, `"review"` or `"fix"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.code()
    }

    /// `"provider"` or `"operator"`.
    #[getter]
    fn owner(&self) -> &str {
        &self.inner.owner
    }

    /// The date the period runs from.
    #[getter]
    #[allow(clippy::wrong_self_convention)] // a Python attribute name, not a conversion
    fn from_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::date_py(py, self.inner.from)
    }

    /// The last day to fulfil it.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        conv::date_py(py, self.inner.due)
    }

    /// JSON Pointer of the date the period runs from.
    #[getter]
    fn pointer(&self) -> &str {
        &self.inner.pointer
    }

    /// `{"kind", "owner", "from_date", "due", "pointer"}` with dates as `datetime.date`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind())?;
        d.set_item("owner", self.owner())?;
        d.set_item("from_date", self.from_date(py)?)?;
        d.set_item("due", self.due(py)?)?;
        d.set_item("pointer", self.pointer())?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("<Duty {} ({}) due {}>", self.kind(), self.owner(), self.inner.due)
    }
}

/// A duty and how it stands on a given day.
#[pyclass(frozen, module = "dxer._dxer", name = "DutyStatus")]
pub struct DutyStatus {
    inner: wf::DutyStatus,
}

#[pymethods]
impl DutyStatus {
    /// The duty.
    #[getter]
    fn duty(&self) -> Duty {
        Duty { inner: self.inner.duty.clone() }
    }

    /// `"on_time"`, `"due_soon"` or `"overdue"`.
    #[getter]
    fn standing(&self) -> &'static str {
        self.inner.standing.code()
    }

    /// Working days left (on time, due soon) or overdue.
    #[getter]
    fn working_days(&self) -> u32 {
        self.inner.working_days
    }

    /// The duty's fields plus `standing` and `working_days`, flat (one row of a table).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = self.duty().to_dict(py)?;
        d.set_item("standing", self.standing())?;
        d.set_item("working_days", self.working_days())?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "<DutyStatus {} due {}: {} ({} working days)>",
            self.inner.duty.kind.code(),
            self.inner.duty.due,
            self.standing(),
            self.inner.working_days
        )
    }
}

/// The result of an allowed event.
#[pyclass(frozen, module = "dxer._dxer", name = "Transition")]
pub struct Transition {
    inner: wf::Transition,
}

#[pymethods]
impl Transition {
    /// State before the event.
    #[getter]
    #[allow(clippy::wrong_self_convention)] // a Python attribute name, not a conversion
    fn from_state(&self) -> &'static str {
        self.inner.from.code()
    }

    /// State after the event.
    #[getter]
    fn to_state(&self) -> &'static str {
        self.inner.to.code()
    }

    /// The record after the event (status, dates and history updated), as a dict (a new one each time).
    #[getter]
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        record_py(py, &self.inner.record)
    }

    /// The duties open after the event.
    #[getter]
    fn duties(&self) -> Vec<Duty> {
        self.inner.duties.iter().map(|d| Duty { inner: d.clone() }).collect()
    }

    /// `{"from_state", "to_state", "record", "duties"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("from_state", self.from_state())?;
        d.set_item("to_state", self.to_state())?;
        d.set_item("record", self.record(py)?)?;
        let duties = self.duties().iter().map(|x| x.to_dict(py)).collect::<PyResult<Vec<_>>>()?;
        d.set_item("duties", duties)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("<Transition {} -> {}>", self.from_state(), self.to_state())
    }
}

fn event_arg(py: Python<'_>, event: &Bound<'_, PyAny>) -> PyResult<Event> {
    let value = if let Ok(s) = event.cast::<PyString>() {
        let mut m = serde_json::Map::new();
        m.insert("event".into(), Value::String(s.to_str()?.to_string()));
        Value::Object(m)
    } else if event.cast::<PyDict>().is_ok() {
        conv::to_value(event, Arg::Name("event"), 16)?
    } else {
        return Err(type_error(
            "event",
            "an event code such as \"start_review\" or a dict such as {\"event\": \"submit\", \"signer\": \"...\"}",
            event,
        ));
    };
    serde_json::from_value(value).map_err(|e| parse_error(py, format!("event: {e}")))
}

/// Applies `event` on date `at` to `record`; raises `WorkflowError` (with `.finding`) when not allowed.
#[pyfunction]
#[pyo3(signature = (record, event, at, policy=None, *, calendar=None, lang="az"))]
pub fn apply_event(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    event: &Bound<'_, PyAny>,
    at: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Transition> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let record = record_arg(py, record, "record", lang)?;
        let event = event_arg(py, event)?;
        let at = conv::date_arg(at, Arg::Name("at"))?;
        let policy = policy_arg(policy)?;
        let calendar = calendar_arg(calendar)?;
        wf::apply(&record, &event, at, &policy, &calendar)
            .map(|inner| Transition { inner })
            .map_err(|f| finding_error(py, *f, lang))
    })
}

/// The duties open in the record's current state, with due dates.
#[pyfunction]
#[pyo3(signature = (record, policy=None, *, calendar=None, lang="az"))]
pub fn duties(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Vec<Duty>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let record = record_arg(py, record, "record", lang)?;
        let policy = policy_arg(policy)?;
        let calendar = calendar_arg(calendar)?;
        wf::duties(&record, &policy, &calendar)
            .map(|list| list.into_iter().map(|inner| Duty { inner }).collect())
            .map_err(|f| finding_error(py, *f, lang))
    })
}

/// How each open duty stands on `on`: on time, due soon or overdue.
#[pyfunction]
#[pyo3(signature = (record, on, policy=None, *, calendar=None, lang="az"))]
pub fn status_at(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    on: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Vec<DutyStatus>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let record = record_arg(py, record, "record", lang)?;
        let on = conv::date_arg(on, Arg::Name("on"))?;
        let policy = policy_arg(policy)?;
        let calendar = calendar_arg(calendar)?;
        wf::status_at(&record, on, &policy, &calendar)
            .map(|list| list.into_iter().map(|inner| DutyStatus { inner }).collect())
            .map_err(|f| finding_error(py, *f, lang))
    })
}

/// Findings for duties overdue (`DXER-W010`) or due soon (`DXER-W011`) on `on`.
#[pyfunction]
#[pyo3(signature = (record, on, policy=None, *, calendar=None, lang="az"))]
pub fn due_findings(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    on: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Vec<Finding>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let record = record_arg(py, record, "record", lang)?;
        let on = conv::date_arg(on, Arg::Name("on"))?;
        let policy = policy_arg(policy)?;
        let calendar = calendar_arg(calendar)?;
        Ok(wf::due_findings(&record, on, &policy, &calendar).into_iter().map(|f| Finding::new(f, lang)).collect())
    })
}

/// The state `event` leads to from `state`, or `None` if the event is not allowed there.
#[pyfunction]
pub fn next_state(state: &str, event: &str) -> PyResult<Option<&'static str>> {
    let state: RecordStatus = options::code("state", state)?;
    let event: WorkflowEvent = options::code("event", event)?;
    Ok(wf::next_state(state, event).map(RecordStatus::code))
}

/// The events allowed in `state`.
#[pyfunction]
pub fn allowed_events(state: &str) -> PyResult<Vec<&'static str>> {
    let state: RecordStatus = options::code("state", state)?;
    Ok(wf::allowed_events(state).into_iter().map(WorkflowEvent::code).collect())
}

fn changes_py<'py>(py: Python<'py>, changes: &[dxer::registry::versions::Change]) -> PyResult<Vec<Bound<'py, PyDict>>> {
    changes
        .iter()
        .map(|c| {
            let d = PyDict::new(py);
            d.set_item("pointer", &c.pointer)?;
            d.set_item("old", c.old.as_ref().map(|v| conv::to_py(py, v)).transpose()?)?;
            d.set_item("new", c.new.as_ref().map(|v| conv::to_py(py, v)).transpose()?)?;
            Ok(d)
        })
        .collect()
}

/// What changed in the service between two versions of a record (registry bookkeeping left out):
/// `[{"pointer", "old", "new"}]` (`old` is None for an added field, `new` for a removed one).
#[pyfunction]
#[pyo3(signature = (old, new, *, lang="az"))]
pub fn diff<'py>(
    py: Python<'py>,
    old: &Bound<'py, PyAny>,
    new: &Bound<'py, PyAny>,
    lang: &str,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let old = record_arg(py, old, "old", lang)?;
        let new = record_arg(py, new, "new", lang)?;
        changes_py(py, &dxer::registry::versions::diff(&old, &new))
    })
}

/// Amends `previous` with `new`, valid from `valid_from`: `{"previous", "record", "changes"}` — the previous
/// version closed the day before, the new version (next number, valid from `valid_from`) and what changed.
/// Raises `WorkflowError` with `DXER-W005` when nothing but bookkeeping changed, `DXER-W002` when
/// `valid_from` is not after the previous version's start.
#[pyfunction]
#[pyo3(signature = (previous, new, valid_from, *, lang="az"))]
pub fn amend<'py>(
    py: Python<'py>,
    previous: &Bound<'py, PyAny>,
    new: &Bound<'py, PyAny>,
    valid_from: &Bound<'py, PyAny>,
    lang: &str,
) -> PyResult<Bound<'py, PyDict>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let previous = record_arg(py, previous, "previous", lang)?;
        let new = record_arg(py, new, "new", lang)?;
        let valid_from = conv::date_arg(valid_from, Arg::Name("valid_from"))?;
        let a = dxer::registry::versions::amend(&previous, new, valid_from).map_err(|f| finding_error(py, *f, lang))?;
        let d = PyDict::new(py);
        d.set_item("previous", conv::ser_to_py(py, &a.previous)?)?;
        d.set_item("record", conv::ser_to_py(py, &a.record)?)?;
        d.set_item("changes", changes_py(py, &a.changes)?)?;
        Ok(d)
    })
}

/// Deepest nesting `diff_values` converts (it recurses).
const DIFF_DEPTH: usize = 512;

/// Changes between any two JSON documents (dicts, lists, ...), as `diff` lists them.
#[pyfunction]
pub fn diff_values<'py>(
    py: Python<'py>,
    old: &Bound<'py, PyAny>,
    new: &Bound<'py, PyAny>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    guard(py, || {
        let a = conv::to_value_strict(old, Arg::Name("old"), DIFF_DEPTH)?;
        let b = conv::to_value_strict(new, Arg::Name("new"), DIFF_DEPTH)?;
        changes_py(py, &dxer::registry::versions::diff_values(&a, &b))
    })
}
