//! Tests of the rule catalogue (`catalogue.rs`), kept apart to leave the table room to grow.

use super::*;

#[test]
fn codes_are_unique_sorted_within_groups_and_well_formed() {
    let mut seen = std::collections::BTreeSet::new();
    for r in CATALOGUE {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        let tail = r.code.strip_prefix("DXER-").expect("DXER- prefix");
        assert_eq!(tail.len(), 4, "{}", r.code);
        assert!(tail.as_bytes()[0].is_ascii_uppercase());
        assert!(tail[1..].bytes().all(|b| b.is_ascii_digit()));
        assert!(!r.az.is_empty() && !r.en.is_empty() && !r.ru.is_empty() && !r.provision.is_empty());
    }
}

#[test]
fn templates_use_the_same_placeholders_in_every_language() {
    fn names(t: &str) -> std::collections::BTreeSet<&str> {
        t.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect()
    }
    for r in CATALOGUE {
        assert_eq!(names(r.az), names(r.en), "{} az/en placeholders differ", r.code);
        assert_eq!(names(r.ru), names(r.en), "{} ru/en placeholders differ", r.code);
    }
}
