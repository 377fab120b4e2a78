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

/// A JSON Pointer not yet written out: where a rule looks, kept as the steps that lead there and written
/// out (by [`std::fmt::Display`], `to_string()`) only when a finding is emitted there. A check that finds
/// nothing costs no allocation, however many places it looks at.
///
/// Each step borrows the pointer it extends: the steps live on the stack of the code that walks the
/// document, and a copy is a pointer and a step. Passed straight to a call, steps chain freely
/// (`out.emit(code, tier.path("/components").index(j), ..)`); kept in a `let`, a step extends a pointer an
/// earlier `let` holds (`let tiers = base.path("/standard/fees/tiers"); let tier = tiers.index(i);`), as
/// the compiler does not let it borrow a temporary.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At<'a> {
    /// The pointer this one extends; `None` for one given as written.
    up: Option<&'a At<'a>>,
    step: Step<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    /// Pointer text written as is (its names already escaped): `/reglament`, `/standard/documents`.
    Path(&'a str),
    /// An array index.
    Index(usize),
    /// A member name, escaped when written.
    Key(&'a str),
}

impl<'a> At<'a> {
    /// The pointer `pointer`, written as is (`""` for the document itself).
    pub(crate) const fn new(pointer: &'a str) -> At<'a> {
        At { up: None, step: Step::Path(pointer) }
    }

    /// This pointer followed by `path`, pointer text written as is (`"/general/provider"`).
    pub(crate) fn path<'b>(&'b self, path: &'b str) -> At<'b> {
        At { up: Some(self), step: Step::Path(path) }
    }

    /// This pointer followed by the array index `i`.
    pub(crate) fn index(&self, i: usize) -> At<'_> {
        At { up: Some(self), step: Step::Index(i) }
    }

    /// This pointer followed by the member `name` (escaped).
    pub(crate) fn key<'b>(&'b self, name: &'b str) -> At<'b> {
        At { up: Some(self), step: Step::Key(name) }
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(up) = self.up {
            up.fmt(f)?;
        }
        match self.step {
            Step::Path(path) => f.write_str(path),
            Step::Index(i) => write!(f, "/{i}"),
            Step::Key(name) => write!(f, "/{}", escape_token(name)),
        }
    }
}

/// A finding's pointer as the code that emits it has it: written out already (`&str`, `&String`), or an
/// [`At`], written out only now, for the finding.
pub(crate) trait IntoPointer {
    /// The pointer, written out.
    fn into_pointer(self) -> String;
}

impl IntoPointer for &str {
    fn into_pointer(self) -> String {
        self.to_string()
    }
}

impl IntoPointer for &String {
    fn into_pointer(self) -> String {
        self.clone()
    }
}

impl IntoPointer for At<'_> {
    fn into_pointer(self) -> String {
        self.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_is_written_out_from_its_steps() {
        let base = At::new("/reglament");
        let tiers = base.path("/standard/fees/tiers");
        let tier = tiers.index(2);
        assert_eq!(
            tier.path("/components").index(0).path("/legal_basis").to_string(),
            "/reglament/standard/fees/tiers/2/components/0/legal_basis"
        );
        assert_eq!(At::new("").path("/variants").key("a/b~c").index(1).to_string(), "/variants/a~1b~0c/1");
        assert_eq!(At::new("").to_string(), "");
        assert_eq!(
            At::new("/data_sources").index(3).to_string(),
            pointer_of([PathToken::Key("data_sources"), PathToken::Index(3)])
        );
    }
}
