//! The registry: how records move through DXER ([`workflow`]), their versions ([`versions`]), and the
//! collection of all records with cross-record findings and statistics.

pub mod versions;
pub mod workflow;

pub mod infosystem;
mod load;
pub mod stats;
mod stats_html;
mod store;

pub use infosystem::{CardProblem, Hosting, InfoSystemDataSource, InformationSystem};
pub use load::{ByteRange, RecordInput, TextFormat};
pub use stats::{MostUsed, Stats, StatsRow};
pub use store::{Entry, LoadProblem, LoadSummary, Registry, RegistryFinding};
