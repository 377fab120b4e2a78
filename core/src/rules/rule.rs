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
    /// The legal provision the rule enforces, and where its words come from.
    pub provision: Provision,
    /// Message template in Azerbaijani.
    pub az: &'static str,
    /// Message template in English.
    pub en: &'static str,
    /// Message template in Russian.
    pub ru: &'static str,
}

/// The provision a rule enforces: its citation, and how far the cited text is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provision {
    /// The citation, e.g. `Presidential decree No. 429 of 23 May 2011, §2.2 (exact list of documents)`.
    /// A part that rests on dxer's reading of an unpublished text ends in `[reconstruction]`; a part that
    /// is dxer's own design, in `[choice]`.
    pub text: &'static str,
    /// How far the citation is known: the weakest ground of its parts.
    pub provenance: Provenance,
}

/// How far the cited text is known, from the firmest ground to the weakest. A provision with several
/// parts takes the weakest ground among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Provenance {
    /// Quoted from an act whose text is in the seed documents (CM decision No. 129 (2026) §§1-6,
    /// presidential decree No. 429 of 23 May 2011, CM decision No. 59 (2026), the 2013 e-Government bulletin).
    Seed,
    /// Quoted from another published act (e.g. the Labour Code, presidential decree No. 263 of 2018).
    PublicAct,
    /// The content of an act whose text is not public, as reported on its adoption or signing (Law
    /// No. 279-VIIQ): the citation says "as reported".
    Reported,
    /// dxer's reading of a text that is not public, above all the annexes of CM decision No. 129 (2026)
    /// (model reglament form, DXER data list, DXER statute): the citation is marked `[reconstruction]`.
    Reconstruction,
    /// dxer's own design, with no legal text behind it: the citation is marked `[choice]`.
    Choice,
}

impl Provenance {
    /// Every kind, from the firmest to the weakest.
    pub const ALL: [Provenance; 5] =
        [Provenance::Seed, Provenance::PublicAct, Provenance::Reported, Provenance::Reconstruction, Provenance::Choice];

    /// The kind's name in the catalogue and in `docs/rules.md`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Seed => "seed",
            Provenance::PublicAct => "public_act",
            Provenance::Reported => "reported",
            Provenance::Reconstruction => "reconstruction",
            Provenance::Choice => "choice",
        }
    }
}

impl std::fmt::Display for Provenance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Provision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text)
    }
}

/// A provision quoted from a seed document.
pub const fn seed(text: &'static str) -> Provision {
    Provision { text, provenance: Provenance::Seed }
}

/// A provision quoted from another published act.
pub const fn public_act(text: &'static str) -> Provision {
    Provision { text, provenance: Provenance::PublicAct }
}

/// A provision of an act whose text is not public, as reported on its adoption.
pub const fn reported(text: &'static str) -> Provision {
    Provision { text, provenance: Provenance::Reported }
}

/// A provision that rests on dxer's reading of a text that is not public (marked `[reconstruction]`).
pub const fn reconstruction(text: &'static str) -> Provision {
    Provision { text, provenance: Provenance::Reconstruction }
}

/// A rule of dxer's own design (marked `[choice]`).
pub const fn choice(text: &'static str) -> Provision {
    Provision { text, provenance: Provenance::Choice }
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
