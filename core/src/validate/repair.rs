//! Semantic findings for a document whose structure is invalid.
//!
//! The rules of the catalogue read the typed model, which a structurally invalid document does not fit. So
//! that one structural error does not hide every other problem, a copy of the document is repaired just
//! enough to deserialize: an unknown member is removed, a missing required member is inserted, and any
//! other node the types reject is replaced by the node at the same path of a placeholder document (array
//! indices mapped to 0), or removed when the placeholder has none there (the member is optional).
//!
//! No finding may be about a value dxer made up, so:
//! - the repair is done twice, with two placeholders that differ in every value a rule decides on
//!   (`placeholder_minimal.json`: optional members absent, "transactional", not free, zero periods, old
//!   dates; `placeholder_full.json`: every member present, "informative", free, long periods, late dates),
//!   and a finding is kept only when both repaired documents give it, message and all;
//! - a finding at or under the pointer of a structural error or of a repaired node is dropped.
//!
//! One case remains beyond both: a finding about a real value that refers by id to an array item so broken
//! that the item as a whole was replaced (e.g. a data source naming a document given as a string), as the
//! item's real id is lost.

use std::collections::{BTreeSet, HashMap};

use once_cell::sync::Lazy;
use serde::Deserialize;
use serde_json::Value;

use crate::model::{Record, Reglament};
use crate::report::{DocumentKind, Finding};
use crate::rules::{self, Emitter, Subject};
use crate::validate::{escape_token, Options};

/// Most repairs found by deserializing, per placeholder; beyond, no semantic finding is reported. Each is
/// one deserialization of the whole document, so this bounds the cost of a hostile one; the schema's errors
/// are repaired before, all at once, and leave only what the schema accepts and the types do not (such as
/// `1.0` for an integer) to find this way.
const MAX_REPAIRS: usize = 32;

/// The placeholder records, parsed once: structurally valid (a unit test proves it), ids that cannot be
/// real (`dxer-placeholder-…`), one item in every array.
static PLACEHOLDERS: Lazy<[Value; 2]> = Lazy::new(|| {
    let parse = |text: &str| serde_json::from_str(text).unwrap_or(Value::Null);
    [parse(include_str!("placeholder_minimal.json")), parse(include_str!("placeholder_full.json"))]
});

/// The two placeholders of a document kind: the records, or their `reglament` subtrees.
fn placeholders(kind: DocumentKind) -> [&'static Value; 2] {
    let [a, b] = &*PLACEHOLDERS;
    match kind {
        DocumentKind::Reglament => [&a["reglament"], &b["reglament"]],
        _ => [a, b],
    }
}

/// The semantic findings of a document the schema (or the types) refused, at `structural` pointers: those
/// the rules give on both repaired copies, outside every structurally wrong or repaired node. Nothing
/// when the document cannot be repaired.
pub(super) fn semantic_findings(
    value: &Value,
    kind: DocumentKind,
    schema_errors: &[jsonschema::ValidationError<'_>],
    structural: impl IntoIterator<Item = String>,
    opts: &Options,
) -> Vec<Finding> {
    let mut suppressed: BTreeSet<String> = structural.into_iter().collect();
    let mut runs = Vec::with_capacity(2);
    for placeholder in placeholders(kind) {
        let mut repair = Repair { doc: value.clone(), placeholder, repaired: BTreeSet::new() };
        repair.apply_schema_errors(schema_errors);
        let Some(subject) = repair.typed(kind) else { return Vec::new() };
        let base = if kind == DocumentKind::Reglament { "" } else { "/reglament" };
        let mut out = Emitter::default();
        rules::check(&subject, base, opts, &mut out);
        suppressed.extend(repair.repaired);
        runs.push(out.into_findings_resting_on());
    }
    let [a, b] = <[Vec<(Finding, Vec<String>)>; 2]>::try_from(runs).unwrap_or_default();
    // Each test below looks pointers up in the sets (ancestors, a range), not through them: thousands of
    // structural errors with thousands of findings cost no more than their number.
    // `pointer` lies at or under a suppressed node: one of its ancestors (or itself) is suppressed.
    let covered = |pointer: &str| {
        suppressed.contains(pointer) || pointer.match_indices('/').any(|(i, _)| suppressed.contains(&pointer[..i]))
    };
    // Some suppressed node lies at or under `at`.
    let holds_suppressed =
        |at: &str| suppressed.contains(at) || suppressed.range(format!("{at}/")..format!("{at}0")).next().is_some();
    // A finding about one place that judges it against another (a citation against the legal basis, a
    // channel against the service's channels) says nothing when that other place was made up.
    let rests_on_repair = |rests_on: &[String]| rests_on.iter().any(|at| holds_suppressed(at) || covered(at));
    let mut in_b: HashMap<(&str, &str), Vec<&Finding>> = HashMap::new();
    for (f, _) in &b {
        in_b.entry((f.pointer.as_str(), f.code.as_str())).or_default().push(f);
    }
    let both = |f: &Finding| in_b.get(&(f.pointer.as_str(), f.code.as_str())).is_some_and(|fs| fs.contains(&f));
    a.into_iter()
        .filter(|(f, rests_on)| both(f) && !covered(&f.pointer) && !rests_on_repair(rests_on))
        .map(|(f, _)| f)
        .collect()
}

/// One repaired copy of a document.
struct Repair<'p> {
    doc: Value,
    placeholder: &'p Value,
    /// JSON Pointers of the nodes replaced, inserted or removed.
    repaired: BTreeSet<String>,
}

impl Repair<'_> {
    /// Applies what the schema's errors say directly, so that the common cases deserialize at once.
    fn apply_schema_errors(&mut self, errors: &[jsonschema::ValidationError<'_>]) {
        use jsonschema::error::ValidationErrorKind as K;
        for error in errors {
            let at = tokens(error.instance_path().as_str());
            match error.kind() {
                K::Required { property } => {
                    if let Some(name) = property.as_str() {
                        self.insert_missing(&at, name);
                    }
                }
                K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => {
                    for name in unexpected {
                        self.remove_member(&at, name);
                    }
                }
                K::Type { .. } | K::Enum { .. } | K::Constant { .. } | K::Pattern { .. } | K::Format { .. }
                    if self.node(&at).is_some() =>
                {
                    self.replace(&at)
                }
                _ => {}
            }
        }
    }

    /// Repairs until the copy deserializes into the types (each repair is one deserialization).
    fn typed(&mut self, kind: DocumentKind) -> Option<Subject> {
        for _ in 0..MAX_REPAIRS {
            // Without path tracking first: the copy the schema's errors repaired usually deserializes at
            // once, and tracking the path costs as much again; only a refusal is deserialized again to
            // locate it (the same deserializer: the same outcome).
            let plain = match kind {
                DocumentKind::Reglament => Reglament::deserialize(&self.doc).map(Subject::Reglament),
                _ => Record::deserialize(&self.doc).map(Subject::Record),
            };
            if let Ok(subject) = plain {
                return Some(subject);
            }
            let (at, message) = match kind {
                DocumentKind::Reglament => match serde_path_to_error::deserialize::<_, Reglament>(&self.doc) {
                    Ok(r) => return Some(Subject::Reglament(r)),
                    Err(e) => located(e),
                },
                _ => match serde_path_to_error::deserialize::<_, Record>(&self.doc) {
                    Ok(r) => return Some(Subject::Record(r)),
                    Err(e) => located(e),
                },
            };
            // serde's own wording of the two errors about members (serde::de::Error::{unknown,missing}_field).
            let named =
                |prefix: &str| message.strip_prefix(prefix).and_then(|m| m.split('`').next()).map(str::to_string);
            let done = match (named("unknown field `"), named("missing field `")) {
                (Some(name), _) => self.remove_member(&at, &name),
                (_, Some(name)) => self.insert_missing(&at, &name),
                _ => false,
            };
            if !done {
                // A node repaired before and still rejected: repair its parent instead.
                let mut at = at;
                while !at.is_empty() && self.repaired.contains(&pointer(&at)) {
                    at.pop();
                }
                self.replace(&at);
            }
        }
        None
    }

    fn node(&self, at: &[String]) -> Option<&Value> {
        at.iter().try_fold(&self.doc, |v, t| match v {
            Value::Object(m) => m.get(t),
            Value::Array(a) => a.get(t.parse::<usize>().ok()?),
            _ => None,
        })
    }

    fn node_mut(&mut self, at: &[String]) -> Option<&mut Value> {
        at.iter().try_fold(&mut self.doc, |v, t| match v {
            Value::Object(m) => m.get_mut(t),
            Value::Array(a) => a.get_mut(t.parse::<usize>().ok()?),
            _ => None,
        })
    }

    fn remove_member(&mut self, at: &[String], name: &str) -> bool {
        let removed = match self.node_mut(at) {
            Some(Value::Object(m)) => m.remove(name).is_some(),
            _ => false,
        };
        if removed {
            self.repaired.insert(child(at, name));
        }
        removed
    }

    fn insert_missing(&mut self, at: &[String], name: &str) -> bool {
        let mut path = at.to_vec();
        path.push(name.to_string());
        let Some(value) = placeholder_at(self.placeholder, &path).cloned() else { return false };
        let inserted = match self.node_mut(at) {
            Some(Value::Object(m)) if !m.contains_key(name) => m.insert(name.to_string(), value).is_none(),
            _ => false,
        };
        if inserted {
            self.repaired.insert(pointer(&path));
        }
        inserted
    }

    /// Replaces the node at `at` by the placeholder's, or removes it when the placeholder has the object
    /// around it but not the member; else does so for the nearest ancestor it can.
    fn replace(&mut self, at: &[String]) {
        for len in (0..=at.len()).rev() {
            let path = &at[..len];
            let Some((name, parent)) = path.split_last() else {
                self.doc = self.placeholder.clone();
                self.repaired.insert(String::new());
                return;
            };
            let substitute = placeholder_at(self.placeholder, path).cloned();
            let optional =
                substitute.is_none() && placeholder_at(self.placeholder, parent).is_some_and(Value::is_object);
            let done = match (self.node_mut(parent), substitute) {
                (Some(Value::Object(m)), Some(v)) => {
                    m.insert(name.clone(), v);
                    true
                }
                (Some(Value::Array(a)), Some(v)) => match name.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                    Some(item) => {
                        *item = v;
                        true
                    }
                    None => false,
                },
                (Some(Value::Object(m)), None) if optional => m.remove(name).is_some(),
                _ => false,
            };
            if done {
                self.repaired.insert(pointer(path));
                return;
            }
        }
    }
}

/// The node of the placeholder at the path of a document node: array indices are mapped to 0.
fn placeholder_at<'p>(placeholder: &'p Value, at: &[String]) -> Option<&'p Value> {
    at.iter().try_fold(placeholder, |v, t| match v {
        Value::Object(m) => m.get(t),
        Value::Array(a) => t.parse::<usize>().ok().and_then(|_| a.first()),
        _ => None,
    })
}

/// The path of a typed error and its message.
fn located(e: serde_path_to_error::Error<serde_json::Error>) -> (Vec<String>, String) {
    use serde_path_to_error::Segment;
    let at = e
        .path()
        .iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .collect();
    (at, e.into_inner().to_string())
}

/// The reference tokens of a JSON Pointer, unescaped.
fn tokens(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(|t| t.replace("~1", "/").replace("~0", "~")).collect()
}

fn pointer(at: &[String]) -> String {
    at.iter().map(|t| format!("/{}", escape_token(t))).collect()
}

fn child(at: &[String], name: &str) -> String {
    format!("{}/{}", pointer(at), escape_token(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_structurally_valid_records_and_reglaments() {
        for (i, p) in PLACEHOLDERS.iter().enumerate() {
            let errors: Vec<String> = crate::schema::validator(DocumentKind::Record)
                .iter_errors(p)
                .map(|e| format!("{}: {e}", e.instance_path().as_str()))
                .collect();
            assert!(errors.is_empty(), "placeholder {i}: {errors:?}");
            assert!(crate::schema::validator(DocumentKind::Reglament).is_valid(&p["reglament"]), "placeholder {i}");
            assert!(serde_json::from_value::<Record>(p.clone()).is_ok(), "placeholder {i}");
        }
    }

    #[test]
    fn placeholders_hold_an_item_in_every_array() {
        fn walk(v: &Value, at: String, out: &mut Vec<String>) {
            match v {
                Value::Array(a) if a.is_empty() => out.push(at),
                Value::Array(a) => a.iter().for_each(|x| walk(x, format!("{at}/0"), out)),
                Value::Object(m) => m.iter().for_each(|(k, x)| walk(x, format!("{at}/{k}"), out)),
                _ => {}
            }
        }
        for p in PLACEHOLDERS.iter() {
            let mut empty = Vec::new();
            walk(p, String::new(), &mut empty);
            assert!(empty.is_empty(), "{empty:?}");
        }
    }
}
