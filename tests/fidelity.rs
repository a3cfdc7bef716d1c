//! Honest figures: the rules that keep the page faithful to the report, each tested on the shipped
//! data and on a copy broken the way a careless edit would break it.
//! 1. A chart compares like with like (one base unit, one kind of count).
//! 2. A derived value combines only a whole and its stated parts, and is never a key figure.
//! 3. The report's qualifiers stay, in both languages.
//! 6. Figures read in Chinese as the report prints them; an exact difference has no "≈".
//! 7. Every stretch of the report is quoted by a highlight or listed with a reason.
//!
//! And the loading rule: a file any editor saves that a browser's `response.json()` reads loads.

mod common;

use std::path::PathBuf;
use std::process::Command;

use serde_json::{json, Value};
use xixi_highlights::core::charts::spec;
use xixi_highlights::core::format;
use xixi_highlights::core::load::{self, LoadError, Loaded};
use xixi_highlights::core::model::{ChartSeries, Lang, Qualifier, Report};
use xixi_highlights::core::validate::fidelity::{lint, Severity};
use xixi_highlights::core::validate::{check_charts, find_metric};

use common::index_of;

const REPORT: &str = "public/data/xixi-2023.json";

fn json_text() -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(REPORT)).unwrap()
}

fn value() -> Value {
    serde_json::from_str(&json_text()).unwrap()
}

fn load(v: &Value) -> Loaded {
    load::load_report(&v.to_string()).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn shipped() -> Report {
    let loaded = load(&value());
    assert!(loaded.skipped.is_empty(), "{:#?}", loaded.skipped);
    loaded.report
}

fn metric_index(v: &Value, h: usize, id: &str) -> usize {
    v["highlights"][h]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no metric {id}"))
}

fn chart_index(v: &Value, id: &str) -> usize {
    v["charts"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["id"] == id)
        .unwrap()
}

/// Every problem the loader reports, as `record · field: message` lines.
fn problems(loaded: &Loaded) -> Vec<String> {
    loaded
        .skipped
        .iter()
        .flat_map(|s| s.problems.iter().map(|p| p.to_string()))
        .collect()
}

/// `datatool check` on a copy written to a scratch file: (exit ok, what it printed).
fn datatool_check(v: &Value, name: &str) -> (bool, String) {
    let dir = std::env::temp_dir().join(format!("xixi-fidelity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap();
    // The report's raw text is named relative to the file: keep it beside the copy.
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data/xixi-2023.source.txt"),
        dir.join("xixi-2023.source.txt"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_datatool"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

// ---------------------------------------------------------------------------------------------
// Rule 1: a chart compares like with like

#[test]
fn every_shipped_chart_counts_one_thing_in_one_unit() {
    let r = shipped();
    let known = |id: &str| r.highlights.iter().any(|h| h.id == id);
    let check = check_charts(&r, &known);
    assert_eq!(check.problems, vec![], "shipped charts");
    for c in &r.charts {
        if let ChartSeries::Metrics { metrics, .. } = &c.series {
            let found: Vec<_> = metrics
                .iter()
                .map(|m| find_metric(&r, m).unwrap().1)
                .collect();
            for m in &found {
                assert!(
                    m.counts.is_some(),
                    "{}: {} names what it counts",
                    c.id,
                    m.id
                );
                assert_eq!(
                    (m.base_unit, &m.counts),
                    (found[0].base_unit, &found[0].counts),
                    "{}",
                    c.id
                );
                assert_eq!(m.unit, found[0].unit, "{}: one printed unit", c.id);
            }
        }
    }
}

/// The three charts the first version drew misleadingly, rebuilt as they were: each is refused
/// with its id and what it mixes, and the page draws the rest.
#[test]
fn a_chart_that_mixes_what_it_counts_is_refused_and_not_drawn() {
    let cases = [
        // 19 centres, 9 pilots and 600+ elders on one axis.
        (
            "elderly-care",
            "elders-served-meals/elders",
            ["`care-centres` (家)", "`elders` (名)"],
        ),
        // 3000余场 events beside 条 items.
        (
            "publicity",
            "folk-culture-events/events",
            ["`publicity-items` (条)", "`folk-events` (场)"],
        ),
        // R&D institutions among newly designated firms.
        (
            "enterprise-cultivation",
            "rd-institutions/institutions",
            ["`newly-designated-firms` (家)", "`rd-institutions` (家)"],
        ),
    ];
    for (chart, extra, said) in cases {
        let mut v = value();
        let c = chart_index(&v, chart);
        v["charts"][c]["series"]["metrics"]
            .as_array_mut()
            .unwrap()
            .push(json!(extra));
        let loaded = load(&v);
        let all = problems(&loaded);
        let line = all
            .iter()
            .find(|p| p.contains(&format!("charts[{c}] ({chart})")))
            .unwrap_or_else(|| panic!("{chart}: {all:?}"));
        assert!(line.contains("mixes what it counts"), "{line}");
        for s in said {
            assert!(line.contains(s), "{line} names {s}");
        }
        assert!(
            !loaded.report.charts.iter().any(|x| x.id == chart),
            "{chart} not drawn"
        );
        assert_eq!(
            loaded.report.charts.len(),
            value()["charts"].as_array().unwrap().len() - 1
        );
        assert_eq!(
            loaded.report.highlights.len(),
            shipped().highlights.len(),
            "no card lost"
        );

        let (ok, out) = datatool_check(&v, &format!("mixed-{chart}.json"));
        assert!(!ok, "datatool check refuses {chart}: {out}");
        assert!(
            out.contains(&format!("charts[{c}] ({chart})")) && out.contains(said[1]),
            "{out}"
        );
    }
    // A target cultivated (培育) is not an achievement added (新增), though both are firms.
    let mut v = value();
    let c = chart_index(&v, "enterprise-cultivation");
    v["charts"][c]["series"]["metrics"]
        .as_array_mut()
        .unwrap()
        .push(json!("upgraded-enterprises/firms"));
    let all = problems(&load(&v));
    assert!(
        all.iter().any(|p| p.contains("`cultivated-firms` (家)")),
        "{all:?}"
    );
}

#[test]
fn a_part_of_whole_chart_needs_the_part_the_report_states() {
    let mut v = value();
    let c = chart_index(&v, "village-income");
    v["charts"][c]["series"] = json!({"type": "part_of_whole",
        "part": "smart-care-pilots/centres", "whole": "home-care-centres/centres"});
    let loaded = load(&v);
    let all = problems(&loaded);
    assert!(
        all.iter().any(|p| p.contains("village-income")
            && p.contains("does not name `home-care-centres/centres` in `part_of`")),
        "{all:?}"
    );
    assert!(!loaded
        .report
        .charts
        .iter()
        .any(|x| x.id == "village-income"));
}

/// The captions are true sentences about comparable things: no chart's finding names a thing
/// counted in another unit, and the part-of-whole caption says 「其中」 as the report does.
#[test]
fn chart_captions_compare_only_what_the_chart_holds() {
    let r = shipped();
    let all: Vec<usize> = (0..r.highlights.len()).collect();
    let zh = spec::specs(&r, &all, Lang::Zh);
    let caption = |id: &str| zh.iter().find(|s| s.id == id).unwrap().finding.clone();
    assert_eq!(
        caption("elderly-care"),
        "运营稳定的居家养老服务照料中心19家；完成智慧养老建设市级试点的中心9家。"
    );
    assert!(!caption("elderly-care").contains("老人"));
    assert_eq!(
        caption("village-income"),
        "经营性收入超50万元的行政村20个，其中经营性收入100万元以上的行政村4个。"
    );
    assert!(
        caption("publicity").contains("公益广告最多（300余条）"),
        "{}",
        caption("publicity")
    );
    assert!(!caption("publicity").contains("场"));
    assert_eq!(
        caption("projects-by-status"),
        "6个项目中，3个已完工，1个已开工，2个已完成设计。"
    );
    let en = spec::specs(&r, &all, Lang::En);
    let e = en.iter().find(|s| s.id == "village-income").unwrap();
    assert!(e.finding.contains("of these"), "{}", e.finding);
}

// ---------------------------------------------------------------------------------------------
// Rule 2: derived values combine only a whole and its stated parts; never a key figure

#[test]
fn the_shipped_derived_values_are_parts_of_one_stated_whole() {
    let r = shipped();
    let derived: Vec<String> = r
        .highlights
        .iter()
        .flat_map(|h| {
            h.metrics
                .iter()
                .filter(|m| m.derived.is_some())
                .map(move |m| format!("{}/{}", h.id, m.id))
        })
        .collect();
    assert_eq!(
        derived,
        [
            "villages-over-500k/villages-50-to-100",
            "villages-over-1m/share"
        ]
    );
    let (_, part) = find_metric(&r, "villages-over-1m/villages").unwrap();
    assert_eq!(part.part_of.as_deref(), Some("villages-over-500k/villages"));
    for k in &r.key_figures {
        assert!(
            find_metric(&r, &k.metric).unwrap().1.derived.is_none(),
            "{}",
            k.metric
        );
    }
    // The values the first version derived, and that the report's own method would not give,
    // are gone.
    for gone in [
        "ethnic-minority-residents/minority-share",
        "industrial-output/output-2022",
        "industrial-output/increase",
        "smart-care-pilots/share",
        "temporary-relief/per-person",
    ] {
        assert!(find_metric(&r, gone).is_none(), "{gone}");
    }
}

/// Put back a derived value the first version had; the record is refused and says why.
fn with_derived(
    v: &mut Value,
    hid: &str,
    formula: &str,
    unit: &str,
    value: f64,
    decimals: u8,
) -> usize {
    let i = index_of(v, hid);
    v["highlights"][i]["metrics"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "computed", "label": {"zh": "推算", "en": "computed"},
            "value": value, "unit": unit, "base_value": value, "base_unit": "percent",
            "qualifier": "approx",
            "derived": {"formula": formula, "decimals": decimals,
                        "explanation": {"zh": "推算", "en": "computed"}}
        }));
    i
}

#[test]
fn a_derived_value_of_things_the_report_does_not_relate_is_refused() {
    let cases = [
        // The 2459 who work or live here are not a subset of the 3.2万 residents.
        ("ethnic-minority-residents", "{ethnic-minority-residents/minority} / ({resident-population/residents} * 10000) * 100", 7.7, 1),
        // Last year's output divided back from a 同比 rate.
        ("industrial-output", "{industrial-output/output} / (1 + {industrial-output/growth} / 100)", 12.11, 2),
        // The 9 pilots as a share of the 19 centres: the report never says 其中.
        ("smart-care-pilots", "{smart-care-pilots/centres} / {home-care-centres/centres} * 100", 47.4, 1),
    ];
    for (hid, formula, val, decimals) in cases {
        let mut v = value();
        let unit = if hid == "industrial-output" {
            "亿元"
        } else {
            "%"
        };
        let i = with_derived(&mut v, hid, formula, unit, val, decimals);
        if unit == "亿元" {
            let m = metric_index(&v, i, "computed");
            v["highlights"][i]["metrics"][m]["base_unit"] = json!("yuan");
            v["highlights"][i]["metrics"][m]["base_value"] = json!(val * 1e8);
        }
        let loaded = load(&v);
        let all = problems(&loaded);
        assert!(
            all.iter().any(|p| p.contains(&format!("({hid})"))
                && p.contains("does not declare parts of one whole")),
            "{hid}: {all:?}"
        );
        assert!(
            !loaded.report.highlights.iter().any(|h| h.id == hid),
            "{hid} is not shown with it"
        );
    }
}

#[test]
fn a_part_needs_the_reports_qizhong_and_a_whole_of_the_same_kind() {
    // Declaring the 9 pilots a part of the 19 centres: the quote has no 「其中」.
    let mut v = value();
    let i = index_of(&v, "smart-care-pilots");
    v["highlights"][i]["metrics"][0]["part_of"] = json!("home-care-centres/centres");
    let all = problems(&load(&v));
    assert!(
        all.iter()
            .any(|p| p.contains("metrics[0].part_of") && p.contains("「其中」")),
        "{all:?}"
    );
    // A part that counts something else than its whole.
    let mut v = value();
    let i = index_of(&v, "villages-over-1m");
    v["highlights"][i]["metrics"][0]["counts"] = json!("care-centres");
    let all = problems(&load(&v));
    assert!(
        all.iter()
            .any(|p| p.contains("a part counts the same thing as its whole")),
        "{all:?}"
    );
}

#[test]
fn a_derived_key_figure_is_refused_and_dropped() {
    let mut v = value();
    v["key_figures"][0] = json!({"metric": "villages-over-500k/villages-50-to-100"});
    let loaded = load(&v);
    let all = problems(&loaded);
    assert!(
        all.iter()
            .any(|p| p.contains("key_figures[0]") && p.contains("is derived")),
        "{all:?}"
    );
    assert_eq!(loaded.report.key_figures.len(), 5);
    let (ok, out) = datatool_check(&v, "derived-key-figure.json");
    assert!(!ok && out.contains("key_figures[0]"), "{out}");
}

#[test]
fn a_derived_value_is_approximate_exactly_when_it_was_rounded() {
    // 4 ÷ 20 × 100 is exactly 20: marking it approximate would add a "≈" the value does not need.
    let mut v = value();
    let i = index_of(&v, "villages-over-1m");
    let m = metric_index(&v, i, "share");
    v["highlights"][i]["metrics"][m]["qualifier"] = json!("approx");
    let all = problems(&load(&v));
    assert!(
        all.iter().any(|p| p.contains("gives exactly 20")),
        "{all:?}"
    );
    // A rounded result (4 ÷ 19 × 100) marked exact.
    let mut v = value();
    let i = index_of(&v, "villages-over-1m");
    let m = metric_index(&v, i, "share");
    let metric = &mut v["highlights"][i]["metrics"][m];
    metric["derived"]["formula"] =
        json!("{villages-over-1m/villages} / ({villages-over-500k/villages} - 1) * 100");
    metric["value"] = json!(21.1);
    metric["base_value"] = json!(21.1);
    metric["derived"]["decimals"] = json!(1);
    let all = problems(&load(&v));
    assert!(all.iter().any(|p| p.contains("use `approx`")), "{all:?}");
}

// ---------------------------------------------------------------------------------------------
// Rule 6: figures read as the report prints them

#[test]
fn chinese_figures_read_as_printed_and_exact_differences_carry_no_approx_mark() {
    let r = shipped();
    let mut checked = 0;
    for h in &r.highlights {
        for m in &h.metrics {
            let zh = format::figure(m, Lang::Zh).text;
            let en = format::figure(m, Lang::En).text;
            match &m.printed {
                Some(p) => {
                    assert_eq!(&zh, p, "{}/{}", h.id, m.id);
                    checked += 1;
                }
                None => assert!(!zh.contains('≈'), "{}/{}: {zh} is exact", h.id, m.id),
            }
            if m.qualifier == Qualifier::MoreThan {
                assert!(
                    en.contains('+'),
                    "{}/{}: {en} keeps “more than”",
                    h.id,
                    m.id
                );
            }
        }
    }
    assert!(checked >= 40, "{checked}");
    let f = |name: &str| format::figure(find_metric(&r, name).unwrap().1, Lang::Zh).text;
    assert_eq!(f("temporary-relief/amount"), "6.6万余元");
    assert_eq!(f("illegal-steel-sheds/area"), "3.5万多平方米");
    assert_eq!(f("new-hospital-beds/beds"), "50余张");
    assert_eq!(f("villages-over-500k/villages-50-to-100"), "16个");
    let d = format::figure(
        find_metric(&r, "villages-over-500k/villages-50-to-100")
            .unwrap()
            .1,
        Lang::Zh,
    );
    assert!(d.derived, "still marked as computed");
}

// ---------------------------------------------------------------------------------------------
// Rules 3, 4 and 7 by `lint`: qualifiers kept, numbers quoted, every claim accounted for

#[test]
fn the_shipped_report_has_no_finding_at_all() {
    let findings = lint(&shipped());
    assert_eq!(findings, vec![], "{findings:#?}");
}

#[test]
fn a_dropped_qualifier_is_an_error_in_either_language() {
    // The key figure that once read 「1200个 新增就业岗位」 without 累计.
    let mut v = value();
    let i = index_of(&v, "new-jobs");
    v["highlights"][i]["metrics"][0]["label"] = json!({"zh": "新增就业岗位", "en": "New jobs"});
    let findings = lint(&load(&v).report);
    let fields: Vec<(&str, Severity)> = findings
        .iter()
        .map(|f| (f.problem.field.as_str(), f.severity))
        .collect();
    assert_eq!(
        fields,
        [
            ("metrics[0].label.zh", Severity::Error),
            ("metrics[0].label.en", Severity::Error)
        ]
    );
    assert!(findings[0].problem.record.contains("new-jobs"));
    assert!(findings[0].problem.message.contains("累计"));
    // 培育 rendered as if the firms had already grown above size.
    let mut v = value();
    let i = index_of(&v, "upgraded-enterprises");
    v["highlights"][i]["metrics"][0]["label"]["en"] = json!("Firms grown above designated size");
    let findings = lint(&load(&v).report);
    assert!(
        findings
            .iter()
            .any(|f| f.problem.message.contains("cultivat")),
        "{findings:?}"
    );
    // 已全部完成整改 as "removed".
    let mut v = value();
    let i = index_of(&v, "illegal-steel-sheds");
    v["highlights"][i]["summary"]["en"] =
        json!("Illegal steel sheds at 76 firms were all removed.");
    let findings = lint(&load(&v).report);
    assert!(
        findings
            .iter()
            .any(|f| f.problem.field == "summary.en" && f.problem.message.contains("rectified")),
        "{findings:?}"
    );
}

#[test]
fn a_number_in_a_summary_that_no_quote_states_is_an_error() {
    let mut v = value();
    let i = index_of(&v, "home-care-centres");
    v["highlights"][i]["summary"]["zh"] = json!("2024年，19家居家养老服务照料中心运营稳定。");
    let findings = lint(&load(&v).report);
    assert!(
        findings
            .iter()
            .any(|f| f.problem.field == "summary.zh" && f.problem.message.contains("2024")),
        "{findings:?}"
    );
}

#[test]
fn a_claim_neither_quoted_nor_listed_is_a_warning() {
    let mut v = value();
    let list = v["source"]["unhighlighted"].as_array_mut().unwrap();
    let at = list
        .iter()
        .position(|u| u["text"] == "经济总体平稳运行，")
        .unwrap();
    list.remove(at);
    let findings = lint(&load(&v).report);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].severity, Severity::Warning);
    assert!(
        findings[0].problem.message.contains("经济总体平稳运行"),
        "{findings:?}"
    );
    // Listed text that is not in the report is an error.
    let mut v = value();
    v["source"]["unhighlighted"][0]["text"] = json!("奋力谱写西溪新篇章！");
    let findings = lint(&load(&v).report);
    assert!(findings.iter().any(|f| f.severity == Severity::Error && f.problem.record == "source.unhighlighted[0]"), "{findings:?}");
}

#[test]
fn stories_and_the_ethnic_unity_campaign_are_filed_where_readers_look() {
    let r = shipped();
    let h = |id: &str| r.highlights.iter().find(|h| h.id == id).unwrap();
    use xixi_highlights::core::model::Kind;
    assert_eq!(h("lan-yongzhen-new-xixi-resident").kind, Kind::Story);
    assert_eq!(h("free-health-checks").kind, Kind::Story);
    assert!(
        h("free-health-checks").summary.zh.contains("张奶奶"),
        "her words are hers"
    );
    // Every card that quotes 民族团结进步创建 is found by the ethnic-unity filter.
    for x in &r.highlights {
        if x.quotes.iter().any(|q| q.text.contains("民族团结进步创建")) {
            assert_eq!(x.theme, "ethnic-unity", "{}", x.id);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Loading what portal teams really ship

/// The shipped file as each editor writes it: every one loads to the same report.
#[test]
fn files_as_editors_save_them_load_like_the_original() {
    let text = json_text();
    let v = value();
    let original = load::load_report(&text).unwrap().report;
    let mut variants: Vec<(&str, Vec<u8>)> = Vec::new();
    // Windows Notepad ("UTF-8 with BOM"), Windows line endings.
    let mut notepad = vec![0xEF, 0xBB, 0xBF];
    notepad.extend(text.replace('\n', "\r\n").into_bytes());
    variants.push(("Notepad: BOM and CRLF", notepad));
    // Python's json.dump defaults: every non-ASCII character escaped, one line.
    let ascii: String = serde_json::to_string(&v)
        .unwrap()
        .chars()
        .flat_map(|c| {
            if c.is_ascii() {
                vec![c.to_string()]
            } else {
                let mut units = [0u16; 2];
                c.encode_utf16(&mut units)
                    .iter()
                    .map(|u| format!("\\u{u:04x}"))
                    .collect()
            }
        })
        .collect();
    variants.push(("Python: \\u escapes", ascii.into_bytes()));
    // An old Mac editor: tabs and CR line endings, no final newline.
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut buf,
        serde_json::ser::PrettyFormatter::with_indent(b"\t"),
    );
    serde::Serialize::serialize(&v, &mut ser).unwrap();
    let tabs = String::from_utf8(buf).unwrap().replace('\n', "\r");
    variants.push(("tabs and CR", tabs.into_bytes()));
    // An editor that writes a final newline and trailing blank lines.
    variants.push(("trailing lines", format!("{text}\n\n\n").into_bytes()));
    for (name, bytes) in variants {
        let s = load::utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let loaded = load::load_report(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(loaded.skipped.is_empty(), "{name}: {:?}", loaded.skipped);
        assert_eq!(loaded.report, original, "{name}");
    }
}

/// What a browser's `response.json()` cannot read either gets a message that says what to do.
#[test]
fn files_in_another_encoding_are_refused_saying_which() {
    let text = json_text();
    // Notepad's "Unicode": UTF-16 LE with its byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    match load::utf8(utf16) {
        Err(LoadError::Malformed { message, .. }) => {
            assert!(
                message.contains("UTF-16") && message.contains("save it as UTF-8"),
                "{message}"
            )
        }
        other => panic!("{other:?}"),
    }
    // "ANSI" on a Chinese Windows: GBK, here 「西溪」 as CE F7 CF AA on line 2.
    let mut gbk = b"{\n  \"id\": \"".to_vec();
    gbk.extend([0xCE, 0xF7, 0xCF, 0xAA]);
    gbk.extend(b"\"\n}");
    match load::utf8(gbk) {
        Err(e @ LoadError::Malformed { .. }) => {
            let s = e.to_string();
            assert!(s.contains("line 2, column 10") && s.contains("GBK"), "{s}");
        }
        other => panic!("{other:?}"),
    }
}
