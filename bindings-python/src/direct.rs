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
use pyo3::types::PyDict;

use crate::conv::{self, Arg, Input};

/// The copy over CPython's own API: borrowed references (no reference counting per value) and type checks
/// by comparing type pointers, which is where the safe binding spends most of a copy's time. `unsafe` is
/// confined here; what makes it sound is said at each block.
#[allow(unsafe_code)]
mod raw {
    use std::os::raw::c_char;

    use dxer::host::Tape;
    use pyo3::ffi;
    use pyo3::prelude::*;

    /// Copies `obj` (the document, at depth 1) onto `tape`; `false` when it holds anything the copy does not
    /// take, or a container deeper than `cap`. Holding `obj` proves the GIL is held.
    pub fn copy(obj: &Bound<'_, PyAny>, tape: &mut Tape, cap: usize) -> bool {
        // SAFETY: the GIL is held for as long as `obj` is borrowed, and `obj` holds a strong reference for
        // the whole call. Nothing below runs Python code (no `__eq__`, `__hash__`, `__iter__` or `__str__`:
        // only CPython's concrete-type accessors), so no other thread can change a container while it is
        // read, and every borrowed reference stays owned by its container throughout.
        unsafe { node(obj.as_ptr(), tape, 1, cap) }
    }

    /// Copies `obj`, at `depth`, onto `tape`; `false` as [`copy`].
    ///
    /// # Safety
    /// `obj` is a valid object (or null, read as a failure), the GIL is held, and no Python code runs until the
    /// copy ends.
    unsafe fn node(obj: *mut ffi::PyObject, tape: &mut Tape, depth: usize, cap: usize) -> bool {
        // SAFETY (each block): as this function's contract; every pointer passed is a live object of the
        // concrete type the preceding check established.
        unsafe {
            if obj.is_null() {
                ffi::PyErr_Clear();
                return false;
            }
            let ty = ffi::Py_TYPE(obj);
            // Exact built-in types first (nearly every object of a document), then their subclasses in
            // `conv::to_value`'s order of checks (a `bool` before an `int`; `bool` cannot be subclassed).
            if ty == &raw mut ffi::PyUnicode_Type {
                return string(obj, tape);
            }
            if ty == &raw mut ffi::PyDict_Type {
                return dict(obj, tape, depth, cap);
            }
            if ty == &raw mut ffi::PyList_Type {
                return list(obj, tape, depth, cap);
            }
            if obj == ffi::Py_None() {
                tape.null();
                return true;
            }
            if ty == &raw mut ffi::PyBool_Type {
                tape.bool(obj == ffi::Py_True());
                return true;
            }
            if ty == &raw mut ffi::PyLong_Type {
                return int(obj, tape);
            }
            if ty == &raw mut ffi::PyFloat_Type {
                return float(obj, tape);
            }
            if ffi::PyUnicode_Check(obj) != 0 {
                return string(obj, tape);
            }
            if ffi::PyDict_Check(obj) != 0 {
                return dict(obj, tape, depth, cap);
            }
            if ffi::PyList_Check(obj) != 0 {
                return list(obj, tape, depth, cap);
            }
            if ffi::PyLong_Check(obj) != 0 {
                return int(obj, tape);
            }
            if ffi::PyFloat_Check(obj) != 0 {
                return float(obj, tape);
            }
            if ffi::PyTuple_Check(obj) != 0 {
                if depth > cap {
                    return false;
                }
                let open = tape.open_list();
                for i in 0..ffi::PyTuple_Size(obj) {
                    if !node(ffi::PyTuple_GetItem(obj, i), tape, depth + 1, cap) {
                        return false;
                    }
                }
                tape.close(open);
                return true;
            }
            false
        }
    }

    /// A `str` (or subclass): its UTF-8 text, or `false` when it has none (a lone surrogate).
    unsafe fn string(obj: *mut ffi::PyObject, tape: &mut Tape) -> bool {
        // SAFETY: as `node`'s contract; `obj` is a `str`.
        match unsafe { utf8(obj) } {
            Some(s) => {
                tape.str(s);
                true
            }
            None => false,
        }
    }

    /// The UTF-8 text of a `str`, borrowed from the object (CPython keeps it with the string), or `None`
    /// (the error cleared) when it holds a lone surrogate.
    unsafe fn utf8<'a>(obj: *mut ffi::PyObject) -> Option<&'a str> {
        let mut len: ffi::Py_ssize_t = 0;
        // SAFETY: `obj` is a live `str` and the GIL is held. On success CPython returns a pointer to `len`
        // bytes of valid UTF-8 that live as long as the string, which outlives the copy.
        unsafe {
            let data: *const c_char = ffi::PyUnicode_AsUTF8AndSize(obj, &mut len);
            if data.is_null() {
                ffi::PyErr_Clear();
                return None;
            }
            let bytes = std::slice::from_raw_parts(data.cast::<u8>(), usize::try_from(len).ok()?);
            Some(std::str::from_utf8_unchecked(bytes))
        }
    }

    unsafe fn dict(obj: *mut ffi::PyObject, tape: &mut Tape, depth: usize, cap: usize) -> bool {
        if depth > cap {
            return false;
        }
        let open = tape.open_object();
        let mut pos: ffi::Py_ssize_t = 0;
        let mut key: *mut ffi::PyObject = std::ptr::null_mut();
        let mut value: *mut ffi::PyObject = std::ptr::null_mut();
        // SAFETY: `obj` is a live dict; `PyDict_Next` gives borrowed references owned by the dict, which no
        // code changes during the copy.
        unsafe {
            while ffi::PyDict_Next(obj, &mut pos, &mut key, &mut value) != 0 {
                if ffi::PyUnicode_Check(key) == 0 {
                    return false;
                }
                match utf8(key) {
                    Some(name) => tape.str(name),
                    None => return false,
                }
                if !node(value, tape, depth + 1, cap) {
                    return false;
                }
            }
        }
        tape.close(open);
        true
    }

    unsafe fn list(obj: *mut ffi::PyObject, tape: &mut Tape, depth: usize, cap: usize) -> bool {
        if depth > cap {
            return false;
        }
        let open = tape.open_list();
        // SAFETY: `obj` is a live list; `PyList_GetItem` within its length gives a borrowed reference owned
        // by the list, which no code changes during the copy.
        unsafe {
            for i in 0..ffi::PyList_Size(obj) {
                if !node(ffi::PyList_GetItem(obj, i), tape, depth + 1, cap) {
                    return false;
                }
            }
        }
        tape.close(open);
        true
    }

    /// An `int` within 64 bits (signed, else unsigned); `false` (the error cleared) for a larger one.
    unsafe fn int(obj: *mut ffi::PyObject, tape: &mut Tape) -> bool {
        // SAFETY: `obj` is a live `int` and the GIL is held; a failed conversion sets an error, cleared here.
        unsafe {
            let i = ffi::PyLong_AsLongLong(obj);
            if i != -1 || ffi::PyErr_Occurred().is_null() {
                tape.int(i);
                return true;
            }
            ffi::PyErr_Clear();
            let u = ffi::PyLong_AsUnsignedLongLong(obj);
            if u != u64::MAX || ffi::PyErr_Occurred().is_null() {
                tape.uint(u);
                return true;
            }
            ffi::PyErr_Clear();
            false
        }
    }

    /// A finite `float`; `false` for infinities and NaN.
    unsafe fn float(obj: *mut ffi::PyObject, tape: &mut Tape) -> bool {
        // SAFETY: `obj` is a live `float` (its value cannot fail to read).
        let f = unsafe { ffi::PyFloat_AsDouble(obj) };
        if f.is_finite() {
            tape.float(f);
            return true;
        }
        false
    }
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
            // The direct path over the tape, or the full pipeline over a `Value` of its own.
            Doc::Tape(tape) => dxer::validate(&tape, opts),
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
    document_sized(obj, arg, opts, &mut (0, 0))
}

/// [`document`] for one of many records: its tape is allocated at `size` (the last tape's, which this one's
/// replaces), so that records of a batch, alike in size, are copied without growing the tape's buffers.
pub fn document_sized<'a>(
    obj: &'a Bound<'_, PyAny>,
    arg: Arg<'_>,
    opts: &dxer::Options,
    size: &mut (usize, usize),
) -> PyResult<Doc<'a>> {
    if obj.cast::<PyDict>().is_ok() {
        // A little more than the last one's, so that a slightly larger record fits too.
        let mut tape = Tape::with_capacity(size.0 + size.0 / 8, size.1 + size.1 / 8);
        // Containers as deep as `conv::to_value` keeps them, and shallower than a tape holds.
        let cap = opts.max_depth.saturating_add(1).min(Tape::MAX_DEPTH - 1);
        if raw::copy(obj, &mut tape, cap) {
            *size = tape.size();
            return Ok(Doc::Tape(tape));
        }
    }
    conv::input(obj, arg, opts).map(Doc::Input)
}
