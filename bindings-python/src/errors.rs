//! Python exceptions. The classes live in `dxer/_errors.py` (so they can carry attributes and multiple
//! bases such as `ValueError`); this module constructs them from Rust.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn make<'py>(py: Python<'py>, class: &str, args: impl pyo3::call::PyCallArgs<'py>) -> PyErr {
    let built = ERRORS
        .get_or_try_init(py, || py.import("dxer._errors").map(Bound::unbind))
        .and_then(|m| m.bind(py).getattr(class))
        .and_then(|c| c.call1(args));
    match built {
        Ok(instance) => PyErr::from_value(instance),
        Err(e) => e,
    }
}

/// `dxer.DxerError(message)`.
pub fn dxer_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    make(py, "DxerError", (message.into(),))
}

/// `dxer.ParseError(message)`: data that does not parse (JSON, code lists, events, policies).
pub fn parse_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    make(py, "ParseError", (message.into(),))
}

/// `dxer.CalendarError(message)` from the core's error (its text names the cause and the fix).
pub fn calendar_error(py: Python<'_>, e: &dxer::calendar::CalendarError) -> PyErr {
    make(py, "CalendarError", (e.to_string(),))
}

/// `dxer.ValidationError(message, report)`, `report` a `dxer.Report` (any Python object: this module names
/// no other of the binding, so that every module can raise through it).
pub fn validation_error<T>(py: Python<'_>, message: String, report: Py<T>) -> PyErr {
    make(py, "ValidationError", (message, report.into_any()))
}

/// `dxer.WorkflowError(message, finding)`, `finding` a `dxer.Finding`.
pub fn workflow_error<T>(py: Python<'_>, message: String, finding: Py<T>) -> PyErr {
    make(py, "WorkflowError", (message, finding.into_any()))
}

/// `dxer.WithheldError(message, record_id, version, reason)`: the publication policy leaves the record out.
pub fn withheld_error(py: Python<'_>, w: &dxer::convert::publish::Withheld) -> PyErr {
    let reason = match w.reason {
        dxer::convert::publish::WithholdReason::Status(_) => "status",
        dxer::convert::publish::WithholdReason::NotOpenData => "not_open_data",
        dxer::convert::publish::WithholdReason::Duplicate => "duplicate",
        dxer::convert::publish::WithholdReason::Conflict => "conflict",
    };
    let message = format!("{w}; internal=True exports it (not for publication)");
    make(py, "WithheldError", (message, w.record_id.clone(), w.version, reason))
}

/// Issues `dxer.PublicationWarning(message, withheld)` through `warnings.warn`.
pub fn publication_warning(py: Python<'_>, message: String, withheld: Bound<'_, PyAny>) -> PyResult<()> {
    let warning = ERRORS
        .get_or_try_init(py, || py.import("dxer._errors").map(Bound::unbind))?
        .bind(py)
        .getattr("PublicationWarning")?
        .call1((message, withheld))?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("stacklevel", 2)?;
    py.import("warnings")?.getattr("warn")?.call((warning,), Some(&kwargs))?;
    Ok(())
}

/// `dxer.ArgumentError` (a `TypeError`) naming the argument.
pub fn type_error(arg: impl std::fmt::Display, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    argument_error(got.py(), format!("{arg}: expected {expected}, got {}", type_name(got)))
}

/// `dxer.ArgumentValueError` (a `ValueError`) naming the argument.
pub fn value_error(arg: impl std::fmt::Display, message: impl std::fmt::Display) -> PyErr {
    let message = format!("{arg}: {message}");
    Python::attach(|py| argument_value_error(py, message))
}

/// `dxer.ArgumentValueError(message)`: an argument whose value dxer cannot take (also a `ValueError`).
pub fn argument_value_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    make(py, "ArgumentValueError", (message.into(),))
}

/// `dxer.ArgumentError(message)`: an argument of the wrong type (also a `TypeError`).
pub fn argument_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    make(py, "ArgumentError", (message.into(),))
}

/// `dxer.ArgumentRangeError(message)`: a number out of range (also a `ValueError` and an `OverflowError`).
pub fn range_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    make(py, "ArgumentRangeError", (message.into(),))
}

/// An error of PyO3's own extraction (`value.extract()`) as dxer's: `OverflowError` as
/// `ArgumentRangeError`, `TypeError` as `ArgumentError`, `ValueError` as `ArgumentValueError`.
pub fn extraction(py: Python<'_>, arg: &str, e: PyErr) -> PyErr {
    if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) {
        range_error(py, format!("{arg}: {}", e.value(py)))
    } else if e.is_instance_of::<PyTypeError>(py) {
        argument_error(py, format!("{arg}: {}", e.value(py)))
    } else if e.is_instance_of::<PyValueError>(py) {
        value_error(arg, e.value(py))
    } else {
        e
    }
}

/// The Python type name of `obj`, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_string())
}

/// The text of a panic payload.
pub fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// The exception a panic becomes: `dxer.DxerError`, never pyo3's `PanicException`.
pub fn internal(py: Python<'_>, what: &str) -> PyErr {
    dxer_error(py, format!("internal error in dxer ({what}); this is a bug, please report it with the input"))
}

/// Runs `f` at the Python boundary: a panic anywhere inside becomes a `dxer.DxerError`.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(internal(py, &panic_text(payload.as_ref()))),
    }
}
