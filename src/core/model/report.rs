use serde::{Deserialize, Serialize};

use super::{Highlight, Kind, Text};

/// `public/reports.json`: the reports this deployment ships. A report listed here shows up in the
/// app without a code change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportIndex {
    pub schema_version: u32,
    pub reports: Vec<ReportEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportEntry {
    /// URL-safe id, used in the `r` query parameter.
    pub id: String,
    /// The report file, relative to `reports.json`.
    pub href: String,
    pub title: Text,
    /// The town the report is about: the report switcher lists reports by town and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<Text>,
    pub year: u16,
}

impl ReportEntry {
    /// How the report switcher names a report: 「西溪镇 · 2023年」, "Xixi Town · 2023"; the title
    /// when the index does not name the town.
    pub fn label(&self, lang: crate::core::model::Lang) -> String {
        use crate::core::model::Lang;
        match (&self.town, lang) {
            (Some(t), Lang::Zh) => format!("{} · {}年", t.zh, self.year),
            (Some(t), Lang::En) => format!("{} · {}", t.en, self.year),
            (None, _) => format!("{} ({})", self.title.get(lang), self.year),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub town: Text,
    pub city: Text,
    pub province: Text,
    pub year: u16,
    /// 引题, the line printed above the headline.
    pub kicker: Text,
    pub headline: Text,
    /// The by-line exactly as printed, e.g. 「融媒记者 吕晓婷」.
    pub byline: String,
    pub author: Text,
    /// Where the facts of this block that the text does not print come from.
    pub context_note: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: Text,
    /// A short symbol shown with the label, so themes are never told apart by colour alone.
    pub icon: String,
    pub description: Text,
    /// Ids this theme had before, so links shared then still open it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    pub id: String,
    pub title: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Kicker,
    Headline,
    Byline,
    Heading,
    Paragraph,
}

/// One block of the reflowed report: its text is the raw lines `lines[0]..=lines[1]` re-joined.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub kind: BlockKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    pub lines: [u32; 2],
    pub text: String,
}

/// A number written in the source that is not a figure (a year, a title, a name), with why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonFigure {
    /// The number as written, found verbatim in `context`.
    pub number: String,
    /// A verbatim stretch of the source around it.
    pub context: String,
    pub reason: Text,
}

/// The report text: the raw file as printed, and the same text reflowed into blocks in reading
/// order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The raw text file, relative to the report file; column breaks as printed.
    pub raw_href: String,
    pub blocks: Vec<Block>,
    pub non_figures: Vec<NonFigure>,
    /// Stretches of the report that no highlight quotes, each with why (scene-setting, rhetoric,
    /// a claim whose figures other highlights carry), so that every claim is either shown or
    /// knowingly left out. `datatool check` warns of any claim that is neither.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unhighlighted: Vec<Unhighlighted>,
}

/// A verbatim stretch of the report that no highlight carries, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unhighlighted {
    /// Found verbatim in one block of the reflowed report.
    pub text: String,
    pub reason: Text,
    /// Highlights that carry what this stretch sums up, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see: Vec<String>,
}

/// A figure shown in the page header: `highlight-id/metric-id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    pub metric: String,
}

/// A chart of the report: which data it draws. What it says (its finding, scale, table) is
/// computed from the data by `charts::spec`, so a chart can never state a number the data lacks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartDef {
    pub id: String,
    pub title: Text,
    pub series: ChartSeries,
    /// A caveat printed under the chart (e.g. that one firm may hold several designations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

// Read through `SeriesFields`: serde's own reading of a tagged enum buffers the object and reads
// it a second time, which put 13 KB of wasm (3.8 KB brotli) into the app for this one type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "SeriesFields")]
pub enum ChartSeries {
    /// One mark per metric, `highlight-id/metric-id`, in this order. All of them count the same
    /// thing (`counts`) in the same base unit.
    Metrics {
        metrics: Vec<String>,
        #[serde(default, skip_serializing_if = "MetricStyle::is_default")]
        style: MetricStyle,
    },
    /// A part and its whole, as the report states them with 「其中」: the part's metric names the
    /// whole in `part_of`.
    PartOfWhole { part: String, whole: String },
    /// Where each highlight of a kind stands (projects: 完成设计 → 已开工 → 已完工).
    StatusCount { kind: Kind },
}

/// A chart's `series` object as written: its `type`, and the fields of every type, each checked
/// against the type when it becomes a [`ChartSeries`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesFields {
    #[serde(rename = "type")]
    of: SeriesType,
    metrics: Option<Vec<String>>,
    style: Option<MetricStyle>,
    part: Option<String>,
    whole: Option<String>,
    kind: Option<Kind>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum SeriesType {
    Metrics,
    PartOfWhole,
    StatusCount,
}

impl TryFrom<SeriesFields> for ChartSeries {
    type Error = String;

    fn try_from(f: SeriesFields) -> Result<Self, String> {
        let given = [
            ("metrics", f.metrics.is_some()),
            ("style", f.style.is_some()),
            ("part", f.part.is_some()),
            ("whole", f.whole.is_some()),
            ("kind", f.kind.is_some()),
        ];
        let (name, fields): (_, &[&str]) = match f.of {
            SeriesType::Metrics => ("metrics", &["metrics", "style"]),
            SeriesType::PartOfWhole => ("part_of_whole", &["part", "whole"]),
            SeriesType::StatusCount => ("status_count", &["kind"]),
        };
        if let Some((extra, _)) = given.iter().find(|(k, set)| *set && !fields.contains(k)) {
            let expected = fields.join("`, `");
            return Err(format!(
                "unknown field `{extra}` in a `{name}` series, expected `{expected}`"
            ));
        }
        let missing = |field: &str| format!("missing field `{field}` in a `{name}` series");
        match (f.of, f.metrics, f.part, f.whole, f.kind) {
            (SeriesType::Metrics, Some(metrics), ..) => Ok(ChartSeries::Metrics {
                metrics,
                style: f.style.unwrap_or_default(),
            }),
            (SeriesType::Metrics, ..) => Err(missing("metrics")),
            (SeriesType::PartOfWhole, _, Some(part), Some(whole), _) => {
                Ok(ChartSeries::PartOfWhole { part, whole })
            }
            (SeriesType::PartOfWhole, _, part, ..) => {
                Err(missing(if part.is_none() { "part" } else { "whole" }))
            }
            (SeriesType::StatusCount, .., Some(kind)) => Ok(ChartSeries::StatusCount { kind }),
            (SeriesType::StatusCount, ..) => Err(missing("kind")),
        }
    }
}

/// How a metrics chart draws its values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricStyle {
    /// Horizontal bars from zero, values printed on them.
    #[default]
    Bars,
    /// One symbol per counted thing (19 centres, 9 pilots): for small whole counts.
    Units,
}

impl MetricStyle {
    pub fn is_default(&self) -> bool {
        *self == MetricStyle::Bars
    }
}

/// One report file, e.g. `public/data/xixi-2023.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema_version: u32,
    pub id: String,
    pub meta: Meta,
    pub chapters: Vec<Chapter>,
    pub themes: Vec<Theme>,
    pub key_figures: Vec<KeyFigure>,
    pub charts: Vec<ChartDef>,
    pub source: Source,
    /// Last, so that a file written from this type (`datatool synth`) can show its first page
    /// before the rest is read (`core::first_page`).
    pub highlights: Vec<Highlight>,
}
