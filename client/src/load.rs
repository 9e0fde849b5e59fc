//! A sustained load of anonymous ballots: thousands of distinct persons voting and re-voting at
//! a steady rate for minutes, with the node's memory and pool watched throughout and every
//! ballot accounted for at the end.
//!
//! Two steps, because the proofs take far longer to make than the load lasts:
//! - [`prepare`] registers the voters on a dev chain (Dave, the demo registrar, in batches),
//!   waits for their rings, opens a yes/no poll (sudo) and writes [`PLAN`]; then [`prove`] makes
//!   every ballot — `ballots` per voter, sequences 1, 2, … — offline, appending each to
//!   [`BALLOTS`] as it is made, so that an interrupted run resumes where it stopped.
//! - [`run`] (the node restarted on the prepared chain) sends ballot `k` of voter `v` at
//!   `((k − 1) · voters + v) / rate` seconds, so each voter re-votes every `voters / rate`
//!   seconds — longer than the chain's re-vote cooldown — and the pool always holds ballots of
//!   many rings and sequences. Every five seconds it samples the node's resident memory, the
//!   pool's size and the best block; at the end it reads every block's ballots and every voter's
//!   stored ballot: a voter whose last stored sequence is not their last ballot lost one.

use crate::{ballot, chain, keys::Secret, to_hex, Member, RingRef, RingSet};
use codec::{Decode, Encode};
use serde_json::json;
use std::{
	collections::{BTreeMap, BTreeSet},
	io::{Read, Write},
	path::Path,
	time::{Duration, Instant},
};

/// The prepared chain's facts, in the work directory (SCALE-encoded [`Plan`]).
pub const PLAN: &str = "plan.scale";
/// The proven ballots, in the work directory: SCALE records `(voter, Ballot)` appended in the
/// order they were made.
pub const BALLOTS: &str = "ballots.scale";

/// Voter `i`'s ring secret (public: these are test voters).
pub fn voter_secret(i: u32) -> Secret {
	Secret(crate::blake2_256(format!("veche-load-voter-{i}").as_bytes()))
}

/// Voter `i`'s dedupe tag.
pub fn voter_tag(i: u32) -> [u8; 32] {
	crate::blake2_256(format!("veche-load-tag-{i}").as_bytes())
}

/// What [`prepare`] set up, and what [`prove`] and [`run`] read.
#[derive(Clone, Debug, Encode, Decode)]
pub struct Plan {
	/// How many voters, and ballots per voter.
	pub voters: u32,
	pub ballots: u32,
	/// The poll, its context and the chain's ring capacity (the proofs' domain).
	pub poll: u32,
	pub context: [u8; 32],
	pub capacity: u32,
	/// Each ring the voters are in (the revision the poll's roll holds), with its members in
	/// the chain's order.
	pub rings: Vec<(RingRef, Vec<Member>)>,
	/// Seconds spent registering and waiting for the rings.
	pub registered_s: f64,
	pub rings_s: f64,
}

impl Plan {
	fn save(&self, dir: &Path) -> Result<(), String> {
		std::fs::write(dir.join(PLAN), self.encode())
			.map_err(|e| format!("cannot write the plan: {e}"))
	}

	/// The plan in `dir`, if one was written.
	pub fn load(dir: &Path) -> Result<Option<Self>, String> {
		match std::fs::read(dir.join(PLAN)) {
			Ok(bytes) => Self::decode(&mut &bytes[..])
				.map(Some)
				.map_err(|e| format!("a damaged plan in {}: {e}", dir.display())),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
			Err(e) => Err(e.to_string()),
		}
	}
}

/// Registers `voters` voters in `constituency`, waits until every one is in a built ring, and
/// opens a yes/no poll of the whole country for the next `window` blocks. Writes the plan to
/// `dir` and returns it; a plan already there is returned as it is.
pub async fn prepare(
	url: &str,
	voters: u32,
	ballots: u32,
	constituency: u32,
	window: u32,
	dir: &Path,
) -> Result<Plan, String> {
	if let Some(plan) = Plan::load(dir)? {
		return Ok(plan);
	}
	let client = chain::connect(url).await?;
	let (dave, alice) = (chain::signer("//Dave")?, chain::signer("//Alice")?);
	let started = Instant::now();
	chain::upload_chunks(&client, &alice).await?;
	// Dave's daily quota covers the demo's registrations only.
	// `set_quota(MultiAddress::Id(dave), quota)`.
	let quota = (0u8, dave.public_key().0, voters.saturating_add(1_000)).encode();
	chain::sudo(
		&client,
		&alice,
		chain::encode_call(&client, "Personhood", "set_quota", &quota).await?,
	)
	.await?;
	// Batches of 64 sorted keys (the most one call takes), three to a transaction: a cohort
	// queue holds at most 256 keys until it joins a ring.
	let mut persons: Vec<([u8; 32], Member, u32)> = (0..voters)
		.map(|i| (voter_tag(i), voter_secret(i).member(), constituency))
		.collect();
	let mut calls = Vec::new();
	for batch in persons.chunks_mut(64) {
		batch.sort_by_key(|p| p.1);
		calls.push(
			chain::encode_call(&client, "Personhood", "register_batch", &batch.to_vec().encode())
				.await?,
		);
	}
	for group in calls.chunks(3) {
		// A queue still full from the last group is admitted within blocks: wait and retry.
		let mut tries = 0;
		while let Err(e) = chain::batch_all(&client, &dave, group).await {
			tries += 1;
			if !e.contains("TooManyQueued") || tries > 20 {
				return Err(e);
			}
			tokio::time::sleep(Duration::from_secs(6)).await;
		}
	}
	let registered_s = started.elapsed().as_secs_f64();
	// Every voter in a ring whose revision covers all its members.
	let wanted: BTreeSet<Member> = (0..voters).map(|i| voter_secret(i).member()).collect();
	let rings = loop {
		let mut rings = Vec::new();
		let mut found = 0usize;
		let mut index = 0u32;
		let set = RingSet::Constituency(constituency);
		loop {
			let (members, revision, covered) = match chain::ring(&client, set, index).await {
				Ok(ring) => ring,
				Err(_) => break,
			};
			if members.is_empty() {
				break;
			}
			let ours = members.iter().filter(|m| wanted.contains(*m)).count();
			if revision > 0 && covered as usize == members.len() && ours > 0 {
				found += ours;
				rings.push((RingRef { set, index, revision }, members));
			}
			index += 1;
		}
		if found == wanted.len() {
			break rings;
		}
		tokio::time::sleep(Duration::from_secs(3)).await;
	};
	let rings_s = started.elapsed().as_secs_f64() - registered_s;
	// A yes/no poll of the whole country (unit 0), open from the next block.
	let (now, _) = chain::best_block(&client).await?;
	let electorate = pallet_veche_ballots::Electorate {
		units: vec![0u32].try_into().map_err(|_| "electorate")?,
		base_weight: 1,
		class_weights: Default::default(),
		aliases: None,
	};
	let now = u32::try_from(now).map_err(|_| "block number")?;
	let create = (ballot::PollKind::YesNo, electorate, now + 1, now + window).encode();
	chain::sudo(
		&client,
		&alice,
		chain::encode_call(&client, "Ballots", "create_poll", &create).await?,
	)
	.await?;
	let mut poll = 0;
	while chain::poll(&client, poll + 1).await?.is_some() {
		poll += 1;
	}
	let info = chain::poll(&client, poll).await?.ok_or("the poll was not created")?;
	let capacity = chain::ring_capacity(&client).await?;
	let plan = Plan {
		voters,
		ballots,
		poll,
		context: info.context,
		capacity,
		rings,
		registered_s,
		rings_s,
	};
	plan.save(dir)?;
	Ok(plan)
}

/// The ballots proven so far, by `(voter, sequence)`.
pub fn proven(dir: &Path) -> Result<BTreeMap<(u32, u32), ballot::Ballot>, String> {
	let mut bytes = Vec::new();
	match std::fs::File::open(dir.join(BALLOTS)) {
		Ok(mut f) => f.read_to_end(&mut bytes).map_err(|e| e.to_string())?,
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
		Err(e) => return Err(e.to_string()),
	};
	let mut out = BTreeMap::new();
	let mut cursor = &bytes[..];
	while !cursor.is_empty() {
		// A record cut short by an interruption is dropped (and proven again).
		let Ok((voter, b)) = <(u32, ballot::Ballot)>::decode(&mut cursor) else { break };
		out.insert((voter, b.sequence), b);
	}
	Ok(out)
}

/// Makes every ballot of the plan not yet in `dir` on `threads` threads, appending each to
/// [`BALLOTS`]. Returns how many it made and the seconds each took on average.
pub fn prove(plan: &Plan, dir: &Path, threads: usize) -> Result<(usize, f64), String> {
	let done = proven(dir)?;
	// Rewrite the file with whole records only, so that appends follow a complete record.
	let mut file = std::fs::File::create(dir.join(BALLOTS)).map_err(|e| e.to_string())?;
	for ((voter, _), b) in &done {
		file.write_all(&(voter, b).encode()).map_err(|e| e.to_string())?;
	}
	let ring_of: BTreeMap<Member, usize> = plan
		.rings
		.iter()
		.enumerate()
		.flat_map(|(r, (_, members))| members.iter().map(move |m| (*m, r)))
		.collect();
	let domain = veche_prover::domain(plan.capacity);
	// Voter by voter: a voter's ballots share one opening of their ring.
	let jobs: Vec<(u32, Vec<u32>)> = (0..plan.voters)
		.map(|v| (v, (1..=plan.ballots).filter(|seq| !done.contains_key(&(v, *seq))).collect()))
		.filter(|(_, seqs): &(u32, Vec<u32>)| !seqs.is_empty())
		.collect();
	let missing: usize = jobs.iter().map(|(_, seqs)| seqs.len()).sum();
	let (tx, rx) = std::sync::mpsc::channel::<Result<Vec<(u32, ballot::Ballot)>, String>>();
	let started = Instant::now();
	let made = std::thread::scope(|scope| -> Result<usize, String> {
		for t in 0..threads.max(1) {
			let (tx, jobs, ring_of) = (tx.clone(), &jobs, &ring_of);
			scope.spawn(move || {
				for (voter, seqs) in jobs.iter().skip(t).step_by(threads.max(1)) {
					let result = prove_voter(plan, *voter, seqs, ring_of, domain);
					if tx.send(result).is_err() {
						return;
					}
				}
			});
		}
		drop(tx);
		let mut made = 0usize;
		for result in rx {
			for record in result? {
				file.write_all(&record.encode()).map_err(|e| e.to_string())?;
				made += 1;
				if made.is_multiple_of(500) {
					file.flush().map_err(|e| e.to_string())?;
					eprintln!(
						"{made} of {missing} ballots proven, {:.0} s",
						started.elapsed().as_secs_f64()
					);
				}
			}
		}
		Ok(made)
	})?;
	file.flush().map_err(|e| e.to_string())?;
	let per = started.elapsed().as_secs_f64() / made.max(1) as f64;
	Ok((made, per))
}

/// Voter `voter`'s ballots of sequences `seqs`, yes and no in turn (every re-vote changes the
/// tally), proven with one opening of their ring.
fn prove_voter(
	plan: &Plan,
	voter: u32,
	seqs: &[u32],
	ring_of: &BTreeMap<Member, usize>,
	domain: veche_prover::RingDomainSize,
) -> Result<Vec<(u32, ballot::Ballot)>, String> {
	let secret = voter_secret(voter);
	let r = *ring_of
		.get(&secret.member())
		.ok_or_else(|| format!("voter {voter} is in none of the plan's rings"))?;
	let (ring, members) = &plan.rings[r];
	let choices: Vec<ballot::Choice> = seqs
		.iter()
		.map(|seq| ballot::Choice::truncate_from(vec![((voter + seq) % 2) as u8]))
		.collect();
	let messages: Vec<Vec<u8>> = seqs
		.iter()
		.zip(&choices)
		.map(|(seq, choice)| pallet_veche_ballots::ballot_message(plan.poll, choice, *seq))
		.collect();
	let messages: Vec<&[u8]> = messages.iter().map(Vec::as_slice).collect();
	let proofs = veche_prover::prove_each(domain, secret.0, members, &plan.context, &messages)
		.map_err(|e| format!("voter {voter}: {e:?}"))?;
	seqs.iter()
		.zip(choices)
		.zip(proofs)
		.map(|((seq, choice), (proof, _))| {
			let proof = proof.try_into().map_err(|_| "proof too long")?;
			let ballot = ballot::Ballot {
				poll: plan.poll,
				choice,
				sequence: *seq,
				ring: *ring,
				proof,
				credential: None,
			};
			Ok((voter, ballot))
		})
		.collect()
}

/// Resident memory of a process now and at its peak, in MiB (Linux `/proc`).
fn memory_mib(pid: u32) -> Option<(f64, f64)> {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let field = |name: &str| -> Option<f64> {
		let line = status.lines().find(|l| l.starts_with(name))?;
		let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
		Some(kb / 1024.0)
	};
	Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// How many transactions wait in the node's pool.
async fn pool_size(rpc: &subxt_rpcs::RpcClient) -> Result<usize, String> {
	rpc.request::<Vec<String>>("author_pendingExtrinsics", subxt_rpcs::rpc_params![])
		.await
		.map(|v| v.len())
		.map_err(|e| e.to_string())
}

/// Median, 99th percentile and maximum of some durations in milliseconds.
pub fn spread(mut ms: Vec<f64>) -> serde_json::Value {
	ms.sort_by(|a, b| a.total_cmp(b));
	let at = |q: f64| ms.get(((ms.len() as f64 - 1.0) * q).round() as usize).copied();
	json!({ "n": ms.len(), "median_ms": at(0.5), "p99_ms": at(0.99), "max_ms": ms.last() })
}

/// Sends the plan's ballots at `rate` a second (node `node_pid` watched) and accounts for each.
pub async fn run(
	url: &str,
	dir: &Path,
	rate: f64,
	node_pid: Option<u32>,
) -> Result<serde_json::Value, String> {
	let plan = Plan::load(dir)?.ok_or("no plan: run load-prepare first")?;
	let ballots = proven(dir)?;
	let total = plan.voters as usize * plan.ballots as usize;
	if ballots.len() != total {
		return Err(format!(
			"{} of {total} ballots are proven: run load-prepare again",
			ballots.len()
		));
	}
	let client = chain::connect(url).await?;
	let poll = chain::poll(&client, plan.poll)
		.await?
		.ok_or("the plan's poll is not on this chain")?;
	if poll.voters != 0 {
		return Err(
			"the poll already has ballots: run on a fresh copy of the prepared chain".into()
		);
	}
	let names = chain::ballot_error_names(&client).await?;
	let submitter = std::sync::Arc::new(chain::RawSubmitter::connect(url).await?);
	let rpc = subxt_rpcs::RpcClient::from_insecure_url(url).await.map_err(|e| e.to_string())?;
	// Wait for the poll to open.
	while chain::best_block(&client).await?.0 < u64::from(poll.start) {
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	let (first_block, _) = chain::best_block(&client).await?;
	let schedule: Vec<(u32, u32)> = (1..=plan.ballots)
		.flat_map(|seq| (0..plan.voters).map(move |v| (v, seq)))
		.collect();
	let started = Instant::now();
	// The watcher: memory, pool and best block every five seconds until told to stop.
	let (stop_tx, mut stop_rx) = tokio::sync::oneshot::channel::<()>();
	let watcher = {
		let (client, rpc) = (client.clone(), rpc.clone());
		tokio::spawn(async move {
			let mut samples = Vec::new();
			loop {
				let pool = pool_size(&rpc).await.ok();
				let best = chain::best_block(&client).await.ok().map(|b| b.0);
				let mem = node_pid.and_then(memory_mib);
				samples.push(json!({
					"t_s": started.elapsed().as_secs(),
					"best": best,
					"pool": pool,
					"rss_mib": mem.map(|m| m.0.round()),
				}));
				tokio::select! {
					_ = &mut stop_rx => break,
					_ = tokio::time::sleep(Duration::from_secs(5)) => {},
				}
			}
			samples
		})
	};
	// When each block was first seen as best (a dev chain's timestamps follow its slots, not the
	// wall clock): the wait of a ballot is from its sending to the first sight of its block.
	let (heads_stop, mut heads_rx) = tokio::sync::oneshot::channel::<()>();
	let heads = {
		let client = client.clone();
		tokio::spawn(async move {
			let mut seen = BTreeMap::new();
			loop {
				if let Ok((best, _)) = chain::best_block(&client).await {
					seen.entry(best).or_insert_with(|| started.elapsed().as_secs_f64() * 1_000.0);
				}
				tokio::select! {
					_ = &mut heads_rx => break,
					_ = tokio::time::sleep(Duration::from_millis(200)) => {},
				}
			}
			seen
		})
	};
	// The sender: each ballot at its time, without waiting for the pool's answer to the last.
	let mut tasks = Vec::with_capacity(total);
	let mut sent_at = BTreeMap::new();
	for (i, (voter, seq)) in schedule.iter().enumerate() {
		let due = Duration::from_secs_f64(i as f64 / rate);
		tokio::time::sleep_until((started + due).into()).await;
		let b = ballots.get(&(*voter, *seq)).cloned().ok_or("a ballot is missing")?;
		let alias = chain::claimed_alias(&b.proof).ok_or("a malformed proof")?;
		sent_at.insert((alias, *seq), started.elapsed().as_secs_f64() * 1_000.0);
		let (client, submitter) = (client.clone(), submitter.clone());
		tasks.push(tokio::spawn(async move { submitter.submit(&client, &b).await }));
	}
	let send_s = started.elapsed().as_secs_f64();
	let mut refused: BTreeMap<String, u32> = BTreeMap::new();
	for task in tasks {
		match task.await {
			Ok(Ok(())) => {},
			Ok(Err(e)) => *refused.entry(refusal(&e, &names)).or_default() += 1,
			Err(e) => *refused.entry(format!("task: {e}")).or_default() += 1,
		}
	}
	let accepted = total as u32 - refused.values().sum::<u32>();
	// Until the pool is empty and two more blocks were made (at most two minutes).
	let deadline = Instant::now() + Duration::from_secs(120);
	loop {
		let pending = pool_size(&rpc).await?;
		if pending == 0 || Instant::now() > deadline {
			break;
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	let (b0, _) = chain::best_block(&client).await?;
	while chain::best_block(&client).await?.0 < b0 + 2 {
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let _ = stop_tx.send(());
	let _ = heads_stop.send(());
	let samples = watcher.await.map_err(|e| e.to_string())?;
	let seen = heads.await.map_err(|e| e.to_string())?;
	// Block by block: the ballots each carried, and how long each waited from its sending.
	let (last_block, _) = chain::best_block(&client).await?;
	let reader = chain::BlockReader::connect(url).await?;
	let mut per_block = Vec::new();
	let mut waits = Vec::new();
	let mut included = 0u32;
	let (mut first_seen, mut last_seen) = (None, 0f64);
	for number in first_block + 1..=last_block {
		let (casts, _) = reader
			.ballots(u32::try_from(number).map_err(|_| "block number")?, plan.poll)
			.await?;
		if casts.is_empty() {
			continue;
		}
		// A block is seen within 200 ms of its import; one not seen (a gap in the polling) is
		// seen when the next one is.
		let Some(at) = seen.range(number..).next().map(|(_, at)| *at) else { continue };
		first_seen.get_or_insert(at);
		last_seen = at;
		for b in &casts {
			if let Some(sent) =
				chain::claimed_alias(&b.proof).and_then(|a| sent_at.get(&(a, b.sequence)))
			{
				waits.push(at - sent);
			}
		}
		included += casts.len() as u32;
		per_block.push(casts.len() as u32);
	}
	// Every voter's stored ballot: the last one sent, or a ballot was lost.
	let mut lost = Vec::new();
	let mut recorded = 0u64;
	for v in 0..plan.voters {
		let alias = voter_secret(v).alias(&plan.context);
		let seq = chain::ballot_of(&client, plan.poll, alias).await?.map_or(0, |b| b.sequence);
		recorded += u64::from(seq);
		if seq != plan.ballots {
			lost.push(json!({ "voter": v, "alias": to_hex(&alias), "stored_sequence": seq }));
		}
	}
	let after = chain::poll(&client, plan.poll).await?.ok_or("the poll is gone")?;
	let pool: Vec<u64> = samples.iter().filter_map(|s| s["pool"].as_u64()).collect();
	let rss: Vec<f64> = samples.iter().filter_map(|s| s["rss_mib"].as_f64()).collect();
	let blocks = per_block.len().max(1) as f64;
	Ok(json!({
		"voters": plan.voters,
		"ballots_per_voter": plan.ballots,
		"rings": plan.rings.iter().map(|(r, m)| json!({ "index": r.index, "revision": r.revision, "members": m.len() })).collect::<Vec<_>>(),
		"rate_asked_per_s": rate,
		"sent": total,
		"send_s": send_s,
		"rate_sent_per_s": total as f64 / send_s,
		"accepted_by_pool": accepted,
		"refused_by_pool": refused,
		"included": included,
		"recorded": recorded,
		"poll_voters": after.voters,
		"lost": lost.len(),
		"lost_voters": lost.into_iter().take(20).collect::<Vec<_>>(),
		"first_to_last_ballot_block_s": (last_seen - first_seen.unwrap_or(last_seen)) / 1_000.0,
		"blocks_with_ballots": per_block.len(),
		"ballots_per_block": { "mean": f64::from(included) / blocks, "max": per_block.iter().max() },
		"wait_to_block": spread(waits),
		"pool_max": pool.iter().max(),
		"pool_mean": pool.iter().sum::<u64>() as f64 / pool.len().max(1) as f64,
		"rss_mib": { "first": rss.first(), "max": rss.iter().copied().fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x)))), "last": rss.last() },
		"node_peak_rss_mib": node_pid.and_then(memory_mib).map(|m| m.1.round()),
		"samples": samples,
	}))
}

/// The pool's refusal of a ballot, by error name (`InvalidTransaction::Custom(index)` of the
/// ballots pallet) or the first words of the message.
pub fn refusal(error: &str, names: &BTreeMap<u8, String>) -> String {
	let code = error
		.split("Custom error: ")
		.nth(1)
		.or_else(|| error.split("Custom(").nth(1))
		.and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
		.and_then(|digits| digits.parse::<u8>().ok());
	match code {
		Some(c) => names.get(&c).cloned().unwrap_or_else(|| format!("Custom({c})")),
		None => error.chars().take(80).collect(),
	}
}
