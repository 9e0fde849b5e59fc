//! Counting an election from its polls' results by its method's rules (see [`crate::seats`]).

use crate::*;

/// An election as counted.
pub(crate) struct Counted<T: Config> {
	/// The seats won, by constituency, list and rank.
	pub seats: SeatsOf<T>,
	/// A two-round election without a majority: the two candidates of its run-off.
	pub run_off: Option<[T::AccountId; 2]>,
	/// A primary: the candidates it sends on to the final, in their order on its ballot.
	pub advancing: Option<Vec<T::AccountId>>,
	/// A Phragmén election without an accepted claim matching its ballots: its seats are not
	/// known yet.
	pub unsettled: bool,
	/// For each list that won seats in a constituency, its candidates who were not elected, in
	/// the order they take a seat the list vacates.
	pub reserves: Vec<((JurisdictionId, ListIndex), ListCandidatesOf<T::AccountId>)>,
	/// Constituencies counted (for the weight).
	pub constituencies: u32,
	/// Lists counted (for the weight).
	pub lists: u32,
}

impl<T: Config> Pallet<T> {
	/// Counts `election` from its polls' results as they stand.
	pub(crate) fn tally(
		election: ElectionId,
		info: &ElectionOf<T>,
	) -> Result<Counted<T>, DispatchError> {
		let polls = ElectionPolls::<T>::get(election);
		if let Method::PartyList(rules) = &info.method {
			return Self::tally_lists(election, rules, &polls);
		}
		let options = Options::<T>::get(election);
		let (unit, _) = T::Jurisdictions::office(info.office).ok_or(Error::<T>::OfficeNotFound)?;
		let seat = |who: &T::AccountId| Seat { who: who.clone(), constituency: unit, list: None };
		let mut counted = Counted {
			seats: BoundedVec::new(),
			run_off: None,
			advancing: None,
			unsettled: false,
			reserves: Vec::new(),
			constituencies: 1,
			lists: 0,
		};
		let Some((_, poll)) = polls.first().copied() else {
			// Unopposed: no more candidates than seats, all elected without a vote.
			counted.seats = BoundedVec::truncate_from(options.iter().map(seat).collect::<Vec<_>>());
			return Ok(counted);
		};
		let results = T::Polls::results(poll).ok_or(Error::<T>::ElectionNotFound)?;
		let votes: Vec<u64> = results.options.iter().take(options.len()).copied().collect();
		if let ElectionKind::Primary { advance } = info.kind {
			// The most voted go on, in their order on the ballot (no place is won here).
			let mut sent = seats::top(&votes, u32::from(advance));
			sent.sort_unstable();
			counted.advancing =
				Some(sent.iter().filter_map(|i| options.get(*i as usize)).cloned().collect());
			return Ok(counted);
		}
		if info.method == Method::Phragmen {
			// The seats of the accepted claim, while it matches the ballots as they count.
			if Self::phragmen_current(election, poll) {
				counted.seats = Outcomes::<T>::get(election).unwrap_or_default();
			} else {
				counted.unsettled = true;
			}
			return Ok(counted);
		}
		let winners: Vec<u32> = match info.method {
			Method::TwoRound => {
				let ranked = seats::ranking(&votes);
				let total = votes.iter().fold(0u64, |s, v| s.saturating_add(*v));
				let first = ranked.first().copied();
				let votes_of =
					|i: Option<u32>| i.and_then(|i| votes.get(i as usize)).copied().unwrap_or(0);
				if first.is_some() && seats::is_majority(votes_of(first), total) {
					first.into_iter().collect()
				} else {
					let pair = (ranked.first(), ranked.get(1));
					if let (Some(a), Some(b)) = pair {
						let who = |i: &u32| options.get(*i as usize).cloned();
						if let (Some(a), Some(b)) = (who(a), who(b)) {
							counted.run_off = Some([a, b]);
						}
					}
					Vec::new()
				}
			},
			_ => seats::top(&votes, info.seats),
		};
		counted.seats = BoundedVec::truncate_from(
			winners
				.iter()
				.filter_map(|i| options.get(*i as usize))
				.map(seat)
				.collect::<Vec<_>>(),
		);
		Ok(counted)
	}

	/// Counts a party-list election: the threshold over all constituencies, each
	/// constituency's seats to its lists, each list's seats to its candidates by preferences.
	fn tally_lists(
		election: ElectionId,
		rules: &ListRules<T::MaxConstituencies>,
		polls: &[(JurisdictionId, PollId)],
	) -> Result<Counted<T>, DispatchError> {
		let lists = Lists::<T>::decode_len(election).unwrap_or(0);
		let apportionment = Apportionments::<T>::get(election);
		// Each constituency's list votes, and every list's votes over all of them.
		let mut by_constituency: Vec<Vec<u64>> = Vec::with_capacity(polls.len());
		let mut national = alloc::vec![0u64; lists];
		for (_, poll) in polls.iter() {
			let results = T::Polls::results(*poll).ok_or(Error::<T>::ElectionNotFound)?;
			let votes: Vec<u64> =
				(0..lists).map(|l| results.options.get(l).copied().unwrap_or(0)).collect();
			for (n, v) in national.iter_mut().zip(votes.iter()) {
				*n = n.saturating_add(*v);
			}
			by_constituency.push(votes);
		}
		let total = national.iter().fold(0u64, |s, v| s.saturating_add(*v));
		let mut passing: Vec<bool> =
			national.iter().map(|v| seats::reaches(*v, total, rules.threshold)).collect();
		if !passing.iter().any(|p| *p) {
			// Nobody reached the threshold: every list takes part.
			passing = alloc::vec![true; lists];
		}
		let mut counted = Counted {
			seats: BoundedVec::new(),
			run_off: None,
			advancing: None,
			unsettled: false,
			reserves: Vec::new(),
			constituencies: u32::try_from(polls.len()).unwrap_or(u32::MAX),
			lists: u32::try_from(lists).unwrap_or(u32::MAX),
		};
		let mut elected: Vec<Seat<T::AccountId>> = Vec::new();
		for (i, ((constituency, poll), votes)) in
			polls.iter().zip(by_constituency.iter()).enumerate()
		{
			let votes: Vec<u64> = votes
				.iter()
				.zip(passing.iter())
				.map(|(v, pass)| if *pass { *v } else { 0 })
				.collect();
			let candidates: Vec<ListCandidatesOf<T::AccountId>> = (0..lists)
				.map(|l| {
					u8::try_from(l)
						.map(|l| ListCandidates::<T>::get((election, *constituency, l)))
						.unwrap_or_default()
				})
				.collect();
			let caps: Vec<u32> =
				candidates.iter().map(|c| u32::try_from(c.len()).unwrap_or(u32::MAX)).collect();
			let seats_here = apportionment.get(i).copied().unwrap_or(0);
			let won = seats::highest_averages(&votes, seats_here, rules.divisor, &[], &caps);
			for (l, (won, list)) in won.iter().zip(candidates.iter()).enumerate() {
				if *won == 0 {
					continue;
				}
				let Ok(index) = ListIndex::try_from(l) else { continue };
				let preferences = T::Polls::preferences(*poll, index);
				let scores: Vec<u64> =
					(0..list.len()).map(|p| preferences.get(p).copied().unwrap_or(0)).collect();
				let order = seats::ranking(&scores);
				let (first, rest) = order.split_at((*won as usize).min(order.len()));
				for p in first {
					if let Some(who) = list.get(*p as usize) {
						elected.push(Seat {
							who: who.clone(),
							constituency: *constituency,
							list: Some(index),
						});
					}
				}
				let reserve: Vec<T::AccountId> =
					rest.iter().filter_map(|p| list.get(*p as usize).cloned()).collect();
				counted
					.reserves
					.push(((*constituency, index), BoundedVec::truncate_from(reserve)));
			}
		}
		counted.seats = BoundedVec::truncate_from(elected);
		Ok(counted)
	}
}
