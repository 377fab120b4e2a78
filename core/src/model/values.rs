//! Small value types shared by the whole model: identifiers, localized text, money and durations.

use std::borrow::Cow;
use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// Error returned when a string is not a valid identifier, amount or similar value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {value:?} is invalid: expected {expected}")]
pub struct ValueError {
    /// Which kind of value was being built ("service code", "amount", ...).
    pub what: &'static str,
    /// The rejected input (truncated to 80 characters).
    pub value: String,
    /// A short description of the accepted form.
    pub expected: &'static str,
}

impl ValueError {
    fn new(what: &'static str, value: &str, expected: &'static str) -> Self {
        let value: String = value.chars().take(80).collect();
        ValueError { what, value, expected }
    }
}

/// Declares a validated string newtype with a JSON Schema pattern.
///
/// The checker is a plain function (not a regex) so the type costs nothing at runtime and behaves the
/// same in the browser; the pattern string is what the published JSON Schema states, and a unit test
/// proves the two agree on examples.
macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $what:literal, $pattern:literal, $check:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The regular expression (JSON Schema `pattern`) a valid value matches.
            pub const PATTERN: &'static str = $pattern;

            /// Whether `value` has the identifier's form (matches [`Self::PATTERN`]).
            pub fn is_valid(value: &str) -> bool {
                let check: fn(&str) -> bool = $check;
                check(value)
            }

            /// Builds the identifier, checking its form.
            pub fn new(value: impl Into<String>) -> Result<Self, ValueError> {
                let value = value.into();
                if Self::is_valid(&value) {
                    Ok($name(value))
                } else {
                    Err(ValueError::new($what, &value, $pattern))
                }
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValueError;
            fn try_from(value: String) -> Result<Self, ValueError> {
                $name::new(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": concat!("A ", $what, " (", $pattern, ").")
                })
            }
        }
    };
}

fn ascii_upper_digit(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit()
}

string_id!(
    /// DXER service code, e.g. `DX-000101` [choice: the official format is not public; `DX-` and six digits].
    ServiceCode,
    "service code",
    "^DX-[0-9]{6}$",
    |s| s.len() == 9 && s.starts_with("DX-") && s[3..].bytes().all(|b| b.is_ascii_digit())
);

string_id!(
    /// Provider code from the provider code list, e.g. `EN` (Ministry of Justice) or `ASAN`.
    ProviderCode,
    "provider code",
    "^[A-Z][A-Z0-9-]{1,15}$",
    |s| {
        let mut chars = s.chars();
        (2..=16).contains(&s.len())
            && chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| ascii_upper_digit(c) || c == '-')
    }
);

string_id!(
    /// Identifier of a DXER record (stable across its versions), e.g. `REC-2026-000101`.
    RecordId,
    "record id",
    "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
    local_id
);

string_id!(
    /// Local identifier inside one record (a document, a fee tier, a variant, an attribute value), e.g. `id-card-old`.
    LocalId,
    "local id",
    "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
    local_id
);

string_id!(
    /// Code of an information system in the unified register of state information systems, e.g. `IS-DXER`.
    InfoSystemCode,
    "information system code",
    "^IS-[A-Z0-9-]{2,32}$",
    |s| s.len() >= 5 && s.len() <= 35 && s.starts_with("IS-") && s[3..].chars().all(|c| ascii_upper_digit(c) || c == '-')
);

fn local_id(s: &str) -> bool {
    let mut chars = s.chars();
    (1..=64).contains(&s.len())
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Text in Azerbaijani (required) with optional English and Russian versions.
///
/// Azerbaijani text is in the Latin script; the validator reports Cyrillic look-alike letters in it
/// (rule `DXER-H001`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Localized text / Lokallaşdırılmış mətn")]
pub struct LocalizedText {
    /// Azerbaijani (Latin script) / Azərbaycan dilində (latın qrafikası).
    #[schemars(length(min = 1))]
    pub az: String,
    /// English / İngilis dilində.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub en: Option<String>,
    /// Russian / Rus dilində.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub ru: Option<String>,
}

impl LocalizedText {
    /// Text in Azerbaijani only.
    pub fn az(az: impl Into<String>) -> Self {
        LocalizedText { az: az.into(), en: None, ru: None }
    }

    /// The text in `lang` (`"az"`, `"en"` or `"ru"`), falling back to Azerbaijani.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "en" => self.en.as_deref().unwrap_or(&self.az),
            "ru" => self.ru.as_deref().unwrap_or(&self.az),
            _ => &self.az,
        }
    }
}

/// An amount of money in Azerbaijani manat, held exactly as an integer number of qəpik (1 AZN = 100 qəpik).
///
/// In JSON it is a decimal string with at most two fraction digits, e.g. `"20.00"` or `"4"`,
/// never a floating-point number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Money {
    qepik: u64,
}

impl Money {
    /// The JSON Schema pattern of an amount.
    pub const PATTERN: &'static str = "^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?$";

    /// An amount from a number of qəpik.
    pub const fn from_qepik(qepik: u64) -> Self {
        Money { qepik }
    }

    /// The amount in qəpik.
    pub const fn qepik(self) -> u64 {
        self.qepik
    }

    /// Whether the amount is zero.
    pub const fn is_zero(self) -> bool {
        self.qepik == 0
    }

    /// Whether `value` is an amount as JSON gives it (matches [`Self::PATTERN`]).
    pub fn is_valid(value: &str) -> bool {
        Money::parse(value).is_ok()
    }

    /// Parses `"12"`, `"12.5"` or `"12.50"` (AZN).
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        let err = || ValueError::new("amount", s, "a decimal AZN amount such as \"20.00\"");
        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w, f),
            None => (s, ""),
        };
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || whole.len() > 12 || (whole.len() > 1 && whole.starts_with('0')) {
            return Err(err());
        }
        if s.contains('.') && (!digits(frac) || frac.len() > 2) {
            return Err(err());
        }
        let whole: u64 = whole.parse().map_err(|_| err())?;
        let frac: u64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<u64>().map_err(|_| err())? * 10,
            _ => frac.parse().map_err(|_| err())?,
        };
        Ok(Money { qepik: whole * 100 + frac })
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.qepik / 100, self.qepik % 100)
    }
}

impl TryFrom<String> for Money {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, ValueError> {
        Money::parse(&value)
    }
}

impl From<Money> for String {
    fn from(value: Money) -> String {
        value.to_string()
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Money")
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": Money::PATTERN,
            "title": "Amount in AZN / AZN ilə məbləğ",
            "description": "Decimal string, at most two fraction digits, e.g. \"20.00\" / Onluq kəsr, məsələn \"20.00\"."
        })
    }
}

/// The unit of a period: the unit is always explicit, never implied.
#[allow(missing_docs)] // variants are codes; doc comments would turn the schema's `enum` into a `oneOf`
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    // İş günü — only working days are counted.
    WorkingDays,
    // Təqvim günü — every day counts; a period ending on a day off ends on the next working day.
    CalendarDays,
    // Saat.
    Hours,
    // Ay.
    Months,
    // Dərhal — on the spot; the value must be 0.
    Instant,
    // Gün — days, where the source does not say whether working or calendar days (DXER-T004).
    Days,
}

impl DurationUnit {
    /// The stable code of the unit (as in JSON).
    pub fn code(self) -> &'static str {
        match self {
            DurationUnit::WorkingDays => "working_days",
            DurationUnit::CalendarDays => "calendar_days",
            DurationUnit::Hours => "hours",
            DurationUnit::Months => "months",
            DurationUnit::Instant => "instant",
            DurationUnit::Days => "days",
        }
    }
}

/// A time limit or period: a value with an explicit unit, e.g. 10 working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Period / Müddət")]
pub struct Duration {
    /// How many units (0 only with the unit `instant`) / Vahidlərin sayı.
    pub value: u32,
    /// The unit / Vahid.
    pub unit: DurationUnit,
}

impl Duration {
    /// A period of `value` units.
    pub const fn new(value: u32, unit: DurationUnit) -> Self {
        Duration { value, unit }
    }
}

/// Russian plural form for `n`: one, few (2–4) or many.
fn ru_plural(n: u32, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    }
}

impl Duration {
    /// The period in words in `lang` (`"az"`, `"en"`, `"ru"`; anything else gives Azerbaijani).
    ///
    /// ```
    /// use dxer::model::{Duration, DurationUnit};
    /// let d = Duration::new(10, DurationUnit::WorkingDays);
    /// assert_eq!(d.text("az"), "10 iş günü");
    /// assert_eq!(d.text("en"), "10 working days");
    /// assert_eq!(d.text("ru"), "10 рабочих дней");
    /// assert_eq!(Duration::new(3, DurationUnit::Hours).text("ru"), "3 часа");
    /// ```
    pub fn text(&self, lang: &str) -> String {
        let n = self.value;
        let word = match (lang, self.unit) {
            (_, DurationUnit::Instant) => {
                return match lang {
                    "en" => "immediately".into(),
                    "ru" => "немедленно".into(),
                    _ => "dərhal".into(),
                }
            }
            ("en", DurationUnit::WorkingDays) => {
                if n == 1 {
                    "working day"
                } else {
                    "working days"
                }
            }
            ("en", DurationUnit::CalendarDays) => {
                if n == 1 {
                    "calendar day"
                } else {
                    "calendar days"
                }
            }
            ("en", DurationUnit::Hours) => {
                if n == 1 {
                    "hour"
                } else {
                    "hours"
                }
            }
            ("en", DurationUnit::Months) => {
                if n == 1 {
                    "month"
                } else {
                    "months"
                }
            }
            ("ru", DurationUnit::WorkingDays) => ru_plural(n, "рабочий день", "рабочих дня", "рабочих дней"),
            ("ru", DurationUnit::CalendarDays) => {
                ru_plural(n, "календарный день", "календарных дня", "календарных дней")
            }
            ("ru", DurationUnit::Hours) => ru_plural(n, "час", "часа", "часов"),
            ("ru", DurationUnit::Months) => ru_plural(n, "месяц", "месяца", "месяцев"),
            ("en", DurationUnit::Days) => {
                if n == 1 {
                    "day"
                } else {
                    "days"
                }
            }
            ("ru", DurationUnit::Days) => ru_plural(n, "день", "дня", "дней"),
            (_, DurationUnit::Days) => "gün",
            (_, DurationUnit::WorkingDays) => "iş günü",
            (_, DurationUnit::CalendarDays) => "təqvim günü",
            (_, DurationUnit::Hours) => "saat",
            (_, DurationUnit::Months) => "ay",
        };
        format!("{n} {word}")
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            DurationUnit::Instant => f.write_str("instant"),
            unit => write!(f, "{} {}", self.value, unit.code().replace('_', " ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_exactly() {
        assert_eq!(Money::parse("20.00").unwrap().qepik(), 2000);
        assert_eq!(Money::parse("4").unwrap().qepik(), 400);
        assert_eq!(Money::parse("0.5").unwrap().qepik(), 50);
        assert_eq!(Money::parse("12.05").unwrap().to_string(), "12.05");
        for bad in ["", ".5", "1.", "1.234", "-1", "01", "1e3", "1 000", "1,5", "9999999999999"] {
            assert!(Money::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn identifiers_check_their_form() {
        assert!(ServiceCode::new("DX-000101").is_ok());
        assert!(ServiceCode::new("DX-00010").is_err());
        assert!(ServiceCode::new("dx-000101").is_err());
        assert!(ProviderCode::new("EN").is_ok());
        assert!(ProviderCode::new("ASAN").is_ok());
        assert!(ProviderCode::new("E").is_err());
        assert!(ProviderCode::new("en").is_err());
        assert!(LocalId::new("fee-urgent_1.a").is_ok());
        assert!(LocalId::new("-x").is_err());
        assert!(InfoSystemCode::new("IS-DXER").is_ok());
        assert!(InfoSystemCode::new("DXER").is_err());
        let err = ServiceCode::new("X").unwrap_err();
        assert!(err.to_string().contains("service code"));
    }

    #[test]
    fn localized_text_falls_back_to_az() {
        let t = LocalizedText { az: "Şəxsiyyət vəsiqəsi".into(), en: Some("Identity card".into()), ru: None };
        assert_eq!(t.get("en"), "Identity card");
        assert_eq!(t.get("ru"), "Şəxsiyyət vəsiqəsi");
    }
}

/// Dates exactly as the published schemas' `format: date` accepts them: RFC 3339 full-date, `YYYY-MM-DD`
/// (chrono's own parser also takes `2026-5-6`, `+2026-05-06` or surrounding spaces). Every date of the
/// model is read through this, so the types never accept a date the schema refuses.
pub(crate) mod full_date {
    use chrono::NaiveDate;
    use serde::de::{Deserializer, Error, Unexpected, Visitor};

    /// `YYYY-MM-DD` with a real day of a real month, or `None`.
    pub(crate) fn parse(s: &str) -> Option<NaiveDate> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = i32::try_from(digits(0..4)?).ok()?;
        NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
    }

    struct FullDate;

    impl Visitor<'_> for FullDate {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a date YYYY-MM-DD")
        }

        fn visit_str<E: Error>(self, s: &str) -> Result<NaiveDate, E> {
            parse(s).ok_or_else(|| E::invalid_value(Unexpected::Str(s), &self))
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(FullDate)
    }

    /// For `Option<NaiveDate>` fields (with `#[serde(default)]`: absent is `None`, `null` is refused).
    pub(crate) fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        deserialize(d).map(Some)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn only_full_dates() {
            assert_eq!(parse("2026-05-06"), NaiveDate::from_ymd_opt(2026, 5, 6));
            assert_eq!(parse("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
            for bad in [
                "2026-5-6",
                "+2026-05-06",
                " 2026-05-06",
                "2026-05-06 ",
                "2025-02-29",
                "2026-13-01",
                "2026-00-10",
                "2026-01-32",
                "2026/01/01",
                "20260101",
                "",
                "२०२६-05-06",
                "2026-05-0x",
            ] {
                assert_eq!(parse(bad), None, "{bad:?}");
            }
        }
        use super::parse;
        use chrono::NaiveDate;

        /// Every date field of the model (and of the registration card) is read through this module: a new
        /// `NaiveDate` field without it would take chrono's lenient forms, which the schema refuses.
        #[test]
        fn every_date_field_is_read_as_a_full_date() {
            for file in [include_str!("mod.rs"), include_str!("../registry/infosystem.rs")] {
                let lines: Vec<&str> = file.lines().collect();
                for (i, line) in lines.iter().enumerate() {
                    let field =
                        line.trim_start().starts_with("pub ") && line.contains("NaiveDate") && line.ends_with(',');
                    if field {
                        let attributes = lines[..i]
                            .iter()
                            .rev()
                            .take_while(|l| l.trim_start().starts_with("#[") || l.trim_start().starts_with("///"));
                        assert!(attributes.into_iter().any(|l| l.contains("full_date::")), "line {}: {line}", i + 1);
                    }
                }
            }
        }
    }
}
