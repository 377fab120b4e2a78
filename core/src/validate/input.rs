//! What the JSON text itself says before any value is read: a leading byte order mark (`DXER-J005`, read
//! past) and member names given twice in one object (`DXER-J004`). Both are invisible once the text is
//! parsed (a parser drops the mark or refuses the text; `serde_json` keeps the last of two members, another
//! parser the first), so they are found on the text, in one linear pass.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::pointer::{pointer_of, PathToken};
use crate::report::Finding;
use crate::rules;

/// The UTF-8 byte order mark, U+FEFF at the start of a text.
const BOM: char = '\u{FEFF}';

/// The text without a leading byte order mark, and whether it had one.
pub(crate) fn strip_bom(text: &str) -> (&str, bool) {
    match text.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (text, false),
    }
}

/// `DXER-J005`: the text started with a byte order mark, which was read past.
pub(crate) fn bom_finding() -> Finding {
    rules::finding("DXER-J005", "", &[])
}

/// `DXER-J004`: the member at `pointer` repeats the name `name` of its object.
pub(crate) fn duplicate_finding(pointer: &str, name: &str) -> Finding {
    rules::finding("DXER-J004", pointer, &[("name", name)])
}

/// An object's member names up to this many are compared one by one; past it, they go into a hash set.
const FEW: usize = 16;

/// One open container of the scan.
enum Frame<'a> {
    /// An object: where its names start in the shared list, their set once there are many, the name of the
    /// member being read, and whether a name comes next.
    Object { first: usize, set: Option<HashSet<Cow<'a, str>>>, current: Option<usize>, expect_name: bool },
    /// An array and the index of the item being read.
    Array { index: usize },
}

/// Every member name that appears a second (or later) time in its object, as (JSON Pointer of that
/// member, its name), in text order. Linear in the text: each name is compared with at most [`FEW`] others
/// of its object, or looked up in the object's hash set. Meant for text that parses as JSON; any other text
/// gives some list and no panic.
pub(crate) fn duplicate_members(text: &str) -> Vec<(String, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // The names of every open object, one after another (an object's own start at `Frame::Object::first`).
    let mut names: Vec<Cow<'_, str>> = Vec::new();
    let mut open: Vec<Frame<'_>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let mut end = start;
                let mut escaped = false;
                loop {
                    end = crate::direct::next_quote_or_backslash(bytes, end);
                    match bytes.get(end) {
                        Some(b'\\') => {
                            escaped = true;
                            end += 2;
                        }
                        _ => break,
                    }
                }
                let end = end.min(bytes.len());
                i = end;
                if !matches!(open.last(), Some(Frame::Object { expect_name: true, .. })) {
                    i += 1;
                    continue;
                }
                let raw = text.get(start..end).unwrap_or_default();
                let name: Cow<'_, str> = if escaped {
                    // The quotes around it make it a JSON string again; one that does not decode is not JSON.
                    match text.get(start - 1..=end).and_then(|s| serde_json::from_str::<String>(s).ok()) {
                        Some(decoded) => Cow::Owned(decoded),
                        None => Cow::Borrowed(raw),
                    }
                } else {
                    Cow::Borrowed(raw)
                };
                let mut seen = false;
                if let Some(Frame::Object { first, set, current, expect_name }) = open.last_mut() {
                    *expect_name = false;
                    *current = Some(names.len());
                    seen = match set {
                        Some(set) => !set.insert(name.clone()),
                        None => {
                            let seen = names[*first..].contains(&name);
                            if !seen && names.len() - *first >= FEW {
                                let mut all: HashSet<Cow<'_, str>> = names[*first..].iter().cloned().collect();
                                all.insert(name.clone());
                                *set = Some(all);
                            }
                            seen
                        }
                    };
                }
                if seen {
                    out.push((pointer(&open, &names, &name), name.to_string()));
                }
                names.push(name);
            }
            b'{' => open.push(Frame::Object { first: names.len(), set: None, current: None, expect_name: true }),
            b'[' => open.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                if let Some(Frame::Object { first, .. }) = open.pop() {
                    names.truncate(first);
                }
            }
            b',' => match open.last_mut() {
                Some(Frame::Object { expect_name, .. }) => *expect_name = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    out
}

/// The pointer of member `name` of the innermost open object.
fn pointer(open: &[Frame<'_>], names: &[Cow<'_, str>], name: &str) -> String {
    let outer = open[..open.len().saturating_sub(1)].iter().filter_map(|frame| match frame {
        Frame::Object { current, .. } => current.map(|c| PathToken::Key(&names[c])),
        Frame::Array { index } => Some(PathToken::Index(*index)),
    });
    pointer_of(outer.chain(std::iter::once(PathToken::Key(name))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dups(text: &str) -> Vec<(String, String)> {
        duplicate_members(text)
    }

    #[test]
    fn duplicates_are_found_at_their_pointers() {
        assert!(dups(r#"{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}"#).is_empty());
        assert_eq!(dups(r#"{"a": 1, "a": 2}"#), [("/a".to_string(), "a".to_string())]);
        let nested = r#"{"x": [0, {"y": {"k": 1, "v": "\"k\":", "k": 2}}], "z": 1, "z": 3, "z": 4}"#;
        assert_eq!(
            dups(nested),
            [
                ("/x/1/y/k".to_string(), "k".to_string()),
                ("/z".to_string(), "z".to_string()),
                ("/z".to_string(), "z".to_string())
            ]
        );
        // The same name written with an escape, and names that need escaping in a pointer.
        assert_eq!(dups(r#"{"a/b": 1, "a\/b": 2}"#), [("/a~1b".to_string(), "a/b".to_string())]);
        assert_eq!(dups(r#"{"\u0061": 1, "a": 2}"#), [("/a".to_string(), "a".to_string())]);
        // Names of sibling objects do not meet.
        assert!(dups(r#"[{"a": 1}, {"a": 1}, {"b": {"a": 1}, "a": 1}]"#).is_empty());
        // Values that look like names are not names.
        assert!(dups(r#"{"a": "a", "b": ["a", "a"]}"#).is_empty());
    }

    #[test]
    fn a_big_object_is_checked_through_its_set() {
        let members: Vec<String> = (0..5000).map(|i| format!("\"m{i}\": {i}")).collect();
        let text = format!("{{{}, \"m4321\": 0, \"inner\": {{\"m4321\": 1}}}}", members.join(", "));
        assert_eq!(dups(&text), [("/m4321".to_string(), "m4321".to_string())]);
    }

    #[test]
    fn broken_text_gives_no_panic() {
        for text in ["{\"a\"", "{\"a\": 1, \"a", "}}]]", "{\"\\", "{\"a\":1,\"a\\u12\":2}", "[\"", "{,,\"a\"}"] {
            let _ = dups(text);
        }
    }

    #[test]
    fn a_leading_mark_is_stripped_once() {
        assert_eq!(strip_bom("\u{FEFF}{}"), ("{}", true));
        assert_eq!(strip_bom("{}\u{FEFF}"), ("{}\u{FEFF}", false));
        assert_eq!(strip_bom("\u{FEFF}\u{FEFF}{}"), ("\u{FEFF}{}", true));
    }
}
