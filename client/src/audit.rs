//! Universal verifiability: a poll recounted from the ballots in the block bodies, every proof
//! re-verified natively, with no trust in what the chain counted.
//!
//! The chain keeps no proofs in its state: they stay in the blocks that carried them. An auditor
//! reads every `Ballots.cast` of a poll from an archive node's block bodies ([`Cast`]), rebuilds
//! the commitment of each ring revision of the poll's frozen roll from its members ([`RollRing`],
//! computed here, not read from the chain), and then applies the chain's rules itself
//! ([`recount`]):
//! - every proof is verified first, in large batches spread over the machine's cores (a
//!   proof's validity depends on nothing but itself, its ring, the context and its ballot);
//! - then each block's ballots are judged against the ballots recorded before that block, as
//!   the runtime judges them (window, electorate, choice, credential weight, one ballot per alias
//!   per block, sequence exactly one more than the recorded one, re-vote cooldown, the block's
//!   ballot limit, proofs valid);
//! - the last valid ballot of each alias counts in its territory (the ring set its proof came
//!   from) with its weight; excluded territories are left out of the results.
//!
//! [`compare`] then sets the recount against the chain's territorial tallies and results and
//! names the first territory that disagrees: a runtime that counted a ballot it should not have
//! (a forged proof, a ring outside the roll, a skipped sequence) is caught here.

use crate::{Alias, Context, Member, RingRef, RingSet};
use pallet_veche_ballots::{Ballot, Electorate, PollKind, Tally};
use pallet_veche_personhood::crypto::{Bandersnatch, Commitment, RingDomain, RingVrf};
use std::collections::{BTreeMap, BTreeSet};

/// One `cast` found in a block body, in block order.
#[derive(Clone, Debug)]
pub struct Cast {
	/// The number of the block that carried it.
	pub block: u32,
	/// The ballot.
	pub ballot: Ballot,
}

/// One ring revision of the poll's roll, with the commitment computed from its members.
#[derive(Clone, Debug)]
pub struct RollRing {
	/// The ring and its revision in the roll.
	pub ring: RingRef,
	/// The commitment to its members, built here.
	pub commitment: Commitment,
}

/// The commitment to `members` in the ring-VRF domain `D`, built natively.
pub fn commitment<D: RingDomain>(members: &[Member]) -> Result<Commitment, String> {
	type V<D> = Bandersnatch<D>;
	let chunks = V::<D>::builder_chunks();
	let mut inter = V::<D>::start();
	V::<D>::push(&mut inter, members, |r| chunks.get(r).map(|c| c.to_vec()))
		.map_err(|_| "a ring member is not a valid key".to_string())?;
	V::<D>::finish(&inter).map_err(|_| "the ring's commitment cannot be built".to_string())
}

/// What the chain's rules need of a poll.
#[derive(Clone, Debug)]
pub struct Rules {
	/// The poll.
	pub poll: u32,
	/// Its context (aliases are drawn in it).
	pub context: Context,
	/// What it asks.
	pub kind: PollKind,
	/// The length of each list of a party-list poll (empty for other kinds).
	pub lists: Vec<u8>,
	/// Who votes with what weight.
	pub electorate: Electorate,
	/// Territories (ring sets of constituencies) within the electorate.
	pub territories: BTreeSet<u32>,
	/// The first block of voting.
	pub start: u32,
	/// The first block after voting.
	pub end: u32,
	/// The fewest blocks between two recorded ballots of one alias.
	pub cooldown: u32,
	/// The most ballots one block takes.
	pub per_block: u32,
	/// Territories excluded on appeal.
	pub excluded: BTreeSet<u32>,
}

/// A ballot as the recount recorded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted {
	/// Its territory.
	pub territory: u32,
	/// The options marked.
	pub choice: Vec<u8>,
	/// Its sequence number.
	pub sequence: u32,
	/// Its weight.
	pub weight: u32,
	/// The block that recorded it.
	pub block: u32,
}

/// The recount of a poll.
#[derive(Clone, Debug, Default)]
pub struct Recount {
	/// The ballot counted for each alias.
	pub ballots: BTreeMap<Alias, Counted>,
	/// Per territory, every counted ballot (excluded territories included).
	pub territories: BTreeMap<u32, Tally>,
	/// The results: all territories but the excluded ones.
	pub results: Tally,
	/// Casts found in the blocks.
	pub casts: u64,
	/// Proofs verified.
	pub proofs: u64,
	/// Casts refused by the rules or by their proofs (the chain should never have included a
	/// ballot with a bad proof).
	pub refused: Vec<(u32, String)>,
}

/// Why a cast does not count, checked before its proofs (as the runtime's cheap checks).
fn cheap_check(
	rules: &Rules,
	cast: &Cast,
	roll: &BTreeMap<RingRef, Commitment>,
) -> Result<(u32, u32), String> {
	let b = &cast.ballot;
	if cast.block < rules.start || cast.block >= rules.end {
		return Err("outside the voting window".into());
	}
	let options = rules.kind.options();
	let marks = rules.kind.marks(&b.choice);
	let places_fit = match (rules.kind, rules.kind.preferences(&b.choice)) {
		(PollKind::PartyList { preferences, .. }, Some((list, places))) => {
			let length = rules.lists.get(usize::from(list)).copied().unwrap_or(0);
			places.len() <= usize::from(preferences)
				&& places.windows(2).all(|w| w[0] < w[1])
				&& places.iter().all(|p| *p < length)
		},
		// A rating: an approval, then at most one grade (0 for none, 1 to 6) per sphere.
		(PollKind::Rating { spheres }, _) => {
			b.choice.len() <= 1 + usize::from(spheres) && b.choice.iter().skip(1).all(|g| *g <= 6)
		},
		_ => true,
	};
	if marks.iter().any(|m| *m >= options)
		|| marks.len() > usize::from(rules.kind.max_marks())
		|| !marks.windows(2).all(|w| w[0] < w[1])
		|| !places_fit
	{
		return Err("a choice the poll does not allow".into());
	}
	let RingSet::Constituency(territory) = b.ring.set else {
		return Err("the proof's ring is no territory ring".into());
	};
	if !rules.territories.contains(&territory) {
		return Err(format!("territory {territory} is outside the electorate"));
	}
	if !roll.contains_key(&b.ring) {
		return Err(format!("ring {:?} is not in the poll's roll", b.ring));
	}
	let class = match &b.credential {
		None => None,
		Some((ring, _)) => {
			let RingSet::Credential(class) = ring.set else {
				return Err("the credential proof's ring is no credential ring".into());
			};
			if !roll.contains_key(ring) {
				return Err(format!("credential ring {ring:?} is not in the poll's roll"));
			}
			Some(class)
		},
	};
	let weight = rules.electorate.weight_of(class).ok_or("a ballot that carries no weight")?;
	Ok((territory, weight))
}

/// Verifies `items` in batches spread over the machine's cores.
fn verify_all<D: RingDomain>(
	items: &[(&[u8], &Commitment, &[u8], &[u8])],
) -> Vec<Result<Alias, pallet_veche_primitives::ProofError>> {
	let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).max(1);
	let chunk = items.len().div_ceil(threads).max(1);
	std::thread::scope(|s| {
		let handles: Vec<_> = items
			.chunks(chunk)
			.map(|part| s.spawn(move || Bandersnatch::<D>::batch_validate(part)))
			.collect();
		handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
	})
}

/// Recounts a poll from its casts (in block order) under `rules`, verifying every proof
/// against `roll` in the ring-VRF domain `D`.
pub fn recount<D: RingDomain>(rules: &Rules, casts: &[Cast], roll: &[RollRing]) -> Recount {
	let roll: BTreeMap<RingRef, Commitment> = roll.iter().map(|r| (r.ring, r.commitment)).collect();
	let mut out = Recount { casts: casts.len() as u64, ..Default::default() };
	// Every proof whose ring is in the roll, verified up front: for each cast, the alias all its
	// proofs agree on (`Some(None)`: one failed or they disagree).
	let messages: Vec<Vec<u8>> = casts.iter().map(|c| c.ballot.message()).collect();
	let mut items = Vec::new();
	let mut owners = Vec::new();
	for (n, (cast, message)) in casts.iter().zip(messages.iter()).enumerate() {
		let b = &cast.ballot;
		let proofs = core::iter::once((&b.ring, &b.proof))
			.chain(b.credential.iter().map(|(ring, proof)| (ring, proof)));
		for (ring, proof) in proofs {
			if let Some(commitment) = roll.get(ring) {
				items.push((&proof[..], commitment, &rules.context[..], &message[..]));
				owners.push(n);
			}
		}
	}
	out.proofs = items.len() as u64;
	let mut proven: Vec<Option<Option<Alias>>> = vec![None; casts.len()];
	for (n, outcome) in owners.into_iter().zip(verify_all::<D>(&items)) {
		if let Some(slot) = proven.get_mut(n) {
			*slot = match (slot.take(), outcome) {
				(None, Ok(alias)) => Some(Some(alias)),
				(Some(Some(a)), Ok(alias)) if a == alias => Some(Some(a)),
				_ => Some(None),
			};
		}
	}
	// The casts of one block are judged against what earlier blocks recorded.
	let mut at = 0usize;
	while at < casts.len() {
		let block = casts[at].block;
		let end = casts[at..]
			.iter()
			.position(|c| c.block != block)
			.map_or(casts.len(), |n| at + n);
		let mut pending: Vec<(&Cast, Alias, u32, u32, bool)> = Vec::new();
		for (n, cast) in casts.iter().enumerate().take(end).skip(at) {
			let claimed = match Bandersnatch::<D>::claimed_alias(&cast.ballot.proof) {
				Some(a) => a,
				None => {
					out.refused.push((cast.block, "a malformed proof".into()));
					continue;
				},
			};
			let judged = cheap_check(rules, cast, &roll).and_then(|(territory, weight)| {
				if pending.len() as u32 >= rules.per_block {
					return Err("the block's ballot limit was reached".into());
				}
				if pending.iter().any(|(_, a, ..)| *a == claimed) {
					return Err("a second ballot of one alias in one block".into());
				}
				let previous = out.ballots.get(&claimed);
				let next = previous.map_or(Some(1), |p| p.sequence.checked_add(1));
				if Some(cast.ballot.sequence) != next {
					return Err("a sequence number that is not the next".into());
				}
				if previous.is_some_and(|p| cast.block < p.block.saturating_add(rules.cooldown)) {
					return Err("a re-vote within the cooldown".into());
				}
				Ok((territory, weight))
			});
			match judged {
				Ok((territory, weight)) => {
					let ok = proven.get(n).copied().flatten().flatten() == Some(claimed);
					pending.push((cast, claimed, territory, weight, ok))
				},
				Err(why) => out.refused.push((cast.block, why)),
			}
		}
		// At the end of the block the ballots whose proofs verified are recorded.
		for (cast, claimed, territory, weight, ok) in pending {
			if !ok {
				out.refused.push((cast.block, "a proof that does not verify".into()));
				continue;
			}
			let counted = Counted {
				territory,
				choice: cast.ballot.choice.to_vec(),
				sequence: cast.ballot.sequence,
				weight,
				block,
			};
			out.ballots.insert(claimed, counted);
		}
		at = end;
	}
	let options = rules.kind.options();
	out.results = Tally::empty(options);
	for b in out.ballots.values() {
		out.territories
			.entry(b.territory)
			.or_insert_with(|| Tally::empty(options))
			.apply(rules.kind.marks(&b.choice), b.weight, true);
		if !rules.excluded.contains(&b.territory) {
			out.results.apply(rules.kind.marks(&b.choice), b.weight, true);
		}
	}
	out
}

/// Compares a recount with the chain's territorial tallies and results; the error names the
/// first territory that disagrees (or the results).
pub fn compare(
	recount: &Recount,
	chain_tallies: &BTreeMap<u32, Tally>,
	chain_results: Option<&Tally>,
) -> Result<(), String> {
	let territories: BTreeSet<u32> =
		recount.territories.keys().chain(chain_tallies.keys()).copied().collect();
	for t in territories {
		let ours = recount.territories.get(&t);
		let theirs = chain_tallies.get(&t);
		if ours != theirs {
			return Err(format!(
				"territory {t} disagrees: the ballots in the blocks give {ours:?}, the chain \
				 counted {theirs:?}"
			));
		}
	}
	if let Some(results) = chain_results {
		if *results != recount.results {
			return Err(format!(
				"the results disagree: the ballots give {:?}, the chain stored {results:?}",
				recount.results
			));
		}
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{ballot, keys::Secret, Domain11};
	use pallet_veche_ballots::Choice;

	const TOWN: u32 = 2;
	const OTHER: u32 = 3;

	struct Fixture {
		rules: Rules,
		roll: Vec<RollRing>,
		rings: BTreeMap<u32, (RingRef, Vec<Member>)>,
	}

	/// Voters 1–4 in town 2, 5–8 in town 3, one roll revision each.
	fn fixture() -> Fixture {
		let mut rings = BTreeMap::new();
		let mut roll = Vec::new();
		for (town, voters) in [(TOWN, 1..=4u8), (OTHER, 5..=8u8)] {
			let mut members: Vec<Member> = voters.map(|i| Secret::demo(i).member()).collect();
			members.sort();
			let ring = RingRef { set: RingSet::Constituency(town), index: 0, revision: 3 };
			roll.push(RollRing { ring, commitment: commitment::<Domain11>(&members).unwrap() });
			rings.insert(town, (ring, members));
		}
		let rules = Rules {
			poll: 7,
			context: [9; 32],
			kind: PollKind::YesNo,
			lists: Vec::new(),
			electorate: Electorate {
				units: Default::default(),
				base_weight: 1,
				class_weights: Default::default(),
				aliases: None,
			},
			territories: [TOWN, OTHER].into(),
			start: 10,
			end: 20,
			cooldown: 2,
			per_block: 16,
			excluded: BTreeSet::new(),
		};
		Fixture { rules, roll, rings }
	}

	fn cast(f: &Fixture, voter: u8, choice: &[u8], sequence: u32, block: u32) -> Cast {
		let town = if voter <= 4 { TOWN } else { OTHER };
		let (ring, members) = &f.rings[&town];
		let marks = ballot::Marks {
			poll: f.rules.poll,
			context: f.rules.context,
			choice: Choice::truncate_from(choice.to_vec()),
			sequence,
		};
		let own = ballot::ProvingRing { ring: *ring, members };
		let (ballot, _) = ballot::build(&Secret::demo(voter), &marks, own, None, 255).unwrap();
		Cast { block, ballot }
	}

	fn tally(ballots: u32, options: &[u64]) -> Tally {
		// Every ballot of these tests weighs 1.
		Tally {
			ballots,
			turnout: u64::from(ballots),
			options: options.to_vec().try_into().unwrap(),
		}
	}

	#[test]
	fn a_recount_from_the_blocks_agrees_with_an_honest_chain_and_catches_a_tampered_tally() {
		let f = fixture();
		let casts = vec![
			cast(&f, 1, &[0], 1, 10),
			cast(&f, 2, &[1], 1, 10),
			cast(&f, 5, &[0], 1, 11),
			// Voter 2 re-votes after the cooldown.
			cast(&f, 2, &[0], 2, 12),
		];
		let r = recount::<Domain11>(&f.rules, &casts, &f.roll);
		assert!(r.refused.is_empty(), "{:?}", r.refused);
		assert_eq!(r.proofs, 4);
		let honest: BTreeMap<u32, Tally> =
			[(TOWN, tally(2, &[2, 0])), (OTHER, tally(1, &[1, 0]))].into();
		assert_eq!(compare(&r, &honest, Some(&tally(3, &[3, 0]))), Ok(()));
		// A chain that counted one more "no" in town 3 is caught, and the territory named.
		let mut tampered = honest.clone();
		tampered.insert(OTHER, tally(2, &[1, 1]));
		let err = compare(&r, &tampered, None).unwrap_err();
		assert!(err.starts_with("territory 3 disagrees"), "{err}");
		// So is a chain with a territory the ballots do not have, or other results.
		let mut extra = honest.clone();
		extra.insert(4, tally(1, &[1, 0]));
		assert!(compare(&r, &extra, None).unwrap_err().starts_with("territory 4"));
		assert!(compare(&r, &honest, Some(&tally(3, &[2, 1]))).is_err());
	}

	#[test]
	fn ballots_the_rules_refuse_do_not_count_even_if_a_block_carried_them() {
		let f = fixture();
		let mut forged = cast(&f, 3, &[1], 1, 10);
		// A proof made for another message: well-formed, and wrong.
		forged.ballot.choice = Choice::truncate_from(vec![0]);
		let mut outside = cast(&f, 4, &[1], 1, 10);
		outside.ballot.ring.revision = 4; // a revision not in the roll
		let casts = vec![
			forged,
			outside,
			cast(&f, 1, &[0], 3, 10), // skips the sequence
			cast(&f, 5, &[0], 1, 9),  // before the start
			cast(&f, 6, &[0], 1, 11),
			cast(&f, 6, &[1], 2, 12), // within the cooldown
			cast(&f, 7, &[1], 1, 20), // after the end
		];
		let r = recount::<Domain11>(&f.rules, &casts, &f.roll);
		assert_eq!(r.ballots.len(), 1, "{:?}", r.refused);
		assert_eq!(r.refused.len(), 6);
		assert!(r.refused.iter().any(|(_, why)| why == "a proof that does not verify"));
		assert!(r.refused.iter().any(|(_, why)| why.contains("not in the poll's roll")));
		assert_eq!(r.results, tally(1, &[1, 0]));
	}
}
