//! The parachain's id, set at genesis.

impl parachain_info::Config for crate::Runtime {}
