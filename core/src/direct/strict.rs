//! 1. The strict deserializer: what reaches the model's `Deserialize` impls is what the schema allows.

#[cfg(not(feature = "compact"))]
use std::cell::Cell;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};

#[cfg(not(feature = "compact"))]
use super::keys::{NameSeed, Names};

/// The `compact` build notes no names (see [`StrictMap`]).
#[cfg(feature = "compact")]
#[derive(Default)]
struct Names(());

/// Wraps a deserializer so that what reaches the model's `Deserialize` impls is what the schema allows.
pub(crate) struct Strict<'h, D>(pub(crate) D, pub(crate) &'h Hints);

/// The error of a refused shape.
pub(crate) fn refused<E: de::Error>(what: &str) -> E {
    E::custom(format_args!("{what} is not allowed here"))
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, D> {
    type Error = D::Error;

    forward_deserialize_values!(Wrap);

    /// A value the model ignores is still read whole, through the strict visitor: a name given twice in it
    /// is refused as anywhere else.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(Wrap(visitor, self.1))
    }

    forward_deserialize_shapes!(Wrap);

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
pub(crate) struct Wrap<'h, V>(V, &'h Hints);

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
        self.0.visit_map(StrictMap(map, self.1, Names::default()))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(refused("an enum in this form"))
    }
}

/// Reads a code-list value: a string, handed to the enum's visitor as its variant name.
pub(crate) struct Code<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Code<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        self.0.visit_enum(s.into_deserializer())
    }
}

pub(crate) struct StrictSeed<'h, S>(S, &'h Hints);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(Strict(d, self.1))
    }
}

/// A sequence whose length is known from [`Hints`]: the `Vec` it fills is allocated once, at its size.
pub(crate) struct StrictSeq<'h, A>(A, &'h Hints, Option<usize>);

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

/// An object's members, strict; a name given twice in it is refused ([`super::keys`]).
pub(crate) struct StrictMap<'h, A>(A, &'h Hints, Names);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        // The `compact` build (the WebAssembly validation package) does not note names: its wrappers would be
        // instantiated for every field visitor of the model. There, `validate` scans the text for repeated
        // names before the direct path runs, and hosts' objects (whose names may not be strings) are not read.
        #[cfg(feature = "compact")]
        return self.0.next_key_seed(StrictSeed(seed, self.1));
        #[cfg(not(feature = "compact"))]
        if !self.1.names {
            return self.0.next_key_seed(StrictSeed(seed, self.1));
        }
        #[cfg(not(feature = "compact"))]
        let name = Cell::new(None);
        #[cfg(not(feature = "compact"))]
        let key = self.0.next_key_seed(NameSeed(StrictSeed(seed, self.1), &name))?;
        #[cfg(not(feature = "compact"))]
        if key.is_some() {
            match name.get() {
                Some(hash) if self.2.insert(hash) => {}
                Some(_) => return Err(refused("a member name given twice")),
                None => return Err(refused("a member name that is not a string")),
            }
        }
        #[cfg(not(feature = "compact"))]
        Ok(key)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(StrictSeed(seed, self.1))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// The position of the first `"` or `\\` at or after `i` (or the end), eight bytes at a time.
pub(crate) fn next_quote_or_backslash(bytes: &[u8], mut i: usize) -> usize {
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
    pub(super) lengths: Vec<u32>,
    pub(super) next: std::cell::Cell<usize>,
    /// Whether member names are noted to refuse one given twice ([`super::keys`]): not for a document whose
    /// objects cannot hold a name twice (a parsed `Value`, a host's objects: see [`Hints::unique_names`]). The
    /// `compact` build notes none (see [`StrictMap`]).
    #[cfg_attr(feature = "compact", allow(dead_code))]
    pub(super) names: bool,
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
        Hints { lengths, next: std::cell::Cell::new(0), names: true }
    }

    /// No lengths: the deserializer's own size hints apply (a `Value` knows its arrays' lengths).
    pub(crate) fn none() -> Hints {
        Hints { lengths: Vec::new(), next: std::cell::Cell::new(0), names: true }
    }

    /// [`Hints::none`] for a document whose objects hold each name once: a parsed `Value` (a map) or a
    /// host's objects (a Python dict). Its names are not noted (hashing every name was a few percent of
    /// reading a dict). Were a host to give a name twice anyway, the model's structs refuse a field given twice
    /// (the direct path steps aside) and its maps keep the last, as the host's `Value` does.
    pub(crate) fn unique_names() -> Hints {
        Hints { names: false, ..Hints::none() }
    }

    fn next_length(&self) -> Option<usize> {
        let i = self.next.get();
        self.next.set(i + 1);
        self.lengths.get(i).map(|&n| n as usize)
    }
}
