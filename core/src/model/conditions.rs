//! Conditions: who may apply (eligibility), when (availability windows), what must come first
//! (prerequisites), and the condition on which a fee is due; with the pairing of application channel and
//! result medium and the form of a document per channel.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{full_date, Channel, DocumentForm, LocalId, LocalizedText, ResultMedium, ServiceCode, UserCategory};

/// A condition: on these channels, for these user categories, for these applicant-attribute values (of
/// `variants`), and/or as the source words it. Every part given must hold / Şərt
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Only on these channels / Yalnız bu kanallarda.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Only for these user categories / Yalnız bu istifadəçilər üçün.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_categories: Vec<UserCategory>,
    /// Applicant attribute id (of `variants.attributes`) → accepted value ids / Müraciət edənin atributları.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub applicant: BTreeMap<LocalId, Vec<LocalId>>,
    /// The condition in the source's words, where it is none of the above / Şərtin mətni.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<LocalizedText>,
}

impl Condition {
    /// Whether the condition says nothing (no part given).
    pub fn is_empty(&self) -> bool {
        self.channels.is_empty() && self.user_categories.is_empty() && self.applicant.is_empty() && self.text.is_none()
    }

    /// Whether it can hold on some channel of `channels` (no channel part: on every channel).
    pub fn on_any_of(&self, channels: &[Channel]) -> bool {
        self.channels.is_empty() || self.channels.iter().any(|c| channels.contains(c))
    }
}

/// Conditions of the service / Xidmətin şərtləri
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    /// Who may apply (age, citizenship, legal status) / Kim müraciət edə bilər.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eligibility: Vec<Eligibility>,
    /// When the service can be requested (e.g. only while a recruitment is announced) / Nə vaxt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Availability>,
    /// What must be done first (e.g. a one-time account registration) / İlkin şərtlər.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<Prerequisite>,
}

/// An eligibility condition: the source's words, with what can be structured / Uyğunluq şərti
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// The condition as the source words it / Şərtin mətni.
    pub text: LocalizedText,
    /// Least age in full years / Minimum yaş.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 150))]
    pub min_age: Option<u8>,
    /// Greatest age in full years / Maksimum yaş.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 150))]
    pub max_age: Option<u8>,
    /// The user categories (citizenship, legal status) it admits / Aid olduğu istifadəçi kateqoriyaları.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_categories: Vec<UserCategory>,
}

/// An availability window / Müraciət dövrü
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    /// The window as the source words it / Dövrün mətni.
    pub text: LocalizedText,
    /// First day, when fixed / Başlanğıc tarixi.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day, when fixed / Son tarix.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

/// A prerequisite / İlkin şərt
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prerequisite {
    /// What must be done first / Əvvəlcə nə edilməlidir.
    pub text: LocalizedText,
    /// The DXER service that does it, when it is one / Bunu təmin edən DXER xidməti.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceCode>,
}

/// Where the result is received, by the channel of application / Nəticənin təqdim edilməsi
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultDelivery {
    /// Applied for on these channels / Bu kanallarla müraciət edildikdə.
    #[schemars(length(min = 1))]
    pub apply: Vec<Channel>,
    /// The result's medium / Nəticənin daşıyıcısı.
    pub medium: ResultMedium,
    /// Received on these channels (e.g. collected at the ASAN centre, sent by post) / Nəticənin alındığı yer.
    #[schemars(length(min = 1))]
    pub receive: Vec<Channel>,
}

/// The form a document takes on some channels / Sənədin kanallar üzrə forması
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChannelForm {
    /// The channels / Kanallar.
    #[schemars(length(min = 1))]
    pub channels: Vec<Channel>,
    /// The form on them / Bu kanallarda forması.
    pub form: DocumentForm,
}
