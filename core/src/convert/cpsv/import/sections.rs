//! The sections of a public service: what each CPSV-AP property becomes in the draft record.

use std::collections::HashSet;

use serde_json::{json, Value};

use super::super::export::{participation_description, participation_id, provider_label, requirement_id};
use super::super::jsonld::{Kind, Loss, Node, Prop, Val};
use super::super::{
    free_label, parse_processing_time, processing_time, ADMS, AZN, CO_EXECUTOR, CPSV, CV, DATA_SUPPLIER, DCT, DXER_NS,
    ELI, FREE_ID, OUTPUT_ID, PARTICIPATION_ROLES, SERVICE_BASE,
};
use crate::model::{Channel, Duration, DurationUnit, Money};

use super::*;

impl<'a> Importer<'a> {
    pub(super) fn service(&mut self, s: &'a Node) {
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

    pub(super) fn description(&mut self, s: &'a Node) {
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

    pub(super) fn authority(&mut self, s: &'a Node) {
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

    pub(super) fn participations(&mut self, s: &'a Node) {
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

    pub(super) fn legal_list(&mut self, node: &'a Node, prop_iri: &str, pointer: &str) {
        for (p, v) in node.values(prop_iri) {
            let n = self.next_index(pointer);
            self.legal(p, v, &format!("{pointer}/{n}"));
        }
    }

    /// A legal resource into a legal reference at `at`; false when it has no title.
    pub(super) fn legal(&mut self, p: &Prop, v: &Val, at: &str) -> bool {
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

    pub(super) fn documents(&mut self, s: &'a Node) {
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

    pub(super) fn evidence(&mut self, node: &'a Node, at: &str, held: &HashSet<&str>) {
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

    pub(super) fn costs(&mut self, s: &'a Node) {
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
    pub(super) fn json_value(&mut self, node: &'a Node, name: &str, at: &str) {
        for (p, v) in node.values(&iri(DXER_NS, name)) {
            match &v.kind {
                Kind::Json(value) => self.put(at, value.clone(), p, v),
                _ => v.reject(format!("dxer:{name} must be a JSON literal")),
            }
        }
    }

    /// An extension property written as a JSON literal holding a list, appended to the list at `at`.
    pub(super) fn json_items(&mut self, node: &'a Node, name: &str, at: &str) {
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
    pub(super) fn amount_and_currency(&mut self, node: &'a Node, amount_at: Option<&str>) {
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
    pub(super) fn time_limit(&mut self, node: &'a Node, at: &str, processing: bool) {
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

    pub(super) fn channels(&mut self, s: &'a Node) {
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

    pub(super) fn output(&mut self, s: &'a Node) {
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

    pub(super) fn contact(&mut self, s: &'a Node) {
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

    pub(super) fn areas(&mut self, s: &'a Node) {
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

    pub(super) fn audience(&mut self, s: &'a Node) {
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

    pub(super) fn creating_act(&mut self, s: &'a Node) {
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
}
