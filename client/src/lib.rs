//! # veche-client
//!
//! The client side of Veche's personhood, for people and registrars.
//!
//! - [`keys`]: a person's ring secret (32 bytes of entropy kept in a file only they hold), its
//!   public ring key, and their alias in a context.
//! - [`tag`]: the registrar's dedupe tag — a keyed BLAKE2b hash of the person's stable identity
//!   attributes (a lifetime national number, or names with date and place of birth) with a
//!   secret the registrars share, so that the same person gives the same tag at every registrar
//!   and with every passport, and nothing else can recompute it.
//! - [`proof`]: anonymous proofs of personhood over a ring as the chain stores it.
//! - [`ballot`]: anonymous ballots — the choice, the proofs over the voter's rings.
//! - [`recount`]: an independent count of a poll from its stored ballots.
//! - [`election`]: an independent count of an election (seats from its polls' ballots, list and
//!   preference votes recounted), and the ballot layout of its candidates and lists.
//! - [`audit`]: a poll recounted from the ballots in the block bodies, every proof re-verified.
//! - [`junk`]: well-formed junk ballots, to measure what a sender of them costs a node.
//! - [`load`]: a sustained load of ballots from thousands of persons, every ballot accounted for.
//! - [`chain`]: the chain calls — registration, where a key sits, its ring, verification of a
//!   proof by the runtime itself, casting a ballot, a voter's stored ballot, a poll's data.
//!
//! The `veche-client` binary exposes all of it on the command line.

pub mod acts;
pub mod audit;
pub mod chain;
pub mod civic;
pub mod consult;
pub mod election;
pub mod junk;
pub mod jury;
pub mod load;

pub use pallet_veche_personhood::crypto::{Domain11, Domain12, Member, RingDomain};
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
			veche_prover::member(self.0)
		}

		/// The person's alias in `context`: what their proofs in that context reveal, and what
		/// they look up to find their own ballot.
		pub fn alias(&self, context: &Context) -> Alias {
			veche_prover::alias(self.0, context).expect("hashing to the curve is total")
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
	//! The registrar's dedupe tag: a keyed hash of the person's stable identity attributes,
	//! not of one document, so that a renewed or second passport gives the same tag.
	//!
	//! Which attributes count is fixed by the person's country of citizenship, never chosen by
	//! the registrar (two methods for one person would give two tags):
	//! - countries with a lifetime national identification number ([`ID_NUMBER_COUNTRIES`]):
	//!   that number, as printed in the passport and the national identity card;
	//! - every other country: the surname and given names as written in the national script of
	//!   the internal document, the date of birth and the place of birth.
	//!
	//! Names and places are normalised before hashing: compatibility decomposition, accents
	//! dropped, Cyrillic, Greek and Georgian letters transliterated to Latin by one fixed table
	//! (ICAO Doc 9303 for Cyrillic), upper case, only letters and digits, single spaces. So
	//! `Müller`, `MULLER` and `muller` agree, and `Ковальчук` agrees with `KOVALCHUK`.
	use unicode_normalization::UnicodeNormalization;

	/// Domain separation of tag version 2 (identity attributes).
	const TAG_V2: &[u8] = b"veche-dedupe-tag-v2";

	/// Countries (ISO 3166 alpha-2) whose citizens carry a lifetime national identification
	/// number in their passport and identity card, with its name: the tag uses that number.
	pub const ID_NUMBER_COUNTRIES: &[(&str, &str)] = &[
		("BY", "personal number (identification number)"),
		("EE", "personal identification code (isikukood)"),
		("GE", "personal number"),
		("KZ", "individual identification number (IIN)"),
		("LT", "personal code (asmens kodas)"),
		("LV", "personal code (personas kods)"),
		("PL", "PESEL"),
		("SE", "personal identity number (personnummer)"),
		("UA", "record number of the unified demographic register (UNZR)"),
	];

	/// The stable identity attributes of a person, as the registrar read them.
	#[derive(Clone, Debug)]
	pub enum Identity<'a> {
		/// The lifetime national identification number.
		IdNumber(&'a str),
		/// Surname, given names, date of birth (`YYYY-MM-DD`) and place of birth.
		Birth { surname: &'a str, given_names: &'a str, date: &'a str, place: &'a str },
	}

	/// Whether the tag of a citizen of `country` uses their national identification number.
	pub fn uses_id_number(country: &str) -> bool {
		let country = normalise_code(country);
		ID_NUMBER_COUNTRIES.iter().any(|(c, _)| *c == country)
	}

	/// Normalises a number or code: letters upper-cased, only letters and digits kept, so that
	/// `ab 123-456` and `AB123456` agree.
	pub fn normalise_code(code: &str) -> String {
		code.chars()
			.filter(|c| c.is_alphanumeric())
			.flat_map(char::to_uppercase)
			.collect()
	}

	/// Latin letters for a Cyrillic, Greek or Georgian letter (lower case), if it is one.
	fn transliterate(c: char) -> Option<&'static str> {
		Some(match c {
			'а' => "a",
			'б' => "b",
			'в' => "v",
			'г' => "g",
			'ґ' => "g",
			'д' => "d",
			'е' => "e",
			'ё' => "e",
			'є' => "ie",
			'ж' => "zh",
			'з' => "z",
			'и' => "i",
			'і' => "i",
			'ї' => "i",
			'й' => "i",
			'к' => "k",
			'л' => "l",
			'м' => "m",
			'н' => "n",
			'о' => "o",
			'п' => "p",
			'р' => "r",
			'с' => "s",
			'т' => "t",
			'у' => "u",
			'ў' => "u",
			'ф' => "f",
			'х' => "kh",
			'ц' => "ts",
			'ч' => "ch",
			'ш' => "sh",
			'щ' => "shch",
			'ъ' => "ie",
			'ы' => "y",
			'ь' => "",
			'э' => "e",
			'ю' => "iu",
			'я' => "ia",
			'α' => "a",
			'β' => "v",
			'γ' => "g",
			'δ' => "d",
			'ε' => "e",
			'ζ' => "z",
			'η' => "i",
			'θ' => "th",
			'ι' => "i",
			'κ' => "k",
			'λ' => "l",
			'μ' => "m",
			'ν' => "n",
			'ξ' => "x",
			'ο' => "o",
			'π' => "p",
			'ρ' => "r",
			'σ' | 'ς' => "s",
			'τ' => "t",
			'υ' => "y",
			'φ' => "f",
			'χ' => "ch",
			'ψ' => "ps",
			'ω' => "o",
			'ა' => "a",
			'ბ' => "b",
			'გ' => "g",
			'დ' => "d",
			'ე' => "e",
			'ვ' => "v",
			'ზ' => "z",
			'თ' => "t",
			'ი' => "i",
			'კ' => "k",
			'ლ' => "l",
			'მ' => "m",
			'ნ' => "n",
			'ო' => "o",
			'პ' => "p",
			'ჟ' => "zh",
			'რ' => "r",
			'ს' => "s",
			'ტ' => "t",
			'უ' => "u",
			'ფ' => "p",
			'ქ' => "k",
			'ღ' => "gh",
			'ყ' => "q",
			'შ' => "sh",
			'ჩ' => "ch",
			'ც' => "ts",
			'ძ' => "dz",
			'წ' => "ts",
			'ჭ' => "ch",
			'ხ' => "kh",
			'ჯ' => "j",
			'ჰ' => "h",
			_ => return None,
		})
	}

	/// Normalises a name or place (see the module doc). Words keep single spaces between them.
	pub fn normalise_name(text: &str) -> String {
		let mut latin = String::new();
		for c in text.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
			let lower: String = c.to_lowercase().collect();
			for l in lower.chars() {
				match (transliterate(l), l) {
					(Some(t), _) => latin.push_str(t),
					(None, 'ß') => latin.push_str("ss"),
					(None, 'æ') => latin.push_str("ae"),
					(None, 'ø') => latin.push('o'),
					(None, 'ł') => latin.push('l'),
					(None, 'đ') => latin.push('d'),
					(None, l) if l.is_ascii_alphanumeric() => latin.push(l),
					// Hyphens, apostrophes, commas and spaces all separate words.
					(None, _) => latin.push(' '),
				}
			}
		}
		latin.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
	}

	/// Checks a date of birth written `YYYY-MM-DD`.
	fn checked_date(date: &str) -> Result<String, String> {
		let parts: Vec<&str> = date.trim().split('-').collect();
		let bad = || format!("the date of birth {date:?} is not YYYY-MM-DD");
		let [y, m, d] = parts[..] else { return Err(bad()) };
		let (y, m, d): (u32, u32, u32) = (
			y.parse().map_err(|_| bad())?,
			m.parse().map_err(|_| bad())?,
			d.parse().map_err(|_| bad())?,
		);
		if !(1850..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
			return Err(bad());
		}
		Ok(format!("{y:04}-{m:02}-{d:02}"))
	}

	/// The dedupe tag of a citizen of `country` (ISO 3166 alpha-2): BLAKE2b-256 keyed with the
	/// registrars' shared secret (1..=64 bytes) over the tag version, the country, the method
	/// and the normalised attributes, each length-prefixed. The method must be the country's:
	/// its national identification number where it has one, the birth attributes otherwise.
	/// Without the secret nobody can test whether a given person is registered.
	pub fn dedupe_tag(
		shared_secret: &[u8],
		country: &str,
		identity: &Identity<'_>,
	) -> Result<[u8; 32], String> {
		if shared_secret.is_empty() || shared_secret.len() > 64 {
			return Err("the registrars' shared secret must be 1..=64 bytes".into());
		}
		let country = normalise_code(country);
		if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
			return Err(format!("{country:?} is not an ISO 3166 alpha-2 country code"));
		}
		let parts: Vec<String> = match (uses_id_number(&country), identity) {
			(true, Identity::IdNumber(number)) => vec!["id".into(), normalise_code(number)],
			(false, Identity::Birth { surname, given_names, date, place }) => vec![
				"birth".into(),
				normalise_name(surname),
				normalise_name(given_names),
				checked_date(date)?,
				normalise_name(place),
			],
			(true, _) => {
				return Err(format!(
					"citizens of {country} are tagged by their national identification number"
				))
			},
			(false, _) => {
				return Err(format!(
					"{country} has no lifetime national identification number: give surname, \
					 given names, date and place of birth"
				))
			},
		};
		if parts.iter().any(|p| p.is_empty()) {
			return Err("every identity attribute must have letters or digits".into());
		}
		let mut state = blake2b_simd::Params::new().hash_length(32).key(shared_secret).to_state();
		state.update(TAG_V2);
		for part in std::iter::once(&country).chain(parts.iter()) {
			state.update(&(part.len() as u32).to_le_bytes());
			state.update(part.as_bytes());
		}
		let mut out = [0u8; 32];
		out.copy_from_slice(state.finalize().as_bytes());
		Ok(out)
	}
}

pub mod proof {
	//! Proofs of personhood, made by `veche-prover` (the library the citizen app runs in the
	//! browser).
	use super::*;

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
		veche_prover::prove(secret.0, ring, capacity, context, message).ok()
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
	use pallet_veche_ballots::{BallotRecord, PollKind, Tally};
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

	/// Counts `ballots` of a poll asking `kind`, leaving `excluded` territories out of the
	/// results. A ballot marking an option the poll does not have is an error: the chain must
	/// never have stored one. (A party-list ballot's list counts here; its preferences do not.)
	pub fn count(
		kind: PollKind,
		ballots: impl IntoIterator<Item = BallotRecord<u32>>,
		excluded: &BTreeSet<u32>,
	) -> Result<Count, String> {
		let options = kind.options();
		let mut out = Count { results: Tally::empty(options), ..Default::default() };
		for b in ballots {
			let marks = kind.marks(&b.choice);
			if marks.iter().any(|m| *m >= options) {
				return Err(format!("a stored ballot marks option {:?} of {options}", b.choice));
			}
			out.territories
				.entry(b.territory)
				.or_insert_with(|| Tally::empty(options))
				.apply(marks, b.weight, true);
			if !excluded.contains(&b.territory) {
				out.results.apply(marks, b.weight, true);
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
	fn a_renewed_passport_gives_the_same_tag_and_two_people_never_share_one() {
		use tag::{dedupe_tag, Identity};
		// A lifetime number is the person's whatever document carries it, however written.
		let by = |n| dedupe_tag(b"shared", "by", &Identity::IdNumber(n)).unwrap();
		assert_eq!(by("3140590A001PB5"), by("3140590 a001-pb5"));
		assert_ne!(by("3140590A001PB5"), by("3140590A001PB6"));
		assert_ne!(
			by("3140590A001PB5"),
			dedupe_tag(b"other", "BY", &Identity::IdNumber("3140590A001PB5")).unwrap()
		);
		// Elsewhere: names in any case, with or without accents, Cyrillic or its transliteration.
		let birth = |country, surname, given, date, place| {
			let id = Identity::Birth { surname, given_names: given, date, place };
			dedupe_tag(b"shared", country, &id)
		};
		let a = birth("DE", "Müller", "Jürgen Karl", "1980-05-04", "Köln").unwrap();
		assert_eq!(a, birth("de", "MULLER", "jurgen  karl", "1980-5-4", "KOLN").unwrap());
		assert_ne!(a, birth("DE", "Muller", "Jurgen Karl", "1980-05-05", "Koln").unwrap());
		assert_ne!(a, birth("DE", "Muller", "Jurgen", "1980-05-04", "Koln").unwrap());
		assert_ne!(a, birth("AT", "Muller", "Jurgen Karl", "1980-05-04", "Koln").unwrap());
		let ru = birth("RU", "Ковальчук", "Анна Юрьевна", "1990-01-02", "Новгород").unwrap();
		assert_eq!(ru, birth("RU", "KOVALCHUK", "ANNA IUREVNA", "1990-01-02", "NOVGOROD").unwrap());
		// Length prefixes keep ("AB", "C") and ("A", "BC") apart.
		assert_ne!(
			birth("FR", "AB", "C", "1990-01-02", "X").unwrap(),
			birth("FR", "A", "BC", "1990-01-02", "X").unwrap()
		);
		// The country fixes the method: no registrar can pick the other one.
		assert!(birth("BY", "Ivanou", "Ivan", "1990-01-02", "Minsk").is_err());
		assert!(dedupe_tag(b"shared", "DE", &Identity::IdNumber("L01X00T47")).is_err());
		// Bad input is refused.
		assert!(dedupe_tag(b"", "BY", &Identity::IdNumber("1")).is_err());
		assert!(dedupe_tag(&[0; 65], "BY", &Identity::IdNumber("1")).is_err());
		assert!(dedupe_tag(b"k", "BY", &Identity::IdNumber(" - ")).is_err());
		assert!(dedupe_tag(b"k", "Germany", &Identity::IdNumber("1")).is_err());
		assert!(birth("DE", "Muller", "Jurgen", "04.05.1980", "Koln").is_err());
		assert!(birth("DE", "Muller", "Jurgen", "1980-13-04", "Koln").is_err());
		assert!(birth("DE", "--", "Jurgen", "1980-05-04", "Koln").is_err());
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
