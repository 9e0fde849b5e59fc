//! The ring builder's static chunks: pinned hashes and upload.

use super::*;

/// Writes the pinned hashes of the static chunk pages (`src/fixtures/chunk-pages-domain*.hex`)
/// when `VECHE_WRITE_FIXTURES=1`; otherwise checks them against the parameters in `verifiable`.
#[test]
fn chunk_page_hashes_match_the_parameters() {
	use crate::crypto::{Bandersnatch, Domain12, RingDomain, RingVrf, CHUNK_PAGE_SIZE};
	use codec::Encode;
	fn check<D: RingDomain>(file: &str) {
		let chunks = Bandersnatch::<D>::builder_chunks();
		assert_eq!(chunks.len() as u32, Bandersnatch::<D>::max_ring_size());
		let hashes: Vec<String> = chunks
			.chunks(CHUNK_PAGE_SIZE as usize)
			.map(|page| {
				let page: crate::ChunkPage =
					frame_support::BoundedVec::truncate_from(page.to_vec());
				sp_io::hashing::blake2_256(&page.encode())
					.iter()
					.map(|b| format!("{b:02x}"))
					.collect()
			})
			.collect();
		let path = format!("{}/src/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
		if std::env::var("VECHE_WRITE_FIXTURES").as_deref() == Ok("1") {
			std::fs::write(&path, hashes.join("\n") + "\n").unwrap();
		}
		assert_eq!(hashes.len() as u32, Bandersnatch::<D>::chunk_pages());
		for (page, hash) in hashes.iter().enumerate() {
			let pinned = Bandersnatch::<D>::chunk_page_hash(page as u32).expect("pinned");
			let pinned: String = pinned.iter().map(|b| format!("{b:02x}")).collect();
			assert_eq!(&pinned, hash, "{file}: page {page}");
		}
		assert!(Bandersnatch::<D>::chunk_page_hash(hashes.len() as u32).is_none());
	}
	check::<crate::crypto::Domain11>("chunk-pages-domain11.hex");
	check::<Domain12>("chunk-pages-domain12.hex");
}

#[test]
fn only_the_canonical_chunks_can_be_uploaded_and_only_once() {
	use crate::{ChunkPagesStored, Chunks};
	let pages = new_test_ext().execute_with(Personhood::chunk_pages);
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		// Start from an empty chunk store, as a fresh chain does.
		let _ = Chunks::<Test>::clear(u32::MAX, None);
		ChunkPagesStored::<Test>::kill();
		assert_eq!(Personhood::missing_chunk_pages(), vec![0]);
		let mut forged = pages[0].clone();
		forged[3] = forged[4];
		assert_noop!(
			Personhood::upload_chunks(signed(99), 0, forged),
			Error::<Test>::ChunkHashMismatch
		);
		assert_noop!(
			Personhood::upload_chunks(signed(99), 1, pages[0].clone()),
			Error::<Test>::ChunkPageNotFound
		);
		// Without chunks, keys are admitted but no ring is built, and on_idle keeps the work.
		register(1, REGION_REGISTRAR, TOWN);
		register(2, REGION_REGISTRAR, TOWN);
		assert_ok!(Personhood::admit_cohort(signed(99), Constituency(TOWN)));
		Personhood::on_idle(2, Weight::MAX);
		assert!(PendingBuilds::<Test>::contains_key(Constituency(TOWN), 0));
		assert_noop!(
			Personhood::build_ring(signed(99), Constituency(TOWN), 0),
			Error::<Test>::ChunksMissing
		);
		let paid = Personhood::upload_chunks(signed(99), 0, pages[0].clone()).unwrap();
		assert_eq!(paid.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(events().last(), Some(&Event::ChunksStored { page: 0, stored: 1, needed: 1 }));
		assert!(Personhood::missing_chunk_pages().is_empty());
		assert_noop!(
			Personhood::upload_chunks(signed(99), 0, pages[0].clone()),
			Error::<Test>::ChunkPageAlreadyExists
		);
		Personhood::on_idle(3, Weight::MAX);
		assert_eq!(RingRoots::<Test>::get(Constituency(TOWN), 0).unwrap().members, 2);
		Personhood::do_try_state().unwrap();
	});
}
