//! Python bindings of dxer: the extension module `dxer._dxer` of the Python package `dxer`.
//!
//! Thin by design: this crate converts values and errors between Python and the core crate `dxer`; every
//! rule, finding code, message and deadline computation lives in the core.
// `unsafe` only where the copy of a dict reads CPython's objects directly (`direct::raw`), allowed there alone.
#![deny(unsafe_code)]

use pyo3::prelude::*;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod calendar;
mod conv;
mod convert;
mod direct;
mod errors;
mod options;
mod registry;
mod report;
mod systems;
mod workflow;

#[pymodule]
fn _dxer(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<report::Finding>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<options::CodeLists>()?;
    m.add_class::<options::ListLoader>()?;
    m.add_class::<options::BoundLoader>()?;
    m.add_class::<calendar::Calendar>()?;
    m.add_class::<workflow::Policy>()?;
    m.add_class::<workflow::Duty>()?;
    m.add_class::<workflow::DutyStatus>()?;
    m.add_class::<workflow::Transition>()?;
    m.add_class::<registry::Registry>()?;
    m.add_class::<registry::RegistryFinding>()?;
    m.add_function(wrap_pyfunction!(report::validate, m)?)?;
    m.add_function(wrap_pyfunction!(options::options_as_read, m)?)?;
    m.add_function(wrap_pyfunction!(report::validate_many, m)?)?;
    // Private, for the tests: set as an attribute, so that it is not in `__all__`.
    m.setattr("_direct_read", wrap_pyfunction!(report::_direct_read, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::apply_event, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::duties, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::status_at, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::due_findings, m)?)?;
    m.add_function(wrap_pyfunction!(systems::system_duties, m)?)?;
    m.add_function(wrap_pyfunction!(systems::system_status_at, m)?)?;
    m.add_function(wrap_pyfunction!(systems::system_due_findings, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::next_state, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::allowed_events, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::amend, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::diff, m)?)?;
    m.add_function(wrap_pyfunction!(workflow::diff_values, m)?)?;
    m.add_class::<convert::CpsvImport>()?;
    m.add_class::<convert::DigestCheck>()?;
    m.add_function(wrap_pyfunction!(convert::to_cpsv_jsonld, m)?)?;
    m.add_function(wrap_pyfunction!(convert::from_cpsv_jsonld, m)?)?;
    m.add_function(wrap_pyfunction!(convert::to_schema_org, m)?)?;
    m.add_function(wrap_pyfunction!(convert::schema_org_script_tag, m)?)?;
    m.add_function(wrap_pyfunction!(convert::to_csv, m)?)?;
    m.add_function(wrap_pyfunction!(convert::to_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(convert::opendata_columns, m)?)?;
    m.add_function(wrap_pyfunction!(convert::render_html, m)?)?;
    m.add_function(wrap_pyfunction!(convert::render_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(convert::canonical_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(convert::canonical_json, m)?)?;
    m.add_function(wrap_pyfunction!(convert::digest, m)?)?;
    m.add_function(wrap_pyfunction!(convert::with_digest, m)?)?;
    m.add_function(wrap_pyfunction!(convert::verify_digest, m)?)?;
    Ok(())
}
