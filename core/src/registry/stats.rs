//! Registry statistics per provider, on the model of the 2013 e-Government bulletin's per-agency tables
//! (seed 004, e-Government bulletin No. 01, January 2013): services approved, integrated, on the portal,
//! on the agency's own site, usable without authentication, and the most used services.
//!
//! How the bulletin's columns are read from records (`tests/fixtures/stats/seed-004/` reproduces the
//! bulletin's table from records; its SOURCE.md gives the figures):
//! - *approved* (təsdiq olunmuş): the latest version is `registered` or `amended`, i.e. the operator has
//!   registered the service [reconstruction: the bulletin counts services on the Cabinet's approved list
//!   (decision No. 191 of 2011); DXER registration is today's approval];
//! - *integrated* (portala inteqrasiya olunmuş): `eservice.ehis_integration` [reconstruction: the bulletin
//!   counts approved services connected to the e-government portal, the front of the e-government
//!   information system];
//! - *on the portal*: the channels include `egov_portal`; *on the agency's own site*: `provider_website`;
//! - *without authentication*: `eservice.identification` includes `none`;
//! - *most used*: usage counts given by the caller ([`Registry::most_used`]): the registry holds none.
//!
//! Only the **latest version** of each record counts. A service whose latest version is `terminated` or
//! `archived` is left out of every count but `terminated_or_archived`; every other status (draft to
//! suspended) is counted as a service. Rows are sorted by the Azerbaijani name of the provider in
//! Azerbaijani alphabetical order ([`crate::text::cmp_az`]); a provider missing from the code list sorts
//! by its code. [`Stats::COLUMNS`] is the column dictionary of the CSV and JSON forms.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::entries::RegistryFinding;
use super::held::Facts;
use super::load::map_parallel;
use super::store::{in_force, Registry};
use super::workflow::{status_at, Policy, Standing};
use crate::calendar::Calendar;
use crate::model::{RecordStatus, ServiceForm};

/// One column of the statistics table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Name in the CSV header and JSON member name.
    pub name: &'static str,
    /// What it counts, in English.
    pub en: &'static str,
    /// What it counts, in Azerbaijani.
    pub az: &'static str,
}

/// One row: the services of one provider (or the totals).
///
/// Every count but `terminated_or_archived` is of services in force (latest version not terminated or
/// archived).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatsRow {
    /// Provider code (empty in the totals row).
    pub provider: String,
    /// Provider name in Azerbaijani from the code list (empty when the code is not in it; "Cəmi" in the totals row).
    pub provider_name_az: String,
    /// Provider name in English from the code list (empty when unknown; "Total" in the totals row).
    pub provider_name_en: String,
    /// Services in force.
    pub services: u64,
    /// ... registered by the operator: latest version `registered` or `amended` (the bulletin's "approved").
    #[serde(default)]
    pub approved: u64,
    /// ... delivered electronically (form `electronic`).
    pub electronic: u64,
    /// ... delivered in person (form `in_person`).
    pub in_person: u64,
    /// ... delivered both ways (form `mixed`).
    pub mixed: u64,
    /// ... integrated with EHİS (`eservice.ehis_integration`).
    pub ehis_integrated: u64,
    /// ... requested on the e-government portal (channel `egov_portal`).
    #[serde(default)]
    pub on_portal: u64,
    /// ... requested on the provider's own website (channel `provider_website`).
    #[serde(default)]
    pub on_own_site: u64,
    /// ... usable without authentication (`eservice.identification` includes `none`).
    #[serde(default)]
    pub without_authentication: u64,
    /// ... payable online (`eservice.e_payment`).
    pub e_payment: u64,
    /// ... free of charge.
    pub free: u64,
    /// ... with a fee.
    pub paid: u64,
    /// ... provided proactively.
    pub proactive: u64,
    /// ... composite (with component services).
    pub composite: u64,
    /// ... with applicant variants.
    pub with_variants: u64,
    /// ... published as open data: `open_data` true and latest version `registered` or `amended` (the
    /// policy of [`crate::convert::publish`]).
    pub open_data: u64,
    /// Open duties overdue on the statistics' date ([`Registry::stats_on`]); `None` from [`Registry::stats`].
    #[serde(default)]
    pub overdue_duties: Option<u64>,
    /// Services whose latest version is terminated or archived (not in the other counts).
    pub terminated_or_archived: u64,
}

/// Statistics of a registry: one row per provider and a totals row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Date the overdue duties were counted on (`None` from [`Registry::stats`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// Version of the provider code list the names come from.
    pub providers_version: String,
    /// One row per provider with at least one service (latest versions), sorted by Azerbaijani name.
    pub rows: Vec<StatsRow>,
    /// The sums of every column.
    pub totals: StatsRow,
    /// Services whose duties could not be dated on [`Stats::as_of`] (`DXER-W003`, e.g. a date beyond the
    /// calendar's data): they are not in `overdue_duties`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undated_duties: Vec<RegistryFinding>,
    /// The most used services, when usage counts were given ([`Registry::most_used`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub most_used: Vec<MostUsed>,
    /// Service codes with a usage count but no record in the registry, sorted (not in `most_used`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub usage_not_in_registry: Vec<String>,
}

/// One of the most used services (the bulletin's "ən çox istifadə olunan elektron xidmətlər").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MostUsed {
    /// Place in the list, from 1.
    pub rank: u32,
    /// DXER service code.
    pub service_code: String,
    /// Record id of the service's latest version.
    pub record_id: String,
    /// Name of the service in Azerbaijani.
    pub name_az: String,
    /// Name of the service in English (empty when the record has none).
    pub name_en: String,
    /// Provider code.
    pub provider: String,
    /// Provider name in Azerbaijani from the code list (empty when the code is not in it).
    pub provider_name_az: String,
    /// The usage count given.
    pub count: u64,
}

impl Stats {
    /// The columns of the CSV form, in order (the JSON rows have the same members).
    pub const COLUMNS: &'static [Column] = &[
        Column { name: "provider", en: "Provider code (empty in the totals row)", az: "Təminatçının kodu" },
        Column {
            name: "provider_name_az", en: "Provider name in Azerbaijani", az: "Təminatçının adı (azərbaycanca)"
        },
        Column { name: "provider_name_en", en: "Provider name in English", az: "Təminatçının adı (ingiliscə)" },
        Column { name: "services", en: "Services in force", az: "Qüvvədə olan xidmətlər" },
        Column {
            name: "approved",
            en: "Services registered by the operator (the bulletin's approved services)",
            az: "Təsdiq olunmuş (qeydiyyata alınmış)",
        },
        Column { name: "electronic", en: "Services delivered electronically", az: "Elektron formada" },
        Column { name: "in_person", en: "Services delivered in person", az: "Şəxsən müraciətlə" },
        Column { name: "mixed", en: "Services delivered both ways", az: "Qarışıq formada" },
        Column { name: "ehis_integrated", en: "Services integrated with EHİS", az: "EHİS ilə inteqrasiya olunmuş" },
        Column {
            name: "on_portal", en: "Services on the e-government portal", az: "“Elektron hökumət” portalında"
        },
        Column { name: "on_own_site", en: "Services on the provider's own website", az: "Qurumun öz saytında" },
        Column {
            name: "without_authentication",
            en: "Services usable without authentication",
            az: "Autentifikasiya tələb olunmayan",
        },
        Column { name: "e_payment", en: "Services payable online", az: "Onlayn ödənişli" },
        Column { name: "free", en: "Free services", az: "Ödənişsiz" },
        Column { name: "paid", en: "Services with a fee", az: "Ödənişli" },
        Column { name: "proactive", en: "Proactive services", az: "Proaktiv" },
        Column { name: "composite", en: "Composite services", az: "Kompozit" },
        Column { name: "with_variants", en: "Services with applicant variants", az: "Müraciət variantları olan" },
        Column {
            name: "open_data",
            en: "Services published as open data (registered or amended, open_data true)",
            az: "Açıq məlumat kimi dərc olunan (qeydiyyata alınmış və ya dəyişdirilmiş, open_data true)",
        },
        Column {
            name: "overdue_duties",
            en: "Overdue submission, review or fix duties on the date (empty when not computed)",
            az: "Tarixə gecikmiş təqdimetmə, yoxlama və düzəliş öhdəlikləri",
        },
        Column {
            name: "terminated_or_archived",
            en: "Services terminated or archived (not in the other counts)",
            az: "Xitam verilmiş və ya arxivləşdirilmiş xidmətlər",
        },
    ];

    /// The table as CSV (RFC 4180: CRLF line ends, a header row of [`Stats::COLUMNS`] names, one row per
    /// provider, then the totals row). A cell is quoted when it contains a comma, a quote or a line break;
    /// a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so that a
    /// spreadsheet does not run it as a formula.
    ///
    /// ```
    /// let stats = dxer::registry::Registry::new().stats();
    /// assert!(stats.to_csv().starts_with("provider,provider_name_az,provider_name_en,services,"));
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let header: Vec<String> = Self::COLUMNS.iter().map(|c| c.name.to_string()).collect();
        push_csv_row(&mut out, &header);
        for row in self.rows.iter().chain(std::iter::once(&self.totals)) {
            push_csv_row(&mut out, &row.cells());
        }
        out
    }
}

impl StatsRow {
    /// The cells of the row, in the order of [`Stats::COLUMNS`].
    pub fn cells(&self) -> Vec<String> {
        let n = |v: u64| v.to_string();
        vec![
            self.provider.clone(),
            self.provider_name_az.clone(),
            self.provider_name_en.clone(),
            n(self.services),
            n(self.approved),
            n(self.electronic),
            n(self.in_person),
            n(self.mixed),
            n(self.ehis_integrated),
            n(self.on_portal),
            n(self.on_own_site),
            n(self.without_authentication),
            n(self.e_payment),
            n(self.free),
            n(self.paid),
            n(self.proactive),
            n(self.composite),
            n(self.with_variants),
            n(self.open_data),
            self.overdue_duties.map(n).unwrap_or_default(),
            n(self.terminated_or_archived),
        ]
    }

    /// Counts a service in force, by what the registry holds of it ([`Facts`], read from the record when
    /// it was loaded: what each column means is read there).
    fn count(&mut self, r: &Facts) {
        let t = &r.traits;
        let b = |yes: bool| u64::from(yes);
        self.services += 1;
        self.approved += b(matches!(r.status, RecordStatus::Registered | RecordStatus::Amended));
        self.electronic += b(t.form == ServiceForm::Electronic);
        self.in_person += b(t.form == ServiceForm::InPerson);
        self.mixed += b(t.form == ServiceForm::Mixed);
        self.ehis_integrated += b(t.ehis_integrated);
        self.on_portal += b(t.on_portal);
        self.on_own_site += b(t.on_own_site);
        self.without_authentication += b(t.without_authentication);
        self.e_payment += b(t.e_payment);
        // Fees the source does not state count as neither.
        self.free += b(t.free == Some(true));
        self.paid += b(t.free == Some(false));
        self.proactive += b(t.proactive);
        self.composite += b(!r.components.is_empty());
        self.with_variants += b(t.with_variants);
        self.open_data += b(t.open_data);
    }

    fn add(&mut self, o: &StatsRow) {
        self.services += o.services;
        self.approved += o.approved;
        self.electronic += o.electronic;
        self.in_person += o.in_person;
        self.mixed += o.mixed;
        self.ehis_integrated += o.ehis_integrated;
        self.on_portal += o.on_portal;
        self.on_own_site += o.on_own_site;
        self.without_authentication += o.without_authentication;
        self.e_payment += o.e_payment;
        self.free += o.free;
        self.paid += o.paid;
        self.proactive += o.proactive;
        self.composite += o.composite;
        self.with_variants += o.with_variants;
        self.open_data += o.open_data;
        self.overdue_duties = match (self.overdue_duties, o.overdue_duties) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        self.terminated_or_archived += o.terminated_or_archived;
    }
}

/// One CSV cell: formula-neutralised, then quoted when needed.
fn csv_cell(cell: &str) -> String {
    let mut text =
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        text = format!("\"{}\"", text.replace('"', "\"\""));
    }
    text
}

fn push_csv_row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(cell));
    }
    out.push_str("\r\n");
}

impl Registry {
    /// Statistics per provider of the latest version of every record (`overdue_duties` left empty).
    pub fn stats(&self) -> Stats {
        self.build_stats(None)
    }

    /// [`Registry::stats`] with `overdue_duties` counted on `on`: the open duties (submission, review,
    /// fix; [`crate::registry::workflow::status_at`]) of services in force that are past their due date
    /// under `policy` and `calendar`.
    pub fn stats_on(&self, on: NaiveDate, policy: &Policy, calendar: &Calendar) -> Stats {
        self.build_stats(Some((on, policy, calendar)))
    }

    fn build_stats(&self, duties: Option<(NaiveDate, &Policy, &Calendar)>) -> Stats {
        let lists = &self.options().codelists;
        let mut rows: BTreeMap<&str, StatsRow> = BTreeMap::new();
        let mut undated = Vec::new();
        let latest: Vec<usize> = self.latest_entries().into_values().collect();
        // The open duties of each service in force, when asked for: read from its record (on every thread).
        let in_force_at: Vec<usize> = latest.iter().copied().filter(|&at| in_force(self.facts(at).status)).collect();
        let mut duty_lists = match duties {
            Some((on, policy, calendar)) => {
                map_parallel(&in_force_at, |&at| status_at(&self.record_at(at), on, policy, calendar))
            }
            None => Vec::new(),
        }
        .into_iter();
        for at in latest {
            let r = self.facts(at);
            let code = &*r.provider;
            let row = rows.entry(code).or_insert_with(|| {
                let label = lists.provider(code).map(|p| &p.label);
                StatsRow {
                    provider: code.to_string(),
                    provider_name_az: label.map(|l| l.az.clone()).unwrap_or_default(),
                    provider_name_en: label.and_then(|l| l.en.clone()).unwrap_or_default(),
                    overdue_duties: duties.map(|_| 0),
                    ..StatsRow::default()
                }
            });
            if !in_force(r.status) {
                row.terminated_or_archived += 1;
                continue;
            }
            row.count(r);
            if let Some(listed) = duty_lists.next() {
                match listed {
                    Ok(list) => {
                        let overdue = list.iter().filter(|s| s.standing == Standing::Overdue).count() as u64;
                        row.overdue_duties = Some(row.overdue_duties.unwrap_or(0) + overdue);
                    }
                    Err(f) => undated.push(self.locate(at, *f)),
                }
            }
        }
        let mut rows: Vec<StatsRow> = rows.into_values().collect();
        let key =
            |r: &StatsRow| if r.provider_name_az.is_empty() { r.provider.clone() } else { r.provider_name_az.clone() };
        rows.sort_by(|a, b| crate::text::cmp_az(&key(a), &key(b)).then_with(|| a.provider.cmp(&b.provider)));
        let mut totals = StatsRow {
            provider_name_az: "Cəmi".into(),
            provider_name_en: "Total".into(),
            overdue_duties: duties.map(|_| 0),
            ..StatsRow::default()
        };
        rows.iter().for_each(|r| totals.add(r));
        Stats {
            as_of: duties.map(|(on, _, _)| on),
            providers_version: lists.providers_version().to_string(),
            rows,
            totals,
            undated_duties: undated,
            most_used: Vec::new(),
            usage_not_in_registry: Vec::new(),
        }
    }

    /// The `top` most used services by the usage counts given (service code → count, e.g. the portal's
    /// counts for a month): highest count first, ties by service code. Only services with a record count
    /// (the latest version of any status: usage of a period may predate a termination); the codes
    /// without a record come back second, sorted. A service code held by several records (`DXER-X001`)
    /// is shown with the first record id.
    pub fn most_used(&self, usage: &BTreeMap<String, u64>, top: usize) -> (Vec<MostUsed>, Vec<String>) {
        let lists = &self.options().codelists;
        let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, at) in self.latest_entries() {
            by_code.entry(&self.facts(at).service_code).or_insert(at);
        }
        let mut known: Vec<(&str, u64, usize)> = Vec::new();
        let mut unknown = Vec::new();
        for (code, &count) in usage {
            match by_code.get(code.as_str()) {
                Some(r) => known.push((code.as_str(), count, *r)),
                None => unknown.push(code.clone()),
            }
        }
        known.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let list = known
            .into_iter()
            .take(top)
            .enumerate()
            .map(|(i, (code, count, at))| {
                let r = self.record_at(at);
                let g = &r.reglament.general;
                MostUsed {
                    rank: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    service_code: code.to_string(),
                    record_id: r.record_id.to_string(),
                    name_az: g.name.az.clone(),
                    name_en: g.name.en.clone().unwrap_or_default(),
                    provider: g.provider.to_string(),
                    provider_name_az: lists
                        .provider(g.provider.as_str())
                        .map(|p| p.label.az.clone())
                        .unwrap_or_default(),
                    count,
                }
            })
            .collect();
        (list, unknown)
    }

    /// [`Registry::stats`] (or [`Registry::stats_on`] with `duties`) with the [`Registry::most_used`]
    /// list of `usage`.
    pub fn stats_with_usage(
        &self,
        duties: Option<(NaiveDate, &Policy, &Calendar)>,
        usage: &BTreeMap<String, u64>,
        top: usize,
    ) -> Stats {
        let mut stats = self.build_stats(duties);
        (stats.most_used, stats.usage_not_in_registry) = self.most_used(usage, top);
        stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_the_columns() {
        assert_eq!(StatsRow::default().cells().len(), Stats::COLUMNS.len());
        let names: Vec<&str> = Stats::COLUMNS.iter().map(|c| c.name).collect();
        let json = serde_json::to_value(StatsRow::default()).unwrap();
        let members: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(members, sorted, "JSON members are the CSV columns");
    }

    #[test]
    fn csv_cells_are_quoted_and_neutralised() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("\"Azərsu\" ASC"), "\"\"\"Azərsu\"\" ASC\"");
        assert_eq!(csv_cell("x\ny"), "\"x\ny\"");
        assert_eq!(csv_cell("=1+2"), "'=1+2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-3,5"), "\"'-3,5\"");
        assert_eq!(csv_cell(""), "");
    }
}
