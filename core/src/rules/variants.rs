//! Applicant variants: `DXER-V001`..`DXER-V005`. The attributes' value combinations must be covered by
//! exactly one variant each (complete and non-overlapping).

use std::collections::{BTreeMap, BTreeSet};

use super::{content::refusal_ground_list, At, Ctx, Emitter};
use crate::model::Variants;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let Some(v) = &ctx.reg.variants else { return };
    let base = ctx.at("/variants");
    let attrs: BTreeMap<&str, Vec<&str>> =
        v.attributes.iter().map(|a| (a.id.as_str(), a.values.iter().map(|x| x.id.as_str()).collect())).collect();
    let mut consistent = references(ctx, v, &attrs, base, out);
    let variants = base.path("/variants");
    for (i, variant) in v.variants.iter().enumerate() {
        refusal_ground_list(&variant.refusal_grounds, variants.index(i).path("/refusal_grounds"), out);
    }
    // Duplicate attribute ids make combinations ambiguous; schema-valid but reported by V003.
    if attrs.len() != v.attributes.len() {
        consistent = false;
    }
    if consistent {
        coverage(ctx, v, base, out);
    }
}

/// `DXER-V003`, `DXER-V004`; returns whether combinations can be enumerated.
fn references(ctx: &Ctx<'_>, v: &Variants, attrs: &BTreeMap<&str, Vec<&str>>, base: At<'_>, out: &mut Emitter) -> bool {
    let mut ok = true;
    let mut seen = BTreeSet::new();
    let attributes = base.path("/attributes");
    for (i, a) in v.attributes.iter().enumerate() {
        let attribute = attributes.index(i);
        if !seen.insert(a.id.as_str()) {
            out.emit_localized(
                "DXER-V003",
                attribute.path("/id"),
                &[("id", a.id.as_str())],
                &[(
                    "what",
                    super::words(
                        "iki dəfə təyin edilmiş atribut",
                        "attribute defined twice",
                        "атрибут, определённый дважды",
                    ),
                )],
            );
        }
        let mut values = BTreeSet::new();
        let values_at = attribute.path("/values");
        for (j, value) in a.values.iter().enumerate() {
            if !values.insert(value.id.as_str()) {
                ok = false;
                out.emit_localized(
                    "DXER-V003",
                    values_at.index(j).path("/id"),
                    &[("id", value.id.as_str())],
                    &[(
                        "what",
                        super::words(
                            "iki dəfə təyin edilmiş qiymət",
                            "value defined twice",
                            "значение, определённое дважды",
                        ),
                    )],
                );
            }
        }
    }
    let docs: BTreeSet<&str> = ctx.reg.standard.documents.iter().map(|d| d.id.as_str()).collect();
    let tiers: BTreeSet<&str> = ctx.reg.standard.fee_tiers().iter().map(|t| t.id.as_str()).collect();
    let variants = base.path("/variants");
    for (i, variant) in v.variants.iter().enumerate() {
        let variant_at = variants.index(i);
        let when = variant_at.path("/when");
        for (attr, values) in &variant.when {
            let at = when.key(attr.as_str());
            match attrs.get(attr.as_str()) {
                None => {
                    ok = false;
                    out.emit_localized(
                        "DXER-V003",
                        at,
                        &[("id", attr.as_str())],
                        &[("what", super::words("naməlum atribut", "unknown attribute", "неизвестный атрибут"))],
                    );
                }
                Some(known) => {
                    for (j, value) in values.iter().enumerate() {
                        if !known.contains(&value.as_str()) {
                            ok = false;
                            out.emit_localized(
                                "DXER-V003",
                                at.index(j),
                                &[("id", value.as_str())],
                                &[("what", super::words("naməlum qiymət", "unknown value", "неизвестное значение"))],
                            );
                        }
                    }
                }
            }
        }
        for (j, d) in variant.documents.iter().enumerate() {
            if !docs.contains(d.as_str()) {
                out.emit_localized(
                    "DXER-V004",
                    variant_at.path("/documents").index(j),
                    &[("id", d.as_str())],
                    &[("what", super::words("sənəd", "document", "документ"))],
                );
                out.rests_on(ctx.at("/standard/documents"));
            }
        }
        for (j, t) in variant.fee_tiers.iter().enumerate() {
            if !tiers.contains(t.as_str()) {
                out.emit_localized(
                    "DXER-V004",
                    variant_at.path("/fee_tiers").index(j),
                    &[("id", t.as_str())],
                    &[("what", super::words("ödəniş variantı", "fee tier", "вариант оплаты"))],
                );
                out.rests_on(ctx.at("/standard/fees"));
            }
        }
    }
    ok
}

/// Most uncovered combinations reported one by one; the rest are summarised by the first ones.
const MAX_UNCOVERED_REPORTED: usize = 20;

/// `DXER-V001`, `DXER-V002`, `DXER-V005`.
fn coverage(ctx: &Ctx<'_>, v: &Variants, base: At<'_>, out: &mut Emitter) {
    let radix: Vec<usize> = v.attributes.iter().map(|a| a.values.len()).collect();
    let total = radix.iter().try_fold(1usize, |acc, n| acc.checked_mul(*n));
    let limit = ctx.opts.max_variant_combinations;
    match total {
        Some(t) if t <= limit => {}
        _ => {
            let count = total.map(|t| t.to_string()).unwrap_or_else(|| "too many".into());
            out.emit("DXER-V005", base.path("/attributes"), &[("count", &count), ("limit", &limit.to_string())]);
            return;
        }
    }
    if radix.contains(&0) {
        return;
    }
    // Per variant and attribute: the accepted value indexes (None = any value).
    let accepts: Vec<Vec<Option<BTreeSet<usize>>>> = v
        .variants
        .iter()
        .map(|variant| {
            v.attributes
                .iter()
                .map(|a| {
                    variant.when.get(&a.id).map(|vals| {
                        vals.iter()
                            .filter_map(|val| a.values.iter().position(|x| x.id == *val))
                            .collect::<BTreeSet<usize>>()
                    })
                })
                .collect()
        })
        .collect();
    let mut combo = vec![0usize; radix.len()];
    let mut uncovered = 0usize;
    let mut overlaps = BTreeSet::new();
    let variants = base.path("/variants");
    loop {
        let mut matching = (0..v.variants.len()).filter(|&vi| {
            accepts[vi].iter().zip(&combo).all(|(acc, &x)| acc.as_ref().is_none_or(|set| set.contains(&x)))
        });
        let describe = || {
            v.attributes
                .iter()
                .zip(&combo)
                .map(|(a, &x)| format!("{}={}", a.id, a.values[x].id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match matching.next() {
            None => {
                uncovered += 1;
                if uncovered <= MAX_UNCOVERED_REPORTED {
                    out.emit("DXER-V001", variants, &[("combination", &describe())]);
                }
            }
            // Each further variant that matches overlaps the first.
            Some(first) => {
                for second in matching {
                    if overlaps.insert((first, second)) {
                        out.emit(
                            "DXER-V002",
                            variants.index(second).path("/when"),
                            &[
                                ("first", v.variants[first].id.as_str()),
                                ("second", v.variants[second].id.as_str()),
                                ("combination", &describe()),
                            ],
                        );
                    }
                }
            }
        }
        // Next combination (mixed radix); done when it wraps.
        let mut k = 0;
        loop {
            if k == combo.len() {
                return;
            }
            combo[k] += 1;
            if combo[k] < radix[k] {
                break;
            }
            combo[k] = 0;
            k += 1;
        }
    }
}
