//! `veche-client`: ring keys, dedupe tags, aliases and proofs of personhood on the command line.
//!
//! People: `key new`, `key show`, `alias`, `where`, `prove`. Registrars: `tag`, `register`.
//! Anybody: `verify` (the runtime checks the proof), `upload-chunks` (once per chain). Output
//! is JSON on stdout.

use clap::{Parser, Subcommand};
use serde_json::json;
use std::path::PathBuf;
use veche_client::{chain, context, from_hex, hex32, keys::Secret, proof, tag, to_hex, RingRef};

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
	/// (Registrar) The dedupe tag of an identity document.
	Tag {
		/// File holding the registrars' shared secret (raw bytes, 1..=64).
		#[arg(long)]
		secret_file: PathBuf,
		/// Issuing country, ISO 3166 code.
		#[arg(long)]
		country: String,
		/// Document number (spaces and dashes are ignored, letters case-insensitive).
		#[arg(long)]
		document: String,
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

#[tokio::main]
async fn main() {
	if let Err(e) = run(Cli::parse()).await {
		eprintln!("error: {e}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<(), String> {
	let out = match cli.command {
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
		Command::Tag { secret_file, country, document } => {
			let shared = std::fs::read(&secret_file)
				.map_err(|e| format!("cannot read {}: {e}", secret_file.display()))?;
			json!({ "tag": to_hex(&tag::dedupe_tag(&shared, &country, &document)?) })
		},
		Command::Register { url, suri, tag, member, constituency } => {
			let client = chain::connect(&url).await?;
			let registrar = chain::signer(&suri)?;
			let extrinsic =
				chain::register(&client, &registrar, hex32(&tag)?, hex32(&member)?, constituency)
					.await?;
			json!({ "registered": true, "extrinsic": extrinsic })
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
	};
	println!("{out}");
	Ok(())
}
