//! Python objects read straight into the core's typed model (`dxer::host`): a dict is described to the core
//! as JSON sees it, without building a `serde_json::Value`. Pure plumbing, like `conv::to_value`: the core
//! decides; anything this does not describe (a date, an integer past 64 bits, a key that is not a `str`, a
//! string that is not Unicode, any other type) makes the core step aside, and the dict then goes through
//! `conv::to_value` (which converts it or raises the argument error) and the full pipeline.

use dxer::host::{HostNode, HostValue, Typed};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDict, PyDictMethods, PyFloat, PyInt, PyList, PyListMethods, PyString, PyStringMethods, PyTuple,
    PyTupleMethods,
};

use crate::conv::{self, Arg, Input};

/// One Python object of a document.
#[derive(Clone)]
pub struct PyNode<'py>(Bound<'py, PyAny>);

/// The items of a list or tuple.
pub enum PyItems<'py> {
    List(pyo3::types::iter::BoundListIterator<'py>),
    Tuple(pyo3::types::iter::BoundTupleIterator<'py>),
}

impl<'py> Iterator for PyItems<'py> {
    type Item = PyNode<'py>;

    fn next(&mut self) -> Option<PyNode<'py>> {
        match self {
            PyItems::List(items) => items.next().map(PyNode),
            PyItems::Tuple(items) => items.next().map(PyNode),
        }
    }
}

/// The (key, value) pairs of a dict.
pub struct PyMembers<'py>(pyo3::types::iter::BoundDictIterator<'py>);

impl<'py> Iterator for PyMembers<'py> {
    type Item = (PyNode<'py>, PyNode<'py>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (PyNode(k), PyNode(v)))
    }
}

impl<'py> HostNode for PyNode<'py> {
    type Items = PyItems<'py>;
    type Members = PyMembers<'py>;

    /// The object as JSON sees it, in `conv::to_value`'s order of checks (a `bool` before an `int`).
    fn read(&self) -> Option<HostValue<'_, Self>> {
        let obj = &self.0;
        if let Ok(s) = obj.cast::<PyString>() {
            return s.to_str().ok().map(HostValue::Str);
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            return Some(HostValue::Object(dict.len(), PyMembers(dict.iter())));
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return Some(HostValue::List(list.len(), PyItems::List(list.iter())));
        }
        if obj.is_none() {
            return Some(HostValue::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Some(HostValue::Bool(b.is_true()));
        }
        if obj.cast::<PyInt>().is_ok() {
            if let Ok(i) = obj.extract::<i64>() {
                return Some(HostValue::Int(i));
            }
            return obj.extract::<u64>().ok().map(HostValue::UInt);
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return Some(HostValue::Float(f.value()));
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return Some(HostValue::List(tuple.len(), PyItems::Tuple(tuple.iter())));
        }
        None
    }

    fn is_null(&self) -> bool {
        self.0.is_none()
    }
}

/// A document to validate: read into the typed model already, or an input for the core to read.
// Held in the chunks of `validate_many` (a `Vec` per 32 documents): boxing the typed one would cost an
// allocation per document, the room an `Input` leaves unused costs none.
#[allow(clippy::large_enum_variant)]
pub enum Doc<'a> {
    /// A dict read straight into the typed model (under the GIL); validated without it.
    Typed(Typed),
    /// Text, bytes, or a dict converted to a `serde_json::Value`.
    Input(Input<'a>),
}

impl Doc<'_> {
    /// The report, or `None` when only the full pipeline can tell (then validate `conv::input` of the object).
    pub fn validate(self, opts: &dxer::Options) -> Option<dxer::Report> {
        match self {
            Doc::Typed(typed) => typed.validate(opts),
            Doc::Input(input) => Some(input.validate(opts)),
        }
    }
}

/// Reads a record argument for validation: a dict straight into the typed model when the core's direct path
/// takes it, anything else (and a dict it does not take) as `conv::input` does.
pub fn document<'a>(obj: &'a Bound<'_, PyAny>, arg: Arg<'_>, opts: &dxer::Options) -> PyResult<Doc<'a>> {
    if obj.cast::<PyDict>().is_ok() {
        if let Some(typed) = Typed::read(&PyNode(obj.clone()), opts) {
            return Ok(Doc::Typed(typed));
        }
    }
    conv::input(obj, arg, opts).map(Doc::Input)
}
