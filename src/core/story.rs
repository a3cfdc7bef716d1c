//! The story: the page with no filter, told as the report tells it. One part per chapter, in the
//! report's order: the chapter's leading figures drawn large, its charts, then the rest of its
//! highlights. Which highlight goes where is decided here, from the data alone.

use crate::core::model::{ChartSeries, Kind, Report};
use crate::core::validate::find_metric;

/// Highlights a chapter draws before it links to the list of all of them: every chapter of a
/// real report fits (the largest here has 27); a synthetic one of 10,000 does not.
pub const CHAPTER_LIMIT: usize = 30;

/// At most this many leading figures per chapter, and at least this many if it has them.
const LEADS: usize = 3;
const MIN_LEADS: usize = 2;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// Index into `report.chapters`.
    pub chapter: usize,
    /// Highlights drawn large first: those holding a key figure (up to three), and the
    /// chapter's first figures until there are two. Indices into `report.highlights`, in report order.
    pub lead: Vec<usize>,
    /// Indices into `report.charts` of the charts this chapter tells.
    pub charts: Vec<usize>,
    /// The other highlights, in report order, at most [`CHAPTER_LIMIT`] with the lead.
    pub rest: Vec<usize>,
    /// How many highlights of the chapter there are in all.
    pub total: usize,
    /// A chapter without a single figure (the report's opening): drawn as a compact list.
    pub compact: bool,
}

impl Chapter {
    /// The room the chapter takes on a narrow phone (320 px), in thousands of CSS pixels, rounded
    /// up: more than it takes at any wider width. A chapter off the screen is not laid out until
    /// the reader nears it (`content-visibility` in the stylesheet) and holds this room until
    /// then, so the first paint lays out the first screen alone and no chapter overlaps the next
    /// before it is drawn (tools that measure the page see every card where it will be).
    pub fn room(&self) -> usize {
        // Heading; each card and chart at its tallest on a 320 px phone (measured: cards up to
        // 327 px, lead cards 305, charts 644), a compact card on its one line.
        const HEADING: usize = 150;
        const CARD: usize = 340;
        const CHART: usize = 700;
        const COMPACT_ROW: usize = 150;
        let px = if self.compact {
            HEADING + COMPACT_ROW
        } else {
            HEADING + (self.lead.len() + self.rest.len()) * CARD + self.charts.len() * CHART
        };
        px.div_ceil(1000)
    }
}

/// The chapter a chart belongs to: that of the first highlight it draws.
pub fn chart_chapter(report: &Report, chart: usize) -> Option<&str> {
    let def = report.charts.get(chart)?;
    let h = match &def.series {
        ChartSeries::Metrics { metrics, .. } => {
            metrics.iter().find_map(|m| find_metric(report, m))?.0
        }
        ChartSeries::PartOfWhole { whole, .. } => find_metric(report, whole)?.0,
        ChartSeries::StatusCount { kind } => report.highlights.iter().find(|h| h.kind == *kind)?,
    };
    Some(h.chapter.as_str())
}

/// The story of a report: one part per chapter that has highlights, in the report's order.
pub fn chapters(report: &Report) -> Vec<Chapter> {
    let key: Vec<&str> = report
        .key_figures
        .iter()
        .filter_map(|k| k.metric.split_once('/').map(|(h, _)| h))
        .collect();
    report
        .chapters
        .iter()
        .enumerate()
        .filter_map(|(ci, c)| {
            let all: Vec<usize> = report
                .highlights
                .iter()
                .enumerate()
                .filter(|(_, h)| h.chapter == c.id)
                .map(|(i, _)| i)
                .collect();
            if all.is_empty() {
                return None;
            }
            let figure = |i: &usize| {
                let h = &report.highlights[*i];
                h.kind == Kind::Figure && !h.metrics.is_empty()
            };
            let compact = !all.iter().any(figure);
            let mut lead: Vec<usize> = all
                .iter()
                .copied()
                .filter(|i| key.contains(&report.highlights[*i].id.as_str()))
                .take(LEADS)
                .collect();
            // A chapter whose key figures are fewer than two leads with its first figures too.
            for i in all.iter().copied().filter(figure) {
                if lead.len() >= MIN_LEADS {
                    break;
                }
                if !lead.contains(&i) {
                    lead.push(i);
                }
            }
            lead.sort_unstable();
            let charts = (0..report.charts.len())
                .filter(|&k| chart_chapter(report, k) == Some(c.id.as_str()))
                .collect();
            let rest = all
                .iter()
                .copied()
                .filter(|i| !lead.contains(i))
                .take(CHAPTER_LIMIT.saturating_sub(lead.len()))
                .collect();
            Some(Chapter {
                chapter: ci,
                lead,
                charts,
                rest,
                total: all.len(),
                compact,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        crate::core::load::shipped().report
    }

    #[test]
    fn every_highlight_is_told_once_in_report_order_of_chapters() {
        let r = report();
        let story = chapters(&r);
        let ids: Vec<&str> = story
            .iter()
            .map(|c| r.chapters[c.chapter].id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["summary", "unity", "momentum", "results", "wellbeing"]
        );
        let mut told: Vec<usize> = story
            .iter()
            .flat_map(|c| c.lead.iter().chain(&c.rest).copied())
            .collect();
        told.sort_unstable();
        assert_eq!(told, (0..r.highlights.len()).collect::<Vec<_>>());
        assert!(
            story[0].compact && story[0].lead.is_empty(),
            "the opening has no figure"
        );
        assert!(story[1..].iter().all(|c| !c.compact && !c.lead.is_empty()));
    }

    #[test]
    fn key_figures_lead_their_chapter_and_charts_sit_with_their_data() {
        let r = report();
        let story = chapters(&r);
        let lead = |ch: &str| -> Vec<&str> {
            let c = story
                .iter()
                .find(|c| r.chapters[c.chapter].id == ch)
                .unwrap();
            c.lead
                .iter()
                .map(|&i| r.highlights[i].id.as_str())
                .collect()
        };
        assert!(lead("results").contains(&"industrial-output"));
        assert!(lead("unity").contains(&"ethnic-minority-residents"));
        assert!(lead("wellbeing").contains(&"elders-served-meals"));
        let charts = |ch: &str| -> Vec<&str> {
            let c = story
                .iter()
                .find(|c| r.chapters[c.chapter].id == ch)
                .unwrap();
            c.charts.iter().map(|&i| r.charts[i].id.as_str()).collect()
        };
        assert_eq!(charts("momentum"), ["publicity", "village-income"]);
        assert_eq!(
            charts("results"),
            [
                "enterprise-cultivation",
                "safety-inspections",
                "projects-by-status"
            ]
        );
        assert_eq!(charts("wellbeing"), ["elderly-care"]);
    }

    #[test]
    fn each_chapter_holds_more_room_than_it_takes_on_a_narrow_phone() {
        let r = report();
        let room = |ch: &str| {
            chapters(&r)
                .iter()
                .find(|c| r.chapters[c.chapter].id == ch)
                .unwrap()
                .room()
        };
        // Heights measured at 320 px: 129, 2957, 5581, 7904, 4627 px.
        assert_eq!(room("summary"), 1);
        assert_eq!(room("unity"), 5);
        assert_eq!(room("momentum"), 9);
        assert_eq!(room("results"), 12);
        assert_eq!(room("wellbeing"), 7);
        // The largest chapter a story draws stays within the stylesheet's rules (up to 24).
        let big = crate::core::synth::synthetic(&r, 2000);
        assert!(chapters(&big).iter().all(|c| c.room() <= 24));
    }

    #[test]
    fn a_large_chapter_draws_a_limit_and_counts_the_rest() {
        let r = crate::core::synth::synthetic(&report(), 2000);
        for c in chapters(&r) {
            assert!(c.lead.len() + c.rest.len() <= CHAPTER_LIMIT);
            assert!(c.total > CHAPTER_LIMIT);
        }
    }
}
