//! # dxer
//!
//! Model, validate, convert and reason about records of Azerbaijan's State Services Electronic Registry
//! (DXER, *Dövlət Xidmətlərinin Elektron Reyestri*): the reglament of a state service (Cabinet decision
//! No. 129 of 6 May 2026, annex 1), the DXER data list (annex 2) and the rules of the DXER statute
//! (annex 3), the law "On State Services" (No. 279-VIIQ, 2025) and the e-services decree of 23 May 2011.
//!
//! The crate is pure: it reads no clock and no files ("today" and data are arguments), so results are
//! reproducible and identical in the browser (WebAssembly) and in Python.
//!
//! ## Entry points
//! - [`validate`]: one record or reglament (JSON text, bytes or a `serde_json::Value`) → [`Report`] of
//!   located, trilingual [`Finding`]s, each with a stable code from [`rules::CATALOGUE`].
//! - [`model`]: the typed record ([`model::Record`]) and reglament ([`model::Reglament`]).
//! - [`schema`]: the published JSON Schemas; [`codelists`]: the code lists; [`text`]: Azerbaijani text.
//!
//! ```
//! use dxer::{validate, Options, Severity};
//!
//! let json = r#"{"general": {"name": {"az": "Şəxsiyyət vəsiqəsinin verilməsi"}}}"#;
//! let report = validate(json, &Options::default());
//! assert!(!report.ok);                                  // a bare reglament missing most sections
//! let missing = report.findings.iter().find(|f| f.pointer == "/standard").unwrap();
//! assert_eq!(missing.code, "DXER-S001");
//! assert_eq!(missing.severity, Severity::Error);
//! assert_eq!(missing.message.az, "Məcburi \"standard\" sahəsi yoxdur.");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod calendar;
pub mod codelists;
pub mod convert;
mod direct;
mod lang;
pub mod locate;
pub mod model;
mod options;
pub mod pointer;
pub mod registry;
mod report;
pub mod rules;
pub mod schema;
pub mod text;
pub(crate) mod validate;

pub use codelists::CodeLists;
pub use direct::{host, validate_deserializer};
pub use lang::{Lang, UnknownLang};
pub use options::{Options, OptionsError, RuleLevel, MAX_COUNT};
pub use report::{DocumentKind, Finding, Message, Report, Severity};
pub use validate::{input_too_large, oversized, parse_record, unpaired_surrogate, validate, InputSize, Source, Valid};
