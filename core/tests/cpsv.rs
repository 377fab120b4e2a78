//! CPSV-AP 3.2.0 export and import (`dxer::convert::cpsv`): exact round trips through `dxer:record`,
//! round trips through the CPSV-AP triples alone (fixtures and generated variations), the official
//! example's loss report, and hostile input. SHACL conformance of the exports is checked by
//! `tests/shacl/check.py` (pySHACL, the official shapes).

mod common;

use std::path::{Path, PathBuf};

use dxer::convert::cpsv::{
    self, from_jsonld, from_jsonld_str, parse_processing_time, processing_time, Loss, AZERBAIJAN, AZN, CODELIST_BASE,
    CONTEXT_URL, DXER_NS,
};
use dxer::convert::publish::Publication;
use dxer::model::{
    Channel, Citation, DocumentForm, DocumentKind, Duration, DurationUnit, FeeKind, FeeTier, LocalId, LocalizedText,
    Money, ProvidedBy, ProviderCode, Record, RequiredDocument,
};
use dxer::{parse_record, CodeLists, Options};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The internal export (every record, every field): these tests check the mapping and the exact round trip
/// of every fixture, whatever its status. `tests/publication.rs` checks the public export.
fn to_jsonld(record: &Record) -> Value {
    cpsv::to_jsonld(record, Publication::Internal).unwrap()
}

use common::{config, valid_fixture, VALID_FIXTURES};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every valid record shipped with the repository: the valid fixtures and the example records that
/// validate (some examples are defective on purpose).
fn valid_records() -> Vec<(String, Record)> {
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(repo().join("tests/fixtures/valid")).unwrap().flatten() {
        let input = entry.path().join("input.json");
        if input.is_file() {
            files.push(input);
        }
    }
    for entry in std::fs::read_dir(repo().join("examples/records")).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "json") {
            files.push(entry.path());
        }
    }
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(repo()).unwrap_or(&file).display().to_string();
        match parse_record(text.as_str(), &Options::default()) {
            Ok(valid) => out.push((name, valid.value)),
            Err(_) => assert!(!name.contains("fixtures/valid"), "{name} is a valid fixture but does not validate"),
        }
    }
    assert!(out.len() >= 10, "expected the valid fixtures and examples, found {}", out.len());
    out
}

fn losses(list: &[Loss]) -> Vec<(&str, &str)> {
    list.iter().map(|l| (l.pointer_or_path.as_str(), l.property.as_str())).collect()
}

/// The export without `dxer:record`: only the CPSV-AP triples and the small `dxer:` extensions remain.
fn strip_record(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let removed = doc["@graph"][0].as_object_mut().unwrap().remove("dxer:record");
    assert!(removed.is_some());
    doc
}

/// The export without anything of the `dxer:` namespace: the standard CPSV-AP triples only.
fn strip_extensions(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter().filter(|(k, _)| !k.starts_with("dxer:")).map(|(k, v)| (k.clone(), strip_extensions(v))).collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_extensions).collect()),
        other => other.clone(),
    }
}

fn pick(v: &Value, keys: &[&str]) -> Value {
    let mut out = Map::new();
    for k in keys {
        if let Some(x) = v.get(*k) {
            out.insert((*k).to_string(), x.clone());
        }
    }
    Value::Object(out)
}

/// Removes nulls, empty arrays and empty objects.
fn prune(v: Value) -> Option<Value> {
    match v {
        Value::Null => None,
        Value::Array(items) => {
            let items: Vec<Value> = items.into_iter().filter_map(prune).collect();
            (!items.is_empty()).then_some(Value::Array(items))
        }
        Value::Object(m) => {
            let m: Map<String, Value> = m.into_iter().filter_map(|(k, v)| prune(v).map(|v| (k, v))).collect();
            (!m.is_empty()).then_some(Value::Object(m))
        }
        other => Some(other),
    }
}

/// The fields of a record that CPSV-AP (with the documented `dxer:` extensions on its nodes) carries:
/// exactly what a draft imported from the triples alone must hold (docs/cpsv-ap-mapping.md).
fn mapped_fields(record: &Record) -> Value {
    let r = serde_json::to_value(record).unwrap();
    let g = &r["reglament"]["general"];
    let st = &r["reglament"]["standard"];
    let documents: Vec<Value> =
        st["documents"].as_array().unwrap().iter().map(|d| pick(d, &["id", "name", "kind", "note"])).collect();
    let mut contact = pick(&r["reglament"]["contact"], &["hotline", "email", "web"]);
    if !contact["web"].as_str().is_some_and(|w| w.starts_with("https://") || w.starts_with("http://")) {
        contact.as_object_mut().unwrap().remove("web");
    }
    let projection = json!({
        "status": r["status"],
        "service_area": r["service_area"],
        "directions": r["directions"],
        "creating_act": r["creating_act"],
        "reglament": {
            "general": pick(g, &["service_code", "name", "description", "legal_basis", "provider", "co_executors",
                                 "data_suppliers", "user_categories", "channels"]),
            "standard": {
                "documents": documents,
                "fees": st["fees"],
                "time_limit": st["time_limit"],
                "result": pick(&st["result"], &["kind", "name"]),
            },
            "contact": contact,
        }
    });
    prune(projection).unwrap()
}

#[test]
fn every_valid_record_round_trips_exactly_through_dxer_record() {
    for (name, record) in valid_records() {
        let doc = to_jsonld(&record);
        // Through JSON text, as a consumer would get it.
        let imported = from_jsonld_str(&serde_json::to_string(&doc).unwrap()).unwrap();
        assert!(imported.restored, "{name}");
        assert_eq!(imported.losses, Vec::<Loss>::new(), "{name}");
        assert_eq!(imported.record, serde_json::to_value(&record).unwrap(), "{name}");
        assert!(imported.report.ok, "{name}: {:?}", imported.report.codes());
        let again = parse_record(&imported.record, &Options::default()).unwrap().value;
        assert_eq!(again, record, "{name}");
    }
}

#[test]
fn the_cpsv_ap_triples_alone_keep_every_mapped_field() {
    for (name, record) in valid_records() {
        let imported = from_jsonld(&strip_record(&to_jsonld(&record)));
        assert!(!imported.restored, "{name}");
        assert_eq!(imported.losses, Vec::<Loss>::new(), "{name}");
        assert_eq!(imported.record, mapped_fields(&record), "{name}");
        // A draft: what CPSV-AP cannot carry is missing, and the report says so.
        assert!(!imported.report.ok, "{name}");
        assert!(imported.report.findings.iter().any(|f| f.pointer == "/record_id" && f.code == "DXER-S001"));
    }
}

#[test]
fn the_standard_triples_without_any_extension_keep_the_essentials() {
    for (name, record) in valid_records() {
        let imported = from_jsonld(&strip_extensions(&to_jsonld(&record)));
        let (r, g, st) = (&imported.record, &record.reglament.general, &record.reglament.standard);
        let general = &r["reglament"]["general"];
        assert_eq!(general["service_code"], g.service_code.as_str(), "{name}");
        assert_eq!(general["name"], serde_json::to_value(&g.name).unwrap(), "{name}");
        // Without `dxer:descriptionFromName`, a missing description reads as the name CPSV-AP required.
        let description = g.description.as_ref().unwrap_or(&g.name);
        assert_eq!(general["description"], serde_json::to_value(description).unwrap(), "{name}");
        assert_eq!(general["provider"], g.provider.as_str(), "{name}");
        assert_eq!(general["channels"], serde_json::to_value(&g.channels).unwrap(), "{name}");
        for (i, legal) in g.legal_basis.items().iter().enumerate() {
            let got = &general["legal_basis"][i];
            assert_eq!(got["title"], serde_json::to_value(&legal.title).unwrap(), "{name}");
            assert_eq!(got["type"], legal.act_type.code(), "{name}");
            assert_eq!(got["number"].as_str(), legal.number.as_deref(), "{name}");
        }
        for (i, doc) in st.documents.iter().enumerate() {
            let got = &r["reglament"]["standard"]["documents"][i];
            assert_eq!(got["id"], doc.id.as_str(), "{name}");
            assert_eq!(got["name"], serde_json::to_value(&doc.name).unwrap(), "{name}");
            assert_eq!(got["kind"], doc.kind.code(), "{name}");
        }
        let fees = &r["reglament"]["standard"]["fees"];
        assert_eq!(fees["free"], st.fees.stated().unwrap().free, "{name}");
        for (i, tier) in st.fee_tiers().iter().enumerate() {
            assert_eq!(fees["tiers"][i]["amount"], tier.amount.to_string(), "{name}");
            assert_eq!(fees["tiers"][i]["id"], tier.id.as_str(), "{name}");
        }
        let result = st.result.stated().unwrap();
        assert_eq!(r["reglament"]["standard"]["result"]["name"], serde_json::to_value(&result.name).unwrap());
        // Only the estimate survives: working days come back as the calendar days written.
        let approx = parse_processing_time(&processing_time(st.time_limit.get().unwrap())).unwrap();
        assert_eq!(r["reglament"]["standard"]["time_limit"], serde_json::to_value(approx).unwrap(), "{name}");
        // Nodes reached only through the extension (fee legal bases, the creating act...) are reported.
        // So is the entry into force of a creating act that is also a legal basis: without
        // `dxer:creatingAct` nothing says which act created the service.
        for loss in &imported.losses {
            match loss.property.as_str() {
                "@id" => assert!(loss.reason.contains("not linked from the public service"), "{name}: {loss:?}"),
                "eli:first_date_entry_in_force" => {}
                _ => panic!("{name}: {loss:?}"),
            }
        }
    }
}

#[test]
fn exports_reference_the_official_context_and_type_every_code_value() {
    for (name, record) in valid_records() {
        let doc = to_jsonld(&record);
        assert_eq!(doc["@context"][0], CONTEXT_URL, "{name}");
        assert_eq!(doc["@context"][1]["dxer"], DXER_NS, "{name}");
        let graph = doc["@graph"].as_array().unwrap();
        let typed = |iri: &str, ty: &str| {
            graph.iter().any(|n| {
                n["@id"] == iri && (n["@type"] == ty || n["@type"].as_array().is_some_and(|ts| ts.contains(&json!(ty))))
            })
        };
        // Every reference into a code list, to AZN or to Azerbaijan points to a typed node.
        let mut refs = Vec::new();
        collect_refs(&doc["@graph"], &mut refs);
        for iri in refs {
            let is_concept = iri.strip_prefix(CODELIST_BASE).is_some_and(|rest| rest.contains('/'));
            if is_concept || iri == AZN {
                assert!(typed(&iri, "Concept"), "{name}: {iri} is not typed skos:Concept");
            } else if iri == AZERBAIJAN {
                assert!(typed(&iri, "Location"), "{name}: {iri} is not typed dct:Location");
            }
        }
        let service = &graph[0];
        assert_eq!(service["@type"], "PublicService");
        let limit = record.reglament.standard.time_limit.get().unwrap();
        assert_eq!(service["cv:processingTime"]["@value"], processing_time(limit));
        assert_eq!(service["dxer:timeLimit"]["dxer:value"], limit.value);
        assert_eq!(service["dxer:timeLimit"]["dxer:unit"], limit.unit.code());
        assert_eq!(service["dxer:record"]["@type"], "@json");
        for tier in record.reglament.standard.fee_tiers() {
            let cost = graph.iter().find(|n| n["@type"] == "Cost" && n["dct:identifier"] == tier.id.as_str()).unwrap();
            assert_eq!(cost["cv:hasValue"], json!({"@value": tier.amount.to_string(), "@type": "xsd:double"}));
        }
    }
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(id)), 1) = (m.get("@id"), m.len()) {
                out.push(id.clone());
            }
            m.values().for_each(|x| collect_refs(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| collect_refs(x, out)),
        _ => {}
    }
}

#[test]
fn working_days_are_estimated_in_calendar_days_and_kept_exactly() {
    let record = valid_fixture("identity-card");
    assert_eq!(record.reglament.standard.time_limit, Duration::new(10, DurationUnit::WorkingDays).into());
    let doc = to_jsonld(&record);
    assert_eq!(doc["@graph"][0]["cv:processingTime"], json!({"@value": "P14D", "@type": "xsd:duration"}));
    assert_eq!(
        doc["@graph"][0]["dxer:timeLimit"],
        json!({"@type": "dxer:Duration", "dxer:value": 10, "dxer:unit": "working_days"})
    );
}

#[test]
fn the_official_example_imports_with_an_exact_loss_report() {
    let path = repo().join("tests/vendor/cpsv-ap-3.2.0/example-rdf_public_service.jsonld");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (vendored in tests/vendor/cpsv-ap-3.2.0)", path.display()));
    let imported = from_jsonld_str(&text).unwrap();
    assert!(!imported.restored);
    assert_eq!(
        losses(&imported.losses),
        [
            ("/@graph/0/cv:hasChannel", "cv:hasChannel"),
            ("/@graph/0/cv:hasCompetentAuthority", "cv:hasCompetentAuthority"),
            ("/@graph/0/cv:hasInputType", "cv:hasInputType"),
            ("/@graph/0/dct:description", "dct:description"),
            ("/@graph/2/dct:identifier", "dct:identifier"),
            ("/@graph/2/dct:title", "dct:title"),
            ("/@graph/2/dct:type", "dct:type"),
            ("/@graph/3/dct:conformsTo", "dct:conformsTo"),
            ("/@graph/3/dct:description", "dct:description"),
            ("/@graph/3/dct:title", "dct:title"),
            ("/@graph/6/cv:openingHours", "cv:openingHours"),
            ("/@graph/6/cv:specialOpeningHoursSpecification", "cv:specialOpeningHoursSpecification"),
        ]
    );
    let reason = |pointer: &str| imported.losses.iter().find(|l| l.pointer_or_path == pointer).unwrap().reason.clone();
    assert!(reason("/@graph/0/dct:description").contains("\"fr\""));
    assert!(reason("/@graph/0/cv:hasCompetentAuthority").contains("provider code list"));
    assert!(reason("/@graph/0/cv:hasChannel").contains("channel"));
    assert_eq!(
        imported.record,
        json!({"reglament": {
            "general": {"service_code": "Tax-on-web", "name": {"en": "Tax-on-web"}},
            "standard": {"documents": [{"id": "evi-123"}]},
            "contact": {"hotline": "+32 257 25757"},
        }})
    );
    // The draft's report says what is missing.
    let report = &imported.report;
    assert!(!report.ok);
    for (pointer, code) in [
        ("/reglament/general/name/az", "DXER-S001"),
        ("/reglament/general/provider", "DXER-S001"),
        ("/reglament/general/service_code", "DXER-S005"),
        ("/reglament/standard/documents/0/name", "DXER-S001"),
    ] {
        assert!(report.findings.iter().any(|f| f.pointer == pointer && f.code == code), "{pointer} {code}");
    }
}

#[test]
fn a_foreign_document_with_its_own_context_is_read() {
    let en = CodeLists::built_in().provider("EN").unwrap().label.az.clone();
    let doc = json!({
        "@context": {
            "@vocab": "http://data.europa.eu/m8g/",
            "dct": "http://purl.org/dc/terms/",
            "name": {"@id": "dct:title", "@container": "@language"}
        },
        "@graph": [{
            "@id": "urn:service", "@type": "http://purl.org/vocab/cpsv#PublicService",
            "dct:identifier": "DX-000777",
            "name": {"az": "Arayışın verilməsi", "en": "Issue of a certificate", "de": "Bescheinigung"},
            "hasCompetentAuthority": {"@id": "urn:org", "@type": "PublicOrganisation",
                "http://www.w3.org/2004/02/skos/core#prefLabel": {"@value": en, "@language": "az"}},
            "hasCost": [
                {"@id": "urn:c1", "dct:identifier": "standard", "hasValue": 12.5, "currency": {"@id": AZN}},
                {"@id": "urn:c2", "dct:identifier": "abroad", "hasValue": "3", "currency": {"@id": "http://publications.europa.eu/resource/authority/currency/USD"}}
            ],
            "processingTime": {"@value": "P1Y6M", "@type": "http://www.w3.org/2001/XMLSchema#duration"},
            "hasChannel": {"dct:type": {"@id": format!("{CODELIST_BASE}channels/post")}},
            "hasLegalResource": {"@id": "http://data.europa.eu/eli/az/law/2025/279"}
        }, {"@id": "urn:unrelated", "dct:title": {"@value": "x", "@language": "en"}}]
    });
    let imported = from_jsonld(&doc);
    assert_eq!(
        imported.record,
        json!({"reglament": {
            "general": {"service_code": "DX-000777", "name": {"az": "Arayışın verilməsi", "en": "Issue of a certificate"},
                        "provider": "EN", "channels": ["post"]},
            "standard": {"fees": {"free": false, "tiers": [{"id": "standard", "amount": "12.50"}]},
                         "time_limit": {"value": 18, "unit": "months"}},
        }})
    );
    assert_eq!(
        losses(&imported.losses),
        [
            ("/@graph/0/hasCost/1", "hasCost"),
            ("/@graph/0/hasLegalResource", "hasLegalResource"),
            ("/@graph/0/name/de", "name"),
            ("/@graph/1", "@id"),
        ]
    );
    assert!(imported.losses[0].reason.contains("USD"));
    assert!(imported.losses[1].reason.contains("title"));
}

#[test]
fn a_restored_record_reports_triples_that_disagree_with_it() {
    let record = valid_fixture("identity-card");
    let mut doc = to_jsonld(&record);
    doc["@graph"][0]["dct:title"][1]["@value"] = json!("Edited in a CPSV-AP editor");
    doc["@graph"][0]["cv:processingTime"]["@value"] = json!("P20D");
    let imported = from_jsonld(&doc);
    assert!(imported.restored);
    assert_eq!(imported.record, serde_json::to_value(&record).unwrap());
    assert_eq!(
        losses(&imported.losses),
        [("/@graph/0/cv:processingTime", "cv:processingTime"), ("/@graph/0/dct:title/1", "dct:title")]
    );
    assert!(imported.losses[1].reason.contains("/reglament/general/name/en"));
    assert!(imported.losses[0].reason.contains("dxer:timeLimit"));
}

#[test]
fn hostile_input_gives_located_losses_never_a_panic() {
    let cases = [
        json!(42),
        json!("not JSON-LD"),
        json!(null),
        json!([1, "x", {"@id": "a"}]),
        json!({}),
        json!({"@graph": 5}),
        json!({"@context": 5, "@graph": [true]}),
        json!({"@context": ["https://example.org/ctx.jsonld"], "@type": {"x": 1}, "@id": [1]}),
        json!({
            "@type": "http://purl.org/vocab/cpsv#PublicService", "@id": 7,
            "http://purl.org/dc/terms/identifier": {"@id": "x"},
            "http://purl.org/dc/terms/title": [5, true, {"@value": {"a": 1}}, {"@value": "t"}],
            "http://data.europa.eu/m8g/hasCost": ["missing", {"http://data.europa.eu/m8g/hasValue": {"a": 1}}],
            "http://data.europa.eu/m8g/processingTime": "three days",
            "http://data.europa.eu/m8g/hasChannel": [[[{"@list": [1]}]]],
            "https://dxer.az/ns#record": "{not json",
            "@reverse": {"x": 1},
        }),
    ];
    for case in &cases {
        let imported = from_jsonld(case);
        assert!(!imported.losses.is_empty(), "{case}");
        assert!(!imported.report.ok, "{case}");
        for loss in &imported.losses {
            assert!(
                loss.pointer_or_path.is_empty() || case.pointer(&loss.pointer_or_path).is_some(),
                "{case}: {loss:?}"
            );
        }
    }
    let service = from_jsonld(&cases[8]);
    let lost = losses(&service.losses);
    for expected in [
        ("/@id", "@id"),
        ("/@reverse", "@reverse"),
        ("/http:~1~1purl.org~1dc~1terms~1identifier", "http://purl.org/dc/terms/identifier"),
        ("/http:~1~1data.europa.eu~1m8g~1processingTime", "http://data.europa.eu/m8g/processingTime"),
        ("/https:~1~1dxer.az~1ns#record", "https://dxer.az/ns#record"),
    ] {
        assert!(lost.contains(&expected), "{expected:?} not in {lost:?}");
    }

    // Huge documents stop at the limits, with a located loss.
    let many: Vec<Value> = (0..25_000).map(|i| json!({"@id": format!("urn:n{i}")})).collect();
    let imported = from_jsonld(&json!({"@graph": many}));
    assert!(imported.losses.iter().any(|l| l.pointer_or_path == "/@graph/20000" && l.reason.contains("limit")));
    let titles: Vec<Value> = (0..12_000).map(|i| json!({"@value": format!("t{i}"), "@language": "az"})).collect();
    let imported = from_jsonld(&json!({"@type": "http://purl.org/vocab/cpsv#PublicService",
                                       "http://purl.org/dc/terms/title": titles}));
    assert!(imported.losses.iter().any(|l| l.reason.contains("limit of 10000")));
    // A service linking thousands of nodes, some in cycles nobody links to, is read in reasonable time.
    let mut graph: Vec<Value> = vec![json!({
        "@id": "urn:s", "@type": "http://purl.org/vocab/cpsv#PublicService",
        "http://purl.org/vocab/cpsv#hasInput": (0..9_000).map(|i| json!({"@id": format!("urn:e{i}")})).collect::<Vec<_>>(),
    })];
    for i in 0..9_000 {
        graph.push(json!({"@id": format!("urn:e{i}"), "http://purl.org/dc/terms/identifier": format!("e{i}")}));
    }
    for i in 0..2_000 {
        graph.push(json!({"@id": format!("urn:c{i}"), "http://example.org/next": {"@id": format!("urn:c{}", i ^ 1)}}));
    }
    let started = std::time::Instant::now();
    let imported = from_jsonld(&json!({"@graph": graph}));
    assert_eq!(imported.record["reglament"]["standard"]["documents"].as_array().unwrap().len(), 9_000);
    assert_eq!(imported.losses.len(), 1_000, "one loss per unlinked cycle");
    assert!(started.elapsed().as_secs() < 60);

    // Deep nesting in a mapped property is reported where it stops being read...
    let mut deep = json!({"@value": "t", "@language": "az"});
    for _ in 0..200 {
        deep = json!([deep]);
    }
    let imported = from_jsonld(
        &json!({"@type": "http://purl.org/vocab/cpsv#PublicService", "http://purl.org/dc/terms/title": deep}),
    );
    let loss = imported.losses.iter().find(|l| l.reason.contains("nested deeper than 64")).unwrap();
    assert!(loss.pointer_or_path.starts_with("/http:~1~1purl.org~1dc~1terms~1title/0/0/0/"));
    // ...and under a property with no place in a record, that property's one loss covers it all.
    let mut deep = json!({"@id": "urn:bottom"});
    for _ in 0..200 {
        deep = json!({"http://example.org/p": deep});
    }
    let imported =
        from_jsonld(&json!({"@type": "http://purl.org/vocab/cpsv#PublicService", "http://example.org/p": deep}));
    assert_eq!(losses(&imported.losses), [("/http:~1~1example.org~1p", "http://example.org/p")]);
}

#[test]
fn text_that_is_not_json_is_refused_with_a_located_finding() {
    for bad in ["", "{", "{\"@graph\": [,]}", "not json", "[1, 2"] {
        let report = from_jsonld_str(bad).unwrap_err();
        assert_eq!(report.findings[0].code, "DXER-J001", "{bad:?}");
        assert!(report.findings[0].message.en.contains("line"), "{bad:?}");
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(from_jsonld_str(&deep).is_err());
}

#[test]
fn an_invalid_record_is_refused_before_conversion() {
    let mut record = serde_json::to_value(valid_fixture("identity-card")).unwrap();
    record["reglament"]["standard"]["fees"]["tiers"][0]["amount"] = json!("0");
    let refused = parse_record(&record.to_string(), &Options::default()).unwrap_err();
    assert!(refused
        .findings
        .iter()
        .any(|f| f.code == "DXER-F003" && f.pointer == "/reglament/standard/fees/tiers/0/amount"));
}

/// A variation of a fixture: names, provider, documents, fee tiers, channels and time limit.
#[derive(Debug, Clone)]
struct Variation {
    fixture: usize,
    name: (String, Option<String>, Option<String>),
    description: Option<(String, Option<String>)>,
    provider: String,
    documents: Vec<(String, usize, Option<String>)>,
    tiers: Vec<TierVariation>,
    channels: Vec<usize>,
    time_limit: (u32, usize),
}

/// Amount in qəpik, label, time limit (value, index in `UNITS`), whether it has a legal basis.
type TierVariation = (u64, Option<String>, Option<(u32, usize)>, bool);

const UNITS: [DurationUnit; 4] =
    [DurationUnit::WorkingDays, DurationUnit::CalendarDays, DurationUnit::Hours, DurationUnit::Months];

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zƏəĞğİıÖöŞşÜüÇç0-9 ,.()'\"/\\\\-]{1,40}"
}

fn variation() -> impl Strategy<Value = Variation> {
    let providers: Vec<String> = CodeLists::built_in()
        .providers()
        .filter(|p| p.status == dxer::codelists::ProviderStatus::Active)
        .map(|p| p.code.clone())
        .take(12)
        .collect();
    (
        0..VALID_FIXTURES.len(),
        (text(), proptest::option::of(text()), proptest::option::of("[А-Яа-я ]{1,30}")),
        proptest::option::of((text(), proptest::option::of(text()))),
        proptest::sample::select(providers),
        proptest::collection::vec((text(), 0..DocumentKind::ALL.len(), proptest::option::of(text())), 0..6),
        proptest::collection::vec(
            (
                1u64..100_000_000,
                proptest::option::of(text()),
                proptest::option::of((1u32..400, 0..UNITS.len())),
                any::<bool>(),
            ),
            0..5,
        ),
        proptest::collection::vec(0..Channel::ALL.len(), 1..5),
        (1u32..500, 0..UNITS.len()),
    )
        .prop_map(|(fixture, name, description, provider, documents, tiers, channels, time_limit)| Variation {
            fixture,
            name,
            description,
            provider,
            documents,
            tiers,
            channels,
            time_limit,
        })
}

fn apply(v: &Variation) -> Record {
    let mut record = valid_fixture(VALID_FIXTURES[v.fixture]);
    let g = &mut record.reglament.general;
    g.name = LocalizedText { az: v.name.0.clone(), en: v.name.1.clone(), ru: v.name.2.clone() };
    g.description = v.description.clone().map(|(az, en)| LocalizedText { az, en, ru: None });
    g.provider = ProviderCode::new(v.provider.clone()).unwrap();
    let mut channels: Vec<Channel> = v.channels.iter().map(|&i| Channel::ALL[i]).collect();
    channels.dedup();
    g.channels = channels.into();
    let legal: Citation = g.legal_basis.items()[0].clone().into();
    let st = &mut record.reglament.standard;
    st.documents = v
        .documents
        .iter()
        .enumerate()
        .map(|(i, (name, kind, note))| RequiredDocument {
            id: LocalId::new(format!("doc-{i}")).unwrap(),
            name: LocalizedText::az(name.clone()),
            kind: DocumentKind::ALL[*kind],
            form: DocumentForm::Copy.into(),
            channel_forms: Vec::new(),
            one_of: None,
            count: 1,
            provided_by: ProvidedBy::User,
            source: None,
            note: note.clone().map(|n| LocalizedText { az: n.clone(), en: Some(n), ru: None }),
        })
        .collect();
    let fees = st.fees.stated_mut().unwrap();
    fees.free = v.tiers.is_empty();
    fees.tiers = v
        .tiers
        .iter()
        .enumerate()
        .map(|(i, (qepik, label, time_limit, with_basis))| FeeTier {
            id: LocalId::new(format!("tier-{i}")).unwrap(),
            label: label.clone().map(LocalizedText::az),
            amount: Money::from_qepik(*qepik),
            kind: if i % 2 == 0 { FeeKind::StateDuty } else { FeeKind::ServiceCharge },
            legal_basis: if *with_basis { vec![legal.clone()] } else { Vec::new() },
            per_unit: None,
            components: Vec::new(),
            condition: None,
            time_limit: time_limit.map(|(n, u)| Duration::new(n, UNITS[u])),
        })
        .collect();
    st.time_limit = Duration::new(v.time_limit.0, UNITS[v.time_limit.1]).into();
    record
}

/// With `DXER_CPSV_DUMP=DIR` (relative to the repository root), the generated exports are also written to
/// `DIR/variation-N.jsonld`, for `tests/shacl/check.py` to validate them against the official shapes.
fn dump(doc: &Value) {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if let Some(dir) = std::env::var_os("DXER_CPSV_DUMP") {
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = repo().join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("variation-{n}.jsonld"));
        std::fs::write(path, serde_json::to_string_pretty(doc).unwrap()).unwrap();
    }
}

proptest! {
    #![proptest_config(config(64, 0x00D0_0E5A_2026))]

    #[test]
    fn generated_variations_round_trip(v in variation()) {
        let record = apply(&v);
        let doc = to_jsonld(&record);
        dump(&doc);
        let full = from_jsonld(&doc);
        prop_assert!(full.restored);
        prop_assert_eq!(&full.losses, &Vec::<Loss>::new());
        prop_assert_eq!(&full.record, &serde_json::to_value(&record).unwrap());
        let triples = from_jsonld(&strip_record(&doc));
        prop_assert_eq!(&triples.losses, &Vec::<Loss>::new());
        prop_assert_eq!(&triples.record, &mapped_fields(&record));
    }
}

#[test]
fn the_mapping_document_names_every_extension_property() {
    let doc = std::fs::read_to_string(repo().join("docs/cpsv-ap-mapping.md")).unwrap();
    let mut names = std::collections::BTreeSet::new();
    for (_, record) in valid_records() {
        collect_extension_keys(&to_jsonld(&record), &mut names);
    }
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        assert!(doc.contains(&format!("`{name}`")), "docs/cpsv-ap-mapping.md does not document `{name}`");
    }
    assert!(Path::new(&repo().join("tests/shacl/check.py")).is_file());
    let _ = cpsv::PROVIDER_BASE;
}

fn collect_extension_keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k.starts_with("dxer:") {
                    out.insert(k.clone());
                }
                if k == "@type" && x.as_str().is_some_and(|t| t.starts_with("dxer:")) {
                    out.insert(x.as_str().unwrap().to_string());
                }
                if k != "@value" {
                    collect_extension_keys(x, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| collect_extension_keys(x, out)),
        _ => {}
    }
}
