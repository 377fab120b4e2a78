//! Items the source does not state: `DXER-N001` (required before registration), `DXER-N002` (expected by
//! the model form). Each not-stated item is one finding at its own pointer, so a record written from a
//! silent source shows every gap instead of hiding it behind an invented value.

use super::{At, Ctx, Emitter};

/// How an item is named in the messages, in az/en/ru.
type Words = [&'static str; 3];

const LEGAL_BASIS: Words = ["hüquqi əsas", "legal basis", "правовое основание"];
const USER_CATEGORIES: Words = ["istifadəçi kateqoriyaları", "user categories", "категории пользователей"];
const CHANNELS: Words = ["müraciət kanalları", "channels", "каналы обращения"];
const AUTOMATION: Words = ["avtomatlaşdırma səviyyəsi", "level of automation", "уровень автоматизации"];
const DOCUMENT_FORM: Words = ["sənədin forması", "form of the document", "форма документа"];
const FEES: Words = ["ödəniş", "fees", "оплата"];
const TIME_LIMIT: Words = ["xidmətin göstərilmə müddəti", "time limit of the service", "срок предоставления услуги"];
const RESULT: Words = ["xidmətin nəticəsi", "result of the service", "результат услуги"];
const MEDIUM: Words = ["nəticənin daşıyıcısı", "medium of the result", "носитель результата"];
const SAME_DAY: Words = ["eyni gün qeydiyyat", "same-day registration", "регистрация в день поступления"];
const NOTICE: Words = ["təsdiqetmə bildirişi", "confirmation notice", "уведомление о приёме"];
const STEP_UNIT: Words =
    ["addımın məsul bölməsi", "unit responsible for the step", "ответственное подразделение этапа"];
const STEP_TIME: Words = ["addımın müddəti", "time limit of the step", "срок этапа"];
const REAPPLICATION: Words =
    ["təkrar müraciətin mümkünlüyü", "whether re-application is allowed", "возможность повторного обращения"];
const ADMINISTRATIVE: Words =
    ["inzibati şikayət qaydası", "administrative complaint", "порядок административной жалобы"];
const COMPLAINT_DEADLINE: Words = ["şikayət vermə müddəti", "deadline to complain", "срок подачи жалобы"];
const REVIEW_PERIOD: Words = ["şikayətə baxılma müddəti", "review period of the complaint", "срок рассмотрения жалобы"];
const COURT: Words = ["məhkəməyə şikayət qaydası", "appeal to court", "порядок обжалования в суде"];
const COURT_DEADLINE: Words = ["məhkəməyə müraciət müddəti", "deadline to go to court", "срок обращения в суд"];

/// Which items the law requires before registration (`DXER-N001`, an error) and which the model form only
/// expects (`DXER-N002`, a warning) [choice: the law's list of a reglament's mandatory content as reported
/// on its adoption — legal basis, users, channels, fees, time limit, result, appeal — is the first group].
/// Nothing is allocated unless an item is not stated.
pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let mut not_stated = |required: bool, at: At<'_>, [az, en, ru]: Words| {
        let code = if required { "DXER-N001" } else { "DXER-N002" };
        out.emit_localized(code, at, &[], &[("item", super::words(az, en, ru))]);
    };
    let reg = ctx.reg;
    let (g, st, p, a) = (&reg.general, &reg.standard, &reg.procedure, &reg.appeal);
    let items = [
        (true, "/general/legal_basis", g.legal_basis.is_not_stated(), LEGAL_BASIS),
        (true, "/general/user_categories", g.user_categories.is_not_stated(), USER_CATEGORIES),
        (true, "/general/channels", g.channels.is_not_stated(), CHANNELS),
        (false, "/general/automation", g.automation.is_not_stated(), AUTOMATION),
        (true, "/standard/fees", st.fees.is_not_stated(), FEES),
        (true, "/standard/time_limit", st.time_limit.is_not_stated(), TIME_LIMIT),
        (true, "/standard/result", st.result.is_not_stated(), RESULT),
        (false, "/standard/result/medium", st.result.stated().is_some_and(|r| r.medium.is_not_stated()), MEDIUM),
        (
            false,
            "/procedure/acceptance/same_day_registration",
            p.acceptance.same_day_registration.is_not_stated(),
            SAME_DAY,
        ),
        (false, "/procedure/acceptance/confirmation_notice", p.acceptance.confirmation_notice.is_not_stated(), NOTICE),
        (true, "/appeal/administrative", a.administrative.is_not_stated(), ADMINISTRATIVE),
        (
            false,
            "/appeal/administrative/deadline",
            a.administrative.stated().is_some_and(|x| x.deadline.is_not_stated()),
            COMPLAINT_DEADLINE,
        ),
        (
            false,
            "/appeal/administrative/review_period",
            a.administrative.stated().is_some_and(|x| x.review_period.is_not_stated()),
            REVIEW_PERIOD,
        ),
        (true, "/appeal/court", a.court.is_not_stated(), COURT),
        (false, "/appeal/court/deadline", a.court.stated().is_some_and(|x| x.deadline.is_not_stated()), COURT_DEADLINE),
    ];
    for (required, path, silent, words) in items {
        if silent {
            not_stated(required, ctx.at(path), words);
        }
    }
    let documents = ctx.at("/standard/documents");
    for (i, d) in st.documents.iter().enumerate() {
        if d.form.is_not_stated() {
            not_stated(false, documents.index(i).path("/form"), DOCUMENT_FORM);
        }
    }
    let steps = ctx.at("/procedure/steps");
    for (i, s) in p.steps.iter().enumerate() {
        let at = steps.index(i);
        if s.responsible.is_not_stated() {
            not_stated(false, at.path("/responsible"), STEP_UNIT);
        }
        if s.time_limit.is_not_stated() {
            not_stated(false, at.path("/time_limit"), STEP_TIME);
        }
    }
    let grounds = ctx.at("/procedure/refusal_grounds");
    for (i, r) in p.refusal_grounds.iter().enumerate() {
        if r.reapplication_allowed.is_not_stated() {
            not_stated(false, grounds.index(i).path("/reapplication_allowed"), REAPPLICATION);
        }
    }
    let variants = ctx.at("/variants/variants");
    for (i, variant) in reg.variants.iter().flat_map(|v| v.variants.iter()).enumerate() {
        let variant_at = variants.index(i);
        let grounds = variant_at.path("/refusal_grounds");
        for (j, r) in variant.refusal_grounds.iter().enumerate() {
            if r.reapplication_allowed.is_not_stated() {
                not_stated(false, grounds.index(j).path("/reapplication_allowed"), REAPPLICATION);
            }
        }
    }
}
