//! Helpers the native test files share: scratch folders, the real `datatool`, records by id.
// Each test file uses only some of them.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// A fresh folder under the system's temporary one, named for the test file, the process and
/// `name`, so that test files and runs never share one.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "xixi-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run the built `datatool`: (exit ok, what it printed on stdout and stderr).
pub fn datatool(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_datatool"))
        .args(args)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// The position of the highlight with this id in a report file.
pub fn index_of(v: &Value, id: &str) -> usize {
    v["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .position(|h| h["id"] == id)
        .unwrap_or_else(|| panic!("no highlight {id}"))
}
