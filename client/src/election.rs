//! An independent count of an election, from the ballots its polls stored: every poll recounted
//! (list votes, and preference votes inside the lists, territories excluded on appeal left out)
//! with no trust in the chain's incremental tallies, then the seats allocated by the published
//! rules ([`pallet_veche_elections::seats`]) and compared with the seats the chain counted.
//!
//! And the ballot layout of an election: the choice that marks a list and prefers some of its
//! candidates, or marks candidates outside lists.

use crate::recount;
use pallet_veche_ballots::BallotRecord;
use pallet_veche_elections::{seats, ListIndex, Method, Seat};
use pallet_veche_primitives::PollKind;
use std::collections::{BTreeMap, BTreeSet};

/// An account as stored (`AccountId32`'s encoding).
pub type Account = [u8; 32];

/// A bound at least the runtime's on constituencies (decoding checks only the upper bound).
pub type Bound = frame_support::traits::ConstU32<64>;

/// One poll of an election: a constituency's (outside party lists, the office's unit's).
#[derive(Debug, Clone)]
pub struct PollBallots {
	/// The constituency it was held in.
	pub constituency: u32,
	/// What it asked.
	pub kind: PollKind,
	/// Every ballot it stored.
	pub ballots: Vec<BallotRecord<u32>>,
	/// The territories excluded on appeal.
	pub excluded: BTreeSet<u32>,
}

/// What counting an election needs, as the chain stores it.
#[derive(Debug, Clone)]
pub struct ElectionData {
	/// How it is counted.
	pub method: Method<Bound>,
	/// How many seats it fills.
	pub seats: u32,
	/// For a primary: how many candidates it sends on to the final.
	pub advance: Option<u8>,
	/// The office's unit (the constituency of seats outside party lists).
	pub unit: u32,
	/// The candidates on the ballot, outside party lists, in ballot order.
	pub options: Vec<Account>,
	/// How many party lists there are.
	pub lists: usize,
	/// Each list's candidates in each constituency, in the list's order.
	pub list_candidates: BTreeMap<(u32, ListIndex), Vec<Account>>,
	/// The seats of each constituency, in the rules' order (party lists).
	pub apportionment: Vec<u32>,
	/// Its polls, in the chain's order.
	pub polls: Vec<PollBallots>,
}

/// An election as counted here.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
	/// The seats won, by constituency, list and rank (the chain's order).
	pub seats: Vec<Seat<Account>>,
	/// A two-round election without a majority: its run-off pair.
	pub run_off: Option<[Account; 2]>,
	/// A primary: the candidates it sends on to the final, in ballot order.
	pub advancing: Option<Vec<Account>>,
	/// A Phragmén election: the claim of its outcome (each winner's place on the ballot and
	/// load, in the order elected), as `claim_phragmen` takes it.
	pub phragmen: Option<Vec<pallet_veche_elections::phragmen::Winner>>,
	/// Each poll's votes per option or list (excluded territories left out).
	pub votes: Vec<Vec<u64>>,
	/// Each poll's preference votes per list, by place.
	pub preferences: Vec<BTreeMap<ListIndex, Vec<u64>>>,
}

/// Recounts one poll: its votes per option (list) and, for a party-list poll, each list's
/// preference votes by place — each ballot by its weight, excluded territories left out.
pub fn recount_poll(
	poll: &PollBallots,
) -> Result<(Vec<u64>, BTreeMap<ListIndex, Vec<u64>>), String> {
	let count = recount::count(poll.kind, poll.ballots.iter().cloned(), &poll.excluded)?;
	let mut preferences: BTreeMap<ListIndex, Vec<u64>> = BTreeMap::new();
	if let PollKind::PartyList { .. } = poll.kind {
		for b in poll.ballots.iter().filter(|b| !poll.excluded.contains(&b.territory)) {
			let Some((list, places)) = poll.kind.preferences(&b.choice) else { continue };
			let counts = preferences.entry(list).or_default();
			for place in places {
				let i = usize::from(*place);
				if counts.len() <= i {
					counts.resize(i + 1, 0);
				}
				counts[i] = counts[i].saturating_add(u64::from(b.weight));
			}
		}
	}
	Ok((count.results.options.to_vec(), preferences))
}

/// Counts `e` from its polls' ballots by its method's rules.
pub fn count(e: &ElectionData) -> Result<Outcome, String> {
	let mut out = Outcome::default();
	for poll in e.polls.iter() {
		let (votes, preferences) = recount_poll(poll)?;
		out.votes.push(votes);
		out.preferences.push(preferences);
	}
	match &e.method {
		Method::PartyList(rules) => {
			let mut national = vec![0u64; e.lists];
			for votes in out.votes.iter() {
				for (n, v) in national.iter_mut().zip(votes.iter()) {
					*n = n.saturating_add(*v);
				}
			}
			let total = national.iter().fold(0u64, |s, v| s.saturating_add(*v));
			let mut passing: Vec<bool> =
				national.iter().map(|v| seats::reaches(*v, total, rules.threshold)).collect();
			if !passing.iter().any(|p| *p) {
				passing = vec![true; e.lists];
			}
			for (i, poll) in e.polls.iter().enumerate() {
				let votes: Vec<u64> = (0..e.lists)
					.map(|l| {
						let v = out.votes[i].get(l).copied().unwrap_or(0);
						if passing[l] {
							v
						} else {
							0
						}
					})
					.collect();
				let candidates: Vec<Vec<Account>> = (0..e.lists)
					.map(|l| {
						let l = ListIndex::try_from(l).unwrap_or(ListIndex::MAX);
						e.list_candidates.get(&(poll.constituency, l)).cloned().unwrap_or_default()
					})
					.collect();
				let caps: Vec<u32> = candidates.iter().map(|c| c.len() as u32).collect();
				let here = e.apportionment.get(i).copied().unwrap_or(0);
				let won = seats::highest_averages(&votes, here, rules.divisor, &[], &caps);
				for (l, won) in won.iter().enumerate() {
					if *won == 0 {
						continue;
					}
					let index = ListIndex::try_from(l).map_err(|_| "over 255 lists")?;
					let list = &candidates[l];
					let prefs = out.preferences[i].get(&index).cloned().unwrap_or_default();
					let scores: Vec<u64> =
						(0..list.len()).map(|p| prefs.get(p).copied().unwrap_or(0)).collect();
					for p in seats::ranking(&scores).into_iter().take(*won as usize) {
						out.seats.push(Seat {
							who: list[p as usize],
							constituency: poll.constituency,
							list: Some(index),
						});
					}
				}
			}
		},
		method => {
			let seat = |i: u32| {
				e.options.get(i as usize).map(|who| Seat {
					who: *who,
					constituency: e.unit,
					list: None,
				})
			};
			let stood = e.options.len() as u32;
			let Some(votes) = out.votes.first() else {
				if e.advance.is_some() && stood > e.seats {
					// A primary no more entered than it sends on: all go to the final.
					out.advancing = Some(e.options.clone());
				} else {
					// Unopposed: every candidate is elected without a vote.
					out.seats = (0..stood).filter_map(seat).collect();
				}
				return Ok(out);
			};
			let votes: Vec<u64> = votes.iter().take(e.options.len()).copied().collect();
			if let Some(advance) = e.advance {
				// The most voted go on, in ballot order.
				let mut sent = seats::top(&votes, u32::from(advance));
				sent.sort_unstable();
				out.advancing =
					Some(sent.iter().filter_map(|i| e.options.get(*i as usize)).copied().collect());
				return Ok(out);
			}
			if matches!(method, Method::Phragmen) {
				// Every counted ballot's approvals, by its weight.
				let poll = e.polls.first().ok_or("a Phragmén election without its poll")?;
				let profile: Vec<(Vec<u8>, u64)> = poll
					.ballots
					.iter()
					.filter(|b| !poll.excluded.contains(&b.territory))
					.map(|b| (b.choice.to_vec(), u64::from(b.weight)))
					.collect();
				let options = u8::try_from(e.options.len()).map_err(|_| "over 255 candidates")?;
				let winners = pallet_veche_elections::phragmen::elect(&profile, options, e.seats);
				out.seats = winners.iter().filter_map(|(c, _)| seat(u32::from(*c))).collect();
				out.phragmen = Some(winners);
				return Ok(out);
			}
			let winners = if matches!(method, Method::TwoRound) {
				let ranked = seats::ranking(&votes);
				let total = votes.iter().fold(0u64, |s, v| s.saturating_add(*v));
				let first = ranked.first().map(|i| votes[*i as usize]).unwrap_or(0);
				if !ranked.is_empty() && seats::is_majority(first, total) {
					vec![ranked[0]]
				} else {
					if let (Some(a), Some(b)) = (ranked.first(), ranked.get(1)) {
						out.run_off = Some([e.options[*a as usize], e.options[*b as usize]]);
					}
					Vec::new()
				}
			} else {
				seats::top(&votes, e.seats)
			};
			out.seats = winners.into_iter().filter_map(seat).collect();
		},
	}
	Ok(out)
}

/// The choice of a ballot in a party-list election: list `list`, preferring the candidates
/// `preferred` (accounts on that list in the voter's constituency), at most `max` of them.
pub fn list_choice(
	candidates: &[Account],
	list: ListIndex,
	preferred: &[Account],
	max: u8,
) -> Result<Vec<u8>, String> {
	// The chain refuses it too (`ChoiceOutOfRange`): a list nobody stands for here is not on
	// this constituency's ballot.
	if candidates.is_empty() {
		return Err(format!("list {list} has no candidate in this constituency"));
	}
	if preferred.len() > usize::from(max) {
		return Err(format!("at most {max} preference votes"));
	}
	let mut places = Vec::with_capacity(preferred.len());
	for who in preferred {
		let place = candidates
			.iter()
			.position(|c| c == who)
			.ok_or(format!("0x{} is not on list {list} here", hex::encode(who)))?;
		places.push(place as u8);
	}
	places.sort_unstable();
	if places.windows(2).any(|w| w[0] == w[1]) {
		return Err("a candidate is preferred twice".into());
	}
	let mut choice = vec![list];
	choice.extend(places);
	Ok(choice)
}

/// The choice of a ballot outside party lists: the candidates marked, by their accounts.
pub fn candidate_choice(options: &[Account], marked: &[Account]) -> Result<Vec<u8>, String> {
	let mut marks = Vec::with_capacity(marked.len());
	for who in marked {
		let i = options
			.iter()
			.position(|c| c == who)
			.ok_or(format!("0x{} is not on the ballot", hex::encode(who)))?;
		marks.push(i as u8);
	}
	marks.sort_unstable();
	marks.dedup();
	Ok(marks)
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::sp_runtime::Perbill;
	use pallet_veche_elections::{seats::Divisor, ListRules};

	fn ballot(territory: u32, choice: &[u8], weight: u32) -> BallotRecord<u32> {
		BallotRecord {
			choice: choice.to_vec().try_into().unwrap(),
			territory,
			weight,
			sequence: 0,
			cast_at: 1,
		}
	}

	fn who(n: u8) -> Account {
		[n; 32]
	}

	/// Two constituencies (5 and 6) of 3 and 2 seats, lists A (0) and B (1), D'Hondt, a 10 %
	/// threshold; list C (2) falls under it.
	fn parliament(excluded: &[u32]) -> ElectionData {
		let kind = PollKind::PartyList { lists: 3, preferences: 2 };
		let mut germany = Vec::new();
		// A: 6 ballots, 4 preferring its third candidate; B: 3; C: 1.
		for i in 0..6 {
			germany.push(ballot(50 + (i % 2), if i < 4 { &[0, 2] } else { &[0] }, 1));
		}
		for _ in 0..3 {
			germany.push(ballot(51, &[1, 0], 1));
		}
		germany.push(ballot(50, &[2], 1));
		// Poland: B 4 (in territory 61, which may be excluded), A 1.
		let mut poland = vec![ballot(60, &[0], 1)];
		for _ in 0..4 {
			poland.push(ballot(61, &[1, 1], 1));
		}
		let excluded: BTreeSet<u32> = excluded.iter().copied().collect();
		let mut list_candidates = BTreeMap::new();
		list_candidates.insert((5, 0), vec![who(1), who(2), who(3)]);
		list_candidates.insert((5, 1), vec![who(4), who(5)]);
		list_candidates.insert((5, 2), vec![who(6)]);
		list_candidates.insert((6, 0), vec![who(7)]);
		list_candidates.insert((6, 1), vec![who(8), who(9)]);
		ElectionData {
			method: Method::PartyList(ListRules {
				constituencies: vec![5, 6].try_into().unwrap(),
				min_seats: 1,
				divisor: Divisor::DHondt,
				threshold: Perbill::from_percent(10),
				preferences: 2,
			}),
			seats: 5,
			advance: None,
			unit: 0,
			options: vec![],
			lists: 3,
			list_candidates,
			apportionment: vec![3, 2],
			polls: vec![
				PollBallots { constituency: 5, kind, ballots: germany, excluded: excluded.clone() },
				PollBallots { constituency: 6, kind, ballots: poland, excluded },
			],
		}
	}

	#[test]
	fn a_parliament_is_counted_from_its_ballots_with_preferences_and_threshold() {
		let out = count(&parliament(&[])).unwrap();
		assert_eq!(out.votes, vec![vec![6, 3, 1], vec![1, 4, 0]]);
		assert_eq!(out.preferences[0].get(&0), Some(&vec![0, 0, 4]));
		let seats: Vec<(Account, u32)> =
			out.seats.iter().map(|s| (s.who, s.constituency)).collect();
		// Germany: A 2 (its third candidate first by preferences, then its first), B 1.
		// Poland: B 2 of 2 by D'Hondt (4 against 1), preferences put 9 first.
		assert_eq!(seats, vec![(who(3), 5), (who(1), 5), (who(4), 5), (who(9), 6), (who(8), 6)]);
	}

	#[test]
	fn an_excluded_territory_moves_a_seat() {
		// Without territory 61 Poland has only A's ballot: A takes one seat (its only
		// candidate) and B none — the second seat stays with the capped list rule.
		let with = count(&parliament(&[])).unwrap();
		let without = count(&parliament(&[61])).unwrap();
		assert_ne!(with.seats, without.seats);
		assert_eq!(without.votes[1], vec![1, 0, 0]);
		assert!(without.seats.iter().any(|s| s.who == who(7)));
	}

	#[test]
	fn two_rounds_without_a_majority_name_the_run_off_pair() {
		let kind = PollKind::SingleChoice { options: 3 };
		let ballots = [0, 0, 1, 1, 2].iter().map(|c| ballot(1, &[*c], 1)).collect();
		let e = ElectionData {
			method: Method::TwoRound,
			seats: 1,
			advance: None,
			unit: 4,
			options: vec![who(1), who(2), who(3)],
			lists: 0,
			list_candidates: BTreeMap::new(),
			apportionment: vec![],
			polls: vec![PollBallots { constituency: 4, kind, ballots, excluded: BTreeSet::new() }],
		};
		let out = count(&e).unwrap();
		assert!(out.seats.is_empty());
		assert_eq!(out.run_off, Some([who(1), who(2)]));
	}

	/// A five-seat council of six by approval ballots in two territories: the majority in
	/// territory 1 approves of 1, 2, 3; the minority in territory 2 of 4 and 5.
	fn council(method: Method<Bound>, advance: Option<u8>, excluded: &[u32]) -> ElectionData {
		let options = 6u8;
		let kind = PollKind::Approval { options, max: options };
		let mut ballots: Vec<_> = (0..6).map(|_| ballot(1, &[0, 1, 2], 1)).collect();
		ballots.extend((0..3).map(|_| ballot(2, &[3, 4], 1)));
		ElectionData {
			method,
			seats: 3,
			advance,
			unit: 1,
			options: (1..=options).map(who).collect(),
			lists: 0,
			list_candidates: BTreeMap::new(),
			apportionment: vec![],
			polls: vec![PollBallots {
				constituency: 1,
				kind,
				ballots,
				excluded: excluded.iter().copied().collect(),
			}],
		}
	}

	#[test]
	fn phragmen_seats_the_minority_and_names_the_claim() {
		let out = count(&council(Method::Phragmen, None, &[])).unwrap();
		let seated: Vec<Account> = out.seats.iter().map(|s| s.who).collect();
		// Approval would seat 1, 2, 3; a third of the voters get one seat of three.
		assert_eq!(seated, vec![who(1), who(2), who(4)]);
		let claim = out.phragmen.unwrap();
		assert_eq!(claim.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec![0, 1, 3]);
		assert_eq!(
			count(&council(Method::Approval, None, &[])).unwrap().seats.len(),
			3,
			"the same ballots by approval"
		);
		// The minority's territory excluded: the majority takes every seat.
		let out = count(&council(Method::Phragmen, None, &[2])).unwrap();
		let seated: Vec<Account> = out.seats.iter().map(|s| s.who).collect();
		assert_eq!(seated, vec![who(1), who(2), who(3)]);
	}

	#[test]
	fn a_primary_sends_on_its_most_voted_in_ballot_order() {
		// 1, 2, 3: 6 approvals each; 4, 5: 3; 6: none. Four go on: 1, 2, 3 and 4 (before 5).
		let out = count(&council(Method::Approval, Some(4), &[])).unwrap();
		assert!(out.seats.is_empty());
		assert_eq!(out.advancing, Some(vec![who(1), who(2), who(3), who(4)]));
	}

	#[test]
	fn ballot_layouts_name_places_on_the_list_and_refuse_strangers() {
		let list = [who(1), who(2), who(3)];
		assert_eq!(list_choice(&list, 4, &[who(3), who(1)], 2).unwrap(), vec![4, 0, 2]);
		assert!(list_choice(&list, 4, &[who(9)], 2).is_err());
		assert!(list_choice(&list, 4, &[who(1), who(2), who(3)], 2).is_err());
		assert!(list_choice(&list, 4, &[who(1), who(1)], 2).is_err());
		// A list with nobody on it in the constituency is not on its ballot.
		assert!(list_choice(&[], 4, &[], 2).is_err());
		assert_eq!(candidate_choice(&list, &[who(3), who(2)]).unwrap(), vec![1, 2]);
		assert!(candidate_choice(&list, &[who(7)]).is_err());
	}
}
