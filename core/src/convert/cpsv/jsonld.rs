//! A small JSON-LD reader: enough of JSON-LD 1.1 to read CPSV-AP documents without a general processor.
//!
//! It resolves terms and compact IRIs (inline contexts, the known CPSV-AP 3.x context by URL, scoped
//! contexts on nodes), flattens `@graph`, `@included` and embedded nodes into one list of nodes (merging
//! definitions of one `@id`), and keeps, for every value, the JSON Pointer where it was written, so the
//! importer can name exactly what it did not map. Remote contexts other than CPSV-AP's are not fetched:
//! they are reported. Reading is linear in the document: contexts are layered and shared, never copied
//! ([`context`]), within limits reported as losses (terms per context, contexts nested, nodes, values,
//! depth); `core/tests/hostile_growth.rs` checks the growth.
//!
//! [choice] Why not oxigraph's `oxjsonld` (through `oxrdfio`)? It would bring a complete, tested JSON-LD
//! to RDF algorithm, and with `oxrdfio` the import of CPSV-AP written as Turtle, TriG, N-Triples or
//! RDF/XML through the same triples. Its costs: it yields triples without where they were written, so
//! every [`Loss`] would lose its JSON Pointer into the input (what this importer is for: naming exactly
//! what was not mapped), unless a second pass found them again; its first releases read JSON-LD 1.0
//! only (scoped contexts are 1.1); `oxrdfio` adds `oxttl`, `oxrdfxml` and `quick-xml` to `oxrdf`,
//! `oxiri`, `oxilangtag` and `json-event-parser`: tens of thousands of lines more in the WebAssembly
//! package, whose size is measured on every release; and its minimum Rust version follows oxigraph's
//! workspace, to be kept at or under ours (1.85) on every upgrade. Worth it when an import from
//! Turtle or RDF/XML is asked for, with the losses then located by triple rather than by pointer; not
//! to fix the growth, which the layered contexts fix.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::{Map, Value};

use super::{RDF, XSD};
use crate::pointer::escape_token;
use serde::{Deserialize, Serialize};

mod context;

pub(super) use context::Limits;
use context::{Context, Term};

/// One property (or value) of the input that the import did not map into the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loss {
    /// RFC 6901 JSON Pointer into the input document: to the property (`/@graph/0/dct:description`) when
    /// none of its values was mapped, to the value (`/@graph/0/dct:title/1`) when some were or when the
    /// value itself cannot be read (wrong type, beyond a limit); to a whole node (`/@graph/7`) when it is
    /// not linked from the public service. A loss on a property that refers
    /// to other nodes covers those nodes and what only they refer to.
    pub pointer_or_path: String,
    /// The property exactly as written in the input (`dct:title`, `PublicService.name`, a full IRI), or a
    /// JSON-LD keyword (`@context`, `@id`, `@type`); empty when the whole input is concerned.
    pub property: String,
    /// Why it was not mapped.
    pub reason: String,
}

impl Loss {
    pub(crate) fn new(pointer: &str, property: &str, reason: &str) -> Loss {
        Loss { pointer_or_path: pointer.to_string(), property: property.to_string(), reason: reason.to_string() }
    }
}

/// Deepest nesting of objects and arrays read; deeper values are reported, not read.
pub(super) const MAX_DEPTH: usize = 64;
/// Most nodes read from one document.
pub(super) const MAX_NODES: usize = 20_000;
/// Most values read for one property of one node object.
pub(super) const MAX_VALUES: usize = 10_000;
/// Most contexts in force at once (nested `@context`s) [choice: real documents use one to three].
pub(super) const MAX_CONTEXT_DEPTH: usize = 16;

/// `rdf:JSON`, the datatype of `dxer:record`.
pub(super) fn rdf_json() -> String {
    format!("{RDF}JSON")
}

/// What a value is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A reference to a node (by `@id`, or an embedded node).
    Ref(String),
    /// A literal. `iri` is the string read as an IRI (for properties whose values are references
    /// written as plain strings, as the CPSV-AP context's `"@type": "@id"` terms allow).
    Lit { value: String, lang: Option<String>, datatype: Option<String>, iri: Option<String> },
    /// A JSON literal (`"@type": "@json"`).
    Json(Value),
    /// Not readable; the reason.
    Bad(String),
}

/// One value of a property, where it was written and whether the importer used it.
#[derive(Debug)]
pub(super) struct Val {
    pub pointer: String,
    pub kind: Kind,
    used: Cell<bool>,
    reason: RefCell<Option<String>>,
}

impl Val {
    fn new(pointer: String, kind: Kind) -> Val {
        let reason = match &kind {
            Kind::Bad(r) => Some(r.clone()),
            _ => None,
        };
        Val { pointer, kind, used: Cell::new(false), reason: RefCell::new(reason) }
    }

    /// Marks the value as mapped into the record.
    pub fn use_it(&self) {
        self.used.set(true);
    }

    /// Whether it was mapped.
    pub fn used(&self) -> bool {
        self.used.get()
    }

    /// Says why the value is not mapped (the first reason given is kept).
    pub fn reject(&self, reason: impl Into<String>) {
        let mut r = self.reason.borrow_mut();
        if r.is_none() {
            *r = Some(reason.into());
        }
    }

    /// Why it was not mapped, when a reason was given.
    pub fn reason(&self) -> Option<String> {
        self.reason.borrow().clone()
    }

    /// The node this value refers to: a reference, or a plain string read as an IRI.
    pub fn target(&self) -> Option<&str> {
        match &self.kind {
            Kind::Ref(id) => Some(id),
            Kind::Lit { iri: Some(iri), lang: None, datatype: None, .. } => Some(iri),
            _ => None,
        }
    }

    /// The text of a literal (any language or datatype).
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Lit { value, .. } => Some(value),
            _ => None,
        }
    }
}

/// One property of one node object, as written.
#[derive(Debug)]
pub(super) struct Prop {
    /// The key as written (`dct:title`, `PublicService.name`, a full IRI...).
    pub key: String,
    /// Its expanded IRI.
    pub iri: String,
    pub pointer: String,
    pub values: Vec<Val>,
}

/// A node: every property written for its `@id`, wherever it was written.
#[derive(Debug)]
pub(super) struct Node {
    pub id: String,
    pub pointer: String,
    pub types: Vec<String>,
    pub props: Vec<Prop>,
    pub visited: Cell<bool>,
}

impl Node {
    /// Every value of the property `iri` (a node may write one property under several keys).
    pub fn values<'n>(&'n self, iri: &str) -> impl Iterator<Item = (&'n Prop, &'n Val)> + 'n {
        let iri = iri.to_string();
        self.props.iter().filter(move |p| p.iri == iri).flat_map(|p| p.values.iter().map(move |v| (p, v)))
    }

    /// Whether the node has the type `iri`.
    pub fn is_a(&self, iri: &str) -> bool {
        self.types.iter().any(|t| t == iri)
    }
}

/// The flattened document.
#[derive(Debug, Default)]
pub(super) struct Graph {
    pub nodes: Vec<Node>,
    index: HashMap<String, usize>,
    /// Problems found while reading (contexts, keywords, limits).
    pub losses: Vec<Loss>,
    blank: usize,
    skipped: usize,
    first_skipped: Option<String>,
    limits: Limits,
}

fn object_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn looks_like_language_map(map: &Map<String, Value>) -> bool {
    !map.is_empty()
        && map.iter().all(|(k, v)| {
            is_language_tag(k)
                && match v {
                    Value::String(_) | Value::Null => true,
                    Value::Array(items) => items.iter().all(Value::is_string),
                    _ => false,
                }
        })
}

impl Graph {
    /// Reads a JSON-LD document (an object, or an array of node objects).
    pub fn read(input: &Value, limits: Limits) -> Graph {
        let mut g = Graph { limits, ..Graph::default() };
        let ctx = Rc::new(Context::default());
        match input {
            Value::Object(map) => {
                g.node(map, "", &ctx, 0);
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::Object(map) => {
                            g.node(map, &format!("/{i}"), &ctx, 1);
                        }
                        other => g.losses.push(Loss::new(
                            &format!("/{i}"),
                            "",
                            &format!("not a JSON-LD node object but {}", object_kind(other)),
                        )),
                    }
                }
            }
            other => g.losses.push(Loss::new(
                "",
                "",
                &format!(
                    "not a JSON-LD document: expected an object or an array of node objects, found {}",
                    object_kind(other)
                ),
            )),
        }
        if g.skipped > 0 {
            let at = g.first_skipped.clone().unwrap_or_default();
            let reason = format!("{} node(s) beyond the limit of {MAX_NODES} nodes are not read", g.skipped);
            g.losses.push(Loss::new(&at, "", &reason));
        }
        g
    }

    /// The node with this `@id`.
    pub fn get(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    fn fresh_blank(&mut self) -> String {
        self.blank += 1;
        format!("_:dxer-b{}", self.blank)
    }

    /// Reads a node object (and the nodes it holds); returns its id when it is a node.
    fn node(&mut self, obj: &Map<String, Value>, ptr: &str, ctx: &Rc<Context>, depth: usize) -> Option<String> {
        if depth > MAX_DEPTH {
            self.losses.push(Loss::new(ptr, "", &format!("nested deeper than {MAX_DEPTH} levels: not read")));
            return None;
        }
        let ctx = match obj.get("@context") {
            Some(c) => ctx.extend(c, &format!("{ptr}/@context"), &mut self.losses, self.limits),
            None => ctx.clone(),
        };
        for key in ["@graph", "@included"] {
            let Some(v) = obj.get(key) else { continue };
            let at = format!("{ptr}/{key}");
            let items: Vec<(String, &Value)> = match v {
                Value::Array(items) => items.iter().enumerate().map(|(i, v)| (format!("{at}/{i}"), v)).collect(),
                other => vec![(at.clone(), other)],
            };
            for (p, item) in items {
                match item {
                    Value::Object(m) => {
                        self.node(m, &p, &ctx, depth + 1);
                    }
                    other => {
                        self.losses.push(Loss::new(&p, key, &format!("not a node object but {}", object_kind(other))))
                    }
                }
            }
        }
        if !obj.keys().any(|k| !matches!(k.as_str(), "@context" | "@graph" | "@included")) {
            return None;
        }
        if self.nodes.len() >= MAX_NODES {
            self.skipped += 1;
            self.first_skipped.get_or_insert_with(|| ptr.to_string());
            return None;
        }
        let id = match obj.get("@id") {
            Some(Value::String(s)) => ctx.expand(s, false),
            Some(other) => {
                self.losses.push(Loss::new(
                    &format!("{ptr}/@id"),
                    "@id",
                    &format!("@id must be a string, found {}", object_kind(other)),
                ));
                self.fresh_blank()
            }
            None => self.fresh_blank(),
        };
        let idx = match self.index.get(&id) {
            Some(&i) => i,
            None => {
                self.index.insert(id.clone(), self.nodes.len());
                self.nodes.push(Node {
                    id: id.clone(),
                    pointer: ptr.to_string(),
                    types: Vec::new(),
                    props: Vec::new(),
                    visited: Cell::new(false),
                });
                self.nodes.len() - 1
            }
        };
        match obj.get("@type") {
            None => {}
            Some(Value::String(t)) => {
                let t = ctx.expand(t, true);
                self.nodes[idx].types.push(t);
            }
            Some(Value::Array(ts)) => {
                for (i, t) in ts.iter().enumerate() {
                    match t.as_str() {
                        Some(t) => {
                            let t = ctx.expand(t, true);
                            self.nodes[idx].types.push(t);
                        }
                        None => {
                            self.losses.push(Loss::new(&format!("{ptr}/@type/{i}"), "@type", "a type must be a string"))
                        }
                    }
                }
            }
            Some(other) => self.losses.push(Loss::new(
                &format!("{ptr}/@type"),
                "@type",
                &format!("@type must be a string or an array of strings, found {}", object_kind(other)),
            )),
        }
        for (key, value) in obj {
            let at = format!("{ptr}/{}", escape_token(key));
            if key.starts_with('@') {
                if !matches!(key.as_str(), "@id" | "@type" | "@context" | "@graph" | "@included") {
                    self.losses.push(Loss::new(&at, key, &format!("the JSON-LD keyword {key} is not supported here")));
                }
                continue;
            }
            let iri = ctx.expand(key, true);
            let term = ctx.term(key);
            let mut values = Vec::new();
            self.values(value, &at, &ctx, term, depth + 1, &mut values);
            self.nodes[idx].props.push(Prop { key: key.clone(), iri, pointer: at, values });
        }
        Some(id)
    }

    fn values(
        &mut self,
        v: &Value,
        ptr: &str,
        ctx: &Rc<Context>,
        term: Option<&Term>,
        depth: usize,
        out: &mut Vec<Val>,
    ) {
        if out.len() >= MAX_VALUES {
            if out.len() == MAX_VALUES {
                out.push(Val::new(
                    ptr.to_string(),
                    Kind::Bad(format!("values beyond the limit of {MAX_VALUES} are not read")),
                ));
            }
            return;
        }
        if depth > MAX_DEPTH {
            out.push(Val::new(ptr.to_string(), Kind::Bad(format!("nested deeper than {MAX_DEPTH} levels: not read"))));
            return;
        }
        let language = || match term.and_then(|t| t.language.clone()) {
            Some(l) => l,
            None => ctx.language(),
        };
        match v {
            Value::Null => {}
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.values(item, &format!("{ptr}/{i}"), ctx, term, depth + 1, out);
                }
            }
            Value::String(s) => {
                let lang = language();
                let iri = if lang.is_none() { Some(ctx.expand(s, false)) } else { None };
                out.push(Val::new(ptr.to_string(), Kind::Lit { value: s.clone(), lang, datatype: None, iri }));
            }
            Value::Number(n) => {
                let dt = if n.is_f64() { "double" } else { "integer" };
                out.push(Val::new(
                    ptr.to_string(),
                    Kind::Lit { value: n.to_string(), lang: None, datatype: Some(format!("{XSD}{dt}")), iri: None },
                ));
            }
            Value::Bool(b) => out.push(Val::new(
                ptr.to_string(),
                Kind::Lit { value: b.to_string(), lang: None, datatype: Some(format!("{XSD}boolean")), iri: None },
            )),
            Value::Object(m) if m.contains_key("@value") => {
                let lang = match m.get("@language") {
                    Some(Value::String(l)) => Some(l.to_ascii_lowercase()),
                    _ => None,
                };
                let datatype = match m.get("@type") {
                    Some(Value::String(t)) if t == "@json" => Some(rdf_json()),
                    Some(Value::String(t)) => Some(ctx.expand(t, true)),
                    _ => None,
                };
                let kind = match (&m["@value"], datatype) {
                    (Value::Null, _) => return,
                    (value, Some(dt)) if dt == rdf_json() && !value.is_string() => Kind::Json(value.clone()),
                    (Value::String(s), datatype) => Kind::Lit { value: s.clone(), lang, datatype, iri: None },
                    (Value::Number(n), datatype) => {
                        let dt = datatype
                            .or_else(|| Some(format!("{XSD}{}", if n.is_f64() { "double" } else { "integer" })));
                        Kind::Lit { value: n.to_string(), lang: None, datatype: dt, iri: None }
                    }
                    (Value::Bool(b), datatype) => Kind::Lit {
                        value: b.to_string(),
                        lang: None,
                        datatype: datatype.or_else(|| Some(format!("{XSD}boolean"))),
                        iri: None,
                    },
                    (other, _) => Kind::Bad(format!(
                        "@value must be a string, number or boolean (or JSON with \"@type\": \"@json\"), found {}",
                        object_kind(other)
                    )),
                };
                out.push(Val::new(ptr.to_string(), kind));
            }
            Value::Object(m) if m.contains_key("@list") || m.contains_key("@set") => {
                let key = if m.contains_key("@list") { "@list" } else { "@set" };
                self.values(&m[key], &format!("{ptr}/{key}"), ctx, term, depth + 1, out);
            }
            Value::Object(m) if term.is_some_and(|t| t.language_map) || looks_like_language_map(m) => {
                for (lang, texts) in m {
                    let at = format!("{ptr}/{}", escape_token(lang));
                    let items: Vec<(String, &Value)> = match texts {
                        Value::Array(items) => {
                            items.iter().enumerate().map(|(i, v)| (format!("{at}/{i}"), v)).collect()
                        }
                        other => vec![(at.clone(), other)],
                    };
                    for (p, text) in items {
                        match text {
                            Value::Null => {}
                            Value::String(s) => out.push(Val::new(
                                p,
                                Kind::Lit {
                                    value: s.clone(),
                                    lang: Some(lang.to_ascii_lowercase()),
                                    datatype: None,
                                    iri: None,
                                },
                            )),
                            other => out.push(Val::new(
                                p,
                                Kind::Bad(format!("a language map holds strings, found {}", object_kind(other))),
                            )),
                        }
                    }
                }
            }
            Value::Object(m) => {
                let only_id = m.keys().all(|k| k == "@id");
                match (m.get("@id"), only_id) {
                    (Some(Value::String(id)), true) => {
                        out.push(Val::new(ptr.to_string(), Kind::Ref(ctx.expand(id, false))));
                    }
                    _ => match self.node(m, ptr, ctx, depth) {
                        Some(id) => out.push(Val::new(ptr.to_string(), Kind::Ref(id))),
                        None => out.push(Val::new(
                            ptr.to_string(),
                            Kind::Bad("neither a node, a value, a list nor a language map (or beyond a limit)".into()),
                        )),
                    },
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CPSV, DCT};
    use super::*;
    use serde_json::json;

    #[test]
    fn terms_prefixes_and_vocab_expand() {
        let doc = json!({
            "@context": ["https://example.org/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
                {"dct": "http://purl.org/dc/terms/", "title": {"@id": "dct:title", "@container": "@language"}, "@language": "en"}],
            "@graph": [{"@id": "_:s", "@type": "PublicService",
                "title": {"az": "Ad", "en": ["Name"]},
                "PublicService.description": "plain",
                "http://purl.org/dc/terms/identifier": 7,
                "dct:spatial": {"@id": "dct:x", "@type": "Location", "dct:title": {"@value": "X", "@language": "en"}}}]
        });
        let g = Graph::read(&doc, Limits::default());
        assert!(g.losses.is_empty(), "{:?}", g.losses);
        let s = g.get("_:s").unwrap();
        assert!(s.is_a(&format!("{CPSV}PublicService")));
        let titles: Vec<_> = s.values(&format!("{DCT}title")).map(|(_, v)| v.kind.clone()).collect();
        assert_eq!(titles.len(), 2);
        assert!(matches!(&titles[1], Kind::Lit { value, lang: Some(l), .. } if value == "Name" && l == "en"));
        let (p, v) = s.values(&format!("{DCT}description")).next().unwrap();
        assert_eq!(p.key, "PublicService.description");
        assert!(matches!(&v.kind, Kind::Lit { lang: Some(l), .. } if l == "en"));
        let (p, _) = s.values(&format!("{DCT}identifier")).next().unwrap();
        assert_eq!(p.pointer, "/@graph/0/http:~1~1purl.org~1dc~1terms~1identifier");
        let (_, v) = s.values(&format!("{DCT}spatial")).next().unwrap();
        assert_eq!(v.kind, Kind::Ref(format!("{DCT}x")));
        assert!(g.get(&format!("{DCT}x")).unwrap().is_a(&format!("{DCT}Location")));
    }

    #[test]
    fn unknown_contexts_keywords_and_shapes_are_reported() {
        let doc =
            json!({"@context": "https://example.org/other.jsonld", "@id": 5, "@reverse": {}, "x": {"@value": [1]}});
        let g = Graph::read(&doc, Limits::default());
        let pointers: Vec<&str> = g.losses.iter().map(|l| l.pointer_or_path.as_str()).collect();
        assert_eq!(pointers, ["/@context", "/@id", "/@reverse"]);
        assert!(matches!(g.nodes[0].props[0].values[0].kind, Kind::Bad(_)));
        assert_eq!(Graph::read(&json!(3), Limits::default()).losses.len(), 1);
    }

    #[test]
    fn contexts_layer_and_their_limits_are_located() {
        // Array items read in order into one layer; a nested context overrides, removes, resets.
        let doc = json!({
            "@context": [{"a": "http://x/a", "b": "http://x/b"}, {"a": "http://x/a2"}],
            "@id": "_:top", "a": 1, "b": 2,
            "http://x/child": {"@context": {"b": null, "c": "http://x/c"}, "@id": "_:child", "a": 3, "b": 4, "c": 5,
                "http://x/reset": {"@context": [null, {"d": "http://x/d"}], "@id": "_:reset", "a": 6, "d": 7}},
        });
        let g = Graph::read(&doc, Limits::default());
        let iris = |id: &str| -> Vec<String> { g.get(id).unwrap().props.iter().map(|p| p.iri.clone()).collect() };
        assert_eq!(iris("_:top")[..2], ["http://x/a2", "http://x/b"]);
        assert_eq!(iris("_:child")[..3], ["http://x/a2", "b", "http://x/c"], "b removed, a inherited");
        assert_eq!(iris("_:reset")[..2], ["a", "http://x/d"], "null resets");
        assert!(g.losses.is_empty(), "{:?}", g.losses);

        // More terms in one context than allowed: reported once, where the limit is passed.
        let items: Vec<Value> = (0..5).map(|i| json!({ format!("t{i}"): format!("http://x/t{i}") })).collect();
        let g = Graph::read(&json!({"@context": items, "@id": "_:n", "t1": 1, "t4": 2}), Limits { terms: 3, depth: 4 });
        let losses: Vec<(&str, &str)> =
            g.losses.iter().map(|l| (l.pointer_or_path.as_str(), l.property.as_str())).collect();
        assert_eq!(losses, [("/@context/3/t3", "@context")]);
        assert!(g.losses[0].reason.contains("more than 3 terms"));
        assert_eq!(iris_of(&g, "_:n"), ["http://x/t1", "t4"]);
        // The CPSV-AP context's terms count too.
        let url = "https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld";
        let g = Graph::read(&json!({"@context": [url, url], "@id": "_:n"}), Limits { terms: 150, depth: 4 });
        assert_eq!(g.losses.len(), 1);
        assert!(g.losses[0].pointer_or_path == "/@context/1", "{:?}", g.losses);

        // Contexts nested deeper than allowed: the deep node keeps the enclosing context.
        let mut deep = json!({"@id": "_:deep", "k": 1});
        for i in (0..6).rev() {
            deep = json!({"@context": {"k": format!("http://x/k{i}")}, "@id": format!("_:n{i}"), "http://x/p": deep});
        }
        let g = Graph::read(&deep, Limits { terms: 10, depth: 4 });
        let losses: Vec<&str> = g.losses.iter().map(|l| l.pointer_or_path.as_str()).collect();
        let at = "/http:~1~1x~1p/http:~1~1x~1p/http:~1~1x~1p/http:~1~1x~1p";
        assert_eq!(losses, [format!("{at}/@context"), format!("{at}/http:~1~1x~1p/@context")]);
        assert!(g.losses[0].reason.contains("nested more than 4 deep"));
        assert_eq!(iris_of(&g, "_:deep"), ["http://x/k3"]);
    }

    fn iris_of(g: &Graph, id: &str) -> Vec<String> {
        g.get(id).unwrap().props.iter().map(|p| p.iri.clone()).collect()
    }
}
