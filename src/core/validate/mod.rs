//! Checks a JSON Schema cannot express: references between records, quotes found verbatim in the
//! report, printed values that parse to the stored number, base values and derived values that
//! recompute. Every problem names the record and the field.

pub mod explain;
pub mod fidelity;

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::core::model::{units, Change, ChartSeries, Highlight, Kind, Metric, Qualifier, Report};
use crate::core::{decimal, expr, numerals};

/// One validation problem, e.g. `highlights[3] (industrial-output) · metrics[0].base_value: …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub record: String,
    pub field: String,
    pub message: String,
    /// What sort of problem it is, so that [`explain`] can say in either language what is wrong
    /// and how to fix it; `message` stays the short technical statement the page shows.
    pub kind: ProblemKind,
}

/// The sorts of [`Problem`]: one per check, named for what is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file is not JSON, or a record is not the shape of one (the parser's message).
    Unparsable,
    SchemaVersion,
    NotSlug,
    DuplicateId,
    UnknownChapter,
    UnknownTheme,
    EmptyText,
    BadLines,
    /// A block's text is not its raw lines re-joined (`datatool fill` recomputes it).
    StaleBlock,
    NonFigureNumber,
    NonFigureContext,
    Status,
    NoQuote,
    QuoteBlock,
    QuoteNotVerbatim,
    QuoteLines,
    MetricId,
    NotFinite,
    UnknownUnit,
    BaseUnit,
    BaseValue,
    PrintedAndDerived,
    NoValueSource,
    Scope,
    Counts,
    PrintedNotQuoted,
    ValueDisagrees,
    NoNumber,
    Qualifier,
    Change,
    Formula,
    DerivedValue,
    DerivedQualifier,
    NotParts,
    UnknownMetric,
    PartKind,
    PartTooBig,
    PartNoQizhong,
    DerivedKeyFigure,
    ChartMixes,
    ChartNotPart,
    /// The index of reports lists none, or a path that leaves the site.
    Index,
    /// Fidelity: a qualifier of the report (累计, 截至目前 …) dropped from a label or summary.
    QualifierDropped,
    /// Fidelity: a title or summary states a number its quotes do not.
    NumberNotQuoted,
    /// Fidelity: a stretch listed as not highlighted that is not in the report.
    UnhighlightedNotFound,
    UnknownHighlight,
    NoReason,
    /// Fidelity (warning): a stretch neither quoted nor listed as not highlighted.
    Uncovered,
    /// Fidelity (warning): a decision left to an author by `datatool draft`.
    Todo,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}: {}", self.record, self.field, self.message)
    }
}

fn problem(
    kind: ProblemKind,
    record: &str,
    field: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        record: record.to_owned(),
        field: field.into(),
        message: message.into(),
        kind,
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
            ProblemKind::SchemaVersion,
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
            ProblemKind::NotSlug,
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
                out.push(problem(
                    ProblemKind::UnknownChapter,
                    &rec,
                    "chapter",
                    format!("unknown chapter `{c}`"),
                ));
            }
        }
        if b.text.trim().is_empty() {
            out.push(problem(ProblemKind::EmptyText, &rec, "text", "is empty"));
        }
        if b.lines[0] == 0 || b.lines[0] > b.lines[1] {
            out.push(problem(
                ProblemKind::BadLines,
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
                ProblemKind::NonFigureNumber,
                &rec,
                "number",
                format!("`{}` is not in its context", n.number),
            ));
        }
        if !r.source.blocks.iter().any(|b| b.text.contains(&n.context)) {
            out.push(problem(
                ProblemKind::NonFigureContext,
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
/// metrics and parts of a whole (the loader answers from an index; [`find_metric`] would search
/// the whole list).
pub fn check_highlight<'a>(
    r: &Report,
    index: usize,
    h: &Highlight,
    metric: &dyn Fn(&str) -> Option<&'a Metric>,
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

fn highlight_problems<'a>(
    r: &Report,
    h: &Highlight,
    metric: &dyn Fn(&str) -> Option<&'a Metric>,
) -> Vec<Problem> {
    // The record is named by `check_highlight`, once, if anything is wrong.
    let rec = "";
    let mut out = Vec::new();
    if !is_slug(&h.id) {
        out.push(problem(
            ProblemKind::NotSlug,
            rec,
            "id",
            format!("`{}` is not a lower-case slug", h.id),
        ));
    }
    if !r.chapters.iter().any(|c| c.id == h.chapter) {
        out.push(problem(
            ProblemKind::UnknownChapter,
            rec,
            "chapter",
            format!("unknown chapter `{}`", h.chapter),
        ));
    }
    if !r.themes.iter().any(|t| t.id == h.theme) {
        out.push(problem(
            ProblemKind::UnknownTheme,
            rec,
            "theme",
            format!("unknown theme `{}`", h.theme),
        ));
    }
    for (field, t) in [("title", &h.title), ("summary", &h.summary)] {
        if t.zh.trim().is_empty() {
            out.push(problem(
                ProblemKind::EmptyText,
                rec,
                format!("{field}.zh"),
                "is empty",
            ));
        }
        if t.en.trim().is_empty() {
            out.push(problem(
                ProblemKind::EmptyText,
                rec,
                format!("{field}.en"),
                "is empty",
            ));
        }
    }
    if (h.kind == Kind::Project) != h.status.is_some() {
        out.push(problem(
            ProblemKind::Status,
            rec,
            "status",
            "a project has a status, and only a project",
        ));
    }
    if h.quotes.is_empty() {
        out.push(problem(
            ProblemKind::NoQuote,
            rec,
            "quotes",
            "a highlight needs at least one source quote",
        ));
    }
    for (qi, q) in h.quotes.iter().enumerate() {
        let field = format!("quotes[{qi}]");
        match r.source.blocks.get(q.block) {
            None => out.push(problem(
                ProblemKind::QuoteBlock,
                rec,
                format!("{field}.block"),
                "no such block",
            )),
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
                        ProblemKind::QuoteNotVerbatim,
                        rec,
                        format!("{field}.text"),
                        format!(
                            "not found verbatim at block {} offset {}{hint}",
                            q.block, q.offset
                        ),
                    ));
                }
                if q.lines[0] < b.lines[0] || q.lines[1] > b.lines[1] || q.lines[0] > q.lines[1] {
                    out.push(problem(
                        ProblemKind::QuoteLines,
                        rec,
                        format!("{field}.lines"),
                        "outside its block",
                    ));
                }
            }
        }
    }
    let mut ids = HashSet::new();
    for (mi, m) in h.metrics.iter().enumerate() {
        let field = format!("metrics[{mi}]");
        if !ids.insert(m.id.as_str()) || !is_slug(&m.id) {
            out.push(problem(
                ProblemKind::MetricId,
                rec,
                format!("{field}.id"),
                format!("`{}` is not a unique slug", m.id),
            ));
        }
        check_metric(h, m, metric, &field, &mut out);
    }
    out
}

fn check_metric<'a>(
    h: &Highlight,
    m: &Metric,
    lookup: &dyn Fn(&str) -> Option<&'a Metric>,
    field: &str,
    out: &mut Vec<Problem>,
) {
    // The record is named by the caller, once, if anything is wrong.
    let rec = "";
    if !m.value.is_finite() || !m.base_value.is_finite() {
        out.push(problem(
            ProblemKind::NotFinite,
            rec,
            format!("{field}.value"),
            "is not a finite number",
        ));
        return;
    }
    match units::lookup(&m.unit) {
        None => out.push(problem(
            ProblemKind::UnknownUnit,
            rec,
            format!("{field}.unit"),
            format!("unknown unit `{}`", m.unit),
        )),
        Some((mult, base)) => {
            if base != m.base_unit {
                out.push(problem(
                    ProblemKind::BaseUnit,
                    rec,
                    format!("{field}.base_unit"),
                    format!("{:?} does not match the unit `{}`", m.base_unit, m.unit),
                ));
            }
            if !close(m.value * mult, m.base_value) {
                out.push(problem(
                    ProblemKind::BaseValue,
                    rec,
                    format!("{field}.base_value"),
                    format!("{} ≠ {} × {}", m.base_value, m.value, mult),
                ));
            }
        }
    }
    match (&m.printed, &m.derived) {
        (Some(p), None) => check_printed(h, m, p, field, out),
        (None, Some(d)) => check_derived(m, d, lookup, field, out),
        (Some(_), Some(_)) => out.push(problem(
            ProblemKind::PrintedAndDerived,
            rec,
            field,
            "a derived metric is not printed",
        )),
        (None, None) => out.push(problem(
            ProblemKind::NoValueSource,
            rec,
            field,
            "needs `printed` or `derived`",
        )),
    }
    if (m.qualifier == Qualifier::Rank) != m.scope.is_some() {
        out.push(problem(
            ProblemKind::Scope,
            rec,
            format!("{field}.scope"),
            "a rank has a scope, and only a rank",
        ));
    }
    if m.counts.as_deref().is_some_and(|c| !is_slug(c)) {
        out.push(problem(
            ProblemKind::Counts,
            rec,
            format!("{field}.counts"),
            "names what is counted as a lower-case slug, e.g. `care-centres`",
        ));
    }
    if let Some(whole) = &m.part_of {
        check_part(h, m, whole, lookup, field, out);
    }
}

/// A value the report prints: found in the quotes, the same number, the qualifier it is printed
/// with, and the direction of a change as the words say.
fn check_printed(h: &Highlight, m: &Metric, p: &str, field: &str, out: &mut Vec<Problem>) {
    let rec = "";
    if !h.quotes.iter().any(|q| q.text.contains(p)) {
        out.push(problem(
            ProblemKind::PrintedNotQuoted,
            rec,
            format!("{field}.printed"),
            format!("`{p}` is not in the quotes"),
        ));
    }
    match printed_number(p) {
        Some(v) if close(v, m.value) => {}
        Some(v) => out.push(problem(
            ProblemKind::ValueDisagrees,
            rec,
            format!("{field}.value"),
            format!("{} but `{p}` says {v}", m.value),
        )),
        None => out.push(problem(
            ProblemKind::NoNumber,
            rec,
            format!("{field}.printed"),
            format!("`{p}` has no number"),
        )),
    }
    let marker_ok = match m.qualifier {
        Qualifier::Exact => !has_any(p, &["余", "多", "超", "以上", "约", "近", "左右"]),
        Qualifier::MoreThan => has_any(p, &["余", "多", "超"]),
        Qualifier::AtLeast => p.contains("以上"),
        Qualifier::Rank => p.contains('第'),
        Qualifier::Approx => has_any(p, &["约", "近", "左右"]),
    };
    if !marker_ok {
        out.push(problem(
            ProblemKind::Qualifier,
            rec,
            format!("{field}.qualifier"),
            format!("{:?} does not match how `{p}` is printed", m.qualifier),
        ));
    }
    if let Some(change) = m.change {
        let words = change_words(change);
        if !h.quotes.iter().any(|q| states_change(&q.text, p, change)) {
            out.push(problem(
                ProblemKind::Change,
                rec,
                format!("{field}.change"),
                format!(
                    "{change:?}, but no quote says {} right before `{p}`",
                    words.join("/")
                ),
            ));
        }
    }
}

/// The words that state a change right before a printed value (「同比增长1.92%」).
pub fn change_words(change: Change) -> &'static [&'static str] {
    match change {
        Change::Up => &["增长", "增加", "提高", "上升"],
        Change::Down => &["下降", "减少", "降低"],
    }
}

/// Whether `quote` says `change` in the clause right before the first `printed` it holds.
pub fn states_change(quote: &str, printed: &str, change: Change) -> bool {
    quote
        .split_once(printed)
        .is_some_and(|(before, _)| has_any(clause_end(before), change_words(change)))
}

/// The last clause of a text: what stands after its last comma, semicolon or full stop.
pub(crate) fn clause_end(s: &str) -> &str {
    s.rfind(['，', '。', '；', '：', '、'])
        .map_or(s, |i| &s[i..])
}

/// A value computed from others: recomputed, marked approximate exactly when it was rounded,
/// and made only of a whole and its stated parts (the report's 「其中」), never of figures the
/// report does not relate (a population and a group not part of it, a rate divided back).
fn check_derived<'a>(
    m: &Metric,
    d: &crate::core::model::Derived,
    lookup: &dyn Fn(&str) -> Option<&'a Metric>,
    field: &str,
    out: &mut Vec<Problem>,
) {
    let rec = "";
    let value = |name: &str| lookup(name).map(|m| m.value);
    match expr::eval(&d.formula, &value) {
        Err(e) => out.push(problem(
            ProblemKind::Formula,
            rec,
            format!("{field}.derived.formula"),
            e,
        )),
        Ok(v) => {
            let scale = 10f64.powi(d.decimals as i32);
            let rounded = (v * scale).round() / scale;
            if !close(rounded, m.value) {
                out.push(problem(
                    ProblemKind::DerivedValue,
                    rec,
                    format!("{field}.value"),
                    format!("{} but the formula gives {rounded}", m.value),
                ));
            }
            let exact = close(rounded, v);
            match m.qualifier {
                Qualifier::Exact if !exact => out.push(problem(
                    ProblemKind::DerivedQualifier,
                    rec,
                    format!("{field}.qualifier"),
                    format!("`exact`, but the formula gives {v}, rounded: use `approx` (≈)"),
                )),
                Qualifier::Approx if exact => out.push(problem(
                    ProblemKind::DerivedQualifier,
                    rec,
                    format!("{field}.qualifier"),
                    format!("`approx`, but the formula gives exactly {v}: use `exact` (no ≈)"),
                )),
                Qualifier::Exact | Qualifier::Approx => {}
                q => out.push(problem(
                    ProblemKind::DerivedQualifier,
                    rec,
                    format!("{field}.qualifier"),
                    format!("{q:?}: a derived value is `exact` or `approx`"),
                )),
            }
        }
    }
    let refs = expr::references(&d.formula);
    if refs.len() > 1 && !one_whole(&refs, lookup) {
        out.push(problem(
            ProblemKind::NotParts,
            rec,
            format!("{field}.derived.formula"),
            format!(
                "combines {}, which the data does not declare parts of one whole; \
                 a derived value may only combine a whole and its parts as the report states \
                 them with 「其中」 (`part_of`)",
                refs.iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
}

/// Whether the references are one whole and parts that name it in `part_of`.
fn one_whole<'a>(refs: &[&str], lookup: &dyn Fn(&str) -> Option<&'a Metric>) -> bool {
    refs.iter().any(|whole| {
        refs.iter()
            .all(|r| r == whole || lookup(r).and_then(|m| m.part_of.as_deref()) == Some(*whole))
    })
}

/// A part of a whole: the whole exists, counts the same thing in the same unit, is not smaller,
/// and a quote says 「其中」.
fn check_part<'a>(
    h: &Highlight,
    m: &Metric,
    whole: &str,
    lookup: &dyn Fn(&str) -> Option<&'a Metric>,
    field: &str,
    out: &mut Vec<Problem>,
) {
    let rec = "";
    let field = format!("{field}.part_of");
    let Some(w) = lookup(whole) else {
        out.push(problem(
            ProblemKind::UnknownMetric,
            rec,
            field,
            format!("unknown metric `{whole}`"),
        ));
        return;
    };
    if m.counts.is_none() || w.counts != m.counts || w.base_unit != m.base_unit {
        out.push(problem(
            ProblemKind::PartKind,
            rec,
            &field,
            format!(
                "a part counts the same thing as its whole: this counts {}, `{whole}` counts {}",
                counted(m),
                counted(w)
            ),
        ));
    }
    if m.base_value > w.base_value {
        out.push(problem(
            ProblemKind::PartTooBig,
            rec,
            &field,
            format!("{} is more than its whole `{whole}` ({})", m.value, w.value),
        ));
    }
    if !h.quotes.iter().any(|q| q.text.contains("其中")) {
        out.push(problem(
            ProblemKind::PartNoQizhong,
            rec,
            &field,
            "no quote says 「其中」: the report must state that this is part of the whole",
        ));
    }
}

/// What a metric counts, for messages: `care-centres (家)`, or its base unit and unit.
pub fn counted(m: &Metric) -> String {
    match &m.counts {
        Some(c) => format!("`{c}` ({})", m.unit),
        None => format!("{:?} ({}, no `counts`)", m.base_unit, m.unit).to_lowercase(),
    }
}

/// Problems of references between highlights: key figures, ids used twice. A key figure is a
/// value the report prints: never a derived one.
pub fn check_references(r: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    unique(
        &mut out,
        "highlights",
        r.highlights.iter().map(|h| h.id.as_str()),
    );
    for (i, k) in r.key_figures.iter().enumerate() {
        match find_metric(r, &k.metric) {
            None => out.push(problem(
                ProblemKind::UnknownMetric,
                "report",
                format!("key_figures[{i}]"),
                format!("unknown metric `{}`", k.metric),
            )),
            Some((_, m)) if m.derived.is_some() => out.push(problem(
                ProblemKind::DerivedKeyFigure,
                "report",
                format!("key_figures[{i}]"),
                format!(
                    "`{}` is derived: a key figure is a value the report prints",
                    k.metric
                ),
            )),
            Some(_) => {}
        }
    }
    out
}

/// What checking the charts found: the problems, and the charts that must not be drawn because
/// they would mislead (they mix what they count, or call something a part that is not).
#[derive(Debug, Default, PartialEq)]
pub struct ChartCheck {
    pub problems: Vec<Problem>,
    pub unfair: Vec<usize>,
}

/// Problems of chart definitions: ids used twice, metrics that no record of the file has, and
/// charts that do not compare like with like. A metric of a record that is skipped is no problem
/// here (the chart loses that bar, and the skipped record is reported itself); `known` says if
/// any record of the file has an id.
pub fn check_charts(r: &Report, known: &dyn Fn(&str) -> bool) -> ChartCheck {
    let mut out = ChartCheck::default();
    unique(
        &mut out.problems,
        "charts",
        r.charts.iter().map(|c| c.id.as_str()),
    );
    for (i, c) in r.charts.iter().enumerate() {
        let rec = format!("charts[{i}] ({})", c.id);
        // A metric the chart names, if its record parsed; an unknown one is a problem.
        let mut resolve = |field: String, name: &str| {
            let (hid, _) = name.split_once('/').unwrap_or((name, ""));
            let found = find_metric(r, name).map(|(_, m)| m);
            let parsed = r.highlights.iter().any(|h| h.id == hid);
            if !known(hid) || (parsed && found.is_none()) {
                out.problems.push(problem(
                    ProblemKind::UnknownMetric,
                    &rec,
                    field,
                    format!("unknown metric `{name}`"),
                ));
            }
            found
        };
        let unfair = match &c.series {
            ChartSeries::Metrics { metrics, .. } => {
                let found: Vec<(&String, &Metric)> = metrics
                    .iter()
                    .enumerate()
                    .filter_map(|(j, name)| {
                        resolve(format!("series.metrics[{j}]"), name).map(|m| (name, m))
                    })
                    .collect();
                let like = |a: &Metric, b: &Metric| {
                    a.counts.is_some() && a.counts == b.counts && a.base_unit == b.base_unit
                };
                let mixed = found.iter().any(|(_, m)| !like(m, found[0].1));
                mixed.then(|| {
                    let list: Vec<String> = found
                        .iter()
                        .map(|(name, m)| format!("`{name}` {}", counted(m)))
                        .collect();
                    problem(
                        ProblemKind::ChartMixes,
                        &rec,
                        "series.metrics",
                        format!(
                            "mixes what it counts: {}. A chart compares like with like: every \
                             metric names the same `counts` in the same base unit",
                            list.join(", ")
                        ),
                    )
                })
            }
            ChartSeries::PartOfWhole { part, whole } => {
                let p = resolve("series.part".into(), part);
                resolve("series.whole".into(), whole);
                p.filter(|p| p.part_of.as_deref() != Some(whole.as_str()))
                    .map(|_| {
                        problem(
                            ProblemKind::ChartNotPart,
                            &rec,
                            "series.part",
                            format!(
                                "`{part}` does not name `{whole}` in `part_of`: only what the \
                                 report states as a part (「其中」) is drawn as one"
                            ),
                        )
                    })
            }
            ChartSeries::StatusCount { .. } => None,
        };
        if let Some(p) = unfair {
            out.problems.push(p);
            out.unfair.push(i);
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
                ProblemKind::DuplicateId,
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

/// The number a printed value states: leading digits, ASCII or full-width (`12.34亿元` → 12.34),
/// a Chinese ordinal (`全市第一` → 1, `第十二` → 12), or a count in Chinese numerals at the start,
/// after a qualifier the value may carry (`两家` → 2, `超二十个` → 20; not the 一 of `我市唯一`).
pub fn printed_number(p: &str) -> Option<f64> {
    let digits: String = p
        .chars()
        .map(numerals::half_width)
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if !digits.is_empty() {
        return decimal::parse(&digits);
    }
    if let Some((_, after)) = p.split_once('第') {
        return numerals::leading_chinese(after);
    }
    let count = ["超过", "超", "近", "约"]
        .iter()
        .find_map(|q| p.strip_prefix(q))
        .unwrap_or(p);
    numerals::leading_chinese(count)
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
    fn printed_numbers_in_full_width_and_chinese() {
        assert_eq!(printed_number("１２３个"), Some(123.0));
        assert_eq!(printed_number("１2.５%"), Some(12.5));
        assert_eq!(printed_number("两家"), Some(2.0));
        assert_eq!(printed_number("二十个"), Some(20.0));
        assert_eq!(printed_number("三项"), Some(3.0));
        assert_eq!(printed_number("超二十个"), Some(20.0));
        assert_eq!(printed_number("全县排名第十二"), Some(12.0));
        assert_eq!(printed_number("唯一"), None);
        assert_eq!(printed_number("家"), None);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("industrial-output-2023"));
        assert!(!is_slug("Industrial"));
        assert!(!is_slug("a b"));
        assert!(!is_slug(""));
    }
}
