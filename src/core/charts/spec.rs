//! What each chart shows, computed from the data and the current filters: its kind, its marks,
//! their printed values, the axis and a sentence stating its finding (the chart's text
//! alternative and caption). No number here comes from anywhere but the dataset, and the
//! dataset's checks (`validate::check_charts`) let a chart hold only like with like.

use crate::core::format;
use crate::core::model::{ChartDef, ChartSeries, Lang, MetricStyle, Qualifier, Report, Status};
use crate::core::validate::find_metric;

/// How a chart draws its marks, chosen for what the data is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Horizontal bars from zero, one per metric.
    Bars,
    /// One symbol per counted thing, a row per metric: small whole counts.
    Units,
    /// A grid of the whole's cells with the part's cells filled (4 of 20 villages).
    PartOfWhole,
    /// One row per highlight, along the steps 完成设计 → 已开工 → 已完工.
    Track,
}

impl ChartKind {
    /// Its name in the page (`data-kind`), for styles and tests.
    pub fn code(self) -> &'static str {
        match self {
            ChartKind::Bars => "bars",
            ChartKind::Units => "units",
            ChartKind::PartOfWhole => "part-of-whole",
            ChartKind::Track => "track",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as the card prints it: 「3000余场」, 「16个」; for a track row, its status.
    pub text: String,
    /// The highlight the mark comes from, if one.
    pub highlight: Option<usize>,
    pub derived: bool,
    pub more_than: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
    /// Position along the value axis, 0 at the start, 1 at the end.
    pub at: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub id: String,
    pub kind: ChartKind,
    pub title: String,
    pub finding: String,
    /// The data's caveat, printed under the chart.
    pub note: Option<String>,
    /// Bars and units: one per metric. Part of a whole: the whole, then the part. Track: one
    /// per highlight, `value` its step (1 designed, 2 started, 3 completed).
    pub bars: Vec<Bar>,
    /// Track: the names of the steps, in order.
    pub steps: Vec<String>,
    pub ticks: Vec<Tick>,
    /// The end of the value axis.
    pub max: f64,
}

/// The most symbols a units chart draws in a row before it is drawn as bars instead.
pub const MAX_UNITS: f64 = 100.0;

impl ChartSpec {
    /// Where a value falls along the axis, 0 to 1 (linear from zero: lay readers misjudge
    /// anything else).
    pub fn position(&self, v: f64) -> f64 {
        if v <= 0.0 || self.max <= 0.0 {
            return 0.0;
        }
        (v / self.max).clamp(0.0, 1.0)
    }

    pub fn is_empty(&self) -> bool {
        self.bars.is_empty()
    }
}

/// Every chart of the report, with only the marks of highlights in `visible`.
pub fn specs(report: &Report, visible: &[usize], lang: Lang) -> Vec<ChartSpec> {
    report
        .charts
        .iter()
        .map(|c| spec(report, c, visible, lang))
        .collect()
}

/// The steps of a track, first to last.
const STEPS: [Status; 3] = [
    Status::DesignFinished,
    Status::UnderConstruction,
    Status::Completed,
];

pub fn spec(report: &Report, def: &ChartDef, visible: &[usize], lang: Lang) -> ChartSpec {
    let shown = |i: usize| visible.contains(&i);
    let metric_bar = |name: &String| {
        let (h, m) = find_metric(report, name)?;
        let i = report.highlights.iter().position(|x| std::ptr::eq(x, h))?;
        shown(i).then(|| {
            let f = format::figure(m, lang);
            Bar {
                label: m.label.get(lang).to_string(),
                value: m.value,
                text: f.text,
                highlight: Some(i),
                derived: f.derived,
                more_than: m.qualifier == Qualifier::MoreThan,
            }
        })
    };
    let (kind, bars) = match &def.series {
        ChartSeries::Metrics { metrics, style } => {
            let bars: Vec<Bar> = metrics.iter().filter_map(metric_bar).collect();
            // Whole symbols only: a value that is not a small whole exact count is a bar.
            let countable = bars.iter().all(|b| {
                b.value.fract() == 0.0 && b.value <= MAX_UNITS && !b.more_than && !b.derived
            });
            let kind = if *style == MetricStyle::Units && countable {
                ChartKind::Units
            } else {
                ChartKind::Bars
            };
            (kind, bars)
        }
        ChartSeries::PartOfWhole { part, whole } => {
            // Both or nothing: a part without its whole says nothing.
            let bars: Vec<Bar> = [whole, part].into_iter().filter_map(metric_bar).collect();
            let bars = if bars.len() == 2 { bars } else { vec![] };
            (ChartKind::PartOfWhole, bars)
        }
        ChartSeries::StatusCount { kind } => {
            let bars = report
                .highlights
                .iter()
                .enumerate()
                .filter(|(i, h)| h.kind == *kind && shown(*i))
                .filter_map(|(i, h)| {
                    let st = h.status?;
                    let step = STEPS.iter().position(|s| *s == st)? + 1;
                    Some(Bar {
                        label: h.title.get(lang).to_string(),
                        value: step as f64,
                        text: st.label().get(lang).to_string(),
                        highlight: Some(i),
                        derived: false,
                        more_than: false,
                    })
                })
                .collect();
            (ChartKind::Track, bars)
        }
    };
    let top = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let (max, tick_values) = match kind {
        ChartKind::Bars => linear_ticks(top),
        _ => (top.max(1.0), vec![]),
    };
    let mut s = ChartSpec {
        id: def.id.clone(),
        kind,
        title: def.title.get(lang).to_string(),
        finding: String::new(),
        note: def.note.as_ref().map(|n| n.get(lang).to_string()),
        bars,
        steps: STEPS
            .iter()
            .map(|s| s.label().get(lang).to_string())
            .collect(),
        ticks: vec![],
        max,
    };
    s.ticks = tick_values
        .into_iter()
        .map(|v| Tick {
            value: v,
            label: format::plain_number(v),
            at: s.position(v),
        })
        .collect();
    s.finding = finding(&s, lang);
    s
}

/// The sentence a chart states, a true sentence a reporter could print: for bars what is
/// largest and smallest; for units each count; for a part of a whole the whole and its part;
/// for a track how many stand at each step. Computed, so it is true of whatever the filters
/// leave, and only ever about things the chart may compare.
fn finding(s: &ChartSpec, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    if s.bars.is_empty() {
        return if zh {
            "当前筛选条件下，此图没有数据。".to_string()
        } else {
            "Nothing in this chart matches the current filters.".to_string()
        };
    }
    let list = |sep: &str| {
        s.bars
            .iter()
            .map(|b| {
                if zh {
                    format!("{}{}", b.label, b.text)
                } else {
                    format!("{}: {}", b.label, b.text)
                }
            })
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mut out = match s.kind {
        _ if s.bars.len() == 1 => {
            if zh {
                format!("{}。", list(""))
            } else {
                format!("{}.", list(""))
            }
        }
        ChartKind::Bars => {
            let top = s.bars.iter().map(|b| b.value).fold(f64::MIN, f64::max);
            let low = s.bars.iter().map(|b| b.value).fold(f64::MAX, f64::min);
            if top > low {
                // Every bar that shares the top or the bottom value is named: a tie is a tie.
                let ((big, bv), (small, sv)) = (extreme(s, top, lang), extreme(s, low, lang));
                if zh {
                    format!(
                        "{}项中，{big}最多（{bv}），{small}最少（{sv}）。",
                        s.bars.len()
                    )
                } else {
                    format!(
                        "Of these {}, {big} the largest ({bv}) and {small} the smallest ({sv}).",
                        s.bars.len()
                    )
                }
            } else if zh {
                format!("{}。", list("；"))
            } else {
                format!("{}.", list("; "))
            }
        }
        ChartKind::Units => {
            if zh {
                format!("{}。", list("；"))
            } else {
                format!("{}.", list("; "))
            }
        }
        ChartKind::PartOfWhole => {
            let (whole, part) = (&s.bars[0], &s.bars[1]);
            if zh {
                format!(
                    "{}{}，其中{}{}。",
                    whole.label, whole.text, part.label, part.text
                )
            } else {
                format!(
                    "{}: {}; of these, {}: {}.",
                    whole.label, whole.text, part.label, part.text
                )
            }
        }
        ChartKind::Track => {
            let counts: Vec<String> = s
                .steps
                .iter()
                .enumerate()
                .rev()
                .filter_map(|(i, step)| {
                    let n = s.bars.iter().filter(|b| b.value as usize == i + 1).count();
                    (n > 0).then(|| {
                        if zh {
                            format!("{n}个{step}")
                        } else {
                            format!("{n} {}", step.to_lowercase())
                        }
                    })
                })
                .collect();
            if zh {
                format!("{}个项目中，{}。", s.bars.len(), counts.join("，"))
            } else {
                format!("Of {} projects, {}.", s.bars.len(), counts.join(", "))
            }
        }
    };
    if s.bars.iter().any(|b| b.derived) {
        out.push_str(if zh {
            "标“推算值”的数由报道中的数计算得出。"
        } else {
            " Values marked “computed” are worked out from figures in the report."
        });
    }
    out
}

/// The bars of one value, and that value: (「甲」, 「11家」) or (「甲、乙」, 「各2家」); in English
/// ("A is", "11") or ("A and B are", "2 each"). A tie is a tie: every bar of the value is named.
fn extreme(s: &ChartSpec, value: f64, lang: Lang) -> (String, String) {
    let bars: Vec<&Bar> = s.bars.iter().filter(|b| b.value == value).collect();
    let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
    let text = &bars[0].text;
    match (lang, bars.len()) {
        (Lang::Zh, 1) => (labels[0].to_string(), text.clone()),
        (Lang::Zh, _) => (labels.join("、"), format!("各{text}")),
        (Lang::En, 1) => (format!("{} is", labels[0]), text.clone()),
        (Lang::En, _) => (
            format!("{} are", labels.join(" and ")),
            format!("{text} each"),
        ),
    }
}

/// A linear axis end and its ticks at 1, 2 or 5 × 10ⁿ steps, about five of them.
fn linear_ticks(top: f64) -> (f64, Vec<f64>) {
    if top <= 0.0 {
        return (1.0, vec![0.0, 1.0]);
    }
    let rough = top / 5.0;
    let mag = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= rough)
        .unwrap_or(mag * 10.0);
    let step = step.max(1.0);
    let max = (top / step).ceil() * step;
    let n = (max / step).round() as usize;
    (max, (0..=n).map(|i| i as f64 * step).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_round() {
        assert_eq!(linear_ticks(11.0), (15.0, vec![0.0, 5.0, 10.0, 15.0]));
        assert_eq!(linear_ticks(76.0).0, 80.0);
        assert_eq!(linear_ticks(3.0), (3.0, vec![0.0, 1.0, 2.0, 3.0]));
    }
}
