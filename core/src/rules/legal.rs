//! Legal-basis references: `DXER-L001`..`DXER-L004`.

use super::{At, Ctx, Emitter};
use crate::model::{Citation, LegalActType, LegalRef};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let basis = ctx.reg.general.legal_basis.items();
    let basis_at = ctx.at("/general/legal_basis");
    for (i, r) in basis.iter().enumerate() {
        let at = basis_at.index(i);
        reference(ctx, at, r, out);
        // `DXER-L006`: two acts of the legal basis under one id.
        if let Some(id) = &r.id {
            if basis[..i].iter().any(|earlier| earlier.id.as_ref() == Some(id)) {
                out.emit("DXER-L006", at.path("/id"), &[("id", id.as_str())]);
            }
        }
    }
    citations(ctx, |at, c| match c {
        Citation::Full(r) => reference(ctx, at, r, out),
        // A short citation is judged through the full one it names, which is judged above.
        Citation::Short(s) => {
            if c.resolve(basis).is_none() {
                out.emit("DXER-L005", at.path("/act"), &[("id", s.act.as_str())]);
                out.rests_on(basis_at);
            }
        }
    });
    if let Some(record) = ctx.record {
        reference(ctx, At::new("/creating_act/act"), &record.creating_act.act, out);
    }
}

/// Calls `each` on every citation outside the legal basis (fees, refusal grounds, appeal), with its pointer.
fn citations<'a>(ctx: &Ctx<'a>, mut each: impl FnMut(At<'_>, &'a Citation)) {
    let reg = ctx.reg;
    let mut list = |at: At<'_>, refs: &'a [Citation]| {
        let at = at.path("/legal_basis");
        for (i, r) in refs.iter().enumerate() {
            each(at.index(i), r);
        }
    };
    let tiers = ctx.at("/standard/fees/tiers");
    for (i, t) in reg.standard.fee_tiers().iter().enumerate() {
        let tier = tiers.index(i);
        list(tier, &t.legal_basis);
        let components = tier.path("/components");
        for (j, c) in t.components.iter().enumerate() {
            list(components.index(j), &c.legal_basis);
        }
    }
    let grounds = ctx.at("/procedure/refusal_grounds");
    for (i, g) in reg.procedure.refusal_grounds.iter().enumerate() {
        list(grounds.index(i), &g.legal_basis);
    }
    if let Some(a) = reg.appeal.administrative.stated() {
        list(ctx.at("/appeal/administrative"), &a.legal_basis);
    }
    if let Some(c) = reg.appeal.court.stated() {
        list(ctx.at("/appeal/court"), &c.legal_basis);
    }
    if let Some(v) = &reg.variants {
        let variants = ctx.at("/variants/variants");
        for (vi, variant) in v.variants.iter().enumerate() {
            let variant_at = variants.index(vi);
            let grounds = variant_at.path("/refusal_grounds");
            for (i, g) in variant.refusal_grounds.iter().enumerate() {
                list(grounds.index(i), &g.legal_basis);
            }
        }
    }
}

/// How the number of each type of act is written [choice: from published acts, e.g. laws "279-VIIQ",
/// "111-VIIQD", constitutional laws "1668-VKQ" (30 Sep 2019, State Register of Legal Acts); decrees, orders
/// and Cabinet decisions "543", "129"; central bodies' acts "12-p" or "I-45"].
/// A check of an act number, with an example of a valid one.
type NumberForm = (fn(&str) -> bool, &'static str);

fn number_form(t: LegalActType) -> Option<NumberForm> {
    match t {
        LegalActType::Law => Some((law_number, "279-VIIQ")),
        LegalActType::PresidentialDecree
        | LegalActType::PresidentialOrder
        | LegalActType::CabinetDecision
        | LegalActType::CabinetOrder => Some((decree_number, "543")),
        _ => None,
    }
}

/// `NNN-<convocation in Roman numerals><suffix>`, e.g. `279-VIIQ`. The suffix tells the kind of law: `Q` a
/// law, `QD` a law amending laws, `QR`, `QQ`, `QZ` further kinds; `KQ` a constitutional law (`1668-VKQ`),
/// `KQD` one amending constitutional laws [choice: by analogy with `QD`]. Kept in step with the `law`
/// pattern of `schemas/codelists/legal-act-types.json` (a test holds them together).
fn law_number(n: &str) -> bool {
    let Some((num, rest)) = n.split_once('-') else {
        return false;
    };
    let roman_len = rest.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X')).count();
    let suffix = &rest[roman_len..];
    (1..=4).contains(&num.len())
        && num.bytes().all(|b| b.is_ascii_digit())
        && (1..=5).contains(&roman_len)
        && matches!(suffix, "Q" | "QD" | "QR" | "QQ" | "QZ" | "KQ" | "KQD")
}

/// Digits with an optional letter, e.g. `543`, `191s`.
fn decree_number(n: &str) -> bool {
    let digits = n.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &n[digits..];
    (1..=5).contains(&digits) && (rest.is_empty() || (rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_alphabetic())))
}

fn needs_number(t: LegalActType) -> bool {
    !matches!(
        t,
        LegalActType::Constitution | LegalActType::Code | LegalActType::InternationalTreaty | LegalActType::Other
    )
}

fn needs_date(t: LegalActType) -> bool {
    !matches!(t, LegalActType::Constitution | LegalActType::Code)
}

fn reference(ctx: &Ctx<'_>, at: At<'_>, r: &LegalRef, out: &mut Emitter) {
    // The act type's label is looked up only for a finding.
    let t = || [("act_type", super::label("legal-act-types", r.act_type.code()))];
    match &r.number {
        None if needs_number(r.act_type) => out.emit_localized("DXER-L001", at.path("/number"), &[], &t()),
        Some(n) => {
            if let Some((valid, example)) = number_form(r.act_type) {
                if !valid(n) {
                    out.emit_localized("DXER-L002", at.path("/number"), &[("number", n), ("example", example)], &t());
                }
            }
        }
        None => {}
    }
    match (r.date, ctx.record_date) {
        (Some(date), Some(record_date)) if date > record_date => out.emit(
            "DXER-L003",
            at.path("/date"),
            &[("date", &date.to_string()), ("record_date", &record_date.to_string())],
        ),
        (None, _) if needs_date(r.act_type) => out.emit_localized("DXER-L004", at.path("/date"), &[], &t()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn act_numbers() {
        for ok in ["279-VIIQ", "111-VIIQD", "1-IQ", "845-IIIQ", "12-VQR", "1668-VKQ", "21-IVKQ", "5-VIKQD"] {
            assert!(law_number(ok), "{ok}");
        }
        for bad in ["279", "279-VII", "279-VIIA", "-VIIQ", "27999-VIIQ", "279-ABQ", "1668-KQ", "12-VKQQ", "12-VQK"] {
            assert!(!law_number(bad), "{bad}");
        }
        assert!(decree_number("543") && decree_number("191s") && !decree_number("") && !decree_number("12-ab"));
    }

    /// The `law` pattern of the published code list names the same suffixes as [`law_number`].
    #[test]
    fn law_suffixes_agree_with_the_code_list() {
        let list: serde_json::Value =
            serde_json::from_str(include_str!("../../schemas/codelists/legal-act-types.json")).unwrap();
        let items = list["items"].as_array().unwrap();
        let law = items.iter().find(|i| i["code"] == "law").unwrap();
        let pattern = law["number_pattern"].as_str().unwrap();
        let group = pattern.rsplit_once('(').unwrap().1.split_once(')').unwrap().0;
        for suffix in group.split('|') {
            assert!(law_number(&format!("12-V{suffix}")), "the code list allows {suffix}, the check does not");
        }
        for suffix in ["Q", "QD", "QR", "QQ", "QZ", "KQ", "KQD"] {
            assert!(group.split('|').any(|s| s == suffix), "the check allows {suffix}, the code list does not");
        }
    }
}
