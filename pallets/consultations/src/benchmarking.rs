//! Benchmarks of consultations, worst case.

// Setup arithmetic works on small, known counts.
#![allow(clippy::arithmetic_side_effects)]

/// What the benchmarks need from the runtime around this pallet.
pub trait BenchmarkHelper {}
