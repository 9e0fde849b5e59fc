//! Authorship tracking: who authored each block (collator rewards come from the pot).

use crate::{CollatorSelection, Runtime};

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, crate::Aura>;
	type EventHandler = (CollatorSelection,);
}
