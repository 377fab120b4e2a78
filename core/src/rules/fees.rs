//! Fees: `DXER-F001`..`DXER-F005`.

use super::{Ctx, Emitter};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let fees = &ctx.reg.standard.fees;
    if fees.free && !fees.tiers.is_empty() {
        out.emit("DXER-F001", &ctx.at("/standard/fees/tiers"), &[("count", &fees.tiers.len().to_string())]);
    }
    if !fees.free && fees.tiers.is_empty() {
        out.emit("DXER-F002", &ctx.at("/standard/fees"), &[]);
    }
    let several = fees.tiers.len() > 1;
    for (i, tier) in fees.tiers.iter().enumerate() {
        let at = |field: &str| ctx.at(&format!("/standard/fees/tiers/{i}/{field}"));
        if tier.amount.is_zero() {
            out.emit("DXER-F003", &at("amount"), &[]);
        }
        // With one tier the service's own time limit applies; with several, each tier states what it buys
        // [choice: domain brief §3 "time limit per tier"].
        if several && tier.time_limit.is_none() {
            out.emit("DXER-F004", &at("time_limit"), &[("tier", tier.id.as_str())]);
        }
        if tier.legal_basis.is_empty() {
            out.emit("DXER-F005", &at("legal_basis"), &[("tier", tier.id.as_str())]);
        }
    }
}
