//! The active JSON-LD context, shared and layered rather than copied.
//!
//! Each `@context` read makes one [`Context`]: the terms it defines (or removes) over its enclosing
//! context, which it shares through an `Rc`. A node without a context of its own shares its parent's;
//! the items of a context array are read into the same one layer, in order. Reading a context is thus
//! linear in its own size, whatever the size of the contexts around it; looking a term up walks at most
//! [`Limits::depth`] layers. Two limits keep that true of any document, each reported as a [`Loss`] at
//! the context that exceeds it: the terms one `@context` may define (its array items and the CPSV-AP
//! context's terms included), and how many contexts may nest.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

use super::super::{CPSV, CV, DCT, ELI, FOAF, ORG, RDF, SKOS, XSD};
use super::Loss;
use crate::pointer::escape_token;

/// The limits of contexts.
#[derive(Debug, Clone, Copy)]
pub(in crate::convert::cpsv) struct Limits {
    /// Most terms one `@context` defines or removes (all its array items, and the CPSV-AP context's
    /// terms, counted together); the definitions beyond are reported once and not read.
    pub terms: usize,
    /// Most contexts in force at once (a node's `@context` inside one inside another...); a context
    /// nested deeper is reported and not read: its node keeps the enclosing context.
    pub depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { terms: 10_000, depth: super::MAX_CONTEXT_DEPTH }
    }
}

/// Deepest nesting of arrays within one `@context` value.
const MAX_ARRAY_NESTING: usize = 8;

/// The terms of the official CPSV-AP 3.2.0 context that name classes and the properties the importer maps
/// (the context file itself is not embedded; a document using its other terms gets them reported).
fn official_terms() -> Vec<(&'static str, String)> {
    let classes: &[(&str, &str, &str)] = &[
        ("PublicService", CPSV, "PublicService"),
        ("PublicOrganization", CV, "PublicOrganisation"),
        ("Organization", ORG, "Organization"),
        ("Agent", FOAF, "Agent"),
        ("Evidence", CV, "Evidence"),
        ("EvidenceType", CV, "EvidenceType"),
        ("Requirement", CV, "Requirement"),
        ("Cost", CV, "Cost"),
        ("Channel", CV, "Channel"),
        ("Output", CV, "Output"),
        ("ContactPoint", CV, "ContactPoint"),
        ("LegalResource", ELI, "LegalResource"),
        ("Participation", CV, "Participation"),
        ("Rule", CPSV, "Rule"),
        ("Event", CV, "Event"),
        ("BusinessEvent", CV, "BusinessEvent"),
        ("LifeEvent", CV, "LifeEvent"),
        ("Concept", SKOS, "Concept"),
        ("Code", SKOS, "Concept"),
        ("Collection", SKOS, "Collection"),
        ("Location", DCT, "Location"),
        ("LinguisticSystem", DCT, "LinguisticSystem"),
        ("Document", FOAF, "Document"),
        ("Dataset", "http://www.w3.org/ns/dcat#", "Dataset"),
        ("Address", "http://www.w3.org/ns/locn#", "Address"),
        ("TemporalEntity", "http://www.w3.org/2006/time#", "TemporalEntity"),
        ("ServiceConcessionContract", CV, "ServiceConcessionContract"),
        ("ConcessionContract", "http://data.europa.eu/a4g/ontology#", "ConcessionContract"),
        ("Literal", "http://www.w3.org/2000/01/rdf-schema#", "Literal"),
        ("Text", RDF, "langString"),
        ("Double", XSD, "double"),
        ("Duration", XSD, "duration"),
    ];
    let properties: &[(&str, &str, &str)] = &[
        ("PublicService.identifier", DCT, "identifier"),
        ("PublicService.name", DCT, "title"),
        ("PublicService.description", DCT, "description"),
        ("PublicService.hasCompetentAuthority", CV, "hasCompetentAuthority"),
        ("PublicService.hasParticipation", CV, "hasParticipation"),
        ("PublicService.hasLegalResource", CV, "hasLegalResource"),
        ("PublicService.hasInput", CPSV, "hasInput"),
        ("PublicService.holdsRequirement", CV, "holdsRequirement"),
        ("PublicService.hasCost", CV, "hasCost"),
        ("PublicService.hasChannel", CV, "hasChannel"),
        ("PublicService.produces", CPSV, "produces"),
        ("PublicService.processingTime", CV, "processingTime"),
        ("PublicService.contactPoint", CV, "contactPoint"),
        ("PublicService.status", "http://www.w3.org/ns/adms#", "status"),
        ("PublicService.thematicArea", CV, "thematicArea"),
        ("PublicService.addressee", DCT, "audience"),
        ("PublicService.spatial", DCT, "spatial"),
        ("PublicService.sector", CV, "sector"),
        ("PublicService.keyword", "http://www.w3.org/ns/dcat#", "keyword"),
        ("PublicService.language", DCT, "language"),
        ("PublicService.hasInputType", CV, "hasInputType"),
        ("PublicService.functionsOfGovernment", DCT, "type"),
        ("PublicService.isClassifiedBy", CV, "isClassifiedBy"),
        ("PublicService.isGroupedBy", CV, "isGroupedBy"),
        ("PublicService.follows", CPSV, "follows"),
        ("PublicService.relatedService", CV, "relatedService"),
        ("PublicService.requires", DCT, "requires"),
        ("PublicService.isPartOf", DCT, "isPartOf"),
        ("PublicOrganization.preferredLabel", SKOS, "prefLabel"),
        ("PublicOrganization.spatial", DCT, "spatial"),
        ("Agent.identifier", DCT, "identifier"),
        ("Agent.name", DCT, "title"),
        ("Participation.identifier", DCT, "identifier"),
        ("Participation.description", DCT, "description"),
        ("Participation.hasParticipant", CV, "hasParticipant"),
        ("Participation.role", CV, "role"),
        ("Evidence.identifier", DCT, "identifier"),
        ("Evidence.name", DCT, "title"),
        ("Evidence.description", DCT, "description"),
        ("Evidence.type", DCT, "type"),
        ("Evidence.supportsRequirement", CV, "supportsRequirement"),
        ("Evidence.isConformantTo", DCT, "conformsTo"),
        ("Requirement.identifier", DCT, "identifier"),
        ("Requirement.name", DCT, "title"),
        ("Requirement.type", DCT, "type"),
        ("Requirement.hasSupportingEvidence", CV, "hasSupportingEvidence"),
        ("Cost.identifier", DCT, "identifier"),
        ("Cost.description", DCT, "description"),
        ("Cost.hasValue", CV, "hasValue"),
        ("Cost.currency", CV, "currency"),
        ("Cost.isDefinedBy", CV, "isDefinedBy"),
        ("Cost.ifAccessedThrough", CV, "ifAccessedThrough"),
        ("Channel.identifier", DCT, "identifier"),
        ("Channel.type", DCT, "type"),
        ("Channel.description", DCT, "description"),
        ("Channel.processingTime", CV, "processingTime"),
        ("Channel.ownedBy", CV, "ownedBy"),
        ("Output.identifier", DCT, "identifier"),
        ("Output.name", DCT, "title"),
        ("Output.description", DCT, "description"),
        ("Output.type", DCT, "type"),
        ("ContactPoint.hasTelephone", CV, "telephone"),
        ("ContactPoint.hasEmail", CV, "email"),
        ("ContactPoint.contactPage", CV, "contactPage"),
        ("ContactPoint.openingHours", CV, "openingHours"),
        ("ContactPoint.availabilityRestriction", CV, "specialOpeningHoursSpecification"),
        ("LegalResource.related", DCT, "relation"),
    ];
    classes.iter().chain(properties).map(|(term, ns, local)| (*term, format!("{ns}{local}"))).collect()
}

/// Whether a context URL is the CPSV-AP 3.x context (any host serving the release's file).
fn is_cpsv_context(url: &str) -> bool {
    url.ends_with("/cpsv-ap.jsonld") && url.contains("/3.")
}

/// A term definition.
#[derive(Debug, Clone)]
pub(super) struct Term {
    pub iri: String,
    pub language_map: bool,
    /// A term-level `@language` (Some(None) = explicitly no language).
    pub language: Option<Option<String>>,
}

/// The active context: one layer of terms over the shared enclosing context, `@vocab`, default
/// `@language`.
#[derive(Debug, Default)]
pub(super) struct Context {
    /// The terms this layer defines, or removes (`None`), over those of `parent`.
    terms: HashMap<String, Option<Term>>,
    parent: Option<Rc<Context>>,
    vocab: Option<Rc<str>>,
    language: Option<Rc<str>>,
    /// Contexts in force: this one and its ancestors.
    depth: usize,
}

/// The state of reading one `@context`.
struct Reading<'l> {
    losses: &'l mut Vec<Loss>,
    /// Definitions still allowed.
    budget: usize,
    /// Whether the budget ran out (the rest is skipped, reported once).
    full: bool,
    limit: usize,
}

impl Reading<'_> {
    /// Whether one more definition may be read; reports the first one beyond the limit at `at`.
    fn take(&mut self, at: &str) -> bool {
        if self.full {
            return false;
        }
        if self.budget == 0 {
            self.full = true;
            let reason =
                format!("a context defining more than {} terms: the definitions from here on are not read", self.limit);
            self.losses.push(Loss::new(at, "@context", &reason));
            return false;
        }
        self.budget -= 1;
        true
    }
}

impl Context {
    /// The context in force inside a node whose `@context` is `ctx` (at `ptr`), over `self`.
    pub fn extend(self: &Rc<Context>, ctx: &Value, ptr: &str, losses: &mut Vec<Loss>, limits: Limits) -> Rc<Context> {
        if self.depth >= limits.depth {
            let reason = format!(
                "contexts nested more than {} deep are not read: this node keeps its enclosing context",
                limits.depth
            );
            losses.push(Loss::new(ptr, "@context", &reason));
            return self.clone();
        }
        let mut out = Context {
            terms: HashMap::new(),
            parent: Some(self.clone()),
            vocab: self.vocab.clone(),
            language: self.language.clone(),
            depth: self.depth + 1,
        };
        let mut reading = Reading { losses, budget: limits.terms, full: false, limit: limits.terms };
        out.read(ctx, ptr, &mut reading, 0);
        Rc::new(out)
    }

    /// Reads one context value into this layer.
    fn read(&mut self, ctx: &Value, ptr: &str, r: &mut Reading, nesting: usize) {
        if nesting > MAX_ARRAY_NESTING {
            let reason = format!("contexts nested deeper than {MAX_ARRAY_NESTING} levels are not read");
            r.losses.push(Loss::new(ptr, "@context", &reason));
            return;
        }
        match ctx {
            Value::Null => {
                self.terms.clear();
                self.parent = None;
                self.vocab = None;
                self.language = None;
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if r.full {
                        return;
                    }
                    self.read(item, &format!("{ptr}/{i}"), r, nesting + 1);
                }
            }
            Value::String(url) if is_cpsv_context(url) => {
                for (term, iri) in official_terms() {
                    if !r.take(ptr) {
                        return;
                    }
                    self.terms.insert(term.to_string(), Some(Term { iri, language_map: false, language: None }));
                }
            }
            Value::String(url) => r.losses.push(Loss::new(
                ptr,
                "@context",
                &format!("remote context {url} is not loaded (only the CPSV-AP 3.x context is known): its terms are not understood"),
            )),
            Value::Object(map) => {
                for (key, def) in map {
                    let at = format!("{ptr}/{}", escape_token(key));
                    match key.as_str() {
                        "@vocab" => self.vocab = def.as_str().map(|v| Rc::from(self.expand(v, true))),
                        "@language" => self.language = def.as_str().map(|l| Rc::from(l.to_ascii_lowercase())),
                        "@version" | "@base" | "@protected" | "@propagate" | "@direction" => {}
                        k if k.starts_with('@') => {
                            r.losses.push(Loss::new(&at, key, &format!("context keyword {k} is not supported")))
                        }
                        _ => {
                            if !r.take(&at) {
                                return;
                            }
                            if let Some(term) = self.definition(key, def, &at, r.losses) {
                                self.terms.insert(key.clone(), term);
                            }
                        }
                    }
                }
            }
            _ => r.losses.push(Loss::new(ptr, "@context", "a context must be a URL, an object or an array of them")),
        }
    }

    /// The definition of `key` (`Some(None)`: removed), or `None` when it is not understood (reported).
    fn definition(&self, key: &str, def: &Value, at: &str, losses: &mut Vec<Loss>) -> Option<Option<Term>> {
        match def {
            Value::Null => Some(None),
            Value::String(iri) => Some(Some(Term { iri: iri.clone(), language_map: false, language: None })),
            Value::Object(d) => {
                let iri = match d.get("@id") {
                    Some(Value::String(iri)) => iri.clone(),
                    _ if key.contains(':') => key.to_string(),
                    _ => match &self.vocab {
                        Some(v) => format!("{v}{key}"),
                        None => {
                            losses.push(Loss::new(at, key, "term definition without @id is not understood"));
                            return None;
                        }
                    },
                };
                let containers = match d.get("@container") {
                    Some(Value::String(c)) => vec![c.as_str()],
                    Some(Value::Array(cs)) => cs.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                let language = match d.get("@language") {
                    Some(Value::String(l)) => Some(Some(l.to_ascii_lowercase())),
                    Some(Value::Null) => Some(None),
                    _ => None,
                };
                Some(Some(Term { iri, language_map: containers.contains(&"@language"), language }))
            }
            _ => {
                losses.push(Loss::new(at, key, "term definition is neither a string nor an object"));
                None
            }
        }
    }

    /// The definition of `key` in force: this layer's, else the nearest enclosing one's.
    pub fn term(&self, key: &str) -> Option<&Term> {
        let mut layer = Some(self);
        while let Some(l) = layer {
            if let Some(def) = l.terms.get(key) {
                return def.as_ref();
            }
            layer = l.parent.as_deref();
        }
        None
    }

    /// The default `@language`.
    pub fn language(&self) -> Option<String> {
        self.language.as_deref().map(str::to_string)
    }

    /// Expands a term, compact IRI or IRI (`vocab`: as a property or type, where terms and `@vocab` apply).
    pub fn expand(&self, text: &str, vocab: bool) -> String {
        self.expand_at(text, vocab, 0)
    }

    fn expand_at(&self, text: &str, vocab: bool, depth: usize) -> String {
        if text.starts_with('@') || depth > 8 {
            return text.to_string();
        }
        if vocab {
            if let Some(term) = self.term(text) {
                if term.iri == text {
                    return text.to_string();
                }
                return self.expand_at(&term.iri, true, depth + 1);
            }
        }
        if let Some((prefix, suffix)) = text.split_once(':') {
            if prefix == "_" || suffix.starts_with("//") {
                return text.to_string();
            }
            if let Some(term) = self.term(prefix) {
                return format!("{}{suffix}", self.expand_at(&term.iri, true, depth + 1));
            }
            return text.to_string();
        }
        match &self.vocab {
            Some(v) if vocab => format!("{v}{text}"),
            _ => text.to_string(),
        }
    }
}
