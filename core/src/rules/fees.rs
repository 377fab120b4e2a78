//! Fees: `DXER-F001`..`DXER-F005`.
//!
//! A tier is one alternative price; its `components` are paid together with it. Rules look at what each
//! payment of a tier is (its own amount or a component), and at alternatives only where there are several.

use super::{Ctx, Emitter};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    // Fees the source does not state are `DXER-N001`'s.
    let Some(fees) = ctx.reg.standard.fees.stated() else { return };
    if fees.free && !fees.tiers.is_empty() {
        out.emit("DXER-F001", ctx.at("/standard/fees/tiers"), &[("count", &fees.tiers.len().to_string())]);
    }
    if !fees.free && fees.tiers.is_empty() {
        out.emit("DXER-F002", ctx.at("/standard/fees"), &[]);
    }
    // Alternatives that a condition does not tell apart (the same condition, or none) are told apart by
    // what they buy: each states its time limit [choice: domain brief §3 "time limit per tier"].
    let alternatives =
        |tier: &crate::model::FeeTier| fees.tiers.iter().filter(|t| t.condition == tier.condition).count();
    let tiers = ctx.at("/standard/fees/tiers");
    for (i, tier) in fees.tiers.iter().enumerate() {
        let tier_at = tiers.index(i);
        let components = tier_at.path("/components");
        for (j, payment) in tier.payments().enumerate() {
            // The tier's own amount, then its components.
            let at = match j.checked_sub(1) {
                None => tier_at,
                Some(c) => components.index(c),
            };
            if payment.is_zero() {
                out.emit("DXER-F003", at.path("/amount"), &[]);
            }
            if payment.legal_basis.is_empty() {
                out.emit("DXER-F005", at.path("/legal_basis"), &[("tier", tier.id.as_str())]);
            }
        }
        if tier.time_limit.is_none() && alternatives(tier) > 1 {
            out.emit("DXER-F004", tier_at.path("/time_limit"), &[("tier", tier.id.as_str())]);
        }
    }
}
