//! The ring machinery: queues and cohorts, ring building in bounded steps, revisions kept for
//! the polls whose roll froze them, the anonymity floor, the static chunks of the ring builder,
//! the idle-time work, and the verification of proofs against the roll
//! ([`PersonhoodVerifier`]). Its storage is declared with the rest of the pallet's.

use crate::crypto::Commitment;
use crate::Member;
use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;

impl<T: Config> PersonhoodVerifier for Pallet<T> {
	fn current_roll() -> Roll {
		RollClock::<T>::get()
	}

	fn roll_members(unit: Option<JurisdictionId>) -> u32 {
		match unit {
			Some(unit) => Committed::<T>::get(unit),
			None => CommittedTotal::<T>::get(),
		}
	}

	fn verify(
		proof: &[u8],
		ring: &RingRef,
		roll: Roll,
		context: &Context,
		message: &[u8],
	) -> Result<ProvenAlias, ProofError> {
		let commitment = Self::usable_commitment(ring, roll)?;
		let alias = T::RingVrf::validate(proof, &commitment, &context[..], message)?;
		Ok(ProvenAlias { alias, set: ring.set, revision: ring.revision })
	}

	fn check_ring(ring: &RingRef, roll: Roll) -> Result<(), ProofError> {
		Self::usable_commitment(ring, roll).map(|_| ())
	}

	fn claimed_alias(proof: &[u8]) -> Option<Alias> {
		T::RingVrf::claimed_alias(proof)
	}

	fn verify_batch(items: &[ProofItem<'_>]) -> Vec<Result<ProvenAlias, ProofError>> {
		// Each distinct ring is read once; items whose ring fails the cheap check keep that error
		// and stay out of the cryptographic batch.
		let mut roots: Vec<(RingRef, Roll, Result<Commitment, ProofError>)> = Vec::new();
		// Per item: the position of its ring in `roots`.
		let mut ring_of = Vec::with_capacity(items.len());
		for item in items {
			let found = roots.iter().position(|(r, roll, _)| *r == item.ring && *roll == item.roll);
			let at = found.unwrap_or_else(|| {
				roots.push((item.ring, item.roll, Self::usable_commitment(&item.ring, item.roll)));
				roots.len().saturating_sub(1)
			});
			ring_of.push(at);
		}
		// The batch takes the items ring by ring: the verifier sets a ring up again whenever the
		// next proof is of another ring, so a block's ballots, which arrive mixed from many rings
		// (and a weighted ballot's two proofs, always from two), cost one set-up per ring rather
		// than one per proof.
		// Each batch entry goes with its item's index, so the outcomes find their places.
		let mut sorted: Vec<usize> = (0..items.len()).collect();
		sorted.sort_by_key(|i| ring_of.get(*i).copied());
		let (order, batch): (Vec<usize>, Vec<(&[u8], &Commitment, &[u8], &[u8])>) = sorted
			.into_iter()
			.filter_map(|i| {
				let item = items.get(i)?;
				let commitment = roots.get(*ring_of.get(i)?)?.2.as_ref().ok()?;
				Some((i, (item.proof, commitment, &item.context[..], item.message)))
			})
			.unzip();
		let mut outcomes: Vec<Result<ProvenAlias, ProofError>> = ring_of
			.iter()
			.map(|at| match roots.get(*at) {
				Some((_, _, Err(e))) => Err(*e),
				_ => Err(ProofError::InvalidProof),
			})
			.collect();
		for (i, checked) in order.iter().zip(T::RingVrf::batch_validate(&batch)) {
			if let (Some(outcome), Some(item)) = (outcomes.get_mut(*i), items.get(*i)) {
				*outcome = checked.map(|alias| ProvenAlias {
					alias,
					set: item.ring.set,
					revision: item.ring.revision,
				});
			}
		}
		outcomes
	}
}

impl<T: Config> Pallet<T> {
	/// The commitment of the revision `ring` names, if the roll frozen at `roll` holds it and it
	/// holds at least the anonymity floor of keys. Errors if the ring does not exist or has no
	/// members ([`ProofError::RingNotFound`]), the revision is not in the roll
	/// ([`ProofError::NotInRoll`]) or is below the floor ([`ProofError::RingTooSmall`]).
	pub(crate) fn usable_commitment(ring: &RingRef, roll: Roll) -> Result<Commitment, ProofError> {
		let root = RingRoots::<T>::get(ring.set, ring.index).ok_or(ProofError::RingNotFound)?;
		ensure!(root.members > 0, ProofError::RingNotFound);
		let (commitment, members) = if ring.revision == root.revision {
			ensure!(root.from <= roll, ProofError::NotInRoll);
			(root.commitment, root.members)
		} else {
			let past = PastRoots::<T>::get((ring.set, ring.index, ring.revision))
				.filter(|p| p.from <= roll && roll < p.until)
				.ok_or(ProofError::NotInRoll)?;
			(past.commitment, past.members)
		};
		ensure!(members >= MinRingSize::<T>::get(), ProofError::RingTooSmall);
		Ok(commitment)
	}

	/// Appends `key` to the queue of `set`, starting the wait clock if the queue was empty.
	pub(crate) fn enqueue(set: RingSet, key: Member) -> DispatchResult {
		let now = T::BlockNumberProvider::current_block_number();
		Queues::<T>::try_mutate(set, |q| {
			let cohort = q.get_or_insert_with(|| Cohort { keys: BoundedVec::new(), since: now });
			if cohort.keys.is_empty() {
				cohort.since = now;
			}
			cohort.keys.try_push(key).map_err(|_| Error::<T>::TooManyQueued)?;
			Ok(())
		})
	}

	/// Takes `key` out of ring `ring` of `set` (the ring is rebuilt) or, if `ring` is `None`, out
	/// of the set's queue.
	pub(crate) fn leave(set: RingSet, ring: Option<RingIndex>, key: &Member) -> DispatchResult {
		match ring {
			Some(index) => {
				Self::snapshot_current(set, index);
				RingMembers::<T>::try_mutate(set, index, |m| {
					let m = m.as_mut().ok_or(Error::<T>::RingBuildFailed)?;
					m.retain(|k| k != key);
					Ok::<_, DispatchError>(())
				})?;
				Self::restart_build(set, index);
			},
			None => Queues::<T>::mutate_exists(set, |q| {
				if let Some(c) = q {
					c.keys.retain(|k| k != key);
					if c.keys.is_empty() {
						*q = None;
					}
				}
			}),
		}
		Ok(())
	}

	/// Puts `new` in the place of `old` in ring `ring` of `set` (rebuilt), or in the set's queue.
	pub(crate) fn replace(
		set: RingSet,
		ring: Option<RingIndex>,
		old: &Member,
		new: Member,
	) -> DispatchResult {
		let swap = |keys: core::slice::IterMut<Member>| {
			for k in keys {
				if k == old {
					*k = new;
				}
			}
		};
		match ring {
			Some(index) => {
				Self::snapshot_current(set, index);
				RingMembers::<T>::mutate(set, index, |m| m.as_mut().map(|m| swap(m.iter_mut())));
				Self::restart_build(set, index);
			},
			None => {
				Queues::<T>::mutate(set, |q| q.as_mut().map(|c| swap(c.keys.iter_mut())));
			},
		}
		Ok(())
	}

	/// Keeps the member list of a ring's current revision before a key leaves it or is replaced
	/// in it: from then on [`RingMembers`] no longer starts with that list, and a poll whose roll
	/// holds the revision still needs it.
	pub(crate) fn snapshot_current(set: RingSet, index: RingIndex) {
		let Some(root) = RingRoots::<T>::get(set, index) else { return };
		let key = (set, index, root.revision);
		if RevisionMembers::<T>::contains_key(key) {
			return;
		}
		let mut members = RingMembers::<T>::get(set, index).unwrap_or_default();
		members.truncate(root.members as usize);
		RevisionMembers::<T>::insert(key, members);
	}

	/// Discards the builder's progress: the ring's commitment is rebuilt from its first member.
	/// The current commitment stays valid until the rebuild finishes.
	pub(crate) fn restart_build(set: RingSet, index: RingIndex) {
		RingBuilders::<T>::insert(
			set,
			index,
			RingBuilder { intermediate: T::RingVrf::start(), pushed: 0 },
		);
		PendingBuilds::<T>::insert(set, index, ());
	}

	pub(crate) fn cohort_ready(set: RingSet, cohort: &CohortOf<T>, now: BlockNumberFor<T>) -> bool {
		let len = cohort.keys.len() as u32;
		let gathered = len >= T::MinCohort::get()
			|| (len > 0 && now.saturating_sub(cohort.since) >= T::MaxCohortWait::get());
		gathered && Self::admissible(set, len)
	}

	/// Whether `len` waiting keys can join the rings of `set` without a ring below the floor:
	/// the open ring has room, or they are enough to open a ring of their own.
	pub(crate) fn admissible(set: RingSet, len: u32) -> bool {
		let open = RingMembers::<T>::decode_len(set, OpenRing::<T>::get(set)).unwrap_or(0) as u32;
		let fresh = open == 0 || open >= T::RingCapacity::get();
		!fresh || len >= MinRingSize::<T>::get()
	}

	/// Moves the queue of `set` into its rings, sorted by key, filling the open ring and
	/// opening the next when it is full — but never a ring below the anonymity floor: a new ring
	/// gets at least `MinRingSize` keys (taken from what would have filled the previous ring if
	/// needed), and keys too few to open one keep waiting. Returns how many keys were admitted.
	pub(crate) fn do_admit(set: RingSet) -> Result<u32, DispatchError> {
		let Some(cohort) = Queues::<T>::take(set) else { return Ok(0) };
		let mut keys = cohort.keys.into_inner();
		keys.sort_unstable();
		let capacity = T::RingCapacity::get() as usize;
		let floor = MinRingSize::<T>::get() as usize;
		let mut rest = &keys[..];
		let mut index = OpenRing::<T>::get(set);
		let mut admitted = 0u32;
		while !rest.is_empty() {
			let mut members = RingMembers::<T>::get(set, index).unwrap_or_default();
			let room = capacity.saturating_sub(members.len());
			if room == 0 {
				index = index.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				continue;
			}
			// A fresh ring opens only with at least `floor` keys.
			if members.is_empty() && rest.len() < floor {
				break;
			}
			let take = if rest.len() <= room || rest.len().saturating_sub(room) >= floor {
				room.min(rest.len())
			} else if rest.len() > floor {
				// Leave exactly `floor` keys for the next ring (for a fresh ring what it keeps is
				// still above the floor: `rest > room = capacity >= 2 * floor`).
				rest.len().saturating_sub(floor)
			} else {
				// Too few left to open another ring: fill this one, the rest keep waiting.
				room
			};
			let (now, later) = rest.split_at(take.min(rest.len()));
			admitted = admitted.saturating_add(now.len() as u32);
			for key in now {
				members.try_push(*key).map_err(|_| Error::<T>::RingBuildFailed)?;
				Self::placed(set, key, index);
			}
			RingMembers::<T>::insert(set, index, members);
			if !RingBuilders::<T>::contains_key(set, index) {
				RingBuilders::<T>::insert(
					set,
					index,
					RingBuilder { intermediate: T::RingVrf::start(), pushed: 0 },
				);
			}
			PendingBuilds::<T>::insert(set, index, ());
			Self::deposit_event(Event::CohortAdmitted {
				set,
				ring: index,
				count: now.len() as u32,
			});
			rest = later;
			// What is left goes to the next ring (this one is full, or keeps its share).
			if !rest.is_empty() {
				index = index.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			}
		}
		OpenRing::<T>::insert(set, index);
		if !rest.is_empty() {
			// The keys too few to open a ring wait for more, from now.
			let keys = BoundedVec::truncate_from(rest.to_vec());
			let since = T::BlockNumberProvider::current_block_number();
			Queues::<T>::insert(set, Cohort { keys, since });
		}
		Ok(admitted)
	}

	/// Records that `key` now sits in ring `index` of `set`.
	pub(crate) fn placed(set: RingSet, key: &Member, index: RingIndex) {
		let Some(tag) = Keys::<T>::get(key) else { return };
		match set {
			RingSet::Constituency(_) => People::<T>::mutate(tag, |p| {
				if let Some(p) = p {
					p.ring = Some(index);
				}
			}),
			RingSet::Credential(class) => {
				Credentials::<T>::insert(tag, class, Holding { ring: Some(index) })
			},
		}
	}

	/// Pushes up to `max` pending members of ring `index` of `set` into its builder; when none
	/// are left, finishes the commitment as the next revision. Returns how many were pushed.
	pub(crate) fn do_build_step(
		set: RingSet,
		index: RingIndex,
		max: u32,
	) -> Result<u32, DispatchError> {
		ensure!(Self::chunks_ready(), Error::<T>::ChunksMissing);
		let members = RingMembers::<T>::get(set, index).unwrap_or_default();
		let mut builder = RingBuilders::<T>::get(set, index)
			.unwrap_or(RingBuilder { intermediate: T::RingVrf::start(), pushed: 0 });
		let start = (builder.pushed as usize).min(members.len());
		let end = start.saturating_add(max as usize).min(members.len());
		let batch = members.get(start..end).ok_or(Error::<T>::RingBuildFailed)?;
		if !batch.is_empty() {
			T::RingVrf::push(&mut builder.intermediate, batch, Self::chunks)
				.map_err(|_| Error::<T>::RingBuildFailed)?;
			builder.pushed = end as u32;
		}
		if end == members.len() {
			let commitment = T::RingVrf::finish(&builder.intermediate)
				.map_err(|_| Error::<T>::RingBuildFailed)?;
			let old = RingRoots::<T>::get(set, index);
			let revision = old
				.as_ref()
				.map_or(Ok(1), |r| r.revision.checked_add(1).ok_or(ArithmeticError::Overflow))?;
			let roll = RollClock::<T>::get().checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let covered = members.len() as u32;
			let mut kept_previous = false;
			if let Some(old) = &old {
				kept_previous = Self::retire(set, index, old, roll, &members);
			}
			Self::count_committed(set, old.as_ref().map_or(0, |r| r.members), covered);
			RingRoots::<T>::insert(
				set,
				index,
				RingRoot { commitment, revision, members: covered, from: roll },
			);
			RollClock::<T>::put(roll);
			PendingBuilds::<T>::remove(set, index);
			Self::deposit_event(Event::RingRevised {
				set,
				ring: index,
				revision,
				members: covered,
				roll,
				kept_previous,
			});
		}
		RingBuilders::<T>::insert(set, index, builder);
		Ok(batch.len() as u32)
	}

	/// Handles the revision `old` of a ring as the next one replaces it at roll point `until`:
	/// kept in [`PastRoots`] with its members if a poll's roll holds it, dropped otherwise.
	/// `members` is the ring's member list now, which starts with `old`'s unless a snapshot was
	/// taken. Returns whether it was kept.
	pub(crate) fn retire(
		set: RingSet,
		index: RingIndex,
		old: &RingRoot,
		until: Roll,
		members: &RingMembersOf<T>,
	) -> bool {
		let key = (set, index, old.revision);
		let snapshot = RevisionMembers::<T>::take(key);
		if !T::Rolls::roll_in_use(old.from, until) {
			return false;
		}
		let kept = snapshot.unwrap_or_else(|| {
			let mut prefix = members.clone();
			prefix.truncate(old.members as usize);
			prefix
		});
		RevisionMembers::<T>::insert(key, kept);
		let past =
			PastRoot { commitment: old.commitment, members: old.members, from: old.from, until };
		PastRoots::<T>::insert(key, past);
		true
	}

	/// Moves the count of committed keys of a territory ring from `old` to `new`, in the
	/// territory and every unit above it.
	pub(crate) fn count_committed(set: RingSet, old: u32, new: u32) {
		let RingSet::Constituency(territory) = set else { return };
		let adjust = |n: &mut u32| *n = n.saturating_sub(old).saturating_add(new);
		CommittedTotal::<T>::mutate(adjust);
		for unit in T::Jurisdictions::ancestors(territory) {
			Committed::<T>::mutate(unit, adjust);
		}
	}

	/// The revision of ring `index` of `set` that the roll frozen at `roll` holds, with its
	/// members.
	pub(crate) fn revision_in_roll(
		set: RingSet,
		index: RingIndex,
		roll: Roll,
	) -> Option<(RingRevision, Vec<Member>)> {
		let root = RingRoots::<T>::get(set, index)?;
		if root.from <= roll {
			let members = match RevisionMembers::<T>::get((set, index, root.revision)) {
				Some(m) => m.into_inner(),
				None => {
					let mut m = RingMembers::<T>::get(set, index)?.into_inner();
					m.truncate(root.members as usize);
					m
				},
			};
			return Some((root.revision, members));
		}
		PastRoots::<T>::iter_prefix((set, index))
			.find(|(_, p)| p.from <= roll && roll < p.until)
			.and_then(|(revision, _)| {
				let members = RevisionMembers::<T>::get((set, index, revision))?;
				Some((revision, members.into_inner()))
			})
	}

	/// Checks an anonymity floor against its bounds.
	pub(crate) fn checked_floor(size: u32) -> Result<(), Error<T>> {
		let max = T::RingCapacity::get().checked_div(2).unwrap_or_default();
		ensure!(
			(T::AbsoluteMinRingSize::get()..=max).contains(&size),
			Error::<T>::FloorOutOfBounds
		);
		Ok(())
	}

	/// Whether every page of static chunks is stored.
	pub(crate) fn chunks_ready() -> bool {
		ChunkPagesStored::<T>::get() >= T::RingVrf::chunk_pages()
	}

	/// The static chunks at `range`, read from the stored pages.
	pub(crate) fn chunks(range: core::ops::Range<usize>) -> Option<Vec<Chunk>> {
		let page_size = CHUNK_PAGE_SIZE as usize;
		let mut out = Vec::with_capacity(range.len());
		let mut page: Option<(usize, ChunkPage)> = None;
		for i in range {
			let (p, offset) = (i.checked_div(page_size)?, i.checked_rem(page_size)?);
			if page.as_ref().map(|(n, _)| *n) != Some(p) {
				page = Some((p, Chunks::<T>::get(u32::try_from(p).ok()?)?));
			}
			out.push(*page.as_ref()?.1.get(offset)?);
		}
		Some(out)
	}

	/// The canonical chunks cut into pages, as `upload_chunks` takes them (off-chain and in
	/// benchmarks).
	#[cfg(any(feature = "std", feature = "runtime-benchmarks"))]
	pub fn chunk_pages() -> Vec<ChunkPage> {
		T::RingVrf::builder_chunks()
			.chunks(CHUNK_PAGE_SIZE as usize)
			.map(|page| BoundedVec::truncate_from(page.to_vec()))
			.collect()
	}

	/// Stores every page of canonical chunks directly (tests and benchmarks).
	#[cfg(any(test, feature = "runtime-benchmarks"))]
	pub fn store_chunks() {
		let pages = Self::chunk_pages();
		let count = pages.len() as u32;
		for (n, page) in pages.into_iter().enumerate() {
			Chunks::<T>::insert(n as u32, page);
		}
		ChunkPagesStored::<T>::put(count);
	}

	/// Spends up to `remaining` weight on build steps and cohort admissions.
	pub(crate) fn do_idle_work(remaining: Weight) -> Weight {
		let mut used = T::WeightInfo::idle_overhead();
		if remaining.any_lt(used) {
			return Weight::zero();
		}
		let step = T::WeightInfo::build_ring(T::BuildBatch::get());
		// At most IDLE_BUILD_STEPS per block, each a bounded amount of curve arithmetic, and only
		// while the block's spare weight lasts.
		let builds = if Self::chunks_ready() { IDLE_BUILD_STEPS } else { 0 };
		for _ in 0..builds {
			if remaining.any_lt(used.saturating_add(step)) {
				return used;
			}
			let Some((set, index)) = PendingBuilds::<T>::iter_keys().next() else { break };
			let pushed =
				Self::do_build_step(set, index, T::BuildBatch::get()).unwrap_or_else(|_| {
					// A ring that cannot be built must not stall the others: drop it from the work
					// list (its previous commitment stays valid) and say so.
					PendingBuilds::<T>::remove(set, index);
					log::warn!(target: "runtime::personhood", "ring {set:?}/{index} failed to build");
					Self::deposit_event(Event::RingBuildAbandoned { set, index });
					0
				});
			used = used.saturating_add(T::WeightInfo::build_ring(pushed));
		}
		// Scan a bounded number of queues from the cursor; admit the ready ones.
		let now = T::BlockNumberProvider::current_block_number();
		let admit = T::WeightInfo::admit_cohort(T::MaxQueue::get());
		let mut iter = match QueueCursor::<T>::get() {
			Some(set) => Queues::<T>::iter_from(Queues::<T>::hashed_key_for(set)),
			None => Queues::<T>::iter(),
		};
		let mut last = None;
		let scan = T::WeightInfo::idle_scan(IDLE_SCAN);
		if remaining.any_lt(used.saturating_add(scan).saturating_add(admit)) {
			return used;
		}
		used = used.saturating_add(scan);
		for _ in 0..IDLE_SCAN {
			if remaining.any_lt(used.saturating_add(admit)) {
				break;
			}
			let Some((set, cohort)) = iter.next() else {
				last = None;
				break;
			};
			last = Some(set);
			if Self::cohort_ready(set, &cohort, now) {
				let admitted = Self::do_admit(set).unwrap_or(0);
				used = used.saturating_add(T::WeightInfo::admit_cohort(admitted));
			}
		}
		match last {
			Some(set) => QueueCursor::<T>::put(set),
			None => QueueCursor::<T>::kill(),
		}
		used
	}
}
