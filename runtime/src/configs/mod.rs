//! One file per pallet's `Config`. Each file says who may act through each origin it sets.

mod aura;
mod balances;
mod ballots;
mod collator_selection;
mod credit;
mod governance;
pub mod identity;
mod jurisdictions;
pub mod parachain_system;
pub mod personhood;
pub mod proxy;
pub mod session;
mod system;
mod utility;

pub use system::RuntimeBlockWeights;

impl parachain_info::Config for crate::Runtime {}

impl cumulus_pallet_aura_ext::Config for crate::Runtime {}
