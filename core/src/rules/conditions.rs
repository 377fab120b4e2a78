//! Conditions, alternatives and channel pairings: `DXER-Q001`..`DXER-Q005`.

use std::collections::BTreeMap;

use super::{At, Ctx, Emitter};
use crate::model::{Channel, Condition};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let reg = ctx.reg;
    let tiers = ctx.at("/standard/fees/tiers");
    for (i, t) in reg.standard.fee_tiers().iter().enumerate() {
        let tier = tiers.index(i);
        if let Some(c) = &t.condition {
            condition(ctx, tier.path("/condition"), c, out);
        }
        let components = tier.path("/components");
        for (j, part) in t.components.iter().enumerate() {
            if let Some(c) = &part.condition {
                condition(ctx, components.index(j).path("/condition"), c, out);
            }
        }
    }
    let documents = ctx.at("/standard/documents");
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in reg.standard.documents.iter().enumerate() {
        let document = documents.index(i);
        let forms = document.path("/channel_forms");
        for (j, f) in d.channel_forms.iter().enumerate() {
            channels(ctx, forms.index(j).path("/channels"), &f.channels, out);
        }
        if let Some(group) = &d.one_of {
            groups.entry(group.as_str()).or_default().push(i);
        }
    }
    // `DXER-Q004`: "one of the following" needs at least two documents to choose from.
    for (group, members) in groups {
        if let [only] = members[..] {
            out.emit("DXER-Q004", documents.index(only).path("/one_of"), &[("group", group)]);
        }
    }
    if let Some(result) = reg.standard.result.stated() {
        let delivery = ctx.at("/standard/result/delivery");
        for (i, d) in result.delivery.iter().enumerate() {
            channels(ctx, delivery.index(i).path("/apply"), &d.apply, out);
        }
    }
    let Some(conditions) = &reg.general.conditions else { return };
    // `DXER-Q005`: a range that contains nothing.
    let eligibility = ctx.at("/general/conditions/eligibility");
    for (i, e) in conditions.eligibility.iter().enumerate() {
        if let (Some(min), Some(max)) = (e.min_age, e.max_age) {
            if min > max {
                let at = eligibility.index(i);
                out.emit("DXER-Q005", at.path("/max_age"), &[("from", &min.to_string()), ("to", &max.to_string())]);
            }
        }
    }
    let availability = ctx.at("/general/conditions/availability");
    for (i, a) in conditions.availability.iter().enumerate() {
        if let (Some(from), Some(to)) = (a.from, a.to) {
            if from > to {
                let at = availability.index(i);
                out.emit("DXER-Q005", at.path("/to"), &[("from", &from.to_string()), ("to", &to.to_string())]);
            }
        }
    }
}

/// `DXER-Q001`: every channel named lies among the service's channels (when the source states them).
fn channels(ctx: &Ctx<'_>, list: At<'_>, named: &[Channel], out: &mut Emitter) {
    let Some(offered) = ctx.reg.general.channels.stated() else { return };
    for (i, c) in named.iter().enumerate() {
        if !offered.contains(c) {
            out.emit_localized("DXER-Q001", list.index(i), &[], &[("channel", super::label("channels", c.code()))]);
            out.rests_on(ctx.at("/general/channels"));
        }
    }
}

/// `DXER-Q001`..`DXER-Q003` for one condition.
fn condition(ctx: &Ctx<'_>, at: At<'_>, c: &Condition, out: &mut Emitter) {
    if c.is_empty() {
        out.emit("DXER-Q003", at, &[]);
        return;
    }
    channels(ctx, at.path("/channels"), &c.channels, out);
    // `DXER-Q002`: applicant attributes and values are those of `variants`.
    let attributes = ctx.reg.variants.as_ref().map(|v| v.attributes.as_slice()).unwrap_or_default();
    let applicant = at.path("/applicant");
    for (attr, values) in &c.applicant {
        let at = applicant.key(attr.as_str());
        match attributes.iter().find(|a| &a.id == attr) {
            None => {
                out.emit("DXER-Q002", at, &[("id", attr.as_str())]);
                out.rests_on(ctx.at("/variants"));
            }
            Some(a) => {
                for (i, v) in values.iter().enumerate() {
                    if !a.values.iter().any(|x| &x.id == v) {
                        out.emit("DXER-Q002", at.index(i), &[("id", v.as_str())]);
                        out.rests_on(ctx.at("/variants"));
                    }
                }
            }
        }
    }
}
