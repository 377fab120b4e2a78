//! Conditions, alternatives and channel pairings: `DXER-Q001`..`DXER-Q005`.

use std::collections::BTreeMap;

use super::{Ctx, Emitter};
use crate::model::{Channel, Condition};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let reg = ctx.reg;
    for (i, t) in reg.standard.fee_tiers().iter().enumerate() {
        if let Some(c) = &t.condition {
            condition(ctx, &format!("/standard/fees/tiers/{i}/condition"), c, out);
        }
        for (j, part) in t.components.iter().enumerate() {
            if let Some(c) = &part.condition {
                condition(ctx, &format!("/standard/fees/tiers/{i}/components/{j}/condition"), c, out);
            }
        }
    }
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in reg.standard.documents.iter().enumerate() {
        for (j, f) in d.channel_forms.iter().enumerate() {
            channels(ctx, &format!("/standard/documents/{i}/channel_forms/{j}/channels"), &f.channels, out);
        }
        if let Some(group) = &d.one_of {
            groups.entry(group.as_str()).or_default().push(i);
        }
    }
    // `DXER-Q004`: "one of the following" needs at least two documents to choose from.
    for (group, members) in groups {
        if let [only] = members[..] {
            out.emit("DXER-Q004", &ctx.at(&format!("/standard/documents/{only}/one_of")), &[("group", group)]);
        }
    }
    if let Some(result) = reg.standard.result.stated() {
        for (i, d) in result.delivery.iter().enumerate() {
            channels(ctx, &format!("/standard/result/delivery/{i}/apply"), &d.apply, out);
        }
    }
    let Some(conditions) = &reg.general.conditions else { return };
    // `DXER-Q005`: a range that contains nothing.
    for (i, e) in conditions.eligibility.iter().enumerate() {
        if let (Some(min), Some(max)) = (e.min_age, e.max_age) {
            if min > max {
                let at = ctx.at(&format!("/general/conditions/eligibility/{i}/max_age"));
                out.emit("DXER-Q005", &at, &[("from", &min.to_string()), ("to", &max.to_string())]);
            }
        }
    }
    for (i, a) in conditions.availability.iter().enumerate() {
        if let (Some(from), Some(to)) = (a.from, a.to) {
            if from > to {
                let at = ctx.at(&format!("/general/conditions/availability/{i}/to"));
                out.emit("DXER-Q005", &at, &[("from", &from.to_string()), ("to", &to.to_string())]);
            }
        }
    }
}

/// `DXER-Q001`: every channel named lies among the service's channels (when the source states them).
fn channels(ctx: &Ctx<'_>, path: &str, named: &[Channel], out: &mut Emitter) {
    let Some(offered) = ctx.reg.general.channels.stated() else { return };
    for (i, c) in named.iter().enumerate() {
        if !offered.contains(c) {
            out.emit_localized(
                "DXER-Q001",
                &ctx.at(&format!("{path}/{i}")),
                &[],
                &[("channel", super::label("channels", c.code()))],
            );
            out.rests_on(ctx.at("/general/channels"));
        }
    }
}

/// `DXER-Q001`..`DXER-Q003` for one condition.
fn condition(ctx: &Ctx<'_>, path: &str, c: &Condition, out: &mut Emitter) {
    if c.is_empty() {
        out.emit("DXER-Q003", &ctx.at(path), &[]);
        return;
    }
    channels(ctx, &format!("{path}/channels"), &c.channels, out);
    // `DXER-Q002`: applicant attributes and values are those of `variants`.
    let attributes = ctx.reg.variants.as_ref().map(|v| v.attributes.as_slice()).unwrap_or_default();
    for (attr, values) in &c.applicant {
        let at = ctx.at(&format!("{path}/applicant/{}", crate::pointer::escape_token(attr.as_str())));
        match attributes.iter().find(|a| &a.id == attr) {
            None => {
                out.emit("DXER-Q002", &at, &[("id", attr.as_str())]);
                out.rests_on(ctx.at("/variants"));
            }
            Some(a) => {
                for (i, v) in values.iter().enumerate() {
                    if !a.values.iter().any(|x| &x.id == v) {
                        out.emit("DXER-Q002", &format!("{at}/{i}"), &[("id", v.as_str())]);
                        out.rests_on(ctx.at("/variants"));
                    }
                }
            }
        }
    }
}
