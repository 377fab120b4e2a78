//! What the command's test files share: the repository root, the `dxer` binary run from it, a valid record.

#![allow(dead_code)] // each test file uses its own part

use assert_cmd::Command;
use std::path::PathBuf;

/// A valid record (the identity-card fixture), relative to the repository root.
pub const VALID: &str = "tests/fixtures/valid/identity-card/input.json";

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The built `dxer` binary, run from the repository root.
pub fn dxer() -> Command {
    let mut cmd = Command::cargo_bin("dxer").unwrap();
    cmd.current_dir(root());
    cmd
}
