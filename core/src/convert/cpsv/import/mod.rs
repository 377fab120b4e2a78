//! CPSV-AP 3.x JSON-LD → draft DXER record, with every unmapped property named.

use serde_json::{Map, Value};

use super::jsonld::{Graph, Limits, Loss, Node, MAX_CONTEXT_DEPTH};
use super::CPSV;
use crate::codelists::CodeLists;
use crate::model::Money;
use crate::{validate, DocumentKind, Options, Report};

mod losses;
mod reader;
mod sections;
#[cfg(test)]
mod tests;

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
/// nesting, 20,000 nodes, 10,000 values per property, 16 contexts nested, and as many terms defined by
/// one `@context` as [`Options::max_list_items`], 10,000 by default) comes back as a located [`Loss`].
/// The time taken grows linearly with the document.
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
    let graph = Graph::read(input, Limits { terms: opts.max_list_items, depth: MAX_CONTEXT_DEPTH });
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
pub(super) fn pointer_key(pointer: &str) -> Vec<(u64, String)> {
    pointer
        .split('/')
        .map(|t| t.parse::<u64>().map(|n| (n, String::new())).unwrap_or((u64::MAX, t.to_string())))
        .collect()
}

pub(super) fn iri(ns: &str, local: &str) -> String {
    format!("{ns}{local}")
}

pub(super) fn short(v: Option<&Value>) -> String {
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
pub(super) fn set_at(root: &mut Value, pointer: &str, value: Value) {
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
pub(super) fn amount(text: &str) -> Option<Money> {
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

pub(super) struct Origin {
    pub(super) draft: String,
    pub(super) input: String,
    pub(super) key: String,
}

pub(super) struct Importer<'a> {
    pub(super) g: &'a Graph,
    pub(super) lists: &'a CodeLists,
    pub(super) draft: Value,
    /// Where each draft value came from (to compare with `dxer:record`).
    pub(super) origins: Vec<Origin>,
    pub(super) losses: Vec<Loss>,
    /// Nodes whose whole content is covered by a loss already reported.
    pub(super) lost_roots: Vec<String>,
}
