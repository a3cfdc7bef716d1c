//! The shipped dataset, tested as a reader relies on it: it loads whole, every quote is verbatim,
//! the reflowed text loses nothing, every number of the report is accounted for, and bad input is
//! caught with messages that name the record and the field.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{datatool, index_of, scratch};

use serde_json::{json, Value};
use xixi_highlights::core::load::{self, LoadError, Loaded};
use xixi_highlights::core::model::{ChartSeries, Kind, MetricStyle, Qualifier, Report, Status};
use xixi_highlights::core::reflow;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const REPORT: &str = "public/data/xixi-2023.json";
const RAW: &str = "public/data/xixi-2023.source.txt";

fn report_json() -> String {
    read(&root().join(REPORT))
}

fn raw() -> String {
    read(&root().join(RAW))
}

fn load_ok(json: &str) -> Loaded {
    load::load_report(json).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn shipped() -> Report {
    let loaded = load_ok(&report_json());
    assert!(loaded.skipped.is_empty(), "skipped: {:#?}", loaded.skipped);
    loaded.report
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Char offsets of every occurrence of `needle` in `hay`.
fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    let (h, n) = (chars(hay), chars(needle));
    if n.is_empty() || n.len() > h.len() {
        return Vec::new();
    }
    (0..=h.len() - n.len())
        .filter(|&i| h[i..i + n.len()] == n[..])
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The shipped report

#[test]
fn shipped_report_loads_whole() {
    let json = report_json();
    let value: Value = serde_json::from_str(&json).unwrap();
    let in_file = value["highlights"].as_array().unwrap().len();
    let r = shipped();
    assert_eq!(
        r.highlights.len(),
        in_file,
        "every highlight of the file is shown"
    );

    let metrics: Vec<_> = r.highlights.iter().flat_map(|h| &h.metrics).collect();
    let derived = metrics.iter().filter(|m| m.derived.is_some()).count();
    println!(
        "{} highlights, {} metrics, {} derived",
        r.highlights.len(),
        metrics.len(),
        derived
    );
    assert!(
        r.highlights.len() >= 60,
        "{} highlights",
        r.highlights.len()
    );
    assert!(metrics.len() >= 40, "{} metrics", metrics.len());
    assert!(derived >= 2, "{derived} derived metrics");
    for kind in Kind::ALL {
        assert!(
            r.highlights.iter().any(|h| h.kind == kind),
            "no highlight of kind {kind:?}"
        );
    }
    for theme in &r.themes {
        assert!(
            r.highlights.iter().any(|h| h.theme == theme.id),
            "theme {} unused",
            theme.id
        );
    }
    assert!(
        (4..=6).contains(&r.key_figures.len()),
        "{} key figures",
        r.key_figures.len()
    );
    for k in &r.key_figures {
        assert!(
            xixi_highlights::core::validate::find_metric(&r, &k.metric).is_some(),
            "{}",
            k.metric
        );
    }
}

/// The figures the page's charts are drawn from are all there, with the report's values.
#[test]
fn chart_figures_are_present() {
    let r = shipped();
    let v = |name: &str| {
        xixi_highlights::core::validate::metric_value(&r, name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(v("industrial-output/output"), 12.34);
    assert_eq!(v("industrial-output/growth"), 1.92);
    assert_eq!(v("villages-over-500k/villages"), 20.0);
    assert_eq!(v("villages-over-1m/villages"), 4.0);
    assert_eq!(v("villages-over-500k/villages-50-to-100"), 16.0);
    assert_eq!(v("home-care-centres/centres"), 19.0);
    assert_eq!(v("smart-care-pilots/centres"), 9.0);
    assert_eq!(v("elders-served-meals/elders"), 600.0);
    // Enterprise cultivation: ten categories, 40 enterprises and institutions in all.
    let firms: f64 = r
        .highlights
        .iter()
        .filter(|h| h.theme == "industry" && h.id != "industrial-output")
        .flat_map(|h| &h.metrics)
        .map(|m| m.value)
        .sum();
    assert_eq!(
        firms,
        2.0 + 1.0 + 2.0 + 1.0 + 2.0 + 3.0 + 11.0 + 5.0 + 1.0 + 12.0
    );
    // Projects by status, as the report gives them.
    let status = |id: &str| {
        r.highlights
            .iter()
            .find(|h| h.id == id)
            .and_then(|h| h.status)
    };
    assert_eq!(
        status("micro-park-phase-1-2-facilities"),
        Some(Status::Completed)
    );
    assert_eq!(status("xishan-baicaoyuan-factory"), Some(Status::Completed));
    assert_eq!(
        status("tongtang-service-centre"),
        Some(Status::UnderConstruction)
    );
    assert_eq!(
        status("shangtan-multi-service-centre"),
        Some(Status::DesignFinished)
    );
    assert_eq!(
        status("sikou-cultural-centre"),
        Some(Status::DesignFinished)
    );
    assert_eq!(status("xixi-hospital-branch"), Some(Status::Completed));
    // Ranks are ranks, with their scope; "more than" values stay marked.
    let rank = xixi_highlights::core::validate::find_metric(&r, "village-income-rank/rank")
        .unwrap()
        .1;
    assert_eq!((rank.qualifier, rank.value), (Qualifier::Rank, 1.0));
    assert_eq!(rank.scope.as_ref().unwrap().zh, "全市");
    let events = xixi_highlights::core::validate::find_metric(&r, "folk-culture-events/events")
        .unwrap()
        .1;
    assert_eq!(events.qualifier, Qualifier::MoreThan);
}

#[test]
fn raw_copy_is_the_source_byte_for_byte() {
    let shared = root()
        .parent()
        .unwrap()
        .join("shared/source/xixi-2023-report.txt");
    match std::fs::read(&shared) {
        Ok(original) => {
            let copy = std::fs::read(root().join(RAW)).unwrap();
            assert!(copy == original, "{RAW} differs from {}", shared.display());
        }
        Err(_) => println!("skipped: {} is absent, copy not compared", shared.display()),
    }
}

// ---------------------------------------------------------------------------------------------
// Reflow

#[test]
fn block_texts_are_their_raw_lines_rejoined() {
    let (r, raw) = (shipped(), raw());
    for (i, b) in r.source.blocks.iter().enumerate() {
        assert_eq!(
            b.text,
            reflow::join_lines(&raw, b.lines),
            "source.blocks[{i}]"
        );
    }
}

#[test]
fn blocks_cover_every_raw_line_once() {
    let (r, raw) = (shipped(), raw());
    for (n, line) in raw.lines().enumerate() {
        let n = n as u32 + 1;
        let owners = r
            .source
            .blocks
            .iter()
            .filter(|b| b.lines[0] <= n && n <= b.lines[1])
            .count();
        if line.trim().is_empty() {
            continue;
        }
        assert_eq!(owners, 1, "raw line {n} `{line}` is in {owners} blocks");
    }
    for b in &r.source.blocks {
        assert!(
            b.lines[1] <= reflow::line_count(&raw),
            "{:?} past the end",
            b.lines
        );
    }
}

#[test]
fn reflow_loses_and_changes_no_character() {
    let (r, raw) = (shipped(), raw());
    let mut blocks: Vec<_> = r.source.blocks.iter().collect();
    blocks.sort_by_key(|b| b.lines[0]);
    let dense = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let joined: String = blocks.iter().map(|b| dense(&b.text)).collect();
    assert_eq!(joined, dense(&raw));
    // Every raw line, trimmed, is found whole in its block: inner spaces are kept.
    for (n, line) in raw.lines().enumerate() {
        let (n, line) = (n as u32 + 1, line.trim());
        if line.is_empty() {
            continue;
        }
        let b = blocks
            .iter()
            .find(|b| b.lines[0] <= n && n <= b.lines[1])
            .unwrap();
        assert!(
            b.text.contains(line),
            "line {n} `{line}` is not whole in its block"
        );
    }
    let all: String = blocks.iter().map(|b| b.text.as_str()).collect();
    for spaced in [
        "地 休闲养生福地",
        "敢为善为攻坚克难 比学赶超争先进位",
        "下乡演出 与革命先烈",
        "融媒记者 吕晓婷",
    ] {
        assert!(all.contains(spaced), "`{spaced}` lost its space");
    }
}

#[test]
fn quotes_are_verbatim_where_they_say() {
    let (r, raw) = (shipped(), raw());
    let mut n = 0;
    for h in &r.highlights {
        for (qi, q) in h.quotes.iter().enumerate() {
            let b = &r.source.blocks[q.block];
            let len = q.text.chars().count();
            let at: String = b.text.chars().skip(q.offset).take(len).collect();
            assert_eq!(at, q.text, "{} quotes[{qi}]", h.id);
            let owners = reflow::char_lines(&raw, b.lines);
            assert_eq!(
                q.lines,
                [owners[q.offset], owners[q.offset + len - 1]],
                "{} quotes[{qi}]",
                h.id
            );
            // The lines named hold the quote's first and last characters in the raw text.
            let raw_lines: Vec<&str> = raw.lines().collect();
            let first = q.text.chars().next().unwrap();
            let last = q.text.chars().last().unwrap();
            assert!(
                raw_lines[q.lines[0] as usize - 1].contains(first),
                "{} quotes[{qi}]",
                h.id
            );
            assert!(
                raw_lines[q.lines[1] as usize - 1].contains(last),
                "{} quotes[{qi}]",
                h.id
            );
            n += 1;
        }
    }
    assert!(n >= 60);
}

// ---------------------------------------------------------------------------------------------
// Coverage: every number of the report is a figure or is said not to be one

/// A run of Arabic digits with an optional decimal part (`12.34`, `3.5`, `1.92`), as
/// (start, end) char offsets. `1+5+10` is three runs, `1`, `5` and `10`; the non-figure entry for
/// `1+5+10` accounts for all three.
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let c = chars(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_ascii_digit() {
            let start = i;
            while i < c.len() && c[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < c.len() && c[i] == '.' && c[i + 1].is_ascii_digit() {
                i += 1;
                while i < c.len() && c[i].is_ascii_digit() {
                    i += 1;
                }
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

#[derive(Debug)]
enum Account {
    Metric(String),
    Excluded(String),
}

/// How each number occurrence of a report is accounted for: by a metric whose `printed` covers
/// it inside one of its highlight's quotes, or by a non-figure entry whose context covers it.
fn account(r: &Report) -> Vec<(usize, String, Vec<Account>)> {
    let mut out = Vec::new();
    for (bi, b) in r.source.blocks.iter().enumerate() {
        let text = chars(&b.text);
        for (s, e) in numbers(&b.text) {
            let number: String = text[s..e].iter().collect();
            let mut by = Vec::new();
            for h in &r.highlights {
                for q in h.quotes.iter().filter(|q| q.block == bi) {
                    for m in &h.metrics {
                        let Some(p) = &m.printed else { continue };
                        let plen = p.chars().count();
                        for k in find_all(&q.text, p) {
                            let (ps, pe) = (q.offset + k, q.offset + k + plen);
                            if ps <= s && e <= pe {
                                by.push(Account::Metric(format!("{}/{}", h.id, m.id)));
                            }
                        }
                    }
                }
            }
            for nf in &r.source.non_figures {
                for c in find_all(&b.text, &nf.context) {
                    for k in find_all(&nf.context, &nf.number) {
                        let (ns, ne) = (c + k, c + k + nf.number.chars().count());
                        if ns <= s && e <= ne {
                            by.push(Account::Excluded(format!(
                                "{}: {}",
                                nf.number, nf.reason.en
                            )));
                        }
                    }
                }
            }
            out.push((bi, number, by));
        }
    }
    out
}

#[test]
fn every_number_in_the_text_is_accounted_for() {
    let r = shipped();
    let acc = account(&r);
    let mut carried = 0;
    let mut excluded: BTreeMap<String, usize> = BTreeMap::new();
    let mut missing = Vec::new();
    let mut used_metrics = std::collections::BTreeSet::new();
    for (bi, number, by) in &acc {
        let metric = by.iter().any(|a| matches!(a, Account::Metric(_)));
        let excl: Vec<_> = by
            .iter()
            .filter_map(|a| {
                if let Account::Excluded(x) = a {
                    Some(x)
                } else {
                    None
                }
            })
            .collect();
        assert!(
            !metric || excl.is_empty(),
            "`{number}` in block {bi} is both a figure and not: {by:?}"
        );
        for a in by {
            if let Account::Metric(name) = a {
                used_metrics.insert(name.clone());
            }
        }
        if metric {
            carried += 1;
        } else if let Some(x) = excl.first() {
            *excluded.entry((*x).clone()).or_default() += 1;
        } else {
            missing.push(format!("`{number}` in block {bi}"));
        }
    }
    let reasons: Vec<String> = excluded.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
    println!(
        "coverage: {} numbers in the text, {} carried by metrics, {} excluded ({})",
        acc.len(),
        carried,
        excluded.values().sum::<usize>(),
        reasons.join("; ")
    );
    assert!(
        missing.is_empty(),
        "numbers no metric carries and no non-figure explains: {missing:?}"
    );
    assert!(
        acc.len() >= 45,
        "only {} numbers found; is the text there?",
        acc.len()
    );
    // Every metric printed with digits carries a number of the text where its quote stands.
    for h in &r.highlights {
        for m in &h.metrics {
            if m.printed
                .as_deref()
                .is_some_and(|p| p.chars().any(|c| c.is_ascii_digit()))
            {
                let name = format!("{}/{}", h.id, m.id);
                assert!(
                    used_metrics.contains(&name),
                    "{name} carries no number of the text"
                );
            }
        }
    }
    // And no non-figure entry is stale: each one explains a number of the text.
    for nf in &r.source.non_figures {
        let used = acc.iter().any(|(_, _, by)| {
            by.iter().any(
                |a| matches!(a, Account::Excluded(x) if x.starts_with(&format!("{}:", nf.number))),
            )
        });
        assert!(
            used,
            "non-figure `{}` ({}) explains no number",
            nf.number, nf.context
        );
    }
}

/// The checker itself: a number with nothing to carry it is caught.
#[test]
fn coverage_catches_a_number_nobody_carries() {
    let mut r = shipped();
    let h = r
        .highlights
        .iter_mut()
        .find(|h| h.id == "wechat-posts")
        .unwrap();
    h.metrics.clear();
    let missing: Vec<_> = account(&r)
        .into_iter()
        .filter(|(_, _, by)| by.is_empty())
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].1, "292");
}

// ---------------------------------------------------------------------------------------------
// Validation catches bad input, naming the record and the field

fn value() -> Value {
    serde_json::from_str(&report_json()).unwrap()
}

/// Load a modified copy; expect exactly the one highlight `index` skipped, the rest kept.
fn skipped_one(v: &Value, index: usize) -> Vec<(String, String, String)> {
    let total = v["highlights"].as_array().unwrap().len();
    let id = v["highlights"][index]["id"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    let loaded = load_ok(&v.to_string());
    assert_eq!(loaded.skipped.len(), 1, "{:#?}", loaded.skipped);
    assert_eq!(
        loaded.report.highlights.len(),
        total - 1,
        "the other highlights are kept"
    );
    let s = &loaded.skipped[0];
    assert_eq!(s.record, format!("highlights[{index}] ({id})"));
    assert!(!loaded
        .report
        .highlights
        .iter()
        .enumerate()
        .any(|(i, h)| i == index && h.id == id));
    s.problems
        .iter()
        .map(|p| (p.record.clone(), p.field.clone(), p.message.clone()))
        .collect()
}

#[test]
fn a_wrong_type_skips_only_that_highlight() {
    let mut v = value();
    let i = index_of(&v, "media-reports");
    v["highlights"][i]["title"] = json!(42);
    let problems = skipped_one(&v, i);
    assert!(problems[0].0.contains("media-reports"), "{problems:?}");
    assert!(problems[0].2.contains("invalid type"), "{problems:?}");

    let mut v = value();
    v["highlights"][i]["metrics"][0]["value"] = json!("49");
    let problems = skipped_one(&v, i);
    assert!(problems[0].2.contains("invalid type"), "{problems:?}");
}

#[test]
fn an_unknown_theme_is_named() {
    let mut v = value();
    let i = index_of(&v, "folk-culture-events");
    v["highlights"][i]["theme"] = json!("sport");
    let problems = skipped_one(&v, i);
    assert!(
        problems
            .iter()
            .any(|(_, f, m)| f == "theme" && m.contains("`sport`")),
        "{problems:?}"
    );
}

#[test]
fn a_duplicate_id_is_named() {
    let mut v = value();
    let i = index_of(&v, "farmers-daily-feature");
    v["highlights"][i]["id"] = json!("china-youth-daily-feature");
    let problems = skipped_one(&v, i);
    assert!(
        problems
            .iter()
            .any(|(_, f, m)| f == "id" && m.contains("earlier")),
        "{problems:?}"
    );
}

#[test]
fn a_quote_not_in_the_source_is_named() {
    let mut v = value();
    let i = index_of(&v, "new-service-items");
    v["highlights"][i]["quotes"][0]["text"] =
        json!("增加移动、医保、水、电、燃气等多项服务办理事项。");
    let problems = skipped_one(&v, i);
    assert!(
        problems
            .iter()
            .any(|(_, f, m)| f == "quotes[0].text" && m.contains("not in that block")),
        "{problems:?}"
    );
}

#[test]
fn a_printed_value_that_disagrees_is_named() {
    let mut v = value();
    let i = index_of(&v, "media-reports");
    v["highlights"][i]["metrics"][0]["value"] = json!(48);
    v["highlights"][i]["metrics"][0]["base_value"] = json!(48);
    let problems = skipped_one(&v, i);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].1, "metrics[0].value");
    assert!(problems[0].2.contains("`49条` says 49"), "{problems:?}");

    // A qualifier that does not match how the value is printed.
    let mut v = value();
    let i = index_of(&v, "folk-culture-events");
    v["highlights"][i]["metrics"][0]["qualifier"] = json!("exact");
    let problems = skipped_one(&v, i);
    assert!(
        problems.iter().any(|(_, f, _)| f == "metrics[0].qualifier"),
        "{problems:?}"
    );
}

/// A key figure whose highlight is skipped leaves the header, and the page is told why.
#[test]
fn a_key_figure_of_a_skipped_highlight_is_dropped_and_named() {
    let mut v = value();
    let i = index_of(&v, "new-jobs");
    v["highlights"][i]["metrics"][0]["value"] = json!(1300);
    v["highlights"][i]["metrics"][0]["base_value"] = json!(1300);
    let loaded = load_ok(&v.to_string());
    let records: Vec<_> = loaded.skipped.iter().map(|s| s.record.as_str()).collect();
    assert_eq!(
        records,
        [format!("highlights[{i}] (new-jobs)").as_str(), "report"]
    );
    assert!(loaded.skipped[0].problems[0]
        .message
        .contains("`1200个` says 1200"));
    assert!(loaded.skipped[1].problems[0]
        .message
        .contains("new-jobs/jobs"));
    assert!(!loaded
        .report
        .key_figures
        .iter()
        .any(|k| k.metric == "new-jobs/jobs"));
    assert_eq!(
        loaded.report.key_figures.len(),
        value()["key_figures"].as_array().unwrap().len() - 1
    );
}

#[test]
fn a_derived_value_that_disagrees_with_its_formula_is_named() {
    let mut v = value();
    let i = index_of(&v, "villages-over-500k");
    let m = v["highlights"][i]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["id"] == "villages-50-to-100")
        .unwrap();
    v["highlights"][i]["metrics"][m]["value"] = json!(17);
    v["highlights"][i]["metrics"][m]["base_value"] = json!(17);
    let problems = skipped_one(&v, i);
    assert_eq!(problems[0].1, format!("metrics[{m}].value"));
    assert!(problems[0].2.contains("formula gives 16"), "{problems:?}");
}

#[test]
fn a_derived_metric_finds_the_records_it_uses_before_or_after_it() {
    // The 16 villages are worked out from the 4 of another record, and the share of the 4 from
    // the 20 of this one: move it to the end of the file, then to the start; both resolve.
    for to_end in [true, false] {
        let mut v = value();
        let list = v["highlights"].as_array_mut().unwrap();
        let at = list
            .iter()
            .position(|h| h["id"] == "villages-over-500k")
            .unwrap();
        let moved = list.remove(at);
        if to_end {
            list.push(moved);
        } else {
            list.insert(0, moved);
        }
        let total = list.len();
        let loaded = load_ok(&v.to_string());
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
        assert_eq!(loaded.report.highlights.len(), total);
    }
    // A record used twice: the second is skipped as a duplicate, and the formulas still read
    // the first.
    let mut v = value();
    let i = index_of(&v, "villages-over-500k");
    let twin = v["highlights"][i].clone();
    v["highlights"].as_array_mut().unwrap().push(twin);
    let loaded = load_ok(&v.to_string());
    assert_eq!(loaded.skipped.len(), 1, "{:?}", loaded.skipped);
    assert!(loaded.skipped[0].record.ends_with("(villages-over-500k)"));
    assert_eq!(loaded.skipped[0].problems[0].field, "id");
}

#[test]
fn malformed_and_truncated_json_is_refused_with_its_position() {
    let json = report_json();
    // A stray word on line 6.
    let mut lines: Vec<&str> = json.lines().collect();
    lines.insert(5, "  oops");
    match load::load_report(&lines.join("\n")) {
        Err(LoadError::Malformed { line, column, .. }) => assert_eq!((line, column), (6, 3)),
        other => panic!("{other:?}"),
    }
    // Cut in the middle of the file; the error points at the end of what is left.
    let cut = json.char_indices().nth(json.chars().count() / 2).unwrap().0;
    let truncated = json[..cut].trim_end();
    match load::load_report(truncated) {
        Err(LoadError::Malformed {
            message,
            line,
            column,
        }) => {
            assert!(message.contains("EOF"), "{message}");
            assert_eq!(line, truncated.lines().count(), "{message}");
            assert!(column > 0, "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        load::load_report(""),
        Err(LoadError::Malformed { .. })
    ));
}

#[test]
fn an_unknown_top_level_field_is_refused() {
    let mut v = value();
    v["colour"] = json!("red");
    match load::load_report(&serde_json::to_string_pretty(&v).unwrap()) {
        Err(e @ LoadError::Malformed { .. }) => assert!(e.to_string().contains("`colour`"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_chart_series_that_does_not_fit_its_type_is_refused_naming_the_field() {
    let refused = |series: Value| {
        let mut v = value();
        v["charts"][0]["series"] = series;
        match load::load_report(&serde_json::to_string_pretty(&v).unwrap()) {
            Err(e @ LoadError::Malformed { .. }) => e.to_string(),
            other => panic!("{other:?}"),
        }
    };
    let e = refused(json!({"type": "metrics", "metrics": ["a/b"], "part": "a/b"}));
    assert!(
        e.contains("unknown field `part` in a `metrics` series"),
        "{e}"
    );
    let e = refused(json!({"type": "part_of_whole", "part": "a/b"}));
    assert!(
        e.contains("missing field `whole` in a `part_of_whole` series"),
        "{e}"
    );
    let e = refused(json!({"type": "status_count"}));
    assert!(e.contains("missing field `kind`"), "{e}");
    let e = refused(json!({"type": "pie", "metrics": []}));
    assert!(e.contains("unknown variant `pie`"), "{e}");
    let e = refused(json!({"metrics": ["a/b"]}));
    assert!(e.contains("missing field `type`"), "{e}");
    let e = refused(json!({"type": "metrics", "metrics": ["a/b"], "colour": "red"}));
    assert!(e.contains("unknown field `colour`"), "{e}");
    // And each type, well formed, reads as before.
    let good = json!({"type": "metrics", "metrics": ["a/b"], "style": "units"});
    let series: ChartSeries = serde_json::from_value(good.clone()).unwrap();
    assert_eq!(
        series,
        ChartSeries::Metrics {
            metrics: vec!["a/b".into()],
            style: MetricStyle::Units
        }
    );
    assert_eq!(serde_json::to_value(&series).unwrap(), good);
    let series: ChartSeries =
        serde_json::from_value(json!({"type": "status_count", "kind": "project"})).unwrap();
    assert_eq!(
        series,
        ChartSeries::StatusCount {
            kind: Kind::Project
        }
    );
}

#[test]
fn hostile_strings_load_as_plain_data() {
    let long: String = "长".repeat(10_000);
    for hostile in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "\u{202E}txt.exe",
        long.as_str(),
    ] {
        let mut v = value();
        let i = index_of(&v, "industrial-output");
        v["highlights"][i]["title"] = json!({ "zh": hostile, "en": hostile });
        let loaded = load_ok(&v.to_string());
        assert!(loaded.skipped.is_empty(), "{:#?}", loaded.skipped);
        let h = loaded
            .report
            .highlights
            .iter()
            .find(|h| h.id == "industrial-output")
            .unwrap();
        assert_eq!(h.title.zh, hostile);
        assert_eq!(h.title.en, hostile);
    }
}

// ---------------------------------------------------------------------------------------------
// Several reports: the index and a fixture report overlaid on the site

/// Resolve an index href as a web server overlaying `tests/fixtures/` on `public/` would.
fn resolve(href: &str) -> PathBuf {
    let fixture = root().join("tests/fixtures").join(href);
    if fixture.exists() {
        fixture
    } else {
        root().join("public").join(href)
    }
}

fn load_listed(index_path: &Path) -> Vec<Loaded> {
    let index = load::load_index(&read(index_path)).unwrap_or_else(|e| panic!("{e}"));
    index
        .reports
        .iter()
        .map(|e| {
            let path = resolve(&e.href);
            let loaded = load_ok(&read(&path));
            assert_eq!(loaded.report.id, e.id, "{}", path.display());
            assert!(
                loaded.skipped.is_empty(),
                "{}: {:#?}",
                path.display(),
                loaded.skipped
            );
            let raw = read(&path.parent().unwrap().join(&loaded.report.source.raw_href));
            for b in &loaded.report.source.blocks {
                assert_eq!(
                    b.text,
                    reflow::join_lines(&raw, b.lines),
                    "{}",
                    path.display()
                );
            }
            loaded
        })
        .collect()
}

#[test]
fn the_fixture_index_lists_two_reports_that_load() {
    let loaded = load_listed(&root().join("tests/fixtures/reports.json"));
    let ids: Vec<_> = loaded.iter().map(|l| l.report.id.as_str()).collect();
    assert_eq!(ids, ["xixi-2023", "fixture-town"]);
    let fixture = &loaded[1].report;
    assert!(
        fixture.meta.context_note.en.contains("made up"),
        "the fixture says it is one"
    );
    assert_eq!(fixture.highlights.len(), 2);
    // Nothing of the fixture ships with the site.
    assert!(!root().join("public/data/fixture-town.json").exists());
}

#[test]
fn the_shipped_index_loads() {
    let loaded = load_listed(&root().join("public/reports.json"));
    assert_eq!(loaded.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// datatool

/// The shipped file is exactly what `datatool fill` makes of it: nothing computed is stale.
#[test]
fn datatool_fill_leaves_the_shipped_files_unchanged() {
    for (report, raw) in [
        (REPORT, RAW),
        (
            "tests/fixtures/data/fixture-town.json",
            "tests/fixtures/data/fixture-town.source.txt",
        ),
    ] {
        let dir = scratch(Path::new(report).file_stem().unwrap().to_str().unwrap());
        let (src, copy) = (
            root().join(report),
            dir.join(Path::new(report).file_name().unwrap()),
        );
        std::fs::copy(&src, &copy).unwrap();
        std::fs::copy(
            root().join(raw),
            dir.join(Path::new(raw).file_name().unwrap()),
        )
        .unwrap();
        let (ok, out) = datatool(&["fill", copy.to_str().unwrap()]);
        assert!(ok, "{out}");
        assert!(out.contains("0 skipped"), "{out}");
        assert!(
            read(&copy) == read(&src),
            "`datatool fill {report}` changes it: run it and commit"
        );
        let (ok, out) = datatool(&["check", copy.to_str().unwrap()]);
        assert!(ok, "{out}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn datatool_refuses_an_ambiguous_or_missing_quote() {
    let dir = scratch("ambiguous");
    std::fs::copy(root().join(RAW), dir.join("xixi-2023.source.txt")).unwrap();
    let path = dir.join("xixi-2023.json");
    for (text, expected) in [
        ("2家", "ambiguous"),
        ("不在报道里的话", "not in the report"),
    ] {
        let mut v = value();
        let i = index_of(&v, "upgraded-enterprises");
        v["highlights"][i]["quotes"][0] =
            json!({ "text": text, "block": 0, "offset": 0, "lines": [0, 0] });
        std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        let (ok, out) = datatool(&["fill", path.to_str().unwrap()]);
        assert!(!ok, "{out}");
        assert!(
            out.contains("highlights[")
                && out.contains("upgraded-enterprises")
                && out.contains(expected),
            "{out}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// schema.json describes the files: a small validator for the subset of JSON Schema it uses

fn schema(name: &str) -> Value {
    serde_json::from_str(&read(&root().join("public/data").join(name))).unwrap()
}

fn pattern_ok(pattern: &str, s: &str) -> bool {
    let slug = |x: &str| {
        !x.is_empty()
            && x.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    match pattern {
        "^[a-z0-9-]+$" => slug(s),
        "^[a-z0-9-]+/[a-z0-9-]+$" => s.split_once('/').is_some_and(|(a, b)| slug(a) && slug(b)),
        "^(?!/)(?!.*//)(?!.*\\.\\.).+$" => {
            !s.is_empty() && !s.starts_with('/') && !s.contains("//") && !s.contains("..")
        }
        other => panic!("the test validator does not know the pattern {other}; teach it"),
    }
}

/// Problems of `v` against `s`, with JSON paths. Knows: $ref, type, const, enum, properties,
/// required, additionalProperties: false, items, minItems, maxItems, minimum, maximum, minLength,
/// maxLength, pattern (the ones `pattern_ok` knows), oneOf, not.
fn conform(root_schema: &Value, s: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
    let mut err = |m: String| out.push(format!("{path}: {m}"));
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        let target = &root_schema["$defs"][name];
        assert!(!target.is_null(), "unknown $ref {r}");
        return conform(root_schema, target, v, path, out);
    }
    if let Some(t) = s.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "number" => v.is_number(),
            "integer" => v.is_u64() || v.is_i64(),
            "boolean" => v.is_boolean(),
            other => panic!("type {other}"),
        };
        if !ok {
            return err(format!("not of type {t}"));
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            err(format!("is not {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            err(format!("{v} is not one of {e:?}"));
        }
    }
    if let Some(x) = v.as_str() {
        let n = x.chars().count() as u64;
        if s.get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|m| n < m)
        {
            err("too short".into());
        }
        if s.get("maxLength")
            .and_then(Value::as_u64)
            .is_some_and(|m| n > m)
        {
            err("too long".into());
        }
        if let Some(p) = s.get("pattern").and_then(Value::as_str) {
            if !pattern_ok(p, x) {
                err(format!("`{x}` does not match {p}"));
            }
        }
    }
    if let Some(x) = v.as_f64() {
        if s.get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| x < m)
        {
            err(format!("{x} is below the minimum"));
        }
        if s.get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| x > m)
        {
            err(format!("{x} is above the maximum"));
        }
    }
    if let Some(o) = v.as_object() {
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !o.contains_key(r.as_str().unwrap()) {
                err(format!("misses {r}"));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => conform(root_schema, ps, x, &format!("{path}.{k}"), out),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    out.push(format!("{path}: unknown field `{k}`"))
                }
                None => {}
            }
        }
    }
    if let Some(a) = v.as_array() {
        let n = a.len() as u64;
        if s.get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| n < m)
        {
            out.push(format!("{path}: too few items"));
        }
        if s.get("maxItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| n > m)
        {
            out.push(format!("{path}: too many items"));
        }
        if let Some(items) = s.get("items") {
            for (i, x) in a.iter().enumerate() {
                conform(root_schema, items, x, &format!("{path}[{i}]"), out);
            }
        }
    }
    if let Some(n) = s.get("not") {
        let mut sub = Vec::new();
        conform(root_schema, n, v, path, &mut sub);
        if sub.is_empty() {
            out.push(format!("{path}: matches a `not`"));
        }
    }
    if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
        let passing = alts
            .iter()
            .filter(|alt| {
                let mut sub = Vec::new();
                conform(root_schema, alt, v, path, &mut sub);
                sub.is_empty()
            })
            .count();
        if passing != 1 {
            out.push(format!("{path}: matches {passing} of oneOf"));
        }
    }
}

fn conforms(schema_name: &str, file: &str) -> Vec<String> {
    let s = schema(schema_name);
    let v: Value = serde_json::from_str(&read(&root().join(file))).unwrap();
    let mut out = Vec::new();
    conform(&s, &s, &v, "$", &mut out);
    out
}

#[test]
fn the_files_conform_to_their_schemas() {
    for file in [REPORT, "tests/fixtures/data/fixture-town.json"] {
        assert_eq!(
            conforms("schema.json", file),
            Vec::<String>::new(),
            "{file}"
        );
    }
    for file in ["public/reports.json", "tests/fixtures/reports.json"] {
        assert_eq!(
            conforms("reports.schema.json", file),
            Vec::<String>::new(),
            "{file}"
        );
    }
    let s = schema("schema.json");
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    // The schema's units are the app's units.
    let units: Vec<&str> = s["$defs"]["Metric"]["properties"]["unit"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    assert_eq!(
        units,
        xixi_highlights::core::model::units::known_units().collect::<Vec<_>>()
    );
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let s = schema("schema.json");
    let check = |v: &Value| {
        let mut out = Vec::new();
        conform(&s, &s, v, "$", &mut out);
        out
    };
    let mut v = value();
    v["colour"] = json!("red");
    assert_eq!(check(&v), ["$: unknown field `colour`"]);
    let mut v = value();
    let i = index_of(&v, "media-reports");
    v["highlights"][i]["kind"] = json!("rumour");
    v["highlights"][i]["id"] = json!("Media Reports");
    v["highlights"][i]["metrics"][0]["derived"] =
        json!({ "formula": "49", "decimals": 0, "explanation": { "zh": "-", "en": "-" } });
    let problems = check(&v);
    assert_eq!(problems.len(), 3, "{problems:?}");
    // The loader refuses each of these too (and says the charts lost a bar: the id changed).
    let loaded = load_ok(&v.to_string());
    let records: Vec<_> = loaded.skipped.iter().map(|s| s.record.as_str()).collect();
    assert_eq!(
        records,
        [
            format!("highlights[{i}] (Media Reports)").as_str(),
            "charts"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Loading in steps (as the app does, yielding to the browser) gives what loading at once gives

#[test]
fn loading_in_steps_keeps_and_skips_the_same_records() {
    let mut v = value();
    let a = index_of(&v, "media-reports");
    v["highlights"][a]["title"] = json!(42);
    let b = index_of(&v, "farmers-daily-feature");
    v["highlights"][b]["id"] = json!("china-youth-daily-feature");
    let json = v.to_string();
    let whole = load_ok(&json);
    assert_eq!(whole.skipped.len(), 2);
    for step in [1, 7, 1000] {
        let mut loader = load::Loader::new(&json).unwrap();
        let mut last = 0.0;
        while !loader.step(step) {
            assert!(loader.progress() >= last, "progress only grows");
            last = loader.progress();
        }
        assert_eq!(loader.progress(), 1.0);
        assert_eq!(loader.finish(), whole, "in steps of {step}");
    }
}

#[test]
fn a_synthetic_report_of_ten_thousand_loads_whole() {
    let real = shipped();
    let synthetic = xixi_highlights::core::synth::synthetic(&real, 10_000);
    let loaded = load_ok(&serde_json::to_string(&synthetic).unwrap());
    assert!(loaded.skipped.is_empty(), "{:?}", &loaded.skipped[..1]);
    assert_eq!(loaded.report.highlights.len(), 10_000);
    assert_eq!(loaded.report.key_figures, real.key_figures);
}

#[test]
fn a_file_that_is_not_utf8_names_the_line_and_column() {
    let mut bytes = "{\n  \"id\": \"西溪".as_bytes().to_vec();
    bytes.push(0xff);
    match load::utf8(bytes) {
        Err(LoadError::Malformed {
            line,
            column,
            message,
        }) => {
            assert_eq!((line, column), (2, 12));
            assert!(message.contains("UTF-8"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(load::utf8("西溪".as_bytes().to_vec()).unwrap(), "西溪");
}
