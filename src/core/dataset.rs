//! A loaded report with everything the views derive from it once (the search index), so that no
//! view re-parses or re-indexes on a keystroke.

use std::sync::OnceLock;

use crate::core::filter::{self, Outcome, SearchIndex};
use crate::core::load::{Loaded, Skipped};
use crate::core::model::{Report, ReportEntry, ReportIndex};
use crate::core::query::ViewState;

#[derive(Debug, PartialEq)]
pub struct Dataset {
    pub index: ReportIndex,
    pub entry: ReportEntry,
    pub report: Report,
    pub skipped: Vec<Skipped>,
    /// The [`stamp`] of the files it was read from, when it was asked for (to compare with the
    /// page the build rendered; not worth hashing megabytes for a view drawn fresh).
    pub stamp: Option<String>,
    /// Only the first page of a large report, read from the start of its file
    /// ([`crate::core::first_page`]) while the rest is checked: shown, but not yet counted,
    /// filtered or searched.
    pub partial: bool,
    /// Built after the first cards are drawn (the app offers it when ready), or on the first
    /// search if that comes sooner: the page need not wait for it.
    search: OnceLock<SearchIndex>,
}

impl Dataset {
    /// `stamp`: of the index and report texts it was read from ([`stamp`]), if taken.
    pub fn new(
        index: ReportIndex,
        entry: ReportEntry,
        loaded: Loaded,
        stamp: Option<String>,
    ) -> Dataset {
        Dataset {
            index,
            entry,
            report: loaded.report,
            skipped: loaded.skipped,
            stamp,
            partial: false,
            search: OnceLock::new(),
        }
    }

    /// The first page of a large report, to show until the whole of it is read.
    pub fn first_page(index: ReportIndex, entry: ReportEntry, loaded: Loaded) -> Dataset {
        Dataset {
            partial: true,
            ..Dataset::new(index, entry, loaded, None)
        }
    }

    /// The search index, built now if it is not there yet.
    pub fn search(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::new(&self.report))
    }

    pub fn has_search(&self) -> bool {
        self.search.get().is_some()
    }

    /// Hand over an index built elsewhere (in steps); ignored if one was built meanwhile.
    pub fn offer_search(&self, search: SearchIndex) {
        if search.len() == self.report.highlights.len() {
            let _ = self.search.set(search);
        }
    }

    /// What a view shows: the search index is only needed, and built, once there are words.
    pub fn outcome(&self, criteria: &ViewState) -> Outcome {
        let words = criteria.query.split_whitespace().next().is_some();
        filter::apply(&self.report, words.then(|| self.search()), criteria)
    }

    /// The index of the highlight with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.report.highlights.iter().position(|h| h.id == id)
    }
}

/// The entry of the index a link asks for: by id, else the first. `Err` names an unknown id.
pub fn choose_entry<'a>(
    index: &'a ReportIndex,
    wanted: Option<&str>,
) -> Result<&'a ReportEntry, String> {
    match wanted {
        None => index
            .reports
            .first()
            .ok_or_else(|| "the index lists no report".to_string()),
        Some(id) => index
            .reports
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| id.to_string()),
    }
}

/// Resolve a path relative to the index file's folder (`data/x.json` next to `reports.json`).
/// A stamp of the data a page was rendered from (the index and the report file, byte for byte):
/// the build writes it beside the page it renders, and the browser hydrates that page only if
/// the data it fetched has the same stamp; otherwise it draws the page fresh. FNV-1a over both
/// texts: the same on every platform (a `usize`-wide hasher is not), no crate needed.
pub fn stamp(index: &str, report: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in index.bytes().chain([0]).chain(report.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The index of reports, relative to the page.
pub const INDEX_URL: &str = "reports.json";

pub fn resolve(base: &str, href: &str) -> String {
    match base.rfind('/') {
        Some(i) => format!("{}{}", &base[..=i], href),
        None => href.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load;

    fn dataset() -> Dataset {
        let index = load::load_index(include_str!("../../public/reports.json")).unwrap();
        let entry = index.reports[0].clone();
        Dataset::new(index, entry, load::shipped(), None)
    }

    #[test]
    fn the_search_index_is_built_only_when_words_are_searched() {
        let ds = dataset();
        let all = ds.outcome(&ViewState::default());
        assert_eq!(all.visible.len(), ds.report.highlights.len());
        assert!(!ds.has_search(), "no words, no index");
        let words = ViewState {
            query: "养老".into(),
            ..ViewState::default()
        };
        let found = ds.outcome(&words);
        assert!(ds.has_search());
        assert_eq!(
            found.visible,
            filter::visible(&ds.report, &SearchIndex::new(&ds.report), &words)
        );
        assert!(!found.visible.is_empty() && found.visible.len() < all.visible.len());
    }

    #[test]
    fn an_index_built_elsewhere_is_taken_once_and_only_if_whole() {
        let ds = dataset();
        ds.offer_search(SearchIndex::default());
        assert!(!ds.has_search(), "an index of the wrong length is refused");
        ds.offer_search(SearchIndex::new(&ds.report));
        assert!(ds.has_search());
    }
}
