//! Which highlights the reader sees, in which order, and how many each filter chip would show.

use crate::model::{Highlight, Kind, Report};
use crate::query::{Sort, ViewState};

/// Lower-cased text of each highlight that search looks through: titles, summaries, places,
/// quotes and printed figures, in both languages. Built once per report, not per keystroke.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(report: &Report) -> SearchIndex {
        SearchIndex {
            haystacks: report.highlights.iter().map(haystack).collect(),
        }
    }
}

fn haystack(h: &Highlight) -> String {
    let mut s = String::new();
    for part in [&h.title.zh, &h.title.en, &h.summary.zh, &h.summary.en] {
        s.push_str(part);
        s.push('\n');
    }
    for p in &h.places {
        s.push_str(&p.zh);
        s.push('\n');
        s.push_str(&p.en);
        s.push('\n');
    }
    for q in &h.quotes {
        s.push_str(&q.text);
        s.push('\n');
    }
    for m in &h.metrics {
        if let Some(p) = &m.printed {
            s.push_str(p);
            s.push('\n');
        }
        s.push_str(&m.label.zh);
        s.push('\n');
        s.push_str(&m.label.en);
        s.push('\n');
    }
    s.to_lowercase()
}

/// Search terms: the query split on white space, lower-cased. Every term must match.
fn terms(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// The filters of a view, minus one facet, so a chip can count what it would show.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Except {
    Nothing,
    Theme,
    Chapter,
    Kind,
}

fn keep(h: &Highlight, hay: &str, s: &ViewState, terms: &[String], except: Except) -> bool {
    (except == Except::Theme || s.themes.is_empty() || s.themes.contains(&h.theme))
        && (except == Except::Chapter || s.chapter.as_ref().is_none_or(|c| *c == h.chapter))
        && (except == Except::Kind || s.kind.is_none_or(|k| k == h.kind))
        && terms.iter().all(|t| hay.contains(t.as_str()))
}

/// Indices into `report.highlights` of what the view shows, in the view's order.
pub fn visible(report: &Report, index: &SearchIndex, s: &ViewState) -> Vec<usize> {
    let terms = terms(&s.query);
    let mut out: Vec<usize> = report
        .highlights
        .iter()
        .zip(&index.haystacks)
        .enumerate()
        .filter(|(_, (h, hay))| keep(h, hay, s, &terms, Except::Nothing))
        .map(|(i, _)| i)
        .collect();
    sort(report, s.sort, &mut out);
    out
}

/// Sort indices: report order, or grouped by theme (taxonomy order) or kind, report order within.
pub fn sort(report: &Report, sort: Sort, idx: &mut [usize]) {
    let theme_rank = |i: usize| {
        let t = &report.highlights[i].theme;
        report
            .themes
            .iter()
            .position(|x| x.id == *t)
            .unwrap_or(usize::MAX)
    };
    let kind_rank = |i: usize| {
        Kind::ALL
            .iter()
            .position(|k| *k == report.highlights[i].kind)
    };
    match sort {
        Sort::Report => idx.sort_unstable(),
        Sort::Theme => idx.sort_by_key(|&i| (theme_rank(i), i)),
        Sort::Kind => idx.sort_by_key(|&i| (kind_rank(i), i)),
    }
}

/// How many highlights each chip would show if chosen, given the other filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Per theme of `report.themes`, in that order.
    pub themes: Vec<usize>,
    /// Per chapter of `report.chapters`, in that order.
    pub chapters: Vec<usize>,
    /// Per kind of `Kind::ALL`.
    pub kinds: Vec<usize>,
}

pub fn facets(report: &Report, index: &SearchIndex, s: &ViewState) -> Facets {
    let terms = terms(&s.query);
    let mut f = Facets {
        themes: vec![0; report.themes.len()],
        chapters: vec![0; report.chapters.len()],
        kinds: vec![0; Kind::ALL.len()],
    };
    for (h, hay) in report.highlights.iter().zip(&index.haystacks) {
        if keep(h, hay, s, &terms, Except::Theme) {
            if let Some(i) = report.themes.iter().position(|t| t.id == h.theme) {
                f.themes[i] += 1;
            }
        }
        if keep(h, hay, s, &terms, Except::Chapter) {
            if let Some(i) = report.chapters.iter().position(|c| c.id == h.chapter) {
                f.chapters[i] += 1;
            }
        }
        if keep(h, hay, s, &terms, Except::Kind) {
            if let Some(i) = Kind::ALL.iter().position(|k| *k == h.kind) {
                f.kinds[i] += 1;
            }
        }
    }
    f
}
