//! Aura's parachain extension: the block-executor that checks collators' seals in validation.

impl cumulus_pallet_aura_ext::Config for crate::Runtime {}
