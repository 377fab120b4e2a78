//! Record → CPSV-AP 3.2.0 JSON-LD.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use super::{
    concept_iri, free_label, iri_segment, processing_time, role_label, AZERBAIJAN, AZN, CODELIST_BASE, CONTEXT_URL,
    CO_EXECUTOR, DATA_SUPPLIER, DXER_NS, FREE_ID, OUTPUT_ID, PARTICIPATION_ROLES, PROVIDER_BASE, SERVICE_BASE,
};
use crate::codelists::CodeLists;
use crate::convert::publish::{Publication, Withheld};
use crate::model::{Citation, Duration, LegalRef, LocalizedText, Record};

/// The prefixes declared inline after the official context (which declares none).
const PREFIXES: &[(&str, &str)] = &[
    ("cpsv", super::CPSV),
    ("cv", super::CV),
    ("dct", super::DCT),
    ("adms", super::ADMS),
    ("eli", super::ELI),
    ("skos", super::SKOS),
    ("xsd", super::XSD),
    ("dxer", DXER_NS),
];

/// Exports `record` as CPSV-AP 3.2.0 JSON-LD, with labels from the built-in code lists.
///
/// The document is `{"@context": [CONTEXT_URL, {prefixes}], "@graph": [...]}`; the first node is the
/// `PublicService` (IRI [`SERVICE_BASE`] + service code), which carries the record in `dxer:record`:
/// its [`Publication::view`], so a public export carries only the public fields (no signer, e-signature
/// reference, review or history) and an internal one the complete record. A record `publication` does
/// not export (in public mode: not registered or amended, or not `open_data`) is refused with the reason.
/// See `docs/cpsv-ap-mapping.md` for every field. Export a record that passed [`crate::parse_record`]:
/// only then does the document conform to the official shapes.
pub fn to_jsonld(record: &Record, publication: Publication) -> Result<Value, Withheld> {
    to_jsonld_with(record, publication, &CodeLists::built_in())
}

/// [`to_jsonld`] with the given code lists (provider names, service-area and code labels).
pub fn to_jsonld_with(record: &Record, publication: Publication, lists: &CodeLists) -> Result<Value, Withheld> {
    publication.check(record)?;
    let mut ex = Exporter {
        lists,
        service: format!("{SERVICE_BASE}{}", iri_segment(record.reglament.general.service_code.as_str())),
        nodes: Vec::new(),
        orgs: Vec::new(),
        legal: Vec::new(),
        concepts: Vec::new(),
        seen: BTreeSet::new(),
    };
    let service = ex.service_node(record, publication);
    let mut graph = vec![service];
    let orgs: Vec<String> = ex.orgs.clone();
    graph.extend(orgs.iter().map(|code| ex.org_node(code)));
    graph.extend(ex.legal_nodes());
    graph.append(&mut ex.nodes);
    graph.append(&mut ex.concepts);
    graph.push(json!({"@id": AZERBAIJAN, "@type": "Location"}));
    if graph.iter().any(|n| n.get("cv:currency").is_some()) {
        graph.push(json!({"@id": AZN, "@type": "Concept"}));
    }
    let mut prefixes = Map::new();
    prefixes.insert("@version".into(), json!(1.1));
    for (p, iri) in PREFIXES {
        prefixes.insert((*p).into(), json!(iri));
    }
    Ok(json!({"@context": [CONTEXT_URL, prefixes], "@graph": graph}))
}

struct Exporter<'a> {
    lists: &'a CodeLists,
    service: String,
    /// Nodes other than the service, organisations, legal resources and concepts, in creation order.
    nodes: Vec<Value>,
    /// Provider codes, in order of first use.
    orgs: Vec<String>,
    /// Distinct legal references, in order of first use, with the entry into force of a creating act.
    legal: Vec<(LegalRef, Option<NaiveDate>)>,
    concepts: Vec<Value>,
    seen: BTreeSet<String>,
}

/// `[{"@value": .., "@language": "az"}, ...]` for the languages present.
pub(super) fn texts(t: &LocalizedText) -> Value {
    let mut out = vec![json!({"@value": t.az, "@language": "az"})];
    for (lang, text) in [("en", &t.en), ("ru", &t.ru)] {
        if let Some(text) = text {
            out.push(json!({"@value": text, "@language": lang}));
        }
    }
    Value::Array(out)
}

fn id(iri: &str) -> Value {
    json!({"@id": iri})
}

fn ids(iris: impl IntoIterator<Item = String>) -> Value {
    Value::Array(iris.into_iter().map(|i| id(&i)).collect())
}

fn date(d: NaiveDate) -> Value {
    json!({"@value": d.format("%Y-%m-%d").to_string(), "@type": "xsd:date"})
}

/// The exact period, as an embedded `dxer:Duration` node.
fn exact(d: Duration) -> Value {
    json!({"@type": "dxer:Duration", "dxer:value": d.value, "dxer:unit": d.unit.code()})
}

/// Whether `text` can stand as an absolute IRI (a web page for `cv:contactPage`).
fn is_web_iri(text: &str) -> bool {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && text.chars().all(|c| !c.is_control() && !c.is_whitespace() && !"<>\"{}|\\^`".contains(c))
    })
}

pub(super) fn participation_id(role: &str, code: &str) -> String {
    format!("{role}-{code}")
}

pub(super) fn requirement_id(document: &str) -> String {
    format!("requirement-{document}")
}

/// "Role: organisation" in each language of the role.
pub(super) fn participation_description(role: &str, org: &LocalizedText) -> LocalizedText {
    let r = role_label(role);
    LocalizedText {
        az: format!("{}: {}", r.az, org.az),
        en: r.en.map(|l| format!("{l}: {}", org.get("en"))),
        ru: r.ru.map(|l| format!("{l}: {}", org.get("ru"))),
    }
}

/// Name of a provider: its code-list label, or the code itself (tagged `az`) when it is not in the list.
pub(super) fn provider_label(lists: &CodeLists, code: &str) -> LocalizedText {
    lists.provider(code).map(|p| p.label.clone()).unwrap_or_else(|| LocalizedText::az(code))
}

/// Label of a code of `list` (closed lists, service areas and participation roles).
pub(super) fn code_label(lists: &CodeLists, list: &str, code: &str) -> Option<LocalizedText> {
    match list {
        "service-areas" => lists.service_area(code).map(|a| a.label.clone()),
        PARTICIPATION_ROLES => Some(role_label(code)),
        _ => lists.label(list, code).cloned(),
    }
}

impl Exporter<'_> {
    fn sub(&self, local: &str) -> String {
        format!("{}#{local}", self.service)
    }

    fn org(&mut self, code: &str) -> String {
        if !self.orgs.iter().any(|c| c == code) {
            self.orgs.push(code.to_string());
        }
        format!("{PROVIDER_BASE}{}", iri_segment(code))
    }

    fn legal_ref(&mut self, r: &LegalRef) -> String {
        let n = match self.legal.iter().position(|(known, _)| known == r) {
            Some(n) => n,
            None => {
                self.legal.push((r.clone(), None));
                self.legal.len() - 1
            }
        };
        self.sub(&format!("legal-{}", n + 1))
    }

    fn legal_refs(&mut self, refs: &[LegalRef]) -> Value {
        let iris: Vec<String> = refs.iter().map(|r| self.legal_ref(r)).collect();
        ids(iris)
    }

    /// A code-list concept: its IRI, and once per document a `skos:Concept` node with its labels.
    fn concept(&mut self, list: &str, code: &str) -> Value {
        let iri = concept_iri(list, code);
        if self.seen.insert(iri.clone()) {
            let mut node = json!({
                "@id": iri,
                "@type": "Concept",
                "skos:notation": code,
                "skos:inScheme": {"@id": format!("{CODELIST_BASE}{list}")},
            });
            if let Some(label) = code_label(self.lists, list, code) {
                node["skos:prefLabel"] = texts(&label);
            }
            self.concepts.push(node);
        }
        id(&iri)
    }

    fn service_node(&mut self, record: &Record, publication: Publication) -> Value {
        let g = &record.reglament.general;
        let st = &record.reglament.standard;
        let mut s = Map::new();
        s.insert("@id".into(), json!(self.service));
        s.insert("@type".into(), json!("PublicService"));
        s.insert("dct:identifier".into(), json!(g.service_code.as_str()));
        s.insert("dct:title".into(), texts(&g.name));
        match &g.description {
            Some(d) => {
                s.insert("dct:description".into(), texts(d));
            }
            None => {
                // CPSV-AP requires a description: the name stands in, and the flag says so.
                s.insert("dct:description".into(), texts(&g.name));
                s.insert("dxer:descriptionFromName".into(), json!(true));
            }
        }
        s.insert("cv:hasCompetentAuthority".into(), id(&self.org(g.provider.as_str())));
        let mut participations = Vec::new();
        for (role, codes) in [(CO_EXECUTOR, &g.co_executors), (DATA_SUPPLIER, &g.data_suppliers)] {
            for code in codes {
                participations.push(self.participation(role, code.as_str()));
            }
        }
        if !participations.is_empty() {
            s.insert("cv:hasParticipation".into(), ids(participations));
        }
        if !g.legal_basis.items().is_empty() {
            s.insert("cv:hasLegalResource".into(), self.legal_refs(g.legal_basis.items()));
        }
        let (mut inputs, mut requirements) = (Vec::new(), Vec::new());
        for doc in &st.documents {
            let (evidence, requirement) =
                (self.sub(&format!("document-{}", doc.id)), self.sub(&requirement_id(doc.id.as_str())));
            let mut e = json!({
                "@id": evidence,
                "@type": "Evidence",
                "dct:identifier": doc.id.as_str(),
                "dct:title": texts(&doc.name),
                "dct:type": self.concept("document-kinds", doc.kind.code()),
                "cv:supportsRequirement": id(&requirement),
            });
            if let Some(note) = &doc.note {
                e["dct:description"] = texts(note);
            }
            self.nodes.push(e);
            self.nodes.push(json!({
                "@id": requirement,
                "@type": "Requirement",
                "dct:identifier": requirement_id(doc.id.as_str()),
                "dct:title": texts(&doc.name),
                "cv:hasSupportingEvidence": id(&evidence),
            }));
            inputs.push(evidence);
            requirements.push(requirement);
        }
        if !inputs.is_empty() {
            s.insert("cpsv:hasInput".into(), ids(inputs));
            s.insert("cv:holdsRequirement".into(), ids(requirements));
        }
        // What the source does not state is left out here (the record in `dxer:record` says "not stated").
        if st.fees.stated().is_some() {
            s.insert("cv:hasCost".into(), self.costs(record));
        }
        let channels: Vec<String> = g.channels.items().iter().map(|c| self.channel(c.code())).collect();
        if !channels.is_empty() {
            s.insert("cv:hasChannel".into(), ids(channels));
        }
        if let Some(result) = st.result.stated() {
            let output = self.sub("output");
            let kind = self.concept("result-kinds", result.kind.code());
            self.nodes.push(json!({
                "@id": output,
                "@type": "Output",
                "dct:identifier": OUTPUT_ID,
                "dct:title": texts(&result.name),
                "dct:type": kind,
            }));
            s.insert("cpsv:produces".into(), ids([output]));
        }
        if let Some(limit) = st.time_limit.get() {
            s.insert("cv:processingTime".into(), json!({"@value": processing_time(limit), "@type": "xsd:duration"}));
            s.insert("dxer:timeLimit".into(), exact(limit));
        }
        if let Some(contact) = self.contact(record) {
            s.insert("cv:contactPoint".into(), ids([contact]));
        }
        s.insert("adms:status".into(), self.concept("record-statuses", record.status.code()));
        let mut areas = vec![self.concept("service-areas", &record.service_area.area)];
        if let Some(sub) = &record.service_area.sub_area {
            areas.push(self.concept("service-areas", sub));
        }
        s.insert("cv:thematicArea".into(), Value::Array(areas));
        let mut audience: Vec<Value> =
            g.user_categories.items().iter().map(|c| self.concept("user-categories", c.code())).collect();
        audience.extend(record.directions.iter().map(|d| self.concept("directions", d.code())));
        s.insert("dct:audience".into(), Value::Array(audience));
        s.insert("dct:spatial".into(), id(AZERBAIJAN));
        let act = self.legal_ref(&record.creating_act.act);
        if let Some(entry) = self.legal.iter_mut().find(|(r, _)| *r == record.creating_act.act) {
            entry.1 = Some(record.creating_act.entry_into_force);
        }
        s.insert("dxer:creatingAct".into(), id(&act));
        // The record as this publication shows it: public fields only, or the complete record.
        s.insert("dxer:record".into(), json!({"@value": publication.view(record), "@type": "@json"}));
        Value::Object(s)
    }

    fn participation(&mut self, role: &str, code: &str) -> String {
        let local = participation_id(role, code);
        let iri = self.sub(&format!("participation-{local}"));
        let org = self.org(code);
        let description = participation_description(role, &provider_label(self.lists, code));
        let role_concept = self.concept(PARTICIPATION_ROLES, role);
        self.nodes.push(json!({
            "@id": iri,
            "@type": "Participation",
            "dct:identifier": local,
            "dct:description": texts(&description),
            "cv:hasParticipant": id(&org),
            "cv:role": [role_concept],
        }));
        iri
    }

    fn costs(&mut self, record: &Record) -> Value {
        let tiers = record.reglament.standard.fee_tiers();
        let free = record.reglament.standard.fees.stated().is_none_or(|f| f.free);
        let mut out = Vec::new();
        if free || tiers.is_empty() {
            let iri = self.sub(&format!("cost-{FREE_ID}"));
            self.nodes.push(json!({
                "@id": iri,
                "@type": "Cost",
                "dct:identifier": FREE_ID,
                "cv:hasValue": {"@value": "0", "@type": "xsd:double"},
                "cv:currency": id(AZN),
                "dct:description": texts(&free_label()),
            }));
            out.push(iri);
        }
        for tier in tiers {
            let iri = self.sub(&format!("cost-{}", tier.id));
            let mut c = json!({
                "@id": iri,
                "@type": "Cost",
                "dct:identifier": tier.id.as_str(),
                // The exact decimal text ("20.00") typed as the xsd:double the shapes require.
                "cv:hasValue": {"@value": tier.amount.to_string(), "@type": "xsd:double"},
                "cv:currency": id(AZN),
                "dxer:feeKind": self.concept("fee-kinds", tier.kind.code()),
            });
            if let Some(label) = &tier.label {
                c["dct:description"] = texts(label);
            }
            let full: Vec<LegalRef> = tier
                .legal_basis
                .iter()
                .filter_map(|c| match c {
                    Citation::Full(r) => Some(r.clone()),
                    Citation::Short(_) => None,
                })
                .collect();
            if !full.is_empty() {
                c["dxer:legalBasis"] = self.legal_refs(&full);
            }
            // What CPSV-AP has no home for travels as JSON literals in the extension namespace (short
            // citations of the legal basis, amounts per unit, components paid together, conditions).
            let short: Vec<&Citation> = tier.legal_basis.iter().filter(|c| matches!(c, Citation::Short(_))).collect();
            if !short.is_empty() {
                c["dxer:shortCitations"] = json_literal(&short);
            }
            if let Some(t) = tier.time_limit {
                c["dxer:timeLimit"] = exact(t);
            }
            if let Some(u) = &tier.per_unit {
                c["dxer:perUnit"] = json_literal(u);
            }
            if !tier.components.is_empty() {
                c["dxer:components"] = json_literal(&tier.components);
            }
            if let Some(cond) = &tier.condition {
                c["dxer:condition"] = json_literal(cond);
            }
            self.nodes.push(c);
            out.push(iri);
        }
        ids(out)
    }

    fn channel(&mut self, code: &str) -> String {
        let iri = self.sub(&format!("channel-{code}"));
        let concept = self.concept("channels", code);
        self.nodes.push(json!({"@id": iri, "@type": "Channel", "dct:identifier": code, "dct:type": concept}));
        iri
    }

    fn contact(&mut self, record: &Record) -> Option<String> {
        let c = &record.reglament.contact;
        let mut node = Map::new();
        if let Some(phone) = &c.hotline {
            node.insert("cv:telephone".into(), json!(phone));
        }
        if let Some(email) = &c.email {
            node.insert("cv:email".into(), json!(email));
        }
        if let Some(web) = c.web.as_deref().filter(|w| is_web_iri(w)) {
            node.insert("cv:contactPage".into(), json!({"@id": web, "@type": "Document"}));
        }
        if node.is_empty() {
            return None;
        }
        let iri = self.sub("contact-point");
        node.insert("@id".into(), json!(iri));
        node.insert("@type".into(), json!("ContactPoint"));
        self.nodes.push(Value::Object(node));
        Some(iri)
    }

    fn org_node(&mut self, code: &str) -> Value {
        let label = provider_label(self.lists, code);
        json!({
            "@id": format!("{PROVIDER_BASE}{}", iri_segment(code)),
            "@type": ["PublicOrganization", "Organization", "Agent"],
            "dct:identifier": code,
            "skos:prefLabel": texts(&label),
            "dct:title": texts(&label),
            "dct:spatial": id(AZERBAIJAN),
        })
    }

    fn legal_nodes(&mut self) -> Vec<Value> {
        let legal = std::mem::take(&mut self.legal);
        let mut out = Vec::new();
        for (n, (r, in_force)) in legal.iter().enumerate() {
            let mut node = json!({
                "@id": self.sub(&format!("legal-{}", n + 1)),
                "@type": "LegalResource",
                "eli:type_document": self.concept("legal-act-types", r.act_type.code()),
                "eli:title": texts(&r.title),
            });
            if let Some(number) = &r.number {
                node["eli:id_local"] = json!(number);
            }
            if let Some(d) = r.date {
                node["eli:date_document"] = date(d);
            }
            if !r.articles.is_empty() {
                node["dxer:articles"] = json!({"@list": r.articles});
            }
            if let Some(local) = &r.id {
                node["dxer:localId"] = json!(local.as_str());
            }
            if let Some(d) = in_force {
                node["eli:first_date_entry_in_force"] = date(*d);
            }
            out.push(node);
        }
        self.legal = legal;
        out
    }
}

/// A value as a JSON literal (`"@type": "@json"`).
fn json_literal<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    json!({"@value": serde_json::to_value(value).unwrap_or(Value::Null), "@type": "@json"})
}

#[cfg(test)]
mod tests {
    use super::is_web_iri;

    #[test]
    fn only_absolute_web_addresses_become_contact_pages() {
        assert!(is_web_iri("https://www.asan.gov.az"));
        assert!(is_web_iri("http://e-gov.az/az/services"));
        for bad in ["www.asan.gov.az", "https://", "https:///x", "https://a b", "mailto:x@y.az", "https://a\"b"] {
            assert!(!is_web_iri(bad), "{bad}");
        }
    }
}
