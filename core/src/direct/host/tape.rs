//! A host language's document copied into two flat buffers ([`Tape`]), so that a binding holds its
//! runtime's lock (Python's GIL) only for the copy: reading the copy into the typed model
//! ([`crate::host::Typed::read`] over [`Tape::root`]), validating it and, when the direct path steps aside,
//! converting it into a `serde_json::Value` for the full pipeline ([`Tape::to_value`]) all run on any thread.
//!
//! The copy is cheap: a node per value (no allocation of its own) and every string's bytes appended to one
//! `String`. It holds JSON data only: a binding copies what JSON can say (a string, a finite number, an
//! integer within 64 bits, a list, an object with string keys) and gives up on anything else, converting
//! that document the way it always has.
//!
//! ```
//! use dxer::host::{Tape, Typed};
//!
//! // {"record_id": "REC-1", "tags": [1, true]}, as a binding copies it.
//! let mut tape = Tape::new();
//! let record = tape.open_object();
//! tape.str("record_id");
//! tape.str("REC-1");
//! tape.str("tags");
//! let tags = tape.open_list();
//! tape.int(1);
//! tape.bool(true);
//! tape.close(tags);
//! tape.close(record);
//! assert_eq!(tape.to_value(), serde_json::json!({"record_id": "REC-1", "tags": [1, true]}));
//! // Not a record: the direct path steps aside, and the full pipeline reports on `tape.to_value()`.
//! assert!(Typed::read(&tape.root(), &dxer::Options::default()).is_none());
//! ```

use serde_json::{Map, Number, Value};

use super::{HostNode, HostValue};

/// One value of a [`Tape`].
#[derive(Clone, Copy, Debug)]
enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// Bytes `start..end` of the tape's text.
    Str {
        start: usize,
        end: usize,
    },
    /// `len` items follow; `next` is the index of the node after the last of them (0: not closed yet).
    List {
        len: usize,
        next: usize,
    },
    /// `len` members follow, each a name (a `Str` node) then a value; `next` as for a list.
    Object {
        len: usize,
        next: usize,
    },
}

/// A document copied out of a host language's objects, in document order: see the module's documentation.
/// A tape built wrongly (a container never closed, a member without a value, a name that is not a string)
/// is read as not JSON data: the direct path steps aside and [`Tape::to_value`] gives `null` where it is
/// wrong.
#[derive(Clone, Debug, Default)]
pub struct Tape {
    nodes: Vec<Node>,
    text: String,
}

/// A container opened by [`Tape::open_list`] or [`Tape::open_object`], to be closed with [`Tape::close`].
#[derive(Debug)]
#[must_use = "a container must be closed"]
pub struct Open(usize);

impl Tape {
    /// The deepest a tape's containers may lie (the document itself at depth 1): [`Tape::to_value`] gives
    /// `null` for a container at this depth or deeper, so a binding copies nothing that deep (it gives up,
    /// and converts such a document the way it always has).
    pub const MAX_DEPTH: usize = 1_000;

    /// An empty tape.
    pub fn new() -> Tape {
        Tape::default()
    }

    /// Empties the tape, keeping its buffers for the next document.
    pub fn clear(&mut self) {
        self.nodes.clear();
        self.text.clear();
    }

    /// Appends `null`.
    pub fn null(&mut self) {
        self.nodes.push(Node::Null);
    }

    /// Appends `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.nodes.push(Node::Bool(b));
    }

    /// Appends an integer.
    pub fn int(&mut self, i: i64) {
        self.nodes.push(Node::Int(i));
    }

    /// Appends an integer past `i64::MAX`.
    pub fn uint(&mut self, u: u64) {
        self.nodes.push(Node::UInt(u));
    }

    /// Appends a number (one that is not finite is not JSON: the direct path steps aside and
    /// [`Tape::to_value`] gives `null`).
    pub fn float(&mut self, f: f64) {
        self.nodes.push(Node::Float(f));
    }

    /// Appends a string (or, in an object, a member's name).
    pub fn str(&mut self, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.nodes.push(Node::Str { start, end: self.text.len() });
    }

    /// Opens a list: its items follow, then [`Tape::close`].
    pub fn open_list(&mut self) -> Open {
        self.nodes.push(Node::List { len: 0, next: 0 });
        Open(self.nodes.len() - 1)
    }

    /// Opens an object: its members follow (each a name with [`Tape::str`], then a value), then
    /// [`Tape::close`].
    pub fn open_object(&mut self) -> Open {
        self.nodes.push(Node::Object { len: 0, next: 0 });
        Open(self.nodes.len() - 1)
    }

    /// Closes a container after its items (or members). One that is not well formed (a container in it
    /// not closed, a member without a value, a name that is not a string) stays unclosed: not JSON data.
    pub fn close(&mut self, open: Open) {
        let after = self.nodes.len();
        let Some(&container) = self.nodes.get(open.0) else { return };
        let is_object = matches!(container, Node::Object { .. });
        let (mut i, mut count) = (open.0 + 1, 0);
        while i < after {
            let name_expected = is_object && count % 2 == 0;
            i = match self.nodes[i] {
                Node::Str { .. } => i + 1,
                _ if name_expected => return,
                Node::List { next, .. } | Node::Object { next, .. } if next > i => next,
                Node::List { .. } | Node::Object { .. } => return,
                _ => i + 1,
            };
            count += 1;
        }
        let len = match (is_object, count % 2) {
            (false, _) => count,
            (true, 0) => count / 2,
            (true, _) => return,
        };
        if let Some(Node::List { len: l, next } | Node::Object { len: l, next }) = self.nodes.get_mut(open.0) {
            (*l, *next) = (len, after);
        }
    }

    /// The document: its first value.
    pub fn root(&self) -> TapeNode<'_> {
        TapeNode { tape: self, at: 0 }
    }

    /// The document as a `serde_json::Value` (`null` where the tape is not JSON data).
    pub fn to_value(&self) -> Value {
        self.root().value(1)
    }
}

/// One value of a [`Tape`], for [`crate::host::Typed::read`].
#[derive(Clone, Copy, Debug)]
pub struct TapeNode<'t> {
    tape: &'t Tape,
    at: usize,
}

impl<'t> TapeNode<'t> {
    fn node(&self) -> Option<Node> {
        self.tape.nodes.get(self.at).copied()
    }

    /// The index of the node after this value (and everything in it); `None` on a tape built wrongly.
    fn after(&self) -> Option<usize> {
        match self.node()? {
            Node::List { next, .. } | Node::Object { next, .. } => (next > self.at).then_some(next),
            _ => Some(self.at + 1),
        }
    }

    fn at(&self, at: usize) -> TapeNode<'t> {
        TapeNode { tape: self.tape, at }
    }

    fn str(&self) -> Option<&'t str> {
        match self.node()? {
            Node::Str { start, end } => self.tape.text.get(start..end),
            _ => None,
        }
    }

    fn value(&self, depth: usize) -> Value {
        match self.node() {
            Some(Node::Bool(b)) => Value::Bool(b),
            Some(Node::Int(i)) => Value::Number(i.into()),
            Some(Node::UInt(u)) => Value::Number(u.into()),
            Some(Node::Float(f)) => Number::from_f64(f).map_or(Value::Null, Value::Number),
            Some(Node::Str { .. }) => self.str().map_or(Value::Null, |s| Value::String(s.to_owned())),
            Some(Node::List { len, .. }) if depth < Tape::MAX_DEPTH && self.after().is_some() => {
                Value::Array(self.items(len).map(|item| item.value(depth + 1)).collect())
            }
            Some(Node::Object { len, .. }) if depth < Tape::MAX_DEPTH && self.after().is_some() => {
                let mut map = Map::new();
                for (name, value) in self.members(len) {
                    if let Some(name) = name.str() {
                        map.insert(name.to_owned(), value.value(depth + 1));
                    }
                }
                Value::Object(map)
            }
            _ => Value::Null,
        }
    }

    fn items(&self, len: usize) -> TapeItems<'t> {
        TapeItems { node: self.at(self.at + 1), left: len, end: self.after().unwrap_or(self.at) }
    }

    fn members(&self, len: usize) -> TapeMembers<'t> {
        TapeMembers(self.items(len.saturating_mul(2)))
    }
}

/// The items of a list on a tape.
#[derive(Debug)]
pub struct TapeItems<'t> {
    node: TapeNode<'t>,
    left: usize,
    end: usize,
}

impl<'t> Iterator for TapeItems<'t> {
    type Item = TapeNode<'t>;

    fn next(&mut self) -> Option<TapeNode<'t>> {
        if self.left == 0 || self.node.at >= self.end {
            return None;
        }
        let item = self.node;
        // A value whose end is not after it (a tape built wrongly) ends the list.
        let after = item.after().filter(|&a| a <= self.end)?;
        self.left -= 1;
        self.node = item.at(after);
        Some(item)
    }
}

/// The members of an object on a tape: (name, value).
#[derive(Debug)]
pub struct TapeMembers<'t>(TapeItems<'t>);

impl<'t> Iterator for TapeMembers<'t> {
    type Item = (TapeNode<'t>, TapeNode<'t>);

    fn next(&mut self) -> Option<Self::Item> {
        Some((self.0.next()?, self.0.next()?))
    }
}

impl<'t> HostNode for TapeNode<'t> {
    type Items = TapeItems<'t>;
    type Members = TapeMembers<'t>;

    fn read(&self) -> Option<HostValue<'_, Self>> {
        Some(match self.node()? {
            Node::Null => HostValue::Null,
            Node::Bool(b) => HostValue::Bool(b),
            Node::Int(i) => HostValue::Int(i),
            Node::UInt(u) => HostValue::UInt(u),
            Node::Float(f) => HostValue::Float(f),
            Node::Str { .. } => HostValue::Str(self.str()?),
            // A container the tape does not close properly is not read: the full pipeline reports on
            // `to_value`.
            Node::List { len, .. } => {
                self.after()?;
                HostValue::List(len, self.items(len))
            }
            Node::Object { len, .. } => {
                self.after()?;
                HostValue::Object(len, self.members(len))
            }
        })
    }

    fn is_null(&self) -> bool {
        matches!(self.node(), Some(Node::Null))
    }
}
