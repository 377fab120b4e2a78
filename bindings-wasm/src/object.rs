//! A JavaScript value read as the JSON it stands for, by serde: what `validate(object)` hands to the core's
//! direct path (`dxer::validate_deserializer`) instead of writing the object as text with `JSON.stringify`.
//!
//! It reads only the JSON data model — `null`, booleans, finite numbers, strings, arrays and plain objects
//! (`Object.prototype` or no prototype, no `toJSON`) — and refuses anything else (`undefined`, functions,
//! `NaN`, a `Map`, a `Date`, class instances...), where the caller falls back to `JSON.stringify`, which
//! decides what such a value becomes. A value it reads is what `JSON.parse(JSON.stringify(value))` gives:
//! members in `Object.keys` order, numbers as serde_json reads their JSON (a non-negative safe integer as
//! `u64`, a negative one as `i64`, any other as `f64`). (serde-wasm-bindgen reads more: every iterable as a
//! map or a sequence, so `[]` passes for an object; hence this reader.)

use js_sys::{Array, JsString, Number, Object, Reflect};
use serde::de::{self, DeserializeSeed, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// The refusal of a value outside JSON (or of a shape the model does not take): the caller falls back.
#[derive(Debug)]
pub(crate) struct NotJson(String);

impl std::fmt::Display for NotJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotJson {}

impl de::Error for NotJson {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NotJson(msg.to_string())
    }
}

/// A JS value as JSON (see the module).
pub(crate) struct Json(pub(crate) JsValue);

/// Whether `value` is an object `JSON.stringify` writes member by member: a plain object without `toJSON`.
pub(crate) fn plain_object(value: &JsValue) -> bool {
    if !value.is_object() || Array::is_array(value) || value.is_function() {
        return false;
    }
    let proto: JsValue = Object::get_prototype_of(value).into();
    let plain: JsValue = Object::get_prototype_of(&Object::new().into()).into();
    (proto.is_null() || proto == plain) && !Reflect::has(value, &"toJSON".into()).unwrap_or(true)
}

impl<'de> de::Deserializer<'de> for Json {
    type Error = NotJson;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotJson> {
        let v = self.0;
        if v.is_null() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = v.as_f64() {
            if !n.is_finite() {
                Err(de::Error::custom("a number that is not finite"))
            } else if Number::is_safe_integer(&v) && n >= 0.0 {
                visitor.visit_u64(n as u64)
            } else if Number::is_safe_integer(&v) {
                visitor.visit_i64(n as i64)
            } else {
                visitor.visit_f64(n)
            }
        } else if v.is_string() {
            visitor.visit_string(String::from(v.unchecked_ref::<JsString>()))
        } else if Array::is_array(&v) {
            let array: Array = v.unchecked_into();
            visitor.visit_seq(Items { length: array.length(), array, next: 0 })
        } else if plain_object(&v) {
            let keys = Object::keys(v.unchecked_ref::<Object>());
            visitor.visit_map(Members { object: v, keys, next: 0, value: None })
        } else {
            Err(de::Error::custom("a value JSON does not hold as it is"))
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotJson> {
        if self.0.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// A map or a struct only from a plain object (serde's structs also read an array of their fields in
    /// order; serde_json's `deserialize_map` does not).
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotJson> {
        if plain_object(&self.0) {
            self.deserialize_any(visitor)
        } else {
            Err(de::Error::custom("expected an object"))
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotJson> {
        self.deserialize_map(visitor)
    }

    /// A sequence only from an array.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotJson> {
        if Array::is_array(&self.0) {
            self.deserialize_any(visitor)
        } else {
            Err(de::Error::custom("expected an array"))
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct enum identifier ignored_any
    }
}

struct Items {
    array: Array,
    length: u32,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = NotJson;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, NotJson> {
        if self.next >= self.length {
            return Ok(None);
        }
        let item = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(Json(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.length - self.next) as usize)
    }
}

struct Members {
    object: JsValue,
    keys: Array,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Members {
    type Error = NotJson;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, NotJson> {
        loop {
            if self.next >= self.keys.length() {
                return Ok(None);
            }
            let key = self.keys.get(self.next);
            self.next += 1;
            let value = Reflect::get(&self.object, &key).map_err(|_| NotJson("a member that throws".into()))?;
            // JSON.stringify leaves out a member that is undefined, a function or a symbol.
            if value.is_undefined() || value.is_function() || value.is_symbol() {
                continue;
            }
            self.value = Some(value);
            return seed.deserialize(Json(key)).map(Some);
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, NotJson> {
        seed.deserialize(Json(self.value.take().unwrap_or(JsValue::NULL)))
    }
}
