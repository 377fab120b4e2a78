//! 3. The walk: size limits and text hygiene.

use serde::ser::{self, Serialize, Serializer};

use crate::pointer::{pointer_of, PathToken};
use crate::rules::{self, Emitter};
use crate::Options;

/// Why the walk stopped (a limit in doubt): only the full pipeline can report this document.
use super::StepAside as Fallback;

/// One step of the path to the value being serialized.
pub(crate) enum Step {
    Key(&'static str),
    /// A map key: the bytes `start..end` of [`Walker::names`].
    Name(usize, usize),
    Index(usize),
}

/// What the rules of [`crate::rules::text`] make of a string, by where it stands.
enum Role {
    /// Not checked (but for its size).
    Plain,
    /// A member `az`, `en` or `ru` (whether Azerbaijani).
    Localized(bool),
    /// A signer, an item of `articles`: one line of Azerbaijani.
    Azerbaijani,
}

/// Serializes the typed document into nothing, checking on the way what the full pipeline checks on the
/// parsed JSON: the size limits (stopping with [`Fallback`] at the first doubt) and the text rules.
pub(crate) struct Walker<'a> {
    path: Vec<Step>,
    /// The names of the map keys on `path`, one after the other (no allocation for each key).
    names: String,
    max_depth: usize,
    max_items: usize,
    max_string: usize,
    out: &'a mut Emitter,
}

impl<'a> Walker<'a> {
    pub(super) fn new(opts: &Options, out: &'a mut Emitter) -> Walker<'a> {
        Walker {
            path: Vec::with_capacity(16),
            names: String::new(),
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

    fn pointer(path: &[Step], names: &str) -> String {
        pointer_of(path.iter().map(|step| match *step {
            Step::Key(k) => PathToken::Key(k),
            Step::Name(start, end) => PathToken::Key(&names[start..end]),
            Step::Index(i) => PathToken::Index(i),
        }))
    }

    /// As `rules::text::check_value` reads the parsed JSON: members `az`, `en`, `ru` are localized text,
    /// `signer` and the items of `articles` are Azerbaijani (map keys are member names there too).
    fn role(&self) -> Role {
        let key = |step: Option<&Step>| match step {
            Some(Step::Key(k)) => Some(*k),
            Some(&Step::Name(start, end)) => Some(&self.names[start..end]),
            Some(Step::Index(_)) | None => None,
        };
        let path = &self.path;
        let parent = || key(path.len().checked_sub(2).and_then(|i| path.get(i)));
        match key(path.last()) {
            Some("az") => Role::Localized(true),
            Some("en" | "ru") => Role::Localized(false),
            Some("signer") => Role::Azerbaijani,
            None if parent() == Some("articles") => Role::Azerbaijani,
            _ => Role::Plain,
        }
    }

    fn string(&mut self, s: &str) -> Result<(), Fallback> {
        self.enter()?;
        if s.len() > self.max_string {
            return Err(Fallback);
        }
        let (path, names) = (&self.path, self.names.as_str());
        let at = || Walker::pointer(path, names);
        match self.role() {
            // Every `az`/`en`/`ru` member is a `LocalizedText`'s, which the schema wants non-empty.
            Role::Localized(_) if s.is_empty() => return Err(Fallback),
            Role::Localized(is_az) => rules::text::check_text(is_az, s, at, self.out),
            Role::Azerbaijani => rules::text::check_script_only(s, at, self.out),
            Role::Plain => {}
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

/// Counts the bytes written to it.
struct Length(usize);

impl std::fmt::Write for Length {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0 += s.len();
        Ok(())
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

    /// Dates: a string the rules do not read needs only its length, counted without writing it out.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), Fallback> {
        if !matches!(self.role(), Role::Plain) {
            return self.string(&value.to_string());
        }
        self.enter()?;
        let mut length = Length(0);
        std::fmt::Write::write_fmt(&mut length, format_args!("{value}")).map_err(|_| Fallback)?;
        if length.0 > self.max_string {
            return Err(Fallback);
        }
        Ok(())
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
        let names = &mut self.walker.names;
        let start = names.len();
        key.serialize(KeyName(names))?;
        if names.len() - start > self.walker.max_string {
            return Err(Fallback);
        }
        self.index += 1;
        if self.index > self.walker.max_items {
            return Err(Fallback);
        }
        self.walker.path.push(Step::Name(start, names.len()));
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fallback> {
        let result = value.serialize(&mut *self.walker);
        if let Some(Step::Name(start, _)) = self.walker.path.pop() {
            self.walker.names.truncate(start);
        }
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

/// Serializes a map key by appending its text to a buffer (anything else falls back).
pub(crate) struct KeyName<'b>(&'b mut String);

macro_rules! key_not_text {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<(), Fallback> {
            Err(Fallback)
        })*
    };
}

impl Serializer for KeyName<'_> {
    type Ok = ();
    type Error = Fallback;
    type SerializeSeq = ser::Impossible<(), Fallback>;
    type SerializeTuple = ser::Impossible<(), Fallback>;
    type SerializeTupleStruct = ser::Impossible<(), Fallback>;
    type SerializeTupleVariant = ser::Impossible<(), Fallback>;
    type SerializeMap = ser::Impossible<(), Fallback>;
    type SerializeStruct = ser::Impossible<(), Fallback>;
    type SerializeStructVariant = ser::Impossible<(), Fallback>;

    fn serialize_str(self, s: &str) -> Result<(), Fallback> {
        self.0.push_str(s);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Fallback> {
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

    fn serialize_none(self) -> Result<(), Fallback> {
        Err(Fallback)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Fallback> {
        Err(Fallback)
    }
    fn serialize_unit(self) -> Result<(), Fallback> {
        Err(Fallback)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Fallback> {
        Err(Fallback)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Fallback> {
        Err(Fallback)
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
