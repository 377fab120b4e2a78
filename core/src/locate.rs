//! Where a JSON Pointer points in JSON text: line and column, for editors and code hosts (SARIF).
//!
//! [`positions`] locates any number of pointers in one pass over the text, then turns the byte offsets
//! found into lines and columns in one more pass (in the order of the text, so a minified document of
//! one long line costs no more than a pretty-printed one): locating all a document's findings is linear
//! in the text and the pointers, however many findings there are. The human and SARIF reports of
//! `dxer validate` locate each document's findings with one call. [`position`] locates one pointer.
//!
//! Only the containers on the way to a pointer asked for are read member by member; every other value
//! is skipped by counting brackets. The text need not be valid JSON: what a pointer finds depends only
//! on the text before it, and is what a walk of that one pointer would find (the tests compare both).

use std::borrow::Cow;
use std::collections::HashMap;

/// A position in text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The position of the value at `pointer` in `text` (for a member, the position of its name; for a
/// missing member or item, the position of the nearest enclosing member or item that was found, or of
/// the value that has no members). `None` when the pointer is not one (no leading `/`), names an item
/// of an array by anything but an index (`0`, or digits without a leading zero), or when the text ends
/// or is not JSON before the path is settled.
///
/// ```
/// let text = "{\n  \"a\": {\n    \"b\": [1, 2]\n  }\n}";
/// let p = dxer::locate::position(text, "/a/b/1").unwrap();
/// assert_eq!((p.line, p.column), (3, 14));
/// let p = dxer::locate::position(text, "/a/missing").unwrap();
/// assert_eq!((p.line, p.column), (2, 3)); // the member "a" that should hold it
/// ```
pub fn position(text: &str, pointer: &str) -> Option<Position> {
    positions(text, [pointer]).pop().flatten()
}

/// The position of each pointer (as [`position`] finds it), in the order given: one pass over the text
/// for all of them.
///
/// ```
/// let text = "{\"fees\": [{\"amount\": \"x\"},\n          {\"amount\": -1}], \"ok\": true}";
/// let found = dxer::locate::positions(text, ["/fees/1/amount", "/fees/0", "/nowhere", "bad"]);
/// let at: Vec<Option<(usize, usize)>> = found.iter().map(|p| p.map(|p| (p.line, p.column))).collect();
/// assert_eq!(at, [Some((2, 12)), Some((1, 11)), Some((1, 1)), None]);
/// ```
pub fn positions<'p>(text: &str, pointers: impl IntoIterator<Item = &'p str>) -> Vec<Option<Position>> {
    let mut trie = Trie { nodes: vec![TrieNode::default()] };
    let leaves: Vec<Option<usize>> = pointers.into_iter().map(|p| trie.insert(p)).collect();
    trie.scan(text.as_bytes());
    let settled = trie.settle();
    let offsets: Vec<Option<usize>> = leaves.iter().map(|leaf| leaf.and_then(|n| settled[n])).collect();
    line_columns(text.as_bytes(), &offsets)
}

/// Lines and columns of byte offsets, in one pass over the text up to the last of them.
fn line_columns(bytes: &[u8], offsets: &[Option<usize>]) -> Vec<Option<Position>> {
    let mut order: Vec<(usize, usize)> =
        offsets.iter().enumerate().filter_map(|(i, o)| o.map(|o| (o.min(bytes.len()), i))).collect();
    order.sort_unstable();
    let mut out = vec![None; offsets.len()];
    let (mut at, mut line, mut column) = (0, 1, 1);
    for (offset, i) in order {
        for &b in &bytes[at..offset] {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                column += 1; // the first byte of a character
            }
        }
        at = offset;
        out[i] = Some(Position { line, column });
    }
    out
}

/// The pointers asked for, as a tree of their tokens (node 0: the root, the pointer `""`); what the
/// scan found for each.
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    parent: usize,
    children: HashMap<String, usize>,
    /// The index this token names in an array (`None`: not an index).
    index: Option<usize>,
    /// Byte offset where it was found (its member's name, its item's value).
    at: Option<usize>,
    /// The text ended or was not JSON while it was looked for.
    failed: bool,
}

impl Trie {
    /// Adds a pointer; its node, `None` when it is not a pointer.
    fn insert(&mut self, pointer: &str) -> Option<usize> {
        if pointer.is_empty() {
            return Some(0);
        }
        let mut node = 0;
        for raw in pointer.strip_prefix('/')?.split('/') {
            let token = unescape(raw);
            node = match self.nodes[node].children.get(token.as_ref()) {
                Some(&child) => child,
                None => {
                    let child = self.nodes.len();
                    let canonical =
                        token == "0" || !token.starts_with('0') && token.bytes().all(|b| b.is_ascii_digit());
                    let index = if canonical { token.parse().ok() } else { None };
                    self.nodes.push(TrieNode { parent: node, index, ..TrieNode::default() });
                    self.nodes[node].children.insert(token.into_owned(), child);
                    child
                }
            };
        }
        Some(node)
    }

    /// Marks the children of `node` not found yet as failed.
    fn fail_pending(&mut self, node: usize) {
        let pending: Vec<usize> = self.nodes[node].children.values().copied().collect();
        for child in pending {
            if self.nodes[child].at.is_none() {
                self.nodes[child].failed = true;
            }
        }
    }

    /// Walks the text once, recording where each token asked for is.
    fn scan(&mut self, bytes: &[u8]) {
        let mut s = Scanner { bytes, pos: 0 };
        s.ws();
        self.nodes[0].at = Some(s.pos);
        let mut stack: Vec<Frame> = Vec::new();
        if let Step::Fail = self.enter(0, &mut s, &mut stack) {
            return; // the text ends before the value
        }
        while let Some(&top) = stack.last() {
            s.ws();
            let step =
                if top.array { self.item(top, &mut s, &mut stack) } else { self.member(top, &mut s, &mut stack) };
            self.after(step, &mut s, &mut stack);
        }
    }

    /// Goes into the value at `s.pos` when tokens of `node` are looked for in it: `Next` when it was
    /// entered, `Skip` when there is nothing to look for in it (it is not skipped yet), `Fail` when the
    /// text ends there.
    fn enter(&mut self, node: usize, s: &mut Scanner, stack: &mut Vec<Frame>) -> Step {
        if self.nodes[node].children.is_empty() {
            return Step::Skip;
        }
        let array = match s.peek() {
            None => {
                self.fail_pending(node);
                return Step::Fail;
            }
            Some(b'{') => false,
            Some(b'[') => true,
            Some(_) => return Step::Skip, // a value without members: what is looked for in it is not there
        };
        if array {
            let not_indices: Vec<usize> =
                self.nodes[node].children.values().copied().filter(|&c| self.nodes[c].index.is_none()).collect();
            for child in not_indices {
                self.nodes[child].failed = true;
            }
        }
        stack.push(Frame { node, array, start: s.pos, next_index: 0 });
        s.pos += 1;
        Step::Next
    }

    /// The value of a member or item, at `s.pos`: entered when `child` is looked into, else skipped.
    fn value(&mut self, child: Option<usize>, s: &mut Scanner, stack: &mut Vec<Frame>) -> Step {
        if let Some(child) = child {
            match self.enter(child, s, stack) {
                Step::Skip => {}
                step => return step,
            }
        }
        match s.skip_value() {
            Some(()) => Step::Skip,
            None => Step::Fail,
        }
    }

    /// One step in an object: a member, a comma or the end.
    fn member(&mut self, top: Frame, s: &mut Scanner, stack: &mut Vec<Frame>) -> Step {
        match s.peek() {
            None => Step::Fail,
            Some(b'}') => {
                s.pos += 1;
                Step::Done
            }
            Some(b',') => {
                s.pos += 1;
                Step::Next
            }
            Some(b'"') => {
                let key_at = s.pos;
                let Some(key) = s.string() else { return Step::Fail };
                s.ws();
                match s.peek() {
                    None => return Step::Fail,
                    Some(b':') => s.pos += 1,
                    Some(_) => return Step::Malformed,
                }
                s.ws();
                let child =
                    self.nodes[top.node].children.get(key.as_ref()).copied().filter(|&c| self.nodes[c].at.is_none());
                if let Some(c) = child {
                    self.nodes[c].at = Some(key_at);
                }
                self.value(child, s, stack)
            }
            Some(_) => Step::Malformed,
        }
    }

    /// One step in an array: an item, a comma or the end.
    fn item(&mut self, top: Frame, s: &mut Scanner, stack: &mut Vec<Frame>) -> Step {
        match s.peek() {
            None => Step::Fail,
            Some(b']') => {
                s.pos += 1;
                Step::Done
            }
            Some(b',') => {
                s.pos += 1;
                Step::Next
            }
            Some(_) => {
                let i = top.next_index;
                if let Some(frame) = stack.last_mut() {
                    frame.next_index += 1;
                }
                let child = self.nodes[top.node].children.get(&i.to_string()).copied();
                let at = s.pos;
                if let Some(c) = child {
                    self.nodes[c].at = Some(at);
                }
                let step = self.value(child, s, stack);
                if matches!(step, Step::Skip) && s.pos == at {
                    // A `}` where an item should be: nothing moves on from here, so every later index
                    // is "found" here, as a walk of one pointer counting items in place would have it.
                    let later: Vec<usize> = self.nodes[top.node]
                        .children
                        .values()
                        .copied()
                        .filter(|&c| self.nodes[c].at.is_none() && self.nodes[c].index.is_some_and(|j| j > i))
                        .collect();
                    for c in later {
                        self.nodes[c].at = Some(at);
                    }
                    return Step::Malformed;
                }
                step
            }
        }
    }

    /// Acts on the outcome of a step of the innermost container.
    fn after(&mut self, mut step: Step, s: &mut Scanner, stack: &mut Vec<Frame>) {
        loop {
            match step {
                Step::Next | Step::Skip => return,
                Step::Done => {
                    stack.pop();
                    return;
                }
                Step::Malformed | Step::Fail => {
                    let Some(frame) = stack.pop() else { return };
                    if let Step::Fail = step {
                        self.fail_pending(frame.node);
                    }
                    if stack.is_empty() {
                        return;
                    }
                    // Go on past this container as a walk that did not look into it would: counting
                    // brackets from its start.
                    s.pos = frame.start;
                    match s.skip_value() {
                        Some(()) => return,
                        None => step = Step::Fail,
                    }
                }
            }
        }
    }

    /// For each node, the offset a pointer ending there is located at (`None`: not located).
    fn settle(&self) -> Vec<Option<usize>> {
        // (located at, whether the walk goes on below): parents come before their children.
        let mut out: Vec<(Option<usize>, bool)> = Vec::with_capacity(self.nodes.len());
        for (i, n) in self.nodes.iter().enumerate() {
            let entry = if i == 0 {
                (n.at, true)
            } else {
                let (parent_at, goes_on) = out[n.parent];
                match (goes_on, n.at) {
                    (false, _) => (parent_at, false),
                    (true, Some(at)) => (Some(at), true),
                    (true, None) if n.failed => (None, false),
                    (true, None) => (parent_at, false),
                }
            };
            out.push(entry);
        }
        out.into_iter().map(|(at, _)| at).collect()
    }
}

/// A container being read member by member.
#[derive(Debug, Clone, Copy)]
struct Frame {
    node: usize,
    array: bool,
    /// Offset of its `{` or `[`.
    start: usize,
    next_index: usize,
}

/// The outcome of one step.
enum Step {
    /// Go on in the innermost container (possibly one just entered).
    Next,
    /// A value was skipped: go on.
    Skip,
    /// The innermost container ended.
    Done,
    /// The innermost container is not JSON from here: what it did not show is not in it.
    Malformed,
    /// The text ends (or holds an undecodable name) here: what is still looked for is not located.
    Fail,
}

/// A pointer's reference token, unescaped (`~1` is `/`, `~0` is `~`).
fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Reads a string starting at `"`, returning its decoded value (`None`: unterminated or not a
    /// JSON string).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.pos;
        let mut plain = true;
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => {
                    plain = false;
                    self.pos += 2;
                }
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b if b < 0x20 => {
                    plain = false;
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
        let raw = &self.bytes[start..self.pos];
        if plain {
            // Between two ASCII quotes of a `str`: whole characters.
            return std::str::from_utf8(&raw[1..raw.len() - 1]).ok().map(Cow::Borrowed);
        }
        serde_json::from_slice::<String>(raw).ok().map(Cow::Owned)
    }

    /// Skips one value without recursion (brackets counted, strings skipped).
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    loop {
                        match self.peek()? {
                            b'\\' => self.pos += 2,
                            b'"' => {
                                self.pos += 1;
                                break;
                            }
                            _ => self.pos += 1,
                        }
                    }
                    if depth == 0 {
                        return Some(());
                    }
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                    self.pos += 1;
                    if depth == 0 {
                        return Some(());
                    }
                }
                b',' if depth == 0 => return Some(()),
                _ => self.pos += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests;
