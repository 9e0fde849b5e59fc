//! # veche-client
//!
//! The client side of Veche's personhood, for people and registrars.
//!
//! - [`keys`]: a person's ring secret (32 bytes of entropy kept in a file only they hold), its
//!   public ring key, and their alias in a context.
//! - [`tag`]: the registrar's dedupe tag — a keyed BLAKE2b hash of the identity document with a
//!   secret the registrars share, so that the same passport gives the same tag at every
//!   registrar and nothing else can recompute it.
//! - [`proof`]: anonymous proofs of personhood over a ring as the chain stores it.
//! - [`ballot`]: anonymous ballots — the choice, the proofs over the voter's rings.
//! - [`recount`]: an independent count of a poll from its stored ballots.
//! - [`chain`]: the chain calls — registration, where a key sits, its ring, verification of a
//!   proof by the runtime itself, casting a ballot, a voter's stored ballot, a poll's data.
//!
//! The `veche-client` binary exposes all of it on the command line.

pub mod chain;

pub use pallet_veche_personhood::crypto::{Domain11, Domain12, Member};
pub use pallet_veche_primitives::{Alias, Context, RingRef, RingSet};

/// The ring builder's static chunks in pages, as `Personhood.upload_chunks` takes them, for
/// rings of at most `capacity` members (the parameters ship inside `verifiable`).
pub fn chunk_pages(capacity: u32) -> Vec<Vec<pallet_veche_personhood::Chunk>> {
	use pallet_veche_personhood::{
		crypto::{Bandersnatch, RingVrf},
		CHUNK_PAGE_SIZE,
	};
	let chunks = if capacity <= 255 {
		Bandersnatch::<Domain11>::builder_chunks()
	} else {
		Bandersnatch::<Domain12>::builder_chunks()
	};
	chunks.chunks(CHUNK_PAGE_SIZE as usize).map(|p| p.to_vec()).collect()
}

/// Hex with a `0x` prefix.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Parses hex, with or without `0x`.
pub fn from_hex(s: &str) -> Result<Vec<u8>, String> {
	hex::decode(s.trim().trim_start_matches("0x")).map_err(|e| format!("bad hex {s:?}: {e}"))
}

/// Parses exactly 32 bytes of hex.
pub fn hex32(s: &str) -> Result<[u8; 32], String> {
	from_hex(s)?.try_into().map_err(|_| format!("{s:?} is not 32 bytes of hex"))
}

/// A context for aliases and proofs: 32 bytes of hex as given, or the BLAKE2b-256 hash of any
/// other text (e.g. `poll:42`), so that a poll's label names its context.
pub fn context(s: &str) -> Context {
	hex32(s).unwrap_or_else(|_| blake2_256(s.as_bytes()))
}

/// Unkeyed BLAKE2b-256, as the runtime's `blake2_256`.
pub fn blake2_256(data: &[u8]) -> [u8; 32] {
	let hash = blake2b_simd::Params::new().hash_length(32).hash(data);
	let mut out = [0u8; 32];
	out.copy_from_slice(hash.as_bytes());
	out
}

pub mod keys {
	//! Ring secrets, public keys and aliases.
	use super::*;
	use std::{fs, io::Write, path::Path};

	/// A person's ring secret: the 32-byte seed of their Bandersnatch secret key.
	#[derive(Clone)]
	pub struct Secret(pub [u8; 32]);

	impl Secret {
		/// A fresh secret from the operating system's randomness.
		pub fn generate() -> Result<Self, String> {
			let mut seed = [0u8; 32];
			getrandom::getrandom(&mut seed).map_err(|e| format!("no OS randomness: {e}"))?;
			Ok(Self(seed))
		}

		/// The public secret of a demo person of the genesis presets (1..=8); never for real use.
		pub fn demo(n: u8) -> Self {
			Self(blake2_256(format!("veche-demo-person-{n}").as_bytes()))
		}

		/// The public ring key registrars submit.
		pub fn member(&self) -> Member {
			pallet_veche_personhood::crypto::prover::member(self.0)
		}

		/// The person's alias in `context`: what their proofs in that context reveal, and what
		/// they look up to find their own ballot.
		pub fn alias(&self, context: &Context) -> Alias {
			pallet_veche_personhood::crypto::prover::alias(self.0, context)
		}

		/// Writes the secret as hex to a new file readable by its owner only; refuses to
		/// overwrite.
		pub fn save(&self, path: &Path) -> Result<(), String> {
			let mut options = fs::OpenOptions::new();
			options.write(true).create_new(true);
			#[cfg(unix)]
			std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
			let mut file = options
				.open(path)
				.map_err(|e| format!("cannot create {}: {e}", path.display()))?;
			writeln!(file, "{}", to_hex(&self.0)).map_err(|e| e.to_string())
		}

		/// Reads a secret written by [`Secret::save`].
		pub fn load(path: &Path) -> Result<Self, String> {
			let text = fs::read_to_string(path)
				.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
			Ok(Self(hex32(&text)?))
		}
	}
}

pub mod tag {
	//! The registrar's dedupe tag.

	/// Domain separation of tag version 1.
	const TAG_V1: &[u8] = b"veche-dedupe-tag-v1";

	/// Normalises a document number: letters upper-cased, only letters and digits kept, so that
	/// `ab 123-456` and `AB123456` give the same tag.
	pub fn normalise(document: &str) -> String {
		document
			.chars()
			.filter(|c| c.is_alphanumeric())
			.flat_map(char::to_uppercase)
			.collect()
	}

	/// The dedupe tag of an identity document: BLAKE2b-256 keyed with the registrars' shared
	/// secret (1..=64 bytes) over the tag version, the issuing country (ISO 3166 code) and the
	/// normalised document number. Without the secret nobody can test whether a given passport
	/// is registered.
	pub fn dedupe_tag(
		shared_secret: &[u8],
		country: &str,
		document: &str,
	) -> Result<[u8; 32], String> {
		if shared_secret.is_empty() || shared_secret.len() > 64 {
			return Err("the registrars' shared secret must be 1..=64 bytes".into());
		}
		let country = normalise(country);
		let document = normalise(document);
		if country.is_empty() || document.is_empty() {
			return Err("country and document number must not be empty".into());
		}
		let mut state = blake2b_simd::Params::new().hash_length(32).key(shared_secret).to_state();
		state.update(TAG_V1);
		for part in [country.as_bytes(), document.as_bytes()] {
			state.update(&(part.len() as u32).to_le_bytes());
			state.update(part);
		}
		let mut out = [0u8; 32];
		out.copy_from_slice(state.finalize().as_bytes());
		Ok(out)
	}
}

pub mod proof {
	//! Proofs of personhood.
	use super::*;
	use pallet_veche_personhood::crypto::{prover, RingDomain};

	/// A proof by `secret` that it is one of `ring` (the members exactly as the chain lists
	/// them), for `context` and `message`; the rings hold at most `capacity` members, which fixes
	/// the ring-VRF domain. `None` if the key is not in the ring.
	pub fn prove(
		secret: &keys::Secret,
		ring: &[Member],
		capacity: u32,
		context: &Context,
		message: &[u8],
	) -> Option<(Vec<u8>, Alias)> {
		fn with<D: RingDomain>(
			s: &keys::Secret,
			r: &[Member],
			c: &Context,
			m: &[u8],
		) -> Option<(Vec<u8>, Alias)> {
			prover::prove::<D>(s.0, r, c, m)
		}
		if capacity <= 255 {
			with::<Domain11>(secret, ring, context, message)
		} else {
			with::<Domain12>(secret, ring, context, message)
		}
	}
}

pub mod ballot {
	//! Ballots: what a voter signs, and the ballot the chain takes.
	use super::*;
	pub use pallet_veche_ballots::{Ballot, Choice, PollKind};

	/// Parses a choice: option indices separated by commas (`0`, `1,3`), or `blank`.
	pub fn parse_choice(s: &str) -> Result<Choice, String> {
		if s.trim() == "blank" {
			return Ok(Choice::default());
		}
		let mut marks = s
			.split(',')
			.map(|m| m.trim().parse::<u8>().map_err(|_| format!("bad option {m:?}")))
			.collect::<Result<Vec<u8>, String>>()?;
		marks.sort_unstable();
		Choice::try_from(marks).map_err(|_| "too many options marked".into())
	}

	/// What a ballot says: the poll (and its context), the choice, the voter's sequence number.
	#[derive(Clone, Debug)]
	pub struct Marks {
		/// The poll.
		pub poll: u32,
		/// Its context (from the chain).
		pub context: Context,
		/// The options marked.
		pub choice: Choice,
		/// Higher than the voter's previous ballot's, if any.
		pub sequence: u32,
	}

	/// A ring and its members as the chain lists them, for one proof.
	pub struct ProvingRing<'a> {
		/// The ring (and revision).
		pub ring: RingRef,
		/// Its members, in the chain's order.
		pub members: &'a [Member],
	}

	/// A ballot of `secret` saying `what`: the proof over its constituency ring and, for a
	/// weighted vote, one over a credential ring. `capacity` is the chain's ring capacity (it
	/// fixes the ring-VRF domain). Returns the ballot and the voter's alias.
	pub fn build(
		secret: &keys::Secret,
		what: &Marks,
		constituency: ProvingRing<'_>,
		credential: Option<ProvingRing<'_>>,
		capacity: u32,
	) -> Result<(Ballot, Alias), String> {
		let Marks { poll, context, choice, sequence } = what.clone();
		let message = pallet_veche_ballots::ballot_message(poll, &choice, sequence);
		let (main, alias) =
			proof::prove(secret, constituency.members, capacity, &context, &message)
				.ok_or("your key is not in your constituency's ring as the chain lists it")?;
		let credential = match credential {
			None => None,
			Some(c) => {
				let (p, _) = proof::prove(secret, c.members, capacity, &context, &message)
					.ok_or("your key is not in the credential ring as the chain lists it")?;
				Some((c.ring, p.try_into().map_err(|_| "proof too long")?))
			},
		};
		let ballot = Ballot {
			poll,
			choice,
			sequence,
			ring: constituency.ring,
			proof: main.try_into().map_err(|_| "proof too long")?,
			credential,
		};
		Ok((ballot, alias))
	}
}

pub mod recount {
	//! An independent count of a poll from its stored ballots, with no trust in the chain's
	//! incremental tallies.
	use pallet_veche_ballots::{BallotRecord, Tally};
	use std::collections::{BTreeMap, BTreeSet};

	/// The outcome of a count.
	#[derive(Debug, Clone, PartialEq, Eq, Default)]
	pub struct Count {
		/// Per territory, every ballot counted (excluded territories included).
		pub territories: BTreeMap<u32, Tally>,
		/// The results: all territories but the excluded ones.
		pub results: Tally,
		/// Ballots counted, excluded territories included.
		pub ballots: u64,
	}

	/// Counts `ballots` of a poll with `options` options, leaving `excluded` territories out of
	/// the results. A ballot marking an option the poll does not have is an error: the chain
	/// must never have stored one.
	pub fn count(
		options: u8,
		ballots: impl IntoIterator<Item = BallotRecord<u32>>,
		excluded: &BTreeSet<u32>,
	) -> Result<Count, String> {
		let mut out = Count { results: Tally::empty(options), ..Default::default() };
		for b in ballots {
			if b.choice.iter().any(|m| *m >= options) {
				return Err(format!("a stored ballot marks option {:?} of {options}", b.choice));
			}
			out.territories
				.entry(b.territory)
				.or_insert_with(|| Tally::empty(options))
				.apply(&b.choice, b.weight, true);
			if !excluded.contains(&b.territory) {
				out.results.apply(&b.choice, b.weight, true);
			}
			out.ballots += 1;
		}
		Ok(out)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn tags_are_keyed_and_ignore_formatting() {
		let a = tag::dedupe_tag(b"shared", "de", "ab 123-456").unwrap();
		let b = tag::dedupe_tag(b"shared", "DE", "AB123456").unwrap();
		assert_eq!(a, b);
		assert_ne!(a, tag::dedupe_tag(b"other", "DE", "AB123456").unwrap());
		assert_ne!(a, tag::dedupe_tag(b"shared", "PL", "AB123456").unwrap());
		assert_ne!(a, tag::dedupe_tag(b"shared", "DE", "AB123457").unwrap());
		// Length prefixes keep ("DE1", "23") and ("DE", "123") apart.
		assert_ne!(
			tag::dedupe_tag(b"k", "DE1", "23").unwrap(),
			tag::dedupe_tag(b"k", "DE", "123").unwrap()
		);
		assert!(tag::dedupe_tag(b"", "DE", "1").is_err());
		assert!(tag::dedupe_tag(&[0; 65], "DE", "1").is_err());
		assert!(tag::dedupe_tag(b"k", "DE", " - ").is_err());
	}

	#[test]
	fn contexts_are_hex_or_hashed_labels() {
		assert_eq!(context(&to_hex(&[5; 32])), [5; 32]);
		assert_eq!(context("poll:1"), blake2_256(b"poll:1"));
		assert_ne!(context("poll:1"), context("poll:2"));
	}

	#[test]
	fn a_saved_secret_loads_back_and_is_never_overwritten() {
		let dir = std::env::temp_dir().join(format!("veche-client-test-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("key");
		let _ = std::fs::remove_file(&path);
		let secret = keys::Secret::generate().unwrap();
		secret.save(&path).unwrap();
		assert_eq!(keys::Secret::load(&path).unwrap().member(), secret.member());
		assert!(keys::Secret::generate().unwrap().save(&path).is_err());
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn a_member_proves_and_an_outsider_cannot() {
		let people: Vec<_> = (1..=3).map(keys::Secret::demo).collect();
		let ring: Vec<Member> = people.iter().map(|s| s.member()).collect();
		let ctx = context("poll:7");
		let (proof, alias) = proof::prove(&people[1], &ring, 767, &ctx, b"yes").unwrap();
		assert_eq!(alias, people[1].alias(&ctx));
		assert!(proof.len() >= 785);
		assert!(proof::prove(&keys::Secret::demo(9), &ring, 767, &ctx, b"yes").is_none());
	}
}
