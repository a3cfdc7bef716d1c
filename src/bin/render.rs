//! Renders the page at build time, natively, with the same components the browser runs: the
//! default view of the first listed report (hero, chapters, every card with its figures and
//! source sentences, the filter bar as it first appears) goes into `index.html` as HTML, and the
//! browser hydrates it instead of drawing it again. The report's 原文 goes into a `<noscript>`
//! after it, so a reader without JavaScript, a crawler or WeChat's link preview has the report
//! too. Trunk's post-build hook runs it:
//!
//! ```text
//! cargo run --features ssr --bin render -- <staged index.html> public/reports.json
//! ```

// Rendering a page of deeply nested views is a deeply nested type.
#![recursion_limit = "256"]

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use xixi_highlights::core::dataset::{self, Dataset};
use xixi_highlights::core::i18n::ui;
use xixi_highlights::core::load;
use xixi_highlights::core::model::Lang;
use xixi_highlights::core::query::ViewState;
use xixi_highlights::view::app::App;
use xixi_highlights::view::nav::Nav;
use xixi_highlights::view::original::Original;

/// Where the page goes in `index.html`: everything between these two markers is replaced.
const START: &str = "<!-- app -->";
const END: &str = "<!-- /app -->";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [html, index] => render(Path::new(html), Path::new(index)),
        _ => Err("usage: render <index.html> <reports.json>".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    load::utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn render(html_path: &Path, index_path: &Path) -> Result<(), String> {
    let html = read(html_path)?;
    let index_text = read(index_path)?;
    let index =
        load::load_index(&index_text).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let entry = index
        .reports
        .first()
        .cloned()
        .ok_or("the index lists no report")?;
    let data_path = index_path
        .parent()
        .unwrap_or(Path::new("."))
        .join(&entry.href);
    let data_text = read(&data_path)?;
    let loaded =
        load::load_report(&data_text).map_err(|e| format!("{}: {e}", data_path.display()))?;
    let stamp = dataset::stamp(&index_text, &data_text);
    let ds = Arc::new(Dataset::new(
        index,
        entry.clone(),
        loaded,
        Some(stamp.clone()),
    ));

    let page = render_html({
        let ds = ds.clone();
        move || {
            view! { <App state=ViewState::default() problems=vec![] loaded=Ok(ds) whole=true /> }
        }
    });
    // 原文 for a reader without JavaScript: the same component as the 原文 view.
    let original = render_html(move || {
        provide_context(Nav::new(
            ViewState {
                view: xixi_highlights::core::query::View::Text,
                ..ViewState::default()
            },
            vec![],
        ));
        view! { <Original ds=ds /> }
    });
    let data_url = dataset::resolve(dataset::INDEX_URL, &entry.href);
    let fragment = format!(
        "<div id=\"app\" data-report=\"{}\" data-build=\"{stamp}\" data-preload=\"{} {}\" \
         data-loading-zh=\"{}\" data-loading-en=\"{}\">{page}</div>\
         <noscript><div class=\"noscript-original\"><p class=\"notice\">{}</p>{original}</div></noscript>",
        escape(&entry.id),
        escape(dataset::INDEX_URL),
        escape(&data_url),
        // The app's loading line, for the page's head script to show the same words meanwhile.
        escape(ui(Lang::Zh).loading),
        escape(ui(Lang::En).loading),
        escape(ui(Lang::Zh).no_script),
    );
    let out = inject(&html, &fragment)?;
    std::fs::write(html_path, out).map_err(|e| format!("{}: {e}", html_path.display()))?;
    println!(
        "render: {} rendered into {} ({} KB of HTML)",
        entry.id,
        html_path.display(),
        (page.len() + original.len()) / 1024
    );
    Ok(())
}

/// Render a view to HTML as the browser will find it to hydrate.
fn render_html<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(move || f().into_view().to_html())
}

fn escape(s: &str) -> String {
    xixi_highlights::core::format::html_escape(s)
}

/// Put `fragment` between the app markers of `html`.
fn inject(html: &str, fragment: &str) -> Result<String, String> {
    let a = html
        .find(START)
        .ok_or("index.html has no <!-- app --> marker")?;
    let b = html
        .find(END)
        .ok_or("index.html has no <!-- /app --> marker")?;
    if b < a {
        return Err("the app markers are out of order".into());
    }
    Ok(format!("{}{START}{fragment}{}", &html[..a], &html[b..]))
}
