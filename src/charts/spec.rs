//! What each chart shows, computed from the data and the current filters: its bars, their
//! printed values, the scale, the ticks and a sentence stating its finding (the chart's text
//! alternative). No number here comes from anywhere but the dataset.

use crate::format;
use crate::model::{ChartDef, ChartSeries, Lang, Qualifier, Report, Status};
use crate::validate::find_metric;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as the card prints it: 「3000+场」, 「≈16个」.
    pub text: String,
    /// The highlight the bar comes from, if one.
    pub highlight: Option<usize>,
    pub derived: bool,
    pub more_than: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    /// For values of very different size (3000+ events beside 49 reports): each step of the axis
    /// is ten times the last, so small values stay visible and nothing is squashed.
    Log,
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
    pub title: String,
    pub finding: String,
    pub bars: Vec<Bar>,
    pub scale: Scale,
    pub ticks: Vec<Tick>,
    /// The end of the value axis.
    pub max: f64,
}

/// A ratio of largest to smallest value above which a linear axis would squash the small bars.
const LOG_RATIO: f64 = 20.0;

impl ChartSpec {
    /// Where a value falls along the axis, 0 to 1.
    pub fn position(&self, v: f64) -> f64 {
        if v <= 0.0 || self.max <= 0.0 {
            return 0.0;
        }
        match self.scale {
            Scale::Linear => (v / self.max).clamp(0.0, 1.0),
            // The axis starts at 1 (10⁰); a value below 1 sits at its start.
            Scale::Log => (v.max(1.0).log10() / self.max.log10()).clamp(0.0, 1.0),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.bars.is_empty()
    }
}

/// Every chart of the report, with only the bars of highlights in `visible`.
pub fn specs(report: &Report, visible: &[usize], lang: Lang) -> Vec<ChartSpec> {
    report
        .charts
        .iter()
        .map(|c| spec(report, c, visible, lang))
        .collect()
}

pub fn spec(report: &Report, def: &ChartDef, visible: &[usize], lang: Lang) -> ChartSpec {
    let shown = |i: usize| visible.contains(&i);
    let bars: Vec<Bar> = match &def.series {
        ChartSeries::Metrics { metrics } => metrics
            .iter()
            .filter_map(|name| find_metric(report, name))
            .filter_map(|(h, m)| {
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
            })
            .collect(),
        ChartSeries::StatusCount { kind } => Status::ALL
            .into_iter()
            .filter_map(|st| {
                let n = report
                    .highlights
                    .iter()
                    .enumerate()
                    .filter(|(i, h)| h.kind == *kind && h.status == Some(st) && shown(*i))
                    .count();
                (n > 0).then(|| Bar {
                    label: st.label().get(lang).to_string(),
                    value: n as f64,
                    text: match lang {
                        Lang::Zh => format!("{n}个"),
                        Lang::En => n.to_string(),
                    },
                    highlight: None,
                    derived: false,
                    more_than: false,
                })
            })
            .collect(),
    };
    let top = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let low = bars
        .iter()
        .map(|b| b.value)
        .filter(|v| *v > 0.0)
        .fold(f64::INFINITY, f64::min);
    let scale = if top > 0.0 && top / low > LOG_RATIO {
        Scale::Log
    } else {
        Scale::Linear
    };
    let (max, tick_values) = match scale {
        Scale::Linear => linear_ticks(top),
        Scale::Log => log_ticks(top),
    };
    let mut s = ChartSpec {
        id: def.id.clone(),
        title: def.title.get(lang).to_string(),
        finding: String::new(),
        bars,
        scale,
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

/// The sentence a chart states: what is largest, what is smallest, and the scale if it is not
/// linear. Computed, so it is true of whatever the filters leave.
fn finding(s: &ChartSpec, lang: Lang) -> String {
    let Some(big) = s.bars.iter().max_by(|a, b| a.value.total_cmp(&b.value)) else {
        return match lang {
            Lang::Zh => "当前筛选条件下，此图没有数据。".to_string(),
            Lang::En => "Nothing in this chart matches the current filters.".to_string(),
        };
    };
    let small = s
        .bars
        .iter()
        .min_by(|a, b| a.value.total_cmp(&b.value))
        .unwrap_or(big);
    let mut out = match (lang, s.bars.len()) {
        (Lang::Zh, 1) => format!("{}：{}。", big.label, big.text),
        (Lang::En, 1) => format!("{}: {}.", big.label, big.text),
        (Lang::Zh, n) => format!(
            "{n} 项中，{}最多（{}），{}最少（{}）。",
            big.label, big.text, small.label, small.text
        ),
        (Lang::En, n) => format!(
            "Of {n} items, {} is largest ({}) and {} smallest ({}).",
            big.label, big.text, small.label, small.text
        ),
    };
    if s.scale == Scale::Log {
        out.push_str(match lang {
            Lang::Zh => "数值相差悬殊，采用对数刻度：每格是前一格的10倍。",
            Lang::En => " The values differ widely, so the axis is logarithmic: each step is ten times the last.",
        });
    }
    if s.bars.iter().any(|b| b.derived) {
        out.push_str(match lang {
            Lang::Zh => "标“≈”的为推算值。",
            Lang::En => " Values marked “≈” are computed, not printed in the report.",
        });
    }
    out
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

/// A logarithmic axis from 1 to the next power of ten, a tick at each power.
fn log_ticks(top: f64) -> (f64, Vec<f64>) {
    let exp = top.log10().ceil().max(1.0) as i32;
    (10f64.powi(exp), (0..=exp).map(|e| 10f64.powi(e)).collect())
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

    #[test]
    fn log_ticks_reach_past_the_top() {
        assert_eq!(
            log_ticks(3000.0),
            (10000.0, vec![1.0, 10.0, 100.0, 1000.0, 10000.0])
        );
        assert_eq!(log_ticks(49.0).0, 100.0);
    }
}

/// Where things go on a chart, in CSS pixels: one row per bar (its label above, the bar below),
/// then the axis. Shared by drawing and by hover hit-testing, so they always agree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub pad: f64,
    pub row: f64,
    pub label: f64,
    pub bar: f64,
    pub axis: f64,
    /// Room kept right of the longest bar for its printed value.
    pub value_room: f64,
}

impl Layout {
    /// `scale` enlarges rows and text (1.0 normally, 1.5 in 关怀模式).
    pub fn new(width: f64, scale: f64) -> Layout {
        let value_room = (width * 0.28).clamp(70.0, 150.0) * scale.max(1.0).sqrt();
        Layout {
            width,
            pad: 8.0,
            row: 56.0 * scale,
            label: 22.0 * scale,
            bar: 22.0 * scale,
            axis: 28.0 * scale,
            value_room,
        }
    }

    /// The scale of rows and text: larger in 关怀模式.
    pub fn scale(care: bool) -> f64 {
        if care {
            1.5
        } else {
            1.0
        }
    }

    /// Text size in CSS pixels for labels and values.
    pub fn font(&self) -> f64 {
        15.0 * self.row / 56.0
    }

    pub fn height(&self, bars: usize) -> f64 {
        self.pad * 2.0 + self.row * bars.max(1) as f64 + self.axis
    }

    /// The horizontal span a bar may take.
    pub fn track(&self) -> (f64, f64) {
        (
            self.pad,
            (self.width - self.pad - self.value_room).max(self.pad + 10.0),
        )
    }

    /// Top of row `i`'s label, and of its bar.
    pub fn row_top(&self, i: usize) -> (f64, f64) {
        let top = self.pad + self.row * i as f64;
        (top, top + self.label)
    }

    /// The bar under a point, for hover and tap.
    pub fn bar_at(&self, y: f64, bars: usize) -> Option<usize> {
        let i = ((y - self.pad) / self.row).floor();
        (i >= 0.0 && (i as usize) < bars).then_some(i as usize)
    }
}
