//! Fees as real price lists: alternatives (tiers), the components paid together within one, amounts per
//! unit, and fees due only on a condition.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Condition, Duration, FeeKind, FeeUnit, LocalId, LocalizedText, Money};

/// Fees / Ödənişlər
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    /// The service is free of charge / Xidmət ödənişsizdir.
    pub free: bool,
    /// The alternatives the user chooses among (e.g. 10 days for 4 AZN or 3 working days for 20 AZN); empty
    /// when free. Parts of one price paid together are `components` of one tier / Ödəniş variantları.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<FeeTier>,
}

/// Fee tier: one alternative price / Ödəniş variantı
///
/// Its price is `amount` (of `kind`, on `legal_basis`) plus `per_unit` times the units, plus every one of
/// `components`, which are paid together with it (e.g. a state duty and a service charge).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeTier {
    /// Local id / Yerli identifikator.
    pub id: LocalId,
    /// What the tier buys, e.g. "urgent, 3 working days" / Variantın adı.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<LocalizedText>,
    /// Amount in AZN (the fixed part) / Məbləğ (AZN).
    pub amount: Money,
    /// State duty, service charge or another mandatory payment / Ödənişin növü.
    pub kind: FeeKind,
    /// Legal basis of the amount / Məbləğin hüquqi əsası.
    #[serde(default)]
    pub legal_basis: Vec<Citation>,
    /// An amount per unit, added to `amount` (per page, per copy, per year...) / Vahid üzrə məbləğ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<PerUnit>,
    /// Further payments made together with this one / Bununla birlikdə ödənilən digər ödənişlər.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<FeeComponent>,
    /// The tier applies only on this condition / Tətbiq şərti.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Time limit this tier buys / Bu variant üzrə müddət.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<Duration>,
}

/// Fee component: a payment made together with its tier's / Ödənişin tərkib hissəsi
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeComponent {
    /// What it is paid for / Nə üçün ödənilir.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<LocalizedText>,
    /// Amount in AZN (the fixed part) / Məbləğ (AZN).
    pub amount: Money,
    /// Kind of the payment / Ödənişin növü.
    pub kind: FeeKind,
    /// Legal basis of the amount / Məbləğin hüquqi əsası.
    #[serde(default)]
    pub legal_basis: Vec<Citation>,
    /// An amount per unit, added to `amount` / Vahid üzrə məbləğ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<PerUnit>,
    /// Due only on this condition (e.g. only when the appointment is with a notary) / Tətbiq şərti.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
}

/// An amount per unit / Vahid üzrə məbləğ
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    /// Amount in AZN per unit / Vahid üzrə məbləğ (AZN).
    pub amount: Money,
    /// The unit / Vahid.
    pub unit: FeeUnit,
    /// The unit in words, when the code list's `other` is used or more must be said / Vahidin izahı.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalizedText>,
}

impl FeeTier {
    /// The payments of this tier: its own (`amount`, `kind`, `legal_basis`, `per_unit`, `condition`) first,
    /// then each of its components (at `components/<n>`), which inherit the tier's condition.
    pub fn payments(&self) -> impl Iterator<Item = Payment<'_>> {
        let own = Payment {
            amount: self.amount,
            kind: self.kind,
            legal_basis: &self.legal_basis,
            per_unit: self.per_unit.as_ref(),
            condition: self.condition.as_ref(),
        };
        std::iter::once(own).chain(self.components.iter().map(|c| Payment {
            amount: c.amount,
            kind: c.kind,
            legal_basis: &c.legal_basis,
            per_unit: c.per_unit.as_ref(),
            condition: c.condition.as_ref().or(self.condition.as_ref()),
        }))
    }
}

/// One payment of a tier: the tier's own or one of its components.
#[derive(Debug, Clone, Copy)]
pub struct Payment<'a> {
    /// The fixed amount.
    pub amount: Money,
    /// Its kind.
    pub kind: FeeKind,
    /// Its legal basis.
    pub legal_basis: &'a [Citation],
    /// Its amount per unit.
    pub per_unit: Option<&'a PerUnit>,
    /// When it is due (a component inherits its tier's condition).
    pub condition: Option<&'a Condition>,
}

impl Payment<'_> {
    /// Whether anything is due at all (a fixed amount or an amount per unit above zero).
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero() && self.per_unit.is_none_or(|u| u.amount.is_zero())
    }
}
