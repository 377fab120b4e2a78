//! `docs/rules.md`: the rule catalogue as a Markdown table, with what each ground of a provision means.

use super::catalogue::{Provenance, CATALOGUE};

/// What each [`Provenance`] means, for `docs/rules.md`.
const PROVENANCE_LEGEND: [(Provenance, &str); 5] = [
    (Provenance::Seed, "quoted from an act whose text dxer has: CM decision No. 129 (2026) §§1-6, presidential decree No. 429 of 23 May 2011"),
    (Provenance::PublicAct, "quoted from another published act"),
    (Provenance::Reported, "an act whose text is not public (Law No. 279-VIIQ), as reported on its signing"),
    (Provenance::Reconstruction, "dxer's reading of a text that is not public, above all the three annexes of CM decision No. 129 (2026): model reglament form, DXER data list, DXER statute; marked `[reconstruction]`"),
    (Provenance::Choice, "dxer's own design, with no legal text behind it; marked `[choice]`"),
];

/// Renders the catalogue as the Markdown table of `docs/rules.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Rule catalogue\n\nGenerated from `core/src/rules/catalogue/` (by `core/src/rules/markdown.rs`) (`cargo test` fails when this file is stale;\n\
         regenerate with `DXER_BLESS=1 cargo test -p dxer --test catalogue`).\n\n\
         The *ground* column says where a provision's words come from; a provision with several parts takes the\n\
         weakest ground among them:\n\n",
    );
    for (kind, meaning) in PROVENANCE_LEGEND {
        let count = CATALOGUE.iter().filter(|r| r.provision.provenance == kind).count();
        out.push_str(&format!("- `{kind}` ({count} rules): {meaning}.\n"));
    }
    out.push_str(
        "\n| code | scope | severity | rule | ground | provision | message (en) |\n|---|---|---|---|---|---|---|\n",
    );
    for r in CATALOGUE {
        out.push_str(&format!(
            "| `{}` | {:?} | {} | {} | {} | {} | {} |\n",
            r.code,
            r.scope(),
            r.severity,
            r.title,
            r.provision.provenance,
            r.provision.text,
            r.en.replace('|', "\\|")
        ));
    }
    out
}
