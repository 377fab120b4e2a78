//! Conversions between Python objects and JSON values / dates. Pure plumbing: what a JSON encoder and
//! decoder would do, with errors that name the argument and the place inside it.

use std::fmt;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDate, PyDict, PyFloat, PyInt, PyList, PyMemoryView, PyString, PyTuple,
};
use serde_json::{Map, Number, Value};

use crate::errors::{type_error, type_name};
use dxer::pointer::{pointer_of, PathToken};

/// The name of an argument, or of one item of an argument, for error messages.
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    /// A plain argument, e.g. `record`.
    Name(&'a str),
    /// An item of an iterable argument, e.g. `records[3]`.
    Item(&'a str, usize),
}

impl fmt::Display for Arg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Name(n) => f.write_str(n),
            Arg::Item(n, i) => write!(f, "{n}[{i}]"),
        }
    }
}

/// Deepest nesting the converter descends into whatever the options say (the converter recurses).
const HARD_DEPTH: usize = 10_000;

/// Why a Python object is not JSON, with the path to it (innermost first while unwinding).
struct NotJson {
    type_error: bool,
    message: String,
    path: Vec<String>,
}

impl NotJson {
    fn at(mut self, token: String) -> NotJson {
        self.path.push(token);
        self
    }

    fn into_err(self, arg: Arg<'_>) -> PyErr {
        // The path holds keys and indices alike as text: both are member tokens to RFC 6901.
        let pointer = pointer_of(self.path.iter().rev().map(|t| PathToken::Key(t)));
        let place = if pointer.is_empty() { String::new() } else { format!(" at {pointer}") };
        let text = format!("{arg}{place}: {}", self.message);
        Python::attach(|py| {
            if self.type_error {
                crate::errors::argument_error(py, text)
            } else {
                crate::errors::argument_value_error(py, text)
            }
        })
    }
}

fn not_json(type_error: bool, message: String) -> NotJson {
    NotJson { type_error, message, path: Vec::new() }
}

/// Converts a Python object (dict, list, tuple, str, int, float, bool, None, `datetime.date`) to JSON.
///
/// Containers nested deeper than `max_depth + 1` levels are cut (replaced by `null`): the document is then
/// still deeper than `max_depth`, so the validator reports the limit itself (`DXER-J003`) — the binding
/// decides nothing, it only avoids recursing without bound (and loops through self-referencing dicts).
pub fn to_value(obj: &Bound<'_, PyAny>, arg: Arg<'_>, max_depth: usize) -> PyResult<Value> {
    let cap = max_depth.saturating_add(1);
    if cap > HARD_DEPTH {
        // Only reachable with a caller-raised max_depth: refuse rather than risk the stack.
        return walk(obj, 1, HARD_DEPTH, true).map_err(|e| e.into_err(arg));
    }
    walk(obj, 1, cap, false).map_err(|e| e.into_err(arg))
}

/// Converts a Python object to JSON, refusing (`ValueError`) anything nested deeper than `limit` levels.
pub fn to_value_strict(obj: &Bound<'_, PyAny>, arg: Arg<'_>, limit: usize) -> PyResult<Value> {
    walk(obj, 1, limit.min(HARD_DEPTH), true).map_err(|e| e.into_err(arg))
}

fn walk(obj: &Bound<'_, PyAny>, depth: usize, cap: usize, strict: bool) -> Result<Value, NotJson> {
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_str() {
            Ok(text) => Ok(Value::String(text.to_owned())),
            Err(_) => Err(not_json(false, "string is not valid Unicode (it holds a lone surrogate)".into())),
        };
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        if depth > cap {
            return too_deep(strict);
        }
        let mut map = Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(not_json(
                    true,
                    format!("dict keys must be str (JSON object members), got {} key {}", type_name(&key), repr(&key)),
                ));
            };
            let key = key
                .to_str()
                .map_err(|_| not_json(false, "dict key is not valid Unicode (it holds a lone surrogate)".into()))?;
            let value = walk(&item, depth + 1, cap, strict).map_err(|e| e.at(key.to_owned()))?;
            map.insert(key.to_owned(), value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        if depth > cap {
            return too_deep(strict);
        }
        let mut items = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            items.push(walk(&item, depth + 1, cap, strict).map_err(|e| e.at(i.to_string()))?);
        }
        return Ok(Value::Array(items));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        // Like a JSON parser reading a long integer: a float, if it has one.
        return match obj.extract::<f64>().ok().and_then(Number::from_f64) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(not_json(false, "integer too large for a JSON number".into())),
        };
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return match Number::from_f64(f.value()) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(not_json(false, format!("{} is not a JSON number", repr(obj)))),
        };
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        if depth > cap {
            return too_deep(strict);
        }
        let mut items = Vec::with_capacity(tuple.len());
        for (i, item) in tuple.iter().enumerate() {
            items.push(walk(&item, depth + 1, cap, strict).map_err(|e| e.at(i.to_string()))?);
        }
        return Ok(Value::Array(items));
    }
    if obj.cast::<PyDate>().is_ok() {
        // A date (or datetime) is written as JSON writes it: its ISO text (the validator checks the format).
        return match obj.call_method0("isoformat").and_then(|s| s.extract::<String>()) {
            Ok(text) => Ok(Value::String(text)),
            Err(e) => Err(not_json(false, format!("isoformat() failed: {e}"))),
        };
    }
    Err(not_json(
        true,
        format!(
            "{} is not JSON data (expected dict, list, tuple, str, int, float, bool, None or datetime.date)",
            type_name(obj)
        ),
    ))
}

fn too_deep(strict: bool) -> Result<Value, NotJson> {
    if strict {
        Err(not_json(false, "nested too deeply".to_string()))
    } else {
        Ok(Value::Null)
    }
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    let text = obj.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
    if text.chars().count() > 40 {
        let cut: String = text.chars().take(37).collect();
        format!("{cut}...")
    } else {
        text
    }
}

/// Converts a JSON value to Python (dict, list, str, int, float, bool, None).
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Serializes `value` and converts it to Python.
pub fn ser_to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|e| crate::errors::dxer_error(py, format!("cannot convert the result to Python: {e}")))?;
    to_py(py, &json)
}

/// A `datetime.date` argument.
pub fn date_arg(obj: &Bound<'_, PyAny>, arg: Arg<'_>) -> PyResult<NaiveDate> {
    if obj.cast::<PyDate>().is_err() {
        return Err(type_error(arg, "datetime.date", obj));
    }
    obj.extract::<NaiveDate>().map_err(|e| crate::errors::extraction(obj.py(), &arg.to_string(), e))
}

/// A date as `datetime.date`.
pub fn date_py(py: Python<'_>, date: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    Ok(date.into_pyobject(py)?.into_any())
}

/// An optional date as `datetime.date | None`.
pub fn opt_date_py(py: Python<'_>, date: Option<NaiveDate>) -> PyResult<Bound<'_, PyAny>> {
    match date {
        Some(d) => date_py(py, d),
        None => Ok(py.None().into_bound(py)),
    }
}

/// One document as the validator takes it: JSON text, bytes (checked to be UTF-8 by the core) or a value
/// converted from Python objects. Text and bytes are borrowed from the Python objects (no copy).
pub enum Input<'a> {
    /// JSON text borrowed from a `str`.
    Text(&'a str),
    /// Bytes borrowed from a `bytes`.
    Bytes(&'a [u8]),
    /// Bytes copied (from a `bytearray`, or a `str` with lone surrogates encoded as they are).
    Owned(Vec<u8>),
    /// A value converted from dicts and lists.
    Value(Value),
    /// Text or bytes refused from their size alone, before any copy: the core's `DXER-J003` report.
    Refused(dxer::Report),
}

impl Input<'_> {
    /// Validates the document.
    pub fn validate(&self, opts: &dxer::Options) -> dxer::Report {
        match self {
            Input::Text(s) => dxer::validate(*s, opts),
            Input::Bytes(b) => dxer::validate(*b, opts),
            Input::Owned(b) => dxer::validate(b.as_slice(), opts),
            Input::Value(v) => dxer::validate(v, opts),
            Input::Refused(report) => report.clone(),
        }
    }

    /// Validates the document as a record and returns it typed when it has no error.
    pub fn parse_record(&self, opts: &dxer::Options) -> Result<dxer::Valid<dxer::model::Record>, dxer::Report> {
        match self {
            Input::Text(s) => dxer::parse_record(*s, opts),
            Input::Bytes(b) => dxer::parse_record(*b, opts),
            Input::Owned(b) => dxer::parse_record(b.as_slice(), opts),
            Input::Value(v) => dxer::parse_record(v, opts),
            Input::Refused(report) => Err(report.clone()),
        }
    }

    /// The document as a JSON value, when it parses (no checking beyond JSON syntax).
    pub fn json(&self) -> Option<std::borrow::Cow<'_, Value>> {
        use std::borrow::Cow;
        match self {
            Input::Text(s) => serde_json::from_str(s).ok().map(Cow::Owned),
            Input::Bytes(b) => serde_json::from_slice(b).ok().map(Cow::Owned),
            Input::Owned(b) => serde_json::from_slice(b).ok().map(Cow::Owned),
            Input::Value(v) => Some(Cow::Borrowed(v)),
            Input::Refused(_) => None,
        }
    }
}

/// What a record argument accepts, for messages.
pub const RECORD_TYPES: &str = "dict, str (JSON text), bytes, bytearray or memoryview";

/// Reads a record argument: `dict` (converted), `str` or `bytes` (borrowed), `bytearray` or `memoryview`
/// (copied). Text and bytes larger than `opts.max_input_bytes` are refused from their length before
/// anything is copied or encoded (the core's `DXER-J003` report): a `str`'s length in characters is a lower
/// bound of its size in UTF-8.
pub fn input<'a>(obj: &'a Bound<'_, PyAny>, arg: Arg<'_>, opts: &dxer::Options) -> PyResult<Input<'a>> {
    use dxer::InputSize;
    let refused = |size: InputSize| dxer::oversized(size, opts).map(Input::Refused);
    if let Ok(s) = obj.cast::<PyString>() {
        if let Some(r) = refused(InputSize::AtLeast(s.len()? as u64)) {
            return Ok(r);
        }
        return Ok(match s.to_str() {
            Ok(text) => Input::Text(text),
            // Lone surrogates: hand the bytes over as they are, the validator reports them (DXER-J002).
            Err(_) => Input::Owned(obj.call_method1("encode", ("utf-8", "surrogatepass"))?.extract::<Vec<u8>>()?),
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        return Ok(refused(InputSize::Bytes(bytes.len() as u64)).unwrap_or(Input::Bytes(bytes)));
    }
    if obj.cast::<PyDict>().is_ok() {
        return Ok(Input::Value(to_value(obj, arg, opts.max_depth)?));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        if let Some(r) = refused(InputSize::Bytes(b.len() as u64)) {
            return Ok(r);
        }
        return Ok(Input::Owned(b.to_vec()));
    }
    if let Ok(view) = obj.cast::<PyMemoryView>() {
        let size: u64 = view.getattr("nbytes")?.extract()?;
        if let Some(r) = refused(InputSize::Bytes(size)) {
            return Ok(r);
        }
        return Ok(Input::Owned(view.call_method0("tobytes")?.cast_into::<PyBytes>()?.as_bytes().to_vec()));
    }
    Err(type_error(arg, RECORD_TYPES, obj))
}
