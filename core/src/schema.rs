//! The published JSON Schemas (draft 2020-12) and the structural layer of validation.
//!
//! The schemas are generated from the model types ([`generate`]); the published files in `schemas/` are
//! what other languages read, and a test fails when they differ from what the types generate
//! (`DXER_BLESS=1 cargo test -p dxer --test schemas` rewrites them). The structural layer of validation is
//! the published files compiled into code when dxer is built (jsonschema's compile-time validator).

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Value};

use crate::model::{Record, Reglament};
use crate::report::DocumentKind;

mod structure;
pub use structure::structure;

/// Base URI of the published schemas.
pub const BASE_URI: &str = "https://dxer.az/schemas/";

/// The published record schema (`schemas/record.schema.json`).
pub const RECORD_SCHEMA: &str = include_str!("../schemas/record.schema.json");
/// The published reglament schema (`schemas/reglament.schema.json`).
pub const REGLAMENT_SCHEMA: &str = include_str!("../schemas/reglament.schema.json");

/// Generates the schema of a record or a reglament from the model types.
pub fn generate(kind: DocumentKind) -> Value {
    match kind {
        DocumentKind::Reglament => generate_for::<Reglament>(
            "reglament.schema.json",
            "Reglament of a state service / Dövlət xidmətinin reqlamenti",
            "The official description of one state service in the sections of the model form approved by Cabinet \
             decision No. 129 of 6 May 2026 (annex 1), as reconstructed by dxer. / Nazirlər Kabinetinin 2026-cı il 6 may \
             tarixli 129 nömrəli qərarı ilə təsdiq edilmiş nümunəvi forma üzrə bir dövlət xidmətinin rəsmi təsviri.",
        ),
        _ => generate_for::<Record>(
            "record.schema.json",
            "DXER record / DXER qeydi",
            "One service as held by the State Services Electronic Registry: the reglament plus the data of the DXER \
             data list (Cabinet decision No. 129 of 6 May 2026, annex 2), as reconstructed by dxer. / Dövlət \
             Xidmətlərinin Elektron Reyestrində bir xidmət: reqlament və DXER-ə daxil edilən məlumatlar.",
        ),
    }
}

/// Generates the published schema of any model type: draft 2020-12, `$id` under [`BASE_URI`] + `file`,
/// bilingual `title` and `description`, optional fields absent rather than `null`.
pub fn generate_for<T: JsonSchema>(file: &str, title: &str, description: &str) -> Value {
    let schema = SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>();
    let mut value = schema.to_value();
    // Optional fields are simply not required; `null` is not accepted for them (serde would take it
    // as absent, but one spelling keeps other languages' validators and ours in agreement).
    strip_null(&mut value);
    if let Some(obj) = value.as_object_mut() {
        obj.insert("$id".into(), json!(format!("{BASE_URI}{file}")));
        obj.insert("title".into(), json!(title));
        obj.insert("description".into(), json!(description));
    }
    value
}

/// Removes the `null` alternative schemars gives `Option<T>`: `anyOf: [X, {"type": "null"}]` becomes X
/// and `"type": [T, "null"]` becomes T.
fn strip_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            let single = match map.get_mut("anyOf") {
                Some(Value::Array(alts)) => {
                    alts.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                    if alts.len() == 1 {
                        Some(alts.remove(0))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some(Value::Object(inner)) = single {
                map.remove("anyOf");
                for (k, v) in inner {
                    map.entry(k).or_insert(v);
                }
            }
            if let Some(Value::Array(e)) = map.get_mut("enum") {
                e.retain(|x| !x.is_null());
            }
            map.values_mut().for_each(strip_null);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// Pretty JSON text of the copy of a published schema that the structural layer is compiled from
/// ([`structure`]), as committed in `core/src/schema/`.
#[doc(hidden)]
pub fn structure_text(kind: DocumentKind) -> String {
    let mut text = structure(&generate(kind))
        .and_then(|v| serde_json::to_string_pretty(&v).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| e);
    text.push('\n');
    text
}

/// Pretty JSON text of a generated schema, as committed in `schemas/`.
pub fn generate_text(kind: DocumentKind) -> String {
    let mut text = serde_json::to_string_pretty(&generate(kind)).unwrap_or_default();
    text.push('\n');
    text
}

/// The record schema (`schemas/record.schema.json`) compiled into code when dxer is built: no schema is parsed
/// or compiled at run time, and editing the file rebuilds the validator (the macro tracks it). It is compiled
/// from the copy without regular expressions ([`structure`]: the model's checks of its identifier forms stand
/// for its `pattern`s); the `schemas` test keeps the file equal to what the model types generate, and the copy
/// equal to the file's.
#[jsonschema::validator(
    path = "src/schema/record.structure.json",
    draft = Draft202012,
    validate_formats = true,
    formats = {
        "dxer-service-code" => crate::model::ServiceCode::is_valid,
        "dxer-provider-code" => crate::model::ProviderCode::is_valid,
        "dxer-local-id" => crate::model::LocalId::is_valid,
        "dxer-information-system-code" => crate::model::InfoSystemCode::is_valid,
        "dxer-money" => crate::model::Money::is_valid,
        "dxer-digest" => crate::model::Digest::is_valid,
    }
)]
struct RecordValidator;

/// The reglament schema (`schemas/reglament.schema.json`), compiled like [`RecordValidator`].
#[jsonschema::validator(
    path = "src/schema/reglament.structure.json",
    draft = Draft202012,
    validate_formats = true,
    formats = {
        "dxer-service-code" => crate::model::ServiceCode::is_valid,
        "dxer-provider-code" => crate::model::ProviderCode::is_valid,
        "dxer-local-id" => crate::model::LocalId::is_valid,
        "dxer-information-system-code" => crate::model::InfoSystemCode::is_valid,
        "dxer-money" => crate::model::Money::is_valid,
        "dxer-digest" => crate::model::Digest::is_valid,
    }
)]
struct ReglamentValidator;

/// The structural validator of one document kind: the published schema alone, without the rules of the
/// catalogue. [`crate::validate`] runs it first; use it directly for a schema-only check.
///
/// ```
/// use dxer::{schema, DocumentKind};
/// let record: serde_json::Value = serde_json::from_str(
///     &std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap(),
/// ).unwrap();
/// assert!(schema::validator(DocumentKind::Record).is_valid(&record));
/// let broken = serde_json::json!({"version": "one"});
/// let errors: Vec<String> = schema::validator(DocumentKind::Record)
///     .iter_errors(&broken)
///     .map(|e| e.instance_path().as_str().to_string())
///     .collect();
/// assert!(errors.contains(&"/version".to_string()), "{errors:?}");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Validator(DocumentKind);

impl Validator {
    /// Whether the document satisfies the schema (stops at the first error).
    pub fn is_valid(self, instance: &Value) -> bool {
        match self.0 {
            DocumentKind::Reglament => ReglamentValidator::is_valid(instance),
            _ => RecordValidator::is_valid(instance),
        }
    }

    /// Every schema error of the document: the published schema's, as jsonschema reports them.
    pub fn iter_errors(self, instance: &Value) -> jsonschema::ErrorIterator<'_> {
        jsonschema::__private::error::iterator_from(self.errors(instance))
    }

    /// Every schema error of the document, in a vector.
    pub(crate) fn errors(self, instance: &Value) -> Vec<jsonschema::ValidationError<'_>> {
        let errors = match self.0 {
            DocumentKind::Reglament => ReglamentValidator::iter_errors(instance),
            _ => RecordValidator::iter_errors(instance),
        };
        structure::published_errors(errors.collect(), instance)
    }
}

/// The structural validator of a document kind (`Auto` and `Record` give the record schema).
pub fn validator(kind: DocumentKind) -> Validator {
    Validator(kind)
}

#[cfg(test)]
mod tests;
