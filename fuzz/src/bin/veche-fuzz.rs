//! `veche-fuzz`: runs the runtime fuzzer for a number of blocks or hours, seed after seed, and
//! prints what it did as JSON. A failure prints the seed and block that reproduce it and exits 1.
//!
//!   veche-fuzz --seed 1 --blocks 200            one run
//!   veche-fuzz --hours 2 --blocks 300           runs of 300 blocks with seeds 1, 2, … for 2 hours

use std::time::{Duration, Instant};
use veche_fuzz::{run, Settings};

fn arg(args: &[String], name: &str) -> Option<String> {
	args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn main() {
	let args: Vec<String> = std::env::args().collect();
	let num = |name: &str, default: u64| -> u64 {
		arg(&args, name).map_or(default, |v| v.parse().unwrap_or_else(|_| bad(name)))
	};
	let first_seed = num("--seed", 1);
	let blocks = num("--blocks", 200) as u32;
	let per_block = num("--per-block", 12) as u32;
	let valid = num("--valid-ballots", 8) as u32;
	let hours: f64 =
		arg(&args, "--hours").map_or(0.0, |v| v.parse().unwrap_or_else(|_| bad("--hours")));
	let deadline = Instant::now() + Duration::from_secs_f64(hours * 3600.0);
	let started = Instant::now();
	let mut seed = first_seed;
	let (mut runs, mut total_blocks, mut total_xts) = (0u64, 0u64, 0u64);
	loop {
		let settings = Settings { seed, blocks, per_block, valid_ballots: valid };
		let t = Instant::now();
		match run(&settings) {
			Ok(report) => {
				runs += 1;
				total_blocks += u64::from(report.blocks);
				total_xts += report.extrinsics;
				let mut json = report.to_json();
				json["seed"] = seed.into();
				json["seconds"] = t.elapsed().as_secs_f64().into();
				println!("{json}");
			},
			Err(e) => {
				eprintln!("FAILED: {e}");
				std::process::exit(1);
			},
		}
		seed += 1;
		if Instant::now() >= deadline {
			break;
		}
	}
	eprintln!(
		"{runs} runs, {total_blocks} blocks, {total_xts} extrinsics in {:.0} s: no failure",
		started.elapsed().as_secs_f64()
	);
}

fn bad(name: &str) -> ! {
	eprintln!("bad value for {name}");
	std::process::exit(2)
}
