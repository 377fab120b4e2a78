//! Values a source may be silent on, and citations that point at an act already cited in full.
//!
//! Records are written from real documents: an approved reglament of 2012, an ASAN service card, a card of
//! the old e-registry. When the document says nothing about a required item, the record says so —
//! [`Stated::NotStated`], written `{"not_stated": true, "note": {...}}` in JSON — instead of inventing a
//! value (a made-up "instant" time limit, a placeholder act). Such a record is structurally valid; every
//! not-stated item is a located finding (`DXER-N001`, `DXER-N002`), so the gap stays visible and a record
//! with a gap the law forbids cannot be registered.
//!
//! A [`Citation`] is either a full [`LegalRef`] or a short one (`{"act": "<id>", "articles": [...]}`)
//! naming, by its local `id`, an act of the reglament's legal basis.
//!
//! Both are told from the plain form by their first member (`not_stated`, `act`), read in one pass
//! without buffering. Written in another order, the direct path steps aside and the full pipeline reads
//! the document from a `serde_json::Value`, whose members are sorted by name — and both marker names sort
//! before every other member of their form (`not_stated` < `note`, `act` < `articles`), so the report is
//! the same (a test in `core/tests/robustness.rs` writes them last). serde_json's `preserve_order` must stay
//! off for that; a test checks it.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::{LegalRef, LocalId, LocalizedText};

/// The marker of an item the source does not state / Mənbədə göstərilməyib.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Not stated in the source / Mənbədə göstərilməyib")]
pub struct NotStated {
    /// Always `true`: the source is silent on this item / Həmişə `true`.
    pub not_stated: NotStatedFlag,
    /// Why, or what the source says around it / Qeyd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalizedText>,
}

/// The constant `true` of [`NotStated::not_stated`] (`false` would say nothing, so it is refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NotStatedFlag;

impl Serialize for NotStatedFlag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(true)
    }
}

impl<'de> Deserialize<'de> for NotStatedFlag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match bool::deserialize(d)? {
            true => Ok(NotStatedFlag),
            false => Err(de::Error::invalid_value(de::Unexpected::Bool(false), &"true")),
        }
    }
}

impl JsonSchema for NotStatedFlag {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("NotStatedFlag")
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": true })
    }
}

/// A required item as the source gives it, or the explicit statement that the source is silent on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stated<T> {
    /// The value the source states.
    Stated(T),
    /// The source does not state it.
    NotStated(NotStated),
}

impl<T> Stated<T> {
    /// The stated value, if any.
    pub fn stated(&self) -> Option<&T> {
        match self {
            Stated::Stated(v) => Some(v),
            Stated::NotStated(_) => None,
        }
    }

    /// The stated value, mutably.
    pub fn stated_mut(&mut self) -> Option<&mut T> {
        match self {
            Stated::Stated(v) => Some(v),
            Stated::NotStated(_) => None,
        }
    }

    /// Whether the source is silent on it.
    pub fn is_not_stated(&self) -> bool {
        matches!(self, Stated::NotStated(_))
    }

    /// The note of a not-stated item.
    pub fn note(&self) -> Option<&LocalizedText> {
        match self {
            Stated::NotStated(n) => n.note.as_ref(),
            Stated::Stated(_) => None,
        }
    }

    /// "Not stated", without a note.
    pub fn not_stated() -> Self {
        Stated::NotStated(NotStated::default())
    }
}

impl<T> Stated<Vec<T>> {
    /// The stated items; none when the source is silent.
    pub fn items(&self) -> &[T] {
        self.stated().map(Vec::as_slice).unwrap_or_default()
    }
}

impl<T: Copy> Stated<T> {
    /// The stated value, copied.
    pub fn get(&self) -> Option<T> {
        self.stated().copied()
    }
}

impl<T> From<T> for Stated<T> {
    fn from(v: T) -> Self {
        Stated::Stated(v)
    }
}

impl<T: Default> Default for Stated<T> {
    fn default() -> Self {
        Stated::Stated(T::default())
    }
}

impl<T: Serialize> Serialize for Stated<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Stated::Stated(v) => v.serialize(s),
            Stated::NotStated(n) => n.serialize(s),
        }
    }
}

/// Whether a type is written as a JSON object: then `{"not_stated": …}` is told from it by its first
/// member; otherwise an object is the not-stated marker or an error.
pub trait StatedShape {
    /// The type is a JSON object.
    const OBJECT: bool;
}

macro_rules! stated_shape {
    ($object:literal: $($t:ty),* $(,)?) => { $(impl StatedShape for $t { const OBJECT: bool = $object; })* };
}
pub(crate) use stated_shape;

stated_shape!(false: bool, chrono::NaiveDate);
stated_shape!(true: LocalizedText);
impl<T> StatedShape for Vec<T> {
    const OBJECT: bool = false;
}

/// The member that marks a not-stated item.
const MARKER: &str = "not_stated";

impl<'de, T: Deserialize<'de> + StatedShape> Deserialize<'de> for Stated<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FirstKey::<NotStated, T>::new(MARKER)).map(|either| match either {
            Either::Marked(m) => Stated::NotStated(m),
            Either::Plain(v) => Stated::Stated(v),
        })
    }
}

impl<T: JsonSchema> JsonSchema for Stated<T> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Stated_{}", T::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let marked = generator.subschema_for::<NotStated>();
        let plain = generator.subschema_for::<T>();
        marked_or(MARKER, marked, plain)
    }
}

/// A schema transform for a `Stated` list that must not be empty when stated: `minItems: 1` on the list's
/// own schema (the `else` branch), where a field attribute cannot reach.
pub(crate) fn non_empty(schema: &mut Schema) {
    if let Some(list) = schema.get_mut("else").and_then(|e| e.as_object_mut()) {
        list.insert("minItems".into(), 1.into());
    }
}

/// `if` the value is an object with `marker`, `then` the marked form, `else` the plain one: each error is
/// reported inside the form the value is written in.
fn marked_or(marker: &str, marked: Schema, plain: Schema) -> Schema {
    json_schema!({
        "if": { "type": "object", "required": [marker] },
        "then": marked,
        "else": plain
    })
}

/// A citation of a legal act: in full, or short (an act of the reglament's legal basis by its `id`).
#[derive(Debug, Clone, PartialEq)]
pub enum Citation {
    /// The act cited in full.
    Full(LegalRef),
    /// An act of `general.legal_basis` named by its local id, with the articles of this citation.
    Short(ShortCitation),
}

/// Short citation / Qısa istinad
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShortCitation {
    /// The `id` of an act in `general.legal_basis` / Hüquqi əsasdakı aktın identifikatoru.
    pub act: LocalId,
    /// Articles, parts, paragraphs of that act referred to here / Maddələr, bəndlər.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
}

impl Citation {
    /// The articles this citation refers to.
    pub fn articles(&self) -> &[String] {
        match self {
            Citation::Full(r) => &r.articles,
            Citation::Short(s) => &s.articles,
        }
    }

    /// The full act: the citation itself, or the act of `legal_basis` its `act` names.
    pub fn resolve<'a>(&'a self, legal_basis: &'a [LegalRef]) -> Option<&'a LegalRef> {
        match self {
            Citation::Full(r) => Some(r),
            Citation::Short(s) => legal_basis.iter().find(|a| a.id.as_ref() == Some(&s.act)),
        }
    }
}

impl From<LegalRef> for Citation {
    fn from(r: LegalRef) -> Self {
        Citation::Full(r)
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Citation::Full(r) => r.serialize(s),
            Citation::Short(c) => c.serialize(s),
        }
    }
}

impl StatedShape for LegalRef {
    const OBJECT: bool = true;
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FirstKey::<ShortCitation, LegalRef>::new("act")).map(|either| match either {
            Either::Marked(m) => Citation::Short(m),
            Either::Plain(r) => Citation::Full(r),
        })
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Citation")
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let marked = generator.subschema_for::<ShortCitation>();
        let plain = generator.subschema_for::<LegalRef>();
        let mut schema = marked_or("act", marked, plain);
        schema.insert("title".into(), "Citation of a legal act / Hüquqi akta istinad".into());
        schema
    }
}

// ---------------------------------------------------------------------------------------------------------
// Telling two forms apart by the first member of an object, in one pass (no buffering): both forms are
// read through the caller's own deserializer, so its strictness (the direct path's) applies to both.

enum Either<M, P> {
    Marked(M),
    Plain(P),
}

/// A visitor that reads an object whose first member is `marker` as `M`, and anything else as `P` (an
/// object by replaying its first member name to `P`'s own deserializer).
struct FirstKey<M, P> {
    marker: &'static str,
    forms: PhantomData<(M, P)>,
}

impl<M, P> FirstKey<M, P> {
    fn new(marker: &'static str) -> Self {
        FirstKey { marker, forms: PhantomData }
    }
}

/// A member name, borrowed from the input where it can be (no allocation in the common case).
struct Name<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl<'de> Visitor<'de> for NameVisitor {
            type Value = Name<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Owned(v)))
            }
        }
        d.deserialize_str(NameVisitor)
    }
}

/// A map whose first member name was read already and is handed out again first.
struct Replay<'de, A> {
    first: Option<Cow<'de, str>>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(Cow::Borrowed(name)) => seed.deserialize(BorrowedStrDeserializer::new(name)).map(Some),
            Some(Cow::Owned(name)) => seed.deserialize(name.into_deserializer()).map(Some),
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.rest.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.rest.size_hint().map(|n| n + usize::from(self.first.is_some()))
    }
}

macro_rules! forward_scalar {
    ($($method:ident: $t:ty => $de:ident),* $(,)?) => {
        $(fn $method<E: de::Error>(self, v: $t) -> Result<Self::Value, E> {
            P::deserialize(serde::de::value::$de::<E>::new(v)).map(Either::Plain)
        })*
    };
}

impl<'de, M, P> Visitor<'de> for FirstKey<M, P>
where
    M: Deserialize<'de>,
    P: Deserialize<'de> + StatedShape,
{
    type Value = Either<M, P>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a value, or an object whose first member is \"{}\"", self.marker)
    }

    forward_scalar!(
        visit_bool: bool => BoolDeserializer,
        visit_i64: i64 => I64Deserializer,
        visit_u64: u64 => U64Deserializer,
        visit_f64: f64 => F64Deserializer,
        visit_string: String => StringDeserializer,
    );

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        P::deserialize(serde::de::value::StrDeserializer::<E>::new(v)).map(Either::Plain)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        P::deserialize(serde::de::value::BorrowedStrDeserializer::<E>::new(v)).map(Either::Plain)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        // serde's structs also read a sequence of their fields; the schema wants an object.
        if P::OBJECT {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        P::deserialize(SeqAccessDeserializer::new(seq)).map(Either::Plain)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let first = map.next_key::<Name<'de>>()?.map(|n| n.0);
        let marked = first.as_deref() == Some(self.marker);
        let replay = MapAccessDeserializer::new(Replay { first, rest: map });
        if marked {
            return M::deserialize(replay).map(Either::Marked);
        }
        if !P::OBJECT {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        P::deserialize(replay).map(Either::Plain)
    }
}
