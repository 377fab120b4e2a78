//! Closed code lists as enums. Each has a JSON file with az/en/ru labels in `schemas/codelists/`;
//! a test proves the enum and the file list the same codes in the same order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares a closed code list: a `snake_case` serde enum with `code()`, `ALL` and the name of its
/// code-list file.
macro_rules! code_list {
    ($(#[$meta:meta])* $name:ident, $file:literal, { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        ///
        /// Variants are the codes of the list (labels in az/en/ru are in its code-list file). They carry
        /// no doc comments on purpose: those would turn the schema's plain `enum` into a `oneOf`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[allow(missing_docs)]
        pub enum $name {
            $(
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl $name {
            /// Every code, in code-list order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The code-list file (under `schemas/codelists/`) that labels these codes.
            pub const CODELIST: &'static str = $file;

            /// The stable code (as in JSON).
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_list!(
    /// Who may use the service / Xidmətdən istifadə edə bilən şəxslər.
    UserCategory, "user-categories", {
    Citizen = "citizen",
    Foreigner = "foreigner",
    StatelessPerson = "stateless_person",
    LegalEntityDomestic = "legal_entity_domestic",
    LegalEntityForeign = "legal_entity_foreign",
    DiplomaticMission = "diplomatic_mission",
    InternationalOrganisation = "international_organisation",
    StateBody = "state_body",
    Municipality = "municipality",
    IndividualEntrepreneur = "individual_entrepreneur",
    NonGovernmentalOrganisation = "non_governmental_organisation",
});

code_list!(
    /// Service type [choice: the official taxonomy is not public] / Xidmətin növü.
    ServiceType, "service-types", {
    Informative = "informative",
    Interactive = "interactive",
    Transactional = "transactional",
});

code_list!(
    /// How the service is delivered / Xidmətin göstərilmə forması.
    ServiceForm, "service-forms", {
    Electronic = "electronic",
    InPerson = "in_person",
    Mixed = "mixed",
});

code_list!(
    /// Place or channel where the service is requested / Müraciət yeri və kanalı.
    Channel, "channels", {
    ProviderOffice = "provider_office",
    MobilePoint = "mobile_point",
    AsanCentre = "asan_centre",
    EgovPortal = "egov_portal",
    MobileApp = "mobile_app",
    Post = "post",
    CallCentre = "call_centre",
    ProviderWebsite = "provider_website",
    Fax = "fax",
    Kiosk = "kiosk",
    Email = "email",
});

/// The electronic channels (the decree of 23 May 2011 concerns these): the e-government portal, the
/// provider's website, the mobile application, a kiosk and e-mail.
pub const ELECTRONIC: &[Channel] =
    &[Channel::EgovPortal, Channel::ProviderWebsite, Channel::MobileApp, Channel::Kiosk, Channel::Email];

impl Channel {
    /// Whether the channel is electronic ([`ELECTRONIC`]).
    pub fn is_electronic(self) -> bool {
        ELECTRONIC.contains(&self)
    }
}

code_list!(
    /// Kind of a required document / Sənədin növü.
    DocumentKind, "document-kinds", {
    IdentityDocument = "identity_document",
    ApplicationForm = "application_form",
    Photo = "photo",
    Certificate = "certificate",
    PaymentReceipt = "payment_receipt",
    PowerOfAttorney = "power_of_attorney",
    FoundingDocument = "founding_document",
    Decision = "decision",
    MedicalCertificate = "medical_certificate",
    Other = "other",
});

code_list!(
    /// Kind of a fee / Ödənişin növü.
    FeeKind, "fee-kinds", {
    StateDuty = "state_duty",
    ServiceCharge = "service_charge",
    // Another mandatory payment set by another act (e.g. for the use of natural resources).
    OtherPayment = "other_payment",
});

code_list!(
    /// The unit of an amount per unit / Ödəniş vahidi.
    FeeUnit, "fee-units", {
    Page = "page",
    Copy = "copy",
    Document = "document",
    Year = "year",
    Month = "month",
    Day = "day",
    Hectare = "hectare",
    SquareMetre = "square_metre",
    Person = "person",
    Item = "item",
    Other = "other",
});

code_list!(
    /// Kind of the service's result / Xidmətin nəticəsinin növü.
    ResultKind, "result-kinds", {
    AdministrativeAct = "administrative_act",
    RightEstablishingDocument = "right_establishing_document",
    TechnicalDocument = "technical_document",
    Information = "information",
    Document = "document",
    Permit = "permit",
    RegistryEntry = "registry_entry",
    Appointment = "appointment",
    Contract = "contract",
    Decision = "decision",
});

code_list!(
    /// How an electronic user is identified (seed 004 lists services without authentication) / İdentifikasiya üsulu.
    IdentificationMethod, "identification-methods", {
    AsanImza = "asan_imza",
    Sima = "sima",
    ESignatureCard = "e_signature_card",
    LoginPassword = "login_password",
    None = "none",
});

code_list!(
    /// Channel through which the user is notified / Məlumatlandırma kanalı.
    NotificationChannel, "notification-channels", {
    Email = "email",
    Sms = "sms",
    PersonalCabinet = "personal_cabinet",
    Post = "post",
    InPerson = "in_person",
    Telephone = "telephone",
    Fax = "fax",
    Website = "website",
});

code_list!(
    /// Level of automation / Avtomatlaşdırma səviyyəsi.
    AutomationLevel, "automation-levels", {
    Full = "full",
    Partial = "partial",
    None = "none",
});

code_list!(
    /// Type of a legal act / Hüquqi aktın növü.
    LegalActType, "legal-act-types", {
    Constitution = "constitution",
    Code = "code",
    Law = "law",
    PresidentialDecree = "presidential_decree",
    PresidentialOrder = "presidential_order",
    CabinetDecision = "cabinet_decision",
    CabinetOrder = "cabinet_order",
    CentralBodyAct = "central_body_act",
    InternationalTreaty = "international_treaty",
    Other = "other",
});

code_list!(
    /// To whom the service is directed / Xidmətin istiqaməti.
    Direction, "directions", {
    NaturalPersons = "natural_persons",
    LegalPersons = "legal_persons",
    StateBodies = "state_bodies",
});

code_list!(
    /// Whether a document is the original, a copy or electronic / Sənədin forması.
    DocumentForm, "document-forms", {
    Original = "original",
    Copy = "copy",
    OriginalAndCopy = "original_and_copy",
    Electronic = "electronic",
    NotarisedCopy = "notarised_copy",
    ScannedCopy = "scanned_copy",
    // The provider fetches the data itself; the user brings nothing.
    FetchedByProvider = "fetched_by_provider",
});

code_list!(
    /// Who supplies a required document / Sənədi kim təqdim edir.
    ProvidedBy, "provided-by", {
    // The user brings or uploads it.
    User = "user",
    // The provider obtains it itself from another body (through EHİS), "once only".
    Provider = "provider",
});

code_list!(
    /// The medium of the result / Nəticənin daşıyıcısı.
    ResultMedium, "result-media", {
    Paper = "paper",
    Electronic = "electronic",
    Both = "both",
});

code_list!(
    /// Status of the record in the registry (domain brief §5) / Qeydin reyestrdəki statusu.
    RecordStatus, "record-statuses", {
    Draft = "draft",
    Submitted = "submitted",
    UnderReview = "under_review",
    Returned = "returned",
    Resubmitted = "resubmitted",
    Registered = "registered",
    Amended = "amended",
    Suspended = "suspended",
    Terminated = "terminated",
    Archived = "archived",
});

code_list!(
    /// An event of the registry workflow (domain brief §5) / Reyestr iş axınının hadisəsi.
    WorkflowEvent, "workflow-events", {
    Submit = "submit",
    StartReview = "start_review",
    Return = "return",
    Resubmit = "resubmit",
    Register = "register",
    Amend = "amend",
    Suspend = "suspend",
    Resume = "resume",
    Terminate = "terminate",
    Archive = "archive",
});
