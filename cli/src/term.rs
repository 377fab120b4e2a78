//! Human-readable output is escaped for the terminal: file names and record values may hold escape codes,
//! other control characters or bidirectional overrides ([`dxer::text::escape_terminal`], the one place
//! that knows which). JSON, SARIF, CSV, HTML and the converted documents are data and are left as they are.

use std::borrow::Cow;
use std::path::Path;

/// `text` escaped for a terminal (line feeds kept).
pub fn clean(text: &str) -> Cow<'_, str> {
    dxer::text::escape_terminal(text)
}

/// A file name for a human-readable message: escaped, its line feeds and tabs too (one name, one line).
pub fn name(path: &Path) -> String {
    quote_lines(&path.to_string_lossy())
}

/// Like [`name`], for a source that is already text (`path`, `path:line` or `-`).
pub fn quote_lines(text: &str) -> String {
    clean(text).replace('\n', "\\u{a}").replace('\t', "\\u{9}")
}

/// Prints a line on standard error, escaped.
pub fn warn(message: &str) {
    eprintln!("{}", clean(message));
}
