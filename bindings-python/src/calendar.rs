//! `dxer.Calendar`: the Azerbaijani working-day calendar.

use chrono::NaiveDate;
use dxer::calendar::{DayOffReason, Period, Source};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::conv::{self, Arg};
use crate::errors::{calendar_error, guard, value_error};

/// The working-day calendar: rules of the Labour Code + yearly data (Cabinet decisions).
#[pyclass(frozen, module = "dxer._dxer", name = "Calendar")]
pub struct Calendar {
    pub inner: dxer::calendar::Calendar,
}

/// The calendar given as an optional argument (default: the Azerbaijani calendar).
pub fn calendar_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<dxer::calendar::Calendar> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(dxer::calendar::Calendar::azerbaijan().clone()),
        Some(o) => match o.cast::<Calendar>() {
            Ok(c) => Ok(c.get().inner.clone()),
            Err(_) => Err(crate::errors::type_error("calendar", "dxer.Calendar", o)),
        },
    }
}

/// A period from exactly one of `working_days=`, `days=` (calendar days), `months=`.
pub fn period(working_days: Option<u32>, days: Option<u32>, months: Option<u32>) -> PyResult<Period> {
    match (working_days, days, months) {
        (Some(n), None, None) => Ok(Period::WorkingDays(n)),
        (None, Some(n), None) => Ok(Period::CalendarDays(n)),
        (None, None, Some(n)) => Ok(Period::Months(n)),
        _ => Err(value_error("add", "give exactly one of working_days=, days= or months=")),
    }
}

fn source_py<'py>(py: Python<'py>, source: &Option<Source>) -> PyResult<Bound<'py, PyAny>> {
    let Some(source) = source else { return Ok(py.None().into_bound(py)) };
    let d = conv::ser_to_py(py, source)?;
    if let Some(date) = source.date {
        d.set_item("date", conv::date_py(py, date)?)?;
    }
    Ok(d)
}

fn code_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn reason_py<'py>(py: Python<'py>, r: &DayOffReason) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", code_text(&r.code))?;
    d.set_item("holidays", r.holidays.iter().map(code_text).collect::<Vec<_>>())?;
    d.set_item("related_date", conv::opt_date_py(py, r.related_date)?)?;
    d.set_item("az", &r.az)?;
    d.set_item("en", &r.en)?;
    d.set_item("ru", &r.ru)?;
    d.set_item("source", source_py(py, &r.source)?)?;
    d.set_item("confidence", r.confidence.as_ref().map(code_text))?;
    Ok(d)
}

fn day_py<'py>(py: Python<'py>, date: NaiveDate, reasons: &[DayOffReason]) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("date", conv::date_py(py, date)?)?;
    let list = PyList::empty(py);
    for r in reasons {
        list.append(reason_py(py, r)?)?;
    }
    d.set_item("reasons", list)?;
    Ok(d)
}

#[pymethods]
impl Calendar {
    /// The Azerbaijani calendar with the embedded year data (same as `Calendar.azerbaijan()`).
    #[new]
    fn new() -> Calendar {
        Calendar { inner: dxer::calendar::Calendar::azerbaijan().clone() }
    }

    /// The Azerbaijani calendar with the embedded year data.
    #[staticmethod]
    fn azerbaijan() -> Calendar {
        Calendar::new()
    }

    /// A calendar from year data in the format of `schemas/calendar/az-calendar.json`.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<Calendar> {
        guard(py, || {
            dxer::calendar::Calendar::from_json(json)
                .map(|inner| Calendar { inner })
                .map_err(|e| calendar_error(py, &e))
        })
    }

    /// This calendar overlaid with the years of `json` (a year given replaces the existing one).
    fn with_years_from_json(&self, py: Python<'_>, json: &str) -> PyResult<Calendar> {
        guard(py, || {
            self.inner.with_years_from_json(json).map(|inner| Calendar { inner }).map_err(|e| calendar_error(py, &e))
        })
    }

    /// Version of the year data.
    #[getter]
    fn version(&self) -> &str {
        self.inner.version()
    }

    /// The first and last year with data.
    #[getter]
    fn years(&self) -> (i32, i32) {
        let r = self.inner.years();
        (*r.start(), *r.end())
    }

    /// Whether `date` is a working day.
    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        guard(py, || {
            let d = conv::date_arg(date, Arg::Name("date"))?;
            self.inner.is_working_day(d).map_err(|e| calendar_error(py, &e))
        })
    }

    /// The end of a period counted from the day after `start`: exactly one of `working_days=`,
    /// `days=` (calendar days, ending on a working day) or `months=` (ending on a working day).
    #[pyo3(signature = (start, *, working_days=None, days=None, months=None))]
    fn add<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        working_days: Option<u32>,
        days: Option<u32>,
        months: Option<u32>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let d = conv::date_arg(start, Arg::Name("start"))?;
            let p = period(working_days, days, months)?;
            let end = self.inner.add(d, p).map_err(|e| calendar_error(py, &e))?;
            conv::date_py(py, end)
        })
    }

    /// Number of working days in `(start, end]` (counting starts the day after `start`; 0 if end <= start).
    fn working_days_between(&self, py: Python<'_>, start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>) -> PyResult<u32> {
        guard(py, || {
            let a = conv::date_arg(start, Arg::Name("start"))?;
            let b = conv::date_arg(end, Arg::Name("end"))?;
            self.inner.working_days_between(a, b).map_err(|e| calendar_error(py, &e))
        })
    }

    /// Every day off of `year` that is not an ordinary weekend day, with its reasons:
    /// `[{"date": date, "reasons": [{"code", "holidays", "related_date", "az", "en", "ru", "source",
    /// "confidence"}]}]`.
    fn days_off<'py>(&self, py: Python<'py>, year: i32) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let days = self.inner.days_off(year).map_err(|e| calendar_error(py, &e))?;
            days.iter().map(|d| day_py(py, d.date, &d.reasons)).collect()
        })
    }

    /// Weekend days of `year` that are working days (Cabinet swaps, declared working days), with reasons.
    fn extra_working_days<'py>(&self, py: Python<'py>, year: i32) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let days = self.inner.extra_working_days(year).map_err(|e| calendar_error(py, &e))?;
            days.iter().map(|d| day_py(py, d.date, &d.reasons)).collect()
        })
    }

    /// The named holidays of `year` (including those that are working days):
    /// `[{"date", "id", "az", "en", "ru", "working_day", "source", "confidence"}]`.
    fn holidays<'py>(&self, py: Python<'py>, year: i32) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let list = self.inner.holidays(year).map_err(|e| calendar_error(py, &e))?;
            list.iter()
                .map(|h| {
                    let d = PyDict::new(py);
                    d.set_item("date", conv::date_py(py, h.date)?)?;
                    d.set_item("id", code_text(&h.id))?;
                    d.set_item("az", &h.az)?;
                    d.set_item("en", &h.en)?;
                    d.set_item("ru", &h.ru)?;
                    d.set_item("working_day", h.working_day)?;
                    d.set_item("source", source_py(py, &h.source)?)?;
                    d.set_item("confidence", h.confidence.as_ref().map(code_text))?;
                    Ok(d)
                })
                .collect()
        })
    }

    fn __repr__(&self) -> String {
        let (a, b) = self.years();
        format!("<dxer.Calendar version={:?} years={a}..{b}>", self.inner.version())
    }
}
