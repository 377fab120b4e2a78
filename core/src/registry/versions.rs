//! Versions and amendments: every registration is an immutable version with valid-from / valid-to, and
//! [`diff`] lists what an operator reviews when a record is resubmitted or amended.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Record, Validity};
use crate::pointer::escape_token;
use crate::Finding;

/// One changed field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// RFC 6901 pointer of the field.
    pub pointer: String,
    /// The old value (`None`: the field was added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value (`None`: the field was removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// Record members that the registry maintains itself; [`diff`] leaves them out, since they change with
/// every workflow step and say nothing about the service.
pub const BOOKKEEPING: &[&str] = &["version", "status", "history", "submission", "review", "validity"];

/// Changes between two JSON values, as pointers with old and new values, in document order of `new`
/// (then removed members). Arrays are compared item by item.
///
/// ```
/// use serde_json::json;
/// let changes = dxer::registry::versions::diff_values(&json!({"a": 1, "b": [1, 2]}), &json!({"a": 2, "b": [1], "c": true}));
/// let pointers: Vec<&str> = changes.iter().map(|c| c.pointer.as_str()).collect();
/// assert_eq!(pointers, ["/a", "/b/1", "/c"]);
/// ```
pub fn diff_values(old: &Value, new: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    walk(old, new, &mut String::new(), &mut out);
    out
}

fn walk(old: &Value, new: &Value, at: &mut String, out: &mut Vec<Change>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, nv) in b {
                let len = at.len();
                at.push('/');
                at.push_str(&escape_token(k));
                match a.get(k) {
                    Some(ov) => walk(ov, nv, at, out),
                    None => out.push(Change { pointer: at.clone(), old: None, new: Some(nv.clone()) }),
                }
                at.truncate(len);
            }
            for (k, ov) in a {
                if !b.contains_key(k) {
                    out.push(Change { pointer: format!("{at}/{}", escape_token(k)), old: Some(ov.clone()), new: None });
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for i in 0..a.len().max(b.len()) {
                let len = at.len();
                at.push('/');
                at.push_str(&i.to_string());
                match (a.get(i), b.get(i)) {
                    (Some(ov), Some(nv)) => walk(ov, nv, at, out),
                    (None, Some(nv)) => out.push(Change { pointer: at.clone(), old: None, new: Some(nv.clone()) }),
                    (Some(ov), None) => out.push(Change { pointer: at.clone(), old: Some(ov.clone()), new: None }),
                    (None, None) => {}
                }
                at.truncate(len);
            }
        }
        (a, b) if a == b => {}
        (a, b) => out.push(Change { pointer: at.clone(), old: Some(a.clone()), new: Some(b.clone()) }),
    }
}

fn content(record: &Record) -> Value {
    let mut v = serde_json::to_value(record).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        for key in BOOKKEEPING {
            map.remove(*key);
        }
    }
    v
}

/// What changed in the service between two versions of a record (registry bookkeeping — version,
/// status, history, submission, review, validity — left out).
pub fn diff(old: &Record, new: &Record) -> Vec<Change> {
    diff_values(&content(old), &content(new))
}

/// The versions of one record, oldest first. Versions are never modified once added, except that adding
/// a newer one closes the validity of the one before it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VersionHistory {
    versions: Vec<Record>,
}

impl VersionHistory {
    /// A history starting with a registered version valid from `valid_from`.
    pub fn new(mut first: Record, valid_from: NaiveDate) -> VersionHistory {
        first.validity = Some(Validity { valid_from, valid_to: None });
        VersionHistory { versions: vec![first] }
    }

    /// Every version, oldest first.
    pub fn versions(&self) -> &[Record] {
        &self.versions
    }

    /// The newest version.
    pub fn latest(&self) -> Option<&Record> {
        self.versions.last()
    }

    /// The version in force on `date`.
    pub fn at(&self, date: NaiveDate) -> Option<&Record> {
        self.versions
            .iter()
            .rev()
            .find(|r| r.validity.is_some_and(|v| v.valid_from <= date && v.valid_to.is_none_or(|to| date <= to)))
    }

    /// Adds `new` as the next version, valid from `valid_from`; the previous version then ends the day
    /// before. Returns the changes, or `DXER-W005` when nothing changed, or `DXER-W002` when
    /// `valid_from` is not after the previous version's start.
    pub fn amend(&mut self, new: Record, valid_from: NaiveDate) -> Result<Vec<Change>, Box<Finding>> {
        let Some(last) = self.versions.last_mut() else {
            *self = VersionHistory::new(new, valid_from);
            return Ok(Vec::new());
        };
        let amendment = amend(last, new, valid_from)?;
        *last = amendment.previous;
        self.versions.push(amendment.record);
        Ok(amendment.changes)
    }
}

/// An amendment: the previous version closed the day before the new one starts, the new version, and what
/// changed ([`amend`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amendment {
    /// The previous version, its validity ending the day before `record`'s starts.
    pub previous: Record,
    /// The new version: the next version number, valid from the amendment's date.
    pub record: Record,
    /// What changed in the service (registry bookkeeping left out).
    pub changes: Vec<Change>,
}

/// Amends `previous` with `new`, valid from `valid_from`: the step [`VersionHistory::amend`] takes, for
/// callers who keep the versions themselves (the bindings). `DXER-W005` when nothing but bookkeeping
/// changed; `DXER-W002` when `valid_from` is not after the previous version's start.
///
/// ```
/// use dxer::registry::versions::amend;
/// # let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
/// let previous: dxer::model::Record = serde_json::from_str(&text).unwrap();
/// let same = amend(&previous, previous.clone(), chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
/// assert_eq!(same.unwrap_err().code, "DXER-W005");
/// ```
pub fn amend(previous: &Record, mut new: Record, valid_from: NaiveDate) -> Result<Amendment, Box<Finding>> {
    let changes = diff(previous, &new);
    if changes.is_empty() {
        return Err(Box::new(crate::rules::finding("DXER-W005", "", &[])));
    }
    if let Some(start) = previous.validity.map(|v| v.valid_from).filter(|s| *s >= valid_from) {
        return Err(Box::new(super::workflow::out_of_order(valid_from, start, "/validity/valid_from")));
    }
    let mut previous = previous.clone();
    if let Some(v) = previous.validity.as_mut() {
        v.valid_to = valid_from.pred_opt();
    }
    new.version = previous.version.saturating_add(1);
    new.validity = Some(Validity { valid_from, valid_to: None });
    Ok(Amendment { previous, record: new, changes })
}
