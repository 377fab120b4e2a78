//! HTML: self-contained, every text escaped, links only to http(s) URLs, no script.

use std::fmt::Write as _;

use crate::codelists::CodeLists;
use crate::model::Record;

use super::*;

pub(super) use crate::text::escape_html as esc;

/// Whether a URL may become a link: `http` or `https`, with no whitespace, control or quoting characters.
pub(super) fn linkable(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > 8
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\'))
}

pub(super) fn html_line(line: &Line, out: &mut String) {
    for inline in line {
        match inline {
            Inline::Text(t) => out.push_str(&esc(t)),
            Inline::Az(t) => {
                let _ = write!(out, "<span lang=\"az\">{}</span>", esc(t));
            }
            Inline::Url(u) if linkable(u) => {
                let _ = write!(out, "<a href=\"{0}\">{0}</a>", esc(u));
            }
            Inline::Url(u) => out.push_str(&esc(u)),
        }
    }
}

pub(super) fn html_fields(fields: &[Field], out: &mut String) {
    out.push_str("<table class=\"fields\">\n");
    for f in fields {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th><td>", esc(f.label));
        if f.value.is_empty() {
            out.push('—');
        } else {
            html_line(&f.value, out);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
}

pub(super) const CSS: &str = "\
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#111;font-family:\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif;line-height:1.45}
main{max-width:54rem;margin:0 auto;padding:2rem 1.5rem}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.25rem;color:#1f4e79;border-bottom:2px solid #1f4e79;padding-bottom:.2rem;margin:2rem 0 .6rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.alt{color:#555;margin:0 0 .2rem}
table.fields{border-collapse:collapse;width:100%;margin:.4rem 0}
table.fields th,table.fields td{border:1px solid #c8ced6;padding:.3rem .5rem;text-align:left;vertical-align:top}
table.fields th{width:34%;background:#f2f5f9;font-weight:600}
ol{padding-left:1.8rem}
li{margin:.45rem 0}
li>p{margin:0 0 .2rem;font-weight:600}
.empty{color:#777}
a{color:#1f4e79;overflow-wrap:anywhere}
footer{margin-top:2rem;color:#777;font-size:.85rem}
@media print{
@page{size:A4;margin:18mm 16mm}
body{font-size:10.5pt}
main{max-width:none;padding:0}
h2,h3{break-after:avoid;page-break-after:avoid}
tr,li{break-inside:avoid;page-break-inside:avoid}
table.fields th{background:none}
a{color:#000;text-decoration:none}
}
";

pub(super) fn write_html(doc: &Doc) -> String {
    let mut out = String::new();
    let mut title = String::new();
    html_line(&doc.title, &mut title);
    // The <title> holds text only: strip the span markup of an untranslated name.
    let plain_title: String = doc
        .title
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Az(t) | Inline::Url(t) => t.as_str(),
        })
        .collect();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"dxer\">\n<title>{} — {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n<header>\n<h1>{title}</h1>\n",
        esc(&plain_title),
        esc(&doc.service_code),
        lang = doc.lang.as_str(),
    );
    for (code, native, t) in &doc.alternates {
        let _ = writeln!(out, "<p class=\"alt\" lang=\"{code}\">{}: {}</p>", esc(native), esc(t));
    }
    html_fields(&doc.header, &mut out);
    out.push_str("</header>\n");
    let mut open = false;
    for block in &doc.blocks {
        match block {
            Block::Heading(2, h) => {
                if open {
                    out.push_str("</section>\n");
                }
                let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(h));
                open = true;
            }
            Block::Heading(level, h) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(h));
            }
            Block::Fields(fields) => html_fields(fields, &mut out),
            Block::List(items) => {
                out.push_str("<ol>\n");
                for item in items {
                    out.push_str("<li><p>");
                    html_line(&item.head, &mut out);
                    out.push_str("</p>\n");
                    if !item.fields.is_empty() {
                        html_fields(&item.fields, &mut out);
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ol>\n");
            }
            Block::Para(line) => {
                out.push_str("<p>");
                html_line(line, &mut out);
                out.push_str("</p>\n");
            }
            Block::Empty => out.push_str("<p class=\"empty\">—</p>\n"),
        }
    }
    if open {
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The reglament as one self-contained, printable HTML page (inline CSS with `@media print`, no script,
/// no external resource), in `lang` (`"az"`, `"en"`, `"ru"`), with code labels from the built-in lists.
/// A public page ([`Publication::Public`]) shows only the public fields and only a published record (any
/// other is refused with the reason); an internal one shows the signer and the e-signature reference.
pub fn to_html(record: &Record, lang: &str, publication: Publication) -> Result<String, Withheld> {
    to_html_with(record, lang, &CodeLists::built_in(), publication)
}

/// [`to_html`] with the given code lists (e.g. a newer provider list).
pub fn to_html_with(
    record: &Record,
    lang: &str,
    lists: &CodeLists,
    publication: Publication,
) -> Result<String, Withheld> {
    publication.check(record)?;
    Ok(write_html(&build(record, lang, lists, publication)))
}
