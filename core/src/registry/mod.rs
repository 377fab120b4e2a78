//! The registry: how records move through DXER ([`workflow`]), their versions ([`versions`]), and the
//! collection of all records with cross-record findings and statistics; the registration cards of information
//! systems ([`infosystem`]) and their dated duties ([`system_duties`]).

pub mod versions;
pub mod workflow;

mod cross;
mod entries;
mod held;
pub mod infosystem;
mod load;
pub mod stats;
mod stats_html;
mod store;
pub mod system_duties;

pub use entries::{Entry, LoadProblem, LoadSummary, RegistryFinding};
pub use infosystem::{
    CardProblem, Hosting, InfoSystemDataSource, InformationSystem, LifecycleEvent, LifecycleKind,
    PersonalDataRegisterEntry,
};
pub use load::{ByteRange, Preceding, RecordInput, TextFormat};
pub use stats::{MostUsed, Stats, StatsRow};
pub use store::Registry;
pub use system_duties::{SystemDuty, SystemDutyKind, SystemDutyStatus, SystemFinding};
