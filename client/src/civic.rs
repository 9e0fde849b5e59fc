//! Ratings and recall: a rating's choice from named spheres and grades, and what the chain says
//! of officials' rating periods, petitions and recall procedures.

use crate::chain::{self, Client};
use codec::Encode;
use pallet_veche_ballots::Choice;
use pallet_veche_primitives::{PolicySphere, Spheres, GRADES};
use subxt::dynamic::Value;

/// A rating period as the chain shows it.
pub type PeriodView = pallet_veche_ratings::PeriodView<u32>;
/// A recall procedure as stored (accounts as their 32 bytes; up to any number of fixes).
pub type Procedure =
	pallet_veche_recall::Procedure<[u8; 32], u32, frame_support::traits::ConstU32<{ u32::MAX }>>;
/// A petition as stored.
pub type Petition = pallet_veche_recall::Petition<u32>;
/// Recall rules as stored.
pub type Rules = pallet_veche_recall::RecallRules<u32>;

/// The sphere named `name` (its name in any case, with or without spaces, or its index 0..=19).
pub fn parse_sphere(name: &str) -> Result<PolicySphere, String> {
	if let Ok(i) = name.trim().parse::<u8>() {
		return PolicySphere::from_index(i).ok_or_else(|| format!("no sphere {i} (0..=19)"));
	}
	let wanted: String =
		name.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
	(0..PolicySphere::COUNT)
		.filter_map(PolicySphere::from_index)
		.find(|s| format!("{s:?}").to_lowercase() == wanted)
		.ok_or_else(|| format!("no sphere named {name:?}"))
}

/// Parses `sphere=grade` (grade 1..=6).
pub fn parse_grade(s: &str) -> Result<(PolicySphere, u8), String> {
	let (sphere, grade) = s.split_once('=').ok_or("a grade is sphere=1..6")?;
	let grade: u8 = grade.trim().parse().map_err(|_| format!("bad grade {grade:?}"))?;
	if !(1..=GRADES).contains(&grade) {
		return Err(format!("grades run from 1 (reject) to {GRADES} (excellent), not {grade}"));
	}
	Ok((parse_sphere(sphere)?, grade))
}

/// The choice of a rating in a period rating `spheres`: approval (or not), then each rated
/// sphere's grade in the period's order (0 where none is given), trailing zeros left out. A grade
/// for a sphere the office does not answer for, or two for one sphere, is refused here, before
/// any proof is made.
pub fn rating_choice(
	spheres: Spheres,
	approve: bool,
	grades: &[(PolicySphere, u8)],
) -> Result<Choice, String> {
	for (i, (sphere, _)) in grades.iter().enumerate() {
		if !spheres.contains(*sphere) {
			return Err(format!("the office does not answer for {sphere:?}"));
		}
		if grades[..i].iter().any(|(s, _)| s == sphere) {
			return Err(format!("{sphere:?} graded twice"));
		}
	}
	let mut marks = vec![if approve { 0 } else { 1 }];
	marks.extend(
		spheres
			.iter()
			.map(|s| grades.iter().find(|(g, _)| *g == s).map_or(0, |(_, grade)| *grade)),
	);
	while marks.len() > 1 && marks.last() == Some(&0) {
		marks.pop();
	}
	Choice::try_from(marks).map_err(|_| "too many grades".into())
}

fn u32v(n: u32) -> Value {
	Value::u128(n.into())
}

fn account(a: &[u8; 32]) -> Value {
	Value::from_bytes(a)
}

/// The current period and its bounds (first block, first block after).
pub async fn current_period(client: &Client) -> Result<(u32, u32, u32), String> {
	chain::view(client, "Ratings", "current_period", ()).await
}

/// Period `period` of `who` in `office`, live or closed.
pub async fn period(
	client: &Client,
	who: &[u8; 32],
	office: u32,
	period: u32,
) -> Result<Option<PeriodView>, String> {
	chain::view(client, "Ratings", "period", (account(who), u32v(office), u32v(period))).await
}

/// The closed periods kept of `who` in `office`.
pub async fn history(
	client: &Client,
	who: &[u8; 32],
	office: u32,
) -> Result<Vec<PeriodView>, String> {
	chain::view(client, "Ratings", "history", (account(who), u32v(office))).await
}

/// The running procedure, the open petition and the rules of `who` in `office`.
pub async fn recall_status(
	client: &Client,
	office: u32,
	who: &[u8; 32],
) -> Result<(Option<u32>, Option<Petition>, Rules), String> {
	chain::view(client, "Recall", "status", (u32v(office), account(who))).await
}

/// Recall procedure `id`.
pub async fn procedure(client: &Client, id: u32) -> Result<Option<Procedure>, String> {
	chain::view(client, "Recall", "procedure", (u32v(id),)).await
}

/// Opens the current rating period of `who` in `office` (feeless, no account).
pub async fn open_period(client: &Client, office: u32, who: &[u8; 32]) -> Result<String, String> {
	chain::general(client, "Ratings", "open_period", (office, who).encode(), "opening the period")
		.await
}

/// Closes period `period` of `who` in `office` (feeless, no account).
pub async fn close_period(
	client: &Client,
	office: u32,
	who: &[u8; 32],
	period: u32,
) -> Result<String, String> {
	let args = (office, who, period).encode();
	chain::general(client, "Ratings", "close_period", args, "closing the period").await
}

/// Opens a petition to recall `who` from `office` (feeless, no account).
pub async fn open_petition(client: &Client, office: u32, who: &[u8; 32]) -> Result<String, String> {
	let args = (office, who).encode();
	chain::general(client, "Recall", "open_petition", args, "opening the petition").await
}

/// Starts a recall of `who` from `office` on closed period `period`, or on the open petition
/// (feeless, no account).
pub async fn start_recall(
	client: &Client,
	office: u32,
	who: &[u8; 32],
	period: Option<u32>,
) -> Result<String, String> {
	let trigger = match period {
		Some(p) => pallet_veche_recall::TriggerRef::Rating(p),
		None => pallet_veche_recall::TriggerRef::Petition,
	};
	let args = (office, who, trigger).encode();
	chain::general(client, "Recall", "start_recall", args, "starting the recall").await
}

/// Moves recall procedure `id` on (feeless, no account).
pub async fn advance(client: &Client, id: u32) -> Result<String, String> {
	chain::general(client, "Recall", "advance", id.encode(), "advancing the procedure").await
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn spheres_are_named_in_any_case_or_by_index() {
		assert_eq!(parse_sphere("utilities"), Ok(PolicySphere::Utilities));
		assert_eq!(parse_sphere("Public Safety"), Ok(PolicySphere::PublicSafety));
		assert_eq!(parse_sphere("7"), Ok(PolicySphere::Utilities));
		assert!(parse_sphere("20").is_err());
		assert!(parse_sphere("weather").is_err());
		assert_eq!(parse_grade("budget=6"), Ok((PolicySphere::Budget, 6)));
		assert!(parse_grade("budget=7").is_err());
		assert!(parse_grade("budget=0").is_err());
	}

	#[test]
	fn a_rating_grades_the_office_s_spheres_in_their_order() {
		let spheres: Spheres =
			[PolicySphere::Budget, PolicySphere::Utilities, PolicySphere::Transport]
				.into_iter()
				.collect();
		let choice =
			rating_choice(spheres, false, &[(PolicySphere::Utilities, 2)]).unwrap().to_vec();
		// Disapproval, no budget grade, utilities 2; transport left out.
		assert_eq!(choice, vec![1, 0, 2]);
		assert_eq!(rating_choice(spheres, true, &[]).unwrap().to_vec(), vec![0]);
		assert!(rating_choice(spheres, true, &[(PolicySphere::Health, 3)]).is_err());
		let twice = [(PolicySphere::Budget, 3), (PolicySphere::Budget, 4)];
		assert!(rating_choice(spheres, true, &twice).is_err());
		// What the runtime counts from it: the approval, and grade 2 of the second sphere.
		let kind = pallet_veche_primitives::PollKind::Rating { spheres: 3 };
		assert_eq!(kind.sub_marks(&choice), vec![(0, vec![7])]);
	}
}
