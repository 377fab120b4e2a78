//! What a rule of the catalogue is, where it applies, and how its message templates are filled. A leaf:
//! the catalogue (`super::catalogue`) is the table of rules built from these.

use crate::report::Severity;

/// A rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable finding code.
    pub code: &'static str,
    /// Default severity (callers may override it with [`crate::Options::rule_levels`]).
    pub severity: Severity,
    /// Short English name.
    pub title: &'static str,
    /// The legal provision the rule enforces.
    pub provision: &'static str,
    /// Message template in Azerbaijani.
    pub az: &'static str,
    /// Message template in English.
    pub en: &'static str,
    /// Message template in Russian.
    pub ru: &'static str,
}

/// Where a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One record or reglament: emitted by [`crate::validate`].
    Record,
    /// Registry workflow events and deadlines: emitted by [`crate::registry::workflow`].
    Workflow,
    /// Several records together: emitted by [`crate::registry::Registry`].
    Registry,
}

impl Rule {
    /// Where the rule applies, from its group letter (`W` workflow, `X` registry, the rest records).
    pub fn scope(&self) -> Scope {
        match self.code.as_bytes().get(5) {
            Some(b'W') => Scope::Workflow,
            Some(b'X') => Scope::Registry,
            _ => Scope::Record,
        }
    }
}

/// Fills `{name}` placeholders of a template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_names_and_keeps_unknown_ones() {
        assert_eq!(fill("a {x} b {y} {", &[("x", "1")]), "a 1 b {y} {");
    }
}
