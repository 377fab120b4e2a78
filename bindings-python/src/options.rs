//! Validation options from keyword arguments (or a dict), read by the core's one options contract
//! ([`dxer::Options::from_value`]: the same as the command's and WebAssembly's), and code lists.

use std::sync::Arc;

use dxer::{Lang, Options};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde_json::{Map, Value};

use crate::conv::{self, Arg};
use crate::errors::{argument_error, argument_value_error, parse_error, type_error, value_error};

/// `"az"`, `"en"` or `"ru"`, read by the core's [`Lang`].
pub fn lang(lang: &str) -> PyResult<&'static str> {
    lang.parse::<Lang>().map(Lang::as_str).map_err(|e| value_error("lang", e))
}

/// A code given as a string, read with the core's own serde names (e.g. `"start_review"`).
pub fn code<T: serde::de::DeserializeOwned>(arg: &str, text: &str) -> PyResult<T> {
    serde_json::from_value(Value::String(text.to_string())).map_err(|e| value_error(arg, e))
}

/// The keyword arguments every validating function takes.
#[derive(Default)]
pub struct OptionArgs<'py> {
    pub kind: Option<String>,
    pub today: Option<Bound<'py, PyAny>>,
    pub rule_levels: Option<Bound<'py, PyAny>>,
    pub codelists: Option<Bound<'py, PyAny>>,
    pub hours_per_working_day: Option<Bound<'py, PyAny>>,
    pub max_depth: Option<Bound<'py, PyAny>>,
    pub max_input_bytes: Option<Bound<'py, PyAny>>,
    pub max_list_items: Option<Bound<'py, PyAny>>,
    pub max_string_bytes: Option<Bound<'py, PyAny>>,
    pub max_variant_combinations: Option<Bound<'py, PyAny>>,
}

/// The option keywords of the validating entry points, as the core's options contract names them
/// (`Options::from_value`, snake_case; `direct` is not a keyword: the direct path is not the caller's
/// choice here), besides `lang` and `codelists`, which are not serialised options.
pub const KEYWORDS: &[&str] = &[
    "kind",
    "today",
    "rule_levels",
    "codelists",
    "hours_per_working_day",
    "max_depth",
    "max_input_bytes",
    "max_list_items",
    "max_string_bytes",
    "max_variant_combinations",
];

/// What the `**options` of an entry point said: the core's options and the language of messages.
pub struct Read {
    pub opts: Options,
    pub lang: &'static str,
}

/// Reads the `**options` of the entry point `entry` (named in messages, e.g. `"validate"`), the one reader
/// of every validating entry point: `lang` (a `str`, read by the core's `Lang`), `codelists`, and the
/// core's options by their keywords (read by the core's contract, which judges every value), except those
/// in `refused` (a registry's records are records: `Registry` takes no `kind`). `None` is the default of
/// each. An unknown keyword or a `lang` that is not a `str` is `dxer.ArgumentError` (a `TypeError`).
pub fn read(entry: &str, kwargs: Option<&Bound<'_, PyDict>>, refused: &[&str]) -> PyResult<Read> {
    let mut args = OptionArgs::default();
    let mut lang = "az";
    for (key, value) in kwargs.into_iter().flat_map(|kw| kw.iter()) {
        let py = key.py();
        let name: String = key.extract().map_err(|_| argument_error(py, format!("{entry}(): keywords are str")))?;
        if name != "lang" && (refused.contains(&name.as_str()) || !KEYWORDS.contains(&name.as_str())) {
            let takes = KEYWORDS.iter().filter(|k| !refused.contains(k)).copied().collect::<Vec<_>>().join(", ");
            return Err(argument_error(
                py,
                format!("{entry}() got an unexpected keyword argument '{name}' (it takes lang, {takes})"),
            ));
        }
        let value = Some(value).filter(|v| !v.is_none());
        match name.as_str() {
            "lang" => {
                let given = value.ok_or_else(|| argument_error(py, "lang: expected str, got None".to_string()))?;
                let text = given.cast::<PyString>().map_err(|_| type_error("lang", "str", &given))?;
                lang = self::lang(text.to_str()?)?;
            }
            "kind" => {
                args.kind = match value {
                    Some(v) => Some(v.extract::<String>().map_err(|_| type_error("kind", "str", &v))?),
                    None => None,
                }
            }
            "today" => args.today = value,
            "rule_levels" => args.rule_levels = value,
            "codelists" => args.codelists = value,
            "hours_per_working_day" => args.hours_per_working_day = value,
            "max_depth" => args.max_depth = value,
            "max_input_bytes" => args.max_input_bytes = value,
            "max_list_items" => args.max_list_items = value,
            "max_string_bytes" => args.max_string_bytes = value,
            _ => args.max_variant_combinations = value,
        }
    }
    Ok(Read { opts: args.build()?, lang })
}

/// The options the core reads from `value`, a refusal being `dxer.ArgumentValueError` with the core's message.
fn core_options(py: Python<'_>, value: Value) -> PyResult<Options> {
    Options::from_value(value).map_err(|e| argument_value_error(py, e.to_string()))
}

impl OptionArgs<'_> {
    /// The core's options: the keyword arguments given, as the members of the serialised options, read by
    /// the core (which checks rule codes, levels and ranges); the code lists set beside them.
    pub fn build(&self) -> PyResult<Options> {
        Python::attach(|py| {
            let mut map = Map::new();
            if let Some(kind) = &self.kind {
                map.insert("kind".into(), kind.clone().into());
            }
            if let Some(today) = self.today.as_ref().filter(|t| !t.is_none()) {
                let date = conv::date_arg(today, Arg::Name("today"))?;
                map.insert("today".into(), date.format("%Y-%m-%d").to_string().into());
            }
            if let Some(levels) = self.rule_levels.as_ref().filter(|l| !l.is_none()) {
                let Ok(dict) = levels.cast::<PyDict>() else {
                    return Err(type_error("rule_levels", "dict[str, str] such as {\"DXER-E005\": \"off\"}", levels));
                };
                let mut codes = Map::new();
                for (code, level) in dict.iter() {
                    let code: String =
                        code.extract().map_err(|_| type_error("rule_levels", "str keys (codes)", &code))?;
                    let level = conv::to_value_strict(&level, Arg::Name("rule_levels"), 4)?;
                    codes.insert(code, level);
                }
                map.insert("rule_levels".into(), Value::Object(codes));
            }
            // The counts go to the core as they were given (a bool, a float, a negative or huge number
            // included), so that the core's contract judges them, with its message.
            let counts = [
                ("hours_per_working_day", &self.hours_per_working_day),
                ("max_depth", &self.max_depth),
                ("max_input_bytes", &self.max_input_bytes),
                ("max_list_items", &self.max_list_items),
                ("max_string_bytes", &self.max_string_bytes),
                ("max_variant_combinations", &self.max_variant_combinations),
            ];
            for (name, n) in counts {
                if let Some(n) = n.as_ref().filter(|n| !n.is_none()) {
                    if !n.is_instance_of::<pyo3::types::PyInt>() && !n.is_instance_of::<pyo3::types::PyFloat>() {
                        return Err(type_error(name, "int", n));
                    }
                    map.insert(name.into(), conv::to_value_strict(n, Arg::Name(name), 1)?);
                }
            }
            let mut opts = core_options(py, Value::Object(map))?;
            if let Some(lists) = self.codelists.as_ref().filter(|l| !l.is_none()) {
                let Ok(lists) = lists.cast::<CodeLists>() else {
                    return Err(type_error("codelists", "dxer.CodeLists", lists));
                };
                opts.codelists = lists.get().inner.clone();
            }
            Ok(opts)
        })
    }
}

/// `dxer.check_options(options)`: the options as the core reads them (every member, snake_case, the
/// defaults filled in), or `dxer.ArgumentValueError` with the core's message. The dict is the serialised
/// form the command reads with `--options FILE.json` and JavaScript passes as its options object.
#[pyfunction]
#[pyo3(name = "check_options", signature = (options=None))]
pub fn options_as_read<'py>(py: Python<'py>, options: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
    crate::errors::guard(py, || {
        let value = match options.as_ref().filter(|o| !o.is_none()) {
            Some(obj) if obj.cast::<PyDict>().is_ok() => conv::to_value_strict(obj, Arg::Name("options"), 8)?,
            Some(obj) => return Err(type_error("options", "a dict such as {\"max_depth\": 32}", obj)),
            None => Value::Null,
        };
        conv::to_py(py, &core_options(py, value)?.to_value())
    })
}

/// The code lists the validator checks codes against: the built-in lists, or these with a newer provider
/// list or service-area classifier (no recompiling).
#[pyclass(frozen, module = "dxer._dxer", name = "CodeLists")]
pub struct CodeLists {
    pub inner: Arc<dxer::CodeLists>,
}

fn overlay(py: Python<'_>, base: &Arc<dxer::CodeLists>, which: Which, json: &str) -> PyResult<CodeLists> {
    let result = match which {
        Which::Providers => base.with_providers_json(json),
        Which::ServiceAreas => base.with_service_areas_json(json),
    };
    result.map(|lists| CodeLists { inner: Arc::new(lists) }).map_err(|e| parse_error(py, e.to_string()))
}

#[pymethods]
impl CodeLists {
    /// The built-in lists, optionally with the provider list and/or the service-area classifier replaced.
    #[new]
    #[pyo3(signature = (*, providers_json=None, service_areas_json=None))]
    fn new(py: Python<'_>, providers_json: Option<&str>, service_areas_json: Option<&str>) -> PyResult<CodeLists> {
        crate::errors::guard(py, || {
            let mut lists = CodeLists { inner: dxer::CodeLists::built_in() };
            if let Some(json) = providers_json {
                lists = overlay(py, &lists.inner, Which::Providers, json)?;
            }
            if let Some(json) = service_areas_json {
                lists = overlay(py, &lists.inner, Which::ServiceAreas, json)?;
            }
            Ok(lists)
        })
    }

    /// The lists published with this version of dxer.
    #[staticmethod]
    fn built_in() -> CodeLists {
        CodeLists { inner: dxer::CodeLists::built_in() }
    }

    /// `lists.with_providers_json(json)`: a copy of `lists` with the provider list replaced;
    /// `CodeLists.with_providers_json(json)`: the built-in lists with the provider list replaced.
    #[classattr]
    fn with_providers_json() -> ListLoader {
        ListLoader { which: Which::Providers }
    }

    /// Like `with_providers_json`, for the service-area classifier.
    #[classattr]
    fn with_service_areas_json() -> ListLoader {
        ListLoader { which: Which::ServiceAreas }
    }

    /// Version of the provider list in use.
    #[getter]
    fn providers_version(&self) -> String {
        self.inner.providers_version().to_string()
    }

    /// The provider with this code, as a dict (`None` if unknown).
    fn provider<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.provider(code).map(|p| conv::ser_to_py(py, p)).transpose()
    }

    /// Every provider, as dicts, by code.
    fn providers<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.inner.providers().map(|p| conv::ser_to_py(py, p)).collect()
    }

    /// Today's body that took over the services of `code` (following the principal successor), as a dict.
    fn current_successor<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.current_successor(code).map(|p| conv::ser_to_py(py, p)).transpose()
    }

    /// Today's bodies that took over the services of `code` (all of them, for a body split between
    /// several), as dicts, the principal one first.
    fn current_successors<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.inner.current_successors(code).into_iter().map(|p| conv::ser_to_py(py, p)).collect()
    }

    /// The service area (or sub-area) with this code, as a dict.
    fn service_area<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.service_area(code).map(|a| conv::ser_to_py(py, a)).transpose()
    }

    /// The label (dict az/en/ru) of `code` in the closed list `list` (e.g. `"channels"`).
    fn label<'py>(&self, py: Python<'py>, list: &str, code: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.label(list, code).map(|l| conv::ser_to_py(py, l)).transpose()
    }

    fn __repr__(&self) -> String {
        format!("<dxer.CodeLists providers_version={:?}>", self.inner.providers_version())
    }
}

#[derive(Clone, Copy)]
enum Which {
    Providers,
    ServiceAreas,
}

/// The descriptor behind `CodeLists.with_providers_json` / `with_service_areas_json`: called on the class
/// it starts from the built-in lists, called on an instance from that instance.
#[pyclass(frozen, module = "dxer._dxer", name = "ListLoader")]
pub struct ListLoader {
    which: Which,
}

#[pymethods]
impl ListLoader {
    fn __get__(&self, instance: &Bound<'_, PyAny>, owner: Option<&Bound<'_, PyAny>>) -> PyResult<BoundLoader> {
        let _ = owner;
        let base = match instance.cast::<CodeLists>() {
            Ok(lists) => lists.get().inner.clone(),
            Err(_) => dxer::CodeLists::built_in(),
        };
        Ok(BoundLoader { which: self.which, base })
    }
}

/// `with_providers_json` / `with_service_areas_json` bound to a base list.
#[pyclass(frozen, module = "dxer._dxer", name = "BoundListLoader")]
pub struct BoundLoader {
    which: Which,
    base: Arc<dxer::CodeLists>,
}

#[pymethods]
impl BoundLoader {
    fn __call__(&self, py: Python<'_>, json: &str) -> PyResult<CodeLists> {
        crate::errors::guard(py, || overlay(py, &self.base, self.which, json))
    }
}
