//! schema.org `GovernmentService` JSON-LD for the service's web page (domain brief §10).
//!
//! | schema.org | from the record |
//! |---|---|
//! | `name`, `alternateName`, `description` | general name (other languages as alternate names), description |
//! | `identifier` | DXER service code and record id (`PropertyValue`s) |
//! | `provider` | provider as a `GovernmentOrganization` (name from the provider code list) |
//! | `serviceOperator` | co-executors |
//! | `serviceType`, `category` | service type label; service area (and sub-area) label |
//! | `areaServed`, `jurisdiction` | Azerbaijan |
//! | `audience` | one `Audience` per user category |
//! | `availableChannel` | one `ServiceChannel` per channel; `serviceUrl` (the e-form) for the e-gov portal, `servicePhone` (the hotline) for the call centre and the provider's office |
//! | `offers` | one `Offer` per fee tier (`price` a decimal string, `priceCurrency` `AZN`); a free service has one `Offer` with price `"0"` |
//! | `isBasedOn` | legal basis, each a `Legislation` |
//! | `serviceOutput` | the result |
//! | `isRelatedTo` | component services of a composite service |
//! | `url`, `inLanguage` | the contact web page; the language of the texts |
//!
//! Nothing of the submission, the review or the history is mapped. What is exported is the
//! [`crate::convert::publish`] policy's: in [`Publication::Public`] mode only a registered or amended
//! `open_data` record (any other is refused with the reason); [`Publication::Internal`] exports any.
//!
//! ```
//! use dxer::convert::publish::Publication;
//! use dxer::convert::schema_org::{script_tag, to_jsonld};
//! use dxer::model::RecordStatus;
//! use dxer::{parse_record, Options};
//!
//! // Exports take typed records: JSON text goes through `parse_record`, which refuses an invalid record.
//! let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
//! let mut record = parse_record(text.as_str(), &Options::default()).unwrap().value;
//! assert!(to_jsonld(&record, Publication::Public).is_err()); // submitted, not registered yet
//! record.status = RecordStatus::Registered;
//!
//! let ld = to_jsonld(&record, Publication::Public).unwrap();
//! assert_eq!(ld["@context"], "https://schema.org");
//! assert_eq!(ld["@type"], "GovernmentService");
//! assert_eq!(ld["offers"][0]["priceCurrency"], "AZN");
//! assert!(script_tag(&ld).starts_with("<script type=\"application/ld+json\">"));
//! ```

use serde_json::{json, Map, Value};

use crate::codelists::CodeLists;
use crate::convert::publish::{Publication, Withheld};
use crate::model::{Channel, Duration, FeeTier, LegalActType, LegalRef, LocalizedText, Money, ProviderCode, Record};

use super::render::{duration_text, money_text};

/// The `GovernmentService` JSON-LD of the record, with texts in Azerbaijani (the official language); a
/// record `publication` does not export is refused with the reason.
pub fn to_jsonld(record: &Record, publication: Publication) -> Result<Value, Withheld> {
    to_jsonld_in(record, "az", &CodeLists::built_in(), publication)
}

fn lang_of(lang: &str) -> &'static str {
    match lang {
        "en" => "en",
        "ru" => "ru",
        _ => "az",
    }
}

fn put(map: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = match &value {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::String(s) => s.is_empty(),
        _ => false,
    };
    if !empty {
        map.insert(key.to_string(), value);
    }
}

struct Ctx<'a> {
    lang: &'static str,
    lists: &'a CodeLists,
}

impl Ctx<'_> {
    fn text(&self, t: &LocalizedText) -> Value {
        Value::String(t.get(self.lang).to_string())
    }

    fn label(&self, list: &str, code: &str) -> String {
        self.lists.label(list, code).map(|l| l.get(self.lang).to_string()).unwrap_or_else(|| code.to_string())
    }

    fn organization(&self, code: &ProviderCode) -> Value {
        let mut org = Map::new();
        org.insert("@type".into(), "GovernmentOrganization".into());
        match self.lists.provider(code.as_str()) {
            Some(p) => {
                org.insert("name".into(), p.label.get(self.lang).into());
                put(&mut org, "taxID", p.voen.clone().map(Value::String).unwrap_or(Value::Null));
            }
            None => {
                org.insert("name".into(), code.as_str().into());
            }
        }
        org.insert("identifier".into(), code.as_str().into());
        Value::Object(org)
    }

    fn legislation(&self, r: &LegalRef) -> Value {
        let mut l = Map::new();
        l.insert("@type".into(), "Legislation".into());
        l.insert("name".into(), self.text(&r.title));
        l.insert("legislationType".into(), self.label("legal-act-types", r.act_type.code()).into());
        put(&mut l, "legislationIdentifier", r.number.clone().map(Value::String).unwrap_or(Value::Null));
        put(&mut l, "legislationDate", r.date.map(|d| Value::String(d.to_string())).unwrap_or(Value::Null));
        if r.act_type != LegalActType::InternationalTreaty {
            l.insert("legislationJurisdiction".into(), "AZ".into());
        }
        if !r.articles.is_empty() {
            l.insert("description".into(), r.articles.join(", ").into());
        }
        Value::Object(l)
    }

    fn country(&self, kind: &str) -> Value {
        let name = match self.lang {
            "en" => "Azerbaijan",
            "ru" => "Азербайджан",
            _ => "Azərbaycan",
        };
        json!({"@type": kind, "name": name, "identifier": "AZ"})
    }
}

/// The `GovernmentService` JSON-LD with texts and labels in `lang` (`"az"`, `"en"`, `"ru"`; anything else
/// gives `"az"`; a text without that translation is given in Azerbaijani) and the given code lists; a
/// record `publication` does not export is refused with the reason.
pub fn to_jsonld_in(
    record: &Record,
    lang: &str,
    lists: &CodeLists,
    publication: Publication,
) -> Result<Value, Withheld> {
    publication.check(record)?;
    let cx = Ctx { lang: lang_of(lang), lists };
    let reg = &record.reglament;
    let g = &reg.general;
    let mut ld = Map::new();
    ld.insert("@context".into(), "https://schema.org".into());
    ld.insert("@type".into(), "GovernmentService".into());
    ld.insert(
        "identifier".into(),
        json!([
            {"@type": "PropertyValue", "propertyID": "DXER service code", "value": g.service_code.as_str()},
            {"@type": "PropertyValue", "propertyID": "DXER record id", "value": record.record_id.as_str()},
        ]),
    );
    ld.insert("name".into(), cx.text(&g.name));
    let alternates: Vec<Value> = [("az", Some(&g.name.az)), ("en", g.name.en.as_ref()), ("ru", g.name.ru.as_ref())]
        .into_iter()
        .filter_map(|(code, t)| t.filter(|t| code != cx.lang && **t != g.name.get(cx.lang)).cloned())
        .map(Value::String)
        .collect();
    put(&mut ld, "alternateName", Value::Array(alternates));
    put(&mut ld, "description", g.description.as_ref().map(|d| cx.text(d)).unwrap_or(Value::Null));
    ld.insert("inLanguage".into(), cx.lang.into());
    // Only a web address is published (`DXER-U001` refuses any other; a registry may still hold such a record).
    let web = reg.contact.web.clone().filter(|w| crate::text::is_web_url(w));
    put(&mut ld, "url", web.map(Value::String).unwrap_or(Value::Null));
    ld.insert("provider".into(), cx.organization(&g.provider));
    put(&mut ld, "serviceOperator", Value::Array(g.co_executors.iter().map(|c| cx.organization(c)).collect()));
    ld.insert("serviceType".into(), cx.label("service-types", g.service_type.code()).into());
    let mut category = vec![Value::String(
        lists
            .service_area(&record.service_area.area)
            .map(|a| a.label.get(cx.lang).to_string())
            .unwrap_or_else(|| record.service_area.area.clone()),
    )];
    if let Some(sub) = &record.service_area.sub_area {
        category.push(Value::String(
            lists.service_area(sub).map(|a| a.label.get(cx.lang).to_string()).unwrap_or_else(|| sub.clone()),
        ));
    }
    ld.insert("category".into(), Value::Array(category));
    ld.insert("areaServed".into(), cx.country("Country"));
    ld.insert("jurisdiction".into(), cx.country("AdministrativeArea"));
    ld.insert(
        "audience".into(),
        g.user_categories
            .items()
            .iter()
            .map(|u| json!({"@type": "Audience", "audienceType": cx.label("user-categories", u.code())}))
            .collect(),
    );

    let e_form = record
        .eservice
        .as_ref()
        .and_then(|e| e.e_form_url.clone())
        .filter(|u| crate::text::is_web_url(u))
        .or_else(|| reg.standard.application_form.as_ref().and_then(|f| f.e_form_url.clone()))
        .filter(|u| crate::text::is_web_url(u));
    let phone = reg.contact.hotline.as_ref().map(|h| json!({"@type": "ContactPoint", "telephone": h}));
    let channels: Vec<Value> = g
        .channels
        .items()
        .iter()
        .map(|c| {
            let mut ch = Map::new();
            ch.insert("@type".into(), "ServiceChannel".into());
            ch.insert("name".into(), cx.label("channels", c.code()).into());
            match c {
                Channel::EgovPortal => {
                    put(&mut ch, "serviceUrl", e_form.clone().map(Value::String).unwrap_or(Value::Null))
                }
                Channel::CallCentre | Channel::ProviderOffice => {
                    put(&mut ch, "servicePhone", phone.clone().unwrap_or(Value::Null))
                }
                _ => {}
            }
            Value::Object(ch)
        })
        .collect();
    ld.insert("availableChannel".into(), Value::Array(channels));

    // Fees the source does not state give no offer at all (an empty offer would say "free").
    let offers: Vec<Value> = match reg.standard.fees.stated() {
        None => Vec::new(),
        Some(fees) if fees.tiers.is_empty() => {
            let free = match cx.lang {
                "en" => "Free of charge",
                "ru" => "Бесплатно",
                _ => "Ödənişsiz",
            };
            vec![json!({"@type": "Offer", "name": free, "price": "0", "priceCurrency": "AZN"})]
        }
        Some(fees) => fees.tiers.iter().map(|t| offer(&cx, t, reg.standard.time_limit.stated())).collect(),
    };
    ld.insert("offers".into(), Value::Array(offers));
    ld.insert("isBasedOn".into(), g.legal_basis.items().iter().map(|r| cx.legislation(r)).collect());
    if let Some(result) = reg.standard.result.stated() {
        ld.insert(
            "serviceOutput".into(),
            json!({"@type": "Thing", "name": cx.text(&result.name), "description": cx.label("result-kinds", result.kind.code())}),
        );
    }
    put(
        &mut ld,
        "isRelatedTo",
        g.components.iter().map(|c| json!({"@type": "GovernmentService", "identifier": c.as_str()})).collect(),
    );
    Ok(Value::Object(ld))
}

/// The JSON-LD as a `<script type="application/ld+json">` element to put in a page's `<head>`.
///
/// `<`, `>` and `&` inside strings are written as `\u003c`, `\u003e`, `\u0026` (and U+2028/U+2029 as
/// escapes), so no text of the record can close the script element: the JSON is unchanged for a parser.
///
/// ```
/// let tag = dxer::convert::schema_org::script_tag(&serde_json::json!({"name": "</script><b>"}));
/// assert_eq!(tag, "<script type=\"application/ld+json\">{\"name\":\"\\u003c/script\\u003e\\u003cb\\u003e\"}</script>");
/// ```
pub fn script_tag(jsonld: &Value) -> String {
    let json = serde_json::to_string(jsonld).unwrap_or_default();
    let mut out = String::with_capacity(json.len() + 48);
    out.push_str("<script type=\"application/ld+json\">");
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push_str("</script>");
    out
}

/// One fee tier as an `Offer`: `price` is its fixed price (its own amount and its unconditional
/// components); with components, amounts per unit or conditions, a `CompoundPriceSpecification` lists
/// every payment as a `UnitPriceSpecification` (per unit with its `referenceQuantity`).
fn offer(cx: &Ctx<'_>, t: &FeeTier, service_limit: Option<&Duration>) -> Value {
    let mut o = Map::new();
    o.insert("@type".into(), "Offer".into());
    o.insert("identifier".into(), t.id.as_str().into());
    o.insert(
        "name".into(),
        t.label.as_ref().map(|l| cx.text(l)).unwrap_or_else(|| cx.label("fee-kinds", t.kind.code()).into()),
    );
    let fixed = t
        .components
        .iter()
        .filter(|c| c.condition.is_none())
        .fold(t.amount.qepik(), |sum, c| sum.saturating_add(c.amount.qepik()));
    let price = Money::from_qepik(fixed);
    o.insert("price".into(), price.to_string().into());
    o.insert("priceCurrency".into(), "AZN".into());
    o.insert("category".into(), cx.label("fee-kinds", t.kind.code()).into());
    if !t.components.is_empty() || t.per_unit.is_some() || t.condition.is_some() {
        let parts: Vec<Value> = t
            .payments()
            .flat_map(|p| {
                let name = cx.label("fee-kinds", p.kind.code());
                let mut fixed = json!({"@type": "UnitPriceSpecification", "name": name, "price": p.amount.to_string(), "priceCurrency": "AZN"});
                if let Some(c) = p.condition.and_then(|c| c.text.as_ref()) {
                    fixed["eligibleQuantity"] = json!({"@type": "QuantitativeValue", "description": cx.text(c)});
                }
                let per_unit = p.per_unit.map(|u| {
                    json!({
                        "@type": "UnitPriceSpecification",
                        "name": name,
                        "price": u.amount.to_string(),
                        "priceCurrency": "AZN",
                        "referenceQuantity": {"@type": "QuantitativeValue", "value": 1, "unitText": cx.label("fee-units", u.unit.code())}
                    })
                });
                std::iter::once(fixed).chain(per_unit)
            })
            .collect();
        o.insert("priceSpecification".into(), json!({"@type": "CompoundPriceSpecification", "priceComponent": parts}));
    }
    if let Some(limit) = t.time_limit.as_ref().or(service_limit) {
        o.insert("description".into(), format!("{}, {}", money_text(price), duration_text(limit, cx.lang)).into());
    } else {
        o.insert("description".into(), money_text(price).into());
    }
    Value::Object(o)
}
