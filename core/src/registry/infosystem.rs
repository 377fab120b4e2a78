//! Information-system registration cards (domain brief §8; seeds 000 §4.1, 003, 004).
//!
//! DXER itself, VEİS and every system that delivers a service must be entered in the unified register of
//! state information resources, systems and e-services with a registration card. Services name the systems
//! that deliver them (`record.eservice.information_systems`); [`crate::registry::Registry::check`] reports a
//! reference to a system without a card as `DXER-X005`.
//!
//! The card's fields are a reconstruction [choice: the official card form is not public]: the items seed
//! 004 lists for the register of information resources (name, owner, operator, legal act, purpose,
//! personal data, data sources via EHİS, hosting, open data) plus the services the system delivers.
//! The published JSON Schema of one card is `schemas/information-system.schema.json`
//! ([`generate_information_system`]); a file of cards is a JSON array of them.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{InfoSystemCode, LegalRef, LocalizedText, ProviderCode, ServiceCode};
use crate::Finding;

/// Information-system registration card / İnformasiya sisteminin qeydiyyat vərəqəsi
///
/// One system as entered in the unified register of state information resources and systems (seed 000
/// §4.1, seed 004).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InformationSystem {
    /// Code in the unified register, e.g. `IS-IAMAS` / Vahid reyestrdəki kodu.
    pub code: InfoSystemCode,
    /// Name of the system / Sistemin adı.
    pub name: LocalizedText,
    /// Owner (code list `providers`) / Sistemin sahibi.
    pub owner: ProviderCode,
    /// Operator (code list `providers`) / Sistemin operatoru.
    pub operator: ProviderCode,
    /// The legal act that created the system or approved its statute / Sistemi yaradan hüquqi akt.
    pub legal_act: LegalRef,
    /// Purpose of the system / Sistemin təyinatı.
    pub purpose: LocalizedText,
    /// Whether the system processes personal data / Fərdi məlumatlar emal olunur.
    pub personal_data: bool,
    /// Data the system receives from other bodies / Digər qurumlardan alınan məlumatlar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_sources: Vec<InfoSystemDataSource>,
    /// Where the system is hosted / Sistemin yerləşdirildiyi infrastruktur.
    pub hosting: Hosting,
    /// Open-data sets the system publishes / Dərc edilən açıq məlumat dəstləri.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_data_sets: Vec<LocalizedText>,
    /// Date the card was entered in the register / Reyestrə daxil edilmə tarixi.
    #[serde(default, deserialize_with = "crate::model::full_date::option", skip_serializing_if = "Option::is_none")]
    pub registered_on: Option<NaiveDate>,
    /// The system's creation, structural changes and cessation, each of which the owner reports to the
    /// register operator (application and registration card within 20 days, seed 004) / Sistemin
    /// yaradılması, quruluşunun dəyişdirilməsi və fəaliyyətinin dayandırılması.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifecycle: Vec<LifecycleEvent>,
    /// Entry in the state register of personal-data information systems (seed 000 §4.1, seed 003 §3.2) /
    /// Fərdi məlumatların informasiya sistemlərinin dövlət reyestrindəki qeyd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data_register: Option<PersonalDataRegisterEntry>,
    /// DXER services the system delivers / Sistemin göstərdiyi DXER xidmətləri.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceCode>,
}

/// Data source of an information system / İnformasiya sisteminin məlumat mənbəyi
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InfoSystemDataSource {
    /// The body that supplies the data (code list `providers`) / Məlumatı təqdim edən qurum.
    pub body: ProviderCode,
    /// What data it supplies / Təqdim olunan məlumatlar.
    pub data: LocalizedText,
    /// Supplied through EHİS / EHİS vasitəsilə təqdim olunur.
    #[serde(default)]
    pub via_ehis: bool,
    /// The date from which the body's period to make the data available through EHİS runs (seed 003 §5:
    /// six months, from the decision of 2 March 2026) / Məlumatın EHİS vasitəsilə təqdim edilməsi
    /// müddətinin başlandığı tarix.
    #[serde(default, deserialize_with = "crate::model::full_date::option", skip_serializing_if = "Option::is_none")]
    pub ehis_duty_from: Option<NaiveDate>,
    /// The date since which the data is supplied through EHİS / Məlumatın EHİS vasitəsilə təqdim
    /// edildiyi tarix.
    #[serde(default, deserialize_with = "crate::model::full_date::option", skip_serializing_if = "Option::is_none")]
    pub ehis_since: Option<NaiveDate>,
}

/// An event in the life of an information system that the register must record /
/// Reyestrdə əks etdirilməli hadisə
///
/// Seed 004: for an information resource that is newly created, changed in its structure or whose operation
/// is stopped, the application and the registration card are submitted to the register operator within 20
/// days. Each event starts that period; `applied_on` fulfils it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LifecycleEvent {
    /// What happened / Hadisə.
    pub event: LifecycleKind,
    /// When (the day the period runs from) / Tarix.
    #[serde(deserialize_with = "crate::model::full_date::deserialize")]
    pub on: NaiveDate,
    /// When the application and registration card were submitted to the register operator / Müraciət
    /// ərizəsinin və qeydiyyat kartının Reyestrin operatoruna təqdim edildiyi tarix.
    #[serde(default, deserialize_with = "crate::model::full_date::option", skip_serializing_if = "Option::is_none")]
    pub applied_on: Option<NaiveDate>,
}

/// Kind of a lifecycle event / Hadisənin növü
///
/// `created`: newly created (yeni yaradılan); `changed`: changed in its structure (quruluşunda
/// dəyişikliklər aparılan); `ceased`: operation stopped (fəaliyyəti dayandırılan) — seed 004.
#[allow(missing_docs)] // variants are codes; doc comments would turn the schema's `enum` into a `oneOf`
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleKind {
    Created,
    Changed,
    Ceased,
}

impl LifecycleKind {
    /// The stable code (as in JSON).
    pub fn code(self) -> &'static str {
        match self {
            LifecycleKind::Created => "created",
            LifecycleKind::Changed => "changed",
            LifecycleKind::Ceased => "ceased",
        }
    }

    /// The event in words, in az/en/ru.
    pub fn words(self) -> [String; 3] {
        let [az, en, ru] = match self {
            LifecycleKind::Created => ["yaradılıb", "created", "создана"],
            LifecycleKind::Changed => ["quruluşu dəyişdirilib", "structure changed", "изменена структура"],
            LifecycleKind::Ceased => ["fəaliyyəti dayandırılıb", "operation stopped", "прекращена работа"],
        };
        [az.to_string(), en.to_string(), ru.to_string()]
    }
}

/// Entry in the state register of personal-data information systems / Fərdi məlumatların informasiya
/// sistemlərinin dövlət reyestrindəki qeyd
///
/// Seed 000 §4.1 and seed 003 §3.2 order DXER and VEİS to be entered in this register (kept by the
/// register operator beside the register of information resources, seed 004). Both fields are optional:
/// an empty entry says the system is entered, its number and date not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalDataRegisterEntry {
    /// Registration number in that register / Qeydiyyat nömrəsi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 64))]
    pub number: Option<String>,
    /// Date of entry / Daxil edilmə tarixi.
    #[serde(default, deserialize_with = "crate::model::full_date::option", skip_serializing_if = "Option::is_none")]
    pub entered_on: Option<NaiveDate>,
}

/// Hosting of an information system / İnformasiya sisteminin yerləşdirilməsi
///
/// `g_cloud`: the government cloud (G-cloud, seed 000 §4.1); `own_data_centre`: the owner's data centre;
/// `other`: anything else.
#[allow(missing_docs)] // variants are codes; doc comments would turn the schema's `enum` into a `oneOf`
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Hosting {
    // Hökumət buludu (G-cloud).
    GCloud,
    // Sahibin öz məlumat mərkəzi.
    OwnDataCentre,
    // Digər.
    Other,
}

impl Hosting {
    /// The stable code (as in JSON).
    pub fn code(self) -> &'static str {
        match self {
            Hosting::GCloud => "g_cloud",
            Hosting::OwnDataCentre => "own_data_centre",
            Hosting::Other => "other",
        }
    }
}

/// The published file name of the card schema.
pub const INFORMATION_SYSTEM_SCHEMA_FILE: &str = "information-system.schema.json";

/// Generates the JSON Schema of one registration card from [`InformationSystem`], with the same settings
/// as the record schema ([`crate::schema::generate_for`]: draft 2020-12, `$id` under
/// [`crate::schema::BASE_URI`], optional fields absent rather than `null`).
pub fn generate_information_system() -> Value {
    crate::schema::generate_for::<InformationSystem>(
        INFORMATION_SYSTEM_SCHEMA_FILE,
        "Information-system registration card / İnformasiya sisteminin qeydiyyat vərəqəsi",
        "One system as entered in the unified register of state information resources, systems and e-services \
         (Cabinet decision No. 129 of 6 May 2026, §4.1), as reconstructed by dxer. A file of cards is a JSON array \
         of them. / Dövlət informasiya ehtiyatları, sistemləri və elektron xidmətlərinin vahid reyestrinə daxil \
         edilmiş bir sistemin qeydiyyat vərəqəsi.",
    )
}

/// Pretty JSON text of [`generate_information_system`], as committed in `schemas/`.
pub fn generate_information_system_text() -> String {
    let mut text = serde_json::to_string_pretty(&generate_information_system()).unwrap_or_default();
    text.push('\n');
    text
}

/// A problem with a registration card, or with a file of cards.
///
/// A problem with an information-system card. Every problem has a catalogued finding: `DXER-J001` /
/// `DXER-J003` when the text is not JSON (or too large or deep), `DXER-X007` when a card does not have the
/// card's structure (not an array, a missing or unknown field, a wrong value, a repeated code: the card is
/// kept out), and the text hygiene of every Azerbaijani text (`DXER-H001`, `DXER-H002`, `DXER-R001`, which
/// report but do not keep a card out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardProblem {
    /// Position of the card in the array (0-based); `None` when the text as a whole is not an array of
    /// cards.
    pub index: Option<usize>,
    /// Code of the card, when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// RFC 6901 pointer into the file of cards, e.g. `/3` or `/3/name/az`.
    pub pointer: String,
    /// What is wrong, in English (the finding's English message when there is a finding).
    pub error: String,
    /// Whether the card was kept out of the registry.
    pub rejected: bool,
    /// The catalogued finding.
    pub finding: Finding,
}

impl CardProblem {
    pub(crate) fn structural(index: Option<usize>, code: Option<String>, pointer: String, error: String) -> Self {
        let finding = crate::rules::finding("DXER-X007", &pointer, &[("detail", &error)]);
        CardProblem { index, code, pointer, error, rejected: true, finding }
    }

    fn from_finding(index: Option<usize>, code: Option<String>, finding: Finding, rejected: bool) -> Self {
        CardProblem {
            index,
            code,
            pointer: finding.pointer.clone(),
            error: finding.message.en.clone(),
            rejected,
            finding,
        }
    }
}

/// Reads a JSON array of cards. Cards with a structural problem are skipped and reported; text-hygiene
/// findings are reported but do not keep a card out. Repeated codes are the caller's to check.
/// Cards come back with their index in the array.
pub(crate) fn parse_cards(text: &str, opts: &crate::Options) -> (Vec<(usize, InformationSystem)>, Vec<CardProblem>) {
    let parsed = if text.len() > opts.max_input_bytes { None } else { serde_json::from_str::<Value>(text).ok() };
    let Some(value) = parsed else {
        // The validator's input layer says why the text is not JSON (or too large), with line and column.
        let report = crate::validate(text, opts);
        let problems = report.findings.into_iter().map(|f| CardProblem::from_finding(None, None, f, true)).collect();
        return (Vec::new(), problems);
    };
    let Value::Array(items) = value else {
        let error = "expected a JSON array of registration cards".to_string();
        return (Vec::new(), vec![CardProblem::structural(None, None, String::new(), error)]);
    };
    let mut cards = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let code = item.get("code").and_then(Value::as_str).map(str::to_string);
        let mut hygiene = crate::rules::Emitter::default();
        crate::rules::text::check_value(&item, &mut hygiene);
        for mut f in hygiene.into_findings() {
            f.pointer = format!("/{index}{}", f.pointer);
            problems.push(CardProblem::from_finding(Some(index), code.clone(), f, false));
        }
        match InformationSystem::deserialize(item) {
            Ok(card) => {
                if let Some(f) = unregistered_personal_data(&card, index) {
                    problems.push(CardProblem::from_finding(Some(index), code.clone(), f, false));
                }
                cards.push((index, card))
            }
            Err(e) => {
                let error: String = e.to_string().chars().take(300).collect();
                problems.push(CardProblem::structural(Some(index), code, format!("/{index}"), error));
            }
        }
    }
    (cards, problems)
}

/// `DXER-X012`: a card that says the system processes personal data and gives no entry in the state register
/// of personal-data information systems (located at its `personal_data`). A warning, not a refusal: CM
/// decision No. 237 (2010) exempts some systems, which the card cannot show.
fn unregistered_personal_data(card: &InformationSystem, index: usize) -> Option<crate::Finding> {
    (card.personal_data && card.personal_data_register.is_none()).then(|| {
        let pointer = format!("/{index}/personal_data");
        crate::rules::finding("DXER-X012", &pointer, &[("system", card.code.as_str())])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_round_trips_and_rejects_unknown_fields() {
        let json = r#"{"code": "IS-DXER", "name": {"az": "Dövlət Xidmətlərinin Elektron Reyestri"}, "owner": "ASAN",
            "operator": "ASAN", "legal_act": {"type": "cabinet_decision", "number": "129", "date": "2026-05-06",
            "title": {"az": "DXER haqqında"}}, "purpose": {"az": "Dövlət xidmətlərinin uçotu"},
            "personal_data": false, "hosting": "g_cloud", "services": ["DX-000101"]}"#;
        let card: InformationSystem = serde_json::from_str(json).unwrap();
        assert_eq!(card.hosting, Hosting::GCloud);
        let back: InformationSystem = serde_json::from_value(serde_json::to_value(&card).unwrap()).unwrap();
        assert_eq!(back, card);
        let extra = json.replacen("\"owner\"", "\"ownr\": \"X\", \"owner\"", 1);
        assert!(serde_json::from_str::<InformationSystem>(&extra).is_err());
    }

    #[test]
    fn the_schema_has_the_card_fields() {
        let schema = generate_information_system();
        assert_eq!(schema["$id"], "https://dxer.az/schemas/information-system.schema.json");
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        for field in ["code", "name", "owner", "operator", "legal_act", "purpose", "personal_data", "hosting"] {
            assert!(required.contains(&field), "{field} is required");
        }
        assert_eq!(schema["additionalProperties"], false);
    }
}
