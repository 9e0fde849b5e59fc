//! One file per pallet's `Config` (a pallet with two instances keeps both in its file). Each
//! file says who may act through each origin it sets.

pub mod acts;
mod aura;
mod aura_ext;
mod authority_discovery;
mod authorship;
mod balances;
mod ballots;
mod collator_selection;
mod commission;
pub mod consultations;
mod council;
mod council_membership;
mod credit;
pub mod elections;
pub mod identity;
pub mod juries;
mod jurisdictions;
mod multisig;
mod nfts;
mod parachain_info;
pub mod parachain_system;
pub mod personhood;
mod preimage;
pub mod promises;
pub mod proxy;
pub mod ratings;
pub mod recall;
mod referenda;
mod scheduler;
pub mod session;
mod sudo;
mod system;
mod timestamp;
mod transaction_payment;
mod trustees;
mod utility;
mod weight_reclaim;

pub use system::RuntimeBlockWeights;
