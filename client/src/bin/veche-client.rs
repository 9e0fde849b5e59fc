//! `veche-client`: ring keys, dedupe tags, aliases and proofs of personhood on the command line.
//!
//! People: `key new`, `key show`, `alias`, `where`, `prove`, `vote`, `check`, `rate`,
//! `petition`, `confidence`. Registrars: `tag`, `register`. Anybody: `ratings`, `close-period`,
//! `recall`, `advance`. Anybody: `verify` (the runtime checks the proof), `recount` (an independent count
//! of a poll), `upload-chunks` (once per chain). Output is JSON on stdout.

use clap::{Parser, Subcommand};
use serde_json::json;
use std::path::PathBuf;
use veche_client::{
	acts, ballot, chain, civic, context, election, from_hex, hex32, keys::Secret, load, proof,
	recount, tag, to_hex, RingRef,
};

#[derive(Parser)]
#[command(
	name = "veche-client",
	version,
	about = "Veche personhood client for people and registrars"
)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Ring keys: create a secret, or show the public key of one.
	#[command(subcommand)]
	Key(KeyCommand),
	/// The registry of acts: post-quantum (ML-DSA-65) signing keys, tabling, signing and
	/// verifying acts.
	#[command(subcommand)]
	Act(ActCommand),
	/// Juries drawn by lot: volunteer for one, accept a summons, vote as a juror, and verify a
	/// draw from what the chain stored.
	#[command(subcommand)]
	Jury(JuryCommand),
	/// Civic profiles, sealed answers to consultations, ideas; statuses earned by taking part.
	#[command(subcommand)]
	Civic(CivicCommand),
	/// (Trustee) Key ceremonies for sealed answers, and partial decryptions of closed
	/// consultations.
	#[command(subcommand)]
	Trustee(TrusteeCommand),
	/// (Registrar) The dedupe tag of a person, from their stable identity attributes: the
	/// lifetime national identification number where their country has one, otherwise names
	/// with date and place of birth (the country decides which; see the README).
	Tag {
		/// File holding the registrars' shared secret (raw bytes, 1..=64).
		#[arg(long)]
		secret_file: PathBuf,
		/// Country of citizenship, ISO 3166 alpha-2 code.
		#[arg(long)]
		country: String,
		/// The lifetime national identification number (spaces and dashes are ignored).
		#[arg(long)]
		id_number: Option<String>,
		/// Surname as written in the national script of the internal document.
		#[arg(long)]
		surname: Option<String>,
		/// Given names, in the same script.
		#[arg(long)]
		given_names: Option<String>,
		/// Date of birth, YYYY-MM-DD.
		#[arg(long)]
		birth_date: Option<String>,
		/// Place of birth, in the same script.
		#[arg(long)]
		birth_place: Option<String>,
	},
	/// (Registrar) Register a person: their tag and public ring key, in a constituency.
	Register {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The registrar's account secret URI (e.g. //Dave on a dev chain).
		#[arg(long)]
		suri: String,
		/// The person's dedupe tag (hex, from `tag`).
		#[arg(long)]
		tag: String,
		/// The person's public ring key (hex, from `key show`).
		#[arg(long)]
		member: String,
		/// The constituency's jurisdiction id.
		#[arg(long)]
		constituency: u32,
	},
	/// (Registrar) Register a batch of persons in one transaction (at least the chain's
	/// `MinCohort`): nothing on chain dates any of them more finely than the batch. The keys are
	/// sorted here, as the chain requires.
	RegisterBatch {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The registrar's account secret URI (e.g. //Dave on a dev chain).
		#[arg(long)]
		suri: String,
		/// One person as `TAG:MEMBER:CONSTITUENCY` (hex, hex, id); repeat for each.
		#[arg(long = "person", required = true)]
		persons: Vec<String>,
	},
	/// (Observer) Audit a poll from an archive node's block bodies alone: re-verify every
	/// ballot's proofs against the poll's frozen roll (commitments rebuilt from the members),
	/// apply re-votes and exclusions, recount every territory and compare with the chain.
	/// Fails naming the first territory that disagrees.
	Audit {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The poll.
		#[arg(long)]
		poll: u32,
		/// The block whose state holds the chain's count (default: the poll's last block of
		/// voting, or the finalized head while it runs).
		#[arg(long)]
		at: Option<u32>,
	},
	/// (Observer) Measure the audit's speed offline: `proofs` ballots by distinct voters of one
	/// full ring (767 keys), in blocks of `per_block`, recounted as `audit` recounts a poll.
	AuditBench {
		#[arg(long, default_value_t = 256)]
		proofs: u32,
		#[arg(long, default_value_t = 64)]
		per_block: u32,
	},
	/// Your alias in a context (a poll's label or 32 bytes of hex): look your ballot up by it.
	Alias {
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		context: String,
	},
	/// Which ring holds your key, its revision and size (empty while your cohort waits).
	Where {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
	},
	/// Build an anonymous proof of personhood over your ring for a context and message.
	Prove {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		context: String,
		/// The message the proof signs (e.g. the ballot).
		#[arg(long)]
		message: String,
	},
	/// Upload the ring builder's static chunks the chain still lacks (once per chain; free).
	UploadChunks {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// Any funded account's secret URI (the upload is free when accepted).
		#[arg(long)]
		suri: String,
	},
	/// Vote anonymously in a poll, or re-vote (a higher sequence number replaces your ballot).
	Vote {
		#[command(flatten)]
		at: PollArgs,
		#[arg(long)]
		key: PathBuf,
		/// Options marked: `0`, `1,3` (approval), or `blank`.
		#[arg(long)]
		choice: String,
		/// Your sequence number (default: one more than your stored ballot's, or 1).
		#[arg(long)]
		sequence: Option<u32>,
		/// Vote with the weight of a credential class you hold (a second proof).
		#[arg(long)]
		credential: Option<u16>,
		/// Prove against your ring's current revision instead of the poll's roll (for tests:
		/// a key that entered after the poll was created is refused by the chain).
		#[arg(long, hide = true)]
		against_current_ring: bool,
	},
	/// Rate an official for the current period, anonymously (opening the period if nobody has):
	/// approve (or `--disapprove`) and grade spheres 1 (reject) to 6 (excellent). Rating again
	/// in the period replaces your rating.
	Rate {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		/// The office.
		#[arg(long)]
		office: u32,
		/// The official (SS58 or 0x hex).
		#[arg(long)]
		official: String,
		/// Disapprove (the default approves).
		#[arg(long)]
		disapprove: bool,
		/// A grade: `sphere=1..6` (`utilities=2`, `public-safety=5`, or the sphere's index);
		/// repeat for several spheres.
		#[arg(long)]
		grade: Vec<String>,
	},
	/// Show an official's ratings: the current period as it stands and the closed ones kept.
	Ratings {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		office: u32,
		#[arg(long)]
		official: String,
	},
	/// Close a rating period after its appeal window (anyone, no fee).
	ClosePeriod {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		office: u32,
		#[arg(long)]
		official: String,
		#[arg(long)]
		period: u32,
	},
	/// Sign the petition to recall an official (opening it if none is open), anonymously; or
	/// withdraw your signature.
	Petition {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		office: u32,
		#[arg(long)]
		official: String,
		#[arg(long)]
		withdraw: bool,
	},
	/// Start a recall of an official: on a closed rating period (`--period`) whose approval
	/// collapsed, or on the open petition once signed by enough (anyone, no fee).
	Recall {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		office: u32,
		#[arg(long)]
		official: String,
		#[arg(long)]
		period: Option<u32>,
	},
	/// Move a recall procedure on when it is due: open its confidence vote, or conclude it
	/// (anyone, no fee).
	Advance {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		procedure: u32,
	},
	/// Vote anonymously in a recall's confidence vote: remove the official (the default), or
	/// `--keep` them.
	Confidence {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		procedure: u32,
		#[arg(long)]
		keep: bool,
	},
	/// Look up the ballot the chain stores for you in a poll.
	Check {
		#[command(flatten)]
		at: PollArgs,
		#[arg(long)]
		key: PathBuf,
	},
	/// Recount a poll from its stored ballots and compare with the chain's tallies and results.
	/// With `--synthetic N`, count N generated ballots instead, to measure the counter.
	Recount {
		#[command(flatten)]
		at: PollArgs,
		#[arg(long)]
		synthetic: Option<u32>,
	},
	/// The ballot choice of an election, by candidates' accounts (SS58 or 0x hex): the list and
	/// the preferred candidates on it in your constituency (party lists), or the candidates
	/// marked. Prints the choice and the poll to give `vote`.
	ElectionChoice {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		election: u32,
		/// Your constituency (party lists: the poll you vote in).
		#[arg(long)]
		constituency: Option<u32>,
		/// The list voted for (party lists).
		#[arg(long)]
		list: Option<u8>,
		/// Candidates preferred on the list, or marked outside lists.
		#[arg(long, value_delimiter = ',')]
		candidates: Vec<String>,
	},
	/// Count an election independently: every poll's ballots recounted (list and preference
	/// votes, excluded territories left out), the seats allocated by the published rules, and
	/// compared with the seats the chain counted; for a certified primary or first round, who
	/// was sent on compared with the candidates of the final or run-off the chain opened.
	ElectionCount {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		election: u32,
	},
	/// Load test, first step (dev chain): registers N voters (Dave, the demo registrar) into as
	/// many rings as they fill, opens a yes/no poll (sudo) and writes the plan to `--dir`; then
	/// makes every ballot (`--ballots` per voter) offline, appending them to the directory.
	/// Resumes where an interrupted run stopped.
	LoadPrepare {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The work directory (plan and ballots).
		#[arg(long)]
		dir: PathBuf,
		/// How many voters.
		#[arg(long, default_value_t = 2_400)]
		voters: u32,
		/// Ballots per voter (the first and its re-votes).
		#[arg(long, default_value_t = 5)]
		ballots: u32,
		/// Their constituency (default: the demo's diaspora in Poland).
		#[arg(long, default_value_t = 6)]
		constituency: u32,
		/// How many blocks the poll stays open.
		#[arg(long, default_value_t = 5_000)]
		window: u32,
		/// Threads making proofs.
		#[arg(long, default_value_t = 2)]
		threads: usize,
		/// Only set the chain up and write the plan: no proofs.
		#[arg(long)]
		no_proofs: bool,
	},
	/// Load test, second step: sends the prepared ballots at `--rate` a second (each voter's
	/// ballots in turn), samples the node's memory (with `--node-pid`), pool and best block every
	/// five seconds, then checks that every ballot was recorded.
	LoadRun {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The work directory of `load-prepare`.
		#[arg(long)]
		dir: PathBuf,
		/// Ballots a second.
		#[arg(long, default_value_t = 20.0)]
		rate: f64,
		/// The node's process id, to read its memory from /proc.
		#[arg(long)]
		node_pid: Option<u32>,
	},
	/// Junk flood (dev chain): what one sender of well-formed junk ballots costs the node. Registers
	/// N voters and opens a poll as `load` does, makes junk ballots (a real proof with one byte of
	/// its ring proof changed: they pass every cheap check and fail only the full verification),
	/// sends them over one connection for a while, and reports the rate the pool refused them at,
	/// the node's CPU (with `--node-pid`), and the time honest ballots sent meanwhile from another
	/// connection waited for the pool, beside the same before the flood.
	Junk {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// Honest voters (one ring): one makes the junk's template, the rest vote.
		#[arg(long, default_value_t = 48)]
		voters: u32,
		/// Their constituency (default: the demo's diaspora in Poland).
		#[arg(long, default_value_t = 6)]
		constituency: u32,
		/// How long the flood lasts, seconds.
		#[arg(long, default_value_t = 60)]
		seconds: u64,
		/// Junk submissions in flight at once on the sender's connection.
		#[arg(long, default_value_t = 16)]
		in_flight: usize,
		/// The node's process id, to read its CPU time from /proc.
		#[arg(long)]
		node_pid: Option<u32>,
		/// The endpoint the junk goes to, if not `--url` (e.g. a rate-limited public one).
		#[arg(long)]
		junk_url: Option<String>,
	},
	/// Ask the chain's runtime to verify a proof.
	Verify {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The proof, hex.
		#[arg(long)]
		proof: String,
		/// The ring set: constituency:N or credential:N.
		#[arg(long)]
		set: String,
		#[arg(long)]
		index: u32,
		#[arg(long)]
		revision: u32,
		#[arg(long)]
		context: String,
		#[arg(long)]
		message: String,
	},
}

#[derive(clap::Args)]
struct PollArgs {
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The poll's id.
	#[arg(long)]
	poll: u32,
}

#[derive(Subcommand)]
enum KeyCommand {
	/// Create a new ring secret in a new file (mode 0600) and print its public key.
	New {
		#[arg(long)]
		out: PathBuf,
	},
	/// Write the public secret of a genesis demo person (1..=8) to a file. Demo only.
	Demo {
		#[arg(long)]
		person: u8,
		#[arg(long)]
		out: PathBuf,
	},
	/// Print the public ring key of a secret.
	Show {
		#[arg(long)]
		key: PathBuf,
	},
}

#[derive(Subcommand)]
enum CivicCommand {
	/// Open your civic profile (a proof of your constituency's ring in this period's context;
	/// your profile key is derived from your secret).
	Open {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long, default_value = "")]
		name: String,
	},
	/// Renew your profile for the current period (a fresh proof and your profile key's
	/// signature).
	Renew {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
	},
	/// Your profile, its status (over all spheres or in `--sphere`) and the figures behind it.
	Status {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		sphere: Option<String>,
	},
	/// Propose a consultation of a unit you live in.
	Propose {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		unit: u32,
		/// A sphere's index (0–19) or name.
		#[arg(long)]
		sphere: String,
		/// A strategic plan (otherwise: the current state of things).
		#[arg(long)]
		plan: bool,
		#[arg(long)]
		title: String,
		#[arg(long)]
		options: u8,
	},
	/// Answer a consultation (or change your answer): option `--choice`, 0-based, sealed to the
	/// trustees' key.
	Answer {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		consultation: u32,
		#[arg(long)]
		choice: u8,
	},
	/// Read your own answer back from the chain.
	Read {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		consultation: u32,
	},
	/// Show that your answer chose the winning option (counts for opinion leaders).
	Claim {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		consultation: u32,
	},
	/// Post an idea for a unit you live in.
	Idea {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		unit: u32,
		#[arg(long)]
		sphere: String,
		#[arg(long)]
		title: String,
	},
	/// Grade an idea 1–5.
	Rate {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		idea: u32,
		#[arg(long)]
		grade: u8,
	},
	/// Count a closed consultation from the trustees' partial decryptions (and publish the
	/// counts, signed by `--suri`).
	Count {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		consultation: u32,
		#[arg(long)]
		suri: Option<String>,
	},
}

#[derive(Subcommand)]
enum TrusteeCommand {
	/// Register your communication key for a ceremony.
	Register {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// Your account (signs).
		#[arg(long)]
		suri: String,
		/// Your trustee seed: 32 bytes in hex (`--public-seed N` for a test chain's key).
		#[arg(long)]
		seed: Option<String>,
		#[arg(long)]
		public_seed: Option<u16>,
		#[arg(long)]
		ceremony: u32,
	},
	/// Deal your polynomial to the registered trustees.
	Deal {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		suri: String,
		#[arg(long)]
		seed: Option<String>,
		#[arg(long)]
		public_seed: Option<u16>,
		#[arg(long)]
		ceremony: u32,
	},
	/// Check the shares dealt to you: your verification key, and the dealers to complain about.
	Check {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		suri: String,
		#[arg(long)]
		seed: Option<String>,
		#[arg(long)]
		public_seed: Option<u16>,
		#[arg(long)]
		ceremony: u32,
	},
	/// Publish your partial decryption of a closed consultation.
	Decrypt {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		suri: String,
		#[arg(long)]
		seed: Option<String>,
		#[arg(long)]
		public_seed: Option<u16>,
		#[arg(long)]
		consultation: u32,
	},
}

/// A trustee's seed: `--seed` (hex) or a test chain's public seed `--public-seed N`.
fn trustee_seed(seed: Option<String>, public: Option<u16>) -> Result<[u8; 32], String> {
	match (seed, public) {
		(Some(hex), None) => {
			let bytes = veche_client::from_hex(&hex)?;
			bytes.try_into().map_err(|_| "a seed is 32 bytes".to_string())
		},
		(None, Some(n)) => Ok(veche_seal::protocol::public_trustee_seed(n)),
		_ => Err("give --seed or --public-seed".into()),
	}
}

#[derive(Subcommand)]
enum JuryCommand {
	/// Volunteer for a jury's pool, anonymously (proofs of your constituency's ring and, if the
	/// jury asks for one, of your credential, in the jury's context; no account, no fee).
	Enrol {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		jury: u32,
	},
	/// Accept your summons after the draw (a fresh proof yielding your alias in the jury).
	Accept {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		jury: u32,
	},
	/// Vote on the jury's bill as a seated juror: `yes` or `no` (re-vote until the vote ends).
	Vote {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		key: PathBuf,
		#[arg(long)]
		jury: u32,
		#[arg(long)]
		choice: String,
	},
	/// Recompute a jury's draw: the seed from the recorded relay randomness, the quotas from the
	/// strata, each stratum's permutation, and every drawn alias's summons.
	Verify {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		jury: u32,
	},
	/// Show a jury, and your summons in it (with `--key`).
	Show {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		jury: u32,
		#[arg(long)]
		key: Option<PathBuf>,
	},
}

#[derive(Subcommand)]
enum ActCommand {
	/// Create an official's ML-DSA-65 signing key: a new 32-byte secret in a new file (mode
	/// 0600), or `--demo` the demo signer's (Bob, Head of Birchwood; public, demo only).
	NewKey {
		#[arg(long)]
		out: PathBuf,
		#[arg(long)]
		demo: bool,
	},
	/// Register a signing key for the signer's account and office (a proof of possession is
	/// signed with it).
	RegisterKey {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		suri: String,
		#[arg(long)]
		office: u32,
		#[arg(long)]
		pq: PathBuf,
	},
	/// Table an act of an office you hold: its text file is hashed (BLAKE2b-256), its
	/// locator says where it is published.
	Table {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		suri: String,
		#[arg(long)]
		office: u32,
		/// bill, law, decree, resolution, budget, officialresponse, appealdecision,
		/// promiseevidence.
		#[arg(long)]
		kind: String,
		#[arg(long)]
		title: String,
		#[arg(long)]
		text: PathBuf,
		#[arg(long)]
		locator: String,
	},
	/// Sign a version of an act with your registered key (`--key`: its id) and submit the
	/// signature (sent by `--suri`, who may be a clerk).
	Sign {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		suri: String,
		#[arg(long)]
		act: u32,
		#[arg(long, default_value_t = 0)]
		version: u32,
		#[arg(long)]
		key: u32,
		#[arg(long)]
		pq: PathBuf,
	},
	/// Verify off chain every signature of a version that the chain keeps, and (with `--text`)
	/// that a copy of its text is the one recorded.
	Verify {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		act: u32,
		#[arg(long, default_value_t = 0)]
		version: u32,
		#[arg(long)]
		text: Option<PathBuf>,
	},
	/// Show an act: its record, and the version in force at `--at` (default: now).
	Show {
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[arg(long)]
		act: u32,
		#[arg(long)]
		at: Option<u32>,
	},
}

#[tokio::main]
async fn main() {
	if let Err(e) = run(Cli::parse()).await {
		eprintln!("error: {e}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<(), String> {
	let out = match cli.command {
		Command::Act(command) => act_command(command).await?,
		Command::Jury(command) => jury_command(command).await?,
		Command::Civic(command) => civic_command(command).await?,
		Command::Trustee(command) => trustee_command(command).await?,
		Command::Key(KeyCommand::New { out }) => {
			let secret = Secret::generate()?;
			secret.save(&out)?;
			json!({ "member": to_hex(&secret.member()), "file": out })
		},
		Command::Key(KeyCommand::Demo { person, out }) => {
			if !(1..=8).contains(&person) {
				return Err("demo persons are 1..=8".into());
			}
			let secret = Secret::demo(person);
			secret.save(&out)?;
			json!({ "member": to_hex(&secret.member()), "file": out })
		},
		Command::Key(KeyCommand::Show { key }) => {
			json!({ "member": to_hex(&Secret::load(&key)?.member()) })
		},
		Command::Tag {
			secret_file,
			country,
			id_number,
			surname,
			given_names,
			birth_date,
			birth_place,
		} => {
			let shared = std::fs::read(&secret_file)
				.map_err(|e| format!("cannot read {}: {e}", secret_file.display()))?;
			let identity = match (&id_number, &surname, &given_names, &birth_date, &birth_place) {
				(Some(number), None, None, None, None) => tag::Identity::IdNumber(number),
				(None, Some(surname), Some(given_names), Some(date), Some(place)) => {
					tag::Identity::Birth { surname, given_names, date, place }
				},
				_ => {
					return Err("give either --id-number, or all of --surname, --given-names, \
					            --birth-date and --birth-place"
						.into())
				},
			};
			json!({ "tag": to_hex(&tag::dedupe_tag(&shared, &country, &identity)?) })
		},
		Command::Register { url, suri, tag, member, constituency } => {
			let client = chain::connect(&url).await?;
			let registrar = chain::signer(&suri)?;
			let extrinsic =
				chain::register(&client, &registrar, hex32(&tag)?, hex32(&member)?, constituency)
					.await?;
			json!({ "registered": true, "extrinsic": extrinsic })
		},
		Command::RegisterBatch { url, suri, persons } => {
			let mut batch = persons
				.iter()
				.map(|p| {
					let bad = || format!("{p:?} is not TAG:MEMBER:CONSTITUENCY");
					let [tag, member, constituency] = p.split(':').collect::<Vec<_>>()[..] else {
						return Err(bad());
					};
					Ok((hex32(tag)?, hex32(member)?, constituency.parse().map_err(|_| bad())?))
				})
				.collect::<Result<Vec<([u8; 32], [u8; 32], u32)>, String>>()?;
			batch.sort_by_key(|p| p.1);
			let client = chain::connect(&url).await?;
			let registrar = chain::signer(&suri)?;
			let extrinsic = chain::register_batch(&client, &registrar, &batch).await?;
			json!({ "registered": batch.len(), "extrinsic": extrinsic })
		},
		Command::Audit { url, poll, at } => {
			use veche_client::audit;
			let read = std::time::Instant::now();
			let data = chain::audit_data(&url, poll, at).await?;
			let read_s = read.elapsed().as_secs_f64();
			let started = std::time::Instant::now();
			fn run<D: veche_client::RingDomain>(
				data: &chain::AuditData,
			) -> Result<audit::Recount, String> {
				let roll = data
					.roll
					.iter()
					.map(|(ring, members)| {
						Ok(audit::RollRing {
							ring: *ring,
							commitment: audit::commitment::<D>(members)?,
						})
					})
					.collect::<Result<Vec<_>, String>>()?;
				Ok(audit::recount::<D>(&data.rules, &data.casts, &roll))
			}
			let recount = if data.capacity <= 255 {
				run::<veche_client::Domain11>(&data)?
			} else {
				run::<veche_client::Domain12>(&data)?
			};
			let seconds = started.elapsed().as_secs_f64();
			audit::compare(&recount, &data.chain.tallies, data.chain.results.as_ref())
				.map_err(|e| format!("audit of poll {poll} failed: {e}"))?;
			json!({
				"poll": poll,
				"agrees": true,
				"blocks": data.blocks,
				"casts": recount.casts,
				"ballots_counted": recount.ballots.len(),
				"refused": recount.refused.len(),
				"proofs": recount.proofs,
				"rings": data.roll.len(),
				"read_s": read_s,
				"verify_s": seconds,
				"proofs_per_s": if seconds > 0.0 { recount.proofs as f64 / seconds } else { 0.0 },
				"results": recount.results.options.to_vec(),
				"turnout": recount.results.turnout,
			})
		},
		Command::AuditBench { proofs, per_block } => {
			use veche_client::{audit, ballot, Domain12, RingRef, RingSet};
			let voters: Vec<Secret> = (0..767u32)
				.map(|i| Secret(veche_client::blake2_256(format!("audit-bench-{i}").as_bytes())))
				.collect();
			let mut members: Vec<_> = voters.iter().map(|v| v.member()).collect();
			members.sort();
			let started = std::time::Instant::now();
			let commitment = audit::commitment::<Domain12>(&members)?;
			let commit_s = started.elapsed().as_secs_f64();
			let ring = RingRef { set: RingSet::Constituency(1), index: 0, revision: 1 };
			let context = [7u8; 32];
			let proving = std::time::Instant::now();
			let casts = std::thread::scope(|s| {
				let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
				let handles: Vec<_> = (0..threads)
					.map(|t| {
						let (voters, members) = (&voters, &members);
						s.spawn(move || {
							(0..proofs)
								.filter(|i| *i as usize % threads == t)
								.map(|i| {
									let marks = ballot::Marks {
										poll: 0,
										context,
										choice: ballot::parse_choice("0")?,
										sequence: 1,
									};
									let own = ballot::ProvingRing { ring, members };
									let (b, _) =
										ballot::build(&voters[i as usize], &marks, own, None, 767)?;
									Ok(audit::Cast { block: 1 + i / per_block.max(1), ballot: b })
								})
								.collect::<Result<Vec<_>, String>>()
						})
					})
					.collect();
				let mut all = Vec::new();
				for h in handles {
					all.extend(h.join().map_err(|_| "a prover thread panicked".to_string())??);
				}
				Ok::<_, String>(all)
			})?;
			let mut casts = casts;
			casts.sort_by_key(|c| c.block);
			let prove_s = proving.elapsed().as_secs_f64();
			let rules = audit::Rules {
				poll: 0,
				context,
				kind: ballot::PollKind::YesNo,
				lists: Vec::new(),
				electorate: pallet_veche_ballots::Electorate::everyone(),
				territories: [1].into(),
				start: 0,
				end: u32::MAX,
				cooldown: 1,
				per_block: per_block.max(1),
				excluded: Default::default(),
			};
			let roll = [audit::RollRing { ring, commitment }];
			let verifying = std::time::Instant::now();
			let recount = audit::recount::<Domain12>(&rules, &casts, &roll);
			let verify_s = verifying.elapsed().as_secs_f64();
			if recount.ballots.len() != proofs as usize {
				return Err(format!("only {} of {proofs} ballots verified", recount.ballots.len()));
			}
			json!({
				"proofs": recount.proofs,
				"ring_size": members.len(),
				"threads": std::thread::available_parallelism().map_or(1, |n| n.get()),
				"commitment_s": commit_s,
				"prove_s": prove_s,
				"verify_s": verify_s,
				"proofs_per_s": recount.proofs as f64 / verify_s,
				"million_ballots_minutes": 1_000_000.0 / (recount.proofs as f64 / verify_s) / 60.0,
			})
		},
		Command::Alias { key, context: ctx } => {
			let ctx = context(&ctx);
			json!({ "context": to_hex(&ctx), "alias": to_hex(&Secret::load(&key)?.alias(&ctx)) })
		},
		Command::Where { url, key } => {
			let client = chain::connect(&url).await?;
			let member = Secret::load(&key)?.member();
			match chain::ring_of_key(&client, member).await? {
				None => json!({ "member": to_hex(&member), "ring": null }),
				Some((set, index)) => {
					let (members, revision, covered) = chain::ring(&client, set, index).await?;
					json!({
						"member": to_hex(&member),
						"set": chain::show_set(set),
						"index": index,
						"revision": revision,
						"members": members.len(),
						"covered": covered,
					})
				},
			}
		},
		Command::Prove { url, key, context: ctx, message } => {
			let client = chain::connect(&url).await?;
			let secret = Secret::load(&key)?;
			let (set, index) = chain::ring_of_key(&client, secret.member())
				.await?
				.ok_or("your key is in no ring yet (its cohort waits, or it is suspended)")?;
			let (members, revision, covered) = chain::ring(&client, set, index).await?;
			if revision == 0 || covered as usize != members.len() {
				return Err("the ring is being rebuilt; try again in a few blocks".into());
			}
			let capacity = chain::ring_capacity(&client).await?;
			let ctx = context(&ctx);
			let started = std::time::Instant::now();
			let (proof, alias) =
				proof::prove(&secret, &members, capacity, &ctx, message.as_bytes())
					.ok_or("your key is not in the ring the chain lists")?;
			json!({
				"set": chain::show_set(set),
				"index": index,
				"revision": revision,
				"ring_size": members.len(),
				"context": to_hex(&ctx),
				"alias": to_hex(&alias),
				"proof": to_hex(&proof),
				"proof_bytes": proof.len(),
				"prove_ms": started.elapsed().as_millis() as u64,
			})
		},
		Command::UploadChunks { url, suri } => {
			let client = chain::connect(&url).await?;
			let uploaded = chain::upload_chunks(&client, &chain::signer(&suri)?).await?;
			json!({ "uploaded_pages": uploaded })
		},
		Command::Verify { url, proof, set, index, revision, context: ctx, message } => {
			let client = chain::connect(&url).await?;
			let ring = RingRef { set: chain::parse_set(&set)?, index, revision };
			match chain::verify(
				&client,
				&from_hex(&proof)?,
				ring,
				context(&ctx),
				message.as_bytes(),
			)
			.await?
			{
				chain::Verdict::Valid { alias, set, revision } => json!({
					"valid": true,
					"alias": to_hex(&alias),
					"set": chain::show_set(set),
					"revision": revision,
				}),
				chain::Verdict::Refused(reason) => json!({ "valid": false, "reason": reason }),
			}
		},
		Command::Vote { at, key, choice, sequence, credential, against_current_ring } => {
			let client = chain::connect(&at.url).await?;
			let secret = Secret::load(&key)?;
			let choice = ballot::parse_choice(&choice)?;
			let how = HowToVote { sequence, credential, against_current_ring };
			vote(&client, &secret, at.poll, choice, how).await?
		},
		Command::Rate { url, key, office, official, disapprove, grade } => {
			let client = chain::connect(&url).await?;
			let secret = Secret::load(&key)?;
			let who = account(&official)?;
			let grades =
				grade.iter().map(|g| civic::parse_grade(g)).collect::<Result<Vec<_>, _>>()?;
			let (period, _, end) = civic::current_period(&client).await?;
			let mut opened = None;
			if civic::period(&client, &who, office, period).await?.is_none() {
				opened = Some(civic::open_period(&client, office, &who).await?);
			}
			let view = civic::period(&client, &who, office, period)
				.await?
				.ok_or("the period did not open")?;
			let poll = view.poll.ok_or("the period has no poll")?;
			let spheres = view.spheres.iter().map(|s| s.sphere).collect();
			let choice = civic::rating_choice(spheres, !disapprove, &grades)?;
			let how = HowToVote { sequence: None, credential: None, against_current_ring: false };
			let mut out = vote(&client, &secret, poll, choice, how).await?;
			out["period"] = json!(period);
			out["period_end"] = json!(end);
			out["open_extrinsic"] = json!(opened);
			out
		},
		Command::Ratings { url, office, official } => {
			let client = chain::connect(&url).await?;
			let who = account(&official)?;
			let (period, start, end) = civic::current_period(&client).await?;
			let current = civic::period(&client, &who, office, period).await?;
			let history = civic::history(&client, &who, office).await?;
			json!({
				"office": office,
				"official": to_hex(&who),
				"period": { "number": period, "start": start, "end": end },
				"current": current.as_ref().map(period_json),
				"history": history.iter().map(period_json).collect::<Vec<_>>(),
			})
		},
		Command::ClosePeriod { url, office, official, period } => {
			let client = chain::connect(&url).await?;
			let who = account(&official)?;
			let block = civic::close_period(&client, office, &who, period).await?;
			let view = civic::period(&client, &who, office, period).await?;
			json!({ "close_extrinsic": block, "period": view.as_ref().map(period_json) })
		},
		Command::Petition { url, key, office, official, withdraw } => {
			let client = chain::connect(&url).await?;
			let secret = Secret::load(&key)?;
			let who = account(&official)?;
			let (running, petition, rules) = civic::recall_status(&client, office, &who).await?;
			if let Some(p) = running {
				return Err(format!("a recall procedure ({p}) is already running"));
			}
			let now = chain::best_block(&client).await?.0 as u32;
			let mut opened = None;
			let petition = match petition.filter(|p| (now) < p.end) {
				Some(p) => p,
				None if withdraw => return Err("no petition is open".into()),
				None => {
					opened = Some(civic::open_petition(&client, office, &who).await?);
					civic::recall_status(&client, office, &who)
						.await?
						.1
						.ok_or("the petition did not open")?
				},
			};
			let choice = ballot::Choice::truncate_from(vec![u8::from(withdraw)]);
			let how = HowToVote { sequence: None, credential: None, against_current_ring: false };
			let mut out = vote(&client, &secret, petition.poll, choice, how).await?;
			let info = chain::poll(&client, petition.poll).await?.ok_or("no petition poll")?;
			let signatures = chain::results(&client, petition.poll)
				.await?
				.and_then(|t| t.options.first().copied())
				.unwrap_or(0);
			let needed = u64::from(rules.petition.mul_ceil(info.roll_size)).max(1);
			out["open_extrinsic"] = json!(opened);
			out["signatures"] = json!(signatures);
			out["needed"] = json!(needed);
			out["end"] = json!(petition.end);
			out
		},
		Command::Recall { url, office, official, period } => {
			let client = chain::connect(&url).await?;
			let who = account(&official)?;
			let block = civic::start_recall(&client, office, &who, period).await?;
			let (running, _, _) = civic::recall_status(&client, office, &who).await?;
			let id = running.ok_or("no procedure is running")?;
			let p = civic::procedure(&client, id).await?.ok_or("no such procedure")?;
			json!({ "start_extrinsic": block, "procedure": id, "detail": procedure_json(&p) })
		},
		Command::Advance { url, procedure } => {
			let client = chain::connect(&url).await?;
			let block = civic::advance(&client, procedure).await?;
			let p = civic::procedure(&client, procedure).await?.ok_or("no such procedure")?;
			json!({ "advance_extrinsic": block, "procedure": procedure, "detail": procedure_json(&p) })
		},
		Command::Confidence { url, key, procedure, keep } => {
			let client = chain::connect(&url).await?;
			let secret = Secret::load(&key)?;
			let p = civic::procedure(&client, procedure).await?.ok_or("no such procedure")?;
			let pallet_veche_recall::Stage::Voting { poll } = p.stage else {
				return Err("the procedure's confidence vote is not open".into());
			};
			// "Remove" is option 0, "keep" option 1.
			let choice = ballot::Choice::truncate_from(vec![u8::from(keep)]);
			let how = HowToVote { sequence: None, credential: None, against_current_ring: false };
			vote(&client, &secret, poll, choice, how).await?
		},
		Command::Check { at, key } => {
			let client = chain::connect(&at.url).await?;
			let secret = Secret::load(&key)?;
			let poll = chain::poll(&client, at.poll).await?.ok_or("no such poll")?;
			let alias = secret.alias(&poll.context);
			match chain::ballot_of(&client, at.poll, alias).await? {
				None => json!({ "poll": at.poll, "alias": to_hex(&alias), "ballot": null }),
				Some(b) => json!({
					"poll": at.poll,
					"alias": to_hex(&alias),
					"ballot": {
						"territory": b.territory,
						"choice": b.choice.to_vec(),
						"sequence": b.sequence,
						"weight": b.weight,
						"cast_at": b.cast_at,
					},
				}),
			}
		},
		Command::LoadPrepare {
			url,
			dir,
			voters,
			ballots,
			constituency,
			window,
			threads,
			no_proofs,
		} => {
			std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
			let plan = load::prepare(&url, voters, ballots, constituency, window, &dir).await?;
			let (made, per) = if no_proofs { (0, 0.0) } else { load::prove(&plan, &dir, threads)? };
			json!({
				"voters": plan.voters,
				"ballots_per_voter": plan.ballots,
				"poll": plan.poll,
				"rings": plan.rings.iter().map(|(r, m)| json!({
					"index": r.index, "revision": r.revision, "members": m.len(),
				})).collect::<Vec<_>>(),
				"registered_s": plan.registered_s,
				"rings_built_s": plan.rings_s,
				"proofs_made": made,
				"proof_s_each_per_thread": per * threads as f64,
				"proven": load::proven(&dir)?.len(),
			})
		},
		Command::LoadRun { url, dir, rate, node_pid } => {
			load::run(&url, &dir, rate, node_pid).await?
		},
		Command::Junk { url, voters, constituency, seconds, in_flight, node_pid, junk_url } => {
			junk(&url, junk_url.as_deref(), voters, constituency, seconds, in_flight, node_pid)
				.await?
		},
		Command::ElectionChoice { url, election, constituency, list, candidates } => {
			let stored = chain::election_data(&url, election).await?;
			let accounts = candidates.iter().map(|c| account(c)).collect::<Result<Vec<_>, _>>()?;
			let (choice, poll) = match (&stored.info.method, list) {
				(pallet_veche_elections::Method::PartyList(rules), Some(list)) => {
					let c = constituency.ok_or("--constituency is needed for a list election")?;
					let on_list =
						stored.data.list_candidates.get(&(c, list)).cloned().unwrap_or_default();
					let poll = stored.data.polls.iter().position(|p| p.constituency == c);
					(election::list_choice(&on_list, list, &accounts, rules.preferences)?, poll)
				},
				(pallet_veche_elections::Method::PartyList(_), None) => {
					return Err("--list is needed for a list election".into())
				},
				(_, _) => (election::candidate_choice(&stored.data.options, &accounts)?, Some(0)),
			};
			let polls = chain::election_polls(&url, election).await?;
			let poll = poll.and_then(|i| polls.get(i)).map(|(_, p)| *p);
			json!({
				"election": election,
				"poll": poll,
				"choice": choice.iter().map(u8::to_string).collect::<Vec<_>>().join(","),
			})
		},
		Command::ElectionCount { url, election: id } => {
			let started = std::time::Instant::now();
			let stored = chain::election_data(&url, id).await?;
			let read_ms = started.elapsed().as_millis() as u64;
			let counted = std::time::Instant::now();
			let out = election::count(&stored.data)?;
			let count_ms = counted.elapsed().as_millis() as u64;
			let show = |seats: &[pallet_veche_elections::Seat<election::Account>]| {
				seats
					.iter()
					.map(|s| {
						json!({
							"who": to_hex(&s.who),
							"constituency": s.constituency,
							"list": s.list,
						})
					})
					.collect::<Vec<_>>()
			};
			// A Phragmén election's seats are on chain once a claim is accepted: before, there
			// is nothing to compare.
			let unclaimed = out.phragmen.is_some()
				&& stored.seats.as_ref().is_none_or(|s| s.is_empty())
				&& !out.seats.is_empty();
			let seats_agree = stored.seats.as_ref().filter(|_| !unclaimed).map(|s| *s == out.seats);
			// A certified primary or first round: who the chain sent on to its next round.
			let sent_on = out.advancing.clone().or(out.run_off.map(|p| p.to_vec()));
			let next_agree = match (&stored.next_round, &sent_on) {
				(Some((_, chain)), Some(here)) => {
					let mut chain = chain.clone();
					let mut here = here.clone();
					chain.sort_unstable();
					here.sort_unstable();
					Some(chain == here)
				},
				(Some(_), None) => Some(false),
				(None, _) => None,
			};
			let agree = match (seats_agree, next_agree) {
				(Some(false), _) | (_, Some(false)) => Some(false),
				(None, None) => None,
				_ => Some(true),
			};
			let hex = |v: &[election::Account]| v.iter().map(|a| to_hex(a)).collect::<Vec<_>>();
			let result = json!({
				"election": id,
				"block": stored.at,
				"stage": format!("{:?}", stored.info.stage),
				"ballots": stored.data.polls.iter().map(|p| p.ballots.len()).sum::<usize>(),
				"votes": out.votes,
				"seats": show(&out.seats),
				"run_off": out.run_off.map(|p| hex(&p)),
				"advancing": out.advancing.as_deref().map(hex),
				"phragmen_claim": out.phragmen.as_ref().map(|w| w
					.iter()
					.map(|(c, load)| json!([c, load.to_string()]))
					.collect::<Vec<_>>()),
				"claim_needed": unclaimed,
				"chain_seats": stored.seats.as_deref().map(show),
				"chain_next_round": stored.next_round.as_ref().map(|(e, c)| json!({
					"election": e,
					"candidates": hex(c),
				})),
				"seats_agree": agree,
				"read_ms": read_ms,
				"count_ms": count_ms,
			});
			println!("{result}");
			if agree == Some(false) {
				return Err(
					"the independent count disagrees with the chain's seats or next round".into()
				);
			}
			return Ok(());
		},
		Command::Recount { at, synthetic: Some(n) } => synthetic_recount(n, at.poll)?,
		Command::Recount { at, synthetic: None } => {
			let started = std::time::Instant::now();
			let data = chain::poll_data(&at.url, at.poll).await?;
			let read_ms = started.elapsed().as_millis() as u64;
			let counted = std::time::Instant::now();
			let count = recount::count(
				data.poll.kind,
				data.ballots.iter().map(|(_, b)| b.clone()),
				&data.excluded,
			)?;
			let count_ms = counted.elapsed().as_millis() as u64;
			let differing: Vec<u32> = count
				.territories
				.keys()
				.chain(data.tallies.keys())
				.filter(|t| count.territories.get(t) != data.tallies.get(t))
				.copied()
				.collect::<std::collections::BTreeSet<u32>>()
				.into_iter()
				.collect();
			let results_agree = data.results.as_ref().map(|r| *r == count.results);
			let territories: serde_json::Map<String, serde_json::Value> = count
				.territories
				.iter()
				.map(|(t, tally)| {
					(
						t.to_string(),
						json!({
							"ballots": tally.ballots,
							"turnout": tally.turnout,
							"options": tally.options.to_vec(),
							"excluded": data.excluded.contains(t),
						}),
					)
				})
				.collect();
			let out = json!({
				"poll": at.poll,
				"block": data.at,
				"ballots": count.ballots,
				"results": {
					"ballots": count.results.ballots,
					"turnout": count.results.turnout,
					"options": count.results.options.to_vec(),
				},
				"territories": territories,
				"tallies_agree": differing.is_empty(),
				"differing_territories": differing,
				"closed": data.results.is_some(),
				"results_agree": results_agree,
				"read_ms": read_ms,
				"count_ms": count_ms,
			});
			println!("{out}");
			if !differing.is_empty() || results_agree == Some(false) {
				return Err("the recount disagrees with the chain".into());
			}
			return Ok(());
		},
	};
	println!("{out}");
	Ok(())
}

/// An account given as SS58 or as 0x-prefixed hex.
/// How a ballot is cast: its sequence number (default: after the stored one), a credential
/// class to weigh it with, and (for tests) a proof against the ring's current revision.
struct HowToVote {
	sequence: Option<u32>,
	credential: Option<u16>,
	against_current_ring: bool,
}

/// Casts `secret`'s ballot marking `choice` in poll `poll_id` (an ordinary poll, a rating
/// period, a petition or a confidence vote) and reports what the chain recorded.
async fn vote(
	client: &chain::Client,
	secret: &Secret,
	poll_id: u32,
	choice: ballot::Choice,
	how: HowToVote,
) -> Result<serde_json::Value, String> {
	let member = secret.member();
	let poll = chain::poll(client, poll_id).await?.ok_or("no such poll")?;
	let (set, index) = chain::ring_of_key(client, member)
		.await?
		.ok_or("your key is in no ring yet (its cohort waits, or it is suspended)")?;
	// The poll's roll: the revision of the ring current when the poll was created.
	let not_in_roll = "your key entered its ring after this poll was created (a new \
		                   registration, a key rotation or a reinstatement): it votes from \
		                   the next poll";
	let (revision, members) = if how.against_current_ring {
		let (members, revision, _) = chain::ring(client, set, index).await?;
		(revision, members)
	} else {
		chain::roll_ring(client, set, index, poll.roll).await?.ok_or(not_in_roll)?
	};
	if !members.contains(&member) {
		return Err(not_in_roll.into());
	}
	let alias = secret.alias(&poll.context);
	let sequence = match how.sequence {
		Some(s) => s,
		None => chain::ballot_of(client, poll_id, alias)
			.await?
			.map_or(1, |b| b.sequence.saturating_add(1)),
	};
	let cred = match how.credential {
		None => None,
		Some(class) => Some(credential_ring(client, class, &member, poll.roll).await?),
	};
	let capacity = chain::ring_capacity(&client).await?;
	let marks = ballot::Marks { poll: poll_id, context: poll.context, choice, sequence };
	let started = std::time::Instant::now();
	let own = ballot::ProvingRing { ring: RingRef { set, index, revision }, members: &members };
	let (b, alias) = ballot::build(
		&secret,
		&marks,
		own,
		cred.as_ref().map(|(ring, m)| ballot::ProvingRing { ring: *ring, members: m }),
		capacity,
	)?;
	let prove_ms = started.elapsed().as_millis() as u64;
	let outcome = chain::cast(client, &b).await?;
	let (recorded, block) = match outcome {
		chain::CastOutcome::Recorded { block } => (true, block),
		chain::CastOutcome::Rejected { block } => (false, block),
	};
	Ok(json!({
		"poll": poll_id,
		"alias": to_hex(&alias),
		"sequence": sequence,
		"choice": marks.choice.to_vec(),
		"recorded": recorded,
		"block": block,
		"prove_ms": prove_ms,
		"submit_ms": started.elapsed().as_millis() as u64 - prove_ms,
	}))
}

/// A rating period as JSON: counts, approval, turnout and each sphere's majority grade.
fn period_json(v: &civic::PeriodView) -> serde_json::Value {
	json!({
		"period": v.period,
		"poll": v.poll,
		"start": v.start,
		"end": v.end,
		"closed": v.closed,
		"roll_size": v.roll_size,
		"raters": v.raters,
		"approvals": v.approvals,
		"disapprovals": v.disapprovals,
		"approval_percent": f64::from(v.approval.deconstruct()) / 1e7,
		"turnout_percent": f64::from(v.turnout.deconstruct()) / 1e7,
		"spheres": v.spheres.iter().map(|s| json!({
			"sphere": format!("{:?}", s.sphere),
			"grades": s.histogram,
			"majority_grade": s.majority.map(|m| m.grade),
			"above": s.majority.map(|m| m.above),
			"below": s.majority.map(|m| m.below),
		})).collect::<Vec<_>>(),
	})
}

/// A recall procedure as JSON.
fn procedure_json(p: &civic::Procedure) -> serde_json::Value {
	json!({
		"office": p.office,
		"official": to_hex(&p.who),
		"trigger": format!("{:?}", p.trigger),
		"noticed": p.noticed,
		"response_end": p.response_end,
		"response": p.response.as_ref().map(|r| json!({
			"document": to_hex(&r.document),
			"fixes": r.fixes.to_vec(),
			"at": r.at,
		})),
		"stage": format!("{:?}", p.stage),
	})
}

fn account(s: &str) -> Result<[u8; 32], String> {
	if let Some(hex) = s.strip_prefix("0x") {
		return from_hex(hex)?.try_into().map_err(|_| format!("{s}: not 32 bytes"));
	}
	let id: subxt::utils::AccountId32 = s.parse().map_err(|e| format!("{s}: {e}"))?;
	Ok(id.0)
}

/// The credential ring of `class` in the poll's `roll` that holds `member`, with its members.
async fn credential_ring(
	client: &chain::Client,
	class: u16,
	member: &veche_client::Member,
	roll: u32,
) -> Result<(RingRef, Vec<veche_client::Member>), String> {
	let set = veche_client::RingSet::Credential(class);
	for index in 0..1_000 {
		let Some((revision, members)) = chain::roll_ring(client, set, index, roll).await? else {
			break;
		};
		if members.contains(member) {
			return Ok((RingRef { set, index, revision }, members));
		}
	}
	Err(format!("your key holds no credential of class {class}"))
}

/// Counts `n` generated ballots the way `recount` counts stored ones: each SCALE-decoded from the
/// bytes the chain stores, then tallied over 1,000 territories. Measures the counter alone.
fn synthetic_recount(n: u32, seed: u32) -> Result<serde_json::Value, String> {
	use codec::{Decode, Encode};
	let options = 8u8;
	let mut state = u64::from(seed) | 1;
	let mut next = || {
		// xorshift64: a fixed, cheap stream, so that runs are comparable.
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		state
	};
	let encoded: Vec<Vec<u8>> = (0..n)
		.map(|_| {
			let r = next();
			chain::BallotRecord {
				territory: (r % 1_000) as u32,
				choice: ballot::Choice::truncate_from(vec![((r >> 16) % u64::from(options)) as u8]),
				sequence: 1,
				weight: 1,
				cast_at: (r >> 32) as u32 % 100_000,
			}
			.encode()
		})
		.collect();
	let bytes: usize = encoded.iter().map(Vec::len).sum();
	let started = std::time::Instant::now();
	let decoded = encoded.iter().map(|e| chain::BallotRecord::decode(&mut &e[..]));
	let ballots: Vec<chain::BallotRecord> =
		decoded.collect::<Result<_, _>>().map_err(|e| e.to_string())?;
	let kind = pallet_veche_ballots::PollKind::Approval { options, max: options };
	let count = recount::count(kind, ballots, &Default::default())?;
	let ms = started.elapsed().as_millis() as u64;
	Ok(json!({
		"synthetic_ballots": count.ballots,
		"bytes": bytes,
		"territories": count.territories.len(),
		"results": count.results.options.to_vec(),
		"count_ms": ms,
		"ballots_per_s": (u64::from(n) * 1_000).checked_div(ms.max(1)),
	}))
}

/// A dev chain made ready for the junk measurement: `n` voters registered (by Dave) in one ring, and a
/// yes/no poll over the whole country open (by sudo).
struct Prepared {
	secrets: Vec<Secret>,
	members: Vec<veche_client::Member>,
	ring: RingRef,
	poll_id: u32,
	poll: chain::PollInfo,
	capacity: u32,
}

async fn prepare(client: &chain::Client, n: u32, constituency: u32) -> Result<Prepared, String> {
	use codec::Encode;
	let client = client.clone();
	let dave = chain::signer("//Dave")?;
	let alice = chain::signer("//Alice")?;
	chain::upload_chunks(&client, &alice).await?;
	let secrets: Vec<Secret> = (0..n).map(load::voter_secret).collect();
	// Registration in batches of 100 (a queue holds at most 256 keys until its cohort joins).
	let mut calls = Vec::new();
	for (i, s) in secrets.iter().enumerate() {
		let tag = load::voter_tag(i as u32);
		let args = (tag, s.member(), constituency).encode();
		calls.push(chain::encode_call(&client, "Personhood", "register", &args).await?);
	}
	for chunk in calls.chunks(100) {
		chain::batch_all(&client, &dave, chunk).await?;
	}
	// Wait until the last voter's ring is built.
	let last = secrets.last().ok_or("no voters")?.member();
	let (set, index, members, revision) = loop {
		if let Some((set, index)) = chain::ring_of_key(&client, last).await? {
			let (members, revision, covered) = chain::ring(&client, set, index).await?;
			if revision > 0 && covered as usize == members.len() && members.contains(&last) {
				break (set, index, members, revision);
			}
		}
		tokio::time::sleep(std::time::Duration::from_secs(2)).await;
	};
	// A yes/no poll over the whole country, open now.
	let (now, _) = chain::best_block(&client).await?;
	let electorate = pallet_veche_ballots::Electorate {
		units: ballot::Choice::truncate_from(vec![])
			.into_inner()
			.into_iter()
			.map(u32::from)
			.chain([0])
			.collect::<Vec<u32>>()
			.try_into()
			.map_err(|_| "electorate")?,
		base_weight: 1,
		class_weights: Default::default(),
		aliases: None,
	};
	let create = (ballot::PollKind::YesNo, electorate, now as u32 + 1, now as u32 + 2_000).encode();
	let create = chain::encode_call(&client, "Ballots", "create_poll", &create).await?;
	chain::sudo(&client, &alice, create).await?;
	let poll_id = {
		let mut id = 0;
		while chain::poll(&client, id + 1).await?.is_some() {
			id += 1;
		}
		id
	};
	let poll = chain::poll(&client, poll_id).await?.ok_or("the poll was not created")?;
	let capacity = chain::ring_capacity(&client).await?;
	let ring = RingRef { set, index, revision };
	Ok(Prepared { secrets, members, ring, poll_id, poll, capacity })
}

/// CPU seconds a process has used so far (user + system), from /proc (Linux; clock ticks of
/// USER_HZ = 100, fixed by the kernel's ABI).
fn cpu_seconds(pid: u32) -> Option<f64> {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
	// Fields after the command name (which is in parentheses and may hold spaces).
	let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
	let utime: u64 = fields.get(11)?.parse().ok()?;
	let stime: u64 = fields.get(12)?.parse().ok()?;
	Some((utime + stime) as f64 / 100.0)
}

async fn junk(
	url: &str,
	junk_url: Option<&str>,
	n: u32,
	constituency: u32,
	seconds: u64,
	in_flight: usize,
	node_pid: Option<u32>,
) -> Result<serde_json::Value, String> {
	use std::{
		collections::BTreeMap,
		sync::{
			atomic::{AtomicBool, Ordering},
			Arc,
		},
		time::{Duration, Instant},
	};
	if n < 8 {
		return Err("at least 8 voters: one for the template, the rest to vote".into());
	}
	// The honest voters use one connection, the junk sender another (on `junk_url` if given: a
	// public endpoint with its own limits), submitting without watching, as a flooder would.
	let client = chain::connect(url).await?;
	let sender = Arc::new(chain::RawSubmitter::connect(junk_url.unwrap_or(url)).await?);
	let names = chain::ballot_error_names(&client).await?;
	let Prepared { secrets, members, ring, poll_id, poll, capacity, .. } =
		prepare(&client, n, constituency).await?;
	let ballot_of = |i: usize| {
		let marks = ballot::Marks {
			poll: poll_id,
			context: poll.context,
			choice: ballot::Choice::truncate_from(vec![(i % 2) as u8]),
			sequence: 1,
		};
		ballot::build(
			&secrets[i],
			&marks,
			ballot::ProvingRing { ring, members: &members },
			None,
			capacity,
		)
		.map(|(b, _)| b)
	};
	// Voter 0 never votes: its ballot is the junk's template (a junk variant claims its alias).
	let template = ballot_of(0)?;
	let honest: Vec<ballot::Ballot> =
		(1..secrets.len()).map(ballot_of).collect::<Result<_, _>>()?;
	let wanted = usize::try_from(seconds).unwrap_or(usize::MAX).saturating_mul(150);
	let making = Instant::now();
	fn make<D: veche_client::RingDomain>(
		template: &ballot::Ballot,
		members: &[veche_client::Member],
		context: &veche_client::Context,
		wanted: usize,
	) -> Result<Vec<ballot::Ballot>, String> {
		let commitment = veche_client::audit::commitment::<D>(members)?;
		Ok(veche_client::junk::variants::<D>(template, &commitment, context, wanted, 2))
	}
	let junk = if capacity <= 255 {
		make::<veche_client::Domain11>(&template, &members, &poll.context, wanted)?
	} else {
		make::<veche_client::Domain12>(&template, &members, &poll.context, wanted)?
	};
	let making_s = making.elapsed().as_secs_f64();
	// Wait for the poll to open.
	while chain::best_block(&client).await?.0 < u64::from(poll.start) {
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let probe = |b: ballot::Ballot| {
		let client = client.clone();
		async move {
			let t = Instant::now();
			chain::submit_ballot(&client, &b)
				.await
				.map(|()| t.elapsed().as_secs_f64() * 1e3)
		}
	};
	// Before the flood: the node's CPU at rest, and how long an honest ballot waits.
	let quiet = Duration::from_secs(12);
	let cpu0 = node_pid.and_then(cpu_seconds);
	let t0 = Instant::now();
	let mut before_ms = Vec::new();
	let mut next = honest.into_iter();
	for b in next.by_ref().take(4) {
		before_ms.push(probe(b).await?);
	}
	tokio::time::sleep(quiet.saturating_sub(t0.elapsed())).await;
	let quiet_s = t0.elapsed().as_secs_f64();
	let cpu1 = node_pid.and_then(cpu_seconds);
	// The flood: `in_flight` junk submissions at a time on the sender's connection, while an
	// honest ballot goes in every two seconds on the other.
	let stop = Arc::new(AtomicBool::new(false));
	let queue = Arc::new(std::sync::Mutex::new(junk.into_iter()));
	let flood_start = Instant::now();
	let workers: Vec<_> = (0..in_flight.max(1))
		.map(|_| {
			let (sender, client, queue, stop, names) =
				(sender.clone(), client.clone(), queue.clone(), stop.clone(), names.clone());
			tokio::spawn(async move {
				let mut seen: BTreeMap<String, u64> = BTreeMap::new();
				while !stop.load(Ordering::Relaxed) {
					let Some(b) = queue.lock().ok().and_then(|mut q| q.next()) else { break };
					let outcome = match sender.submit(&client, &b).await {
						Ok(()) => "accepted".to_string(),
						Err(e) => load::refusal(&e, &names),
					};
					*seen.entry(outcome).or_default() += 1;
				}
				seen
			})
		})
		.collect();
	let mut during_ms = Vec::new();
	let mut honest_refused = Vec::new();
	while flood_start.elapsed() < Duration::from_secs(seconds) {
		let tick = Instant::now();
		let Some(b) = next.next() else { break };
		match probe(b).await {
			Ok(ms) => during_ms.push(ms),
			Err(e) => honest_refused.push(load::refusal(&e, &names)),
		}
		tokio::time::sleep(Duration::from_secs(2).saturating_sub(tick.elapsed())).await;
	}
	tokio::time::sleep(Duration::from_secs(seconds).saturating_sub(flood_start.elapsed())).await;
	stop.store(true, Ordering::Relaxed);
	let cpu2 = node_pid.and_then(cpu_seconds);
	let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
	for w in workers {
		for (k, v) in w.await.map_err(|e| e.to_string())? {
			*outcomes.entry(k).or_default() += v;
		}
	}
	let flood_s = flood_start.elapsed().as_secs_f64();
	let full_cost = outcomes.get("InvalidProof").copied().unwrap_or(0);
	let sent: u64 = outcomes.values().sum();
	// Every honest ballot the pool took must be counted.
	let expected = (before_ms.len() + during_ms.len()) as u32;
	let deadline = Instant::now() + Duration::from_secs(120);
	let mut counted = 0;
	while counted < expected && Instant::now() < deadline {
		counted = chain::poll(&client, poll_id).await?.map_or(0, |p| p.voters);
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	let cores = |a: Option<f64>, b: Option<f64>, s: f64| a.zip(b).map(|(a, b)| (b - a) / s);
	let (rest, flooded) = (cores(cpu0, cpu1, quiet_s), cores(cpu1, cpu2, flood_s));
	Ok(json!({
		"ring_size": members.len(),
		"junk_made": sent,
		"junk_make_s": making_s,
		"flood_s": flood_s,
		"in_flight": in_flight,
		"junk_outcomes": outcomes,
		"junk_refused_per_s": full_cost as f64 / flood_s,
		"node_cores_at_rest": rest,
		"node_cores_flooded": flooded,
		"node_cpu_ms_per_junk": rest.zip(flooded).filter(|_| full_cost > 0)
			.map(|(r, f)| (f - r) * flood_s * 1e3 / full_cost as f64),
		"honest_wait_before": veche_client::load::spread(before_ms),
		"honest_wait_during": veche_client::load::spread(during_ms),
		"honest_refused_during": honest_refused,
		"honest_counted": counted,
		"honest_expected": expected,
	}))
}

/// The seed of the demo signer (Bob as Head of Birchwood), as the runtime's genesis derives it.
fn demo_signer_seed() -> [u8; 32] {
	acts::text_hash(b"veche-demo-signer-bob")
}

async fn act_command(command: ActCommand) -> Result<serde_json::Value, String> {
	Ok(match command {
		ActCommand::NewKey { out, demo } => {
			let seed = if demo {
				demo_signer_seed()
			} else {
				let mut seed = [0u8; 32];
				getrandom::getrandom(&mut seed).map_err(|e| format!("no randomness: {e}"))?;
				seed
			};
			write_secret(&out, &to_hex(&seed))?;
			let key = acts::PqKey::from_seed(&seed);
			json!({ "file": out, "public_hash": to_hex(&acts::text_hash(&key.public)) })
		},
		ActCommand::RegisterKey { url, suri, office, pq } => {
			let client = chain::connect(&url).await?;
			let signer = chain::signer(&suri)?;
			let key = acts::PqKey::load(&pq)?;
			let extrinsic = acts::register_key(&client, &signer, office, &key).await?;
			json!({ "extrinsic": extrinsic, "public_hash": to_hex(&acts::text_hash(&key.public)) })
		},
		ActCommand::Table { url, suri, office, kind, title, text, locator } => {
			let client = chain::connect(&url).await?;
			let signer = chain::signer(&suri)?;
			let kind = acts::parse_kind(&kind)?;
			let body =
				std::fs::read(&text).map_err(|e| format!("cannot read {}: {e}", text.display()))?;
			let content = acts::text_hash(&body);
			let extrinsic = acts::table(
				&client,
				&signer,
				office,
				kind,
				title.as_bytes(),
				content,
				locator.as_bytes(),
			)
			.await?;
			json!({ "extrinsic": extrinsic, "content": to_hex(&content) })
		},
		ActCommand::Sign { url, suri, act, version, key, pq } => {
			let client = chain::connect(&url).await?;
			let sender = chain::signer(&suri)?;
			let pq = acts::PqKey::load(&pq)?;
			let extrinsic = acts::sign(&client, &sender, act, version, key, &pq).await?;
			let mut out = acts::verify(&client, act, version, None).await?;
			out["extrinsic"] = json!(extrinsic);
			out
		},
		ActCommand::Verify { url, act, version, text } => {
			let client = chain::connect(&url).await?;
			let body = text
				.map(|t| std::fs::read(&t).map_err(|e| format!("cannot read {}: {e}", t.display())))
				.transpose()?;
			acts::verify(&client, act, version, body.as_deref()).await?
		},
		ActCommand::Show { url, act, at } => {
			let client = chain::connect(&url).await?;
			let record = acts::act(&client, act).await?.ok_or("no such act")?;
			let (best, _) = chain::best_block(&client).await?;
			let at = at.unwrap_or(best as u32);
			let in_force = acts::in_force(&client, act, at).await?;
			json!({
				"act": act,
				"kind": format!("{:?}", record.kind),
				"unit": record.unit,
				"office": record.office,
				"title": String::from_utf8_lossy(&record.title),
				"status": format!("{:?}", record.status),
				"number": record.number.map(|n| format!("{}/{}", n.seq, n.year)),
				"versions": record.versions,
				"at": at,
				"in_force": in_force.map(|(v, version)| json!({
					"version": v,
					"content": to_hex(&version.content),
					"locator": String::from_utf8_lossy(&version.locator),
				})),
			})
		},
	})
}

/// Writes `line` to a new file readable by its owner only.
fn write_secret(path: &std::path::Path, line: &str) -> Result<(), String> {
	use std::{io::Write, os::unix::fs::OpenOptionsExt};
	let mut file = std::fs::OpenOptions::new()
		.write(true)
		.create_new(true)
		.mode(0o600)
		.open(path)
		.map_err(|e| format!("cannot create {}: {e}", path.display()))?;
	writeln!(file, "{line}").map_err(|e| format!("cannot write {}: {e}", path.display()))
}

async fn civic_command(command: CivicCommand) -> Result<serde_json::Value, String> {
	use veche_client::consult;
	let content = |title: &str| veche_client::blake2_256(title.as_bytes());
	Ok(match command {
		CivicCommand::Open { url, key, name } => {
			let client = chain::connect(&url).await?;
			let (profile, alias, xt) =
				consult::open(&client, &Secret::load(&key)?, name.as_bytes()).await?;
			json!({ "profile": profile, "alias": to_hex(&alias), "extrinsic": xt })
		},
		CivicCommand::Renew { url, key } => {
			let client = chain::connect(&url).await?;
			let (profile, xt) = consult::renew(&client, &Secret::load(&key)?).await?;
			json!({ "profile": profile, "extrinsic": xt })
		},
		CivicCommand::Status { url, key, sphere } => {
			let client = chain::connect(&url).await?;
			let (profile, record) = consult::my_profile(&client, &Secret::load(&key)?).await?;
			let sphere = sphere.as_deref().map(consult::parse_sphere).transpose()?;
			let r = consult::status(&client, profile, sphere).await?;
			json!({
				"profile": profile,
				"name": String::from_utf8_lossy(&record.name),
				"constituency": record.constituency,
				"active": record.active,
				"status": format!("{:?}", r.status),
				"from": r.from,
				"until": r.until,
				"months": r.figures.months,
				"monthsProposing": r.figures.months_proposing,
				"consultations": r.figures.consultations,
				"answered": r.figures.answered,
				"settled": r.figures.settled,
				"agreed": r.figures.agreed,
			})
		},
		CivicCommand::Propose { url, key, unit, sphere, plan, title, options } => {
			let client = chain::connect(&url).await?;
			let sphere = consult::parse_sphere(&sphere)?;
			let (id, xt) = consult::propose(
				&client,
				&Secret::load(&key)?,
				unit,
				sphere,
				plan,
				title.as_bytes(),
				content(&title),
				options,
			)
			.await?;
			json!({ "consultation": id, "extrinsic": xt })
		},
		CivicCommand::Answer { url, key, consultation, choice } => {
			let client = chain::connect(&url).await?;
			let (revision, xt) =
				consult::answer(&client, &Secret::load(&key)?, consultation, choice).await?;
			json!({ "consultation": consultation, "revision": revision, "extrinsic": xt })
		},
		CivicCommand::Read { url, key, consultation } => {
			let client = chain::connect(&url).await?;
			match consult::read(&client, &Secret::load(&key)?, consultation).await? {
				Some((choice, revision)) => {
					json!({ "consultation": consultation, "choice": choice, "revision": revision })
				},
				None => json!({ "consultation": consultation, "choice": null }),
			}
		},
		CivicCommand::Claim { url, key, consultation } => {
			let client = chain::connect(&url).await?;
			let xt = consult::claim(&client, &Secret::load(&key)?, consultation).await?;
			json!({ "consultation": consultation, "extrinsic": xt })
		},
		CivicCommand::Idea { url, key, unit, sphere, title } => {
			let client = chain::connect(&url).await?;
			let sphere = consult::parse_sphere(&sphere)?;
			let (id, xt) = consult::post_idea(
				&client,
				&Secret::load(&key)?,
				unit,
				sphere,
				title.as_bytes(),
				content(&title),
			)
			.await?;
			json!({ "idea": id, "extrinsic": xt })
		},
		CivicCommand::Rate { url, key, idea, grade } => {
			let client = chain::connect(&url).await?;
			let args = codec::Encode::encode(&(idea, grade));
			let (_, xt) = consult::act(
				&client,
				&Secret::load(&key)?,
				"rate_idea",
				pallet_veche_consultations::tags::RATE_IDEA,
				args,
			)
			.await?;
			json!({ "idea": idea, "grade": grade, "extrinsic": xt })
		},
		CivicCommand::Count { url, consultation, suri } => {
			let client = chain::connect(&url).await?;
			let (counts, xt) = consult::count(&client, consultation, suri.as_deref()).await?;
			json!({ "consultation": consultation, "counts": counts, "extrinsic": xt })
		},
	})
}

async fn trustee_command(command: TrusteeCommand) -> Result<serde_json::Value, String> {
	use veche_client::consult;
	Ok(match command {
		TrusteeCommand::Register { url, suri, seed, public_seed, ceremony } => {
			let client = chain::connect(&url).await?;
			let seed = trustee_seed(seed, public_seed)?;
			let xt = consult::register(&client, &suri, &seed, ceremony).await?;
			json!({ "ceremony": ceremony, "extrinsic": xt })
		},
		TrusteeCommand::Deal { url, suri, seed, public_seed, ceremony } => {
			let client = chain::connect(&url).await?;
			let seed = trustee_seed(seed, public_seed)?;
			let xt = consult::deal(&client, &suri, &seed, ceremony).await?;
			json!({ "ceremony": ceremony, "extrinsic": xt })
		},
		TrusteeCommand::Check { url, suri, seed, public_seed, ceremony } => {
			let client = chain::connect(&url).await?;
			let seed = trustee_seed(seed, public_seed)?;
			let who = chain::signer(&suri)?.public_key().0;
			let (index, share, bad) = consult::my_share(&client, &who, &seed, ceremony).await?;
			json!({
				"ceremony": ceremony,
				"index": index,
				"verificationKey": to_hex(&veche_seal::public_key(&share)),
				"badDealers": bad,
			})
		},
		TrusteeCommand::Decrypt { url, suri, seed, public_seed, consultation } => {
			let client = chain::connect(&url).await?;
			let seed = trustee_seed(seed, public_seed)?;
			let xt = consult::decrypt(&client, &suri, &seed, consultation).await?;
			json!({ "consultation": consultation, "extrinsic": xt })
		},
	})
}

async fn jury_command(command: JuryCommand) -> Result<serde_json::Value, String> {
	use veche_client::jury;
	Ok(match command {
		JuryCommand::Enrol { url, key, jury: id } => {
			let client = chain::connect(&url).await?;
			let (alias, xt) = jury::enrol(&client, &Secret::load(&key)?, id).await?;
			json!({ "jury": id, "alias": to_hex(&alias), "extrinsic": xt })
		},
		JuryCommand::Accept { url, key, jury: id } => {
			let client = chain::connect(&url).await?;
			let (alias, xt) = jury::accept(&client, &Secret::load(&key)?, id).await?;
			json!({ "jury": id, "alias": to_hex(&alias), "extrinsic": xt })
		},
		JuryCommand::Vote { url, key, jury: id, choice } => {
			let client = chain::connect(&url).await?;
			let info = jury::jury(&client, id).await?.ok_or("no such jury")?;
			let pallet_veche_juries::JuryStage::Voting { poll } = info.stage else {
				return Err(format!("jury {id} is not voting ({:?})", info.stage));
			};
			let mark = match choice.as_str() {
				"yes" => 0u8,
				"no" => 1,
				other => return Err(format!("a juror votes yes or no, not {other:?}")),
			};
			let choice = ballot::Choice::truncate_from(vec![mark]);
			let how = HowToVote { sequence: None, credential: None, against_current_ring: false };
			let mut out = vote(&client, &Secret::load(&key)?, poll, choice, how).await?;
			out["jury"] = json!(id);
			out
		},
		JuryCommand::Verify { url, jury: id } => {
			let client = chain::connect(&url).await?;
			let (info, check) = jury::verify(&client, id).await?;
			let draw = info.draw.ok_or("the jury has not been drawn yet")?;
			let out = json!({
				"jury": id,
				"epoch": draw.relay.epoch,
				"randomness": to_hex(&draw.relay.randomness),
				"relay_block": draw.relay.relay_block,
				"source": format!("{:?}", draw.source),
				"seed": to_hex(&check.seed),
				"quotas": check.quotas,
				"drawn": check.drawn.len(),
				"faults": check.faults,
				"verified": check.faults.is_empty(),
			});
			if !check.faults.is_empty() {
				return Err(format!("the draw does not recompute: {out}"));
			}
			out
		},
		JuryCommand::Show { url, jury: id, key } => {
			let client = chain::connect(&url).await?;
			let info = jury::jury(&client, id).await?.ok_or("no such jury")?;
			let mine = match key {
				Some(key) => {
					let alias = Secret::load(&key)?.alias(&info.context);
					let summons = jury::summons(&client, id, alias).await?;
					Some(json!({
						"alias": to_hex(&alias),
						"summons": summons.map(|s| json!({
							"stratum": s.stratum,
							"position": s.position,
							"deadline": s.deadline,
							"status": format!("{:?}", s.status),
						})),
					}))
				},
				None => None,
			};
			json!({
				"jury": id,
				"act": info.act,
				"version": info.version,
				"unit": info.unit,
				"size": info.size,
				"credential": info.credential,
				"freeze": info.freeze,
				"volunteers": info.volunteers,
				"pending": info.pending,
				"seated": info.seated,
				"stage": format!("{:?}", info.stage),
				"you": mine,
			})
		},
	})
}
