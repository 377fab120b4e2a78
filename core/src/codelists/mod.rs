//! Code lists as data (`schemas/codelists/*.json`).
//!
//! The library embeds the published lists and parses them once, on first use. Open lists (providers,
//! service areas) change without a new release: callers load a newer list with
//! [`CodeLists::with_providers_json`] / [`CodeLists::with_service_areas_json`] and pass it in
//! [`crate::Options::codelists`].

use std::collections::BTreeMap;
use std::sync::Arc;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use crate::model::LocalizedText;

mod providers;

pub use providers::{ActRef, Activity, Heir, Provider, ProviderStatus, Successor};

/// Error while reading a code list.
#[derive(Debug, thiserror::Error)]
pub enum CodeListError {
    /// The JSON does not parse or does not have the code-list shape.
    #[error("code list {list:?} is not valid: {source}")]
    Invalid {
        /// Which list.
        list: String,
        /// The parse error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// The list parses but is inconsistent.
    #[error("code list {list:?} is inconsistent: {message}")]
    Inconsistent {
        /// Which list.
        list: String,
        /// What is wrong.
        message: String,
    },
}

/// One published code-list file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodeListFile<T> {
    /// The list's name, e.g. `providers`.
    pub codelist: String,
    /// Version (a date).
    pub version: String,
    /// Where the list comes from.
    pub source: String,
    /// The items.
    pub items: Vec<T>,
}

/// An item of a closed list (labels only).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodeItem {
    /// The stable code.
    pub code: String,
    /// Its label in az/en/ru.
    pub label: LocalizedText,
    /// Longer explanation, where the list has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
}

/// A node of the service-area classifier.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServiceAreaItem {
    /// Code, e.g. `identity` or `identity.passport`.
    pub code: String,
    /// Label.
    pub label: LocalizedText,
    /// Parent area code for a sub-area.
    #[serde(default)]
    pub parent: Option<String>,
}

/// The code lists the validator consults.
#[derive(Debug, Clone)]
pub struct CodeLists {
    providers: BTreeMap<String, Provider>,
    providers_version: String,
    service_areas: BTreeMap<String, ServiceAreaItem>,
    closed: BTreeMap<String, CodeListFile<CodeItem>>,
}

macro_rules! embedded {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../schemas/codelists/", $name, ".json")))),+]
    };
}

/// Every embedded code-list file: (name, JSON).
pub static EMBEDDED: &[(&str, &str)] = embedded!(
    "providers",
    "service-areas",
    "user-categories",
    "service-types",
    "service-forms",
    "channels",
    "document-kinds",
    "document-forms",
    "provided-by",
    "fee-kinds",
    "result-kinds",
    "result-media",
    "identification-methods",
    "notification-channels",
    "automation-levels",
    "legal-act-types",
    "directions",
    "durations",
    "record-statuses",
    "workflow-events",
);

static BUILT_IN: Lazy<Arc<CodeLists>> = Lazy::new(|| {
    // The embedded files are part of the crate and a unit test parses them, so a failure here is a
    // build defect, not bad input.
    Arc::new(CodeLists::from_embedded().expect("embedded code lists are valid (tested)"))
});

fn parse<T: for<'de> Deserialize<'de>>(list: &str, json: &str) -> Result<CodeListFile<T>, CodeListError> {
    serde_json::from_str(json).map_err(|source| CodeListError::Invalid { list: list.to_string(), source })
}

impl CodeLists {
    /// The lists published with this version of dxer.
    pub fn built_in() -> Arc<CodeLists> {
        BUILT_IN.clone()
    }

    fn from_embedded() -> Result<CodeLists, CodeListError> {
        let mut lists = CodeLists {
            providers: BTreeMap::new(),
            providers_version: String::new(),
            service_areas: BTreeMap::new(),
            closed: BTreeMap::new(),
        };
        for (name, json) in EMBEDDED {
            match *name {
                "providers" => lists = lists.with_providers_json(json)?,
                "service-areas" => lists = lists.with_service_areas_json(json)?,
                _ => {
                    lists.closed.insert(name.to_string(), parse::<CodeItem>(name, json)?);
                }
            }
        }
        Ok(lists)
    }

    /// A copy of these lists with the provider list replaced by `json` (the `providers.json` format).
    ///
    /// Fails when the list does not parse, repeats a code, names a successor that is not in it, or ends a
    /// body before it began. Items in the form before 2026-11 (one `successor`, `since` as the date of the
    /// end, `successor_note`) are read too.
    pub fn with_providers_json(&self, json: &str) -> Result<CodeLists, CodeListError> {
        let file: CodeListFile<Provider> = parse("providers", json)?;
        let mut providers = BTreeMap::new();
        for p in file.items {
            if let Some(dup) = providers.insert(p.code.clone(), p) {
                return Err(CodeListError::Inconsistent {
                    list: "providers".into(),
                    message: format!("code {:?} appears twice", dup.code),
                });
            }
        }
        CodeLists::check_providers(|c| providers.get(c), providers.values())?;
        Ok(CodeLists { providers, providers_version: file.version, ..self.clone() })
    }

    /// A copy of these lists with the service-area classifier replaced by `json`.
    pub fn with_service_areas_json(&self, json: &str) -> Result<CodeLists, CodeListError> {
        let file: CodeListFile<ServiceAreaItem> = parse("service-areas", json)?;
        let service_areas = file.items.into_iter().map(|i| (i.code.clone(), i)).collect();
        Ok(CodeLists { service_areas, ..self.clone() })
    }

    /// The provider with this code.
    pub fn provider(&self, code: &str) -> Option<&Provider> {
        self.providers.get(code)
    }

    /// All providers, by code.
    pub fn providers(&self) -> impl Iterator<Item = &Provider> {
        self.providers.values()
    }

    /// Version of the provider list in use.
    pub fn providers_version(&self) -> &str {
        &self.providers_version
    }

    /// The service area (or sub-area) with this code.
    pub fn service_area(&self, code: &str) -> Option<&ServiceAreaItem> {
        self.service_areas.get(code)
    }

    /// A closed list by name (e.g. `"channels"`), with labels.
    pub fn closed_list(&self, name: &str) -> Option<&CodeListFile<CodeItem>> {
        self.closed.get(name)
    }

    /// The label of `code` in the closed list `list`.
    pub fn label(&self, list: &str, code: &str) -> Option<&LocalizedText> {
        self.closed.get(list)?.items.iter().find(|i| i.code == code).map(|i| &i.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn codes(list: &str) -> Vec<String> {
        CodeLists::built_in()
            .closed_list(list)
            .unwrap_or_else(|| panic!("list {list}"))
            .items
            .iter()
            .map(|i| i.code.clone())
            .collect()
    }

    macro_rules! same_codes {
        ($($ty:ty),+) => {$(
            assert_eq!(
                codes(<$ty>::CODELIST),
                <$ty>::ALL.iter().map(|c| c.code().to_string()).collect::<Vec<_>>(),
                "enum {} and schemas/codelists/{}.json differ", stringify!($ty), <$ty>::CODELIST
            );
        )+};
    }

    #[test]
    fn every_embedded_list_parses_and_enums_match_their_files() {
        let lists = CodeLists::built_in();
        assert!(lists.providers().count() > 40);
        same_codes!(
            UserCategory,
            ServiceType,
            ServiceForm,
            Channel,
            DocumentKind,
            FeeKind,
            ResultKind,
            IdentificationMethod,
            NotificationChannel,
            AutomationLevel,
            LegalActType,
            Direction,
            DocumentForm,
            ProvidedBy,
            ResultMedium,
            RecordStatus,
            WorkflowEvent
        );
        let units: Vec<String> = [
            DurationUnit::WorkingDays,
            DurationUnit::CalendarDays,
            DurationUnit::Hours,
            DurationUnit::Months,
            DurationUnit::Instant,
            DurationUnit::Days,
        ]
        .iter()
        .map(|u| u.code().to_string())
        .collect();
        assert_eq!(codes("durations"), units);
    }
}
