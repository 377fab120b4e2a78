//! The published schemas as the structural layer compiles them: without regular expressions.
//!
//! Each `pattern` of the published schemas is one of the model's identifier forms, which the model already
//! checks with a plain function (`ServiceCode::is_valid`, ...). Compiling the `pattern`s would link a
//! regular-expression engine (regex and fancy-regex: most of a WebAssembly package's size) to check them a
//! second way. So the validator is compiled from a copy of each schema ([`structure`], committed as
//! `core/src/schema/*.structure.json` and kept equal to what it gives by the `schemas` test) where
//!
//! - `"pattern": P` is `"format": F`, F a format of [`PATTERNS`] checked by the model's function for P;
//! - `"patternProperties": {P: S}` with `"additionalProperties": false` (member names of the pattern P,
//!   values of S; no other member) is `"propertyNames": {"format": F}` with `"additionalProperties": S`;
//!
//! and [`published_errors`] turns the copy's errors back into the published schema's, the very errors
//! its own compiled validator gives: a `format` F error is the `pattern` P error at the same place; the
//! names a `propertyNames` refused are one `additionalProperties` error at their object, and the errors
//! inside their values (which the published schema does not look into) are dropped. Tests compare both
//! against jsonschema's run-time validator of the published files.

use jsonschema::ValidationError;
use serde_json::{Map, Value};

use crate::model::{Digest, InfoSystemCode, LocalId, Money, ProviderCode, RecordId, ServiceCode};

/// A check of a string's form.
pub(crate) type Check = fn(&str) -> bool;

/// The `pattern`s of the published schemas: (pattern, the format standing for it in the compiled copy,
/// the model's check of it). The checks are the ones the typed model runs; a test proves each equal to
/// its regular expression on generated strings.
pub(crate) const PATTERNS: &[(&str, &str, Check)] = &[
    (ServiceCode::PATTERN, "dxer-service-code", ServiceCode::is_valid),
    (ProviderCode::PATTERN, "dxer-provider-code", ProviderCode::is_valid),
    (LocalId::PATTERN, "dxer-local-id", LocalId::is_valid),
    (RecordId::PATTERN, "dxer-local-id", RecordId::is_valid),
    (InfoSystemCode::PATTERN, "dxer-information-system-code", InfoSystemCode::is_valid),
    (Money::PATTERN, "dxer-money", Money::is_valid),
    (Digest::PATTERN, "dxer-digest", Digest::is_valid),
];

fn format_of(pattern: &str) -> Option<&'static str> {
    PATTERNS.iter().find(|(p, ..)| *p == pattern).map(|(_, f, _)| *f)
}

fn pattern_of(format: &str) -> Option<&'static str> {
    PATTERNS.iter().find(|(_, f, _)| *f == format).map(|(p, ..)| *p)
}

/// The copy of a published schema the structural validator is compiled from (see the module's text);
/// `Err` names a `pattern` without a format in [`PATTERNS`] or a `patternProperties` of another shape.
pub fn structure(published: &Value) -> Result<Value, String> {
    let mut copy = published.clone();
    rewrite(&mut copy, "")?;
    Ok(copy)
}

fn rewrite(value: &mut Value, at: &str) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            if let Some(pattern) = map.get("pattern") {
                let p = pattern.as_str().unwrap_or_default();
                let format = format_of(p).ok_or_else(|| format!("{at}: pattern {p} has no format"))?;
                if map.contains_key("format") {
                    return Err(format!("{at}: both pattern and format"));
                }
                map.remove("pattern");
                map.insert("format".into(), Value::from(format));
            }
            if let Some(properties) = map.remove("patternProperties") {
                if !NAME_MAPS.contains(&at) {
                    return Err(format!("{at}: patternProperties not in NAME_MAPS"));
                }
                rewrite_pattern_properties(map, properties).map_err(|e| format!("{at}: {e}"))?;
            }
            for (key, child) in map.iter_mut() {
                rewrite(child, &format!("{at}/{key}"))?;
            }
            Ok(())
        }
        Value::Array(items) => items.iter_mut().enumerate().try_for_each(|(i, v)| rewrite(v, &format!("{at}/{i}"))),
        _ => Ok(()),
    }
}

fn rewrite_pattern_properties(map: &mut Map<String, Value>, properties: Value) -> Result<(), String> {
    let (pattern, schema) = match properties {
        Value::Object(p) if p.len() == 1 => p.into_iter().next().unwrap_or_default(),
        _ => return Err("patternProperties of more than one pattern".into()),
    };
    if map.get("additionalProperties") != Some(&Value::Bool(false))
        || map.contains_key("properties")
        || map.contains_key("propertyNames")
    {
        return Err("patternProperties beside properties, propertyNames or additional properties".into());
    }
    if pattern != LocalId::PATTERN {
        return Err(format!("member names of pattern {pattern}, not of a local id"));
    }
    let format = format_of(&pattern).ok_or_else(|| format!("pattern {pattern} has no format"))?;
    map.insert("additionalProperties".into(), schema);
    map.insert("propertyNames".into(), serde_json::json!({ "format": format }));
    Ok(())
}

/// The objects of the published schemas whose `patternProperties` the copies state as `propertyNames` and
/// `additionalProperties` (by schema location; [`structure`] refuses any other and a test holds the list).
pub(crate) const NAME_MAPS: &[&str] = &["/$defs/Condition/properties/applicant", "/$defs/Variant/properties/when"];

/// The published schema's errors from the compiled copy's `errors` on `instance` (see the module's text).
pub(crate) fn published_errors<'a>(errors: Vec<ValidationError<'a>>, instance: &'a Value) -> Vec<ValidationError<'a>> {
    use jsonschema::__private::error as make;
    use jsonschema::error::{TypeKind, ValidationErrorKind as K};

    let ours = |e: &ValidationError<'_>| match e.kind() {
        K::Format { format } => pattern_of(format),
        _ => None,
    };
    let copied = |e: &ValidationError<'_>| NAME_MAPS.iter().any(|m| e.schema_path().as_str().starts_with(m));
    if !errors.iter().any(|e| ours(e).is_some() || copied(e)) {
        return errors;
    }
    // The member names refused by a `propertyNames`: (the object's pointer, the names).
    let mut refused: Vec<(String, Vec<String>)> = Vec::new();
    for e in errors.iter().filter(|e| ours(e).is_some() && is_name_check(e)) {
        let at = e.instance_path().as_str();
        let name = e.instance().as_str().unwrap_or_default().to_string();
        match refused.iter_mut().find(|(p, _)| p == at) {
            Some((_, names)) => names.push(name),
            None => refused.push((at.to_string(), vec![name])),
        }
    }
    let inside_refused = |e: &ValidationError<'_>| {
        let path = e.instance_path().as_str();
        refused.iter().any(|(at, names)| {
            names.iter().any(|name| {
                let member = format!("{at}/{}", crate::pointer::escape_token(name));
                path == member || path.strip_prefix(&member).is_some_and(|rest| rest.starts_with('/'))
            })
        })
    };
    let mut reported: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(errors.len());
    // The published schema reports an object's unexpected names after the errors inside its other members:
    // (the object's pointer, the error), until an error outside the object.
    let mut pending: Option<(String, ValidationError<'a>)> = None;
    for e in errors {
        let at = e.instance_path().as_str();
        if let Some((object, _)) = &pending {
            if !at.strip_prefix(object.as_str()).is_some_and(|rest| rest.starts_with('/')) {
                out.extend(pending.take().map(|(_, error)| error));
            }
        }
        let node = || instance.pointer(e.instance_path().as_str()).unwrap_or(instance);
        let schema_path = published_path(e.schema_path().as_str());
        match (ours(&e), e.kind()) {
            (Some(_), _) if is_name_check(&e) => {
                let Some((at, names)) = refused.iter().find(|(p, _)| p == at) else { continue };
                if reported.contains(at) {
                    continue;
                }
                reported.push(at.clone());
                let keyword = schema_path.rsplit_once("/propertyNames").map_or(&*schema_path, |(k, _)| k);
                let path = format!("{keyword}/additionalProperties");
                let error = make::additional_properties(&path, e.instance_path().clone(), node(), names.clone());
                out.extend(pending.replace((at.clone(), error)).map(|(_, error)| error));
            }
            _ if inside_refused(&e) => {}
            (Some(pattern), _) => {
                let keyword = schema_path.strip_suffix("/format").unwrap_or(&schema_path);
                let path = format!("{keyword}/pattern");
                out.push(make::pattern(&path, e.instance_path().clone(), node(), pattern));
            }
            (None, K::Type { kind: TypeKind::Single(t) }) if copied(&e) => {
                out.push(make::single_type(&schema_path, e.instance_path().clone(), node(), *t));
            }
            (None, K::Type { kind: TypeKind::Multiple(t) }) if copied(&e) => {
                out.push(make::multiple_types(&schema_path, e.instance_path().clone(), node(), *t));
            }
            (None, _) => out.push(e),
        }
    }
    out.extend(pending.map(|(_, error)| error));
    out
}

/// The published schema's location of a keyword of the copy (one under a copied `patternProperties`).
fn published_path(copy: &str) -> std::borrow::Cow<'_, str> {
    for map in NAME_MAPS {
        if let Some(rest) = copy.strip_prefix(map).and_then(|r| r.strip_prefix("/additionalProperties")) {
            let pattern = LocalId::PATTERN.replace('~', "~0").replace('/', "~1");
            return format!("{map}/patternProperties/{pattern}{rest}").into();
        }
    }
    copy.into()
}

/// Whether a `format` error is about a member name (the copy's `propertyNames`) rather than a value.
fn is_name_check(e: &ValidationError<'_>) -> bool {
    e.schema_path().as_str().contains("/propertyNames/")
}
