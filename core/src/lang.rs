//! The languages of dxer's messages and renderings: Azerbaijani, English and Russian. One type for the
//! core, the command, and the Python and WebAssembly bindings.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of dxer: every finding's message, every rendering and every label exists in these three.
///
/// ```
/// use dxer::Lang;
/// let lang: Lang = "en".parse().unwrap();
/// assert_eq!(lang, Lang::En);
/// assert_eq!(lang.to_string(), "en");
/// let err = "de".parse::<Lang>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown language \"de\"; expected az, en or ru");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Azerbaijani (`az`), the registry's language and the default.
    #[default]
    Az,
    /// English (`en`).
    En,
    /// Russian (`ru`).
    Ru,
}

impl Lang {
    /// Every language, in the order of the message fields.
    pub const ALL: [Lang; 3] = [Lang::Az, Lang::En, Lang::Ru];

    /// `"az"`, `"en"` or `"ru"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Az => "az",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language of `code`, Azerbaijani for anything else: the lenient reading of the `&str` parameters
    /// of the core's renderers (`"en"`, `"ru"`, otherwise `az`). Callers that must refuse an unknown code
    /// use [`str::parse`].
    pub fn or_az(code: &str) -> Lang {
        code.parse().unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language code that is not one of dxer's (`az`, `en`, `ru`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}; expected az, en or ru")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `"az"`, `"en"` or `"ru"`, exactly (lower case).
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s {
            "az" => Ok(Lang::Az),
            "en" => Ok(Lang::En),
            "ru" => Ok(Lang::Ru),
            other => Err(UnknownLang(other.to_string())),
        }
    }
}
