//! Validation straight from JSON text (or a parsed `serde_json::Value`) into the typed model, without the
//! JSON Schema pass: the direct path of [`crate::validate`], of [`crate::parse_record`] and of the
//! registry's loader, on unless `Options::direct` is false.
//!
//! It gives exactly the report of the full pipeline (parse → limits → JSON Schema → text hygiene → types →
//! rules) or nothing at all, in which case the caller runs the full pipeline. It answers only for a
//! document the published schema accepts and that stays within every limit of [`Options`], and decides
//! that from three things that together say what the schema says:
//!
//! 1. [`Strict`], a deserializer that refuses what serde would accept but the schema refuses (an object
//!    given as an array, `null` for an optional member, an enum given as `{"code": null}`); with the
//!    model's own checks (unknown members, id patterns, amounts, integers' ranges, full dates) any
//!    typed parse that succeeds is a document of the schema's shape;
//! 2. [`within_schema`], the schema's bounds that the types do not carry (lengths of strings in
//!    characters, least numbers of items, numeric ranges), listed in [`BOUNDS`]: a test proves the list is
//!    every such keyword of the published schemas;
//! 3. [`Walker`], one pass over the typed value that checks the size limits (conservatively: any doubt
//!    falls back) and runs the text-hygiene rules of [`crate::rules::text`] at the same pointers.
//!
//! It reads JSON text, a parsed `serde_json::Value`, or a host language's own objects ([`host`]: a binding
//! describes its dicts and lists, and they are read without a `Value`).
//!
//! A differential test mutates every field of every valid fixture and asserts that this path (from text,
//! from a value and from a host's objects) and the full pipeline give the same report whenever this path
//! answers; the `validate` fuzz target asserts the same on arbitrary input.

use serde::de::{self, Deserialize};
use serde::ser::Serialize;

use crate::model::{Record, Reglament};
use crate::report::{DocumentKind, Report};
use crate::rules::{self, Emitter, Subject};
use crate::Options;
use serde_json::Value;

/// The `deserialize_*` methods of a deserializer that wraps another (`self.0`) and hands each visitor over
/// wrapped in `$wrap(visitor, self.1)`: the strict reader and the name noter share it.
macro_rules! forward_deserialize {
    ($wrap:ident; $($method:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($wrap(visitor, self.1))
        })*
    };
}

/// Every `deserialize_*` method of a value without a name or a length (all but `deserialize_ignored_any`,
/// which the strict reader reads its own way), forwarded as [`forward_deserialize`] does.
macro_rules! forward_deserialize_values {
    ($wrap:ident) => {
        forward_deserialize!(
            $wrap;
            deserialize_any,
            deserialize_bool,
            deserialize_i8,
            deserialize_i16,
            deserialize_i32,
            deserialize_i64,
            deserialize_i128,
            deserialize_u8,
            deserialize_u16,
            deserialize_u32,
            deserialize_u64,
            deserialize_u128,
            deserialize_f32,
            deserialize_f64,
            deserialize_char,
            deserialize_str,
            deserialize_string,
            deserialize_bytes,
            deserialize_byte_buf,
            deserialize_option,
            deserialize_unit,
            deserialize_seq,
            deserialize_map,
            deserialize_identifier,
        );
    };
}

/// The `deserialize_*` methods with a name or a length, forwarded as [`forward_deserialize`] does.
macro_rules! forward_deserialize_shapes {
    ($wrap:ident) => {
        fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, v: V) -> Result<V::Value, D::Error> {
            self.0.deserialize_unit_struct(name, $wrap(v, self.1))
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, v: V) -> Result<V::Value, D::Error> {
            self.0.deserialize_newtype_struct(name, $wrap(v, self.1))
        }

        fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
            self.0.deserialize_tuple(len, $wrap(v, self.1))
        }

        fn deserialize_tuple_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            len: usize,
            v: V,
        ) -> Result<V::Value, D::Error> {
            self.0.deserialize_tuple_struct(name, len, $wrap(v, self.1))
        }
    };
}

/// The `visit_*` methods of a visitor that wraps another (`self.0`) and passes these values on unchanged.
macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.0.$method(v)
        })*
    };
}

mod bounds;
mod foreign;
pub mod host;
#[cfg(not(feature = "compact"))]
mod keys;
mod strict;
#[cfg(test)]
pub(crate) mod tests;
mod walk;

pub(crate) use bounds::{reglament_within_schema, within_schema};
pub use foreign::validate_deserializer;
pub(crate) use strict::{next_quote_or_backslash, Hints, Strict};
pub(crate) use walk::Walker;

/// Why the direct path stepped aside (the walk found a limit in doubt, or a host's objects hold what the
/// reader does not read): only the full pipeline can report this document. The error of the walk (a
/// serializer) and of the host reader (a deserializer).
#[derive(Debug)]
pub(crate) struct StepAside;

impl std::fmt::Display for StepAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("needs the full pipeline")
    }
}

impl std::error::Error for StepAside {}

impl serde::ser::Error for StepAside {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        StepAside
    }
}

impl de::Error for StepAside {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        StepAside
    }
}

/// What the typed document is read for: its report only (it is dropped at once, and its lists grow as
/// serde grows them), or to be kept (a registry holds it: every list is allocated at its size, from a scan
/// of the text, [`Hints`]). The report is the same either way.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Purpose {
    Report,
    Keep,
}

/// The direct path for whatever `input` is (text or a parsed value), unless `opts.direct` is off.
pub(crate) fn validate_source<S: crate::Source + ?Sized>(
    input: &S,
    kind: DocumentKind,
    opts: &Options,
    purpose: Purpose,
) -> Option<(Report, Subject)> {
    if !opts.direct {
        return None;
    }
    match (input.as_text(), input.as_value(), input.as_tape()) {
        (Some(text), _, _) => validate_text_for(text, kind, opts, purpose),
        (_, Some(value), _) => validate_value(value, kind, opts),
        (_, _, Some(tape)) => host::validate_tape(tape, kind, opts),
        _ => None,
    }
}

/// Validates JSON text as a record (or a reglament, with `kind`) without an intermediate `Value`: the
/// report and the typed document (its lists at their sizes), or `None` when only the full pipeline can tell.
#[cfg(test)]
pub(crate) fn validate_text(text: &str, kind: DocumentKind, opts: &Options) -> Option<(Report, Subject)> {
    validate_text_for(text, kind, opts, Purpose::Keep)
}

pub(crate) fn validate_text_for(
    text: &str,
    kind: DocumentKind,
    opts: &Options,
    purpose: Purpose,
) -> Option<(Report, Subject)> {
    if text.len() > opts.max_input_bytes {
        return None;
    }
    // Scanned once: `Auto` may read the text twice (as a record, then as a bare reglament).
    let hints = match purpose {
        Purpose::Keep => Hints::of(text),
        Purpose::Report => Hints::none(),
    };
    validate_with(kind, opts, |kind| match kind {
        DocumentKind::Reglament => parse(text, &hints).filter(reglament_within_schema).map(Subject::Reglament),
        _ => parse(text, &hints).filter(within_schema).map(Subject::Record),
    })
}

/// Validates a parsed document straight into the types (without the JSON Schema pass over the value):
/// the same report as the full pipeline, or `None` when only the full pipeline can tell.
pub(crate) fn validate_value(value: &Value, kind: DocumentKind, opts: &Options) -> Option<(Report, Subject)> {
    let hints = Hints::unique_names();
    validate_with(kind, opts, |kind| match kind {
        DocumentKind::Reglament => {
            Reglament::deserialize(Strict(value, &hints)).ok().filter(reglament_within_schema).map(Subject::Reglament)
        }
        _ => Record::deserialize(Strict(value, &hints)).ok().filter(within_schema).map(Subject::Record),
    })
}

/// The direct path once the typed document is at hand: `typed(kind)` reads it as a record or a reglament.
fn validate_with(
    kind: DocumentKind,
    opts: &Options,
    typed: impl Fn(DocumentKind) -> Option<Subject>,
) -> Option<(Report, Subject)> {
    check_typed(read_typed(kind, opts, typed)?, opts)
}

/// The typed document of `kind` (for `Auto`, a record, else a bare reglament), when the options let the
/// direct path answer at all.
fn read_typed(kind: DocumentKind, opts: &Options, typed: impl Fn(DocumentKind) -> Option<Subject>) -> Option<Subject> {
    if opts.max_list_items < 32 || opts.max_string_bytes < 64 {
        return None;
    }
    match kind {
        DocumentKind::Record | DocumentKind::Reglament => typed(kind),
        // A document that reads as a record has `reglament`, one that reads as a bare reglament has
        // `general` and no `reglament`: what `Auto` decides on the parsed JSON.
        DocumentKind::Auto => typed(DocumentKind::Record).or_else(|| typed(DocumentKind::Reglament)),
    }
}

/// The rest of the direct path on a typed document: the walk (limits and text hygiene), then the rules.
fn check_typed(subject: Subject, opts: &Options) -> Option<(Report, Subject)> {
    let kind = match subject {
        Subject::Record(_) => DocumentKind::Record,
        Subject::Reglament(_) => DocumentKind::Reglament,
    };
    let mut out = Emitter::default();
    let mut walker = Walker::new(opts, &mut out);
    let walked = match &subject {
        Subject::Record(r) => r.serialize(&mut walker),
        Subject::Reglament(r) => r.serialize(&mut walker),
    };
    walked.ok()?;
    let base = if kind == DocumentKind::Reglament { "" } else { "/reglament" };
    rules::check(&subject, base, opts, &mut out);
    Some((crate::options::finish(opts, kind, out.into_findings()), subject))
}

fn parse<T: de::DeserializeOwned>(text: &str, hints: &Hints) -> Option<T> {
    let mut inner = serde_json::Deserializer::from_str(text);
    hints.next.set(0);
    let value = T::deserialize(Strict(&mut inner, hints)).ok()?;
    inner.end().ok()?;
    Some(value)
}
