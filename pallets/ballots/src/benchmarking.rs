//! Benchmarks of ballots, worst case, with real ring-VRF proofs.
//!
//! Proofs cannot be made inside the runtime, so [`BenchmarkHelper`] supplies rings and proofs
//! made beforehand: the runtime from fixtures (`src/fixtures`), the tests' mock with the prover.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{Authorize, EnsureOrigin, Hooks, Polling};
use frame_system::RawOrigin;
use pallet_veche_primitives::{CredentialClass, RingRef};

pub use crate::fixtures::Shape;
use crate::fixtures::{POLL as BENCH_POLL, PROVERS as BENCH_PROVERS, SEQUENCE as BENCH_SEQUENCE};

/// Rings the benchmarks vote in.
pub struct BenchRings {
	/// A constituency ring holding the provers.
	pub constituency: RingRef,
	/// A credential ring holding the same provers.
	pub credential: RingRef,
	/// A unit that contains the constituency (the electorate).
	pub unit: JurisdictionId,
}

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper {
	/// Makes (current, built) a constituency ring and a credential ring holding the
	/// [`BENCH_PROVERS`] provers, as deep in the jurisdiction tree as possible.
	fn rings() -> BenchRings;
	/// Proof `i` (`< fixtures::PROVERS`) by prover `i` (seed `fixtures::seed(i)`) for
	/// `fixtures::CONTEXT` over `fixtures::message(shape)`, valid for both rings.
	fn proof(i: u32, shape: Shape) -> Vec<u8>;
	/// `n` distinct existing units, made if needed.
	fn units(n: u32) -> Vec<JurisdictionId>;
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

/// An electorate of `unit`, every allowed class weighed (the rings' class among them).
fn electorate(unit: JurisdictionId, class: CredentialClass) -> Electorate {
	let mut classes: Vec<(CredentialClass, u32)> =
		(0..MAX_WEIGHTED_CLASSES as u16).map(|i| (class.wrapping_add(i), 2)).collect();
	classes.sort_unstable_by_key(|(c, _)| *c);
	Electorate {
		units: BoundedVec::truncate_from(alloc::vec![unit]),
		base_weight: 1,
		class_weights: BoundedVec::truncate_from(classes),
		aliases: None,
	}
}

/// The kind of the benchmark poll. For ballots: party lists, the dearest kind of ballot to count
/// (a ballot also moves preference votes), as many lists as a poll can have, each as long as a
/// list can be. For ratings: every sphere rated (a rating moves two parts of grades).
fn bench_kind(shape: Shape) -> PollKind {
	match shape {
		Shape::List => {
			PollKind::PartyList { lists: MAX_OPTIONS as u8, preferences: (MAX_OPTIONS - 1) as u8 }
		},
		Shape::Rating => PollKind::Rating { spheres: MAX_RATED_SPHERES },
	}
}

/// The lengths of the benchmark poll's lists.
fn bench_lists() -> ListSizes {
	BoundedVec::truncate_from(alloc::vec![MAX_OPTIONS as u8; MAX_OPTIONS as usize])
}

/// A party-list choice for `list` preferring every place but the last.
fn list_choice(list: u8) -> Choice {
	BoundedVec::truncate_from(
		core::iter::once(list).chain(0..(MAX_OPTIONS - 1) as u8).collect::<Vec<_>>(),
	)
}

/// Poll [`BENCH_POLL`] of `shape` with the benchmark context, open now, over `rings`.
fn bench_poll<T: Config>(rings: &BenchRings, shape: Shape) -> Poll<BlockNumberFor<T>> {
	let now = T::BlockNumberProvider::current_block_number();
	let class = match rings.credential.set {
		RingSet::Credential(c) => c,
		RingSet::Constituency(_) => 0,
	};
	let poll = Poll {
		context: crate::fixtures::CONTEXT,
		kind: bench_kind(shape),
		electorate: electorate(rings.unit, class),
		// The benchmark rings' revisions start at roll point 0.
		roll: 0,
		roll_size: crate::fixtures::PROVERS,
		start: now,
		end: now + 100u32.into(),
		appeal_end: now + 200u32.into(),
		retain_until: now + 300u32.into(),
		status: PollStatus::Ongoing,
		voters: 0,
		excluded: 0,
	};
	Polls::<T>::insert(BENCH_POLL, poll.clone());
	if shape == Shape::List {
		PollLists::<T>::insert(BENCH_POLL, bench_lists());
	}
	NextPollId::<T>::put(BENCH_POLL + 1);
	// The worst case: the poll decides a people's referendum, whose tally follows it.
	if let Some(class) = T::Referenda::classes().into_iter().next() {
		if let Ok(referendum) = T::Referenda::create_ongoing(class) {
			ReferendumPolls::<T>::insert(referendum, BENCH_POLL);
			PollReferenda::<T>::insert(BENCH_POLL, referendum);
		}
	}
	poll
}

/// Prover `i`'s ballot of `shape`, with the credential proof if `weighted`.
fn bench_ballot<T: Config>(rings: &BenchRings, i: u32, weighted: bool, shape: Shape) -> Ballot {
	let proof: Proof = BoundedVec::truncate_from(T::BenchmarkHelper::proof(i, shape));
	Ballot {
		poll: BENCH_POLL,
		choice: BoundedVec::truncate_from(crate::fixtures::choice(shape)),
		sequence: BENCH_SEQUENCE,
		ring: rings.constituency,
		credential: weighted.then(|| (rings.credential, proof.clone())),
		proof,
	}
}

/// The earlier ballot of the re-vote benchmarks: of a list ballot, the last list and every
/// place on it but the last; of a rating, approval and the worst grade in every sphere. Either
/// way it moves other counts than the new ballot does.
fn earlier_choice(shape: Shape) -> Choice {
	match shape {
		Shape::List => list_choice((MAX_OPTIONS - 1) as u8),
		Shape::Rating => BoundedVec::truncate_from(
			core::iter::once(0)
				.chain(core::iter::repeat_n(1, usize::from(MAX_RATED_SPHERES)))
				.collect::<Vec<_>>(),
		),
	}
}

/// Gives each of the first `n` provers an earlier ballot ([`earlier_choice`]), so that
/// recording their new ones also uncounts the old: the worst case.
fn earlier_ballots<T: Config>(rings: &BenchRings, n: u32, shape: Shape) {
	let RingSet::Constituency(territory) = rings.constituency.set else { return };
	let kind = bench_kind(shape);
	let mut tally = Tally::empty(kind.options());
	let choice = earlier_choice(shape);
	let mut parts: Vec<(u8, PreferenceCounts)> = Vec::new();
	for i in 0..n {
		let alias = T::Personhood::claimed_alias(&T::BenchmarkHelper::proof(i, shape))
			.expect("fixture proofs are well-formed");
		let record = BallotRecord {
			territory,
			choice: choice.clone(),
			sequence: 0,
			weight: 1,
			cast_at: Zero::zero(),
		};
		tally.apply(kind.marks(&record.choice), 1, true);
		for (part, places) in kind.sub_marks(&record.choice) {
			if !parts.iter().any(|(p, _)| *p == part) {
				parts.push((part, Pallet::<T>::no_preferences(BENCH_POLL, kind, part)));
			}
			if let Some((_, counts)) = parts.iter_mut().find(|(p, _)| *p == part) {
				pallet_veche_primitives::add_at(counts.as_mut(), &places, 1, true);
			}
		}
		Ballots::<T>::insert(BENCH_POLL, alias, record);
	}
	Tallies::<T>::insert(BENCH_POLL, territory, tally.clone());
	Totals::<T>::insert(BENCH_POLL, tally);
	for (part, counts) in parts {
		Preferences::<T>::insert((BENCH_POLL, territory, part), counts.clone());
		PreferenceTotals::<T>::insert(BENCH_POLL, part, counts);
	}
	Polls::<T>::mutate(BENCH_POLL, |p| {
		if let Some(p) = p {
			p.voters = n
		}
	});
}

/// Queues the first `n` provers' ballots as `cast` would in a block.
fn queue<T: Config>(rings: &BenchRings, n: u32, weighted: bool, shape: Shape) {
	let now = T::BlockNumberProvider::current_block_number();
	for i in 0..n {
		let ballot = bench_ballot::<T>(rings, i, weighted, shape);
		let pending = Pallet::<T>::check_ballot(&ballot, now).expect("benchmark ballots are valid");
		PendingAliases::<T>::insert(BENCH_POLL, pending.alias, ());
		PendingBallots::<T>::try_append(pending).expect("within MaxBallotsPerBlock");
	}
}

/// A block in which the first `n` provers re-vote (with credential proofs if `weighted`) with
/// ballots of `shape`, queued for the end of the block; returns the block number.
fn block_of_ballots<T: Config>(n: u32, weighted: bool, shape: Shape) -> BlockNumberFor<T> {
	let rings = revoters::<T>(n, shape);
	// The worst case: the territory is excluded on appeal while voting goes on (a people's
	// referendum), so that each ballot also moves the excluded counts.
	if let RingSet::Constituency(territory) = rings.constituency.set {
		Excluded::<T>::insert(BENCH_POLL, territory, [0u8; 32]);
		if let Some(tally) = Tallies::<T>::get(BENCH_POLL, territory) {
			ExcludedTotals::<T>::insert(BENCH_POLL, tally);
		}
		for (list, counts) in Preferences::<T>::iter_prefix((BENCH_POLL, territory)) {
			ExcludedPreferences::<T>::insert(BENCH_POLL, list, counts);
		}
		Polls::<T>::mutate(BENCH_POLL, |p| {
			if let Some(p) = p {
				p.excluded = 1
			}
		});
	}
	queue::<T>(&rings, n, weighted, shape);
	T::BlockNumberProvider::current_block_number()
}

/// The rings and the poll, the first `n` provers with an earlier ballot, and the clock moved on
/// past their cooldown: the setup of every re-vote benchmark.
fn revoters<T: Config>(n: u32, shape: Shape) -> BenchRings {
	let rings = T::BenchmarkHelper::rings();
	bench_poll::<T>(&rings, shape);
	earlier_ballots::<T>(&rings, n, shape);
	frame_system::Pallet::<T>::set_block_number(
		T::BlockNumberProvider::current_block_number() + 10u32.into(),
	);
	rings
}

/// Prover 0's re-vote (with its credential proof if `weighted`), ready to cast.
fn revote<T: Config>(weighted: bool) -> Ballot {
	bench_ballot::<T>(&revoters::<T>(1, Shape::List), 0, weighted, Shape::List)
}

/// The end of the block recorded all `n` new ballots, with `weight` each.
fn assert_recorded<T: Config>(n: u32, weight: u32) {
	assert!(PendingBallots::<T>::get().is_empty());
	let recorded = Ballots::<T>::iter_prefix(BENCH_POLL)
		.filter(|(_, b)| b.sequence == BENCH_SEQUENCE && b.weight == weight);
	assert_eq!(recorded.count() as u32, n);
}

/// A closed poll with `n` stored ballots spread over territories of their own, all tallied.
fn closed_poll_with<T: Config>(n: u32) -> PollId {
	let kind = bench_kind(Shape::List);
	let options = kind.options();
	let mut totals = Tally::empty(options);
	for i in 0..n {
		let mut alias = [0u8; 32];
		alias[..4].copy_from_slice(&i.to_be_bytes());
		let list = (i % MAX_OPTIONS) as u8;
		let record = BallotRecord {
			territory: i,
			choice: list_choice(list),
			sequence: 1,
			weight: 1,
			cast_at: Zero::zero(),
		};
		let mut t = Tally::empty(options);
		t.apply(kind.marks(&record.choice), 1, true);
		totals.apply(kind.marks(&record.choice), 1, true);
		if let Some((_, places)) = kind.preferences(&record.choice) {
			let mut counts: PreferenceCounts =
				BoundedVec::truncate_from(alloc::vec![0; MAX_OPTIONS as usize]);
			pallet_veche_primitives::add_at(counts.as_mut(), places, 1, true);
			Preferences::<T>::insert((BENCH_POLL, i, list), counts.clone());
			PreferenceTotals::<T>::mutate(BENCH_POLL, list, |c| {
				let c = c.get_or_insert_with(|| {
					BoundedVec::truncate_from(alloc::vec![0; MAX_OPTIONS as usize])
				});
				pallet_veche_primitives::merge_counts(c.as_mut(), &counts, true)
			});
		}
		Tallies::<T>::insert(BENCH_POLL, i, t);
		Ballots::<T>::insert(BENCH_POLL, alias, record);
	}
	PollLists::<T>::insert(BENCH_POLL, bench_lists());
	let poll = Poll {
		context: [0; 32],
		kind,
		electorate: Electorate {
			units: BoundedVec::new(),
			base_weight: 1,
			class_weights: BoundedVec::new(),
			aliases: None,
		},
		roll: 0,
		roll_size: n,
		start: Zero::zero(),
		end: Zero::zero(),
		appeal_end: Zero::zero(),
		retain_until: Zero::zero(),
		status: PollStatus::Closed { at: Zero::zero() },
		voters: n,
		excluded: 0,
	};
	Results::<T>::insert(BENCH_POLL, totals.clone());
	Totals::<T>::insert(BENCH_POLL, totals);
	Polls::<T>::insert(BENCH_POLL, poll);
	NextPollId::<T>::put(BENCH_POLL + 1);
	BENCH_POLL
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A poll whose electorate names `u` units (each checked to exist).
	#[benchmark]
	fn create_poll(u: Linear<1, MAX_ELECTORATE_UNITS>) -> Result<(), BenchmarkError> {
		let origin =
			T::CreateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut e = electorate(0, 0);
		e.units = BoundedVec::truncate_from(T::BenchmarkHelper::units(u));
		let start = T::BlockNumberProvider::current_block_number() + 1u32.into();
		let kind = PollKind::Approval { options: MAX_OPTIONS as u8, max: MAX_OPTIONS as u8 };
		let end = start + T::MaxVotingPeriod::get();
		let id = NextPollId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, kind, e, start, end);

		assert!(Polls::<T>::contains_key(id));
		Ok(())
	}

	/// The pool's check of a ballot: the cheap checks and the full verification of `p` proofs
	/// (1: constituency only, 2: with a credential), the voter re-voting.
	#[benchmark(pov_mode = MaxEncodedLen {
		// Transient: emptied at the end of every block, never in the trie at its start.
		Ballots::PendingBallots: Ignored,
		Ballots::PendingAliases: Ignored
	})]
	fn authorize_cast(p: Linear<1, 2>) -> Result<(), BenchmarkError> {
		let call = Call::<T>::cast { ballot: revote::<T>(p == 2) };

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or("cast is authorized")?
				.map_err(|_| "the benchmark ballot is valid")?;
		}
		Ok(())
	}

	/// The same check inside a block: the cheap checks only.
	#[benchmark(pov_mode = MaxEncodedLen {
		// Transient: emptied at the end of every block, never in the trie at its start.
		Ballots::PendingBallots: Ignored,
		Ballots::PendingAliases: Ignored
	})]
	fn authorize_cast_in_block() -> Result<(), BenchmarkError> {
		let call = Call::<T>::cast { ballot: revote::<T>(true) };

		#[block]
		{
			call.authorize(TransactionSource::InBlock)
				.ok_or("cast is authorized")?
				.map_err(|_| "the benchmark ballot is valid")?;
		}
		Ok(())
	}

	/// Queueing a ballot in the block (the dispatch).
	#[benchmark(pov_mode = MaxEncodedLen {
		// Transient: emptied at the end of every block, never in the trie at its start.
		Ballots::PendingBallots: Ignored,
		Ballots::PendingAliases: Ignored
	})]
	fn cast() -> Result<(), BenchmarkError> {
		let ballot = revote::<T>(true);

		#[extrinsic_call]
		_(RawOrigin::Authorized, ballot);

		assert_eq!(PendingBallots::<T>::decode_len(), Some(1));
		Ok(())
	}

	/// The end of a block carrying `n` ballots: one batch verification, and `n` re-votes
	/// recorded.
	#[benchmark(pov_mode = MaxEncodedLen {
		// Transient: emptied at the end of every block, never in the trie at its start.
		Ballots::PendingBallots: Ignored,
		Ballots::PendingAliases: Ignored
	})]
	fn finalize_ballots(n: Linear<0, BENCH_PROVERS>) -> Result<(), BenchmarkError> {
		let now = block_of_ballots::<T>(n, false, Shape::List);

		#[block]
		{
			Pallet::<T>::on_finalize(now);
		}

		assert_recorded::<T>(n, 1);
		Ok(())
	}

	/// As `finalize_ballots`, the ballots being ratings of an official in every sphere (their
	/// grades recorded in two parts): against `finalize_ballots`, what a rating costs more than
	/// a ballot.
	#[benchmark(pov_mode = MaxEncodedLen {
		// Transient: emptied at the end of every block, never in the trie at its start.
		Ballots::PendingBallots: Ignored,
		Ballots::PendingAliases: Ignored
	})]
	fn finalize_ratings(n: Linear<0, BENCH_PROVERS>) -> Result<(), BenchmarkError> {
		let now = block_of_ballots::<T>(n, false, Shape::Rating);

		#[block]
		{
			Pallet::<T>::on_finalize(now);
		}

		assert_recorded::<T>(n, 1);
		Ok(())
	}

	/// As `finalize_ballots`, each ballot carrying a credential proof as well.
	#[benchmark(pov_mode = MaxEncodedLen {
		// Transient: emptied at the end of every block, never in the trie at its start.
		Ballots::PendingBallots: Ignored,
		Ballots::PendingAliases: Ignored
	})]
	fn finalize_weighted_ballots(n: Linear<0, BENCH_PROVERS>) -> Result<(), BenchmarkError> {
		let now = block_of_ballots::<T>(n, true, Shape::List);

		#[block]
		{
			Pallet::<T>::on_finalize(now);
		}

		assert_recorded::<T>(n, 2);
		Ok(())
	}

	#[benchmark]
	fn close() -> Result<(), BenchmarkError> {
		let rings = T::BenchmarkHelper::rings();
		let poll = bench_poll::<T>(&rings, Shape::List);
		earlier_ballots::<T>(&rings, 1, Shape::List);
		ExcludedTotals::<T>::insert(BENCH_POLL, Tally::empty(MAX_OPTIONS as u8));
		frame_system::Pallet::<T>::set_block_number(poll.end);
		// The worst case: the poll of a people's referendum, just decided, whose windows are
		// set at its close.
		if let Some(referendum) = PollReferenda::<T>::get(BENCH_POLL) {
			T::Referenda::end_ongoing(referendum, true)
				.map_err(|_| BenchmarkError::Stop("the referendum cannot end"))?;
		}
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), BENCH_POLL);

		assert!(Results::<T>::contains_key(BENCH_POLL));
		Ok(())
	}

	#[benchmark]
	fn exclude_territory() -> Result<(), BenchmarkError> {
		let origin =
			T::AppealOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rings = T::BenchmarkHelper::rings();
		let mut poll = bench_poll::<T>(&rings, Shape::List);
		earlier_ballots::<T>(&rings, 1, Shape::List);
		let RingSet::Constituency(territory) = rings.constituency.set else {
			return Err(BenchmarkError::Weightless);
		};
		// The worst case: the territory has preference votes on every list.
		for list in 0..(MAX_OPTIONS - 1) as u8 {
			Preferences::<T>::insert(
				(BENCH_POLL, territory, list),
				PreferenceCounts::truncate_from(alloc::vec![0; MAX_OPTIONS as usize]),
			);
		}
		let results = Totals::<T>::get(BENCH_POLL).unwrap_or_default();
		Results::<T>::insert(BENCH_POLL, results);
		poll.status = PollStatus::Closed { at: poll.end };
		Polls::<T>::insert(BENCH_POLL, poll.clone());
		frame_system::Pallet::<T>::set_block_number(poll.end);
		let reason = [1u8; 32];

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_POLL, territory, reason);

		assert_last_event::<T>(Event::ResultsRecomputed {
			poll: BENCH_POLL,
			results: Tally::empty(MAX_OPTIONS as u8),
		});
		Ok(())
	}

	/// One chunk of `n` ballots of a recount, the chunk that also compares `n` territories
	/// being no dearer.
	#[benchmark]
	fn recount(n: Linear<1, 1_000>) -> Result<(), BenchmarkError> {
		let poll = closed_poll_with::<T>(n + 1);
		Polls::<T>::mutate(poll, |p| {
			if let Some(p) = p {
				p.retain_until = 1_000u32.into()
			}
		});
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll, n);

		assert!(Recounts::<T>::contains_key(poll));
		Ok(())
	}

	#[benchmark]
	fn purge(n: Linear<1, 1_000>) -> Result<(), BenchmarkError> {
		let poll = closed_poll_with::<T>(n);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll, n);

		assert_eq!(Ballots::<T>::iter_prefix(poll).count(), 0);
		Ok(())
	}

	#[benchmark]
	fn open_referendum() -> Result<(), BenchmarkError> {
		let class = T::Referenda::classes().into_iter().next().ok_or(BenchmarkError::Weightless)?;
		let referendum =
			T::Referenda::create_ongoing(class).map_err(|_| BenchmarkError::Weightless)?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), referendum);

		assert!(ReferendumPolls::<T>::contains_key(referendum));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
