//! The README's "Add a report" walkthrough, followed step by step on the fixture town with the
//! real `datatool`: draft from the plain text, see what is left to decide, decide it (the edits an
//! author makes by hand, kept in tests/fixtures/fixture-town.decisions.json), fill, check until
//! nothing is left, list the report in an index. The result is the fixture the end-to-end tests
//! serve in the report switcher, byte for byte what this walkthrough makes.

mod common;

use std::path::{Path, PathBuf};

use common::{datatool, scratch};
use serde_json::Value;
use xixi_highlights::core::load;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Step 4, done as an author would in an editor: the JSON Patch operations of the decisions file.
fn decide(report: &mut Value, decisions: &Path) {
    let d: Value = serde_json::from_str(&std::fs::read_to_string(decisions).unwrap()).unwrap();
    for op in d["patch"].as_array().unwrap() {
        let path = op["path"].as_str().unwrap();
        let (parent, key) = path.rsplit_once('/').unwrap();
        match op["op"].as_str().unwrap() {
            "replace" => {
                *report
                    .pointer_mut(path)
                    .unwrap_or_else(|| panic!("no {path} in the draft")) = op["value"].clone();
            }
            "add" => {
                let target = report.pointer_mut(parent).unwrap();
                target[key] = op["value"].clone();
            }
            other => panic!("op {other} is not used by the walkthrough"),
        }
    }
}

#[test]
fn the_walkthrough_turns_the_fixture_text_into_the_fixture_report() {
    let dir = scratch("walkthrough");
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    // 1. The report's plain text, next to where its data file will be.
    let source = data.join("fixture-town.source.txt");
    std::fs::copy(
        root().join("tests/fixtures/data/fixture-town.source.txt"),
        &source,
    )
    .unwrap();
    let report = data.join("fixture-town.json");
    let (source, report_s) = (source.to_str().unwrap(), report.to_str().unwrap());

    // 2. Draft.
    let (ok, out) = datatool(&["draft", source, report_s]);
    assert!(ok, "{out}");
    // 3. What is left to decide: warnings only, each a `todo`.
    let (ok, out) = datatool(&["check", report_s]);
    assert!(ok, "a draft passes check with warnings only:\n{out}");
    assert!(
        out.contains("warning:") && !out.contains("problem:"),
        "{out}"
    );
    let (_, zh) = datatool(&["check", "--lang", "zh", report_s]);
    assert!(
        zh.contains("待") || zh.contains("英文"),
        "the same in Chinese:\n{zh}"
    );

    // 4. Decide: themes, chapters, ids, titles, English, key figures.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    decide(
        &mut v,
        &root().join("tests/fixtures/fixture-town.decisions.json"),
    );
    std::fs::write(&report, serde_json::to_string_pretty(&v).unwrap()).unwrap();

    // 5. Fill, 6. check: nothing left, not even a warning.
    let (ok, out) = datatool(&["fill", report_s]);
    assert!(ok, "{out}");
    let (ok, out) = datatool(&["check", report_s]);
    assert!(ok, "{out}");
    assert!(
        !out.contains("warning:") && !out.contains("problem:"),
        "{out}"
    );

    // The fixture the end-to-end tests list in the report switcher is exactly this report.
    let made: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/data/fixture-town.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        made, fixture,
        "tests/fixtures/data/fixture-town.json is what the walkthrough makes"
    );

    // 7. Listed in the index, it loads beside the report already there.
    let index = load::load_index(
        &std::fs::read_to_string(root().join("tests/fixtures/reports.json")).unwrap(),
    )
    .unwrap();
    let entry = index
        .reports
        .iter()
        .find(|e| e.id == "fixture-town")
        .unwrap();
    assert_eq!(entry.href, "data/fixture-town.json");
    assert_eq!(
        entry.label(xixi_highlights::core::model::Lang::Zh),
        "测试镇 · 2024年"
    );
    let loaded = load::load_report(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert!(loaded.skipped.is_empty());
    assert_eq!(loaded.report.id, entry.id);
    let _ = std::fs::remove_dir_all(&dir);
}
