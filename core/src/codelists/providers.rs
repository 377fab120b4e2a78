//! Service providers and their history: when a body began and ended, by which act, and which bodies took
//! over which of its functions (a body split between several successors keeps one entry per successor).
//!
//! The list is data (`schemas/codelists/providers.json`); this module reads it, checks it, and answers the
//! two questions the rules ask: was body X active on day D ([`CodeLists::activity_on`]), and which bodies
//! took over X's functions, all of them or those of one service area ([`CodeLists::heirs`]).

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::{CodeListError, CodeLists};
use crate::model::{full_date, LocalizedText};

/// Lifecycle status of a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderStatus {
    /// Exists under this name.
    Active,
    /// Abolished; its services went to its `successors`.
    Dissolved,
    /// Renamed or reorganised into its `successors`.
    Renamed,
}

/// The legal act that established or ended a body, as the list cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActRef {
    /// Type of act, a code of the `legal-act-types` list (e.g. `presidential_decree`).
    #[serde(rename = "type")]
    pub act_type: String,
    /// Registration number, when known.
    #[serde(default)]
    pub number: Option<String>,
    /// Date of the act.
    #[serde(deserialize_with = "full_date::deserialize")]
    pub date: NaiveDate,
    /// Official title (Azerbaijani), or a short English description where the title was not seen.
    pub title: String,
    /// Where the act (or a public report of it) can be read.
    #[serde(default)]
    pub url: Option<String>,
}

/// A body that took over (some of) the functions of an inactive provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Successor {
    /// Provider code of the successor.
    pub code: String,
    /// What it took over, in az/en/ru (absent: all the functions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub functions: Option<LocalizedText>,
    /// Service areas or sub-areas (code list `service-areas`) it took over; empty: all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
}

/// A service provider from `providers.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "RawProvider")]
pub struct Provider {
    /// Provider code, e.g. `EN`.
    pub code: String,
    /// Official name.
    pub label: LocalizedText,
    /// Kind of body (ministry, state committee, ...).
    pub kind: Option<String>,
    /// Active, dissolved or renamed.
    pub status: ProviderStatus,
    /// Tax id (VÖEN), when known.
    pub voen: Option<String>,
    /// First day the body existed under this name, when known (`None`: before any record the list covers).
    pub since: Option<NaiveDate>,
    /// The act that established it.
    pub established_by: Option<ActRef>,
    /// Date of the act that dissolved or renamed it: from that day on the body no longer exists under this
    /// code. `None` for an active body, or (with a `note` saying why) where the date could not be found.
    pub until: Option<NaiveDate>,
    /// The act that dissolved or renamed it.
    pub ended_by: Option<ActRef>,
    /// Why `until` or `ended_by` is missing for an inactive body.
    pub until_note: Option<String>,
    /// The bodies that took over its functions, the principal one first.
    pub successors: Vec<Successor>,
    /// What happened, in English.
    pub note: Option<String>,
}

/// Whether a body existed on a given day ([`CodeLists::activity_on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    /// It existed.
    Active,
    /// It was established later (on the given day).
    NotYetEstablished(NaiveDate),
    /// It had ended (by the given day, or on a day the list does not know).
    Ended(Option<NaiveDate>),
}

/// One body that holds (part of) an inactive provider's functions, reached through its successor links.
#[derive(Debug, Clone, Copy)]
pub struct Heir<'a> {
    /// The body.
    pub provider: &'a Provider,
    /// What the first successor on the way took over (absent: everything).
    pub functions: Option<&'a LocalizedText>,
    /// The service areas the first successor on the way took over (empty: all).
    pub areas: &'a [String],
}

/// The list's item as written: today's form (`successors`, `until`, `note`) or the form before 2026-11
/// (one `successor`, `since` as the date of the end, `successor_note`).
#[derive(Deserialize)]
struct RawProvider {
    code: String,
    label: LocalizedText,
    #[serde(default)]
    kind: Option<String>,
    status: ProviderStatus,
    #[serde(default)]
    voen: Option<String>,
    #[serde(default, deserialize_with = "date_or_null")]
    since: Option<NaiveDate>,
    #[serde(default)]
    established_by: Option<ActRef>,
    #[serde(default, deserialize_with = "date_or_null")]
    until: Option<NaiveDate>,
    #[serde(default)]
    ended_by: Option<ActRef>,
    #[serde(default)]
    until_note: Option<String>,
    #[serde(default)]
    successors: Option<Vec<Successor>>,
    #[serde(default)]
    note: Option<String>,
    /// Old form: the one successor.
    #[serde(default, deserialize_with = "present")]
    successor: Option<Option<String>>,
    /// Old form: the note.
    #[serde(default, deserialize_with = "present")]
    successor_note: Option<Option<String>>,
}

/// A full date `YYYY-MM-DD`, or `null`.
fn date_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => full_date::parse(&s)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not a date YYYY-MM-DD"))),
    }
}

/// `Some(value)` when the member is present, even as `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl TryFrom<RawProvider> for Provider {
    type Error = String;

    fn try_from(raw: RawProvider) -> Result<Provider, String> {
        let old_form = raw.successor.is_some() || raw.successor_note.is_some();
        if old_form && raw.successors.is_some() {
            return Err(format!("{}: give either \"successors\" or the old \"successor\", not both", raw.code));
        }
        let successors = match (raw.successors, raw.successor.flatten()) {
            (Some(list), _) => list,
            (None, Some(code)) => vec![Successor { code, functions: None, areas: Vec::new() }],
            (None, None) => Vec::new(),
        };
        // In the old form `since` was the date a dissolved or renamed body ended.
        let (since, until) = match (old_form, raw.status, raw.until) {
            (true, ProviderStatus::Dissolved | ProviderStatus::Renamed, None) => (None, raw.since),
            _ => (raw.since, raw.until),
        };
        Ok(Provider {
            code: raw.code,
            label: raw.label,
            kind: raw.kind,
            status: raw.status,
            voen: raw.voen,
            since,
            established_by: raw.established_by,
            until,
            ended_by: raw.ended_by,
            until_note: raw.until_note,
            successors,
            note: raw.note.or(raw.successor_note.flatten()),
        })
    }
}

impl Provider {
    /// Whether the body existed on `day`: established on or before it (or on a day the list does not
    /// know), and not yet ended — a body ends on the date of the act that dissolved or renamed it
    /// [choice: the act's date, not its later entry into force or the successor's registration, which the
    /// list does not record]. An inactive body whose end date is unknown counts as ended on any day.
    pub fn activity_on(&self, day: NaiveDate) -> Activity {
        if let Some(since) = self.since.filter(|s| day < *s) {
            return Activity::NotYetEstablished(since);
        }
        match (self.status, self.until) {
            (_, Some(until)) if day >= until => Activity::Ended(Some(until)),
            (_, Some(_)) | (ProviderStatus::Active, None) => Activity::Active,
            (_, None) => Activity::Ended(None),
        }
    }

    /// Whether the body exists now, as the list says (its status).
    pub fn is_active(&self) -> bool {
        self.status == ProviderStatus::Active
    }
}

/// Whether the service area `query` overlaps `area`: the same, or one inside the other.
fn overlaps(area: &str, query: &str) -> bool {
    let inside = |a: &str, b: &str| a.len() > b.len() && a.starts_with(b) && a.as_bytes()[b.len()] == b'.';
    area == query || inside(query, area) || inside(area, query)
}

impl CodeLists {
    /// Checks the cross-item rules of a provider list: each successor is in the list and is not the body
    /// itself, and a body does not end before it began.
    pub(super) fn check_providers<'a>(
        providers: impl Fn(&str) -> Option<&'a Provider>,
        all: impl Iterator<Item = &'a Provider>,
    ) -> Result<(), CodeListError> {
        let inconsistent = |message: String| CodeListError::Inconsistent { list: "providers".into(), message };
        for p in all {
            for s in &p.successors {
                if s.code == p.code {
                    return Err(inconsistent(format!("{} names itself as its successor", p.code)));
                }
                if providers(&s.code).is_none() {
                    return Err(inconsistent(format!(
                        "{} names successor {:?}, which is not in the list",
                        p.code, s.code
                    )));
                }
            }
            if let (Some(since), Some(until)) = (p.since, p.until) {
                if until < since {
                    return Err(inconsistent(format!("{} ends ({until}) before it begins ({since})", p.code)));
                }
            }
        }
        Ok(())
    }

    /// Whether the provider `code` existed on `day` (`None` for a code not in the list).
    pub fn activity_on(&self, code: &str, day: NaiveDate) -> Option<Activity> {
        self.provider(code).map(|p| p.activity_on(day))
    }

    /// The bodies that hold the functions of `code`, following successor links: on `day` (the first body
    /// on each path that existed that day), or today (the first active one) when `day` is `None`; only
    /// those that took over functions of the service area `area` (an area or sub-area code) when given.
    ///
    /// An active body (on that day) is its own heir. Each body is listed once, in the order of the
    /// successor lists (the principal successor first). Empty when the list records no successor.
    pub fn heirs(&self, code: &str, day: Option<NaiveDate>, area: Option<&str>) -> Vec<Heir<'_>> {
        let mut out: Vec<Heir<'_>> = Vec::new();
        let Some(start) = self.provider(code) else { return out };
        let holds = |p: &Provider| match day {
            Some(d) => !matches!(p.activity_on(d), Activity::Ended(_)),
            None => p.is_active(),
        };
        if holds(start) {
            out.push(Heir { provider: start, functions: None, areas: &[] });
            return out;
        }
        // Depth-first along the successor lists; the link taken first fixes the functions and areas.
        let mut stack: Vec<(&Provider, Option<&LocalizedText>, &[String], usize)> = Vec::new();
        let takes = |s: &Successor| area.is_none_or(|q| s.areas.is_empty() || s.areas.iter().any(|a| overlaps(a, q)));
        for s in start.successors.iter().rev().filter(|s| takes(s)) {
            if let Some(p) = self.provider(&s.code) {
                stack.push((p, s.functions.as_ref(), &s.areas, 1));
            }
        }
        while let Some((p, functions, areas, depth)) = stack.pop() {
            if holds(p) {
                if !out.iter().any(|h| h.provider.code == p.code) {
                    out.push(Heir { provider: p, functions, areas });
                }
                continue;
            }
            if depth > self.providers.len() {
                continue; // a cycle in a user list
            }
            for s in p.successors.iter().rev().filter(|s| takes(s)) {
                if let Some(next) = self.provider(&s.code) {
                    stack.push((next, functions, areas, depth + 1));
                }
            }
        }
        out
    }

    /// Today's bodies that took over the services of `code` (all of them, for a body split between
    /// several), following successor links; `code`'s own entry when it is active.
    pub fn current_successors(&self, code: &str) -> Vec<&Provider> {
        self.heirs(code, None, None).into_iter().map(|h| h.provider).collect()
    }

    /// Today's body that took over the services of `code`, following the principal (first) successor at
    /// each step; `None` at a cycle or a missing link. For a body split between several successors see
    /// [`CodeLists::current_successors`] and [`CodeLists::heirs`].
    pub fn current_successor(&self, code: &str) -> Option<&Provider> {
        let mut current = self.provider(code)?;
        for _ in 0..=self.providers.len() {
            if current.is_active() {
                return Some(current);
            }
            current = self.provider(&current.successors.first()?.code)?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn codes(heirs: &[Heir<'_>]) -> Vec<String> {
        heirs.iter().map(|h| h.provider.code.clone()).collect()
    }

    #[test]
    fn every_inactive_provider_has_a_dated_sourced_end_or_says_why_not() {
        let lists = CodeLists::built_in();
        let mut dated = 0;
        for p in lists.providers().filter(|p| !p.is_active()) {
            assert!(!p.successors.is_empty(), "{} has no successor", p.code);
            match (p.until, &p.ended_by) {
                (Some(until), Some(act)) => {
                    assert_eq!(act.date, until, "{}: the end is the date of the act that ended it", p.code);
                    dated += 1;
                }
                _ => assert!(
                    p.until_note.as_deref().is_some_and(|n| n.len() > 40),
                    "{} has no dated, sourced end and no note saying why",
                    p.code
                ),
            }
            for s in &p.successors {
                assert!(lists.provider(&s.code).is_some(), "{} → {}", p.code, s.code);
                for a in &s.areas {
                    assert!(
                        lists.service_area(a).is_some(),
                        "{} → {}: area {a} is not in the classifier",
                        p.code,
                        s.code
                    );
                }
            }
        }
        assert!(dated >= 25, "only {dated} inactive bodies are dated");
        for p in lists.providers().filter(|p| p.is_active()) {
            assert!(p.successors.is_empty() && p.until.is_none(), "{} is active but has an end", p.code);
        }
    }

    #[test]
    fn every_inactive_provider_leads_to_active_bodies() {
        let lists = CodeLists::built_in();
        for p in lists.providers().filter(|p| !p.is_active()) {
            let heirs = lists.current_successors(&p.code);
            assert!(!heirs.is_empty() && heirs.iter().all(|h| h.is_active()), "{} → {heirs:?}", p.code);
            assert!(lists.current_successor(&p.code).is_some_and(|s| s.is_active()), "{}", p.code);
        }
        assert_eq!(lists.current_successor("RITN").unwrap().code, "RINN");
    }

    #[test]
    fn a_split_body_has_one_heir_per_function() {
        let lists = CodeLists::built_in();
        // The Ministry of Culture and Tourism: culture to the Ministry of Culture, tourism to the agency.
        assert_eq!(codes(&lists.heirs("MTN", None, None)), ["MEDN", "DTA"]);
        assert_eq!(codes(&lists.heirs("MTN", None, Some("culture.tourism"))), ["DTA"]);
        assert_eq!(codes(&lists.heirs("MTN", None, Some("culture.heritage"))), ["MEDN"]);
        assert_eq!(codes(&lists.heirs("MTN", None, Some("culture"))), ["MEDN", "DTA"]);
        assert!(lists.heirs("MTN", None, Some("taxes")).is_empty());
        let tourism = lists.heirs("MTN", None, Some("culture.tourism"));
        assert_eq!(tourism[0].functions.map(|f| f.get("en")), Some("tourism"));
        // Standardisation went through two reorganisations to today's agency; patents to the IP agency.
        assert_eq!(codes(&lists.heirs("SMPDK", None, None)), ["AIBNDA", "EMA"]);
        assert_eq!(codes(&lists.heirs("SMPDK", None, Some("business.standards"))), ["AIBNDA"]);
        assert_eq!(
            lists.current_successors("SMPDK").iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
            ["AIBNDA", "EMA"]
        );
    }

    #[test]
    fn heirs_on_a_date_stop_at_the_body_that_existed_then() {
        let lists = CodeLists::built_in();
        // The State Maritime Administration (ended 2018-01-12) → State Maritime Agency (2018-2021) → today's.
        assert_eq!(codes(&lists.heirs("DDA", Some(d("2019-06-01")), None)), ["DDAG"]);
        assert_eq!(codes(&lists.heirs("DDA", Some(d("2022-01-01")), None)), ["DDLA"]);
        assert_eq!(codes(&lists.heirs("DDA", None, None)), ["DDLA"]);
        // On a day it still existed, a body is its own heir.
        assert_eq!(codes(&lists.heirs("DDA", Some(d("2017-12-31")), None)), ["DDA"]);
        assert_eq!(codes(&lists.heirs("SMPDK", Some(d("2019-01-01")), Some("business.standards"))), ["AIBNDA-2018"]);
    }

    #[test]
    fn activity_on_a_date_counts_the_end_from_the_act_date() {
        let lists = CodeLists::built_in();
        assert_eq!(lists.activity_on("DDA", d("2018-01-11")), Some(Activity::Active));
        assert_eq!(lists.activity_on("DDA", d("2018-01-12")), Some(Activity::Ended(Some(d("2018-01-12")))));
        assert_eq!(lists.activity_on("DDAG", d("2017-06-01")), Some(Activity::NotYetEstablished(d("2018-01-12"))));
        assert_eq!(lists.activity_on("DIN", d("1999-01-01")), Some(Activity::Active));
        // An inactive body whose end date is unknown counts as ended on any day.
        assert_eq!(lists.activity_on("RITN", d("2005-01-01")), Some(Activity::Ended(None)));
        assert_eq!(lists.activity_on("NOPE", d("2020-01-01")), None);
    }

    const USER_LIST: &str = r#"{"codelist":"providers","version":"2027-01-01","source":"test","items":[
        {"code":"NEW","label":{"az":"Yeni qurum"},"status":"active"},
        {"code":"TWO","label":{"az":"İkinci qurum"},"status":"active"},
        {"code":"OLD","label":{"az":"Köhnə qurum"},"status":"dissolved","until":"2020-05-01",
         "ended_by":{"type":"presidential_decree","number":"1","date":"2020-05-01","title":"t","url":null},
         "successors":[{"code":"NEW","areas":["taxes"]},{"code":"TWO","functions":{"az":"gömrük","en":"customs"}}]}]}"#;

    #[test]
    fn a_user_list_replaces_the_built_in_one() {
        let lists = CodeLists::built_in().with_providers_json(USER_LIST).unwrap();
        assert_eq!(lists.providers().count(), 3);
        assert_eq!(lists.providers_version(), "2027-01-01");
        assert_eq!(lists.current_successor("OLD").unwrap().code, "NEW");
        assert_eq!(codes(&lists.heirs("OLD", None, Some("taxes.returns"))), ["NEW", "TWO"]);
        let bad = USER_LIST.replace("{\"code\":\"NEW\",\"areas\"", "{\"code\":\"NOPE\",\"areas\"");
        assert!(matches!(CodeLists::built_in().with_providers_json(&bad), Err(CodeListError::Inconsistent { .. })));
        let backwards =
            USER_LIST.replace("\"until\":\"2020-05-01\"", "\"since\":\"2021-01-01\",\"until\":\"2020-05-01\"");
        assert!(matches!(
            CodeLists::built_in().with_providers_json(&backwards),
            Err(CodeListError::Inconsistent { .. })
        ));
        assert!(matches!(CodeLists::built_in().with_providers_json("{"), Err(CodeListError::Invalid { .. })));
    }

    #[test]
    fn the_old_form_with_one_successor_is_still_read() {
        let old = r#"{"codelist":"providers","version":"2026-01-01","source":"test","items":[
            {"code":"NEW","label":{"az":"Yeni qurum"},"status":"active","successor":null,"since":null},
            {"code":"OLD","label":{"az":"Köhnə qurum"},"status":"renamed","successor":"NEW",
             "since":"2019-02-11","successor_note":"renamed"}]}"#;
        let lists = CodeLists::built_in().with_providers_json(old).unwrap();
        let p = lists.provider("OLD").unwrap();
        assert_eq!((p.since, p.until), (None, Some(d("2019-02-11"))), "old `since` was the end");
        assert_eq!(p.successors[0].code, "NEW");
        assert_eq!(p.note.as_deref(), Some("renamed"));
        assert_eq!(lists.activity_on("OLD", d("2019-02-10")), Some(Activity::Active));
        let both = old.replace("\"successor\":\"NEW\",", "\"successor\":\"NEW\",\"successors\":[],");
        assert!(CodeLists::built_in().with_providers_json(&both).is_err());
    }
}
