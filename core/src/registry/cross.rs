//! The cross-record findings of a registry (`DXER-X001`–`DXER-X006`): codes used twice, components and
//! providers no longer in force, information systems without a card, versions loaded twice.

use std::collections::{BTreeMap, BTreeSet};

use super::entries::RegistryFinding;
use super::store::{apply_levels, in_force, Registry};
use crate::codelists::ProviderStatus;
use crate::model::RecordStatus;
use crate::rules::finding;

impl Registry {
    /// Cross-record findings, sorted by record id, version, pointer and code:
    /// - `DXER-X001`: a service code used by more than one record id (every version counts; each record id
    ///   involved gets a finding at its latest version carrying the code, naming the others);
    /// - `DXER-X002`: a component (`/reglament/general/components/i`) of a service in force that no record
    ///   has as its service code;
    /// - `DXER-X003`: a component whose service is no longer provided (the latest version of every record
    ///   with that code is terminated or archived);
    /// - `DXER-X004`: one per dissolved or renamed provider that still has services in force, with their
    ///   number and today's successor from the code list, located at the first of those services (by
    ///   record id);
    /// - `DXER-X005`: an information system (`/eservice/information_systems/i`) of a service in force with
    ///   no registration card in the registry;
    /// - `DXER-X006`: a (record id, version) loaded more than once (at every copy after the first).
    ///
    /// The options' `rule_levels` apply.
    pub fn check(&self) -> Vec<RegistryFinding> {
        let latest = self.latest_entries();
        let mut out = Vec::new();
        self.check_duplicate_versions(&mut out);
        self.check_duplicate_codes(&mut out);
        self.check_components(&latest, &mut out);
        self.check_providers(&latest, &mut out);
        self.check_information_systems(&latest, &mut out);
        let mut out = apply_levels(&self.opts, out);
        out.sort_by(|a, b| {
            (a.record_id.as_str(), a.version, a.finding.pointer.as_str(), a.finding.code.as_str()).cmp(&(
                b.record_id.as_str(),
                b.version,
                b.finding.pointer.as_str(),
                b.finding.code.as_str(),
            ))
        });
        out
    }

    fn check_duplicate_versions(&self, out: &mut Vec<RegistryFinding>) {
        let mut seen: BTreeSet<(&str, u32)> = BTreeSet::new();
        for (i, h) in self.held.iter().enumerate() {
            let (id, version) = (&*h.facts.record_id, h.facts.version);
            if !seen.insert((id, version)) {
                let f = finding("DXER-X006", "/version", &[("record_id", id), ("version", &version.to_string())]);
                out.push(self.locate(i, f));
            }
        }
    }

    fn check_duplicate_codes(&self, out: &mut Vec<RegistryFinding>) {
        for (code, at) in &self.by_service {
            // Record id → its latest entry carrying this code.
            let mut holders: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in at {
                let r = self.facts(i);
                holders
                    .entry(&r.record_id)
                    .and_modify(|best| {
                        if r.version > self.facts(*best).version {
                            *best = i;
                        }
                    })
                    .or_insert(i);
            }
            if holders.len() < 2 {
                continue;
            }
            for (&id, &i) in &holders {
                let others: Vec<&str> = holders.keys().copied().filter(|o| *o != id).collect();
                let f = finding(
                    "DXER-X001",
                    "/reglament/general/service_code",
                    &[("code", code), ("other", &others.join(", "))],
                );
                out.push(self.locate(i, f));
            }
        }
    }

    fn check_components(&self, latest: &BTreeMap<&str, usize>, out: &mut Vec<RegistryFinding>) {
        for &i in latest.values() {
            let r = self.facts(i);
            if !in_force(r.status) {
                continue;
            }
            for (n, component) in r.components.iter().enumerate() {
                let pointer = format!("/reglament/general/components/{n}");
                let Some(at) = self.by_service.get(&**component) else {
                    out.push(self.locate(i, finding("DXER-X002", &pointer, &[("code", component)])));
                    continue;
                };
                // The services with this code: the latest version of each record id that ever had it.
                let ids: BTreeSet<&str> = at.iter().map(|&j| &*self.facts(j).record_id).collect();
                let statuses: Vec<RecordStatus> =
                    ids.iter().filter_map(|id| latest.get(id)).map(|&j| self.facts(j).status).collect();
                if let Some(status) = statuses.first().filter(|_| statuses.iter().all(|s| !in_force(*s))) {
                    let args = [("code", &**component), ("status", status.code())];
                    out.push(self.locate(i, finding("DXER-X003", &pointer, &args)));
                }
            }
        }
    }

    fn check_providers(&self, latest: &BTreeMap<&str, usize>, out: &mut Vec<RegistryFinding>) {
        let lists = &self.opts.codelists;
        // Provider code → (first entry by record id, number of services in force).
        let mut held: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for &i in latest.values() {
            let r = self.facts(i);
            if in_force(r.status) {
                held.entry(&r.provider).or_insert((i, 0)).1 += 1;
            }
        }
        for (code, (first, count)) in held {
            let Some(provider) = lists.provider(code) else { continue };
            if provider.status == ProviderStatus::Active {
                continue;
            }
            let heirs: Vec<&str> = lists.current_successors(code).iter().map(|p| p.code.as_str()).collect();
            let successor = if heirs.is_empty() { "—".to_string() } else { heirs.join(", ") };
            let args = [("provider", code), ("count", &count.to_string()), ("successor", successor.as_str())];
            out.push(self.locate(first, finding("DXER-X004", "/reglament/general/provider", &args)));
        }
    }

    fn check_information_systems(&self, latest: &BTreeMap<&str, usize>, out: &mut Vec<RegistryFinding>) {
        let registered: BTreeSet<&str> = self.systems.iter().map(|c| c.code.as_str()).collect();
        for &i in latest.values() {
            let r = self.facts(i);
            if !in_force(r.status) {
                continue;
            }
            for (n, code) in r.information_systems.iter().enumerate() {
                if !registered.contains(&**code) {
                    let pointer = format!("/eservice/information_systems/{n}");
                    out.push(self.locate(i, finding("DXER-X005", &pointer, &[("code", code)])));
                }
            }
        }
    }
}
