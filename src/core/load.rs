//! Reading a report file: parse once, validate once, and keep what is good. A highlight that fails
//! is skipped and reported with its reasons; only a file that cannot be read as a report at all is
//! refused.

use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::core::model::{
    Chapter, ChartDef, Highlight, KeyFigure, Meta, Report, ReportIndex, Source, Theme,
};
use crate::core::validate::{self, Problem, ProblemKind};
use rustc_hash::{FxHashMap, FxHashSet};

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

/// A fetched file as text, read the way a browser's `response.json()` reads it: UTF-8, with a
/// byte-order mark (as Windows Notepad and some exports write) dropped. Line endings (CRLF, CR)
/// and indentation are JSON whitespace already. `Err` says which encoding a file is in when it is
/// not UTF-8 (UTF-16, as "Unicode" in Notepad; GBK, as "ANSI" on a Chinese Windows), and where it
/// stops being UTF-8.
pub fn utf8(mut bytes: Vec<u8>) -> Result<String, LoadError> {
    const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Malformed {
            message: "the file is saved as UTF-16 (“Unicode”); save it as UTF-8".into(),
            line: 1,
            column: 1,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
        // Two bytes of 0x81–0xFE then 0x40–0xFE: how GBK (GB18030) writes a Chinese character.
        let rest = &e.as_bytes()[good.len()..];
        let gbk = matches!(rest, [0x81..=0xFE, 0x40..=0xFE, ..]);
        LoadError::Malformed {
            message: if gbk {
                "the file is not UTF-8 text (it looks like GBK, “ANSI” on a Chinese Windows); \
                 save it as UTF-8"
                    .into()
            } else {
                "the file is not UTF-8 text; save it as UTF-8".into()
            },
            line,
            column,
        }
    })
}

/// The report this site ships, loaded: the core's tests read real data through this.
#[cfg(test)]
pub(crate) fn shipped() -> Loaded {
    load_report(include_str!("../../public/data/xixi-2023.json")).expect("the shipped report loads")
}

/// Parse and validate a report file.
pub fn load_report(json: &str) -> Result<Loaded, LoadError> {
    let mut loader = Loader::new(json)?;
    while !loader.step(usize::MAX) {}
    Ok(loader.finish())
}

/// A report read a step at a time, so that a file of 100,000 highlights never holds the page's
/// only thread for long: the app yields to the browser between steps and shows the progress.
/// First every record is parsed, then (with all of them in place, since derived metrics refer to
/// other records) each is checked.
pub struct Loader<'a> {
    raws: Vec<&'a RawValue>,
    report: Report,
    skipped: Vec<Skipped>,
    /// Per id of a parsed record, the first parsed record with it: to find an id used twice,
    /// and the metrics a derived metric refers to, without searching the list.
    first: FxHashMap<String, usize>,
    /// Ids of records that did not parse: a chart may still name one (it is reported itself).
    unparsed: FxHashSet<String>,
    /// Per parsed highlight: its position in the file, and whether an earlier one had its id.
    origin: Vec<(usize, bool)>,
    /// Per parsed highlight: whether it failed its checks.
    fails: Vec<bool>,
    parsed: usize,
    checked: usize,
    charts_checked: bool,
}

impl<'a> Loader<'a> {
    /// Read the report around its highlights; `Err` if the file is not a usable report at all.
    pub fn new(json: &'a str) -> Result<Loader<'a>, LoadError> {
        let env: Envelope = serde_json::from_str(json)?;
        let report = Report {
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
        let n = env.highlights.len();
        Ok(Loader {
            raws: env.highlights,
            report,
            skipped: Vec::new(),
            first: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            unparsed: FxHashSet::default(),
            origin: Vec::with_capacity(n),
            fails: Vec::with_capacity(n),
            parsed: 0,
            checked: 0,
            charts_checked: false,
        })
    }

    /// Share of the work done, from 0 to 1.
    pub fn progress(&self) -> f64 {
        // Until parsing ends, count every record as one to check (at most half the work).
        let to_check = if self.parsed < self.raws.len() {
            self.raws.len()
        } else {
            self.origin.len()
        };
        let total = self.raws.len() + to_check;
        if total == 0 {
            1.0
        } else {
            (self.parsed + self.checked) as f64 / total as f64
        }
    }

    /// Parse or check up to `n` records; `true` once every record is done.
    pub fn step(&mut self, n: usize) -> bool {
        let mut budget = n;
        while budget > 0 && self.parsed < self.raws.len() {
            self.parse_one();
            budget -= 1;
        }
        if self.parsed < self.raws.len() {
            return false;
        }
        if !self.charts_checked {
            self.charts_checked = true;
            let known = |id: &str| self.first.contains_key(id) || self.unparsed.contains(id);
            let charts = validate::check_charts(&self.report, &known);
            // A chart that would mislead is not drawn at all; the reader is told which and why.
            for &i in charts.unfair.iter().rev() {
                self.report.charts.remove(i);
            }
            if !charts.problems.is_empty() {
                self.skipped.push(Skipped {
                    record: "charts".into(),
                    problems: charts.problems,
                });
            }
        }
        while budget > 0 && self.checked < self.report.highlights.len() {
            self.check_one();
            budget -= 1;
        }
        self.checked == self.report.highlights.len()
    }

    fn parse_one(&mut self) {
        let i = self.parsed;
        let raw = self.raws[i].get();
        self.parsed += 1;
        match serde_json::from_str::<Highlight>(raw) {
            Ok(h) => {
                let position = self.report.highlights.len();
                let repeated = match self.first.entry(h.id.clone()) {
                    std::collections::hash_map::Entry::Occupied(_) => true,
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(position);
                        false
                    }
                };
                self.origin.push((i, repeated));
                self.report.highlights.push(h);
            }
            Err(e) => {
                let id = serde_json::from_str::<JustId>(raw).ok().and_then(|j| j.id);
                let record = validate::record_name(i, id.as_deref());
                self.unparsed.extend(id);
                let p = Problem {
                    record: record.clone(),
                    field: "-".into(),
                    message: e.to_string(),
                    kind: ProblemKind::Unparsable,
                };
                self.skipped.push(Skipped {
                    record,
                    problems: vec![p],
                });
            }
        }
    }

    fn check_one(&mut self) {
        let k = self.checked;
        self.checked += 1;
        let h = &self.report.highlights[k];
        let (i, repeated) = self.origin[k];
        let report = &self.report;
        let first = &self.first;
        let metric = |name: &str| {
            validate::find_metric_by(name, |id| first.get(id).map(|&k| &report.highlights[k]))
                .map(|(_, m)| m)
        };
        let mut problems = validate::check_highlight(report, i, h, &metric);
        if repeated {
            problems.push(Problem {
                record: validate::record_name(i, Some(&h.id)),
                field: "id".into(),
                message: "is used by an earlier highlight".into(),
                kind: ProblemKind::DuplicateId,
            });
        }
        self.fails.push(!problems.is_empty());
        if !problems.is_empty() {
            self.skipped.push(Skipped {
                record: validate::record_name(i, Some(&h.id)),
                problems,
            });
        }
    }

    /// The report with what failed left out (finishing any steps not yet done).
    pub fn finish(mut self) -> Loaded {
        while !self.step(usize::MAX) {}
        let mut report = self.report;
        let mut skipped = self.skipped;
        let mut fails = self.fails.into_iter();
        report.highlights.retain(|_| !fails.next().unwrap_or(false));
        let refs = validate::check_references(&report);
        if !refs.is_empty() {
            // A key figure whose highlight was skipped, or a derived one: drop it, say why.
            let known: Vec<bool> = report
                .key_figures
                .iter()
                .map(|k| {
                    validate::find_metric(&report, &k.metric)
                        .is_some_and(|(_, m)| m.derived.is_none())
                })
                .collect();
            let mut known = known.into_iter();
            report.key_figures.retain(|_| known.next().unwrap_or(false));
            skipped.push(Skipped {
                record: "report".into(),
                problems: refs,
            });
        }
        Loaded { report, skipped }
    }
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
            kind: ProblemKind::Index,
        });
    }
    for (i, e) in index.reports.iter().enumerate() {
        if !validate::is_slug(&e.id) {
            problems.push(Problem {
                record: format!("reports[{i}]"),
                field: "id".into(),
                message: format!("`{}` is not a lower-case slug", e.id),
                kind: ProblemKind::NotSlug,
            });
        }
        if e.href.contains("//") || e.href.starts_with('/') || e.href.contains("..") {
            problems.push(Problem {
                record: format!("reports[{i}]"),
                field: "href".into(),
                message: "must be a relative path inside this site".into(),
                kind: ProblemKind::Index,
            });
        }
    }
    if problems.is_empty() {
        Ok(index)
    } else {
        Err(LoadError::Invalid(problems))
    }
}
