//! The one contract of [`Options`] as data: what the command (`--options FILE.json`, its flags), Python
//! (keyword arguments, `dxer.check_options`) and WebAssembly (the options object) accept and refuse, with
//! the same messages. Each front end only converts its arguments to a JSON object and calls
//! [`Options::from_value`].
//!
//! The serialised form is a JSON object; every member is optional (missing or `null` keeps the default):
//!
//! | member | JSON | accepted |
//! |---|---|---|
//! | `kind` | string | `auto`, `record`, `reglament` |
//! | `today` | string | a date `YYYY-MM-DD` |
//! | `rule_levels` | object | rule code of the catalogue → `error`, `warning`, `info` or `off` |
//! | `hours_per_working_day` | integer | 1 to 24 |
//! | `max_variant_combinations`, `max_depth`, `max_input_bytes`, `max_list_items`, `max_string_bytes` | integer | 1 to 4294967295 |
//! | `direct` | boolean | |
//!
//! Each member may also be spelt in camelCase (`ruleLevels`, `maxDepth`…), as JavaScript writes it; the
//! same member twice (in both spellings) is refused. Any other member is refused, with the nearest name
//! suggested. [choice] The upper limit of the counts is the same on every platform (the largest `usize`
//! of 32-bit WebAssembly), so that one options file means the same everywhere; numbers must be integers
//! (`8`, not `8.0`, as a Python `int`).
//!
//! Not part of the serialised form: the code lists (`codelists`, not plain data: set them with
//! [`crate::CodeLists::with_providers_json`], the command's `--providers`, Python's `codelists=`) and the
//! language (`lang`, a separate argument everywhere: the options decide the findings, the language only how
//! they are shown — every finding carries its message in all three).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::{Options, RuleLevel};
use crate::report::DocumentKind;
use crate::rules::catalogue::{rule, CATALOGUE};

/// The largest count an option accepts, on every platform.
pub const MAX_COUNT: u64 = u32::MAX as u64;

/// Options refused by the contract. The message names the member and what it accepts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    /// The options are not JSON text.
    #[error("options are not JSON: {0}")]
    Syntax(String),
    /// The options are not a JSON object.
    #[error("options must be an object, got {0}")]
    NotAnObject(&'static str),
    /// A member that is not an option.
    #[error("unknown option {name:?}{} (the options are {})", suggest(.suggestion), FIELDS.iter().map(|f| f.0).collect::<Vec<_>>().join(", "))]
    UnknownField {
        /// The member as given.
        name: String,
        /// The nearest option name, if one is close.
        suggestion: Option<String>,
    },
    /// A member that is part of the options, but not of their serialised form.
    #[error("{name:?} is not part of the serialised options: {hint}")]
    NotSerialised {
        /// `codelists` or `lang`.
        name: String,
        /// Where to give it instead.
        hint: &'static str,
    },
    /// The same option twice (snake_case and camelCase).
    #[error("option {0} is given twice ({0} and {1})")]
    Duplicate(&'static str, &'static str),
    /// A rule code that is not in the catalogue.
    #[error("rule_levels: unknown rule code {code}{} (the codes are listed by `dxer rules` and in docs/rules.md)", suggest(.suggestion))]
    UnknownRule {
        /// The code as given.
        code: String,
        /// The nearest code of the catalogue, if one is close.
        suggestion: Option<String>,
    },
    /// A member of the wrong type or with a value out of what it accepts.
    #[error("{field}: {message}")]
    Invalid {
        /// The option (`max_depth`, `rule_levels.DXER-E005`…).
        field: String,
        /// What is wrong and what is accepted.
        message: String,
    },
}

fn suggest(s: &Option<String>) -> String {
    s.as_ref().map(|s| format!("; did you mean {s}?")).unwrap_or_default()
}

/// The members of the serialised form: (snake_case, camelCase).
const FIELDS: &[(&str, &str)] = &[
    ("kind", "kind"),
    ("today", "today"),
    ("rule_levels", "ruleLevels"),
    ("hours_per_working_day", "hoursPerWorkingDay"),
    ("max_variant_combinations", "maxVariantCombinations"),
    ("max_depth", "maxDepth"),
    ("max_input_bytes", "maxInputBytes"),
    ("max_list_items", "maxListItems"),
    ("max_string_bytes", "maxStringBytes"),
    ("direct", "direct"),
];

fn invalid(field: impl Into<String>, message: impl Into<String>) -> OptionsError {
    OptionsError::Invalid { field: field.into(), message: message.into() }
}

/// What a JSON value is, for messages.
fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a decimal number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The edit distance of two short ASCII-ish strings (Levenshtein, by chars).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The nearest of `candidates` to `given`, if within `max` edits (the first of equals).
fn nearest<'a>(given: &str, candidates: impl Iterator<Item = &'a str>, max: usize) -> Option<&'a str> {
    candidates.map(|c| (distance(given, c), c)).filter(|(d, _)| *d <= max).min_by_key(|(d, _)| *d).map(|(_, c)| c)
}

/// The code of the catalogue `given` most likely means: the same letters and number written in full
/// (`DXER-E05`, `dxer-e5`, `E005` → `DXER-E005`), else the nearest within two edits.
fn nearest_rule(given: &str) -> Option<String> {
    let upper = given.trim().to_uppercase();
    let bare = upper.strip_prefix("DXER-").or_else(|| upper.strip_prefix("DXER")).unwrap_or(&upper);
    let letters: String = bare.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &bare[letters.len()..];
    if !letters.is_empty() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = digits.parse::<u32>() {
            let full = format!("DXER-{letters}{n:03}");
            if rule(&full).is_some() {
                return Some(full);
            }
        }
    }
    nearest(&upper, CATALOGUE.iter().map(|r| r.code), 2).map(str::to_string)
}

/// A count from 1 to `max`: an integer, not a decimal, a string or a boolean.
fn count(field: &str, v: &Value, max: u64) -> Result<u64, OptionsError> {
    let range = || format!("a whole number from 1 to {max}");
    let Value::Number(n) = v else {
        return Err(invalid(field, format!("expected {}, got {}", range(), type_of(v))));
    };
    match (n.as_u64(), n.as_i64()) {
        (Some(x), _) if (1..=max).contains(&x) => Ok(x),
        (Some(_), _) | (None, Some(_)) => Err(invalid(field, format!("expected {}, got {n}", range()))),
        _ => {
            // A decimal: out of range if whole (e.g. 1e20, which JSON.stringify writes without a point).
            let f = n.as_f64().unwrap_or(f64::NAN);
            if f.is_finite() && f.fract() == 0.0 {
                Err(invalid(field, format!("expected {}, got {n}", range())))
            } else {
                Err(invalid(field, format!("expected {}, got {}", range(), type_of(v))))
            }
        }
    }
}

/// A string member read with the core's own serde names.
fn named<T: for<'de> Deserialize<'de>>(field: &str, v: &Value, accepted: &str) -> Result<T, OptionsError> {
    match v {
        Value::String(s) => {
            T::deserialize(v).map_err(|_| invalid(field, format!("unknown value {s:?}; expected {accepted}")))
        }
        other => Err(invalid(field, format!("expected a string ({accepted}), got {}", type_of(other)))),
    }
}

fn rule_levels(v: &Value) -> Result<BTreeMap<String, RuleLevel>, OptionsError> {
    let Value::Object(map) = v else {
        return Err(invalid(
            "rule_levels",
            format!("expected an object of rule code → level, such as {{\"DXER-E005\": \"off\"}}, got {}", type_of(v)),
        ));
    };
    let mut levels = BTreeMap::new();
    for (code, level) in map {
        if rule(code).is_none() {
            return Err(OptionsError::UnknownRule { code: code.clone(), suggestion: nearest_rule(code) });
        }
        let level = named::<RuleLevel>(&format!("rule_levels.{code}"), level, "error, warning, info or off")?;
        levels.insert(code.clone(), level);
    }
    Ok(levels)
}

impl Options {
    /// Options from their serialised form (see the module's table): the defaults, with each member given
    /// replacing one. Everything the contract refuses is an [`OptionsError`] naming the member.
    ///
    /// ```
    /// use dxer::{Options, RuleLevel};
    /// let opts = Options::from_json(r#"{"rule_levels": {"DXER-E005": "off"}, "max_depth": 32}"#).unwrap();
    /// assert_eq!(opts.rule_levels["DXER-E005"], RuleLevel::Off);
    /// assert_eq!(opts.max_depth, 32);
    /// let err = Options::from_json(r#"{"rule_levels": {"DXER-E05": "off"}}"#).unwrap_err();
    /// assert!(err.to_string().contains("unknown rule code DXER-E05; did you mean DXER-E005?"));
    /// ```
    pub fn from_json(text: &str) -> Result<Options, OptionsError> {
        let value: Value = serde_json::from_str(text).map_err(|e| OptionsError::Syntax(e.to_string()))?;
        Options::from_value(value)
    }

    /// Options from a JSON value (an object; `null` is the defaults). See [`Options::from_json`].
    pub fn from_value(value: Value) -> Result<Options, OptionsError> {
        let map = match value {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            other => return Err(OptionsError::NotAnObject(type_of(&other))),
        };
        let mut given: BTreeMap<&'static str, Value> = BTreeMap::new();
        for (name, v) in map {
            let Some(&(snake, camel)) = FIELDS.iter().find(|(s, c)| name == *s || name == *c) else {
                return Err(match name.as_str() {
                    "codelists" | "codeLists" => OptionsError::NotSerialised {
                        name,
                        hint: "give a newer provider list with CodeLists::with_providers_json (the command's --providers, Python's codelists=)",
                    },
                    "lang" => OptionsError::NotSerialised {
                        name,
                        hint: "the language is an argument of its own (it changes how findings are shown, not which)",
                    },
                    _ => {
                        let names = FIELDS.iter().flat_map(|(s, c)| [*s, *c]);
                        let suggestion = nearest(&name, names, 3).map(str::to_string);
                        OptionsError::UnknownField { name, suggestion }
                    }
                });
            };
            if given.contains_key(snake) {
                return Err(OptionsError::Duplicate(snake, camel));
            }
            given.insert(snake, v);
        }
        let mut opts = Options::default();
        for (field, v) in given {
            if v.is_null() {
                continue;
            }
            let usize_of = |v: &Value| count(field, v, MAX_COUNT).map(|n| n as usize);
            match field {
                "kind" => opts.kind = named::<DocumentKind>(field, &v, "auto, record or reglament")?,
                "today" => {
                    let Value::String(s) = &v else {
                        return Err(invalid(field, format!("expected a date YYYY-MM-DD, got {}", type_of(&v))));
                    };
                    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .map_err(|_| invalid(field, format!("{s:?} is not a date YYYY-MM-DD")))?;
                    opts.today = Some(date);
                }
                "rule_levels" => opts.rule_levels = rule_levels(&v)?,
                "hours_per_working_day" => opts.hours_per_working_day = count(field, &v, 24)? as u32,
                "max_variant_combinations" => opts.max_variant_combinations = usize_of(&v)?,
                "max_depth" => opts.max_depth = usize_of(&v)?,
                "max_input_bytes" => opts.max_input_bytes = usize_of(&v)?,
                "max_list_items" => opts.max_list_items = usize_of(&v)?,
                "max_string_bytes" => opts.max_string_bytes = usize_of(&v)?,
                "direct" => {
                    let Value::Bool(b) = v else {
                        return Err(invalid(field, format!("expected true or false, got {}", type_of(&v))));
                    };
                    opts.direct = b;
                }
                _ => unreachable!("every member of FIELDS is read"),
            }
        }
        Ok(opts)
    }

    /// The serialised form of these options: every member, in snake_case (the code lists are not part of
    /// it). [`Options::from_value`] reads it back to the same options when [`Options::check`] passes.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("kind".into(), serde_json::to_value(self.kind).unwrap_or(Value::Null));
        map.insert("today".into(), self.today.map_or(Value::Null, |d| Value::String(d.format("%Y-%m-%d").to_string())));
        let levels: Map<String, Value> = self
            .rule_levels
            .iter()
            .map(|(code, level)| (code.clone(), serde_json::to_value(level).unwrap_or(Value::Null)))
            .collect();
        map.insert("rule_levels".into(), Value::Object(levels));
        map.insert("hours_per_working_day".into(), self.hours_per_working_day.into());
        map.insert("max_variant_combinations".into(), self.max_variant_combinations.into());
        map.insert("max_depth".into(), self.max_depth.into());
        map.insert("max_input_bytes".into(), self.max_input_bytes.into());
        map.insert("max_list_items".into(), self.max_list_items.into());
        map.insert("max_string_bytes".into(), self.max_string_bytes.into());
        map.insert("direct".into(), self.direct.into());
        Value::Object(map)
    }

    /// Checks options built in Rust against the contract (rule codes in the catalogue, counts in range),
    /// as [`Options::from_value`] would.
    pub fn check(&self) -> Result<(), OptionsError> {
        Options::from_value(self.to_value()).map(|_| ())
    }
}

impl Serialize for Options {
    /// The serialised form ([`Options::to_value`]).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Options {
    /// The serialised form, checked ([`Options::from_value`]); the code lists are the built-in ones.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Options, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Options::from_value(value).map_err(serde::de::Error::custom)
    }
}
