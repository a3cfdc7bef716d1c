//! Checks a JSON Schema cannot express: references between records, quotes found verbatim in the
//! report, printed values that parse to the stored number, base values and derived values that
//! recompute. Every problem names the record and the field.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::expr;
use crate::model::{units, Highlight, Kind, Metric, Qualifier, Report};

/// One validation problem, e.g. `highlights[3] (industrial-output) · metrics[0].base_value: …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub record: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}: {}", self.record, self.field, self.message)
    }
}

fn problem(record: &str, field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        record: record.to_owned(),
        field: field.into(),
        message: message.into(),
    }
}

/// How a highlight is named in messages: its index, and its id when it has one.
pub fn record_name(index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.is_empty() => format!("highlights[{index}] ({id})"),
        _ => format!("highlights[{index}]"),
    }
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Problems of the report as a whole (metadata, taxonomy, source blocks). Any of these makes the
/// report unusable, so the loader refuses it.
pub fn check_report(r: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    if r.schema_version != crate::SCHEMA_VERSION {
        out.push(problem(
            "report",
            "schema_version",
            format!(
                "is {}, this app reads {}",
                r.schema_version,
                crate::SCHEMA_VERSION
            ),
        ));
    }
    if !is_slug(&r.id) {
        out.push(problem(
            "report",
            "id",
            format!("`{}` is not a lower-case slug", r.id),
        ));
    }
    unique(
        &mut out,
        "chapters",
        r.chapters.iter().map(|c| c.id.as_str()),
    );
    unique(&mut out, "themes", r.themes.iter().map(|t| t.id.as_str()));
    let chapters: HashSet<&str> = r.chapters.iter().map(|c| c.id.as_str()).collect();
    for (i, b) in r.source.blocks.iter().enumerate() {
        let rec = format!("source.blocks[{i}]");
        if let Some(c) = &b.chapter {
            if !chapters.contains(c.as_str()) {
                out.push(problem(&rec, "chapter", format!("unknown chapter `{c}`")));
            }
        }
        if b.text.trim().is_empty() {
            out.push(problem(&rec, "text", "is empty"));
        }
        if b.lines[0] == 0 || b.lines[0] > b.lines[1] {
            out.push(problem(
                &rec,
                "lines",
                format!("{:?} is not a range of lines", b.lines),
            ));
        }
    }
    for (i, n) in r.source.non_figures.iter().enumerate() {
        let rec = format!("source.non_figures[{i}]");
        if !n.context.contains(&n.number) {
            out.push(problem(
                &rec,
                "number",
                format!("`{}` is not in its context", n.number),
            ));
        }
        if !r.source.blocks.iter().any(|b| b.text.contains(&n.context)) {
            out.push(problem(
                &rec,
                "context",
                format!("`{}` is not in the report", n.context),
            ));
        }
    }
    out
}

/// Problems of one highlight on its own. A highlight with any problem is skipped and reported.
/// `metric` finds the value of `highlight-id/metric-id` anywhere in the report, for derived
/// metrics (the loader answers from an index; [`metric_value`] would search the whole list).
pub fn check_highlight(
    r: &Report,
    index: usize,
    h: &Highlight,
    metric: &dyn Fn(&str) -> Option<f64>,
) -> Vec<Problem> {
    let mut out = highlight_problems(r, h, metric);
    // Named only when there is something to say: most records pass.
    if !out.is_empty() {
        let rec = record_name(index, Some(&h.id));
        for p in &mut out {
            p.record.clone_from(&rec);
        }
    }
    out
}

fn highlight_problems(
    r: &Report,
    h: &Highlight,
    metric: &dyn Fn(&str) -> Option<f64>,
) -> Vec<Problem> {
    // The record is named by `check_highlight`, once, if anything is wrong.
    let rec = "";
    let mut out = Vec::new();
    if !is_slug(&h.id) {
        out.push(problem(
            rec,
            "id",
            format!("`{}` is not a lower-case slug", h.id),
        ));
    }
    if !r.chapters.iter().any(|c| c.id == h.chapter) {
        out.push(problem(
            rec,
            "chapter",
            format!("unknown chapter `{}`", h.chapter),
        ));
    }
    if !r.themes.iter().any(|t| t.id == h.theme) {
        out.push(problem(
            rec,
            "theme",
            format!("unknown theme `{}`", h.theme),
        ));
    }
    for (field, t) in [("title", &h.title), ("summary", &h.summary)] {
        if t.zh.trim().is_empty() {
            out.push(problem(rec, format!("{field}.zh"), "is empty"));
        }
        if t.en.trim().is_empty() {
            out.push(problem(rec, format!("{field}.en"), "is empty"));
        }
    }
    if (h.kind == Kind::Project) != h.status.is_some() {
        out.push(problem(
            rec,
            "status",
            "a project has a status, and only a project",
        ));
    }
    if h.quotes.is_empty() {
        out.push(problem(
            rec,
            "quotes",
            "a highlight needs at least one source quote",
        ));
    }
    for (qi, q) in h.quotes.iter().enumerate() {
        let field = format!("quotes[{qi}]");
        match r.source.blocks.get(q.block) {
            None => out.push(problem(rec, format!("{field}.block"), "no such block")),
            Some(b) => {
                let at = b.text.char_indices().nth(q.offset).map(|(byte, _)| byte);
                let found = at.is_some_and(|byte| b.text[byte..].starts_with(&q.text));
                if q.text.is_empty() || !found {
                    let hint = match b.text.find(&q.text) {
                        Some(byte) => {
                            format!(" (it is at offset {})", b.text[..byte].chars().count())
                        }
                        None => " (not in that block)".to_string(),
                    };
                    out.push(problem(
                        rec,
                        format!("{field}.text"),
                        format!(
                            "not found verbatim at block {} offset {}{hint}",
                            q.block, q.offset
                        ),
                    ));
                }
                if q.lines[0] < b.lines[0] || q.lines[1] > b.lines[1] || q.lines[0] > q.lines[1] {
                    out.push(problem(rec, format!("{field}.lines"), "outside its block"));
                }
            }
        }
    }
    let mut ids = HashSet::new();
    for (mi, m) in h.metrics.iter().enumerate() {
        let field = format!("metrics[{mi}]");
        if !ids.insert(m.id.as_str()) || !is_slug(&m.id) {
            out.push(problem(
                rec,
                format!("{field}.id"),
                format!("`{}` is not a unique slug", m.id),
            ));
        }
        check_metric(h, m, metric, &field, &mut out);
    }
    out
}

fn check_metric(
    h: &Highlight,
    m: &Metric,
    lookup: &dyn Fn(&str) -> Option<f64>,
    field: &str,
    out: &mut Vec<Problem>,
) {
    // The record is named by the caller, once, if anything is wrong.
    let rec = "";
    if !m.value.is_finite() || !m.base_value.is_finite() {
        out.push(problem(
            rec,
            format!("{field}.value"),
            "is not a finite number",
        ));
        return;
    }
    match units::lookup(&m.unit) {
        None => out.push(problem(
            rec,
            format!("{field}.unit"),
            format!("unknown unit `{}`", m.unit),
        )),
        Some((mult, base)) => {
            if base != m.base_unit {
                out.push(problem(
                    rec,
                    format!("{field}.base_unit"),
                    format!("{:?} does not match the unit `{}`", m.base_unit, m.unit),
                ));
            }
            if !close(m.value * mult, m.base_value) {
                out.push(problem(
                    rec,
                    format!("{field}.base_value"),
                    format!("{} ≠ {} × {}", m.base_value, m.value, mult),
                ));
            }
        }
    }
    match (&m.printed, &m.derived) {
        (Some(p), None) => {
            if !h.quotes.iter().any(|q| q.text.contains(p.as_str())) {
                out.push(problem(
                    rec,
                    format!("{field}.printed"),
                    format!("`{p}` is not in the quotes"),
                ));
            }
            match printed_number(p) {
                Some(v) if close(v, m.value) => {}
                Some(v) => out.push(problem(
                    rec,
                    format!("{field}.value"),
                    format!("{} but `{p}` says {v}", m.value),
                )),
                None => out.push(problem(
                    rec,
                    format!("{field}.printed"),
                    format!("`{p}` has no number"),
                )),
            }
            let marker_ok = match m.qualifier {
                Qualifier::Exact => !has_any(p, &["余", "多", "超", "以上"]),
                Qualifier::MoreThan => has_any(p, &["余", "多", "超"]),
                Qualifier::AtLeast => p.contains("以上"),
                Qualifier::Rank => p.contains('第'),
            };
            if !marker_ok {
                out.push(problem(
                    rec,
                    format!("{field}.qualifier"),
                    format!("{:?} does not match how `{p}` is printed", m.qualifier),
                ));
            }
        }
        (None, Some(d)) => match expr::eval(&d.formula, lookup) {
            Err(e) => out.push(problem(rec, format!("{field}.derived.formula"), e)),
            Ok(v) => {
                let scale = 10f64.powi(d.decimals as i32);
                let rounded = (v * scale).round() / scale;
                if !close(rounded, m.value) {
                    out.push(problem(
                        rec,
                        format!("{field}.value"),
                        format!("{} but the formula gives {rounded}", m.value),
                    ));
                }
            }
        },
        (Some(_), Some(_)) => out.push(problem(rec, field, "a derived metric is not printed")),
        (None, None) => out.push(problem(rec, field, "needs `printed` or `derived`")),
    }
    if (m.qualifier == Qualifier::Rank) != m.scope.is_some() {
        out.push(problem(
            rec,
            format!("{field}.scope"),
            "a rank has a scope, and only a rank",
        ));
    }
}

/// Problems of references between highlights: key figures, ids used twice.
pub fn check_references(r: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    unique(
        &mut out,
        "highlights",
        r.highlights.iter().map(|h| h.id.as_str()),
    );
    for (i, k) in r.key_figures.iter().enumerate() {
        if metric_value(r, &k.metric).is_none() {
            out.push(problem(
                "report",
                format!("key_figures[{i}]"),
                format!("unknown metric `{}`", k.metric),
            ));
        }
    }
    out
}

/// Problems of chart definitions: ids used twice, metrics that no record of the file has. A
/// metric of a record that is skipped is no problem here (the chart loses that bar, and the
/// skipped record is reported itself); `known` says if any record of the file has an id.
pub fn check_charts(r: &Report, known: &dyn Fn(&str) -> bool) -> Vec<Problem> {
    let mut out = Vec::new();
    unique(&mut out, "charts", r.charts.iter().map(|c| c.id.as_str()));
    for (i, c) in r.charts.iter().enumerate() {
        if let crate::model::ChartSeries::Metrics { metrics } = &c.series {
            for (j, m) in metrics.iter().enumerate() {
                let (hid, _) = m.split_once('/').unwrap_or((m.as_str(), ""));
                let parsed = r.highlights.iter().any(|h| h.id == hid);
                if !known(hid) || (parsed && metric_value(r, m).is_none()) {
                    out.push(problem(
                        &format!("charts[{i}] ({})", c.id),
                        format!("series.metrics[{j}]"),
                        format!("unknown metric `{m}`"),
                    ));
                }
            }
        }
    }
    out
}

/// The value of `highlight-id/metric-id`.
pub fn metric_value(r: &Report, name: &str) -> Option<f64> {
    find_metric(r, name).map(|(_, m)| m.value)
}

pub fn find_metric<'a>(r: &'a Report, name: &str) -> Option<(&'a Highlight, &'a Metric)> {
    find_metric_by(name, |id| r.highlights.iter().find(|x| x.id == id))
}

/// `highlight-id/metric-id`, with the highlight found by `highlight` (a search, or an index).
pub fn find_metric_by<'a>(
    name: &str,
    highlight: impl FnOnce(&str) -> Option<&'a Highlight>,
) -> Option<(&'a Highlight, &'a Metric)> {
    let (h, m) = name.split_once('/')?;
    let h = highlight(h)?;
    h.metrics.iter().find(|x| x.id == m).map(|m| (h, m))
}

fn unique<'a>(out: &mut Vec<Problem>, what: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            out.push(problem(
                &format!("{what}[{i}]"),
                "id",
                format!("`{id}` is used already by {what}[{first}]"),
            ));
        }
    }
}

fn has_any(s: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| s.contains(n))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The number a printed value states: leading digits (`12.34亿元` → 12.34) or a Chinese ordinal
/// (`全市第一` → 1).
pub fn printed_number(p: &str) -> Option<f64> {
    let digits: String = p
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let after = p.split_once('第')?.1.chars().next()?;
    "一二三四五六七八九十"
        .chars()
        .position(|c| c == after)
        .map(|i| i as f64 + 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_numbers() {
        assert_eq!(printed_number("12.34亿元"), Some(12.34));
        assert_eq!(printed_number("3000余场"), Some(3000.0));
        assert_eq!(printed_number("3.5万多平方米"), Some(3.5));
        assert_eq!(printed_number("全市第一"), Some(1.0));
        assert_eq!(printed_number("我市唯一"), None);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("industrial-output-2023"));
        assert!(!is_slug("Industrial"));
        assert!(!is_slug("a b"));
        assert!(!is_slug(""));
    }
}
