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

/// One filter chip: a theme or a chapter by its place in the report's list, or a kind by its
/// place in `Kind::ALL`. What it shows and does is plain data, so the filter bar draws every
/// chip with one component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chip {
    Theme(usize),
    Chapter(usize),
    Kind(usize),
}

impl Chip {
    /// Whether the view has this filter on.
    pub fn pressed(self, report: &Report, s: &ViewState) -> bool {
        match self {
            Chip::Theme(i) => report
                .themes
                .get(i)
                .is_some_and(|t| s.themes.contains(&t.id)),
            Chip::Chapter(i) => report
                .chapters
                .get(i)
                .is_some_and(|c| s.chapter.as_ref() == Some(&c.id)),
            Chip::Kind(i) => Kind::ALL.get(i).is_some_and(|k| s.kind == Some(*k)),
        }
    }

    /// The view with this filter turned on or off: themes add up, a chapter or a kind replaces
    /// the one chosen before.
    pub fn toggled(self, report: &Report, s: ViewState) -> ViewState {
        let on = self.pressed(report, &s);
        match self {
            Chip::Theme(i) => match report.themes.get(i) {
                Some(t) => s.toggle_theme(&t.id),
                None => s,
            },
            Chip::Chapter(i) => ViewState {
                chapter: report.chapters.get(i).filter(|_| !on).map(|c| c.id.clone()),
                ..s
            },
            Chip::Kind(i) => ViewState {
                kind: Kind::ALL.get(i).copied().filter(|_| !on),
                ..s
            },
        }
    }

    /// How many highlights the view would show with this chip chosen.
    pub fn count(self, f: &Facets) -> usize {
        let (counts, i) = match self {
            Chip::Theme(i) => (&f.themes, i),
            Chip::Chapter(i) => (&f.chapters, i),
            Chip::Kind(i) => (&f.kinds, i),
        };
        counts.get(i).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_turn_their_filter_on_and_off() {
        let ds = crate::core::load::shipped();
        let r = &ds.report;
        let none = ViewState::default();

        let theme = Chip::Theme(1);
        let s = theme.toggled(r, none.clone());
        assert_eq!(s.themes, vec![r.themes[1].id.clone()]);
        assert!(theme.pressed(r, &s));
        // Themes add up; pressing one again takes only it away.
        let both = Chip::Theme(0).toggled(r, s.clone());
        assert_eq!(both.themes.len(), 2);
        assert_eq!(theme.toggled(r, both).themes, vec![r.themes[0].id.clone()]);

        let chapter = Chip::Chapter(2);
        let s = chapter.toggled(r, none.clone());
        assert_eq!(s.chapter.as_deref(), Some(r.chapters[2].id.as_str()));
        assert!(!Chip::Chapter(1).pressed(r, &s));
        // Another chapter replaces it; the same one again clears it.
        assert_eq!(
            Chip::Chapter(1).toggled(r, s.clone()).chapter.as_deref(),
            Some(r.chapters[1].id.as_str())
        );
        assert_eq!(chapter.toggled(r, s).chapter, None);

        let kind = Chip::Kind(0);
        let s = kind.toggled(r, none.clone());
        assert_eq!(s.kind, Some(Kind::ALL[0]));
        assert!(kind.pressed(r, &s) && !Chip::Kind(1).pressed(r, &s));
        assert_eq!(kind.toggled(r, s).kind, None);

        // A place past the end (a report with fewer themes) does nothing.
        assert_eq!(Chip::Theme(999).toggled(r, none.clone()), none);
        assert!(!Chip::Kind(999).pressed(r, &none));
    }

    #[test]
    fn chips_count_from_the_facets() {
        let f = Facets {
            themes: vec![3, 5],
            chapters: vec![7],
            kinds: vec![1, 2, 4],
        };
        assert_eq!(Chip::Theme(1).count(&f), 5);
        assert_eq!(Chip::Chapter(0).count(&f), 7);
        assert_eq!(Chip::Kind(2).count(&f), 4);
        assert_eq!(Chip::Theme(9).count(&f), 0);
    }
}
