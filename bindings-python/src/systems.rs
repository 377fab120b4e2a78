//! The dated duties of information systems (`system_duties`, `system_status_at`, `system_due_findings`):
//! thin conversions around `dxer::registry::system_duties`.

use dxer::registry::system_duties::{self as sd, SystemDuty, SystemDutyStatus};
use dxer::registry::InformationSystem;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Deserialize;

use crate::calendar::calendar_arg;
use crate::conv::{self, Arg};
use crate::errors::{guard, parse_error};
use crate::options;
use crate::report::Finding;
use crate::workflow::{finding_error, policy_arg};

/// A registration card argument: a dict, JSON text or bytes of one card.
pub fn card_arg(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<InformationSystem> {
    let input = conv::input(obj, Arg::Name("card"), &dxer::Options::default())?;
    let Some(value) = input.json() else {
        let report = input.validate(&dxer::Options::default());
        let why = report.findings.first().map(|f| format!(": {} {}", f.code, f.message.en)).unwrap_or_default();
        return Err(parse_error(py, format!("card: not JSON{why}")));
    };
    InformationSystem::deserialize(value.as_ref())
        .map_err(|e| parse_error(py, format!("card: not an information-system registration card: {e}")))
}

/// `{"kind", "system", "owner", "from_date", "due", "pointer", "done", "done_on"}`, dates as `datetime.date`.
pub fn duty_py<'py>(py: Python<'py>, d: &SystemDuty) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    out.set_item("kind", d.kind.code())?;
    out.set_item("system", &d.system)?;
    out.set_item("owner", &d.owner)?;
    out.set_item("from_date", conv::date_py(py, d.from)?)?;
    out.set_item("due", conv::date_py(py, d.due)?)?;
    out.set_item("pointer", &d.pointer)?;
    out.set_item("done", d.done)?;
    out.set_item("done_on", conv::opt_date_py(py, d.done_on)?)?;
    Ok(out)
}

/// The duty's fields plus `standing` and `working_days`, flat (one row of a table).
fn status_py<'py>(py: Python<'py>, s: &SystemDutyStatus) -> PyResult<Bound<'py, PyDict>> {
    let out = duty_py(py, &s.duty)?;
    out.set_item("standing", s.standing.code())?;
    out.set_item("working_days", s.working_days)?;
    Ok(out)
}

/// The duties of an information system's card, open and done, with due dates: the card application of each
/// `lifecycle` entry (20 calendar days), the EHİS supply of each data source with `ehis_duty_from` (six
/// months). Raises `WorkflowError` (`DXER-W003`) when a due date cannot be computed.
#[pyfunction]
#[pyo3(signature = (card, policy=None, *, calendar=None, lang="az"))]
pub fn system_duties<'py>(
    py: Python<'py>,
    card: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let card = card_arg(py, card)?;
        let (policy, calendar) = (policy_arg(policy)?, calendar_arg(calendar)?);
        let duties = sd::system_duties(&card, &policy, &calendar).map_err(|f| finding_error(py, *f, lang))?;
        duties.iter().map(|d| duty_py(py, d)).collect()
    })
}

/// How each duty of the card stands on `on`: `"on_time"`, `"due_soon"`, `"overdue"`, `"done"` or
/// `"done_late"`, one flat dict per duty.
#[pyfunction]
#[pyo3(signature = (card, on, policy=None, *, calendar=None, lang="az"))]
pub fn system_status_at<'py>(
    py: Python<'py>,
    card: &Bound<'py, PyAny>,
    on: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let card = card_arg(py, card)?;
        let on = conv::date_arg(on, Arg::Name("on"))?;
        let (policy, calendar) = (policy_arg(policy)?, calendar_arg(calendar)?);
        let list = sd::system_status_at(&card, on, &policy, &calendar).map_err(|f| finding_error(py, *f, lang))?;
        list.iter().map(|s| status_py(py, s)).collect()
    })
}

/// Findings for the card's duties open on `on`: `DXER-X008`/`X009` (card application overdue / due soon),
/// `DXER-X010`/`X011` (EHİS supply overdue / due soon), `DXER-W003` (a due date that cannot be computed).
#[pyfunction]
#[pyo3(signature = (card, on, policy=None, *, calendar=None, lang="az"))]
pub fn system_due_findings(
    py: Python<'_>,
    card: &Bound<'_, PyAny>,
    on: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Vec<Finding>> {
    guard(py, || {
        let lang = options::lang(lang)?;
        let card = card_arg(py, card)?;
        let on = conv::date_arg(on, Arg::Name("on"))?;
        let (policy, calendar) = (policy_arg(policy)?, calendar_arg(calendar)?);
        let found = sd::system_due_findings(&card, on, &policy, &calendar);
        Ok(found.into_iter().map(|f| Finding::new(f, lang)).collect())
    })
}
