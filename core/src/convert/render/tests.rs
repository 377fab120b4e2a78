//! Tests of the rendering.

use super::html::*;
use super::markdown::*;
use super::*;
use crate::model::DurationUnit;

#[test]
fn russian_plurals() {
    let d = |n| duration_text(&Duration::new(n, DurationUnit::WorkingDays), "ru");
    assert_eq!(d(1), "1 рабочий день");
    assert_eq!(d(3), "3 рабочих дня");
    assert_eq!(d(11), "11 рабочих дней");
    assert_eq!(d(21), "21 рабочий день");
    assert_eq!(d(22), "22 рабочих дня");
    assert_eq!(duration_text(&Duration::new(30, DurationUnit::CalendarDays), "az"), "30 təqvim günü");
}

#[test]
fn markdown_escaping() {
    assert_eq!(
        md_escape("a_b *c* [x](javascript:y) <b> & #"),
        "a\\_b \\*c\\* \\[x\\](javascript:y) &lt;b&gt; &amp; \\#"
    );
    assert_eq!(md_line_start("- item".into()), "\\- item");
    assert_eq!(md_line_start("12. x".into()), "12\\. x");
    assert_eq!(md_line_start("12 x".into()), "12 x");
    assert_eq!(md_line_start("30.00 AZN".into()), "30.00 AZN");
    assert_eq!(md_line_start("1)".into()), "1\\)");
    assert_eq!(md_escape("line\nbreak"), "line break");
}

#[test]
fn only_http_urls_become_links() {
    assert!(linkable("https://www.e-gov.az/x?y=1&z=2"));
    assert!(!linkable("javascript:alert(1)"));
    assert!(!linkable("https://x\" onmouseover=\"y"));
    assert!(!linkable("data:text/html,x"));
}
