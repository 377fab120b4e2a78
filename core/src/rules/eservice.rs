//! Electronic services (presidential decree of 23 May 2011, domain brief §7): `DXER-E001`..`DXER-E005`,
//! and the once-only principle (§2.4): `DXER-O001`, `DXER-O002`.

use super::{At, Ctx, Emitter};
use crate::model::{EService, IdentificationMethod, ProvidedBy, ServiceForm, ServiceType, ELECTRONIC};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    electronic(ctx, out);
    once_only(ctx, out);
}

fn electronic(ctx: &Ctx<'_>, out: &mut Emitter) {
    let g = &ctx.reg.general;
    if g.form == ServiceForm::InPerson {
        return;
    }
    let eservice = ctx.record.and_then(|r| r.eservice.as_ref());
    let informative = g.service_type == ServiceType::Informative;
    // E-form: in the record's e-service data or the reglament's application form. A proactive or purely
    // informative service has no application to fill in.
    // A request formed automatically (e.g. from the e-signature) has no form to fill in.
    let form = ctx.reg.standard.application_form.as_ref();
    let has_e_form = form.is_some_and(|f| f.e_form_url.is_some() || f.automatic.is_some())
        || eservice.is_some_and(|e| e.e_form_url.is_some());
    if !has_e_form && !informative && !g.proactive {
        let at = if ctx.record.is_some() {
            At::new("/eservice/e_form_url")
        } else {
            ctx.at("/standard/application_form/e_form_url")
        };
        out.emit("DXER-E001", at, &[]);
    }
    // Not stated is `DXER-N002`'s; this rule fires on a stated "no".
    if !informative && !g.proactive && ctx.reg.procedure.acceptance.confirmation_notice.get() == Some(false) {
        out.emit("DXER-E003", ctx.at("/procedure/acceptance/confirmation_notice"), &[]);
    }
    // The rest is record data (a bare reglament does not carry it).
    if ctx.record.is_none() {
        return;
    }
    // A record without e-service data is judged as one that states none of it (read in place, not copied).
    let none = EService::default();
    let e = eservice.unwrap_or(&none);
    if electronic_fee(ctx) && !e.e_payment {
        out.emit("DXER-E002", "/eservice/e_payment", &[]);
        out.rests_on(ctx.at("/standard/fees"));
        out.rests_on(ctx.at("/general/channels"));
    }
    let identified = e.identification.iter().any(|m| *m != IdentificationMethod::None);
    if !informative && !identified {
        out.emit_localized(
            "DXER-E004",
            "/eservice/identification",
            &[],
            &[("service_type", super::label("service-types", g.service_type.code()))],
        );
    }
    let user_documents = ctx.reg.standard.documents.iter().any(|d| d.provided_by == ProvidedBy::User);
    if !informative && user_documents && !e.accepts_scanned_copies {
        out.emit("DXER-E005", "/eservice/accepts_scanned_copies", &[]);
    }
}

fn once_only(ctx: &Ctx<'_>, out: &mut Emitter) {
    let sources = ctx.record.map(|r| r.data_sources.as_slice()).unwrap_or_default();
    let documents = ctx.at("/standard/documents");
    for (i, d) in ctx.reg.standard.documents.iter().enumerate() {
        let declared = sources
            .iter()
            .find(|s| s.document == d.id)
            .map(|s| s.body.as_str())
            .or(d.source.as_ref().map(|s| s.body.as_str()));
        match (d.provided_by, declared) {
            (ProvidedBy::User, Some(body)) => out.emit(
                "DXER-O001",
                documents.index(i).path("/provided_by"),
                &[("document", d.id.as_str()), ("body", body)],
            ),
            (ProvidedBy::Provider, None) => {
                out.emit("DXER-O002", documents.index(i).path("/source"), &[("document", d.id.as_str())])
            }
            _ => continue,
        }
        // Both judge the document against the record's data sources.
        out.rests_on("/data_sources");
    }
}

/// Whether a payment is due when the service is requested electronically: a payment whose condition names
/// only channels that are not electronic (e.g. a fee charged only at the provider's office) is not, and
/// neither is a payment of a tier that only such channels offer.
fn electronic_fee(ctx: &Ctx<'_>) -> bool {
    let Some(fees) = ctx.reg.standard.fees.stated() else { return false };
    !fees.free
        && fees
            .tiers
            .iter()
            .flat_map(|t| t.payments())
            .any(|p| !p.is_zero() && p.condition.is_none_or(|c| c.on_any_of(ELECTRONIC)))
}
