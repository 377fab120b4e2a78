//! JSON Pointers (RFC 6901): built once, here, for every module that locates a finding.
//!
//! ```
//! use dxer::pointer::{escape_token, pointer_of, PathToken};
//! assert_eq!(escape_token("a/b~c"), "a~1b~0c");
//! assert_eq!(pointer_of([PathToken::Key("fees"), PathToken::Index(0), PathToken::Key("a/b")]), "/fees/0/a~1b");
//! ```

use std::borrow::Cow;

/// One reference token of a JSON Pointer: a member name or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathToken<'a> {
    /// A member name (escaped when the pointer is built).
    Key(&'a str),
    /// An array index.
    Index(usize),
}

/// The JSON Pointer of a path from the document's root (RFC 6901, names escaped).
pub fn pointer_of<'a>(path: impl IntoIterator<Item = PathToken<'a>>) -> String {
    let mut out = String::new();
    for token in path {
        out.push('/');
        match token {
            PathToken::Key(k) => out.push_str(&escape_token(k)),
            PathToken::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// Escapes one JSON Pointer reference token (RFC 6901).
pub fn escape_token(token: &str) -> Cow<'_, str> {
    if token.contains(['~', '/']) {
        Cow::Owned(token.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(token)
    }
}
