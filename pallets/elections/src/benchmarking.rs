//! Benchmarks of elections, worst case: party lists of 64 candidates, every constituency and
//! list the rules allow, full holders' lists.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` a positive identity judgement.
	fn identify(who: &AccountId);
	/// Makes an office with `MaxSeats` seats at a unit with (at least) `c` constituencies
	/// below it; returns the office and `c` of them, sorted, none within another.
	fn parliament(c: u32) -> (OfficeId, Vec<JurisdictionId>);
	/// Makes `poll`'s results as if ballots had been cast in it: `votes` per list, and the
	/// preference votes of each list (by place).
	fn set_results(poll: PollId, votes: Vec<u64>, preferences: Vec<(u8, Vec<u64>)>);
	/// Stores `ballots` (marks and weight) in `poll` as if they had been cast, each under its
	/// own alias, in a territory that is not excluded.
	fn store_ballots(poll: PollId, ballots: Vec<(Vec<u8>, u32)>);
}

/// The size the benchmarks declare: the largest (the weight is refunded to the actual one).
fn big<T: Config>() -> ElectionSize {
	ElectionSize {
		constituencies: T::MaxConstituencies::get(),
		lists: MAX_LISTS,
		seats: T::MaxSeats::get(),
	}
}

/// Candidates on every list in every constituency: as many as a list can have.
const PER_LIST: u32 = MAX_LISTS;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(
		<T as frame_system::Config>::RuntimeEvent::from(event).into(),
	);
}

fn now<T: Config>() -> BlockNumberFor<T> {
	T::BlockNumberProvider::current_block_number()
}

fn set_now<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
}

/// A funded, identified account.
fn person<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	let funds = T::CandidacyDeposit::get()
		.saturating_add(T::ListDeposit::get())
		.saturating_mul(4u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, funds);
	T::BenchmarkHelper::identify(&who);
	who
}

fn list_rules<T: Config>(constituencies: Vec<JurisdictionId>) -> OfficeRulesOf<T> {
	OfficeRules {
		method: Method::PartyList(ListRules {
			constituencies: BoundedVec::truncate_from(constituencies),
			min_seats: 1,
			divisor: seats::Divisor::SainteLague,
			threshold: Perbill::from_percent(1),
			preferences: (MAX_LISTS - 1) as u8,
		}),
		term: 1_000u32.into(),
		nomination: 10u32.into(),
		voting: 10u32.into(),
		promotion: false,
		primary: 0,
	}
}

fn plurality<T: Config>() -> OfficeRulesOf<T> {
	OfficeRules {
		method: Method::Plurality,
		term: 1_000u32.into(),
		nomination: 10u32.into(),
		voting: 10u32.into(),
		promotion: true,
		primary: 0,
	}
}

/// A party-list election of the parliament over `c` constituencies in nomination, with `l`
/// lists of [`PER_LIST`] endorsed candidates in each (written directly: the nominations' own
/// cost is benchmarked one by one).
fn list_election<T: Config>(c: u32, l: u32) -> (ElectionId, OfficeId, Vec<JurisdictionId>) {
	let (office, constituencies) = T::BenchmarkHelper::parliament(c);
	let rules = list_rules::<T>(constituencies.clone());
	Rules::<T>::insert(office, rules.clone());
	let (_, seats) = T::Jurisdictions::office(office).unwrap_or((0, 0));
	let voting_start = now::<T>() + rules.nomination;
	let election =
		Pallet::<T>::new_election(office, ElectionKind::Regular, seats, &rules, voting_start, None)
			.expect("a new election");
	Running::<T>::insert(office, election);
	let agent: T::AccountId = account("agent", 0, 0);
	let lists: Vec<PartyListOf<T>> = (0..l)
		.map(|_| PartyList {
			agent: agent.clone(),
			name: BoundedVec::truncate_from(b"list".to_vec()),
			deposit: Zero::zero(),
		})
		.collect();
	Lists::<T>::insert(election, BoundedVec::truncate_from(lists));
	let mut n = 0u32;
	for constituency in constituencies.iter() {
		for list in 0..l {
			let candidates: Vec<T::AccountId> = (0..PER_LIST)
				.map(|_| {
					n += 1;
					account("candidate", n, 0)
				})
				.collect();
			ListCandidates::<T>::insert(
				(election, *constituency, list as u8),
				BoundedVec::truncate_from(candidates),
			);
		}
	}
	Elections::<T>::mutate(election, |e| {
		if let Some(e) = e {
			e.candidates = n;
		}
	});
	(election, office, constituencies)
}

/// Frees the last place of list 0 in `constituency` and returns a funded, identified person to
/// take it.
fn one_place_left<T: Config>(election: ElectionId, constituency: JurisdictionId) -> T::AccountId {
	ListCandidates::<T>::mutate((election, constituency, 0u8), |c| {
		c.pop();
	});
	Elections::<T>::mutate(election, |e| {
		if let Some(e) = e {
			e.candidates -= 1;
		}
	});
	person::<T>("candidate", 0)
}

/// The election voted: polls open, `seats` apportioned evenly, every list voted for with
/// every place preferred (differently), and the clock past the end of voting.
fn voted<T: Config>(election: ElectionId, l: u32, seats: u32) {
	set_now::<T>(Elections::<T>::get(election).map(|e| e.voting_start).unwrap_or_default());
	Pallet::<T>::open_voting(
		RawOrigin::Signed(account("anyone", 0, 0)).into(),
		election,
		big::<T>(),
	)
	.expect("voting opens");
	let polls = ElectionPolls::<T>::get(election);
	let c = polls.len() as u32;
	let mut apportionment: Vec<u32> = alloc::vec![seats / c.max(1); c as usize];
	if let Some(first) = apportionment.first_mut() {
		*first += seats - (seats / c.max(1)) * c;
	}
	Apportionments::<T>::insert(election, BoundedVec::truncate_from(apportionment));
	for (_, poll) in polls.iter() {
		let votes: Vec<u64> = (0..l as u64).map(|i| 1_000 + i * 7).collect();
		let preferences = (0..l as u8)
			.map(|list| (list, (0..PER_LIST as u64).map(|p| (p * 13 + list as u64) % 97).collect()))
			.collect();
		T::BenchmarkHelper::set_results(*poll, votes, preferences);
	}
	let end = Elections::<T>::get(election).map(|e| e.voting_end).unwrap_or_default();
	set_now::<T>(end);
}

/// A counted Phragmén election of [`phragmen::MAX_SEATS`] seats between 64 candidates, with `b`
/// ballots each approving of all of them (so that a check adds every ballot to every round's
/// sums): the claim [`phragmen::elect`] makes of them, and a funded claimant.
fn phragmen_counted<T: Config>(b: u32) -> (ElectionId, ClaimOf, T::AccountId) {
	let (office, _) = T::BenchmarkHelper::parliament(1);
	let rules = OfficeRules { method: Method::Phragmen, ..plurality::<T>() };
	Rules::<T>::insert(office, rules.clone());
	let voting_start = now::<T>() + rules.nomination;
	let seats = phragmen::MAX_SEATS;
	let election =
		Pallet::<T>::new_election(office, ElectionKind::Regular, seats, &rules, voting_start, None)
			.expect("a new election");
	let candidates: Vec<T::AccountId> =
		(0..MAX_LISTS).map(|i| account("candidate", i, 0)).collect();
	Options::<T>::insert(election, BoundedVec::truncate_from(candidates));
	Elections::<T>::mutate(election, |e| {
		if let Some(e) = e {
			e.candidates = MAX_LISTS;
		}
	});
	set_now::<T>(voting_start);
	Pallet::<T>::open_voting(
		RawOrigin::Signed(account("anyone", 0, 0)).into(),
		election,
		big::<T>(),
	)
	.expect("voting opens");
	let (_, poll) = ElectionPolls::<T>::get(election).first().copied().expect("a poll");
	let all: Vec<u8> = (0..MAX_LISTS as u8).collect();
	let ballots: Vec<(Vec<u8>, u32)> = (0..b).map(|_| (all.clone(), 1)).collect();
	T::BenchmarkHelper::store_ballots(poll, ballots.clone());
	T::BenchmarkHelper::set_results(poll, alloc::vec![b as u64; MAX_LISTS as usize], Vec::new());
	set_now::<T>(Elections::<T>::get(election).map(|e| e.voting_end).unwrap_or_default());
	Pallet::<T>::count(RawOrigin::Signed(account("anyone", 0, 0)).into(), election, big::<T>())
		.expect("counted");
	let profile: Vec<(Vec<u8>, u64)> =
		ballots.into_iter().map(|(m, w)| (m, u64::from(w))).collect();
	let claim = BoundedVec::truncate_from(phragmen::elect(&profile, MAX_LISTS as u8, seats));
	let claimant: T::AccountId = account("claimant", 0, 0);
	T::Currency::set_balance(
		&claimant,
		T::ClaimDeposit::get().saturating_add(T::Currency::minimum_balance()),
	);
	(election, claim, claimant)
}

/// Moves the clock past the appeal windows of `election`'s polls.
fn past_appeals<T: Config>(election: ElectionId) {
	let end = ElectionPolls::<T>::get(election)
		.iter()
		.filter_map(|(_, p)| T::Polls::summary(*p).map(|s| s.appeal_end))
		.max()
		.unwrap_or_default();
	set_now::<T>(end.max(now::<T>()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_rules() -> Result<(), BenchmarkError> {
		let origin =
			T::ScheduleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (office, constituencies) = T::BenchmarkHelper::parliament(T::MaxConstituencies::get());
		let rules = list_rules::<T>(constituencies);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office, rules.clone());

		assert_last_event::<T>(Event::RulesSet { office, rules });
		Ok(())
	}

	#[benchmark]
	fn schedule() -> Result<(), BenchmarkError> {
		let origin =
			T::ScheduleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (office, constituencies) = T::BenchmarkHelper::parliament(T::MaxConstituencies::get());
		Rules::<T>::insert(office, list_rules::<T>(constituencies));
		// Well past the nomination period, whatever block the call runs in.
		let voting_start = now::<T>() + 1_000u32.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office, voting_start);

		assert!(Running::<T>::contains_key(office));
		Ok(())
	}

	/// A candidate of an office that promotes by record, with a full record of service to
	/// search, on a ballot with one place left.
	#[benchmark]
	fn nominate() -> Result<(), BenchmarkError> {
		let (office, _) = T::BenchmarkHelper::parliament(1);
		let mut rules = plurality::<T>();
		rules.promotion = true;
		let election = Pallet::<T>::new_election(
			office,
			ElectionKind::Regular,
			1,
			&rules,
			now::<T>() + 10u32.into(),
			None,
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		let others: Vec<T::AccountId> =
			(0..MAX_LISTS - 1).map(|i| account("other", i, 0)).collect();
		Options::<T>::insert(election, BoundedVec::truncate_from(others));
		Elections::<T>::mutate(election, |e| {
			if let Some(e) = e {
				e.candidates = MAX_LISTS - 1;
			}
		});
		let who = person::<T>("candidate", 0);
		let served = Service {
			office: office + 1,
			level: pallet_veche_primitives::UnitKind::Municipality,
			election: election + 1,
			since: Zero::zero(),
			until: Zero::zero(),
			left: None,
		};
		let records = alloc::vec![served; T::MaxServiceRecords::get() as usize];
		Records::<T>::insert(&who, BoundedVec::truncate_from(records));

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), election, None);

		assert!(Candidacies::<T>::contains_key(election, &who));
		Ok(())
	}

	#[benchmark]
	fn register_list() -> Result<(), BenchmarkError> {
		let (election, _, _) = list_election::<T>(1, MAX_LISTS - 1);
		let agent = person::<T>("agent", 1);
		let name = BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxNameLen::get() as usize]);

		#[extrinsic_call]
		_(RawOrigin::Signed(agent), election, name);

		assert_eq!(Lists::<T>::decode_len(election), Some(MAX_LISTS as usize));
		Ok(())
	}

	#[benchmark]
	fn endorse() -> Result<(), BenchmarkError> {
		let (election, _, constituencies) = list_election::<T>(1, 1);
		let constituency = *constituencies.first().ok_or(BenchmarkError::Weightless)?;
		let agent: T::AccountId = account("agent", 0, 0);
		let who = one_place_left::<T>(election, constituency);
		Pallet::<T>::nominate(
			RawOrigin::Signed(who.clone()).into(),
			election,
			Some((0, constituency)),
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		let lookup = T::Lookup::unlookup(who.clone());

		#[extrinsic_call]
		_(RawOrigin::Signed(agent), election, lookup);

		assert!(Candidacies::<T>::get(election, &who).is_some_and(|c| c.endorsed));
		Ok(())
	}

	/// The last candidate of a full list withdraws.
	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let (election, _, constituencies) = list_election::<T>(1, 1);
		let constituency = *constituencies.first().ok_or(BenchmarkError::Weightless)?;
		let who = one_place_left::<T>(election, constituency);
		let agent: T::AccountId = account("agent", 0, 0);
		Pallet::<T>::nominate(
			RawOrigin::Signed(who.clone()).into(),
			election,
			Some((0, constituency)),
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::endorse(
			RawOrigin::Signed(agent).into(),
			election,
			T::Lookup::unlookup(who.clone()),
		)
		.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), election);

		assert!(!Candidacies::<T>::contains_key(election, &who));
		Ok(())
	}

	/// `c` constituencies, each a poll of 64 full lists.
	#[benchmark]
	fn open_voting(c: Linear<1, { T::MaxConstituencies::get() }>) -> Result<(), BenchmarkError> {
		let (election, _, _) = list_election::<T>(c, MAX_LISTS);
		set_now::<T>(Elections::<T>::get(election).map(|e| e.voting_start).unwrap_or_default());
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), election, big::<T>());

		assert_eq!(ElectionPolls::<T>::decode_len(election), Some(c as usize));
		Ok(())
	}

	/// `c` constituencies of `l` lists of 64 candidates, every seat allocated.
	#[benchmark]
	fn count(
		c: Linear<1, { T::MaxConstituencies::get() }>,
		l: Linear<1, MAX_LISTS>,
	) -> Result<(), BenchmarkError> {
		let (election, _, _) = list_election::<T>(c, l);
		voted::<T>(election, l, T::MaxSeats::get());
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), election, big::<T>());

		assert!(Outcomes::<T>::contains_key(election));
		Ok(())
	}

	/// `c` constituencies of `l` lists of 64 candidates, `s` seats filled, every former holder
	/// leaving office.
	#[benchmark]
	fn certify(
		c: Linear<1, { T::MaxConstituencies::get() }>,
		l: Linear<1, MAX_LISTS>,
		s: Linear<1, { T::MaxSeats::get() }>,
	) -> Result<(), BenchmarkError> {
		let (election, office, _) = list_election::<T>(c, l);
		voted::<T>(election, l, s);
		Pallet::<T>::count(RawOrigin::Signed(account("anyone", 0, 0)).into(), election, big::<T>())
			.map_err(|_| BenchmarkError::Weightless)?;
		past_appeals::<T>(election);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), election, big::<T>());

		assert_eq!(Elections::<T>::get(election).map(|e| e.stage), Some(Stage::Certified));
		assert!(Holders::<T>::decode_len(office).unwrap_or(0) <= s as usize);
		Ok(())
	}

	/// A list candidate's deposit, judged by its list's votes over `c` constituencies.
	#[benchmark]
	fn release_deposit(
		c: Linear<1, { T::MaxConstituencies::get() }>,
	) -> Result<(), BenchmarkError> {
		let (election, _, constituencies) = list_election::<T>(c, 2);
		let who = person::<T>("candidate", 0);
		Pallet::<T>::nominate(
			RawOrigin::Signed(who.clone()).into(),
			election,
			Some((1, *constituencies.first().ok_or(BenchmarkError::Weightless)?)),
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		voted::<T>(election, 2, c);
		Pallet::<T>::count(RawOrigin::Signed(account("anyone", 0, 0)).into(), election, big::<T>())
			.map_err(|_| BenchmarkError::Weightless)?;
		past_appeals::<T>(election);
		Pallet::<T>::certify(
			RawOrigin::Signed(account("anyone", 0, 0)).into(),
			election,
			big::<T>(),
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		let caller: T::AccountId = whitelisted_caller();
		let lookup = T::Lookup::unlookup(who.clone());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), election, lookup);

		assert!(!Candidacies::<T>::contains_key(election, &who));
		Ok(())
	}

	/// A holder of a full parliament leaves; the next of the list takes the seat.
	#[benchmark]
	fn resign() -> Result<(), BenchmarkError> {
		let (election, office, _) = list_election::<T>(1, 1);
		voted::<T>(election, 1, T::MaxSeats::get().min(PER_LIST - 1));
		Pallet::<T>::count(RawOrigin::Signed(account("anyone", 0, 0)).into(), election, big::<T>())
			.map_err(|_| BenchmarkError::Weightless)?;
		past_appeals::<T>(election);
		Pallet::<T>::certify(
			RawOrigin::Signed(account("anyone", 0, 0)).into(),
			election,
			big::<T>(),
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		let holder =
			Holders::<T>::get(office).first().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(holder.seat.who.clone()), office);

		assert!(!Holders::<T>::get(office).iter().any(|h| h.seat.who == holder.seat.who));
		Ok(())
	}

	/// A claim of 16 winners among 64 candidates, with its deposit.
	#[benchmark]
	fn claim_phragmen() -> Result<(), BenchmarkError> {
		let (election, claim, claimant) = phragmen_counted::<T>(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), election, claim);

		assert!(Claims::<T>::contains_key(election));
		Ok(())
	}

	/// The last `b` ballots of a claim's check, each approving of all 64 candidates, then the
	/// verification of 16 rounds and the seats counted.
	#[benchmark]
	fn check_phragmen(b: Linear<1, 1_000>) -> Result<(), BenchmarkError> {
		let (election, claim, claimant) = phragmen_counted::<T>(b);
		Pallet::<T>::claim_phragmen(RawOrigin::Signed(claimant).into(), election, claim)
			.map_err(|_| BenchmarkError::Weightless)?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), election, b);

		assert_eq!(
			Outcomes::<T>::decode_len(election),
			Some(phragmen::MAX_SEATS as usize),
			"the claim was accepted"
		);
		Ok(())
	}

	/// A court removes a single-seat holder; a by-election is called.
	#[benchmark]
	fn remove_holder() -> Result<(), BenchmarkError> {
		let origin =
			T::RemovalOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (office, _) = T::BenchmarkHelper::parliament(1);
		Rules::<T>::insert(office, plurality::<T>());
		let rules = plurality::<T>();
		let election =
			Pallet::<T>::new_election(office, ElectionKind::Regular, 1, &rules, now::<T>(), None)
				.map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("holder", 0, 0);
		let seat = Seat { who: who.clone(), constituency: 0, list: None };
		Elections::<T>::mutate(election, |e| {
			if let Some(e) = e {
				e.stage = Stage::Certified;
			}
		});
		Holders::<T>::insert(
			office,
			BoundedVec::truncate_from(alloc::vec![Holder {
				seat,
				election,
				since: now::<T>(),
				until: now::<T>() + 1_000u32.into(),
			}]),
		);
		let next = NextElectionId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office, T::Lookup::unlookup(who), [0u8; 32]);

		assert!(Elections::<T>::contains_key(next));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
