//! Taking the data away: the highlights of the current view as CSV (UTF-8 with a BOM so Excel
//! reads Chinese; one row per metric, with the source sentence) and as JSON.

use serde::Serialize;

use crate::core::decimal;
use crate::core::model::{Highlight, Report};

pub const CSV_HEADER: [&str; 18] = [
    "highlight_id",
    "chapter",
    "theme",
    "kind",
    "status",
    "title_zh",
    "title_en",
    "metric_id",
    "metric_zh",
    "metric_en",
    "printed",
    "value",
    "unit",
    "qualifier",
    "base_value",
    "base_unit",
    "derived_formula",
    "source_sentence",
];

/// One row per metric of each highlight in `visible`; a highlight without metrics (an initiative,
/// a project) still gets one row, its metric columns empty, so nothing shown is left out.
pub fn csv(report: &Report, visible: &[usize]) -> String {
    let mut out = String::from("\u{FEFF}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for &i in visible {
        let h = &report.highlights[i];
        let source: Vec<&str> = h.quotes.iter().map(|q| q.text.as_str()).collect();
        let source = source.join(" … ");
        let common = |cells: [String; 10]| {
            let mut row = vec![
                h.id.clone(),
                h.chapter.clone(),
                h.theme.clone(),
                code(&h.kind),
                h.status.as_ref().map(code).unwrap_or_default(),
                h.title.zh.clone(),
                h.title.en.clone(),
            ];
            row.extend(cells);
            row.push(source.clone());
            row
        };
        if h.metrics.is_empty() {
            push_row(&mut out, common(Default::default()));
        }
        for m in &h.metrics {
            push_row(
                &mut out,
                common([
                    m.id.clone(),
                    m.label.zh.clone(),
                    m.label.en.clone(),
                    m.printed.clone().unwrap_or_default(),
                    m.value.to_string(),
                    m.unit.clone(),
                    code(&m.qualifier),
                    m.base_value.to_string(),
                    code(&m.base_unit),
                    m.derived
                        .as_ref()
                        .map(|d| d.formula.clone())
                        .unwrap_or_default(),
                ]),
            );
        }
    }
    out
}

/// The serde name of an enum value (`more_than`, `under_construction` …).
fn code<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Quote a cell when needed, and keep a spreadsheet from reading text as a formula.
fn cell(s: &str) -> String {
    // A negative number stays a number; any other leading `-` would start a formula.
    let formula = s.starts_with(['=', '+', '@'])
        || s.strip_prefix('-')
            .is_some_and(|n| decimal::parse(n).is_none());
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[derive(Serialize)]
struct JsonExport<'a> {
    report: &'a str,
    /// The link query of the view exported, so the file says what it holds.
    view: &'a str,
    highlights: Vec<&'a Highlight>,
}

/// The highlights of the view, in the dataset's own format.
pub fn json(report: &Report, visible: &[usize], view_query: &str) -> String {
    let e = JsonExport {
        report: &report.id,
        view: view_query,
        highlights: visible.iter().map(|&i| &report.highlights[i]).collect(),
    };
    serde_json::to_string_pretty(&e).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell("-1.5"), "-1.5");
        assert_eq!(cell("规上工业总产值12.34亿元"), "规上工业总产值12.34亿元");
    }
}
