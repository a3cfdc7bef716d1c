use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::export;
use crate::glue::browser;
use crate::view::nav::{tr, Nav};

/// Download the highlights of the current view as CSV or JSON.
#[component]
pub fn Downloads(ds: Arc<Dataset>, visible: Memo<Vec<usize>>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = nav.lang;
    let csv = {
        let ds = ds.clone();
        move |_| {
            let text = visible.with_untracked(|v| export::csv(&ds.report, v));
            browser::download_text(
                &format!("{}.csv", ds.report.id),
                "text/csv;charset=utf-8",
                &text,
            );
        }
    };
    let json = move |_| {
        let query = nav.state.with_untracked(|s| s.write());
        let text = visible.with_untracked(|v| export::json(&ds.report, v, &query));
        browser::download_text(&format!("{}.json", ds.report.id), "application/json", &text);
    };
    view! {
        <div class="downloads" role="group" aria-label=tr(lang, |t| t.downloads)>
            <button type="button" class="download-csv" on:click=csv>{tr(lang, |t| t.download_csv)}</button>
            <button type="button" class="download-json" on:click=json>{tr(lang, |t| t.download_json)}</button>
        </div>
    }
}
