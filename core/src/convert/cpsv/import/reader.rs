//! The importer's reading primitives: literals, texts, concepts, organisations, flags.

use serde_json::{json, Value};

use super::super::export::{code_label, provider_label};
use super::super::jsonld::{Kind, Node, Prop, Val};
use super::super::{decode_segment, AZERBAIJAN, CODELIST_BASE, DCT, DXER_NS, PROVIDER_BASE, SKOS};
use crate::model::LocalizedText;

use super::*;

impl<'a> Importer<'a> {
    pub(super) fn put(&mut self, pointer: &str, value: Value, prop: &Prop, val: &Val) {
        set_at(&mut self.draft, pointer, value);
        self.origins.push(Origin { draft: pointer.to_string(), input: val.pointer.clone(), key: prop.key.clone() });
        val.use_it();
    }

    pub(super) fn next_index(&self, pointer: &str) -> usize {
        self.draft.pointer(pointer).and_then(Value::as_array).map_or(0, Vec::len)
    }

    pub(super) fn node_of(&self, val: &Val) -> Option<&'a Node> {
        let g = self.g;
        val.target().and_then(|id| g.get(id))
    }

    /// A single literal (the first; others are rejected).
    pub(super) fn literal(&mut self, node: &'a Node, prop_iri: &str, pointer: &str) -> Option<String> {
        let mut got = None;
        for (p, v) in node.values(prop_iri) {
            match (&v.kind, &got) {
                (Kind::Lit { value, .. }, None) => {
                    self.put(pointer, json!(value), p, v);
                    got = Some(value.clone());
                }
                (Kind::Lit { .. }, Some(_)) => v.reject("a second value: the DXER record holds one here"),
                _ => v.reject("expected a literal"),
            }
        }
        got
    }

    /// Language-tagged texts into a `LocalizedText` at `pointer` (az, en, ru; one each).
    pub(super) fn text(&mut self, node: &'a Node, prop_iri: &str, pointer: &str) -> bool {
        let mut any = false;
        for (p, v) in node.values(prop_iri) {
            match &v.kind {
                Kind::Lit { value, lang: Some(lang), .. } => {
                    let primary = lang.split('-').next().unwrap_or_default();
                    if !matches!(primary, "az" | "en" | "ru") || lang.starts_with("az-cyrl") {
                        v.reject(format!("language \"{lang}\": DXER texts are in az (Latin), en and ru only"));
                        continue;
                    }
                    let at = format!("{pointer}/{primary}");
                    if self.draft.pointer(&at).is_some() {
                        v.reject(format!("a second \"{primary}\" text: a DXER text holds one per language"));
                    } else {
                        self.put(&at, json!(value), p, v);
                        any = true;
                    }
                }
                Kind::Lit { lang: None, .. } => v.reject("a text without a language tag: DXER texts are az, en or ru"),
                _ => v.reject("expected a language-tagged text"),
            }
        }
        any
    }

    /// Marks the literals of `prop_iri` equal to one of `expected` as mapped (they are derived from data
    /// already read); others are rejected with `reason`.
    pub(super) fn derived(&self, node: &Node, prop_iri: &str, expected: &[&str], reason: &str) {
        for (_, v) in node.values(prop_iri) {
            match v.text().or_else(|| v.target()) {
                Some(t) if expected.contains(&t) => v.use_it(),
                _ => v.reject(reason),
            }
        }
    }

    /// Marks the texts of `prop_iri` that equal `expected` in their language as mapped.
    pub(super) fn derived_text(&self, node: &Node, prop_iri: &str, expected: &LocalizedText, reason: &str) {
        for (_, v) in node.values(prop_iri) {
            match &v.kind {
                Kind::Lit { value, lang: Some(lang), .. }
                    if matches!(lang.as_str(), "az" | "en" | "ru") && expected.get(lang) == value =>
                {
                    v.use_it()
                }
                _ => v.reject(reason),
            }
        }
    }

    /// The code of a concept of `list`: from a dxer code-list IRI, or from the concept's `skos:notation`
    /// when its `skos:inScheme` is the dxer list.
    pub(super) fn code_of(&self, concept: &str, list: &str) -> Option<String> {
        if let Some(rest) = concept.strip_prefix(&format!("{CODELIST_BASE}{list}/")) {
            return decode_segment(rest);
        }
        let node = self.g.get(concept)?;
        let scheme = format!("{CODELIST_BASE}{list}");
        if node.values(&iri(SKOS, "inScheme")).any(|(_, v)| v.target() == Some(scheme.as_str())) {
            return node.values(&iri(SKOS, "notation")).find_map(|(_, v)| v.text().map(str::to_string));
        }
        None
    }

    pub(super) fn visit_concept(&self, concept: &str, list: &str, code: &str) {
        let Some(node) = self.g.get(concept) else { return };
        if node.visited.replace(true) {
            return;
        }
        self.derived(node, &iri(SKOS, "notation"), &[code], "differs from the concept's DXER code");
        let scheme = format!("{CODELIST_BASE}{list}");
        self.derived(node, &iri(SKOS, "inScheme"), &[scheme.as_str()], "not the concept's DXER code list");
        match code_label(self.lists, list, code) {
            Some(label) => {
                self.derived_text(node, &iri(SKOS, "prefLabel"), &label, "differs from the DXER code-list label")
            }
            None => self.derived_text(
                node,
                &iri(SKOS, "prefLabel"),
                &LocalizedText::az(""),
                "the code is not in the DXER code list: its label is not kept",
            ),
        }
    }

    /// Maps the value (a concept of `list`) to its code at `pointer`; false when it is not one.
    pub(super) fn concept(&mut self, prop: &Prop, val: &Val, list: &str, pointer: &str) -> bool {
        let Some(concept) = val.target().map(str::to_string) else { return false };
        let Some(code) = self.code_of(&concept, list) else { return false };
        self.put(pointer, json!(code), prop, val);
        self.visit_concept(&concept, list, &code);
        true
    }

    /// The first concept of `list` among the values of `prop_iri`, at `pointer`.
    pub(super) fn single_concept(&mut self, node: &'a Node, prop_iri: &str, list: &str, pointer: &str) {
        let mut done = false;
        for (p, v) in node.values(prop_iri) {
            if done {
                v.reject(format!("a second value: the DXER record holds one {list} code here"));
            } else if self.concept(p, v, list, pointer) {
                done = true;
            } else {
                v.reject(format!("not a concept of the DXER code list {list}"));
            }
        }
    }

    pub(super) fn provider_code(&self, org: &str) -> Option<String> {
        if let Some(rest) = org.strip_prefix(PROVIDER_BASE) {
            return decode_segment(rest);
        }
        let node = self.g.get(org)?;
        for (_, v) in node.values(&iri(DCT, "identifier")) {
            if let Some(code) = v.text().filter(|c| self.lists.provider(c).is_some()) {
                return Some(code.to_string());
            }
        }
        for prop in [iri(SKOS, "prefLabel"), iri(DCT, "title")] {
            for (_, v) in node.values(&prop) {
                let Some(name) = v.text() else { continue };
                let found = self.lists.providers().find(|p| {
                    p.label.az == name || p.label.en.as_deref() == Some(name) || p.label.ru.as_deref() == Some(name)
                });
                if let Some(p) = found {
                    return Some(p.code.clone());
                }
            }
        }
        None
    }

    pub(super) fn visit_org(&self, org: &str, code: &str) {
        let Some(node) = self.g.get(org) else { return };
        if node.visited.replace(true) {
            return;
        }
        self.derived(node, &iri(DCT, "identifier"), &[code], "differs from the provider code");
        let label = provider_label(self.lists, code);
        for prop in [iri(SKOS, "prefLabel"), iri(DCT, "title")] {
            self.derived_text(node, &prop, &label, "differs from the provider's name in the DXER provider list");
        }
        self.spatial(node);
    }

    /// `dct:spatial`: Azerbaijan is implied by a DXER record.
    pub(super) fn spatial(&self, node: &Node) {
        for (_, v) in node.values(&iri(DCT, "spatial")) {
            if v.target() == Some(AZERBAIJAN) {
                v.use_it();
                if let Some(aze) = self.g.get(AZERBAIJAN) {
                    aze.visited.set(true);
                }
            } else {
                v.reject("a DXER record concerns Azerbaijan only: another place is not kept");
            }
        }
    }

    pub(super) fn flag(&self, node: &'a Node, prop_iri: &str) -> Option<&'a Val> {
        node.values(prop_iri).map(|(_, v)| v).find(|v| v.text() == Some("true"))
    }

    pub(super) fn record_extension(&self, service: &'a Node) -> Option<Value> {
        let mut found = None;
        for (_, v) in service.values(&iri(DXER_NS, "record")) {
            if found.is_some() {
                v.reject("a second dxer:record: only the first is read");
                continue;
            }
            match &v.kind {
                Kind::Json(record) => {
                    v.use_it();
                    found = Some(record.clone());
                }
                Kind::Lit { value, .. } => match serde_json::from_str::<Value>(value) {
                    Ok(record) => {
                        v.use_it();
                        found = Some(record);
                    }
                    Err(e) => v.reject(format!("dxer:record is not JSON: {e}")),
                },
                _ => v.reject("dxer:record must be a JSON literal"),
            }
        }
        found
    }
}
