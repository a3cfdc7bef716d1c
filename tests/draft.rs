//! `datatool draft` and the explanations of `datatool check`: a report's plain text becomes a
//! draft that finds the figures a person found by hand, loads with warnings only, and survives
//! any input; and every problem `check` prints says where it is (JSON path and line), what is
//! wrong and how to fix it, in English or Chinese.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use common::{datatool, index_of, scratch};

use serde_json::{json, Value};
use xixi_highlights::core::draft::{self, Draft};
use xixi_highlights::core::load;
use xixi_highlights::core::model::{BlockKind, Qualifier, Report};
use xixi_highlights::core::reflow;
use xixi_highlights::core::validate::fidelity::{self, Severity};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const SHIPPED: &str = "public/data/xixi-2023.json";
const SHIPPED_RAW: &str = "public/data/xixi-2023.source.txt";
const FIXTURE: &str = "tests/fixtures/data/fixture-town.json";
const FIXTURE_RAW: &str = "tests/fixtures/data/fixture-town.source.txt";

fn hand_made(rel: &str) -> Report {
    let loaded = load::load_report(&read(rel)).unwrap();
    assert!(loaded.skipped.is_empty());
    loaded.report
}

/// What `datatool check` requires of a draft, short of printing: it loads with no record
/// skipped, its blocks are its raw lines re-joined, and the fidelity lint finds warnings only.
/// Returns the warnings.
fn passes_check(d: &Draft, raw: &str) -> Vec<String> {
    let json = serde_json::to_string(&d.report).unwrap();
    let loaded = load::load_report(&json).unwrap_or_else(|e| panic!("refused: {e}"));
    assert!(loaded.skipped.is_empty(), "skipped: {:#?}", loaded.skipped);
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    for (i, b) in d.report.source.blocks.iter().enumerate() {
        assert_eq!(b.text, reflow::join_lines(raw, b.lines), "block {i}");
    }
    let findings = fidelity::lint(&loaded.report);
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "errors: {errors:#?}");
    findings.iter().map(|f| f.problem.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// Recall on the shipped report

/// For each raw line, how many characters of the reflowed text stand before it: a position in
/// the report that does not depend on how it is cut into blocks.
fn line_starts(raw: &str) -> Vec<usize> {
    let mut starts = vec![0];
    for l in raw.lines() {
        starts.push(starts.last().unwrap() + l.trim().chars().count());
    }
    starts
}

/// Every printed metric: (name, printed, value, unit, qualifier, positions in the report).
type Located = (String, String, f64, String, Qualifier, Vec<usize>);

fn printed_metrics(r: &Report, raw: &str) -> Vec<Located> {
    let starts = line_starts(raw);
    let mut out = Vec::new();
    for h in &r.highlights {
        for m in &h.metrics {
            let (Some(p), None) = (&m.printed, &m.derived) else {
                continue;
            };
            let mut at = Vec::new();
            for q in &h.quotes {
                let first = r.source.blocks[q.block].lines[0] as usize;
                let quote: Vec<char> = q.text.chars().collect();
                let p: Vec<char> = p.chars().collect();
                for k in 0..quote.len().saturating_sub(p.len() - 1) {
                    if quote[k..].starts_with(&p) {
                        at.push(starts[first - 1] + q.offset + k);
                    }
                }
            }
            out.push((
                format!("{}/{}", h.id, m.id),
                p.clone(),
                m.value,
                m.unit.clone(),
                m.qualifier,
                at,
            ));
        }
    }
    out
}

/// Matches each wanted metric to a drafted one of the same value, unit and qualifier at the same
/// place of the report: (misses, drafted metrics that match none).
fn compare(want: &[Located], got: &[Located]) -> (Vec<String>, Vec<String>) {
    let mut used = vec![false; got.len()];
    let mut misses = Vec::new();
    for w in want {
        let hit = got.iter().enumerate().position(|(i, g)| {
            !used[i]
                && (g.2 - w.2).abs() < 1e-9
                && g.3 == w.3
                && g.4 == w.4
                && g.5.iter().any(|p| w.5.contains(p))
        });
        match hit {
            Some(i) => used[i] = true,
            None => misses.push(format!(
                "{} 「{}」 {} {} {:?}: drafted as {:?}",
                w.0,
                w.1,
                w.2,
                w.3,
                w.4,
                got.iter()
                    .filter(|g| g.5.iter().any(|p| w.5.contains(p)))
                    .map(|g| format!("「{}」 {} {} {:?}", g.1, g.2, g.3, g.4))
                    .collect::<Vec<_>>()
            )),
        }
    }
    let extra = got
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| format!("{} 「{}」", g.0, g.1))
        .collect();
    (misses, extra)
}

#[test]
fn the_draft_of_the_shipped_report_finds_the_figures_found_by_hand() {
    let raw = read(SHIPPED_RAW);
    let d = draft::draft(&raw, "xixi-2023.source.txt");
    let want = printed_metrics(&hand_made(SHIPPED), &raw);
    let got = printed_metrics(&d.report, &raw);
    let (misses, extra) = compare(&want, &got);
    let recall = (want.len() - misses.len()) as f64 / want.len() as f64;
    println!(
        "recall: {} of {} printed metrics ({:.1}%), same value, unit and qualifier at the same \
         place; misses: {misses:#?}; drafted but not in the hand-made file: {extra:#?}; \
         numbers not drafted: {:#?}",
        want.len() - misses.len(),
        want.len(),
        recall * 100.0,
        d.misses
    );
    assert!(want.len() >= 40, "the hand-made file has its metrics");
    assert!(recall >= 0.95, "recall {recall}: {misses:#?}");
    // And it invents none: every drafted figure is one a person drafted too.
    let precision = (got.len() - extra.len()) as f64 / got.len() as f64;
    assert!(precision >= 0.95, "precision {precision}: {extra:#?}");
}

#[test]
fn the_draft_of_the_shipped_report_is_cut_and_headed_as_by_hand() {
    let raw = read(SHIPPED_RAW);
    let d = draft::draft(&raw, "xixi-2023.source.txt");
    let shape = |r: &Report| {
        let mut s: Vec<(BlockKind, [u32; 2])> =
            r.source.blocks.iter().map(|b| (b.kind, b.lines)).collect();
        s.sort_by_key(|b| b.1);
        s
    };
    let hand = hand_made(SHIPPED);
    assert_eq!(shape(&d.report), shape(&hand));
    let m = &d.report.meta;
    assert_eq!(
        (
            m.kicker.zh.as_str(),
            m.headline.zh.as_str(),
            m.byline.as_str()
        ),
        (
            hand.meta.kicker.zh.as_str(),
            hand.meta.headline.zh.as_str(),
            hand.meta.byline.as_str()
        )
    );
    assert_eq!((m.town.zh.as_str(), m.year), ("西溪镇", 2023));
    // The four chapter headings stand at the end, detached: the chapters are the author's to
    // assign, and every paragraph says so.
    let headings: Vec<&str> = d
        .report
        .chapters
        .iter()
        .map(|c| c.title.zh.as_str())
        .collect();
    for c in &hand.chapters[1..] {
        assert!(headings.contains(&c.title.zh.as_str()), "{headings:?}");
    }
    assert!(d
        .report
        .source
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .all(|b| b.chapter.as_deref() == Some(fidelity::TODO)));
    // The numbers that are not figures: the same, the years said to be years.
    let nf = |r: &Report| {
        let mut v: Vec<(String, bool)> = r
            .source
            .non_figures
            .iter()
            .map(|n| (n.number.clone(), n.reason.en == "A year"))
            .collect();
        v.sort();
        v
    };
    assert_eq!(nf(&d.report), nf(&hand));
    passes_check(&d, &raw);
}

// ---------------------------------------------------------------------------------------------
// Any town's report: the fixture town

#[test]
fn the_draft_of_the_fixture_town_passes_check_with_warnings_only() {
    let raw = read(FIXTURE_RAW);
    let d = draft::draft(&raw, "fixture-town.source.txt");
    let warnings = passes_check(&d, &raw);
    assert!(!warnings.is_empty());
    // Every decision left to the author is a warning: theme, chapter, English.
    for h in &d.report.highlights {
        assert!(warnings
            .iter()
            .any(|w| w.contains(&h.id) && w.contains("theme")));
        assert!(warnings
            .iter()
            .any(|w| w.contains(&h.id) && w.contains("title.en")));
    }
    let want = printed_metrics(&hand_made(FIXTURE), &raw);
    let got = printed_metrics(&d.report, &raw);
    let (misses, extra) = compare(&want, &got);
    assert!(
        misses.is_empty() && extra.is_empty(),
        "{misses:?} {extra:?}"
    );
    let scope = d
        .report
        .highlights
        .iter()
        .flat_map(|h| &h.metrics)
        .find_map(|m| m.scope.as_ref())
        .unwrap();
    assert_eq!(scope.zh, "全县");
    assert_eq!(
        d.report.meta.headline.zh,
        "测试镇 fixture 虚构报道（仅供自动化测试）"
    );
    assert_eq!(d.report.meta.byline, "测试记者 某某");
    assert_eq!(
        (d.report.meta.town.zh.as_str(), d.report.meta.year),
        ("测试镇", 2024)
    );
}

#[test]
fn datatool_draft_writes_a_file_that_datatool_check_accepts() {
    let dir = scratch("fixture");
    let src = dir.join("fixture-town.source.txt");
    // Saved on Windows: a byte-order mark and CRLF line endings.
    let text = format!("\u{feff}{}", read(FIXTURE_RAW).replace('\n', "\r\n"));
    std::fs::write(&src, text).unwrap();
    let out = dir.join("fixture-town.json");
    let (ok, said) = datatool(&["draft", src.to_str().unwrap(), out.to_str().unwrap()]);
    assert!(ok, "{said}");
    assert!(said.contains("3 metrics"), "{said}");
    let (ok, said) = datatool(&["check", out.to_str().unwrap()]);
    assert!(ok, "{said}");
    assert!(
        said.contains("0 skipped") && said.contains("warning:"),
        "{said}"
    );
    assert!(!said.contains("problem:"), "{said}");
    // Nothing is left for `fill` to compute: it leaves the draft as it is.
    let drafted = std::fs::read(&out).unwrap();
    let (ok, said) = datatool(&["fill", out.to_str().unwrap()]);
    assert!(ok, "{said}");
    assert!(std::fs::read(&out).unwrap() == drafted);
    // A draft is never written over a file.
    let (ok, said) = datatool(&["draft", src.to_str().unwrap(), out.to_str().unwrap()]);
    assert!(!ok && said.contains("exists"), "{said}");
    // Text that is not UTF-8 is refused, saying so.
    let gbk = dir.join("gbk.txt");
    std::fs::write(&gbk, [0xCE, 0xF7, 0xCF, 0xAA, 0xD5, 0xF2]).unwrap();
    let (ok, said) = datatool(&[
        "draft",
        gbk.to_str().unwrap(),
        dir.join("gbk.json").to_str().unwrap(),
    ]);
    assert!(!ok && said.contains("GBK"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn counts_in_chinese_numerals_are_figures_that_validate() {
    let raw = "新建口袋公园两个，引进企业二十多家，完成三项改革，建成十大领域专班，\
               服务三万人。一名优秀的干部，一个个项目，这两家企业，七八个人。\n";
    let d = draft::draft(raw, "chinese.txt");
    passes_check(&d, raw);
    let got: Vec<(String, f64, String, Qualifier)> = d
        .report
        .highlights
        .iter()
        .flat_map(|h| &h.metrics)
        .map(|m| {
            (
                m.printed.clone().unwrap(),
                m.value,
                m.unit.clone(),
                m.qualifier,
            )
        })
        .collect();
    let want = [
        ("两个", 2.0, "个", Qualifier::Exact),
        ("二十多家", 20.0, "家", Qualifier::MoreThan),
        ("三项", 3.0, "项", Qualifier::Exact),
        ("十大", 10.0, "大", Qualifier::Exact),
        ("三万人", 3.0, "万人", Qualifier::Exact),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(p, v, u, q)| (p.to_string(), *v, u.to_string(), *q))
        .collect();
    assert_eq!(got, want);
}

// ---------------------------------------------------------------------------------------------
// Hostile and odd input

fn long_line() -> String {
    let piece = "新建口袋公园１２个、文化礼堂3家，举办邻里活动120余场，2023年全县排名第一；\
                 “1+5+10”体系与《报告·1921》并行，增长3.5%，服务1000人次，编号4567⋯⋯";
    piece.chars().cycle().take(200_000).collect()
}

#[test]
fn odd_and_hostile_text_drafts_without_panic_and_loads() {
    let fixture = read(FIXTURE_RAW);
    let inputs: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("blank lines", "\n\n \n\u{3000}\n".into()),
        ("one line of 200,000 characters", long_line()),
        ("200,000 digits", "7".repeat(200_000)),
        (
            "200,000 characters without punctuation",
            "西溪".repeat(100_000),
        ),
        ("CRLF", fixture.replace('\n', "\r\n")),
        ("CR only", fixture.replace('\n', "\r")),
        ("byte-order mark", format!("\u{feff}{fixture}")),
        (
            "mixed half- and full-width digits",
            "新建公园１２个，举办活动1２0余场，增长３.５％，达到１２．５万元。\n".into(),
        ),
        (
            "only punctuation",
            "。，；！？“”《》⋯⋯\n，，，\n”“》《\n".into(),
        ),
        (
            "numbers with no unit",
            "编号123，代码4567，数字89。\n12\n".into(),
        ),
        (
            "unpaired marks",
            "“新建公园2个，《举办活动3场，<第5届\n全县排名第\n".into(),
        ),
    ];
    for (what, raw) in &inputs {
        let d = draft::draft_bytes(raw.as_bytes().to_vec(), "odd.txt")
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        passes_check(&d, raw);
    }
    // The long line is drafted, its figures in short quotes.
    let raw = long_line();
    let d = draft::draft(&raw, "long.txt");
    assert!(d.report.highlights.len() > 100);
    assert!(d
        .report
        .highlights
        .iter()
        .all(|h| h.quotes[0].text.chars().count() <= 240));
    let units: Vec<&str> = d
        .report
        .highlights
        .iter()
        .flat_map(|h| &h.metrics)
        .map(|m| m.unit.as_str())
        .collect();
    for u in ["个", "家", "场", "位", "%"] {
        assert!(units.contains(&u), "{u} in {units:?}");
    }
    // 人次 and a number without a unit are not figures the data can hold: listed, not drafted.
    assert!(d.misses.iter().any(|m| m.why.contains("人次")));
    assert!(d.misses.iter().any(|m| m.why.contains("no unit")));
    // Full-width digits read as numbers, printed as the text prints them.
    let d = draft::draft("新建公园１２个，举办活动1２0余场。", "w.txt");
    let m: Vec<(String, f64)> = d.report.highlights[0]
        .metrics
        .iter()
        .map(|m| (m.printed.clone().unwrap(), m.value))
        .collect();
    assert_eq!(
        m,
        [
            ("１２个".to_string(), 12.0),
            ("1２0余场".to_string(), 120.0)
        ]
    );
    // Bytes that are not UTF-8 are an error, not a panic.
    for bytes in [
        vec![0xFF, 0xFE, b'a', 0],
        vec![b'a', 0xC3, 0x28],
        vec![0xCE, 0xF7, 0xCF, 0xAA],
        vec![0xE8, 0xA5],
    ] {
        assert!(draft::draft_bytes(bytes, "bad.txt").is_err());
    }
}

// ---------------------------------------------------------------------------------------------
// datatool check explains

/// The 1-based number of the first line of `text` at or after line `from` that `pred` accepts
/// (given the line without its indentation and trailing comma).
fn line_where(text: &str, from: usize, pred: impl Fn(&str) -> bool) -> usize {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| pred(l.trim().trim_end_matches(',')))
        .map(|(i, _)| i + 1)
        .unwrap()
}

#[test]
fn datatool_check_says_where_what_and_how_in_english_and_chinese() {
    let dir = scratch("explain");
    std::fs::copy(root().join(SHIPPED_RAW), dir.join("xixi-2023.source.txt")).unwrap();
    let mut v: Value = serde_json::from_str(&read(SHIPPED)).unwrap();
    let output = index_of(&v, "industrial-output");
    let theme = index_of(&v, "media-reports");
    let jobs = index_of(&v, "new-jobs");
    let broken = index_of(&v, "resident-population");
    assert!(broken < jobs, "a skipped record before the others");
    v["highlights"][output]["metrics"][0]["value"] = json!(12.3);
    v["highlights"][theme]["theme"] = json!("no-such-theme");
    // Dropping 累计 is a fidelity error; the record skipped before it shifts the loaded
    // highlights, and the path still names the record of the file.
    v["highlights"][jobs]["metrics"][0]["label"]["zh"] = json!("新增就业岗位");
    v["highlights"][broken]["kind"] = json!(5);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let path = dir.join("xixi-2023.json");
    std::fs::write(&path, &text).unwrap();

    let hl = |id: &str| line_where(&text, 1, |l| l == format!("\"id\": \"{id}\""));
    let value_line = line_where(&text, hl("industrial-output"), |l| l == "\"value\": 12.3");
    let theme_line = line_where(&text, 1, |l| l == "\"theme\": \"no-such-theme\"");
    let label_line = line_where(&text, hl("new-jobs"), |l| l == "\"zh\": \"新增就业岗位\"");
    let kind_line = line_where(&text, hl("resident-population"), |l| l == "\"kind\": 5");

    let places = [
        (
            format!("$.highlights[{output}].metrics[0].value"),
            value_line,
        ),
        (format!("$.highlights[{theme}].theme"), theme_line),
        (
            format!("$.highlights[{jobs}].metrics[0].label.zh"),
            label_line,
        ),
        // The record that does not parse, at the line the parser stopped on.
        (format!("$.highlights[{broken}]"), kind_line),
    ];
    type Place = fn(&str, usize) -> String;
    let languages: [(&[&str], Place, &[&str]); 2] = [
        (
            &["check"],
            |at, line| format!("at {at} (line {line})\n"),
            &[
                "The number does not match the figure the report prints: 「12.34亿元」 is 12.34, \
                 the file has 12.3.",
                "Set \"value\" to 12.34",
                "The theme `no-such-theme` is not one of the report's themes (governance,",
                "The report says 「累计」 of 「1200个」, and this text drops it",
                "This record is not in the shape the app reads",
                "record(s) with problems",
            ],
        ),
        (
            &["check", "--lang", "zh"],
            |at, line| format!("问题：{at}（第 {line} 行）\n"),
            &[
                "数值与报道印出的数字不一致：「12.34亿元」是 12.34，文件里写的是 12.3。",
                "把 \"value\" 改为 12.34",
                "主题“no-such-theme”不在本报告的主题列表",
                "报道对「1200个」用了「累计」，这里的文字把它丢掉了",
                "中文保留「累计」",
                "这条记录的格式不对",
                "条记录有问题",
            ],
        ),
    ];
    for (args, place, phrases) in languages {
        let (ok, said) = datatool(&[args, &[path.to_str().unwrap()]].concat());
        assert!(!ok, "{said}");
        for (at, line) in &places {
            let want = place(at, *line);
            assert!(said.contains(&want), "{want}:\n{said}");
        }
        for phrase in phrases {
            assert!(said.contains(phrase), "{phrase}:\n{said}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn datatool_check_explains_a_stale_block_and_a_draft_todo() {
    let dir = scratch("stale");
    let raw = read(FIXTURE_RAW);
    std::fs::write(dir.join("fixture-town.source.txt"), &raw).unwrap();
    let d = draft::draft(&raw, "fixture-town.source.txt");
    let mut v = serde_json::to_value(&d.report).unwrap();
    let last = v["source"]["blocks"].as_array().unwrap().len() - 1;
    v["source"]["blocks"][last]["text"] = json!("改过的文字");
    let text = serde_json::to_string_pretty(&v).unwrap();
    let path = dir.join("fixture-town.json");
    std::fs::write(&path, &text).unwrap();
    let (ok, zh) = datatool(&["check", "--lang", "zh", path.to_str().unwrap()]);
    assert!(!ok, "{zh}");
    let line = line_where(&text, 1, |l| l == "\"text\": \"改过的文字\"");
    assert!(
        zh.contains(&format!(
            "问题：$.source.blocks[{last}].text（第 {line} 行）"
        )) && zh.contains("datatool fill"),
        "{zh}"
    );
    // Each `todo` is a warning that says what the author has to do.
    assert!(
        zh.contains("提示：$.highlights[0].theme") && zh.contains("草稿没有确定主题"),
        "{zh}"
    );
    assert!(
        zh.contains("提示：$.highlights[0].title.en") && zh.contains("英文尚未填写"),
        "{zh}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_problems_of_a_broken_file_are_explained_in_both_languages() {
    use xixi_highlights::core::model::Lang;
    use xixi_highlights::core::validate::explain::{explain, Doc};
    // Problems as the loader and the lint report them on broken copies of the shipped file.
    let mut v: Value = serde_json::from_str(&read(SHIPPED)).unwrap();
    let i = index_of(&v, "industrial-output");
    v["highlights"][i]["metrics"][0]["unit"] = json!("辆");
    v["highlights"][i]["metrics"][1]["qualifier"] = json!("more_than");
    v["highlights"][i]["quotes"][0]["offset"] = json!(3);
    v["highlights"][i]["summary"]["en"] = json!("");
    let j = index_of(&v, "media-reports");
    v["highlights"][j]["metrics"][0]["printed"] = json!("50条");
    v["source"]["unhighlighted"][0]["text"] = json!("不在报道里的话");
    let text = serde_json::to_string_pretty(&v).unwrap();
    let loaded = load::load_report(&text).unwrap();
    let mut problems: Vec<_> = loaded
        .skipped
        .iter()
        .flat_map(|s| s.problems.clone())
        .collect();
    problems.extend(
        fidelity::lint(&loaded.report)
            .into_iter()
            .map(|f| f.problem),
    );
    assert!(problems.len() >= 6, "{problems:#?}");
    let doc = Doc::new(&text);
    let mut lines = HashMap::new();
    for p in &problems {
        let en = explain(p, &doc, Lang::En);
        let zh = explain(p, &doc, Lang::Zh);
        assert_eq!(en.path, zh.path);
        assert!(
            en.path.starts_with("$.") && en.line.is_some(),
            "{p}: {en:?}"
        );
        assert!(!en.what.is_empty() && !en.fix.is_empty(), "{p}");
        // The Chinese is Chinese.
        assert!(
            zh.what
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && zh
                    .fix
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{p}: {zh:?}"
        );
        lines.insert(en.path.clone(), en.line.unwrap());
    }
    let unit_line = lines[&format!("$.highlights[{i}].metrics[0].unit")];
    assert_eq!(
        text.lines().nth(unit_line - 1).unwrap().trim(),
        "\"unit\": \"辆\","
    );
}
