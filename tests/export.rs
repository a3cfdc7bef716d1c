//! The downloads a journalist takes away match what the page shows.

use xixi_highlights::core::export::{csv, json, CSV_HEADER};
use xixi_highlights::core::filter::{visible, SearchIndex};
use xixi_highlights::core::load::load_report;
use xixi_highlights::core::model::Highlight;
use xixi_highlights::core::query::ViewState;

#[test]
fn the_csv_has_a_bom_a_header_and_a_row_per_metric_of_the_filtered_view() {
    let r = load_report(include_str!("../public/data/xixi-2023.json"))
        .unwrap()
        .report;
    let index = SearchIndex::new(&r);
    let (s, _) = ViewState::parse("?t=industry,safety");
    let shown = visible(&r, &index, &s);
    let text = csv(&r, &shown);
    assert!(text.starts_with('\u{FEFF}'), "UTF-8 BOM for Excel");
    let lines: Vec<&str> = text
        .trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines[0], CSV_HEADER.join(","));
    let expected: usize = shown
        .iter()
        .map(|&i| r.highlights[i].metrics.len().max(1))
        .sum();
    assert_eq!(lines.len() - 1, expected);
    let output = lines
        .iter()
        .find(|l| l.starts_with("industrial-output,"))
        .expect("the output row");
    assert!(
        output.contains("12.34亿元") && output.contains("1234000000"),
        "{output}"
    );
    assert!(
        output.contains("2023年，规上工业总产值12.34亿元"),
        "the source sentence: {output}"
    );
    // Only the filtered themes.
    assert!(lines[1..]
        .iter()
        .all(|l| l.contains(",industry,") || l.contains(",safety,")));
    // Every row has as many cells as the header (no cell breaks a line or a comma unquoted).
    for l in &lines[1..] {
        let mut cells = 0;
        let mut quoted = false;
        for c in l.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => cells += 1,
                _ => {}
            }
        }
        assert_eq!(cells + 1, CSV_HEADER.len(), "{l}");
    }
}

#[test]
fn the_json_download_reads_back_as_the_highlights_shown() {
    let r = load_report(include_str!("../public/data/xixi-2023.json"))
        .unwrap()
        .report;
    let index = SearchIndex::new(&r);
    let (s, _) = ViewState::parse("?q=养老");
    let shown = visible(&r, &index, &s);
    #[derive(serde::Deserialize)]
    struct Back {
        report: String,
        view: String,
        highlights: Vec<Highlight>,
    }
    let back: Back = serde_json::from_str(&json(&r, &shown, &s.write())).unwrap();
    assert_eq!(back.report, "xixi-2023");
    assert_eq!(back.view, s.write());
    let expected: Vec<Highlight> = shown.iter().map(|&i| r.highlights[i].clone()).collect();
    assert_eq!(back.highlights, expected);
}
