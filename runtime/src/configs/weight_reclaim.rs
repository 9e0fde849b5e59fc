//! Weight reclaim: the proof size a transaction did not use goes back to the block.

use crate::Runtime;

impl cumulus_pallet_weight_reclaim::Config for Runtime {
	type WeightInfo = ();
}
