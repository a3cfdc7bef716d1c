//! A link's ids checked against the loaded report.

use super::{QueryProblem, ViewState};
use crate::core::model::Report;

impl ViewState {
    /// Check the ids a link names against the loaded report: an unknown theme, chapter or
    /// highlight is dropped (so the view falls back to its default) and reported.
    pub fn reconcile(&self, report: &Report) -> (ViewState, Vec<QueryProblem>) {
        let mut s = self.clone();
        let mut problems = Vec::new();
        // A renamed theme or highlight is found by its old id and written with its new one.
        let theme = |id: &str| {
            report
                .themes
                .iter()
                .find(|x| x.id == id || x.aliases.iter().any(|a| a == id))
        };
        let mut themes = Vec::new();
        for t in &s.themes {
            match theme(t) {
                Some(x) => themes.push(x.id.clone()),
                None => problems.push(QueryProblem {
                    param: "t".into(),
                    value: t.clone(),
                    reason: "unknown theme",
                }),
            }
        }
        s.themes = themes;
        s.normalize();
        if let Some(c) = &s.chart {
            if !report.charts.iter().any(|x| x.id == *c) {
                problems.push(QueryProblem {
                    param: "chart".into(),
                    value: c.clone(),
                    reason: "no such chart",
                });
                s.chart = None;
            }
        }
        if let Some(c) = &s.chapter {
            if !report.chapters.iter().any(|x| x.id == *c) {
                problems.push(QueryProblem {
                    param: "c".into(),
                    value: c.clone(),
                    reason: "unknown chapter",
                });
                s.chapter = None;
            }
        }
        if let Some(h) = &s.selected {
            let renamed = report
                .highlights
                .iter()
                .find(|x| x.aliases.iter().any(|a| a == h));
            if let Some(x) = renamed {
                s.selected = Some(x.id.clone());
            } else if !report.highlights.iter().any(|x| x.id == *h) {
                problems.push(QueryProblem {
                    param: "h".into(),
                    value: h.clone(),
                    reason: "no such highlight",
                });
                s.selected = None;
            }
        }
        (s, problems)
    }
}
