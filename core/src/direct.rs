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
//! A differential test mutates every field of every valid fixture and asserts that this path (from text and
//! from a value) and the full pipeline give the same report whenever this path answers; the `validate`
//! fuzz target asserts the same on arbitrary input.

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize, Serializer};

use crate::model::{LocalizedText, Record, Reglament};
use crate::pointer::{pointer_of, PathToken};
use crate::report::{DocumentKind, Report};
use crate::rules::{self, Emitter, Subject};
use crate::Options;
use serde_json::Value;

/// The direct path for whatever `input` is (text or a parsed value), unless `opts.direct` is off.
pub(crate) fn validate_source<S: crate::Source + ?Sized>(
    input: &S,
    kind: DocumentKind,
    opts: &Options,
) -> Option<(Report, Subject)> {
    if !opts.direct {
        return None;
    }
    match (input.as_text(), input.as_value()) {
        (Some(text), _) => validate_text(text, kind, opts),
        (_, Some(value)) => validate_value(value, kind, opts),
        _ => None,
    }
}

/// Validates JSON text as a record (or a reglament, with `kind`) without an intermediate `Value`: the
/// report and the typed document, or `None` when only the full pipeline can tell.
pub(crate) fn validate_text(text: &str, kind: DocumentKind, opts: &Options) -> Option<(Report, Subject)> {
    if text.len() > opts.max_input_bytes {
        return None;
    }
    // Scanned once: `Auto` may read the text twice (as a record, then as a bare reglament).
    let hints = Hints::of(text);
    validate_with(kind, opts, |kind| match kind {
        DocumentKind::Reglament => parse(text, &hints).filter(reglament_within_schema).map(Subject::Reglament),
        _ => parse(text, &hints).filter(within_schema).map(Subject::Record),
    })
}

/// Validates a parsed document straight into the types (without the JSON Schema pass over the value):
/// the same report as the full pipeline, or `None` when only the full pipeline can tell.
pub(crate) fn validate_value(value: &Value, kind: DocumentKind, opts: &Options) -> Option<(Report, Subject)> {
    let hints = Hints::none();
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
    if opts.max_list_items < 32 || opts.max_string_bytes < 64 {
        return None;
    }
    let subject = match kind {
        DocumentKind::Record | DocumentKind::Reglament => typed(kind)?,
        // A document that reads as a record has `reglament`, one that reads as a bare reglament has
        // `general` and no `reglament`: what `Auto` decides on the parsed JSON.
        DocumentKind::Auto => typed(DocumentKind::Record).or_else(|| typed(DocumentKind::Reglament))?,
    };
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

// ---------------------------------------------------------------------------------------------------------
// 1. The strict deserializer.

/// Wraps a deserializer so that what reaches the model's `Deserialize` impls is what the schema allows.
pub(crate) struct Strict<'h, D>(pub(crate) D, pub(crate) &'h Hints);

/// The error of a refused shape.
fn refused<E: de::Error>(what: &str) -> E {
    E::custom(format_args!("{what} is not allowed here"))
}

macro_rules! forward_deserialize {
    ($($method:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Wrap(visitor, self.1))
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, D> {
    type Error = D::Error;

    forward_deserialize!(
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
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap(v, self.1))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(v, self.1))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap(v, self.1))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(v, self.1))
    }

    /// A struct only from an object (serde also takes an array of its fields in order).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Wrap(v, self.1))
    }

    /// The model's enums are all code lists: a string, never `{"code": ...}`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_str(Code(v))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose nested deserializers, sequences and maps are strict too; `null` for an option is refused.
struct Wrap<'h, V>(V, &'h Hints);

macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.0.$method(v)
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(refused("null"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.0.visit_some(Strict(d, self.1))
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.0.visit_newtype_struct(Strict(d, self.1))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let length = self.1.next_length();
        self.0.visit_seq(StrictSeq(seq, self.1, length))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(StrictMap(map, self.1))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(refused("an enum in this form"))
    }
}

/// Reads a code-list value: a string, handed to the enum's visitor as its variant name.
struct Code<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Code<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        self.0.visit_enum(s.into_deserializer())
    }
}

struct StrictSeed<'h, S>(S, &'h Hints);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(Strict(d, self.1))
    }
}

/// A sequence whose length is known from [`Hints`]: the `Vec` it fills is allocated once, at its size.
struct StrictSeq<'h, A>(A, &'h Hints, Option<usize>);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for StrictSeq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        self.2 = self.2.map(|n| n.saturating_sub(1));
        self.0.next_element_seed(StrictSeed(seed, self.1))
    }

    fn size_hint(&self) -> Option<usize> {
        self.2.or_else(|| self.0.size_hint())
    }
}

struct StrictMap<'h, A>(A, &'h Hints);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(StrictSeed(seed, self.1))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(StrictSeed(seed, self.1))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// The position of the first `"` or `\\` at or after `i` (or the end), eight bytes at a time.
fn next_quote_or_backslash(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let found = has(word, b'"') | has(word, b'\\');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'\\') {
        i += 1;
    }
    i
}

/// The number of items of every array of a JSON text, in the order the arrays open: serde's `Vec` grows by
/// doubling from four, so without them most lists of the model would hold room for twice their items
/// (a third of a record's memory). Arrays are deserialized in the order they open, so the strict
/// deserializer takes the lengths in turn; were they ever out of step, only capacities would be wrong.
pub(crate) struct Hints {
    lengths: Vec<u32>,
    next: std::cell::Cell<usize>,
}

impl Hints {
    /// Scans `text` (valid or not: a broken text gives lengths that are never used).
    pub(crate) fn of(text: &str) -> Hints {
        let bytes = text.as_bytes();
        let mut lengths: Vec<u32> = Vec::new();
        // Open containers: for an array, (its slot in `lengths`, commas so far, whether it holds anything).
        let mut open: Vec<Option<(usize, u32, bool)>> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b'"' => {
                    if let Some(Some(array)) = open.last_mut() {
                        array.2 = true;
                    }
                    // To the closing quote, stepping over escapes.
                    i += 1;
                    while i < bytes.len() {
                        i = next_quote_or_backslash(bytes, i);
                        match bytes.get(i) {
                            Some(b'\\') => i += 2,
                            _ => break,
                        }
                    }
                }
                // Deeper than serde_json parses (128 levels): the parse fails anyway, and the stack stays small
                // whatever the text.
                b'[' | b'{' if open.len() >= 128 => break,
                b'[' | b'{' => {
                    if let Some(Some(array)) = open.last_mut() {
                        array.2 = true;
                    }
                    if b == b'[' {
                        lengths.push(0);
                        open.push(Some((lengths.len() - 1, 0, false)));
                    } else {
                        open.push(None);
                    }
                }
                b']' | b'}' => {
                    if let Some(Some((slot, commas, any))) = open.pop() {
                        lengths[slot] = if any { commas.saturating_add(1) } else { 0 };
                    }
                }
                b',' => {
                    if let Some(Some(array)) = open.last_mut() {
                        array.1 = array.1.saturating_add(1);
                    }
                }
                b' ' | b'\n' | b'\r' | b'\t' => {}
                _ => {
                    if let Some(Some(array)) = open.last_mut() {
                        array.2 = true;
                    }
                }
            }
            i += 1;
        }
        Hints { lengths, next: std::cell::Cell::new(0) }
    }

    /// No lengths: the deserializer's own size hints apply (a `Value` knows its arrays' lengths).
    pub(crate) fn none() -> Hints {
        Hints { lengths: Vec::new(), next: std::cell::Cell::new(0) }
    }

    fn next_length(&self) -> Option<usize> {
        let i = self.next.get();
        self.next.set(i + 1);
        self.lengths.get(i).map(|&n| n as usize)
    }
}

// ---------------------------------------------------------------------------------------------------------
// 2. The schema's bounds that the types do not carry.

/// Every bound of the published schemas that the model's types do not enforce themselves, as
/// (`$defs` entry or `Record`/`Reglament` for the root, property, keyword, limit; 0 for a `pattern`). [`within_schema`]
/// checks each; a test proves this is the schemas' complete list.
#[cfg(test)]
pub(crate) const BOUNDS: &[(&str, &str, &str, u64)] = &[
    ("Record", "version", "minimum", 1),
    ("Record", "directions", "minItems", 1),
    ("ServiceArea", "area", "minLength", 1),
    ("ServiceArea", "area", "maxLength", 64),
    ("ServiceArea", "sub_area", "minLength", 1),
    ("ServiceArea", "sub_area", "maxLength", 64),
    ("Submission", "signer", "minLength", 1),
    ("Submission", "signer", "maxLength", 200),
    ("Submission", "signature_ref", "minLength", 1),
    ("Submission", "signature_ref", "maxLength", 500),
    ("Digest", "value", "pattern", 0),
    ("EService", "e_form_url", "minLength", 1),
    ("EService", "e_form_url", "maxLength", 2000),
    ("AsanIndex", "score", "maximum", 100),
    ("AsanIndex", "year", "minimum", 2012),
    ("AsanIndex", "year", "maximum", 2100),
    ("General", "legal_basis", "minItems", 1),
    ("General", "user_categories", "minItems", 1),
    ("General", "channels", "minItems", 1),
    ("Eligibility", "min_age", "maximum", 150),
    ("Eligibility", "max_age", "maximum", 150),
    ("ResultDelivery", "apply", "minItems", 1),
    ("ResultDelivery", "receive", "minItems", 1),
    ("ChannelForm", "channels", "minItems", 1),
    ("LegalRef", "number", "minLength", 1),
    ("LegalRef", "number", "maxLength", 32),
    ("RequiredDocument", "count", "minimum", 1),
    ("RequiredDocument", "count", "maximum", 100),
    ("ApplicationForm", "e_form_url", "minLength", 1),
    ("ApplicationForm", "e_form_url", "maxLength", 2000),
    ("Contact", "hotline", "minLength", 1),
    ("Contact", "hotline", "maxLength", 64),
    ("Contact", "web", "minLength", 1),
    ("Contact", "web", "maxLength", 2000),
    ("Contact", "email", "minLength", 3),
    ("Contact", "email", "maxLength", 320),
    ("Annex", "url", "minLength", 1),
    ("Annex", "url", "maxLength", 2000),
    ("Variants", "attributes", "minItems", 1),
    ("Variants", "variants", "minItems", 1),
    ("VariantAttribute", "values", "minItems", 2),
    ("LocalizedText", "az", "minLength", 1),
    ("LocalizedText", "en", "minLength", 1),
    ("LocalizedText", "ru", "minLength", 1),
];

/// A string's length as JSON Schema counts it (in characters), within `min..=max`.
fn chars_within(s: &str, min: usize, max: usize) -> bool {
    // Bytes bound characters from above (and from below by a quarter): most strings need no counting.
    if s.len() < min {
        return false;
    }
    if s.len() <= max && s.len().div_ceil(4) >= min {
        return true;
    }
    (min..=max).contains(&s.chars().count())
}

fn opt_chars_within(s: &Option<String>, min: usize, max: usize) -> bool {
    s.as_deref().is_none_or(|s| chars_within(s, min, max))
}

/// Whether the record meets [`BOUNDS`] (the rest of the schema holds by its types).
pub(crate) fn within_schema(r: &Record) -> bool {
    r.version >= 1
        && !r.directions.is_empty()
        && chars_within(&r.service_area.area, 1, 64)
        && opt_chars_within(&r.service_area.sub_area, 1, 64)
        && texts_within(&r.creating_act.act)
        && r.submission.as_ref().is_none_or(|s| {
            chars_within(&s.signer, 1, 200)
                && opt_chars_within(&s.signature_ref, 1, 500)
                && s.digest.as_ref().is_none_or(|d| is_digest(&d.value))
        })
        && r.review.as_ref().is_none_or(|v| v.defects.iter().all(text_within))
        && r.history.iter().all(|h| h.defects.iter().all(text_within))
        && r.eservice.as_ref().is_none_or(|e| opt_chars_within(&e.e_form_url, 1, 2000))
        && r.data_sources.iter().all(|d| text_within(&d.register))
        && r.asan_index.as_ref().is_none_or(|a| a.score <= 100 && (2012..=2100).contains(&a.year))
        && reglament_within_schema(&r.reglament)
}

/// `^[0-9a-f]{64}$`, the schema's pattern of `Digest.value`.
fn is_digest(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn text_within(t: &LocalizedText) -> bool {
    !t.az.is_empty() && t.en.as_ref().is_none_or(|s| !s.is_empty()) && t.ru.as_ref().is_none_or(|s| !s.is_empty())
}

fn opt_text_within(t: &Option<LocalizedText>) -> bool {
    t.as_ref().is_none_or(text_within)
}

fn texts_within(l: &crate::model::LegalRef) -> bool {
    text_within(&l.title) && opt_chars_within(&l.number, 1, 32)
}

fn legal_within(list: &[crate::model::LegalRef]) -> bool {
    list.iter().all(texts_within)
}

fn citations_within(list: &[crate::model::Citation]) -> bool {
    list.iter().all(|c| match c {
        crate::model::Citation::Full(r) => texts_within(r),
        crate::model::Citation::Short(_) => true,
    })
}

/// A stated list is not empty (`minItems: 1`); a not-stated one has no items to count.
fn stated_nonempty<T>(list: &crate::model::Stated<Vec<T>>) -> bool {
    list.stated().is_none_or(|l| !l.is_empty())
}

fn result_within(r: &crate::model::ServiceResult) -> bool {
    text_within(&r.name) && r.delivery.iter().all(|d| !d.apply.is_empty() && !d.receive.is_empty())
}

fn refusals_within(list: &[crate::model::RefusalGround]) -> bool {
    list.iter().all(|g| text_within(&g.text) && citations_within(&g.legal_basis))
}

fn conditions_within(c: &crate::model::Conditions) -> bool {
    c.eligibility.iter().all(|e| e.min_age.is_none_or(|a| a <= 150) && e.max_age.is_none_or(|a| a <= 150))
}

/// Whether the reglament meets [`BOUNDS`].
pub(crate) fn reglament_within_schema(g: &Reglament) -> bool {
    let general = &g.general;
    let standard = &g.standard;
    let contact = &g.contact;
    text_within(&general.name)
        && opt_text_within(&general.description)
        && stated_nonempty(&general.legal_basis)
        && legal_within(general.legal_basis.items())
        && stated_nonempty(&general.user_categories)
        && stated_nonempty(&general.channels)
        && general.conditions.as_ref().is_none_or(conditions_within)
        && standard.documents.iter().all(|d| {
            text_within(&d.name)
                && (1..=100).contains(&d.count)
                && d.source.as_ref().is_none_or(|s| text_within(&s.register))
                && opt_text_within(&d.note)
                && d.channel_forms.iter().all(|f| !f.channels.is_empty())
        })
        && standard.application_form.as_ref().is_none_or(|f| opt_chars_within(&f.e_form_url, 1, 2000))
        && standard.fee_tiers().iter().all(|t| {
            opt_text_within(&t.label)
                && citations_within(&t.legal_basis)
                && t.components.iter().all(|c| citations_within(&c.legal_basis))
        })
        && standard.result.stated().is_none_or(result_within)
        && g.procedure.steps.iter().all(|s| text_within(&s.name))
        && refusals_within(&g.procedure.refusal_grounds)
        && g.appeal.administrative.stated().is_none_or(|a| text_within(&a.body) && citations_within(&a.legal_basis))
        && g.appeal.court.stated().is_none_or(|c| citations_within(&c.legal_basis))
        && opt_chars_within(&contact.hotline, 1, 64)
        && opt_chars_within(&contact.web, 1, 2000)
        && opt_chars_within(&contact.email, 3, 320)
        && opt_text_within(&contact.feedback)
        && g.annexes.iter().all(|a| text_within(&a.title) && opt_chars_within(&a.url, 1, 2000))
        && g.variants.as_ref().is_none_or(|v| {
            !v.attributes.is_empty()
                && !v.variants.is_empty()
                && v.attributes.iter().all(|a| {
                    a.values.len() >= 2 && text_within(&a.label) && a.values.iter().all(|x| text_within(&x.label))
                })
                && v.variants.iter().all(|x| {
                    text_within(&x.label)
                        && x.result.as_ref().is_none_or(result_within)
                        && refusals_within(&x.refusal_grounds)
                })
        })
}

// ---------------------------------------------------------------------------------------------------------
// 3. The walk: size limits and text hygiene.

/// Why the walk stopped: only the full pipeline can report this document.
#[derive(Debug)]
pub(crate) struct Fallback;

impl std::fmt::Display for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("needs the full pipeline")
    }
}

impl std::error::Error for Fallback {}

impl ser::Error for Fallback {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Fallback
    }
}

/// One step of the path to the value being serialized.
enum Step {
    Key(&'static str),
    Name(String),
    Index(usize),
}

impl Step {
    fn token(&self) -> PathToken<'_> {
        match self {
            Step::Key(k) => PathToken::Key(k),
            Step::Name(k) => PathToken::Key(k),
            Step::Index(i) => PathToken::Index(*i),
        }
    }

    fn key(&self) -> Option<&str> {
        match self.token() {
            PathToken::Key(k) => Some(k),
            PathToken::Index(_) => None,
        }
    }
}

/// Serializes the typed document into nothing, checking on the way what the full pipeline checks on the
/// parsed JSON: the size limits (stopping with [`Fallback`] at the first doubt) and the text rules.
pub(crate) struct Walker<'a> {
    path: Vec<Step>,
    max_depth: usize,
    max_items: usize,
    max_string: usize,
    out: &'a mut Emitter,
}

impl<'a> Walker<'a> {
    fn new(opts: &Options, out: &'a mut Emitter) -> Walker<'a> {
        Walker {
            path: Vec::with_capacity(16),
            max_depth: opts.max_depth,
            max_items: opts.max_list_items,
            max_string: opts.max_string_bytes,
            out,
        }
    }

    /// A value is about to be written at the current path: it must lie within the depth limit (the
    /// top-level value is level 1).
    fn enter(&self) -> Result<(), Fallback> {
        if self.path.len() < self.max_depth {
            Ok(())
        } else {
            Err(Fallback)
        }
    }

    fn pointer(path: &[Step]) -> String {
        pointer_of(path.iter().map(Step::token))
    }

    fn string(&mut self, s: &str) -> Result<(), Fallback> {
        self.enter()?;
        if s.len() > self.max_string {
            return Err(Fallback);
        }
        // As `rules::text::check_value` reads the parsed JSON: members `az`, `en`, `ru` are localized text,
        // `signer` and the items of `articles` are Azerbaijani.
        let path = &self.path;
        let last = path.last().and_then(Step::key);
        let parent = path.len().checked_sub(2).and_then(|i| path[i].key());
        let at = || Walker::pointer(path);
        match (last, parent) {
            // Every `az`/`en`/`ru` member is a `LocalizedText`'s, which the schema wants non-empty.
            (Some("az" | "en" | "ru"), _) if s.is_empty() => return Err(Fallback),
            (Some(lang @ ("az" | "en" | "ru")), _) => rules::text::check_text(lang == "az", s, at, self.out),
            (Some("signer"), _) | (None, Some("articles")) => rules::text::check_script_only(s, at, self.out),
            _ => {}
        }
        Ok(())
    }

    fn container(&self, len: Option<usize>) -> Result<(), Fallback> {
        self.enter()?;
        match len {
            Some(n) if n <= self.max_items => Ok(()),
            _ => Err(Fallback),
        }
    }
}

/// A struct, sequence or map being walked.
pub(crate) struct Compound<'w, 'a> {
    walker: &'w mut Walker<'a>,
    index: usize,
}

impl Compound<'_, '_> {
    fn visit<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Result<(), Fallback> {
        self.walker.path.push(step);
        let result = value.serialize(&mut *self.walker);
        self.walker.path.pop();
        result
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fallback> {
        let i = self.index;
        self.index += 1;
        if self.index > self.walker.max_items {
            return Err(Fallback);
        }
        self.visit(Step::Index(i), value)
    }
}

macro_rules! scalar {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<(), Fallback> {
            self.enter()
        })*
    };
}

impl<'w, 'a> Serializer for &'w mut Walker<'a> {
    type Ok = ();
    type Error = Fallback;
    type SerializeSeq = Compound<'w, 'a>;
    // The model has no tuples and no enums with data: those fall back before any item.
    type SerializeTuple = ser::Impossible<(), Fallback>;
    type SerializeTupleStruct = ser::Impossible<(), Fallback>;
    type SerializeTupleVariant = ser::Impossible<(), Fallback>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = ser::Impossible<(), Fallback>;

    scalar!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
    );

    fn serialize_char(self, c: char) -> Result<(), Fallback> {
        self.string(c.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, s: &str) -> Result<(), Fallback> {
        self.string(s)
    }

    // The model holds no bytes, units or variants with data; a value it does not expect is the full
    // pipeline's to judge.
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Fallback> {
        Err(Fallback)
    }

    fn serialize_none(self) -> Result<(), Fallback> {
        Err(Fallback)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Fallback> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Fallback> {
        Err(Fallback)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Fallback> {
        Err(Fallback)
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Fallback> {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Fallback> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Fallback> {
        Err(Fallback)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Fallback> {
        self.container(len)?;
        Ok(Compound { walker: self, index: 0 })
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Fallback> {
        Err(Fallback)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Fallback> {
        Err(Fallback)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Fallback> {
        Err(Fallback)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Fallback> {
        self.container(len)?;
        Ok(Compound { walker: self, index: 0 })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Fallback> {
        // At most a few dozen members, well within `max_list_items` (checked at the start).
        self.enter()?;
        Ok(Compound { walker: self, index: 0 })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Fallback> {
        Err(Fallback)
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Fallback;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fallback> {
        self.element(value)
    }

    fn end(self) -> Result<(), Fallback> {
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Fallback;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Fallback> {
        // The model's map keys are ids, serialized as strings; the name is kept for the value's pointer.
        let name = key.serialize(KeyName)?;
        if name.len() > self.walker.max_string {
            return Err(Fallback);
        }
        self.index += 1;
        if self.index > self.walker.max_items {
            return Err(Fallback);
        }
        self.walker.path.push(Step::Name(name));
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fallback> {
        let result = value.serialize(&mut *self.walker);
        self.walker.path.pop();
        result
    }

    fn end(self) -> Result<(), Fallback> {
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Fallback;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Fallback> {
        self.visit(Step::Key(key), value)
    }

    fn end(self) -> Result<(), Fallback> {
        Ok(())
    }
}

/// Serializes a map key into its text (anything else falls back).
struct KeyName;

macro_rules! key_not_text {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<String, Fallback> {
            Err(Fallback)
        })*
    };
}

impl Serializer for KeyName {
    type Ok = String;
    type Error = Fallback;
    type SerializeSeq = ser::Impossible<String, Fallback>;
    type SerializeTuple = ser::Impossible<String, Fallback>;
    type SerializeTupleStruct = ser::Impossible<String, Fallback>;
    type SerializeTupleVariant = ser::Impossible<String, Fallback>;
    type SerializeMap = ser::Impossible<String, Fallback>;
    type SerializeStruct = ser::Impossible<String, Fallback>;
    type SerializeStructVariant = ser::Impossible<String, Fallback>;

    fn serialize_str(self, s: &str) -> Result<String, Fallback> {
        Ok(s.to_string())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<String, Fallback> {
        value.serialize(self)
    }

    key_not_text!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
    );

    fn serialize_none(self) -> Result<String, Fallback> {
        Err(Fallback)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Fallback> {
        Err(Fallback)
    }
    fn serialize_unit(self) -> Result<String, Fallback> {
        Err(Fallback)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Fallback> {
        Err(Fallback)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<String, Fallback> {
        Err(Fallback)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Fallback> {
        Err(Fallback)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Fallback> {
        Err(Fallback)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Fallback> {
        Err(Fallback)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Fallback> {
        Err(Fallback)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Fallback> {
        Err(Fallback)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Fallback> {
        Err(Fallback)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Fallback> {
        Err(Fallback)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Fallback> {
        Err(Fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fixtures(dir: &str) -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(dir);
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&root).unwrap() {
            let path = entry.unwrap().path().join("input.json");
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
        out.sort();
        out
    }

    /// Every single-point change of `value` this test tries: at each member and item, values of other
    /// types, empty and oversized ones, lenient dates, objects without one of their members or with an
    /// unknown one, objects written as arrays, codes written as `{"code": null}`.
    fn mutations(value: &Value) -> Vec<Value> {
        fn at(value: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Value>, root: &Value) {
            let mut put = |replacement: Value| {
                let mut copy = root.clone();
                *locate(&mut copy, path) = replacement;
                out.push(copy);
            };
            match value {
                Value::String(s) => {
                    for v in [
                        json!(""),
                        json!(" "),
                        json!("ab"),
                        json!("x".repeat(65)),
                        json!("y".repeat(2001)),
                        json!(format!("{s} ")),
                        json!(format!(" {s}")),
                        json!("Аз"),
                        json!(format!("{s}а")),
                        json!("2026-5-6"),
                        json!("+2026-05-06"),
                        json!("2025-02-29"),
                        json!(5),
                        json!({ s.as_str(): null }),
                        Value::Null,
                    ] {
                        put(v);
                    }
                }
                Value::Number(_) => {
                    for v in [0i64, 1, 2, 100, 101, 255, 256, 2011, 2012, 2100, 2101, -1, 4_294_967_296] {
                        put(json!(v));
                    }
                    for v in [json!(1.5), json!(1.0), json!(1e2), json!("1"), Value::Null] {
                        put(v);
                    }
                }
                Value::Bool(b) => {
                    for v in [json!(!b), json!("true"), json!(0), Value::Null] {
                        put(v);
                    }
                }
                Value::Array(items) => {
                    put(json!([]));
                    put(Value::Null);
                    put(json!({}));
                    if let Some(first) = items.first() {
                        let mut more = items.clone();
                        more.push(first.clone());
                        put(Value::Array(more));
                        put(Value::Array(items[1..].to_vec()));
                    }
                    for (i, item) in items.iter().enumerate() {
                        path.push(PathStep::Index(i));
                        at(item, path, out, root);
                        path.pop();
                    }
                }
                Value::Object(map) => {
                    put(Value::Null);
                    put(json!([]));
                    put(Value::Array(map.values().cloned().collect()));
                    let mut extra = map.clone();
                    extra.insert("zz".into(), json!(1));
                    put(Value::Object(extra));
                    for key in map.keys() {
                        let mut fewer = map.clone();
                        fewer.remove(key);
                        put(Value::Object(fewer));
                    }
                    for (key, item) in map {
                        path.push(PathStep::Key(key.clone()));
                        at(item, path, out, root);
                        path.pop();
                    }
                }
                Value::Null => put(json!("x")),
            }
        }
        let mut out = Vec::new();
        at(value, &mut Vec::new(), &mut out, value);
        out
    }

    enum PathStep {
        Key(String),
        Index(usize),
    }

    fn locate<'v>(value: &'v mut Value, path: &[PathStep]) -> &'v mut Value {
        path.iter().fold(value, |v, step| match step {
            PathStep::Key(k) => &mut v[k.as_str()],
            PathStep::Index(i) => &mut v[*i],
        })
    }

    /// Whenever the direct path answers, it answers exactly what the full pipeline does.
    fn same_report(text: &str, opts: &Options, what: &str) -> bool {
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            assert!(validate_text(text, opts.kind, opts).is_none(), "{what}: not JSON");
            return false;
        };
        let full = crate::validate(&value, &Options { direct: false, ..opts.clone() });
        // The path from a parsed value answers for the same documents as the path from text.
        let from_value = validate_value(&value, opts.kind, opts).map(|(report, _)| report);
        let Some((report, _)) = validate_text(text, opts.kind, opts) else {
            // Except for a text the limits refuse before it is parsed.
            assert!(from_value.is_none() || text.len() > opts.max_input_bytes, "{what}: value path only: {text}");
            return false;
        };
        assert_eq!(report, full, "{what}: {text}");
        assert_eq!(from_value.as_ref(), Some(&full), "{what} (from the value): {text}");
        true
    }

    #[test]
    fn direct_path_matches_the_full_pipeline_on_every_mutation() {
        let opts = Options::default();
        let (mut tried, mut answered) = (0, 0);
        let mut documents = fixtures("valid");
        // The optional members no fixture has, so that each bound of `BOUNDS` is mutated somewhere.
        let mut enriched: Value =
            serde_json::from_str(&documents.iter().find(|(n, _)| n.contains("identity-card")).unwrap().1).unwrap();
        enriched["reglament"]["contact"]["email"] = json!("info@asan.gov.az");
        enriched["reglament"]["annexes"][0]["url"] = json!("https://www.asan.gov.az/forms/1.pdf");
        enriched["reglament"]["standard"]["documents"][0]["count"] = json!(2);
        enriched["history"] = json!([{"event": "submit", "date": "2026-05-20", "from": "draft", "to": "submitted",
            "defects": [{"az": "Sənədlərin siyahısı natamamdır"}]}]);
        enriched["review"] =
            json!({"started": "2026-05-21", "defects": [{"az": "Ödəniş əsası göstərilməyib", "ru": "Нет основания"}]});
        assert!(
            validate_text(&enriched.to_string(), DocumentKind::Auto, &opts).is_some(),
            "the enriched record is direct"
        );
        documents.push(("identity-card, enriched".into(), enriched.to_string()));
        for (name, text) in documents {
            let value: Value = serde_json::from_str(&text).unwrap();
            for mutated in mutations(&value) {
                tried += 1;
                answered += usize::from(same_report(&mutated.to_string(), &opts, &name));
            }
        }
        // The direct path answers for the mutations that keep the document within the schema (only those
        // prove anything here) and declines the others.
        eprintln!("direct path answered {answered} of {tried} mutations");
        assert!(tried > 5_000 && answered > tried / 10 && answered < tried, "{answered} of {tried}");
    }

    #[test]
    fn direct_path_matches_on_the_conformance_fixtures_and_with_tight_limits() {
        let mut answered = 0;
        for dir in ["valid", "invalid"] {
            for (name, text) in fixtures(dir) {
                for opts in [
                    Options::default(),
                    Options { kind: DocumentKind::Record, ..Options::default() },
                    Options { kind: DocumentKind::Reglament, ..Options::default() },
                    Options { max_depth: 4, ..Options::default() },
                    Options { max_depth: 7, ..Options::default() },
                    Options { max_string_bytes: 100, ..Options::default() },
                    Options { max_list_items: 3, ..Options::default() },
                    Options { max_input_bytes: 100, ..Options::default() },
                ] {
                    answered += usize::from(same_report(&text, &opts, &name));
                }
            }
        }
        assert!(answered > 10, "{answered}");
    }

    /// Every valid fixture and every real document takes the direct path: its speed is what a registry sees.
    #[test]
    fn direct_path_answers_for_every_well_formed_fixture() {
        for dir in ["valid", "real"] {
            for (name, text) in fixtures(dir) {
                let answered = validate_text(&text, DocumentKind::Auto, &Options::default()).is_some();
                assert!(answered, "{dir}/{name}: the direct path stepped aside");
            }
        }
    }

    /// The bounds keywords of the published schemas, each of which the types either carry or
    /// [`within_schema`] checks: [`BOUNDS`] must be exactly the ones on plain members.
    #[test]
    fn bounds_are_every_bound_of_the_published_schemas() {
        const KEYWORDS: &[&str] = &[
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "pattern",
            "minProperties",
            "maxProperties",
            "propertyNames",
            "const",
            "contains",
            "dependentRequired",
            "if",
            "not",
            "oneOf",
            "anyOf",
            "allOf",
        ];
        // Newtypes whose own checks are the schema's pattern (unit tests of each prove them equal).
        const TYPED_PATTERNS: &[&str] =
            &["InfoSystemCode", "LocalId", "Money", "ProviderCode", "RecordId", "ServiceCode"];
        let mut found = std::collections::BTreeSet::new();
        for file in ["record.schema.json", "reglament.schema.json"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas").join(file);
            let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let root = if file.starts_with("record") { "Record" } else { "Reglament" };
            let defs = schema["$defs"].as_object().unwrap().iter().map(|(k, v)| (k.as_str(), v));
            for (def, node) in std::iter::once((root, &schema)).chain(defs) {
                for keyword in KEYWORDS {
                    if node.get(*keyword).is_some() {
                        // A citation is told from a full act by its first member (`model::stated`).
                        let marked = def == "Citation" && *keyword == "if";
                        assert!(marked || *keyword == "pattern" && TYPED_PATTERNS.contains(&def), "{def}: {keyword}");
                    }
                }
                let Some(props) = node.get("properties").and_then(Value::as_object) else { continue };
                for (prop, sub) in props {
                    // A `Stated` value: the not-stated form, `else` the value's own schema, whose bounds count.
                    let sub = match sub.get("if") {
                        Some(_) => {
                            assert_eq!(sub["then"]["$ref"], "#/$defs/NotStated", "{def}.{prop}");
                            &sub["else"]
                        }
                        None => sub,
                    };
                    for (keyword, bound) in sub.as_object().unwrap() {
                        // `NotStatedFlag` is the `const: true` of a not-stated item.
                        if !KEYWORDS.contains(&keyword.as_str()) || (def == "NotStated" && keyword == "const") {
                            continue;
                        }
                        let limit = if keyword == "pattern" { 0 } else { bound.as_u64().unwrap() };
                        // `minimum: 0` is the unsigned integer types' own bound.
                        if !(keyword == "minimum" && limit == 0) {
                            found.insert((def.to_string(), prop.clone(), keyword.clone(), limit));
                        }
                    }
                    for keyword in KEYWORDS {
                        assert!(
                            sub.get("items").and_then(|i| i.get(*keyword)).is_none(),
                            "{def}.{prop} items: {keyword}"
                        );
                    }
                }
            }
        }
        let listed: std::collections::BTreeSet<_> =
            BOUNDS.iter().map(|(d, p, k, l)| (d.to_string(), p.to_string(), k.to_string(), *l)).collect();
        assert_eq!(found, listed);
    }

    #[test]
    fn hints_are_the_lengths_of_the_arrays_in_opening_order() {
        let text = r#"{"a": [1, [2, 3], [], "x,]\"[", {"b": [{}, {}, [[]]]}], "c": [ ], "d": [null]}"#;
        assert_eq!(Hints::of(text).lengths, [5, 2, 0, 3, 1, 0, 0, 1]);
        // Broken text gives some lengths and no panic.
        for broken in ["[", "]", "[[,", "\"\\", "[\"", "}]"] {
            let _ = Hints::of(broken);
        }
        // A hostile nesting costs no more than 128 open levels.
        assert_eq!(Hints::of(&"[".repeat(1_000_000)).lengths.len(), 128);
        for (text, at) in [("abcdefgh\"", 8), ("ab\\c", 2), ("abc", 3), ("", 0), ("\"", 0), ("aaaaaaaaaaaaaaa\\", 15)] {
            assert_eq!(next_quote_or_backslash(text.as_bytes(), 0), at, "{text}");
        }
        assert_eq!(next_quote_or_backslash("ab\"cd\"".as_bytes(), 3), 5);
        // A record's lists get exactly their capacity.
        let text = fixtures("valid").into_iter().find(|(n, _)| n.contains("identity-card")).unwrap().1;
        let record: Record = parse(&text, &Hints::of(&text)).unwrap();
        let basis = record.reglament.general.legal_basis.stated().unwrap();
        assert_eq!(basis.capacity(), basis.len());
        let docs = &record.reglament.standard.documents;
        assert_eq!(docs.capacity(), docs.len());
    }

    #[test]
    fn valid_fixtures_take_the_direct_path() {
        let opts = Options::default();
        for (name, text) in fixtures("valid") {
            let record: Result<Record, _> = serde_json::from_str(&text);
            assert!(record.is_ok(), "{name}: {:?}", record.err());
            let strict: Option<Record> = parse(&text, &Hints::of(&text));
            assert!(strict.is_some(), "{name}: strict parse");
            assert!(within_schema(&strict.unwrap()), "{name}: bounds");
            assert!(validate_text(&text, DocumentKind::Auto, &opts).is_some(), "{name}");
        }
    }
}
