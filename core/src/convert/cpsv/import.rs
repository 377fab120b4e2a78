//! CPSV-AP 3.x JSON-LD → draft DXER record, with every unmapped property named.

use std::collections::{HashSet, VecDeque};

use serde_json::{json, Map, Value};

use super::export::{code_label, participation_description, participation_id, provider_label, requirement_id};
use super::jsonld::{Graph, Kind, Loss, Node, Prop, Val};
use super::{
    decode_segment, free_label, parse_processing_time, processing_time, ADMS, AZERBAIJAN, AZN, CODELIST_BASE,
    CO_EXECUTOR, CPSV, CV, DATA_SUPPLIER, DCT, DXER_NS, ELI, FREE_ID, OUTPUT_ID, PARTICIPATION_ROLES, PROVIDER_BASE,
    SERVICE_BASE, SKOS,
};
use crate::codelists::CodeLists;
use crate::model::{Channel, Duration, DurationUnit, LocalizedText, Money};
use crate::{validate, DocumentKind, Options, Report};

/// The result of [`from_jsonld`]: a draft record, what could not be mapped, and the draft's validation.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The record in the DXER shape. When `restored`, the complete record carried in `dxer:record`;
    /// otherwise a **draft** holding only what CPSV-AP provides (fields it cannot provide are left out,
    /// and the `report` says what is missing).
    pub record: Value,
    /// Whether the record was restored from `dxer:record` (a dxer export): then it is exact.
    pub restored: bool,
    /// Every input property or value not mapped, in document order. For a restored record, also every
    /// CPSV-AP value that disagrees with `dxer:record` (the record wins).
    pub losses: Vec<Loss>,
    /// Validation of `record` (as a DXER record) with the options given.
    pub report: Report,
}

/// Reads CPSV-AP 3.x JSON-LD into a DXER record (see [`Imported`]), validated with default options.
///
/// Never panics: anything that is not JSON-LD, of the wrong type or beyond the limits (64 levels of
/// nesting, 20,000 nodes, 10,000 values per property) comes back as a located [`Loss`].
///
/// ```
/// use dxer::convert::cpsv::from_jsonld;
/// use serde_json::json;
///
/// let doc = json!({
///     "@context": {"cpsv": "http://purl.org/vocab/cpsv#", "dct": "http://purl.org/dc/terms/"},
///     "@id": "http://example.org/s1", "@type": "cpsv:PublicService",
///     "dct:identifier": "DX-000101",
///     "dct:title": [{"@value": "Şəxsiyyət vəsiqəsinin verilməsi", "@language": "az"},
///                   {"@value": "Délivrance", "@language": "fr"}],
///     "dct:keyword": {"@value": "ID", "@language": "en"}
/// });
/// let imported = from_jsonld(&doc);
/// assert!(!imported.restored);
/// assert_eq!(imported.record["reglament"]["general"]["name"]["az"], "Şəxsiyyət vəsiqəsinin verilməsi");
/// let lost: Vec<(&str, &str)> =
///     imported.losses.iter().map(|l| (l.pointer_or_path.as_str(), l.property.as_str())).collect();
/// assert_eq!(lost, [("/dct:keyword", "dct:keyword"), ("/dct:title/1", "dct:title")]);
/// assert!(!imported.report.ok); // a draft: the provider, documents, fees... are missing
/// ```
pub fn from_jsonld(input: &Value) -> Imported {
    from_jsonld_with(input, &Options::default())
}

/// [`from_jsonld`] with the given options (code lists used to recognise providers and codes, and the
/// validation profile of the report).
pub fn from_jsonld_with(input: &Value, opts: &Options) -> Imported {
    let graph = Graph::read(input);
    let mut im = Importer {
        g: &graph,
        lists: opts.codelists.as_ref(),
        draft: Value::Object(Map::new()),
        origins: Vec::new(),
        losses: Vec::new(),
        lost_roots: Vec::new(),
    };
    let public_service = format!("{CPSV}PublicService");
    let services: Vec<&Node> = graph.nodes.iter().filter(|n| n.is_a(&public_service)).collect();
    let mut restored_record = None;
    match services.split_first() {
        None => im.losses.push(Loss::new("", "@type", "no cpsv:PublicService node: there is no service to import")),
        Some((first, others)) => {
            restored_record = im.record_extension(first);
            im.service(first);
            for other in others {
                other.visited.set(true);
                im.lost_roots.push(other.id.clone());
                im.losses.push(Loss::new(
                    &other.pointer,
                    "@id",
                    &format!(
                        "a second public service ({}): a DXER record describes one service, only the first is read",
                        other.id
                    ),
                ));
            }
        }
    }
    let mut losses = std::mem::take(&mut im.losses);
    losses.extend(graph.losses.iter().cloned());
    losses.extend(im.unmapped());
    let (record, restored) = match restored_record {
        Some(record) => {
            losses.extend(im.conflicts(&record));
            (record, true)
        }
        None => (std::mem::take(&mut im.draft), false),
    };
    losses.sort_by_cached_key(|l| pointer_key(&l.pointer_or_path));
    let report = validate(&record, &Options { kind: DocumentKind::Record, ..opts.clone() });
    Imported { record, restored, losses, report }
}

/// [`from_jsonld`] on JSON text: text that is not JSON (or beyond the input size limit) is refused with
/// the validator's located `DXER-J…` finding.
///
/// ```
/// let refused = dxer::convert::cpsv::from_jsonld_str("{\"@graph\": [,]}").unwrap_err();
/// assert_eq!(refused.findings[0].code, "DXER-J001");
/// assert!(refused.findings[0].message.en.contains("line 1"));
/// ```
pub fn from_jsonld_str(text: &str) -> Result<Imported, Report> {
    let opts = Options::default();
    if text.len() > opts.max_input_bytes {
        return Err(validate(text, &opts));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => Ok(from_jsonld_with(&value, &opts)),
        Err(_) => Err(validate(text, &opts)),
    }
}

/// Orders pointers naturally (`/@graph/2` before `/@graph/10`).
fn pointer_key(pointer: &str) -> Vec<(u64, String)> {
    pointer
        .split('/')
        .map(|t| t.parse::<u64>().map(|n| (n, String::new())).unwrap_or((u64::MAX, t.to_string())))
        .collect()
}

fn iri(ns: &str, local: &str) -> String {
    format!("{ns}{local}")
}

fn short(v: Option<&Value>) -> String {
    match v {
        None => "nothing".into(),
        Some(v) => {
            let t = v.to_string();
            if t.chars().count() > 80 {
                format!("{}...", t.chars().take(77).collect::<String>())
            } else {
                t
            }
        }
    }
}

/// Sets `value` at `pointer` in `root`, creating objects (and arrays for numeric tokens) on the way.
fn set_at(root: &mut Value, pointer: &str, value: Value) {
    let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
    let mut cur = root;
    for (i, token) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        let fresh = || match tokens.get(i + 1) {
            Some(next) if next.parse::<usize>().is_ok() => Value::Array(Vec::new()),
            _ => Value::Object(Map::new()),
        };
        if let Value::Array(items) = cur {
            let idx = token.parse::<usize>().unwrap_or(items.len()).min(items.len());
            if idx == items.len() {
                items.push(fresh());
            }
            if last {
                items[idx] = value;
                return;
            }
            cur = &mut items[idx];
        } else {
            if !cur.is_object() {
                *cur = Value::Object(Map::new());
            }
            let Value::Object(map) = cur else { return };
            if last {
                map.insert((*token).to_string(), value);
                return;
            }
            cur = map.entry((*token).to_string()).or_insert_with(fresh);
        }
    }
}

/// Reads an amount: the exact decimal text, or a number with at most two decimals.
fn amount(text: &str) -> Option<Money> {
    let text = text.trim();
    if let Ok(m) = Money::parse(text) {
        return Some(m);
    }
    let f: f64 = text.parse().ok()?;
    if !f.is_finite() || !(0.0..1e12).contains(&f) {
        return None;
    }
    let qepik = (f * 100.0).round();
    if (qepik / 100.0 - f).abs() > 1e-9 * f.max(1.0) {
        return None;
    }
    Some(Money::from_qepik(qepik as u64))
}

struct Origin {
    draft: String,
    input: String,
    key: String,
}

struct Importer<'a> {
    g: &'a Graph,
    lists: &'a CodeLists,
    draft: Value,
    /// Where each draft value came from (to compare with `dxer:record`).
    origins: Vec<Origin>,
    losses: Vec<Loss>,
    /// Nodes whose whole content is covered by a loss already reported.
    lost_roots: Vec<String>,
}

impl<'a> Importer<'a> {
    fn put(&mut self, pointer: &str, value: Value, prop: &Prop, val: &Val) {
        set_at(&mut self.draft, pointer, value);
        self.origins.push(Origin { draft: pointer.to_string(), input: val.pointer.clone(), key: prop.key.clone() });
        val.use_it();
    }

    fn next_index(&self, pointer: &str) -> usize {
        self.draft.pointer(pointer).and_then(Value::as_array).map_or(0, Vec::len)
    }

    fn node_of(&self, val: &Val) -> Option<&'a Node> {
        let g = self.g;
        val.target().and_then(|id| g.get(id))
    }

    /// A single literal (the first; others are rejected).
    fn literal(&mut self, node: &'a Node, prop_iri: &str, pointer: &str) -> Option<String> {
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
    fn text(&mut self, node: &'a Node, prop_iri: &str, pointer: &str) -> bool {
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
    fn derived(&self, node: &Node, prop_iri: &str, expected: &[&str], reason: &str) {
        for (_, v) in node.values(prop_iri) {
            match v.text().or_else(|| v.target()) {
                Some(t) if expected.contains(&t) => v.use_it(),
                _ => v.reject(reason),
            }
        }
    }

    /// Marks the texts of `prop_iri` that equal `expected` in their language as mapped.
    fn derived_text(&self, node: &Node, prop_iri: &str, expected: &LocalizedText, reason: &str) {
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
    fn code_of(&self, concept: &str, list: &str) -> Option<String> {
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

    fn visit_concept(&self, concept: &str, list: &str, code: &str) {
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
    fn concept(&mut self, prop: &Prop, val: &Val, list: &str, pointer: &str) -> bool {
        let Some(concept) = val.target().map(str::to_string) else { return false };
        let Some(code) = self.code_of(&concept, list) else { return false };
        self.put(pointer, json!(code), prop, val);
        self.visit_concept(&concept, list, &code);
        true
    }

    /// The first concept of `list` among the values of `prop_iri`, at `pointer`.
    fn single_concept(&mut self, node: &'a Node, prop_iri: &str, list: &str, pointer: &str) {
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

    fn provider_code(&self, org: &str) -> Option<String> {
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

    fn visit_org(&self, org: &str, code: &str) {
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
    fn spatial(&self, node: &Node) {
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

    fn flag(&self, node: &'a Node, prop_iri: &str) -> Option<&'a Val> {
        node.values(prop_iri).map(|(_, v)| v).find(|v| v.text() == Some("true"))
    }

    fn record_extension(&self, service: &'a Node) -> Option<Value> {
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

    fn service(&mut self, s: &'a Node) {
        s.visited.set(true);
        self.literal(s, &iri(DCT, "identifier"), "/reglament/general/service_code");
        self.text(s, &iri(DCT, "title"), "/reglament/general/name");
        self.description(s);
        self.authority(s);
        self.participations(s);
        self.legal_list(s, &iri(CV, "hasLegalResource"), "/reglament/general/legal_basis");
        self.documents(s);
        self.costs(s);
        self.channels(s);
        self.output(s);
        self.time_limit(s, "/reglament/standard/time_limit", true);
        self.contact(s);
        self.single_concept(s, &iri(ADMS, "status"), "record-statuses", "/status");
        self.areas(s);
        self.audience(s);
        self.spatial(s);
        self.creating_act(s);
    }

    fn description(&mut self, s: &'a Node) {
        let description = iri(DCT, "description");
        if let Some(flag) = self.flag(s, &iri(DXER_NS, "descriptionFromName")) {
            let titles: Vec<(Option<&String>, &String)> = s
                .values(&iri(DCT, "title"))
                .filter_map(|(_, v)| match &v.kind {
                    Kind::Lit { value, lang, .. } => Some((lang.as_ref(), value)),
                    _ => None,
                })
                .collect();
            let repeats = s.values(&description).all(|(_, v)| match &v.kind {
                Kind::Lit { value, lang, .. } => titles.contains(&(lang.as_ref(), value)),
                _ => false,
            });
            if repeats {
                flag.use_it();
                for (_, v) in s.values(&description) {
                    v.use_it();
                }
                return;
            }
            flag.reject("the description does not repeat the name: it is read as the description");
        }
        self.text(s, &description, "/reglament/general/description");
    }

    fn authority(&mut self, s: &'a Node) {
        let mut done = false;
        for (p, v) in s.values(&iri(CV, "hasCompetentAuthority")) {
            if done {
                v.reject("a second competent authority: a DXER record has one provider");
                continue;
            }
            let found = v.target().and_then(|org| Some((org.to_string(), self.provider_code(org)?)));
            match found {
                Some((org, code)) => {
                    self.put("/reglament/general/provider", json!(code), p, v);
                    self.visit_org(&org, &code);
                    done = true;
                }
                None => v.reject(
                    "the organisation is not in the DXER provider code list (looked up by provider IRI, dct:identifier and name)",
                ),
            }
        }
    }

    fn participations(&mut self, s: &'a Node) {
        for (p, v) in s.values(&iri(CV, "hasParticipation")) {
            let Some(node) = self.node_of(v) else {
                v.reject("the participation is not described in the document");
                continue;
            };
            let role = node.values(&iri(CV, "role")).find_map(|(_, r)| {
                r.target()
                    .and_then(|c| self.code_of(c, PARTICIPATION_ROLES))
                    .filter(|c| c == CO_EXECUTOR || c == DATA_SUPPLIER)
            });
            let participant = node
                .values(&iri(CV, "hasParticipant"))
                .find_map(|(_, a)| a.target().and_then(|org| Some((org.to_string(), self.provider_code(org)?))));
            let (Some(role), Some((org, code))) = (role, participant) else {
                v.reject("only the participation of a DXER provider as co_executor or data_supplier is read");
                continue;
            };
            node.visited.set(true);
            let list = if role == CO_EXECUTOR { "co_executors" } else { "data_suppliers" };
            let n = self.next_index(&format!("/reglament/general/{list}"));
            self.put(&format!("/reglament/general/{list}/{n}"), json!(code), p, v);
            let mut role_done = false;
            for (_, r) in node.values(&iri(CV, "role")) {
                let concept = r.target().map(str::to_string);
                match concept {
                    Some(c)
                        if !role_done && self.code_of(&c, PARTICIPATION_ROLES).as_deref() == Some(role.as_str()) =>
                    {
                        r.use_it();
                        self.visit_concept(&c, PARTICIPATION_ROLES, &role);
                        role_done = true;
                    }
                    _ => r.reject("a second role: DXER lists co-executors and data suppliers by one role each"),
                }
            }
            let mut participant_done = false;
            for (_, a) in node.values(&iri(CV, "hasParticipant")) {
                if !participant_done && a.target() == Some(org.as_str()) {
                    a.use_it();
                    self.visit_org(&org, &code);
                    participant_done = true;
                } else {
                    a.reject("a second participant: a DXER participation is one provider");
                }
            }
            let local = participation_id(&role, &code);
            self.derived(node, &iri(DCT, "identifier"), &[local.as_str()], "a participation's identifier is not kept");
            let description = participation_description(&role, &provider_label(self.lists, &code));
            self.derived_text(
                node,
                &iri(DCT, "description"),
                &description,
                "a participation's description is not kept",
            );
        }
    }

    fn legal_list(&mut self, node: &'a Node, prop_iri: &str, pointer: &str) {
        for (p, v) in node.values(prop_iri) {
            let n = self.next_index(pointer);
            self.legal(p, v, &format!("{pointer}/{n}"));
        }
    }

    /// A legal resource into a legal reference at `at`; false when it has no title.
    fn legal(&mut self, p: &Prop, v: &Val, at: &str) -> bool {
        let (eli_title, dct_title) = (iri(ELI, "title"), iri(DCT, "title"));
        let node = self.node_of(v);
        let titled = node.is_some_and(|n| {
            n.values(&eli_title)
                .chain(n.values(&dct_title))
                .any(|(_, t)| matches!(&t.kind, Kind::Lit { lang: Some(_), .. }))
        });
        let (Some(node), true) = (node, titled) else {
            v.reject("the legal resource has no title in the document: a DXER legal reference needs one");
            return false;
        };
        node.visited.set(true);
        v.use_it();
        self.single_concept(node, &iri(ELI, "type_document"), "legal-act-types", &format!("{at}/type"));
        self.literal(node, &iri(ELI, "id_local"), &format!("{at}/number"));
        self.literal(node, &iri(DXER_NS, "localId"), &format!("{at}/id"));
        self.literal(node, &iri(ELI, "date_document"), &format!("{at}/date"));
        self.text(node, &eli_title, &format!("{at}/title"));
        self.text(node, &dct_title, &format!("{at}/title"));
        let mut k = 0;
        for (ap, av) in node.values(&iri(DXER_NS, "articles")) {
            if let Kind::Lit { value, .. } = &av.kind {
                self.put(&format!("{at}/articles/{k}"), json!(value), ap, av);
                k += 1;
            } else {
                av.reject("an article reference must be a literal");
            }
        }
        if !node.id.starts_with(SERVICE_BASE) && !node.id.starts_with("_:") {
            self.losses.push(Loss::new(
                &v.pointer,
                &p.key,
                &format!("the IRI {} of the legal resource is not kept: a DXER legal reference has no link", node.id),
            ));
        }
        true
    }

    fn documents(&mut self, s: &'a Node) {
        const AT: &str = "/reglament/standard/documents";
        let held: HashSet<&str> = s.values(&iri(CV, "holdsRequirement")).filter_map(|(_, v)| v.target()).collect();
        let mut read: HashSet<String> = HashSet::new();
        for (_, v) in s.values(&iri(CPSV, "hasInput")) {
            let Some(node) = self.node_of(v) else {
                v.reject("the evidence is not described in the document");
                continue;
            };
            v.use_it();
            if read.insert(node.id.clone()) {
                let n = self.next_index(AT);
                self.evidence(node, &format!("{AT}/{n}"), &held);
            }
        }
        for (_, v) in s.values(&iri(CV, "holdsRequirement")) {
            let Some(req) = self.node_of(v) else {
                v.reject("the requirement is not described in the document");
                continue;
            };
            v.use_it();
            if req.visited.replace(true) {
                continue;
            }
            let mut evidences = Vec::new();
            for (_, e) in req.values(&iri(CV, "hasSupportingEvidence")) {
                let Some(node) = self.node_of(e) else {
                    e.reject("the evidence is not described in the document");
                    continue;
                };
                e.use_it();
                evidences.push(node);
                if read.insert(node.id.clone()) {
                    let n = self.next_index(AT);
                    self.evidence(node, &format!("{AT}/{n}"), &held);
                }
            }
            let reason =
                "a requirement has no place in a DXER record: only its evidence is read, as a required document";
            if let [evidence] = evidences.as_slice() {
                // A requirement that restates its one evidence (as dxer writes it) carries nothing more.
                let ids: Vec<String> = evidence
                    .values(&iri(DCT, "identifier"))
                    .filter_map(|(_, i)| i.text().map(requirement_id))
                    .collect();
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                self.derived(req, &iri(DCT, "identifier"), &ids, reason);
                let titles: Vec<(Option<&String>, &String)> = evidence
                    .values(&iri(DCT, "title"))
                    .filter_map(|(_, t)| match &t.kind {
                        Kind::Lit { value, lang, .. } => Some((lang.as_ref(), value)),
                        _ => None,
                    })
                    .collect();
                for (_, t) in req.values(&iri(DCT, "title")) {
                    match &t.kind {
                        Kind::Lit { value, lang, .. } if titles.contains(&(lang.as_ref(), value)) => t.use_it(),
                        _ => t.reject(reason),
                    }
                }
            }
            for prop in &req.props {
                for val in &prop.values {
                    val.reject(reason);
                }
            }
        }
    }

    fn evidence(&mut self, node: &'a Node, at: &str, held: &HashSet<&str>) {
        node.visited.set(true);
        self.literal(node, &iri(DCT, "identifier"), &format!("{at}/id"));
        self.text(node, &iri(DCT, "title"), &format!("{at}/name"));
        self.text(node, &iri(DCT, "description"), &format!("{at}/note"));
        self.single_concept(node, &iri(DCT, "type"), "document-kinds", &format!("{at}/kind"));
        for (_, v) in node.values(&iri(CV, "supportsRequirement")) {
            match v.target() {
                Some(req) if held.contains(req) => v.use_it(),
                _ => v.reject("a requirement the public service does not hold"),
            }
        }
    }

    fn costs(&mut self, s: &'a Node) {
        let mut readable: Vec<(&'a Prop, &'a Val, &'a Node)> = Vec::new();
        for (p, v) in s.values(&iri(CV, "hasCost")) {
            let Some(node) = self.node_of(v) else {
                v.reject("the cost is not described in the document");
                continue;
            };
            let currency = node.values(&iri(CV, "currency")).find_map(|(_, c)| c.target().map(str::to_string));
            match currency {
                Some(c) if c != AZN => {
                    v.reject(format!("the currency {c} is not AZN: DXER amounts are in manat"));
                }
                _ => readable.push((p, v, node)),
            }
        }
        let value_of = |node: &Node| node.values(&iri(CV, "hasValue")).find_map(|(_, v)| v.text().and_then(amount));
        if let [(p, v, node)] = readable.as_slice() {
            if value_of(node).is_some_and(Money::is_zero) {
                node.visited.set(true);
                self.put("/reglament/standard/fees/free", json!(true), p, v);
                self.amount_and_currency(node, None);
                self.derived(node, &iri(DCT, "identifier"), &[FREE_ID], "the identifier of a zero cost is not kept");
                self.derived_text(
                    node,
                    &iri(DCT, "description"),
                    &free_label(),
                    "the description of a zero cost is not kept (the service is free)",
                );
                return;
            }
        }
        for (i, (p, v, node)) in readable.iter().enumerate() {
            if i == 0 {
                self.put("/reglament/standard/fees/free", json!(false), p, v);
            }
            let n = self.next_index("/reglament/standard/fees/tiers");
            let at = format!("/reglament/standard/fees/tiers/{n}");
            node.visited.set(true);
            v.use_it();
            self.literal(node, &iri(DCT, "identifier"), &format!("{at}/id"));
            self.text(node, &iri(DCT, "description"), &format!("{at}/label"));
            self.amount_and_currency(node, Some(&format!("{at}/amount")));
            self.single_concept(node, &iri(DXER_NS, "feeKind"), "fee-kinds", &format!("{at}/kind"));
            self.legal_list(node, &iri(DXER_NS, "legalBasis"), &format!("{at}/legal_basis"));
            // Short citations follow the full ones, as the exporter writes them.
            self.json_items(node, "shortCitations", &format!("{at}/legal_basis"));
            self.json_value(node, "perUnit", &format!("{at}/per_unit"));
            self.json_items(node, "components", &format!("{at}/components"));
            self.json_value(node, "condition", &format!("{at}/condition"));
            self.time_limit(node, &format!("{at}/time_limit"), false);
        }
    }

    /// An extension property written as one JSON literal (`"@type": "@json"`) into `at`.
    fn json_value(&mut self, node: &'a Node, name: &str, at: &str) {
        for (p, v) in node.values(&iri(DXER_NS, name)) {
            match &v.kind {
                Kind::Json(value) => self.put(at, value.clone(), p, v),
                _ => v.reject(format!("dxer:{name} must be a JSON literal")),
            }
        }
    }

    /// An extension property written as a JSON literal holding a list, appended to the list at `at`.
    fn json_items(&mut self, node: &'a Node, name: &str, at: &str) {
        for (p, v) in node.values(&iri(DXER_NS, name)) {
            match &v.kind {
                Kind::Json(Value::Array(items)) => {
                    for item in items {
                        let n = self.next_index(at);
                        set_at(&mut self.draft, &format!("{at}/{n}"), item.clone());
                    }
                    self.origins.push(Origin { draft: at.to_string(), input: v.pointer.clone(), key: p.key.clone() });
                    v.use_it();
                }
                _ => v.reject(format!("dxer:{name} must be a JSON literal holding a list")),
            }
        }
    }

    /// `cv:hasValue` into `amount_at` (or only checked, for the zero cost) and `cv:currency` (AZN).
    fn amount_and_currency(&mut self, node: &'a Node, amount_at: Option<&str>) {
        let mut done = false;
        for (p, v) in node.values(&iri(CV, "hasValue")) {
            match (v.text().and_then(amount), done) {
                (Some(m), false) => {
                    match amount_at {
                        Some(at) => self.put(at, json!(m.to_string()), p, v),
                        None => v.use_it(),
                    }
                    done = true;
                }
                (Some(_), true) => v.reject("a second value: a DXER fee tier has one amount"),
                (None, _) => v.reject("not an amount in AZN with at most two decimals"),
            }
        }
        for (_, v) in node.values(&iri(CV, "currency")) {
            if v.target() == Some(AZN) {
                v.use_it();
                if let Some(azn) = self.g.get(AZN) {
                    azn.visited.set(true);
                }
            } else {
                v.reject("a second currency: DXER amounts are in AZN");
            }
        }
    }

    /// `dxer:timeLimit` (exact) and, with `processing`, `cv:processingTime` (read when there is no exact one).
    fn time_limit(&mut self, node: &'a Node, at: &str, processing: bool) {
        let mut exact: Option<Duration> = None;
        for (p, v) in node.values(&iri(DXER_NS, "timeLimit")) {
            if exact.is_some() {
                v.reject("a second time limit: the DXER record holds one here");
                continue;
            }
            let Some(d) = self.node_of(v) else {
                v.reject("dxer:timeLimit must be a dxer:Duration node");
                continue;
            };
            let value =
                d.values(&iri(DXER_NS, "value")).find_map(|(_, x)| x.text().and_then(|t| t.parse::<u32>().ok()));
            let unit = d
                .values(&iri(DXER_NS, "unit"))
                .find_map(|(_, x)| x.text().and_then(|t| serde_json::from_value::<DurationUnit>(json!(t)).ok()));
            let (Some(value), Some(unit)) = (value, unit) else {
                v.reject("dxer:timeLimit needs a dxer:value (a whole number) and a dxer:unit (a DXER duration unit)");
                continue;
            };
            let duration = Duration::new(value, unit);
            d.visited.set(true);
            self.derived(d, &iri(DXER_NS, "value"), &[value.to_string().as_str()], "a second value");
            self.derived(d, &iri(DXER_NS, "unit"), &[unit.code()], "a second unit");
            self.put(at, json!(duration), p, v);
            exact = Some(duration);
        }
        if !processing {
            return;
        }
        let mut done = exact.is_some();
        for (p, v) in node.values(&iri(CV, "processingTime")) {
            let text = v.text().unwrap_or_default();
            match (exact, parse_processing_time(text)) {
                (Some(d), _) if processing_time(d) == text => v.use_it(),
                (Some(d), _) => v.reject(format!(
                    "disagrees with dxer:timeLimit ({d}, written {}): the exact dxer:timeLimit is kept",
                    processing_time(d)
                )),
                (None, Some(_)) if done => v.reject("a second processing time: the DXER record holds one"),
                (None, Some(d)) => {
                    self.put(at, json!(d), p, v);
                    done = true;
                }
                (None, None) => v.reject("not expressible as one DXER period (days, hours or months)"),
            }
        }
    }

    fn channels(&mut self, s: &'a Node) {
        for (p, v) in s.values(&iri(CV, "hasChannel")) {
            let Some(node) = self.node_of(v) else {
                v.reject("the channel is not described in the document");
                continue;
            };
            let by_type =
                node.values(&iri(DCT, "type")).find_map(|(_, t)| t.target().and_then(|c| self.code_of(c, "channels")));
            let by_id = node.values(&iri(DCT, "identifier")).find_map(|(_, i)| {
                i.text().filter(|t| Channel::ALL.iter().any(|c| c.code() == *t)).map(str::to_string)
            });
            let Some(code) = by_type.or(by_id) else {
                v.reject("the channel's type is not a DXER channel code");
                continue;
            };
            node.visited.set(true);
            let n = self.next_index("/reglament/general/channels");
            self.put(&format!("/reglament/general/channels/{n}"), json!(code), p, v);
            for (_, t) in node.values(&iri(DCT, "type")) {
                let concept = t.target().map(str::to_string);
                match concept {
                    Some(c) if self.code_of(&c, "channels").as_deref() == Some(code.as_str()) => {
                        t.use_it();
                        self.visit_concept(&c, "channels", &code);
                    }
                    _ => t.reject("a second channel type: a DXER channel is one code"),
                }
            }
            self.derived(node, &iri(DCT, "identifier"), &[code.as_str()], "the identifier of a channel is not kept");
        }
    }

    fn output(&mut self, s: &'a Node) {
        let mut done = false;
        for (_, v) in s.values(&iri(CPSV, "produces")) {
            if done {
                v.reject("a second output: a DXER record has one result");
                continue;
            }
            let Some(node) = self.node_of(v) else {
                v.reject("the output is not described in the document");
                continue;
            };
            node.visited.set(true);
            v.use_it();
            done = true;
            self.text(node, &iri(DCT, "title"), "/reglament/standard/result/name");
            self.single_concept(node, &iri(DCT, "type"), "result-kinds", "/reglament/standard/result/kind");
            self.derived(node, &iri(DCT, "identifier"), &[OUTPUT_ID], "the identifier of an output is not kept");
        }
    }

    fn contact(&mut self, s: &'a Node) {
        let mut done = false;
        for (_, v) in s.values(&iri(CV, "contactPoint")) {
            if done {
                v.reject("a second contact point: a DXER record has one contact section");
                continue;
            }
            let Some(node) = self.node_of(v) else {
                v.reject("the contact point is not described in the document");
                continue;
            };
            node.visited.set(true);
            v.use_it();
            done = true;
            self.literal(node, &iri(CV, "telephone"), "/reglament/contact/hotline");
            let mut email = false;
            for (p, e) in node.values(&iri(CV, "email")) {
                let address = match &e.kind {
                    Kind::Ref(i) => i.strip_prefix("mailto:"),
                    Kind::Lit { value, .. } => Some(value.strip_prefix("mailto:").unwrap_or(value)),
                    _ => None,
                };
                match address {
                    Some(a) if !email => {
                        self.put("/reglament/contact/email", json!(a), p, e);
                        email = true;
                    }
                    Some(_) => e.reject("a second e-mail address: the DXER record holds one"),
                    None => e.reject("not an e-mail address"),
                }
            }
            let mut web = false;
            for (p, w) in node.values(&iri(CV, "contactPage")) {
                match w.target().or_else(|| w.text()) {
                    Some(page) if !web => {
                        let page = page.to_string();
                        self.put("/reglament/contact/web", json!(page), p, w);
                        if let Some(doc) = self.g.get(&page) {
                            doc.visited.set(true);
                        }
                        web = true;
                    }
                    Some(_) => w.reject("a second contact page: the DXER record holds one web page"),
                    None => w.reject("not a web page"),
                }
            }
        }
    }

    fn areas(&mut self, s: &'a Node) {
        for (p, v) in s.values(&iri(CV, "thematicArea")) {
            let Some(concept) = v.target().map(str::to_string) else {
                v.reject("not a concept of the DXER code list service-areas");
                continue;
            };
            let Some(code) = self.code_of(&concept, "service-areas") else {
                v.reject("not a concept of the DXER code list service-areas");
                continue;
            };
            let is_sub = match self.lists.service_area(&code) {
                Some(area) => area.parent.is_some(),
                None => code.contains('.'),
            };
            let at = if is_sub { "/service_area/sub_area" } else { "/service_area/area" };
            if self.draft.pointer(at).is_some() {
                v.reject("a second area or sub-area: a DXER record has one of each");
                continue;
            }
            self.put(at, json!(code), p, v);
            self.visit_concept(&concept, "service-areas", &code);
        }
    }

    fn audience(&mut self, s: &'a Node) {
        for (p, v) in s.values(&iri(DCT, "audience")) {
            let n = self.next_index("/reglament/general/user_categories");
            if self.concept(p, v, "user-categories", &format!("/reglament/general/user_categories/{n}")) {
                continue;
            }
            let n = self.next_index("/directions");
            if !self.concept(p, v, "directions", &format!("/directions/{n}")) {
                v.reject("not a concept of the DXER code lists user-categories or directions");
            }
        }
    }

    fn creating_act(&mut self, s: &'a Node) {
        let mut done = false;
        for (p, v) in s.values(&iri(DXER_NS, "creatingAct")) {
            if done {
                v.reject("a second creating act: a DXER record has one");
                continue;
            }
            if self.legal(p, v, "/creating_act/act") {
                done = true;
                if let Some(node) = self.node_of(v) {
                    self.literal(node, &iri(ELI, "first_date_entry_in_force"), "/creating_act/entry_into_force");
                }
            }
        }
    }

    /// Losses for every value not mapped, and for every node not reached from the public service.
    fn unmapped(&self) -> Vec<Loss> {
        let g = self.g;
        let mut losses = Vec::new();
        let mut frontier: VecDeque<String> = self.lost_roots.iter().cloned().collect();
        for node in g.nodes.iter().filter(|n| n.visited.get()) {
            for prop in &node.props {
                let unused: Vec<&Val> = prop.values.iter().filter(|v| !v.used()).collect();
                if unused.is_empty() {
                    continue;
                }
                frontier.extend(unused.iter().filter_map(|v| v.target().map(str::to_string)));
                let default = format!("{} has no place in a DXER record", prop.iri);
                // An unreadable value is named where reading stopped; the others by their property
                // when none of its values was mapped.
                let (bad, unused): (Vec<&Val>, Vec<&Val>) =
                    unused.into_iter().partition(|v| matches!(v.kind, Kind::Bad(_)));
                for v in &bad {
                    losses.push(Loss::new(&v.pointer, &prop.key, &v.reason().unwrap_or_else(|| default.clone())));
                }
                if unused.is_empty() {
                    continue;
                }
                if bad.is_empty() && unused.len() == prop.values.len() {
                    let mut reasons: Vec<String> = Vec::new();
                    for v in &unused {
                        let r = v.reason().unwrap_or_else(|| default.clone());
                        if !reasons.contains(&r) {
                            reasons.push(r);
                        }
                    }
                    losses.push(Loss::new(&prop.pointer, &prop.key, &reasons.join("; ")));
                } else {
                    for v in unused {
                        losses.push(Loss::new(&v.pointer, &prop.key, &v.reason().unwrap_or_else(|| default.clone())));
                    }
                }
            }
        }
        let mut covered: HashSet<String> = HashSet::new();
        let refs = |n: &'a Node| -> Vec<String> {
            n.props.iter().flat_map(|p| p.values.iter().filter_map(|v| v.target().map(str::to_string))).collect()
        };
        let cover = |frontier: &mut VecDeque<String>, covered: &mut HashSet<String>| {
            while let Some(id) = frontier.pop_front() {
                if let Some(n) = g.get(&id) {
                    if (!n.visited.get() || self.lost_roots.contains(&id)) && covered.insert(id) {
                        frontier.extend(refs(n));
                    }
                }
            }
        };
        cover(&mut frontier, &mut covered);
        loop {
            let remaining: Vec<&Node> =
                g.nodes.iter().filter(|n| !n.visited.get() && !covered.contains(&n.id)).collect();
            if remaining.is_empty() {
                break;
            }
            let ids: HashSet<&str> = remaining.iter().map(|n| n.id.as_str()).collect();
            let referenced: HashSet<String> = remaining
                .iter()
                .flat_map(|n| refs(n).into_iter().filter(|r| *r != n.id && ids.contains(r.as_str())))
                .collect();
            let mut roots: Vec<&Node> = remaining.iter().copied().filter(|n| !referenced.contains(&n.id)).collect();
            if roots.is_empty() {
                // Only cycles are left: each one is reported once, at its first node.
                roots = remaining;
            }
            for root in roots {
                if covered.contains(&root.id) {
                    continue;
                }
                let types = if root.types.is_empty() { String::new() } else { format!(" ({})", root.types.join(", ")) };
                losses.push(Loss::new(
                    &root.pointer,
                    "@id",
                    &format!("the node {}{types} is not linked from the public service: not read", root.id),
                ));
                frontier.push_back(root.id.clone());
                cover(&mut frontier, &mut covered);
            }
        }
        losses
    }

    /// For a restored record: every CPSV-AP value that says something else than `dxer:record`.
    fn conflicts(&self, record: &Value) -> Vec<Loss> {
        let mut out = Vec::new();
        for o in &self.origins {
            let (triples, kept) = (self.draft.pointer(&o.draft), record.pointer(&o.draft));
            if triples != kept {
                out.push(Loss::new(
                    &o.input,
                    &o.key,
                    &format!(
                        "differs from dxer:record at {}: the CPSV-AP value is {}, the record's {}; the record is kept",
                        o.draft,
                        short(triples),
                        short(kept)
                    ),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_at_builds_objects_and_arrays() {
        let mut v = json!({});
        set_at(&mut v, "/a/list/0/x", json!(1));
        set_at(&mut v, "/a/list/0/y", json!(2));
        set_at(&mut v, "/a/list/1", json!("z"));
        set_at(&mut v, "/b", json!(true));
        assert_eq!(v, json!({"a": {"list": [{"x": 1, "y": 2}, "z"]}, "b": true}));
    }

    #[test]
    fn amounts_are_exact_or_refused() {
        assert_eq!(amount("20.00").unwrap().qepik(), 2000);
        assert_eq!(amount("12.5").unwrap().qepik(), 1250);
        assert_eq!(amount("1.5E1").unwrap().qepik(), 1500);
        assert_eq!(amount("0").unwrap().qepik(), 0);
        for bad in ["-1", "1.234", "NaN", "inf", "abc", "1e13"] {
            assert!(amount(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn pointers_sort_naturally() {
        let mut p = vec!["/@graph/10/x", "/@graph/2/y", "/@graph/2", ""];
        p.sort_by_cached_key(|p| pointer_key(p));
        assert_eq!(p, ["", "/@graph/2", "/@graph/2/y", "/@graph/10/x"]);
    }
}
