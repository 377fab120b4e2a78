//! The reglament as a readable, printable document: self-contained HTML and Markdown.
//!
//! Sections follow the model form (domain brief §3): 1 General provisions, 2 Service standard,
//! 3 Procedure, 4 Appeal, 5 Contact and quality, 6 Annexes, then 7 Applicant variants (when the record
//! has them) and the DXER record data (registry, e-service, data sources).
//!
//! `lang` (`"az"`, `"en"` or `"ru"`; anything else gives `"az"`) chooses the language of headings, field
//! names and code labels, and the language of the record's texts; a text without a translation is shown in
//! Azerbaijani (in HTML marked `lang="az"`). The service's name is also given in its other languages.
//! Codes are shown with their labels from the code lists, periods as `10 iş günü` / `10 working days` /
//! `10 рабочих дней`, amounts as `20.00 AZN`, dates as `YYYY-MM-DD`.
//!
//! **Every text of the record is escaped.** HTML: `& < > " '` become entities, links are made only of
//! `http(s)` URLs, and a Content-Security-Policy forbids scripts and any external resource. Markdown: the
//! characters that make markup (`\ ` * _ [ ] # | ~`, and a leading `-`, `+`, `=` or `1.`) are
//! backslash-escaped and `& < >` become entities, so no text can create a link, an image or raw HTML;
//! line breaks inside a text become spaces.
//!
//! **What is shown** is the [`crate::convert::publish`] policy's: a public page
//! ([`Publication::Public`]) is made only of a registered or amended `open_data` record and leaves out
//! the signer and the e-signature reference; an internal page ([`Publication::Internal`], for the
//! registry's own staff) shows them, for any record.
//!
//! ```
//! use dxer::convert::publish::Publication;
//! use dxer::convert::render::{to_html, to_markdown};
//! use dxer::{parse_record, Options};
//!
//! // Exports take typed records: JSON text goes through `parse_record`, which refuses an invalid record.
//! let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
//! let record = parse_record(text.as_str(), &Options::default()).unwrap().value;
//! assert!(to_html(&record, "az", Publication::Public).is_err()); // submitted: not published yet
//!
//! let html = to_html(&record, "az", Publication::Internal).unwrap();
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("<h2>1. Ümumi müddəalar</h2>"));
//! assert!(html.contains("İmzalayan"));
//! let md = to_markdown(&record, "en", Publication::Internal).unwrap();
//! assert!(md.contains("## 2. Service standard"));
//! assert!(md.contains("working days"));
//! ```

use crate::convert::publish::{Publication, Withheld};
use crate::model::{Duration, Money};

mod doc;
mod html;
mod markdown;
mod sections;
#[cfg(test)]
mod tests;
mod variants;

pub use html::{to_html, to_html_with};
pub use markdown::{to_markdown, to_markdown_with};

use doc::*;
use variants::*;

pub(super) use crate::lang::Lang;

impl Lang {
    /// The one of three texts in this language.
    fn t(self, az: &'static str, en: &'static str, ru: &'static str) -> &'static str {
        match self {
            Lang::Az => az,
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// A period as words in `lang` (`"az"`, `"en"`, `"ru"`; anything else gives Azerbaijani).
///
/// ```
/// use dxer::convert::render::duration_text;
/// use dxer::model::{Duration, DurationUnit};
/// let d = Duration::new(10, DurationUnit::WorkingDays);
/// assert_eq!(duration_text(&d, "az"), "10 iş günü");
/// assert_eq!(duration_text(&d, "en"), "10 working days");
/// assert_eq!(duration_text(&d, "ru"), "10 рабочих дней");
/// assert_eq!(duration_text(&Duration::new(1, DurationUnit::Months), "en"), "1 month");
/// assert_eq!(duration_text(&Duration::new(0, DurationUnit::Instant), "az"), "dərhal");
/// ```
pub fn duration_text(d: &Duration, lang: &str) -> String {
    d.text(lang)
}

/// An amount as `20.00 AZN`.
///
/// ```
/// assert_eq!(dxer::convert::render::money_text(dxer::model::Money::from_qepik(2000)), "20.00 AZN");
/// ```
pub fn money_text(m: Money) -> String {
    format!("{m} AZN")
}
