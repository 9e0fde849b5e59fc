//! A small seeded generator (SplitMix64): the same seed gives the same run on any machine.

/// A deterministic pseudo-random generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
	/// A generator started from `seed`.
	pub fn new(seed: u64) -> Self {
		Rng(seed)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A number in `0..n` (0 if `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// A `u32` in `0..n`.
	pub fn below32(&mut self, n: u32) -> u32 {
		self.below(u64::from(n)) as u32
	}

	/// True with probability `percent` / 100.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items` (None if empty).
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
		items.get(self.below(items.len() as u64) as usize)
	}

	/// `n` random bytes.
	pub fn bytes(&mut self, n: usize) -> Vec<u8> {
		(0..n).map(|_| self.next_u64() as u8).collect()
	}

	/// A random 32-byte array.
	pub fn array32(&mut self) -> [u8; 32] {
		let mut a = [0u8; 32];
		for chunk in a.chunks_mut(8) {
			chunk.copy_from_slice(&self.next_u64().to_le_bytes());
		}
		a
	}

	/// A "interesting" amount: small, near a limit, zero or huge.
	pub fn amount(&mut self) -> u128 {
		match self.below(6) {
			0 => 0,
			1 => u128::from(self.below(100)),
			2 => u128::from(self.below(1_000_000)),
			3 => u128::from(self.next_u64()),
			4 => u128::MAX - u128::from(self.below(3)),
			_ => u128::from(self.below(10_000)) * 1_000_000_000_000,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
		let a: Vec<u64> = {
			let mut r = Rng::new(7);
			(0..4).map(|_| r.next_u64()).collect()
		};
		let b: Vec<u64> = {
			let mut r = Rng::new(7);
			(0..4).map(|_| r.next_u64()).collect()
		};
		let c: Vec<u64> = {
			let mut r = Rng::new(8);
			(0..4).map(|_| r.next_u64()).collect()
		};
		assert_eq!(a, b);
		assert_ne!(a, c);
		let mut r = Rng::new(1);
		assert!((0..1000).all(|_| r.below(10) < 10));
	}
}
