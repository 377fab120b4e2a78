//! Registry statistics (per provider, most used services) as data and as one self-contained HTML page.
//! The counting and the page are the core's ([`dxer::registry::Stats`]); this only converts.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dxer::registry::workflow::Policy;
use dxer::registry::{Registry, Stats};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::input::{stringify, typed};
use crate::workflow::cal;
use crate::{error, to_js};

/// `StatsOptions` of the TypeScript declarations.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatsOptions {
    #[serde(default)]
    usage: BTreeMap<String, u64>,
    #[serde(default)]
    top: Option<usize>,
    #[serde(default)]
    on: Option<NaiveDate>,
}

/// The records: JSON Lines text (one record a line), or an array of record objects.
fn registry(records: &JsValue) -> Result<Registry, JsValue> {
    match records.as_string() {
        Some(text) if text.trim_start().starts_with('[') => Ok(Registry::from_json(&text)),
        Some(text) => Ok(Registry::from_json_lines(&text)),
        None if js_sys::Array::is_array(records) => {
            Ok(Registry::from_json(&String::from(stringify(records, "records")?)))
        }
        None => Err(error("records: expected JSON Lines text or an array of records")),
    }
}

fn stats(records: &JsValue, options: &JsValue) -> Result<Stats, JsValue> {
    let options: StatsOptions = if options.is_undefined() || options.is_null() {
        StatsOptions::default()
    } else {
        typed(options, "options", "stats options ({ usage?, top?, on? })")?
    };
    let registry = registry(records)?;
    let policy = Policy::default();
    let duties = options.on.map(|on| (on, &policy, cal()));
    Ok(registry.stats_with_usage(duties, &options.usage, options.top.unwrap_or(10)))
}

/// Statistics per provider of the records' latest versions, with the most used services when usage
/// counts are given. Records that fail validation still count when they have the record's structure.
#[wasm_bindgen(js_name = registryStats, unchecked_return_type = "Stats")]
pub fn registry_stats(
    #[wasm_bindgen(unchecked_param_type = "string | object[]")] records: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StatsOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&stats(&records, &options)?)
}

/// The same statistics as one self-contained HTML page (tables and inline SVG bar charts, no script,
/// nothing fetched).
#[wasm_bindgen(js_name = registryStatsHtml)]
pub fn registry_stats_html(
    #[wasm_bindgen(unchecked_param_type = "string | object[]")] records: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StatsOptions")] options: JsValue,
) -> Result<String, JsValue> {
    Ok(stats(&records, &options)?.to_html())
}

/// The columns of the statistics, in the order of the CSV: `[{ name, en, az }]`.
#[wasm_bindgen(js_name = statsColumns, unchecked_return_type = "StatsColumn[]")]
pub fn stats_columns() -> Result<JsValue, JsValue> {
    let columns: Vec<BTreeMap<&str, &str>> =
        Stats::COLUMNS.iter().map(|c| BTreeMap::from([("name", c.name), ("en", c.en), ("az", c.az)])).collect();
    to_js(&columns)
}
