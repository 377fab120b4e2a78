//! Conversions of DXER records to and from the formats other systems use (domain brief §10).
//!
//! Every export takes a typed [`crate::model::Record`]; to convert JSON text, go through
//! [`crate::parse_record`], which refuses an invalid record with its findings. Conversions are lossless
//! or say exactly what they dropped.
//!
//! Every export asks [`publish`] what it may publish: by default ([`publish::Publication::Public`]) only
//! registered or amended records marked `open_data`, without the signer, the e-signature reference, the
//! review or the history; [`publish::Publication::Internal`] is the full export, asked for explicitly.

pub mod canonical;
pub mod cpsv;
pub mod opendata;
pub mod publish;
pub mod render;
pub mod schema_org;
