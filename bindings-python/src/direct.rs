//! Python objects read straight into the core's typed model (`dxer::host`): a dict is described to the core
//! as JSON sees it, without building a `serde_json::Value`. Pure plumbing, like `conv::to_value`: the core
//! decides; anything this does not describe (a date, an integer past 64 bits, a key that is not a `str`, a
//! string that is not Unicode, any other type) makes the core step aside, and the dict then goes through
//! `conv::to_value` (which converts it or raises the argument error) and the full pipeline.

use dxer::host::{HostNode, HostValue, Typed};
use pyo3::prelude::*;
use pyo3::type_object::{PyTypeCheck, PyTypeInfo};
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

    /// The object as JSON sees it. The built-in types themselves first, each recognised by comparing its
    /// type pointer (nearly every object of a document); then their subclasses, in `conv::to_value`'s order
    /// of checks (a `bool` before an `int`).
    fn read(&self) -> Option<HostValue<'_, Self>> {
        let obj = &self.0;
        if let Some(s) = exact::<PyString>(obj) {
            return s.to_str().ok().map(HostValue::Str);
        }
        if let Some(dict) = exact::<PyDict>(obj) {
            return Some(HostValue::Object(dict.len(), PyMembers(dict.iter())));
        }
        if let Some(list) = exact::<PyList>(obj) {
            return Some(HostValue::List(list.len(), PyItems::List(list.iter())));
        }
        if obj.is_none() {
            return Some(HostValue::Null);
        }
        if let Some(b) = exact::<PyBool>(obj) {
            return Some(HostValue::Bool(b.is_true()));
        }
        if obj.is_exact_instance_of::<PyInt>() {
            return int(obj);
        }
        if let Some(f) = exact::<PyFloat>(obj) {
            return Some(HostValue::Float(f.value()));
        }
        self.read_subclass()
    }

    fn is_null(&self) -> bool {
        self.0.is_none()
    }
}

impl<'py> PyNode<'py> {
    /// [`HostNode::read`] of anything but an exact `str`, `dict`, `list`, `None`, `bool` or `float`.
    fn read_subclass(&self) -> Option<HostValue<'_, Self>> {
        let obj = &self.0;
        if let Some(s) = subclass::<PyString>(obj) {
            return s.to_str().ok().map(HostValue::Str);
        }
        if let Some(dict) = subclass::<PyDict>(obj) {
            return Some(HostValue::Object(dict.len(), PyMembers(dict.iter())));
        }
        if let Some(list) = subclass::<PyList>(obj) {
            return Some(HostValue::List(list.len(), PyItems::List(list.iter())));
        }
        if let Some(b) = subclass::<PyBool>(obj) {
            return Some(HostValue::Bool(b.is_true()));
        }
        if obj.is_instance_of::<PyInt>() {
            return int(obj);
        }
        if let Some(f) = subclass::<PyFloat>(obj) {
            return Some(HostValue::Float(f.value()));
        }
        if let Some(tuple) = subclass::<PyTuple>(obj) {
            return Some(HostValue::List(tuple.len(), PyItems::Tuple(tuple.iter())));
        }
        None
    }
}

/// `obj` as a `T` when it is of the type `T` itself (a comparison of type pointers; a failed `cast_exact`
/// would build an error).
fn exact<'a, 'py, T: PyTypeInfo>(obj: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, T>> {
    obj.is_exact_instance_of::<T>().then(|| obj.cast_exact::<T>().ok()).flatten()
}

/// `obj` as a `T` when it is an instance of `T` or of a subclass of `T`.
fn subclass<'a, 'py, T: PyTypeCheck>(obj: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, T>> {
    obj.is_instance_of::<T>().then(|| obj.cast::<T>().ok()).flatten()
}

/// An `int` (or a subclass): within `i64`, or past it within `u64`; `None` beyond.
fn int<'a, N: HostNode>(obj: &Bound<'_, PyAny>) -> Option<HostValue<'a, N>> {
    if let Ok(i) = obj.extract::<i64>() {
        return Some(HostValue::Int(i));
    }
    obj.extract::<u64>().ok().map(HostValue::UInt)
}

/// A document to validate: read into the typed model already, or an input for the core to read.
// Held in the chunks of `validate_many` (a `Vec` per 32 documents): boxing the typed one would cost an
// allocation per document, the room an `Input` leaves unused costs none.
#[allow(clippy::large_enum_variant)]
pub enum Doc<'a> {
    /// A dict read straight into the typed model (under the GIL); validated without it.
    Typed(Typed),
    /// Text or bytes (or a non-dict the conversion refuses): the core tries its direct path, then the full
    /// pipeline.
    Input(Input<'a>),
    /// A dict the direct path refused, converted to a `serde_json::Value`: the full pipeline only (the
    /// direct path would refuse it again; either way the report is the full pipeline's).
    Full(Input<'a>),
}

impl Doc<'_> {
    /// The report, or `None` when only the full pipeline can tell (then validate `full` of the object).
    pub fn validate(self, opts: &dxer::Options) -> Option<dxer::Report> {
        match self {
            Doc::Typed(typed) => typed.validate(opts),
            Doc::Input(input) => Some(input.validate(opts)),
            Doc::Full(input) => Some(input.validate(&dxer::Options { direct: false, ..opts.clone() })),
        }
    }
}

/// Reads a record argument for validation: a dict straight into the typed model when the core's direct path
/// takes it, anything else as `conv::input` does (a dict it does not take for the full pipeline alone).
pub fn document<'a>(obj: &'a Bound<'_, PyAny>, arg: Arg<'_>, opts: &dxer::Options) -> PyResult<Doc<'a>> {
    if obj.cast::<PyDict>().is_ok() {
        if let Some(typed) = Typed::read(&PyNode(obj.clone()), opts) {
            return Ok(Doc::Typed(typed));
        }
        return full(obj, arg, opts);
    }
    conv::input(obj, arg, opts).map(Doc::Input)
}

/// A dict the direct path refused (on reading it, or on walking what it read), for the full pipeline.
pub fn full<'a>(obj: &'a Bound<'_, PyAny>, arg: Arg<'_>, opts: &dxer::Options) -> PyResult<Doc<'a>> {
    conv::input(obj, arg, opts).map(Doc::Full)
}
