//! Embeds the git commit into `--version` (`SUBSTRATE_CLI_COMMIT_HASH`).

use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
