//! Juries from the command line: a volunteer's enrolment and acceptance (ring-VRF proofs in the
//! jury's context), and anyone's recomputation of a draw from what the chain stored.

use crate::{
	chain::{self, Client},
	keys::Secret,
	to_hex, Member, RingRef, RingSet,
};
use codec::{Decode, Encode};
use pallet_veche_juries::{sortition, Jury, Stratum, Summons};
use pallet_veche_primitives::{Alias, JurisdictionId};
use subxt::dynamic::Value;

/// A jury as stored.
pub type JuryInfo = Jury<u32>;

/// Jury `id` (the runtime's view function `jury`).
pub async fn jury(client: &Client, id: u32) -> Result<Option<JuryInfo>, String> {
	chain::view(client, "Juries", "jury", (Value::u128(id.into()),)).await
}

/// The strata of jury `id`'s pool in draw order (the view function `strata`).
pub async fn strata(client: &Client, id: u32) -> Result<Vec<(JurisdictionId, Stratum)>, String> {
	chain::view(client, "Juries", "strata", (Value::u128(id.into()),)).await
}

/// The summons of `alias` in jury `id` (the view function `summons_of`).
pub async fn summons(
	client: &Client,
	id: u32,
	alias: Alias,
) -> Result<Option<Summons<u32>>, String> {
	chain::view(client, "Juries", "summons_of", (Value::u128(id.into()), Value::from_bytes(alias)))
		.await
}

/// The alias at `place` of `stratum` in jury `id`'s pool, read from storage.
pub async fn pool_alias(
	client: &Client,
	id: u32,
	stratum: JurisdictionId,
	place: u32,
) -> Result<Option<Alias>, String> {
	use frame_support::{storage::storage_prefix, StorageHasher, Twox64Concat};
	let mut key = storage_prefix(b"Juries", b"Pool").to_vec();
	key.extend(Twox64Concat::hash(&id.encode()));
	key.extend(Twox64Concat::hash(&stratum.encode()));
	key.extend(Twox64Concat::hash(&place.encode()));
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	match at.storage().fetch_raw(key).await {
		Ok(bytes) if bytes.is_empty() => Ok(None),
		Ok(bytes) => Alias::decode(&mut &bytes[..]).map(Some).map_err(|e| e.to_string()),
		Err(e) if e.to_string().to_lowercase().contains("no storage value found") => Ok(None),
		Err(e) => Err(e.to_string()),
	}
}

/// A proof by `secret` of the ring of `set` holding its key, as the jury's roll holds it, for
/// the jury's context over `message`.
async fn proof_of(
	client: &Client,
	info: &JuryInfo,
	secret: &Secret,
	set: RingSet,
	message: &[u8],
) -> Result<(RingRef, Vec<u8>), String> {
	let member: Member = secret.member();
	let capacity = chain::ring_capacity(client).await?;
	for index in 0..1_000u32 {
		let Some((revision, members)) = chain::roll_ring(client, set, index, info.roll).await?
		else {
			break;
		};
		if members.contains(&member) {
			let (proof, _) =
				crate::proof::prove(secret, &members, capacity, &info.context, message)
					.ok_or("the key is not in its ring")?;
			return Ok((RingRef { set, index, revision }, proof));
		}
	}
	Err(format!(
		"your key is in no ring of {} as the jury's roll holds it (a key registered or rotated \
		 after the bill was sent enrols in the next jury)",
		chain::show_set(set)
	))
}

/// Enrols `secret`'s holder in jury `id`: a proof of their constituency ring and, if the jury
/// asks for a credential, of their credential ring. Returns the alias and the extrinsic.
pub async fn enrol(client: &Client, secret: &Secret, id: u32) -> Result<(Alias, String), String> {
	let info = jury(client, id).await?.ok_or("no such jury")?;
	let (set, _) = chain::ring_of_key(client, secret.member())
		.await?
		.ok_or("your key is in no ring yet (its cohort waits, or it is suspended)")?;
	let message = pallet_veche_juries::enrol_message(id);
	let (ring, proof) = proof_of(client, &info, secret, set, &message).await?;
	let credential = match info.credential {
		Some(class) => {
			Some(proof_of(client, &info, secret, RingSet::Credential(class), &message).await?)
		},
		None => None,
	};
	let args = (id, ring, proof, credential).encode();
	let xt = chain::general(client, "Juries", "enrol", args, "the enrolment").await?;
	Ok((secret.alias(&info.context), xt))
}

/// Accepts `secret`'s holder's summons in jury `id`. Returns the alias and the extrinsic.
pub async fn accept(client: &Client, secret: &Secret, id: u32) -> Result<(Alias, String), String> {
	let info = jury(client, id).await?.ok_or("no such jury")?;
	let alias = secret.alias(&info.context);
	if summons(client, id, alias).await?.is_none() {
		return Err("you were not drawn for this jury".into());
	}
	let (set, _) = chain::ring_of_key(client, secret.member())
		.await?
		.ok_or("your key is in no ring")?;
	let message = pallet_veche_juries::accept_message(id);
	let (ring, proof) = proof_of(client, &info, secret, set, &message).await?;
	let args = (id, ring, proof).encode();
	let xt = chain::general(client, "Juries", "accept", args, "the acceptance").await?;
	Ok((alias, xt))
}

/// What a draw's recomputation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawCheck {
	/// The seed recomputed from the recorded randomness.
	pub seed: [u8; 32],
	/// The quotas recomputed from the strata's persons and volunteers, per stratum.
	pub quotas: Vec<(JurisdictionId, u32)>,
	/// Every drawn position: stratum, position, place, alias.
	pub drawn: Vec<(JurisdictionId, u32, u32, Alias)>,
	/// What disagrees with the chain (empty: the draw is as the rules and the seed make it).
	pub faults: Vec<String>,
}

/// Recomputes a jury's draw from its record, strata and pool (`place_alias(stratum, place)`)
/// and checks each drawn position's alias against its summons (`summons_of(alias)`).
pub fn check_draw(
	id: u32,
	info: &JuryInfo,
	strata: &[(JurisdictionId, Stratum)],
	place_alias: impl Fn(JurisdictionId, u32) -> Option<Alias>,
	summons_of: impl Fn(&Alias) -> Option<Summons<u32>>,
) -> Result<DrawCheck, String> {
	let draw = info.draw.ok_or("the jury has not been drawn yet")?;
	let mut faults = Vec::new();
	let seed = sortition::seed(id, draw.relay.epoch, &draw.relay.randomness);
	if seed != draw.seed {
		faults.push("the stored seed is not the recorded randomness's".into());
	}
	let sizes: Vec<sortition::StratumSize> = strata
		.iter()
		.map(|(s, r)| sortition::StratumSize {
			stratum: *s,
			persons: r.persons,
			volunteers: r.volunteers,
		})
		.collect();
	let quotas = sortition::quotas(info.size, &sizes);
	let mut drawn = Vec::new();
	for ((stratum, record), quota) in strata.iter().zip(&quotas) {
		if record.quota != *quota {
			faults.push(format!(
				"stratum {stratum}: quota {} stored, {quota} by the rule",
				record.quota
			));
		}
		let order = sortition::permutation_prefix(&seed, *stratum, record.volunteers, record.drawn);
		for (position, place) in order.into_iter().enumerate() {
			let position = position as u32;
			let Some(alias) = place_alias(*stratum, place) else {
				faults.push(format!("stratum {stratum}: no volunteer at place {place}"));
				continue;
			};
			match summons_of(&alias) {
				Some(s) if s.stratum == *stratum && s.position == position => {},
				Some(s) => faults.push(format!(
					"stratum {stratum} position {position}: summoned as {}/{}",
					s.stratum, s.position
				)),
				None => faults.push(format!(
					"stratum {stratum} position {position}: {} not summoned",
					to_hex(&alias)
				)),
			}
			drawn.push((*stratum, position, place, alias));
		}
	}
	Ok(DrawCheck {
		seed,
		quotas: strata.iter().map(|(s, _)| *s).zip(quotas).collect(),
		drawn,
		faults,
	})
}

/// Recomputes jury `id`'s draw from the chain's state (see [`check_draw`]).
pub async fn verify(client: &Client, id: u32) -> Result<(JuryInfo, DrawCheck), String> {
	let info = jury(client, id).await?.ok_or("no such jury")?;
	let strata = strata(client, id).await?;
	let mut aliases = std::collections::BTreeMap::new();
	for (stratum, record) in &strata {
		let draw = info.draw.ok_or("the jury has not been drawn yet")?;
		for place in
			sortition::permutation_prefix(&draw.seed, *stratum, record.volunteers, record.drawn)
		{
			if let Some(alias) = pool_alias(client, id, *stratum, place).await? {
				aliases.insert((*stratum, place), alias);
			}
		}
	}
	let mut summonses = std::collections::BTreeMap::new();
	for alias in aliases.values() {
		if let Some(s) = summons(client, id, *alias).await? {
			summonses.insert(*alias, s);
		}
	}
	let check = check_draw(
		id,
		&info,
		&strata,
		|s, p| aliases.get(&(s, p)).copied(),
		|a| summonses.get(a).copied(),
	)?;
	Ok((info, check))
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_veche_juries::{DrawRecord, JuryStage, RandomnessSource, RelayEpoch, SummonsStatus};

	fn info(seed: [u8; 32]) -> JuryInfo {
		Jury {
			act: 2,
			version: 0,
			unit: 3,
			size: 3,
			credential: Some(1),
			context: [0; 32],
			roll: 1,
			freeze: 10,
			acceptance: 5,
			voting: 5,
			volunteers: 6,
			pending: 0,
			seated: 3,
			draw: Some(DrawRecord {
				relay: RelayEpoch { epoch: 4, randomness: [4; 32], relay_block: 40, block: 12 },
				source: RandomnessSource::Mock,
				seed,
			}),
			stage: JuryStage::Seating,
			ended: None,
		}
	}

	/// A draw made by the rule passes; a summons at the wrong position, a stored seed that is not
	/// the randomness's, and a quota off the rule are each reported.
	#[test]
	fn a_draw_is_recomputed_and_every_deviation_named() {
		let seed = sortition::seed(0, 4, &[4; 32]);
		let strata = vec![
			(3, Stratum { volunteers: 4, persons: 8, quota: 2, drawn: 2, seated: 2 }),
			(4, Stratum { volunteers: 2, persons: 4, quota: 1, drawn: 1, seated: 1 }),
		];
		let alias = |s: u32, p: u32| -> Alias { [s as u8 * 16 + p as u8; 32] };
		let mut summoned = std::collections::BTreeMap::new();
		for (s, r) in &strata {
			for (i, p) in sortition::permutation_prefix(&seed, *s, r.volunteers, r.drawn)
				.into_iter()
				.enumerate()
			{
				let summons = Summons {
					stratum: *s,
					position: i as u32,
					deadline: 20,
					status: SummonsStatus::Seated,
				};
				summoned.insert(alias(*s, p), summons);
			}
		}
		let ok = check_draw(
			0,
			&info(seed),
			&strata,
			|s, p| Some(alias(s, p)),
			|a| summoned.get(a).copied(),
		)
		.unwrap();
		assert!(ok.faults.is_empty(), "{:?}", ok.faults);
		assert_eq!(ok.drawn.len(), 3);
		assert_eq!(ok.quotas, vec![(3, 2), (4, 1)]);
		// The chain summoned someone else at stratum 4's first position.
		let (first, _) =
			summoned.iter().find(|(_, s)| s.stratum == 4).map(|(a, s)| (*a, *s)).unwrap();
		let mut forged = summoned.clone();
		forged.remove(&first);
		let bad = check_draw(
			0,
			&info(seed),
			&strata,
			|s, p| Some(alias(s, p)),
			|a| forged.get(a).copied(),
		)
		.unwrap();
		assert_eq!(bad.faults.len(), 1);
		// A seed that is not the recorded randomness's, and a quota off the rule.
		let mut skewed = strata.clone();
		skewed[0].1.quota = 3;
		let bad =
			check_draw(0, &info([9; 32]), &skewed, |s, p| Some(alias(s, p)), |_| None).unwrap();
		assert!(bad.faults.iter().any(|f| f.contains("seed")));
		assert!(bad.faults.iter().any(|f| f.contains("quota 3 stored")));
	}
}
