//! A loaded report with everything the views derive from it once (the search index), so that no
//! view re-parses or re-indexes on a keystroke.

use crate::filter::SearchIndex;
use crate::load::{Loaded, Skipped};
use crate::model::{Report, ReportEntry, ReportIndex};

#[derive(Debug, PartialEq)]
pub struct Dataset {
    pub index: ReportIndex,
    pub entry: ReportEntry,
    pub report: Report,
    pub skipped: Vec<Skipped>,
    pub search: SearchIndex,
}

impl Dataset {
    pub fn new(index: ReportIndex, entry: ReportEntry, loaded: Loaded) -> Dataset {
        let search = SearchIndex::new(&loaded.report);
        Dataset::with_search(index, entry, loaded, search)
    }

    /// With a search index built beforehand (in steps, for a large report).
    pub fn with_search(
        index: ReportIndex,
        entry: ReportEntry,
        loaded: Loaded,
        search: SearchIndex,
    ) -> Dataset {
        debug_assert_eq!(search.len(), loaded.report.highlights.len());
        Dataset {
            index,
            entry,
            report: loaded.report,
            skipped: loaded.skipped,
            search,
        }
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
pub fn resolve(base: &str, href: &str) -> String {
    match base.rfind('/') {
        Some(i) => format!("{}{}", &base[..=i], href),
        None => href.to_string(),
    }
}
