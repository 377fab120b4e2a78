//! The registry: how records move through DXER ([`workflow`]), their versions ([`versions`]), and the
//! collection of all records with cross-record findings and statistics.

pub mod versions;
pub mod workflow;
