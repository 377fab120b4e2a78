//! The direct path from a host language's own objects (Python's dicts and lists, say): a binding describes
//! each object through [`HostNode`], and the document is read straight into the typed model, with the
//! strictness and the limits of the direct path from text, without building a `serde_json::Value`.
//!
//! [`Typed::read`] reads (the binding calls it while it may touch its objects: under Python's GIL, or over
//! a [`Tape`], the objects copied under the GIL, on any thread);
//! [`Typed::validate`] finishes the validation (anywhere: it touches only the typed document). Either may
//! say no (`None`): the binding then converts the objects into a `serde_json::Value` and validates that,
//! which gives the full pipeline's report. When both say yes, the report is the one the full pipeline gives
//! for the same document (a test in `direct::tests` proves it on every mutation of every valid fixture,
//! through a [`HostNode`] over `serde_json::Value`).
//!
//! The reader refuses, rather than judges, anything unusual: a value that is not JSON data ([`HostNode::read`]
//! gives `None`), a number that is not finite, a member name that is not a string, a string longer than
//! `max_string_bytes`, a list or object with more than `max_list_items` items or members, nesting deeper than
//! `max_depth`. The full pipeline then reports it (or the binding refuses the argument).

use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{read_typed, reglament_within_schema, within_schema, Hints, Strict};

mod tape;
use crate::model::{Record, Reglament};
use crate::report::{DocumentKind, Report};
use crate::rules::Subject;
use crate::Options;
pub use tape::{Open, Tape, TapeItems, TapeMembers, TapeNode};

/// Nesting the reader follows at most, whatever `max_depth` says (the reader recurses).
const HARD_DEPTH: usize = 1_000;

/// One value of a host language's document, as JSON sees it.
pub enum HostValue<'a, N: HostNode> {
    /// `null` (Python's `None`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer that fits `i64`.
    Int(i64),
    /// An integer past `i64::MAX` that fits `u64`.
    UInt(u64),
    /// A floating-point number (one that is not finite is refused).
    Float(f64),
    /// A string (valid Unicode).
    Str(&'a str),
    /// An array: its length and its items.
    List(usize, N::Items),
    /// An object: its number of members and its (name, value) pairs, names being strings.
    Object(usize, N::Members),
}

/// A value of a host language's document, that [`Typed::read`] can read.
pub trait HostNode: Sized {
    /// The items of an array.
    type Items: Iterator<Item = Self>;
    /// The members of an object: (name, value).
    type Members: Iterator<Item = (Self, Self)>;

    /// What the value is; `None` for anything that is not JSON data (the reader steps aside).
    fn read(&self) -> Option<HostValue<'_, Self>>;

    /// Whether the value is `null` (read for every optional member: a binding may answer faster).
    fn is_null(&self) -> bool {
        matches!(self.read(), Some(HostValue::Null))
    }
}

/// A document read straight into the typed model from a host's objects, to be validated with
/// [`Typed::validate`].
pub struct Typed(Subject);

impl std::fmt::Debug for Typed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            Subject::Record(_) => "Typed(record)",
            Subject::Reglament(_) => "Typed(reglament)",
        })
    }
}

impl Typed {
    /// Reads the document `root` as `opts.kind` says (`Auto`: a record, else a bare reglament), or `None`
    /// when only the full pipeline can tell: the document is not within the schema, or not within the
    /// limits, or `opts.direct` is off.
    pub fn read<N: HostNode + Clone>(root: &N, opts: &Options) -> Option<Typed> {
        Typed::read_as(root, opts.kind, opts)
    }

    /// [`Typed::read`] as a document of `kind` (`opts.kind` is not read).
    fn read_as<N: HostNode + Clone>(root: &N, kind: DocumentKind, opts: &Options) -> Option<Typed> {
        if !opts.direct {
            return None;
        }
        let limits =
            Limits { depth: opts.max_depth.min(HARD_DEPTH), items: opts.max_list_items, string: opts.max_string_bytes };
        let hints = Hints::unique_names();
        let de = || HostDe { node: root.clone(), depth: 1, limits: &limits };
        read_typed(kind, opts, |kind| match kind {
            DocumentKind::Reglament => Reglament::deserialize(Strict(de(), &hints))
                .ok()
                .filter(reglament_within_schema)
                .map(Subject::Reglament),
            _ => Record::deserialize(Strict(de(), &hints)).ok().filter(within_schema).map(Subject::Record),
        })
        .map(Typed)
    }

    /// The report on the document (the one the full pipeline gives), or `None` when only the full pipeline
    /// can tell (the walk over the typed document found a limit in doubt). `opts` must be the options it was
    /// read with.
    pub fn validate(self, opts: &Options) -> Option<Report> {
        super::check_typed(self.0, opts).map(|(report, _)| report)
    }
}

/// The limits the reader checks on the way (conservatively: the walk checks them again on the typed value).
/// The direct path over a tape, for [`crate::validate`] and [`crate::parse_record`] (a [`Tape`] is a
/// [`crate::Source`]): the report and the typed document of `kind`, or `None` when only the full pipeline can
/// tell.
pub(crate) fn validate_tape(tape: &Tape, kind: DocumentKind, opts: &Options) -> Option<(Report, Subject)> {
    super::check_typed(Typed::read_as(&tape.root(), kind, opts)?.0, opts)
}

struct Limits {
    depth: usize,
    items: usize,
    string: usize,
}

/// Why the reader stopped (what it does not read): the full pipeline will tell.
use super::StepAside as Refused;

/// A deserializer over one host value at `depth` (the document itself is at depth 1).
struct HostDe<'l, N> {
    node: N,
    depth: usize,
    limits: &'l Limits,
}

impl<N> HostDe<'_, N> {
    /// A container with `len` items may open here: its items lie within the depth limit, and there are not
    /// too many of them.
    fn open(&self, len: usize) -> Result<(), Refused> {
        if self.depth < self.limits.depth && len <= self.limits.items {
            Ok(())
        } else {
            Err(Refused)
        }
    }
}

macro_rules! typed_as {
    ($($kind:ident => $($method:ident),+;)*) => {
        $($(fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Refused> {
            self.read_as(v, $kind::<N>)
        })+)*
    };
}

impl<'de, N: HostNode> Deserializer<'de> for HostDe<'_, N> {
    type Error = Refused;

    /// As `serde_json::Value` hands itself to a visitor (a non-negative integer as `u64`).
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Refused> {
        self.read_as(v, anything::<N>)
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Refused> {
        if self.node.is_null() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value, Refused> {
        v.visit_newtype_struct(self)
    }

    /// The strict deserializer reads every enum as a string: any other way is refused.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Refused> {
        Err(Refused)
    }

    // Each kind of value only from a value of that kind, as `serde_json::Value` does (a struct is never read
    // from an array, say); the visitor decides the rest.
    typed_as! {
        number => deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64, deserialize_i128,
            deserialize_u8, deserialize_u16, deserialize_u32, deserialize_u64, deserialize_u128,
            deserialize_f32, deserialize_f64;
        string => deserialize_char, deserialize_str, deserialize_string, deserialize_bytes, deserialize_byte_buf,
            deserialize_identifier;
        boolean => deserialize_bool;
        null => deserialize_unit;
        list => deserialize_seq;
        object => deserialize_map;
        anything => deserialize_ignored_any;
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value, Refused> {
        self.read_as(v, null::<N>)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Refused> {
        self.read_as(v, list::<N>)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, _: usize, v: V) -> Result<V::Value, Refused> {
        self.read_as(v, list::<N>)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Refused> {
        self.read_as(v, object::<N>)
    }
}

// What each kind of value accepts.
fn number<N: HostNode>(x: &HostValue<'_, N>) -> bool {
    matches!(x, HostValue::Int(_) | HostValue::UInt(_) | HostValue::Float(_))
}
fn string<N: HostNode>(x: &HostValue<'_, N>) -> bool {
    matches!(x, HostValue::Str(_))
}
fn boolean<N: HostNode>(x: &HostValue<'_, N>) -> bool {
    matches!(x, HostValue::Bool(_))
}
fn null<N: HostNode>(x: &HostValue<'_, N>) -> bool {
    matches!(x, HostValue::Null)
}
fn list<N: HostNode>(x: &HostValue<'_, N>) -> bool {
    matches!(x, HostValue::List(..))
}
fn object<N: HostNode>(x: &HostValue<'_, N>) -> bool {
    matches!(x, HostValue::Object(..))
}
fn anything<N: HostNode>(_: &HostValue<'_, N>) -> bool {
    true
}

impl<N: HostNode> HostDe<'_, N> {
    /// Hands the value to the visitor when `kind` accepts it.
    fn read_as<'de, V: Visitor<'de>>(self, v: V, kind: fn(&HostValue<'_, N>) -> bool) -> Result<V::Value, Refused> {
        let value = self.node.read().ok_or(Refused)?;
        if !kind(&value) {
            return Err(Refused);
        }
        match value {
            HostValue::Null => v.visit_unit(),
            HostValue::Bool(b) => v.visit_bool(b),
            HostValue::Int(i) => match u64::try_from(i) {
                Ok(u) => v.visit_u64(u),
                Err(_) => v.visit_i64(i),
            },
            HostValue::UInt(u) => v.visit_u64(u),
            HostValue::Float(f) if f.is_finite() => v.visit_f64(f),
            HostValue::Float(_) => Err(Refused),
            HostValue::Str(s) if s.len() <= self.limits.string => v.visit_str(s),
            HostValue::Str(_) => Err(Refused),
            HostValue::List(len, items) => {
                self.open(len)?;
                v.visit_seq(HostSeq { items, left: len, depth: self.depth + 1, limits: self.limits })
            }
            HostValue::Object(len, members) => {
                self.open(len)?;
                v.visit_map(HostMap { members, value: None, left: len, depth: self.depth + 1, limits: self.limits })
            }
        }
    }
}

struct HostSeq<'l, I> {
    items: I,
    left: usize,
    depth: usize,
    limits: &'l Limits,
}

impl<'de, N: HostNode, I: Iterator<Item = N>> SeqAccess<'de> for HostSeq<'_, I> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Refused> {
        let Some(node) = self.items.next() else { return Ok(None) };
        self.left = self.left.saturating_sub(1);
        seed.deserialize(HostDe { node, depth: self.depth, limits: self.limits }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

struct HostMap<'l, I, N> {
    members: I,
    value: Option<N>,
    left: usize,
    depth: usize,
    limits: &'l Limits,
}

impl<'de, N: HostNode, I: Iterator<Item = (N, N)>> MapAccess<'de> for HostMap<'_, I, N> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Refused> {
        let Some((name, value)) = self.members.next() else { return Ok(None) };
        self.left = self.left.saturating_sub(1);
        self.value = Some(value);
        match name.read() {
            Some(HostValue::Str(s)) if s.len() <= self.limits.string => seed.deserialize(Name(s)).map(Some),
            _ => Err(Refused),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Refused> {
        let node = self.value.take().ok_or(Refused)?;
        seed.deserialize(HostDe { node, depth: self.depth, limits: self.limits })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// A member name, as `serde_json::Value` hands its names over (a newtype of a string reads it too).
struct Name<'a>(&'a str);

impl<'de> Deserializer<'de> for Name<'_> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Refused> {
        v.visit_str(self.0)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value, Refused> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Refused> {
        v.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Refused> {
        v.visit_enum(self.0.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct
        seq tuple tuple_struct map struct identifier ignored_any
    }
}
