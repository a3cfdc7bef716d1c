//! Which highlights the reader sees, in which order, and how many each filter chip would show.

use crate::core::model::{Highlight, Kind, Report};
use crate::core::query::{Sort, ViewState};

/// Lower-cased text of each highlight that search looks through: titles, summaries, places,
/// quotes and printed figures, in both languages. Built once per report, not per keystroke.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(report: &Report) -> SearchIndex {
        let mut index = SearchIndex::default();
        index.extend(&report.highlights);
        index
    }

    /// Index the next highlights of the report (the app builds a large index in steps).
    pub fn extend(&mut self, highlights: &[Highlight]) {
        self.haystacks.extend(highlights.iter().map(haystack));
    }

    /// How many highlights are indexed.
    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
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
    // Case matters only for the English text, which is ASCII: folding bytes in place is many
    // times faster than Unicode case mapping, which shows at 100,000 highlights.
    s.make_ascii_lowercase();
    s
}

/// Search terms: the query split on white space, lower-cased like the index. Every term must match.
fn terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect()
}

/// What one view shows: the highlights in order, and what each chip would show if chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Indices into `report.highlights`, in the view's order.
    pub visible: Vec<usize>,
    pub facets: Facets,
}

/// One pass over the report, searching each highlight's text once: at 100,000 highlights this
/// is what a keystroke costs, so the chips' counts must not each search again.
///
/// `index` may be `None` when the view has no search words (it is not looked at then).
pub fn apply(report: &Report, index: Option<&SearchIndex>, s: &ViewState) -> Outcome {
    let terms = terms(&s.query);
    let hay = |i: usize| {
        index
            .and_then(|x| x.haystacks.get(i))
            .map_or("", String::as_str)
    };
    let mut out = Outcome {
        visible: Vec::new(),
        facets: Facets {
            themes: vec![0; report.themes.len()],
            chapters: vec![0; report.chapters.len()],
            kinds: vec![0; Kind::ALL.len()],
        },
    };
    for (i, h) in report.highlights.iter().enumerate() {
        if !terms.is_empty() && !terms.iter().all(|t| hay(i).contains(t.as_str())) {
            continue;
        }
        let theme = s.themes.is_empty() || s.themes.contains(&h.theme);
        let chapter = s.chapter.as_ref().is_none_or(|c| *c == h.chapter);
        let kind = s.kind.is_none_or(|k| k == h.kind);
        // A chip counts what the view would show with its own facet changed, the others kept.
        if chapter && kind {
            if let Some(t) = report.themes.iter().position(|t| t.id == h.theme) {
                out.facets.themes[t] += 1;
            }
        }
        if theme && kind {
            if let Some(c) = report.chapters.iter().position(|c| c.id == h.chapter) {
                out.facets.chapters[c] += 1;
            }
        }
        if theme && chapter {
            if let Some(k) = Kind::ALL.iter().position(|k| *k == h.kind) {
                out.facets.kinds[k] += 1;
            }
        }
        if theme && chapter && kind {
            out.visible.push(i);
        }
    }
    sort(report, s.sort, &mut out.visible);
    out
}

/// Indices into `report.highlights` of what the view shows, in the view's order.
pub fn visible(report: &Report, index: &SearchIndex, s: &ViewState) -> Vec<usize> {
    apply(report, Some(index), s).visible
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
        Sort::Theme => idx.sort_unstable_by_key(|&i| (theme_rank(i), i)),
        Sort::Kind => idx.sort_unstable_by_key(|&i| (kind_rank(i), i)),
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
    apply(report, Some(index), s).facets
}
