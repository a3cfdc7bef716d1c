//! Reading a report file: parse once, validate once, and keep what is good. A highlight that fails
//! is skipped and reported with its reasons; only a file that cannot be read as a report at all is
//! refused.

use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{
    Chapter, ChartDef, Highlight, KeyFigure, Meta, Report, ReportIndex, Source, Theme,
};
use crate::validate::{self, Problem};

/// A report that loaded, with what had to be left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub report: Report,
    /// Highlights that failed validation: not shown, but listed in the page with the reasons.
    pub skipped: Vec<Skipped>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub record: String,
    pub problems: Vec<Problem>,
}

/// Why a file could not be used at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Not JSON, or not the shape of a report; `line`/`column` point into the file.
    Malformed {
        message: String,
        line: usize,
        column: usize,
    },
    /// A report whose metadata, taxonomy or source blocks are wrong.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Malformed {
                message,
                line,
                column,
            } => {
                write!(f, "line {line}, column {column}: {message}")
            }
            LoadError::Invalid(problems) => {
                let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                write!(f, "{}", list.join("; "))
            }
        }
    }
}

impl From<serde_json::Error> for LoadError {
    fn from(e: serde_json::Error) -> Self {
        LoadError::Malformed {
            message: e.to_string(),
            line: e.line(),
            column: e.column(),
        }
    }
}

/// The report with its highlights still unparsed, so that one bad record cannot sink the rest.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    schema_version: u32,
    id: String,
    meta: Meta,
    chapters: Vec<Chapter>,
    themes: Vec<Theme>,
    key_figures: Vec<KeyFigure>,
    charts: Vec<ChartDef>,
    #[serde(borrow)]
    highlights: Vec<&'a RawValue>,
    source: Source,
}

#[derive(Deserialize)]
struct JustId {
    id: Option<String>,
}

/// Parse and validate a report file.
pub fn load_report(json: &str) -> Result<Loaded, LoadError> {
    let env: Envelope = serde_json::from_str(json)?;
    let mut report = Report {
        schema_version: env.schema_version,
        id: env.id,
        meta: env.meta,
        chapters: env.chapters,
        themes: env.themes,
        key_figures: env.key_figures,
        charts: env.charts,
        highlights: Vec::with_capacity(env.highlights.len()),
        source: env.source,
    };
    let fatal = validate::check_report(&report);
    if !fatal.is_empty() {
        return Err(LoadError::Invalid(fatal));
    }

    let mut skipped = Vec::new();
    let ids: std::collections::HashSet<String> = env
        .highlights
        .iter()
        .filter_map(|raw| {
            serde_json::from_str::<JustId>(raw.get())
                .ok()
                .and_then(|j| j.id)
        })
        .collect();
    let mut parsed: Vec<(usize, Highlight)> = Vec::with_capacity(env.highlights.len());
    for (i, raw) in env.highlights.iter().enumerate() {
        match serde_json::from_str::<Highlight>(raw.get()) {
            Ok(h) => parsed.push((i, h)),
            Err(e) => {
                let id = serde_json::from_str::<JustId>(raw.get())
                    .ok()
                    .and_then(|j| j.id);
                let record = validate::record_name(i, id.as_deref());
                let p = Problem {
                    record: record.clone(),
                    field: "-".into(),
                    message: e.to_string(),
                };
                skipped.push(Skipped {
                    record,
                    problems: vec![p],
                });
            }
        }
    }
    // Derived metrics refer to other highlights, so check with all parsed records in place.
    report.highlights = parsed.iter().map(|(_, h)| h.clone()).collect();
    let chart_problems = validate::check_charts(&report, &ids);
    if !chart_problems.is_empty() {
        skipped.push(Skipped {
            record: "charts".into(),
            problems: chart_problems,
        });
    }
    let mut seen = std::collections::HashSet::new();
    let mut keep = Vec::with_capacity(parsed.len());
    for (i, h) in parsed {
        let mut problems = validate::check_highlight(&report, i, &h);
        if !seen.insert(h.id.clone()) {
            problems.push(Problem {
                record: validate::record_name(i, Some(&h.id)),
                field: "id".into(),
                message: "is used by an earlier highlight".into(),
            });
        }
        if problems.is_empty() {
            keep.push(h);
        } else {
            skipped.push(Skipped {
                record: validate::record_name(i, Some(&h.id)),
                problems,
            });
        }
    }
    report.highlights = keep;
    let refs = validate::check_references(&report);
    if !refs.is_empty() {
        // A key figure whose highlight was skipped: drop the figure, say why.
        let known: Vec<bool> = report
            .key_figures
            .iter()
            .map(|k| validate::metric_value(&report, &k.metric).is_some())
            .collect();
        let mut known = known.into_iter();
        report.key_figures.retain(|_| known.next().unwrap_or(false));
        skipped.push(Skipped {
            record: "report".into(),
            problems: refs,
        });
    }
    Ok(Loaded { report, skipped })
}

/// Parse the index of reports.
pub fn load_index(json: &str) -> Result<ReportIndex, LoadError> {
    let index: ReportIndex = serde_json::from_str(json)?;
    let mut problems = Vec::new();
    if index.reports.is_empty() {
        problems.push(Problem {
            record: "index".into(),
            field: "reports".into(),
            message: "lists no report".into(),
        });
    }
    for (i, e) in index.reports.iter().enumerate() {
        if !validate::is_slug(&e.id) {
            problems.push(Problem {
                record: format!("reports[{i}]"),
                field: "id".into(),
                message: format!("`{}` is not a lower-case slug", e.id),
            });
        }
        if e.href.contains("//") || e.href.starts_with('/') || e.href.contains("..") {
            problems.push(Problem {
                record: format!("reports[{i}]"),
                field: "href".into(),
                message: "must be a relative path inside this site".into(),
            });
        }
    }
    if problems.is_empty() {
        Ok(index)
    } else {
        Err(LoadError::Invalid(problems))
    }
}
