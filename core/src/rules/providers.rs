//! `DXER-P001`, `DXER-P002`: the provider codes of a record, judged on the date the record speaks for.

use chrono::NaiveDate;

use super::{At, Ctx, Emitter, Localized};
use crate::codelists::{Activity, Heir, Provider, ProviderStatus};
use crate::model::{LocalizedText, ProviderCode, Record};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    let on = spoken_date(ctx.record, ctx.opts.today);
    let g = &ctx.reg.general;
    provider(ctx, &on, &g.provider, ctx.at("/general/provider"), out);
    let co_executors = ctx.at("/general/co_executors");
    for (i, c) in g.co_executors.iter().enumerate() {
        provider(ctx, &on, c, co_executors.index(i), out);
    }
    let data_suppliers = ctx.at("/general/data_suppliers");
    for (i, c) in g.data_suppliers.iter().enumerate() {
        provider(ctx, &on, c, data_suppliers.index(i), out);
    }
    let documents = ctx.at("/standard/documents");
    for (i, d) in ctx.reg.standard.documents.iter().enumerate() {
        if let Some(src) = &d.source {
            provider(ctx, &on, &src.body, documents.index(i).path("/source/body"), out);
        }
    }
    if let Some(record) = ctx.record {
        let sources = At::new("/data_sources");
        for (i, ds) in record.data_sources.iter().enumerate() {
            provider(ctx, &on, &ds.body, sources.index(i).path("/body"), out);
        }
    }
}

/// Which date a record's provider codes are judged on, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SpokenDate {
    /// The last day of a version whose validity has ended (`validity.valid_to`).
    ValidTo(NaiveDate),
    /// The first day of a version that takes effect after `Options::today` (`validity.valid_from`).
    ValidFrom(NaiveDate),
    /// `Options::today`, for a version still in force, or a document with no date of its own.
    Today(NaiveDate),
    /// The submission date of a record with no validity yet.
    Submitted(NaiveDate),
    /// No date: today as the code list says it (each body's status).
    Present,
}

/// The date a record speaks for [choice], in this order:
/// 1. a version with `validity.valid_to` speaks for its whole period, so its bodies must still exist on
///    that last day (an archived version naming a body abolished after it ended is correct);
/// 2. a version in force with no end speaks for today: `Options::today` (or `valid_from` when that is
///    later), and with no `today` the present as the code list says it (each body's status);
/// 3. a record with no validity speaks for its submission date (`submission.date`);
/// 4. otherwise (a draft, a bare reglament) `Options::today`, else the present.
pub(crate) fn spoken_date(record: Option<&Record>, today: Option<NaiveDate>) -> SpokenDate {
    match (record.and_then(|r| r.validity.as_ref()), record.and_then(|r| r.submission.as_ref())) {
        (Some(v), _) => match (v.valid_to, today) {
            (Some(to), _) => SpokenDate::ValidTo(to),
            (None, Some(t)) if v.valid_from > t => SpokenDate::ValidFrom(v.valid_from),
            (None, Some(t)) => SpokenDate::Today(t),
            (None, None) => SpokenDate::Present,
        },
        (None, Some(s)) => SpokenDate::Submitted(s.date),
        (None, None) => today.map_or(SpokenDate::Present, SpokenDate::Today),
    }
}

impl SpokenDate {
    fn day(&self) -> Option<NaiveDate> {
        match *self {
            SpokenDate::ValidTo(d) | SpokenDate::ValidFrom(d) | SpokenDate::Today(d) | SpokenDate::Submitted(d) => {
                Some(d)
            }
            SpokenDate::Present => None,
        }
    }

    /// The part of the record the date was read from.
    fn pointer(&self) -> Option<&'static str> {
        match self {
            SpokenDate::ValidTo(_) => Some("/validity/valid_to"),
            SpokenDate::ValidFrom(_) => Some("/validity/valid_from"),
            SpokenDate::Submitted(_) => Some("/submission/date"),
            SpokenDate::Today(_) | SpokenDate::Present => None,
        }
    }

    /// "on <date>, <which date it is>", in az/en/ru.
    fn words(&self) -> Localized {
        let d = self.day().map(|d| d.to_string()).unwrap_or_default();
        match self {
            SpokenDate::ValidTo(_) => super::words(
                &format!("qeydin qüvvədə olduğu son gün ({d})"),
                &format!("on {d}, the last day of the record's validity"),
                &format!("на {d}, последний день действия записи"),
            ),
            SpokenDate::ValidFrom(_) => super::words(
                &format!("qeydin qüvvəyə mindiyi gün ({d})"),
                &format!("on {d}, when the record takes effect"),
                &format!("на {d}, день вступления записи в силу"),
            ),
            SpokenDate::Today(_) => {
                super::words(&format!("bu gün ({d})"), &format!("today ({d})"), &format!("на сегодня ({d})"))
            }
            SpokenDate::Submitted(_) => super::words(
                &format!("qeydin təqdim olunduğu gün ({d})"),
                &format!("on {d}, the record's submission date"),
                &format!("на {d}, дату подачи записи"),
            ),
            SpokenDate::Present => super::words("hazırda", "today", "в настоящее время"),
        }
    }
}

/// Whether `p` no longer existed on the date: `Some(end date, if known)`.
fn ended(p: &Provider, on: &SpokenDate) -> Option<Option<NaiveDate>> {
    match on.day() {
        Some(day) => match p.activity_on(day) {
            Activity::Ended(until) => Some(until),
            Activity::Active | Activity::NotYetEstablished(_) => None,
        },
        None => (!p.is_active()).then_some(p.until),
    }
}

fn provider(ctx: &Ctx<'_>, on: &SpokenDate, code: &ProviderCode, at: At<'_>, out: &mut Emitter) {
    let lists = &ctx.opts.codelists;
    let Some(p) = lists.provider(code.as_str()) else {
        out.emit("DXER-P001", at, &[("code", code.as_str())]);
        return;
    };
    let Some(until) = ended(p, on) else { return };
    let word = if p.status == ProviderStatus::Renamed {
        ["adı dəyişdirilib", "renamed", "переименован"]
    } else {
        ["ləğv edilib", "dissolved", "упразднён"]
    };
    let since = word.map(|w| match until {
        Some(date) => format!("{w} {date}"),
        None => w.to_string(),
    });
    let heirs = lists.heirs(code.as_str(), on.day(), None);
    let mut f = super::finding_localized(
        "DXER-P002",
        at,
        &[("code", code.as_str())],
        &[("name", names(&p.label)), ("on", on.words()), ("since", since), ("successors", successors(&heirs))],
    );
    f.fix = fix(ctx, code.as_str(), on, &heirs);
    out.push(f);
    if let Some(pointer) = on.pointer() {
        out.rests_on(pointer);
    }
}

fn names(l: &LocalizedText) -> Localized {
    [l.az.clone(), l.get("en").to_string(), l.get("ru").to_string()]
}

/// `"MEDN" (name)` for one heir; for several, each with what it took over, joined by "or".
fn successors(heirs: &[Heir<'_>]) -> Localized {
    if heirs.is_empty() {
        return super::words("-", "-", "-");
    }
    let joins = [" və ya ", " or ", " или "];
    let took = ["götürdüyü", "took over", "принял"];
    std::array::from_fn(|i| {
        let lang = ["az", "en", "ru"][i];
        heirs
            .iter()
            .map(|h| {
                let name = names(&h.provider.label)[i].clone();
                match h.functions.filter(|_| heirs.len() > 1) {
                    Some(f) => format!("\"{}\" ({name}; {}: {})", h.provider.code, took[i], f.get(lang)),
                    None => format!("\"{}\" ({name})", h.provider.code),
                }
            })
            .collect::<Vec<_>>()
            .join(joins[i])
    })
}

/// The one code to use instead: the only heir, or the only heir of the record's service (sub-)area.
fn fix(ctx: &Ctx<'_>, code: &str, on: &SpokenDate, heirs: &[Heir<'_>]) -> Option<String> {
    if let [only] = heirs {
        return Some(only.provider.code.clone());
    }
    let area = ctx.record.map(|r| r.service_area.sub_area.as_deref().unwrap_or(&r.service_area.area))?;
    match ctx.opts.codelists.heirs(code, on.day(), Some(area)).as_slice() {
        [only] => Some(only.provider.code.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(validity: Option<(&str, Option<&str>)>, submitted: Option<&str>) -> Record {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/valid/identity-card/input.json")).unwrap();
        let o = v.as_object_mut().unwrap();
        o.remove("validity");
        o.remove("submission");
        o.remove("review");
        if let Some((from, to)) = validity {
            o.insert("validity".into(), serde_json::json!({"valid_from": from}));
            if let Some(to) = to {
                o["validity"]["valid_to"] = to.into();
            }
        }
        if let Some(date) = submitted {
            o.insert("submission".into(), serde_json::json!({"date": date, "signer": "x"}));
        }
        serde_json::from_value(v).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_date_a_record_speaks_for_follows_the_documented_order() {
        let today = Some(d("2026-07-01"));
        let closed = record(Some(("2014-03-01", Some("2016-12-31"))), Some("2014-02-01"));
        assert_eq!(spoken_date(Some(&closed), today), SpokenDate::ValidTo(d("2016-12-31")));
        let open = record(Some(("2014-03-01", None)), Some("2014-02-01"));
        assert_eq!(spoken_date(Some(&open), today), SpokenDate::Today(d("2026-07-01")));
        assert_eq!(spoken_date(Some(&open), None), SpokenDate::Present);
        let future = record(Some(("2027-01-01", None)), None);
        assert_eq!(spoken_date(Some(&future), today), SpokenDate::ValidFrom(d("2027-01-01")));
        let submitted = record(None, Some("2015-05-05"));
        assert_eq!(spoken_date(Some(&submitted), today), SpokenDate::Submitted(d("2015-05-05")));
        let draft = record(None, None);
        assert_eq!(spoken_date(Some(&draft), today), SpokenDate::Today(d("2026-07-01")));
        assert_eq!(spoken_date(None, None), SpokenDate::Present);
    }
}

#[cfg(test)]
mod fixture_tests {
    use crate::{validate, Options};

    const SPLIT: &str =
        include_str!("../../../tests/fixtures/invalid/dxer-p002-split-provider-names-both-successors/input.json");
    const OUTLIVED: &str =
        include_str!("../../../tests/fixtures/invalid/dxer-p002-archived-version-outlived-the-provider/input.json");

    #[test]
    fn a_split_provider_is_reported_with_both_successors_and_the_fix_of_the_records_area() {
        let report = validate(SPLIT, &Options::default());
        let f = report.findings.iter().find(|f| f.code == "DXER-P002").expect("P002");
        for text in [&f.message.az, &f.message.en, &f.message.ru] {
            assert!(text.contains("\"MEDN\"") && text.contains("\"DTA\""), "{text}");
            assert!(text.contains("2018-04-20") && text.contains("2019-12-31"), "{text}");
        }
        assert!(f.message.en.contains("took over: tourism"), "{}", f.message.en);
        assert_eq!(f.fix.as_deref(), Some("DTA"));
        // Without the sub-area the area `culture` covers both successors: no single fix.
        let no_sub = SPLIT.replace(r#""sub_area": "culture.tourism""#, r#""sub_area": "culture.youth_sport""#);
        let report = validate(no_sub.as_str(), &Options::default());
        let f = report.findings.iter().find(|f| f.code == "DXER-P002").expect("P002");
        assert_eq!(f.fix, None);
    }

    #[test]
    fn the_same_record_is_judged_on_both_sides_of_the_providers_end() {
        let codes = |json: &str| -> Vec<String> {
            validate(json, &Options::default()).findings.into_iter().map(|f| f.code).collect()
        };
        let on =
            |valid_to: &str| OUTLIVED.replace("\"valid_to\": \"2019-12-31\"", &format!("\"valid_to\": \"{valid_to}\""));
        // VN ended on 2019-10-23 (the date of the act): its last full day was the 22nd.
        assert!(!codes(&on("2019-10-22")).contains(&"DXER-P002".to_string()));
        assert_eq!(codes(&on("2019-10-23")).iter().filter(|c| *c == "DXER-P002").count(), 2);
        // An open version speaks for today: with no `today` the list's status decides, with one its date.
        let open = OUTLIVED.replace(",\n    \"valid_to\": \"2019-12-31\"", "");
        assert!(open.len() < OUTLIVED.len(), "the fixture's validity changed shape");
        assert!(codes(&open).contains(&"DXER-P002".to_string()));
        let before = Options { today: Some("2019-01-01".parse().unwrap()), ..Options::default() };
        let report = validate(open.as_str(), &before);
        assert!(!report.findings.iter().any(|f| f.code == "DXER-P002"), "{:?}", report.findings);
    }
}
