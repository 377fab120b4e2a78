//! The statistics as one self-contained HTML page: the table of [`Stats::COLUMNS`], a bar chart per
//! bulletin column (inline SVG) and the most used services, for people who would rather look than read.
//!
//! The page fetches nothing (no external style sheet, font, image or script; no script at all), escapes
//! every text it shows, and is in Azerbaijani (`lang="az"`), with the English meaning of each column as
//! its `title`. It is a string: writing it anywhere is the caller's business.

use std::fmt::Write as _;

use super::stats::{MostUsed, Stats, StatsRow};
use crate::text::escape_html as esc;

/// The columns drawn as charts: the bulletin's (seed 004) and the number of services.
const CHARTS: &[&str] =
    &["services", "approved", "ehis_integrated", "on_portal", "on_own_site", "without_authentication"];

/// Width of the label area and of the longest bar, in pixels.
const LABEL_W: usize = 330;
const BAR_W: usize = 330;
const ROW_H: usize = 18;

const STYLE: &str = "body{font-family:sans-serif;margin:1.5rem;color:#1b1b1b}\
table{border-collapse:collapse;font-size:0.85rem;margin:1rem 0}\
th,td{border:1px solid #bbb;padding:0.2rem 0.4rem}\
td.n{text-align:right}tfoot td{font-weight:bold}\
figure{margin:1.5rem 0}figcaption{font-weight:bold;margin-bottom:0.3rem}\
svg text{font-size:11px;fill:#1b1b1b}svg rect{fill:#2c6e9b}";

impl Stats {
    /// The page: `<!DOCTYPE html>` to `</html>`, UTF-8, with no reference to anything outside it.
    ///
    /// ```
    /// let page = dxer::registry::Registry::new().stats().to_html();
    /// assert!(page.starts_with("<!DOCTYPE html>") && page.contains("lang=\"az\""));
    /// ```
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(16 * 1024);
        out.push_str("<!DOCTYPE html>\n<html lang=\"az\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<title>DXER: təminatçılar üzrə statistika</title>\n");
        let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
        out.push_str("<h1>Dövlət xidmətləri: təminatçılar üzrə statistika</h1>\n<p>");
        let _ = write!(out, "Təminatçıların siyahısı: {}", esc(&self.providers_version));
        if let Some(on) = self.as_of {
            let _ = write!(out, "; gecikmiş öhdəliklər {on} tarixinə");
        }
        let _ = writeln!(out, ". Xidmətlər: {}; təminatçılar: {}.</p>", self.totals.services, self.rows.len());
        self.table(&mut out);
        out.push_str("<h2>Qrafiklər</h2>\n");
        let cells: Vec<Vec<String>> = self.rows.iter().map(StatsRow::cells).collect();
        for name in CHARTS {
            if let Some(at) = Stats::COLUMNS.iter().position(|c| c.name == *name) {
                let col = &Stats::COLUMNS[at];
                let bars: Vec<(String, String, u64)> = self
                    .rows
                    .iter()
                    .zip(&cells)
                    .map(|(r, c)| (label(r), title(r), c[at].parse().unwrap_or(0)))
                    .collect();
                chart(&mut out, col.az, col.en, &bars);
            }
        }
        if !self.most_used.is_empty() {
            most_used(&mut out, &self.most_used);
        }
        if !self.usage_not_in_registry.is_empty() {
            let codes: Vec<String> = self.usage_not_in_registry.iter().map(|c| esc(c)).collect();
            let _ = writeln!(out, "<p>İstifadə sayı verilib, amma reyestrdə yoxdur: {}.</p>", codes.join(", "));
        }
        out.push_str("</body>\n</html>\n");
        out
    }

    fn table(&self, out: &mut String) {
        out.push_str("<h2>Cədvəl</h2>\n<table>\n<thead>\n<tr>");
        for c in Stats::COLUMNS {
            let _ = write!(out, "<th title=\"{}\">{}</th>", esc(c.en), esc(c.az));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for row in &self.rows {
            table_row(out, row);
        }
        out.push_str("</tbody>\n<tfoot>\n");
        table_row(out, &self.totals);
        out.push_str("</tfoot>\n</table>\n");
    }
}

fn table_row(out: &mut String, row: &StatsRow) {
    out.push_str("<tr>");
    for (i, cell) in row.cells().iter().enumerate() {
        // The first three columns are the provider's code and names; the rest are counts.
        let class = if i >= 3 { " class=\"n\"" } else { "" };
        let _ = write!(out, "<td{class}>{}</td>", esc(cell));
    }
    out.push_str("</tr>\n");
}

/// The short label of a provider's bar: its Azerbaijani name without the country prefix, else its code.
fn label(row: &StatsRow) -> String {
    let name = row.provider_name_az.trim_start_matches("Azərbaycan Respublikasının ");
    if name.is_empty() {
        row.provider.clone()
    } else {
        name.to_string()
    }
}

fn title(row: &StatsRow) -> String {
    if row.provider_name_az.is_empty() {
        row.provider.clone()
    } else {
        format!("{} ({})", row.provider_name_az, row.provider)
    }
}

/// A horizontal bar chart: one bar per item (label, hover title, value), scaled to the largest value.
fn chart(out: &mut String, caption_az: &str, caption_en: &str, bars: &[(String, String, u64)]) {
    let max = bars.iter().map(|b| b.2).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW_H + 4;
    let width = LABEL_W + BAR_W + 60;
    let _ = writeln!(
        out,
        "<figure>\n<figcaption title=\"{}\">{}</figcaption>\n<svg width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        esc(caption_en),
        esc(caption_az),
        esc(caption_az)
    );
    for (i, (label, title, v)) in bars.iter().enumerate() {
        let y = i * ROW_H + 2;
        let w = usize::try_from(*v * BAR_W as u64 / max).unwrap_or(BAR_W);
        let _ = writeln!(
            out,
            "<g><title>{}: {v}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{w}\" height=\"{}\"></rect>\
             <text x=\"{}\" y=\"{}\">{v}</text></g>",
            esc(title),
            LABEL_W - 6,
            y + ROW_H - 5,
            esc(&shorten(label, 52)),
            ROW_H - 4,
            LABEL_W + w + 4,
            y + ROW_H - 5,
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

fn most_used(out: &mut String, list: &[MostUsed]) {
    out.push_str("<h2>Ən çox istifadə olunan xidmətlər</h2>\n<table>\n<thead>\n<tr>");
    for (az, en) in [
        ("№", "Rank"),
        ("Xidmətin kodu", "Service code"),
        ("Xidmətin adı", "Service name"),
        ("Təminatçı", "Provider"),
        ("İstifadə sayı", "Usage count"),
    ] {
        let _ = write!(out, "<th title=\"{en}\">{az}</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for m in list {
        let provider = if m.provider_name_az.is_empty() { &m.provider } else { &m.provider_name_az };
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            m.rank,
            esc(&m.service_code),
            esc(&m.name_az),
            esc(provider),
            m.count
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let bars: Vec<(String, String, u64)> =
        list.iter().map(|m| (m.name_az.clone(), format!("{} ({})", m.name_az, m.service_code), m.count)).collect();
    chart(out, "İstifadə sayı", "Usage count", &bars);
}

/// At most `n` characters, with an ellipsis when cut.
fn shorten(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_string();
    }
    let mut s: String = text.chars().take(n - 1).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_shortened() {
        assert_eq!(esc("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("əğü", 3), "əğü");
    }

    #[test]
    fn every_chart_is_a_column() {
        for name in CHARTS {
            assert!(Stats::COLUMNS.iter().any(|c| c.name == *name), "{name}");
        }
    }
}
