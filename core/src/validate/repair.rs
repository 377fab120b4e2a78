//! Semantic findings for a document whose structure is invalid.
//!
//! The rules of the catalogue read the typed model, which a structurally invalid document does not fit. So
//! that one structural error does not hide every other problem, a copy of the document is repaired just
//! enough to deserialize: an unknown member is removed, a missing required member is inserted, and any
//! other node the types reject is replaced by the node at the same path of a placeholder document (array
//! indices mapped to 0), or removed when the placeholder has none there (the member is optional).
//!
//! The repairs are made in place and undone in reverse order after each run, so a document is not copied
//! for them (copying and freeing it was a third of a refused record's time); the caller hands over its own
//! copy, or an owned one it was about to drop.
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

/// What the schema's errors say to repair, read out of them (they borrow the document, which is then
/// repaired in place).
pub(super) enum SchemaRepair {
    /// A required member is missing at this path.
    Insert(Vec<String>, String),
    /// These members are not allowed at this path.
    Remove(Vec<String>, Vec<String>),
    /// The node at this path has the wrong type, value, pattern or format.
    Replace(Vec<String>),
}

/// The repairs the schema's errors call for, in their order.
pub(super) fn schema_repairs(errors: &[jsonschema::ValidationError<'_>]) -> Vec<SchemaRepair> {
    use jsonschema::error::ValidationErrorKind as K;
    let mut out = Vec::new();
    for error in errors {
        let at = tokens(error.instance_path().as_str());
        match error.kind() {
            K::Required { property } => {
                if let Some(name) = property.as_str() {
                    out.push(SchemaRepair::Insert(at, name.to_string()));
                }
            }
            K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => {
                out.push(SchemaRepair::Remove(at, unexpected.clone()));
            }
            K::Type { .. } | K::Enum { .. } | K::Constant { .. } | K::Pattern { .. } | K::Format { .. } => {
                out.push(SchemaRepair::Replace(at));
            }
            _ => {}
        }
    }
    out
}

/// The semantic findings of a document the schema (or the types) refused, at `structural` pointers: those
/// the rules give on both repaired copies, outside every structurally wrong or repaired node. Nothing
/// when the document cannot be repaired. `doc` is repaired in place and left as it came, bar the order of
/// an object's members when serde_json keeps that order (its `preserve_order` feature).
pub(super) fn semantic_findings(
    doc: &mut Value,
    kind: DocumentKind,
    schema_repairs: &[SchemaRepair],
    structural: impl IntoIterator<Item = String>,
    opts: &Options,
) -> Vec<Finding> {
    let mut suppressed: BTreeSet<String> = structural.into_iter().collect();
    let mut runs = Vec::with_capacity(2);
    for placeholder in placeholders(kind) {
        let mut repair = Repair { doc: &mut *doc, placeholder, repaired: BTreeSet::new(), undo: Vec::new() };
        repair.apply_schema_repairs(schema_repairs);
        let subject = repair.typed(kind);
        suppressed.append(&mut repair.repaired);
        repair.undo();
        let Some(subject) = subject else { return Vec::new() };
        let base = if kind == DocumentKind::Reglament { "" } else { "/reglament" };
        let mut out = Emitter::default();
        rules::check(&subject, base, opts, &mut out);
        let findings = out.into_findings_resting_on();
        // What is kept is in the first run and outside every suppressed node, and the second run only adds
        // suppressed nodes: when nothing of the first run survives the nodes suppressed so far, nothing
        // would survive the second, which is not run.
        if runs.is_empty() && findings.iter().all(|(f, rests_on)| !kept(&suppressed, f, rests_on)) {
            return Vec::new();
        }
        runs.push(findings);
    }
    let [a, b] = <[Vec<(Finding, Vec<String>)>; 2]>::try_from(runs).unwrap_or_default();
    let mut in_b: HashMap<(&str, &str), Vec<&Finding>> = HashMap::new();
    for (f, _) in &b {
        in_b.entry((f.pointer.as_str(), f.code.as_str())).or_default().push(f);
    }
    let both = |f: &Finding| in_b.get(&(f.pointer.as_str(), f.code.as_str())).is_some_and(|fs| fs.contains(&f));
    a.into_iter().filter(|(f, rests_on)| both(f) && kept(&suppressed, f, rests_on)).map(|(f, _)| f).collect()
}

/// Whether finding `f` (which rests on the nodes `rests_on` too) is kept with `suppressed` nodes: it lies
/// outside every one of them, and nothing it rests on was made up.
fn kept(suppressed: &BTreeSet<String>, f: &Finding, rests_on: &[String]) -> bool {
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
    !covered(&f.pointer) && !rests_on_repair(rests_on)
}

/// One repair of a document, in place, and how to undo it.
struct Repair<'d, 'p> {
    doc: &'d mut Value,
    placeholder: &'p Value,
    /// JSON Pointers of the nodes replaced, inserted or removed.
    repaired: BTreeSet<String>,
    /// What each change replaced, in the order of the changes.
    undo: Vec<Undo>,
}

/// What one change of [`Repair`] replaced.
enum Undo {
    /// The document itself.
    Root(Value),
    /// Member `name` of the object at `parent`: its value before (`None`: it was absent).
    Member { parent: Vec<String>, name: String, old: Option<Value> },
    /// Item `index` of the array at `parent`.
    Item { parent: Vec<String>, index: usize, old: Value },
}

impl Repair<'_, '_> {
    /// Puts back what every change replaced, the last change first: the document is as it came.
    fn undo(&mut self) {
        while let Some(undo) = self.undo.pop() {
            match undo {
                Undo::Root(old) => *self.doc = old,
                Undo::Member { parent, name, old } => {
                    if let Some(Value::Object(m)) = self.node_mut(&parent) {
                        match old {
                            Some(v) => m.insert(name, v),
                            None => m.remove(&name),
                        };
                    }
                }
                Undo::Item { parent, index, old } => {
                    if let Some(item) = self.node_mut(&parent).and_then(|a| a.get_mut(index)) {
                        *item = old;
                    }
                }
            }
        }
    }

    /// Applies what the schema's errors say directly, so that the common cases deserialize at once.
    fn apply_schema_repairs(&mut self, repairs: &[SchemaRepair]) {
        for repair in repairs {
            match repair {
                SchemaRepair::Insert(at, name) => {
                    self.insert_missing(at, name);
                }
                SchemaRepair::Remove(at, names) => {
                    for name in names {
                        self.remove_member(at, name);
                    }
                }
                SchemaRepair::Replace(at) if self.node(at).is_some() => self.replace(at),
                SchemaRepair::Replace(_) => {}
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
                DocumentKind::Reglament => Reglament::deserialize(&*self.doc).map(Subject::Reglament),
                _ => Record::deserialize(&*self.doc).map(Subject::Record),
            };
            if let Ok(subject) = plain {
                return Some(subject);
            }
            let (at, message) = match kind {
                DocumentKind::Reglament => match serde_path_to_error::deserialize::<_, Reglament>(&*self.doc) {
                    Ok(r) => return Some(Subject::Reglament(r)),
                    Err(e) => located(e),
                },
                _ => match serde_path_to_error::deserialize::<_, Record>(&*self.doc) {
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
        at.iter().try_fold(&*self.doc, |v, t| match v {
            Value::Object(m) => m.get(t),
            Value::Array(a) => a.get(t.parse::<usize>().ok()?),
            _ => None,
        })
    }

    fn node_mut(&mut self, at: &[String]) -> Option<&mut Value> {
        at.iter().try_fold(&mut *self.doc, |v, t| match v {
            Value::Object(m) => m.get_mut(t),
            Value::Array(a) => a.get_mut(t.parse::<usize>().ok()?),
            _ => None,
        })
    }

    fn remove_member(&mut self, at: &[String], name: &str) -> bool {
        let removed = match self.node_mut(at) {
            Some(Value::Object(m)) => m.remove(name),
            _ => None,
        };
        let Some(old) = removed else { return false };
        self.undo.push(Undo::Member { parent: at.to_vec(), name: name.to_string(), old: Some(old) });
        self.repaired.insert(child(at, name));
        true
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
            self.undo.push(Undo::Member { parent: at.to_vec(), name: name.to_string(), old: None });
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
                let old = std::mem::replace(&mut *self.doc, self.placeholder.clone());
                self.undo.push(Undo::Root(old));
                self.repaired.insert(String::new());
                return;
            };
            let substitute = placeholder_at(self.placeholder, path).cloned();
            let optional =
                substitute.is_none() && placeholder_at(self.placeholder, parent).is_some_and(Value::is_object);
            let undo = match (self.node_mut(parent), substitute) {
                (Some(Value::Object(m)), Some(v)) => {
                    let old = m.insert(name.clone(), v);
                    Some(Undo::Member { parent: parent.to_vec(), name: name.clone(), old })
                }
                (Some(Value::Array(a)), Some(v)) => {
                    let index = name.parse::<usize>().ok();
                    match index.and_then(|i| Some((i, a.get_mut(i)?))) {
                        Some((index, item)) => {
                            let old = std::mem::replace(item, v);
                            Some(Undo::Item { parent: parent.to_vec(), index, old })
                        }
                        None => None,
                    }
                }
                (Some(Value::Object(m)), None) if optional => m.remove(name).map(|old| Undo::Member {
                    parent: parent.to_vec(),
                    name: name.clone(),
                    old: Some(old),
                }),
                _ => None,
            };
            if let Some(undo) = undo {
                self.undo.push(undo);
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

    /// The repairs are made in place: after the findings, the document is exactly as it came (every run
    /// starts from the document itself), for every invalid fixture and for single-point breakages of a
    /// valid one (unknown members, missing ones, wrong types, a broken root).
    #[test]
    fn the_document_comes_back_as_it_came() {
        let mut docs: Vec<Value> = Vec::new();
        for (_, text) in crate::direct::tests::fixtures("invalid") {
            docs.extend(serde_json::from_str::<Value>(&text).ok());
        }
        let (_, text) = crate::direct::tests::fixtures("valid")
            .into_iter()
            .find(|(path, _)| path.contains("identity-card"))
            .expect("the identity-card fixture");
        let valid: Value = serde_json::from_str(&text).unwrap();
        docs.extend(crate::direct::tests::mutations(&valid).into_iter().step_by(7));
        docs.push(Value::Null);
        docs.push(serde_json::json!({"reglament": []}));
        let opts = Options::default();
        let mut repaired = 0;
        for original in docs {
            for kind in [DocumentKind::Record, DocumentKind::Reglament] {
                let validator = crate::schema::validator(kind);
                let errors = validator.errors(&original);
                if errors.is_empty() {
                    continue;
                }
                let repairs = schema_repairs(&errors);
                let structural: Vec<String> = errors.iter().map(|e| e.instance_path().as_str().to_string()).collect();
                let mut doc = original.clone();
                let findings = semantic_findings(&mut doc, kind, &repairs, structural.clone(), &opts);
                assert_eq!(doc, original, "changed by the repair ({kind:?})");
                // And the same findings again from the restored document.
                assert_eq!(semantic_findings(&mut doc, kind, &repairs, structural, &opts), findings);
                repaired += 1;
            }
        }
        assert!(repaired > 100, "only {repaired} documents needed a repair");
    }
}
