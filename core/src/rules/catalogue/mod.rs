//! The rule catalogue: every finding code dxer can report, in one table ([`CATALOGUE`]) made of the groups
//! of families in this folder (`input.rs`: J, S; `content.rs`: R, G, F, T, L; `services.rs`: C, V, E, O, N, Q;
//! `hygiene.rs`: H, P, K, D, U; `registry.rs`: W, X).
//!
//! To find a rule, search for its code (e.g. `DXER-F003`): it appears in this folder and in the one function
//! that emits it. `docs/rules.md` is generated from this table (a test fails when it is stale), and
//! `tests/fixtures/invalid/` holds a firing fixture for every code.
//!
//! Message templates use `{name}` placeholders filled in by the rule.
//!
//! Each provision names only what the cited text says, and says where its words come from
//! ([`Provenance`]): `seed(..)` quotes an act whose text dxer has (CM decision No. 129 (2026) §§1-6,
//! presidential decree No. 429 of 23 May 2011), `public_act(..)` another published act, `reported(..)` an
//! act whose text is not public as reported on its signing (Law No. 279-VIIQ), `reconstruction(..)`
//! dxer's reading of a text that is not public: the three annexes of decision No. 129 (model reglament
//! form, DXER data list, DXER statute) are unpublished, so every citation of them is marked
//! `[reconstruction]` (domain brief §3, §4); `choice(..)` dxer's own design, marked `[choice]`.
//! `core/tests/catalogue.rs` holds the marks and the kinds together.

pub use super::rule::{choice, fill, public_act, reconstruction, reported, seed, Provenance, Provision, Rule, Scope};

pub(super) const FORM: Provision =
    reconstruction("CM decision No. 129 (2026), annex 1: model reglament form [reconstruction]");
pub(super) const CARD_20_DAYS: Provision = reconstruction("e-Government bulletin No. 1 (Jan 2013), register of state information resources: application and registration card \"20 gündən gec olmayaraq\" after a resource is created, changed or stopped [reconstruction: calendar days from that event; the rule's own act is not public]");
pub(super) const EHIS_6_MONTHS: Provision = reconstruction("CM decision No. 59 (2 Mar 2026), §5: data through EHİS \"altı ay müddətində\" [reconstruction: counted from the decision's date, the card's `ehis_duty_from`]");
mod content;
mod hygiene;
mod input;
mod registry;
mod services;

/// The groups, in the order of the codes.
const GROUPS: &[&[Rule]] = &[input::RULES, content::RULES, services::RULES, hygiene::RULES, registry::RULES];

/// The number of rules of all groups.
const COUNT: usize = {
    let (mut n, mut g) = (0, 0);
    while g < GROUPS.len() {
        n += GROUPS[g].len();
        g += 1;
    }
    n
};

/// The groups one after another, in one array (at compile time).
const fn concatenated() -> [Rule; COUNT] {
    let mut out = [GROUPS[0][0]; COUNT];
    let (mut k, mut g) = (0, 0);
    while g < GROUPS.len() {
        let mut i = 0;
        while i < GROUPS[g].len() {
            out[k] = GROUPS[g][i];
            k += 1;
            i += 1;
        }
        g += 1;
    }
    out
}

/// Every rule, ordered by code family as listed above.
pub static CATALOGUE: &[Rule] = &concatenated();

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().find(|r| r.code == code)
}
