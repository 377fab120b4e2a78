//! A host language's document copied into two flat buffers ([`Tape`]), so that a binding holds its
//! runtime's lock (Python's GIL) only for the copy: `dxer::validate(&tape, opts)` (a tape is a
//! [`crate::Source`]) then reads the copy into the typed model, validates it and, when the direct path steps
//! aside, converts it into a `serde_json::Value` of its own for the full pipeline ([`Tape::to_value`]), all on
//! any thread. [`crate::host::Typed::read`] over [`Tape::root`] is the direct path alone.
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
//! // Not a record: the direct path steps aside, and the full pipeline reports on `tape.to_value()`, the
//! // report `validate` gives for the tape.
//! let opts = dxer::Options::default();
//! assert!(Typed::read(&tape.root(), &opts).is_none());
//! assert_eq!(dxer::validate(&tape, &opts), dxer::validate(&tape.to_value(), &opts));
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

    /// An empty tape with room for `nodes` values and `text` bytes of strings: a binding copying many
    /// documents sizes each like the last ([`Tape::size`]), so that the copy does not grow its buffers.
    pub fn with_capacity(nodes: usize, text: usize) -> Tape {
        Tape { nodes: Vec::with_capacity(nodes), text: String::with_capacity(text) }
    }

    /// How many values the tape holds, and how many bytes its strings take: the sizes to give
    /// [`Tape::with_capacity`] for a document like this one.
    pub fn size(&self) -> (usize, usize) {
        (self.nodes.len(), self.text.len())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::direct::tests::tape_of;

    /// A small deterministic generator (xorshift), so that a failure names its seed.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    fn random_value(rng: &mut Rng, depth: usize) -> Value {
        match rng.below(if depth > 5 { 6 } else { 8 }) {
            0 => Value::Null,
            1 => Value::Bool(rng.below(2) == 1),
            2 => Value::from(rng.below(1 << 40) as i64 - (1 << 39)),
            3 => Value::from(u64::MAX - rng.below(10)),
            4 => Value::from(rng.below(1000) as f64 / 8.0),
            5 => Value::String(["", "a", "ə ş ç", "Кириллица", "\u{200B}", "\"\\/"][rng.below(6) as usize].into()),
            6 => Value::Array((0..rng.below(4)).map(|_| random_value(rng, depth + 1)).collect()),
            _ => Value::Object(
                (0..rng.below(4)).map(|i| (format!("k{}", i + rng.below(3)), random_value(rng, depth + 1))).collect(),
            ),
        }
    }

    /// Any document copied onto a tape comes back whole, and reads as a host's objects read.
    #[test]
    fn a_tape_holds_any_document() {
        for seed in 1..=2_000 {
            let value = random_value(&mut Rng(seed), 1);
            let tape = tape_of(&value);
            assert_eq!(tape.to_value(), value, "seed {seed}");
            // Read through the strict reader as anything: no panic, and the same verdict each time.
            let opts = crate::Options::default();
            let first = crate::host::Typed::read(&tape.root(), &opts).is_some();
            assert_eq!(crate::host::Typed::read(&tape.root(), &opts).is_some(), first, "seed {seed}");
        }
    }

    /// The tape as [`HostNode::read`] sees it; `None` where it sees no data.
    fn via_host(node: TapeNode<'_>) -> Option<Value> {
        Some(match node.read()? {
            HostValue::Null => Value::Null,
            HostValue::Bool(b) => Value::Bool(b),
            HostValue::Int(i) => Value::from(i),
            HostValue::UInt(u) => Value::from(u),
            HostValue::Float(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
            HostValue::Str(s) => Value::String(s.to_owned()),
            HostValue::List(_, items) => Value::Array(items.map(via_host).collect::<Option<_>>()?),
            HostValue::Object(_, members) => {
                let mut map = Map::new();
                for (name, value) in members {
                    let HostValue::Str(name) = name.read()? else { return None };
                    map.insert(name.to_owned(), via_host(value)?);
                }
                Value::Object(map)
            }
        })
    }

    /// Any sequence of the builder's calls, in any order (containers closed twice, out of order, never), gives
    /// a tape that reads without a panic or a hang, and a value.
    #[test]
    fn any_sequence_of_calls_gives_a_readable_tape() {
        let opts = crate::Options::default();
        let mut nested = 0;
        for seed in 1..=5_000 {
            let mut rng = Rng(seed);
            let mut tape = Tape::new();
            let mut open: Vec<usize> = Vec::new();
            for _ in 0..rng.below(40) {
                match rng.below(9) {
                    0 => tape.null(),
                    1 => tape.bool(true),
                    2 => tape.int(-1),
                    3 => tape.float(f64::INFINITY),
                    4 | 5 => tape.str("k"),
                    6 => open.push(tape.open_list().0),
                    7 => open.push(tape.open_object().0),
                    // Mostly the innermost container; now and then any, possibly closed before, or with
                    // another still open inside it.
                    _ if !open.is_empty() && rng.below(5) > 0 => tape.close(Open(open.pop().unwrap_or(0))),
                    _ if !open.is_empty() => tape.close(Open(open[rng.below(open.len() as u64) as usize])),
                    _ => {}
                }
            }
            let value = tape.to_value();
            let _ = crate::host::Typed::read(&tape.root(), &opts);
            // Where the reader a host's objects are read with sees data throughout, it sees `to_value`'s.
            if let Some(read) = via_host(tape.root()) {
                assert_eq!(read, value, "seed {seed}");
                let holds_container = |v: &Value| v.is_array() || v.is_object();
                let inner = match &read {
                    Value::Array(items) => items.iter().any(holds_container),
                    Value::Object(members) => members.values().any(holds_container),
                    _ => false,
                };
                nested += usize::from(inner);
            }
        }
        assert!(nested > 30, "only {nested} sequences built a container holding a container");
    }
}
