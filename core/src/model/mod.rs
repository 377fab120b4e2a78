//! The typed model of a state-service reglament and of a DXER record.
//!
//! Field order follows the model form of the reglament (domain brief §3); the DXER record (§4) wraps a
//! reglament with registry data. Every struct rejects unknown fields, so serde round-trips are exact and
//! nothing is dropped silently: [`crate::validate`] reports each unknown field as `DXER-S002`.
//!
//! Where the official annexes are not public, the shape is a documented reconstruction (`[choice]`).

mod codes;
mod conditions;
mod fees;
mod stated;
mod values;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use codes::*;
pub use conditions::*;
pub use fees::*;
pub use stated::{Citation, NotStated, NotStatedFlag, ShortCitation, Stated, StatedShape};
pub(crate) use values::full_date;
pub use values::*;

fn is_false(b: &bool) -> bool {
    !*b
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// DXER record / DXER qeydi
///
/// One service as held by the registry: the reglament plus registry data (domain brief §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// JSON Schema of the document (optional) / Sənədin JSON sxemi.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Record identifier, stable across versions / Qeydin identifikatoru.
    pub record_id: RecordId,
    /// Version number, from 1 / Versiya nömrəsi.
    #[schemars(range(min = 1))]
    pub version: u32,
    /// Status in the registry / Reyestrdəki status.
    pub status: RecordStatus,
    /// Service area and sub-area from the classifier / Xidmət sahəsi və alt sahəsi.
    pub service_area: ServiceArea,
    /// To whom the service is directed / Xidmətin istiqaməti.
    #[schemars(length(min = 1))]
    pub directions: Vec<Direction>,
    /// The normative act that created the service, with its entry into force / Xidməti müəyyən edən akt.
    pub creating_act: CreatingAct,
    /// Submission audit: date, signer, signature, digest / Təqdimetmə qeydi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<Submission>,
    /// Review by the operator / Operator tərəfindən yoxlama.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// Workflow history, oldest first (written by [`crate::registry::workflow::apply`]) / İş axınının tarixçəsi.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// Validity of this version / Bu versiyanın qüvvədə olma müddəti.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<Validity>,
    /// Electronic-service data (decree of 23 May 2011) / Elektron xidmət məlumatları.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eservice: Option<EService>,
    /// Data taken from state registers instead of documents ("once only") / Sənəd əvəzinə reyestrlərdən alınan məlumatlar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_sources: Vec<DataSource>,
    /// ASAN index score / ASAN indeksi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asan_index: Option<AsanIndex>,
    /// Whether the record is published as open data / Açıq məlumat kimi dərc olunur.
    #[serde(default, skip_serializing_if = "is_false")]
    pub open_data: bool,
    /// The reglament of the service / Xidmətin reqlamenti.
    pub reglament: Reglament,
}

/// Service area / Xidmət sahəsi
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceArea {
    /// Area code (code list `service-areas`) / Sahənin kodu.
    #[schemars(length(min = 1, max = 64))]
    pub area: String,
    /// Sub-area code (code list `service-areas`) / Alt sahənin kodu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 64))]
    pub sub_area: Option<String>,
}

/// Creating act / Xidməti yaradan akt
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatingAct {
    /// The act / Akt.
    pub act: LegalRef,
    /// Date the act entered into force; the 30-working-day submission duty runs from it / Qüvvəyə minmə tarixi.
    #[serde(deserialize_with = "full_date::deserialize")]
    pub entry_into_force: NaiveDate,
}

/// Submission audit / Təqdimetmə qeydi
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Date of submission / Təqdim olunma tarixi.
    #[serde(deserialize_with = "full_date::deserialize")]
    pub date: NaiveDate,
    /// Who signed the submission / İmzalayan şəxs.
    #[schemars(length(min = 1, max = 200))]
    pub signer: String,
    /// Reference to the qualified e-signature / Elektron imzaya istinad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 500))]
    pub signature_ref: Option<String>,
    /// Digest of the signed canonical bytes / İmzalanmış məzmunun həş dəyəri.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<Digest>,
}

/// Digest / Həş
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Digest {
    /// Algorithm; only SHA-256 over RFC 8785 canonical JSON / Alqoritm.
    pub algorithm: DigestAlgorithm,
    /// Lower-case hexadecimal digest / Həş dəyəri (hex).
    #[schemars(regex(pattern = "^[0-9a-f]{64}$"))]
    pub value: String,
}

impl Digest {
    /// The schema's pattern of [`Digest::value`]: lower-case hexadecimal SHA-256.
    pub const PATTERN: &'static str = "^[0-9a-f]{64}$";

    /// Whether `value` is a digest value of the schema's form (matches [`Self::PATTERN`]).
    pub fn is_valid(value: &str) -> bool {
        value.len() == 64 && value.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }
}

/// Digest algorithm / Həş alqoritmi
#[allow(missing_docs)] // variants are codes; doc comments would turn the schema's `enum` into a `oneOf`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DigestAlgorithm {
    // SHA-256 of the RFC 8785 canonical JSON of the record without its `submission.digest`.
    #[serde(rename = "sha-256")]
    Sha256,
}

/// Review by the operator / Operatorun yoxlaması
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// When the operator took the submission into review / Yoxlamanın başlanma tarixi.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub started: Option<NaiveDate>,
    /// When the submission was returned with defects / Qaytarılma tarixi.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub returned: Option<NaiveDate>,
    /// The defects listed by the operator / Aşkar edilmiş çatışmazlıqlar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defects: Vec<LocalizedText>,
    /// When the corrected record was resubmitted / Təkrar təqdim olunma tarixi.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub resubmitted: Option<NaiveDate>,
    /// When the record was registered / Qeydiyyata alınma tarixi.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub registered: Option<NaiveDate>,
}

/// Workflow history entry / Tarixçə qeydi
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// The event / Hadisə.
    pub event: WorkflowEvent,
    /// Its date / Tarixi.
    #[serde(deserialize_with = "full_date::deserialize")]
    pub date: NaiveDate,
    /// State before the event / Hadisədən əvvəlki vəziyyət.
    pub from: RecordStatus,
    /// State after the event / Hadisədən sonrakı vəziyyət.
    pub to: RecordStatus,
    /// Defects listed with a return / Qaytarılma zamanı göstərilən çatışmazlıqlar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defects: Vec<LocalizedText>,
}

/// Validity / Qüvvədə olma müddəti
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// First day this version is valid / Qüvvəyə minmə tarixi.
    #[serde(deserialize_with = "full_date::deserialize")]
    pub valid_from: NaiveDate,
    /// Last day this version is valid (open-ended when absent) / Qüvvədən düşmə tarixi.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
}

/// Electronic service / Elektron xidmət
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EService {
    /// The e-form URL (decree 2011 §2.2) / Elektron formanın ünvanı.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 2000))]
    pub e_form_url: Option<String>,
    /// Scanned copies are accepted (decree 2011 §2.3) / Skan edilmiş surətlər qəbul edilir.
    #[serde(default)]
    pub accepts_scanned_copies: bool,
    /// Fees can be paid online in real time (decree 2011 §2.5) / Ödəniş real vaxt rejimində elektron qaydada.
    #[serde(default)]
    pub e_payment: bool,
    /// Integrated with EHİS (the e-government information system) / EHİS ilə inteqrasiya.
    #[serde(default)]
    pub ehis_integration: bool,
    /// How users are identified / İstifadəçinin identifikasiyası.
    #[serde(default)]
    pub identification: Vec<IdentificationMethod>,
    /// Information systems that deliver the service / Xidməti göstərən informasiya sistemləri.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub information_systems: Vec<InfoSystemCode>,
}

/// Data source / Məlumat mənbəyi
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSource {
    /// Id of the document (in `reglament.standard.documents`) the data replaces / Əvəz etdiyi sənəd.
    pub document: LocalId,
    /// The body that holds the data / Məlumatı saxlayan qurum.
    pub body: ProviderCode,
    /// The register or information system / Reyestr və ya informasiya sistemi.
    pub register: LocalizedText,
    /// Obtained through EHİS / EHİS vasitəsilə əldə edilir.
    #[serde(default)]
    pub via_ehis: bool,
}

/// ASAN index / ASAN indeksi
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AsanIndex {
    /// Score in percent, 0–100 [choice] / Bal (faizlə).
    #[schemars(range(max = 100))]
    pub score: u8,
    /// Year of the assessment / Qiymətləndirmə ili.
    #[schemars(range(min = 2012, max = 2100))]
    pub year: u16,
}

/// Reglament of a state service / Dövlət xidmətinin reqlamenti
///
/// The official description of one service, in the sections of the model form (domain brief §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reglament {
    /// JSON Schema of the document (optional) / Sənədin JSON sxemi.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 1. General provisions / Ümumi müddəalar.
    pub general: General,
    /// 2. Service standard / Xidmətin standartı.
    pub standard: Standard,
    /// 3. Procedure / Xidmətin göstərilməsi qaydası.
    pub procedure: Procedure,
    /// 4. Appeal / Şikayət.
    pub appeal: Appeal,
    /// 5. Contact and quality / Əlaqə və keyfiyyət.
    pub contact: Contact,
    /// 6. Annexes / Əlavələr.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// Applicant variants / Müraciət edənin variantları.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variants: Option<Variants>,
}

/// General provisions / Ümumi müddəalar
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct General {
    /// DXER service code / DXER xidmət kodu.
    pub service_code: ServiceCode,
    /// Name of the service / Xidmətin adı.
    pub name: LocalizedText,
    /// Short description / Qısa təsvir.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    /// Legal basis: the acts cited in full (others cite them by `id`) / Hüquqi əsas.
    #[schemars(transform = stated::non_empty)]
    pub legal_basis: Stated<Vec<LegalRef>>,
    /// Provider (code list `providers`) / Xidmət təminatçısı.
    pub provider: ProviderCode,
    /// Co-executors / Birgə icraçılar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_executors: Vec<ProviderCode>,
    /// Bodies that supply data / Məlumat təqdim edən qurumlar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_suppliers: Vec<ProviderCode>,
    /// User categories / İstifadəçi kateqoriyaları.
    #[schemars(transform = stated::non_empty)]
    pub user_categories: Stated<Vec<UserCategory>>,
    /// Service type / Xidmətin növü.
    pub service_type: ServiceType,
    /// Form of delivery / Göstərilmə forması.
    pub form: ServiceForm,
    /// Provided proactively, without an application / Proaktiv xidmət.
    #[serde(default, skip_serializing_if = "is_false")]
    pub proactive: bool,
    /// Component services of a composite service / Kompozit xidmətin tərkib xidmətləri.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<ServiceCode>,
    /// Places and channels / Müraciət yerləri və kanalları.
    #[schemars(transform = stated::non_empty)]
    pub channels: Stated<Vec<Channel>>,
    /// Level of automation / Avtomatlaşdırma səviyyəsi.
    pub automation: Stated<AutomationLevel>,
    /// Who may apply, when, and what must come first / İstifadə şərtləri.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Conditions>,
}

/// Reference to a legal act / Hüquqi akta istinad
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalRef {
    /// Local id, by which short citations in this reglament name the act / Yerli identifikator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<LocalId>,
    /// Type of the act / Aktın növü.
    #[serde(rename = "type")]
    pub act_type: LegalActType,
    /// Number of the act, e.g. "279-VIIQ" / Aktın nömrəsi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 32))]
    pub number: Option<String>,
    /// Date the act was adopted / Qəbul edilmə tarixi.
    #[serde(default, deserialize_with = "full_date::option", skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Title of the act / Aktın adı.
    pub title: LocalizedText,
    /// Articles, parts, paragraphs referred to, e.g. "maddə 7.1" / Maddələr, bəndlər.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
}

/// Service standard / Xidmətin standartı
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Required documents — the exact list / Tələb olunan sənədlərin dəqiq siyahısı.
    #[serde(default)]
    pub documents: Vec<RequiredDocument>,
    /// Application form / Ərizə forması.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_form: Option<ApplicationForm>,
    /// Fees / Ödənişlər.
    pub fees: Stated<Fees>,
    /// The source states that the service needs no documents at all (its words) / Sənəd tələb olunmur.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_documents: Option<LocalizedText>,
    /// Time limit of the service / Xidmətin göstərilmə müddəti.
    pub time_limit: Stated<Duration>,
    /// Result of the service / Xidmətin nəticəsi.
    pub result: Stated<ServiceResult>,
}

impl Standard {
    /// The fee tiers, when the source states the fees (none otherwise).
    pub fn fee_tiers(&self) -> &[FeeTier] {
        self.fees.stated().map(|f| f.tiers.as_slice()).unwrap_or_default()
    }
}

/// Required document / Tələb olunan sənəd
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequiredDocument {
    /// Local id, referred to by data sources and variants / Yerli identifikator.
    pub id: LocalId,
    /// Name of the document / Sənədin adı.
    pub name: LocalizedText,
    /// Kind of document / Sənədin növü.
    pub kind: DocumentKind,
    /// Original, copy or electronic / Əsli, surəti və ya elektron.
    pub form: Stated<DocumentForm>,
    /// The form the document takes on particular channels (e.g. a scanned copy online) / Kanallar üzrə forması.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channel_forms: Vec<ChannelForm>,
    /// Group of alternatives: one document of the group is enough ("one of the following") / Alternativ qrup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<LocalId>,
    /// Number of copies / Nüsxələrin sayı.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[schemars(range(min = 1, max = 100))]
    pub count: u32,
    /// Who supplies it: the user, or the provider through EHİS / Kim təqdim edir.
    pub provided_by: ProvidedBy,
    /// Where the provider obtains it / Provayder haradan əldə edir.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<DocumentSource>,
    /// Note / Qeyd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalizedText>,
}

/// Document source / Sənədin mənbəyi
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentSource {
    /// The body that holds it / Saxlayan qurum.
    pub body: ProviderCode,
    /// The register / Reyestr.
    pub register: LocalizedText,
}

/// Application form / Ərizə forması
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationForm {
    /// Annex id holding the paper form / Kağız formanın əlavəsi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annex: Option<LocalId>,
    /// URL of the e-form / Elektron formanın ünvanı.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 2000))]
    pub e_form_url: Option<String>,
    /// The request is formed automatically, with nothing to fill in (the source's words) / Sorğu avtomatik formalaşır.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automatic: Option<LocalizedText>,
}

/// Result of the service / Xidmətin nəticəsi
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceResult {
    /// Kind of result / Nəticənin növü.
    pub kind: ResultKind,
    /// Name of the resulting document or information / Nəticənin adı.
    pub name: LocalizedText,
    /// Paper, electronic or both / Kağız, elektron və ya hər ikisi.
    pub medium: Stated<ResultMedium>,
    /// How long the result is valid / Nəticənin qüvvədə olma müddəti.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<Duration>,
    /// Where the result is received, by the channel of application ("apply online, collect the paper
    /// result at the ASAN centre") / Nəticənin təqdim edilməsi.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivery: Vec<ResultDelivery>,
}

/// Procedure / Xidmətin göstərilməsi qaydası
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Acceptance and registration of the application / Müraciətin qəbulu və qeydiyyatı.
    pub acceptance: Acceptance,
    /// Ordered steps / Ardıcıl addımlar.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The exhaustive list of refusal grounds / İmtina üçün əsasların tam siyahısı.
    #[serde(default)]
    pub refusal_grounds: Vec<RefusalGround>,
    /// The source states that the service has no refusal grounds at all (its words) / İmtina halı nəzərdə tutulmur.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_refusal_grounds: Option<LocalizedText>,
    /// How the user is notified / Məlumatlandırma kanalları.
    #[serde(default)]
    pub notification_channels: Vec<NotificationChannel>,
}

/// Acceptance / Qəbul
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// Registered on the day it is received / Daxil olduğu gün qeydiyyata alınır.
    pub same_day_registration: Stated<bool>,
    /// The user gets a confirmation notice with a number and due date (decree 2011 §2.3) / Təsdiqetmə bildirişi.
    pub confirmation_notice: Stated<bool>,
}

/// Step / Addım
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What is done / Görülən iş.
    pub name: LocalizedText,
    /// Responsible unit / Məsul struktur bölmə.
    pub responsible: Stated<LocalizedText>,
    /// Time limit of the step / Addımın müddəti.
    pub time_limit: Stated<Duration>,
}

/// Refusal ground / İmtina əsası
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RefusalGround {
    /// The ground / Əsas.
    pub text: LocalizedText,
    /// Its legal basis / Hüquqi əsası.
    #[serde(default)]
    pub legal_basis: Vec<Citation>,
    /// The user may apply again after removing the cause / Təkrar müraciət mümkündür.
    pub reapplication_allowed: Stated<bool>,
}

/// Appeal / Şikayət
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appeal {
    /// Administrative complaint (Law on Administrative Proceedings arts. 71–78) / İnzibati şikayət.
    pub administrative: Stated<AdministrativeAppeal>,
    /// Court (Administrative Procedural Code) / Məhkəmə.
    pub court: Stated<CourtAppeal>,
}

/// Administrative appeal / İnzibati şikayət
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdministrativeAppeal {
    /// Body that hears the complaint / Şikayətə baxan orqan.
    pub body: LocalizedText,
    /// Deadline for the user to complain / Şikayət vermə müddəti.
    pub deadline: Stated<Duration>,
    /// Review period of the complaint / Şikayətə baxılma müddəti.
    pub review_period: Stated<Duration>,
    /// Legal basis / Hüquqi əsas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<Citation>,
}

/// Court appeal / Məhkəməyə şikayət
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtAppeal {
    /// Deadline to go to court (30 days) / Məhkəməyə müraciət müddəti.
    pub deadline: Stated<Duration>,
    /// Legal basis / Hüquqi əsas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<Citation>,
}

/// Contact and quality / Əlaqə və keyfiyyət
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Hotline / Qaynar xətt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 64))]
    pub hotline: Option<String>,
    /// Web page / İnternet səhifəsi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 2000))]
    pub web: Option<String>,
    /// E-mail / Elektron poçt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 3, max = 320))]
    pub email: Option<String>,
    /// Feedback and satisfaction channel / Rəy və məmnunluq kanalı.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<LocalizedText>,
}

/// Annex / Əlavə
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// Local id / Yerli identifikator.
    pub id: LocalId,
    /// Title / Başlıq.
    pub title: LocalizedText,
    /// Where to get it / Ünvan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 2000))]
    pub url: Option<String>,
}

/// Applicant variants / Müraciət edənin variantları
///
/// Attributes of the applicant whose value combinations select a variant; the validator proves the
/// combinations complete and non-overlapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variants {
    /// The attributes / Atributlar.
    #[schemars(length(min = 1))]
    pub attributes: Vec<VariantAttribute>,
    /// The variants / Variantlar.
    #[schemars(length(min = 1))]
    pub variants: Vec<Variant>,
}

/// Variant attribute / Variant atributu
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantAttribute {
    /// Local id / Yerli identifikator.
    pub id: LocalId,
    /// Question asked of the applicant / Müraciət edənə verilən sual.
    pub label: LocalizedText,
    /// The possible values / Mümkün qiymətlər.
    #[schemars(length(min = 2))]
    pub values: Vec<VariantValue>,
}

/// Attribute value / Atributun qiyməti
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantValue {
    /// Local id / Yerli identifikator.
    pub id: LocalId,
    /// Label / Ad.
    pub label: LocalizedText,
}

/// Variant / Variant
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Local id / Yerli identifikator.
    pub id: LocalId,
    /// Label / Ad.
    pub label: LocalizedText,
    /// Attribute id → accepted value ids; an attribute not named accepts every value / Seçim şərti.
    pub when: BTreeMap<LocalId, Vec<LocalId>>,
    /// Ids of the documents this variant requires / Bu variant üzrə sənədlər.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<LocalId>,
    /// Ids of the fee tiers that apply / Tətbiq olunan ödəniş variantları.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fee_tiers: Vec<LocalId>,
    /// Time limit of this variant / Bu variant üzrə müddət.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<Duration>,
    /// Result of this variant / Bu variant üzrə nəticə.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ServiceResult>,
    /// Additional refusal grounds of this variant / Bu variant üzrə əlavə imtina əsasları.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refusal_grounds: Vec<RefusalGround>,
}

stated::stated_shape!(true: Fees, Duration, ServiceResult, AdministrativeAppeal, CourtAppeal);
stated::stated_shape!(false: AutomationLevel, DocumentForm, ResultMedium);
