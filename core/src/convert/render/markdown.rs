//! Markdown: every text escaped so that no text can make markup.

use std::fmt::Write as _;

use crate::codelists::CodeLists;
use crate::model::Record;

use super::*;

/// Escapes text so that Markdown (CommonMark, GitHub Flavored) shows it literally: markup characters are
/// backslash-escaped, `& < >` become entities (so no raw HTML), line breaks become spaces, and a text that
/// would start a block (list, heading, quote) has its first character escaped.
pub(super) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes what would start a block at the beginning of a line: `-`, `+`, `=` and `1.` / `1)`.
pub(super) fn md_line_start(mut s: String) -> String {
    if s.starts_with(['-', '+', '=']) {
        s.insert(0, '\\');
    } else {
        // An ordered-list marker: 1–9 digits, `.` or `)`, then a space or the end of the line.
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        let rest = &s[digits..];
        if (1..=9).contains(&digits)
            && rest.starts_with(['.', ')'])
            && rest[1..].chars().next().is_none_or(char::is_whitespace)
        {
            s.insert(digits, '\\');
        }
    }
    s
}

pub(super) fn md_line(line: &Line) -> String {
    let mut out = String::new();
    for inline in line {
        match inline {
            Inline::Text(t) | Inline::Az(t) | Inline::Url(t) => out.push_str(&md_escape(t)),
        }
    }
    md_line_start(out.trim().to_string())
}

pub(super) fn md_fields(fields: &[Field], indent: &str, out: &mut String) {
    for f in fields {
        let value = if f.value.is_empty() { "—".to_string() } else { md_line(&f.value) };
        let _ = writeln!(out, "{indent}- **{}:** {value}", md_escape(f.label));
    }
}

pub(super) fn write_markdown(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_line(&doc.title));
    for (_, native, t) in &doc.alternates {
        let _ = writeln!(out, "*{}:* {}\n", md_escape(native), md_line(&text(t.clone())));
    }
    md_fields(&doc.header, "", &mut out);
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading(level, h) => {
                let _ = writeln!(out, "{} {}", "#".repeat(*level as usize), md_escape(h));
            }
            Block::Fields(fields) => md_fields(fields, "", &mut out),
            Block::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    let marker = format!("{}. ", i + 1);
                    let _ = writeln!(out, "{marker}{}", md_line(&item.head));
                    md_fields(&item.fields, &" ".repeat(marker.len()), &mut out);
                }
            }
            Block::Para(line) => {
                let _ = writeln!(out, "{}", md_line(line));
            }
            Block::Empty => out.push_str("—\n"),
        }
    }
    out
}

/// The reglament as Markdown (CommonMark; headings, field lists and numbered lists) in `lang` (`"az"`,
/// `"en"`, `"ru"`), with code labels from the built-in lists. It contains no HTML and no links. What it
/// shows is the publication's, as for [`super::to_html`].
pub fn to_markdown(record: &Record, lang: &str, publication: Publication) -> Result<String, Withheld> {
    to_markdown_with(record, lang, &CodeLists::built_in(), publication)
}

/// [`to_markdown`] with the given code lists (e.g. a newer provider list).
pub fn to_markdown_with(
    record: &Record,
    lang: &str,
    lists: &CodeLists,
    publication: Publication,
) -> Result<String, Withheld> {
    publication.check(record)?;
    Ok(write_markdown(&build(record, lang, lists, publication)))
}
