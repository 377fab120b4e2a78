//! Conversions of DXER records to and from the formats other systems use (domain brief §10).
//!
//! Every export takes a typed [`crate::model::Record`]; to convert JSON text, go through
//! [`crate::parse_record`], which refuses an invalid record with its findings. Conversions are lossless
//! or say exactly what they dropped.

pub mod canonical;
pub mod cpsv;
pub mod opendata;
pub mod render;
pub mod schema_org;
