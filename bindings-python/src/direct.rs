//! Python objects copied for the core's direct path (`dxer::host`): under the GIL, a dict is copied onto a
//! [`Tape`] (a node per value, the strings' bytes in one buffer), which is all the GIL is held for; reading
//! the tape into the typed model, validating it and, when the direct path steps aside, converting it into a
//! `serde_json::Value` for the full pipeline all run without the GIL, on the worker threads. Pure plumbing,
//! like `conv::to_value`: the core decides. Only what `conv::to_value` converts as it is goes onto a tape (a
//! `str`, `dict` with `str` keys, `list`, `tuple`, `None`, `bool`, an `int` within 64 bits, a finite `float`,
//! or a subclass of one, nested within the depth `conv::to_value` keeps); for anything else (a date, a
//! larger integer, a lone surrogate, a deeper document) the copy gives up and the dict goes through
//! `conv::to_value`, which converts it or raises the argument error, as before.

use dxer::host::{Tape, Typed};
use pyo3::prelude::*;
use pyo3::type_object::PyTypeInfo;
use pyo3::types::{
    PyBool, PyDict, PyDictMethods, PyFloat, PyInt, PyList, PyListMethods, PyString, PyStringMethods, PyTuple,
    PyTupleMethods,
};

use crate::conv::{self, Arg, Input};

/// What a Python object is, as `conv::to_value` sees it: each built-in type recognised by comparing its type
/// pointer (nearly every object of a document), then their subclasses in `conv::to_value`'s order of checks
/// (a `bool` before an `int`).
enum Kind<'a, 'py> {
    Str(&'a Bound<'py, PyString>),
    Dict(&'a Bound<'py, PyDict>),
    List(&'a Bound<'py, PyList>),
    None,
    Bool(bool),
    Int,
    Float(f64),
    Tuple(&'a Bound<'py, PyTuple>),
    Other,
}

fn kind<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> Kind<'a, 'py> {
    if let Some(s) = exact::<PyString>(obj) {
        return Kind::Str(s);
    }
    if let Some(dict) = exact::<PyDict>(obj) {
        return Kind::Dict(dict);
    }
    if let Some(list) = exact::<PyList>(obj) {
        return Kind::List(list);
    }
    if obj.is_none() {
        return Kind::None;
    }
    if let Some(b) = exact::<PyBool>(obj) {
        return Kind::Bool(b.is_true());
    }
    if obj.is_exact_instance_of::<PyInt>() {
        return Kind::Int;
    }
    if let Some(f) = exact::<PyFloat>(obj) {
        return Kind::Float(f.value());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Kind::Str(s);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return Kind::Dict(dict);
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return Kind::List(list);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Kind::Bool(b.is_true());
    }
    if obj.cast::<PyInt>().is_ok() {
        return Kind::Int;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Kind::Float(f.value());
    }
    match obj.cast::<PyTuple>() {
        Ok(tuple) => Kind::Tuple(tuple),
        Err(_) => Kind::Other,
    }
}

/// Copies `obj` onto `tape` (at `depth`, the document itself being at 1); `false` when it holds anything the
/// copy does not take, or a container deeper than `cap`.
fn copy(obj: &Bound<'_, PyAny>, tape: &mut Tape, depth: usize, cap: usize) -> bool {
    let kind = kind(obj);
    if matches!(kind, Kind::Dict(_) | Kind::List(_) | Kind::Tuple(_)) && depth > cap {
        return false;
    }
    match kind {
        Kind::Str(s) => s.to_str().map(|s| tape.str(s)).is_ok(),
        Kind::Dict(dict) => {
            let open = tape.open_object();
            for (name, value) in dict.iter() {
                match name.cast::<PyString>().map(|n| n.to_str()) {
                    Ok(Ok(name)) => tape.str(name),
                    _ => return false,
                }
                if !copy(&value, tape, depth + 1, cap) {
                    return false;
                }
            }
            tape.close(open);
            true
        }
        Kind::List(list) => copy_items(list.iter(), tape, depth, cap),
        Kind::Tuple(tuple) => copy_items(tuple.iter(), tape, depth, cap),
        Kind::None => {
            tape.null();
            true
        }
        Kind::Bool(b) => {
            tape.bool(b);
            true
        }
        Kind::Int => match obj.extract::<i64>() {
            Ok(i) => {
                tape.int(i);
                true
            }
            Err(_) => obj.extract::<u64>().map(|u| tape.uint(u)).is_ok(),
        },
        Kind::Float(f) if f.is_finite() => {
            tape.float(f);
            true
        }
        Kind::Float(_) | Kind::Other => false,
    }
}

/// Copies the items of a list or tuple at `depth` as a list; `false` as [`copy`].
fn copy_items<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>, tape: &mut Tape, depth: usize, cap: usize) -> bool {
    let open = tape.open_list();
    for item in items {
        if !copy(&item, tape, depth + 1, cap) {
            return false;
        }
    }
    tape.close(open);
    true
}

/// `obj` as a `T` when it is of the type `T` itself (a comparison of type pointers; a failed `cast_exact`
/// would build an error).
fn exact<'a, 'py, T: PyTypeInfo>(obj: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, T>> {
    obj.is_exact_instance_of::<T>().then(|| obj.cast_exact::<T>().ok()).flatten()
}

/// A document to validate: a dict copied onto a tape, or an input for the core to read.
pub enum Doc<'a> {
    /// A dict copied onto a tape (under the GIL); read and validated without it.
    Tape(Tape),
    /// Text or bytes, or a dict the copy gave up on, converted by `conv::input` (or a non-dict the
    /// conversion refuses): the core tries its direct path, then the full pipeline.
    Input(Input<'a>),
}

impl Doc<'_> {
    /// The report (the one the full pipeline gives).
    pub fn validate(self, opts: &dxer::Options) -> dxer::Report {
        match self {
            Doc::Tape(tape) => match Typed::read(&tape.root(), opts).and_then(|typed| typed.validate(opts)) {
                Some(report) => report,
                // The direct path stepped aside: the full pipeline alone (it would step aside again).
                None => dxer::validate(&tape.to_value(), &dxer::Options { direct: false, ..opts.clone() }),
            },
            Doc::Input(input) => input.validate(opts),
        }
    }

    /// Whether the direct path reads this document straight into the typed model and answers for it.
    pub fn direct(&self, opts: &dxer::Options) -> bool {
        match self {
            Doc::Tape(tape) => Typed::read(&tape.root(), opts).and_then(|typed| typed.validate(opts)).is_some(),
            Doc::Input(_) => false,
        }
    }
}

/// Reads a record argument for validation: a dict copied onto a tape when it holds only what the copy takes,
/// anything else as `conv::input` does.
pub fn document<'a>(obj: &'a Bound<'_, PyAny>, arg: Arg<'_>, opts: &dxer::Options) -> PyResult<Doc<'a>> {
    if obj.cast::<PyDict>().is_ok() {
        let mut tape = Tape::new();
        // Containers as deep as `conv::to_value` keeps them, and shallower than a tape holds.
        let cap = opts.max_depth.saturating_add(1).min(Tape::MAX_DEPTH - 1);
        if copy(obj, &mut tape, 1, cap) {
            return Ok(Doc::Tape(tape));
        }
    }
    conv::input(obj, arg, opts).map(Doc::Input)
}
