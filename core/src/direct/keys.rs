//! Member names given twice in one object, refused while the strict deserializer reads them.
//!
//! A parsed value keeps one of two members of the same name (and serde's derived structs refuse a known
//! field twice, but a map of the model would keep the last), so the direct path must not answer for such a
//! text: the full pipeline reports `DXER-J004`. Every member name of every object of a text goes through
//! [`StrictMap`](super::strict::StrictMap), which hands its name to [`Names::seen`]: names are compared by a
//! 64-bit hash of their decoded text, so two different names that happen to share a hash are taken for
//! a duplicate too, and the direct path steps aside (the full pipeline, which compares the names
//! themselves, gives the report). That is what lets [`crate::validate`] skip the scan of the text for
//! duplicates (`validate::input::duplicate_members`) whenever the direct path answers.

use std::cell::Cell;
use std::collections::HashSet;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// The names of one object so far, as hashes: the first [`FEW`] in place, the rest in a set.
#[derive(Default)]
pub(crate) struct Names {
    few: [u64; FEW],
    len: usize,
    many: Option<HashSet<u64>>,
}

/// Names compared one by one (in place, without allocating); past this many, in a hash set.
const FEW: usize = 16;

impl Names {
    /// Records the name of hash `hash`; false when the object had it already (or a name of the same hash).
    pub(crate) fn insert(&mut self, hash: u64) -> bool {
        if let Some(set) = &mut self.many {
            return set.insert(hash);
        }
        if self.few[..self.len].contains(&hash) {
            return false;
        }
        if self.len < FEW {
            self.few[self.len] = hash;
            self.len += 1;
        } else {
            let mut set: HashSet<u64> = self.few.iter().copied().collect();
            set.insert(hash);
            self.many = Some(set);
        }
        true
    }
}

/// A member name's hash (FNV-1a over its bytes, with its length: texts differ in one of them).
pub(crate) fn hash(name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ name.len() as u64;
    for &b in name.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The seed of a member name: the name's hash is left in `seen` (`None` when the name was not handed over
/// as a string: the map then refuses it).
pub(crate) struct NameSeed<'c, S>(pub(crate) S, pub(crate) &'c Cell<Option<u64>>);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for NameSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(NameDe(d, self.1))
    }
}

/// A deserializer of a member name that notes the name (through [`NameVisitor`]) whatever it is read as.
struct NameDe<'c, D>(D, &'c Cell<Option<u64>>);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for NameDe<'_, D> {
    type Error = D::Error;

    forward_deserialize_values!(NameVisitor);
    forward_deserialize!(NameVisitor; deserialize_ignored_any);

    forward_deserialize_shapes!(NameVisitor);

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, NameVisitor(v, self.1))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, NameVisitor(v, self.1))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// Notes the hash of a name handed over as a string; every other form is passed on unnoted.
struct NameVisitor<'c, V>(V, &'c Cell<Option<u64>>);

impl<'de, V: Visitor<'de>> Visitor<'de> for NameVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.1.set(Some(hash(v)));
        self.0.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.1.set(Some(hash(v)));
        self.0.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.1.set(Some(hash(&v)));
        self.0.visit_string(v)
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
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.0.visit_some(NameDe(d, self.1))
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.0.visit_newtype_struct(NameDe(d, self.1))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(seq)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(map)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, e: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No two of the names the schemas and the fixtures use share a hash (a shared hash would only make the
    /// direct path step aside, but for every record that has both names), nor do names that differ only in
    /// trailing zero bytes or in one byte of a long name.
    #[test]
    fn names_of_the_documents_do_not_collide() {
        fn names(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
            match v {
                serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
                    out.insert(k.clone());
                    names(x, out);
                }),
                serde_json::Value::Array(a) => a.iter().for_each(|x| names(x, out)),
                _ => {}
            }
        }
        let mut all = std::collections::BTreeSet::new();
        for group in ["valid", "invalid"] {
            for (_, text) in crate::direct::tests::fixtures(group) {
                if let Ok(value) = serde_json::from_str(&text) {
                    names(&value, &mut all);
                }
            }
        }
        for schema in [crate::schema::RECORD_SCHEMA, crate::schema::REGLAMENT_SCHEMA] {
            names(&serde_json::from_str(schema).unwrap(), &mut all);
        }
        let long = "a".repeat(40);
        for i in 0..40 {
            let mut changed = long.clone().into_bytes();
            changed[i] = b'b';
            all.insert(String::from_utf8(changed).unwrap());
        }
        all.extend(["", "\0", "\0\0", "a", "a\0", "a\0\0\0\0\0\0\0", "a\0\0\0\0\0\0\0\0"].map(String::from));
        assert!(all.len() > 250, "{} names", all.len());
        let mut seen = std::collections::HashMap::new();
        for name in &all {
            if let Some(other) = seen.insert(hash(name), name) {
                panic!("{name:?} and {other:?} share a hash");
            }
        }
    }
}
