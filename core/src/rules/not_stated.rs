//! Items the source does not state: `DXER-N001` (required before registration), `DXER-N002` (expected by
//! the model form). Each not-stated item is one finding at its own pointer, so a record written from a
//! silent source shows every gap instead of hiding it behind an invented value.

use super::{Ctx, Emitter, Localized};

/// Which items the law requires before registration (`DXER-N001`, an error) and which the model form only
/// expects (`DXER-N002`, a warning) [choice: the law's list of a reglament's mandatory content as reported
/// on its adoption — legal basis, users, channels, fees, time limit, result, appeal — is the first group].
pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let reg = ctx.reg;
    let g = &reg.general;
    let mut n = |required: bool, path: &str, silent: bool, what: Localized| {
        if silent {
            let code = if required { "DXER-N001" } else { "DXER-N002" };
            out.emit_localized(code, &ctx.at(path), &[], &[("item", what)]);
        }
    };
    let w = super::words;
    n(
        true,
        "/general/legal_basis",
        g.legal_basis.is_not_stated(),
        w("hüquqi əsas", "legal basis", "правовое основание"),
    );
    n(
        true,
        "/general/user_categories",
        g.user_categories.is_not_stated(),
        w("istifadəçi kateqoriyaları", "user categories", "категории пользователей"),
    );
    n(true, "/general/channels", g.channels.is_not_stated(), w("müraciət kanalları", "channels", "каналы обращения"));
    n(
        false,
        "/general/automation",
        g.automation.is_not_stated(),
        w("avtomatlaşdırma səviyyəsi", "level of automation", "уровень автоматизации"),
    );
    for (i, d) in reg.standard.documents.iter().enumerate() {
        n(
            false,
            &format!("/standard/documents/{i}/form"),
            d.form.is_not_stated(),
            w("sənədin forması", "form of the document", "форма документа"),
        );
    }
    let st = &reg.standard;
    n(true, "/standard/fees", st.fees.is_not_stated(), w("ödəniş", "fees", "оплата"));
    n(
        true,
        "/standard/time_limit",
        st.time_limit.is_not_stated(),
        w("xidmətin göstərilmə müddəti", "time limit of the service", "срок предоставления услуги"),
    );
    n(
        true,
        "/standard/result",
        st.result.is_not_stated(),
        w("xidmətin nəticəsi", "result of the service", "результат услуги"),
    );
    if let Some(r) = st.result.stated() {
        let what = w("nəticənin daşıyıcısı", "medium of the result", "носитель результата");
        n(false, "/standard/result/medium", r.medium.is_not_stated(), what);
    }
    let acc = &reg.procedure.acceptance;
    n(
        false,
        "/procedure/acceptance/same_day_registration",
        acc.same_day_registration.is_not_stated(),
        w("eyni gün qeydiyyat", "same-day registration", "регистрация в день поступления"),
    );
    n(
        false,
        "/procedure/acceptance/confirmation_notice",
        acc.confirmation_notice.is_not_stated(),
        w("təsdiqetmə bildirişi", "confirmation notice", "уведомление о приёме"),
    );
    for (i, s) in reg.procedure.steps.iter().enumerate() {
        n(
            false,
            &format!("/procedure/steps/{i}/responsible"),
            s.responsible.is_not_stated(),
            w("addımın məsul bölməsi", "unit responsible for the step", "ответственное подразделение этапа"),
        );
        n(
            false,
            &format!("/procedure/steps/{i}/time_limit"),
            s.time_limit.is_not_stated(),
            w("addımın müddəti", "time limit of the step", "срок этапа"),
        );
    }
    for (i, r) in reg.procedure.refusal_grounds.iter().enumerate() {
        n(
            false,
            &format!("/procedure/refusal_grounds/{i}/reapplication_allowed"),
            r.reapplication_allowed.is_not_stated(),
            w("təkrar müraciətin mümkünlüyü", "whether re-application is allowed", "возможность повторного обращения"),
        );
    }
    let a = &reg.appeal;
    n(
        true,
        "/appeal/administrative",
        a.administrative.is_not_stated(),
        w("inzibati şikayət qaydası", "administrative complaint", "порядок административной жалобы"),
    );
    if let Some(adm) = a.administrative.stated() {
        n(
            false,
            "/appeal/administrative/deadline",
            adm.deadline.is_not_stated(),
            w("şikayət vermə müddəti", "deadline to complain", "срок подачи жалобы"),
        );
        n(
            false,
            "/appeal/administrative/review_period",
            adm.review_period.is_not_stated(),
            w("şikayətə baxılma müddəti", "review period of the complaint", "срок рассмотрения жалобы"),
        );
    }
    n(
        true,
        "/appeal/court",
        a.court.is_not_stated(),
        w("məhkəməyə şikayət qaydası", "appeal to court", "порядок обжалования в суде"),
    );
    if let Some(court) = a.court.stated() {
        n(
            false,
            "/appeal/court/deadline",
            court.deadline.is_not_stated(),
            w("məhkəməyə müraciət müddəti", "deadline to go to court", "срок обращения в суд"),
        );
    }
    if let Some(v) = &reg.variants {
        for (i, variant) in v.variants.iter().enumerate() {
            for (j, r) in variant.refusal_grounds.iter().enumerate() {
                let at = format!("/variants/variants/{i}/refusal_grounds/{j}/reapplication_allowed");
                n(
                    false,
                    &at,
                    r.reapplication_allowed.is_not_stated(),
                    w(
                        "təkrar müraciətin mümkünlüyü",
                        "whether re-application is allowed",
                        "возможность повторного обращения",
                    ),
                );
            }
        }
    }
}
