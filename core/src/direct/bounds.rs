//! 2. The schema's bounds that the types do not carry.

use crate::model::{LocalizedText, Record, Reglament};

/// Every bound of the published schemas that the model's types do not enforce themselves, as
/// (`$defs` entry or `Record`/`Reglament` for the root, property, keyword, limit; 0 for a `pattern`). [`within_schema`]
/// checks each; a test proves this is the schemas' complete list.
#[cfg(test)]
pub(crate) const BOUNDS: &[(&str, &str, &str, u64)] = &[
    ("Record", "version", "minimum", 1),
    ("Record", "directions", "minItems", 1),
    ("ServiceArea", "area", "minLength", 1),
    ("ServiceArea", "area", "maxLength", 64),
    ("ServiceArea", "sub_area", "minLength", 1),
    ("ServiceArea", "sub_area", "maxLength", 64),
    ("Submission", "signer", "minLength", 1),
    ("Submission", "signer", "maxLength", 200),
    ("Submission", "signature_ref", "minLength", 1),
    ("Submission", "signature_ref", "maxLength", 500),
    ("Digest", "value", "pattern", 0),
    ("EService", "e_form_url", "minLength", 1),
    ("EService", "e_form_url", "maxLength", 2000),
    ("AsanIndex", "score", "maximum", 100),
    ("AsanIndex", "year", "minimum", 2012),
    ("AsanIndex", "year", "maximum", 2100),
    ("General", "legal_basis", "minItems", 1),
    ("General", "user_categories", "minItems", 1),
    ("General", "channels", "minItems", 1),
    ("Eligibility", "min_age", "maximum", 150),
    ("Eligibility", "max_age", "maximum", 150),
    ("ResultDelivery", "apply", "minItems", 1),
    ("ResultDelivery", "receive", "minItems", 1),
    ("ChannelForm", "channels", "minItems", 1),
    ("LegalRef", "number", "minLength", 1),
    ("LegalRef", "number", "maxLength", 32),
    ("RequiredDocument", "count", "minimum", 1),
    ("RequiredDocument", "count", "maximum", 100),
    ("ApplicationForm", "e_form_url", "minLength", 1),
    ("ApplicationForm", "e_form_url", "maxLength", 2000),
    ("Contact", "hotline", "minLength", 1),
    ("Contact", "hotline", "maxLength", 64),
    ("Contact", "web", "minLength", 1),
    ("Contact", "web", "maxLength", 2000),
    ("Contact", "email", "minLength", 3),
    ("Contact", "email", "maxLength", 320),
    ("Annex", "url", "minLength", 1),
    ("Annex", "url", "maxLength", 2000),
    ("Variants", "attributes", "minItems", 1),
    ("Variants", "variants", "minItems", 1),
    ("VariantAttribute", "values", "minItems", 2),
    ("LocalizedText", "az", "minLength", 1),
    ("LocalizedText", "en", "minLength", 1),
    ("LocalizedText", "ru", "minLength", 1),
];

/// A string's length as JSON Schema counts it (in characters), within `min..=max`.
pub(crate) fn chars_within(s: &str, min: usize, max: usize) -> bool {
    // Bytes bound characters from above (and from below by a quarter): most strings need no counting.
    if s.len() < min {
        return false;
    }
    if s.len() <= max && s.len().div_ceil(4) >= min {
        return true;
    }
    (min..=max).contains(&s.chars().count())
}

pub(crate) fn opt_chars_within(s: &Option<String>, min: usize, max: usize) -> bool {
    s.as_deref().is_none_or(|s| chars_within(s, min, max))
}

/// Whether the record meets [`BOUNDS`] (the rest of the schema holds by its types).
pub(crate) fn within_schema(r: &Record) -> bool {
    r.version >= 1
        && !r.directions.is_empty()
        && chars_within(&r.service_area.area, 1, 64)
        && opt_chars_within(&r.service_area.sub_area, 1, 64)
        && texts_within(&r.creating_act.act)
        && r.submission.as_ref().is_none_or(|s| {
            chars_within(&s.signer, 1, 200)
                && opt_chars_within(&s.signature_ref, 1, 500)
                && s.digest.as_ref().is_none_or(|d| crate::model::Digest::is_valid(&d.value))
        })
        && r.review.as_ref().is_none_or(|v| v.defects.iter().all(text_within))
        && r.history.iter().all(|h| h.defects.iter().all(text_within))
        && r.eservice.as_ref().is_none_or(|e| opt_chars_within(&e.e_form_url, 1, 2000))
        && r.data_sources.iter().all(|d| text_within(&d.register))
        && r.asan_index.as_ref().is_none_or(|a| a.score <= 100 && (2012..=2100).contains(&a.year))
        && reglament_within_schema(&r.reglament)
}

pub(crate) fn text_within(t: &LocalizedText) -> bool {
    !t.az.is_empty() && t.en.as_ref().is_none_or(|s| !s.is_empty()) && t.ru.as_ref().is_none_or(|s| !s.is_empty())
}

pub(crate) fn opt_text_within(t: &Option<LocalizedText>) -> bool {
    t.as_ref().is_none_or(text_within)
}

pub(crate) fn texts_within(l: &crate::model::LegalRef) -> bool {
    text_within(&l.title) && opt_chars_within(&l.number, 1, 32)
}

pub(crate) fn legal_within(list: &[crate::model::LegalRef]) -> bool {
    list.iter().all(texts_within)
}

pub(crate) fn citations_within(list: &[crate::model::Citation]) -> bool {
    list.iter().all(|c| match c {
        crate::model::Citation::Full(r) => texts_within(r),
        crate::model::Citation::Short(_) => true,
    })
}

/// A stated list is not empty (`minItems: 1`); a not-stated one has no items to count.
pub(crate) fn stated_nonempty<T>(list: &crate::model::Stated<Vec<T>>) -> bool {
    list.stated().is_none_or(|l| !l.is_empty())
}

pub(crate) fn result_within(r: &crate::model::ServiceResult) -> bool {
    text_within(&r.name) && r.delivery.iter().all(|d| !d.apply.is_empty() && !d.receive.is_empty())
}

pub(crate) fn refusals_within(list: &[crate::model::RefusalGround]) -> bool {
    list.iter().all(|g| text_within(&g.text) && citations_within(&g.legal_basis))
}

pub(crate) fn conditions_within(c: &crate::model::Conditions) -> bool {
    c.eligibility.iter().all(|e| e.min_age.is_none_or(|a| a <= 150) && e.max_age.is_none_or(|a| a <= 150))
}

/// Whether the reglament meets [`BOUNDS`].
pub(crate) fn reglament_within_schema(g: &Reglament) -> bool {
    let general = &g.general;
    let standard = &g.standard;
    let contact = &g.contact;
    text_within(&general.name)
        && opt_text_within(&general.description)
        && stated_nonempty(&general.legal_basis)
        && legal_within(general.legal_basis.items())
        && stated_nonempty(&general.user_categories)
        && stated_nonempty(&general.channels)
        && general.conditions.as_ref().is_none_or(conditions_within)
        && standard.documents.iter().all(|d| {
            text_within(&d.name)
                && (1..=100).contains(&d.count)
                && d.source.as_ref().is_none_or(|s| text_within(&s.register))
                && opt_text_within(&d.note)
                && d.channel_forms.iter().all(|f| !f.channels.is_empty())
        })
        && standard.application_form.as_ref().is_none_or(|f| opt_chars_within(&f.e_form_url, 1, 2000))
        && standard.fee_tiers().iter().all(|t| {
            opt_text_within(&t.label)
                && citations_within(&t.legal_basis)
                && t.components.iter().all(|c| citations_within(&c.legal_basis))
        })
        && standard.result.stated().is_none_or(result_within)
        && g.procedure.steps.iter().all(|s| text_within(&s.name))
        && refusals_within(&g.procedure.refusal_grounds)
        && g.appeal.administrative.stated().is_none_or(|a| text_within(&a.body) && citations_within(&a.legal_basis))
        && g.appeal.court.stated().is_none_or(|c| citations_within(&c.legal_basis))
        && opt_chars_within(&contact.hotline, 1, 64)
        && opt_chars_within(&contact.web, 1, 2000)
        && opt_chars_within(&contact.email, 3, 320)
        && opt_text_within(&contact.feedback)
        && g.annexes.iter().all(|a| text_within(&a.title) && opt_chars_within(&a.url, 1, 2000))
        && g.variants.as_ref().is_none_or(|v| {
            !v.attributes.is_empty()
                && !v.variants.is_empty()
                && v.attributes.iter().all(|a| {
                    a.values.len() >= 2 && text_within(&a.label) && a.values.iter().all(|x| text_within(&x.label))
                })
                && v.variants.iter().all(|x| {
                    text_within(&x.label)
                        && x.result.as_ref().is_none_or(result_within)
                        && refusals_within(&x.refusal_grounds)
                })
        })
}
