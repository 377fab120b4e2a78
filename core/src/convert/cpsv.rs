//! CPSV-AP 3.2.0 (the EU Core Public Service Vocabulary Application Profile) as JSON-LD, both ways
//! (domain brief §10; the mapping table is `docs/cpsv-ap-mapping.md`).
//!
//! - [`to_jsonld`] exports a typed [`Record`] as a CPSV-AP 3.2.0 JSON-LD document that conforms to the
//!   official SHACL shapes: a `cpsv:PublicService` with its competent authority, legal resources,
//!   evidence, requirements, costs, channels, output, processing time, contact point, status, thematic
//!   areas and audience. Code values are IRIs typed `skos:Concept` (so the shapes' closed-world
//!   `sh:class` checks hold). What CPSV-AP has no place for is kept, never dropped: the export carries the
//!   record in `dxer:record` (an `rdf:JSON` literal), plus a few documented `dxer:` extension properties
//!   on the CPSV-AP nodes (the exact `{value, unit}` of time limits, the legal basis and kind of fees,
//!   ...). What is exported is the [`crate::convert::publish`] policy's: by default only a registered or
//!   amended `open_data` record, and `dxer:record` holds only its public fields (no signer, e-signature
//!   reference, review or history); [`Publication::Internal`] exports any record, complete.
//! - [`from_jsonld`] reads CPSV-AP 3.x JSON-LD (ours or anyone's) back into a **draft** record in the
//!   DXER shape, with every input property it could not map listed as a [`Loss`] at its JSON Pointer, and
//!   the draft's validation [`Report`](crate::Report). When the input carries `dxer:record`, the record
//!   is restored exactly (lossless round trip of an internal export) and the CPSV-AP triples are checked
//!   against it.
//!
//! Only valid records should be exported: go through [`crate::parse_record`], which refuses an invalid
//! record with its findings.
//!
//! ```
//! use dxer::convert::cpsv;
//! use dxer::convert::publish::Publication;
//! use dxer::{parse_record, Options};
//!
//! let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
//! let record = parse_record(text.as_str(), &Options::default()).unwrap().value;
//! // A submitted record is not published: the public export refuses it, the internal one is complete.
//! assert!(cpsv::to_jsonld(&record, Publication::Public).is_err());
//! let doc = cpsv::to_jsonld(&record, Publication::Internal).unwrap();
//! assert_eq!(doc["@context"][0], cpsv::CONTEXT_URL);
//! assert_eq!(doc["@graph"][0]["@type"], "PublicService");
//! assert_eq!(doc["@graph"][0]["cv:processingTime"]["@value"], "P14D"); // 10 working days
//!
//! let back = cpsv::from_jsonld(&doc);
//! assert!(back.restored && back.losses.is_empty() && back.report.ok);
//! assert_eq!(back.record, serde_json::to_value(&record).unwrap());
//!
//! // An invalid record is refused before any conversion, with its findings.
//! let refused = parse_record(r#"{"record_id": 5}"#, &Options::default()).unwrap_err();
//! assert!(refused.findings.iter().any(|f| f.pointer == "/record_id" && f.code == "DXER-S003"));
//! ```

mod export;
mod import;
mod jsonld;

pub use export::{to_jsonld, to_jsonld_with};
pub use import::{from_jsonld, from_jsonld_str, from_jsonld_with, Imported};
pub use jsonld::Loss;

#[cfg(doc)]
use crate::convert::publish::Publication;
#[cfg(doc)]
use crate::model::Record;
use crate::model::{Duration, DurationUnit, LocalizedText};

/// The official JSON-LD context of CPSV-AP 3.2.0, referenced (not copied) by every export.
pub const CONTEXT_URL: &str =
    "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld";
/// The dxer extension namespace (prefix `dxer:`), for what CPSV-AP has no place for.
pub const DXER_NS: &str = "https://dxer.az/ns#";
/// Base of the IRIs of exported services: `SERVICE_BASE` + service code (e.g. `.../DX-000101`).
pub const SERVICE_BASE: &str = "https://dxer.az/id/service/";
/// Base of the IRIs of providers: `PROVIDER_BASE` + provider code (e.g. `.../EN`).
pub const PROVIDER_BASE: &str = "https://dxer.az/id/provider/";
/// Base of the IRIs of code-list concepts: `CODELIST_BASE` + list + `/` + code (e.g. `.../channels/post`).
pub const CODELIST_BASE: &str = "https://dxer.az/codelist/";
/// Azerbaijan in the EU country authority table: the `dct:spatial` of services and providers.
pub const AZERBAIJAN: &str = "http://publications.europa.eu/resource/authority/country/AZE";
/// The Azerbaijani manat in the EU currency authority table: the `cv:currency` of every cost.
pub const AZN: &str = "http://publications.europa.eu/resource/authority/currency/AZN";

// Namespaces (full IRIs; the export writes compact IRIs with the prefixes of `export::PREFIXES`).
pub(crate) const CPSV: &str = "http://purl.org/vocab/cpsv#";
pub(crate) const CV: &str = "http://data.europa.eu/m8g/";
pub(crate) const DCT: &str = "http://purl.org/dc/terms/";
pub(crate) const ADMS: &str = "http://www.w3.org/ns/adms#";
pub(crate) const ELI: &str = "http://data.europa.eu/eli/ontology#";
pub(crate) const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub(crate) const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub(crate) const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub(crate) const FOAF: &str = "http://xmlns.com/foaf/0.1/";
pub(crate) const ORG: &str = "http://www.w3.org/ns/org#";

/// Code list of the roles of co-executors and data suppliers (`cv:hasParticipation`); dxer keeps them as
/// two lists of provider codes, so the roles are defined here.
pub(crate) const PARTICIPATION_ROLES: &str = "participation-roles";
/// The role of a co-executor (`general.co_executors`).
pub(crate) const CO_EXECUTOR: &str = "co_executor";
/// The role of a data-supplying body (`general.data_suppliers`).
pub(crate) const DATA_SUPPLIER: &str = "data_supplier";

/// Labels of the participation roles.
pub(crate) fn role_label(role: &str) -> LocalizedText {
    let (az, en, ru) = match role {
        CO_EXECUTOR => ("Birgə icraçı", "Co-executor", "Соисполнитель"),
        _ => ("Məlumat təqdim edən qurum", "Data supplier", "Орган, предоставляющий данные"),
    };
    LocalizedText { az: az.into(), en: Some(en.into()), ru: Some(ru.into()) }
}

/// Description of the single zero `cv:Cost` that stands for a free service.
pub(crate) fn free_label() -> LocalizedText {
    LocalizedText {
        az: "Ödənişsiz".into(), en: Some("Free of charge".into()), ru: Some("Бесплатно".into())
    }
}

/// The `dct:identifier` of the zero cost of a free service and of the output.
pub(crate) const FREE_ID: &str = "free";
pub(crate) const OUTPUT_ID: &str = "result";

/// The `xsd:duration` written as `cv:processingTime` for a DXER period.
///
/// `xsd:duration` has no working days (a documented choice): `n` working days are written as the calendar-day estimate
/// `P⌈7n/5⌉D` (five working days a week, public holidays not counted), so a reader is not promised less
/// time than the law gives. The exact `{value, unit}` is always kept beside it in `dxer:timeLimit`.
/// Calendar days are `PnD`, hours `PTnH`, months `PnM`, and `instant` is `PT0S`.
///
/// ```
/// use dxer::convert::cpsv::processing_time;
/// use dxer::model::{Duration, DurationUnit};
/// assert_eq!(processing_time(Duration::new(10, DurationUnit::WorkingDays)), "P14D");
/// assert_eq!(processing_time(Duration::new(3, DurationUnit::WorkingDays)), "P5D");
/// assert_eq!(processing_time(Duration::new(30, DurationUnit::CalendarDays)), "P30D");
/// assert_eq!(processing_time(Duration::new(8, DurationUnit::Hours)), "PT8H");
/// assert_eq!(processing_time(Duration::new(0, DurationUnit::Instant)), "PT0S");
/// ```
pub fn processing_time(d: Duration) -> String {
    match d.unit {
        DurationUnit::WorkingDays => format!("P{}D", (u64::from(d.value) * 7).div_ceil(5)),
        DurationUnit::CalendarDays | DurationUnit::Days => format!("P{}D", d.value),
        DurationUnit::Hours => format!("PT{}H", d.value),
        DurationUnit::Months => format!("P{}M", d.value),
        DurationUnit::Instant => "PT0S".to_string(),
    }
}

/// Reads an `xsd:duration` as one DXER period, when it is one: days become calendar days, years and
/// months become months, hours stay hours, weeks become 7 calendar days each, a zero duration is
/// `instant`. Durations mixing units (`P1DT2H`), with fractions, negative or with minutes or seconds
/// return `None`.
///
/// ```
/// use dxer::convert::cpsv::parse_processing_time;
/// use dxer::model::{Duration, DurationUnit};
/// assert_eq!(parse_processing_time("P14D"), Some(Duration::new(14, DurationUnit::CalendarDays)));
/// assert_eq!(parse_processing_time("P1Y6M"), Some(Duration::new(18, DurationUnit::Months)));
/// assert_eq!(parse_processing_time("PT0S"), Some(Duration::new(0, DurationUnit::Instant)));
/// assert_eq!(parse_processing_time("P1DT2H"), None);
/// ```
pub fn parse_processing_time(text: &str) -> Option<Duration> {
    let rest = text.trim().strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, t),
        Some(_) => return None,
        None => (rest, ""),
    };
    let mut parts: Vec<(u64, char)> = Vec::new();
    for (section, units) in [(date, "YMWD"), (time, "HMS")] {
        let mut number = String::new();
        let mut last_unit = 0usize;
        for c in section.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let at = units.find(c)? + 1;
            if number.is_empty() || at <= last_unit || number.len() > 10 {
                return None;
            }
            last_unit = at;
            let unit = if units == "HMS" { c.to_ascii_lowercase() } else { c };
            parts.push((number.parse().ok()?, unit));
            number.clear();
        }
        if !number.is_empty() {
            return None;
        }
    }
    if parts.is_empty() {
        return None;
    }
    let value = |n: u64| u32::try_from(n).ok();
    if parts.iter().all(|(n, _)| *n == 0) {
        return Some(Duration::new(0, DurationUnit::Instant));
    }
    let nonzero: Vec<(u64, char)> = parts.into_iter().filter(|(n, _)| *n != 0).collect();
    match nonzero.as_slice() {
        [(n, 'D')] => Some(Duration::new(value(*n)?, DurationUnit::CalendarDays)),
        [(n, 'W')] => Some(Duration::new(value(n.checked_mul(7)?)?, DurationUnit::CalendarDays)),
        [(n, 'h')] => Some(Duration::new(value(*n)?, DurationUnit::Hours)),
        [(n, 'M')] => Some(Duration::new(value(*n)?, DurationUnit::Months)),
        [(n, 'Y')] => Some(Duration::new(value(n.checked_mul(12)?)?, DurationUnit::Months)),
        [(y, 'Y'), (m, 'M')] => Some(Duration::new(value(y.checked_mul(12)?.checked_add(*m)?)?, DurationUnit::Months)),
        _ => None,
    }
}

/// Percent-encodes `text` for use as one IRI path segment (unreserved characters stay).
pub(crate) fn iri_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`iri_segment`]; `None` when the escapes are not valid UTF-8.
pub(crate) fn decode_segment(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// IRI of a code-list concept.
pub(crate) fn concept_iri(list: &str, code: &str) -> String {
    format!("{CODELIST_BASE}{list}/{}", iri_segment(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip_where_exact() {
        for unit in [DurationUnit::CalendarDays, DurationUnit::Hours, DurationUnit::Months] {
            for value in [1, 7, 30, 365] {
                let d = Duration::new(value, unit);
                assert_eq!(parse_processing_time(&processing_time(d)), Some(d));
            }
        }
        let instant = Duration::new(0, DurationUnit::Instant);
        assert_eq!(parse_processing_time(&processing_time(instant)), Some(instant));
        assert_eq!(processing_time(Duration::new(1, DurationUnit::WorkingDays)), "P2D");
        assert_eq!(processing_time(Duration::new(5, DurationUnit::WorkingDays)), "P7D");
        assert_eq!(processing_time(Duration::new(30, DurationUnit::WorkingDays)), "P42D");
        for bad in ["", "P", "PT", "10D", "P1.5D", "-P1D", "P1H", "PT1D", "P1D2M", "PT30M", "P99999999999D", "P1DT1H"] {
            assert_eq!(parse_processing_time(bad), None, "{bad}");
        }
        assert_eq!(parse_processing_time("P2W"), Some(Duration::new(14, DurationUnit::CalendarDays)));
        assert_eq!(parse_processing_time("PT48H"), Some(Duration::new(48, DurationUnit::Hours)));
    }

    #[test]
    fn segments_are_escaped_and_restored() {
        assert_eq!(iri_segment("identity.id_card"), "identity.id_card");
        assert_eq!(iri_segment("a b/ç"), "a%20b%2F%C3%A7");
        assert_eq!(decode_segment("a%20b%2F%C3%A7").as_deref(), Some("a b/ç"));
        assert_eq!(decode_segment("%ZZ"), None);
        assert_eq!(decode_segment("%C3"), None);
    }
}
